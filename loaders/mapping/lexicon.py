"""One-pass phrase matching over a paper: every lexicon term is found in a single token scan.

Terms and text are compared on normalised tokens: lowercase, hyphens and spaces alike
("KV-cache" = "KV cache"), British spellings folded ("quantisation" = "quantization"), a plural
"s" dropped. A multi-word term also matches its joined spelling ("KVCache", "FlashAttention").
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

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

from loaders.mapping.text import tokenize

_BRACES = re.compile(r"\{([^{}]*)\}")


def expand(term: str) -> list[str]:
    """All spellings of a term with ``{a|b}`` alternatives.

    >>> expand("prun{e|ing|ed} expert{s|}")
    ['prune experts', 'prune expert', 'pruning experts', 'pruning expert', 'pruned experts', 'pruned expert']
    """
    parts = _BRACES.split(term)
    choices = [[p] if i % 2 == 0 else p.split("|") for i, p in enumerate(parts)]
    return ["".join(c) for c in itertools.product(*choices)]


_SUFFIXES = (("isation", "ization"), ("ised", "ized"), ("ising", "izing"), ("ise", "ize"), ("yse", "yze"))


def norm_token(tok: str) -> str:
    """The comparison form of one lowercase token.

    >>> [norm_token(t) for t in ("quantisation", "gpus", "caches", "process", "llms", "moe")]
    ['quantization', 'gpu', 'cache', 'process', 'llm', 'moe']
    """
    for a, b in _SUFFIXES:
        if tok.endswith(a):
            tok = tok[: -len(a)] + b
            break
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith(("ss", "is")) and not (tok.endswith("us") and len(tok) > 4) and not tok[-2].isdigit():
        tok = tok[:-1]
    return tok


def _acronym_like(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    if not letters:
        return True
    # all caps or inner capitals (MoE, LoRA, GPTQ) or short forms (SAM, C4)
    return any(c.isupper() for c in letters[1:]) or (len(surface) <= 4 and letters[0].isupper() and " " not in surface)


def _shape(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", s)


@dataclass(frozen=True)
class Sense:
    """What a term means: a kind ('technique', 'dataset', 'cue', ...) and a target id or cue name."""

    kind: str
    target: str
    weight: float = 1.0
    exact_case: str | None = None  # the required spelling (letters/digits only) when case matters


@dataclass(frozen=True)
class Hit:
    """A lexicon term found in the text."""

    start: int
    end: int
    text: str
    kind: str
    target: str
    weight: float
    tokens: int


class Lexicon:
    """Terms indexed by their first normalised token; :meth:`scan` finds the longest matches."""

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], Sense]]] = defaultdict(list)
        self._sorted = True

    def add(self, term: str, kind: str, target: str, *, weight: float = 1.0, case: bool | None = None) -> None:
        """Add a term (with ``{a|b}`` alternatives) meaning ``kind``/``target``.

        ``case=None`` decides from the spelling: acronym-like terms must match exactly.
        """
        for spelling in expand(term):
            toks = tuple(norm_token(t.norm) for t in tokenize(spelling))
            if not toks:
                continue
            exact = case if case is not None else _acronym_like(spelling)
            sense = Sense(kind, target, weight, _shape(spelling) if exact else None)
            self._index[toks[0]].append((toks, sense))
            if 1 < len(toks) <= 3 and not exact:
                joined = ("".join(toks),)
                self._index[joined[0]].append((joined, sense))
        self._sorted = False

    def _prepare(self) -> None:
        for key, entries in self._index.items():
            # longest first, stable otherwise, without duplicates
            seen = set()
            uniq = []
            for e in sorted(entries, key=lambda e: -len(e[0])):
                if e not in seen:
                    seen.add(e)
                    uniq.append(e)
            self._index[key] = uniq
        self._sorted = True

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        """Longest non-overlapping matches in ``text[start:end]``; all senses of a matched span are kept."""
        if not self._sorted:
            self._prepare()
        region = text[start:end] if (start or end is not None) else text
        toks = tokenize(region)
        norms = [norm_token(t.norm) for t in toks]
        hits: list[Hit] = []
        i = 0
        n = len(toks)
        while i < n:
            best_len = 0
            best: list[Sense] = []
            for seq, sense in self._index.get(norms[i], ()):
                k = len(seq)
                if k < best_len:
                    break
                if i + k > n or tuple(norms[i : i + k]) != seq:
                    continue
                # tokens of a term must be adjacent: at most a hyphen/space/slash between them
                if k > 1 and any(toks[j + 1].start - toks[j].end > 2 for j in range(i, i + k - 1)):
                    continue
                if sense.exact_case is not None:
                    surface = region[toks[i].start : toks[i + k - 1].end]
                    if _shape(surface).rstrip("s") != sense.exact_case.rstrip("s") and _shape(surface) != sense.exact_case:
                        continue
                if k > best_len:
                    best_len, best = k, [sense]
                else:
                    best.append(sense)
            if best:
                s, e = toks[i].start, toks[i + best_len - 1].end
                for sense in best:
                    hits.append(Hit(s + start, e + start, region[s:e], sense.kind, sense.target, sense.weight, best_len))
                i += best_len
            else:
                i += 1
        return hits
