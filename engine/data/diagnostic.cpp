#include "data/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace jx {

std::string Diagnostic::to_string(Lang lang) const {
  std::string out = location();
  if (!out.empty()) out += ": ";
  if (severity == Severity::error) {
    out += lang == Lang::zh ? "错误" : "error";
  } else {
    out += lang == Lang::zh ? "警告" : "warning";
  }
  out += ": ";
  if (!pointer.empty()) out += pointer + ": ";
  out += message;
  return out;
}

std::string Diagnostic::location() const {
  std::string out = file;
  if (!sheet.empty()) {
    // A cell, or a whole row as Excel writes it (采购!2:2).
    out += ':' + sheet;
    if (line > 0) {
      out += column > 0 ? "!" + cell_reference(line, column)
                        : "!" + std::to_string(line) + ":" + std::to_string(line);
    }
  } else if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  return out;
}

std::string cell_reference(std::uint32_t row, std::uint32_t column) {
  std::string letters;
  for (std::uint32_t c = column; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.sheet, a.line, a.column, a.pointer) <
           std::tie(b.file, b.sheet, b.line, b.column, b.pointer);
  });
}

}  // namespace jx
