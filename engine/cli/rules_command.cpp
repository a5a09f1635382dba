// `jxaudit rules diff A B`: what changed between two rule sets — indicators
// and weights, rounding, parameters, grade bands, the calendar, rule files.
// `jxaudit explain RULE_ID`: a rule's title, basis, parameters and source.
// `jxaudit rules new DIR --from PREV`: next year's set; `rules list`: rules_list.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>

#include "cli/check_support.hpp"
#include "cli/commands.hpp"
#include "cli/fixtures.hpp"
#include "cli/rules_list.hpp"
#include "report/report.hpp"
#include "rules/suggest.hpp"

namespace jx::cli {

using rules::closest;
using rules::join;
namespace {

namespace fs = std::filesystem;

// Parameters flattened to dotted keys with their JSON text, for comparison.
void flatten(const data::Value& v, const std::string& prefix, std::map<std::string, std::string>& out) {
  if (v.kind() == data::Value::Kind::object) {
    for (const auto& m : v.as_object()) flatten(m.value, prefix.empty() ? m.key : prefix + "." + m.key, out);
    return;
  }
  out[prefix] = to_json(v);
}

std::string rounding_text(const rules::RuleSet& set, std::size_t i) {
  const rules::Rounding r = set.rounding_for(i);
  return fmt::format("{} {}", r.scale, rounding_mode_name(r.mode));
}

int run_diff(const std::string& a_dir, const std::string& b_dir, const GlobalOptions& global) {
  RuleSetCache cache(global);
  std::shared_ptr<const LoadedRuleSet> a;
  std::shared_ptr<const LoadedRuleSet> b;
  try {
    a = cache.get(a_dir);
    b = cache.get(b_dir);
  } catch (const std::exception& e) {
    std::cerr << "jxaudit: " << e.what() << '\n';
    return exit_bad_input;
  }
  std::vector<std::string> lines;
  auto add = [&](std::string s) { lines.push_back(std::move(s)); };
  if (a->rules.name() != b->rules.name())
    add(fmt::format("~ name: {} → {}", a->rules.name(), b->rules.name()));
  auto years = [](const rules::RuleSet& s) {
    std::string out;
    for (int y : s.fiscal_years()) out += (out.empty() ? "" : ", ") + std::to_string(y);
    return out;
  };
  if (years(a->rules) != years(b->rules))
    add(fmt::format("~ fiscal years: {} → {}", years(a->rules), years(b->rules)));
  if (a->rules.chain().size() != b->rules.chain().size() ||
      a->rules.chain().back() != b->rules.chain().back()) {
    add(fmt::format("~ extends: {} → {}", a->rules.chain().size() > 1 ? a->rules.chain()[1] : "—",
                    b->rules.chain().size() > 1 ? b->rules.chain()[1] : "—"));
  }

  // Indicators, in B's order, then those only A has.
  const auto& ai = a->rules.indicators();
  const auto& bi = b->rules.indicators();
  for (std::size_t j = 0; j < bi.size(); ++j) {
    const auto i = a->rules.find_indicator(bi[j].path);
    if (!i) {
      add(fmt::format("+ indicator {} (weight {})", bi[j].path, bi[j].weight.to_string()));
      continue;
    }
    if (ai[*i].weight != bi[j].weight) {
      add(fmt::format("~ indicator {}: weight {} → {}", bi[j].path, ai[*i].weight.to_string(),
                      bi[j].weight.to_string()));
    }
    if (bi[j].is_leaf() && rounding_text(a->rules, *i) != rounding_text(b->rules, j)) {
      add(fmt::format("~ indicator {}: rounding {} → {}", bi[j].path, rounding_text(a->rules, *i),
                      rounding_text(b->rules, j)));
    }
  }
  for (const auto& ind : ai) {
    if (!b->rules.find_indicator(ind.path))
      add(fmt::format("- indicator {} (weight {})", ind.path, ind.weight.to_string()));
  }

  std::map<std::string, std::string> ap;
  std::map<std::string, std::string> bp;
  flatten(a->rules.params(), "", ap);
  flatten(b->rules.params(), "", bp);
  for (const auto& [k, v] : bp) {
    auto it = ap.find(k);
    if (it == ap.end()) {
      add(fmt::format("+ param {} = {}", k, v));
    } else if (it->second != v) {
      add(fmt::format("~ param {}: {} → {}", k, it->second, v));
    }
  }
  for (const auto& [k, v] : ap) {
    if (bp.count(k) == 0) add(fmt::format("- param {} = {}", k, v));
  }

  auto grades = [](const rules::RuleSet& s) {
    std::string out;
    for (const auto& g : s.grades()) out += (out.empty() ? "" : ", ") + g.name + " ≥ " + g.min.to_string();
    return out;
  };
  if (grades(a->rules) != grades(b->rules))
    add(fmt::format("~ grades: {} → {}", grades(a->rules), grades(b->rules)));
  if (a->rules.calendar_path() != b->rules.calendar_path()) {
    add(fmt::format("~ calendar: {} → {}", a->rules.calendar_path(), b->rules.calendar_path()));
  }

  std::map<std::string, const rules::RuleFile*> af;
  std::map<std::string, const rules::RuleFile*> bf;
  for (const auto& f : a->rules.rule_files()) af[f.relative] = &f;
  for (const auto& f : b->rules.rule_files()) bf[f.relative] = &f;
  for (const auto& [rel, f] : bf) {
    auto it = af.find(rel);
    if (it == af.end()) {
      add(fmt::format("+ rule {}", f->path));
    } else if (a->sources.at(it->second->path) != b->sources.at(f->path)) {
      add(fmt::format("~ rule {}: {} → {}", rel, it->second->path, f->path));
    } else if (it->second->path != f->path) {
      add(fmt::format("= rule {} (same text in {} and {})", rel, it->second->path, f->path));
    }
  }
  for (const auto& [rel, f] : af) {
    if (bf.count(rel) == 0) add(fmt::format("- rule {}", f->path));
  }
  std::cout << fmt::format("rules diff {} {}\n", a->rules.dir(), b->rules.dir());
  for (const auto& l : lines) std::cout << l << '\n';
  const auto changes =
      std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l[0] != '='; });
  std::cout << fmt::format("{} change{}\n", changes, changes == 1 ? "" : "s");
  return exit_ok;
}

