// Fuzzes the rule sandbox with random Lua rules: the fuzzer's bytes drive a
// generator (lua_program.hpp) that writes a syntactically valid rule from the
// grammar and the allow-listed API: loops up to a billion turns, strings and
// tables that grow, deep recursion, decimals, dates, the calendar, pcall and
// coroutines, metatables, every ctx call. Each rule is loaded and run under
// small budgets (docs/reliability.md, "fuzz_sandbox"), and the host must:
//   - never crash, never throw from run() (a bad rule is an engine_error finding);
//   - stay within the Lua memory budget (Engine::memory_used) and its resident
//     memory within that budget plus the documented margin of 128 MiB
//     (docs/rule-api.md, "Memory of the host"), measured as the growth of the
//     peak resident set (VmHWM, reset before each run);
//   - end every run within its deadline: the thread's CPU time, which load on
//     the machine cannot inflate, stays under the time budget plus one second
//     of slack for the sanitizers (a stop comes one hook tick after the deadline);
//   - keep the findings budgets.
// With JX_FUZZ_SANDBOX_PRINT set, each rule's text goes to stderr.
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <memory>
#include <string>

#include "calendar/calendar.hpp"
#include "data/department.hpp"
#include "lua_program.hpp"
#include "sandbox/sandbox.hpp"
#include "support.hpp"

namespace {

constexpr std::size_t margin_bytes = 128u << 20;  // docs/rule-api.md, "Memory of the host"

jx::sandbox::Limits fuzz_limits() {
  jx::sandbox::Limits limits;
  limits.instructions_per_rule = 2'000'000;
  limits.milliseconds_per_rule = 250;
  limits.memory_bytes = 16u << 20;
  limits.max_string_bytes = 1u << 20;
  limits.findings_per_rule = 100;
  limits.finding_bytes_per_rule = 64u << 10;
  return limits;
}

// A line of /proc/self/status in kB ("VmHWM:", "VmRSS:"), as bytes.
std::size_t status_bytes(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0)
      return std::strtoull(line.c_str() + std::char_traits<char>::length(key), nullptr, 10) * 1024;
  }
  return 0;
}

// Resets the peak resident set to the current one (Linux ≥ 4.0).
void reset_peak() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
}

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct World {
  jx::data::Schema schema = jx::data::Schema::load(JX_SOURCE_DIR "/schemas/department.schema.json");
  std::shared_ptr<const jx::data::Document> department;
  jx::Calendar calendar = jx::Calendar::load(JX_SOURCE_DIR "/rules/calendars/cn-mainland.toml");
  jx::data::Value params;
  World() {
    // A failed rule is logged with its traceback; millions of generated rules fail.
    spdlog::set_level(spdlog::level::off);
    jx::data::LoadResult loaded =
        jx::data::load_department(schema, JX_SOURCE_DIR "/tests/unit/data/sandbox_department.json");
    if (!loaded.document) jx::fuzz::fail("the sandbox test department does not load");
    department = loaded.document;
    jx::data::Value::Object o;
    o.push_back({"contract_filing_working_days", jx::data::Value(jx::Decimal(7), {0, 1, 1})});
    o.push_back({"name", jx::data::Value(std::string("gz"), {0, 2, 1})});
    params = jx::data::Value(std::move(o), {0, 1, 1});
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static World world;
  static const jx::sandbox::Limits limits = fuzz_limits();
  const std::string rule = jx::fuzz::LuaProgram(bytes, size).rule();
  if (std::getenv("JX_FUZZ_SANDBOX_PRINT") != nullptr) std::fprintf(stderr, "%s\n----\n", rule.c_str());

  // A fresh engine per input, as a worker has one per rule set: nothing leaks from one rule to the next.
  jx::sandbox::Engine engine(limits, {});
  jx::sandbox::RuleInput input;
  input.department = world.department;
  input.schema = &world.schema;
  input.weight = jx::Decimal(10);
  input.params = &world.params;
  input.calendar = &world.calendar;
  input.fiscal_year = 2023;

  const std::size_t resident = status_bytes("VmRSS:");
  reset_peak();
  const double cpu_start = thread_cpu_ms();
  std::size_t index = 0;
  try {
    index = engine.load({"rules/fuzz/generated.lua", rule});
  } catch (const jx::sandbox::RuleLoadError& e) {
    if (std::string(e.what()).rfind("rules/fuzz/generated.lua", 0) != 0)
      jx::fuzz::fail(std::string("a load error without the rule's file: ") + e.what());
    return 0;
  }
  const double load_ms = thread_cpu_ms() - cpu_start;
  const jx::sandbox::RuleOutcome outcome = engine.run(index, input);
  const double run_ms = thread_cpu_ms() - cpu_start - load_ms;
  const std::size_t peak = status_bytes("VmHWM:");

  const double allowed_ms = limits.milliseconds_per_rule + 1000.0;
  if (load_ms > allowed_ms || run_ms > allowed_ms)
    jx::fuzz::fail("a rule ran past its deadline: load " + std::to_string(load_ms) + " ms, run " +
                   std::to_string(run_ms) + " ms of CPU (budget " +
                   std::to_string(limits.milliseconds_per_rule) + " ms)");
  if (engine.memory_used() > limits.memory_bytes)
    jx::fuzz::fail("the Lua state holds " + std::to_string(engine.memory_used()) + " bytes, over its budget");
  if (peak > resident + limits.memory_bytes + margin_bytes)
    jx::fuzz::fail("resident memory grew by " + std::to_string(peak - resident) + " bytes during one rule");
  std::size_t finding_bytes = 0;
  for (const jx::Finding& f : outcome.findings) {
    finding_bytes += f.subject.size() + f.message.size();
    for (const jx::Evidence& e : f.evidence) finding_bytes += e.key.size() + e.value.size();
  }
  if (outcome.findings.size() > limits.findings_per_rule + 1)
    jx::fuzz::fail("a rule kept " + std::to_string(outcome.findings.size()) + " findings");
  if (!outcome.failed() && finding_bytes > limits.finding_bytes_per_rule)
    jx::fuzz::fail("a rule's findings hold " + std::to_string(finding_bytes) + " bytes");
  if (outcome.failed() && outcome.failure->message.empty())
    jx::fuzz::fail("a failed run without an engine_error message");
  return 0;
}
