// Corrections and decisions on the review page (issue 10): edits counted until saved, no
// decision while some are unsaved, what the last save changed brought into view, and the
// decision keys. Field selection (j/k) and the page viewer are app.js's and viewer.js's.
// No framework, no build: this file is served as is.
(function () {
  "use strict";
  // After "Approuver et suivant": the next dossier's title has the focus (not <body>), so
  // that a keyboard or a screen reader starts from it.
  var title = document.getElementById("dossier-title");
  if (title && new URLSearchParams(window.location.search).has("precedent")) { title.focus(); }
  var form = document.getElementById("corrections-form");
  if (!form) { return; }
  var inputs = Array.prototype.slice.call(document.querySelectorAll("input.field-value"));
  var pending = document.getElementById("pending-edits");
  var warning = document.getElementById("unsaved-warning");
  var saving = false;

  function edited() {
    return inputs.filter(function (input) { return input.value !== input.dataset.saved; });
  }

  function plural(count, one, many) { return count === 1 ? one : count + " " + many; }

  function showPending() {
    var count = edited().length;
    pending.textContent = count ? plural(count, "1 modification non enregistrée", "modifications non enregistrées") : "";
    inputs.forEach(function (input) {
      input.closest("tr").classList.toggle("edited", input.value !== input.dataset.saved);
    });
  }

  // Where the bar sticks to the top of the window (not on phones: there it stays in the
  // flow), what the page scrolls to stops below it.
  function keepClearOfBar() {
    var bar = document.querySelector(".decision");
    var sticky = bar && window.getComputedStyle(bar).position === "sticky";
    document.documentElement.style.scrollPaddingTop = sticky ? (bar.offsetHeight + 12) + "px" : "";
  }

  function warnUnsaved(changes) {
    var names = changes.map(function (input) { return input.dataset.label; }).join(", ");
    document.getElementById("unsaved-text").textContent =
      plural(changes.length, "1 modification n'est pas enregistrée", "modifications ne sont pas enregistrées") +
      " (" + names + ") : aucune décision n'a été prise. Enregistrez-les (les contrôles seront relancés) " +
      "ou annulez-les, puis décidez.";
    warning.hidden = false;
    keepClearOfBar();
    document.getElementById("unsaved-save").focus();
  }

  function discardEdits() {
    inputs.forEach(function (input) { input.value = input.dataset.saved; });
    showPending();
    warning.hidden = true;
    keepClearOfBar();
    var first = document.querySelector("form.decision-form button[type=submit]");
    if (first) { first.focus(); }
  }

  // The save's outcome in full where the page takes the agent (the first corrected row, or
  // the piece): the bar's copy is far above on a phone, and one line on a laptop. The row's
  // input is described by it, so a screen reader reads it with the focused field.
  function echoOutcome(summary, target) {
    var line = document.createElement("p");
    var input = target.matches("tr") ? target.querySelector("input.field-value") : null;
    line.id = "change-outcome";
    line.className = "notice change-outcome";
    line.textContent = summary.textContent;
    if (input) {
      input.parentNode.insertBefore(line, input.nextSibling);
      input.setAttribute("aria-describedby", line.id);
    } else {
      line.tabIndex = -1;
      var heading = target.querySelector(":scope > h2");
      target.insertBefore(line, heading ? heading.nextSibling : target.firstChild);
    }
    summary.classList.add("echoed");
    keepClearOfBar();
    return input || line;
  }

  // After a save: the corrected rows marked, the first brought into view and focused.
  function showLastChange() {
    var summary = document.getElementById("change-summary");
    if (!summary) { return; }
    var rows = (summary.dataset.rows || "").split(" ").map(function (id) {
      return id && document.getElementById(id);
    }).filter(Boolean);
    rows.forEach(function (row) { row.classList.add("just-corrected"); });
    var target = rows[0] || (location.hash && document.getElementById(location.hash.slice(1)));
    // The whole page (#contenu): the bar's summary is at its top, in sight.
    var focus = target && target.matches("tr, section.piece") ? echoOutcome(summary, target) : summary;
    if (target) { target.scrollIntoView({block: rows.length ? "center" : "start"}); }
    focus.focus({preventScroll: true});
  }

  function decide(buttonId) {
    var button = document.getElementById(buttonId);
    if (!button || button.disabled) { return; }
    var changes = edited();
    if (changes.length) { warnUnsaved(changes); return; }
    var question = buttonId === "approve-next" ? "Approuver ce dossier et ouvrir le suivant ?" : "Approuver ce dossier ?";
    if (window.confirm(question)) { button.click(); }
  }

  function openAndFocus(detailsId, fieldId) {
    var details = document.getElementById(detailsId);
    if (!details) { return; }
    details.open = true;
    var field = document.getElementById(fieldId);
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }

  function editSelectedField() {
    var selected = document.querySelector("button.field-select[aria-pressed=true]");
    var input = selected && selected.closest("tr").querySelector("input.field-value");
    if (input) { input.focus(); input.select(); }
  }

  inputs.forEach(function (input) { input.addEventListener("input", showPending); });

  document.querySelectorAll("form.decision-form").forEach(function (decision) {
    decision.addEventListener("submit", function (event) {
      var changes = edited();
      decision.querySelector("input[name=unsaved]").value = String(changes.length);
      if (changes.length) { event.preventDefault(); warnUnsaved(changes); }
    });
  });
  document.getElementById("unsaved-discard").addEventListener("click", discardEdits);
  form.addEventListener("submit", function () { saving = true; });
  // Leaving the page (a link, the queue) with edits unsaved: the browser asks first.
  window.addEventListener("beforeunload", function (event) {
    if (!saving && edited().length) { event.preventDefault(); event.returnValue = ""; }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Escape" && target.matches("input.field-value")) {
      var button = target.closest("tr").querySelector("button.field-select");
      button.click();
      button.focus();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target.matches("input, textarea, select") || target.isContentEditable) { return; }
    var actions = {
      a: function () { decide("approve"); },
      s: function () { decide("approve-next"); },
      r: function () { openAndFocus("reject-details", "reject-message"); },
      i: function () { openAndFocus("sendback-details", "sendback-message"); },
      e: editSelectedField
    };
    if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
  });

  window.addEventListener("resize", keepClearOfBar);
  keepClearOfBar();
  showPending();  // values kept from a refused save are edits still to save
  // After the load: the browser's own jump to the address's #fragment would take the focus back.
  if (document.readyState === "complete") { showLastChange(); }
  else { window.addEventListener("load", function () { window.setTimeout(showLastChange, 0); }); }
})();
