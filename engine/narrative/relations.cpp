// The relations between a report's figures. Each check finds its figures by
// their labels and places, states the relation, and flags it only when the
// figures' intervals (detail::Interval) cannot meet. Severity follows how sure
// the premise is: 确定 when the figures alone contradict each other, 疑似 when it
// rests on a list being complete or on labels matched loosely, 提示 otherwise.
//
// Relations written in Lua (rules/narrative/, lua_relations.cpp) run after these:
// the level-one sum, the grade band and the level-one weights, with the Guangzhou
// rule set's names, weights and bands in those files.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "narrative/detail.hpp"

namespace jx::narrative {

namespace {

// A figure's unit in an English message: 万元 is "10k yuan" (lang/lang.hpp).
std::string unit_en(const std::string& unit) { return money_unit(unit, Lang::en); }

using detail::contains;
using detail::ends_with;
using detail::Interval;
using detail::meet;
using detail::starts_with;

class Checker {
 public:
  explicit Checker(const Extraction& x) : x_(x), by_sentence_(x.sentences.size()) {
    for (std::size_t i = 0; i < x.facts.size(); ++i) by_sentence_[x.facts[i].sentence].push_back(i);
  }

  std::vector<Finding> run() {
    indicator_scores();
    parts_of_total();
    listed_items_total();
    rates_from_amounts();
    counts_of_listed();
    return std::move(out_);
  }

 private:
  const Fact& f(std::size_t i) const { return x_.facts[i]; }

  void add(std::string relation, Severity severity, std::string zh, std::string en,
           std::vector<Evidence> evidence) {
    Finding finding;
    finding.relation = std::move(relation);
    finding.severity = severity;
    finding.message_zh = std::move(zh);
    finding.message_en = std::move(en);
    finding.evidence = std::move(evidence);
    out_.push_back(std::move(finding));
  }

  // An indicator sentence: "X分值 W 分，得分 S 分，扣 D 分". A 分值 starts a group;
  // the 得分 and 扣 that follow in the sentence belong to it.
  void indicator_scores() {
    for (const std::vector<std::size_t>& facts : by_sentence_) {
      struct Group {
        std::optional<std::size_t> weight, score, deduction;
      };
      std::vector<Group> groups;
      for (std::size_t i : facts) {
        const Fact& fact = f(i);
        if (fact.unit != "分" || fact.approximate) continue;
        const std::string& l = fact.label;
        if (ends_with(l, "分值")) {
          groups.push_back({i, std::nullopt, std::nullopt});
        } else if ((ends_with(l, "得分") || l == "得" || ends_with(l, "得")) && !groups.empty() &&
                   !groups.back().score) {
          groups.back().score = i;
        } else if ((l == "扣" || ends_with(l, "扣") || ends_with(l, "扣除")) && !groups.empty() &&
                   !groups.back().deduction) {
          groups.back().deduction = i;
        }
      }
      for (const Group& g : groups) {
        if (!g.weight || !g.score) continue;
        const Fact& w = f(*g.weight);
        const Fact& s = f(*g.score);
        const std::string name = indicator_name(w.label);
        const Interval wi = detail::interval_of(w);
        const Interval si = detail::interval_of(s);
        if (si.lo > wi.hi || (si.lo == wi.hi && wi.hi_open)) {
          add("score_within_weight", Severity::certain,
              fmt::format("{}：得分 {} 分超过分值 {} 分", name, s.number, w.number),
              fmt::format("{}: the score {} exceeds the weight {}", name, s.number, w.number),
              {{"分值", *g.weight}, {"得分", *g.score}});
        }
        if (g.deduction) {
          const Fact& d = f(*g.deduction);
          const Interval expected = wi - detail::interval_of(d);
          if (!meet(expected, si)) {
            const Decimal diff = w.value - d.value;
            add("score_is_weight_minus_deduction", Severity::certain,
                fmt::format("{}：分值 {} − 扣分 {} = {}，而所述得分为 {}", name, w.number, d.number,
                            diff.to_string(), s.number),
                fmt::format("{}: weight {} − deduction {} = {}, but the stated score is {}", name, w.number,
                            d.number, diff.to_string(), s.number),
                {{"分值", *g.weight}, {"得分", *g.score}, {"扣分", *g.deduction}});
          }
        }
      }
    }
  }

