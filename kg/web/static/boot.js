// effkg explorer, first script of the page: start fetching the view the URL names while the
// graph library is still downloading and compiling; app.js picks the answer up.
(function () {
  "use strict";
  var u = new URLSearchParams(location.search);
  var keys = ["focus", "expand", "labels", "rels", "family", "year_from", "year_to", "sel", "pa", "pb", "max_hops"];
  var p = new URLSearchParams();
  keys.forEach(function (k) { u.getAll(k).forEach(function (v) { if (v) p.append(k, v); }); });
  if (!(u.get("pa") && u.get("pb"))) { p.delete("pa"); p.delete("pb"); p.delete("max_hops"); }
  if (!(p.get("focus") || p.get("expand") || p.get("sel") || p.get("pa"))) return;
  var qs = p.toString();
  window.__effkgEarly = {
    qs: qs,
    response: fetch("/api/view?" + qs, { headers: { Accept: "application/json" } }),
  };
})();
