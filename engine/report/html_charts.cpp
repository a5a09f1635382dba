// The two inline SVG charts of the HTML report: score against weight per leaf
// indicator, and monthly cumulative spending against 序时进度. Coordinates are
// exact decimals rounded half_up to one decimal place for the SVG attributes,
// so the same report always gives the same bytes (no binary floating point).
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "report/html_detail.hpp"

namespace jx::report::detail {
namespace {

// An SVG coordinate or length: one decimal, trailing zeros dropped ("12.5", "40").
std::string coord(const Decimal& d) {
  const Decimal r = d.sign() < 0 ? Decimal(0) : d;
  return r.round(1, RoundingMode::half_up).normalized().to_string();
}

// An axis label: the exact value without trailing zeros ("2500", "0.75").
std::string tick_label(const Decimal& d) { return d.normalized().to_string(); }

std::string indicator_label(const rules::Indicator& ind, Lang lang) {
  return lang == Lang::en && !ind.name_en.empty() ? ind.name_en : ind.name;
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
  if (!d.is_fraction() && d.exponent() >= -2) return d.round(2, RoundingMode::down).to_string();  // exact: pads
  return "\u2248" + d.round(2, RoundingMode::half_up).to_string();
}

std::string score_chart_svg(const DepartmentReport& report, Lang lang, const std::string& id) {
  const auto& indicators = report.rules->indicators();
  const scoring::Scorecard& card = report.card;

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
    label_columns = std::max(label_columns, display_width(indicator_label(indicators[i], lang)));
  }
  if (max_weight.sign() <= 0) max_weight = Decimal(1);

  // Layout in user units (the svg scales to its container): a label column
  // sized by display width (about 7 units per terminal column at 13px), the
  // bars, then "score / weight".
  constexpr int width = 960;
  constexpr int row_height = 24;
  constexpr int top = 34;
  constexpr int value_width = 130;
  const int label_width = std::clamp(static_cast<int>(label_columns) * 7 + 24, 160, 380);
  const int plot_width = width - label_width - value_width;
  const int plot_bottom = top + static_cast<int>(rows.size()) * row_height;
  const int height = plot_bottom + 28;
  const Decimal scale = Decimal(plot_width) / max_weight;  // units per point

  std::string out = fmt::format(
      "<svg id=\"{}\" class=\"chart score-chart\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\" "
      "aria-labelledby=\"{}-title\" xmlns=\"http://www.w3.org/2000/svg\">\n",
      id, width, height, id);
  out += fmt::format("<title id=\"{}-title\">{}</title>\n", id,
                     tr(lang, "末级指标核定得分与分值", "Checked score against weight, per leaf indicator"));
  // Legend.
  const int legend_x = label_width;
  out += fmt::format(
      "<g class=\"legend\"><rect class=\"weight\" x=\"{}\" y=\"8\" width=\"14\" height=\"12\"/>"
      "<text x=\"{}\" y=\"18\">{}</text>"
      "<rect class=\"score full\" x=\"{}\" y=\"8\" width=\"14\" height=\"12\"/><text x=\"{}\" y=\"18\">{}</text>"
      "<rect class=\"score part\" x=\"{}\" y=\"8\" width=\"14\" height=\"12\"/><text x=\"{}\" y=\"18\">{}</text>"
      "<rect class=\"score zero\" x=\"{}\" y=\"8\" width=\"14\" height=\"12\"/><text x=\"{}\" y=\"18\">{}</text></g>\n",
      legend_x, legend_x + 20, tr(lang, "分值", "weight"), legend_x + 90, legend_x + 110,
      tr(lang, "满分", "full score"), legend_x + 210, legend_x + 230, tr(lang, "部分扣分", "partly deducted"),
      legend_x + 350, legend_x + 370, tr(lang, "未得分或规则失败", "no score or rule failed"));

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
    const std::string label = html_escape(indicator_label(ind, lang));
    if (rows[r].heading) {
      out += fmt::format(
          "<g class=\"group\"><line x1=\"0\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\"/>"
          "<text x=\"0\" y=\"{2}\">{3}</text></g>\n",
          y + 2, width, y + 17, label);
      continue;
    }
    const scoring::IndicatorScore& s = card.rows[rows[r].index];
    const char* kind = s.failed             ? "zero failed"
                       : s.score == s.weight ? "full"
                       : s.score.is_zero()   ? "zero"
                                             : "part";
    const std::string values = format_points(s.score) + " / " + format_points(s.weight);
    out += fmt::format(
        "<g class=\"bar\"><title>{0}: {1} {2} · {3} {4}{5}</title>"
        "<text class=\"label\" x=\"{6}\" y=\"{7}\" text-anchor=\"end\">{0}</text>"
        "<rect class=\"weight\" x=\"{8}\" y=\"{9}\" width=\"{10}\" height=\"14\"/>"
        "<rect class=\"score {11}\" x=\"{8}\" y=\"{9}\" width=\"{12}\" height=\"14\"/>"
        "<text class=\"value\" x=\"{13}\" y=\"{7}\">{14}</text></g>\n",
        label, tr(lang, "核定", "checked"), format_points(s.score), tr(lang, "分值", "weight"),
        format_points(s.weight), s.failed ? tr(lang, "（规则未能运行）", " (a rule failed)") : "", label_width - 10,
        y + 16, label_width, y + 5, coord(s.weight * scale), kind, coord(std::min(s.score, s.weight) * scale),
        label_width + plot_width + 10, html_escape(values));
  }
  out += "</svg>\n";
  return out;
}