  static std::string indicator_name(std::string label) {
    for (std::string_view suffix : {std::string_view("分值各"), std::string_view("分值")}) {
      if (ends_with(label, suffix)) label.resize(label.size() - suffix.size());
    }
    for (std::string_view prefix : {std::string_view("三级指标"), std::string_view("二级指标")}) {
      if (starts_with(label, prefix)) label.erase(0, prefix.size());
    }
    return label.empty() ? std::string("指标") : label;
  }

  static bool change_word(std::string_view label) {
    for (std::string_view w : {"增", "减", "上年", "同比", "较", "比", "结余", "结转", "下降", "提高"}) {
      if (contains(label, w)) return true;
    }
    return false;
  }

  // How many brackets（( are open before each byte of a sentence: depths[at] for
  // byte `at` (depths[size] at its end). One pass, so that a sentence of many
  // figures costs time in proportion to its length (fuzz_narrative_text found
  // the depth counted from the start for every figure: cubic in the length).
  static std::vector<int> bracket_depths(std::string_view text) {
    std::vector<int> depths(text.size() + 1, 0);
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      depths[i] = depth;
      if (text.compare(i, std::string_view("（").size(), "（") == 0 || text[i] == '(') ++depth;
      if ((text.compare(i, std::string_view("）").size(), "）") == 0 || text[i] == ')') && depth > 0) --depth;
    }
    depths[text.size()] = depth;
    return depths;
  }

  static std::string_view category(std::string_view label) {
    if (contains(label, "收入")) return "收入";
    if (contains(label, "支出")) return "支出";
    if (contains(label, "预算")) return "预算";
    return "";
  }

