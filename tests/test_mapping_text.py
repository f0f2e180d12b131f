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


# -- reading rules of the linker (test sentences written for these tests) -----------------------

def _link(title: str, abstract: str):  # type: ignore[no-untyped-def]
    from kg.ids import paper_id
    from kg.records import TITLE_SEPARATOR, Paper, SourceRef
    from loaders.mapping.linker import link

    paper = Paper(id=paper_id(title), title=title, abstract=abstract, text=title + TITLE_SEPARATOR + abstract,
                  occurrences=(SourceRef(file="test", line=1, format="test", loader="test"),))
    return link(paper)


def test_an_inference_system_alone_is_not_a_serving_system() -> None:
    lk = _link("BarInfer: A Near-Memory LLM Inference System for Low-Bit Models",
               "We propose BarInfer, an LLM inference system that runs quantized models with processing-in-memory units "
               "placed beside the DRAM banks, which cuts data movement. Its in-memory computing units also run the "
               "attention layers inside the banks.")
    assert "technique/serving-systems" not in lk.doc.techniques
    assert "technique/processing-in-memory" in lk.doc.techniques


def test_an_fpga_design_is_the_accelerator_unless_a_chip_is_built() -> None:
    abstract = ("Dataflow designs give each layer its own hardware but run out of on-chip memory. "
                "We map convolutional networks onto FPGAs with a dataflow accelerator that keeps every layer on chip, and "
                "compress the weights by low-rank factorization.")
    lk = _link("Foo: A Dataflow Neural Network Accelerator with Low-Rank Layers", abstract)
    assert "technique/fpga-acceleration" in lk.doc.techniques
    assert "technique/asic-acceleration" not in lk.doc.techniques
    assert "hwclass/asic" not in lk.hwclasses
    lk = _link("Foo: A Dataflow Neural Network Accelerator with Low-Rank Layers",
               abstract + " A small ASIC controller, taped out in 28nm, drives the FPGA fabric.")
    assert "technique/asic-acceleration" in lk.doc.techniques


def test_tokens_of_a_kv_cache_paper_are_cache_entries() -> None:
    lk = _link("QuxKV: Merging the KV Cache of Long-Context Models",
               "Long inputs make the cache grow with every step. Existing schemes rely on token pruning, which loses "
               "information for good. We propose QuxKV, which ranks the tokens of each head "
               "by importance and fuses the less important tokens into their neighbours instead of discarding them.")
    assert "technique/token-pruning" not in lk.doc.techniques
    assert "technique/kv-cache-merging" in lk.doc.techniques


def test_efficient_network_wordings_and_nano_drones() -> None:
    lk = _link("BazNets: Efficient Video Networks for Streaming Recognition",
               "We present BazNets, a family of efficient video networks built from lightweight 3D convolutions.")
    assert "technique/efficient-network-design" in lk.doc.techniques
    lk = _link("Adaptive Inference aboard Nano-Drones",
               "We switch between two small CNNs on the nano-drone depending on how hard each frame is, which is "
               "a form of adaptive inference that cuts latency by 30%.")
    assert "technique/tinyml" not in lk.doc.techniques
    assert "technique/dynamic-computation" in lk.doc.techniques


def test_a_plural_acronym_is_one_hit() -> None:
    lex = Lexicon()
    lex.add("GPU{s|}", "hwclass", "hwclass/gpu")
    assert [(h.text, h.target) for h in lex.scan("It runs on two GPUs and one GPU.")] == [
        ("GPUs", "hwclass/gpu"), ("GPU", "hwclass/gpu")]


def test_a_qualified_gpu_is_a_target_a_bare_mention_is_not() -> None:
    title = "QuuxDiff: Few-Step Image Generation with Mixed-Precision Weights"
    lk = _link(title, "Image generators are slow. Their memory costs keep them off phones and even desktop GPUs. "
                      "We propose QuuxDiff, which quantizes each layer to its own bit-width.")
    assert "hwclass/gpu" in lk.hwclasses
    lk = _link(title, "Image generators are slow. Their memory costs keep them off phones and even GPUs are strained. "
                      "We propose QuuxDiff, which quantizes each layer to its own bit-width.")
    assert "hwclass/gpu" not in lk.hwclasses


