// effkg explorer: the page. Its state lives in the URL (a shared link reproduces the view), every
// datum comes from the JSON API under /api, and every text from the graph is inserted with
// textContent (never as HTML), so a title holding markup or script is shown as plain text.

/* global cytoscape */
import { layoutInput, layoutKey, nodeSize, radialForceLayout } from "/static/layout.js";

// -- node types: colour and shape on the canvas (sizes: layout.js), name in the legend -----------------
const TYPES = {
  Method:          { color: "#e8590c", shape: "ellipse",         word: "method" },
  Technique:       { color: "#7048e8", shape: "hexagon",         word: "technique class" },
  Paper:           { color: "#5c6f82", shape: "round-rectangle", word: "paper" },
  Model:           { color: "#1c7ed6", shape: "ellipse",         word: "model" },
  ModelFamily:     { color: "#4dabf7", shape: "round-diamond",   word: "model family" },
  Architecture:    { color: "#1098ad", shape: "diamond",         word: "architecture" },
  Hardware:        { color: "#2b8a3e", shape: "round-octagon",   word: "hardware" },
  HardwareClass:   { color: "#69db7c", shape: "octagon",         word: "hardware class" },
  Dataset:         { color: "#0c8599", shape: "barrel",          word: "dataset" },
  Result:          { color: "#f59f00", shape: "star",            word: "result" },
  Metric:          { color: "#c29200", shape: "tag",             word: "metric" },
  MemoryComponent: { color: "#d6336c", shape: "round-triangle",  word: "memory component" },
  Bottleneck:      { color: "#c92a2a", shape: "triangle",        word: "bottleneck" },
  Topic:           { color: "#868e96", shape: "hexagon",         word: "topic" },
};
const FALLBACK = { color: "#adb5bd", shape: "ellipse", word: "entity" };
const typeOf = (label) => TYPES[label] || FALLBACK;
const ID_PREFIXES = ["paper", "technique", "topic", "method", "model", "family", "arch", "hardware", "hwclass",
  "dataset", "metric", "memory", "bottleneck", "result"];

// -- small helpers -----------------------------------------------------------------------------------
const $ = (sel) => document.querySelector(sel);

/** Build an element; strings become text nodes, so nothing is ever parsed as HTML. */
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = String(v);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const kid of kids.flat()) {
    if (kid === null || kid === undefined || kid === false) continue;
    e.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return e;
}

function badge(label) {
  const b = el("span", { class: "badge", text: typeOf(label).word });
  b.style.backgroundColor = typeOf(label).color;
  return b;
}

function isId(v) {
  return typeof v === "string" && v.includes("/") && ID_PREFIXES.includes(v.split("/", 1)[0]) && v.length < 300;
}

function shorten(text, n) {
  const s = String(text);
  return s.length > n ? s.slice(0, n - 1).trimEnd() + "…" : s;
}

function hashString(s) {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
  return h >>> 0;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function debounce(fn, ms) {
  let t = null;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `request failed (${status})`);
    this.status = status;
    this.candidates = (body && body.candidates) || [];
  }
}

async function api(path, params) {
  const qs = params ? params.toString() : "";
  const early = window.__effkgEarly;
  let res;
  let body = null;
  if (early && path === "/api/view" && early.qs === qs) {
    // boot.js asked for this very view while the scripts were loading, and a worker lays it out.
    window.__effkgEarly = null;
    page.earlyLayout = early.layout;
    res = await early.response;
    try { body = JSON.parse(await early.text); } catch (_) { body = null; }
  } else {
    res = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: "application/json" } });
    try { body = await res.json(); } catch (_) { body = null; }
  }
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

// -- state <-> URL ---------------------------------------------------------------------------------
const state = {
  focus: "", expand: [], sel: "", labels: null, rels: null, family: "", year_from: "", year_to: "",
  pa: "", pb: "", max_hops: 4, tab: "filters", query: "", qp: {},
};

function readState() {
  const u = new URLSearchParams(location.search);
  const list = (k) => {
    const v = u.getAll(k).flatMap((x) => x.split(",")).map((x) => x.trim()).filter(Boolean);
    return v.length ? v : null;
  };
  state.focus = u.get("focus") || "";
  state.expand = u.getAll("expand").filter(Boolean);
  state.sel = u.get("sel") || "";
  state.labels = list("labels");
  state.rels = list("rels");
  state.family = u.get("family") || "";
  state.year_from = u.get("year_from") || "";
  state.year_to = u.get("year_to") || "";
  state.pa = u.get("pa") || "";
  state.pb = u.get("pb") || "";
  state.max_hops = parseInt(u.get("max_hops") || "4", 10) || 4;
  state.query = u.get("query") || "";
  state.qp = {};
  for (const [k, v] of u.entries()) if (k.startsWith("q.")) state.qp[k.slice(2)] = v;
  state.tab = u.get("tab") || (state.pa && state.pb ? "path" : state.query ? "queries" : "filters");
}

/** The view's parameters; the page URL and the /api/view call share them. */
function viewParams() {
  const p = new URLSearchParams();
  if (state.focus) p.append("focus", state.focus);
  for (const x of state.expand) p.append("expand", x);
  if (state.labels) p.set("labels", state.labels.join(","));
  if (state.rels) p.set("rels", state.rels.join(","));
  if (state.family) p.set("family", state.family);
  if (state.year_from) p.set("year_from", state.year_from);
  if (state.year_to) p.set("year_to", state.year_to);
  if (state.sel) p.set("sel", state.sel);
  if (state.pa && state.pb) { p.set("pa", state.pa); p.set("pb", state.pb); p.set("max_hops", String(state.max_hops)); }
  return p;
}

function pageParams() {
  const p = viewParams();
  if (state.query) {
    p.set("query", state.query);
    for (const [k, v] of Object.entries(state.qp)) if (v !== "" && v !== null) p.set(`q.${k}`, v);
  }
  if (state.tab && state.tab !== "filters") p.set("tab", state.tab);
  return p;
}

function saveState(push) {
  twinLink();
  const qs = pageParams().toString();
  const url = qs ? `?${qs}` : location.pathname;
  if (url === location.search || (qs === "" && location.search === "")) return;
  (push ? history.pushState : history.replaceState).call(history, null, "", url);
}

/** The "JSON" twin of what the page shows: the same parameters on /api/view. */
function twinLink() {
  const qs = viewParams().toString();
  $("#api-link").href = qs ? `/api/view?${qs}` : "/api/openapi.json";
}

function linkFor(id) {
  const p = new URLSearchParams({ focus: id, sel: id });
  return `?${p}`;
}

// -- the canvas ---------------------------------------------------------------------------------------
let cy = null;
const names = new Map(); // id -> {name, label}, from everything drawn so far

/**
 * The stylesheet; `big` graphs get a cheaper one (no label outlines, haystack edges, edge labels and
 * arrows only around the selection and on paths): on a few hundred elements that is a good part of
 * the cost of the first frame. On a big graph the fitted zoom is small, so labels come in levels:
 * the anchors and the best-connected nodes (class `lbl`, see labelLevels) are written large enough
 * to read at that zoom; the others appear when one zooms in.
 */
