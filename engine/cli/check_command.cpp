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
#include <optional>
#include <thread>

#include "cli/check_support.hpp"
#include "cli/commands.hpp"
#include "cli/compare.hpp"
#include "cli/input_queue.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "cli/record_reader.hpp"
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
  std::string summary;               // --summary FILE
  std::string rule_costs;            // --rule-costs FILE
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

// The format of the --summary file: named by its extension (.csv, .json,
// .txt), else the report's own format when that has a summary of its own.
std::optional<report::SummaryFormat> summary_format(const std::string& path,
                                                    const std::string& report_format) {
  const std::string ext = std::filesystem::path(path).extension().string();
  const std::string name = ext == ".csv"                        ? "csv"
                           : ext == ".json" || ext == ".ndjson" ? "json"
                           : ext == ".txt"                      ? "text"
                                                                : report_format;
  if (name == "csv") return report::SummaryFormat::csv;
  if (name == "json") return report::SummaryFormat::json;
  if (name == "text") return report::SummaryFormat::text;
  return std::nullopt;
}

// What the workers and the thread reading the inputs share. Owned jointly, so
// that a reader blocked on a stdin that never ends may be left behind safely
// when the check stops early.
struct Feed {
  explicit Feed(std::size_t capacity) : queue(capacity) {}
  InputQueue queue;
  // Guard the fields below and, in run_check, the finished results: the
  // writer waits on `ready` for either.
  std::mutex mutex;
  std::condition_variable ready;
  bool finished = false;
  std::size_t total = 0;  // inputs queued, final once finished
  std::string error;      // stdin could not be read
};

