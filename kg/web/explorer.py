"""The explorer's views, built from a store: the logic behind every route of :mod:`kg.web.app`.

Questions go to the named queries (:mod:`queries`: search, path, taxonomy, technique evaluations
and the rest); plain graph reads for the canvas go to :mod:`kg.web.source`. Each method returns a
frozen record of :mod:`kg.web.models`; user errors are :class:`kg.errors.KGError` subclasses.

>>> import tempfile
>>> from kg.graph import new_graph, add_node
>>> from kg.store import open_store
>>> st = open_store(tempfile.mkdtemp())
>>> g = new_graph()
>>> add_node(g, "technique/pruning", "Technique", {"name": "Pruning"})
>>> add_node(g, "method/snip", "Method", {"name": "SNIP"})
>>> _ = g.add_edge("method/snip", "technique/pruning", key="INSTANCE_OF", support=1)
>>> _ = st.write(g)
>>> view = Explorer(st).graph(["snip"])
>>> [n.id for n in view.nodes]
['method/snip', 'technique/pruning']
"""

from __future__ import annotations

import logging
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kg import __version__
from kg.errors import ParameterError, UnknownNameError
from kg.web.models import (
    EntityView,
    Evaluation,
    EvidenceItem,
    Family,
    GraphEdge,
    GraphNode,
    GraphView,
    Meta,
    ParamInfo,
    PathHop,
    PathOne,
    PathView,
    QueryAnswer,
    QueryInfo,
    Ref,
    RelationView,
    SearchHit,
    SearchView,
    SourceLocation,
    Subgraph,
    TaxonomyRow,
    TaxonomyView,
    ViewBundle,
)
from kg.web.source import Annotation, EdgeInfo, GraphSource, source_for
from ontology.vocab import PREFIX_LABEL, NodeLabel, RelType

if TYPE_CHECKING:
    from kg.store.base import GraphStore

log = logging.getLogger(__name__)

ROOT = "technique/ml-efficiency"
"""The top of the in-scope taxonomy; its direct subclasses are the technique families."""

MAX_NODES = 2000
"""Hard cap on the nodes of one canvas answer (the page asks for far fewer)."""
MAX_ANCHORS = 50
HIDDEN_PROPS = frozenset({"text", "offset_map", "label"})
"""Node properties never shown (the normalised text and its offset anchors are internal)."""
PARENT_TYPES = ("SUBCLASS_OF", "INSTANCE_OF", "MEMBER_OF", "STUDIES")
"""Edges that place an entity in a hierarchy (a paper sits under what it studies)."""

# Relations grouped in the panel in this order; the rest follow alphabetically.
_PANEL_ORDER = (
    "proposed by", "proposes", "instance of", "instances", "subclass of", "subclasses", "studies", "studied by",
    "evaluated on", "evaluated by", "runs on", "targets", "targeted by", "reduces", "reduced by", "addresses",
    "addressed by", "extends", "extended by", "compared with", "baseline of", "composes with", "has component",
    "component of", "ported to", "member of", "members", "derived from", "derivatives", "architecture",
    "trained on", "introduces", "introduced by", "reports", "reported by", "result of", "results", "used by",
)


def relation_words(rel: str, direction: str) -> str:
    """The relation named from the entity's side (the query layer's wording).

    >>> relation_words("PROPOSES", "in")
    'proposed by'
    """
    from queries.walk import relation_words as words

    return words(rel, direction)


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and "/" in value and value.split("/", 1)[0] in _PREFIXES and len(value) < 300


_PREFIXES = frozenset(PREFIX_LABEL)


def _ids_in(value: Any, out: dict[str, None]) -> None:
    """Collect node ids found in a query answer's cells (strings, lists, nested evidence maps)."""
    if _is_id(value):
        out.setdefault(value, None)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _ids_in(v, out)
    elif isinstance(value, dict):
        for v in value.values():
            _ids_in(v, out)