function cyStyle(big) {
  const s = [
    { selector: "node", style: {
      "background-color": "data(color)", shape: "data(shape)", width: "data(size)", height: "data(size)",
      // Big graphs: only the chosen labels (below) are laid out; measuring ~300 hidden ones was a
      // good part of the first frame. The rest come with zooming in (class zl, zoomLabels).
      label: big ? "" : "data(short)", "font-size": 11, "font-family": "system-ui, sans-serif", color: "#1f2933",
      "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap", "text-max-width": "120px",
      "min-zoomed-font-size": big ? 8 : 5.5, "border-width": 1, "border-color": "#ffffff",
      ...(big ? {} : { "text-outline-color": "#ffffff", "text-outline-width": 2 }),
    } },
    { selector: "node.anchor", style: {
      "border-width": 3, "border-color": "#1f2933", "font-weight": 600, "z-index": 5,
      ...(big ? {} : { "font-size": 13, "min-zoomed-font-size": 0 }),
    } },
    { selector: "node[label = 'Paper'], node[label = 'Result']", style: { "font-size": 9.5, color: "#3d4852" } },
    ...(big ? [{ selector: "node.zl, node.anchor, node.lbl, node:selected, node.hl, node.onpath, node.answer",
      style: { label: "data(short)" } }] : []),
    // (z-index: a node and its label are drawn in one pass, so a chosen label must be drawn after the
    // plain nodes around it, or they cover it; its light background keeps it readable over them)
    ...(big ? [{ selector: "node.lbl", style: {
      "font-size": "data(lfs)", "text-max-width": "data(lwidth)", "min-zoomed-font-size": 6, color: "#1f2933",
      "text-background-color": "#fcfcfd", "text-background-opacity": 0.7, "text-background-padding": "1px", "z-index": 4,
    } }] : []),
    { selector: "node.stub", style: { "border-style": "dashed", "border-color": "#495057", "border-width": 1.5 } },
    { selector: "node.hl", style: { "border-width": 4, "border-color": "#228be6" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#f08c00", "z-index": 9 } },
    // Straight edges on big graphs (curves cost a control-point pass per edge); curves on small ones,
    // where two relations between the same pair must not hide each other.
    { selector: "edge", style: {
      width: "data(width)", "line-color": "#b8c2cc", "curve-style": big ? "haystack" : "bezier",
      "target-arrow-shape": big ? "none" : "triangle", "target-arrow-color": "#b8c2cc", "arrow-scale": 0.8,
    } },
    // Edge labels: on every edge of a small graph; on a big one only around the selection and on paths
    // (hundreds of labels are unreadable, and styling and measuring them dominates the first frame).
    // Haystack edges (big graphs) are the cheapest to draw but have no arrows: the few edges around
    // the selection and on a path get their direction back.
    ...(big ? [{ selector: "edge.near, edge.onpath", style: { "curve-style": "straight", "target-arrow-shape": "triangle" } }] : []),
    // (On a big graph they are sized to read at the zoom of the moment they are shown: data(lfs), edgeFont.)
    { selector: big ? "edge.near, edge.onpath" : "edge", style: {
      label: "data(words)", "font-size": big ? "data(lfs)" : 8, color: "#5f6b77", "text-rotation": "autorotate",
      "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": "1px",
      "min-zoomed-font-size": big ? 6 : 8,
    } },
    { selector: "edge.ontology", style: { "line-style": "dashed", "line-color": "#c5b8f0", "target-arrow-color": "#c5b8f0" } },
    { selector: "edge.near", style: { "line-color": "#f08c00", "target-arrow-color": "#f08c00", width: 2.5, "z-index": 8 } },
    { selector: ".faded", style: { opacity: 0.15, "text-opacity": 0.25 } },
    { selector: "node.onpath", style: { "border-width": 4, "border-color": "#e03131", opacity: 1, "text-opacity": 1, "z-index": 10 } },
    { selector: "edge.onpath", style: {
      "line-color": "#e03131", "target-arrow-color": "#e03131", width: 4, opacity: 1, "text-opacity": 1, "z-index": 10,
      color: "#c92a2a", "font-weight": 600, ...(big ? {} : { "font-size": 9 }),
    } },
    { selector: "node.answer", style: { "border-width": 3, "border-color": "#0b7285" } },
  ];
  return s;
}

function initCanvas() {
  cy = cytoscape({
    container: $("#cy"),
    elements: [],
    // No stylesheet yet: the first drawGraph sets the one that fits its graph (parsing one is not free).
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: "single",
  });
  page.cy = cy;
  firstFrameWithoutLayers();
  cy.on("tap", "node", (e) => selectNode(e.target.id(), true));
  cy.on("dbltap", "node", (e) => expandNode(e.target.id()));
  cy.on("tap", (e) => { if (e.target === cy) clearNear(); });
  const tip = el("div", { class: "cy-tip", hidden: true });
  tip.style.cssText = "";
  Object.assign(tip.style, {
    position: "absolute", pointerEvents: "none", background: "#1f2933", color: "#fff", fontSize: "12px",
    padding: "3px 8px", borderRadius: "4px", maxWidth: "360px", zIndex: 20,
  });
  $(".stage").append(tip);
  cy.on("mouseover", "node", (e) => {
    const d = e.target.data();
    tip.textContent = `${d.name} · ${typeOf(d.label).word}${d.year ? " · " + d.year : ""}`;
    const p = e.renderedPosition || e.target.renderedPosition();
    tip.style.left = `${p.x + 14}px`;
    tip.style.top = `${p.y + 10}px`;
    tip.hidden = false;
  });
  cy.on("mouseout", "node", () => { tip.hidden = true; });
  cy.on("viewport", () => { tip.hidden = true; });
  cy.on("zoom", () => zoomLabels());
}

/**
 * Cytoscape's first frame normally also paints every element into its layered textures (big canvases
 * that later frames copy whole) before putting them on screen: on a few hundred elements that is
 * about a fifth of that frame. Marking the layer cache as already asked makes the first frame draw
 * the elements straight from their own textures, as Cytoscape does whenever layers are not ready;
 * the layers are then built in idle frames. A private field of Cytoscape 3.x (pinned by
 * package-lock.json): if it is not there, nothing changes but the speed.
 */
function firstFrameWithoutLayers() {
  const data = cy.renderer() && cy.renderer().data;
  if (data && data.lyrTxrCache && data.lyrTxrCache.firstGet === true) data.lyrTxrCache.firstGet = false;
}

/**
 * On a big graph, every node label once the zoom makes them readable (11 px type reads from about
 * zoom 0.75; min-zoomed-font-size still hides the smaller ones), none of the unchosen ones before.
 */
const ZOOM_LABELS = 0.7;
let labelsByZoom = null;

function zoomLabels() {
  const want = Boolean(styledBig) && cy.zoom() >= ZOOM_LABELS;
  if (want === labelsByZoom) return;
  labelsByZoom = want;
  cy.batch(() => (want ? cy.nodes().addClass("zl") : cy.nodes().removeClass("zl")));
}

function nodeData(n, anchors) {
  const t = typeOf(n.label);
  const size = nodeSize(n.label, n.degree);
  names.set(n.id, { name: n.name, label: n.label });
  return {
    group: "nodes",
    data: {
      id: n.id, name: n.name, label: n.label, year: n.year, degree: n.degree, families: n.families,
      short: shorten(n.name, n.label === "Paper" ? 44 : 32), color: t.color, shape: t.shape, size,
    },
    classes: [anchors.has(n.id) ? "anchor" : "", n.stub ? "stub" : ""].filter(Boolean).join(" "),
  };
}

function edgeData(e) {
  return {
    group: "edges",
    data: {
      id: e.id, source: e.source, target: e.target, type: e.type, support: e.support,
      words: e.type.toLowerCase().replace(/_/g, " "), width: Math.min(5, 1 + Math.log2(1 + (e.support || 0))), lfs: 8,
    },
    classes: e.ontology ? "ontology" : "",
  };
}

/**
 * Draw a graph: positions come from layout.js (radial tree around the centres, refined by forces),
 * a pure function of the elements, so a shared link draws the same picture. The viewport is set
 * from the positions directly, sparing Cytoscape a layout run and a fit; later changes animate from
 * the old positions.
 *
 * `early` is the worker's layout of the first view (a promise, see boot.js). While it runs, the
 * elements go in at the origin and Cytoscape styles them (its per-element style pass is the largest
 * part of its first frame), held in a batch so that nothing is drawn before they are in place. Only
 * the style is computed then: label boxes, edge ends and bounds depend on the positions, and are
 * computed once, for the first frame. The worker's positions are taken only when it laid out this
 * very input.
 */
const BIG_GRAPH_EDGES = 160;
let styledBig = null;

async function drawGraph(graph, anchors, centres, animate, early) {
  const big = graph.edges.length > BIG_GRAPH_EDGES;
  const nodes = graph.nodes.map((n) => nodeData(n, anchors));
  const edges = graph.edges.map(edgeData);
  const input = nodes.map((e) => ({ id: e.data.id, size: e.data.size }));
  const moving = animate && cy.nodes().length > 0;
  const fill = () => {
    cy.elements().remove();
    // Switch stylesheets while the canvas is empty, where it costs nothing.
    if (big !== styledBig) { cy.style(cyStyle(big)); styledBig = big; }
    cy.add([...nodes, ...edges]);
    labelsByZoom = null; // the new nodes have no zl class yet
  };
  const waiting = Boolean(early) && !moving;
  let positions = null;
  if (waiting) {
    const f0 = performance.now();
    for (const e of nodes) e.position = { x: 0, y: 0 };
    cy.batch(fill);
    cy.startBatch();
    for (const e of cy.elements()) e.pstyle("display"); // applies the element's style (nothing else)
    $("#welcome").hidden = graph.nodes.length > 0;
    drawLegend();
    page.timings.fill = performance.now() - f0;
  }
  try {
    if (waiting) {
      const w0 = performance.now();
      const done = await early;
      if (done && done.key === layoutKey(input, graph.edges, centres)) {
        positions = done.positions;
        page.timings.layoutBy = `worker (${Math.round(done.ms)} ms)`;
      }
      page.timings.layoutWait = performance.now() - w0;
    }
    if (!positions) {
      const c0 = performance.now();
      positions = radialForceLayout(input, graph.edges, centres);
      page.timings.layoutCompute = performance.now() - c0;
      page.timings.layoutBy = "page";
    }
    const view = viewportFor(positions, nodes);
    const chosen = big ? labelLevels(nodes, positions, view.zoom) : new Map();
    if (waiting) {
      cy.nodes().positions((n) => ({ ...positions.get(n.id()) }));
      for (const [id, lbl] of chosen) cy.getElementById(id).data(lbl).addClass("lbl");
      cy.viewport(view);
      return;
    }
    const before = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    for (const e of nodes) {
      const target = positions.get(e.data.id);
      // New nodes grow out of a neighbour that was already there (the one expanded, usually).
      const start = moving ? before.get(e.data.id) || entryPoint(e.data.id, graph.edges, before) || target : target;
      // A copy: Cytoscape keeps the object and moves it in place, so two nodes must never share one.
      e.position = { x: start.x, y: start.y };
      const lbl = chosen.get(e.data.id);
      if (lbl) { Object.assign(e.data, lbl); e.classes = e.classes ? `${e.classes} lbl` : "lbl"; }
    }
    cy.batch(() => { fill(); if (!moving) cy.viewport(view); });
    $("#welcome").hidden = graph.nodes.length > 0;
    drawLegend();
    if (!moving) return;
    const moved = new Promise((resolve) => {
      const layout = cy.layout({
        name: "preset", positions: (n) => ({ ...positions.get(n.id()) }), fit: false, animate: true, animationDuration: 350,
      });
      layout.one("layoutstop", resolve);
      layout.run();
    });
    const panned = new Promise((resolve) => cy.animate({ zoom: view.zoom, pan: view.pan, duration: 350, complete: resolve }));
    await Promise.all([moved, panned]);
  } finally {
    if (waiting) cy.endBatch();
    zoomLabels();
  }
}

/**
 * Width of a label in ems, a little over what the sans-serif face draws: capitals are wider than the
 * 0.6 em of an average lowercase letter ("MEMO" draws at about 0.85 em a letter), so a flat 0.6 em per
 * character let an all-caps label reach over a neighbour's node.
 */
function textEms(text) {
  let ems = 0.2;
  for (const ch of text) {
    if (ch === "M" || ch === "W" || ch === "m" || ch === "w") ems += 0.9;
    else if (ch >= "A" && ch <= "Z") ems += 0.75;
    else if (ch >= "0" && ch <= "9") ems += 0.6;
    else if (ch === " " || ch === "." || ch === "," || ch === "-" || ch === "i" || ch === "l" || ch === "j") ems += 0.35;
    else ems += 0.58;
  }
  return ems;
}

/**
 * Label levels of a big graph at its fitted `zoom`: the anchors, then the best-connected nodes whose
 * labels would not overlap one already chosen (papers and results aside: many, with long names; at
 * most one node in ten) get class `lbl` and a font size (`lfs`, model units) that reads at about
 * 10 px on screen. The other node labels appear on zooming in. Returns id -> {lfs, lwidth}.
 */
function labelLevels(nodes, positions, zoom) {
  const fs = Math.min(26, Math.max(11, 10 / zoom));
  const width = 11 * fs; // a line holds about 18 characters
  const isAnchor = (e) => e.classes.includes("anchor");
  const order = nodes.slice().sort((a, b) => (isAnchor(b) - isAnchor(a)) || (b.data.degree || 0) - (a.data.degree || 0)
    || (a.data.id < b.data.id ? -1 : 1));
  const quota = Math.max(12, Math.ceil(nodes.length / 10));
  const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const bodyOf = (e) => {
    const p = positions.get(e.data.id);
    const r = e.data.size / 2;
    return { x1: p.x - r, x2: p.x + r, y1: p.y - r, y2: p.y + r };
  };
  // Chosen labels are drawn above the plain nodes (z-index of node.lbl) but not above one another's
  // nodes or the anchors: a label must keep clear of those bodies, and a node of those of the labels.
  const taken = [];
  const bodies = nodes.filter(isAnchor).map(bodyOf);
  const chosen = new Map();
  for (const e of order) {
    if (chosen.size >= quota) break;
    if (!isAnchor(e) && (e.data.label === "Paper" || e.data.label === "Result")) continue;
    const p = positions.get(e.data.id);
    const text = textEms(e.data.short) * fs;
    const w = Math.min(text, width);
    const top = p.y + e.data.size / 2;
    const box = { x1: p.x - w / 2, x2: p.x + w / 2, y1: top, y2: top + Math.ceil(text / width) * 1.3 * fs + 4 };
    const body = bodyOf(e);
    if (!isAnchor(e) && (taken.some((b) => overlaps(b, box) || overlaps(b, body)) || bodies.some((b) => overlaps(b, box)))) continue;
    taken.push(box);
    if (!isAnchor(e)) bodies.push(body);
    chosen.set(e.data.id, { lfs: fs, lwidth: width });
  }
  return chosen;
}

/** Edge labels (around the selection, on paths) of a big graph: about 9 px on screen at the present zoom. */
function edgeFont() {
  return Math.min(22, Math.max(8, 9 / cy.zoom()));
}

function entryPoint(id, edges, before) {
  for (const e of edges) {
    if (e.source === id && before.has(e.target)) return before.get(e.target);
    if (e.target === id && before.has(e.source)) return before.get(e.source);
  }
  return null;
}

/** Zoom and pan that fit the positions (plus node sizes and room for labels) in the canvas. */
function viewportFor(positions, nodes) {
  const w = cy.width();
  const h = cy.height();
  if (!nodes.length || !w || !h) return { zoom: 1, pan: { x: w / 2, y: h / 2 } };
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const e of nodes) {
    const p = positions.get(e.data.id);
    const r = e.data.size / 2;
    x1 = Math.min(x1, p.x - r - 30);
    x2 = Math.max(x2, p.x + r + 30);
    y1 = Math.min(y1, p.y - r);
    y2 = Math.max(y2, p.y + r + 26);
  }
  // The status pills (up to two rows) sit over the top of the canvas and the legend over the bottom:
  // the graph is fitted into the band between them, so that no node starts hidden under either.
  const pad = 30;
  const top = 64;
  const bottom = 52;
  const band = Math.max(h / 2, h - top - bottom);
  const zoom = Math.max(cy.minZoom(), Math.min(1.4, (w - 2 * pad) / (x2 - x1), (band - 2 * pad) / (y2 - y1)));
  const mid = band === h / 2 ? h / 2 : top + band / 2;
  return { zoom, pan: { x: w / 2 - zoom * (x1 + x2) / 2, y: mid - zoom * (y1 + y2) / 2 } };
}

function drawLegend() {
  const box = $("#legend");
  box.replaceChildren();
  const present = new Set(cy.nodes().map((n) => n.data("label")));
  for (const [label, t] of Object.entries(TYPES)) {
    if (!present.has(label)) continue;
    const sw = el("i", { class: "swatch" });
    sw.style.backgroundColor = t.color;
    box.append(el("span", {}, sw, t.word));
  }
}

function clearNear() {
  cy.$(".near").removeClass("near");
}

function markSelection(id) {
  cy.batch(() => {
    cy.$(":selected").unselect();
    cy.$(".near").removeClass("near");
    const n = cy.getElementById(id);
    if (n.nonempty()) {
      n.select();
      n.connectedEdges().data("lfs", edgeFont()).addClass("near");
    }
  });
}

function markPath(path) {
  cy.batch(() => {
    // Only touch what carries the classes: a class change restyles the element.
    cy.$(".onpath, .faded").removeClass("onpath faded");
    if (!path || !path.paths.length) return;
    const on = cy.collection();
    for (const p of path.paths) {
      for (const n of p.nodes) on.merge(cy.getElementById(n.id));
      for (const h of p.hops) on.merge(cy.getElementById(`${h.source}|${h.type}|${h.target}`));
    }
    cy.elements().not(on).addClass("faded");
    on.edges().data("lfs", edgeFont());
    on.addClass("onpath");
  });
}

function markAnswer(ids) {
  cy.batch(() => {
    cy.$(".answer").removeClass("answer");
    for (const id of ids) cy.getElementById(id).addClass("answer");
  });
}

// -- loading views ------------------------------------------------------------------------------------
const page = {
  meta: null, view: null, answer: null, entity: null, renders: 0, timings: {}, loading: 0, queries: null,
};
window.effkg = page; // for tests and benchmarks: the canvas, the last answers and timings

function setBusy(on) {
  page.loading += on ? 1 : -1;
  $("#busy").hidden = page.loading <= 0;
  document.body.dataset.busy = page.loading > 0 ? "1" : "0";
}

function showError(err) {
  const box = $("#toast");
  box.className = "toast";
  box.replaceChildren(el("span", { text: err.message || String(err) }));
  if (err.candidates && err.candidates.length) {
    box.append(el("span", { text: " Did you mean:" }));
    for (const c of err.candidates.slice(0, 6)) {
      const id = c.split(" ")[0];
      box.append(el("a", { href: linkFor(id), onclick: (ev) => { ev.preventDefault(); focusOn(id); } }, c));
    }
  }
  box.hidden = false;
  clearTimeout(showError.t);
  showError.t = setTimeout(() => { box.hidden = true; }, 9000);
}

function toast(text) {
  const box = $("#toast");
  box.className = "toast ok";
  box.replaceChildren(el("span", { text }));
  box.hidden = false;
  clearTimeout(showError.t);
  showError.t = setTimeout(() => { box.hidden = true; }, 2500);
}

function queryParams() {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state.qp)) if (v !== "" && v !== null && v !== undefined) p.set(k, v);
  return p;
}

