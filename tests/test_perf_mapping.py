"""The mapper's shortcuts for speed give what the plain forms give.

map_paper builds its Mention records from already validated values without validating them again;
the lowercase cache of loaders.mapping.text is keyed by the text itself; name_positions walks the
text without a generator; Lexicon.scan keeps the hits of short texts; Gated keeps the lowercase form
of texts that are not ASCII too. Each is compared here with the plain computation on made-up text.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from kg.records import Mention
from loaders.mapping import text as text_mod
from loaders.mapping.lexicon import Lexicon
from loaders.mapping.mapper import _unvalidated, map_paper
from loaders.mapping.text import lowered, name_positions, stands_alone
from ontology.vocab import NodeLabel
from tests.graphdata import assert_built_as_validated, written_paper

_TITLE = "BarKV: Cheaper Key-Value Caches for Long Prompts"
_ABSTRACT = ("We propose BarKV, a method that evicts stale entries from the KV cache. On Llama-2-13B and "
             "Mistral-7B it keeps LongBench scores while running on two A100 GPUs; BarKV is 2x faster than H2O.")


def test_mentions_built_unvalidated_equal_their_validated_form() -> None:
    assert_built_as_validated(map_paper(written_paper(_TITLE, _ABSTRACT), None).mentions, Mention)


def test_unvalidated_is_model_construct() -> None:
    fields: dict[str, Any] = {"text": "A100", "start": 3, "end": 7, "sentence_start": 0, "sentence_end": 20,
              "label": NodeLabel.HARDWARE, "entity_id": "hardware/nvidia-a100", "reason": None}
    built = _unvalidated(Mention, dict(fields))
    constructed = Mention.model_construct(**fields)
    assert type(built) is Mention
    assert built == constructed == Mention(**fields)
    assert built.model_fields_set == constructed.model_fields_set
    assert built.__pydantic_extra__ is None and built.__pydantic_private__ is None


def test_lowered_answers_equal_texts_alike_and_keeps_no_non_ascii() -> None:
    text = "FooKV Beats H2O on LongBench"
    copy = "".join(list(text))  # an equal string, another object
    assert copy is not text
    assert lowered(text) == lowered(copy) == text.lower()
    assert lowered("Caf\u00e9 au lait") is None
    assert "Caf\u00e9 au lait" not in text_mod._LOWERED
    assert lowered("") == ""


@pytest.mark.parametrize("text, name, start, end", [
    ("FooKV and FooKV-2 beat xFooKV; FooKV.", "FooKV", 0, None),
    ("FooKV and FooKV-2 beat xFooKV; FooKV.", "FooKV", 1, 36),
    ("FooKV and FooKV-2 beat xFooKV; FooKV.", "FooKV", 31, 35),
    ("FooKV_x FooKV", "FooKV", 0, None),
    ("aaa aa a", "aa", 0, None),
    ("no name here", "FooKV", 0, None),
    ("anything", "", 0, None),
])
def test_name_positions_are_those_of_the_plain_pattern(text: str, name: str, start: int, end: int | None) -> None:
    stop = len(text) if end is None else end
    # (the pattern the docstring names, searched in the range: a name must lie inside it)
    plain = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
             if start <= m.start() and m.end() <= stop] if name else []
    assert name_positions(text, name, start, end) == plain
    assert stands_alone(text, name) == bool(name_positions(text, name))


def test_short_scans_are_kept_per_lexicon_and_forgotten_when_terms_are_added() -> None:
    lex = Lexicon()
    lex.add("KV cache", "cue", "kv")
    first = lex.scan("compressed KV caches")
    again = lex.scan("compressed KV caches")
    assert first == again and first is not again  # (each caller gets a list of its own)
    again.clear()
    assert lex.scan("compressed KV caches") == first
    assert [h.target for h in first] == ["kv"]
    lex.add("compress{ed|ion}", "cue", "compress")
    assert [h.target for h in lex.scan("compressed KV caches")] == ["compress", "kv"]
    # (a long text, or a piece of one, is scanned afresh: the same hits as the piece alone)
    long_text = "We keep compressed KV caches. " * 5
    assert [(h.start, h.target) for h in lex.scan(long_text, 8, 28)] == \
        [(h.start + 8, h.target) for h in lex.scan(long_text[8:28])]


@pytest.mark.parametrize("text", [
    "Caf\u00e9 models run faster inference on edge devices.",  # not ASCII, no folding letter
    "Caf\u00e9 models run on edge devices.",  # ... and without the gate's word
    "Models run \u017fa\u017fter on edge devices.",  # "ſ" folds onto "s": searched although "faster" is missing
    "A \u212aV cache that runs FASTER INFERENCE.",  # Kelvin sign
    "Plain ASCII, faster training.",
])
def test_gated_answers_on_text_not_ascii_are_the_patterns(text: str) -> None:
    from loaders.mapping.text import Gated

    pattern = re.compile(r"\bfa[s]ter\s(?:inference|training)", re.I)
    gated = Gated(pattern, ("faster",))
    plain = pattern.search(text)
    for _ in range(2):  # (the second time from the caches)
        assert gated.span(text) == (plain.span() if plain else None)
        assert gated.may_match(text) or plain is None
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in pattern.finditer(text)]
        assert gated.spans(text, 2, len(text) - 1) == [m.span() for m in pattern.finditer(text, 2, len(text) - 1)]


def test_lowercasing_text_without_folding_letters_keeps_what_an_ascii_pattern_sees() -> None:
    """The facts behind searching the folded pattern in the lowercase form of a text that is not ASCII."""
    import string
    import sys

    from loaders.mapping.text import _FOLDS_TO_ASCII

    chars = "".join(chr(cp) for cp in range(128, sys.maxunicode + 1) if not 0xD800 <= cp <= 0xDFFF)
    folding = set(_FOLDS_TO_ASCII.pattern.strip("[]"))
    # no other letter matches an ASCII one case-insensitively, as a literal or in a class
    ascii_letter = re.compile("[a-z]|" + "|".join(string.ascii_letters), re.I)
    assert set(ascii_letter.findall(chars)) <= folding
    for c in chars:
        low = c.lower()
        if low == c or c in folding:
            continue
        # one character, not ASCII, of the same class for \w, \d and \s
        assert len(low) == 1 and not low.isascii(), hex(ord(c))
        assert (c.isalnum(), c.isdigit(), c.isdecimal(), c.isspace()) == \
            (low.isalnum(), low.isdigit(), low.isdecimal(), low.isspace()), hex(ord(c))


@pytest.mark.parametrize("text", [
    "\u0391\u03a3 FASTER INFERENCE on \u00c9DGE devices \u2014 faster  Training for \u00c5SA.",  # Greek, a final sigma
    "Caf\u00e9 faster inference, caf\u00e9 faster training, \u00c0 faster inference",
    "\u0130stanbul FASTER inference",  # a folding letter that lowercases to two characters
])
def test_folded_spans_in_text_not_ascii_are_the_patterns(text: str) -> None:
    from loaders.mapping.text import Gated

    pattern = re.compile(r"(?<!\w)fast(?:er)?\s+(?:inference|training)\b(?!-)", re.I)
    for gated in (Gated(pattern, ("fast",)), Gated.auto(pattern)):
        assert gated._folded is not None
        for start, end in ((0, len(text)), (3, len(text) - 2), (10, 30)):
            plain = [m.span() for m in pattern.finditer(text, start, end)]
            assert gated.spans(text, start, end) == plain
            assert gated.first_in(text, start, end) == (plain[0] if plain else None)
        first = pattern.search(text)
        assert gated.span(text) == (first.span() if first else None)


def test_passive_proposals_are_the_plain_patterns_matches(seeds_dir: Any) -> None:
    from loaders import load_paths
    from loaders.mapping.methods import _PASSIVE_PROPOSAL, passive_proposals

    made_up = ["First, GraphPipe-Direct is devised; the DiskTrain offloading framework is then designed and built. "
               "Here, the idea of Stepwise Video Networks (SVNs) is proposed. BarKit was proposed before. "
               "FooNet is presented and FooNet-2 are introduced."]
    texts = made_up + [p.text for p in load_paths(sorted(seeds_dir.glob("*.txt"))).papers]
    for text in texts:
        want = [(m.start(), m.end(), m.group(1)) for m in _PASSIVE_PROPOSAL.finditer(text)]
        assert [(m.start(), m.end(), m.group(1)) for m in passive_proposals(text)] == want, text[:80]
