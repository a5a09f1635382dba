// The Lua state of one Engine: a counting allocator (the memory budget), the
// count hook (the CPU budget) and the line hook (coverage).
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "sandbox/runtime.hpp"
#include "sandbox/stack_guard.hpp"

namespace jx::sandbox::detail {

namespace {

void set_position(char (&buffer)[512], const lua_Debug& ar) {
  std::snprintf(buffer, sizeof buffer, "%s:%d", source_of(ar), ar.currentline);
}

// Where a refused allocation came from: Lua raises an out-of-memory error
// without calling the message handler, so this is the only position we get.
// lua_getstack and lua_getinfo("Sl") only read the call chain (no allocation);
// the running thread's chain is consistent whenever the allocator is called.
void note_refusal(Runtime& rt) {
  lua_State* L = rt.current != nullptr ? rt.current : rt.L;
  if (L == nullptr) return;
  lua_Debug ar;
  for (int level = 0; lua_getstack(L, level, &ar) != 0; ++level) {
    if (lua_getinfo(L, "Sl", &ar) != 0 && ar.currentline > 0) {
      set_position(rt.memory_position, ar);
      return;
    }
  }
}

void hook(lua_State* L, lua_Debug* ar);

// From here on every Lua function entered on L stops at its entry, before its
// first statement (a message handler, __close, __tostring, a comparator…),
// and so does any instruction still to run.
void block_rule_code(lua_State* L) { lua_sethook(L, hook, LUA_MASKCALL | LUA_MASKCOUNT, 1); }

// Records the first stop of the run; later ones (a stop while unwinding) keep it.
void record_stop(Runtime& rt, Stop why, const char* position) {
  if (rt.stop != Stop::none) return;
  rt.stop = why;
  std::snprintf(rt.stop_position, sizeof rt.stop_position, "%s", position);
}

// A string object of Lua 5.4 is its header (offsetof(TString, contents): 24
// bytes on 64-bit platforms), its bytes and a terminating zero.
constexpr std::size_t kStringOverhead = 24 + 1;
static_assert(sizeof(void*) == 8, "kStringOverhead is the 64-bit layout of Lua 5.4's TString");

// Strings the rule builds are refused beyond max_string_bytes: string
// comparison, hashing and concatenation run inside the VM, where one
// instruction could otherwise touch a huge string.
bool too_long_string(const Runtime& rt, const void* ptr, std::size_t osize, std::size_t nsize) {
  return ptr == nullptr && osize == LUA_TSTRING && nsize > rt.limits.max_string_bytes + kStringOverhead;
}

// Everyday blocks (decs, dates, views, short strings) cost nothing beyond the
// instructions that made them.
constexpr std::size_t kUnchargedBlockBytes = 1024;

// Cannot raise an error here (the allocator must return): past the budget,
// the next instruction of the rule stops it.
void charge_bytes_produced(Runtime& rt, std::size_t bytes) {
  rt.instructions += bytes / kAllocatedBytesPerInstruction;
  if (rt.instructions > rt.limits.instructions_per_rule && rt.stop == Stop::none && rt.current != nullptr) {
    note_refusal(rt);
    record_stop(rt, Stop::instructions, rt.memory_position);
    rt.memory_position[0] = '\0';
    block_rule_code(rt.current);
  }
}

// Lua's allocator contract: ptr == NULL means osize is a type tag, not a size;
// nsize == 0 frees; a shrink must never fail. Growth (realloc included) is
// refused beyond the budget, which Lua reports as a memory error after one
// emergency collection and a second try of the same request.
void* allocate(void* ud, void* ptr, std::size_t osize, std::size_t nsize) {
  auto& rt = *static_cast<Runtime*>(ud);
  const std::size_t old_size = ptr != nullptr ? osize : 0;
  if (nsize == 0) {
    if (ptr != nullptr) rt.blocks.release(ptr, osize);
    rt.memory_used -= old_size;
    return nullptr;
  }
  if (nsize > old_size && (too_long_string(rt, ptr, osize, nsize) ||
                           rt.memory_used - old_size + nsize + rt.external_bytes > rt.limits.memory_bytes)) {
    const bool retry =
        rt.refusal_pending && rt.refusal.ptr == ptr && rt.refusal.osize == osize && rt.refusal.nsize == nsize;
    if (!retry) {
      note_refusal(rt);
      rt.refusal = {ptr, osize, nsize};
      rt.refusal_pending = true;
    } else if (rt.current != nullptr) {
      // The second refusal: Lua raises a memory error now, and unwinding
      // would run the rule's __close handlers. lua_sethook is safe to call
      // at any moment (it is meant for signal handlers).
      record_stop(rt, too_long_string(rt, ptr, osize, nsize) ? Stop::string_size : Stop::memory,
                  rt.memory_position);
      block_rule_code(rt.current);
    }
    return nullptr;
  }
  void* block = ptr != nullptr ? rt.blocks.resize(ptr, osize, nsize) : rt.blocks.allocate(nsize);
  if (block == nullptr) return nullptr;
  if (nsize > old_size) {
    rt.refusal_pending = false;
    // Bytes produced in C or by the VM (a long concatenation, a string
    // function's result, a table's growth) are work: a big block is charged.
    if (nsize > kUnchargedBlockBytes) charge_bytes_produced(rt, nsize - old_size);
  }
  rt.memory_used = rt.memory_used - old_size + nsize;
  return block;
}

int panic(lua_State* L) {
  const char* message = lua_tostring(L, -1);
  spdlog::critical("unprotected Lua error (a bug in jxaudit's sandbox): {}", message ? message : "?");
  return 0;  // Lua aborts
}

// Re-raises a stop without allocating: the error object was made at start-up.
[[noreturn]] void raise_stopped(lua_State* L) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, runtime(L).stopped_ref);
  lua_error(L);
  std::terminate();
}

