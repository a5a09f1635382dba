// The departments a command was given: files, directories (every *.json below
// them) and "-" (NDJSON on stdin, one department per line), in a deterministic
// order whatever the order on the command line: the files sorted, then the
// stdin records in the order they came.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lang/lang.hpp"

namespace jx::cli {

struct DepartmentInput {
  std::string name;  // file path, or "<stdin>:LINE"
  std::string text;  // the document, for stdin lines; empty for files (read by the loader)
  bool from_stdin = false;
  // A stdin record longer than --max-input-size is not kept: only its size
  // (at least this many bytes), so that the loader can refuse it by name.
  std::uint64_t refused_size = 0;
};

// What the command line names, before anything is read.
struct InputList {
  std::vector<std::string> files;  // sorted, without duplicates
  bool read_stdin = false;         // "-" was given
};

// The messages every command that takes departments gives alike: no
// department at all (`stdin_empty`: "-" was given and stdin had no record),
// and --table with more than one department.
std::string no_departments_given(Lang lang, bool stdin_empty);
std::string table_needs_one_department(std::size_t given, Lang lang);

// Throws std::runtime_error for a path that does not exist.
InputList list_inputs(const std::vector<std::string>& args, Lang lang);

// Every input at once, the stdin records read whole (for commands that need
// them all, like --compare-rulesets); `check` streams them (record_reader.hpp).
std::vector<DepartmentInput> collect_inputs(const std::vector<std::string>& args, Lang lang,
                                            std::uint64_t max_record_size = UINT64_MAX);

}  // namespace jx::cli
