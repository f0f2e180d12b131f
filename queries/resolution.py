"""Entity resolution: which node does a piece of text name?

A user types ``llama-2-7b``, ``Llama 2 7B``, ``GaLore``, ``A100``, ``KV cache`` or a full id. Text is
compared on a *key*: the id slug with hyphens dropped, so case, spaces, hyphens and LaTeX do not
matter (``LLaMA-2 7B`` and ``llama2-7b`` share the key ``llama27b``). Matching goes in tiers:

1. an existing id (as typed, or ``<prefix>/<slug>`` for each allowed label): score 100;
2. the name (95), an alias or acronym (90);
3. a prefix of the name (70) or alias (65), then a substring of name, alias or id (50, 45);
   paper titles match whole (95), by a prefix of 4+ characters (60) or a substring of 4+ (30);
4. close spellings (fuzzy, below 40), only when nothing else matched.

The best tier wins; a tie inside it is broken by the order of the allowed labels, and a tie that
remains is ambiguous: the caller gets the candidates. The scoring is one pure function over
``(id, label, name, aliases)`` entries, which each store fetches its own way, so both stores resolve
identically.

>>> from kg.graph import new_graph, add_node
>>> g = new_graph()
>>> add_node(g, "model/llama-2-7b", "Model", {"name": "Llama-2-7B"})
>>> add_node(g, "family/llama", "ModelFamily", {"name": "LLaMA"})
>>> add_node(g, "hardware/nvidia-a100", "Hardware", {"name": "NVIDIA A100", "aliases": ["A100"]})
>>> resolve_in_graph(g, "Llama 2 7B").entity.id
'model/llama-2-7b'
>>> resolve_in_graph(g, "a100").entity.match
'alias'
>>> [c.id for c in resolve_in_graph(g, "lama-2-7").candidates][:1]
['model/llama-2-7b']
"""

from __future__ import annotations

import difflib
import functools
import logging
import weakref
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from kg.errors import ParameterError, UnknownNameError
from kg.ids import slug
from ontology.vocab import ID_PREFIX, NodeLabel
from queries.model import AmbiguousNameError, Candidate, Resolution, label_words

if TYPE_CHECKING:
    import networkx as nx

    from kg.store.base import GraphStore

log = logging.getLogger(__name__)

ALIAS_PROPS = ("aliases", "acronym", "acronyms", "alt_labels")
"""Node properties read as alternative names (a string or a list of strings)."""

LABEL_PRIORITY: tuple[str, ...] = (
    "Method",
    "Technique",
    "Model",
    "ModelFamily",
    "Hardware",
    "HardwareClass",
    "Dataset",
    "Architecture",
    "MemoryComponent",
    "Bottleneck",
    "Metric",
    "Topic",
    "Paper",
)
"""Preference among labels when a text names several kinds of thing and the caller did not say which.
Result nodes are only reachable by id."""

MAX_CANDIDATES = 8
EXACT = 90
"""Scores from here up are exact matches (id, name, alias)."""


