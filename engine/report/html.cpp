// The HTML report: one self-contained page (inline CSS and SVG, a content
// security policy that forbids every fetch, a few lines of script to sort the
// batch summary), written progressively: the page start, each department's
// section as it comes, then the batch summary, which CSS shows on top.
#include <fmt/format.h>
#include <utf8proc.h>

#include <utility>

#include "report/html_detail.hpp"
#include "report/summary_rows.hpp"
#include "report/writer.hpp"

namespace jx::report {

using audit::Audit;
using audit::Difference;
using audit::SelfCheck;
using audit::Verdict;
namespace detail {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        ++i;
        continue;
      case '<':
        out += "&lt;";
        ++i;
        continue;
      case '>':
        out += "&gt;";
        ++i;
        continue;
      case '"':
        out += "&quot;";
        ++i;
        continue;
      case '\'':
        out += "&#39;";
        ++i;
        continue;
      default: break;
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                    static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0 || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7f) {
      out += "\uFFFD";  // not UTF-8, or a control character HTML does not allow
      i += n <= 0 ? 1 : static_cast<std::size_t>(n);
      continue;
    }
    out.append(text.substr(i, static_cast<std::size_t>(n)));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

}  // namespace detail

namespace {

using detail::html_escape;

// computed − self, signed as every format prints it: "+0.01", "−0.01", "0.00".
std::string gap_text(const Decimal& computed, const Decimal& self) { return format_gap(computed - self); }
// CSS class of a gap: "neg" when the self-evaluation claims more than the check.
const char* gap_class(const Decimal& computed, const Decimal& self) {
  const int s = (computed - self).sign();
  return s < 0 ? "gap neg" : s > 0 ? "gap pos" : "gap";
}

const char* verdict_class(Verdict::Kind kind) {
  switch (kind) {
    case Verdict::Kind::agrees: return "ok";
    case Verdict::Kind::no_self: return "neutral";
    case Verdict::Kind::disagrees:
    case Verdict::Kind::incomplete:
    case Verdict::Kind::not_checked: break;
  }
  return "bad";
}

// Screen and print styles. Fonts are the reader's own: nothing is fetched.
constexpr const char* page_css = R"css(
:root{--ink:#1f2933;--muted:#5f6b7a;--line:#d9dee5;--soft:#f4f6f9;--accent:#1c4f8a;--ok:#2f7d4f;--bad:#c0392b;
--warn:#c47f12;--full:#2f6db5;--part:#e0a32e}
*{box-sizing:border-box}
html{background:#eef1f5}
body{margin:0;color:var(--ink);font:14px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
"Hiragino Sans GB",system-ui,-apple-system,"Segoe UI",sans-serif}
code,.mono{font-family:"Noto Sans Mono CJK SC",ui-monospace,"DejaVu Sans Mono",Consolas,monospace;font-size:12px}
a{color:var(--accent)}
.page-head{background:var(--accent);color:#fff;padding:14px 32px}
.page-head h1{font-size:19px;font-weight:600;margin:0}
.page-head p{margin:2px 0 0;font-size:12px;opacity:.85}
main{display:flex;flex-direction:column;gap:24px;max-width:1160px;margin:24px auto;padding:0 24px}
main>section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:24px 28px}
.summary{order:-1}
h2{font-size:22px;margin:0;line-height:1.3}
h2 .code{color:var(--muted);font-size:15px;font-weight:400;margin-left:10px}
h3{font-size:16px;margin:24px 0 10px;padding-bottom:5px;border-bottom:2px solid var(--accent)}
h3 .count{color:var(--muted);font-weight:400;font-size:14px;margin-left:6px}
.meta{color:var(--muted);font-size:13px;margin:6px 0 18px}
.meta span+span::before{content:"·";margin:0 8px;color:var(--line)}
.banner{background:#fdf0ee;border:1px solid var(--bad);border-left-width:6px;color:var(--bad);font-weight:600;
padding:10px 16px;border-radius:6px;margin:0 0 18px}
.totals{display:grid;grid-template-columns:repeat(3,minmax(0,1fr)) minmax(0,1.6fr);gap:12px}
.stat{border:1px solid var(--line);border-radius:8px;padding:10px 16px;background:var(--soft)}
.stat .label{display:block;color:var(--muted);font-size:12px}
.stat .value{font-size:30px;font-weight:700;font-variant-numeric:tabular-nums;line-height:1.25}
.stat .grade{margin-left:10px;font-size:14px;font-weight:600;padding:2px 10px;border-radius:12px;background:#e3ecf7;
color:var(--accent);vertical-align:5px}
.stat.verdict{display:flex;flex-direction:column;justify-content:center;font-size:16px;font-weight:600}
.stat.verdict.ok{background:#edf7f1;border-color:#b6dcc5;color:var(--ok)}
.stat.verdict.bad{background:#fdf0ee;border-color:#efc2bb;color:var(--bad)}
.stat.verdict .label{font-weight:400}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:3px 10px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap;line-height:1.4}
th:first-child,td:first-child{text-align:left;white-space:normal}
thead th{background:var(--soft);font-weight:600;font-size:13px;border-bottom:2px solid var(--line)}
.scorecard td.name{padding-left:calc(10px + var(--depth,0) * 1.6em)}
.scorecard tr.d0 td{font-weight:600;background:#f7f9fb}
.scorecard tr.failed td.name::after{content:" *";color:var(--bad)}
.scorecard .refs a{font-size:11px;margin-left:4px;text-decoration:none;color:var(--bad)}
.scorecard td.deducted{color:var(--bad)}
.gap.neg{color:var(--bad);font-weight:600}
.gap.pos{color:var(--full);font-weight:600}
tfoot td{font-weight:700;border-top:2px solid var(--ink);border-bottom:none}
.note{color:var(--muted);font-size:12px;margin:6px 0 0}
.muted{color:var(--muted)}
.charts{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 36px}
svg.chart{display:block;width:100%;max-width:760px;height:auto;font-size:13px;margin:4px 0}
svg text{fill:var(--ink)}
svg .tick,svg .unit{fill:var(--muted);font-size:11px}
svg .grid{stroke:#e8ecf1}
svg .axis{stroke:#9aa5b1}
svg .group line{stroke:var(--line)}
svg .group text{font-weight:700;fill:var(--accent)}
svg rect.weight{fill:#e9edf2;stroke:#aab4c0}
svg rect.score.full{fill:var(--full)}
svg rect.score.part{fill:var(--part)}
svg rect.score.zero{fill:var(--bad)}
svg .value{fill:var(--muted);font-variant-numeric:tabular-nums}
svg polyline.spent,svg line.spent{fill:none;stroke:var(--full);stroke-width:2.5}
svg circle.spent{fill:var(--full);stroke:#fff;stroke-width:1.5}
svg circle.spent.behind{fill:var(--bad)}
svg line.schedule{stroke:var(--warn);stroke-width:2;stroke-dasharray:7 5}
.scroll{overflow-x:auto}
table.monthly{font-size:12px;margin-top:10px}
table.monthly th,table.monthly td{padding:2px 8px}
table.monthly th:first-child,table.monthly td:first-child{text-align:center}
table.monthly tr.behind td{color:var(--bad)}
ol.findings{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-left:5px solid var(--bad);border-radius:6px;padding:10px 16px;
margin:0 0 12px;break-inside:avoid}
.finding.kind-score{border-left-color:var(--part)}
.finding.kind-note{border-left-color:#9aa5b1}
.finding.kind-missing_evidence{border-left-color:var(--warn)}
.f-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px}
.f-no{font-weight:700;color:var(--muted)}
.badge{font-size:12px;padding:0 9px;border-radius:10px;background:#fbe3df;color:var(--bad);font-weight:600}
.kind-score .badge{background:#fcf0d6;color:#8a5a00}
.kind-note .badge{background:#e9edf2;color:var(--muted)}
.kind-missing_evidence .badge{background:#fcefd9;color:#8a5a00}
.points{font-weight:700;color:var(--bad);font-variant-numeric:tabular-nums}
.f-indicator{font-weight:600}
.subject{background:#e9eef5;border-radius:4px;padding:0 7px}
.message{margin:6px 0 8px}
dl.evidence{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 8px}
dl.evidence div{display:flex;border:1px solid var(--line);border-radius:4px;overflow:hidden;font-size:12px}
dl.evidence dt{background:var(--soft);color:var(--muted);padding:1px 7px;border-right:1px solid var(--line)}
dl.evidence dd{margin:0;padding:1px 7px;font-variant-numeric:tabular-nums}
.sources{color:var(--muted);font-size:12px;margin:0}
.sources span+span::before{content:"·";margin:0 8px}
ul.checks{margin:0;padding-left:20px}
ul.checks li{margin:2px 0}
ul.checks .sources code{margin-left:6px;color:var(--muted);font-size:12px}
ol.report-findings{list-style:none;margin:0;padding:0}
ol.report-findings li{border:1px solid var(--line);border-left:5px solid #9aa5b1;border-radius:6px;padding:10px 16px;
margin:0 0 12px;break-inside:avoid}
ol.report-findings li.sev-certain{border-left-color:var(--bad)}
ol.report-findings li.sev-suspected{border-left-color:var(--warn)}
ol.report-findings li.waived{opacity:.7;border-left-style:dashed}
.sev{font-size:12px;padding:0 9px;border-radius:10px;background:#e9edf2;color:var(--muted);font-weight:600}
.sev-certain .sev{background:#fbe3df;color:var(--bad)}
.sev-suspected .sev{background:#fcefd9;color:#8a5a00}
.waiver{font-size:12px;color:var(--ok)}
.report-check blockquote{margin:8px 0;padding:6px 12px;background:var(--soft);border-radius:4px}
.report-check mark{background:#ffe58f;color:inherit;padding:0 2px;border-radius:2px;font-weight:600}
.figures{margin:0 0 4px;font-size:12px}
.figures span{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 7px;margin:0 6px 4px 0}
.figures span.compared{background:#e9eef5}
.where{color:var(--muted);font-size:12px;margin:0}
.note.warn{color:#8a5a00}
.provenance{margin-top:24px;padding-top:10px;border-top:1px solid var(--line);color:var(--muted);font-size:11px}
.provenance div{overflow-wrap:anywhere}
.summary table th button{all:unset;cursor:pointer}
.summary table th button::after{content:"↕";color:#aab4c0;margin-left:4px;font-size:11px}
.summary table th[aria-sort=ascending] button::after{content:"▲";color:var(--accent)}
.summary table th[aria-sort=descending] button::after{content:"▼";color:var(--accent)}
.summary th.left,.summary td.left{text-align:left}
.summary td.file{color:var(--muted);font-size:12px}
.summary tr.incomplete td.total{color:var(--bad)}
.summary td.verdict.ok{color:var(--ok)}
.summary td.verdict.bad{color:var(--bad)}
.page-foot{max-width:1160px;margin:0 auto 32px;padding:0 24px;color:var(--muted);font-size:12px}
@media (max-width:1000px){.charts{grid-template-columns:minmax(0,1fr)}}
@page{size:A4;margin:14mm 12mm}
@media (max-width:1000px){.totals{grid-template-columns:1fr 1fr}}
@media print{
html{background:#fff}
body{font-size:10pt;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.totals{grid-template-columns:repeat(3,minmax(0,1fr)) minmax(0,1.6fr)}
.page-head{background:none;color:var(--ink);border-bottom:2px solid var(--ink);padding:0 0 6px}
main{max-width:none;margin:12px 0;padding:0}
main>section{border:none;border-radius:0;padding:0}
.batch main>section.department{break-before:page}
h3{break-after:avoid}
tr,.finding,.chart-box,.totals{break-inside:avoid}
.charts{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
a{color:inherit;text-decoration:none}
.summary table th button::after{content:none}
.scroll{overflow:visible}
}
)css";

// Sorts the batch summary by a clicked column; numbers compare exactly as
// decimal strings (no floating point), empty cells last, ties in page order.
constexpr const char* sort_script = R"js(
(function () {
  "use strict";
  function parts(s) {
    var neg = s.charAt(0) === "-";
    var p = s.replace(/^[-+]/, "").split(".");
    return { neg: neg, int: p[0].replace(/^0+/, ""), frac: (p[1] || "").replace(/0+$/, "") };
  }
  function compareDecimal(a, b) {
    var x = parts(a), y = parts(b);
    var zx = x.int === "" && x.frac === "", zy = y.int === "" && y.frac === "";
    if (zx) x.neg = false;
    if (zy) y.neg = false;
    if (x.neg !== y.neg) return x.neg ? -1 : 1;
    var c = x.int.length - y.int.length;
    if (c === 0) c = x.int < y.int ? -1 : x.int > y.int ? 1 : 0;
    if (c === 0) c = x.frac < y.frac ? -1 : x.frac > y.frac ? 1 : 0;
    c = c < 0 ? -1 : c > 0 ? 1 : 0;
    return x.neg ? -c : c;
  }
  function value(row, column) {
    var cell = row.cells[column];
    var v = cell.getAttribute("data-v");
    return v === null ? cell.textContent.trim() : v;
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var body = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var column = th.cellIndex, numeric = th.getAttribute("data-sort") === "number";
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r, s) {
          var a = value(r, column), b = value(s, column);
          if (a === "" || b === "") {
            if (a !== b) return a === "" ? 1 : -1;
          } else {
            var c = numeric ? compareDecimal(a, b) : a.localeCompare(b, document.documentElement.lang);
            if (c !== 0) return dir * c;
          }
          return r.getAttribute("data-order") - s.getAttribute("data-order");
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  document.documentElement.setAttribute("data-script", "ready");
})();
)js";

void scorecard_table(std::string& out, const Audit& audit, Lang lang, const std::string& id) {
  const scoring::Scorecard& card = audit.card;
  const auto& indicators = audit.rules().indicators();
  out += fmt::format(
      "<table class=\"scorecard\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
      "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
      "</tr></thead>\n<tbody>\n",
      tr(lang, "指标", "Indicator"), tr(lang, "分值", "Weight"), tr(lang, "核定", "Checked"),
      tr(lang, "扣分", "Deducted"), tr(lang, "自评", "Self"),
      tr(lang, "差异（核定 − 自评）", "Gap (checked − self)"));
  Decimal weights;
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const rules::Indicator& ind = indicators[i];
    const scoring::IndicatorScore& row = card.rows[i];
    if (ind.depth == 0) weights += row.weight;
    std::string refs;
    for (const std::size_t f : row.findings)
      refs += fmt::format("<a href=\"#{}-f{}\">[{}]</a>", id, f + 1, f + 1);
    out += fmt::format("<tr class=\"d{}{}{}\"><td class=\"name\" style=\"--depth:{}\">{}{}</td>",
                       std::min<std::size_t>(ind.depth, 3), ind.is_leaf() ? " leaf" : "",
                       row.failed ? " failed" : "", ind.depth, html_escape(indicator_name(ind, lang)),
                       refs.empty() ? "" : "<span class=\"refs\">" + refs + "</span>");
    out += fmt::format("<td>{}</td><td>{}</td><td class=\"deducted\">{}</td>", format_points(row.weight),
                       format_points(row.score), row.deducted.is_zero() ? "" : format_points(row.deducted));
    if (row.self_score) {
      out += fmt::format("<td>{}</td><td class=\"{}\">{}</td></tr>\n", format_points(*row.self_score),
                         gap_class(row.score, *row.self_score), gap_text(row.score, *row.self_score));
    } else {
      out += "<td></td><td></td></tr>\n";
    }
  }
  out += fmt::format("</tbody>\n<tfoot><tr><td>{}</td><td>{}</td><td>{}</td><td class=\"deducted\">{}</td>",
                     tr(lang, "合计", "Total"), format_points(weights), format_points(card.total),
                     format_points(weights - card.total));
  if (card.self_total) {
    out += fmt::format("<td>{}</td><td class=\"{}\">{}</td></tr></tfoot>\n</table>\n",
                       format_points(*card.self_total), gap_class(card.total, *card.self_total),
                       gap_text(card.total, *card.self_total));
  } else {
    out += "<td></td><td></td></tr></tfoot>\n</table>\n";
  }
  if (!card.complete) {
    out +=
        fmt::format("<p class=\"note\">{}</p>\n", tr(lang, "* 该指标的规则未能运行，按 0 分计。",
                                                     "* a rule of this indicator could not run; scored 0."));
  }
}

void findings_list(std::string& out, const Audit& audit, Lang lang, const std::string& id) {
  const scoring::Scorecard& card = audit.card;
  if (card.findings.empty() && audit.engine_errors.empty()) {
    out += fmt::format("<p class=\"muted\">{}</p>\n", tr(lang, "（无）", "(none)"));
    return;
  }
  out += "<ol class=\"findings\">\n";
  for (std::size_t n = 0; n < card.findings.size(); ++n) {
    const Finding& f = card.findings[n];
    out += fmt::format(
        "<li class=\"finding kind-{}\" id=\"{}-f{}\">\n<div class=\"f-head\"><span class=\"f-no\">{}</span>"
        "<span class=\"badge\">{}</span>",
        kind_name(f.kind), id, n + 1, n + 1, kind_label(f.kind, lang));
    if (!f.points.is_zero()) {
      out += fmt::format("<span class=\"points\">\u2212{} {}</span>", format_points(f.points),
                         tr(lang, "分", "points"));
    }
    out += fmt::format("<span class=\"f-indicator\">{}</span>",
                       html_escape(indicator_path(audit, f.indicator, lang)));
    if (!f.subject.empty()) out += fmt::format("<span class=\"subject\">{}</span>", html_escape(f.subject));
    out += fmt::format("</div>\n<p class=\"message\">{}</p>\n", html_escape(finding_message(f, lang)));
    if (!f.evidence.empty()) {
      out += fmt::format("<dl class=\"evidence\" aria-label=\"{}\">", tr(lang, "证据", "evidence"));
      for (const Evidence& e : f.evidence) {
        out += fmt::format("<div><dt>{}</dt><dd>{}</dd></div>",
                           html_escape(evidence_label(audit, e.key, lang)), html_escape(e.value));
      }
      out += "</dl>\n";
    }
    out += fmt::format("<p class=\"sources\"><span>{}<code>{}</code>", tr(lang, "规则 ", "rule "),
                       f.rule_id.empty() ? "—" : html_escape(f.rule_id));
    if (!f.rule_source.empty()) out += fmt::format(" <code>{}</code>", html_escape(f.rule_source));
    out += "</span>";
    if (!f.data_source.empty()) {
      out += fmt::format("<span>{}<code>{}</code></span>", tr(lang, "数据 ", "data "),
                         html_escape(f.data_source));
    }
    out += "</p>\n</li>\n";
  }
  out += "</ol>\n";
  if (!audit.engine_errors.empty()) {
    out += "<ul class=\"engine-errors\">\n";
    for (const std::string& e : audit.engine_errors)
      out += "<li class=\"gap neg\">" + html_escape(e) + "</li>\n";
    out += "</ul>\n";
  }
}

// The errors and warnings of loading the data, each with where it is.
void diagnostics_list(std::string& out, const Audit& audit, Lang lang) {
  if (audit.diagnostics.empty()) return;
  out += fmt::format("<h3>{}<span class=\"count\">{}</span></h3>\n<ul class=\"checks diagnostics\">\n",
                     tr(lang, "数据问题", "Data problems"), audit.diagnostics.size());
  for (const Diagnostic& d : audit.diagnostics) {
    out += fmt::format("<li class=\"{}\">{}</li>\n",
                       d.severity == Diagnostic::Severity::error ? "gap neg" : "warning",
                       html_escape(d.to_string(lang)));
  }
  out += "</ul>\n";
}

// A department whose data has errors: no scorecard, no charts, only why.
std::string not_checked_section(const Audit& audit, const std::string& id, Lang lang) {
  std::string out = fmt::format(
      "<section class=\"department not-checked\" id=\"{}\" aria-labelledby=\"{}-name\">\n"
      "<div class=\"banner\" role=\"alert\">{}</div>\n",
      id, id, html_escape(verdict(audit, lang)));
  out += fmt::format("<h2 id=\"{}-name\">{}<span class=\"code\">{}</span></h2>\n", id,
                     html_escape(audit.header.name.empty() ? audit.file : audit.header.name),
                     html_escape(audit.header.code));
  diagnostics_list(out, audit, lang);
  out += fmt::format(
      "<footer class=\"provenance\"><div>{}<code>{}</code></div><div>{}<code>{}</code></div></footer>\n"
      "</section>\n",
      tr(lang, "数据文件 ", "Data file "), html_escape(audit.file),
      tr(lang, "数据 SHA-256 ", "Data SHA-256 "), html_escape(audit.stamp.input_sha256));
  return out;
}

}  // namespace

std::string html_department_title(const Audit& audit, Lang lang) {
  return lang == Lang::zh ? fmt::format("{} {} 年度部门整体支出绩效自评检查报告", audit.header.name,
                                        audit.header.fiscal_year)
                          : fmt::format("{}: {} performance self-evaluation check", audit.header.name,
                                        audit.header.fiscal_year);
}

std::string html_page_start(const std::string& title, const HtmlOptions& options) {
  const Lang lang = options.lang;
  const bool batch = title.empty();
  const std::string shown = html_escape(
      batch ? tr(lang, "部门整体支出绩效自评检查汇总", "Performance self-evaluation checks") : title);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"jxaudit {}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n"
      "<body class=\"{}\">\n<header class=\"page-head\"><h1>{}</h1><p>{}</p></header>\n<main>\n",
      lang == Lang::zh ? "zh-CN" : "en", html_escape(options.engine_version), shown, page_css,
      batch ? "batch" : "single", shown,
      html_escape(
          fmt::format("{} jxaudit {}", tr(lang, "检查工具", "checked with"), options.engine_version)));
  return out;
}

std::string render_html_department(const Audit& audit, std::size_t number, const HtmlOptions& options) {
  const Lang lang = options.lang;
  const scoring::Scorecard& card = audit.card;
  const std::string id = fmt::format("dept-{}", number);
  if (!audit.checked()) return not_checked_section(audit, fmt::format("unchecked-{}", number), lang);
  std::string out = fmt::format("<section class=\"department{}\" id=\"{}\" aria-labelledby=\"{}-name\">\n",
                                card.complete ? "" : " incomplete", id, id);
  if (!card.complete) {
    out += fmt::format(
        "<div class=\"banner\" role=\"alert\">{}</div>\n",
        tr(lang, "检查不完整：有规则未能运行，以下得分不是最终结果，不评定等级。",
           "Incomplete check: a rule could not run; the scores below are not final and not graded."));
  }
  out += fmt::format("<h2 id=\"{}-name\">{}<span class=\"code\">{}</span></h2>\n", id,
                     html_escape(audit.header.name), html_escape(audit.header.code));
  out += fmt::format(
      "<p class=\"meta\"><span>{}{}</span><span>{}{}</span><span>{}{}{}<code>{}</code>{}</span></p>\n",
      tr(lang, "年度 ", "Year "), audit.header.fiscal_year, tr(lang, "金额单位 ", "Money unit "),
      html_escape(money_unit(audit.header.money_unit, lang)), tr(lang, "规则集 ", "Rule set "),
      html_escape(ruleset_name(audit.rules(), lang)), tr(lang, "（", " ("), html_escape(audit.ruleset_id()),
      tr(lang, "）", ")"));

  // The totals, side by side with the verdict.
  const std::string grade = lang == Lang::zh || card.grade_en.empty() ? card.grade : card.grade_en;
  out += "<div class=\"totals\">\n";
  // An incomplete check is not graded: its total is not final.
  out += fmt::format(
      "<div class=\"stat total\"><span class=\"label\">{}</span><span class=\"value\">{}</span>{}</div>\n",
      card.complete ? tr(lang, "核定总分", "Checked total")
                    : tr(lang, "核定总分（不完整）", "Checked total (incomplete)"),
      format_points(card.total),
      card.complete ? "<span class=\"grade\">" + html_escape(grade) + "</span>" : "");
  if (card.self_total) {
    out += fmt::format(
        "<div class=\"stat self\"><span class=\"label\">{}</span><span class=\"value\">{}</span>"
        "<span class=\"grade\">{}</span></div>\n"
        "<div class=\"stat gap-total\"><span class=\"label\">{}</span><span class=\"value "
        "{}\">{}</span></div>\n",
        tr(lang, "自评总分", "Self-reported total"), format_points(*card.self_total),
        html_escape(card.self_grade ? grade_name(audit.rules(), *card.self_grade, lang) : "—"),
        tr(lang, "差异（核定 − 自评）", "Gap (checked − self)"), gap_class(card.total, *card.self_total),
        gap_text(card.total, *card.self_total));
  } else {
    out += fmt::format(
        "<div class=\"stat self\"><span class=\"label\">{}</span><span class=\"value\">—</span></div>\n"
        "<div class=\"stat gap-total\"><span class=\"label\">{}</span><span class=\"value\">—</span></div>\n",
        tr(lang, "自评总分", "Self-reported total"), tr(lang, "差异（核定 − 自评）", "Gap (checked − self)"));
  }
  out += fmt::format("<div class=\"stat verdict {}\"><span class=\"label\">{}</span>{}</div>\n</div>\n",
                     verdict_class(audit.verdict.kind), tr(lang, "结论", "Verdict"),
                     html_escape(verdict(audit, lang)));

  out += fmt::format("<h3>{}</h3>\n", tr(lang, "评分表", "Scorecard"));
  scorecard_table(out, audit, lang, id);

  // The two charts side by side on a wide page, one above the other otherwise.
  out += fmt::format("<div class=\"charts\">\n<div class=\"chart-box\"><h3>{}</h3>\n",
                     tr(lang, "末级指标得分与分值", "Score against weight, per leaf indicator"));
  out += detail::score_chart_svg(audit, lang, "score-chart-" + std::to_string(number));
  out += fmt::format("</div>\n<div class=\"chart-box\"><h3>{}</h3>\n",
                     tr(lang, "月度累计支出与序时进度", "Monthly spending against the schedule"));
  out += detail::spending_chart_html(audit, lang, "spending-chart-" + std::to_string(number));
  out += "</div>\n</div>\n";

  out += fmt::format("<h3>{}<span class=\"count\">{}</span></h3>\n", tr(lang, "扣分与发现", "Findings"),
                     card.findings.size());
  findings_list(out, audit, lang, id);

  if (!audit.self_checks.empty()) {
    out += fmt::format("<h3>{}</h3>\n<ul class=\"checks\">\n",
                       tr(lang, "自评报告核对", "Self-evaluation checks"));
    for (const SelfCheck& c : audit.self_checks) {
      std::string at;
      for (const std::string& source : c.sources) at += " <code>" + html_escape(source) + "</code>";
      out += fmt::format(
          "<li class=\"check-{}\"><strong>{}</strong>{}{}<span class=\"sources\">{}</span></li>\n",
          html_escape(c.relation), html_escape(self_check_label(audit, c, lang)), tr(lang, "：", ": "),
          html_escape(lang == Lang::zh ? c.message_zh : c.message_en), at);
    }
    out += "</ul>\n";
  }
  if (audit.report) out += detail::report_check_html(*audit.report, lang, id + "-report");
  diagnostics_list(out, audit, lang);

  out += fmt::format(
      "<footer class=\"provenance\"><div>{}<code>{}</code></div><div>{}<code>{}</code></div>"
      "<div>{}<code>{}</code></div></footer>\n</section>\n",
      tr(lang, "数据文件 ", "Data file "), html_escape(audit.file),
      tr(lang, "数据 SHA-256 ", "Data SHA-256 "), html_escape(audit.stamp.input_sha256),
      tr(lang, "规则集 SHA-256 ", "Rule set SHA-256 "), html_escape(audit.stamp.ruleset_sha256));
  return out;
}

void html_page_end(const SummaryRows& rows, const std::vector<std::string>& failed,
                   const HtmlOptions& options, const Sink& write) {
  const Lang lang = options.lang;
  std::string out;
  if (rows.size() + failed.size() >= 2) {
    std::size_t gaps = 0;
    std::size_t incomplete = 0;
    rows.for_each([&](const SummaryRow& r) {
      gaps += r.verdict == Verdict::Kind::disagrees ? 1 : 0;
      incomplete += r.complete ? 0 : 1;
    });
    out += fmt::format(
        "<section class=\"summary\" id=\"summary\" aria-labelledby=\"summary-title\">\n<h2 "
        "id=\"summary-title\">{}</h2>\n",
        tr(lang, "汇总", "Summary"));
    out += lang == Lang::zh
               ? fmt::format(
                     "<p class=\"meta\"><span>共 {} 个部门</span><span>自评与核定不一致 {} 个</span>"
                     "<span>检查不完整 {} 个</span><span>未能检查 {} 个</span></p>\n",
                     rows.size() + failed.size(), gaps, incomplete, failed.size())
               : fmt::format(
                     "<p class=\"meta\"><span>{} departments</span><span>{} disagreeing</span>"
                     "<span>{} incomplete</span><span>{} not checked</span></p>\n",
                     rows.size() + failed.size(), gaps, incomplete, failed.size());
    out += fmt::format(
        "<p class=\"note\">{}</p>\n<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>"
        "<th scope=\"col\" data-sort=\"number\"><button type=\"button\">#</button></th>"
        "<th scope=\"col\" class=\"left\" data-sort=\"text\"><button type=\"button\">{}</button></th>"
        "<th scope=\"col\" data-sort=\"number\"><button type=\"button\">{}</button></th>"
        "<th scope=\"col\" data-sort=\"number\"><button type=\"button\">{}</button></th>"
        "<th scope=\"col\" data-sort=\"number\"><button type=\"button\">{}</button></th>"
        "<th scope=\"col\" data-sort=\"text\"><button type=\"button\">{}</button></th>"
        "<th scope=\"col\" data-sort=\"text\"><button type=\"button\">{}</button></th>"
        "<th scope=\"col\" data-sort=\"number\"><button type=\"button\">{}</button></th>"
        "<th scope=\"col\" class=\"left\" data-sort=\"text\"><button "
        "type=\"button\">{}</button></th></tr></thead>\n"
        "<tbody>\n",
        tr(lang, "点击列标题排序；点击部门名称跳到该部门的报告。",
           "Click a column header to sort; click a department to go to its audit."),
        tr(lang, "部门", "Department"), tr(lang, "核定", "Checked"), tr(lang, "自评", "Self"),
        tr(lang, "差异", "Gap"), tr(lang, "等级", "Grade"), tr(lang, "结论", "Verdict"),
        tr(lang, "发现", "Findings"), tr(lang, "文件", "File"));
    // The rows may be on disk: each goes out as soon as it is rendered.
    std::size_t i = 0;
    rows.for_each([&](const SummaryRow& r) {
      out += fmt::format(
          "<tr data-order=\"{0}\"{1}><td data-v=\"{2}\">{2}</td><td class=\"left\"><a "
          "href=\"#dept-{2}\">{3}</a></td>"
          "<td class=\"total\" data-v=\"{4}\">{5}</td>",
          i, r.complete ? "" : " class=\"incomplete\"", i + 1, html_escape(r.name), r.total.to_string(),
          format_points(r.total) + (r.complete ? "" : " *"));
      if (r.self_total) {
        out += fmt::format("<td data-v=\"{}\">{}</td><td class=\"{}\" data-v=\"{}\">{}</td>",
                           r.self_total->to_string(), format_points(*r.self_total),
                           gap_class(r.total, *r.self_total), (r.total - *r.self_total).to_string(),
                           gap_text(r.total, *r.self_total));
      } else {
        out += "<td data-v=\"\"></td><td data-v=\"\"></td>";
      }
      out += fmt::format(
          "<td>{}</td><td class=\"verdict {}\">{}</td><td data-v=\"{}\">{}</td><td class=\"left "
          "file\">{}</td></tr>\n",
          r.complete ? html_escape(r.grade) : "—", verdict_class(r.verdict), verdict_label(r.verdict, lang),
          r.findings, r.findings, html_escape(r.file));
      write(std::exchange(out, {}));
      ++i;
    });
    out += "</tbody></table></div>\n";
    if (incomplete > 0) {
      out += fmt::format("<p class=\"note\">{}</p>\n",
                         tr(lang, "* 检查不完整：有规则未能运行，得分不是最终结果。",
                            "* incomplete check: a rule could not run; the score is not final."));
    }
  }
  if (!failed.empty()) {
    if (rows.size() + failed.size() < 2) out += "<section class=\"summary\" id=\"summary\">\n";
    out += fmt::format("<h3>{}</h3>\n<ul class=\"checks\">\n",
                       tr(lang, "未能检查（数据有误）", "Not checked (bad input)"));
    for (const std::string& f : failed) out += "<li><code>" + html_escape(f) + "</code></li>\n";
    out += "</ul>\n";
  }
  if (rows.size() + failed.size() >= 2 || !failed.empty()) out += "</section>\n";
  out += fmt::format(
      "</main>\n<footer class=\"page-foot\">{}</footer>\n<script>{}</script>\n</body>\n</html>\n",
      html_escape(fmt::format("{} jxaudit {}{}", tr(lang, "由", "Generated by"), options.engine_version,
                              tr(lang, " 生成。本页为独立文件，不加载任何外部资源。",
                                 ". This page is self-contained and loads nothing from elsewhere."))),
      sort_script);
  write(out);
}

std::string render_html(const Audit& audit, const HtmlOptions& options) {
  std::string page = html_page_start(html_department_title(audit, options.lang), options) +
                     render_html_department(audit, 1, options);
  html_page_end(SummaryRows(), {}, options, [&page](const std::string& piece) { page += piece; });
  return page;
}

namespace {

// The page is written as departments come; the first section waits until the
// second one (or the end) tells whether the page is one department's report or a batch.
class HtmlWriter final : public detail::BatchWriter {
 public:
  using BatchWriter::BatchWriter;
  [[nodiscard]] std::string render(const Audit&) const override { return {}; }
  void department(const Audit& audit, const std::string&, const Sink& write) override {
    const HtmlOptions html{options_.lang, options_.engine_version};
    // Checked departments are numbered apart from those not checked: the
    // summary's rows link to #dept-N.
    std::string section =
        render_html_department(audit, audit.checked() ? rows_.size() + 1 : failed_.size() + 1, html);
    if (departments() == 0) {
      first_ = std::move(section);
      first_title_ = html_department_title(audit, options_.lang);
    } else {
      if (departments() == 1) write(html_page_start("", html) + std::exchange(first_, {}));
      write(section);
    }
    count(audit);
  }
  void finish(const Sink& write) override {
    const HtmlOptions html{options_.lang, options_.engine_version};
    if (departments() <= 1) {
      write(html_page_start(departments() == 1 && failed_.empty() ? first_title_ : "", html) + first_);
    }
    html_page_end(rows_, failed_, html, write);
  }

 private:
  std::string first_;
  std::string first_title_;
};

}  // namespace

std::unique_ptr<Writer> detail::make_html_writer(const WriteOptions& options) {
  return std::make_unique<HtmlWriter>(options);
}

}  // namespace jx::report
