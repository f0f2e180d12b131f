"""The explorer in a real headless Chromium (Debian's, driven by Playwright), on both stores.

A user's session: search a method, see it on the canvas, click it and read the evidence sentence
in the panel, expand it, run a path query and see the path highlighted, run a named query, filter,
export, and reload the shared URL to get the same view. Screenshots go to ``artifacts/web/``.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from kg.build import build
from kg.store import open_store
from kg.store.base import GraphStore
from kg.web import create_app

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]


class LiveServer:
    """The app under uvicorn in a thread, on a free 127.0.0.1 port."""

    def __init__(self, store: GraphStore) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(store), log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the explorer did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


NASTY_TITLE = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Quantising "everything" & more'


@pytest.fixture(scope="module")
def seed_store(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    """The graph built from the seeds, plus one listing of our own whose title is markup and script."""
    extra = tmp_path_factory.mktemp("extra") / "markup.jsonl"
    extra.write_text(json.dumps({
        "title": NASTY_TITLE,
        "abstract": "We apply post-training quantization to Llama-2-7B and store its weights in four bits. "
                    "On an NVIDIA A100 the quantized model answers twice as fast as the FP16 baseline.",
        "date": "2024-05-01",
    }) + "\n")
    st = open_store(str(tmp_path_factory.mktemp("seedkg") / "kg"))
    report = build([seeds_dir, extra], st)
    assert report.papers_total > 400
    return st


@pytest.fixture(scope="module")
def neo4j_store(neo4j_server, seed_store):
    """One Neo4j store for the module, holding the same graph (written once: it takes seconds)."""
    st = open_store(neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password)
    yield st
    st.close()


@pytest.fixture(params=["embedded", "neo4j"])
def server(request: pytest.FixtureRequest, seed_store: GraphStore) -> Iterator[LiveServer]:
    if request.param == "embedded":
        st = seed_store
    else:
        st = request.getfixturevalue("neo4j_store")
        # Another module may have wiped the shared server since the last test: write only when needed.
        if st.stats() != seed_store.stats():
            st.write(seed_store.read())
    with LiveServer(st) as live:
        live.kind = request.param  # type: ignore[attr-defined]
        yield live


@pytest.fixture
def shots(artifacts_dir: Path, server: LiveServer, request: pytest.FixtureRequest):
    folder = artifacts_dir / "web"
    folder.mkdir(exist_ok=True)

    def shot(page, name: str) -> Path:
        path = folder / f"{request.node.originalname}-{server.kind}-{name}.png"  # type: ignore[attr-defined]
        page.screenshot(path=str(path))
        return path

    return shot


@pytest.fixture
def watched(page):
    """The page, with every console error, page error and dialog recorded (none may happen)."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

    def dialog(d) -> None:
        problems.append(f"dialog: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.problems = problems
    yield page
    assert not problems, problems


def renders(page) -> int:
    return int(page.evaluate("document.body.dataset.renders || '0'"))


def settle(page, after: int) -> None:
    """Wait until the page drew more than ``after`` times and nothing is loading."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if renders(page) > after and page.evaluate("document.body.dataset.busy") == "0":
            return
        page.wait_for_timeout(25)
    raise AssertionError("the page did not finish drawing")


def open_page(page, url: str) -> None:
    page.goto(url)
    settle(page, 0)


def canvas_ids(page) -> list[str]:
    return sorted(page.evaluate("window.effkg.cy.nodes().map(n => n.id())"))


def click_node(page, node_id: str, *, double: bool = False) -> None:
    """A real mouse click at the node's place on the canvas (after checking nothing covers it there)."""
    box = page.locator("#cy").bounding_box()
    pos = page.evaluate("id => window.effkg.cy.getElementById(id).renderedPosition()", node_id)
    on_top = page.evaluate(
        "id => { const cy = window.effkg.cy, p = cy.getElementById(id).position();"
        " const hit = cy.renderer().findNearestElement(p.x, p.y, true, false); return hit ? hit.id() : null; }",
        node_id,
    )
    assert on_top == node_id, f"{on_top} covers {node_id} on the canvas"
    x, y = box["x"] + pos["x"], box["y"] + pos["y"]
    if double:
        page.mouse.dblclick(x, y)
    else:
        page.mouse.click(x, y)


def pick_suggestion(page, input_selector: str, text: str, expect_id: str) -> None:
    page.fill(input_selector, text)
    option = page.locator(f"[role=option][data-id='{expect_id}']")
    option.wait_for(state="visible", timeout=10000)
    option.dispatch_event("mousedown")


def api(server: LiveServer, path: str, **params: object) -> dict:
    import httpx

    r = httpx.get(server.url + path, params=params, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def test_search_click_read_evidence_expand(watched, server, shots, seed_store):
    page = watched
    open_page(page, server.url + "/")
    assert page.locator("#welcome").is_visible()
    # a newcomer is offered the families the product is known for first, right after the suggested method
    chips = page.locator("#welcome-chips a").all_inner_texts()
    assert chips[1:5] == ["Quantization", "KV-cache compression", "Mixture of experts", "State-space models"], chips
    n = renders(page)
    pick_suggestion(page, "#search", "GaLo", "method/galore")
    settle(page, n)
    assert "focus=method%2Fgalore" in page.url
    shown = canvas_ids(page)
    assert "method/galore" in shown
    # What the proposing paper says it was evaluated on comes along on the canvas.
    g = seed_store.read()
    (paper,) = [u for u, _, k in g.in_edges("method/galore", keys=True) if k == "PROPOSES"]
    evaluated = {v for _, v, k in g.out_edges(paper, keys=True) if k == "EVALUATED_ON"}
    assert evaluated and evaluated <= set(shown)
    shots(page, "1-found")

    click_node(page, "method/galore")
    page.wait_for_selector("#details[data-id='method/galore']")
    sentence = g.edges[paper, "method/galore", "PROPOSES"]["sentences"][0]
    relations = page.locator("#relations")
    assert " ".join(sentence.split()) in " ".join(relations.inner_text().split())
    assert "proposed by" in relations.inner_text()
    source = g.nodes[paper]
    assert f"{Path(source['source_files'][0]).name}:{source['source_lines'][0]}" in relations.inner_text()
    evaluations = page.locator("#evaluations").inner_text()
    assert all(g.nodes[m]["name"] in evaluations for m in evaluated)
    # A sentence naming several of them is quoted once, under all of them.
    quoted = page.eval_on_selector_all("#evaluations .sent", "els => els.map(e => e.textContent)")
    assert quoted and len(quoted) == len(set(quoted)) and len(quoted) < len(evaluated)
    shots(page, "2-panel")

    before = set(canvas_ids(page))
    n = renders(page)
    click_node(page, "technique/low-rank-gradient-projection", double=True)
    settle(page, n)
    after = set(canvas_ids(page))
    assert "expand=technique%2Flow-rank-gradient-projection" in page.url
    siblings = {u for u, _, k in g.in_edges("technique/low-rank-gradient-projection", keys=True) if k == "INSTANCE_OF"}
    assert siblings - {"method/galore"} and siblings <= after
    assert after > before
    shots(page, "3-expanded")


VIEW_JS = (
    "(() => { const cy = window.effkg.cy; return {"
    " ids: cy.nodes().map(n => n.id()).sort(),"
    " path: cy.elements('.onpath').map(e => e.id()).sort(),"
    " sel: cy.nodes(':selected').map(n => n.id()),"
    " pos: Object.fromEntries(cy.nodes().map(n => [n.id(), n.position()])) }; })()"
)


def test_path_is_highlighted_and_the_link_reproduces_the_view(watched, server, shots, browser):
    page = watched
    open_page(page, server.url + "/?focus=method%2Fgalore")
    page.click("#tab-path")
    pick_suggestion(page, "#path-a", "GaLore", "method/galore")
    pick_suggestion(page, "#path-b", "RTX 4090", "hardware/nvidia-rtx-4090")
    n = renders(page)
    page.click("#path-run")
    settle(page, n)
    expected = api(server, "/api/path", a="method/galore", b="hardware/nvidia-rtx-4090")
    assert expected["paths"]
    on_path = set(page.evaluate("window.effkg.cy.nodes('.onpath').map(n => n.id())"))
    assert on_path == {r["id"] for p in expected["paths"] for r in p["nodes"]}
    hop_ids = {f"{h['source']}|{h['type']}|{h['target']}" for p in expected["paths"] for h in p["hops"]}
    assert set(page.evaluate("window.effkg.cy.edges('.onpath').map(e => e.id())")) == hop_ids
    assert page.evaluate("window.effkg.cy.nodes('.faded').length") > 0
    hops = " ".join(page.locator("#path-out").inner_text().split())
    for h in expected["paths"][0]["hops"]:
        if h["sentence"]:
            assert " ".join(h["sentence"].split()) in hops
    click_node(page, "memory/optimizer-states")
    page.wait_for_selector("#details[data-id='memory/optimizer-states']")
    shots(page, "1-path")

    shared = page.url
    view = page.evaluate(VIEW_JS)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        again = context.new_page()
        open_page(again, shared)
        again.wait_for_selector("#details[data-id='memory/optimizer-states']")
        view2 = again.evaluate(VIEW_JS)
        assert view2["ids"] == view["ids"]
        assert view2["path"] == view["path"]
        assert view2["sel"] == view["sel"] == ["memory/optimizer-states"]
        # The layout is a function of the content: the same link draws the same picture.
        for node_id, p in view["pos"].items():
            q = view2["pos"][node_id]
            assert abs(p["x"] - q["x"]) < 1 and abs(p["y"] - q["y"]) < 1, node_id
        assert again.locator("#tab-path").get_attribute("aria-selected") == "true"
        assert again.locator("#path-a").input_value() == "GaLore"
        shots(again, "2-reloaded")
    finally:
        context.close()


def test_markup_in_a_title_is_shown_as_text(watched, server, shots):
    page = watched
    open_page(page, server.url + "/")
    n = renders(page)
    pick_suggestion(page, "#search", "Quantising everything", _nasty_id())
    settle(page, n)
    page.wait_for_selector(f"#details[data-id='{_nasty_id()}']")
    assert page.locator("#details h2").inner_text() == NASTY_TITLE
    assert page.evaluate("window.__xss === undefined")
    assert page.locator("#details img, #details script").count() == 0
    assert page.evaluate("id => window.effkg.cy.getElementById(id).data('name')", _nasty_id()) == NASTY_TITLE
    shots(page, "1-markup-title")
    # The model it was evaluated on lists it, title and all, as text.
    click_node(page, "model/llama-2-7b")
    page.wait_for_selector("#details[data-id='model/llama-2-7b']")
    assert page.locator("#relations").get_by_text("<script>", exact=False).count() >= 1
    assert page.locator("#relations img, #relations script").count() == 0
    assert page.evaluate("window.__xss === undefined")
    shots(page, "2-markup-in-evidence")


def _nasty_id() -> str:
    from kg.ids import paper_id

    return paper_id(NASTY_TITLE)


def test_named_query_table_and_subgraph(watched, server, shots):
    page = watched
    open_page(page, server.url + "/")
    page.click("#tab-queries")
    page.wait_for_selector("#q-name option[value='technique-evaluations']", state="attached")
    page.select_option("#q-name", "technique-evaluations")
    page.fill("#q-form input[name='technique']", "GaLore")
    n = renders(page)
    page.click("#q-run")
    settle(page, n)
    expected = api(server, "/api/queries/technique-evaluations", technique="GaLore")
    table = page.locator("#drawer table.results")
    assert table.locator("tbody tr").count() == len(expected["rows"]) > 0
    for row in expected["rows"]:
        assert row["name"] in table.inner_text()
    answer = set(page.evaluate("window.effkg.cy.nodes('.answer').map(n => n.id())"))
    assert {r["id"] for r in expected["rows"]} <= answer
    assert "query=technique-evaluations" in page.url and "q.technique=GaLore" in page.url
    shots(page, "1-query")


def test_filters_taxonomy_and_exports(watched, server, shots, tmp_path):
    page = watched
    open_page(page, server.url + "/?focus=model%2Fllama-2-7b")
    assert any(i.startswith("paper/") for i in canvas_ids(page))
    page.locator("#f-labels input[value='Paper']").uncheck()
    n = renders(page)
    page.click("#f-apply")
    settle(page, n)
    assert not any(i.startswith("paper/") for i in canvas_ids(page))
    assert "labels=" in page.url

    page.click("#tab-taxonomy")
    link = page.locator("#taxonomy a.node", has_text="Quantization").first
    link.wait_for()
    assert "KV-cache compression" in page.locator("#taxonomy").inner_text()
    n = renders(page)
    link.click()
    settle(page, n)
    assert "focus=technique%2Fquantization" in page.url
    shots(page, "1-taxonomy")

    with page.expect_download() as dl:
        page.click("#btn-png")
    png = tmp_path / "view.png"
    dl.value.save_as(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as dl:
        page.click("#btn-json")
    doc = json.loads(Path(dl.value.path()).read_text())
    assert {n["id"] for n in doc["nodes"]} == set(canvas_ids(page))
    assert doc["state"]["focus"] == "technique/quantization"


def test_big_view_writes_the_other_labels_when_zoomed_in(watched, server, shots):
    """A big view labels its anchors and hubs at the fitted zoom; every node gets its label on zooming in."""
    page = watched
    open_page(page, server.url + "/?focus=hwclass%2Fgpu&expand=technique%2Fquantization")
    assert page.evaluate("window.effkg.cy.edges().length") > 160  # a "big" graph (BIG_GRAPH_EDGES)
    quiet = "window.effkg.cy.nodes().filter(n => !n.hasClass('lbl') && !n.hasClass('anchor'))"
    assert page.evaluate("window.effkg.cy.zoom()") < 0.7
    assert page.evaluate(f"{quiet}.filter(n => n.style('label') !== '').length") == 0
    assert page.evaluate("window.effkg.cy.nodes('.lbl').filter(n => n.style('label') === n.data('short')).length") > 0
    page.evaluate("(() => { const cy = window.effkg.cy; cy.zoom({level: 1.2, renderedPosition: {x: 300, y: 300}}); })()")
    assert page.evaluate(f"{quiet}.filter(n => n.style('label') !== n.data('short')).length") == 0
    shots(page, "zoomed-labels")


LABELS_UNDER_NODES_JS = """() => {
  const cy = window.effkg.cy;
  const bodies = cy.nodes().map(n => [n.id(), n.boundingBox({ includeLabels: false, includeOverlays: false })]);
  const covered = [];
  let overlapping = 0;
  cy.nodes('.lbl').not('.anchor').forEach(n => {
    const l = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
    const hit = bodies.filter(([id, b]) => id !== n.id() && b.x1 < l.x2 - 1 && l.x1 + 1 < b.x2 && b.y1 < l.y2 - 1 && l.y1 + 1 < b.y2);
    // a node under the label is fine when it is drawn first (lower z-index): the label is on top
    const above = hit.filter(([id]) => cy.getElementById(id).pstyle('z-index').value >= n.pstyle('z-index').value);
    if (above.length) covered.push([n.id(), above.map(([id]) => id)]);
    overlapping += hit.length ? 1 : 0;
  });
  return { labelled: cy.nodes('.lbl').not('.anchor').length, covered, overlapping };
}"""


def test_the_labels_of_a_big_view_are_not_drawn_under_other_nodes(watched, server, shots):
    """The hub labels chosen for a big view's fitted zoom are drawn above the plain nodes they overlap."""
    page = watched
    open_page(page, server.url + "/?focus=hwclass%2Fgpu&expand=technique%2Fquantization&expand=memory%2Fweights"
                                 "&expand=technique%2Fon-device-inference")
    got = page.evaluate(LABELS_UNDER_NODES_JS)
    assert got["labelled"] >= 20 and got["overlapping"] > 0  # (the view is dense: some labels do lie over nodes)
    assert got["covered"] == [], got
    shots(page, "labels-clear")


FIRST_VIEW_JS = """async () => {
  const cy = window.effkg.cy;
  const m = await import('/static/layout.js');
  const { graph, centres } = m.layoutInput(window.effkg.view, null, '');
  const own = m.layoutGraph(graph, centres).positions;
  const focus = cy.getElementById('hwclass/gpu');
  const p = focus.renderedPosition();
  const canvas = document.querySelector('#cy canvas[data-id="layer2-node"]');
  const r = canvas.width / canvas.clientWidth;
  const px = Array.from(canvas.getContext('2d').getImageData(Math.round(p.x * r), Math.round(p.y * r), 1, 1).data);
  return {
    by: window.effkg.timings.layoutBy,
    moved: cy.nodes().filter(n => { const q = own.get(n.id()); return Math.abs(q.x - n.position('x')) > 0.01 || Math.abs(q.y - n.position('y')) > 0.01; }).length,
    nodes: cy.nodes().length, edges: cy.edges().length, apiNodes: graph.nodes.length, apiEdges: graph.edges.length,
    unstyled: cy.elements().filter(e => e.pstyle('display').value !== 'element').length,
    px, color: focus.data('color'),
  };
}"""


def test_first_view_is_drawn_at_the_worker_positions(watched, server, shots):
    """The first view: every element of the answer, at the positions layout.js gives (the worker's), painted."""
    page = watched
    open_page(page, server.url + "/?focus=hwclass%2Fgpu&expand=technique%2Fquantization")
    got = page.evaluate(FIRST_VIEW_JS)
    assert got["by"].startswith("worker"), got["by"]
    assert (got["nodes"], got["edges"]) == (got["apiNodes"], got["apiEdges"])
    assert got["moved"] == 0 and got["unstyled"] == 0
    # The focus node is on the canvas in its type's colour (the first frame drew it, not a blank).
    want = [int(got["color"][i:i + 2], 16) for i in (1, 3, 5)]
    assert all(abs(a - b) < 40 for a, b in zip(got["px"][:3], want)) and got["px"][3] > 200, (got["px"], want)
    shots(page, "first-view")


COVERED_JS = """() => {
  const cy = window.effkg.cy;
  const box = document.querySelector('#cy').getBoundingClientRect();
  const over = [...document.querySelectorAll('#status .pill, #legend')].map(e => e.getBoundingClientRect())
    .filter(r => r.width && r.height);
  const hidden = cy.nodes().filter(n => {
    const b = n.renderedBoundingBox({ includeLabels: false });
    const x1 = box.left + b.x1, x2 = box.left + b.x2, y1 = box.top + b.y1, y2 = box.top + b.y2;
    const out = x1 < box.left || y1 < box.top || x2 > box.right || y2 > box.bottom;
    return out || over.some(r => x1 < r.right && x2 > r.left && y1 < r.bottom && y2 > r.top);
  });
  return { overlays: over.length, nodes: cy.nodes().length, hidden: hidden.map(n => n.id()) };
}"""


@pytest.mark.parametrize("view", [
    "focus=hwclass%2Fgpu&expand=technique%2Fquantization&expand=memory%2Fweights&expand=technique%2Fon-device-inference",
    "focus=method%2Fgalore",
])
def test_the_first_view_keeps_every_node_clear_of_the_pills_and_the_legend(watched, server, shots, view):
    """The fitted view leaves room for the status pills above and the legend below: no node starts hidden."""
    page = watched
    open_page(page, f"{server.url}/?{view}")
    got = page.evaluate(COVERED_JS)
    assert got["overlays"] >= 2 and got["nodes"] > 1
    assert got["hidden"] == [], got
    shots(page, "clear-of-overlays-" + view.split("&")[0].split("%2F")[1])


def test_every_tab_fits_the_sidebar(watched, server, shots):
    """At 1280 px (the narrow sidebar) each tab and its panel fit: nothing clipped, no sideways scroll."""
    page = watched
    open_page(page, server.url + "/?focus=method%2Fgalore")
    for tab in ("filters", "taxonomy", "path", "queries"):
        page.click(f"#tab-{tab}")
        got = page.evaluate("""() => {
          const side = document.querySelector('.sidebar');
          const edge = side.getBoundingClientRect().right;
          const tabs = [...document.querySelectorAll('.tabs button')].map(b => b.getBoundingClientRect().right);
          return { scroll: side.scrollWidth - side.clientWidth, over: Math.max(...tabs) - edge };
        }""")
        assert got["scroll"] <= 0 and got["over"] <= 0, (tab, got)
    shots(page, "queries-tab")


def test_the_canvas_works_from_the_keyboard(watched, server, shots):
    """Tab to the canvas; arrows pan, + zooms, n selects a node and opens its panel, Enter expands it, Escape clears."""
    page = watched
    open_page(page, server.url + "/?focus=method%2Fgalore")
    page.focus("#cy")
    assert page.evaluate("document.activeElement.id") == "cy"
    cy = "window.effkg.cy"
    zoom, pan = page.evaluate(f"{cy}.zoom()"), page.evaluate(f"{cy}.pan()")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(f"{cy}.pan().x") == pytest.approx(pan["x"] + 80)
    page.keyboard.press("+")
    assert page.evaluate(f"{cy}.zoom()") == pytest.approx(zoom * 1.25)
    # n: the first node in reading order (topmost, then leftmost) is selected and its panel opens.
    first = page.evaluate(f"{cy}.nodes().sort((a, b) => a.position('y') - b.position('y') || a.position('x') - b.position('x'))[0].id()")
    page.keyboard.press("n")
    page.wait_for_selector(f"#details[data-id='{first}']")
    assert page.evaluate(f"{cy}.nodes(':selected').map(n => n.id())") == [first]
    assert "sel=" in page.url
    shots(page, "1-keyboard-selected")
    n = renders(page)
    page.keyboard.press("Enter")
    settle(page, n)
    if first != "method/galore":
        assert "expand=" in page.url
    page.focus("#cy")
    page.keyboard.press("Escape")
    assert page.evaluate(f"{cy}.nodes(':selected').length") == 0
    assert "sel=" not in page.url
