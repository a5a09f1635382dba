// Loading rule files: metadata, and every way a file can fail to be a rule,
// each a RuleLoadError with the file (and line, where there is one).
#include "sandbox_support.hpp"
#include "source_dir.hpp"

namespace jx::sandbox::testing {
namespace {

class LoadTest : public SandboxTest {};

const char* const good_rule = R"(-- a comment first
return {
  id        = "MGMT.PROC.CONTRACT_FILING",
  indicator = "管理效率/采购管理/合同备案时效性",
  title     = "合同备案时效性",
  basis     = "《政府采购法》第四十七条",
  check = function(dept, ctx)
    local limit = ctx.params.contract_filing_working_days
    for _, p in ipairs(dept.procurements) do
      if p.contract_signed and p.contract_filed then
        local used = ctx.calendar:working_days_between(p.contract_signed, p.contract_filed)
        if used > limit then
          ctx:deduct(ctx.weight, { subject = p.id, at = p,
            message = ("合同备案逾期：签订后第 %d 个工作日备案（限 %d 个工作日）"):format(used, limit),
            evidence = { signed = p.contract_signed, filed = p.contract_filed } })
          return
        end
      end
    end
  end,
}
)";

TEST_F(LoadTest, TheDesignExample) {
  const std::size_t rule = engine_.load({"rules/gz/2023/procurement/contract_filing.lua", good_rule});
  const RuleInfo& info = engine_.info(rule);
  EXPECT_EQ(info.id, "MGMT.PROC.CONTRACT_FILING");
  EXPECT_EQ(info.indicator, "管理效率/采购管理/合同备案时效性");
  EXPECT_EQ(info.title, "合同备案时效性");
  EXPECT_EQ(info.basis, "《政府采购法》第四十七条");
  EXPECT_EQ(info.source_path, "rules/gz/2023/procurement/contract_filing.lua");
  EXPECT_EQ(engine_.size(), 1u);
  RuleOutcome out = engine_.run(rule, default_input());
  EXPECT_FALSE(out.failed());
  EXPECT_TRUE(out.findings.empty());  // CG-1 took 4 working days, CG-2 4

  // With a 3-day limit, CG-1 (signed 2023-09-28, filed 2023-10-10) is late.
  data::Value::Object o;
  o.push_back({"contract_filing_working_days", data::Value(Decimal(3), {})});
  const data::Value params(std::move(o), {});
  RuleInput in = default_input();
  in.weight = Decimal(1);
  in.params = &params;
  out = engine_.run(rule, in);
  ASSERT_FALSE(out.failed()) << out.failure->message;
  ASSERT_EQ(out.findings.size(), 1u);
  const Finding& f = out.findings[0];
  EXPECT_EQ(f.kind, Finding::Kind::deduction);
  EXPECT_EQ(f.subject, "CG-1");
  EXPECT_EQ(f.points.to_string(), "1");
  EXPECT_EQ(f.message, "合同备案逾期：签订后第 4 个工作日备案（限 3 个工作日）");
  EXPECT_EQ(f.rule_source, "rules/gz/2023/procurement/contract_filing.lua:13");
  EXPECT_EQ(f.data_source, jx::test::source_path("/tests/unit/data/sandbox_department.json:20:5"));
}

TEST_F(LoadTest, BasisIsOptional) {
  const std::size_t rule =
      engine_.load({"r.lua", "return { id = 'A', indicator = 'x/y', title = 't', check = function() end }"});
  EXPECT_EQ(engine_.info(rule).basis, "");
}

TEST_F(LoadTest, SyntaxErrors) {
  EXPECT_EQ(load_error("return {\n  id = = 'x'\n}"), "rules/test/bad.lua:2: unexpected symbol near '='");
  EXPECT_EQ(load_error("return { id = 'x' "), "rules/test/bad.lua:1: '}' expected near <eof>");
  EXPECT_EQ(load_error(""),
            "rules/test/bad.lua: the file must return the rule table { id = …, indicator = …, "
            "title = …, check = function(dept, ctx) … end }, but it returned nil");
}

TEST_F(LoadTest, BadRuleTables) {
  EXPECT_EQ(
      load_error("return 5"),
      "rules/test/bad.lua: the file must return the rule table { id = …, indicator = …, title = …, check = "
      "function(dept, ctx) … end }, but it returned number");
  EXPECT_EQ(load_error("return { indicator = 'x', title = 't', check = function() end }"),
            "rules/test/bad.lua: the rule table needs id, a non-empty string such as "
            "\"MGMT.PROC.CONTRACT_FILING\"");
  EXPECT_EQ(load_error("return { id = '', indicator = 'x', title = 't', check = function() end }"),
            "rules/test/bad.lua: 'id' must be a non-empty string, got string");
  EXPECT_EQ(
      load_error("return { id = 'A B', indicator = 'x', title = 't', check = function() end }"),
      "rules/test/bad.lua: id \"A B\" may use only ASCII letters, digits, '.', '_' and '-' (at most 100)");
  EXPECT_EQ(load_error("return { id = 7, indicator = 'x', title = 't', check = function() end }"),
            "rules/test/bad.lua: 'id' must be a non-empty string, got number");
  EXPECT_EQ(load_error("return { id = 'A', title = 't', check = function() end }"),
            "rules/test/bad.lua: the rule table needs indicator, a non-empty string such as "
            "\"管理效率/采购管理/合同备案时效性\"");
  EXPECT_EQ(load_error("return { id = 'A', indicator = 'x', check = function() end }"),
            "rules/test/bad.lua: the rule table needs title, a non-empty string such as \"合同备案时效性\"");
  EXPECT_EQ(
      load_error("return { id = 'A', indicator = 'x', title = 't', basis = 5, check = function() end }"),
      "rules/test/bad.lua: 'basis' must be a non-empty string, got number");
  EXPECT_EQ(load_error("return { id = 'A', indicator = 'x', title = 't', chek = function() end }"),
            "rules/test/bad.lua: unknown field 'chek' in the rule table (expected id, indicator, title, "
            "basis, check)");
  EXPECT_EQ(load_error("return { id = 'A', indicator = 'x', title = 't' }"),
            "rules/test/bad.lua: 'check' must be a function(dept, ctx), got nil");
  EXPECT_EQ(load_error("return { id = 'A', indicator = 'x', title = 't', check = 'no' }"),
            "rules/test/bad.lua: 'check' must be a function(dept, ctx), got string");
  EXPECT_EQ(load_error("return { 'A' }"),
            "rules/test/bad.lua: unknown field '1' in the rule table (expected id, indicator, title, basis, "
            "check)");
  EXPECT_EQ(load_error("return setmetatable({}, { __index = function() error('gotcha') end })"),
            "rules/test/bad.lua: the rule table must be a plain table (this one has a metatable)");
}

TEST_F(LoadTest, TopLevelErrors) {
  EXPECT_EQ(load_error("local x = nil + 1\nreturn {}"),
            "rules/test/bad.lua:1: attempt to perform arithmetic on a nil value");
  EXPECT_EQ(
      load_error("helper = 1\nreturn {}"),
      "rules/test/bad.lua:1: attempted to assign to global 'helper' (rules cannot create globals: declare it "
      "local)");
  EXPECT_EQ(load_error("error({})"), "rules/test/bad.lua:1: (error object is a table value)");
}

TEST_F(LoadTest, BinaryChunks) {
  EXPECT_EQ(load_error(std::string("\x1bLuaT\x00\x19\x93\r\n\x1a\n", 12)),
            "rules/test/bad.lua: attempt to load a binary chunk (mode is 't')");
}

TEST_F(LoadTest, DuplicateIdsAndPaths) {
  engine_.load(
      {"rules/a.lua", "return { id = 'SAME', indicator = 'x', title = 't', check = function() end }"});
  EXPECT_EQ(load_error("return { id = 'SAME', indicator = 'x', title = 't', check = function() end }"),
            "rules/test/bad.lua: duplicate rule id 'SAME' (already used by rules/a.lua)");
  try {
    engine_.load({"", "return {}"});
    FAIL();
  } catch (const RuleLoadError& e) {
    EXPECT_STREQ(e.what(), "a rule needs a path for its messages");
  }
  EXPECT_EQ(engine_.size(), 1u);
}

TEST_F(LoadTest, LongPathsKeepTheirFullNameInFindings) {
  const std::string path =
      "rules/guangzhou/2023/management_efficiency/procurement/very_long_rule_file_name.lua";
  const std::size_t rule =
      engine_.load({path,
                    "return { id = 'LONG', indicator = 'x', title = 't', check = function(dept, ctx)\n"
                    "ctx:note({ message = 'm' }) end }"});
  const RuleOutcome out = engine_.run(rule, default_input());
  EXPECT_EQ(out.findings.at(0).rule_source, path + ":2");
}

}  // namespace
}  // namespace jx::sandbox::testing
