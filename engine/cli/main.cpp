// jxaudit command line: parses arguments, sets up logging, dispatches to the
// subcommands. Results go to stdout; diagnostics go to stderr through spdlog.
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>

#include "cli/build_info.hpp"
#include "cli/cli_docs.hpp"
#include "cli/commands.hpp"
#include "cli/logging.hpp"
#include "cli/version.hpp"
#include "lang/lang.hpp"
#include "rules/suggest.hpp"

namespace {

// What a command printed with std::cout is only known to be written once it is
// flushed: a full disk or a closed pipe must not end in exit 0 with a cut report.
int stdout_written(int exit_code) {
  std::cout.flush();
  const bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
  if (!failed) return exit_code;
  spdlog::error("cannot write to stdout: {}", std::strerror(errno != 0 ? errno : EIO));
  using namespace jx::cli;
  return exit_code == exit_ok || exit_code == exit_findings ? exit_bad_input : exit_code;
}

// `jxaudit chek x.json`: CLI11 only says the arguments were not expected.
// When the parse stopped at a word where a command was due, name it as an
// unknown command with the nearest ones ("did you mean"). False for any other
// error (CLI11's own message is then printed).
bool unknown_command(const CLI::App& app, jx::Lang lang) {
  const CLI::App* level = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (const CLI::App* sub : level->get_subcommands([](const CLI::App* a) { return a->parsed(); })) {
      level = sub;
      deeper = true;
      break;
    }
  }
  std::vector<std::string> names;  // the commands users see (hidden ones have no group)
  for (const CLI::App* sub :
       level->get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); }))
    names.push_back(sub->get_name());
  if (names.empty()) return false;
  // Words no command took; with fallthrough a subcommand's land in the app's.
  std::string word;
  for (const std::string& arg : app.remaining(true)) {
    if (!arg.empty() && arg[0] != '-') {
      word = arg;
      break;
    }
  }
  if (word.empty()) return false;
  const std::string prefix = level == &app ? "" : level->get_name() + " ";
  std::string message = fmt::format(
      fmt::runtime(tr(lang, "jxaudit：未知命令“{}”", "jxaudit: unknown command \"{}\"")), prefix + word);
  const std::vector<std::string> near = jx::rules::closest(word, names);
  if (!near.empty()) {
    std::string quoted;
    for (const std::string& n : near)
      quoted += (quoted.empty() ? "" : tr(lang, "、", ", ")) +
                fmt::format(fmt::runtime(tr(lang, "“{}”", "\"{}\"")), prefix + n);
    message += fmt::format(fmt::runtime(tr(lang, "；您是否要用 {}？", "; did you mean {}?")), quoted);
  }
  message += fmt::format(
      fmt::runtime(tr(lang, "（jxaudit {}--help 列出所有命令）", " (jxaudit {}--help lists them all)")),
      prefix);
  std::cerr << message << '\n';
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace jx::cli;
  CLI::App app{
      "jxaudit — checks a department's performance self-evaluation (部门整体支出绩效自评)\n"
      "against an audit rule set, with exact decimal arithmetic.",
      "jxaudit"};
  app.set_version_flag("-V,--version", std::string("jxaudit ") + jx::engine_version + "\ncommit " +
                                           jx::build_commit + "\nbuild " + jx::build_type);
  std::string log_level = "warn";
  GlobalOptions global;
  app.add_option("--log-level", log_level, "Diagnostics on stderr at this level and above")
      ->check(CLI::IsMember(log_level_names()))
      ->capture_default_str();
  app.add_option("--lang", global.lang_name, "Language of messages and reports: zh (中文) or en")
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  app.add_option("--schema", global.schema_path, "Department data schema (default: the shipped one)");
  app.add_option("--max-findings", global.findings_budget.findings_per_rule,
                 "Findings one rule run may report (default: the manifest's [budgets], else 10000)")
      ->check(CLI::Range(1, 1'000'000));
  app.add_option(
         "--max-finding-bytes", global.findings_budget.finding_bytes_per_rule,
         "Bytes of findings' messages and evidence per rule run (default: the manifest's, else 4 MiB)")
      ->check(CLI::Range(1024, 1 << 30));
  app.add_option("--max-input-size", global.max_input_size,
                 "Largest input file read, in bytes (default 512 MiB); checked before reading")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.require_subcommand(0, 1);
  // Global options may come after the command too (`check x.json --lang en`):
  // subcommands created from here on pass options they do not know to the app.
  app.fallthrough();
  app.footer(
      "Exit codes: 0 checked, nothing at or above --fail-on; 1 findings at or above --fail-on\n"
      "(test, lint: failures); 2 bad usage or bad input; 3 a rule failed (incomplete check).\n"
      "docs/cli.md describes every command.");

  std::vector<Command> commands{
      add_validate_command(app, global),  add_check_command(app, global), add_test_command(app, global),
      add_lint_command(app, global),      add_rules_command(app, global), add_explain_command(app, global),
      add_narrative_command(app, global),
  };
  // Hidden: the build prints the shell completions and the man page with them.
  for (Command& c : add_doc_commands(app)) commands.push_back(std::move(c));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Not for --help or --version (exit code 0).
    if (e.get_exit_code() != 0 && unknown_command(app, global.lang())) return exit_bad_input;
    return app.exit(e) == 0 ? exit_ok : exit_bad_input;
  }
  init_logging(log_level);

  int exit_code = exit_ok;
  try {
    bool ran = false;
    for (const Command& command : commands) {
      if (command.app->parsed()) {
        exit_code = command.run();
        ran = true;
        break;
      }
    }
    if (!ran) std::cout << app.help();
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return exit_bad_input;
  }
  return stdout_written(exit_code);
}
