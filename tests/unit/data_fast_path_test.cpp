// The fast path of loading (engine/data/fast_json.hpp, fast_tables.hpp) against
// the exact path: whenever the fast path accepts an input, the exact path gives
// the same Document — every value, member order, decimal scale and source
// position, the same files reported to on_read — and no diagnostic at all. Run
// over the samples, the malformed corpus, the valid-but-odd inputs, hand-written
// edge cases and mutations of a sample, for JSON and for CSV tables. Extra
// directories of JSON files (with their tables) can be named in
// JX_DATA_DIFF_DIRS (colon-separated), e.g. the benchmark departments.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "data/load_paths.hpp"
#include "source_dir.hpp"
#include "value_diff.hpp"  // fuzz/: the same comparison the fuzz targets make

namespace {

namespace fs = std::filesystem;
using jx::data::Document;
using jx::data::LoadOptions;
using jx::data::LoadResult;
using jx::data::Schema;
using jx::data::Value;

const Schema& department_schema() {
  static const Schema schema = Schema::load(jx::test::source_path("/schemas/department.schema.json"));
  return schema;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Tally {
  std::size_t accepted = 0;
  std::size_t gave_up = 0;
};

// Loads `text` both ways; fails the test if the fast path accepts it and the
// results differ. Returns whether the fast path accepted it.
bool compare_paths(std::string_view text, const std::string& name, const std::string& base_dir = ".",
                   const Schema& schema = department_schema()) {
  // Every file read, as each path reports it (CSV tables: the JSON text is the caller's).
  std::vector<std::string> fast_reads;
  std::vector<std::string> exact_reads;
  LoadOptions options;
  options.on_read = [&](std::string_view t) { fast_reads.emplace_back(t); };
  const std::optional<LoadResult> fast = jx::data::detail::load_fast(schema, text, name, base_dir, options);
  if (!fast) return false;
  options.on_read = [&](std::string_view t) { exact_reads.emplace_back(t); };
  const LoadResult exact = jx::data::detail::load_exact(schema, text, name, base_dir, options);
  EXPECT_EQ(fast_reads, exact_reads) << name;
  EXPECT_EQ(jx::fuzz::fast_path_problem(*fast, exact), "") << name;
  return true;
}

std::vector<fs::path> json_files_under(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Tally compare_directory(const fs::path& dir) {
  Tally tally;
  for (const fs::path& file : json_files_under(dir)) {
    const bool accepted = compare_paths(read(file), file.string(), file.parent_path().string());
    ++(accepted ? tally.accepted : tally.gave_up);
  }
  return tally;
}

TEST(FastPath, SamplesAllTakeTheFastPathAndMatch) {
  // samples/gz-2023-dangan-csv too: its CSV tables (one with a BOM and CRLF).
  const Tally tally = compare_directory(jx::test::source_path("/samples"));
  std::cout << "samples: fast path " << tally.accepted << ", gave up " << tally.gave_up << "\n";
  EXPECT_EQ(tally.gave_up, 0U);
  EXPECT_GE(tally.accepted, 18U);
}

TEST(FastPath, MalformedAndOddInputsMatchWhenAccepted) {
  const Tally tally = compare_directory(jx::test::source_path("/tests/data"));
  std::cout << "tests/data: fast path " << tally.accepted << ", gave up " << tally.gave_up << "\n";
  EXPECT_GT(tally.gave_up, 30U);  // the malformed corpus
}

TEST(FastPath, RuleFixtureBasesMatch) {
  const Tally tally = compare_directory(jx::test::source_path("/rules/gz/2023/tests"));
  const Tally unit = compare_directory(jx::test::source_path("/tests/unit/data"));
  std::cout << "rule fixture bases: fast path " << tally.accepted << ", gave up " << tally.gave_up
            << "; tests/unit/data: fast path " << unit.accepted << ", gave up " << unit.gave_up << "\n";
  // tests/unit/data/csv-bench-00004: a department of the benchmark's CSV
  // layout (bench/generate), quoted cells with commas and quotes included.
  EXPECT_EQ(unit.gave_up, 0U);
  EXPECT_GE(unit.accepted, 2U);
}

TEST(FastPath, ExtraDirectoriesMatch) {
  const char* dirs = std::getenv("JX_DATA_DIFF_DIRS");
  if (dirs == nullptr || *dirs == '\0') GTEST_SKIP() << "JX_DATA_DIFF_DIRS not set";
  std::stringstream list(dirs);
  for (std::string dir; std::getline(list, dir, ':');) {
    const Tally tally = compare_directory(dir);
    std::cout << dir << ": fast path " << tally.accepted << ", gave up " << tally.gave_up << "\n";
  }
}

// A small schema with every keyword the fast path checks.
const Schema& keyword_schema() {
  static const Schema schema = Schema::from_text(R"({
    "type": "object", "additionalProperties": false, "required": ["name", "amount"],
    "properties": {
      "name": {"type": "string", "minLength": 1, "maxLength": 8},
      "amount": {"type": ["number", "string"], "format": "decimal", "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
                 "minimum": -100, "maximum": 1000},
      "count": {"type": "integer"},
      "kind": {"enum": ["a", "b"]},
      "version": {"type": "string", "const": "1"},
      "day": {"type": "string", "format": "date"},
      "flag": {"type": ["boolean", "null"]},
      "code": {"type": "string", "pattern": "^[A-Z]+$"},
      "list": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": "integer"}},
      "map": {"type": "object", "additionalProperties": {"type": "integer"}},
      "open": {"type": "object"},
      "any": {}
    }})",
                                                 "keywords.schema.json");
  return schema;
}

bool accepted(std::string_view text) { return compare_paths(text, "t.json", ".", keyword_schema()); }

TEST(FastPath, AcceptsValidInputsWithExactPositions) {
  EXPECT_TRUE(accepted(R"({"name": "x", "amount": 1})"));
  EXPECT_TRUE(accepted("\xEF\xBB\xBF{\"name\": \"广州\", \"amount\": \"12.50\"}"));
  EXPECT_TRUE(accepted("{\r\n  \"name\": \"x\",\r\n\t\"amount\": -0.5\r\n}\r\n"));
  EXPECT_TRUE(
      accepted(R"({"amount": 1000, "name": "测试测试测试测试", "count": 3, "kind": "b", "version": "1",
      "day": "2024-02-29", "flag": null, "code": "AB", "list": [1, 2, 3], "map": {"x": 1, "y": 2},
      "open": {"deep": [{"a": [true, false, null, "s", 1.50]}], "b": {}}, "any": [[], {}]})"));
  // Escapes, a surrogate pair, and escaped keys in the untyped parts.
  EXPECT_TRUE(accepted(
      R"({"name": "a\"\\\/\b", "amount": 0, "any": "\f\n\r\t", "open": {"\u00e9\ud83d\ude00": "\u4e2d\u0000"}})"));
  EXPECT_TRUE(accepted(R"({"name": "\u0041", "amount": 0, "any": "\ud83d\ude00 😀"})"));
  EXPECT_TRUE(accepted(R"({"name":"x","amount":0,"any":0})"));
  EXPECT_TRUE(accepted("  {\"name\":\"x\",\"amount\":0}  \n\n"));
}

TEST(FastPath, GivesUpOnEverythingTheExactPathWouldReport) {
  const std::vector<std::string> inputs = {
      "",
      "   ",
      "[]",
      "1",
      R"({"name": "x"})",                            // required
      R"({"name": "x", "amount": 1, "other": 1})",   // unknown field (a warning)
      R"({"name": "x", "amount": 1, "name": "y"})",  // duplicate key
      R"({"name": "x", "amount": 1, "map": {"a": 1, "a": 2}})",
      R"({"name": "x", "amount": 1, "open": {"a": 1, "a": 2}})",
      R"({"name": "", "amount": 1})",           // minLength
      R"({"name": "123456789", "amount": 1})",  // maxLength
      R"({"name": "x", "amount": 1001})",       // maximum
      R"({"name": "x", "amount": -101})",       // minimum
      R"({"name": "x", "amount": "1e2"})",      // pattern
      R"({"name": "x", "amount": 1e2})",        // exponent
      R"({"name": "x", "amount": 1E2})",
      R"({"name": "x", "amount": "abc"})",
      R"({"name": "x", "amount": 01})",
      R"({"name": "x", "amount": -})",
      R"({"name": "x", "amount": 1.})",
      R"({"name": "x", "amount": .5})",
      R"({"name": "x", "amount": +1})",
      R"({"name": "x", "amount": 1, "count": 1.5})",         // integer
      R"({"name": "x", "amount": 1, "kind": "c"})",          // enum
      R"({"name": "x", "amount": 1, "version": "2"})",       // const
      R"({"name": "x", "amount": 1, "day": "2023-02-29"})",  // no such date
      R"({"name": "x", "amount": 1, "day": "2023-2-1"})",
      R"({"name": "x", "amount": 1, "flag": 1})",
      R"({"name": "x", "amount": 1, "code": "ab"})",  // pattern
      R"({"name": "x", "amount": 1, "list": []})",    // minItems
      R"({"name": "x", "amount": 1, "list": [1, 2, 3, 4]})",
      R"({"name": "x", "amount": 1, "map": {"a": "b"}})",
      R"({"name": 1, "amount": 1})",
      R"({"name": null, "amount": 1})",
      R"({"name": "x", "amount": 1} x)",  // trailing text
      R"({"name": "x", "amount": 1}})",
      R"({"name": "x", "amount": 1}{})",
      R"({"name": "x", "amount": "1": "2"})",  // fuzz finding: a skipped scalar read as a key
      R"({"name": "x", "amount": 1: 2})",
      R"({"name": "x", "amount": 1, "list": [1 2]})",
      R"({"name": "x", "amount": 1, "list": [1: 2]})",
      R"({"name": "x", "amount": 1, "open": {"a": true "b": 1}})",
      R"({"name": "x", "amount": 1,})",  // trailing comma
      R"({"name": "x", "amount": 1, "list": [1,]})",
      R"({"name": "x", "amount": 1)",
      R"({"name": "x", "amount": 1, "list": [1)",
      R"({"name": "x" "amount": 1})",
      R"({"name": "x", "amount" 1})",
      R"({"name": "x", "amount": tru})",
      R"({"name": "x", "amount": 1, "flag": truex})",
      R"({"name": "x", "amount": 1, "flag": nul})",
      R"({"name": "x", "amount": 1, "any": NaN})",
      R"({'name': "x", "amount": 1})",
      R"({"name": "x\q", "amount": 1})",     // bad escape
      R"({"name": "\ud800", "amount": 1})",  // lone high surrogate
      R"({"name": "\udc00", "amount": 1})",  // lone low surrogate
      R"({"name": "\ud800\u0041", "amount": 1})",
      R"({"name": "\u00g1", "amount": 1})",
      "{\"name\": \"a\tb\", \"amount\": 1}",  // raw control character
      "{\"name\": \"a\nb\", \"amount\": 1}",
      std::string("{\"name\": \"x\", \"amount\": 1}\0", 27),  // NUL
      "{\"name\": \"\xC3\x28\", \"amount\": 1}",              // invalid UTF-8
      "{\"name\": \"\xED\xA0\x80\", \"amount\": 1}",          // an encoded surrogate
      "{\"name\": \"x\", \"amount\": 1}\xEF\xBB\xBF",
      "\xFF\xFE{\"name\": \"x\", \"amount\": 1}",
      "{\"name\"\xEF\xBC\x9A \"x\", \"amount\": 1}",  // full-width colon
      R"({"name": "x", "amount": 1, "open": {"a": 1 // c
      }})",
      std::string(R"({"name": "x", "amount": 1, "any": )") + std::string(80, '[') + std::string(80, ']') +
          "}",
      R"({"name": "x", "amount": 1, "any": )" + std::string(150, '1') + "}",  // long number
  };
  for (const std::string& input : inputs) EXPECT_FALSE(accepted(input)) << input;
}

