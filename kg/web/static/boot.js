// effkg explorer, first script of the page: start fetching the view the URL names while the graph
// library is still downloading and compiling, and have a worker lay it out meanwhile (a second core
// does it while this one starts the page); app.js picks both up.
(function () {
  "use strict";
  var u = new URLSearchParams(location.search);
  var keys = ["focus", "expand", "labels", "rels", "family", "year_from", "year_to", "sel", "pa", "pb", "max_hops"];
  var p = new URLSearchParams();
  keys.forEach(function (k) { u.getAll(k).forEach(function (v) { if (v) p.append(k, v); }); });
  if (!(u.get("pa") && u.get("pb"))) { p.delete("pa"); p.delete("pb"); p.delete("max_hops"); }
  if (!(p.get("focus") || p.get("expand") || p.get("sel") || p.get("pa"))) return;
  var qs = p.toString();
  var response = fetch("/api/view?" + qs, { headers: { Accept: "application/json" } });
  var text = response.then(function (res) { return res.text(); });
  var early = window.__effkgEarly = { qs: qs, response: response, text: text, layout: Promise.resolve(null) };
  var worker;
  try {
    worker = new Worker("/static/layout-worker.js", { type: "module" });
  } catch (e) {
    return;
  }
  early.layout = new Promise(function (resolve) {
    var done = function (value) { resolve(value); worker.terminate(); };
    worker.onmessage = function (ev) { done(ev.data); };
    worker.onerror = function () { done(null); };
    worker.onmessageerror = function () { done(null); };
    Promise.all([response, text]).then(function (r) {
      if (!r[0].ok) throw new Error("no view");
      worker.postMessage({ text: r[1], sel: u.get("sel") || "" });
    }).catch(function () { done(null); });
  });
})();
