// jx::sandbox::Engine: loads rules and runs them, one protected call each,
// turning whatever goes wrong inside into a RuleFailure (file:line and why).
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <ctime>

#include <stdexcept>
#include <string>

#include "sandbox/runtime.hpp"
#include "sandbox/stack_guard.hpp"
#include "sandbox/trampoline.hpp"

namespace jx::sandbox {

using detail::Runtime;

namespace {

int init_protected(lua_State* L) {
  Runtime& rt = detail::runtime(L);
  lua_pushliteral(L, "rule stopped");
  rt.stopped_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  detail::open_view(L, rt);
  detail::open_calendar(L, rt);
  detail::open_ctx(L, rt);
  detail::open_environment(rt);
  detail::reset_modules(L);
  return 0;
}

struct LoadJob {
  const RuleSource* source = nullptr;
  RuleInfo info;
  int chunk_ref = LUA_NOREF;
};

// [job] -> []
int load_protected(lua_State* L) {
  auto& job = *static_cast<LoadJob*>(lua_touserdata(L, 1));
  Runtime& rt = detail::runtime(L);
  const std::string& path = job.source->path;
  const std::string chunkname = "@" + path;
  const std::string& text = job.source->text;
  if (luaL_loadbufferx(L, text.data(), text.size(), chunkname.c_str(), "t") != LUA_OK) {
    const std::string message =
        detail::uncut_compile_error(path, lua_tostring(L, -1) != nullptr ? lua_tostring(L, -1) : "");
    if (message.rfind(path + ":", 0) == 0) {
      lua_pushstring(L, message.c_str());
      return lua_error(L);
    }
    detail::raise_at(L, path, message.empty() ? "cannot be compiled" : message);
  }
  detail::remember_source(L, rt, path);
  detail::reset_modules(L);
  detail::run_chunk(L, rt, path);  // [job, chunk, table]
  job.info = detail::read_rule_info(L, lua_gettop(L), path);
  for (const Runtime::Rule& other : rt.rules) {
    if (other.info.id == job.info.id) {
      detail::raise_at(
          L, path,
          fmt::format("duplicate rule id '{}' (already used by {})", job.info.id, other.info.source_path));
    }
  }
  lua_pop(L, 1);
  job.chunk_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  return 0;
}

// [rule] -> []
// This thread's CPU time: what a run cost, whatever else the machine runs.
std::uint64_t thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1'000'000'000u + static_cast<std::uint64_t>(ts.tv_nsec);
}

int run_protected(lua_State* L) {
  const auto& rule = *static_cast<const Runtime::Rule*>(lua_touserdata(L, 1));
  Runtime& rt = detail::runtime(L);
  const std::string& path = rule.info.source_path;
  detail::reset_modules(L);
  lua_rawgeti(L, LUA_REGISTRYINDEX, rule.chunk_ref);  // [rule, chunk]
  detail::run_chunk(L, rt, path);                     // [rule, chunk, table]
  lua_pushliteral(L, "check");
  if (lua_rawget(L, -2) != LUA_TFUNCTION) detail::raise_at(L, path, "'check' must be a function(dept, ctx)");
  const int check = lua_gettop(L);
  lua_Debug ar;
  lua_pushvalue(L, check);
  lua_getinfo(L, ">S", &ar);
  const int defined = ar.linedefined;

  const RuleInput& input = *rt.run->input;
  if (input.department) {
    detail::push_value(L, input.department->root, input.schema != nullptr ? &input.schema->root() : nullptr,
                       detail::ViewKind::department);
  } else {
    lua_pushnil(L);
  }
  detail::push_ctx(L);
  lua_call(L, 2, LUA_MULTRET);
  for (int i = check; i <= lua_gettop(L); ++i) {
    if (!lua_isnil(L, i)) {
      rt.error_location = fmt::format("{}:{}", path, defined);
      detail::raise_at(L, fmt::format("{}:{}", path, defined),
                       fmt::format("check returned a {} value; a rule reports through ctx:deduct, ctx:score, "
                                   "ctx:note or ctx:missing and returns nothing",
                                   detail::type_name(L, i)));
    }
  }
  return 0;
}

// Outside any protected call: read the error object without converting it
// (lua_tostring on a number would allocate, unprotected).
std::string pop_message(lua_State* L) {
  std::string message = lua_type(L, -1) == LUA_TSTRING
                            ? std::string(lua_tostring(L, -1), lua_rawlen(L, -1))
                            : fmt::format("(error object is a {} value)", luaL_typename(L, -1));
  lua_pop(L, 1);
  return message;
}

std::string mebibytes(std::size_t bytes) {
  return bytes % (1u << 20) == 0 ? fmt::format("{} MiB", bytes >> 20) : fmt::format("{} bytes", bytes);
}

std::string milliseconds(std::uint32_t ms) {
  return ms % 1000 == 0 ? fmt::format("{} s", ms / 1000) : fmt::format("{} ms", ms);
}

// The length of a "file:12: " prefix at `at`, or 0.
std::size_t position_prefix(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return 0;
  std::size_t i = colon + 1;
  const std::size_t digits = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits || i + 1 >= text.size() || text[i] != ':' || text[i + 1] != ' ') return 0;
  return i + 2;
}

