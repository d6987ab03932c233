// nianbao's own script. Small, no inline code (CSP), progressive: every page
// works without it. What it adds to the report editor:
//  - Enter and the arrow keys move between table cells like a spreadsheet;
//  - pasting a block copied from Excel/WPS fills the table from the cell;
//  - clicking a finding moves focus to its cell, or to its text box with
//    the sentence it quotes selected (and the cell it names marked);
//  - refused inputs get aria-invalid after each live check;
//  - unsaved typing is not lost silently (a warning before leaving, a retry
//    when the network fails, the server's reason when it refuses a save).
// And to the preview of an imported text: a link to a line scrolls the text
// there and marks the line (without it, CSS marks the :target line).
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // ---- below 1100 px the editor's findings are a drawer at the bottom:
  // its button says what the findings say, and opens and closes it ----
  document.addEventListener("DOMContentLoaded", function () {
    var side = document.getElementById("side");
    var toggle = side && side.querySelector(".drawer-toggle");
    if (!toggle) return;
    toggle.addEventListener("click", function () {
      var open = side.classList.toggle("open");
      toggle.setAttribute("aria-expanded", String(open));
    });
    function label() {
      var s = side.querySelector(".findings .summary");
      toggle.textContent = "检查结果：" + (s ? s.textContent.trim() : "");
    }
    label();
    document.body.addEventListener("htmx:afterSettle", label);
    document.body.addEventListener("htmx:oobAfterSwap", label);
  });

  // htmx requests carry the CSRF token from the page's meta tag.
  document.addEventListener("htmx:configRequest", function (e) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) e.detail.headers["X-CSRF-Token"] = meta.content;
    if (e.detail.elt === form()) sendOnlyPending(e.detail.formData);
  });

  // ---- the live check sends only what changed ----
  // Each edit of a field gets a number; a live check sends the fields with
  // an unsaved edit (the server keeps the others as stored), and a field
  // stops being pending only when the answer says it was saved and it has
  // not been edited again since. Without JavaScript the whole form posts.
  var pending = {}, edits = 0, inFlight = {};
  var always = { base_version: 1, _csrf: 1, conflict_version: 1, resolve: 1 };
  function markPending(name) { if (name) pending[name] = ++edits; }
  function sendOnlyPending(fd) {
    if (!fd || !fd.keys) return;
    inFlight = {};
    Array.from(fd.keys()).forEach(function (name) {
      if (always[name] || name.indexOf("keep.") === 0) return;
      if (name in pending) inFlight[name] = pending[name];
      else fd.delete(name);
    });
  }
  // A value taken from another save must not replace what the clerk typed
  // in that field since the request left (it goes with the next check).
  document.addEventListener("htmx:oobBeforeSwap", function (e) {
    var t = e.detail.target;
    if (t && t.name && t.name in pending && !(t.name in inFlight)) e.detail.shouldSwap = false;
  });
  function settlePending(saved) {
    if (!saved) return;
    Object.keys(inFlight).forEach(function (name) {
      if (pending[name] === inFlight[name]) delete pending[name];
    });
    inFlight = {};
  }

  // ---- the grid: cells by position (data-r, data-c) within a table ----
  function cellOf(input) {
    var td = input.closest("td[data-r]");
    return td && { td: td, table: td.closest("table"), r: +td.dataset.r, c: +td.dataset.c };
  }
  function tdAt(table, r, c) {
    return table.querySelector('td[data-r="' + r + '"][data-c="' + c + '"]');
  }
  function rowsOf(table) {
    var seen = {}, rows = [];
    table.querySelectorAll("td[data-r]").forEach(function (td) {
      var r = +td.dataset.r;
      if (!seen[r]) { seen[r] = true; rows.push(r); }
    });
    return rows.sort(function (a, b) { return a - b; });
  }
  function inputIn(td) { return td && td.querySelector("input"); }
  function focusCell(input) {
    if (!input) return false;
    input.focus();
    input.select();
    return true;
  }

  // vertical moves go to the next row with an input in this column (or the
  // nearest column to its left, for section 二's one-column blocks)
  function moveVertical(at, dir) {
    var rows = rowsOf(at.table), i = rows.indexOf(at.r) + dir;
    for (; i >= 0 && i < rows.length; i += dir) {
      for (var c = at.c; c >= 0; c--) {
        var td = tdAt(at.table, rows[i], c);
        if (td) { if (focusCell(inputIn(td))) return; break; }
      }
    }
  }
  function moveHorizontal(at, dir) {
    for (var c = at.c + dir; c >= 0 && c < 40; c += dir) {
      var td = tdAt(at.table, at.r, c);
      if (!td) return;
      if (focusCell(inputIn(td))) return;
    }
  }

  document.addEventListener("keydown", function (e) {
    var el = e.target;
    if (e.isComposing || e.keyCode === 229) return; // IME at work
    if (el.matches && el.matches("input.title-input") && e.key === "Enter") {
      e.preventDefault(); // never submit the form from the title
      return;
    }
    if (!el.matches || !el.matches("td[data-r] input")) return;
    var at = cellOf(el);
    var atStart = el.selectionStart === 0 && el.selectionEnd === 0;
    var atEnd = el.selectionStart === el.value.length && el.selectionEnd === el.value.length;
    switch (e.key) {
      case "Enter": e.preventDefault(); moveVertical(at, e.shiftKey ? -1 : 1); break;
      case "ArrowDown": e.preventDefault(); moveVertical(at, 1); break;
      case "ArrowUp": e.preventDefault(); moveVertical(at, -1); break;
      case "ArrowLeft": if (atStart) { e.preventDefault(); moveHorizontal(at, -1); } break;
      case "ArrowRight": if (atEnd) { e.preventDefault(); moveHorizontal(at, 1); } break;
    }
  });

  // Enter in a cell never submits the form (some input methods send the
  // keypress on its own, after the keydown).
  document.addEventListener("keypress", function (e) {
    if (e.key === "Enter" && e.target.matches && e.target.matches("td[data-r] input, input.title-input")) e.preventDefault();
  });

  // ---- pasting a block from a spreadsheet ----
  var cjk = /[\u3400-\u9fff]/;
  function parseBlock(text) {
    var rows = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n").map(function (l) { return l.split("\t"); });
    // a block copied with its row labels: drop the label column
    var labelled = rows.every(function (r) { return r.length > 1 && cjk.test(r[0]); });
    if (labelled) rows = rows.map(function (r) { return r.slice(1); });
    return { rows: rows, labelled: labelled };
  }

  document.addEventListener("paste", function (e) {
    var el = e.target;
    if (!el.matches || !el.matches("td[data-r] input")) return;
    var text = (e.clipboardData || window.clipboardData).getData("text/plain");
    if (!/[\t\n]/.test(text.replace(/\s+$/, ""))) return; // one value: paste as usual
    e.preventDefault();
    var at = cellOf(el), block = parseBlock(text);
    var rows = rowsOf(at.table).filter(function (r) { return r >= at.r; });
    var filled = 0, computed = 0, outside = 0;
    block.rows.forEach(function (vals, i) {
      vals.forEach(function (v, j) {
        var td = i < rows.length ? tdAt(at.table, rows[i], at.c + j) : null;
        var input = inputIn(td);
        if (input) { input.value = v.trim(); markPending(input.name); filled++; }
        else if (td) computed++;
        else outside++;
      });
    });
    var msg = "已从剪贴板填入" + filled + "个单元格";
    if (computed) msg += "，跳过" + computed + "个自动计算的合计";
    if (outside) msg += "，另有" + outside + "个数超出表格范围未填";
    if (block.labelled) msg += "（已去掉复制进来的行名）";
    announce(msg);
    el.form.dispatchEvent(new Event("nianbao:filled", { bubbles: true }));
    dirty = true;
  });

  function announce(msg) {
    var status = document.getElementById("paste-status");
    var notice = document.getElementById("notice");
    if (status) status.textContent = msg;
    if (notice) { notice.textContent = msg; notice.classList.remove("empty"); }
  }

  // ---- findings and comments move focus to their place ----
  var placeLinks = "[data-focus], .editor-comments .comment-where a";
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest(placeLinks);
    if (link && follow(link)) e.preventDefault();
  });
  // Enter on such a link follows it on the keyup: were the focus moved to
  // the text box on the keydown, the key's newline would be typed there,
  // over the words just selected.
  var entered = null;
  document.addEventListener("keydown", function (e) {
    entered = null;
    if (e.key !== "Enter" || e.isComposing || !e.target.matches || !e.target.matches("a") || !e.target.matches(placeLinks)) return;
    e.preventDefault();
    entered = e.target;
  });
  document.addEventListener("keyup", function (e) {
    if (e.key === "Enter" && entered && e.target === entered) follow(entered);
    entered = null;
  });
  // follow moves to a link's place; false when the page has no such place.
  function follow(link) {
    var id = link.dataset.focus || link.getAttribute("href").slice(1);
    var target = document.getElementById(id);
    if (!target) return false;
    var side = document.getElementById("side");
    if (side && side.classList.contains("open") && side.contains(link)) {
      side.classList.remove("open"); // the drawer (narrow screens) gives way to the place
      var toggle = side.querySelector(".drawer-toggle");
      if (toggle) toggle.setAttribute("aria-expanded", "false");
    }
    target.scrollIntoView({ block: "center" });
    // A paragraph, a line or a cell of a page takes focus too, so that the
    // keyboard goes on from the place (not from the link).
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    if (target.focus) target.focus();
    markCell(link.dataset.cell);
    var found = link.dataset.quote && selectQuote(target, link.dataset.quote, +link.dataset.para);
    if (found) {
      var where = link.dataset.cell ? "；表格中对应的数字已标出：" + link.dataset.cellLabel : "";
      say("已选中所说的句子“" + link.dataset.quote + "”" + where);
    } else if (target.select) target.select();
    return true;
  }

  // ---- a finding about a text selects the sentence it quotes ----
  // The quote is found in the text as it is now, whatever spaces, line
  // breaks or full-width letters and digits stand between (the check
  // reads "１２８" as 128 and quotes the clause as written), preferring
  // the paragraph (Paragraphs' index: the non-blank lines) the finding
  // names. Each kept character remembers its place in the text.
  function folded(text) {
    var out = "", at = [];
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i), code = text.charCodeAt(i);
      if (/\s/.test(ch) || code === 0x3000) continue;
      if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
      out += ch;
      at.push(i);
    }
    return { text: out, at: at };
  }
  // quoteRange is where quote stands in text: [start, end) or null.
  function quoteRange(text, quote, para) {
    var q = folded(quote).text, t = folded(text);
    if (!q) return null;
    var from = 0;
    if (para >= 0) { // the offset of that paragraph's first character
      var lines = text.split("\n"), n = -1, off = 0;
      for (var i = 0; i < lines.length; off += lines[i].length + 1, i++) {
        if (lines[i].trim() === "") continue;
        if (++n === para) { from = off; break; }
      }
    }
    var k = -1, j;
    for (j = 0; j < t.at.length && t.at[j] < from; j++);
    k = t.text.indexOf(q, j);
    if (k < 0) k = t.text.indexOf(q);
    if (k < 0) return null;
    return [t.at[k], t.at[k + q.length - 1] + 1];
  }
  function selectQuote(target, quote, para) {
    if (target.setSelectionRange && typeof target.value === "string") {
      var r = quoteRange(target.value, quote, para);
      if (!r) return false;
      target.setSelectionRange(r[0], r[1]);
      scrollToSelection(target, r[0]);
      return true;
    }
    return selectInElement(target, quote);
  }
  // A text box scrolls its own content to the selection: where the
  // selection starts is measured in a copy of the box's text, laid out
  // as the box lays it out.
  function scrollToSelection(box, start) {
    var cs = getComputedStyle(box), mirror = document.createElement("div");
    ["fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "paddingTop", "paddingLeft",
      "paddingRight", "borderLeftWidth", "borderRightWidth", "boxSizing", "wordBreak", "overflowWrap"].forEach(function (p) {
      mirror.style[p] = cs[p];
    });
    mirror.style.width = box.clientWidth + "px";
    mirror.style.position = "absolute";
    mirror.style.visibility = "hidden";
    mirror.style.whiteSpace = "pre-wrap";
    mirror.textContent = box.value.slice(0, start);
    var spot = document.createElement("span");
    spot.textContent = "\u200b";
    mirror.appendChild(spot);
    document.body.appendChild(mirror);
    var top = spot.offsetTop;
    mirror.remove();
    box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }
  // In a page's text (the review page's paragraph) the quote becomes the
  // document's selection.
  function selectInElement(el, quote) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), nodes = [], text = "", n;
    while ((n = walker.nextNode())) { nodes.push({ node: n, at: text.length }); text += n.nodeValue; }
    var r = quoteRange(text, quote, -1);
    if (!r) return false;
    function point(off) {
      for (var i = nodes.length - 1; i >= 0; i--) if (nodes[i].at <= off) return [nodes[i].node, off - nodes[i].at];
      return [nodes[0].node, 0];
    }
    var a = point(r[0]), b = point(r[1]), range = document.createRange();
    range.setStart(a[0], a[1]);
    range.setEnd(b[0], b[1]);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }
  // The cell a text's finding names is marked until another finding is
  // followed.
  var cellMarked = null;
  function markCell(id) {
    if (cellMarked) cellMarked.classList.remove("finding-named");
    var el = id && document.getElementById(id);
    cellMarked = el ? el.closest("td") || el : null;
    if (cellMarked) cellMarked.classList.add("finding-named");
  }
  // say tells a screen reader (and shows, in the editor's toast) where
  // the finding led; a page without the editor's status line gets a
  // hidden one.
  function say(msg) {
    var status = document.getElementById("paste-status") || document.getElementById("finding-status");
    if (!status) {
      status = document.createElement("p");
      status.id = "finding-status";
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = msg;
  }

  // ---- after each live check: aria-invalid follows the marks ----
  function syncInvalid() {
    document.querySelectorAll("td[data-r] input").forEach(function (input) {
      var mark = document.getElementById(input.getAttribute("aria-describedby"));
      if (mark && mark.dataset.state === "invalid") input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  // ---- nothing typed is lost silently ----
  var dirty = false, retry = null;
  function form() { return document.getElementById("report-form"); }
  document.addEventListener("input", function (e) {
    if (e.target.form && e.target.form === form()) { dirty = true; markPending(e.target.name); }
    var status = document.getElementById("paste-status");
    if (status && e.isTrusted) status.textContent = ""; // typing again: the paste's note has been read
  });

  // ---- full-width digits (a Chinese IME) shown as they are read ----
  // The same mapping as report.normaliseDigits, applied when the clerk
  // leaves the cell, so the box shows the number the server reads.
  var wide = { "，": ",", "、": ",", "．": ".", "。": ".", "－": "-", "−": "-", "–": "-", "＋": "+" };
  document.addEventListener("change", function (e) {
    var el = e.target;
    if (!el.matches || !el.matches("td[data-r] input")) return;
    var v = el.value.replace(/[０-９]/g, function (d) { return String.fromCharCode(d.charCodeAt(0) - 0xfee0); })
      .replace(/[，、．。－−–＋]/g, function (c) { return wide[c]; });
    if (v !== el.value) el.value = v;
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    if (e.target !== form()) return;
    setTimeout(syncInvalid, 0);
    if (e.detail.successful) {
      settlePending(e.detail.xhr.getResponseHeader("Nianbao-Saved") === "true");
      dirty = Object.keys(pending).length > 0;
      return;
    }
    clearTimeout(retry);
    var xhr = e.detail.xhr, status = xhr ? xhr.status : 0;
    if (status >= 400) {
      // The server answered and refused: sending the same again would be
      // refused again. Say why (the server's message), keep what was typed
      // (the fields stay pending, and go with the next edit).
      var reason = (xhr.responseText || "").replace(/\s+/g, " ").trim().slice(0, 200);
      showUnsaved("保存失败：" + (reason || "服务器拒绝了这次保存（" + status + "）") + " 填写的内容仍在页面上，请不要关闭页面");
      return;
    }
    // No answer (the network, a restarting server): try again.
    showUnsaved("未保存：连接服务器失败，正在重试；请不要关闭页面");
    retry = setTimeout(function () { form().dispatchEvent(new Event("nianbao:filled", { bubbles: true })); }, 5000);
  });
  function showUnsaved(msg) {
    var state = document.getElementById("save-state");
    if (state) { state.textContent = msg; state.classList.add("unsaved"); }
  }
  window.addEventListener("beforeunload", function (e) {
    if (dirty && form()) { e.preventDefault(); e.returnValue = ""; }
  });
  document.addEventListener("submit", function () { dirty = false; });
})();

// ---- an imported text: links to a line scroll the text to it and mark it ----
(function () {
  "use strict";
  var marked = null;
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[data-line]");
    if (!link) return;
    var line = document.getElementById("line-" + link.dataset.line);
    if (!line) return;
    e.preventDefault();
    if (marked) marked.classList.remove("hl");
    marked = line;
    line.classList.add("hl");
    line.setAttribute("tabindex", "-1");
    line.scrollIntoView({ block: "center" });
    line.focus({ preventScroll: true });
    if (history.replaceState) history.replaceState(null, "", "#" + line.id);
  });
})();

