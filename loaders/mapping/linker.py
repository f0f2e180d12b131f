"""Read one paper: sentences, acronyms, mentions, technique classes, scope, proposed methods.

:func:`link` turns a :class:`~kg.records.Paper` into a :class:`~loaders.mapping.doc.LinkedDoc`.
It runs one lexicon scan, one model-grammar scan and one hardware-grammar scan over the paper's
text, then decides from the weight of evidence:

* techniques: every phrase that names or suggests a class adds its weight, scaled by where it
  stands (the title counts most, the sentences that present the paper's own method next,
  background sentences least); cue pairs in one sentence add the class they name together.
  The most specific classes above a threshold are kept (a parent only when no child is).
* scope: a paper is out of scope when no class has enough evidence, or when the cues of an
  adjacent topic (agent memory, code efficiency, ...) outweigh the technique evidence.
* acronyms defined in the abstract resolve later uses first: "SAM (sharpness-aware minimization)"
  keeps "SAM" from being read as the Segment Anything model.
"""

from __future__ import annotations

import dataclasses
import math
import re
import string
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import attrgetter
from typing import Any

from kg.ids import slug
from kg.records import Paper, PropValue
from loaders.mapping import hardware as hw
from loaders.mapping import models as mdl
from loaders.mapping.catalog import AMBIGUOUS_DATASETS
from loaders.mapping.cues import COMBO_BLOCKERS, COMBOS
from loaders.mapping.doc import Acronym, LinkedDoc, LinkedMention, ProposedMethod, Sentence
from loaders.mapping.lexicon import Hit
from loaders.mapping.lexicons import build_lexicon
from loaders.mapping.methods import find_components, find_methods, name_like
from loaders.mapping.taxonomy import ROOT, Taxonomy
from loaders.mapping.text import Gated, _unvalidated, find_acronyms, first_char_groups, has_any, rx, split_sentences
from ontology.vocab import NodeLabel

# -- tunable weights (set from the development set; see bench/eval_mapping.py) ---------------
TITLE_FACTOR = 3.0
PROPOSAL_FACTOR = 1.5
BACKGROUND_FACTOR = 0.6
RESULT_FACTOR = 0.6
SELECT_MIN = 1.0
SELECT_RELATIVE = 0.3
FAMILY_DISCOUNT = 0.5
PAPER_COMBO = 0.7
SIBLING_RELATIVE = 0.2
MAX_TECHNIQUES = 5
SCOPE_MIN = 1.5
TOPIC_RATIO = 1.0
SCOPE_MIN_NO_TOPIC = 0.75
NO_TOPIC_MAX = 0.3
ROOT_SCOPE_WEIGHT = 1.0
# (the root class alone, with no adjacent topic in sight, is enough for scope from this much evidence)
ROOT_ALONE_MIN = 0.8

# (the sentence patterns are searched in every sentence of every paper: each is gated by the words
# that every match holds, see text.Gated)
_PROPOSAL_VERBS = ("propose", "present", "introduce", "develop", "design", "study", "investigate", "explore", "show",
                   "build", "release", "apply", "demonstrate", "evaluate", "analy", "focus", "address", "extend",
                   "integrate", "combine", "incorporate")
_PROPOSAL = Gated(re.compile(
    r"\b(?:we|our|this paper|this work|in this paper|in this work)\b.{0,40}?\b(?:propose|present|introduce|develop|"
    r"design|study|investigate|explore|show|build|release|apply|demonstrate|evaluate|analy[sz]e|focus|address|extend|integrate|combine|incorporate)",
    re.I,
), lambda low: has_any(low, ("we", "our", "this")) and has_any(low, _PROPOSAL_VERBS))
_BACKGROUND_OPENERS = ("however", "although", "while", "despite", "recent", "existing", "prior", "previous",
                       "conventional", "traditional", "current", "many", "most", "unfortunately", "yet")
_BACKGROUND = Gated(re.compile(
    r"^(?:However|Although|While|Despite|Recent|Recently|Existing|Prior|Previous|Conventional|Traditional|Current|"
    r"Many|Most|Unfortunately|Yet)\b|\b(?:typically|commonly|widely)\b|\b(?:existing|prior|previous|conventional|traditional) (?:\w+ )?"
    r"(?:methods|approaches|works|techniques|solutions|studies|systems|frameworks)\b|\bhave been proposed\b"
    # ("..., while other architectures reach sub-quadratic cost via sparse attention patterns": what others do)
    r"|\bother (?:\w+ )?(?:methods|approaches|works|techniques|architectures|models)\b"
), lambda low: low.startswith(_BACKGROUND_OPENERS) or has_any(low, (
    "typically", "commonly", "widely", "existing", "prior", "previous", "conventional", "traditional", "have been proposed",
    "other")))
# a statement about the field in general, not about the paper: "model weights can be compressed through
# quantization" (no "we"/"our"; the sentences that name the method are proposal sentences already)
_GENERAL = Gated(re.compile(r"^(?!.*\b(?:[Ww]e|[Oo]ur|[Tt]his|[Ii]t|[Tt]hey)\b).*\b(?:can|could|may|might) (?:also |further |often )?be "
                            r"[a-z]+(?:ed|en)\b"), ("can be", "could be", "may be", "might be", "also be", "further be", "often be"))
# a statement of the problem the paper addresses ("deploying ViTs on mobile devices is particularly
# challenging"): where the field struggles, not what the paper does
_PROBLEM = Gated(re.compile(r"\b(?:is|are|remains?|becomes?|been)\s+(?:\w+\s+){0,2}(?:challenging|impractical|prohibitive|"
                            r"infeasible|difficult|costly|expensive)\b", re.I),
                 ("challenging", "impractical", "prohibitive", "infeasible", "difficult", "costly", "expensive"))
# sentences that report outcomes: what they reduce is a consequence, not the technique itself
_RESULT = Gated(re.compile(
    r"\b(?:experiments?|results|evaluations?) (?:show|demonstrate|indicate|reveal)|\b(?:achieves?|achieving|outperforms?|"
    r"delivers?|yields?|attains?)\b.{0,80}(?:\d+(?:\.\d+)?\s?(?:%|×|x\b|times)|speedup)", re.I),
    ("experiment", "results", "evaluation", "achiev", "outperform", "deliver", "yield", "attain"))

# a stated saving of a cost: "reduces activation memory", "cuts inference latency by 2x", "quadratic
# time and space complexity". Such a sentence shows an efficiency contribution even when it names
# no technique class; it counts for the root class (and so for the scope decision).
_COST = (r"(?:memory|footprint|computation\w*|compute|FLOPs?|latency|parameters?|energy|power|runtime|"
         r"inference (?:time|cost|speed)|training (?:time|cost)|model size|storage|chip area|area|"
         r"(?:computational|inference|training|deployment|resource) (?:cost|burden|overhead|demands?|requirements?)|"
         r"complexity|cost)")
# (the words of the gate: a saving verb with a cost word, or one of the fixed phrases)
_CLAIM_VERBS = ("reduc", "lower", "cut", "sav", "decreas", "minimi", "shrink", "compress", "alleviat", "mitigat",
                "accelerat", "speed", "smaller")
_CLAIM_COSTS = ("memory", "footprint", "comput", "flop", "latency", "parameter", "energy", "power", "runtime",
                "inference", "training", "size", "storage", "area", "cost", "burden", "overhead", "demand",
                "requirement", "complexity")
_CLAIM = Gated(re.compile(
    rf"\b(?:reduc\w*|lower\w*|cuts?|cutting|sav(?:e|es|ing)|decreas\w*|minimi[sz]\w*|shrink\w*|compress\w*|"
    rf"alleviat\w*|mitigat\w*|accelerat\w*|speeds? up|speeding up)\b(?:\s+[\w/-]+){{0,5}}?\s+{_COST}\b"
    rf"|\b{_COST}\s+(?:reduction|savings?)\b"
    rf"|\bquadratic (?:time|computational|memory|complexity|cost)"
    rf"|\b(?:x|×|times|%)\s+(?:faster|speed[- ]?ups?|less memory|fewer (?:parameters|FLOPs)|lower latency)\b"
    rf"|\bonly\s+\d+(?:\.\d+)?\s?%\s+of\s+(?:the\s+)?(?:number of\s+)?{_COST}"
    rf"|\b(?:fewer|less|lower|smaller)\s+(?:parameters|FLOPs|memory|latency|compute|computation|energy)\b"
    rf"|\bfaster (?:inference|training|decoding)\b",
    re.I,
), lambda low: has_any(low, ("quadratic", "faster", "speed", "less", "fewer", "lower")) or ("only" in low and "%" in low)
    or (has_any(low, _CLAIM_VERBS) and has_any(low, _CLAIM_COSTS)))
CLAIM_WEIGHT = 0.4
PROPOSED_NAMED = 0.8  # a leaf's phrase this strong in a sentence presenting the paper's work makes it a contribution
STRONG_MIN = 0.5
CHILD_MIN = 1.0
# "KV cache compression" is the umbrella word most KV papers use for their own method: a leaf that the
# abstract describes at all (selection under budgets, merging) is what it does
CHILD_MIN_OF = {"technique/kv-cache-compression": 0.75}
TITLE_BOOST_MIN = 0.35
ARCH_LEAVES = frozenset(f"technique/{t}" for t in (
    "structured-ssm", "selective-ssm", "linear-rnn", "linear-attention", "hybrid-attention-ssm"))
# classes that name where or how a method is deployed rather than what it does: the paper must name
# them in full where it presents itself (title, proposing sentences) or say so repeatedly, not only in its
# motivation (a "mobile devices" where the results are summed up is where a backbone was measured)
CONTEXT_CLASSES = frozenset({"technique/on-device-inference", "technique/serving-systems"})
# where the paper runs (docs: on-device inference is the paper's stated subject): said repeatedly, at least one
# of the sentences must say what the paper itself does ("we compare the formats for on-device inference"), not
# what its model measures there ("our models run at 10 FPS on an iPhone") or what devices need in general
_ON_DEVICE = "technique/on-device-inference"
_STATED_CONTEXT = frozenset({_ON_DEVICE})
_OWN_WORK = re.compile(r"\b(?:we|our|this (?:work|paper|whitepaper|study|survey|thesis|dissertation|article))\b", re.I)
_MEASURED = re.compile(r"\d(?:\.\d+)?\s?(?:%|×|x\b|times\b|fps\b|ms\b)|\bfps\b", re.I)

# "orthogonal to quantization", "can be further combined with 4-bit KV quantization"
_COMPOSES = Gated(re.compile(r"\b(?:orthogonal to|compatible with|complementary to|can (?:also |further |easily |be )*"
                             r"(?:be )?(?:combined|integrated|stacked|applied together)|further combined|in combination with)\b",
                             re.I),
                  ("orthogonal", "compatible", "complementary", "combined", "integrated", "stacked", "applied together",
                   "combination"))
COMPOSE_FACTOR = 0.3
_AGAINST = Gated(re.compile(r"\b(?:than|unlike|instead of|compared (?:to|with)|versus|vs\.?|outperform\w*|surpass\w*|"
                            r"bridg\w* the gap (?:to|with)|(?:speed-?ups?|improvements?|gains?|advantages?) over)"
                            r"(?:\s+[\w()-]+){0,6}\s+$", re.I),
                 ("than", "unlike", "instead of", "compared", "versus", "vs", "outperform", "surpass", "the gap", "over"))
# a class named as what the method does without ("INT4 quantization without quantization-aware training",
# "no need for distillation") is not what it does
_NEGATED = Gated(re.compile(r"\b(?:without|no need (?:for|of)|(?:not|never) requir\w*|eliminat\w* the need for|"
                            r"free of)\s+(?:(?:any|the|costly|expensive|additional|extra)\s+)*$", re.I),
                 ("without", "no need", "requir", "the need for", "free of"))
_LEAD = re.compile(r"[A-Z][\w-]*(?:\s+[\w-]+){0,7},\s+")
_DESCRIBES = re.compile(r"\s+(?:adopts|introduces|features|consists|comprises|employs|combines|integrates|incorporates|"
                        r"contains|leverages|relies|uses|utili[sz]es|applies|exploits)\b")


def _describes_method(sentence: str, methods: Sequence[Any]) -> bool:
    """The sentence's subject is a proposed method: "(Specifically,) FooNet adopts two designs ..."."""
    if not any(fm.name in sentence for fm in methods):  # (most sentences name no method: no lead to read)
        return False
    lead = _LEAD.match(sentence)
    rest = sentence[lead.end() :] if lead else sentence
    return any(rest.startswith(fm.name) and _DESCRIBES.match(rest, len(fm.name)) for fm in methods)


# a sentence that adds a contribution to the one the paper is about
_FURTHER_CONTRIBUTION = Gated(re.compile(r"\b(?:we|our)\s+(?:also|further|additionally)\b|^(?:In addition|Additionally|"
                                         r"Furthermore|Moreover|Finally),?\s+we\b", re.I),
                              ("also", "further", "additionally", "in addition", "moreover", "finally"))
_APPOSITION = re.compile(r"\b(?:propose|present|introduce|develop)[sd]?\s+\S+,\s*$", re.I)

LABEL_OF_KIND = {
    "technique": NodeLabel.TECHNIQUE,
    "topic": NodeLabel.TOPIC,
    "dataset": NodeLabel.DATASET,
    "hwclass": NodeLabel.HARDWARE_CLASS,
    "memory": NodeLabel.MEMORY_COMPONENT,
}


@dataclass
class _Score:
    total: float = 0.0
    per_sentence: dict[int, float] = field(default_factory=dict)
    best: tuple[float, int, int, int] = (0.0, 0, 0, 0)  # (score, sentence, start, end)
    strongest: float = 0.0  # the largest weight of one phrase, before the sentence factor
    focus: float = 0.0  # the largest sentence factor among the supporting sentences (title 3, proposal 1.5)
    plain: set[int] = field(default_factory=set)  # supporting sentences that are neither background nor results
    named: float = 0.0  # the largest weight of one phrase in such a sentence (1.0: the class is named there)
    named_plain: float = 0.0  # the same without the title's boost
    stated: set[int] = field(default_factory=set)  # (_STATED_CONTEXT only) plain sentences that state the paper's own work

    def add(self, w: float, sentence: int, start: int, end: int, raw: float = 1.0, factor: float = 1.0,
            name_w: float | None = None) -> None:
        self.strongest = max(self.strongest, raw)
        self.focus = max(self.focus, factor)
        if factor >= 1.0:
            self.plain.add(sentence)
            self.named = max(self.named, raw)
            self.named_plain = max(self.named_plain, raw if name_w is None else name_w)
        prev = self.per_sentence.get(sentence, 0.0)
        if w > prev:
            self.total += w - prev
            self.per_sentence[sentence] = w
        if w > self.best[0]:
            self.best = (w, sentence, start, end)


@dataclass
class Linked:
    """The LinkedDoc plus what the relation builder needs beyond it."""

    doc: LinkedDoc
    technique_scores: dict[str, float]
    topic_scores: dict[str, float]
    evidence: dict[str, tuple[int, float]]  # id -> (sentence, confidence) for paper-level facts
    models: dict[str, mdl.ModelName]
    devices: dict[str, hw.Device]
    hwclasses: dict[str, tuple[int, float, str]]  # id -> (sentence, confidence, qualifier)
    datasets: dict[str, tuple[int, float]]
    memory: dict[str, tuple[int, float]]
    components: list[tuple[str, int, int]]


_SPAN = attrgetter("start", "end")  # a sort key read at C speed (the hits of a paper are sorted twice)


def _sentence_index(starts: list[int], pos: int) -> int:
    return max(bisect_right(starts, pos) - 1, 0)


# a sentence that opens with the paper's own We/Our reports its work even where it names earlier work in
# passing ("Our search found models ... at 400x lower cost than previous search methods"): it is no background
_OWN_OPENER = re.compile(r"(?:We|Our)\b")


def _sentence_factor(s: Sentence, method_sents: set[int], general: bool = True, problem: bool = True,
                     result: bool = True) -> float:
    """The weight of the words of sentence ``s``; ``general``, ``problem`` and ``result`` False: the paper
    holds none of the words that pattern needs, no sentence of it is searched for it."""
    if s.in_title:
        return TITLE_FACTOR
    if s.index in method_sents or _PROPOSAL.found(s.text):
        return PROPOSAL_FACTOR
    if s.index == 1 or (_BACKGROUND.found(s.text) and not _OWN_OPENER.match(s.text)) or (general and _GENERAL.found(s.text)) \
            or (problem and _PROBLEM.found(s.text)):
        return BACKGROUND_FACTOR
    if result and _RESULT.found(s.text):
        return RESULT_FACTOR
    return 1.0


# -- acronyms --------------------------------------------------------------------------------


