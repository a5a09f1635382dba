// Number and width formatting shared by every output format.
#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

#include "report/report.hpp"

namespace jx::report {

std::string format_points(const Decimal& d) {
  if (!d.is_fraction() && d.exponent() >= -2)
    return d.round(2, RoundingMode::down).to_string();  // exact: only pads
  return d.to_string();
}

std::string verdict(const scoring::Scorecard& card, Lang lang) {
  const bool zh = lang == Lang::zh;
  if (!card.complete) return zh ? "检查不完整，不下结论" : "check incomplete: no verdict";
  if (!card.self_total) return zh ? "未提供自评总分" : "no self-reported total";
  const Decimal gap = *card.self_total - card.total;
  if (gap.is_zero()) return zh ? "自评与核定一致" : "the self-evaluation matches the check";
  const std::string points = format_points(gap.abs());
  if (gap.sign() > 0) {
    return zh ? fmt::format("自评高出核定 {} 分", points)
              : fmt::format("the self-evaluation is {} points above the check", points);
  }
  return zh ? fmt::format("自评低于核定 {} 分", points)
            : fmt::format("the self-evaluation is {} points below the check", points);
}

std::size_t DepartmentReport::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; }));
}

std::string not_checked_verdict(const DepartmentReport& report, Lang lang) {
  const std::size_t errors = report.error_count();
  return lang == Lang::zh
             ? fmt::format("未检查：数据有 {} 个错误，不评分", errors)
             : fmt::format("not checked: the data has {} error{}; no score", errors, errors == 1 ? "" : "s");
}

const char* severity_name(Diagnostic::Severity severity) {
  return severity == Diagnostic::Severity::error ? "error" : "warning";
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