void hook(lua_State* L, lua_Debug* ar) {
  Runtime& rt = runtime(L);
  switch (ar->event) {
    case LUA_HOOKLINE:
      if (rt.coverage != nullptr && lua_getinfo(L, "S", ar) != 0 && ar->source[0] == '@') {
        try {
          rt.coverage->lines[ar->source + 1].insert(ar->currentline);
        } catch (const std::exception&) {
          // Coverage is best effort; running out of memory here must not break the rule.
        }
      }
      return;
    case LUA_HOOKCALL:
    case LUA_HOOKTAILCALL:
      // Only set once the run is stopped (block_rule_code). C functions are the
      // host's and Lua's own; whatever Lua code they would call stops here too.
      if (rt.stop == Stop::none) return;
      if (lua_getinfo(L, "S", ar) != 0 && ar->what[0] == 'C') return;
      raise_stopped(L);
    default: break;
  }
  if (rt.stop != Stop::none) raise_stopped(L);
  rt.instructions += static_cast<std::uint64_t>(lua_gethookcount(L));
  if (lua_getinfo(L, "Sl", ar) != 0) set_position(rt.last_position, *ar);
  if (rt.instructions > rt.limits.instructions_per_rule) stop_rule(L, Stop::instructions, rt.last_position);
  // A tick can take long when its instructions compare or hash long strings:
  // the clock is read at every one.
  if (std::chrono::steady_clock::now() > rt.deadline) stop_rule(L, Stop::time, rt.last_position);
}

}  // namespace

const char* source_of(const lua_Debug& ar) { return ar.source[0] == '@' ? ar.source + 1 : ar.short_src; }

void stop_rule(lua_State* L, Stop why, const char* position) {
  Runtime& rt = runtime(L);
  if (position == nullptr) {
    char where[512] = {};
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar) != 0; ++level) {
      if (lua_getinfo(L, "Sl", &ar) != 0 && ar.currentline > 0) {
        set_position(where, ar);
        break;
      }
    }
    record_stop(rt, why, where);
  } else {
    record_stop(rt, why, position);
  }
  block_rule_code(L);
  raise_stopped(L);
}

void raise_if_stopped(lua_State* L) {
  if (runtime(L).stop == Stop::none) return;
  block_rule_code(L);
  raise_stopped(L);
}

void charge_instructions(lua_State* L, std::uint64_t count) {
  Runtime& rt = runtime(L);
  raise_if_stopped(L);
  rt.instructions += count;
  if (rt.instructions > rt.limits.instructions_per_rule) stop_rule(L, Stop::instructions);
  // The clock costs about as much as a small call (tostring, sub): read it
  // for big charges and on every 64th small one.
  if ((count >= kHookInterval || (++rt.small_charges & 63) == 0) &&
      std::chrono::steady_clock::now() > rt.deadline)
    stop_rule(L, Stop::time);
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
  rt.current = rt.L;
  rt.deadline = std::chrono::steady_clock::time_point::max();
  set_hook(rt);
}

void set_hook(Runtime& rt) {
  const int mask = LUA_MASKCOUNT | (rt.coverage != nullptr ? LUA_MASKLINE : 0);
  lua_sethook(rt.L, hook, mask, kHookInterval);  // also restarts the main thread's count
}

void hook_coroutine(lua_State* co) {
  const int mask = LUA_MASKCOUNT | (runtime(co).coverage != nullptr ? LUA_MASKLINE : 0);
  lua_sethook(co, hook, mask, kCoroutineHookInterval);
}

void reset_budget(Runtime& rt) {
  rt.instructions = 0;
  rt.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(rt.limits.milliseconds_per_rule);
  rt.stop = Stop::none;
  rt.stop_position[0] = '\0';
  rt.last_position[0] = '\0';
  rt.memory_position[0] = '\0';
  rt.refusal_pending = false;
  rt.current = rt.L;
  set_hook(rt);
}

[[noreturn]] void stack_mismatch(const char* file, int line, int expected, int actual) {
  spdlog::critical("Lua stack imbalance at {}:{}: expected top {}, found {}", file, line, expected, actual);
  std::fprintf(stderr, "Lua stack imbalance at %s:%d: expected top %d, found %d\n", file, line, expected,
               actual);
  std::abort();
}

}  // namespace jx::sandbox::detail
