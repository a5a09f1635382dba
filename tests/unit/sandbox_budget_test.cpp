// The budgets of a rule run (docs/rule-api.md, "Limits"): one instruction
// count shared by every coroutine, a wall-clock deadline, C library functions
// charged by their work, findings inside a count and a size, nothing of the
// rule running after a stop, one clear message per stop, and file names that
// stay whole however deep the checkout lies.
#include <chrono>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "sandbox_support.hpp"
#include "source_dir.hpp"

namespace jx::sandbox::testing {
namespace {

Limits small_limits() {
  Limits l;
  l.instructions_per_rule = 1'000'000;
  l.milliseconds_per_rule = 600'000;  // not what these tests reach, even on a loaded machine
  return l;
}

class BudgetsTest : public SandboxTest {
 protected:
  BudgetsTest() : SandboxTest(small_limits()) {}

  // Instructions a check body is charged.
  std::uint64_t charged(const std::string& body) {
    const RuleOutcome out = run_body(body);
    EXPECT_FALSE(out.failed()) << out.failure->message;
    return out.instructions;
  }
};

const std::string budget = "instruction budget exceeded (1000000 instructions per rule run)";

TEST_F(BudgetsTest, CoroutinesShareTheRunsCount) {
  // 1000 coroutines of about 100 instructions each, all under the hook's
  // interval: each resume is charged the coroutine interval up front, and the
  // coroutine is counted from its first instruction.
  const std::uint64_t n = charged(
      "for i = 1, 1000 do coroutine.wrap(function() local x = 0 for j = 1, 50 do x = x + j end end)() end");
  EXPECT_GE(n, 1000u * 100u + 1000u * 100u);  // the charge up front and one tick each
  EXPECT_LE(n, 1000u * 100u + 1000u * 100u + 20'000u);
  EXPECT_EQ(error_of("while true do coroutine.wrap(function() local x = 0 for i = 1, 50 do x = x + i end "
                     "end)() end"),
            "rules/test/snippet.lua:3: " + budget);
  EXPECT_EQ(error_of("local co = coroutine.create(function() while true do end end)\ncoroutine.resume(co)"),
            "rules/test/snippet.lua:3: " + budget);
}

TEST_F(BudgetsTest, LibraryFunctionsAreChargedByTheirWork) {
  const std::string list = "local t = {} for i = 1, 10000 do t[i] = i end\n";
  // table.insert(t, 1, x) shifts 10,000 elements: 4 instructions each (10,001 moves).
  const std::uint64_t base = charged(list);
  EXPECT_NEAR(static_cast<double>(charged(list + "table.insert(t, 1, 0)") - base), 40'004.0, 1'100.0);
  EXPECT_NEAR(static_cast<double>(charged(list + "table.remove(t, 1)") - base), 39'996.0, 1'100.0);
  // (The array part has room for 16,384: moving up by one does not grow it.)
  EXPECT_NEAR(static_cast<double>(charged(list + "table.move(t, 1, 10000, 2)") - base), 40'000.0, 1'100.0);
  // s:upper() on 1 MiB reads 1 MiB (131,072 instructions) and allocates 2 MiB, a buffer and then the
  // string (32,768 more), and returns one value.
  const std::string mib = "local s = string.rep('a', 1 << 20)\n";
  const std::uint64_t with_string = charged(mib);
  EXPECT_NEAR(static_cast<double>(charged(mib + "local u = s:upper()") - with_string), 163'841.0, 1'100.0);
  EXPECT_NEAR(static_cast<double>(charged(mib + "local n = utf8.len(s)") - with_string), 131'072.0, 1'100.0);
  // Everyday calls cost nothing beyond their instructions.
  EXPECT_LT(charged("for i = 1, 1000 do local s = ('abc'):upper() .. tostring(i) end"), 20'000u);
  EXPECT_EQ(eval("'10' + 1"), "11");
}

TEST_F(BudgetsTest, TheDeadlineStopsWhatTheCountCannotSee) {
  // One VM instruction compares two 1 MiB strings: 1,000 of them between two
  // ticks of the count hook. The deadline, read at every tick, stops the loop.
  Limits limits = small_limits();
  limits.instructions_per_rule = 1'000'000'000;
  limits.milliseconds_per_rule = 300;
  Engine engine(limits, {});
  const auto start = std::chrono::steady_clock::now();
  const std::size_t rule = engine.load({snippet_path, snippet_rule("SLOW",
                                                                   "local a = string.rep('a', 1 << 20)\n"
                                                                   "local b = a:sub(1)\n"
                                                                   "while a == b do end")});
  const RuleOutcome out = engine.run(rule, default_input());
  const auto took =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(out.failed());
  EXPECT_EQ(out.failure->message, "rules/test/snippet.lua:5: time budget exceeded (300 ms per rule run)");
  EXPECT_EQ(out.failure->position, "rules/test/snippet.lua:5");
  EXPECT_LT(took, 300 + 5'000);  // a tick of 1 MiB comparisons, on a loaded machine under asan
}

TEST_F(BudgetsTest, FindingsAreCutAtTheirCount) {
  Limits limits = small_limits();
  limits.findings_per_rule = 3;
  Engine engine(limits, {});
  const std::size_t rule = engine.load(
      {snippet_path, snippet_rule("MANY", "for i = 1, 5 do ctx:note({ message = 'n' .. i }) end")});
  const RuleOutcome out = engine.run(rule, default_input());
  ASSERT_TRUE(out.failed());
  ASSERT_EQ(out.findings.size(), 3u);  // the first three stand; the failure says the rest were cut
  EXPECT_EQ(out.findings.at(0).message, "n1");
  EXPECT_EQ(out.findings.at(2).message, "n3");
  EXPECT_EQ(
      out.failure->message,
      "rules/test/snippet.lua:3: findings budget exceeded (3 findings per rule run): the findings after the "
      "first 3 are cut");
  EXPECT_EQ(out.failure->position, "rules/test/snippet.lua:3");
}

TEST_F(BudgetsTest, FindingsAreCutAtTheirBytes) {
  Limits limits = small_limits();
  limits.finding_bytes_per_rule = 25;  // subject, message, evidence keys and values
  Engine engine(limits, {});
  const std::size_t rule = engine.load(
      {snippet_path,
       snippet_rule("BIG",
                    "for i = 1, 5 do\nctx:note({ message = '12345', evidence = { k = 'vvvvv' } })\nend")});
  const RuleOutcome out = engine.run(rule, default_input());
  ASSERT_TRUE(out.failed());
  ASSERT_EQ(out.findings.size(), 2u);  // 11 bytes each: two fit in 25
  EXPECT_EQ(
      out.failure->message,
      "rules/test/snippet.lua:4: findings budget exceeded (25 bytes of messages and evidence per rule run): "
      "the findings from here on are cut");
}

TEST_F(BudgetsTest, NoRuleCodeRunsAfterAStop) {
  Coverage coverage;
  engine_.set_coverage(&coverage);
  // Line 4 (__close), 7 (the message handler), 10 (__tostring) must never run:
  // each would be rule code after the budget error.
  const std::string body =
      "local guard <close> = setmetatable({}, { __close = function()\n"
      "  ctx:note({ message = 'closed' })\n"
      "end })\n"
      "xpcall(function() while true do end end, function(m)\n"
      "  return m\n"
      "end)\n"
      "local t = setmetatable({}, { __tostring = function()\n"
      "  return 'shown'\n"
      "end })";
  EXPECT_EQ(error_of(body), "rules/test/snippet.lua:6: " + budget);
  engine_.set_coverage(nullptr);
  const std::set<int>& lines = coverage.lines[snippet_path];
  EXPECT_EQ(lines.count(6), 1u);
  EXPECT_EQ(lines.count(4), 0u) << "__close ran after the stop";
  EXPECT_EQ(lines.count(7), 0u) << "the message handler ran after the stop";
  // The handler still runs for the rule's own errors.
  EXPECT_EQ(
      eval("select(2, xpcall(function() error('mine', 0) end, function(m) return 'handled ' .. m end))"),
      "handled mine");
}

TEST_F(BudgetsTest, MetamethodsEnteredFromTheVmOrFromCAreCounted) {
  // Each metamethod loops; each is stopped by the same budget, at its own line (3).
  for (const char* entry : {"local _ = a .. a", "local _ = #a", "local _ = a == b", "local _ = a < b",
                            "local _ = a.x", "a.x = 1", "a()", "local _ = -a", "local _ = tostring(a)",
                            "table.sort({ a, b })", "local _ = string.format('%s', a)",
                            "for _ in pairs(a) do end", "coroutine.wrap(function() local _ = a .. a end)()",
                            "local ok = pcall(function() local _ = #a end)"}) {
    const std::string body =
        "local function loop() while true do end end\n"
        "local mt = { __concat = loop, __len = loop, __eq = loop, __lt = loop, __index = loop, __newindex = "
        "loop, __call = loop, __unm = loop, __tostring = loop, __pairs = loop }\n"
        "local a, b = setmetatable({}, mt), setmetatable({}, mt)\n" +
        std::string(entry);
    EXPECT_EQ(error_of(body), "rules/test/snippet.lua:3: " + budget) << entry;
  }
}

TEST_F(BudgetsTest, AnErrorObjectIsRenderedWithoutRuleCode) {
  EXPECT_EQ(error_of("error(setmetatable({}, { __tostring = function() while true do end end }))"),
            "rules/test/snippet.lua:3: (error object is a table value)");
  EXPECT_EQ(error_of("error(setmetatable({}, { __name = 'Thing' }))"),
            "rules/test/snippet.lua:3: (error object is a Thing value)");
  EXPECT_EQ(error_of("error(2^53)"), "rules/test/snippet.lua:3: 9.007199254741e+15");
  EXPECT_EQ(error_of("error(true)"), "rules/test/snippet.lua:3: true");
  // A huge message is cut, at a whole UTF-8 character, and says how long it was.
  const std::string cut = error_of("error(string.rep('长', 30000))");
  EXPECT_EQ(
      cut, "rules/test/snippet.lua:3: " + [] {
        std::string s;
        for (int i = 0; i < (2000 - 26) / 3; ++i) s += "长";
        return s;
      }() + "… (90026 bytes in all)");
}

TEST_F(BudgetsTest, NestedCoroutinesSayTheirPositionOnce) {
  EXPECT_EQ(error_of("local function nest() return coroutine.wrap(nest)() end\nnest()"),
            "rules/test/snippet.lua:3: C stack overflow");
  EXPECT_EQ(error_of("coroutine.wrap(function() coroutine.wrap(function() error('deep') end)() end)()"),
            "rules/test/snippet.lua:3: deep");
}

TEST_F(BudgetsTest, MathAndUtf8AtTheirExtremes) {
  EXPECT_EQ(eval("math.mininteger // -1"), "-9223372036854775808");
  EXPECT_EQ(eval("math.mininteger % -1"), "0");
  EXPECT_EQ(eval("math.abs(math.mininteger)"), "-9223372036854775808");
  EXPECT_EQ(eval("math.tointeger(2^63)"), "nil");
  EXPECT_EQ(eval("math.fmod(math.mininteger, -1)"), "0");
  EXPECT_EQ(eval("math.ult(-1, 1)"), "false");
  EXPECT_EQ(eval("string.format('%d', math.mininteger)"), "-9223372036854775808");
  EXPECT_EQ(eval("#utf8.char(0x7FFFFFFF)"), "6");
  EXPECT_EQ(eval("select(2, utf8.len('ab\\xff'))"), "3");
  EXPECT_EQ(error_of("local x = 1 // 0"), "rules/test/snippet.lua:3: attempt to divide by zero");
  EXPECT_EQ(error_of("local x = 1 % 0"), "rules/test/snippet.lua:3: attempt to perform 'n%0'");
  EXPECT_EQ(error_of("local x = math.fmod(1, 0)"),
            "rules/test/snippet.lua:3: bad argument #2 to 'fmod' (zero)");
}

TEST_F(BudgetsTest, HugeTableConstructor) {
  std::string items;
  for (int i = 0; i < 200'000; ++i) items += "1,";
  const RuleOutcome out = run_body("local t = {" + items + "}\nctx:note({ message = tostring(#t) })");
  ASSERT_FALSE(out.failed()) << out.failure->message;
  EXPECT_EQ(out.findings.at(0).message, "200000");
  EXPECT_GE(out.instructions, 200'000u);
}

// Issue 14: Lua cuts chunk names to 60 characters in its own messages; every
// message here must carry the whole path, however deep the files lie.
TEST(DeepPathTest, MessagesCarryWholePaths) {
  namespace fs = std::filesystem;
  const fs::path deep = fs::temp_directory_path() / ("jx-deep-path-" + std::to_string(::getpid())) /
                        "a-checkout-lying-very-deep-below-the-root-of-a-shared-build-machine" /
                        "with-one-more-folder-for-good-measure-and-another-one-below-it" / "lib";
  fs::create_directories(deep);
  fs::copy(jx::test::source_path("/tests/rules/hostile/lib"), deep, fs::copy_options::recursive);
  const std::string lib = deep.string();
  ASSERT_GT(lib.size(), 150u);
  const std::string rule_path = lib + "/../rules/procurement/contract_filing.lua";
  Engine engine(small_limits(), {lib});
  auto error_of = [&](const std::string& body) {
    const RuleOutcome out = engine.run(
        engine.load({rule_path, snippet_rule("R" + std::to_string(body.size()), body)}), default_input());
    return out.failed() ? out.failure->message : std::string("no error");
  };
  EXPECT_EQ(error_of("local t = nil\nreturn t.x"),
            rule_path + ":4: attempt to index a nil value (local 't')");
  EXPECT_EQ(error_of("error('boom')"), rule_path + ":3: boom");
  EXPECT_EQ(error_of("error({})"), rule_path + ":3: (error object is a table value)");
  EXPECT_EQ(error_of("while true do end"), rule_path + ":3: " + budget);
  EXPECT_EQ(error_of("require('bad.syntax')"), lib + "/bad/syntax.lua:2: unexpected symbol near '='");
  EXPECT_EQ(error_of("require('util.report').note(ctx, 42)"),
            lib + "/util/report.lua:5: ctx:note: message must be a string, got number");
  try {
    engine.load({rule_path, "return {"});
    ADD_FAILURE() << "a syntax error loaded";
  } catch (const RuleLoadError& e) {
    EXPECT_EQ(std::string(e.what()), rule_path + ":1: unexpected symbol near <eof>");
  }
  fs::remove_all(deep.parent_path().parent_path().parent_path());
}

}  // namespace
}  // namespace jx::sandbox::testing
