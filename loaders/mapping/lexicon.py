"""One-pass phrase matching over a paper: every lexicon term is found in a single token scan.

Terms and text are compared on normalised tokens: lowercase, hyphens and spaces alike
("KV-cache" = "KV cache"), British spellings folded ("quantisation" = "quantization", "optimiser" = "optimizer"), a plural
"s" dropped. A multi-word term also matches its joined spelling ("KVCache", "FlashAttention"), and
a longer one a hyphenated pair of it closed up ("parameter-efficient finetuning").
Acronym-like terms ("MoE", "SAM", "MATH") match only with their exact capitalisation.
Term strings may hold alternatives in braces: ``"quantiz{ation|e|ed|ing}"``.

>>> lex = Lexicon()
>>> lex.add("KV cache", "cue", "kv")
>>> lex.add("quantiz{ation|e|ed|ing}", "cue", "quant")
>>> lex.add("MATH", "dataset", "dataset/math")
>>> [(h.text, h.target) for h in lex.scan("Quantising the KV-caches helps; math is hard; MATH is a benchmark.")]
[('Quantising', 'quant'), ('KV-caches', 'kv'), ('MATH', 'dataset/math')]
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from loaders.mapping.text import _TOKEN, tokenize

_BRACES = re.compile(r"\{([^{}]*)\}")


def expand(term: str) -> list[str]:
    """All spellings of a term with ``{a|b}`` alternatives.

    >>> expand("prun{e|ing|ed} expert{s|}")
    ['prune experts', 'prune expert', 'pruning experts', 'pruning expert', 'pruned experts', 'pruned expert']
    """
    parts = _BRACES.split(term)
    choices = [[p] if i % 2 == 0 else p.split("|") for i, p in enumerate(parts)]
    return ["".join(c) for c in itertools.product(*choices)]


_SUFFIXES = (("isation", "ization"), ("ised", "ized"), ("ising", "izing"), ("isers", "izers"), ("iser", "izer"),
             ("ise", "ize"), ("yse", "yze"))


@lru_cache(maxsize=65536)
def norm_token(tok: str) -> str:
    """The comparison form of one lowercase token.

    >>> [norm_token(t) for t in ("quantisation", "gpus", "caches", "process", "llms", "moe", "optimisers")]
    ['quantization', 'gpu', 'cache', 'process', 'llm', 'moe', 'optimizer']
    """
    if tok.endswith(_SUFFIX_ENDS):  # (one test for the few words with a British ending: most have none)
        for a, b in _SUFFIXES:
            if tok.endswith(a):
                tok = tok[: -len(a)] + b
                break
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith(("ss", "is")) and not (tok.endswith("us") and len(tok) > 4) and not tok[-2].isdigit():
        tok = tok[:-1]
    return tok


_SUFFIX_ENDS = tuple(a for a, _b in _SUFFIXES)


# the text split into gaps and tokens (:data:`_TOKEN` in a group: the tokens are kept, between the gaps)
_SPLIT = re.compile(f"({_TOKEN.pattern})").split


@lru_cache(maxsize=65536)
def _norm_word(word: str) -> str:
    """The comparison form of a token as written (what :func:`tokenize` and :func:`norm_token` give)."""
    return norm_token(word.lower())


# token as written -> its comparison form: a plain dict read by ``map(dict.get, ...)`` at C speed
# (an lru_cache call per token cost as much as the rest of the tokenising); emptied when it grows large
_NORMS: dict[str, str] = {}
_NORMS_MAX = 1 << 17


def _norms_of(words: list[str]) -> list[str]:
    """:func:`_norm_word` of every word."""
    norms = list(map(_NORMS.get, words))
    # (a comparison form is never empty: a false one is a word not seen yet; ``all`` tests truth, cheaper
    # than ``None in`` comparing every string with None)
    if not all(norms):
        if len(_NORMS) > _NORMS_MAX:
            _NORMS.clear()
        for j, nw in enumerate(norms):
            if nw is None:
                w = words[j]
                nw = norms[j] = _NORMS[w] = norm_token(w.lower())
    return norms  # type: ignore[return-value]


def _acronym_like(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    if not letters:
        return True
    # all caps or inner capitals (MoE, LoRA, GPTQ) or short forms (SAM, C4)
    return any(c.isupper() for c in letters[1:]) or (len(surface) <= 4 and letters[0].isupper() and " " not in surface)


def _inner_caps(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return sum(c.isupper() for c in letters) >= 2 or (any(c.isdigit() for c in w) and any(c.isupper() for c in w))


_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")


def _shape(s: str) -> str:
    return _NOT_ALNUM.sub("", s)


def _case_ok(words: list[str], i: int, req: tuple[str | None, ...]) -> bool:
    """Do the tokens from ``i`` on (``words``: the tokens as written) have the spelling ``req`` asks for?"""
    if len(req) == 1 and len(words) > i and req[0] is not None:
        w = words[i]
        return w == req[0] or (w.endswith("s") and w[:-1] == req[0]) or _shape(w) == _shape(req[0])
    for j, r in enumerate(req):
        if r is None:
            continue
        w = words[i + j]
        if w != r and not (w.endswith("s") and w[:-1] == r):
            return False
    return True


@dataclass(frozen=True)
class Sense:
    """What a term means: a kind ('technique', 'dataset', 'cue', ...) and a target id or cue name."""

    kind: str
    target: str
    weight: float = 1.0
    exact_case: tuple[str | None, ...] | None = None  # per token: the required spelling when case matters


class Hit(NamedTuple):
    """A lexicon term found in the text."""

    # (a named tuple, read and compared as the frozen record it was: ~20k hits per pass over the seeds, each
    # one object that the garbage collector soon stops following, not an instance and its dict)

    start: int
    end: int
    text: str
    kind: str
    target: str
    weight: float
    tokens: int


# ``Hit((start, end, ...))`` without the named tuple's ``__new__``, a Python call per hit (~20k a pass over the seeds)
_new_hit = functools.partial(tuple.__new__, Hit)


def _by_kind(senses: tuple[Sense, ...]) -> tuple[tuple[str, tuple[Sense, ...]], ...]:
    """Senses grouped by kind in order of first appearance, a kind's repeats of one target and weight
    dropped: the hits :meth:`Lexicon.scan` makes of a term whose senses need no spelling check.

    >>> [(k, [x.target for x in v]) for k, v in _by_kind((Sense("cue", "a"), Sense("dataset", "d"), Sense("cue", "a"),
    ...                                                   Sense("cue", "b")))]
    [('cue', ['a', 'b']), ('dataset', ['d'])]
    """
    grouped: dict[str, list[Sense]] = {}
    for sense in senses:
        same = grouped.setdefault(sense.kind, [])
        if not any(o.target == sense.target and o.weight == sense.weight for o in same):
            same.append(sense)
    return tuple((k, tuple(v)) for k, v in grouped.items())


_SHORT = 80  # the longest text whose hits :meth:`Lexicon.scan` keeps


class Lexicon:
    """Terms indexed by their first normalised token; :meth:`scan` finds the longest matches."""

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], Sense]]] = defaultdict(list)
        self._sorted = True
        self._short: dict[str, list[Hit]] = {}  # see :meth:`scan`

    def add(self, term: str, kind: str, target: str, *, weight: float = 1.0, case: bool | None = None) -> None:
        """Add a term (with ``{a|b}`` alternatives) meaning ``kind``/``target``.

        ``case=None`` decides from the spelling: acronym-like terms must match exactly.
        """
        for spelling in expand(term):
            raw = tokenize(spelling)
            toks = tuple(norm_token(t.norm) for t in raw)
            if not toks:
                continue
            # case matters token by token: "KV cache" needs "KV" in capitals but any "cache"
            words = [spelling[t.start : t.end] for t in raw]
            if case is None:
                # in a phrase only acronym tokens keep their case ("KV cache"; "Long Range Arena" is free)
                req = tuple(w if (_acronym_like(w) if len(words) == 1 else _inner_caps(w)) else None for w in words)
            else:
                req = tuple(words) if case else tuple(None for _ in words)
            exact = any(r is not None for r in req)
            sense = Sense(kind, target, weight, req if exact else None)
            self._index[toks[0]].append((toks, sense))
            if 1 < len(toks) <= 3 and not exact:
                joined = ("".join(toks),)
                self._index[joined[0]].append((joined, sense))
            if len(toks) > 2:
                # a hyphenated pair inside a longer phrase may be written closed up ("parameter-efficient
                # finetuning", "memory-efficient optimisers"): the phrase with that pair as one token
                for i in range(len(raw) - 1):
                    if spelling[raw[i].end : raw[i + 1].start] == "-":
                        closed = (*toks[:i], norm_token(raw[i].norm + raw[i + 1].norm), *toks[i + 2 :])
                        self._index[closed[0]].append((closed, sense))
        self._sorted = False

    def _prepare(self) -> None:
        # first token -> (the lengths of its longer terms, longest first; {token tuple: senses}; the
        # second tokens of those terms; the senses of the token alone) so that a position costs one
        # dict lookup per distinct term length instead of a walk over every term, and none at all
        # for the longer terms when the next token goes on none of them (most positions)
        # (and, where no sense of the token alone asks for a spelling, those senses already grouped by kind
        # as :meth:`scan` would group them at every position: see :func:`_by_kind`)
        self._table: dict[str, tuple[tuple[int, ...], dict[tuple[str, ...], tuple[Sense, ...]], frozenset[str],
                                     tuple[Sense, ...] | None, tuple[tuple[str, tuple[tuple[str, float], ...]], ...] | None]] = {}
        for key, entries in self._index.items():
            by_seq: dict[tuple[str, ...], list[Sense]] = {}
            for seq, sense in entries:
                lst = by_seq.setdefault(seq, [])
                if sense not in lst:
                    lst.append(sense)
            longer = tuple(sorted({len(q) for q in by_seq if len(q) > 1}, reverse=True))
            seconds = frozenset(q[1] for q in by_seq if len(q) > 1)
            alone = tuple(by_seq[(key,)]) if (key,) in by_seq else None
            plan = tuple((kind, tuple((x.target, x.weight) for x in senses)) for kind, senses in _by_kind(alone)) \
                if alone and all(x.exact_case is None for x in alone) else None
            self._table[key] = (longer, {q: tuple(v) for q, v in by_seq.items()}, seconds, alone, plan)
        self._short = {}  # (hits of the terms before these were added)
        self._sorted = True

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Longest non-overlapping matches per kind in ``text[start:end]``, in one pass over the tokens.

        Kinds do not hide each other: "KV cache compression" is a technique term and, inside it,
        "KV cache" is still a cue. All senses of the longest span of a kind are kept.
        """
        if not self._sorted:
            self._prepare()
        if start or end is not None or len(text) > _SHORT:
            return self._scan(text, start, end)
        # a short text as a whole, an acronym's long form most often: the same ones recur paper after paper
        hits = self._short.get(text)
        if hits is None:
            if len(self._short) >= 4096:
                self._short.clear()
            hits = self._short[text] = self._scan(text, 0, None)
        return list(hits)  # (a list of its own for the caller; the hits are frozen)

    def _scan(self, text: str, start: int, end: int | None) -> list[Hit]:
        region = text[start:end] if (start or end is not None) else text
        # the text split into gaps and tokens, [gap, token, gap, ..., token, gap], and the offset where each
        # piece ends, built by C-level loops: token i is parts[2i + 1], ends at ends[2i + 1] and starts
        # at ends[2i]; the gap after it is parts[2i + 2] (a match object per token cost as much as the
        # rest of the scan, half of it in the garbage collector's walks over them)
        parts = _SPLIT(region)
        words = parts[1::2]
        ends = list(itertools.accumulate(map(len, parts)))
        norms = _norms_of(words)
        hits: list[Hit] = []
        n = len(words)
        table = self._table
        blocked: dict[str, int] = {}  # kind -> first token index free again
        new_hit = _new_hit
        entries = list(map(table.get, norms))
        # only positions where some term starts
        for i in itertools.compress(range(n), entries):
            longer, by_seq, seconds, alone, plan = entries[i]  # type: ignore[misc]  # (compress keeps the positions with an entry)
            # the terms found here, longest first
            found: list[tuple[int, tuple[Sense, ...]]] | tuple[tuple[int, tuple[Sense, ...]], ...]
            if longer and i + 1 < n and norms[i + 1] in seconds:
                found = []
                for k in longer:
                    if i + k > n:
                        continue
                    senses = by_seq.get(tuple(norms[i : i + k]))
                    if not senses:
                        continue
                    # tokens of a term must be adjacent: at most a hyphen/space/slash between them, and never
                    # a sentence or clause boundary ("... of the KV cache. Eviction of ...")
                    # (two tokens, most terms: their one gap without a generator)
                    if k == 2:
                        gap = parts[2 * i + 2]
                        if len(gap) > 2 or gap.strip(" -/\u2010\u2011"):
                            continue
                    elif any(len(gap) > 2 or gap.strip(" -/\u2010\u2011") for gap in parts[2 * i + 2 : 2 * (i + k) : 2]):
                        continue
                    found.append((k, senses))
                if alone:
                    found.append((1, alone))
            elif plan is not None:
                # the token alone, with no spelling to check (most positions): what the loop below does
                # with its senses, grouped by kind beforehand
                surface = ""
                for kind, targets in plan:
                    if blocked.get(kind, 0) > i:
                        continue
                    if not surface:
                        surface = words[i]
                        s = ends[2 * i] + start
                        e = s + len(surface)
                    for target, weight in targets:
                        hits.append(new_hit((s, e, surface, kind, target, weight, 1)))
                    blocked[kind] = i + 1
                continue
            elif alone:
                found = ((1, alone),)
            else:
                continue
            done: set[str] = set()
            for k, senses in found:
                chosen: dict[str, list[Sense]] = {}
                for sense in senses:
                    kind = sense.kind
                    if kind in done or blocked.get(kind, 0) > i:
                        continue
                    if sense.exact_case is not None and not _case_ok(words, i, sense.exact_case):
                        continue
                    same = chosen.get(kind)
                    if same is None:  # (the first sense of a kind here: no generator to ask)
                        chosen[kind] = [sense]
                    # "GPU{s|}" adds "GPU" and "GPUs"; both accept "GPUs": one meaning, one hit
                    elif not any(o.target == sense.target and o.weight == sense.weight for o in same):
                        same.append(sense)
                if not chosen:
                    continue
                s, e = ends[2 * i], ends[2 * (i + k) - 1]
                surface = region[s:e]
                for kind, kind_senses in chosen.items():
                    for sense in kind_senses:
                        hits.append(new_hit((s + start, e + start, surface, kind, sense.target, sense.weight, k)))
                    blocked[kind] = i + k
                    done.add(kind)
        return hits
