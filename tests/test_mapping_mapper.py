"""map_paper / map_papers on the seed corpus and on small texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import ontology
from kg.graph import assemble, clean_props
from kg.records import Mapping, Paper
from loaders import load_paths
from loaders.mapping import LinkedDoc, link_paper, map_paper, map_papers
from ontology.vocab import NodeLabel, RelType, check_edge, label_of
from tests.graphdata import written_paper as _paper


@pytest.fixture(scope="module")
def seed_papers(seeds_dir: Path) -> list[Paper]:
    papers = sorted(load_paths([seeds_dir]).papers, key=lambda p: p.id)
    return papers[::3]  # a third of the corpus keeps the module fast; the eval test maps the dev set


@pytest.fixture(scope="module")
def mappings(seed_papers: list[Paper], onto: ontology.Ontology) -> list[Mapping]:
    return [map_paper(p, onto) for p in seed_papers]


def test_every_relation_fits_the_schema_and_carries_its_sentence(
    seed_papers: list[Paper], mappings: list[Mapping]
) -> None:
    by_id = {p.id: p for p in seed_papers}
    assert sum(len(m.relations) for m in mappings) > 500
    for m in mappings:
        text = by_id[m.paper_id].text
        for r in m.relations:
            check_edge(r.type, r.source, r.target)
            ev = r.evidence
            assert ev.paper_id == m.paper_id
            assert 0 <= ev.start < ev.end <= len(text) and text[ev.start : ev.end] == ev.sentence
            assert ev.extractor and ev.version and 0 < ev.confidence <= 1


def test_entities_are_storable_and_labelled_by_their_id(mappings: list[Mapping]) -> None:
    for m in mappings:
        for e in m.entities:
            assert label_of(e.id) == e.label
            clean_props(e.props)  # raises on values Neo4j cannot store
            assert all(v not in (None, (), "") for v in e.props.values())


def test_mentions_point_into_the_text_and_unlinked_ones_say_why(
    seed_papers: list[Paper], mappings: list[Mapping]
) -> None:
    by_id = {p.id: p for p in seed_papers}
    for m in mappings:
        text = by_id[m.paper_id].text
        for men in m.mentions:
            assert text[men.start : men.end] == men.text
            assert (men.entity_id is None) == (men.reason is not None)
            assert men.sentence_start <= men.start and men.end <= men.sentence_end + 1


def test_scope_and_topic_are_consistent(mappings: list[Mapping]) -> None:
    assert any(not m.in_scope for m in mappings) and any(m.in_scope for m in mappings)
    for m in mappings:
        studies = [r.target for r in m.relations if r.type is RelType.STUDIES and r.source == m.paper_id]
        if m.in_scope:
            assert m.topic is None and all(t.startswith("technique/") for t in studies)
        else:
            assert m.topic and m.topic.startswith("topic/") and studies == [m.topic]


def test_mapping_is_deterministic(seed_papers: list[Paper], onto: ontology.Ontology) -> None:
    for p in seed_papers[:20]:
        assert map_paper(p, onto) == map_paper(p, onto)


def test_batch_report_and_graph_assembly(seed_papers: list[Paper], onto: ontology.Ontology) -> None:
    batch = map_papers(seed_papers[:40], onto)
    rep = batch.report
    assert rep.papers == 40 == len(batch.mappings)
    assert rep.in_scope + len(rep.out_of_scope) == 40
    assert sum(rep.linked.values()) > 0 and rep.unlinked
    _, assembly = assemble(seed_papers[:40], batch.mappings, onto)
    assert assembly.rejected == ()


def test_linked_doc_for_the_extractors(seed_papers: list[Paper], onto: ontology.Ontology) -> None:
    doc = link_paper(seed_papers[0], onto)
    assert isinstance(doc, LinkedDoc) and doc.sentences[0].in_title
    for s in doc.sentences:
        assert doc.paper.text[s.start : s.end] == s.text
    for men in doc.mentions:
        assert doc.sentences[men.sentence].start <= men.start


# -- behaviours, on texts written for these tests ----------------------------------------------


def _studies(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.STUDIES}


def _targets(m: Mapping, rel: RelType) -> set[str]:
    return {r.target for r in m.relations if r.type is rel}


def test_a_named_kv_cache_method(onto: ontology.Ontology) -> None:
    p = _paper(
        "MergeKV: Merging Key-Value Caches for Long Inputs",
        "Storing the key-value (KV) cache dominates memory when inputs are long. We propose MergeKV, which merges "
        "similar KV cache entries across neighbouring tokens. MergeKV has two parts: similarity bucketing (SB) and "
        "weighted fusion (WF). On Llama-2-7B-chat and Mistral 7B it keeps LongBench accuracy while shrinking the "
        "cache fourfold on a single A100 80GB GPU.",
    )
    m = map_paper(p, onto)
    assert m.in_scope and "technique/kv-cache-merging" in _studies(m)
    assert _targets(m, RelType.PROPOSES) == {"method/mergekv"}
    assert _targets(m, RelType.HAS_COMPONENT) == {"method/sb", "method/wf"}
    assert {"model/llama-2-7b-chat", "model/mistral-7b", "dataset/longbench"} <= _targets(m, RelType.EVALUATED_ON)
    runs = [r for r in m.relations if r.type is RelType.RUNS_ON]
    assert [(r.target, r.qualifier) for r in runs] == [("hardware/nvidia-a100", "1x80GB")]  # one device, 80 GB each
    assert "hwclass/gpu" in _targets(m, RelType.TARGETS)
    assert "memory/kv-cache" in _targets(m, RelType.REDUCES)
    assert ("method/mergekv", "technique/kv-cache-merging") in {
        (r.source, r.target) for r in m.relations if r.type is RelType.INSTANCE_OF}


def test_agent_memory_is_out_of_scope(onto: ontology.Ontology) -> None:
    p = _paper(
        "RecallBook: Long-Term Memory for Conversational Agents",
        "LLM agents forget what users told them in earlier sessions. We introduce RecallBook, a long-term memory "
        "system that writes dialogue summaries into a memory bank and retrieves them for later conversations. "
        "On LoCoMo, agents with RecallBook answer more questions about past sessions.",
    )
    m = map_paper(p, onto)
    assert not m.in_scope and m.topic == "topic/agent-memory"
    assert _targets(m, RelType.PROPOSES) == {"method/recallbook"}
    assert "dataset/locomo" in _targets(m, RelType.EVALUATED_ON)
    assert not any(t.startswith("technique/") for t in _studies(m))


def test_an_acronym_defined_in_the_abstract_wins_over_the_catalog(onto: ontology.Ontology) -> None:
    p = _paper(
        "Flat Minima for Quantized Networks",
        "Sharpness-aware minimization (SAM) finds flat minima. We apply SAM during quantization-aware training of "
        "ResNet-18 on CIFAR-10 so that 4-bit weights lose less accuracy.",
    )
    m = map_paper(p, onto)
    models = _targets(m, RelType.EVALUATED_ON)
    assert "model/resnet-18" in models and not any(x.startswith("model/sam") for x in models)
    assert "technique/quantization-aware-training" in _studies(m)
    unlinked = {men.text: men.reason for men in m.mentions if men.label is NodeLabel.MODEL and men.entity_id is None}
    assert unlinked.get("SAM") == "acronym-defined-otherwise"


def test_models_outside_the_catalog_get_their_props(onto: ontology.Ontology) -> None:
    p = _paper(
        "Pruning Experts of a Sparse Model",
        "We prune whole experts of Zorblax-MoE 52B and of Mixtral 8x7B, keeping accuracy on MMLU.",
    )
    m = map_paper(p, onto)
    ents = {e.id: e for e in m.entities}
    assert "model/zorblax-moe-52b" in _targets(m, RelType.EVALUATED_ON)
    assert ents["model/zorblax-moe-52b"].props["params"] == 52e9
    assert "technique/expert-pruning" in _studies(m)
    member = {(r.source, r.target) for r in m.relations if r.type is RelType.MEMBER_OF}
    assert not any(s == "model/zorblax-moe-52b" for s, _ in member)  # no such family in the catalog


def test_stated_savings_put_an_unnamed_method_in_scope(onto: ontology.Ontology) -> None:
    p = _paper(
        "Quillnet: Reducing the Inference Cost of Speech Recognition",
        "Speech recognizers are too large for many uses. We propose Quillnet, a convolutional recognizer with a new "
        "stem. Quillnet cuts inference latency by 3x and uses 40% fewer parameters than a comparable baseline on "
        "LibriSpeech.",
    )
    m = map_paper(p, onto)
    assert m.in_scope and _studies(m)  # no class is named, but the savings are the contribution


def test_what_a_method_can_be_combined_with_is_not_what_it_studies(onto: ontology.Ontology) -> None:
    p = _paper(
        "DropKV: Keeping Only the Heavy Tokens",
        "We propose DropKV, which evicts KV cache entries of tokens that receive little attention under a fixed "
        "budget. DropKV can be further combined with 4-bit quantization of the remaining cache for larger savings.",
    )
    studies = _studies(map_paper(p, onto))
    assert "technique/kv-cache-eviction" in studies
    assert not studies & {"technique/kv-cache-quantization", "technique/quantization"}


def test_deployment_named_only_in_the_motivation_is_not_a_class(onto: ontology.Ontology) -> None:
    motivation = "Large models are hard to run on mobile phones. "
    method = "We propose SlimQ, a post-training quantization method that stores weights in 3 bits. "
    in_motivation = _studies(map_paper(_paper("SlimQ: Three-Bit Weights", motivation + method), onto))
    in_title = _studies(map_paper(_paper("SlimQ: Three-Bit Weights for Mobile Phones", motivation + method), onto))
    assert "technique/post-training-quantization" in in_motivation
    assert "technique/on-device-inference" not in in_motivation
    assert "technique/on-device-inference" in in_title


def test_background_words_alone_do_not_make_a_class(onto: ontology.Ontology) -> None:
    p = _paper(
        "Comparing Hybrid Models for Crop Yields",
        "Hybrid models mix statistics and learning. We compare hybrid models with plain regressions for crop "
        "yields and find hybrid models more accurate on three farms.",
    )
    assert "technique/hybrid-attention-ssm" not in _studies(map_paper(p, onto))


def test_named_parts_and_coined_datasets_from_their_context(onto: ontology.Ontology) -> None:
    p = _paper(
        "TorchLite: Sparse Attention Accelerator",
        "We present TorchLite, an accelerator for sparse attention. We also propose cascade head pruning to remove "
        "heads that matter little, and we introduce the Stream Buffer technique that reuses fetched keys. "
        "TorchLite is evaluated on WikiText-2 and Qorvex-9 and on the PlimSet dataset.",
    )
    m = map_paper(p, onto)
    assert {"method/cascade-head-pruning", "method/stream-buffer"} <= _targets(m, RelType.HAS_COMPONENT)
    assert {"dataset/wikitext-2", "dataset/qorvex-9", "dataset/plimset"} <= _targets(m, RelType.EVALUATED_ON)


def test_the_paper_level_memory_field_comes_from_the_mapper_only() -> None:
    from kg.records import Evidence, Relation
    from loaders.mapping.evaluation import predicted

    def rel(src: str, tgt: str, extractor: str) -> Relation:
        ev = Evidence(paper_id="paper/t-000000000001", sentence="s", start=0, end=1, extractor=extractor,
                      version="1", confidence=0.6)
        return Relation(type=RelType.REDUCES, source=src, target=tgt, evidence=ev)

    m = Mapping(paper_id="paper/t-000000000001", in_scope=True, relations=(
        rel("method/foo", "memory/kv-cache", "mapper"), rel("method/bar", "memory/weights", "relations")))
    assert predicted(m)["memory_components"] == {"memory/kv-cache"}


def test_dev_folds_are_fixed_and_cover_every_paper() -> None:
    from loaders.mapping.evaluation import fold_of, load_annotations, select_folds

    ann = load_annotations(Path(__file__).resolve().parent / "devset" / "mapping_dev.jsonl")
    folds = [select_folds(ann, [k]) for k in range(5)]
    assert sum(len(f) for f in folds) == len(ann) and all(folds)
    assert fold_of(ann[0].title) == fold_of(ann[0].title)


def test_a_model_states_its_architecture_only_where_its_family_does_not(onto: ontology.Ontology) -> None:
    p = _paper("TinyStack: quantizing three chat models",
               "We quantize Llama 3.2 3B, RecurrentGemma 9B and Mixtral 8x7B to four bits with TinyStack.")
    facts = {(r.type, r.source, r.target) for r in map_paper(p, onto).relations}
    # a member of a family inherits the family's architecture: no model-level edge
    assert (RelType.MEMBER_OF, "model/llama-3.2-3b", "family/llama") in facts
    assert not any(t is RelType.USES_ARCHITECTURE and s == "model/llama-3.2-3b" for t, s, _ in facts)
    # a member that departs from its family (a hybrid among transformers) says so
    assert (RelType.USES_ARCHITECTURE, "model/recurrentgemma-9b", "arch/hybrid") in facts
    # Mixtral is a family of its own (mixture of experts), not a Mistral member
    g, _ = assemble([p], [map_paper(p, onto)], onto)
    assert g.has_edge("model/mixtral-8x7b", "family/mixtral", "MEMBER_OF")
    assert g.has_edge("family/mixtral", "arch/moe", "USES_ARCHITECTURE")


def test_an_unnumbered_first_version_beside_its_successor_is_a_model(onto: ontology.Ontology) -> None:
    p = _paper("Tuning recurrent language models in half precision",
               "We fine-tune Mamba and Mamba-2 models in bf16 and report that both keep their accuracy. "
               "Mamba models are more stable than Transformers of the same size.")
    evaluated = {r.target for r in map_paper(p, onto).relations if r.type is RelType.EVALUATED_ON}
    # "Mamba and Mamba-2": the first Mamba (which carries no number), not only the family of both
    assert {"model/mamba", "model/mamba-2"} <= evaluated
    # a bare name that introduces members of its family is still the family, not a model
    q = _paper("Four-bit chat models", "We quantize Llama models such as Llama-2-7B to four bits with no loss.")
    assert "model/llama" not in {r.target for r in map_paper(q, onto).relations if r.type is RelType.EVALUATED_ON}


def test_data_sets_introduced_by_namely_are_data_not_methods(onto: ontology.Ontology) -> None:
    p = _paper("TrimSpeech: a smaller speech recogniser",
               "We present TrimSpeech, a lightweight recogniser that compresses Transformer speech models by sharing "
               "attention weights across layers to cut memory and computation. "
               "TrimSpeech is tested on two public datasets, namely Aishell-1 and HKUST, and cuts the parameters "
               "by 30% with a character error rate (CER) within 0.1% of the baseline.")
    m = map_paper(p, onto)
    assert {r.target for r in m.relations if r.type is RelType.PROPOSES} == {"method/trimspeech"}
    assert {"dataset/aishell-1", "dataset/hkust"} <= {r.target for r in m.relations if r.type is RelType.EVALUATED_ON}
    # a metric's acronym is no part of the method
    assert not any(r.type is RelType.HAS_COMPONENT and r.target == "method/cer" for r in m.relations)
    assert {r.subject for r in m.results} <= {"method/trimspeech"}


def test_an_abbreviated_model_name_is_the_model_written_out(onto: ontology.Ontology) -> None:
    p = _paper("FewStep: four-step image generation",
               "We distil SD3.5 into a four-step sampler that runs 8x faster on an A100 GPU, and compare it with "
               "Stable Diffusion 3.5 itself. The SD of the latency over ten runs is below 2%.")
    evaluated = {r.target for r in map_paper(p, onto).relations if r.type is RelType.EVALUATED_ON}
    # both spellings give one model; "SD" alone (here a standard deviation) is no model
    assert "model/stable-diffusion-3.5" in evaluated
    assert not evaluated & {"model/sd", "model/sd3", "model/stable-diffusion"}
