// Unit tests of the department loader (engine/data): positions, JSON pointers,
// diagnostic order, unknown fields, CSV tables, schema-driven typing against a
// small inline schema, a schema extended without any C++ change, and every
// shipped sample against the real schema.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "data/department.hpp"
#include "source_dir.hpp"

namespace {

namespace fs = std::filesystem;
using jx::Diagnostic;
using jx::Lang;
using jx::data::LoadOptions;
using jx::data::LoadResult;
using jx::data::Schema;
using jx::data::Value;

// A small schema with one field of each kind the loader types.
constexpr std::string_view test_schema = R"({
  "type": "object",
  "additionalProperties": false,
  "required": ["name", "amount"],
  "properties": {
    "name": {"type": "string", "minLength": 1},
    "amount": {"type": ["number", "string"], "format": "decimal", "minimum": 0, "pattern": "^[0-9]+(\\.[0-9]+)?$"},
    "count": {"type": "integer", "maximum": 12},
    "signed": {"type": "string", "format": "date"},
    "flag": {"type": "boolean"},
    "unit": {"type": "string", "enum": ["元", "万元"]},
    "info": {"type": "object", "additionalProperties": false, "required": ["x"], "properties": {"x": {"type": "string"}}},
    "scores": {"type": "object", "additionalProperties": {"type": "integer"}},
    "rows": {
      "type": "array",
      "items": {"type": "object", "additionalProperties": false,
                "properties": {"id": {"type": "string"}, "amount": {"type": "number", "format": "decimal"},
                               "on": {"type": "string", "format": "date"}, "ok": {"type": "boolean"}}},
      "x-csv": {"table": "rows"}
    },
    "parents": {
      "type": "array",
      "items": {"type": "object", "properties": {
        "id": {"type": "string"},
        "kids": {"type": "array", "items": {"type": "object", "properties": {"pid": {"type": "string"}, "v": {"type": "integer"}}},
                 "x-csv": {"table": "kids", "parent_key": "pid", "parent_field": "id"}}}}
    }
  }
})";

const Schema& schema() {
  static const Schema s = Schema::from_text(test_schema, "test.schema.json");
  return s;
}

const Schema& department_schema() {
  static const Schema s = Schema::load(jx::test::source_path("/schemas/department.schema.json"));
  return s;
}

LoadResult load_text(std::string_view text, const std::string& base_dir = ".", Lang lang = Lang::en,
                     const Schema& with = schema()) {
  LoadOptions options;
  options.lang = lang;
  return jx::data::load_department_text(with, text, "t.json", base_dir, options);
}

std::vector<std::string> messages(const LoadResult& result, Lang lang = Lang::en) {
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics) out.push_back(d.to_string(lang));
  return out;
}

