"""Measured results stated in abstracts, as n-ary facts (:class:`~kg.records.ResultRecord`).

Two layers. :func:`parse_sentence` reads one plain sentence: every number that states a
measurement, its metric (closed list of ``docs/conventions.md``), value and unit, the kind of
claim (absolute or relative, increase or decrease, "up to", "on average", ...), the phrase that
names the baseline and the conditions (context length, bit-width, batch size, sparsity, a
configuration such as ``8/128``, device counts). :func:`extract_results` runs it over the
sentences of a :class:`~loaders.mapping.doc.LinkedDoc` and binds the subject (the proposed method),
the model, dataset and hardware and the baseline from the mapper's linked mentions.

Numbers that are not results (years, citations, section numbers, model sizes, dataset sizes,
counts of tasks) are skipped. When a stated field cannot be resolved the field stays empty and
the result is marked ``partial``; a field is never filled with a guess.

>>> [(r.metric, r.value, r.unit, r.kind, r.direction, r.qualifier) for r in parse_sentence(
...     "It cuts KV-cache memory by up to 5.2x with under 1% accuracy loss.")]
[('metric/memory', 5.2, 'x', 'relative', 'decrease', 'up_to'), ('metric/accuracy-loss', 1.0, 'percent', 'absolute', None, 'less_than')]
>>> r = parse_sentence("The model reaches 73% top-1 accuracy on ImageNet within 320KB of SRAM.")
>>> [(x.metric, x.value, x.unit, x.kind) for x in r]
[('metric/accuracy', 73.0, 'percent', 'absolute'), ('metric/memory', 320.0, 'KB', 'absolute')]
>>> r = parse_sentence("Our kernel runs 2.1× faster than FlashAttention-2 at 128K context on 8 GPUs.")[0]
>>> (r.metric, r.direction, r.baseline_text, r.conditions)
('metric/speed', 'increase', 'FlashAttention-2', {'context_length': '128K', 'devices': '8'})
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, get_args

from kg.ids import slug
from kg.records import ClaimKind, Direction, Evidence, Qualifier, ResultRecord
from loaders.mapping.doc import _unvalidated
from loaders.quantities import (Quantity, ending, ends, find_precisions, find_quantities, may_hold_quantity,
                                quantity_words_in)
from loaders.mapping.text import Gated, _ascii_folded, _shortest_cover, needed_words
from ontology.vocab import NodeLabel

if TYPE_CHECKING:
    from loaders.mapping.doc import LinkedDoc, LinkedMention

# Patterns written inline are compiled once and kept here: the re module's own cache (512 entries)
# is shared with the whole mapper, whose patterns built from names keep evicting these.
_rx = lru_cache(maxsize=1024)(re.compile)

log = logging.getLogger(__name__)

EXTRACTOR = "results"
VERSION = "1.0"

HIGHER_IS_BETTER = frozenset(
    f"metric/{m}"
    for m in "accuracy f1 bleu score speed throughput compression-ratio win-rate context-length".split()
)
LOWER_IS_BETTER = frozenset(
    f"metric/{m}"
    for m in (
        "perplexity memory latency energy flops parameters model-size error-rate cost training-time bits "
        "accuracy-loss"
    ).split()
)
METRICS = HIGHER_IS_BETTER | LOWER_IS_BETTER

# -- metric vocabulary ----------------------------------------------------------------------------

# (metric, regex) in priority order: the first pattern that matches a context word wins when two
# match at the same place. Patterns are matched case-insensitively on word starts.
_METRIC_WORDS: tuple[tuple[str, str], ...] = (
    ("score", r"attack\ssuccess\srates?"),
    ("accuracy-loss", r"(?:accuracy|performance|quality|success\srates?|(?:f1|task|benchmark)\sscores?)\s(?:loss|drop|degradation|decline|decrease|gap)"
                      r"|(?:loss|drop|degradation)\sin\s(?:accuracy|performance)|impact\son\s(?:\w+\s)?(?:performance|accuracy)"),
    ("error-rate", r"(?:word\s|character\s|top-[15]\s|equal\s)?error(?:\srates?)?|wer\b|cer\b|eer\b|mae\b|mse\b|rmse\b"
                   r"|mean\s(?:absolute|squared)\serror"),
    ("perplexity", r"perplexit(?:y|ies)|ppl\b"),
    ("f1", r"f1(?:[- ]scores?)?\b|f-score"),
    ("bleu", r"bleu\b"),
    ("win-rate", r"win[- ]rates?"),
    ("training-time", r"training\s(?:time|hours|wall[- ]clock)|(?:time|wall[- ]clock)\sto\strain|search\s(?:time|cost)"
                      r"|compression\s(?:time|cost)|fine-?tuning\s(?:time|hours)"
                      r"|gpu[- ](?:hours|days)|tpu[- ]hours|pre-?training\stime|(?:additional\s)?running\stime"),
    ("context-length", r"contexts?(?:\s(?:length|window|size)s?)?|sequence\slengths?"),
    ("throughput", r"throughputs?|tokens?(?:/s|\sper\ssecond)|tps\b|fps\b|frames\sper\ssecond|qps\b|requests\sper"
                   r"|mfu\b|(?:model\s)?flops\sutili[sz]ation|(?:gpu\s|hardware\s)?utili[sz]ation|flops/s"),
    ("latency", r"latenc(?:y|ies)|ttft\b|(?:computation|compute|clock|execution)\scycles|(?:prefill(?:ing)?|decoding|encoding|processing)\stime|time[- ]to[- ]first[- ]token|inference\stime|response\stime|decoding\stime"
                r"|generation\stime|run-?time|wall[- ]clock(?:\stime)?|end-to-end\stime|execution\stime|delay"),
    ("speed", r"speed-?ups?|speeds?\b|faster|fast\b|acceleration|accelerat(?:es?|ed|ing)|quicker|slower"),
    ("energy", r"energy|power(?:\sconsumption)?|joules?|ipw\b"
               r"|(?:intelligence|performance|perf|accuracy|tokens?|work)\s?(?:per\s|/\s?)(?:watt|joule|w\b)"),
    ("flops", r"flops|macs\b|multiply-(?:accumulates|adds)|(?:training\s|inference\s)?compute\b|computations?\b"
              r"|computational\s(?:cost|overhead|complexity|load|budget)|operations\b|ops\b|(?:number\sof\s)?iterations"),
    ("parameters", r"(?:trainable\s|learnable\s|tunable\s|active\s|activated\s)?param(?:eter)?s\b|parameter-efficien\w*"
                   r"|param(?:eter)?\s(?:counts?|reductions?|savings?|sizes?|overhead)"),
    ("model-size", r"model\ssizes?|model\sfootprint|storage|checkpoint\ssize|disk|file\ssize|smaller\b"),
    ("memory", r"memory(?:\s(?:compression|savings?|reduction|overhead))?|footprint|vram|kv[- ]?cache(?:\ssize)?|cache\ssize"
               r"|ram\b|hbm\b|(?:dram|memory|off-chip)\saccess(?:es)?"),
    ("compression-ratio", r"compression(?:\sratios?|\srates?)?|compress(?:es|ed|ing)?\b|(?:less|fewer)\stokens"
                          r"|sparsity(?:\slevels?)?|of\sexperts"),
    ("cost", r"costs?\b|cheaper|dollars?|price|expense|(?:hardware|area|monetary|financial)\soverhead"
             r"|(?:chip\s|silicon\s|hardware\s)?area(?:\s(?:efficiency|reduction|savings?|usage|consumption))?(?=\s|$|[,.;)])(?<!\bin\sthe\sarea)"),
    ("bits", r"bits?\sper\s(?:weight|parameter|value|element)|bpw\b|bit-?width"),
    ("accuracy", r"(?:top-[15]\s)?accurac(?:y|ies)|accurately|acc\.?\b|exact\smatch|pass@\d+|success\srates?"
                 r"|correctness"),
    ("score", r"scores?\b|performance|quality|s?fid\b|au(?:roc|prc)\b|clip\sscore|rouge|j&f|ndcg|mrr|rewards?\b|recall(?:@\d+)?|precision\b"
              r"|miou\b|map\b|auc\b|(?-i:AP(?:50|75|@\d+)?)\b|(?:box|mask)\sap\b"
              r"|(?-i:IS)\b(?=\s?(?:of\s|=\s?|:\s?)(?:[\d~]|$))"),  # Inception Score ("IS of 9.9"), not the verb "is"
)
# a metric word is a whole word: "PowerAttention" names no power
_METRIC_RES = tuple((f"metric/{m}", re.compile(rf"(?<!\w)(?:{rx})(?![A-Za-z])", re.IGNORECASE)) for m, rx in _METRIC_WORDS)


def _gate_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words one of which each match of ``pattern`` holds, less those that hold another of them
    ("accelerated" holds "accelerate"): a text holds one of these exactly when it holds one of all, and
    the phrases are asked of each metric, setting and average pattern in turn (fewer words to look for)."""
    words = needed_words(pattern)
    return None if words is None else _shortest_cover(words)


def _metric_scan(rx: str) -> tuple[re.Pattern[str] | None, tuple[str, ...] | None]:
    """A metric pattern's lowercase form for an ASCII phrase's lowercase (None where it has case-sensitive
    parts), with the words one of which each of its matches holds."""
    folded = _ascii_folded(re.compile(rf"(?<!\w)(?:{rx})(?![a-z])", re.IGNORECASE))
    return folded, _gate_words(re.compile(rx, re.IGNORECASE)) if folded is not None else None


# (metric, pattern, lowercase form, words): each phrase is lowercased once and scanned only for the
# metrics whose words it holds
_METRIC_SCANS = tuple((metric, rx, *_metric_scan(words)) for (metric, rx), (_m, words) in zip(_METRIC_RES, _METRIC_WORDS))

# Words that say which way a relative change goes.
_DECREASE = re.compile(
    r"\b(?:reduc\w*|cut\w*|lower\w*|less|fewer|smaller|sav(?:e|es|ed|ing|ings)|decreas\w*|drop\w*|shrink\w*|shr[au]nk"
    r"|compress\w*|trim\w*|slash\w*|lessen\w*|minimi[sz]\w*|eliminat\w*|down|declin\w*|halv\w*)\b",
    re.IGNORECASE,
)
_INCREASE = re.compile(
    r"\b(?:improv\w*|increas\w*|higher|more|faster|speed-?ups?|boost\w*|gains?|accelerat\w*|better|outperform\w*"
    r"|larger|longer|rais\w*|enhanc\w*|extend\w*|expand\w*|up(?!\sto)|greater|exceed\w*|surpass\w*|advanc\w*|quicker"
    r"|superior|additional|extra|overhead|doubl\w*|tripl\w*)\b",
    re.IGNORECASE,
)
# increase words that judge rather than measure: said of a lower-is-better measure, it went down
_EVALUATIVE = re.compile(r"\b(?:improv\w*|better|boost\w*|gains?|enhanc\w*|superior|advanc\w*|outperform\w*|surpass\w*|beat\w*)\b", re.I)
# their lowercase forms, by the pattern's id (a compiled pattern hashes its whole code)
_FOLDED_DIRECTION = {id(rx): _ascii_folded(rx) for rx in (_DECREASE, _INCREASE, _EVALUATIVE)}
_BY_BEFORE = re.compile(r"\bby\s(?:an?\s(?:\w+\s)?margin\s(?:of\s)?)?(?:up\sto\s|about\s|around\s|approximately\s|roughly\s|nearly\s|almost\s|over\s|more\sthan\s"
                        r"|at\sleast\s|an?\saverage\sof\s|~\s?|≈\s?)?$", re.IGNORECASE)

_QUALIFIERS: tuple[tuple[Qualifier, re.Pattern[str]], ...] = (
    ("up_to", re.compile(r"(?:\bup\sto|\bno\smore\sthan|\bat\smost|\bupto|\bleq|≤|\bwithin|\bas\s(?:much|high|many|large)\sas)\s?$", re.I)),
    ("at_least", re.compile(r"(?:\bat\sleast|≥|\bgeq)\s?$", re.I)),
    ("less_than", re.compile(r"(?:\bless\sthan|\bfewer\sthan|\b(?:lower|smaller|shorter)\sthan|\bunder|\bbelow|\bwithin|<|≤|\bat\smost|\bno\smore\sthan"
                             r"|\bbelow\sthan|\bsub-?)\s?$", re.I)),
    ("more_than", re.compile(r"(?:\bmore\sthan|\bover|\babove|\bexceeding|\bbeyond|>|\b(?:greater|higher|larger|longer)\sthan"
                             r"|\bupwards\sof"
                             r"|\bin\sexcess\sof)\s?$", re.I)),
    ("about", re.compile(r"(?:\babout|\baround|\bapproximately|\broughly|\bnearly|\balmost|\bclose\sto|~|≈|∼|\bca\.|\\?\bsim\$?|"
                         r"\bapprox\.?|\bsome)\s?$", re.I)),
)


# each qualifier ends the text before the number: searched only where a match could start (a few
# characters from the end), not at every position of the text
_QUALIFIER_ENDINGS = tuple((name, ending(rx)) for name, rx in _QUALIFIERS)
_ANY_QUALIFIER = ending(re.compile("|".join(f"(?:{rx.pattern})" for _n, rx in _QUALIFIERS), re.I))
_FILLER_BEFORE = ending(re.compile(r"\b(?:a|an|the|of|by|to|with|only|just|merely|still|even)\s$"))
_AVERAGE = re.compile(r"\b(?:on\saverage|an\saverage(?:\sof)?|average[ds]?|averaging|avg\.?"
                      # "mean" the verb ("these savings mean 2x fewer ...", "which would mean a 30% cut") is no average
                      r"|(?<!\bwhich\s)(?<!\bthat\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcan\s)(?<!\bcould\s)(?<!\bmay\s)"
                      r"(?<!\bmight\s)(?<!\bto\s)(?<!\bdoes\s)(?<!\bdo\s)mean(?!\s(?:(?:a|an|the|that|up|only|just)\b|[\d~≈])))\b", re.I)

# Where the baseline phrase starts (after the number, or anywhere in the clause).
_BASELINE_CUE = re.compile(
    r"\b(?:compared\s(?:to|with|against)|in\scomparison\s(?:to|with)|relative\sto|with\srespect\sto|w\.r\.t\.?"
    r"|over|than|vs\.?|versus|against|from|of)\s",
    re.IGNORECASE,
)
_PRECISION_BASELINES = {"fp16": "fp16", "bf16": "bf16", "fp32": "fp32", "float16": "fp16", "float32": "fp32",
                        "int8": "int8", "int4": "int4", "fp8": "fp8", "16-bit": "fp16", "32-bit": "fp32",
                        "bfloat16": "bf16", "half-precision": "fp16"}
# "full precision" and "dense" name no precision: such a baseline stays empty
_PRECISION_BASELINE_RES = tuple((re.compile(rf"{re.escape(word)}\b"), prec) for word, prec in _PRECISION_BASELINES.items())

# A clause ends at these (the metric of a number is looked for inside its clause).
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|,\s|\.\s|\s(?:while|whereas|but|and|which|with|when|where|compared|in\scomparison|relative|than"
    r"|over|vs\.?|versus|against|at|on|for|under|using|across|without)\s",
    re.IGNORECASE,
)
# "X of the original", "to X% of": a share, not a change.
_SHARE_AFTER = re.compile(r"^\s?(?:of\s(?:the\s)?(?:original|baseline|full|dense|uncompressed|its|their|overall|the\s|teacher"
                          r"|(?:\w+\s)?(?:activated\s|trainable\s|model\s)?parameters)|(?:the\s)?(?:performance|accuracy|quality)"
                          r"\sof|of\s(?-i:[A-Z])[\w.+-]*(?:'s|’s)?\s(?:performance|accuracy|quality|throughput|speed)\b"
                          r"|(?:[\w'’-]+\s){0,2}?(?:task\s)?performance\b(?!\s(?:improvement|gain|increase|boost|drop|loss|degradation|decline))"
                          # "8.7% inference time of X", "46.7% GPU memory cost of X": the reference's own measure
                          r"|(?:(?!(?:lower|higher|less|more|fewer|smaller|larger|faster|slower|better|reduc\w*|improv\w*|increas\w*"
                          r"|decreas\w*|sav\w*|gains?|drops?|cuts?)\b)[\w-]+\s){0,2}?(?:memory|latency|time|energy|cost|compute"
                          r"|computation|flops|parameters|size|throughput|speed)(?:\s(?:cost|usage|footprint|consumption))?\sof\s"
                          r"(?:the\s)?(?=(?-i:[A-Z])|original|baseline|full|dense|uncompressed|teacher))", re.I)
_KEEP_VERB = re.compile(r"\b(?:maintain\w*|keep\w*|retain\w*|preserv\w*|match\w*|recover\w*|achiev\w*)\s(?:\w+\s){0,3}?"
                        r"(?:up\sto\s|over\s|more\sthan\s|>\s?|about\s|around\s)?$", re.I)
_TUNE_VERB = re.compile(r"\b(?:fine-?tun\w*|retrain\w*|train\w*|updat\w*|tun\w*)\s(?:only\s|just\s|as\s(?:few|little)\sas\s)?$", re.I)

