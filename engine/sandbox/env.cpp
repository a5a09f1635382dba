// The rules' environment, built as an allow-list (Redis scripting's way): safe
// base functions, string, table, math (no random) and utf8, coroutines, dec
// and date, and a require limited to the rule set's lib/ folders. Library
// tables are read-only proxies, reading an unknown global or assigning any
// global is an error, and the wrappers below bound the C functions a rule
// could otherwise drive into unbounded work or use to swallow a budget error.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <string>

#include "sandbox/runtime.hpp"
#include "sandbox/stack_guard.hpp"
#include "sandbox/trampoline.hpp"

namespace jx::sandbox::detail {

void new_metatable(lua_State* L, const char* name, const luaL_Reg* metamethods, const luaL_Reg* methods,
                   const void** address, int* ref) {
  JX_STACK_GUARD(L, methods != nullptr ? 1 : 0);
  luaL_newmetatable(L, name);  // [mt], with __name
  luaL_setfuncs(L, metamethods, 0);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  *address = lua_topointer(L, -1);
  lua_pushvalue(L, -1);
  *ref = luaL_ref(L, LUA_REGISTRYINDEX);
  if (methods == nullptr) {
    lua_pop(L, 1);
    return;
  }
  lua_newtable(L);  // [mt, methods]
  luaL_setfuncs(L, methods, 0);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, "__index");
  lua_remove(L, -2);  // [methods]
}

const char* type_name(lua_State* L, int index) {
  const int type = luaL_getmetafield(L, index, "__name");
  if (type == LUA_TNIL) return luaL_typename(L, index);
  const char* name = type == LUA_TSTRING ? lua_tostring(L, -1) : nullptr;
  lua_pop(L, 1);  // the name stays alive in its metatable
  return name != nullptr ? name : luaL_typename(L, index);
}

namespace {

// --- read-only tables -------------------------------------------------------

// upvalue 1: what the table is
int read_only_newindex(lua_State* L) {
  return raise_error(L, "%s is read-only", lua_tostring(L, lua_upvalueindex(1)));
}

// pairs(proxy) iterates the real table without handing it out.
// [proxy, key] -> [key, value]; upvalue 1: the real table
int proxy_next(lua_State* L) {
  lua_settop(L, 2);
  if (lua_next(L, lua_upvalueindex(1)) != 0) return 2;
  lua_pushnil(L);
  return 1;
}
int proxy_pairs(lua_State* L) {
  luaL_getmetafield(L, 1, "__index");  // [proxy, real]
  lua_pushcclosure(L, trampoline<proxy_next>, 1);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

// --- globals ---------------------------------------------------------------

int missing_global(lua_State* L) {
  return raise_error(L, "attempted to access nonexistent global '%s'", luaL_tolstring(L, 2, nullptr));
}
int global_write(lua_State* L) {
  return raise_error(L, "attempted to assign to global '%s' (rules cannot create globals: declare it local)",
                     luaL_tolstring(L, 2, nullptr));
}

// --- pcall and friends: a budget error cannot be caught ----------------------

// After any protected call of rule code: a stop is re-raised past the rule's
// handler, and an out-of-memory error becomes the memory budget's stop.
void reraise_stop(lua_State* L, int status) {
  if (status == LUA_ERRMEM) {
    const Runtime& rt = runtime(L);
    stop_rule(L, Stop::memory, rt.memory_position[0] != '\0' ? rt.memory_position : nullptr);
  }
  raise_if_stopped(L);
}

int finish_pcall(lua_State* L, int status, lua_KContext extra) {
  if (status != LUA_OK && status != LUA_YIELD) {
    reraise_stop(L, status);
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);
    return 2;
  }
  return lua_gettop(L) - static_cast<int>(extra);
}

int safe_pcall(lua_State* L) {
  luaL_checkany(L, 1);
  lua_pushboolean(L, 1);
  lua_insert(L, 1);
  const int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, ktrampoline<finish_pcall>);
  return finish_pcall(L, status, 0);
}

// The rule's message handler, called only for the rule's own errors: after a
// stop (raised in the count hook, where hooks are off, or in a C function) it
// is skipped, so a handler that loops or errors again cannot run unbudgeted.
// upvalue 1: the rule's handler
int guarded_handler(lua_State* L) {
  if (runtime(L).stop != Stop::none) return 1;  // the error object, untouched
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

int safe_xpcall(lua_State* L) {
  const int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, trampoline<guarded_handler>, 1);
  lua_replace(L, 2);
  lua_pushboolean(L, 1);
  lua_pushvalue(L, 1);
  lua_rotate(L, 3, 2);  // [f, handler, true, f, args…]
  const int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, ktrampoline<finish_pcall>);
  return finish_pcall(L, status, 2);
}

