"""Numbers with units in abstracts: ``5.2x``, ``5.2times``, ``60\\%``, ``1.5 GiB``, ``128K tokens``, ``2.6-3.5×``.

:func:`find_quantities` reads every number of a sentence with the unit written after it, normalised
to the closed unit list of ``docs/conventions.md`` (the spelling found is kept in ``unit_raw``),
ranges (``18-25%``, ``from 2x to 13x``) and slash groups (``83.7/84.6%``). It also marks the
numbers that are not measurements (years, citations, section numbers, numbers inside names such as
``Llama-2-7B`` or ``top-1``) so the result extractor can skip them without guessing.

>>> [(q.value, q.unit, q.unit_raw) for q in find_quantities("cuts memory by 5.2times and 60\\\\% on 1.5 GiB")]
[(5.2, 'x', 'times'), (60.0, 'percent', '%'), (1.5, 'GB', 'GiB')]
>>> q = find_quantities("a 2.6-3.5× smaller model")[0]; (q.value, q.value_max, q.unit, q.text)
(2.6, 3.5, 'x', '2.6-3.5×')
>>> [(q.value, q.unit) for q in find_quantities("128K tokens on 2,048 GPUs in 2023 [12]")]
[(128000.0, 'tokens'), (2048.0, 'GPUs'), (2023.0, None), (12.0, None)]
>>> [q.role for q in find_quantities("128K tokens on 2,048 GPUs in 2023 [12]")]
['measure', 'measure', 'year', 'citation']
>>> [(q.value, q.unit) for q in find_quantities("twice as fast, three-fold fewer FLOPs, 7B parameters")]
[(2.0, 'x'), (3.0, 'x'), (7000000000.0, 'params')]
"""

from __future__ import annotations

import re
import re._parser as _sre_parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

# Patterns written inline are compiled once and kept here: the re module's own cache (512 entries)
# is shared with the whole mapper, whose patterns built from names keep evicting these.
_rx = lru_cache(maxsize=1024)(re.compile)

Role = Literal["measure", "count", "year", "citation", "section", "name", "ordinal", "format"]
"""What a number is: a measurement candidate, or one of the kinds of numbers that never are."""


@dataclass(frozen=True)
class Quantity:
    """One number (or range) with its unit, as found in a piece of text."""

    value: float
    unit: str | None
    unit_raw: str | None
    text: str = field(compare=False)
    start: int
    end: int
    value_max: float | None = None
    role: Role = "measure"
    group: int | None = field(default=None, compare=False)
    """Slash groups ("83.7/84.6%") and lists ("1.7 and 45.5 times") share a group number."""
    change_from: float | None = None
    """The starting value of a change written "from X to Y" (``value`` is Y)."""

    @property
    def is_range(self) -> bool:
        return self.value_max is not None


# -- number words and multipliers --------------------------------------------------------------

_WORD_VALUES: dict[str, float] = {
    "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0,
    "nine": 9.0, "ten": 10.0, "eleven": 11.0, "twelve": 12.0, "fifteen": 15.0, "twenty": 20.0, "thirty": 30.0,
    "forty": 40.0, "fifty": 50.0, "hundred": 100.0, "a hundred": 100.0, "one hundred": 100.0,
    "a thousand": 1000.0,
}
_SCALE: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9,
    "g": 1e9, "t": 1e12, "trillion": 1e12,
}

# -- units (order matters: longer spellings first) --------------------------------------------

