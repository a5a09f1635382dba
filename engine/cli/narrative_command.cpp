// `jxaudit narrative REPORT…`: checks self-evaluation reports (.txt, .docx, .pdf)
// for figures that contradict each other (engine/narrative, docs/narrative.md).
// A report that cannot be read is listed as not checked, the others are checked,
// and the exit code is 2.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/version.hpp"
#include "narrative/narrative.hpp"
#include "report/report.hpp"

namespace jx::cli {
namespace {

struct Options {
  std::vector<std::string> reports;
  std::string format = "text";
  std::string output;
  std::string fail_on = "never";
  std::string waivers;
  std::string relations;  // folder of Lua relations; default rules/narrative of the jxaudit home
  bool no_lua = false;
};

bool fails(const std::string& level, const narrative::Finding& f) {
  if (f.waived || level == "never") return false;
  if (level == "hint") return true;
  if (level == "suspected") return f.severity != narrative::Severity::hint;
  return f.severity == narrative::Severity::certain;
}

int run_narrative(const Options& options, const GlobalOptions& global) {
  const Lang lang = global.lang();
  const bool zh = lang == Lang::zh;
  if (!options.waivers.empty() && options.reports.size() > 1) {
    spdlog::error(zh ? "--waivers 只能用于单个报告；多个报告请在各报告旁放置“报告文件名.waivers”"
                     : "--waivers applies to a single report; for several, put REPORT.waivers next to each");
    return exit_bad_input;
  }
  try {
    refuse_output_over_input(options.output, "-o", options.reports, false, lang);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return exit_bad_input;
  }
  std::vector<std::string> files = options.reports;
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  std::string relations = options.relations;
  if (relations.empty() && !options.no_lua) relations = home_dir() + "/rules/narrative";
  if (options.no_lua) relations.clear();
  std::vector<narrative::Result> results;
  bool bad_input = false;
  bool incomplete = false;
  bool failing = false;
  for (const std::string& file : files) {
    narrative::Result result = narrative::check_report_file(file, lang, relations, options.waivers);
    if (!result.error.empty()) {
      bad_input = true;
      spdlog::error("{}", result.error);
    }
    for (const std::string& w : result.document.warnings) spdlog::warn("{}", w);
    for (const std::string& e : result.rule_errors) spdlog::error("{}", e);
    incomplete = incomplete || !result.rule_errors.empty();
    for (const narrative::Finding& f : result.findings) failing = failing || fails(options.fail_on, f);
    results.push_back(std::move(result));
  }
  Output out(options.output, global.lang());
  if (options.format == "json") {
    out.write(narrative::render_json(results, lang));
  } else if (options.format == "csv") {
    out.write(narrative::render_csv(results, lang));
  } else if (options.format == "html") {
    // The same page style and model as check's HTML report (report/html_report_check.cpp).
    std::vector<audit::ReportCheck> reports;
    for (const narrative::Result& r : results) reports.push_back(audit::report_check(r));
    out.write(report::render_narrative_html(reports, report::HtmlOptions{lang, engine_version}));
  } else {
    out.write(narrative::render_text(results, lang));
  }
  out.commit();
  if (bad_input) return exit_bad_input;
  if (incomplete) return exit_incomplete;
  return failing ? exit_findings : exit_ok;
}

}  // namespace

Command add_narrative_command(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  const Lang lang = global.lang();
  CLI::App* cmd = app.add_subcommand(
      "narrative",
      tr(lang, "检查自评报告（.txt、.docx、.pdf）中互相矛盾的数字",
         "Check self-evaluation reports (.txt, .docx, .pdf) for figures that contradict each other"));
  cmd->add_option("reports", options->reports,
                  tr(lang, "报告文件：.txt（UTF-8 或 GB18030）、.docx、.pdf",
                     "Report files: .txt (UTF-8 or GB18030), .docx, .pdf"))
      ->required();
  cmd->add_option("--format", options->format, tr(lang, "报告格式", "Report format"))
      ->check(CLI::IsMember({"text", "json", "csv", "html"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", options->output,
                  tr(lang, "把报告写入文件 FILE（原子写入），而不是标准输出",
                     "Write the report to FILE (atomically) instead of stdout"));
  cmd->add_option("--fail-on", options->fail_on,
                  tr(lang, "有未豁免的发现达到此严重程度时退出码为 1",
                     "Exit 1 when a finding not waived is at or above this severity"))
      ->check(CLI::IsMember({"never", "hint", "suspected", "certain"}))
      ->capture_default_str();
  cmd->add_option("--waivers", options->waivers,
                  tr(lang, "单个报告的豁免文件（默认：同目录的 报告.waivers，如有）",
                     "Waiver file for a single report (default: REPORT.waivers next to it, if present)"));
  cmd->add_option("--relations", options->relations,
                  tr(lang, "另外运行的 Lua 关系规则目录（默认：jxaudit 的 rules/narrative）",
                     "Folder of Lua relations to run as well (default: rules/narrative of jxaudit)"));
  cmd->add_flag("--no-lua", options->no_lua,
                tr(lang, "只运行内置的关系检查", "Run only the built-in relations"))
      ->excludes("--relations");
  return {cmd, [options, &global] { return run_narrative(*options, global); }};
}

}  // namespace jx::cli
