// taxonomy: the subtree under $concept (SUBCLASS_OF), one raw row per class with its parents and the papers
// attached to it directly; with $instances, one more row per Method / Hardware INSTANCE_OF a class.
// Depths, tree order and roll-up counts are computed by queries.structure.
MATCH (root)
WHERE root.id = $concept AND (root:Technique OR root:HardwareClass OR root:Topic)
MATCH (c)-[:SUBCLASS_OF*0..]->(root)
WITH DISTINCT c
RETURN collect({kind: 'class',
               id: c.id,
               name: coalesce(c.name, c.id),
               label: labels(c)[0],
               parents: [(c)-[:SUBCLASS_OF]->(q) | q.id],
               papers: [(p:Paper)-[:STUDIES]->(c) | {id: p.id, year: p.year}] + [(p:Paper)-[:PROPOSES]->(:Method)-[:INSTANCE_OF]->(c) | {id: p.id, year: p.year}] + [(p:Paper)-[:TARGETS]->(c) | {id: p.id, year: p.year}] + [(p:Paper)-[:RUNS_ON]->(:Hardware)-[:INSTANCE_OF]->(c) | {id: p.id, year: p.year}]}) AS rows

UNION ALL
MATCH (root)
WHERE root.id = $concept AND $instances AND (root:Technique OR root:HardwareClass OR root:Topic)
MATCH (c)-[:SUBCLASS_OF*0..]->(root)
WITH DISTINCT c
MATCH (i)-[:INSTANCE_OF]->(c)
WHERE i:Method OR i:Hardware
RETURN collect({kind: 'instance',
               id: i.id,
               name: coalesce(i.name, i.id),
               label: labels(i)[0],
               parents: [c.id],
               papers: [(p:Paper)-[:PROPOSES|RUNS_ON]->(i) | {id: p.id, year: p.year}]}) AS rows
