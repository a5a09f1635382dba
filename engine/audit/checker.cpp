// Compiles a rule set once per worker and runs it on departments.
#include "audit/checker.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "audit/digest.hpp"

namespace jx::audit {
namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw rules::RuleSetError(path + ": cannot read the rule file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::shared_ptr<const LoadedRuleSet> load_rule_set(const std::string& dir,
                                                   const data::Schema& manifest_schema, Lang lang) {
  auto set = std::make_shared<LoadedRuleSet>(
      LoadedRuleSet{rules::RuleSet::load(dir, manifest_schema, lang), nullptr, {}, {}, {}});
  if (set->rules.calendar_path().empty()) {
    throw rules::RuleSetError(dir +
                              "/manifest.toml: no calendar: working-day rules need one (calendar = \"…\")");
  }
  set->calendar = std::make_unique<Calendar>(Calendar::load(set->rules.calendar_path()));
  for (const rules::RuleFile& f : set->rules.rule_files()) set->sources[f.path] = read_text(f.path);
  std::vector<std::string> files = set->rules.source_files();
  std::sort(files.begin(), files.end());
  set->sha256 = sha256_of_files(files);
  return set;
}

DepartmentChecker::DepartmentChecker(std::shared_ptr<const LoadedRuleSet> set)
    : set_(std::move(set)), engine_(set_->limits, set_->rules.lib_dirs()) {
  const auto& indicators = set_->rules.indicators();
  std::map<std::size_t, std::string> claimed;  // leaf → the rule file that claimed it
  for (const rules::RuleFile& file : set_->rules.rule_files()) {
    std::size_t index = 0;
    try {
      index = engine_.load(sandbox::RuleSource{file.path, set_->sources.at(file.path)});
    } catch (const sandbox::RuleLoadError& e) {
      load_errors_.push_back(e.what());
      spdlog::error("{}", e.what());
      continue;
    }
    rule_leaf_.resize(index + 1);
    const sandbox::RuleInfo& info = engine_.info(index);
    const auto leaf = set_->rules.find_indicator(info.indicator);
    if (!leaf || !indicators[*leaf].is_leaf()) {
      load_errors_.push_back(fmt::format(
          "{}: indicator \"{}\" is not a leaf of the rule set's indicator tree", file.path, info.indicator));
      continue;
    }
    if (auto other = claimed.find(*leaf); other != claimed.end()) {
      const std::string why = fmt::format("{}: indicator \"{}\" already has a rule ({})", file.path,
                                          info.indicator, other->second);
      load_errors_.push_back(why);
      failed_leaves_[*leaf] = why;
      continue;
    }
    claimed[*leaf] = file.path;
    rule_leaf_[index] = *leaf;
  }
  // A rule that failed to load leaves its leaf without a rule, which scoring
  // turns into an engine error on that leaf: the check fails closed.
}

std::optional<std::size_t> DepartmentChecker::leaf_of_rule(std::size_t rule) const {
  return rule < rule_leaf_.size() ? rule_leaf_[rule] : std::nullopt;
}

sandbox::RuleInput DepartmentChecker::input_for(std::size_t leaf,
                                                const std::shared_ptr<const data::Document>& department,
                                                const data::Schema* schema, int fiscal_year) const {
  const rules::RuleSet& rules = set_->rules;
  const rules::Indicator& ind = rules.indicators()[leaf];
  sandbox::RuleInput input;
  input.department = department;
  input.schema = schema;
  input.weight = ind.weight;
  input.params = &rules.params();
  input.calendar = set_->calendar.get();
  // What missing evidence costs is scoring's to decide (scoring::settle_leaf), not the sandbox's.
  input.missing_points = std::nullopt;
  const rules::Rounding rounding = rules.rounding_for(leaf);
  input.rounding = rounding.mode;
  input.scale = rounding.scale;
  input.fiscal_year = fiscal_year;
  return input;
}

scoring::Scorecard DepartmentChecker::check(const std::shared_ptr<const data::Document>& department,
                                            const data::Schema* schema, int fiscal_year) {
  std::map<std::size_t, std::vector<Finding>> leaf_findings;
  for (std::size_t rule = 0; rule < rule_leaf_.size(); ++rule) {
    if (!rule_leaf_[rule] || failed_leaves_.count(*rule_leaf_[rule]) > 0) continue;
    sandbox::RuleOutcome outcome =
        engine_.run(rule, input_for(*rule_leaf_[rule], department, schema, fiscal_year));
    leaf_findings[*rule_leaf_[rule]] = std::move(outcome.findings);
  }
  return scoring::score(set_->rules, std::move(leaf_findings), failed_leaves_,
                        department->root.find("self_evaluation"));
}

std::optional<std::vector<Finding>> DepartmentChecker::run_rule(
    const std::string& rule_id, const std::shared_ptr<const data::Document>& department,
    const data::Schema* schema, int fiscal_year) {
  for (std::size_t rule = 0; rule < rule_leaf_.size(); ++rule) {
    if (!rule_leaf_[rule] || engine_.info(rule).id != rule_id) continue;
    std::map<std::size_t, std::vector<Finding>> leaf_findings;
    leaf_findings[*rule_leaf_[rule]] =
        engine_.run(rule, input_for(*rule_leaf_[rule], department, schema, fiscal_year)).findings;
    // Score it like the scorecard does (capping included), then keep this leaf's findings.
    scoring::Scorecard card = scoring::score(set_->rules, std::move(leaf_findings), {}, nullptr);
    std::vector<Finding> out;
    for (std::size_t i : card.rows[*rule_leaf_[rule]].findings) out.push_back(card.findings[i]);
    return out;
  }
  return std::nullopt;
}

}  // namespace jx::audit
