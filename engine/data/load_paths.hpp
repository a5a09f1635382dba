// The two ways load_department_text loads a department's JSON text, apart so
// that tests and the differential fuzz target can compare them. Internal to
// engine/data; callers use department.hpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "data/department.hpp"

namespace jx::data::detail {

// CSV tables the fast path read before giving up, by path, so that the exact
// path does not read them again.
using TableTexts = std::map<std::string, std::string>;

// Every input, with exact diagnostics: RapidJSON → RawNode → CSV tables → Converter.
// A table whose path is in `already_read` is taken from there, not read again.
LoadResult load_exact(const Schema& schema, std::string_view text, const std::string& name,
                      const std::string& base_dir, const LoadOptions& options,
                      const TableTexts* already_read = nullptr);

// A valid JSON department, with or without the CSV tables its "tables" names
// (not LoadOptions::tables), in one pass (fast_json.hpp, fast_tables.hpp):
// the same result as load_exact, or nullopt when it gives up. `padded`: the
// text is followed by detail::json_padding readable zero bytes. The tables it
// read go to `read` (when given), also when it gives up.
std::optional<LoadResult> load_fast(const Schema& schema, std::string_view text, const std::string& name,
                                    const std::string& base_dir, const LoadOptions& options,
                                    bool padded = false, TableTexts* read = nullptr);

}  // namespace jx::data::detail
