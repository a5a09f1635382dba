// Pieces of `jxaudit check` that other commands share: --table parsing, the
// rule-set cache (a set is loaded once, then shared by every worker),
// building a DepartmentReport, and writing reports in the chosen format.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "cli/runner.hpp"
#include "report/report.hpp"
#include "report/summary_rows.hpp"

namespace jx::cli {

// "NAME=PATH" pairs; prints an error and returns false on a malformed one.
bool parse_tables(const std::vector<std::string>& args, std::map<std::string, std::string>& tables);

// The rule set for a department: `explicit_dir` when given, else
// rules/<jurisdiction>/<fiscal year> under JXAUDIT_HOME (exactly one must match).
class RuleSetCache {
 public:
  explicit RuleSetCache(const GlobalOptions& global);
  std::shared_ptr<const LoadedRuleSet> for_department(const std::string& explicit_dir,
                                                      const data::Document& dept);
  std::shared_ptr<const LoadedRuleSet> get(const std::string& dir);

 private:
  const GlobalOptions& global_;
  data::Schema manifest_schema_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const LoadedRuleSet>> sets_;
  std::map<std::string, std::string> errors_;
};

// A department loaded, and the SHA-256 of exactly the bytes the loader read
// (hashed as they were read: no file is read twice).
struct LoadedInput {
  data::LoadResult loaded;
  std::string sha256;
};
LoadedInput load_input(const data::Schema& schema, const DepartmentInput& input, data::LoadOptions options);

// Runs the checker on a loaded department and fills in a report.
report::DepartmentReport make_report(DepartmentChecker& checker,
                                     const std::shared_ptr<const data::Document>& dept,
                                     const data::Schema& schema, const DepartmentInput& input,
                                     const std::string& input_sha256);

// The report of a department that is not checked: its data has an error (or
// no rule set applies). It carries the diagnostics and no scorecard.
report::DepartmentReport not_checked_report(const DepartmentInput& input, const data::LoadResult& loaded,
                                            const std::string& input_sha256);

// One department's report in `format` (text, json or csv; not html, whose
// sections are numbered in output order). A pure function of the report, so
// the workers render in parallel and the writer only writes.
std::string render_department(const std::string& format, Lang lang, bool color,
                              const report::DepartmentReport& report);

// Writes departments one by one in the chosen format, then the batch summary.
class ReportWriter {
 public:
  ReportWriter(std::string format, Lang lang, bool color, Output& out);
  // `rendered`: the report as render_department gave it, or empty to render
  // here. A department that was not checked is listed in the summary as such.
  void department(const report::DepartmentReport& report, const std::string& rendered = {});
  void finish();

 private:
  std::string format_;
  Lang lang_;
  bool color_;
  Output& out_;
  std::size_t count_ = 0;
  report::SummaryRows rows_;  // packed; on disk beyond a few thousand departments
  std::vector<std::string> failed_;
  // html: the first department's section waits until the second one (or the
  // end) tells whether the page is one department's report or a batch.
  std::string html_first_;
  std::string html_first_title_;
};

}  // namespace jx::cli