def test_what_storage_offloading_and_activation_quantization_reduce() -> None:
    lk = _link("GarTrain: Fine-Tuning Beyond GPU Memory with NVMe Offloading",
               "Fine-tuning large models needs more memory than one GPU has. We present GarTrain, which shards the "
               "training state with ZeRO-style partitioning and offloads it to NVMe SSDs, so that a 70B model trains "
               "on one node.")
    assert "technique/storage-offloading" in lk.doc.techniques
    assert "memory/weights" not in lk.memory
    lk = _link("Mixed-Precision Quantization of Feature Maps on Microcontrollers",
               "Microcontrollers have little SRAM. We propose GarQ, which picks a bit-width for each feature map and "
               "quantizes the feature maps of every branch to fit the budget on MCUs.")
    assert "memory/activations" in lk.memory
    assert "memory/weights" not in lk.memory


def _parts(title: str, abstract: str) -> list[str]:
    return [name for name, _, _ in _link(title, abstract).components]


def test_parts_named_by_the_method_sentence_and_by_a_title_method() -> None:
    assert "TreeIndex" in _parts(
        "FooMem: Fast Memory for Long Chats",
        "Chats grow long. We propose FooMem, a memory framework that introduces TreeIndex, a small graph of entities.")
    assert "cascade block pruning" in _parts(
        "BarSparse: Sparse Attention with Block Pruning",
        "Attention is costly on long inputs. We propose the novel cascade block pruning to remove unimportant blocks.")


def test_quoted_parts_keep_their_name_and_device_kernels_are_not_parts() -> None:
    parts = _parts("Qux: Reading Weights from Disk",
                   "Weights do not fit in DRAM. We propose Qux, which reads them from flash. We use two techniques. "
                   "First, \"striding'\" reads each chunk once. We also develop a high-performance GPU kernel for it.")
    assert "striding" in parts
    assert not any("kernel" in p.lower() for p in parts)


def test_a_generic_description_of_the_whole_method_is_not_a_part() -> None:
    assert _parts("Corge: Tuning on Less Data",
                  "Instruction sets hold many poor examples. In this paper, we propose a simple and effective data "
                  "selection strategy that drops the poor examples with a strong model as judge.") == []


def test_a_title_that_names_an_attention_mechanism_studies_efficient_attention() -> None:
    abstract = ("Vision transformers are slow on small devices. We present GraultNet, a family of lightweight vision "
                "backbones whose heads each see a different slice of the features.")
    lk = _link("GraultNet: Fast Vision Backbones with Sliced Head Attention", abstract)
    assert "technique/efficient-attention" in lk.doc.techniques
    lk = _link("GraultNet: Self-Attention Helps Distilled Vision Backbones", abstract)
    assert "technique/efficient-attention" not in lk.doc.techniques
    lk = _link("Beyond Uniform Attention: Lighter Vision Backbones", abstract)
    assert "technique/efficient-attention" not in lk.doc.techniques


def test_per_head_budgets_are_cache_eviction() -> None:
    lk = _link("Waldo: Keeping Less of the KV Cache",
               "Long prompts fill the KV cache. We propose Waldo, which sets head-specific cache budgets and drops "
               "the KV entries of tokens that receive little attention.")
    assert "technique/kv-cache-eviction" in lk.doc.techniques


def test_a_class_named_as_what_the_method_beats_is_a_baseline() -> None:
    lk = _link("Fred: Memory-Light Pre-Training by Projected Gradients",
               "Training large models needs memory for optimizer states. In this work, we propose Fred, which "
               "projects gradients onto a low-rank subspace and is more memory-efficient than common low-rank "
               "adaptation methods such as LoRA.")
    assert "technique/low-rank-gradient-projection" in lk.doc.techniques
    assert "technique/lora" not in lk.doc.techniques


