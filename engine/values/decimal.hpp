// jx::Decimal — an exact decimal number for money, rates and scores.
//
// A value is either a plain decimal (an integer coefficient × 10^exponent) or,
// when a division does not terminate, an exact fraction that stays exact until
// it is rounded. Nothing here uses binary floating point. Uses Boost.Multiprecision.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace jx {

// The one exception type of the decimal library.
class DecimalError : public std::runtime_error {
 public:
  enum class Kind {
    syntax,            // text that is not a decimal number
    division_by_zero,  // x / 0
    out_of_range,      // more digits or a larger exponent than the bounds allow
    bad_argument,      // e.g. an unknown rounding mode name
  };
  DecimalError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

// The rounding modes of the General Decimal Arithmetic specification.
enum class RoundingMode {
  half_up,       // 0.5 away from zero (四舍五入)
  half_even,     // 0.5 to the even neighbour (banker's rounding)
  half_down,     // 0.5 towards zero
  down,          // truncate towards zero (舍去)
  up,            // away from zero
  floor,         // towards −∞
  ceiling,       // towards +∞
  zero_five_up,  // "05up": away from zero only when the kept last digit is 0 or 5
};

// Parses "half_up", "half_even", …, "05up" (case-insensitive). Throws bad_argument.
RoundingMode parse_rounding_mode(std::string_view name);
// The specification's name of a mode, e.g. "half_up", "05up".
std::string_view rounding_mode_name(RoundingMode mode);

class Decimal {
 public:
  // Expression templates off: values, not lazy expressions, so `auto` is always safe.
  using Int =
      boost::multiprecision::number<boost::multiprecision::cpp_int_backend<>, boost::multiprecision::et_off>;

  // Bounds that keep hostile input from exhausting memory or time.
  static constexpr std::size_t max_digits = 1000;      // digits of a coefficient, numerator or denominator
  static constexpr std::int32_t max_exponent = 10000;  // |exponent| of a plain decimal
  // A fraction printed without rounding shows this many significant digits and "…".
  static constexpr int fraction_display_digits = 34;

  Decimal() = default;          // zero
  Decimal(std::int64_t value);  // NOLINT(google-explicit-constructor): integers mix freely
  // Exactly coefficient × 10^exponent; out_of_range when that representation
  // is beyond the bounds (even if another exponent could hold the value).
  Decimal(Int coefficient, std::int32_t exponent);
  // The value coefficient × 10^exponent written with the exponent nearest to
  // `ideal` that the bounds allow (the one definition of "fits", used by every
  // operation): trailing zeros are added or dropped to move towards `ideal`.
  // out_of_range only when no exponent within ±max_exponent holds the value in
  // max_digits digits: "number has more than 1000 significant digits" or
  // "exponent out of range (beyond ±10000)".
  static Decimal fitted(Int coefficient, std::int64_t exponent, std::int64_t ideal);

  // Exact parse of "[+-]digits[.digits][(e|E)[+-]digits]" (also ".5" and "5.").
  // Anything else throws DecimalError(syntax) quoting the text.
  static Decimal parse(std::string_view text);
  // As parse, but returns nullopt instead of throwing a syntax error.
  static std::optional<Decimal> try_parse(std::string_view text);

  // Exact arithmetic. Division by zero throws; a non-terminating quotient stays a fraction.
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b);
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  friend Decimal operator/(const Decimal& a, const Decimal& b);
  Decimal operator-() const;
  Decimal& operator+=(const Decimal& b) { return *this = *this + b; }
  Decimal& operator-=(const Decimal& b) { return *this = *this - b; }
  Decimal& operator*=(const Decimal& b) { return *this = *this * b; }
  Decimal& operator/=(const Decimal& b) { return *this = *this / b; }
  [[nodiscard]] Decimal abs() const;

