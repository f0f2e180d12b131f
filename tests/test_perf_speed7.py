"""The speed rewrites of round seven find what their plain forms find, on every seed paper and on made-up texts."""

from __future__ import annotations

import re

import pytest

from loaders.mapping import linker
from loaders.mapping.corpus import load_seed_papers
from loaders.mapping.text import split_sentences


def _seed_texts() -> list[str]:
    return [p.text for p in load_seed_papers()]


def _seed_titles() -> list[str]:
    return [p.title_text for p in load_seed_papers()]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


# -- linker: links, sized names the grammar lacks, title and family patterns --------------------------------------

# the link pattern and the sized-name pattern as first written
_PLAIN_URL = re.compile(r"https?://\S+|\b(?:github\.com|huggingface\.co|[\w-]+\.github\.io)/\S*")
_PLAIN_UNKNOWN_MODEL = re.compile(
    r"(?<![\w-])([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9][A-Za-z0-9.]*)*?)(-|\s)(\d+(?:\.\d+)?)([BM])(?![A-Za-z0-9])")

_LINK_TEXTS = [
    "",
    "Code: https://github.com/foo/bar and http://x.y/z, also github.com/a/b or xgithub.com/c/d.",
    "See huggingface.co/org/model, ahuggingface.co/x, the page foo-bar.github.io/site and huggingface.co.",
    "hhttps://a.b https:// github.com/ (github.com/x) _github.com/y \u00e9github.com/z",
    "A 7B model, Foo-2 13B, Bar 1.5M, KOALA-700M and x-Baz 3B; Qux-v2-x.1 70B! ZB 4BM, Ab 2M.",
    "\u00c9cole 7B, _Foo 3B, (Bar-1 8B), 9Foo 2B, Foo-\nBar 1B, A 1B",
]


def _url_form(text: str) -> re.Pattern[str]:
    return (linker._URL if ".github.io/" in text else linker._URL_NO_PAGES).pattern


@pytest.mark.parametrize("text", _LINK_TEXTS)
def test_link_and_sized_name_patterns_match_as_the_plain_ones(text: str) -> None:
    assert _spans(_url_form(text), text) == _spans(_PLAIN_URL, text)
    assert _spans(linker._UNKNOWN_MODEL, text) == _spans(_PLAIN_UNKNOWN_MODEL, text)


def test_link_and_sized_name_patterns_match_as_the_plain_ones_on_the_seed_papers() -> None:
    for text in _seed_texts():
        assert _spans(_url_form(text), text) == _spans(_PLAIN_URL, text)
        assert _spans(linker._UNKNOWN_MODEL, text) == _spans(_PLAIN_UNKNOWN_MODEL, text)


_GATED_TEXTS = [
    "A Survey of Efficient Transformers", "Lightweight Multi-Scale Attention for Dense Prediction",
    "Self Attention: a review", "Cascaded Group Attention", "A family of GPU-efficient networks",
    "a FAMILY of  vision transformers", "Family of language models", "\u017furvey of attention", "",
]


@pytest.mark.parametrize("name", ["_BROAD", "_NAMED_ATTENTION", "_NETWORK_FAMILY"])
def test_gated_title_patterns_search_as_the_plain_ones(name: str) -> None:
    gated = getattr(linker, name)
    texts = [*_GATED_TEXTS, *_seed_titles(), *_seed_texts()]
    for text in texts:
        plain = gated.pattern.search(text)
        found = gated.search(text)
        assert (found and found.span()) == (plain and plain.span()), text
        assert gated.found(text) == (plain is not None), text  # (the linker asks the circuit-cost one so)


# -- relations: the model readers' gated patterns, the introduction frame's verbs ---------------------------------

_MODEL_TEXTS = [
    "FooLM-7B, distilled from BarLM-70B, was then fine-tuned on 8 GPUs; we PRUNE it into Baz-1B.",
    "We compress Qux (a 13B model) to create Qux-Small and we created Zed from Qux with ORTHOGONAL pretraining using data.",
    "Upcycling of Alpha into Beta; initialised from Gamma; obtained out of Delta; we build on it.",
    "\u017fhrinking FooNet-\u212aernel: trained across tasks, Derived from X. This work curates data.",
    "",
]


