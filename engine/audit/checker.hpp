// Running a rule set on a department: compiles the rule set's files into a
// sandbox Engine (one per worker thread), maps each rule to its leaf indicator,
// runs the rules and hands their findings to scoring. The Auditor (audit.hpp)
// uses it for whole departments; `jxaudit test`, `lint` and `rules` use it for
// one rule at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "data/value.hpp"
#include "rules/ruleset.hpp"
#include "sandbox/sandbox.hpp"
#include "scoring/scorecard.hpp"

namespace jx::audit {

// A loaded rule set with everything its workers share read-only.
struct LoadedRuleSet {
  rules::RuleSet rules;
  // How reports cite the set: its short name relative to the rules root
  // ("gz/2023"), or, for a set outside it, its directory as given.
  std::string id;
  std::unique_ptr<Calendar> calendar;          // null when the manifest names none: ctx.calendar is nil
  std::map<std::string, std::string> sources;  // rule file path → text, read once
  std::string sha256;                          // of every file of the set (RuleSet::source_files)
  sandbox::Limits limits;
  Lang lang = Lang::zh;

  // Logs, once per run and rule however many departments it fails on, that
  // the rule needs the calendar this set's manifest does not name.
  void warn_needs_calendar(const std::string& rule_id, const std::string& position) const;

 private:
  mutable std::mutex warned_mutex_;
  mutable std::set<std::string> warned_;  // rule ids already logged
};

// Loads the rule set in `dir` (manifest schema from the shipped schemas/);
// throws rules::RuleSetError or CalendarError with file:line. A manifest
// without `calendar` loads with no calendar. What `budget`
// sets (the command line) overrides the manifest's [budgets]. A calendar named
// by name and not found in a calendars/ folder above the set is looked up in
// `shipped_calendars` (the calendars jxaudit ships), so a copied set works.
std::shared_ptr<LoadedRuleSet> load_rule_set(const std::string& dir, const data::Schema& manifest_schema,
                                             Lang lang, const rules::FindingsBudget& budget,
                                             const std::string& shipped_calendars);

// A rule file refused because its leaf already has a rule (`original`).
struct RefusedRule {
  std::string file;
  std::string original;
  std::string indicator;
};

// What one rule's runs cost over a batch (check --rule-costs): the budget's
// instruction count and thread CPU time. The count is the same on every run of
// one worker; with several, a large allocation (the Lua string table growing)
// is charged to whichever rule makes it, so it may move by a few dozen instructions.
struct RuleCost {
  std::string ruleset;  // LoadedRuleSet::id: "gz/2023"
  std::string rule_id;
  std::string file;
  std::uint64_t runs = 0;
  std::uint64_t instructions = 0;  // as the CPU budget counts them (steps of 1000)
  std::uint64_t cpu_ns = 0;
};

class DepartmentChecker {
 public:
  // `coverage`: record the lines run from the start, loading included (lib
  // functions a rule calls at load, such as evidence.yes_no, count as run).
  explicit DepartmentChecker(std::shared_ptr<const LoadedRuleSet> set, sandbox::Coverage* coverage = nullptr);

  // Runs every rule and scores the department. `fiscal_year` is the header's (ctx.fiscal_year).
  scoring::Scorecard check(const std::shared_ptr<const data::Document>& department,
                           const data::Schema* schema, int fiscal_year);
  // Runs one rule (by id) and returns its findings as the scorecard would see them.
  std::optional<std::vector<Finding>> run_rule(const std::string& rule_id,
                                               const std::shared_ptr<const data::Document>& department,
                                               const data::Schema* schema, int fiscal_year);

  // Rules that failed to load, and rules without a leaf: "file:line: message".
  [[nodiscard]] const std::vector<std::string>& load_errors() const { return load_errors_; }
  // Second rules on a leaf: refused (also in load_errors), the original runs.
  [[nodiscard]] const std::vector<RefusedRule>& refused() const { return refused_; }
  [[nodiscard]] const LoadedRuleSet& rule_set() const { return *set_; }
  [[nodiscard]] const std::shared_ptr<const LoadedRuleSet>& shared_rule_set() const { return set_; }
  [[nodiscard]] sandbox::Engine& engine() { return engine_; }
  [[nodiscard]] std::optional<std::size_t> leaf_of_rule(std::size_t rule) const;
  // From now on, adds each run's instructions and CPU time to costs().
  void measure_costs();
  // Per loaded rule, what its runs cost since measure_costs() (runs 0 before).
  [[nodiscard]] const std::vector<RuleCost>& costs() const { return costs_; }

 private:
  // The rule's findings on its leaf; a failed run ends them with its engine error.
  std::vector<Finding> run_on_leaf(std::size_t rule, const std::shared_ptr<const data::Document>& department,
                                   const data::Schema* schema, int fiscal_year);
  sandbox::RuleInput input_for(std::size_t leaf, const std::shared_ptr<const data::Document>& department,
                               const data::Schema* schema, int fiscal_year) const;

  std::shared_ptr<const LoadedRuleSet> set_;
  sandbox::Engine engine_;
  std::vector<std::optional<std::size_t>> rule_leaf_;  // per loaded rule
  std::map<std::size_t, std::string> failed_leaves_;   // leaf → why its rule cannot run
  std::vector<std::string> load_errors_;
  std::vector<RefusedRule> refused_;
  std::vector<RuleCost> costs_;  // per loaded rule, once measure_costs() was called
};

}  // namespace jx::audit
