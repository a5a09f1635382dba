// Internals of engine/narrative shared by its files: UTF-8 helpers and the
// interval of a stated figure. Not part of the public header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "narrative/narrative.hpp"
#include "values/decimal.hpp"

namespace jx::narrative::detail {

bool valid_utf8(std::string_view bytes);
// Byte offset (0-based) of the first byte that breaks UTF-8.
std::size_t first_invalid_utf8(std::string_view bytes);
// Decodes the code point at `at` (valid UTF-8 assumed) and its length in bytes.
char32_t decode(std::string_view text, std::size_t at, std::size_t& length);
void append_utf8(std::string& out, char32_t c);
bool is_cjk(char32_t c);
// True when every line is empty or white space.
bool blank(const Document& document);
// ".DOCX" → ".docx"; "" when the name has none.
std::string lower_extension(const std::string& path);
bool ends_with(std::string_view text, std::string_view suffix);
bool starts_with(std::string_view text, std::string_view prefix);
bool contains(std::string_view text, std::string_view part);

// The values a stated figure stands for: it was rounded half-up or truncated to
// its stated decimals, so 99.7 means anything in [99.65, 99.8) (half-up gives
// [99.65, 99.75), truncation [99.7, 99.8)). A relation is flagged only when the
// intervals cannot meet. A count or a Chinese numeral is exact: [6, 6].
struct Interval {
  Decimal lo;
  Decimal hi;
  bool lo_open = false;
  bool hi_open = false;
};
Interval interval_of(const Fact& fact);
// Scaled to yuan for money (万元 × 10000, 亿元 × 100000000); anything else as stated.
Interval interval_in_base_unit(const Fact& fact);
Interval operator+(const Interval& a, const Interval& b);
Interval operator-(const Interval& a, const Interval& b);
// 100 × part / whole for positive intervals; nullopt when the whole may be zero or less.
std::optional<Interval> percent_of(const Interval& part, const Interval& whole);
bool meet(const Interval& a, const Interval& b);
// "[4714.195, 4714.45)"
std::string to_string(const Interval& interval);
// The value in yuan of a money fact, as text with the unit: "47142800元" → used in messages.
Decimal base_factor(const std::string& unit);

// Sets each finding's position, quote and id from its figures and sorts the list
// in reading order; run again after more findings are added.
void complete_findings(const Extraction& extraction, std::vector<Finding>& findings);

// Appends the lines of one PDF page's text (poppler's physical layout, UTF-8)
// to `document`, numbered from 1 within the page; a form feed is a space.
void add_page_text(Document& document, std::uint32_t page, std::string_view text);

bool is_money(const Fact& fact);
bool is_count(const Fact& fact);

}  // namespace jx::narrative::detail
