"""The normaliser: each repair, and exact anchors back to the text as given."""

from __future__ import annotations

import doctest
import importlib
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.records import TITLE_SEPARATOR, Paper, SourceRef
from loaders.normalise import decode_latex_accents, find_urls, normalise, paper_text

REPAIRS = [
    ("3times faster", "3× faster"),
    ("1.5times and 41-137times", "1.5× and 41-137×"),
    ("on 8timesA100 nodes", "on 8×A100 nodes"),
    ("a 512times512 crop", "a 512×512 crop"),
    ("sometimes 7.1 times, 10timesteps", "sometimes 7.1 times, 10timesteps"),
    ("cut by 50\\% and \\$0.70", "cut by 50% and $0.70"),
    ("M$^3$ViT and D$^{2}$MoE", "M3ViT and D2MoE"),
    ("M^3ViT, M^{3}ViT, Video-Ma^2mba", "M3ViT, M3ViT, Video-Ma2mba"),
    ("2.4$\\times$ speedup, 6.7\\times more", "2.4× speedup, 6.7× more"),
    ("costs $O(n^2)$ not $O(n \\log n)$", "costs O(n^2) not O(n log n)"),
    ("a bound of mathcal{O}left(T^{2{3}} right)", "a bound of O(T^(2/3))"),
    ("10^{13} and n^{1+o(1)}", "10^13 and n^(1+o(1))"),
    ("about 3{4} of it", "about 3/4 of it"),
    ("a sim 12.5times cut, 2.5sim3.5times, sim40 ms", "a ~ 12.5× cut, 2.5~3.5×, ~40 ms"),
    ("uses leq 0.5% of weights", "uses ≤ 0.5% of weights"),
    ("{\\em two words} and {\\Lambda}-shaped", "two words and Λ-shaped"),
    ("GGUF q4\\_k\\_m, \\(TC^0\\)", "GGUF q4_k_m, TC^0"),
    ("at \\url{https://github.com/a/b}.", "at https://github.com/a/b."),
    ("at: {\\footnotesizeblue{https://github.com/a/b}}.", "at: https://github.com/a/b."),
    ("see fieldhttps://x.org/a and https://x.org/b{here}", "see field https://x.org/a and https://x.org/b"),
    ("done.~Next", "done. Next"),
    ("A &amp; B &lt;tag&gt;", "A & B <tag>"),
    ("bell\x07 and\x00nul\u200b", "bell andnul"),
    ("  tabs\tand\nnew  lines  ", "tabs and new lines"),
    ("price $5-$10 stays", "price $5-$10 stays"),
    ("(very bright) stays", "(very bright) stays"),
]


@pytest.mark.parametrize(("raw", "expected"), REPAIRS)
def test_repairs(raw: str, expected: str) -> None:
    assert normalise(raw).text == expected


@pytest.mark.parametrize(("raw", "expected"), REPAIRS)
def test_anchors_map_the_whole_text_and_each_unchanged_word(raw: str, expected: str) -> None:
    n = normalise(raw)
    # the whole text maps to the raw text, less markup deleted before its first character
    whole = n.to_raw_span(0, len(n.text), raw)
    assert raw.endswith(whole) and n.to_raw(len(n.text)) == len(raw)
    for m in re.finditer(r"[A-Za-z]{4,}", n.text):
        piece = n.to_raw_span(m.start(), m.end(), raw)
        if m.group(0) in raw:
            assert piece.startswith(m.group(0)), (m.group(0), piece)


