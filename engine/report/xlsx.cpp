// The Excel report (--format xlsx): one workbook for the whole run, with the
// same content as the JSON report, laid out for people who sort and filter:
//   汇总 (a batch of two or more): one row per department, the verdict coloured;
//   评分表: the scorecard tree of each department (weight, self, checked, gap);
//   发现: one row per finding with every CSV column, worst first, autofilter;
//   自评核对: each verdict, each differing self score, each failed self-check.
// Scores are number cells shown with the digits format_points gives, so that
// the workbook read back gives the JSON's text; a value a double cannot hold
// exactly is a text cell. Written with libxlsxwriter at the end (a workbook
// cannot be streamed), with fixed document times: the same run, the same bytes.
#include <algorithm>
#include <iterator>

#include "data/xlsx_book.hpp"
#include "report/report.hpp"
#include "report/writer.hpp"

namespace jx::report {

using audit::Audit;
using audit::Verdict;

namespace {

// A cell: text, or an exact decimal written as a number.
struct Cell {
  std::string text;
  bool decimal = false;
};
Cell text(std::string s) { return {std::move(s), false}; }
Cell points(const Decimal& d) { return {format_points(d), true}; }

using Row = std::vector<Cell>;

// A finding row and what orders it: worst (most points) first, then as the report lists them.
struct FindingRow {
  int rank = 0;  // 0: a data error, 1: anything else
  Decimal points;
  std::size_t order = 0;
  Row cells;
};

struct SummaryLine {
  Row cells;
  Verdict::Kind kind = Verdict::Kind::not_checked;
};

class XlsxWriter final : public detail::BatchWriter {
 public:
  using BatchWriter::BatchWriter;

  [[nodiscard]] std::string render(const Audit&) const override { return {}; }

  void department(const Audit& audit, const std::string&, const Sink&) override {
    const Lang lang = options_.lang;
    const std::string total = audit.checked() ? format_points(audit.card.total) : "";
    const Row who = {text(audit.file), text(audit.header.code), text(audit.header.name)};
    auto with_who = [&](Row tail) {
      Row row = who;
      row.insert(row.end(), std::make_move_iterator(tail.begin()), std::make_move_iterator(tail.end()));
      return row;
    };
    for (const Diagnostic& d : audit.diagnostics) {
      findings_.push_back({d.severity == Diagnostic::Severity::error ? 0 : 1, Decimal(0), findings_.size(),
                           with_who({audit.checked() ? points(audit.card.total) : text(""), text(""),
                                     text(""), text(kind_column(d.severity, lang)), text(d.pointer), text(""),
                                     text(d.message), text(""), text(""), text(d.location())})});
    }
    summary_.push_back(
        {with_who({audit.checked() ? points(audit.card.total) : text(""),
                   audit.checked() && audit.card.self_total ? points(*audit.card.self_total) : text(""),
                   audit.checked() && audit.card.self_total
                       ? points(audit.card.total - *audit.card.self_total)
                       : text(""),
                   text(audit.checked() ? grade_name(audit.rules(), audit.card.grade, lang) : ""),
                   audit.checked() ? Cell{std::to_string(summarize(audit).findings), true} : text(""),
                   text(verdict(audit, lang))}),
         audit.verdict.kind});
    checks_.push_back(with_who({text(tr(lang, "结论", "verdict")), text(""), text(""), text(""),
                                text(verdict(audit, lang)), text("")}));
    if (!audit.checked()) return;
    const auto& card = audit.card;
    const auto& indicators = audit.rules().indicators();
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      const auto& row = card.rows[i];
      scorecard_.push_back(
          with_who({text(indicator_path(audit, indicators[i].path, lang)),
                    text(indicators[i].is_leaf() ? tr(lang, "是", "yes") : ""), points(row.weight),
                    row.self_score ? points(*row.self_score) : text(""), points(row.score),
                    row.self_score ? points(row.score - *row.self_score) : text(""), points(row.deducted)}));
    }
    Decimal weight(0);
    for (const auto& indicator : indicators)
      if (indicator.depth == 0) weight = weight + indicator.weight;
    scorecard_.push_back(
        with_who({text(tr(lang, "总分", "total")), text(grade_name(audit.rules(), card.grade, lang)),
                  points(weight), card.self_total ? points(*card.self_total) : text(""), points(card.total),
                  card.self_total ? points(card.total - *card.self_total) : text(""), text("")}));
    for (const audit::Difference& d : audit.verdict.differences) {
      checks_.push_back(
          with_who({text(tr(lang, "差异", "difference")), text(indicator_path(audit, d.indicator, lang)),
                    points(d.checked), points(d.self), text(""), text(d.source)}));
    }
    for (const audit::SelfCheck& c : audit.self_checks) {
      std::string sources;
      for (const std::string& s : c.sources) sources += (sources.empty() ? "" : "; ") + s;
      checks_.push_back(
          with_who({text(c.relation), text(indicator_path(audit, c.indicator, lang)), text(""), text(""),
                    text(lang == Lang::zh ? c.message_zh : c.message_en), text(sources)}));
    }
    for (const Finding& f : card.findings) {
      std::string evidence;
      for (const Evidence& e : f.evidence) {
        if (!evidence.empty()) evidence += tr(lang, "；", "; ");
        evidence += evidence_label(audit, e.key, lang) + "=" + e.value;
      }
      findings_.push_back({1, f.points, findings_.size(),
                           with_who({points(card.total), text(indicator_path(audit, f.indicator, lang)),
                                     text(f.rule_id), text(kind_column(f.kind, lang)), text(f.subject),
                                     points(f.points), text(finding_message(f, lang)), text(evidence),
                                     text(f.rule_source), text(f.data_source)})});
    }
  }

