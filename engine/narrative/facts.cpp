// Sentences → facts: every number with a unit (元 万元 亿元 % 分 个 项 人 …), its
// exact text, stated precision, the label before it and where it stands. Also
// Chinese numerals before a count unit (一级项目六个). A number with no unit is a
// fact only where its label says it is a score ("自评得分为 47.5").
#include <array>
#include <string_view>

#include "narrative/detail.hpp"
#include "narrative/sentences.hpp"

namespace jx::narrative {

namespace {

using detail::ends_with;
using detail::starts_with;

// Longest first, so that 万元 wins over 元 and 人次 over 人.
constexpr std::array<std::string_view, 17> units{"亿元", "万元", "元", "%",  "分", "个", "项", "人次", "人",
                                                 "家",   "件",   "次", "篇", "期", "部", "张", "条"};
constexpr std::array<std::string_view, 12> count_units{"个", "项", "人次", "人", "家", "件",
                                                       "次", "篇", "期",   "部", "张", "条"};
// Words that make a following unit something else: 5分钟, 百分之, 个别.
constexpr std::array<std::string_view, 5> not_after_unit{"分钟", "分之", "个别", "人民", "元旦"};
// Before the number: the figure is a bound or an estimate, not a stated value.
constexpr std::array<std::string_view, 8> approximate_before{"约", "近",   "超过", "超",
                                                             "逾", "不足", "不到", "大约"};
constexpr std::array<std::string_view, 6> approximate_after{"余", "多", "以上", "以下", "左右", "上下"};
// Filler words between a label and its figure.
constexpr std::array<std::string_view, 9> filler{"为", "达到", "达", "是", "共计", "共", "仅", "了", "分别"};

constexpr std::size_t max_figure_digits = 31;  // 30 digits and a point

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Label delimiters: punctuation that ends a clause or opens a parenthesis.
bool delimiter_at(std::string_view text, std::size_t at, std::size_t& length) {
  static constexpr std::array<std::string_view, 24> marks{"，", ",",  "；", ";",  "。", "：", ":",  "、",
                                                          "（", "）", "(",  ")",  "“",  "”",  "‘",  "’",
                                                          "\"", "《", "》", "【", "】", "！", "？", "—"};
  for (std::string_view m : marks) {
    if (text.substr(at, m.size()) == m) {
      length = m.size();
      return true;
    }
  }
  return false;
}

// The start of the clause that ends at `end` (exclusive), not before `floor`.
std::size_t clause_start(std::string_view text, std::size_t floor, std::size_t end) {
  std::size_t start = floor;
  for (std::size_t at = floor; at < end;) {
    std::size_t n = 0;
    if (delimiter_at(text, at, n)) {
      start = at + n;
    } else {
      detail::decode(text, at, n);
    }
    at += n;
  }
  return start;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

int chinese_digit(char32_t c) {
  switch (c) {
    case U'零':
    case U'〇': return 0;
    case U'一': return 1;
    case U'二':
    case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

// 六 → 6, 十二 → 12, 二十 → 20, 一百零五 → 105; -1 when it is not a numeral up to 9999.
int chinese_value(std::u32string_view s) {
  int total = 0;
  int digit = -1;
  for (char32_t c : s) {
    const int d = chinese_digit(c);
    if (d >= 0) {
      if (digit > 0) return -1;  // 六六: not a number
      digit = d;
      continue;
    }
    const int scale = c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0;
    if (scale == 0) return -1;
    total += (digit < 0 ? 1 : digit) * scale;
    digit = -1;
  }
  return digit > 0 ? total + digit : total;
}

bool chinese_numeral_char(char32_t c) {
  return chinese_digit(c) >= 0 || c == U'十' || c == U'百' || c == U'千';
}

std::string_view unit_at(std::string_view text, std::size_t at) {
  for (std::string_view u : units) {
    if (text.substr(at, u.size()) == u) {
      for (std::string_view word : not_after_unit) {
        if (text.substr(at, word.size()) == word) return {};
      }
      return u;
    }
  }
  return {};
}

bool is_count_unit(std::string_view u) {
  for (std::string_view c : count_units) {
    if (u == c) return true;
  }
  return false;
}

struct Label {
  std::string text;
  bool approximate = false;
};

Label label_before(std::string_view text, std::size_t floor, std::size_t number_start) {
  std::string_view label = text.substr(clause_start(text, floor, number_start),
                                       number_start - clause_start(text, floor, number_start));
  label = trim(label);
  Label out;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view a : approximate_before) {
      if (ends_with(label, a)) {
        label.remove_suffix(a.size());
        out.approximate = true;
        changed = true;
      }
    }
    for (std::string_view f : filler) {
      if (ends_with(label, f) && label.size() > f.size()) {
        label.remove_suffix(f.size());
        changed = true;
      }
    }
    label = trim(label);
  }
  for (std::string_view lead : {std::string_view("其中"), std::string_view("包括")}) {
    if (starts_with(label, lead)) label.remove_prefix(lead.size());
  }
  out.text = std::string(trim(label));
  return out;
}

bool score_label(std::string_view label) {
  return ends_with(label, "得分") || ends_with(label, "得") || ends_with(label, "评分");
}

}  // namespace

Extraction extract(const Document& document) {
  Extraction out;
  const std::vector<detail::BuiltSentence> built = detail::build_sentences(document);
  out.sentences.reserve(built.size());
  for (std::size_t si = 0; si < built.size(); ++si) {
    const detail::BuiltSentence& b = built[si];
    Sentence sentence;
    sentence.text = b.text;
    sentence.quote = detail::source_text(document, b.map, 0, b.text.size());
    sentence.position = document.lines[b.first_line].position;
    sentence.starts_item = !b.enumerator.empty();
    sentence.enumerator = b.enumerator;
    const std::string_view text = sentence.text;
    std::size_t floor = 0;  // a label never reaches back past the previous figure
    std::size_t at = 0;
    // Skip the enumerator itself: "1．" and "（1）" are not figures.
    if (sentence.starts_item) {
      while (at < text.size()) {
        std::size_t n = 0;
        const char32_t c = detail::decode(text, at, n);
        at += n;
        if (c == U'）' || c == ')' || c == U'、' || c == U'．' || c == '.') break;
      }
      floor = at;
    }
    while (at < text.size()) {
      std::size_t n = 0;
      const char32_t c = detail::decode(text, at, n);
      const bool ascii_digit = c < 0x80 && is_digit(static_cast<char>(c));
      const bool prev_blocks = at > 0 && (ascii_alnum(text[at - 1]) || text[at - 1] == '.' ||
                                          text[at - 1] == ',' || text[at - 1] == '-');
      if (ascii_digit && !prev_blocks) {
        // Digits, thousands groups of exactly three, a fraction.
        std::size_t j = at;
        while (j < text.size() && is_digit(text[j])) ++j;
        std::string number(text.substr(at, j - at));
        if (j - at <= 3) {
          while (j + 3 < text.size() + 0 && text[j] == ',' && is_digit(text[j + 1]) &&
                 is_digit(text[j + 2]) && is_digit(text[j + 3]) &&
                 (j + 4 >= text.size() || !is_digit(text[j + 4]))) {
            number += text.substr(j + 1, 3);
            j += 4;
          }
        }
        int decimals = 0;
        if (j + 1 < text.size() && text[j] == '.' && is_digit(text[j + 1])) {
          number += '.';
          ++j;
          while (j < text.size() && is_digit(text[j])) {
            number += text[j];
            ++j;
            ++decimals;
          }
        }
        if (j < text.size() && (text[j] == '.' || text[j] == '-')) {  // 1.2.3, 2022-2024: not figures
          at = j + 1;
          continue;
        }
        const std::size_t number_end = j;
        // No report states a figure of more than 30 digits; such a run is an identifier
        // or garbage, and Decimal's bounds must not turn it into an error.
        if (number.size() > max_figure_digits) {
          at = number_end;
          continue;
        }
        bool approximate = false;
        for (std::string_view a : {std::string_view("余"), std::string_view("多")}) {
          if (text.substr(j, a.size()) == a && !unit_at(text, j + a.size()).empty()) {
            approximate = true;
            j += a.size();
          }
        }
        std::string_view unit = unit_at(text, j);
        Label label = label_before(text, floor, at);
        bool implied = false;
        if (unit.empty() && score_label(label.text)) {
          unit = "分";
          implied = true;
        }
        if (unit.empty()) {
          at = number_end;
          continue;
        }
        const std::size_t end = implied ? number_end : j + unit.size();
        for (std::string_view a : approximate_after) {
          if (text.substr(end, a.size()) == a) approximate = true;
        }
        Fact fact;
        fact.number = number;
        fact.value = Decimal::parse(number);
        fact.decimals = decimals;
        // A count written in digits is a whole number; an indicator's weight (分值) is set
        // by the indicator system, not rounded from anything.
        fact.exact = (is_count_unit(unit) && decimals == 0) ||
                     (unit == "分" && (ends_with(label.text, "分值") || ends_with(label.text, "分值各")));
        fact.approximate = approximate || label.approximate;
        fact.unit = std::string(unit);
        fact.unit_implied = implied;
        fact.label = label.text;
        fact.quote = detail::source_text(document, b.map, at, end);
        fact.context = detail::source_text(document, b.map, clause_start(text, floor, at), end);
        fact.position = document.lines[b.map[at].line].position;
        fact.sentence = si;
        fact.begin = at;
        fact.end = end;
        out.facts.push_back(std::move(fact));
        floor = end;
        at = end;
        continue;
      }
      if (chinese_numeral_char(c) && !(at >= 3 && text.substr(at - 3, 3) == "第")) {
        std::size_t j = at;
        std::u32string run;
        while (j < text.size()) {
          std::size_t m = 0;
          const char32_t d = detail::decode(text, j, m);
          if (!chinese_numeral_char(d)) break;
          run += d;
          j += m;
        }
        const std::string_view unit = unit_at(text, j);
        const int value = chinese_value(run);
        if (!unit.empty() && is_count_unit(unit) && value > 0) {
          Fact fact;
          fact.number = std::to_string(value);
          fact.value = Decimal(value);
          fact.exact = true;
          fact.unit = std::string(unit);
          fact.label = label_before(text, floor, at).text;
          fact.quote = detail::source_text(document, b.map, at, j + unit.size());
          fact.context = detail::source_text(document, b.map, clause_start(text, floor, at), j + unit.size());
          fact.position = document.lines[b.map[at].line].position;
          fact.sentence = si;
          fact.begin = at;
          fact.end = j + unit.size();
          floor = fact.end;
          at = fact.end;
          out.facts.push_back(std::move(fact));
          continue;
        }
        at = j;
        continue;
      }
      at += n;
    }
    out.sentences.push_back(std::move(sentence));
  }
  return out;
}

}  // namespace jx::narrative