# Numbers that are settings, not results: "50% sparsity", "4-bit", "batch size of 64", ...
_CONDITION_AFTER: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sparsity", re.compile(r"^[\s-]?(?:unstructured\s|structured\s|weight\s|activation\s)?sparsit(?:y|ies)\b"
                            r"|^[\s-]?(?:sparse|pruned|pruning\sratio|pruning\srate)\b", re.I)),
    ("context_length", re.compile(r"^[\s-]?(?:-?tokens?\s|-?long\s|-?length\s)?(?:contexts?|context\s(?:length|window)s?"
                                  r"|sequences?|sequence\slengths?|input\slength|prompts?)\b", re.I)),
    ("compression_ratio", re.compile(r"^[\s-]?(?:compression(?:\sratio|\srate)?|kv(?:[- ]cache)?\sbudgets?|cache\sbudgets?"
                                     r"|(?:[\w-]+\s)?budgets?|retention|keep\sratio)\b", re.I)),
    ("bit_width", re.compile(r"^[\s-]?(?:bits?\b)?\s?(?:quantization|quantized|precision|weights|weight\b|integer|models?\b"
                             r"|kv\b|activations|llms?\b)", re.I)),
)
_CONDITION_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sparsity", re.compile(r"\b(?:sparsity|pruning\sratio|pruning\srate|sparsity\sratio|sparsity\slevel)s?"
                            r"\s(?:of\s|level\sof\s|ratio\sof\s|=\s?)?(?:up\sto\s|over\s|above\s|about\s|around\s)?$", re.I)),
    ("context_length", re.compile(r"\b(?:context(?:\slength|\swindow|\ssize)?|sequence\slength|sequences|lengths?"
                                  r"|contexts)\s(?:of\s|up\sto\s|=\s?)?$", re.I)),
    ("batch_size", re.compile(r"\bbatch(?:\ssize)?\s(?:of\s|=\s?)?$", re.I)),
    ("compression_ratio", re.compile(r"\b(?:compression\sratio|compression\srate|(?:kv\s|cache\s)?budgets?)"
                                     r"\s(?:of\s|=\s?)?$", re.I)),
)
# Counts that are never results: "three benchmarks", "across 12 tasks", "trained on 1T tokens".
_COUNT_NOUN = re.compile(
    r"^[\s-]?(?:[a-z-]+\s){0,2}?(?:benchmarks?|datasets?|tasks?|languages?|models?|LLMs|domains?|baselines?|layers?"
    r"|experts?|heads?|images?|samples?|examples?|steps?|epochs?|runs?|evaluations?|settings?|categories|classes"
    r"|subjects?|users?|papers?|methods?|techniques?|architectures?|families|scales?|sizes?|modalities|queries"
    r"|questions?|problems?|instances?|videos?|hours\sof|trajectories|pairs|documents?|agents?|nodes?|kernels?"
    r"|dimensions?|channels?|blocks?|frames|iterations?|rounds?|shots?|times\sthe\snumber)\b",
    re.I,
)


# -- plain-sentence layer -------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceResult:
    """A result read from one plain sentence (offsets relative to that sentence)."""

    value: float
    unit: str | None
    unit_raw: str | None
    value_text: str
    start: int
    end: int
    metric: str | None = None
    value_max: float | None = None
    kind: ClaimKind | None = None
    direction: Direction | None = None
    qualifier: Qualifier | None = None
    baseline_text: str | None = None
    baseline_start: int | None = None
    baseline_end: int | None = None
    baseline_examples: int | None = None
    conditions: dict[str, str] = field(default_factory=dict)
    partial: bool = False


def _replace(record: SentenceResult, **changes: object) -> SentenceResult:
    """``dataclasses.replace`` for a SentenceResult (a frozen dataclass with no ``__post_init__``, every field
    set by ``__init__``): the same record, its fields copied and changed, without running ``__init__`` again
    (a sixth of the cost; ~1k a pass over the seeds)."""
    fields = record.__dict__
    if not fields.keys() >= changes.keys():
        raise TypeError(f"not fields of {type(record).__name__}: {sorted(changes.keys() - fields.keys())}")
    new = object.__new__(type(record))
    new.__dict__.update(fields)
    new.__dict__.update(changes)
    return new


_TOKEN = re.compile(r"[\w@&+.\-/]+|[^\w\s]")
# A metric noun right after a number ("5.2x speedup", "60% lower memory") is its metric; these words
# end the noun phrase that follows the number ("2x on A100", "60% compared to ...").
_RIGHT_STOP = frozenset(
    "on at for with compared than over across while when under using and to by from as against vs vs. versus "
    "relative within without per respectively which where after before during whereas but or via if like such "
    "including".split()
)
_CHANGE_NOUN = re.compile(
    r"^(?:reductions?|improvements?|increases?|decreases?|gains?|speed-?ups?|drops?|savings?|boosts?|cuts?|lower|higher"
    r"|less|more|fewer|smaller|larger|faster|slower|degradation|loss|compression|acceleration|overhead|growth|decline"
    r"|enhancements?|decrements?|increments?|worse|better)$",
    re.I,
)


def _right_head(text: str, start: int, stop: int) -> str:
    """The noun phrase right after a number, up to the first preposition or punctuation."""
    out_end = start
    prev = ""
    for n, m in enumerate(_TOKEN.finditer(text, start, stop)):
        tok = m.group()
        low = tok.lower()
        if tok in ("'", "’") and (text[m.end() : m.end() + 1] == "s" or (
                prev.endswith("s") and m.start() == out_end and text[m.end() : m.end() + 1] == " ")):
            continue  # "the full model's accuracy", "LLaMA models' performance": a possessive does not end the phrase
        if n >= 8 or (not tok[0].isalnum() and tok not in ("-", "@", "&")):
            break
        if low == "per" and _rx(r"\s(?:dollar|\$|usd|watt|joule)", re.I).match(text[m.end() : m.end() + 8]):
            pass  # "tokens per dollar": the denominator names the measure
        elif low in _RIGHT_STOP or (low == "in" and n > 0 and not _CHANGE_NOUN.match(prev)):
            break
        out_end = m.end()
        prev = tok
    return text[start:out_end]


def _metric_near(text: str, q: Quantity, left_bound: int, right_bound: int) -> tuple[str | None, str]:
    """The metric a number speaks of: the noun right after it, else the nearest one before it.

    In the phrase after the number the head noun (the last metric word) wins: "1.45x latency
    speedup" is a speed-up. A generic head ("cost") yields to the measure that names it ("running
    time cost", "memory cost"). Returns the metric and where it was found (``"right"``/``"left"``/``""``).
    """
    right_head = _right_head(text, q.end, right_bound)
    as_adj = _rx(r"^\s(?:as|so)\s(\w+)\sas\b").match(text[q.end : q.end + 40])
    if as_adj:
        right_head = " " + as_adj.group(1)  # "twice as fast as X"
    as_many = _rx(r"^\s(?:as|so)\s(?:many|much|few|little)\s((?:[\w-]+\s)?[\w-]+)").match(text[q.end : q.end + 40])
    if as_many:
        right_head = " " + as_many.group(1)  # "1/2 as many parameters"
    named_in = _rx(r"^[\s-]?(?:times\s)?(?:faster|quicker|slower|lower|higher|smaller|larger|less|more|fewer)\sin\s", re.I).match(
        text[q.end : q.end + 24])
    if named_in:
        # "16x faster in measured latency", "3x lower in peak memory": the measure named after "in"
        found = _head_metric(_right_head(text, q.end + named_in.end(), right_bound))
        if found is not None:
            return found, "right"
    if _rx(r"^[\s-]?(?:times\s)?(?:faster|quicker)\b", re.I).match(text[q.end : q.end + 16]):
        return "metric/speed", "right"  # "16x faster end-to-end": the factor is a speed-up
    found = _head_metric(right_head)
    if found is not None:
        return found, "right"
    found = _head_metric(text[left_bound : q.start])
    if found is not None:
        return found, "left"
    return None, ""


@lru_cache(maxsize=1024)  # the same phrases come back for each number of a sentence
def _head_metric(phrase: str) -> str | None:
    """The metric of a noun phrase: its last metric word; "cost" only when nothing names the measure."""
    hits: list[tuple[int, int, int, str]] = []
    low = phrase.lower() if phrase.isascii() else None
    for n, (metric, rx, folded, words) in enumerate(_METRIC_SCANS):
        if low is not None and folded is not None:
            if words is not None and not any(map(low.__contains__, words)):
                continue
            found = folded.finditer(low)
        else:
            found = rx.finditer(phrase)
        for m in found:
            if m.start() > 1 and phrase[m.start() - 1] == "-" and phrase[m.start() - 2].isalpha() \
                    and _rx(r"\s(?!(?:by|of|in|on|at|for|to|and|or|with|from|than|consumption|usage|footprint|overhead"
                            r"|requirements?|demands?|savings?|reductions?|traffic|access(?:es)?)\b)[a-z]").match(phrase[m.end() : m.end() + 14]):
                continue  # "in low-cost regimes": the second half of a modifier, not the measure
            hits.append((m.end(), -n, m.start(), metric))
    if not hits:
        return None
    hits.sort()
    end, _n, start, metric = hits[-1]
    if metric == "metric/cost" and _rx(r"costs?\b", re.I).match(phrase[start:]):
        named = [h for h in hits if h[0] <= start and start - h[0] <= 2 and h[3] != "metric/cost"]
        if named:
            return named[-1][3]  # "memory cost", "running time cost": the measure, with "cost" as its head
    return metric


def _unit_metric(q: Quantity) -> str | None:
    """Units that name their metric on their own."""
    if q.unit_raw == "$":
        return "metric/cost"
    if q.unit == "FLOPs" and q.unit_raw and (q.unit_raw.endswith(("/s", "FLOPS", "OPS")) or "flops" in q.unit_raw):
        return "metric/throughput"  # "225 TFLOPs/s", "25 petaflops": a rate, not an amount of compute
    return {
        "per-step": "metric/throughput",
        "tokens/s": "metric/throughput",
        "fps": "metric/throughput",
        "ms": "metric/latency",
        "us": "metric/latency",
        "ns": "metric/latency",
        "J": "metric/energy",
        "W": "metric/energy",
        "GPU-hours": "metric/training-time",
        "GPU-days": "metric/training-time",
        "FLOPs": "metric/flops",
        "TOPS": "metric/throughput",
    }.get(q.unit or "")


def _compatible(metric: str, q: Quantity) -> bool:
    """Whether a metric can be measured in the quantity's unit."""
    unit = q.unit
    if metric == "metric/context-length" and unit == "points":
        return False  # "by 29.1 points" on a long-context task is a score, not a length
    if unit in (None, "percent", "x", "points"):
        return True
    table = {
        "metric/memory": {"GB", "MB", "KB", "TB"},
        "metric/model-size": {"GB", "MB", "KB", "TB", "params"},
        "metric/latency": {"ms", "s", "us", "ns", "minutes", "hours"},
        "metric/training-time": {"hours", "days", "minutes", "s", "GPU-hours", "GPU-days"},
        "metric/throughput": {"tokens/s", "fps", "TOPS", "FLOPs", "GB/s", "per-step"},
        "metric/cost": {"GPU-hours", "GPU-days", "hours", "days", "none"},
        "metric/speed": {"tokens/s", "fps"},
        "metric/energy": {"J", "W"},
        "metric/flops": {"FLOPs", "TOPS"},
        "metric/parameters": {"params"},
        "metric/bits": {"bits"},
        "metric/context-length": {"tokens"},
    }
    return unit in table.get(metric, set())


def _clause_bounds(text: str, q: Quantity, prev_end: int, next_start: int) -> tuple[int, int]:
    # Prepositions on the left ("on", "with") do not end the clause before the number; only
    # punctuation and conjunctions do.
    left = prev_end
    for m in _rx(r"[;:(\[]|,\s|\.\s|\s(?:while|whereas|but|which|and)\s").finditer(text[prev_end : q.start]):
        left = max(left, prev_end + m.end())
    right = next_start
    m2 = _CLAUSE_BREAK.search(text, q.end, next_start)
    if m2:
        right = m2.start()
    return left, right


def _qualifier(text: str, q: Quantity, clause_left: int) -> Qualifier | None:
    if q.unit_raw == "orders of magnitude" and not _rx(r"\b(?:up\sto|over|more\sthan|at\sleast)\s$", re.I).search(
                                                       text[max(0, q.start - 14) : q.start]):
        return "about"  # "an order of magnitude" is a rounded factor
    before = text[max(clause_left, q.start - 30) : q.start]
    if _rx(r"[\d.,]+\+").match(q.text):
        return "more_than"  # "100+ times faster"
    # "by up to 3x", "reduced by over 60%": look past "by".
    # (the word ends the text: at most one match, searched only where it can start)
    word = _FILLER_BEFORE[0].search(before, max(0, len(before) - _FILLER_BEFORE[1]))
    before_stripped = before[: word.start()] + before[word.end() :] if word else before
    stripped = before_stripped != before  # (nothing stripped, most often: the same text need not be searched twice)
    # one search for any qualifier first: most numbers have none
    if (_may_end_qualified(before) and ends(_ANY_QUALIFIER, before)) or (
            stripped and _may_end_qualified(before_stripped) and ends(_ANY_QUALIFIER, before_stripped)):
        for name, end_rx in _QUALIFIER_ENDINGS:
            if ends(end_rx, before) or (stripped and ends(end_rx, before_stripped)):
                return name
    after = text[q.end : q.end + 25]
    own_paren = _rx(r"\s?\([^()]*\d").match(after)
    after = after[: own_paren.start()] if own_paren else after  # "18-31B (27B on average)": the average is the parenthesis's
    if _says_average(text[clause_left : q.end]) or _says_average(after):
        return "on_average"
    return None


# The last word of each qualifier, and the signs one can end in ("sub-", "ca.", "sim$", "~"): a match ends the
# text with one of them, then at most a whitespace and a final newline.
_QUALIFIER_LAST_WORDS = frozenset(
    "to than most upto leq within as least geq under below sub over above exceeding beyond of about around approximately"
    " roughly nearly almost sim approx some".split())
_QUALIFIER_LAST_SIGNS = frozenset("<>~.$-")
_LAST_LETTERS = re.compile(r"[A-Za-z]+\Z")


def _may_end_qualified(text: str) -> bool:
    """False only where no qualifier can end an ASCII ``text`` (most numbers follow none): the searches of the
    qualifiers' alternatives at each of the last positions of the text, a tenth of the extractor's time on
    numbers, are spared. (A text that is not ASCII may end in a sign such as "≤" or a letter that matches
    an ASCII one ignoring case: it is searched.)"""
    if not text.isascii():
        return True
    end = len(text)
    for e in (end, end - 1 if text[-1:].isspace() else -1, end - 2 if text.endswith("\n") and text[-2:-1].isspace() else -1):
        if e <= 0:
            continue
        if text[e - 1] in _QUALIFIER_LAST_SIGNS:
            return True
        word = _LAST_LETTERS.search(text, max(0, e - 14), e)  # (the longest last word has 13 letters)
        if word is not None and word.group().lower() in _QUALIFIER_LAST_WORDS:
            return True
    return False


_AVERAGE_WORDS = _gate_words(_AVERAGE)


def _says_average(text: str) -> bool:
    """``_AVERAGE.search(text)``, not run where an ASCII text lacks every word a match holds (most)."""
    return _may_hold(text, _AVERAGE_WORDS) and _AVERAGE.search(text) is not None


_WORD_NUMBER = {"one": 1, "two": 2, "four": 4, "eight": 8, "sixteen": 16}
_SETTING_BEFORE = re.compile(r"\b(?:at|with|under|for|using|given)\s(?:a\s|an\s|the\s|only\s|both\s|aggressive\s)*"
                             r"(?:[\d.]+\s?(?:%|x|×)?(?:,\s|\s(?:and|or)\s))?$", re.I)
_RESULT_REACH = re.compile(r"\b(?:process\w*|handl\w*|support\w*|extend\w*|scal\w*|generali[sz]\w*|enabl\w*|reach\w*"
                           r"|achiev\w*)\s(?:\w+\s){0,3}?(?:up\sto\s|to\s|over\s|beyond\s)?$", re.I)
_OTHER_SETTING_AFTER = re.compile(
    r"^\s?(?:of\s)?(?:the\s)?(?:parameters?\s(?:left|remain\w*|retained|kept)|(?:[\w-]+\s)?budgets?\b"
    r"|(?:[\w-]+\s){0,2}?(?:training\s)?data\b|of\s(?:the\s)?(?:original\s)?(?:model's\s)?training\sdata|larger\sbatch"
    r"|(?:bigger|larger)\s(?:batch|models?|inputs?)"
    # "5x increase in average batch size": batch-size gains are not on the metric list
    r"|(?:[\w-]+\s){0,2}?(?:increases?|growth|gains?)\s(?:in|of)\s(?:the\s)?(?:average\s|maximum\s|max\s)?batch\ssizes?)", re.I)
_OTHER_SETTING_BEFORE = re.compile(
    r"\b(?:(?:poison|dropout|learning|sampling|masking|drop|keep|retention)\s(?:rate|ratio)|recall\s(?:quality|level)"
    r")\s(?:of\s)?(?:less\sthan\s|below\s|at\s|about\s)?$"
    # "with similar constraints (<80ms)": a bound the search was given, not a result
    r"|\b(?:constraints?|budgets?|targets?|limits?)\s\(?\s?(?:[<>≤≥~]|under\s|below\s)?\s?$"
    # "given the same expert memory footprint of 3.4GB", "at an equal latency of 5 ms": the setting compared under
    r"|\b(?:the\ssame|equal|identical|matched|fixed)\s(?:amount\sof\s)?(?:[\w-]+\s){0,3}?(?:of|at)\s(?:about\s|around\s)?$", re.I)


_CONTEXT_SET = re.compile(r"\b(?:when|if|once|as)\s(?:the\s)?(?:[\w-]+\s)?(?:context|sequence|input|prompt)s?(?:\s(?:window|length|size)s?)?"
                          r"\s(?:is|are|was|were|gets?)\s(?:\w+ly\s)?(?:expanded|extended|increased|set|scaled|raised|grown|doubled)"
                          r"\s(?:up\s)?to\s$", re.I)


# The words one of which each match of a setting pattern holds: an ASCII text without any is not searched.
_CONTEXT_SET_WORDS = _gate_words(_CONTEXT_SET)
_CONDITION_BEFORE_GATED = tuple((key, rx, _gate_words(rx)) for key, rx in _CONDITION_BEFORE)
_OTHER_SETTING_WORDS = _gate_words(_OTHER_SETTING_BEFORE)


def _may_hold(text: str, words: tuple[str, ...] | None) -> bool:
    """False only where an ASCII ``text`` holds none of ``words`` (so no match of their pattern can be in it)."""
    return _low_may_hold(text.lower() if text.isascii() else None, words)


def _low_may_hold(low: str | None, words: tuple[str, ...] | None) -> bool:
    """``_may_hold`` for a text already lowercased (``None``: not ASCII, where nothing is ruled out)."""
    return low is None or words is None or any(map(low.__contains__, words))