// The name of the year before with the year replaced ("… 2024" → "… 2025").
std::string next_name(std::string name, int from, int to) {
  const std::string year = std::to_string(from);
  if (const auto at = name.rfind(year); at != std::string::npos) {
    name.replace(at, year.size(), std::to_string(to));
  } else if (!name.empty()) {
    name += " " + std::to_string(to);
  }
  return name;
}

std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return out + "\"";
}

// `jxaudit rules new DIR --from PREV`: next year's set, extending PREV.
int run_new(const std::string& dir, const std::string& from, const GlobalOptions& global) {
  const bool zh = global.lang() == Lang::zh;
  RuleSetCache cache(global);
  std::shared_ptr<const LoadedRuleSet> prev;
  try {
    prev = cache.get(from);
  } catch (const std::exception& e) {
    std::cerr << "jxaudit: " << e.what() << '\n';
    return exit_bad_input;
  }
  const fs::path target(dir);
  if (fs::exists(target / "manifest.toml")) {
    std::cerr << fmt::format(
        fmt::runtime(zh ? "jxaudit: {} 已有 manifest.toml，不会覆盖\n"
                        : "jxaudit: {} already has a manifest.toml; it is not overwritten\n"),
        dir);
    return exit_bad_input;
  }
  const auto& years = prev->rules.fiscal_years();
  const int last = *std::max_element(years.begin(), years.end());
  const int year = last + 1;
  std::error_code ec;
  fs::create_directories(target / "tests", ec);
  if (ec) {
    std::cerr << fmt::format("jxaudit: {}: {}\n", (target / "tests").string(), ec.message());
    return exit_bad_input;
  }
  const std::string extends = fs::absolute(from)
                                  .lexically_normal()
                                  .lexically_relative(fs::absolute(target).lexically_normal())
                                  .generic_string();

  // The nearest base department up the chain, moved to the new year.
  std::string base_from;
  for (const std::string& d : prev->rules.chain()) {
    if (fs::exists(fs::path(d) / "tests" / "base.json")) {
      base_from = (fs::path(d) / "tests" / "base.json").string();
      break;
    }
  }
  std::vector<std::string> clamped;
  if (!base_from.empty()) {
    std::ofstream(target / "tests" / "base.json", std::ios::binary)
        << department_for_year(base_from, year, clamped);
  }

  std::ofstream manifest(target / "manifest.toml", std::ios::binary);
  manifest << fmt::format(
      "# {name}: {from} with only what changed for fiscal year {year}.\n"
      "# Made by `jxaudit rules new`. Everything not stated here (indicators and weights, rounding,\n"
      "# grades, the missing-evidence policy, parameters, the calendar and every rule file) is\n"
      "# inherited. For each change, say where it comes from and mark it [S] (stated in a source)\n"
      "# or [I] (inferred); where nothing changed, say so (docs/rule-sets.md).\n"
      "schema_version = \"1\"\n"
      "jurisdiction = {jurisdiction}\n"
      "extends = {extends}\n"
      "name = {name_toml}\n"
      "{name_en}"
      "fiscal_years = [{year}]\n"
      "\n"
      "# What changed for {year} (parameters under [params], weights under [[indicators]]):\n"
      "# - nothing yet.\n",
      fmt::arg("name", next_name(prev->rules.name(), last, year)), fmt::arg("from", prev->rules.dir()),
      fmt::arg("year", year), fmt::arg("jurisdiction", toml_string(prev->rules.jurisdiction())),
      fmt::arg("extends", toml_string(extends)),
      fmt::arg("name_toml", toml_string(next_name(prev->rules.name(), last, year))),
      fmt::arg("name_en",
               prev->rules.name_en().empty()
                   ? std::string()
                   : "name_en = " + toml_string(next_name(prev->rules.name_en(), last, year)) + "\n"));
  manifest.close();

  std::cout << fmt::format(
      fmt::runtime(zh ? "已创建 {}（继承 {}，会计年度 {}）\n" : "made {} (extends {}, fiscal year {})\n"),
      (target / "manifest.toml").string(), extends, year);
  if (!base_from.empty()) {
    std::cout << fmt::format(fmt::runtime(zh ? "已创建 {}（{} 的日期顺延 {} 年）\n"
                                             : "made {} ({} with every date {} year(s) later)\n"),
                             (target / "tests" / "base.json").string(), base_from, year - last);
    for (const auto& c : clamped) std::cout << "    " << c << '\n';
  }
  // The new set must load, and its calendar must cover the year and the next
  // (a contract signed in December is filed in January).
  std::shared_ptr<const LoadedRuleSet> made;
  try {
    made = cache.get(dir);
  } catch (const std::exception& e) {
    std::cerr << "jxaudit: " << e.what() << '\n';
    return exit_bad_input;
  }
  std::cout << fmt::format(fmt::runtime(zh ? "日历：{}\n" : "calendar: {}\n"), made->rules.calendar_path());
  for (int y : {year, year + 1}) {
    if (made->calendar != nullptr && !made->calendar->covers(y)) {
      std::cout << fmt::format(
          fmt::runtime(zh ? "注意：日历 {} 尚无 {} 年（国务院办公厅关于{}年部分节假日安排的通知发布后加入 "
                            "[years.{}]）\n"
                          : "note: the calendar {} has no {} yet (add [years.{}] once the State Council's "
                            "notice for {} is published)\n"),
          made->rules.calendar_path(), y, y, y);
    }
  }
  std::cout << (zh ? "下一步：\n" : "next:\n")
            << fmt::format("    jxaudit test {}\n    jxaudit rules diff {} {}\n", dir, from, dir);
  return exit_ok;
}

