// The words of a report in its language, decided once for every format: an
// indicator's name and path (the manifest's name_en in English), the rule
// set's and a grade's names, a finding's kind and message, an evidence key's
// label (the department schema's title in Chinese).
#include <array>
#include <utility>

#include "report/report.hpp"

namespace jx::report {

std::string indicator_name(const rules::Indicator& indicator, Lang lang) {
  return lang == Lang::en && !indicator.name_en.empty() ? indicator.name_en : indicator.name;
}

std::string indicator_path(const rules::RuleSet& rules, const std::string& path, Lang lang) {
  return rules.indicator_path(path, lang);
}

std::string indicator_path(const audit::Audit& audit, const std::string& path, Lang lang) {
  return audit.ruleset ? indicator_path(audit.rules(), path, lang) : path;
}

std::string ruleset_name(const rules::RuleSet& rules, Lang lang) {
  return lang == Lang::en && !rules.name_en().empty() ? rules.name_en() : rules.name();
}

std::string grade_name(const rules::RuleSet& rules, const std::string& grade, Lang lang) {
  if (lang == Lang::zh) return grade;
  // The self-reported grade is written in the set's (Chinese) words: its band says it in English.
  for (const rules::GradeBand& band : rules.grades()) {
    if (band.name == grade && !band.name_en.empty()) return band.name_en;
  }
  return grade;
}

const std::string& finding_message(const Finding& finding, Lang lang) {
  return lang == Lang::en && !finding.message_en.empty() ? finding.message_en : finding.message;
}

std::string kind_label(Finding::Kind kind, Lang lang) {
  switch (kind) {
    case Finding::Kind::deduction: return tr(lang, "扣分", "deduction");
    case Finding::Kind::score: return tr(lang, "评分", "score");
    case Finding::Kind::note: return tr(lang, "提示", "note");
    case Finding::Kind::missing_evidence: return tr(lang, "佐证缺失", "missing evidence");
    case Finding::Kind::engine_error: return tr(lang, "规则错误", "rule error");
  }
  return "?";
}

namespace {

// Evidence keys that name a quantity a rule or scoring derives (a count, a
// share, a number of days), or a field name the department schema titles
// differently in different places (`actual` is 实际完成值 of a target and
// 实际支出数 of a budget line): their Chinese labels, ahead of the schema's.
constexpr std::array<std::pair<std::string_view, std::string_view>, 25> derived_labels{{
    {"actual", "实际数"},
    {"all_or_nothing_from", "全有或全无前扣分"},
    {"approved", "批复/审批"},
    {"budget", "预算数"},
    {"category", "类别"},
    {"date", "日期"},
    {"days", "日数"},
    {"document", "佐证文件"},
    {"issue", "问题"},
    {"missing_field", "缺少的字段"},
    {"on_time", "按时数"},
    {"original_value", "原值"},
    {"points_at_stake", "涉及分值"},
    {"project", "项目"},
    {"published", "公开日期"},
    {"rate", "比率"},
    {"schedule", "序时进度"},
    {"share", "占比"},
    {"spent", "支出数"},
    {"suitable_budget", "适宜由中小企业提供的采购预算"},
    {"target_weight", "指标分值"},
    {"target_weights", "指标分值合计"},
    {"total", "合计"},
    {"uncapped_points", "未封顶扣分"},
    {"working_days", "工作日数"},
}};

}  // namespace

std::string evidence_label(const audit::Audit& audit, const std::string& key, Lang lang) {
  if (lang == Lang::en) return key;  // the schema has no English titles: the key is the English name
  for (const auto& [name, label] : derived_labels) {
    if (name == key) return std::string(label);
  }
  if (audit.field_titles) {
    if (const auto it = audit.field_titles->find(key); it != audit.field_titles->end()) return it->second;
  }
  return key;
}

std::string kind_column(Finding::Kind kind, Lang lang) {
  return lang == Lang::zh ? kind_label(kind, lang) : kind_name(kind);
}

std::string kind_column(Diagnostic::Severity severity, Lang lang) {
  if (lang == Lang::en) return std::string("data_") + severity_name(severity);
  return severity == Diagnostic::Severity::error ? "数据错误" : "数据警告";
}

}  // namespace jx::report
