// papers-combining: papers that reach both $a and $b (a technique class with its subclasses, or a method).
// Raw rows: one per (side, paper, member class or method, route); queries.lookups intersects the sides.
UNWIND [['a', $a], ['b', $b]] AS pair
WITH pair[0] AS side, pair[1] AS xid
MATCH (x)
WHERE x.id = xid AND (x:Technique OR x:Method)
OPTIONAL MATCH (c:Technique)-[:SUBCLASS_OF*0..]->(x)
WITH side, x, collect(DISTINCT c) AS classes
WITH side, classes,
     reduce(acc = CASE WHEN x:Method THEN [x] ELSE [] END, c IN classes | acc + [(me:Method)-[:INSTANCE_OF]->(c) | me]) AS methods
UNWIND reduce(acc = [], c IN classes | acc + [(p:Paper)-[s:STUDIES]->(c) | {paper: p, member: c, via: 'STUDIES', rel: s}])
     + reduce(acc = [], me IN methods | acc + [(p:Paper)-[s:PROPOSES]->(me) | {paper: p, member: me, via: 'PROPOSES', rel: s}]) AS f
RETURN collect({side: side,
               paper: f.paper.id,
               title: coalesce(f.paper.name, f.paper.id),
               year: f.paper.year,
               member: f.member.id,
               member_name: coalesce(f.member.name, f.member.id),
               via: f.via,
               ev_papers: f.rel.papers,
               ev_sentences: f.rel.sentences}) AS rows
