// Public header of engine/scoring: the only owner of points. It turns each
// leaf's findings into its score (the cap at the weight, 扣完为止; what missing
// evidence costs; a failed rule scores 0), adds the scores up the indicator
// tree, grades the total, and sets the department's self-reported scores
// beside the computed ones. Engine-neutral: it knows findings and the rule
// set's tree, not Lua.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/value.hpp"
#include "findings/finding.hpp"
#include "rules/ruleset.hpp"

namespace jx::scoring {

struct IndicatorScore {
  Decimal weight;                     // 分值
  Decimal score;                      // 核定得分
  Decimal deducted;                   // weight − score
  std::optional<Decimal> self_score;  // 自评得分, when the department reported one
  std::vector<std::size_t> findings;  // indexes into Scorecard::findings (leaves only)
  bool failed = false;                // a rule of this leaf (or below) failed: the score is not trustworthy
};

struct Scorecard {
  std::vector<IndicatorScore> rows;  // parallel to RuleSet::indicators()
  std::vector<Finding> findings;     // leaf by leaf in indicator order, each leaf's in emission order
  Decimal total;
  std::string grade;
  std::string grade_en;
  bool complete = true;  // false when any rule failed: never shown as a full score
  std::optional<Decimal> self_total;
  std::optional<std::string> self_grade;
};

// `leaf_findings` maps a leaf's indicator index to what its rule reported (a
// leaf absent from the map had no rule: an engine error). `failed_leaves`: a
// leaf whose rule could not be loaded, and why (an engine error too).
// `self_evaluation` is the department's self_evaluation object, or nullptr.
Scorecard score(const rules::RuleSet& rules, std::map<std::size_t, std::vector<Finding>> leaf_findings,
                const std::map<std::size_t, std::string>& failed_leaves, const data::Value* self_evaluation);

// The points a leaf loses for its findings, decided in this one place: a
// finding's points come off what is left of the weight and never more (扣完为止:
// the excess is kept as evidence `uncapped_points`); missing evidence costs what
// the policy says (the leaf's own, else the rule set's; its message says when it
// is only flagged for review); on an all-or-nothing leaf any points take all
// that is left; an engine error takes all that is left (fail closed). Sets each
// finding's points and the row's score, deducted and failed.
void settle_leaf(const rules::RuleSet& rules, const rules::Indicator& leaf, std::vector<Finding>& findings,
                 IndicatorScore& row);

// The engine-error finding of a leaf whose rule could not give its findings:
// it has none, it failed to load, or its run failed (a Lua error, a budget).
// Every engine-error finding is made here: the check is incomplete and the
// leaf scores 0. `rule_id` is empty when no rule ran.
Finding engine_error(const rules::Indicator& leaf, std::string rule_id, std::string why,
                     std::string rule_source);

}  // namespace jx::scoring
