// jx::Date — a calendar date (no time, no zone) stored as a day number, for
// deadlines such as "contract filed within 7 working days of signing".
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jx {

class Date {
 public:
  constexpr Date() = default;  // 1970-01-01
  explicit constexpr Date(std::chrono::sys_days days) : days_(days.time_since_epoch().count()) {}

  // Strict ISO 8601 calendar date "YYYY-MM-DD" that exists (2023-02-30 does not).
  static std::optional<Date> parse(std::string_view text);
  // Throws std::invalid_argument for a date that does not exist.
  static Date from_ymd(int year, unsigned month, unsigned day);

  [[nodiscard]] std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{sys_days()}; }
  [[nodiscard]] constexpr std::chrono::sys_days sys_days() const {
    return std::chrono::sys_days{std::chrono::days{days_}};
  }
  [[nodiscard]] int year() const { return static_cast<int>(ymd().year()); }
  [[nodiscard]] unsigned month() const { return static_cast<unsigned>(ymd().month()); }
  [[nodiscard]] unsigned day() const { return static_cast<unsigned>(ymd().day()); }
  // ISO weekday: 1 = Monday … 7 = Sunday.
  [[nodiscard]] unsigned iso_weekday() const { return std::chrono::weekday{sys_days()}.iso_encoding(); }
  [[nodiscard]] constexpr std::int32_t day_number() const { return days_; }

  [[nodiscard]] constexpr Date plus_days(std::int32_t n) const {
    Date d;
    d.days_ = days_ + n;
    return d;
  }
  // Calendar days from `earlier` to this date (positive when this is later).
  [[nodiscard]] constexpr std::int32_t days_since(Date earlier) const { return days_ - earlier.days_; }

  [[nodiscard]] std::string to_string() const;  // "2023-06-30"

  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  std::int32_t days_ = 0;
};

}  // namespace jx
