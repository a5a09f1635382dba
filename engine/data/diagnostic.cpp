#include "data/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace jx {

std::string Diagnostic::to_string(Lang lang) const {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
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

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column, a.pointer) < std::tie(b.file, b.line, b.column, b.pointer);
  });
}

}  // namespace jx
