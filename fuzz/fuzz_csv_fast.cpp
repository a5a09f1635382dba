// Differential fuzzing of the two loading paths over CSV tables
// (engine/data/load_paths.hpp): a fixed department names four tables; the
// first byte of the input picks the one whose text is the rest of the input,
// the others stay small and valid. Whenever the fast path accepts, the exact
// path must give the same Document and no diagnostic at all.
#include <array>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

#include "data/load_paths.hpp"
#include "support.hpp"
#include "value_diff.hpp"

namespace {

constexpr std::array<std::pair<const char*, const char*>, 4> tables = {{
    {"monthly", "month,cumulative_spent\n1,100.00\n2,200.50\n"},
    {"projects", "id,name,level,is_new\nP1,项目一,一级,是\nP2,项目二,一级,false\n"},
    {"targets",
     "id,project_id,kind,category,name,planned,actual,unit,direction,weight,note\n"
     "T1,P1,output,成本指标,单位成本,3965,3846.05,元,<=,2.25,\nT2,P2,output,数量指标,培训人次,10,12,人次,>=,"
     "5,\n"},
    {"procurements",
     "id,name,category,method,budget,intention_scope,compliance_issues,note\n"
     "CG1,采购一,services,framework_agreement,100.00,in_scope,问题一;问题二,\n"
     "CG2,\"采购,二\",goods,public_tender,2000,in_scope,,\"多行\n说明\"\n"},
}};

const char* const department = R"({"schema_version": "1", "fiscal_year": 2023, "money_unit": "元",
  "department": {"code": "X1", "name": "测试局", "level": "区级"},
  "tables": {"monthly": "monthly.csv", "projects": "projects.csv", "targets": "targets.csv",
             "procurements": "procurements.csv"},
  "budget": {"adjusted": 1000.00, "spent": 900.00}})";

void write(const std::string& path, std::string_view text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static const jx::data::Schema schema =
      jx::data::Schema::load(JX_SOURCE_DIR "/schemas/department.schema.json");
  if (size == 0) return 0;
  const std::string& dir = jx::fuzz::scratch_dir();
  const std::size_t chosen = bytes[0] % tables.size();
  for (std::size_t t = 0; t < tables.size(); ++t) {
    write(dir + "/" + tables[t].first + ".csv",
          t == chosen ? std::string_view(reinterpret_cast<const char*>(bytes) + 1, size - 1)
                      : std::string_view(tables[t].second));
  }
  const jx::data::LoadOptions options;
  const auto fast = jx::data::detail::load_fast(schema, department, "fuzz.json", dir, options);
  if (!fast) return 0;
  const jx::data::LoadResult exact =
      jx::data::detail::load_exact(schema, department, "fuzz.json", dir, options);
  if (const std::string problem = jx::fuzz::fast_path_problem(*fast, exact); !problem.empty()) {
    jx::fuzz::fail(problem);
  }
  return 0;
}