def _acronym_hits(text: str, acronyms: Sequence[Acronym], hits: list[Hit], lex: Any) -> tuple[list[Hit], tuple[Acronym, ...]]:
    """Resolve defined acronyms: their later uses mean what their long form means, nothing else."""
    if not acronyms:
        return hits, tuple(acronyms)
    resolved: list[Acronym] = []
    by_short: dict[str, list[Hit]] = {}
    for a in acronyms:
        long_hits = lex.scan(a.long)
        # the long form's meaning: hits that cover most of it
        cover = [h for h in long_hits if (h.end - h.start) >= 0.6 * len(a.long)]
        by_short[a.short] = cover
        ent = next((h.target for h in cover if h.kind in LABEL_OF_KIND), None)
        resolved.append(a.model_copy(update={"entity_id": ent}) if ent else a)
    out: list[Hit] = []
    def_spans = [(a.start, a.end) for a in acronyms]
    for h in hits:
        if h.text in by_short or h.text.rstrip("s") in by_short:
            # the abstract's own definition wins over the lexicon's reading of the short form
            if not any(s <= h.start < e for s, e in def_spans):
                continue
        out.append(h)
    for a in acronyms:
        cover = by_short[a.short]
        if not cover:
            continue
        for s, e in _uses_of(text, a.short):
            if a.start <= s < a.end:
                continue
            for h in cover:
                out.append(Hit(s, e, text[s:e], h.kind, h.target, h.weight, h.tokens))
    out.sort(key=_SPAN)
    return out, tuple(resolved)


_ALNUM = frozenset(string.ascii_letters + string.digits)


def _uses_of(text: str, short: str) -> Iterator[tuple[int, int]]:
    """Spans of ``short`` (or its plural) as a word of ``text``: what
    ``(?<![A-Za-z0-9-])SHORTs?(?![A-Za-z0-9])`` finds, without a pattern compiled for each acronym.

    >>> list(_uses_of("MoE, MoEs, SMoE, MoE-based, MoEx", "MoE"))
    [(0, 3), (5, 9), (17, 20)]
    """
    n, pos = len(text), 0
    while (q := text.find(short, pos)) >= 0:
        e = q + len(short)
        pos = q + 1
        if q > 0 and (text[q - 1] in _ALNUM or text[q - 1] == "-"):
            continue
        if e < n and text[e] == "s" and (e + 1 == n or text[e + 1] not in _ALNUM):
            e += 1
        elif e < n and text[e] in _ALNUM:
            continue
        yield q, e
        pos = e


# -- techniques and scope --------------------------------------------------------------------


def _score(
    text: str, sentences: Sequence[Sentence], hits: Sequence[Hit], starts: list[int], method_sents: set[int]
) -> tuple[dict[str, _Score], dict[str, _Score]]:
    tech: dict[str, _Score] = defaultdict(_Score)
    topics: dict[str, _Score] = defaultdict(_Score)
    cues_in: dict[int, set[str]] = defaultdict(set)
    cue_at: dict[int, dict[str, list[int]]] = defaultdict(dict)  # sentence -> cue -> where it starts
    # (a sentence is a piece of ``text``: where the paper lacks the words a pattern needs, none of its
    # sentences is asked; most papers lack those of one pattern or another)
    general, problem, result = _GENERAL.may_match(text), _PROBLEM.may_match(text), _RESULT.may_match(text)
    factors = [_sentence_factor(s, method_sents, general, problem, result) for s in sentences]
    # a sentence that goes on about what the sentence before said of earlier work ("Despite advances in X,
    # prevalent approaches face constraints. These include ...") is background too
    for i in range(2, len(factors)):
        if factors[i] == 1.0 and factors[i - 1] == BACKGROUND_FACTOR and _GOES_ON.match(sentences[i].text):
            factors[i] = BACKGROUND_FACTOR
    negated_in, against_in = _NEGATED.may_match(text), _AGAINST.may_match(text)
    # what the method "is orthogonal to" or "can be combined with" is not what it is: words after
    # such a phrase count little and form no cue pairs
    # (not where it describes the method being presented: "we present X, compatible with W8A8 and W4A16")
    composes = {s.index: s.start + m[0] for s in sentences[1:]
                if (m := _COMPOSES.span(s.text)) and not _APPOSITION.search(s.text, 0, m[0])} \
        if _COMPOSES.may_match(text) else {}
    seen: set[tuple[int, int, str]] = set()
    for h in hits:
        key = (h.start, h.end, h.target)
        if key in seen:
            continue
        seen.add(key)
        si = max(bisect_right(starts, h.start) - 1, 0)  # (_sentence_index, without a call per hit)
        after_compose = si in composes and h.start > composes[si]
        if h.kind == "cue":
            if not after_compose:
                cues_in[si].add(h.target)
                cue_at[si].setdefault(h.target, []).append(h.start)
        elif h.kind in ("technique", "technique2"):
            # "on-device latency", "on-device speed": a cost named by where it is measured, not a device the
            # paper sets out to run on (as for the device classes)
            if h.target == _ON_DEVICE and _ON_DEVICE_METRIC.match(text, h.end) and h.text.lower() == "on-device":
                continue
            # what the method is measured against ("more memory-efficient than low-rank adaptation methods
            # such as LoRA") is a baseline: it counts as little as what the method composes with
            # (the sentence's words just before the phrase)
            if si > 0 and negated_in and _NEGATED.found_slice(sentences[si].text, max(0, h.start - starts[si] - 40), h.start - starts[si]):
                continue
            against = si > 0 and against_in and _AGAINST.found_slice(sentences[si].text, max(0, h.start - starts[si] - 70), h.start - starts[si])
            f = min(factors[si], COMPOSE_FACTOR) if after_compose or against else factors[si]
            # a word in the title says more than the same word in the abstract ("... on AI Accelerators")
            # (background words, below TITLE_BOOST_MIN, stay background there too)
            boost = 2.0 if si == 0 and h.weight >= TITLE_BOOST_MIN else 1.0
            # (the title's boost makes a word strong evidence, not a name of the class: "hardware-efficient")
            tech[h.target].add(h.weight * f, si, h.start, h.end, h.weight * boost, f, h.weight)
            if h.target in _STATED_CONTEXT and f >= 1.0 and si > 0 and _OWN_WORK.search(sentences[si].text) \
                    and not _MEASURED.search(sentences[si].text):
                tech[h.target].stated.add(si)
        elif h.kind == "topic":
            topics[h.target].add(h.weight * factors[si], si, h.start, h.end, h.weight)
    for s in sentences:
        m = _CLAIM.span(s.text)
        if m:
            tech[ROOT].add(CLAIM_WEIGHT * factors[s.index], s.index, s.start + m[0], s.start + m[1], CLAIM_WEIGHT,
                           factors[s.index])
    # a title about the KV cache makes its tokens cache entries: "token importance" and "merging
    # tokens" there describe what is kept in the cache, not pruning of the input sequence
    title_cues = cues_in.get(0, set()) if sentences and sentences[0].in_title else set()
    paper_blocked = {t for t, cues in PAPER_COMBO_BLOCKERS.items() if title_cues & cues}
    for si, cues in cues_in.items():
        s = sentences[si]
        # (only the pairs that hold one of the sentence's cues can be complete, in COMBOS order)
        for target, need_set, w, blockers in map(_COMBO_SETS.__getitem__, sorted(_ALWAYS_COMBOS.union(
                *map(_COMBOS_OF_CUE.get, cues, repeat(()))))):
            if need_set <= cues and target not in paper_blocked and not cues & blockers \
                    and _near(need_set, cue_at[si], target):
                tech[target].add(w * factors[si], si, s.start, s.end, w, factors[si])
    # a pair can also be split over the paper: one cue in the title or a proposal sentence and the
    # other in any non-background sentence ("KV cache" in the title, "merging" where the method is described)
    first_strong: dict[str, int] = {}  # cue -> the first such sentence that holds it
    first_ok: dict[str, int] = {}
    for si, cues in cues_in.items():
        for c in cues:
            if factors[si] >= PROPOSAL_FACTOR:
                first_strong.setdefault(c, si)
            if factors[si] >= 1.0:
                first_ok.setdefault(c, si)
    for target, need, w in COMBOS:
        if len(need) != 2 or target in paper_blocked or target in tech and tech[target].total >= w * PROPOSAL_FACTOR:
            continue
        a, b = need
        for x, y in ((a, b), (b, a)):
            sx = first_strong.get(x)
            sy = first_ok.get(y)
            if sx is not None and sy is not None and not (cues_in[sx] | cues_in[sy]) & COMBO_BLOCKERS.get(target, frozenset()):
                s = sentences[sx]
                tech[target].add(w * PAPER_COMBO * min(factors[sx], PROPOSAL_FACTOR), sx, s.start, s.end, w * PAPER_COMBO,
                                 min(factors[sx], PROPOSAL_FACTOR))
                break
    return tech, topics


# a pair whose two cues must stand close together: "quantized experts", "4-bit MoE weights" quantize experts,
# but a sentence that lists MoE layers and int4 quantization as separate items (a benchmark's or a report's
# list of techniques) does not
PAIR_GAP = {"technique/expert-quantization": 60}


def _near(need: frozenset[str], at: dict[str, list[int]], target: str) -> bool:
    gap = PAIR_GAP.get(target)
    if gap is None:
        return True
    a, b = need
    return min(abs(x - y) for x in at[a] for y in at[b]) <= gap


# the opening of a sentence that refers back to the one before: "These include", "Such methods", "They"
_GOES_ON = re.compile(r"(?:These|Such|They|Those|Their)\b")


# COMBOS with their cues as sets, and the cues that block each
_COMBO_SETS = tuple((target, frozenset(need), w, COMBO_BLOCKERS.get(target, frozenset())) for target, need, w in COMBOS)
# cue -> the positions in _COMBO_SETS of the pairs that need it (and those that need no cue at all)
_COMBOS_OF_CUE: dict[str, list[int]] = defaultdict(list)
for _i, (_t, _need, _w, _b) in enumerate(_COMBO_SETS):
    for _c in _need:
        _COMBOS_OF_CUE[_c].append(_i)
_COMBOS_OF_CUE = dict(_COMBOS_OF_CUE)
_ALWAYS_COMBOS = frozenset(i for i, c in enumerate(_COMBO_SETS) if not c[1])

# cues in the title that keep a pair from naming its class anywhere in the paper
PAPER_COMBO_BLOCKERS: dict[str, frozenset[str]] = {
    "technique/token-pruning": frozenset({"kv"}),
}

# an FPGA or PIM design is the paper's accelerator: "accelerator" words name an ASIC only when the
# paper says it builds one (a chip, a tape-out, a process node)
_ASIC_EXPLICIT = re.compile(r"\bASICs?\b|\btape-?out|\b\d+\s?nm\b|\bcustom (?:accelerator|chip)|\baccelerator chip|"
                            r"\bapplication-specific\b|\bsilicon\b", re.I)
_EFF_ATT = "technique/efficient-attention"
# (gated by the words every match holds, as the two below: a title without them is not searched, the lookbehinds
# at each of its positions cost more than the rest of the title's tests)
_NAMED_ATTENTION = Gated.auto(re.compile(
    r"(?<!Self-)(?<!Self )(?<!Beyond )(?<!Rethinking )(?<!Revisiting )(?<!Without )"
    r"(?<!Understanding )\b(?!(?:Self|Beyond|Rethinking|Revisiting|Without|Understanding)\b)[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+Attention"
    r"(?=\s*$|\s*:|\s+(?:for|with|in|via|on)\b)"))
_ACCEL_HOSTS = ("technique/fpga-acceleration", "technique/processing-in-memory")


# a kept class makes these redundant (the annotation keeps the class the paper is really about)
_SUPPRESS: dict[str, tuple[str, ...]] = {
    "technique/hybrid-attention-ssm": ("technique/selective-ssm", "technique/linear-rnn", "technique/structured-ssm"),
    "technique/ssm-distillation": ("technique/knowledge-distillation",),
    # Mamba is a structured SSM with input-dependent selection ("Mamba-style Structured State Space Model")
    "technique/selective-ssm": ("technique/structured-ssm",),
    # microcontroller deployment is the specific form of on-device inference
    "technique/tinyml": ("technique/on-device-inference",),
    "technique/kv-cache-quantization": ("technique/weight-only-quantization",),
    # quantizing the experts' weights is what expert quantization is: the general weight-only leaf adds nothing
    # (and the MoE-specific compression and offloading classes already say the model is an MoE)
    "technique/expert-quantization": ("technique/weight-only-quantization", "technique/moe-architecture"),
    "technique/expert-pruning": ("technique/moe-architecture",),
    "technique/expert-merging": ("technique/moe-architecture",),
    "technique/moe-compression": ("technique/moe-architecture",),
    "technique/expert-offloading": ("technique/moe-architecture",),
    # a method that quantizes weights and activations is not weight-only because it names its weight bits
    "technique/weight-activation-quantization": ("technique/weight-only-quantization",),
}

# ... unless the paper names the loser itself outside its background (a weight-1.0 phrase): merging
# papers choose what to merge by importance and budgets, which reads like eviction, but "KV cache
# eviction" said only of prior work is not what they do
_SUPPRESS_UNLESS_NAMED: dict[str, tuple[str, ...]] = {
    "technique/kv-cache-merging": ("technique/kv-cache-eviction",),
}
# a kept pair that together mean another class: pruning the cache's elements under unstructured
# sparsity compresses the KV cache, it does not evict tokens ("KV cache pruning" usually means eviction)
_PAIR_MEANS: dict[tuple[str, str], str] = {
    ("technique/unstructured-pruning", "technique/kv-cache-eviction"): "technique/kv-cache-compression",
}


# a title that studies or measures rather than proposes
_STUDY_TITLE = re.compile(r"\b(?:exploring|evaluating|measuring|understanding|assessing|analy[sz]ing|ramifications|"
                          r"impact of|role of|effects? of)\b|^(?:on|towards?) the\b", re.I)
FALLBACK_MIN = 0.8
_DESIGN_TITLE = re.compile(r"\b(?:network|networks|architectures?|backbones?|CNNs?|ConvNets?|layers?|blocks?|design|"
                           r"transformers?|ViTs?|mixers?|encoders?|embeddings?|(?<!processing )units?)\b", re.I)
# network kinds whose efficiency a study title can be about (not "language models": those studies span families)
_STUDIED_DESIGNS = re.compile(r"\b(?:neural\snetworks?|CNNs?|DNNs?|ConvNets?|vision\stransformers?|ViTs?)\b(?!\s(?:training|inference))", re.I)
# (beside an on-device class: "An On-Device Text to Speech Model", "... On-Device Super-Resolution GAN"; not
# language or foundation models: running those on phones is a deployment study, as for _NETWORK_FAMILY)
_MODEL_TITLE = re.compile(r"(?<!language )(?<!foundation )\b(?:models?|GANs?)\b", re.I)
_LITERATURE = re.compile(r"\b(?:survey|review|overview)\b", re.I)
# a title that presents an efficient model design ("AclNet: efficient end-to-end audio classification CNN",
# "A Modern Bidirectional Encoder for Fast, Memory Efficient ... Inference"): an efficiency contribution
# even when the abstract states no saving in the words the claim pattern knows
_EFFICIENT_TITLE = re.compile(r"\b(?:(?:resource|memory|hardware|compute|parameter|energy)[- ])?efficient\b|"
                              r"\blightweight\b|\blight-weight\b|\bcompact\b", re.I)
# a saving of a model's own cost stated with its size ("25 times fewer parameters", "50% less memory",
# "10x faster inference", "reducing model size by over 20 times", "FLOPs (20% reduction)"), or as a comparison of
# the model's own cost with others' ("fewer trainable parameters than ...", "efficient in terms of memory")
_TIMES = r"\d+(?:\.\d+)?\s?(?:×|x|times|%|-fold|fold)"
_MODEL_COST = (r"(?:(?:number\s+of\s+)?(?:trainable\s+)?(?:parameters|FLOPs|operations|MACs)|"
               r"memory(?:\s+(?:usage|footprint|consumption))?|latency|model\s+size|energy(?:\s+consumption)?|"
               r"computation(?:al\s+cost)?|compute|(?:inference|training|prefill(?:ing)?)(?:[\s-]time)?)")
_STATED_SAVING = Gated(re.compile(
    rf"\b{_TIMES}\s+(?:fewer|less|lower|smaller)\s+(?:[\w-]+\s+){{0,2}}?{_MODEL_COST}\b"
    rf"|\b{_TIMES}\s+(?:faster\s+(?:inference|training|decoding|generation)|"
    rf"(?:inference|training|decoding|end-to-end)(?:[\s-]time)?\s+speed-?ups?)\b"
    rf"|\b{_TIMES}\s+more\s+(?:memory|compute|parameter|energy)[\s-]efficient\b"
    rf"|\b(?:reduc\w*|cut(?:s|ting)?|sav(?:e|es|ing)|lower(?:s|ing)?|decreas\w*|shrink\w*)\s+(?:the\s+|its\s+)?"
    rf"{_MODEL_COST}(?:\s+[\w-]+){{0,3}}?\s+by\s+(?:over\s+|up\s+to\s+|about\s+|nearly\s+|more\s+than\s+)?\d"
    rf"|\b{_MODEL_COST}\s+\(\s*{_TIMES}\s+reduction\)"
    rf"|\b(?:smaller|fewer)\s+(?:in\s+(?:the\s+)?number\s+of\s+)?(?:trainable\s+)?parameters\s+than\b"
    rf"|\befficient\s+(?:both\s+)?in\s+terms\s+of\s+(?:memory|computation|compute|latency|inference)\b",
    re.I), ("fewer", "less", "lower", "smaller", "faster", "speed", "efficient", "reduc", "cut", "sav", "decreas", "shrink"))
_OTHER_TOPIC = "topic/other"


