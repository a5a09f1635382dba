// check --report: the report's stated figures against the department's data and
// the checked scorecard. Amounts and rates are found by their labels, scores
// and weights by the indicator they name. A stated figure stands for every value
// that rounds (half-up) or truncates to it at its stated precision
// (narrative::stands_for); a finding is made only when the data value lies
// outside that interval. A label the table below does not name exactly, an
// approximate figure (约, 以上 …) and a figure in an enumerated item (a project's
// own amounts, "（1）运行经费支出 …") are never compared: zero false positives.
#include <fmt/format.h>

#include <array>
#include <cctype>
#include <optional>
#include <string_view>

#include "audit/audit.hpp"
#include "audit/report_figures.hpp"
#include "audit/self_checks.hpp"
#include "narrative/narrative.hpp"

namespace jx::audit {

namespace {

using narrative::Fact;
using narrative::Finding;

// Words before a label that only say whose or which year's figure it is:
// "2023年我室财政支出" → "财政支出", "部门全年预算数" → "全年预算数".
std::string strip_owner(std::string label, const std::string& department_name) {
  static constexpr std::array<std::string_view, 16> owners = {
      "本部门", "部门", "本单位", "单位",   "我室",   "我馆", "我局", "我委",
      "我办",   "我院", "我厅",   "我中心", "本年度", "本年", "年度", "整体支出绩效"};
  bool changed = true;
  while (changed && !label.empty()) {
    changed = false;
    // A year: four digits and 年, with 度 after it if there.
    if (label.size() >= 7 && std::isdigit(static_cast<unsigned char>(label[0])) != 0 &&
        std::isdigit(static_cast<unsigned char>(label[3])) != 0 && label.compare(4, 3, "年") == 0) {
      label.erase(0, label.compare(7, 3, "度") == 0 ? 10 : 7);
      changed = true;
      continue;
    }
    if (!department_name.empty() && label.starts_with(department_name)) {
      label.erase(0, department_name.size());
      changed = true;
      continue;
    }
    for (std::string_view owner : owners) {
      if (label.starts_with(owner)) {
        label.erase(0, owner.size());
        changed = true;
        break;
      }
    }
  }
  return label;
}

// An amount the report may state, and the data fields it may mean (any one of
// them matching is enough: 基本支出 is the budget in one sentence, the spending in the next).
struct Amount {
  std::string_view label_zh;
  std::string_view name_en;
  std::array<std::string_view, 2> paths;
};
constexpr std::array<Amount, 21> amounts = {{
    {"年初预算数", "initial budget", {"budget.initial", ""}},
    {"年初预算", "initial budget", {"budget.initial", ""}},
    {"调整预算数", "adjusted budget", {"budget.adjusted", ""}},
    {"调整后预算数", "adjusted budget", {"budget.adjusted", ""}},
    {"调整后预算", "adjusted budget", {"budget.adjusted", ""}},
    {"全年预算数", "adjusted budget", {"budget.adjusted", ""}},
    {"实际支出数", "spending", {"budget.spent", ""}},
    {"全年实际支出数", "spending", {"budget.spent", ""}},
    {"全年支出", "spending", {"budget.spent", ""}},
    {"支出合计", "spending", {"budget.spent", ""}},
    {"总支出", "spending", {"budget.spent", ""}},
    {"财政支出", "spending", {"budget.spent", ""}},
    {"决算支出", "spending", {"budget.spent", ""}},
    {"收入合计", "income", {"budget.income", ""}},
    {"总收入", "income", {"budget.income", ""}},
    {"财政拨款收入", "income", {"budget.income", "budget.by_source.general_public_budget.income"}},
    {"一般公共预算财政拨款收入",
     "general public budget income",
     {"budget.by_source.general_public_budget.income", ""}},
    {"其他收入", "other income", {"budget.by_source.other.income", ""}},
    {"基本支出", "basic spending", {"budget.by_nature.basic.spent", "budget.by_nature.basic.adjusted"}},
    {"项目支出", "project spending", {"budget.by_nature.project.spent", "budget.by_nature.project.adjusted"}},
    {"预算数", "", {"", ""}},  // too vague: initial or adjusted; never compared
}};

// Rates computed from the data: the spending rate (支出率, 执行进度 …) and the
// budget adjustment rate (预算调整率).
constexpr std::array<std::string_view, 10> spending_rate_labels = {
    "支出进度",     "预算执行进度", "预算支出执行进度", "预算执行率",     "预算资金支出率",
    "预算支出进度", "资金支出率",   "预算完成率",       "预算资金执行率", "支出执行进度"};

class Comparer {
 public:
  Comparer(const narrative::Result& report, const Audit& audit, const data::Document& department)
      : x_(report.extraction), audit_(audit), doc_(department) {
    if (const data::Value* unit = doc_.root.find("money_unit");
        unit != nullptr && unit->kind() == data::Value::Kind::string)
      money_factor_ = narrative::unit_factor(unit->as_string());
  }

