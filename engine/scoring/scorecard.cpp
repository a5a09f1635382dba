#include "scoring/scorecard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace jx::scoring {
namespace {

const Decimal* self_score_of(const data::Value* self_evaluation, const std::string& path) {
  if (self_evaluation == nullptr) return nullptr;
  const data::Value* scores = self_evaluation->find("scores");
  if (scores == nullptr) return nullptr;
  const data::Value* v = scores->find(path);
  return v != nullptr && v->kind() == data::Value::Kind::decimal ? &v->as_decimal() : nullptr;
}

void add_evidence(Finding& f, std::string key, std::string value) {
  f.evidence.push_back({std::move(key), std::move(value)});
  std::sort(f.evidence.begin(), f.evidence.end(),
            [](const Evidence& a, const Evidence& b) { return a.key < b.key; });
}

// What a missing_evidence finding costs under the rule set's policy, before the
// cap. When only part of the leaf needs the absent data (the monthly curve of
// 部门预算资金支出率), the rule says so with evidence `points_at_stake`: the
// policy then takes at most that part, and the rest of the leaf is scored from
// the data that is there.
Decimal missing_evidence_points(const rules::RuleSet& rules, const rules::Indicator& leaf, Finding& f) {
  const rules::MissingEvidencePolicy& policy =
      leaf.missing_evidence ? *leaf.missing_evidence : rules.missing_evidence();
  Decimal points;
  switch (policy.kind) {
    case rules::MissingEvidencePolicy::Kind::deduct_weight: points = leaf.weight; break;
    case rules::MissingEvidencePolicy::Kind::deduct: points = policy.points; break;
    case rules::MissingEvidencePolicy::Kind::review:
      f.message += "（已标记待复核，未扣分 / flagged for review）";
      return Decimal();
  }
  for (const Evidence& e : f.evidence) {
    if (e.key != "points_at_stake") continue;
    if (const auto stake = Decimal::try_parse(e.value); stake && stake->sign() >= 0)
      points = std::min(points, *stake);
  }
  return points;
}

}  // namespace

void settle_leaf(const rules::RuleSet& rules, const rules::Indicator& leaf, std::vector<Finding>& findings,
                 IndicatorScore& row) {
  Decimal total;
  for (Finding& f : findings) {
    const Decimal room = leaf.weight - total;
    if (f.kind == Finding::Kind::engine_error) {
      // Fail closed: a rule that could not run never leaves points standing.
      row.failed = true;
      f.points = room;
    } else {
      if (f.kind == Finding::Kind::missing_evidence) f.points = missing_evidence_points(rules, leaf, f);
      if (leaf.all_or_nothing && f.points.sign() > 0 && f.points < room) {
        // 全有或全无: whatever the rule found costs all that is left.
        add_evidence(f, "all_or_nothing_from", f.points.to_string());
        f.message += "（全有或全无：扣该项全部分值）";
        f.points = room;
      }
      if (f.points > room) {
        // 扣完为止: the finding stands, its points stop at what is left, and it says so.
        add_evidence(f, "uncapped_points", f.points.to_string());
        f.message += room.is_zero()
                         ? "（该项分值已扣完，不再扣分）"
                         : "（该项分值仅余 " + room.to_string() + " 分，按 " + room.to_string() + " 分扣）";
        f.points = room;
      }
    }
    total += f.points;
  }
  row.deducted = total;
  row.score = leaf.weight - total;
  if (row.score.sign() < 0 || row.score > leaf.weight) {
    throw std::logic_error("leaf score outside 0..weight for " + leaf.path);
  }
}

Finding engine_error(const rules::Indicator& leaf, std::string rule_id, std::string why,
                     std::string rule_source) {
  Finding f;
  f.kind = Finding::Kind::engine_error;
  f.rule_id = std::move(rule_id);
  f.indicator = leaf.path;
  f.message = std::move(why);
  f.points = leaf.weight;
  f.rule_source = std::move(rule_source);
  return f;
}

Scorecard score(const rules::RuleSet& rules, std::map<std::size_t, std::vector<Finding>> leaf_findings,
                const std::map<std::size_t, std::string>& failed_leaves, const data::Value* self_evaluation) {
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
    std::vector<Finding> findings;
    if (auto failed = failed_leaves.find(i); failed != failed_leaves.end()) {
      findings.push_back(engine_error(ind, {}, failed->second, {}));
    } else if (auto it = leaf_findings.find(i); it != leaf_findings.end()) {
      findings = std::move(it->second);
    } else {
      findings.push_back(engine_error(
          ind, {},
          "该指标没有规则：无法核定，按 0 分计（检查不完整） / no rule for this indicator: scored 0 (check "
          "incomplete)",
          ind.defined_at));
    }
    settle_leaf(rules, ind, findings, row);
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
  return card;
}

}  // namespace jx::scoring
