// Fuzzes the CSV table reader (libcsv → schema conversion) through the public
// loader: a small valid department whose four tables (procurements, projects,
// targets, monthly) all come from the fuzzed bytes, as `--table NAME=PATH`
// would give them. Bad CSV is a diagnostic with row:column, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "data/department.hpp"
#include "support.hpp"

namespace {

constexpr std::string_view department = R"({
  "schema_version": "1",
  "fiscal_year": 2023,
  "money_unit": "万元",
  "department": { "code": "GZ-FUZZ", "name": "模糊测试局", "level": "市级" },
  "budget": { "adjusted": 1000.00, "spent": 990.50 }
})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static const jx::data::Schema schema =
      jx::data::Schema::load(JX_SOURCE_DIR "/schemas/department.schema.json");
  static const std::string table = jx::fuzz::scratch_dir() + "/table.csv";
  jx::fuzz::write_file(table, std::string_view(reinterpret_cast<const char*>(bytes), size));
  jx::data::LoadOptions options;
  options.lang = jx::Lang::en;
  for (const char* name : {"procurements", "projects", "targets", "monthly"}) options.tables[name] = table;
  const jx::data::LoadResult result =
      jx::data::load_department_text(schema, department, "fuzz.json", jx::fuzz::scratch_dir(), options);
  if (!result.document && result.diagnostics.empty()) jx::fuzz::fail("no document and no diagnostic");
  for (const jx::Diagnostic& d : result.diagnostics) {
    if (d.to_string(jx::Lang::en).empty()) jx::fuzz::fail("empty diagnostic");
  }
  return 0;
}
