// Excel workbooks (issue 16): the reader (every kind of cell, merged ranges,
// hidden sheets, the 1900 leap-year quirk), the mapping onto the department
// document (sheet!cell positions, the column's header in messages), and every
// unreadable file with its exact message. The workbooks are written by
// tests/data/xlsx/generate.py.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "data/department.hpp"
#include "data/xlsx_department.hpp"
#include "data/xlsx_reader.hpp"
#include "data/xlsx_template.hpp"
#include "source_dir.hpp"

namespace {

using jx::Lang;
using jx::data::detail::read_xlsx;
using jx::data::detail::XlsxCell;
using Kind = jx::data::detail::XlsxCell::Kind;

const std::string dir = jx::test::source_path("/tests/data/xlsx/");

const jx::data::Schema& department_schema() {
  static const jx::data::Schema schema =
      jx::data::Schema::load(jx::test::source_path("/schemas/department.schema.json"));
  return schema;
}

std::string describe(const XlsxCell& c) {
  static const char* kinds[] = {"text", "number", "date", "boolean", "error", "no_value"};
  return jx::cell_reference(c.row, c.column) + " " + kinds[static_cast<int>(c.kind)] +
         (c.formula ? " f " : " ") + c.text;
}

std::vector<std::string> messages(const jx::data::LoadResult& result, Lang lang) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) out.push_back(d.to_string(lang));
  return out;
}

TEST(XlsxReader, ReadsEveryKindOfCell) {
  const auto book = read_xlsx(dir + "cells.xlsx", Lang::en);
  ASSERT_EQ(book.sheets.size(), 2U);
  EXPECT_EQ(book.sheets[0].name, "一");
  EXPECT_FALSE(book.sheets[0].hidden);
  EXPECT_EQ(book.sheets[1].name, "隐藏");
  EXPECT_TRUE(book.sheets[1].hidden);
  std::vector<std::string> cells;
  for (const auto& c : book.sheets[0].cells) cells.push_back(describe(c));
  EXPECT_EQ(cells,
            (std::vector<std::string>{
                "A1 text shared", "B1 text inline", "C1 number 1234.5", "D1 number 1.5E-3",
                "E1 date 2023-01-05", "F1 date 1900-02-28",  // serial 59
                "A2 date 1900-03-01",                        // serial 61: the day after 59
                "B2 number f 1234.5", "C2 no_value f ", "D2 text f sharedinline", "E2 boolean true",
                "F2 error #DIV/0!",
                // A4:B5 merged: the top-left value in every cell; serial 60 (1900-02-29) is no date
                "A4 text merged", "B4 text merged", "F4 number 60", "A5 text merged", "B5 text merged"}));
}

TEST(XlsxReader, SerialDatesFollowExcelsCalendar) {
  using jx::data::detail::excel_serial_date;
  EXPECT_EQ(excel_serial_date(1), "1900-01-01");
  EXPECT_EQ(excel_serial_date(59), "1900-02-28");
  EXPECT_EQ(excel_serial_date(60), "");  // 1900-02-29, which Excel counts and the calendar does not
  EXPECT_EQ(excel_serial_date(61), "1900-03-01");
  EXPECT_EQ(excel_serial_date(44931), "2023-01-05");
  EXPECT_EQ(excel_serial_date(2958465), "9999-12-31");
  EXPECT_EQ(excel_serial_date(0), "");
  EXPECT_EQ(excel_serial_date(2958466), "");
}

TEST(XlsxReader, NumbersAndDatesAsWrittenBecomeExactText) {
  using jx::data::detail::iso_date;
  using jx::data::detail::plain_decimal;
  EXPECT_EQ(plain_decimal("1.5E-3"), "0.0015");
  EXPECT_EQ(plain_decimal("1E+2"), "100");
  EXPECT_EQ(plain_decimal("-1.25E1"), "-12.5");
  EXPECT_EQ(plain_decimal("1.2345678901234567E+20"), "123456789012345670000");
  EXPECT_EQ(plain_decimal("10606.1"), "10606.1");
  EXPECT_EQ(iso_date("2023/1/5"), "2023-01-05");
  EXPECT_EQ(iso_date("2023年1月5日"), "2023-01-05");
  EXPECT_EQ(iso_date("2023-1-5"), "2023-01-05");
  EXPECT_EQ(iso_date("2023.1.5"), "2023.1.5");
  EXPECT_EQ(iso_date("2023/1/5 10:00"), "2023/1/5 10:00");
}