  std::vector<Finding> run() {
    for (std::size_t i = 0; i < x_.facts.size(); ++i) {
      const Fact& f = x_.facts[i];
      if (f.approximate || x_.sentences[f.sentence].starts_item) continue;
      if (f.unit == "元" || f.unit == "万元" || f.unit == "亿元") amount(i);
      if (f.unit == "%") rate(i);
    }
    if (audit_.checked()) scores();
    return std::move(out_);
  }

 private:
  const Decimal* decimal_at(std::string_view path) const {
    if (path.empty()) return nullptr;
    const data::Value* v = doc_.root.find_path(path);
    return v != nullptr && v->kind() == data::Value::Kind::decimal ? &v->as_decimal() : nullptr;
  }
  std::string source_at(std::string_view path) const {
    const data::Value* v = doc_.root.find_path(path);
    return v != nullptr ? source_of(doc_, *v) : std::string();
  }
  // A data amount as the report would write it: in the report figure's unit.
  std::string in_unit(const Decimal& yuan, const Fact& f, Lang lang = Lang::zh) const {
    const std::string number = (yuan / narrative::unit_factor(f.unit)).to_string();
    return lang == Lang::zh ? number + f.unit : number + " " + money_unit(f.unit, lang);
  }
  // An indicator's path in English for message_en (the manifest's name_en per level).
  std::string path_en(const std::string& path) const { return audit_.rules().indicator_path(path, Lang::en); }

  void add(const std::string& relation, std::size_t fact, std::string zh, std::string en,
           std::vector<Finding::Compared> compared) {
    Finding finding;
    finding.relation = relation;
    finding.severity = narrative::Severity::certain;
    finding.message_zh = std::move(zh);
    finding.message_en = std::move(en);
    finding.evidence = {{"所述", fact}};
    finding.compared = std::move(compared);
    out_.push_back(std::move(finding));
  }

  void amount(std::size_t i) {
    const Fact& f = x_.facts[i];
    const std::string label = strip_owner(f.label, audit_.header.name);
    for (const Amount& a : amounts) {
      if (label != a.label_zh) continue;
      std::vector<const Decimal*> values;
      std::vector<std::string_view> paths;
      for (std::string_view path : a.paths) {
        if (const Decimal* d = decimal_at(path)) {
          values.push_back(d);
          paths.push_back(path);
        }
      }
      if (values.empty()) return;  // the data does not say: nothing to compare
      for (const Decimal* d : values) {
        if (narrative::stands_for(f, *d * money_factor_)) return;
      }
      const Decimal yuan = *values.front() * money_factor_;
      add("report_vs_data", i,
          fmt::format("{}：报告所述 {}{} 与数据 {}（{}）不符", a.label_zh, f.number, f.unit, in_unit(yuan, f),
                      paths.front()),
          fmt::format("{}: the report states {} {}, the data {} ({})", a.name_en, f.number,
                      money_unit(f.unit, Lang::en), in_unit(yuan, f, Lang::en), paths.front()),
          {{"数据", in_unit(yuan, f), source_at(paths.front())}});
      return;
    }
  }