# the problem a paper sets out from: attention whose cost grows quadratically with the sequence
# ("the quadratic time and space complexity of self-attention")
_QUADRATIC_ATTENTION = Gated(re.compile(r"\bquadratic(?:ally)?\b[^.;]{0,120}\battention\b|\battention\b[^.;]{0,120}\bquadratic",
                                        re.I), ("quadratic",))
ATTENTION_COST_WEIGHT = 1.0
# classes that answer attention's cost another way: a recurrent or state-space sequence model instead of
# attention, or a smaller KV cache (these papers open with the same complaint)
_ATTENTION_ALTERNATIVES = ("technique/state-space-models", "technique/kv-cache-compression")


def _attention_cost_problem(sentences: Sequence[Sentence], tech: dict[str, _Score], tax: Taxonomy) -> bool:
    """A paper that states attention's quadratic cost as the problem it works on studies efficient
    attention, even when its answer (a shorter sequence, a faster gradient, a benchmark of efficient
    transformers) names no attention class: the stated problem counts as a named class. Not where the
    answer is a sequence model that replaces attention or a smaller KV cache (those classes say it)."""
    hit = next((s for s in sentences[1:] if _QUADRATIC_ATTENTION.found(s.text)), None)
    if hit is None:
        return False
    for t, sc in tech.items():
        if sc.total >= SELECT_MIN and sc.strongest >= STRONG_MIN and t in tax.parents \
                and any(a == t or a in tax.ancestors(t) for a in _ATTENTION_ALTERNATIVES):
            return False
    tech[_EFF_ATT].add(ATTENTION_COST_WEIGHT, hit.index, hit.start, hit.end, ATTENTION_COST_WEIGHT, 1.0)
    return True


_LINK_LABEL = re.compile(r"\s?:\s*(?:https?://|www\.)")
_DATA_EFF = "topic/data-efficiency"
_DATA_MOVEMENT = re.compile(r"\bdata (?:movements?|access(?:es)?|transfers?|reuse)\b|\bmemory bandwidth\b", re.I)
_END = "technique/efficient-network-design"
# a released family of networks (not of language models: those are model releases of their own classes)
_NETWORK_FAMILY = Gated.auto(re.compile(r"\bfamily\s+of\s+(?!(?:[\w-]+\s+){0,4}?(?:language|foundation)\b)(?:[\w-]+\s+){0,4}?"
                                        r"(?:networks|ConvNets|CNNs|backbones|(?:vision\s+)?transformers|models)\b", re.I))
_SPLIT_SUFFIX = re.compile(r"\d+k?|challenge|easy")
_NOT_SPLITS = frozenset({"dataset/imagenet-21k"})  # (the larger set ImageNet-1k was drawn from)
_AGENT_MEMORY = "topic/agent-memory"
_MEMORY_WORD = re.compile(r"memor(?:y|ies)", re.I)
_AGENT_WORD = re.compile(r"\bagent|\bdialog|\bconversation|\bchatbot|\bassistant|\bcompanion|\busers?\b|\bpersonali[sz]", re.I)
_MEMORY_MODELS = "topic/memory-augmented-models"
_CODE_EFFICIENCY = "topic/code-efficiency"
_CODE_COST = re.compile(r"efficien|speed-?ups?\b|execution time|run-?time", re.I)
_MOE = "technique/mixture-of-experts"
_MOE_DESIGN = "technique/moe-architecture"
TECH_HOLDS_MIN = 3.0
TECH_HOLDS_RATIO = 1.5


def _technique_holds_against(best_tech: float, evidence: float, topic: float) -> bool:
    """Whether a technique class argued for all through the paper keeps it in scope against a somewhat
    stronger adjacent topic: the topic's words then say what the method is for ("sample-efficient" adapter
    tuning, "memory networks" as a sparse layer beside MoE), not what the paper is about.

    >>> _technique_holds_against(3.9, 4.25, 5.1), _technique_holds_against(2.4, 2.7, 3.1), _technique_holds_against(4.0, 4.2, 8.0)
    (True, False, False)
    """
    return best_tech >= TECH_HOLDS_MIN and topic <= TECH_HOLDS_RATIO * evidence


def _fallback_class(title: str, tech: dict[str, _Score], survey: bool) -> str:
    """The class of an in-scope paper whose evidence names no class clearly."""
    # (where a model runs is no fallback for what the paper does: a weak "mobile device" in a result
    # sentence of an architecture paper does not make it an on-device paper)
    # (nor is a class only the background names: "despite advances in architecture search" is what others do)
    best = max(((sc.total, t) for t, sc in tech.items() if t != ROOT and t not in CONTEXT_CLASSES
                and sc.strongest >= STRONG_MIN and sc.plain),
               default=(0.0, ROOT))
    if best[0] >= FALLBACK_MIN:
        return best[1]
    if not survey and _DESIGN_TITLE.search(title) and not _STUDY_TITLE.search(title):
        return _END  # a new efficient model or architecture
    if not survey and _STUDIED_DESIGNS.search(title):
        # a study of what makes a kind of network efficient ("On the Efficiency of Convolutional Neural
        # Networks", "Which Transformer to Favor ... Efficiency in Vision Transformers") is about their design
        return _END
    return ROOT


def _select_survey(tech: dict[str, _Score], tax: Taxonomy, further: frozenset[int] = frozenset()) -> list[str]:
    """A survey studies families: every class's evidence counts for its top-level family."""
    fam: dict[str, float] = defaultdict(float)
    for t, sc in tech.items():
        if t == ROOT or t not in tax.parents:
            continue
        tops = [a for a in (tax.ancestors(t) | {t}) if tax.parents.get(a) == {ROOT} or tax.parents.get(a) == frozenset({ROOT})]
        for top in tops or [t]:
            fam[top] += sc.total
    if not fam:
        return [ROOT] if ROOT in tech else []
    best = max(fam.values())
    keep = sorted((t for t, v in fam.items() if v >= max(SELECT_MIN, SELECT_RELATIVE * best)), key=lambda t: (-fam[t], t))
    # a study whose title names one leaf of a family ("An Analysis of Adapter Efficiency") is about that
    # leaf, not the family it is filed under
    for i, top in enumerate(keep):
        named = [c for c, sc in tech.items() if c in tax.parents and tax.is_leaf(c) and top in tax.ancestors(c)
                 and sc.per_sentence.get(0, 0.0) >= PROPOSED_NAMED * TITLE_FACTOR]
        if len(named) == 1:
            keep[i] = named[0]
    keep = list(dict.fromkeys(keep))  # (a leaf under two kept families)
    # a method the study contributes besides its comparison keeps its own class: a leaf named in full
    # in a sentence that presents a further contribution ("we also introduce a clipping method for
    # low-bit INT training"); what the survey or benchmark itself covers stays at family level
    own = sorted((t for t, sc in tech.items() if t in tax.parents and tax.is_leaf(t) and t not in CONTEXT_CLASSES
                  and any(v >= PROPOSAL_FACTOR for si, v in sc.per_sentence.items() if si in further)),
                 key=lambda t: (-tech[t].total, t))
    keep += [t for t in own if t not in keep]
    return keep[:MAX_TECHNIQUES] or ([ROOT] if ROOT in tech else [])


def _select(tech: dict[str, _Score], tax: Taxonomy, further: frozenset[int] = frozenset()) -> list[str]:
    # a class needs one phrase that at least suggests it: background words alone never add up to one
    scored = {t: s.total for t, s in tech.items()
              if s.total >= SELECT_MIN and t in tax.parents and (s.strongest >= STRONG_MIN or t == ROOT)
              and (t not in CONTEXT_CLASSES or max(s.per_sentence.values()) >= PROPOSAL_FACTOR
                   or (len(s.plain) >= 2 and (t not in _STATED_CONTEXT or s.stated)))}
    # a class that only a suggestive title word supports, which the abstract never takes up ("Dual Routing"
    # in the title of an expert-quantization paper), gives way to the classes the abstract describes
    title_only = {t for t in scored if t != ROOT and set(tech[t].per_sentence) == {0} and tech[t].named_plain < 1.0}
    if any(t != ROOT and t not in title_only for t in scored):  # (the root alone describes nothing)
        scored = {t: v for t, v in scored.items() if t not in title_only}
    if not scored:
        return []
    # families gather every generic word of their field; compare them at a discount
    eff = {t: v * (1.0 if tax.is_leaf(t) else FAMILY_DISCOUNT) for t, v in scored.items()}
    top = max(eff.values())
    cands = {t for t, v in eff.items() if v >= SELECT_RELATIVE * top}
    # the architecture a technique is applied to is studied too (quantizing Mamba, checkpointing in a
    # Mamba model): an architecture leaf named where the paper presents itself is kept whatever the main class
    for t in scored:
        if t in ARCH_LEAVES and tax.is_leaf(t) and tech[t].focus >= PROPOSAL_FACTOR and tech[t].strongest >= 0.8:
            cands.add(t)
    # a class named in full where the paper presents its own work ("we combine PEFT with structured
    # pruning", "a compression via pruning and distillation called X") is part of the contribution
    for t in scored:
        if tax.is_leaf(t) and t not in CONTEXT_CLASSES and tech[t].strongest >= PROPOSED_NAMED \
                and max(tech[t].per_sentence.values()) >= PROPOSED_NAMED * PROPOSAL_FACTOR:
            cands.add(t)
    # a class the paper adds as a further contribution of its own ("We also propose a distillation
    # pipeline that ..."): a suggestive phrase in such a sentence is enough
    for t in scored:
        if t not in CONTEXT_CLASSES and t != ROOT and tech[t].strongest >= 0.7 \
                and any(tech[t].per_sentence.get(si, 0.0) >= 0.7 * PROPOSAL_FACTOR for si in further):
            cands.add(t)
    # ... and so is a family named in full there when a child of it has evidence of its own ("to train
    # low-precision adapters, we propose a quantization method" + "1-bit adapters"): the child is kept below
    for t in scored:
        if not tax.is_leaf(t) and t != ROOT and tech[t].named >= 1.0 and t not in CONTEXT_CLASSES \
                and max(tech[t].per_sentence.values()) >= PROPOSAL_FACTOR:
            kids = [(tech[c].total, c) for c in tech if t in tax.parents.get(c, ()) and c in tax.parents
                    and tech[c].total >= CHILD_MIN and tech[c].strongest >= STRONG_MIN]
            if kids and max(kids)[1] not in CONTEXT_CLASSES:
                cands.add(t)
    # a second leaf of a family already kept needs less (W4A4KV4 serving: several quantization leaves);
    # one the paper names in full outside its background ("quantizing both weights and activations to 4-bit"
    # beside a QAT method that outweighs it many times) is kept whatever its share
    for t, v in eff.items():
        if t in cands or not tax.is_leaf(t):
            continue
        fam = tax.parents.get(t, frozenset())
        sib = [eff[c] for c in cands if tax.parents.get(c, frozenset()) & fam]
        if sib and (v >= SIBLING_RELATIVE * max(sib) or (tech[t].named_plain >= 1.0 and t not in CONTEXT_CLASSES)):
            cands.add(t)
    for winner, losers in _SUPPRESS.items():
        if winner in cands:
            cands -= set(losers)
    # most specific: drop a class when one of its descendants is kept
    drop: set[str] = set()
    for t in cands:
        drop |= tax.ancestors(t) & cands
    keep = [t for t in cands if t not in drop]
    # a family kept for its generic words gives way to its best-supported child
    for i, t in enumerate(keep):
        if tax.is_leaf(t):
            continue
        kids = [(tech[c].total, c) for c in tech if t in tax.parents.get(c, ()) and c in tax.parents
                and tech[c].total >= CHILD_MIN_OF.get(t, CHILD_MIN) and tech[c].strongest >= STRONG_MIN]
        if kids:
            keep[i] = max(kids)[1]
    # (after the family has given way to its child: the child may be the loser)
    for winner, losers in _SUPPRESS_UNLESS_NAMED.items():
        if winner in keep:
            keep = [t for t in keep if t not in losers or tech[t].named >= 1.0]
    for (a, b), means in _PAIR_MEANS.items():
        if a in keep and b in keep:
            keep[keep.index(b)] = means
            tech.setdefault(means, _Score())
    keep = list(dict.fromkeys(keep))
    if len(keep) > 1 and ROOT in keep:
        keep.remove(ROOT)
    # a top-level family that no phrase names or clearly suggests outside the title's boost ("hardware-efficient
    # design" only hints at hardware co-design) adds nothing beside the classes that are named
    if len(keep) > 1:
        vague = [t for t in keep if tax.parents.get(t) == frozenset({ROOT}) and not tax.is_leaf(t)
                 and tech[t].named_plain < 0.7]
        if len(vague) < len(keep):
            keep = [t for t in keep if t not in vague]
    keep.sort(key=lambda t: (-tech[t].total, t))
    return keep[:MAX_TECHNIQUES]


# -- the linker ------------------------------------------------------------------------------


