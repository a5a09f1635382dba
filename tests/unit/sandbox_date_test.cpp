// The `date` type and ctx.calendar in Lua, with exact values and messages.
#include "sandbox_support.hpp"

namespace jx::sandbox::testing {
namespace {

class DateTest : public SandboxTest {};

TEST_F(DateTest, Construction) {
  EXPECT_EQ(eval("date('2023-06-30')"), "2023-06-30");
  EXPECT_EQ(eval("date(2023, 6, 30)"), "2023-06-30");
  EXPECT_EQ(eval("date(2024, dec(2), 29)"), "2024-02-29");
  EXPECT_EQ(eval("date.is(date('2023-06-30'))"), "true");
  EXPECT_EQ(eval("date.is('2023-06-30')"), "false");
  EXPECT_EQ(
      eval("date('2023-02-30')"),
      "ERROR: rules/test/snippet.lua:3: date(): \"2023-02-30\" is not a date (expected YYYY-MM-DD, a day "
      "that exists)");
  EXPECT_EQ(
      eval("date('2023/06/30')"),
      "ERROR: rules/test/snippet.lua:3: date(): \"2023/06/30\" is not a date (expected YYYY-MM-DD, a day "
      "that exists)");
  EXPECT_EQ(eval("date(2023, 2, 29)"), "ERROR: rules/test/snippet.lua:3: date(2023, 2, 29) is not a date");
  EXPECT_EQ(eval("date(20230630)"),
            "ERROR: rules/test/snippet.lua:3: date() needs \"YYYY-MM-DD\" or (year, month, day), got number");
}

TEST_F(DateTest, Arithmetic) {
  EXPECT_EQ(eval("date('2023-10-10') - date('2023-09-28')"), "12");
  EXPECT_EQ(eval("math.type(date('2023-10-10') - date('2023-09-28'))"), "integer");
  EXPECT_EQ(eval("date('2023-09-28') - date('2023-10-10')"), "-12");
  EXPECT_EQ(eval("date('2023-12-31') + 1"), "2024-01-01");
  EXPECT_EQ(eval("30 + date('2023-03-28')"), "2023-04-27");
  EXPECT_EQ(eval("date('2024-03-01') - 1"), "2024-02-29");
  EXPECT_EQ(eval("date('2023-03-28') + ctx.params.contract_filing_working_days"), "2023-04-04");
  EXPECT_EQ(eval("date('2023-03-28') + 0.5"),
            "ERROR: rules/test/snippet.lua:3: cannot use the float 0.5 as a number of days: use dec('0.5') "
            "instead of 0.5");
  EXPECT_EQ(eval("date('2023-03-28') + dec('1.5')"),
            "ERROR: rules/test/snippet.lua:3: a number of days must be an integer, got the dec 1.5");
  EXPECT_EQ(eval("date('2023-03-28') + date('2023-03-28')"),
            "ERROR: rules/test/snippet.lua:3: cannot add two dates (subtract them for the days between)");
  EXPECT_EQ(eval("1 - date('2023-03-28')"),
            "ERROR: rules/test/snippet.lua:3: date -: expected a date, got number");
}

TEST_F(DateTest, Comparisons) {
  EXPECT_EQ(eval("date('2023-06-30') == date('2023-06-30')"), "true");
  EXPECT_EQ(eval("date('2023-06-30') ~= date('2023-07-01')"), "true");
  EXPECT_EQ(eval("date('2023-06-30') < date('2023-07-01')"), "true");
  EXPECT_EQ(eval("date('2023-07-01') <= date('2023-07-01')"), "true");
  EXPECT_EQ(eval("date('2023-07-02') > date('2023-07-01')"), "true");
  EXPECT_EQ(eval("date('2023-06-30') == '2023-06-30'"), "false");
  EXPECT_EQ(eval("date('2023-06-30') < 1"),
            "ERROR: rules/test/snippet.lua:3: attempt to compare a date with a number value");
}

TEST_F(DateTest, Parts) {
  EXPECT_EQ(eval("date('2023-10-07'):year()"), "2023");
  EXPECT_EQ(eval("date('2023-10-07'):month()"), "10");
  EXPECT_EQ(eval("date('2023-10-07'):day()"), "7");
  EXPECT_EQ(eval("date('2023-10-07'):weekday()"), "6");  // Saturday
  EXPECT_EQ(eval("date('2023-10-09'):weekday()"), "1");  // Monday
  EXPECT_EQ(eval("date('2023-10-07'):tostring()"), "2023-10-07");
  EXPECT_EQ(eval("'签订于 ' .. date('2023-10-07')"), "签订于 2023-10-07");
  EXPECT_EQ(eval("('%s'):format(date('2023-10-07'))"), "2023-10-07");
  EXPECT_EQ(eval("getmetatable(date('2023-10-07'))"), "false");
  EXPECT_EQ(eval("date.year(5)"), "ERROR: rules/test/snippet.lua:3: year: expected a date, got number");
}

TEST_F(DateTest, Calendar) {
  EXPECT_EQ(eval("ctx.calendar:is_working_day(date('2023-10-07'))"), "true");
  EXPECT_EQ(eval("ctx.calendar:is_working_day(date('2023-10-02'))"), "false");
  EXPECT_EQ(eval("ctx.calendar:working_days_between(date('2023-09-28'), date('2023-10-10'))"), "4");
  EXPECT_EQ(eval("math.type(ctx.calendar:working_days_between(date('2023-09-28'), date('2023-10-10')))"),
            "integer");
  EXPECT_EQ(eval("ctx.calendar:add_working_days(date('2023-09-28'), 7)"), "2023-10-13");
  EXPECT_EQ(
      eval("ctx.calendar:add_working_days(date('2023-09-28'), ctx.params.contract_filing_working_days)"),
      "2023-10-13");
  EXPECT_EQ(eval("ctx.calendar:add_working_days(date('2024-02-09'), 1)"), "2024-02-18");
  EXPECT_EQ(eval("ctx.calendar:is_holiday(date('2022-12-31'))"), "true");
  EXPECT_EQ(eval("ctx.calendar:holiday_name(date('2024-02-12'))"), "春节");
  EXPECT_EQ(eval("ctx.calendar:holiday_name(date('2024-02-18'))"), "nil");
  EXPECT_EQ(eval("ctx.calendar:covers(2025)"), "true");
  EXPECT_EQ(eval("ctx.calendar:covers(date('2027-01-01'))"), "false");
  EXPECT_EQ(eval("ctx.calendar:name()"), "cn-mainland");
  EXPECT_EQ(eval("ctx.calendar"), "calendar cn-mainland");
}

TEST_F(DateTest, CalendarErrors) {
  EXPECT_EQ(
      eval("ctx.calendar:is_working_day(date('2027-01-05'))"),
      "ERROR: rules/test/snippet.lua:3: no holiday calendar for 2027 (date 2027-01-05): cn-mainland covers "
      "2021–2026");
  // A contract signed in December and filed in January: the filing date needed 2027.
  EXPECT_EQ(
      eval("ctx.calendar:working_days_between(date('2026-12-28'), date('2027-01-08'))"),
      "ERROR: rules/test/snippet.lua:3: no holiday calendar for 2027 (date 2027-01-08): cn-mainland covers "
      "2021–2026");
  EXPECT_EQ(eval("ctx.calendar.is_working_day(date('2023-10-07'))"),
            "ERROR: rules/test/snippet.lua:3: expected the calendar as the first argument (call it as "
            "ctx.calendar:method(...)), got date");
  EXPECT_EQ(eval("ctx.calendar:is_working_day('2023-10-07')"),
            "ERROR: rules/test/snippet.lua:3: is_working_day: expected a date, got string");
  EXPECT_EQ(eval("ctx.calendar:add_working_days(date('2023-09-28'), 0.5)"),
            "ERROR: rules/test/snippet.lua:3: cannot use the float 0.5 as the number of working days: use "
            "dec('0.5') instead of 0.5");
  RuleInput no_calendar = default_input();
  no_calendar.calendar = nullptr;
  EXPECT_EQ(eval("ctx.calendar", no_calendar), "nil");
}

}  // namespace
}  // namespace jx::sandbox::testing
