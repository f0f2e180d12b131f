"""Relations between techniques, models and hardware, read from the sentences of one paper.

Each relation is one fact with its evidence sentence; graph assembly merges equal facts
``(type, source, target)`` stated by several papers into one edge with every supporting paper.
What is read (see ``docs/conventions.md`` for the graph shape):

- ``EXTENDS``        a proposed method builds on or improves a named earlier one;
- ``COMPARED_WITH``  baselines named in the abstract ("outperforms H2O", "compared to LoRA");
- ``COMPOSES_WITH``  stated compatible, orthogonal, complementary or combined;
- ``HAS_COMPONENT``  named parts of a proposed method;
- ``PORTS_TO``       a method brought to a hardware class or device ("deployed on microcontrollers");
- ``ADDRESSES``      the bottleneck or memory component a method targets;
- ``DERIVED_FROM``   a model distilled, pruned, quantized or converted from another;
- ``USES_ARCHITECTURE`` a model or method built as a Transformer, MoE, SSM, hybrid, ...;
- ``TRAINED_ON``     the hardware a model was trained on;
- ``INTRODUCES``     a benchmark, dataset or metric the paper introduces.

Names of earlier methods that the mapper did not link (``FLAT``, ``cuBLAS``) become Method ids
``method/<slug>``. Every relation satisfies :func:`ontology.vocab.check_edge`.

>>> rels = relations_in_text("FooKV: caching", "We propose FooKV. FooKV outperforms H2O and StreamingLLM, "
...                          "and is orthogonal to quantization.", methods=("FooKV",))
>>> sorted((r.type.value, r.source, r.target) for r in rels)
[('COMPARED_WITH', 'method/fookv', 'method/h2o'), ('COMPARED_WITH', 'method/fookv', 'method/streamingllm'), ('COMPOSES_WITH', 'method/fookv', 'technique/quantization')]
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, wraps
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from kg.ids import slug
from kg.records import Evidence, Relation
from loaders.mapping.doc import _unvalidated
from loaders.mapping.text import Gated, _ascii_folded, lowered, name_positions, stands_alone
from ontology.vocab import NodeLabel, RelType, check_edge

if TYPE_CHECKING:
    from loaders.mapping.doc import Acronym, LinkedDoc, LinkedMention, ProposedMethod

log = logging.getLogger(__name__)
_T = TypeVar("_T")

# Patterns written inline are compiled once and kept here: the re module's own cache (512 entries)
# is shared with the whole mapper, whose patterns built from names keep evicting these.
_rx = lru_cache(maxsize=1024)(re.compile)

EXTRACTOR = "relations"
VERSION = "1.0"

# -- cue phrases --------------------------------------------------------------------------------
# Each cue is followed by the object of the relation; the subject is the proposed method.
# A cue starts a word: "(?<!\w)(?=\w)" is "\b" where a word starts, and spares trying every
# alternative at each word's end (these and the verb lists below are scanned over every sentence).

_COMPARED = re.compile(
    r"(?<!\w)(?=\w)(?:compared\s(?:to|with|against)|in\scomparison\s(?:to|with)|comparisons?\s(?:to|with|against)"
    r"|compar(?:e|es|ing)\s(?:it\s|them\s|our\s\w+\s)?(?:to|with|against)|relative\sto|outperform(?:s|ed|ing)?"
    r"|surpass(?:es|ed|ing)?|beat(?:s|ing)?|exceed(?:s|ed|ing)?|outpac(?:e|es|ing)|improv(?:es|ed|ing)\sover|gains?\sover"
    r"|speedups?\sover|speed-?ups?\sover|faster\sthan|better\sthan|(?:lower|higher|less|more|smaller|fewer)\s\w+\sthan"
    r"|than|vs\.?|versus|against|over|rival(?:s|ing)?|(?:on\spar|competitive|comparable|comparably|favorably)\s(?:with|to)"
    r"|(?:comparably|favorably)\sor\s\w+\s(?:with|to)|compar(?:e|es|ing)\s(?:\w+\s){1,4}with"
    r"|match(?:es)?\s(?:the\s)?(?:performance|accuracy|quality)\sof|baselines?(?:\ssuch\sas|\sincluding|\slike|,)?|such\sas|including"
    r"|e\.g\.,?|like|in\scontrast\s(?:to|with)|unlike|as\s(?:fast|efficient|accurate|good|small|cheap)\sas)\s",
    re.IGNORECASE,
)
_EXTENDS = re.compile(
    r"(?<!\w)(?=\w)(?:extend(?:s|ed|ing)?|build(?:s|ing)?\s(?:up)?on(?:\stop\sof)?|built\s(?:up)?on(?:\stop\sof)?"
    r"|based\s(?:up)?on(?!\s(?:a|an|the)?\s?(?:\w+\s)?(?:hybrid|combination|mixture)\sof)"
    r"|improv(?:es|ed|ing)\s(?:up)?on|generali[sz](?:es|ed|ing)|(?:a|an|the)\s(?:\w+\s)?(?:variant|extension"
    r"|generali[sz]ation|improvement|enhancement|adaptation|modification|successor|upgrade|version)\sof"
    r"|inspired\sby|on\stop\sof|revisit(?:s|ing)?|enhanc(?:es|ing)|upgrad(?:es|ing)|adapt(?:s|ing)|modif(?:ies|ying))\s",
    re.IGNORECASE,
)
_COMPOSES = re.compile(
    r"(?<!\w)(?=\w)(?:orthogonal\sto|(?:fully\s)?(?:compatible|composable)\swith|complementary\sto|combined\swith|combin(?:e|es|ing)\s(?:it\s|them\s)?with"
    r"|(?:integrated|combined|used|applied|paired|stacked|coupled)\s(?:with|into|alongside|on\stop\sof)"
    r"|in\sconjunction\swith|together\swith|alongside|stacks?\swith|plugs?\sinto|works?\swith|jointly\swith"
    r"|integrat(?:e|es|ing)\s(?:it\s|them\s|seamlessly\s)?(?:with|into))\s",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not(?!\sonly\b)|never|unlike|without|neither|nor|cannot|can't|incompatible)\b", re.I)

# A named thing: a coined token (GaLore, H2O, FlashAttention-2, QLoRA) possibly with a version.
_NAME_BODY = r"[A-Za-z][A-Za-z0-9]*(?:[-+._][A-Za-z0-9]+)*\+*(?:\s(?:v|V)\d+(?:\.\d+)?)?"
_NAME = re.compile(rf"(?<![\w-]){_NAME_BODY}(?![\w-])")
# The same tokens, less most of those in lower-case letters only (never names): where the run of
# lowercase letters is followed by nothing that could continue the token, the pattern fails at once,
# without a match object. (Those that run on into a "." or "+" still come: the caller skips them.)
_NAME_NOT_LOWER = re.compile(rf"(?<![\w-])(?![a-z]+(?![A-Za-z0-9]|[-._][A-Za-z0-9]|\+|\s[vV]\d)){_NAME_BODY}(?![\w-])")
# The same tokens found from the character before each, one that is neither a word character nor a hyphen: the
# engine skips ahead to those (ASCII ones by a plain class), a fifth of a text's characters, instead of trying the
# lookbehind at every position; the token is the group of the lookahead (see :func:`_name_spans`).
_NAME_AFTER = re.compile(r"[^A-Za-z0-9_\-](?<![\w-])(?=(" + _NAME_NOT_LOWER.pattern.removeprefix(r"(?<![\w-])") + "))")


def _name_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_NAME_NOT_LOWER.finditer(text)``: a token at the start, then the token after each character
    that ends a word, less those that start inside the token before (which finditer never tries)."""
    first = _NAME_NOT_LOWER.match(text)
    out = [first.span()] if first else []
    last = first.end() if first else 0
    for m in _NAME_AFTER.finditer(text):
        s, e = m.span(1)
        if s >= last:
            out.append((s, e))
            last = e
    return out


# The object phrase of a cue ends at the end of its clause.
_PHRASE_END = re.compile(
    r"[;:()]|(?<!e\.g)(?<!i\.e)\.\s|\.$|,\s(?!(?:and\s|or\s|e\.g\.,?\s|i\.e\.,?\s|such\sas\s|including\s)?"
    r"(?-i:[A-Z0-9]|[a-z]+[A-Z])[\w.+\-]*(?:[\s,]|$)|etc|e\.g\.|i\.e\.)"
    r"|\s(?:while|which|whereas|but|by(?<!provided\sby)(?<!offered\sby)(?<!developed\sby)(?<!implemented\sby)|in\sterms|in|on|at|for|across|under|when|achiev\w*|reduc\w*|improv\w*|yield\w*"
    r"|with(?!\s(?:and|or))|using|to\s(?:achieve|reduce|improve))\s"
    # "outperforms existing methods and provides a new solution": a second verb ends the object
    r"|\s(?:and|or)\s(?:also\s)?[a-z]+(?:es|s|ed)\s(?:a|an|the|its|their|up|new|significant\w*|substantial\w*)\s",
    re.IGNORECASE,
)

# -- lexicons for the targets of ADDRESSES and USES_ARCHITECTURE ---------------------------------

_MEMORY: tuple[tuple[str, str], ...] = (
    ("memory/kv-cache", r"kv[- ]?caches?|key-value\s(?:\(kv\)\s)?caches?|kv\smemory"),
    ("memory/optimizer-states", r"optimi[sz](?:er(?:'s)?|ation)\s(?:states?|memory)|adam(?:w|'s)?\sstates?|momentum\sstates?"
                                r"|memory\s(?:requirements?|footprint|usage|consumption|cost)\sof\s(?:the\s)?(?:[\w-]+\s){0,5}?optimi[sz]ers"),
    ("memory/activations", r"activation\s(?:memory|footprint|storage)|(?:storing|stored|store)\s(?:intermediate\s)?activations"
                           r"|intermediate\sactivations|activations"),
    ("memory/gradients", r"gradient\smemory|(?:storing\s)?gradients"),
    ("memory/weights", r"(?:model\s)?weight\s(?:memory|storage|footprint)|model\sweights|weights"),
)
_BOTTLENECK: tuple[tuple[str, str], ...] = (
    ("bottleneck/memory-bandwidth", r"memory[- ]bandwidth|memory[- ]bound|bandwidth[- ](?:bound|bottleneck|limit\w*)"
                                    r"|memory\saccess(?:es)?|data\smovement|memory\straffic|i/o\s(?:bottleneck|cost)"),
    ("bottleneck/memory-capacity", r"memory\s(?:capacity|footprint|consumption|usage|requirements?|cost|overhead|budget"
                                   r"|constraints?|demands?|limits?|bottleneck|wall)|out-of-memory|gpu\smemory|vram"
                                   r"|memory-(?:intensive|hungry|constrained|limited)"),
    ("bottleneck/communication", r"communication\s(?:overhead|cost|bottleneck|volume)|communication"),
    ("bottleneck/latency", r"(?:inference\s|decoding\s|end-to-end\s)?latency"),
    ("bottleneck/energy", r"energy\s(?:consumption|cost|efficiency)|power\sconsumption"),
    ("bottleneck/compute", r"computational\s(?:cost|overhead|complexity|burden|demands?|bottleneck)|quadratic\s(?:cost"
                           r"|complexity)|compute\s(?:cost|bound|bottleneck)|flops"),
)
_TARGET_VERB = re.compile(
    r"(?<!\w)(?=\w)(?:reduc\w*|address\w*|alleviat\w*|mitigat\w*|tackl\w*|overcom\w*|target\w*|cut\w*|compress\w*|sav\w*|lower\w*"
    r"|eliminat\w*|minimi[sz]\w*|shrink\w*|relie\w*|bypass\w*|break\w*|lift\w*|remov\w*|solv\w*|decreas\w*|avoid\w*)\b",
    re.I,
)
_ARCH: tuple[tuple[str, str], ...] = (
    ("arch/hybrid", r"hybrid(?:\s(?:attention-ssm|mamba-transformer|transformer-mamba|ssm-attention))?"),
    ("arch/moe", r"mixture[- ]of[- ]experts?|moe|sparse(?:ly)?[- ](?:gated\s)?expert"),
    ("arch/ssm", r"state[- ]space(?:\smodels?)?|ssms?|mamba"),
    ("arch/rnn", r"recurrent|rnns?|lstms?|linear\srnns?"),
    ("arch/transformer", r"transformers?"),
    ("arch/cnn", r"convolutional|cnns?|convnets?"),
    ("arch/diffusion", r"diffusion"),
)
_ARCH_RES = tuple((a, re.compile(rf"(?<![\w-])(?:{rx})(?![\w])", re.I)) for a, rx in _ARCH)
_ARCH_FRAME = re.compile(
    r"(?:^|,\s|\s)(?:is\s|as\s)?(?:a|an)\s(?:new\s|novel\s|efficient\s|\w+-efficient\s|open\s|open-source\s|lightweight\s"
    r"|compact\s|fully\s|pure(?:ly)?\s|large\s|small\s|sparse\s|\d+(?:\.\d+)?[BM](?:-parameter)?\s)*"
    r"(?P<arch>[\w-]+(?:\s[\w-]+)?)(?:-based|\sbased)?\s(?:model|architecture|language\smodel|llm|lm|network|backbone"
    r"|foundation\smodel|family|series)",
    re.I,
)
_DERIVE = re.compile(
    r"(?<!\w)(?=\w)(?P<verb>distill|prun|quantiz|compress|convert|deriv|initiali[sz]|upcycl|fine-tun|finetun|train|obtain)(?:ed|e|es|ing)?"
    r"\s(?:directly\s)?(?:from|out\sof)\s",
    re.I,
)
_DERIVE_INTO = re.compile(
    r"(?<!\w)(?=\w)(?P<verb>distill|prun|compress|convert|quantiz|upcycl)(?:e|es|ed|ing|ation)?\s(?:of\s)?(?P<src>.{2,60}?)\s(?:in)?to\s",
    re.I,
)
_TRAINED = re.compile(r"(?<!\w)(?=\w)(?:(?:pre-?)?train(?:s|ed|ing)?|fine-?tun(?:e|es|ed|ing))\s(?:[\w.-]+\s){0,4}?(?:on|using|with|across)\s",
                      re.I)
_PORT_VERB = re.compile(
    r"(?<!\w)(?=\w)(?:deploy\w*|implement\w*|port\w*|run(?:s|ning)?|execut\w*|accelerat\w*|map(?:s|ped|ping)?|target\w*"
    r"|tailored|designed|optimi[sz]ed|customi[sz]ed|prototyp\w*|fit\w*|on-device|brings?|enabl\w*|synthesi[sz]\w*)\b",
    re.I,
)
# "we (also) introduce", "we developed", "we use DPE to create": how every match of the frame opens
_INTRO_OPENING = (r"(?:we|this\s(?:paper|work))\s(?:also\s|further\s|first\s|then\s|additionally\s|use\s[^.;,]{1,30}?\sto\s)?"
                  r"(?:(?:introduc|propos|present|releas|construct|creat|develop|curat|contribut|collect)(?:es|e|ed|s)?|build|builds|built)\s")
