// Internal to engine/sandbox: the state one Engine keeps beside its lua_State
// (budgets, the run in progress, where the last error struck), and the
// declarations each bound type's file provides. Only this folder includes Lua.
#pragma once

#include <lua.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sandbox/sandbox.hpp"
#include "sandbox/small_blocks.hpp"

namespace jx::sandbox::detail {

// The count hook fires every this many VM instructions on the main thread.
inline constexpr int kHookInterval = 1000;
// ... and on a coroutine, which is also charged this much each time it is
// resumed: its count restarts at every resume, so the charge up front covers
// the instructions it runs before its first tick, and a tree of short
// coroutines costs at least what it runs (state.cpp).
inline constexpr int kCoroutineHookInterval = 100;

// Work done in C, in instruction units: one per this many bytes a library
// function reads, one per this many bytes the state allocates in a big block
// (copying is cheaper than reading byte by byte), and this many per table
// element a library function moves.
inline constexpr std::uint64_t kBytesPerInstruction = 8;
inline constexpr std::uint64_t kAllocatedBytesPerInstruction = 64;
inline constexpr std::uint64_t kInstructionsPerElement = 4;

// Why a rule run was stopped. Once it is, no code of the rule runs again.
enum class Stop : std::uint8_t {
  none,
  instructions,   // Limits::instructions_per_rule
  time,           // Limits::milliseconds_per_rule
  memory,         // Limits::memory_bytes
  string_size,    // Limits::max_string_bytes, for any string however built
  findings,       // Limits::findings_per_rule
  finding_bytes,  // Limits::finding_bytes_per_rule
};

// The run in progress: what ctx reads and where its findings go.
struct RunState {
  const RuleInput* input = nullptr;
  const RuleInfo* rule = nullptr;
  std::vector<Finding> findings;
  std::size_t finding_bytes =
      0;                 // of subjects, messages and evidence, against Limits::finding_bytes_per_rule
  std::string score_at;  // "file:line" of the ctx:score call, once there was one
  bool read_absent_calendar = false;  // the rule read ctx.calendar, and the rule set has none
};

// Metatables, by address, for fast type checks (tables never move in Lua).
struct Metatables {
  const void* dec = nullptr;
  const void* dec_inline = nullptr;  // a dec whose Decimal owns no heap: no __gc (dec.cpp)
  const void* date = nullptr;
  const void* calendar = nullptr;
  const void* view = nullptr;
  const void* ctx = nullptr;
  // Registry references, to push a metatable without allocating.
  int dec_ref = LUA_NOREF;
  int dec_inline_ref = LUA_NOREF;
  int date_ref = LUA_NOREF;
  int calendar_ref = LUA_NOREF;
  int view_ref = LUA_NOREF;
  int ctx_ref = LUA_NOREF;
};

struct Runtime {
  lua_State* L = nullptr;
  Limits limits;
  std::vector<std::string> lib_dirs;

  // Memory: Lua's own allocations plus the estimated heap of big Decimals.
  SmallBlocks blocks;  // where Lua's small blocks come from (state.cpp)
  std::size_t memory_used = 0;
  std::size_t external_bytes = 0;

  // CPU: instructions counted by the hook (and the work of C functions).
  std::uint64_t instructions = 0;
  std::chrono::steady_clock::time_point deadline;  // of the run (or load) in progress
  std::uint32_t small_charges = 0;                 // charges too small to read the clock for each

  // The stop of the run in progress, and the rule's file:line where it struck.
  Stop stop = Stop::none;
  char stop_position[512] = {};
  // Where the hook last saw Lua code: the best position we have for an
  // out-of-memory error, which Lua raises without calling the message handler.
  char last_position[512] = {};
  // Where the allocator last refused to grow, during a run or a load.
  char memory_position[512] = {};
  // The last growth the allocator refused: Lua retries the same request once
  // after an emergency collection, and a second refusal is a memory error.
  struct Refusal {
    const void* ptr = nullptr;
    std::size_t osize = 0;
    std::size_t nsize = 0;
  } refusal;
  bool refusal_pending = false;
  // The thread running rule code (the main thread or a coroutine being resumed).
  lua_State* current = nullptr;
  int stopped_ref = LUA_NOREF;  // a preallocated error object for re-raising a stop

  // Lua cuts chunk names to LUA_IDSIZE in its own messages ("...ff16/x.lua:7:");
  // the full path for each cut form, to restore them (engine.cpp).
  std::map<std::string, std::string> cut_sources;