  // "合计 X 万元，其中 A 万元，…，B 万元": the parts after 其中 add up to at most X.
  // More than the total: 确定 when every label is of the total's kind (收入 / 支出),
  // else 疑似. Less: 提示, since a 其中 list may name only some parts.
  void parts_of_total() {
    for (std::size_t si = 0; si < by_sentence_.size(); ++si) {
      const std::vector<std::size_t>& facts = by_sentence_[si];
      const std::string& text = x_.sentences[si].text;
      std::vector<int> depths;  // bracket_depths(text), made when a 其中 needs it
      for (std::size_t k = 0; k < facts.size(); ++k) {
        const Fact& total = f(facts[k]);
        if (!detail::is_money(total) || total.approximate || change_word(total.label)) continue;
        const std::size_t gap_end = k + 1 < facts.size() ? f(facts[k + 1]).begin : text.size();
        if (text.substr(total.end, gap_end - total.end).find("其中") == std::string::npos) continue;
        // The parts: money figures after 其中 at the total's own bracket depth (a part's
        // own breakdown in brackets is not another part). A second 其中 means nested
        // breakdowns whose extent punctuation does not show: the group is left alone.
        if (depths.empty()) depths = bracket_depths(text);
        const auto depth_at = [&depths](std::size_t at) { return depths[std::min(at, depths.size() - 1)]; };
        const int total_depth = depth_at(total.begin);
        std::vector<std::size_t> parts;
        bool nested = false;
        std::size_t previous_end = total.end;
        for (std::size_t m = k + 1; m < facts.size(); ++m) {
          const Fact& p = f(facts[m]);
          if (!detail::is_money(p)) continue;
          if (depth_at(p.begin) != total_depth) continue;
          if (!parts.empty() &&
              text.substr(previous_end, p.begin - previous_end).find("其中") != std::string::npos) {
            nested = true;
            break;
          }
          if (p.approximate || change_word(p.label)) break;
          parts.push_back(facts[m]);
          previous_end = p.end;
        }
        if (parts.empty() || nested) continue;
        parts_groups_.push_back({facts[k], parts});
        Interval sum{0, 0};
        Decimal stated;
        bool same_kind = !category(total.label).empty();
        for (std::size_t p : parts) {
          sum = sum + detail::interval_in_base_unit(f(p));
          stated += f(p).value * detail::base_factor(f(p).unit);
          same_kind = same_kind && category(f(p).label) == category(total.label);
        }
        const Interval whole = detail::interval_in_base_unit(total);
        if (meet(sum, whole)) continue;
        const Decimal in_unit = stated / detail::base_factor(total.unit);
        std::vector<Evidence> evidence{{"合计", facts[k]}};
        for (std::size_t p : parts) evidence.push_back({"其中", p});
        const bool over = sum.lo > whole.hi || (sum.lo == whole.hi && (sum.lo_open || whole.hi_open));
        if (over) {
          add("parts_of_total", same_kind ? Severity::certain : Severity::suspected,
              fmt::format("“{}”{} {} 的各项之和为 {} {}，超过合计", total.label, total.number, total.unit,
                          in_unit.to_string(), total.unit),
              fmt::format("the parts of \"{}\" {} {} add up to {} {}, more than the total", total.label,
                          total.number, unit_en(total.unit), in_unit.to_string(), unit_en(total.unit)),
              std::move(evidence));
        } else if (parts.size() >= 2) {
          add("parts_of_total", Severity::hint,
              fmt::format("“{}”{} {} 下列出的各项之和为 {} {}，少于合计（若所列不全则无误）", total.label,
                          total.number, total.unit, in_unit.to_string(), total.unit),
              fmt::format(
                  "the parts listed under \"{}\" {} {} add up to {} {}, less than the total (fine if the "
                  "list is not complete)",
                  total.label, total.number, unit_en(total.unit), in_unit.to_string(), unit_en(total.unit)),
              std::move(evidence));
        }
      }
    }
    shares_of_total();
  }

  // "…收入 A 万元，占总收入的 Z%" inside a 其中 sentence: Z = 100 × A / 合计.
  void shares_of_total() {
    for (const auto& [total, parts] : parts_groups_) {
      const std::vector<std::size_t>& facts = by_sentence_[f(total).sentence];
      for (std::size_t p : parts) {
        const auto it = std::find(facts.begin(), facts.end(), p);
        if (it == facts.end() || it + 1 == facts.end()) continue;
        const Fact& rate = f(*(it + 1));
        if (rate.unit != "%" || rate.approximate || !starts_with(rate.label, "占")) continue;
        const std::optional<Interval> q =
            detail::percent_of(detail::interval_in_base_unit(f(p)), detail::interval_in_base_unit(f(total)));
        if (!q || meet(*q, detail::interval_of(rate))) continue;
        const Decimal exact = f(p).value * detail::base_factor(f(p).unit) * Decimal(100) /
                              (f(total).value * detail::base_factor(f(total).unit));
        const std::string computed = exact.round(4, RoundingMode::half_up).normalized().to_string();
        add("share_of_total", Severity::certain,
            fmt::format("“{}”{} {} 占合计 {} {} 的 {}%，而所述为 {}%", f(p).label, f(p).number, f(p).unit,
                        f(total).number, f(total).unit, computed, rate.number),
            fmt::format("\"{}\" {} {} is {}% of the total {} {}, but the report states {}%", f(p).label,
                        f(p).number, unit_en(f(p).unit), computed, f(total).number, unit_en(f(total).unit),
                        rate.number),
            {{"部分", p}, {"合计", total}, {"占比", *(it + 1)}});
      }
    }
  }

