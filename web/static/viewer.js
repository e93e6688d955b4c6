// Page viewer of the review page (issue 10, point 2): zoom (buttons, Ctrl+wheel, pinch), pan
// (drag), quarter turns, fit to width, and the selected field's boxes drawn on the page and
// brought into view at any zoom and turn. The page images are the pages as the reader read
// them (upright, deskewed, flattened: web/page_images.py), and field boxes are fractions of
// those images: a box is a child of its page's sheet, so it zooms and turns with it.
// app.js calls window.pageViewer.show(pieceIndex, boxes) and .clear(). No framework, no build.
(function () {
  "use strict";
  var MIN_ZOOM = 0.25, MAX_ZOOM = 8, STEP = 1.25, A4 = 297 / 210;
  var viewers = {};

  function button(text, title, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "viewer-tool";
    b.textContent = text;
    if (title) { b.setAttribute("aria-label", title); b.title = title; }
    b.addEventListener("click", action);
    return b;
  }

  // One piece's pages: `.pages` scrolls; each `.page` holds a frame sized to the turned
  // page, and in it a sheet (the image and the boxes) turned by a CSS transform.
  function Viewer(region, index) {
    this.region = region;
    this.index = index;
    this.zoom = 1;  // 1 = the page's width fills the region (fit to width)
    this.turn = 0;  // degrees clockwise: 0, 90, 180, 270
    this.boxes = [];
    this.pages = Array.prototype.slice.call(region.querySelectorAll(".page")).map(this.wrap, this);
    this.toolbar();
    this.gestures();
    var self = this;
    window.addEventListener("resize", function () { self.layout(); });
    this.layout();
  }

  Viewer.prototype.wrap = function (figure) {
    var img = figure.querySelector("img"), frame = document.createElement("div"), sheet = document.createElement("div");
    frame.className = "page-frame";
    sheet.className = "page-sheet";
    figure.insertBefore(frame, img);
    frame.appendChild(sheet);
    sheet.appendChild(img);
    var page = {figure: figure, frame: frame, sheet: sheet, img: img};
    var self = this;
    img.addEventListener("load", function () { self.layout(); });
    return page;
  };

  Viewer.prototype.toolbar = function () {
    var self = this, bar = document.createElement("div"), n = Number(this.index) + 1;  // the index is the id's text
    bar.className = "viewer-toolbar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Affichage des pages de la pièce " + n);
    this.level = document.createElement("span");
    this.level.className = "viewer-level";
    this.level.setAttribute("aria-live", "polite");
    this.focusButton = button("Zoom sur le champ", "Zoomer sur le champ sélectionné", function () { self.zoomToBoxes(); });
    this.focusButton.disabled = true;
    [button("−", "Réduire", function () { self.zoomBy(1 / STEP); }),
     this.level,
     button("+", "Agrandir", function () { self.zoomBy(STEP); }),
     button("Ajuster à la largeur", null, function () { self.setZoom(1); }),
     button("↺", "Pivoter à gauche", function () { self.rotate(-90); }),
     button("↻", "Pivoter à droite", function () { self.rotate(90); }),
     this.focusButton].forEach(function (el) { bar.appendChild(el); });
    // The toolbar and the pages stay one column of the piece's layout.
    var column = document.createElement("div");
    column.className = "viewer";
    this.region.parentNode.insertBefore(column, this.region);
    column.appendChild(bar);
    column.appendChild(this.region);
  };

  Viewer.prototype.aspect = function (page) {  // height / width of the image as served
    var img = page.img;
    return img.naturalWidth ? img.naturalHeight / img.naturalWidth : A4;
  };

  // Sizes in CSS pixels: the frame takes the turned page's size, the sheet the upright one's.
  Viewer.prototype.layout = function () {
    var width = Math.max(100, this.region.clientWidth - 2), zoom = this.zoom, turn = this.turn;
    var sideways = turn % 180 !== 0;
    this.pages.forEach(function (page) {
      var aspect = this.aspect(page);
      var frameW = width * zoom;
      var sheetW = sideways ? frameW / aspect : frameW, sheetH = sheetW * aspect;
      var frameH = sideways ? sheetW : sheetH;
      page.frame.style.width = frameW + "px";
      page.frame.style.height = frameH + "px";
      page.sheet.style.width = sheetW + "px";
      page.sheet.style.height = sheetH + "px";
      var shift = {0: "", 90: "translate(" + sheetH + "px, 0) ", 180: "translate(" + sheetW + "px, " + sheetH + "px) ",
                   270: "translate(0, " + sheetW + "px) "}[turn];
      page.sheet.style.transform = shift + "rotate(" + turn + "deg)";
    }, this);
    this.level.textContent = Math.round(zoom * 100) + " %";
    this.region.classList.toggle("zoomed", zoom > 1);
  };

  // Zoom keeping the point at (clientX, clientY) (default: the region's centre) where it is.
  Viewer.prototype.setZoom = function (zoom, clientX, clientY) {
    zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    var r = this.region, rect = r.getBoundingClientRect();
    var x = (clientX === undefined ? rect.width / 2 : clientX - rect.left);
    var y = (clientY === undefined ? rect.height / 2 : clientY - rect.top);
    var fx = (r.scrollLeft + x) / Math.max(1, r.scrollWidth), fy = (r.scrollTop + y) / Math.max(1, r.scrollHeight);
    this.zoom = zoom;
    this.layout();
    r.scrollLeft = fx * r.scrollWidth - x;
    r.scrollTop = fy * r.scrollHeight - y;
  };

  Viewer.prototype.zoomBy = function (factor, clientX, clientY) { this.setZoom(this.zoom * factor, clientX, clientY); };

  Viewer.prototype.rotate = function (degrees) {
    this.turn = (this.turn + degrees + 360) % 360;
    this.layout();
    this.reveal();
  };

  Viewer.prototype.gestures = function () {
    var self = this, r = this.region, pointers = {}, drag = null, pinch = null;
    r.addEventListener("wheel", function (event) {
      if (!event.ctrlKey) { return; }  // a plain wheel scrolls; Ctrl+wheel and a trackpad pinch zoom
      event.preventDefault();
      self.zoomBy(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX, event.clientY);
    }, {passive: false});
    r.addEventListener("pointerdown", function (event) {
      pointers[event.pointerId] = event;
      var ids = Object.keys(pointers);
      if (ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        pinch = {distance: Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY), zoom: self.zoom};
        drag = null;
      } else if (event.pointerType === "mouse" && event.button === 0) {
        drag = {x: event.clientX, y: event.clientY, left: r.scrollLeft, top: r.scrollTop};
        r.setPointerCapture(event.pointerId);
        r.classList.add("dragging");
      }
    });
    r.addEventListener("pointermove", function (event) {
      if (!(event.pointerId in pointers)) { return; }
      pointers[event.pointerId] = event;
      var ids = Object.keys(pointers);
      if (pinch && ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        var distance = Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
        self.setZoom(pinch.zoom * distance / Math.max(1, pinch.distance), (a.clientX + b.clientX) / 2, (a.clientY + b.clientY) / 2);
      } else if (drag) {
        r.scrollLeft = drag.left - (event.clientX - drag.x);
        r.scrollTop = drag.top - (event.clientY - drag.y);
      }
    });
    function end(event) {
      delete pointers[event.pointerId];
      if (Object.keys(pointers).length < 2) { pinch = null; }
      if (drag) { drag = null; r.classList.remove("dragging"); }
    }
    ["pointerup", "pointercancel", "pointerleave"].forEach(function (name) { r.addEventListener(name, end); });
  };

  Viewer.prototype.clear = function () {
    this.boxes.forEach(function (box) { box.remove(); });
    this.boxes = [];
    this.focusButton.disabled = true;
  };

  // field_boxes are page-relative [x0, y0, x1, y1] in [0, 1]: percentages of the sheet.
  Viewer.prototype.show = function (boxes) {
    this.clear();
    boxes.forEach(function (item) {
      var page = this.pages.filter(function (p) { return p.figure.dataset.page === String(item.page); })[0];
      if (!page) { return; }
      var b = item.bbox, box = document.createElement("div");
      box.className = "box";
      box.style.left = (b[0] * 100) + "%";
      box.style.top = (b[1] * 100) + "%";
      box.style.width = ((b[2] - b[0]) * 100) + "%";
      box.style.height = ((b[3] - b[1]) * 100) + "%";
      page.sheet.appendChild(box);
      this.boxes.push(box);
    }, this);
    this.focusButton.disabled = !this.boxes.length;
    this.reveal();
  };

  // The first box centred in the region (whatever the zoom and turn: measured on screen),
  // and the region itself brought into the window.
  Viewer.prototype.reveal = function () {
    var box = this.boxes[0];
    if (!box) { return; }
    var r = this.region, rb = r.getBoundingClientRect(), bb = box.getBoundingClientRect();
    r.scrollLeft += (bb.left + bb.width / 2) - (rb.left + rb.width / 2);
    r.scrollTop += (bb.top + bb.height / 2) - (rb.top + rb.height / 2);
    // The viewer's toolbar and the box in the window, below the sticky decision bar if any.
    var column = r.parentNode.getBoundingClientRect(), top = stickyBottom() + 8;
    bb = box.getBoundingClientRect();
    if (column.top < top || bb.bottom > window.innerHeight) { window.scrollBy(0, column.top - top); }
  };

  function stickyBottom() {
    var bottom = 0;
    document.querySelectorAll(".decision, header").forEach(function (el) {
      var position = window.getComputedStyle(el).position;
      if (position === "sticky" || position === "fixed") { bottom = Math.max(bottom, el.getBoundingClientRect().bottom); }
    });
    return bottom;
  }

  // Zoom so that the selected field's length (across the screen, or down it on a turned
  // page) fills about half the region (a card's small print becomes readable); centre it.
  Viewer.prototype.zoomToBoxes = function () {
    var box = this.boxes[0];
    if (!box) { return; }
    var bb = box.getBoundingClientRect(), across = bb.width >= bb.height;
    var room = across ? this.region.clientWidth : this.region.clientHeight;
    this.setZoom(this.zoom * 0.5 * room / Math.max(1, across ? bb.width : bb.height));
    this.reveal();
  };

  function viewer(index) {
    if (!(index in viewers)) {
      var piece = document.getElementById("piece-" + index), region = piece && piece.querySelector(".pages");
      if (!region) { return null; }
      viewers[index] = new Viewer(region, index);
    }
    return viewers[index];
  }

  document.querySelectorAll("section.piece").forEach(function (piece) {
    viewer(piece.id.replace("piece-", ""));
  });

  window.pageViewer = {
    show: function (pieceIndex, boxes) {
      Object.keys(viewers).forEach(function (i) { viewers[i].clear(); });
      var v = viewer(String(pieceIndex));
      if (v) { v.show(boxes); }
    },
    clear: function () { Object.keys(viewers).forEach(function (i) { viewers[i].clear(); }); }
  };
})();
