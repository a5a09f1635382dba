// The text report: a scorecard table aligned by display width, the findings
// with their evidence, and the self-evaluation checks. Chinese by default.
#include <fmt/format.h>

#include "lang/lang.hpp"
#include "report/report.hpp"
#include "report/writer.hpp"

namespace jx::report {

using audit::Audit;
using audit::Difference;
using audit::SelfCheck;
using audit::Verdict;
namespace {

struct Style {
  bool on;
  [[nodiscard]] std::string bold(const std::string& s) const { return on ? "\x1b[1m" + s + "\x1b[0m" : s; }
  [[nodiscard]] std::string red(const std::string& s) const { return on ? "\x1b[31m" + s + "\x1b[0m" : s; }
  [[nodiscard]] std::string yellow(const std::string& s) const { return on ? "\x1b[33m" + s + "\x1b[0m" : s; }
};

std::string pad_right(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}
std::string pad_left(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : std::string(width - w, ' ') + s;
}

// computed − self, as the table prints it.
std::string gap_text(const Decimal& computed, const Decimal& self) { return format_gap(computed - self); }

std::string department_line(const Audit& audit, Lang lang) {
  return fmt::format("{}{}{}{}{}  {}{}  {}{}", tr(lang, "部门：", "Department: "),
                     audit.header.name.empty() ? "—" : audit.header.name, tr(lang, "（", " ("),
                     audit.header.code.empty() ? "—" : audit.header.code, tr(lang, "）", ")"),
                     tr(lang, "年度：", "Year: "),
                     audit.header.fiscal_year != 0 ? std::to_string(audit.header.fiscal_year) : "—",
                     tr(lang, "金额单位：", "Money unit: "),
                     audit.header.money_unit.empty() ? "—" : money_unit(audit.header.money_unit, lang));
}

// Errors and warnings of loading the data, one per line, located.
void diagnostics_section(std::string& out, const Audit& audit, Lang lang, const Style& style) {
  if (audit.diagnostics.empty()) return;
  out += "\n" + style.bold(tr(lang, "数据问题", "Data problems")) + "\n";
  for (const Diagnostic& d : audit.diagnostics) {
    const std::string line = "- " + d.to_string(lang);
    out += (d.severity == Diagnostic::Severity::error ? style.red(line) : style.yellow(line)) + "\n";
  }
}

// check --report: the report's findings, each with where it is, the report's
// own words and the figures it rests on (the report's and the data's).
void report_section(std::string& out, const audit::ReportCheck& r, Lang lang, const Style& style) {
  const bool zh = lang == Lang::zh;
  out += "\n" + style.bold(fmt::format("{}{}", tr(lang, "自评报告：", "Self-evaluation report: "), r.file)) +
         "\n";
  if (!r.error.empty()) {
    out += style.red(fmt::format("{}{}", tr(lang, "未检查：", "not checked: "), r.error)) + "\n";
    return;
  }
  std::size_t certain = 0, suspected = 0, hint = 0, waived = 0;
  for (const audit::ReportFinding& f : r.findings) {
    if (f.waived) {
      ++waived;
    } else if (f.severity == audit::ReportFinding::Severity::certain) {
      ++certain;
    } else if (f.severity == audit::ReportFinding::Severity::suspected) {
      ++suspected;
    } else {
      ++hint;
    }
  }
  out += zh ? fmt::format("{} 个数字事实；确定 {} · 疑似 {} · 提示 {} · 已豁免 {}\n", r.facts, certain,
                          suspected, hint, waived)
            : fmt::format("{} figures; certain {} · suspected {} · hint {} · waived {}\n", r.facts, certain,
                          suspected, hint, waived);
  for (const std::string& w : r.warnings) out += style.yellow("! " + w) + "\n";
  for (const std::string& e : r.rule_errors) out += style.red("! " + e) + "\n";
  for (const audit::ReportFinding& f : r.findings) {
    const std::string head =
        fmt::format("- [{}] {}", audit::severity_name(f.severity, lang), zh ? f.message_zh : f.message_en);
    out +=
        (f.severity == audit::ReportFinding::Severity::certain && !f.waived ? style.red(head) : head) + "\n";
    out += fmt::format("    {}{}\n", tr(lang, "位置：", "At: "), zh ? f.where_zh : f.where_en);
    out += fmt::format("    {}{}\n", tr(lang, "原文：", "Quote: "), f.quote);
    std::string figures;
    for (const audit::ReportFigure& g : f.figures) {
      figures += (figures.empty() ? "" : tr(lang, "；", "; ")) + g.role_in(lang) + "=" + g.text;
      if (!g.where.empty()) figures += tr(lang, "（", " (") + g.place_in(lang) + tr(lang, "）", ")");
    }
    if (!figures.empty()) out += fmt::format("    {}{}\n", tr(lang, "数字：", "Figures: "), figures);
    if (f.waived) out += fmt::format("    {}{}\n", tr(lang, "已豁免：", "Waived: "), f.waiver_reason);
    out += fmt::format("    {}{}\n", tr(lang, "编号：", "Id: "), f.id);
  }
}

// A department whose data has errors: where they are, and no score.
std::string render_not_checked(const Audit& audit, Lang lang, const Style& style) {
  std::string out = style.bold(department_line(audit, lang)) + "\n";
  out += fmt::format("{}{}", tr(lang, "文件：", "File: "), audit.file) + "\n";
  out += style.bold(fmt::format("{}{}", tr(lang, "结论：", "Verdict: "), verdict(audit, lang))) + "\n";
  if (audit.report) report_section(out, *audit.report, lang, style);
  diagnostics_section(out, audit, lang, style);
  return out;
}

}  // namespace

std::string render_text(const Audit& audit, const TextOptions& options) {
  const Lang lang = options.lang;
  const Style style{options.color};
  if (!audit.checked()) return render_not_checked(audit, lang, style);
  const scoring::Scorecard& card = audit.card;
  const auto& indicators = audit.rules().indicators();
  std::string out;

  if (!card.complete) {
    out += style.yellow(tr(lang, "！检查不完整：有规则未能运行，以下得分不是最终结果。\n",
                           "! INCOMPLETE CHECK: a rule could not run; the scores below are not final.\n"));
  }
  out += style.bold(fmt::format("{}{}{}{}{}", tr(lang, "部门：", "Department: "), audit.header.name,
                                tr(lang, "（", " ("), audit.header.code, tr(lang, "）", ")"))) +
         fmt::format("  {}{}  {}{}\n", tr(lang, "年度：", "Year: "), audit.header.fiscal_year,
                     tr(lang, "金额单位：", "Money unit: "), money_unit(audit.header.money_unit, lang));
  out += fmt::format("{}{}{}{}{}\n", tr(lang, "规则集：", "Rule set: "), ruleset_name(audit.rules(), lang),
                     tr(lang, "（", " ("), audit.ruleset_id(), tr(lang, "）", ")"));
  out += fmt::format("{}{}", tr(lang, "文件：", "File: "), audit.file) + "\n";
  const std::string grade = lang == Lang::zh || card.grade_en.empty() ? card.grade : card.grade_en;
  const char* open = tr(lang, "（", " (");
  const char* close = tr(lang, "）", ")");
  std::string line = fmt::format("{}{}{}{}{}", tr(lang, "核定总分：", "Checked total: "),
                                 format_points(card.total), open, grade, close);
  if (card.self_total) {
    line += fmt::format("    {}{}{}{}{}", tr(lang, "自评总分：", "Self-reported: "),
                        format_points(*card.self_total), open,
                        card.self_grade ? grade_name(audit.rules(), *card.self_grade, lang) : "—", close);
  }
  line += fmt::format("    {}{}", tr(lang, "结论：", "Verdict: "), verdict(audit, lang));
  out += style.bold(line) + "\n\n";

  // The scorecard table.
  const std::vector<std::string> head{tr(lang, "指标", "Indicator"), tr(lang, "分值", "Weight"),
                                      tr(lang, "核定", "Checked"),   tr(lang, "扣分", "Deducted"),
                                      tr(lang, "自评", "Self"),      tr(lang, "差异", "Gap")};
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const rules::Indicator& ind = indicators[i];
    const scoring::IndicatorScore& row = card.rows[i];
    const std::string label = indicator_name(ind, lang);
    rows.push_back({std::string(ind.depth * 2, ' ') + label + (row.failed ? " *" : ""),
                    format_points(row.weight), format_points(row.score),
                    row.deducted.is_zero() ? "" : format_points(row.deducted),
                    row.self_score ? format_points(*row.self_score) : "",
                    row.self_score ? gap_text(row.score, *row.self_score) : ""});
  }
  rows.push_back({tr(lang, "合计", "Total"), "100.00", format_points(card.total),
                  format_points(Decimal(100) - card.total),
                  card.self_total ? format_points(*card.self_total) : "",
                  card.self_total ? gap_text(card.total, *card.self_total) : ""});
  std::vector<std::size_t> widths(head.size());
  for (std::size_t c = 0; c < head.size(); ++c) widths[c] = display_width(head[c]);
  for (const auto& r : rows) {
    for (std::size_t c = 0; c < r.size(); ++c) widths[c] = std::max(widths[c], display_width(r[c]));
  }
  auto emit = [&](const std::vector<std::string>& r, bool bold) {
    std::string l = pad_right(r[0], widths[0]);
    for (std::size_t c = 1; c < r.size(); ++c) l += "  " + pad_left(r[c], widths[c]);
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += (bold ? style.bold(l) : l) + "\n";
  };
  emit(head, true);
  for (std::size_t i = 0; i < rows.size(); ++i)
    emit(rows[i], i + 1 == rows.size() || (i < indicators.size() && indicators[i].depth == 0));
  if (!card.complete)
    out += tr(lang, "* 该指标的规则未能运行，按 0 分计。\n",
              "* a rule of this indicator could not run; scored 0.\n");

