// Public header of engine/scoring: turns each leaf's findings into scores, adds
// them up the indicator tree, grades the total, and sets the department's
// self-reported scores beside the computed ones. Engine-neutral: it knows
// findings and the rule set's tree, not Lua.
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

// A consistency problem of the self-evaluation itself (自评报告核对), e.g. a
// self score above its weight or subtotals that do not add up.
struct SelfCheck {
  std::string indicator;  // "" for the total
  std::string message_zh;
  std::string message_en;
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
  std::vector<SelfCheck> self_checks;
};

// `leaf_findings` maps a leaf's indicator index to what its rule reported (a
// leaf absent from the map had no rule: an engine error). `self_evaluation` is
// the department's self_evaluation object, or nullptr.
Scorecard score(const rules::RuleSet& rules, std::map<std::size_t, std::vector<Finding>> leaf_findings,
                const data::Value* self_evaluation);

}  // namespace jx::scoring