/** Fetch and draw everything the URL names: canvas, selection, path, query answer. */
async function loadView(opts = {}) {
  const t0 = performance.now();
  setBusy(true);
  try {
    const hasView = state.focus || state.expand.length || (state.pa && state.pb) || state.sel;
    const tasks = [hasView ? api("/api/view", viewParams()) : Promise.resolve(null)];
    tasks.push(state.query ? api(`/api/queries/${encodeURIComponent(state.query)}`, queryParams()) : Promise.resolve(null));
    const [view, answer] = await Promise.all(tasks);
    const t1 = performance.now();
    page.view = view;
    page.answer = answer;
    const { graph, anchors, centres } = layoutInput(view, answer, state.sel);
    // The worker's layout of the first view (boot.js, a promise), if it was asked for.
    const early = page.earlyLayout;
    page.earlyLayout = null;
    const t2 = performance.now();
    for (const n of graph.nodes) names.set(n.id, { name: n.name, label: n.label });
    // Open or close the results drawer first: the canvas must know its final size before the layout fits it.
    drawAnswer(answer);
    cy.resize();
    await drawGraph(graph, anchors, centres, opts.animate, early);
    const t3 = performance.now();
    markPath(view && view.path);
    markAnswer(answer ? answer.subgraph.nodes.map((n) => n.id) : []);
    if (state.sel) markSelection(state.sel);
    drawStatus(view, answer);
    drawPath(view && view.path);
    if (view && view.path) {
      // Links name the ends by id; the inputs show their names.
      for (const [input, ref] of [[$("#path-a"), view.path.a], [$("#path-b"), view.path.b]]) {
        input.value = ref.name;
        input.dataset.id = ref.id;
      }
    }
    if (view && view.selected) drawEntity(view.selected);
    else if (!state.sel) drawEntity(null);
    if (view && view.notes.length) showError(new Error(view.notes.join("; ")));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const t4 = performance.now();
    page.renders += 1;
    const timing = { nodes: graph.nodes.length, edges: graph.edges.length, fetch: t1 - t0, build: t2 - t1, layout: t3 - t2, paint: t4 - t3, total: t4 - t0, sincePageStart: t4 };
    page.timings.last = timing;
    if (!page.timings.first && graph.nodes.length) page.timings.first = timing;
    document.body.dataset.renders = String(page.renders);
  } catch (err) {
    showError(err);
    document.body.dataset.renders = String(++page.renders);
  } finally {
    setBusy(false);
  }
}

