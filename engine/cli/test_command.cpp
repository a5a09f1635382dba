// `jxaudit test RULESET`: runs every rule's fixtures (<rule>.test.json beside
// the rule, the nearest in the rule set's extends chain), prints each failure
// with expected against actual, reports which lines of each rule the fixtures
// ran, and ends with "N passed, N failed".
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/check_support.hpp"
#include "cli/commands.hpp"
#include "cli/coverage_report.hpp"
#include "cli/fixture_accept.hpp"
#include "cli/fixtures.hpp"
#include "cli/relations_folder.hpp"
#include "narrative/narrative.hpp"
#include "report/report.hpp"

namespace jx::cli {
namespace {

namespace fs = std::filesystem;

struct Options {
  std::string ruleset;
  std::string rule;  // only this rule id
  bool coverage = true;
  bool accept = false;  // rewrite the expectations of failing cases (after showing them)
};

std::string describe(const std::string& kind, const std::string& subject, const Decimal& points) {
  return fmt::format("{} subject=\"{}\" points={}", kind, subject, points.to_string());
}

// The fixture of a rule file: the nearest set in the chain that has one.
std::optional<std::string> fixture_for(const rules::RuleSet& set, const std::string& relative) {
  const std::string name = fs::path(relative).replace_extension(".test.json").string();
  for (const std::string& dir : set.chain()) {
    const fs::path candidate = fs::path(dir) / name;
    if (fs::exists(candidate)) return candidate.lexically_normal().string();
  }
  return std::nullopt;
}

int run_test(const Options& options, const GlobalOptions& global) {
  if (narrative::is_relations_folder(options.ruleset))
    return test_relations_folder(options.ruleset, options.rule, global);
  RuleSetCache cache(global);
  std::shared_ptr<const LoadedRuleSet> set;
  try {
    set = cache.get(options.ruleset);
  } catch (const std::exception& e) {
    std::cout << e.what() << '\n';
    return exit_bad_input;
  }
  const data::Schema schema = data::Schema::load(department_schema_path(global));
  sandbox::Coverage coverage;
  DepartmentChecker checker(set, options.coverage ? &coverage : nullptr);
  const Lang lang = global.lang();
  const char* fail = tr(lang, "失败 ", "FAIL ");
  for (const std::string& e : checker.load_errors()) std::cout << tr(lang, "错误：", "error: ") << e << '\n';

  std::size_t passed = 0;
  std::size_t failed = checker.load_errors().size();
  std::vector<std::string> without_fixtures;
  std::string tested_file;  // with --rule: its file, for the coverage report
  AcceptedCases accepts;    // failing cases a rule ran, for --accept
  for (const rules::RuleFile& file : set->rules.rule_files()) {
    std::optional<std::size_t> rule;
    for (std::size_t i = 0; i < checker.engine().size(); ++i) {
      if (checker.engine().info(i).source_path == file.path) rule = i;
    }
    if (!rule) continue;  // did not load: counted above
    const sandbox::RuleInfo& info = checker.engine().info(*rule);
    if (!options.rule.empty() && info.id != options.rule) continue;
    if (!options.rule.empty()) tested_file = file.path;
    if (!checker.leaf_of_rule(*rule)) continue;  // refused or leafless: a load error, counted above
    const auto fixture_path = fixture_for(set->rules, file.relative);
    if (!fixture_path) {
      without_fixtures.push_back(fmt::format("{} ({})", info.id, file.path));
      continue;
    }
    Fixture fixture;
    try {
      fixture = load_fixture(*fixture_path, set->rules.fiscal_years().front());
    } catch (const std::exception& e) {
      std::cout << fail << *fixture_path << ": " << e.what() << '\n';
      ++failed;
      continue;
    }
    if (fixture.rule_id != info.id) {
      std::cout << fmt::format(fmt::runtime(tr(lang, "失败 {}：写的规则是“{}”，但 {} 是“{}”\n",
                                               "FAIL {}: names rule \"{}\", but {} is \"{}\"\n")),
                               *fixture_path, fixture.rule_id, file.path, info.id);
      ++failed;
      continue;
    }
    const auto leaf = checker.leaf_of_rule(*rule);
    for (std::size_t case_index = 0; case_index < fixture.cases.size(); ++case_index) {
      const FixtureCase& c = fixture.cases[case_index];
      const std::string name = fmt::format("{} › {}", *fixture_path, c.name);
      data::LoadResult loaded =
          data::load_department_text(schema, c.department_json, name,
                                     fs::path(*fixture_path).parent_path().string(), global.load_options());
      std::vector<std::string> problems;
      if (!loaded.ok()) {
        for (const auto& d : loaded.diagnostics) {
          if (d.severity == Diagnostic::Severity::error)
            problems.push_back(tr(lang, "部门数据无效：", "invalid department: ") + d.to_string(lang));
        }
      } else {
        // A value: rules without a leaf were skipped above (reading an empty
        // result here printed garbage that changed from run to run).
        const auto findings = checker.run_rule(info.id, loaded.document, &schema,
                                               audit::read_header(loaded.document->root).fiscal_year);
        Decimal deducted;
        for (const Finding& f : *findings) deducted += f.points;
        const Decimal weight = leaf ? set->rules.indicators()[*leaf].weight : Decimal();
        if (c.score && weight - deducted != *c.score) {
          problems.push_back(
              fmt::format(fmt::runtime(tr(lang, "得分：应为 {}，实为 {}", "score: expected {}, got {}")),
                          c.score->to_string(), (weight - deducted).to_string()));
        }
        bool same = findings->size() == c.findings.size();
        for (std::size_t i = 0; same && i < findings->size(); ++i) {
          const Finding& a = (*findings)[i];
          const ExpectedFinding& e = c.findings[i];
          same = e.kind == kind_name(a.kind) && e.subject == a.subject && e.points == a.points;
        }
        if (!same) {
          std::string text = tr(lang, "发现不同：\n      应为：", "findings differ:\n      expected:");
          for (const auto& e : c.findings) text += "\n        " + describe(e.kind, e.subject, e.points);
          if (c.findings.empty()) text += tr(lang, "（无）", " (none)");
          text += tr(lang, "\n      实为：", "\n      actual:");
          for (const auto& a : *findings) {
            text += "\n        " + describe(kind_name(a.kind), a.subject, a.points) + "  — " + a.message;
          }
          if (findings->empty()) text += tr(lang, "（无）", " (none)");
          problems.push_back(text);
        }
        if (!problems.empty())
          accepts[*fixture_path][case_index] =
              actual_result(weight - deducted, *findings, set->rules.fiscal_years().front());
      }
      if (problems.empty()) {
        ++passed;
        continue;
      }
      ++failed;
      std::cout << fail << name << '\n';
      for (const std::string& p : problems) std::cout << "    " << p << '\n';
    }
  }
  if (!without_fixtures.empty()) {
    std::cout << tr(lang, "没有用例文件的规则：\n", "rules without fixtures:\n");
    for (const auto& r : without_fixtures) std::cout << "    " << r << '\n';
  }
  if (options.coverage) {
    std::cout << tr(lang, "覆盖（用例从未运行的行）：\n", "coverage (lines the fixtures never ran):\n")
              << never_ran_report(*set, coverage, tested_file, lang);
  }
  const std::size_t accepted = options.accept ? accept_all(set->rules, accepts) : 0;
  failed -= accepted;
  std::cout << (lang == Lang::zh ? fmt::format("{} 个通过，{} 个失败{}\n", passed, failed,
                                               options.accept ? fmt::format("，{} 个已接受", accepted) : "")
                                 : fmt::format("{} passed, {} failed{}\n", passed, failed,
                                               options.accept ? fmt::format(", {} accepted", accepted) : ""));
  return failed == 0 ? exit_ok : exit_findings;
}

}  // namespace

Command add_test_command(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "test", tr(global.lang(), "运行规则集的测试用例，报告失败和行覆盖率",
                 "Run the rule fixtures of a rule set; report failures and line coverage"));
  const Lang lang = global.lang();
  cmd->add_option("ruleset", options->ruleset,
                  tr(lang, "规则集目录，如 rules/gz/2023", "Rule-set directory, e.g. rules/gz/2023"))
      ->required();
  cmd->add_option("--rule", options->rule, tr(lang, "只运行此规则编号", "Only this rule id"));
  cmd->add_flag("!--no-coverage", options->coverage,
                tr(lang, "不报告行覆盖率", "Do not report line coverage"));
  cmd->add_flag("--accept", options->accept,
                tr(lang, "显示每处差异后，把规则的实际输出写为预期（继承来的用例写入本规则集自己的副本）",
                   "After showing each difference, write what the rules produced as the expectations "
                   "(into this rule set's own copy of an inherited fixture)"));
  return {cmd, [options, &global] { return run_test(*options, global); }};
}

}  // namespace jx::cli
