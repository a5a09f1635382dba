// Public header of engine/report: renders a finished audit (audit/audit.hpp)
// as text (a Chinese table aligned by display width, English with --lang en),
// JSON (schemas/findings.schema.json), CSV (one row per finding, UTF-8 with
// BOM) and HTML, plus the summary table of a batch. It never reads the raw
// department nor recomputes a score: what it shows is what the audit decided.
// Pure functions of their input: the same audit always gives the same bytes.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"

namespace jx::report {

struct TextOptions {
  Lang lang = Lang::zh;
  bool color = false;
};

std::string render_text(const audit::Audit& audit, const TextOptions& options);
// One JSON document on one line (NDJSON-ready), ending in '\n'.
std::string render_json(const audit::Audit& audit);
// The CSV header row, with the BOM Excel needs, and the rows of one department.
std::string csv_header(Lang lang);
std::string render_csv_rows(const audit::Audit& audit, Lang lang);

// One line of a batch summary: department, computed score, self score, gap,
// grade, findings. A batch keeps only these, packed in SummaryRows.
struct SummaryRow {
  std::string file;
  std::string code;
  std::string name;
  Decimal total;
  std::optional<Decimal> self_total;
  std::string grade;
  bool complete = true;
  std::size_t findings = 0;  // findings with points, missing evidence or rule errors (notes not counted)
  audit::Verdict::Kind verdict = audit::Verdict::Kind::agrees;
};
// `lang`: the language of the grade.
SummaryRow summarize(const audit::Audit& audit, Lang lang = Lang::zh);
class SummaryRows;  // summary_rows.hpp: the rows of a batch, spilled to a temporary file when many
// Where a summary goes, piece by piece: a batch summary is written as it is
// rendered, never held whole in memory.
using Sink = std::function<void(const std::string&)>;
// `failed`: departments that could not be checked (bad input).
void render_summary_text(const SummaryRows& rows, const std::vector<std::string>& failed,
                         const TextOptions& options, const Sink& write);
void render_summary_json(const SummaryRows& rows, const std::vector<std::string>& failed, const Sink& write);
void render_summary_csv(const SummaryRows& rows, const std::vector<std::string>& failed, Lang lang,
                        const Sink& write);

// HTML: one self-contained page (inline CSS and SVG; a content security policy
// that forbids every fetch; a little script to sort the batch summary), written
// progressively: html_page_start, render_html_department for each department as
// it comes, then html_page_end, whose summary (two or more departments) CSS
// shows above the departments. Only the summary rows are kept for the end.
struct HtmlOptions {
  Lang lang = Lang::zh;
  std::string engine_version;
};
// "广州市档案馆 2023 年度部门整体支出绩效自评检查报告": the page title of one department.
std::string html_department_title(const audit::Audit& audit, Lang lang);
// The page up to the first department; `title` "" for a batch (the batch title).
std::string html_page_start(const std::string& title, const HtmlOptions& options);
// The section of the `number`-th department (1-based): anchors #dept-N, and the
// charts svg#score-chart-N and svg#spending-chart-N. Departments not checked
// are numbered apart, as #unchecked-N.
std::string render_html_department(const audit::Audit& audit, std::size_t number, const HtmlOptions& options);
// The batch summary (when rows and failed add up to two or more) and the end of the page.
void html_page_end(const SummaryRows& rows, const std::vector<std::string>& failed,
                   const HtmlOptions& options, const Sink& write);
// A whole page for one department.
std::string render_html(const audit::Audit& audit, const HtmlOptions& options);

// The words of a report in its language (labels.cpp), the same in every format.
// An indicator's name: its name_en in English when the manifest gives one.
std::string indicator_name(const rules::Indicator& indicator, Lang lang);
// "管理效率/采购管理/合同备案时效性", in English "Management efficiency/Procurement
// management/Contracts filed in time"; a path that is no indicator of the set as written.
std::string indicator_path(const rules::RuleSet& rules, const std::string& path, Lang lang);
std::string indicator_path(const audit::Audit& audit, const std::string& path, Lang lang);
// The rule set's name (name_en in English).
std::string ruleset_name(const rules::RuleSet& rules, Lang lang);
// A grade band's name, or the department's self-reported grade ("优") mapped
// through the bands: "excellent" in English; a grade no band names as written.
std::string grade_name(const rules::RuleSet& rules, const std::string& grade, Lang lang);
// The data's money unit in the reader's language: jx::money_unit (lang/lang.hpp).
// The rule's message_en in English when it gave one, else its message.
const std::string& finding_message(const Finding& finding, Lang lang);
// A finding's kind as the report names it: "扣分" / "deduction".
std::string kind_label(Finding::Kind kind, Lang lang);
// The kind column of the CSV and Excel reports: in Chinese the report's words
// (扣分, 数据错误); in English the stable names of the JSON report (deduction,
// data_error), which scripts filter on.
std::string kind_column(Finding::Kind kind, Lang lang);
std::string kind_column(Diagnostic::Severity severity, Lang lang);
// An evidence key's label: in Chinese the department schema's title of a field
// of that name (or the engine's label of a derived quantity such as
// working_days, 工作日数); in English the key. A key with neither as written.
std::string evidence_label(const audit::Audit& audit, const std::string& key, Lang lang);
// jxaudit narrative --format html: a page of its own, one section per report,
// in the same style and with the same content security policy.
std::string render_narrative_html(const std::vector<audit::ReportCheck>& reports, const HtmlOptions& options);

// Points as users read them: two decimals when that is exact ("9.99", "1.00"),
// otherwise every digit ("0.995"); a fraction shows its digits and "…". Never rounds.
std::string format_points(const Decimal& d);
// The audit's verdict in one line: "自评与核定一致" only when the audit agrees;
// otherwise what differs (the total, up to three indicators by name) and the
// first failed self-check; "未检查：数据有 2 个错误，不评分" when not checked.
std::string verdict(const audit::Audit& audit, Lang lang);
// The verdict in a word or two, for a summary table's column: 一致, 不一致,
// 未自评, 不完整, 数据无效 (agrees, disagrees, no self-evaluation, incomplete,
// invalid data with --lang en).
std::string verdict_label(audit::Verdict::Kind kind, Lang lang);
// The verdict's stable name in JSON: "agrees", "disagrees", "no_self_evaluation",
// "incomplete", "not_checked".
const char* verdict_kind_name(audit::Verdict::Kind kind);
// What a self-check is about: its indicator, else "总分" (the total and its
// grade), "所载比率" (a stated rate) or "数据" (a relation of the data).
std::string self_check_label(const audit::Audit& audit, const audit::SelfCheck& check, Lang lang);
// "error" or "warning", as the JSON and CSV reports name a diagnostic's severity.
const char* severity_name(Diagnostic::Severity severity);
// A signed difference as printed: "+0.01", "−0.01" (U+2212 minus), "0.00".
std::string format_gap(const Decimal& d);
// check --rule-costs: one line per rule that ran, the most instructions first,
// with runs, instructions, CPU time and their shares, and a total line.
std::string render_rule_costs(const std::vector<audit::RuleCost>& costs, std::size_t departments, Lang lang);
// Display width of UTF-8 text in terminal columns (CJK characters take two).
std::size_t display_width(std::string_view text);
// `text` padded with spaces to `width` terminal columns, on the left when
// `right_align` (numbers), else on the right; as it is when already as wide.
std::string pad_to_width(const std::string& text, std::size_t width, bool right_align);

}  // namespace jx::report
