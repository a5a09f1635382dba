// Excel workbooks (issue 16): the reader (every kind of cell, merged ranges,
// hidden sheets, the 1900 leap-year quirk), the mapping onto the department
// document (sheet!cell positions, the column's header in messages), and every
// unreadable file with its exact message. The workbooks are written by
// tests/data/xlsx/generate.py.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "data/department.hpp"
#include "data/xlsx_department.hpp"
#include "data/xlsx_reader.hpp"
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

}  // namespace
