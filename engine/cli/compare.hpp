// `check --compare-rulesets A B DATA…`: departments checked with two rule
// sets, what moved per department and across them; text, json or csv.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace jx::cli {

int run_compare(const std::vector<std::string>& sets, const std::vector<std::string>& data,
                const std::string& format, const std::string& output, const GlobalOptions& global);

}  // namespace jx::cli
