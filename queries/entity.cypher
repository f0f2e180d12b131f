// entity: one node's id, label and properties.
MATCH (x) WHERE x.id = $entity
RETURN x.id AS id, labels(x)[0] AS label, properties(x) AS props
