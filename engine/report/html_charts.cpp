// The two inline SVG charts of the HTML report: score against weight per leaf
// indicator, and monthly cumulative spending against 序时进度. Coordinates are
// exact decimals rounded half_up to one decimal place for the SVG attributes,
// so the same report always gives the same bytes (no binary floating point).
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <tuple>
#include <vector>

#include "report/html_detail.hpp"

namespace jx::report::detail {

using audit::Audit;
namespace {

// An SVG coordinate or length: one decimal, trailing zeros dropped ("12.5", "40").
std::string coord(const Decimal& d) {
  const Decimal r = d.sign() < 0 ? Decimal(0) : d;
  return r.round(1, RoundingMode::half_up).normalized().to_string();
}

// An axis label: the exact value without trailing zeros, thousands grouped
// ("12,000", "0.75").
std::string tick_label(const Decimal& d) {
  const std::string text = d.normalized().to_string();
  const std::size_t sign = text.starts_with('-') ? 1 : 0;
  std::size_t end = text.find('.');
  if (end == std::string::npos) end = text.size();
  std::string out = text.substr(0, sign);
  for (std::size_t i = sign; i < end; ++i) {
    if (i > sign && (end - i) % 3 == 0) out += ',';
    out += text[i];
  }
  return out + text.substr(end);
}

// The smallest of 1, 2, 2.5, 5 × 10^k that is at least `raw` (> 0): a round grid step.
Decimal nice_step(const Decimal& raw) {
  Decimal p(1);
  while (p * 10 <= raw) p *= 10;
  while (p > raw) p /= 10;
  for (const Decimal& m : {Decimal(1), Decimal(2), Decimal(25, -1), Decimal(5)}) {
    if (p * m >= raw) return p * m;
  }
  return p * 10;
}

}  // namespace

std::string approx2(const Decimal& d) {
  if (!d.is_fraction() && d.exponent() >= -2)
    return d.round(2, RoundingMode::down).to_string();  // exact: pads
  return "\u2248" + d.round(2, RoundingMode::half_up).to_string();
}

std::string score_chart_svg(const Audit& audit, Lang lang, const std::string& id) {
  const auto& indicators = audit.rules().indicators();
  const scoring::Scorecard& card = audit.card;

  // Leaves in tree order, each first-level group announced by a heading row.
  struct Row {
    std::size_t index;
    bool heading;
  };
  std::vector<Row> rows;
  std::optional<std::size_t> group;
  Decimal max_weight;
  std::size_t label_columns = 0;
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    if (!indicators[i].is_leaf()) continue;
    std::size_t top = i;
    while (indicators[top].parent) top = *indicators[top].parent;
    if (top != i && group != top) {
      rows.push_back({top, true});
      group = top;
    }
    rows.push_back({i, false});
    max_weight = std::max(max_weight, card.rows[i].weight);
    label_columns = std::max(label_columns, display_width(indicator_name(indicators[i], lang)));
  }
  if (max_weight.sign() <= 0) max_weight = Decimal(1);

  // Layout in user units (the svg scales to its container, half the page
  // wide): a label column sized by display width (about 7 units per terminal
  // column at 13px), the bars, then "score / weight". A label too long for its
  // column is condensed to fit (textLength) rather than cut.
  constexpr int width = 560;
  constexpr int row_height = 22;
  constexpr int top = 34;
  constexpr int value_width = 96;
  const int label_width = std::clamp(static_cast<int>(label_columns) * 7 + 20, 120, 250);
  const int plot_width = width - label_width - value_width;
  const int plot_bottom = top + static_cast<int>(rows.size()) * row_height;
  const int height = plot_bottom + 26;
  const Decimal scale = Decimal(plot_width) / max_weight;  // units per point
  auto fit = [&](const std::string& text, int room) {
    return static_cast<int>(display_width(text)) * 7 > room
               ? fmt::format(" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"", room)
               : std::string();
  };

  std::string out = fmt::format(
      "<svg id=\"{}\" class=\"chart score-chart\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\" "
      "aria-labelledby=\"{}-title\" xmlns=\"http://www.w3.org/2000/svg\">\n",
      id, width, height, id);
  out += fmt::format("<title id=\"{}-title\">{}</title>\n", id,
                     tr(lang, "末级指标核定得分与分值", "Checked score against weight, per leaf indicator"));
  // Legend, each entry placed after the previous one's text.
  int legend_x = 0;
  out += "<g class=\"legend\">";
  for (const auto& [cls, zh, en] :
       {std::tuple{"weight", "分值", "weight"}, std::tuple{"score full", "满分", "full"},
        std::tuple{"score part", "部分扣分", "part deducted"},
        std::tuple{"score zero", "0 分或规则失败", "zero or rule failed"}}) {
    const char* text = tr(lang, zh, en);
    out += fmt::format(
        "<rect class=\"{}\" x=\"{}\" y=\"8\" width=\"12\" height=\"12\"/><text x=\"{}\" y=\"18\">{}</text>",
        cls, legend_x, legend_x + 17, text);
    legend_x += 17 + static_cast<int>(display_width(text)) * 7 + 18;
  }
  out += "</g>\n";

  // Vertical grid at quarters of the largest weight, labelled under the plot.
  for (int k = 0; k <= 4; ++k) {
    const std::string x = coord(Decimal(label_width) + Decimal(plot_width * k) / 4);
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>"
        "<text class=\"tick\" x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
        x, top, plot_bottom, plot_bottom + 16, tick_label(max_weight * k / 4));
  }