def link(paper: Paper, onto: Any = None, tax: Taxonomy | None = None) -> Linked:
    """Read one paper into a :class:`Linked` (its :class:`LinkedDoc` and the evidence behind it).

    Without ``tax`` the paper-level classes are the required ones of docs/conventions.md, as in
    :func:`loaders.mapping.mapper.map_paper` (finer ontology leaves count for them through the lexicon's
    rollup), so that a direct call reads a paper exactly as the mapping does.
    """
    tax = tax or Taxonomy.default()
    lex = build_lexicon(onto)
    text = paper.text
    title_end = len(paper.title_text)
    sentences = split_sentences(text, title_end=title_end)
    starts = [s.start for s in sentences]
    acronyms = find_acronyms(text, sentences)
    title_acr = _title_acronym(sentences[0].text)
    if title_acr and not any(x.short == title_acr.short for x in acronyms):
        acronyms = (title_acr, *acronyms)
    raw_hits = lex.scan(text)
    # a coined compound the word lexicon cannot split: "ProbSparse self-attention" is sparse attention
    raw_hits += [Hit(m.start(), m.end(), m.group(0), "technique", "technique/sparse-attention", 1.0, 2)
                 for m in _COINED_SPARSE_ATTENTION.finditer(text)]
    raw_hits.sort(key=_SPAN)
    hits, acronyms = _acronym_hits(text, acronyms, raw_hits, lex)

    # links and code URLs name repositories, not things the paper evaluates
    urls = [(m.start(), m.end()) for m in (_URL if ".github.io/" in text else _URL_NO_PAGES).finditer(text)]

    def in_url(pos: int) -> bool:
        return any(s <= pos < e for s, e in urls) if urls else False  # (most papers hold no link)

    hits = [h for h in hits if (_context_free(h.text, h.kind, h.tokens, h.weight) or _context_ok(text, h))
            and not (urls and in_url(h.start))]
    # the hits of each kind, in order: most of the passes below want one or two kinds (~20k hits per pass over
    # the seeds, a fourth of them cues)
    of_kind: dict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        of_kind[h.kind].append(h)
    models_found = [m for m in mdl.find_models(text) if not in_url(m.start)]
    models_found += _unknown_models(text, models_found, in_url)
    field_words = {slug(h.text) for k in ("generic", "hwclass", "dataset", "technique", "technique2") for h in of_kind[k]}
    models_found += _listed_models(text, models_found, in_url, field_words)
    # "a 34B GPT-3.5 level model", "VGG-style": a model named as a yardstick or a style, not one evaluated
    models_found = [m for m in models_found if not _MODEL_AS_REFERENCE.match(text, m.end)]
    # "Foo Chat: https://...": the label of a link to a product or demo, not a model the paper evaluates
    models_found = [m for m in models_found if not (urls and _LINK_LABEL.match(text, m.end))]
    # a model that names a measure ("CLIP-FID", "FID, CLIP, and CMMD scores") is a metric, not a model evaluated
    models_found = [m for m in models_found if not (_METRIC_NAME.search(m.text) or _MODEL_AS_METRIC.match(text, m.end))]
    devices_found = [d for d in hw.find_hardware(text) if not in_url(d.start)]

    # names of catalog things never become method names
    known = {slug(h.text) for k in ("dataset", "generic", "hwclass") for h in of_kind[k]}
    known |= {slug(h.text) for h in of_kind["technique"] if h.tokens == 1 and h.text.upper() in _CLASS_ACRONYMS}
    known |= {slug(m.text) for m in models_found if not m.bare}
    # ("SambaNova SN40L" is the chip, not a method)
    device_keys = {slug(d.text) for d in devices_found} | {d.id.split("/", 1)[1] for d in devices_found}
    known |= device_keys
    known |= _CLASS_ACRONYM_SLUGS  # "Parameter-Efficient Tuning (PET) methods" names a field
    methods_found = find_methods(text, sentences, acronyms, known=frozenset(known))
    # a commercial device the title names is the hardware the paper is about, even where a catalog name in a title
    # may be the method's ("SambaNova SN40L: ..." presents the chip, a Hardware node, not a method)
    methods_found = [m for m in methods_found if slug(m.name) not in device_keys]
    method_sents = {m.sentence for m in methods_found}

    # a sentence whose subject is the method describes it as much as the sentence that names it
    # ("FooNet adopts two novel designs: ...")
    described = {s.index for s in sentences[1:] if _describes_method(s.text, methods_found)}
    tech_scores, topic_scores = _score(text, sentences, hits, starts, method_sents | described)
    if _DATA_EFF in topic_scores and _DATA_MOVEMENT.search(text):
        # "data efficiency" in a systems paper means moving data less (hiding access latency, fewer transfers
        # between memories), not learning from fewer samples
        del topic_scores[_DATA_EFF]
    attention_cost = _QUADRATIC_ATTENTION.may_match(text) and _attention_cost_problem(sentences, tech_scores, tax)
    survey = bool(_BROAD.search(sentences[0].text))
    # sentences adding a further contribution ("we also ..."); outside a survey, only those that propose something
    further = [s for s in sentences[1:] if _FURTHER_CONTRIBUTION.found(s.text)] \
        if _FURTHER_CONTRIBUTION.may_match(text) else []
    techniques = (_select_survey(tech_scores, tax, frozenset(s.index for s in further)) if survey
                  else _select(tech_scores, tax, frozenset(s.index for s in further if _PROPOSAL.found(s.text))))
    # the scope decision weighs all technique evidence, the families' included
    # the scope decision weighs all efficiency evidence against the best adjacent topic
    best_tech = max((sc.total for t, sc in tech_scores.items() if t != ROOT and sc.strongest >= STRONG_MIN), default=0.0)
    root = tech_scores[ROOT].total if ROOT in tech_scores else 0.0
    weight_of_evidence = best_tech + ROOT_SCOPE_WEIGHT * root
    topic_best = max(topic_scores.items(), key=lambda kv: (kv[1].total, kv[0]), default=None)
    # a paper with no sign of an adjacent topic needs less efficiency evidence (the corpus is about efficiency)
    # (a class named at least suggestively, or several stated savings)
    no_topic = topic_best is None or topic_best[1].total < NO_TOPIC_MAX
    in_scope = weight_of_evidence >= SCOPE_MIN or (
        no_topic and weight_of_evidence >= SCOPE_MIN_NO_TOPIC and (best_tech >= SCOPE_MIN_NO_TOPIC or root >= ROOT_ALONE_MIN))
    title = sentences[0].text
    # (a topic named in one sentence of the abstract only, not in the title, is a side remark: "a data-efficient
    # training strategy" as one step of an efficient model's recipe)
    side_topic = topic_best is not None and len(topic_best[1].per_sentence) == 1 and 0 not in topic_best[1].per_sentence
    weak_topic = no_topic or side_topic or (topic_best is not None and topic_best[1].total < 0.5 * root)
    if not in_scope and weak_topic and root > 0 and not survey and _EFFICIENT_TITLE.search(title) \
            and _DESIGN_TITLE.search(title) and not _STUDY_TITLE.search(title):
        in_scope = True
    if in_scope and topic_best is not None and topic_best[1].total > TOPIC_RATIO * weight_of_evidence \
            and not _technique_holds_against(best_tech, weight_of_evidence, topic_best[1].total):
        in_scope = False
    # a paper whose title presents a network or architecture and that states by how much it cuts a model's cost
    # (parameters, memory, FLOPs, latency, size) designs an efficient model, where no adjacent topic is in sight:
    # topic/other's words then name the field the network works in (physics, segmentation), not another subject
    if not in_scope and not survey and _DESIGN_TITLE.search(title) \
            and (no_topic or topic_best is not None and topic_best[0] == _OTHER_TOPIC) \
            and _STATED_SAVING.may_match(text) \
            and any(_STATED_SAVING.found(s.text) and not _BACKGROUND.found(s.text) for s in sentences[1:]):
        in_scope = True
    # only the root: a survey may span everything, a paper that proposes something is more specific
    hosts = [t for t in _ACCEL_HOSTS if t in techniques or (
        t in tech_scores and tech_scores[t].total >= SELECT_MIN and tech_scores[t].strongest >= STRONG_MIN)]
    if "technique/asic-acceleration" in techniques and hosts and not _ASIC_EXPLICIT.search(text):
        techniques = [t for t in techniques if t != "technique/asic-acceleration"]
        techniques += [t for t in hosts if t not in techniques]
    if in_scope and (not techniques or (techniques == [ROOT] and not survey)):
        techniques = [_fallback_class(sentences[0].text, tech_scores, survey)]
    if not survey and _MOE in techniques and not any(_MOE in tax.ancestors(t) for t in techniques):
        # a paper that is not a survey and names MoE without compressing, routing or offloading experts builds
        # a model from sparse expert layers: the design leaf (the family's generic words say no more)
        techniques = [_MOE_DESIGN if t == _MOE else t for t in techniques]
    if in_scope and survey and _STUDIED_DESIGNS.search(title) and not _LITERATURE.search(title) \
            and len(techniques) < MAX_TECHNIQUES and _END not in techniques:
        # a comparative study of one kind of network ("A Comparative Analysis of Efficiency in Vision
        # Transformers") is about their design, as a single study is (_fallback_class), whatever
        # mechanism its abstract also names
        techniques = [t for t in techniques if t != ROOT] + [_END]
        tech_scores.setdefault(_END, _Score())
    # where a model runs (on a device) is not what it is: a paper that designs an architecture for phones
    # and names no other class studies efficient network design (a serving paper's "architecture" is a system)
    if in_scope and not survey and techniques == ["technique/on-device-inference"] \
            and (_DESIGN_TITLE.search(sentences[0].text) or _MODEL_TITLE.search(sentences[0].text)) \
            and not _STUDY_TITLE.search(sentences[0].text) and len(techniques) < MAX_TECHNIQUES:
        techniques = [*techniques, _END]
        tech_scores.setdefault(_END, _Score())
    # a paper that releases a family of networks ("EfficientNetV2, a new family of convolutional networks",
    # "a family of GPU-efficient networks" found by search) studies their design, whatever method built them
    if in_scope and not survey and _END not in techniques and len(techniques) < MAX_TECHNIQUES \
            and _NETWORK_FAMILY.search(text) \
            and not any("technique/state-space-models" in tax.ancestors(t) for t in techniques):
        techniques = [t for t in techniques if t != ROOT] + [_END]
        tech_scores.setdefault(_END, _Score())
    # a title that names an attention mechanism as what it contributes ("... with Cascaded Group Attention",
    # "Lightweight Multi-Scale Attention for ...") studies efficient attention, whatever else it does
    if in_scope and not survey and _NAMED_ATTENTION.search(sentences[0].text) and len(techniques) < MAX_TECHNIQUES \
            and not any(t == _EFF_ATT or _EFF_ATT in tax.ancestors(t) for t in techniques):
        techniques = [t for t in techniques if t != ROOT] + [_EFF_ATT]
        tech_scores.setdefault(_EFF_ATT, _Score())
    # (the stated problem is what the paper works on, however the other classes outweigh it)
    if in_scope and attention_cost and len(techniques) < MAX_TECHNIQUES \
            and not any(t == _EFF_ATT or _EFF_ATT in tax.ancestors(t) for t in techniques):
        techniques = [t for t in techniques if t != ROOT] + [_EFF_ATT]
    topic = None
    if not in_scope:
        topic = topic_best[0] if topic_best and topic_best[1].total >= 0.5 else "topic/other"
        if topic == _AGENT_MEMORY and not _MEMORY_WORD.search(text):
            topic = "topic/other"  # an agent paper that never speaks of memory is about agents, not their memory
        elif topic == _CODE_EFFICIENCY and not _CODE_COST.search(text):
            topic = "topic/other"  # a code model that says nothing of the speed of the code it writes
        elif topic == _AGENT_MEMORY and not _AGENT_WORD.search(text):
            # long-term memory given to a language model, with no agent, dialogue or user in sight, is a
            # memory-augmented model
            topic = _MEMORY_MODELS
        techniques = []

    mentions: list[LinkedMention] = []
    evidence: dict[str, tuple[int, float]] = {}
    for t in techniques:
        sc = tech_scores[t]
        evidence[t] = (sc.best[1], _conf(sc.total))
    if topic:
        sc2 = topic_scores.get(topic)
        evidence[topic] = (sc2.best[1], _conf(sc2.total)) if sc2 else (0, 0.5)

    def mention(txt: str, s: int, e: int, label: NodeLabel, eid: str | None, reason: str | None = None,
                conf: float = 1.0, via: str = "lexicon", props: dict[str, PropValue] | None = None) -> None:
        if text[s:e] != txt:  # a normalised name: point at where it is written, or at the span as given
            at = text.find(txt, max(0, s - 80))
            if at < 0:
                at = text.find(txt)
            s, e = (at, at + len(txt)) if at >= 0 else (s, e)
            txt = text[s:e]
        si = _sentence_index(starts, s)
        if props or type(conf) is not float or not 0.0 <= conf <= 1.0:
            mentions.append(LinkedMention(text=txt, start=s, end=e, sentence=si, label=label, entity_id=eid,
                                          reason=reason, confidence=conf, via=via, props=props or {}))
        else:  # (values already of their field's type, nothing to check or convert: ~9k records per pass)
            mentions.append(_unvalidated(LinkedMention, {
                "text": txt, "start": s, "end": e, "sentence": si, "label": label, "entity_id": eid,
                "reason": reason, "confidence": conf, "via": via, "props": {}}))

    chosen = set(techniques)
    for h in of_kind["technique"]:
        if not in_scope:
            mention(h.text, h.start, h.end, NodeLabel.TECHNIQUE, None, "out-of-scope-paper", h.weight)
        elif h.target in chosen or h.weight >= 0.6:
            mention(h.text, h.start, h.end, NodeLabel.TECHNIQUE, h.target, None, h.weight)
        else:
            mention(h.text, h.start, h.end, NodeLabel.TECHNIQUE, None, "weak-evidence", h.weight)

    # -- proposed methods
    method_ids = {}
    for fm in methods_found:
        mid = "method/" + slug(fm.name)
        method_ids[mid] = fm
    method_names = {slug(fm.name) for fm in methods_found}

    # -- models
    models: dict[str, mdl.ModelName] = {}
    model_sent: dict[str, int] = {}
    model_sents: dict[str, set[int]] = defaultdict(set)  # every sentence that names the model
    # the long form of a proposed method's acronym ("Efficient Vision Mamba (EfficientViM)") names the method
    method_keys = {slug(f.name) for f in methods_found}
    method_spans = [(a.start, a.end) for a in acronyms if slug(a.short) in method_keys]
    method_longs = [a.long for a in acronyms if slug(a.short) in method_keys]
    models_found += _released_models(text, sentences, methods_found, models_found)
    for m in sorted(models_found, key=lambda x: x.start):
        si = _sentence_index(starts, m.start)
        if any(s <= m.start < e for s, e in method_spans) or _inside_long_form(text, m.start, m.end, method_longs):
            mention(m.text, m.start, m.end, NodeLabel.MODEL, None, "part-of-method-name", 0.3, "grammar")
            continue
        if m.bare and m.stem in mdl.STEM_KEYS and not mdl.stem(m.stem).bare:
            mention(m.text, m.start, m.end, NodeLabel.MODEL, None, "bare-name-ambiguous", 0.3, "grammar")
            continue
        if m.bare and slug(m.text) in method_names and not _released_as_model(text, m.text):
            mention(m.text, m.start, m.end, NodeLabel.MODEL, None, "is-proposed-method", 0.5, "grammar")
            continue
        if _acronym_conflict(m.text, acronyms):
            mention(m.text, m.start, m.end, NodeLabel.MODEL, None, "acronym-defined-otherwise", 0.3, "grammar")
            continue
        mid = m.id
        models.setdefault(mid, m)
        model_sent.setdefault(mid, si)
        model_sents[mid].add(si)
        mention(m.text, m.start, m.end, NodeLabel.MODEL, mid, None, 0.9, "grammar", m.props())  # type: ignore[arg-type]
    # a model named only where the paper recalls the field's history ("since the breakthrough of AlexNet in
    # 2012") is where the field started, not a model the paper evaluates
    for mid in [k for k, ss in model_sents.items() if 0 not in ss and k in models]:
        if all(_HISTORY.search(sentences[i].text) for i in model_sents[mid]):
            del models[mid]
    # a family-level mention is dropped when a member of the family is named too; a version-level
    # one when a sized model of that version is named ("Llama 2" + "Llama-2-7B")
    firsts = _firsts_beside_next(text, models_found)
    for mid in list(models):
        m = models[mid]
        if m.size or m.first_version or mid in firsts:
            continue
        for o in models.values():
            if o.id == mid:
                continue
            same = o.stem == m.stem and not m.variant
            if (same and ((not m.version and (o.version or o.size)) or (m.version and o.version == m.version and o.size))) \
                    or (o.size and o.id.startswith(mid + "-")):
                del models[mid]
                break

    # -- hardware
    devices: dict[str, hw.Device] = {}
    for d in devices_found:
        devices.setdefault(d.id, d)
        props: dict[str, PropValue] = {}
        if d.count:
            props["count"] = d.count
        if d.memory_gb:
            props["memory_gb"] = d.memory_gb
        mention(d.text, d.start, d.end, NodeLabel.HARDWARE, d.id, None, 0.9, "grammar", props)

    background = frozenset(s.index for s in sentences if _PRIOR_WORK.search(s.text))
    hwclasses = _hardware_classes(text, starts, of_kind["hwclass"], list(devices.values()), techniques, mention, background)

    # -- datasets
    datasets: dict[str, tuple[int, float]] = {}
    n_datasets = len({h.target for h in of_kind["dataset"]})
    for h in of_kind["dataset"]:
        si = _sentence_index(starts, h.start)
        if h.target in AMBIGUOUS_DATASETS and n_datasets < 2 and not _data_context(text, h):
            mention(h.text, h.start, h.end, NodeLabel.DATASET, None, "ambiguous-no-context", 0.3)
            continue
        if slug(h.text) in method_names and not _BENCHMARK.search(sentences[si].text):
            # the paper's own method named like a dataset ("Kinetics"): a method, unless it is a benchmark
            mention(h.text, h.start, h.end, NodeLabel.DATASET, None, "is-proposed-method", 0.3)
            continue
        datasets.setdefault(h.target, (si, 0.8))
        mention(h.text, h.start, h.end, NodeLabel.DATASET, h.target, None, 0.8)
    # coined names the catalog does not know, read from their context ("the HKUST dataset",
    # "Aishell-1 and HKUST": beside a known dataset)
    # (an acronym the abstract defines for a task names no data: "Video Instance Segmentation (VIS)" ... "VIS datasets")
    tasks = {slug(a.short) for a in acronyms if _TASK_LONG.search(a.long)}
    for did, ds_text, ds_start in _unknown_datasets(text, of_kind, datasets, known | method_names | tasks):
        si = _sentence_index(starts, ds_start)
        datasets.setdefault(did, (si, 0.7))
        mention(ds_text, ds_start, ds_start + len(ds_text), NodeLabel.DATASET, did, None, 0.7, "context")
    # an acronym the abstract defines for an evaluation or a benchmark names one ("psychological counselling
    # evaluation (CPsyCounE)"), whether the paper uses it or introduces it
    for a in acronyms:
        key = slug(a.short)
        if len(a.short) >= 4 and _DATA_LONG.search(a.long) and key not in known and key.upper() not in _CLASS_ACRONYMS \
                and not in_url(a.start):
            did = "dataset/" + key
            if did not in datasets:
                datasets[did] = (a.sentence, 0.7)
                at = text.find(a.short, a.start, a.end + 1)
                at = at if at >= 0 else a.start
                mention(a.short, at, at + len(a.short), NodeLabel.DATASET, did, None, 0.7, "acronym")
    # a generic name is dropped when a specific split is named too ("Kinetics" + "Kinetics-600"), not when the
    # other is a dataset of its own (ImageNet-21k, ImageNet-C, MMLU-Pro, HumanEval+ beside the original)
    for did in list(datasets):
        if any(o != did and o.startswith(did + "-") and _SPLIT_SUFFIX.fullmatch(o, len(did) + 1)
               and o not in _NOT_SPLITS for o in datasets):
            del datasets[did]
    # a benchmark or dataset the paper introduces is a dataset too
    named_data_ends = {h.end for h in of_kind["dataset"]}
    for fm in methods_found:
        sent = sentences[fm.sentence].text
        window = sent[: sent.find(fm.name) + len(fm.name) + 80] if fm.name in sent else sent
        if _KIND_BEFORE_NAME.search(text, max(0, fm.start - 40), fm.start):
            continue  # "along with the benchmark, we release a baseline, FooBERT": set out as a method
        if _own_benchmark_word(window, sentences[fm.sentence].start, named_data_ends) \
                or (fm.from_title and _BENCHMARK.search(sentences[0].text)):
            did = "dataset/" + slug(fm.name)
            datasets.setdefault(did, (fm.sentence, 0.7))

    # -- memory components the paper's method reduces
    memory = _memory_components(techniques, of_kind["memory"], starts, sentences, text, method_sents,
                                tuple(fm.name for fm in methods_found)) if in_scope else {}

    # -- methods and components as mentions
    components = find_components(
        text, sentences, acronyms, methods_found,
        generic_shorts=frozenset(h.text for h in of_kind["generic"]),
        linked_shorts=frozenset(a.short for a in acronyms if a.entity_id),
        known=frozenset(known), class_terms=_class_terms(),
    )
    proposed: list[ProposedMethod] = []
    comp_ids = tuple(sorted({"method/" + slug(c[0]) for c in components}))
    for mid, fm in method_ids.items():
        proposed.append(ProposedMethod(id=mid, name=fm.name, start=fm.start, end=fm.end, sentence=fm.sentence,
                                       techniques=tuple(techniques), components=comp_ids if fm is methods_found[0] else (),
                                       confidence=fm.confidence))
        mention(fm.name, fm.start, fm.end, NodeLabel.METHOD, mid, None, fm.confidence, "method")
    for name, start, si in components:
        mention(name, start, start + len(name), NodeLabel.METHOD, "method/" + slug(name), None, 0.6, "component")
    # well-known methods the paper names (baselines, building blocks): for the relation extractors
    own = set(method_ids) | set(comp_ids)
    for h in of_kind["method"]:
        if h.target not in own:
            mention(h.text, h.start, h.end, NodeLabel.METHOD, h.target, None, 0.8, "known-method")

    if not in_scope:
        for h in of_kind["topic"]:
            if h.target == topic:
                mention(h.text, h.start, h.end, NodeLabel.TOPIC, topic, None, h.weight)

    for mid in models:
        evidence.setdefault(mid, (model_sent.get(mid, 0), 0.85))

    # (a label is a StrEnum: it sorts as its value does)
    mentions.sort(key=attrgetter("start", "end", "label"))
    doc = LinkedDoc(
        paper=paper,
        sentences=sentences,
        acronyms=acronyms,
        mentions=tuple(mentions),
        methods=tuple(proposed),
        techniques=tuple(techniques),
        in_scope=in_scope,
        topic=topic,
    )
    return Linked(
        doc=doc,
        technique_scores={t: round(s.total, 3) for t, s in tech_scores.items()},
        topic_scores={t: round(s.total, 3) for t, s in topic_scores.items()},
        evidence=evidence,
        models=models,
        devices=devices,
        hwclasses=hwclasses,
        datasets=datasets,
        memory=memory,
        components=components,
    )


