// Where jxaudit finds what it ships with (schemas, rule sets): the source tree
// it was built from, unless the JXAUDIT_HOME environment variable says otherwise.
#include <cstdlib>

#include "cli/commands.hpp"

namespace jx::cli {

std::string home_dir() {
  if (const char* env = std::getenv("JXAUDIT_HOME"); env != nullptr && *env != '\0') return env;
  return JX_DEFAULT_HOME;
}

std::string department_schema_path(const GlobalOptions& global) {
  if (!global.schema_path.empty()) return global.schema_path;
  return home_dir() + "/schemas/department.schema.json";
}

}  // namespace jx::cli
