"""The speed rewrites of the lexicon scan, the token pattern and the model-stem automaton find what their
plain forms find, on every seed paper and on made-up texts."""

from __future__ import annotations

import re
from typing import Any

import pytest

from loaders.mapping import models
from loaders.mapping.corpus import load_seed_papers
from loaders.mapping.lexicon import Hit, _new_hit
from loaders.mapping.text import _TOKEN

# the token pattern as first written, with backtracking repeats
_PLAIN_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)*(?:\+\+|\+(?![A-Za-z0-9]))?")

# made-up texts with the shapes the token pattern reads: decimals, thousands, "C++", "x+", runs of dots and
# commas, a trailing separator, letters that are not ASCII
_TEXTS = [
    "",
    "v1.5B and 2.5.3, 1,024,000 GPUs; a.5 b,7 c., d,, 3..4 5,,6",
    "C++ g++ x+y z+ +1 ++ Q+A LoRA+ 7B+",
    "caf\u00e9 na\u00efve \u00dcber-models 1.\u0662 ver 2,x",
]


def _seed_texts() -> list[str]:
    return [p.text for p in load_seed_papers()]


@pytest.mark.parametrize("text", _TEXTS)
def test_token_pattern_matches_as_the_plain_one(text: str) -> None:
    assert [m.span() for m in _TOKEN.finditer(text)] == [m.span() for m in _PLAIN_TOKEN.finditer(text)]


def test_token_pattern_matches_as_the_plain_one_on_the_seed_papers() -> None:
    for text in _seed_texts():
        assert _TOKEN.findall(text) == _PLAIN_TOKEN.findall(text)


def test_hits_built_without_their_constructor_equal_constructed_ones() -> None:
    fields = (3, 9, "KV-cache", "cue", "kv", 1.0, 2)
    fast = _new_hit(fields)
    assert type(fast) is Hit and fast == Hit(*fields) and fast.target == "kv" and fast.tokens == 2


# the stem automaton for lowercase text as first written: one flat alternation of every spelling
_PLAIN_STEM_LOW = re.compile(
    r"(?<![a-z0-9])(?<![a-z0-9]-)(" + "|".join(models._alternative(n.lower()) for n in models._SPELLINGS) + r")")


def _stem_matches(pattern: re.Pattern[str], low: str) -> list[tuple[tuple[int, int], tuple[int, int]] | None]:
    # tried at every position, as find_models tries it at each word that may open a stem
    return [(m.span(), m.span(1)) if (m := pattern.match(low, q)) else None for q in range(len(low))]


@pytest.mark.parametrize("text", ["llama-2-7b, llama2 and qwen2.5-vl; gpt-4o vs gpt4; stable diffusion xl",
                                  "xllama, t5-base, mt5 and byt5; segment-anything model; vit-b/16 -llama"])
def test_grouped_stem_automaton_matches_as_the_flat_one(text: str) -> None:
    assert _stem_matches(models._STEM_LOW_RE, text) == _stem_matches(_PLAIN_STEM_LOW, text)


def test_grouped_stem_automaton_matches_as_the_flat_one_on_the_seed_papers() -> None:
    for text in _seed_texts():
        if text.isascii():
            low = text.lower()
            starts = [m.start() for m in re.finditer(r"[a-z0-9]+", low)]
            got = [(m.span(), m.span(1)) if (m := models._STEM_LOW_RE.match(low, q)) else None for q in starts]
            assert got == [(m.span(), m.span(1)) if (m := _PLAIN_STEM_LOW.match(low, q)) else None for q in starts]


# the proposal readers' patterns as first written, a "\b" before an alternation (see methods.py)
_PLAIN_METHOD_PATTERNS = {
    "_CALLED": r"\b(?:called|named|dubbed|termed|coined|namely|denoted(?: as)?|referred to as|known as|which we call|"
               r"we call it|we name it|we dub it|we term it|we refer to as)\s+[\"“']?",
    "_PASSIVE_VERB": r"\b(?:is|are)\s+(?:then\s+|also\s+|further\s+|first\s+)?(?:devised|proposed|designed|"
                     r"introduced|developed|presented)\b",
    "_EXTEND": r"\b(?:extend|generali[sz]e|adapt)\w*\s+(\S+)\s+to\s+([a-z][a-z0-9]*-[a-z][\w-]*)\b",
}

_METHOD_TEXTS = [
    "A method called FooNet, namely BarKit; denoted as Baz. We call it Qux, which we call Zed, xcalled no.",
    "FooNet is proposed. This is then devised; theyare designed, isproposed. It is   also introduced here.",
    "We extend FlashAttention to block-sparse attention and generalise it to multi-head; readapt X to a-b.",
    "_called X, \u00e9named Y, 9dubbed Z, called\nW",
]


@pytest.mark.parametrize("name", sorted(_PLAIN_METHOD_PATTERNS))
def test_grouped_method_patterns_match_as_their_plain_forms(name: str) -> None:
    from loaders.mapping import methods

    fast = getattr(methods, name).pattern
    plain = re.compile(_PLAIN_METHOD_PATTERNS[name])
    for text in _METHOD_TEXTS + _seed_texts():
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_part_words_found_where_searched() -> None:
    from loaders.mapping import methods

    for text in _METHOD_TEXTS + _seed_texts():
        for piece in [text, *text.split(". ")]:
            assert methods._PART_WORDS.found(piece) == (methods._PART_WORDS.pattern.search(piece) is not None)


