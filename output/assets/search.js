/* baocao search: filters the index in assets/search-index.js, ignoring diacritics. */
(function () {
  "use strict";
  var form = document.getElementById("tim-kiem");
  var input = document.getElementById("q");
  var list = document.getElementById("ket-qua");
  var status = document.getElementById("trang-thai");
  if (!form || !input || !list || !window.BAOCAO_SEARCH) { return; }
  var root = form.getAttribute("data-root") || "";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/['\u2019\u02bc\u2010-]/g, "").replace(/[đĐ]/g, "d").toLowerCase().trim();
  }
  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var hits = window.BAOCAO_SEARCH.filter(function (e) {
      return words.every(function (w) { return e.k.indexOf(w) !== -1; });
    });
    list.textContent = "";
    hits.forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + e.u;
      a.textContent = e.t;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" · " + e.d));
      list.appendChild(li);
    });
    status.textContent = words.length === 0 ? "" : hits.length + " " + "kết quả cho" + " “" + query + "”";
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