std::string line_column(const Value& v) {
  return std::to_string(v.pos().line) + ":" + std::to_string(v.pos().column);
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// A fresh directory under the system temp directory, removed afterwards.
class TempDir {
 public:
  TempDir() {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    // The process id keeps concurrent runs of the same test (two build trees) apart.
    path_ = fs::temp_directory_path() /
            ("jx_data_test_" + std::to_string(getpid()) + "_" + info->test_suite_name() + "_" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }
  [[nodiscard]] std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

// ---------------------------------------------------------------------------
// Positions

TEST(Positions, ColumnsCountCharactersNotBytes) {
  const auto result = load_text("{\"name\": \"广州市档案馆\", \"amount\": \"1.5\", \"unit\": \"万元\"}");
  ASSERT_TRUE(result.ok()) << testing::PrintToString(messages(result));
  const Value& root = result.document->root;
  EXPECT_EQ(line_column(*root.find("name")), "1:10");
  EXPECT_EQ(line_column(*root.find("amount")), "1:30");  // 6 Chinese characters are 6 columns
  EXPECT_EQ(line_column(*root.find("unit")), "1:45");
}

TEST(Positions, ErrorsAfterChineseTextPointAtTheCharacter) {
  const auto result = load_text("{\"name\": \"档案馆\",\n \"unit\": \"档案\", \"amount\": -1}");
  EXPECT_EQ(messages(result), (std::vector<std::string>{
                                  "t.json:2:10: error: /unit: expected one of: 元, 万元; found \"档案\"",
                                  "t.json:2:26: error: /amount: -1 is below the minimum 0",
                              }));
}

TEST(Positions, ABomIsNotAColumnOnTheFirstLine) {
  const auto result = load_text("\xEF\xBB\xBF{\"name\": \"x\", \"amount\": 1}");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(line_column(result.document->root), "1:1");
  EXPECT_EQ(line_column(*result.document->root.find("name")), "1:10");
  // ... nor in a syntax error on that line,
  EXPECT_EQ(messages(load_text("\xEF\xBB\xBF{\"name\" \"x\"}")),
            std::vector<std::string>{"t.json:1:9: error: expected ':' after the field name"});
  // ... and the second line starts at column 1 as usual.
  const auto two = load_text("\xEF\xBB\xBF{\"name\": \"x\",\n\"amount\": 1}");
  EXPECT_EQ(line_column(*two.document->root.find("amount")), "2:11");
}

TEST(Positions, CrlfAndTabs) {
  const auto result = load_text("{\r\n\t\"name\": \"x\",\r\n\t\"amount\": 2}\r\n");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(line_column(*result.document->root.find("name")), "2:10");  // a tab is one column
  EXPECT_EQ(line_column(*result.document->root.find("amount")), "3:12");
}

TEST(Positions, AnUnterminatedStringPointsAtItsOpeningQuote) {
  EXPECT_EQ(
      messages(load_text("{\"name\": \"档案馆,\n \"amount\": 1}")),
      std::vector<std::string>{"t.json:1:10: error: unterminated string: the line ends before the closing "
                               "'\"' (write a line break inside a string as \\n)"});
}

// ---------------------------------------------------------------------------
// JSON pointers

TEST(Pointers, TildeAndSlashAreEscaped) {
  const auto result = load_text(R"({"name": "x", "amount": 1, "scores": {"a/b": 1, "m~n": 2, "~/": "x"}})");
  EXPECT_EQ(messages(result),
            std::vector<std::string>{
                "t.json:1:65: error: /scores/~0~1: expected an integer, found the string \"x\""});
  const Value* scores = result.document->root.find("scores");
  ASSERT_NE(scores, nullptr);
  EXPECT_NE(scores->find("a/b"), nullptr);  // the key itself is not escaped
}

TEST(Pointers, UnknownFieldAndMissingRequiredFieldAreEscaped) {
  const auto result = load_text(R"({"name": "x", "amount": 1, "info": {"a~b/c": 1}})");
  EXPECT_EQ(messages(result), (std::vector<std::string>{
                                  "t.json:1:36: error: /info/x: missing required field \"x\"",
                                  "t.json:1:46: warning: /info/a~0b~1c: unknown field \"a~b/c\" (not in the "
                                  "schema; kept)",
                              }));
}

TEST(Pointers, DuplicateKeysNameTheirPlace) {
  const auto result = load_text(
      R"({"name": "x", "amount": 1, "parents": [{"id": "a"}, {"id": "b", "id": "c"}], "scores": {"a/b": 1, "a/b": 2}})");
  EXPECT_EQ(messages(result), (std::vector<std::string>{
                                  "t.json:1:65: error: /parents/1/id: duplicate key \"id\" (first at line 1, "
                                  "column 54)",
                                  "t.json:1:99: error: /scores/a~1b: duplicate key \"a/b\" (first at line 1, "
                                  "column 89)",
                              }));
  // The first value is kept.
  EXPECT_EQ(result.document->root.find("parents")->as_array()[1].find("id")->as_string(), "b");
}

// ---------------------------------------------------------------------------
// Diagnostic order

TEST(DiagnosticOrder, ByFileLineColumnThenPointerWhateverTheOrderFound) {
  // Validation walks the schema's required list after the members; output is by position.
  const auto result = load_text("{\n\"count\": 13,\n\"flag\": 1,\n\"info\": {}\n}");
  EXPECT_EQ(messages(result), (std::vector<std::string>{
                                  "t.json:1:1: error: /amount: missing required field \"amount\"",
                                  "t.json:1:1: error: /name: missing required field \"name\"",
                                  "t.json:2:10: error: /count: 13 is above the maximum 12",
                                  "t.json:3:9: error: /flag: expected true or false, found the number 1",
                                  "t.json:4:9: error: /info/x: missing required field \"x\"",
                              }));
}

TEST(DiagnosticOrder, SortIsStableForTies) {
  std::vector<Diagnostic> d{
      {Diagnostic::Severity::error, "b.csv", 1, 1, "", "third"},
      {Diagnostic::Severity::error, "a.json", 2, 1, "/x", "second"},
      {Diagnostic::Severity::warning, "a.json", 1, 5, "/y", "first (tie, found first)"},
      {Diagnostic::Severity::error, "a.json", 1, 5, "/y", "first (tie, found second)"},
  };
  jx::sort_diagnostics(d);
  std::vector<std::string> order;
  for (const auto& x : d) order.push_back(x.message);
  EXPECT_EQ(order, (std::vector<std::string>{"first (tie, found first)", "first (tie, found second)",
                                             "second", "third"}));
}

TEST(DiagnosticOrder, RepeatedAndConcurrentLoadsGiveTheSameDiagnostics) {
  const std::string file = jx::test::source_path("/tests/data/malformed/csv-bad-cells.json");
  const auto reference = messages(jx::data::load_department(department_schema(), file));
  ASSERT_EQ(reference.size(), 7U);
  std::vector<std::vector<std::string>> seen(8);
  std::vector<std::thread> threads;
  for (auto& s : seen) {
    threads.emplace_back([&s, &file] { s = messages(jx::data::load_department(department_schema(), file)); });
  }
  for (auto& t : threads) t.join();
  for (const auto& s : seen) EXPECT_EQ(s, reference);
}

// ---------------------------------------------------------------------------
// Typing by the schema

TEST(Typing, ExpectedAndFoundForEveryKindOfMismatch) {
  const auto result =
      load_text(R"({"name": 5, "amount": [1], "count": "3", "signed": 20230105, "flag": "true",
"info": null, "unit": "美元", "rows": {}, "scores": {"a": 1.5}})");
  EXPECT_EQ(messages(result),
            (std::vector<std::string>{
                "t.json:1:10: error: /name: expected a string, found the number 5",
                "t.json:1:23: error: /amount: expected a decimal number (e.g. 1234.50), found an array",
                "t.json:1:37: error: /count: expected an integer, found the string \"3\"",
                "t.json:1:52: error: /signed: expected a date YYYY-MM-DD, found the number 20230105",
                "t.json:1:70: error: /flag: expected true or false, found the string \"true\"",
                "t.json:2:9: error: /info: expected an object {…}, found null",
                "t.json:2:23: error: /unit: expected one of: 元, 万元; found \"美元\"",
                "t.json:2:37: error: /rows: expected an array […], found an object",
                "t.json:2:57: error: /scores/a: expected an integer, found the number 1.5",
            }));
}

TEST(Typing, NullWhereAnObjectIsRequiredIsOneErrorNotACascade) {
  // "info" requires "x"; a null info is one error, not also "missing x".
  const auto result = load_text(R"({"name": "x", "amount": 1, "info": null})");
  EXPECT_EQ(messages(result),
            std::vector<std::string>{"t.json:1:36: error: /info: expected an object {…}, found null"});
  EXPECT_TRUE(result.document->root.find("info")->is_null());
}

TEST(Typing, WrongValuesNeverReachTheTree) {
  // A rejected value is null in the tree: a rule can never read a wrong number.
  const auto result = load_text(R"({"name": "x", "amount": "1.2.3", "signed": "2023-02-30", "count": 1.5})");
  EXPECT_FALSE(result.ok());
  const Value& root = result.document->root;
  EXPECT_TRUE(root.find("amount")->is_null());
  EXPECT_TRUE(root.find("signed")->is_null());
  EXPECT_TRUE(root.find("count")->is_null());
}

TEST(Typing, DecimalFieldsMustBePlainDigitsHoweverWritten) {
  const auto result = load_text(R"({"name": "x", "amount": 1E+3, "rows": [{"amount": 1E+3}]})");
  EXPECT_EQ(
      messages(result),
      std::vector<std::string>{"t.json:1:25: error: /amount: expected a decimal number in plain digits, no "
                               "exponent (e.g. 1234.50), found the number 1E+3"});
  // Without a pattern in the schema, an exponent is an exact value like any other.
  EXPECT_EQ(result.document->root.find("rows")->as_array()[0].find("amount")->as_decimal().to_string(),
            "1000");
  EXPECT_EQ(
      messages(load_text(R"({"name": "x", "amount": "+5"})")),
      std::vector<std::string>{"t.json:1:25: error: /amount: expected a decimal number in plain digits, no "
                               "exponent (e.g. 1234.50), found the string \"+5\""});
}

TEST(Typing, ControlCharactersInQuotedTextAreEscaped) {
  // A diagnostic stays on one line whatever the value holds.
  EXPECT_EQ(messages(load_text(R"({"name": "x", "amount": "12\n34\u0001"})")),
            std::vector<std::string>{
                "t.json:1:25: error: /amount: expected a decimal number (e.g. 1234.50), found the string "
                "\"12\\n34\\u0001\""});
}

TEST(Typing, LongTextIsShortenedAtACharacterBoundary) {
  std::string name(39, 'a');
  const auto result = load_text("{\"name\": \"x\", \"amount\": \"" + name + "档案馆\"}");
  EXPECT_EQ(messages(result),
            std::vector<std::string>{"t.json:1:25: error: /amount: expected a decimal number "
                                     "(e.g. 1234.50), found the string \"" +
                                     name + "…\""});
}

TEST(Typing, MessagesInChinese) {
  const auto result = load_text(R"({"name": "", "amount": true, "signed": "2023-13-01"})", ".", Lang::zh);
  EXPECT_EQ(messages(result, Lang::zh),
            (std::vector<std::string>{
                "t.json:1:10: 错误: /name: 不能为空字符串",
                "t.json:1:24: 错误: /amount: 应为十进制数（如 1234.50），实际为布尔值 true",
                "t.json:1:40: 错误: /signed: 日期 \"2023-13-01\" 不存在",
            }));
}

// ---------------------------------------------------------------------------
// Unknown fields

TEST(UnknownFields, AreKeptWithTheirJsonTypes) {
  const auto result =
      load_text(R"({"name": "x", "amount": 1, "extra": {"n": 1.50, "list": [true, null, "s"]}})");
  EXPECT_TRUE(result.ok());
  EXPECT_EQ(messages(result),
            std::vector<std::string>{
                "t.json:1:37: warning: /extra: unknown field \"extra\" (not in the schema; kept)"});
  const Value* extra = result.document->root.find("extra");
  ASSERT_NE(extra, nullptr);
  EXPECT_EQ(extra->find("n")->as_decimal().to_string(), "1.50");
  const auto& list = extra->find("list")->as_array();
  ASSERT_EQ(list.size(), 3U);
  EXPECT_TRUE(list[0].as_bool());
  EXPECT_TRUE(list[1].is_null());
  EXPECT_EQ(list[2].as_string(), "s");
}

TEST(UnknownFields, AnUnknownCsvColumnIsOneWarningAtItsHeader) {
  TempDir dir;
  write(dir.path() / "rows.csv", "id,colour\nR1,red\nR2,blue\nR3,\n");
  const auto result = load_text(R"({"name": "x", "amount": 1, "tables": {"rows": "rows.csv"}})", dir.str(),
                                Lang::en, schema());
  EXPECT_TRUE(result.ok());
  // Sorted by file name first: here the CSV, in /tmp, before t.json.
  EXPECT_EQ(messages(result),
            (std::vector<std::string>{
                (dir.path() / "rows.csv").string() +
                    ":1:2: warning: /rows/0/colour: unknown column \"colour\" (no such field in "
                    "the schema; kept)",
                "t.json:1:38: warning: /tables: unknown field \"tables\" (not in the schema; kept)",
            }));
  EXPECT_EQ(result.document->root.find("rows")->as_array()[1].find("colour")->as_string(), "blue");
}

// ---------------------------------------------------------------------------
// CSV tables

TEST(CsvTables, RowsAreTypedByTheSchemaAndPositionedByLineAndColumn) {
  TempDir dir;
  write(dir.path() / "rows.csv",
        "\xEF\xBB\xBFid,amount,on,ok\r\n\"R\n1\",1.50,2023-01-05,true\r\n\r\nR2,x,2023-02-30,是\r\n");
  LoadOptions options;
  options.lang = Lang::en;
  options.tables["rows"] = (dir.path() / "rows.csv").string();
  const auto result =
      jx::data::load_department_text(schema(), R"({"name": "x", "amount": 1})", "t.json", dir.str(), options);
  const std::string csv = (dir.path() / "rows.csv").string();
  // Row R2 starts on line 5: R1's first cell holds a line break and line 4 is empty.
  EXPECT_EQ(messages(result),
            (std::vector<std::string>{
                csv + ":5:2: error: /rows/1/amount: expected a decimal number (e.g. 1234.50), "
                      "found the string \"x\"",
                csv + ":5:3: error: /rows/1/on: no such date: \"2023-02-30\"",
            }));
  const auto& rows = result.document->root.find("rows")->as_array();
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].find("id")->as_string(), "R\n1");
  EXPECT_EQ(line_column(*rows[0].find("amount")), "3:2");  // R1 started on line 2; its second cell on line 3
  EXPECT_EQ(rows[0].find("amount")->as_decimal().to_string(), "1.50");
  EXPECT_EQ(rows[0].find("on")->as_date().to_string(), "2023-01-05");
  EXPECT_TRUE(rows[1].find("ok")->as_bool());  // "是"
  EXPECT_EQ(result.document->files.at(rows[0].pos().file), csv);
}

