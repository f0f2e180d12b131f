"""The speed rewrites of round eight find what their plain forms find, on every seed paper and on made-up texts."""

from __future__ import annotations

import gc
import re

from loaders.mapping.corpus import load_seed_papers
from loaders.mapping.text import Gated, split_sentences


def _gates() -> list[Gated]:
    """Every gated pattern of the mapper and its extractors (some are built on first use: a paper is mapped)."""
    import ontology
    from loaders.mapping.mapper import map_paper

    map_paper(load_seed_papers()[0], ontology.load())
    return [g for g in gc.get_objects() if isinstance(g, Gated)]


# -- lexicon: a token's comparison form asks for the British endings at once ---------------------------------------

_PLAIN_SUFFIXES = (("isation", "ization"), ("ised", "ized"), ("ising", "izing"), ("isers", "izers"), ("iser", "izer"),
                   ("ise", "ize"), ("yse", "yze"))


def _plain_norm_token(tok: str) -> str:
    for a, b in _PLAIN_SUFFIXES:
        if tok.endswith(a):
            tok = tok[: -len(a)] + b
            break
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith(("ss", "is")) and not (tok.endswith("us") and len(tok) > 4) \
            and not tok[-2].isdigit():
        tok = tok[:-1]
    return tok


def test_norm_token_is_the_plain_one_on_every_seed_token() -> None:
    from loaders.mapping.lexicon import _SPLIT, norm_token
    words = {w.lower() for p in load_seed_papers() for w in _SPLIT(p.text)[1::2]}
    words |= {"", "s", "ise", "analyse", "optimisers", "quantisations", "isation", "realised", "yses", "bus", "gps", "x2s"}
    for w in words:
        assert norm_token(w) == _plain_norm_token(w), w


# -- relations: the name-like tokens found from the character before each -------------------------------------------

_NAME_TEXTS = [
    "", "Foo", "FooNet beats bar-Baz and x_Qux; C++X, C+ and foo.Bar, foo.bar or H2O-v2 Foo v2.1 (GaLore).",
    "\u00e9Foo \u00e9 Foo caf\u00e9Bar -Foo x-Foo _Foo 9Foo Foo_ Foo-\nBar\tBaz\u2010Qux \u017fFoo \u212aV",
    "a.B.c D-E-F gpt-4o llama2 ALLCAPS mixedCase x++ y+ z+-w V2 v 2 Foo v2x", "  leading  spaces FooBar  ",
]


def test_name_spans_are_the_plain_token_matches() -> None:
    from loaders import relations as rel
    for text in [*_NAME_TEXTS, *_seed_texts_all()]:
        assert rel._name_spans(text) == [m.span() for m in rel._NAME_NOT_LOWER.finditer(text)], text


def _seed_texts_all() -> list[str]:
    return [p.text for p in load_seed_papers()]


# -- quantities: numbers found from their first character ---------------------------------------------------------

_NUMBER_TEXTS = [
    "", "7", ".", "..5", "5.", ".5", "a.5 x1 _1 1.2.3 1,5x 1,5 x 12,3% 1,234.5 12,345,678 1,23 1,2345 3.14159",
    "\u0661\u0662\u0663 a\u0661 \u00e95 5\u00e9 (1.5) -2 +3 1e5 0.5% 2\u00d7 10,5\u00d7 x.7 7.x 4.5.",
]


def test_number_pattern_finds_what_the_plain_one_finds() -> None:
    from loaders import quantities as q
    plain = re.compile(rf"(?<![\w.])(?:{q._NUM})")
    texts = [*_NUMBER_TEXTS, *_seed_texts_all()]
    texts += [s.text for p in load_seed_papers() for s in split_sentences(p.text, title_end=len(p.title_text))]
    for text in texts:
        assert [m.span() for m in q._NUMBER.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        for pos in range(0, min(len(text), 12)):
            found, want = q._NUMBER.search(text, pos), plain.search(text, pos)
            assert (found and found.span()) == (want and want.span())


# -- text: a case-insensitive pattern with a character given by its code is searched in its lowercase form ----------

_FOLD_TEXTS = [
    "", "Chip AREA of 2.1 mm\u00b2, 3 MM^2, 4 mm2; the RTL SYNTHESIS results; post-layout; TAPE-OUT and tapeout.",
    "area \u00b5m mm\u00b5 \u017fynthesis re\u017fults \u212a mm\u00b2\u00b2 \u00e9area area\u00e9 die  area",
]


def test_gated_patterns_find_what_they_find_case_insensitively() -> None:
    gates = [g for g in _gates() if g._folded is not None]
    assert any("\\u00b2" in g._folded.pattern or "\\u00b2" in g.pattern.pattern for g in gates)
    texts = [*_FOLD_TEXTS, *_seed_texts_all()]
    texts += [s.text for p in load_seed_papers() for s in split_sentences(p.text, title_end=len(p.title_text))]
    for g in gates:
        for text in texts:
            plain = g.pattern.search(text)
            assert g.span(text) == (plain and plain.span()), (g.pattern.pattern, text)
