"""The mapper's fast paths give what the plain forms give.

Gated.span searches a case-insensitive pattern as its lowercase form in the lowercased text (ASCII
only); slug is cached and skips NFKD on ASCII; LinkedDoc.mentions_in reads a per-sentence index;
Gated.auto gates a pattern by the words needed_words reads from it, and its range forms (spans,
iter_in, search_in, first_in) test those words in the range only. Each is compared here with the
plain computation on made-up text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest

from kg.ids import slug
from kg.records import Paper, SourceRef
from loaders import quantities, relations, results
from loaders.mapping import linker, methods
from loaders.mapping.doc import LinkedDoc, LinkedMention, Sentence
from loaders.mapping.text import _FOLDS_TO_ASCII, Gated, _ascii_folded, lowered, needed_words
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
    "FooKV outperforms H2O and SnapKV, is orthogonal to pruning and builds on top of FlashAttention-2.",
    "Compared with GPTQ (Frantar et al., 2023), our method, based on BarQuant, is 3x faster than AWQ vs. QuIP.",
    "We distill Foo-7B into Foo-1B, trained on 8 H100 GPUs; it is deployed on microcontrollers and edge devices.",
    "It can be combined with LoRA, stacks with speculative decoding and works with e.g. FP8, such as INT4.",
    "We introduce BazBench, a new benchmark, and a novel metric called Qux@K that we propose as a metric.",
    "The KV cache and optimizer states dominate memory footprint; we reduce activation memory by 40%.",
    "We also propose cascade token pruning; first, two key components: Temporal Blocks and (b) Gated Fuser.",
    "A hybrid of KDA and MLA; unlike Mamba-based LLMs, it reaches 1.5 tokens/s vs 0.4 tokens/s on average.",
    "",
)


def _variants(s: str) -> list[str]:
    words = s.split()
    return [s, s.upper(), s.lower(), s.swapcase(), " ".join(reversed(words)), s[len(s) // 3 :], s[: len(s) // 2]]


_GATED = [(f"{mod.__name__}.{name}", g) for mod in (linker, methods, results) for name, g in vars(mod).items()
          if isinstance(g, Gated)]


@pytest.mark.parametrize("name,gated", _GATED, ids=[n for n, _ in _GATED])
def test_gated_span_is_the_search_span(name: str, gated: Gated) -> None:
    for text in itertools.chain.from_iterable(_variants(s) for s in _SENTENCES):
        m = gated.search(text)
        assert gated.span(text) == (m.span() if m else None), (name, text)
        assert gated.found(text) is (m is not None)


@pytest.mark.parametrize("name,gated", _GATED, ids=[n for n, _ in _GATED])
def test_may_match_reads_the_plain_lowercase(name: str, gated: Gated) -> None:
    # may_match takes an ASCII text's lowercase form from the cache: the answer is the one text.lower() gives
    for text in itertools.chain.from_iterable(_variants(s) for s in _SENTENCES):
        for t in (text, text + "\u00e9", "\u017f" + text):
            low = t.lower()
            words = gated._words
            plain = (any(w in low for w in words) if words is not None else gated.need(low)) or (
                not t.isascii() and _FOLDS_TO_ASCII.search(t) is not None)
            lowered(t)  # (cached or not, the same answer)
            assert gated.may_match(t) is plain, (name, t)
            if gated.pattern.search(t):
                assert plain, (name, t)


def test_only_safe_patterns_are_folded() -> None:
    assert _ascii_folded(re.compile(r"\bfaster (?:inference|training)\b", re.I)) is not None
    assert _ascii_folded(re.compile(r"\bFLOPs?\b", re.I)).pattern == r"\bflops?\b"  # type: ignore[union-attr]
    for unsafe in (r"[A-z]+", r"\S+", r"\x41", r"(?-i:Abc)", r"(a)\1", "\u017f", "\u212a", r"(?P<Verb>ab)(?P=Verb)"):
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


def _patterns(*mods: object) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for mod in mods:
        for name, v in vars(mod).items():
            pat = v.pattern if isinstance(v, Gated) else v
            if isinstance(pat, re.Pattern) and isinstance(pat.pattern, str):
                out.append((f"{mod.__name__}.{name}", pat))  # type: ignore[attr-defined]
    return out


_TEXTS = list(itertools.chain.from_iterable(_variants(s) for s in _SENTENCES))


@pytest.mark.parametrize("name,pattern", _patterns(relations, results, quantities, linker, methods),
                         ids=[n for n, _ in _patterns(relations, results, quantities, linker, methods)])
def test_needed_words_are_in_every_match(name: str, pattern: re.Pattern[str]) -> None:
    words = needed_words(pattern)
    if words is None:
        return
    assert words and "" not in words
    for text in _TEXTS:
        if _FOLDS_TO_ASCII.search(text):
            continue  # a letter that matches an ASCII one ignoring case: gates always search these (below)
        for m in pattern.finditer(text):
            assert any(w in m.group().lower() for w in words), (name, m.group(), words)


def test_needed_words_of_small_patterns() -> None:
    cases = {
        r"(?<!\w)(?=\w)(?:than|over)\s": ("over", "than"),
        r"generali[sz](?:es|ed)": ("generalised", "generalises", "generalized", "generalizes"),
        r"vs\.?|versus": ("versus", "vs", "vs."),
        r"(?:ab){1,2}c|d\w+": ("abc", "ababc", "d"),
        r"\d+\s?x": ("x",),
        r"[A-Z]\w+": None,
        r"(?:foo)?\s?bar": ("bar",),
        r"a|b?": None,
        r"(?-i:[A-Z])ab": ("ab",),
        r"caf\u00e9s": ("caf",),
        r"x{2,40}y": ("x",),  # (one x of the repeat, or the y: as long, and as many)
        r"(?:kv|key-value)[- ]?cache": ("kv cache", "kv-cache", "kvcache", "key-value cache", "key-value-cache",
                                          "key-valuecache"),
    }
    for src, want in cases.items():
        got = needed_words(re.compile(src, re.I))
        assert got == (tuple(sorted(want)) if want else None), (src, got)


def _ranges(text: str) -> list[tuple[int, int | None]]:
    n = len(text)
    return [(0, None), (0, n), (-5, n + 5), (n // 4, n), (3, n // 2), (n // 3, 2 * n // 3 + 1), (n, n), (5, 2)]


_AUTO = [(name, Gated.auto(p)) for name, p in _patterns(relations, results, quantities)] + [
    (f"{name}[no words]", Gated.auto(p, gate=False)) for name, p in _patterns(relations)]


@pytest.mark.parametrize("name,gated", _AUTO, ids=[n for n, _ in _AUTO])
def test_auto_gate_range_forms_are_the_plain_searches(name: str, gated: Gated) -> None:
    p = gated.pattern
    for text in _TEXTS:
        for a, b in _ranges(text):
            end = len(text) if b is None else b
            plain = [m.span() for m in p.finditer(text, a, end)]
            assert gated.spans(text, a, b) == plain, (name, text, a, b)
            assert [m.span() for m in gated.iter_in(text, a, b)] == plain, (name, text, a, b)
            first = p.search(text, a, end)
            got = gated.search_in(text, a, b)
            assert (got.span() if got else None) == (first.span() if first else None), (name, text, a, b)
            assert gated.first_in(text, a, b) == (first.span() if first else None), (name, text, a, b)


def test_lowered_is_the_lowercase_of_ascii_text() -> None:
    for text in _TEXTS:
        assert lowered(text) == (text.lower() if text.isascii() else None)
        assert lowered(text) == lowered(text)
    g = Gated.auto(re.compile("less", re.I))
    assert g.spans("le\u017fs and LESS") == [(0, 4), (9, 13)] and g.spans("more") == []


def test_one_unit_alternation_names_the_first_unit_that_matches() -> None:
    """quantities._match_unit tries units from the one the joint alternation names: the first of the table to match."""
    texts = _TEXTS + ["12 GB 3.5x 20 ms 100 tokens/s 8 GPUs 4-bit 2 TFLOPs 10 W 5 mJ 30 fps 1 h 2 days 7 s 9 pp",
                      "3 percentage points, 40% 2 times 3-fold 16 GiB/s 5 GPU-hours 1.2 TOPS/W 4 params 9 ns 3 us",
                      "2 KB, 1 TB, 5 MB/s, 6 minutes, 8 hrs, 50 pts. 4 b 8 bits 10 sec 3 x 3 64 tokens per step ×2"]
    for text in texts:
        for p in range(len(text) + 1):
            first = quantities._ANY_UNIT.match(text, p)
            plain = next(((i, m.span()) for i, (_u, rx) in enumerate(quantities._UNIT_RES)
                          if (m := rx.match(text, p)) is not None), None)
            got = (int(first.lastgroup[1:]), first.span()) if first is not None and first.lastgroup else None
            assert got == plain, (text, p)


@pytest.mark.parametrize("name,gated", _GATED, ids=[n for n, _ in _GATED])
def test_found_slice_is_found_on_the_slice(name: str, gated: Gated) -> None:
    for text in _TEXTS + [s + " \u00e9" for s in _SENTENCES]:
        n = len(text)
        for a, b in ((0, n), (0, n // 2), (n // 3, n), (max(0, n // 2 - 70), n // 2), (5, 2), (n, n)):
            lowered(text)  # (cached or not, the same answer)
            assert gated.found_slice(text, a, b) is gated.found(text[a:b]), (name, text, a, b)


def test_scan_groups_unchecked_senses_as_the_loop_does() -> None:
    """A token whose senses need no spelling check has them grouped by kind beforehand (Lexicon._prepare)."""
    from loaders.mapping.lexicons import build_lexicon

    lex = build_lexicon(None)
    texts = _TEXTS + ["GPU GPUs, a KV cache; KV-caches and MoE experts on TPUs. LoRA, QLoRA; the GPU-based MoE"]
    grouped = [lex.scan(t) for t in texts]
    table = lex._table
    assert any(entry[4] is not None for entry in table.values())
    try:
        lex._table = {k: (*entry[:4], None) for k, entry in table.items()}  # every position through the loop
        assert [lex.scan(t) for t in texts] == grouped
    finally:
        lex._table = table


def test_lowercase_stem_automaton_matches_where_the_folding_one_does() -> None:
    """find_models matches an ASCII text's stems in its lowercase form: same spans at every word start."""
    from loaders.mapping import models

    # (no spelling holds a non-ASCII letter whose lowercase is ASCII, like the Kelvin sign)
    assert all(c.isascii() or not c.lower().isascii() for n in models._SPELLINGS for c in n)
    texts = [t for t in _TEXTS if t.isascii()] + [
        "U-Net, UNet and U Net; Qwen2.5-7B; t5-small; Yi-34B; LLaMA-2 7B, GPT-4o, Mixtral-8x7B, ViT-B/16.",
        "SEGMENT ANYTHING MODEL vs segment-anything; x-Llama; 3Llama; Mamba2 and pixart-sigma; ResNet-50."]
    for text in texts:
        low = text.lower()
        for q in range(len(text) + 1):
            a = models._STEM_RE.match(text, q)
            b = models._STEM_LOW_RE.match(low, q)
            assert (a.span(), a.span(1)) == (b.span(), b.span(1)) if a else b is None, (text, q)


