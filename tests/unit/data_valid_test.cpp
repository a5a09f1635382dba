// Inputs that look odd but are valid (tests/data/valid/, written by its
// generate.py): a UTF-8 BOM, CRLF line ends, numbers written as strings,
// Excel-style CSV tables, unknown fields. Each loads with the exact values and
// positions written in the file.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "data/department.hpp"
#include "source_dir.hpp"

namespace {

using jx::Diagnostic;
using jx::Lang;
using jx::data::Document;
using jx::data::LoadResult;
using jx::data::Schema;
using jx::data::Value;

const std::string valid_dir = jx::test::source_path("/tests/data/valid");

const Schema& department_schema() {
  static const Schema schema = Schema::load(jx::test::source_path("/schemas/department.schema.json"));
  return schema;
}

LoadResult load(const std::string& file, Lang lang = Lang::en) {
  jx::data::LoadOptions options;
  options.lang = lang;
  return jx::data::load_department(department_schema(), valid_dir + "/" + file, options);
}

// The value at a '.'-separated path; fails the test when it is missing.
const Value& at(const Value& root, std::string_view path) {
  const Value* v = root.find_path(path);
  if (v == nullptr) {
    ADD_FAILURE() << "no value at " << path;
    static const Value none;
    return none;
  }
  return *v;
}

std::string decimal_text(const Value& v) {
  return v.kind() == Value::Kind::decimal ? v.as_decimal().to_string()
                                          : "<" + std::string(kind_name(v.kind())) + ">";
}

std::string line_column(const Value& v) {
  return std::to_string(v.pos().line) + ":" + std::to_string(v.pos().column);
}

std::vector<std::string> messages(const LoadResult& result) {
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics) out.push_back(d.to_string(Lang::en));
  return out;
}

TEST(ValidInput, Utf8BomIsSkippedAndNotCountedAsAColumn) {
  const auto result = load("bom.json");
  ASSERT_TRUE(result.ok()) << testing::PrintToString(messages(result));
  EXPECT_TRUE(result.diagnostics.empty());
  const Value& root = result.document->root;
  EXPECT_EQ(root.pos().line, 1U);
  EXPECT_EQ(root.pos().column, 1U);  // the '{' right after the BOM
  EXPECT_EQ(at(root, "schema_version").as_string(), "1");
  EXPECT_EQ(line_column(at(root, "schema_version")), "1:20");
  // Columns count characters, not bytes: "广州市测试局" is 6 columns, not 18.
  EXPECT_EQ(at(root, "department.name").as_string(), "广州市测试局");
  EXPECT_EQ(line_column(at(root, "department")), "4:17");
  EXPECT_EQ(line_column(at(root, "department.name")), "4:44");
  EXPECT_EQ(line_column(at(root, "department.level")), "4:63");
  EXPECT_EQ(decimal_text(at(root, "budget.adjusted")), "1234.50");
  EXPECT_EQ(line_column(at(root, "budget.adjusted")), "5:26");
  EXPECT_EQ(decimal_text(at(root, "budget.spent")), "1200");
  EXPECT_EQ(at(root, "fiscal_year").as_decimal(), jx::Decimal(2023));
}

TEST(ValidInput, CrlfLineEndsAreLineEnds) {
  const auto result = load("crlf.json");
  ASSERT_TRUE(result.ok()) << testing::PrintToString(messages(result));
  const Value& root = result.document->root;
  EXPECT_EQ(decimal_text(at(root, "budget.adjusted")), "10606.10");
  EXPECT_EQ(line_column(at(root, "budget.adjusted")), "8:17");
  EXPECT_EQ(decimal_text(at(root, "budget.spent")), "10590.2");
  EXPECT_EQ(at(root, "money_unit").as_string(), "元");
  // An escaped CRLF inside a string is kept as written.
  const Value& notes = at(root, "notes");
  ASSERT_EQ(notes.as_array().size(), 1U);
  EXPECT_EQ(notes.as_array()[0].as_string(), "第一行\r\n第二行");
  EXPECT_EQ(line_column(notes.as_array()[0]), "6:13");
}

