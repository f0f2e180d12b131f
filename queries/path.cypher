// path: all shortest paths between $a and $b, edges in either direction, at most $max_hops long
// (variable-length bounds cannot be parameters, so the pattern is bounded at 6 and filtered).
// Ordered by (node ids, types, start nodes) so that LIMIT keeps the same paths as the embedded store.
MATCH (a) WHERE a.id = $a
MATCH (b) WHERE b.id = $b
MATCH p = allShortestPaths((a)-[*..6]-(b))
WITH p WHERE length(p) <= $max_hops
WITH p, [n IN nodes(p) | n.id] AS ids, [r IN relationships(p) | type(r)] AS types,
     [r IN relationships(p) | startNode(r).id] AS starts
ORDER BY ids, types, starts
LIMIT $limit
RETURN ids, [n IN nodes(p) | coalesce(n.name, n.id)] AS names, [n IN nodes(p) | labels(n)[0]] AS labels,
       types, starts,
       [r IN relationships(p) | r.papers] AS ev_papers,
       [r IN relationships(p) | r.sentences] AS ev_sentences,
       [r IN relationships(p) | r.confidences] AS ev_confidences
