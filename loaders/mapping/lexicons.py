"""The mapper's lexicon: every term of the cue tables, the catalogs and the ontology in one automaton.

Built once per ontology and cached; :func:`build_lexicon` is cheap to call repeatedly.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from loaders.mapping.catalog import DATASETS
from loaders.mapping.cues import (
    CUE_TERMS,
    HWCLASS_TERMS,
    MEMORY_TERMS,
    SECOND_SENSE_TERMS,
    TECHNIQUE_TERMS,
    TOPIC_TERMS,
)
from loaders.mapping.lexicon import Lexicon, norm_token
from loaders.mapping.text import tokenize

log = logging.getLogger(__name__)

# Field words that are not named things: acronyms of these are never methods or components.
GENERIC_TERMS: tuple[str, ...] = (
    "large language model{s|}", "language model{s|}", "LLM{s|}", "LM{s|}", "neural network{s|}", "deep neural network{s|}",
    "DNN{s|}", "CNN{s|}", "convolutional neural network{s|}", "recurrent neural network{s|}", "RNN{s|}", "transformer{s|}",
    "vision transformer{s|}", "ViT{s|}", "natural language processing", "NLP", "computer vision", "CV",
    "artificial intelligence", "AI", "machine learning", "ML", "deep learning", "DL", "reinforcement learning", "RL",
    "graphics processing unit{s|}", "GPU{s|}", "CPU{s|}", "key-value", "KV", "vision-language model{s|}", "VLM{s|}",
    "multimodal large language model{s|}", "MLLM{s|}", "large vision-language model{s|}", "LVLM{s|}", "LMM{s|}",
    "large multimodal model{s|}", "small language model{s|}", "SLM{s|}", "pre-trained model{s|}", "PTM{s|}",
    "pretrained language model{s|}", "PLM{s|}", "state-of-the-art", "SOTA", "SoTA", "floating point operation{s|}",
    "FLOP{s|}", "multi-layer perceptron{s|}", "MLP{s|}", "feed-forward network{s|}", "FFN{s|}", "time to first token",
    "TTFT", "chain-of-thought", "CoT", "retrieval-augmented generation", "RAG", "question answering", "QA",
    "internet of things", "IoT", "application programming interface", "API", "high bandwidth memory", "HBM",
    "static random-access memory", "SRAM", "dynamic random-access memory", "DRAM", "random-access memory", "RAM",
    "mean squared error", "MSE", "singular value decomposition", "SVD", "principal component analysis", "PCA",
    "in-context learning", "ICL", "supervised fine-tuning", "SFT", "instruction fine-tuning", "IFT",
    "reinforcement learning from human feedback", "RLHF", "automatic speech recognition", "ASR", "text-to-speech", "TTS",
    "text-to-image", "T2I", "signal-to-noise ratio", "SNR", "multi-task learning", "MTL", "continual learning", "CL",
    "federated learning", "FL", "neural machine translation", "NMT", "machine translation", "MT",
    "generative adversarial network{s|}", "GAN{s|}", "variational autoencoder{s|}", "VAE{s|}", "diffusion model{s|}",
    "DM{s|}", "diffusion transformer{s|}", "DiT{s|}", "model FLOPs utilization", "MFU", "tokens per second", "TPS",
    "frames per second", "FPS", "multiply-accumulate", "MAC{s|}", "visual autoregressive", "VAR",
    "long short-term memory", "LSTM", "gated recurrent unit", "GRU", "artificial general intelligence", "AGI",
    "operating system", "OS", "graph neural network{s|}", "GNN{s|}", "click-through rate", "CTR",
    "super-resolution", "SR", "single image super-resolution", "SISR", "mixed integer programming", "MIP",
    "spiking neural network{s|}", "SNN{s|}", "multi-head attention", "MHA", "self-attention", "SA",
    "scaled dot-product attention", "SDPA", "general matrix multiplication", "GEMM", "general matrix-vector multiplication",
    "GEMV", "lookup table{s|}", "LUT{s|}", "digital signal processor{s|}", "DSP{s|}", "neural radiance field{s|}", "NeRF{s|}",
    "3D Gaussian splatting", "3DGS", "out-of-distribution", "OOD", "perplexity", "PPL", "word error rate", "WER",
    "equal error rate", "EER", "character error rate", "CER", "retrieval augmented generation", "vision-language-action",
    "VLA{s|}",
    "class-incremental learning", "CIL", "test-time adaptation", "TTA", "test-time training", "TTT",
    "reservoir computer{s|}", "reservoir computing", "RC", "large reasoning model{s|}", "LRM{s|}",
    "canonical polyadic decomposition", "CPD", "multi-armed bandit{s|}", "MAB", "inverted file{| system|s}", "IVF",
    "product quantization", "PQ", "streaming multiprocessor{s|}", "SM{s|}", "binary tensor core{s|}", "BTC",
    "layer-wise relevance propagation", "LRP", "diagonal-plus-low-rank", "DPLR", "Walsh-Hadamard transform", "WHT",
    "fast Fourier transform", "FFT", "application-specific integrated {circuit|chip}{s|}", "ASIC{s|}",
    "convolutional network{s|}", "ConvNet{s|}", "stable diffusion", "SD", "fine-tuning", "FT",
    "heavy-tailed self-regularization{| theory}", "HT-SR", "batch normalization", "BN", "layer normalization", "LN",
    "token-level sparsity", "chunk-level sparsity", "TLS", "CLS", "mean absolute error", "MAE", "word error rate",
    "dense retrieval", "DR", "nearest neighbor search", "NNS", "approximate nearest neighbor{s|}", "ANN{s|}",
    "video question answering", "VQA", "visual question answering", "computational storage drive{s|}", "CSD{s|}",
    "iterative magnitude pruning", "IMP", "mixed precision quantization", "MPQ",
    # textbook concepts, tasks and fields: their acronyms name no part of a paper's own method (dev2 and dev3
    # both took such acronyms, "Fisher Information Matrix (FIM)", "keyword spotting (KWS)", for parts)
    "discrete cosine transform{|ation}", "DCT", "Fisher information matrix", "FIM", "directed acyclic graph{s|}",
    "DAG{s|}", "classifier-free guidance", "CFG", "keyword spotting", "KWS", "natural language understanding", "NLU",
    "natural language generation", "NLG", "natural language inference", "NLI", "text-to-audio", "T2A",
    "text-to-video", "T2V", "floating-point", "FP", "software engineering", "SE",
)


# hardware words that only together with others show a target ("on-device" alone is a use case)
_WEAK_HW = {"on-device": 0.5, "edge": 0.5, "drone{s|}": 0.5, "constrained device{s|}": 0.5}


def _add_terms(lex: Lexicon, table: dict[str, tuple[tuple[str, float], ...]], kind: str) -> None:
    for target, terms in table.items():
        for term, weight in terms:
            lex.add(term, kind, target, weight=weight)


@lru_cache(maxsize=8)
def _build(labels_key: tuple[tuple[str, str, float, tuple[str, ...]], ...]) -> Lexicon:
    lex = Lexicon()
    _add_terms(lex, TECHNIQUE_TERMS, "technique")
    _add_terms(lex, SECOND_SENSE_TERMS, "technique2")
    _add_terms(lex, TOPIC_TERMS, "topic")
    for cue, terms in CUE_TERMS.items():
        for term in terms:
            lex.add(term, "cue", cue)
    for cls, terms in HWCLASS_TERMS.items():
        for term in terms:
            lex.add(term, "hwclass", cls, weight=_WEAK_HW.get(term, 1.0))
    for comp, terms in MEMORY_TERMS.items():
        for term in terms:
            lex.add(term, "memory", comp)
    for ds in DATASETS:
        for alias in ds.aliases:
            lex.add(alias, "dataset", ds.id)
    for term in GENERIC_TERMS:
        lex.add(term, "generic", "generic")
    _add_formats(lex)
    # The ontology's own labels, where the mapper's tables do not already say what they mean.
    own = _own_spellings()
    for node_id, kind, weight, labels in labels_key:
        for label in labels:
            if label and len(label) > 2 and _fold(label) not in own:
                lex.add(label.replace("{", "(").replace("}", ")"), kind, node_id, weight=weight)
    return lex


def _add_formats(lex: Lexicon) -> None:
    """Quantization formats written as one token: W4A16 (weight-only), W8A8 (weights and activations), W4A4KV4."""
    for w in (1, 2, 3, 4, 5, 6, 8):
        lex.add(f"W{w}A16", "technique", "technique/weight-only-quantization", weight=0.9, case=True)
        for a in (4, 6, 8):
            lex.add(f"W{w}A{a}", "technique", "technique/weight-activation-quantization", weight=0.9, case=True)
            for kv in (2, 3, 4, 8):
                spelling = f"W{w}A{a}KV{kv}"
                lex.add(spelling, "technique", "technique/weight-activation-quantization", weight=0.9, case=True)
                lex.add(spelling, "technique2", "technique/kv-cache-quantization", weight=0.9, case=True)


def _fold(s: str) -> str:
    return " ".join(norm_token(t.norm) for t in tokenize(s))


@lru_cache(maxsize=1)
def _own_spellings() -> frozenset[str]:
    from loaders.mapping.lexicon import expand

    out: set[str] = set()
    for table in (TECHNIQUE_TERMS, SECOND_SENSE_TERMS, TOPIC_TERMS):
        for weighted in table.values():
            for term, _ in weighted:
                out.update(_fold(x) for x in expand(term))
    for plain in (*CUE_TERMS.values(), *HWCLASS_TERMS.values(), *MEMORY_TERMS.values(), GENERIC_TERMS):
        for word in plain:
            out.update(_fold(x) for x in expand(word))
    return frozenset(out)


def build_lexicon(onto: Any = None) -> Lexicon:
    """The lexicon for ``onto`` (``None``: the mapper's own tables only)."""
    labels = ontology_labels(onto)
    # the labels are one large tuple, cached per ontology, and a tuple does not keep its hash:
    # the same tuple finds its lexicon by identity before _build's cache hashes it again
    last = _LAST_LEXICON.get(id(labels))
    if last is not None and last[0] is labels:
        return last[1]
    lex = _build(labels)
    _LAST_LEXICON.clear()
    _LAST_LEXICON[id(labels)] = (labels, lex)
    return lex


_LAST_LEXICON: dict[int, tuple[tuple[tuple[str, str, float, tuple[str, ...]], ...], Lexicon]] = {}


_LABELS_CACHE: dict[int, tuple[Any, tuple[tuple[str, str, float, tuple[str, ...]], ...]]] = {}


def ontology_labels(onto: Any) -> tuple[tuple[str, str, float, tuple[str, ...]], ...]:
    """``(target id, kind, weight, labels)`` from the ontology for the lexicon.

    Technique labels count as evidence for the required classes they roll up to (a finer
    ontology leaf such as ternary quantization counts for extreme low-bit quantization); a leaf's
    label weighs more than a family's, the root's least. Topic labels point to their topic, and
    named methods (``methods.ttl``) become method mentions.
    """
    if onto is None or not hasattr(onto, "nodes"):
        return ()
    cached = _LABELS_CACHE.get(id(onto))
    if cached is not None and cached[0] is onto:
        return cached[1]
    from loaders.mapping.taxonomy import ROOT, Taxonomy

    tax = Taxonomy.default()
    out = []
    for ent in onto.nodes():
        prefix = ent.id.split("/", 1)[0]
        if prefix not in ("technique", "topic", "method"):
            continue
        alt = ent.props.get("aliases") or ()
        labels = tuple(sorted({ent.name, *(alt if not isinstance(alt, str) else (alt,))}))
        if prefix == "technique":
            targets = (ent.id,) if ent.id in tax.parents else tuple(getattr(onto, "rollup", lambda x: ())(ent.id))
            for t in targets:
                weight = 0.2 if t == ROOT else (0.8 if tax.is_leaf(t) else 0.5)
                out.append((t, "technique", weight, labels))
        elif prefix == "topic":
            out.append((ent.id, "topic", 0.6, labels))
        else:
            out.append((ent.id, "method", 1.0, labels))
    result = tuple(sorted(out))
    _LABELS_CACHE.clear()
    _LABELS_CACHE[id(onto)] = (onto, result)
    return result
