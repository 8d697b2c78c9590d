// communique dashboard: small progressive enhancements; every page works without it.
"use strict";
(function () {
  // Map: show the hovered place in the caption.
  const info = document.getElementById("map-info");
  document.querySelectorAll("circle.marker").forEach(function (marker) {
    marker.addEventListener("mouseenter", function () {
      if (info) info.textContent = marker.dataset.place + ": " + marker.dataset.events;
      marker.classList.add("active");
    });
    marker.addEventListener("mouseleave", function () { marker.classList.remove("active"); });
  });

  // Network: hovering a country dims the edges that do not touch it.
  const network = document.getElementById("network");
  if (network) {
    const edges = network.querySelectorAll("line.edge");
    const nodes = network.querySelectorAll("g.node");
    nodes.forEach(function (node) {
      node.addEventListener("mouseenter", function () {
        const code = node.dataset.code;
        const linked = new Set([code]);
        edges.forEach(function (edge) {
          const touches = edge.dataset.actor === code || edge.dataset.recipient === code;
          edge.classList.toggle("dim", !touches);
          if (touches) { linked.add(edge.dataset.actor); linked.add(edge.dataset.recipient); }
        });
        nodes.forEach(function (other) { other.classList.toggle("dim", !linked.has(other.dataset.code)); });
      });
      node.addEventListener("mouseleave", function () {
        edges.forEach(function (edge) { edge.classList.remove("dim"); });
        nodes.forEach(function (other) { other.classList.remove("dim"); });
      });
    });
  }

  // Map: zoom (wheel, buttons) and pan (drag) by moving the viewBox; markers keep their size.
  const map = document.getElementById("map");
  if (map) {
    const full = { w: +map.dataset.width, h: +map.dataset.height };
    const start = map.dataset.viewbox.split(" ").map(Number);
    let view = start.slice();
    const markers = map.querySelectorAll("circle.marker");
    const apply = function () {
      map.setAttribute("viewBox", view.map(function (v) { return v.toFixed(2); }).join(" "));
      const ratio = view[2] / start[2];
      markers.forEach(function (m) { m.setAttribute("r", (+m.dataset.r * ratio).toFixed(3)); });
    };
    const zoom = function (factor, cx, cy) {
      const w = Math.min(Math.max(view[2] * factor, 20), full.w);
      const h = w * view[3] / view[2];
      cx = cx === undefined ? view[0] + view[2] / 2 : cx;
      cy = cy === undefined ? view[1] + view[3] / 2 : cy;
      const fx = (cx - view[0]) / view[2], fy = (cy - view[1]) / view[3];
      view = [cx - fx * w, cy - fy * h, w, h];
      clamp();
      apply();
    };
    const clamp = function () {
      view[0] = Math.min(Math.max(view[0], 0), full.w - view[2]);
      view[1] = Math.min(Math.max(view[1], 0), full.h - view[3]);
    };
    const point = function (evt) {
      const box = map.getBoundingClientRect();
      return [view[0] + (evt.clientX - box.left) / box.width * view[2],
              view[1] + (evt.clientY - box.top) / box.height * view[3]];
    };
    map.addEventListener("wheel", function (evt) {
      evt.preventDefault();
      const p = point(evt);
      zoom(evt.deltaY > 0 ? 1.25 : 0.8, p[0], p[1]);
    }, { passive: false });
    let drag = null;
    map.addEventListener("pointerdown", function (evt) {
      drag = { x: evt.clientX, y: evt.clientY, view: view.slice(), moved: false };
    });
    window.addEventListener("pointermove", function (evt) {
      if (!drag) return;
      const box = map.getBoundingClientRect();
      const dx = (evt.clientX - drag.x) / box.width * view[2];
      const dy = (evt.clientY - drag.y) / box.height * view[3];
      if (Math.abs(evt.clientX - drag.x) + Math.abs(evt.clientY - drag.y) > 4) drag.moved = true;
      view = [drag.view[0] - dx, drag.view[1] - dy, view[2], view[3]];
      clamp();
      apply();
    });
    window.addEventListener("pointerup", function () { setTimeout(function () { drag = null; }, 0); });
    // A drag that ends on a marker must not follow its link.
    map.addEventListener("click", function (evt) { if (drag && drag.moved) evt.preventDefault(); }, true);
    const button = function (id, fn) { const b = document.getElementById(id); if (b) b.addEventListener("click", fn); };
    button("zoom-in", function () { zoom(0.66); });
    button("zoom-out", function () { zoom(1.5); });
    button("zoom-reset", function () { view = start.slice(); apply(); });
  }

  // Event tables: a click on a heading sorts the rows of this page by that column.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th[data-sort]").forEach(function (th, index) {
      th.tabIndex = 0;
      th.classList.add("sort");
      const sort = function () {
        const down = th.getAttribute("aria-sort") !== "descending";
        table.querySelectorAll("th").forEach(function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        const body = table.tBodies[0];
        const rows = Array.prototype.slice.call(body.rows);
        const key = function (row) {
          const cell = row.cells[index];
          const raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
          return th.dataset.sort === "number" ? parseFloat(raw) || 0 : raw.toLowerCase();
        };
        rows.sort(function (a, b) {
          const x = key(a), y = key(b);
          return (x < y ? -1 : x > y ? 1 : 0) * (down ? -1 : 1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (evt) { if (evt.key === "Enter") sort(); });
    });
  });

  // Event page: scroll to the first evidence mark when asked (#evidence).
  if (window.location.hash === "#evidence") {
    const first = document.querySelector(".text mark");
    if (first) { first.classList.add("focus"); first.scrollIntoView({ block: "center" }); }
  }
})();
