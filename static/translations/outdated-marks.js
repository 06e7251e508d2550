// Marks the out-of-date translations beside their fields in the page editor: each field, and
// each StreamField block, listed in the JSON data block the Translation tab prints
// (translations/panels/status_panel.html) gets a visible badge, tied to the input with
// aria-describedby. A static file, so the admin's Content-Security-Policy holds.
(function () {
  "use strict";

  function readData() {
    var element = document.getElementById("translation-outdated-marks");
    if (!element) return null;
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return null;
    }
  }

  function badge(data, id) {
    var mark = document.createElement("p");
    mark.className = "translation-outdated-mark";
    mark.id = id;
    mark.setAttribute("data-translation-outdated", "");
    var label = document.createElement("strong");
    label.className = "translation-outdated-mark__badge";
    label.textContent = data.badge;
    mark.appendChild(label);
    mark.appendChild(document.createTextNode(" " + data.description));
    return mark;
  }

  function describe(control, id) {
    if (!control) return;
    var ids = (control.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (ids.indexOf(id) === -1) ids.push(id);
    control.setAttribute("aria-describedby", ids.join(" "));
  }

  function place(data, entry, index) {
    var id = "translation-outdated-" + index;
    if (document.getElementById(id)) return true;
    var wrapper;
    var control;
    if (entry.block) {
      var field = document.querySelector('[data-contentpath="' + entry.field + '"]');
      wrapper = field && field.querySelector('[data-contentpath="' + entry.block + '"]');
      control = wrapper && wrapper.querySelector("input, textarea, [contenteditable='true']");
    } else {
      control = document.getElementById("id_" + entry.field);
      wrapper = control && (control.closest("[data-field-wrapper]") || control.parentNode);
    }
    if (!wrapper) return false;
    wrapper.insertBefore(badge(data, id), wrapper.firstChild);
    describe(control, id);
    return true;
  }

  function placeAll(data) {
    var done = true;
    data.marks.forEach(function (entry, index) {
      done = place(data, entry, index) && done;
    });
    return done;
  }

  function start() {
    var data = readData();
    if (!data || !data.marks || placeAll(data)) return;
    // StreamField blocks are drawn by the editor's own script: wait for them (a while only).
    var observer = new MutationObserver(function () {
      if (placeAll(data)) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    window.setTimeout(function () {
      observer.disconnect();
    }, 10000);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