// One clear message: the uncut file names, a repeated position prefix said
// once ("x.lua:7: x.lua:7: …" from nested coroutines), the position when the
// error object had none, and a bounded length.
std::string clear_message(const Runtime& rt, std::string message) {
  constexpr std::size_t kMostBytes = 2000;
  message = detail::uncut_sources(rt, message);
  for (std::size_t n = position_prefix(message); n > 0 && message.compare(n, n, message, 0, n) == 0;) {
    message.erase(0, n);
  }
  if (position_prefix(message) == 0 && !rt.error_location.empty())
    message = rt.error_location + ": " + message;
  if (message.size() > kMostBytes) {
    std::size_t cut = kMostBytes;
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80)
      --cut;  // a whole UTF-8 character
    message = fmt::format("{}… ({} bytes in all)", message.substr(0, cut), message.size());
  }
  return message;
}

// The message for a failed protected call, with the budgets' own wording.
std::string failure_message(const Runtime& rt, int status, std::string lua_message) {
  const Limits& l = rt.limits;
  const std::string where = rt.stop_position[0] != '\0' ? std::string(rt.stop_position) + ": " : "";
  switch (rt.stop) {
    case detail::Stop::instructions:
      return fmt::format("{}instruction budget exceeded ({} instructions per rule run)", where,
                         l.instructions_per_rule);
    case detail::Stop::time:
      return fmt::format("{}time budget exceeded ({} per rule run)", where,
                         milliseconds(l.milliseconds_per_rule));
    case detail::Stop::string_size:
      return fmt::format("{}string budget exceeded ({} per string)", where, mebibytes(l.max_string_bytes));
    case detail::Stop::findings:
      return fmt::format(
          "{}findings budget exceeded ({} findings per rule run): the findings after the first {} "
          "are cut",
          where, l.findings_per_rule, l.findings_per_rule);
    case detail::Stop::finding_bytes:
      return fmt::format(
          "{}findings budget exceeded ({} of messages and evidence per rule run): the findings "
          "from here on are cut",
          where, mebibytes(l.finding_bytes_per_rule));
    case detail::Stop::memory:
    case detail::Stop::none: break;
  }
  if (rt.stop == detail::Stop::memory || status == LUA_ERRMEM) {
    const std::string at = rt.stop_position[0] != '\0'     ? std::string(rt.stop_position)
                           : rt.memory_position[0] != '\0' ? std::string(rt.memory_position)
                           : rt.last_position[0] != '\0'   ? std::string(rt.last_position)
                                                           : rt.error_location;
    return fmt::format("{}{}memory budget exceeded ({} per Lua state)", at, at.empty() ? "" : ": ",
                       mebibytes(l.memory_bytes));
  }
  if (status == LUA_ERRERR)
    return "error while handling an error: " + clear_message(rt, std::move(lua_message));
  return clear_message(rt, std::move(lua_message));
}

}  // namespace

Engine::Engine(Limits limits, std::vector<std::string> lib_dirs) : rt_(std::make_unique<Runtime>()) {
  rt_->limits = limits;
  rt_->lib_dirs = std::move(lib_dirs);
  detail::open_state(*rt_);
  lua_State* L = rt_->L;
  lua_pushcfunction(L, detail::trampoline<init_protected>);
  if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
    const std::string message = pop_message(L);
    throw std::runtime_error("cannot set up the Lua sandbox: " + message);
  }
}

Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