// --- coroutines: one budget for the whole run -----------------------------------

// Every coroutine is hooked from its first instruction; a resume is charged
// the coroutine's hook interval up front and restarts its count, so whatever
// it runs before its next tick is already paid for.
int safe_create(lua_State* L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_State* co = lua_newthread(L);
  hook_coroutine(co);
  lua_pushvalue(L, 1);
  lua_xmove(L, co, 1);
  return 1;
}

// Runs `body` (Lua's resume or close) with co as the thread running rule code.
// coroutine.resume and close return an error as a value: a stop is re-raised.
int on_coroutine(lua_State* L, lua_State* co, lua_CFunction body) {
  Runtime& rt = runtime(L);
  raise_if_stopped(L);
  int results = 0;
  {
    // L runs again when body returns or raises (a Lua error unwinds as a C++ exception here).
    struct Current {
      Runtime& rt;
      lua_State* L;
      ~Current() { rt.current = L; }
    } restore{rt, L};
    if (co != nullptr) {
      charge_instructions(L, kCoroutineHookInterval);
      hook_coroutine(co);
      rt.current = co;
    }
    results = body(L);
  }
  if (co != nullptr) reraise_stop(L, lua_status(co));
  return results;
}
int safe_resume(lua_State* L) { return on_coroutine(L, lua_tothread(L, 1), runtime(L).originals.resume); }
int safe_close(lua_State* L) { return on_coroutine(L, lua_tothread(L, 1), runtime(L).originals.close); }

// True when `message` starts with a position, "file:12: ".
bool has_position(const char* message, std::size_t size) {
  const char* colon = static_cast<const char*>(std::memchr(message, ':', size));
  if (colon == nullptr) return false;
  const char* p = colon + 1;
  const char* end = message + size;
  if (p == end || *p < '0' || *p > '9') return false;
  while (p != end && *p >= '0' && *p <= '9') ++p;
  return p != end && *p == ':';
}

// The function coroutine.wrap returns: Lua's auxwrap, through safe_resume.
// An error keeps the position it has (nested coroutines do not stack "file:line: "
// prefixes); a stopped run closes nothing (a __close is rule code).
// upvalue 1: the coroutine
int wrapped_call(lua_State* L) {
  lua_State* co = lua_tothread(L, lua_upvalueindex(1));
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);  // [co, args…]
  const int results = safe_resume(L);
  if (lua_toboolean(L, -results) != 0) return results - 1;
  const int status = lua_status(co);
  if (status != LUA_OK && status != LUA_YIELD) {
    runtime(L).current = co;
    lua_resetthread(co);  // its to-be-closed variables, as Lua's own wrap does
    runtime(L).current = L;
    raise_if_stopped(L);
  }
  std::size_t size = 0;
  const char* message = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &size) : nullptr;
  if (message != nullptr && !has_position(message, size)) {
    push_where(L);
    lua_insert(L, -2);
    lua_concat(L, 2);
  }
  return lua_error(L);
}

int safe_wrap(lua_State* L) {
  safe_create(L);
  lua_pushcclosure(L, trampoline<wrapped_call>, 1);
  return 1;
}

// setmetatable without __gc: a finalizer would run rule code at some later,
// unbudgeted moment (another rule's run, or closing the state).
int safe_setmetatable(lua_State* L) {
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL)
      return raise_error(L, "setmetatable: __gc metamethods are not allowed in rules");
    lua_pop(L, 1);
  }
  return runtime(L).originals.setmetatable(L);
}

// print goes to the log (debug level), with the rule's file:line.
int safe_print(lua_State* L) {
  const int n = lua_gettop(L);
  std::string line;
  for (int i = 1; i <= n; ++i) {
    std::size_t size = 0;
    const char* s = luaL_tolstring(L, i, &size);
    if (i > 1) line += '\t';
    line.append(s, size);
    lua_pop(L, 1);
  }
  charge_instructions(L, line.size() / kBytesPerInstruction);
  spdlog::debug("print at {}: {}", lua_location(L, 1), line);
  return 0;
}

// --- bounded string functions ---------------------------------------------------

