// `jxaudit check --compare-rulesets A B DATA…`: checks each department with
// two rule sets (say this year's and last year's) and shows how the score of
// every indicator and every finding moves between them.
#include <fmt/format.h>

#include <iostream>
#include <map>

#include "cli/check_support.hpp"
#include "cli/compare.hpp"
#include "cli/output.hpp"
#include "cli/version.hpp"
#include "lang/lang.hpp"
#include "report/report.hpp"

namespace jx::cli {
namespace {

// Findings are matched across rule sets by indicator, rule and subject.
std::string finding_key(const Finding& f) {
  return f.indicator + "\x1f" + f.rule_id + "\x1f" + f.subject + "\x1f" + kind_name(f.kind);
}

std::string compare_one(const audit::Audit& a, const audit::Audit& b, Lang lang) {
  std::string out = fmt::format("{}{}（{}）  {}\n", tr(lang, "部门：", "Department: "), a.header.name,
                                a.header.code, a.file);
  out += fmt::format("A: {}（{}）\nB: {}（{}）\n", a.rules().name(), a.rules().dir(), b.rules().name(),
                     b.rules().dir());
  out += fmt::format("{}{}（{}） → {}（{}）  {}\n\n", tr(lang, "总分：", "Total: "),
                     report::format_points(a.card.total), a.card.grade, report::format_points(b.card.total),
                     b.card.grade, report::format_gap(b.card.total - a.card.total));
  // Indicators by path, in B's order, then those only A has.
  std::vector<std::vector<std::string>> rows{
      {tr(lang, "指标", "Indicator"), "A", "B", tr(lang, "变化", "Change")}};
  std::map<std::string, std::size_t> a_index;
  for (std::size_t i = 0; i < a.rules().indicators().size(); ++i) a_index[a.rules().indicators()[i].path] = i;
  for (std::size_t j = 0; j < b.rules().indicators().size(); ++j) {
    const auto& ind = b.rules().indicators()[j];
    const auto it = a_index.find(ind.path);
    const Decimal sb = b.card.rows[j].score;
    const std::string label =
        std::string(ind.depth * 2, ' ') + (lang == Lang::en && !ind.name_en.empty() ? ind.name_en : ind.name);
    if (it == a_index.end()) {
      rows.push_back({label, "—", report::format_points(sb), tr(lang, "新增", "new")});
      continue;
    }
    const Decimal sa = a.card.rows[it->second].score;
    rows.push_back({label, report::format_points(sa), report::format_points(sb),
                    sa == sb ? "" : report::format_gap(sb - sa)});
    a_index.erase(it);
  }
  for (const auto& [path, i] : a_index) {
    rows.push_back({path, report::format_points(a.card.rows[i].score), "—", tr(lang, "删除", "removed")});
  }
  std::vector<std::size_t> widths(4);
  for (const auto& r : rows) {
    for (std::size_t c = 0; c < 4; ++c) widths[c] = std::max(widths[c], report::display_width(r[c]));
  }
  for (const auto& r : rows) {
    std::string line = r[0] + std::string(widths[0] - report::display_width(r[0]), ' ');
    for (std::size_t c = 1; c < 4; ++c)
      line += "  " + std::string(widths[c] - report::display_width(r[c]), ' ') + r[c];
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  // Findings that appear, disappear or change their points.
  std::map<std::string, const Finding*> fa;
  std::map<std::string, const Finding*> fb;
  for (const Finding& f : a.card.findings) fa.emplace(finding_key(f), &f);
  for (const Finding& f : b.card.findings) fb.emplace(finding_key(f), &f);
  std::string moves;
  for (const auto& [key, f] : fb) {
    const auto it = fa.find(key);
    if (it == fa.end()) {
      moves += fmt::format("+ {} {} {} {}: {}\n", f->indicator, f->subject, tr(lang, "扣", "−"),
                           report::format_points(f->points), f->message);
    } else if (it->second->points != f->points) {
      moves += fmt::format("~ {} {}: {} → {}\n", f->indicator, f->subject,
                           report::format_points(it->second->points), report::format_points(f->points));
    }
  }
  for (const auto& [key, f] : fa) {
    if (fb.count(key) == 0) {
      moves += fmt::format("- {} {} {} {}: {}\n", f->indicator, f->subject, tr(lang, "扣", "−"),
                           report::format_points(f->points), f->message);
    }
  }
  out += "\n" +
         std::string(tr(lang, "发现的变化（+ 仅 B，- 仅 A，~ 扣分变化）",
                        "Findings that moved (+ only B, - only A, ~ points changed)")) +
         "\n";
  out += moves.empty() ? tr(lang, "（无）\n", "(none)\n") : moves;
  return out;
}

}  // namespace

int run_compare(const std::vector<std::string>& sets, const std::vector<std::string>& data,
                const std::string& output, const GlobalOptions& global) {
  const Lang lang = global.lang();
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
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const DepartmentInput& in = inputs[i];
      const auto [loaded, input_sha256] = load_input(schema, in, global.load_options());
      for (const Diagnostic& d : loaded.diagnostics) std::cerr << d.to_string(lang) << '\n';
      if (!loaded.ok()) {
        code = exit_bad_input;
        continue;
      }
      const audit::Input input{in.name, input_sha256};
      const audit::Audit ra = auditor.audit(input, loaded, a->rules.dir());
      const audit::Audit rb = auditor.audit(input, loaded, b->rules.dir());
      if ((!ra.card.complete || !rb.card.complete) && code == exit_ok) code = exit_incomplete;
      out.write((i > 0 ? "\n" + std::string(72, '=') + "\n\n" : std::string()) + compare_one(ra, rb, lang));
    }
    out.commit();
  } catch (const std::exception& e) {
    std::cerr << "jxaudit: " << e.what() << '\n';
    return exit_bad_input;
  }
  return code;
}

}  // namespace jx::cli
