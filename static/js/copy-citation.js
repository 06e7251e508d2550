// "Copy citation" buttons: shown only where the browser can copy; the citation text stays
// selectable without this script.
(function () {
    "use strict";
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
        return;
    }
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
        var source = document.getElementById(button.getAttribute("data-copy-target"));
        if (!source) {
            return;
        }
        var status = button.parentNode.querySelector("[role=status]");
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(source.textContent.trim()).then(function () {
                if (status) {
                    status.textContent = button.getAttribute("data-copied-label");
                }
            });
        });
    });
})();
