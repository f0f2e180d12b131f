// search: every node (not results) of the wanted kind with its name and alternative names; the scoring in
// queries.resolution is shared by both stores. $label is a kebab-case label name ('model-family') or null.
// alt holds the values of queries.resolution.ALIAS_PROPS, in that order (dynamic keys: no warnings for keys
// that no node has).
MATCH (n)
WHERE n.id IS NOT NULL AND NOT n:Result
  AND ($label IS NULL OR any(l IN labels(n) WHERE toLower(l) = replace($label, '-', '')))
RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.id) AS name,
       [k IN ['aliases', 'acronym', 'acronyms', 'alt_labels', 'alt_names', 'synonyms', 'abbreviation', 'short_name']
        | n[k]] AS alt