// The newest rule set under rules/ (by fiscal-year directory name), for explain without --ruleset.
std::string newest_rule_set() {
  std::string best;
  std::error_code ec;
  for (const auto& j : fs::directory_iterator(home_dir() + "/rules", ec)) {
    if (!j.is_directory()) continue;
    for (const auto& y : fs::directory_iterator(j.path(), ec)) {
      if (fs::exists(y.path() / "manifest.toml") &&
          (best.empty() || y.path().filename() > fs::path(best).filename())) {
        best = y.path().string();
      }
    }
  }
  return best;
}

int run_explain(const std::string& id, std::string dir, const GlobalOptions& global) {
  const Lang lang = global.lang();
  if (dir.empty()) dir = newest_rule_set();
  RuleSetCache cache(global);
  std::shared_ptr<const LoadedRuleSet> set;
  try {
    set = cache.get(dir);
  } catch (const std::exception& e) {
    std::cerr << "jxaudit: " << e.what() << '\n';
    return exit_bad_input;
  }
  DepartmentChecker checker(set);
  for (std::size_t i = 0; i < checker.engine().size(); ++i) {
    const sandbox::RuleInfo& info = checker.engine().info(i);
    if (info.id != id) continue;
    const auto leaf = checker.leaf_of_rule(i);
    const bool zh = lang == Lang::zh;
    std::cout << fmt::format("{}{}\n", zh ? "规则：" : "Rule: ", info.id);
    std::cout << fmt::format("{}{}\n", zh ? "名称：" : "Title: ", info.title);
    std::cout << fmt::format("{}{}\n", zh ? "指标：" : "Indicator: ", info.indicator);
    if (leaf) {
      const auto& ind = set->rules.indicators()[*leaf];
      std::cout << fmt::format("{}{}  {}{}\n", zh ? "分值：" : "Weight: ", report::format_points(ind.weight),
                               zh ? "舍入：" : "Rounding: ", rounding_text(set->rules, *leaf));
    }
    std::cout << fmt::format("{}{}\n", zh ? "依据：" : "Basis: ", info.basis.empty() ? "—" : info.basis);
    // The parameters the rule's source mentions (ctx.params.NAME or params.NAME), with their values.
    const std::string& source = set->sources.at(info.source_path);
    static const std::regex param(R"(params\.([A-Za-z_][A-Za-z0-9_]*))");
    std::set<std::string> names;
    for (auto it = std::sregex_iterator(source.begin(), source.end(), param); it != std::sregex_iterator();
         ++it) {
      names.insert((*it)[1]);
    }
    std::cout << (zh ? "参数：" : "Parameters:") << (names.empty() ? (zh ? "（无）\n" : " (none)\n") : "\n");
    for (const auto& n : names) {
      const data::Value* v = set->rules.params().find(n);
      std::cout << fmt::format(
          "  {} = {}\n", n, v != nullptr ? to_json(*v) : (zh ? "（清单中没有）" : "(not in the manifest)"));
    }
    std::cout << fmt::format("{}{}\n", zh ? "源文件：" : "Source: ", info.source_path);
    std::cout << fmt::format("{}{}\n", zh ? "规则集：" : "Rule set: ", set->rules.dir());
    return exit_ok;
  }
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < checker.engine().size(); ++i) ids.push_back(checker.engine().info(i).id);
  const std::vector<std::string> near = closest(id, ids);
  if (lang == Lang::zh) {
    std::cerr << fmt::format("jxaudit: 规则集 {} 中没有规则“{}”{}\n", set->rules.dir(), id,
                             near.empty() ? "" : "；是否要找：" + join(near, "、") + "？");
  } else {
    std::cerr << fmt::format("jxaudit: no rule \"{}\" in {}{}\n", id, set->rules.dir(),
                             near.empty() ? "" : "; did you mean " + join(near, ", ") + "?");
  }
  return exit_bad_input;
}

}  // namespace

