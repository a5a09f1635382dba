// The Levenshtein distance between two names, for "did you mean": the data
// view's unknown fields (engine/sandbox) and rules/suggest.hpp's nearest names.
// Bytes, not characters: the names compared are ASCII field and rule ids.
#pragma once

#include <cstddef>
#include <string_view>

namespace jx::data {

std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace jx::data
