"""Hardware classes and memory components: passing phrases that name no target (stop 19).

Each abstract is written for its test, not copied from a seed paper.
"""

from __future__ import annotations

import ontology
from kg.records import Mapping
from loaders.mapping import map_paper
from ontology.vocab import RelType
from tests.graphdata import written_paper as _paper

GPU = "hwclass/gpu"
CPU = "hwclass/cpu"
EDGE = "hwclass/edge-device"


def _map(title: str, abstract: str, onto: ontology.Ontology) -> Mapping:
    return map_paper(_paper(title, abstract), onto)


def _targets(m: Mapping) -> set[str]:
    return {r.target for r in m.relations if r.type is RelType.TARGETS and r.source == m.paper_id}


def test_a_device_given_as_an_example_of_the_fields_hardware_is_no_target(onto: ontology.Ontology) -> None:
    abstract = ("Recent AI chips, such as NVIDIA's Hopper architecture, add 8-bit floating-point units. We compare "
                "integer and floating-point formats for 8-bit language model inference and find that block-wise "
                "integer scaling matches the accuracy of floating point.")
    assert GPU not in _targets(_map("Integers Still Matter: 8-bit Formats Compared", abstract, onto))
    laptops = ("Laptop accelerators (e.g., Apple M3 Max) now run small language models at interactive speed. We "
               "measure the accuracy per joule of twelve small models on a million chat queries.")
    assert CPU not in _targets(_map("Joules per Answer: Measuring Local Language Models", laptops, onto))


def test_a_device_given_as_an_example_of_where_the_paper_runs_stays(onto: ontology.Ontology) -> None:
    abstract = ("We present TinyGate, a gated keyword spotter. We deploy TinyGate on small single-board computers "
                "such as a Raspberry Pi 4, where it answers within 20 ms.")
    assert EDGE in _targets(_map("TinyGate: Keyword Spotting on a Budget", abstract, onto))
    gpus = ("We present FastLoad, a loader for sparse checkpoints. FastLoad runs on data-centre GPUs (e.g., NVIDIA "
            "A100) and halves start-up time.")
    assert GPU in _targets(_map("FastLoad: Loading Sparse Checkpoints", gpus, onto))


def test_edge_devices_named_only_as_the_fields_need_are_not_targeted(onto: ontology.Ontology) -> None:
    need = ("Continual speech adaptation will often run on edge devices, so keeping its memory small is crucial. "
            "We present LiteAdapt, which trains a few gain vectors on a frozen recogniser and stores no activations "
            "of the backbone. LiteAdapt uses 70% less memory than full adaptation.")
    assert EDGE not in _targets(_map("LiteAdapt: Memory-Light Continual Speech Adaptation", need, onto))
    wearables = ("Sleep staging is essential for home monitoring, with uses from clinics to wearable devices. "
                 "We present SleepSSM, a state-space model for long sleep recordings that scales linearly with "
                 "their length.")
    assert EDGE not in _targets(_map("SleepSSM: Linear-Time Sleep Staging", wearables, onto))
    # the same class named where the method is run stays
    run = need.replace("full adaptation.", "full adaptation and runs on a Raspberry Pi 4 edge device.")
    assert EDGE in _targets(_map("LiteAdapt: Memory-Light Continual Speech Adaptation", run, onto))



def _classes_without_techniques(title: str, abstract: str) -> set[str]:
    """The hardware classes of a text read with no technique class (as for a paper outside the field)."""
    from loaders.mapping import hardware as hw
    from loaders.mapping.linker import _hardware_classes
    from loaders.mapping.text import split_sentences

    text = title + "\n\n" + abstract
    starts = [x.start for x in split_sentences(text, title_end=len(title))]
    return set(_hardware_classes(text, starts, [], list(hw.find_hardware(text)), (), lambda *a, **k: None))


def test_an_fpga_design_outside_the_field_names_cpus_as_its_host_and_baseline() -> None:
    fpga = ("Oblivious RAM hides access patterns at a heavy cost in bandwidth. We present VaultRAM, a controller "
            "that keeps its position map in on-package HBM, with request parsing left to an Intel Xeon host. We "
            "build VaultRAM on a Xilinx Alveo U280 board.")
    assert _classes_without_techniques("VaultRAM: Oblivious RAM in HBM", fpga) == {"hwclass/fpga"}
    # a CPU system with no accelerator of its own keeps its class
    cpu = fpga.replace(" We build VaultRAM on a Xilinx Alveo U280 board.", "")
    assert _classes_without_techniques("VaultRAM: Oblivious RAM in HBM", cpu) == {CPU}


