// ctx.calendar: the rule set's jx::Calendar, read-only, for deadlines counted
// in working days (工作日). A date the calendar does not cover is an error.
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