class Entry(NamedTuple):
    """What resolution knows of a node, with its comparison keys computed once (see :func:`make_entry`)."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    nkey: str = ""
    idkey: str = ""
    akeys: tuple[tuple[str, str], ...] = ()
    blob: str = ""
    """Every key joined by NUL: a text whose key is in none of them cannot match literally."""


@functools.lru_cache(maxsize=1 << 16)
def make_entry(node_id: str, label: str, name: str, aliases: tuple[str, ...]) -> Entry:
    """An :class:`Entry` with its keys (cached: the same node gives the same entry on every query)."""
    nk, idk = key(name), key(node_id.split("/", 1)[-1])
    akeys = tuple((key(a), a) for a in aliases)
    return Entry(node_id, label, name, aliases, nk, idk, akeys, "\0".join([nk, idk, *(ak for ak, _ in akeys)]))


@functools.lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """The comparison key of a name: its slug without hyphens.

    >>> key("LLaMA-2 7B") == key("llama2-7b") == "llama27b"
    True
    """
    return slug(text).replace("-", "")


def _aliases(props: dict[str, Any]) -> tuple[str, ...]:
    out: list[str] = []
    for prop in ALIAS_PROPS:
        v = props.get(prop)
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, (list, tuple)):
            out.extend(x for x in v if isinstance(x, str))
    return tuple(sorted(set(out)))


def entry_from_props(node_id: str, label: str, props: dict[str, Any]) -> Entry:
    return make_entry(node_id, label, str(props.get("name") or node_id), _aliases(props))


def normalise_labels(label: str | Sequence[str] | None) -> tuple[str, ...]:
    """The labels to search, in preference order; checks each against the vocabulary."""
    if label is None:
        return LABEL_PRIORITY
    labels = (label,) if isinstance(label, str) else tuple(label)
    out = []
    for lbl in labels:
        match = next((x.value for x in NodeLabel if x.value.lower() == lbl.lower().replace("-", "").replace("_", "")), None)
        if match is None:
            close = difflib.get_close_matches(lbl, [x.value for x in NodeLabel], n=3, cutoff=0.5)
            raise UnknownNameError(lbl, kind="label", candidates=close)
        out.append(match)
    return tuple(out)


def id_guesses(text: str, labels: Sequence[str]) -> list[str]:
    """Ids the text may literally be: itself when it looks like an id, ``<prefix>/<slug>`` per label.

    >>> id_guesses("Llama-2-7B", ["Model", "ModelFamily"])
    ['model/llama-2-7b', 'family/llama-2-7b']
    """
    text = text.strip()
    out: list[str] = []
    if "/" in text:
        out.append(text)
    s = slug(text)
    if s:
        for lbl in labels:
            prefix = ID_PREFIX[NodeLabel(lbl)]
            guess = f"{prefix}/{s}"
            if guess not in out:
                out.append(guess)
    return out


def _rank_key(c: Candidate, order: dict[str, int]) -> tuple[int, int, int, str]:
    return (-c.score, order.get(c.label, len(order)), len(c.name), c.id)


def score(entries: Iterable[Entry], text: str, labels: Sequence[str]) -> list[Candidate]:
    """Every entry the text matches, best first (the pure scoring both stores share)."""
    k = key(text)
    wanted = set(labels)
    order = {lbl: i for i, lbl in enumerate(labels)}
    if not k:
        return []
    raw_id = text.strip()
    found: list[Candidate] = []
    pool: list[Entry] = []
    for e in entries:
        if e.label not in wanted:
            continue
        pool.append(e)
        best: tuple[int, str, str] | None = None
        if e.id == raw_id:
            best = (100, "id", e.id)
        elif k not in e.blob:
            continue  # no key contains the text: no literal match of any kind
        else:
            nk, idk, akeys = e.nkey, e.idkey, e.akeys
            if e.label == "Paper":
                if nk == k:
                    best = (95, "name", e.name)
                elif idk == k:
                    best = (100, "id", e.id)
                elif len(k) >= 4 and nk.startswith(k):
                    best = (60, "title", e.name)
                elif len(k) >= 4 and k in nk:
                    best = (30, "title", e.name)
            elif idk == k:
                best = (100, "id", e.id)
            elif nk == k:
                best = (95, "name", e.name)
            else:
                exact = next((a for ak, a in akeys if ak == k), None)
                if exact is not None:
                    best = (90, "alias", exact)
                elif nk.startswith(k):
                    best = (70, "prefix", e.name)
                else:
                    pre = next((a for ak, a in akeys if ak.startswith(k)), None)
                    if pre is not None:
                        best = (65, "prefix", pre)
                    elif k in nk:
                        best = (50, "substring", e.name)
                    else:
                        sub = next((a for ak, a in akeys if k in ak), None)
                        if sub is not None:
                            best = (45, "substring", sub)
                        elif k in idk:
                            best = (45, "substring", e.id)
        if best is not None:
            found.append(Candidate(id=e.id, label=e.label, name=e.name, score=best[0], match=best[1], matched=best[2]))
    if not found and len(k) >= 3:
        found = _fuzzy(pool, k)
    found.sort(key=lambda c: _rank_key(c, order))
    return found


def _fuzzy(pool: Sequence[Entry], k: str) -> list[Candidate]:
    """Close spellings (difflib ratio >= 0.75 on keys), scored below every literal match."""
    out: list[Candidate] = []
    sm = difflib.SequenceMatcher(autojunk=False)
    sm.set_seq2(k)
    for e in pool:
        if e.label == "Paper":
            continue
        best = 0.0
        best_text = e.name
        # Whole names, aliases and the words of the name: "lamma" is close to the "llama" in "Llama-2-7B".
        words = [w for w in slug(e.name).split("-") if len(w) >= 3]
        for text in (e.name, *e.aliases, *words):
            sm.set_seq1(key(text))
            if sm.real_quick_ratio() < 0.75 or sm.quick_ratio() < 0.75:
                continue
            r = sm.ratio()
            if r > best:
                best, best_text = r, text
        if best >= 0.75:
            out.append(Candidate(id=e.id, label=e.label, name=e.name, score=int(best * 40), match="fuzzy", matched=best_text))
    return out


def choose(text: str, labels: Sequence[str], candidates: Sequence[Candidate]) -> Resolution:
    """Pick the entity a text names from scored candidates, or say why not."""
    labels = tuple(labels)
    if not candidates:
        return Resolution(text=text, labels=labels)
    top = candidates[0]
    tied = [c for c in candidates if c.score == top.score]
    shown = tuple(candidates[:MAX_CANDIDATES])
    if top.score < 40:
        # Only close spellings: suggestions, never a silent guess.
        return Resolution(text=text, labels=labels, candidates=shown)
    same_label = [c for c in tied if c.label == top.label]
    if len(same_label) > 1 and top.score < 100:
        return Resolution(text=text, labels=labels, candidates=tuple(tied[:MAX_CANDIDATES]))
    if top.score < EXACT and len(tied) > 1:
        # Several partial matches of different kinds: too weak to prefer one by label alone.
        return Resolution(text=text, labels=labels, candidates=tuple(tied[:MAX_CANDIDATES]))
    others = [c for c in candidates[1:] if c.score >= EXACT]
    note = ""
    if top.score < EXACT:
        note = f"{text!r} read as {top.id} ({top.name}), the only {top.match} match"
    elif others:
        note = f"{text!r} read as {top.id}; it also names " + ", ".join(c.id for c in others[:5])
    return Resolution(text=text, labels=labels, entity=top, candidates=shown, note=note)


def _describe(c: Candidate) -> str:
    return c.id if key(c.name) == key(c.id.split("/", 1)[-1]) else f"{c.id} ({c.name})"


def raise_unresolved(res: Resolution, *, param: str | None = None) -> None:
    """Turn an unresolved :class:`Resolution` into the error a user sees."""
    kind = label_words(res.labels) if res.labels != LABEL_PRIORITY else "entity"
    if param:
        kind = f"{kind} (parameter {param})"
    if not res.text.strip():
        raise ParameterError(f"empty {kind} name")
    if res.candidates and res.candidates[0].score >= 40:
        raise AmbiguousNameError(res.text, kind=kind, candidates=tuple(_describe(c) for c in res.candidates))
    raise UnknownNameError(res.text, kind=kind, candidates=tuple(_describe(c) for c in res.candidates))


# -- where the entries come from -------------------------------------------------------------

_GRAPH_ENTRIES: weakref.WeakKeyDictionary[Any, dict[str, list[Entry]]] = weakref.WeakKeyDictionary()

# One flat list of strings: a list (of lists) per row costs the driver far more to decode.
_ALT = "alt: reduce(acc = [], v IN [k IN $alias_props | n[k]] | acc + coalesce(v, []))"
"""Alternative names, read with dynamic keys (``n[k]``): a static ``n.acronym`` would make Neo4j warn
about a property key that no node of the graph happens to have."""


@functools.cache
def entries_cypher() -> str:
    """The statement that fetches resolution entries of ``$labels`` (the ``search`` query's Cypher file)."""
    from queries.model import QUERY_DIR

    return (QUERY_DIR / "search.cypher").read_text(encoding="utf-8")


def ids_cypher(labels: Sequence[str]) -> str:
    """Look ids up through each label's id index: one ``UNION ALL`` part per label. Labels are
    interpolated only after checking them against the vocabulary; the ids travel as ``$ids``."""
    parts = [
        f"UNWIND $ids AS i MATCH (n:`{NodeLabel(lbl).value}` {{id: i}}) "
        f"RETURN collect({{id: n.id, label: '{NodeLabel(lbl).value}', name: coalesce(n.name, n.id), {_ALT}}}) AS rows"
        for lbl in labels
    ]
    return " UNION ALL ".join(parts)


def _flat(values: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for v in values:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, (list, tuple)):
            out.extend(x for x in v if isinstance(x, str))
    return out


def entry_row(node_id: str, label: str, props: dict[str, Any]) -> dict[str, Any]:
    """The raw row of a node as the entries Cypher returns it (``alt``: every alias value, flattened)."""
    alt: list[Any] = []
    for k in ALIAS_PROPS:
        v = props.get(k)
        if isinstance(v, list):
            alt.extend(v)
        elif v is not None:
            alt.append(v)
    return {"id": node_id, "label": label, "name": props.get("name", node_id), "alt": alt}


def entry_from_row(row: dict[str, Any]) -> Entry:
    alt = row["alt"]
    try:
        # Search reads every entry twice (fetch, then the shared finish): the cache makes the second free.
        return _entry_from_values(row["id"], row["label"], row["name"], tuple(alt) if alt else ())
    except TypeError:  # an unhashable alias value (a nested list): the same entry, uncached
        aliases = tuple(sorted(set(_flat(alt)))) if alt else ()
        return make_entry(row["id"], row["label"], str(row["name"] or row["id"]), aliases)


@functools.lru_cache(maxsize=1 << 16)
def _entry_from_values(node_id: str, label: str, name: Any, alt: tuple[Any, ...]) -> Entry:
    return make_entry(node_id, label, str(name or node_id), tuple(sorted(set(_flat(alt)))))


def graph_entries(g: nx.MultiDiGraph, labels: Sequence[str]) -> list[Entry]:
    """Entries of the given labels, cached per graph object (the embedded store reuses its graph)."""
    per_label = _GRAPH_ENTRIES.get(g)
    if per_label is None:
        per_label = {}
        for n, d in g.nodes(data=True):
            lbl = d["label"]
            per_label.setdefault(lbl, []).append(entry_from_props(n, lbl, d))
        for lst in per_label.values():
            lst.sort()
        _GRAPH_ENTRIES[g] = per_label
    out: list[Entry] = []
    for lbl in labels:
        out.extend(per_label.get(lbl, ()))
    return out


def _prefix_ok(node_id: str, lbl: str) -> bool:
    return node_id.split("/", 1)[0] == ID_PREFIX[NodeLabel(lbl)]


def store_rows(store: GraphStore, labels: Sequence[str], ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Raw entry rows of some labels (or only of the given ids) from a store."""
    labels = list(labels)
    if not labels:
        return []
    if store.kind == "neo4j":
        if ids is not None:
            # Only the labels an id's prefix allows: a guess "model/x" is never a Technique.
            wanted = [lbl for lbl in labels if any(_prefix_ok(i, lbl) for i in ids)]
            if not wanted:
                return []
            from queries.registry import unpack

            return unpack(store.cypher(ids_cypher(wanted), {"ids": list(ids), "alias_props": list(ALIAS_PROPS)}, plain=True))
        from queries.registry import unpack

        # Every name of these labels: the largest read of a search, and it changes only on writes.
        return unpack(store.cypher_cached(entries_cypher(), {"labels": labels, "alias_props": list(ALIAS_PROPS)}))
    g = store.read()
    if ids is not None:
        wanted_set = set(labels)
        return [entry_row(i, g.nodes[i]["label"], g.nodes[i]) for i in dict.fromkeys(ids)
                if i in g and g.nodes[i]["label"] in wanted_set]
    return graph_rows(g, labels)


_GRAPH_ROWS: weakref.WeakKeyDictionary[Any, dict[str, list[dict[str, Any]]]] = weakref.WeakKeyDictionary()


def graph_rows(g: nx.MultiDiGraph, labels: Sequence[str]) -> list[dict[str, Any]]:
    """Entry rows of some labels, cached per graph object like :func:`graph_entries` (read-only)."""
    per_label = _GRAPH_ROWS.get(g)
    if per_label is None:
        per_label = {}
        for n, d in g.nodes(data=True):
            per_label.setdefault(d["label"], []).append(entry_row(n, d["label"], d))
        _GRAPH_ROWS[g] = per_label
    return [r for lbl in labels for r in per_label.get(lbl, ())]


def store_entries(store: GraphStore, labels: Sequence[str], ids: Sequence[str] | None = None) -> list[Entry]:
    """Entries from a store: Cypher on Neo4j, the cached graph on the embedded store."""
    if store.kind != "neo4j" and ids is None:
        return graph_entries(store.read(), labels)
    return sorted(entry_from_row(r) for r in store_rows(store, labels, ids))


Fetch = Callable[[Sequence[str]], list[Entry]]


def candidates(text: str, labels: Sequence[str], fetch: Fetch) -> list[Candidate]:
    """Scored candidates, looking at paper titles only when no entity matches literally.

    Papers are most of the nodes and their titles are long; a name that matches an entity is almost
    never meant as a title, so titles are a second stage (the same on both stores)."""
    entity_labels = [lbl for lbl in labels if lbl != "Paper"]
    found = score(fetch(entity_labels), text, labels) if entity_labels else []
    if "Paper" in labels and not any(c.score >= 40 for c in found):
        order = {lbl: i for i, lbl in enumerate(labels)}
        found = sorted(found + score(fetch(["Paper"]), text, labels), key=lambda c: _rank_key(c, order))
    return found


def _resolve(text: str, labels: tuple[str, ...], fetch: Fetch, fetch_ids: Callable[[list[str]], list[Entry]]) -> Resolution:
    # Tier 1 by id lookup first: cheap on both stores, and it settles most names typed from output.
    guesses = id_guesses(text, labels)
    if guesses:
        exact = [c for c in score(fetch_ids(guesses), text, labels) if c.score == 100]
        if exact:
            return choose(text, labels, exact)
    return choose(text, labels, candidates(text, labels, fetch))


def resolve(store: GraphStore, text: str, label: str | Sequence[str] | None = None) -> Resolution:
    """Resolve ``text`` to a node of ``store`` (optionally of the given label or labels, in order of
    preference). Never raises for an unknown name: look at ``.entity`` and ``.candidates``.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> from kg.graph import new_graph, add_node
    >>> st = open_store(tempfile.mkdtemp())
    >>> g = new_graph(); add_node(g, "method/galore", "Method", {"name": "GaLore"}); _ = st.write(g)
    >>> resolve(st, "galore").entity.id
    'method/galore'
    >>> resolve(st, "gallore", "Method").candidates[0].match
    'fuzzy'
    """
    labels = normalise_labels(label)
    return _resolve(text, labels, lambda labs: store_entries(store, labs),
                    lambda ids: store_entries(store, labels, ids))


def resolve_in_graph(g: nx.MultiDiGraph, text: str, label: str | Sequence[str] | None = None) -> Resolution:
    """:func:`resolve` over an in-memory graph."""
    labels = normalise_labels(label)

    def fetch_ids(ids: Sequence[str]) -> list[Entry]:
        wanted = set(labels)
        return sorted(entry_from_props(i, g.nodes[i]["label"], g.nodes[i]) for i in dict.fromkeys(ids)
                      if i in g and g.nodes[i]["label"] in wanted)

    return _resolve(text, labels, lambda labs: graph_entries(g, labs), fetch_ids)
