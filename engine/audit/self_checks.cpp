// The self-evaluation checked against itself and against its data: what a
// careful reader of the report would recompute by hand. Each failed check
// names its relation, the values and where each value was read.
#include "audit/self_checks.hpp"

#include <fmt/format.h>

#include <functional>
#include <optional>

namespace jx::audit {
namespace {

const data::Value* decimal_at(const data::Value* v) {
  return v != nullptr && v->kind() == data::Value::Kind::decimal ? v : nullptr;
}

// A sum of reported values and where each was read.
struct Sum {
  Decimal value;
  std::vector<const data::Value*> parts;
};

class Checker {
 public:
  Checker(const rules::RuleSet& rules, const data::Document& doc) : rules_(rules), doc_(doc) {
    const data::Value* self = doc.root.find("self_evaluation");
    scores_ = self != nullptr ? self->find("scores") : nullptr;
    total_ = self != nullptr ? decimal_at(self->find("total")) : nullptr;
    grade_ = self != nullptr ? self->find("grade") : nullptr;
    rates_ = self != nullptr ? self->find("stated_rates") : nullptr;
  }

  std::vector<SelfCheck> run() {
    scores();
    total();
    stated_rates();
    data_relations();
    return std::move(out_);
  }

 private:
  const data::Value* self_score(std::size_t i) const {
    return scores_ != nullptr ? decimal_at(scores_->find(rules_.indicators()[i].path)) : nullptr;
  }

  // The self score of indicator i: as reported, else the sum of its children's
  // (at every level below), else nothing.
  std::optional<Sum> reported(std::size_t i) const {
    if (const data::Value* v = self_score(i)) return Sum{v->as_decimal(), {v}};
    const rules::Indicator& ind = rules_.indicators()[i];
    if (ind.is_leaf()) return std::nullopt;
    return sum_of(ind.children);
  }
  std::optional<Sum> sum_of(const std::vector<std::size_t>& indicators) const {
    Sum sum;
    for (std::size_t c : indicators) {
      const auto part = reported(c);
      if (!part) return std::nullopt;
      sum.value += part->value;
      sum.parts.insert(sum.parts.end(), part->parts.begin(), part->parts.end());
    }
    return sum;
  }

  void add(std::string relation, std::string indicator, std::string zh, std::string en,
           const std::vector<const data::Value*>& values) {
    SelfCheck c{std::move(relation), std::move(indicator), std::move(zh), std::move(en), {}};
    for (const data::Value* v : values) c.sources.push_back(source_of(doc_, *v));
    out_.push_back(std::move(c));
  }

  // Each score within its weight first (the plainest slip, named first in the
  // verdict), then the sums, level by level.
  void scores() {
    const auto& indicators = rules_.indicators();
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      const data::Value* v = self_score(i);
      if (v == nullptr) continue;
      const std::string w = indicators[i].weight.to_string();
      const std::string s = v->as_decimal().to_string();
      if (v->as_decimal() > indicators[i].weight) {
        add("score_within_weight", indicators[i].path, fmt::format("自评得分 {} 超过分值 {}", s, w),
            fmt::format("self score {} exceeds the weight {}", s, w), {v});
      }
      if (v->as_decimal().sign() < 0) {
        add("score_within_weight", indicators[i].path, fmt::format("自评得分 {} 为负数", s),
            fmt::format("self score {} is negative", s), {v});
      }
    }
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      const data::Value* v = self_score(i);
      if (v == nullptr || indicators[i].is_leaf()) continue;
      const Decimal& self = v->as_decimal();
      const std::string s = self.to_string();
      const auto sum = sum_of(indicators[i].children);
      if (sum && sum->value != self) {
        std::vector<const data::Value*> values{v};
        values.insert(values.end(), sum->parts.begin(), sum->parts.end());
        add("children_sum", indicators[i].path,
            fmt::format("下级指标自评得分合计 {}，与本级自评得分 {} 不一致", sum->value.to_string(), s),
            fmt::format("the self scores below add up to {}, not the reported {}", sum->value.to_string(), s),
            values);
      }
    }
  }

