"""One Paper per paper: merge the records of all files and formats.

Two records are the same paper when they share an arXiv id **or** the same
:func:`kg.ids.normalise_title` (transitively: union-find over both keys). The merged Paper:

* takes its fields from the *primary* record: the one with the richest metadata (count of
  arXiv id, date, upvotes, authors, author count, organisation, categories), ties broken by the
  first occurrence in sorted ``(file, line)`` order; fields the primary lacks are filled from the
  next records in that same order;
* has the arXiv-id form of the id (``paper/2403.03507``) when any record has an arXiv id;
* lists every occurrence, sorted by ``(file, line, format, loader)``;
* lists in ``disagreements`` each field whose values differ between records, as
  ``"field: primary value | other value"`` (titles and abstracts compared on their normalised
  text, so re-wrapped lines are no disagreement).

A group of one record is returned unchanged, so an exported Paper loads back identical.

>>> from kg.records import SourceRef
>>> def rec(file, title, abstract, **kw):
...     src = SourceRef(file=file, line=1, format="hf-daily", loader="HfDailyLoader")
...     return Paper(id="paper/t-x", title=title, abstract=abstract, text=title + "\\n\\n" + abstract,
...                  occurrences=(src,), **kw)
>>> [p] = merge_papers([rec("b.txt", "GaLore: A", "x.", upvotes=3), rec("a.txt", "Galore - a", "y.")])
>>> p.title, p.upvotes, [o.file for o in p.occurrences], p.disagreements
('GaLore: A', 3, ['a.txt', 'b.txt'], ('abstract: x. | y.', 'title: GaLore: A | Galore - a'))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.ids import normalise_title, paper_id
from kg.records import TITLE_SEPARATOR, Paper, SourceRef

__all__ = ["merge_papers", "group_papers", "richness"]

_META_FIELDS = ("arxiv_id", "date", "upvotes", "authors", "author_count", "organisation", "categories")
# fields whose values are compared for disagreements (title/abstract on normalised text)
_COMPARED = ("title", "abstract", "arxiv_id", "date", "year", "upvotes", "author_count", "organisation", "authors")
_FILLABLE = ("arxiv_id", "upvotes", "authors", "author_count", "organisation", "categories")
_DATE_FIELDS = ("date", "date_text", "year", "year_inferred")


def richness(p: Paper) -> int:
    """How many metadata fields a record carries (the primary record has the most)."""
    return sum(1 for f in _META_FIELDS if getattr(p, f) not in (None, (), ""))


def _first_occurrence(p: Paper) -> tuple[str, int]:
    o = min(p.occurrences, key=lambda o: (o.file, o.line))
    return o.file, o.line


def _rank(p: Paper) -> tuple[int, str, int, str, str, str]:
    file, line = _first_occurrence(p)
    # the text fields close the ranking so that equal-looking records never depend on input order
    return (-richness(p), file, line, p.id, p.title, p.abstract)


def group_papers(papers: Sequence[Paper]) -> list[list[Paper]]:
    """Records grouped by identity (shared arXiv id or normalised title), in input order."""
    parent = list(range(len(papers)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str], int] = {}
    for i, p in enumerate(papers):
        keys = [("t", normalise_title(p.title))]
        if p.arxiv_id:
            keys.append(("a", p.arxiv_id))
        for key in keys:
            j = owner.setdefault(key, i)
            if j != i:
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[Paper]] = {}
    for i, p in enumerate(papers):
        groups.setdefault(find(i), []).append(p)
    return list(groups.values())


def _show(field: str, value: object) -> str:
    if isinstance(value, tuple):
        return "; ".join(map(str, value))
    return str(value)


def _diff_window(a: str, b: str, width: int = 40) -> tuple[str, str]:
    """The region around the first difference of two long strings."""
    if len(a) <= 2 * width and len(b) <= 2 * width:
        return a, b
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    lo = max(0, i - width // 2)

    def cut(s: str) -> str:
        piece = s[lo : lo + width]
        return ("…" if lo else "") + piece + ("…" if lo + width < len(s) else "")

    return cut(a), cut(b)


def _compare_value(p: Paper, field: str) -> object:
    if field == "title":
        return p.text.split(TITLE_SEPARATOR, 1)[0]
    if field == "abstract":
        return p.text.split(TITLE_SEPARATOR, 1)[1] if TITLE_SEPARATOR in p.text else ""
    return getattr(p, field)


def _disagreements(ranked: Sequence[Paper]) -> list[str]:
    out: list[str] = []
    for field in _COMPARED:
        values: list[object] = []
        for p in ranked:
            v = _compare_value(p, field)
            if v in (None, (), "") or v in values:
                continue
            values.append(v)
        if len(values) < 2:
            continue
        if field in ("title", "abstract"):
            # long texts: show the region around the first difference
            first = _show(field, values[0])
            shown: list[str] = []
            for v in values[1:]:
                a, b = _diff_window(first, _show(field, v))
                if not shown:
                    shown.append(a)
                shown.append(b)
        else:
            shown = [_show(field, v) for v in values]
        out.append(f"{field}: " + " | ".join(shown))
    return out


def merge_group(group: Sequence[Paper]) -> Paper:
    """Merge the records of one paper (see the module docstring for the rules)."""
    if len(group) == 1:
        return group[0]
    ranked = sorted(group, key=_rank)
    primary = ranked[0]
    update: dict[str, object] = {}
    for field in _FILLABLE:
        if getattr(primary, field) in (None, ()):
            for p in ranked[1:]:
                if getattr(p, field) not in (None, ()):
                    update[field] = getattr(p, field)
                    break
    if primary.date is None and primary.year is None:
        for p in ranked[1:]:
            if p.date is not None or p.year is not None:
                update.update({f: getattr(p, f) for f in _DATE_FIELDS})
                break
    urls: dict[str, None] = {}
    for p in ranked:
        urls.update(dict.fromkeys(p.code_urls))
    update["code_urls"] = tuple(urls)
    occurrences: dict[SourceRef, None] = {}
    for p in group:
        occurrences.update(dict.fromkeys(p.occurrences))
    update["occurrences"] = tuple(sorted(occurrences, key=lambda o: (o.file, o.line, o.format, o.loader)))
    inherited = {d for p in group for d in p.disagreements}
    update["disagreements"] = tuple(sorted(inherited | set(_disagreements(ranked))))
    arxiv = update.get("arxiv_id", primary.arxiv_id)
    update["id"] = paper_id(primary.title, arxiv_id=arxiv if isinstance(arxiv, str) else None)
    return primary.model_copy(update=update)


def merge_papers(papers: Iterable[Paper]) -> list[Paper]:
    """Merge records into one Paper per paper, sorted by id.

    Deterministic: the result does not depend on the order of ``papers``.
    """
    records = list(papers)
    merged = [merge_group(g) for g in group_papers(records)]
    merged.sort(key=lambda p: p.id)
    return merged