struct Unreadable {
  std::string file, en, zh;
};

TEST(XlsxReader, AnUnreadableFileSaysWhatToDo) {
  const std::vector<Unreadable> cases = {
      {"not-a-workbook.xlsx",
       "not an Excel workbook (an .xlsx is a zip archive; this file is not one): save it as .xlsx",
       "不是 Excel 工作簿（.xlsx 是 zip 压缩包，此文件不是）：请另存为 .xlsx"},
      {"old.xls",
       "this is an Excel 97-2003 workbook (.xls), which cannot be read: save it as .xlsx in Excel or WPS",
       "这是旧版 Excel 97-2003 工作簿（.xls），不能读取：请在 Excel 或 WPS 中另存为 .xlsx"},
      {"encrypted.xlsx",
       "the workbook is encrypted (it has an open password) and cannot be read: remove the password and save "
       "it "
       "as .xlsx",
       "工作簿已加密（设有打开密码），无法读取：请取消密码后另存为 .xlsx"},
      {"no-workbook-part.xlsx",
       "not an Excel workbook (the archive has no xl/workbook.xml): save it as .xlsx",
       "不是 Excel 工作簿（压缩包中没有 xl/workbook.xml）：请另存为 .xlsx"},
  };
  for (const auto& c : cases) {
    for (const Lang lang : {Lang::en, Lang::zh}) {
      jx::data::LoadOptions options;
      options.lang = lang;
      const auto result = jx::data::load_department(department_schema(), dir + c.file, options);
      EXPECT_FALSE(result.ok());
      EXPECT_EQ(messages(result, lang),
                std::vector<std::string>{dir + c.file +
                                         (lang == Lang::en ? ": error: " + c.en : ": 错误: " + c.zh)});
    }
  }
}

TEST(XlsxDepartment, BadCellsAreCitedBySheetCellAndHeader) {
  jx::data::LoadOptions options;
  options.lang = Lang::en;
  const auto result = jx::data::load_department(department_schema(), dir + "bad-cells.xlsx", options);
  const std::string f = dir + "bad-cells.xlsx";
  EXPECT_EQ(
      messages(result, Lang::en),
      (std::vector<std::string>{
          f + ":基本信息!C8: error: the formula has no saved result: open the workbook in Excel or WPS, "
              "recalculate and save it, then check again",
          // budget begins at the row of its first field; adjusted was left out
          f + ":基本信息!C8: error: /budget/adjusted: missing required field \"adjusted\"",
          f + ":采购!2:2: error: /procurements/0/budget: missing required field \"budget\"",
          f + ":采购!E2: error: column \"采购预算金额\": the cell holds the error value #VALUE!",
          // text 2023年2月30日 read as a date that does not exist; text 2023/1/5 in G2 is accepted
          f + ":采购!G4: error: /procurements/1/intention_published: column \"采购意向公开日期\": no such "
              "date: "
              "\"2023-02-30\"",
          f + ":采购!H4: error: /procurements/1/contract_signed: column \"合同签订日期\": expected a date "
              "YYYY-MM-DD, found the string \"x\"",
          f + ":采购!C5: error: /procurements/2/category: column \"采购品目类别\": expected one of: goods, "
              "services, works; found \"service\"",
          // serial 60 with a date format: Excel's 1900-02-29, no date
          f + ":采购!H5: error: /procurements/2/contract_signed: column \"合同签订日期\": expected a date "
              "YYYY-MM-DD, found the string \"60\"",
      }));
  ASSERT_NE(result.document, nullptr);
  const auto& rows = result.document->root.find("procurements")->as_array();
  ASSERT_EQ(rows.size(), 3U);  // the blank row 3 is skipped
  EXPECT_EQ(rows[0].find("intention_published")->as_date().to_string(), "2023-01-05");  // text 2023/1/5
  EXPECT_EQ(rows[0].find("contract_signed")->as_date().to_string(), "2023-01-05");      // serial 44931
  EXPECT_EQ(rows[2].find("budget")->as_decimal().to_string(), "100");                   // 1E+2
}

