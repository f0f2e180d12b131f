// search (and entity resolution): every node of the labels in $labels with its name and the values of its
// alternative-name properties ($alias_props = queries.resolution.ALIAS_PROPS); the scoring in
// queries.resolution is shared by both stores. Dynamic keys (n[k]) raise no warning for absent keys; the
// values come as one flat list of strings (cheap for the driver to decode).
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN collect({id: n.id,
               label: [l IN labels(n) WHERE l IN $labels][0],
               name: coalesce(n.name, n.id),
               alt: reduce(acc = [], v IN [k IN $alias_props | n[k]] | acc + coalesce(v, []))}) AS rows