int safe_rep(lua_State* L) {
  std::size_t size = 0;
  std::size_t sep_size = 0;
  luaL_checklstring(L, 1, &size);
  const lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &sep_size);
  const Runtime& rt = runtime(L);
  const std::uint64_t limit = rt.limits.max_string_bytes;
  const std::uint64_t unit = size + sep_size;
  // Copies of nothing are nothing, however many: Lua's str_rep would still loop
  // n times inside this one C call, where the time budget is never looked at
  // (string.rep("", math.maxinteger) never returned; found by fuzz_sandbox).
  if (unit == 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  if (n > 0) {
    const auto count = static_cast<std::uint64_t>(n);
    // count <= limit / unit + 1 keeps the products below from overflowing.
    if (count > limit / unit + 1 || count * size + (count - 1) * sep_size > limit) {
      return raise_error(L, "string.rep: %I copies of %I bytes would exceed the limit of %I bytes", n,
                         static_cast<lua_Integer>(size), static_cast<lua_Integer>(limit));
    }
  }
  return rt.originals.rep(L);
}

// string.format with a dec: %d and friends take an integral dec as an integer;
// %f, %g, %e and %a would go through a binary float, so they refuse one.
int safe_format(lua_State* L) {
  std::size_t size = 0;
  const char* format = luaL_checklstring(L, 1, &size);
  int arg = 1;
  for (std::size_t i = 0; i < size; ++i) {
    if (format[i] != '%') continue;
    if (++i < size && format[i] == '%') continue;
    ++arg;
    while (i < size && std::strchr("-+ #0123456789.", format[i]) != nullptr) ++i;
    if (i >= size || to_dec(L, arg) == nullptr) continue;
    const char conversion = format[i];
    if (std::strchr("dicxXo", conversion) != nullptr) {
      lua_pushinteger(L, check_integer(L, arg, "a dec formatted with %d"));
      lua_replace(L, arg);
    } else if (std::strchr("aAeEfgG", conversion) != nullptr) {
      return raise_error(
          L, "string.format: %%%c would turn the dec into an inexact float; use %%s with d:round(n)",
          conversion);
    }
  }
  return runtime(L).originals.format(L);
}

// --- bounded table functions ----------------------------------------------------

