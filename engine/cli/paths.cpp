// Where jxaudit finds what it ships with (schemas, rule sets, calendars):
//   1. $JXAUDIT_HOME, when set;
//   2. an installed copy: share/jxaudit beside the binary's bin/ (cmake --install,
//      the .deb), found from the binary's own path so any prefix works;
//   3. the source tree the binary was built from (a build-tree binary).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "cli/commands.hpp"

namespace jx::cli {
namespace {

std::string installed_home() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const std::filesystem::path share = exe.parent_path().parent_path() / "share" / "jxaudit";
  if (std::filesystem::is_regular_file(share / "schemas" / "department.schema.json", ec))
    return share.string();
  return {};
}

}  // namespace

std::string home_dir() {
  if (const char* env = std::getenv("JXAUDIT_HOME"); env != nullptr && *env != '\0') return env;
  static const std::string installed = installed_home();
  if (!installed.empty()) return installed;
  return JX_DEFAULT_HOME;
}

std::string department_schema_path(const GlobalOptions& global) {
  if (!global.schema_path.empty()) return global.schema_path;
  return home_dir() + "/schemas/department.schema.json";
}

}  // namespace jx::cli