// Excel on a Chinese Windows saves "CSV" in GBK: read as GB18030, with one
// warning naming the encoding at the file; positions are those of the file.
TEST(CsvTables, AGbkTableIsReadWithAWarningNamingTheEncoding) {
  TempDir dir;
  // "id,amount,on\r\n一号,1.50,2023-01-05\r\n二号,x,2023-01-06\r\n" in GBK (一 = D2BB, 号 = BAC5, 二 = B6FE).
  write(dir.path() / "rows.csv",
        "id,amount,on\r\n\xD2\xBB\xBA\xC5,1.50,2023-01-05\r\n\xB6\xFE\xBA\xC5,x,2023-01-06\r\n");
  const std::string csv = (dir.path() / "rows.csv").string();
  for (const Lang lang : {Lang::en, Lang::zh}) {
    LoadOptions options;
    options.lang = lang;
    options.tables["rows"] = csv;
    const auto result = jx::data::load_department_text(schema(), R"({"name": "x", "amount": 1})", "t.json",
                                                       dir.str(), options);
    EXPECT_EQ(
        messages(result, lang),
        lang == Lang::en
            ? (std::vector<std::string>{
                  csv + ": warning: the CSV is not UTF-8; it was read as GB18030 (GBK): check its text, or "
                        "save it as \"CSV UTF-8\" in Excel",
                  csv + ":3:2: error: /rows/1/amount: expected a decimal number (e.g. 1234.50), "
                        "found the string \"x\""})
            : (std::vector<std::string>{
                  csv + ": 警告: 该 CSV 不是 UTF-8 编码，已按 GB18030（GBK）编码读取；请核对其中文字，或在 "
                        "Excel 中另存为“CSV UTF-8”",
                  csv + ":3:2: 错误: /rows/1/amount: 应为十进制数（如 1234.50），实际为字符串 \"x\""}));
    const auto& rows = result.document->root.find("rows")->as_array();
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].find("id")->as_string(), "一号");
    EXPECT_EQ(rows[1].find("id")->as_string(), "二号");
    EXPECT_EQ(rows[0].find("amount")->as_decimal().to_string(), "1.50");
  }
}

