// gaps: raw rows for both sides of the matrix. side 'technique': the technique subtree under $technique
// (classes, parents, directly attached papers); side 'axis': every model family, hardware class or
// architecture (per $axis) with the papers evaluated on / targeting / running on it.
MATCH (root:Technique)
WHERE root.id = $technique
MATCH (c)-[:SUBCLASS_OF*0..]->(root)
WITH DISTINCT c
RETURN collect({side: 'technique',
               kind: 'class',
               id: c.id,
               name: coalesce(c.name, c.id),
               label: labels(c)[0],
               parents: [(c)-[:SUBCLASS_OF]->(q) | q.id],
               papers: [(p:Paper)-[:STUDIES]->(c) | {id: p.id, year: p.year}] + [(p:Paper)-[:PROPOSES]->(:Method)-[:INSTANCE_OF]->(c) | {id: p.id, year: p.year}] + [(p:Paper)-[:TARGETS]->(c) | {id: p.id, year: p.year}] + [(p:Paper)-[:RUNS_ON]->(:Hardware)-[:INSTANCE_OF]->(c) | {id: p.id, year: p.year}]}) AS rows

UNION ALL
MATCH (f:ModelFamily)
WHERE $axis = 'family'
RETURN collect({side: 'axis',
               kind: 'class',
               id: f.id,
               name: coalesce(f.name, f.id),
               label: 'ModelFamily',
               parents: [],
               papers: [(p:Paper)-[:EVALUATED_ON]->(:Model)-[:MEMBER_OF]->(f) | {id: p.id, year: p.year}]}) AS rows

UNION ALL
MATCH (h:HardwareClass)
WHERE $axis = 'hardware-class'
RETURN collect({side: 'axis',
               kind: 'class',
               id: h.id,
               name: coalesce(h.name, h.id),
               label: 'HardwareClass',
               parents: [(h)-[:SUBCLASS_OF]->(q:HardwareClass) | q.id],
               papers: [(p:Paper)-[:TARGETS]->(h) | {id: p.id, year: p.year}] + [(p:Paper)-[:RUNS_ON]->(:Hardware)-[:INSTANCE_OF]->(h) | {id: p.id, year: p.year}]}) AS rows

UNION ALL
MATCH (a:Architecture)
WHERE $axis = 'architecture'
RETURN collect({side: 'axis',
               kind: 'class',
               id: a.id,
               name: coalesce(a.name, a.id),
               label: 'Architecture',
               parents: [],
               papers: [(p:Paper)-[:EVALUATED_ON]->(:Model)-[:USES_ARCHITECTURE]->(a) | {id: p.id, year: p.year}] + [(p:Paper)-[:EVALUATED_ON]->(:Model)-[:MEMBER_OF]->(:ModelFamily)-[:USES_ARCHITECTURE]->(a) | {id: p.id, year: p.year}] + [(p:Paper)-[:PROPOSES]->(:Method)-[:USES_ARCHITECTURE]->(a) | {id: p.id, year: p.year}]}) AS rows
