// Number and width formatting shared by every output format.
#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

#include "report/report.hpp"

namespace jx::report {

using audit::Audit;
using audit::Difference;
using audit::SelfCheck;
using audit::Verdict;

std::string format_points(const Decimal& d) {
  if (!d.is_fraction() && d.exponent() >= -2)
    return d.round(2, RoundingMode::down).to_string();  // exact: only pads
  return d.to_string();
}

namespace {

std::string last_segment(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// At most this many indicator differences are named in the one-line verdict;
// the scorecard and the JSON list them all.
constexpr std::size_t named_differences = 3;

}  // namespace

const char* verdict_kind_name(Verdict::Kind kind) {
  switch (kind) {
    case Verdict::Kind::agrees: return "agrees";
    case Verdict::Kind::disagrees: return "disagrees";
    case Verdict::Kind::no_self: return "no_self_evaluation";
    case Verdict::Kind::incomplete: return "incomplete";
    case Verdict::Kind::not_checked: return "not_checked";
  }
  return "?";
}

std::string verdict_label(Verdict::Kind kind, Lang lang) {
  const bool zh = lang == Lang::zh;
  switch (kind) {
    case Verdict::Kind::agrees: return zh ? "一致" : "agrees";
    case Verdict::Kind::disagrees: return zh ? "不一致" : "disagrees";
    case Verdict::Kind::no_self: return zh ? "未自评" : "no self-evaluation";
    case Verdict::Kind::incomplete: return zh ? "不完整" : "incomplete";
    case Verdict::Kind::not_checked: return zh ? "数据无效" : "invalid data";
  }
  return "?";
}

std::string verdict(const Audit& audit, Lang lang) {
  const bool zh = lang == Lang::zh;
  const Verdict& v = audit.verdict;
  switch (v.kind) {
    case Verdict::Kind::not_checked: {
      const std::size_t errors = audit.error_count();
      return zh ? fmt::format("未检查：数据有 {} 个错误，不评分", errors)
                : fmt::format("not checked: the data has {} error{}; no score", errors,
                              errors == 1 ? "" : "s");
    }
    case Verdict::Kind::incomplete: return zh ? "检查不完整，不下结论" : "check incomplete: no verdict";
    case Verdict::Kind::agrees: return zh ? "自评与核定一致" : "the self-evaluation matches the check";
    case Verdict::Kind::no_self: return zh ? "未提供自评总分" : "no self-reported total";
    case Verdict::Kind::disagrees: break;
  }
  std::vector<std::string> parts;
  std::size_t indicators = 0;
  for (const Difference& d : v.differences) {
    if (d.indicator.empty()) {
      const Decimal gap = d.self - d.checked;
      const std::string points = format_points(gap.abs());
      parts.insert(parts.begin(),
                   gap.sign() > 0
                       ? (zh ? fmt::format("自评总分高出核定 {} 分", points)
                             : fmt::format("the self-reported total is {} points above the check", points))
                       : (zh ? fmt::format("自评总分低于核定 {} 分", points)
                             : fmt::format("the self-reported total is {} points below the check", points)));
      continue;
    }
    if (++indicators > named_differences) continue;
    parts.push_back(
        zh ? fmt::format("{} 自评 {}、核定 {}", last_segment(indicator_path(audit, d.indicator, lang)),
                         format_points(d.self), format_points(d.checked))
           : fmt::format("{}: self {}, checked {}", last_segment(indicator_path(audit, d.indicator, lang)),
                         format_points(d.self), format_points(d.checked)));
  }
  if (indicators > named_differences) {
    const std::size_t more = indicators - named_differences;
    parts.push_back(
        zh ? fmt::format("另有 {} 项指标不一致", more)
           : fmt::format("{} more indicator{} differ{}", more, more == 1 ? "" : "s", more == 1 ? "s" : ""));
  }
  if (!audit.self_checks.empty()) {
    const SelfCheck& first = audit.self_checks.front();
    const std::string where =
        first.indicator.empty()
            ? ""
            : last_segment(indicator_path(audit, first.indicator, lang)) + (zh ? "：" : ": ");
    const std::size_t n = audit.self_checks.size();
    parts.push_back(
        zh ? fmt::format("自评报告核对 {} 项未通过（{}{}{}）", n, where, first.message_zh, n > 1 ? "等" : "")
           : fmt::format("{} self-evaluation check{} failed ({}{}{})", n, n == 1 ? "" : "s", where,
                         first.message_en, n > 1 ? ", …" : ""));
  }
  // check --report: the report's findings that are certain and not waived.
  if (audit.report) {
    std::size_t n = 0;
    const audit::ReportFinding* first = nullptr;
    for (const audit::ReportFinding& f : audit.report->findings) {
      if (f.waived || f.severity != audit::ReportFinding::Severity::certain) continue;
      if (++n == 1) first = &f;
    }
    if (first != nullptr) {
      parts.push_back(
          zh ? fmt::format("自评报告 {} 处确定不一致（{}{}）", n, first->message_zh, n > 1 ? "等" : "")
             : fmt::format("{} certain inconsistenc{} in the report ({}{})", n, n == 1 ? "y" : "ies",
                           first->message_en, n > 1 ? ", …" : ""));
    }
  }
  std::string out = zh ? "自评与核定不一致：" : "the self-evaluation does not match the check: ";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : (zh ? "；" : "; ")) + parts[i];
  return out;
}

std::string self_check_label(const Audit& audit, const SelfCheck& check, Lang lang) {
  const bool zh = lang == Lang::zh;
  if (!check.indicator.empty()) return indicator_path(audit, check.indicator, lang);
  if (check.relation == "stated_rate") return zh ? "所载比率" : "stated rate";
  if (check.relation == "first_level_sum" || check.relation == "grade_band") return zh ? "总分" : "total";
  return zh ? "数据" : "data";
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

std::string pad_to_width(const std::string& text, std::size_t width, bool right_align) {
  const std::size_t w = display_width(text);
  if (w >= width) return text;
  return right_align ? std::string(width - w, ' ') + text : text + std::string(width - w, ' ');
}

}  // namespace jx::report
