#include "calendar/calendar.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace jx {

std::vector<int> Calendar::years() const {
  std::vector<int> out;
  for (std::size_t i = 0; i < covered_.size(); ++i) {
    if (covered_[i]) out.push_back(first_year_ + static_cast<int>(i));
  }
  return out;
}

bool Calendar::covers(int year) const {
  if (year < first_year_) return false;
  const auto i = static_cast<std::size_t>(year - first_year_);
  return i < covered_.size() && covered_[i];
}

std::string Calendar::coverage_text() const {
  const std::vector<int> ys = years();
  if (ys.empty()) return "no years";
  if (ys.back() - ys.front() + 1 == static_cast<int>(ys.size())) {
    return ys.size() == 1 ? fmt::format("{}", ys.front()) : fmt::format("{}–{}", ys.front(), ys.back());
  }
  return fmt::format("{}", fmt::join(ys, ", "));
}

CalendarError Calendar::uncovered(int year, const std::string& needed) const {
  return CalendarError(
      fmt::format("no holiday calendar for {} ({}): {} covers {}", year, needed, name_, coverage_text()));
}

std::size_t Calendar::index(Date d) const {
  if (!covers(d.year())) throw uncovered(d.year(), "date " + d.to_string());
  // Jan 1 of first_year_ is day 0; covered years are inside days_ by construction.
  return static_cast<std::size_t>(d.days_since(Date::from_ymd(first_year_, 1, 1)));
}

bool Calendar::is_working_day(Date d) const {
  const DayKind kind = days_[index(d)].kind;
  return kind == DayKind::working || kind == DayKind::adjusted_working;
}

bool Calendar::is_holiday(Date d) const { return days_[index(d)].kind == DayKind::holiday; }

std::optional<std::string_view> Calendar::holiday_name(Date d) const {
  const Day& day = days_[index(d)];
  if (day.kind != DayKind::holiday) return std::nullopt;
  return holiday_names_[day.holiday];
}

std::int32_t Calendar::working_days_between(Date from, Date to) const {
  if (to == from) return 0;
  if (to < from) return -working_days_between(to, from);
  const Date first = from.plus_days(1);
  // Every year the count passes through must be covered, not only its ends.
  // The error names the rule's own date in that year, not a day it never wrote.
  for (int y = first.year(); y <= to.year(); ++y) {
    if (covers(y)) continue;
    if (y == to.year()) throw uncovered(y, "date " + to.to_string());
    if (y == from.year()) throw uncovered(y, "date " + from.to_string());
    throw uncovered(y, fmt::format("working days from {} to {}", from.to_string(), to.to_string()));
  }
  const std::size_t a = index(first);
  const std::size_t b = index(to);
  return working_[b + 1] - working_[a];
}

Date Calendar::add_working_days(Date d, std::int32_t n) const {
  if (n == 0) return d;
  // Whatever year is missing, the error names the count the rule asked for.
  const auto check = [&](int year) {
    if (covers(year)) return;
    const std::int32_t count = n > 0 ? n : -n;
    throw uncovered(year, fmt::format("{} working day{} {} {}", count, count == 1 ? "" : "s",
                                      n > 0 ? "after" : "before", d.to_string()));
  };
  std::size_t found = 0;
  if (n > 0) {
    // The first day t after d with n working days in (d, t]: working_[t + 1] == working_[start] + n.
    check(d.plus_days(1).year());
    const std::size_t start = index(d.plus_days(1));
    const std::int32_t target = working_[start] + n;
    const auto it =
        std::lower_bound(working_.begin() + static_cast<std::ptrdiff_t>(start), working_.end(), target);
    if (it == working_.end()) check(first_year_ + static_cast<int>(covered_.size()));
    found = static_cast<std::size_t>(it - working_.begin()) - 1;
  } else {
    // The working day k before d with -n working days in [k, d): working_[k] == working_[end] + n.
    check(d.plus_days(-1).year());
    const std::size_t end = index(d.plus_days(-1)) + 1;
    const std::int32_t target = working_[end] + n;
    if (target < 0) check(first_year_ - 1);
    const auto it =
        std::lower_bound(working_.begin(), working_.begin() + static_cast<std::ptrdiff_t>(end), target + 1);
    found = static_cast<std::size_t>(it - working_.begin()) - 1;
  }
  const Date result = Date::from_ymd(first_year_, 1, 1).plus_days(static_cast<std::int32_t>(found));
  // The search may have run through a year the file does not cover.
  const Date lo = std::min(result, d);
  const Date hi = std::max(result, d);
  for (int y = lo.year(); y <= hi.year(); ++y) {
    if (y != d.year()) check(y);
  }
  return result;
}

}  // namespace jx
