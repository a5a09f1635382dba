// The departments a command was given: files, directories (every *.json below
// them) and "-" (NDJSON on stdin, one department per line), in a deterministic
// order whatever the order on the command line.
#pragma once

#include <string>
#include <vector>

#include "lang/lang.hpp"

namespace jx::cli {

struct DepartmentInput {
  std::string name;  // file path, or "<stdin>:LINE"
  std::string text;  // the document, for stdin lines; empty for files (read by the loader)
  bool from_stdin = false;
};

// Throws std::runtime_error for a path that does not exist.
std::vector<DepartmentInput> collect_inputs(const std::vector<std::string>& args, Lang lang);

}  // namespace jx::cli