// ---- the review page's actions post through htmx: a refusal (the server
// answers 403/409/422 with the actions panel) replaces the panel in place,
// with what was typed, and focus goes to the reason; any other refusal is
// said in the panel ----
(function () {
  "use strict";
  // beforeSwap fires on the target; the form that posted is the request's.
  function actionForm(e) {
    var elt = e.detail.requestConfig && e.detail.requestConfig.elt;
    return elt && elt.closest && elt.closest(".action-form");
  }
  document.addEventListener("htmx:beforeSwap", function (e) {
    if (!actionForm(e) || e.detail.xhr.status < 400) return;
    if (/id="actions"/.test(e.detail.xhr.responseText || "")) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
      swapped = true;
      return;
    }
    var panel = document.getElementById("actions");
    var note = document.getElementById("refusal");
    if (!note && panel) {
      note = document.createElement("p");
      note.id = "refusal";
      note.className = "notice error";
      note.setAttribute("role", "alert");
      note.tabIndex = -1;
      panel.querySelector("h2").after(note);
    }
    if (note) {
      note.textContent = "操作未完成：" + ((e.detail.xhr.responseText || "").replace(/\s+/g, " ").trim().slice(0, 200) ||
        "服务器拒绝了这次操作（" + e.detail.xhr.status + "）");
      note.focus();
    }
  });
  var swapped = false;

  // Approving and publishing ask first: the action's button opens its
  // <dialog> as a modal (focus goes inside, to 取消; Esc closes it), whose
  // confirming button posts the form. Closing it gives focus back to the
  // button. Without showModal the post goes on, and the server asks.
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button[data-confirm]");
    var d = b && document.getElementById(b.dataset.confirm);
    if (d && typeof d.showModal === "function") {
      e.preventDefault();
      opener = b;
      d.showModal();
      return;
    }
    var cancel = e.target.closest && e.target.closest("dialog .confirm-cancel");
    if (cancel && cancel.closest("dialog").matches(":modal")) {
      e.preventDefault();
      cancel.closest("dialog").close();
    }
  });
  var opener = null;
  document.addEventListener("close", function (e) { // close does not bubble
    if (e.target.matches && e.target.matches("dialog.confirm-dialog") && opener && opener.isConnected) opener.focus();
  }, true);
  document.addEventListener("htmx:afterSettle", function () {
    if (!swapped) return;
    swapped = false;
    var note = document.getElementById("refusal");
    if (note) note.focus();
  });
})();

