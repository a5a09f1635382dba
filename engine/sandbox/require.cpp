// require("util.money") for rules: loads lib/util/money.lua from the rule set's
// lib folders (its own first, then those of the sets it extends), as text only.
// A module is compiled once per Engine and run afresh in each rule run, so a
// module's tables never carry state from one run (or department) to the next.
#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <string>

#include "sandbox/runtime.hpp"
#include "sandbox/stack_guard.hpp"
#include "sandbox/trampoline.hpp"

namespace jx::sandbox::detail {

namespace {

const char modules_key = 0;  // registry[&modules_key]: this run's loaded modules
const char loading = 0;      // &loading marks a module whose chunk is running

constexpr std::size_t max_module_bytes = 4u << 20;

// Dotted names of identifiers only: no "..", no "/", no absolute paths.
bool valid_module_name(std::string_view name) {
  if (name.empty() || name.size() > 200) return false;
  bool at_start = true;
  for (const char c : name) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool digit = c >= '0' && c <= '9';
    if (c == '.') {
      if (at_start) return false;
      at_start = true;
    } else if (letter || (digit && !at_start)) {
      at_start = false;
    } else {
      return false;
    }
  }
  return !at_start;
}

std::string join(const std::string& dir, const std::string& relative) {
  if (dir.empty()) return relative;
  return dir.back() == '/' ? dir + relative : dir + "/" + relative;
}

// Compiles the module's file: [] -> [chunk]
void load_module(lua_State* L, Runtime& rt, const std::string& name) {
  std::string relative = name;
  for (char& c : relative) {
    if (c == '.') c = '/';
  }
  relative += ".lua";
  std::string tried;
  for (const std::string& dir : rt.lib_dirs) {
    const std::string path = join(dir, relative);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      tried += (tried.empty() ? "" : ", ") + path;
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    if (source.size() > max_module_bytes) {
      raise_error(L, "require: %s is larger than %I bytes", path.c_str(),
                  static_cast<lua_Integer>(max_module_bytes));
    }
    const std::string chunkname = "@" + path;
    if (luaL_loadbufferx(L, source.data(), source.size(), chunkname.c_str(), "t") != LUA_OK) {
      const std::string message =
          uncut_compile_error(path, lua_tostring(L, -1) != nullptr ? lua_tostring(L, -1) : "");
      if (message.rfind(path, 0) == 0) {  // "path:line: …"
        lua_pushstring(L, message.c_str());
        lua_error(L);
      }
      raise_at(L, path, message.empty() ? "cannot be loaded" : message);
    }
    remember_source(L, rt, path);
    return;
  }
  if (rt.lib_dirs.empty())
    raise_error(L, "require: module '%s' not found (the rule set has no lib folder)", name.c_str());
  raise_error(L, "require: module '%s' not found (looked for %s)", name.c_str(), tried.c_str());
}

}  // namespace

// [name] -> [module]
int require_module(lua_State* L) {
  Runtime& rt = runtime(L);
  std::size_t size = 0;
  const char* text = luaL_checklstring(L, 1, &size);
  const std::string name(text, size);
  if (!valid_module_name(name)) {
    return raise_error(
        L,
        "require: '%s' is not a module name; name a module of the rule set's lib folder with dots, "
        "as in require(\"util.money\") for lib/util/money.lua",
        name.c_str());
  }
  lua_settop(L, 1);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &modules_key);     // [name, modules]
  if (lua_getfield(L, 2, name.c_str()) != LUA_TNIL) {  // [name, modules, module]
    if (lua_touserdata(L, 3) == &loading)
      return raise_error(L, "require: module '%s' requires itself", name.c_str());
    return 1;
  }
  lua_pop(L, 1);
  auto it = rt.module_refs.find(name);
  if (it == rt.module_refs.end()) {
    load_module(L, rt, name);  // [name, modules, chunk]
    const int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    it = rt.module_refs.emplace(name, ref).first;
  }
  lua_pushlightuserdata(L, const_cast<char*>(&loading));
  lua_setfield(L, 2, name.c_str());
  lua_rawgeti(L, LUA_REGISTRYINDEX, it->second);  // [name, modules, chunk]
  push_env(L, rt);
  lua_setupvalue(L, -2, 1);  // _ENV
  lua_call(L, 0, 1);         // [name, modules, module]
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
  }
  lua_pushvalue(L, -1);
  lua_setfield(L, 2, name.c_str());
  return 1;
}

void reset_modules(lua_State* L) {
  JX_STACK_GUARD(L, 0);
  lua_newtable(L);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &modules_key);
}

}  // namespace jx::sandbox::detail
