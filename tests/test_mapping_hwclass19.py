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
