"""Reading the Turtle files into concept records, with a cache keyed by the files' contents.

Parsing every ``*.ttl`` with rdflib takes most of a second, and the CLI, the mapper and the
queries all need the ontology, so :func:`read_cached` keeps the extracted records as JSON under
the user's cache directory (``$EFFKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/effkg``, else
``~/.cache/effkg``). The key hashes the file names and bytes plus this package's extraction code,
so any edit invalidates it; a cache that cannot be read or written is simply ignored.

>>> data = read(ontology_files())
>>> data.concept_count > 100
True
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import Field
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.exceptions import ParserError

from kg.errors import OntologyError
from kg.records import Record
from ontology.concepts import Concept, FacetValue
from ontology.namespace import EFF
from ontology.vocab import NAMESPACE, RESOURCE_NAMESPACE, NodeLabel, RelType, label_of

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
SHAPES_FILE = "shapes.ttl"
CACHE_FORMAT = 2
_CACHE_ENTRIES = 4

# Catalog shorthands mean a relation property (schema.ttl states it as rdfs:subPropertyOf too;
# kept here so a directory without schema.ttl still reads the same way).
_SHORTHANDS: dict[URIRef, RelType] = {
    EFF.family: RelType.MEMBER_OF,
    EFF.architecture: RelType.USES_ARCHITECTURE,
    EFF.hardwareClass: RelType.INSTANCE_OF,
}
# Literal properties that are lists by nature, kept as tuples even with one value.
_MULTI_LITERALS = frozenset({"precision_feature", "modality", "example", "hidden_label"})
_SKIP = frozenset({RDF.type, SKOS.prefLabel, SKOS.altLabel, SKOS.definition, SKOS.broader, SKOS.inScheme, EFF.ambiguousLabel})
_SKOS_KEYS = {
    SKOS.closeMatch: "close_match",
    SKOS.exactMatch: "exact_match",
    SKOS.related: "related",
    SKOS.scopeNote: "scope_note",
    SKOS.example: "example",
    SKOS.hiddenLabel: "hidden_label",
    SKOS.notation: "notation",
    RDFS.comment: "comment",
    RDFS.seeAlso: "see_also",
}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def snake(name: str) -> str:
    """``totalParams`` -> ``total_params``, ``memoryGB`` -> ``memory_gb``.

    >>> snake("memoryGB"), snake("usesArchitecture")
    ('memory_gb', 'uses_architecture')
    """
    return _CAMEL.sub("_", name).lower()


class OntologyData(Record):
    """Everything the Turtle files say, as records: the unit that is cached."""

    key: str
    files: tuple[str, ...]
    concepts: tuple[Concept, ...]
    facets: tuple[FacetValue, ...] = ()
    schemes: dict[str, dict[str, str | bool]] = Field(
        default_factory=dict, description="scheme id -> {'name', 'label', 'in_scope'?, 'node_label'?, 'facet'?}"
    )

    @property
    def concept_count(self) -> int:
        return len(self.concepts)


def ontology_files(path: str | Path | None = None) -> tuple[Path, ...]:
    """The Turtle files of the ontology: every ``*.ttl`` of ``path`` (default: this package), without the shapes."""
    base = Path(path) if path is not None else PACKAGE_DIR
    if base.is_file():
        return (base,)
    if not base.is_dir():
        raise OntologyError(f"no ontology at {base}")
    files = tuple(sorted(p for p in base.glob("*.ttl") if p.name != SHAPES_FILE))
    if not files:
        raise OntologyError(f"no *.ttl files in {base}")
    return files


def _code_hash() -> str:
    h = hashlib.sha256()
    for name in ("loader.py", "concepts.py", "namespace.py"):
        h.update((PACKAGE_DIR / name).read_bytes())
    return h.hexdigest()


def cache_key(files: Sequence[Path]) -> str:
    """Hash of the extraction code and every file's name and bytes."""
    h = hashlib.sha256(f"effkg-ontology/{CACHE_FORMAT}/{_code_hash()}".encode())
    for f in files:
        h.update(f.name.encode())
        h.update(b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def cache_dir() -> Path:
    """Where cached ontologies live (see the module docstring)."""
    env = os.environ.get("EFFKG_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "effkg"


def parse(files: Iterable[Path]) -> Graph:
    """One rdflib graph of all ``files``; a syntax error names the file."""
    g = Graph()
    g.bind("eff", NAMESPACE)
    for f in files:
        try:
            g.parse(f, format="turtle")
        except (ParserError, SyntaxError, ValueError) as exc:
            raise OntologyError(f"{f}: cannot parse Turtle: {exc}") from exc
    return g


def _node_id(iri: URIRef) -> str | None:
    s = str(iri)
    return s[len(RESOURCE_NAMESPACE) :] if s.startswith(RESOURCE_NAMESPACE) else None


def _english(values: Iterable[Any]) -> list[str]:
    return sorted(str(v) for v in values if isinstance(v, Literal) and v.language in (None, "en"))


def _literal_value(lit: Literal) -> str | int | float | bool:
    value = lit.toPython()
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return str(lit)


def _relation_properties(g: Graph) -> dict[URIRef, RelType]:
    props: dict[URIRef, RelType] = {URIRef(r.iri): r for r in RelType}
    props.update(_SHORTHANDS)
    for sub, sup in g.subject_objects(RDFS.subPropertyOf):
        if isinstance(sub, URIRef) and sup in props:
            props[sub] = props[sup]  # type: ignore[index]
    return props


def _pack(key: str, values: list[Any], resource: bool) -> Any:
    """Resources are always tuples of ids; literals are scalars unless several (or a list by nature)."""
    if resource or key in _MULTI_LITERALS or len(values) > 1:
        kinds = {type(v) for v in values}
        if len(kinds) > 1:
            values = [str(v) for v in values]  # Neo4j lists are homogeneous
        return tuple(sorted(set(values), key=lambda v: (str(type(v)), v)))
    return values[0]


def extract(g: Graph, files: Sequence[Path], key: str = "") -> OntologyData:
    """Turn the parsed graph into records, refusing what would make a broken graph."""
    label_of_class = {URIRef(label.iri): label for label in NodeLabel}
    rel_props = _relation_properties(g)

    # which resources are graph nodes, and with which label
    typed: dict[URIRef, NodeLabel] = {}
    for cls, label in label_of_class.items():
        for subj in g.subjects(RDF.type, cls):
            nid = _node_id(subj) if isinstance(subj, URIRef) else None
            if nid is None or not isinstance(subj, URIRef):
                raise OntologyError(f"{subj}: an eff:{label.value} needs an IRI under {RESOURCE_NAMESPACE}")
            try:
                implied = label_of(nid)
            except ValueError as exc:
                raise OntologyError(f"{nid}: {exc}") from exc
            if implied is not label:
                raise OntologyError(f"{nid} is typed eff:{label.value} but its id prefix means {implied.value}")
            if typed.get(subj, label) is not label:
                raise OntologyError(f"{nid} is typed both eff:{typed[subj].value} and eff:{label.value}")
            typed[subj] = label
    facet_subjects = {s for s in g.subjects(RDF.type, EFF.FacetValue) if isinstance(s, URIRef)}
    for s in facet_subjects:
        nid = _node_id(s)
        if nid is None or not nid.startswith("facet/") or nid.count("/") != 2:
            raise OntologyError(f"{s}: a facet value needs an IRI {RESOURCE_NAMESPACE}facet/<facet>/<value>")
        if s in typed:
            raise OntologyError(f"{nid} cannot be both a facet value and a graph node")

    schemes: dict[str, dict[str, str | bool]] = {}
    for sch in g.subjects(RDF.type, SKOS.ConceptScheme):
        sid = _node_id(sch) if isinstance(sch, URIRef) else None
        if sid is None:
            continue
        info: dict[str, str | bool] = {"name": sid.split("/", 1)[1] if sid.startswith("scheme/") else sid}
        labels = _english(g.objects(sch, SKOS.prefLabel))
        if labels:
            info["label"] = labels[0]
        for pred, k in ((EFF.inScope, "in_scope"), (EFF.nodeLabel, "node_label"), (EFF.facetName, "facet")):
            v = g.value(sch, pred)
            if isinstance(v, Literal):
                info[k] = _literal_value(v)  # type: ignore[assignment]
        schemes[sid] = info

    known_ids = {_node_id(s) for s in typed} | {_node_id(s) for s in facet_subjects} | set(schemes)

    def describe(s: URIRef, nid: str) -> dict[str, Any]:
        prefs = _english(g.objects(s, SKOS.prefLabel))
        if len(prefs) != 1:
            raise OntologyError(f"{nid}: needs exactly one English skos:prefLabel, has {len(prefs)}")
        pref = prefs[0]
        alts = sorted({a for a in _english(g.objects(s, SKOS.altLabel)) if a != pref}, key=lambda a: (a.casefold(), a))
        definitions = _english(g.objects(s, SKOS.definition))
        parents = []
        for o in g.objects(s, SKOS.broader):
            pid = _node_id(o) if isinstance(o, URIRef) else None
            if pid is None or pid not in known_ids or pid in schemes:
                raise OntologyError(f"{nid}: skos:broader points at unknown {o}")
            parents.append(pid)
        scheme_ids = sorted((_node_id(o) if isinstance(o, URIRef) else None) or str(o)
                            for o in g.objects(s, SKOS.inScheme))
        collected: dict[str, list[Any]] = defaultdict(list)
        resource_keys: set[str] = set()
        for p, o in g.predicate_objects(s):
            if not isinstance(p, URIRef) or p in _SKIP:
                continue
            if p in rel_props:
                k = rel_props[p].property_name  # shorthands read as their relation: family -> memberOf
                k = snake(k)
            elif p in _SKOS_KEYS:
                k = _SKOS_KEYS[p]
            elif str(p).startswith(NAMESPACE):
                k = snake(str(p)[len(NAMESPACE) :])
            else:
                log.debug("%s: ignoring %s", nid, p)
                continue
            if isinstance(o, URIRef):
                oid = _node_id(o)
                if oid is not None and oid not in known_ids:
                    raise OntologyError(f"{nid}: {p} points at unknown {o}")
                collected[k].append(oid if oid is not None else str(o))
                resource_keys.add(k)
            elif isinstance(o, Literal):
                collected[k].append(_literal_value(o))
        props = {k: _pack(k, v, k in resource_keys) for k, v in sorted(collected.items())}
        return {
            "pref_label": pref,
            "alt_labels": tuple(alts),
            "definition": definitions[0] if definitions else "",
            "parents": tuple(sorted(parents)),
            "scheme_ids": scheme_ids,
            "ambiguous": tuple(sorted(str(a) for a in g.objects(s, EFF.ambiguousLabel))),
            "props": props,
        }

    concepts: list[Concept] = []
    for s, label in typed.items():
        nid = _node_id(s)
        assert nid is not None
        d = describe(s, nid)
        scheme = next((str(schemes[x]["name"]) for x in d.pop("scheme_ids") if x in schemes), None)
        concepts.append(Concept(id=nid, label=label, scheme=scheme, **d))
    facets: list[FacetValue] = []
    for s in facet_subjects:
        nid = _node_id(s)
        assert nid is not None
        d = describe(s, nid)
        scheme_ids = d.pop("scheme_ids")
        d.pop("ambiguous")
        facet = next((str(schemes[x]["facet"]) for x in scheme_ids if "facet" in schemes.get(x, {})), None)
        facets.append(FacetValue(id=nid, facet=facet or nid.split("/")[1].replace("-", "_"), **d))

    data = OntologyData(
        key=key,
        files=tuple(f.name for f in files),
        concepts=tuple(sorted(concepts, key=lambda c: c.id)),
        facets=tuple(sorted(facets, key=lambda f: f.id)),
        schemes=dict(sorted(schemes.items())),
    )
    _check_structure(data)
    return data


def _check_structure(data: OntologyData) -> None:
    """Parents share their child's label; the hierarchy has no cycle."""
    import networkx as nx

    by_id = {c.id: c for c in data.concepts}
    h = nx.DiGraph()
    for c in data.concepts:
        h.add_node(c.id)
        for p in c.parents:
            parent = by_id.get(p)
            if parent is None or parent.label is not c.label:
                raise OntologyError(f"{c.id}: parent {p} is not a {c.label.value}")
            h.add_edge(c.id, p)
    facet_ids = {f.id for f in data.facets}
    for f in data.facets:
        for p in f.parents:
            if p not in facet_ids:
                raise OntologyError(f"{f.id}: parent {p} is not a facet value")
            h.add_edge(f.id, p)
    try:
        cycle = nx.find_cycle(h)
    except nx.NetworkXNoCycle:
        return
    raise OntologyError("the hierarchy has a cycle: " + " -> ".join(u for u, _ in cycle) + f" -> {cycle[0][0]}")


def read(files: Sequence[Path]) -> OntologyData:
    """Parse and extract ``files`` (no cache)."""
    return extract(parse(files), files, cache_key(files))


def read_cached(files: Sequence[Path], *, use_cache: bool = True) -> tuple[OntologyData, bool]:
    """``(data, from_cache)``: the cached records when the key matches, else a fresh read (then cached)."""
    key = cache_key(files)
    path = cache_dir() / f"ontology-{key[:32]}.json"
    if use_cache and path.is_file():
        try:
            data = OntologyData.model_validate_json(path.read_bytes())
        except (OSError, ValueError) as exc:
            log.debug("ignoring unreadable ontology cache %s: %s", path, exc)
        else:
            if data.key == key:
                return data, True
    data = extract(parse(files), files, key)
    if use_cache:
        _write_cache(path, data)
    return data, False


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:  # removed by a concurrent writer
        return 0.0


def _write_cache(path: Path, data: OntologyData) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".ontology-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data.model_dump_json())
        os.replace(tmp, path)
    except OSError as exc:
        log.debug("cannot write ontology cache %s: %s", path, exc)
        return
    # Entries of other keys are usually stale; keep the few most recent (tests load other dirs).
    entries = sorted(path.parent.glob("ontology-*.json"), key=_mtime, reverse=True)
    for old in entries[_CACHE_ENTRIES:]:
        try:
            old.unlink()
        except OSError:
            pass
