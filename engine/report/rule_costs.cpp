// check --rule-costs: what each rule's runs cost over a batch, the costliest
// first, for an auditor who wants to know which rule makes a check slow.
// Not a report: CPU times differ from run to run (docs/cli.md).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "report/report.hpp"

namespace jx::report {

namespace {

// 1234567 ns as "1.23" ms, by integer arithmetic (rounded half up).
std::string milliseconds(std::uint64_t ns) {
  const std::uint64_t hundredths = (ns + 5'000) / 10'000;
  return fmt::format("{}.{:02}", hundredths / 100, hundredths % 100);
}

// part / whole as "22.1%" (rounded half up); "0.0%" when whole is 0.
std::string share(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return "0.0%";
  const std::uint64_t tenths = (part * 2'000 / whole + 1) / 2;
  return fmt::format("{}.{}%", tenths / 10, tenths % 10);
}

}  // namespace

std::string render_rule_costs(const std::vector<audit::RuleCost>& costs, std::size_t departments, Lang lang) {
  // The workers' tables add up per rule set and rule.
  std::map<std::tuple<std::string, std::string, std::string>, audit::RuleCost> merged;
  for (const audit::RuleCost& c : costs) {
    audit::RuleCost& m = merged[{c.ruleset, c.rule_id, c.file}];
    if (m.runs == 0) m = audit::RuleCost{c.ruleset, c.rule_id, c.file, 0, 0, 0};
    m.runs += c.runs;
    m.instructions += c.instructions;
    m.cpu_ns += c.cpu_ns;
  }
  std::vector<audit::RuleCost> rows;
  std::uint64_t total_cpu = 0;
  std::uint64_t total_instructions = 0;
  for (auto& [key, c] : merged) {
    total_cpu += c.cpu_ns;
    total_instructions += c.instructions;
    rows.push_back(std::move(c));
  }
  // The costliest first by CPU time, what the reader is after; by rule for equal times.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const audit::RuleCost& a, const audit::RuleCost& b) { return a.cpu_ns > b.cpu_ns; });

  using Cells = std::array<std::string, 6>;
  std::vector<Cells> lines;
  lines.push_back({tr(lang, "规则", "rule"), tr(lang, "运行次数", "runs"), tr(lang, "CPU 毫秒", "CPU ms"),
                   tr(lang, "CPU 占比", "of CPU"), tr(lang, "指令数", "instructions"),
                   tr(lang, "文件", "file")});
  for (const audit::RuleCost& c : rows) {
    lines.push_back({c.rule_id, std::to_string(c.runs), milliseconds(c.cpu_ns), share(c.cpu_ns, total_cpu),
                     std::to_string(c.instructions), c.file});
  }
  lines.push_back(
      {tr(lang, "合计", "total"), "", milliseconds(total_cpu), "", std::to_string(total_instructions), ""});
  std::array<std::size_t, 6> widths{};
  for (const Cells& l : lines) {
    for (std::size_t c = 0; c < l.size(); ++c) widths[c] = std::max(widths[c], display_width(l[c]));
  }
  std::string out =
      lang == Lang::zh
          ? fmt::format(
                "规则运行耗时：{} 个部门，CPU 时间最多的规则在前。CPU 时间为线程 CPU 时间，每次运行略有不同；"
                "指令数是 CPU 预算所计的数（每 1000 条 Lua 指令计一次，加上模式匹配、大块内存等库函数的"
                "工作量；--jobs 1 时每次运行相同）\n",
                departments)
          : fmt::format(
                "Rule run costs: {} department{}, the rule with the most CPU time first. CPU time is "
                "thread CPU time and varies a little from run to run; instructions are what the CPU "
                "budget counts (Lua instructions in steps of 1000, plus the work of library functions "
                "such as pattern matching and large allocations; the same on every run with --jobs 1)\n",
                departments, departments == 1 ? "" : "s");
  for (const Cells& l : lines) {
    std::string row = pad_to_width(l[0], widths[0], false);
    for (std::size_t c = 1; c < l.size(); ++c) row += "  " + pad_to_width(l[c], widths[c], c <= 4);
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
  }
  return out;
}

}  // namespace jx::report
