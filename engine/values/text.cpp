// Exact text conversion of jx::Decimal: parsing and canonical plain formatting.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <mutex>
#include <vector>

#include "values/decimal.hpp"
#include "values/small.hpp"

namespace jx {
namespace {

// Quotes offending text in messages, shortened so that a 10,000-digit input
// does not make a 10,000-character error message.
std::string quoted(std::string_view text) {
  constexpr std::size_t shown = 40;
  std::string out = "\"";
  if (text.size() > shown) {
    // Cut at a character boundary, never inside a UTF-8 sequence.
    std::size_t cut = shown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
    out.append(text.substr(0, cut));
    out += "…";
  } else {
    out.append(text);
  }
  out += '"';
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<Decimal> Decimal::try_parse(std::string_view text) {
  try {
    return parse(text);
  } catch (const DecimalError& e) {
    if (e.kind() == DecimalError::Kind::syntax) return std::nullopt;
    throw;
  }
}

Decimal Decimal::parse(std::string_view text) {
  auto syntax_error = [&] {
    return DecimalError(DecimalError::Kind::syntax, "not a decimal number: " + quoted(text));
  };
  std::size_t i = 0;
  const std::size_t n = text.size();
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';

  const std::size_t int_begin = i;
  while (i < n && is_digit(text[i])) ++i;
  const std::string_view int_digits = text.substr(int_begin, i - int_begin);
  std::string_view frac_digits;
  if (i < n && text[i] == '.') {
    const std::size_t frac_begin = ++i;
    while (i < n && is_digit(text[i])) ++i;
    frac_digits = text.substr(frac_begin, i - frac_begin);
  }
  if (int_digits.empty() && frac_digits.empty()) throw syntax_error();

  // The exponent is accumulated with a cap: anything past the cap is out of
  // range anyway, and the cap keeps the accumulator from overflowing.
  std::int64_t exp_value = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) exp_negative = text[i++] == '-';
    const std::size_t exp_begin = i;
    while (i < n && is_digit(text[i])) {
      exp_value = std::min<std::int64_t>(exp_value * 10 + (text[i] - '0'), 1'000'000'000);
      ++i;
    }
    if (i == exp_begin) throw syntax_error();
    if (exp_negative) exp_value = -exp_value;
  }
  if (i != n) throw syntax_error();

  // The written exponent is the ideal one (Decimal::fitted).
  const std::size_t all = int_digits.size() + frac_digits.size();
  const auto digit_at = [&](std::size_t k) {
    return k < int_digits.size() ? int_digits[k] : frac_digits[k - int_digits.size()];
  };
  std::size_t first = 0;  // leading zeros do not count
  while (first < all && digit_at(first) == '0') ++first;
  const std::int64_t exponent = exp_value - static_cast<std::int64_t>(frac_digits.size());
  if (first == all) return fitted(0, exponent, exponent);  // a zero holds any exponent

  // Beyond the bounds as written, the trailing zeros are counted in the text
  // and the exponent chosen before any integer is built, so that a million
  // zeros never become a million-digit number.
  std::size_t end = all;
  std::int64_t chosen = exponent;
  std::int64_t pad = 0;  // zeros to append to digits [first, end)
  if (all - first > max_digits || exponent > max_exponent || exponent < -max_exponent) {
    std::int64_t last = exponent;
    while (digit_at(end - 1) == '0') {
      --end;
      ++last;
    }
    const detail::Placement p = detail::place(end - first, last, exponent);
    if (p.outcome != detail::Placement::Outcome::fits)
      throw detail::out_of_bounds(p.outcome, " in " + quoted(text));
    chosen = p.exponent;
    pad = last - chosen;
  }

  Int coefficient;
  if (end - first <= 18) {  // fits in 64 bits: no text copy, no cpp_int parse
    std::uint64_t small = 0;
    for (std::size_t k = first; k < end; ++k)
      small = small * 10 + static_cast<std::uint64_t>(digit_at(k) - '0');
    coefficient = small;
  } else {
    std::string digits;
    digits.reserve(end - first);
    for (std::size_t k = first; k < end; ++k) digits += digit_at(k);
    coefficient = Int(digits);
  }
  if (pad > 0) coefficient *= detail::pow10(static_cast<std::uint32_t>(pad));
  if (negative) coefficient = -coefficient;
  return fitted(std::move(coefficient), chosen, chosen);
}

std::string Decimal::to_string() const {
  if (fraction_) {
    return round_significant(fraction_display_digits, RoundingMode::down).to_string() + "…";
  }
  std::string digits;
  std::int64_t small = 0;
  if (detail::to_small(coefficient_, small)) {
    std::array<char, 24> buffer{};
    const auto end =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), detail::magnitude(small)).ptr;
    digits.assign(buffer.data(), end);
  } else {
    digits = boost::multiprecision::abs(coefficient_).str();
  }
  std::string out = coefficient_ < 0 ? "-" : "";
  if (exponent_ >= 0) {
    out += digits;
    if (coefficient_ != 0) out.append(static_cast<std::size_t>(exponent_), '0');
    return out;
  }
  const auto scale = static_cast<std::size_t>(-exponent_);
  if (digits.size() > scale) {
    out.append(digits, 0, digits.size() - scale);
    out += '.';
    out.append(digits, digits.size() - scale);
  } else {
    out += "0.";
    out.append(scale - digits.size(), '0');
    out += digits;
  }
  return out;
}

std::string Decimal::percent(int scale, RoundingMode mode) const {
  return (*this * Decimal(100)).round(scale, mode).to_string() + "%";
}

namespace detail {

std::size_t digit_count(const Decimal::Int& value) {
  std::int64_t small = 0;
  if (to_small(value, small)) return small_digit_count(magnitude(small));
  const Decimal::Int magnitude = boost::multiprecision::abs(value);
  // 2^bit <= |v| < 2^(bit+1), so the digit count is floor(bit·log10 2) + 1 or one more.
  // 0.30102 is just below log10 2, so the estimate never exceeds the true count
  // (0.30103, just above it, overcounts from 13301 bits on: 10^4004 − 1 gave 4005).
  const auto bit = static_cast<std::uint64_t>(boost::multiprecision::msb(magnitude));
  auto digits = static_cast<std::uint32_t>(bit * 30102 / 100000 + 1);
  while (magnitude >= pow10(digits)) ++digits;
  return digits;
}

Decimal::Int pow10(std::uint32_t n) {
  // Powers up to the digit bound are cached: alignment and rounding use them
  // on every operation. Larger ones (rare, bounded by the exponent limit) are computed.
  static constexpr std::uint32_t cached = 2 * Decimal::max_digits + 8;
  static const std::vector<Decimal::Int> table = [] {
    std::vector<Decimal::Int> t(cached);
    t[0] = 1;
    for (std::uint32_t i = 1; i < cached; ++i) t[i] = t[i - 1] * 10;
    return t;
  }();
  if (n < cached) return table[n];
  return boost::multiprecision::pow(Decimal::Int(10), n);
}

}  // namespace detail
}  // namespace jx
