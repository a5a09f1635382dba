// Internal to engine/sandbox: the one way C++ code is called from Lua.
//
// Lua is linked as its C++ build (liblua5.4-c++), where a Lua error is a C++
// exception of the Lua library's own type, so destructors run on the way out.
// trampoline<F> turns any std::exception thrown by F (DecimalError,
// CalendarError, std::bad_alloc, …) into a Lua error that carries the calling
// rule's file:line; Lua's own errors are not std::exceptions and pass through.
#pragma once

#include <lua.hpp>

#include <cstdarg>
#include <cstdio>
#include <exception>
#include <new>

namespace jx::sandbox::detail {

// Pushes "file:line: " of the innermost Lua code on the stack: the rule line
// that called us, even through a C function such as ipairs or table.sort
// (where luaL_where(L, 1) would find no line).
inline void push_where(lua_State* L) {
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar) != 0; ++level) {
    if (lua_getinfo(L, "Sl", &ar) != 0 && ar.currentline > 0) {
      // The chunk name itself, not short_src, which Lua cuts to LUA_IDSIZE.
      lua_pushfstring(L, "%s:%d: ", ar.source[0] == '@' ? ar.source + 1 : ar.short_src, ar.currentline);
      return;
    }
  }
  lua_pushliteral(L, "");
}

// Raises the Lua error "file:line: message" for the rule code that led here.
[[noreturn]] inline void raise_message(lua_State* L, const char* message) {
  push_where(L);
  lua_pushstring(L, message);
  lua_concat(L, 2);
  lua_error(L);
  std::terminate();  // lua_error does not return; this tells the compiler so
}

// luaL_error with push_where's position. Declared to return int so that a
// C function can `return raise_error(L, …);` as with luaL_error.
[[noreturn]] inline int raise_error(lua_State* L, const char* format, ...) {
  va_list args;
  va_start(args, format);
  push_where(L);
  lua_pushvfstring(L, format, args);
  va_end(args);
  lua_concat(L, 2);
  lua_error(L);
  std::terminate();
}

template <int (*F)(lua_State*)>
int trampoline(lua_State* L) {
  // A fixed buffer: building the message must not throw a second exception.
  char message[1024];
  try {
    return F(L);
  } catch (const std::bad_alloc&) {
    std::snprintf(message, sizeof message, "not enough memory");
  } catch (const std::exception& e) {
    std::snprintf(message, sizeof message, "%s", e.what());
  }
  raise_message(L, message);
}

// The same for a continuation function (lua_KFunction) of a yieldable call.
template <int (*K)(lua_State*, int, lua_KContext)>
int ktrampoline(lua_State* L, int status, lua_KContext context) {
  char message[1024];
  try {
    return K(L, status, context);
  } catch (const std::bad_alloc&) {
    std::snprintf(message, sizeof message, "not enough memory");
  } catch (const std::exception& e) {
    std::snprintf(message, sizeof message, "%s", e.what());
  }
  raise_message(L, message);
}

}  // namespace jx::sandbox::detail
