// Differential fuzzing of the two JSON loading paths (engine/data/load_paths.hpp):
// whenever the fast path accepts the bytes, the exact path must give the same
// Document (every value, member order, decimal text and exponent, source
// position) and no diagnostic at all. Seeds are the department samples, so
// most inputs are near-valid departments, where the fast path has work to do.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "data/load_paths.hpp"
#include "support.hpp"
#include "value_diff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static const jx::data::Schema schema =
      jx::data::Schema::load(JX_SOURCE_DIR "/schemas/department.schema.json");
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  const jx::data::LoadOptions options;
  const auto fast = jx::data::detail::load_fast(schema, text, "fuzz.json", jx::fuzz::scratch_dir(), options);
  if (!fast) return 0;
  const jx::data::LoadResult exact =
      jx::data::detail::load_exact(schema, text, "fuzz.json", jx::fuzz::scratch_dir(), options);
  if (const std::string problem = jx::fuzz::fast_path_problem(*fast, exact); !problem.empty()) {
    jx::fuzz::fail(problem);
  }
  return 0;
}