_INTRO_FRAME = re.compile(
    r"\b" + _INTRO_OPENING +
    r"(?:a\s|an\s|the\s)?(?:new\s|novel\s|comprehensive\s|large-scale\s|unified\s"
    r"|initial\s|open\s|open-source\s|evaluation\s|public\s)*"
    # "we present an open-source dataset of ...": unnamed here, named by the paper's own name
    r"(?:(?P<kind3>benchmark|dataset)\s(?:of|for|that|which|with|to|covering|consisting)\b"
    r"|(?P<kind1>benchmark|dataset|metric|evaluation\ssuite|suite|test\ssuite)s?,?\s(?:called\s|named\s)?(?P<name1>[^\s,.;:()]+)"
    # "POPGym Arcade, a benchmark": a name of up to three capitalised words
    r"|(?P<name2>[^\s,.;:()]+(?:\s(?-i:[A-Z])[^\s,.;:()]*){0,2})(?:\s?\([^()]{1,40}\))?,?\s(?:a|an|the)\s(?:[\w-]+\s){0,4}?"
    r"(?P<kind2>benchmark|dataset|metric|suite|test\sbed|testbed)"
    # "a Large-Vocabulary Video Instance Segmentation dataset (LV-VIS)": the acronym names it
    r"|(?-i:(?:[A-Z][\w-]*\s){1,8})(?P<kind4>benchmark|dataset)\s\((?P<name4>[A-Za-z][\w-]{1,20})\)"
    # "a novel Efficiency-Quality Area (EQA) metric"
    r"|(?-i:(?:[A-Z][\w-]*\s){1,6})\((?P<name5>[A-Za-z][\w@-]{1,20})\)\s(?P<kind5>benchmark|dataset|metric)\b)",
    re.I,
)


# -- helpers -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Acronyms and words that are never method names (LLM, GPU, KV, SOTA, ...)."""
    words = {"LLM", "LLMs", "GPU", "GPUs", "CPU", "KV", "AI", "SOTA", "SoTA", "FP16", "BF16", "FP32", "FP8", "INT8",
             "INT4", "MoE", "MoEs", "SSM", "SSMs", "RNN", "CNN", "DNN", "NLP", "LM", "LMs", "VLM", "VLMs", "MLLM",
             "MLLMs", "HBM", "SRAM", "DRAM", "FLOPs", "TPU", "NPU", "FPGA", "ASIC", "PIM", "MCU", "MCUs", "IoT",
             "API", "PTQ", "QAT", "PEFT", "KD", "NAS", "ViT", "ViTs", "OOM", "I/O", "IO", "TTFT", "TPOT", "SLM",
             "SLMs", "GEMM", "MLP", "FFN", "QA", "RL", "RAG", "CoT", "US", "USD", "TOPS", "FPS", "Top-1", "Top-5",
             "ConvNet", "ConvNets", "SoA", "GPT-style", "PEFTs", "LLaMA-family", "MoE-based", "HuggingFace",
             # storage and memory devices name hardware, never a method ("SSD offloading" is a class)
             "SSD", "SSDs", "NVMe", "HDD", "HDDs", "VRAM", "RAM", "DDR", "DIMM", "DIMMs", "CXL"}
    try:
        from loaders.mapping.lexicons import GENERIC_TERMS
    except ImportError:  # the mapper's lexicon is optional here: the built-in list suffices
        return frozenset(words)
    for term in GENERIC_TERMS:
        for alt in _expand(term):
            if " " not in alt:
                words.add(alt)
    return frozenset(words)


def _expand(term: str) -> list[str]:
    m = _rx(r"\{([^{}]*)\}").search(term)
    if not m:
        return [term]
    return [x for alt in m.group(1).split("|") for x in _expand(term[: m.start()] + alt + term[m.end() :])]


@lru_cache(maxsize=8192)
def _name_like(token: str) -> bool:
    core = token.rstrip("+")
    letters = [c for c in core if c.isalpha()]
    if len(core) < 2 or not letters:
        return False
    if any(c.isdigit() for c in core) and core[0].isalpha():
        return True
    if sum(c.isupper() for c in letters) >= 2:
        return True
    return core[0].islower() and any(c.isupper() for c in core[1:])


@dataclass(frozen=True)
class Named:
    """A method or technique named in the text, with its span in ``Paper.text``."""

    id: str
    start: int
    end: int


_NAMED_CACHE: dict[int, tuple[LinkedDoc, dict[bool, list[Named]]]] = {}


def named_in(doc: LinkedDoc, start: int, end: int, *, loose: bool = False) -> list[Named]:
    """Methods and techniques named in ``Paper.text[start:end]`` (see :func:`_named_all`).

    The whole paper is read once per document and mode; spans are then cut from that reading.
    """
    hit = _NAMED_CACHE.get(id(doc))
    if hit is None or hit[0] is not doc:
        if len(_NAMED_CACHE) > 16:
            _NAMED_CACHE.clear()
        hit = (doc, {})
        _NAMED_CACHE[id(doc)] = hit
    full = hit[1].get(loose)
    if full is None:
        hit[1][False], hit[1][True] = _named_all(doc)
        full = hit[1][loose]
    # both readings are in text order: cut the span by bisection
    return full[bisect_left(full, start, key=_START) : bisect_left(full, end, key=_START)]


_START = attrgetter("start")


def _named_all(doc: LinkedDoc) -> tuple[list[Named], list[Named]]:
    """Methods and techniques named in the paper, in text order: (strict reading, loose reading).

    A coined name (``GaLore``, ``FlashAttention-2``, ``H2O``) is a Method ``method/<slug>`` even when
    the mapper read it as a cue of a technique class; a plain technique phrase ("4-bit
    quantization") keeps its technique id. Tokens inside model, dataset and hardware mentions are
    never methods. A coined name takes a capitalised neighbour ("LookAhead Decoding", "Gated
    DeltaNet"). With ``loose`` (lists of baselines), a plain capitalised word that the paper never
    writes in lower case ("Medusa", "Wanda") is a name too.
    """
    text = doc.paper.text
    start, end = 0, len(text)
    out: list[Named] = []
    blocked: list[tuple[int, int]] = []
    for m in doc.mentions:
        if m.end <= start or m.start >= end:
            continue
        label = m.label
        if label in _NAMING_LABELS and m.entity_id:
            # (the descriptor pattern opens with a hyphen: most mentions have none)
            if "-" in m.text and _DESCRIPTOR_WORD.search(m.text.strip()):
                blocked.append((m.start, m.end))  # "Mamba-based LLMs": a descriptor, not a name
                continue
            surface = m.text.strip()
            # (a named or title word is asked of short technique mentions only: it decides nothing elsewhere)
            named = _technique_named(surface) if label is _TECHNIQUE else 0
            if named == _COINED or (named == _PLAIN and m.start > 0 and text[m.start - 2 : m.start] not in (". ", "\n\n")):
                out.append(Named(_method_id(surface), m.start, m.end))
            else:
                out.append(Named(m.entity_id, m.start, m.end))
            blocked.append((m.start, m.end))
        elif label in _BLOCKING_LABELS:
            blocked.append((m.start, m.end))
    # one flag per character: inside a mention already read (a linear scan per token would be quadratic)
    mask = bytearray(len(text) + 1)
    for s_, e_ in blocked:
        mask[s_:e_] = b"\x01" * (e_ - s_)
    written_lower: dict[str, bool] = {}

    def in_lower_case(word: str) -> bool:
        # is ``word`` one of the words (?<![\w-])[a-z][a-z0-9]*(?![\w-]) of the text? Asked of the few
        # capitalised tokens only, instead of collecting every lowercase word of the paper
        hit = written_lower.get(word)
        if hit is None:
            hit = written_lower[word] = _LOWER_WORD.fullmatch(word) is not None and stands_alone(text, word)
        return hit

    loose_only: list[Named] = []
    # most tokens are plain lowercase words: the pattern passes over nearly all of them (the token's
    # kind skips those it lets through)
    for s0, e0 in _name_spans(text):
        tok = text[s0:e0]
        kind = _token_kind(tok)
        if not kind:
            continue  # most words: neither coined nor capitalised, or never a name ("We", "LLMs", "GPU")
        if 1 in mask[s0:e0]:
            continue
        # (the pattern opens with a hyphen: most tokens have none after them)
        if text.startswith("-", e0) and _DESCRIBED_AFTER.match(text[e0 : e0 + 10]):
            continue  # "SSD-based solutions", "RAFT-like architectures": a descriptor, not a name
        coined = kind & _COINED
        plain = kind & _PLAIN and not in_lower_case(tok.lower())
        if not (coined or plain) or (plain and s0 > 0 and text[s0 - 2 : s0] in (". ", "\n\n")):
            continue
        if coined:
            # "Gated DeltaNet", "LookAhead Decoding": a capitalised word next to a coined name belongs to it
            # (both need a space next to the token: most coined names stand between other words)
            pre = _WORD_BEFORE.search(text[max(start, s0 - 20) : s0]) if s0 > start and text[s0 - 1].isspace() else None
            if pre and pre.group(1).lower() not in _STOP_CAPS and pre.group(1) not in _VENDORS:
                s0 -= len(pre.group(0))
            post = _WORD_AFTER.match(text[e0 : min(end, e0 + 20)]) if text[e0 : e0 + 1].isspace() else None
            if post and post.group(1).lower() not in _STOP_CAPS:
                e0 += len(post.group(0))
            out.append(Named(_method_id(text[s0:e0]), s0, e0))
        else:
            loose_only.append(Named(_method_id(text[s0:e0]), s0, e0))
    out.sort(key=_START)
    return out, sorted(out + loose_only, key=_START)


_DIGIT = re.compile(r"\d")
_COINED, _PLAIN = 1, 2
_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+)\s$")
_WORD_AFTER = re.compile(r"\s([A-Z][a-z]+)(?![\w-])")


@lru_cache(maxsize=16384)
def _token_kind(tok: str) -> int:
    """What :func:`_named_all` can make of a token by its letters alone (asked of every token of every
    paper, so kept): ``_COINED`` (GaLore, H2O), ``_PLAIN`` (a capitalised word, a name where the paper
    never writes it in lower case), both, or 0 (a lowercase word, a generic acronym, a vendor, a
    descriptor such as "RAFT-like")."""
    if tok.islower() and (tok.isalpha() or not _DIGIT.search(tok)):
        return 0
    generic = _generic_words()
    if tok in generic or tok.rstrip("s") in generic or tok in _VENDORS or ("-" in tok and _DESCRIPTOR_WORD.search(tok)):
        return 0
    coined = _name_like(tok.split()[0]) and not _FORMAT.fullmatch(tok)
    plain = tok[:1].isupper() and tok[1:].islower() and len(tok) >= 3 and tok.lower() not in _STOP_CAPS
    return (_COINED if coined else 0) | (_PLAIN if plain else 0)


# (label tests read once per mention of every paper: a set lookup, not an enum attribute per member)
_NAMING_LABELS = frozenset({NodeLabel.METHOD, NodeLabel.TECHNIQUE})
_BLOCKING_LABELS = frozenset({NodeLabel.MODEL, NodeLabel.DATASET, NodeLabel.HARDWARE, NodeLabel.HARDWARE_CLASS,
                              NodeLabel.METRIC, NodeLabel.ARCHITECTURE, NodeLabel.MODEL_FAMILY})
_TECHNIQUE = NodeLabel.TECHNIQUE


@lru_cache(maxsize=4096)
def _technique_named(surface: str) -> int:
    """What a technique mention's words make of it in :func:`_named_all` (the same surfaces come back
    paper after paper, so kept): ``_COINED`` where one of at most three words is coined ("GaLore"),
    ``_PLAIN`` for one capitalised word (a name unless it opens a sentence), else 0."""
    words = surface.split()
    if len(words) > 3:
        return 0
    generic = _generic_words()
    if any(_name_like(w) and w not in generic and w.rstrip("s") not in generic and not _FORMAT.fullmatch(w) for w in words):
        return _COINED
    if len(words) == 1 and surface[:1].isupper() and surface[1:].islower() and surface.lower() not in _STOP_CAPS:
        return _PLAIN
    return 0


_DESCRIBED_AFTER = _rx(r"-(?:based|like|style|aware|friendly|specific)\b")
_LOWER_WORD = re.compile(r"[a-z][a-z0-9]*")
_DESCRIPTOR_WORD = re.compile(r"-(?:based|like|style|aware|friendly|specific|generated|free|only|wise|level|agnostic"
                              r"|centric|oriented|native|trained|tuned|enabled|powered|driven)$", re.I)
_VENDORS = frozenset("NVIDIA Nvidia Google Meta Microsoft Intel AMD Apple Qualcomm OpenAI Xilinx Huawei Alibaba Baidu "
                     "Amazon AWS IBM Samsung ARM Arm DeepMind Anthropic HuggingFace Facebook Tesla".split())
_STOP_CAPS = frozenset(
    """the our we in on for with and or but this these that those it its they their a an of to by from as at via
    compared moreover however furthermore additionally specifically finally notably overall extensive experiments
    results experimental evaluation evaluations state art large language models model transformer transformers
    attention network networks learning training inference method methods approach baseline baselines benchmark
    benchmarks dataset datasets accuracy memory performance efficient efficiency deep neural vision speech image
    video text code data task tasks gpu gpus cpu cpus decoding generation tree search sparse dense linear full
    standard vanilla existing prior previous recent original naive table figure section appendix both each all
    softmax sigmoid
    while when where which who whose what how also further only even more most less least many much such other
    chinese english french german spanish japanese korean arabic russian hindi multilingual bilingual""".split()
)


_FORMAT = re.compile(r"W\d+A\d+\w*|(?:FP|BF|INT|UINT|NF|MXFP|NVFP|E\dM)\d+\w*|\d.*|[A-Z]|[A-Z]+\d+(?:\.\d+)?[KMB]")


@lru_cache(maxsize=4096)
def _method_id(name: str) -> str:
    return f"method/{slug(name)}"


_CITATION_PAREN = re.compile(r"\s?\([^()]{0,60}(?:et\sal\.|\b(?:19|20)\d{2}\b)[^()]{0,20}\)")


_PHRASE_START_END = re.compile(r"(?:while|which|whereas|but|by|in|on|at|for|across|under|when|using)\s", re.I)


