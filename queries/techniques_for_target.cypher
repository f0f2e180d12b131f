// techniques-for-target: techniques whose methods or papers target a hardware class (its subclasses and
// their devices included), a device, a memory component or a bottleneck.
// Raw rows: one per (subject, relationship, anchor, technique, method).
MATCH (x)
WHERE x.id = $target AND (x:HardwareClass OR x:MemoryComponent OR x:Bottleneck OR x:Hardware)
OPTIONAL MATCH (c)-[:SUBCLASS_OF*0..]->(x)
WITH collect(DISTINCT c) AS classes
UNWIND classes + reduce(acc = [], c IN classes | acc + [(h:Hardware)-[:INSTANCE_OF]->(c) | h]) AS y
WITH DISTINCT y
MATCH (s)-[e:PORTS_TO|TARGETS|RUNS_ON|REDUCES|ADDRESSES]->(y)
UNWIND CASE
         WHEN s:Technique THEN [{technique: s.id, technique_name: coalesce(s.name, s.id), method: null, method_name: null}]
         WHEN s:Method THEN [(s)-[:INSTANCE_OF]->(t:Technique) |
           {technique: t.id, technique_name: coalesce(t.name, t.id), method: s.id, method_name: coalesce(s.name, s.id)}]
         WHEN s:Paper THEN [(s)-[:STUDIES]->(t:Technique) |
           {technique: t.id, technique_name: coalesce(t.name, t.id), method: null, method_name: null}]
           + [(s)-[:PROPOSES]->(me:Method)-[:INSTANCE_OF]->(t:Technique) |
           {technique: t.id, technique_name: coalesce(t.name, t.id), method: me.id, method_name: coalesce(me.name, me.id)}]
         ELSE []
       END AS f
RETURN collect({subject: s.id,
               subject_label: labels(s)[0],
               rel: type(e),
               anchor: y.id,
               technique: f.technique,
               technique_name: f.technique_name,
               method: f.method,
               method_name: f.method_name,
               ev_papers: e.papers,
               ev_sentences: e.sentences}) AS rows
