// The one definition of "fits" (docs/decimal.md, Bounds): every path that
// makes a plain decimal (parse, + − ×, the exact quotient, a fraction turning
// back into a decimal, round, round_significant, div) keeps its ideal exponent
// when the digit bound allows; otherwise it takes the nearest exponent that
// fits, and only a value that no exponent within ±10000 can hold in 1000
// digits is an error, with the same two messages everywhere.
#include <gtest/gtest.h>

#include <string>

#include "values/decimal.hpp"

namespace {

using jx::Decimal;
using jx::DecimalError;
using jx::RoundingMode;

Decimal D(const std::string& text) { return Decimal::parse(text); }

// 10^n as a coefficient.
Decimal::Int ten_to(unsigned n) { return jx::detail::pow10(n); }

template <typename F>
DecimalError error_of(F&& f) {
  try {
    f();
  } catch (const DecimalError& e) {
    return e;
  }
  ADD_FAILURE() << "no DecimalError thrown";
  return DecimalError(DecimalError::Kind::bad_argument, "<nothing thrown>");
}

constexpr const char* too_many_digits = "number has more than 1000 significant digits";
constexpr const char* exponent_out_of_range = "exponent out of range (beyond ±10000)";

void expect_too_many_digits(const DecimalError& e) {
  EXPECT_EQ(e.kind(), DecimalError::Kind::out_of_range);
  EXPECT_STREQ(e.what(), too_many_digits);
}

void expect_exponent_out_of_range(const DecimalError& e) {
  EXPECT_EQ(e.kind(), DecimalError::Kind::out_of_range);
  EXPECT_STREQ(e.what(), exponent_out_of_range);
}

// ---------------------------------------------------------------------------
// Decimal::fitted, the definition itself

TEST(DecimalFitted, KeepsTheIdealExponentWhenTheDigitsAllow) {
  const Decimal d = Decimal::fitted(Decimal::Int(15), -2, -4);
  EXPECT_EQ(d.coefficient(), 1500);
  EXPECT_EQ(d.exponent(), -4);
  const Decimal up = Decimal::fitted(Decimal::Int(1500), -4, -2);
  EXPECT_EQ(up.coefficient(), 15);
  EXPECT_EQ(up.exponent(), -2);
}

TEST(DecimalFitted, StopsAtTheValuesOwnLastDigit) {
  // 0.125 cannot have exponent 0: the nearest is −3.
  const Decimal d = Decimal::fitted(Decimal::Int(125), -3, 0);
  EXPECT_EQ(d.coefficient(), 125);
  EXPECT_EQ(d.exponent(), -3);
}

TEST(DecimalFitted, PadsOnlyUpToAThousandDigits) {
  const Decimal d = Decimal::fitted(Decimal::Int(7), 0, -5000);
  EXPECT_EQ(d.coefficient(), 7 * ten_to(999));
  EXPECT_EQ(d.exponent(), -999);
}

TEST(DecimalFitted, DropsTrailingZerosWhenTheIdealExponentNeedsTooManyDigits) {
  // 16875 × 10^1030 at exponent 0 has 1035 digits; at exponent 35 it has 1000.
  const Decimal d = Decimal::fitted(16875 * ten_to(1030), 0, 0);
  EXPECT_EQ(d.coefficient(), 16875 * ten_to(995));
  EXPECT_EQ(d.exponent(), 35);
}

TEST(DecimalFitted, ExponentBoundsClampTheChoice) {
  const Decimal high = Decimal::fitted(Decimal::Int(1), 10001, 10001);
  EXPECT_EQ(high.coefficient(), 10);
  EXPECT_EQ(high.exponent(), 10000);
  const Decimal low = Decimal::fitted(Decimal::Int(100), -10002, -10002);
  EXPECT_EQ(low.coefficient(), 1);
  EXPECT_EQ(low.exponent(), -10000);
  const Decimal zero = Decimal::fitted(Decimal::Int(0), 0, -20000);
  EXPECT_TRUE(zero.is_zero());
  EXPECT_EQ(zero.exponent(), -10000);
}

TEST(DecimalFitted, OnlyValuesNoExponentCanHoldAreErrors) {
  // 1000 significant digits at exponent 10000: the largest exponent that can hold it.
  const Decimal edge = Decimal::fitted(ten_to(999), 10000, 0);
  EXPECT_EQ(edge.exponent(), 10000);
  const Decimal edge2 = Decimal::fitted(Decimal::Int(1), 10999, 0);
  EXPECT_EQ(edge2.coefficient(), ten_to(999));
  EXPECT_EQ(edge2.exponent(), 10000);
  expect_exponent_out_of_range(error_of([] { (void)Decimal::fitted(Decimal::Int(1), 11000, 0); }));
  expect_exponent_out_of_range(error_of([] { (void)Decimal::fitted(Decimal::Int(1), -10001, 0); }));
  expect_exponent_out_of_range(error_of([] { (void)Decimal::fitted(Decimal::Int(15), -10001, 0); }));
  expect_too_many_digits(error_of([] { (void)Decimal::fitted(ten_to(1000) + 1, 0, 0); }));
  expect_too_many_digits(error_of([] { (void)Decimal::fitted((ten_to(1000) + 1) * ten_to(50), 0, 0); }));
}

// ---------------------------------------------------------------------------
// parse: the written exponent is the ideal one

TEST(DecimalParseFits, WrittenExponentKeptWhenTheDigitsAllow) {
  const Decimal d = D("15" + std::string(400, '0') + "E-56");
  EXPECT_EQ(d.coefficient(), 15 * ten_to(400));
  EXPECT_EQ(d.exponent(), -56);
}

TEST(DecimalParseFits, TrailingZerosBeyondTheDigitBoundMoveTheExponent) {
  // "1" and 1000 zeros: 1001 digits at exponent 0, 1000 at exponent 1.
  const Decimal d = D("1" + std::string(1000, '0'));
  EXPECT_EQ(d.coefficient(), ten_to(999));
  EXPECT_EQ(d.exponent(), 1);
  // "1." and 1000 zeros is the value 1, written with 999 decimals.
  const Decimal one = D("1." + std::string(1000, '0'));
  EXPECT_EQ(one.coefficient(), ten_to(999));
  EXPECT_EQ(one.exponent(), -999);
  EXPECT_EQ(one, Decimal(1));
}

TEST(DecimalParseFits, ExponentBeyondTheBoundThatTheValueCanAbsorb) {
  const Decimal high = D("1e10001");
  EXPECT_EQ(high.coefficient(), 10);
  EXPECT_EQ(high.exponent(), 10000);
  const Decimal low = D("1000e-10002");
  EXPECT_EQ(low.coefficient(), 10);
  EXPECT_EQ(low.exponent(), -10000);
  const Decimal zero = D("0e99999");
  EXPECT_TRUE(zero.is_zero());
  EXPECT_EQ(zero.exponent(), 10000);
  const Decimal huge = D("1e10999");
  EXPECT_EQ(huge.coefficient(), ten_to(999));
  EXPECT_EQ(huge.exponent(), 10000);
}

TEST(DecimalParseFits, ValuesBeyondTheBoundsQuoteTheText) {
  EXPECT_STREQ(error_of([] { (void)D("1e11000"); }).what(),
               "exponent out of range (beyond ±10000) in \"1e11000\"");
  EXPECT_STREQ(error_of([] { (void)D("0.1e-10000"); }).what(),
               "exponent out of range (beyond ±10000) in \"0.1e-10000\"");
  const std::string digits = std::string(1000, '7') + "1";
  EXPECT_EQ(std::string(error_of([&] { (void)D(digits); }).what()),
            "number has more than 1000 significant digits in \"" + std::string(40, '7') + "…\"");
  // A million trailing zeros are counted, not turned into a million-digit integer.
  EXPECT_EQ(error_of([] { (void)D("1" + std::string(1'000'000, '0')); }).kind(),
            DecimalError::Kind::out_of_range);
}

// ---------------------------------------------------------------------------
// + − ×

TEST(DecimalArithmeticFits, SumWhoseIdealExponentNeedsTooManyDigits) {
  // 1E+1500 + 0E-5: ideal exponent −5 would need 1506 digits.
  const Decimal s = D("1E+1500") + D("0E-5");
  EXPECT_EQ(s.coefficient(), ten_to(999));
  EXPECT_EQ(s.exponent(), 501);
  // The lower operand's trailing zeros count too: 1E+1500 + 2E+600 written at exponent 100.
  const Decimal u = D("1E+1500") + D("2" + std::string(500, '0') + "E+100");
  EXPECT_EQ(u.coefficient(), ten_to(999) + 2 * ten_to(99));
  EXPECT_EQ(u.exponent(), 501);
  EXPECT_EQ(u, D("1E+1500") + D("2E+600"));
}

TEST(DecimalArithmeticFits, SumsWithTooManySignificantDigitsStayErrors) {
  expect_too_many_digits(error_of([] { (void)(D("1E+9999") + D("1E-9999")); }));
  expect_too_many_digits(error_of([] { (void)(D("1E+1000") + D("1")); }));
  expect_too_many_digits(error_of([] { (void)(D("1E+1001") - D("1")); }));  // 1001 nines
  EXPECT_EQ((D("1E+1000") - D("1")).to_string(), std::string(1000, '9'));
  // 999…9 (1000 digits) + 1 = 10^1000: one significant digit.
  const Decimal carry = D(std::string(1000, '9')) + Decimal(1);
  EXPECT_EQ(carry.coefficient(), ten_to(999));
  EXPECT_EQ(carry.exponent(), 1);
}

TEST(DecimalArithmeticFits, ProductAboveTheExponentBound) {
  const Decimal p = D("1E+5001") * D("1E+5000");
  EXPECT_EQ(p.coefficient(), 10);
  EXPECT_EQ(p.exponent(), 10000);
  expect_exponent_out_of_range(error_of([] { (void)(D("1E+6000") * D("1E+6000")); }));
  expect_exponent_out_of_range(error_of([] { (void)(D("1E-5001") * D("1E-5000")); }));
  const Decimal big = D(std::string(600, '9'));
  expect_too_many_digits(error_of([&] { (void)(big * big); }));
}

TEST(DecimalArithmeticFits, ProductOfTrailingZerosBeyondTheDigitBound) {
  // 10^600 × 10^600 at exponent 0 would have 1201 digits.
  const Decimal a = D("1" + std::string(600, '0'));
  const Decimal p = a * a;
  EXPECT_EQ(p.coefficient(), ten_to(999));
  EXPECT_EQ(p.exponent(), 201);
}

// Found by fuzz_decimal (tests/data/regressions/decimal/negative-wide-coefficient):
// dropping the trailing zeros of a negative coefficient wider than 64 bits
// asked Boost for the lowest set bit of a negative number, which throws
// std::range_error (not a DecimalError) and ended the program.
TEST(DecimalArithmeticFits, NegativeWideResultsDropTheirZerosToo) {
  const Decimal a = D("-1" + std::string(600, '0'));
  const Decimal p = a * D("1" + std::string(600, '0'));
  EXPECT_EQ(p.coefficient(), -ten_to(999));
  EXPECT_EQ(p.exponent(), 201);
  const Decimal f = Decimal::fitted(-(ten_to(30) * 7), 0, 5);
  EXPECT_EQ(f.coefficient(), -(ten_to(25) * 7));
  EXPECT_EQ(f.exponent(), 5);
  EXPECT_EQ(D("-1" + std::string(1000, '0')).exponent(), 1);
  EXPECT_EQ((D("-1E+1500") + D("-0E-5")).coefficient(), -ten_to(999));
}

// ---------------------------------------------------------------------------
// the exact quotient and fractions turning back into decimals

TEST(DecimalQuotientFits, PlainQuotientAboveTheExponentBound) {
  const Decimal q = D("1E+10000") / D("0.1");  // ideal exponent 10001
  EXPECT_EQ(q.coefficient(), 10);
  EXPECT_EQ(q.exponent(), 10000);
  const Decimal r = D("1E+10000") / D("1E-999");
  EXPECT_EQ(r.coefficient(), ten_to(999));
  EXPECT_EQ(r.exponent(), 10000);
  expect_exponent_out_of_range(error_of([] { (void)(D("1E+10000") / D("1E-1000")); }));
  expect_exponent_out_of_range(error_of([] { (void)(D("1E-9999") / Decimal(8)); }));
}

TEST(DecimalQuotientFits, DivisionByAFractionWhoseIdealExponentNeedsTooManyDigits) {
  const Decimal fraction = Decimal(1) / D("1125" + std::string(686, '0'));
  ASSERT_TRUE(fraction.is_fraction());
  const Decimal q = D("15" + std::string(400, '0') + "E-56") / fraction;  // ideal exponent −56
  EXPECT_EQ(q.coefficient(), 16875 * ten_to(995));
  EXPECT_EQ(q.exponent(), 35);
  EXPECT_EQ(q, D("1.6875E+1034"));
  const Decimal same = D("1.5E345") / fraction;  // ideal exponent 344 fits
  EXPECT_EQ(same.coefficient(), 16875 * ten_to(686));
  EXPECT_EQ(same.exponent(), 344);
  EXPECT_EQ(q, same);
}

TEST(DecimalQuotientFits, FractionTimesDecimalTurningIntoAWideDecimal) {
  const Decimal third = D("1E+700") / Decimal(3);
  ASSERT_TRUE(third.is_fraction());
  const Decimal p = D("15" + std::string(400, '0') + "E-56") * third;  // 5E+1044, ideal exponent −56
  EXPECT_EQ(p.coefficient(), 5 * ten_to(999));
  EXPECT_EQ(p.exponent(), 45);
  EXPECT_EQ(p, D("5E+1044"));
}

// ---------------------------------------------------------------------------
// rounding: the requested exponent is the ideal one

TEST(DecimalRoundFits, DivWithRoundingKeepsTheValueWhenTheScaleNeedsTooManyDigits) {
  const Decimal fraction = Decimal(1) / D("1125" + std::string(686, '0'));
  const Decimal q = D("15" + std::string(400, '0') + "E-56").div(fraction, 2, RoundingMode::half_up);
  EXPECT_EQ(q.coefficient(), 16875 * ten_to(995));
  EXPECT_EQ(q.exponent(), 35);
  const Decimal r = D("1E+2000").div(Decimal(1), 2, RoundingMode::half_up);
  EXPECT_EQ(r.coefficient(), ten_to(999));
  EXPECT_EQ(r.exponent(), 1001);
  // 2/3 × 10^1001 rounded to an integer has 1001 significant digits and no zero to drop.
  expect_too_many_digits(error_of([] { (void)D("2E+1001").div(Decimal(3), 0, RoundingMode::half_up); }));
  EXPECT_EQ(D("2E+1000").div(Decimal(3), 0, RoundingMode::half_up).to_string(), std::string(999, '6') + "7");
}

TEST(DecimalRoundFits, RoundToAScaleTheDigitsCannotHold) {
  const Decimal r = D("1E+1500").round(2, RoundingMode::half_even);
  EXPECT_EQ(r.coefficient(), ten_to(999));
  EXPECT_EQ(r.exponent(), 501);
  EXPECT_EQ(D("1.5").round(2, RoundingMode::half_up).exponent(), -2);  // the usual case is unchanged
  // 999 sevens × 10^5 at exponent −2 would need 1006 digits; exponent 4 is the lowest that fits.
  const Decimal sevens = D(std::string(999, '7') + "E+5").round(2, RoundingMode::half_up);
  EXPECT_EQ(sevens.exponent(), 4);
  EXPECT_EQ(sevens, D(std::string(999, '7') + "E+5"));
  // 10^999 / 3 to two decimals has 1001 significant digits.
  expect_too_many_digits(error_of([] { (void)(D("1E+999") / 3).round(2, RoundingMode::half_up); }));
}

TEST(DecimalRoundFits, RoundSignificantAboveTheExponentBound) {
  // 1.23456E+10003 to two digits: 12 at exponent 10002, written as 1200 at exponent 10000.
  const Decimal r = D("123456E+9998").round_significant(2, RoundingMode::half_up);
  EXPECT_EQ(r.coefficient(), 1200);
  EXPECT_EQ(r.exponent(), 10000);
  // The carry of 9.99…E+10999 to two digits makes 1.0E+11000, which nothing holds.
  expect_exponent_out_of_range(error_of(
      [] { (void)D(std::string(1000, '9') + "E+10000").round_significant(2, RoundingMode::half_up); }));
}

}  // namespace
