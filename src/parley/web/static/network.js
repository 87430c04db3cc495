// The actor network: Cytoscape.js over the graph the page embeds; edges open their evidence.
"use strict";
(function () {
  var P = window.parley;
  var graph = P.readJSON("network-data");
  var container = document.getElementById("network");
  var panel = document.getElementById("evidence");
  if (!container || !graph || !graph.edges.length) return;

  var names = {};
  var maxEvents = 1, maxWeight = 1;
  graph.nodes.forEach(function (n) { names[n.id] = n.name; maxWeight = Math.max(maxWeight, n.weight); });
  graph.edges.forEach(function (e) { maxEvents = Math.max(maxEvents, e.events); });
  // a node's size says how many others it deals with (its degree)
  var degree = {}, maxDegree = 1;
  graph.edges.forEach(function (e) {
    [e.source, e.target].forEach(function (id) { degree[id] = (degree[id] || 0) + 1; maxDegree = Math.max(maxDegree, degree[id]); });
  });
  var LABELLED = 12;  // the most connected few carry their names; the rest show them on hover
  var labelled = {};
  graph.nodes.slice().sort(function (a, b) { return (degree[b.id] || 0) - (degree[a.id] || 0) || b.weight - a.weight; })
    .slice(0, LABELLED).forEach(function (n) { labelled[n.id] = true; });
  var elements = graph.nodes.map(function (n) {
    var size = 12 + 34 * Math.sqrt((degree[n.id] || 0) / maxDegree);
    return { group: "nodes", classes: labelled[n.id] ? "labelled" : "", data: { id: "n:" + n.id, actor: n.id, name: n.name, weight: n.weight, size: size,
                                     degree: degree[n.id] || 0 } };
  }).concat(graph.edges.map(function (e, i) {
    return { group: "edges", classes: e.cooperation >= e.conflict ? "coop" : "conf",
             data: { id: "e" + i, source: "n:" + e.source, target: "n:" + e.target, events: e.events, edge: e } };
  }));

  // labels for the most connected few and on hover, at a constant size on screen whatever the zoom
  var LABEL_PX = 13;
  function onScreen(px) {  // a model size that shows as `px` screen pixels at the current zoom
    return function (ele) { return px / ele.cy().zoom(); };
  }
  var cy = cytoscape({
    container: container,
    elements: elements,
    minZoom: 0.2,
    maxZoom: 2.5,
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 12000, idealEdgeLength: 110,
              nodeDimensionsIncludeLabels: true, padding: 40 },
    style: [
      { selector: "node", style: {
        "label": "", "font-size": onScreen(LABEL_PX), "color": "#1d2330", "text-valign": "bottom",
        "text-margin-y": onScreen(4),
        "background-color": "#2357a6", "width": "data(size)", "height": "data(size)",
        "text-wrap": "ellipsis", "text-max-width": onScreen(160), "text-background-color": "#ffffff",
        "text-background-opacity": 0.85, "text-background-padding": onScreen(2) } },
      { selector: "node.labelled, node.hover", style: { "label": "data(name)" } },
      { selector: "node.hover", style: { "z-index": 10, "background-color": "#1b4684" } },
      { selector: "edge", style: {
        "width": "mapData(events, 1, " + maxEvents + ", 1, 10)", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "arrow-scale": 0.8, "opacity": 0.75 } },
      { selector: "edge.coop", style: { "line-color": "#1b7837", "target-arrow-color": "#1b7837" } },
      { selector: "edge.conf", style: { "line-color": "#c2372b", "target-arrow-color": "#c2372b" } },
      { selector: ":selected", style: { "opacity": 1, "overlay-opacity": 0.15 } }
    ]
  });
  cy.style().update();  // the labels' sizes for the zoom the layout ended with
  cy.on("zoom", function () { cy.style().update(); });
  cy.on("mouseover", "node", function (evt) { evt.target.addClass("hover"); container.style.cursor = "pointer"; });
  cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hover"); container.style.cursor = ""; });

  cy.on("tap", "node", function (evt) {
    window.location.href = "/actors/" + encodeURIComponent(evt.target.data("actor"));
  });
  cy.on("tap", "edge", function (evt) { evidence(evt.target.data("edge")); });

  function evidence(edge) {
    P.clear(panel);
    panel.appendChild(P.el("h3", null, names[edge.source] + " → " + names[edge.target]));
    panel.appendChild(P.el("p", "muted", edge.events + " events · " + edge.cooperation + " cooperation · " +
                                         edge.conflict + " conflict"));
    var loading = P.el("p", "muted", "Loading…");
    panel.appendChild(loading);
    var url = "/api/events?limit=50&actor=" + encodeURIComponent(edge.source) + "&with=" + encodeURIComponent(edge.target);
    fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (page) {
        panel.removeChild(loading);
        var list = P.el("ul");
        page.items.forEach(function (e) {
          var li = P.el("li");
          var who = (e.actor1 ? e.actor1.name : "?") + (e.actor2 ? " → " + e.actor2.name : "");
          li.appendChild(P.el("div", null, (e.date || "undated") + " · " + e.type + " (" + e.status + ") · " + who));
          (e.sources || []).slice(0, 2).forEach(function (s) {
            li.appendChild(P.el("div", "sentence", "“" + s.sentence + "”"));
            var src = P.el("div", "muted");
            src.appendChild(P.link(P.articleHref(s.article_id, e.id), s.outlet || "source article"));
            li.appendChild(src);
          });
          list.appendChild(li);
        });
        panel.appendChild(list);
        if (page.next_offset !== null) panel.appendChild(P.el("p", "muted", "Showing the first 50."));
      })
      .catch(function (err) { loading.textContent = "Could not load the events (" + err.message + ")."; });
  }
  container.setAttribute("data-rendered", String(cy.nodes().length));
})();
