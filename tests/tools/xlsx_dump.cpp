// Test tool: prints a workbook's cells as the project's own reader
// (engine/data/xlsx_reader) reads them, one line per cell (a number as the
// loader takes it: exponents expanded, 15 significant digits, the decimals its
// format shows):
//   sheet <TAB> cell <TAB> kind <TAB> text
// with tab, newline and backslash escaped as \t, \n, \\. Hidden sheets are
// marked by a line "sheet <TAB> hidden". Used by tests/e2e/xlsx_report.py to
// compare an output workbook with the JSON report.
#include <iostream>

#include "data/xlsx_department.hpp"
#include "data/xlsx_reader.hpp"

namespace {

std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: xlsx_dump BOOK.xlsx\n";
    return 2;
  }
  static const char* kinds[] = {"text", "number", "date", "boolean", "error", "no_value"};
  try {
    const auto book = jx::data::detail::read_xlsx(argv[1], jx::Lang::en);
    for (const auto& sheet : book.sheets) {
      if (sheet.hidden) std::cout << escaped(sheet.name) << "\thidden\n";
      for (const auto& c : sheet.cells) {
        using Kind = jx::data::detail::XlsxCell::Kind;
        const std::string text =
            c.kind == Kind::number
                ? jx::data::detail::shown_decimal(
                      jx::data::detail::excel_precision(jx::data::detail::plain_decimal(c.text)),
                      c.shown_decimals)
                : c.text;
        std::cout << escaped(sheet.name) << '\t' << jx::cell_reference(c.row, c.column) << '\t'
                  << kinds[static_cast<int>(c.kind)] << '\t' << escaped(text) << '\n';
      }
    }
  } catch (const std::exception& e) {
    std::cerr << argv[1] << ": " << e.what() << '\n';
    return 1;
  }
  return 0;
}
