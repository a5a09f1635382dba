// `jxaudit check`: loads departments, picks each one's rule set from its
// fiscal year (or --ruleset), checks them in parallel (one sandbox Engine per
// worker), and writes the reports in input order, so that the output is the
// same bytes whatever --jobs is.
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "cli/check_support.hpp"
#include "cli/commands.hpp"
#include "cli/compare.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "cli/version.hpp"
#include "report/formats.hpp"
#include "report/report.hpp"

namespace jx::cli {
namespace {

struct Options {
  std::vector<std::string> data;
  std::string ruleset;
  std::string format = "text";
  std::string output;
  unsigned jobs = 0;
  std::string fail_on = "never";
  std::vector<std::string> tables;
  std::string color = "auto";
  std::vector<std::string> compare;  // two rule-set dirs
  // --report: the department's self-evaluation report (.txt, .docx, .pdf), checked beside it
  std::string report;
  std::string waivers;
  std::string relations;  // Lua relations for the report; default rules/narrative
};

struct Result {
  std::optional<audit::Audit> audit;
  std::string rendered;  // the audit in the output format, rendered by the worker (not html)
};

bool fails_on(const std::string& level, const audit::Audit& audit) {
  if (level == "never") return false;
  // Any difference of a self score, any failed self-check, or no self-evaluation.
  if (level == "gap") return audit.verdict.kind != audit::Verdict::Kind::agrees;
  for (const Finding& f : audit.card.findings) {
    if (level == "note") return true;
    if (level == "missing" && f.kind == Finding::Kind::missing_evidence) return true;
    if (!f.points.is_zero()) return true;
  }
  return false;
}

int run_check(const Options& options, const GlobalOptions& global) {
  if (!options.compare.empty()) return run_compare(options.compare, options.data, options.output, global);
  const Lang lang = global.lang();
  data::LoadOptions load_options = global.load_options();
  if (!parse_tables(options.tables, load_options.tables)) return exit_bad_input;

  std::vector<DepartmentInput> inputs;
  try {
    inputs = collect_inputs(options.data);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return exit_bad_input;
  }
  if (inputs.empty()) {
    spdlog::error("no department data given (files, directories or - for NDJSON on stdin)");
    return exit_bad_input;
  }
  if (!options.report.empty() && inputs.size() > 1) {
    spdlog::error("{}",
                  lang == Lang::zh
                      ? fmt::format("--report 只能用于单个部门；共给出 {} 个", inputs.size())
                      : fmt::format("--report applies to a single department; {} were given", inputs.size()));
    return exit_bad_input;
  }
  if (!load_options.tables.empty() && inputs.size() > 1) {
    spdlog::error("--table applies to a single department file; {} were given", inputs.size());
    return exit_bad_input;
  }

  const data::Schema schema = data::Schema::load(department_schema_path(global));
  RuleSetCache catalogue(global);

  const unsigned jobs = std::max(1u, options.jobs != 0 ? options.jobs : std::thread::hardware_concurrency());
  const std::size_t window = static_cast<std::size_t>(jobs) * 4;  // results waiting to be written, at most
  std::mutex mutex;
  std::condition_variable ready;
  std::condition_variable room;
  std::map<std::size_t, Result> done;
  std::size_t next_to_write = 0;
  std::atomic<std::size_t> next_job{0};

  const bool color =
      options.color == "always" || (options.color == "auto" && options.output.empty() &&
                                    isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr);
  // The table of formats (report/formats.hpp) makes the writer; --format only offers its names.
  const std::unique_ptr<report::Writer> writer =
      report::find_format(options.format)->make(report::WriteOptions{lang, color, engine_version});
  auto worker = [&] {
    audit::Auditor auditor(catalogue, schema, engine_version);  // its sandboxes are this thread's
    while (true) {
      const std::size_t i = next_job++;
      if (i >= inputs.size()) return;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return i < next_to_write + window; });
      }
      Result result;
      const DepartmentInput& in = inputs[i];
      auto [loaded, input_sha256] = load_input(schema, in, load_options);
      const std::shared_ptr<const data::Document> department = loaded.document;
      result.audit = auditor.audit(audit::Input{in.name, input_sha256}, std::move(loaded), options.ruleset);
      if (!options.report.empty()) {
        audit::check_report(*result.audit, department.get(), options.report, lang,
                            options.relations.empty() ? home_dir() + "/rules/narrative" : options.relations,
                            options.waivers);
      }
      // Rendering is a pure function of the audit: done here, in parallel;
      // the writer thread only writes.
      result.rendered = writer->render(*result.audit);  // "" for a format that renders in order
      std::lock_guard lock(mutex);
      done.emplace(i, std::move(result));
      ready.notify_all();
    }
  };

  const bool progress = isatty(STDERR_FILENO) != 0 && inputs.size() >= 10;
  int exit_code = exit_ok;
  std::vector<std::thread> threads;
  try {
    Output out(options.output);
    const report::Sink write = [&out](const std::string& piece) { out.write(piece); };
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      Result result;
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return done.count(i) > 0; });
        result = std::move(done.at(i));
        done.erase(i);
        next_to_write = i + 1;
        room.notify_all();
      }
      const audit::Audit& audit = *result.audit;
      // The diagnostics are in the report, and on stderr too: whoever runs a
      // batch into a file sees at once what was not checked and why.
      for (const Diagnostic& d : audit.diagnostics) {
        const bool whole_department = d.line == 0 && d.pointer.empty() && d.file == audit.file;
        std::cerr << (whole_department ? "jxaudit: " + d.file + ": " + d.message : d.to_string(lang)) << '\n';
      }
      if (audit.report) {
        for (const std::string& w : audit.report->warnings) spdlog::warn("{}", w);
        for (const std::string& e : audit.report->rule_errors) spdlog::error("{}", e);
        if (!audit.report->error.empty()) spdlog::error("{}", audit.report->error);
      }
      const bool report_unread = audit.report && !audit.report->error.empty();
      const bool report_incomplete = audit.report && !audit.report->rule_errors.empty();
      if (!audit.checked() || report_unread) {
        exit_code = exit_bad_input;
      } else {
        if (report_incomplete && exit_code != exit_bad_input) exit_code = exit_incomplete;
        if (!audit.card.complete && exit_code != exit_bad_input) exit_code = exit_incomplete;
        if (exit_code == exit_ok && fails_on(options.fail_on, audit)) exit_code = exit_findings;
      }
      writer->department(audit, result.rendered, write);
      if (progress)
        std::cerr << fmt::format("\r{} {}/{}", lang == Lang::zh ? "检查进度" : "checked", i + 1,
                                 inputs.size())
                  << std::flush;
    }
    if (progress) std::cerr << '\n';
    writer->finish(write);
    out.commit();
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    exit_code = exit_bad_input;
    {
      std::lock_guard lock(mutex);
      next_to_write = inputs.size();  // release waiting workers
      next_job = inputs.size();
      room.notify_all();
    }
  }
  for (std::thread& t : threads) t.join();
  return exit_code;
}

}  // namespace