# Each entry: normalised unit, regex of spellings. The regex is matched right after the number
# (optionally after a space or hyphen); the text it matched is kept as ``unit_raw``.
_UNIT_TABLE: tuple[tuple[str, str], ...] = (
    ("points", r"percentage[- ]points?|percent(?:age)?[- ]pts|%[- ]?points?|pp\b|p\.p\.|pts?\b\.?|points?\b"),
    ("percent", r"\\?%|percent\b|per\s?cent\b|pct\b"),
    ("x", r"×|✕|x\b|X\b|times\b|-?fold\b"),
    ("tokens/s", r"(?:tokens?|toks?)\s?(?:/|per\s)\s?(?:s|sec|second)\b|tps\b"),
    ("TB", r"(?:TB|TiB|terabytes?)\b"),
    ("GB", r"(?:GB|GiB|gigabytes?|G\b)(?!/s)"),
    ("MB", r"(?:MB|MiB|megabytes?)\b(?!/s)"),
    ("KB", r"(?:KB|kB|KiB|kilobytes?)\b"),
    ("GB/s", r"(?:GB|GiB)/s\b"),
    ("ms", r"(?:ms|msec|milliseconds?)\b"),
    ("us", r"(?:us|µs|μs|microseconds?)\b"),
    ("ns", r"(?:ns|nanoseconds?)\b"),
    ("s", r"(?:s|sec|secs|seconds?)\b"),
    ("minutes", r"(?:min|mins|minutes?)\b"),
    ("hours", r"(?:h|hrs?|hours?)\b"),
    ("days", r"(?:days?)\b"),
    ("GPU-hours", r"(?:GPU|TPU)[- ]hours?\b"),
    ("GPU-days", r"(?:GPU|TPU)[- ]days?\b"),
    ("bits", r"(?:bits?|b)\b(?![-/]?\w)|-?bits?\b"),
    ("FLOPs", r"(?:[KMGTP]?FLOPS?|[KMGTP]?FLOPs|(?:[Pp]eta|[Tt]era|[Gg]iga|[Mm]ega)-?(?:flops|FLOPS|FLOPs))\b(?:/s)?"
              r"|(?:[KMGTP]?MACs?)\b"),
    ("TOPS", r"(?:[GT]?OPS)\b(?:/W)?"),
    ("J", r"(?:[mµμk]?J|joules?)\b(?!&)"),
    ("W", r"(?:[mk]?W|watts?)\b"),
    ("fps", r"(?:FPS|fps|frames?\s?(?:/|per\s)\s?(?:s|sec|second))\b"),
    ("per-step", r"(?:tokens?|samples|images|queries|requests|sequences|sentences|keys|lookups|inferences)\s?(?:/|per\s)\s?"
                 r"(?:s\b|sec\b|second\b|(?:target\s)?(?:model\s)?(?:step|iteration|forward\spass|call)\b)"),
    ("tokens", r"(?:tokens?)\b"),
    ("params", r"(?:parameters?|params?|weights)\b"),
    ("GPUs", r"(?:GPUs?|TPUs?|devices|nodes|chips|accelerators)\b"),
)
_UNIT_RES = tuple((u, re.compile(rf"(?:{rx})")) for u, rx in _UNIT_TABLE)
# every unit's pattern as one alternation, in table order: the group that matched is the first unit matching
_ANY_UNIT = re.compile("|".join(f"(?P<u{i}>{rx.pattern})" for i, (_u, rx) in enumerate(_UNIT_RES)))

# A prefix that scales the raw spelling into the normalised unit's base (mJ -> J, kW -> W).
_SUBUNIT: dict[str, float] = {"mJ": 1e-3, "µJ": 1e-6, "μJ": 1e-6, "kJ": 1e3, "mW": 1e-3, "kW": 1e3}
_FLOP_PREFIX: dict[str, float] = {"k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12, "p": 1e15, "mega": 1e6, "giga": 1e9,
                                  "tera": 1e12, "peta": 1e15}
# Units outside the closed list are converted: "14 minutes" is 840 s, "3.8 GPU-days" is 91.2 hours.
_CONVERT: dict[str, tuple[str, float]] = {
    "minutes": ("s", 60.0), "days": ("hours", 24.0), "GPU-days": ("hours", 24.0), "GPU-hours": ("hours", 1.0),
    "ns": ("us", 1e-3),
}

_NUM = r"\d+,\d{1,2}(?=\s?(?:x\b|×|%))|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# ``(?<![\w.])(?:_NUM)`` written to open with the class of its first characters, a digit or ".": the regex engine
# skips ahead to those and asks for no word character or "." before one then, instead of at every position
# (the alternatives that open with a digit read on with one digit taken; tests/test_perf_speed8.py compares)
_NUMBER = re.compile(r"[\d.](?<![\w.].)(?:(?<=\.)\d+|(?<=\d)(?:\d*,\d{1,2}(?=\s?(?:x\b|×|%))|\d{0,2}(?:,\d{3})+(?:\.\d+)?"
                     r"|\d*(?:\.\d+)?))")
_SCALE_RX = re.compile(
    r"\s?((?i:thousand|million|billion|trillion))\b|([KkMBT]|Bn|bn|Mn)(?![A-Za-z0-9])|(G)(?=\s?(?:MACs?|FLOPs?|OPs?)\b)"
)
_WORD_FACTOR = re.compile(
    r"\b(twice|thrice|half|"
    + "|".join(sorted((w for w in _WORD_VALUES), key=len, reverse=True))
    + r")(?:[- ](times|fold)\b|(fold)\b)",
    re.IGNORECASE,
)
_FRACTIONS = {"half": 2.0, "halves": 2.0, "third": 3.0, "thirds": 3.0, "quarter": 4.0, "quarters": 4.0,
              "fourth": 4.0, "fifth": 5.0, "eighth": 8.0, "tenth": 10.0}
_TIME_WORDS = {"millisecond": ("ms", 1.0), "second": ("s", 1.0), "minute": ("s", 60.0), "hour": ("hours", 1.0),
               "day": ("hours", 24.0), "week": ("hours", 168.0)}


def _verb_factor(m: re.Match[str]) -> Quantity | None:
    word = m.group(1).lower()
    if word in ("double", "triple", "quadruple") and not (
            _rx(r"\s(?:the|its|their|our|his|her|a|an|this|that|these|those|both|throughput|speed|capacity"
                r"|performance|efficiency|memory)\b|\s?[,.;)]|$", re.I).match(m.string[m.end() : m.end() + 14])
            or _rx(r"\b(?:to|can|could|will|would|may|might|nearly|almost|roughly|than|over|up\sto|or)\s$", re.I).search(
                   m.string[max(0, m.start() - 12) : m.start()])):
        return None  # "double precision", "triple loops", "double buffering": an adjective, not a factor
    value = 2.0 if word.startswith(("doubl", "halv")) else 3.0 if word.startswith("tripl") else 4.0
    return Quantity(value=value, unit="x", unit_raw=word, text=m.group(), start=m.start(), end=m.end())


