// jx::Calendar: the official working-day calendar, against counts done by hand
// from the State Council notices (rules/calendars/cn-mainland.toml).
#include <gtest/gtest.h>

#include <string>

#include "calendar/calendar.hpp"
#include "source_dir.hpp"

namespace {

using jx::Calendar;
using jx::CalendarError;
using jx::Date;

Date d(const char* text) { return *Date::parse(text); }

const Calendar& cn() {
  static const Calendar calendar = Calendar::load(jx::test::source_path("/rules/calendars/cn-mainland.toml"));
  return calendar;
}

std::string error_of(const std::string& toml) {
  try {
    (void)Calendar::parse(toml, "cal.toml");
  } catch (const CalendarError& e) {
    return e.what();
  }
  return "no error";
}

const char* const minimal = R"(name = "t"
[years.2023]
notice = "n"
holidays = [ { name = "元旦", from = 2022-12-31, to = 2023-01-02 } ]
adjusted_working_days = [ 2023-01-28 ]
)";

TEST(CalendarFile, NameAndYears) {
  EXPECT_EQ(cn().name(), "cn-mainland");
  EXPECT_EQ(cn().years(), (std::vector<int>{2021, 2022, 2023, 2024, 2025, 2026}));
  EXPECT_TRUE(cn().covers(2021));
  EXPECT_TRUE(cn().covers(2026));
  EXPECT_FALSE(cn().covers(2020));
  EXPECT_FALSE(cn().covers(2027));
}

TEST(CalendarWorkingDay, OrdinaryDays) {
  EXPECT_TRUE(cn().is_working_day(d("2023-06-30")));   // Friday
  EXPECT_FALSE(cn().is_working_day(d("2023-07-01")));  // Saturday
  EXPECT_FALSE(cn().is_working_day(d("2023-07-02")));  // Sunday
}

TEST(CalendarWorkingDay, SpringFestival2024) {
  EXPECT_TRUE(cn().is_working_day(d("2024-02-04")));   // Sunday, 调休上班
  EXPECT_TRUE(cn().is_working_day(d("2024-02-09")));   // Friday, 除夕: a working day in the notice
  EXPECT_FALSE(cn().is_working_day(d("2024-02-10")));  // Saturday, 春节
  EXPECT_FALSE(cn().is_working_day(d("2024-02-12")));  // Monday, 春节
  EXPECT_FALSE(cn().is_working_day(d("2024-02-17")));  // Saturday, last day of 春节
  EXPECT_TRUE(cn().is_working_day(d("2024-02-18")));   // Sunday, 调休上班
  EXPECT_TRUE(cn().is_holiday(d("2024-02-12")));
  EXPECT_FALSE(cn().is_holiday(d("2024-02-18")));
  EXPECT_EQ(cn().holiday_name(d("2024-02-12")), std::optional<std::string_view>("春节"));
  EXPECT_EQ(cn().holiday_name(d("2024-02-18")), std::nullopt);
}

TEST(CalendarWorkingDay, NewYear2023StartsOnDecember31) {
  // 2023 元旦: 2022-12-31 (Saturday) to 2023-01-02, from the 2023 notice.
  EXPECT_TRUE(cn().is_holiday(d("2022-12-31")));
  EXPECT_EQ(cn().holiday_name(d("2022-12-31")), std::optional<std::string_view>("元旦"));
  EXPECT_FALSE(cn().is_working_day(d("2022-12-31")));
  EXPECT_FALSE(cn().is_working_day(d("2023-01-02")));  // Monday
  EXPECT_TRUE(cn().is_working_day(d("2023-01-03")));
  EXPECT_EQ(cn().working_days_between(d("2022-12-30"), d("2023-01-03")), 1);
}