function drawStatus(view, answer) {
  const box = $("#status");
  box.replaceChildren();
  const n = cy.nodes().length;
  if (!n) return;
  box.append(el("span", { class: "pill", text: `${n} nodes · ${cy.edges().length} edges` }));
  if (state.focus && names.has(state.focus)) {
    box.append(el("span", { class: "pill" }, "centred on ", el("strong", { text: shorten(names.get(state.focus).name, 60) })));
  }
  if (state.expand.length) box.append(el("span", { class: "pill", text: `${state.expand.length} expanded` }));
  const filters = [];
  if (state.labels) filters.push(`${state.labels.length} types`);
  if (state.rels) filters.push(`${state.rels.length} relations`);
  if (state.family) filters.push((names.get(state.family) || { name: state.family }).name);
  if (state.year_from || state.year_to) filters.push(`${state.year_from || "…"}–${state.year_to || "…"}`);
  if (filters.length) box.append(el("span", { class: "pill", text: `filtered: ${filters.join(", ")}` }));
  for (const note of (view && view.graph.notes) || []) box.append(el("span", { class: "pill", text: note }));
  if (answer) box.append(el("span", { class: "pill", text: `query ${answer.query}: ${answer.rows.length} rows` }));
}

// -- navigation -------------------------------------------------------------------------------------
function focusOn(id) {
  state.focus = id;
  state.expand = [];
  state.sel = id;
  state.query = "";
  state.qp = {};
  saveState(true);
  loadView({ animate: false });
}

