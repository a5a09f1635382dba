// `check --compare-rulesets A B`: one department, two rule sets, what moved.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace jx::cli {

int run_compare(const std::vector<std::string>& sets, const std::vector<std::string>& data,
                const std::string& output, const GlobalOptions& global);

}  // namespace jx::cli
