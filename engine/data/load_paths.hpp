// The two ways load_department_text loads a department's JSON text, apart so
// that tests and the differential fuzz target can compare them. Internal to
// engine/data; callers use department.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "data/department.hpp"

namespace jx::data::detail {

// Every input, with exact diagnostics: RapidJSON → RawNode → CSV tables → Converter.
LoadResult load_exact(const Schema& schema, std::string_view text, const std::string& name,
                      const std::string& base_dir, const LoadOptions& options);

// A valid JSON department without CSV tables, in one pass (fast_json.hpp):
// the same result as load_exact, or nullopt when it gives up. `padded`: the
// text is followed by detail::json_padding readable zero bytes.
std::optional<LoadResult> load_fast(const Schema& schema, std::string_view text, const std::string& name,
                                    const LoadOptions& options, bool padded = false);

}  // namespace jx::data::detail
