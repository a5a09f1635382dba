// A structured generator of Lua rules for fuzz_sandbox: the fuzzer's bytes are
// read as choices (FuzzedDataProvider style, by hand: one byte per choice, 0
// when the bytes run out), and every choice picks a production of a small
// grammar of Lua 5.4 statements and expressions over the allow-listed API
// (docs/rule-api.md). The output always parses as Lua; whether it runs is the
// sandbox's business. Depth and length are bounded so a rule stays small.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace jx::fuzz {

class LuaProgram {
 public:
  LuaProgram(const std::uint8_t* bytes, std::size_t size) : bytes_(bytes), size_(size) {}

  // A whole rule file: return { id, indicator, title, check = function(dept, ctx) … end }.
  std::string rule() {
    std::string head;
    // Sometimes the rule's top level does work too (it runs under the same budgets).
    if (pick(4) == 0) head = block(0);
    std::string body = block(0);
    return head +
           "\nreturn { id = \"FUZZ.RULE\", indicator = \"测试/指标\", title = \"模糊\",\n"
           "check = function(dept, ctx)\n" +
           body + "\nend }\n";
  }

 private:
  static constexpr int max_depth = 5;
  static constexpr std::size_t max_statements = 6;

  unsigned pick(unsigned n) {
    if (at_ >= size_) return 0;
    return bytes_[at_++] % n;
  }
  bool done() const { return at_ >= size_; }

  std::string var() { return "v" + std::to_string(pick(4)); }

  std::string count() {
    static const char* const counts[] = {
        "0", "1", "3", "10", "100", "1000", "100000", "1e9", "math.maxinteger", "-1"};
    return counts[pick(10)];
  }

  std::string literal() {
    static const char* const values[] = {"nil",
                                         "true",
                                         "false",
                                         "0",
                                         "1",
                                         "-1",
                                         "2^53",
                                         "1.5",
                                         "1/0",
                                         "0/0",
                                         "math.mininteger",
                                         "\"\"",
                                         "\"CG-1\"",
                                         "\"中文字符串\"",
                                         "\"%d%s\"",
                                         "\"(a*)*b\"",
                                         "\"\\0\"",
                                         "{}",
                                         "{1, 2, 3}",
                                         "{x = 1, [\"y\"] = {}}",
                                         "dec(\"1.5\")",
                                         "dec(\"1e999\")",
                                         "dec(\"-0.000001\")",
                                         "dec(7)",
                                         "date(\"2023-06-30\")",
                                         "date(2024, 2, 29)",
                                         "ctx.weight",
                                         "ctx.params",
                                         "ctx.params.name",
                                         "ctx.calendar",
                                         "ctx.fiscal_year",
                                         "dept",
                                         "dept.budget",
                                         "dept.budget.adjusted",
                                         "dept.budget.spent",
                                         "dept.procurements",
                                         "dept.procurements[1]",
                                         "dept.procurements[1].budget",
                                         "dept.procurements[1].contract_signed",
                                         "#dept.procurements",
                                         "dept.nonexistent",
                                         "string",
                                         "math.pi",
                                         "utf8.charpattern",
                                         "print",
                                         "ipairs"};
    return values[pick(sizeof values / sizeof *values)];
  }