TEST(FastPath, CommandLineTablesAreLeftToTheExactPath) {
  const std::string sample = read(jx::test::source_path("/samples/gz-2023-dangan.json"));
  ASSERT_TRUE(jx::data::detail::load_fast(department_schema(), sample, "s.json", ".", {}));
  LoadOptions with_table;
  with_table.tables["procurements"] = "/nonexistent/procurements.csv";
  EXPECT_FALSE(jx::data::detail::load_fast(department_schema(), sample, "s.json", ".", with_table));
  const std::string named = R"({"schema_version": "1", "tables": {}})";
  EXPECT_FALSE(jx::data::detail::load_fast(department_schema(), named, "s.json", ".", {}));
}

// Every prefix and a sweep of one-byte changes of a small valid department:
// whatever the fast path accepts, the exact path agrees with.
TEST(FastPath, MutationsOfASampleMatchWhenAccepted) {
  const std::string sample = read(jx::test::source_path("/tests/data/valid/crlf.json"));
  ASSERT_FALSE(sample.empty());
  ASSERT_TRUE(compare_paths(sample, "crlf.json"));
  std::size_t accepted_count = 0;
  for (std::size_t cut = 0; cut < sample.size(); ++cut) {
    accepted_count += compare_paths(sample.substr(0, cut), "prefix.json") ? 1 : 0;
  }
  const std::string replacements = "\"{}[],:0 -.e\\u\n\xC3";
  for (std::size_t at = 0; at < sample.size(); ++at) {
    std::string deleted = sample;
    deleted.erase(at, 1);
    accepted_count += compare_paths(deleted, "deleted.json") ? 1 : 0;
    for (const char c : replacements) {
      if (sample[at] == c) continue;
      std::string changed = sample;
      changed[at] = c;
      accepted_count += compare_paths(changed, "changed.json") ? 1 : 0;
    }
  }
  std::cout << "mutations accepted by the fast path (all equal): " << accepted_count << "\n";
}

