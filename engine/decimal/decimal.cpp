// Exact arithmetic and comparison of jx::Decimal.
#include "decimal/decimal.hpp"

#include <algorithm>
#include <boost/multiprecision/integer.hpp>
#include <functional>

#include "decimal/small.hpp"

namespace jx {
namespace {

using Int = Decimal::Int;
using detail::digit_count;
using detail::pow10;
using detail::small_scale;
using detail::to_small;

DecimalError too_many_digits(const char* what) {
  return DecimalError(DecimalError::Kind::out_of_range, std::string(what) + " has more than " +
                                                            std::to_string(Decimal::max_digits) + " digits");
}

// A value as an exact ratio, for the paths that involve a fraction.
struct Ratio {
  Int numerator;
  Int denominator;
};

}  // namespace

Decimal::Decimal(std::int64_t value) : coefficient_(value) {}

Decimal::Decimal(Int coefficient, std::int32_t exponent) {
  *this = checked(std::move(coefficient), exponent);
}

Decimal Decimal::checked(Int coefficient, std::int64_t exponent) {
  if (exponent > max_exponent || exponent < -max_exponent) {
    throw DecimalError(DecimalError::Kind::out_of_range,
                       "exponent out of range (beyond ±" + std::to_string(max_exponent) + ")");
  }
  if (detail::may_exceed_max_digits(coefficient) && digit_count(coefficient) > max_digits) {
    throw too_many_digits("result");
  }
  Decimal d;
  d.coefficient_ = std::move(coefficient);
  d.exponent_ = static_cast<std::int32_t>(exponent);
  return d;
}

Decimal Decimal::from_quotient(Int numerator, Int denominator, std::int32_t ideal_exponent) {
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  // The ideal exponent is a preference: a result never leaves the exponent
  // bound for it when the value itself fits (0 / 1E+10000 is 0, 1E-5000 / 1E+5000
  // is 1E-10000).
  if (numerator == 0) {
    return checked(0, std::clamp<std::int32_t>(ideal_exponent, -max_exponent, max_exponent));
  }
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
  // n / (2^a·5^b) = n·2^(k−a)·5^(k−b) / 10^k with k = max(a, b).
  const std::uint32_t k = std::max(twos, fives);
  Int coefficient = numerator * (Int(1) << (k - twos)) * boost::multiprecision::pow(Int(5), k - fives);
  std::int64_t exponent = -static_cast<std::int64_t>(k);
  // Move towards the ideal exponent, as the specification does for exact results:
  // drop trailing zeros above it, pad with zeros below it (within the digit bound).
  while (exponent < ideal_exponent && coefficient % 10 == 0) {
    coefficient /= 10;
    ++exponent;
  }
  if (exponent > ideal_exponent) {
    const auto room = static_cast<std::int64_t>(max_digits - std::min(max_digits, digit_count(coefficient)));
    const std::int64_t lowest = std::max<std::int64_t>(ideal_exponent, -max_exponent);
    const std::int64_t pad = std::clamp<std::int64_t>(exponent - lowest, 0, room);
    coefficient *= pow10(static_cast<std::uint32_t>(pad));
    exponent -= pad;
  }
  return checked(std::move(coefficient), exponent);
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
                                  std::min(exponent_or_zero(a), exponent_or_zero(b)));
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
    return Decimal::checked(Int(sum), low.exponent_);
  }
  if (a.exponent_ == b.exponent_) return Decimal::checked(a.coefficient_ + b.coefficient_, a.exponent_);
  const auto shift = static_cast<std::uint32_t>(high.exponent_ - low.exponent_);
  if (high.coefficient_ == 0) return Decimal::checked(low.coefficient_, low.exponent_);
  if (digit_count(high.coefficient_) + shift > Decimal::max_digits + 1) throw too_many_digits("sum");
  return Decimal::checked(high.coefficient_ * pow10(shift) + low.coefficient_, low.exponent_);
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
      return Decimal::checked(Int(difference), low);
    }
  }
  return a + (-b);
}

Decimal operator*(const Decimal& a, const Decimal& b) {
  if (a.is_fraction() || b.is_fraction()) {
    const Ratio x = ratio_of(a);
    const Ratio y = ratio_of(b);
    return Decimal::from_quotient(x.numerator * y.numerator, x.denominator * y.denominator,
                                  exponent_or_zero(a) + exponent_or_zero(b));
  }
  const std::int64_t exponent =
      static_cast<std::int64_t>(a.exponent_) + static_cast<std::int64_t>(b.exponent_);
  std::int64_t x = 0;
  std::int64_t y = 0;
  std::int64_t product = 0;
  if (to_small(a.coefficient_, x) && to_small(b.coefficient_, y) && !__builtin_mul_overflow(x, y, &product)) {
    return Decimal::checked(Int(product), exponent);
  }
  if (digit_count(a.coefficient_) + digit_count(b.coefficient_) > 2 * Decimal::max_digits) {
    throw too_many_digits("product");
  }
  return Decimal::checked(a.coefficient_ * b.coefficient_, exponent);
}

Decimal operator/(const Decimal& a, const Decimal& b) {
  if (b.is_zero()) throw DecimalError(DecimalError::Kind::division_by_zero, "division by zero");
  const std::int32_t ideal = exponent_or_zero(a) - exponent_or_zero(b);
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
  Decimal d = *this;
  while (d.coefficient_ % 10 == 0) {
    d.coefficient_ /= 10;
    ++d.exponent_;
  }
  return d;
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
