// jxaudit command line: parses arguments, sets up logging, dispatches to the
// subcommands. Results go to stdout; diagnostics go to stderr through spdlog.
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <string_view>

#include "cli/build_info.hpp"
#include "cli/cli_docs.hpp"
#include "cli/commands.hpp"
#include "cli/logging.hpp"
#include "cli/version.hpp"
#include "lang/lang.hpp"
#include "rules/suggest.hpp"

namespace {

// The language, known before the app is built so that --help speaks it: the
// last --lang on the command line (anywhere, as CLI11 will read it), else
// $JXAUDIT_LANG, else Chinese. A value other than zh or en is left for CLI11
// to refuse.
std::string language_of(int argc, char** argv) {
  std::string lang;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "--lang" && i + 1 < argc) lang = argv[++i];
    if (arg.starts_with("--lang=")) lang = arg.substr(7);
  }
  if (lang.empty()) {
    const char* env = std::getenv("JXAUDIT_LANG");
    if (env != nullptr && (std::string_view(env) == "zh" || std::string_view(env) == "en")) lang = env;
  }
  return lang == "en" ? "en" : "zh";
}

// A command line CLI11 cannot parse, said in Chinese: what kind of mistake it
// is in our words, CLI11's detail (the option and the value) after it.
std::string parse_failure_zh(const CLI::App* app, const CLI::Error& e) {
  const std::string name = e.get_name();
  const char* what = name == "RequiredError"      ? "缺少必需的参数或选项"
                     : name == "ValidationError"  ? "参数值无效"
                     : name == "ConversionError"  ? "参数值无法转换为所需的类型"
                     : name == "ExtrasError"      ? "有多余的参数"
                     : name == "ArgumentMismatch" ? "参数个数不对"
                     : name == "RequiresError"    ? "此选项需要与另一个选项同用"
                     : name == "ExcludesError"    ? "这两个选项不能同用"
                                                  : "命令行有误";
  std::string command;
  for (const CLI::App* a = app; a != nullptr && a->get_parent() != nullptr; a = a->get_parent())
    command = " " + a->get_name() + command;
  return fmt::format("jxaudit{}：{}：{}\n用 jxaudit{} --help 查看用法。\n", command, what, e.what(), command);
}

// The same in English: CLI11's own words, after the program and command named
// as every other error names them ("jxaudit check: …").
std::string parse_failure_en(const CLI::App* app, const CLI::Error& e) {
  std::string command;
  for (const CLI::App* a = app; a != nullptr && a->get_parent() != nullptr; a = a->get_parent())
    command = " " + a->get_name() + command;
  return fmt::format("jxaudit{}: {}\nRun jxaudit{} --help for more information.\n", command, e.what(),
                     command);
}

// CLI11's own words in the help (its option types, TEXT and UINT, stay as they are).
void translate_help(CLI::App& app, jx::Lang lang) {
  if (lang != jx::Lang::zh) {
    app.failure_message(parse_failure_en);
    return;
  }
  auto formatter = app.get_formatter();
  formatter->label("Usage", "用法");
  formatter->label("Positionals", "位置参数");
  formatter->label("OPTIONS", "选项");
  formatter->label("SUBCOMMAND", "子命令");
  formatter->label("SUBCOMMANDS", "子命令");
  formatter->label("REQUIRED", "必填");
  formatter->label("Excludes", "不可与之同用");
  formatter->label("Needs", "需要");
  formatter->label("Env", "环境变量");
  app.option_defaults()->group("选项");
  app.group("子命令");
  app.failure_message(parse_failure_zh);
}

// Each command's -h,--help, made before the group name above applied to it.
void translate_help_groups(CLI::App& app, jx::Lang lang) {
  if (lang != jx::Lang::zh) return;
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (CLI::Option* help = sub->get_help_ptr()) help->group("选项");
    translate_help_groups(*sub, lang);
  }
}

