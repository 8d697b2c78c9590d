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

  // Event page: scroll to the first evidence mark when asked (#evidence).
  if (window.location.hash === "#evidence") {
    const first = document.querySelector(".text mark");
    if (first) { first.classList.add("focus"); first.scrollIntoView({ block: "center" }); }
  }
})();
