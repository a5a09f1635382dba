// Internals of the HTML report shared by html.cpp (the page, the tables, the
// findings) and html_charts.cpp (the two inline SVG charts). Not installed;
// only engine/report includes it.
#pragma once

#include <string>
#include <string_view>

#include "lang/lang.hpp"
#include "report/report.hpp"

namespace jx::report::detail {

// Text safe inside HTML elements and quoted attributes (also inline SVG):
// & < > " ' escaped, control characters and invalid UTF-8 replaced by U+FFFD,
// since department names and file names are user input.
std::string html_escape(std::string_view text);

// A money amount or count for display: exact when it has at most two decimals,
// otherwise "≈" and the value rounded half_up to two (named, never silent).
std::string approx2(const Decimal& d);

// The leaf chart: score against weight, one bar pair per leaf indicator.
// `id` is the svg element's id.
std::string score_chart_svg(const audit::Audit& audit, Lang lang, const std::string& id);

// Monthly cumulative spending against 序时进度 (month / 12 × budget.adjusted),
// with a table of the values; a short note when the data has no monthly figures.
std::string spending_chart_html(const audit::Audit& audit, Lang lang, const std::string& id);

// check --report and jxaudit narrative: the report's findings, quotes with
// their figures marked; `id` is the block's element id.
std::string report_check_html(const audit::ReportCheck& report, Lang lang, const std::string& id);

}  // namespace jx::report::detail
