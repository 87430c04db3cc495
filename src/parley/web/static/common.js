// Shared helpers for the explorer's pages. Data is always inserted as text, never as HTML.
"use strict";
window.parley = {
  readJSON: function (id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  },
  el: function (tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  },
  link: function (path, text) {
    var a = document.createElement("a");
    a.href = path;
    a.textContent = String(text);
    return a;
  },
  articleHref: function (articleId, eventId) {
    return "/articles/" + encodeURIComponent(articleId) + (eventId ? "#ev-" + encodeURIComponent(eventId) : "");
  },
  clear: function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
};