std::string spending_chart_html(const DepartmentReport& report, Lang lang, const std::string& id) {
  // budget.adjusted and budget.monthly[] {month, cumulative_spent}, as validated by the schema.
  std::optional<Decimal> adjusted;
  struct Point {
    int month;
    Decimal spent;
  };
  std::vector<Point> points;
  const data::Value* budget = report.department ? report.department->root.find("budget") : nullptr;
  if (budget != nullptr) {
    if (const data::Value* a = budget->find("adjusted"); a != nullptr && a->kind() == data::Value::Kind::decimal) {
      adjusted = a->as_decimal();
    }
    if (const data::Value* m = budget->find("monthly"); m != nullptr && m->kind() == data::Value::Kind::array) {
      for (const data::Value& e : m->as_array()) {
        const data::Value* month = e.find("month");
        const data::Value* spent = e.find("cumulative_spent");
        if (month == nullptr || spent == nullptr || month->kind() != data::Value::Kind::decimal ||
            spent->kind() != data::Value::Kind::decimal) {
          continue;
        }
        const Decimal& md = month->as_decimal();
        if (!md.is_integer() || md < Decimal(1) || md > Decimal(12)) continue;
        points.push_back({std::stoi(md.round(0, RoundingMode::down).to_string()), spent->as_decimal()});
      }
    }
  }
  std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.month < b.month; });
  if (points.empty()) {
    return fmt::format("<p class=\"muted\">{}</p>\n",
                       tr(lang, "未提供月度累计支出（budget.monthly），无法与序时进度比较。",
                          "No monthly cumulative spending (budget.monthly): nothing to compare with the schedule."));
  }
  const bool has_schedule = adjusted && adjusted->sign() > 0;
  auto schedule = [&](int month) { return *adjusted * month / 12; };
  const std::string unit = html_escape(report.money_unit);

  // The vertical scale: round steps up to the larger of the budget and the spending.
  Decimal y_max = has_schedule ? *adjusted : Decimal(0);
  for (const Point& p : points) y_max = std::max(y_max, p.spent);
  if (y_max.sign() <= 0) y_max = Decimal(1);
  const Decimal step = nice_step(y_max / 6);  // about six grid lines
  y_max = step * (y_max / step).round(0, RoundingMode::ceiling);

  constexpr int width = 960;
  constexpr int height = 380;
  constexpr int left = 78;
  constexpr int right = width - 24;
  constexpr int top = 44;
  constexpr int bottom = height - 36;
  const Decimal plot_width(right - left);
  const Decimal plot_height(bottom - top);
  auto x_of = [&](int month) { return coord(Decimal(left) + plot_width * month / 12); };
  auto y_of = [&](const Decimal& v) { return coord(Decimal(bottom) - std::max(v, Decimal(0)) * plot_height / y_max); };

  std::string out = fmt::format(
      "<svg id=\"{}\" class=\"chart spending-chart\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\" "
      "aria-labelledby=\"{}-title\" xmlns=\"http://www.w3.org/2000/svg\">\n",
      id, width, height, id);
  out += fmt::format("<title id=\"{}-title\">{}</title>\n", id,
                     tr(lang, "月度累计支出与序时进度", "Monthly cumulative spending against the time schedule"));
  // Legend and unit.
  out += fmt::format(
      "<g class=\"legend\"><line class=\"spent\" x1=\"{0}\" y1=\"14\" x2=\"{1}\" y2=\"14\"/>"
      "<circle class=\"spent\" cx=\"{2}\" cy=\"14\" r=\"4\"/><text x=\"{3}\" y=\"18\">{4}</text>",
      left, left + 28, left + 14, left + 36, tr(lang, "累计支出", "cumulative spending"));
  if (has_schedule) {
    const std::string text =
        lang == Lang::zh ? fmt::format("序时进度（月份 ÷ 12 × 调整后预算 {} {}）", adjusted->to_string(), report.money_unit)
                         : fmt::format("schedule (month ÷ 12 × adjusted budget {} {})", adjusted->to_string(),
                                       report.money_unit);
    // Place the next entry after this text: about 7 units per terminal column at 13px.
    const int after = left + 206 + static_cast<int>(display_width(text)) * 7 + 24;
    out += fmt::format(
        "<line class=\"schedule\" x1=\"{}\" y1=\"14\" x2=\"{}\" y2=\"14\"/><text x=\"{}\" y=\"18\">{}</text>"
        "<circle class=\"spent behind\" cx=\"{}\" cy=\"14\" r=\"4\"/><text x=\"{}\" y=\"18\">{}</text>",
        left + 170, left + 198, left + 206, html_escape(text), after, after + 10,
        tr(lang, "低于序时进度", "below schedule"));
  }
  out += fmt::format("</g>\n<text class=\"unit\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n", left - 8, top - 12,
                     unit);

  // Horizontal grid with amounts; months along the bottom.
  for (Decimal v(0); v <= y_max; v += step) {
    const std::string y = y_of(v);
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>"
        "<text class=\"tick\" x=\"{3}\" y=\"{1}\" dy=\"4\" text-anchor=\"end\">{4}</text>\n",
        left, y, right, left - 8, tick_label(v));
  }
  for (int m = 1; m <= 12; ++m) {
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}{}</text>\n", x_of(m),
                       bottom + 18, m, tr(lang, "月", ""));
  }
  out += fmt::format("<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>\n", left, bottom, right);

  if (has_schedule) {
    out += fmt::format("<line class=\"schedule\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", x_of(0), y_of(0),
                       x_of(12), y_of(*adjusted));
  }
  std::string polyline;
  for (const Point& p : points) polyline += (polyline.empty() ? "" : " ") + x_of(p.month) + "," + y_of(p.spent);
  out += fmt::format("<polyline class=\"spent\" points=\"{}\"/>\n", polyline);
  for (const Point& p : points) {
    const bool behind = has_schedule && p.spent < schedule(p.month);
    std::string tip = lang == Lang::zh ? fmt::format("{} 月：累计支出 {} {}", p.month, approx2(p.spent), report.money_unit)
                                       : fmt::format("month {}: spent {} {}", p.month, approx2(p.spent), report.money_unit);
    if (has_schedule) {
      tip += lang == Lang::zh ? fmt::format("；序时进度 {} {}", approx2(schedule(p.month)), report.money_unit)
                              : fmt::format("; schedule {} {}", approx2(schedule(p.month)), report.money_unit);
    }
    out += fmt::format("<circle class=\"spent{}\" cx=\"{}\" cy=\"{}\" r=\"4.5\"><title>{}</title></circle>\n",
                       behind ? " behind" : "", x_of(p.month), y_of(p.spent), html_escape(tip));
  }
  out += "</svg>\n";

  // The figures behind the chart, to cite and to print.
  out += "<div class=\"scroll\"><table class=\"monthly\">\n<thead><tr><th scope=\"col\">";
  out += tr(lang, "月份", "Month");
  for (const Point& p : points) out += fmt::format("</th><th scope=\"col\">{}", p.month);
  out += fmt::format("</th></tr></thead>\n<tbody><tr><th scope=\"row\">{}（{}）</th>",
                     tr(lang, "累计支出", "Cumulative spending"), unit);
  for (const Point& p : points) out += "<td>" + approx2(p.spent) + "</td>";
  out += "</tr>\n";
  if (has_schedule) {
    out += fmt::format("<tr><th scope=\"row\">{}（{}）</th>", tr(lang, "序时进度", "Schedule"), unit);
    for (const Point& p : points) out += "<td>" + approx2(schedule(p.month)) + "</td>";
    out += fmt::format("</tr>\n<tr><th scope=\"row\">{}</th>",
                       tr(lang, "支出进度（÷ 调整后预算）", "Spent (÷ adjusted budget)"));
    for (const Point& p : points) {
      const bool behind = p.spent < schedule(p.month);
      out += fmt::format("<td{}>{}</td>", behind ? " class=\"behind\"" : "", (p.spent / *adjusted).percent(2));
    }
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  return out;
}

}  // namespace jx::report::detail
