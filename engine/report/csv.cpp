// The CSV report: one row per finding, with the verdict, each failed
// self-check and each data problem as rows of their own (column 类型/kind);
// UTF-8 with a BOM so that Excel opens Chinese text correctly, RFC 4180
// quoting, CRLF line ends as Excel writes them.
#include "report/csv_cell.hpp"
#include "report/report.hpp"
#include "report/writer.hpp"

namespace jx::report {

using audit::Audit;
using audit::Difference;
using audit::SelfCheck;
using audit::Verdict;
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

std::string render_csv_rows(const Audit& audit, Lang lang) {
  std::string out;
  // A diagnostic of the data is a row of its own: kind data_error or
  // data_warning, the JSON pointer as subject, file:line:column as data source.
  // A department that was not checked has only these rows, and no total.
  const std::string total = audit.checked() ? format_points(audit.card.total) : "";
  for (const Diagnostic& d : audit.diagnostics) {
    const std::string where = d.location();  // a workbook's cell as 采购!F12
    out += row({audit.file, audit.header.code, audit.header.name, total, "", "",
                kind_column(d.severity, lang), d.pointer, "", d.message, "", "", where});
  }
  if (!audit.checked()) return out;
  // The verdict, and each failed self-check with the position of its first value.
  out += row({audit.file, audit.header.code, audit.header.name, total, "", "", tr(lang, "结论", "verdict"),
              "", "", verdict(audit, lang), "", "", ""});
  for (const SelfCheck& c : audit.self_checks) {
    out +=
        row({audit.file, audit.header.code, audit.header.name, total,
             indicator_path(audit, c.indicator, lang), "", tr(lang, "自评核对", "self_check"), c.relation, "",
             lang == Lang::zh ? c.message_zh : c.message_en, "", "", c.sources.empty() ? "" : c.sources[0]});
  }
  // check --report: each finding of the report (kind report), or why it could not be read (report_error).
  if (audit.report) {
    const audit::ReportCheck& r = *audit.report;
    if (!r.error.empty()) {
      out += row({audit.file, audit.header.code, audit.header.name, total, "", "", "report_error", r.file, "",
                  r.error, "", "", r.file});
    }
    for (const audit::ReportFinding& f : r.findings) {
      std::string figures;
      for (const audit::ReportFigure& g : f.figures)
        figures += (figures.empty() ? "" : "; ") + g.role_in(lang) + "=" + g.text +
                   (g.where.empty() ? "" : "@" + g.where);
      std::string message = "[" + audit::severity_name(f.severity, lang) + "] " +
                            (lang == Lang::zh ? f.message_zh : f.message_en);
      if (f.waived)
        message += (lang == Lang::zh ? "（已豁免：" : " (waived: ") + f.waiver_reason +
                   (lang == Lang::zh ? "）" : ")");
      out += row({audit.file, audit.header.code, audit.header.name, total, "", f.relation, "report", f.id, "",
                  message, figures, "", lang == Lang::zh ? f.where_zh : f.where_en});
    }
  }
  for (const Finding& f : audit.card.findings) {
    std::string evidence;
    for (const Evidence& e : f.evidence) {
      evidence +=
          (evidence.empty() ? "" : tr(lang, "；", "; ")) + evidence_label(audit, e.key, lang) + "=" + e.value;
    }
    out += row({audit.file, audit.header.code, audit.header.name, format_points(audit.card.total),
                indicator_path(audit, f.indicator, lang), f.rule_id, kind_column(f.kind, lang), f.subject,
                format_points(f.points), finding_message(f, lang), evidence, f.rule_source, f.data_source});
  }
  return out;
}

namespace {

class CsvWriter final : public detail::BatchWriter {
 public:
  using BatchWriter::BatchWriter;
  [[nodiscard]] std::string render(const Audit& audit) const override {
    return render_csv_rows(audit, options_.lang);
  }
  void department(const Audit& audit, const std::string& rendered, const Sink& write) override {
    header(write);
    write(rendered.empty() ? render(audit) : rendered);
    count(audit);
  }
  void finish(const Sink& write) override {
    // The batch summary is not appended: a second table after a blank line
    // cannot be sorted in Excel. --summary FILE writes it as a file of its own.
    header(write);
  }

 private:
  void header(const Sink& write) {
    if (!started_) write(csv_header(options_.lang));
    started_ = true;
  }
  bool started_ = false;
};

}  // namespace

std::unique_ptr<Writer> detail::make_csv_writer(const WriteOptions& options) {
  return std::make_unique<CsvWriter>(options);
}

}  // namespace jx::report