  // The 一级 projects listed one by one ("（1）运行经费支出 1808.84 万元 …") add up to
  // the stated 项目支出. 疑似: it holds only if the list is complete.
  void listed_items_total() {
    std::optional<std::size_t> total;
    for (std::size_t i = 0; i < x_.facts.size(); ++i) {
      const Fact& fact = f(i);
      if (!detail::is_money(fact) || fact.approximate || !ends_with(fact.label, "项目支出")) continue;
      if (total && !(f(*total).value * detail::base_factor(f(*total).unit) ==
                     fact.value * detail::base_factor(fact.unit))) {
        return;  // two different 项目支出 figures: which one the list should meet is unknown
      }
      if (!total) total = i;
    }
    if (!total) return;
    for (std::size_t si = 0; si < x_.sentences.size(); ++si) {
      if (!contains(x_.sentences[si].text, "一级项目")) continue;
      bool introduces = false;
      for (std::size_t i : by_sentence_[si])
        introduces = introduces || (detail::is_count(f(i)) && contains(f(i).label, "一级项目"));
      if (!introduces) continue;
      std::vector<std::size_t> items;
      std::size_t end = si + 1;
      for (; end < x_.sentences.size(); ++end) {
        const Sentence& s = x_.sentences[end];
        if (s.enumerator == "（一）" || s.enumerator == "一、") break;
        if (s.enumerator != "（1）") continue;
        for (std::size_t i : by_sentence_[end]) {
          if (!detail::is_money(f(i))) continue;
          if (!f(i).approximate && (ends_with(f(i).label, "支出") || ends_with(f(i).label, "经费")))
            items.push_back(i);
          break;  // the item's own amount is its first money figure
        }
      }
      if (items.size() >= 2) {
        Interval sum{0, 0};
        Decimal stated;
        for (std::size_t i : items) {
          sum = sum + detail::interval_in_base_unit(f(i));
          stated += f(i).value * detail::base_factor(f(i).unit);
        }
        const Fact& t = f(*total);
        if (!meet(sum, detail::interval_in_base_unit(t))) {
          const Decimal in_unit = stated / detail::base_factor(t.unit);
          std::vector<Evidence> evidence{{"合计", *total}};
          for (std::size_t i : items) evidence.push_back({"明细", i});
          add("listed_items_total", Severity::suspected,
              fmt::format("所列 {} 个一级项目支出之和为 {} {}，与所述项目支出 {} {} 不符（若所列完整）",
                          items.size(), in_unit.to_string(), t.unit, t.number, t.unit),
              fmt::format(
                  "the {} level-one project expenditures listed add up to {} {}, not to the stated project "
                  "spending (项目支出) {} {} (if the list is complete)",
                  items.size(), in_unit.to_string(), unit_en(t.unit), t.number, unit_en(t.unit)),
              std::move(evidence));
        }
      }
      si = end - 1;
    }
  }

  // A money figure whose label ends with one of `suffixes` (first suffix first):
  // in the sentence if there, else the document's when all its figures agree.
  std::optional<std::pair<std::size_t, bool>> find_amount(std::size_t sentence,
                                                          std::initializer_list<std::string_view> suffixes,
                                                          std::string_view exclude_prefix = {}) const {
    auto matches = [&](const Fact& fact, std::string_view suffix) {
      return detail::is_money(fact) && !fact.approximate && ends_with(fact.label, suffix) &&
             (exclude_prefix.empty() || !contains(fact.label, exclude_prefix));
    };
    for (std::string_view suffix : suffixes) {
      for (std::size_t i : by_sentence_[sentence]) {
        if (matches(f(i), suffix)) return std::make_pair(i, true);
      }
    }
    for (std::string_view suffix : suffixes) {
      std::optional<std::size_t> found;
      bool ambiguous = false;
      for (std::size_t i = 0; i < x_.facts.size(); ++i) {
        if (!matches(f(i), suffix)) continue;
        if (found && !(f(*found).value * detail::base_factor(f(*found).unit) ==
                       f(i).value * detail::base_factor(f(i).unit))) {
          ambiguous = true;
        }
        if (!found) found = i;
      }
      if (ambiguous) return std::nullopt;
      if (found) return std::make_pair(*found, false);
    }
    return std::nullopt;
  }

