"""The :class:`Ontology`: concepts, hierarchy, label lookup, and the graph nodes and edges it adds.

>>> onto = load()
>>> onto.concept("technique/kv-cache-quantization").parents
('technique/kv-cache-compression', 'technique/quantization')
>>> "technique/ml-efficiency" in onto.ancestors("technique/kv-cache-quantization")
True
>>> [c.id for c in onto.lookup("key-value cache")]
['memory/kv-cache']
>>> onto.labels(NodeLabel.TECHNIQUE)["ptq"]
('technique/post-training-quantization',)
>>> [f.id for f in onto.facet_lookup("W4A16")]
['facet/bit-config/w4a16']
"""

from __future__ import annotations

import difflib
import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from kg.errors import OntologyError, UnknownNameError
from kg.records import Entity, PropValue
from ontology.concepts import Concept, FacetValue, normalise_label
from ontology.loader import OntologyData, ontology_files, read_cached
from ontology.required import REQUIRED_TECHNIQUES
from ontology.vocab import ONTOLOGY_RELS, NodeLabel, RelType, check_edge

if TYPE_CHECKING:
    from rdflib import Graph

log = logging.getLogger(__name__)

# Node properties that become ontology edges instead (catalog structure).
_EDGE_PROPS: dict[str, RelType] = {
    "member_of": RelType.MEMBER_OF,
    "uses_architecture": RelType.USES_ARCHITECTURE,
    "instance_of": RelType.INSTANCE_OF,
}
_HIERARCHY_LABELS = frozenset({NodeLabel.TECHNIQUE, NodeLabel.HARDWARE_CLASS, NodeLabel.TOPIC})
_REL_PROP_NAMES = frozenset(r.property_name for r in RelType)


def _node_prop_name(key: str) -> str:
    """A node property must not read as a relation in the RDF export: ``reduces`` -> ``reduces_ids``."""
    camel = key.split("_")[0] + "".join(w.capitalize() for w in key.split("_")[1:])
    return f"{key}_ids" if camel in _REL_PROP_NAMES else key


