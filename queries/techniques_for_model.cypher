// techniques-for-model: techniques applied to a model, or to every Model that is a MEMBER_OF a family.
// Applied = a paper EVALUATED_ON the model STUDIES the technique, or PROPOSES a Method INSTANCE_OF it.
// Raw rows: one per (paper, model, technique, route); queries.lookups aggregates them.
MATCH (target)
WHERE target.id = $model AND (target:Model OR target:ModelFamily)
// A version-level model (no size: model/llama-2) also stands for the sized models of its family and version.
WITH target, CASE WHEN target:Model THEN [target] ELSE [] END + [(m:Model)-[:MEMBER_OF]->(target) | m]
     + CASE WHEN target:Model AND target['size'] IS NULL AND target['version'] IS NOT NULL
            THEN [(target)-[:MEMBER_OF]->(:ModelFamily)<-[:MEMBER_OF]-(m:Model)
                  WHERE m['version'] = target['version'] AND m['size'] IS NOT NULL | m]
            ELSE [] END AS models
UNWIND models AS m
WITH DISTINCT m
MATCH (p:Paper)-[e:EVALUATED_ON]->(m)
UNWIND [(p)-[s:STUDIES]->(t:Technique) |
          {technique: t.id, technique_name: coalesce(t.name, t.id), method: null, method_name: null,
           via: 'STUDIES', ev_papers: s.papers, ev_sentences: s.sentences}]
     + [(p)-[s:PROPOSES]->(me:Method)-[:INSTANCE_OF]->(t:Technique) |
          {technique: t.id, technique_name: coalesce(t.name, t.id), method: me.id, method_name: coalesce(me.name, me.id),
           via: 'PROPOSES', ev_papers: s.papers, ev_sentences: s.sentences}] AS f
RETURN collect({paper: p.id,
               model: m.id,
               model_name: coalesce(m.name, m.id),
               model_papers: e.papers,
               model_sentences: e.sentences,
               technique: f.technique,
               technique_name: f.technique_name,
               method: f.method,
               method_name: f.method_name,
               via: f.via,
               ev_papers: f.ev_papers,
               ev_sentences: f.ev_sentences}) AS rows