  // 执行率 (完成率, 支出率, 执行进度 …) = 执行数 / 预算数; 预算调整率 = (调整数 − 年初数) / 年初数.
  // 确定 when the amounts stand in the rate's sentence, 疑似 when found elsewhere by label.
  void rates_from_amounts() {
    for (std::size_t i = 0; i < x_.facts.size(); ++i) {
      const Fact& rate = f(i);
      if (rate.unit != "%" || rate.approximate) continue;
      const std::string& l = rate.label;
      if (ends_with(l, "预算调整率") || ends_with(l, "调整率")) {
        const auto adjusted = find_amount(rate.sentence, {"调整后预算数", "调整预算数", "调整数"});
        const auto initial = find_amount(rate.sentence, {"年初预算数", "年初数"});
        if (!adjusted || !initial) continue;
        const Interval change = detail::interval_in_base_unit(f(adjusted->first)) -
                                detail::interval_in_base_unit(f(initial->first));
        if (change.lo.sign() < 0) continue;  // a cut: the rate's sign is not in the text
        const auto q = detail::percent_of(change, detail::interval_in_base_unit(f(initial->first)));
        if (!q || meet(*q, detail::interval_of(rate))) continue;
        const Decimal a = f(adjusted->first).value * detail::base_factor(f(adjusted->first).unit);
        const Decimal b = f(initial->first).value * detail::base_factor(f(initial->first).unit);
        const std::string computed =
            ((a - b) * Decimal(100) / b).round(4, RoundingMode::half_up).normalized().to_string();
        const bool here = adjusted->second && initial->second;
        add("adjustment_rate", here ? Severity::certain : Severity::suspected,
            fmt::format("预算调整率按（调整数 {} − 年初数 {}）/ 年初数 为 {}%，而所述为 {}%",
                        f(adjusted->first).number, f(initial->first).number, computed, rate.number),
            fmt::format(
                "the budget adjustment rate (adjusted {} − initial {}) / initial is {}%, but the report "
                "states {}%",
                f(adjusted->first).number, f(initial->first).number, computed, rate.number),
            {{"调整率", i}, {"调整数", adjusted->first}, {"年初数", initial->first}});
        continue;
      }
      bool execution = false;
      for (std::string_view s : {"执行率", "完成率", "支出率", "执行进度", "支出进度", "完成预算的"}) {
        execution = execution || ends_with(l, s);
      }
      if (!execution) continue;
      const auto part = find_amount(rate.sentence, {"执行数", "实际支出数", "实际支出", "决算数"});
      const auto whole =
          find_amount(rate.sentence, {"调整后预算数", "调整预算数", "全年预算数", "预算数"}, "年初");
      if (!part || !whole) continue;
      // Amounts from elsewhere in the report are the department's: they say nothing
      // about one project's or one fund's rate.
      const bool here = part->second && whole->second;
      if (!here && (contains(l, "项目") || contains(l, "经费") || contains(l, "资金"))) continue;
      const auto q = detail::percent_of(detail::interval_in_base_unit(f(part->first)),
                                        detail::interval_in_base_unit(f(whole->first)));
      if (!q || meet(*q, detail::interval_of(rate))) continue;
      const Decimal a = f(part->first).value * detail::base_factor(f(part->first).unit);
      const Decimal b = f(whole->first).value * detail::base_factor(f(whole->first).unit);
      const std::string computed =
          (a * Decimal(100) / b).round(4, RoundingMode::half_up).normalized().to_string();

      add("rate_from_amounts", here ? Severity::certain : Severity::suspected,
          fmt::format("“{}”按 {} {} / {} {} 为 {}%，而所述为 {}%", rate.label, f(part->first).number,
                      f(part->first).unit, f(whole->first).number, f(whole->first).unit, computed,
                      rate.number),
          fmt::format("\"{}\" from {} {} / {} {} is {}%, but the report states {}%", rate.label,
                      f(part->first).number, f(part->first).unit, f(whole->first).number,
                      f(whole->first).unit, computed, rate.number),
          {{"比率", i}, {"分子", part->first}, {"分母", whole->first}});
    }
  }

