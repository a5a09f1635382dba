// One department end to end: invalid data stops here (not checked, no
// scorecard); valid data gets its rule set, its rules run and scored, its
// self-evaluation checked, and a verdict.
#include <algorithm>

#include "audit/audit.hpp"
#include "audit/self_checks.hpp"

namespace jx::audit {

std::size_t Audit::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; }));
}

Header read_header(const data::Value& root) {
  auto text = [](const data::Value* v) {
    return v != nullptr && v->kind() == data::Value::Kind::string ? v->as_string() : std::string();
  };
  Header h;
  if (const data::Value* d = root.find("department")) {
    h.code = text(d->find("code"));
    h.name = text(d->find("name"));
  }
  h.money_unit = text(root.find("money_unit"));
  if (const data::Value* year = root.find("fiscal_year");
      year != nullptr && year->kind() == data::Value::Kind::decimal && year->as_decimal().is_integer() &&
      year->as_decimal() >= Decimal(1) && year->as_decimal() <= Decimal(9999)) {
    h.fiscal_year = std::stoi(year->as_decimal().to_string());
  }
  return h;
}

namespace {

// budget.monthly, by month; a month is below schedule when a finding says so:
// its evidence names the month and the schedule it missed (as the spending-rate
// rule reports it), so a month the rule set leaves out is never marked.
Spending spending_of(const data::Document& department, const scoring::Scorecard& card) {
  Spending s;
  const data::Value* budget = department.root.find("budget");
  if (budget == nullptr) return s;
  if (const data::Value* a = budget->find("adjusted");
      a != nullptr && a->kind() == data::Value::Kind::decimal)
    s.adjusted = a->as_decimal();
  const data::Value* monthly = budget->find("monthly");
  if (monthly == nullptr || monthly->kind() != data::Value::Kind::array) return s;
  for (const data::Value& e : monthly->as_array()) {
    const data::Value* month = e.find("month");
    const data::Value* spent = e.find("cumulative_spent");
    if (month == nullptr || spent == nullptr || month->kind() != data::Value::Kind::decimal ||
        spent->kind() != data::Value::Kind::decimal) {
      continue;
    }
    const Decimal& m = month->as_decimal();
    if (!m.is_integer() || m < Decimal(1) || m > Decimal(12)) continue;
    s.months.push_back({std::stoi(m.to_string()), spent->as_decimal(), std::nullopt});
  }
  std::stable_sort(s.months.begin(), s.months.end(),
                   [](const MonthlySpending& a, const MonthlySpending& b) { return a.month < b.month; });
  for (const Finding& f : card.findings) {
    if (f.points.is_zero() && f.kind != Finding::Kind::deduction) continue;
    const Evidence* month = nullptr;
    const Evidence* schedule = nullptr;
    for (const Evidence& e : f.evidence) {
      if (e.key == "month") month = &e;
      if (e.key == "schedule") schedule = &e;
    }
    if (month == nullptr || schedule == nullptr) continue;
    const auto due = Decimal::try_parse(schedule->value);
    for (MonthlySpending& m : s.months) {
      if (std::to_string(m.month) == month->value && due) m.schedule = *due;
    }
  }
  return s;
}

}  // namespace

Audit not_checked(const Input& input, data::LoadResult loaded, const std::string& engine_version) {
  Audit a;
  a.status = Audit::Status::not_checked;
  a.file = input.name;
  if (loaded.document) a.header = read_header(loaded.document->root);
  a.diagnostics = std::move(loaded.diagnostics);
  a.stamp = Stamp{engine_version, input.sha256, {}};
  a.verdict.kind = Verdict::Kind::not_checked;
  return a;
}

Auditor::Auditor(Catalogue& catalogue, const data::Schema& department_schema, std::string engine_version)
    : catalogue_(catalogue),
      schema_(department_schema),
      engine_version_(std::move(engine_version)),
      field_titles_(
          std::make_shared<const std::map<std::string, std::string>>(department_schema.field_titles())) {}

Audit Auditor::audit(const Input& input, data::LoadResult loaded, const std::string& explicit_ruleset) {
  // Invalid data is never scored: any error diagnostic, and no rule runs.
  if (!loaded.ok()) return not_checked(input, std::move(loaded), engine_version_);
  std::shared_ptr<const LoadedRuleSet> set;
  try {
    set = catalogue_.for_year(explicit_ruleset, read_header(loaded.document->root).fiscal_year);
  } catch (const std::exception& e) {
    // No rule set applies, or it cannot be loaded: the department cannot be checked.
    // A rule-set error lists each problem on a line of its own: one diagnostic each.
    const std::string what = e.what();
    for (std::size_t start = 0; start < what.size();) {
      const std::size_t end = std::min(what.find('\n', start), what.size());
      if (end > start) {
        loaded.diagnostics.push_back(
            Diagnostic{Diagnostic::Severity::error, input.name, 0, 0, "", what.substr(start, end - start)});
      }
      start = end + 1;
    }
    return not_checked(input, std::move(loaded), engine_version_);
  }
  return check(input, std::move(loaded), set);
}

std::vector<RuleCost> Auditor::rule_costs() const {
  std::vector<RuleCost> out;
  for (const auto& [dir, checker] : checkers_) {
    for (const RuleCost& cost : checker->costs()) {
      if (cost.runs > 0) out.push_back(cost);
    }
  }
  return out;
}

Audit Auditor::check(const Input& input, data::LoadResult loaded,
                     const std::shared_ptr<const LoadedRuleSet>& set) {
  auto& checker = checkers_[set->rules.dir()];
  if (!checker) checker = std::make_unique<DepartmentChecker>(set);
  if (measure_costs_) checker->measure_costs();
  Audit a;
  a.status = Audit::Status::checked;
  a.file = input.name;
  a.header = read_header(loaded.document->root);
  a.diagnostics = std::move(loaded.diagnostics);  // warnings only
  a.ruleset = set;
  a.card = checker->check(loaded.document, &schema_, a.header.fiscal_year);
  a.self_checks = check_self_evaluation(set->rules, *loaded.document);
  a.verdict = decide(set->rules, a.card, a.self_checks, *loaded.document);
  a.stamp = Stamp{engine_version_, input.sha256, set->sha256};
  a.engine_errors = checker->load_errors();
  a.spending = spending_of(*loaded.document, a.card);
  a.field_titles = field_titles_;
  return a;
}

}  // namespace jx::audit