// ---- CSV tables ----

// A department of the CSV layout in a directory of its own: department.json
// names every table of `tables` (table → file text), in files named after them.
// `extra` is added to the JSON's top level (e.g. a JSON list as well as a table).
fs::path write_csv_case(const std::string& case_name, const std::map<std::string, std::string>& tables,
                        const std::string& extra = "") {
  const fs::path dir = fs::temp_directory_path() / ("jx-fast-csv-" + std::to_string(::getpid())) / case_name;
  fs::create_directories(dir);
  std::string named;
  for (const auto& [table, text] : tables) {
    named += (named.empty() ? "" : ", ") + ("\"" + table + "\": \"" + table + ".csv\"");
    std::ofstream(dir / (table + ".csv"), std::ios::binary) << text;
  }
  std::ofstream(dir / "department.json", std::ios::binary)
      << R"({"schema_version": "1", "fiscal_year": 2023, "money_unit": "元",
  "department": {"code": "X1", "name": "测试局", "level": "区级"},
  "tables": {)"
      << named << R"(},
  "budget": {"adjusted": 1000.00, "spent": 900.00})"
      << extra << "}\n";
  return dir;
}

bool csv_case_accepted(const std::string& case_name, const std::map<std::string, std::string>& tables,
                       const std::string& extra = "") {
  const fs::path dir = write_csv_case(case_name, tables, extra);
  const fs::path json = dir / "department.json";
  return compare_paths(read(json), json.string(), dir.string());
}

