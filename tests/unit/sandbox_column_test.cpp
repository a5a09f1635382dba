// The columnar reads of issue 18: list:column("field") and
// calendar:working_days_between_columns(from, to), with exact values, the
// positions their values keep for findings, their errors and their budget.
#include "sandbox_support.hpp"
#include "source_dir.hpp"

namespace jx::sandbox::testing {
namespace {

const std::string data_file = jx::test::source_path("/tests/unit/data/sandbox_department.json");

class ColumnTest : public SandboxTest {};

TEST_F(ColumnTest, ReadsOneFieldOfEveryRecord) {
  EXPECT_EQ(eval("(function() local c = dept.procurements:column('id') "
                 "return c.n .. ' ' .. table.concat(c, ',') end)()"),
            "3 CG-1,CG-2,CG-3");
  EXPECT_EQ(eval("(function() local c = dept.procurements:column('budget') "
                 "return tostring(c[1] + c[2] + c[3]) end)()"),
            "392.845");
  // Absent fields are nil, and n still counts every record.
  EXPECT_EQ(
      eval("(function() local c = dept.procurements:column('contract_signed') "
           "return tostring(c[1]) .. ' ' .. tostring(c[2]) .. ' ' .. tostring(c[3]) .. ' ' .. c.n end)()"),
      "2023-09-28 2023-04-10 nil 3");
  EXPECT_EQ(eval("(function() local c = dept.procurements:column('sme_suitable') "
                 "return tostring(c[1]) .. ' ' .. tostring(c[2]) .. ' ' .. tostring(c[3]) end)()"),
            "true false nil");
  EXPECT_EQ(eval("date.is(dept.procurements:column('contract_signed')[1])"), "true");
  EXPECT_EQ(eval("dept.procurements:column('contract_signed')[1] == dept.procurements[1].contract_signed"),
            "true");
}

TEST_F(ColumnTest, TheColumnIsTheRulesOwnTable) {
  EXPECT_EQ(eval("(function() local c = dept.procurements:column('id') c[1] = 'x' c.extra = 1 "
                 "return c[1] .. ' ' .. dept.procurements[1].id end)()"),
            "x CG-1");
}

TEST_F(ColumnTest, ValuesKeepWhereTheyWereRead) {
  RuleOutcome out = run_body(
      "local filed = dept.procurements:column('contract_filed')\n"
      "ctx:deduct(1, { message = 'm', evidence = { filed = filed[1] } })");
  ASSERT_FALSE(out.failed());
  EXPECT_EQ(out.findings[0].data_source, data_file + ":28:25");  // as dept.procurements[1].contract_filed
}

TEST_F(ColumnTest, Errors) {
  EXPECT_EQ(eval("dept.procurements:column('contract_signd')"),
            "ERROR: rules/test/snippet.lua:3: no field 'contract_signd' in 政府采购项目 (did you mean "
            "'contract_signed'?)");
  EXPECT_EQ(eval("dept.procurements:column(1)"),
            "ERROR: rules/test/snippet.lua:3: column: the field name must be a string, got number");
  EXPECT_EQ(eval("dept.budget.monthly.column(dept.budget, 'month')"),
            "ERROR: rules/test/snippet.lua:3: department data: column applies to a list of records "
            "(list:column(\"field\"))");
  // Other names on a list are still errors, as before.
  EXPECT_EQ(eval("dept.procurements.columns"),
            "ERROR: rules/test/snippet.lua:3: department data: a list was indexed with 'columns'; a list is "
            "indexed by position 1, 2, …");
}

TEST_F(ColumnTest, OnlyOnDepartmentLists) {
  EXPECT_EQ(eval("(function() local l = dept.procurements return l.column({}, 'id') end)()"),
            "ERROR: rules/test/snippet.lua:3: expected department data, got table");
}

TEST_F(ColumnTest, WorkingDaysBetweenColumns) {
  EXPECT_EQ(
      eval("(function() local l = dept.procurements\n"
           "local w = ctx.calendar:working_days_between_columns(l:column('contract_signed'), "
           "l:column('contract_filed'))\n"
           "return w.n .. ' ' .. tostring(w[1]) .. ' ' .. tostring(w[2]) .. ' ' .. tostring(w[3]) end)()"),
      "3 4 4 nil");
  // Plain tables work too; n is the longer column's length (or its # without n).
  EXPECT_EQ(
      eval("(function() local w = ctx.calendar:working_days_between_columns("
           "{ date('2023-09-28'), date('2024-02-02') }, { date('2023-10-07'), date('2024-02-19'), n = 3 })\n"
           "return w.n .. ' ' .. w[1] .. ' ' .. w[2] end)()"),
      "3 1 8");
  EXPECT_EQ(eval("ctx.calendar:working_days_between_columns({ date('2023-01-05') }, { '2023-01-09' })"),
            "ERROR: rules/test/snippet.lua:3: working_days_between_columns: item 1 of the second column is a "
            "string, expected a date or nil");
  EXPECT_EQ(eval("ctx.calendar:working_days_between_columns({ date('1999-01-05') }, { date('1999-01-09') })")
                .rfind("ERROR: rules/test/snippet.lua:3: ", 0),
            0u);
}

TEST_F(ColumnTest, ChargedToTheBudget) {
  Limits tight;
  tight.instructions_per_rule = 200'000;
  sandbox::Engine e(tight, {});
  // A loop of bulk calls on a long plain column costs its elements.
  const std::size_t rule = e.load(RuleSource{
      "rules/test/bulk.lua",
      snippet_rule("T.BULK",
                   "local from, to = {}, {}\n"
                   "for i = 1, 2000 do from[i] = date('2023-01-05') to[i] = date('2023-01-09') end\n"
                   "for _ = 1, 1000 do ctx.calendar:working_days_between_columns(from, to) end")});
  const RuleOutcome out = e.run(rule, default_input());
  ASSERT_TRUE(out.failed());
  EXPECT_TRUE(out.findings.empty());
  EXPECT_EQ(out.failure->message,
            "rules/test/bulk.lua:5: instruction budget exceeded (200000 instructions per rule run)");
}

TEST_F(ColumnTest, AHugeCountIsStoppedByTheBudgets) {
  // n is the rule's to set: a count no list has is stopped before any work.
  std::string message = error_of("ctx.calendar:working_days_between_columns({ n = 2147483647 }, {})");
  EXPECT_NE(message.find("instruction budget exceeded (100000000 instructions per rule run)"),
            std::string::npos)
      << message;
  message = error_of("ctx.calendar:working_days_between_columns({ n = 20000000 }, {})");
  EXPECT_NE(message.find("memory budget exceeded (256 MiB per Lua state)"), std::string::npos) << message;
  EXPECT_EQ(error_of("ctx.calendar:working_days_between_columns({ n = -1 }, { n = -2 })"),
            "rules/test/snippet.lua:3: working_days_between_columns: n = -1 is not the length of a column");
  // The engine is still usable after each.
  EXPECT_EQ(eval("dept.procurements:column('id').n"), "3");
}

}  // namespace
}  // namespace jx::sandbox::testing
