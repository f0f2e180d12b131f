// technique-evaluations: what a technique class (with its subclasses and their methods) or a method was
// evaluated on. Subjects are the papers reaching it (STUDIES a class, PROPOSES a method) and the methods
// themselves. Raw rows: one per (subject, relationship, target).
MATCH (x)
WHERE x.id = $technique AND (x:Technique OR x:Method)
OPTIONAL MATCH (c:Technique)-[:SUBCLASS_OF*0..]->(x)
WITH x, collect(DISTINCT c) AS classes
WITH classes,
     reduce(acc = CASE WHEN x:Method THEN [x] ELSE [] END, c IN classes | acc + [(me:Method)-[:INSTANCE_OF]->(c) | me]) AS methods
WITH methods,
     reduce(acc = [], c IN classes | acc + [(p:Paper)-[:STUDIES]->(c) | p])
   + reduce(acc = [], me IN methods | acc + [(p:Paper)-[:PROPOSES]->(me) | p]) AS papers
UNWIND papers + methods AS s
WITH DISTINCT s
MATCH (s)-[e:EVALUATED_ON|RUNS_ON|TARGETS|PORTS_TO]->(o)
RETURN collect({subject: s.id,
               subject_label: labels(s)[0],
               rel: type(e),
               target: o.id,
               target_label: labels(o)[0],
               target_name: coalesce(o.name, o.id),
               ev_papers: e.papers,
               ev_sentences: e.sentences}) AS rows
