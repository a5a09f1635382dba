// Shared set-up of the sandbox tests: the test department
// (tests/unit/data/sandbox_department.json, loaded through the real schema),
// rule-set params, the cn-mainland calendar, and helpers that run a snippet of
// Lua as a rule's check and return what it reported.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "data/department.hpp"
#include "sandbox/sandbox.hpp"
#include "source_dir.hpp"

namespace jx::sandbox::testing {

inline const data::Schema& department_schema() {
  static const data::Schema schema =
      data::Schema::load(jx::test::source_path("/schemas/department.schema.json"));
  return schema;
}

inline std::shared_ptr<const data::Document> test_department() {
  static const std::shared_ptr<const data::Document> doc = [] {
    data::LoadResult r = data::load_department(
        department_schema(), jx::test::source_path("/tests/unit/data/sandbox_department.json"));
    for (const auto& d : r.diagnostics) ADD_FAILURE() << d.to_string(Lang::en);
    return r.document;
  }();
  return doc;
}

inline const Calendar& cn_calendar() {
  static const Calendar calendar = Calendar::load(jx::test::source_path("/rules/calendars/cn-mainland.toml"));
  return calendar;
}

// { contract_filing_working_days = 7, sme_share = 0.3, name = "gz", nested = { limit = 2 } }
inline const data::Value& test_params() {
  static const data::Value params = [] {
    using data::Value;
    Value::Object nested;
    nested.push_back({"limit", Value(Decimal(2), {0, 6, 3})});
    Value::Object o;
    o.push_back({"contract_filing_working_days", Value(Decimal(7), {0, 2, 1})});
    o.push_back({"sme_share", Value(Decimal::parse("0.3"), {0, 3, 1})});
    o.push_back({"name", Value(std::string("gz"), {0, 4, 1})});
    o.push_back({"nested", Value(std::move(nested), {0, 5, 1})});
    return Value(std::move(o), {0, 1, 1});
  }();
  return params;
}

inline RuleInput default_input() {
  RuleInput in;
  in.department = test_department();
  in.schema = &department_schema();
  in.weight = Decimal(10);
  in.params = &test_params();
  in.calendar = &cn_calendar();
  in.rounding = RoundingMode::half_up;
  in.scale = 2;
  in.fiscal_year = 2023;
  return in;
}

// The path every snippet rule has; its check's body starts on line 3.
inline constexpr const char* snippet_path = "rules/test/snippet.lua";

inline std::string snippet_rule(const std::string& id, const std::string& body) {
  return "return { id = \"" + id +
         "\", indicator = \"测试/指标\", title = \"测试\",\n"
         "check = function(dept, ctx)\n" +
         body + "\nend }\n";
}

class SandboxTest : public ::testing::Test {
 protected:
  explicit SandboxTest(Limits limits = {}, std::vector<std::string> lib_dirs = {})
      : engine_(limits, std::move(lib_dirs)) {}

  // Loads `body` as a rule's check and runs it once.
  RuleOutcome run_body(const std::string& body, const RuleInput& input = default_input()) {
    const std::size_t rule = engine_.load({snippet_path, snippet_rule("T" + std::to_string(next_++), body)});
    return engine_.run(rule, input);
  }

  // tostring(expr), as computed inside a check.
  std::string eval(const std::string& expr, const RuleInput& input = default_input()) {
    const RuleOutcome out = run_body("ctx:note({ message = tostring(" + expr + ") })", input);
    if (out.failed()) return "ERROR: " + out.failure->message;
    return out.findings.at(0).message;
  }

  // The failure message of a check body that must fail.
  std::string error_of(const std::string& body, const RuleInput& input = default_input()) {
    const RuleOutcome out = run_body(body, input);
    if (!out.failed()) return "no error";
    EXPECT_TRUE(out.findings.empty());  // a failed run keeps nothing it reported
    return out.failure->message;
  }

  // The RuleLoadError message of a whole rule file.
  std::string load_error(const std::string& text, const std::string& path = "rules/test/bad.lua") {
    try {
      engine_.load({path, text});
    } catch (const RuleLoadError& e) {
      return e.what();
    }
    return "no error";
  }

  Engine engine_;
  int next_ = 1;
};

}  // namespace jx::sandbox::testing