class Ontology:
    """Read-only view of the ontology files; build one with :func:`load`."""

    def __init__(self, data: OntologyData, *, files: tuple[Path, ...] = (), load_seconds: float = 0.0,
                 from_cache: bool = False) -> None:
        self.data = data
        self.files = files
        self.load_seconds = load_seconds
        self.from_cache = from_cache
        self._concepts: dict[str, Concept] = {c.id: c for c in data.concepts}
        self._facets: dict[str, FacetValue] = {f.id: f for f in data.facets}
        # child -> parent, over concepts and facet values alike
        self._up = nx.DiGraph()
        self._up.add_nodes_from(self._concepts)
        self._up.add_nodes_from(self._facets)
        items: list[Concept | FacetValue] = [*data.concepts, *data.facets]
        for item in items:
            for p in item.parents:
                self._up.add_edge(item.id, p)
        self._labels = _index(data.concepts)
        self._facet_labels = _index(data.facets)
        self._rdf: Graph | None = None

    def __repr__(self) -> str:
        return f"Ontology({len(self._concepts)} concepts, {len(self._facets)} facet values)"

    def __len__(self) -> int:
        return len(self._concepts)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._concepts

    @property
    def key(self) -> str:
        """Hash of the files and extraction code this ontology was read from."""
        return self.data.key

    # -- concepts -----------------------------------------------------------------------------

    def concept(self, node_id: str) -> Concept:
        """The concept with this id; :class:`~kg.errors.UnknownNameError` with close matches otherwise."""
        try:
            return self._concepts[node_id]
        except KeyError:
            raise UnknownNameError(node_id, kind="concept", candidates=self._candidates(node_id)) from None

    def get(self, node_id: str) -> Concept | None:
        return self._concepts.get(node_id)

    def concepts(self, label: NodeLabel | str | None = None) -> tuple[Concept, ...]:
        """All concepts (sorted by id), or those of one label."""
        if label is None:
            return tuple(self._concepts.values())
        want = NodeLabel(label)
        return tuple(c for c in self._concepts.values() if c.label is want)

    def roots(self, label: NodeLabel | str) -> tuple[str, ...]:
        """Concepts of ``label`` without parents (the tops of its hierarchy)."""
        return tuple(c.id for c in self.concepts(label) if not c.parents)

    def _known(self, node_id: str) -> None:
        if node_id not in self._up:
            raise UnknownNameError(node_id, kind="concept", candidates=self._candidates(node_id))

    def parents(self, node_id: str) -> tuple[str, ...]:
        self._known(node_id)
        return tuple(sorted(self._up.successors(node_id)))

    def children(self, node_id: str) -> tuple[str, ...]:
        """Direct sub-concepts, sorted by id."""
        self._known(node_id)
        return tuple(sorted(self._up.predecessors(node_id)))

    def ancestors(self, node_id: str) -> frozenset[str]:
        """Every broader concept, through all parents (not the concept itself)."""
        self._known(node_id)
        return frozenset(nx.descendants(self._up, node_id))

    def descendants(self, node_id: str) -> frozenset[str]:
        """Every narrower concept (not the concept itself)."""
        self._known(node_id)
        return frozenset(nx.ancestors(self._up, node_id))

    def rollup(self, node_id: str) -> tuple[str, ...]:
        """The nearest technique ids required by docs/conventions.md at or above ``node_id``.

        >>> load().rollup("technique/ternary-quantization")
        ('technique/extreme-low-bit-quantization',)
        """
        self._known(node_id)
        found: set[str] = set()
        frontier = [node_id]
        seen = set(frontier)
        while frontier:
            nxt = []
            for n in frontier:
                if n in REQUIRED_TECHNIQUES:
                    found.add(n)
                    continue
                for p in self._up.successors(n):
                    if p not in seen:
                        seen.add(p)
                        nxt.append(p)
            frontier = nxt
        return tuple(sorted(found))

    # -- labels -------------------------------------------------------------------------------

    def labels(self, label: NodeLabel | str | None = None) -> dict[str, tuple[str, ...]]:
        """``{normalised label: (concept id, ...)}`` over preferred and alternative labels.

        The linker's dictionary; ids are sorted, and more than one id means a declared collision.
        """
        if label is None:
            return dict(self._labels)
        want = NodeLabel(label)
        out: dict[str, tuple[str, ...]] = {}
        for key, ids in self._labels.items():
            kept = tuple(i for i in ids if self._concepts[i].label is want)
            if kept:
                out[key] = kept
        return out

    def lookup(self, surface: str, label: NodeLabel | str | None = None) -> tuple[Concept, ...]:
        """Concepts whose label equals ``surface`` ignoring case and hyphens (exact otherwise).

        Concepts marked ``eff:caseSensitive`` (names that are ordinary words) also need the case:

        >>> [c.id for c in load().lookup("ZeRO")], load().lookup("zero")
        (['method/zero'], ())
        """
        ids = self._labels.get(normalise_label(surface), ())
        found = tuple(c for c in (self._concepts[i] for i in ids) if not c.case_sensitive or c.named_by(surface))
        if label is not None:
            want = NodeLabel(label)
            found = tuple(c for c in found if c.label is want)
        return found

    def search(self, text: str, limit: int = 10, label: NodeLabel | str | None = None) -> tuple[Concept, ...]:
        """Close matches for "did you mean": exact label, then ids and labels containing the text, then similar labels."""
        want = NodeLabel(label) if label is not None else None
        return tuple(
            self._concepts[i] for i in self._search_ids(text, limit, want)
        )

    def _search_ids(self, text: str, limit: int, want: NodeLabel | None) -> list[str]:
        key = normalise_label(text)
        if not key:
            return []
        ranked: dict[str, float] = {}

        def offer(node_id: str, score: float) -> None:
            if want is not None and self._concepts[node_id].label is not want:
                return
            if score > ranked.get(node_id, 0.0):
                ranked[node_id] = score

        for node_id in self._labels.get(key, ()):
            offer(node_id, 3.0)
        if key in self._concepts or text in self._concepts:
            offer(text if text in self._concepts else key, 3.0)
        for node_id in self._concepts:
            tail = normalise_label(node_id.split("/", 1)[1])
            if tail == key:
                offer(node_id, 2.5)
            elif key in tail:
                offer(node_id, 1.5 + len(key) / (len(tail) + 1))
        for surface, ids in self._labels.items():
            if len(key) >= 3 and key in surface:
                for node_id in ids:
                    offer(node_id, 1.0 + len(key) / (len(surface) + 1))
        for surface in difflib.get_close_matches(key, list(self._labels), n=limit * 2, cutoff=0.6):
            score = difflib.SequenceMatcher(None, key, surface).ratio()
            for node_id in self._labels[surface]:
                offer(node_id, score)
        return [i for i, _ in sorted(ranked.items(), key=lambda kv: (-kv[1], kv[0]))][:limit]

    def _candidates(self, text: str, limit: int = 5) -> tuple[str, ...]:
        return tuple(self._search_ids(text, limit, None))

    def resolve(self, term: str, label: NodeLabel | str | None = None) -> tuple[Concept, ...]:
        """Concepts named by ``term``: an id, an id without its prefix, or a label / alias.

        Raises :class:`~kg.errors.UnknownNameError` (with close matches) when nothing matches.

        >>> [c.id for c in load().resolve("PTQ")]
        ['technique/post-training-quantization']
        """
        want = NodeLabel(label) if label is not None else None
        term = term.strip()
        direct = self._concepts.get(term)
        if direct is not None and (want is None or direct.label is want):
            return (direct,)
        found = list(self.lookup(term, want))
        if not found:
            for c in self._concepts.values():
                if c.id.split("/", 1)[1] == term and (want is None or c.label is want):
                    found.append(c)
        if not found:
            kind = want.value if want is not None else "concept"
            raise UnknownNameError(term, kind=kind, candidates=tuple(self._search_ids(term, 5, want)))
        return tuple(found)

    # -- facets -------------------------------------------------------------------------------

    def facets(self, facet: str | None = None) -> tuple[FacetValue, ...]:
        """Quantization facet values (sorted by id), or those of one facet (``format``, ``granularity``, ...)."""
        if facet is None:
            return tuple(self._facets.values())
        return tuple(f for f in self._facets.values() if f.facet == facet)

    def facet(self, facet_id: str) -> FacetValue:
        try:
            return self._facets[facet_id]
        except KeyError:
            raise UnknownNameError(facet_id, kind="facet value",
                                   candidates=tuple(difflib.get_close_matches(facet_id, list(self._facets), n=5))) from None

    def facet_labels(self, facet: str | None = None) -> dict[str, tuple[str, ...]]:
        """``{normalised label: (facet value id, ...)}``, like :meth:`labels`."""
        if facet is None:
            return dict(self._facet_labels)
        out: dict[str, tuple[str, ...]] = {}
        for key, ids in self._facet_labels.items():
            kept = tuple(i for i in ids if self._facets[i].facet == facet)
            if kept:
                out[key] = kept
        return out

    def facet_lookup(self, surface: str) -> tuple[FacetValue, ...]:
        return tuple(self._facets[i] for i in self._facet_labels.get(normalise_label(surface), ()))

    # -- graph nodes and edges -----------------------------------------------------------------

    def scheme_in_scope(self, concept: Concept) -> bool | None:
        """``True`` for the technique scheme, ``False`` for topics, ``None`` where scope does not apply."""
        for info in self.data.schemes.values():
            if info.get("name") == concept.scheme and "in_scope" in info:
                return bool(info["in_scope"])
        return None

    def nodes(self) -> tuple[Entity, ...]:
        """Every concept as a graph node (sorted by id), with Neo4j-storable properties only."""
        return _nodes(self)

    def edges(self) -> tuple[tuple[RelType, str, str], ...]:
        """Ontology edges (sorted): SUBCLASS_OF, MEMBER_OF, USES_ARCHITECTURE, INSTANCE_OF."""
        return _edges(self)

    def rdf(self) -> Graph:
        """The parsed Turtle files as one rdflib graph (parsed on first use)."""
        if self._rdf is None:
            from ontology.loader import parse

            self._rdf = parse(self.files or ontology_files())
        return self._rdf