  void rate(std::size_t i) {
    const Fact& f = x_.facts[i];
    const std::string label = strip_owner(f.label, audit_.header.name);
    const Decimal* spent = decimal_at("budget.spent");
    const Decimal* adjusted = decimal_at("budget.adjusted");
    const Decimal* initial = decimal_at("budget.initial");
    const Decimal hundred(100);
    for (std::string_view l : spending_rate_labels) {
      if (label != l || spent == nullptr || adjusted == nullptr || adjusted->sign() <= 0) continue;
      const Decimal rate = hundred * *spent / *adjusted;
      if (narrative::stands_for(f, rate)) return;
      const std::string shown = rate.round(4, RoundingMode::half_up).to_string();
      add("report_vs_data", i,
          fmt::format("{}：报告所述 {}%，数据的支出 {} / 调整预算 {} = {}%", l, f.number, spent->to_string(),
                      adjusted->to_string(), shown),
          fmt::format(
              "spending rate: the report states {}%, the data's spending {} / adjusted budget {} = {}%",
              f.number, spent->to_string(), adjusted->to_string(), shown),
          {{"支出", spent->to_string(), source_at("budget.spent")},
           {"调整预算", adjusted->to_string(), source_at("budget.adjusted")}});
      return;
    }
    if (label == "预算调整率" && adjusted != nullptr && initial != nullptr && initial->sign() > 0) {
      const Decimal rate = hundred * (*adjusted - *initial) / *initial;
      if (narrative::stands_for(f, rate)) return;
      const std::string shown = rate.round(4, RoundingMode::half_up).to_string();
      add("report_vs_data", i,
          fmt::format("预算调整率：报告所述 {}%，数据的（调整预算 {} − 年初预算 {}）/ 年初预算 = {}%",
                      f.number, adjusted->to_string(), initial->to_string(), shown),
          fmt::format(
              "budget adjustment rate: the report states {}%, the data's (adjusted {} − initial {}) / "
              "initial = {}%",
              f.number, adjusted->to_string(), initial->to_string(), shown),
          {{"调整预算", adjusted->to_string(), source_at("budget.adjusted")},
           {"年初预算", initial->to_string(), source_at("budget.initial")}});
    }
  }

  // The indicator a label names: "三级指标采购政策效能" → 采购政策效能, "部门整体绩效目标产出
  // 指标完成情况" → the leaf 产出指标完成情况 under 部门整体绩效目标. Only one may match.
  std::optional<std::size_t> indicator_named(std::string name) const {
    for (std::string_view prefix : {"三级指标", "二级指标", "一级指标"}) {
      if (name.starts_with(prefix)) name.erase(0, prefix.size());
    }
    if (name.ends_with("指标")) name.resize(name.size() - std::string_view("指标").size());
    if (name.empty()) return std::nullopt;
    const auto& indicators = audit_.rules().indicators();
    std::optional<std::size_t> found;
    for (std::size_t k = 0; k < indicators.size(); ++k) {
      const rules::Indicator& ind = indicators[k];
      bool match = name == ind.name;
      if (!match && name.ends_with(ind.name) && ind.parent) {
        const std::string before = name.substr(0, name.size() - ind.name.size());
        match = before == indicators[*ind.parent].name;
      }
      if (!match) continue;
      if (found) return std::nullopt;  // two indicators of that name: too loose to compare
      found = k;
    }
    return found;
  }

  static bool is_score_label(std::string_view l) {
    return l.ends_with("得分") || l.ends_with("得") || l.ends_with("自评得分为") || l.ends_with("自评");
  }
  static std::string without_score_suffix(std::string l) {
    for (std::string_view suffix : {"自评得分", "得分", "自评", "得"}) {
      if (l.ends_with(suffix)) {
        l.resize(l.size() - suffix.size());
        break;
      }
    }
    return l;
  }

  // Stated scores and weights: "X分值 W 分，得分 S 分" (the 得分 after a 分值 in the
  // same sentence belongs to it), "X得分 S 分", and the total (自评得分 96.91 分).
  void scores() {
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t open_indicator = none;  // of the last 分值 in the current sentence
    std::size_t sentence = static_cast<std::size_t>(-1);
    bool total_seen = false;
    for (std::size_t i = 0; i < x_.facts.size(); ++i) {
      const Fact& f = x_.facts[i];
      if (f.sentence != sentence) {
        sentence = f.sentence;
        open_indicator = none;
      }
      if (f.unit != "分" || f.approximate) continue;
      const std::string& l = f.label;
      if (l.ends_with("分值")) {
        open_indicator =
            indicator_named(l.substr(0, l.size() - std::string_view("分值").size())).value_or(none);
        if (open_indicator != none) weight(i, open_indicator);
        continue;
      }
      if (l.ends_with("分值各")) {
        open_indicator =
            indicator_named(l.substr(0, l.size() - std::string_view("分值各").size())).value_or(none);
        if (open_indicator != none) weight(i, open_indicator);
        continue;
      }
      if (!is_score_label(l)) continue;
      const std::string name = without_score_suffix(strip_owner(l, audit_.header.name));
      std::optional<std::size_t> k;
      if (!name.empty()) k = indicator_named(without_score_suffix(l));
      if (!k && !name.empty()) k = indicator_named(name);
      if (k) {
        score(i, *k);
        continue;
      }
      if (open_indicator != none && name.empty()) {
        score(i, open_indicator);
        open_indicator = none;
        continue;
      }
      // The total: the first score labelled 自评… that names no indicator (as
      // rules/narrative/lib/scores.lua).
      if (!total_seen && name.empty() && l.find("自评") != std::string::npos) {
        total_seen = true;
        total(i);
      }
    }
  }

