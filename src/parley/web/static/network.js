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
  var elements = graph.nodes.map(function (n) {
    return { group: "nodes", data: { id: "n:" + n.id, actor: n.id, name: n.name, weight: n.weight } };
  }).concat(graph.edges.map(function (e, i) {
    return { group: "edges", classes: e.cooperation >= e.conflict ? "coop" : "conf",
             data: { id: "e" + i, source: "n:" + e.source, target: "n:" + e.target, events: e.events, edge: e } };
  }));

  var cy = cytoscape({
    container: container,
    elements: elements,
    minZoom: 0.2,
    maxZoom: 1.5,
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90 },
    style: [
      { selector: "node", style: {
        "label": "data(name)", "font-size": 11, "color": "#1d2330", "text-valign": "bottom", "text-margin-y": 3,
        "background-color": "#2357a6", "width": "mapData(weight, 1, " + maxWeight + ", 10, 42)",
        "height": "mapData(weight, 1, " + maxWeight + ", 10, 42)", "text-wrap": "ellipsis", "text-max-width": 140 } },
      { selector: "edge", style: {
        "width": "mapData(events, 1, " + maxEvents + ", 1, 10)", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "arrow-scale": 0.8, "opacity": 0.75 } },
      { selector: "edge.coop", style: { "line-color": "#1b7837", "target-arrow-color": "#1b7837" } },
      { selector: "edge.conf", style: { "line-color": "#c2372b", "target-arrow-color": "#c2372b" } },
      { selector: ":selected", style: { "opacity": 1, "overlay-opacity": 0.15 } }
    ]
  });

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
