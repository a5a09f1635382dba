#include "data/date.hpp"

#include <fmt/format.h>
#include <stdexcept>

namespace jx {

std::optional<Date> Date::parse(std::string_view text) {
  // Exactly YYYY-MM-DD: ten characters, digits at fixed places.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f) {
    for (int i = 0; i < lengths[f]; ++i) {
      const char c = text[static_cast<std::size_t>(starts[f] + i)];
      if (c < '0' || c > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (c - '0');
    }
  }
  const std::chrono::year_month_day ymd{std::chrono::year{fields[0]},
                                        std::chrono::month{static_cast<unsigned>(fields[1])},
                                        std::chrono::day{static_cast<unsigned>(fields[2])}};
  if (!ymd.ok()) return std::nullopt;
  return Date(std::chrono::sys_days{ymd});
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