  void weight(std::size_t i, std::size_t k) {
    const Fact& f = x_.facts[i];
    const rules::Indicator& ind = audit_.rules().indicators()[k];
    if (narrative::stands_for(f, ind.weight)) return;
    add("report_weight", i,
        fmt::format("{}：报告所述分值 {} 分，规则集的分值为 {} 分", ind.path, f.number,
                    ind.weight.to_string()),
        fmt::format("{}: the report states a weight of {}, the rule set's is {}", path_en(ind.path), f.number,
                    ind.weight.to_string()),
        {{"规则集分值", ind.weight.to_string(), ind.defined_at}});
  }

  void score(std::size_t i, std::size_t k) {
    const Fact& f = x_.facts[i];
    const rules::Indicator& ind = audit_.rules().indicators()[k];
    const scoring::IndicatorScore& row = audit_.card.rows[k];
    if (row.self_score && !narrative::stands_for(f, *row.self_score)) {
      add("report_vs_data", i,
          fmt::format("{}：报告所述得分 {} 分，数据中的自评得分为 {} 分", ind.path, f.number,
                      row.self_score->to_string()),
          fmt::format("{}: the report states a score of {}, the data's self score is {}", path_en(ind.path),
                      f.number, row.self_score->to_string()),
          {{"自评得分", row.self_score->to_string(), self_score_source(ind.path)}});
    }
    if (!row.failed && !narrative::stands_for(f, row.score)) {
      add("report_vs_checked", i,
          fmt::format("{}：报告所述得分 {} 分，核定得分为 {} 分", ind.path, f.number, row.score.to_string()),
          fmt::format("{}: the report states a score of {}, the checked score is {}", path_en(ind.path),
                      f.number, row.score.to_string()),
          {{"核定得分", row.score.to_string(), ""}});
    }
  }

  void total(std::size_t i) {
    const Fact& f = x_.facts[i];
    const scoring::Scorecard& card = audit_.card;
    if (card.self_total && !narrative::stands_for(f, *card.self_total)) {
      add("report_vs_data", i,
          fmt::format("总分：报告所述 {} 分，数据中的自评总分为 {} 分", f.number,
                      card.self_total->to_string()),
          fmt::format("total: the report states {}, the data's self total is {}", f.number,
                      card.self_total->to_string()),
          {{"自评总分", card.self_total->to_string(), source_at("self_evaluation.total")}});
    }
    if (card.complete && !narrative::stands_for(f, card.total)) {
      add("report_vs_checked", i,
          fmt::format("总分：报告所述 {} 分，核定总分为 {} 分", f.number, card.total.to_string()),
          fmt::format("total: the report states {}, the checked total is {}", f.number,
                      card.total.to_string()),
          {{"核定总分", card.total.to_string(), ""}});
    }
  }

  std::string self_score_source(const std::string& path) const {
    const data::Value* scores = doc_.root.find_path("self_evaluation.scores");
    const data::Value* v = scores != nullptr ? scores->find(path) : nullptr;
    return v != nullptr ? source_of(doc_, *v) : std::string();
  }

  const narrative::Extraction& x_;
  const Audit& audit_;
  const data::Document& doc_;
  Decimal money_factor_{1};
  std::vector<Finding> out_;
};

}  // namespace

std::vector<narrative::Finding> compare_with_data(const narrative::Result& report, const Audit& audit,
                                                  const data::Document& department) {
  return Comparer(report, audit, department).run();
}

}  // namespace jx::audit
