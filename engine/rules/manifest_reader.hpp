// Reads a rule set's manifest.toml: TOML through toml++ into data's untyped
// tree, then typed and validated against schemas/ruleset.schema.json by the
// data stage (data/typed_document.hpp), so a manifest's errors read like the
// data's: file:line:column, a JSON pointer, what was expected. Numbers keep
// their exact source text (toml++ would parse floats into binary doubles).
#pragma once

#include <string>

#include "data/department.hpp"

namespace jx::rules {

data::LoadResult read_manifest(const data::Schema& schema, const std::string& path, Lang lang);

}  // namespace jx::rules
