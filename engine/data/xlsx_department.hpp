// How a workbook maps onto the department document (docs/data-format.md,
// "Excel workbook"): a key/value sheet 基本信息 (a JSON pointer per row and its
// value) for everything outside the tables, and one sheet per "x-csv" table,
// found by name (x-csv's "sheet", the array's title or the table's name) with
// its columns matched by header text. The result is the same untyped tree as
// JSON and CSV give, for the same Assembler and Converter. Internal to engine/data.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "data/raw.hpp"
#include "data/schema.hpp"
#include "data/xlsx_reader.hpp"

namespace jx::data::detail {

// The key/value sheet's name.
inline constexpr const char* header_sheet_name = "基本信息";

struct WorkbookTables {
  RawNode root;                           // from the key/value sheet (an object)
  std::map<std::string, RawNode> tables;  // table name → its rows (an array of objects, keys the field names)
  // Per sheet file index (in `files`): its sheet's name and column → header text.
  struct SheetInfo {
    std::string name;
    std::map<std::uint32_t, std::string> headers;
  };
  std::map<std::uint32_t, SheetInfo> sheets;
};

// Maps `workbook` (read from `path`) by `schema`. Each sheet read is appended
// to `files` (as "path:sheet") and positions cite it by row and column.
// Diagnostics (file = path, with the sheet) go to `diagnostics`.
WorkbookTables workbook_to_raw(const Workbook& workbook, const Schema& schema, const std::string& path,
                               std::vector<std::string>& files, Lang lang,
                               std::vector<Diagnostic>& diagnostics);

// "1.5E-3" → "0.0015", exactly (text only); other text unchanged.
std::string plain_decimal(const std::string& text);

// A number cell's text at Excel's precision, 15 significant digits: a program
// that writes a double with 16 or 17 (openpyxl writes 96.9 as
// 96.90000000000001) gives the number Excel holds and shows, rounded half-even
// and without trailing zeros ("96.9"); 15 digits or fewer are left as they are.
std::string excel_precision(const std::string& text);

// "10606.1" shown with 2 decimals → "10606.10": zeros added up to `decimals`,
// never a digit removed (10606.123 stays as it is).
std::string shown_decimal(std::string text, std::size_t decimals);

// "2023/1/5", "2023年1月5日", "2023-1-5" → "2023-01-05"; other text unchanged.
std::string iso_date(const std::string& text);

}  // namespace jx::data::detail
