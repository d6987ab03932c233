// nianbao's own script: small, no inline code (CSP), progressive — every
// page works without it.
(function () {
  "use strict";
  // htmx requests carry the CSRF token from the page's meta tag.
  document.addEventListener("htmx:configRequest", function (e) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) e.detail.headers["X-CSRF-Token"] = meta.content;
  });
})();