def test_every_item_of_a_compared_list_is_a_comparison() -> None:
    lk = _link("Plugh: A Sparse Attention Accelerator",
               "We design Plugh, an ASIC accelerator for sparse attention taped out in 28nm. It achieves large energy "
               "savings over two earlier accelerators, a desktop GPU, and a server CPU, respectively.")
    assert "hwclass/asic" in lk.hwclasses
    assert "hwclass/cpu" not in lk.hwclasses and "hwclass/gpu" not in lk.hwclasses


def test_a_leaf_named_where_the_paper_presents_its_work_is_kept_beside_the_main_class() -> None:
    lk = _link("Xyzzy-H: A Family of Hybrid Mamba-Transformer Models",
               "Long generation needs cheap models. We introduce Xyzzy-H, a family of hybrid Mamba-Transformer models "
               "that swap most attention layers for Mamba layers. The hybrid Mamba-Transformer design keeps memory "
               "constant per token. In addition, we introduce an FP8-based training recipe for the largest model.")
    assert "technique/hybrid-attention-ssm" in lk.doc.techniques
    assert "technique/low-bit-training" in lk.doc.techniques


def test_extending_the_method_is_part_of_the_contribution() -> None:
    lk = _link("Thud: Exact Attention with Fewer Memory Reads",
               "Attention is slow on long inputs. We propose Thud, an IO-aware exact attention kernel that tiles the "
               "computation to cut memory reads. Thud trains models faster than standard attention. We also extend "
               "Thud to block-sparse attention, which is faster still.")
    assert "technique/io-aware-attention" in lk.doc.techniques
    assert "technique/sparse-attention" in lk.doc.techniques


def test_a_sentence_whose_subject_is_the_method_describes_it() -> None:
    lk = _link("Zork-Flash Technical Report",
               "We introduce Zork-Flash, a large mixture-of-experts language model. Driven by the need for cheap "
               "serving at scale, Zork-Flash adopts a router that enables dynamic computation per token.")
    assert "technique/dynamic-computation" in lk.doc.techniques


def test_accelerators_named_by_their_workload_are_asic_designs() -> None:
    lk = _link("Frob: Low-Latency Batching for RNN Inference",
               "RNN inference uses hardware poorly. Batching many requests raises throughput but pads sequences. "
               "We propose Frob, a batching scheme tailored to RNN accelerators. Small hardware support in the "
               "accelerator tells the runtime when a sequence ends.")
    assert "technique/asic-acceleration" in lk.doc.techniques


def test_weight_and_activation_quantization_is_not_also_weight_only() -> None:
    lk = _link("Blorb: Post-Training INT6 Quantization for Serving",
               "Low-bit serving loses accuracy. We propose Blorb, a post-training quantization framework. Blorb employs "
               "6-bit weight quantization in every layer and keeps 8-bit activations where layers are sensitive, "
               "with kernels for W6A6 and W6A8.")
    assert "technique/weight-activation-quantization" in lk.doc.techniques
    assert "technique/weight-only-quantization" not in lk.doc.techniques


def test_a_kv_paper_that_describes_selection_under_budgets_is_eviction() -> None:
    from loaders.mapping.linker import _Score, _select
    from loaders.mapping.taxonomy import Taxonomy

    def scores(family: str, leaf: str) -> dict[str, _Score]:
        fam, kid = _Score(), _Score()
        fam.add(3.0, 0, 0, 10, 1.0, 3.0)
        kid.add(0.8, 3, 40, 60, 0.8, 1.0)
        return {family: fam, leaf: kid}

    tax = Taxonomy.default()
    # weak leaf evidence is enough under the KV-cache umbrella ...
    assert _select(scores("technique/kv-cache-compression", "technique/kv-cache-eviction"), tax) == [
        "technique/kv-cache-eviction"]
    # ... not under another family
    assert _select(scores("technique/pruning", "technique/structured-pruning"), tax) == ["technique/pruning"]


