// The source checks of `jxaudit lint`, line by line over a Lua rule file with
// its strings and comments set aside: float literals and == against numbers
// (exactness), department fields the schema does not declare and parameters
// the manifest does not give (both with "did you mean"), and points divided
// but never rounded to the leaf's scale.
#pragma once

#include <string>
#include <vector>

#include "data/diagnostic.hpp"
#include "data/schema.hpp"
#include "data/value.hpp"

namespace jx::cli {

struct LintProblem {
  std::string where;  // "rules/gz/2023/x.lua:12"
  std::string message;
};

struct SourceScan {
  const data::SchemaNode* department = nullptr;  // the department schema's root; nullptr: no field check
  const data::Value* params = nullptr;           // the set's merged [params]; nullptr: no name check
  bool is_rule = true;                           // a rule file (else a lib module: exactness and params only)
  Lang lang = Lang::zh;
};

void scan_source(const std::string& path, const std::string& text, const SourceScan& scan,
                 std::vector<LintProblem>& problems);

// The first line of `text` that contains `needle` (1 when none), for messages
// about a whole file ("rule id … is also used").
int line_of(const std::string& text, const std::string& needle);

}  // namespace jx::cli