  // "（含 A、B、C 3个二级项目）": the count matches the names listed; and a count
  // that ends its sentence with "：" matches the （1）（2）… items that follow.
  // 疑似: the list's extent is read from punctuation.
  void counts_of_listed() {
    for (std::size_t si = 0; si < x_.sentences.size(); ++si) {
      const std::string& text = x_.sentences[si].text;
      const std::vector<std::size_t>& facts = by_sentence_[si];
      std::size_t counts_here = 0;
      for (std::size_t i : facts) counts_here += detail::is_count(f(i)) ? 1 : 0;
      for (std::size_t i : facts) {
        const Fact& n = f(i);
        if (!detail::is_count(n) || n.approximate) continue;
        // Names after 含 within this parenthesis.
        const std::size_t open =
            std::max(text.rfind("（", n.begin) == std::string::npos ? 0 : text.rfind("（", n.begin),
                     text.rfind("(", n.begin) == std::string::npos ? 0 : text.rfind("(", n.begin));
        const std::size_t has = text.rfind("含", n.begin);
        if (has != std::string::npos && has >= open && open > 0) {
          const std::string_view names(text.data() + has + std::string_view("含").size(),
                                       n.begin - has - std::string_view("含").size());
          const bool loose = contains(names, "等") || contains(names, "和") || contains(names, "及") ||
                             contains(names, "与") || contains(names, "“") || contains(names, "《") ||
                             contains(names, "，") || names.empty();
          if (!loose) {
            std::size_t listed = 1;
            for (std::size_t p = names.find("、"); p != std::string_view::npos; p = names.find("、", p + 1))
              ++listed;
            if (Decimal(static_cast<std::int64_t>(listed)) != n.value) {
              add("count_of_listed", Severity::suspected,
                  fmt::format("所述 {} 个，而列出的名称有 {} 个", n.number, listed),
                  fmt::format("the report states {} but lists {} names", n.number, listed), {{"数量", i}});
            }
          }
        }
      }
      // "一级项目六个：" followed by its items.
      if (counts_here != 1 || facts.empty()) continue;
      const std::size_t last = facts.back();
      if (!detail::is_count(f(last)) || f(last).approximate) continue;
      std::string_view rest(text);
      rest.remove_prefix(f(last).end);
      if (!(rest == "：" || rest == ":" || ends_with(rest, "如下："))) continue;
      std::string style;
      std::size_t items = 0;
      for (std::size_t k = si + 1; k < x_.sentences.size(); ++k) {
        const std::string& e = x_.sentences[k].enumerator;
        if (e.empty()) continue;
        if (style.empty()) style = e;
        if (e != style) break;
        ++items;
      }
      if (items > 0 && Decimal(static_cast<std::int64_t>(items)) != f(last).value) {
        add("count_of_listed", Severity::suspected,
            fmt::format("所述“{}”{} 个，而其后列出 {} 项", f(last).label, f(last).number, items),
            fmt::format("the report states {} \"{}\" but lists {} items after it", f(last).number,
                        f(last).label, items),
            {{"数量", last}});
      }
    }
  }

  const Extraction& x_;
  std::vector<std::vector<std::size_t>> by_sentence_;
  std::vector<std::pair<std::size_t, std::vector<std::size_t>>> parts_groups_;
  std::vector<Finding> out_;
};

}  // namespace

