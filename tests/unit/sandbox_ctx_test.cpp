// ctx: its fields, and the findings ctx:deduct, ctx:score, ctx:note and
// ctx:missing produce — every field of jx::Finding, with exact values.
#include "sandbox_support.hpp"
#include "source_dir.hpp"

namespace jx::sandbox::testing {
namespace {

class CtxTest : public SandboxTest {};

const std::string data_file = jx::test::source_path("/tests/unit/data/sandbox_department.json");

std::string evidence_text(const Finding& f) {
  std::string out;
  for (const Evidence& e : f.evidence) out += (out.empty() ? "" : ", ") + e.key + "=" + e.value;
  return out;
}

TEST_F(CtxTest, Fields) {
  EXPECT_EQ(eval("ctx.weight"), "10");
  EXPECT_EQ(eval("dec.is(ctx.weight)"), "true");
  EXPECT_EQ(eval("ctx.fiscal_year"), "2023");
  EXPECT_EQ(eval("ctx.rounding"), "half_up");
  EXPECT_EQ(eval("ctx.scale"), "2");
  const std::string id = "T" + std::to_string(next_);
  EXPECT_EQ(eval("ctx.rule_id"), id);
  const std::string next_id = "T" + std::to_string(next_);
  EXPECT_EQ(eval("ctx"), "ctx of " + next_id);
  EXPECT_EQ(eval("ctx:round(dec('2.345'))"), "2.35");
  EXPECT_EQ(eval("ctx:round(3)"), "3.00");
  EXPECT_EQ(eval("ctx.wieght"),
            "ERROR: rules/test/snippet.lua:3: ctx has no field 'wieght' (it has weight, params, calendar, "
            "fiscal_year, rounding, scale, rule_id, and deduct, score, note, missing, round, param)");
  EXPECT_EQ(eval("(function() ctx.weight = 100 end)()"), "ERROR: rules/test/snippet.lua:3: ctx is read-only");
  EXPECT_EQ(eval("getmetatable(ctx)"), "false");
}

// weight, params and calendar are made on the first read of a run and kept
// for the rest of it; the next run's ctx reads its own input afresh.
TEST_F(CtxTest, FieldsReadTwiceInARunAndAcrossRuns) {
  const std::size_t rule = engine_.load({snippet_path, snippet_rule("TWICE", R"(
local a, b = ctx.weight, ctx.weight
local c1, c2 = ctx.calendar, ctx.calendar
local p1, p2 = ctx.params, ctx.params
local days = c2 and c2:working_days_between(date('2023-09-28'), date('2023-10-10'))
ctx:note({ message = table.concat({ tostring(a + b), tostring(rawequal(c1, c2)), tostring(c2),
  tostring(p1 == p2), tostring(p2 and p2.name), tostring(days) }, ' ') }))")});
  EXPECT_EQ(engine_.run(rule, default_input()).findings.at(0).message,
            "20 true calendar cn-mainland true gz 4");
  RuleInput other = default_input();
  other.weight = Decimal(5);
  other.params = nullptr;
  other.calendar = nullptr;
  EXPECT_EQ(engine_.run(rule, other).findings.at(0).message, "10 true nil true nil nil");
  EXPECT_EQ(engine_.run(rule, default_input()).findings.at(0).message,
            "20 true calendar cn-mainland true gz 4");
}

TEST_F(CtxTest, Deduct) {
  const RuleOutcome out = run_body(
      "local p = dept.procurements[1]\n"
      "ctx:deduct(dec('0.5'), { subject = p.id, message = '合同备案逾期', at = p,\n"
      "  evidence = { signed = p.contract_signed, filed = p.contract_filed, used = 4, ok = false, note = "
      "'x',\n"
      "               amount = p.budget } })");
  ASSERT_FALSE(out.failed());
  ASSERT_EQ(out.findings.size(), 1u);
  const Finding& f = out.findings[0];
  EXPECT_EQ(f.kind, Finding::Kind::deduction);
  EXPECT_EQ(f.rule_id, "T1");
  EXPECT_EQ(f.indicator, "测试/指标");
  EXPECT_EQ(f.subject, "CG-1");
  EXPECT_EQ(f.message, "合同备案逾期");
  EXPECT_EQ(evidence_text(f), "amount=300.00, filed=2023-10-10, note=x, ok=false, signed=2023-09-28, used=4");
  EXPECT_EQ(f.points.to_string(), "0.5");
  EXPECT_FALSE(f.score.has_value());
  EXPECT_EQ(f.data_source, data_file + ":20:5");
  EXPECT_EQ(f.rule_source, "rules/test/snippet.lua:4");
}

TEST_F(CtxTest, DataSourceFromEvidenceOrSubject) {
  RuleOutcome out = run_body(
      "local p = dept.procurements[1]\n"
      "ctx:deduct(1, { message = 'm', evidence = { filed = p.contract_filed, x = 1 } })");
  ASSERT_FALSE(out.failed());
  EXPECT_EQ(out.findings[0].data_source, data_file + ":28:25");
  EXPECT_EQ(out.findings[0].points.to_string(), "1");
  out = run_body("ctx:note({ message = 'm', subject = dept.budget.spent })");
  EXPECT_EQ(out.findings[0].subject, "1198.25");
  EXPECT_EQ(out.findings[0].data_source, data_file + ":13:14");
  out = run_body("ctx:note({ message = 'm', evidence = { computed = dept.budget.spent + 1 } })");
  EXPECT_EQ(out.findings[0].data_source, "");
  out = run_body("ctx:note({ message = 'm', subject = 5, evidence = { p = ctx.params.sme_share } })");
  EXPECT_EQ(out.findings[0].subject, "5");
  EXPECT_EQ(out.findings[0].data_source, "");
}

TEST_F(CtxTest, DeductErrors) {
  EXPECT_EQ(error_of("ctx:deduct(0.5, { message = 'm' })"),
            "rules/test/snippet.lua:3: cannot use the float 0.5 as the points of ctx:deduct: use dec('0.5') "
            "instead of 0.5");
  EXPECT_EQ(error_of("ctx:deduct('1', { message = 'm' })"),
            "rules/test/snippet.lua:3: ctx:deduct: the points must be a dec or an integer, got string");
  EXPECT_EQ(error_of("ctx:deduct(-1, { message = 'm' })"),
            "rules/test/snippet.lua:3: ctx:deduct: points must not be negative, got -1");
  EXPECT_EQ(error_of("ctx:deduct(11, { message = 'm' })"),
            "rules/test/snippet.lua:3: ctx:deduct: 11 points is more than the leaf's weight 10");
  // Points and scores are kept to the leaf's scale (2): 10 / 3 left unrounded is an error naming the line.
  EXPECT_EQ(error_of("ctx:deduct(ctx.weight / 3, { message = 'm' })"),
            "rules/test/snippet.lua:3: ctx:deduct: the points 3.333333333333333333333333333333333… has more "
            "decimals "
            "than the leaf's scale (2); round it first, e.g. ctx:round(x) or x:round(2, \"half_up\")");
  EXPECT_EQ(error_of("ctx:score(dec('9.995'), { message = 'm' })"),
            "rules/test/snippet.lua:3: ctx:score: the score 9.995 has more decimals than the leaf's scale "
            "(2); round "
            "it first, e.g. ctx:round(x) or x:round(2, \"half_up\")");
  EXPECT_EQ(error_of("ctx:deduct(ctx:round(ctx.weight / 3), { message = 'm' })"), "no error");
  EXPECT_EQ(
      error_of("ctx:deduct(1)"),
      "rules/test/snippet.lua:3: ctx:deduct needs an info table: { message = \"…\", subject = …, evidence = "
      "{ … } }");
  EXPECT_EQ(error_of("ctx:deduct(1, 'late')"),
            "rules/test/snippet.lua:3: ctx:deduct: info must be a table { message = \"…\", … }, got string");
  EXPECT_EQ(error_of("ctx:deduct(1, { subject = 'x' })"),
            "rules/test/snippet.lua:3: ctx:deduct: info needs a message explaining the finding");
  EXPECT_EQ(error_of("ctx:deduct(1, { message = 'm', evidance = {} })"),
            "rules/test/snippet.lua:3: ctx:deduct: unknown info field 'evidance' (expected message, subject, "
            "evidence, at)");
  EXPECT_EQ(
      error_of("ctx:deduct(1, { message = 'm', evidence = { rate = 0.5 } })"),
      "rules/test/snippet.lua:3: cannot use the float 0.5 as evidence 'rate': use dec('0.5') instead of 0.5");
  EXPECT_EQ(
      error_of("ctx:deduct(1, { message = 'm', evidence = { p = dept.procurements[1] } })"),
      "rules/test/snippet.lua:3: ctx:deduct: evidence 'p' is a department object or list; cite one of its "
      "fields, or pass it as `at`");
  EXPECT_EQ(error_of("ctx:deduct(1, { message = 'm', evidence = { 'unnamed' } })"),
            "rules/test/snippet.lua:3: ctx:deduct: evidence keys must be names (strings), got number");
  EXPECT_EQ(error_of("ctx:deduct(1, { message = 'm', evidence = { f = print } })"),
            "rules/test/snippet.lua:3: as evidence 'f' must be a dec, date, string, integer or boolean, got "
            "function");
  EXPECT_EQ(error_of("ctx:deduct(1, { message = 'm', at = 'CG-1' })"),
            "rules/test/snippet.lua:3: ctx:deduct: `at` must be department data (e.g. at = p), got string");
  EXPECT_EQ(
      error_of("ctx:deduct(1, { message = 'm', subject = dept.procurements[1] })"),
      "rules/test/snippet.lua:3: ctx:deduct: subject is a department object or list; give its id (subject = "
      "p.id, at = p)");
  EXPECT_EQ(error_of("ctx.deduct(1, { message = 'm' })"),
            "rules/test/snippet.lua:3: ctx:deduct must be called with a colon, as ctx:deduct(...) (the first "
            "argument was number, not ctx)");
}

TEST_F(CtxTest, Score) {
  const RuleOutcome out = run_body(
      "local rate = dec('0.9985')\n"
      "ctx:score((ctx.weight * rate):round(2, 'half_up'), { message = '支出率 ' .. "
      "rate:percent(2) })");
  ASSERT_FALSE(out.failed());
  const Finding& f = out.findings.at(0);
  EXPECT_EQ(f.kind, Finding::Kind::score);
  EXPECT_EQ(f.score->to_string(), "9.99");
  EXPECT_EQ(f.points.to_string(), "0.01");
  EXPECT_EQ(f.message, "支出率 99.85%");
  EXPECT_EQ(f.rule_source, "rules/test/snippet.lua:4");
}

TEST_F(CtxTest, ScoreErrors) {
  EXPECT_EQ(error_of("ctx:score(dec('10.01'), { message = 'm' })"),
            "rules/test/snippet.lua:3: ctx:score: score 10.01 is outside 0 … 10 (the leaf's weight)");
  EXPECT_EQ(error_of("ctx:score(-1, { message = 'm' })"),
            "rules/test/snippet.lua:3: ctx:score: score -1 is outside 0 … 10 (the leaf's weight)");
  EXPECT_EQ(
      error_of("ctx:score(9.5, { message = 'm' })"),
      "rules/test/snippet.lua:3: cannot use the float 9.5 as the score of ctx:score: use dec('9.5') instead "
      "of 9.5");
  EXPECT_EQ(
      error_of("ctx:score(5, { message = 'm' })\nctx:score(6, { message = 'm' })"),
      "rules/test/snippet.lua:4: ctx:score was already called in this run (at rules/test/snippet.lua:3); a "
      "leaf has one score");
}

TEST_F(CtxTest, NoteAndOrder) {
  const RuleOutcome out = run_body(
      "ctx:note({ message = 'first' })\n"
      "ctx:deduct(2, { message = 'second', subject = 'CG-2' })\n"
      "ctx:note({ message = 'third' })");
  ASSERT_EQ(out.findings.size(), 3u);
  EXPECT_EQ(out.findings[0].kind, Finding::Kind::note);
  EXPECT_EQ(out.findings[0].points.to_string(), "0");
  EXPECT_EQ(out.findings[0].message, "first");
  EXPECT_EQ(out.findings[1].message, "second");
  EXPECT_EQ(out.findings[2].message, "third");
  EXPECT_EQ(out.findings[2].rule_source, "rules/test/snippet.lua:5");
}

TEST_F(CtxTest, MissingIsAFactWithoutPoints) {
  // What missing evidence costs is the rule set's policy, applied by scoring
  // (scoring_test.cpp); the sandbox only records what is missing (RuleInput has no points to give).
  const RuleInput in = default_input();
  RuleOutcome out = run_body("ctx:missing('assets.inventory', { subject = '资产盘点' })", in);
  ASSERT_FALSE(out.failed());
  const Finding& f = out.findings.at(0);
  EXPECT_EQ(f.kind, Finding::Kind::missing_evidence);
  EXPECT_EQ(f.points.to_string(), "0");
  EXPECT_EQ(f.subject, "资产盘点");
  EXPECT_EQ(f.message, "缺少佐证：assets.inventory");
  EXPECT_EQ(evidence_text(f), "missing_field=assets.inventory");
  out = run_body("ctx:missing('assets.inventory', { message = '未提供资产盘点佐证' })", in);
  EXPECT_EQ(out.findings.at(0).message, "未提供资产盘点佐证");
  EXPECT_EQ(error_of("ctx:missing()"),
            "rules/test/snippet.lua:3: ctx:missing: the first argument is the missing field's path, e.g. "
            "\"assets.inventory\"");
}

TEST_F(CtxTest, CheckMustReturnNothing) {
  EXPECT_EQ(error_of("return true"),
            "rules/test/snippet.lua:2: check returned a boolean value; a rule reports through ctx:deduct, "
            "ctx:score, ctx:note or ctx:missing and returns nothing");
  EXPECT_EQ(run_body("do return end").failed(), false);
  EXPECT_EQ(run_body("return nil").failed(), false);
}

TEST_F(CtxTest, FailedRunDropsPartialFindings) {
  const RuleOutcome out = run_body("ctx:deduct(1, { message = 'm' })\nerror('boom')");
  ASSERT_TRUE(out.failed());
  EXPECT_TRUE(out.findings.empty());
  // The sandbox reports the failure; the audit makes it the leaf's engine error (audit_test).
  EXPECT_EQ(out.failure->message, "rules/test/snippet.lua:4: boom");
  EXPECT_EQ(out.failure->position, "rules/test/snippet.lua:4");
}

}  // namespace
}  // namespace jx::sandbox::testing