TEST(CsvTables, AUtf8TableWithABomGivesNoEncodingWarning) {
  TempDir dir;
  write(dir.path() / "rows.csv", "\xEF\xBB\xBFid,amount\r\n一号,1.50\r\n");
  LoadOptions options;
  options.lang = Lang::en;
  options.tables["rows"] = (dir.path() / "rows.csv").string();
  const auto result =
      jx::data::load_department_text(schema(), R"({"name": "x", "amount": 1})", "t.json", dir.str(), options);
  EXPECT_TRUE(messages(result).empty()) << testing::PrintToString(messages(result));
  EXPECT_EQ(result.document->root.find("rows")->as_array()[0].find("id")->as_string(), "一号");
}

TEST(CsvTables, NestedRowsFollowTheirParentKey) {
  TempDir dir;
  write(dir.path() / "kids.csv", "pid,v\nb,2\na,1\nb,3\n");
  LoadOptions options;
  options.tables["kids"] = (dir.path() / "kids.csv").string();
  const auto result = jx::data::load_department_text(
      schema(), R"({"name": "x", "amount": 1, "parents": [{"id": "a"}, {"id": "b"}, {"id": "c"}]})", "t.json",
      dir.str(), options);
  ASSERT_TRUE(result.ok()) << testing::PrintToString(messages(result));
  const auto& parents = result.document->root.find("parents")->as_array();
  auto values = [](const Value& parent) {
    std::vector<std::string> out;
    for (const Value& kid : parent.find("kids")->as_array())
      out.push_back(kid.find("v")->as_decimal().to_string());
    return out;
  };
  EXPECT_EQ(values(parents[0]), std::vector<std::string>{"1"});
  EXPECT_EQ(values(parents[1]), (std::vector<std::string>{"2", "3"}));
  EXPECT_TRUE(values(parents[2]).empty());  // a parent with no rows gets an empty list
}