  void total() {
    if (total_ == nullptr) return;
    const Decimal& t = total_->as_decimal();
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < rules_.indicators().size(); ++i) {
      if (!rules_.indicators()[i].parent) roots.push_back(i);
    }
    if (const auto sum = sum_of(roots); sum && sum->value != t) {
      std::vector<const data::Value*> values{total_};
      values.insert(values.end(), sum->parts.begin(), sum->parts.end());
      add("first_level_sum", "",
          fmt::format("一级指标自评得分合计 {}，与自评总分 {} 不一致", sum->value.to_string(), t.to_string()),
          fmt::format("the first-level self scores add up to {}, not the reported total {}",
                      sum->value.to_string(), t.to_string()),
          values);
    }
    const rules::GradeBand* band = rules_.grade_for(t);
    if (grade_ != nullptr && grade_->kind() == data::Value::Kind::string && band != nullptr &&
        grade_->as_string() != band->name) {
      const std::string& g = grade_->as_string();
      add("grade_band", "",
          fmt::format("自评等级“{}”与自评总分 {} 对应的等级“{}”不符", g, t.to_string(), band->name),
          fmt::format("the self-reported grade \"{}\" does not match the band of the total {} (\"{}\")", g,
                      t.to_string(), band->name),
          {grade_, total_});
    }
  }

  // --- stated rates -------------------------------------------------------

  struct Ratio {
    Decimal numerator;
    Decimal denominator;
    std::string shown;  // "10590.2 / 10606.1"
    std::vector<const data::Value*> values;
  };

  const data::Value* amount(std::string_view dotted) const { return decimal_at(doc_.root.find_path(dotted)); }

  // (Σ plus − Σ minus) / denominator, when every amount is given and the denominator is not 0.
  std::optional<Ratio> ratio(const std::vector<const char*>& plus, const std::vector<const char*>& minus,
                             const char* denominator) const {
    Ratio r;
    std::string top;
    for (const char* p : plus) {
      const data::Value* v = amount(p);
      if (v == nullptr) return std::nullopt;
      r.numerator += v->as_decimal();
      top += (top.empty() ? "" : " + ") + v->as_decimal().to_string();
      r.values.push_back(v);
    }
    for (const char* p : minus) {
      const data::Value* v = amount(p);
      if (v == nullptr) return std::nullopt;
      r.numerator -= v->as_decimal();
      top += " − " + v->as_decimal().to_string();
      r.values.push_back(v);
    }
    const data::Value* d = amount(denominator);
    if (d == nullptr || d->as_decimal().is_zero()) return std::nullopt;
    r.denominator = d->as_decimal();
    r.values.push_back(d);
    r.shown = (plus.size() + minus.size() > 1 ? "(" + top + ")" : top) + " / " + r.denominator.to_string();
    return r;
  }

  // 预留中小企业份额: Σ min(sme_reserved, budget) / Σ budget over the procurements
  // suitable for SMEs, as the SME set-aside rule computes it.
  std::optional<Ratio> sme_share() const {
    const data::Value* list = doc_.root.find("procurements");
    if (list == nullptr || list->kind() != data::Value::Kind::array) return std::nullopt;
    Ratio r;
    for (const data::Value& p : list->as_array()) {
      const data::Value* suitable = p.find("sme_suitable");
      if (suitable == nullptr || suitable->kind() != data::Value::Kind::boolean) return std::nullopt;
      if (!suitable->as_bool()) continue;
      const data::Value* budget = decimal_at(p.find("budget"));
      const data::Value* reserved = decimal_at(p.find("sme_reserved"));
      if (budget == nullptr || reserved == nullptr) return std::nullopt;
      r.numerator += std::min(reserved->as_decimal(), budget->as_decimal());
      r.denominator += budget->as_decimal();
      r.values.push_back(reserved);
    }
    if (r.denominator.is_zero()) return std::nullopt;
    r.shown = r.numerator.to_string() + " / " + r.denominator.to_string();
    return r;
  }

  std::optional<Ratio> formula(const std::string& key) const {
    if (key == "spending_rate") return ratio({"budget.spent"}, {}, "budget.adjusted");
    if (key == "budget_adjustment_rate")
      return ratio({"budget.adjusted"}, {"budget.initial"}, "budget.initial");
    if (key == "basic_share") return ratio({"budget.by_nature.basic.spent"}, {}, "budget.spent");
    if (key == "project_share") return ratio({"budget.by_nature.project.spent"}, {}, "budget.spent");
    if (key == "general_public_budget_income_share")
      return ratio({"budget.by_source.general_public_budget.income"}, {}, "budget.income");
    if (key == "government_fund_income_share")
      return ratio({"budget.by_source.government_fund.income"}, {}, "budget.income");
    if (key == "other_income_share") return ratio({"budget.by_source.other.income"}, {}, "budget.income");
    if (key == "carryover_rate")
      return ratio({"budget.carryover_end", "budget.surplus_end"}, {}, "budget.spent");
    if (key == "public_funds_control_rate") return ratio({"public_funds.actual"}, {}, "public_funds.budget");
    if (key == "sme_reserved_share") return sme_share();
    if (key == "target_setting_coverage")
      return ratio({"performance_management.target_setting.items_covered"}, {},
                   "performance_management.target_setting.items_total");
    if (key == "performance_disclosure_coverage")
      return ratio({"disclosures.performance.items_covered"}, {}, "disclosures.performance.items_total");
    return std::nullopt;  // the schema allows no other key
  }

  // A rate stated to d decimals (99.7: d = 1) holds when its amounts give it
  // rounded half up or truncated to d decimals: a report that truncates is not wrong.
  void stated_rates() {
    if (rates_ == nullptr || rates_->kind() != data::Value::Kind::object) return;
    for (const auto& [key, value] : rates_->as_object()) {
      if (value.kind() != data::Value::Kind::decimal) continue;
      const auto r = formula(key);
      if (!r) continue;  // its amounts are not all given: nothing to recompute
      const Decimal& stated = value.as_decimal();
      const int scale = std::max(0, -stated.exponent());
      const Decimal rate = r->numerator * Decimal(100) / r->denominator;
      const Decimal half_up = rate.round(scale, RoundingMode::half_up);
      const Decimal truncated = rate.round(scale, RoundingMode::down);
      if (half_up == stated || truncated == stated) continue;
      std::vector<const data::Value*> values{&value};
      values.insert(values.end(), r->values.begin(), r->values.end());
      const std::string shown = rate.round(scale + 2, RoundingMode::half_up).to_string();
      add("stated_rate", "",
          fmt::format(
              "所载比率 {} = {}% 与其金额不符：{} = {}%（保留 {} 位小数：四舍五入为 {}%，截尾为 {}%）", key,
              stated.to_string(), r->shown, shown, scale, half_up.to_string(), truncated.to_string()),
          fmt::format(
              "the stated rate {} = {}% does not follow from its amounts: {} = {}% (to {} decimal place{}: "
              "{}% rounded half up, {}% truncated)",
              key, stated.to_string(), r->shown, shown, scale, scale == 1 ? "" : "s", half_up.to_string(),
              truncated.to_string()),
          values);
    }
  }

  // --- data relations (docs/data-format.md) ---------------------------------

  // whole.field = Σ parts.field, checked when the whole and every part give the field.
  void parts_sum(const char* relation, const char* zh, const char* en, const std::string& whole,
                 const std::vector<std::string>& parts, bool all_parts_required) {
    static constexpr const char* fields[] = {"initial", "adjusted", "spent", "income"};
    for (const char* field : fields) {
      const data::Value* total = amount(whole + "." + field);
      if (total == nullptr) continue;
      Sum sum;
      std::string shown;
      bool complete = true;
      for (const std::string& part : parts) {
        const data::Value* line = doc_.root.find_path(part);
        const data::Value* v = amount(part + "." + field);
        if (v == nullptr) {
          // A part left out entirely may be absent (no such funds) unless all are required;
          // a part that is there without this field leaves the sum unknown.
          if (all_parts_required || line != nullptr) complete = false;
          continue;
        }
        sum.value += v->as_decimal();
        sum.parts.push_back(v);
        shown += (shown.empty() ? "" : " + ") + v->as_decimal().to_string();
      }
      if (!complete || sum.parts.empty() || sum.value == total->as_decimal()) continue;
      std::vector<const data::Value*> values{total};
      values.insert(values.end(), sum.parts.begin(), sum.parts.end());
      add(relation, "",
          fmt::format("{}（{}）：{} = {}，不等于 {}", zh, field, shown, sum.value.to_string(),
                      total->as_decimal().to_string()),
          fmt::format("{} ({}): {} = {}, not {}", en, field, shown, sum.value.to_string(),
                      total->as_decimal().to_string()),
          values);
    }
  }

  // Σ 一级 projects' budget and spent ≤ 项目支出's adjusted and spent.
  void projects_sum() {
    const data::Value* list = doc_.root.find("projects");
    if (list == nullptr || list->kind() != data::Value::Kind::array) return;
    static constexpr std::pair<const char*, const char*> fields[] = {{"budget", "adjusted"},
                                                                     {"spent", "spent"}};
    for (const auto& [project_field, line_field] : fields) {
      const data::Value* total = amount(std::string("budget.by_nature.project.") + line_field);
      if (total == nullptr) continue;
      Sum sum;
      bool complete = true;
      for (const data::Value& p : list->as_array()) {
        const data::Value* level = p.find("level");
        if (level == nullptr || level->kind() != data::Value::Kind::string || level->as_string() != "一级")
          continue;
        const data::Value* v = decimal_at(p.find(project_field));
        if (v == nullptr) {
          complete = false;
          break;
        }
        sum.value += v->as_decimal();
        sum.parts.push_back(v);
      }
      // A report may list only its main projects (主要项目): a sum below 项目支出
      // is no more than a suspicion; one above it is certainly wrong.
      if (!complete || sum.parts.empty() || sum.value <= total->as_decimal()) continue;
      std::vector<const data::Value*> values{total};
      values.insert(values.end(), sum.parts.begin(), sum.parts.end());
      add("projects_sum", "",
          fmt::format("一级项目 {} 合计 {}，超过项目支出 {} {}", project_field, sum.value.to_string(),
                      line_field, total->as_decimal().to_string()),
          fmt::format("the first-level projects' {} add up to {}, more than the project expenditure's {} {}",
                      project_field, sum.value.to_string(), line_field, total->as_decimal().to_string()),
          values);
    }
  }

  void data_relations() {
    parts_sum("by_nature_sum", "基本支出 + 项目支出 ≠ 合计", "basic + project expenditure ≠ the total",
              "budget", {"budget.by_nature.basic", "budget.by_nature.project"}, true);
    parts_sum("basic_parts_sum", "人员经费 + 公用经费 ≠ 基本支出", "staff + public funds ≠ basic expenditure",
              "budget.by_nature.basic",
              {"budget.by_nature.basic.staff", "budget.by_nature.basic.public_funds"}, true);
    parts_sum("by_source_sum", "各资金来源之和 ≠ 合计", "the sources ≠ the total", "budget",
              {"budget.by_source.general_public_budget", "budget.by_source.government_fund",
               "budget.by_source.other"},
              false);
    projects_sum();
  }

  const rules::RuleSet& rules_;
  const data::Document& doc_;
  const data::Value* scores_ = nullptr;
  const data::Value* total_ = nullptr;
  const data::Value* grade_ = nullptr;
  const data::Value* rates_ = nullptr;
  std::vector<SelfCheck> out_;
};

}  // namespace

