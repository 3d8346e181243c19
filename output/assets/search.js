/* baocao search: filters the index in assets/search-index.js, ignoring diacritics; hits in a
   title come first, then figures, then pages whose words match, each saying where it is. */
(function () {
  "use strict";
  var form = document.getElementById("tim-kiem");
  var input = document.getElementById("q");
  var list = document.getElementById("ket-qua");
  var status = document.getElementById("trang-thai");
  if (!form || !input || !list || !window.BAOCAO_SEARCH) { return; }
  var root = form.getAttribute("data-root") || "";
  var one = "1 kết quả cho “{query}”";
  var many = "{n} kết quả cho “{query}”";
  var figure = "Số liệu";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/['\u2019\u02bc\u2010-]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  // The index leaves out of the keys the words of a quote that holds its whole text.
  window.BAOCAO_SEARCH.forEach(function (e) {
    if (e.x) { e.k += " " + fold(e.x); }
  });
  // Higher first: a page whose title holds every word, a figure whose label does, other
  // figures, then pages whose other words match.
  function rank(entry, words) {
    var title = entry.k.slice(0, entry.n);
    var isFigure = entry.d.indexOf(figure) === 0;
    if (words.every(function (w) { return title.indexOf(w) !== -1; })) { return isFigure ? 3 : 4; }
    return isFigure ? 2 : 1;
  }
  // The words around the first word of the query in the page's text, if it is there.
  function quote(entry, words) {
    if (!entry.x) { return ""; }
    var at = fold(entry.x).indexOf(words[0]);
    if (at === -1) { return ""; }
    var start = Math.max(0, entry.x.lastIndexOf(" ", Math.max(0, at - 60)));
    var end = entry.x.indexOf(" ", Math.min(entry.x.length, at + 100));
    if (end === -1) { end = entry.x.length; }
    return (start > 0 ? "…" : "") + entry.x.slice(start, end).trim() + (end < entry.x.length ? "…" : "");
  }
  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var hits = [];
    if (words.length > 0) {
      window.BAOCAO_SEARCH.forEach(function (e, i) {
        if (words.every(function (w) { return e.k.indexOf(w) !== -1; })) {
          hits.push({ entry: e, rank: rank(e, words), order: i });
        }
      });
    }
    hits.sort(function (a, b) { return b.rank - a.rank || a.order - b.order; });
    list.textContent = "";
    hits.forEach(function (hit) {
      var e = hit.entry;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + e.u;
      a.textContent = e.t;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" · " + e.d));
      var around = hit.rank === 1 ? quote(e, words) : "";
      if (around) {
        var p = document.createElement("span");
        p.className = "search-quote";
        p.textContent = around;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    var text = hits.length === 1 ? one : many.replace("{n}", String(hits.length));
    status.textContent = words.length === 0 ? "" : text.replace("{query}", query.trim());
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); }
  var full = document.getElementById("tat-ca");
  if (full) { full.hidden = true; }
  show(input.value);
  input.addEventListener("input", function () { show(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    var first = list.querySelector("a");
    if (first) { first.focus(); }
  });
})();
