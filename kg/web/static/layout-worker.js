// effkg explorer: lays out the view the URL names while the page's scripts load and its canvas starts
// (boot.js hands over the /api/view answer as text). It runs the page's own layout on the page's own
// input (layout.js), so the page takes these positions when the input's key matches its own and lays
// the graph out itself otherwise (a query's answer merged in, say).
import { layoutGraph, layoutInput } from "/static/layout.js";

self.onmessage = (ev) => {
  let out = null;
  try {
    const t0 = performance.now();
    const { graph, centres } = layoutInput(JSON.parse(ev.data.text), null, ev.data.sel);
    out = layoutGraph(graph, centres);
    out.ms = performance.now() - t0;
  } catch (_) {
    out = null;
  }
  self.postMessage(out);
};
