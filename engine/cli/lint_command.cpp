// `jxaudit lint RULESET`: the manifest loads and its weights add up; every leaf
// has exactly one rule (a second one is refused, naming the file to edit) and
// every rule a leaf; every rule compiles; ids are unique; every rule has
// fixtures; the calendar covers the fiscal year and the next; the source
// checks of lint_source.hpp (exactness, department fields, parameters,
// rounding). luacheck runs too when installed. Messages are in the user's
// language, each with file:line.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "cli/check_support.hpp"
#include "cli/commands.hpp"
#include "cli/lint_source.hpp"
#include "cli/relations_folder.hpp"
#include "narrative/narrative.hpp"

namespace jx::cli {
namespace {

namespace fs = std::filesystem;

using Problem = LintProblem;

int run_luacheck(const LoadedRuleSet& set, std::vector<Problem>& problems) {
  if (std::system("command -v luacheck >/dev/null 2>&1") != 0) return -1;
  std::string files;
  for (const auto& f : set.rules.rule_files()) files += " '" + f.path + "'";
  for (const auto& lib : set.rules.lib_dirs()) files += " '" + lib + "'";
  const std::string config = home_dir() + "/rules/.luacheckrc";
  const std::string command =
      fmt::format("luacheck --no-color --formatter plain {} {} 2>&1",
                  fs::exists(config) ? "--config '" + config + "'" : std::string(), files);
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  std::string output;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  std::istringstream lines(output);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty()) problems.push_back({"luacheck", line});
  }
  return status;
}

// "2021–2026" or "2021, 2023"
std::string years_text(const std::vector<int>& years) {
  bool consecutive = true;
  for (std::size_t i = 1; i < years.size(); ++i) consecutive = consecutive && years[i] == years[i - 1] + 1;
  if (consecutive && years.size() > 1) return fmt::format("{}–{}", years.front(), years.back());
  std::string out;
  for (int y : years) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out;
}

