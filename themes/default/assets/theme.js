// The colour scheme toggle and the listing's cards/list toggle. The inline script in head.mustache already
// applied the stored choices (or the system scheme) to <html> before the first paint; this wires the buttons,
// which stay hidden without JavaScript, where the system scheme and cards apply.
(function () {
  "use strict";
  var root = document.documentElement;
  var SCHEME = "satchel-theme";
  var LISTING = "satchel-listing";

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* private mode: the choice lasts for this page */ }
  }

  var toggle = document.querySelector("[data-theme-toggle]");
  function showScheme() {
    if (toggle) toggle.setAttribute("aria-pressed", root.getAttribute("data-theme") === "dark" ? "true" : "false");
  }
  if (toggle) {
    toggle.hidden = false;
    showScheme();
    toggle.addEventListener("click", function () {
      var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      store(SCHEME, next);
      showScheme();
    });
  }
  // Until the reader picks a scheme, follow the system's when it changes.
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  if (media && media.addEventListener) {
    media.addEventListener("change", function (event) {
      if (stored(SCHEME)) return;
      root.setAttribute("data-theme", event.matches ? "dark" : "light");
      showScheme();
    });
  }

  var views = document.querySelector("[data-view-toggle]");
  if (views) {
    var buttons = views.querySelectorAll("button[data-view]");
    var showView = function () {
      var current = root.getAttribute("data-listing") === "list" ? "list" : "cards";
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", buttons[i].getAttribute("data-view") === current ? "true" : "false");
      }
    };
    views.hidden = false;
    showView();
    views.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-view]");
      if (!button) return;
      var view = button.getAttribute("data-view");
      if (view === "list") root.setAttribute("data-listing", "list"); else root.removeAttribute("data-listing");
      store(LISTING, view);
      showView();
    });
  }
})();
