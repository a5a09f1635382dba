// "Did you mean …": the known names closest to a misspelt one (rule ids for
// explain; department fields and parameters for lint).
#pragma once

#include <string>
#include <vector>

namespace jx::rules {

// Up to `max` candidates, nearest first: those within a small edit distance
// (case-insensitive), and those that contain `word` or end with it
// (CONTRACT_FILING → MGMT.PROC.CONTRACT_FILING).
std::vector<std::string> closest(const std::string& word, const std::vector<std::string>& candidates,
                                 std::size_t max = 3);

// "a, b, c"
std::string join(const std::vector<std::string>& items, const std::string& separator = ", ");

}  // namespace jx::rules
