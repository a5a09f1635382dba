// Public header of engine/report: renders checked departments as text (a
// Chinese table aligned by display width, English with --lang en), JSON
// (schemas/findings.schema.json), CSV (one row per finding, UTF-8 with BOM)
// and HTML, plus the summary table of a batch. Pure functions of their input:
// the same department and rule set always give the same bytes.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "data/diagnostic.hpp"
#include "data/value.hpp"
#include "rules/ruleset.hpp"
#include "scoring/scorecard.hpp"

namespace jx::report {

struct DepartmentReport {
  // checked: scored. not_checked: the data has an error (or no rule set
  // applies), so there is no scorecard: only the diagnostics say why.
  enum class Status { checked, not_checked };
  Status status = Status::checked;
  std::string file;  // the input file as given
  std::string code;
  std::string name;
  int fiscal_year = 0;
  std::string money_unit;
  const rules::RuleSet* rules = nullptr;
  scoring::Scorecard card;
  std::string input_sha256;                          // of the department file and its CSV tables, in order
  std::string ruleset_sha256;                        // of every file of the rule set
  std::vector<std::string> engine_errors;            // rules that could not be loaded, with file:line
  std::shared_ptr<const data::Document> department;  // the loaded data, for charts (monthly spending)
  // Of loading the data, sorted: the errors that stopped the check, or the
  // warnings of a checked department (they do not block, but every format shows them).
  std::vector<Diagnostic> diagnostics;

  [[nodiscard]] bool checked() const { return status == Status::checked; }
  [[nodiscard]] std::size_t error_count() const;
};

struct TextOptions {
  Lang lang = Lang::zh;
  bool color = false;
};

std::string render_text(const DepartmentReport& report, const TextOptions& options);
// One JSON document on one line (NDJSON-ready), ending in '\n'.
std::string render_json(const DepartmentReport& report, const std::string& engine_version);
// The CSV header row, with the BOM Excel needs, and the rows of one department.
std::string csv_header(Lang lang);
std::string render_csv_rows(const DepartmentReport& report, Lang lang);

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
};
SummaryRow summarize(const DepartmentReport& report);
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
std::string html_department_title(const DepartmentReport& report, Lang lang);
// The page up to the first department; `title` "" for a batch (the batch title).
std::string html_page_start(const std::string& title, const HtmlOptions& options);
// The section of the `number`-th department (1-based): anchors #dept-N, and the
// charts svg#score-chart-N and svg#spending-chart-N. Departments not checked
// are numbered apart, as #unchecked-N.
std::string render_html_department(const DepartmentReport& report, std::size_t number,
                                   const HtmlOptions& options);
// The batch summary (when rows and failed add up to two or more) and the end of the page.
void html_page_end(const SummaryRows& rows, const std::vector<std::string>& failed,
                   const HtmlOptions& options, const Sink& write);
// A whole page for one department.
std::string render_html(const DepartmentReport& report, const HtmlOptions& options);

// Points as users read them: two decimals when that is exact ("9.99", "1.00"),
// otherwise every digit ("0.995"); a fraction shows its digits and "…". Never rounds.
std::string format_points(const Decimal& d);
// The one-line verdict on the total: matches, N points above/below, or no
// verdict when the check is incomplete or no self total was reported.
std::string verdict(const scoring::Scorecard& card, Lang lang);
// "未检查：数据有 2 个错误，不评分": the verdict of a department that was not checked.
std::string not_checked_verdict(const DepartmentReport& report, Lang lang);
// "error" or "warning", as the JSON and CSV reports name a diagnostic's severity.
const char* severity_name(Diagnostic::Severity severity);
// A signed difference as printed: "+0.01", "−0.01" (U+2212 minus), "0.00".
std::string format_gap(const Decimal& d);
// Display width of UTF-8 text in terminal columns (CJK characters take two).
std::size_t display_width(std::string_view text);

}  // namespace jx::report
