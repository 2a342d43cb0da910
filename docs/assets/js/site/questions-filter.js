/* Filter the question bank (interview/questions.md) by role and question kind.
   Plain script, no library, nothing loaded from the network. Without JavaScript the
   filter stays hidden and the full list shows. */
(function () {
  "use strict";
  function setup() {
    var box = document.querySelector("[data-ap-filter]");
    if (!box) return;
    var role = box.querySelector("[data-ap-filter-role]");
    var kind = box.querySelector("[data-ap-filter-kind]");
    var count = box.querySelector("[data-ap-filter-count]");
    var items = Array.prototype.slice.call(document.querySelectorAll(".ap-question"));
    function apply() {
      var r = role.value, k = kind.value, shown = 0;
      items.forEach(function (el) {
        var roles = (el.getAttribute("data-roles") || "").split(" ");
        var ok = (!r || roles.indexOf(r) >= 0) && (!k || el.getAttribute("data-kind") === k);
        el.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = "Показано вопросов: " + shown + " из " + items.length;
    }
    role.addEventListener("change", apply);
    kind.addEventListener("change", apply);
    box.hidden = false;
    apply();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();

// The theme's search dialog has no accessible name; give it one (axe: aria-dialog-name).
(function () {
  var search = document.querySelector(".md-search");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Поиск");
})();

// The theme wraps wide tables in a scrollable box after load; a keyboard user must reach it
// (axe: scrollable-region-focusable): each box becomes a focusable, named region. A table wider
// than the screen (a phone) says so under it, so no column disappears unnoticed; the hint goes
// below the table, where adding it moves nothing the reader is looking at.
(function () {
  function label(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) return caption.textContent.trim();
    for (var el = wrap.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return "Таблица: " + el.textContent.replace(/¶$/, "").trim();
    }
    return "Таблица";
  }
  function hint(wrap) {
    var wide = wrap.scrollWidth > wrap.clientWidth + 1;
    var next = wrap.nextElementSibling;
    var shown = next && next.classList.contains("ap-scroll-hint");
    if (wide && !shown) {
      var p = document.createElement("p");
      p.className = "ap-scroll-hint";
      p.textContent = "Таблица шире экрана: прокрутите её вбок, чтобы увидеть все столбцы →";
      wrap.parentNode.insertBefore(p, wrap.nextSibling);
    } else if (!wide && shown) {
      next.remove();
    }
  }
  function mark(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])"), function (wrap) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", label(wrap));
    });
    Array.prototype.forEach.call(root.querySelectorAll(".md-typeset__scrollwrap"), hint);
  }
  var content = document.querySelector(".md-content") || document.body;
  mark(content);
  // watch only while the theme sets the page up, not while the tools re-render
  var watch = new MutationObserver(function () { mark(content); });
  watch.observe(content, { childList: true, subtree: true });
  window.addEventListener("resize", function () { mark(content); });
  window.addEventListener("load", function () {
    setTimeout(function () { mark(content); watch.disconnect(); }, 1000);
  });
})();