TEST(XlsxDepartment, TheSampleWorkbookLoadsAsItsJson) {
  jx::data::LoadOptions options;
  options.lang = Lang::en;
  const auto book = jx::data::load_department(department_schema(), dir + "sample.xlsx", options);
  EXPECT_EQ(messages(book, Lang::en), (std::vector<std::string>{}));
  ASSERT_TRUE(book.ok());
  const auto json = jx::data::load_department(
      department_schema(), jx::test::source_path("/samples/gz-2023-dangan-csv/department.json"));
  ASSERT_TRUE(json.ok());
  const auto& root = book.document->root;
  EXPECT_EQ(root.find("department")->find("name")->as_string(), "广州市档案馆");
  EXPECT_EQ(root.find("procurements")->as_array().size(),
            json.document->root.find("procurements")->as_array().size());
  const auto& first = root.find("procurements")->as_array()[0];
  EXPECT_EQ(first.find("contract_signed")->as_date().to_string(), "2023-04-10");
  EXPECT_EQ(jx::cell_reference(first.find("contract_signed")->pos().line,
                               first.find("contract_signed")->pos().column),
            "L2");
  EXPECT_EQ(book.document->files.at(first.pos().file), dir + "sample.xlsx:采购");
}

TEST(XlsxDepartment, HeadersMatchByAliasAndEmptyListsAreWritten无) {
  jx::data::LoadOptions options;
  options.lang = Lang::en;
  const std::string f = dir + "aliases.xlsx";
  const auto result = jx::data::load_department(department_schema(), f, options);
  EXPECT_EQ(messages(result, Lang::en), (std::vector<std::string>{}));
  ASSERT_TRUE(result.ok());
  const auto& doc = *result.document;
  const auto& root = doc.root;
  // 0.00 shows 10606.1 as 10606.10: read as shown (zeros added, nothing rounded).
  EXPECT_EQ(root.find_path("budget.adjusted")->as_decimal().to_string(), "10606.10");
  EXPECT_EQ(root.find_path("assets.income_remittances")->as_array().size(),
            0U);  // 无: none, not "not stated"
  EXPECT_EQ(root.find_path("financial_compliance.issues")->as_array().size(), 0U);
  const auto& rows = root.find("procurements")->as_array();
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].find("budget")->as_decimal().to_string(), "300.00");   // 采购预算 (alias)
  EXPECT_EQ(rows[1].find("budget")->as_decimal().to_string(), "120.125");  // never rounded to the format
  EXPECT_EQ(rows[0].find("contract_signed")->as_date().to_string(), "2023-03-15");  // 合同签订时间 (alias)
  EXPECT_EQ(rows[0].find("supplier")->as_string(), "某公司");           // 中标（成交）供应商
  EXPECT_EQ(rows[0].find("compliance_issues")->as_array().size(), 0U);  // 无 in a list column
  EXPECT_EQ(rows[1].find("compliance_issues")->as_array().size(), 2U);
  // Findings cite workbook data by sheet and cell (Document::where), a whole row as 2:2.
  EXPECT_EQ(doc.where(rows[0].find("contract_signed")->pos()), f + ":采购!G2");
  EXPECT_EQ(doc.where(rows[1].pos()), f + ":采购!3:3");
  EXPECT_EQ(doc.where(root.find_path("budget.adjusted")->pos()), f + ":基本信息!C9");
}

TEST(XlsxDepartment, NumbersAreReadAtExcelsFifteenDigits) {
  using jx::data::detail::excel_precision;
  EXPECT_EQ(excel_precision("96.90000000000001"), "96.9");  // openpyxl's "%.16g" of 96.9
  EXPECT_EQ(excel_precision("0.30000000000000004"), "0.3");
  EXPECT_EQ(excel_precision("-1234567.899999999"), "-1234567.9");
  EXPECT_EQ(excel_precision("12345678901234567"), "12345678901234600");  // half-even at the 15th digit
  EXPECT_EQ(excel_precision("10606.10"), "10606.10");                    // 15 digits or fewer: as stored
  EXPECT_EQ(excel_precision("123456789012.345"), "123456789012.345");
}

