// The CSV report: one row per finding, UTF-8 with a BOM so that Excel opens
// Chinese text correctly, RFC 4180 quoting, CRLF line ends as Excel writes them.
#include "report/csv_cell.hpp"
#include "report/report.hpp"

namespace jx::report {
namespace {

std::string row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i == 0 ? "" : ",") + csv_cell(cells[i]);
  return out + "\r\n";
}

}  // namespace

std::string csv_header(Lang lang) {
  if (lang == Lang::zh) {
    return "\xEF\xBB\xBF" + row({"文件", "部门代码", "部门", "核定总分", "指标", "规则", "类型", "对象",
                                 "扣分", "说明", "证据", "规则位置", "数据位置"});
  }
  return "\xEF\xBB\xBF" +
         row({"file", "department_code", "department", "total", "indicator", "rule_id", "kind", "subject",
              "points", "message", "evidence", "rule_source", "data_source"});
}

std::string render_csv_rows(const DepartmentReport& report, Lang) {
  std::string out;
  for (const Finding& f : report.card.findings) {
    std::string evidence;
    for (const Evidence& e : f.evidence) evidence += (evidence.empty() ? "" : "; ") + e.key + "=" + e.value;
    out += row({report.file, report.code, report.name, format_points(report.card.total), f.indicator,
                f.rule_id, kind_name(f.kind), f.subject, format_points(f.points), f.message, evidence,
                f.rule_source, f.data_source});
  }
  return out;
}

}  // namespace jx::report