# a sentence about the field's past: a year it happened in, "historically", a breakthrough
_HISTORY = re.compile(r"\b(?:[Ss]ince|[Ii]n) (?:19|20)\d\d\b|^Historically\b|\bbreakthrough\b")
# a sentence about what earlier work does ("existing light models ... optimized for GPUs")
_PRIOR_WORK = re.compile(r"^(?:However,?\s+|While\s+|But\s+|Yet\s+|Unfortunately,?\s+)?(?:most\s+|many\s+)?"
                         r"(?:existing|prior|previous|conventional|traditional|current)\b", re.I)

# a hardware word in these contexts is a comparison or a cost unit, not what the paper runs on
# (these two are asked of the text before every hardware mention: gated by the words their matches hold, most
# such windows lack them all, see text.Gated)
_HW_NEG_BEFORE = Gated.auto(re.compile(
    r"(?:than|over|against|versus|vs\.?|compared (?:to|with)|relative to|outperform\w*|beats?|surpass\w*)\s+"
    r"(?:[\w().,-]+\s+){0,4}$", re.I))
# the later items of a list of what the paper is compared with ("savings over A3, MNNFast, a TITAN Xp GPU and a Xeon CPU")
_HW_NEG_LIST = Gated.auto(re.compile(
    r"\b(?:than|over|against|versus|vs\.?|compared (?:to|with)|relative to)\s+(?:[\w().-]+\s+){0,3}?"
    r"(?:[\w().-]+,\s+(?:and\s+|or\s+)?(?:[\w().-]+\s+){0,3}?)+(?:and\s+|or\s+)?(?:[\w().-]+\s+){0,3}$", re.I))
_HW_NEG_AFTER = re.compile(r"^[\s-]*(?:baselines?|hours|days|hrs|minutes|mins)\b", re.I)
# "10GB per GPU", "throughput per-device": a unit the cost is counted in
_HW_PER_BEFORE = re.compile(r"\bper[\s-]$", re.I)
# "on-device latency", "on-device speed": a metric, named by where it is measured, of no device in particular
_ON_DEVICE_METRIC = re.compile(r"[\s-]+(?:latency|latencies|speed|runtime|run-time|inference\s+time|energy|throughput)\b", re.I)
_HW_SETTING_BEFORE = re.compile(r"\s(?:on|in)\s+(?:an?\s+|the\s+|a\s+single\s+)?$", re.I)
_HW_WEAK_AFTER = re.compile(r"^[\s-]*(?:memory|VRAM|RAM)\b", re.I)
_TECH_HWCLASS = {
    "technique/asic-acceleration": "hwclass/asic",
    "technique/fpga-acceleration": "hwclass/fpga",
    "technique/processing-in-memory": "hwclass/pim",
    "technique/tinyml": "hwclass/mcu",
    "technique/storage-offloading": "hwclass/storage",
}
_TECH_HWCLASS_OF = {c: t for t, c in _TECH_HWCLASS.items()}
_DEPLOY_CLASSES = ("hwclass/edge-device", "hwclass/phone")
_DEPLOY_WISH = re.compile(r"^(?:However|Nevertheless|Yet|But)\b|"
                          r"\b(?:hinder(?:s|ed)?|limits?|challenging|impractical|prohibitive)\b|"
                          r"\b(?:fac|pos)(?:e[sd]?|ing)\s+(?:\w+\s+){0,2}challenges\b|"
                          r"\b(?:can|may|is|are)\s+(?:be\s+)?(?:\w+\s+)?(?:expensive|costly|slow)\b|"
                          r"\b(?:is|are|becomes?)\s+(?:\w+\s+)?(?:crucial|essential|critical|vital|indispensable)\b|"
                          r"\b(?:we\sbelieve|handy|practical\svalues?|could\s(?:help|benefit|enable)|potential\sfor|"
                          r"promising\scandidate|viability|pave\sthe\sway)\b", re.I)
_BUILT_FOR = re.compile(r"\bfor\s+(?:[\w-]+\s+){0,4}[\w-]*$", re.I)
_PRESENTS = re.compile(r"\b[Ww]e\s+(?:propose|present|introduce|develop|design)\b")
HWCLASS_MIN = 1.0
HW_PLAIN = 0.6
HW_STRONG = 1.2
# (a list after "on"/"across"/"using" holds what the paper runs on: "on GPU, mobile GPU and ARM CPU")
_HW_STRONG_BEFORE = re.compile(r"\b(?:on|onto|into|aboard|using|to|for|across|with|in|between)\s+(?:[\w-]+\s+){0,3}$|"
                               r"\b(?:on|across|using)\s+(?:[\w-]+,?\s+){1,3}(?:and|or)\s+(?:[\w-]+\s+){0,2}$", re.I)
_HW_STRONG_AFTER = re.compile(r"^[\s-]*(?:kernels?|implementations?|deployment|execution|platforms?|hardware|chips?|"
                              r"boards?|devices?)\b", re.I)
_ACCEL_WORDS = re.compile(r"accelerator", re.I)
_ACCEL_CLASSES = ("hwclass/fpga", "hwclass/asic", "hwclass/pim")
# chip area and synthesis results are measured on a circuit of one's own: an ASIC design, unless it is
# an FPGA or processing-in-memory one
# (gated by the words every match holds: most papers hold none, and the paper's whole text is searched)
_CIRCUIT_COST = Gated(re.compile(r"\b(?:chip|silicon|die)\s+area\b|\barea\s+(?:and\s+(?:power|energy)|overhead|efficiency)\b|"
                                 r"\b(?:hardware|logic|RTL)\s+synthesis\b|\bsynthesis\s+results\b|\bpost-layout\b|"
                                 r"\btape-?out\b|\bmm(?:\^?2|\u00b2)", re.I), ("area", "synthesis", "layout", "tape", "mm"))
_NOT_ASIC_DESIGN = ("hwclass/fpga", "hwclass/pim")
# a named device given as an example ("laptop chips (e.g., an Apple M3)", "recent AI chips, such as NVIDIA's
# Hopper") illustrates a kind of hardware; it is a setting only where the kind is ("on commodity boards such as")
_HW_EXAMPLE_BEFORE = re.compile(r"(?:\be\.g\.|\bfor (?:example|instance)|\bsuch as)[,:]?\s+(?:(?:the|an?)\s+)?"
                                r"(?:[\w'\u2019.-]+,?\s+(?:and\s+|or\s+)?){0,3}$", re.I)
_HW_EXAMPLE_HEAD = re.compile(r"\b(?:on|onto|to|for|across|using|with|in)\s+(?:[\w-]+\s+){0,3}[\w-]+,?\s*\(?$", re.I)
# a class word that opens a parenthesised example ("a small fast memory (e.g. GPU shared memory)") illustrates another
# notion (a memory tier, a kind of setting); it is a passing mention, even for an IO-aware kernel
_HW_EXAMPLE_OPENS = re.compile(r"\((?:e\.g\.|for example|for instance)[,:]?\s*$", re.I)
# the clause that sets out what another method lacks ("early exits skip layers per input, but they break
# batched decoding on GPUs"): the device is where that method falls short, not where the paper runs
_HW_OTHERS_SHORTFALL = re.compile(r"(?:,\s*but|,\s*yet)\s+(?:it|they|this|these|such|those)\b[^.;]{0,120}$", re.I)
_HW_OWN_SENTENCE = re.compile(r"(?:[A-Z]\w*,\s+)?(?:[Ww]e|[Oo]ur|[Tt]his (?:paper|work))\b")  # (.match at a sentence start)
_HW_QUALIFIED_BEFORE = re.compile(r"\b(?:desktop|consumer(?:-grade)?|low-end|commodity|single|one)[\s-]*$", re.I)
_HW_QUALIFIED_SPAN = re.compile(r"(?:desktop|consumer)\b", re.I)


def _device_as_example(text: str, start: int) -> bool:
    """Is the device at ``start`` an example of a kind of hardware, a kind not set out as where the work runs?

    >>> t = "Recent AI chips, such as NVIDIA's Hopper, use FP8."
    >>> _device_as_example(t, t.index("Hopper")), _device_as_example("We run on boards such as a Jetson Nano.", 30)
    (True, False)
    """
    m = _HW_EXAMPLE_BEFORE.search(text, max(0, start - 60), start)
    return m is not None and not _HW_EXAMPLE_HEAD.search(text, max(0, m.start() - 50), m.start())


def _hardware_classes(
    text: str, starts: list[int], hits: Sequence[Hit], devices: Sequence[hw.Device], techniques: Sequence[str],
    mention: Any, background: frozenset[int] = frozenset(),
) -> dict[str, tuple[int, float, str]]:
    """Hardware classes the paper runs on or targets, weighed by the context of each mention."""
    weight: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    count: dict[str, int] = {}
    said_in: dict[str, set[int]] = defaultdict(set)  # the sentences that name a class in words
    as_example: dict[str, float] = defaultdict(float)  # the weight of class words that open an example

    accel_paper = any(t in _TECH_HWCLASS and t != "technique/storage-offloading" for t in techniques)
    title_end = starts[1] if len(starts) > 1 else len(text)

    def others_shortfall(start: int) -> bool:
        si = _sentence_index(starts, start)
        return bool(_HW_OTHERS_SHORTFALL.search(text, max(starts[si], start - 140), start)) \
            and not _HW_OWN_SENTENCE.match(text, starts[si])

    def context_weight(start: int, end: int) -> float:
        before = text[max(0, start - 60) : start]
        after = text[end : end + 16]
        # (a comparison made on a device names where it runs: "4x faster than naive loading on CPU")
        if (_HW_NEG_BEFORE.found_slice(text, max(0, start - 60), start) and not _HW_SETTING_BEFORE.search(before)) \
                or _HW_NEG_AFTER.match(after) or _HW_NEG_LIST.found_slice(text, max(0, start - 160), start) \
                or _HW_PER_BEFORE.search(before) \
                or (text[start:end].lower() == "on-device" and _ON_DEVICE_METRIC.match(text, end)):
            return 0.0
        # what prior work or the field runs on ("optimized for high-performance GPUs") is not the paper's target
        if _sentence_index(starts, start) in background or others_shortfall(start):
            return HW_PLAIN * 0.5
        if _HW_WEAK_AFTER.match(after):
            return HW_PLAIN * 0.8
        # "desktop GPUs", "a single GPU", "consumer-grade GPUs": the class the paper fits its model on
        if _HW_QUALIFIED_BEFORE.search(before[-25:]) or _HW_QUALIFIED_SPAN.match(text, start, end):
            return HW_STRONG
        if start < title_end or _HW_STRONG_BEFORE.search(before[-40:]) or _HW_STRONG_AFTER.match(after):
            return HW_STRONG
        return HW_PLAIN

    for d in devices:
        cw = context_weight(d.start, d.end)
        w = cw if _sentence_index(starts, d.start) in background or _device_as_example(text, d.start) \
            or others_shortfall(d.start) else max(cw, HW_STRONG if cw else 0.0)
        if accel_paper and d.hwclass in ("hwclass/gpu", "hwclass/cpu"):
            w *= 0.4  # an accelerator paper names GPUs and CPUs as what it is measured against
        weight[d.hwclass] += w
        first.setdefault(d.hwclass, _sentence_index(starts, d.start))
        if d.count and w:
            count[d.hwclass] = max(count.get(d.hwclass, 0), d.count)
    for h in hits:
        if h.kind != "hwclass":
            continue
        w = context_weight(h.start, h.end) * h.weight
        # the device class the sentence presenting the contribution builds it for ("we propose FedTiny, a
        # framework that yields tiny models for memory- and computing-constrained devices") is the target
        if 0.0 < w < HWCLASS_MIN and h.target in _DEPLOY_CLASSES and _BUILT_FOR.search(text, max(0, h.start - 50), h.start):
            si = _sentence_index(starts, h.start)
            if _PRESENTS.search(text, starts[si], h.start):
                w = HWCLASS_MIN
        if accel_paper and h.target in ("hwclass/gpu", "hwclass/cpu"):
            w *= 0.4
        if h.target == "hwclass/asic" and _ACCEL_WORDS.search(h.text) and (any(
                t in techniques for t in ("technique/fpga-acceleration", "technique/processing-in-memory"))
                or (rx(r"(?i)hardware\s").match(h.text) and "technique/asic-acceleration" not in techniques)):
            # the FPGA or PIM design is the accelerator; "hardware accelerators" alone (GPUs, TPUs) names
            # an ASIC only where the paper designs one
            w = 0.0
        if w and _HW_EXAMPLE_OPENS.search(text, max(0, h.start - 16), h.start):
            w = min(w, HW_PLAIN * 0.5)
            as_example[h.target] += w
        weight[h.target] += w
        first.setdefault(h.target, _sentence_index(starts, h.start))
        if w:
            said_in[h.target].add(_sentence_index(starts, h.start))
        m = rx(r"(\d{1,3}(?:,\d{3})*|\d+)\s?(?:[x×]\s?)?$").search(text[max(0, h.start - 12) : h.start])
        if m and w:
            count[h.target] = max(count.get(h.target, 0), int(m.group(1).replace(",", "")))
        ok = w > 0
        mention(h.text, h.start, h.end, NodeLabel.HARDWARE_CLASS, h.target if ok else None,
                None if ok else "comparison-or-cost-unit", 0.7 if ok else 0.3, "lexicon")
    # a design the text itself puts on an FPGA, an ASIC or in memory ("the engine is built on an Alveo U280
    # board") is an accelerator paper too, where no technique class says so (one outside the field): its
    # GPUs and CPUs are the host and the baselines, as above
    if not accel_paper and any(weight.get(c, 0.0) >= HWCLASS_MIN for c in _ACCEL_CLASSES):
        for c in ("hwclass/gpu", "hwclass/cpu"):
            if c in weight:
                weight[c] *= 0.4
    # a device class named only in sentences that state the problem of deploying there or hope the result
    # helps there ("hinder deployment, especially on resource-constrained devices", "poses challenges for
    # deployment on edge devices" ... "its potential for memory-constrained devices") is where the field wants
    # to go, not what the paper targets
    for dc in _DEPLOY_CLASSES:
        sents = said_in.get(dc, set())
        if sents and not any(d.hwclass == dc for d in devices) and all(
                _DEPLOY_WISH.search(text, starts[si], starts[si + 1] if si + 1 < len(starts) else len(text))
                for si in sents):
            weight[dc] = 0.0
    # an IO-aware kernel is written for the GPU's memory hierarchy: a GPU named at all ("GPU-optimized
    # algorithms", "reduce GPU memory IO") is the class it runs on
    # (named other than as an example: "a small fast memory (e.g. GPU shared memory)" in a proof is no kernel's GPU)
    if _IO_AWARE in techniques and 1e-9 < weight.get("hwclass/gpu", 0.0) - as_example["hwclass/gpu"] \
            and weight.get("hwclass/gpu", 0.0) < HWCLASS_MIN:
        weight["hwclass/gpu"] = HWCLASS_MIN
    if _CIRCUIT_COST.found(text) and not any(
            weight.get(c, 0.0) >= HWCLASS_MIN or _TECH_HWCLASS_OF.get(c) in techniques for c in _NOT_ASIC_DESIGN):
        weight["hwclass/asic"] = max(weight.get("hwclass/asic", 0.0), HWCLASS_MIN)
        first.setdefault("hwclass/asic", 0)
    for t in techniques:
        cls = _TECH_HWCLASS.get(t)
        # an ultra-low-power platform the text calls an edge device (a nano-drone) is not a microcontroller
        # unless it says so
        if cls == "hwclass/mcu" and not weight.get(cls) and weight.get("hwclass/edge-device", 0.0) >= HWCLASS_MIN:
            continue
        if cls:
            weight[cls] += HWCLASS_MIN
            first.setdefault(cls, 0)
    out: dict[str, tuple[int, float, str]] = {}
    for cls, w in weight.items():
        if w >= HWCLASS_MIN:
            out[cls] = (first.get(cls, 0), round(min(0.95, 0.5 + 0.15 * w), 3), str(count[cls]) if cls in count else "")
    return out


