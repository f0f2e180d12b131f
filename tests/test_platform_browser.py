"""The test browser is a real headless Chromium: it loads pages from a local HTTP server, runs their
JavaScript (including cytoscape from node_modules) and writes screenshots into artifacts/."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.test_platform_neo4j_server import record_timing

pytestmark = pytest.mark.browser

CYTOSCAPE_JS = REPO_ROOT / "node_modules" / "cytoscape" / "dist" / "cytoscape.min.js"

# Written for this test: a page whose script changes the DOM, so a pass proves JavaScript ran.
INDEX_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>effkg platform probe</title></head>
<body style="font-family: sans-serif">
<h1 id="status">static</h1>
<div id="graph" style="width: 600px; height: 300px; border: 1px solid #999"></div>
<script>document.getElementById("status").textContent = "scripted " + (2 * 21);</script>
</body></html>
"""

GRAPH_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>cytoscape probe</title>
<script src="cytoscape.min.js"></script></head>
<body><div id="cy" style="width: 600px; height: 400px"></div>
<script>
window.cy = cytoscape({
  container: document.getElementById("cy"),
  elements: [
    {data: {id: "technique/quantization", label: "quantization"}},
    {data: {id: "model/llama-2-7b", label: "llama-2-7b"}},
    {data: {id: "hardware/nvidia-a100", label: "nvidia-a100"}},
    {data: {source: "technique/quantization", target: "model/llama-2-7b"}},
    {data: {source: "model/llama-2-7b", target: "hardware/nvidia-a100"}}
  ],
  style: [{selector: "node", style: {label: "data(label)"}}],
  layout: {name: "circle"}
});
window.ready = true;
</script></body></html>
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """A folder served by http.server on a free local port; yields its base URL."""
    (tmp_path / "index.html").write_text(INDEX_HTML, encoding="utf-8")
    (tmp_path / "graph.html").write_text(GRAPH_HTML, encoding="utf-8")
    if CYTOSCAPE_JS.is_file():
        shutil.copy(CYTOSCAPE_JS, tmp_path / "cytoscape.min.js")
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_page_from_local_server_runs_script_and_screenshots(page, site, artifacts_dir):
    started = time.perf_counter()
    response = page.goto(f"{site}/index.html")
    assert response is not None and response.status == 200
    assert page.text_content("#status") == "scripted 42"
    shot = artifacts_dir / "platform-browser.png"
    page.screenshot(path=str(shot), full_page=True)
    record_timing(artifacts_dir, "browser_page_and_screenshot", time.perf_counter() - started)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 1000


def test_cytoscape_from_node_modules_renders_a_graph(page, site, artifacts_dir):
    assert CYTOSCAPE_JS.is_file(), f"{CYTOSCAPE_JS} missing: run `make setup` (npm ci)"
    page.goto(f"{site}/graph.html")
    page.wait_for_function("window.ready === true", timeout=10_000)
    assert page.evaluate("cy.nodes().length") == 3
    assert page.evaluate("cy.edges().length") == 2
    # The canvas renderer draws something non-blank into the container.
    assert page.evaluate("document.querySelectorAll('#cy canvas').length") >= 1
    page.screenshot(path=str(artifacts_dir / "platform-cytoscape.png"))


def test_browser_is_the_system_chromium(browser, chromium_path):
    assert chromium_path.is_file()
    major = int(browser.version.split(".")[0])
    assert major >= 100, browser.version