int run_check(const Options& options, const GlobalOptions& global) {
  const Lang lang = global.lang();
  InputList listed;
  try {
    listed = list_inputs(options.data, lang);
    refuse_output_over_input(options.output, "-o", listed.files, listed.read_stdin, lang);
    refuse_output_over_input(options.summary, "--summary", listed.files, listed.read_stdin, lang);
    refuse_output_over_input(options.rule_costs, "--rule-costs", listed.files, listed.read_stdin, lang);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return exit_bad_input;
  }
  if (!options.rule_costs.empty() && (options.rule_costs == "-" || options.rule_costs == options.output ||
                                      options.rule_costs == options.summary)) {
    spdlog::error(
        "--rule-costs {}: {}", options.rule_costs,
        tr(lang, "须是一个文件，且不同于 -o 和 --summary", "must be a file other than -o and --summary"));
    return exit_bad_input;
  }
  if (!options.compare.empty() && !options.summary.empty()) {
    spdlog::error("--summary: {}", tr(lang, "不能与 --compare-rulesets 同用", "not with --compare-rulesets"));
    return exit_bad_input;
  }
  if (!options.compare.empty() && !options.rule_costs.empty()) {
    spdlog::error("--rule-costs: {}",
                  tr(lang, "不能与 --compare-rulesets 同用", "not with --compare-rulesets"));
    return exit_bad_input;
  }
  if (!options.compare.empty())
    return run_compare(options.compare, options.data, options.format, options.output, global);
  data::LoadOptions load_options = global.load_options();
  if (!parse_tables(options.tables, load_options.tables, lang)) return exit_bad_input;

  if (listed.files.empty() && !listed.read_stdin) {
    spdlog::error("{}", no_departments_given(listed, lang));
    return exit_bad_input;
  }
  if (const std::string note = workbooks_not_read(listed, lang); !note.empty()) spdlog::warn("{}", note);
  const std::size_t given = listed.files.size() + (listed.read_stdin ? 1 : 0);
  if (!options.report.empty() && given > 1) {
    spdlog::error("{}", tr(lang, fmt::format("--report 只能用于单个部门；共给出 {} 个", given),
                           fmt::format("--report applies to a single department; {} were given", given)));
    return exit_bad_input;
  }
  if (const std::string why = load_options.tables.empty() ? "" : table_refusal(listed, lang); !why.empty()) {
    spdlog::error("{}", why);
    return exit_bad_input;
  }
  std::optional<report::SummaryFormat> summary_as;
  if (!options.summary.empty()) {
    summary_as = summary_format(options.summary, options.format);
    if (!summary_as || options.summary == options.output) {
      spdlog::error(
          "{}", fmt::format(
                    fmt::runtime(tr(lang, "--summary {}：汇总文件须以 .csv、.json 或 .txt 结尾，且不同于 -o",
                                    "--summary {}: the summary file must end in .csv, .json or "
                                    ".txt and differ from -o")),
                    options.summary));
      return exit_bad_input;
    }
  }

  const data::Schema schema = data::Schema::load(department_schema_path(global));
  RuleSetCache catalogue(global);

  const unsigned jobs = std::max(1u, options.jobs != 0 ? options.jobs : std::thread::hardware_concurrency());
  const std::size_t window = static_cast<std::size_t>(jobs) * 4;  // results waiting to be written, at most
  // Stdin records read ahead of the workers, at most: with the window, what
  // bounds the memory of a batch on stdin as a directory's is bounded.
  const auto feed = std::make_shared<Feed>(static_cast<std::size_t>(jobs) * 2);
  std::mutex& mutex = feed->mutex;
  std::condition_variable& ready = feed->ready;
  std::condition_variable room;
  std::map<std::size_t, Result> done;
  std::size_t next_to_write = 0;

  const bool color =
      options.color == "always" || (options.color == "auto" && options.output.empty() &&
                                    isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr);
  if (options.format == "xlsx" && (options.output.empty() || options.output == "-") &&
      isatty(STDOUT_FILENO) != 0) {
    spdlog::error(lang == Lang::zh ? "工作簿是二进制文件：请用 -o 文件名.xlsx 指定输出文件"
                                   : "a workbook is a binary file: name the output with -o FILE.xlsx");
    return exit_bad_input;
  }
  // The table of formats (report/formats.hpp) makes the writer; --format only offers its names.
  const std::unique_ptr<report::Writer> writer =
      report::find_format(options.format)
          ->make(report::WriteOptions{lang, color, engine_version, summary_as.has_value()});
  const bool writes_files = !options.output.empty() || !options.summary.empty();
  std::string output_is_input;              // guarded by mutex: the first table an output would replace
  std::vector<audit::RuleCost> rule_costs;  // guarded by mutex: each worker's, when it ends
  std::size_t departments_checked = 0;
  auto worker = [&] {
    audit::Auditor auditor(catalogue, schema, engine_version);  // its sandboxes are this thread's
    if (!options.rule_costs.empty()) auditor.measure_rule_costs();
    while (auto item = feed->queue.pop()) {
      const std::size_t i = item->first;
      const DepartmentInput& in = item->second;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return i < next_to_write + window; });
      }
      Result result;
      auto [loaded, input_sha256] = load_input(schema, in, load_options);
      // The CSV tables a department names are only known now: an output that
      // is one of them is refused before it is renamed into place.
      if (writes_files && loaded.document != nullptr && loaded.document->files.size() > 1) {
        const std::vector<std::string> tables(loaded.document->files.begin() + 1,
                                              loaded.document->files.end());
        try {
          refuse_output_over_input(options.output, "-o", tables, false, lang);
          refuse_output_over_input(options.summary, "--summary", tables, false, lang);
        } catch (const std::exception& e) {
          std::lock_guard lock(mutex);
          if (output_is_input.empty()) output_is_input = e.what();
        }
      }
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
    if (!options.rule_costs.empty()) {
      std::vector<audit::RuleCost> mine = auditor.rule_costs();
      std::lock_guard lock(mutex);
      rule_costs.insert(rule_costs.end(), mine.begin(), mine.end());
    }
  };
  const std::size_t files_given = listed.files.size();
  // The files by name, then the stdin records as they come: one thread reads
  // while the workers check.
  auto read_inputs = [feed, files = std::move(listed.files), from_stdin = listed.read_stdin,
                      max_size = load_options.max_input_size, lang]() mutable {
    std::size_t n = 0;
    std::string error;
    try {
      for (std::string& f : files) n += feed->queue.push({std::move(f), "", false, 0}) ? 1 : 0;
      if (from_stdin) {
        RecordReader reader(STDIN_FILENO, max_size);
        DepartmentInput record;
        for (bool first = true; reader.next(record); first = false) {
          if (first) refuse_pretty_printed_stdin(record, lang);
          if (!feed->queue.push(std::move(record))) break;
          ++n;
        }
      }
    } catch (const std::exception& e) {
      error = e.what();
    }
    feed->queue.close();
    std::lock_guard lock(feed->mutex);
    feed->finished = true;
    feed->total = n;
    feed->error = error;
    feed->ready.notify_all();
  };

  const bool progress = isatty(STDERR_FILENO) != 0 && (files_given >= 10 || listed.read_stdin);
  int exit_code = exit_ok;
  std::vector<std::thread> threads;
  std::thread reader;
  bool stopped = false;
  try {
    Output out(options.output, lang);
    std::optional<Output> summary_out;
    if (summary_as) summary_out.emplace(options.summary, lang);
    const report::Sink write = [&out](const std::string& piece) { out.write(piece); };
    reader = std::thread(read_inputs);
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    std::size_t i = 0;
    for (;; ++i) {
      Result result;
      std::size_t known_total = 0;
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return done.count(i) > 0 || (feed->finished && i >= feed->total); });
        if (done.count(i) == 0) break;
        result = std::move(done.at(i));
        done.erase(i);
        next_to_write = i + 1;
        room.notify_all();
        known_total = feed->finished ? feed->total : 0;
      }
      const audit::Audit& audit = *result.audit;
      // The diagnostics are in the report, and on stderr too: whoever runs a
      // batch into a file sees at once what was not checked and why.
      for (const Diagnostic& d : audit.diagnostics) {
        const bool whole_department = d.line == 0 && d.pointer.empty() && d.file == audit.file;
        std::cerr << (whole_department ? std::string("jxaudit: ") + tr(lang, "错误: ", "error: ") + d.file +
                                             tr(lang, "：", ": ") + d.message
                                       : d.to_string(lang))
                  << '\n';
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
      if (audit.checked()) ++departments_checked;
      writer->department(audit, result.rendered, write);
      if (progress) {
        std::cerr << "\r" << tr(lang, "检查进度", "checked") << ' ' << i + 1;
        if (known_total != 0) std::cerr << '/' << known_total;
        std::cerr << std::flush;
      }
    }
    if (progress) std::cerr << '\n';
    {
      std::lock_guard lock(mutex);
      if (!feed->error.empty()) throw std::runtime_error(feed->error);
      if (!output_is_input.empty()) throw std::runtime_error(output_is_input);
    }
    if (i == 0) {
      spdlog::error("{}", stdin_was_empty(lang));
      exit_code = exit_bad_input;
    } else {
      writer->finish(write);
      out.commit();
      if (summary_out) {
        writer->summary(*summary_as, [&summary_out](const std::string& piece) { summary_out->write(piece); });
        summary_out->commit();
      }
    }
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    exit_code = exit_bad_input;
    stopped = true;
    feed->queue.abort();  // releases the reader and the workers
    std::lock_guard lock(mutex);
    next_to_write = SIZE_MAX / 2;  // releases workers waiting for room
    room.notify_all();
  }
  for (std::thread& t : threads) t.join();
  // Written whenever the batch ran to its end, with no department checked too:
  // an older table left in place would read as this run's.
  if (!options.rule_costs.empty() && !stopped) {
    try {
      Output costs_out(options.rule_costs, lang);
      costs_out.write(report::render_rule_costs(rule_costs, departments_checked, lang));
      costs_out.commit();
    } catch (const std::exception& e) {
      spdlog::error("{}", e.what());
      exit_code = exit_bad_input;
    }
  }
  // A reader still blocked on a terminal or a pipe that never ends is left
  // behind: it owns what it uses (feed), and the process is about to exit.
  if (reader.joinable()) {
    if (stopped) {
      reader.detach();
    } else {
      reader.join();
    }
  }
  return exit_code;
}

