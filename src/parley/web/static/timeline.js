// The interactive timeline: vis-timeline over the entries the page embeds as JSON.
"use strict";
(function () {
  var P = window.parley;
  var entries = P.readJSON("timeline-data") || [];
  var container = document.getElementById("timeline");
  var detail = document.getElementById("detail");
  if (!container || !entries.length) return;

  // labels short enough that a few fit side by side in the box (a phone gets shorter ones)
  var room = Math.max(24, Math.min(70, Math.floor(container.clientWidth / 16)));
  function shorten(text) {
    if (text.length <= room) return text;
    var cut = text.slice(0, room - 1), space = cut.lastIndexOf(" ");
    return (space > room / 2 ? cut.slice(0, space) : cut) + "…";
  }
  var items = entries.map(function (e, i) {
    // an Element, not a string: vis-timeline would parse a string as HTML
    var label = P.el("span", null, shorten(e.text));
    label.title = e.text;
    return { id: i, start: e.date, content: label, className: "q" + (e.quad || 0) + " " + (e.status || "") };
  });
  var last = new Date(entries[entries.length - 1].date);
  var first = new Date(entries[0].date);
  var pad = Math.max((last - first) * 0.05, 86400000 * 3);
  var timeline = new vis.Timeline(container, new vis.DataSet(items), {
    start: new Date(first.getTime() - pad),
    end: new Date(last.getTime() + pad),
    align: "center",
    maxHeight: 520,
    stack: true,
    zoomMin: 86400000 * 3,
    tooltip: { followMouse: false }
  });
  // the first view holds every item, labels included (fit() measures the boxes, not just the dates)
  timeline.once("changed", function () { timeline.fit({ animation: false }); });

  function show(entry) {
    P.clear(detail);
    detail.hidden = false;
    detail.appendChild(P.el("h3", null, entry.date + " · " + entry.text));
    var meta = [entry.status, (entry.outlets || []).join(", ")].filter(Boolean).join(" · ");
    if (meta) detail.appendChild(P.el("p", "muted", meta));
    if (entry.sentence) detail.appendChild(P.el("p", "sentence", "“" + entry.sentence + "”"));
    if (entry.article_id) {
      var p = P.el("p");
      p.appendChild(P.link(P.articleHref(entry.article_id, entry.event_id), "Read the source article →"));
      detail.appendChild(p);
    }
  }
  timeline.on("select", function (props) {
    if (props.items.length) show(entries[props.items[0]]);
  });
  container.setAttribute("data-rendered", String(items.length));
})();