  // Findings.
  out += "\n" + style.bold(tr(lang, "扣分与发现", "Findings")) + "\n";
  if (card.findings.empty()) out += tr(lang, "（无）\n", "(none)\n");
  for (std::size_t n = 0; n < card.findings.size(); ++n) {
    const Finding& f = card.findings[n];
    std::string head_line = fmt::format("[{}] {} · {}", n + 1, indicator_path(audit, f.indicator, lang),
                                        kind_label(f.kind, lang));
    if (!f.points.is_zero()) {
      // The points are what the leaf lost: said so, except after 扣分 itself
      // ("评分 0.01 分" read as a score of 0.01).
      const bool deduction = f.kind == Finding::Kind::deduction;
      const std::string points = format_points(f.points);
      head_line += lang == Lang::zh ? (deduction ? " " + points + " 分" : "，扣 " + points + " 分")
                                    : (deduction ? " " + points + " points" : ", " + points + " points off");
    }
    if (!f.subject.empty()) head_line += " · " + f.subject;
    out += (f.points.is_zero() ? head_line : style.red(head_line)) + "\n";
    out += "    " + finding_message(f, lang) + "\n";
    if (!f.evidence.empty()) {
      std::string ev;
      for (const Evidence& e : f.evidence)
        ev += (ev.empty() ? "" : tr(lang, "；", "; ")) + evidence_label(audit, e.key, lang) + "=" + e.value;
      out += std::string("    ") + tr(lang, "证据：", "Evidence: ") + ev + "\n";
    }
    std::string where =
        std::string("    ") + tr(lang, "规则：", "Rule: ") + (f.rule_id.empty() ? "—" : f.rule_id);
    if (!f.rule_source.empty()) where += " (" + f.rule_source + ")";
    if (!f.data_source.empty()) where += std::string(" · ") + tr(lang, "数据：", "Data: ") + f.data_source;
    out += where + "\n";
  }
  for (const std::string& e : audit.engine_errors) out += style.yellow(std::string("! ") + e) + "\n";