def _condition_of(text: str, q: Quantity) -> str | None:
    """The condition key when the number is a setting rather than a result.

    ``"other"`` marks a setting with no structured key ("with 40% parameters left"): it is
    neither a result nor a scored condition.
    """
    after = text[q.end : q.end + 40]
    before = text[max(0, q.start - 40) : q.start]
    low = before.lower() if before.isascii() else None  # (for the word gates below)
    setting = bool(_SETTING_BEFORE.search(before))
    window = text[max(0, q.start - 80) : q.start]
    if _may_hold(window, _CONTEXT_SET_WORDS) and _CONTEXT_SET.search(window):
        return "context_length"  # "when the context window is expanded to 8192": the setting the gains hold at
    for key, rx, words in _CONDITION_BEFORE_GATED:
        if _low_may_hold(low, words) and rx.search(before):
            if key == "sparsity" and not _rx(r"\b(?:at|with|under|for)\s(?:\w+\s){0,3}$", re.I).search(before):
                break  # "enabling sparsity levels up to 70%": a result, not a setting
            if key == "compression_ratio" and _rx(r"\b(?:achiev|reach|attain|obtain|yield|deliver|provid)\w*\s(?:an?\s|the\s)?"
                                                   r"(?:[\w-]+\s)?compression", re.I).search(before):
                break  # "achieves a compression ratio of 12x": a result
            return key
    if q.unit == "bits" and _rx(r"^\s?(?:per|/)\s?(?:parameter|weight|value|element)", re.I).match(after):
        return None  # "0.8 bits per parameter" is what a compressor achieves
    if q.unit == "bits" or (q.unit_raw or "").endswith("bit"):
        return "bit_width"
    if q.unit == "percent" and _rx(r"^\s?(?:expert|parameter|weight|layer)s?\s(?:reduction|pruning|removal)", re.I).match(after):
        return "sparsity"  # "(50% expert reduction)": the pruning level the result was measured at
    for key, rx in _CONDITION_AFTER:
        if rx.search(after):
            if key == "bit_width" and q.unit != "bits":
                continue
            if key == "context_length" and (q.unit not in ("tokens", None) or _RESULT_REACH.search(before)):
                continue
            if key == "compression_ratio" and (q.unit not in ("percent", "x", None) or not setting):
                continue
            if key == "sparsity" and not setting and _RESULT_REACH.search(before):
                continue
            return key
    if q.unit == "percent" and _rx(r"^\s?of\s(?:the\s)?(?:full\s)?(?:kv(?:[- ]cache)?|cache|(?:visual\s|input\s|vision\s)?tokens)\b", re.I).match(
                                   after) \
            and _rx(r"\b(?:using|with|keeping|retaining|preserving)\s(?:only\s|just\s)?$", re.I).search(
                    before):
        return "compression_ratio"  # "using only 10% of the KV cache", "while keeping 20% of tokens": the budget kept
    if _OTHER_SETTING_AFTER.match(after) or (_low_may_hold(low, _OTHER_SETTING_WORDS) and _OTHER_SETTING_BEFORE.search(before)):
        return "other"
    if q.unit == "tokens" and _rx(r"\b(?:at|with|of|for|under|on)\s(?:a\s)?$", re.I).search(before):
        return "context_length"
    if q.unit == "GPUs":
        return "devices"
    return None


def _condition_text(q: Quantity) -> str:
    """How a condition value is written in ``conditions``: the number as given, tidied."""
    if q.unit == "tokens" or (q.unit is None and q.unit_raw in ("K", "k", "M")):
        if q.value_max is not None:
            rng = _rx(r"[\d.,]+\s?[KkMB]?\s?(?:-|–|to)\s?[\d.,]+\s?[KkMB]?").match(q.text)
            if rng:
                return rng.group().replace(" ", "").replace("–", "-").upper()  # "1K-4K"
        head = _rx(r"[\d.,]+\s?[KkMB]?").match(q.text)
        return (head.group() if head else q.text).replace(" ", "").upper()
    if q.unit == "bits":
        return f"{q.value:g}"
    if q.unit == "GPUs":
        return f"{q.value:g}"
    if q.unit == "percent":
        return f"{q.value:g}%"
    if q.unit == "x":
        return f"{q.value:g}x"
    return q.text


def _is_count(text: str, q: Quantity) -> bool:
    """Counts of things (tasks, datasets, layers, tokens of training data) are not results."""
    after = text[q.end : q.end + 40]
    if q.unit is None and _rx(r"\bout\sof\s$", re.I).search(text[max(0, q.start - 8) : q.start]):
        return True  # "16 experts out of 64": the total of a count
    if q.unit in ("GB", "MB", "TB") and _rx(r"^[\s-]?(?:(?!(?:of|in|per|on|for|across|each|every|a|an|the)\b)[\w-]+\s)?(?:GPUs?|cards?|devices?|phones?|laptops?|machines?"
                                            r"|servers?|nodes?|accelerators?|boards?)\b", re.I).match(after):
        return True  # "on a single 24GB GPU", "an 80GB GPU": the size of a device, not a result
    if q.unit in ("GB", "MB", "TB") and _rx(r"^\s?(?:of\s)?(?:GPU\s|device\s|on-?board\s|on-?chip\s)?(?:memory|VRAM|RAM|HBM|DRAM)\b",
                                            re.I).match(after) and _rx(
            r"\b(?:GPUs?|cards?|devices?|phones?|laptops?|machines?|servers?|nodes?|accelerators?|boards?|chips?|hardware"
            r"|[A-Z]*\d{2,4}[A-Za-z]*)\s(?:with|having|equipped\swith)\s(?:only\s|just\s|a\s|an\s)?$", re.I).search(
            text[max(0, q.start - 40) : q.start]):
        return True  # "consumer GPUs with 24GB memory", "an RTX 4090 with 24 GB of memory": the device's size
    if q.unit in ("hours", "s") and _rx(r"^\s?of\s(?!(?:the\s)?(?:training|pre-?training|fine-?tuning|compute|computation"
                                         r"|GPU|TPU|search|inference|wall|runtime|run\s?time|processing|work|compression"
                                         r"|latency|delay|execution)\b)", re.I).match(after):
        return True  # "1,000 hours of speech", "21,000 hours of unlabeled EEG": an amount of data
    if q.unit in ("hours", "s", "ms") and _rx(r"^[\s-]?(?:intervals?|windows?|granularity|resolution|clips?|segments?"
                                               r"|chunks?|slots?|horizons?)\b", re.I).match(after):
        return True  # "at 5 minutes intervals", "10 s clips": a setting of the data, not a time measured
    if q.unit not in (None, "tokens", "params"):
        return False
    if q.unit is None and _COUNT_NOUN.match(after):
        return True
    if q.unit in ("tokens",) and _rx(r"\b(?:trained|pre-?trained|training)\s(?:on|with)\s(?:over\s|more\sthan\s|up\sto\s)?$", re.I).search(
                                     text[max(0, q.start - 30) : q.start]):
        return True
    return False


def _is_model_size(text: str, q: Quantity) -> bool:
    """"7B model", "a 13B-parameter LLM", "1.6 trillion parameter model": a size used as a name."""
    if q.unit != "params":
        return False
    after = text[q.end : q.end + 30]
    before = text[max(0, q.start - 30) : q.start]
    if _rx(r"\b(?:only|just|merely|as\s(?:few|little|small)\sas)\s(?:a\s|an\s)?$", re.I).search(before):
        return False  # "using only a 7M-parameter model": the small size is the efficiency claim itself
    if _rx(r"^[\s-]*(?:-?parameters?\s|-?params?\s)?(?:[\w-]+\s)?(?:models?|LLMs?|SLMs?|LMs?|variants?|versions?"
           r"|scales?|sizes?|transformers?|networks?|backbones?|decoders?|encoders?|MoE|dense|base|checkpoints?)\b", re.I).match(
           after):
        return True
    if _rx(r"\b(?:scale|scales|scaling|sized|size|sizes|from|to|and|with|contains|has|of|at|between|up\sto)\s$", re.I).search(
           before) and not _rx(r"\b(?:by|only|just|merely)\s$", re.I).search(before):
        return True
    return False


