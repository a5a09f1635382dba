// A slow, obviously-correct model of jx::Decimal for the decimal fuzzer: the
// grammar, exact values as Boost cpp_rational, and the eight rounding modes
// written from their definitions (floor/ceiling of a rational), not from the
// library's remainder arithmetic. Nothing here calls jx::Decimal.
#pragma once

#include <algorithm>
#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/decimal.hpp"

namespace jx::fuzz::ref {

using BigInt = boost::multiprecision::cpp_int;
using Rational = boost::multiprecision::number<boost::multiprecision::cpp_rational_backend>;

inline BigInt pow10(std::int64_t n) {
  return boost::multiprecision::pow(BigInt(10), static_cast<unsigned>(n));
}

// coefficient × 10^exponent
inline Rational value_of(const BigInt& coefficient, std::int64_t exponent) {
  if (exponent >= 0) return Rational(coefficient * pow10(exponent));
  return Rational(coefficient, pow10(-exponent));
}

// Decimal digits of |v| (1 for zero). From the bit length, then one
// comparison: printing a 20000-digit number would cost more than the test.
inline std::size_t digits(const BigInt& v) {
  const BigInt m = boost::multiprecision::abs(v);
  if (m == 0) return 1;
  const auto bits = static_cast<std::int64_t>(boost::multiprecision::msb(m)) + 1;  // 2^(bits-1) <= m < 2^bits
  // floor((bits-1)·log10 2) + 1 <= digits <= floor(bits·log10 2) + 1
  auto low = static_cast<std::int64_t>(static_cast<double>(bits - 1) * 0.30102999566398120) + 1;
  while (low > 1 && m < pow10(low - 1)) --low;  // the estimate may be one too high at exact powers
  while (m >= pow10(low)) ++low;
  return static_cast<std::size_t>(low);
}

// The text of a number the grammar accepts, taken apart.
struct Text {
  BigInt coefficient;         // all mantissa digits, leading zeros dropped, signed
  std::size_t significant;    // digits of the coefficient without leading zeros (1 for zero)
  std::int64_t exponent = 0;  // saturated at ±10^12: beyond every bound anyway
};

// [+-] then digits with at most one point and at least one digit, then
// optionally e|E, [+-], at least one digit. Nothing else, nothing around it.
inline std::optional<Text> parse(std::string_view s) {
  std::size_t e = s.find_first_of("eE");
  std::string_view mantissa = s.substr(0, e);
  std::string_view exp = e == std::string_view::npos ? std::string_view() : s.substr(e + 1);
  if (e != std::string_view::npos && exp.empty()) return std::nullopt;

  bool negative = false;
  if (!mantissa.empty() && (mantissa[0] == '+' || mantissa[0] == '-')) {
    negative = mantissa[0] == '-';
    mantissa.remove_prefix(1);
  }
  std::string all;
  int points = 0;
  std::int64_t after_point = 0;
  for (char c : mantissa) {
    if (c == '.') {
      ++points;
    } else if (c >= '0' && c <= '9') {
      all += c;
      if (points == 1) ++after_point;
    } else {
      return std::nullopt;
    }
  }
  if (points > 1 || all.empty()) return std::nullopt;

  std::int64_t exp_value = 0;
  bool exp_negative = false;
  if (!exp.empty() && (exp[0] == '+' || exp[0] == '-')) {
    exp_negative = exp[0] == '-';
    exp.remove_prefix(1);
  }
  if (e != std::string_view::npos && exp.empty()) return std::nullopt;
  for (char c : exp) {
    if (c < '0' || c > '9') return std::nullopt;
    if (exp_value < 1'000'000'000'000) exp_value = exp_value * 10 + (c - '0');
  }
  if (exp_negative) exp_value = -exp_value;

  const std::size_t nonzero = all.find_first_not_of('0');
  Text t;
  t.significant = nonzero == std::string::npos ? 1 : all.size() - nonzero;
  t.coefficient = nonzero == std::string::npos ? BigInt(0) : BigInt(all.substr(nonzero));
  if (negative) t.coefficient = -t.coefficient;
  t.exponent = exp_value - after_point;
  return t;
}

inline BigInt floor_of(const Rational& q) {
  const BigInt n = boost::multiprecision::numerator(q);
  const BigInt d = boost::multiprecision::denominator(q);  // > 0
  BigInt f = n / d;                                        // truncates towards zero
  if (f * d != n && n < 0) f -= 1;
  return f;
}

// q rounded to an integer with `mode`, from the definitions of the modes.
inline BigInt round(const Rational& q, RoundingMode mode) {
  const BigInt lo = floor_of(q);
  if (Rational(lo) == q) return lo;
  const BigInt hi = lo + 1;
  const Rational frac = q - Rational(lo);  // in (0, 1)
  const Rational half(1, 2);
  const BigInt towards_zero = q > 0 ? lo : hi;
  const BigInt away = q > 0 ? hi : lo;
  switch (mode) {
    case RoundingMode::floor: return lo;
    case RoundingMode::ceiling: return hi;
    case RoundingMode::down: return towards_zero;
    case RoundingMode::up: return away;
    case RoundingMode::half_up: return frac == half ? away : (frac < half ? lo : hi);
    case RoundingMode::half_down: return frac == half ? towards_zero : (frac < half ? lo : hi);
    case RoundingMode::half_even: return frac == half ? ((lo % 2 == 0) ? lo : hi) : (frac < half ? lo : hi);
    case RoundingMode::zero_five_up: {
      const int last = static_cast<int>(boost::multiprecision::abs(towards_zero) % 10);
      return (last == 0 || last == 5) ? away : towards_zero;
    }
  }
  return lo;
}

// floor(log10(|q|)) for q != 0.
inline std::int64_t adjusted_exponent(const Rational& q) {
  const Rational m = boost::multiprecision::abs(q);
  const BigInt n = boost::multiprecision::numerator(m);
  const BigInt d = boost::multiprecision::denominator(m);
  std::int64_t e = static_cast<std::int64_t>(digits(n)) - static_cast<std::int64_t>(digits(d));
  // 10^(e-1) < m < 10^(e+1): one step decides.
  const Rational p = e >= 0 ? Rational(pow10(e)) : Rational(BigInt(1), pow10(-e));
  return m >= p ? e : e - 1;
}

// Divides out every factor p of n (n != 0) and returns how many there were,
// with p^(2^i) steps so that 10^20000 takes a few dozen divisions, not 20000.
inline std::int64_t strip(BigInt& n, unsigned p) {
  std::vector<BigInt> powers{BigInt(p)};  // p, p^2, p^4, …
  while (n % powers.back() == 0) powers.push_back(powers.back() * powers.back());
  std::int64_t count = 0;
  for (std::size_t i = powers.size(); i-- > 0;) {
    while (n % powers[i] == 0) {
      n /= powers[i];
      count += std::int64_t{1} << i;
    }
  }
  return count;
}

// True when the reduced denominator has a prime factor other than 2 and 5.
inline bool non_terminating(const Rational& q) {
  BigInt d = boost::multiprecision::denominator(q);
  strip(d, 2);
  strip(d, 5);
  return d != 1;
}

// The plain form with the largest exponent (trailing zeros stripped).
// Only for terminating values.
inline std::pair<BigInt, std::int64_t> normalized(const Rational& q) {
  BigInt n = boost::multiprecision::numerator(q);
  BigInt d = boost::multiprecision::denominator(q);
  if (n == 0) return {BigInt(0), 0};
  // n / (2^a·5^b) = n·2^(k−a)·5^(k−b) / 10^k with k = max(a, b)
  const std::int64_t a = strip(d, 2);
  const std::int64_t b = strip(d, 5);
  const std::int64_t k = std::max(a, b);
  n *= boost::multiprecision::pow(BigInt(2), static_cast<unsigned>(k - a)) *
       boost::multiprecision::pow(BigInt(5), static_cast<unsigned>(k - b));
  const std::int64_t e = strip(n, 10) - k;
  return {n, e};
}

// Where an exact result goes (docs/decimal.md, Bounds), from the definition:
// among the exponents x ≤ e (value = c·10^e, c without trailing zeros) with
// |x| ≤ max_exponent and digits(c) + (e − x) ≤ max_digits, the one nearest
// `ideal`; nullopt when there is none. `c` may carry trailing zeros.
struct Placed {
  BigInt coefficient;
  std::int64_t exponent = 0;
};
inline std::optional<Placed> fit(BigInt c, std::int64_t e, std::int64_t ideal) {
  constexpr auto max_e = static_cast<std::int64_t>(Decimal::max_exponent);
  constexpr auto max_d = static_cast<std::int64_t>(Decimal::max_digits);
  if (c == 0) return Placed{BigInt(0), std::clamp(ideal, -max_e, max_e)};
  e += strip(c, 10);
  const auto d = static_cast<std::int64_t>(digits(c));
  if (d > max_d) return std::nullopt;
  const std::int64_t lowest = std::max(e - (max_d - d), -max_e);
  const std::int64_t highest = std::min(e, max_e);
  if (lowest > highest) return std::nullopt;
  const std::int64_t x = std::clamp(ideal, lowest, highest);
  return Placed{c * pow10(e - x), x};
}
// The same for a terminating rational.
inline std::optional<Placed> fit(const Rational& q, std::int64_t ideal) {
  const auto [c, e] = normalized(q);
  return fit(c, e, ideal);
}

// Plain text of coefficient × 10^exponent, never an exponent, no negative zero.
inline std::string format(const BigInt& coefficient, std::int64_t exponent) {
  std::string digits = BigInt(boost::multiprecision::abs(coefficient)).str();
  std::string sign = coefficient < 0 ? "-" : "";
  if (exponent >= 0)
    return sign + digits + (coefficient == 0 ? "" : std::string(static_cast<std::size_t>(exponent), '0'));
  const auto scale = static_cast<std::size_t>(-exponent);
  if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
  return sign + digits.substr(0, digits.size() - scale) + "." + digits.substr(digits.size() - scale);
}

}  // namespace jx::fuzz::ref
