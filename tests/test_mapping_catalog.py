"""The catalog files are the rendering of loaders/mapping/catalog.py and load into the ontology."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

import ontology
from loaders.mapping import catalog
from loaders.mapping.hardware import find_hardware
from loaders.mapping.models import parse_model_name

ONTOLOGY_DIR = Path(catalog.__file__).resolve().parents[2] / "ontology"


@pytest.mark.parametrize("name", sorted(catalog.CATALOG_FILES))
def test_committed_catalog_equals_its_rendering(name: str) -> None:
    committed = rdflib.Graph().parse(ONTOLOGY_DIR / name, format="turtle")
    rendered = rdflib.Graph().parse(data=catalog.CATALOG_FILES[name](), format="turtle")
    assert isomorphic(committed, rendered), f"run: python -c 'from loaders.mapping.catalog import write_catalogs; write_catalogs()'"


def test_catalog_nodes_load_with_their_edges() -> None:
    onto = ontology.load()
    ids = {n.id for n in onto.nodes()}
    assert {"dataset/imagenet", "dataset/wikitext-2", "hardware/nvidia-a100", "family/llama", "model/llama-2-7b"} <= ids
    edges = {(r.value, s, t) for r, s, t in onto.edges()}
    assert ("MEMBER_OF", "model/llama-2-7b", "family/llama") in edges
    assert ("INSTANCE_OF", "hardware/nvidia-a100", "hwclass/datacenter-gpu") in edges


def test_catalog_ids_match_what_the_grammars_produce() -> None:
    for entry in catalog.HARDWARE:
        found = [d.id for d in find_hardware(f"on the {entry.name} chips")]
        assert found == [entry.id], entry.name
    for entry in catalog.MODELS:
        assert parse_model_name(entry.name).id.startswith("model/")


def test_no_label_names_two_catalog_entries() -> None:
    owners = catalog.label_owners()
    clashes = {k: v for k, v in owners.items()
               if len(v) > 1 and any(x.split("/")[0] in ("dataset", "hardware", "family", "model") for x in v)}
    assert clashes == {}