def _fraction(m: re.Match[str]) -> Quantity:
    num = _WORD_VALUES.get(m.group(1).lower(), 1.0) if m.group(1).lower() not in ("a", "an") else 1.0
    value = round(100.0 * num / _FRACTIONS[m.group(2).lower()], 1)
    return Quantity(value=value, unit="percent", unit_raw=m.group().lower(), text=m.group(), start=m.start(), end=m.end())


def _time_word(m: re.Match[str]) -> Quantity | None:
    word = m.group(1).lower()
    if word in ("a", "an") and not _rx(r"\b(?:than|within|in|under|about|around|just|only)\s$", re.I).search(
                                       m.string[max(0, m.start() - 12) : m.start()]):
        return None  # "per day", "a second stage": not a duration
    n = 1.0 if word in ("a", "an") else _WORD_VALUES[word]
    unit, factor = _TIME_WORDS[m.group(2).lower()]
    return Quantity(value=n * factor, unit=unit, unit_raw=m.group(2).lower(), text=m.group(), start=m.start(), end=m.end())


def _dollars(m: re.Match[str]) -> Quantity:
    return Quantity(value=_to_float(m.group(1)), unit="none", unit_raw="$", text=m.group(), start=m.start(), end=m.end())


def _word_count(m: re.Match[str]) -> Quantity | None:
    word = m.group(1).lower()
    n = 1.0 if word == "a" else _WORD_VALUES.get(word)
    if n is None:
        return None  # "a few thousand": no number
    value = n * {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}[m.group(2).lower()]
    unit = "tokens" if m.group(3).lower() == "tokens" else "params"
    return Quantity(value=value, unit=unit, unit_raw=m.group(3).lower(), text=m.group(), start=m.start(), end=m.end())


def _prefix_times(m: re.Match[str]) -> Quantity:
    return Quantity(value=_to_float(m.group(1)), unit="x", unit_raw="times", text=m.group(), start=m.start(), end=m.end())


_WORD_FORMS = (
    (re.compile(r"\b(doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|quadrupl(?:e|es|ed|ing)|halv(?:e|es|ed|ing))\b", re.I),
     _verb_factor),
    (re.compile(r"\b(one|two|three|a)[- ](half|third|thirds|quarter|quarters|fourth|fifth|eighth|tenth)\b(?=\s(?:of|the)\b)",
                re.I), _fraction),
    (re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|a|an)\s"
                r"(millisecond|second|minute|hour|day|week)s?\b", re.I), _time_word),
    (re.compile(r"(?<![A-Za-z}\\])\$\s?(\d+(?:\.\d+)?)"), _dollars),  # not the close of LaTeX math ("$\\sim$5x")
    (re.compile(r"(?:(?<=factor\sof\s)|(?<=factor\sof\sup\sto\s)|(?<=up\sto\s))(?:×|times)\s?(\d+(?:\.\d+)?)"), _prefix_times),
    # "a speedup of times 512": a factor whose sign lost its place in extraction
    (re.compile(r"(?<=\bof\s)times\s?(\d+(?:\.\d+)?)\b"), _prefix_times),
    # "under ten thousand trainable parameters"
    (re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a|a\sfew)\s(hundred|thousand|million|billion)\s"
                r"(?:(?:trainable|learnable|tunable|active|activated)\s)?(parameters|params|tokens)\b", re.I), _word_count),
)
_TWICE = re.compile(r"\b(twice|thrice)\b", re.IGNORECASE)
_ORDERS = re.compile(r"\b(an|one|two|three|four|\d+)\s+orders?\s+of\s+magnitude\b", re.IGNORECASE)
# Words one of which every match of a word-form pattern contains, in lower case: a sentence with
# none of them is not scanned (most sentences). Only ASCII text is tested so, whose lower case is
# exactly what the patterns match ignoring case.
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _WORD_FACTOR: ("times", "fold"),
    _TWICE: ("twice", "thrice"),
    _ORDERS: ("magnitude",),
    _WORD_FORMS[0][0]: ("doubl", "tripl", "quadrupl", "halv"),
    _WORD_FORMS[1][0]: ("half", "third", "quarter", "fourth", "fifth", "eighth", "tenth"),
    _WORD_FORMS[2][0]: ("second", "minute", "hour", "day", "week"),
    _WORD_FORMS[3][0]: ("$",),
    _WORD_FORMS[4][0]: ("×", "times"),
    _WORD_FORMS[5][0]: ("times",),
    _WORD_FORMS[6][0]: ("hundred", "thousand", "million", "billion"),
}


