// Explicit, named rounding of jx::Decimal (the modes of the General Decimal
// Arithmetic specification), for plain decimals and exact fractions alike.
#include <algorithm>
#include <array>
#include <cctype>
#include <tuple>
#include <utility>

#include "values/decimal.hpp"
#include "values/small.hpp"

namespace jx {
namespace {

using Int = Decimal::Int;
using detail::digit_count;
using detail::pow10;
using detail::to_small;

constexpr std::array<std::pair<std::string_view, RoundingMode>, 8> mode_names{{
    {"half_up", RoundingMode::half_up},
    {"half_even", RoundingMode::half_even},
    {"half_down", RoundingMode::half_down},
    {"down", RoundingMode::down},
    {"up", RoundingMode::up},
    {"floor", RoundingMode::floor},
    {"ceiling", RoundingMode::ceiling},
    {"05up", RoundingMode::zero_five_up},
}};

// Exact value as numerator / denominator (denominator > 0) scaled to exponent
// `target`, i.e. value / 10^target, ready for round_quotient.
std::pair<Int, Int> scaled_to(const Decimal& d, std::int64_t target) {
  Int numerator = d.is_fraction() ? d.numerator() : d.coefficient();
  Int denominator = d.is_fraction() ? d.denominator() : Int(1);
  std::int64_t shift = (d.is_fraction() ? 0 : d.exponent()) - target;  // value = n/den · 10^shift · 10^target
  if (shift >= 0) {
    numerator *= pow10(static_cast<std::uint32_t>(shift));
    return {numerator, denominator};
  }
  // A divisor far larger than the value only tells "a nonzero amount less than
  // half a unit": keep that information with a small stand-in, not 10^20000.
  const auto limit = static_cast<std::int64_t>(digit_count(numerator) + digit_count(denominator) + 2);
  if (-shift > limit) return {Int(numerator.sign()), Int(100)};
  denominator *= pow10(static_cast<std::uint32_t>(-shift));
  return {numerator, denominator};
}

void check_exponent(std::int64_t exponent) {
  if (exponent > Decimal::max_exponent || exponent < -Decimal::max_exponent) {
    throw DecimalError(DecimalError::Kind::out_of_range,
                       "rounding scale out of range (beyond ±" + std::to_string(Decimal::max_exponent) + ")");
  }
}

// Whether to add one unit away from zero to a truncated quotient, by `mode`.
// `half` is the remainder against half the divisor (<0 below, 0 at, >0 above),
// `odd` and `last` describe the truncated quotient's last digit.
bool rounds_away(RoundingMode mode, int sign, int half, bool odd, int last) {
  switch (mode) {
    case RoundingMode::down: return false;
    case RoundingMode::up: return true;
    case RoundingMode::floor: return sign < 0;
    case RoundingMode::ceiling: return sign > 0;
    case RoundingMode::half_up: return half >= 0;
    case RoundingMode::half_down: return half > 0;
    case RoundingMode::half_even: return half > 0 || (half == 0 && odd);
    case RoundingMode::zero_five_up: return last == 0 || last == 5;
  }
  return false;
}

// round_quotient on machine integers (denominator > 0, |numerator| ≤ 2^63 − 1).
std::int64_t round_small(std::int64_t numerator, std::int64_t denominator, RoundingMode mode) {
  std::int64_t quotient = numerator / denominator;  // truncates towards zero
  const std::int64_t remainder = numerator % denominator;
  if (remainder == 0) return quotient;
  const int sign = numerator < 0 ? -1 : 1;
  const std::uint64_t twice = 2 * detail::magnitude(remainder);  // < 2·denominator ≤ 2^64 − 2
  const auto d = static_cast<std::uint64_t>(denominator);
  const int half = twice < d ? -1 : (twice == d ? 0 : 1);
  const std::uint64_t q = detail::magnitude(quotient);
  // |quotient| ≤ |numerator| / 2 here (denominator ≥ 2), so one more unit cannot overflow.
  if (rounds_away(mode, sign, half, (q & 1U) != 0, static_cast<int>(q % 10))) quotient += sign;
  return quotient;
}

// The coefficient of the value rounded to exponent `target` (value ≈ c × 10^target).
Int rounded_coefficient(const Decimal& d, std::int64_t target, RoundingMode mode) {
  std::int64_t small = 0;
  if (!d.is_fraction() && detail::to_small(d.coefficient(), small)) {
    const std::int64_t shift = d.exponent() - target;
    std::int64_t scaled = 0;
    if (detail::small_scale(small, shift, scaled)) return Int(scaled);
    if (shift < 0 && -shift <= detail::small_pow10_max) {
      return Int(round_small(small, detail::small_pow10[static_cast<std::size_t>(-shift)], mode));
    }
  }
  auto [numerator, denominator] = scaled_to(d, target);
  return detail::round_quotient(numerator, denominator, mode);
}

// Rounds to exponent `target`, which is then the result's ideal exponent: the
// one it has unless the digit bound makes it drop trailing zeros (Decimal::fitted).
Decimal round_to_exponent(const Decimal& d, std::int64_t target, RoundingMode mode) {
  check_exponent(target);
  return Decimal::fitted(rounded_coefficient(d, target, mode), target, target);
}

// floor(log10(|value|)) of a non-zero value: the exponent of its first digit.
std::int64_t adjusted_exponent(const Decimal& d) {
  if (!d.is_fraction()) return d.exponent() + static_cast<std::int64_t>(digit_count(d.coefficient())) - 1;
  const Int n = boost::multiprecision::abs(d.numerator());
  const Int den = d.denominator();
  std::int64_t guess =
      static_cast<std::int64_t>(digit_count(n)) - static_cast<std::int64_t>(digit_count(den));
  // |n|/den >= 10^guess ?  If not, the first digit is one place lower.
  const bool at_least = guess >= 0 ? n >= den * pow10(static_cast<std::uint32_t>(guess))
                                   : n * pow10(static_cast<std::uint32_t>(-guess)) >= den;
  return at_least ? guess : guess - 1;
}

}  // namespace

RoundingMode parse_rounding_mode(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [text, mode] : mode_names) {
    if (lower == text) return mode;
  }
  throw DecimalError(DecimalError::Kind::bad_argument,
                     "unknown rounding mode \"" + std::string(name) +
                         "\" (expected half_up, half_even, half_down, down, up, floor, ceiling or 05up)");
}

