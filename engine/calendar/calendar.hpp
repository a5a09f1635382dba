// jx::Calendar — the official working-day calendar (工作日历) that deadline rules
// count with: statutory holidays (法定节假日) and adjusted working weekend days
// (调休上班), loaded from a data file the rule set names (docs/calendar.md),
// never from code. Dates outside the years the file covers are an error: we
// never guess holidays. Uses toml++ for the file and jx::Date.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "values/date.hpp"

namespace jx {

// The one exception type of the calendar library: a bad calendar file
// ("path:line:column: message") or a date the calendar does not cover.
class CalendarError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Calendar {
 public:
  // Loads and validates a calendar file (TOML, format in docs/calendar.md).
  static Calendar load(const std::string& path);
  // The same for text in memory; `name` (usually the path) is used in messages.
  static Calendar parse(std::string_view text, const std::string& name);

  // The calendar's own name, e.g. "cn-mainland".
  [[nodiscard]] const std::string& name() const { return name_; }
  // The calendar years the file covers, ascending (e.g. 2021 … 2025).
  [[nodiscard]] std::vector<int> years() const;
  [[nodiscard]] bool covers(int year) const;
  [[nodiscard]] bool covers(Date d) const { return covers(d.year()); }

  // 工作日: Monday–Friday that is not a statutory holiday, or a weekend day
  // that is an adjusted working day (调休上班). Throws CalendarError outside the covered years.
  [[nodiscard]] bool is_working_day(Date d) const;
  // A statutory holiday (放假), including holiday days that fall on a weekend.
  [[nodiscard]] bool is_holiday(Date d) const;
  // The holiday's name ("春节"), or nullopt on any other day.
  [[nodiscard]] std::optional<std::string_view> holiday_name(Date d) const;

  // Working days counted from the day after `from` through `to` (民法典 art. 201):
  // signed on a Thursday and filed on the next Monday is 2 (Friday, Monday).
  // Zero when to == from; negative (−count from the day after `to` through `from`)
  // when `to` is earlier. Every day counted must be covered: the error names the
  // date in the uncovered year (or both dates, when a whole year between them is missing).
  [[nodiscard]] std::int32_t working_days_between(Date from, Date to) const;
  // The n-th working day after `d` (n > 0), before it (n < 0), or `d` itself (n = 0).
  // For n >= 0, working_days_between(d, add_working_days(d, n)) == n: the last
  // day of a "within 7 working days" deadline is add_working_days(signed, 7).
  [[nodiscard]] Date add_working_days(Date d, std::int32_t n) const;

 private:
  friend class CalendarBuilder;
  enum class DayKind : std::uint8_t { working, weekend, holiday, adjusted_working };
  struct Day {
    DayKind kind = DayKind::working;
    std::uint16_t holiday = 0;  // index into holiday_names_, for DayKind::holiday
  };

  Calendar() = default;
  [[nodiscard]] std::size_t index(Date d) const;  // throws for an uncovered year
  [[nodiscard]] std::string coverage_text() const;
  // The error for a `year` the file does not cover; `needed` names what needed
  // it in the rule's words: "date 2027-01-05", "7 working days after 2026-12-28".
  [[nodiscard]] CalendarError uncovered(int year, const std::string& needed) const;

  std::string name_;
  int first_year_ = 0;                 // days_[0] is Jan 1 of this year
  std::vector<bool> covered_;          // per year from first_year_
  std::vector<Day> days_;              // every day from Jan 1 of first_year_ to Dec 31 of the last year
  std::vector<std::int32_t> working_;  // working_[i] = working days among days_[0, i)
  std::vector<std::string> holiday_names_;
};

}  // namespace jx
