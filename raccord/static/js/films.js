/* Click-to-load videos and chapter links. Nothing from the video host is requested before the
   visitor presses the button; without JavaScript the plain link under the image stays. */
(function () {
  "use strict";

  function loadVideo(figure) {
    var src = figure.getAttribute("data-embed-src");
    var frame = figure.querySelector(".video-embed__frame");
    if (!src || !frame) return;
    var iframe = document.createElement("iframe");
    iframe.src = src;
    iframe.title = "Vidéo : " + (figure.getAttribute("data-embed-title") || "");
    iframe.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
    iframe.setAttribute("allowfullscreen", "");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    iframe.className = "video-embed__iframe";
    frame.replaceChildren(iframe);
    figure.classList.add("video-embed--loaded");
    iframe.focus();
  }

  document.querySelectorAll(".video-embed[data-embed-src]").forEach(function (figure) {
    var button = figure.querySelector(".video-embed__play");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () { loadVideo(figure); });
  });

  // Chapters of a self-hosted recording: seek the player instead of opening the file.
  var player = document.querySelector(".recording__player");
  if (player) {
    document.querySelectorAll("a[data-seek]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        player.currentTime = Number(link.getAttribute("data-seek")) || 0;
        player.play();
        player.focus();
      });
    });
  }
})();
