// Review page: selecting a field outlines where it was read; keyboard shortcuts.
// No framework, no build: this file is served as is.
(function () {
  "use strict";
  var fieldButtons = Array.prototype.slice.call(document.querySelectorAll("button.field-select"));
  var current = -1;

  function clearBoxes() {
    document.querySelectorAll(".page .box").forEach(function (box) { box.remove(); });
    fieldButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", "false");
      b.closest("tr").classList.remove("selected");
    });
  }

  // field_boxes are page-relative [x0, y0, x1, y1] in [0, 1]: percentages of the image.
  function showBoxes(button) {
    clearBoxes();
    button.setAttribute("aria-pressed", "true");
    button.closest("tr").classList.add("selected");
    var piece = document.getElementById("piece-" + button.dataset.piece);
    var boxes = JSON.parse(button.dataset.boxes || "[]");
    var first = null;
    boxes.forEach(function (item) {
      var page = piece.querySelector('.page[data-page="' + item.page + '"]');
      if (!page) { return; }
      var b = item.bbox, box = document.createElement("div");
      box.className = "box";
      box.style.left = (b[0] * 100) + "%";
      box.style.top = (b[1] * 100) + "%";
      box.style.width = ((b[2] - b[0]) * 100) + "%";
      box.style.height = ((b[3] - b[1]) * 100) + "%";
      page.appendChild(box);
      first = first || box;
    });
    if (first) { first.scrollIntoView({block: "center", behavior: "smooth"}); }
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
    else if (event.key === "a") {
      var approve = document.getElementById("approve-form");
      if (approve && window.confirm("Approuver ce dossier ?")) { event.preventDefault(); approve.requestSubmit(); }
    }
  });
})();
