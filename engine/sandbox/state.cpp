// The Lua state of one Engine: a counting allocator (the memory budget), the
// count hook (the CPU budget) and the line hook (coverage).
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "sandbox/runtime.hpp"
#include "sandbox/stack_guard.hpp"

namespace jx::sandbox::detail {

namespace {

// Where a refused allocation came from: Lua raises an out-of-memory error
// without calling the message handler, so this is the only position we get.
// lua_getstack and lua_getinfo("Sl") only read the call chain (no allocation);
// the main thread's chain is consistent whenever the allocator is called. When
// a coroutine is running, this names the line that resumed it.
void note_refusal(Runtime& rt) {
  if (rt.L == nullptr) return;
  lua_Debug ar;
  for (int level = 0; lua_getstack(rt.L, level, &ar) != 0; ++level) {
    if (lua_getinfo(rt.L, "Sl", &ar) != 0 && ar.currentline > 0) {
      std::snprintf(rt.memory_position, sizeof rt.memory_position, "%s:%d",
                    ar.source[0] == '@' ? ar.source + 1 : ar.short_src, ar.currentline);
      return;
    }
  }
}

// Lua's allocator contract: ptr == NULL means osize is a type tag, not a size;
// nsize == 0 frees; a shrink must never fail. Growth (realloc included) is
// refused beyond the budget, which Lua reports as a memory error after one
// emergency collection.
void* allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize) {
  auto& rt = *static_cast<Runtime*>(ud);
  const std::size_t old_size = ptr != nullptr ? osize : 0;
  if (nsize == 0) {
    if (ptr != nullptr) rt.blocks.release(ptr, osize);
    rt.memory_used -= old_size;
    return nullptr;
  }
  if (nsize > old_size && rt.memory_used - old_size + nsize + rt.external_bytes > rt.limits.memory_bytes) {
    note_refusal(rt);
    return nullptr;
  }
  void* block = ptr != nullptr ? rt.blocks.resize(ptr, osize, nsize) : rt.blocks.allocate(nsize);
  if (block == nullptr) return nullptr;
  rt.memory_used = rt.memory_used - old_size + nsize;
  return block;
}

int panic(lua_State* L) {
  const char* message = lua_tostring(L, -1);
  spdlog::critical("unprotected Lua error (a bug in jxaudit's sandbox): {}", message ? message : "?");
  return 0;  // Lua aborts
}

void hook(lua_State* L, lua_Debug* ar) {
  Runtime& rt = runtime(L);
  if (ar->event == LUA_HOOKLINE) {
    if (rt.coverage != nullptr && lua_getinfo(L, "S", ar) != 0 && ar->source[0] == '@') {
      try {
        rt.coverage->lines[ar->source + 1].insert(ar->currentline);
      } catch (const std::exception&) {
        // Coverage is best effort; running out of memory here must not break the rule.
      }
    }
    return;
  }
  rt.instructions += kHookInterval;
  if (lua_getinfo(L, "Sl", ar) != 0) {
    std::snprintf(rt.last_position, sizeof rt.last_position, "%s:%d",
                  ar->source[0] == '@' ? ar->source + 1 : ar->short_src, ar->currentline);
  }
  if (rt.instructions > rt.limits.instructions_per_rule) {
    rt.budget_exceeded = true;
    // Built by hand: inside a hook, luaL_where(L, 1) would name the wrong function.
    lua_pushfstring(L, "%s:%d: instruction budget exceeded (%I instructions per rule run)", ar->short_src,
                    ar->currentline, static_cast<lua_Integer>(rt.limits.instructions_per_rule));
    lua_error(L);
  }
}

}  // namespace

void charge_instructions(lua_State* L, std::uint64_t count) {
  Runtime& rt = runtime(L);
  rt.instructions += count;
  if (rt.instructions <= rt.limits.instructions_per_rule) return;
  rt.budget_exceeded = true;
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar) != 0; ++level) {
    if (lua_getinfo(L, "Sl", &ar) != 0 && ar.currentline > 0) {
      std::snprintf(rt.last_position, sizeof rt.last_position, "%s:%d",
                    ar.source[0] == '@' ? ar.source + 1 : ar.short_src, ar.currentline);
      lua_pushfstring(L, "%s:%d: instruction budget exceeded (%I instructions per rule run)", ar.short_src,
                      ar.currentline, static_cast<lua_Integer>(rt.limits.instructions_per_rule));
      lua_error(L);
    }
  }
  lua_pushfstring(L, "instruction budget exceeded (%I instructions per rule run)",
                  static_cast<lua_Integer>(rt.limits.instructions_per_rule));
  lua_error(L);
}

Runtime::~Runtime() {
  if (L != nullptr) lua_close(L);
}

void open_state(Runtime& rt) {
  // Small blocks never outgrow the memory budget (1 GiB of address space at most).
  rt.blocks.reserve(std::min<std::size_t>(rt.limits.memory_bytes, std::size_t{1} << 30));
  rt.L = lua_newstate(allocate, &rt);
  if (rt.L == nullptr) throw std::bad_alloc();
  *static_cast<Runtime**>(lua_getextraspace(rt.L)) = &rt;
  lua_atpanic(rt.L, panic);
  // Rule runs make many short-lived values (decs, dates, views): the
  // generational collector handles them with less work.
  lua_gc(rt.L, LUA_GCGEN, 0, 0);
  set_hook(rt);
}

void set_hook(Runtime& rt) {
  const int mask = LUA_MASKCOUNT | (rt.coverage != nullptr ? LUA_MASKLINE : 0);
  lua_sethook(rt.L, hook, mask, kHookInterval);  // also restarts the main thread's count
}

void reset_budget(Runtime& rt) {
  rt.instructions = 0;
  rt.budget_exceeded = false;
  rt.memory_exceeded = false;
  rt.last_position[0] = '\0';
  rt.memory_position[0] = '\0';
  set_hook(rt);
}

[[noreturn]] void stack_mismatch(const char* file, int line, int expected, int actual) {
  spdlog::critical("Lua stack imbalance at {}:{}: expected top {}, found {}", file, line, expected, actual);
  std::fprintf(stderr, "Lua stack imbalance at %s:%d: expected top %d, found %d\n", file, line, expected,
               actual);
  std::abort();
}

}  // namespace jx::sandbox::detail
