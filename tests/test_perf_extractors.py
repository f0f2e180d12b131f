"""The shortcuts the extractors take for speed give the answers of the plain searches they stand for."""

from __future__ import annotations

import itertools
import re

from loaders import quantities, relations, results


def _texts() -> list[str]:
    # every short ending built from the characters the end-anchored patterns read, with and without a final newline
    pieces = ["", " ", "up to", "no more than", "at least", "about", "~", "≈", "within", "under", "over", "more than",
              "3", "12", "x", "×", ":", "±", "pm", "K", "-", "a", "the", "by", "Sec.", "\n"]
    return ["Our kernel runs " + "".join(p) for p in itertools.product(pieces, repeat=3)]


def test_an_ending_is_searched_near_the_end_with_the_same_answer() -> None:
    endings = [rx for _n, rx in results._QUALIFIERS] + [p[0] for p in (
        quantities._SHAPE_BEFORE, quantities._RATIO_BEFORE, quantities._SPREAD_BEFORE, quantities._RANGE_END_BEFORE)]
    for rx in endings:
        end_rx = quantities.ending(rx)
        for text in _texts():
            assert quantities.ends(end_rx, text) == (rx.search(text) is not None), (rx.pattern, text)


def test_one_scan_for_any_cue_finds_a_sentence_with_a_cue() -> None:
    for text in ("FooKV outperforms H2O.", "It is orthogonal to pruning.", "We build on LoRA.", "Nothing here.",
                 "Compared with GPTQ, ours is faster.", "Unlike  prior work", "Café is based on X ."):
        any_cue = relations._ANY_CUE.first_in(text) is not None
        assert any_cue == any(c.search(text) for c in (relations._COMPOSES, relations._EXTENDS, relations._COMPARED))


def test_a_token_kind_agrees_with_the_tests_it_stands_for() -> None:
    for tok in ("GaLore", "H2O", "We", "LLMs", "Medusa", "RAFT-like", "Mem0", "FP16", "the", "x86", "A", "Top-1"):
        kind = relations._token_kind(tok)
        coined = relations._name_like(tok.split()[0]) and not relations._FORMAT.fullmatch(tok)
        lower_word = tok.islower() and (tok.isalpha() or not re.search(r"\d", tok))
        generic = relations._generic_words()
        excluded = lower_word or tok in generic or tok.rstrip("s") in generic or tok in relations._VENDORS \
            or bool("-" in tok and relations._DESCRIPTOR_WORD.search(tok))
        assert bool(kind & relations._COINED) == (coined and not excluded), tok


def test_one_search_for_any_qualifier_and_the_filler_word_as_the_plain_searches_read_them() -> None:
    filler = re.compile(r"\b(?:a|an|the|of|by|to|with|only|just|merely|still|even)\s$")
    for text in _texts() + ["reduced by ", "by up to ", "with only\n", "even "]:
        assert quantities.ends(results._ANY_QUALIFIER, text) == any(rx.search(text) for _n, rx in results._QUALIFIERS)
        word = results._FILLER_BEFORE[0].search(text, max(0, len(text) - results._FILLER_BEFORE[1]))
        assert (text[: word.start()] + text[word.end() :] if word else text) == filler.sub("", text), text


def test_each_cue_scan_from_the_first_cue_finds_what_a_scan_of_the_sentence_finds() -> None:
    for text in ("We compare it with H2O, and it is orthogonal to pruning and builds on LoRA.",
                 "Unlike X, FooKV beats SnapKV; compared to GPTQ it is faster than AWQ.", "No cue at all here."):
        for cue in (relations._COMPOSES, relations._EXTENDS, relations._COMPARED):
            found = [(s, e) for s, e, _w, _stop in relations._cue_matches(cue, text, 0, len(text))]
            assert found == [m.span() for m in cue.finditer(text)], (cue.pattern[:40], text)
