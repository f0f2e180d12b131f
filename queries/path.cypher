// path: all shortest paths between $a and $b, edges in either direction, at most $max_hops long
// (variable-length bounds cannot be parameters, so the pattern is bounded at 6 and filtered).
// The label disjunction lets the planner seek each label's id index instead of scanning all nodes.
// Ordered by (hops without evidence, node ids, types, start nodes): LIMIT keeps the same paths as the
// embedded store (queries.walk.path_order).
MATCH (a) WHERE a.id = $a AND (a:Paper OR a:Technique OR a:Topic OR a:Method OR a:Model OR a:ModelFamily OR a:Architecture OR a:Hardware OR a:HardwareClass OR a:Dataset OR a:Metric OR a:MemoryComponent OR a:Bottleneck OR a:Result)
MATCH (b) WHERE b.id = $b AND (b:Paper OR b:Technique OR b:Topic OR b:Method OR b:Model OR b:ModelFamily OR b:Architecture OR b:Hardware OR b:HardwareClass OR b:Dataset OR b:Metric OR b:MemoryComponent OR b:Bottleneck OR b:Result)
MATCH p = allShortestPaths((a)-[*..6]-(b))
WITH p WHERE length(p) <= $max_hops
WITH p, [n IN nodes(p) | n.id] AS ids, [r IN relationships(p) | type(r)] AS types,
     [r IN relationships(p) | startNode(r).id] AS starts,
     size([r IN relationships(p) WHERE r.papers IS NULL]) AS unsupported
ORDER BY unsupported, ids, types, starts
LIMIT $limit
RETURN collect({ids: ids,
               names: [n IN nodes(p) | coalesce(n.name, n.id)],
               labels: [n IN nodes(p) | labels(n)[0]],
               types: types,
               starts: starts,
               ev_papers: [r IN relationships(p) | r.papers],
               ev_sentences: [r IN relationships(p) | r.sentences],
               ev_confidences: [r IN relationships(p) | r.confidences]}) AS rows