  std::string expr(int depth) {
    if (depth >= max_depth || done()) return pick(2) == 0 ? literal() : var();
    switch (pick(24)) {
      case 0:
      case 1: return literal();
      case 2:
      case 3: return var();
      case 4: {
        static const char* const ops[] = {"+",  "-", "*",  "/", "//",  "%",  "^", "..", "==",
                                          "~=", "<", "<=", ">", "and", "or", "&", "|",  "<<"};
        return "(" + expr(depth + 1) + " " + ops[pick(18)] + " " + expr(depth + 1) + ")";
      }
      case 5: {
        static const char* const ops[] = {"- ", "not ", "#", "~ "};
        return "(" + std::string(ops[pick(4)]) + expr(depth + 1) + ")";
      }
      case 6: return "string.rep(" + expr(depth + 1) + ", " + count() + ")";
      case 7: return "(" + expr(depth + 1) + "):rep(" + count() + ", \",\")";
      case 8: {
        static const char* const fns[] = {"string.format(\"%s %5.2f %q\", ",
                                          "string.find(",
                                          "string.match(",
                                          "string.gsub(",
                                          "string.gmatch(",
                                          "string.sub(",
                                          "string.byte(",
                                          "string.upper(",
                                          "string.len(",
                                          "string.reverse(",
                                          "tostring(",
                                          "tonumber(",
                                          "type(",
                                          "select(\"#\", ",
                                          "math.floor(",
                                          "math.abs(",
                                          "math.max(",
                                          "math.tointeger(",
                                          "utf8.len(",
                                          "utf8.char(",
                                          "table.concat(",
                                          "table.unpack(",
                                          "rawlen(",
                                          "rawequal(",
                                          "rawget(",
                                          "next(",
                                          "getmetatable(",
                                          "setmetatable(",
                                          "assert(",
                                          "dec(",
                                          "date(",
                                          "dec.is(",
                                          "date.is(",
                                          "dec.max(",
                                          "dec.cmp("};
        std::string call = fns[pick(sizeof fns / sizeof *fns)] + expr(depth + 1);
        for (unsigned n = pick(3); n > 0; --n) call += ", " + expr(depth + 1);
        return call + ")";
      }
      case 9: {
        static const char* const methods[] = {":round(2, \"half_up\")",
                                              ":round(0, \"floor\")",
                                              ":div(dec(3), 4, \"down\")",
                                              ":percent(2)",
                                              ":abs()",
                                              ":is_zero()",
                                              ":to_int()",
                                              ":tostring()",
                                              ":eq(dec(1))",
                                              ":year()",
                                              ":weekday()",
                                              ":sign()"};
        return "(" + expr(depth + 1) + ")" + methods[pick(sizeof methods / sizeof *methods)];
      }
      case 10: {
        static const char* const calls[] = {"ctx.calendar:working_days_between(",
                                            "ctx.calendar:is_working_day(",
                                            "ctx.calendar:add_working_days(",
                                            "ctx.calendar:holiday_name(",
                                            "ctx.calendar:covers(",
                                            "ctx:param(",
                                            "ctx:round("};
        return calls[pick(sizeof calls / sizeof *calls)] + expr(depth + 1) + ", " + expr(depth + 1) + ")";
      }
      case 11: return "(" + expr(depth + 1) + ")[" + expr(depth + 1) + "]";
      case 12: return "(" + expr(depth + 1) + ")." + std::string(pick(2) == 0 ? "budget" : "id");
      case 13: return "{" + expr(depth + 1) + ", " + expr(depth + 1) + ", k = " + expr(depth + 1) + "}";
      case 14:
        return "(function(...) " + block(depth + 1) + " return " + expr(depth + 1) + " end)(" +
               expr(depth + 1) + ")";
      case 15: return "pcall(function() " + block(depth + 1) + " end)";
      case 16:
        return "coroutine.wrap(function(a) " + block(depth + 1) + " coroutine.yield(a) return " +
               expr(depth + 1) + " end)(" + expr(depth + 1) + ")";
      case 17:
        return "setmetatable({}, { __index = function(t, k) return " + expr(depth + 1) +
               " end, __concat = function() return " + expr(depth + 1) +
               " end, __eq = function() return true end })";
      case 18:
        return "xpcall(function() return " + expr(depth + 1) + " end, function(m) return " + expr(depth + 1) +
               " end)";
      case 19: return "table.sort(" + var() + ", function(a, b) return " + expr(depth + 1) + " end)";
      case 20:
        return "string.gsub(" + expr(depth + 1) + ", \"(.)\", function(c) return " + expr(depth + 1) +
               " end)";
      case 21: return "(" + expr(depth + 1) + " .. " + var() + ")";
      case 22: return "select(" + count() + ", " + expr(depth + 1) + ")";
      default: return "table.move(" + var() + ", 1, " + count() + ", 2)";
    }
  }

  std::string statement(int depth) {
    if (depth >= max_depth || done()) return var() + " = " + literal();
    switch (pick(22)) {
      case 0:
      case 1:
      case 2: return var() + " = " + expr(depth + 1);
      case 3: return "for i = 1, " + count() + " do " + block(depth + 1) + " end";
      case 4: return "while " + expr(depth + 1) + " do " + block(depth + 1) + " end";
      case 5: return "repeat " + block(depth + 1) + " until " + expr(depth + 1);
      case 6:
        return "if " + expr(depth + 1) + " then " + block(depth + 1) + " else " + block(depth + 1) + " end";
      case 7:
        return "if type(" + var() + ") ~= \"table\" then " + var() + " = {} end " +
               "local t = v0 if type(t) == \"table\" then t[#t + 1] = " + expr(depth + 1) + " end";
      case 8: return "ctx:note({ subject = " + expr(depth + 1) + ", message = " + expr(depth + 1) + " })";
      case 9:
        return "ctx:deduct(" + expr(depth + 1) + ", { message = " + expr(depth + 1) +
               ", evidence = { a = " + expr(depth + 1) + " } })";
      case 10: return "ctx:score(" + expr(depth + 1) + ", { message = " + expr(depth + 1) + " })";
      case 11: return "ctx:missing(" + expr(depth + 1) + ", { message = " + expr(depth + 1) + " })";
      case 12: return "for _, p in ipairs(dept.procurements) do " + block(depth + 1) + " end";
      case 13: return "for k, v in pairs(" + expr(depth + 1) + ") do " + block(depth + 1) + " end";
      case 14: return "local function f(n) " + block(depth + 1) + " return f(n + 1) end " + var() + " = f(1)";
      case 15:
        return "local function g(n) if n > 0 then return g(n - 1) + 1 end return 0 end " + var() + " = g(" +
               count() + ")";
      case 16: return var() + " = " + var() + " .. " + var();
      case 17: return "do local s = \"x\" for i = 1, " + count() + " do s = s .. s end " + var() + " = s end";
      case 18: return "error(" + expr(depth + 1) + ")";
      case 19: return "return " + expr(depth + 1);
      case 20:
        return "local co = coroutine.create(function() " + block(depth + 1) + " end) coroutine.resume(co) " +
               var() + " = coroutine.status(co)";
      default:
        return "do local t = {} for i = 1, " + count() + " do t[i] = {" + expr(depth + 1) + "} end " + var() +
               " = t end";
    }
  }

  std::string block(int depth) {
    std::string out = depth == 0 ? "local v0, v1, v2, v3 = nil, 1, \"s\", {}\n" : "";
    const std::size_t n = 1 + pick(max_statements);
    for (std::size_t i = 0; i < n && !done(); ++i) {
      std::string s = statement(depth);
      if (s.rfind("return ", 0) == 0) return out + "do " + s + " end\n";  // a return must end its block
      out += s + "\n";
    }
    return out;
  }

  const std::uint8_t* bytes_;
  std::size_t size_;
  std::size_t at_ = 0;
};

}  // namespace jx::fuzz
