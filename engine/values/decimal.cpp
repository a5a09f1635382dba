// Exact arithmetic and comparison of jx::Decimal.
#include "values/decimal.hpp"

#include <algorithm>
#include <boost/multiprecision/integer.hpp>
#include <functional>

#include "values/small.hpp"

namespace jx {
namespace {

using Int = Decimal::Int;
using detail::digit_count;
using detail::pow10;
using detail::small_scale;
using detail::to_small;

// A value as an exact ratio, for the paths that involve a fraction.
struct Ratio {
  Int numerator;
  Int denominator;
};

}  // namespace

Decimal::Decimal(std::int64_t value) : coefficient_(value) {}

Decimal::Decimal(Int coefficient, std::int32_t exponent) {
  if (exponent > max_exponent || exponent < -max_exponent) {
    throw detail::out_of_bounds(detail::Placement::Outcome::exponent_out_of_range);
  }
  if (detail::may_exceed_max_digits(coefficient) && digit_count(coefficient) > max_digits) {
    throw detail::out_of_bounds(detail::Placement::Outcome::too_many_digits);
  }
  coefficient_ = std::move(coefficient);
  exponent_ = exponent;
}

namespace detail {

Placement place(std::size_t digits, std::int64_t last, std::int64_t ideal) {
  using Outcome = Placement::Outcome;
  if (digits > Decimal::max_digits) return {Outcome::too_many_digits, 0};
  // Exponents that hold the value: from `last` (no zero to drop) down to
  // `last` minus the room left for added zeros, within ±max_exponent.
  const std::int64_t room = static_cast<std::int64_t>(Decimal::max_digits - digits);
  const std::int64_t lowest = std::max<std::int64_t>(last - room, -Decimal::max_exponent);
  const std::int64_t highest = std::min<std::int64_t>(last, Decimal::max_exponent);
  if (lowest > highest) return {Outcome::exponent_out_of_range, 0};
  return {Outcome::fits, std::clamp(ideal, lowest, highest)};
}

DecimalError out_of_bounds(Placement::Outcome outcome, std::string_view context) {
  std::string message =
      outcome == Placement::Outcome::too_many_digits
          ? "number has more than " + std::to_string(Decimal::max_digits) + " significant digits"
          : "exponent out of range (beyond ±" + std::to_string(Decimal::max_exponent) + ")";
  message += context;
  return {DecimalError::Kind::out_of_range, message};
}

std::uint32_t strip_trailing_zeros(Int& value) {
  std::int64_t small = 0;
  if (to_small(value, small)) {
    std::uint32_t zeros = 0;
    while (small % 10 == 0) {
      small /= 10;
      ++zeros;
    }
    value = small;
    return zeros;
  }
  // 10^k divides value only if 2^k does, so lsb bounds the count; divide by
  // 10^(2^i) from the largest such power down: a few dozen divisions, even for
  // tens of thousands of zeros.
  const auto bound =
      static_cast<std::uint32_t>(boost::multiprecision::lsb(boost::multiprecision::abs(value)));
  std::uint32_t zeros = 0;
  Int quotient;
  Int remainder;
  for (std::uint32_t step = bound == 0 ? 0 : std::uint32_t{1} << (31 - __builtin_clz(bound)); step > 0;
       step >>= 1) {
    while (zeros + step <= bound) {
      boost::multiprecision::divide_qr(value, pow10(step), quotient, remainder);
      if (remainder != 0) break;
      value = std::move(quotient);
      zeros += step;
    }
  }
  return zeros;
}

}  // namespace detail

Decimal Decimal::fitted(Int coefficient, std::int64_t exponent, std::int64_t ideal) {
  Decimal d;
  if (coefficient == 0) {  // a zero holds any exponent: the ideal one, within the bounds
    d.exponent_ = static_cast<std::int32_t>(std::clamp<std::int64_t>(ideal, -max_exponent, max_exponent));
    return d;
  }
  // The usual case: already at the ideal exponent and within the bounds.
  if (exponent == ideal && exponent <= max_exponent && exponent >= -max_exponent &&
      !(detail::may_exceed_max_digits(coefficient) && digit_count(coefficient) > max_digits)) {
    d.coefficient_ = std::move(coefficient);
    d.exponent_ = static_cast<std::int32_t>(exponent);
    return d;
  }
  const std::int64_t last = exponent + detail::strip_trailing_zeros(coefficient);
  const detail::Placement p = detail::place(digit_count(coefficient), last, ideal);
  if (p.outcome != detail::Placement::Outcome::fits) throw detail::out_of_bounds(p.outcome);
  d.coefficient_ = coefficient * pow10(static_cast<std::uint32_t>(last - p.exponent));
  d.exponent_ = static_cast<std::int32_t>(p.exponent);
  return d;
}

Decimal Decimal::from_quotient(Int numerator, Int denominator, std::int64_t ideal_exponent) {
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  if (numerator == 0) return fitted(0, 0, ideal_exponent);
  const Int g = boost::multiprecision::gcd(numerator, denominator);
  if (g != 1) {
    numerator /= g;
    denominator /= g;
  }
  // The quotient terminates exactly when the reduced denominator is 2^a·5^b.
  const auto twos = static_cast<std::uint32_t>(boost::multiprecision::lsb(denominator));
  Int rest = denominator >> twos;
  std::uint32_t fives = 0;
  while (rest % 5 == 0) {
    rest /= 5;
    ++fives;
  }
  if (rest != 1) {
    if (digit_count(numerator) > max_digits || digit_count(denominator) > max_digits) {
      throw DecimalError(DecimalError::Kind::out_of_range,
                         "exact fraction needs more than " + std::to_string(max_digits) +
                             " digits in its numerator or denominator (round it before going on)");
    }
    Decimal d;
    d.fraction_ = std::make_shared<const Fraction>(Fraction{std::move(numerator), std::move(denominator)});
    return d;
  }
  // n / (2^a·5^b) = n·2^(k−a)·5^(k−b) / 10^k with k = max(a, b); then the
  // exponent nearest the ideal one, as the specification does for exact results.
  const std::uint32_t k = std::max(twos, fives);
  Int coefficient = numerator * (Int(1) << (k - twos)) * boost::multiprecision::pow(Int(5), k - fives);
  return fitted(std::move(coefficient), -static_cast<std::int64_t>(k), ideal_exponent);
}

namespace {

Ratio ratio_of(const Decimal& d) {
  if (d.is_fraction()) return {d.numerator(), d.denominator()};
  if (d.exponent() >= 0) return {d.coefficient() * pow10(static_cast<std::uint32_t>(d.exponent())), Int(1)};
  return {d.coefficient(), pow10(static_cast<std::uint32_t>(-d.exponent()))};
}

// The exponent a plain result would ideally carry; a fraction counts as exponent 0.
std::int32_t exponent_or_zero(const Decimal& d) { return d.is_fraction() ? 0 : d.exponent(); }

}  // namespace

Decimal operator+(const Decimal& a, const Decimal& b) {
  if (a.is_fraction() || b.is_fraction()) {
    const Ratio x = ratio_of(a);
    const Ratio y = ratio_of(b);
    return Decimal::from_quotient(x.numerator * y.denominator + y.numerator * x.denominator,
                                  x.denominator * y.denominator,
                                  std::int64_t{std::min(exponent_or_zero(a), exponent_or_zero(b))});
  }
  const bool a_higher = a.exponent_ > b.exponent_;
  const Decimal& high = a_higher ? a : b;
  const Decimal& low = a_higher ? b : a;
  // Fast path: both coefficients machine integers, the aligned sum too.
  std::int64_t h = 0;
  std::int64_t l = 0;
  std::int64_t aligned = 0;
  std::int64_t sum = 0;
  if (to_small(high.coefficient_, h) && to_small(low.coefficient_, l) &&
      small_scale(h, static_cast<std::int64_t>(high.exponent_) - low.exponent_, aligned) &&
      !__builtin_add_overflow(aligned, l, &sum)) {
    return Decimal::fitted(Int(sum), low.exponent_, low.exponent_);
  }
  // The specification's exponent is the lower one; fitted() moves off it only
  // when the sum needs more digits there than the bound allows.
  const std::int64_t ideal = low.exponent_;
  if (a.exponent_ == b.exponent_) return Decimal::fitted(a.coefficient_ + b.coefficient_, ideal, ideal);
  if (high.coefficient_ == 0) return Decimal::fitted(low.coefficient_, low.exponent_, ideal);
  if (low.coefficient_ == 0) return Decimal::fitted(high.coefficient_, high.exponent_, ideal);
  const auto shift = static_cast<std::uint32_t>(high.exponent_ - low.exponent_);
  if (digit_count(high.coefficient_) + shift <= Decimal::max_digits + 1) {
    return Decimal::fitted(high.coefficient_ * pow10(shift) + low.coefficient_, low.exponent_, ideal);
  }
  // Too wide at the ideal exponent. Without its trailing zeros the lower operand
  // may still end at or above the higher one's exponent…
  Int rest = low.coefficient_;
  const std::int64_t last = std::int64_t{low.exponent_} + detail::strip_trailing_zeros(rest);
  if (last >= high.exponent_) {
    return Decimal::fitted(
        high.coefficient_ + rest * pow10(static_cast<std::uint32_t>(last - high.exponent_)), high.exponent_,
        ideal);
  }
  // … otherwise the sum's last digit is the lower operand's, and its first is at
  // most one place below the higher operand's (a carry or borrow moves it by one):
  // more than max_digits between them is too many, without building the sum.
  const std::int64_t first = static_cast<std::int64_t>(high.exponent_) +
                             static_cast<std::int64_t>(digit_count(high.coefficient_)) - 1;
  if (first - last > static_cast<std::int64_t>(Decimal::max_digits)) {
    throw detail::out_of_bounds(detail::Placement::Outcome::too_many_digits);
  }
  return Decimal::fitted(high.coefficient_ * pow10(static_cast<std::uint32_t>(high.exponent_ - last)) + rest,
                         last, ideal);
}

Decimal operator-(const Decimal& a, const Decimal& b) {
  // Fast path as in operator+, without building −b first.
  std::int64_t x = 0;
  std::int64_t y = 0;
  if (!a.is_fraction() && !b.is_fraction() && to_small(a.coefficient_, x) && to_small(b.coefficient_, y)) {
    const std::int32_t low = std::min(a.exponent_, b.exponent_);
    std::int64_t ax = 0;
    std::int64_t by = 0;
    std::int64_t difference = 0;
    if (small_scale(x, static_cast<std::int64_t>(a.exponent_) - low, ax) &&
        small_scale(y, static_cast<std::int64_t>(b.exponent_) - low, by) &&
        !__builtin_sub_overflow(ax, by, &difference)) {
      return Decimal::fitted(Int(difference), low, low);
    }
  }
  return a + (-b);
}

Decimal operator*(const Decimal& a, const Decimal& b) {
  if (a.is_fraction() || b.is_fraction()) {
    const Ratio x = ratio_of(a);
    const Ratio y = ratio_of(b);
    return Decimal::from_quotient(x.numerator * y.numerator, x.denominator * y.denominator,
                                  std::int64_t{exponent_or_zero(a)} + exponent_or_zero(b));
  }
  const std::int64_t exponent =
      static_cast<std::int64_t>(a.exponent_) + static_cast<std::int64_t>(b.exponent_);
  std::int64_t x = 0;
  std::int64_t y = 0;
  std::int64_t product = 0;
  if (to_small(a.coefficient_, x) && to_small(b.coefficient_, y) && !__builtin_mul_overflow(x, y, &product)) {
    return Decimal::fitted(Int(product), exponent, exponent);
  }
  // Operands have at most max_digits digits each, so the product is at most
  // twice that wide before fitted() decides.
  return Decimal::fitted(a.coefficient_ * b.coefficient_, exponent, exponent);
}

Decimal operator/(const Decimal& a, const Decimal& b) {
  if (b.is_zero()) throw DecimalError(DecimalError::Kind::division_by_zero, "division by zero");
  const std::int64_t ideal = static_cast<std::int64_t>(exponent_or_zero(a)) - exponent_or_zero(b);
  if (a.is_fraction() || b.is_fraction()) {
    const Ratio x = ratio_of(a);
    const Ratio y = ratio_of(b);
    return Decimal::from_quotient(x.numerator * y.denominator, x.denominator * y.numerator, ideal);
  }
  // (ca·10^ea) / (cb·10^eb): put the power of ten on whichever side keeps it whole.
  if (ideal >= 0) {
    return Decimal::from_quotient(a.coefficient_ * pow10(static_cast<std::uint32_t>(ideal)), b.coefficient_,
                                  ideal);
  }
  return Decimal::from_quotient(a.coefficient_, b.coefficient_ * pow10(static_cast<std::uint32_t>(-ideal)),
                                ideal);
}

Decimal Decimal::operator-() const {
  Decimal d = *this;
  if (fraction_) {
    d.fraction_ = std::make_shared<const Fraction>(Fraction{-fraction_->numerator, fraction_->denominator});
  } else {
    d.coefficient_ = -coefficient_;
  }
  return d;
}

Decimal Decimal::abs() const { return sign() < 0 ? -*this : *this; }

int Decimal::sign() const {
  const Int& n = fraction_ ? fraction_->numerator : coefficient_;
  return n.sign();
}

bool Decimal::is_integer() const {
  if (fraction_) return false;
  if (exponent_ >= 0 || coefficient_ == 0) return true;
  const auto scale = static_cast<std::uint32_t>(-exponent_);
  return scale < digit_count(coefficient_) + 1 && coefficient_ % pow10(scale) == 0;
}

const Int& Decimal::coefficient() const {
  if (fraction_) throw std::logic_error("Decimal::coefficient() of a fraction; round it first");
  return coefficient_;
}

std::int32_t Decimal::exponent() const {
  if (fraction_) throw std::logic_error("Decimal::exponent() of a fraction; round it first");
  return exponent_;
}

namespace {

// A plain decimal as numerator / denominator in lowest terms: 0.25 → 1/4, not 25/100.
Ratio lowest_terms(const Decimal& d) {
  Ratio r = ratio_of(d.normalized());
  if (r.denominator != 1) {
    const Int g = boost::multiprecision::gcd(r.numerator, r.denominator);
    r.numerator /= g;
    r.denominator /= g;
  }
  return r;
}

}  // namespace

Int Decimal::numerator() const {
  if (fraction_) return fraction_->numerator;
  return lowest_terms(*this).numerator;
}

Int Decimal::denominator() const {
  if (fraction_) return fraction_->denominator;
  return lowest_terms(*this).denominator;
}

Decimal Decimal::normalized() const {
  if (fraction_) return *this;
  if (coefficient_ == 0) return Decimal();
  // The largest exponent that holds the value: every trailing zero dropped,
  // unless that would take the exponent past the bound (10E+10000 stays).
  return fitted(coefficient_, exponent_, max_exponent);
}

bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const int sa = a.sign();
  const int sb = b.sign();
  if (sa != sb || sa == 0) return sa <=> sb;
  if (a.is_fraction() || b.is_fraction()) {
    const Ratio x = ratio_of(a);
    const Ratio y = ratio_of(b);
    return (x.numerator * y.denominator).compare(y.numerator * x.denominator) <=> 0;
  }
  // Fast path: align the two coefficients as machine integers when they fit.
  std::int64_t x = 0;
  std::int64_t y = 0;
  if (to_small(a.coefficient_, x) && to_small(b.coefficient_, y)) {
    std::int64_t scaled = 0;
    if (a.exponent_ >= b.exponent_ &&
        small_scale(x, static_cast<std::int64_t>(a.exponent_) - b.exponent_, scaled)) {
      return scaled <=> y;
    }
    if (a.exponent_ < b.exponent_ &&
        small_scale(y, static_cast<std::int64_t>(b.exponent_) - a.exponent_, scaled)) {
      return x <=> scaled;
    }
  }
  // Same sign, both non-zero: the adjusted exponents (position of the first
  // digit) decide unless equal, which keeps huge exponent gaps cheap.
  const auto adjusted = [](const Decimal& d) {
    return static_cast<std::int64_t>(d.exponent_) + static_cast<std::int64_t>(digit_count(d.coefficient_));
  };
  const std::int64_t ea = adjusted(a);
  const std::int64_t eb = adjusted(b);
  if (ea != eb) return sa > 0 ? ea <=> eb : eb <=> ea;
  if (a.exponent_ == b.exponent_) return a.coefficient_.compare(b.coefficient_) <=> 0;
  if (a.exponent_ > b.exponent_) {
    const Int scaled = a.coefficient_ * pow10(static_cast<std::uint32_t>(a.exponent_ - b.exponent_));
    return scaled.compare(b.coefficient_) <=> 0;
  }
  const Int scaled = b.coefficient_ * pow10(static_cast<std::uint32_t>(b.exponent_ - a.exponent_));
  return a.coefficient_.compare(scaled) <=> 0;
}

std::size_t Decimal::hash() const {
  // Equal values must hash equally whatever their scale, so hash the normalized form.
  const auto combine = [](std::size_t seed, std::size_t h) {
    return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
  };
  std::hash<std::string> text_hash;
  if (fraction_) {
    return combine(text_hash(fraction_->numerator.str()), text_hash(fraction_->denominator.str()));
  }
  const Decimal n = normalized();
  return combine(text_hash(n.coefficient_.str()), std::hash<std::int32_t>{}(n.exponent_));
}

}  // namespace jx