_ANY_WORD_FORM = tuple(sorted({w for words in _NEEDS.values() for w in words}))
_NO_WORD_FORM = ""  # a lowered text that holds none of the words


# (the words by the pattern's id: a compiled pattern hashes its whole code, half a microsecond a lookup)
_NEEDS_BY_ID = {id(rx): words for rx, words in _NEEDS.items()}


def _word_matches(rx: re.Pattern[str], text: str, low: str | None) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``; nothing without a scan where ``low`` (ASCII ``text`` lowered) lacks every word it needs."""
    if low is _NO_WORD_FORM or low is not None and not any(map(low.__contains__, _NEEDS_BY_ID[id(rx)])):
        return iter(())
    return rx.finditer(text)


_RANGE_SEP = re.compile(r"\s?(?:--?|–|—|~)\s?|\s(?:to|and)\s")
_CHANGE_FROM = re.compile(
    r"\b(?:reduc\w*|cut\w*|lower\w*|decreas\w*|drop\w*|shr[iau]nk\w*|increas\w*|ris(?:e|es|ing)|rose|grow\w*|grew"
    r"|improv\w*|boost\w*|rais\w*|extend\w*|expand\w*|went|goes|go|fell|falls?|jump\w*|climb\w*|compress\w*"
    r"|accelerat\w*|speed\w*|enhanc\w*|declin\w*|slash\w*|trim\w*|shorten\w*|lengthen\w*|scal\w*|enhancement"
    r"|increase|improvement|reduction)\b[^.;]{0,80}"
    r"\bfrom\s(?:about\s|around\s|~\s?)?$",
    re.I,
)
_CITATION = re.compile(r"\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]")
_SECTION = re.compile(r"\b(?:Sec(?:tion)?s?\.?|§|Table|Tab\.|Fig(?:ure)?s?\.?|Eq(?:uation)?s?\.?|Appendix|Algorithm|Step|Stage|Phase|Version|v)\s?$", re.I)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b")
# "top-1", "Llama-2-7B", "GPT-4", "ImageNet-1K": a number glued by a hyphen to a word is a name.
_NAME_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9.]*-$|[A-Za-z][A-Za-z0-9]*-\d+(?:\.\d+)?[A-Za-z]*-$")
_FORMAT_AFTER = re.compile(r"[A-Za-z]\d")  # "4A16" of W4A16 would be caught by \w lookbehind anyway


def _to_float(num: str) -> float:
    if "," in num and _rx(r"\d+,\d{1,2}").fullmatch(num):
        return float(num.replace(",", "."))  # "1,4x": a decimal comma, not a thousands separator
    return float(num.replace(",", ""))


def _match_unit(text: str, pos: int) -> tuple[str, str, int, float] | None:
    """The unit written at ``pos`` (after an optional space/hyphen): (unit, raw, end, factor)."""
    for gap in ("", " ", "-", "\u00a0"):
        if gap and not text.startswith(gap, pos):
            continue
        p = pos + len(gap)
        # one match of every unit's pattern at once names the first unit that matches at p; the units
        # before it cannot match there (most numbers have no unit: none is tried one by one)
        first = _ANY_UNIT.match(text, p)
        for unit, rx in _UNIT_RES[int(first.lastgroup[1:]) :] if first is not None and first.lastgroup else ():
            m = rx.match(text, p)
            if not m or m.end() == p:
                continue
            raw = m.group().strip().lstrip("\\")
            if unit == "x" and gap == "-":
                continue  # "3-x" is not written; "-fold" carries its own hyphen
            if unit == "x" and raw in ("x", "X") and gap == " " and not _x_is_factor(text, m.end()):
                continue  # "4 x 4 grid", "2 X" as a variable
            if unit == "x" and raw in ("×", "✕", "x") and not _x_is_factor(text, m.end()):
                continue  # "256×256", "224x224": a resolution or shape, not a factor
            if unit in ("s", "hours", "bits") and gap == "-" and raw in ("s", "h", "b"):
                continue
            if unit == "GPUs" and gap == "-":
                continue
            if unit == "bits" and raw == "b":
                continue  # "7b" is a size, handled by the scale reader
            factor = _SUBUNIT.get(raw, 1.0)
            return unit, raw.lstrip("-"), m.end(), factor
        if gap == "":
            continue
    return None


def _x_is_factor(text: str, end: int) -> bool:
    # "3 x 3 convolution" and "256×256 images" are shapes, "3 x faster" is a factor.
    rest = text[end : end + 3].lstrip()
    return not rest[:1].isdigit()


def _scale_at(text: str, pos: int) -> tuple[float, str, int] | None:
    m = _SCALE_RX.match(text, pos)
    if not m:
        return None
    word = (m.group(1) or m.group(2) or m.group(3)).lower()
    return _SCALE[word], m.group().strip(), m.end()


Ending = tuple[re.Pattern[str], int]
"""A pattern each of whose matches ends the text ("...$"), with how far before the end one can start."""


def ending(rx: re.Pattern[str]) -> Ending:
    """``rx`` with its reach: its longest match, and one more for a final newline ("$" matches before one)."""
    return rx, int(min(_sre_parse.parse(rx.pattern, rx.flags).getwidth()[1], 1 << 30)) + 1


def ends(pattern: Ending, text: str) -> bool:
    """``pattern[0].search(text)``, begun where a match can start: a few characters from the end, not at
    every position of ``text``."""
    return pattern[0].search(text, max(0, len(text) - pattern[1])) is not None


# what a number may follow: patterns that end the text before it
_SHAPE_BEFORE = ending(re.compile(r"\d\s?[×✕xX]\s?$"))
_RATIO_BEFORE = ending(re.compile(r"(?<![\d.])\d{1,2}:$"))
_SPREAD_BEFORE = ending(re.compile(r"\d\s?(?:±|\\pm|\+/-|\+-|pm)\s?$"))
_RANGE_END_BEFORE = ending(re.compile(r"\d[KkMB]-$"))
# the last characters of the shape and spread patterns (the ratio ends in ":", the range in "-")
_SHAPE_LAST = frozenset("×✕xX")
_SPREAD_LAST = frozenset("±m-")


def _role_before(text: str, start: int) -> Role | None:
    before = text[max(0, start - 40) : start]
    # (both patterns are anchored at the end: a match of _SECTION starts in its last 12 characters, "Equations. "
    # before a final newline; one of _NAME_BEFORE ends in a hyphen. Most numbers follow neither)
    if _SECTION.search(before, max(0, len(before) - 12)):
        return "section"
    # (each pattern below ends the text with one of a few characters, then at most a whitespace and a final
    # newline: searched only where the last three characters hold one, as after few numbers)
    tail = before[-3:]
    if not _SHAPE_LAST.isdisjoint(tail) and ends(_SHAPE_BEFORE, before):
        return "format"  # the second side of "256×256"
    if (":" in tail and ends(_RATIO_BEFORE, before)) or (
            ":" in text[start + 1 : start + 3] and _rx(r"\d{1,2}:\d{1,2}(?![\d.])").match(text[start : start + 6])):
        return "format"  # "2:4 sparsity": an N:M pattern, not two numbers
    if not _SPREAD_LAST.isdisjoint(tail) and ends(_SPREAD_BEFORE, before):
        return "format"  # "11.0 ± 1.3": a spread, not a result of its own
    if "-" in tail and ends(_RANGE_END_BEFORE, before):
        return None  # "1K-4K": the second end of a range of scaled counts, not a name
    # (a version follows a space: most numbers follow none)
    if before[-1:].isspace() and _rx(r"(?<![\w-])(?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}[a-z]*)\s$").search(before) and _rx(r"\d+\.\d+(?![\d.]*(?:\s?(?:%|x\b|×|times\b|[KMGT]i?B\b|ms\b|s\b)|[A-Za-z]))").match(
                                                                                          text[start : start + 12]):
        return "name"  # "MLPerf 1.1", "CUDA 12.1": a version after a coined name
    if before.endswith(("-", "-\n")) and _NAME_BEFORE.search(before):
        return "name"
    return None


def _read_one(text: str, m: re.Match[str]) -> Quantity:
    """The number at ``m`` with its scale and unit."""
    value = _to_float(m.group())
    pos = m.end()
    if text.startswith("+", pos) and _rx(r"\+\s?(?:times\b|x\b|×|%|[KMB]\b)").match(text[pos : pos + 8]):
        pos += 1  # "100+ times faster", "50+%": a lower bound written after the number
    unit: str | None = None
    unit_raw: str | None = None
    scaled = _scale_at(text, pos)
    if scaled:
        factor, raw_scale, pos = scaled
        value *= factor
        unit_raw = raw_scale
        after = _match_unit(text, pos)
        if after and after[0] in _SCALABLE:
            gap = text[pos : pos + 1] if text[pos : pos + 1] in (" ", "-") else ""
            unit, unit_raw, pos = after[0], raw_scale + gap + after[1], after[2]
        elif raw_scale.lower() in ("b", "bn", "billion", "t", "trillion"):
            unit = "params"  # "7B", "1.5 billion": a bare size is a parameter count
        elif _rx(r"\s(?:trainable|learnable|tunable|active|activated|total|additional|extra)\s(?:parameters|params)\b", re.I).match(
                 text[pos : pos + 30]):
            unit = "params"  # "2.1M trainable parameters"
    else:
        got = _match_unit(text, pos)
        if got:
            unit, unit_raw, pos, sub = got
            value *= sub
    if unit == "FLOPs" and unit_raw:
        value *= _flop_scale(unit_raw)
    if unit == "TOPS" and unit_raw and not unit_raw.endswith("/W"):
        # "256 GOPS", "4 TOPS": operations per second, stored as raw FLOPs like TFLOPs/s
        om = _rx(r"(?:[\d.]*\s?)?([GT]?)OPS").match(unit_raw)
        value *= {"G": 1e9, "T": 1e12}.get(om.group(1) if om else "", 1.0)
        unit = "FLOPs"
    if unit in _CONVERT:
        unit, factor = _CONVERT[unit]
        value *= factor
    role: Role = "measure"
    if unit is None and not scaled and _rx(r"[A-Za-z](?<!\\)").match(text[m.end() : m.end() + 1]) \
            and not _rx(r"(?:down|up)arrow|downarrow|uparrow", re.I).match(text[m.end() : m.end() + 9]) and not _ORDINAL.match(text, m.end()):
        role = "name"  # "3D", "5G", "4o": a number glued to a letter names something
    if unit is None and _rx(r"\s?[×✕xX]\s?\d").match(text[m.end() : m.end() + 4]):
        role = "format"  # "256×256", "3 x 3": a resolution or a shape
    if unit in ("s", "hours", "ms") and _rx(r"-(?:minute|second|hour|day|ms)\b").match(text[m.end() : m.end() + 8]):
        role = "name"  # "15-minute resolution", "a 5-second video": a duration used as an adjective
    if unit is None and _rx(r"\d{1,2}").fullmatch(m.group()) and text[m.start() - 1 : m.start()] == "(" \
            and _rx(r"\)\s").match(text[m.end() : m.end() + 2]) and _rx(r"(?:^|[\s:;,.])$").search(text[max(0, m.start() - 2) : m.start() - 1]):
        role = "ordinal"  # "(2) it speeds up ...": a list marker
    om = _ORDINAL.match(text, m.end())
    if om and unit is None:
        role, pos = "ordinal", om.end()
    return Quantity(value=value, unit=unit, unit_raw=unit_raw, text=text[m.start() : pos], start=m.start(), end=pos, role=role)


def _flop_scale(raw: str) -> float:
    """``TFLOPs`` -> 1e12, ``petaflops`` -> 1e15, ``MACs`` -> 1 (a scale word before was already applied)."""
    m = _rx(r"(?:\d*\s?)?([KMGTPkmgtp]|[Pp]eta|[Tt]era|[Gg]iga|[Mm]ega)-?(?:FLOP|flop|MAC)").match(raw)
    return _FLOP_PREFIX.get(m.group(1).lower(), 1.0) if m else 1.0


_SCALABLE = frozenset({"tokens", "params", "FLOPs", "GPUs", "TOPS", "fps", "tokens/s", "per-step"})


_DIGIT = re.compile(r"\d")


def may_hold_quantity(text: str, words: tuple[str, ...] | None = None) -> bool:
    """False only where :func:`find_quantities` finds nothing: no digit and, in ASCII text, none of the
    words a word form needs (most sentences; a text that is not ASCII may hold a word form anyway).
    ``words``: :func:`quantity_words_in` a text that ``text`` is a piece of (the words it can hold)."""
    if _DIGIT.search(text) is not None or not text.isascii():
        return True
    pool = _ANY_WORD_FORM if words is None else words
    return bool(pool) and any(map(text.lower().__contains__, pool))  # (no words at all: not even lowercased)


def quantity_words_in(text: str) -> tuple[str, ...] | None:
    """The words of word forms that an ASCII ``text`` holds in lower case (None for a text that is not ASCII):
    a piece of it, a sentence of a paper, holds no others, so that only these need be asked of each."""
    low = text.lower() if text.isascii() else None
    return None if low is None else tuple(w for w in _ANY_WORD_FORM if w in low)


def find_quantities(text: str) -> list[Quantity]:
    """Every number of ``text`` with its unit, ranges merged, in text order (see the module doc)."""
    return _read_quantities(text) if may_hold_quantity(text) else []


def _read_quantities(text: str) -> list[Quantity]:
    cited = [(c.start(), c.end()) for c in _CITATION.finditer(text)] if "[" in text else []  # (a citation opens with "[")
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    low = text.lower() if text.isascii() else None
    if low is not None and not any(map(low.__contains__, _ANY_WORD_FORM)):
        low = _NO_WORD_FORM  # no word form can match (most sentences): each _word_matches below skips at once
    # Word forms first: "twice", "three-fold", "two orders of magnitude".
    for wm in _word_matches(_WORD_FACTOR, text, low):
        word = wm.group(1).lower()
        value = {"twice": 2.0, "thrice": 3.0, "half": 0.5}.get(word, _WORD_VALUES.get(word, 0.0))
        if value:
            out.append(Quantity(value=value, unit="x", unit_raw=(wm.group(2) or wm.group(3)).lower(),
                                text=wm.group(), start=wm.start(), end=wm.end()))
            taken.append((wm.start(), wm.end()))
    for tm in _word_matches(_TWICE, text, low):
        if not any(s <= tm.start() < e for s, e in taken):
            out.append(Quantity(value=2.0 if tm.group(1).lower() == "twice" else 3.0, unit="x",
                                unit_raw=tm.group(1).lower(), text=tm.group(), start=tm.start(), end=tm.end()))
            taken.append((tm.start(), tm.end()))
    for om in _word_matches(_ORDERS, text, low):
        n = om.group(1).lower()
        k = 1.0 if n in ("an", "one") else float(_WORD_VALUES.get(n, n))  # type: ignore[arg-type]
        out.append(Quantity(value=10.0**k, unit="x", unit_raw="orders of magnitude", text=om.group(),
                            start=om.start(), end=om.end()))
        taken.append((om.start(), om.end()))

    for rx, make in _WORD_FORMS if low is not _NO_WORD_FORM else ():  # (none can match: not even asked)
        for wm in _word_matches(rx, text, low):
            if any(s <= wm.start() < e or wm.start() <= s < wm.end() for s, e in taken):
                continue
            q = make(wm)
            if q is not None:
                out.append(q)
                taken.append((wm.start(), wm.end()))

    matches = [m for m in _NUMBER.finditer(text) if not any(s <= m.start() < e for s, e in taken)] if taken else \
        list(_NUMBER.finditer(text))  # (no word form taken, as in most sentences)
    i = 0
    while i < len(matches):
        m = matches[i]
        q = _read_one(text, m)
        if cited and any(s <= m.start() < e for s, e in cited):
            out.append(_with(q, role="citation"))
            i += 1
            continue
        before_role = _role_before(text, m.start())
        if before_role:
            out.append(_with(q, role=before_role))
            i += 1
            continue
        # A change: "reduces memory from 48G to 7G", "rose from 23.2% to 71.3%" (value is the end point).
        if i + 1 < len(matches) and _rx(r"\s(?:\([^()]{1,40}\)\s|(?:with|using|under|on|for)\s(?:[\w-]+\s){1,4})?"
                                        r"(?:to|down\sto|up\sto)\s").fullmatch(text[q.end : matches[i + 1].start()]) \
                and _CHANGE_FROM.search(text[max(0, m.start() - 100) : m.start()]) \
                and not _rx(r"\b(?:rang\w*|vary\w*|varies|spann\w*|speed-?ups|improvements|gains|reductions|savings)\sfrom\s$", re.I).search(
                            text[max(0, m.start() - 20) : m.start()]):
            q2 = _read_one(text, matches[i + 1])
            seconds = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "hours": 3600.0}
            both_times = q.unit in seconds and q2.unit in seconds
            if q2.role == "measure" and (q.unit in (None, q2.unit) or both_times):
                start_value = q.value * (_unit_scale(q2, matches[i + 1]) if q.unit is None else 1.0)
                if both_times and q.unit is not None and q2.unit is not None and q.unit != q2.unit:
                    start_value = q.value * seconds[q.unit] / seconds[q2.unit]  # "from 3 hours to 20 minutes"
                out.append(Quantity(value=q2.value, unit=q2.unit, unit_raw=q2.unit_raw, text=text[q.start : q2.end],
                                    start=q.start, end=q2.end, change_from=start_value))
                i += 2
                continue
        # A range: "18-25%", "2x to 13x", "between 2 and 4x", "1.9-38.8x".
        if i + 1 < len(matches):
            nxt = matches[i + 1]
            sep = text[q.end : nxt.start()]
            if _RANGE_SEP.fullmatch(sep) and (sep.strip() != "and" or _rx(r"between\s$").search(text[max(0, m.start() - 8) : m.start()])):
                q2 = _read_one(text, nxt)
                scaled_pair = q2.unit is None and q.unit is None and q2.unit_raw is not None and q.unit_raw == q2.unit_raw
                if scaled_pair and q2.value > q.value and q2.role == "measure" and "-" in sep:
                    # "1K-4K": both ends carry their scale
                    out.append(Quantity(value=q.value, value_max=q2.value, unit=None, unit_raw=q2.unit_raw,
                                        text=text[q.start : q2.end], start=q.start, end=q2.end))
                    i += 2
                    continue
                if q2.unit and (q.unit in (None, q2.unit)) and q2.value > q.value and q2.role == "measure":
                    if q.unit is None and q2.unit in ("params",) and "-" in sep:
                        pass  # "7-13B": two sizes, leave to the caller as a range of sizes
                    val = q.value * (_unit_scale(q2, nxt) if q.unit is None else 1.0)
                    out.append(Quantity(value=val, value_max=q2.value, unit=q2.unit, unit_raw=q2.unit_raw,
                                        text=text[q.start : q2.end], start=q.start, end=q2.end))
                    i += 2
                    continue
        # A slash group: "83.7/84.6%", "12.6/9.1 FPS" (the unit written once, at the end).
        if q.unit is None and i + 1 < len(matches) and text[q.end : matches[i + 1].start()] == "/":
            group = [m]
            j = i + 1
            while j < len(matches) and text[group[-1].end() : matches[j].start()] == "/":
                group.append(matches[j])
                j += 1
            last = _read_one(text, group[-1])
            if last.unit and last.unit not in ("params",):
                for gm in group[:-1]:
                    g = _read_one(text, gm)
                    out.append(Quantity(value=g.value, unit=last.unit, unit_raw=last.unit_raw, text=g.text,
                                        start=g.start, end=g.end, group=m.start()))
                out.append(Quantity(value=last.value, unit=last.unit, unit_raw=last.unit_raw, text=last.text,
                                    start=last.start, end=last.end, group=m.start()))
            elif len(group) == 2 and _rx(r"\s(?:of|the|as\s(?:many|much|few|little))\s").match(text[group[-1].end() :]) \
                    and 0 < _to_float(group[0].group()) < _to_float(group[1].group()) <= 16:
                # "2/3 of the parameters": a fraction, read as a share
                share = round(100.0 * _to_float(group[0].group()) / _to_float(group[1].group()), 1)
                out.append(Quantity(value=share, unit="percent", unit_raw="fraction",
                                    text=text[m.start() : group[-1].end()], start=m.start(), end=group[-1].end()))
            else:
                # "8/128" (experts kept / total), "4/64": a configuration, not a measurement.
                out.append(Quantity(value=q.value, unit=None, unit_raw=None, text=text[m.start() : group[-1].end()],
                                    start=m.start(), end=group[-1].end(), role="format"))
            i = j
            continue
        spread = _rx(r"\s?(?:±|\\pm|\+/-|\+-|pm)\s?").match(text[q.end :])
        if q.unit is None and spread and i + 1 < len(matches) and matches[i + 1].start() == q.end + spread.end():
            sq = _read_one(text, matches[i + 1])
            if sq.unit is not None:
                q = _with(q, unit=sq.unit, unit_raw=sq.unit_raw)  # "11.0 ± 1.3 points": the unit is written once
        if q.unit is None and q.role == "measure" and "." not in m.group() and "," not in m.group():
            if 1900 <= q.value <= 2099 and q.text == m.group():
                q = _with(q, role="year")
        out.append(q)
        i += 1
    out.sort(key=lambda x: x.start)
    return _share_units(text, out)


_LIST_SEP = re.compile(r"\s?(?:,\s?(?:and\s|or\s)?|\s(?:and|or)\s)")


def _share_units(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Lists share what is written once at their end.

    "1.69 and 45.49 times" (the unit), "40.4% and 45.2% higher throughput" and "5.8x/3.7x faster"
    (the noun): the members get one group number, the start of the last member.
    """
    out = list(qs)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.role != "measure" or nxt.role != "measure" or q.value_max is not None:
            continue
        if q.unit is None and q.unit_raw is not None:
            continue  # "16K, 61.4%": a scaled count is not a bare member of a list of percentages
        sep = text[q.end : nxt.start]
        if nxt.unit in ("params", "tokens", "GPUs") or not (_LIST_SEP.fullmatch(sep) or sep == "/"):
            continue
        if q.unit is None and nxt.unit is None and "." not in q.text + nxt.text:
            continue  # "3 and 4": bare integers are counts or ids more often than scores
        if q.unit is not None and q.unit != nxt.unit:
            continue
        if q.unit is not None and sep.strip() == "," and nxt.group is None \
                and _rx(r"\bby\s(?:up\sto\s|about\s|over\s|nearly\s)?$").search(text[max(0, q.start - 12) : q.start]):
            continue  # "by 52.7%, 92% accuracy": two numbers with their own units, not the end of a list "A, B and C"
        group = nxt.group if nxt.group is not None else nxt.start
        out[i] = _with(q, unit=nxt.unit, unit_raw=nxt.unit_raw if q.unit is None else q.unit_raw, group=group)
        if out[i + 1].group is None:
            out[i + 1] = _with(nxt, group=group)
    return out


