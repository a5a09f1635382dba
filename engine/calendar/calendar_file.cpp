// Reads and validates a calendar file (TOML). The format is in docs/calendar.md;
// every check here exists because a wrong calendar silently moves deadlines.
#include <fmt/format.h>

#include <toml++/toml.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include "calendar/calendar.hpp"

namespace jx {

class CalendarBuilder {
 public:
  explicit CalendarBuilder(std::string name) : file_(std::move(name)) {}

  Calendar build(std::string_view text) {
    toml::table root;
    try {
      root = toml::parse(text, file_);
    } catch (const toml::parse_error& e) {
      const auto& at = e.source().begin;
      throw CalendarError(fmt::format("{}:{}:{}: {}", file_, at.line, at.column, e.description()));
    }
    check_keys(root, {"name", "description", "years"}, "the calendar file");
    Calendar cal;
    cal.name_ = string_field(root, "name", root);
    if (const toml::node* d = root.get("description"); d != nullptr && !d->is_string()) {
      fail(*d, "\"description\" must be a string");
    }
    const toml::node* years_node = root.get("years");
    if (years_node == nullptr || !years_node->is_table()) {
      fail(root, "missing table [years.YYYY]: one table per calendar year, e.g. [years.2023]");
    }
    const toml::table& years = *years_node->as_table();
    if (years.empty()) fail(*years_node, "[years] lists no year");
    for (const auto& [key, node] : years) read_year(key, node);

    const int first = years_.begin()->first;
    const int last = years_.rbegin()->first;
    cal.first_year_ = first;
    cal.covered_.assign(static_cast<std::size_t>(last - first + 1), false);
    for (const auto& [y, unused] : years_) cal.covered_[static_cast<std::size_t>(y - first)] = true;

    const Date start = Date::from_ymd(first, 1, 1);
    const auto count = static_cast<std::size_t>(Date::from_ymd(last + 1, 1, 1).days_since(start));
    cal.days_.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
      const unsigned wd = start.plus_days(static_cast<std::int32_t>(i)).iso_weekday();
      cal.days_[i].kind = wd >= 6 ? Calendar::DayKind::weekend : Calendar::DayKind::working;
    }
    auto in_range = [&](Date d) {
      return d >= start && d.days_since(start) < static_cast<std::int32_t>(count);
    };
    cal.holiday_names_ = holiday_names_;
    for (const auto& [d, name] : holidays_) {
      if (!in_range(d)) continue;  // e.g. Dec 31 of a year before the file's first year
      auto& day = cal.days_[static_cast<std::size_t>(d.days_since(start))];
      day.kind = Calendar::DayKind::holiday;
      day.holiday = name;
    }
    for (const Date d : adjusted_) {
      if (!in_range(d)) continue;
      cal.days_[static_cast<std::size_t>(d.days_since(start))].kind = Calendar::DayKind::adjusted_working;
    }
    cal.working_.assign(count + 1, 0);
    for (std::size_t i = 0; i < count; ++i) {
      const auto k = cal.days_[i].kind;
      const bool working = k == Calendar::DayKind::working || k == Calendar::DayKind::adjusted_working;
      cal.working_[i + 1] = cal.working_[i] + (working ? 1 : 0);
    }
    return cal;
  }

 private:
  [[noreturn]] void fail(const toml::node& at, const std::string& message) const {
    const auto& pos = at.source().begin;
    throw CalendarError(fmt::format("{}:{}:{}: {}", file_, pos.line, pos.column, message));
  }