// A format's one line for --help; the table of formats says it in English.
std::string format_description(const report::Format& f, Lang lang) {
  return std::string(lang == Lang::zh ? f.description_zh : f.description_en);
}

}  // namespace

Command add_check_command(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  const Lang lang = global.lang();
  CLI::App* cmd =
      app.add_subcommand("check", tr(lang, "按规则集检查部门数据，输出评分表",
                                     "Check departments against their rule set and print the scorecard"));
  cmd->add_option("data", options->data,
                  tr(lang, "部门 JSON 文件、其所在目录，或 -（从标准输入读 NDJSON）",
                     "Department JSON files, directories of them, or - for NDJSON on stdin"))
      ->required();
  cmd->add_option("--ruleset", options->ruleset,
                  tr(lang, "规则集目录（默认：rules/<地区>/<年度>）",
                     "Rule-set directory (default: rules/<jurisdiction>/<fiscal year>)"));
  std::vector<std::string> names;
  std::string help = tr(lang, "报告格式：", "Report format:");
  for (const report::Format& f : report::formats()) {
    names.emplace_back(f.name);
    help += fmt::format("\n  {} (.{}): {}", f.name, f.extension, format_description(f, lang));
  }
  cmd->add_option("--format", options->format, help)->check(CLI::IsMember(names))->capture_default_str();
  cmd->add_option("-o,--output", options->output,
                  tr(lang, "把报告写入文件 FILE（原子写入），而不是标准输出",
                     "Write the report to FILE (atomically) instead of stdout"));
  cmd->add_option("--summary", options->summary,
                  tr(lang, "把批量汇总（每个部门一行）写入文件 FILE：.csv、.json 或 .txt",
                     "Write the batch summary (one row per department) to FILE: .csv, .json or .txt"));
  cmd->add_option(
      "--rule-costs", options->rule_costs,
      tr(lang, "把每条规则的运行次数、指令数和 CPU 时间写入文件 FILE（找出拖慢检查的规则）",
         "Write each rule's runs, instructions and CPU time to FILE (which rule makes a check slow)"));
  cmd->add_option("-j,--jobs", options->jobs,
                  tr(lang, "并行检查的部门数（默认：全部 CPU 核）",
                     "Departments checked in parallel (default: all cores)"));
  cmd->add_option("--fail-on", options->fail_on,
                  tr(lang, "有部门的发现达到此级别时退出码为 1",
                     "Exit 1 when a department has findings at or above this level"))
      ->check(CLI::IsMember({"never", "note", "missing", "deduction", "gap"}))
      ->capture_default_str();
  cmd->add_option(
         "--table", options->tables,
         tr(lang, "单个部门的 CSV 表，写作 名称=路径", "A CSV table for a single department, as NAME=PATH"))
      ->allow_extra_args(false);  // one NAME=PATH per --table: what follows is the data
  cmd->add_option("--color", options->color, tr(lang, "文本报告是否着色", "Colour in text reports"))
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--report", options->report,
                  tr(lang,
                     "部门的自评报告（.txt、.docx、."
                     "pdf）：核对其中数字彼此之间、与数据及核定评分表是否一致（docs/narrative.md）",
                     "The department's self-evaluation report (.txt, .docx, .pdf): its figures are checked "
                     "against each other, the data and the computed scorecard (docs/narrative.md)"));
  cmd->add_option(
         "--waivers", options->waivers,
         tr(lang, "报告发现的豁免文件（默认：报告旁的 REPORT.waivers，如有）",
            "Waiver file for the report's findings (default: REPORT.waivers next to it, if present)"))
      ->needs("--report");
  cmd->add_option("--relations", options->relations,
                  tr(lang, "报告核对所用的 Lua 关系目录（默认：jxaudit 的 rules/narrative）",
                     "Folder of Lua relations for the report (default: rules/narrative of jxaudit)"))
      ->needs("--report");
  cmd->add_option("--compare-rulesets", options->compare,
                  tr(lang, "用两个规则集 A、B 检查，列出每项发现和得分的变化",
                     "Check with two rule sets A B and show how each finding and the score move"))
      ->expected(2)
      ->allow_extra_args(false)  // A and B only: the data files after them are DATA
      ->excludes("--ruleset");
  return {cmd, [options, &global] { return run_check(*options, global); }};
}

}  // namespace jx::cli