def _unit_scale(q2: Quantity, m2: re.Match[str]) -> float:
    """The factor the second number of "7-13B" / "7-13 minutes" got from its unit; the first shares it."""
    raw = _to_float(m2.group())
    return q2.value / raw if raw else 1.0


def _with(q: Quantity, **changes: object) -> Quantity:
    data = {f: getattr(q, f) for f in ("value", "unit", "unit_raw", "text", "start", "end", "value_max", "role", "group",
                                       "change_from")}
    data.update(changes)
    return Quantity(**data)  # type: ignore[arg-type]


# -- precisions and formats ---------------------------------------------------------------------

PRECISION = re.compile(
    r"(?<![\w/])(FP|BF|INT|UINT|NF|MXFP|NVFP|E\dM)(\d{1,2})\b|(?<![\w/])(W\d{1,2}\*?A\d{1,2}(?:KV\d{1,2})?)\b",
)


def find_precisions(text: str) -> list[tuple[str, int, int]]:
    """Numeric formats written in ``text`` (``FP16``, ``INT4``, ``W4A16``), lowercased, with spans.

    >>> find_precisions("W4A16 beats INT8 and matches FP16")
    [('w4a16', 0, 5), ('int8', 12, 16), ('fp16', 29, 33)]
    """
    if _UPPER_DIGIT.search(text) is None:
        return []  # every format writes a capital right before a digit ("P1", "T4", "W4"): most sentences have none
    return [(m.group().lower().replace("*", ""), m.start(), m.end()) for m in PRECISION.finditer(text)]


_UPPER_DIGIT = re.compile(r"[A-Z]\d")