  void check_keys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                  std::string_view where) const {
    for (const auto& [key, node] : table) {
      bool ok = false;
      for (const auto a : allowed) ok = ok || key.str() == a;
      if (!ok) {
        std::string list;
        for (const auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        fail(node, fmt::format("unknown key \"{}\" in {} (expected: {})", key.str(), where, list));
      }
    }
  }

  std::string string_field(const toml::table& table, std::string_view key, const toml::node& owner) const {
    const toml::node* node = table.get(key);
    if (node == nullptr) fail(owner, fmt::format("missing \"{}\"", key));
    if (!node->is_string() || node->as_string()->get().empty()) {
      fail(*node, fmt::format("\"{}\" must be a non-empty string", key));
    }
    return node->as_string()->get();
  }

  Date date_field(const toml::node& node, std::string_view what) const {
    if (node.is_string()) {
      fail(node, fmt::format("{} must be a TOML date without quotes, like 2023-10-01", what));
    }
    if (!node.is_date()) fail(node, fmt::format("{} must be a date, like 2023-10-01", what));
    const toml::date d = node.as_date()->get();
    return Date::from_ymd(d.year, d.month, d.day);
  }

  // A date listed for year y must lie in y, or close to it (the 2023 notice's
  // 元旦 starts on 2022-12-31): December of y − 1 through January of y + 1.
  void check_near(const toml::node& node, Date d, int year) const {
    if (d < Date::from_ymd(year - 1, 12, 1) || d > Date::from_ymd(year + 1, 1, 31)) {
      fail(node, fmt::format("{} is listed for {} but lies outside {}-12 … {}-01", d.to_string(), year,
                             year - 1, year + 1));
    }
  }

  void read_year(const toml::key& key, const toml::node& node) {
    int year = 0;
    const std::string k(key.str());
    const bool digits = k.size() == 4 && k.find_first_not_of("0123456789") == std::string::npos;
    if (digits) year = std::stoi(k);
    if (!digits || year < 1949 || year > 2200) {
      fail(node, fmt::format("year key \"{}\" must be a four-digit year, as in [years.2023]", k));
    }
    if (!node.is_table()) fail(node, fmt::format("years.{} must be a table", k));
    const toml::table& t = *node.as_table();
    const std::string where = fmt::format("[years.{}]", k);
    check_keys(t, {"notice", "holidays", "adjusted_working_days"}, where);
    (void)string_field(t, "notice", node);
    years_[year] = true;

    const toml::node* hs = t.get("holidays");
    if (hs == nullptr || !hs->is_array()) {
      fail(node, fmt::format("{} needs holidays = [ {{ name = \"…\", from = …, to = … }}, … ]", where));
    }
    for (const toml::node& h : *hs->as_array()) read_holiday(h, year, where);

    const toml::node* ws = t.get("adjusted_working_days");
    if (ws == nullptr) return;  // a year may have no 调休上班 day at all
    if (!ws->is_array()) fail(*ws, "adjusted_working_days must be an array of dates");
    for (const toml::node& w : *ws->as_array()) {
      const Date d = date_field(w, "an adjusted working day");
      check_near(w, d, year);
      if (d.iso_weekday() < 6) {
        fail(w, fmt::format("adjusted working day {} is a weekday; only a Saturday or Sunday can be one",
                            d.to_string()));
      }
      if (holidays_.count(d) != 0) {
        fail(w, fmt::format("{} is both a holiday and an adjusted working day", d.to_string()));
      }
      if (!adjusted_.insert(d).second)
        fail(w, fmt::format("adjusted working day {} is listed twice", d.to_string()));
    }
  }

  void read_holiday(const toml::node& node, int year, const std::string& where) {
    if (!node.is_table())
      fail(node, fmt::format("each holiday in {} must be {{ name = …, from = …, to = … }}", where));
    const toml::table& h = *node.as_table();
    check_keys(h, {"name", "from", "to"}, "a holiday");
    const std::string name = string_field(h, "name", node);
    const toml::node* from_node = h.get("from");
    if (from_node == nullptr) fail(node, fmt::format("holiday \"{}\" has no \"from\" date", name));
    const Date from = date_field(*from_node, "\"from\"");
    const toml::node* to_node = h.get("to");
    const Date to = to_node == nullptr ? from : date_field(*to_node, "\"to\"");
    const toml::node& end = to_node == nullptr ? *from_node : *to_node;
    check_near(*from_node, from, year);
    check_near(end, to, year);
    if (to < from)
      fail(end, fmt::format("holiday \"{}\" ends ({}) before it starts ({})", name, to.to_string(),
                            from.to_string()));
    if (to.days_since(from) > 15) {
      fail(end, fmt::format("holiday \"{}\" lasts {} days; no statutory holiday is that long", name,
                            to.days_since(from) + 1));
    }
    const auto index = static_cast<std::uint16_t>(holiday_names_.size());
    holiday_names_.push_back(name);
    for (Date d = from; d <= to; d = d.plus_days(1)) {
      if (adjusted_.count(d) != 0) {
        fail(node, fmt::format("{} is both a holiday and an adjusted working day", d.to_string()));
      }
      if (!holidays_.emplace(d, index).second) {
        fail(node, fmt::format("{} is listed as a holiday twice", d.to_string()));
      }
    }
  }

  std::string file_;
  std::map<int, bool> years_;
  std::map<Date, std::uint16_t> holidays_;
  std::set<Date> adjusted_;
  std::vector<std::string> holiday_names_;
};

Calendar Calendar::parse(std::string_view text, const std::string& name) {
  return CalendarBuilder(name).build(text);
}

Calendar Calendar::load(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    throw CalendarError(fmt::format("{}: cannot open the calendar file: {}", path, std::strerror(errno)));
  }
  std::string text;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  const int error = std::ferror(file) != 0 ? errno : 0;
  std::fclose(file);
  if (error != 0) {
    throw CalendarError(fmt::format("{}: cannot read the calendar file: {}", path, std::strerror(error)));
  }
  return parse(text, path);
}

}  // namespace jx