// What a command printed with std::cout is only known to be written once it is
// flushed: a full disk or a closed pipe must not end in exit 0 with a cut report.
int stdout_written(int exit_code, jx::Lang lang) {
  std::cout.flush();
  const bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
  if (!failed) return exit_code;
  spdlog::error("{}{}", jx::tr(lang, "无法写入标准输出：", "cannot write to stdout: "),
                std::strerror(errno != 0 ? errno : EIO));
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
  using jx::tr;
  GlobalOptions global;
  global.lang_name = language_of(argc, argv);
  const jx::Lang lang = global.lang();
  CLI::App app{tr(lang, "jxaudit：按审核规则集检查部门整体支出绩效自评，精确十进制运算。",
                  "jxaudit — checks a department's overall-spending performance self-evaluation\n"
                  "against an audit rule set, with exact decimal arithmetic."),
               "jxaudit"};
  translate_help(app, lang);
  app.set_help_flag("-h,--help", tr(lang, "显示本帮助并退出", "Print this help message and exit"));
  app.set_version_flag(
      "-V,--version",
      std::string("jxaudit ") + jx::engine_version + "\ncommit " + jx::build_commit + "\nbuild " +
          jx::build_type,
      tr(lang, "显示版本、提交和构建类型并退出", "Display program version information and exit"));
  std::string log_level = "warn";
  app.add_option(
         "--log-level", log_level,
         tr(lang, "标准错误输出的诊断级别（此级别及以上）", "Diagnostics on stderr at this level and above"))
      ->check(CLI::IsMember(log_level_names()))
      ->capture_default_str();
  app.add_option("--lang", global.lang_name,
                 tr(lang, "消息和报告的语言：zh（中文，默认；也可用环境变量 JXAUDIT_LANG）或 en（英文）",
                    "Language of messages and reports: zh (Chinese, the default; or $JXAUDIT_LANG) or en"))
      ->check(CLI::IsMember({"zh", "en"}))
      ->capture_default_str();
  app.add_option("--schema", global.schema_path,
                 tr(lang, "部门数据的结构定义（默认：随附的 schemas/department.schema.json）",
                    "Department data schema (default: the shipped one)"));
  app.add_option("--max-findings", global.findings_budget.findings_per_rule,
                 tr(lang, "一次规则运行最多报告的发现数（默认：清单的 [budgets]，否则 10000）",
                    "Findings one rule run may report (default: the manifest's [budgets], else 10000)"))
      ->check(CLI::Range(1, 1'000'000).description(tr(lang, "整数，1 至 1000000", "INT in [1 - 1000000]")));
  app.add_option(
         "--max-finding-bytes", global.findings_budget.finding_bytes_per_rule,
         tr(lang, "一次规则运行的发现说明和证据的字节上限（默认：清单的，否则 4 MiB）",
            "Bytes of findings' messages and evidence per rule run (default: the manifest's, else 4 MiB)"))
      ->check(CLI::Range(1024, 1 << 30)
                  .description(tr(lang, "整数，1024 至 1073741824", "INT in [1024 - 1073741824]")));
  app.add_option("--max-input-size", global.max_input_size,
                 tr(lang, "读取的输入文件的最大字节数（默认 512 MiB），读取前检查",
                    "Largest input file read, in bytes (default 512 MiB); checked before reading"))
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.require_subcommand(0, 1);
  // Global options may come after the command too (`check x.json --lang en`):
  // subcommands created from here on pass options they do not know to the app.
  app.fallthrough();
  app.footer(
      tr(lang,
         "退出码：0 已检查，没有达到 --fail-on 的发现；1 有达到 --fail-on 的发现（test、lint：有失败）；\n"
         "2 用法错误或输入有误；3 有规则未能运行（检查不完整）。\n"
         "各命令详见 docs/cli.md。",
         "Exit codes: 0 checked, nothing at or above --fail-on; 1 findings at or above --fail-on\n"
         "(test, lint: failures); 2 bad usage or bad input; 3 a rule failed (incomplete check).\n"
         "docs/cli.md describes every command."));

  std::vector<Command> commands{
      add_validate_command(app, global),  add_check_command(app, global),    add_test_command(app, global),
      add_lint_command(app, global),      add_rules_command(app, global),    add_explain_command(app, global),
      add_narrative_command(app, global), add_template_command(app, global),
  };
  // Hidden: the build prints the shell completions and the man page with them.
  for (Command& c : add_doc_commands(app)) commands.push_back(std::move(c));

  translate_help_groups(app, lang);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Not for --help or --version (exit code 0).
    if (e.get_exit_code() != 0 && unknown_command(app, global.lang())) return exit_bad_input;
    return app.exit(e) == 0 ? exit_ok : exit_bad_input;
  }
  init_logging(log_level, global.lang());

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
  return stdout_written(exit_code, lang);
}
