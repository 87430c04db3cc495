// The dyad chart: monthly events by quad class as bars (cooperation up, conflict down) and the
// Goldstein sum as a line. Hand-written SVG: small, and no eval-based library under the CSP.
"use strict";
(function () {
  var P = window.parley;
  var payload = P.readJSON("dyad-data");
  var host = document.getElementById("dyad");
  if (!host || !payload || !payload.series.length) return;
  var NS = "http://www.w3.org/2000/svg";

  function months(rows) {
    // every month from the first to the last, so gaps show as gaps
    var byMonth = {};
    rows.forEach(function (r) { byMonth[r.month] = r; });
    var first = rows[0].month.split("-").map(Number), last = rows[rows.length - 1].month.split("-").map(Number);
    var out = [], y = first[0], m = first[1] || 1;
    while ((y < last[0] || (y === last[0] && m <= (last[1] || 12))) && out.length < 600) {
      var key = y + "-" + (m < 10 ? "0" : "") + m;
      out.push(byMonth[key] || { month: key, quad1: 0, quad2: 0, quad3: 0, quad4: 0, goldstein: 0, events: 0 });
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }
  function svg(tag, attrs, parent, text) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = String(text);
    parent.appendChild(node);
    return node;
  }

  var rows = months(payload.series);
  var chart = P.el("div", "plot");
  host.appendChild(chart);

  function draw() {
    // drawn at the box's own pixel width (no stretched text), again when that width changes
    P.clear(chart);
    var W = Math.max(280, chart.clientWidth || host.clientWidth || 1000), H = 360;
    var L = 40, R = 44, T = 16, B = 34;
    // one symmetric scale: cooperation up and conflict down share the same unit, zero in the middle
    var top = Math.max(1, Math.max.apply(null, rows.map(function (r) {
      return Math.max(r.quad1 + r.quad2, r.quad3 + r.quad4);
    })));
    var half = (H - T - B) / 2, zero = T + half, scale = half / top;
    var step = (W - L - R) / rows.length, bw = Math.max(1, Math.min(48, step * 0.75));
    var gmax = Math.max(1, Math.max.apply(null, rows.map(function (r) { return Math.abs(r.goldstein); })));
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, role: "img" }, chart);
    svg("title", {}, root, "Monthly cooperation and conflict");

    var ticks = [top, 0, -top];
    if (top >= 4) ticks.push(Math.round(top / 2), -Math.round(top / 2));
    ticks.forEach(function (v) {
      var y = zero - v * scale;
      svg("line", { x1: L, x2: W - R, y1: y, y2: y, "class": "grid" }, root);
      svg("text", { x: L - 6, y: y + 4, "text-anchor": "end" }, root, Math.round(Math.abs(v)));
    });
    // month labels ~56 px apart whatever the width, none cut at the edges
    var every = Math.max(1, Math.ceil(56 / step));
    rows.forEach(function (r, i) {
      var x = L + i * step + (step - bw) / 2, y = zero;
      [["quad2", "bar2"], ["quad1", "bar1"]].forEach(function (q) {
        var h = r[q[0]] * scale;
        if (h > 0) { y -= h; svg("rect", { x: x, y: y, width: bw, height: h, "class": q[1] }, root); }
      });
      y = zero;
      [["quad3", "bar3"], ["quad4", "bar4"]].forEach(function (q) {
        var h = r[q[0]] * scale;
        if (h > 0) { svg("rect", { x: x, y: y, width: bw, height: h, "class": q[1] }, root); y += h; }
      });
      if (i % every === 0) {
        var cx = Math.min(Math.max(L + i * step + step / 2, L + 24), W - R - 24);
        svg("text", { x: cx, y: H - 12, "text-anchor": "middle", "class": "month" }, root, r.month);
      }
    });
    svg("line", { x1: L, x2: W - R, y1: zero, y2: zero, stroke: "#9aa4b2" }, root);
    var points = rows.map(function (r, i) {
      return (L + i * step + step / 2).toFixed(1) + "," + (zero - r.goldstein / gmax * half).toFixed(1);
    });
    svg("polyline", { points: points.join(" "), "class": "gold" }, root);
    if (rows.length < 40) points.forEach(function (pt) {  // a dot per month: a single month is a dot, not nothing
      var xy = pt.split(",");
      svg("circle", { cx: xy[0], cy: xy[1], r: 3, "class": "gold-dot" }, root);
    });
    svg("text", { x: W - R + 4, y: T + 8 }, root, "+" + Math.round(gmax));
    svg("text", { x: W - R + 4, y: H - B }, root, "−" + Math.round(gmax));
  }
  draw();
  var lastWidth = chart.clientWidth;
  window.addEventListener("resize", function () {
    if (chart.clientWidth !== lastWidth) { lastWidth = chart.clientWidth; draw(); }
  });

  var legend = P.el("div", "chart-legend");
  [["l1", payload.quads["1"]], ["l2", payload.quads["2"]], ["l3", payload.quads["3"]], ["l4", payload.quads["4"]],
   ["lg", "Goldstein sum (right scale)"]].forEach(function (x) { legend.appendChild(P.el("span", x[0], x[1])); });
  host.appendChild(legend);
  host.setAttribute("data-rendered", String(rows.length));
})();
