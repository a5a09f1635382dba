// Number and width formatting shared by every output format.
#include <utf8proc.h>

#include "report/report.hpp"

namespace jx::report {

std::string format_points(const Decimal& d) {
  if (!d.is_fraction() && d.exponent() >= -2) return d.round(2, RoundingMode::down).to_string();  // exact: only pads
  return d.to_string();
}

std::string format_gap(const Decimal& d) {
  if (d.is_zero()) return "0.00";
  return (d.sign() > 0 ? "+" : "\u2212") + format_points(d.abs());
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                    static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {  // not UTF-8: count the byte as one column rather than fail
      ++width;
      ++i;
      continue;
    }
    width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
    i += static_cast<std::size_t>(n);
  }
  return width;
}

}  // namespace jx::report