// The caller hashes the input from these bytes instead of reading each file
// again: every file read, in the order of Document::files, byte for byte.
TEST(CsvTables, OnReadSeesEveryFileReadInTheOrderOfTheDocumentsFiles) {
  TempDir dir;
  const std::string json =
      "{\"name\": \"x\", \"amount\": 1, \"tables\": {\"rows\": \"rows.csv\", \"none\": \"none.csv\"}}";
  write(dir.path() / "department.json", json);
  write(dir.path() / "rows.csv", "\xEF\xBB\xBFid\r\nR1\r\n");
  LoadOptions options;
  std::vector<std::string> seen;
  options.on_read = [&seen](std::string_view bytes) { seen.emplace_back(bytes); };
  const Schema open = Schema::from_text(
      R"({"type": "object", "properties": {"tables": {"type": "object"},
          "rows": {"type": "array", "items": {"type": "object"}, "x-csv": {"table": "rows"}}}})",
      "open.json");
  const auto result = jx::data::load_department(open, (dir.path() / "department.json").string(), options);
  ASSERT_NE(result.document, nullptr);
  // none.csv is named but unknown to the schema: not read, not in files, not seen.
  EXPECT_EQ(result.document->files, (std::vector<std::string>{(dir.path() / "department.json").string(),
                                                              (dir.path() / "rows.csv").string()}));
  EXPECT_EQ(seen, (std::vector<std::string>{json, "\xEF\xBB\xBFid\r\nR1\r\n"}));
}

