// Where the GoogleTest binaries find the source tree's files (schemas,
// samples, rule sets, test data): $JX_TEST_SOURCE_DIR when set, else the tree
// they were built from (JX_SOURCE_DIR). scripts/test runs the binaries once
// more from a copy of the build and of the tree at a path over 150 characters
// deep, so that no test depends on where the checkout lies.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>

namespace jx::test {

inline std::string source_dir() {
  const char* moved = std::getenv("JX_TEST_SOURCE_DIR");
  return moved != nullptr && *moved != '\0' ? std::string(moved) : std::string(JX_SOURCE_DIR);
}

// `relative` starts with '/': source_path("/schemas/department.schema.json").
inline std::string source_path(std::string_view relative) { return source_dir() + std::string(relative); }

}  // namespace jx::test