function expandNode(id) {
  if (id !== state.focus && !state.expand.includes(id)) state.expand.push(id);
  if (!state.focus && !state.expand.length) state.focus = id;
  state.sel = id;
  saveState(true);
  loadView({ animate: true });
}

/**
 * The canvas from the keyboard (it takes focus with Tab): arrows pan, + and - zoom, 0 fits,
 * n and p select the next and previous node in reading order (top to bottom, left to right) and
 * open its panel, Enter expands the selected node, Escape clears the selection.
 */
const PAN_STEP = 80;
const ZOOM_STEP = 1.25;

function canvasKey(ev) {
  if (ev.altKey || ev.ctrlKey || ev.metaKey || !cy) return;
  const pans = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
  const centre = { x: cy.width() / 2, y: cy.height() / 2 };
  if (pans[ev.key]) cy.panBy({ x: pans[ev.key][0], y: pans[ev.key][1] });
  else if (ev.key === "+" || ev.key === "=") cy.zoom({ level: cy.zoom() * ZOOM_STEP, renderedPosition: centre });
  else if (ev.key === "-" || ev.key === "_") cy.zoom({ level: cy.zoom() / ZOOM_STEP, renderedPosition: centre });
  else if (ev.key === "0") $("#btn-fit").click();
  else if (ev.key === "n" || ev.key === "p") stepSelection(ev.key === "n" ? 1 : -1);
  else if (ev.key === "Enter" && state.sel && cy.getElementById(state.sel).nonempty()) expandNode(state.sel);
  else if (ev.key === "Escape") clearSelection();
  else return;
  ev.preventDefault();
}

function stepSelection(step) {
  const order = cy.nodes().sort((a, b) => a.position("y") - b.position("y") || a.position("x") - b.position("x"));
  if (!order.length) return;
  const at = state.sel ? order.toArray().findIndex((n) => n.id() === state.sel) : -1;
  const next = at < 0 ? (step > 0 ? 0 : order.length - 1) : (at + step + order.length) % order.length;
  selectNode(order[next].id(), false);
}

function clearSelection() {
  cy.$(":selected").unselect();
  clearNear();
  state.sel = "";
  saveState(false);
  drawEntity(null);
}

async function selectNode(id, fromCanvas) {
  state.sel = id;
  saveState(false);
  markSelection(id);
  try {
    const ent = await api("/api/entity", new URLSearchParams({ id }));
    if (state.sel === id) drawEntity(ent);
  } catch (err) {
    showError(err);
  }
  if (!fromCanvas) {
    const n = cy.getElementById(id);
    if (n.nonempty()) cy.animate({ center: { eles: n }, duration: 250 });
  }
}

// -- details panel ------------------------------------------------------------------------------------
function entityLink(ref, opts = {}) {
  const a = el("a", {
    href: linkFor(ref.id), title: `${ref.name} (${typeOf(ref.label).word}) — click to select, shift-click to centre`,
    "data-id": ref.id,
    onclick: (ev) => {
      ev.preventDefault();
      if (ev.shiftKey || opts.focus || cy.getElementById(ref.id).empty()) focusOn(ref.id);
      else selectNode(ref.id, false);
    },
    onmouseenter: () => cy.getElementById(ref.id).addClass("hl"),
    onmouseleave: () => cy.getElementById(ref.id).removeClass("hl"),
  }, opts.text || ref.name);
  return a;
}

/** A sentence with the given names marked; built from text nodes only. */
function markedSentence(sentence, terms) {
  const q = el("blockquote", {});
  const words = [...new Set(terms.filter((t) => t && t.length >= 2))].sort((a, b) => b.length - a.length);
  if (!words.length) { q.textContent = sentence; return q; }
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");
  let last = 0;
  for (const m of sentence.matchAll(re)) {
    if (m.index > last) q.append(document.createTextNode(sentence.slice(last, m.index)));
    q.append(el("mark", { text: m[0] }));
    last = m.index + m[0].length;
  }
  q.append(document.createTextNode(sentence.slice(last)));
  return q;
}

function citation(ev) {
  const parts = [el("span", { text: "— " }), entityLink({ id: ev.paper, label: "Paper", name: ev.paper_title }, { text: shorten(ev.paper_title, 90) })];
  if (ev.year) parts.push(el("span", { text: ` (${ev.year})` }));
  if (ev.source) parts.push(el("span", { title: ev.source.file, text: ` · ${ev.source.file.split("/").pop()}:${ev.source.line}` }));
  if (ev.qualifier) parts.push(el("span", { text: ` · ${ev.qualifier}` }));
  if (ev.confidence !== null && ev.confidence !== undefined) parts.push(el("span", { text: ` · conf. ${ev.confidence.toFixed(2)}` }));
  return el("div", { class: "cite" }, parts);
}