Command add_check_command(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  CLI::App* cmd =
      app.add_subcommand("check", "Check departments against their rule set and print the scorecard");
  cmd->add_option("data", options->data,
                  "Department JSON files, directories of them, or - for NDJSON on stdin")
      ->required();
  cmd->add_option("--ruleset", options->ruleset,
                  "Rule-set directory (default: rules/<jurisdiction>/<fiscal year>)");
  std::vector<std::string> names;
  std::string help = "Report format:";
  for (const report::Format& f : report::formats()) {
    names.emplace_back(f.name);
    help += fmt::format("\n  {} (.{}): {}", f.name, f.extension, f.description);
  }
  cmd->add_option("--format", options->format, help)->check(CLI::IsMember(names))->capture_default_str();
  cmd->add_option("-o,--output", options->output, "Write the report to FILE (atomically) instead of stdout");
  cmd->add_option("-j,--jobs", options->jobs, "Departments checked in parallel (default: all cores)");
  cmd->add_option("--fail-on", options->fail_on,
                  "Exit 1 when a department has findings at or above this level")
      ->check(CLI::IsMember({"never", "note", "missing", "deduction", "gap"}))
      ->capture_default_str();
  cmd->add_option("--table", options->tables, "A CSV table for a single department, as NAME=PATH");
  cmd->add_option("--color", options->color, "Colour in text reports")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--report", options->report,
                  "The department's self-evaluation report (.txt, .docx, .pdf): its figures are checked "
                  "against each other, the data and the computed scorecard (docs/narrative.md)");
  cmd->add_option("--waivers", options->waivers,
                  "Waiver file for the report's findings (default: REPORT.waivers next to it, if present)")
      ->needs("--report");
  cmd->add_option("--relations", options->relations,
                  "Folder of Lua relations for the report (default: rules/narrative of jxaudit)")
      ->needs("--report");
  cmd->add_option("--compare-rulesets", options->compare,
                  "Check with two rule sets A B and show how each finding and the score move")
      ->expected(2)
      ->excludes("--ruleset");
  return {cmd, [options, &global] { return run_check(*options, global); }};
}

}  // namespace jx::cli
