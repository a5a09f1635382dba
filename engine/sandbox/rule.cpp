// A rule file: `return { id = …, indicator = …, title = …, basis = …,
// check = function(dept, ctx) … end }`. The chunk is compiled once and run
// afresh, in a fresh environment, for every rule run: nothing a rule builds at
// its top level survives into the next run. The table is read raw, so no rule
// code runs while the host validates it.
#include <fmt/format.h>

#include <string>

#include "sandbox/runtime.hpp"
#include "sandbox/stack_guard.hpp"

namespace jx::sandbox::detail {

void raise_at(lua_State* L, const std::string& path, const std::string& message) {
  lua_pushfstring(L, "%s: %s", path.c_str(), message.c_str());
  lua_error(L);
  std::terminate();
}

void remember_source(lua_State* L, Runtime& rt, const std::string& path) {
  JX_STACK_GUARD(L, 0);
  lua_Debug ar;
  lua_pushvalue(L, -1);
  if (lua_getinfo(L, ">S", &ar) != 0 && path != ar.short_src) {
    rt.cut_sources.emplace(ar.short_src, path);
  }
}

std::string uncut_sources(const Runtime& rt, std::string text) {
  for (const auto& [cut, whole] : rt.cut_sources) {
    const std::string from = cut + ":";
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + whole.size() + 1)) {
      text.replace(at, cut.size(), whole);
    }
  }
  return text;
}

std::string uncut_compile_error(const std::string& path, std::string message) {
  // Lua cuts a long chunk name to "..." and its end: "...e6/src/x.lua:2: …".
  if (message.rfind("...", 0) != 0) return message;
  const std::size_t colon = message.find(':', 3);
  if (colon == std::string::npos) return message;
  const std::string_view tail(message.data() + 3, colon - 3);
  if (path.size() >= tail.size() && path.compare(path.size() - tail.size(), tail.size(), tail) == 0)
    message.replace(0, colon, path);
  return message;
}

void run_chunk(lua_State* L, Runtime& rt, const std::string& path) {
  JX_STACK_GUARD(L, 1);
  lua_pushvalue(L, -1);      // [chunk, chunk]
  push_env(L, rt);           // [chunk, chunk, env]
  lua_setupvalue(L, -2, 1);  // a main chunk's one upvalue is _ENV
  lua_call(L, 0, 1);         // [chunk, result]
  if (lua_type(L, -1) != LUA_TTABLE) {
    raise_at(L, path,
             fmt::format("the file must return the rule table {{ id = …, indicator = …, title = …, check = "
                         "function(dept, ctx) … end }}, but it returned {}",
                         type_name(L, -1)));
  }
  if (lua_getmetatable(L, -1) != 0)
    raise_at(L, path, "the rule table must be a plain table (this one has a metatable)");
}

namespace {

// ASCII letters, digits, '.', '_' and '-': ids appear in reports and file names.
bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string string_field(lua_State* L, int table, const char* key, bool required, const std::string& path,
                         const char* example) {
  JX_STACK_GUARD(L, 0);
  lua_pushstring(L, key);
  const int type = lua_rawget(L, table);
  if (type == LUA_TNIL && !required) {
    lua_pop(L, 1);
    return {};
  }
  if (type != LUA_TSTRING || lua_rawlen(L, -1) == 0) {
    raise_at(L, path,
             type == LUA_TNIL
                 ? fmt::format("the rule table needs {}, a non-empty string such as {}", key, example)
                 : fmt::format("'{}' must be a non-empty string, got {}", key, type_name(L, -1)));
  }
  std::size_t size = 0;
  const char* text = lua_tolstring(L, -1, &size);
  std::string value(text, size);
  lua_pop(L, 1);
  return value;
}

}  // namespace

RuleInfo read_rule_info(lua_State* L, int table, const std::string& path) {
  JX_STACK_GUARD(L, 0);
  lua_pushnil(L);
  while (lua_next(L, table) != 0) {
    const bool known = lua_type(L, -2) == LUA_TSTRING && [&] {
      const std::string_view key = lua_tostring(L, -2);
      return key == "id" || key == "indicator" || key == "title" || key == "basis" || key == "check";
    }();
    if (!known) {
      raise_at(
          L, path,
          fmt::format("unknown field '{}' in the rule table (expected id, indicator, title, basis, check)",
                      luaL_tolstring(L, -2, nullptr)));
    }
    lua_pop(L, 1);
  }
  RuleInfo info;
  info.id = string_field(L, table, "id", true, path, "\"MGMT.PROC.CONTRACT_FILING\"");
  if (!valid_id(info.id)) {
    raise_at(
        L, path,
        fmt::format("id \"{}\" may use only ASCII letters, digits, '.', '_' and '-' (at most 100)", info.id));
  }
  info.indicator = string_field(L, table, "indicator", true, path, "\"管理效率/采购管理/合同备案时效性\"");
  info.title = string_field(L, table, "title", true, path, "\"合同备案时效性\"");
  info.basis = string_field(L, table, "basis", false, path, "");
  lua_pushliteral(L, "check");
  if (lua_rawget(L, table) != LUA_TFUNCTION) {
    raise_at(L, path, fmt::format("'check' must be a function(dept, ctx), got {}", type_name(L, -1)));
  }
  lua_pop(L, 1);
  info.source_path = path;
  return info;
}

}  // namespace jx::sandbox::detail
