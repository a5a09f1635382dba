// ctx.calendar: the rule set's jx::Calendar, read-only, for deadlines counted
// in working days (工作日). A date the calendar does not cover is an error.
#include <algorithm>
#include <cstdint>
#include <string>

#include "sandbox/runtime.hpp"
#include "sandbox/stack_guard.hpp"
#include "sandbox/trampoline.hpp"

namespace jx::sandbox::detail {

namespace {

struct CalendarBox {
  const Calendar* calendar;
  std::uint32_t generation;  // the run it belongs to: the Calendar may not outlive it
};

const Calendar& check_calendar(lua_State* L) {
  const Runtime& rt = runtime(L);
  if (!has_metatable(L, 1, rt.mt.calendar)) {
    raise_error(L,
                "expected the calendar as the first argument (call it as ctx.calendar:method(...)), got %s",
                type_name(L, 1));
  }
  const auto* box = static_cast<const CalendarBox*>(lua_touserdata(L, 1));
  if (box->generation != rt.generation || rt.run == nullptr) {
    raise_error(L, "the calendar can only be used during the rule run that received it");
  }
  return *box->calendar;
}

int is_working_day(lua_State* L) {
  const Calendar& cal = check_calendar(L);
  lua_pushboolean(L, cal.is_working_day(check_date(L, 2, "is_working_day")));
  return 1;
}

int is_holiday(lua_State* L) {
  const Calendar& cal = check_calendar(L);
  lua_pushboolean(L, cal.is_holiday(check_date(L, 2, "is_holiday")));
  return 1;
}

int holiday_name(lua_State* L) {
  const Calendar& cal = check_calendar(L);
  const auto name = cal.holiday_name(check_date(L, 2, "holiday_name"));
  if (name) {
    lua_pushlstring(L, name->data(), name->size());
  } else {
    lua_pushnil(L);
  }
  return 1;
}

int working_days_between(lua_State* L) {
  const Calendar& cal = check_calendar(L);
  lua_pushinteger(L, cal.working_days_between(check_date(L, 2, "working_days_between"),
                                              check_date(L, 3, "working_days_between")));
  return 1;
}

// The length of a column argument: its field n when it is an integer (as
// list:column and table.pack set it), else its border (#).
lua_Integer column_length(lua_State* L, int index) {
  lua_Integer n = 0;
  lua_pushliteral(L, "n");
  if (lua_rawget(L, index) == LUA_TNUMBER && lua_isinteger(L, -1) != 0) {
    n = lua_tointeger(L, -1);
  } else {
    n = static_cast<lua_Integer>(lua_rawlen(L, index));
  }
  lua_pop(L, 1);
  return n;
}

// The date at column[i], or null when there is none; anything else is an error.
const Date* column_date(lua_State* L, int column, lua_Integer i, const char* which) {
  if (lua_rawgeti(L, column, i) == LUA_TNIL) {
    lua_pop(L, 1);
    return nullptr;
  }
  const Date* d = to_date(L, -1);
  if (d == nullptr) {
    raise_error(L, "working_days_between_columns: item %I of the %s column is a %s, expected a date or nil",
                i, which, type_name(L, -1));
  }
  lua_pop(L, 1);  // the date stays alive: the column holds it
  return d;
}

// calendar:working_days_between_columns(from, to): [cal, from, to] -> [counts],
// counts[i] = working_days_between(from[i], to[i]) wherever both are dates (nil
// elsewhere), counts.n = the longer column's length. The columns are plain
// tables, read raw (list:column gives them). One C call instead of one per pair.
int working_days_between_columns(lua_State* L) {
  const Calendar& cal = check_calendar(L);
  luaL_checktype(L, 2, LUA_TTABLE);
  luaL_checktype(L, 3, LUA_TTABLE);
  const lua_Integer n = std::max(column_length(L, 2), column_length(L, 3));
  if (n < 0 || n > INT32_MAX)
    return raise_error(L, "working_days_between_columns: n = %I is not the length of a column", n);
  charge_instructions(L, kInstructionsPerElement * (static_cast<std::uint64_t>(n) + 1));
  lua_createtable(L, static_cast<int>(n), 1);
  const int counts = lua_gettop(L);
  for (lua_Integer i = 1; i <= n; ++i) {
    const Date* from = column_date(L, 2, i, "first");
    const Date* to = column_date(L, 3, i, "second");
    if (from == nullptr || to == nullptr) continue;
    lua_pushinteger(L, cal.working_days_between(*from, *to));
    lua_rawseti(L, counts, i);
  }
  lua_pushinteger(L, n);
  lua_setfield(L, counts, "n");
  return 1;
}

int add_working_days(lua_State* L) {
  const Calendar& cal = check_calendar(L);
  const Date d = check_date(L, 2, "add_working_days");
  const lua_Integer n = check_integer(L, 3, "the number of working days");
  if (n < -100'000 || n > 100'000) return raise_error(L, "add_working_days: %I working days is too far", n);
  push_date(L, cal.add_working_days(d, static_cast<std::int32_t>(n)));
  return 1;
}

// covers(d) or covers(2023)
int covers(lua_State* L) {
  const Calendar& cal = check_calendar(L);
  if (const Date* d = to_date(L, 2)) {
    lua_pushboolean(L, cal.covers(*d));
  } else {
    lua_pushboolean(L, cal.covers(static_cast<int>(check_integer(L, 2, "covers: the year"))));
  }
  return 1;
}

int name(lua_State* L) {
  const Calendar& cal = check_calendar(L);
  lua_pushlstring(L, cal.name().data(), cal.name().size());
  return 1;
}

int calendar_tostring(lua_State* L) {
  const Calendar& cal = check_calendar(L);
  lua_pushfstring(L, "calendar %s", cal.name().c_str());
  return 1;
}

const luaL_Reg metamethods[] = {
    {"__tostring", trampoline<calendar_tostring>},
    {nullptr, nullptr},
};

const luaL_Reg methods[] = {
    {"is_working_day", trampoline<is_working_day>},
    {"is_holiday", trampoline<is_holiday>},
    {"holiday_name", trampoline<holiday_name>},
    {"working_days_between", trampoline<working_days_between>},
    {"working_days_between_columns", trampoline<working_days_between_columns>},
    {"add_working_days", trampoline<add_working_days>},
    {"covers", trampoline<covers>},
    {"name", trampoline<name>},
    {nullptr, nullptr},
};

}  // namespace

void push_calendar(lua_State* L, const Calendar* calendar) {
  JX_STACK_GUARD(L, 1);
  if (calendar == nullptr) {
    lua_pushnil(L);
    return;
  }
  Runtime& rt = runtime(L);
  auto* box = static_cast<CalendarBox*>(lua_newuserdatauv(L, sizeof(CalendarBox), 0));
  *box = CalendarBox{calendar, rt.generation};
  lua_rawgeti(L, LUA_REGISTRYINDEX, rt.mt.calendar_ref);
  lua_setmetatable(L, -2);
}

void open_calendar(lua_State* L, Runtime& rt) {
  JX_STACK_GUARD(L, 0);
  new_metatable(L, "calendar", metamethods, methods, &rt.mt.calendar, &rt.mt.calendar_ref);  // [methods]
  lua_pop(L, 1);
}

}  // namespace jx::sandbox::detail