  for (std::size_t r = 0; r < rows.size(); ++r) {
    const int y = top + static_cast<int>(r) * row_height;
    const rules::Indicator& ind = indicators[rows[r].index];
    const std::string raw_label = indicator_name(ind, lang);
    const std::string label = html_escape(raw_label);
    if (rows[r].heading) {
      out += fmt::format(
          "<g class=\"group\"><line x1=\"0\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\"/>"
          "<text x=\"0\" y=\"{2}\"{4}>{3}</text></g>\n",
          y + 2, width, y + 16, label, fit(raw_label, width));
      continue;
    }
    const scoring::IndicatorScore& s = card.rows[rows[r].index];
    const char* kind = s.failed              ? "zero failed"
                       : s.score == s.weight ? "full"
                       : s.score.is_zero()   ? "zero"
                                             : "part";
    const std::string values = format_points(s.score) + " / " + format_points(s.weight);
    out += fmt::format(
        "<g class=\"bar\"><title>{0}{16}{1} {2} · {3} {4}{5}</title>"
        "<text class=\"label\" x=\"{6}\" y=\"{7}\" text-anchor=\"end\"{15}>{0}</text>"
        "<rect class=\"weight\" x=\"{8}\" y=\"{9}\" width=\"{10}\" height=\"13\"/>"
        "<rect class=\"score {11}\" x=\"{8}\" y=\"{9}\" width=\"{12}\" height=\"13\"/>"
        "<text class=\"value\" x=\"{13}\" y=\"{7}\">{14}</text></g>\n",
        label, tr(lang, "核定", "checked"), format_points(s.score), tr(lang, "分值", "weight"),
        format_points(s.weight), s.failed ? tr(lang, "（规则未能运行）", " (a rule failed)") : "",
        label_width - 8, y + 15, label_width, y + 4, coord(s.weight * scale), kind,
        coord(std::min(s.score, s.weight) * scale), label_width + plot_width + 8, html_escape(values),
        fit(raw_label, label_width - 12), tr(lang, "：", ": "));
  }
  out += "</svg>\n";
  return out;
}

