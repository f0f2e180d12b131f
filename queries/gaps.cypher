// gaps: raw rows for both sides of the matrix. side 'technique': the technique subtree under $technique
// (classes, parents, directly attached papers); side 'axis': every model family, hardware class or
// architecture (per $axis) with the papers evaluated on / targeting / running on it.
MATCH (root:Technique)
WHERE root.id = $technique
MATCH (c)-[:SUBCLASS_OF*0..]->(root)
WITH DISTINCT c
RETURN 'technique' AS side, 'class' AS kind, c.id AS id, coalesce(c.name, c.id) AS name, labels(c)[0] AS label,
       [(c)-[:SUBCLASS_OF]->(q) | q.id] AS parents,
       [(p:Paper)-[:STUDIES]->(c) | {id: p.id, year: p.year}]
       + [(p:Paper)-[:PROPOSES]->(:Method)-[:INSTANCE_OF]->(c) | {id: p.id, year: p.year}]
       + [(p:Paper)-[:TARGETS]->(c) | {id: p.id, year: p.year}]
       + [(p:Paper)-[:RUNS_ON]->(:Hardware)-[:INSTANCE_OF]->(c) | {id: p.id, year: p.year}] AS papers
UNION ALL
MATCH (f:ModelFamily)
WHERE $axis = 'family'
RETURN 'axis' AS side, 'class' AS kind, f.id AS id, coalesce(f.name, f.id) AS name, 'ModelFamily' AS label,
       [] AS parents,
       [(p:Paper)-[:EVALUATED_ON]->(:Model)-[:MEMBER_OF]->(f) | {id: p.id, year: p.year}] AS papers
UNION ALL
MATCH (h:HardwareClass)
WHERE $axis = 'hardware-class'
RETURN 'axis' AS side, 'class' AS kind, h.id AS id, coalesce(h.name, h.id) AS name, 'HardwareClass' AS label,
       [(h)-[:SUBCLASS_OF]->(q:HardwareClass) | q.id] AS parents,
       [(p:Paper)-[:TARGETS]->(h) | {id: p.id, year: p.year}]
       + [(p:Paper)-[:RUNS_ON]->(:Hardware)-[:INSTANCE_OF]->(h) | {id: p.id, year: p.year}] AS papers
UNION ALL
MATCH (a:Architecture)
WHERE $axis = 'architecture'
RETURN 'axis' AS side, 'class' AS kind, a.id AS id, coalesce(a.name, a.id) AS name, 'Architecture' AS label,
       [] AS parents,
       [(p:Paper)-[:EVALUATED_ON]->(:Model)-[:USES_ARCHITECTURE]->(a) | {id: p.id, year: p.year}]
       + [(p:Paper)-[:EVALUATED_ON]->(:Model)-[:MEMBER_OF]->(:ModelFamily)-[:USES_ARCHITECTURE]->(a) | {id: p.id, year: p.year}]
       + [(p:Paper)-[:PROPOSES]->(:Method)-[:USES_ARCHITECTURE]->(a) | {id: p.id, year: p.year}] AS papers
