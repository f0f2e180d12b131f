// entity: one node's id, label and properties.
// The label disjunction lets the planner seek each label's id index instead of scanning all nodes.
MATCH (x) WHERE x.id = $entity AND (x:Paper OR x:Technique OR x:Topic OR x:Method OR x:Model OR x:ModelFamily OR x:Architecture OR x:Hardware OR x:HardwareClass OR x:Dataset OR x:Metric OR x:MemoryComponent OR x:Bottleneck OR x:Result)
RETURN collect({id: x.id,
               label: labels(x)[0],
               props: properties(x)}) AS rows
