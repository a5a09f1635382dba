#include "values/date.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace jx {

namespace {

constexpr bool is_leap(int year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

constexpr unsigned days_in_month(int year, unsigned month) {
  constexpr unsigned days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// Days since 1970-01-01 of a valid proleptic Gregorian date (H. Hinnant's
// days_from_civil, the algorithm behind std::chrono::sys_days), without
// chrono's general conversions: every date of a department passes through here.
constexpr std::int32_t days_from_civil(int year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int32_t>(day_of_era) - 719468;
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);
static_assert(days_from_civil(2023, 12, 31) == 19722);

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  // Exactly YYYY-MM-DD: ten characters, digits at fixed places.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  unsigned digits[10] = {};
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    digits[i] = static_cast<unsigned>(static_cast<unsigned char>(text[i])) - '0';
    if (digits[i] > 9) return std::nullopt;
  }
  const auto year = static_cast<int>(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]);
  const unsigned month = digits[5] * 10 + digits[6];
  const unsigned day = digits[8] * 10 + digits[9];
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date(std::chrono::sys_days{std::chrono::days{days_from_civil(year, month, day)}});
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok())
    throw std::invalid_argument(fmt::format("no such date: {:04}-{:02}-{:02}", year, month, day));
  return Date(std::chrono::sys_days{ymd});
}

std::string Date::to_string() const { return fmt::format("{:04}-{:02}-{:02}", year(), month(), day()); }

}  // namespace jx
