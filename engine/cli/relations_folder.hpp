// jxaudit test and lint on a folder of narrative relations (rules/narrative: Lua
// files and no manifest), as they run on a rule set: fixtures beside each
// relation, and the folder's lint (docs/narrative.md, "Testing a relation").
#pragma once

#include <string>

#include "cli/commands.hpp"

namespace jx::cli {

// "N passed, N failed"; exit 0 when nothing failed, 1 otherwise.
int test_relations_folder(const std::string& dir, const std::string& only, const GlobalOptions& global);
// Each problem on a line, then "lint: N relations, N problems"; exit 0 or 1.
int lint_relations_folder(const std::string& dir, const GlobalOptions& global);

}  // namespace jx::cli