def test_what_we_integrate_is_presented_and_tuning_a_subset_is_selective() -> None:
    lk = _link("Gnusto: Long-Context Inference on FPGAs by Co-Design",
               "Edge devices cannot hold long contexts. We propose Gnusto, an acceleration framework. At the "
               "algorithmic level, we integrate Λ-shaped attention and a W2A8KV4 quantization scheme. We then "
               "design an FPGA-based accelerator for them and run it on FPGAs.")
    assert {"technique/sparse-attention", "technique/weight-activation-quantization"} <= set(lk.doc.techniques)
    lk = _link("Retraining After Pruning, Cheaply",
               "Pruned networks need retraining. We show that updating only a small subset of the parameters "
               "recovers accuracy after magnitude pruning.")
    assert "technique/selective-fine-tuning" in lk.doc.techniques


def test_new_ontology_synonyms_reach_their_classes() -> None:
    import ontology
    from loaders.mapping.lexicons import build_lexicon

    lex = build_lexicon(ontology.load())
    found = {(h.text, h.target) for h in lex.scan("We use magnitude-based pruning, a student network, early termination, "
                                                  "near-storage processing and linear-time sequence models.")}
    assert ("magnitude-based pruning", "technique/unstructured-pruning") in found
    assert ("student network", "technique/knowledge-distillation") in found
    assert ("early termination", "technique/dynamic-computation") in found
    assert ("near-storage processing", "technique/storage-offloading") in found
    assert ("linear-time sequence models", "technique/state-space-models") in found


def test_format_named_training_and_a_more_efficient_unet() -> None:
    lex_hits = _link("Frotz: Clipping for MXINT8 Training",
                     "We introduce a clipping rule for low-bit INT training that keeps MXINT8 training lossless.")
    assert "technique/low-bit-training" in lex_hits.doc.techniques
    lk = _link("Spoo: A Smaller Text-to-Image Model by Distillation",
               "Image generators are large. We analyse the denoiser and design a more efficient U-Net. We then distill "
               "the large model into the efficient U-Net.")
    assert "technique/efficient-network-design" in lk.doc.techniques


def test_fast_vision_transformers_are_network_design_and_a_part_named_like_it_is_a_part() -> None:
    lk = _link("Bozbar: Memory Efficient Vision Transformer with Split Head Attention",
               "Vision transformers are slow. We propose a family of high-speed vision transformers named Bozbar. "
               "To cut redundancy across heads, we present a split head attention module feeding each head a "
               "different slice of the features.")
    assert "technique/efficient-network-design" in lk.doc.techniques
    assert "technique/efficient-attention" in lk.doc.techniques
    assert "split head attention" in [name for name, _, _ in lk.components]


def test_a_coined_name_after_a_novel_part_noun_is_a_part() -> None:
    parts = _parts("Quux: A Benchmark for Fast Code",
                   "Generated code is often slow. We present Quux, a benchmark of coding tasks. Quux integrates a novel "
                   "metric Faster@K to score runtime against past solutions.")
    assert "Faster@K" in parts


def test_an_edge_platform_is_not_a_microcontroller_unless_named_so() -> None:
    title = "Pose Estimation aboard Ultra-low-power Nano-drones"
    lk = _link(title, "Nano-drones carry tiny processors. We run a small CNN on the nano-drone in real time.")
    assert "hwclass/edge-device" in lk.hwclasses and "hwclass/mcu" not in lk.hwclasses
    lk = _link(title, "Nano-drones carry tiny processors. We run a small CNN on the drone's microcontroller in real time.")
    assert "hwclass/mcu" in lk.hwclasses


