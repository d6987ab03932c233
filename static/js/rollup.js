// The 汇总 report's panel in the editor: the cell in focus shows its parts
// (which body gave what) in the panel. No inline code (CSP); without it the
// panel links to the page of sums, where every cell opens its parts.
(function () {
  "use strict";
  var panel = document.getElementById("rollup");
  var form = document.getElementById("report-form");
  if (!panel || !form || !window.htmx) return;
  var base = panel.dataset.parts, shown = "", timer = 0;
  form.addEventListener("focusin", function (e) {
    var input = e.target;
    if (!input.matches || !input.matches("input.num") || !input.name) return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (input.name === shown) return;
      shown = input.name;
      htmx.ajax("GET", base + "?cell=" + encodeURIComponent(input.name), { target: "#rollup-parts", swap: "innerHTML" });
    }, 150);
  });
})();