TEST(ValidInput, NumbersWrittenAsStringsAreExactDecimals) {
  const auto result = load("numbers-as-strings.json");
  ASSERT_TRUE(result.ok()) << testing::PrintToString(messages(result));
  const Value& root = result.document->root;
  EXPECT_EQ(decimal_text(at(root, "budget.initial")), "0");
  EXPECT_EQ(decimal_text(at(root, "budget.adjusted")), "1234.50");
  EXPECT_EQ(decimal_text(at(root, "budget.spent")), "1234.500");  // trailing zeros kept
  EXPECT_EQ(at(root, "budget.adjusted").as_decimal(), at(root, "budget.spent").as_decimal());
  EXPECT_EQ(decimal_text(at(root, "budget.income")), "12345678901234567890.12");  // beyond a double
  EXPECT_EQ(line_column(at(root, "budget.income")), "10:15");
  EXPECT_EQ(decimal_text(at(root, "budget.carryover_end")), "0.10");  // a JSON number keeps its text too
  EXPECT_EQ(decimal_text(at(root, "budget.surplus_end")), "0.000000000000000000000000000001");
  EXPECT_EQ(decimal_text(at(root, "self_evaluation.total")), "89.75");
  EXPECT_EQ(at(root, "self_evaluation.evaluated_on").as_date().to_string(), "2024-02-29");  // a leap day
  // An indicator key holding '/' is reached with find(), not the dotted path.
  const Value* score = at(root, "self_evaluation.scores").find("产出/数量");
  ASSERT_NE(score, nullptr);
  EXPECT_EQ(decimal_text(*score), "9.5");
}

TEST(ValidInput, UnknownFieldsWarnAndStayInTheTree) {
  const auto result = load("unknown-field.json");
  ASSERT_TRUE(result.ok()) << testing::PrintToString(messages(result));
  const std::string file = valid_dir + "/unknown-field.json";
  EXPECT_EQ(
      messages(result),
      (std::vector<std::string>{
          file + ":5:73: warning: /department/联系人: unknown field \"联系人\" (not in the schema; kept)",
          file + ":7:15: warning: /reviewer: unknown field \"reviewer\" (not in the schema; kept)",
      }));
  const Value& root = result.document->root;
  EXPECT_EQ(at(root, "department.联系人").as_string(), "张三");
  // Without a schema a value keeps its JSON type; numbers are still exact decimals.
  EXPECT_EQ(at(root, "reviewer.name").as_string(), "李四");
  EXPECT_TRUE(at(root, "reviewer.checked").as_bool());
  EXPECT_EQ(decimal_text(at(root, "reviewer.amount")), "12.30");
  EXPECT_EQ(line_column(at(root, "reviewer.amount")), "7:57");
  const Value& dates = at(root, "reviewer.dates");
  ASSERT_EQ(dates.as_array().size(), 1U);
  EXPECT_EQ(dates.as_array()[0].kind(), Value::Kind::string);  // no schema says it is a date
  // Source order is kept, the unknown member included.
  const auto& members = root.as_object();
  ASSERT_EQ(members.size(), 6U);
  EXPECT_EQ(members.back().key, "reviewer");
}

TEST(ValidInput, UnknownFieldWarningIsInChineseByDefault) {
  const auto result = jx::data::load_department(department_schema(), valid_dir + "/unknown-field.json");
  ASSERT_EQ(result.diagnostics.size(), 2U);
  EXPECT_EQ(result.diagnostics[1].to_string(Lang::zh),
            valid_dir +
                "/unknown-field.json:7:15: 警告: /reviewer: 未知字段 \"reviewer\"（schema 中没有；已保留）");
}

class ExcelCsv : public testing::Test {
 protected:
  void SetUp() override {
    result_ = load("excel-csv/department.json");
    ASSERT_TRUE(result_.ok()) << testing::PrintToString(messages(result_));
    ASSERT_TRUE(result_.diagnostics.empty()) << testing::PrintToString(messages(result_));
  }
  const Value& root() const { return result_.document->root; }
  const std::string& file_of(const Value& v) const { return result_.document->files.at(v.pos().file); }

  LoadResult result_;
};

