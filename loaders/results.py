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
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from kg.ids import slug
from kg.records import ClaimKind, Direction, Qualifier, ResultRecord
from loaders.quantities import Quantity, find_precisions, find_quantities
from ontology.vocab import NodeLabel

if TYPE_CHECKING:
    from loaders.mapping.doc import LinkedDoc, LinkedMention

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
    ("accuracy-loss", r"(?:accuracy|performance|quality)\s(?:loss|drop|degradation|decline|decrease|gap)"
                      r"|(?:loss|drop|degradation)\sin\s(?:accuracy|performance)"),
    ("error-rate", r"(?:word\s|character\s|top-[15]\s|equal\s)?error(?:\srates?)?|wer\b|cer\b|eer\b"),
    ("perplexity", r"perplexit(?:y|ies)|ppl\b"),
    ("f1", r"f1(?:[- ]scores?)?\b|f-score"),
    ("bleu", r"bleu\b"),
    ("win-rate", r"win[- ]rates?"),
    ("training-time", r"training\s(?:time|hours|wall[- ]clock)|(?:time|wall[- ]clock)\sto\strain|search\s(?:time|cost)"
                      r"|gpu[- ](?:hours|days)|tpu[- ]hours|pre-?training\stime"),
    ("context-length", r"context(?:\s(?:length|window|size))?|sequence\slength"),
    ("throughput", r"throughput|tokens?(?:/s|\sper\ssecond)|tps\b|fps\b|frames\sper\ssecond|qps\b|requests\sper"),
    ("latency", r"latenc(?:y|ies)|ttft\b|time[- ]to[- ]first[- ]token|inference\stime|response\stime|decoding\stime"
                r"|generation\stime|run-?time|wall[- ]clock(?:\stime)?|end-to-end\stime|execution\stime|delay"),
    ("speed", r"speed-?ups?|speeds?\b|faster|acceleration|accelerat(?:es|ed|ing)|quicker|slower"),
    ("energy", r"energy|power(?:\sconsumption)?|joules?"),
    ("flops", r"flops|macs\b|multiply-(?:accumulates|adds)|(?:training\s|inference\s)?compute\b|computations?\b"
              r"|computational\s(?:cost|overhead|complexity|load|budget)|operations\b|ops\b"),
    ("parameters", r"(?:trainable\s|learnable\s|tunable\s|active\s)?param(?:eter)?s\b"),
    ("model-size", r"model\ssizes?|model\sfootprint|storage|checkpoint\ssize|disk|file\ssize|smaller\b"),
    ("compression-ratio", r"compression(?:\sratios?|\srates?)?|compress(?:es|ed|ing)?\b"),
    ("memory", r"memory|footprint|vram|kv[- ]?cache(?:\ssize)?|cache\ssize|ram\b|hbm\b"),
    ("cost", r"costs?\b|cheaper|dollars?|price|expense"),
    ("bits", r"bits?\sper\s(?:weight|parameter|value|element)|bpw\b|bit-?width"),
    ("accuracy", r"(?:top-[15]\s)?accurac(?:y|ies)|acc\.?\b|exact\smatch|pass@\d+|success\srates?|recall|precision\b"
                 r"|miou\b|map\b|auc\b|correctness"),
    ("score", r"scores?\b|performance|quality|results?\b|points?\b|fid\b|clip\sscore|rouge|j&f|ndcg|mrr|rewards?\b"),
)
_METRIC_RES = tuple((f"metric/{m}", re.compile(rf"(?<![\w-])(?:{rx})", re.IGNORECASE)) for m, rx in _METRIC_WORDS)

# Words that say which way a relative change goes.
_DECREASE = re.compile(
    r"\b(?:reduc\w*|cut\w*|lower\w*|less|fewer|smaller|sav(?:e|es|ed|ing|ings)|decreas\w*|drop\w*|shrink\w*|shr[au]nk"
    r"|compress\w*|trim\w*|slash\w*|lessen\w*|minimi[sz]\w*|eliminat\w*|down|declin\w*)\b",
    re.IGNORECASE,
)
_INCREASE = re.compile(
    r"\b(?:improv\w*|increas\w*|higher|more|faster|speed-?ups?|boost\w*|gains?|accelerat\w*|better|outperform\w*"
    r"|larger|longer|rais\w*|enhanc\w*|extend\w*|expand\w*|up(?!\sto)|greater|exceed\w*|surpass\w*|advanc\w*|quicker)\b",
    re.IGNORECASE,
)
_BY_BEFORE = re.compile(r"\bby\s(?:up\sto\s|about\s|around\s|approximately\s|roughly\s|nearly\s|almost\s|over\s|more\sthan\s"
                        r"|at\sleast\s|an?\saverage\sof\s|~\s?|≈\s?)?$", re.IGNORECASE)

