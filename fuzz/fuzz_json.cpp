// Fuzzes the JSON department loader (RapidJSON SAX → schema conversion) with
// arbitrary bytes as the department file. It must never crash, hang or throw:
// bad input is a diagnostic. Relative table paths resolve in an empty scratch
// directory, so "tables" names nothing that exists unless it is absolute.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "data/department.hpp"
#include "support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static const jx::data::Schema schema =
      jx::data::Schema::load(JX_SOURCE_DIR "/schemas/department.schema.json");
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  const jx::data::LoadResult result =
      jx::data::load_department_text(schema, text, "fuzz.json", jx::fuzz::scratch_dir());
  if (!result.document && result.diagnostics.empty()) jx::fuzz::fail("no document and no diagnostic");
  for (const jx::Diagnostic& d : result.diagnostics) {
    if (d.to_string(jx::Lang::en).empty()) jx::fuzz::fail("empty diagnostic");
  }
  return 0;
}