def _seed_sentence_spans() -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for p in load_seed_papers():
        for s in split_sentences(p.text, title_end=len(p.title_text)):
            out.append((p.text, s.start, s.end))
    return out


def _own_sentence_spans() -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for text in _MODEL_TEXTS:
        out += [(text, s.start, s.end) for s in split_sentences(text, title_end=0)] if text else [(text, 0, 0)]
        out.append((text, 0, len(text)))
    return out


def test_model_reader_gates_find_what_the_plain_patterns_find() -> None:
    from loaders import relations as rel
    for text, start, end in _seed_sentence_spans() + _own_sentence_spans():
        for gated, plain in ((rel._DERIVE_G, rel._DERIVE), (rel._DERIVE_INTO_G, rel._DERIVE_INTO), (rel._TRAINED_G, rel._TRAINED)):
            assert [(m.span(), m.groups()) for m in gated.iter_in(text, start, end)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text, start, end)]
        piece = text[start:end]
        for gated in (rel._SHRINK_G, rel._MADE_G):
            assert [m.span() for m in gated.finditer(piece)] == [m.span() for m in gated.pattern.finditer(piece)]


def test_introduction_verbs_decide_as_the_opening_pattern() -> None:
    from loaders import relations as rel
    for text, start, end in _seed_sentence_spans() + _own_sentence_spans():
        low = text[start:end].lower()
        assert rel._may_introduce(low) == (rel._INTRO_OPENING_LOW.search(low) is not None)


# -- methods: the naming pattern's gate of whole words ------------------------------------------------------------


def test_naming_gate_holds_a_word_of_every_match() -> None:
    from loaders.mapping import methods
    from loaders.mapping.text import needed_words
    gate = methods._CALLED
    needed = needed_words(gate.pattern)
    assert needed and gate._words
    # every match holds one of ``needed``; each of those holds a gate word: every match holds a gate word
    assert all(any(w in n for w in gate._words) for n in needed)
    texts = [*_seed_texts(), "A method called Foo, which we call Bar; we name it Baz, termed Q, known as R.",
             "Typically, long-term names are named later; we dub it X", "DUBBED Foo; ca\u2010lled"]
    for text in texts:
        assert [m.span() for m in gate.finditer(text)] == [m.span() for m in gate.pattern.finditer(text)]


# -- linker: the search for coined dataset names before their noun starts near the first noun --------------------

_NOUN_TEXTS = [
    "", "dataset", "Foo dataset", "A dataset of FooQA", " Foo  Bar   benchmarks and (X-1 Y corpus", "Xbenchmark Ybenchmark",
    "FooBar\tdata set x", "dataset Foo dataset", "Foo Bar Baz suite", "iNAT-mini dataset; Foo! benchmark",
    "Foo\u2003Bar\u2003dataset", "Foo-Bar\n\nBaz dataset", "(FooQA) benchmark, BarQA corpus", "the Foo Bar datasets.",
]


def test_dataset_name_search_from_the_first_noun_finds_what_a_whole_search_finds() -> None:
    pattern = linker._DS_BEFORE_NOUN.pattern
    for text in [*_NOUN_TEXTS, *_seed_texts()]:
        assert [(m.span(), m.groups()) for m in pattern.finditer(text, linker._before_first_noun(text))] == _spans(pattern, text)


# -- linker: the memory-component and circuit-cost patterns, gated by their words (stop 18) ------------------------

_COST_TEXTS = [
    "The chip AREA and power of the design; post-layout results; a 3 mm^2 die; TAPE-OUT in 28nm.",
    "It reduces the MODEL size by half and shrinks intermediate activations and feature maps.",
    "Memory savings of 40% and lower peak memory, not memory IO.", "\u017fynthesis results", "",
]


@pytest.mark.parametrize("name", ["_CIRCUIT_COST", "_MEMORY_SAVED", "_MODEL_SIZE_CUT", "_ACTS_SHRUNK"])
def test_gated_cost_patterns_search_as_the_plain_ones(name: str) -> None:
    gated = getattr(linker, name)
    for text in [*_COST_TEXTS, *_seed_texts(), *(t[a:b] for t, a, b in _seed_sentence_spans())]:
        plain = gated.pattern.search(text)
        found = gated.search(text)
        assert (found and found.span()) == (plain and plain.span()), text
        assert gated.found(text) == (plain is not None), text  # (the linker asks the circuit-cost one so)