  // Checks of the self-evaluation's own arithmetic.
  if (!audit.self_checks.empty()) {
    out += "\n" + style.bold(tr(lang, "自评报告核对", "Self-evaluation checks")) + "\n";
    for (const SelfCheck& c : audit.self_checks) {
      out += fmt::format("- {}: {}\n", self_check_label(audit, c, lang),
                         lang == Lang::zh ? c.message_zh : c.message_en);
      // The first few positions (a sum over a whole subtree has dozens; JSON and HTML list them all).
      constexpr std::size_t shown = 4;
      std::string at;
      for (std::size_t k = 0; k < c.sources.size() && k < shown; ++k)
        at += (at.empty() ? "" : tr(lang, "；", "; ")) + c.sources[k];
      if (c.sources.size() > shown) {
        at += lang == Lang::zh ? fmt::format(" 等 {} 处", c.sources.size())
                               : fmt::format(" and {} more", c.sources.size() - shown);
      }
      if (!at.empty()) out += std::string("    ") + tr(lang, "数据：", "Data: ") + at + "\n";
    }
  }
  if (audit.report) report_section(out, *audit.report, lang, style);
  diagnostics_section(out, audit, lang, style);
  return out;
}

namespace {

class TextWriter final : public detail::BatchWriter {
 public:
  using BatchWriter::BatchWriter;
  [[nodiscard]] std::string render(const Audit& audit) const override {
    return render_text(audit, TextOptions{options_.lang, options_.color});
  }
  void department(const Audit& audit, const std::string& rendered, const Sink& write) override {
    if (departments() > 0) write("\n" + std::string(72, '=') + "\n\n");
    write(rendered.empty() ? render(audit) : rendered);
    count(audit);
  }
  void finish(const Sink& write) override {
    if (!summary_at_end()) return;
    write("\n" + std::string(72, '=') + "\n" + (options_.lang == Lang::zh ? "汇总\n" : "Summary\n"));
    render_summary_text(rows_, failed_, TextOptions{options_.lang, options_.color}, write);
  }
};

}  // namespace

std::unique_ptr<Writer> detail::make_text_writer(const WriteOptions& options) {
  return std::make_unique<TextWriter>(options);
}

}  // namespace jx::report
