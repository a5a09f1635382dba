// Public header of engine/audit: one department end to end. Given the loaded
// data and the rule-set catalogue, an Auditor picks the rule set, runs its
// rules, scores them, checks the self-evaluation and decides the verdict; the
// result is a finished Audit that the report stage renders as it is. Invalid
// data is never scored: a department with an error diagnostic comes back not
// checked, with its diagnostics and no scorecard.
// Uses data, rules, sandbox (through checker.hpp) and scoring; knows nothing
// of arguments, threads or output formats (the CLI's).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "audit/checker.hpp"
#include "data/department.hpp"
#include "data/diagnostic.hpp"
#include "scoring/scorecard.hpp"

namespace jx::audit {

// The rule sets under one rules/ directory, each loaded once and shared
// read-only by every worker. Thread-safe.
class Catalogue {
 public:
  // `rules_root`: the directory holding <jurisdiction>/<fiscal year>/manifest.toml.
  // `rules_root`: the shipped rules/ folder (jurisdictions, and calendars/);
  // `budget`: the findings budget from the command line, over the manifests'.
  Catalogue(std::string rules_root, data::Schema manifest_schema, Lang lang,
            rules::FindingsBudget budget = {});

  // The rule set in `dir`; throws rules::RuleSetError (or CalendarError) with
  // file:line, and the same error again for the same dir.
  std::shared_ptr<const LoadedRuleSet> get(const std::string& dir);
  // `explicit_dir` when given, else the one rule set for the fiscal year
  // (rules/<jurisdiction>/<year>); throws std::runtime_error when none or
  // several apply.
  std::shared_ptr<const LoadedRuleSet> for_year(const std::string& explicit_dir, int fiscal_year);

 private:
  std::string rules_root_;
  data::Schema manifest_schema_;
  Lang lang_;
  rules::FindingsBudget budget_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const LoadedRuleSet>> sets_;
  std::map<std::string, std::string> errors_;
};

// What the department says about itself, read once (only where the type is right).
struct Header {
  std::string code;
  std::string name;
  int fiscal_year = 0;  // 0: absent or invalid
  std::string money_unit;
};
Header read_header(const data::Value& root);

// What makes a report reproducible: the engine, the exact input bytes, the rule set's files.
struct Stamp {
  std::string engine_version;
  std::string input_sha256;    // of the department file and its CSV tables, in order
  std::string ruleset_sha256;  // of every file of the rule set ("" when not checked)
};

// A failed check of the self-evaluation's own arithmetic (自评报告核对): a self
// score above its weight, children that do not add up to their parent, a grade
// outside its band, a stated rate its amounts do not give, a data relation
// (基本支出 + 项目支出 = 支出) that does not hold.
struct SelfCheck {
  std::string relation;   // stable name: "score_within_weight", "children_sum", "stated_rate", …
  std::string indicator;  // the indicator path, "" for the total or the data
  std::string message_zh;
  std::string message_en;
  std::vector<std::string> sources;  // "file:line:column" of each value the check read, in order
};

// One indicator (leaf, subtotal) or the total whose self score is not the checked one.
struct Difference {
  std::string indicator;  // "" for the total
  Decimal checked;
  Decimal self;
  std::string source;  // "file:line:column" of the self score
};

// The verdict on the self-evaluation. `agrees` only when every self score the
// department gave (leaf, subtotal, total) equals the checked one and every
// self-check passes.
struct Verdict {
  enum class Kind {
    agrees,       // 自评与核定一致
    disagrees,    // a difference or a failed self-check
    no_self,      // the department reported no self total
    incomplete,   // a rule failed: the checked scores are not final
    not_checked,  // invalid data: never scored
  };
  Kind kind = Kind::not_checked;
  std::vector<Difference> differences;  // indicator order, the total last
};

// The monthly spending curve as the department gave it (budget.monthly), and
// which months the audit's findings put below the schedule: the HTML chart
// draws this, so the chart and the findings cannot disagree.
struct MonthlySpending {
  int month = 0;
  Decimal cumulative_spent;
  std::optional<Decimal> schedule;  // 序时进度, when a finding reports the month below it
};
struct Spending {
  std::optional<Decimal> adjusted;  // budget.adjusted, the 100% line
  std::vector<MonthlySpending> months;
};

// The self-evaluation report checked beside the data (check --report): the
// report's own relations (engine/narrative) and its stated figures against the
// data and the checked scorecard, in one list.
struct ReportFigure {
  std::string role;     // "得分", "项目支出", "数据", "核定得分", …
  std::string role_en;  // the same in English ("score", "data", "checked score"); as written when unknown
  std::string text;     // as the report states it ("4726.02万元") or the value compared ("0.99")
  std::string where;  // the report's position key ("312", "p3:12", "¶41"), or the data's "file:line:column"
  // Where it stands in words: "第 312 行" / "line 312" for a figure of the report, else `where`.
  std::string place_zh;
  std::string place_en;
  bool in_report = true;  // false: a value of the data or the scorecard it was compared with

