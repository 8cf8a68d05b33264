/* sphinxcontrib-sop: the registry's filter box and the CSV of the rows shown. */
(function () {
  "use strict";

  function words(text) {
    return text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  }

  function csvField(text) {
    text = text.replace(/\s+/g, " ").trim();
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csvLine(row) {
    return Array.prototype.map
      .call(row.cells, function (cell) { return csvField(cell.textContent); })
      .join(",");
  }

  function setUp(registry) {
    var box = registry.querySelector(".sop-registry-filter");
    var link = registry.querySelector(".sop-registry-csv");
    var rows = registry.querySelectorAll("tr[data-sop-id]");
    if (!box || !link) return;
    box.hidden = false;
    var texts = Array.prototype.map.call(rows, function (row) {
      return row.textContent.toLocaleLowerCase();
    });

    function filter() {
      var wanted = words(box.value);
      Array.prototype.forEach.call(rows, function (row, index) {
        row.hidden = !wanted.every(function (word) { return texts[index].indexOf(word) >= 0; });
      });
      Array.prototype.forEach.call(registry.querySelectorAll(".sop-registry-group"), function (group) {
        group.hidden = !group.querySelector("tr[data-sop-id]:not([hidden])");
      });
    }

    function download() {
      var head = registry.querySelector("thead tr");
      var lines = head ? [csvLine(head)] : [];
      Array.prototype.forEach.call(rows, function (row) {
        if (!row.hidden) lines.push(csvLine(row));
      });
      link.href = "data:text/csv;charset=utf-8," + encodeURIComponent(lines.join("\r\n") + "\r\n");
    }

    box.addEventListener("input", filter);
    link.addEventListener("click", download);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".sop-registry-view"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
