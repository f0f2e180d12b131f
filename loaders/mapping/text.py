"""Sentences, tokens and the acronym table of one paper.

Everything works on ``Paper.text`` offsets. The title is sentence 0; the abstract is split on
sentence-final punctuation followed by a capital, a digit or an opening bracket, except after
abbreviations such as "e.g." or "et al.".

>>> text = "FooQ: Fast Things\\n\\nWe use e.g. GPTQ on 2.5 GPUs. Mixture of experts (MoE) works! Yes."
>>> [s.text for s in split_sentences(text, title_end=17)]
['FooQ: Fast Things', 'We use e.g. GPTQ on 2.5 GPUs.', 'Mixture of experts (MoE) works!', 'Yes.']
>>> [(a.short, a.long) for a in find_acronyms(text, split_sentences(text, title_end=17))]
[('MoE', 'Mixture of experts')]
"""

from __future__ import annotations

import re
import re._constants as _sre_constants
import re._parser as _sre_parse
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from loaders.mapping.doc import Acronym, Sentence, _unvalidated

@lru_cache(maxsize=2048)
def rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` with a cache of the mapper's own.

    The ``re`` module's cache holds 512 patterns shared by every extractor in the process; the
    relation and result extractors compile many per-paper patterns, which would evict ours and
    have them recompiled paper after paper.

    >>> rx(r"\\d+").findall("8 GPUs, 2 nodes")
    ['8', '2']
    """
    return re.compile(pattern, flags)


# the only letters that case-insensitive matching folds onto ASCII ones: "İ", "ı" (i), "ſ" (s), "K" (k)
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """Does ``text`` contain one of ``words``? (a C-level loop: no generator frame per word)"""
    return any(map(text.__contains__, words))


_QUANTIFIER_START = frozenset("?*+{")


def first_char_groups(alternatives: Sequence[str], *, word_start: bool = False) -> str:
    """The alternation ``(?:a1|a2|...)`` of a case-sensitive pattern written so that the regex engine can
    skip ahead: the alternatives that open with one character are grouped under it, in their order.

    The engine skips to the characters a pattern can open with only where the pattern opens with a plain
    character or an alternation of such (and then tries one group per position, not every alternative).
    The first match is the same: alternatives that open with different characters never match at one
    position, and each group keeps its alternatives' order. With ``word_start`` a match must also start a
    word, what a leading ``\\b`` asks before a word character, checked after the first character (a ``\\b``
    first would have the engine try every position). Each alternative is a pattern without a top-level "|".

    >>> first_char_groups(["GPU", "GH200", "TPU"])
    '(?:G(?:PU|H200)|TPU)'
    >>> print(first_char_groups(["we", "this", "w(?:hich)"], word_start=True))
    (?:w(?<!\\w.)(?:e|(?:hich))|t(?<!\\w.)his)
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        first, rest = alt[:1], alt[1:]
        # (the first character must stand for itself, and alone: "A?" or "\d" opens with something else)
        if not first or first in "\\[().^$|?*+{" or rest[:1] in _QUANTIFIER_START or (word_start and not re.match(r"\w", first)):
            raise ValueError(f"not a plain first character: {alt!r}")
        groups.setdefault(first, []).append(rest)
    check = r"(?<!\w.)" if word_start else ""
    return "(?:" + "|".join(re.escape(c) + check + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
                            for c, rests in groups.items()) + ")"


_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")
_UNSAFE_ESCAPE = re.compile(r"\\[A-Zxu0-7]")
# an escape: a character by its code (read apart: lowercasing keeps its value) or a backslash and the next character
_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_INLINE_FLAG = re.compile(r"\(\?[aiLmsux-]")


def _ascii_folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a case-insensitive pattern: its lowercase, case-sensitive form, which finds the same spans
    in the lowercased form of an ASCII text; None where that is not certain (other flags, inline
    flags, an escape that lowercasing would change, a character class that names capitals, a
    non-ASCII character that has case).

    >>> _ascii_folded(re.compile(r"\\bFLOPs?\\s+(?:x|%)", re.I)).pattern
    '\\\\bflops?\\\\s+(?:x|%)'
    >>> _ascii_folded(re.compile(r"[A-Z]\\w+", re.I)), _ascii_folded(re.compile(r"\\S+", re.I)), _ascii_folded(re.compile("ab"))
    (None, None, None)
    """
    src = pattern.pattern
    if not isinstance(src, str) or pattern.flags & ~(re.I | re.U) != 0 or not pattern.flags & re.I:
        return None
    if not _escapes_fold(src) or _INLINE_FLAG.search(src) or "(?P" in src:
        return None  # (a group's name is no text to lowercase)
    if any(c.isupper() for cls in _CLASS.findall(src) for c in cls):
        return None
    if any(not c.isascii() and (c.lower() != c or c.upper() != c or c.casefold() != c) for c in src):
        return None
    return re.compile(src.lower())


def _escapes_fold(src: str) -> bool:
    """Does lowercasing leave every escape of ``src`` as it is? A character given by its code (``\\u00b2``, "²")
    keeps its value where it has no case, as a non-ASCII character written out must (see :func:`_ascii_folded`);
    other escapes of a capital (``\\S``, ``\\B``), a code or an octal number or group would change or are not read.

    >>> _escapes_fold(r"mm\\u00b2|\\x2d\\s\\\\S"), _escapes_fold(r"\\u00B5"), _escapes_fold(r"\\x41"), _escapes_fold(r"\\S")
    (True, False, False, False)
    """
    for m in _ESCAPE.finditer(src):
        esc = m.group()
        if len(esc) > 2:
            c = chr(int(esc[2:], 16))
            if c.lower() != c or c.upper() != c or c.casefold() != c:
                return False
        elif _UNSAFE_ESCAPE.fullmatch(esc):
            return False
    return True


# -- words every match holds -------------------------------------------------------------------

_SET_MAX = 64  # the most strings a set of exact matches is followed to


def needed_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lowercase strings one of which every match of ``pattern`` holds (None where the pattern does not tell).

    Read from the pattern's parse tree: a run of literals (and small character classes or optional
    parts: "generali[sz]e", "vs\\.?") is a set of exact strings; an alternation needs one of its
    branches' words; lookarounds and anchors consume nothing and keep a run going. Of the sets a
    sequence offers, the one with the longest shortest string is kept. Only ASCII letters are
    followed, so the words hold in the lowercased form of any text the pattern matches (see
    :class:`Gated` for the letters that fold onto ASCII ones).

    >>> needed_words(re.compile(r"(?<!\\w)(?:compared\\s(?:to|with)|generali[sz](?:es|ed)|vs\\.?)\\s", re.I))
    ('compared', 'generalised', 'generalises', 'generalized', 'generalizes', 'vs', 'vs.')
    >>> needed_words(re.compile(r"\\d+\\s?[xX]")), needed_words(re.compile(r"(?:foo)?bar|baz"))
    (('x',), ('bar', 'baz', 'foobar'))
    """
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError):  # pragma: no cover - a compiled pattern parses again
        return None
    exact, need = _seq_words(list(tree))
    words = need if need is not None else exact
    if not words or "" in words:
        return None
    return tuple(sorted(words))


_Words = tuple["frozenset[str] | None", "frozenset[str] | None"]


def _seq_words(items: list[tuple[Any, Any]]) -> _Words:
    """(every exact string the sequence matches or None, a set of words one of which is in every match or None)."""
    candidates: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})
    all_exact = True
    for op, av in items:
        exact, need = _node_words(op, av)
        if exact is not None and len(run) * len(exact) <= _SET_MAX:
            run = frozenset(a + b for a in run for b in exact)
            continue
        all_exact = False
        candidates.append(run)
        if exact is not None:
            run = exact
        else:
            if need is not None:
                candidates.append(need)
            run = frozenset({""})
    candidates.append(run)
    usable = [c for c in candidates if c and "" not in c]
    best = max(usable, key=lambda c: (min(map(len, c)), -len(c))) if usable else None
    return (run if all_exact else None), best


def _node_words(op: Any, av: Any) -> _Words:  # (the parse tree is untyped)
    c = _sre_constants
    if op is c.LITERAL:
        return (frozenset({chr(av).lower()}), None) if av < 128 else (None, None)
    if op is c.IN:
        if len(av) <= 8 and all(o is c.LITERAL and a < 128 for o, a in av):
            return frozenset(chr(a).lower() for _o, a in av), None
        return None, None
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return frozenset({""}), None  # consumes nothing: a run of literals goes on across it
    if op is c.SUBPATTERN:
        return _seq_words(list(av[-1]))
    if op is c.ATOMIC_GROUP:
        return _seq_words(list(av))
    if op is c.BRANCH:
        alts = [_seq_words(list(p)) for p in av[1]]
        exact = None
        if all(e is not None for e, _n in alts):
            union = frozenset().union(*(e for e, _n in alts if e is not None))
            exact = union if len(union) <= _SET_MAX else None
        needs = [n for _e, n in alts if n is not None]
        need = frozenset[str]().union(*needs) if len(needs) == len(alts) else None
        return exact, need
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, hi, p = av
        exact, need = _seq_words(list(p))
        if exact is not None and hi <= 3:
            out: set[str] = set()
            prod = {""}
            for k in range(hi + 1):
                if k >= lo:
                    out |= prod
                if len(out) > _SET_MAX or len(prod) * len(exact) > _SET_MAX:
                    break
                prod = {a + b for a in prod for b in exact}
            else:
                return frozenset(out), None
        if lo >= 1:
            return None, need if need is not None else (exact if exact and "" not in exact else None)
        return None, None
    return None, None  # a class, any character, a back reference: no word


class Gated:
    """A compiled pattern searched only where it can match: every match holds one of ``words``.

    The words are lowercase and compared with the lowercased text, so a case-insensitive pattern
    can be gated too; ``need`` may instead be any test of the lowercased text that every text with
    a match passes. A text with a letter that the regex folds onto an ASCII one ("ſ" matches "s")
    is always searched, so results are the pattern's own; the test only saves the regex's walk over
    the many sentences that lack every word the pattern needs.

    >>> g = Gated(re.compile("faster (?:inference|training)", re.I), ("faster",))
    >>> g.search("Much FASTER training."), g.search("Slow training.")
    (<re.Match object; span=(5, 20), match='FASTER training'>, None)
    """

    __slots__ = ("pattern", "need", "_folded", "_words")

    def __init__(self, pattern: re.Pattern[str], need: tuple[str, ...] | Callable[[str], bool]) -> None:
        self.pattern = pattern
        self.need = need if callable(need) else (lambda low: has_any(low, need))
        self._folded = _ascii_folded(pattern)
        # the words themselves, tested inline by the range forms (None: ``need`` is a test of its own)
        self._words: tuple[str, ...] | None = None if callable(need) else tuple(need)

    def span(self, text: str) -> tuple[int, int] | None:
        """The span of ``search(text)``'s match, or None.

        For an ASCII text a case-insensitive pattern is searched as its lowercase, case-sensitive
        form in the lowercased text (same spans; the regex engine skips ahead on a case-sensitive
        pattern's first characters, several times faster); so is a text that is not ASCII but holds
        no letter folding onto an ASCII one (see :data:`_UNICODE_LOWERED`).

        >>> g = Gated(re.compile("faster (?:inference|training)", re.I), ("faster",))
        >>> g.span("Much FASTER training."), g.span("Slow training."), g.found("faster inference")
        ((5, 20), None, True)
        """
        words = self._words
        low = _LOWERED.get(text) or lowered(text)  # (the sentences are asked of many patterns: lowercased once)
        if low is None:  # not ASCII: a letter that folds onto an ASCII one may stand for a needed one
            low, folds = _UNICODE_LOWERED.get(text) or _unicode_lowered(text)
            if not (any(map(low.__contains__, words)) if words is not None else self.need(low)) and not folds:
                return None
            m = self._folded.search(low) if self._folded is not None and not folds else self.pattern.search(text)
        elif not (any(map(low.__contains__, words)) if words is not None else self.need(low)):
            return None
        else:
            m = self._folded.search(low) if self._folded is not None else self.pattern.search(text)
        return m.span() if m else None

    def found(self, text: str) -> bool:
        """Does ``search(text)`` find a match? (see :meth:`span`)"""
        return self.span(text) is not None

    def found_slice(self, text: str, start: int, end: int) -> bool:
        """``found(text[start:end])`` for a piece of a text that is asked about as a whole too (a sentence):
        the words are looked for in the whole text's cached lowercase form, so that a piece without them is
        neither cut out nor lowercased (nor cached, pushing the sentences out of the cache).

        >>> g = Gated(re.compile(r"\\bthan\\s+\\w+$", re.I), ("than",))
        >>> s = "Faster THAN LoRA and QLoRA"
        >>> [g.found_slice(s, 0, e) for e in (11, 16, 26)], [g.found(s[0:e]) for e in (11, 16, 26)]
        ([False, True, False], [False, True, False])
        """
        low = _LOWERED.get(text) or lowered(text)
        if low is None:
            return self.found(text[start:end])
        seg = low[start:end]  # (an ASCII text: the lowercase form of the piece)
        words = self._words
        if not (any(map(seg.__contains__, words)) if words is not None else self.need(seg)):
            return False
        m = self._folded.search(seg) if self._folded is not None else self.pattern.search(text[start:end])
        return m is not None

    def may_match(self, text: str) -> bool:
        """Can ``pattern`` match in ``text``? False only where the words it needs are missing. With a gate of
        words (not a test of its own, which may ask where a text starts) False holds for every piece of
        ``text`` too: a paper's sentences need not be asked."""
        words = self._words
        # (an ASCII text's lowercase form is the cached one: sentences are asked of many patterns)
        low = _LOWERED.get(text) or lowered(text)
        if low is not None:
            return any(map(low.__contains__, words)) if words is not None else self.need(low)
        low, folds = _UNICODE_LOWERED.get(text) or _unicode_lowered(text)
        # (or a folding letter may stand for a needed one)
        return (any(map(low.__contains__, words)) if words is not None else self.need(low)) or folds

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.may_match(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self.may_match(text) else iter(())

    # The range forms below test the words in ``text[start:end]`` only: they need a gate whose words
    # are consumed by every match (as :meth:`auto` reads them), not any test of the whole text.

    @classmethod
    def auto(cls, pattern: re.Pattern[str], *, gate: bool = True) -> Gated:
        """The pattern gated by the words :func:`needed_words` reads from it (searched everywhere where it
        reads none, or with ``gate=False``: a pattern that nearly every sentence matches gains only the
        lowercase search).

        >>> Gated.auto(re.compile(r"\\b(?:over|than)\\s", re.I)).spans("Better THAN that, and over it", 7, 29)
        [(7, 12), (22, 27)]
        """
        words = needed_words(pattern) if gate else None
        return cls(pattern, _shortest_cover(words) if words is not None else _anything)

    def _may_in(self, text: str, low: str | None, start: int, stop: int) -> bool:
        words = self._words
        if self.need is _anything:
            return True
        if low is not None:
            seg = low[start:stop]
            return any(map(seg.__contains__, words)) if words is not None else self.need(seg)
        seg = text[start:stop]
        # (a piece of a text without a folding letter has none either)
        return self.need(seg.lower()) or ((_UNICODE_LOWERED.get(text) or _unicode_lowered(text))[1] and
                                          _FOLDS_TO_ASCII.search(seg) is not None)

    def may_match_in(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Can ``pattern`` match inside ``text[start:end]``? (False only where the words it needs are missing)"""
        start, stop = _clamp(text, start, end)
        return self._may_in(text, lowered(text), start, stop)

    def iter_in(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, start, end)``, skipped where :meth:`may_match_in` says no match can be."""
        # (called for every sentence: bounds inside the text, the common case, need no clamping)
        n = len(text)
        stop = n if end is None else end
        if not 0 <= start <= stop <= n:
            start, stop = _clamp(text, start, end)
        if self._may_in(text, _LOWERED.get(text) or lowered(text), start, stop):
            return self.pattern.finditer(text, start, stop)
        return iter(())

    def search_in(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """``pattern.search(text, start, end)``, skipped where :meth:`may_match_in` says no match can be."""
        start, stop = _clamp(text, start, end)
        return self.pattern.search(text, start, stop) if self._may_in(text, lowered(text), start, stop) else None

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """The spans of ``pattern.finditer(text, start, end)``; a text is searched in its (cached) lowercase
        form with the folded pattern where there is one and :meth:`span` would (an ASCII text most often)."""
        # (called for every sentence: the common case, bounds inside an ASCII text, without helper calls)
        n = len(text)
        stop = n if end is None else end
        if not 0 <= start <= stop <= n:
            start, stop = _clamp(text, start, end)
        low = _LOWERED.get(text) or lowered(text)
        if low is not None and self._folded is not None:
            words = self._words
            if words is not None:
                seg = low[start:stop]
                if not any(map(seg.__contains__, words)):
                    return []
            elif self.need is not _anything and not self.need(low[start:stop]):
                return []
            return [m.span() for m in self._folded.finditer(low, start, stop)]
        if not self._may_in(text, low, start, stop):
            return []
        if low is None and self._folded is not None:
            low, folds = _UNICODE_LOWERED.get(text) or _unicode_lowered(text)
            if not folds:
                return [m.span() for m in self._folded.finditer(low, start, stop)]
        return [m.span() for m in self.pattern.finditer(text, start, stop)]

    def first_in(self, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        """The span of ``pattern.search(text, start, end)``, or None (searched as :meth:`spans` searches)."""
        n = len(text)
        stop = n if end is None else end
        if not 0 <= start <= stop <= n:
            start, stop = _clamp(text, start, end)
        low = _LOWERED.get(text) or lowered(text)
        if not self._may_in(text, low, start, stop):
            return None
        if low is None and self._folded is not None:
            ulow, folds = _UNICODE_LOWERED.get(text) or _unicode_lowered(text)
            low = None if folds else ulow
        m = self._folded.search(low, start, stop) if low is not None and self._folded is not None else \
            self.pattern.search(text, start, stop)
        return m.span() if m else None


def _anything(low: str) -> bool:
    return True


def _shortest_cover(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that hold none of the others: a text holds one of ``words`` exactly when it holds one of these.

    >>> _shortest_cover(("compare", "compared", "vs", "vs.", "unlike", "like"))
    ('compare', 'vs', 'like')
    """
    return tuple(w for w in words if not any(o != w and o in w for o in words))


def _clamp(text: str, start: int, end: int | None) -> tuple[int, int]:
    """``start`` and ``end`` as ``re`` reads them for ``pattern.search(text, start, end)``."""
    n = len(text)
    stop = n if end is None else min(max(end, 0), n)
    return min(max(start, 0), n), stop


# text -> its lowercase form, for the last ASCII texts asked about. Keyed by the text itself: a string
# caches its hash, so a lookup of a sentence asked about before costs no more than an ``id()`` and finds
# the same object at once (an equal copy finds the same answer). Read inline as ``_LOWERED.get(text) or
# lowered(text)`` in the hot paths: a call saved per question.
_LOWERED: dict[str, str] = {}


def lowered(text: str) -> str | None:
    """``text.lower()`` of an ASCII text (same offsets), kept for the last texts asked about; None otherwise.

    The extractors search many patterns in each paper's text and sentences; each is lowercased once.

    >>> lowered("FooKV beats H2O"), lowered("caf\u00e9")
    ('fookv beats h2o', None)
    """
    low = _LOWERED.get(text)
    if low is not None:
        return low
    if not text.isascii():
        return None
    if len(_LOWERED) >= 256:
        _LOWERED.clear()
    low = _LOWERED[text] = text.lower()
    return low


# a text that is not ASCII -> its lowercase form and whether it holds a letter that folds onto an ASCII
# one: for the few such texts what :func:`lowered` is for the others (a paper's text is asked of many
# patterns: lowercased and looked through for folding letters once, not once per pattern). Without such
# a letter the folded pattern (see :func:`_ascii_folded`) finds the same spans in the lowercase form as
# the pattern in the text: only "İ", a folding letter, lowercases to two characters, no other letter
# lowercases to an ASCII one or matches one case-insensitively, and lowercasing changes no character's
# class (tests/test_perf_mapping.py checks these over all of Unicode).
_UNICODE_LOWERED: dict[str, tuple[str, bool]] = {}


def _unicode_lowered(text: str) -> tuple[str, bool]:
    hit = _UNICODE_LOWERED.get(text)
    if hit is None:
        if len(_UNICODE_LOWERED) >= 64:
            _UNICODE_LOWERED.clear()
        hit = _UNICODE_LOWERED[text] = (text.lower(), _FOLDS_TO_ASCII.search(text) is not None)
    return hit


def name_positions(text: str, name: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where ``name`` occurs in ``text[start:end]`` as a whole name (not inside a longer word or
    hyphenated name: ``(?<![\\w-])NAME(?![\\w-])``). Plain string search: names vary per paper, and a
    compiled pattern per name would defeat the regex cache.

    >>> name_positions("FooKV and FooKV-2 beat xFooKV; FooKV.", "FooKV")
    [0, 31]
    """
    n, size = len(text), len(name)
    stop = n if end is None else end
    out: list[int] = []
    # (a loop, not a generator: most calls find no occurrence at all)
    pos = text.find(name, start, stop) if name else -1
    while pos >= 0:
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + size] if pos + size < n else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            out.append(pos)
        pos = text.find(name, pos + 1, stop)
    return out


def stands_alone(text: str, word: str) -> bool:
    """Is ``word`` somewhere in ``text`` as a whole name (see :func:`name_positions`)?

    >>> stands_alone("NAMM-based NAMMs", "NAMM"), stands_alone("the NAMM, again", "NAMM")
    (False, True)
    """
    return word in text and bool(name_positions(text, word))


# Abbreviations after which a period does not end a sentence even before a capital.
_ABBREV = frozenset(
    "e.g i.e eg ie vs al cf fig figs eq eqs sec tab approx resp no nos viz etc.al w.r.t ca dr mr ms st".split()
)
_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z0-9\"'(\[])")


def split_sentences(text: str, *, title_end: int) -> tuple[Sentence, ...]:
    """Sentences of ``text``: the title (``text[:title_end]``) first, then the abstract's sentences."""
    out = [Sentence(index=0, start=0, end=title_end, text=text[:title_end], in_title=True)]
    pos = title_end
    while pos < len(text) and text[pos].isspace():
        pos += 1
    start = pos
    for m in _BOUNDARY.finditer(text, pos):
        word = _word_before(text, start, m.start()).lower().strip(".")
        if text[m.start()] == "." and (word in _ABBREV or (len(word) == 1 and word.isalpha() and word.isupper())):
            continue
        end = m.start() + len(m.group().rstrip())
        _append(out, text, start, end)
        start = m.end()
    _append(out, text, start, len(text))
    return tuple(out)


_LETTERS_DOT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _word_before(text: str, start: int, end: int) -> str:
    """The run of letters and dots that ends ``text[start:end]`` (or ends it before a final newline):
    what ``([A-Za-z.]+)$`` finds there, without the regex's walk over the whole sentence."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    k = end
    while k > start and text[k - 1] in _LETTERS_DOT:
        k -= 1
    return text[k:end]


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        # (offsets after the title's validated end, the index a count: nothing to check; ~10 a paper)
        out.append(_unvalidated(Sentence, {"index": len(out), "start": start, "end": end, "text": text[start:end],
                                           "in_title": False}))


class Token(NamedTuple):
    """A word of the text: its lowercase form and its span."""

    norm: str
    start: int
    end: int


# Words are runs of letters/digits; a dot or comma between digits stays inside ("2.5", "1,024").
# (possessive repeats: all that follows a repeat may match nothing, so a match never gives back what one took;
# the engine keeps no backtracking state for them, a tenth of the time of splitting a paper into tokens)
_TOKEN = re.compile(r"[A-Za-z0-9]++(?:[.,][0-9]++)*+(?:\+\+|\+(?![A-Za-z0-9]))?")


def tokenize(text: str) -> list[Token]:
    """Word tokens of ``text`` with their offsets.

    >>> [t.norm for t in tokenize("Llama-2-7B, Qwen2.5 and 1,024 GPUs.")]
    ['llama', '2', '7b', 'qwen2.5', 'and', '1,024', 'gpus']
    """
    return [Token(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# -- acronyms (Schwartz & Hearst 2003, with small extensions) -----------------------------

_PAREN = re.compile(r"\(([^()]{1,60})\)")
_SHORT_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-/&.+$^{}]{0,14}$")
_WORDS = re.compile(r"\S+")


def _valid_short(sf: str) -> bool:
    if not _SHORT_OK.match(sf) or not any(c.isalpha() for c in sf):
        return False
    # An acronym has a capital somewhere (rules out "(see)", "(i)", "(ours)").
    return any(c.isupper() for c in sf) and len(sf) >= 2


def _best_long_form(sf: str, candidate: str) -> str | None:
    """The shortest tail of ``candidate`` whose letters spell ``sf`` (Schwartz & Hearst)."""
    s, i = len(sf) - 1, len(candidate) - 1
    while s >= 0:
        c = sf[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        # The first letter of the short form must start a word of the long form.
        while i >= 0 and (candidate[i].lower() != c or (s == 0 and i > 0 and candidate[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    return candidate[i + 1 :]


# a digit that stands for a word in a coined acronym: "Structure to Activation (S2A)", "Ready for Edge (R4E)"
_NUMBER_WORDS = {"2": "to", "4": "for"}
_NUMBER_WORD_IN = re.compile(r"(?<=[A-Za-z])[24](?=[A-Za-z])")


def _number_word_long_form(sf: str, candidate: str) -> str | None:
    """The long form of an acronym whose 2 or 4 stands for "to" or "for", where the long form says that word.

    >>> _number_word_long_form("S2A", "we call it Structure to Activation")
    'Structure to Activation'
    >>> _number_word_long_form("B2B", "a Box two Box") is None
    True
    """
    digits = _NUMBER_WORD_IN.findall(sf)
    if not digits:
        return None
    lf = _best_long_form(_NUMBER_WORD_IN.sub(lambda m: _NUMBER_WORDS[m.group()][0], sf), candidate)
    if lf is None or not all(re.search(rf"\b{_NUMBER_WORDS[d]}\b", lf, re.I) for d in digits):
        return None
    return lf


def _strip_plural(sf: str) -> str:
    """``LLMs`` -> ``LLM``, ``MoEs`` -> ``MoE``: the definition serves singular and plural uses."""
    return sf[:-1] if len(sf) > 2 and sf.endswith("s") and sf[-2].isupper() else sf


def find_acronyms(text: str, sentences: Sequence[Sentence]) -> tuple[Acronym, ...]:
    """Acronyms defined as ``long form (ACR)`` or ``ACR (long form)``; the first definition wins.

    >>> t = "Low-Rank Adaptation (LoRA) and large language models (LLMs) and KD (knowledge distillation)."
    >>> [(a.short, a.long) for a in find_acronyms(t, split_sentences(t, title_end=0))]
    [('LoRA', 'Low-Rank Adaptation'), ('LLM', 'large language models'), ('KD', 'knowledge distillation')]
    """
    found: dict[str, Acronym] = {}
    for sent in sentences:
        if text.find("(", sent.start, sent.end) < 0:
            continue  # (no bracket, no definition)
        for m in _PAREN.finditer(text, sent.start, sent.end):
            inner = m.group(1).strip()
            sf = rx(r"[;,]\s").split(inner, maxsplit=1)[0].strip()
            before = text[sent.start : m.start()].rstrip()
            acr = None
            if _valid_short(sf) and len(sf.split()) == 1:
                words = _WORDS.findall(before)
                n = min(len(sf) + 5, 2 * len(sf))
                cand = " ".join(words[-n:]) if words else ""
                # Keep the candidate inside its clause.
                cand = rx(r"[:;,]\s|\.\s").split(cand)[-1]
                lf = _best_long_form(sf, cand) or _number_word_long_form(sf, cand)
                if lf and len(lf) > len(sf) + 2 and (" " in lf.strip() or "-" in lf):
                    lf = lf.strip(" -\"'")
                    start = before.rfind(lf)
                    acr = Acronym(
                        short=_strip_plural(sf),
                        long=lf,
                        start=sent.start + start if start >= 0 else m.start(),
                        end=m.end(),
                        sentence=sent.index,
                    )
            else:
                # "ACR (long form)": the word before the bracket is the acronym.
                # (a match is at most 15 characters ending at the end: searched from there, not from the
                # sentence's start; ``before`` ends in no newline, so ``$`` is its end)
                prev = rx(r"([A-Za-z][A-Za-z0-9\-]{1,14})$").search(before, max(0, len(before) - 15))
                if prev and _valid_short(prev.group(1)) and sum(ch.isupper() for ch in prev.group(1)) >= 2:
                    lf = _best_long_form(prev.group(1), inner)
                    if lf and lf == inner and " " in inner:
                        acr = Acronym(
                            short=_strip_plural(prev.group(1)),
                            long=inner,
                            start=sent.start + prev.start(),
                            end=m.end(),
                            sentence=sent.index,
                        )
            if acr and acr.short not in found:
                found[acr.short] = acr
    return tuple(found.values())