_QUALIFIERS: tuple[tuple[Qualifier, re.Pattern[str]], ...] = (
    ("up_to", re.compile(r"\bup\sto\s?$", re.I)),
    ("at_least", re.compile(r"\bat\sleast\s?$", re.I)),
    ("less_than", re.compile(r"(?:\bless\sthan|\bfewer\sthan|\bunder|\bbelow|\bwithin|<|≤|\bat\smost|\bno\smore\sthan"
                             r"|\bbelow\sthan|\bsub-?)\s?$", re.I)),
    ("more_than", re.compile(r"(?:\bmore\sthan|\bover|\babove|\bexceeding|\bbeyond|>|≥|\bgreater\sthan|\bupwards\sof"
                             r"|\bin\sexcess\sof)\s?$", re.I)),
    ("about", re.compile(r"(?:\babout|\baround|\bapproximately|\broughly|\bnearly|\balmost|\bclose\sto|~|≈|∼|\bca\.|"
                         r"\bapprox\.?|\bsome)\s?$", re.I)),
)
_AVERAGE = re.compile(r"\b(?:on\saverage|an\saverage(?:\sof)?|average[ds]?|averaging|avg\.?|mean)\b", re.I)

# Where the baseline phrase starts (after the number, or anywhere in the clause).
_BASELINE_CUE = re.compile(
    r"\b(?:compared\s(?:to|with|against)|in\scomparison\s(?:to|with)|relative\sto|with\srespect\sto|w\.r\.t\.?"
    r"|over|than|vs\.?|versus|against|from|of)\s",
    re.IGNORECASE,
)
_PRECISION_BASELINES = {"fp16": "fp16", "bf16": "bf16", "fp32": "fp32", "float16": "fp16", "float32": "fp32",
                        "bfloat16": "bf16", "half-precision": "fp16", "full-precision": "fp32", "full precision": "fp32"}

# A clause ends at these (the metric of a number is looked for inside its clause).
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|,\s|\.\s|\s(?:while|whereas|but|and|which|with|when|where|compared|in\scomparison|relative|than"
    r"|over|vs\.?|versus|against|at|on|for|under|using|across|without)\s",
    re.IGNORECASE,
)
# "X of the original", "to X% of": a share, not a change.
_SHARE_AFTER = re.compile(r"^\s?of\s(?:the\s)?(?:original|baseline|full|dense|uncompressed|its|their|the)", re.I)

# Numbers that are settings, not results: "50% sparsity", "4-bit", "batch size of 64", ...
_CONDITION_AFTER: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sparsity", re.compile(r"^[\s-]?(?:unstructured\s|structured\s|weight\s|activation\s)?sparsit(?:y|ies)\b"
                            r"|^[\s-]?(?:sparse|pruned|pruning\sratio|pruning\srate)\b", re.I)),
    ("context_length", re.compile(r"^[\s-]?(?:-?tokens?\s|-?long\s|-?length\s)?(?:contexts?|context\s(?:length|window)s?"
                                  r"|sequences?|sequence\slengths?|input\slength|prompts?)\b", re.I)),
    ("compression_ratio", re.compile(r"^[\s-]?(?:compression(?:\sratio|\srate)?|kv(?:[- ]cache)?\sbudget|cache\sbudget"
                                     r"|budget|retention|keep\sratio)\b", re.I)),
    ("bit_width", re.compile(r"^[\s-]?(?:bits?\b)?\s?(?:quantization|quantized|precision|weights|weight\b|integer|models?\b"
                             r"|kv\b|activations|llms?\b)", re.I)),
)
_CONDITION_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sparsity", re.compile(r"\b(?:sparsity|pruning\sratio|pruning\srate|sparsity\sratio|sparsity\slevel)s?"
                            r"\s(?:of\s|level\sof\s|ratio\sof\s|=\s?)?$", re.I)),
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
    conditions: dict[str, str] = field(default_factory=dict)
    partial: bool = False


