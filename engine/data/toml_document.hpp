// Loads a TOML file (a rule-set manifest, say) as a typed, validated Document
// through the same schema machinery as department data: exact decimals from
// the number's source text, JSON pointers and line:column in diagnostics.
#pragma once

#include <string>

#include "data/department.hpp"

namespace jx::data {

LoadResult load_toml_document(const Schema& schema, const std::string& path, Lang lang);

}  // namespace jx::data