def _phrase_end(text: str, start: int, stop: int) -> int:
    """End of the object phrase that starts at ``start``; citations in brackets do not end it."""
    if _PHRASE_START_END.match(text, start, stop):
        return start  # "baselines in terms of FID": the cue has no object
    pos = start
    while True:
        m = _PHRASE_END.search(text, pos, stop)
        if m is None:
            return stop
        if m.group().startswith("(") or m.group().startswith(" ("):
            cite = _CITATION_PAREN.match(text, m.start() - (1 if text[m.start() - 1 : m.start()] == " " else 0))
            if cite and cite.end() <= stop:
                pos = cite.end()
                continue
        return m.start()


def _per_doc(fn: Callable[[LinkedDoc], _T]) -> Callable[[LinkedDoc], _T]:
    """``fn(doc)`` computed once for each of the last documents read: several readers ask for it,
    and a LinkedDoc is frozen. The value is shared, so callers must not change it."""
    cache: dict[int, tuple[LinkedDoc, _T]] = {}

    @wraps(fn)
    def cached(doc: LinkedDoc) -> _T:
        hit = cache.get(id(doc))
        if hit is None or hit[0] is not doc:
            if len(cache) > 16:
                cache.clear()
            hit = cache[id(doc)] = (doc, fn(doc))
        return hit[1]

    return cached


@_per_doc
def _own_ids(doc: LinkedDoc) -> dict[str, str]:
    """Slug of each proposed method's name (and its components) -> its id."""
    return _own_ids_of(doc.methods)