# surface forms with another frequent meaning, kept only when the paper shows the intended one
_NEEDS_CONTEXT: dict[str, re.Pattern[str]] = {
    "SSD": re.compile(r"\b(?:storage|offload\w*|NVMe|disk|flash|I/O|drive)\b", re.I),
    "SSDs": re.compile(r"\b(?:storage|offload\w*|NVMe|disk|flash|I/O|drive)\b", re.I),
    "disk": re.compile(r"\b(?:stor\w*|offload\w*|NVMe|SSD|I/O|swap\w*)\b", re.I),
}


_COINED_SPARSE_ATTENTION = Gated(re.compile(r"\b[A-Z][a-z]+Sparse[\s-]+(?:self-)?attention\b"), ("sparse",))


# a name glued to another by a hyphen is part of a different name: "N-MNIST" is not MNIST,
# "Samba-CoE" (a composition of experts) is not the Samba hybrid model
_GLUED_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Za-z0-9]{0,2}-$")
_GLUED_AFTER = re.compile(r"-[A-Z][A-Za-z]*[A-Z]")


# "distill" as an ordinary verb: "humans distill and retain salient information" is no model distillation
_DISTILL_PLAIN = re.compile(r"(?:\s+and\s+\w+)?\s+(?:the\s+)?(?:(?:salient|key|essential|relevant|important|useful|"
                            r"core|main)\s+)?(?:information|insights?|essence|lessons|principles|ideas)\b", re.I)
# "cross-layer" naming something other than shared keys and values: "cross-layer context embeddings"
_CROSS_LAYER_OTHER = re.compile(r"\s+(?!(?:KV|key|keys|cache|caches|attention|sharing|shared|share|merging|"
                                r"compression|reuse)\b)[a-z]+", re.I)


# "lightweight" said of a step or a helper of the method, not of the network the paper designs: "lightweight
# training on 5B tokens", "a lightweight predictor", "lightweight student models" (a student is small by
# definition: that is distillation), "a lightweight redundancy metric"
_LIGHT = frozenset({"lightweight", "light-weight"})
_LIGHT_STEP = re.compile(r"\s+(?:[\w/-]+\s+){0,2}?(?:training|fine-?tuning|tuning|method|approach|strategy|procedure|"
                         r"process|phases?|steps?|metrics?|predictors?|routers?|adapters?|students?|deployment|library)\b",
                         re.I)


# a Composition of Experts (CoE) routes between whole models: not a sparse mixture-of-experts layer
_COMPOSITION_OF = re.compile(r"\bcomposition of\s+$", re.I)


# an FPGA that emulates or prototypes another processor is a test vehicle, not the deployment target
_FPGA_AS_EMULATOR = re.compile(r"[\s-]+(?:emulat\w*|prototyp\w*)", re.I)


@lru_cache(maxsize=65536)
def _context_free(surface: str, kind: str, tokens: int, weight: float) -> bool:
    """Does no test of :func:`_context_ok` concern a hit like this (most hits)? Then it is ok wherever it stands.

    >>> _context_free("KV cache", "cue", 2, 1.0), _context_free("distillation", "technique", 1, 1.0)
    (True, False)
    """
    low = surface.lower()
    return not (low.startswith(("fpga", "expert", "distill")) or (kind == "cue" and low == "cross-layer")
                or (kind == "technique" and low in _LIGHT)
                or kind == "dataset" or surface in _NEEDS_CONTEXT
                or (kind in ("technique", "technique2") and tokens == 1 and surface[:1].isupper() and weight < 1.0))


def _context_ok(text: str, h: Hit) -> bool:
    low = h.text.lower()
    if low.startswith("fpga") and _FPGA_AS_EMULATOR.match(text, h.end):
        return False
    if low.startswith("expert") and _COMPOSITION_OF.search(text, max(0, h.start - 16), h.start):
        return False
    if low.startswith("distill") and _DISTILL_PLAIN.match(text, h.end):
        return False
    if h.kind == "cue" and low == "cross-layer" and _CROSS_LAYER_OTHER.match(text, h.end):
        return False
    if h.kind == "technique" and low in _LIGHT and _LIGHT_STEP.match(text, h.end):
        return False
    if h.kind == "dataset" and _GLUED_BEFORE.search(text, max(0, h.start - 5), h.start):
        return False
    if h.kind in ("technique", "technique2") and h.tokens == 1 and h.text[:1].isupper() \
            and _GLUED_AFTER.match(text, h.end) and h.weight < 1.0:
        return False
    pat = _NEEDS_CONTEXT.get(h.text)
    return pat is None or bool(pat.search(text))


def _title_acronym(title: str) -> Acronym | None:
    """"MAMBA: Multi-level Aggregation via Memory Bank for ...": a title head spelled out by its subtitle.

    The head's letters must open the subtitle's words, so that the name keeps the subtitle's meaning
    rather than a lexicon reading of the name ("MAMBA" here is not the state-space model).
    """
    from loaders.mapping.methods import title_head

    head = title_head(title)
    m = rx(r"^(.{2,40}?)\s*:\s*(.+)$").match(title)
    if not head or not m or head != m.group(1).strip() or " " in head or not head[:1].isalpha():
        return None
    sub = m.group(2)
    caps = [c for c in head if c.isupper()]
    if len(caps) < 3:
        return None
    # walk the subtitle's words, matching the head's capitals to word (or hyphen-part) initials
    i = 0
    last = -1
    words = sub.split()
    for j, w in enumerate(words[:10]):
        if w.lower() in ("via", "for", "of", "and", "with", "the", "a", "an", "in", "on", "by", "to"):
            continue
        parts = [x for x in w.split("-") if x[:1].isalpha()]
        matched = False
        for part in parts:
            if i < len(caps) and part[0].upper() == caps[i]:
                i += 1
                matched = True
        if not matched:
            break
        last = j
    if i < max(3, int(0.75 * len(caps))) or last < 0:
        return None
    lf = " ".join(words[: last + 1]).rstrip(",;")
    return Acronym(short=head, long=lf, start=0, end=title.find(sub) + len(lf), sentence=0)


@lru_cache(maxsize=1)
def _class_terms() -> frozenset[str]:
    """Slugs of every spelling of a technique-class term: a class name is never a method's part."""
    from loaders.mapping.cues import TECHNIQUE_TERMS
    from loaders.mapping.lexicon import expand

    return frozenset(slug(x) for terms in TECHNIQUE_TERMS.values() for term, _ in terms for x in expand(term))


def _conf(score: float) -> float:
    """A confidence in [0.5, 0.99] that grows with the evidence score."""
    return round(min(0.99, 0.5 + 0.5 * (1 - math.exp(-score / 3))), 3)


# acronyms of technique classes: never a paper's method name
_CLASS_ACRONYMS = frozenset("PTQ QAT PEFT PETL PET NAS KD MOE MOES SSM SSMS PIM CIM MQA GQA MLA SWA LORA QLORA KV".split())
_CLASS_ACRONYM_SLUGS = frozenset(map(slug, _CLASS_ACRONYMS))  # (read by every paper: made once)

_URL = Gated(re.compile(r"https?://\S+|\b(?:github\.com|huggingface\.co|[\w-]+\.github\.io)/\S*"),
             ("http", "github.", "huggingface.co"))
# the same matches in a text without ".github.io/" (the one alternative no letter leads), grouped by first letter:
# the engine skips ahead to "h" and "g" instead of trying a word run at every word start
_URL_NO_PAGES = Gated(re.compile(r"h(?:ttps?://\S+|(?<!\w.)uggingface\.co/\S*)|g(?<!\w.)ithub\.com/\S*"), _URL._words or ())

# a name followed by a parameter count: "KOALA-700M", "Pangu-Ultra-MoE 718B", "Turing-NLG 17B"
_UNKNOWN_MODEL = re.compile(
    # (led by the capital, the word start checked after it: the engine skips ahead to capitals)
    r"([A-Z](?<![\w-].)[A-Za-z0-9]*(?:-[A-Za-z0-9][A-Za-z0-9.]*)*?)(-|\s)(\d+(?:\.\d+)?)([BM])(?![A-Za-z0-9])"
)
_SIZE_SUFFIX = re.compile(r"[BM](?<=\d[BM])(?![A-Za-z0-9])")  # (led by its letter: the search skips ahead to B and M)
_NOT_MODEL_WORDS = frozenset(
    """The This That These Our We A An Its In On For To With And Or By As At From Over Under About Only Up Each All
    Training Accelerate Using Over Scaling Fine-tuning Pretraining Inference Model Models Dense Sparse Total""".split()
)


def _unknown_models(text: str, known: Sequence[mdl.ModelName], in_url: Any) -> list[mdl.ModelName]:
    """Sized names the grammar does not know, made into models from the name as written, and the sizes a
    list or range gives a model named without one (:func:`_listed_sizes`)."""
    taken = [(m.start, m.end) for m in known]
    out: list[mdl.ModelName] = []
    if not _SIZE_SUFFIX.search(text) and not _SIZE_RANGE.may_match(text):
        return out  # (every match holds a digit right before its "B" or "M", or a range's "from")
    for m in _UNKNOWN_MODEL.finditer(text):
        name, sep = m.group(1), m.group(2)
        if any(s <= m.start() < e or s < m.end() <= e for s, e in taken) or in_url(m.start()):
            continue
        first = name.split("-")[0]
        if first in _NOT_MODEL_WORDS or len(name) < 2 or m.group(0) in _catalog_dataset_names():
            continue  # (a catalog data set named with a size: "SA-1B", "JFT-3B")
        # spaced sizes need a coined name ("Turing-NLG 17B"); "Training 7B" is English
        if sep == " " and not (name_like(first) or "-" in name):
            continue
        if (base := _tagged_base(text, m)) is not None:
            out.append(base)  # "CodeACT-DeepSeek-Coder-6.7B": the method's tag on a model the grammar knows
            continue
        size = f"{m.group(3)}{m.group(4).lower()}"
        key = slug(name)
        out.append(mdl.ModelName(
            stem=key, family=key.split("-")[0], arch=_coined_arch(key), parts=(size,), size=size,
            params=round(float(m.group(3)) * (1e9 if m.group(4) == "B" else 1e6), 0),
            start=m.start(), end=m.end(), text=m.group(0),
        ))
    out += _listed_sizes(text, known, in_url)
    return out


def _tagged_base(text: str, m: re.Match[str]) -> mdl.ModelName | None:
    """The known model after a coined tag and a hyphen in an unknown sized name ("CodeACT-DeepSeek-Coder-6.7B" is
    DeepSeek-Coder-6.7B tuned by CodeACT; the grammar reads no name that starts after a hyphen)."""
    name = m.group(1)
    at = name.find("-")
    while at > 0:
        if name_like(name[:at]):
            tail_start = m.start(1) + at + 1
            # (read on its own: in place, the hyphen before it keeps the grammar from starting a name there)
            base = next(mdl.find_models(text[tail_start : m.end()]), None)
            if base is not None and base.start == 0 and base.end == m.end() - tail_start and base.size:
                return dataclasses.replace(base, start=tail_start, end=m.end())
        at = name.find("-", at + 1)
    return None


# a list of two or more sizes, or a range, read as parameter counts: "at 0.5B, 1.5B, 3B, and 7B parameters",
# "60M, 130M and 1.1B parameter", "ranging from 3 to 34 billion parameters", "a family of 8B and 56B hybrid models"
_SIZE_ITEM = r"\d+(?:\.\d+)?\s?[BM](?:-[a-z]+)?(?![A-Za-z0-9])"
_SIZE_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s?/\s?)"
_SIZE_LIST = Gated(re.compile(rf"(?<![\w.]){_SIZE_ITEM}(?:{_SIZE_SEP}{_SIZE_ITEM})+"
                              r"(?=[\s-](?:total\s)?param(?:eter)?s?\b|\s(?:[A-Za-z][\w-]*\s){0,3}models\b)"),
                   ("param", "models"))
_SIZE_RANGE = Gated(re.compile(r"\bfrom\s+(\d+(?:\.\d+)?)\s?([BM]|billion|million)?\s+to\s+(\d+(?:\.\d+)?)\s?"
                               r"([BM]|billion|million)(?=[\s-]param(?:eter)?s?\b)"), ("from",))
_ONE_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s?([BM])(?:-([a-z]+))?")
_AFTER_SIZES = re.compile(r"[\s-](?:total\s)?param(?:eter)?s?\s+")
# one size set beside a name: "(Turing-NLG, 17B parameters)", "Foo (1.3B parameters)"
_SIZE_BESIDE = re.compile(r"(?:,\s*|\s?\(\s*)(\d+(?:\.\d+)?)\s?([BM])[\s-](?:total\s)?param(?:eter)?s?\b")


def _listed_sizes(text: str, known: Sequence[mdl.ModelName], in_url: Any) -> list[mdl.ModelName]:
    """One model per size of a size list or range, for the model named without a size right after the list
    ("60M, 130M, and 1.1B parameter Llama models") or, before it in the same sentence, the nearest
    ("Falcon-H1 is released ... at 0.5B, 1.5B, 3B, and 7B parameters"); and the one size set beside a name."""
    out: list[mdl.ModelName] = []
    if not known:
        return out
    for k in known:
        if not k.size and not in_url(k.start) and (bm := _SIZE_BESIDE.match(text, k.end)):
            out.append(_sized(k, bm.group(1), bm.group(2), None, bm.start(1), text))
    for lm in (*_SIZE_LIST.finditer(text), *_SIZE_RANGE.finditer(text)):
        if in_url(lm.start()) or any(k.start < lm.end() and lm.start() < k.end for k in known):
            continue  # (sizes inside a name the grammar read: "Qwen-2.5-7B/72B")
        after = _AFTER_SIZES.match(text, lm.end())
        owner = next((k for k in known if after and k.start == after.end()), None)
        if owner is None:
            # (the sentence's earlier models, the nearest first; a period followed by a space ends a sentence)
            stop = text.rfind(". ", 0, lm.start()) + 1
            before = [k for k in known if stop <= k.start and k.end <= lm.start()]
            owner = max(before, key=lambda k: k.start, default=None)
        if owner is None or owner.size or in_url(owner.start):
            continue
        sizes: list[tuple[str, str, str | None, int]]
        if lm.re is _SIZE_RANGE.pattern:
            unit = lm.group(4)[0].upper()
            sizes = [(lm.group(1), (lm.group(2) or unit)[0].upper(), None, lm.start(1)), (lm.group(3), unit, None, lm.start(3))]
        else:
            sizes = [(x.group(1), x.group(2), x.group(3), lm.start() + x.start()) for x in _ONE_SIZE.finditer(lm.group(0))]
        # (a size the text names elsewhere only as one line of the model is that model: "8B and 56B/47B" beside
        # "Nemotron-H-47B-Base"; a list that sets the line apart from the plain size keeps both: "1.5B, 1.5B-deep")
        lines = {(f"{num}{unit.lower()}", line) for num, unit, line, _ in sizes}
        named = {(k.size, k.variant) for k in known if k.stem == owner.stem and k.size and k.variant}
        out += [_sized(owner, num, unit, line, at, text) for num, unit, line, at in sizes
                if line or not any(sz == f"{num}{unit.lower()}" and (sz, v) not in lines for sz, v in named)]
    return out


def _sized(owner: mdl.ModelName, num: str, unit: str, line: str | None, at: int, text: str) -> mdl.ModelName:
    """``owner`` at the size ``num`` ``unit`` ("B" or "M") written at ``at``, with the line word after it ("1.5B-deep")."""
    size = f"{num}{unit.lower()}"
    return mdl.ModelName(
        stem=owner.stem, family=owner.family, arch=owner.arch, parts=(*owner.parts, size, *((line,) if line else ())),
        version=owner.version, size=size, variant="-".join(p for p in (owner.variant, line or "") if p),
        params=round(float(num) * (1e9 if unit == "B" else 1e6), 0), start=at, end=at + len(num) + 1,
        text=text[at : at + len(num) + 1],
    )


def _inside_long_form(text: str, start: int, end: int, longs: Sequence[str]) -> bool:
    """Whether text[start:end] lies inside a written-out long form of a proposed method's acronym.

    Only that occurrence is part of the name: elsewhere the same word is the model the method builds
    on ("Multi-scale Temporal Mamba" names the method, "adapt the Mamba architecture" names Mamba).

    >>> t = "We adapt Mamba and propose Temporal Mamba (TM)."
    >>> _inside_long_form(t, 9, 14, ["Temporal Mamba"]), _inside_long_form(t, 36, 41, ["Temporal Mamba"])
    (False, True)
    """
    for lf in longs:
        if not lf:
            continue
        pos = text.find(lf)
        while pos >= 0:
            if pos <= start and end <= pos + len(lf):
                return True
            pos = text.find(lf, pos + 1)
    return False


