// The `dec` type in Lua: construction, exact arithmetic, comparisons, rounding,
// formatting, and the errors for floats and bad operands, with exact messages.
#include "sandbox_support.hpp"

namespace jx::sandbox::testing {
namespace {

class DecTest : public SandboxTest {};

TEST_F(DecTest, Construction) {
  EXPECT_EQ(eval("dec('1.23')"), "1.23");
  EXPECT_EQ(eval("dec('-0.50')"), "-0.50");
  EXPECT_EQ(eval("dec(5)"), "5");
  EXPECT_EQ(eval("dec(-12)"), "-12");
  EXPECT_EQ(eval("dec('1e3')"), "1000");
  EXPECT_EQ(eval("rawequal(dec(dec('2.5')), dec('2.5'))"), "false");
  EXPECT_EQ(eval("(function() local d = dec('2.5') return rawequal(dec(d), d) end)()"), "true");
  EXPECT_EQ(eval("type(dec(1))"), "userdata");
  EXPECT_EQ(eval("dec.is(dec(1))"), "true");
  EXPECT_EQ(eval("dec.is(1)"), "false");
}

TEST_F(DecTest, ConstructionErrors) {
  EXPECT_EQ(eval("dec('abc')"), "ERROR: rules/test/snippet.lua:3: not a decimal number: \"abc\"");
  EXPECT_EQ(
      eval("dec(0.1)"),
      "ERROR: rules/test/snippet.lua:3: cannot use the float 0.1 in dec(): use dec('0.1') instead of 0.1");
  EXPECT_EQ(eval("dec(nil)"), "ERROR: rules/test/snippet.lua:3: dec() needs a string or an integer, got nil");
  EXPECT_EQ(eval("dec({})"),
            "ERROR: rules/test/snippet.lua:3: dec() needs a string or an integer, got table");
}

TEST_F(DecTest, ArithmeticIsExact) {
  EXPECT_EQ(eval("dec('0.1') + dec('0.2')"), "0.3");
  EXPECT_EQ(eval("dec('1.50') + 1"), "2.50");
  EXPECT_EQ(eval("1 + dec('1.5')"), "2.5");
  EXPECT_EQ(eval("dec(10) - 3"), "7");
  EXPECT_EQ(eval("3 - dec('0.25')"), "2.75");
  EXPECT_EQ(eval("dec('1.5') * dec('1.5')"), "2.25");
  EXPECT_EQ(eval("dec(10) / 4"), "2.5");
  EXPECT_EQ(eval("-dec('1.5')"), "-1.5");
  EXPECT_EQ(eval("10 * dec('0.9985')"), "9.9850");
}

TEST_F(DecTest, DivisionKeepsFractions) {
  EXPECT_EQ(eval("dec(1) / 3"), "0.3333333333333333333333333333333333…");
  EXPECT_EQ(eval("(dec(1) / 3) * 3"), "1");
  EXPECT_EQ(eval("dec(2) / 3 + dec(1) / 3"), "1");
  EXPECT_EQ(eval("(dec(1) / 3):round(2, 'down')"), "0.33");
}

TEST_F(DecTest, ArithmeticErrors) {
  EXPECT_EQ(eval("dec(1) / 0"), "ERROR: rules/test/snippet.lua:3: division by zero");
  EXPECT_EQ(eval("dec(1) + 0.1"),
            "ERROR: rules/test/snippet.lua:3: cannot use the float 0.1 in decimal arithmetic: use dec('0.1') "
            "instead of 0.1");
  EXPECT_EQ(eval("0.5 * dec(1)"),
            "ERROR: rules/test/snippet.lua:3: cannot use the float 0.5 in decimal arithmetic: use dec('0.5') "
            "instead of 0.5");
  EXPECT_EQ(
      eval("dec(1) + '2'"),
      "ERROR: rules/test/snippet.lua:3: attempt to use a string value in decimal arithmetic (a dec mixes "
      "with decs and integers only)");
  EXPECT_EQ(
      eval("dec(1) + date('2023-01-01')"),
      "ERROR: rules/test/snippet.lua:3: attempt to use a date value in decimal arithmetic (a dec mixes with "
      "decs and integers only)");
  EXPECT_EQ(eval("dec(1) % 2"),
            "ERROR: rules/test/snippet.lua:3: attempt to perform arithmetic on a dec value");
}

TEST_F(DecTest, HugeOperandsAreBounded) {
  EXPECT_EQ(eval("dec(string.rep('9', 1000)) * dec(string.rep('9', 1000))"),
            "ERROR: rules/test/snippet.lua:3: number has more than 1000 significant digits");
  EXPECT_EQ(eval("dec('1e9999') * dec('1e9999')"),
            "ERROR: rules/test/snippet.lua:3: exponent out of range (beyond ±10000)");
  EXPECT_EQ(eval("dec(1) / 7 / 7 / 7 ~= nil").substr(0, 6), "true");
}

// Issue 19: a quotient that cannot keep its ideal exponent (−56 here) in 1000
// digits takes the nearest exponent that fits, whichever way the dividend is written.
TEST_F(DecTest, QuotientTooWideForItsIdealExponentStillDivides) {
  EXPECT_EQ(
      eval("dec('15' .. string.rep('0', 400) .. 'E-56') / (dec(1) / dec('1125' .. string.rep('0', 686))) "
           "== dec('1.6875E+1034')"),
      "true");
  EXPECT_EQ(eval("dec('1.5E345') / (dec(1) / dec('1125' .. string.rep('0', 686))) == dec('1.6875E+1034')"),
            "true");
}

TEST_F(DecTest, Comparisons) {
  EXPECT_EQ(eval("dec('1.0') == dec('1.00')"), "true");
  EXPECT_EQ(eval("dec('1.0') ~= dec('1.01')"), "true");
  EXPECT_EQ(eval("dec(1) == 1"), "false");  // Lua 5.4 never calls __eq for a number: see docs
  EXPECT_EQ(eval("dec(1) < 2"), "true");
  EXPECT_EQ(eval("2 <= dec(2)"), "true");
  EXPECT_EQ(eval("dec('2.5') > dec('2.49')"), "true");
  EXPECT_EQ(eval("dec(1) / 3 < dec('0.3334')"), "true");
  EXPECT_EQ(eval("dec(1) == date('2023-01-01')"), "false");
  EXPECT_EQ(eval("dec('0.5') < 0.6"),
            "ERROR: rules/test/snippet.lua:3: cannot use the float 0.6 in a comparison: use dec('0.6') "
            "instead of 0.6");
  EXPECT_EQ(
      eval("dec(1) < '2'"),
      "ERROR: rules/test/snippet.lua:3: attempt to use a string value in a comparison (a dec mixes with decs "
      "and integers only)");
}

TEST_F(DecTest, EqAndCmp) {
  EXPECT_EQ(eval("dec(1):eq(1)"), "true");
  EXPECT_EQ(eval("dec('1.0'):eq(dec(1))"), "true");
  EXPECT_EQ(eval("dec('1.5'):eq(1)"), "false");
  EXPECT_EQ(eval("dec(1):eq(0.5)"),
            "ERROR: rules/test/snippet.lua:3: cannot use the float 0.5 in eq: use dec('0.5') instead of 0.5");
  EXPECT_EQ(eval("dec.cmp(dec(1), 2)"), "-1");
  EXPECT_EQ(eval("dec.cmp(2, dec('2.00'))"), "0");
  EXPECT_EQ(eval("dec('3'):cmp(2)"), "1");
  EXPECT_EQ(eval("dec.min(3, dec('2.5'), 4)"), "2.5");
  EXPECT_EQ(eval("dec.max(1, 2)"), "2");
  EXPECT_EQ(eval("dec.max(dec('1.50'))"), "1.50");
  EXPECT_EQ(eval("dec.min()"), "ERROR: rules/test/snippet.lua:3: dec.min needs at least one value");
}

TEST_F(DecTest, Rounding) {
  EXPECT_EQ(eval("dec('2.345'):round(2)"), "2.35");  // ctx's default: half_up
  EXPECT_EQ(eval("dec('2.345'):round(2, 'half_even')"), "2.34");
  EXPECT_EQ(eval("dec('2.345'):round(2, 'half_down')"), "2.34");
  EXPECT_EQ(eval("dec('9.985'):round(2)"), "9.99");
  EXPECT_EQ(eval("dec('0.9962'):round(2, 'down')"), "0.99");
  EXPECT_EQ(eval("dec('-0.9962'):round(2, 'floor')"), "-1.00");
  EXPECT_EQ(eval("dec('0.9912'):round(2, 'ceiling')"), "1.00");
  EXPECT_EQ(eval("dec('0.991'):round(2, 'up')"), "1.00");
  EXPECT_EQ(eval("dec('0.951'):round(1, '05up')"), "0.9");
  EXPECT_EQ(eval("dec('0.051'):round(1, '05up')"), "0.1");
  EXPECT_EQ(eval("dec('1.5'):round()"), "1.50");  // ctx.scale
  EXPECT_EQ(eval("dec('1.5'):round(0)"), "2");
  EXPECT_EQ(eval("dec('2.345'):round(2, 'bogus')"),
            "ERROR: rules/test/snippet.lua:3: unknown rounding mode \"bogus\" (expected half_up, half_even, "
            "half_down, down, up, floor, ceiling or 05up)");
  EXPECT_EQ(eval("dec('2.345'):round(1.5)"),
            "ERROR: rules/test/snippet.lua:3: cannot use the float 1.5 as the scale of round: use dec('1.5') "
            "instead of 1.5");
}

TEST_F(DecTest, RoundingDefaultsFollowTheLeaf) {
  RuleInput in = default_input();
  in.rounding = RoundingMode::down;
  in.scale = 1;
  EXPECT_EQ(eval("dec('2.39'):round()", in), "2.3");
  EXPECT_EQ(eval("dec('2.39'):round(2)", in), "2.39");
  EXPECT_EQ(eval("dec('2.399'):round(2)", in), "2.39");
  EXPECT_EQ(eval("ctx:round(dec('2.39'))", in), "2.3");
}

TEST_F(DecTest, DivAndPercent) {
  EXPECT_EQ(eval("dec(10):div(3, 2)"), "3.33");
  EXPECT_EQ(eval("dec(2):div(3, 2, 'up')"), "0.67");
  EXPECT_EQ(eval("dec(2):div(dec(3), 0)"), "1");
  EXPECT_EQ(eval("dec(2):div(0, 2)"), "ERROR: rules/test/snippet.lua:3: division by zero");
  EXPECT_EQ(eval("dec('0.99855'):percent(2)"), "99.86%");
  EXPECT_EQ(eval("dec('0.5'):percent()"), "50.00%");
  EXPECT_EQ(eval("dec('0.99855'):percent(1, 'down')"), "99.8%");
  EXPECT_EQ(eval("(dec(58641800) / 105902000):percent(2)"), "55.37%");
}

TEST_F(DecTest, SmallMethods) {
  EXPECT_EQ(eval("dec('-2.5'):abs()"), "2.5");
  EXPECT_EQ(eval("dec('0.00'):is_zero()"), "true");
  EXPECT_EQ(eval("dec('0.01'):is_zero()"), "false");
  EXPECT_EQ(eval("dec('-3'):sign()"), "-1");
  EXPECT_EQ(eval("dec('2.0'):is_integer()"), "true");
  EXPECT_EQ(eval("dec('2.5'):is_integer()"), "false");
  EXPECT_EQ(eval("math.type(dec('2.0'):to_int())"), "integer");
  EXPECT_EQ(eval("dec('20'):to_int() + 1"), "21");
  EXPECT_EQ(eval("dec('2.5'):to_int()"),
            "ERROR: rules/test/snippet.lua:3: to_int must be an integer, got the dec 2.5");
  EXPECT_EQ(eval("dec('1e30'):to_int()"),
            "ERROR: rules/test/snippet.lua:3: to_int must be an integer, got the dec "
            "1000000000000000000000000000000");
  EXPECT_EQ(eval("dec('1.50'):tostring()"), "1.50");
  EXPECT_EQ(eval("dec.round(dec('1.255'), 2)"), "1.26");
}

TEST_F(DecTest, ConcatAndFormat) {
  EXPECT_EQ(eval("'x' .. dec('1.50')"), "x1.50");
  EXPECT_EQ(eval("dec(1) .. '%'"), "1%");
  EXPECT_EQ(eval("dec(1) .. 2"), "12");
  EXPECT_EQ(eval("dec(1) .. date('2023-01-01')"), "12023-01-01");
  EXPECT_EQ(eval("dec(1) .. nil"), "ERROR: rules/test/snippet.lua:3: attempt to concatenate a nil value");
  EXPECT_EQ(eval("('%d 个工作日'):format(dec(7))"), "7 个工作日");
  EXPECT_EQ(eval("string.format('%s / %5d', dec('1.50'), dec(3))"), "1.50 /     3");
  EXPECT_EQ(
      eval("('%.2f'):format(dec(1))"),
      "ERROR: rules/test/snippet.lua:3: string.format: %f would turn the dec into an inexact float; use %s "
      "with d:round(n)");
  EXPECT_EQ(eval("('%d'):format(dec('1.5'))"),
            "ERROR: rules/test/snippet.lua:3: a dec formatted with %d must be an integer, got the dec 1.5");
}

// Everyday decs (no heap, no finalizer) and big ones or fractions (with one)
// are one type to every operation, message and check.
TEST_F(DecTest, SmallAndBigDecsAreOneType) {
  const std::string nines(60, '9');
  const std::string big = "dec('" + nines + "')";
  EXPECT_EQ(eval("dec.is(dec('1.5')) and dec.is(" + big + ") and dec.is(dec(1) / 3)"), "true");
  EXPECT_EQ(eval(big + " + dec('0.5')"), nines + ".5");
  EXPECT_EQ(eval("dec('0.5') + " + big), nines + ".5");
  EXPECT_EQ(eval("dec.cmp(" + big + ", dec(1)) .. dec.cmp(dec(1) / 3, dec('0.3'))"), "11");
  EXPECT_EQ(eval("dec(1) == " + big + " - " + big + " + 1"), "true");
  EXPECT_EQ(eval("(dec(1) / 3) * 3 == dec(1)"), "true");
  EXPECT_EQ(eval("dec.max(dec(2), " + big + ") == " + big), "true");
  EXPECT_EQ(eval("getmetatable(" + big + ")"), "false");
  EXPECT_EQ(eval("getmetatable(dec(1) / 3)"), "false");
  EXPECT_EQ(eval("setmetatable(dec(1) / 3, {})"),
            "ERROR: rules/test/snippet.lua:3: bad argument #1 to 'setmetatable' (table expected, got dec)");
  EXPECT_EQ(eval("#dec(1)"), "ERROR: rules/test/snippet.lua:3: attempt to get length of a dec value");
  EXPECT_EQ(eval("#" + big), "ERROR: rules/test/snippet.lua:3: attempt to get length of a dec value");
  EXPECT_EQ(eval("(dec(1) / 3):round(3) .. ' ' .. (" + big + "):round(0)"), "0.333 " + nines);
}

TEST_F(DecTest, MetatableIsLocked) {
  EXPECT_EQ(eval("getmetatable(dec(1))"), "false");
  EXPECT_EQ(eval("setmetatable(dec(1), {})"),
            "ERROR: rules/test/snippet.lua:3: bad argument #1 to 'setmetatable' (table expected, got dec)");
  EXPECT_EQ(eval("(function() dec.round = nil end)()"),
            "ERROR: rules/test/snippet.lua:3: the dec library is read-only");
  EXPECT_EQ(eval("getmetatable(dec)"), "false");
  EXPECT_EQ(eval("dec(1).x"), "nil");
}

}  // namespace
}  // namespace jx::sandbox::testing