TEST_F(ExcelCsv, QuotedCommasQuotesAndLineBreaksAreCellText) {
  const auto& rows = at(root(), "procurements").as_array();
  ASSERT_EQ(rows.size(), 2U);  // the empty line is no row
  const Value& first = rows[0];
  EXPECT_EQ(at(first, "id").as_string(), "CG-01");
  EXPECT_EQ(at(first, "name").as_string(), "档案数字化服务（一期, 二期）");
  EXPECT_EQ(at(first, "note").as_string(), "供应商称\"已按期完成\"\n见验收报告");
  EXPECT_EQ(decimal_text(at(first, "budget")), "300.00");
  EXPECT_EQ(at(first, "intention_published").as_date().to_string(), "2023-01-10");
  EXPECT_TRUE(at(first, "sme_suitable").as_bool());     // Excel writes TRUE
  EXPECT_EQ(first.find("compliance_issues"), nullptr);  // an empty cell is an absent field
  EXPECT_EQ(file_of(first), valid_dir + "/excel-csv/procurements.csv");
}

TEST_F(ExcelCsv, PositionsAreTheLineACellStartsOnAndItsColumnNumber) {
  const auto& rows = at(root(), "procurements").as_array();
  ASSERT_EQ(rows.size(), 2U);
  // Line 1 is the header (after the BOM); CG-01 spans lines 2-3; line 4 is empty.
  EXPECT_EQ(line_column(rows[0]), "2:1");
  EXPECT_EQ(line_column(at(rows[0], "name")), "2:2");
  EXPECT_EQ(line_column(at(rows[0], "note")), "2:11");
  EXPECT_EQ(line_column(rows[1]), "5:1");
  EXPECT_EQ(line_column(at(rows[1], "budget")), "5:5");
  EXPECT_EQ(decimal_text(at(rows[1], "budget")), "12.5");
  EXPECT_FALSE(at(rows[1], "sme_suitable").as_bool());
  const auto& issues = at(rows[1], "compliance_issues").as_array();
  ASSERT_EQ(issues.size(), 2U);
  EXPECT_EQ(issues[0].as_string(), "合同未公告");
  EXPECT_EQ(issues[1].as_string(), "验收资料不全");
}

TEST_F(ExcelCsv, NestedTargetsGoToTheirProjectsInTableOrder) {
  const auto& projects = at(root(), "projects").as_array();
  ASSERT_EQ(projects.size(), 2U);
  EXPECT_EQ(at(projects[1], "name").as_string(), "信息化建设\n（含等保测评）");
  EXPECT_TRUE(at(projects[1], "is_new").as_bool());
  EXPECT_EQ(decimal_text(at(projects[1], "budget")), "400");
  EXPECT_EQ(line_column(projects[1]), "3:1");
  EXPECT_EQ(line_column(at(projects[1], "spent")), "4:6");  // after the name's line break
  const auto& p01 = at(projects[0], "targets").as_array();
  ASSERT_EQ(p01.size(), 1U);
  EXPECT_EQ(at(p01[0], "id").as_string(), "T1");
  EXPECT_EQ(decimal_text(at(p01[0], "weight")), "10.0");
  EXPECT_EQ(line_column(at(p01[0], "weight")), "3:9");
  const auto& p02 = at(projects[1], "targets").as_array();
  ASSERT_EQ(p02.size(), 1U);
  EXPECT_EQ(decimal_text(at(p02[0], "actual")), "99.95");
  EXPECT_EQ(at(p02[0], "direction").as_string(), ">=");
}

TEST_F(ExcelCsv, MonthlyCsvWithoutBomOrCrlf) {
  const auto& months = at(root(), "budget.monthly").as_array();
  ASSERT_EQ(months.size(), 2U);
  EXPECT_EQ(decimal_text(at(months[0], "month")), "1");
  EXPECT_EQ(decimal_text(at(months[0], "cumulative_spent")), "80.00");
  EXPECT_EQ(decimal_text(at(months[1], "month")), "12");
  EXPECT_EQ(decimal_text(at(months[1], "cumulative_spent")), "990.50");
  EXPECT_EQ(file_of(months[1]), valid_dir + "/excel-csv/monthly.csv");
}

}  // namespace