def test_the_seed_fpga_oblivious_map_is_not_a_cpu_paper(onto: ontology.Ontology) -> None:
    from loaders.mapping.corpus import load_seed_papers

    papers = [p for p in load_seed_papers() if "U55C" in p.text and "blivious" in p.text]
    assert papers
    for p in papers:
        targets = _targets(map_paper(p, onto))
        assert "hwclass/fpga" in targets and CPU not in targets



def test_a_gpu_opening_a_parenthesised_example_is_no_target_of_an_io_bound(onto: ontology.Ontology) -> None:
    bound = ("IO-aware exact attention algorithms such as FlashAttention tile the computation to reduce memory "
             "traffic. We study a two-level memory model with a small fast memory (e.g. GPU shared memory) and a "
             "large slow memory (e.g. GPU DRAM), and prove a lower bound on the number of reads and writes any exact "
             "attention algorithm needs. We show that tiled attention meets the bound up to constant factors.")
    m = _map("On the IO Cost of Exact Attention", bound, onto)
    assert "technique/io-aware-attention" in {r.target for r in m.relations if r.type is RelType.STUDIES}
    assert GPU not in _targets(m)
    # the same GPU named as where a kernel runs stays
    kernel = bound.replace("We show that tiled attention", "Our tiled kernel for the GPU")
    assert GPU in _targets(_map("On the IO Cost of Exact Attention", kernel, onto))



def test_a_device_where_another_method_falls_short_is_no_target(onto: ontology.Ontology) -> None:
    abstract = ("Speech recognisers waste compute on easy utterances. Early-exit decoding skips layers per utterance, "
                "but it breaks batched decoding on GPUs. We propose ExitRoute, which routes each utterance to one of "
                "four pruned decoders chosen by a small classifier, and cut average decoding cost by 35%.")
    assert GPU not in _targets(_map("ExitRoute: Routing Utterances to Pruned Decoders", abstract, onto))
    # the paper's own sentence with the same turn of phrase names its setting
    own = abstract.replace("and cut average decoding cost by 35%.",
                           "and keep batches whole, but they run on GPUs with 35% less decoding cost.")
    own = own.replace("We propose ExitRoute, which", "We propose ExitRoute. Our router")
    assert GPU in _targets(_map("ExitRoute: Routing Utterances to Pruned Decoders", own, onto))



def test_on_device_latency_is_a_metric_not_a_device_target(onto: ontology.Ontology) -> None:
    abstract = ("Choosing per-layer ranks for low-rank compression by hand is slow. We present RankSearch, which learns "
                "every layer's rank in one training run and optimizes for FLOPs or for on-device latency. On ImageNet, "
                "RankSearch cuts FLOPs by 30% and on-device latency by 12% at equal accuracy.")
    assert EDGE not in _targets(_map("RankSearch: One-Shot Rank Selection", abstract, onto))
    deployed = abstract.replace("at equal accuracy.", "at equal accuracy, for on-device inference on edge devices.")
    assert EDGE in _targets(_map("RankSearch: One-Shot Rank Selection", deployed, onto))


def _reduces(m: Mapping) -> set[str]:
    from loaders.mapping.evaluation import predicted

    return predicted(m)["memory_components"]


def test_a_recurrent_model_that_decodes_nothing_saves_no_kv_cache(onto: ontology.Ontology) -> None:
    video = ("We propose GRUVid, a video classification backbone in which gated linear recurrent units mix "
             "information over frames and self-attention mixes patches within each frame. GRUVid matches a pure "
             "attention video transformer on action recognition benchmarks while using a 10x smaller memory "
             "footprint.")
    assert "memory/kv-cache" not in _reduces(_map("GRUVid: Gated Recurrent Units for Action Recognition", video, onto))
    # a recurrent model that generates keeps a fixed state in place of the cache
    lm = ("We propose GRULM, a language model in which gated linear recurrent units replace self-attention. GRULM "
          "matches a transformer of the same size on language modeling benchmarks while using a 10x smaller memory "
          "footprint during generation.")
    assert "memory/kv-cache" in _reduces(_map("GRULM: Gated Recurrent Units for Language Modeling", lm, onto))