def _clean_list(values: Sequence[str] | None, allowed: Iterable[str], what: str) -> list[str] | None:
    """Check a filter list against the vocabulary (case-insensitive); ``None`` means no filter."""
    if values is None:
        return None
    lookup = {a.lower().replace("_", "").replace("-", ""): a for a in allowed}
    out: list[str] = []
    for raw in values:
        for part in raw.split(","):
            part = part.strip()
            if not part:
                continue
            hit = lookup.get(part.lower().replace("_", "").replace("-", ""))
            if hit is None:
                import difflib

                close = difflib.get_close_matches(part, list(allowed), n=3, cutoff=0.5)
                raise UnknownNameError(part, kind=what, candidates=close)
            if hit not in out:
                out.append(hit)
    return out


def _example(x: Any) -> dict[str, str]:
    """A query example as a parameter map (older specs wrote them as 'k=v k=v')."""
    if isinstance(x, dict):
        return {str(k): str(v) for k, v in x.items()}
    return dict(part.split("=", 1) for part in str(x).split() if "=" in part)


class Explorer:
    """Every view of the explorer over one store."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.src: GraphSource = source_for(store)

    # -- names -----------------------------------------------------------------------------

    def resolve(self, text: str, labels: Sequence[str] | None = None) -> str:
        """The id a text names: an existing id as is, else a name, alias or acronym via the query layer."""
        import queries

        text = text.strip()
        if not text:
            raise ParameterError("an entity name or id is needed")
        if len(text) > 300:
            raise ParameterError("an entity name is at most 300 characters")
        if "/" in text and self.src.nodes([text]):
            return text
        res = queries.resolve(self.store, text, labels)
        if res.entity is None:
            names = tuple(c.id if c.name == c.id else f"{c.id} ({c.name})" for c in res.candidates)
            kind = " or ".join(lbl.lower() for lbl in labels) if labels else "entity"
            if res.candidates and res.candidates[0].score >= 40:
                raise queries.AmbiguousNameError(text, kind=kind, candidates=names)
            raise UnknownNameError(text, kind=kind, candidates=names)
        return res.entity.id

    def resolve_all(self, texts: Iterable[str]) -> list[str]:
        wanted = [t.strip() for t in texts if t and t.strip()]
        if len(wanted) > MAX_ANCHORS:
            raise ParameterError(f"at most {MAX_ANCHORS} focus and expanded entities at once")
        known = self.src.nodes([t for t in wanted if "/" in t])
        out: list[str] = []
        for t in wanted:
            i = t if t in known else self.resolve(t)
            if i not in out:
                out.append(i)
        return out

    # -- meta ------------------------------------------------------------------------------

    def families(self) -> list[Family]:
        edges, names = self.src.skeleton()
        fams = sorted({c for c, p in edges if p == ROOT})
        return [Family(id=f, name=names[f].name if f in names else f) for f in fams]

    def meta(self) -> Meta:
        """Counts, vocabulary, families and years for the page's controls."""
        stats = self.store.stats()
        start = None
        # A well-known method when the graph has one, else the top of the taxonomy.
        found = self.src.nodes(["method/galore", "method/flashattention", ROOT])
        for candidate in ("method/galore", "method/flashattention", ROOT):
            if candidate in found:
                info = found[candidate]
                start = Ref(id=candidate, label=info.label, name=str(info.props.get("name", candidate)))
                break
        return Meta(
            version=__version__,
            store=self.store.kind,
            nodes=stats.nodes,
            edges=stats.edges,
            labels=tuple(lbl.value for lbl in NodeLabel),
            relationships=tuple(r.value for r in RelType),
            families=tuple(self.families()),
            years={str(y): n for y, n in self.src.years().items()},
            start=start,
        )

    def warm_up(self) -> None:
        """Answer a typical first page once (meta, the suggested entity, its panel), so the store's
        caches and Neo4j's query plans are ready before the first visitor. Errors are only logged:
        the same request made by a person will report them."""
        from kg.errors import KGError

        try:
            meta = self.meta()
            if meta.start is not None:
                self.view([meta.start.id], sel=meta.start.id)
                self.search(meta.start.name[:3])
            self.taxonomy()
        except KGError as exc:
            log.warning("explorer warm-up: %s", exc)

    # -- search ----------------------------------------------------------------------------

    def search(self, text: str, label: str | None = None, limit: int = 10) -> SearchView:
        """Autocomplete over names, aliases, acronyms and ids (the query layer's ``search``)."""
        import queries

        if not text.strip():
            return SearchView(text=text)
        if len(text) > 200:
            raise ParameterError("search text is at most 200 characters")
        res = queries.search(self.store, text, label=label, limit=limit)
        hits = tuple(SearchHit(**{k: r[k] for k in SearchHit.model_fields}) for r in res.rows)
        return SearchView(text=text, hits=hits, notes=res.notes)

    # -- canvas ----------------------------------------------------------------------------

    def _families_of(self, techniques: Iterable[str], parents: Mapping[str, list[str]], memo: dict[str, frozenset[str]]) -> set[str]:
        fams: set[str] = set()
        for t in techniques:
            fams |= self._family_of(t, parents, memo)
        return fams

    def _family_of(self, t: str, parents: Mapping[str, list[str]], memo: dict[str, frozenset[str]]) -> frozenset[str]:
        if t in memo:
            return memo[t]
        memo[t] = frozenset()  # guards against a cycle in a broken taxonomy
        ps = parents.get(t, [])
        found: set[str] = set()
        if ROOT in ps:
            found.add(t)
        for p in ps:
            if p != ROOT:
                found |= self._family_of(p, parents, memo)
        memo[t] = frozenset(found)
        return memo[t]

    def _nodes_out(self, ids: Sequence[str]) -> dict[str, GraphNode]:
        infos = self.src.nodes(ids)
        notes = self.src.annotations(list(infos))
        edges, _ = self.src.skeleton()
        parents: dict[str, list[str]] = defaultdict(list)
        for c, p in edges:
            parents[c].append(p)
        memo: dict[str, frozenset[str]] = {}
        out: dict[str, GraphNode] = {}
        for i, info in infos.items():
            ann = notes.get(i, Annotation(None, frozenset(), 0))
            out[i] = GraphNode(
                id=i,
                label=info.label,
                name=str(info.props.get("name", i)),
                year=ann.year,
                families=tuple(sorted(self._families_of(ann.techniques, parents, memo))),
                stub=bool(info.props.get("stub", False)),
                degree=ann.degree,
            )
        return out

    @staticmethod
    def _edge_out(e: EdgeInfo) -> GraphEdge:
        conf = e.props.get("confidence")
        return GraphEdge(
            id=e.key, source=e.source, target=e.target, type=e.type,
            support=int(e.props.get("support") or 0),
            confidence=float(conf) if isinstance(conf, (int, float)) else None,
            ontology=e.props.get("origin") == "ontology",
        )

    def graph(
        self,
        focus: Sequence[str],
        expand: Sequence[str] = (),
        *,
        labels: Sequence[str] | None = None,
        rels: Sequence[str] | None = None,
        family: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        limit: int = 300,
    ) -> GraphView:
        """The canvas: the focus and expanded entities with their neighbours, after filters.

        A method brings along the paper-level facts of the papers proposing it (what it was evaluated
        on and run on is stated at the paper). Filters never hide the anchors themselves; a neighbour
        that loses its last link to an anchor goes too. At most ``limit`` nodes, best supported first.
        """
        if limit < 1 or limit > MAX_NODES:
            raise ParameterError(f"limit must be from 1 to {MAX_NODES}")
        if year_from is not None and year_to is not None and year_from > year_to:
            raise ParameterError(f"year_from ({year_from}) is after year_to ({year_to})")
        label_list = _clean_list(labels, [lbl.value for lbl in NodeLabel], "node label")
        rel_list = _clean_list(rels, [r.value for r in RelType], "relationship type")
        fam = None
        if family:
            fam = self.resolve(family, ["Technique"])
            if fam not in {f.id for f in self.families()}:
                raise ParameterError(f"{fam} is not a technique family (a direct subclass of {ROOT})")
        anchors = self.resolve_all([*focus, *expand])
        if not anchors:
            return GraphView()
        infos = self.src.nodes(anchors)
        extra = [p for ps in self.src.proposers([a for a in anchors if infos[a].label == "Method"]).values() for p in ps]
        hub = list(dict.fromkeys([*anchors, *extra]))
        inc = self.src.incident(hub, rels=rel_list, labels=label_list, per_node=limit)
        ids: dict[str, None] = dict.fromkeys(hub)
        for e in inc.edges:
            ids.setdefault(e.source, None)
            ids.setdefault(e.target, None)
        if label_list is not None:
            # Proposing papers brought in for a method are neighbours too: they obey the label filter.
            for p in extra:
                if p not in anchors and "Paper" not in label_list:
                    ids.pop(p, None)
        edges = [e for e in self.src.edges_among(list(ids)) if rel_list is None or e.type in rel_list]
        nodes = self._nodes_out(list(ids))

        def passes(n: GraphNode) -> bool:
            if fam and n.families and fam not in n.families:
                return False
            if n.year is not None:
                if year_from is not None and n.year < year_from:
                    return False
                if year_to is not None and n.year > year_to:
                    return False
            return True

        kept = {i for i, n in nodes.items() if i in anchors or passes(n)}
        edges = [e for e in edges if e.source in kept and e.target in kept]
        # Keep what still hangs together with an anchor.
        adj: dict[str, list[str]] = defaultdict(list)
        for e in edges:
            adj[e.source].append(e.target)
            adj[e.target].append(e.source)
        reach = {a for a in anchors if a in kept}
        queue = deque(reach)
        while queue:
            x = queue.popleft()
            for y in adj[x]:
                if y not in reach:
                    reach.add(y)
                    queue.append(y)
        hidden = len(set(nodes) - reach)
        notes: list[str] = []
        truncated = any(inc.totals.get(a, 0) > limit for a in hub)
        if len(reach) > limit:
            # Rank neighbours by their best support towards the anchors, then by id.
            best: dict[str, int] = defaultdict(int)
            anchor_set = set(hub)
            for e in edges:
                for x, y in ((e.source, e.target), (e.target, e.source)):
                    if y in anchor_set:
                        best[x] = max(best[x], int(e.props.get("support") or 0) + 1)
            ranked = sorted(reach - set(anchors), key=lambda i: (-best[i], i))
            reach = set(anchors) | set(ranked[: max(0, limit - len(anchors))])
            edges = [e for e in edges if e.source in reach and e.target in reach]
            truncated = True
        if truncated:
            notes.append(f"showing the {len(reach)} best-supported nodes (limit {limit})")
        if hidden:
            notes.append(f"{hidden} neighbours hidden by the filters")
        return GraphView(
            focus=tuple(anchors),
            nodes=tuple(nodes[i] for i in sorted(reach) if i in nodes),
            edges=tuple(self._edge_out(e) for e in edges),
            truncated=truncated,
            hidden=hidden,
            notes=tuple(notes),
        )

    def subgraph(self, ids: Iterable[str], *, limit: int = 300, highlight: Sequence[EdgeInfo] | None = None) -> Subgraph:
        """The nodes among ``ids`` that exist and the edges among them."""
        wanted = list(dict.fromkeys(ids))
        truncated = len(wanted) > limit
        wanted = wanted[:limit]
        nodes = self._nodes_out(wanted)
        edges = highlight if highlight is not None else self.src.edges_among(list(nodes))
        notes = (f"showing the first {limit} entities of the answer",) if truncated else ()
        return Subgraph(
            nodes=tuple(nodes[i] for i in sorted(nodes)),
            edges=tuple(self._edge_out(e) for e in edges if e.source in nodes and e.target in nodes),
            truncated=truncated,
            notes=notes,
        )

    # -- side panel ------------------------------------------------------------------------

    def _sources(self, papers: Mapping[str, dict[str, Any]]) -> dict[str, SourceLocation]:
        out: dict[str, SourceLocation] = {}
        for pid, p in papers.items():
            files, lines = p.get("source_files") or [], p.get("source_lines") or []
            formats = p.get("source_formats") or []
            if files and lines:
                out[pid] = SourceLocation(paper=pid, title=str(p.get("title", pid)), file=str(files[0]),
                                          line=int(lines[0]), format=str(formats[0]) if formats else "")
        return out

    def _lineages(self, direct: Sequence[str]) -> tuple[tuple[Ref, ...], ...]:
        edges, names = self.src.skeleton()
        parents: dict[str, list[str]] = defaultdict(list)
        for c, p in edges:
            parents[c].append(p)
        lines: list[tuple[str, ...]] = []

        def up(chain: tuple[str, ...]) -> None:
            if len(lines) >= 12 or len(chain) > 12:
                return
            ps = [p for p in parents.get(chain[0], []) if p not in chain]
            if not ps:
                lines.append(chain)
            for p in sorted(ps):
                up((p, *chain))

        for d in direct:
            up((d,))
        info = self.src.nodes({i for line in lines for i in line})
        return tuple(
            tuple(Ref(id=i, label=info[i].label, name=str(info[i].props.get("name", i))) for i in line if i in info)
            for line in lines
        )

    def entity(self, text: str, *, limit: int = 25) -> EntityView:
        """Everything about one entity: properties, place in the taxonomy, provenance, relations with
        their evidence (at most ``limit`` per relation group, best supported first) and, for methods
        and techniques, what they were evaluated on."""
        if limit < 0 or limit > 1000:
            raise ParameterError("limit must be from 0 to 1000 (0 = all)")
        node_id = self.resolve(text)
        info = self.src.nodes([node_id], full=True)[node_id]
        props = {k: v for k, v in sorted(info.props.items()) if k not in HIDDEN_PROPS}
        name = str(props.get("name", node_id))
        edges = self.src.edges_of(node_id)
        others = self.src.nodes({e.target if e.source == node_id else e.source for e in edges})
        ev_papers = {p for e in edges for p in e.props.get("papers") or []}
        if info.label == "Paper":
            ev_papers.add(node_id)
        papers = self.src.papers(ev_papers)
        sources = self._sources(papers)

        groups: dict[str, list[RelationView]] = defaultdict(list)
        direct_parents: list[str] = []
        for e in edges:
            direction = "out" if e.source == node_id else "in"
            other_id = e.target if direction == "out" else e.source
            other = others.get(other_id)
            if other is None:
                continue
            if direction == "out" and e.type in PARENT_TYPES and other.label in ("Technique", "HardwareClass", "Topic", "ModelFamily"):
                direct_parents.append(other_id)
            p = e.props
            ev: list[EvidenceItem] = []
            plist = list(p.get("papers") or [])
            sents = list(p.get("sentences") or [])
            confs = list(p.get("confidences") or [])
            exts = list(p.get("extractors") or [])
            quals = list(p.get("qualifiers") or [])
            for j, pid in enumerate(plist):
                pp = papers.get(pid, {})
                ev.append(EvidenceItem(
                    paper=pid,
                    paper_title=str(pp.get("title", pid)),
                    year=pp.get("year") if isinstance(pp.get("year"), int) else None,
                    sentence=str(sents[j]) if j < len(sents) else "",
                    confidence=float(confs[j]) if j < len(confs) else None,
                    extractor=str(exts[j]) if j < len(exts) else "",
                    qualifier=str(quals[j]) if j < len(quals) else "",
                    source=sources.get(pid),
                ))
            ev.sort(key=lambda x: (-(x.confidence or 0.0), x.paper))
            words = relation_words(e.type, direction)
            conf = p.get("confidence")
            groups[words].append(RelationView(
                type=e.type, direction=direction, words=words,
                other=Ref(id=other_id, label=other.label, name=str(other.props.get("name", other_id))),
                support=int(p.get("support") or len(plist)),
                confidence=float(conf) if isinstance(conf, (int, float)) else None,
                ontology=p.get("origin") == "ontology",
                evidence=tuple(ev),
            ))
        order = {w: i for i, w in enumerate(_PANEL_ORDER)}
        relations: list[RelationView] = []
        counts: dict[str, int] = {}
        notes: list[str] = []
        for words in sorted(groups, key=lambda w: (order.get(w, len(order)), w)):
            items = sorted(groups[words], key=lambda r: (-r.support, r.other.name.lower(), r.other.id))
            counts[words] = len(items)
            if limit and len(items) > limit:
                notes.append(f"{words}: showing {limit} of {len(items)}")
                items = items[:limit]
            relations.extend(items)

        if info.label == "Paper":
            provenance = self._paper_occurrences(node_id, papers.get(node_id, info.props))
        else:
            provenance = tuple(sources[p] for p in sorted(sources))[:20]

        evaluations: tuple[Evaluation, ...] = ()
        if info.label in ("Method", "Technique"):
            evaluations = self._evaluations(node_id)
        return EntityView(
            id=node_id, label=info.label, name=name, properties=props,
            parents=self._lineages(sorted(set(direct_parents))),
            provenance=provenance, relations=tuple(relations), relation_counts=counts,
            evaluations=evaluations, notes=tuple(notes),
        )

    @staticmethod
    def _paper_occurrences(pid: str, p: Mapping[str, Any]) -> tuple[SourceLocation, ...]:
        files, lines, fmts = p.get("source_files") or [], p.get("source_lines") or [], p.get("source_formats") or []
        return tuple(
            SourceLocation(paper=pid, title=str(p.get("title", pid)), file=str(f), line=int(ln),
                           format=str(fmts[i]) if i < len(fmts) else "")
            for i, (f, ln) in enumerate(zip(files, lines))
        )

    def _evaluations(self, node_id: str) -> tuple[Evaluation, ...]:
        import queries

        res = queries.technique_evaluations(self.store, node_id)
        return tuple(
            Evaluation(kind=str(r["kind"]), id=str(r["id"]), name=str(r["name"]), papers=int(r["papers"]),
                       evidence=tuple(r.get("evidence") or ()))
            for r in res.rows
        )

    # -- taxonomy, path, named queries -----------------------------------------------------

    def taxonomy(self, concept: str | None = None, depth: int = 0) -> TaxonomyView:
        """The taxonomy tree under a concept with paper counts (direct and rolled up)."""
        import queries

        res = queries.taxonomy(self.store, concept, depth=depth)
        rows = tuple(
            TaxonomyRow(id=r["id"], name=str(r["name"]), label=str(r["label"]), depth=int(r["depth"]),
                        papers=int(r["papers"]), total=int(r["total"]), parents=tuple(r.get("parents") or ()))
            for r in res.rows
        )
        return TaxonomyView(concept=str(res.params.get("concept") or ROOT), rows=rows, notes=res.notes)

    def path(self, a: str, b: str, *, max_hops: int = 4, limit: int = 5) -> PathView:
        """How A relates to B: the query layer's shortest paths, each hop with its evidence."""
        import queries

        res = queries.path(self.store, a, b, max_hops=max_hops, limit=limit)
        aid, bid = str(res.params["a"]), str(res.params["b"])
        by_path: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for r in res.rows:
            by_path[int(r["path"])].append(r)
        node_ids: dict[str, None] = dict.fromkeys([aid, bid])
        for hops in by_path.values():
            for h in hops:
                node_ids.setdefault(h["from"], None)
                node_ids.setdefault(h["to"], None)
        infos = self.src.nodes(node_ids)
        titles = self.src.papers({r["paper"] for r in res.rows if r.get("paper")})

        def ref(i: str) -> Ref:
            n = infos.get(i)
            return Ref(id=i, label=n.label if n else "", name=str(n.props.get("name", i)) if n else i)

        paths: list[PathOne] = []
        hop_edges: dict[str, EdgeInfo] = {}
        for num in sorted(by_path):
            hops = sorted(by_path[num], key=lambda r: r["hop"])
            out_hops: list[PathHop] = []
            for h in hops:
                rel = str(h["rel"])
                forward = rel.startswith("-[")
                typ = rel.strip("-<>[]")
                s, t = (h["from"], h["to"]) if forward else (h["to"], h["from"])
                paper = h.get("paper")
                out_hops.append(PathHop(
                    source=s, target=t, type=typ, forward=forward, paper=paper,
                    paper_title=str(titles[paper].get("title", paper)) if paper in titles else None,
                    sentence=h.get("sentence"),
                ))
                hop_edges.setdefault(f"{s}|{typ}|{t}", EdgeInfo(s, t, typ, {}))
            nodes = [hops[0]["from"], *[h["to"] for h in hops]] if hops else []
            paths.append(PathOne(nodes=tuple(ref(i) for i in nodes), hops=tuple(out_hops)))
        # Support and confidence of the hop edges come from the graph.
        stored = {e.key: e for e in self.src.edges_among(list(node_ids))}
        highlight = [stored.get(k, e) for k, e in sorted(hop_edges.items())]
        return PathView(
            a=ref(aid), b=ref(bid), paths=tuple(paths),
            subgraph=self.subgraph(node_ids, highlight=highlight), notes=res.notes,
        )

    def queries(self) -> list[QueryInfo]:
        """Every named query with its typed parameters."""
        import queries

        return [
            QueryInfo(
                name=q.name, title=q.title, description=q.description, columns=q.columns,
                examples=tuple(_example(x) for x in q.examples),
                params=tuple(ParamInfo(**{k: getattr(p, k) for k in ParamInfo.model_fields}) for p in q.params),
            )
            for q in queries.list_queries()
        ]

    def run_query(self, name: str, params: Mapping[str, Any]) -> QueryAnswer:
        """Run a named query; the entities its answer names become a subgraph for the canvas."""
        import queries

        res = queries.run(self.store, name, dict(params))
        found: dict[str, None] = {}
        for k, v in res.params.items():
            if _is_id(v):
                found.setdefault(v, None)
        for r in res.rows:
            _ids_in(r, found)
        return QueryAnswer(
            query=res.query, params=res.params, columns=res.columns, rows=res.rows, notes=res.notes,
            store=res.store, subgraph=self.subgraph(found, limit=150),
        )

    # -- the whole page --------------------------------------------------------------------

    def view(
        self,
        focus: Sequence[str],
        expand: Sequence[str] = (),
        *,
        labels: Sequence[str] | None = None,
        rels: Sequence[str] | None = None,
        family: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        limit: int = 300,
        sel: str | None = None,
        pa: str | None = None,
        pb: str | None = None,
        max_hops: int = 4,
    ) -> ViewBundle:
        """What a shared link of the page shows, in one answer: the canvas, the selected entity and the
        path. A selection or path that no longer resolves becomes a note, so an old link still opens."""
        graph = self.graph(focus, expand, labels=labels, rels=rels, family=family, year_from=year_from,
                           year_to=year_to, limit=limit)
        notes: list[str] = []
        selected = None
        if sel and sel.strip():
            try:
                selected = self.entity(sel)
            except UnknownNameError as exc:
                notes.append(f"selection: {exc}")
        path = None
        if pa and pb and pa.strip() and pb.strip():
            try:
                path = self.path(pa, pb, max_hops=max_hops)
            except (UnknownNameError, ParameterError) as exc:
                notes.append(f"path: {exc}")
        return ViewBundle(graph=graph, selected=selected, path=path, notes=tuple(notes))
