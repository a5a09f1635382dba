// Internal to engine/audit: the checks of a self-evaluation's own arithmetic
// and of the relations its data must satisfy, and the verdict they lead to.
#pragma once

#include <vector>

#include "audit/audit.hpp"

namespace jx::audit {

// Every failed check, in a fixed order: per indicator (tree order) a self score
// above its weight or below 0 and children that do not add up to it; the total
// against the first-level sum and the grade against its band; each stated rate
// against its amounts; the data relations of docs/data-format.md.
std::vector<SelfCheck> check_self_evaluation(const rules::RuleSet& rules, const data::Document& department);

// The verdict: agrees only when every self score equals the checked one and no self-check failed.
Verdict decide(const rules::RuleSet& rules, const scoring::Scorecard& card,
               const std::vector<SelfCheck>& self_checks, const data::Document& department);

// "file:line:column" of a value of the department ("" when unknown).
std::string source_of(const data::Document& department, const data::Value& value);

}  // namespace jx::audit