std::size_t Engine::load(const RuleSource& source) {
  Runtime& rt = *rt_;
  lua_State* L = rt.L;
  if (source.path.empty()) throw RuleLoadError("a rule needs a path for its messages");
  JX_STACK_GUARD(L, 0);
  LoadJob job;
  job.source = &source;
  detail::reset_budget(rt);
  rt.run = nullptr;
  lua_pushcfunction(L, detail::trampoline<load_protected>);
  lua_pushlightuserdata(L, &job);
  const int status = detail::protected_call(rt, 1, 0);
  std::string message = status != LUA_OK ? failure_message(rt, status, pop_message(L)) : std::string();
  const bool out_of_memory = rt.stop == detail::Stop::memory || status == LUA_ERRMEM;
  rt.stop = detail::Stop::none;  // the main thread is counted afresh from here
  detail::set_hook(rt);
  if (status != LUA_OK) {
    if (out_of_memory) lua_gc(L, LUA_GCCOLLECT);
    if (message.rfind(source.path, 0) != 0) message = source.path + ": " + message;
    throw RuleLoadError(message);
  }
  rt.rules.push_back(Runtime::Rule{std::move(job.info), job.chunk_ref});
  return rt.rules.size() - 1;
}

const RuleInfo& Engine::info(std::size_t rule) const { return rt_->rules.at(rule).info; }

std::size_t Engine::size() const { return rt_->rules.size(); }

RuleOutcome Engine::run(std::size_t rule, const RuleInput& input) {
  Runtime& rt = *rt_;
  const std::uint64_t cpu_start = rt.measure_cpu ? thread_cpu_ns() : 0;
  lua_State* L = rt.L;
  const Runtime::Rule& r = rt.rules.at(rule);
  const int top = lua_gettop(L);

  detail::RunState run;
  run.input = &input;
  run.rule = &r.info;
  rt.run = &run;
  detail::reset_budget(rt);
  lua_pushcfunction(L, detail::trampoline<run_protected>);
  lua_pushlightuserdata(L, const_cast<Runtime::Rule*>(&r));
  const int status = detail::protected_call(rt, 1, 0);

  RuleOutcome outcome;
  outcome.instructions = rt.instructions;
  if (rt.measure_cpu) outcome.cpu_ns = thread_cpu_ns() - cpu_start;
  // Views, ctx and calendar handles of this run stop working from here on.
  rt.run = nullptr;
  if (++rt.generation == 0) rt.generation = 1;

  const bool failed = status != LUA_OK || rt.stop != detail::Stop::none;
  const bool cut = rt.stop == detail::Stop::findings || rt.stop == detail::Stop::finding_bytes;
  if (!failed || cut) outcome.findings = std::move(run.findings);  // a cut list keeps what fits
  if (failed) {
    const std::string lua_message = status != LUA_OK ? pop_message(L) : std::string();
    RuleFailure failure;
    failure.message = failure_message(rt, status, lua_message);
    failure.position = rt.stop_position[0] != '\0' ? std::string(rt.stop_position)
                       : status == LUA_ERRMEM && rt.memory_position[0] != '\0'
                           ? std::string(rt.memory_position)
                           : rt.error_location;
    if (failure.position.empty())
      failure.position = rt.last_position[0] != '\0' ? rt.last_position : r.info.source_path;
    // "attempt to index a nil value (local 'calendar')" does not tell an author
    // that the manifest lacks a calendar: say that instead.
    failure.needs_calendar = run.read_absent_calendar && status != LUA_OK && rt.stop == detail::Stop::none &&
                             lua_message.find("a nil value") != std::string::npos;
    if (failure.needs_calendar) {
      failure.message =
          failure.position +
          ": this rule counts with ctx.calendar, which is nil: the rule set's manifest names no "
          "calendar (calendar = \"cn-mainland\")";
    }
    // Logged once per failure, except a missing calendar: the audit says that once per run.
    if (failure.needs_calendar) {
      spdlog::debug("rule {} failed: {}", r.info.id, failure.message);
    } else {
      spdlog::warn("rule {} failed: {}", r.info.id, failure.message);
    }
    if (!rt.error_traceback.empty())
      spdlog::debug("rule {} traceback:\n{}", r.info.id, detail::uncut_sources(rt, rt.error_traceback));
    outcome.failure = std::move(failure);
    if (rt.stop == detail::Stop::memory || status == LUA_ERRMEM) lua_gc(L, LUA_GCCOLLECT);
  }
  // No handler of this run may outlive it: the main thread is counted afresh.
  rt.stop = detail::Stop::none;
  detail::set_hook(rt);
  if (lua_gettop(L) != top) {
    // A bug here, not in the rule: say so, and keep the state usable.
    spdlog::error("Lua stack off by {} after rule {}", lua_gettop(L) - top, r.info.id);
    lua_settop(L, top);
  }
  return outcome;
}

void Engine::measure_cpu(bool on) { rt_->measure_cpu = on; }

void Engine::set_coverage(Coverage* coverage) {
  rt_->coverage = coverage;
  detail::set_hook(*rt_);
}

std::size_t Engine::memory_used() const { return rt_->memory_used + rt_->external_bytes; }

}  // namespace jx::sandbox