// ---- the review page: a cell or paragraph of the document starts a
// comment there. Each table and each narrative section is one tab stop (a
// roving tabindex); the arrow keys move between its cells or paragraphs,
// Enter (or a click) chooses that place in the comment form, which says it
// (a live region) and takes the focus for the comment ----
(function () {
  "use strict";
  function at() { return document.getElementById("comment-at"); }
  function groupOf(el) { return el.closest("table, .report-section"); }
  function itemsOf(g) { return Array.from(g.querySelectorAll("[data-comment-at]")); }
  var item = ".review-doc [data-comment-at]";

  document.addEventListener("DOMContentLoaded", function () {
    if (!at()) return;
    var seen = [];
    document.querySelectorAll(item).forEach(function (el) {
      var g = groupOf(el);
      if (seen.indexOf(g) < 0) { seen.push(g); el.tabIndex = 0; }
      el.setAttribute("aria-describedby", "comment-hint"); // how to comment here
    });
    at().addEventListener("change", say);
  });

  function say() {
    var sel = at(), o = sel.options[sel.selectedIndex];
    var strong = document.querySelector("#comment-place strong");
    if (strong && o) strong.textContent = o.dataset.name || o.textContent;
  }

  var chosen = null;
  function choose(el) {
    var sel = at();
    sel.value = el.dataset.commentAt;
    if (sel.value !== el.dataset.commentAt) return; // not offered
    if (chosen) chosen.classList.remove("comment-target");
    chosen = el;
    el.classList.add("comment-target");
    say();
    var body = document.getElementById("comment-body");
    body.scrollIntoView({ block: "center" });
    body.focus({ preventScroll: true });
  }

  function rove(el) {
    itemsOf(groupOf(el)).forEach(function (x) { x.tabIndex = x === el ? 0 : -1; });
  }

  // The nearest item of the group in the arrow's direction, by where it is
  // drawn (the tables' merged cells make rows and columns uneven): what
  // lies across the direction counts four times what lies along it.
  function neighbour(el, key) {
    var dir = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] }[key];
    if (!dir) return null;
    var r = el.getBoundingClientRect(), cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    var best = null, bestD = Infinity;
    itemsOf(groupOf(el)).forEach(function (x) {
      if (x === el) return;
      var q = x.getBoundingClientRect(), dx = q.left + q.width / 2 - cx, dy = q.top + q.height / 2 - cy;
      var along = dir[0] ? dx * dir[0] : dy * dir[1], across = dir[0] ? Math.abs(dy) : Math.abs(dx);
      if (along <= 1) return;
      var d = along + 4 * across;
      if (d < bestD) { bestD = d; best = x; }
    });
    return best;
  }

  document.addEventListener("click", function (e) {
    var el = e.target.closest && e.target.closest(item);
    if (!el || !at() || e.target.closest("a")) return;
    rove(el);
    choose(el);
  });
  // Enter chooses on its keyup: were the focus moved to the comment box on
  // the keydown, the key's character would be typed into it.
  var pressed = null;
  document.addEventListener("keyup", function (e) {
    if (pressed && e.target === pressed && (e.key === "Enter" || e.key === " ")) choose(pressed);
    pressed = null;
  });
  document.addEventListener("keydown", function (e) {
    var el = e.target;
    if (!el.matches || !el.matches(item) || !at()) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      pressed = el;
      return;
    }
    var next = neighbour(el, e.key);
    if (next) {
      e.preventDefault();
      rove(next);
      next.focus();
    }
  });
})();
