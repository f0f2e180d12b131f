// effkg explorer: the graph layout. A radial tree around the anchors (focus first), refined by a
// short force-directed pass and a collision pass. Deterministic (no randomness: the same elements
// always get the same positions, so a shared link draws the same picture) and fast enough for a few
// hundred nodes on the first frame: plain arrays, O(n²) repulsion below 600 nodes, a grid above.

const RING = 120; // distance between BFS rings around an anchor

// -- what the page draws: shared by the page (app.js) and the worker that lays out the first view --

/** Diameter of a node on the canvas by type (model units); best-connected nodes are drawn bigger. */
const SIZES = {
  Method: 30, Technique: 32, Paper: 20, Model: 24, ModelFamily: 26, Architecture: 22, Hardware: 24,
  HardwareClass: 26, Dataset: 22, Result: 18, Metric: 18, MemoryComponent: 22, Bottleneck: 22, Topic: 24,
};

export function nodeSize(label, degree) {
  const grow = Math.min(18, 4 * Math.log2(1 + (degree || 0)));
  return Math.round((SIZES[label] || 20) + grow * (label === "Paper" || label === "Result" ? 0.4 : 1));
}

/** Union of subgraphs, nodes and edges by id (the first copy wins). */
export function mergeSubgraphs(...graphs) {
  const nodes = new Map();
  const edges = new Map();
  for (const g of graphs) {
    if (!g) continue;
    for (const n of g.nodes || []) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of g.edges || []) if (!edges.has(e.id)) edges.set(e.id, e);
  }
  const ns = [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const es = [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { nodes: ns, edges: es };
}

/**
 * What a `view` (the /api/view answer), a named query's `answer` and the selected id `sel` put on the
 * canvas: the merged graph, its anchors (focus and expanded entities) and the layout's centres (the
 * anchors, else a path's start, else the selection: never the selection when there is a focus, so
 * that selecting does not move the picture).
 */
export function layoutInput(view, answer, sel) {
  const anchors = new Set(view ? view.graph.focus : []);
  const centres = [...anchors];
  if (!centres.length && view && view.path) centres.push(view.path.a.id);
  if (!centres.length && sel) centres.push(sel);
  let graph = mergeSubgraphs(view && view.graph, view && view.path && view.path.subgraph, answer && answer.subgraph);
  if (!graph.nodes.length && view && view.selected) {
    // A link that only selects an entity shows that entity on its own.
    const s = view.selected;
    graph = mergeSubgraphs({ nodes: [{ id: s.id, label: s.label, name: s.name, degree: 0 }], edges: [] });
  }
  return { graph, anchors, centres };
}

/** The layout of a graph from layoutInput: positions (Map id -> {x, y}) and the key of its input. */
export function layoutGraph(graph, centres) {
  const nodes = graph.nodes.map((n) => ({ id: n.id, size: nodeSize(n.label, n.degree) }));
  return { key: layoutKey(nodes, graph.edges, centres), positions: radialForceLayout(nodes, graph.edges, centres) };
}

/** Two layouts with the same key are the same positions (the layout is a pure function of this). */
export function layoutKey(nodes, edges, centres) {
  return [nodes.map((n) => `${n.id} ${n.size}`).join("\n"), edges.map((e) => `${e.source} ${e.target}`).join("\n"),
    centres.join("\n")].join("\n\n");
}

/**
 * Positions for `nodes` ({id, size}) joined by `edges` ({source, target}), centred on `anchors`.
 * Returns a Map id -> {x, y}.
 */
export function radialForceLayout(nodes, edges, anchors, opts = {}) {
  const n = nodes.length;
  const pos = new Map();
  if (!n) return pos;
  // Small graphs are read label by label: give each node more room (big ones are read as a shape).
  const SPACING = n < 60 ? 70 : 40; // room per node along a ring
  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const adj = Array.from({ length: n }, () => []);
  const links = [];
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    adj[a].push(b);
    adj[b].push(a);
    links.push([a, b]);
  }
  for (const list of adj) list.sort((x, y) => (nodes[x].id < nodes[y].id ? -1 : 1));

  // -- 1. spanning forest by BFS from the anchors, then the rest component by component ------------
  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n).fill(-1);
  const roots = [];
  const order = [];
  const bfs = (starts) => {
    const queue = [];
    for (const s of starts) if (depth[s] < 0) { depth[s] = 0; queue.push(s); roots.push(s); }
    for (let h = 0; h < queue.length; h++) {
      const u = queue[h];
      order.push(u);
      for (const v of adj[u]) if (depth[v] < 0) { depth[v] = depth[u] + 1; parent[v] = u; queue.push(v); }
    }
  };
  const anchorIdx = anchors.map((a) => index.get(a)).filter((i) => i !== undefined);
  // The focus roots the main tree; other anchors join it when connected.
  if (anchorIdx.length) bfs([anchorIdx[0]]);
  for (const a of anchorIdx) if (depth[a] < 0) bfs([a]);
  for (let i = 0; i < n; i++) if (depth[i] < 0) bfs([i]);

  // -- 2. radial tree: each subtree gets a wedge proportional to its leaves --------------------------
  const children = Array.from({ length: n }, () => []);
  for (const u of order) if (parent[u] >= 0) children[parent[u]].push(u);
  const leaves = new Float64Array(n);
  for (let k = order.length - 1; k >= 0; k--) {
    const u = order[k];
    leaves[u] = children[u].length ? children[u].reduce((s, c) => s + leaves[c], 0) : 1;
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const ringCount = new Map();
  for (const u of order) ringCount.set(`${rootOf(u)}:${depth[u]}`, (ringCount.get(`${rootOf(u)}:${depth[u]}`) || 0) + 1);
  function rootOf(u) { while (parent[u] >= 0) u = parent[u]; return u; }
  const radius = (root, d) => (d === 0 ? 0 : Math.max(d * RING, ((ringCount.get(`${root}:${d}`) || 1) * SPACING) / (2 * Math.PI)));

  // Components side by side on a row, biggest (the focus's) first.
  let offsetX = 0;
  for (const r of roots) {
    const maxDepth = order.reduce((m, u) => (rootOf(u) === r ? Math.max(m, depth[u]) : m), 0);
    const extent = radius(r, maxDepth) + RING / 2;
    const cx = offsetX + (offsetX ? extent : 0);
    const place = (u, a0, a1) => {
      const mid = (a0 + a1) / 2;
      const rad = radius(r, depth[u]);
      x[u] = cx + rad * Math.cos(mid);
      y[u] = rad * Math.sin(mid);
      let a = a0;
      for (const c of children[u]) {
        const span = ((a1 - a0) * leaves[c]) / leaves[u];
        place(c, a, a + span);
        a += span;
      }
    };
    place(r, 0, 2 * Math.PI);
    offsetX = cx + extent + RING;
  }

  // -- 3. force-directed refinement (Fruchterman-Reingold with a cooling schedule) ----------------
  const size = Float64Array.from(nodes, (nd) => nd.size || 24);
  const k = opts.k || (n < 30 ? 110 : n < 80 ? 90 : 72);
  const iterations = opts.iterations ?? (n > 600 ? 60 : n > 250 ? 90 : 140);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const pinned = new Uint8Array(n);
  if (anchorIdx.length) pinned[anchorIdx[0]] = 1;
  let temp = RING * 0.6;
  const useGrid = n > 600;
  const cell = 2.5 * k;
  const k2 = k * k;
  const cell2 = cell * cell;
  const m = links.length;
  const la = new Int32Array(m);
  const lb = new Int32Array(m);
  for (let e = 0; e < m; e++) { la[e] = links[e][0]; lb[e] = links[e][1]; }
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    if (!useGrid) {
      for (let i = 0; i < n; i++) {
        const xi = x[i];
        const yi = y[i];
        let fx = 0;
        let fy = 0;
        for (let j = i + 1; j < n; j++) {
          let ex = xi - x[j];
          let ey = yi - y[j];
          let d2 = ex * ex + ey * ey;
          if (d2 < 0.01) { ex = 0.1 * ((i % 7) - 3); ey = 0.1 * ((j % 5) - 2); d2 = ex * ex + ey * ey + 0.01; }
          const f = k2 / d2;
          fx += ex * f; fy += ey * f;
          dx[j] -= ex * f; dy[j] -= ey * f;
        }
        dx[i] += fx; dy[i] += fy;
      }
    } else {
      const grid = new Map();
      for (let i = 0; i < n; i++) {
        const key = `${Math.floor(x[i] / cell)},${Math.floor(y[i] / cell)}`;
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(i);
      }
      for (let i = 0; i < n; i++) {
        const gx = Math.floor(x[i] / cell);
        const gy = Math.floor(y[i] / cell);
        for (let ox = -1; ox <= 1; ox++) {
          for (let oy = -1; oy <= 1; oy++) {
            const list = grid.get(`${gx + ox},${gy + oy}`);
            if (!list) continue;
            for (const j of list) {
              if (j <= i) continue;
              let ex = x[i] - x[j];
              let ey = y[i] - y[j];
              let d2 = ex * ex + ey * ey;
              if (d2 < 0.01) { ex = 0.1 * ((i % 7) - 3); ey = 0.1 * ((j % 5) - 2); d2 = ex * ex + ey * ey + 0.01; }
              if (d2 > cell2) continue;
              const f = k2 / d2;
              dx[i] += ex * f; dy[i] += ey * f;
              dx[j] -= ex * f; dy[j] -= ey * f;
            }
          }
        }
      }
    }
    for (let e = 0; e < m; e++) {
      const a = la[e];
      const b = lb[e];
      const ex = x[a] - x[b];
      const ey = y[a] - y[b];
      const d = Math.sqrt(ex * ex + ey * ey) || 0.01;
      const f = d / k;
      dx[a] -= ex * f; dy[a] -= ey * f;
      dx[b] += ex * f; dy[b] += ey * f;
    }
    for (let i = 0; i < n; i++) {
      if (pinned[i]) continue;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (d > 0) {
        const step = Math.min(d, temp) / d;
        x[i] += dx[i] * step;
        y[i] += dy[i] * step;
      }
    }
    temp *= 0.96;
  }

  // -- 4. collisions: push overlapping nodes apart (labels sit under nodes, so leave room) --------------
  for (let pass = 0; pass < 10; pass++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const need = (size[i] + size[j]) / 2 + 18;
        const ex = x[j] - x[i];
        const ey = y[j] - y[i];
        if (Math.abs(ex) > need || Math.abs(ey) > need) continue;
        const d = Math.sqrt(ex * ex + ey * ey);
        if (d >= need) continue;
        const push = (need - d) / 2;
        // Two nodes on the very same spot part along a direction fixed by their indices.
        const ux = d > 0.01 ? ex / d : Math.cos(i * 2.399 + j);
        const uy = d > 0.01 ? ey / d : Math.sin(i * 2.399 + j);
        if (!pinned[i]) { x[i] -= ux * push; y[i] -= uy * push; }
        if (!pinned[j]) { x[j] += ux * push; y[j] += uy * push; }
        moved = true;
      }
    }
    if (!moved || n > 1200) break;
  }

  for (let i = 0; i < n; i++) pos.set(nodes[i].id, { x: Math.round(x[i] * 10) / 10, y: Math.round(y[i] * 10) / 10 });
  return pos;
}
