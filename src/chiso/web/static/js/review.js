/* chiso review: keyboard shortcuts for a reviewer going through a long form.
   j / k: next / previous row; e: adjust the selected row; c: the comment; the actions have
   access keys (Alt+a accept, Alt+d adjust, Alt+r send back). Keys typed into a field are left
   alone. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-review]");
  if (!form) return;
  var at = -1;
  function rows() {
    return Array.prototype.filter.call(form.querySelectorAll("tr[data-review-row]"), function (tr) {
      return tr.offsetParent !== null;  // rows of a closed group are skipped
    });
  }
  function select(i) {
    var all = rows();
    if (!all.length) return;
    at = Math.max(0, Math.min(all.length - 1, i));
    all.forEach(function (tr) { tr.classList.remove("row-focus"); });
    var tr = all[at];
    tr.classList.add("row-focus");
    tr.setAttribute("tabindex", "-1");
    tr.focus({ preventScroll: true });
    tr.scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) {
      if (ev.key === "Escape") { t.blur(); }
      return;
    }
    if (ev.key === "j") { select(at + 1); ev.preventDefault(); }
    else if (ev.key === "k") { select(at - 1); ev.preventDefault(); }
    else if (ev.key === "e") {
      var tr = rows()[at], input = tr && tr.querySelector("input[name^=adj__]");
      if (input) { input.focus(); ev.preventDefault(); }
    } else if (ev.key === "c") {
      var c = document.getElementById("review-comment");
      if (c) { c.focus(); ev.preventDefault(); }
    }
  });
})();
