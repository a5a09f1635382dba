// Pieces of `jxaudit check` that other commands share: --table parsing, the
// catalogue of the shipped rule sets, loading (and hashing) an input, and
// writing audits in the chosen format.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "report/report.hpp"
#include "report/summary_rows.hpp"

namespace jx::cli {

// "NAME=PATH" pairs; prints an error and returns false on a malformed one.
bool parse_tables(const std::vector<std::string>& args, std::map<std::string, std::string>& tables);

using audit::DepartmentChecker;
using audit::LoadedRuleSet;

// The rule sets under JXAUDIT_HOME/rules (manifest schema from the shipped
// schemas/), each loaded once and shared by every worker.
class RuleSetCache : public audit::Catalogue {
 public:
  explicit RuleSetCache(const GlobalOptions& global);
};

// A department loaded, and the SHA-256 of exactly the bytes the loader read
// (hashed as they were read: no file is read twice).
struct LoadedInput {
  data::LoadResult loaded;
  std::string sha256;
};
LoadedInput load_input(const data::Schema& schema, const DepartmentInput& input, data::LoadOptions options);

// One department's report in `format` (text, json or csv; not html, whose
// sections are numbered in output order). A pure function of the report, so
// the workers render in parallel and the writer only writes.
std::string render_department(const std::string& format, Lang lang, bool color, const audit::Audit& audit);

// Writes departments one by one in the chosen format, then the batch summary.
class ReportWriter {
 public:
  ReportWriter(std::string format, Lang lang, bool color, Output& out);
  // `rendered`: the report as render_department gave it, or empty to render
  // here. A department that was not checked is listed in the summary as such.
  void department(const audit::Audit& audit, const std::string& rendered = {});
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