TEST(CsvTables, ACommandLineTableOverridesTheFilesOwn) {
  TempDir dir;
  write(dir.path() / "a.csv", "id\nfrom-json\n");
  write(dir.path() / "b.csv", "id\nfrom-option\n");
  LoadOptions options;
  options.tables["rows"] = (dir.path() / "b.csv").string();
  const Schema open = Schema::from_text(
      R"({"type": "object", "properties": {"tables": {"type": "object"},
          "rows": {"type": "array", "items": {"type": "object"}, "x-csv": {"table": "rows"}}}})",
      "open.json");
  const auto result =
      jx::data::load_department_text(open, R"({"tables": {"rows": "a.csv"}})", "t.json", dir.str(), options);
  ASSERT_TRUE(result.ok()) << testing::PrintToString(messages(result));
  EXPECT_EQ(result.document->root.find("rows")->as_array()[0].find("id")->as_string(), "from-option");
}

// ---------------------------------------------------------------------------
// Files

TEST(Files, AFileThatCannotBeReadHasNoDocument) {
  const auto result = jx::data::load_department(schema(), "/nonexistent/department.json");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.document, nullptr);
  EXPECT_EQ(messages(result, Lang::zh),
            std::vector<std::string>{"/nonexistent/department.json: 错误: 无法读取文件：文件不存在"});
}

TEST(Files, ADirectoryIsNotAFile) {
  TempDir dir;
  LoadOptions options;
  options.lang = Lang::en;
  const auto result = jx::data::load_department(schema(), dir.str(), options);
  EXPECT_EQ(
      messages(result),
      std::vector<std::string>{dir.str() + ": error: cannot read the file: it is a directory, not a file"});
}

TEST(Files, TheInputFilesAreNeverModified) {
  const fs::path file = jx::test::source_path("/tests/data/valid/excel-csv/department.json");
  const fs::path csv = jx::test::source_path("/tests/data/valid/excel-csv/procurements.csv");
  const std::string before = read(file) + read(csv);
  const auto time = fs::last_write_time(csv);
  ASSERT_TRUE(jx::data::load_department(department_schema(), file.string()).ok());
  EXPECT_EQ(read(file) + read(csv), before);
  EXPECT_EQ(fs::last_write_time(csv), time);
}

// ---------------------------------------------------------------------------
// The data's shape lives in the schema (issue 3, "Done when")