  // Filled by the message handler of the protected call in progress.
  std::string error_location;  // "file:line"
  std::string error_traceback;

  Coverage* coverage = nullptr;
  bool measure_cpu = false;      // Engine::measure_cpu: RuleOutcome::cpu_ns
  RunState* run = nullptr;       // null between runs
  std::uint32_t generation = 1;  // bumped after each run; stale views and ctx refuse to work

  Metatables mt;
  // Where a field name was last found in an object (view.cpp): a hint, always verified.
  std::array<std::uint32_t, 256> field_hints{};
  // The library functions the sandbox wraps, called directly by the wrappers
  // so that errors they raise still name the rule's file:line.
  struct Originals {
    lua_CFunction setmetatable = nullptr;
    lua_CFunction rep = nullptr;
    lua_CFunction format = nullptr;
    lua_CFunction resume = nullptr;
    lua_CFunction close = nullptr;
    lua_CFunction insert = nullptr;
    lua_CFunction remove = nullptr;
    lua_CFunction sort = nullptr;
    lua_CFunction concat = nullptr;
    lua_CFunction unpack = nullptr;
    lua_CFunction move = nullptr;
  } originals;
  int env_metatable_ref = LUA_NOREF;
  int base_ref = LUA_NOREF;

  struct Rule {
    RuleInfo info;
    int chunk_ref = LUA_NOREF;  // the compiled main chunk, run afresh for every run
  };
  std::vector<Rule> rules;
  std::map<std::string, int> module_refs;  // compiled lib modules by module name