def _plain_opening_words(text: str, low: str, start: int, stop: int) -> list[int]:
    # the openers as first found: one lookbehind and the trie, searched at every position
    plain = re.compile(r"(?<![a-z])" + models._trie(models._OPENER_WORDS))
    seg = low[start:]
    out = []
    for m in plain.finditer(seg):
        q = m.start()
        if q + start >= stop:
            break
        j = q - 1
        while j >= 0 and "0" <= seg[j] <= "9":
            j -= 1
        if j < 0 or not "a" <= seg[j] <= "z":
            out.append(q + start)
    return out


# openers holding digits or a hyphen ("t5", "u-net"), back to back and overlapping; an opener at the start
@pytest.mark.parametrize("text", ["t5t5 byt5mt5 u-net u-u-net 7bllama x3d-s4 (llama) llama",
                                  "mt5", "", "-t5 _llama 1llama a1llama res2net50 wav2vec2.0 ul2t5"])
def test_opening_words_are_the_plain_openers(text: str) -> None:
    low = text.lower()
    for start, stop in ((0, len(low)), (1, len(low)), (2, max(len(low) - 3, 2))):
        if start <= len(low):
            assert list(models._opening_words(text, low, start, stop)) == _plain_opening_words(text, low, start, stop)


def test_opening_words_are_the_plain_openers_on_the_seed_papers() -> None:
    for text in _seed_texts():
        if text.isascii():
            low = text.lower()
            for start, stop in ((0, len(low)), (40, len(low) // 2)):
                assert list(models._opening_words(text, low, start, stop)) == \
                    _plain_opening_words(text, low, start, stop)


def _plain_name_like(token: str) -> bool:
    # name_like as first written: a Python step per character
    core = token.rstrip("+")
    if "-" in core.strip("-"):
        return any(_plain_name_like(part) for part in core.split("-") if part)
    letters = [c for c in core if c.isalpha()]
    if len(core) < 2 or not letters:
        return False
    if any(c.isdigit() for c in core) and any(c.isalpha() for c in core):
        return True
    if sum(c.isupper() for c in letters) >= 2:
        return True
    return core[0].islower() and any(c.isupper() for c in core[1:])


_NAME_TOKENS = ["", "+", "++", "a", "A", "Ab", "aB", "AB", "ab", "a1", "1a", "12", "1.5", "x_y", "xLSTM", "GaLore", "M2R2",
                "ETHER+", "High-Resolution", "-Foo-", "a-B", "Dolphin", "memory", "LLM", "Ab.c", "a.B", "_A", "$B", "BERT's",
                "na\u00efve", "\u00c9Llama", "\u212aV", "x\u00b2", "\u0661a", "Caf\u00e9Net", "\u01c5a"]


def test_name_like_reads_as_the_plain_form() -> None:
    from loaders.mapping.methods import name_like

    tokens = set(_NAME_TOKENS)
    for text in _seed_texts():
        tokens.update(text.split())
        tokens.update(re.findall(r"[\w+.-]+", text))
    assert [name_like(t) for t in sorted(tokens)] == [_plain_name_like(t) for t in sorted(tokens)]


@pytest.mark.parametrize("text", ["Samba-CoE routes to a CoE.", "Samba-CoE and CoE-2, xCoE, CoE_1, CoE\u00e9, \u00e9CoE",
                                  "CoE", "-CoE CoE-", "(CoE) [CoE]\nCoE\u0661 \u0661CoE"])
def test_standalone_finds_what_its_pattern_finds(text: str) -> None:
    for word in ("CoE", "Co", "E", "NeXT"):
        plain = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
        assert models._standalone(text, word) == plain


def test_standalone_finds_what_its_pattern_finds_on_the_seed_papers() -> None:
    for text in _seed_texts():
        for word in set(re.findall(r"-([A-Za-z][A-Za-z0-9]*)(?![A-Za-z0-9])", text)):
            plain = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
            assert models._standalone(text, word) == plain, word


def test_unvalidated_records_are_their_validated_form() -> None:
    import pydantic

    from kg.records import Evidence
    from loaders.mapping.doc import Sentence, _unvalidated

    fields: dict[str, Any] = {"paper_id": "paper/t-000000000001", "sentence": "It runs.", "start": 4, "end": 12,
                              "extractor": "mapper", "version": "1.0", "confidence": 0.5}
    fast = _unvalidated(Evidence, dict(fields))
    plain = Evidence(**fields)
    assert fast == plain and fast.model_dump() == plain.model_dump() and hash(fast) == hash(plain)
    assert fast.model_fields_set == plain.model_fields_set
    assert fast.__pydantic_extra__ is None and fast.__pydantic_private__ is None
    with pytest.raises(pydantic.ValidationError):
        fast.start = 5  # (still frozen)
    sent = _unvalidated(Sentence, {"index": 1, "start": 0, "end": 3, "text": "Foo", "in_title": False})
    assert sent == Sentence(index=1, start=0, end=3, text="Foo") and sent.model_copy(update={"index": 2}).index == 2