std::string spending_chart_html(const Audit& audit, Lang lang, const std::string& id) {
  // The curve the department gave and the months the audit's findings put
  // below schedule: a month the rule set does not check (December) is never red.
  const std::optional<Decimal>& adjusted = audit.spending.adjusted;
  struct Point {
    int month;
    Decimal spent;
    bool behind;
  };
  std::vector<Point> points;
  for (const audit::MonthlySpending& m : audit.spending.months)
    points.push_back({m.month, m.cumulative_spent, m.schedule.has_value()});
  if (points.empty()) {
    return fmt::format(
        "<p class=\"muted\">{}</p>\n",
        tr(lang, "未提供月度累计支出（budget.monthly），无法与序时进度比较。",
           "No monthly cumulative spending (budget.monthly): nothing to compare with the schedule."));
  }
  const bool has_schedule = adjusted && adjusted->sign() > 0;
  auto schedule = [&](int month) { return *adjusted * month / 12; };
  const std::string unit = html_escape(audit.header.money_unit);

  // The vertical scale: round steps up to the larger of the budget and the spending.
  Decimal y_max = has_schedule ? *adjusted : Decimal(0);
  for (const Point& p : points) y_max = std::max(y_max, p.spent);
  if (y_max.sign() <= 0) y_max = Decimal(1);
  const Decimal step = nice_step(y_max / 6);  // about six grid lines
  y_max = step * (y_max / step).round(0, RoundingMode::ceiling);

  constexpr int width = 560;
  constexpr int height = 350;
  constexpr int left = 66;
  constexpr int right = width - 14;
  constexpr int top = 76;
  constexpr int bottom = height - 30;
  const Decimal plot_width(right - left);
  const Decimal plot_height(bottom - top);
  auto x_of = [&](int month) { return coord(Decimal(left) + plot_width * month / 12); };
  auto y_of = [&](const Decimal& v) {
    return coord(Decimal(bottom) - std::max(v, Decimal(0)) * plot_height / y_max);
  };

  std::string out = fmt::format(
      "<svg id=\"{}\" class=\"chart spending-chart\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\" "
      "aria-labelledby=\"{}-title\" xmlns=\"http://www.w3.org/2000/svg\">\n",
      id, width, height, id);
  out += fmt::format(
      "<title id=\"{}-title\">{}</title>\n", id,
      tr(lang, "月度累计支出与序时进度", "Monthly cumulative spending against the time schedule"));
  // Legend on two lines: the spending line and its below-schedule marker, then the schedule.
  const char* spent_text = tr(lang, "累计支出", "cumulative spending");
  const int behind_x = 36 + static_cast<int>(display_width(spent_text)) * 7 + 24;
  out += fmt::format(
      "<g class=\"legend\"><line class=\"spent\" x1=\"0\" y1=\"14\" x2=\"28\" y2=\"14\"/>"
      "<circle class=\"spent\" cx=\"14\" cy=\"14\" r=\"4\"/><text x=\"36\" y=\"18\">{}</text>",
      spent_text);
  if (has_schedule) {
    const std::string text = lang == Lang::zh ? fmt::format("序时进度（月份 ÷ 12 × 调整后预算 {} {}）",
                                                            adjusted->to_string(), audit.header.money_unit)
                                              : fmt::format("schedule (month ÷ 12 × adjusted budget {} {})",
                                                            adjusted->to_string(), audit.header.money_unit);
    out += fmt::format(
        "<circle class=\"spent behind\" cx=\"{}\" cy=\"14\" r=\"4\"/><text x=\"{}\" y=\"18\">{}</text>"
        "<line class=\"schedule\" x1=\"0\" y1=\"36\" x2=\"28\" y2=\"36\"/><text x=\"36\" y=\"40\">{}</text>",
        behind_x, behind_x + 10, tr(lang, "低于序时进度的月份", "month below schedule"), html_escape(text));
  }
  out += fmt::format("</g>\n<text class=\"unit\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", left - 6,
                     top - 14, unit);

  // Horizontal grid with amounts; months along the bottom.
  for (Decimal v(0); v <= y_max; v += step) {
    const std::string y = y_of(v);
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>"
        "<text class=\"tick\" x=\"{3}\" y=\"{1}\" dy=\"4\" text-anchor=\"end\">{4}</text>\n",
        left, y, right, left - 6, tick_label(v));
  }
  for (int m = 1; m <= 12; ++m) {
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}{}</text>\n", x_of(m),
                       bottom + 17, m, tr(lang, "月", ""));
  }
  out += fmt::format("<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>\n", left, bottom,
                     right);

  // The schedule over the spending line (dashed, both stay visible where they meet), the points over both.
  std::string polyline;
  for (const Point& p : points)
    polyline += (polyline.empty() ? "" : " ") + x_of(p.month) + "," + y_of(p.spent);
  out += fmt::format("<polyline class=\"spent\" points=\"{}\"/>\n", polyline);
  if (has_schedule) {
    out += fmt::format("<line class=\"schedule\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", x_of(0),
                       y_of(0), x_of(12), y_of(*adjusted));
  }
  for (const Point& p : points) {
    const bool behind = p.behind;
    std::string tip =
        lang == Lang::zh
            ? fmt::format("{} 月：累计支出 {} {}", p.month, approx2(p.spent), audit.header.money_unit)
            : fmt::format("month {}: spent {} {}", p.month, approx2(p.spent), audit.header.money_unit);
    if (has_schedule) {
      tip += lang == Lang::zh
                 ? fmt::format("；序时进度 {} {}", approx2(schedule(p.month)), audit.header.money_unit)
                 : fmt::format("; schedule {} {}", approx2(schedule(p.month)), audit.header.money_unit);
    }
    out += fmt::format("<circle class=\"spent{}\" cx=\"{}\" cy=\"{}\" r=\"4\"><title>{}</title></circle>\n",
                       behind ? " behind" : "", x_of(p.month), y_of(p.spent), html_escape(tip));
  }
  out += "</svg>\n";

  // The figures behind the chart, to cite and to print: one row per month.
  const char* open = tr(lang, "（", " (");
  const char* close = tr(lang, "）", ")");
  out += fmt::format(
      "<table class=\"monthly\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}{}{}{}</th>",
      tr(lang, "月份", "Month"), tr(lang, "累计支出", "Spent to date"), open, unit, close);
  if (has_schedule) {
    out += fmt::format("<th scope=\"col\">{}{}{}{}</th><th scope=\"col\">{}</th>",
                       tr(lang, "序时进度", "Schedule"), open, unit, close,
                       tr(lang, "支出进度", "Share of budget"));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const Point& p : points) {
    const bool behind = p.behind;
    out += fmt::format("<tr{}><td>{}</td><td>{}</td>", behind ? " class=\"behind\"" : "", p.month,
                       approx2(p.spent));
    if (has_schedule) {
      out +=
          fmt::format("<td>{}</td><td>{}</td>", approx2(schedule(p.month)), (p.spent / *adjusted).percent(2));
    }
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
  if (has_schedule) {
    out += fmt::format(
        "<p class=\"note\">{}</p>\n",
        tr(lang,
           "序时进度 = 月份 ÷ 12 × 调整后预算；支出进度 = 累计支出 ÷ 调整后预算（四舍五入到 0.01%）；≈ "
           "为四舍五入到分的近似值。",
           "Schedule = month ÷ 12 × adjusted budget; share = spent to date ÷ adjusted budget (half-up to "
           "0.01%); ≈ marks a value rounded half-up to two decimals."));
  }
  return out;
}

}  // namespace jx::report::detail