def _released_as_model(text: str, name: str) -> bool:
    """The paper's own method is a model it releases: "ModernBERT models exhibit ...", "the X model family"."""
    return bool(re.search(rf"(?<![\w-]){re.escape(name)}\s+(?:models|model family|family of models)\b", text))


_METRIC_NAME = re.compile(r"-(?:FID|score)$", re.I)
_MODEL_AS_METRIC = re.compile(r"(?:-FID\b|(?:,\s(?:and\s)?[A-Z][\w-]*)*,?\s(?:and\s[A-Z][\w-]*\s)?"
                              r"(?:scores?|metrics?)\b)")
_MODEL_AS_REFERENCE = re.compile(r"[\s-](?:level|class|style|like|scale)\b(?!\s+(?:of|and)\b)")
# coined names listed as the models or backbones a paper uses: "backbones (e.g., VSEinfty, CLIP4Clip and MDETR)",
# "models: Whisper, Seamless, OWSM, and Canary-1B" (the list also runs on from a model the grammar knows)
# (what r"\b(?:backbones?|models?|...)" finds, written so that the regex engine skips to the nouns' first
# letters instead of trying every position of the paper: see text.first_char_groups)
_MODEL_LIST_HEAD = Gated(re.compile(first_char_groups(["backbones?", "models?", "architectures?", "LLMs?", "networks?"],
                                                      word_start=True) +
                                    r"\s*(?:\(\s*|:\s*|,\s*)?(?:e\.g\.,?|such as|including|like|namely)?\s*(?=[A-Z])"),
                         ("backbone", "model", "architecture", "llm", "network"))
_LIST_NAME = re.compile(r"([A-Za-z][\w.+]*(?:-[\w.+]+)*)(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))?")


_VERSIONISH = re.compile(r"(?:v?\d+(?:\.\d+)*[bm]?|chat|instruct|base|large|small|tiny|xl|mini)*")


def _known_stem(key: str) -> bool:
    """A version or variant of a family the grammar knows ("QwenVL-Chat"), left to the grammar."""
    flat = key.replace("-", "")
    return any(flat.startswith(st.replace("-", "")) and _VERSIONISH.fullmatch(flat[len(st.replace("-", "")):])
               for st in mdl.STEM_KEYS if len(st) >= 3)


_CAPITALISED = re.compile(r"[A-Z][a-z]{3,}")
_NOT_MODEL_NAMES = frozenset("openai google meta microsoft nvidia anthropic deepmind alibaba huggingface pytorch "
                             "tensorflow jax cuda".split())


def _listed_models(text: str, known: Sequence[mdl.ModelName], in_url: Any,
                   field_words: set[str] | frozenset[str] = frozenset()) -> list[mdl.ModelName]:
    """Coined names (``name_like``) in a list of models or backbones, made into models from the name as written."""
    taken = {(m.start, m.end) for m in known}
    starts_known = {m.start: m for m in known}
    out: list[mdl.ModelName] = []
    seen: set[str] = {m.id for m in known}
    heads = [m.end() for m in _MODEL_LIST_HEAD.finditer(text) if "e.g" in m.group() or "such as" in m.group()
             or "including" in m.group() or "like" in m.group() or "namely" in m.group() or ":" in m.group()]
    for pos in heads:
        items: list[tuple[str, int]] = []
        n_known = 0
        while True:
            k = starts_known.get(pos)
            if k is not None:
                n_known += 1
                nxt = rx(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)").match(text, k.end)
                if not nxt:
                    break
                pos = nxt.end()
                continue
            m = _LIST_NAME.match(text, pos)
            if not m or not m.group(0).strip():
                break
            items.append((m.group(1), m.start(1)))
            if m.end(1) == m.end():
                break  # the list ends after this name
            pos = m.end()
        # (between two or more known models a capitalised word is a name too: "Whisper, Seamless, OWSM, and Canary-1B")
        coined = [(n, at) for n, at in items if (name_like(n) or (n_known >= 2 and _CAPITALISED.fullmatch(n)
                                                                   and n not in _DS_NOT_NAMES))
                  and n.upper() not in _CLASS_ACRONYMS]
        # every listed name must look coined (a list of plain words is prose), or the list holds known models
        if not coined or (len(coined) < len(items) and not n_known):
            continue
        for name, at in coined:
            key = slug(name)
            if len(key) < 3 or in_url(at) or any(s <= at < e for s, e in taken) or f"model/{key}" in seen \
                    or key in field_words or key.rstrip("s") in field_words or key in _NOT_MODEL_NAMES \
                    or _known_stem(key):
                continue  # a field word, an organisation, or a known family the grammar did not parse
            seen.add(f"model/{key}")
            # (bare: a proposed method of the same name is the method, see link())
            out.append(mdl.ModelName(stem=key, family=key.split("-")[0], arch=_coined_arch(key), start=at,
                                     end=at + len(name), text=name, bare=True))
    return out


def _coined_arch(key: str) -> str:
    """The architecture a model name the catalog lacks says it has (most coined names are transformers).

    >>> [_coined_arch(k) for k in ("quamba2-8b", "llamba-1b", "phi-tiny-moe", "vision-rwkv", "koala-1b", "samba-3.8b")]
    ['ssm', 'ssm', 'moe', 'rnn', 'transformer', 'hybrid']
    """
    words = key.split("-")
    said = "transformer"
    if any("mamba" in w or w.rstrip("0123456789").endswith("amba") for w in words):  # (Quamba2, Llamba)
        said = "ssm"
    elif any(w == "moe" or w.endswith("moe") for w in words):
        said = "moe"
    elif any("rwkv" in w or "lstm" in w or w.endswith("rnn") for w in words):
        said = "rnn"
    # a size or variant of a family the catalog knows keeps the family's architecture ("Samba-3.8B": a
    # hybrid), unless the family is a plain transformer and the name says more ("Phi-tiny-MoE")
    known = mdl.stem(words[0]).arch if words[0] in mdl.STEM_KEYS else "transformer"
    return said if known == "transformer" else known


# ("of up to": "models of up to 13B parameters"; "we scale Foo up to 3.8B parameters" is Foo's size)
_SIZE_BOUND_BEFORE = re.compile(
    r"\b(?:over|above|beyond|exceeding|of\s+up\s+to|at\s+least|at\s+most|than|under|below)\s+$", re.I)
_APPOSITIVE_SIZE = re.compile(
    r"(\d+(?:\.\d+)?)[\s-]?(billion|B|million|M)[\s-]?(?:total[\s-])?param(?:eter)?s?(?:\s+total)?", re.I
)


def _released_models(
    text: str, sentences: Sequence[Sentence], methods: Sequence[Any], found: Sequence[mdl.ModelName]
) -> list[mdl.ModelName]:
    """A proposed model with its size stated nearby: "X, a 560-billion-parameter MoE model"."""
    out = []
    # A method whose own name already reads as a sized model ("GLM-130B") keeps that size: giving it
    # the stated one again made "GLM-130B 130B".
    sized = {m.stem for m in found if m.size} | {slug(m.text) for m in found if m.size}
    for fm in methods:
        key = slug(fm.name)
        if key in sized or not fm.name[:1].isalpha():
            continue
        for s in sentences[1:]:
            pos = s.text.find(fm.name)
            if pos < 0 or not rx(r"\bmodels?\b").search(s.text):
                continue
            # (a bound is no model's size: "it trains models of over 100B parameters"; nor is the size of another
            # model named between: "... to create the largest model (Turing-NLG, 17B parameters)")
            sizes = [m for m in _APPOSITIVE_SIZE.finditer(s.text) if m.start() > pos
                     and not _SIZE_BOUND_BEFORE.search(s.text, max(0, m.start() - 16), m.start())
                     and not any(s.start + pos < o.start and o.end <= s.start + m.start() <= o.end + 20 for o in found)]
            total = [m for m in sizes if "total" in m.group(0).lower()]
            pick = total[0] if total else (sizes[0] if len(sizes) == 1 else None)
            if pick is None or pick.start() - pos > 120:
                continue
            unit = pick.group(2).lower()[0]
            size = f"{pick.group(1)}{unit}"
            out.append(mdl.ModelName(
                stem=key, family=key.split("-")[0], arch=_coined_arch(key), parts=(size,), size=size,
                params=round(float(pick.group(1)) * (1e9 if unit == "b" else 1e6), 0),
                start=s.start + pos, end=s.start + pos + len(fm.name), text=fm.name,
            ))
            break
        # a size letter on the method's own name is one of the models it releases ("our FooNet-S beats ...")
        # (the pattern needs the name and a hyphen: most names never have one after them, so no pattern is built)
        lettered = re.finditer(rf"(?<![\w-]){re.escape(fm.name)}{_LETTER_SIZED}", text) if fm.name + "-" in text else ()
        for lm in lettered:
            size = lm.group(1).lower()
            out.append(mdl.ModelName(stem=key, family=key.split("-")[0], arch=_coined_arch(key), parts=(size,),
                                     size=size, start=lm.start(), end=lm.end(), text=lm.group(0)))
    return out


_LETTER_SIZED = r"-(Ti|XXS|XS|XL|[SMLBT]|[sml])(?![\w-])"


_NOT_A_MODEL_LONG = re.compile(
    r"minimi[sz]ation|optimi[sz]ation|learning|loss|search|algorithm|method|score|metric|sampling", re.I)


def _acronym_conflict(surface: str, acronyms: Sequence[Acronym]) -> bool:
    """A model name that the abstract defines as an acronym of something else ("SAM (sharpness-aware ...)")."""
    for a in acronyms:
        if a.short == surface and (a.entity_id or _NOT_A_MODEL_LONG.search(a.long)):
            return True
    return False


_BENCHMARK = re.compile(r"\b(?:benchmark|dataset|data set|test suite|corpus|evaluation suite)s?\b", re.I)


def _own_benchmark_word(window: str, offset: int, named_data_ends: set[int]) -> bool:
    """Whether ``window`` (text from ``offset``) holds a benchmark word that is not the head of a named data
    set: "the ImageNet benchmark" is ImageNet, not a benchmark beside the method named in that sentence.

    >>> _own_benchmark_word("on the ImageNet benchmark our FooNet wins", 0, {15})
    False
    """
    return any(offset + m.start() - 1 not in named_data_ends and not _DATA_MODIFIER.match(window, m.end())
               for m in _BENCHMARK.finditer(window))


# a data word that modifies another noun speaks of data in general, not of a benchmark the paper releases
# ("how dataset properties impact ..., leading to FooAdam")
_DATA_MODIFIER = re.compile(r"\s+(?:properties|property|size|sizes|scale|quality|statistics|characteristics|"
                            r"distribution|distributions|diversity|bias|biases|composition)\b", re.I)


# long forms of acronyms that name a task, and those that name an evaluation or a body of data
_TASK_LONG = re.compile(r"\b(?:segmentation|detection|recognition|classification|generation|retrieval|estimation|"
                        r"tracking|translation|answering|summari[sz]ation|captioning|understanding)$", re.I)
_DATA_LONG = re.compile(r"\b(?:evaluation|benchmark|dataset|data set|corpus|test suite|testbed|leaderboard)$", re.I)
# a name set out as a kind of method, not data: "a strong baseline, FooBERT"
_KIND_BEFORE_NAME = re.compile(r"\b(?:baseline|method|approach|model|framework|system|algorithm|architecture|technique|"
                               r"tool|library|runtime|engine|compiler|pipeline|scheme)s?,\s*$", re.I)
_DATA_CONTEXT = re.compile(
    r"\b(?:dataset|datasets|benchmark|benchmarks|corpus|corpora|test set|split|suite|on|across|including)\b", re.I
)


_DS_TOKEN = r"(?:[A-Z]|[a-z](?=[A-Z]))[A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*!?"  # (also "iNAT-mini")
_DS_NOUNS = ("benchmark", "dataset", "data set", "corpus", "suite")
_DS_BEFORE_NOUN = Gated(re.compile(rf"(?<![\w-])((?:{_DS_TOKEN})(?:\s{_DS_TOKEN})?)\s+(?:benchmark|dataset|data set|corpus|suite)s?\b"),
                        _DS_NOUNS)


def _before_first_noun(text: str) -> int:
    """Where :data:`_DS_BEFORE_NOUN` can first match: a match ends with one of its nouns after white space and opens
    in one of the two runs of other characters before it, so none opens before the runs before the first such noun
    (the search starts there: the lookbehind still sees the text before it)."""
    first = len(text)
    for noun in _DS_NOUNS:
        at = text.find(noun, 1)
        while 0 < at < first and not text[at - 1].isspace():
            at = text.find(noun, at + 1)
        if 0 < at < first:
            first = at
    k = first
    for _ in range(2):
        while k > 0 and text[k - 1].isspace():
            k -= 1
        while k > 0 and not text[k - 1].isspace():
            k -= 1
    return k


_DS_AFTER_KNOWN = re.compile(rf"(?:\s+(?:datasets?|benchmarks?))?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s?/\s?)"
                             rf"({_DS_TOKEN})(?![\w-])")
# the item before a dataset in a list: "FGVC and VTAB-1k", "the N-MNIST and N-TIDIGITS datasets"
_DS_BEFORE_ITEM = re.compile(rf"(?<![\w-])({_DS_TOKEN})(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_DS_LIST_GOES_ON = re.compile(r"\s*(?:,|;|\)|\.(?:\s|$)|\b(?:and|or)\b|(?:datasets?|benchmarks?|corpora)\b|$)")
# (r"\b(?:datasets|data sets|benchmarks|corpora)..." written for the engine to skip ahead, as _MODEL_LIST_HEAD)
_DS_NOUN_LIST = Gated(re.compile(first_char_groups(["datasets", "data sets", "benchmarks", "corpora"], word_start=True) +
                                 r",?\s+(?:namely|including|such as|i\.e\.,?|e\.g\.,?)\s+"),
                      ("datasets", "data sets", "benchmarks", "corpora"))
_DS_NAME = re.compile(rf"{_DS_TOKEN}(?![\w-])")
_DS_OWN_BEFORE = re.compile(r"\b(?:our|new|novel|a|an)\s+$", re.I)
_DS_NAME_BEFORE = re.compile(r"[A-Z][\w-]*\s$")
_DS_NOT_NAMES = frozenset("""The This These Our Their Its A An New Novel Existing Several Extensive Many Multiple Standard
    Public Popular Large Small Real Two Three Four Five Six Seven Eight Nine Ten Both All Each Various Diverse Different
    Challenging Comprehensive Synthetic Open English Chinese Benchmark Dataset Experiments Results""".split())


def _unknown_datasets(
    text: str, of_kind: Mapping[str, Sequence[Hit]], linked: dict[str, tuple[int, float]], known: set[str]
) -> list[tuple[str, str, int]]:
    """``(dataset id, name, start)`` for coined dataset names the catalog lacks, from their context (``of_kind``:
    the paper's hits of each kind, in order)."""
    from loaders.mapping.methods import name_like

    # (the spans of four kinds' hits, read from their lists: not a pass over every hit of the paper)
    taken = [(h.start, h.end) for k in ("dataset", "technique", "generic", "hwclass") for h in of_kind.get(k, ())]
    out: dict[str, tuple[str, str, int]] = {}

    def consider(name: str, start: int) -> bool:
        words = name.split()
        coined = [w for w in words if name_like(w.rstrip("!")) or (any(c.isdigit() for c in w) and w[:1].isalpha())]
        if not words or words[0] in _DS_NOT_NAMES or not coined:
            return False
        key = slug(name)
        if len(key) < 3 or key in known or key.upper() in _CLASS_ACRONYMS or any(s <= start < e for s, e in taken):
            return False
        did = "dataset/" + key
        if did in linked or any(d.startswith(did + "-") or did.startswith(d + "-") for d in linked):
            return False
        out.setdefault(did, (did, name, start))
        return True

    def consider_before(pos: int) -> None:
        # walk back through a list that ends at ``pos`` while its items are coined names
        for _ in range(4):
            b = _DS_BEFORE_ITEM.search(text, max(0, pos - 40), pos)
            if not b or not consider(b.group(1), b.start(1)):
                return
            pos = b.start(1)

    for bm in _DS_BEFORE_NOUN.finditer(text, _before_first_noun(text)):
        before = text[max(0, bm.start() - 12) : bm.start()]
        if _DS_OWN_BEFORE.search(before) or _DS_NAME_BEFORE.search(before):
            continue  # the paper's own benchmark, or only the tail of a longer name ("Long Range Arena")
        if consider(bm.group(1), bm.start(1)):
            consider_before(bm.start(1))
    # names listed after a plural data noun: "on two public datasets, namely Aishell-1 and HKUST"
    for lm in _DS_NOUN_LIST.finditer(text):
        first = _DS_NAME.match(text, lm.end())
        if first is None or not consider(first.group(0), lm.end()):
            continue
        pos = first.end()
        while (m := _DS_AFTER_KNOWN.match(text, pos)) and _DS_LIST_GOES_ON.match(text, m.end()):
            if not consider(m.group(1), m.start(1)):
                break
            pos = m.end()
    for h in of_kind.get("dataset", ()):
        if h.target not in linked:
            continue
        if (sib := _slashed_sibling(text, h)) is not None and sib[0] not in linked:
            out.setdefault(sib[0], sib)
        consider_before(h.start)
        pos = h.end
        # a list goes on while its items are coined names followed by another separator or its end
        while (m := _DS_AFTER_KNOWN.match(text, pos)) and _DS_LIST_GOES_ON.match(text, m.end()):
            if not consider(m.group(1), m.start(1)):
                break
            pos = m.end()
    return list(out.values())


