// `jxaudit test --accept`: once the differences are printed, what the rules
// produced becomes the fixtures' expectations. A fixture inherited from an
// older set is never edited: the accepted copy goes to the same relative path
// in the set under test, where it replaces the inherited one for this set on.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cli/fixtures.hpp"
#include "findings/finding.hpp"
#include "rules/ruleset.hpp"

namespace jx::cli {

// fixture path → case index → what the rule produced
using AcceptedCases = std::map<std::string, std::map<std::size_t, ActualResult>>;

// `fiscal_year`: the year "FY" stands for in the set under test; a subject that
// is a date or month near it is written relative ("2025-05" → "FY-05"), so an
// accepted case still holds when a later year's set inherits the fixture.
ActualResult actual_result(const Decimal& score, const std::vector<Finding>& findings, int fiscal_year);

// Writes every fixture with accepted cases and prints one line per file
// written; returns the number of cases accepted.
std::size_t accept_all(const rules::RuleSet& set, const AcceptedCases& accepts);

}  // namespace jx::cli