def _index(items: Iterable[Concept | FacetValue]) -> dict[str, tuple[str, ...]]:
    index: dict[str, set[str]] = defaultdict(set)
    for item in items:
        for surface in item.labels:
            key = normalise_label(surface)
            if key:
                index[key].add(item.id)
    return {k: tuple(sorted(v)) for k, v in sorted(index.items())}


@lru_cache(maxsize=4)
def _nodes(onto: Ontology) -> tuple[Entity, ...]:
    out = []
    for c in onto.concepts():
        props: dict[str, PropValue] = {"iri": c.iri}
        if c.definition:
            props["definition"] = c.definition
        if c.alt_labels:
            props["aliases"] = c.alt_labels
        if c.scheme:
            props["scheme"] = c.scheme
        in_scope = onto.scheme_in_scope(c)
        if in_scope is not None:
            props["in_scope"] = in_scope
        if c.label is NodeLabel.TECHNIQUE:
            props["required"] = c.id in REQUIRED_TECHNIQUES
        for key, value in c.props.items():
            if key in _EDGE_PROPS or value == () or value == "":
                continue
            props[_node_prop_name(key)] = value
        out.append(Entity(id=c.id, label=c.label, name=c.pref_label, props=props))
    return tuple(out)


@lru_cache(maxsize=4)
def _edges(onto: Ontology) -> tuple[tuple[RelType, str, str], ...]:
    edges: set[tuple[RelType, str, str]] = set()
    for c in onto.concepts():
        if c.label in _HIERARCHY_LABELS:
            edges.update((RelType.SUBCLASS_OF, c.id, p) for p in c.parents)
        for key, rel in _EDGE_PROPS.items():
            targets = c.props.get(key, ())
            for t in targets if isinstance(targets, tuple) else (targets,):
                edges.add((rel, c.id, str(t)))
    for rel, src, tgt in edges:
        if rel not in ONTOLOGY_RELS:  # pragma: no cover - _EDGE_PROPS only holds ontology relations
            raise OntologyError(f"{rel.value} is not an ontology relation")
        if tgt not in onto:
            raise OntologyError(f"{src}: {rel.value} points at {tgt}, which is no graph node")
        try:
            check_edge(rel, src, tgt)
        except ValueError as exc:
            raise OntologyError(f"{src} -> {tgt}: {exc}") from exc
    return tuple(sorted(edges, key=lambda e: (e[1], e[2], e[0].value)))