std::string source_of(const data::Document& department, const data::Value& value) {
  return department.where(value.pos());  // file:line:column, or a workbook's 基本信息!C12
}

std::vector<SelfCheck> check_self_evaluation(const rules::RuleSet& rules, const data::Document& department) {
  return Checker(rules, department).run();
}

Verdict decide(const rules::RuleSet& rules, const scoring::Scorecard& card,
               const std::vector<SelfCheck>& self_checks, const data::Document& department) {
  Verdict v;
  const data::Value* self = department.root.find("self_evaluation");
  const data::Value* scores = self != nullptr ? self->find("scores") : nullptr;
  const auto& indicators = rules.indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const scoring::IndicatorScore& row = card.rows[i];
    if (!row.self_score || *row.self_score == row.score) continue;
    const data::Value* at = scores != nullptr ? scores->find(indicators[i].path) : nullptr;
    v.differences.push_back({indicators[i].path, row.score, *row.self_score,
                             at != nullptr ? source_of(department, *at) : std::string()});
  }
  if (card.self_total && *card.self_total != card.total) {
    const data::Value* at = self != nullptr ? self->find("total") : nullptr;
    v.differences.push_back(
        {"", card.total, *card.self_total, at != nullptr ? source_of(department, *at) : std::string()});
  }
  if (!card.complete) {
    v.kind = Verdict::Kind::incomplete;
  } else if (!v.differences.empty() || !self_checks.empty()) {
    v.kind = Verdict::Kind::disagrees;
  } else {
    v.kind = card.self_total ? Verdict::Kind::agrees : Verdict::Kind::no_self;
  }
  return v;
}

}  // namespace jx::audit
