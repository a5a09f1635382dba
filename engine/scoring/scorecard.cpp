#include "scoring/scorecard.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace jx::scoring {
namespace {

// Leaf score from its findings: a ctx:score sets the base, every finding's
// points come off the weight, and points beyond the weight are capped so that
// weight − score always equals the sum of the points (the reconciliation rule).
void settle_leaf(const rules::Indicator& leaf, std::vector<Finding>& findings, IndicatorScore& row) {
  Decimal total;
  for (Finding& f : findings) {
    const Decimal room = leaf.weight - total;
    if (f.kind == Finding::Kind::engine_error) {
      // Fail closed: a rule that could not run never leaves points standing.
      row.failed = true;
      f.points = room;
    } else if (f.points > room) {
      f.evidence.push_back({"uncapped_points", f.points.to_string()});
      std::sort(f.evidence.begin(), f.evidence.end(),
                [](const Evidence& a, const Evidence& b) { return a.key < b.key; });
      f.points = room;
    }
    total += f.points;
  }
  row.deducted = total;
  row.score = leaf.weight - total;
  if (row.score.sign() < 0 || row.score > leaf.weight) {
    throw std::logic_error("leaf score outside 0..weight for " + leaf.path);
  }
}

Finding no_rule_finding(const rules::Indicator& leaf) {
  Finding f;
  f.kind = Finding::Kind::engine_error;
  f.indicator = leaf.path;
  f.message =
      "该指标没有规则：无法核定，按 0 分计（检查不完整） / no rule for this indicator: scored 0 (check "
      "incomplete)";
  f.points = leaf.weight;
  f.rule_source = leaf.defined_at;
  return f;
}

const Decimal* self_score_of(const data::Value* self_evaluation, const std::string& path) {
  if (self_evaluation == nullptr) return nullptr;
  const data::Value* scores = self_evaluation->find("scores");
  if (scores == nullptr) return nullptr;
  const data::Value* v = scores->find(path);
  return v != nullptr && v->kind() == data::Value::Kind::decimal ? &v->as_decimal() : nullptr;
}

void check_self_evaluation(const rules::RuleSet& rules, Scorecard& card) {
  const auto& indicators = rules.indicators();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const auto& row = card.rows[i];
    if (!row.self_score) continue;
    const std::string w = indicators[i].weight.to_string();
    const std::string s = row.self_score->to_string();
    if (*row.self_score > indicators[i].weight) {
      card.self_checks.push_back({indicators[i].path, fmt::format("自评得分 {} 超过分值 {}", s, w),
                                  fmt::format("self score {} exceeds the weight {}", s, w)});
    }
    if (row.self_score->sign() < 0) {
      card.self_checks.push_back({indicators[i].path, fmt::format("自评得分 {} 为负数", s),
                                  fmt::format("self score {} is negative", s)});
    }
    // Children reported in full must add up to their parent's reported score.
    if (indicators[i].is_leaf()) continue;
    Decimal sum;
    bool all = true;
    for (std::size_t c : indicators[i].children) {
      if (!card.rows[c].self_score) {
        all = false;
        break;
      }
      sum += *card.rows[c].self_score;
    }
    if (all && sum != *row.self_score) {
      card.self_checks.push_back(
          {indicators[i].path,
           fmt::format("下级指标自评得分合计 {}，与本级自评得分 {} 不一致", sum.to_string(), s),
           fmt::format("the self scores below add up to {}, not the reported {}", sum.to_string(), s)});
    }
  }
  if (card.self_total) {
    Decimal roots;
    bool all = true;
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      if (indicators[i].parent) continue;
      if (!card.rows[i].self_score) {
        all = false;
        break;
      }
      roots += *card.rows[i].self_score;
    }
    const std::string t = card.self_total->to_string();
    if (all && roots != *card.self_total) {
      card.self_checks.push_back(
          {"", fmt::format("一级指标自评得分合计 {}，与自评总分 {} 不一致", roots.to_string(), t),
           fmt::format("the first-level self scores add up to {}, not the reported total {}",
                       roots.to_string(), t)});
    }
    const rules::GradeBand* band = rules.grade_for(*card.self_total);
    if (card.self_grade && band != nullptr && *card.self_grade != band->name) {
      card.self_checks.push_back(
          {"", fmt::format("自评等级“{}”与自评总分 {} 对应的等级“{}”不符", *card.self_grade, t, band->name),
           fmt::format("the self-reported grade \"{}\" does not match the band of the total {} (\"{}\")",
                       *card.self_grade, t, band->name)});
    }
  }
}

}  // namespace

Scorecard score(const rules::RuleSet& rules, std::map<std::size_t, std::vector<Finding>> leaf_findings,
                const data::Value* self_evaluation) {
  const auto& indicators = rules.indicators();
  Scorecard card;
  card.rows.resize(indicators.size());
  // Leaves first, in indicator order; parents after, children before parents (reverse preorder).
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const rules::Indicator& ind = indicators[i];
    IndicatorScore& row = card.rows[i];
    row.weight = ind.weight;
    if (const Decimal* self = self_score_of(self_evaluation, ind.path)) row.self_score = *self;
    if (!ind.is_leaf()) continue;
    auto it = leaf_findings.find(i);
    std::vector<Finding> findings =
        it != leaf_findings.end() ? std::move(it->second) : std::vector<Finding>{};
    if (it == leaf_findings.end()) findings.push_back(no_rule_finding(ind));
    settle_leaf(ind, findings, row);
    for (Finding& f : findings) {
      row.findings.push_back(card.findings.size());
      card.findings.push_back(std::move(f));
    }
  }
  for (std::size_t i = indicators.size(); i-- > 0;) {
    const rules::Indicator& ind = indicators[i];
    if (ind.is_leaf()) continue;
    IndicatorScore& row = card.rows[i];
    Decimal sum;
    for (std::size_t c : ind.children) {
      sum += card.rows[c].score;
      row.failed = row.failed || card.rows[c].failed;
    }
    row.score = sum;
    row.deducted = ind.weight - sum;
  }
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    if (indicators[i].parent) continue;
    card.total += card.rows[i].score;
    card.complete = card.complete && !card.rows[i].failed;
  }
  if (const rules::GradeBand* band = rules.grade_for(card.total)) {
    card.grade = band->name;
    card.grade_en = band->name_en;
  }
  if (self_evaluation != nullptr) {
    if (const data::Value* t = self_evaluation->find("total");
        t != nullptr && t->kind() == data::Value::Kind::decimal) {
      card.self_total = t->as_decimal();
    }
    if (const data::Value* g = self_evaluation->find("grade");
        g != nullptr && g->kind() == data::Value::Kind::string) {
      card.self_grade = g->as_string();
    }
  }
  check_self_evaluation(rules, card);
  return card;
}

}  // namespace jx::scoring
