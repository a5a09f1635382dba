// The self-evaluation report in the HTML page: each finding with its severity,
// where it is, the report's own words with the figures it rests on marked
// (<mark>), the data's values beside them, and whether it was waived. Used by
// check --report (inside a department's section) and by jxaudit narrative
// --format html (a page of its own, one section per report).
#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "report/html_detail.hpp"
#include "report/summary_rows.hpp"

namespace jx::report {

namespace detail {

namespace {

const char* severity_class(audit::ReportFinding::Severity severity) {
  switch (severity) {
    case audit::ReportFinding::Severity::certain: return "certain";
    case audit::ReportFinding::Severity::suspected: return "suspected";
    case audit::ReportFinding::Severity::hint: break;
  }
  return "hint";
}

// The quote with each figure of the report marked, in reading order: a figure
// is looked for after the previous one (the same number may appear twice).
std::string marked_quote(const audit::ReportFinding& f) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::size_t from = 0;
  for (const audit::ReportFigure& g : f.figures) {
    if (!g.in_report || g.text.empty()) continue;
    std::size_t at = f.quote.find(g.text, from);
    if (at == std::string::npos) at = f.quote.find(g.text);
    if (at == std::string::npos) continue;
    const std::pair<std::size_t, std::size_t> range{at, at + g.text.size()};
    const bool overlaps = std::any_of(ranges.begin(), ranges.end(), [&](const auto& r) {
      return range.first < r.second && r.first < range.second;
    });
    if (overlaps) continue;
    ranges.push_back(range);
    from = range.second;
  }
  std::sort(ranges.begin(), ranges.end());
  std::string out;
  std::size_t at = 0;
  for (const auto& [begin, end] : ranges) {
    out += html_escape(std::string_view(f.quote).substr(at, begin - at));
    out += "<mark>" + html_escape(std::string_view(f.quote).substr(begin, end - begin)) + "</mark>";
    at = end;
  }
  return out + html_escape(std::string_view(f.quote).substr(at));
}

}  // namespace

std::string report_check_html(const audit::ReportCheck& r, Lang lang, const std::string& id) {
  const bool zh = lang == Lang::zh;
  std::string out = fmt::format("<div class=\"report-check\" id=\"{}\">\n<h3>{}<code>{}</code></h3>\n", id,
                                tr(lang, "自评报告 ", "Self-evaluation report "), html_escape(r.file));
  if (!r.error.empty()) {
    return out + fmt::format("<p class=\"banner\" role=\"alert\">{}{}</p>\n</div>\n",
                             tr(lang, "未检查：", "Not checked: "), html_escape(r.error));
  }
  std::size_t counts[3] = {0, 0, 0};
  std::size_t waived = 0;
  for (const audit::ReportFinding& f : r.findings) {
    if (f.waived) {
      ++waived;
    } else {
      ++counts[static_cast<int>(f.severity)];
    }
  }
  out += zh ? fmt::format(
                  "<p class=\"meta\"><span>{} 个数字事实</span><span>确定 {}</span><span>疑似 {}</span>"
                  "<span>提示 {}</span><span>已豁免 {}</span></p>\n",
                  r.facts, counts[0], counts[1], counts[2], waived)
            : fmt::format(
                  "<p class=\"meta\"><span>{} figures</span><span>certain {}</span><span>suspected {}</span>"
                  "<span>hint {}</span><span>waived {}</span></p>\n",
                  r.facts, counts[0], counts[1], counts[2], waived);
  for (const std::string& w : r.warnings) out += "<p class=\"note warn\">" + html_escape(w) + "</p>\n";
  for (const std::string& e : r.rule_errors)
    out += "<p class=\"banner\" role=\"alert\">" + html_escape(e) + "</p>\n";
  if (r.findings.empty()) {
    return out +
           fmt::format("<p class=\"note\">{}</p>\n</div>\n", tr(lang, "报告中的数字彼此一致，未发现问题。",
                                                                "The report's figures agree; no finding."));
  }
  out += "<ol class=\"report-findings\">\n";
  for (const audit::ReportFinding& f : r.findings) {
    out += fmt::format("<li class=\"sev-{}{}\" id=\"{}-{}\">", severity_class(f.severity),
                       f.waived ? " waived" : "", id, html_escape(f.id));
    out += fmt::format("<span class=\"sev\">{}</span> <strong>{}</strong>",
                       html_escape(audit::severity_name(f.severity, lang)),
                       html_escape(zh ? f.message_zh : f.message_en));
    if (f.waived) {
      out += fmt::format(" <span class=\"waiver\">{}{}</span>", tr(lang, "已豁免：", "waived: "),
                         html_escape(f.waiver_reason));
    }
    out += fmt::format("\n<blockquote>{}</blockquote>\n", marked_quote(f));
    out += "<p class=\"figures\">";
    for (const audit::ReportFigure& g : f.figures) {
      out += fmt::format("<span class=\"{}\">{}={}{}</span> ", g.in_report ? "stated" : "compared",
                         html_escape(g.role_in(lang)), html_escape(g.text),
                         g.where.empty() ? "" : " <code>" + html_escape(g.place_in(lang)) + "</code>");
    }
    out += fmt::format("</p>\n<p class=\"where\">{} · <code>{}</code></p></li>\n",
                       html_escape(zh ? f.where_zh : f.where_en), html_escape(f.id));
  }
  return out + "</ol>\n</div>\n";
}

}  // namespace detail

std::string render_narrative_html(const std::vector<audit::ReportCheck>& reports,
                                  const HtmlOptions& options) {
  const Lang lang = options.lang;
  std::string page = html_page_start(
      reports.size() == 1 ? fmt::format("{}{}", tr(lang, "自评报告核对：", "Self-evaluation report check: "),
                                        reports.front().file)
                          : tr(lang, "自评报告核对", "Self-evaluation report checks"),
      options);
  for (std::size_t i = 0; i < reports.size(); ++i) {
    page += fmt::format("<section class=\"narrative\" id=\"report-{}\">\n", i + 1);
    page += detail::report_check_html(reports[i], lang, fmt::format("report-{}-check", i + 1));
    page += "</section>\n";
  }
  html_page_end(SummaryRows(), {}, options, [&page](const std::string& piece) { page += piece; });
  return page;
}

}  // namespace jx::report
