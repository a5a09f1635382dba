// Protected calls from C++ into Lua, with a message handler that records
// where the error struck (the innermost rule or lib line) and a traceback for
// the log — Neovim's nlua_pcall, in spirit.
#include <string>

#include "sandbox/runtime.hpp"
#include "sandbox/trampoline.hpp"

namespace jx::sandbox::detail {

std::string lua_location(lua_State* L, int level) {
  lua_Debug ar;
  for (int i = level; lua_getstack(L, i, &ar) != 0; ++i) {
    if (lua_getinfo(L, "Sl", &ar) == 0) continue;
    if (ar.currentline > 0 && ar.source[0] == '@')
      return std::string(ar.source + 1) + ":" + std::to_string(ar.currentline);
  }
  return {};
}

namespace {

// [error] -> [message]
int message_handler(lua_State* L) {
  Runtime& rt = runtime(L);
  if (rt.stop != Stop::none) return 1;  // the message comes from the stop itself (engine.cpp)
  if (lua_type(L, 1) != LUA_TSTRING) {
    // error() with a table (or anything else): say what it was, without
    // running its __tostring or reading its fields, which could be rule code
    // or fail again; a number is written out by the host, not by tostring.
    switch (lua_type(L, 1)) {
      case LUA_TNUMBER:
        if (lua_isinteger(L, 1) != 0) {
          lua_pushfstring(L, "%I", static_cast<LUAI_UACINT>(lua_tointeger(L, 1)));
        } else {
          lua_pushfstring(L, "%f", static_cast<LUAI_UACNUMBER>(lua_tonumber(L, 1)));
        }
        break;
      case LUA_TBOOLEAN: lua_pushstring(L, lua_toboolean(L, 1) != 0 ? "true" : "false"); break;
      default: lua_pushfstring(L, "(error object is a %s value)", type_name(L, 1)); break;
    }
    lua_replace(L, 1);
    lua_settop(L, 1);
  }
  // Keep a location set before the error was raised (run_protected does) when
  // no Lua code is on the stack to give one.
  if (std::string where = lua_location(L, 1); !where.empty()) rt.error_location = std::move(where);
  luaL_traceback(L, L, lua_tostring(L, 1), 1);
  rt.error_traceback = lua_tostring(L, -1);
  lua_pop(L, 1);
  return 1;
}

}  // namespace

int protected_call(Runtime& rt, int nargs, int nresults) {
  lua_State* L = rt.L;
  const int function = lua_gettop(L) - nargs;
  rt.error_location.clear();
  rt.error_traceback.clear();
  lua_pushcfunction(L, trampoline<message_handler>);  // a light C function: no allocation
  lua_insert(L, function);
  const int status = lua_pcall(L, nargs, nresults, function);
  lua_remove(L, function);
  return status;
}

}  // namespace jx::sandbox::detail