TEST(SchemaDriven, ANewFieldInTheSchemaReachesTheTreeWithNoCodeChange) {
  TempDir dir;
  // A copy of the real schema with one new top-level field and one new procurement column.
  std::string text = read(jx::test::source_path("/schemas/department.schema.json"));
  const std::string top = "\"self_evaluation\": {";
  const std::string column = "\"compliance_issues\": {";
  ASSERT_EQ(std::count(text.begin(), text.end(), '\n') > 0, true);
  const auto at_top = text.find(top);
  ASSERT_NE(at_top, std::string::npos) << "the schema has changed: pick another anchor";
  text.insert(at_top, R"("green_procurement_share": {"$ref": "#/$defs/decimal", "title": "绿色采购占比（%）"},
    )");
  const auto at_column = text.find(column);
  ASSERT_NE(at_column, std::string::npos) << "the schema has changed: pick another anchor";
  text.insert(at_column, R"("energy_label": {"type": "string", "title": "能效标识", "enum": ["一级", "二级"]},
        )");
  write(dir.path() / "department.schema.json", text);
  const Schema extended = Schema::load((dir.path() / "department.schema.json").string());

  // A copy of the CSV sample, with the new field in the JSON and the new column in the CSV.
  const fs::path sample = jx::test::source_path("/samples/gz-2023-dangan-csv");
  for (const auto& entry : fs::directory_iterator(sample))
    fs::copy(entry.path(), dir.path() / entry.path().filename());
  std::string json = read(dir.path() / "department.json");
  json.insert(json.find('{') + 1, "\n  \"green_procurement_share\": \"12.50\",");
  write(dir.path() / "department.json", json);
  std::string csv = read(dir.path() / "procurements.csv");
  std::istringstream lines(csv);
  std::string with_column;
  bool header = true;
  for (std::string line; std::getline(lines, line);) {
    const bool cr = !line.empty() && line.back() == '\r';
    if (cr) line.pop_back();
    line += header ? ",energy_label" : ",一级";
    with_column += line + (cr ? "\r\n" : "\n");
    header = false;
  }
  write(dir.path() / "procurements.csv", with_column);

  LoadOptions options;
  options.lang = Lang::en;
  const auto result = jx::data::load_department(extended, (dir.path() / "department.json").string(), options);
  ASSERT_TRUE(result.ok()) << testing::PrintToString(messages(result));
  EXPECT_TRUE(result.diagnostics.empty()) << testing::PrintToString(messages(result));
  const Value& root = result.document->root;
  const Value* share = root.find("green_procurement_share");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->kind(), Value::Kind::decimal);  // typed by the schema: an exact decimal
  EXPECT_EQ(share->as_decimal().to_string(), "12.50");
  EXPECT_EQ(line_column(*share), "2:30");
  const auto& procurements = root.find("procurements")->as_array();
  ASSERT_FALSE(procurements.empty());
  for (const Value& p : procurements) EXPECT_EQ(p.find("energy_label")->as_string(), "一级");

  // With the shipped schema the same data loads too, with the new data kept
  // and a warning for each new field: the schema, not C++, decides.
  const auto old =
      jx::data::load_department(department_schema(), (dir.path() / "department.json").string(), options);
  EXPECT_TRUE(old.ok());
  ASSERT_EQ(old.diagnostics.size(), 2U) << testing::PrintToString(messages(old));
  EXPECT_EQ(old.diagnostics[0].message,
            "unknown field \"green_procurement_share\" (not in the schema; kept)");
  EXPECT_EQ(old.diagnostics[1].message,
            "unknown column \"energy_label\" (no such field in the schema; kept)");
  EXPECT_EQ(old.document->root.find("green_procurement_share")->as_string(), "12.50");  // untyped: as written
}

// ---------------------------------------------------------------------------
// Samples

std::vector<fs::path> sample_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(jx::test::source_path("/samples"))) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(Samples, EverySampleValidatesWithoutErrorsOrWarnings) {
  const auto files = sample_files();
  ASSERT_FALSE(files.empty()) << "no samples found under " << jx::test::source_path("/samples");
  bool flawed = false;
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    flawed = flawed || file.parent_path().filename() == "flawed";
    LoadOptions options;
    options.lang = Lang::en;
    const auto result = jx::data::load_department(department_schema(), file.string(), options);
    EXPECT_TRUE(result.ok());
    EXPECT_EQ(messages(result), std::vector<std::string>{});
  }
  EXPECT_TRUE(flawed) << "no samples/flawed/*.json found";
}

TEST(Samples, TheCsvSampleLoadsTheSameFiguresAsItsJsonTwin) {
  // samples/gz-2023-dangan-csv is samples/gz-2023-dangan.json with the long lists in CSV tables.
  const auto json =
      jx::data::load_department(department_schema(), jx::test::source_path("/samples/gz-2023-dangan.json"));
  const auto csv = jx::data::load_department(
      department_schema(), jx::test::source_path("/samples/gz-2023-dangan-csv/department.json"));
  ASSERT_TRUE(json.ok());
  ASSERT_TRUE(csv.ok());
  for (const char* list : {"procurements", "projects"}) {
    SCOPED_TRACE(list);
    const Value* a = json.document->root.find(list);
    const Value* b = csv.document->root.find(list);
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    ASSERT_EQ(a->as_array().size(), b->as_array().size());
    for (std::size_t i = 0; i < a->as_array().size(); ++i) {
      EXPECT_EQ(a->as_array()[i].find("id")->as_string(), b->as_array()[i].find("id")->as_string());
    }
  }
  const Value* a = json.document->root.find_path("budget.monthly");
  const Value* b = csv.document->root.find_path("budget.monthly");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_EQ(a->as_array().size(), b->as_array().size());
  for (std::size_t i = 0; i < a->as_array().size(); ++i) {
    EXPECT_EQ(a->as_array()[i].find("cumulative_spent")->as_decimal(),
              b->as_array()[i].find("cumulative_spent")->as_decimal());
  }
}

