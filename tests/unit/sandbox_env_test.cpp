// The sandbox environment: the allow-list, read-only libraries, globals,
// require from lib/, nothing leaking between runs, the budgets, coverage.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "sandbox/small_blocks.hpp"
#include "sandbox_support.hpp"
#include "source_dir.hpp"

namespace jx::sandbox::testing {
namespace {

const std::string lib_dir = jx::test::source_path("/tests/rules/hostile/lib");

class EnvTest : public SandboxTest {
 protected:
  EnvTest() : SandboxTest(Limits{}, {lib_dir}) {}
};

TEST_F(EnvTest, AllowedGlobals) {
  EXPECT_EQ(
      eval("type(pairs) .. type(ipairs) .. type(string.format) .. type(table.concat) .. type(math.floor) .. "
           "type(utf8.len) .. type(coroutine.wrap) .. type(require)"),
      "functionfunctionfunctionfunctionfunctionfunctionfunctionfunction");
  EXPECT_EQ(eval("_VERSION"), "Lua 5.4");
  EXPECT_EQ(eval("select('#', 1, 2, 3)"), "3");
  EXPECT_EQ(eval("tonumber('12')"), "12");
  EXPECT_EQ(eval("utf8.len('合同备案')"), "4");
  EXPECT_EQ(eval("('合同'):rep(2)"), "合同合同");
  EXPECT_EQ(eval("table.concat({ 'a', 'b' }, '-')"), "a-b");
  EXPECT_EQ(eval("(function() local t = { 3, 1, 2 } table.sort(t) return table.concat(t) end)()"), "123");
  EXPECT_EQ(eval("math.max(1, 5)"), "5");
}

TEST_F(EnvTest, ForbiddenGlobals) {
  for (const char* name : {"io", "os", "debug", "package", "load", "loadfile", "dofile", "loadstring",
                           "rawset", "collectgarbage", "_G", "module", "newproxy"}) {
    EXPECT_EQ(
        eval(std::string("(function() return ") + name + " end)()"),
        std::string("ERROR: rules/test/snippet.lua:3: attempted to access nonexistent global '") + name + "'")
        << name;
  }
  EXPECT_EQ(eval("string.dump"), "nil");
  EXPECT_EQ(eval("string.pack"), "nil");
  EXPECT_EQ(eval("math.random"), "nil");
  EXPECT_EQ(eval("math.randomseed"), "nil");
  EXPECT_EQ(eval("('x').dump"), "nil");
}

TEST_F(EnvTest, GlobalsCannotBeCreated) {
  EXPECT_EQ(
      error_of("total = 1"),
      "rules/test/snippet.lua:3: attempted to assign to global 'total' (rules cannot create globals: declare "
      "it local)");
  EXPECT_EQ(error_of("function helper() end"),
            "rules/test/snippet.lua:3: attempted to assign to global 'helper' (rules cannot create globals: "
            "declare "
            "it local)");
  EXPECT_EQ(
      error_of("print = nil"),
      "rules/test/snippet.lua:3: attempted to assign to global 'print' (rules cannot create globals: declare "
      "it local)");
  EXPECT_EQ(
      error_of("_ENV.x = 1"),
      "rules/test/snippet.lua:3: attempted to assign to global 'x' (rules cannot create globals: declare it "
      "local)");
  EXPECT_EQ(eval("getmetatable(_ENV)"), "false");
  EXPECT_EQ(error_of("setmetatable(_ENV, nil)"),
            "rules/test/snippet.lua:3: cannot change a protected metatable");
  EXPECT_EQ(eval("(function() local n = 0 for _ in pairs(_ENV) do n = n + 1 end return n end)()"), "0");
}

TEST_F(EnvTest, LibrariesAreReadOnly) {
  EXPECT_EQ(error_of("string.rep = nil"), "rules/test/snippet.lua:3: the string library is read-only");
  EXPECT_EQ(error_of("table.insert = print"), "rules/test/snippet.lua:3: the table library is read-only");
  EXPECT_EQ(error_of("math.pi = 3"), "rules/test/snippet.lua:3: the math library is read-only");
  EXPECT_EQ(error_of("date.x = 3"), "rules/test/snippet.lua:3: the date library is read-only");
  EXPECT_EQ(error_of("table.insert(string, 'x')"),
            "rules/test/snippet.lua:3: table.insert does not accept a table with a __index metamethod");
  EXPECT_EQ(eval("getmetatable('')"), "false");
  EXPECT_EQ(eval("getmetatable(string)"), "false");
  EXPECT_EQ(eval("(function() local n = 0 for k, v in pairs(string) do n = n + 1 end return n >= 10 end)()"),
            "true");
  EXPECT_EQ(eval("(function() local f, s = pairs(string) return rawequal(s, string) end)()"), "true");
}

TEST_F(EnvTest, PcallAndError) {
  EXPECT_EQ(eval("select(2, pcall(error, 'x'))"), "x");
  EXPECT_EQ(eval("select(2, pcall(error, 'x', 0))"), "x");
  EXPECT_EQ(eval("(function() local ok, e = pcall(function() local y = nil + 1 end) return e end)()"),
            "rules/test/snippet.lua:3: attempt to perform arithmetic on a nil value");
  EXPECT_EQ(eval("select(2, xpcall(function() error('a') end, function(m) return 'handled: ' .. m end))"),
            "handled: rules/test/snippet.lua:3: a");
  EXPECT_EQ(
      eval("(function() local co = coroutine.wrap(function() local ok, v = pcall(coroutine.yield, 1) return "
           "v end) co() return co(42) end)()"),
      "42");
  // Every message names the rule's file:line, even when the error object had none.
  EXPECT_EQ(error_of("error('plain', 0)"), "rules/test/snippet.lua:3: plain");
  EXPECT_EQ(error_of("error({ code = 42 })"), "rules/test/snippet.lua:3: (error object is a table value)");
  EXPECT_EQ(error_of("error()"), "rules/test/snippet.lua:3: (error object is a nil value)");
  EXPECT_EQ(error_of("error(dec(5))"), "rules/test/snippet.lua:3: (error object is a dec value)");
  EXPECT_EQ(error_of("error(42)"), "rules/test/snippet.lua:3: 42");
}

TEST_F(EnvTest, SetmetatableWithoutFinalizers) {
  EXPECT_EQ(eval("getmetatable(setmetatable({}, { __index = { a = 1 } })).__index.a"), "1");
  EXPECT_EQ(error_of("setmetatable({}, { __gc = function() end })"),
            "rules/test/snippet.lua:3: setmetatable: __gc metamethods are not allowed in rules");
  EXPECT_EQ(eval("setmetatable({}, { __tostring = function() return 'mine' end })"), "mine");
}

TEST_F(EnvTest, Print) { EXPECT_EQ(run_body("print('hello', dec('1.5'), nil)").failed(), false); }

TEST_F(EnvTest, Require) {
  EXPECT_EQ(eval("require('util.money').wan(dec('1.005'))"), "1.01 万元");
  EXPECT_EQ(eval("rawequal(require('util.money'), require('util.money'))"), "true");
  EXPECT_EQ(eval("require('util.nope')"),
            "ERROR: rules/test/snippet.lua:3: require: module 'util.nope' not found (looked for " + lib_dir +
                "/util/nope.lua)");
  EXPECT_EQ(
      eval("require('../secret')"),
      "ERROR: rules/test/snippet.lua:3: require: '../secret' is not a module name; name a module of the rule "
      "set's lib folder with dots, as in require(\"util.money\") for lib/util/money.lua");
  EXPECT_EQ(
      eval("require('/etc/passwd')"),
      "ERROR: rules/test/snippet.lua:3: require: '/etc/passwd' is not a module name; name a module of the "
      "rule set's lib folder with dots, as in require(\"util.money\") for lib/util/money.lua");
  EXPECT_EQ(eval("require('..secret')").substr(0, 52),
            "ERROR: rules/test/snippet.lua:3: require: '..secret'");
  EXPECT_EQ(eval("require('bad.syntax')"),
            "ERROR: " + lib_dir + "/bad/syntax.lua:2: unexpected symbol near '='");
  EXPECT_EQ(eval("require('bad.self')"),
            "ERROR: " + lib_dir + "/bad/self.lua:1: require: module 'bad.self' requires itself");
}

TEST_F(EnvTest, FindingsFromLibHelpersCiteTheRuleLine) {
  const RuleOutcome out = run_body("local report = require('util.report')\nreport.note(ctx, 'via helper')");
  ASSERT_FALSE(out.failed()) << out.failure->message;
  EXPECT_EQ(out.findings.at(0).message, "via helper");
  EXPECT_EQ(out.findings.at(0).rule_source, "rules/test/snippet.lua:4");
  // An error inside the helper names the helper's own line.
  EXPECT_EQ(error_of("require('util.report').note(ctx, 42)"),
            lib_dir + "/util/report.lua:5: ctx:note: message must be a string, got number");
}

TEST_F(EnvTest, RequireWithoutLibFolder) {
  Engine engine(Limits{}, {});
  const std::size_t rule =
      engine.load({snippet_path, snippet_rule("R", "ctx:note({ message = require('util.money') })")});
  const RuleOutcome out = engine.run(rule, default_input());
  ASSERT_TRUE(out.failed());
  EXPECT_EQ(
      out.failure->message,
      "rules/test/snippet.lua:3: require: module 'util.money' not found (the rule set has no lib folder)");
}

TEST_F(EnvTest, NothingLeaksBetweenRuns) {
  const std::size_t rule = engine_.load({"rules/test/leak.lua", R"(local count = 0
local counter = require("util.counter")
return { id = "LEAK", indicator = "x", title = "x",
  check = function(dept, ctx)
    count = count + 1
    counter.bump()
    ctx:note({ message = count .. "/" .. counter.bump() .. "/" .. require("util.counter").n })
  end }
)"});
  for (int i = 0; i < 3; ++i) {
    const RuleOutcome out = engine_.run(rule, default_input());
    ASSERT_FALSE(out.failed()) << out.failure->message;
    EXPECT_EQ(out.findings.at(0).message, "1/2/2");
  }
}

TEST_F(EnvTest, InstructionsAreCounted) {
  const RuleOutcome out = run_body("local n = 0 for i = 1, 100000 do n = n + i end");
  EXPECT_FALSE(out.failed());
  EXPECT_GE(out.instructions, 190000u);  // two VM instructions per iteration
  EXPECT_LE(out.instructions, 210000u);
  EXPECT_GT(engine_.memory_used(), 0u);
}

TEST_F(EnvTest, Coverage) {
  Coverage coverage;
  engine_.set_coverage(&coverage);
  (void)run_body("if false then\n  local x = 1\nend\nctx:note({ message = 'x' })");
  engine_.set_coverage(nullptr);
  const std::set<int>& lines = coverage.lines[snippet_path];
  EXPECT_EQ(lines.count(3), 1u);
  EXPECT_EQ(lines.count(4), 0u);
  EXPECT_EQ(lines.count(6), 1u);
  (void)run_body("local y = 2");
  EXPECT_EQ(coverage.lines[snippet_path].count(3), 1u);  // unchanged once off
}

class BudgetTest : public SandboxTest {
 protected:
  BudgetTest() : SandboxTest(Limits{1'000'000, 600'000, 32u << 20, 1u << 20}, {lib_dir}) {}
};

TEST_F(BudgetTest, InstructionBudget) {
  EXPECT_EQ(error_of("while true do end"),
            "rules/test/snippet.lua:3: instruction budget exceeded (1000000 instructions per rule run)");
  EXPECT_EQ(error_of("local n = 0\nwhile true do\n  n = n + 1\nend"),
            "rules/test/snippet.lua:5: instruction budget exceeded (1000000 instructions per rule run)");
  // pcall, xpcall and coroutine.resume cannot swallow it.
  EXPECT_EQ(error_of("pcall(function() while true do end end)\nctx:note({ message = 'survived' })"),
            "rules/test/snippet.lua:3: instruction budget exceeded (1000000 instructions per rule run)");
  EXPECT_EQ(error_of("while true do xpcall(function() while true do end end, function(m) return m end) end"),
            "rules/test/snippet.lua:3: instruction budget exceeded (1000000 instructions per rule run)");
  EXPECT_EQ(
      error_of(
          "local co = coroutine.create(function() while true do end end)\nlocal ok = coroutine.resume(co)\n"
          "ctx:note({ message = 'survived' })"),
      "rules/test/snippet.lua:3: instruction budget exceeded (1000000 instructions per rule run)");
  EXPECT_EQ(error_of("require('bad.loop')"),
            lib_dir + "/bad/loop.lua:1: instruction budget exceeded (1000000 instructions per rule run)");
  // The budget is per run: the next run starts afresh.
  EXPECT_EQ(eval("1 + 1"), "2");
}

class MemoryTest : public SandboxTest {
 protected:
  MemoryTest() : SandboxTest(Limits{1'000'000'000, 600'000, 32u << 20, 1u << 20}, {lib_dir}) {}
};

TEST_F(MemoryTest, MemoryBudget) {
  EXPECT_EQ(error_of("local t = {}\nfor i = 1, 1e9 do t[i] = i end"),
            "rules/test/snippet.lua:4: memory budget exceeded (32 MiB per Lua state)");
  // No string may outgrow max_string_bytes, however it is built.
  EXPECT_EQ(error_of("local s = 'x'\nwhile true do s = s .. s end"),
            "rules/test/snippet.lua:4: string budget exceeded (1 MiB per string)");
  EXPECT_EQ(
      error_of(
          "pcall(function() local t = {} for i = 1, 1e9 do t[i] = i end end)\nctx:note({ message = 'x' })"),
      "rules/test/snippet.lua:3: memory budget exceeded (32 MiB per Lua state)");
  EXPECT_EQ(eval("1 + 1"), "2");
  EXPECT_LT(engine_.memory_used(), 4u << 20);  // the garbage of the failed runs is collected
}

TEST_F(MemoryTest, DecimalsCountTowardsMemory) {
  EXPECT_EQ(
      error_of("local t = {}\nlocal big = dec(string.rep('7', 900))\nfor i = 1, 1e9 do t[i] = big + i end"),
      "rules/test/snippet.lua:5: memory budget exceeded (32 MiB per Lua state)");
}

// Small objects (tables, decs, dates, views) come from the pool of small
// blocks: the budget holds for them, and their memory is reused afterwards.
TEST_F(MemoryTest, SmallObjectsStayWithinTheBudget) {
  EXPECT_EQ(error_of("local t = {}\nfor i = 1, 1e9 do t[i] = { i } end"),
            "rules/test/snippet.lua:4: memory budget exceeded (32 MiB per Lua state)");
  EXPECT_EQ(error_of("local t = {}\nfor i = 1, 1e9 do t[i] = dec(i) + dept.budget.spent end"),
            "rules/test/snippet.lua:4: memory budget exceeded (32 MiB per Lua state)");
  EXPECT_LT(engine_.memory_used(), 4u << 20);  // the garbage of the failed runs is collected
  EXPECT_EQ(eval("(function() local n = 0 for i = 1, 20000 do n = n + #{ i, i } end return n end)()"),
            "40000");
  EXPECT_EQ(
      eval("(function() local s = dec(0) for i = 1, 20000 do s = s + dept.budget.spent end return s end)()"),
      "23965000.00");
}

TEST(SmallBlocksTest, SmallBlocksComeFromThePoolAndLargeOnesFromMalloc) {
  detail::SmallBlocks blocks;
  blocks.reserve(1u << 20);
  void* tiny = blocks.allocate(1);
  void* small = blocks.allocate(detail::SmallBlocks::max_size);
  void* large = blocks.allocate(detail::SmallBlocks::max_size + 1);
  EXPECT_TRUE(blocks.owns(tiny));
  EXPECT_TRUE(blocks.owns(small));
  EXPECT_FALSE(blocks.owns(large));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(tiny) % 16, 0u);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(small) % 16, 0u);
  blocks.release(tiny, 1);
  blocks.release(small, detail::SmallBlocks::max_size);
  blocks.release(large, detail::SmallBlocks::max_size + 1);
}

TEST(SmallBlocksTest, AFreedBlockServesTheNextRequestOfItsSizeClass) {
  detail::SmallBlocks blocks;
  blocks.reserve(1u << 20);
  void* a = blocks.allocate(40);  // class 33 … 48
  void* b = blocks.allocate(40);
  blocks.release(a, 40);
  EXPECT_EQ(blocks.allocate(33), a);
  void* c = blocks.allocate(48);
  EXPECT_NE(c, a);
  EXPECT_NE(c, b);
  EXPECT_NE(blocks.allocate(32), a);  // another class
}

TEST(SmallBlocksTest, ResizeKeepsTheContents) {
  detail::SmallBlocks blocks;
  blocks.reserve(1u << 20);
  auto* p = static_cast<char*>(blocks.allocate(20));
  std::memcpy(p, "0123456789abcdefghi", 20);
  EXPECT_EQ(blocks.resize(p, 20, 30), p);  // the same size class: in place
  auto* q = static_cast<char*>(blocks.resize(p, 30, 100));
  EXPECT_NE(q, p);
  EXPECT_TRUE(blocks.owns(q));
  EXPECT_EQ(std::string(q), "0123456789abcdefghi");
  auto* r = static_cast<char*>(blocks.resize(q, 100, 5000));
  EXPECT_FALSE(blocks.owns(r));
  EXPECT_EQ(std::string(r), "0123456789abcdefghi");
  r = static_cast<char*>(blocks.resize(r, 5000, 9000));
  EXPECT_EQ(std::string(r), "0123456789abcdefghi");
  auto* s = static_cast<char*>(blocks.resize(r, 9000, 20));  // back into the pool
  EXPECT_TRUE(blocks.owns(s));
  EXPECT_EQ(std::string(s), "0123456789abcdefghi");
  blocks.release(s, 20);
}

TEST(SmallBlocksTest, AUsedUpRangeFallsBackToMalloc) {
  detail::SmallBlocks blocks;
  blocks.reserve(4096);  // 256 blocks of 16 bytes
  std::vector<void*> got;
  for (int i = 0; i < 257; ++i) got.push_back(blocks.allocate(16));
  EXPECT_EQ(std::count_if(got.begin(), got.end(), [&](void* p) { return blocks.owns(p); }), 256);
  EXPECT_FALSE(blocks.owns(got.back()));
  for (void* p : got) blocks.release(p, 16);
  EXPECT_TRUE(blocks.owns(blocks.allocate(16)));

  detail::SmallBlocks none;  // nothing reserved: all from malloc
  void* p = none.allocate(16);
  EXPECT_FALSE(none.owns(p));
  none.release(p, 16);
}

TEST_F(BudgetTest, HugeDecimalsAreChargedToTheBudget) {
  // Each of these is one VM instruction or two, but a third of a millisecond of C++ work.
  EXPECT_EQ(error_of("local a = dec(string.rep('7', 999)) / dec(string.rep('3', 998))\n"
                     "while true do local x = a + 1 end"),
            "rules/test/snippet.lua:4: instruction budget exceeded (1000000 instructions per rule run)");
  EXPECT_EQ(error_of("local a = dec(string.rep('7', 999))\nfor i = 1, 1e9 do local x = a / 7 end"),
            "rules/test/snippet.lua:4: instruction budget exceeded (1000000 instructions per rule run)");
  // Everyday amounts cost nothing beyond their instructions.
  const RuleOutcome out = run_body("local s = dec(0)\nfor i = 1, 1000 do s = s + dec('12.34') * 3 / 7 end");
  EXPECT_FALSE(out.failed());
  EXPECT_LT(out.instructions, 20000u);
}

TEST_F(BudgetTest, StringRepIsBounded) {
  EXPECT_EQ(error_of("local s = ('x'):rep(1 << 40)"),
            "rules/test/snippet.lua:3: string.rep: 1099511627776 copies of 1 bytes would exceed the limit of "
            "1048576 bytes");
  EXPECT_EQ(error_of("local s = string.rep('ab', 600000, ',')"),
            "rules/test/snippet.lua:3: string.rep: 600000 copies of 2 bytes would exceed the limit of "
            "1048576 bytes");
  EXPECT_EQ(eval("#('x'):rep(1 << 20)"), "1048576");
  EXPECT_EQ(eval("#string.rep('x', 0)"), "0");
}

TEST_F(BudgetTest, TableFunctionsAreBounded) {
  EXPECT_EQ(
      error_of("table.move({}, 1, math.maxinteger, 2)"),
      "rules/test/snippet.lua:3: table.move: moving elements 1 … 9223372036854775807 is more than any table "
      "can hold here");
  EXPECT_EQ(error_of("local t = setmetatable({}, { __len = function() return math.maxinteger end })\n"
                     "table.insert(t, 1, 'x')"),
            "rules/test/snippet.lua:4: table.insert does not accept a table with a __len metamethod");
  EXPECT_EQ(
      error_of("table.sort(setmetatable({}, { __index = function(t, i) return i end, __len = function() "
               "return 1 << 30 end }))"),
      "rules/test/snippet.lua:3: table.sort does not accept a table with a __len metamethod");
  EXPECT_EQ(
      eval("(function() local t = { 1, 2, 3 } table.move(t, 1, 3, 2) return table.concat(t, ',') end)()"),
      "1,1,2,3");
}

}  // namespace
}  // namespace jx::sandbox::testing
