// Public header of engine/data: loads one department's data (a JSON file,
// optionally with CSV tables) exactly, validates it against the department
// schema, and returns an immutable Document plus every diagnostic found.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "data/diagnostic.hpp"
#include "data/schema.hpp"
#include "data/value.hpp"

namespace jx::data {

inline constexpr std::uint64_t default_max_input_size = 512ULL << 20;  // 512 MiB

struct LoadOptions {
  Lang lang = Lang::zh;
  // Table name → CSV path; overrides the file's own "tables" (e.g. from --table on the command line).
  std::map<std::string, std::string> tables;
  // Called with the bytes of every file read, in the order of Document::files
  // (the department file, then its CSV tables), so that a caller can hash the
  // input without reading each file a second time. Not called by
  // load_department_text for the text it is given.
  std::function<void(std::string_view bytes)> on_read;
  // No file larger than this is read (a department file or a CSV table); the
  // limit is checked before reading. Generous: the largest department we have
  // seen is a few MB. --max-input-size on the command line.
  std::uint64_t max_input_size = default_max_input_size;
};

struct LoadResult {
  std::shared_ptr<const Document> document;  // null when the file could not be read or parsed
  std::vector<Diagnostic> diagnostics;       // sorted by file and position

  // True when there is a document and no diagnostic is an error (warnings allowed).
  [[nodiscard]] bool ok() const;
};

// Loads and validates a department file; never throws for bad input.
LoadResult load_department(const Schema& schema, const std::string& path, const LoadOptions& options = {});
// The same for text already in memory; `name` is used in diagnostics, and
// relative table paths resolve against `base_dir`.
LoadResult load_department_text(const Schema& schema, std::string_view text, const std::string& name,
                                const std::string& base_dir, const LoadOptions& options = {});

}  // namespace jx::data