@lru_cache(maxsize=256)
def _own_ids_of(methods: tuple[ProposedMethod, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in methods:
        out[m.id] = m.id
        out[f"method/{slug(m.name)}"] = m.id
    return out


@_per_doc
def _title_name(doc: LinkedDoc) -> str | None:
    """The named method a paper without a proposed method is about: the name leading its title
    ("Lion Secretly Solves ...": Lion), when the abstract writes it capitalised and never in lower case."""
    m = _rx(r"([A-Z][\w-]*[A-Za-z0-9])(?=[\s:])").match(doc.paper.title_text)
    if not m:
        return None
    name = m.group(1)
    abstract = doc.paper.text[len(doc.paper.title_text) :]
    if name in _generic_words() or name.lower() in _STOP_CAPS or name in _VENDORS or len(name) < 3:
        return None
    if name_positions(abstract, name.lower()) or len(name_positions(abstract, name)) < 2:
        return None
    if any(m_.label not in (NodeLabel.METHOD, NodeLabel.TECHNIQUE) and m_.text == name for m_ in doc.mentions):
        return None  # a model, data set or device
    return name


_SUBJECTS: dict[int, tuple[LinkedDoc, dict[tuple[int, int, bool], str | None]]] = {}


def _subject(doc: LinkedDoc, sent_start: int, sent_end: int, *, title_name: bool = False) -> str | None:
    """:func:`_subject_of`, kept per document: four readers ask it of every sentence."""
    hit = _SUBJECTS.get(id(doc))
    if hit is None or hit[0] is not doc:
        if len(_SUBJECTS) > 16:
            _SUBJECTS.clear()
        hit = _SUBJECTS[id(doc)] = (doc, {})
    key = (sent_start, sent_end, title_name)
    if key not in hit[1]:
        hit[1][key] = _subject_of(doc, sent_start, sent_end, title_name=title_name)
    return hit[1][key]


def _subject_of(doc: LinkedDoc, sent_start: int, sent_end: int, *, title_name: bool = False) -> str | None:
    """The proposed method a sentence speaks about (named in it, or the paper's main one).

    An unnamed contribution speaks through the class it instantiates when the sentence is about
    the authors' own work ("our method is orthogonal to ..."), as the annotation guidelines say.
    With ``title_name``, a paper that proposes nothing speaks about the method its title leads with
    in sentences that name it or open with "It".
    """
    if not doc.methods:
        text = doc.paper.text
        own_work = _rx(r"\b(?:our|the\sproposed)\s(?:method|approach|technique|model|framework|design|scheme)\b", re.I).search(
                       text[sent_start:sent_end])
        if own_work and doc.in_scope and doc.techniques:
            return doc.techniques[0]
        name = _title_name(doc) if title_name else None
        if name and (name_positions(text, name, sent_start, sent_end) or text.startswith("It ", sent_start)):
            return _method_id(name)
        return None
    own = _own_ids(doc)
    for n in named_in(doc, sent_start, sent_end):
        if n.id in own:
            return own[n.id]
    return doc.methods[0].id


_ROOT_CLASS = "technique/ml-efficiency"  # the taxonomy's root: "efficiency" itself names no technique


def _rel(doc: LinkedDoc, rel: RelType, source: str, target: str, sentence: int, confidence: float,
         qualifier: str = "") -> Relation | None:
    if source == target or target == _ROOT_CLASS:
        return None
    try:
        check_edge(rel, source, target)
    except ValueError:
        log.debug("skipped %s %s -> %s: outside the schema", rel.value, source, target)
        return None
    ev = doc.evidence(sentence, extractor=EXTRACTOR, version=VERSION, confidence=confidence)
    fields: dict[str, Any] = {"type": rel, "source": source, "target": target, "evidence": ev, "qualifier": qualifier}
    # (a relation type, string ids and qualifier and a validated Evidence, as the readers give: nothing
    # is left to check; other values are validated)
    if type(rel) is RelType and type(source) is str and type(target) is str and type(qualifier) is str \
            and type(ev) is Evidence:
        return _unvalidated(Relation, fields)
    return Relation(**fields)


# -- readers, one per relation family -------------------------------------------------------------


_CITE_PAREN = re.compile(r"\((?:[^()]*?\bet\sal\b[^()]*|[^()]*?\b(?:19|20)\d{2}[a-z]?)\)")
_DESCRIPTOR = re.compile(r"^\s(?:solutions?|methods?|approach(?:es)?|frameworks?|systems?|baselines?|works?|variants?"
                         r"|techniques?|models?|engines?|kernels?|librar(?:y|ies)|accelerators?|implementations?)\b", re.I)
_INSTANCES = re.compile(r"^\s?(?:[\w-]+,?\s){0,2}?(?:,\s)?(?:such\sas|like|including|e\.g\.,?|i\.e\.,?|namely|\()\s?", re.I)


def _cue_objects(doc: LinkedDoc, cue: re.Pattern[str], start: int, end: int) -> Iterator[tuple[Named, str, int]]:
    """Named methods/techniques in the object phrase of each cue in ``text[start:end]``.

    Citations are not names ("(Sun et al., 2023)"); a name that only describes the next one is
    not an object ("the ANNS solution DiskANN"); a class with named instances ("efficient
    attention techniques such as FlashAttention") stands for its instances.
    """
    text = doc.paper.text
    for m_start, m_end, word, stop in _cue_matches(cue, text, start, end):
        before = text[max(start, m_start - 25) : m_start]
        if _NEGATION.search(before):
            continue
        cites = [(c.start(), c.end()) for c in _CITE_PAREN.finditer(text, m_end, stop)]
        found = [n for n in named_in(doc, m_end, stop, loose=cue is _COMPARED)
                 if not any(a <= n.start < b for a, b in cites)
                 and not _rx(r"\d(?:\.\d+)?%?\s?$").search(text[max(0, n.start - 8) : n.start])]  # "+4.1 EM": a score
        kept: list[Named] = []
        for k, n in enumerate(found):
            if kept and n.start < kept[-1].end:
                continue  # "Gated DeltaNet" read twice: the longer reading stands
            if k + 1 < len(found) and _DESCRIPTOR.match(text[n.end : n.end + 16]) \
                    and _rx(r"\s[\w-]+\s").fullmatch(text[n.end : found[k + 1].start]):
                continue  # "the state-of-the-art ANNS solution DiskANN": a descriptor of the next name
            nxt = next((x for x in found[k + 1 :] if x.start >= n.end), None)  # one span may carry two classes
            if n.id.startswith("technique/") and nxt is not None and nxt.id.startswith("method/") \
                    and _INSTANCES.match(text[n.end : nxt.start]):
                continue  # "attention techniques such as FlashAttention": the instance is the object
            kept.append(n)
        for n in kept:
            yield n, word.strip().lower(), m_start


_OWN_REF = re.compile(r"^(?:These|They)\b|^This\s(?:yields|results|leads|achieves|enables|approach|method|design)\b"
                      r"|\b(?:we|our|ours|this\s(?:paper|work|study|method|approach|framework|model|design|system)"
                      r"|the\sproposed|proposed\s(?:method|approach|framework|model|system))\b"
                      r"|(?<=,\s)it\s(?:further\s|also\s)?(?:brings|achieves|delivers|yields|reduces|improves|outperforms|provides"
                      r"|enables|attains|offers|obtains|reaches|speeds|accelerates|cuts|saves|lowers)\b"
                      r"|^It\s(?!(?:was|is|has\sbeen)\s(?:well|widely|known|believed|reported|shown|common|hard|challenging"
                      r"|difficult|important|crucial|essential|necessary|possible|unclear|recently|often|generally))", re.I)
_COMPARE_VERB = re.compile(r"(?<!\w)(?=\w)(?:outperform\w*|compar\w*|surpass\w*|beat\w*|exceed\w*|over|than|vs\.?|versus|against"
                           r"|baselines?|superior|better|faster|improv\w*|speedups?|competitive|rival\w*)\b", re.I)
_LIST_CUES = ("such as", "including", "e.g.", "e.g.,", "like", "baseline", "baselines", "baselines,", "baseline,",
              "baselines such as", "baselines including", "baselines like")
_LEADING_CUE = re.compile(r"^(?:Compared\s(?:to|with)|In\scomparison\s(?:to|with)|In\scontrast\s(?:to|with)|Relative\sto|Unlike|Over|Against"
                          r"|When\scompared\s(?:to|with)|Orthogonal\sto|Complementary\sto|Building\son|Built\son"
                          r"|Based\son|Extending|Inspired\sby)\b", re.I)


def _object_spans(doc: LinkedDoc, sent_start: int, sent_end: int) -> list[tuple[int, int]]:
    """Spans that are objects of a cue ("outperforms H2O and SnapKV"): names there are never subjects."""
    text = doc.paper.text
    if _first_cue(text, sent_start, sent_end) is None:
        return []  # (one scan for the three cues: most sentences have none)
    return [(m_end, stop) for cue in (_COMPOSES, _EXTENDS, _COMPARED)
            for _s, m_end, _w, stop in _cue_matches(cue, text, sent_start, sent_end)]


def _cue_matches(cue: re.Pattern[str], text: str, start: int, end: int) -> tuple[tuple[int, int, str, int], ...]:
    """Each match of ``cue`` in ``text[start:end]``: (start, end, cue words, end of its object phrase).

    Kept per sentence: the object spans and the readers of each cue scan the same sentence.
    """
    # (the cache is keyed by the cue's gate, hashed by identity: a compiled pattern's hash reads its
    # whole compiled code, which for these cues cost more than the cache saved)
    gate = _CUE_GATES.get(id(cue))
    if gate is None or gate.pattern is not cue:
        return _matches_in(text, end, [m.span() for m in cue.finditer(text, start, end)])
    return _gated_cue_matches(gate, text, start, end)


@lru_cache(maxsize=256)
def _gated_cue_matches(gate: Gated, text: str, start: int, end: int) -> tuple[tuple[int, int, str, int], ...]:
    # no cue matches before the first match of any: the scan starts there
    first = _first_cue(text, start, end)
    return () if first is None else _matches_in(text, end, gate.spans(text, first, end))


@lru_cache(maxsize=256)
def _first_cue(text: str, start: int, end: int) -> int | None:
    """Where the first match of any of the three cues starts in ``text[start:end]`` (None: there is none)."""
    span = _ANY_CUE.first_in(text, start, end)
    return None if span is None else span[0]


def _matches_in(text: str, end: int, spans: list[tuple[int, int]]) -> tuple[tuple[int, int, str, int], ...]:
    return tuple((s, e, text[s:e], _phrase_end(text, e, end)) for s, e in spans)


# the cues are searched in every sentence: only where the words their matches need are (by the cue's id);
# a comparison's words ("over", "than", "like", "such as", ...) are in so many sentences that testing
# for them costs more than the scans it saves: that cue gains only the lowercase search
_CUE_GATES = {id(cue): Gated.auto(cue, gate=cue is not _COMPARED) for cue in (_COMPOSES, _EXTENDS, _COMPARED)}


def _any_cue(cues: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern that matches where any of ``cues`` does: their alternatives under one word start."""
    head, tail = r"(?<!\w)(?=\w)(?:", r")\s"
    assert all(c.pattern.startswith(head) and c.pattern.endswith(tail) and c.flags == cues[0].flags for c in cues)
    return re.compile(head + "|".join(c.pattern[len(head) : -len(tail)] for c in cues) + tail, cues[0].flags)


# searched once per sentence, as its lowercase form (a comparison's words are in nearly every sentence: no gate)
_ANY_CUE = Gated.auto(_any_cue((_COMPOSES, _EXTENDS, _COMPARED)), gate=False)


def _own_before(doc: LinkedDoc, sent_start: int, pos: int, objects: Sequence[tuple[int, int]] = (),
                parts: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether the nearest named thing before ``pos`` in its sentence is the paper's own method.

    "FooKV outperforms H2O": yes. "structured pruning combined with distillation": no (a class
    word is the subject). Pronouns of the authors ("we", "our method") count as the own method.
    """
    text = doc.paper.text
    own = _own_ids(doc)
    last: tuple[int, bool] | None = None
    for n in named_in(doc, sent_start, pos):
        if any(s <= n.start < e for s, e in objects) or n.id.startswith("technique/"):
            continue  # class words ("the proposed kernel") are descriptions, not competing subjects
        if n.id not in own and _rx(r"\b(?:on|in|with|using|to|for|of|from|by|via|at|into)\s(?:the\s|a\s|an\s)?"
                                   r"(?:[\w-]+\s){0,2}$").search(text[max(sent_start, n.start - 40) : n.start]):
            continue  # "validate X on the Xilinx Alveo U280": a name inside a phrase is not the subject
        last = (n.start, n.id in own or n.id in parts)
    for m in _OWN_REF.finditer(text[sent_start:pos]):
        if last is None or sent_start + m.start() > last[0]:
            last = (sent_start + m.start(), True)
    for pm in doc.methods:
        p = text.rfind(pm.name, sent_start, pos)
        if p >= 0 and (last is None or p >= last[0]):
            last = (p, True)
    return bool(last and last[1])


def _names_any(doc: LinkedDoc, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names anything in the loose reading (which holds the strict one): the
    objects of every cue are names in it."""
    return bool(named_in(doc, start, end, loose=True))


def _method_relations(doc: LinkedDoc) -> Iterator[Relation]:
    own = set(_own_ids(doc).values())
    parts = {cid for cid, _n, _s, _l in _components(doc)}
    text = doc.paper.text
    for sent in doc.sentences:
        if sent.in_title:
            continue
        if sent.text.rstrip().endswith("?"):
            continue  # a question states no relation ("can transformers run as fast as X?")
        if not _names_any(doc, sent.start, sent.end):
            continue  # no name at all, as in two sentences in five: no cue has an object (not searched for one)
        # a paper that proposes nothing often has no subject, and asking is cheap there; elsewhere there
        # always is one, and the cue scan, which most sentences fail, comes first
        if not doc.methods and _subject(doc, sent.start, sent.end, title_name=True) is None:
            continue
        objects = _object_spans(doc, sent.start, sent.end)
        if not objects:
            continue  # no cue at all (most sentences): nothing below can be read
        subject = _subject(doc, sent.start, sent.end, title_name=True)
        if subject is None:
            continue
        leading = _LEADING_CUE.match(sent.text)
        own_after_lead = bool(leading) and _own_before(doc, sent.start, sent.end, objects)
        seen: set[str] = set()
        for cue, rel, conf in ((_COMPOSES, RelType.COMPOSES_WITH, 0.75), (_EXTENDS, RelType.EXTENDS, 0.7),
                               (_COMPARED, RelType.COMPARED_WITH, 0.7)):
            for n, word, pos in _cue_objects(doc, cue, sent.start, sent.end):
                if n.id in own or n.id in seen:
                    continue
                if rel is RelType.EXTENDS and _NOT_EXTENDING.match(text, pos + len(word)) or (
                        rel is RelType.EXTENDS and word.startswith("extended") and _rx(
                            r"\b(?:of|the|an?|with|for|and|over|on)\s$", re.I).search(text[max(sent.start, pos - 6) : pos])):
                    continue  # "enhancing the efficiency of X", "extending it to SLAM", "of extended recordings"
                if rel is RelType.EXTENDS and _rx(r"\b(?:existing|prior|previous|other|conventional|common)\s(?:[\w-]+\s)?$", re.I).search(
                                                  text[max(sent.start, n.start - 30) : n.start]):
                    continue  # "enhances applicability over existing VideoQA models": a class of earlier work
                if rel is RelType.EXTENDS and word.startswith("on top of") and _rx(
                        r"\b(?:evaluat|test|benchmark|measur|validat|assess)\w*\b[^,;]*$", re.I).search(text[sent.start : pos]):
                    continue  # "we evaluate X on top of Y": the platform of an experiment, not a method it builds on
                if rel is RelType.EXTENDS and (not n.id.startswith("method/") or _rx(
                        r"\s(?:architecture|backbone|family|framework|design)\b", re.I).match(text[n.end : n.end + 14])):
                    continue  # "based on" a class or an architecture ("built on the Mamba architecture") extends no method
                if rel is RelType.COMPOSES_WITH and _rx(r"\s(?:a|an|our|the)\s(?:\w+\s)?(?:novel|new|proposed)\b", re.I).match(
                                                        text[pos + len(word) : n.start]):
                    continue  # "together with a novel initialization scheme": more of the contribution itself
                if rel is RelType.COMPOSES_WITH and _rx(r"^[^.;]{0,30}?\b(?:framework|librar(?:y|ies)|toolkit|platform"
                                                        r"|compiler|runtime)s?\b", re.I).match(text[n.end : n.end + 60]):
                    continue  # "integrated into PyTorch (a framework)": software it ships in, not a technique it composes with
                if rel is RelType.COMPARED_WITH and not n.id.startswith("method/") and not _class_comparator(
                        text, pos, n, sent.end):
                    continue  # a class word inside a description ("compared to LLMs with quantization")
                at_lead = bool(leading) and pos == sent.start
                if not (_own_before(doc, sent.start, pos, objects, parts) or (at_lead and own_after_lead)):
                    continue  # the cue is not said of the paper's method
                if rel is RelType.COMPARED_WITH and (word == "against" and _rx(
                        r"\b(?:guarantee\w*|robust\w*|protect\w*|defen[cs]\w*|secur\w*|resilien\w*|safe\w*|attack\w*"
                        r"|immun\w*|guard\w*)\s(?:\w+\s){0,2}$", re.I).search(text[max(sent.start, pos - 40) : pos])
                        or _rx(r"\bour\s(?:own\s)?(?:[\w-]+\s)?$", re.I).search(text[max(sent.start, n.start - 30) : n.start])):
                    continue  # "guarantees against Sybil attacks", "compared to our Triton implementation"
                if rel is RelType.COMPARED_WITH and (word.startswith("in contrast") or word == "unlike") and not (
                        pos == sent.start and n.id.startswith("method/")
                        and _rx(r"\s(?:the\s)?").fullmatch(text[pos + len(word) : n.start])
                        and _rx(r"\s?(?:\([^()]*\))?,").match(text[n.end : n.end + 40])):
                    continue  # only "In contrast to X, <our method> ..." opening the sentence names a comparator
                if rel is RelType.COMPARED_WITH and word in _LIST_CUES and not _COMPARE_VERB.search(
                        text[max(sent.start, pos - 80) : pos]):
                    continue  # "methods such as X" without a comparison is background
                if rel is RelType.COMPARED_WITH and word in _LIST_CUES and _rx(
                        r"\b(?:benchmarks?|datasets?|tasks?|domains?|models?|LLMs?|architectures?|families|suites?)\s?,?\s?$", re.I).search(
                        text[max(sent.start, pos - 40) : pos]):
                    continue  # "benchmarks such as X": what it is tested on, not what it is compared with
                seen.add(n.id)
                qualifier = _qualifier_word(word) if rel is RelType.COMPOSES_WITH else ""
                # a named part of the method right before the cue speaks for itself ("KDA ... extends X")
                part = next((c for c in reversed(named_in(doc, sent.start, pos)) if c.id in parts), None)
                if part is not None and not any(text.find(pm.name, part.end, pos) >= 0 for pm in doc.methods):
                    r = _rel(doc, rel, part.id, n.id, sent.index, conf, qualifier=qualifier)
                    if r:
                        yield r
                    continue
                r = _rel(doc, rel, subject, n.id, sent.index, conf, qualifier=qualifier)
                if r:
                    yield r


_NOT_EXTENDING = re.compile(
    r"\s(?:the\s|its\s|their\s)?(?:[\w-]+\s)?(?:performance|efficiency|accuracy|quality|speed|throughput|robustness"
    r"|capabilit(?:y|ies)|applicability|scalability|usability|practicality|generali[sz]ation)\sof\b"
    r"|\s(?:it|them|this|these|our\s[\w-]+|the\s(?:method|approach|framework|model|idea|technique))\s(?:to|for|into|towards)\b",
    re.I,
)
_CLASS_LEAD = re.compile(r"^(?:\s?(?:the|a|an|existing|standard|conventional|prior|previous|traditional|vanilla|naive"
                         r"|typical|common|popular|current|state-of-the-art|SOTA|full|dense|other|all|most)\b)*\s?$", re.I)
_CLASS_HEAD = re.compile(r"^\s?(?:(?:methods?|approach(?:es)?|techniques?|baselines?|counterparts?|schemes?|algorithms?"
                         r"|solutions?|variants?|models?)\b|[,;.)]|$|\s?(?:and|or|while|which|by|on|in|at|for|with)\b)", re.I)


def _class_comparator(text: str, cue_pos: int, n: Named, stop: int) -> bool:
    """Whether a technique class is itself the comparator: it heads the object of the comparison
    ("than the quantization-aware training method", "over standard SSD offloading")."""
    cue = _COMPARED.match(text, cue_pos)
    if cue is None or cue.group().strip().lower() in _LIST_CUES:
        return False
    return bool(_CLASS_LEAD.match(text[cue.end() : n.start]) and _CLASS_HEAD.match(text[n.end : min(stop, n.end + 20)]))


def _qualifier_word(cue: str) -> str:
    for word in ("orthogonal", "compatible", "composable", "complementary", "combined", "integrated"):
        if word in cue:
            return word
    return "combined"


# -- components ------------------------------------------------------------------------------------

_COMPONENT_CUE = re.compile(
    r"(?<!\w)(?=\w)(?:propos\w*|introduc\w*|design\w*|develop\w*|utili[sz]\w*|employ\w*|us(?:e|es|ing)|leverag\w*|featur\w*"
    r"|compris\w*|consist\w*|includ\w*|integrat\w*|incorporat\w*|adopt\w*|contain\w*|component\w*|module\w*"
    r"|mechanism\w*|core|hybrid\sof|combin\w*|first|second|third|then|finally|further|additionally)\b",
    re.I,
)


_PROPOSING = re.compile(r"\b(?:we|our)\b[^.;]{0,60}?\b(?:propos\w*|design\w*|introduc\w*|develop\w*|present\w*|utili[sz]\w*"
                        r"|employ\w*|implement\w*|devis\w*)\b|\bcomponents?\b|\bmodules?\b", re.I)
_HEAD_NOUN = re.compile(r"^\)?\s([A-Z][a-z]+s?)\b")


@_per_doc
def _components(doc: LinkedDoc) -> tuple[tuple[str, str, int, str], ...]:
    """Named parts of the proposed methods: (component id, short name, sentence, long form).

    A component is an acronym the abstract defines for a part of the method after the method is
    introduced ("... we propose the matryoshka weight quantization (MWQ)", "two components:
    probabilistic expert pruning (PEP) and ..."), unless it names a baseline, a standard class of
    techniques, a model, a data set or the method itself.
    """
    if not doc.methods:
        return ()
    text = doc.paper.text
    own = _own_ids(doc)
    own_names = {_compact(m.name) for m in doc.methods}
    own_names |= {n[:-1] for n in own_names if n.endswith("s")}  # ("CINs" defined as "(CINs)" is also "CIN")
    first = min((m.sentence for m in doc.methods if m.sentence > 0), default=1)
    generic = _generic_words()
    out: list[tuple[str, str, int, str]] = []
    seen: set[str] = set(own)
    for a in doc.acronyms:
        if a.sentence < max(first, 1):
            continue
        if a.short in generic or a.short.rstrip("s") in generic or _compact(a.short) in own_names:
            continue
        name = a.short
        head = _HEAD_NOUN.match(text[a.end - 1 : a.end + 20]) if text[a.end - 1 : a.end] == ")" else None
        if head and head.group(1) in ("Blocks", "Block", "Module", "Modules", "Layer", "Layers", "Units", "Unit",
                                      "Heads", "Head", "Experts", "Kernel", "Kernels"):
            name = f"{a.short} {head.group(1)}"  # "Temporal Mamba (Temba) Blocks"
        cid = f"method/{slug(name)}" if slug(name) else ""
        if not cid or cid in seen:
            continue
        sent = doc.sentences[a.sentence]
        before = text[sent.start : a.start]
        if a.entity_id and a.entity_id.startswith("topic/"):
            if not _PROPOSING.search(before):
                continue  # "While Retrieval-Augmented Generation (RAG) ...": a field named as background
            # "we propose TaskKeeper, ... using a hierarchical Task Memory Tree (TMT)": a topic's words coin a part
        elif a.entity_id and not a.entity_id.startswith(("method/", "technique/")):
            continue  # the long form names a model, a data set or hardware
        if a.entity_id and not (_PROPOSING.search(before) or a.long[:1].isupper()):
            continue  # "mixed precision quantization (MPQ)" as background is a class, not a part
        if _not_a_part(doc, a):
            continue
        if not _COMPONENT_CUE.search(sent.text):
            continue
        if _COMPARED.search(before[-60:]) and not _rx(r"\b(?:we|our)\b", re.I).search(before[-60:]):
            continue  # "outperforms Optimal Brain Surgeon (OBS)": a baseline, not a part
        seen.add(cid)
        out.append((cid, name, a.sentence, a.long))
    return tuple(out)


def _not_a_part(doc: LinkedDoc, a: Acronym) -> bool:
    """Whether an acronym the abstract defines names something other than a part of the method:
    a task or a measure in plain words ("keyword spotting (KWS)", "endpoint error (EPE)") that the
    sentence does not make the authors' own, a descriptor ("(LID)-based"), or an earlier system
    ("existing Video Large Language Models (Video-LLMs)")."""
    text = doc.paper.text
    before = text[doc.sentences[a.sentence].start : a.start]
    if not a.entity_id and not _title_case(a.long) and not _owned_long_form(before, a.long):
        return True
    if _rx(r"\s(?:metric|benchmark|dataset|score)s?\b", re.I).match(text[a.end : a.end + 12]):
        return True  # "a novel Efficiency-Quality Area (EQA) metric": introduced, not a part
    if _rx(r"\b(?:on\stop\sof|building\son|built\son|based\son|inspired\sby|extends?|extending)\s(?:[^.;,]*\s)?$", re.I).search(
           before):
        return True  # "On top of Segment Anything Model (SAM)", "inspired by ... (LMU)": what it builds on, not a part
    if _rx(r"\b(?:domains?|tasks?|applications?|areas?|fields?|problems?|settings?)\b[^.;]{0,30}\b(?:including|such\sas"
           r"|like|e\.g\.,?)\s(?:[^.;]*\s)?$", re.I).search(before):
        return True  # "various domains, including Simultaneous Localization and Mapping (SLAM)": a task
    return bool(_rx(r"[-\s](?:based|like|style|aware|guided|driven)\b").match(text[a.end : a.end + 10]) or _rx(
        r"\b(?:existing|prior|previous|conventional|standard|traditional|typical)\s(?:[\w-]+\s){0,3}$", re.I).search(
        before.rstrip() + " "))


def _title_case(long: str) -> bool:
    """Whether every content word of a long form is capitalised ("Temporal Local Module")."""
    words = [w for w in long.split() if w and w.lower() not in ("of", "and", "for", "the", "a", "an", "to", "in",
                                                                          "with", "on", "via")]
    return len(words) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _owned_long_form(before: str, long: str) -> bool:
    """Whether the sentence makes a plain-words long form the authors' own: a proposing verb, "our", or a
    list of components leads to it ("we utilize value-driven patch classification (VDPC)")."""
    n = 5
    return bool(_rx(rf"\b(?:(?:we|our|it|which|that|(?-i:[A-Z][\w-]*[A-Z][\w-]*))\s(?:\w+\s){{0,2}}?(?:propos|introduc|design|develop|utili[sz]|employ"
                    rf"|present|devis|implement|adopt|us(?:e|es|ing)\b|leverag|featur|compris|includ|contain|integrat"
                    rf"|incorporat)\w*|our|components?:?|modules?:?)\s(?:[^\s.;]+\s){{0,{n}}}$", re.I).search(before.rstrip() + " ")
                # "a light module, termed dynamic token pruner (DTP)": the authors name it
                or _rx(r"\b(?:termed|called|dubbed|named|coined|denoted(?:\sas)?)\s(?:the\s|a\s|an\s)?$", re.I).search(before.rstrip() + " ")
                or _rx(r"(?:^|\s)\(?(?:[a-e]|[1-5]|i{1,3}|iv)\)\s(?:[^\s.;]+\s){0,%d}$" % n).search(before.rstrip() + " ")
                # "... further integrates a suite of services: a scheduler ..., an agent record-and-replay (AgentRR)"
                or _rx(r"\b(?:propos|introduc|integrat|featur|compris|includ|consist|contain|component|module|part)\w*\b[^.;:]*:\s[^.:]*$", re.I).search(before))


_PARTS_LIST = re.compile(r"(?<!\w)(?=\w)(?:two|three|four|several|key|main|core|novel)\s(?:\w+\s)?(?:components?|modules?|designs?|"
                         r"innovations?|parts|techniques|mechanisms)\s?(?::|,|—|including|namely)\s?(?:\((?:a|1|i)\)\s)?", re.I)
_TITLE_WORD = r"(?:[A-Z][\w]*(?:-[\w]+)*)"


def _title_phrase(item: str) -> str | None:
    """The name an item of a list of parts gives ("the Temporal Mamba Fuser" -> "Temporal Mamba Fuser")."""
    item = _rx(r"^(?:the|a|an|our|novel|new|dedicated)\s+", re.I).sub("", item.strip())
    m = _rx(rf"{_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,4}}").match(item)
    if not m:
        return None
    name = m.group()
    if "(" in item[: m.end() + 2]:
        return None  # an acronym definition: read by the acronym path
    if " " not in name:
        return None  # a single word, even hyphenated ("Fine-grained"), is too weak a name
    return name


_PROPOSE_PART = re.compile(
    r"\b[Ww]e\s(?:also\s|further\s|first\s|then\s|additionally\s|next\s|carefully\s)?(?:propose|introduce|design|develop"
    r"|devise|present)\s(?:(?:a|an|the)\s)?(?P<np>[^,;:.()]{3,80}?)(?=\s(?:to|that|which|for|with|in|by|based|as|where|whereby"
    r"|using|utili[sz]ing|leveraging|employing|exploiting|enabling|allowing|combining|resulting|on|of)\b|[,;:.()]|$)")
_FURTHER = re.compile(r"(?<!\w)(?=\w)(?:also|further|furthermore|additionally|moreover|first|firstly|second|secondly|third|then|finally)\b"
                      r"|^\s?\((?:[a-e]|[1-5]|i{1,3}|iv)\)", re.I)
_PART_ADJ = re.compile(r"^(?:(?:novel|new|simple|specialized|specialised|dedicated|efficient|effective|lightweight|hybrid"
                       r"|fast|custom|carefully[- ]designed|unified|general|generic|practical|principled"
                       r"|\w+-(?:efficient|friendly|aware))\s)+", re.I)
_PART_HEAD = re.compile(r"\s(?:method|technique|algorithm|approach|scheme|mechanism)s?$", re.I)
_NOT_PART = re.compile(r"\b(?:framework|system|model|architecture|benchmark|dataset|data\sset|metric|paradigm|family"
                       r"|pipeline|analysis|study|theory|library|toolkit|platform|loss|objective|formulation|way|version"
                       r"|setting|process|representation|accelerator|design|methodology)s?\b", re.I)


def _part_name(np: str) -> str | None:
    """The name a sentence like "we propose the novel cascade token pruning" gives a part.

    Evaluative adjectives and generic heads are not part of the name ("a specialized BOS-aware
    quantization method" -> "BOS-aware quantization"); whole systems, benchmarks and analyses
    are not parts.
    """
    name = _PART_HEAD.sub("", _PART_ADJ.sub("", np.strip()))
    words = name.split()
    if not 2 <= len(words) <= 5 or _NOT_PART.search(name) or not _rx(r"[a-z]{3}", re.I).search(name) \
            or any(_rx(r"\d+(?:\.\d+)?[KMBkmb]?").fullmatch(w) for w in words):
        return None  # one word ("windowing") is too weak a name without quotes
    if _rx(r"(?:to|it|them|this|these|that|our|its|their|two|three|several|multiple|an?|and|or|yet|but)\b", re.I).match(name) \
            or _rx(r"\b(?:and|or|yet|but|with|into|its|called|dubbed|named)\b", re.I).search(name):
        return None  # a clause or a coordination, not a name
    return name


def _list_of_outcomes(doc: LinkedDoc, si: int) -> bool:
    """Whether the enumeration continued in sentence ``si`` lists outcomes (benefits, results, challenges)
    rather than parts: read from the words that lead to its first item, "(1)", "(a)" or "(i)"."""
    for back in range(si - 1, max(0, si - 4), -1):
        text = doc.sentences[back].text
        first = _rx(r"(?:^|\s)\((?:a|1|i)\)\s").search(text)
        if first:
            return bool(_rx(r"\b(?:benefits?|advantages?|results?|findings?|gains?|improvements?|challenges?|limitations?"
                            r"|issues?|problems?|drawbacks?|observations?|insights?)\b", re.I).search(text, 0, first.start()))
    return False


def _described(part: str, np_: str, indefinite: bool, title: str) -> bool:
    """Whether a part read from "we propose (a) <np>" is a description rather than a name (see
    :func:`loaders.mapping.methods.described_part`); the generic head may be in ``part`` ("a KV sharing
    variant") or stripped from it ("an always-on-chip decode scheme")."""
    from loaders.mapping.methods import _DESCRIPTIVE_TAIL, described_part

    words = part.split()
    tail = np_.split()[-1] if np_.split() else ""
    if len(words) >= 2 and _DESCRIPTIVE_TAIL.fullmatch(words[-1]):
        part, tail = " ".join(words[:-1]), words[-1]
    return described_part(part, indefinite=indefinite, tail=tail, title=title, generic=_generic_words())


def _is_class(doc: LinkedDoc, start: int, end: int, part: str) -> bool:
    """Whether ``part`` (read in ``text[start:end]``) is just the name of a technique class the mapper knows."""
    want = _compact(part).rstrip("s")
    return any(m.label is NodeLabel.TECHNIQUE and m.entity_id and start <= m.start < end
               and _compact(m.text).rstrip("s") == want for m in doc.mentions)


def _component_relations(doc: LinkedDoc) -> Iterator[Relation]:
    if not doc.methods:
        return
    text = doc.paper.text
    main = doc.methods[0]
    comps = _components(doc)
    for cid, name, si, long in comps:
        sent = doc.sentences[si]
        parent = main.id
        # "Temba Blocks include the Temporal Local Module (TLM)": a part of a part
        for other_id, other_name, osi, _l in comps:
            lead = _rx(r"(?:The\s|Our\s)?").match(sent.text)
            at = lead.end() if lead else 0
            if other_id != cid and osi < si and sent.text.startswith(other_name, at) and not (
                    sent.text[at + len(other_name) : at + len(other_name) + 1].isalnum()):
                parent = other_id
        r = _rel(doc, RelType.HAS_COMPONENT, parent, cid, si, 0.7, qualifier=long)
        if r:
            yield r
    known = {c for c, _n, _s, _l in comps}
    own_names = {_compact(m.name) for m in doc.methods}
    not_parts: set[str] | None = None  # (read at the first component the test below leaves: most papers have none)
    for m in doc.methods:
        for comp in m.components:
            if comp in known or any(comp == f"method/{slug(n.split()[0])}" for _c, n, _s, _l in comps):
                continue
            if not_parts is None:
                not_parts = {f"method/{slug(a.short)}" for a in doc.acronyms if _not_a_part(doc, a)}
            if comp in not_parts or _rx(r"method/(?:\d|(?:two|three|four|several|yet|open-source|near|our|novel|new)-)").match(
                                        comp):
                continue  # a task or measure the abstract defines, or a phrase that is no name ("two-novel-...")
            hit = next((x for x in doc.mentions if x.entity_id == comp), None)
            if hit is not None and _rx(r"\b(?:metric|benchmark|dataset|score)s?,?\s(?:called\s|named\s|dubbed\s)?$", re.I).search(
                                       text[max(0, hit.start - 30) : hit.start]):
                continue  # "integrates a novel metric Beyond@K": a metric the paper introduces, not a part
            if hit is not None and any(a.start <= hit.start < a.end and _compact(a.short) in own_names for a in doc.acronyms):
                continue  # "RObustifying Memory-Efficient NAS (ROME)": a word of the method's own long name
            head = _rx(r"\s(?:[a-z]+\s)?(?:chain|unit|engine|buffer|scheduler|manager|table|cache"
                       r"|controller|array|core|allocator|predictor|router)s?\b").match(text[hit.end : hit.end + 30]) \
                if hit is not None else None
            if head and hit is not None and comp == f"method/{slug(hit.text)}":
                comp = f"method/{slug(hit.text + head.group())}"  # "a configurable sparse DSP chain": the whole name
            r = _rel(doc, RelType.HAS_COMPONENT, m.id, comp, hit.sentence if hit else m.sentence, 0.6)
            if r:
                yield r
    # "two key components: Temporal Mamba Blocks and the Temporal Mamba Fuser", "(b) Shortcut-connected MoE, ..."
    done = {c for c, _n, _s, _l in comps}
    mapped = {c for m in doc.methods for c in m.components}  # (the parts the mapper read, under their own ids)
    # (the rarer patterns are searched sentence by sentence only in a paper that holds a word they need)
    parts_list = _PARTS_LIST_G.may_match_in(text)
    for sent in doc.sentences:
        if sent.in_title or sent.index < 1:
            continue
        spans: list[tuple[int, int]] = []
        lm = _says(_PARTS_LIST_G, sent.text) if parts_list else None
        if lm:
            spans.append((lm[1], len(sent.text)))
        em = _rx(r"^\s?\((?:[b-e]|[2-5])\)\s").match(sent.text)
        if em and _list_of_outcomes(doc, sent.index):
            em = None  # "benefits: (1) Enhanced Throughput: ... (2) Improved Model Scalability: ...": headings of gains
        if em:
            spans.append((em.end(), len(sent.text)))
        for a, b in spans:
            for item in _rx(r",\s(?:and\s)?|\sand\s|;\s|\s?\((?:[a-e]|[1-5])\)\s").split(sent.text[a:b]):
                title = _title_phrase(item)
                if not title and em and a == em.end():
                    # "(2) the bit balance strategy to counteract ...": an enumerated part in plain words
                    head = _rx(r"(?:the|a|an)\s(?P<np>[^,;:()]{3,60}?)(?=\s(?:to|that|which|for|with|by|in)\b)").match(item)
                    title = _part_name(head.group("np")) if head else None
                if not title:
                    continue
                cid = f"method/{slug(title)}"
                if cid in done or cid in _own_ids(doc):
                    continue
                done.add(cid)
                r = _rel(doc, RelType.HAS_COMPONENT, main.id, cid, sent.index, 0.6, qualifier=title)
                if r:
                    yield r
    # "We also propose cascade head pruning to ...": a further contribution after the method is introduced
    for sent in doc.sentences:
        if sent.in_title or sent.index <= main.sentence:
            continue
        if not _says(_FURTHER_G, sent.text):
            continue  # only a further contribution ("we also propose ...", "First, we introduce ...") is a part
        for pm_ in _PROPOSE_PART_G.iter_in(sent.text):
            if _rx(r"\s?\(|\s(?:called|dubbed|named)\b").match(sent.text[pm_.end("np") :]):
                continue  # an acronym or a name follows: read by the acronym path or a whole contribution
            np_ = pm_.group("np").strip()
            coined = _name_like(np_) and " " not in np_ and np_ not in _generic_words() and \
                sent.text[pm_.end("np") : pm_.end("np") + 2] == ", "
            if any(name_positions(np_, pm.name) for pm in doc.methods):
                continue  # "we propose a novel red teaming approach FooAttack": the method itself
            part = np_ if coined else _part_name(np_)
            if not coined and _rx(r"\s*\(?\d\)\s*[^:]{2,80}:\s").match(sent.text):
                continue  # "(2) Constant-Memory Cache: we design a block-wise approach ...": how the heading's part works
            if not part or (not coined and _is_class(doc, sent.start + pm_.start("np"), sent.start + pm_.end("np"), part)):
                continue  # "we propose an FPGA-friendly post-training quantization algorithm": a known class, no named part
            if not coined and _described(part, np_, _rx(r"\b(?:a|an)\s$", re.I).search(sent.text, 0, pm_.start("np")) is not None,
                                         doc.paper.title_text):
                continue  # "we propose an always-on-chip decode scheme": what it does, in plain words, not a name
            if part.split(maxsplit=1)[0].lower() in _DEGREE_WORDS:
                continue  # "we design highly optimized kernels": how well it is built, not a named part
            cid = f"method/{slug(part)}"
            if cid in done or cid in _own_ids(doc) or _compact(part) in {_compact(m.name) for m in doc.methods}:
                continue
            if any(cid.endswith("-" + c.split("/", 1)[1]) for c in mapped):
                continue  # "a flexible CUDA memory manager": the mapper's "CUDA memory manager", with its adjective
            done.add(cid)
            r = _rel(doc, RelType.HAS_COMPONENT, main.id, cid, sent.index, 0.55, qualifier=part)
            if r:
                yield r
    # "a layerwise hybrid of KDA and MLA": the parts of a hybrid
    for sent in doc.sentences if _PARTS_OF.may_match_in(text) else ():
        for hm in _PARTS_OF.iter_in(sent.text):
            stop = _phrase_end(text, sent.start + hm.end(), sent.end)
            if hm.group()[:1].isupper() and any(_compact(g) == _compact(m.name) for g in _OWN_SHORT_NAME.findall(
                    text, sent.start + hm.end(), min(stop + 20, sent.end)) for m in doc.methods):
                continue  # "Mixture of Sparse Adapters, or MoSA": the method's own long name, not its parts
            for n in named_in(doc, sent.start + hm.end(), stop):
                if n.id.startswith("method/") and n.id not in _own_ids(doc):
                    acr = _rx(r"\s\(([A-Za-z][\w-]{1,12})\)").match(text[n.end : n.end + 16])
                    if not acr and not _rx(r"(?:hybrid|mixture)", re.I).match(hm.group()) \
                            and not any(a.start <= n.start < a.end for a in doc.acronyms):
                        continue  # "an integration of DNAS, ...": an existing method it puts together, not its own part
                    cid = f"method/{slug(acr.group(1))}" if acr else n.id  # the acronym the abstract defines
                    r = _rel(doc, RelType.HAS_COMPONENT, main.id, cid, sent.index, 0.6)
                    if r:
                        yield r
            # "an integration of DNAS, Latency Lookup Tables, dynamic convolutions and ...": a capitalised part name
            if sent.in_title or not _rx(r"(?:combination|integration)", re.I).match(hm.group()) or text[stop : stop + 1] == "(":
                continue  # "Mixture of Experts", "Mixture of Kronecker Adapters": a name's own expansion
            for item in _rx(r",\s(?:and\s)?|\sand\s").split(text[sent.start + hm.end() : stop]):
                title = _title_phrase(item)
                if title and f"method/{slug(title)}" not in _own_ids(doc):
                    r = _rel(doc, RelType.HAS_COMPONENT, main.id, f"method/{slug(title)}", sent.index, 0.55,
                             qualifier=title)
                    if r:
                        yield r


# -- versions and variants --------------------------------------------------------------------------


_DEGREE_WORDS = frozenset("highly fully carefully efficiently specially specifically newly well heavily".split())


def _compact(name: str) -> str:
    return _rx(r"[\s\-_.]").sub("", name).lower()


def _variant_relations(doc: LinkedDoc) -> Iterator[Relation]:
    """EXTENDS from a proposed name built on an earlier one: FlashAttention-2, APOLLO-Mini, LoReFT
    (ReFT), SAM2Long (SAM 2), EfficientZero V2 — when the earlier name is written in the abstract."""
    if not doc.methods:
        return  # (nothing proposed to be a variant of: the names below would be read for nothing)
    text = doc.paper.text
    candidates: dict[str, tuple[str, int]] = {}
    for n in named_in(doc, 0, len(text)):
        if n.id.startswith("method/"):
            candidates.setdefault(n.id, (text[n.start : n.end], n.start))
    for m in doc.mentions:
        if m.label is NodeLabel.MODEL and m.entity_id and _rx(r"\d").search(m.text) and len(_compact(m.text)) >= 3:
            candidates.setdefault(f"method/{slug(m.text)}", (m.text, m.start))
    parts = {cid for cid, _n, _s, _l in _components(doc)}
    # "computer-aided design (CAD)" in CAD-Llama, "scene text recognition (STR)" in ViTSTR: a task, not a method
    tasks = {f"method/{slug(a.short)}" for a in doc.acronyms if not a.entity_id and not _title_case(a.long)}
    for pm in doc.methods:
        full = _compact(pm.name)
        own_parts = parts | set(pm.components)
        for bid, (surface, pos) in candidates.items():
            base = _compact(surface)
            if bid == pm.id or len(base) < 3 or base == full or base not in full:
                continue
            if bid in tasks or any(p == bid or p.startswith(bid + "-") for p in own_parts):
                continue  # "MS-Temba ... comprising Temba Blocks": a part of the method is not what it extends
            i = full.index(base)
            rest = pm.name.replace(" ", "")
            # the earlier name must start the new one or follow a short prefix at a capital or a hyphen
            # ("LoReFT", "PC-DARTS")
            at = rest.lower().find(surface.replace(" ", "").lower())
            if i > 0 and not (i <= 3 and rest[i : i + 1].isupper()) and not (0 < at <= 4 and rest[at - 1] == "-"):
                continue
            if not name_positions(text, surface):
                continue
            if i == 0 and _same_thing(full[len(base) :], pm.name, text):
                continue  # "EfficientTAMs", "FooNet-S", "Foo-H1-0.5B": the same method in the plural or another size
            si = next((s.index for s in doc.sentences if s.start <= pos < s.end + 1), 0)
            r = _rel(doc, RelType.EXTENDS, pm.id, bid, si, 0.65, qualifier="variant")
            if r:
                yield r


def _same_thing(rest: str, name: str, text: str) -> bool:
    """Whether a name that only adds ``rest`` to an earlier one is that one again: a plural, a size
    letter (S/M/L/B/T/XL) or a size cut off at its decimal point ("Falcon-X-0" of "Falcon-X-0.5B")."""
    if rest == "s" or _rx(r"(?:x?[smlbt]|xxl)").fullmatch(rest):
        return True
    return bool(_rx(r"\d+").fullmatch(rest)) and any(
        _rx(r"\.\d+\s?[BMK]\b").match(text[p + len(name) :]) for p in name_positions(text, name))


# -- bottlenecks ------------------------------------------------------------------------------------

_BOTTLENECK_SPECIFIC: tuple[tuple[str, str], ...] = (
    ("bottleneck/memory-bandwidth", r"memory[- ]bandwidth|memory[- ]bound|bandwidth[- ](?:bound|bottleneck|limit\w*)"
                                    r"|data\smovement|memory\straffic|hbm\s(?:reads?|writes?|accesses)|reads\sand\swrites"
                                    r"|i/o\s(?:bottleneck|cost)"),
    ("bottleneck/memory-capacity", r"memory\s(?:bottlenecks?|wall|capacity)|system[- ]memory\s(?:bottlenecks?|consumption)"
                                   r"|out-of-memory"),
    ("bottleneck/communication", r"communication\s(?:overhead|cost|bottleneck|volume)"),
)


@lru_cache(maxsize=64)
def _word_rx(rx: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{rx})(?![\w-])", re.I)


# Words one of which every match of a lexicon entry holds, in lower case: a sentence with none of
# them is not scanned for that entry (most sentences). Only ASCII text is tested so, whose lower
# case is exactly what the patterns match ignoring case.
_LEXICON_NEEDS: dict[str, tuple[str, ...]] = {dict(table)[target]: words for table, target, words in (
    (_MEMORY, "memory/kv-cache", ("kv", "key-value")),
    (_MEMORY, "memory/optimizer-states", ("optimi", "adam", "momentum")),
    (_MEMORY, "memory/activations", ("activation",)),
    (_MEMORY, "memory/gradients", ("gradient",)),
    (_MEMORY, "memory/weights", ("weight",)),
    # (not "memory", in nearly every sentence of these papers: the word after it, which each match holds too)
    (_BOTTLENECK_SPECIFIC, "bottleneck/memory-bandwidth", ("bandwidth", "bound", "movement", "traffic", "hbm", "reads", "i/o")),
    (_BOTTLENECK_SPECIFIC, "bottleneck/memory-capacity", ("bottleneck", "wall", "capacity", "consumption", "out-of-memory")),
    (_BOTTLENECK_SPECIFIC, "bottleneck/communication", ("communication",)),
)}


_LexiconPlan = tuple[tuple[str, re.Pattern[str], "re.Pattern[str] | None", "tuple[str, ...] | None"], ...]
# (table, its entries, the words of all its entries where each entry has words: a sentence with none
# of them is not asked of any entry, as with most sentences)
_LEXICON_PLANS: dict[int, tuple[Sequence[tuple[str, str]], _LexiconPlan, "tuple[str, ...] | None"]] = {}


def _lexicon_plan(table: Sequence[tuple[str, str]]) -> tuple[Sequence[tuple[str, str]], _LexiconPlan, tuple[str, ...] | None]:
    # each table's compiled entries (with their lowercase forms, searched in an ASCII text's lowercase:
    # same spans, a faster scan) and words, looked up once (tables are the module's constants)
    plan = _LEXICON_PLANS.get(id(table))
    if plan is None or plan[0] is not table:
        entries = tuple((t, _word_rx(rx), _ascii_folded(_word_rx(rx)), _LEXICON_NEEDS.get(rx)) for t, rx in table)
        every = None if any(not needs for *_e, needs in entries) else tuple(w for *_e, needs in entries for w in needs or ())
        plan = _LEXICON_PLANS[id(table)] = (table, entries, every)
    return plan


def _lexicon_may_hit(table: Sequence[tuple[str, str]], text: str) -> bool:
    """False only where an ASCII ``text`` holds none of the words the table's entries need (no piece of it
    can then hold a hit)."""
    every = _lexicon_plan(table)[2]
    low = lowered(text)
    return every is None or low is None or any(map(low.__contains__, every))


def _lexicon_plan_in(table: Sequence[tuple[str, str]], paper: str) -> tuple[Sequence[tuple[str, str]], _LexiconPlan,
                                                                             tuple[str, ...] | None]:
    """The table's plan for the sentences of ``paper``: where the paper is ASCII, the words it lacks are asked of
    none of its sentences (a piece lacks them too), and an entry whose every word it lacks is left out (most
    of a table's twenty words: each was asked of every sentence)."""
    plan = _lexicon_plan(table)
    low = lowered(paper)
    if low is None:
        return plan
    entries = tuple((target, word_rx, folded, tuple(w for w in needs if w in low) if needs else needs)
                    for target, word_rx, folded, needs in plan[1] if not needs or any(map(low.__contains__, needs)))
    return table, entries, None if plan[2] is None else tuple(w for w in plan[2] if w in low)


def _lexicon_hits(table: Sequence[tuple[str, str]], text: str,
                  plan: tuple[Sequence[tuple[str, str]], _LexiconPlan, tuple[str, ...] | None] | None = None
                  ) -> list[tuple[str, int, int]]:
    """The table's entries found in ``text``, in table order, none inside an earlier one; ``plan`` is
    :func:`_lexicon_plan_in` of the paper ``text`` is a sentence of (default: the table's own plan)."""
    hits: list[tuple[str, int, int]] = []
    low = lowered(text)
    plan = _lexicon_plan(table) if plan is None else plan
    if plan[2] is not None and low is not None and not any(map(low.__contains__, plan[2])):
        return hits
    for target, word_rx, folded, needs in plan[1]:
        if needs and low is not None and not any(map(low.__contains__, needs)):
            continue
        for m in folded.finditer(low) if low is not None and folded is not None else word_rx.finditer(text):
            if not any(s <= m.start() < e for _, s, e in hits):
                hits.append((target, m.start(), m.end()))
    return hits


def _addresses(doc: LinkedDoc) -> Iterator[Relation]:
    if not _lexicon_may_hit(_BOTTLENECK_SPECIFIC, doc.paper.text):
        return  # (no sentence can name a bottleneck: none need be asked)
    plan = _lexicon_plan_in(_BOTTLENECK_SPECIFIC, doc.paper.text)
    seen: set[str] = set()
    for sent in doc.sentences:
        hits = _lexicon_hits(_BOTTLENECK_SPECIFIC, sent.text, plan)
        if not hits:
            continue  # (most sentences name no bottleneck: the tests below would decide nothing)
        subject = _subject(doc, sent.start, sent.end) if not sent.in_title else (doc.methods[0].id if doc.methods else None)
        if subject is None:
            continue
        if _says(_BACKGROUND_G, sent.text) and not _says(_OWN_REF_G, sent.text) and not any(
                name_positions(sent.text, pm.name) for pm in doc.methods):
            continue  # "prior work succeeds in reducing memory bandwidth": earlier work
        for target, s, e in hits:
            if target in seen:
                continue
            window = sent.text[max(0, s - 80) : min(len(sent.text), e + 40)]
            if not (_TARGET_VERB.search(window) or _rx(r"\b(?:bottleneck|constant|fewer)\b", re.I).search(window)):
                continue
            seen.add(target)
            r = _rel(doc, RelType.ADDRESSES, subject, target, sent.index, 0.6)
            if r:
                yield r


_REDUCE_VERB = re.compile(r"(?<!\w)(?=\w)(?:reduc\w*|compress\w*|cut\w*|sav(?:e|es|ed|ing)|shrink\w*|lower\w*|minimi[sz]\w*|quantiz\w*"
                          r"|prun\w*|evict\w*|merg\w*|factori[sz]\w*|eliminat\w*|erasing|eras\w*|push\w*"
                          r"|decreas\w*|slash\w*)\b", re.I)


_BACKGROUND = re.compile(r"\b(?:have|has)\sbeen\s(?:\w+\s)?(?:proposed|developed|introduced|explored|studied|used|applied)\b"
                         r"|\b(?:existing|prior|previous|conventional|traditional)\s(?:[\w-]+\s)?(?:methods|approaches|works"
                         r"|techniques|solutions|systems)\b"
                         r"|\b(?:prior|previous|recent|existing)\s(?:works?|studies|efforts|research)\b"
                         r"|\b(?:typically|often|usually)\s(?:\w+\s)?(?:required|used|adopted|relies?|rely|focus\w*|fails?)\b", re.I)


_MOVE_VERB = re.compile(r"(?<!\w)(?=\w)(?:offload(?:s|ed|ing)?|swap(?:s|ped|ping)?|page(?:s|d)?|paging|manag(?:e|es|ed|ing)|spill(?:s|ed|ing)?"
                        r"|migrat(?:e|es|ed|ing))\b", re.I)


def _reduces(doc: LinkedDoc) -> Iterator[Relation]:
    """REDUCES: the memory component a method (or one of its named parts) makes smaller."""
    comps = {cid: name for cid, name, _s, _l in _components(doc)}
    main = doc.methods[0].id if doc.methods else (doc.techniques[0] if doc.techniques and doc.in_scope else None)
    if main is None or not _lexicon_may_hit(_MEMORY, doc.paper.text):
        return  # (nothing proposed, or no sentence can name a memory component)
    from loaders.results import _is_benchmark

    if doc.methods and _is_benchmark(doc, doc.methods[0].name):
        return  # a benchmark reduces nothing
    text = doc.paper.text
    plan = _lexicon_plan_in(_MEMORY, text)
    seen: set[tuple[str, str]] = set()
    for sent in doc.sentences:
        if sent.in_title:
            # "FooMerge: Parameter-Free KV Cache Compression": a title naming the method and what it shrinks
            if doc.methods and name_positions(sent.text, doc.methods[0].name):
                for target, s, e in _lexicon_hits(_MEMORY, sent.text, plan):
                    if _rx(r"\s(?:compression|quantization|eviction|pruning|merging|reduction|sparsification)\b", re.I).match(
                           sent.text[e:]) and (main, target) not in seen:
                        seen.add((main, target))
                        r = _rel(doc, RelType.REDUCES, main, target, sent.index, 0.6)
                        if r:
                            yield r
            continue
        hits = _lexicon_hits(_MEMORY, sent.text, plan)
        if not hits:
            continue  # (most sentences name no memory component: the background test would decide nothing)
        if _says(_BACKGROUND_G, sent.text) and not _says(_OWN_REF_G, sent.text) and not any(
                name_positions(sent.text, pm.name) for pm in doc.methods):
            continue  # "numerous techniques have been proposed that quantize weights": earlier work
        for target, s, e in hits:
            verb = None
            for vm in _REDUCE_VERB.finditer(sent.text, max(0, s - 70), s):
                verb = vm
            if verb is None:
                # "offloads the KV cache to storage": the component is handled, not made smaller
                moved = list(_MOVE_VERB.finditer(sent.text, max(0, s - 120), s))
                if moved and (main, target) not in seen:
                    seen.add((main, target))
                    r = _rel(doc, RelType.ADDRESSES, main, target, sent.index, 0.55)
                    if r:
                        yield r
                continue
            if target == "memory/weights" and not _rx(r"\b(?:quantiz|compress|prun|offload)\w*", re.I).search(sent.text):
                continue
            if _rx(r"\b(?:increas|grow|rais|inflat|doubl)\w*\b", re.I).search(sent.text[verb.end() : s]):
                continue  # "reducing the parameters increases the activations": the component grows
            if _rx(r"(?:\b(?:16|32)-bit|\b(?:fp16|bf16|fp32|full[- ]precision|uncompressed|dense))\s$", re.I).search(sent.text[max(0, s - 20) : s]):
                continue  # "... or 2 tokens/s with 16-bit weights": the component kept at full size
            subject = main
            # a named part of the method right before the verb speaks for itself ("MWQ ... compress expert
            # weights"); another method there is a baseline ("outperforms X while reducing ...")
            objects = _object_spans(doc, sent.start, sent.end)
            last = None
            for n in named_in(doc, sent.start, sent.start + verb.start()):
                if n.id.startswith("method/") and not any(a <= n.start < b for a, b in objects):
                    last = n
            if last is not None and last.id in comps:
                subject = last.id
            if (subject, target) in seen:
                continue
            seen.add((subject, target))
            r = _rel(doc, RelType.REDUCES, subject, target, sent.index, 0.6)
            if r:
                yield r


# -- hardware ports ---------------------------------------------------------------------------------

_HW_ADJ = re.compile(r"^(?:-based|-specific|-friendly|-oriented|-offloaded|\s(?:accelerators?|kernels?|implementations?"
                     r"|deployment|platforms?|devices?|decoding\skernels?|drives?|tiers?))\b", re.I)


_PROBLEM = re.compile(r"(?<!\w)(?=\w)(?:challeng\w*|hinder\w*|impractical|prohibitive\w*|remains?\s(?:a|an|difficult|hard|challenging)"
                      r"|pos(?:e|es|ing)\s(?:a\s|significant\s|great\s)*(?:challenges?|problems?|difficult\w*)|suffer\w*"
                      r"|limits?\s(?:their|its|the)|typical(?:ly)?|is\swidely\s(?:adopted|used)|conventional)\b", re.I)


def _ports_to(doc: LinkedDoc) -> Iterator[Relation]:
    seen: set[str] = set()
    text = doc.paper.text
    if doc.methods:
        from loaders.results import _is_benchmark

        if _is_benchmark(doc, doc.methods[0].name):
            return  # a benchmark is run on devices, not brought to them
    # (most sentences name no class of hardware: the tests below would decide nothing there)
    with_hw = {m.sentence for m in doc.mentions if m.entity_id and m.label is NodeLabel.HARDWARE_CLASS}
    for sent in doc.sentences:
        if sent.index not in with_hw:
            continue
        subject = _subject(doc, sent.start, sent.end) if not sent.in_title else (doc.methods[0].id if doc.methods else None)
        if subject is None:
            continue
        if not sent.in_title and _says(_PROBLEM_G, sent.text) and not _says(_OWN_REF_G, sent.text) and not any(
                name_positions(sent.text, pm.name) for pm in doc.methods):
            continue  # "deploying LLMs on edge devices remains a challenge": the problem, not what the method does
        if not sent.in_title and not _says(_PORT_VERB_G, sent.text) and not _says(_OWN_REF_G, sent.text):
            continue
        for m in doc.mentions_in(sent.index):
            if not m.entity_id or m.label is not NodeLabel.HARDWARE_CLASS or m.entity_id in seen:
                continue
            before = text[max(sent.start, m.start - 50) : m.start]
            after = text[m.end : m.end + 24]
            platform = _rx(r"\b(?:on|to|for|onto|in|across|with|into)\s(?:\S+\s){0,4}$", re.I).search(before)
            adjective = _HW_ADJ.match(after)
            # "leverages GPU, CPU, and NVMe memory": storage a method stores into is where it is brought
            storage = m.entity_id == "hwclass/storage" and _rx(
                r"\b(?:leverag|utili[sz]|us(?:e|es|ing)\b|exploit|offload|spill|stor|swap|stream)\w*\b[^.;]{0,60}$", re.I).search(before)
            if not (platform or adjective or storage or sent.in_title):
                continue
            if _rx(r"\b(?:than|over|compared\s(?:to|with)|versus|vs\.?|against)\s(?:\S+\s){0,3}$", re.I).search(before):
                continue  # "faster than GPUs": a baseline platform, not a port
            if _rx(r"\b(?:(?:pre-?)?train(?:s|ed|ing)?|fine-?tun(?:e|es|ed|ing))\s(?:\S+\s){0,3}$", re.I).search(before):
                continue  # "fine-tuned on a single GPU": where it was trained, not what it was built for
            if _rx(r"^\s?(?:memory|baseline)\b", re.I).match(after) and not (storage and after.lstrip().startswith("memory")):
                continue  # "GPU memory", "GPU baseline" (but "NVMe memory" is the storage itself)
            seen.add(m.entity_id)
            r = _rel(doc, RelType.PORTS_TO, subject, m.entity_id, sent.index, 0.6)
            if r:
                yield r


_SIZE_SUFFIX = re.compile(r"-\d+(?:\.\d+)?[bmk](?:-|$)")


def _sized_models(doc: LinkedDoc) -> dict[str, str]:
    """Model ids written without their size -> the one sized id the paper gives the same model.

    "Phi-mini-MoE (7.6B total parameters)" early on makes a later bare "Phi-mini-MoE" that model;
    two sizes of one name ("Foo-7B and Foo-13B") leave the bare name as it is.
    """
    ids = {m.entity_id for m in doc.mentions if m.label is NodeLabel.MODEL and m.entity_id}
    out: dict[str, str] = {}
    for bare in ids:
        if _SIZE_SUFFIX.search(bare):
            continue
        sized = {i for i in ids if i.startswith(bare + "-") and _SIZE_SUFFIX.match(i, len(bare))}
        if len(sized) == 1:
            out[bare] = sized.pop()
    return out


# the model readers' patterns, each asked of a sentence only where it holds the words its matches need (most
# sentences that name a model say nothing of how it was made or trained)
_DERIVE_G = Gated.auto(_DERIVE)
_DERIVE_INTO_G = Gated.auto(_DERIVE_INTO)
_TRAINED_G = Gated.auto(_TRAINED)
_SHRINK_G = Gated.auto(re.compile(r"\b(?:compress|prun|distill|quantiz|convert|shrink|slim)\w*\s", re.I))
_MADE_G = Gated.auto(re.compile(r"\b(?:created|built|obtained|derived|produced)\s", re.I))


def _model_relations(doc: LinkedDoc) -> Iterator[Relation]:
    text = doc.paper.text
    sized = _sized_models(doc)
    with_models = {m.sentence for m in doc.mentions if m.label is NodeLabel.MODEL and m.entity_id}
    for sent in doc.sentences:
        if sent.index not in with_models:
            continue  # (most sentences name no model: nothing below is read there)
        models = [m.model_copy(update={"entity_id": sized[m.entity_id]}) if m.entity_id in sized else m
                  for m in doc.mentions_in(sent.index, NodeLabel.MODEL) if m.entity_id]
        if not models:
            continue
        # DERIVED_FROM: "A, distilled from B" / "distill B into A".
        for m in _DERIVE_G.iter_in(text, sent.start, sent.end):
            src = [x for x in models if x.end <= m.start()]
            tgt = [x for x in models if x.start >= m.end() and x.start < _phrase_end(text, m.end(), sent.end) + 1]
            tgt_id = tgt[0].entity_id if tgt else _sibling_of(src[-1].entity_id or "", text[m.end() : m.end() + 30]) \
                if src else None
            if src and tgt_id:
                r = _rel(doc, RelType.DERIVED_FROM, src[-1].entity_id or "", tgt_id, sent.index, 0.7,
                         qualifier=_derive_word(m.group("verb")))
                if r:
                    yield r
        for m in _DERIVE_INTO_G.iter_in(text, sent.start, sent.end):
            src = [x for x in models if m.start("src") <= x.start < m.end("src")]
            tgt = [x for x in models if x.start >= m.end() and x.start <= m.end() + 40]
            if src and tgt:
                r = _rel(doc, RelType.DERIVED_FROM, tgt[0].entity_id or "", src[0].entity_id or "", sent.index, 0.7,
                         qualifier=_derive_word(m.group("verb")))
                if r:
                    yield r
        # "we compress X (...) to create Y and Z", "we created Y from X"
        for m in _SHRINK_G.finditer(text[sent.start : sent.end]):
            at = sent.start + m.end()
            create = _rx(r"\b(?:to\s|and\s)?(?:create|obtain|produce|build|derive|get|yield)\w*\s").search(
                text, at, sent.end)
            if not create:
                continue
            src = [x for x in models if at <= x.start < create.start()]
            tgts = [x for x in models if x.start >= create.end()]
            for t in tgts[:4] if src else []:
                r = _rel(doc, RelType.DERIVED_FROM, t.entity_id or "", src[0].entity_id or "", sent.index, 0.65,
                         qualifier=_derive_kind(doc, sent.text, m.group()))
                if r:
                    yield r
        for m in _MADE_G.finditer(text[sent.start : sent.end]):
            at = sent.start + m.end()
            frm = _rx(r"\bfrom\s").search(text, at, min(sent.end, at + 80))
            if not frm:
                continue
            tgt = [x for x in models if at <= x.start < frm.start()]
            src = [x for x in models if frm.end() <= x.start <= frm.end() + 20]
            src_id = src[0].entity_id if src else _sibling_of(tgt[0].entity_id or "", text[frm.end() : frm.end() + 30]) \
                if tgt else None
            if tgt and src_id:
                r = _rel(doc, RelType.DERIVED_FROM, tgt[0].entity_id or "", src_id, sent.index, 0.65,
                         qualifier=_derive_kind(doc, sent.text, m.group()))
                if r:
                    yield r
        # TRAINED_ON: "<model> ... trained on 2,048 H800 GPUs".
        hardware = [m for m in doc.mentions_in(sent.index) if m.entity_id and m.label in (NodeLabel.HARDWARE,)]
        for m in _TRAINED_G.iter_in(text, sent.start, sent.end):
            # "fine-tuned on a single GPU (A100 for Model-A, A6000 for Model-B)": device and model in pairs
            paren = _rx(r"\(([^()]{5,120})\)").search(text[m.end() : min(sent.end, m.end() + 60)])
            if paren:
                p0 = m.end() + paren.start(1)
                for pair in _rx(r"[^,;]+?\sfor\s[^,;]+").finditer(paren.group(1)):
                    a, b = p0 + pair.start(), p0 + pair.end()
                    dev = [h for h in hardware if a <= h.start < b]
                    mod = [x for x in models if a <= x.start < b and x.start > (dev[0].start if dev else b)]
                    if dev and mod:
                        r = _rel(doc, RelType.TRAINED_ON, mod[0].entity_id or "", dev[0].entity_id or "", sent.index, 0.65,
                                 qualifier=dev[0].text)
                        if r:
                            yield r
            hw = [h for h in hardware if m.end() <= h.start <= m.end() + 40]
            subj = [x for x in models if x.end <= m.start()]
            # "we train Llama-2-7B on 8 A100 GPUs": the model is the object of the verb
            obj = [x for x in models if m.start() < x.start < m.end()
                   and _rx(r"[\w-]+\s(?:the\s|a\s|our\s)?$").match(text[m.start() : x.start])]
            if hw and (obj or subj):
                r = _rel(doc, RelType.TRAINED_ON, (obj or subj[-1:])[0].entity_id or "", hw[0].entity_id or "",
                         sent.index, 0.7, qualifier=hw[0].text)
                if r:
                    yield r


def _sibling_of(model_id: str, after: str) -> str | None:
    """"created Foo-47B-Base from the 56B model": the family member of that size (``model/foo-56b``)."""
    m = _rx(r"(?:the\s|a\s|our\s)?(?:larger\s|original\s|base\s)?(\d+(?:\.\d+)?)\s?([BM])\b(?:-parameter)?\s(?:base\s)?model\b", re.I).match(
            after)
    fam = _rx(r"(model/.+?)-\d+(?:\.\d+)?[bm](?:-|$)").match(model_id)
    if not m or not fam:
        return None
    return f"{fam.group(1)}-{m.group(1)}{m.group(2).lower()}"


def _derive_kind(doc: LinkedDoc, sentence: str, verb: str) -> str:
    """How a model was derived: from the sentence's words, else from the classes the paper studies."""
    for rx, word in ((r"prun|slim", "pruned"), (r"distill", "distilled"), (r"quantiz", "quantized")):
        if _rx(rx, re.I).search(sentence):
            return word
    for t in doc.techniques:
        for key, word in (("pruning", "pruned"), ("distillation", "distilled"), ("quantization", "quantized")):
            if key in t:
                return word
    return _derive_word(verb)


def _derive_word(verb: str) -> str:
    v = verb.lower()
    for stem, word in (("distill", "distilled"), ("prun", "pruned"), ("quantiz", "quantized"), ("compress", "compressed"),
                       ("convert", "converted"), ("upcycl", "upcycled"), ("initiali", "initialized"),
                       ("fine", "fine-tuned"), ("train", "trained")):
        if v.startswith(stem):
            return word
    return v


_DESC_NOUN = r"(?:models?|architectures?|LMs?|LLMs?|language\smodels?|networks?|backbones?|famil(?:y|ies)|series)"
_SIZE = re.compile(r"\b(\d+(?:\.\d+)?)(?:-|\s)?(billion|million|[BM])\b(?:-parameter)?", re.I)


_ARCH_AFTER = re.compile(rf",?\s(?:is\s)?(?:a|an)\s(?P<d>[^.;]{{0,110}}?\b{_DESC_NOUN})\b")
_ARCH_BEFORE = re.compile(rf"\b(?:a|an)\s(?P<d>[^.;]{{0,110}}?\b{_DESC_NOUN}),\s(?:called\s|named\s)?$")


_NOT_A_MODEL = re.compile(r"\b(?:frameworks?|systems?|paradigms?|methods?|approach(?:es)?|techniques?|algorithms?|engines?"
                          r"|librar(?:y|ies)|tools?|toolkits?|pipelines?|benchmarks?|schemes?|strateg(?:y|ies)|accelerators?"
                          r"|recipes?|protocols?)\b", re.I)


def _architecture(doc: LinkedDoc) -> Iterator[Relation]:
    """USES_ARCHITECTURE for a proposed model described by its architecture class.

    "X, a 560-billion-parameter Mixture-of-Experts (MoE) language model" or "a hybrid linear RNN
    model, X": the source is the model ``model/<name>[-<size>]`` (the size only when one is stated).
    """
    text = doc.paper.text
    seen: set[tuple[str, str]] = set()
    for pm in doc.methods:
        for sent in doc.sentences:
            if sent.in_title:
                continue
            desc = None
            for pos in name_positions(text, pm.name, sent.start, sent.end):
                after = _ARCH_AFTER.match(text, pos + len(pm.name), sent.end)
                before = _ARCH_BEFORE.search(text[sent.start : pos])
                if after and _rx(rf"\s(?:[\w-]+\s){{0,2}}{_NOT_A_MODEL.pattern}", re.I).match(text[after.end() : after.end() + 50]):
                    continue  # "a high-throughput MoE LLM inference system": the head noun comes later
                if after or before:
                    desc = (after or before).group("d")  # type: ignore[union-attr]
                    break
            if not desc or _NOT_A_MODEL.search(desc):
                continue  # "a compression framework for MoE models": the thing described is no model
            arch = next((a for a, rx in _ARCH_RES if rx.search(desc)), None)
            if arch is None and _rx(r"\b(?:family|series)$").search(desc):
                # "a family of 8B and 56B hybrid Mamba-Transformer models": the class sits before the members' noun
                longer = _rx(rf"(?P<d>[^.;]{{0,110}}\b{_DESC_NOUN})\b").match(text[text.find(desc, sent.start) : sent.end])
                if longer:
                    desc = longer.group("d")
                    arch = next((a for a, rx in _ARCH_RES if rx.search(desc)), None)
            if arch is None:
                continue
            sizes = {m.group() for m in _SIZE.finditer(desc)}
            source = f"model/{slug(pm.name)}"
            if len(sizes) == 1:
                m = _SIZE.search(desc)
                assert m is not None
                unit = {"billion": "b", "million": "m"}.get(m.group(2).lower(), m.group(2).lower())
                source = f"{source}-{m.group(1)}{unit}"
            if (source, arch) in seen:
                continue
            seen.add((source, arch))
            r = _rel(doc, RelType.USES_ARCHITECTURE, source, arch, sent.index, 0.6)
            if r:
                yield r


_INTEGRATE = re.compile(r"\b(?:integrat|incorporat|combin|equip)\w*\s(?P<obj>[^,.;]{3,70}?)\s(?:into|with)\s"
                        r"(?:our|the\sproposed|this|it\b|them\b)", re.I)


_COMBINING = re.compile(r"\b(?:combin(?:e|es|ed|ing)|unif(?:y|ies|ying)|jointly\sappl(?:y|ies|ying))\s(?!(?:it|them|our|this|these)\b)",
                        re.I)


def _integrations(doc: LinkedDoc) -> Iterator[Relation]:
    """COMPOSES_WITH from "we integrate gradient low-rank projection into our approach", and
    between two named techniques used together ("kernels combining activation sparsity and
    speculative decoding")."""
    text = doc.paper.text
    own = _own_ids(doc)
    # (both patterns are searched sentence by sentence only in a paper that holds a word they need: few do)
    for sent in doc.sentences if _COMBINING_G.may_match_in(text) else ():
        if sent.in_title:
            continue
        for _m_start, m_end in _COMBINING_G.spans(text, sent.start, sent.end):
            stop = _phrase_end(text, m_end, sent.end)
            pair = [n for n in named_in(doc, m_end, stop) if n.id not in own]
            if len(pair) == 2 and _rx(r"\s(?:and|with)\s").fullmatch(text[pair[0].end : pair[1].start]) \
                    and pair[0].start - m_end <= 4:
                r = _rel(doc, RelType.COMPOSES_WITH, pair[0].id, pair[1].id, sent.index, 0.6, qualifier="combined")
                if r:
                    yield r
    for sent in doc.sentences if _INTEGRATE_G.may_match_in(text) else ():
        if sent.in_title:
            continue
        found = list(_INTEGRATE_G.iter_in(text, sent.start, sent.end))
        if not found:
            continue  # (most sentences: no subject need be read)
        subject = _subject(doc, sent.start, sent.end)
        if subject is None:
            continue
        for m in found:
            for n in named_in(doc, m.start("obj"), m.end("obj")):
                if n.id not in _own_ids(doc):
                    r = _rel(doc, RelType.COMPOSES_WITH, subject, n.id, sent.index, 0.65, qualifier="integrated")
                    if r:
                        yield r


_METRIC_NAMED = re.compile(r"\b(?:introduc|propos|integrat|present|defin|design)(?:es|e|ed|ing|s)?\s(?:a\s|an\s)?(?:novel\s|new\s)"
                           r"(?:[\w-]+\s)?metric,?\s(?:called\s|named\s|dubbed\s)?(?P<name>[A-Z][\w@+-]*[\w@+])")
_METRIC_INTRO = re.compile(r"\b(?:propose|introduce|define|present)s?\s(?:a\s|the\s)?(?P<long>[^.;()]{3,60}?)\s\((?P<acr>[A-Za-z][\w-]{1,14})\)"
                           r"[^.]{0,120}?\bas\sa\s(?:new\s|novel\s)?metric", re.I)


def _is_named_contribution(doc: LinkedDoc) -> bool:
    """Whether the paper's own name leads its title ("HEAPO -- An Open Dataset ...")."""
    title = doc.paper.title_text
    return bool(doc.methods) and title.startswith(doc.methods[0].name) and bool(
        _rx(r"\s?(?::|--|-|—)").match(title[len(doc.methods[0].name) :]))


def _introduces(doc: LinkedDoc) -> Iterator[Relation]:
    text = doc.paper.text
    low = lowered(text)
    for sent in doc.sentences:
        if sent.in_title:
            continue
        # every match of the metric patterns holds the word "metric" (most sentences lack it; only ASCII
        # text is tested so, whose lower case is exactly what a pattern matches ignoring case): looked for in
        # the paper's lowercase form, where it is ASCII, not in a lowercased copy of each sentence
        if low is not None:
            names_metric = low.find("metric", sent.start, sent.end) >= 0
        else:
            span = text[sent.start : sent.end]
            names_metric = not span.isascii() or "metric" in span.lower()
        for m in _METRIC_INTRO.finditer(text, sent.start, sent.end) if names_metric else ():
            r = _rel(doc, RelType.INTRODUCES, doc.paper.id, f"metric/{slug(m.group('acr'))}", sent.index, 0.75,
                     qualifier="metric")
            if r:
                yield r
        for m in _METRIC_NAMED.finditer(text, sent.start, sent.end) if names_metric else ():
            r = _rel(doc, RelType.INTRODUCES, doc.paper.id, f"metric/{slug(m.group('name'))}", sent.index, 0.7,
                     qualifier="metric")
            if r:
                yield r
        for m in _INTRO_FRAME_G.iter_in(text, sent.start, sent.end):
            name = (m.group("name1") or m.group("name2") or m.group("name4") or m.group("name5") or "").strip("\"'“”")
            kind = (m.group("kind1") or m.group("kind2") or m.group("kind3") or m.group("kind4") or m.group("kind5")
                    or "").lower()
            if m.group("kind3"):
                if not _is_named_contribution(doc):
                    continue
                name = doc.methods[0].name  # the title names the data set the abstract introduces
            if not name or not _name_like(name) and not name[:1].isupper():
                continue
            target = f"metric/{slug(name)}" if kind == "metric" else f"dataset/{slug(name)}"
            r = _rel(doc, RelType.INTRODUCES, doc.paper.id, target, sent.index, 0.75, qualifier=kind)
            if r:
                yield r
        # "FooBench is a new benchmark for ...", "we introduce FooBench, which ...": the paper's own benchmark
        for pm in doc.methods:
            for pos in name_positions(text, pm.name, sent.start, sent.end):
                after = text[pos + len(pm.name) : pos + len(pm.name) + 60]
                opening = pos == sent.start and _rx(r"\s(?:is|was)\s(?:a|an|the)\s(?:[\w-]+\s){0,3}?(?P<k>benchmark|dataset)\b", re.I).match(
                                                    after)
                bench_name = _rx(r"(?:Bench|Benchmark|Arena|Eval)$").search(pm.name) and _rx(
                    r"\b(?:we|this\s(?:paper|work))\s(?:\w+\s)?(?:introduce|present|propose|release|construct|build|create|curate)s?\s$", re.I).search(
                    text[max(sent.start, pos - 40) : pos])
                if opening or bench_name:
                    kind = opening.group("k").lower() if opening else "benchmark"
                    r = _rel(doc, RelType.INTRODUCES, doc.paper.id, f"dataset/{slug(pm.name)}", sent.index, 0.7,
                             qualifier=kind)
                    if r:
                        yield r


# -- sentence tests ---------------------------------------------------------------------------------
# Each reader asks the same of every sentence (is it background, does it refer to the authors' work,
# name a problem, a port verb, a list of parts?): each pattern is searched once per sentence, only where
# the words its matches need are (see text.Gated.auto), as its lowercase form in the lowercased text.
# "our", "we", "it" are in nearly every sentence: _OWN_REF gains only the lowercase search.

_BACKGROUND_G = Gated.auto(_BACKGROUND)
_OWN_REF_G = Gated.auto(_OWN_REF, gate=False)
_PROBLEM_G = Gated.auto(_PROBLEM)
_PORT_VERB_G = Gated.auto(_PORT_VERB)
_PARTS_LIST_G = Gated.auto(_PARTS_LIST)
_FURTHER_G = Gated.auto(_FURTHER)
_PROPOSE_PART_G = Gated.auto(_PROPOSE_PART)
# the short name given right after a long one: ", or MoSA", " (MoSA)"
_OWN_SHORT_NAME = re.compile(r"(?:,\s+or\s+|\s\()([A-Za-z][\w-]{1,15})\b")
_PARTS_OF = Gated.auto(re.compile(r"\b(?:hybrid|combination|mixture|integration)\sof\s", re.I))
_COMBINING_G = Gated.auto(_COMBINING)
_INTEGRATE_G = Gated.auto(_INTEGRATE)
# The frame is searched only in a sentence whose lowercase form holds its opening (an eighth of them):
# searched as written, lowercase and without the word start, the regex engine skips to each "w" and "t"
# instead of trying every position, in a third of the time. (The opening's words, "we", "present", are in
# nearly every sentence, and the frame, having case-sensitive parts, has no lowercase form of its own.)
_INTRO_OPENING_LOW = re.compile(_INTRO_OPENING)


# the verbs every match of the opening ends with: a sentence without one (most) is not searched
_INTRO_VERBS = ("introduc", "propos", "present", "releas", "construct", "creat", "develop", "curat", "contribut", "collect",
                "build", "built")


def _may_introduce(low: str) -> bool:
    return any(map(low.__contains__, _INTRO_VERBS)) and _INTRO_OPENING_LOW.search(low) is not None


_INTRO_FRAME_G = Gated(_INTRO_FRAME, _may_introduce)


@lru_cache(maxsize=8192)
def _says(gate: Gated, sentence: str) -> tuple[int, int] | None:
    """The span of ``gate.pattern.search(sentence)``, or None (kept: several readers ask it of each sentence)."""
    return gate.first_in(sentence)


def extract_relations(doc: LinkedDoc) -> tuple[Relation, ...]:
    """All relations stated in one paper, one per (type, source, target), in text order."""
    out: dict[tuple[RelType, str, str], Relation] = {}
    for reader in (_method_relations, _component_relations, _variant_relations, _integrations, _addresses, _reduces,
                   _ports_to,
                   _model_relations, _architecture, _introduces):
        for r in reader(doc):
            key = (r.type, r.source, r.target)
            if key not in out or r.evidence.confidence > out[key].evidence.confidence:
                out[key] = r
    # "flexible-cuda" next to "flexible-cuda-memory-manager", "gmu" next to "gmus": one part named twice
    parts = {(r.source, r.target) for r in out.values() if r.type is RelType.HAS_COMPONENT}
    for key in [k for k in out if k[0] is RelType.HAS_COMPONENT]:
        if any(s == key[1] and t != key[2] and (t.startswith(key[2] + "-") or key[2] == t + "s") for s, t in parts):
            del out[key]  # the shorter of a prefix pair, the plural of a singular
    return tuple(sorted(out.values(), key=lambda r: (r.evidence.start, r.type.value, r.target)))


def relations_in_text(title: str, abstract: str, *, methods: Sequence[str] = ()) -> tuple[Relation, ...]:
    """Relations of a plain title and abstract, with the given proposed method names (for tests and docs).

    The document is read with the mapper's sentence splitter; only the methods named here are linked.
    """
    from kg.ids import paper_id
    from kg.records import TITLE_SEPARATOR, Paper, SourceRef
    from loaders.mapping.doc import LinkedDoc, ProposedMethod
    from loaders.mapping.text import split_sentences

    text = title + TITLE_SEPARATOR + abstract
    paper = Paper(id=paper_id(title), title=title, abstract=abstract, text=text,
                  occurrences=(SourceRef(file="<text>", line=1, format="text", loader="relations_in_text"),))
    sentences = split_sentences(text, title_end=len(title))
    proposed = []
    for name in methods:
        pos = text.find(name, len(title))
        pos = pos if pos >= 0 else text.find(name)
        sent = next(s for s in reversed(sentences) if s.start <= max(pos, 0))
        proposed.append(ProposedMethod(id=f"method/{slug(name)}", name=name, start=max(pos, 0),
                                       end=max(pos, 0) + len(name), sentence=sent.index))
    mentions = []
    for word, tid in (("quantization", "technique/quantization"), ("pruning", "technique/pruning")):
        for m in _rx(rf"\b{word}\b").finditer(text):
            sent = next(s for s in reversed(sentences) if s.start <= m.start())
            mentions.append(_mention(m.group(), m.start(), m.end(), sent.index, NodeLabel.TECHNIQUE, tid))
    doc = LinkedDoc(paper=paper, sentences=sentences, methods=tuple(proposed),
                    mentions=tuple(sorted(mentions, key=lambda x: x.start)))
    return extract_relations(doc)


def _mention(text: str, start: int, end: int, sentence: int, label: NodeLabel, entity_id: str) -> LinkedMention:
    from loaders.mapping.doc import LinkedMention

    return LinkedMention(text=text, start=start, end=end, sentence=sentence, label=label, entity_id=entity_id)