_SLASHED_NUMBER = re.compile(r"/(\d{2,4})(?![\w.])")


def _slashed_sibling(text: str, h: Hit) -> tuple[str, str, int] | None:
    """The catalog dataset a slash and a number after a numbered name give: "AIME24/25" also names AIME25."""
    m = _SLASHED_NUMBER.match(text, h.end)
    digits = rx(r"\d+$").search(h.text)
    if m is None or digits is None or len(digits.group()) != len(m.group(1)):
        return None
    name = h.text[: digits.start()] + m.group(1)
    did = _catalog_dataset_names().get(name)
    return (did, name, m.start(1)) if did else None


@lru_cache(maxsize=1)
def _catalog_dataset_names() -> dict[str, str]:
    """Every catalog spelling of a dataset, as written, with its id."""
    from loaders.mapping.catalog import DATASETS

    return {a: d.id for d in DATASETS for a in (d.name, *d.aliases)}


# "Mamba and Mamba-2", "LLaMA, LLaMA-2": the unnumbered first version set beside its numbered successor is that
# first version (which carries no number), not the family the successor also belongs to
_BESIDE = re.compile(r"\)?\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|vs\.?)\s+)")  # (")": "Segment Anything Model (SAM), SAM 2")


def _firsts_beside_next(text: str, found: Sequence[mdl.ModelName]) -> set[str]:
    """The ids named somewhere as a bare first version followed at once by a numbered version of their stem."""
    starts = {o.start: o for o in found if o.version}
    out = set()
    for m in found:
        if m.bare and m.stem in mdl.FIRST_UNNUMBERED and (b := _BESIDE.match(text, m.end)):
            o = starts.get(b.end())
            if o is not None and o.stem == m.stem:
                out.add(m.id)
    return out


def _data_context(text: str, h: Hit) -> bool:
    window = text[max(0, h.start - 40) : h.end + 40]
    return bool(_DATA_CONTEXT.search(window))


# technique -> memory components its methods reduce (README of the dev set: quantization,
# pruning and expert offloading -> weights; KV-cache methods -> KV cache; checkpointing,
# reversible layers, activation compression, IO-aware attention -> activations; low-memory
# optimizers and gradient projection -> optimizer states)
_TECH_MEMORY: dict[str, tuple[str, ...]] = {}
_WEIGHT_TECHS = tuple(f"technique/{t}" for t in (
    "quantization", "post-training-quantization", "quantization-aware-training", "weight-only-quantization",
    "weight-activation-quantization", "extreme-low-bit-quantization", "mixed-precision-quantization",
    "expert-quantization", "pruning", "unstructured-pruning", "structured-pruning", "semi-structured-sparsity",
    "expert-pruning", "expert-merging", "moe-compression", "expert-offloading", "storage-offloading", "low-rank-factorization"))
for _t in _WEIGHT_TECHS:
    _TECH_MEMORY[_t] = ("memory/weights",)
# distillation shrinks the weights only when the student is said to be smaller: a teacher's knowledge moved
# into a model of the same size ("adapt a large model", "align two students") saves no weight memory
_KD = "technique/knowledge-distillation"
_SMALLER_MODEL = re.compile(r"\b(?:reduc\w*|shrink\w*|compress\w*|cut\w*|halv\w*)\s+(?:\w+\s+){0,2}model\s+sizes?\b|"
                            r"\bmodel\s+size\s+(?:reduction|by)\b|\b\d+(?:\.\d+)?\s?[x\u00d7]\s+smaller\b|"
                            r"\bsmaller\s+(?:student\s+)?models?\b", re.I)
_KV_TECHS = tuple(f"technique/{t}" for t in (
    "kv-cache-compression", "kv-cache-eviction", "kv-cache-merging", "kv-cache-quantization",
    "cross-layer-kv-sharing", "kv-cache-low-rank", "kv-cache-offloading", "kv-cache-paging"))
for _t in _KV_TECHS:
    _TECH_MEMORY[_t] = ("memory/kv-cache",)
# multi-query, grouped-query and latent attention share or compress keys and values: the cache is what shrinks
_TECH_MEMORY["technique/shared-kv-attention"] = ("memory/kv-cache",)
for _t in ("activation-checkpointing", "reversible-layers", "activation-compression",
           "memory-efficient-transfer-learning", "io-aware-attention"):
    _TECH_MEMORY[f"technique/{_t}"] = ("memory/activations",)
# an IO-aware kernel saves activation memory only where the paper says memory is saved: many such papers are
# about speed, IO counts or a kernel for another operation ("reduce GPU memory IO" is traffic, not size)
_IO_AWARE = "technique/io-aware-attention"
# (after "memory": the traffic to memory, not the memory held)
_NOT_TRAFFIC = r"(?![- ](?:IO|I/O|access\w*|bandwidth|traffic|reads?|writes?|hierarch\w*)\b)"
_MEMORY_SAVED = Gated(re.compile(r"\bmemory[- ](?:savings?|efficien\w*|gains?|reductions?)\b|\blinear\s+(?:\w+\s+)?memory\b|"
                                 r"\b(?:reduc\w*|sav\w*|lower\w*|less|cuts?)\s+(?:\w+\s+){0,2}memory\b" + _NOT_TRAFFIC, re.I),
                      ("memory",))
for _t in ("optimizer-state-compression", "optimizer-state-quantization", "low-rank-gradient-projection"):
    _TECH_MEMORY[f"technique/{_t}"] = ("memory/optimizer-states",)
# recurrent and hybrid models keep a fixed-size state instead of a growing KV cache
_STATE_TECHS = tuple(f"technique/{t}" for t in ("linear-rnn", "hybrid-attention-ssm", "linear-attention"))
_SSM_TECHS = tuple(f"technique/{t}" for t in ("selective-ssm", "structured-ssm", "state-space-models"))
_CONSTANT_MEMORY = re.compile(r"\bconstant(?:[- ]\w+){0,2}[- ]memory\b|\bmemory (?:\w+ ){0,2}(?:stays|remains) constant\b|"
                              r"\bO\(1\) (?:memory|space)\b", re.I)
# quantization/pruning leaves that say the weights themselves are compressed
_FEWER_PARAMETERS = re.compile(r"\b(?:fewer|less|smaller\snumber\sof|half\sas\smany)\s(?:\w+\s)?parameters\b", re.I)
_LESS_MEMORY = re.compile(r"\b(?:(?:lower|less|smaller|reduced?s?|reducing|cuts?|saves?|saving)\s(?:\w+\s){0,2}"
                          r"memory(?:\s(?:footprint|usage|consumption|requirements?))?\b" + _NOT_TRAFFIC
                          + r"|megabytes?\sin\ssize\b)", re.I)
_MODEL_SIZE_CUT = Gated(re.compile(r"\b(?:reduc|shrink|cut|compress|decreas)\w*\s+(?:the\s+)?model(?:'s)?\s+sizes?\b|"
                                   r"\breduction\s+in\s+model\s+sizes?\b", re.I), ("model",))
# what the field has been doing ("In recent years, researchers have focused on reducing the model size")
_FIELD_AT_WORK = re.compile(r"\b(?:researchers|in recent years|the community)\b", re.I)
# feature maps or activations made smaller ("reducing the spatial sizes of feature maps, which reduces the memory")
_ACTS_SHRUNK = Gated(re.compile(r"\b(?:reduc|shrink|decreas|compress|minimi[sz])\w*\s+(?:[\w-]+\s+){0,5}?"
                                r"(?:feature\s+maps?|(?:intermediate\s+)?activations)\b(?!\s+(?:quantiz|precision|bit))", re.I),
                     ("feature", "activations"))
_WEIGHT_SPECIFIC = tuple(f"technique/{t}" for t in (
    "weight-only-quantization", "weight-activation-quantization", "post-training-quantization",
    "quantization-aware-training", "expert-quantization", "expert-pruning", "structured-pruning",
    "semi-structured-sparsity", "moe-compression"))
_REDUCE = re.compile(r"\b(?:reduc|sav|compress|cut|lower|shrink|decreas|minimi[sz]|elimin|avoid|constant|fewer|less|"
                     r"small(?:er|est)|mitigat|alleviat|fit)", re.I)
_STATE_MEMORY = re.compile(r"\bKV\b|\bcache\b|constant memory|memory[- ]efficient inference|fixed[- ]size|"
                           r"linear memory|memory footprint|memory requirements?|memory (?:usage|consumption)", re.I)
# what a model that keeps a KV cache does: decode, generate, infer over tokens
_DECODES = re.compile(r"\b(?:KV|cache|decod\w*|generat\w*|inference|autoregressive|language\s+models?|LLMs?)\b", re.I)
# a processor's cache ("hardware-internal cache sizes", "the L2 cache") is no KV cache
_HARDWARE_CACHE = re.compile(r"(?:hardware|internal|on-chip|L[123]|SRAM|CPU|GPU)[\s-]+$", re.I)


# a sentence that sets the limits of what came before ("However, these methods compress ... into a fixed-size state")
_CONTRAST_OPENER = re.compile(r"^(?:However|Unfortunately|Yet|But|Although|Despite)\b")


def _state_memory_said(sentences: Sequence[Sentence]) -> bool:
    """Does a sentence say what the fixed state saves, other than one setting out the limits of earlier methods?

    "a constant amount of memory during inference" is the saving in other words.
    """
    for s in sentences:
        if _CONTRAST_OPENER.match(s.text):
            continue
        if _CONSTANT_MEMORY.search(s.text):
            return True
        for m in _STATE_MEMORY.finditer(s.text):
            if not (m.group().lower() == "cache" and _HARDWARE_CACHE.search(s.text, max(0, m.start() - 20), m.start())):
                return True
    return False
_QUANT_ACTS = Gated(re.compile(r"\bquantiz\w*\s+(?:\w+\s+){0,4}(?:feature maps?|activations?)\b|"
                               r"\b(?:feature maps?|activations?)\s+(?:\w+\s+){0,2}(?:quantiz\w*|bit-?widths?)\b|"
                               r"\bbit-?widths? of (?:\w+\s+){0,2}(?:feature maps?|activations?)\b", re.I),
                    ("feature map", "activation"))
_WEIGHT_WORD = re.compile(r"\bweights?\b|\bW\d+A\d+", re.I)
_QUANT_TECHS = frozenset(t for t in _WEIGHT_TECHS if "quantization" in t)
_SURVEY = re.compile(r"\b(?:survey|review|overview)\b", re.I)
# surveys, benchmarks and comparative studies are about families, not one leaf
_BROAD = Gated.auto(re.compile(r"\b(?:survey|review|overview|benchmark(?:ing)?|(?:comparative|empirical|systematic|comprehensive) "
                               r"(?:study|analysis|evaluation)|an evaluation|analysis of)\b", re.I))


# a title whose subtitle calls the paper an analysis or a study ("...: A Theoretical Peak Performance Analysis")
_ANALYSIS_SUBTITLE = re.compile(r":\s*An?\s+(?:[\w-]+\s+){0,3}(?:analysis|study)\b", re.I)


# "gradient" as a modifier names something else ("gradient checkpointing", "the gradient-driven method");
# gradients that flow are not gradients stored
_GRADIENT_MEMORY = re.compile(r"memory", re.I)
_GRADIENT_MODIFIER = re.compile(r"[\s-]+(?!memory\b|and\b|or\b|during\b|in\b|of\b|for\b|are\b|is\b|low-rank\b|"
                                r"projection\b|compression\b)[a-z]+")
_GRADIENT_FLOW = re.compile(r"(?:backpropagat\w*|back-propagat\w*|propagat\w*|flow\w*)\s+(?:the\s+)?$", re.I)
_STORE_WORD = re.compile(r"\b(?:memory|store|stored|storing|storage|footprint)\b", re.I)
# a sentence whose subject is the paper's own method: what it reduces is what the paper reduces
_OWN_SUBJECT = re.compile(r"^(?:(?:Specifically|In particular|Moreover|Furthermore|Additionally|Thus|As a result),?\s+)?"
                          r"(?:[Oo]ur|[Tt]he proposed|[Tt]his)\s+(?:\w+\s+)?(?:method|approach|framework|technique|design|"
                          r"architecture|model|system|strategy)\b")


def _memory_components(
    techniques: Sequence[str], hits: Sequence[Hit], starts: list[int], sentences: Sequence[Sentence],
    text: str = "", method_sents: set[int] | None = None, method_names: Sequence[str] = (),
) -> dict[str, tuple[int, float]]:
    out: dict[str, tuple[int, float]] = {}
    if sentences and (_BROAD.search(sentences[0].text) or _ANALYSIS_SUBTITLE.search(sentences[0].text)):
        return out  # a survey or a comparative study reduces nothing itself
    kv_paper = any(t in _KV_TECHS for t in techniques)
    weight_specific = any(t in _WEIGHT_SPECIFIC for t in techniques)
    # offloading to storage during sharded training moves all training state, not the weights as such
    training_offload = "technique/offloading-and-sharding" in techniques
    # quantizing only feature maps or activations (no weight is ever mentioned) shrinks those, not the weights
    acts_only = _QUANT_ACTS.found(text) and not _WEIGHT_WORD.search(text)
    for t in techniques:
        for comp in _TECH_MEMORY.get(t, ()):
            # quantizing or pruning the KV cache reduces the cache, not the weights
            if comp == "memory/weights" and kv_paper and not weight_specific:
                continue
            if comp == "memory/weights" and t == "technique/storage-offloading" and training_offload:
                continue
            if comp == "memory/weights" and acts_only and t in _QUANT_TECHS:
                comp = "memory/activations"
            if t == _IO_AWARE and not _MEMORY_SAVED.search(text):
                continue
            out.setdefault(comp, (0, 0.6))
    if _KD in techniques and _SMALLER_MODEL.search(text):
        out.setdefault("memory/weights", (0, 0.6))
    # (a KV cache grows only where a model decodes or generates: a recurrent video classifier's smaller memory
    # footprint is no cache saved)
    decodes = _DECODES.search(text) is not None
    if decodes and any(t in _STATE_TECHS for t in techniques) and _state_memory_said(sentences):
        out.setdefault("memory/kv-cache", (0, 0.6))
    # an SSM whose own model claims constant memory at inference keeps a state, not a growing cache
    if decodes and any(t in _SSM_TECHS for t in techniques) and _CONSTANT_MEMORY.search(text):
        out.setdefault("memory/kv-cache", (0, 0.6))
    # a design that states both fewer parameters and less memory has shrunk its weights, whatever class it is
    # filed under ("fewer trainable parameters and lower memory footprint", "16x fewer parameters" beside
    # "reduce the memory usage")
    # a sentence of the paper's own saying the model's size is reduced: the weights shrink, whatever class the
    # method is filed under ("our method can reduce model size by 43%")
    if any(_MODEL_SIZE_CUT.search(x.text) and not _BACKGROUND.search(x.text) and not _FIELD_AT_WORK.search(x.text)
           for x in sentences[1:]):
        out.setdefault("memory/weights", (0, 0.6))
    # (unless the memory saved is said to come from smaller feature maps or activations)
    acts_saved = next((x.index for x in sentences[1:] if not _BACKGROUND.search(x.text)
                       and _ACTS_SHRUNK.search(x.text) and _MEMORY_WORD.search(x.text)), None)
    if acts_saved is not None:
        out.setdefault("memory/activations", (acts_saved, 0.6))
    elif not out and _FEWER_PARAMETERS.search(text) and _LESS_MEMORY.search(text):
        out["memory/weights"] = (0, 0.6)
    # explicit: a component named in a sentence that says it is reduced
    method_sents = method_sents or set()
    for h in hits:
        if h.kind != "memory":
            continue
        si = _sentence_index(starts, h.start)
        sent = sentences[si]
        if not _REDUCE.search(sent.text) or _BACKGROUND.search(sent.text) or si == 1:
            continue
        if h.target == "memory/activations" and not rx(r"memory|footprint|intermediate|storage", re.I).search(h.text):
            continue  # "8-bit activations" is a precision, not activation memory
        if h.target == "memory/gradients" and not _GRADIENT_MEMORY.search(h.text) and (
                _GRADIENT_MODIFIER.match(text, h.end) or _GRADIENT_FLOW.search(text, max(0, h.start - 30), h.start)
                or not _STORE_WORD.search(sent.text)):
            continue  # "gradient checkpointing", "backpropagating gradients": not gradient memory
        # (in a sentence whose subject is the method, only a component named as memory: "MoC reduces
        # activation memory", not "ZeRO ... scales the model size"; or, other than weights, one named in a
        # sentence that speaks of memory: "this design cuts memory use by shrinking intermediate activations")
        own = (_OWN_SUBJECT.search(sent.text) or any(sent.text.startswith(n) for n in method_names if n)) \
            and (_STORE_WORD.search(text, h.start, min(h.end + 12, sent.start + len(sent.text)))
                 or (h.target != "memory/weights" and _STORE_WORD.search(sent.text)))
        if h.target in out or h.target in ("memory/kv-cache", "memory/gradients") or si in method_sents or own:
            out[h.target] = (si, 0.8)
    return out