Command add_rules_command(CLI::App& app, const GlobalOptions& global) {
  auto dirs = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("rules", "Work with rule sets");
  cmd->require_subcommand(1);
  CLI::App* diff =
      cmd->add_subcommand("diff", "List changed weights, parameters and rules between two rule sets");
  diff->add_option("sets", *dirs, "Two rule-set directories: A B")->required()->expected(2);
  auto made = std::make_shared<std::string>();
  auto from = std::make_shared<std::string>();
  CLI::App* create = cmd->add_subcommand("new", "Start next year's rule set, extending the previous one");
  create->add_option("dir", *made, "The new rule set's directory, e.g. rules/gz/2027")->required();
  create->add_option("--from", *from, "The set it extends, e.g. rules/gz/2026")->required();
  auto roots = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* list = cmd->add_subcommand(
      "list", "List the rule sets under the shipped rules/ and each --rules DIR: short name, years, size");
  list->add_option("--rules", *roots, "Another folder of rule sets (<jurisdiction>/<year>/manifest.toml)");
  list->add_option("--format", *format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  return {cmd, [dirs, made, from, create, list, roots, format, &global] {
            if (list->parsed()) return run_rules_list(*roots, *format, global);
            return create->parsed() ? run_new(*made, *from, global)
                                    : run_diff(dirs->at(0), dirs->at(1), global);
          }};
}

Command add_explain_command(CLI::App& app, const GlobalOptions& global) {
  auto id = std::make_shared<std::string>();
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("explain", "Show a rule's title, legal basis, parameters and source");
  cmd->add_option("rule", *id, "Rule id, e.g. MGMT.PROC.CONTRACT_FILING")->required();
  cmd->add_option("--ruleset", *dir, "Rule-set directory (default: the newest under rules/)");
  return {cmd, [id, dir, &global] { return run_explain(*id, *dir, global); }};
}

}  // namespace jx::cli
