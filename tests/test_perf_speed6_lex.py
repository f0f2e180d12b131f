"""The speed rewrites of the lexicon scan, the token pattern and the model-stem automaton find what their
plain forms find, on every seed paper and on made-up texts."""

from __future__ import annotations

import re

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