@lru_cache(maxsize=8)
def _load(path: str | None, use_cache: bool) -> Ontology:
    started = time.perf_counter()
    files = ontology_files(path)
    data, from_cache = read_cached(files, use_cache=use_cache)
    seconds = time.perf_counter() - started
    log.debug("ontology loaded in %.3fs (%s)", seconds, "cache" if from_cache else "parsed")
    return Ontology(data, files=files, load_seconds=seconds, from_cache=from_cache)


def load(path: str | Path | None = None, *, cache: bool = True) -> Ontology:
    """The ontology of ``path`` (a directory of ``*.ttl`` or one file; default: the package's files).

    Loaded once per process and path; across processes the extracted records are cached on disk
    (see :mod:`ontology.loader`), so a warm load takes milliseconds instead of a full parse.
    """
    key = str(Path(path).resolve()) if path is not None else None
    return _load(key, cache)


def clear_cache() -> None:
    """Forget loaded ontologies in this process (the on-disk cache is keyed by content and stays valid)."""
    _load.cache_clear()
    _nodes.cache_clear()
    _edges.cache_clear()


def iter_tree(onto: Ontology, root: str, max_depth: int | None = None) -> Iterator[tuple[int, str]]:
    """``(depth, id)`` in pre-order below ``root`` (a concept with several parents appears under each)."""
    stack = [(0, root)]
    while stack:
        depth, node = stack.pop()
        yield depth, node
        if max_depth is not None and depth >= max_depth:
            continue
        for child in reversed(onto.children(node)):
            stack.append((depth + 1, child))