_BASELINE_CUE_R = re.compile(
    r"\b(?:compared\s(?:to|with|against)|in\scomparison\s(?:to|with)|relative\sto|with\srespect\sto|w\.r\.t\.?"
    r"|over|than|vs\.?|versus|against|outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?"
    r"|(?:the\s)?same\s(?:\w+\s)?as)\s",
    re.IGNORECASE,
)
_BASELINE_END = re.compile(
    r",\s|;|:|\.\s|\.$|\(|\)|\s(?:while|and\s(?:a|an|the|reduces|improves|achieves|cuts|boosts)|with|on|at|in|for|across|by"
    r"|when|under|using|without|which|whereas|but|respectively|to\s(?:achieve|reduce|improve))\s",
    re.IGNORECASE,
)
_BASELINE_DET = re.compile(
    r"^(?:(?:the|a|an|its|their|our|existing|standard|conventional|prior|previous|state-of-the-art|SOTA|vanilla|baseline"
    r"|strong|popular|leading|original|current|best|latest|widely\sused|naive|default|other|traditional|that\sof|those\sof"
    r"|the\sperformance\sof)\s+)+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Cue:
    start: int
    phrase: str
    phrase_start: int
    list_end: int
    examples_start: int | None = None
    """Where named instances of a described comparator start ("optimizers such as Adam")."""


# A described comparator continues with its instances: "solutions provided by X", "optimizers, e.g., X, Y".
_EXAMPLES = re.compile(
    r"^(?:,\s|\s)?(?:\(|(?:provided|offered|developed|released|implemented|proposed|introduced)\sby\s|such\sas\s|like\s"
    r"|including\s|e\.g\.,?\s|i\.e\.,?\s|namely\s|notably\s)",
    re.I,
)
# Reducing "the memory of X" by some amount compares against X.
_OWNER_CUE = re.compile(
    r"\b(?:reduc|cut|lower|decreas|shrink|shr[au]nk|sav|compress|slash|trim)\w*\s(?:the\s)?(?:[\w-]+\s){0,3}?of\s", re.I)


# (searched as their lowercase forms in the lowercased sentence, only where the words they need are)
_OWNER_CUE_G = Gated.auto(_OWNER_CUE)
_BASELINE_CUE_G = Gated.auto(_BASELINE_CUE_R)


@lru_cache(maxsize=64)  # per sentence: parsing and binding a sentence both read them
def _baseline_cues(text: str) -> tuple[_Cue, ...]:
    """Every comparison cue of a sentence with the phrase it introduces ("compared to FP16").

    The phrase ends at the end of its noun phrase; a described comparator keeps its instances
    ("the solutions provided by X", "optimizers, e.g., X and Y"), whose start is ``examples_start``.
    """
    cues = []
    owner = [(s, e, "of") for s, e in _OWNER_CUE_G.spans(text)]
    for start, rest_start, cue in sorted([(s, e, text[s:e].strip().lower()) for s, e in _BASELINE_CUE_G.spans(text)] + owner):
        if cue == "over" and _rx(r"\s*[\d~≈]").match(text[rest_start:]):
            continue  # "over 60%" is a qualifier
        if cue == "than" and _rx(r"\b(?:less|more|fewer|greater)\s$").search(text[max(0, start - 6) : start]) \
                and _rx(r"\s*[\d~≈]").match(text[rest_start:]):
            continue  # "less than 1%" is a qualifier
        end_m = _BASELINE_END.search(text, rest_start)
        end = end_m.start() if end_m else len(text)
        raw = text[rest_start:end]
        det = _BASELINE_DET.match(raw)
        skip = det.end() if det else 0
        phrase = raw[skip:].strip(" .,")
        if not phrase:
            continue
        examples_start = None
        ex = _EXAMPLES.match(text[end:])
        if ex is None and _rx(r"\b(?:provided|offered|developed|released|implemented|proposed|introduced)$").search(raw):
            ex = _rx(r"\sby\s").match(text[end:])  # "the solutions provided by X"
        if ex and ex.group().strip() == "(":
            close = _rx(r"[^()\d]{1,60}\)").match(text[end + ex.end() :])
            if close is None:
                ex = None  # "(3x faster at 128K)": a parenthesis of results, not of names
            else:
                examples_start, end = end + ex.end(), end + ex.end() + close.end() - 1
        elif ex:
            examples_start = end + ex.end()
            ex_end = _BASELINE_END.search(text, examples_start + 1)
            end = ex_end.start() if ex_end else len(text)
        # the list of names may continue past a comma: "over H2O, SnapKV and PyramidKV"
        list_end = end
        lm = _rx(r"(?:,\s(?:and\s|or\s|e\.g\.,?\s|i\.e\.,?\s|such\sas\s|including\s)?[A-Z][\w.+\-]*"
                 r"(?:\s[A-Za-z0-9][\w.+\-]*){0,2}|\s(?:and|or)\s[A-Z][\w.+\-]*(?:\s[A-Za-z0-9][\w.+\-]*){0,2})+").match(
                 text[end:])
        if lm and (_rx(r"\b(?:and|or)\s").search(lm.group()) or _rx(r"[,\s]*(?:e\.g\.|i\.e\.|such\sas|including)").match(lm.group())
                   or _rx(r",?\s?respectively|\s*(?:[.;)]|$)").match(text[end + lm.end() :])):
            # "over H2O, SnapKV and PyramidKV"; not "Compared to X, NetY achieves ...": a subject after a fronted comparison
            list_end = end + lm.end()
        cues.append(_Cue(start=start, phrase=phrase, phrase_start=rest_start + skip, list_end=list_end,
                         examples_start=examples_start))
    return tuple(cues)


# (searched only in sentences with the words they need: "batch", "single"/"one")
_BATCH_IN_WORDS = Gated.auto(re.compile(r"\bbatch\s(?:size\s)?(?:of\s)?(one|two|four|eight|sixteen)\b", re.I))
_ONE_DEVICE = Gated.auto(re.compile(r"\b(?:on|using|with|in)\s(?:a\s)?(single|one)\s(?:[\w-]+\s){0,2}?(?:GPU|TPU|CPU|NPU|device"
                                    r"|accelerator|server|machine)s?\b", re.I))


def parse_sentence(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> tuple[SentenceResult, ...]:
    """Results stated in one sentence, in text order (see the module doc for examples).

    ``skip`` lists spans (relative to ``text``) whose numbers belong to names: model, dataset and
    hardware mentions the mapper linked (``Llama-2 7B``, ``A100-80GB``, ``ImageNet-1k``).
    """
    quantities = [q for q in find_quantities(text) if not any(s <= q.start < e for s, e in skip)]
    conds: list[tuple[str, str, int]] = []
    cond_qs: list[tuple[str, Quantity]] = []
    candidates: list[Quantity] = []
    for q in quantities:
        if q.role == "format" and _rx(r"\d+/\d+").fullmatch(q.text):
            conds.append(("configuration", q.text, q.start))
            continue
        if q.role != "measure":
            continue
        key = _condition_of(text, q)
        if key is None and q.group is not None:
            last = max((x for x in quantities if x.group == q.group), key=lambda x: x.start)
            if last is not q and _condition_of(text, last) in ("compression_ratio", "sparsity", "context_length"):
                key = _condition_of(text, last)  # "with both 50% and 35% KV cache budgets": the list shares the setting
        if key == "other":
            continue
        if key:
            if key == "bit_width" and any(a <= q.start < b for a, b in _comparative_spans(text)):
                continue  # "outperforms 16-bit LoRA": the comparator's precision, not a setting of the result
            conds.append((key, _condition_text(q), q.start))
            cond_qs.append((key, q))
            continue
        if _is_count(text, q) or _is_model_size(text, q):
            continue
        candidates.append(q)
    if not candidates:
        return ()  # no number measures anything (most sentences): the settings read below would qualify nothing
    compared = _comparative_spans(text)
    for name, s, _e in find_precisions(text):
        if any(a <= s < b for a, b in compared):
            continue  # "compared to INT8 quantization": the baseline's precision, not a setting of the result
        if name.startswith("w") and "a" in name:
            conds.append(("bit_width", name.upper(), s))
        elif _rx(r"(?:int|fp)\d+").fullmatch(name) and (
                _rx(r"\s(?:model|weights?|quantiz\w*|inference|precision)").match(text[_e : _e + 14])
                or _rx(r"\bquantiz\w*\s(?:[\w-]+\s){0,2}?(?:to|into|in|at)\s$", re.I).search(text[max(0, s - 40) : s])):
            # "INT4 weights", "when quantized to INT4": the precision the result was measured at
            conds.append(("bit_width", _rx(r"\D").sub("", name), s))

    for bm in _BATCH_IN_WORDS.iter_in(text):
        conds.append(("batch_size", str(int(_WORD_NUMBER[bm.group(1).lower()])), bm.start()))
    for dm in _ONE_DEVICE.iter_in(text):
        conds.append(("devices", "1", dm.start()))
    groups: dict[int, list[Quantity]] = defaultdict(list)
    for q in candidates:
        if q.group is not None:
            groups[q.group].append(q)
    cues = _baseline_cues(text)
    out: list[SentenceResult] = []
    prev_end = 0
    for i, q in enumerate(candidates):
        members = groups.get(q.group, [q]) if q.group is not None else [q]
        if q.group is None and q.unit is not None and i + 1 < len(candidates):
            other = candidates[i + 1]
            if other.unit not in (None, q.unit) and _rx(r"\s(?:or|i\.e\.,?)\s").fullmatch(text[q.end : other.start]):
                # "71% or 600 ms lower TTFT": one change written in two units shares the measure after the second
                members = [q, *(groups.get(other.group, [other]) if other.group is not None else [other])]
        first, head = members[0], members[-1]
        if q is first:
            prev_end_first = prev_end
        next_start = next((c.start for c in candidates if c.start > head.start), len(text))
        left, _r = _clause_bounds(text, first, prev_end_first if q is not first else prev_end, first.end)
        _l, right = _clause_bounds(text, head, head.start, next_start)
        res = _read_result(text, q, first, head, left, right, prev_end if q is first else prev_end_first)
        prev_end = q.end
        if res is not None:
            res = _with_baseline(text, res, cues, candidates)
            out.extend(_split_measures(text, res))
    out = _restated_bounds(text, _pair_measures(text, _inherit(text, out)))
    if out and _rx(r"(?:^|,\s)on\saverage,", re.I).search(text[: out[0].start]):
        # "Experiments show that, on average, X reduces ... and achieves ...": said of every result
        out = [r if r.qualifier else _replace(r, qualifier="on_average") for r in out]
    paired, claimed = _respective_settings(text, out, cond_qs)
    if claimed:
        conds = [c for c in conds if c[2] not in claimed]
    return tuple(_replace(r, conditions={**_conditions_for(r, out, conds, text), **paired.get(r.start, {})}) for r in out)


_RESPECTIVELY = Gated(re.compile(r"\brespectively\b", re.I), ("respectively",))
_RESULT_JOIN = re.compile(r"\s?(?:,\s?(?:and\s)?|\s(?:and|&)\s)")


def _respective_settings(text: str, out: Sequence[SentenceResult], cond_qs: Sequence[tuple[str, Quantity]]
                         ) -> tuple[dict[int, dict[str, str]], set[int]]:
    """Settings listed with "respectively" pair by position with a list of results of the same length:
    "gains of 5.1 and 9.8 points at 4 and 3 bits, respectively". Returns the settings of each paired
    result (by its start) and the positions of the settings so paired, which hold for no other result."""
    paired: dict[int, dict[str, str]] = {}
    claimed: set[int] = set()
    if not cond_qs or not _RESPECTIVELY.found(text):
        return paired, claimed
    lists: dict[tuple[str, int], list[Quantity]] = defaultdict(list)
    for key, q in cond_qs:
        if q.group is not None:
            lists[(key, q.group)].append(q)
    starts = list(dict.fromkeys(r.start for r in out))
    ends = {r.start: r.end for r in out}
    for (key, _g), members in lists.items():
        members.sort(key=lambda x: x.start)
        if len(members) < 2 or not _rx(r"^[\s-]?(?:[\w-]+\s?){0,2}?[,(]?\s?respectively\b", re.I).match(
                text[members[-1].end : members[-1].end + 40]):
            continue
        # the run of coordinated results of the same length nearest before the settings (else after them)
        runs: list[list[int]] = []
        for st in starts:
            if runs and _RESULT_JOIN.fullmatch(text[ends[runs[-1][-1]] : st]):
                runs[-1].append(st)
            else:
                runs.append([st])
        fits = [run for run in runs if len(run) == len(members) and not _rx(r";|\.\s").search(
            text[min(run[0], members[0].start) : max(ends[run[-1]], members[-1].start)])]
        before = [run for run in fits if ends[run[-1]] <= members[0].start]
        run = before[-1] if before else next(iter(fits), None)
        if run is None:
            continue
        for st, q in zip(run, members):
            paired.setdefault(st, {})[key] = _condition_text(q)
        claimed.update(q.start for q in members)
    return paired, claimed


def _restated_bounds(text: str, out: list[SentenceResult]) -> list[SentenceResult]:
    """A parenthesis right after a bounded result that restates it in another measure shares the bound:
    "up to 34x higher hit rates (71% or 617 ms lower TTFT)". In the same measure the parenthesis is a
    case of its own ("up to 3x faster (2x on A100)") and keeps its values as written."""
    if "(" not in text:
        return out
    result = list(out)
    for k, p in enumerate(out):
        if p.qualifier not in ("up_to", "more_than", "at_least"):
            continue
        gap = _rx(r"[^\d(),;:]{0,60}?\(").match(text, p.end)
        if gap is None:
            continue
        close = text.find(")", gap.end())
        inside = [n for n in range(k + 1, len(out)) if gap.end() <= out[n].start < (close if close >= 0 else len(text))]
        if not inside or out[inside[0]].start - gap.end() > 2 or any(
                out[n].metric in (None, p.metric) or out[n].qualifier is not None for n in inside):
            continue
        for n in inside:
            result[n] = _replace(out[n], qualifier=p.qualifier)
    return result


_MEASURE_LIST = r"(?P<list>(?:[\w-]+\s){0,2}?[\w-]+(?:(?:,\s(?:and\s)?|\s(?:and|&)\s)(?:the\s)?(?:[\w-]+\s){0,2}?[\w-]+)+)"
_LIST_BEFORE = re.compile(rf"\b(?P<verb>(?:reduc|lower|cut|decreas|shrink|sav|improv|increas|boost|enhanc|rais|accelerat)\w*)\s"
                          rf"(?:the\s|both\s|their\s|its\s)?{_MEASURE_LIST}\s(?:roughly\s|about\s|approximately\s|nearly\s|up\sto\s)?(?:by|of)\s"
                          r"(?:up\sto\s|about\s|roughly\s|around\s|nearly\s|over\s|approximately\s)?$", re.I)
_LIST_AFTER = re.compile(rf"^\s?(?:[\w-]+\s)?(?P<verb>improvements?|reductions?|gains?|increases?|decreases?|savings?|speed-?ups?)\s"
                         rf"(?:in|of|on)\s(?:the\s)?{_MEASURE_LIST}(?=,?\s?respectively|[,;.)]|$)", re.I)


def _pair_measures(text: str, out: list[SentenceResult]) -> list[SentenceResult]:
    """Coordinated numbers and coordinated measures pair by position: "reduces latency and memory by 30%
    and 40%", "2.1x and 3.4x improvements in throughput and energy efficiency, respectively"; one number
    after two measures states both ("lowers memory and latency by 2x")."""
    result = list(out)
    i = 0
    while i < len(result):
        j = i
        while j + 1 < len(result) and _rx(r"\s?(?:,\s?(?:and\s)?|\s(?:and|&)\s)").fullmatch(text[result[j].end : result[j + 1].start]):
            j += 1
        members = result[i : j + 1]
        clause_start = result[i - 1].end if i > 0 else 0
        m = _LIST_BEFORE.search(text[clause_start : members[0].start])
        after = _LIST_AFTER.match(text[members[-1].end : members[-1].end + 120])
        for found in (m, after):
            if found is None:
                continue
            items = [x.strip() for x in _rx(r",\s(?:and\s)?|\s(?:and|&)\s").split(found.group("list"))
                     if x.strip() and x.strip().lower() not in ("respectively", "correspondingly")]
            metrics = [_head_metric(x) for x in items]
            if len(items) < 2 or not all(metrics) or len(set(metrics)) != len(metrics) \
                    or any(_rx(r"\d").search(x) or _rx(r"\b(?:achiev|reach|obtain|enhanc|improv|reduc|increas|boost|deliver|provid"
                                                   r"|offer|outperform|maintain|keep|retain|enabl|run|lower|cut|is|are)\w*\s\w", re.I).search(x)
                           for x in items):
                continue
            verb = found.group("verb").lower()
            if found is m and not _rx(r"(?:reduc|lower|cut|decreas|shrink|sav|improv|increas|boost|enhanc|rais|accelerat)").match(verb):
                continue  # the measures must be the objects of a verb of change
            def direction(metric: str | None, item: str, r: SentenceResult) -> Direction | None:
                if r.kind != "relative" or (r.direction is None and r.unit == "percent"):
                    return r.direction
                if _rx(r"(?:reduc|cut|lower|decreas|sav|shrink|drop)").match(verb):
                    return "decrease"
                if metric in LOWER_IS_BETTER and (_EFFICIENCY.search(item) or _rx(r"(?:improv|enhanc|gain|boost|speed)").match(verb)):
                    return "decrease"
                return "increase" if metric in HIGHER_IS_BETTER or _rx(r"increas|rais|grow").match(verb) else "decrease"
            if len(members) == len(items):
                for k, (r, metric, item) in enumerate(zip(members, metrics, items)):
                    members[k] = _replace(r, metric=metric, direction=direction(metric, item, r), partial=False)
                result[i : j + 1] = members
                # drop the extra results a split of the last number into two measures made
                result = [x for x in result if not (x.start == members[-1].start and x is not members[-1] and x.metric in metrics)]
            elif len(members) == 1 and found is m and len(items) == 2:
                r = members[0]
                pair = [_replace(r, metric=metric, direction=direction(metric, item, r), partial=False) for metric, item in zip(metrics, items)]
                result[i : i + 1] = pair
                j += 1
            break
        i = j + 1
    return result


_TWO_MEASURES = re.compile(
    r"^\s?(?:[\w-]+\s){0,2}?(?:reductions?|improvements?|increases?|decreases?|savings?|gains?|cuts?)\s(?:in|of)\s"
    r"(?:the\s)?(?P<a>[\w-]+(?:\s[\w-]+){0,2}?)\s(?:and|&)\s(?:the\s)?(?P<b>[\w-]+(?:\s[\w-]+){0,2}?)"
    r"(?=[,;.)]|\s(?:while|with|compared|than|over|on|at|for|by|when|respectively)\b|$)", re.I)


_MEASURES_THEN_CHANGE = re.compile(
    r"^\s?(?P<a>[\w-]+(?:\s[\w-]+)?)\s(?:and|&)\s(?P<b>[\w-]+(?:\s[\w-]+)?)\s"
    r"(?P<change>reductions?|savings?|cuts?|decreases?|improvements?|gains?|increases?)\b(?!,?\s?respectively)", re.I)


def _split_measures(text: str, r: SentenceResult) -> list[SentenceResult]:
    """One number, two measures: "3-4x reduction in model size and memory" states both, and so does
    "over 80% memory and energy reductions" (the change noun after the two measures)."""
    before_change = _MEASURES_THEN_CHANGE.match(text[r.end : r.end + 90])
    if before_change and r.unit in ("percent", "x") and not _rx(r"[\d%x×]\s?(?:,\s?(?:and\s)?|\s(?:and|&)\s)$").search(
            text[max(0, r.start - 12) : r.start]):
        a, b = _head_metric(before_change.group("a")), _head_metric(before_change.group("b"))
        if a and b and a != b:
            word = before_change.group("change").lower()
            def way(metric: str) -> Direction:
                if word.startswith(("increase",)):
                    return "increase"
                if word.startswith(("improve", "gain")):
                    return "increase" if metric in HIGHER_IS_BETTER else "decrease"
                return "decrease"
            return [_replace(r, metric=x, kind="relative", direction=way(x), partial=False) for x in (a, b)]
    m = _TWO_MEASURES.match(text[r.end : r.end + 90])
    if m is None or r.metric is None:
        return [r]
    first, second = _head_metric(m.group("a")), _head_metric(m.group("b"))
    if not first or not second or first == second or r.metric not in (first, second):
        return [r]
    def flip(metric: str) -> Direction | None:
        if r.direction is None:
            return None
        same = (r.metric in HIGHER_IS_BETTER) == (metric in HIGHER_IS_BETTER)
        return r.direction if same else ("increase" if r.direction == "decrease" else "decrease")
    return [_replace(r, metric=first, direction=flip(first)), _replace(r, metric=second, direction=flip(second))]


def _conditions_for(r: SentenceResult, out: Sequence[SentenceResult], conds: Sequence[tuple[str, str, int]],
                    text: str = "") -> dict[str, str]:
    """The settings a result was measured under.

    A setting holds for the results of its own part of the sentence ("which", "while", "but" or
    ";" start another); inside a parenthesis, only for that parenthesis and the result it follows
    ("3x on GPT-2 (seq. length 1K)"). Among several values of one key the nearest wins.
    """
    chosen: dict[str, str] = {}
    for key in dict.fromkeys(k for k, _v, _p in conds):
        values = [(v, p) for k, v, p in conds if k == key and (not text or _same_scope(text, p, r, out))]
        if not values:
            continue
        if len({v for v, _ in values}) == 1:
            chosen[key] = values[0][0]
            continue
        v, _p = min(values, key=lambda vp: _span_distance(vp[1], r.start, r.end))
        chosen[key] = v
    return chosen


_SCOPE_BREAK = re.compile(r";|\.\s|,\s(?:which|that|making|allowing|enabling)\b|\s(?:whereas|but)\s", re.I)


def _same_scope(text: str, pos: int, r: SentenceResult, out: Sequence[SentenceResult]) -> bool:
    """Whether a setting at ``pos`` is said of result ``r``: same part of the sentence, same parenthesis."""
    paren_r, paren_c = _paren_span(text, r.start), _paren_span(text, pos)
    if paren_c and paren_c == paren_r:
        return True
    if paren_c:
        # a parenthesis speaks of the result it follows in the same claim
        before = [x for x in out if x.end <= paren_c[0] and not _paren_span(text, x.start)]
        owner = before[-1] if before else None
        return owner is r and not _rx(r"[:;)]|\.\s").search(text[r.end : paren_c[0]]) \
            and not _SCOPE_BREAK.search(text[r.end : paren_c[0]])
    lo, hi = sorted((pos, r.start))
    between = text[lo:hi]
    if paren_r:
        between = between.replace(text[paren_r[0] : paren_r[1] + 1], "")
    if _SCOPE_BREAK.search(between):
        return False
    if pos >= r.end:
        # a setting after a later claim is that claim's ("cuts the KV cache by 75% and reaches 6x throughput for a
        # 1M context"); coordinated numbers of one claim share it ("2x and 3x at 128K")
        later = [x for x in out if r.end <= x.start < pos]
        if later and (_rx(r"[,;()]").search(text[r.end : later[0].start]) or (
                (_NEW_CLAIM.search(text[r.end : later[0].start]) or _VERB.search(text[r.end : later[0].start]))
                and _rx(r"\bfor\s(?:a\s|an\s|the\s)?$", re.I).search(text[max(0, pos - 8) : pos]))):
            return False
    return True


def _span_distance(pos: int, start: int, end: int) -> int:
    return 0 if start <= pos < end else min(abs(pos - start), abs(pos - end))


# A new verb phrase starts a new claim: a comparison on its far side is not said of this number.
_NEW_CLAIM = re.compile(
    r"[;]|\.\s(?![a-z])|\b(?:and|while|but|whereas|thereby|then)\s(?:also\s|further\s|still\s|even\s)?(?:\w+ly\s)?"
    r"(?:achiev|reach|obtain|attain|deliver|provid|offer|reduc|improv|cut|lower|outperform|exceed|surpass|beat|accelerat"
    r"|boost|increas|decreas|sav|yield|requir|enabl|run|match|maintain|retain|preserv|speed|compress|bring|gain|shows?"
    r"|demonstrat|being|is\b|are\b)",
    re.I,
)


def _with_baseline(text: str, r: SentenceResult, cues: Sequence[_Cue], candidates: Sequence[Quantity]) -> SentenceResult:
    """Attach the comparison phrase a result is stated against.

    The comparison after the number in the same claim ("2x faster than X"; an absolute value only
    when the comparison follows closely), else, for a change, the nearest comparison before it
    in the same sentence part ("Compared with X, we cut ... by 40%", "X outperforms Y ..., while
    reducing memory by 75%"). A new claim in between ("..., and achieves 3x over Y") ends the scope.
    """
    chosen: _Cue | None = None
    after = [c for c in cues if c.start >= r.end]
    if after:
        c = after[0]
        between = text[r.end : c.start]
        closed = bool(_NEW_CLAIM.search(text[r.end : c.phrase_start]))
        if (r.kind == "absolute" or r.direction is None) and (
                any(r.end <= q.start < c.start for q in candidates) or len(between) >= 40):
            closed = True  # "reaches 1038 TOPS, a 5x speedup over X": the comparison belongs to the factor
        if not closed:
            chosen = c
    if chosen is None and r.kind == "relative":
        # a comparison that follows another number in its claim is that number's ("15% faster compared
        # to X, 3x on Y": X is not the baseline of the 3x)
        before = [c for c in cues if c.list_end <= r.start and not _rx(r";|\.\s").search(text[c.list_end : r.start])
                  and not any(q.end <= c.start and q.start != r.start and not _NEW_CLAIM.search(text[q.end : c.phrase_start])
                              for q in candidates)]
        if before:
            chosen = before[-1]
    if chosen is None:
        return r
    return _replace(r, baseline_text=chosen.phrase, baseline_start=chosen.phrase_start,
                   baseline_end=max(chosen.list_end, chosen.phrase_start + len(chosen.phrase)),
                   baseline_examples=chosen.examples_start)


_RESULT_VERB = re.compile(
    r"\b(?:achiev\w*|reach\w*|obtain\w*|attain\w*|improv\w*|reduc\w*|cut\w*|lower\w*|increas\w*|boost\w*|accelerat\w*"
    r"|speed(?:s|ed|ing)\b|speeds?\sup|sav(?:e|es|ed|ing)|deliver\w*|yield\w*|provid\w*|offer\w*|outperform\w*|surpass\w*|maintain\w*|keep\w*"
    r"|retain\w*|requir\w*|us(?:e|es|ing)|consum\w*|runs?|running|enabl\w*|decreas\w*|shrink\w*|compress\w*|gain\w*)\b",
    re.I,
)
_WHICH_IS = re.compile(r"^[\s,]*(?:which|that)\s(?:is|was|are|were|represents?|corresponds\sto|amounts\sto)\s(?:a|an)?\s*$"
                       # "reaches 1200 tokens/s, 2x more than X": an apposition restates the same measure
                       r"|^(?:\s[\w-]+){0,3}?,\s(?:i\.e\.,?\s|or\s)?(?:a|an)?\s?$", re.I)


_CHANGE_WORD = re.compile(
    r"\s?(?:[\w-]+\s){0,2}?\b(?:reductions?|savings?|lower|higher|less|more|fewer|smaller|larger|faster|slower|speed-?ups?"
    r"|improvements?|increases?|decreases?|gains?|cuts?)\b", re.I)


def _opens_with_word(text: str, word: str) -> bool:
    """``re.match(rf"\\s?{re.escape(word)}\\b", text)`` for a word that ends in a letter, without a pattern
    compiled for each word: the word after at most one whitespace, and no word character after it."""
    at = 1 if text[:1].isspace() and text.startswith(word, 1) else 0
    if not text.startswith(word, at):
        return False
    after = text[at + len(word) : at + len(word) + 1]
    return not (after.isalnum() or after == "_")


def _inherit(text: str, out: list[SentenceResult]) -> list[SentenceResult]:
    """Coordinated results share what is written once.

    "4-5x and 20-25x increase in speed" (the noun written after the last), "97.1% on MATH500 and
    81.3% on AIME24" (the metric), "roughly 20% ... and 35% ..." (the qualifier), "reaches 93
    tokens/s, which is 1.43x that of ..." (the metric of the first).
    """
    filled = list(out)
    for i in range(len(filled) - 2, -1, -1):
        r, n = filled[i], filled[i + 1]
        between = text[r.end : n.start]
        if r.metric is None and n.metric and n.unit == r.unit and not _RESULT_VERB.search(between) \
                and _rx(r"[\s,]*(?:and|or)?\s*").fullmatch(between) \
                and not _BY_BEFORE.search(text[max(0, r.start - 40) : r.start]):
            filled[i] = _replace(r, metric=n.metric, direction=r.direction or n.direction, partial=False)
    for i in range(1, len(filled)):
        r, p = filled[i], filled[i - 1]
        between = text[p.end : r.start]
        which = bool(_WHICH_IS.match(between)) and (between.lstrip(" ,").startswith(("which", "that", "i.e.")) or bool(_rx(
            r"^\s?(?:[\w-]+\s)?(?:lower|higher|more|less|better|faster|smaller|larger|greater|times\sthat)\b", re.I).match(
            text[r.end : r.end + 30])))
        # "20% reduction in latency for A and 35% reduction for B": the same noun of change, said again
        p_noun = _rx(r"\s?([a-z-]+)").match(text[p.end : p.end + 20])
        parallel = bool(p_noun and _CHANGE_NOUN.match(p_noun.group(1)) and _opens_with_word(
            text[r.end : r.end + 20], p_noun.group(1))) and not _rx(r"[;:]|\.\s").search(between) \
            and not _VERB.search(between)
        # (coordinated: no verb, clause break or word of another metric between them; read only for a number
        # with no metric of its own after one with a metric, few: a search per metric)
        if r.metric is None and p.metric and (which or parallel or (
                p.unit == r.unit and not _RESULT_VERB.search(between) and not _rx(r"[;:]|\.\s").search(between)
                and not any(rx.search(between) and m != p.metric for m, rx in _METRIC_RES))) \
                and not _names_own_measure(text, r):
            direction = r.direction
            if r.kind == "relative" and direction is None:
                direction = "increase" if p.metric in HIGHER_IS_BETTER else "decrease"
            filled[i] = r = _replace(r, metric=p.metric, direction=direction, partial=False)
        # a qualifier hangs over plain coordinated numbers ("up to 54% and 69%"), not over a new noun of change
        # "up to 10.7x speedup and 19.9x ...": the numbers hang on one qualifier; "by up to 7x ... and
        # by 2x" repeats the preposition without it
        plain = not _VERB.search(between) and not _NEW_CLAIM.search(between) and not _rx(r"[;:(]|\.\s").search(between)
        # "up to 3.4x higher throughput and 5x lower latency", "up to 8.3x memory saving and 42.9x computation
        # reduction", "at least 10x faster inference, 5x less memory": a list of numbers, each with its own short
        # measure of change, under one qualifier
        listed = bool(_rx(r"\s?(?:[\w-]+\s){1,2}[\w-]+(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s)").fullmatch(between)) \
            and not _NEW_CLAIM.search(between) and bool(_CHANGE_WORD.search(between)) and bool(_CHANGE_WORD.match(text, r.end))
        if (plain or parallel or listed) and r.qualifier is None and p.qualifier in ("about", "up_to", "more_than", "at_least") \
                and p.unit == r.unit and not _rx(r"\bby\b").search(between) and (
                    len(between) <= 12 or parallel or listed or _rx(r"\s?[\w-]+\s(?:and|or)\s").fullmatch(between)
                    # "over 11x inference speedup on A and 16x on B": a parallel context, one qualifier
                    or _rx(r"\s?(?:[\w-]+\s){0,3}(?:on|for|in|with)\s(?:the\s)?[\w.+-]+\s(?:and|or)\s").fullmatch(between)):
            filled[i] = _replace(r, qualifier=p.qualifier)
    # "up to 61% lower latency (30% on average)": a parenthesis that only qualifies restates the claim
    for i in range(1, len(filled)):
        p, r = filled[i - 1], filled[i]
        paren = _paren_span(text, r.start)
        if paren is None or p.end > paren[0] or r.unit != p.unit \
                or _rx(r"[;:]|\.\s").search(text[p.end : paren[0]]) or _VERB.search(text[p.end : paren[0]]):
            continue
        content = text[paren[0] + 1 : paren[1]]
        if _rx(r"\s*(?:(?:on\s)?average\s(?:of\s)?|avg\.?\s|mean\s|up\sto\s|max(?:imum)?\s|about\s|around\s|~\s?)?"
               r"[\d.,]+\s?(?:%|x|×|times)?(?:\s(?:on\saverage|avg\.?|average|mean|at\smost|max(?:imum)?))?\s*", re.I).fullmatch(
               content):
            metric = r.metric or p.metric
            filled[i] = _replace(r, metric=metric, kind=p.kind, direction=p.direction, partial=metric is None)
    # "only 43.4% of the parameters and 42.2% FLOPs", "46.7% memory and 8.7% time of X": coordinated shares
    for i in range(1, len(filled)):
        a, b = filled[i - 1], filled[i]
        between = text[a.end : b.start]
        if a.unit != "percent" or b.unit != "percent" or _VERB.search(between) or _NEW_CLAIM.search(between) \
                or _rx(r"[;:()]|\.\s").search(between) or not _rx(r"(?:,\s?|\s)and\s$|,\s$").search(between):
            continue
        share_a = a.kind == "relative" and a.direction is None
        share_b = b.kind == "relative" and b.direction is None
        if share_a and b.kind == "absolute" and b.direction is None and not _names_change(text, b):
            filled[i] = _replace(b, kind="relative")
        elif share_b and a.kind == "absolute" and a.direction is None and not _names_change(text, a):
            filled[i - 1] = _replace(a, kind="relative")
    return filled


# words that may follow a number without naming a measure of their own ("2x and 3x higher", "40% and 35% less")
_PLAIN_AFTER = re.compile(
    r"^(?:reductions?|improvements?|increases?|decreases?|gains?|speed-?ups?|drops?|savings?|boosts?|cuts?|lower|higher"
    r"|less|more|fewer|smaller|larger|faster|slower|better|worse|greater|degradation|loss|compression|acceleration"
    r"|overhead|growth|decline|respectively|correspondingly|overall|total|average|in|of|the|a|an|each|all|both|relative"
    r"|times|fold|x|points?|that|those|as|what|it|its|their|our)$", re.I)


def _names_change(text: str, q: Quantity | SentenceResult) -> bool:
    """Whether the words right after a number make it a change ("28% lower", "30% reduction")."""
    head = _right_head(text, q.end, min(len(text), q.end + 60))
    return bool(_rx(r"\b(?:reductions?|improvements?|increases?|decreases?|gains?|speed-?ups?|drops?|savings?|boosts?"
                    r"|cuts?|lower|higher|less|more|fewer|smaller|larger|faster|slower|better|worse|greater|shorter"
                    r"|longer)\b", re.I).search(head))


def _names_own_measure(text: str, r: SentenceResult) -> bool:
    """Whether the words right after a number name a measure the metric list does not know
    ("2.4x parameter-count drop" read nothing, "1.7x more DSP efficient"): such a number does not
    take the measure of its neighbour."""
    head = _right_head(text, r.end, min(len(text), r.end + 60))
    head = _rx(r"\b(?:of|that|those|than)\b").split(head, maxsplit=1)[0]  # "1.4x that of the GPU": the reference
    words = _rx(r"[A-Za-z][\w-]*").findall(head)
    return any(not _PLAIN_AFTER.match(w) for w in words)


_CHANGE_OF = re.compile(r"\b(?:(?:increases?|decreases?|reductions?|improvements?|gains?|drops?|degradations?)\s(?:of\s)?"
                        r"|(?:speed-?ups?|savings?|boosts?|margins?|enhancements?)\sof\s)"
                        r"(?:up\sto\s|about\s|around\s|no\smore\sthan\s|less\sthan\s|at\smost\s|only\s)?$", re.I)
_ARROW = re.compile(r"^\s?(?:↓|↑|\\?downarrow|\\?uparrow)", re.I)
_PER_WATT = re.compile(r"\b(?:ipw|(?:intelligence|performance|perf|accuracy|tokens?|work)\s?(?:per\s|/\s?)(?:watt|joule|w)\b)", re.I)
_EFFICIENCY = re.compile(r"\b(?:memory|energy|cost|parameter|power|compute|computational|storage|area)[- ]?(?:efficien\w*)", re.I)


def _read_result(
    text: str, q: Quantity, first: Quantity, head: Quantity, left: int, right: int, prev_end: int
) -> SentenceResult | None:
    metric, where = _metric_near(text, head, left if head is first else head.start, right)
    if metric is None and head is not first:
        metric, where = _metric_near(text, first, left, first.end)
    by = bool(_BY_BEFORE.search(text[max(0, first.start - 40) : first.start]) or _CHANGE_OF.search(
        text[max(0, first.start - 50) : first.start]))
    in_paren = bool(_rx(r"\((?:\s?(?:less|more|fewer)\sthan|\s?about|\s?around|\s?up\sto|\s?[~≈<>])?\s?$").search(
                        text[max(0, first.start - 14) : first.start]))
    if metric is None and (by or in_paren):
        # "reduces the memory of optimizers such as Adam by 96%", "accuracy on CIFAR-100 (91.7%)":
        # the noun is further back than the clause
        metric, where = _metric_near(text, first, prev_end, first.start)
    paren = _paren_span(text, first.start)
    if metric is None and paren and _rx(r"\(\s?").fullmatch(text[paren[0] : first.start]):
        # "a perplexity of 7.59 (2.17 lower ...)": a parenthesis speaks of what it follows
        found = _head_metric(text[max(0, paren[0] - 60) : paren[0]])
        metric, where = (found, "paren") if found else (metric, where)
    if q.unit == "percent" and _rx(r"\b(?:prun|remov|drop|evict|skip|eliminat|discard|sparsif|offload)\w*\s(?:up\sto\s|over\s"
                                   r"|about\s|around\s|nearly\s|more\sthan\s)?$", re.I).search(text[max(0, q.start - 30) : q.start]) \
            and _rx(r"^\s?of\s(?:the\s|all\s|its\s)?(?:[\w-]+\s)?(?:weights|parameters|tokens|experts|heads|channels|neurons"
                    r"|layers|kv\s(?:cache|entries|pairs)|attention\s(?:heads|computation))\b", re.I).match(text[q.end : q.end + 40]):
        metric, where = "metric/compression-ratio", "right"  # "prunes 50% of the weights": the share removed
    if metric and not _compatible(metric, q):
        metric = None
    unit_metric = _unit_metric(q)
    if unit_metric and (metric is None or not _compatible(metric, q)):
        metric = unit_metric
    if metric is None:
        metric = _UNIT_DEFAULT.get(q.unit or "")
        if metric == "metric/latency" and q.unit in ("s", "hours") and _rx(
                r"\b(?:train\w*|pre-?train\w*|fine-?tun\w*|search\w*|compress\w*|distill\w*)\b[^,;]{0,50}\bin\s(?:only\s|just\s|under\s"
                r"|less\sthan\s|about\s)?$", re.I).search(text[max(0, q.start - 70) : q.start]):
            metric = "metric/training-time"  # "trains ResNet-50 on ImageNet in 18 minutes"
    if metric == "metric/cost" and q.unit in ("hours", "s", "ms", "us"):
        # a duration is a time, whatever it is called ("training cost of 12 days")
        metric = "metric/training-time" if _rx(r"\b(?:train|pre-?train|search|compress|fine-?tun)\w*", re.I).search(
                                               text[left:right]) else "metric/latency"
    if q.unit is None and metric is None:
        return None  # a bare number with no metric word near it says nothing measurable
    if _rx(r"\b(?:training|validation|train|test|eval\w*|pre-?training)\s(?:loss|losses)\b(?:\s(?:by|of))?\s?(?:up\sto\s|about\s)?$", re.I).search(
           text[max(0, q.start - 40) : q.start]) \
            or _rx(r"^\s?(?:lower\s|less\s|reduction\sin\s)?(?:training|validation|test)\sloss\b", re.I).match(text[q.end : q.end + 30]):
        return None  # "a reduction in training loss by 52.7%": a loss value is not on the metric list
    if q.unit == "x" and _rx(r"^\s(?:the\s(?:size|number|amount)\sof|as\s(?:large|big|small|many|much))\b", re.I).match(
                             text[q.end : q.end + 24]):
        return None  # "twice the size of the DRAM", "twice as large": a size relation, no listed measure
    if q.unit is None and where == "left" and q.group is None and not _rx(
        r"(?:of|=|:|at|reach(?:es|ed|ing)?|achiev(?:es|ed|ing)?|to|is|was|are|were|yields?|obtains?|scor(?:es|ed|ing)"
        r"|gets?|by|with|and|than|,|\()\s?$", re.I).search(text[left : q.start].rstrip() + " "):
        return None
    if q.unit in ("tokens", "GPUs") and metric not in ("metric/context-length", "metric/throughput"):
        return None
    per_token = q.unit == "params" and bool(_rx(r"\bactivat(?:es|ed|ing)\s[^;:]{0,25}$", re.I).search(
        text[max(0, q.start - 40) : q.start])) and bool(_rx(
        r"^(?:[^()]{0,20}\))?\s?(?:\([^()]{0,30}\)\s?)?(?:(?:active\s|activated\s)?param(?:eter)?s\s)?per\s(?:token|input|sample|query)\b",
        re.I).match(text[q.end : q.end + 50]))
    if q.unit == "params" and not per_token and (not (_rx(
        r"\b(?:fewer|less|reduc\w*|by|cut\w*|sav\w*|compress\w*)\b[^,;]{0,25}$", re.I).search(
        text[max(0, q.start - 40) : q.start])
        or _rx(r"\b(?:only|just|merely|as\sfew\sas|under|below)\s(?:a\s|an\s|about\s|around\s|roughly\s)?$", re.I).search(
               text[max(0, q.start - 25) : q.start])
    ) and not _rx(r"^\s?(?:fewer|less)\b").match(text[q.end : q.end + 10]) or _rx(
        r"\b(?:beyond|above|over|exceeding|more\sthan|larger\sthan|greater\sthan)\s$", re.I).search(
        text[max(0, q.start - 14) : q.start])):
        return None  # a parameter count without a saving is a model size ("only beyond 14B parameters"), not a result

    before = text[left : first.start]
    # a comparative that introduces the number ("higher than 80%") is a qualifier, not a direction
    before_dir = _rx(r"\b(?:no\s)?(?:higher|more|greater|larger|longer|lower|less|fewer|smaller|shorter)\sthan\s?$").sub("", before)
    after_clause = text[head.end : right]
    # a share of a reference: "96% of the throughput", "matches 90% performance of X"; a value kept
    # without a reference ("maintains 97.2% accuracy on X") is a value reached
    share = (bool(_SHARE_AFTER.match(text[head.end : head.end + 40])) and not (q.unit == "x" and q.value > 1)) \
        or q.unit_raw == "fraction" or (
        q.unit == "percent" and bool(_KEEP_VERB.search(before)) and bool(
            _rx(r"^\s?(?:of\s)?(?:the\s)?(?:\w+\s)?(?:performance|accuracy|quality|throughput)\sof\b", re.I).match(text[head.end :])))
    # "reduces the KV cache to 10%": what is left, not the change
    retained = q.unit == "percent" and bool(_rx(r"(?<!up\s)\bto\s(?:only\s|just\s|about\s|around\s)?$").search(before)) \
        and bool(_rx(r"\b(?:reduc\w*|cut\w*|lower\w*|decreas\w*|shrink\w*|shr[au]nk|compress\w*|prun\w*|trim\w*|slash\w*)\b", re.I).search(
                     before))
    # utilisation: "40% of peak", "73% of the theoretical maximum FLOPs/s"
    utilisation = q.unit == "percent" and bool(_rx(
        r"^\s?of\s(?:the\s)?(?:theoretical\s|hardware\s|achievable\s)?(?:peak|maximum)\b", re.I).match(
        text[head.end : head.end + 40]))
    if utilisation:
        metric, share = "metric/throughput", False
    unit_in = q.unit
    if q.unit is None and by and metric in ("metric/throughput", "metric/speed") and q.value_max is None \
            and _BY_BEFORE.search(text[max(0, q.start - 40) : q.start]):
        unit_in = "x"  # "increases throughput by 4.7": a rate grows by a factor
    if q.unit is None and _rx(r"^\s(?:reduction|improvement|increase|decrease|drop|gain)s?\b", re.I).match(text[head.end :]):
        unit_in = "percent"  # "a 45 reduction in FLOPs": the percent sign was lost upstream
    better = _rx(r"^\s?(superior|better|worse|higher|lower|more|less|fewer|smaller|larger|faster|slower)\b", re.I).match(
                 text[head.end : head.end + 12]) or _rx(
        r"^\s(?:[\w-]+\s){1,3}?(better|worse|higher|lower)\sthan\b", re.I).match(text[head.end : head.end + 50])
    dec = _nearest(_DECREASE, before_dir, after_clause)
    inc = _nearest(_INCREASE, before_dir, after_clause)
    direction: Direction | None = None
    if dec is not None and (inc is None or dec < inc):
        direction = "decrease"
    elif inc is not None:
        direction = "increase"
    if direction == "increase" and metric in LOWER_IS_BETTER and inc is not None \
            and _nearest(_EVALUATIVE, before_dir, after_clause) == inc:
        direction = "decrease"  # "a 0.3% improvement in error rate", "1.6x latency improvement": the measure fell
    if better and better.group(1).lower() in ("better", "worse") and metric:
        good: Direction = "increase" if metric in HIGHER_IS_BETTER else "decrease"
        bad: Direction = "decrease" if good == "increase" else "increase"
        direction = good if better.group(1).lower() == "better" else bad  # "0.7 better perplexity" is lower
    if q.change_from is not None:
        direction = "increase" if q.value > q.change_from else "decrease"

    arrow = _ARROW.match(text[q.end : q.end + 12])
    if arrow:
        direction = "decrease" if "down" in arrow.group() or "↓" in arrow.group() else "increase"
    plus = q.unit is None and text[max(0, q.start - 1) : q.start] == "+"
    signed = q.unit in ("percent", "x") and _rx(r"(?:^|[\s(])[+−]$").search(text[max(0, q.start - 2) : q.start])
    if signed:
        # "(+9.4%)", "(−12%)": a signed change
        direction = "increase" if text[q.start - 1] == "+" else "decrease"
    relative = unit_in in ("x", "points") or by or bool(arrow) or plus or bool(signed) or bool(better) or (
        unit_in is None and direction is not None and bool(_rx(
            r"^\s(?:[\w-]+\s){0,2}?(?:improvements?|gains?|increases?|reductions?|decreases?|drops?)\b", re.I).match(
            text[head.end : head.end + 40]))
    ) or (
        direction is not None and unit_in == "percent" and not share)
    if unit_in == "percent" and relative and not by and not better and not arrow and not plus and not signed \
            and q.change_from is None \
            and _rx(r"(?:\b(?:at|of)|[:=])\s(?:about\s|around\s|nearly\s|only\s)?$", re.I).search(text[max(0, first.start - 14) : first.start]) \
            and not _names_change(text, head) and not _rx(
                r"\b(?:reduc\w*|improv\w*|increas\w*|decreas\w*|gains?|speed-?ups?|drops?|savings?|boosts?|margins?|enhanc\w*"
                r"|accelerat\w*|lower|higher|less|more|fewer|smaller|larger|faster|slower|better|worse|greater)\b", re.I).search(
                text[max(left, first.start - 40) : first.start]):
        relative = False  # "outperforms X at 85.2% accuracy", "an accuracy of 84.3%": the value reached
    if unit_in == "percent" and not share and _rx(
            r"^\s?(?:relative\sto|compared\s(?:to|with)|in\scomparison\s(?:to|with)|vs\.?|versus)\s", re.I).match(
            text[head.end : head.end + 25]):
        relative = True  # "... by 45% relative to A and 33% relative to B": a change against what follows
    if q.unit in ("GB", "MB", "KB", "TB", "s", "ms", "hours") and direction == "decrease" and _rx(
            r"\b(?:sav\w*|reduc\w*|cut\w*|lower\w*|decreas\w*)\b", re.I).search(before):
        relative = True  # "saves 2.3 GB", "reduces latency by 15 seconds": an amount of change
    reached = q.change_from is None and not by and not retained and not share and not signed and not better \
        and bool(_rx(r"(?<!up\s)(?<!down\s)\bto\s(?:only\s|just\s|about\s|around\s|nearly\s|roughly\s)?$").search(before)) \
        and bool(_rx(r"\b(?:reduc\w*|cut\w*|lower\w*|decreas\w*|shr[iau]nk\w*|improv\w*|increas\w*|boost\w*|rais\w*"
                     r"|bring\w*|brought|push\w*|extend\w*|drop\w*)\b", re.I).search(before)) \
        and not _names_change(text, head)
    if reached:
        relative, direction = False, None  # "lowers latency to 35 ms", "improves accuracy to 78.2%": the value reached
    if retained:
        share = True
    if share:
        # "96% of the throughput", "one-eighth of the parameters": a share of a reference, no change;
        # "reduces memory up to 84% of full fine-tuning": a reduction; "fine-tuning 0.02% of the
        # parameters": the share of its own model that a method trains
        if metric == "metric/parameters" and _TUNE_VERB.search(before):
            relative, direction = False, None
        elif retained:
            relative, direction = True, None
        elif _rx(r"\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing)|shrink(?:s|ing)?"
                 r"|compress(?:es|ed|ing)?)\b", re.I).search(before):
            # a verb of reduction; a noun ("compression of the KV cache up to 45% of dense") names the share left
            relative, direction = True, "decrease"
        else:
            relative, direction = True, None
    if utilisation:
        relative, direction = False, None
    if share and metric is None and direction is None and _rx(
            r"\b(?:observe[sd]?|find|found|finds|notice[sd]?|reveal(?:s|ed)?|analy[sz]\w*)\s(?:that\s)?", re.I).search(
            text[: first.start]):
        return None  # "we observe that 90% of the attention mass falls on 5% of tokens": a motivating observation
    kind: ClaimKind = "relative" if relative else "absolute"
    if metric is None and q.unit == "percent" and kind == "absolute" and _right_head(text, head.end, right).strip():
        metric = "metric/score"  # "83.1% profile alignment": a named score the metric list does not have
    if metric == "metric/compression-ratio":
        kind, direction = "absolute", None  # "removes 80% of experts", "20x compression": the level reached
    elif q.change_from is not None:
        kind = "absolute"  # "from 48G to 7G": the value reached, with the way it went
    elif metric == "metric/accuracy-loss":
        kind, direction = "absolute", None
    elif kind == "absolute":
        direction = None
    elif direction is None and q.unit == "x" and q.value > 1 and _rx(
            r"^\s?(?:times\s)?(?:that|those)\sof\b|^\s?(?:times\s)?as\s(?:much|many|long|large|high)\sas\b"
            r"|^\s?(?:times\s)?the\s(?:[\w-]+\s){1,2}?of\b", re.I).match(text[head.end : head.end + 30]):
        direction = "increase"  # "1.7 times that of X": the quantity itself is larger
    elif direction is None and metric and not share:
        direction = "increase" if metric in HIGHER_IS_BETTER else "decrease"
    if kind == "relative" and metric in ("metric/cost", "metric/energy") and direction and (_rx(
            r"^\s?(?:[\w-]+\s){0,3}?per\s(?:dollar|\$|usd|watt|joule)", re.I).match(text[head.end : head.end + 40])
            or _PER_WATT.search(text[left:right])) and not (
            direction == "decrease" and inc is not None and _nearest(_EVALUATIVE, before_dir, after_clause) == inc):
        # "19.9x more tokens per dollar", "1.4x lower intelligence per watt": work per unit of cost or
        # energy goes the other way from the cost (an improvement of it was already read as less cost)
        direction = "decrease" if direction == "increase" else "increase"
    elif kind == "relative" and metric in LOWER_IS_BETTER and _EFFICIENCY.search(text[left:right]):
        direction = "decrease"  # "8.2x memory efficiency": more efficiency is less memory
    pace = _rx(r"^[\s-]?(?:times\s)?(faster|quicker|slower)\sin\s", re.I).match(text[head.end : head.end + 24])
    if kind == "relative" and pace and metric in LOWER_IS_BETTER:
        # "16x faster in measured latency": the time fell (a slower one rose)
        direction = "increase" if pace.group(1).lower() == "slower" else "decrease"
    if kind == "relative" and metric == "metric/speed" and q.unit == "x":
        direction = "increase"  # a factor of speed is an increase even when written "2x less time"
    if kind == "relative" and metric == "metric/speed" and _rx(r"^\s?(?:times\s)?slower\b", re.I).match(text[head.end : head.end + 14]):
        direction = "decrease"  # "5% slower": the speed fell
    unit = "points" if plus else unit_in if unit_in != q.unit else "none" if q.unit in (None, "per-step", "fps", "tokens") else q.unit
    if unit == "none" and q.unit is None and kind == "relative" and metric in _POINT_METRICS:
        unit = "points"  # "outperforms X by 3.6 mIoU", "0.6 accuracy better": a difference of scores is in points
    return SentenceResult(
        value=q.value,
        value_max=q.value_max,
        unit=unit,
        unit_raw=q.unit_raw,
        value_text=q.text,
        start=q.start,
        end=q.end,
        metric=metric,
        kind=kind,
        direction=direction,
        qualifier=_qualifier(text, first, left),
        partial=metric is None,
    )


_POINT_METRICS = frozenset({"metric/accuracy", "metric/score", "metric/f1", "metric/bleu", "metric/win-rate"})
_UNIT_DEFAULT = {
    "GB": "metric/memory", "MB": "metric/memory", "KB": "metric/memory", "TB": "metric/memory",
    "ms": "metric/latency", "s": "metric/latency", "us": "metric/latency",
    "hours": "metric/training-time", "days": "metric/training-time", "minutes": "metric/training-time",
    "params": "metric/parameters", "points": "metric/score", "bits": "metric/bits", "per-step": "metric/throughput",
}


def _nearest(rx: re.Pattern[str], before: str, after: str) -> int | None:
    """Distance (in characters) from the number to the nearest match of ``rx`` in its clause."""
    # an ASCII text is searched as its lowercase with the pattern's lowercase form: same spans, a faster scan
    folded = _FOLDED_DIRECTION.get(id(rx))
    b_rx, before = (folded, before.lower()) if folded is not None and before.isascii() else (rx, before)
    a_rx, after = (folded, after.lower()) if folded is not None and after.isascii() else (rx, after)
    dists = [len(before) - m.end() for m in b_rx.finditer(before)] + [m.start() for m in a_rx.finditer(after)]
    return min(dists) if dists else None


# -- binding to the linked document ---------------------------------------------------------------


def _mentions(doc: LinkedDoc, sentence: int, label: NodeLabel) -> list[LinkedMention]:
    return [m for m in doc.mentions_in(sentence, label) if m.entity_id]


def _nearest_mention(mentions: Iterable[LinkedMention], pos: int) -> LinkedMention | None:
    best = None
    for m in mentions:
        d = min(abs(m.start - pos), abs(m.end - pos))
        if best is None or d < best[0]:
            best = (d, m)
    return best[1] if best else None


_GENERIC_HEAD = re.compile(r"^(?:-based|-like|-style|\s(?:solutions?|methods?|approach(?:es)?|frameworks?|systems?|variants?"
                           r"|versions?|implementations?|algorithms?|baselines?|techniques?|models?|engines?|kernels?"
                           r"|libraries|library|accelerators?))\b", re.I)
_PLURAL_HEAD = re.compile(r"^[\s-](?:variants|methods|approaches|techniques|solutions|frameworks|systems"
                          r"|models|architectures|families|designs|algorithms)\b", re.I)
_ITEM_SEP = re.compile(r",\s(?:and\s|or\s)?|\s(?:and|or)\s")
_TECH_HEAD = re.compile(r"^[\w\s-]*?\b(?:methods?|baselines?|approach(?:es)?|techniques?)\b|^$", re.I)


def _baseline_items(doc: LinkedDoc, sent_start: int, r: SentenceResult) -> list[str | None]:
    """What each item of the baseline phrase names: a precision (``fp16``), a method or technique
    id, or ``None`` for an item that names no method ("TITAN Xp GPU" in a list of baselines).

    A described comparator with named instances ("optimizers such as Adam", "the solutions
    provided by X") is the first named instance.
    """
    if not r.baseline_text or r.baseline_start is None or r.baseline_start < 0:
        return []
    low = r.baseline_text.lower()
    for word_rx, prec in _PRECISION_BASELINE_RES:
        if word_rx.match(low):
            return [prec]
    bstart = sent_start + r.baseline_start
    bend = sent_start + (r.baseline_end or r.baseline_start + len(r.baseline_text))
    if r.baseline_examples is not None:
        head = _items_in(doc, bstart, bstart + len(r.baseline_text))
        if any(h and h.startswith("method/") for h in head):
            return head  # a named comparator keeps its name ("OMAPs, including ...")
        # instances are listed names: a plain capitalised word counts ("such as Adam")
        instances: list[str | None] = [i for i in _items_in(doc, sent_start + r.baseline_examples, bend, loose=True)
                                       if i and i.startswith("method/")]
        return instances or (head if any(head) else [])
    items = _items_in(doc, bstart, bend)
    return items if any(items) else []


def _items_in(doc: LinkedDoc, bstart: int, bend: int, *, loose: bool = False) -> list[str | None]:
    from loaders.relations import named_in

    text = doc.paper.text
    named = named_in(doc, bstart, bend, loose=loose)
    hardware = [(m.start, m.end) for m in doc.mentions if m.label in (NodeLabel.HARDWARE, NodeLabel.HARDWARE_CLASS)
                and bstart <= m.start < bend]
    items: list[str | None] = []
    pos = bstart
    for piece in [*_ITEM_SEP.finditer(text, bstart, bend), None]:
        end = piece.start() if piece else bend
        inside = [n for n in named if pos <= n.start < end]
        # a name followed by a generic noun and then another name is a descriptor ("ANNS solution DiskANN")
        kept = [n for k, n in enumerate(inside)
                if not (_GENERIC_HEAD.match(text[n.end : n.end + 16]) and k + 1 < len(inside))
                and not _rx(r"-(?:based|like|style)\b").match(text[n.end : n.end + 7])]
        # a plural acronym ("existing NNIPs") or a name heading a plural generic noun ("Mamba variants")
        # names a class of comparators, not one method: left empty
        methods = [n.id for n in kept if n.id.startswith("method/")
                   and not _rx(r"[A-Z][A-Za-z0-9]*[A-Z]s").fullmatch(text[n.start : n.end])
                   and not _PLURAL_HEAD.match(text[n.end : n.end + 20])
                   # "the MLPerf 1.1 training speed record": a benchmark's record, not a method
                   and not _rx(r"[\w\s.-]{0,40}?\brecords?\b", re.I).match(text[n.end : end])]
        techs = [n.id for n in kept if n.id.startswith("technique/") and n.start - pos <= 2
                 and _TECH_HEAD.match(text[n.end : end].strip())]
        if methods or techs:
            items.append((methods or techs)[0])
        elif _rx(r"(?:[a-z][\w-]*\s)*(?:methods?|approach(?:es)?|baselines?|systems?|frameworks?|techniques?|solutions?"
                 r"|works?|algorithms?)", re.I).fullmatch(text[pos:end].strip(" ,")) and not _rx(r"[A-Z0-9]").search(text[pos:end]):
            pass  # "the recent state-of-the-art method, CoTTA": a description before the name it introduces
        elif any(pos <= h < end for h, _e in hardware) or end > pos:
            items.append(None)
        pos = piece.end() if piece else bend
    return items


def extract_results(doc: LinkedDoc) -> tuple[ResultRecord, ...]:
    """Every result stated in the abstract of ``doc``, numbered in text order from 1."""
    records: list[ResultRecord] = []
    first = _first_claim(doc)
    words = quantity_words_in(doc.paper.text)  # (the words of number forms the paper holds: few, most often none)
    for sent in doc.sentences:
        # (a sentence with no number can state no result: most are passed over before anything else is read)
        if sent.in_title or sent.index < first or not may_hold_quantity(sent.text, words) or _background(doc, sent.text):
            continue
        named = [m for m in doc.mentions_in(sent.index) if m.label in _NAME_LABELS]
        skip = [(m.start - sent.start, m.end - sent.start) for m in named]
        parsed = parse_sentence(sent.text, skip=skip)
        if not parsed:
            continue
        records.extend(_bind_sentence(doc, sent.index, parsed, first_index=len(records) + 1))
    return tuple(records)


@dataclass(frozen=True)
class _Slot:
    """An entity named in a sentence that a result may be stated on (offsets relative to the sentence)."""

    id: str
    start: int
    end: int
    count: int | None = None
    adjective: bool = False
    """A class named as a modifier ("mobile latency"), not as a place ("on mobile phones")."""


def _bind_sentence(
    doc: LinkedDoc, index: int, parsed: Sequence[SentenceResult], *, first_index: int
) -> list[ResultRecord]:
    sent = doc.sentences[index]
    text = sent.text
    respectively = "respectively" in text and bool(_rx(r"\brespectively\b").search(text))
    comparative = [*_comparative_spans(text), *((c.phrase_start, c.list_end) for c in _baseline_cues(text))]
    own_models = {f"model/{slug(m.name)}".replace("-", "") for m in doc.methods}
    # the paper's own method read as a model ("Kimi Linear", "NetX-V2" for NetXV2) names the subject
    # again, not a model measured
    own_names = {m.name.lower() for m in doc.methods if m.name}
    models = [s for s in _slots(doc, index, (NodeLabel.MODEL,), comparative)
              if s.id.replace("-", "") not in own_models and s.id.replace("-", "").rstrip("s") not in own_models
              and text[s.start : s.end].lower() not in own_names]  # "ZeRO" read as a sized model is the method
    # "Phi-mini-MoE" after "Phi-mini-MoE (7.6B total ...)" was defined: the one sized variant the paper names
    sized: dict[str, set[str]] = defaultdict(set)
    for m in doc.mentions if models else ():  # (most sentences name no model: nothing to look up)
        # only a size given as the name's definition ("Name (7.6B total ...)"), not a family member ("Llama-2 7B")
        base_m = _rx(r"(.+?)-\d+(?:\.\d+)?[bmkt]").fullmatch(m.entity_id or "") \
            if m.label is NodeLabel.MODEL and "(" in m.text else None
        if base_m:
            sized[base_m.group(1)].add(m.entity_id or "")
    models = [replace(s, id=next(iter(sized[s.id]))) if len(sized.get(s.id, ())) == 1 else s for s in models]
    datasets = _slots(doc, index, (NodeLabel.DATASET,), ())
    hardware = _slots(doc, index, (NodeLabel.HARDWARE,), comparative) or _hwclass_slots(text, comparative)
    known = [(m.start - sent.start, m.end - sent.start,
              NodeLabel.HARDWARE.value if m.label is NodeLabel.HARDWARE_CLASS else m.label.value)
             for m in doc.mentions_in(index) if m.entity_id]
    baselines = [_baseline_items(doc, sent.start, r) for r in parsed]
    subject = _subject(doc, text)
    if subject and subject.startswith("technique/") and not doc.methods and parsed \
            and _unlinked_name_before(doc, index, parsed[0].start, comparative):
        subject = None  # "GENet is 6x faster": a coined name the mapper did not link owns the numbers, not the class
    # a result is never compared with the method it is about
    own_ids = {m.id for m in doc.methods} | ({subject} if subject else set())
    out: list[ResultRecord] = []
    for i, r in enumerate(parsed):
        items = [b if b not in own_ids else None for b in baselines[i]]
        # with several comparators the first named is kept; when that one names no method the baseline stays empty
        baseline = items[0] if items else None
        if len(items) > 1:
            sharing = [j for j, b in enumerate(baselines) if b == baselines[i]]
            group = [j for j in sharing if _same_list(text, parsed[j], r, parsed)]
            if len(group) == len(items):
                # "3.9x and 1.5x faster than A and B": two lists of one length pair up, even without "respectively"
                baseline = items[group.index(i)]
            elif respectively and len(sharing) == len(items):
                baseline = items[sharing.index(i)]
        unresolved = bool(r.baseline_text) and baseline is None and _looks_named(r.baseline_text or "")
        model, open_model = _pick(text, models, parsed, i, respectively, NodeLabel.MODEL, known)
        dataset, open_dataset = _pick(text, datasets, parsed, i, respectively, NodeLabel.DATASET, known)
        # quality and size do not depend on the device: "79% accuracy ... on iPhone 12" measures the
        # latency there, not the accuracy
        hw, open_hw = (None, False) if r.metric in _DEVICE_FREE else _pick(
            text, hardware, parsed, i, respectively, NodeLabel.HARDWARE, known)
        unresolved = unresolved or open_model or open_dataset or open_hw
        conditions = dict(r.conditions)
        if hw is not None and "devices" not in conditions:
            count = next((s.count for s in hardware if s.id == hw and s.count), None)
            if count:
                conditions["devices"] = str(count)
        metric = r.metric
        result_subject = subject
        if _rx(r"\b(?:vs\.?|versus)\s(?:about\s|around\s|~\s?)?$", re.I).search(text[max(0, r.start - 16) : r.start]) \
                or _reference_value(text, r, comparative):
            # "21.2s vs. 108.4s", "(FP16 model: 72.4%)", "as fast as NetX (1.6 ms)": the reference's own number
            result_subject, baseline = None, None
        if metric is None and dataset and r.unit == "percent" and r.kind == "absolute":
            metric = "metric/accuracy"  # "97.2% on MATH500": a share of a benchmark solved
        partial = metric is None or unresolved
        ev = doc.evidence(index, extractor=EXTRACTOR, version=VERSION, confidence=0.6 if partial else 0.8)
        out.append(_result_record({
            "index": first_index + i, "evidence": ev, "subject": result_subject, "metric": metric, "value": r.value,
            "value_max": r.value_max, "unit": r.unit, "unit_raw": r.unit_raw, "kind": r.kind, "direction": r.direction,
            "qualifier": r.qualifier, "baseline": baseline, "model": model, "dataset": dataset, "hardware": hw,
            "conditions": conditions, "partial": partial, "value_text": r.value_text,
        }))
    return out


_OPTIONAL_STR = frozenset({type(None), str})
_OPTIONAL_FLOAT = frozenset({type(None), float})
_KINDS = frozenset(get_args(ClaimKind)) | {None}
_DIRECTIONS = frozenset(get_args(Direction)) | {None}
_QUALIFIER_NAMES = frozenset(get_args(Qualifier)) | {None}


def _result_record(fields: dict[str, Any]) -> ResultRecord:
    """``ResultRecord(**fields)``, built without validating again where every value already has its field's
    type (an int index from 1, a validated Evidence, strings, floats, the literals, a dict of strings and a
    bool, as the readers give: validating them changes nothing); other values are validated."""
    if type(fields["index"]) is int and fields["index"] >= 1 and type(fields["evidence"]) is Evidence \
            and type(fields["value"]) in _OPTIONAL_FLOAT and type(fields["value_max"]) in _OPTIONAL_FLOAT \
            and all(type(fields[k]) in _OPTIONAL_STR for k in _STR_FIELDS) \
            and fields["kind"] in _KINDS and fields["direction"] in _DIRECTIONS and fields["qualifier"] in _QUALIFIER_NAMES \
            and type(fields["conditions"]) is dict \
            and all(type(k) is str and type(v) is str for k, v in fields["conditions"].items()) \
            and type(fields["partial"]) is bool and type(fields["value_text"]) is str:
        return _unvalidated(ResultRecord, fields)
    return ResultRecord(**fields)


_STR_FIELDS = ("subject", "metric", "unit", "unit_raw", "baseline", "model", "dataset", "hardware")


def _reference_value(text: str, r: SentenceResult, comparative: Sequence[tuple[int, int]]) -> bool:
    """Whether a number in a parenthesis states a reference's value: the parenthesis names the reference
    before the number ("(FP16 baseline: 72.4%)", "(vs. 130GB)") or follows a compared name ("than X (1.6 ms)")."""
    paren = _paren_span(text, r.start)
    if paren is None:
        return False
    inner = text[paren[0] + 1 : r.start]
    if _rx(r"\b(?:vs\.?|versus|compared|baseline|original|full[- ]precision|FP16|BF16|FP32|dense|uncompressed)\b", re.I).search(inner):
        return True
    return any(a < paren[0] <= b + 2 and _rx(r"\s?(?:the\s)?[A-Z]").match(text[a:paren[0]]) and not _rx(r"[,;]").search(text[a:paren[0]])
               for a, b in comparative)


_DEVICE_FREE = frozenset(
    f"metric/{m}" for m in
    "accuracy score f1 bleu perplexity win-rate accuracy-loss parameters model-size bits compression-ratio".split()
)
_COMPARATIVE = re.compile(
    r"\b(?:than|over|compared\s(?:to|with|against)|(?:the\s)?(?:performance|accuracy|quality|throughput|speed)\sof(?!\s(?:up\sto\s|about\s|over\s|~\s?)?\d)|in\scomparison\s(?:to|with)|relative\sto|vs\.?|versus|against"
    r"|surpass(?:es|ed|ing)?|outperform(?:s|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|as\s(?:fast|good|accurate|well)\sas"
    r"|same\s(?:\w+\s)?as|similar\s(?:(?!up\s)\w+\s){0,3}?to|comparabl[ey]\s(?:(?!up\s)\w+\s){0,3}?(?:to|with)|matches|matching|of\sthe\soriginal|of\sthe\sbaseline"
    r"|competitive\s(?:\w+\s)?(?:with|to|against)|on\spar\swith|rival(?:s|ing)?"
    # a judge is not what is measured: "as evaluated by GPT-4"
    r"|(?:evaluated|judged|rated|scored|assessed|annotated|graded)\s(?:by|with|using))\s"
    # the reference of a share: "46.7% of the memory of X"
    r"|(?<=%)\s(?:[\w-]+\s){0,4}?of\s",
    re.I,
)
_COMPARATIVE_END = re.compile(r"[,;:()]|\.\s|\s(?:while|whereas|but|and\s(?:a|an|the)|by|with|on|in|at|for|when|under|using)\s", re.I)


# (searched as its lowercase form in the lowercased sentence: "of" is in nearly every one, so ungated)
_COMPARATIVE_G = Gated.auto(_COMPARATIVE, gate=False)


@lru_cache(maxsize=64)
def _comparative_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans naming what something is compared against ("surpasses MobileNetV3 by 1.9%").

    Kept per sentence: parsing and binding a sentence both read them.
    """
    spans = []
    for m_start, m_end in _COMPARATIVE_G.spans(text):
        if _rx(r"(?:the\s)?(?:performance|accuracy|quality|throughput|speed)\sof", re.I).match(text[m_start:m_end]) and _rx(
                r"\b(?:increas|improv|boost|rais|enhanc|reduc|lower|cut|decreas|accelerat|doubl|tripl)\w*\s$", re.I).search(
                text[max(0, m_start - 20) : m_start]):
            continue  # "increases the accuracy of MobileNet-v2": the model measured, not a reference
        end_m = _COMPARATIVE_END.search(text, m_end)
        end = end_m.start() if end_m else len(text)
        # a parenthesis right after names the compared thing: "tiny models (pQRNN)", "(i.e., X)"
        paren = _rx(r"\s?\([^()]{1,60}\)").match(text[end:]) if end_m and end_m.group().startswith("(") else None
        if end_m and end_m.group().strip() == "(":
            paren = _rx(r"\([^()]{1,60}\)").match(text[end:])
        if paren:
            end += paren.end()
        spans.append((m_end, end))
    return tuple(spans)


def _slots(doc: LinkedDoc, index: int, labels: Sequence[NodeLabel], excluded: Sequence[tuple[int, int]]) -> list[_Slot]:
    base = doc.sentences[index].start
    out = []
    for m in doc.mentions_in(index):
        if m.label not in labels or not m.entity_id:
            continue
        s, e = m.start - base, m.end - base
        if any(a <= s < b for a, b in excluded):
            continue
        if _rx(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|multiple|several|various)\s$", re.I).search(
               doc.paper.text[max(base, m.start - 12) : m.start]):
            continue  # "on 8 GPT models": a count of models, not the model measured
        count = m.props.get("count")
        out.append(_Slot(m.entity_id, s, e, count if isinstance(count, int) else None))
    return out


_HWCLASS_WORDS: tuple[tuple[str, str], ...] = (
    ("hwclass/phone", r"mobile\s(?:devices?|phones?)|smart-?phones?|(?:mobile|on-device)(?=\slatency)|phones?"),
    ("hwclass/edge-device", r"(?:real\s|resource-constrained\s|real-world\s)?(?:edge|end-side|embedded|iot)\s(?:devices?|platforms?|hardware)"
                            r"|(?:resource-constrained|low-power|battery-powered)\s(?:devices?|platforms?|hardware)"
                            r"|(?:nano-?|micro-?)?drones?(?:\s(?:hardware|platforms?))?|wearables?(?:\sdevices?)?"),
    ("hwclass/laptop", r"laptops?|notebook\scomputers?"),
    ("hwclass/mcu", r"(?:mcu|microcontroller)s?(?:\s(?:devices?|boards?))?|microcontroller\sunits?"),
    ("hwclass/fpga", r"fpgas?"),
    ("hwclass/gpu", r"(?:consumer\s|commodity\s)?gpus?"),
    ("hwclass/cpu", r"cpus?"),
    ("hwclass/npu", r"npus?"),
    ("hwclass/tpu", r"tpus?"),
)
_HWCLASS_RES = tuple((h, re.compile(rf"(?<![\w-])(?:{rx})(?![\w-])", re.I)) for h, rx in _HWCLASS_WORDS)
# each searched only in sentences holding a word its matches need ("phone", "gpu", "laptop", ...)
_HWCLASS_GATES = tuple((h, Gated.auto(rx)) for h, rx in _HWCLASS_RES)


def _hwclass_slots(text: str, excluded: Sequence[tuple[int, int]]) -> list[_Slot]:
    """Hardware classes a result was measured on ("on real edge devices", "mobile latency")."""
    out: list[_Slot] = []
    # in text order, so that the second member of a list sees the first ("in CPU and GPU")
    found = sorted(((m, hid) for hid, g in _HWCLASS_GATES for m in g.iter_in(text)),
                   key=lambda x: (x[0].start(), -x[0].end()))
    for m, hid in found:
        before = text[max(0, m.start() - 30) : m.start()]
        platform: object = _rx(r"\b(?:on|across|using|for|in)\s(?:the\s|an?\s|real\s|real-world\s|actual\s|target\s|modern\s|commodity\s"
                               r"|consumer(?:-grade)?\s|various\s|arm\s|x86\s|low-end\s|high-end\s"
                               r"|standard\s|typical\s|existing\s|single\s(?=\d)|\d+\s?[GMT]B\s|laptop\s|desktop\s|server\s"
                               r"|mobile\s(?=[GCN]PU))*$", re.I).search(before)
        if _rx(r"\b(?:a\s)?(?:single|one|two|four|eight|\d+)\s$", re.I).search(before):
            continue  # "on a single GPU": a device count (a condition), not the platform measured
        if _rx(r"[\s-](?:memory|memories|ram|vram|hbm|kernels?|hours?|days?|utili[sz]ation|clusters?)\b", re.I).match(
               text[m.end() : m.end() + 14]):
            continue  # "in GPU memory", "GPU hours": the class modifies another noun
        if not platform and out and _rx(r"\s?(?:,\s?(?:and\s|or\s)?|\s(?:and|or)\s|/)").fullmatch(
                                        text[out[-1].end : m.start()]):
            platform = True  # "in CPU and GPU": the second member of a list of platforms
        if hid == "hwclass/laptop" and _rx(r"\s(?:[GCN]PU)s?\b").match(text, m.end()):
            continue  # "a 16GB laptop GPU": the processor is the class measured on, the laptop its form
        adjective = _rx(r"(?:mobile|on-device)$", re.I).match(m.group())
        if not (platform or adjective) or any(a <= m.start() < b for a, b in excluded):
            continue
        if any(s.start <= m.start() < s.end for s in out):
            continue
        out.append(_Slot(hid, m.start(), m.end(), adjective=bool(adjective) and not platform))
    # "on the GPU/CPU": the slash pair is one list
    for pair in _rx(r"\b(GPU|CPU|NPU|TPU)/(GPU|CPU|NPU|TPU)\b").finditer(text):
        out = [s for s in out if not pair.start() <= s.start < pair.end()]
        out.append(_Slot(f"hwclass/{pair.group(1).lower()}", pair.start(1), pair.end(1)))
        out.append(_Slot(f"hwclass/{pair.group(2).lower()}", pair.start(2), pair.end(2)))
    return sorted(out, key=lambda s: s.start)


_HARD_BREAK = re.compile(r";|\.\s", re.I)
_ATTACHED = re.compile(r"^\s?(?:[^,;()\d]|\d(?!\d*(?:\.\d+)?\s?(?:%|x\b|×)))"
                       r"{0,40}?\b(?:on|in|for|with|using|across|per)\s(?:the\s|a\s|an\s|each\s)?(?:[a-z][\w-]*\s|Arm\s|ARM\s){0,2}$", re.I)
_CLAUSE_TURN = re.compile(r"\s(?:while|whereas|but)\s", re.I)


def _paren_span(text: str, pos: int) -> tuple[int, int] | None:
    """The parenthesis that encloses ``pos`` (offsets of "(" and ")"), if any."""
    open_at = text.rfind("(", 0, pos)
    if open_at < 0 or text.rfind(")", open_at, pos) >= 0:
        return None
    close_at = text.find(")", pos)
    return (open_at, close_at if close_at >= 0 else len(text))


_LIST_JOIN = re.compile(r"\s?(?:,\s?(?:and\s|or\s)?|\s(?:and|or)\s|/)(?:\d+\s?[x×]\s)?(?:[A-Z][\w-]*\s)?(?:[\w-]+/)?")


def _list_head(text: str, slots: Sequence[_Slot], s: _Slot) -> _Slot:
    """The first member of the written list an entity belongs to ("X, Y and Z", "4x A or 8x B")."""
    ordered = sorted(slots, key=lambda x: x.start)
    k = ordered.index(s)
    while k > 0 and _LIST_JOIN.fullmatch(text[ordered[k - 1].end : ordered[k].start]):
        k -= 1
    return ordered[k]


def _list_members(text: str, slots: Sequence[_Slot], s: _Slot) -> list[_Slot]:
    """The members of the written list that ``s`` heads (``[s]`` when it heads none)."""
    ordered = sorted(slots, key=lambda x: x.start)
    k = ordered.index(s)
    out = [s]
    while k + 1 < len(ordered) and _LIST_JOIN.fullmatch(text[ordered[k].end : ordered[k + 1].start]):
        k += 1
        out.append(ordered[k])
    return out


def _attached_to(text: str, parsed: Sequence[SentenceResult], s: _Slot) -> int | None:
    """The result an entity is stated on by a preposition right before it ("81% on ImageNet")."""
    owner = None
    for k, p in enumerate(parsed):
        if p.end <= s.start and _ATTACHED.match(text[p.end : s.start]):
            owner = k
    return owner


_OWN_PP = re.compile(r"^\s?(?:[\w-]+\s){0,4}?(?:on|in|across)\s(?!average\b|total\b|terms\b|par\b)(?:the\s|a\s|an\s)?(?=\S)",
                     re.I)
_PP_MODEL = re.compile(r"^[^,;()]{0,40}?\b(?:models?|LLMs?|networks?|backbones?|variants?|architectures?)\b", re.I)
_PP_TASK = re.compile(r"^[^,;()]{0,40}?\b(?:benchmarks?|datasets?|tasks?|classification|detection|segmentation|generation"
                      r"|retrieval|recognition|translation|summari[sz]ation|QA|suites?|corpus|corpora|test\ssets?)\b", re.I)
_PP_HARDWARE = re.compile(r"^[^,;()]{0,40}?\b(?:GPUs?|CPUs?|devices?|phones?|chips?|accelerators?|hardware|FPGAs?|boards?"
                          r"|servers?|machines?|platforms?)\b", re.I)


def _own_context(text: str, r: SentenceResult, next_start: int, known: Sequence[tuple[int, int, str]]) -> str | None:
    """The kind of context a number names itself with a preposition ("13.4% on BrowseComp"):
    the label of the mention there, else read from its head word ("on the 1.4B model" is a
    model, "on long-document classification" a data set or task)."""
    m = _OWN_PP.match(text[r.end : next_start])
    if m is None:
        return None
    at = r.end + m.end()
    for start, end, label in known:
        if start <= at < end:
            return label
    rest = text[at:next_start]
    obj = _rx(r"\s(?:on|in|for|with|at|of|across|while|and)\s|[,;()]").split(rest, maxsplit=1)[0]
    rest = obj  # the object of the preposition, up to the next one
    if _head_metric(obj) and not _PP_TASK.match(obj):
        return None  # "5.3 points in J&F", "3% in accuracy": the measure, not a context
    if _PP_MODEL.match(rest):
        return NodeLabel.MODEL.value
    if _PP_HARDWARE.match(rest):
        return NodeLabel.HARDWARE.value
    if _PP_TASK.match(rest) or _rx(r"[A-Z][\w-]+").match(rest):
        return NodeLabel.DATASET.value  # a task, a benchmark, or a name the mapper did not link ("HLE")
    return None  # "in low-cost regimes": a setting, not a kind of entity


_LIST_PP = re.compile(r"^\s?(?:[^,;()\d]{0,40}?\s)?(?:on|in|across|for|with)\s(?:the\s|both\s)?")
_LIST_SPLIT = re.compile(r",\s(?:and\s|or\s)?|\s(?:and|or)\s|/")
_LIST_END = re.compile(r"[;()]|\.\s|,\s(?:while|which|respectively|with|and\s(?:a|an|the|its|our)\b)|\s(?:while|whereas|but|with|at|using|for)\s"
                       r"|,?\s(?:respectively)|\s(?:and|,)\s?\w+(?:s|ed|ing)\b(?=\s(?:the|a|an|up|by|over|to)\b)")


def _written_list(text: str, pos: int) -> list[tuple[int, int]]:
    """The items of a list introduced by a preposition at ``pos`` ("on A, B, and C"), as spans."""
    m = _LIST_PP.match(text[pos:])
    if m is None:
        return []
    start = pos + m.end()
    end_m = _LIST_END.search(text, start)
    end = end_m.start() if end_m else len(text)
    items, at = [], start
    for sep in [*_LIST_SPLIT.finditer(text, start, end), None]:
        stop = sep.start() if sep else end
        if stop > at:
            if len(text[at:stop].split()) > 4:
                return []  # a clause, not a list of names
            items.append((at, stop))
        at = sep.end() if sep else end
    return items


def _pick(
    text: str, slots: Sequence[_Slot], parsed: Sequence[SentenceResult], i: int, respectively: bool,
    label: NodeLabel = NodeLabel.MODEL, known: Sequence[tuple[int, int, str]] = (),
) -> tuple[str | None, bool]:
    """The entity (of ``label``) that result ``i`` is stated on, and whether a stated one stayed
    unresolved (a context or list member the mapper did not link: the result is then partial).

    1. Pairing: a list of results and a list of entities of the same length, in order
       ("5.8x/3.7x faster on the GPU/CPU", "with A and B it takes 86% and 80% less memory").
    2. Inside a parenthesis only its own entities count; without one, the entity the parenthesis
       follows ("the Path-X challenge (..., 61.4% accuracy)").
    3. The entity after the number in the same claim: attached to it by a preposition ("97.2% on
       MATH500"), or shared by the coordinated results before it ("60 ... and 5 points on AIME").
    4. The entity before it in the same part of the sentence ("On ImageNet, ... 81%"), the first
       of a written list.
    A number that names its own context of this kind ("13.4% on BrowseComp", an unlinked name)
    takes no other entity. An entity that belongs to an earlier number stays there when this
    number names its own context, or is a different measure in a new claim ("81% on X, and
    reduces training time by 78%"). Data sets and devices do not reach across a contrast
    ("while", "but") unless they open the sentence. ``known`` lists the linked mentions of the
    sentence as (start, end, label).
    """
    if not slots:
        return None, False
    ids = list(dict.fromkeys(s.id for s in slots))
    r = parsed[i]
    next_start = parsed[i + 1].start if i + 1 < len(parsed) else len(text)
    own = _own_context(text, r, next_start, known)
    same_group = [k for k, p in enumerate(parsed) if _same_list(text, p, r, parsed)]
    if len(same_group) > 1:
        after = [s for s in slots if s.start >= parsed[same_group[-1]].end
                 and not _HARD_BREAK.search(text[parsed[same_group[-1]].end : s.start])]
        after_ids = list(dict.fromkeys(s.id for s in after))
        if len(after_ids) == len(same_group):
            return after_ids[same_group.index(i)], False
        # "with ResNet-50 and WideResNet-40 takes 86% and 80% less memory": a list before the numbers
        first = parsed[same_group[0]]
        before = [s for s in slots if s.end <= first.start and not _HARD_BREAK.search(text[s.end : first.start])]
        if before:
            head = _list_head(text, slots, before[-1])
            members = [s for s in before if s.start >= head.start]
            if len(members) == len(same_group) and len({m.id for m in members}) == len(members):
                return members[same_group.index(i)].id, False
        items = _written_list(text, parsed[same_group[-1]].end)
        if not any(a <= s.start < b for s in slots for a, b in items):
            items = []  # a list of other things ("on V100 GPU and Xeon CPU" when picking a model)
        if len(items) == len(same_group):
            # "99.4% and 97.8% ... on MTOP and multi-ATIS": pair by position, an unlinked member stays empty
            a, b = items[same_group.index(i)]
            found = next((s.id for s in slots if a <= s.start < b), None)
            return found, found is None  # an unlinked member stays empty, marked
        if len(items) > 1 and any(a <= s.start < b for s in slots for a, b in items):
            return None, True  # a list of contexts that does not line up with the numbers: none singled out
    if respectively and len(ids) > 1 and len(ids) == len(parsed):
        return ids[i], False
    if respectively and len(same_group) > 1 and len(ids) < len(same_group) and any(
            _rx(r"(?:,\s(?:and\s)?|\s(?:and|or)\s)(?:the\s)?[A-Z][\w-]*").match(text[x.end : x.end + 30])
            or _rx(r"[A-Z][\w-]*(?:,\s(?:and\s)?|\s(?:and|or)\s)(?:the\s)?$").search(text[max(0, x.start - 30) : x.start])
            for x in slots):
        # "by 3.4% and 10.3% on A and B, respectively" with only B linked: A's number must not take B
        return None, True
    if not respectively and len(same_group) < 2 and any(len(_list_members(text, slots, x)) >= 3 for x in slots):
        return None, False  # "(OPT-2.7B/6.7B/13B/30B)", "A, B, C, D and E": a list of three or more, none singled out
    paren = _paren_span(text, r.start)
    if paren:
        inside = [s for s in slots if paren[0] < s.start < paren[1]]
        if not inside:
            lead = [s for s in slots if s.end <= paren[0] and _rx(r"\s?(?:[\w-]+\s?){0,2}").fullmatch(text[s.end : paren[0]])]
            if lead:
                return lead[-1].id, False
        # inside a parenthesis only its own entities count; without any, what holds before it
        slots = inside or [s for s in slots if s.end <= paren[0]]
    after = sorted((s for s in slots if s.start >= r.end), key=lambda s: s.start)
    for s in after:
        between = text[r.end : s.start]
        if _CLAUSE_TURN.search(between) or _HARD_BREAK.search(between) or _NEW_CLAIM.search(between):
            break  # an entity of a later claim ("..., and yields comparable MMLU scores") is not this number's
        if _ATTACHED.match(between):
            return s.id, False  # "0.7 better perplexity on GPT-2": the entity the number is stated on
        if own == label.value:
            return None, True  # "13.4% on BrowseComp, 70.4% on AIME25": its own context, unlinked
        # the numbers a trailing phrase may belong to stand before it ("2x and 1.5x ... on A100, while 30% ...")
        holding = [k for k in range(len(parsed)) if parsed[k].start <= s.start < parsed[k].end]  # "from 80 min (for X) to 14"
        nearest = holding[0] if holding else min((k for k in range(len(parsed)) if parsed[k].end <= s.start),
                                               key=lambda k: _span_gap(parsed[k], s))
        # a trailing phrase is shared by coordinated numbers ("over 60 points ... and over 5 points
        # ... on AIME"); an adjective inside the last number's noun phrase is not ("on-device latency")
        if nearest == i or (len(same_group) > 1 and nearest in same_group) or (
                nearest > i and _coordinated(text, parsed, i, nearest) and not s.adjective
                and not _own_measure_before(text, parsed, nearest)):
            return s.id, False
        break
    if own == label.value:
        return None, True  # its own context of this kind, which the mapper did not link
    before = [s for s in slots if s.end <= r.start and not _HARD_BREAK.search(text[s.end : r.start])]
    if not before:
        return None, False
    # with several entities for one number the first named is kept ("4x A6000 or 8x 3090 GPUs")
    s = _list_head(text, slots, before[-1])
    rest = text[s.end : r.start]
    owner = _attached_to(text, parsed[:i], s)
    if owner is not None and len(same_group) < 2:
        paired = [k for k in range(i) if _same_list(text, parsed[k], parsed[owner], parsed)]
        if len(paired) > 1 and len(paired) == len(_list_members(text, slots, s)):
            return None, False  # "5.8x/3.7x faster on the GPU/CPU, and 7.4x ...": the list was paired with its numbers
    if owner is not None:
        coordinated_pp = own is not None and bool(_rx(r"\band\b|,\s").search(text[parsed[owner].end : r.start]))
        if coordinated_pp or _CLAUSE_TURN.search(rest):
            # "0.7 on GPT-2 and 6.4 points on classification": parallel numbers, each with its own context;
            # "81% on X with 79ms latency on a phone" keeps X
            return None, False
        if _NEW_CLAIM.search(text[parsed[owner].end : r.start]) and r.metric and parsed[owner].metric != r.metric:
            return None, False  # "81% on X, and reduces training time by 78%": a new claim about another measure
    if label in (NodeLabel.DATASET, NodeLabel.HARDWARE) and _CLAUSE_TURN.search(rest) and s.start > parsed[0].start:
        return None, False  # a context inside one claim does not reach across "while"/"but"
    return s.id, False


# verbs (not their nouns: "gains", "savings") that start a new predicate between two numbers
_VERB = re.compile(
    r"\b(?:achiev\w*|reach\w*|obtain\w*|attain\w*|improv(?:es|ed|ing)|reduc(?:es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)"
    r"|increas(?:es|ed|ing)|boost(?:s|ed|ing)|accelerat(?:es|ed|ing)|speeds?\sup|sav(?:es|ed|ing)\b|deliver\w*|yield\w*"
    r"|provid\w*|offer(?:s|ed|ing)|outperform\w*|surpass\w*|maintain\w*|keep\w*|retain\w*|requir\w*|consum\w*"
    r"|runs?|running|enabl\w*|decreas(?:es|ed|ing)|shrink\w*|compress(?:es|ed|ing)|gain(?:ed|ing)|is|are|was|were)\b",
    re.I,
)


def _coordinated(text: str, parsed: Sequence[SentenceResult], i: int, k: int) -> bool:
    """Whether results ``i`` < ``k`` are coordinated in one claim ("6x higher X and 1.8x better Y
    against Z", "over 60 points in A and over 5 points in B on C"): no new verb phrase, contrast or
    parenthesis between them."""
    for a in range(i, k):
        between = text[parsed[a].end : parsed[a + 1].start]
        if _NEW_CLAIM.search(between) or _CLAUSE_TURN.search(between) or _rx(r"[;:()]").search(between) \
                or _VERB.search(between):
            return False
    return True


def _own_measure_before(text: str, parsed: Sequence[SentenceResult], k: int) -> bool:
    """Whether result ``k`` opens its own noun phrase of a measure after the last comma or "and"
    ("..., and a top-1 error rate of 24.2% on X"): a phrase trailing it is its own, not shared."""
    seg = _rx(r"(?:,\s|\band\s)((?:(?!,\s|\band\s).)*)$").search(text[parsed[k - 1].end : parsed[k].start])
    return bool(seg and _head_metric(seg.group(1)))


def _span_gap(r: SentenceResult, s: _Slot) -> int:
    if s.start >= r.end:
        return s.start - r.end
    if s.end <= r.start:
        return r.start - s.end
    return 0


def _same_list(text: str, a: SentenceResult, b: SentenceResult, parsed: Sequence[SentenceResult]) -> bool:
    """Whether two results are members of one written list ("40.4% and 45.2%", "5.8x/3.7x")."""
    if a is b:
        return True
    lo, hi = (a, b) if a.start < b.start else (b, a)
    members = [p for p in parsed if lo.start <= p.start <= hi.start]
    return all(_rx(r"\s?(?:,\s?(?:and\s|or\s)?|\s(?:and|or)\s|/)").fullmatch(text[x.end : y.start])
               for x, y in zip(members, members[1:]))


_OWN = re.compile(r"\b(?:we|our|ours|us|this\s(?:paper|work|study|method|approach|framework|model)|the\sproposed"
                  r"|experiments?|experimental|evaluations?|results?\s(?:show|demonstrate|indicate|reveal)|empirical(?:ly)?)\b", re.I)
# (searched as its lowercase form in the lowercased sentence: "we", "us" are in nearly every one, so ungated)
_OWN_G = Gated.auto(_OWN, gate=False)
_BACKGROUND = re.compile(
    r"^(?:However|Existing|Current(?:ly)?|Prior|Previous(?:ly)?|Traditional(?:ly)?|Conventional(?:ly)?|Recent(?:ly)?|Most"
    r"|Many|Despite|Although|Unfortunately|Yet|Typically|Modern|Today|Nowadays|In\srecent\syears|With\sthe"
    r"|As\s(?!a\sresult|such|shown|a\sconsequence|demonstrated|a\sbyproduct))\b"
)


def _first_claim(doc: LinkedDoc) -> int:
    """Index of the first sentence that speaks of the paper's own work; results come after it."""
    names = [m.name.lower() for m in doc.methods if m.name]
    for sent in doc.sentences:
        if sent.in_title:
            continue
        if _OWN_G.found(sent.text) or (names and any(map(sent.text.lower().__contains__, names))):
            return sent.index
    return len(doc.sentences)


def _background(doc: LinkedDoc, text: str) -> bool:
    """A sentence about the state of the field ("Existing methods need 3.2TB"), not this paper's results."""
    if not _BACKGROUND.match(text):
        return False
    return not (_OWN_G.found(text) or any(m.name and m.name.lower() in text.lower() for m in doc.methods))


_COINED = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+[A-Z][\w-]*|[A-Z]{2,}[a-z][\w-]*|[A-Z][a-z]*[A-Z]{2,}[\w-]*|[A-Z][\w]*-[A-Z0-9][\w-]*"
                     r"|[A-Z]{2,}-?[A-Z]{2,}[\w-]*)")


def _unlinked_name_before(doc: LinkedDoc, index: int, stop: int, excluded: Sequence[tuple[int, int]]) -> bool:
    """Whether a coined name ("GENet", "SlimAdam", "JRT-RNN") that no mention covers stands before ``stop``."""
    sent = doc.sentences[index]
    covered = [(m.start - sent.start, m.end - sent.start) for m in doc.mentions_in(index)]
    for m in _COINED.finditer(sent.text, 0, stop):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in covered) or any(a <= m.start() < b for a, b in excluded):
            continue
        if _rx(r"[A-Z]{2,}s?|[A-Z][a-z]+").fullmatch(m.group()):
            continue
        return True
    return False


def _looks_named(phrase: str) -> bool:
    """Whether a baseline phrase names something (a capitalised or coined word) rather than describing it."""
    return bool(_rx(r"^[A-Z][\w.+\-]*[A-Z0-9]").match(phrase))


_NAME_LABELS = frozenset({NodeLabel.MODEL, NodeLabel.HARDWARE, NodeLabel.DATASET, NodeLabel.METHOD, NodeLabel.HARDWARE_CLASS})


def _subject(doc: LinkedDoc, text: str) -> str | None:
    """What the results of a sentence are about: a proposed method named in it (the main one first),
    else the main proposed method, else the technique the paper studies.

    A paper whose contribution is a benchmark or a metric measures other systems: its results
    have no subject of their own.
    """
    if doc.methods and _is_benchmark(doc, doc.methods[0].name):
        return None
    from loaders.mapping.text import name_positions

    named = []
    for n, m in enumerate(doc.methods):
        hits = name_positions(text, m.name)
        if hits:
            named.append((n != 0, hits[0], m.id))
    if named:
        return min(named)[2]
    if doc.methods:
        return doc.methods[0].id
    if not doc.in_scope or _is_study(doc):
        return None  # a study's findings and a survey's numbers belong to no method of the paper
    return doc.techniques[0] if doc.techniques else None


_PROPOSES = re.compile(r"\b(?:we|this\s(?:paper|work))\s(?:\w+\s)?(?:propose|introduce|present|design|develop|build|create)\b", re.I)
_STUDIES = re.compile(
    r"\b(?:we|this\s(?:paper|work|study))\s(?:\w+\s)?(?:study|analy[sz]e|investigate|benchmark|measure|characteri[sz]e"
    r"|examine|survey|revisit|quantify)\b|\b(?:empirical|systematic|comprehensive)\s(?:study|analysis|evaluation)\b", re.I)


def _is_study(doc: LinkedDoc) -> bool:
    """A paper that studies, measures or surveys without proposing anything of its own."""
    return _studies(doc.paper.abstract, doc.paper.title)


@lru_cache(maxsize=64)  # (asked for each sentence with results of a paper that proposes no method)
def _studies(abstract: str, title: str) -> bool:
    if _PROPOSES.search(abstract):
        return False
    return bool(_STUDIES.search(abstract) or _rx(r"\b(?:survey|study|review)\b", re.I).search(title))


def _is_benchmark(doc: LinkedDoc, name: str) -> bool:
    """Whether the paper's named contribution is a benchmark, data set or metric ("X, a benchmark ...")."""
    return _benchmark_named(doc.paper.text, name)


_BENCH_KINDS = r"(?:benchmark|dataset|data\sset|metric|test\ssuite|suite)"
_BENCH_AFTER = re.compile(rf"\)?(?:\s?\([^()]{{1,40}}\))?,?\s(?:is\s)?(?:a|an|the)\s(?:[\w-]+\s){{0,3}}?{_BENCH_KINDS}\b", re.I)
_BENCH_BEFORE = ending(re.compile(rf"{_BENCH_KINDS}s?\s(?:called\s|named\s)?$|{_BENCH_KINDS}s?,\s(?:called|named)\s$", re.I))
_METRIC_AFTER = re.compile(r"\)[^.]{0,80}\bas\sa\s(?:new\s|novel\s)?metric", re.I)


@lru_cache(maxsize=256)
def _benchmark_named(text: str, name: str) -> bool:
    """"X, a benchmark ...", "a benchmark called X", "(X) ... as a new metric"."""
    from loaders.mapping.text import name_positions

    for pos in name_positions(text, name):
        end = pos + len(name)
        if _BENCH_AFTER.match(text, end) or ends(_BENCH_BEFORE, text[max(0, pos - 40) : pos]):
            return True
        if pos > 0 and text[pos - 1] == "(" and _METRIC_AFTER.match(text, end):
            return True
    return False