def test_opening_words_of_ascii_text_are_those_the_word_loop_finds() -> None:
    """find_models finds an ASCII text's candidate words with one pattern over its lowercase form: the same
    words, in every range, as the loop over every word with the prefix and head filters."""
    from loaders.mapping import models

    # a match never hides a word start: no opener holds a letter after a non-alphanumeric character
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(?:[^a-z0-9][0-9]*)*", o) for o in models._OPENER_WORDS)
    # the trie matches each opener in full
    assert all(re.fullmatch(models._trie(models._OPENER_WORDS), o) for o in models._OPENER_WORDS)
    texts = [t for t in _TEXTS if t.isascii()] + [
        "U-Net, UNet and U Net; Qwen2.5-7B; t5-small; Yi-34B; LLaMA-2 7B, GPT-4o, Mixtral-8x7B, ViT-B/16.",
        "SEGMENT ANYTHING MODEL vs segment-anything; x-Llama; 3Llama; 7BLlama a7Bert; Mamba2 and pixart-sigma; ResNet-50.",
        "sd3.5Llama, u-u-net, BERTbert-bert 12gpt-4 (GPT4)/Gemma:Phi3.mini_Qwen"]
    for text in texts:
        low = text.lower()
        for start, stop in [(k, len(text)) for k in range(len(text))] + [(0, len(text) // 2), (7, 7), (len(text) // 3, len(text) - 2)]:
            assert list(models._opening_words(text, low, start, stop)) == \
                list(models._opening_words(text, None, start, stop)), (text, start, stop)


def test_role_before_searches_only_where_a_match_can_end() -> None:
    """quantities._role_before searches _SECTION in the last 12 characters and _NAME_BEFORE only after a hyphen:
    the answers of searches over the whole window."""
    pieces = ["Equations.", "EQUATIONS. ", "Sections.", "Sec", "\u00a7", "Table", "Tab.", "Figs.", "Appendix", "algorithm",
              "Stage", "v", "V", "x", " ", "\n", "-", "Llama-2-", "top-", "GPT-4o-", "7B-", "abc", "1.5", "up to "]
    for n in (1, 2, 3):
        for combo in itertools.product(pieces, repeat=n):
            b = "".join(combo)
            assert (quantities._SECTION.search(b, max(0, len(b) - 12)) is None) is (quantities._SECTION.search(b) is None), b
            assert (b.endswith(("-", "-\n")) and quantities._NAME_BEFORE.search(b) is not None) is \
                (quantities._NAME_BEFORE.search(b) is not None), b


def test_first_char_groups_match_as_the_plain_alternation() -> None:
    """first_char_groups finds what ``(?:a1|a2|...)`` finds, and with word_start what ``\\b(?:a1|a2|...)`` finds,
    for alternatives that share first letters, are prefixes of one another or hold groups and lookaheads."""
    import random

    from loaders.mapping.text import first_char_groups

    rnd = random.Random(7)
    pieces = ["a", "b", "ab", "ba", "aa", "b+", "a?", "(?:a|b)", "(?=b)", r"\s", "c"]
    alphabet = "aabbc -_1"
    for _ in range(400):
        alts = ["ab"[rnd.randrange(2)] + "".join(rnd.choice(pieces) for _ in range(rnd.randrange(3)))
                for _ in range(rnd.randrange(1, 6))]
        grouped, plain = re.compile(first_char_groups(alts)), re.compile("(?:" + "|".join(alts) + ")")
        starts, plain_b = re.compile(first_char_groups(alts, word_start=True)), re.compile(r"\b(?:" + "|".join(alts) + ")")
        for _ in range(20):
            text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(12)))
            assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], (alts, text)
            assert [m.span() for m in starts.finditer(text)] == [m.span() for m in plain_b.finditer(text)], (alts, text)
    for bad in (r"\d+", "a?b", "[ab]c", "(?:ab)", ""):
        with pytest.raises(ValueError):
            first_char_groups(["x", bad])
    with pytest.raises(ValueError):
        first_char_groups(["-x"], word_start=True)


