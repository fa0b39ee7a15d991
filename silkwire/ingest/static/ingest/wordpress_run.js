// Follow a WordPress import's background job; reload once it has finished to show the report.
// A file, not an inline script, so the admin's Content-Security-Policy needs no exception.
(function () {
    var script = document.currentScript;
    var url = script && script.getAttribute("data-status-url");
    if (!url) { return; }
    setInterval(function () {
        fetch(url, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (d) {
            document.querySelector("[data-import-progress]").value = d.percent;
            document.querySelector("[data-import-count]").textContent = d.done + " / " + d.total;
            if (["analysed", "done", "failed"].indexOf(d.status) !== -1) { window.location.reload(); }
        });
    }, 2000);
})();
