// Lines → sentences. A report's lines are wrapped wherever the page ended, so a
// sentence runs on across lines and pages until 。；！？; a line that begins with
// an enumerator (一、 （一） 1． （1） ①) starts a new one, and so does every Word
// paragraph. Full-width digits and signs become ASCII, Markdown ** goes, and white
// space stays only between two ASCII letters or digits, so "得分\n\n9.99 分" reads
// "得分9.99分". Every byte of a sentence maps back to the line and bytes it came
// from, so a quote is always the report's own text.
#include <string_view>

#include "narrative/detail.hpp"
#include "narrative/sentences.hpp"

namespace jx::narrative::detail {

namespace {

bool ascii_alnum(char32_t c) { return c < 0x80 && std::isalnum(static_cast<int>(c)) != 0; }
bool space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\r'; }
bool terminal(char32_t c) {
  return c == U'。' || c == U'；' || c == U'！' || c == U'？' || c == ';' || c == '!' || c == '?';
}
bool closer(char32_t c) {
  return c == U'”' || c == U'’' || c == U'）' || c == ')' || c == U'」' || c == U'』';
}
bool cn_digit(char32_t c) {
  return std::u32string_view(U"零〇一二两三四五六七八九十").find(c) != std::u32string_view::npos;
}

std::u32string decode_all(std::string_view text) {
  std::u32string out;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t n = 0;
    out += decode(text, at, n);
    at += n;
  }
  return out;
}

// "— 12 —", "- 3 -", "第 4 页", "第4页 共30页": page furniture, not text.
bool page_number_line(std::u32string_view s) {
  bool dash = false;
  bool digit = false;
  bool other = false;
  for (char32_t c : s) {
    if (c == U'—' || c == U'–' || c == '-' || c == U'－') {
      dash = true;
    } else if ((c >= '0' && c <= '9') || (c >= U'０' && c <= U'９')) {
      digit = true;
    } else if (!space(c)) {
      other = true;
    }
  }
  if (dash && digit && !other) return true;
  if (!s.empty() && s.front() == U'第' && s.back() == U'页' && digit) {
    for (char32_t c : s) {
      if (!(space(c) || (c >= '0' && c <= '9') || c == U'第' || c == U'页' || c == U'共')) return false;
    }
    return true;
  }
  return false;
}

// "（四）部门整体收支情况", "二、绩效自评情况": a short line with a section enumerator,
// no figure and no closing punctuation. A wrapped sentence's first line is long.
bool section_heading(const std::string& style, std::u32string_view body) {
  if (style != "一、" && style != "（一）") return false;
  if (body.size() > 20 || terminal(body.back()) || body.back() == U'，' || body.back() == U'、') return false;
  for (char32_t c : body) {
    if ((c >= '0' && c <= '9') || (c >= U'０' && c <= U'９')) return false;
  }
  return true;
}

}  // namespace

// The enumerator a (trimmed) line starts with, by style, or "".
std::string enumerator_style(std::u32string_view s) {
  std::size_t i = 0;
  const bool open_paren = !s.empty() && (s[0] == U'（' || s[0] == '(');
  if (open_paren) i = 1;
  const std::size_t start = i;
  while (i < s.size() && cn_digit(s[i])) ++i;
  if (i > start) {
    if (open_paren && i < s.size() && (s[i] == U'）' || s[i] == ')')) return "（一）";
    if (!open_paren && i < s.size() && s[i] == U'、') return "一、";
    return "";
  }
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= U'０' && s[i] <= U'９'))) ++i;
  if (i > start && i < s.size()) {
    if (open_paren && (s[i] == U'）' || s[i] == ')')) return "（1）";
    const bool point = s[i] == U'．' || s[i] == '.' || s[i] == U'、';
    const bool digit_follows = i + 1 < s.size() && ((s[i + 1] >= '0' && s[i + 1] <= '9') ||
                                                    (s[i + 1] >= U'０' && s[i + 1] <= U'９'));
    if (!open_paren && point && !digit_follows && i - start <= 2) return "1．";
    return "";
  }
  if (!s.empty() && s[0] >= U'①' && s[0] <= U'⑳') return "①";
  return "";
}