const std::string monthly_csv = "month,cumulative_spent\n1,100.00\n2,200.50\n";
const std::string projects_csv = "id,name,level,is_new\nP1,项目一,一级,是\nP2,项目二,一级,false\n";
const std::string targets_csv =
    "id,project_id,kind,category,name,planned,actual,unit,direction,weight,note\n"
    "T1,P1,output,成本指标,单位成本,3965,3846.05,元,<=,2.25,\n"
    "T2,P2,output,数量指标,培训人次,10,12,人次,>=,5,说明\n"
    "T3,P1,output,数量指标,培训人次,10,12,人次,>=,5,\n";
const std::string procurements_csv =
    "id,name,category,method,budget,intention_scope,compliance_issues,note\n"
    "CG1,采购一,services,framework_agreement,100.00,in_scope,问题一;问题二,\n"
    "CG2,\"采购,二\",goods,public_tender,2000,in_scope,,\"多行\n说明 \"\"引号\"\"\"\n"
    "CG3,采购三,goods,public_tender,0.50,in_scope,,\n";

std::map<std::string, std::string> all_tables() {
  return {{"monthly", monthly_csv},
          {"projects", projects_csv},
          {"targets", targets_csv},
          {"procurements", procurements_csv}};
}

TEST(FastPathCsv, AcceptsPlainTablesWithExactPositions) {
  EXPECT_TRUE(csv_case_accepted("all", all_tables()));
  EXPECT_TRUE(csv_case_accepted("monthly-only", {{"monthly", monthly_csv}}));
  auto excel = all_tables();
  for (auto& [table, text] : excel) {
    std::string crlf;
    for (const char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    text = "\xEF\xBB\xBF" + crlf;
  }
  excel["procurements"] = "\xEF\xBB\xBF" + std::string(
                                               "id,name,category,method,budget,intention_scope\r\n"
                                               "CG1,采购一,services,framework_agreement,100.00,in_scope\r\n");
  EXPECT_TRUE(csv_case_accepted("bom-crlf", excel));
  auto no_newline = all_tables();
  no_newline["monthly"] = "month,cumulative_spent\n1,100.00\n2,";   // an empty last cell at the end
  EXPECT_FALSE(csv_case_accepted("no-newline-empty", no_newline));  // required cell missing
  no_newline["monthly"] = "month,cumulative_spent\n1,100.00\n2,\"200\"";
  EXPECT_TRUE(csv_case_accepted("no-newline", no_newline));
  auto header_only = all_tables();
  header_only["targets"] = "id,project_id,kind,name,planned,unit,direction,weight\n";
  EXPECT_TRUE(csv_case_accepted("header-only", header_only));  // every project gets "targets": []
  // Targets for projects given in the JSON.
  EXPECT_TRUE(csv_case_accepted("json-projects", {{"targets", targets_csv}},
                                R"(, "projects": [{"id": "P1", "name": "一", "level": "一级"},
                                   {"id": "P2", "name": "二", "level": "一级"},
                                   {"id": "P3", "name": "三", "level": "一级", "targets": []}])"));
  auto booleans = all_tables();
  booleans["projects"] = "id,name,level,is_new,cross_year\nP1,一,一级,TRUE,否\nP2,二,二级,0,1\n";
  EXPECT_TRUE(csv_case_accepted("booleans", booleans));
}

TEST(FastPathCsv, GivesUpOnEverythingUnusual) {
  const std::vector<std::pair<std::string, std::string>> changes = {
      {"monthly", "month,cumulative_spent\n\n1,100.00\n"},  // blank line
      {"monthly", "month,cumulative_spent\n1,100.00\n\n"},  // blank line at the end
      {"monthly", "month,cumulative_spent\n1, 100.00\n"},   // a space libcsv trims
      {"monthly", "month,cumulative_spent\n1,100.00\t\n"},
      {"monthly", "month,cumulative_spent\r1,100.00\n"},                // a lone CR
      {"monthly", "month,cumulative_spent\n1,\"100\r\n.00\"\n"},        // a CR in quotes
      {"monthly", "month,cumulative_spent\n1,1\"00\n"},                 // a quote in an unquoted cell
      {"monthly", "month,cumulative_spent\n1,\"100\"x\n"},              // text after a quote
      {"monthly", "month,cumulative_spent\n1,\"100\n"},                 // never closed
      {"monthly", "month,cumulative_spent\n1,100,3\n"},                 // ragged
      {"monthly", "month,month\n1,100\n"},                              // duplicate column
      {"monthly", "month,,cumulative_spent\n1,,100\n"},                 // unnamed column
      {"monthly", "1,100.00\n2,200.00\n"},                              // no header
      {"monthly", "month,cumulative_spent,colour\n1,100.00,red\n"},     // unknown column
      {"monthly", "month,cumulative_spent\n1,1e2\n"},                   // exponent
      {"monthly", "month,cumulative_spent\n1.5,100\n"},                 // not an integer
      {"monthly", "month,cumulative_spent\n13,100\n"},                  // maximum
      {"monthly", "month,cumulative_spent\n1,\n"},                      // required cell empty
      {"monthly", ""},                                                  // empty file
      {"monthly", "\xEF\xBB\xBF"},                                      // a BOM only
      {"monthly", "month,cumulative_spent\n1,\xB0\xD9\n"},              // GBK
      {"monthly", std::string("month,cumulative_spent\n1,1\0\n", 28)},  // NUL
      {"monthly",
       "month,cumulative_spent\n1,1\n2,2\n3,3\n4,4\n5,5\n6,6\n7,7\n8,8\n9,9\n10,10\n11,11\n12,12\n1,1\n"},
      {"projects", "id,name,level,is_new\nP1,一,一级,maybe\n"},  // not a boolean
      {"projects", "id,name,level\nP1,一,三级\n"},               // enum
      {"projects", "id,name,level,ex_ante_evaluation_date\nP1,一,一级,2023-02-30\n"},
      {"projects", "id,name,level\nP1,一,一级\nP1,一,一级\n"},  // one id twice: rows shared
      {"targets",
       "id,project_id,kind,category,name,planned,actual,unit,direction,weight\n"
       "T1,P9,output,成本指标,单位成本,1,1,元,<=,1\n"},  // a parent that is not there
      {"targets",
       "id,project_id,kind,category,name,planned,actual,unit,direction,weight\n"
       "T1,,output,成本指标,单位成本,1,1,元,<=,1\n"},  // no parent key
  };
  std::size_t n = 0;
  for (const auto& [table, text] : changes) {
    auto tables = all_tables();
    tables[table] = text;
    EXPECT_FALSE(csv_case_accepted("give-up-" + std::to_string(n++), tables)) << table << ": " << text;
  }
  // A list both in the JSON and in a table.
  EXPECT_FALSE(csv_case_accepted("both", all_tables(), R"(, "procurements": [])"));
  // Targets with no projects at all.
  EXPECT_FALSE(csv_case_accepted("no-projects", {{"targets", targets_csv}}));
  // Monthly rows with no budget to go in: the base has one, so name a missing file instead.
  const fs::path dir = write_csv_case("missing-file", all_tables());
  fs::remove(dir / "monthly.csv");
  EXPECT_FALSE(
      compare_paths(read(dir / "department.json"), (dir / "department.json").string(), dir.string()));
  fs::create_directory(dir / "monthly.csv");
  EXPECT_FALSE(
      compare_paths(read(dir / "department.json"), (dir / "department.json").string(), dir.string()));
}

// One-byte changes and deletions of small tables: whatever the fast path
// accepts, the exact path agrees with (positions included).
TEST(FastPathCsv, MutationsOfTablesMatchWhenAccepted) {
  const std::string replacements = "\",\n\r ;0\xC3";
  std::size_t accepted_count = 0;
  std::size_t n = 0;
  for (const auto& [table, text] : all_tables()) {
    for (std::size_t at = 0; at < text.size(); at += 2) {
      std::vector<std::string> variants{text.substr(0, at) + text.substr(at + 1)};
      for (const char c : replacements) {
        if (text[at] == c) continue;
        variants.push_back(text);
        variants.back()[at] = c;
      }
      for (const std::string& variant : variants) {
        auto tables = all_tables();
        tables[table] = variant;
        accepted_count += csv_case_accepted("mutation-" + std::to_string(n++ % 64), tables) ? 1 : 0;
      }
    }
  }
  std::cout << "table mutations accepted by the fast path (all equal): " << accepted_count << " of " << n
            << "\n";
}

// load_department: every file reported to on_read once, in Document::files
// order, whichever path loads it.
TEST(FastPathCsv, EachFileIsReportedOnceInOrder) {
  auto blank_line = all_tables();
  blank_line["monthly"] = "month,cumulative_spent\n\n1,100.00\n";  // the exact path's
  for (const auto& [name, tables] :
       {std::pair{"read-fast", all_tables()}, std::pair{"read-exact", blank_line}}) {
    const fs::path dir = write_csv_case(name, tables);
    std::vector<std::string> reads;
    LoadOptions options;
    options.on_read = [&](std::string_view t) { reads.emplace_back(t); };
    const LoadResult result =
        jx::data::load_department(department_schema(), (dir / "department.json").string(), options);
    ASSERT_TRUE(result.document) << name;
    const auto& files = result.document->files;
    ASSERT_EQ(reads.size(), files.size()) << name;
    ASSERT_EQ(files.size(), 5U) << name;
    for (std::size_t f = 0; f < files.size(); ++f)
      EXPECT_EQ(reads[f], read(files[f])) << name << " " << files[f];
  }
}

}  // namespace