@pytest.mark.parametrize(
    ("raw", "piece", "raw_piece"),
    [
        ("it is 3times faster", "3×", "3times"),
        ("memory drops 50\\% today", "50%", "50\\%"),
        ("we call it M$^3$ViT here", "M3ViT", "M$^3$ViT"),
        ("runs 2.4$\\times$ faster", "2.4×", "2.4$\\times$"),
        ("then  \t two", "then two", "then  \t two"),
        ("cost $O(n^2)$ only", "O(n^2)", "$O(n^2)$"),
        ("it \x07rings", "rings", "rings"),
        ("at \\url{https://a.io/x} now", "https://a.io/x", "https://a.io/x}"),
    ],
)
def test_raw_span_around_repaired_pieces(raw: str, piece: str, raw_piece: str) -> None:
    title = "A title"
    text, anchors = paper_text(title, raw)
    src = SourceRef(file="f", line=1, format="hf-daily", loader="HfDailyLoader")
    p = Paper(id="paper/t-000000000000", title=title, abstract=raw, text=text, offset_map=anchors, occurrences=(src,))
    start = text.index(piece)
    part, rs, re_ = p.raw_span(start, start + len(piece))
    assert part == "abstract"
    assert raw[rs:re_] == raw_piece
    # the text around the piece keeps its own characters
    before = p.raw_span(p.abstract_offset, start)
    assert raw[before[1] : before[2]].rstrip() == raw[: raw.index(raw_piece)].rstrip()


def test_title_and_abstract_are_joined_with_anchors_per_part() -> None:
    title, abstract = "M$^3$ViT:  a  name", "It is 3times faster."
    text, anchors = paper_text(title, abstract)
    assert text == "M3ViT: a name" + TITLE_SEPARATOR + "It is 3× faster."
    src = SourceRef(file="f", line=1, format="x", loader="X")
    p = Paper(id="paper/t-0", title=title, abstract=abstract, text=text, offset_map=anchors, occurrences=(src,))
    assert p.raw_span(0, 5) == ("title", 0, 8)
    assert p.raw_span(0, len(p.title_text)) == ("title", 0, len(title))
    s = text.index("3×")
    assert p.raw_span(s, s + 2) == ("abstract", 6, 12)
    assert p.raw_span(p.abstract_offset, len(text)) == ("abstract", 0, len(abstract))


def test_bibtex_mode_drops_protective_braces_and_decodes_accents() -> None:
    assert normalise("{GaLore}: Fast {LLM} \\textbf{Training}", bibtex=True).text == "GaLore: Fast LLM Training"
    assert decode_latex_accents("Ka{\\l}u{\\.z}a, G{\\\"o}del, \\'Etienne, Fran\\c{c}ois") == "Kałuża, Gödel, Étienne, François"


def test_find_urls() -> None:
    text = "Code: https://github.com/a/b. See (https://x.org/p) and github.com/c/d, not https://github.com/."
    assert find_urls(text) == ("https://github.com/a/b", "https://x.org/p", "https://github.com/c/d")
    assert find_urls("no links here") == ()


# -- property: every word of the normalised text maps back to raw text that normalises to it ---

FRAGMENTS = [
    "3times",
    "1.5times",
    "50\\%",
    "M$^3$ViT",
    "D$^{2}$MoE",
    "$\\times$",
    "2.4\\times",
    "$O(n^2)$",
    "10^{13}",
    "sim22",
    "q4\\_k",
    "&amp;",
    "{\\Lambda}",
    "(\\url{https://a.b/c})",
    "ab\x07cd",
    "\x07",
    "\u200b",
]
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP0123456789.,:-()", min_size=1, max_size=8)
GAP = st.sampled_from([" ", "  ", "\t", "\n", " \n ", " \x07 "])


@settings(max_examples=int(os.environ.get("EFFKG_HYPOTHESIS_EXAMPLES", "300")), deadline=None)
@given(st.lists(st.tuples(st.one_of(WORD, st.sampled_from(FRAGMENTS)), GAP), min_size=1, max_size=25))
def test_every_word_maps_back_to_raw_text_that_normalises_to_it(parts: list[tuple[str, str]]) -> None:
    raw = "".join(w + g for w, g in parts)
    n = normalise(raw)
    assert normalise(n.text).text == n.text  # idempotent
    previous_end = 0
    for m in re.finditer(r"\S+", n.text):
        start, end = n.to_raw(m.start()), n.to_raw(m.end())
        assert previous_end <= start <= end <= len(raw)  # monotonic, inside the raw text
        assert normalise(raw[start:end]).text == m.group(0)
        previous_end = end


@pytest.mark.parametrize("module", ["loaders.normalise", "loaders.dates", "loaders.base", "loaders.merge"])
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
