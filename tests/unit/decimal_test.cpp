// Unit tests of jx::Decimal's public API, with exact expected values and messages.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "values/decimal.hpp"

namespace {

using jx::Decimal;
using jx::DecimalError;
using jx::RoundingMode;

Decimal D(const char* text) { return Decimal::parse(text); }

// Runs `f`, which must throw DecimalError, and returns the error.
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

constexpr std::array<RoundingMode, 8> all_modes = {
    RoundingMode::half_up, RoundingMode::half_even, RoundingMode::half_down, RoundingMode::down,
    RoundingMode::up,      RoundingMode::floor,     RoundingMode::ceiling,   RoundingMode::zero_five_up,
};

// ---------------------------------------------------------------------------
// parse

TEST(DecimalParse, PlainNumbersKeepTheirDigitsAndScale) {
  const Decimal a = D("-1234.50");
  EXPECT_EQ(a.coefficient(), Decimal::Int(-123450));
  EXPECT_EQ(a.exponent(), -2);
  EXPECT_EQ(a.to_string(), "-1234.50");
  EXPECT_EQ(D("123").to_string(), "123");
  EXPECT_EQ(D("007.50").to_string(), "7.50");
  EXPECT_EQ(D("0.000").to_string(), "0.000");
}

TEST(DecimalParse, LeadingSigns) {
  EXPECT_EQ(D("+7").to_string(), "7");
  EXPECT_EQ(D("-7").to_string(), "-7");
  EXPECT_EQ(D("+0.5").to_string(), "0.5");
  EXPECT_TRUE(D("-0").is_zero());
  EXPECT_EQ(D("-0").to_string(), "0");
  EXPECT_EQ(D("-0.00").to_string(), "0.00");
}

TEST(DecimalParse, ExponentForms) {
  const Decimal a = D("1.5e3");
  EXPECT_EQ(a.coefficient(), Decimal::Int(15));
  EXPECT_EQ(a.exponent(), 2);
  EXPECT_EQ(a.to_string(), "1500");
  EXPECT_EQ(D("1E-3").to_string(), "0.001");
  EXPECT_EQ(D("2.5E+2").to_string(), "250");
  EXPECT_EQ(D("-12.5e-1").to_string(), "-1.25");
  EXPECT_EQ(D("1E+0").to_string(), "1");
  EXPECT_EQ(D("0E+3").to_string(), "0");
}

TEST(DecimalParse, PointWithoutDigitsOnOneSide) {
  EXPECT_EQ(D(".5").to_string(), "0.5");
  EXPECT_EQ(D("-.25").to_string(), "-0.25");
  EXPECT_EQ(D("5.").to_string(), "5");
  EXPECT_EQ(D("5.").exponent(), 0);
}

TEST(DecimalParse, BadTextIsASyntaxErrorQuotingTheText) {
  for (const char* text : {"1.2.3", "", " 1", "1 ", "1e", "abc", "1,000", ".", "+", "-", "1e+", "--1", "1..2",
                           "NaN", "Infinity", "0x10", "1e2.5", "１"}) {
    const DecimalError e = error_of([&] { (void)Decimal::parse(text); });
    EXPECT_EQ(e.kind(), DecimalError::Kind::syntax) << text;
    EXPECT_EQ(std::string(e.what()), "not a decimal number: \"" + std::string(text) + "\"") << text;
  }
}

TEST(DecimalParse, ExactMessagesForTheUsualMistakes) {
  EXPECT_STREQ(error_of([] { (void)D("1.2.3"); }).what(), "not a decimal number: \"1.2.3\"");
  EXPECT_STREQ(error_of([] { (void)D(""); }).what(), "not a decimal number: \"\"");
  EXPECT_STREQ(error_of([] { (void)D(" 1"); }).what(), "not a decimal number: \" 1\"");
  EXPECT_STREQ(error_of([] { (void)D("1e"); }).what(), "not a decimal number: \"1e\"");
  EXPECT_STREQ(error_of([] { (void)D("abc"); }).what(), "not a decimal number: \"abc\"");
  EXPECT_STREQ(error_of([] { (void)D("1,000"); }).what(), "not a decimal number: \"1,000\"");
}

TEST(DecimalParse, LongBadTextIsQuotedShortenedAtACharacterBoundary) {
  const std::string ascii(100, 'x');
  EXPECT_EQ(std::string(error_of([&] { (void)Decimal::parse(ascii); }).what()),
            "not a decimal number: \"" + std::string(40, 'x') + "…\"");
  // Fifty full-width digits (3 bytes each): the quote ends after 13 whole characters (39 bytes).
  std::string wide;
  for (int i = 0; i < 50; ++i) wide += "１";
  std::string shown;
  for (int i = 0; i < 13; ++i) shown += "１";
  EXPECT_EQ(std::string(error_of([&] { (void)Decimal::parse(wide); }).what()),
            "not a decimal number: \"" + shown + "…\"");
}

TEST(DecimalParse, TryParseReturnsNulloptOnlyForSyntaxErrors) {
  EXPECT_FALSE(Decimal::try_parse("1.2.3").has_value());
  EXPECT_FALSE(Decimal::try_parse("").has_value());
  ASSERT_TRUE(Decimal::try_parse("1.25").has_value());
  EXPECT_EQ(Decimal::try_parse("1.25")->to_string(), "1.25");
  const DecimalError e = error_of([] { (void)Decimal::try_parse("1e11000"); });
  EXPECT_EQ(e.kind(), DecimalError::Kind::out_of_range);
}

TEST(DecimalParse, AThousandDigitsParseAndOneMoreIsOutOfRange) {
  const std::string thousand(1000, '7');
  EXPECT_EQ(D(thousand.c_str()).to_string(), thousand);
  const std::string too_many(1001, '7');
  const DecimalError e = error_of([&] { (void)Decimal::parse(too_many); });
  EXPECT_EQ(e.kind(), DecimalError::Kind::out_of_range);
  EXPECT_NE(std::string(e.what()).find("1000"), std::string::npos) << e.what();
  // Digits after the point count too.
  const std::string long_fraction = "1." + std::string(999, '0') + "1";
  EXPECT_EQ(error_of([&] { (void)Decimal::parse(long_fraction); }).kind(), DecimalError::Kind::out_of_range);
}

TEST(DecimalParse, LeadingZerosDoNotCountTowardsTheDigitBound) {
  const std::string text = std::string(1500, '0') + "42";
  EXPECT_EQ(Decimal::parse(text).to_string(), "42");
}

TEST(DecimalParse, ValueNoExponentWithinTenThousandCanHoldIsOutOfRange) {
  EXPECT_EQ(D("1e10000").exponent(), 10000);
  EXPECT_EQ(D("1e-10000").exponent(), -10000);
  // 1e10001 is 10E+10000, which fits (tests/unit/decimal_bounds_test.cpp); these do not.
  for (const char* text :
       {"1e11000", "1e-10001", "0.1e-10000", "1E+99999999999999999999", "-5e-99999999999"}) {
    const DecimalError e = error_of([&] { (void)Decimal::parse(text); });
    EXPECT_EQ(e.kind(), DecimalError::Kind::out_of_range) << text;
    EXPECT_NE(std::string(e.what()).find("10000"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << "quotes the text: " << e.what();
  }
}

// ---------------------------------------------------------------------------
// to_string, percent

TEST(DecimalToString, NeverUsesAnExponent) {
  EXPECT_EQ(D("1E+20").to_string(), "100000000000000000000");
  EXPECT_EQ(D("1E-8").to_string(), "0.00000001");
  EXPECT_EQ(D("-5E-2").to_string(), "-0.05");
  EXPECT_EQ(Decimal(Decimal::Int(12345), -2).to_string(), "123.45");
  EXPECT_EQ(Decimal(Decimal::Int(12), 3).to_string(), "12000");
}

TEST(DecimalToString, KeepsTrailingZerosAndSmallValues) {
  EXPECT_EQ(D("1.50").to_string(), "1.50");
  EXPECT_EQ(D("-0.05").to_string(), "-0.05");
  EXPECT_EQ(D("0.001").to_string(), "0.001");
  EXPECT_EQ(Decimal(Decimal::Int(0), -2).to_string(), "0.00");
  EXPECT_EQ(Decimal().to_string(), "0");
  EXPECT_EQ(Decimal(std::numeric_limits<std::int64_t>::min()).to_string(), "-9223372036854775808");
}

TEST(DecimalPercent, TimesAHundredRoundedHalfUp) {
  EXPECT_EQ(D("0.99855").percent(2), "99.86%");
  EXPECT_EQ(D("0.5").percent(0), "50%");
  EXPECT_EQ(D("1").percent(2), "100.00%");
  EXPECT_EQ(D("0.123456").percent(1), "12.3%");
  EXPECT_EQ(D("-0.0125").percent(1), "-1.3%");
  EXPECT_EQ(D("-0.0125").percent(1, RoundingMode::down), "-1.2%");
  EXPECT_EQ((Decimal(2) / Decimal(3)).percent(2), "66.67%");
}

// ---------------------------------------------------------------------------
// + − × and unary −, abs

TEST(DecimalArithmetic, AdditionIsExact) {
  EXPECT_EQ((D("0.1") + D("0.2")).to_string(), "0.3");
  EXPECT_EQ(D("0.1") + D("0.2"), D("0.3"));
  EXPECT_EQ((D("1.10") + D("2.205")).to_string(), "3.305");
  EXPECT_EQ((D("1E+3") + D("1")).to_string(), "1001");
  EXPECT_EQ((D("1234567.89") + D("0.01")).to_string(), "1234567.90");
  EXPECT_EQ((D("-5") + D("5.00")).to_string(), "0.00");
}

TEST(DecimalArithmetic, SubtractionIsExact) {
  EXPECT_EQ((D("1.00") - D("0.01")).to_string(), "0.99");
  EXPECT_EQ((D("5") - D("7.5")).to_string(), "-2.5");
  EXPECT_EQ((D("0.3") - D("0.1") - D("0.2")).to_string(), "0.0");
}

TEST(DecimalArithmetic, MultiplicationIsExactAndAddsExponents) {
  EXPECT_EQ((D("1.5") * D("1.5")).to_string(), "2.25");
  EXPECT_EQ((D("0.10") * D("3")).to_string(), "0.30");
  EXPECT_EQ((D("-0.9985") * D("1234567.89")).to_string(), "-1232716.038165");
  EXPECT_EQ((D("123456789012345678901234567890") * D("987654321098765432109876543210")).to_string(),
            "121932631137021795226185032733622923332237463801111263526900");
}

TEST(DecimalArithmetic, IntegersMixFreely) {
  EXPECT_EQ((D("2.5") * 4).to_string(), "10.0");
  EXPECT_EQ((Decimal(1) + D("0.5")).to_string(), "1.5");
  Decimal total = 0;
  for (int i = 0; i < 10; ++i) total += D("0.1");
  EXPECT_EQ(total, Decimal(1));
  EXPECT_EQ(total.to_string(), "1.0");
  total -= D("0.25");
  EXPECT_EQ(total.to_string(), "0.75");
  total *= 4;
  EXPECT_EQ(total.to_string(), "3.00");
  total /= 3;
  EXPECT_EQ(total.to_string(), "1.00");
}

TEST(DecimalArithmetic, NegationAndAbs) {
  EXPECT_EQ((-D("1.50")).to_string(), "-1.50");
  EXPECT_EQ((-D("-1.50")).to_string(), "1.50");
  EXPECT_EQ((-D("0")).to_string(), "0");
  EXPECT_EQ(D("-0.05").abs().to_string(), "0.05");
  EXPECT_EQ(D("0.05").abs().to_string(), "0.05");
  EXPECT_EQ((-(Decimal(2) / 3)).to_string(), "-0.6666666666666666666666666666666666…");
  EXPECT_EQ((Decimal(-2) / 3).abs(), Decimal(2) / 3);
}

TEST(DecimalArithmetic, SignIsZeroAndIsInteger) {
  EXPECT_EQ(D("-0.01").sign(), -1);
  EXPECT_EQ(D("0.00").sign(), 0);
  EXPECT_EQ(D("3").sign(), 1);
  EXPECT_EQ((Decimal(-1) / 3).sign(), -1);
  EXPECT_TRUE(D("0.000").is_zero());
  EXPECT_TRUE(D("1.00").is_integer());
  EXPECT_TRUE(D("1E+3").is_integer());
  EXPECT_TRUE(D("0.00").is_integer());
  EXPECT_FALSE(D("1.01").is_integer());
  EXPECT_FALSE(D("0.05").is_integer());
  EXPECT_FALSE((Decimal(1) / 3).is_integer());
}

// ---------------------------------------------------------------------------
// comparison, equality and hash

TEST(DecimalCompare, EqualValuesCompareEqualWhateverTheirScale) {
  EXPECT_EQ(D("1.0"), D("1.00"));
  EXPECT_EQ(D("1.0"), Decimal(1));
  EXPECT_EQ(D("100"), D("1E+2"));
  EXPECT_EQ(D("0"), D("-0.000"));
  EXPECT_TRUE((D("1.0") <=> D("1.00")) == std::strong_ordering::equal);
}

TEST(DecimalCompare, OrderingIsNumeric) {
  EXPECT_LT(D("1.0"), D("1.01"));
  EXPECT_LT(D("-2"), D("-1.5"));
  EXPECT_LT(D("-0.001"), D("0"));
  EXPECT_GT(D("10"), D("9.999"));
  EXPECT_GT(D("1E+3"), D("999.99999"));
  EXPECT_LT(D("1E-10000"), D("1E+10000"));
  EXPECT_GT(D("-1E-10000"), D("-1E+10000"));
}

TEST(DecimalCompare, FractionsCompareExactly) {
  const Decimal third = Decimal(1) / 3;
  EXPECT_LT(third, D("0.3334"));
  EXPECT_GT(third, D("0.3333333333333333333333333333333333333333"));
  EXPECT_EQ(third, Decimal(2) / 6);
  EXPECT_LT(Decimal(-2) / 3, Decimal(-1) / 3);
}

TEST(DecimalHash, EqualValuesHashEqually) {
  EXPECT_EQ(D("1.0").hash(), D("1.00").hash());
  EXPECT_EQ(D("1.0").hash(), Decimal(1).hash());
  EXPECT_EQ(D("100").hash(), D("1E+2").hash());
  EXPECT_EQ(D("0").hash(), D("0.000").hash());
  EXPECT_EQ((Decimal(1) / 3).hash(), (Decimal(2) / 6).hash());
  EXPECT_EQ(std::hash<Decimal>{}(D("2.50")), std::hash<Decimal>{}(D("2.5")));
  const std::unordered_set<Decimal> set = {D("1"), D("1.0"), D("1.00"), D("10E-1"), D("2")};
  EXPECT_EQ(set.size(), 2U);
}

TEST(DecimalNormalized, DropsTrailingZeros) {
  EXPECT_EQ(D("1.500").normalized().to_string(), "1.5");
  const Decimal hundred = D("100").normalized();
  EXPECT_EQ(hundred.coefficient(), Decimal::Int(1));
  EXPECT_EQ(hundred.exponent(), 2);
  EXPECT_EQ(hundred.to_string(), "100");
  EXPECT_EQ(D("0.000").normalized().to_string(), "0");
}

// ---------------------------------------------------------------------------
// exact division

TEST(DecimalDivision, OneThirdTimesThreeIsExactlyOne) {
  const Decimal third = Decimal(1) / 3;
  EXPECT_TRUE(third.is_fraction());
  const Decimal one = third * 3;
  EXPECT_FALSE(one.is_fraction());
  EXPECT_EQ(one, Decimal(1));
  EXPECT_EQ(one.to_string(), "1");
  EXPECT_EQ((third + third + third).to_string(), "1");
}

TEST(DecimalDivision, TerminatingQuotientsArePlainDecimals) {
  const Decimal quarter = Decimal(1) / 4;
  EXPECT_FALSE(quarter.is_fraction());
  EXPECT_EQ(quarter.to_string(), "0.25");
  EXPECT_EQ((Decimal(1) / 8).to_string(), "0.125");
  EXPECT_EQ((Decimal(100) / 4).to_string(), "25");
  EXPECT_EQ((D("2.40") / 2).to_string(), "1.20");
  EXPECT_EQ((D("1234567.89") / D("0.01")).to_string(), "123456789");
}

TEST(DecimalDivision, NonTerminatingQuotientPrints34SignificantDigitsAndEllipsis) {
  const Decimal two_thirds = Decimal(2) / 3;
  EXPECT_TRUE(two_thirds.is_fraction());
  EXPECT_EQ(two_thirds.to_string(), "0.6666666666666666666666666666666666…");
  EXPECT_EQ((Decimal(-2) / 3).to_string(), "-0.6666666666666666666666666666666666…");
  EXPECT_EQ((Decimal(10) / 3).to_string(), "3.333333333333333333333333333333333…");
  EXPECT_EQ((Decimal(1) / 7).to_string(), "0.1428571428571428571428571428571428…");
}

TEST(DecimalDivision, FractionThatTerminatesTurnsBackIntoAPlainDecimal) {
  const Decimal sixth = Decimal(1) / 6;
  ASSERT_TRUE(sixth.is_fraction());
  const Decimal half = sixth * 3;
  EXPECT_FALSE(half.is_fraction());
  EXPECT_EQ(half.to_string(), "0.5");
  const Decimal x = (Decimal(7) / 3) * D("0.3");
  EXPECT_FALSE(x.is_fraction());
  EXPECT_EQ(x, D("0.7"));
  EXPECT_EQ((Decimal(1) / 3 - Decimal(1) / 3).to_string(), "0");
}

TEST(DecimalDivision, NumeratorAndDenominatorInLowestTerms) {
  const Decimal x = Decimal(2) / 6;
  EXPECT_EQ(x.numerator(), Decimal::Int(1));
  EXPECT_EQ(x.denominator(), Decimal::Int(3));
  const Decimal y = Decimal(2) / -3;
  EXPECT_EQ(y.numerator(), Decimal::Int(-2));
  EXPECT_EQ(y.denominator(), Decimal::Int(3));
  EXPECT_EQ(D("0.25").numerator(), Decimal::Int(1));
  EXPECT_EQ(D("0.25").denominator(), Decimal::Int(4));
  EXPECT_EQ(D("1.50E+2").numerator(), Decimal::Int(150));
  EXPECT_EQ(D("1.50E+2").denominator(), Decimal::Int(1));
}

TEST(DecimalDivision, CoefficientOfAFractionIsALogicError) {
  const Decimal third = Decimal(1) / 3;
  EXPECT_THROW((void)third.coefficient(), std::logic_error);
  EXPECT_THROW((void)third.exponent(), std::logic_error);
}

TEST(DecimalDivision, DivisionByZeroThrows) {
  for (const Decimal& dividend : {D("1"), D("0"), D("-0.5"), Decimal(1) / 3}) {
    const DecimalError e = error_of([&] { (void)(dividend / D("0.00")); });
    EXPECT_EQ(e.kind(), DecimalError::Kind::division_by_zero);
    EXPECT_STREQ(e.what(), "division by zero");
  }
  EXPECT_EQ(error_of([] { (void)D("1").div(Decimal(0), 2, RoundingMode::half_up); }).kind(),
            DecimalError::Kind::division_by_zero);
  Decimal x = 5;
  EXPECT_EQ(error_of([&] { x /= 0; }).kind(), DecimalError::Kind::division_by_zero);
}

// ---------------------------------------------------------------------------
// rounding

struct RoundCase {
  const char* value;                    // a decimal, or "a/b" for an exact fraction
  std::array<const char*, 8> expected;  // in the order of all_modes
};

Decimal value_of(const std::string& text) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return Decimal::parse(text);
  return Decimal::parse(text.substr(0, slash)) / Decimal::parse(text.substr(slash + 1));
}

TEST(DecimalRound, EveryModeToTwoDecimals) {
  //                         half_up   half_even half_down down     up       floor    ceiling  05up
  const RoundCase cases[] = {
      {"2.345", {"2.35", "2.34", "2.34", "2.34", "2.35", "2.34", "2.35", "2.34"}},
      {"-2.345", {"-2.35", "-2.34", "-2.34", "-2.34", "-2.35", "-2.35", "-2.34", "-2.34"}},
      {"2.355", {"2.36", "2.36", "2.35", "2.35", "2.36", "2.35", "2.36", "2.36"}},
      {"-2.355", {"-2.36", "-2.36", "-2.35", "-2.35", "-2.36", "-2.36", "-2.35", "-2.36"}},
      {"2.344", {"2.34", "2.34", "2.34", "2.34", "2.35", "2.34", "2.35", "2.34"}},
      {"2.346", {"2.35", "2.35", "2.35", "2.34", "2.35", "2.34", "2.35", "2.34"}},
      {"-2.346", {"-2.35", "-2.35", "-2.35", "-2.34", "-2.35", "-2.35", "-2.34", "-2.34"}},
      {"2.301", {"2.30", "2.30", "2.30", "2.30", "2.31", "2.30", "2.31", "2.31"}},
      {"-0.001", {"0.00", "0.00", "0.00", "0.00", "-0.01", "-0.01", "0.00", "-0.01"}},
      {"2.3", {"2.30", "2.30", "2.30", "2.30", "2.30", "2.30", "2.30", "2.30"}},
      {"2/3", {"0.67", "0.67", "0.67", "0.66", "0.67", "0.66", "0.67", "0.66"}},
      {"-2/3", {"-0.67", "-0.67", "-0.67", "-0.66", "-0.67", "-0.67", "-0.66", "-0.66"}},
      {"1/300", {"0.00", "0.00", "0.00", "0.00", "0.01", "0.00", "0.01", "0.01"}},
      {"-1/300", {"0.00", "0.00", "0.00", "0.00", "-0.01", "-0.01", "0.00", "-0.01"}},
  };
  for (const auto& c : cases) {
    const Decimal value = value_of(c.value);
    for (std::size_t m = 0; m < all_modes.size(); ++m) {
      const Decimal rounded = value.round(2, all_modes[m]);
      EXPECT_FALSE(rounded.is_fraction());
      EXPECT_EQ(rounded.to_string(), c.expected[m]) << c.value << " " << jx::rounding_mode_name(all_modes[m]);
    }
  }
}

TEST(DecimalRound, HalvesToAnIntegerInEveryMode) {
  //                         half_up half_even half_down down up floor ceiling 05up
  const RoundCase cases[] = {
      {"0.5", {"1", "0", "0", "0", "1", "0", "1", "1"}},
      {"1.5", {"2", "2", "1", "1", "2", "1", "2", "1"}},
      {"2.5", {"3", "2", "2", "2", "3", "2", "3", "2"}},
      {"-2.5", {"-3", "-2", "-2", "-2", "-3", "-3", "-2", "-2"}},
      {"5.5", {"6", "6", "5", "5", "6", "5", "6", "6"}},
      {"-5.5", {"-6", "-6", "-5", "-5", "-6", "-6", "-5", "-6"}},
  };
  for (const auto& c : cases) {
    for (std::size_t m = 0; m < all_modes.size(); ++m) {
      EXPECT_EQ(D(c.value).round(0, all_modes[m]).to_string(), c.expected[m])
          << c.value << " " << jx::rounding_mode_name(all_modes[m]);
    }
  }
}

TEST(DecimalRound, PadsToTheRequestedScale) {
  EXPECT_EQ(D("1.5").round(2, RoundingMode::half_up).to_string(), "1.50");
  EXPECT_EQ(D("7").round(3, RoundingMode::down).to_string(), "7.000");
  EXPECT_EQ(D("1.5").round(2, RoundingMode::half_up).exponent(), -2);
  EXPECT_EQ(D("-0").round(2, RoundingMode::half_up).to_string(), "0.00");
}

TEST(DecimalRound, NegativeScaleRoundsToTensAndHundreds) {
  const Decimal r = D("1250").round(-2, RoundingMode::half_even);
  EXPECT_EQ(r.coefficient(), Decimal::Int(12));
  EXPECT_EQ(r.exponent(), 2);
  EXPECT_EQ(r.to_string(), "1200");
  EXPECT_EQ(D("1250").round(-2, RoundingMode::half_up).to_string(), "1300");
  EXPECT_EQ(D("49").round(-2, RoundingMode::half_up).to_string(), "0");
}

TEST(DecimalRound, ResultIsNeverANegativeZero) {
  const Decimal r = D("-0.004").round(2, RoundingMode::half_up);
  EXPECT_TRUE(r.is_zero());
  EXPECT_EQ(r.to_string(), "0.00");
  EXPECT_EQ((Decimal(-1) / 300).round(2, RoundingMode::ceiling).to_string(), "0.00");
}

TEST(DecimalDiv, DividesAndRoundsInOneStep) {
  EXPECT_EQ(D("10").div(3, 2, RoundingMode::half_up).to_string(), "3.33");
  EXPECT_EQ(D("2").div(3, 2, RoundingMode::half_up).to_string(), "0.67");
  EXPECT_EQ(D("-2").div(3, 2, RoundingMode::floor).to_string(), "-0.67");
  EXPECT_EQ(D("-2").div(3, 2, RoundingMode::ceiling).to_string(), "-0.66");
  EXPECT_EQ(D("1").div(8, 2, RoundingMode::half_even).to_string(), "0.12");
  EXPECT_EQ(D("1").div(8, 2, RoundingMode::half_up).to_string(), "0.13");
  EXPECT_EQ(D("1").div(4, 4, RoundingMode::down).to_string(), "0.2500");
  EXPECT_EQ(D("1234567.89").div(D("0.9985"), 2, RoundingMode::half_up).to_string(), "1236422.52");
}

TEST(DecimalDiv, AcceptsFractionsOnEitherSide) {
  EXPECT_EQ((Decimal(1) / 3).div(Decimal(2) / 3, 3, RoundingMode::half_up).to_string(), "0.500");
  EXPECT_EQ((Decimal(1) / 3).div(D("-0.5"), 4, RoundingMode::floor).to_string(), "-0.6667");
  EXPECT_EQ(D("1").div(Decimal(-1) / 7, 1, RoundingMode::half_up).to_string(), "-7.0");
  EXPECT_EQ(D("1250").div(D("0.5"), -2, RoundingMode::half_even).to_string(), "2500");
}

TEST(DecimalDiv, RoundsInOneStepWhereTheExactFractionWouldBeTooLong) {
  // 1 / 3E+1500 as an exact fraction needs a 1501-digit denominator ...
  EXPECT_EQ(error_of([] { (void)(D("1") / D("3E+1500")); }).kind(), DecimalError::Kind::out_of_range);
  // ... but rounded in one step it is an ordinary small result.
  EXPECT_EQ(D("1").div(D("3E+1500"), 2, RoundingMode::half_up).to_string(), "0.00");
  EXPECT_EQ(D("1E-1500").div(3, 2, RoundingMode::up).to_string(), "0.01");
  EXPECT_EQ(D("-1E-1500").div(3, 2, RoundingMode::floor).to_string(), "-0.01");
  EXPECT_EQ(D("2E+1500").div(D("3E+1500"), 2, RoundingMode::half_up).to_string(), "0.67");
}

TEST(DecimalRoundSignificant, RoundsToPrecisionDigits) {
  EXPECT_EQ(D("123.456").round_significant(4, RoundingMode::half_up).to_string(), "123.5");
  EXPECT_EQ(D("123.455").round_significant(5, RoundingMode::half_even).to_string(), "123.46");
  EXPECT_EQ(D("123.465").round_significant(5, RoundingMode::half_even).to_string(), "123.46");
  EXPECT_EQ(D("0.00123456").round_significant(2, RoundingMode::down).to_string(), "0.0012");
  EXPECT_EQ(D("-0.00123456").round_significant(2, RoundingMode::floor).to_string(), "-0.0013");
  const Decimal r = D("1234567").round_significant(3, RoundingMode::half_up);
  EXPECT_EQ(r.coefficient(), Decimal::Int(123));
  EXPECT_EQ(r.exponent(), 4);
  EXPECT_EQ(r.to_string(), "1230000");
}

TEST(DecimalRoundSignificant, CarryKeepsTheDigitCount) {
  const Decimal r = D("9.996").round_significant(3, RoundingMode::half_up);
  EXPECT_EQ(r.coefficient(), Decimal::Int(100));
  EXPECT_EQ(r.exponent(), -1);
  EXPECT_EQ(r.to_string(), "10.0");
  EXPECT_EQ(D("-999.99").round_significant(2, RoundingMode::up).to_string(), "-1000");
}

TEST(DecimalRoundSignificant, ShortValuesAreUnchangedAndFractionsAreRounded) {
  const Decimal r = D("1.5").round_significant(5, RoundingMode::half_up);
  EXPECT_EQ(r.to_string(), "1.5");
  EXPECT_EQ(r.exponent(), -1);
  EXPECT_EQ(D("0.00").round_significant(1, RoundingMode::up).to_string(), "0.00");
  EXPECT_EQ((Decimal(2) / 3).round_significant(5, RoundingMode::half_up).to_string(), "0.66667");
  EXPECT_EQ((Decimal(1000) / 3).round_significant(3, RoundingMode::half_up).to_string(), "333");
  EXPECT_EQ((Decimal(-1) / 7).round_significant(4, RoundingMode::ceiling).to_string(), "-0.1428");
  EXPECT_EQ((Decimal(1) / 3).round_significant(34, RoundingMode::half_up).to_string(),
            "0.3333333333333333333333333333333333");
}

TEST(DecimalRoundSignificant, LessThanOneDigitIsABadArgument) {
  EXPECT_EQ(error_of([] { (void)D("1.5").round_significant(0, RoundingMode::half_up); }).kind(),
            DecimalError::Kind::bad_argument);
}

// ---------------------------------------------------------------------------
// bounds on results

TEST(DecimalBounds, ProductWithMoreThanAThousandDigitsIsOutOfRange) {
  const Decimal big = Decimal::parse(std::string(600, '9'));
  const DecimalError e = error_of([&] { (void)(big * big); });
  EXPECT_EQ(e.kind(), DecimalError::Kind::out_of_range);
  EXPECT_NE(std::string(e.what()).find("1000"), std::string::npos) << e.what();
  // 500 × 500 digits is within the bound.
  const Decimal half = Decimal::parse(std::string(500, '9'));
  EXPECT_NO_THROW((void)(half * half));
}

TEST(DecimalBounds, SumSpanningTooManyDigitsIsOutOfRange) {
  EXPECT_EQ(error_of([] { (void)(D("1E+9999") + D("1E-9999")); }).kind(), DecimalError::Kind::out_of_range);
  EXPECT_EQ((D("1E+500") + D("1E-499")).to_string().size(), 501U + 1U + 499U);
}

TEST(DecimalBounds, ExponentBeyondTenThousandFromArithmeticIsOutOfRange) {
  EXPECT_EQ(error_of([] { (void)(D("1E+6000") * D("1E+6000")); }).kind(), DecimalError::Kind::out_of_range);
  EXPECT_EQ(error_of([] { (void)(D("1E-6000") * D("1E-6000")); }).kind(), DecimalError::Kind::out_of_range);
  EXPECT_EQ(error_of([] { (void)(D("1E-6000") / D("1E+6000")); }).kind(), DecimalError::Kind::out_of_range);
  EXPECT_EQ(error_of([] { (void)D("1").round(10001, RoundingMode::half_up); }).kind(),
            DecimalError::Kind::out_of_range);
  EXPECT_EQ(error_of([] { (void)Decimal(Decimal::Int(1), 10001); }).kind(), DecimalError::Kind::out_of_range);
}

TEST(DecimalBounds, FractionWhoseDenominatorGrowsTooLongIsOutOfRange) {
  const DecimalError e = error_of([] {
    Decimal x = Decimal(1) / 3;
    for (int i = 0; i < 3000; ++i) x = x / 7;
  });
  EXPECT_EQ(e.kind(), DecimalError::Kind::out_of_range);
  EXPECT_STREQ(e.what(),
               "exact fraction needs more than 1000 digits in its numerator or denominator (round it before "
               "going on)");
}

// ---------------------------------------------------------------------------
// detail helpers

TEST(DecimalDetail, DigitCountIsExactAroundEveryPowerOfTen) {
  EXPECT_EQ(jx::detail::digit_count(0), 1U);
  EXPECT_EQ(jx::detail::digit_count(-99), 2U);
  EXPECT_EQ(jx::detail::digit_count(-100), 3U);
  for (std::uint32_t n = 1; n <= 4100; ++n) {
    const Decimal::Int p = jx::detail::pow10(n);
    ASSERT_EQ(jx::detail::digit_count(p - 1), n) << "10^" << n << " - 1";
    ASSERT_EQ(jx::detail::digit_count(p), n + 1) << "10^" << n;
  }
}

TEST(DecimalDetail, RoundQuotientRoundsAnExactRatio) {
  EXPECT_EQ(jx::detail::round_quotient(5, 2, RoundingMode::half_even), Decimal::Int(2));
  EXPECT_EQ(jx::detail::round_quotient(-5, 2, RoundingMode::half_up), Decimal::Int(-3));
  EXPECT_EQ(jx::detail::round_quotient(-2, 3, RoundingMode::floor), Decimal::Int(-1));
  EXPECT_EQ(jx::detail::round_quotient(1, 30, RoundingMode::zero_five_up), Decimal::Int(1));
  EXPECT_EQ(jx::detail::round_quotient(61, 10, RoundingMode::zero_five_up), Decimal::Int(6));
}

// ---------------------------------------------------------------------------
// rounding mode names

TEST(RoundingModeNames, ParseEveryNameCaseInsensitively) {
  EXPECT_EQ(jx::parse_rounding_mode("half_up"), RoundingMode::half_up);
  EXPECT_EQ(jx::parse_rounding_mode("half_even"), RoundingMode::half_even);
  EXPECT_EQ(jx::parse_rounding_mode("half_down"), RoundingMode::half_down);
  EXPECT_EQ(jx::parse_rounding_mode("down"), RoundingMode::down);
  EXPECT_EQ(jx::parse_rounding_mode("up"), RoundingMode::up);
  EXPECT_EQ(jx::parse_rounding_mode("floor"), RoundingMode::floor);
  EXPECT_EQ(jx::parse_rounding_mode("ceiling"), RoundingMode::ceiling);
  EXPECT_EQ(jx::parse_rounding_mode("05up"), RoundingMode::zero_five_up);
  EXPECT_EQ(jx::parse_rounding_mode("05UP"), RoundingMode::zero_five_up);
  EXPECT_EQ(jx::parse_rounding_mode("HALF_EVEN"), RoundingMode::half_even);
  EXPECT_EQ(jx::parse_rounding_mode("Ceiling"), RoundingMode::ceiling);
}

TEST(RoundingModeNames, NameRoundTripsThroughParse) {
  for (RoundingMode mode : all_modes) EXPECT_EQ(jx::parse_rounding_mode(jx::rounding_mode_name(mode)), mode);
  EXPECT_EQ(jx::rounding_mode_name(RoundingMode::zero_five_up), "05up");
  EXPECT_EQ(jx::rounding_mode_name(RoundingMode::half_even), "half_even");
}

TEST(RoundingModeNames, UnknownNameIsABadArgumentListingTheNames) {
  for (const char* name : {"half-up", "", "banker", "round_half_up"}) {
    const DecimalError e = error_of([&] { (void)jx::parse_rounding_mode(name); });
    EXPECT_EQ(e.kind(), DecimalError::Kind::bad_argument) << name;
    EXPECT_EQ(std::string(e.what()),
              "unknown rounding mode \"" + std::string(name) +
                  "\" (expected half_up, half_even, half_down, down, up, floor, ceiling or "
                  "05up)");
  }
}

// ---------------------------------------------------------------------------
// The small-value fast path (machine integers with overflow checks, falling
// back to cpp_int): results at and across the int64 boundary, and a
// differential check against arithmetic done in cpp_int directly.

TEST(DecimalSmallValues, SumsAndProductsAcrossTheInt64Boundary) {
  const Decimal max = D("9223372036854775807");  // 2^63 − 1, the largest fast coefficient
  EXPECT_EQ((max + 1).to_string(), "9223372036854775808");
  EXPECT_EQ((-max - 1).to_string(), "-9223372036854775808");
  EXPECT_EQ((-max - 2).to_string(), "-9223372036854775809");
  EXPECT_EQ((max + D("0.1")).to_string(), "9223372036854775807.1");  // alignment overflows
  EXPECT_EQ((D("3037000500") * D("3037000500")).to_string(), "9223372037000250000");
  EXPECT_EQ((D("-3037000499.99") * D("3037000499.99")).to_string(), "-9223372036939509990.0001");
  EXPECT_EQ((D("0.000000000000000001") + D("1000000000000000000")).to_string(),
            "1000000000000000000.000000000000000001");
  EXPECT_EQ((D("1e18") + D("1e-18")).to_string(), "1000000000000000000.000000000000000001");
  EXPECT_EQ((D("1.50") + D("2.5")).to_string(), "4.00");
  EXPECT_EQ((D("100") - D("0.01")).to_string(), "99.99");
  EXPECT_EQ((D("1.5E+2") + D("1")).to_string(), "151");
  EXPECT_EQ((D("1.5E+2") * D("0.02")).to_string(), "3.0");
}

TEST(DecimalSmallValues, ComparisonsAcrossTheInt64Boundary) {
  const Decimal max = D("9223372036854775807");
  EXPECT_LT(max, max + 1);
  EXPECT_GT(-max, -max - 1);
  EXPECT_LT(D("922337203685477580.7"), max);  // scaling by 10 overflows: general path
  EXPECT_EQ(D("9223372036854775807.0"), max);
  EXPECT_LT(D("0.1"), D("1e-18") * D("1e18"));
  EXPECT_EQ(D("1.0"), D("1.000000000000000000"));
  EXPECT_LT(D("-2.5"), D("-2.49"));
  EXPECT_GT(D("1e19"), D("9999999999999999999"));
}

TEST(DecimalSmallValues, DigitCountsAtPowersOfTen) {
  EXPECT_EQ(jx::detail::digit_count(Decimal::Int(0)), 1U);
  EXPECT_EQ(jx::detail::digit_count(Decimal::Int(9)), 1U);
  EXPECT_EQ(jx::detail::digit_count(Decimal::Int(10)), 2U);
  std::int64_t power = 1;
  for (std::size_t digits = 1; digits <= 18; ++digits, power *= 10) {
    EXPECT_EQ(jx::detail::digit_count(Decimal::Int(power)), digits) << power;
    EXPECT_EQ(jx::detail::digit_count(Decimal::Int(-power)), digits) << -power;
    EXPECT_EQ(jx::detail::digit_count(Decimal::Int(power * 10 - 1)), digits) << power * 10 - 1;
  }
  EXPECT_EQ(jx::detail::digit_count(Decimal::Int(std::numeric_limits<std::int64_t>::max())), 19U);
  EXPECT_EQ(jx::detail::digit_count(Decimal::Int(std::numeric_limits<std::int64_t>::min())), 19U);
  EXPECT_EQ(jx::detail::digit_count(Decimal::Int("10000000000000000000")), 20U);
}

TEST(DecimalSmallValues, RoundingNegativeAndBoundaryValuesInEveryMode) {
  // value, then the result at scale 0 in the order of all_modes:
  // half_up, half_even, half_down, down, up, floor, ceiling, 05up.
  struct Case {
    const char* value;
    std::array<const char*, 8> expected;
  };
  const std::array<Case, 6> cases = {{
      {"2.5", {"3", "2", "2", "2", "3", "2", "3", "2"}},
      {"-2.5", {"-3", "-2", "-2", "-2", "-3", "-3", "-2", "-2"}},
      {"-0.5", {"-1", "0", "0", "0", "-1", "-1", "0", "-1"}},
      {"5.01", {"5", "5", "5", "5", "6", "5", "6", "6"}},
      {"-15.5", {"-16", "-16", "-15", "-15", "-16", "-16", "-15", "-16"}},
      {"922337203685477580.7",
       {"922337203685477581", "922337203685477581", "922337203685477581", "922337203685477580",
        "922337203685477581", "922337203685477580", "922337203685477581", "922337203685477581"}},
  }};
  for (const Case& c : cases) {
    for (std::size_t m = 0; m < all_modes.size(); ++m) {
      EXPECT_EQ(D(c.value).round(0, all_modes[m]).to_string(), c.expected[m])
          << c.value << " " << jx::rounding_mode_name(all_modes[m]);
    }
  }
  EXPECT_EQ(D("0.0000000000000000000049").round(2, RoundingMode::up).to_string(),
            "0.01");  // 10^-22: general path
  EXPECT_EQ(D("-9223372036854775807").round(-18, RoundingMode::half_up).to_string(), "-9000000000000000000");
}

// A small deterministic generator (the same values on every platform).
std::uint64_t next_value(std::uint64_t& state) {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return state >> 11;
}

// Coefficients near the interesting sizes: small, around 10^9, near 2^63.
Decimal::Int coefficient_for(std::uint64_t& state) {
  const std::uint64_t r = next_value(state);
  Decimal::Int c;
  switch (r % 4) {
    case 0: c = Decimal::Int(r % 100000); break;
    case 1: c = Decimal::Int(r % 10000000000ULL); break;
    case 2: c = Decimal::Int(std::numeric_limits<std::int64_t>::max()) - Decimal::Int(r % 1000); break;
    default: c = Decimal::Int(r % 4000000000000000000ULL); break;
  }
  return (r >> 40) % 2 == 0 ? c : Decimal::Int(-c);
}

TEST(DecimalSmallValues, AgreesWithCppIntArithmetic) {
  using Int = Decimal::Int;
  std::uint64_t state = 2023;
  for (int i = 0; i < 20000; ++i) {
    const Int ca = coefficient_for(state);
    const Int cb = coefficient_for(state);
    const auto ea = static_cast<std::int32_t>(next_value(state) % 25) - 12;
    const auto eb = static_cast<std::int32_t>(next_value(state) % 25) - 12;
    const Decimal a(ca, ea);
    const Decimal b(cb, eb);
    const std::int32_t low = std::min(ea, eb);
    const Int xa = ca * jx::detail::pow10(static_cast<std::uint32_t>(ea - low));
    const Int xb = cb * jx::detail::pow10(static_cast<std::uint32_t>(eb - low));

    const Decimal sum = a + b;
    EXPECT_EQ(sum.coefficient(), xa + xb) << a.to_string() << " + " << b.to_string();
    EXPECT_EQ(sum.exponent(), low);
    const Decimal difference = a - b;
    EXPECT_EQ(difference.coefficient(), xa - xb) << a.to_string() << " - " << b.to_string();
    EXPECT_EQ(difference.exponent(), low);
    const Decimal product = a * b;
    EXPECT_EQ(product.coefficient(), ca * cb) << a.to_string() << " * " << b.to_string();
    EXPECT_EQ(product.exponent(), ea + eb);
    EXPECT_EQ(a < b, xa < xb) << a.to_string() << " < " << b.to_string();
    EXPECT_EQ(a == b, xa == xb) << a.to_string() << " == " << b.to_string();

    // Rounding to 2 decimals, against round_quotient on numbers too big for the fast path.
    const RoundingMode mode = all_modes[next_value(state) % all_modes.size()];
    const Decimal rounded = a.round(2, mode);
    const Int big = Int(1) << 70;
    Int expected;
    if (ea >= -2) {
      expected = ca * jx::detail::pow10(static_cast<std::uint32_t>(ea + 2));
    } else {
      expected = jx::detail::round_quotient(
          ca * big, jx::detail::pow10(static_cast<std::uint32_t>(-2 - ea)) * big, mode);
    }
    EXPECT_EQ(rounded.coefficient(), expected) << a.to_string() << " " << jx::rounding_mode_name(mode);
    EXPECT_EQ(rounded.exponent(), -2);
    EXPECT_EQ(Decimal::parse(a.to_string()), a);
  }
}

// The example at the top of docs/decimal.md.
TEST(DecimalDocs, IntroductionExampleGivesTheDocumentedResults) {
  const Decimal budget = Decimal::parse("1234567.89");
  const Decimal spent = Decimal::parse("1232716.04");
  const Decimal rate = spent / budget;
  EXPECT_TRUE(rate.is_fraction());
  EXPECT_EQ(rate.percent(2), "99.85%");
  EXPECT_EQ((Decimal(1) / 3 * 3).to_string(), "1");
  EXPECT_EQ(Decimal::parse("2.345").round(2, RoundingMode::half_even).to_string(), "2.34");
  EXPECT_EQ(spent.div(12, 2, RoundingMode::half_up).to_string(), "102726.34");
}

}  // namespace
