// Cached event pages print the seat count of when they were cached: refresh it from places.json.
(function () {
  "use strict";
  var nodes = document.querySelectorAll("[data-places-url]");
  Array.prototype.forEach.call(nodes, function (node) {
    fetch(node.getAttribute("data-places-url"), { credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.label) { return; }
        var button = document.querySelector("button[data-full-label]");
        if (button && data.capacity && data.registration_open) {
          button.textContent = button.getAttribute(
            data.remaining_seats === 0 ? "data-full-label" : "data-open-label");
        }
        var text = data.label;
        if (data.capacity && data.remaining_seats && node.tagName === "DD") {
          text += " sur " + data.capacity;
        }
        if (node.textContent !== text) { node.textContent = text; }
      })
      .catch(function () { /* the printed count stays */ });
  });
})();
