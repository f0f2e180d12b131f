"""Schemathesis against the explorer's own OpenAPI schema, in-process, bounded.

Every operation of ``/api/openapi.json`` gets generated requests, valid and invalid: no answer may
be a 5xx, each must match its documented status codes, content types and response schemas, and
invalid input must be rejected with a 4xx. Schema-valid input can still name an unknown entity
(404) or be inconsistent (``a`` equal to ``b``: 400), so those count as accepted answers.
"""

from __future__ import annotations

import json
import tempfile
import time
import weakref
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from kg.store import open_store
from kg.web import create_app
from kg.web.sample import sample_graph

MAX_EXAMPLES = 20
"""Examples per operation and generation mode: bounded so the whole run takes seconds, not minutes."""

CONFIG = SchemathesisConfig.from_dict({
    "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "400", "404"]}},
})


def _app():
    # Built at import: schemathesis makes one test per operation at collection time, so the app must
    # exist then (its lazy fixture loader does not run on this pytest). The store is a temporary folder.
    folder = tempfile.TemporaryDirectory(prefix="effkg-schema-")
    weakref.finalize(_app, folder.cleanup)
    st = open_store(str(Path(folder.name) / "kg"))
    st.write(sample_graph())
    return create_app(st)


schema = schemathesis.openapi.from_asgi("/api/openapi.json", _app(), config=CONFIG)


RUN: dict[str, Counter[str]] = defaultdict(Counter)
"""Requests sent per operation and answer status class, written to artifacts/web/schemathesis.json."""


@pytest.fixture(scope="module", autouse=True)
def _report(artifacts_dir: Path):
    started = time.perf_counter()
    yield
    folder = artifacts_dir / "web"
    folder.mkdir(exist_ok=True)
    total = sum(sum(c.values()) for c in RUN.values())
    summary = {"operations": len(RUN), "requests": total, "seconds": round(time.perf_counter() - started, 2),
               "max_examples": MAX_EXAMPLES, "per_operation": {k: dict(v) for k, v in sorted(RUN.items())}}
    (folder / "schemathesis.json").write_text(json.dumps(summary, indent=2))


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_conforms_to_its_schema(case):
    response = case.call_and_validate()
    RUN[f"{case.method} {case.path}"][f"{response.status_code // 100}xx"] += 1
