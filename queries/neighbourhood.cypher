// neighbourhood: every edge of $entity, outgoing then incoming, with its evidence lists.
// The label disjunction lets the planner seek each label's id index instead of scanning all nodes.
MATCH (x) WHERE x.id = $entity AND (x:Paper OR x:Technique OR x:Topic OR x:Method OR x:Model OR x:ModelFamily OR x:Architecture OR x:Hardware OR x:HardwareClass OR x:Dataset OR x:Metric OR x:MemoryComponent OR x:Bottleneck OR x:Result)
MATCH (x)-[r]->(o)
RETURN collect({dir: 'out',
               rel: type(r),
               other: o.id,
               other_name: coalesce(o.name, o.id),
               other_label: labels(o)[0],
               ev_papers: r.papers,
               ev_sentences: r.sentences,
               ev_confidences: r.confidences}) AS rows

UNION ALL
MATCH (x) WHERE x.id = $entity AND (x:Paper OR x:Technique OR x:Topic OR x:Method OR x:Model OR x:ModelFamily OR x:Architecture OR x:Hardware OR x:HardwareClass OR x:Dataset OR x:Metric OR x:MemoryComponent OR x:Bottleneck OR x:Result)
MATCH (x)<-[r]-(o)
RETURN collect({dir: 'in',
               rel: type(r),
               other: o.id,
               other_name: coalesce(o.name, o.id),
               other_label: labels(o)[0],
               ev_papers: r.papers,
               ev_sentences: r.sentences,
               ev_confidences: r.confidences}) AS rows