function drawEntity(ent) {
  page.entity = ent;
  const box = $("#details");
  if (!ent) {
    box.hidden = true;
    $("#panel-empty").hidden = false;
    return;
  }
  names.set(ent.id, { name: ent.name, label: ent.label });
  $("#panel-empty").hidden = true;
  box.hidden = false;
  box.replaceChildren();
  box.dataset.id = ent.id;
  box.append(el("div", { class: "kind" }, badge(ent.label), el("span", { class: "id", text: ent.id })));
  box.append(el("h2", { text: ent.name }));

  const buttons = el("div", { class: "buttons" },
    el("button", { type: "button", id: "btn-focus", onclick: () => focusOn(ent.id), text: "Centre here" }),
    el("button", { type: "button", id: "btn-expand", onclick: () => expandNode(ent.id), text: "Expand neighbours" }),
    el("button", { type: "button", onclick: () => { $("#path-a").value = ent.name; $("#path-a").dataset.id = ent.id; openTab("path"); }, text: "Path from here" }),
  );
  const arxiv = ent.properties.arxiv_id;
  if (arxiv) buttons.append(el("a", { href: `https://arxiv.org/abs/${encodeURIComponent(arxiv)}`, target: "_blank", rel: "noopener noreferrer", text: "arXiv ↗" }));
  box.append(buttons);

  if (ent.parents.length) {
    const sec = el("section", {}, el("h4", { text: "In the taxonomy" }));
    for (const line of ent.parents) {
      const c = el("div", { class: "crumbs" });
      line.forEach((r, i) => {
        if (i) c.append(el("span", { class: "sep", text: "›" }));
        c.append(entityLink(r));
      });
      c.append(el("span", { class: "sep", text: "›" }), el("strong", { text: ent.name }));
      sec.append(c);
    }
    box.append(sec);
  }

  if (ent.evaluations.length) {
    const sec = el("section", { id: "evaluations" }, el("h4", { text: "Evaluated on" }));
    const ul = el("ul", { class: "evals" });
    // One sentence often names several models and benchmarks at once: it is quoted once, under all
    // of them, instead of once per entity.
    const bySentence = new Map();
    for (const ev of ent.evaluations) {
      const first = ev.evidence[0];
      const key = first && first.sentence ? first.sentence : `\u0000${ev.id}`;
      if (!bySentence.has(key)) bySentence.set(key, []);
      bySentence.get(key).push(ev);
    }
    for (const [sentence, evs] of bySentence) {
      const li = el("li", {});
      evs.forEach((ev, i) => {
        if (i) li.append(el("span", { class: "muted", text: " · " }));
        li.append(badge(ev.kind === "hardware-class" ? "HardwareClass" : ev.kind.charAt(0).toUpperCase() + ev.kind.slice(1)), " ",
          entityLink({ id: ev.id, label: ev.kind, name: ev.name }),
          el("span", { class: "muted", text: ` (${ev.papers} paper${ev.papers === 1 ? "" : "s"})` }));
      });
      if (!sentence.startsWith("\u0000")) li.append(el("span", { class: "sent", text: `“${shorten(sentence, 260)}”` }));
      ul.append(li);
    }
    sec.append(ul);
    box.append(sec);
  }

  if (ent.label === "Paper" && ent.properties.abstract) {
    const sec = el("section", {}, el("h4", { text: "Abstract" }));
    const d = el("details", {}, el("summary", { text: shorten(ent.properties.abstract, 160) }), el("div", { class: "abstract", text: ent.properties.abstract }));
    sec.append(d);
    box.append(sec);
  }

  const rels = el("section", { id: "relations" }, el("h4", { text: "Relations and their evidence" }));
  const groups = new Map();
  for (const r of ent.relations) {
    if (!groups.has(r.words)) groups.set(r.words, []);
    groups.get(r.words).push(r);
  }
  let opened = 0;
  for (const [words, items] of groups) {
    const total = ent.relation_counts[words] || items.length;
    const det = el("details", { class: "group" }, el("summary", {}, words, el("span", { class: "count", text: ` (${total})` })));
    if (opened < 4) { det.open = true; opened += 1; }
    for (const r of items) {
      const row = el("div", { class: "rel" });
      row.append(el("div", { class: "other" }, badge(r.other.label), entityLink(r.other),
        el("span", { class: "meta", text: r.ontology ? "ontology" : `${r.support} paper${r.support === 1 ? "" : "s"}` })));
      if (r.evidence.length) {
        const ul = el("ul", { class: "evidence" });
        for (const ev of r.evidence.slice(0, 5)) {
          ul.append(el("li", {}, markedSentence(ev.sentence, [ent.name, r.other.name]), citation(ev)));
        }
        if (r.evidence.length > 5) ul.append(el("li", { class: "muted", text: `… and ${r.evidence.length - 5} more papers` }));
        row.append(ul);
      }
      det.append(row);
    }
    rels.append(det);
  }
  if (!ent.relations.length) rels.append(el("p", { class: "muted", text: "No relations." }));
  box.append(rels);

  const props = Object.entries(ent.properties).filter(([k]) => !["name", "abstract", "title"].includes(k));
  if (props.length) {
    const dl = el("dl", { class: "props" });
    for (const [k, v] of props) {
      dl.append(el("dt", { text: k.replace(/_/g, " ") }), el("dd", { text: Array.isArray(v) ? v.join(", ") : String(v) }));
    }
    box.append(el("section", {}, el("h4", { text: "Properties" }), dl));
  }

  if (ent.provenance.length) {
    const ul = el("ul", { class: "prov" });
    for (const s of ent.provenance) {
      ul.append(el("li", { title: `${s.file}:${s.line}` }, `${s.file.split("/").pop()}:${s.line}`, s.paper !== ent.id ? el("span", { class: "muted", text: `  ${shorten(s.title, 50)}` }) : null));
    }
    box.append(el("section", { id: "provenance" }, el("h4", { text: ent.label === "Paper" ? "Read from" : "Read from (supporting papers)" }), ul));
  }
  if (ent.notes.length) box.append(el("p", { class: "notes", text: ent.notes.join("; ") }));
}

// -- path tab -----------------------------------------------------------------------------------------
function drawPath(path) {
  const out = $("#path-out");
  out.replaceChildren();
  if (!path) return;
  if (!path.paths.length) {
    out.append(el("p", { class: "muted", text: path.notes.join("; ") || "No path found." }));
    return;
  }
  path.paths.forEach((p, i) => {
    out.append(el("div", { class: "path-title", text: `Path ${i + 1} · ${p.hops.length} hop${p.hops.length === 1 ? "" : "s"}` }));
    const ol = el("ol", { class: "hops" });
    p.hops.forEach((h, j) => {
      const a = p.nodes[j];
      const b = p.nodes[j + 1];
      const arrow = h.forward ? "→" : "←";
      const li = el("li", {}, el("div", { class: "step" }, entityLink(a), el("span", { class: "rel-type", text: `${h.forward ? "" : arrow + " "}${h.type}${h.forward ? " " + arrow : ""}` }), entityLink(b)));
      if (h.sentence) {
        li.append(markedSentence(h.sentence, [a.name, b.name]));
        if (h.paper) li.append(el("div", { class: "cite" }, "— ", entityLink({ id: h.paper, label: "Paper", name: h.paper_title || h.paper }, { text: shorten(h.paper_title || h.paper, 80) })));
      }
      ol.append(li);
    });
    out.append(ol);
  });
  if (path.notes.length) out.append(el("p", { class: "notes", text: path.notes.join("; ") }));
}

// -- query results drawer -------------------------------------------------------------------------------
function cell(v) {
  if (v === null || v === undefined) return "";
  if (isId(v)) {
    const known = names.get(v) || { name: v, label: "" };
    return entityLink({ id: v, label: known.label, name: known.name }, { text: shorten(known.name, 60) });
  }
  if (Array.isArray(v)) {
    if (v.length && typeof v[0] === "object" && v[0] !== null && "sentence" in v[0]) {
      const wrap = el("div", { class: "ev-cell", title: v.map((x) => x.sentence).join("\n\n") });
      wrap.append(el("span", { text: `“${shorten(v[0].sentence, 140)}”` }));
      if (v.length > 1) wrap.append(el("span", { class: "muted", text: ` +${v.length - 1} more` }));
      return wrap;
    }
    const span = el("span", {});
    v.slice(0, 12).forEach((x, i) => { if (i) span.append(", "); span.append(cell(x)); });
    if (v.length > 12) span.append(` … +${v.length - 12}`);
    return span;
  }
  if (typeof v === "object") return Object.entries(v).map(([k, x]) => `${k}: ${typeof x === "object" ? JSON.stringify(x) : x}`).join("; ");
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toPrecision(4).replace(/\.?0+$/, "");
  return String(v);
}

function drawAnswer(answer) {
  const drawer = $("#drawer");
  if (!answer) { drawer.hidden = true; return; }
  drawer.hidden = false;
  $("#drawer-title").textContent = `${answer.query} · ${answer.rows.length} row${answer.rows.length === 1 ? "" : "s"}`;
  $("#drawer-notes").textContent = answer.notes.join("; ");
  const table = el("table", { class: "results" });
  table.append(el("thead", {}, el("tr", {}, answer.columns.map((c) => el("th", { text: c })))));
  const tb = el("tbody", {});
  for (const r of answer.rows.slice(0, 500)) tb.append(el("tr", {}, answer.columns.map((c) => el("td", {}, cell(r[c])))));
  table.append(tb);
  $("#drawer-body").replaceChildren(table);
}