  void finish(const Sink& write) override {
    const Lang lang = options_.lang;
    data::XlsxBook book(lang == Lang::zh ? "绩效自评检查报告" : "Performance self-evaluation check");
    lxw_workbook* wb = book.get();
    header_ = workbook_add_format(wb);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_border(header_, LXW_BORDER_THIN);
    const bool batch = summary_.size() >= 2;
    if (batch) summary_sheet(book);
    scorecard_sheet(book);
    findings_sheet(book);
    checks_sheet(book);
    write(book.finish());
  }

 private:
  lxw_worksheet* table(data::XlsxBook& book, const char* zh, const char* en,
                       const std::vector<std::pair<const char*, const char*>>& heads,
                       const std::vector<Row>& rows, const std::vector<double>& widths) {
    const Lang lang = options_.lang;
    lxw_worksheet* ws = book.sheet(tr(lang, zh, en));
    for (std::size_t c = 0; c < heads.size(); ++c) {
      const std::string h = tr(lang, heads[c].first, heads[c].second);
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), h.c_str(), header_);
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           c < widths.size() ? widths[c] : 14, nullptr);
    }
    lxw_row_t r = 1;
    for (const Row& row : rows) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        const Cell& cell = row[c];
        if (cell.text.empty()) continue;
        if (cell.decimal) {
          book.write_decimal(ws, r, static_cast<lxw_col_t>(c), cell.text);
        } else {
          worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), cell.text.c_str(), nullptr);
        }
      }
      ++r;
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, rows.empty() ? 0 : static_cast<lxw_row_t>(rows.size()),
                         static_cast<lxw_col_t>(heads.size() - 1));
    return ws;
  }

  void summary_sheet(data::XlsxBook& book) {
    std::vector<Row> rows;
    for (const SummaryLine& s : summary_) rows.push_back(s.cells);
    lxw_worksheet* ws = table(book, "汇总", "Summary",
                              {{"文件", "file"},
                               {"部门代码", "department_code"},
                               {"部门", "department"},
                               {"核定总分", "total"},
                               {"自评总分", "self_total"},
                               {"差异", "gap"},
                               {"等级", "grade"},
                               {"发现数", "findings"},
                               {"结论", "verdict"}},
                              rows, {30, 14, 24, 10, 10, 8, 6, 8, 60});
    // The verdict highlighted: green when the self-evaluation agrees, amber when
    // it differs, red when the department could not be (fully) checked.
    lxw_format* agrees = workbook_add_format(book.get());
    format_set_bg_color(agrees, 0xC6EFCE);
    lxw_format* differs = workbook_add_format(book.get());
    format_set_bg_color(differs, 0xFFEB9C);
    lxw_format* failed = workbook_add_format(book.get());
    format_set_bg_color(failed, 0xFFC7CE);
    constexpr lxw_col_t verdict_col = 8;
    for (std::size_t i = 0; i < summary_.size(); ++i) {
      const Verdict::Kind k = summary_[i].kind;
      lxw_format* f = k == Verdict::Kind::agrees                                     ? agrees
                      : k == Verdict::Kind::disagrees || k == Verdict::Kind::no_self ? differs
                                                                                     : failed;
      worksheet_write_string(ws, static_cast<lxw_row_t>(i + 1), verdict_col,
                             summary_[i].cells[verdict_col].text.c_str(), f);
    }
  }

  void scorecard_sheet(data::XlsxBook& book) {
    table(book, "评分表", "Scorecard",
          {{"文件", "file"},
           {"部门代码", "department_code"},
           {"部门", "department"},
           {"指标", "indicator"},
           {"末级", "leaf"},
           {"分值", "weight"},
           {"自评得分", "self_score"},
           {"核定得分", "score"},
           {"差异", "gap"},
           {"扣分", "deducted"}},
          scorecard_, {30, 14, 24, 44, 6, 8, 10, 10, 8, 8});
  }

  void findings_sheet(data::XlsxBook& book) {
    std::stable_sort(findings_.begin(), findings_.end(), [](const FindingRow& a, const FindingRow& b) {
      if (a.rank != b.rank) return a.rank < b.rank;
      if (a.points != b.points) return a.points > b.points;
      return a.order < b.order;
    });
    std::vector<Row> rows;
    for (const FindingRow& f : findings_) rows.push_back(f.cells);
    table(book, "发现", "Findings",
          {{"文件", "file"},
           {"部门代码", "department_code"},
           {"部门", "department"},
           {"核定总分", "total"},
           {"指标", "indicator"},
           {"规则", "rule_id"},
           {"类型", "kind"},
           {"对象", "subject"},
           {"扣分", "points"},
           {"说明", "message"},
           {"证据", "evidence"},
           {"规则位置", "rule_source"},
           {"数据位置", "data_source"}},
          rows, {30, 14, 24, 10, 40, 34, 16, 20, 8, 70, 50, 36, 36});
  }

  void checks_sheet(data::XlsxBook& book) {
    table(book, "自评核对", "Self-checks",
          {{"文件", "file"},
           {"部门代码", "department_code"},
           {"部门", "department"},
           {"类型", "kind"},
           {"指标", "indicator"},
           {"核定得分", "score"},
           {"自评得分", "self_score"},
           {"说明", "message"},
           {"数据位置", "source"}},
          checks_, {30, 14, 24, 18, 40, 10, 10, 70, 40});
  }

  std::vector<Row> scorecard_;
  std::vector<FindingRow> findings_;
  std::vector<Row> checks_;
  std::vector<SummaryLine> summary_;
  lxw_format* header_ = nullptr;
};

}  // namespace

std::unique_ptr<Writer> detail::make_xlsx_writer(const WriteOptions& options) {
  return std::make_unique<XlsxWriter>(options);
}

}  // namespace jx::report
