"""Sentences, acronyms and the lexicon automaton."""

from __future__ import annotations

from loaders.mapping.lexicon import Lexicon, expand, norm_token
from loaders.mapping.text import find_acronyms, split_sentences, tokenize

TEXT = (
    "FooKV: A Cache Method\n\n"
    "Large language models (LLMs) keep a key-value (KV) cache, e.g. for long prompts. "
    "We propose FooKV, which merges 2.5% of entries! Mixture-of-experts (MoE) layers are untouched. "
    "KD (knowledge distillation) is not used."
)


def test_sentences_are_slices_of_the_text_and_the_title_comes_first() -> None:
    title_end = TEXT.index("\n\n")
    sents = split_sentences(TEXT, title_end=title_end)
    assert sents[0].in_title and sents[0].text == "FooKV: A Cache Method"
    assert [s.text[:12] for s in sents[1:]] == ["Large langua", "We propose F", "Mixture-of-e", "KD (knowledg"]
    for s in sents:
        assert TEXT[s.start : s.end] == s.text
    assert [s.index for s in sents] == list(range(len(sents)))


def test_acronyms_both_directions_and_plurals() -> None:
    sents = split_sentences(TEXT, title_end=TEXT.index("\n\n"))
    acr = {a.short: a.long for a in find_acronyms(TEXT, sents)}
    assert acr == {"LLM": "Large language models", "KV": "key-value", "MoE": "Mixture-of-experts",
                   "KD": "knowledge distillation"}
    # a parenthesis that is not an acronym definition is ignored
    assert find_acronyms("We test it (see below) twice.", split_sentences("We test it (see below) twice.", title_end=0)) == ()


def test_tokens_keep_decimals_and_thousands() -> None:
    assert [t.norm for t in tokenize("Qwen2.5 on 2,048 GPUs and HumanEval+")] == ["qwen2.5", "on", "2,048", "gpus", "and",
                                                                                 "humaneval+"]


def test_term_alternatives_and_normalisation() -> None:
    assert expand("prun{e|ing} model{s|}") == ["prune models", "prune model", "pruning models", "pruning model"]
    assert norm_token("quantisation") == norm_token("quantization")
    assert norm_token("caches") == "cache"


def test_lexicon_matches_spelling_variants_case_and_kinds_independently() -> None:
    lex = Lexicon()
    lex.add("KV cache compression", "technique", "technique/kv-cache-compression")
    lex.add("KV cache", "cue", "kv")
    lex.add("MATH", "dataset", "dataset/math")
    lex.add("flash attention", "technique", "technique/io-aware-attention")
    hits = lex.scan("KV-cache compression and kv caches; FlashAttention on MATH, but math is a word.")
    got = sorted((h.text, h.kind, h.target) for h in hits)
    assert ("KV-cache compression", "technique", "technique/kv-cache-compression") in got
    assert ("KV-cache", "cue", "kv") in got  # the cue is found inside the longer technique term
    assert ("FlashAttention", "technique", "technique/io-aware-attention") in got  # joined spelling
    assert ("MATH", "dataset", "dataset/math") in got
    assert not any(h.text == "math" for h in hits)  # acronym-like terms keep their capitals
    assert not any(h.text == "kv caches" for h in hits)  # "KV" must be written in capitals
    for h in hits:
        assert h.text == "KV-cache compression and kv caches; FlashAttention on MATH, but math is a word."[h.start : h.end]
