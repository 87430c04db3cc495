// The map page: a tile-free Leaflet map (the world outline is a bundled GeoJSON file) with one
// circle per place. Text from articles is put in with textContent only, never as HTML.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || typeof L === "undefined") { return; }
  var status = document.getElementById("map-status");
  var map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 9, fadeAnimation: false }).setView([20, 10], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outline: Natural Earth via world-atlas · Leaflet");

  function json(url) {
    return fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
      return r.json();
    });
  }

  function node(tag, text, cls) {
    var n = document.createElement(tag);
    if (text) { n.textContent = text; }
    if (cls) { n.className = cls; }
    return n;
  }

  function popup(p) {
    var box = node("div", null, "map-popup");
    box.appendChild(node("h3", p.name + (p.country ? " (" + p.country + ")" : "") + " · " + p.count + " event(s)"));
    var list = node("ul");
    p.events.forEach(function (e) {
      var li = node("li");
      li.appendChild(node("span", (e.date || "undated") + " ", "when"));
      var words = e.type + ": " + e.actors.join(" → ") + (e.status !== "reported" ? " [" + e.status + "]" : "");
      if (e.article_id) {
        var a = node("a", words);
        a.href = "/articles/" + encodeURIComponent(e.article_id) + "#ev-" + encodeURIComponent(e.id);
        li.appendChild(a);
      } else {
        li.appendChild(node("span", words));
      }
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  json("/static/vendor/world-atlas-2.0.2/countries-110m.geojson").then(function (world) {
    L.geoJSON(world, { interactive: false,
      style: { color: "#8c8c8c", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
    el.setAttribute("data-outline", "1");
  }).catch(function (err) { status.textContent = "World outline unavailable: " + err.message; });

  json(el.getAttribute("data-src")).then(function (data) {
    var layer = L.geoJSON(data, {
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, { radius: 4 + 2.5 * Math.sqrt(f.properties.count), color: "#7a1f1f",
          weight: 1, fillColor: "#c0392b", fillOpacity: 0.6 });
      },
      onEachFeature: function (f, l) { l.bindPopup(function () { return popup(f.properties); }); }
    }).addTo(map);
    var placed = data.features.reduce(function (n, f) { return n + f.properties.count; }, 0);
    status.textContent = placed + " event(s) at " + data.features.length + " place(s)" +
      (data.unplaced ? "; " + data.unplaced + " without a known place" : "") + ". Click a circle for the latest.";
    if (data.features.length) { map.fitBounds(layer.getBounds(), { maxZoom: 5, padding: [24, 24] }); }
    el.setAttribute("data-rendered", "1");
  }).catch(function (err) { status.textContent = "Could not load the events: " + err.message; });
})();