std::vector<BuiltSentence> build_sentences(const Document& document) {
  std::vector<BuiltSentence> out;
  BuiltSentence current;
  bool pending_break = false;
  char32_t last = 0;           // last code point emitted into `current`
  bool pending_space = false;  // white space seen after `last`
  SourceSpan space_span{};

  auto flush = [&]() {
    if (!current.text.empty()) out.push_back(std::move(current));
    current = BuiltSentence{};
    last = 0;
    pending_space = false;
    pending_break = false;
  };
  auto emit = [&](char32_t c, SourceSpan span) {
    if (pending_break && !closer(c)) flush();
    if (pending_space && ascii_alnum(last) && ascii_alnum(c)) {
      current.text += ' ';
      current.map.push_back(space_span);
    }
    pending_space = false;
    if (current.text.empty()) current.first_line = span.line;
    const std::size_t before = current.text.size();
    append_utf8(current.text, c);
    for (std::size_t k = before; k < current.text.size(); ++k) current.map.push_back(span);
    last = c;
    if (terminal(c)) pending_break = true;
  };

  for (std::size_t li = 0; li < document.lines.size(); ++li) {
    const Line& line = document.lines[li];
    const std::u32string cps = decode_all(line.text);
    std::size_t first = 0;
    while (first < cps.size() && space(cps[first])) ++first;
    std::size_t stop = cps.size();
    while (stop > first && space(cps[stop - 1])) --stop;
    if (first == stop) continue;
    const std::u32string_view body(cps.data() + first, stop - first);
    if (page_number_line(body)) continue;
    const std::string style = enumerator_style(body);
    if (line.position.paragraph || !style.empty()) {
      flush();
      current.enumerator = style;
    }
    // Byte offsets of each code point in the line.
    std::size_t byte = 0;
    std::vector<std::size_t> offsets;
    offsets.reserve(cps.size() + 1);
    for (std::size_t k = 0; k < cps.size(); ++k) {
      offsets.push_back(byte);
      std::size_t n = 0;
      decode(line.text, byte, n);
      byte += n;
    }
    offsets.push_back(byte);
    // A line break is white space: it joins two ASCII words with a space and
    // disappears between anything else.
    if (!current.text.empty()) {
      pending_space = true;
      space_span = {li, offsets[first], offsets[first]};
    }
    for (std::size_t k = first; k < stop; ++k) {
      char32_t c = cps[k];
      const SourceSpan span{li, offsets[k], offsets[k + 1]};
      if (space(c)) {
        if (!pending_space) space_span = span;
        pending_space = true;
        continue;
      }
      if (c == '*') continue;  // Markdown emphasis, as in text exported from an editor
      if (c >= U'０' && c <= U'９') c = '0' + (c - U'０');
      if (c == U'％') c = '%';
      if (c == U'．' || c == U'，') {
        // A full-width point between digits is a decimal point; elsewhere it is punctuation.
        const bool digit_before = last >= '0' && last <= '9' && !pending_space;
        const bool digit_after = k + 1 < stop && ((cps[k + 1] >= '0' && cps[k + 1] <= '9') ||
                                                  (cps[k + 1] >= U'０' && cps[k + 1] <= U'９'));
        if (c == U'．' && digit_before && digit_after) c = '.';
      }
      emit(c, span);
    }
    // A section heading ends its sentence even without punctuation, so that its
    // words do not run into the first label below it.
    if (section_heading(style, body)) pending_break = true;
  }
  flush();
  return out;
}

std::string source_text(const Document& document, const std::vector<SourceSpan>& map, std::size_t begin,
                        std::size_t end) {
  std::string out;
  std::size_t k = begin;
  while (k < end) {
    const std::size_t line = map[k].line;
    std::size_t lo = map[k].begin;
    std::size_t hi = map[k].end;
    while (k < end && map[k].line == line) {
      lo = std::min(lo, map[k].begin);
      hi = std::max(hi, map[k].end);
      ++k;
    }
    out += document.lines[line].text.substr(lo, hi - lo);
  }
  return out;
}

}  // namespace jx::narrative::detail