def test_gated_patterns_never_skip_a_text_they_match(seeds_dir) -> None:
    """A gate only saves work: wherever its pattern matches a seed sentence (or a 70-character window), it lets it through."""
    import re

    from loaders import load_paths
    from loaders.mapping import linker, methods, models
    from loaders.mapping.text import Gated

    gates = {f"{mod.__name__}.{name}": g for mod in (linker, methods, models) for name, g in vars(mod).items()
             if isinstance(g, Gated)}
    assert "loaders.mapping.linker._CLAIM" in gates
    texts = []
    for p in load_paths([seeds_dir]).papers:
        sents = [s.text for s in split_sentences(p.text, title_end=len(p.title_text))]
        texts += sents + [s[max(0, i - 70) : i] for s in sents for i in range(10, len(s), 41)]
    for name, g in gates.items():
        missed = [t for t in texts if g.pattern.search(t) and not g.may_match(t)]
        assert not missed, (name, missed[:3])
    # a letter that case-insensitive matching folds onto an ASCII one always gets the full search
    g = Gated(re.compile("less", re.I), ("less",))
    assert g.search("le\u017fs") and g.search("LESS") and not g.search("more")


def test_name_searches_find_what_their_patterns_find(seeds_dir) -> None:
    """The str.find searches for a paper's names agree with the per-name patterns they replace."""
    import re

    from loaders import load_paths
    from loaders.mapping.linker import _uses_of
    from loaders.mapping.methods import variants_of
    from loaders.mapping.text import stands_alone

    papers = sorted(load_paths([seeds_dir]).papers, key=lambda p: p.id)[::8]
    checked = 0
    for p in papers:
        words = sorted(set(re.findall(r"[A-Za-z][\w+.-]*", p.text)))[::6]
        for w in {x for w in words for x in (w, w[1:], w[:3], w.rstrip("s"))} - {""}:
            e = re.escape(w)
            assert [(m.group(1), m.start(1)) for m in re.finditer(
                rf"(?<![\w-])([A-Za-z]*{e}(?:[-+][A-Za-z0-9]+|\+)?)(?![\w])", p.text)] == list(variants_of(p.text, w)), w
            assert bool(re.search(rf"(?<![\w-]){e}(?![\w-])", p.text)) == stands_alone(p.text, w), w
            assert [m.span() for m in re.finditer(rf"(?<![A-Za-z0-9-]){e}s?(?![A-Za-z0-9])", p.text)] \
                == list(_uses_of(p.text, w)), w
            checked += 1
    assert checked > 500
    odd = "x-Foo+ Foo-1_ _Foo Foo+a Foo++ fooFoo-Bar+ FooFoo Foo\u00e9 \u00e9Foo Foo- Foo+"
    for w in ("Foo", "oo", "Foo+", "o-"):
        e = re.escape(w)
        assert [(m.group(1), m.start(1)) for m in re.finditer(
            rf"(?<![\w-])([A-Za-z]*{e}(?:[-+][A-Za-z0-9]+|\+)?)(?![\w])", odd)] == list(variants_of(odd, w)), w
        assert [m.span() for m in re.finditer(rf"(?<![A-Za-z0-9-]){e}s?(?![A-Za-z0-9])", odd)] == list(_uses_of(odd, w)), w


def test_the_word_before_a_boundary_is_what_its_pattern_finds(seeds_dir) -> None:
    import re

    from loaders import load_paths
    from loaders.mapping.text import _word_before

    texts = [p.text for p in load_paths([seeds_dir]).papers][::5] + ["e.g.\n", "Fig.\n\n", "a b\n", "", "x", "U.S.", "ab \n"]
    pattern = re.compile(r"([A-Za-z.]+)$")
    for text in texts:
        for end in range(len(text) + 1):
            start = max(0, end - 30)
            w = pattern.search(text[start:end])
            assert _word_before(text, start, end) == (w.group(1) if w else ""), (text[start:end],)
