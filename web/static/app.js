// Review page: selecting a field outlines where it was read; keyboard shortcuts.
// No framework, no build: this file is served as is.
(function () {
  "use strict";
  var fieldButtons = Array.prototype.slice.call(document.querySelectorAll("button.field-select"));
  var current = -1;

  // The boxes themselves are drawn by the page viewer (viewer.js); here, which field is selected.
  function clearBoxes() {
    if (window.pageViewer) { window.pageViewer.clear(); }
    fieldButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", "false");
      b.closest("tr").classList.remove("selected");
    });
  }

  function showBoxes(button) {
    clearBoxes();
    button.setAttribute("aria-pressed", "true");
    button.closest("tr").classList.add("selected");
    if (window.pageViewer) { window.pageViewer.show(button.dataset.piece, JSON.parse(button.dataset.boxes || "[]")); }
  }

  function select(index) {
    if (!fieldButtons.length) { return; }
    current = (index + fieldButtons.length) % fieldButtons.length;
    fieldButtons[current].focus();
    showBoxes(fieldButtons[current]);
  }

  fieldButtons.forEach(function (button, index) {
    button.addEventListener("click", function () { current = index; showBoxes(button); });
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target.matches("input, textarea, select") || target.isContentEditable) { return; }
    if (event.key === "j") { event.preventDefault(); select(current + 1); }
    else if (event.key === "k") { event.preventDefault(); select(current - 1); }
    // The decision and editing keys (a, s, r, i, e) are review.js's: they know about unsaved edits.
  });
})();
