// timeline: the technique subtree under $technique, one raw row per class with its parents and its
// directly attached papers (with years); queries.structure cuts the tree and counts per year.
MATCH (root:Technique)
WHERE root.id = $technique
MATCH (c)-[:SUBCLASS_OF*0..]->(root)
WITH DISTINCT c
RETURN collect({kind: 'class',
               id: c.id,
               name: coalesce(c.name, c.id),
               label: labels(c)[0],
               parents: [(c)-[:SUBCLASS_OF]->(q) | q.id],
               papers: [(p:Paper)-[:STUDIES]->(c) | {id: p.id, year: p.year}] + [(p:Paper)-[:PROPOSES]->(:Method)-[:INSTANCE_OF]->(c) | {id: p.id, year: p.year}] + [(p:Paper)-[:TARGETS]->(c) | {id: p.id, year: p.year}] + [(p:Paper)-[:RUNS_ON]->(:Hardware)-[:INSTANCE_OF]->(c) | {id: p.id, year: p.year}]}) AS rows
