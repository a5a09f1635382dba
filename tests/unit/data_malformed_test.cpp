// The malformed-input corpus (tests/data/malformed/, written by its generate.py):
// every file loads without crashing or hanging, is rejected, and gives exactly
// the diagnostics listed here — in English, and for a representative handful
// also in Chinese. Each file is a small department with one defect.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "data/department.hpp"
#include "source_dir.hpp"

namespace {

namespace fs = std::filesystem;
using jx::Lang;
using jx::data::LoadOptions;
using jx::data::Schema;

const std::string corpus_dir = jx::test::source_path("/tests/data/malformed");

struct Case {
  std::string file;
  std::vector<std::string> en;  // every diagnostic, in order, file names relative to the corpus
  std::vector<std::string> zh;  // the same in Chinese; empty: checked in English only
  std::map<std::string, std::string> tables = {};  // LoadOptions::tables, paths relative to the corpus
};

// clang-format off
const std::vector<Case> cases = {
    {"array-too-long.json",
     {"array-too-long.json:13:16: error: /budget/monthly: expected at most 12 items, found 13"},
     {}},
    {"bom-only.json",
     {"bom-only.json:1:1: error: the file is empty: expected a JSON object"},
     {}},
    {"bom-then-whitespace.json",
     {"bom-then-whitespace.json:1:1: error: the file is empty: expected a JSON object"},
     {}},
    {"csv-and-json.json",
     {"csv-and-json.json:13:16: error: /budget/monthly: \"monthly\" is given both in the JSON and in the CSV table monthly; give it in one place"},
     {}},
    {"csv-bad-cells.json",
     {"csv-bad-cells.procurements.csv:3:5: error: /procurements/0/budget: expected a decimal number (e.g. 1234.50), found the string \"1,234.50\"",
      "csv-bad-cells.procurements.csv:3:7: error: /procurements/0/contract_signed: expected a date YYYY-MM-DD, found the string \"2023/3/1\"",
      "csv-bad-cells.procurements.csv:3:8: error: /procurements/0/sme_suitable: expected true or false, found the string \"Y\"",
      "csv-bad-cells.procurements.csv:4:5: error: /procurements/1/budget: -300.00 is below the minimum 0",
      "csv-bad-cells.procurements.csv:4:7: error: /procurements/1/contract_signed: no such date: \"2023-02-29\"",
      "csv-bad-cells.procurements.csv:4:9: error: /procurements/1/compliance_issues/1: must not be an empty string",
      "csv-bad-cells.procurements.csv:6:3: error: /procurements/2/category: expected one of: goods, services, works; found \"service\""},
     {"csv-bad-cells.procurements.csv:3:5: 错误: /procurements/0/budget: 应为十进制数（如 1234.50），实际为字符串 \"1,234.50\"",
      "csv-bad-cells.procurements.csv:3:7: 错误: /procurements/0/contract_signed: 应为日期 YYYY-MM-DD，实际为字符串 \"2023/3/1\"",
      "csv-bad-cells.procurements.csv:3:8: 错误: /procurements/0/sme_suitable: 应为布尔值 true 或 false，实际为字符串 \"Y\"",
      "csv-bad-cells.procurements.csv:4:5: 错误: /procurements/1/budget: 数值 -300.00 小于最小值 0",
      "csv-bad-cells.procurements.csv:4:7: 错误: /procurements/1/contract_signed: 日期 \"2023-02-29\" 不存在",
      "csv-bad-cells.procurements.csv:4:9: 错误: /procurements/1/compliance_issues/1: 不能为空字符串",
      "csv-bad-cells.procurements.csv:6:3: 错误: /procurements/2/category: 应为以下之一：goods、services、works；实际为 \"service\""}},
    {"csv-empty.json",
     {"csv-empty.monthly.csv:1:1: error: empty CSV file: the first row must be a header of field names"},
     {}},
    {"csv-not-gb18030.json",
     {"csv-not-gb18030.projects.csv:2:2: error: neither valid UTF-8 nor GB18030 (GBK): save the CSV as UTF-8 (in Excel: \"CSV UTF-8\")"},
     {"csv-not-gb18030.projects.csv:2:2: 错误: 既不是有效的 UTF-8 文本，也不是 GB18030（GBK）：CSV 应以 UTF-8 编码保存（Excel 中选择“CSV UTF-8”）"}},
    {"csv-header-only-blank.json",
     {"csv-header-only-blank.monthly.csv:1:2: error: header column 2 has no field name",
      "csv-header-only-blank.monthly.csv:1:4: error: field name \"month\" appears twice in the header"},
     {}},
    {"csv-missing-header-ids.json",
     {"csv-missing-header-ids.procurements.csv:1:1: error: the first row (\"CG-1\", \"办公设备\", \"goods\", …) has no field name of this table: it must be the header (is the header missing?)"},
     {}},
    {"csv-missing-header.json",
     {"csv-missing-header.monthly.csv:1:1: error: the first row (\"1\", \"80.00\") has no field name of this table: it must be the header (is the header missing?)"},
     {"csv-missing-header.monthly.csv:1:1: 错误: 第一行（\"1\"、\"80.00\"）中没有该表的字段名：第一行应为表头（是否缺少表头行？）"}},
    {"csv-orphan-target.json",
     {"csv-orphan-target.targets.csv:3:1: error: project_id \"P99\" matches no parent record; the row was not loaded",
      "csv-orphan-target.targets.csv:4:1: error: the row has no project_id, so it belongs to no parent record; the row was not loaded"},
     {"csv-orphan-target.targets.csv:3:1: 错误: project_id \"P99\" 找不到对应的上级记录；该行未载入",
      "csv-orphan-target.targets.csv:4:1: 错误: 该行没有 project_id，无法确定上级记录；该行未载入"}},
    {"csv-quote-in-unquoted-field.json",
     {"csv-quote-in-unquoted-field.monthly.csv:2:2: error: malformed CSV: a '\"' inside an unquoted cell, or text after a closing quote (RFC 4180)"},
     {}},
    {"csv-ragged-rows.json",
     {"csv-ragged-rows.monthly.csv:3:1: error: the row has 3 cells; the header has 2",
      "csv-ragged-rows.monthly.csv:4:1: error: the row has 1 cell; the header has 2"},
     {"csv-ragged-rows.monthly.csv:3:1: 错误: 该行有 3 个单元格，表头有 2 个",
      "csv-ragged-rows.monthly.csv:4:1: 错误: 该行有 1 个单元格，表头有 2 个"}},
    {"csv-table-is-directory.json",
     {"csv-table-is-directory.json:15:16: error: /tables/monthly: cannot read CSV table csv-table-is-directory.monthly.csv: it is a directory, not a file"},
     {}},
    {"csv-table-not-found.json",
     {"csv-table-not-found.json:15:16: error: /tables/monthly: cannot read CSV table csv-table-not-found.monthly.csv: no such file"},
     {"csv-table-not-found.json:15:16: 错误: /tables/monthly: 无法读取 CSV 表 csv-table-not-found.monthly.csv：文件不存在"}},
    {"csv-table-without-parent-object.json",
     {"csv-table-without-parent-object.json:1:1: error: /budget: missing required field \"budget\"",
      "csv-table-without-parent-object.json:11:16: error: /tables/monthly: the CSV table \"monthly\" (for /budget/monthly) was not loaded: the object it belongs in is missing"},
     {"csv-table-without-parent-object.json:1:1: 错误: /budget: 缺少必填字段 \"budget\"",
      "csv-table-without-parent-object.json:11:16: 错误: /tables/monthly: CSV 表 \"monthly\"（对应 /budget/monthly）未载入：其所属的上级对象不存在"}},
    {"csv-targets-without-projects.json",
     {"csv-targets-without-projects.targets.csv:2:1: error: project_id \"P01\" matches no parent record; the row was not loaded"},
     {}},
    {"csv-text-after-quote.json",
     {"csv-text-after-quote.monthly.csv:2:2: error: malformed CSV: a '\"' inside an unquoted cell, or text after a closing quote (RFC 4180)"},
     {}},
    {"csv-unbalanced-quotes.json",
     {"csv-unbalanced-quotes.monthly.csv:2:2: error: malformed CSV: this cell opens a quote that is never closed"},
     {}},
    {"csv-unknown-column.json",
     {"csv-unknown-column.procurements.csv:1:5: warning: /procurements/0/budjet: unknown column \"budjet\" (no such field in the schema; kept)",
      "csv-unknown-column.procurements.csv:2:1: error: /procurements/0/budget: missing required field \"budget\"",
      "csv-unknown-column.procurements.csv:3:1: error: /procurements/1/budget: missing required field \"budget\""},
     {"csv-unknown-column.procurements.csv:1:5: 警告: /procurements/0/budjet: 未知列 \"budjet\"（schema 中没有该字段；已保留）",
      "csv-unknown-column.procurements.csv:2:1: 错误: /procurements/0/budget: 缺少必填字段 \"budget\"",
      "csv-unknown-column.procurements.csv:3:1: 错误: /procurements/1/budget: 缺少必填字段 \"budget\""}},
    {"csv-unknown-table.json",
     {"csv-unknown-table.json:12:14: error: /budget/spent: expected a decimal number (e.g. 1234.50), found the string \"x\"",
      "csv-unknown-table.json:15:18: warning: /tables/contracts: unknown field \"contracts\" (not in the schema; kept)"},
     {}},
    {"date-as-number.json",
     {"date-as-number.json:16:18: error: /source/published: expected a date YYYY-MM-DD, found the number 20230105"},
     {}},
    {"date-february-30.json",
     {"date-february-30.json:16:18: error: /source/published: no such date: \"2023-02-30\""},
     {"date-february-30.json:16:18: 错误: /source/published: 日期 \"2023-02-30\" 不存在"}},
    {"date-month-13.json",
     {"date-month-13.json:16:18: error: /source/published: no such date: \"2023-13-01\""},
     {}},
    {"date-slashes.json",
     {"date-slashes.json:16:18: error: /source/published: expected a date YYYY-MM-DD, found the string \"2023/01/05\""},
     {}},
    {"duplicate-key-nested-value.json",
     {"duplicate-key-nested-value.json:4:13: error: /budget/spent: missing required field \"spent\"",
      "duplicate-key-nested-value.json:4:26: error: /budget/adjusted: expected a decimal number (e.g. 1234.50), found an array",
      "duplicate-key-nested-value.json:11:3: error: /budget: duplicate key \"budget\" (first at line 4, column 3)"},
     {}},
    {"duplicate-key.json",
     {"duplicate-key.json:9:5: error: /department/name: duplicate key \"name\" (first at line 7, column 5)"},
     {"duplicate-key.json:9:5: 错误: /department/name: 重复的字段名 \"name\"（首次出现在第 7 行第 5 列）"}},
    {"empty.json",
     {"empty.json:1:1: error: the file is empty: expected a JSON object"},
     {}},
    {"integer-below-minimum.json",
     {"integer-below-minimum.json:3:18: error: /fiscal_year: 1999 is below the minimum 2000"},
     {}},
    {"invalid-utf8-in-string.json",
     {"invalid-utf8-in-string.json:7:14: error: invalid UTF-8 in a string: save the file as UTF-8 (GBK is not supported)"},
     {}},
    {"invalid-utf8-outside-string.json",
     {"invalid-utf8-outside-string.json:3:23: error: invalid UTF-8 byte 0xFF: save the file as UTF-8"},
     {}},
    {"missing-required.json",
     {"missing-required.json:5:17: error: /department/level: missing required field \"level\"",
      "missing-required.json:9:13: error: /budget/spent: missing required field \"spent\""},
     {"missing-required.json:5:17: 错误: /department/level: 缺少必填字段 \"level\"",
      "missing-required.json:9:13: 错误: /budget/spent: 缺少必填字段 \"spent\""}},
    {"money-1.2.3.json",
     {"money-1.2.3.json:12:14: error: /budget/spent: expected a decimal number (e.g. 1234.50), found the string \"1.2.3\""},
     {"money-1.2.3.json:12:14: 错误: /budget/spent: 应为十进制数（如 1234.50），实际为字符串 \"1.2.3\""}},
    {"money-2000-digit-fraction.json",
     {"money-2000-digit-fraction.json:12:14: error: /budget/spent: number out of range (at most 1000 digits, exponent within ±10000): 0.33333333333333333333333333333333333333…"},
     {}},
    {"money-exponent-number.json",
     {"money-exponent-number.json:12:14: error: /budget/spent: expected a decimal number in plain digits, no exponent (e.g. 1234.50), found the number 9.905E2"},
     {"money-exponent-number.json:12:14: 错误: /budget/spent: 应为普通写法的十进制数（如 1234.50，不用科学计数法），实际为数字 9.905E2"}},
    {"money-exponent-string.json",
     {"money-exponent-string.json:12:14: error: /budget/spent: expected a decimal number in plain digits, no exponent (e.g. 1234.50), found the string \"9.905E2\""},
     {}},
    {"money-negative-string.json",
     {"money-negative-string.json:13:16: error: /budget/initial: -5.00 is below the minimum 0"},
     {}},
    {"money-negative.json",
     {"money-negative.json:13:16: error: /budget/initial: -5 is below the minimum 0"},
     {}},
    {"money-thousands-separator.json",
     {"money-thousands-separator.json:12:14: error: /budget/spent: expected a decimal number (e.g. 1234.50), found the string \"1,234.50\""},
     {}},
    {"money-unit-usd.json",
     {"money-unit-usd.json:4:17: error: /money_unit: expected one of: 元, 万元; found \"美元\""},
     {"money-unit-usd.json:4:17: 错误: /money_unit: 应为以下之一：元、万元；实际为 \"美元\""}},
    {"nesting-10000-deep.json",
     {"nesting-10000-deep.json:5:111: error: nesting deeper than 100 levels"},
     {}},
    {"nul-bytes.json",
     {"nul-bytes.json:15:1: error: a NUL byte (\\0): the file is not UTF-8 text (UTF-16, or damaged?)"},
     {}},
    {"nul-in-string.json",
     {"nul-in-string.json:7:16: error: a NUL byte (\\0): the file is not UTF-8 text (UTF-16, or damaged?)"},
     {}},
    {"number-10000-digits.json",
     {"number-10000-digits.json:12:14: error: number too large: more than 308 digits, or an exponent above 308"},
     {}},
    {"number-huge-exponent.json",
     {"number-huge-exponent.json:12:14: error: number too large: more than 308 digits, or an exponent above 308"},
     {}},
    {"option-tables.json",
     {"option-tables.json:1:1: warning: /tables/contracts: the schema has no table \"contracts\"; the CSV was not read",
      "option-tables.json:1:1: error: /tables/monthly: cannot read CSV table missing.csv: no such file"},
     {"option-tables.json:1:1: 警告: /tables/contracts: schema 中没有名为 \"contracts\" 的表；未读取该 CSV",
      "option-tables.json:1:1: 错误: /tables/monthly: 无法读取 CSV 表 missing.csv：文件不存在"},
     {{"monthly", "missing.csv"}, {"contracts", "option-tables.json"}}},
    {"pointer-escaping.json",
     {"pointer-escaping.json:17:18: error: /self_evaluation/scores/决策~1目标设定: expected a decimal number (e.g. 1234.50), found the string \"九\"",
      "pointer-escaping.json:18:14: error: /self_evaluation/scores/a~0b: -1 is below the minimum 0"},
     {}},
    {"string-too-short-and-enum.json",
     {"string-too-short-and-enum.json:7:13: error: /department/name: must not be an empty string",
      "string-too-short-and-enum.json:8:14: error: /department/level: expected one of: 中央, 省级, 市级, 区级, 县级, 乡镇级; found \"市\""},
     {}},
    {"syntax-block-comment.json",
     {"syntax-block-comment.json:3:24: error: comments (// or /* */) are not allowed in JSON; put remarks in \"notes\""},
     {}},
    {"syntax-curly-quotes.json",
     {"syntax-curly-quotes.json:7:13: error: full-width '“' (U+201C) is not JSON punctuation: use '\"'"},
     {}},
    {"syntax-fullwidth-colon.json",
     {"syntax-fullwidth-colon.json:4:15: error: full-width '：' (U+FF1A) is not JSON punctuation: use ':'"},
     {"syntax-fullwidth-colon.json:4:15: 错误: 全角字符 '：'（U+FF1A）不能用作 JSON 标点，应改为半角 ':'"}},
    {"syntax-infinity.json",
     {"syntax-infinity.json:12:15: error: NaN and Infinity are not numbers in JSON"},
     {}},
    {"syntax-leading-zero.json",
     {"syntax-leading-zero.json:12:14: error: a number must not start with a leading zero: 0990.50"},
     {}},
    {"syntax-line-comment.json",
     {"syntax-line-comment.json:4:3: error: comments (// or /* */) are not allowed in JSON; put remarks in \"notes\""},
     {}},
    {"syntax-missing-comma.json",
     {"syntax-missing-comma.json:4:3: error: expected ',' or '}'"},
     {"syntax-missing-comma.json:4:3: 错误: 应为 ',' 或 '}'"}},
    {"syntax-missing-value.json",
     {"syntax-missing-value.json:3:18: error: a value is missing before ','"},
     {}},
    {"syntax-nan.json",
     {"syntax-nan.json:12:14: error: NaN and Infinity are not numbers in JSON"},
     {}},
    {"syntax-raw-tab-in-string.json",
     {"syntax-raw-tab-in-string.json:7:16: error: a tab character inside a string must be written as \\t"},
     {}},
    {"syntax-single-quotes.json",
     {"syntax-single-quotes.json:4:3: error: strings and field names must be in double quotes \"…\", not single quotes"},
     {}},
    {"syntax-trailing-comma-array.json",
     {"syntax-trailing-comma-array.json:5:22: error: trailing comma: no ',' is allowed after the last item before ']'"},
     {}},
    {"syntax-trailing-comma.json",
     {"syntax-trailing-comma.json:8:18: error: trailing comma: no ',' is allowed after the last item before '}'"},
     {}},
    {"syntax-two-documents.json",
     {"syntax-two-documents.json:15:1: error: unexpected text after the end of the JSON document"},
     {}},
    {"syntax-unterminated-string-eof.json",
     {"syntax-unterminated-string-eof.json:2:21: error: unterminated string: no closing '\"' before the end of the file"},
     {}},
    {"syntax-unterminated-string.json",
     {"syntax-unterminated-string.json:7:13: error: unterminated string: the line ends before the closing '\"' (write a line break inside a string as \\n)"},
     {}},
    {"syntax-windows-path.json",
     {"syntax-windows-path.json:5:16: error: invalid escape \"\\报\" in a string: write a backslash as \\\\ (e.g. \"D:\\\\reports\")"},
     {"syntax-windows-path.json:5:16: 错误: 字符串中的转义 \"\\报\" 无效：反斜杠应写作 \\\\（如 \"D:\\\\报告\"）"}},
    {"top-level-array.json",
     {"top-level-array.json:1:1: error: /: expected an object {…}, found an array"},
     {}},
    {"type-bool-for-money.json",
     {"type-bool-for-money.json:12:14: error: /budget/spent: expected a decimal number (e.g. 1234.50), found true"},
     {}},
    {"type-fraction-for-integer.json",
     {"type-fraction-for-integer.json:3:18: error: /fiscal_year: expected an integer, found the number 2023.5"},
     {}},
    {"type-null-for-money.json",
     {"type-null-for-money.json:11:17: error: /budget/adjusted: expected a decimal number (e.g. 1234.50), found null"},
     {}},
    {"type-null-for-object.json",
     {"type-null-for-object.json:10:13: error: /budget: expected an object {…}, found null"},
     {"type-null-for-object.json:10:13: 错误: /budget: 应为对象 {…}，实际为空值 null"}},
    {"type-number-for-const-string.json",
     {"type-number-for-const-string.json:2:21: error: /schema_version: expected \"1\", found the number 1"},
     {}},
    {"type-number-for-string.json",
     {"type-number-for-string.json:6:13: error: /department/code: expected a string, found the number 440100"},
     {}},
    {"type-string-for-integer.json",
     {"type-string-for-integer.json:3:18: error: /fiscal_year: expected an integer, found the string \"2023\""},
     {}},
    {"type-string-for-object.json",
     {"type-string-for-object.json:5:17: error: /department: expected an object {…}, found the string \"测试局\""},
     {}},
    {"utf16le.json",
     {"utf16le.json:1:1: error: the file is UTF-16 (Notepad's \"Unicode\"): save it as UTF-8"},
     {"utf16le.json:1:1: 错误: 文件是 UTF-16 编码（记事本的“Unicode”）：请另存为 UTF-8"}},
    {"whitespace-only.json",
     {"whitespace-only.json:1:1: error: the file is empty: expected a JSON object"},
     {}},
};
// clang-format on

const Schema& department_schema() {
  static const Schema schema = Schema::load(jx::test::source_path("/schemas/department.schema.json"));
  return schema;
}

// Loads a corpus file and returns its diagnostics as the CLI prints them, with
// the corpus directory taken out of file names.
std::vector<std::string> load(const Case& c, Lang lang, bool* ok = nullptr) {
  LoadOptions options;
  options.lang = lang;
  for (const auto& [name, path] : c.tables) options.tables[name] = corpus_dir + "/" + path;
  const auto result = jx::data::load_department(department_schema(), corpus_dir + "/" + c.file, options);
  if (ok != nullptr) *ok = result.ok();
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics) {
    std::string line = d.to_string(lang);
    for (std::size_t at; (at = line.find(corpus_dir + "/")) != std::string::npos;) {
      line.erase(at, corpus_dir.size() + 1);
    }
    lines.push_back(line);
  }
  return lines;
}

