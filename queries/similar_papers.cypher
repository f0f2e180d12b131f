// similar-papers: the features of $paper (techniques it studies or whose instances it proposes, models
// and datasets it is evaluated on, hardware it runs on, hardware classes it targets), each with every
// paper having that feature; queries.papers weighs and ranks them.
MATCH (p:Paper) WHERE p.id = $paper
UNWIND [(p)-[:STUDIES]->(t:Technique) | t]
     + [(p)-[:PROPOSES]->(:Method)-[:INSTANCE_OF]->(t:Technique) | t]
     + [(p)-[:EVALUATED_ON|RUNS_ON|TARGETS]->(x) | x] AS f
WITH DISTINCT f
RETURN collect({feature: f.id,
               label: labels(f)[0],
               name: coalesce(f.name, f.id),
               papers: [(q:Paper)-[:STUDIES|EVALUATED_ON|RUNS_ON|TARGETS]->(f) | {id: q.id, title: coalesce(q.name, q.id), year: q.year}] + [(q:Paper)-[:PROPOSES]->(:Method)-[:INSTANCE_OF]->(f) | {id: q.id, title: coalesce(q.name, q.id), year: q.year}]}) AS rows
