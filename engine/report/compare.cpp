// Two rule sets on the same departments: the model (compare, ComparisonSummary)
// and its text, JSON and CSV renderings (compare.hpp).
#include "report/compare.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lang/lang.hpp"
#include "report/csv_cell.hpp"
#include "report/json_writer.hpp"

namespace jx::report {

namespace {

// Findings are matched across rule sets by indicator, rule, subject and kind.
std::string finding_key(const Finding& f) {
  return f.indicator + "\x1f" + f.rule_id + "\x1f" + f.subject + "\x1f" + kind_name(f.kind);
}

std::string label_of(const rules::Indicator& ind, Lang lang) {
  return lang == Lang::en && !ind.name_en.empty() ? ind.name_en : ind.name;
}

std::string grade_of(const scoring::Scorecard& card, Lang lang) {
  return lang == Lang::en && !card.grade_en.empty() ? card.grade_en : card.grade;
}

std::string set_name(const rules::RuleSet& set, Lang lang) {
  return lang == Lang::en && !set.name_en().empty() ? set.name_en() : set.name();
}

// "−0.42" in text (U+2212); "" when both sides are the same or one is absent.
std::string change_text(const std::optional<Decimal>& a, const std::optional<Decimal>& b) {
  if (!a || !b) return "";
  return *a == *b ? "" : format_gap(*b - *a);
}

std::string points_or_dash(const std::optional<Decimal>& d) { return d ? format_points(*d) : "—"; }

// Columns aligned by display width: the first (and the last, when `last_left`)
// to the left, the numbers between to the right.
std::string table(const std::vector<std::vector<std::string>>& rows, bool last_left = false) {
  if (rows.empty()) return {};
  std::vector<std::size_t> widths(rows.front().size());
  for (const auto& r : rows) {
    for (std::size_t c = 0; c < r.size(); ++c) widths[c] = std::max(widths[c], display_width(r[c]));
  }
  std::string out;
  for (const auto& r : rows) {
    std::string line = r[0] + std::string(widths[0] - display_width(r[0]), ' ');
    for (std::size_t c = 1; c < r.size(); ++c) {
      const std::string pad(widths[c] - display_width(r[c]), ' ');
      line += "  " + (last_left && c + 1 == r.size() ? r[c] + pad : pad + r[c]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

using Json = json::Writer;
using json::field;

void optional_points(Json& w, const char* k, const std::optional<Decimal>& d) {
  if (d) field(w, k, format_points(*d));
}

// A JSON change: "-0.42", "0.00"; absent when one side is.
void change_field(Json& w, const std::optional<Decimal>& a, const std::optional<Decimal>& b) {
  if (a && b) field(w, "change", format_points(*b - *a));
}

const char* change_name(FindingMove::Change c) {
  switch (c) {
    case FindingMove::Change::added: return "added";
    case FindingMove::Change::removed: return "removed";
    case FindingMove::Change::points: return "points";
  }
  return "?";
}

std::string csv_row(const std::string& code, const std::string& name, const std::string& file,
                    const std::string& indicator, const std::optional<Decimal>& a,
                    const std::optional<Decimal>& b) {
  return fmt::format("{},{},{},{},{},{},{}\r\n", csv_cell(code), csv_cell(name), csv_cell(file),
                     csv_cell(indicator), a ? format_points(*a) : "", b ? format_points(*b) : "",
                     a && b ? format_points(*b - *a) : "");
}

}  // namespace

Comparison compare(const audit::Audit& a, const audit::Audit& b, Lang lang) {
  Comparison c;
  c.file = a.file;
  c.code = a.header.code;
  c.name = a.header.name;
  c.a_set = a.ruleset_id();
  c.b_set = b.ruleset_id();
  c.a_name = set_name(a.rules(), lang);
  c.b_name = set_name(b.rules(), lang);
  c.a_total = a.card.total;
  c.b_total = b.card.total;
  c.a_grade = grade_of(a.card, lang);
  c.b_grade = grade_of(b.card, lang);
  c.complete = a.card.complete && b.card.complete;

  // Indicators by path, in B's order, then those only A has (in A's order).
  std::map<std::string, std::size_t> a_index;
  const auto& a_inds = a.rules().indicators();
  for (std::size_t i = 0; i < a_inds.size(); ++i) a_index[a_inds[i].path] = i;
  for (std::size_t j = 0; j < b.rules().indicators().size(); ++j) {
    const auto& ind = b.rules().indicators()[j];
    IndicatorMove move{ind.path, label_of(ind, lang), ind.depth, std::nullopt, b.card.rows[j].score};
    if (const auto it = a_index.find(ind.path); it != a_index.end()) {
      move.a = a.card.rows[it->second].score;
      a_index.erase(it);
    }
    c.indicators.push_back(std::move(move));
  }
  for (std::size_t i = 0; i < a_inds.size(); ++i) {
    if (a_index.count(a_inds[i].path) == 0) continue;
    c.indicators.push_back(IndicatorMove{a_inds[i].path, label_of(a_inds[i], lang), a_inds[i].depth,
                                         a.card.rows[i].score, std::nullopt});
  }

  // Findings that appear, disappear or change their points.
  std::map<std::string, const Finding*> fa;
  std::map<std::string, const Finding*> fb;
  for (const Finding& f : a.card.findings) fa.emplace(finding_key(f), &f);
  for (const Finding& f : b.card.findings) fb.emplace(finding_key(f), &f);
  for (const Finding& f : b.card.findings) {
    const std::string key = finding_key(f);
    if (fb.at(key) != &f) continue;  // the first of equal keys stands for them
    const auto it = fa.find(key);
    if (it == fa.end()) {
      c.findings.push_back(
          {FindingMove::Change::added, f.indicator, f.rule_id, f.subject, f.message, std::nullopt, f.points});
    } else if (it->second->points != f.points) {
      c.findings.push_back({FindingMove::Change::points, f.indicator, f.rule_id, f.subject, f.message,
                            it->second->points, f.points});
    }
  }
  for (const Finding& f : a.card.findings) {
    const std::string key = finding_key(f);
    if (fa.at(key) != &f || fb.count(key) > 0) continue;
    c.findings.push_back(
        {FindingMove::Change::removed, f.indicator, f.rule_id, f.subject, f.message, f.points, std::nullopt});
  }
  return c;
}

void ComparisonSummary::add(const Comparison& c) {
  if (departments_.empty()) {
    a_set_ = c.a_set;
    b_set_ = c.b_set;
  }
  departments_.push_back({c.file, c.code, c.name, c.a_total, c.b_total, c.complete});
  for (const IndicatorMove& m : c.indicators) {
    auto [it, added] = index_.emplace(m.path, indicators_.size());
    if (added) indicators_.push_back(Indicator{m.path, m.label, m.depth, 0, std::nullopt, std::nullopt});
    Indicator& ind = indicators_[it->second];
    if (m.a) ind.a_sum = ind.a_sum.value_or(Decimal()) + *m.a;
    if (m.b) ind.b_sum = ind.b_sum.value_or(Decimal()) + *m.b;
    if (!m.a || !m.b || *m.a != *m.b) ++ind.changed;
  }
}

std::size_t ComparisonSummary::changed_totals() const {
  return static_cast<std::size_t>(std::count_if(departments_.begin(), departments_.end(),
                                                [](const Department& d) { return d.a_total != d.b_total; }));
}

// --- text ---

std::string render_compare_text(const Comparison& c, Lang lang) {
  // "名称（gz/2023）" in Chinese, "name (gz/2023)" in English.
  const auto with = [lang](const std::string& text, const std::string& aside) {
    return lang == Lang::zh ? text + "（" + aside + "）" : text + " (" + aside + ")";
  };
  std::string out =
      fmt::format("{}{}  {}\n", tr(lang, "部门：", "Department: "), with(c.name, c.code), c.file);
  out += fmt::format("A: {}\nB: {}\n", with(c.a_name, c.a_set), with(c.b_name, c.b_set));
  out +=
      fmt::format("{}{} → {}  {}\n", tr(lang, "总分：", "Total: "), with(format_points(c.a_total), c.a_grade),
                  with(format_points(c.b_total), c.b_grade), format_gap(c.b_total - c.a_total));
  if (!c.complete) {
    out += tr(lang, "！检查不完整：有规则未能运行，得分不是最终结果。\n",
              "! incomplete check: a rule could not run; the scores are not final.\n");
  }
  out += "\n";
  std::vector<std::vector<std::string>> rows{
      {tr(lang, "指标", "Indicator"), "A", "B", tr(lang, "变化", "Change")}};
  for (const IndicatorMove& m : c.indicators) {
    const std::string change = !m.a   ? tr(lang, "新增", "new")
                               : !m.b ? tr(lang, "删除", "removed")
                                      : change_text(m.a, m.b);
    // An indicator only A has is shown by its path: B's tree no longer places it.
    rows.push_back({m.b ? std::string(m.depth * 2, ' ') + m.label : m.path, points_or_dash(m.a),
                    points_or_dash(m.b), change});
  }
  out += table(rows);
  out += "\n" +
         std::string(tr(lang, "发现的变化（+ 仅 B，- 仅 A，~ 扣分变化）",
                        "Findings that moved (+ only B, - only A, ~ points changed)")) +
         "\n";
  if (c.findings.empty()) out += tr(lang, "（无）\n", "(none)\n");
  for (const FindingMove& f : c.findings) {
    switch (f.change) {
      case FindingMove::Change::added:
      case FindingMove::Change::removed:
        out += fmt::format("{} {} {} {} {}: {}\n", f.change == FindingMove::Change::added ? "+" : "-",
                           f.indicator, f.subject, tr(lang, "扣", "−"),
                           format_points(f.change == FindingMove::Change::added ? *f.b_points : *f.a_points),
                           f.message);
        break;
      case FindingMove::Change::points:
        out += fmt::format("~ {} {}: {} → {}\n", f.indicator, f.subject, format_points(*f.a_points),
                           format_points(*f.b_points));
        break;
    }
  }
  return out;
}

std::string render_compare_summary_text(const ComparisonSummary& s, Lang lang) {
  const std::size_t n = s.departments().size() + s.not_checked_files().size();
  std::string out =
      lang == Lang::zh
          ? fmt::format("汇总：A {} → B {}，共 {} 个部门，总分变化的 {} 个，未能检查 {} 个\n\n", s.a_set(),
                        s.b_set(), n, s.changed_totals(), s.not_checked_files().size())
          : fmt::format("Summary: A {} → B {}, {} departments, {} with a changed total, {} not checked\n\n",
                        s.a_set(), s.b_set(), n, s.changed_totals(), s.not_checked_files().size());
  std::vector<std::vector<std::string>> rows{
      {tr(lang, "部门", "Department"), "A", "B", tr(lang, "变化", "Change"), tr(lang, "文件", "File")}};
  for (const auto& d : s.departments()) {
    rows.push_back({d.name, format_points(d.a_total) + (d.complete ? "" : " *"), format_points(d.b_total),
                    d.a_total == d.b_total ? "" : format_gap(d.b_total - d.a_total), d.file});
  }
  out += table(rows, true);
  out += "\n";
  std::vector<std::vector<std::string>> ind_rows{
      {tr(lang, "指标", "Indicator"), tr(lang, "变化部门数", "Departments changed"),
       tr(lang, "A 合计", "A sum"), tr(lang, "B 合计", "B sum"), tr(lang, "变化", "Change")}};
  for (const auto& i : s.indicators()) {
    ind_rows.push_back({std::string(i.depth * 2, ' ') + i.label, std::to_string(i.changed),
                        points_or_dash(i.a_sum), points_or_dash(i.b_sum), change_text(i.a_sum, i.b_sum)});
  }
  out += table(ind_rows);
  for (const auto& f : s.not_checked_files())
    out += std::string(tr(lang, "未能检查（数据有误）：", "not checked (bad input): ")) + f + "\n";
  return out;
}

// --- JSON ---

std::string render_compare_json(const Comparison& c) {
  rapidjson::StringBuffer buffer;
  Json w(buffer);
  w.StartObject();
  field(w, "format", "jxaudit.compare/1");
  field(w, "file", c.file);
  w.Key("department");
  w.StartObject();
  field(w, "code", c.code);
  field(w, "name", c.name);
  w.EndObject();
  const auto side = [&w](const char* k, const std::string& set, const std::string& name, const Decimal& total,
                         const std::string& grade) {
    w.Key(k);
    w.StartObject();
    field(w, "ruleset", set);
    field(w, "name", name);
    field(w, "total", format_points(total));
    field(w, "grade", grade);
    w.EndObject();
  };
  side("a", c.a_set, c.a_name, c.a_total, c.a_grade);
  side("b", c.b_set, c.b_name, c.b_total, c.b_grade);
  field(w, "change", format_points(c.b_total - c.a_total));
  w.Key("complete");
  w.Bool(c.complete);
  w.Key("indicators");
  w.StartArray();
  for (const IndicatorMove& m : c.indicators) {
    w.StartObject();
    field(w, "path", m.path);
    optional_points(w, "a", m.a);
    optional_points(w, "b", m.b);
    change_field(w, m.a, m.b);
    w.EndObject();
  }
  w.EndArray();
  w.Key("findings");
  w.StartArray();
  for (const FindingMove& f : c.findings) {
    w.StartObject();
    field(w, "change", change_name(f.change));
    field(w, "indicator", f.indicator);
    field(w, "rule_id", f.rule_id);
    field(w, "subject", f.subject);
    optional_points(w, "a_points", f.a_points);
    optional_points(w, "b_points", f.b_points);
    field(w, "message", f.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string render_compare_summary_json(const ComparisonSummary& s) {
  rapidjson::StringBuffer buffer;
  Json w(buffer);
  w.StartObject();
  field(w, "format", "jxaudit.compare-summary/1");
  field(w, "a", s.a_set());
  field(w, "b", s.b_set());
  w.Key("departments");
  w.StartArray();
  for (const auto& d : s.departments()) {
    w.StartObject();
    field(w, "file", d.file);
    field(w, "code", d.code);
    field(w, "name", d.name);
    field(w, "a_total", format_points(d.a_total));
    field(w, "b_total", format_points(d.b_total));
    field(w, "change", format_points(d.b_total - d.a_total));
    w.Key("complete");
    w.Bool(d.complete);
    w.EndObject();
  }
  w.EndArray();
  w.Key("changed_totals");
  w.Uint64(s.changed_totals());
  w.Key("indicators");
  w.StartArray();
  for (const auto& i : s.indicators()) {
    w.StartObject();
    field(w, "path", i.path);
    w.Key("departments_changed");
    w.Uint64(i.changed);
    optional_points(w, "a_sum", i.a_sum);
    optional_points(w, "b_sum", i.b_sum);
    change_field(w, i.a_sum, i.b_sum);
    w.EndObject();
  }
  w.EndArray();
  w.Key("not_checked");
  w.StartArray();
  for (const auto& f : s.not_checked_files()) w.String(f.data(), static_cast<rapidjson::SizeType>(f.size()));
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// --- CSV ---

std::string compare_csv_header(const std::string& a_set, const std::string& b_set, Lang lang) {
  return lang == Lang::zh ? fmt::format("\xEF\xBB\xBF部门代码,部门,文件,指标,{},{},变化\r\n",
                                        csv_cell("A（" + a_set + "）"), csv_cell("B（" + b_set + "）"))
                          : fmt::format(
                                "\xEF\xBB\xBF"
                                "department_code,department,file,indicator,{},{},change\r\n",
                                csv_cell("A (" + a_set + ")"), csv_cell("B (" + b_set + ")"));
}

std::string render_compare_csv(const Comparison& c, Lang lang) {
  std::string out = csv_row(c.code, c.name, c.file, tr(lang, "总分", "total"), c.a_total, c.b_total);
  for (const IndicatorMove& m : c.indicators) out += csv_row(c.code, c.name, c.file, m.path, m.a, m.b);
  return out;
}

std::string render_compare_summary_csv(const ComparisonSummary& s, Lang lang) {
  // The same columns, so the table stays one table: the department is "all".
  const std::string all = tr(lang, "全部部门", "all departments");
  Decimal a_sum;
  Decimal b_sum;
  for (const auto& d : s.departments()) {
    a_sum += d.a_total;
    b_sum += d.b_total;
  }
  std::string out = csv_row("", all, "", tr(lang, "总分", "total"), a_sum, b_sum);
  for (const auto& i : s.indicators()) out += csv_row("", all, "", i.path, i.a_sum, i.b_sum);
  return out;
}

}  // namespace jx::report
