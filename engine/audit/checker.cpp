// Compiles a rule set once per worker and runs it on departments.
#include "audit/checker.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "audit/digest.hpp"
#include "rules/suggest.hpp"

namespace jx::audit {
namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw rules::RuleSetError(path + ": cannot read the rule file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The set's calendar: by name, from a calendars/ folder above the set or else
// the one jxaudit ships; by path, that file. A calendar that cannot be found
// is named with the manifest key that asked for it.
// The calendar is optional (docs/rule-sets.md): a manifest without one gives null.
std::unique_ptr<Calendar> load_calendar(const rules::RuleSet& rules, Lang lang,
                                        const std::string& shipped_calendars) {
  const bool zh = lang == Lang::zh;
  std::string path = rules.calendar_path();
  if (rules.calendar_key_at().empty()) return nullptr;
  const std::string shipped = shipped_calendars + "/" + rules.calendar_name() + ".toml";
  if (path.empty() && std::filesystem::exists(shipped)) path = shipped;
  if (path.empty() || !std::filesystem::exists(path)) {
    const std::string missing = path.empty() ? shipped : path;
    std::vector<std::string> names;  // the calendars that folder does hold, for "did you mean"
    std::error_code ec;
    for (const auto& f :
         std::filesystem::directory_iterator(std::filesystem::path(missing).parent_path(), ec)) {
      if (f.path().extension() == ".toml") names.push_back(f.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    const auto near = rules::closest(rules.calendar_name(), names);
    // The advice: the nearest names the folder holds, else how to name a calendar.
    const std::string advice =
        !near.empty() ? (zh ? "是否要写：calendar = \"" + rules::join(near, "\" 或 \"") + "\"？"
                            : "did you mean calendar = \"" + rules::join(near, "\" or \"") + "\"?")
                      : (zh ? "可写 calendar = \"cn-mainland\"，按名称使用 calendars/ 中的日历"
                            : "write calendar = \"cn-mainland\" to name a calendar in a calendars/ folder");
    const std::string what =
        rules.calendar_name().empty()
            ? fmt::format(fmt::runtime(zh ? "日历文件 {} 不存在" : "the calendar file {} does not exist"),
                          missing)
            : fmt::format(fmt::runtime(zh ? "找不到名为“{}”的日历（{} 不存在）"
                                          : "no calendar named \"{}\" ({} does not exist)"),
                          rules.calendar_name(), missing);
    throw rules::RuleSetError(
        fmt::format(fmt::runtime(zh ? "{}：清单键 calendar：{}；{}" : "{}: manifest key `calendar`: {}; {}"),
                    rules.calendar_key_at(), what, advice));
  }
  return std::make_unique<Calendar>(Calendar::load(path));
}

}  // namespace

std::shared_ptr<LoadedRuleSet> load_rule_set(const std::string& dir, const data::Schema& manifest_schema,
                                             Lang lang, const rules::FindingsBudget& budget,
                                             const std::string& shipped_calendars) {
  auto set = std::make_shared<LoadedRuleSet>();
  set->rules = rules::RuleSet::load(dir, manifest_schema, lang);
  set->lang = lang;
  set->id = set->rules.dir();
  const rules::FindingsBudget& manifest = set->rules.findings_budget();
  set->limits.findings_per_rule =
      budget.findings_per_rule.value_or(manifest.findings_per_rule.value_or(set->limits.findings_per_rule));
  set->limits.finding_bytes_per_rule = budget.finding_bytes_per_rule.value_or(
      manifest.finding_bytes_per_rule.value_or(set->limits.finding_bytes_per_rule));
  set->calendar = load_calendar(set->rules, lang, shipped_calendars);
  for (const rules::RuleFile& f : set->rules.rule_files()) set->sources[f.path] = read_text(f.path);
  std::vector<std::string> files = set->rules.source_files();
  std::sort(files.begin(), files.end());
  set->sha256 = sha256_of_files(files);
  return set;
}

void LoadedRuleSet::warn_needs_calendar(const std::string& rule_id, const std::string& position) const {
  {
    std::lock_guard lock(warned_mutex_);
    if (!warned_.insert(rule_id).second) return;
  }
  spdlog::warn(
      fmt::runtime(lang == Lang::zh
                       ? "{}：规则 {} 使用 ctx.calendar，但规则集 {} 的 manifest.toml 未指定日历"
                         "（calendar = \"cn-mainland\"）：该规则的指标不评分，检查不完整"
                       : "{}: rule {} uses ctx.calendar, but the manifest.toml of {} names no calendar "
                         "(calendar = \"cn-mainland\"): its indicator is not scored, the check is "
                         "incomplete"),
      position, rule_id, rules.dir());
}

DepartmentChecker::DepartmentChecker(std::shared_ptr<const LoadedRuleSet> set, sandbox::Coverage* coverage)
    : set_(std::move(set)), engine_(set_->limits, set_->rules.lib_dirs()) {
  engine_.set_coverage(coverage);
  const auto& indicators = set_->rules.indicators();
  // How far up the extends chain a file lies (0: this set): of two rules on one
  // leaf, the one from the older set is the original and keeps running.
  const auto age = [this](const std::string& path) {
    const auto& chain = set_->rules.chain();
    for (std::size_t i = chain.size(); i-- > 0;) {
      if (path.rfind(chain[i] + "/", 0) == 0) return i;
    }
    return std::size_t{0};
  };
  struct Claim {
    std::size_t rule;
    std::string path;
  };
  std::map<std::size_t, Claim> claimed;  // leaf → the rule that claimed it
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
      // A leaf has one rule. The newcomer is refused and named; the original
      // still scores the leaf, so one stray file cannot blank a leaf.
      std::string refused = file.path;
      std::string original = other->second.path;
      if (age(file.path) > age(other->second.path)) {
        std::swap(refused, original);
        rule_leaf_[other->second.rule] = std::nullopt;
        other->second = Claim{index, file.path};
        rule_leaf_[index] = *leaf;
      }
      const std::string why = fmt::format("{}: indicator \"{}\" already has a rule: edit or replace {}",
                                          refused, info.indicator, original);
      load_errors_.push_back(why);
      refused_.push_back(RefusedRule{refused, original, info.indicator});
      continue;
    }
    claimed[*leaf] = Claim{index, file.path};
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
  const rules::Rounding rounding = rules.rounding_for(leaf);
  input.rounding = rounding.mode;
  input.scale = rounding.scale;
  input.fiscal_year = fiscal_year;
  return input;
}

void DepartmentChecker::measure_costs() {
  if (!costs_.empty()) return;
  engine_.measure_cpu(true);
  for (std::size_t rule = 0; rule < engine_.size(); ++rule) {
    const sandbox::RuleInfo& info = engine_.info(rule);
    costs_.push_back(RuleCost{set_->id, info.id, info.source_path, 0, 0, 0});
  }
}

std::vector<Finding> DepartmentChecker::run_on_leaf(std::size_t rule,
                                                    const std::shared_ptr<const data::Document>& department,
                                                    const data::Schema* schema, int fiscal_year) {
  const std::size_t leaf = *rule_leaf_[rule];
  sandbox::RuleOutcome outcome = engine_.run(rule, input_for(leaf, department, schema, fiscal_year));
  if (!costs_.empty()) {
    RuleCost& cost = costs_[rule];
    ++cost.runs;
    cost.instructions += outcome.instructions;
    cost.cpu_ns += outcome.cpu_ns;
  }
  if (outcome.failure) {
    if (outcome.failure->needs_calendar)
      set_->warn_needs_calendar(engine_.info(rule).id, outcome.failure->position);
    // After what a findings budget kept: the failure closes the leaf's list.
    outcome.findings.push_back(scoring::engine_error(set_->rules.indicators()[leaf], engine_.info(rule).id,
                                                     std::move(outcome.failure->message),
                                                     std::move(outcome.failure->position)));
  }
  return std::move(outcome.findings);
}

scoring::Scorecard DepartmentChecker::check(const std::shared_ptr<const data::Document>& department,
                                            const data::Schema* schema, int fiscal_year) {
  std::map<std::size_t, std::vector<Finding>> leaf_findings;
  for (std::size_t rule = 0; rule < rule_leaf_.size(); ++rule) {
    if (!rule_leaf_[rule] || failed_leaves_.count(*rule_leaf_[rule]) > 0) continue;
    leaf_findings[*rule_leaf_[rule]] = run_on_leaf(rule, department, schema, fiscal_year);
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
    leaf_findings[*rule_leaf_[rule]] = run_on_leaf(rule, department, schema, fiscal_year);
    // Score it like the scorecard does (capping included), then keep this leaf's findings.
    scoring::Scorecard card = scoring::score(set_->rules, std::move(leaf_findings), {}, nullptr);
    std::vector<Finding> out;
    for (std::size_t i : card.rows[*rule_leaf_[rule]].findings) out.push_back(card.findings[i]);
    return out;
  }
  return std::nullopt;
}

}  // namespace jx::audit