TEST(XlsxDepartment, ShownDecimalsAddZerosOnly) {
  using jx::data::detail::shown_decimal;
  EXPECT_EQ(shown_decimal("10606.1", 2), "10606.10");
  EXPECT_EQ(shown_decimal("300", 2), "300.00");
  EXPECT_EQ(shown_decimal("-0.5", 3), "-0.500");
  EXPECT_EQ(shown_decimal("120.125", 2), "120.125");
  EXPECT_EQ(shown_decimal("7", 0), "7");
  EXPECT_EQ(shown_decimal("1E-3", 2), "1E-3");  // not plain digits: left to the Converter
}

struct Malformed {
  std::string file;
  std::vector<std::string> en;  // after the file's name
};

TEST(XlsxDepartment, EveryMalformedWorkbookHasItsExactMessage) {
  const std::vector<Malformed> cases = {
      {"empty.xlsx", {": error: the file is empty, not an Excel workbook"}},
      {"corrupt-truncated.xlsx",
       {": error: the workbook is corrupt (the zip archive is truncated or inconsistent): open it in Excel "
        "and "
        "save it as .xlsx again"}},
      {"corrupt-xml.xlsx",
       {": error: the workbook is corrupt (xl/worksheets/sheet2.xml is not valid XML at line 1)"}},
      {"corrupt-no-sheet-part.xlsx",
       {": error: the workbook is corrupt (the content of sheet 基本信息 is missing)"}},
      {"corrupt-reference.xlsx",
       {": error: the workbook is corrupt (bad cell reference \"1A\" in sheet 采购)"}},
      {"corrupt-shared-string.xlsx",
       {": error: the workbook is corrupt (采购!B1 refers to a shared string that does not exist)"}},

  };
  for (const auto& c : cases) {
    jx::data::LoadOptions options;
    options.lang = Lang::en;
    const auto result = jx::data::load_department(department_schema(), dir + c.file, options);
    EXPECT_FALSE(result.ok()) << c.file;
    std::vector<std::string> expected;
    for (const auto& m : c.en) expected.push_back(dir + c.file + m);
    EXPECT_EQ(messages(result, Lang::en), expected) << c.file;
  }
}

// Two trees with the same values (kinds, texts, member order), positions aside.
std::string value_difference(const jx::data::Value& a, const jx::data::Value& b, const std::string& path) {
  using jx::data::Value;
  if (a.kind() != b.kind()) return path + ": kind";
  switch (a.kind()) {
    case Value::Kind::boolean: return a.as_bool() == b.as_bool() ? "" : path;
    case Value::Kind::decimal:
      return a.as_decimal().to_string() == b.as_decimal().to_string()
                 ? ""
                 : path + ": " + a.as_decimal().to_string() + " vs " + b.as_decimal().to_string();
    case Value::Kind::date: return a.as_date() == b.as_date() ? "" : path;
    case Value::Kind::string: return a.as_string() == b.as_string() ? "" : path + ": " + a.as_string();
    case Value::Kind::array: {
      if (a.as_array().size() != b.as_array().size()) return path + ": size";
      for (std::size_t i = 0; i < a.as_array().size(); ++i)
        if (auto d = value_difference(a.as_array()[i], b.as_array()[i], path + "/" + std::to_string(i));
            !d.empty())
          return d;
      return "";
    }
    case Value::Kind::object: {
      // The same members; their order may differ (a table sheet's list joins its
      // object last). What the table form always has (as with CSV tables): each
      // target's project_id, and a project's targets list, empty when it has none.
      for (const auto& m : b.as_object())
        if (a.find(m.key) == nullptr) return path + ": no member " + m.key;
      for (const auto& m : a.as_object()) {
        const Value* other = b.find(m.key);
        const bool table_form =
            (m.key == "project_id" && path.find("/targets/") != std::string::npos) ||
            (m.key == "targets" && m.value.kind() == Value::Kind::array && m.value.as_array().empty());
        if (other == nullptr && table_form) continue;
        if (other == nullptr) return path + ": member " + m.key;
        if (auto d = value_difference(m.value, *other, path + "/" + m.key); !d.empty()) return d;
      }
      return "";
    }
    default: return "";
  }
}