  [[nodiscard]] const std::string& role_in(Lang lang) const { return lang == Lang::en ? role_en : role; }
  [[nodiscard]] const std::string& place_in(Lang lang) const {
    return lang == Lang::en ? place_en : place_zh;
  }
};
struct ReportFinding {
  enum class Severity { certain, suspected, hint };  // 确定, 疑似, 提示
  std::string id;        // relation@position, the same on every run (waivers name it)
  std::string relation;  // "score_within_weight", … or "report_vs_data", "report_vs_checked", "report_weight"
  Severity severity = Severity::hint;
  std::string message_zh;
  std::string message_en;
  std::string where_zh;  // "seed004.txt 第 312 行"
  std::string where_en;  // "seed004.txt line 312"
  std::string quote;     // the report's sentence(s), exactly as written
  std::vector<ReportFigure> figures;
  bool waived = false;
  std::string waiver_reason;
};
struct ReportCheck {
  std::string file;
  std::string error;  // not empty: the report could not be read (nothing else is set)
  std::vector<std::string> warnings;
  std::vector<std::string> rule_errors;  // Lua relations that failed: the check is incomplete
  std::size_t facts = 0;                 // figures read
  std::vector<ReportFinding> findings;   // in reading order
};
// "确定" / "certain", as every format names a report finding's severity.
std::string severity_name(ReportFinding::Severity severity, Lang lang);

struct Audit {
  enum class Status { checked, not_checked };
  Status status = Status::not_checked;
  std::string file;  // the input as given
  Header header;
  // Of loading the data, sorted: the errors that stopped the check, or the
  // warnings of a checked department (they do not block; every format shows them).
  std::vector<Diagnostic> diagnostics;
  std::shared_ptr<const LoadedRuleSet> ruleset;  // null when not checked
  scoring::Scorecard card;                       // empty when not checked
  std::vector<SelfCheck> self_checks;
  Verdict verdict;
  Stamp stamp;
  std::vector<std::string> engine_errors;  // rules that could not be loaded, with file:line
  Spending spending;
  // The department schema's field titles (data::Schema::field_titles): the
  // Chinese labels of evidence keys. Shared by every audit of a run.
  std::shared_ptr<const std::map<std::string, std::string>> field_titles;
  std::optional<ReportCheck> report;  // check --report: the self-evaluation report beside the data

  [[nodiscard]] bool checked() const { return status == Status::checked; }
  [[nodiscard]] std::size_t error_count() const;
  [[nodiscard]] const rules::RuleSet& rules() const { return ruleset->rules; }
  // "gz/2023": how reports cite the rule set (LoadedRuleSet::id).
  [[nodiscard]] const std::string& ruleset_id() const { return ruleset->id; }
};

}  // namespace jx::audit

namespace jx::narrative {
struct Result;
}

namespace jx::audit {

// The report check as the audit model holds it: the report's own findings,
// positions and figures (jxaudit narrative renders through this too).
ReportCheck report_check(const narrative::Result& report);

// check --report: reads and checks the self-evaluation report at `path` (its own
// relations, the Lua ones of `relations_dir` unless ""), compares each stated
// figure with the department's data (amounts, rates from them, self scores) and
// the checked scorecard (scores, weights, total) at the figure's stated
// precision (docs/narrative.md, "With the data"), applies the waivers
// (`waiver_file`, else PATH.waivers) and sets audit.report. A not-waived 确定
// finding makes a verdict that agreed disagree. Without data (`department`
// null, or data not checked) only the report's own relations run. Never throws:
// a report that cannot be read is audit.report->error.
void check_report(Audit& audit, const data::Document* department, const std::string& path, Lang lang,
                  const std::string& relations_dir, const std::string& waiver_file);

// Where a department came from, as the CLI read it.
struct Input {
  std::string name;  // the file as given, or "<stdin>:N"
  std::string sha256;
};

// One per worker thread: it keeps a sandbox (a DepartmentChecker) per rule set.
class Auditor {
 public:
  Auditor(Catalogue& catalogue, const data::Schema& department_schema, std::string engine_version);

  // The department's audit with the rule set of its fiscal year, or
  // `explicit_ruleset` when not empty. Never throws for bad data or a missing
  // rule set: both give a not-checked audit whose diagnostics say why.
  Audit audit(const Input& input, data::LoadResult loaded, const std::string& explicit_ruleset = {});

  // Measures what each rule's runs cost from now on (check --rule-costs).
  void measure_rule_costs() { measure_costs_ = true; }
  // Per rule that ran since, over every rule set this auditor used.
  [[nodiscard]] std::vector<RuleCost> rule_costs() const;

 private:
  Audit check(const Input& input, data::LoadResult loaded, const std::shared_ptr<const LoadedRuleSet>& set);

  Catalogue& catalogue_;
  const data::Schema& schema_;
  std::string engine_version_;
  std::shared_ptr<const std::map<std::string, std::string>> field_titles_;
  std::map<std::string, std::unique_ptr<DepartmentChecker>> checkers_;
  bool measure_costs_ = false;
};

// The audit of a department whose data could not be checked (diagnostics only).
Audit not_checked(const Input& input, data::LoadResult loaded, const std::string& engine_version);

}  // namespace jx::audit
