// The `date` type: jx::Date as a Lua userdata. a - b is a number of days,
// d + n moves by n days, dates compare, and :year() … :weekday() read parts.
#include <new>
#include <string>

#include "sandbox/runtime.hpp"
#include "sandbox/stack_guard.hpp"
#include "sandbox/trampoline.hpp"

namespace jx::sandbox::detail {

namespace {

struct DateBox {
  Date value;
  Origin origin;
};

DateBox* to_box(lua_State* L, int index) {
  if (!has_metatable(L, index, runtime(L).mt.date)) return nullptr;
  return static_cast<DateBox*>(lua_touserdata(L, index));
}

// Days to move by: an integer, or a dec with an integral value (params arrive as decs).
std::int32_t check_days(lua_State* L, int index) {
  const lua_Integer n = check_integer(L, index, "a number of days");
  if (n < -1'000'000 || n > 1'000'000) return raise_error(L, "%I days is too far to move a date", n);
  return static_cast<std::int32_t>(n);
}

Date moved(lua_State* L, Date d, std::int32_t days) {
  const Date result = d.plus_days(days);
  if (result.year() < 1 || result.year() > 9999) raise_error(L, "date arithmetic left the years 1..9999");
  return result;
}

// date + n and n + date
int date_add(lua_State* L) {
  if (const DateBox* a = to_box(L, 1)) {
    if (to_box(L, 2) != nullptr)
      return raise_error(L, "cannot add two dates (subtract them for the days between)");
    push_date(L, moved(L, a->value, check_days(L, 2)));
    return 1;
  }
  push_date(L, moved(L, check_date(L, 2, "date +"), check_days(L, 1)));
  return 1;
}

// date - date → days (an integer); date - n → date
int date_sub(lua_State* L) {
  const Date a = check_date(L, 1, "date -");
  if (const DateBox* b = to_box(L, 2)) {
    lua_pushinteger(L, a.days_since(b->value));
    return 1;
  }
  push_date(L, moved(L, a, -check_days(L, 2)));
  return 1;
}

int date_eq(lua_State* L) {
  const DateBox* a = to_box(L, 1);
  const DateBox* b = to_box(L, 2);
  lua_pushboolean(L, a != nullptr && b != nullptr && a->value == b->value);
  return 1;
}

Date compared(lua_State* L, int index) {
  const DateBox* box = to_box(L, index);
  if (box == nullptr) raise_error(L, "attempt to compare a date with a %s value", type_name(L, index));
  return box->value;
}
int date_lt(lua_State* L) {
  lua_pushboolean(L, compared(L, 1) < compared(L, 2));
  return 1;
}
int date_le(lua_State* L) {
  lua_pushboolean(L, compared(L, 1) <= compared(L, 2));
  return 1;
}

int date_tostring(lua_State* L) {
  const std::string text = check_date(L, 1, "tostring").to_string();
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

void push_text(lua_State* L, int index) {
  const int type = lua_type(L, index);
  if (type == LUA_TSTRING || type == LUA_TNUMBER || to_box(L, index) != nullptr ||
      to_dec(L, index) != nullptr) {
    luaL_tolstring(L, index, nullptr);
  } else {
    raise_error(L, "attempt to concatenate a %s value", type_name(L, index));
  }
}
int date_concat(lua_State* L) {
  push_text(L, 1);
  push_text(L, 2);
  lua_concat(L, 2);
  return 1;
}

// date("2023-06-30") or date(2023, 6, 30), through the library's __call: [library, …]
int date_call(lua_State* L) {
  if (to_box(L, 2) != nullptr) {
    lua_settop(L, 2);
    return 1;
  }
  if (lua_type(L, 2) == LUA_TSTRING) {
    std::size_t size = 0;
    const char* text = lua_tolstring(L, 2, &size);
    const auto d = Date::parse(std::string_view(text, size));
    if (!d)
      return raise_error(L, "date(): \"%s\" is not a date (expected YYYY-MM-DD, a day that exists)", text);
    push_date(L, *d);
    return 1;
  }
  if (lua_gettop(L) == 4) {
    const lua_Integer y = check_integer(L, 2, "the year");
    const lua_Integer m = check_integer(L, 3, "the month");
    const lua_Integer d = check_integer(L, 4, "the day");
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
      return raise_error(L, "date(%I, %I, %I) is not a date", y, m, d);
    }
    try {
      push_date(L, Date::from_ymd(static_cast<int>(y), static_cast<unsigned>(m), static_cast<unsigned>(d)));
    } catch (const std::invalid_argument&) {
      return raise_error(L, "date(%I, %I, %I) is not a date", y, m, d);
    }
    return 1;
  }
  return raise_error(L, "date() needs \"YYYY-MM-DD\" or (year, month, day), got %s", type_name(L, 2));
}

int date_year(lua_State* L) {
  lua_pushinteger(L, check_date(L, 1, "year").year());
  return 1;
}
int date_month(lua_State* L) {
  lua_pushinteger(L, check_date(L, 1, "month").month());
  return 1;
}
int date_day(lua_State* L) {
  lua_pushinteger(L, check_date(L, 1, "day").day());
  return 1;
}
int date_weekday(lua_State* L) {
  lua_pushinteger(L, check_date(L, 1, "weekday").iso_weekday());
  return 1;
}
int date_is(lua_State* L) {
  lua_pushboolean(L, to_box(L, 1) != nullptr);
  return 1;
}

const luaL_Reg metamethods[] = {
    {"__add", trampoline<date_add>},       {"__sub", trampoline<date_sub>},
    {"__eq", trampoline<date_eq>},         {"__lt", trampoline<date_lt>},
    {"__le", trampoline<date_le>},         {"__tostring", trampoline<date_tostring>},
    {"__concat", trampoline<date_concat>}, {nullptr, nullptr},
};

const luaL_Reg methods[] = {
    {"year", trampoline<date_year>},
    {"month", trampoline<date_month>},
    {"day", trampoline<date_day>},
    {"weekday", trampoline<date_weekday>},
    {"tostring", trampoline<date_tostring>},
    {"is", trampoline<date_is>},
    {nullptr, nullptr},
};

}  // namespace

void push_date(lua_State* L, Date value, Origin origin) {
  JX_STACK_GUARD(L, 1);
  // A Date is trivially destructible: no __gc needed.
  void* block = lua_newuserdatauv(L, sizeof(DateBox), 0);
  new (block) DateBox{value, origin};
  lua_rawgeti(L, LUA_REGISTRYINDEX, runtime(L).mt.date_ref);
  lua_setmetatable(L, -2);
}

const Date* to_date(lua_State* L, int index, Origin* origin) {
  const DateBox* box = to_box(L, index);
  if (box == nullptr) return nullptr;
  if (origin != nullptr) *origin = box->origin;
  return &box->value;
}

Date check_date(lua_State* L, int index, const char* what) {
  if (const DateBox* box = to_box(L, index)) return box->value;
  raise_error(L, "%s: expected a date, got %s", what, type_name(L, index));
  std::terminate();
}

void open_date(lua_State* L, Runtime& rt) {
  JX_STACK_GUARD(L, 1);
  new_metatable(L, "date", metamethods, methods, &rt.mt.date, &rt.mt.date_ref);  // [methods]
  make_read_only(L, "date", trampoline<date_call>);                              // [date library]
}

}  // namespace jx::sandbox::detail
