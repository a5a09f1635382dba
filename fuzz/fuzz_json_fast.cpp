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
  if (!fast->document || !fast->diagnostics.empty())
    jx::fuzz::fail("the fast path accepted without a clean document");
  if (!exact.document) jx::fuzz::fail("the fast path accepted what the exact path cannot parse");
  if (!exact.diagnostics.empty()) {
    jx::fuzz::fail("the fast path accepted what the exact path reports: " +
                   exact.diagnostics.front().to_string(jx::Lang::en));
  }
  if (fast->document->files != exact.document->files) jx::fuzz::fail("different file lists");
  if (const std::string d = jx::fuzz::difference(fast->document->root, exact.document->root, "");
      !d.empty()) {
    jx::fuzz::fail("fast and exact documents differ at " + d);
  }
  return 0;
}
