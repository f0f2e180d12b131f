// best-results: Result nodes filtered by metric, by what they are on (model, family members, dataset,
// hardware, hardware class with subclasses and devices) and by technique (class with subclasses and
// their methods, or a method). Raw rows: one per result with its links; queries.lookups ranks them.
// t['direction'] (not t.direction): no warning when no metric node states a direction.
OPTIONAL MATCH (tx)
WHERE tx.id = $technique AND (tx:Technique OR tx:Method)
OPTIONAL MATCH (c:Technique)-[:SUBCLASS_OF*0..]->(tx)
WITH tx, collect(DISTINCT c) AS classes
WITH tx, classes + reduce(acc = CASE WHEN tx:Method THEN [tx] ELSE [] END,
                          c IN classes | acc + [(me:Method)-[:INSTANCE_OF]->(c) | me]) AS subjects
OPTIONAL MATCH (ox)
WHERE ox.id = $on AND (ox:Dataset OR ox:Model OR ox:ModelFamily OR ox:Hardware OR ox:HardwareClass)
OPTIONAL MATCH (oc:HardwareClass)-[:SUBCLASS_OF*0..]->(ox)
WITH tx, subjects, ox, collect(DISTINCT oc) AS on_classes
WITH tx, subjects, ox,
     CASE WHEN ox IS NULL THEN [] ELSE [ox] + [(m:Model)-[:MEMBER_OF]->(ox) | m] END
     + CASE WHEN ox:Model AND ox['size'] IS NULL AND ox['version'] IS NOT NULL
            THEN [(ox)-[:MEMBER_OF]->(:ModelFamily)<-[:MEMBER_OF]-(m:Model)
                  WHERE m['version'] = ox['version'] AND m['size'] IS NOT NULL | m]
            ELSE [] END
     + on_classes + reduce(acc = [], c IN on_classes | acc + [(h:Hardware)-[:INSTANCE_OF]->(c) | h]) AS ons
OPTIONAL MATCH (mt:Metric)
WHERE mt.id = $metric
WITH tx, subjects, ox, ons, mt
MATCH (r:Result)
WHERE (mt IS NULL OR EXISTS { (r)-[:MEASURES]->(mt) })
  AND (tx IS NULL OR EXISTS { MATCH (r)-[:RESULT_OF]->(s) WHERE s IN subjects })
  AND (ox IS NULL OR EXISTS { MATCH (r)-[:ON_MODEL|ON_DATASET|ON_HARDWARE]->(o) WHERE o IN ons })
RETURN collect({result: r.id,
               props: properties(r),
               metric: [(r)-[:MEASURES]->(t) | {id: t.id, name: coalesce(t.name, t.id), better: t['direction']}],
               subject: [(r)-[:RESULT_OF]->(t) | {id: t.id, name: coalesce(t.name, t.id)}],
               model: [(r)-[:ON_MODEL]->(t) | {id: t.id, name: coalesce(t.name, t.id)}],
               dataset: [(r)-[:ON_DATASET]->(t) | {id: t.id, name: coalesce(t.name, t.id)}],
               hardware: [(r)-[:ON_HARDWARE]->(t) | {id: t.id, name: coalesce(t.name, t.id)}],
               versus: [(r)-[:VERSUS]->(t) | {id: t.id, name: coalesce(t.name, t.id)}]}) AS rows
