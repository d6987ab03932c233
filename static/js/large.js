// 长者模式 on the public pages: large type and high contrast, chosen with
// the switch in the page's bar and remembered on this device. Loaded in
// <head> without defer so that a reader who chose it never sees the page
// small first.
(function () {
  "use strict";
  var key = "nianbao-large";
  var root = document.documentElement;
  var on = false;
  try { on = localStorage.getItem(key) === "1"; } catch (e) { /* storage refused: the switch still works for this page */ }
  root.classList.toggle("large", on);
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("large-mode");
    if (!button) { return; }
    button.hidden = false;
    button.setAttribute("aria-pressed", String(on));
    button.addEventListener("click", function () {
      on = !on;
      root.classList.toggle("large", on);
      button.setAttribute("aria-pressed", String(on));
      try { localStorage.setItem(key, on ? "1" : "0"); } catch (e) { /* see above */ }
    });
  });
})();