TEST(SharedDocument, ReadFromManyThreadsAtOnce) {
  const auto result =
      jx::data::load_department(department_schema(), jx::test::source_path("/samples/gz-2023-dangan.json"));
  ASSERT_TRUE(result.ok());
  const std::shared_ptr<const jx::data::Document> doc = result.document;
  const std::string expected = doc->root.find_path("budget.spent")->as_decimal().to_string();
  std::vector<std::string> seen(8);
  std::vector<std::thread> threads;
  for (auto& s : seen) {
    threads.emplace_back([doc, &s] {
      for (int i = 0; i < 100; ++i) s = doc->root.find_path("budget.spent")->as_decimal().to_string();
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& s : seen) EXPECT_EQ(s, expected);
}

}  // namespace

namespace {

// ---------------------------------------------------------------------------
// Limits: large inputs load correctly. Their speed is measured in bench/, not
// asserted here; quadratic work (which these inputs used to trigger) would show
// as a ctest timeout.

std::string fmt_key(int i) { return "\"k" + std::to_string(i) + "\": " + std::to_string(i % 7); }

TEST(Limits, AnObjectWith100000KeysOnOneLineLoads) {
  std::string text = R"({"name": "x", "amount": 1, "scores": {)";
  for (int i = 0; i < 100000; ++i) text += (i > 0 ? "," : "") + fmt_key(i);
  text += "}}";
  const auto result = load_text(text);
  ASSERT_TRUE(result.ok());
  const auto& scores = result.document->root.find("scores")->as_object();
  ASSERT_EQ(scores.size(), 100000U);
  // Columns stay exact along a very long line.
  EXPECT_EQ(scores.back().value.pos().column, text.size() - 2);
}

TEST(Limits, ManyParentsAndNestedCsvRowsLoad) {
  TempDir dir;
  constexpr int parents = 20000;
  std::string json = R"({"name": "x", "amount": 1, "parents": [)";
  std::string csv = "pid,v\n";
  for (int i = 0; i < parents; ++i) {
    json += (i > 0 ? ",{\"id\": \"p" : "{\"id\": \"p") + std::to_string(i) + "\"}";
    csv += "p" + std::to_string(parents - 1 - i) + ",1\np" + std::to_string(i) + ",2\n";
  }
  json += "]}";
  write(dir.path() / "kids.csv", csv);
  LoadOptions options;
  options.tables["kids"] = (dir.path() / "kids.csv").string();
  const auto result = jx::data::load_department_text(schema(), json, "t.json", dir.str(), options);
  ASSERT_TRUE(result.ok()) << testing::PrintToString(messages(result));
  const auto& last = result.document->root.find("parents")->as_array().back();
  ASSERT_EQ(last.find("kids")->as_array().size(), 2U);
}

// The schema's own patterns are matched by hand, not by std::regex: the result
// must be std::regex's (ECMAScript search) for every text, tricky ones included.
TEST(SchemaPatterns, HandMatchersAgreeWithStdRegex) {
  const std::vector<std::string> patterns = {
      "^[0-9]+(\\.[0-9]+)?$",   "^[0-9]+([.][0-9]+)?$",         "^-?[0-9]+(\\.[0-9]+)?$",
      "^-?[0-9]+([.][0-9]+)?$", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "^[0-9a-f]{4}$",  // the last: std::regex
  };
  const std::vector<std::string> texts = {
      "",         "0",    "7",    "1234.50",    "-1234.50",     "+1",          "1.",         ".5",
      "1.2.3",    "--1",  "-",    "1e5",        "4.37998869E7", " 1",          "1 ",         "1\n",
      "\n1",      "12a",  "١٢",   "2023-09-25", "2023-9-25",    "2023-09-255", "2023/09/25", "-2023-09-25",
      "20230925", "abcd", "0x1f", "1,234.50",   "99.85%",       "0.000",       "00012.3400",
  };
  for (const std::string& pattern : patterns) {
    std::string escaped;
    for (const char c : pattern) escaped += c == '\\' ? std::string("\\\\") : std::string(1, c);
    const Schema schema = Schema::from_text(
        R"({"type": "object", "properties": {"a": {"type": "string", "pattern": ")" + escaped + R"("}}})",
        "inline");
    const jx::data::SchemaNode* node = schema.root().property("a");
    ASSERT_NE(node, nullptr);
    const std::regex reference(pattern, std::regex::ECMAScript);
    for (const std::string& text : texts) {
      EXPECT_EQ(node->matches_pattern(text), std::regex_search(text, reference))
          << pattern << " on \"" << text << "\"";
    }
  }
}

}  // namespace
