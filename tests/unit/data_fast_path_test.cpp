// The fast path of loading (engine/data/fast_json.hpp) against the exact path:
// whenever the fast path accepts an input, the exact path gives the same
// Document — every value, member order, decimal scale and source position —
// and no diagnostic at all. Run over the samples, the malformed corpus, the
// valid-but-odd inputs, hand-written edge cases and mutations of a sample.
// Extra directories of JSON files can be named in JX_DATA_DIFF_DIRS
// (colon-separated), e.g. the benchmark departments.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "data/load_paths.hpp"

namespace {

namespace fs = std::filesystem;
using jx::data::Document;
using jx::data::LoadOptions;
using jx::data::LoadResult;
using jx::data::Schema;
using jx::data::Value;

const Schema& department_schema() {
  static const Schema schema = Schema::load(JX_SOURCE_DIR "/schemas/department.schema.json");
  return schema;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string where(const Value& v) {
  return std::to_string(v.pos().file) + ":" + std::to_string(v.pos().line) + ":" +
         std::to_string(v.pos().column);
}

// The first difference between two trees, or "" when they are equal.
std::string difference(const Value& a, const Value& b, const std::string& path) {
  if (a.kind() != b.kind()) {
    return path + ": kind " + std::string(kind_name(a.kind())) + " vs " + std::string(kind_name(b.kind()));
  }
  if (where(a) != where(b)) return path + ": position " + where(a) + " vs " + where(b);
  switch (a.kind()) {
    case Value::Kind::null: return "";
    case Value::Kind::boolean: return a.as_bool() == b.as_bool() ? "" : path + ": boolean";
    case Value::Kind::decimal: {
      const jx::Decimal& x = a.as_decimal();
      const jx::Decimal& y = b.as_decimal();
      // Equal text and exponent: the same value written with the same scale.
      if (x.is_fraction() || y.is_fraction() || x.to_string() != y.to_string() ||
          x.exponent() != y.exponent()) {
        return path + ": decimal " + x.to_string() + " vs " + y.to_string();
      }
      return "";
    }
    case Value::Kind::date: return a.as_date() == b.as_date() ? "" : path + ": date";
    case Value::Kind::string:
      return a.as_string() == b.as_string()
                 ? ""
                 : path + ": string \"" + a.as_string() + "\" vs \"" + b.as_string() + "\"";
    case Value::Kind::array: {
      const auto& x = a.as_array();
      const auto& y = b.as_array();
      if (x.size() != y.size())
        return path + ": " + std::to_string(x.size()) + " vs " + std::to_string(y.size()) + " items";
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (auto d = difference(x[i], y[i], path + "/" + std::to_string(i)); !d.empty()) return d;
      }
      return "";
    }
    case Value::Kind::object: {
      const auto& x = a.as_object();
      const auto& y = b.as_object();
      if (x.size() != y.size())
        return path + ": " + std::to_string(x.size()) + " vs " + std::to_string(y.size()) + " members";
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i].key != y[i].key)
          return path + ": member " + std::to_string(i) + " \"" + x[i].key + "\" vs \"" + y[i].key + "\"";
        if (auto d = difference(x[i].value, y[i].value, path + "/" + x[i].key); !d.empty()) return d;
      }
      return "";
    }
  }
  return path + ": ?";
}

struct Tally {
  std::size_t accepted = 0;
  std::size_t gave_up = 0;
};

// Loads `text` both ways; fails the test if the fast path accepts it and the
// results differ. Returns whether the fast path accepted it.
bool compare_paths(std::string_view text, const std::string& name, const std::string& base_dir = ".",
                   const Schema& schema = department_schema()) {
  const LoadOptions options;
  const std::optional<LoadResult> fast = jx::data::detail::load_fast(schema, text, name, options);
  if (!fast) return false;
  const LoadResult exact = jx::data::detail::load_exact(schema, text, name, base_dir, options);
  EXPECT_TRUE(fast->diagnostics.empty()) << name;
  EXPECT_TRUE(exact.diagnostics.empty()) << name << ": the fast path accepted what the exact path reports: "
                                         << exact.diagnostics.front().to_string(jx::Lang::en);
  if (!exact.document) {
    ADD_FAILURE() << name << ": the fast path accepted what the exact path cannot parse";
    return true;
  }
  EXPECT_EQ(fast->document->files, exact.document->files) << name;
  const std::string diff = difference(fast->document->root, exact.document->root, "");
  EXPECT_EQ(diff, "") << name << " (fast vs exact)";
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
  // samples/gz-2023-dangan-csv names CSV tables: that one is the exact path's.
  const Tally tally = compare_directory(JX_SOURCE_DIR "/samples");
  std::cout << "samples: fast path " << tally.accepted << ", gave up " << tally.gave_up << "\n";
  EXPECT_EQ(tally.gave_up, 1U);
  EXPECT_GE(tally.accepted, 17U);
}

TEST(FastPath, MalformedAndOddInputsMatchWhenAccepted) {
  const Tally tally = compare_directory(JX_SOURCE_DIR "/tests/data");
  std::cout << "tests/data: fast path " << tally.accepted << ", gave up " << tally.gave_up << "\n";
  EXPECT_GT(tally.gave_up, 30U);  // the malformed corpus
}

TEST(FastPath, RuleFixtureBasesMatch) {
  const Tally tally = compare_directory(JX_SOURCE_DIR "/rules/gz/2023/tests");
  const Tally unit = compare_directory(JX_SOURCE_DIR "/tests/unit/data");
  std::cout << "rule fixture bases: fast path " << tally.accepted << ", gave up " << tally.gave_up
            << "; tests/unit/data: fast path " << unit.accepted << ", gave up " << unit.gave_up << "\n";
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

TEST(FastPath, TablesAreLeftToTheExactPath) {
  const std::string sample = read(JX_SOURCE_DIR "/samples/gz-2023-dangan.json");
  ASSERT_TRUE(jx::data::detail::load_fast(department_schema(), sample, "s.json", {}));
  LoadOptions with_table;
  with_table.tables["procurements"] = "/nonexistent/procurements.csv";
  EXPECT_FALSE(jx::data::detail::load_fast(department_schema(), sample, "s.json", with_table));
  const std::string named = R"({"schema_version": "1", "tables": {}})";
  EXPECT_FALSE(jx::data::detail::load_fast(department_schema(), named, "s.json", {}));
}

// Every prefix and a sweep of one-byte changes of a small valid department:
// whatever the fast path accepts, the exact path agrees with.
TEST(FastPath, MutationsOfASampleMatchWhenAccepted) {
  const std::string sample = read(JX_SOURCE_DIR "/tests/data/valid/crlf.json");
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

}  // namespace
