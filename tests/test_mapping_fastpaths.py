"""The mapper's fast paths give what the plain forms give.

Gated.span searches a case-insensitive pattern as its lowercase form in the lowercased text (ASCII
only); slug is cached and skips NFKD on ASCII; LinkedDoc.mentions_in reads a per-sentence index.
Each is compared here with the plain computation on made-up text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest

from kg.ids import slug
from kg.records import Paper, SourceRef
from loaders.mapping import linker, methods
from loaders.mapping.doc import LinkedDoc, LinkedMention, Sentence
from loaders.mapping.text import Gated, _ascii_folded
from ontology.vocab import NodeLabel

_SENTENCES = (
    "We propose FooKV, which reduces the KV cache memory footprint by 4x.",
    "Existing methods typically cut inference latency with quadratic complexity.",
    "Experiments show that it achieves a 2.5x speedup and only 12% of the parameters.",
    "Our method is orthogonal to quantization and can be further combined with pruning.",
    "Compared with LoRA and other adapters, it needs fewer FLOPs and less memory.",
    "In addition, we also introduce a kernel; the quantized activations keep 8-bit widths.",
    "THE RESULTS DEMONSTRATE FASTER INFERENCE AND LOWER LATENCY ON EDGE DEVICES.",
    "ſaving memory with the Kelvin sign \u212a and a dotless \u0131 in \u0130stanbul reduces cost.",
    "Speeding up training (3 times faster) saves energy; it lowers power by 30%.",
    "However, prior work rarely studies compute reduction, which this paper addresses.",
    "",
)


def _variants(s: str) -> list[str]:
    words = s.split()
    return [s, s.upper(), s.lower(), s.swapcase(), " ".join(reversed(words)), s[len(s) // 3 :], s[: len(s) // 2]]


_GATED = [(f"{mod.__name__}.{name}", g) for mod in (linker, methods) for name, g in vars(mod).items()
          if isinstance(g, Gated)]


@pytest.mark.parametrize("name,gated", _GATED, ids=[n for n, _ in _GATED])
def test_gated_span_is_the_search_span(name: str, gated: Gated) -> None:
    for text in itertools.chain.from_iterable(_variants(s) for s in _SENTENCES):
        m = gated.search(text)
        assert gated.span(text) == (m.span() if m else None), (name, text)
        assert gated.found(text) is (m is not None)


def test_only_safe_patterns_are_folded() -> None:
    assert _ascii_folded(re.compile(r"\bfaster (?:inference|training)\b", re.I)) is not None
    assert _ascii_folded(re.compile(r"\bFLOPs?\b", re.I)).pattern == r"\bflops?\b"  # type: ignore[union-attr]
    for unsafe in (r"[A-z]+", r"\S+", r"\x41", r"(?-i:Abc)", r"(a)\1", "\u017f", "\u212a"):
        assert _ascii_folded(re.compile(unsafe, re.I)) is None, unsafe
    assert _ascii_folded(re.compile("abc")) is None  # case-sensitive: nothing to fold
    assert _ascii_folded(re.compile("abc", re.I | re.M)) is None


_LATEX_CMD = re.compile(r"\\[a-zA-Z]+\*?")
_POSTFIX_PLUS = re.compile(r"(?<=[A-Za-z0-9+])\+")
_NON_SLUG = re.compile(r"[^a-z0-9.]+")
_LONE_DOT = re.compile(r"(?<![0-9])\.|\.(?![0-9])")


def _plain_slug(text: str) -> str:
    text = re.sub(r"[${}^_]", "", _LATEX_CMD.sub("", text))
    text = _POSTFIX_PLUS.sub("-plus", unicodedata.normalize("NFKD", text))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_SLUG.sub("-", _LONE_DOT.sub("-", text)).strip("-")


def test_slug_is_the_plain_slug() -> None:
    pieces = ["a", "Z", "9", "+", ".", "-", "_", " ", "$", "^", "{", "}", "\\textbf", "\u00e9", "\uff0b", "\u00df",
              "\u0130", "\ufb01", "\u00bd", "\u00b2", "e\u0301", "++", "2.0"]
    for n in (1, 2, 3):
        for combo in itertools.product(pieces, repeat=n):
            s = "".join(combo)
            assert slug(s) == _plain_slug(s), s
    for s in ("M$^3$ViT: Mixture-of-Experts", "SageAttention2++", "Llama 2.0 7B", "Caf\u00e9+ net", "W4A16 + pruning"):
        assert slug(s) == _plain_slug(s), s


def _doc() -> LinkedDoc:
    text = "FooQ\n\nWe propose FooQ on an A100. It beats GPTQ. It runs on a V100."
    p = Paper(id="paper/t-000000000000", title="FooQ", abstract=text[6:], text=text,
              occurrences=(SourceRef(file="x.txt", line=1, format="t", loader="t"),))
    sents = (Sentence(index=0, start=0, end=4, text="FooQ", in_title=True),
             Sentence(index=1, start=6, end=36, text=text[6:36]),
             Sentence(index=2, start=37, end=52, text=text[37:52]),
             Sentence(index=3, start=53, end=len(text), text=text[53:]))

    def mk(word: str, label: NodeLabel) -> LinkedMention:
        s = text.index(word)
        si = max(i for i, x in enumerate(sents) if x.start <= s)
        return LinkedMention(text=word, start=s, end=s + len(word), sentence=si, label=label)

    ms = (mk("FooQ", NodeLabel.METHOD), mk("A100", NodeLabel.HARDWARE), mk("GPTQ", NodeLabel.METHOD),
          mk("V100", NodeLabel.HARDWARE))
    return LinkedDoc(paper=p, sentences=sents, mentions=tuple(sorted(ms, key=lambda m: m.start)))


def test_mentions_in_is_the_walk_over_mentions() -> None:
    doc = _doc()

    def walk(d: LinkedDoc, si: int, label: NodeLabel | None) -> tuple[LinkedMention, ...]:
        return tuple(m for m in d.mentions if m.sentence == si and (label is None or m.label == label))

    doc.mentions_in(1)  # builds the index, which model_copy then carries into the copy
    copy = doc.model_copy(update={"mentions": doc.mentions[1:]})
    assert "_mention_index" in copy.__dict__
    for d in (doc, copy, doc):
        for si in range(-1, 6):
            for label in (None, NodeLabel.METHOD, NodeLabel.HARDWARE, NodeLabel.MODEL):
                assert d.mentions_in(si, label) == walk(d, si, label), (si, label)