  // Numeric comparison: 1.0 == 1.00, and 1/3 compares exactly.
  friend bool operator==(const Decimal& a, const Decimal& b);
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  [[nodiscard]] int sign() const;  // −1, 0 or 1
  [[nodiscard]] bool is_zero() const { return sign() == 0; }
  [[nodiscard]] bool is_integer() const;

  // Rounds to `scale` digits after the point (quantize to exponent −scale):
  // always a plain decimal with exactly that many decimals (1.5 → "1.50" at scale 2).
  [[nodiscard]] Decimal round(int scale, RoundingMode mode) const;
  // Rounds to `digits` significant digits (the specification's context precision);
  // a value with no more digits than that is returned unchanged.
  [[nodiscard]] Decimal round_significant(int digits, RoundingMode mode) const;
  // this / divisor rounded to `scale` decimals in one step.
  [[nodiscard]] Decimal div(const Decimal& divisor, int scale, RoundingMode mode) const;

  // True for a non-terminating quotient that has not been rounded yet.
  [[nodiscard]] bool is_fraction() const { return fraction_ != nullptr; }
  // Plain decimal parts (value = coefficient × 10^exponent); only when !is_fraction().
  [[nodiscard]] const Int& coefficient() const;
  [[nodiscard]] std::int32_t exponent() const;
  // The exact value as numerator / denominator in lowest terms (denominator > 0).
  [[nodiscard]] Int numerator() const;
  [[nodiscard]] Int denominator() const;

  // Canonical plain text, never an exponent: "-1234.50", "0.001", "100".
  // A fraction shows 34 significant digits (truncated) and "…".
  [[nodiscard]] std::string to_string() const;
  // value × 100 rounded half_up to `scale` decimals, with "%": 0.99855 → "99.86%".
  [[nodiscard]] std::string percent(int scale, RoundingMode mode = RoundingMode::half_up) const;
  // The same value with trailing zeros of the coefficient removed (1.500 → 1.5).
  [[nodiscard]] Decimal normalized() const;
  // Hash by numeric value: equal values hash equally.
  [[nodiscard]] std::size_t hash() const;

 private:
  struct Fraction {
    Int numerator;    // sign carried here
    Int denominator;  // > 1, with a prime factor other than 2 and 5
  };
  // Builds a plain decimal or a fraction from an exact quotient; `ideal_exponent`
  // is the exponent a terminating result should have if its digits allow.
  static Decimal from_quotient(Int numerator, Int denominator, std::int64_t ideal_exponent);

  Int coefficient_ = 0;
  std::int32_t exponent_ = 0;
  std::shared_ptr<const Fraction> fraction_;  // immutable, so copies may share it
};

// Formatting helpers used by both the library and its tests.
namespace detail {
// Number of decimal digits of |value| (1 for zero).
std::size_t digit_count(const Decimal::Int& value);
// 10^n for 0 <= n, cached for small n.
Decimal::Int pow10(std::uint32_t n);
// Where a value with `digits` significant digits whose last one has exponent
// `last` (no trailing zeros) is written nearest to `ideal` within the bounds.
struct Placement {
  enum class Outcome { fits, too_many_digits, exponent_out_of_range } outcome;
  std::int64_t exponent;  // when it fits: the chosen exponent (≤ last)
};
Placement place(std::size_t digits, std::int64_t last, std::int64_t ideal);
// The error for a value that does not fit, with `context` appended to the message.
DecimalError out_of_bounds(Placement::Outcome outcome, std::string_view context = {});
// Removes the trailing decimal zeros of value (≠ 0) and returns how many there were.
std::uint32_t strip_trailing_zeros(Decimal::Int& value);
// Rounds numerator / denominator (denominator > 0) to an integer with `mode`.
Decimal::Int round_quotient(const Decimal::Int& numerator, const Decimal::Int& denominator,
                            RoundingMode mode);
}  // namespace detail

}  // namespace jx

template <>
struct std::hash<jx::Decimal> {
  std::size_t operator()(const jx::Decimal& d) const noexcept { return d.hash(); }
};
