// `jxaudit check --compare-rulesets A B DATA…`: checks each department with
// two rule sets (say this year's and last year's) and shows how the score of
// every indicator and every finding moves between them, department by
// department, then across the batch (report/compare.hpp), as text, JSON or CSV.
#include <fmt/format.h>

#include <iostream>

#include "cli/check_support.hpp"
#include "cli/compare.hpp"
#include "cli/output.hpp"
#include "cli/version.hpp"
#include "report/compare.hpp"

namespace jx::cli {

int run_compare(const std::vector<std::string>& sets, const std::vector<std::string>& data,
                const std::string& format, const std::string& output, const GlobalOptions& global) {
  const Lang lang = global.lang();
  if (format != "text" && format != "json" && format != "csv") {
    std::cerr << (lang == Lang::zh
                      ? fmt::format("jxaudit: --compare-rulesets 的输出格式为 text、json 或 csv，而不是 {}\n",
                                    format)
                      : fmt::format("jxaudit: --compare-rulesets writes text, json or csv, not {}\n",
                                    format));
    return exit_bad_input;
  }
  RuleSetCache cache(global);
  std::shared_ptr<const LoadedRuleSet> a;
  std::shared_ptr<const LoadedRuleSet> b;
  std::vector<DepartmentInput> inputs;
  try {
    a = cache.get(sets.at(0));
    b = cache.get(sets.at(1));
    inputs = collect_inputs(data);
  } catch (const std::exception& e) {
    std::cerr << "jxaudit: " << e.what() << '\n';
    return exit_bad_input;
  }
  const data::Schema schema = data::Schema::load(department_schema_path(global));
  audit::Auditor auditor(cache, schema, engine_version);
  int code = exit_ok;
  try {
    Output out(output);
    if (format == "csv") out.write(report::compare_csv_header(a->id, b->id, lang));
    report::ComparisonSummary summary;
    std::size_t written = 0;
    for (const DepartmentInput& in : inputs) {
      const auto [loaded, input_sha256] = load_input(schema, in, global.load_options());
      for (const Diagnostic& d : loaded.diagnostics) std::cerr << d.to_string(lang) << '\n';
      if (!loaded.ok()) {
        code = exit_bad_input;
        summary.not_checked(in.name);
        continue;
      }
      const audit::Input input{in.name, input_sha256};
      const audit::Audit ra = auditor.audit(input, loaded, a->rules.dir());
      const audit::Audit rb = auditor.audit(input, loaded, b->rules.dir());
      if (!ra.checked() || !rb.checked()) {
        // The data loaded, so what stopped the check is a rule set's (its error).
        for (const audit::Audit* r : {&ra, &rb}) {
          if (r->checked()) continue;
          for (const Diagnostic& d : r->diagnostics) {
            if (d.severity == Diagnostic::Severity::error) std::cerr << d.to_string(lang) << '\n';
          }
        }
        code = exit_bad_input;
        summary.not_checked(in.name);
        continue;
      }
      if ((!ra.card.complete || !rb.card.complete) && code == exit_ok) code = exit_incomplete;
      const report::Comparison c = report::compare(ra, rb, lang);
      summary.add(c);
      if (format == "json") {
        out.write(report::render_compare_json(c));
      } else if (format == "csv") {
        out.write(report::render_compare_csv(c, lang));
      } else {
        out.write((written > 0 ? "\n" + std::string(72, '=') + "\n\n" : std::string()) +
                  report::render_compare_text(c, lang));
      }
      ++written;
    }
    // Across the batch, as check's summary: from two departments on.
    if (summary.departments().size() + summary.not_checked_files().size() >= 2) {
      if (format == "json") {
        out.write(report::render_compare_summary_json(summary));
      } else if (format == "csv") {
        out.write(report::render_compare_summary_csv(summary, lang));
      } else {
        out.write((written > 0 ? "\n" + std::string(72, '=') + "\n\n" : std::string()) +
                  report::render_compare_summary_text(summary, lang));
      }
    }
    out.commit();
  } catch (const std::exception& e) {
    std::cerr << "jxaudit: " << e.what() << '\n';
    return exit_bad_input;
  }
  return code;
}

}  // namespace jx::cli