def test_grouped_patterns_are_their_plain_spellings(seeds_dir) -> None:
    """The patterns written with first_char_groups find what their plain spellings find, in the seeds too."""
    from loaders import load_paths
    from loaders.mapping import hardware

    verbs = (r"(?:propose|present|introduce|develop|design|build|release|describe|contribute|offer|devise|create|"
             r"name|call|term|dub|unveil)[sd]?")
    plain = {
        "propose": (methods._PROPOSE.pattern, re.compile(
            rf"\b(?:[Ww]e|[Tt]his (?:paper|work|study)|[Ii]n this (?:paper|work),? we|[Hh]ere,? we)\s+"
            rf"(?:first\s+|further\s+|also\s+|then\s+)?{verbs}(?::\s*|\s+)"
            r"|\b(?:[Ww]e|[Tt]his (?:paper|work|study))\s+(?:also\s+|further\s+)?(?:developed|designed|presented|offered|"
            r"unveiled|built)\s+")),
        "our": (methods._OUR.pattern, re.compile(
            r"\b(?:[Tt]he|[Oo]ur) (?:proposed|new|novel) (?=[A-Z])|\b(?:variant|version|extension),\s+(?=[A-Z])|"
            r"\b(?:[Tt]he|[Oo]ur|a|an) (?:proposed |new |novel )+(?:method|approach|framework|technique|model|"
            r"system|algorithm|architecture|strategy|scheme)s?,\s+(?=[A-Z])"
            r"|\b[Oo]ur (?:first|second|third|main|key|primary|central) contribution is (?=[A-Z])"
            r"|\b[Oo]ur (?:largest|smallest|final|flagship|strongest|resulting)\s+models?\b[^,.;]{0,60},\s+(?=[A-Z])")),
        "own name": (methods._OWN_NAME.pattern, re.compile(r"\b[Oo]ur\s+(?=[A-Za-z0-9-]*[A-Z])|\bto\s+create\s+(?=[A-Z])")),
        "anchor": (hardware._ANCHOR, re.compile("|".join(hardware._ANCHOR_WORDS))),
    }
    texts = [p.text for p in load_paths([seeds_dir]).papers] + _TEXTS + [
        "We propose Foo. this work presents Bar; In this paper we design Baz, here, we unveil Qux. Swe propose x.",
        "We propose: (1) Foo. It led us to build Bar; this leads to Baz, a tool. Our largest model, Qux, wins.",
        "Our FooNet and our fooNet; to create EvalPerf; xour Bar. An A100, iPhone 15, nRF52, Core i7, GB200 and L40S.",
        "The proposed Foo, the new new method, Bar; a novel approach, Baz; an extension, Qux; its variant,  Quux."]
    for name, (grouped, spelled) in plain.items():
        for text in texts:
            assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in spelled.finditer(text)], (name, text)