TEST(CalendarWorkingDay, MidAutumnAndNationalDay2023) {
  EXPECT_FALSE(cn().is_working_day(d("2023-09-29")));  // Friday, 中秋节
  EXPECT_FALSE(cn().is_working_day(d("2023-10-06")));  // Friday, 国庆节
  EXPECT_TRUE(cn().is_working_day(d("2023-10-07")));   // Saturday, 调休上班
  EXPECT_TRUE(cn().is_working_day(d("2023-10-08")));   // Sunday, 调休上班
  EXPECT_EQ(cn().holiday_name(d("2023-10-01")), std::optional<std::string_view>("中秋节、国庆节"));
}

TEST(CalendarBetween, ContractSignedBeforeNationalDay) {
  // Signed Thursday 2023-09-28, filed Tuesday 2023-10-10. From the day after:
  // 9/29–10/6 holiday, 10/7 (Sat) and 10/8 (Sun) worked, 10/9, 10/10: 4 working days.
  EXPECT_EQ(cn().working_days_between(d("2023-09-28"), d("2023-10-10")), 4);
  EXPECT_EQ(cn().working_days_between(d("2023-09-28"), d("2023-10-06")), 0);
  EXPECT_EQ(cn().working_days_between(d("2023-09-28"), d("2023-10-07")), 1);
}

TEST(CalendarBetween, SpringFestival2024) {
  // 2/3 Sat no, 2/4 Sun yes, 2/5–2/9 yes (5), 2/10–2/17 no, 2/18 Sun yes, 2/19 Mon yes: 8.
  EXPECT_EQ(cn().working_days_between(d("2024-02-02"), d("2024-02-19")), 8);
}

TEST(CalendarBetween, SameDayAndReversed) {
  EXPECT_EQ(cn().working_days_between(d("2023-06-30"), d("2023-06-30")), 0);
  EXPECT_EQ(cn().working_days_between(d("2023-10-10"), d("2023-09-28")), -4);
  // Thursday to the next Monday: Friday and Monday.
  EXPECT_EQ(cn().working_days_between(d("2023-06-01"), d("2023-06-05")), 2);
}

TEST(CalendarBetween, WholeYears) {
  // 261 weekdays each year, less the holidays on weekdays, plus the worked weekend days.
  EXPECT_EQ(cn().working_days_between(d("2020-12-31"), d("2021-12-31")), 250);  // 261 − 18 + 7
  EXPECT_EQ(cn().working_days_between(d("2021-12-31"), d("2022-12-31")), 249);  // 260 − 18 + 7
  EXPECT_EQ(cn().working_days_between(d("2022-12-31"), d("2023-12-31")), 249);  // 260 − 18 + 7
  EXPECT_EQ(cn().working_days_between(d("2023-12-31"), d("2024-12-31")), 251);  // 262 − 19 + 8
  EXPECT_EQ(cn().working_days_between(d("2024-12-31"), d("2025-12-31")), 248);  // 261 − 18 + 5
  EXPECT_EQ(cn().working_days_between(d("2025-12-31"), d("2026-12-31")), 248);  // 261 − 19 + 6
}

// 2026, from 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025): every day
// off, every worked weekend day, and two filing deadlines counted by hand.
TEST(Calendar2026, EveryHolidayIsOff) {
  const std::vector<std::pair<const char*, const char*>> holidays{
      {"2026-01-01", "2026-01-03"}, {"2026-02-15", "2026-02-23"}, {"2026-04-04", "2026-04-06"},
      {"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"}, {"2026-09-25", "2026-09-27"},
      {"2026-10-01", "2026-10-07"}};
  int days = 0;
  for (const auto& [from, to] : holidays) {
    for (Date day = d(from); !(d(to) < day); day = day.plus_days(1)) {
      EXPECT_TRUE(cn().is_holiday(day)) << day.to_string();
      EXPECT_FALSE(cn().is_working_day(day)) << day.to_string();
      ++days;
    }
  }
  EXPECT_EQ(days, 33);
  EXPECT_EQ(cn().holiday_name(d("2026-02-17")), std::optional<std::string_view>("春节"));
  EXPECT_EQ(cn().holiday_name(d("2026-09-26")), std::optional<std::string_view>("中秋节"));
  EXPECT_EQ(cn().holiday_name(d("2026-10-07")), std::optional<std::string_view>("国庆节"));
  // The days around them are ordinary.
  EXPECT_TRUE(cn().is_working_day(d("2026-02-13")));
  EXPECT_TRUE(cn().is_working_day(d("2026-02-24")));
  EXPECT_TRUE(cn().is_working_day(d("2026-10-08")));
  EXPECT_FALSE(cn().is_working_day(d("2026-10-11")));  // Sunday after the worked Saturday
}