def _metric_near(text: str, q: Quantity, left_bound: int, right_bound: int) -> tuple[str | None, str]:
    """The metric a number speaks of: the noun right after it, else the nearest one before it.

    Returns the metric and where it was found (``"right"``, ``"left"`` or ``""``).
    """
    right = text[q.end : right_bound]
    # "5.2x speedup", "60% lower memory", "73% top-1 accuracy": the noun follows the number closely.
    head = re.match(r"^(?:\s|-)?(?:[\w@&+.\-]+\s?){0,5}", right)
    right_head = head.group() if head else ""
    best: tuple[int, str] | None = None
    for metric, rx in _METRIC_RES:
        m = rx.search(right_head)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), metric)
    if best is not None:
        return best[1], "right"
    left = text[left_bound : q.start]
    best = None
    for metric, rx in _METRIC_RES:
        for m in rx.finditer(left):
            if best is None or m.end() > best[0]:
                best = (m.end(), metric)
    if best is not None:
        return best[1], "left"
    return None, ""


def _unit_metric(q: Quantity) -> str | None:
    """Units that name their metric on their own."""
    return {
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
    if unit in (None, "percent", "x", "points"):
        return True
    table = {
        "metric/memory": {"GB", "MB", "KB", "TB"},
        "metric/model-size": {"GB", "MB", "KB", "TB", "params"},
        "metric/latency": {"ms", "s", "us", "ns", "minutes", "hours"},
        "metric/training-time": {"hours", "days", "minutes", "s", "GPU-hours", "GPU-days"},
        "metric/throughput": {"tokens/s", "fps", "TOPS", "FLOPs", "GB/s"},
        "metric/speed": {"tokens/s", "fps"},
        "metric/energy": {"J", "W"},
        "metric/flops": {"FLOPs", "TOPS"},
        "metric/parameters": {"params"},
        "metric/bits": {"bits"},
        "metric/context-length": {"tokens"},
        "metric/cost": {"GPU-hours", "GPU-days", "hours", "days"},
    }
    return unit in table.get(metric, set())


def _clause_bounds(text: str, q: Quantity, prev_end: int, next_start: int) -> tuple[int, int]:
    left = prev_end
    for m in _CLAUSE_BREAK.finditer(text, prev_end, q.start):
        left = max(left, m.end())
    # Prepositions on the left ("on", "with") do not end the clause before the number; only
    # punctuation and conjunctions do.
    left = prev_end
    for m in re.finditer(r"[;:(\[]|,\s|\.\s|\s(?:while|whereas|but|which|and)\s", text[prev_end : q.start]):
        left = max(left, prev_end + m.end())
    right = next_start
    m2 = _CLAUSE_BREAK.search(text, q.end, next_start)
    if m2:
        right = m2.start()
    return left, right


def _qualifier(text: str, q: Quantity, clause_left: int) -> Qualifier | None:
    before = text[max(clause_left, q.start - 30) : q.start]
    # "by up to 3x", "reduced by over 60%": look past "by".
    before_stripped = re.sub(r"\b(?:a|an|the|of|by|to|with|only|just|merely|still|even)\s$", "", before)
    for name, rx in _QUALIFIERS:
        if rx.search(before) or rx.search(before_stripped):
            return name
    if _AVERAGE.search(text[clause_left : q.start]) or _AVERAGE.search(text[q.end : q.end + 25]):
        return "on_average"
    return None


def _condition_of(text: str, q: Quantity) -> str | None:
    """The condition key when the number is a setting rather than a result."""
    after = text[q.end : q.end + 40]
    before = text[max(0, q.start - 40) : q.start]
    for key, rx in _CONDITION_BEFORE:
        if rx.search(before):
            return key
    if q.unit == "bits" or (q.unit_raw or "").endswith("bit"):
        return "bit_width"
    for key, rx in _CONDITION_AFTER:
        if rx.search(after):
            if key == "bit_width" and q.unit != "bits":
                continue
            if key == "context_length" and q.unit not in ("tokens", None):
                continue
            if key == "compression_ratio" and q.unit not in ("percent", "x", None):
                continue
            return key
    if q.unit == "tokens" and re.search(r"\b(?:at|with|of|for|under|on)\s(?:a\s)?$", before, re.I):
        return "context_length"
    if q.unit == "GPUs":
        return "devices"
    return None


def _condition_text(q: Quantity) -> str:
    """How a condition value is written in ``conditions``: the number as given, tidied."""
    if q.unit == "tokens" or (q.unit is None and q.unit_raw in ("K", "k", "M")):
        head = re.match(r"[\d.,]+\s?[KkMB]?", q.text)
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
    if q.unit not in (None, "tokens", "params"):
        return False
    after = text[q.end : q.end + 40]
    if q.unit is None and _COUNT_NOUN.match(after):
        return True
    if q.unit in ("tokens",) and re.search(r"\b(?:trained|pre-?trained|training)\s(?:on|with)\s(?:over\s|more\sthan\s|up\sto\s)?$",
                                           text[max(0, q.start - 30) : q.start], re.I):
        return True
    return False


def _is_model_size(text: str, q: Quantity) -> bool:
    """"7B model", "a 13B-parameter LLM", "1.6 trillion parameter model": a size used as a name."""
    if q.unit != "params":
        return False
    after = text[q.end : q.end + 30]
    before = text[max(0, q.start - 30) : q.start]
    if re.match(r"^[\s-]*(?:-?parameters?\s|-?params?\s)?(?:[\w-]+\s)?(?:models?|LLMs?|SLMs?|LMs?|variants?|versions?"
                r"|scales?|transformers?|networks?|backbones?|decoders?|encoders?|MoE|dense|base|checkpoints?)\b",
                after, re.I):
        return True
    if re.search(r"\b(?:scale|scales|scaling|sized|size|sizes|from|to|and|with|contains|has|of|at|between|up\sto)\s$",
                 before, re.I) and not re.search(r"\b(?:by|only|just|merely)\s$", before, re.I):
        return True
    return False


def _baseline_after(text: str, start: int, stop: int) -> tuple[str, int] | None:
    """The phrase after a comparison cue ("compared to X", "over X", "than X") in ``text[start:stop]``."""
    for m in _BASELINE_CUE.finditer(text, start, stop):
        cue = m.group().strip().lower()
        if cue in ("of", "from"):
            continue
        rest = text[m.end() : stop]
        # "than" / "over" must follow the number's clause; "over" as "over 60%" is a qualifier.
        if cue == "over" and re.match(r"\s*[\d~≈]", rest):
            continue
        phrase = re.split(r",\s|;|\.\s|\.$|\s(?:while|and\s(?:a|an|the|reduces|improves|achieves)|with|on|at|in|for|across|by"
                          r"|when|under|using|without|which|whereas|but)\s", rest, maxsplit=1)[0]
        phrase = re.sub(r"^(?:the|a|an|its|their|our|existing|standard|conventional|prior|previous|state-of-the-art"
                        r"|SOTA|vanilla|baseline|strong|popular|leading|original)\s+", "", phrase.strip(), flags=re.I)
        phrase = phrase.strip(" .,")
        if phrase:
            return phrase, text.find(phrase, m.end())
    return None


def parse_sentence(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> tuple[SentenceResult, ...]:
    """Results stated in one sentence, in text order (see the module doc for examples).

    ``skip`` lists spans (relative to ``text``) whose numbers belong to names: model, dataset and
    hardware mentions the mapper linked (``Llama-2 7B``, ``A100-80GB``, ``ImageNet-1k``).
    """
    quantities = [q for q in find_quantities(text) if not any(s <= q.start < e for s, e in skip)]
    precisions = find_precisions(text)
    conditions: dict[str, str] = {}
    candidates: list[Quantity] = []
    for q in quantities:
        if q.role == "format" and re.fullmatch(r"\d+/\d+", q.text):
            conditions.setdefault("configuration", q.text)
            continue
        if q.role != "measure":
            continue
        key = _condition_of(text, q)
        if key:
            conditions.setdefault(key, _condition_text(q))
            continue
        if _is_count(text, q) or _is_model_size(text, q):
            continue
        candidates.append(q)
    for name, s, e in precisions:
        if name.startswith("w") and "a" in name:
            conditions.setdefault("bit_width", name.upper())

    out: list[SentenceResult] = []
    prev_end = 0
    for i, q in enumerate(candidates):
        next_start = candidates[i + 1].start if i + 1 < len(candidates) else len(text)
        left, right = _clause_bounds(text, q, prev_end, next_start)
        res = _read_result(text, q, left, right, next_start)
        prev_end = q.end
        if res is not None:
            out.append(res)
    # Numbers that share a sentence share its context: a result without a metric takes the
    # metric of a neighbour measured in the same unit ("97.1% on MATH500 and 81.3% on AIME24").
    filled: list[SentenceResult] = []
    for i, r in enumerate(out):
        if r.metric is None:
            peers = [p for p in out if p.metric and p.unit == r.unit and p is not r and p.kind == r.kind]
            if peers:
                near = min(peers, key=lambda p: abs(p.start - r.start))
                r = replace(r, metric=near.metric, direction=r.direction or near.direction, partial=False)
        filled.append(r)
    return tuple(replace(r, conditions=dict(conditions)) for r in filled if r.metric or r.unit not in (None,))


def _read_result(text: str, q: Quantity, left: int, right: int, next_start: int) -> SentenceResult | None:
    metric, where = _metric_near(text, q, left, right)
    if metric and not _compatible(metric, q):
        metric = None
    unit_metric = _unit_metric(q)
    if unit_metric and (metric is None or not _compatible(metric, q)):
        metric = unit_metric
    if metric is None and q.unit in ("GB", "MB", "KB", "TB"):
        metric = "metric/memory"
    if metric is None and q.unit in ("ms", "s", "us"):
        metric = "metric/latency"
    if metric is None and q.unit == "params":
        metric = "metric/parameters"
    if metric is None and q.unit in ("hours", "days", "minutes"):
        metric = "metric/training-time"
    if q.unit is None and metric is None:
        return None  # a bare number with no metric word near it says nothing measurable
    if q.unit is None and metric is not None and where == "left" and not re.search(
        r"(?:of|=|:|at|reaches?|achieves?|to|is|was|yields?|obtains?|scores?|gets?)\s?$", text[left : q.start].rstrip() + " ", re.I
    ):
        return None
    if q.unit in ("tokens", "GPUs") and metric not in ("metric/context-length", "metric/throughput"):
        return None

    before = text[left : q.start]
    after_clause = text[q.end : right]
    by = bool(_BY_BEFORE.search(text[max(0, q.start - 40) : q.start]))
    share = bool(_SHARE_AFTER.match(text[q.end : q.end + 30]))
    dec = _nearest(_DECREASE, before, after_clause)
    inc = _nearest(_INCREASE, before, after_clause)
    direction: Direction | None = None
    if dec is not None and (inc is None or dec < inc):
        direction = "decrease"
    elif inc is not None:
        direction = "increase"

    relative = q.unit in ("x", "points") or by or (direction is not None and q.unit == "percent" and not share)
    if metric == "metric/accuracy-loss":
        relative, direction = False, None
    if q.unit == "x" and share:
        relative = True
    kind: ClaimKind = "relative" if relative else "absolute"
    if kind == "absolute":
        direction = None
    elif direction is None and metric:
        direction = "increase" if metric in HIGHER_IS_BETTER else "decrease"
    if kind == "relative" and metric in ("metric/speed",) and direction == "decrease" and q.unit == "x":
        direction = "increase"  # "2x less time" was read as speed: a factor of speed is an increase

    baseline = _baseline_after(text, q.end, next_start if next_start > q.end else len(text))
    if baseline is None and kind == "relative":
        baseline = _baseline_after(text, 0, q.start)
    qualifier = _qualifier(text, q, left)
    return SentenceResult(
        value=q.value,
        value_max=q.value_max,
        unit=q.unit or "none",
        unit_raw=q.unit_raw,
        value_text=q.text,
        start=q.start,
        end=q.end,
        metric=metric,
        kind=kind,
        direction=direction,
        qualifier=qualifier,
        baseline_text=baseline[0] if baseline else None,
        baseline_start=baseline[1] if baseline else None,
        partial=metric is None,
    )


def _nearest(rx: re.Pattern[str], before: str, after: str) -> int | None:
    """Distance (in characters) from the number to the nearest match of ``rx`` in its clause."""
    dists = [len(before) - m.end() for m in rx.finditer(before)] + [m.start() for m in rx.finditer(after)]
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


def _bind_baseline(doc: LinkedDoc, sent_start: int, r: SentenceResult) -> tuple[str | None, bool]:
    """The baseline id (method, technique or precision) and whether a stated baseline stayed unresolved."""
    if not r.baseline_text:
        return None, False
    low = r.baseline_text.lower()
    for word, prec in _PRECISION_BASELINES.items():
        if re.match(rf"{re.escape(word)}\b", low):
            return prec, False
    if r.baseline_start is not None and r.baseline_start >= 0:
        bstart = sent_start + r.baseline_start
        bend = bstart + len(r.baseline_text)
        for m in doc.mentions:
            if m.entity_id and bstart <= m.start < bend and m.label in (NodeLabel.METHOD, NodeLabel.TECHNIQUE):
                return m.entity_id, False
        # A named baseline the mapper did not link ("FLAT", "cuBLAS"): a method id of its name.
        name = re.match(r"[A-Z][\w.+\-]*(?:\s[A-Z0-9][\w.+\-]*){0,2}", r.baseline_text)
        if name and any(c.isupper() for c in name.group()[1:]) and not any(
            m.start <= bstart < m.end for m in doc.mentions if m.label in (NodeLabel.MODEL, NodeLabel.HARDWARE, NodeLabel.DATASET)
        ):
            return f"method/{slug(name.group())}", False
    return None, False


def extract_results(doc: LinkedDoc) -> tuple[ResultRecord, ...]:
    """Every result stated in the abstract of ``doc``, numbered in text order from 1."""
    proposed = doc.methods[0].id if doc.methods else None
    records: list[ResultRecord] = []
    for sent in doc.sentences:
        if sent.in_title:
            continue
        named = [m for m in doc.mentions if m.sentence == sent.index and m.label in _NAME_LABELS]
        skip = [(m.start - sent.start, m.end - sent.start) for m in named]
        parsed = parse_sentence(sent.text, skip=skip)
        if not parsed:
            continue
        models = _mentions(doc, sent.index, NodeLabel.MODEL)
        datasets = _mentions(doc, sent.index, NodeLabel.DATASET)
        hardware = _mentions(doc, sent.index, NodeLabel.HARDWARE)
        methods = [m for m in _mentions(doc, sent.index, NodeLabel.METHOD)]
        for r in parsed:
            pos = sent.start + r.start
            baseline, unresolved = _bind_baseline(doc, sent.start, r)
            subject = _subject(doc, sent.index, methods, baseline, proposed)
            model = _nearest_mention(models, pos)
            dataset = _nearest_mention(datasets, pos)
            hw = _nearest_mention(hardware, pos)
            ev = doc.evidence(sent.index, extractor=EXTRACTOR, version=VERSION,
                              confidence=0.6 if r.partial or unresolved else 0.8)
            records.append(
                ResultRecord(
                    index=len(records) + 1,
                    evidence=ev,
                    subject=subject,
                    metric=r.metric,
                    value=r.value,
                    value_max=r.value_max,
                    unit=r.unit,
                    unit_raw=r.unit_raw,
                    kind=r.kind,
                    direction=r.direction,
                    qualifier=r.qualifier,
                    baseline=baseline,
                    model=model.entity_id if model else None,
                    dataset=dataset.entity_id if dataset else None,
                    hardware=hw.entity_id if hw else None,
                    conditions=r.conditions,
                    partial=r.partial or unresolved,
                    value_text=r.value_text,
                )
            )
    return tuple(records)


_NAME_LABELS = frozenset({NodeLabel.MODEL, NodeLabel.HARDWARE, NodeLabel.DATASET, NodeLabel.METHOD, NodeLabel.HARDWARE_CLASS})


def _subject(
    doc: LinkedDoc, sentence: int, methods: Sequence[LinkedMention], baseline: str | None, proposed: str | None
) -> str | None:
    """The method the result is about: the proposed one when named or implied, else the first named method."""
    own = {m.id for m in doc.methods}
    for m in methods:
        if m.entity_id in own:
            return m.entity_id
    if proposed:
        return proposed
    for m in methods:
        if m.entity_id != baseline:
            return m.entity_id
    return None
