// `jxaudit lint RULESET`: the manifest loads and its weights add up; every leaf
// has exactly one rule and every rule a leaf; every rule compiles; ids are
// unique; every rule has fixtures; no rule compares a value with a number
// literal through == (a dec never equals a Lua number) or writes a float
// literal (binary floating point on money). luacheck runs too when installed.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>

#include "cli/check_support.hpp"
#include "cli/commands.hpp"

namespace jx::cli {
namespace {

namespace fs = std::filesystem;

// The code of a Lua line with string literals blanked and comments removed,
// so that the checks below look at code only. Long strings/comments that span
// lines are tracked by the caller through `in_long`.
std::string code_only(const std::string& line, bool& in_long) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (in_long) {
      if (line.compare(i, 2, "]]") == 0) {
        in_long = false;
        ++i;
      }
      continue;
    }
    if (line.compare(i, 4, "--[[") == 0 || line.compare(i, 2, "[[") == 0) {
      in_long = true;
      i += line.compare(i, 4, "--[[") == 0 ? 3 : 1;
      continue;
    }
    if (line.compare(i, 2, "--") == 0) break;
    if (line[i] == '"' || line[i] == '\'') {
      const char q = line[i];
      out += "\"\"";
      for (++i; i < line.size() && line[i] != q; ++i) {
        if (line[i] == '\\') ++i;
      }
      continue;
    }
    out += line[i];
  }
  return out;
}

struct Problem {
  std::string where;
  std::string message;
};

void scan_source(const std::string& path, const std::string& text, std::vector<Problem>& problems) {
  static const std::regex float_literal(R"((^|[^\w.])(\d+\.\d*|\.\d+)([eE][+-]?\d+)?\b)");
  // a.b == 1, x:f() ~= 0, 0 == t.y: a field or call compared with a number literal.
  static const std::regex eq_number(
      R"(([\w\]\)]+[.:][\w.:()\[\]]*[\w\)\]])\s*(==|~=)\s*-?\d|\d\s*(==|~=)\s*[\w]+[.:])");
  std::istringstream in(text);
  std::string line;
  bool in_long = false;
  for (int n = 1; std::getline(in, line); ++n) {
    const std::string code = code_only(line, in_long);
    if (std::regex_search(code, float_literal)) {
      problems.push_back(
          {fmt::format("{}:{}", path, n), "float literal: write dec(\"0.3\") so that money stays exact"});
    }
    if (std::regex_search(code, eq_number)) {
      problems.push_back(
          {fmt::format("{}:{}", path, n),
           "== or ~= against a number: a dec never equals a Lua number; use d:eq(x) or dec.cmp(a, b)"});
    }
  }
}

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

int run_lint(const std::string& dir, const GlobalOptions& global) {
  RuleSetCache cache(global);
  std::shared_ptr<const LoadedRuleSet> set;
  try {
    set = cache.get(dir);
  } catch (const std::exception& e) {
    std::cout << e.what() << '\n' << "lint: 1 problem\n";
    return exit_findings;
  }
  std::vector<Problem> problems;
  DepartmentChecker checker(set);
  for (const std::string& e : checker.load_errors()) problems.push_back({"", e});

  std::map<std::string, std::string> ids;  // id → file
  std::map<std::size_t, std::string> leaves_with_rule;
  for (std::size_t i = 0; i < checker.engine().size(); ++i) {
    const sandbox::RuleInfo& info = checker.engine().info(i);
    if (auto it = ids.find(info.id); it != ids.end()) {
      problems.push_back(
          {info.source_path, fmt::format("rule id \"{}\" is also used by {}", info.id, it->second)});
    }
    ids[info.id] = info.source_path;
    if (auto leaf = checker.leaf_of_rule(i)) leaves_with_rule[*leaf] = info.source_path;
  }
  const auto& indicators = set->rules.indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    if (indicators[i].is_leaf() && leaves_with_rule.count(i) == 0) {
      problems.push_back(
          {indicators[i].defined_at, fmt::format("leaf indicator \"{}\" has no rule", indicators[i].path)});
    }
  }
  for (const rules::RuleFile& f : set->rules.rule_files()) {
    const std::string fixture = fs::path(f.relative).replace_extension(".test.json").string();
    bool found = false;
    for (const std::string& d : set->rules.chain()) found = found || fs::exists(fs::path(d) / fixture);
    if (!found) problems.push_back({f.path, "no fixtures (" + fixture + " beside the rule)"});
    scan_source(f.path, set->sources.at(f.path), problems);
  }
  const int luacheck = run_luacheck(*set, problems);
  for (const Problem& p : problems) std::cout << (p.where.empty() ? "" : p.where + ": ") << p.message << '\n';
  if (luacheck < 0) std::cout << "(luacheck not installed: Lua static analysis skipped)\n";
  std::cout << fmt::format("lint: {} rules, {} problem{}\n", checker.engine().size(), problems.size(),
                           problems.size() == 1 ? "" : "s");
  return problems.empty() ? exit_ok : exit_findings;
}

}  // namespace

Command add_lint_command(CLI::App& app, const GlobalOptions& global) {
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("lint", "Check a rule set: weights, rule/leaf pairing, fixtures, exact arithmetic");
  cmd->add_option("ruleset", *dir, "Rule-set directory, e.g. rules/gz/2023")->required();
  return {cmd, [dir, &global] { return run_lint(*dir, global); }};
}

}  // namespace jx::cli