  ~Runtime();
};

inline Runtime& runtime(lua_State* L) {
  // Every thread (coroutine) starts with a copy of the main thread's extra space.
  return **static_cast<Runtime**>(lua_getextraspace(L));
}

// Where a value read from the department came from, so a finding can cite it.
struct Origin {
  data::SourcePos pos;
  std::uint32_t generation = 0;  // the run it was read in; 0: not from the department
};

// --- state.cpp: creating the state, the allocator and the hook -------------
void open_state(Runtime& rt);
void set_hook(Runtime& rt);
// A new coroutine's hook: counted from its first instruction.
void hook_coroutine(lua_State* co);
void reset_budget(Runtime& rt);
// Charges work done in C (pattern matching steps, bytes and elements of library
// functions) to the instruction budget; stops the rule, at the calling rule
// line, when it runs out or the run's deadline has passed.
void charge_instructions(lua_State* L, std::uint64_t count);
// Stops the rule for `why` (the first stop of a run is the one reported, at
// `position`, or at the innermost Lua line when null) and raises an error no
// pcall can catch.
[[noreturn]] void stop_rule(lua_State* L, Stop why, const char* position = nullptr);
// When the run is stopped: makes sure no rule code runs on L and re-raises.
void raise_if_stopped(lua_State* L);
// "file:line" of a Lua function's position, with the chunk name uncut.
const char* source_of(const lua_Debug& ar);

// --- pcall.cpp: protected calls with a traceback message handler -----------
// Calls the function below `nargs` arguments on the stack; returns a Lua status.
// On error the message is left on the stack, and rt.error_location/traceback are set.
int protected_call(Runtime& rt, int nargs, int nresults);
// "file:line" of the innermost Lua function on the stack at `level` or above, or "".
std::string lua_location(lua_State* L, int level);

// --- env.cpp: the allow-list environment ----------------------------------
void open_environment(Runtime& rt);
// Pushes a fresh environment table for one chunk run.
void push_env(lua_State* L, Runtime& rt);
// Replaces the table at the top with a read-only proxy of it, named `what` in
// errors; `call`, when given, makes the proxy callable (dec("1.5")).
void make_read_only(lua_State* L, const char* what, lua_CFunction call = nullptr);

// Creates the metatable `name` (luaL_newmetatable, so messages name the type)
// holding `metamethods`, and __metatable = false so that rules can neither see
// nor replace it. With `methods`, a methods table becomes __index and is left
// on the stack ([methods]); without, nothing is left. Records the metatable's
// address and a registry reference in `address` and `ref`.
void new_metatable(lua_State* L, const char* name, const luaL_Reg* metamethods, const luaL_Reg* methods,
                   const void** address, int* ref);
// The address of the metatable of the value at `index`, or null. Only
// userdata get the sandbox's metatables, and rules can neither read nor set
// those (__metatable), so a match means one of ours. Inline: every read of
// department data and every dec operation asks.
inline const void* metatable_of(lua_State* L, int index) {
  if (lua_getmetatable(L, index) == 0) return nullptr;
  const void* address = lua_topointer(L, -1);
  lua_pop(L, 1);
  return address;
}
// True when the value at `index` is a userdata whose metatable is at `address`.
inline bool has_metatable(lua_State* L, int index, const void* address) {
  return address != nullptr && metatable_of(L, index) == address;
}
// A value's type for messages: "dec", "date", "data" for ours, else Lua's name.
const char* type_name(lua_State* L, int index);

// --- string_match.cpp: find, match, gmatch and gsub, bounded by the CPU budget ---
void open_string_match(lua_State* L, int string_table);

// --- require.cpp ----------------------------------------------------------
int require_module(lua_State* L);
void reset_modules(lua_State* L);  // a fresh module cache for the next run

// --- rule.cpp: a rule file's chunk and table ------------------------------------
// [chunk] -> [chunk, rule table]: runs the compiled main chunk in a fresh
// environment and checks that it returned a plain table.
void run_chunk(lua_State* L, Runtime& rt, const std::string& path);
// Validates the rule table at `table` and returns its metadata.
RuleInfo read_rule_info(lua_State* L, int table, const std::string& path);
// Notes the chunk name Lua would cut in its messages, for the compiled chunk at
// the top of the stack (loaded as "@" + path).
void remember_source(lua_State* L, Runtime& rt, const std::string& path);
// `text` with every chunk name Lua cut ("...f16cd4e6/src/x.lua:7:") made whole again.
std::string uncut_sources(const Runtime& rt, std::string text);
// A syntax error of the file at `path`, with the file name Lua cut made whole.
std::string uncut_compile_error(const std::string& path, std::string message);
// Raises the Lua error "path: message" (for errors that have no line).
[[noreturn]] void raise_at(lua_State* L, const std::string& path, const std::string& message);

// Each open_* creates its type's metatable; those with a library (dec, date)
// push it as a read-only table, ready to become a global.

// --- dec.cpp --------------------------------------------------------------
void open_dec(lua_State* L, Runtime& rt);  // pushes the `dec` library
void push_dec(lua_State* L, Decimal&& value, Origin origin = {});
void push_dec(lua_State* L, const Decimal& value, Origin origin = {});  // copies straight into the dec
// The dec at `index`, or null.
const Decimal* to_dec(lua_State* L, int index, Origin* origin = nullptr);
// A dec or an integer argument; a float or anything else is an error naming `what`.
Decimal check_decimal(lua_State* L, int index, const char* what);
// An integer, or a dec with an integral value that fits; else an error naming `what`.
lua_Integer check_integer(lua_State* L, int index, const char* what);
// The float error: "cannot mix the float 0.1 with a decimal: use dec('0.1') instead of 0.1".
[[noreturn]] void float_error(lua_State* L, int index, const char* what);
// The rounding mode argument at `index` (a name), or the run's default when absent.
RoundingMode check_rounding(lua_State* L, int index);

// --- date.cpp -------------------------------------------------------------
void open_date(lua_State* L, Runtime& rt);  // pushes the `date` library
void push_date(lua_State* L, Date value, Origin origin = {});
const Date* to_date(lua_State* L, int index, Origin* origin = nullptr);
Date check_date(lua_State* L, int index, const char* what);

// --- calendar.cpp ---------------------------------------------------------
void open_calendar(lua_State* L, Runtime& rt);
void push_calendar(lua_State* L, const Calendar* calendar);

// --- view.cpp: the read-only department and params ------------------------
enum class ViewKind : std::uint8_t { department, params };
void open_view(lua_State* L, Runtime& rt);
// Pushes a Lua value for `value`: nil, boolean, string, dec, date, or a view.
void push_value(lua_State* L, const data::Value& value, const data::SchemaNode* schema, ViewKind kind);
// ipairs for rules: Lua's own, with a direct walk over a department list.
int list_ipairs(lua_State* L);
// The department value a view (or a dec/date read from the department) stands
// for, as "file:line:column", or "" when it is not department data.
std::string data_source(lua_State* L, int index);

// --- ctx.cpp --------------------------------------------------------------
void open_ctx(lua_State* L, Runtime& rt);
void push_ctx(lua_State* L);

}  // namespace jx::sandbox::detail
