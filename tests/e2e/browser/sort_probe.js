// Injected before </body> of a copy of the batch report by html_report_test.sh:
// clicks the summary's column headers as a reader would and records the row
// order (the "#" column) after each click in an attribute of <html>.
(function () {
  "use strict";
  function order() {
    var rows = document.querySelectorAll("table.sortable tbody tr");
    return Array.prototype.map.call(rows, function (r) { return r.cells[0].textContent; }).join(",");
  }
  function click(column) {
    document.querySelector("table.sortable thead").rows[0].cells[column].querySelector("button").click();
    return order();
  }
  // Columns: 0 #, 1 department, 2 checked, 3 self, 4 gap, 5 grade, 6 verdict, 7 findings, 8 file.
  var result = [
    "gap-asc=" + click(4), "gap-desc=" + click(4),
    "checked-asc=" + click(2), "checked-desc=" + click(2),
    "findings-asc=" + click(7), "department-asc=" + click(1)
  ];
  document.documentElement.setAttribute("data-sort-probe", result.join(" "));
})();