std::string temporary(const std::string& name, const std::string& bytes) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(XlsxTemplate, AFilledTemplateLoadsAsTheDepartment) {
  for (const char* sample : {"gz-2023-dangan", "gz-2023-dangshi", "gz-2023-jiguan-gongwei"}) {
    const auto json =
        jx::data::load_department(department_schema(), jx::test::source_path("/samples/") + sample + ".json");
    ASSERT_TRUE(json.ok()) << sample;
    jx::data::TemplateOptions t;
    t.fill = json.document.get();
    const std::string bytes = jx::data::write_template(department_schema(), t);
    EXPECT_EQ(bytes, jx::data::write_template(department_schema(), t)) << "deterministic bytes";
    const std::string path = temporary(std::string("jx-template-") + sample + ".xlsx", bytes);
    const auto book = jx::data::load_department(department_schema(), path);
    EXPECT_EQ(messages(book, Lang::en), (std::vector<std::string>{})) << sample;
    ASSERT_TRUE(book.ok()) << sample;
    EXPECT_EQ(value_difference(book.document->root, json.document->root, ""), "") << sample;
    std::filesystem::remove(path);
  }
}

TEST(XlsxTemplate, TheEmptyTemplateHasOneSheetPerTableAndValidation) {
  jx::data::TemplateOptions t;
  t.fiscal_year = 2023;
  t.indicators = {"履职效能", "管理效率/采购管理/合同备案时效性"};
  const std::string path =
      temporary("jx-template-empty.xlsx", jx::data::write_template(department_schema(), t));
  const auto book = read_xlsx(path, Lang::en);
  std::vector<std::string> names;
  for (const auto& sheet : book.sheets) names.push_back(sheet.name + (sheet.hidden ? " (hidden)" : ""));
  EXPECT_EQ(names, (std::vector<std::string>{"填写说明", "基本信息", "月度支出", "项目", "绩效目标", "采购",
                                             "选项 (hidden)"}));
  // 采购's header: the schema's titles in its order, required columns marked *.
  std::vector<std::string> header;
  for (const auto& c : book.sheets[5].cells)
    if (c.row == 1) header.push_back(c.text);
  ASSERT_GE(header.size(), 8U);
  EXPECT_EQ(
      std::vector<std::string>(header.begin(), header.begin() + 8),
      (std::vector<std::string>{"*采购项目编号", "*采购项目名称", "资金来源项目编号", "*采购品目类别",
                                "*采购方式", "*采购预算金额", "*采购意向公开范围", "免于公开意向原因"}));
  // 基本信息: the year filled in, a self-score row per indicator (its path escaped as a JSON pointer).
  std::vector<std::string> keys;
  for (const auto& c : book.sheets[1].cells)
    if (c.column == 1) keys.push_back(c.text);
  EXPECT_EQ(keys.front(), "字段");
  EXPECT_NE(std::find(keys.begin(), keys.end(), "/self_evaluation/scores/管理效率~1采购管理~1合同备案时效性"),
            keys.end());
  std::string year;
  for (const auto& c : book.sheets[1].cells)
    if (c.column == 3 && c.row == 3) year = c.text;
  EXPECT_EQ(year, "2023");
  // Blank, it is not a department yet: what is missing is said, nothing else.
  jx::data::LoadOptions options;
  options.lang = Lang::en;
  const auto loaded = jx::data::load_department(department_schema(), path, options);
  EXPECT_EQ(messages(loaded, Lang::en),
            (std::vector<std::string>{
                path + ":基本信息!A1: error: /budget: missing required field \"budget\"",
                path + ":基本信息!A1: error: /department: missing required field \"department\"",
                path + ":基本信息!A1: error: /money_unit: missing required field \"money_unit\""}));
  std::filesystem::remove(path);
}

}  // namespace
