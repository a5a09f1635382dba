// The department and params views: reading, iterating, and every way of
// writing or misreading them, with exact values and messages.
#include "sandbox_support.hpp"

namespace jx::sandbox::testing {
namespace {

class ViewTest : public SandboxTest {};

TEST_F(ViewTest, Fields) {
  EXPECT_EQ(eval("dept.department.name"), "测试局");
  EXPECT_EQ(eval("dept.fiscal_year"), "2023");
  EXPECT_EQ(eval("dec.is(dept.fiscal_year)"), "true");
  EXPECT_EQ(eval("dept.budget.adjusted"), "1200.50");
  EXPECT_EQ(eval("dept.procurements[3].budget"), "12.345");
  EXPECT_EQ(eval("dept.budget.adjusted - dept.budget.spent"), "2.25");
  EXPECT_EQ(eval("dept.procurements[1].contract_signed"), "2023-09-28");
  EXPECT_EQ(eval("date.is(dept.procurements[1].contract_signed)"), "true");
  EXPECT_EQ(eval("dept.procurements[1].sme_suitable"), "true");
  EXPECT_EQ(eval("dept.procurements[2].sme_suitable == false"), "true");
  EXPECT_EQ(eval("dept.budget.monthly[2].month:to_int()"), "2");
}

TEST_F(ViewTest, MissingOptionalFieldsReadNil) {
  EXPECT_EQ(eval("dept.procurements[3].contract_signed"), "nil");
  EXPECT_EQ(eval("dept.assets"), "nil");
  EXPECT_EQ(eval("dept.procurements[4]"), "nil");
  EXPECT_EQ(eval("dept.procurements[0]"), "nil");
  EXPECT_EQ(eval("dept.procurements[-1]"), "nil");
}

TEST_F(ViewTest, UndeclaredFieldsAreErrors) {
  EXPECT_EQ(eval("dept.procurements[1].contract_signd"),
            "ERROR: rules/test/snippet.lua:3: no field 'contract_signd' in 政府采购项目 (did you mean "
            "'contract_signed'?)");
  EXPECT_EQ(
      eval("dept.zzz"),
      "ERROR: rules/test/snippet.lua:3: no field 'zzz' in 部门整体支出绩效自评数据 (the data schema does "
      "not declare it)");
  RuleInput no_schema = default_input();
  no_schema.schema = nullptr;
  EXPECT_EQ(eval("dept.procurements[1].contract_signd", no_schema), "nil");
}

TEST_F(ViewTest, LengthAndIteration) {
  EXPECT_EQ(eval("#dept.procurements"), "3");
  EXPECT_EQ(
      eval("(function() local ids = {} for i, p in ipairs(dept.procurements) do ids[#ids + 1] = i .. '=' .. "
           "p.id end return table.concat(ids, ',') end)()"),
      "1=CG-1,2=CG-2,3=CG-3");
  EXPECT_EQ(
      eval("(function() local keys = {} for k, v in pairs(dept.department) do keys[#keys + 1] = k .. '=' .. "
           "v end return table.concat(keys, ',') end)()"),
      "code=TEST-001,name=测试局,level=市级");
  EXPECT_EQ(eval("(function() local n = 0 for i, m in pairs(dept.budget.monthly) do n = n + i end return n "
                 "end)()"),
            "3");
  EXPECT_EQ(
      eval("#dept.budget"),
      "ERROR: rules/test/snippet.lua:3: department data: # applies to a list; this is an object with named "
      "fields");
}

TEST_F(ViewTest, WrongKeys) {
  EXPECT_EQ(
      eval("dept.procurements.id"),
      "ERROR: rules/test/snippet.lua:3: department data: a list was indexed with 'id'; a list is indexed "
      "by position 1, 2, …");
  EXPECT_EQ(
      eval("dept[1]"),
      "ERROR: rules/test/snippet.lua:3: department data: an object was indexed with 1; it has named fields "
      "(use a field name, or pairs)");
  EXPECT_EQ(
      eval("(function() for _, x in ipairs(dept.budget) do end end)()"),
      "ERROR: rules/test/snippet.lua:3: department data: an object was indexed with 1; it has named fields "
      "(use a field name, or pairs)");
  EXPECT_EQ(eval("dept.procurements[1.0].id"), "CG-1");
}

TEST_F(ViewTest, ReadOnly) {
  EXPECT_EQ(eval("(function() dept.x = 1 end)()"),
            "ERROR: rules/test/snippet.lua:3: department data is read-only");
  EXPECT_EQ(eval("(function() dept.budget.spent = 0 end)()"),
            "ERROR: rules/test/snippet.lua:3: department data is read-only");
  EXPECT_EQ(eval("(function() dept.procurements[1] = nil end)()"),
            "ERROR: rules/test/snippet.lua:3: department data is read-only");
  EXPECT_EQ(eval("getmetatable(dept)"), "false");
  EXPECT_EQ(eval("setmetatable(dept, {})"),
            "ERROR: rules/test/snippet.lua:3: bad argument #1 to 'setmetatable' (table expected, got data)");
  EXPECT_EQ(eval("rawget(dept, 'budget')"),
            "ERROR: rules/test/snippet.lua:3: bad argument #1 to 'rawget' (table expected, got data)");
  EXPECT_EQ(eval("rawset(dept, 'x', 1)"),
            "ERROR: rules/test/snippet.lua:3: attempted to access nonexistent global 'rawset'");
  EXPECT_EQ(eval("next(dept)"),
            "ERROR: rules/test/snippet.lua:3: bad argument #1 to 'next' (table expected, got data)");
  // The data itself is unchanged afterwards.
  EXPECT_EQ(eval("dept.budget.spent"), "1198.25");
}

TEST_F(ViewTest, IdentityAndText) {
  EXPECT_EQ(eval("dept.procurements[1] == dept.procurements[1]"), "true");
  EXPECT_EQ(eval("dept.procurements[1] == dept.procurements[2]"), "false");
  EXPECT_EQ(eval("dept.procurements"), "data list 政府采购项目 (3 items)");
  EXPECT_EQ(eval("dept.budget"), "data object 预算收支");
  EXPECT_EQ(eval("type(dept)"), "userdata");
}

// The metamethods leave their own bookkeeping on the stack below their
// results: callers must still see exactly the results.
TEST_F(ViewTest, MetamethodsReturnExactlyTheirResults) {
  EXPECT_EQ(eval("select('#', pairs(dept.department))"), "3");
  EXPECT_EQ(
      eval("(function() local f, s, c = pairs(dept.department) return tostring(s == dept.department) .. "
           "' ' .. tostring(c) end)()"),
      "true nil");
  EXPECT_EQ(eval("(function() local f = pairs(dept.department) return select('#', f(dept.department, nil)) "
                 "end)()"),
            "2");
  EXPECT_EQ(eval("(function() local f = pairs(dept.department) local k, v = f(dept.department, nil) return k "
                 ".. '=' .. v end)()"),
            "code=TEST-001");
  EXPECT_EQ(eval("select('#', dept.budget.spent)"), "1");
  EXPECT_EQ(eval("#dept.procurements + 1"), "4");
  EXPECT_EQ(eval("tostring(dept.procurements) .. '!'"), "data list 政府采购项目 (3 items)!");
  EXPECT_EQ(eval("(function() local f = pairs(dept.department) return f(dec(1), nil) end)()"),
            "ERROR: rules/test/snippet.lua:3: expected department data, got dec");
  EXPECT_EQ(eval("(function() local f = pairs(dept.department) return f('code', nil) end)()"),
            "ERROR: rules/test/snippet.lua:3: expected department data, got string");
  EXPECT_EQ(eval("(function() local f = pairs(dept.department) return f(setmetatable({}, {}), nil) end)()"),
            "ERROR: rules/test/snippet.lua:3: expected department data, got table");
  EXPECT_EQ(
      eval("dec.is(setmetatable({}, {})) or dec.is('1') or date.is('2023-01-01') or dec.is(dept.budget)"),
      "false");
}

// ipairs walks a department list directly; everything else it walks as Lua's
// own ipairs does, through t[i] and its metamethods.
TEST_F(ViewTest, IpairsOverListsTablesAndEverythingElse) {
  const std::string walk =
      "(function(t) local out = {} for i, v in ipairs(t) do out[#out + 1] = i .. '=' .. tostring(v) end "
      "return "
      "table.concat(out, ',') end)";
  EXPECT_EQ(eval(walk + "(dept.procurements)"),
            "1=data object 政府采购项目,2=data object 政府采购项目,3=data object 政府采购项目");
  EXPECT_EQ(eval(walk + "(dept.budget.monthly)"), "1=data object 月度累计支出,2=data object 月度累计支出");
  EXPECT_EQ(eval(walk + "({ 10, 20, nil, 40 })"), "1=10,2=20");
  EXPECT_EQ(
      eval(walk + "(setmetatable({}, { __index = function(t, i) if i <= 3 then return i * 10 end end }))"),
      "1=10,2=20,3=30");
  EXPECT_EQ(
      eval(walk + "(dept.budget)"),
      "ERROR: rules/test/snippet.lua:3: department data: an object was indexed with 1; it has named fields "
      "(use a field name, or pairs)");
  EXPECT_EQ(eval("select('#', ipairs(dept.procurements))"), "3");
  EXPECT_EQ(eval("select(3, ipairs(dept.procurements))"), "0");
  EXPECT_EQ(eval("rawequal(select(2, ipairs(dept.procurements)), dept.procurements)"), "false");
  EXPECT_EQ(eval("select(2, ipairs(dept.procurements)) == dept.procurements"), "true");
  EXPECT_EQ(
      eval("(function() local f, s = ipairs(dept.procurements) local i, p = f(s, 1) return i .. p.id end)()"),
      "2CG-2");
  EXPECT_EQ(eval("(function() local f, s = ipairs(dept.procurements) return select('#', f(s, 3)) end)()"),
            "1");
  EXPECT_EQ(eval("(function() local f, s = ipairs(dept.procurements) return f(s, 3) end)()"), "nil");
  EXPECT_EQ(eval("(function() local f, s = ipairs(dept.procurements) return f(s, -5) end)()"), "nil");
  EXPECT_EQ(eval("(function() local f, s = ipairs(dept.procurements) return f(s, math.maxinteger) end)()"),
            "nil");
  EXPECT_EQ(eval("(function() local f = ipairs({}) return f(dept.procurements, 0) end)()"), "1");
  EXPECT_EQ(eval("(function() local f = ipairs({}) return select(2, f(dept.procurements, 0)).id end)()"),
            "CG-1");
  EXPECT_EQ(eval("(function() local f = ipairs({}) return f(dept.procurements, 'x') end)()"),
            "ERROR: rules/test/snippet.lua:3: bad argument #2 to 'f' (number expected, got string)");
  EXPECT_EQ(eval("ipairs()"),
            "ERROR: rules/test/snippet.lua:3: bad argument #1 to 'ipairs' (value expected)");
  // As Lua's own: the error comes from indexing nil inside the iterator, a C function.
  EXPECT_EQ(eval("(function() for i in ipairs(nil) do end end)()"),
            "ERROR: rules/test/snippet.lua:3: attempt to index a nil value");
}

TEST_F(ViewTest, Params) {
  EXPECT_EQ(eval("ctx.params.contract_filing_working_days"), "7");
  EXPECT_EQ(eval("ctx.params.sme_share * 100"), "30.0");
  EXPECT_EQ(eval("ctx.params.name"), "gz");
  EXPECT_EQ(eval("ctx.params.nested.limit"), "2");
  EXPECT_EQ(eval("ctx.params.missing"),
            "ERROR: rules/test/snippet.lua:3: no parameter 'missing' in the rule set's params (it has: "
            "contract_filing_working_days, sme_share, name, nested); for an optional one use "
            "ctx:param(\"missing\", default)");
  EXPECT_EQ(eval("ctx:param('missing', 5)"), "5");
  EXPECT_EQ(eval("ctx:param('missing')"), "nil");
  EXPECT_EQ(eval("ctx:param('name', 'x')"), "gz");
  EXPECT_EQ(eval("(function() ctx.params.name = 'x' end)()"),
            "ERROR: rules/test/snippet.lua:3: the rule set's params are read-only");
  RuleInput no_params = default_input();
  no_params.params = nullptr;
  EXPECT_EQ(eval("ctx.params", no_params), "nil");
}

TEST_F(ViewTest, NoDepartment) {
  RuleInput none = default_input();
  none.department = nullptr;
  EXPECT_EQ(eval("dept", none), "nil");
}

}  // namespace
}  // namespace jx::sandbox::testing
