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
  // Directories given that hold no *.json, and the .xlsx workbooks found in the
  // directories given: a workbook is read only when named (docs/cli.md).
  std::vector<std::string> directories_without_json;
  std::size_t workbooks_in_directories = 0;
};

// The messages every command that takes departments gives alike:
// - no file to read (and no "-"), naming the directories without *.json;
// - "-" given and stdin had no record;
// - why the inputs are not the single file --table needs, or "";
// - the workbooks in the directories given, which were not read, or "".
std::string no_departments_given(const InputList& listed, Lang lang);
std::string stdin_was_empty(Lang lang);
std::string table_refusal(const InputList& listed, Lang lang);
std::string workbooks_not_read(const InputList& listed, Lang lang);
// Throws std::runtime_error when the first record on stdin is "{" alone: a
// pretty-printed JSON file sent to "-", whose every line would otherwise be a
// broken department of its own.
void refuse_pretty_printed_stdin(const DepartmentInput& first_record, Lang lang);

// Throws std::runtime_error for a path that does not exist.
InputList list_inputs(const std::vector<std::string>& args, Lang lang);

// Every input at once, the stdin records read whole (for commands that need
// them all, like --compare-rulesets); `check` streams them (record_reader.hpp).
std::vector<DepartmentInput> collect_inputs(const std::vector<std::string>& args, Lang lang,
                                            std::uint64_t max_record_size = UINT64_MAX);

}  // namespace jx::cli