// Their loops run in C, unseen by the instruction hook, over #t and t[i]: with
// __len, __index or __newindex a rule could make them loop for ever.
void require_plain_table(lua_State* L, int index, const char* name) {
  if (lua_type(L, index) != LUA_TTABLE || lua_getmetatable(L, index) == 0) return;
  for (const char* event : {"__len", "__index", "__newindex"}) {
    if (lua_getfield(L, -1, event) != LUA_TNIL) {
      raise_error(L, "table.%s does not accept a table with a %s metamethod", name, event);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

// Elements a call will move, from the table's length and the positions given.
std::uint64_t span(lua_Integer first, lua_Integer last) {
  return last >= first ? static_cast<std::uint64_t>(last) - static_cast<std::uint64_t>(first) + 1 : 0;
}

template <lua_CFunction Runtime::Originals::*Original>
int plain_table_function(lua_State* L, std::uint64_t elements) {
  charge_instructions(L, elements * kInstructionsPerElement);
  return (runtime(L).originals.*Original)(L);
}

// table.insert(t, pos, v) shifts #t − pos + 1 elements up; table.insert(t, v) none.
int safe_insert(lua_State* L) {
  require_plain_table(L, 1, "insert");
  const auto n = static_cast<lua_Integer>(lua_rawlen(L, 1));
  const std::uint64_t moved = lua_gettop(L) == 3 ? span(luaL_checkinteger(L, 2), n) + 1 : 1;
  return plain_table_function<&Runtime::Originals::insert>(L, moved);
}
// table.remove(t, pos) shifts #t − pos elements down.
int safe_remove(lua_State* L) {
  require_plain_table(L, 1, "remove");
  const auto n = static_cast<lua_Integer>(lua_rawlen(L, 1));
  const lua_Integer pos = luaL_optinteger(L, 2, n);
  return plain_table_function<&Runtime::Originals::remove>(L, span(pos, n));
}
// table.sort(t): about n·log2(n) comparisons and moves, done in C.
int safe_sort(lua_State* L) {
  require_plain_table(L, 1, "sort");
  const std::uint64_t n = lua_rawlen(L, 1);
  std::uint64_t log2 = 1;
  while ((std::uint64_t{1} << log2) < n && log2 < 63) ++log2;
  return plain_table_function<&Runtime::Originals::sort>(L, n * log2);
}
// table.concat(t, sep, i, j) and table.unpack(t, i, j) visit j − i + 1 elements
// (the bytes concat produces are charged as they are allocated).
int safe_concat(lua_State* L) {
  require_plain_table(L, 1, "concat");
  const lua_Integer i = luaL_optinteger(L, 3, 1);
  const lua_Integer j =
      lua_isnoneornil(L, 4) ? static_cast<lua_Integer>(lua_rawlen(L, 1)) : luaL_checkinteger(L, 4);
  return plain_table_function<&Runtime::Originals::concat>(L, span(i, j));
}
int safe_unpack(lua_State* L) {
  require_plain_table(L, 1, "unpack");
  const lua_Integer i = luaL_optinteger(L, 2, 1);
  const lua_Integer j =
      lua_isnoneornil(L, 3) ? static_cast<lua_Integer>(lua_rawlen(L, 1)) : luaL_checkinteger(L, 3);
  // Lua refuses more results than a stack can hold before doing any work.
  return plain_table_function<&Runtime::Originals::unpack>(L, std::min<std::uint64_t>(span(i, j), 1u << 20));
}

// table.move(a1, f, e, t [, a2]) copies e − f + 1 elements even when they are all nil.
int safe_move(lua_State* L) {
  require_plain_table(L, 1, "move");
  if (!lua_isnoneornil(L, 5)) require_plain_table(L, 5, "move");
  const lua_Integer f = luaL_checkinteger(L, 2);
  const lua_Integer e = luaL_checkinteger(L, 3);
  const Runtime& rt = runtime(L);
  const auto most = static_cast<lua_Integer>(rt.limits.memory_bytes / 16);  // more than a table here can hold
  if (e >= f && (f <= 0 ? e > most + f - 1 : e - f >= most)) {
    return raise_error(L, "table.move: moving elements %I … %I is more than any table can hold here", f, e);
  }
  charge_instructions(L, span(f, e) * kInstructionsPerElement);
  return rt.originals.move(L);
}

// --- library functions charged by the bytes they read ----------------------------
// (What they produce is charged as it is allocated, state.cpp.)

std::uint64_t string_bytes(lua_State* L, int first, int last) {
  std::uint64_t bytes = 0;
  for (int i = first; i <= last; ++i) {
    if (lua_type(L, i) == LUA_TSTRING) bytes += lua_rawlen(L, i);
  }
  return bytes;
}

// upvalue 1: the library's own function. With ReadsArguments, charges the
// bytes of its string arguments before it runs (functions that read a whole
// string: upper, lower, reverse, format, utf8.len, tonumber, the string
// arithmetic metamethods…); always, the values it returns.
template <bool ReadsArguments>
int charged_function(lua_State* L) {
  if (ReadsArguments) charge_instructions(L, string_bytes(L, 1, lua_gettop(L)) / kBytesPerInstruction);
  const int results = lua_tocfunction(L, lua_upvalueindex(1))(L);
  charge_instructions(L, static_cast<std::uint64_t>(results));
  return results;
}

// Replaces table[name] by charged_function around it.
template <bool ReadsArguments>
void charge(lua_State* L, int table, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    lua_getfield(L, table, name);
    if (lua_tocfunction(L, -1) == nullptr) {
      lua_pop(L, 1);
      continue;
    }
    lua_pushcclosure(L, trampoline<charged_function<ReadsArguments>>, 1);
    lua_setfield(L, table, name);
  }
}

// --- building it all ---------------------------------------------------------

lua_CFunction replace(lua_State* L, int table, const char* name, lua_CFunction with) {
  lua_getfield(L, table, name);
  const lua_CFunction original = lua_tocfunction(L, -1);
  lua_pop(L, 1);
  lua_pushcfunction(L, with);
  lua_setfield(L, table, name);
  return original;
}

void remove_fields(lua_State* L, int table, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    lua_pushnil(L);
    lua_setfield(L, table, name);
  }
}

}  // namespace

void make_read_only(lua_State* L, const char* what, lua_CFunction call) {
  JX_STACK_GUARD(L, 0);
  lua_newtable(L);           // [real, proxy]
  lua_createtable(L, 0, 6);  // [real, proxy, mt]
  lua_pushvalue(L, -3);
  lua_setfield(L, -2, "__index");
  lua_pushfstring(L, "the %s library", what);
  lua_pushcclosure(L, trampoline<read_only_newindex>, 1);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, trampoline<proxy_pairs>);
  lua_setfield(L, -2, "__pairs");
  if (call != nullptr) {
    lua_pushcfunction(L, call);
    lua_setfield(L, -2, "__call");
  }
  lua_pushstring(L, what);
  lua_setfield(L, -2, "__name");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);  // [real, proxy]
  lua_remove(L, -2);        // [proxy]
}

