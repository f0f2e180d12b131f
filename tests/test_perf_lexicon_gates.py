"""The lexicon scan's and the pattern gates' shortcuts for speed give what the plain forms give."""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
import pytest

from loaders.mapping import lexicon, linker
from loaders.mapping.corpus import load_seed_papers
from loaders.mapping.doc import Sentence
from loaders.mapping.lexicon import Lexicon
from loaders.mapping.text import _TOKEN, Gated, split_sentences
from tests.graphdata import assert_built_as_validated

# made-up texts with the token shapes the scan must cut alike: hyphens, decimals, "C++", a leading and a
# trailing token, gaps of several characters, letters that are not ASCII, an empty text
_TEXTS = [
    "",
    "   ",
    "KV",
    "KV-cache, 2.5x faster; 1,024 GPUs (C++ and g++).",
    "  Low-rank/sparse  adapters -- caf\u00e9 na\u00efve \u00dcber-models...",
    "x+y+ z++ LoRA+",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_split_tokens_are_the_token_matches(text: str) -> None:
    # (the scan cuts the text into gaps and tokens at once: the tokens, their offsets and the gaps between
    # them are those of the token pattern's matches)
    _assert_split_as_matched(text)


def test_split_tokens_of_the_seed_papers_are_the_token_matches() -> None:
    for paper in load_seed_papers():
        _assert_split_as_matched(paper.text)


def _assert_split_as_matched(text: str) -> None:
    parts = lexicon._SPLIT(text)
    ends = list(itertools.accumulate(map(len, parts)))
    matches = list(_TOKEN.finditer(text))
    assert parts[1::2] == [m.group() for m in matches]
    assert ends[0::2][: len(matches)] == [m.start() for m in matches]
    assert ends[1::2] == [m.end() for m in matches]
    assert parts[2:-1:2] == [text[a.end() : b.start()] for a, b in itertools.pairwise(matches)]


def _lexicon() -> Lexicon:
    lex = Lexicon()
    lex.add("KV cache", "cue", "kv")
    lex.add("KV cache compression", "technique", "kvc")
    lex.add("low rank adaptation", "technique", "lora")
    lex.add("quantiz{ation|ed}", "cue", "quant")
    lex.add("LoRA", "technique", "lora")
    return lex


@pytest.mark.parametrize(("text", "expected"), [
    # joined by a hyphen, by two spaces, by a slash: one term
    ("KV-cache compression", [(0, 20, "technique", "kvc"), (0, 8, "cue", "kv")]),
    ("A KV  cache.", [(2, 11, "cue", "kv")]),
    ("low/rank-adaptation of LoRA", [(0, 19, "technique", "lora"), (23, 27, "technique", "lora")]),
    # a gap of three characters, or a sentence boundary, parts the words
    ("KV - cache", []),
    ("the KV. Cache", []),
    ("low rank. Adaptation", []),
    ("Quantized KV caches", [(0, 9, "cue", "quant"), (10, 19, "cue", "kv")]),
])
def test_scan_hits_with_their_offsets(text: str, expected: list[tuple[int, int, str, str]]) -> None:
    hits = _lexicon().scan(text)
    assert [(h.start, h.end, h.kind, h.target) for h in hits] == expected
    assert all(h.text == text[h.start : h.end] for h in hits)
    # (a piece of a longer text: the offsets are the text's)
    pad = "Some words first. " * 6
    assert [(h.start - len(pad), h.end - len(pad), h.kind, h.target)
            for h in _lexicon().scan(pad + text + " More.", len(pad), len(pad) + len(text))] == expected


@dataclass(frozen=True)
class _PlainHit:
    """A hit as a frozen dataclass, what :class:`lexicon.Hit` was before it became a named tuple."""

    start: int
    end: int
    text: str
    kind: str
    target: str
    weight: float
    tokens: int


def test_hits_behave_as_frozen_records() -> None:
    # (a named tuple: one object per hit that the garbage collector soon stops following, not an instance
    # and its dict; read, compared, hashed and shown as the frozen record)
    fields = (4, 12, "KV cache", "cue", "kv", 0.5, 2)
    hit, plain = lexicon.Hit(*fields), _PlainHit(*fields)
    assert [getattr(hit, f.name) for f in dataclasses.fields(plain)] == list(dataclasses.astuple(plain))
    assert hit == lexicon.Hit(*fields) and hit != lexicon.Hit(*fields[:-1], 3)
    assert hash(hit) == hash(plain) and len({hit, lexicon.Hit(*fields)}) == 1
    assert repr(hit) == repr(plain).replace("_PlainHit", "Hit")
    with pytest.raises(AttributeError):
        hit.start = 5  # type: ignore[misc]


def test_sentences_equal_their_validated_form() -> None:
    text = "ZipKV: Tiny Caches\n\nWe shrink caches, e.g. by 4x.  It works on 2.5 GPUs!  Done. "
    sentences = split_sentences(text, title_end=text.index("\n"))
    assert [s.text for s in sentences] == ["ZipKV: Tiny Caches", "We shrink caches, e.g. by 4x.", "It works on 2.5 GPUs!",
                                           "Done."]
    assert_built_as_validated(sentences, Sentence)
    for paper in load_seed_papers()[:40]:
        assert_built_as_validated(split_sentences(paper.text, title_end=len(paper.title_text)), Sentence)


# the linker's list heads as first written, with a leading \b that has the regex engine try every position
_PLAIN_HEADS = [
    (linker._MODEL_LIST_HEAD, r"\b(?:backbones?|models?|architectures?|LLMs?|networks?)\s*(?:\(\s*|:\s*|,\s*)?"
                              r"(?:e\.g\.,?|such as|including|like|namely)?\s*(?=[A-Z])"),
    (linker._DS_NOUN_LIST, r"\b(?:datasets|data sets|benchmarks|corpora),?\s+(?:namely|including|such as|i\.e\.,?|e\.g\.,?)\s+"),
]
_HEAD_TEXTS = [
    "We tune backbones (e.g., ZapNet and QuuxViT) and subnetworks: FooNet. Two datasets, namely AlphaSet and B-Set.",
    "LLMs such as Gizmo-7B; xmodels Bar, models Baz, corpora including C4 and our own benchmarks i.e., Q1.",
    "networks: Mesh, architectures like Lattice, and data sets e.g. PQR. 2models Foo, _datasets namely X.",
]


@pytest.mark.parametrize(("gated", "plain"), _PLAIN_HEADS)
def test_list_heads_find_what_their_plain_patterns_find(gated: Gated, plain: str) -> None:
    pattern = re.compile(plain)
    texts = _HEAD_TEXTS + [p.text for p in load_seed_papers()]
    assert any(pattern.search(t) for t in _HEAD_TEXTS)
    for t in texts:
        assert [m.span() for m in gated.pattern.finditer(t)] == [m.span() for m in pattern.finditer(t)]


# (what the linker found with its flat list of every hit: a hit of the four kinds the catalog names things
# with hides a coined name under it, a cue or a topic does not)
@pytest.mark.parametrize(("kind", "hidden"), [("cue", False), ("topic", False), ("technique", True), ("generic", True),
                                              ("hwclass", True)])
def test_unknown_datasets_read_from_the_hits_of_each_kind(kind: str, hidden: bool) -> None:
    text = "Results on GLUE, QuuxBench and ZorpQA show gains over the BlipSet benchmark."
    g, q = text.index("GLUE"), text.index("QuuxBench")
    hits = [lexicon.Hit(g, g + 4, "GLUE", "dataset", "dataset/glue", 1.0, 1),
            lexicon.Hit(q, q + 9, "QuuxBench", kind, "x/y", 1.0, 1)]
    of_kind: dict[str, list[lexicon.Hit]] = {}
    for h in hits:
        of_kind.setdefault(h.kind, []).append(h)
    found = linker._unknown_datasets(text, of_kind, {"dataset/glue": (1, 1.0)}, set())
    assert found == [("dataset/blipset", "BlipSet", 58)] + ([] if hidden else [("dataset/quuxbench", "QuuxBench", 17)])


_HW_TEXTS = [
    "Our kernel runs 3x faster than cuBLAS on an A100 GPU.",
    "Savings over A3, MNNFast, a TITAN Xp GPU and a Xeon CPU are large.",
    "It beats prior designs on a Jetson GPU; compared with MLPerf baselines on one CPU it wins.",
    "Caf\u00e9 code runs on a GPU, unlike \u017fome TPU.",  # not ASCII, with a letter that folds onto "s"
]


@pytest.mark.parametrize("gated", [linker._HW_NEG_BEFORE, linker._HW_NEG_LIST], ids=["before", "list"])
def test_hardware_negations_found_in_windows_as_by_their_patterns(gated: Gated) -> None:
    # (the windows before each hardware word, and before every 17th position, of made-up text and the seeds)
    texts = _HW_TEXTS + [p.text for p in load_seed_papers()]
    found = 0
    for t in texts:
        ends = {m.start() for m in re.finditer(r"GPU|CPU|TPU|FPGA|accelerator", t)} | set(range(0, len(t), 17))
        for end in sorted(ends):
            for width in (60, 160):
                start = max(0, end - width)
                plain = gated.pattern.search(t[start:end]) is not None
                assert gated.found_slice(t, start, end) == plain
                found += plain
    assert found


def test_class_acronym_slugs_are_made_once_as_each_paper_made_them() -> None:
    from kg.ids import slug

    assert linker._CLASS_ACRONYM_SLUGS == {slug(x) for x in linker._CLASS_ACRONYMS}
