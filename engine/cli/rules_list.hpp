// `jxaudit rules list [--rules DIR]… [--format text|json]`: the rule sets
// jxaudit can use, found under the shipped rules/ folder and each DIR.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace jx::cli {

int run_rules_list(const std::vector<std::string>& extra_roots, const std::string& format,
                   const GlobalOptions& global);

}  // namespace jx::cli
