// search (and entity resolution): every node of the labels in $labels with its name and the values of its
// alternative-name properties ($alias_props = queries.resolution.ALIAS_PROPS); the scoring in
// queries.resolution is shared by both stores. Dynamic keys (n[k]) raise no warning for absent keys.
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN collect({id: n.id,
               label: [l IN labels(n) WHERE l IN $labels][0],
               name: coalesce(n.name, n.id),
               alt: [x IN [k IN $alias_props | n[k]] WHERE x IS NOT NULL]}) AS rows