def test_combos_of_a_sentence_are_those_its_cues_complete() -> None:
    """_score asks only the pairs indexed under a sentence's cues: the same pairs, in COMBOS order."""
    needs = [c[1] for c in linker._COMBO_SETS]
    cue_sets = [frozenset(), *needs, *(a | b for a, b in itertools.combinations(needs[:12], 2)),
                frozenset().union(*needs), frozenset({"nothing-known"})]
    for cues in cue_sets:
        plain = [c for c in linker._COMBO_SETS if c[1] <= cues]
        indexed = [c for c in map(linker._COMBO_SETS.__getitem__, sorted(linker._ALWAYS_COMBOS.union(
            *map(linker._COMBOS_OF_CUE.get, cues, itertools.repeat(()))))) if c[1] <= cues]
        assert indexed == plain, sorted(cues)


def test_context_free_hits_pass_the_context_tests() -> None:
    """link skips _context_ok for hits that none of its tests concerns: those always pass it."""
    from loaders.mapping.lexicon import Hit
    from loaders.mapping.lexicons import build_lexicon

    lex = build_lexicon(None)
    texts = _TEXTS + ["N-MNIST and MNIST; FPGA emulation on an FPGA-based board; a composition of experts; "
                      "cross-layer context and cross-layer KV sharing; we distill insights; SSD storage and an SSD."]
    free = 0
    for text in texts:
        hits = lex.scan(text) + [Hit(0, min(3, len(text)), text[:3], kind, "x", w, 1)
                                 for kind in ("technique", "technique2", "dataset", "cue") for w in (0.5, 1.0)]
        for h in hits:
            if linker._context_free(h.text, h.kind, h.tokens, h.weight):
                free += 1
                assert linker._context_ok(text, h), (text, h)
    assert free > 100


def test_acronym_before_a_bracket_is_searched_near_the_end() -> None:
    """find_acronyms looks for "ACR (long form)" in the last 15 characters before the bracket: the same match."""
    from loaders.mapping.text import rx

    p = rx(r"([A-Za-z][A-Za-z0-9\-]{1,14})$")
    for text in _TEXTS + ["a", "x" * 40, "the ABCDEFGHIJKLMNOPQ", "use FOO-BAR-BAZ-QUX1", "on 3 NVIDIA-A100-80G"]:
        for cut in range(len(text) + 1):
            before = text[:cut].rstrip()
            plain = p.search(before)
            fast = p.search(before, max(0, len(before) - 15))
            assert (plain.span(1) if plain else None) == (fast.span(1) if fast else None), before
