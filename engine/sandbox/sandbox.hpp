// jx::sandbox — runs audit rules written in Lua against one department's data,
// safely and exactly. An Engine owns one Lua state (one per worker thread),
// compiles each rule file once, and runs `check(dept, ctx)` under an allow-list
// environment with a CPU and a memory budget; a rule reports through ctx and
// gets back engine-neutral jx::Findings. The rule API is docs/rule-api.md.
// Uses Lua 5.4 (its C++ build), jx::Decimal, jx::Date, jx::Calendar, the data tree.
// No Lua type appears in this header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "data/schema.hpp"
#include "data/value.hpp"
#include "findings/finding.hpp"
#include "values/decimal.hpp"

namespace jx::sandbox {

// Budgets that keep a runaway or hostile rule from hurting the host
// (docs/rule-api.md, "Limits"). Every one stops the rule run with a
// RuleFailure naming the rule's file:line, the budget and its value.
struct Limits {
  std::uint64_t instructions_per_rule = 100'000'000;  // Lua VM instructions per rule run (and per load),
                                                      // coroutines and the work of C functions included
  std::uint32_t milliseconds_per_rule = 10'000;       // wall clock per rule run (and per load)
  std::size_t memory_bytes = 256u << 20;              // all memory of one Engine's Lua state
  std::size_t max_string_bytes = 16u << 20;           // the longest string a rule may build, however
  std::size_t findings_per_rule = 10'000;             // findings one rule run may report
  std::size_t finding_bytes_per_rule = 4u << 20;      // bytes of their subjects, messages and evidence
};

// A rule file's text and the path shown in messages, e.g.
// "rules/gz/2023/procurement/contract_filing.lua".
struct RuleSource {
  std::string path;
  std::string text;
};

// A rule's metadata, from the table its file returns.
struct RuleInfo {
  std::string id;         // "MGMT.PROC.CONTRACT_FILING"
  std::string indicator;  // "管理效率/采购管理/合同备案时效性"
  std::string title;      // "合同备案时效性"
  std::string basis;      // legal basis; may be empty
  std::string source_path;
};

// A rule file that does not compile, fails while loading, or returns bad
// metadata: "rules/gz/2023/x.lua:12: message".
class RuleLoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What one rule run sees. Everything pointed to must outlive the run.
struct RuleInput {
  std::shared_ptr<const data::Document> department;
  // When given, reading a field the schema does not declare is an error (a typo
  // such as p.contract_signd), not a silent nil.
  const data::Schema* schema = nullptr;
  Decimal weight;                                 // the leaf's weight (分值)
  const data::Value* params = nullptr;            // the rule set's parameters (an object), ctx.params
  const Calendar* calendar = nullptr;             // ctx.calendar; nil in Lua when null
  RoundingMode rounding = RoundingMode::half_up;  // the leaf's default rounding: ctx.rounding,
  int scale = 2;                                  // ctx.scale and ctx:round(x)
  int fiscal_year = 0;
};

// Why a rule run stopped: a Lua error, a budget, a misuse of ctx. The sandbox
// only reports it; the audit turns it into the leaf's engine-error finding
// (scoring::engine_error, the one place such findings are made).
struct RuleFailure {
  std::string message;   // "rules/gz/2023/x.lua:12: attempt to index a nil value"
  std::string position;  // "rules/gz/2023/x.lua:12": where the rule stopped
  // The rule used ctx.calendar, which is nil because the rule set names no
  // calendar: the message says so (and the audit says it once per run).
  bool needs_calendar = false;
};

struct RuleOutcome {
  // What the rule reported, in order: all of it, nothing when the run failed,
  // or what fitted when a findings budget cut the run short.
  std::vector<Finding> findings;
  std::optional<RuleFailure> failure;  // set when the run failed: the department's result is incomplete
  std::uint64_t instructions = 0;      // VM instructions used (in steps of 1000), plus the work of
                                       // pattern matching and huge decimals, in instruction units
  std::uint64_t cpu_ns = 0;            // the run's thread CPU time; 0 unless measure_cpu(true)

  [[nodiscard]] bool failed() const { return failure.has_value(); }
};

// Lines executed per file (rule and lib files), for `jxaudit test`.
struct Coverage {
  std::map<std::string, std::set<int>> lines;
};

// The lines of a Lua source that hold code inside its functions (those a
// line hook reports when they run; the top level runs at load and is left
// out). Empty when the text does not compile.
std::set<int> executable_lines(const std::string& text, const std::string& path);

namespace detail {
struct Runtime;
}

// One per worker thread; not thread-safe itself. Many Engines may share the
// same Document, Schema, params and Calendar across threads (all read-only).
class Engine {
 public:
  // lib_dirs: where require("util.money") looks for util/money.lua, in order
  // (the rule set's lib/, then those of the sets it extends), as shown in messages.
  Engine(Limits limits, std::vector<std::string> lib_dirs);
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Compiles a rule file once (text only, never a binary chunk), runs its top
  // level and validates the table it returns. Returns the rule's index.
  // Throws RuleLoadError; the Engine stays usable.
  std::size_t load(const RuleSource& source);
  [[nodiscard]] const RuleInfo& info(std::size_t rule) const;
  [[nodiscard]] std::size_t size() const;

  // Runs one rule (an index load returned; std::out_of_range otherwise) on one
  // department. Never throws for a bad rule: its failure comes back as
  // RuleOutcome::failure (with file:line), logged with a traceback; nothing it
  // did survives.
  RuleOutcome run(std::size_t rule, const RuleInput& input);

  // Records executed lines into `coverage` from now on; nullptr turns it off.
  void set_coverage(Coverage* coverage);
  // Measures each run's thread CPU time into RuleOutcome::cpu_ns from now on
  // (two clock reads per run: off unless a profile asks for it).
  void measure_cpu(bool on);

  // Bytes the Lua state holds now (for tests and measurements).
  [[nodiscard]] std::size_t memory_used() const;

 private:
  std::unique_ptr<detail::Runtime> rt_;
};

}  // namespace jx::sandbox