void open_environment(Runtime& rt) {
  lua_State* L = rt.L;
  JX_STACK_GUARD(L, 0);
  // The standard libraries open into the state's own globals, which rules never see.
  luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
  luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 0);
  luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 0);
  luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 0);
  luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 0);
  luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 0);
  const int globals = lua_gettop(L) - 5;  // [_G, string, table, math, utf8, coroutine]
  const int string = globals + 1;
  const int table = globals + 2;
  const int math = globals + 3;
  const int utf8 = globals + 4;
  const int coroutine = globals + 5;
  auto& o = rt.originals;

  // The string library is also every string's __index, so it is changed in place.
  remove_fields(L, string, {"dump", "pack", "packsize", "unpack"});
  o.rep = replace(L, string, "rep", trampoline<safe_rep>);
  o.format = replace(L, string, "format", trampoline<safe_format>);
  open_string_match(L, string);
  charge<true>(L, string, {"upper", "lower", "reverse", "format"});
  charge<false>(L, string, {"sub", "byte", "char", "rep"});
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);  // ["", string metatable]
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  // "10" + 1 converts the whole string in C.
  charge<true>(L, lua_gettop(L), {"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv"});
  lua_pop(L, 2);
  charge<true>(L, utf8, {"len", "offset"});
  charge<false>(L, utf8, {"char", "codepoint"});

  o.insert = replace(L, table, "insert", trampoline<safe_insert>);
  o.remove = replace(L, table, "remove", trampoline<safe_remove>);
  o.sort = replace(L, table, "sort", trampoline<safe_sort>);
  o.concat = replace(L, table, "concat", trampoline<safe_concat>);
  o.unpack = replace(L, table, "unpack", trampoline<safe_unpack>);
  o.move = replace(L, table, "move", trampoline<safe_move>);
  remove_fields(L, math, {"random", "randomseed"});
  o.resume = replace(L, coroutine, "resume", trampoline<safe_resume>);
  o.close = replace(L, coroutine, "close", trampoline<safe_close>);
  replace(L, coroutine, "create", trampoline<safe_create>);
  replace(L, coroutine, "wrap", trampoline<safe_wrap>);

  lua_createtable(L, 0, 32);  // [… base]
  const int base = lua_gettop(L);
  for (const char* name : {"assert", "error", "getmetatable", "next", "pairs", "rawequal", "rawget", "rawlen",
                           "select", "tonumber", "tostring", "type", "_VERSION"}) {
    lua_getfield(L, globals, name);
    lua_setfield(L, base, name);
  }
  charge<true>(L, base, {"tonumber"});
  charge<false>(L, base, {"tostring"});
  lua_getfield(L, globals, "setmetatable");
  o.setmetatable = lua_tocfunction(L, -1);
  lua_pop(L, 1);
  const luaL_Reg own[] = {
      {"pcall", trampoline<safe_pcall>},
      {"xpcall", trampoline<safe_xpcall>},
      {"setmetatable", trampoline<safe_setmetatable>},
      {"ipairs", trampoline<list_ipairs>},
      {"print", trampoline<safe_print>},
      {"require", trampoline<require_module>},
      {nullptr, nullptr},
  };
  luaL_setfuncs(L, own, 0);
  const std::pair<int, const char*> libraries[] = {
      {string, "string"}, {table, "table"}, {math, "math"}, {utf8, "utf8"}, {coroutine, "coroutine"}};
  for (const auto& [index, name] : libraries) {
    lua_pushvalue(L, index);
    make_read_only(L, name);
    lua_setfield(L, base, name);
  }
  open_dec(L, rt);
  lua_setfield(L, base, "dec");
  open_date(L, rt);
  lua_setfield(L, base, "date");

  // base's own metatable: reading what is not there is an error.
  lua_createtable(L, 0, 3);
  lua_pushcfunction(L, trampoline<missing_global>);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, trampoline<global_write>);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, base);

  // Each chunk run gets a fresh, empty environment reading through to base.
  lua_createtable(L, 0, 3);
  lua_pushvalue(L, base);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, trampoline<global_write>);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  rt.env_metatable_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  rt.base_ref = luaL_ref(L, LUA_REGISTRYINDEX);  // pops base
  lua_settop(L, globals - 1);
}

void push_env(lua_State* L, Runtime& rt) {
  JX_STACK_GUARD(L, 1);
  lua_createtable(L, 0, 0);
  lua_rawgeti(L, LUA_REGISTRYINDEX, rt.env_metatable_ref);
  lua_setmetatable(L, -2);
}

}  // namespace jx::sandbox::detail