TEST(Calendar2026, EveryWorkedWeekendDay) {
  for (const char* day :
       {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"}) {
    EXPECT_TRUE(cn().is_working_day(d(day))) << day;
    EXPECT_FALSE(cn().is_holiday(d(day))) << day;
  }
  EXPECT_FALSE(cn().is_working_day(d("2026-09-19")));  // the Saturday before the worked Sunday
}

TEST(Calendar2026, FilingDeadlines) {
  // Signed Fri 2/13; Sat 2/14 is worked (1), 2/15–2/23 off, 2/24, 2/25, 2/26 (2, 3, 4).
  EXPECT_EQ(cn().working_days_between(d("2026-02-13"), d("2026-02-26")), 4);
  // Signed Fri 9/18; Sun 9/20 is worked (1), 9/21–9/24 (2–5), 9/25–9/27 off, 9/28, 9/29 (6, 7).
  EXPECT_EQ(cn().working_days_between(d("2026-09-18"), d("2026-09-29")), 7);
  // A contract signed in late December 2025 is filed in January 2026: 12/31, 1/4 (Sun, worked), 1/5.
  EXPECT_EQ(cn().working_days_between(d("2025-12-30"), d("2026-01-05")), 3);
  EXPECT_EQ(cn().add_working_days(d("2026-09-30"), 1), d("2026-10-08"));
  EXPECT_EQ(cn().add_working_days(d("2026-10-09"), 1), d("2026-10-10"));
}

TEST(CalendarAdd, FilingDeadline) {
  // 7 working days after signing on 2023-09-28: 10/7, 10/8, 10/9, 10/10, 10/11, 10/12, 10/13.
  EXPECT_EQ(cn().add_working_days(d("2023-09-28"), 7), d("2023-10-13"));
  EXPECT_EQ(cn().add_working_days(d("2023-09-28"), 1), d("2023-10-07"));
  EXPECT_EQ(cn().add_working_days(d("2023-09-28"), 0), d("2023-09-28"));
}

TEST(CalendarAdd, AcrossSpringFestival2024) {
  EXPECT_EQ(cn().add_working_days(d("2024-02-08"), 1), d("2024-02-09"));
  EXPECT_EQ(cn().add_working_days(d("2024-02-09"), 1), d("2024-02-18"));
  EXPECT_EQ(cn().add_working_days(d("2024-02-09"), 2), d("2024-02-19"));
  EXPECT_EQ(cn().add_working_days(d("2024-02-03"), 1), d("2024-02-04"));
}

TEST(CalendarAdd, Backwards) {
  EXPECT_EQ(cn().add_working_days(d("2023-10-09"), -1), d("2023-10-08"));
  EXPECT_EQ(cn().add_working_days(d("2023-10-07"), -1), d("2023-09-28"));
  EXPECT_EQ(cn().add_working_days(d("2024-02-19"), -2), d("2024-02-09"));
}

TEST(CalendarAdd, RoundTripsWithBetween) {
  for (int n = 1; n <= 300; n += 7) {
    const Date start = d("2022-11-15");
    EXPECT_EQ(cn().working_days_between(start, cn().add_working_days(start, n)), n) << n;
  }
}

TEST(CalendarCoverage, DatesOutsideTheFileAreErrors) {
  try {
    (void)cn().is_working_day(d("2027-01-05"));
    FAIL() << "no error";
  } catch (const CalendarError& e) {
    EXPECT_STREQ(e.what(), "no holiday calendar for 2027 (date 2027-01-05): cn-mainland covers 2021–2026");
  }
  EXPECT_THROW((void)cn().working_days_between(d("2026-12-30"), d("2027-01-02")), CalendarError);
  EXPECT_THROW((void)cn().is_working_day(d("2020-12-31")), CalendarError);
  EXPECT_THROW((void)cn().add_working_days(d("2026-12-30"), 5), CalendarError);
  EXPECT_THROW((void)cn().add_working_days(d("2021-01-05"), -5), CalendarError);
  // Only the days counted must be covered: 2020-12-31 itself is not counted.
  EXPECT_EQ(cn().working_days_between(d("2020-12-31"), d("2021-01-04")), 1);
}

// The error names the date the rule gave that lies in the missing year, never
// 1 January of that year (which the rule never wrote).
TEST(CalendarCoverage, TheErrorNamesTheDateThatNeededTheMissingYear) {
  const auto message = [](auto&& f) {
    try {
      f();
    } catch (const CalendarError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  // Signed in December 2026, filed in January 2027: the filing date needs 2027.
  EXPECT_EQ(message([] { (void)cn().working_days_between(d("2026-12-28"), d("2027-01-08")); }),
            "no holiday calendar for 2027 (date 2027-01-08): cn-mainland covers 2021–2026");
  // Counted backwards, the same date is named.
  EXPECT_EQ(message([] { (void)cn().working_days_between(d("2027-01-08"), d("2026-12-28")); }),
            "no holiday calendar for 2027 (date 2027-01-08): cn-mainland covers 2021–2026");
  // A first date before the file: that date.
  EXPECT_EQ(message([] { (void)cn().working_days_between(d("2020-12-30"), d("2021-01-08")); }),
            "no holiday calendar for 2020 (date 2020-12-30): cn-mainland covers 2021–2026");
  // A deadline counted past the file: the count the rule asked for.
  EXPECT_EQ(message([] { (void)cn().add_working_days(d("2026-12-28"), 7); }),
            "no holiday calendar for 2027 (7 working days after 2026-12-28): cn-mainland covers 2021–2026");
  EXPECT_EQ(message([] { (void)cn().add_working_days(d("2026-12-31"), 1); }),
            "no holiday calendar for 2027 (1 working day after 2026-12-31): cn-mainland covers 2021–2026");
  EXPECT_EQ(message([] { (void)cn().add_working_days(d("2021-01-05"), -5); }),
            "no holiday calendar for 2020 (5 working days before 2021-01-05): cn-mainland covers 2021–2026");
}

TEST(CalendarCoverage, AGapYearIsNotGuessed) {
  const Calendar cal = Calendar::parse(R"(name = "gap"
[years.2021]
notice = "a"
holidays = []
[years.2023]
notice = "b"
holidays = []
)",
                                       "gap.toml");
  EXPECT_EQ(cal.years(), (std::vector<int>{2021, 2023}));
  try {
    (void)cal.working_days_between(d("2021-12-30"), d("2023-01-04"));
    FAIL() << "no error";
  } catch (const CalendarError& e) {
    EXPECT_STREQ(
        e.what(),
        "no holiday calendar for 2022 (working days from 2021-12-30 to 2023-01-04): gap covers 2021, 2023");
  }
  EXPECT_THROW((void)cal.add_working_days(d("2021-12-30"), 5), CalendarError);
}

TEST(CalendarCoverage, DecemberDateOfTheNextNoticeOutsideTheFile) {
  // The 2023 notice lists 2022-12-31, but a file covering only 2023 does not cover 2022.
  const Calendar cal = Calendar::parse(minimal, "cal.toml");
  EXPECT_THROW((void)cal.is_working_day(d("2022-12-31")), CalendarError);
  EXPECT_FALSE(cal.is_working_day(d("2023-01-02")));
  EXPECT_TRUE(cal.is_working_day(d("2023-01-28")));
}

TEST(CalendarFileErrors, SyntaxErrorHasLineAndColumn) {
  EXPECT_EQ(error_of("name = \"t\"\nyears = [\n"),
            "cal.toml:2:11: Error while parsing array: encountered end-of-file");
}

TEST(CalendarFileErrors, MissingAndUnknownKeys) {
  EXPECT_EQ(error_of("name = \"t\"\n"),
            "cal.toml:1:1: missing table [years.YYYY]: one table per calendar year, e.g. [years.2023]");
  EXPECT_EQ(error_of("nam = \"t\"\n"),
            "cal.toml:1:7: unknown key \"nam\" in the calendar file (expected: name, description, years)");
  EXPECT_EQ(error_of("name = \"t\"\n[years.2023]\nholidays = []\n"), "cal.toml:2:1: missing \"notice\"");
  EXPECT_EQ(error_of("name = \"t\"\n[years.2023]\nnotice = \"n\"\nholiday = []\n"),
            "cal.toml:4:11: unknown key \"holiday\" in [years.2023] (expected: notice, holidays, "
            "adjusted_working_days)");
  EXPECT_EQ(error_of("name = \"t\"\n[years.23]\nnotice = \"n\"\nholidays = []\n"),
            "cal.toml:2:1: year key \"23\" must be a four-digit year, as in [years.2023]");
}

TEST(CalendarFileErrors, BadDates) {
  EXPECT_EQ(error_of("name = \"t\"\n[years.2023]\nnotice = \"n\"\nholidays = [ { name = \"x\", from = "
                     "\"2023-01-01\" } ]\n"),
            "cal.toml:4:35: \"from\" must be a TOML date without quotes, like 2023-10-01");
  EXPECT_EQ(
      error_of("name = \"t\"\n[years.2023]\nnotice = \"n\"\nholidays = []\nadjusted_working_days = "
               "[2023-01-30]\n"),
      "cal.toml:5:26: adjusted working day 2023-01-30 is a weekday; only a Saturday or Sunday can be one");
  EXPECT_EQ(error_of("name = \"t\"\n[years.2023]\nnotice = \"n\"\nholidays = [ { name = \"x\", from = "
                     "2023-05-03, to = 2023-05-01 } ]\n"),
            "cal.toml:4:52: holiday \"x\" ends (2023-05-01) before it starts (2023-05-03)");
  EXPECT_EQ(
      error_of(
          "name = \"t\"\n[years.2023]\nnotice = \"n\"\nholidays = [ { name = \"x\", from = 2021-05-01 } ]\n"),
      "cal.toml:4:35: 2021-05-01 is listed for 2023 but lies outside 2022-12 … 2024-01");
}

TEST(CalendarFileErrors, Conflicts) {
  EXPECT_EQ(
      error_of(
          "name = \"t\"\n[years.2023]\nnotice = \"n\"\nholidays = [ { name = \"x\", from = 2023-01-28 } ]\n"
          "adjusted_working_days = [2023-01-28]\n"),
      "cal.toml:5:26: 2023-01-28 is both a holiday and an adjusted working day");
  EXPECT_EQ(
      error_of("name = \"t\"\n[years.2023]\nnotice = \"n\"\nholidays = [ { name = \"x\", from = 2023-01-02 },"
               " { name = \"y\", from = 2023-01-01, to = 2023-01-03 } ]\n"),
      "cal.toml:4:49: 2023-01-02 is listed as a holiday twice");
}

TEST(CalendarFileErrors, MissingFile) {
  try {
    (void)Calendar::load("/nonexistent/cal.toml");
    FAIL() << "no error";
  } catch (const CalendarError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/cal.toml: cannot open the calendar file: No such file or directory");
  }
  try {
    (void)Calendar::load(jx::test::source_path("/rules/calendars"));
    FAIL() << "no error";
  } catch (const CalendarError& e) {
    EXPECT_EQ(std::string(e.what()),
              jx::test::source_path("/rules/calendars: cannot read the calendar file: Is a directory"));
  }
}

}  // namespace