class MalformedInput : public testing::TestWithParam<Case> {};

TEST_P(MalformedInput, IsRejectedWithExactlyTheseDiagnostics) {
  const Case& c = GetParam();
  bool ok = true;
  EXPECT_EQ(load(c, Lang::en, &ok), c.en);
  EXPECT_FALSE(ok);
  if (!c.zh.empty()) {
    EXPECT_EQ(load(c, Lang::zh), c.zh);
  }
}

std::string test_name(const testing::TestParamInfo<Case>& info) {
  std::string name = fs::path(info.param.file).stem().string();
  std::replace_if(
      name.begin(), name.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) == 0; },
      '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, MalformedInput, testing::ValuesIn(cases), test_name);

TEST(MalformedCorpus, EveryJsonFileHasACaseAndThereAreAtLeast35) {
  std::set<std::string> on_disk;
  for (const auto& entry : fs::directory_iterator(corpus_dir)) {
    if (entry.path().extension() == ".json") on_disk.insert(entry.path().filename().string());
  }
  std::set<std::string> listed;
  for (const Case& c : cases) EXPECT_TRUE(listed.insert(c.file).second) << c.file << " is listed twice";
  EXPECT_EQ(on_disk, listed);
  EXPECT_GE(on_disk.size(), 35U);
}

TEST(MalformedCorpus, ChineseIsTheDefaultLanguage) {
  const auto result = jx::data::load_department(department_schema(), corpus_dir + "/money-unit-usd.json");
  ASSERT_EQ(result.diagnostics.size(), 1U);
  EXPECT_EQ(result.diagnostics[0].message, "应为以下之一：元、万元；实际为 \"美元\"");
}

}  // namespace
