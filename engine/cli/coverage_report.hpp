// The coverage part of `jxaudit test`: for each rule file (and each lib module
// the set can require), how many of its code lines the fixtures ran and which
// ones they never ran — the lines an author still has to write a case for.
#pragma once

#include <string>

#include <set>

#include "audit/checker.hpp"
#include "lang/lang.hpp"
#include "sandbox/sandbox.hpp"

namespace jx::cli {

// "    rules/gz/2023/x.lua: 18 of 20 lines ran; never: 45, 51-52\n" per file,
// rule files first (in the set's order), then lib modules. `only_rule_file`,
// when not empty, limits the rule files to that one (test --rule).
std::string never_ran_report(const audit::LoadedRuleSet& set, const sandbox::Coverage& coverage,
                             const std::string& only_rule_file, Lang lang);

// "3, 5, 7-9"
std::string line_ranges(const std::set<int>& lines);

}  // namespace jx::cli