// -- autocomplete ---------------------------------------------------------------------------------------
function attachSuggest(input, list, onPick, opts = {}) {
  let items = [];
  let active = -1;
  let seq = 0;
  const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; };
  const paint = () => {
    list.replaceChildren();
    if (!items.length) {
      list.append(el("li", { class: "empty", text: input.value.trim() ? "No match" : "Type a name" }));
    }
    items.forEach((h, i) => {
      const li = el("li", { role: "option", id: `${list.id}-${i}`, "aria-selected": i === active ? "true" : "false", "data-id": h.id },
        badge(h.label), el("span", { class: "name", text: h.name }),
        el("span", { class: "why", text: h.match === "alias" || h.match === "substring" || h.match === "fuzzy" ? `${h.match}: ${h.matched}` : "" }));
      li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(i); });
      list.append(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };
  const pick = (i) => {
    const h = items[i];
    if (!h) return;
    close();
    onPick(h);
  };
  const fetchHits = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { items = []; close(); return; }
    try {
      const p = new URLSearchParams({ q, limit: "12" });
      if (opts.label) p.set("label", opts.label);
      const res = await api("/api/search", p);
      // A slow answer must not reopen the list after the user moved on.
      if (mine !== seq || document.activeElement !== input) return;
      items = res.hits;
      active = items.length ? 0 : -1;
      paint();
    } catch (err) {
      if (mine === seq) { items = []; paint(); }
    }
  };
  const later = debounce(fetchHits, 120);
  input.addEventListener("input", () => { delete input.dataset.id; later(); });
  input.addEventListener("focus", () => { if (input.value.trim()) later(); });
  input.addEventListener("blur", () => setTimeout(close, 120));
  input.addEventListener("keydown", async (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!items.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      paint();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (!items.length || list.hidden) await fetchHits();
      pick(Math.max(0, active));
    } else if (ev.key === "Escape") {
      close();
    }
  });
}

// -- sidebar: tabs, filters, taxonomy, path, queries -----------------------------------------------------
function openTab(name) {
  state.tab = name;
  for (const b of document.querySelectorAll(".tabs button")) b.setAttribute("aria-selected", b.dataset.tab === name ? "true" : "false");
  for (const p of document.querySelectorAll(".tabpanel")) p.hidden = p.dataset.panel !== name;
  if (name === "taxonomy") loadTaxonomy();
  if (name === "queries") loadQueries();
  saveState(false);
}

function drawFilters(meta) {
  const labels = $("#f-labels");
  labels.replaceChildren();
  for (const [label, t] of Object.entries(TYPES)) {
    const count = meta.nodes[label] || 0;
    if (!count) continue;
    const sw = el("i", { class: "swatch" });
    sw.style.backgroundColor = t.color;
    const box = el("input", { type: "checkbox", value: label, checked: !state.labels || state.labels.includes(label) });
    labels.append(el("label", { title: label }, box, sw, t.word, el("span", { class: "count", text: String(count) })));
  }
  const rels = $("#f-rels");
  rels.replaceChildren();
  for (const r of meta.relationships) {
    const count = meta.edges[r] || 0;
    if (!count) continue;
    const box = el("input", { type: "checkbox", value: r, checked: !state.rels || state.rels.includes(r) });
    rels.append(el("label", { title: r }, box, r.toLowerCase().replace(/_/g, " "), el("span", { class: "count", text: String(count) })));
  }
  const fam = $("#f-family");
  fam.replaceChildren(el("option", { value: "", text: "All families" }));
  for (const f of meta.families) { names.set(f.id, { name: f.name, label: "Technique" }); fam.append(el("option", { value: f.id, text: f.name })); }
  fam.value = state.family;
  for (const sel of [$("#f-from"), $("#f-to")]) {
    sel.replaceChildren(el("option", { value: "", text: "any" }));
    for (const y of Object.keys(meta.years)) sel.append(el("option", { value: y, text: `${y} (${meta.years[y]})` }));
  }
  $("#f-from").value = state.year_from;
  $("#f-to").value = state.year_to;
  const stats = $("#stats");
  const total = Object.values(meta.nodes).reduce((a, b) => a + b, 0);
  const edges = Object.values(meta.edges).reduce((a, b) => a + b, 0);
  stats.textContent = `${meta.store} store · ${total} nodes · ${edges} edges · ${meta.nodes.Paper || 0} papers`;
}

function applyFilters() {
  const checked = (box) => [...box.querySelectorAll("input:checked")].map((i) => i.value);
  const all = (box) => box.querySelectorAll("input").length;
  const labels = checked($("#f-labels"));
  const rels = checked($("#f-rels"));
  state.labels = labels.length === all($("#f-labels")) ? null : labels;
  state.rels = rels.length === all($("#f-rels")) ? null : rels;
  state.family = $("#f-family").value;
  state.year_from = $("#f-from").value;
  state.year_to = $("#f-to").value;
  saveState(true);
  loadView({ animate: true });
}

function resetFilters() {
  state.labels = null; state.rels = null; state.family = ""; state.year_from = ""; state.year_to = "";
  if (page.meta) drawFilters(page.meta);
  saveState(true);
  loadView({ animate: true });
}

let taxonomyLoaded = false;
async function loadTaxonomy() {
  if (taxonomyLoaded) return;
  taxonomyLoaded = true;
  const box = $("#taxonomy");
  box.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
  try {
    const tax = await api("/api/taxonomy");
    const byId = new Map(tax.rows.map((r) => [r.id, r]));
    const kids = new Map();
    for (const r of tax.rows) {
      names.set(r.id, { name: r.name, label: r.label });
      for (const p of r.parents) if (byId.has(p)) { if (!kids.has(p)) kids.set(p, []); kids.get(p).push(r); }
    }
    for (const list of kids.values()) list.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
    const item = (r, depth, seen) => {
      const label = el("a", { class: "node", href: linkFor(r.id), onclick: (ev) => { ev.preventDefault(); focusOn(r.id); } }, r.name);
      const count = el("span", { class: "n", title: "papers on this class / including its subclasses", text: r.papers === r.total ? `${r.total}` : `${r.papers} / ${r.total}` });
      const children = (kids.get(r.id) || []).filter((c) => !seen.has(c.id));
      const li = el("li", { class: r.total ? "" : "zero" });
      if (!children.length) { li.append(el("div", { class: "leaf" }, label, count)); return li; }
      const det = el("details", { open: depth < 1 }, el("summary", {}, label, count));
      const ul = el("ul", {});
      const next = new Set(seen); next.add(r.id);
      for (const c of children) ul.append(item(c, depth + 1, next));
      det.append(ul);
      li.append(det);
      return li;
    };
    const roots = tax.rows.filter((r) => r.depth === 0);
    const ul = el("ul", {});
    for (const r of roots) ul.append(item(r, 0, new Set()));
    box.replaceChildren(ul);
  } catch (err) {
    taxonomyLoaded = false;
    box.replaceChildren(el("p", { class: "muted", text: err.message }));
  }
}

function runPath() {
  const a = $("#path-a");
  const b = $("#path-b");
  const va = a.dataset.id || a.value.trim();
  const vb = b.dataset.id || b.value.trim();
  if (!va || !vb) { showError(new Error("Give both ends of the path.")); return; }
  state.pa = va;
  state.pb = vb;
  state.max_hops = parseInt($("#path-hops").value, 10) || 4;
  saveState(true);
  loadView({ animate: true });
}

