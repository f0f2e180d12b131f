"""Well-known benchmarks and model families of the catalog, linked from small texts written for these
tests; names that are also ordinary words or other things stay unlinked without a data context."""

from __future__ import annotations

import ontology
from kg.records import Mapping
from loaders.mapping import map_paper
from loaders.mapping.models import find_models
from ontology.vocab import RelType
from tests.graphdata import written_paper as _paper


def _targets(m: Mapping, prefix: str) -> set[str]:
    return {r.target for r in m.relations if r.source == m.paper_id and r.target.startswith(prefix)}


def test_glue_tasks_and_text_classification_sets_are_linked(onto: ontology.Ontology) -> None:
    p = _paper(
        "TinyTune: Few Trainable Weights for Sentence Tasks",
        "We propose TinyTune, which trains one vector per layer. On QQP, RTE, CoLA and STS-B it stays within a "
        "point of full tuning, and on IMDB, AG News and Amazon Reviews it trains 3x faster. A Chinese run on "
        "C-Eval and CMMLU shows the same trend.",
    )
    got = _targets(map_paper(p, onto), "dataset/")
    assert {"dataset/qqp", "dataset/rte", "dataset/cola", "dataset/sts-b", "dataset/imdb", "dataset/ag-news",
            "dataset/amazon-reviews", "dataset/ceval", "dataset/cmmlu"} <= got


def test_vision_long_context_and_speech_sets_are_linked(onto: ontology.Ontology) -> None:
    p = _paper(
        "Sparse Probes for Frozen Encoders",
        "Linear probes on Food-101, Oxford-IIIT Pets, EuroSAT and ImageNet-R keep 98% of the accuracy with a tenth "
        "of the features. The same probes on NarrativeQA, Qasper and GovReport, and on AISHELL-1 and TIMIT, cut "
        "the memory of the cache by half.",
    )
    got = _targets(map_paper(p, onto), "dataset/")
    assert {"dataset/food-101", "dataset/oxford-pets", "dataset/eurosat", "dataset/imagenet-r",
            "dataset/narrativeqa", "dataset/qasper", "dataset/govreport", "dataset/aishell-1",
            "dataset/timit"} <= got


def test_a_name_that_is_also_a_company_or_a_word_needs_a_data_context(onto: ontology.Ontology) -> None:
    p = _paper(
        "Serving Reviews Faster",
        "Companies such as Yelp serve millions of pages a day. We prune a ranking network by 60% with no loss in "
        "quality and record the race between latency and accuracy in a cost model.",
    )
    assert _targets(map_paper(p, onto), "dataset/") == set()


def test_sized_models_of_new_families_are_linked_and_word_like_bare_names_are_not(onto: ontology.Ontology) -> None:
    p = _paper(
        "Pruning Open Chat Models",
        "We prune MPT-7B, Zephyr-7B and StableLM-3B, and compare with GoogLeNet-sized vision models such as "
        "Xception. A Zephyr board at the edge and the Chinchilla scaling law are background here.",
    )
    got = _targets(map_paper(p, onto), "model/")
    assert {"model/mpt-7b", "model/zephyr-7b", "model/stablelm-3b", "model/xception"} <= got
    assert not got & {"model/zephyr", "model/chinchilla"}


def test_a_longer_spelling_does_not_hide_a_shorter_one() -> None:
    # (the plural "ViTs" is the ViT family, not a longer name that happens to start the same way)
    assert [m.id for m in find_models("Vision Transformers (ViTs) and SE-ResNet-50 and Flan-UL2")] == [
        "model/vit", "model/se-resnet-50", "model/flan-ul2"]


def test_names_of_the_second_batch_parse_to_their_own_ids() -> None:
    found = [m.id for m in find_models("Minitron-4B, OWL-ViT, BiSeNetV2, SpeechT5, Pangu-Weather and TinyLLaVA")]
    assert found == ["model/minitron-4b", "model/owl-vit", "model/bisenet-v2", "model/speecht5",
                     "model/pangu-weather", "model/tinyllava"]
