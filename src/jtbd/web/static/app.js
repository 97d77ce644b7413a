// jtbd web: small progressive enhancements. Every feature also works without JavaScript.
(function () {
  "use strict";
  // Review and add-code forms: post in the background and swap in the re-rendered sentence.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var target = form.getAttribute("data-fetch");
    if (!target || !window.fetch) { return; }
    event.preventDefault();
    var el = document.getElementById(target);
    if (el) { el.classList.add("busy"); }
    fetch(form.action, { method: "POST", body: new FormData(form), headers: { "X-Requested-With": "fetch" },
                         credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.text(); })
      .then(function (html) {
        // The server renders this fragment with every customer word escaped.
        if (el) { el.outerHTML = html; }
        if (form.id === "addcode-pop") { form.hidden = true; }
      })
      .catch(function () { form.removeAttribute("data-fetch"); form.submit(); });
  });
  // "+" on a sentence: open the shared add-code popover next to it instead of a new page.
  document.addEventListener("click", function (event) {
    var pop = document.getElementById("addcode-pop");
    if (!pop) { return; }
    var link = event.target.closest ? event.target.closest("a[data-add]") : null;
    if (link) {
      event.preventDefault();
      var id = link.getAttribute("data-add");
      pop.action = "/excerpts/" + id + "/codes";
      pop.setAttribute("data-fetch", "ex-" + id);
      var box = link.getBoundingClientRect();
      pop.hidden = false;
      pop.style.top = (window.scrollY + box.bottom + 6) + "px";
      pop.style.left = Math.max(8, Math.min(window.scrollX + box.left - 20, document.documentElement.clientWidth - 300)) + "px";
      pop.querySelector("select").focus();
    } else if (event.target.hasAttribute && event.target.hasAttribute("data-close")) {
      pop.hidden = true;
    }
  });
  document.addEventListener("keydown", function (event) {
    var pop = document.getElementById("addcode-pop");
    if (pop && event.key === "Escape") { pop.hidden = true; }
  });
  // Filter forms submit when a select changes.
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit")) { form.submit(); }
  });
  // "/" focuses the search box.
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (event.key === "/" && tag !== "input" && tag !== "textarea" && tag !== "select") {
      var box = document.querySelector(".searchbox input");
      if (box) { event.preventDefault(); box.focus(); }
    }
  });
})();