function clearPath() {
  state.pa = ""; state.pb = "";
  $("#path-a").value = ""; $("#path-b").value = "";
  delete $("#path-a").dataset.id; delete $("#path-b").dataset.id;
  saveState(true);
  loadView({ animate: false });
}

async function loadQueries() {
  if (page.queries) return;
  try {
    page.queries = await api("/api/queries");
  } catch (err) { showError(err); return; }
  const sel = $("#q-name");
  sel.replaceChildren();
  for (const q of page.queries) sel.append(el("option", { value: q.name, text: q.title }));
  sel.value = state.query || "technique-evaluations";
  if (!sel.value && page.queries.length) sel.value = page.queries[0].name;
  drawQueryForm();
}

function drawQueryForm() {
  const q = (page.queries || []).find((x) => x.name === $("#q-name").value);
  const form = $("#q-form");
  form.replaceChildren();
  if (!q) return;
  $("#q-desc").textContent = q.description;
  const example = q.examples[0] || {};
  const current = q.name === state.query ? state.qp : {};
  for (const p of q.params) {
    let input;
    const value = current[p.name] ?? (p.required ? example[p.name] ?? "" : "");
    if (p.type === "choice") {
      input = el("select", { name: p.name }, el("option", { value: "", text: p.default !== null && p.default !== undefined ? `(default: ${p.default})` : "(any)" }),
        p.choices.map((c) => el("option", { value: c, text: c })));
      input.value = value;
    } else if (p.type === "bool") {
      input = el("select", { name: p.name }, el("option", { value: "", text: `(default: ${p.default})` }), el("option", { value: "true", text: "yes" }), el("option", { value: "false", text: "no" }));
      input.value = value;
    } else {
      input = el("input", { name: p.name, type: p.type === "int" || p.type === "float" ? "number" : "text", value: value,
        placeholder: p.example || (p.default !== null && p.default !== undefined ? `default ${p.default}` : ""),
        min: p.minimum ?? null, max: p.maximum ?? null });
    }
    const field = el("label", { class: "field with-suggest" }, `${p.name}${p.required ? " *" : ""}`, input, el("span", { class: "help muted", text: p.help }));
    if (p.type === "entity") {
      const list = el("ul", { class: "suggest", role: "listbox", id: `q-suggest-${p.name}`, hidden: true });
      field.append(list);
      const labels = p.labels.length === 1 ? p.labels[0].replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase() : null;
      attachSuggest(input, list, (h) => { input.value = h.id; }, { label: labels });
    }
    form.append(field);
  }
}

function runQuery() {
  const name = $("#q-name").value;
  const qp = {};
  for (const input of $("#q-form").querySelectorAll("input, select")) if (input.value !== "") qp[input.name] = input.value;
  state.query = name;
  state.qp = qp;
  saveState(true);
  loadView({ animate: false });
}

// -- export ---------------------------------------------------------------------------------------------
function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

function exportName(ext) {
  const base = (state.focus || state.query || "view").replace(/[^a-z0-9.-]+/gi, "-");
  return `effkg-${base}.${ext}`;
}

function exportJson() {
  const doc = {
    url: location.href,
    state: Object.fromEntries(pageParams()),
    exported: new Date().toISOString(),
    nodes: cy.nodes().map((n) => ({ ...n.data(), position: n.position(), classes: n.classes() })),
    edges: cy.edges().map((e) => ({ ...e.data(), classes: e.classes() })),
    selected: page.entity,
    path: page.view ? page.view.path : null,
    query: page.answer,
  };
  download(new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" }), exportName("json"));
}

function exportPng() {
  const blob = cy.png({ output: "blob", bg: "#ffffff", full: true, scale: 2, maxWidth: 6000, maxHeight: 6000 });
  download(blob, exportName("png"));
}

// -- start ----------------------------------------------------------------------------------------------
async function start() {
  initCanvas();
  readState();
  attachSuggest($("#search"), $("#search-list"), (h) => { $("#search").value = ""; focusOn(h.id); });
  const pathList = (input) => {
    const list = el("ul", { class: "suggest", role: "listbox", id: `${input.id}-list`, hidden: true });
    input.parentElement.classList.add("with-suggest");
    input.parentElement.append(list);
    attachSuggest(input, list, (h) => { input.value = h.name; input.dataset.id = h.id; });
  };
  pathList($("#path-a"));
  pathList($("#path-b"));
  for (const b of document.querySelectorAll(".tabs button")) b.addEventListener("click", () => openTab(b.dataset.tab));
  $("#f-apply").addEventListener("click", applyFilters);
  $("#f-reset").addEventListener("click", resetFilters);
  $("#path-run").addEventListener("click", runPath);
  $("#path-clear").addEventListener("click", clearPath);
  $("#q-name").addEventListener("change", drawQueryForm);
  $("#q-run").addEventListener("click", runQuery);
  $("#drawer-close").addEventListener("click", () => { state.query = ""; state.qp = {}; saveState(true); loadView({ animate: false }); });
  $("#btn-fit").addEventListener("click", () => cy.animate({ fit: { eles: cy.elements(), padding: 40 }, duration: 250 }));
  $("#btn-png").addEventListener("click", exportPng);
  $("#btn-json").addEventListener("click", exportJson);
  $("#btn-link").addEventListener("click", async () => {
    try { await navigator.clipboard.writeText(location.href); toast("Link to this view copied"); } catch (_) { toast(location.href); }
  });
  window.addEventListener("popstate", () => { readState(); syncControls(); loadView({ animate: false }); });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "/" && document.activeElement.tagName !== "INPUT") { ev.preventDefault(); $("#search").focus(); }
  });
  $("#cy").addEventListener("keydown", canvasKey);

  syncControls();
  twinLink();
  // The tab is part of the URL: show it at once, before any answer arrives.
  openTab(state.tab);
  // The graph first: the filters' counts are asked for once it is painted (the page stays busy till then).
  setBusy(true);
  try {
    await loadView({ animate: false });
    page.meta = await api("/api/meta");
    drawFilters(page.meta);
    drawWelcome(page.meta);
  } catch (err) {
    showError(err);
  } finally {
    setBusy(false);
  }
}

function syncControls() {
  if (state.pa) { $("#path-a").value = (names.get(state.pa) || { name: state.pa }).name; $("#path-a").dataset.id = state.pa; }
  if (state.pb) { $("#path-b").value = (names.get(state.pb) || { name: state.pb }).name; $("#path-b").dataset.id = state.pb; }
  $("#path-hops").value = String(state.max_hops);
  if (page.meta) drawFilters(page.meta);
}

const FLAGSHIP_FAMILIES = ["technique/quantization", "technique/kv-cache-compression", "technique/mixture-of-experts",
  "technique/state-space-models"];

function drawWelcome(meta) {
  const chips = $("#welcome-chips");
  chips.replaceChildren();
  if (!Object.values(meta.nodes).some((n) => n > 0)) {
    $("#welcome p").textContent = "This store is empty: build the graph first (kg build SOURCES --store …), then reload.";
  }
  const picks = [];
  if (meta.start) picks.push(meta.start);
  // The four families people come for first, then the others in the order the page lists them.
  const rank = (f) => { const i = FLAGSHIP_FAMILIES.indexOf(f.id); return i < 0 ? FLAGSHIP_FAMILIES.length : i; };
  const families = meta.families.map((f, i) => [rank(f), i, f]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [, , f] of families.slice(0, 8)) picks.push(f);
  for (const p of picks) chips.append(el("a", { href: linkFor(p.id), onclick: (ev) => { ev.preventDefault(); focusOn(p.id); } }, p.name));
  $("#welcome").hidden = cy.nodes().length > 0;
}

start();
