// Diagnostics of loading and validation: where (file, line:column or
// row:column, JSON pointer), how bad, and what was expected against found.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lang/lang.hpp"

namespace jx {

struct Diagnostic {
  enum class Severity { error, warning };
  Severity severity = Severity::error;
  std::string file;
  std::uint32_t line = 0;    // 1-based line; in a CSV, the line the cell starts on; 0 if unknown
  std::uint32_t column = 0;  // 1-based character column; in a CSV, the cell's number in its row
  std::string pointer;       // JSON pointer into the department document, e.g. "/procurements/3/budget"
  std::string message;
  // A workbook's cell: the sheet's name, with line the row and column the
  // column, shown as "file:sheet!F12"; empty for any other file.
  std::string sheet = {};

  // "file:line:column: error: /pointer: message" (parts that are unknown are left out);
  // in a workbook "file:sheet!F12: error: …".
  [[nodiscard]] std::string to_string(Lang lang) const;
};

// "F12" for line (row) 12, column 6.
std::string cell_reference(std::uint32_t row, std::uint32_t column);

// Sorts by file, sheet, line, column, pointer: a stable, deterministic order for output.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace jx
