// check --report: the report checked beside the data, converted into the audit
// model (ReportCheck) that every format renders, and its say in the verdict.
#include <fmt/format.h>

#include "audit/audit.hpp"
#include "audit/report_figures.hpp"
#include "narrative/narrative.hpp"

namespace jx::audit {

std::string severity_name(ReportFinding::Severity severity, Lang lang) {
  switch (severity) {
    case ReportFinding::Severity::certain: return lang == Lang::zh ? "确定" : "certain";
    case ReportFinding::Severity::suspected: return lang == Lang::zh ? "疑似" : "suspected";
    case ReportFinding::Severity::hint: break;
  }
  return lang == Lang::zh ? "提示" : "hint";
}

ReportCheck report_check(const narrative::Result& report) {
  ReportCheck check;
  check.file = report.document.file;
  check.error = report.error;
  check.warnings = report.document.warnings;
  check.rule_errors = report.rule_errors;
  check.facts = report.extraction.facts.size();
  for (const narrative::Finding& f : report.findings) {
    ReportFinding r;
    r.id = f.id;
    r.relation = f.relation;
    r.severity = f.severity == narrative::Severity::certain     ? ReportFinding::Severity::certain
                 : f.severity == narrative::Severity::suspected ? ReportFinding::Severity::suspected
                                                                : ReportFinding::Severity::hint;
    r.message_zh = f.message_zh;
    r.message_en = f.message_en;
    r.where_zh = f.position.to_string(Lang::zh);
    r.where_en = f.position.to_string(Lang::en);
    r.quote = f.quote;
    for (const narrative::Evidence& e : f.evidence) {
      const narrative::Fact& fact = report.extraction.facts[e.fact];
      r.figures.push_back({e.role, narrative::role_name(e.role, Lang::en), fact.quote, fact.position.key(),
                           fact.position.place(Lang::zh), fact.position.place(Lang::en), true});
    }
    for (const narrative::Finding::Compared& c : f.compared)
      r.figures.push_back(
          {c.role, narrative::role_name(c.role, Lang::en), c.text, c.source, c.source, c.source, false});
    r.waived = f.waived;
    r.waiver_reason = f.waiver_reason;
    check.findings.push_back(std::move(r));
  }
  return check;
}

void check_report(Audit& audit, const data::Document* department, const std::string& path, Lang lang,
                  const std::string& relations_dir, const std::string& waiver_file) {
  std::function<std::vector<narrative::Finding>(const narrative::Result&)> more;
  if (department != nullptr && audit.checked()) {
    more = [&](const narrative::Result& report) { return compare_with_data(report, audit, *department); };
  }
  audit.report = report_check(narrative::check_report_file(path, lang, relations_dir, waiver_file, more));
  if (audit.verdict.kind != Verdict::Kind::agrees) return;
  for (const ReportFinding& f : audit.report->findings) {
    if (!f.waived && f.severity == ReportFinding::Severity::certain) {
      audit.verdict.kind = Verdict::Kind::disagrees;
      return;
    }
  }
}

}  // namespace jx::audit