int run_lint(const std::string& dir, const GlobalOptions& global) {
  if (narrative::is_relations_folder(dir)) return lint_relations_folder(dir, global);
  const bool zh = global.lang() == Lang::zh;
  RuleSetCache cache(global);
  std::shared_ptr<const LoadedRuleSet> set;
  try {
    set = cache.get(dir);
  } catch (const std::exception& e) {
    std::cout << e.what() << '\n' << (zh ? "lint：1 个问题\n" : "lint: 1 problem\n");
    return exit_findings;
  }
  std::vector<Problem> problems;
  std::vector<Problem> warnings;
  DepartmentChecker checker(set);
  std::set<std::string> refused_files;
  for (const audit::RefusedRule& r : checker.refused()) {
    refused_files.insert(r.file);
    const std::string& text = set->sources.at(r.file);
    problems.push_back(
        {fmt::format("{}:{}", r.file, line_of(text, "indicator")),
         zh ? fmt::format("指标“{}”已有规则 {}：一个指标只有一条规则，本文件不予运行；请修改或替换 {}"
                          "（在本规则集相同的相对路径放同名文件即可替换）",
                          r.indicator, r.original, r.original)
            : fmt::format(
                  "indicator \"{}\" already has a rule, {}: a leaf has one rule, so this file does not "
                  "run; edit or replace {} (a file at the same relative path in this set replaces it)",
                  r.indicator, r.original, r.original)});
  }
  for (const std::string& e : checker.load_errors()) {
    const bool refusal = std::any_of(refused_files.begin(), refused_files.end(),
                                     [&](const std::string& f) { return e.rfind(f + ":", 0) == 0; });
    if (!refusal) problems.push_back({"", e});
  }

  std::map<std::string, std::string> ids;  // id → file
  std::map<std::size_t, std::string> leaves_with_rule;
  for (std::size_t i = 0; i < checker.engine().size(); ++i) {
    const sandbox::RuleInfo& info = checker.engine().info(i);
    if (auto it = ids.find(info.id); it != ids.end()) {
      problems.push_back(
          {fmt::format("{}:{}", info.source_path, line_of(set->sources.at(info.source_path), "id")),
           zh ? fmt::format("规则编号“{}”已被 {} 使用", info.id, it->second)
              : fmt::format("rule id \"{}\" is also used by {}", info.id, it->second)});
    }
    ids[info.id] = info.source_path;
    if (auto leaf = checker.leaf_of_rule(i)) leaves_with_rule[*leaf] = info.source_path;
  }
  const auto& indicators = set->rules.indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    if (indicators[i].is_leaf() && leaves_with_rule.count(i) == 0) {
      problems.push_back({indicators[i].defined_at,
                          zh ? fmt::format("末级指标“{}”没有规则", indicators[i].path)
                             : fmt::format("leaf indicator \"{}\" has no rule", indicators[i].path)});
    }
  }

  // The calendar must cover each fiscal year (an error) and the year after it
  // (a contract signed in December is filed in January: a warning, since the
  // State Council publishes next year's notice only in November or December).
  const std::string calendar_at = set->rules.calendar_key_at().empty() ? set->rules.dir() + "/manifest.toml"
                                                                       : set->rules.calendar_key_at();
  // A set without a calendar has nothing to cover: its rules see ctx.calendar nil.
  for (int y : set->calendar != nullptr ? set->rules.fiscal_years() : std::vector<int>{}) {
    for (int year : {y, y + 1}) {
      if (set->calendar->covers(year)) continue;
      const std::string covered = years_text(set->calendar->years());
      if (year == y) {
        problems.push_back(
            {calendar_at,
             zh ? fmt::format("日历 {} 覆盖 {}，不含会计年度 {}：按工作日计算的期限在 {} 年无法核查",
                              set->rules.calendar_path(), covered, year, year)
                : fmt::format("the calendar {} covers {}, not the fiscal year {}: "
                              "working-day deadlines in {} cannot be checked",
                              set->rules.calendar_path(), covered, year, year)});
      } else {
        warnings.push_back(
            {calendar_at,
             zh ? fmt::format(
                      "日历 {} 覆盖 {}，尚无 {} 年：{} 年 12 月签订的合同在 {} 年 1 月备案时无法核查；"
                      "国务院办公厅发布 {} 年节假日安排后加入 [years.{}]",
                      set->rules.calendar_path(), covered, year, y, year, year, year)
                : fmt::format(
                      "the calendar {} covers {}, not {} yet: contracts signed in December {} and filed in "
                      "January {} cannot be checked; add [years.{}] once the State Council's notice is out",
                      set->rules.calendar_path(), covered, year, y, year, year)});
      }
    }
  }

  const data::Schema schema = data::Schema::load(department_schema_path(global));
  for (const rules::RuleFile& f : set->rules.rule_files()) {
    const std::string fixture = fs::path(f.relative).replace_extension(".test.json").string();
    bool found = false;
    for (const std::string& d : set->rules.chain()) found = found || fs::exists(fs::path(d) / fixture);
    if (!found) {
      problems.push_back({f.path + ":1", zh ? fmt::format("没有测试用例（应在规则旁放 {}）", fixture)
                                            : fmt::format("no fixtures ({} beside the rule)", fixture)});
    }
    scan_source(f.path, set->sources.at(f.path),
                SourceScan{&schema.root(), &set->rules.params(), true, global.lang()}, problems);
  }
  for (const std::string& lib : set->rules.lib_dirs()) {
    std::vector<std::string> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(lib, ec); !ec && it != fs::recursive_directory_iterator();
         ++it) {
      if (it->is_regular_file() && it->path().extension() == ".lua") files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      scan_source(file, text.str(), SourceScan{nullptr, &set->rules.params(), false, global.lang()},
                  problems);
    }
  }
  const int luacheck = run_luacheck(*set, problems);
  for (const Problem& p : problems) std::cout << (p.where.empty() ? "" : p.where + ": ") << p.message << '\n';
  for (const Problem& p : warnings)
    std::cout << p.where << ": " << (zh ? "警告：" : "warning: ") << p.message << '\n';
  if (luacheck < 0) {
    std::cout << (zh ? "（未安装 luacheck：跳过 Lua 静态检查）\n"
                     : "(luacheck not installed: Lua static analysis skipped)\n");
  }
  const std::string warned =
      warnings.empty()
          ? ""
          : (zh ? fmt::format("，{} 个警告", warnings.size())
                : fmt::format(", {} warning{}", warnings.size(), warnings.size() == 1 ? "" : "s"));
  std::cout << (zh ? fmt::format("lint：{} 条规则，{} 个问题{}\n", checker.engine().size(), problems.size(),
                                 warned)
                   : fmt::format("lint: {} rules, {} problem{}{}\n", checker.engine().size(), problems.size(),
                                 problems.size() == 1 ? "" : "s", warned));
  return problems.empty() ? exit_ok : exit_findings;
}

}  // namespace

Command add_lint_command(CLI::App& app, const GlobalOptions& global) {
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "lint", tr(global.lang(), "检查规则集：分值、规则与末级指标的对应、测试用例、精确运算",
                 "Check a rule set: weights, rule/leaf pairing, fixtures, exact arithmetic"));
  cmd->add_option("ruleset", *dir,
                  tr(global.lang(), "规则集目录，如 rules/gz/2023", "Rule-set directory, e.g. rules/gz/2023"))
      ->required();
  return {cmd, [dir, &global] { return run_lint(*dir, global); }};
}

}  // namespace jx::cli
