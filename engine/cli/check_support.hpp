// Pieces of `jxaudit check` that other commands share: --table parsing, the
// catalogue of the shipped rule sets, and loading (and hashing) an input.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"

namespace jx::cli {

// "NAME=PATH" pairs; prints an error and returns false on a malformed one.
bool parse_tables(const std::vector<std::string>& args, std::map<std::string, std::string>& tables,
                  Lang lang);

using audit::DepartmentChecker;
using audit::LoadedRuleSet;

// The rule sets under JXAUDIT_HOME/rules (manifest schema from the shipped
// schemas/), each loaded once and shared by every worker.
class RuleSetCache : public audit::Catalogue {
 public:
  explicit RuleSetCache(const GlobalOptions& global);
};

// A department loaded, and the SHA-256 of exactly the bytes the loader read
// (hashed as they were read: no file is read twice).
struct LoadedInput {
  data::LoadResult loaded;
  std::string sha256;
};
LoadedInput load_input(const data::Schema& schema, const DepartmentInput& input, data::LoadOptions options);

}  // namespace jx::cli
