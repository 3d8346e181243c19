/* baocao charts: under each chart, buttons to copy a link to it and to download it as SVG,
   PNG or CSV (its data table). Everything happens in the page, so it works from file://. */
(function () {
  "use strict";
  var words = {
    copy: "Copy link",
    copied: "Link copied",
    tools: "Share or download the chart"
  };
  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }
  function svgBlob(svg) {
    var text = new XMLSerializer().serializeToString(svg);
    return new Blob([text], { type: "image/svg+xml" });
  }
  function png(svg, name) {
    var image = new Image();
    var url = URL.createObjectURL(svgBlob(svg));
    image.onload = function () {
      var box = svg.viewBox.baseVal;
      var canvas = document.createElement("canvas");
      canvas.width = box.width * 2;
      canvas.height = box.height * 2;
      var context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob(function (blob) { save(blob, name); }, "image/png");
    };
    image.src = url;
  }
  function csv(table) {
    var cell = function (text) {
      text = text.trim();
      if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
      return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    };
    var lines = Array.prototype.map.call(table.rows, function (row) {
      return Array.prototype.map.call(row.cells, function (c) { return cell(c.textContent); }).join(",");
    });
    return new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv" });
  }
  Array.prototype.forEach.call(document.querySelectorAll("figure.chart[id]"), function (figure) {
    var svg = figure.querySelector("svg");
    var table = figure.querySelector("table");
    if (!svg) { return; }
    var tools = document.createElement("p");
    tools.className = "chart-tools";
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", words.tools);
    var button = function (label, act) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", function () { act(b); });
      tools.appendChild(b);
      return b;
    };
    var status = document.createElement("span");
    status.setAttribute("role", "status");
    button(words.copy, function () {
      var link = location.href.split("#")[0] + "#" + figure.id;
      var done = function () { status.textContent = words.copied; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(link).then(done, function () { window.prompt(words.copy, link); });
      } else {
        window.prompt(words.copy, link);
      }
    });
    button("SVG", function () { save(svgBlob(svg), figure.id + ".svg"); });
    button("PNG", function () { png(svg, figure.id + ".png"); });
    if (table) { button("CSV", function () { save(csv(table), figure.id + ".csv"); }); }
    tools.appendChild(status);
    figure.insertBefore(tools, svg.nextSibling);
  });
})();