std::string_view rounding_mode_name(RoundingMode mode) {
  for (const auto& [text, m] : mode_names) {
    if (m == mode) return text;
  }
  return "?";
}

namespace detail {

Int round_quotient(const Int& numerator, const Int& denominator, RoundingMode mode) {
  std::int64_t n = 0;
  std::int64_t d = 0;
  if (to_small(numerator, n) && to_small(denominator, d) && d > 0) return Int(round_small(n, d, mode));
  Int quotient;
  Int remainder;
  boost::multiprecision::divide_qr(numerator, denominator, quotient, remainder);  // truncates towards zero
  if (remainder == 0) return quotient;
  const int sign = numerator.sign();
  const int half =
      (boost::multiprecision::abs(remainder) * 2).compare(denominator);  // <0 below half, 0 at half
  const bool odd = boost::multiprecision::bit_test(quotient, 0);
  const int last =
      mode == RoundingMode::zero_five_up ? static_cast<int>(boost::multiprecision::abs(quotient) % 10) : 0;
  if (rounds_away(mode, sign, half, odd, last)) quotient += sign;  // away from zero, i.e. |quotient| + 1
  return quotient;
}

}  // namespace detail

Decimal Decimal::round(int scale, RoundingMode mode) const {
  return round_to_exponent(*this, -static_cast<std::int64_t>(scale), mode);
}

Decimal Decimal::round_significant(int digits, RoundingMode mode) const {
  if (digits < 1)
    throw DecimalError(DecimalError::Kind::bad_argument, "significant digits must be at least 1");
  if (is_zero()) return fraction_ ? Decimal() : *this;
  if (!fraction_ && digit_count(coefficient_) <= static_cast<std::size_t>(digits)) return *this;
  // A fraction's digits never end, and no run of zeros or nines in them is as
  // long as its denominator (< 10^max_digits): rounded to 2·max_digits digits
  // or more, more than max_digits of them stay significant. Said without
  // building a number of `digits` digits.
  if (fraction_ && static_cast<std::size_t>(digits) >= 2 * max_digits) {
    throw detail::out_of_bounds(detail::Placement::Outcome::too_many_digits);
  }
  std::int64_t target = adjusted_exponent(*this) - digits + 1;
  Int rounded = rounded_coefficient(*this, target, mode);
  // 9.99 → 10.0 at 3 digits carries into a fourth digit: drop the (zero) last one.
  if (digit_count(rounded) > static_cast<std::size_t>(digits)) {
    rounded /= 10;
    ++target;
  }
  return fitted(std::move(rounded), target, target);
}

Decimal Decimal::div(const Decimal& divisor, int scale, RoundingMode mode) const {
  if (divisor.is_zero()) throw DecimalError(DecimalError::Kind::division_by_zero, "division by zero");
  const std::int64_t target = -static_cast<std::int64_t>(scale);
  check_exponent(target);
  // One step, without building the exact quotient (whose numerator or denominator
  // may exceed the digit bound even when the rounded result is small):
  // (na/da · 10^ea) / (nb/db · 10^eb) / 10^target = (na·db · 10^shift) / (da·nb).
  const auto parts = [](const Decimal& d) {
    if (d.is_fraction()) return std::make_tuple(d.numerator(), d.denominator(), std::int64_t{0});
    return std::make_tuple(d.coefficient(), Int(1), static_cast<std::int64_t>(d.exponent()));
  };
  const auto [na, da, ea] = parts(*this);
  const auto [nb, db, eb] = parts(divisor);
  Int numerator = na * db;
  Int denominator = da * nb;
  const std::int64_t shift = ea - eb - target;
  if (shift >= 0) {
    numerator *= pow10(static_cast<std::uint32_t>(shift));
  } else {
    denominator *= pow10(static_cast<std::uint32_t>(-shift));
  }
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  return fitted(detail::round_quotient(numerator, denominator, mode), target, target);
}

}  // namespace jx
