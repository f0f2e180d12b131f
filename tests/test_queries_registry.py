"""The registry of named queries: names, Cypher files, parameter specs, docs."""

from __future__ import annotations

import doctest
import importlib
import re

import pytest
from pydantic import ValidationError

import queries
from queries.model import QUERY_DIR, ParamSpec, QueryResult, QuerySpec

MODULES = ["queries", "queries.model", "queries.registry", "queries.resolution", "queries._shape", "queries._graph",
           "queries.lookups", "queries.structure", "queries.walk", "queries.papers", "queries.finder", "queries.samples", "queries.docs", "kg.cli.query"]


def test_at_least_the_twelve_questions_are_answered():
    names = {q.name for q in queries.list_queries()}
    assert {"techniques-for-model", "technique-evaluations", "papers-combining", "taxonomy", "path",
            "techniques-for-target", "best-results", "neighbourhood", "similar-papers", "gaps", "timeline",
            "search"} <= names


@pytest.mark.parametrize("spec", queries.list_queries(), ids=lambda s: s.name)
def test_each_query_has_a_cypher_file_and_a_complete_spec(spec: QuerySpec):
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", spec.name)
    path = QUERY_DIR / spec.cypher_file
    assert path.is_file() and spec.cypher_file == spec.name.replace("-", "_") + ".cypher"
    text = spec.cypher()
    # Every parameter the Cypher uses is a declared parameter (values travel only as $params).
    used = set(re.findall(r"\$([a-z_]+)", text))
    staged = {"labels", "alias_props"} if queries.get(spec.name).fetch else set()
    assert used <= {p.name for p in spec.params} | staged, used
    assert spec.title.endswith("?") and spec.description and spec.columns and spec.examples
    assert set(spec.table_columns) <= set(spec.columns)
    for p in spec.params:
        if p.type == "entity" and p.labels:
            assert p.labels and all(lbl[0].isupper() for lbl in p.labels)


def test_no_stray_cypher_files():
    files = {p.name for p in QUERY_DIR.glob("*.cypher")}
    assert files == {q.cypher_file for q in queries.list_queries()}


def test_records_are_frozen():
    spec = queries.get("taxonomy").spec
    with pytest.raises(ValidationError):
        spec.name = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        ParamSpec(name="Bad-Name", type="int", help="x")
    with pytest.raises(ValidationError):
        QuerySpec(name="Not_Kebab", title="t?", description="d", columns=("a",))
    r = QueryResult(query="taxonomy", columns=("a",))
    with pytest.raises(ValidationError):
        r.rows = ()  # type: ignore[misc]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_public_api_is_documented():
    for name in queries.__all__:
        obj = getattr(queries, name)
        assert obj.__doc__, name


def test_reference_page_is_current():
    from queries.docs import markdown

    page = (QUERY_DIR / "README.md").read_text(encoding="utf-8")
    assert page == markdown(), "regenerate: .venv/bin/python -m queries.docs > queries/README.md"