namespace detail {
bool is_money(const Fact& fact) { return fact.unit == "元" || fact.unit == "万元" || fact.unit == "亿元"; }
bool is_count(const Fact& fact) { return fact.unit == "个" || fact.unit == "项"; }
}  // namespace detail

std::vector<Finding> check(const Extraction& extraction) {
  std::vector<Finding> findings = Checker(extraction).run();
  detail::complete_findings(extraction, findings);
  return findings;
}

namespace detail {

void complete_findings(const Extraction& x, std::vector<Finding>& findings) {
  // Reading order of the first figure; the relation's name breaks ties, so the order
  // does not depend on which relation ran first.
  for (Finding& f : findings) {
    std::sort(f.evidence.begin(), f.evidence.end(), [&](const Evidence& a, const Evidence& b) {
      return std::tie(x.facts[a.fact].sentence, x.facts[a.fact].begin, a.fact) <
             std::tie(x.facts[b.fact].sentence, x.facts[b.fact].begin, b.fact);
    });
  }
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    const Fact& fa = x.facts[a.evidence.front().fact];
    const Fact& fb = x.facts[b.evidence.front().fact];
    return std::tie(fa.sentence, fa.begin) < std::tie(fb.sentence, fb.begin);
  });
  std::map<std::string, std::size_t> ids;
  for (Finding& finding : findings) {
    const Fact& first = x.facts[finding.evidence.front().fact];
    finding.position = first.position;
    finding.id = finding.relation + "@" + first.position.key();
    const std::size_t same = ++ids[finding.id];
    if (same > 1) finding.id += "#" + std::to_string(same);
    std::set<std::size_t> sentences;
    for (const Evidence& e : finding.evidence) sentences.insert(x.facts[e.fact].sentence);
    finding.quote.clear();
    if (sentences.size() == 1) {
      finding.quote = x.sentences[*sentences.begin()].quote;
    } else {
      for (const Evidence& e : finding.evidence) {
        if (!finding.quote.empty()) finding.quote += " … ";
        finding.quote += x.facts[e.fact].context;
      }
    }
  }
}

}  // namespace detail

std::string severity_name(Severity severity, Lang lang) {
  switch (severity) {
    case Severity::certain: return lang == Lang::zh ? "确定" : "certain";
    case Severity::suspected: return lang == Lang::zh ? "疑似" : "suspected";
    case Severity::hint: return lang == Lang::zh ? "提示" : "hint";
  }
  return "";
}

std::string role_name(const std::string& role, Lang lang) {
  if (lang == Lang::zh) return role;
  // The roles the built-in relations, the shipped Lua relations and check --report
  // give their figures; an auditor's own role is shown as written.
  static const std::pair<std::string_view, std::string_view> names[] = {
      {"分值", "weight"},
      {"得分", "score"},
      {"扣分", "deduction"},
      {"总分", "total score"},
      {"合计", "total"},
      {"其中", "part"},
      {"部分", "part"},
      {"占比", "share"},
      {"明细", "item"},
      {"比率", "rate"},
      {"分子", "numerator"},
      {"分母", "denominator"},
      {"调整率", "rate"},
      {"调整数", "adjusted"},
      {"年初数", "initial"},
      {"数量", "count"},
      {"履职效能", "履职效能 (performance)"},
      {"管理效率", "管理效率 (management)"},
      {"所述", "stated"},
      {"数据", "data"},
      {"支出", "spending"},
      {"调整预算", "adjusted budget"},
      {"年初预算", "initial budget"},
      {"规则集分值", "rule set's weight"},
      {"自评得分", "self score"},
      {"核定得分", "checked score"},
      {"自评总分", "self total"},
      {"核定总分", "checked total"}};
  for (const auto& [zh, en] : names) {
    if (role == zh) return std::string(en);
  }
  return role;
}

}  // namespace jx::narrative
