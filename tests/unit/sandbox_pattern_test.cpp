// string.find, match, gmatch and gsub: the sandbox's own, budget-charged
// matcher must give exactly what Lua 5.4's gives.
#include "sandbox_support.hpp"

namespace jx::sandbox::testing {
namespace {

class PatternTest : public SandboxTest {
 protected:
  // All results of an expression, joined with spaces.
  std::string all(const std::string& expr) {
    return eval(
        "(function(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end return "
        "table.concat(t, ' ', 1, t.n) end)(" +
        expr + ")");
  }
};

TEST_F(PatternTest, Find) {
  EXPECT_EQ(all("('hello world'):find('wor')"), "7 9");
  EXPECT_EQ(all("('hello world'):find('o', 5)"), "5 5");
  EXPECT_EQ(all("('hello world'):find('o', 6)"), "8 8");
  EXPECT_EQ(all("('hello'):find('l+')"), "3 4");
  EXPECT_EQ(all("('hello'):find('xyz')"), "nil");
  EXPECT_EQ(all("('a.b'):find('.', 1, true)"), "2 2");
  EXPECT_EQ(all("('a+b'):find('+', 1, true)"), "2 2");
  EXPECT_EQ(all("('hello'):find('')"), "1 0");
  EXPECT_EQ(all("('hello'):find('', 6)"), "6 5");
  EXPECT_EQ(all("('hello'):find('', 10)"), "nil");
  EXPECT_EQ(all("('hello'):find('l', -2)"), "4 4");
  EXPECT_EQ(all("('THE (quick) fox'):find('%((%a+)%)')"), "5 11 quick");
  EXPECT_EQ(all("('THE (quick) fox'):find('%f[%a]%a+', 5)"), "6 10");
  EXPECT_EQ(all("('合同备案'):find('备案')"), "7 12");
  EXPECT_EQ(all("('aXb'):find('^a')"), "1 1");
  EXPECT_EQ(all("('baXb'):find('^a')"), "nil");
  EXPECT_EQ(all("('abc$'):find('c$')"), "nil");
  EXPECT_EQ(all("('abc$'):find('c$', 1, true)"), "3 4");
  EXPECT_EQ(all("('a$c'):find('$c')"), "2 3");
}

TEST_F(PatternTest, Match) {
  EXPECT_EQ(all("('key = value'):match('(%w+)%s*=%s*(%w+)')"), "key value");
  EXPECT_EQ(all("('2023-06-30'):match('^(%d+)-(%d+)-(%d+)$')"), "2023 06 30");
  EXPECT_EQ(all("('  trim  '):match('^%s*(.-)%s*$')"), "trim");
  EXPECT_EQ(all("('abc'):match('()b()')"), "2 3");
  EXPECT_EQ(all("('f(a(b)c)d'):match('%b()')"), "(a(b)c)");
  EXPECT_EQ(all("('say \"hi\" now'):match('([\"\\'])(.-)%1')"), "\" hi");
  EXPECT_EQ(all("('x = 10'):match('%d+', 1)"), "10");
  EXPECT_EQ(all("('abc'):match('.-b')"), "ab");
  EXPECT_EQ(all("('aaab'):match('a-b')"), "aaab");
  EXPECT_EQ(all("('aaab'):match('a*')"), "aaa");
  EXPECT_EQ(all("('ab'):match('a?b')"), "ab");
  EXPECT_EQ(all("('b'):match('a?b')"), "b");
}

TEST_F(PatternTest, Gsub) {
  EXPECT_EQ(all("string.gsub('hello world', 'o', '0')"), "hell0 w0rld 2");
  EXPECT_EQ(all("string.gsub('hello world', '(%w+)', '<%1>')"), "<hello> <world> 2");
  EXPECT_EQ(all("string.gsub('hello', '', '-')"), "-h-e-l-l-o- 6");
  EXPECT_EQ(all("string.gsub('hello', 'l*', 'x')"), "xhxexox 4");
  EXPECT_EQ(all("string.gsub('abc', '%w', '%0%0')"), "aabbcc 3");
  EXPECT_EQ(all("string.gsub('abc', 'b', '%%')"), "a%c 1");
  EXPECT_EQ(all("string.gsub('$name is $age', '%$(%w+)', { name = 'Li', age = 30 })"), "Li is 30 2");
  EXPECT_EQ(all("string.gsub('$name $x', '%$(%w+)', { name = 'Li' })"), "Li $x 2");
  EXPECT_EQ(all("string.gsub('hello world', 'o', '0', 1)"), "hell0 world 1");
  EXPECT_EQ(all("string.gsub('aaa', '^a', 'x')"), "xaa 1");
  EXPECT_EQ(all("string.gsub('THE (quick) fox', '%f[%a]%a+', function(w) return w:lower() end)"),
            "the (quick) fox 3");
  EXPECT_EQ(all("string.gsub('abc', '()', '%1')"), "1a2b3c4 4");
  EXPECT_EQ(all("('Ab1 _'):gsub('%u', 'U')"), "Ub1 _ 1");
  EXPECT_EQ(all("('Ab1 _'):gsub('%W', '.')"), "Ab1.. 2");
  EXPECT_EQ(all("('x1y2'):gsub('%d', '')"), "xy 2");
  EXPECT_EQ(all("('[x]'):gsub('[%[%]]', '')"), "x 2");
  EXPECT_EQ(all("('a-b'):gsub('[a-]', '')"), "b 2");
  EXPECT_EQ(all("('a-b'):gsub('[^a-]', '')"), "a- 1");
  EXPECT_EQ(all("('abc'):gsub('[a-b]', '')"), "c 2");
}

TEST_F(PatternTest, Gmatch) {
  EXPECT_EQ(
      eval("(function() local t = {} for w in ('one two three'):gmatch('%a+') do t[#t + 1] = w end return "
           "table.concat(t, ',') end)()"),
      "one,two,three");
  EXPECT_EQ(
      eval("(function() local t = {} for k, v in ('a=1, b=2'):gmatch('(%w+)=(%w+)') do t[#t + 1] = k .. v "
           "end return table.concat(t, ';') end)()"),
      "a1;b2");
  EXPECT_EQ(eval("(function() local n = 0 for x in ('abc'):gmatch('') do n = n + 1 end return n end)()"),
            "4");
  EXPECT_EQ(
      eval("(function() local t = {} for w in ('one two three'):gmatch('%a+', 5) do t[#t + 1] = w end return "
           "table.concat(t, ',') end)()"),
      "two,three");
}

TEST_F(PatternTest, Errors) {
  EXPECT_EQ(eval("('x'):find('%')"), "ERROR: rules/test/snippet.lua:3: malformed pattern (ends with '%')");
  EXPECT_EQ(eval("('x'):find('[a')"), "ERROR: rules/test/snippet.lua:3: malformed pattern (missing ']')");
  EXPECT_EQ(eval("('x'):find('(')"), "ERROR: rules/test/snippet.lua:3: unfinished capture");
  EXPECT_EQ(eval("('x'):find('%1')"), "ERROR: rules/test/snippet.lua:3: invalid capture index %1");
  EXPECT_EQ(eval("('x'):match('x)')"), "ERROR: rules/test/snippet.lua:3: invalid pattern capture");
  EXPECT_EQ(eval("('x'):find('x)')"), "nil");  // no special character: a plain search
  EXPECT_EQ(eval("('x'):gsub('x', '%2')"), "ERROR: rules/test/snippet.lua:3: invalid capture index %2");
  EXPECT_EQ(eval("('x'):gsub('x', '%z')"),
            "ERROR: rules/test/snippet.lua:3: invalid use of '%' in replacement string");
  EXPECT_EQ(eval("('x'):find('%b')"),
            "ERROR: rules/test/snippet.lua:3: malformed pattern (missing arguments to '%b')");
  EXPECT_EQ(eval("('x'):find('%fx')"), "ERROR: rules/test/snippet.lua:3: missing '[' after '%f' in pattern");
  EXPECT_EQ(eval("string.rep('a', 300):match(string.rep('a?', 300))"),
            "ERROR: rules/test/snippet.lua:3: pattern too complex");
  EXPECT_EQ(eval("('x'):gsub('x', true)"),
            "ERROR: rules/test/snippet.lua:3: bad argument #2 to 'gsub' (string/function/table expected, got "
            "boolean)");
  EXPECT_EQ(eval("('x'):gsub('x', function() return {} end)"),
            "ERROR: rules/test/snippet.lua:3: invalid replacement value (a table)");
}

TEST_F(PatternTest, StepsAreCharged) {
  const RuleOutcome out = run_body("local s = string.rep('a', 5000)\nlocal _ = s:find('a-b')");
  EXPECT_FALSE(out.failed());
  EXPECT_GT(out.instructions, 5000u * 5000u / 2);  // quadratic backtracking, all of it charged
}

}  // namespace
}  // namespace jx::sandbox::testing
