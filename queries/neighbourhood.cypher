// neighbourhood: every edge of $entity, outgoing then incoming, with its evidence lists.
MATCH (x) WHERE x.id = $entity
MATCH (x)-[r]->(o)
RETURN 'out' AS dir, type(r) AS rel, o.id AS other, coalesce(o.name, o.id) AS other_name, labels(o)[0] AS other_label,
       r.papers AS ev_papers, r.sentences AS ev_sentences, r.confidences AS ev_confidences
UNION ALL
MATCH (x) WHERE x.id = $entity
MATCH (x)<-[r]-(o)
RETURN 'in' AS dir, type(r) AS rel, o.id AS other, coalesce(o.name, o.id) AS other_name, labels(o)[0] AS other_label,
       r.papers AS ev_papers, r.sentences AS ev_sentences, r.confidences AS ev_confidences
