// The audit's checks of a self-evaluation: scores within their weights, sums
// at every level (through subtotals the report does not state), the total and
// its grade, stated rates at their precision, and the verdict they lead to.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "audit/checker.hpp"
#include "audit/self_checks.hpp"
#include "rules/ruleset.hpp"
#include "source_dir.hpp"

namespace {

namespace fs = std::filesystem;
using jx::Decimal;
using jx::data::Value;

class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("jx-audit-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "manifest.toml") << R"(schema_version = "1"
jurisdiction = "t"
name = "test"
fiscal_years = [2023]
[[grades]]
name = "优"
min = 90
[[grades]]
name = "差"
min = 0
[[indicators]]
path = "A"
weight = 100
[[indicators]]
path = "A/B"
weight = 100
[[indicators]]
path = "A/B/x"
weight = 60
[[indicators]]
path = "A/B/y"
weight = 40
)";
    schema_ = std::make_unique<jx::data::Schema>(
        jx::data::Schema::load(jx::test::source_path("/schemas/ruleset.schema.json")));
    rules_ =
        std::make_unique<jx::rules::RuleSet>(jx::rules::RuleSet::load(dir_.string(), *schema_, jx::Lang::en));
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A department whose self_evaluation is `self`, every value at line n of "d.json".
  static jx::data::Document department(Value::Object self, Value::Object budget = {}) {
    jx::data::Document doc;
    doc.files = {"d.json"};
    Value::Object root{{"self_evaluation", Value(std::move(self), {0, 1, 1})}};
    if (!budget.empty()) root.push_back({"budget", Value(std::move(budget), {0, 1, 1})});
    doc.root = Value(std::move(root), {0, 1, 1});
    return doc;
  }
  static Value dec(const char* text, std::uint32_t line) { return Value(Decimal::parse(text), {0, line, 5}); }

  fs::path dir_;
  std::unique_ptr<jx::data::Schema> schema_;
  std::unique_ptr<jx::rules::RuleSet> rules_;
};

TEST_F(AuditTest, SelfScoresAreCheckedAtEveryLevelThroughUnstatedSubtotals) {
  // A/B is not stated: A is compared with the sum of the leaves below A/B.
  Value::Object scores{{"A/B/x", dec("61", 3)}, {"A/B/y", dec("40", 4)}, {"A", dec("100", 5)}};
  const auto doc = department({{"total", dec("100", 2)},
                               {"grade", Value(std::string("差"), {0, 6, 5})},
                               {"scores", Value(std::move(scores), {0, 3, 1})}});
  const auto checks = jx::audit::check_self_evaluation(*rules_, doc);
  ASSERT_EQ(checks.size(), 3u);
  // Scores within their weights first, then the sums.
  EXPECT_EQ(checks[0].relation, "score_within_weight");
  EXPECT_EQ(checks[0].indicator, "A/B/x");
  EXPECT_EQ(checks[0].message_en, "self score 61 exceeds the weight 60");
  EXPECT_EQ(checks[0].sources, (std::vector<std::string>{"d.json:3:5"}));
  EXPECT_EQ(checks[1].relation, "children_sum");
  EXPECT_EQ(checks[1].indicator, "A");
  EXPECT_EQ(checks[1].message_en, "the self scores below add up to 101, not the reported 100");
  EXPECT_EQ(checks[1].sources, (std::vector<std::string>{"d.json:5:5", "d.json:3:5", "d.json:4:5"}));
  EXPECT_EQ(checks[2].relation, "grade_band");
  EXPECT_EQ(checks[2].message_en,
            "the self-reported grade \"差\" does not match the band of the total 100 (\"优\")");
}

TEST_F(AuditTest, AStatedRateHoldsWhenRoundingHalfUpOrTruncatingGivesIt) {
  // 999.70 / 1000 = 99.97%.
  auto check = [&](const char* stated) {
    Value::Object rates{{"spending_rate", dec(stated, 9)}};
    Value::Object budget{{"adjusted", dec("1000", 7)}, {"spent", dec("999.70", 8)}};
    const auto doc = department({{"stated_rates", Value(std::move(rates), {0, 9, 1})}}, std::move(budget));
    return jx::audit::check_self_evaluation(*rules_, doc);
  };
  EXPECT_TRUE(check("99.97").empty());
  EXPECT_TRUE(check("100.0").empty());  // half up to one decimal
  EXPECT_TRUE(check("99.9").empty());   // truncated to one decimal
  EXPECT_TRUE(check("99").empty());     // truncated to a whole number
  const auto wrong = check("99.7");
  ASSERT_EQ(wrong.size(), 1u);
  EXPECT_EQ(wrong[0].relation, "stated_rate");
  EXPECT_EQ(wrong[0].message_en,
            "the stated rate spending_rate = 99.7% does not follow from its amounts: 999.70 / 1000 = 99.970% "
            "(to 1 decimal place: 100.0% rounded half up, 99.9% truncated)");
  EXPECT_EQ(wrong[0].sources, (std::vector<std::string>{"d.json:9:5", "d.json:8:5", "d.json:7:5"}));
  EXPECT_EQ(check("99.98").size(), 1u);
}

}  // namespace

namespace {

// The rule files of a test set, written beside its manifest.
void write_rule(const fs::path& file, const std::string& id, const std::string& leaf,
                const std::string& body) {
  std::ofstream(file) << "return { id = \"" << id << "\", indicator = \"" << leaf << "\", title = \"t\",\n"
                      << "check = function(dept, ctx)\n"
                      << body << "\nend }\n";
}

// A rule that fails at run time: the audit, not the sandbox, makes its leaf's
// engine-error finding (scoring::engine_error, the one place), with the rule's
// id, the leaf, the rule's message and position; nothing the rule reported
// before the failure stands, the leaf scores 0 and the check is incomplete.
// The manifest names no calendar: the set loads and ctx.calendar is nil, and
// a rule that uses it anyway is told why in the message.
TEST_F(AuditTest, AFailedRuleIsItsLeafsEngineErrorAndAMissingCalendarIsNamed) {
  write_rule(dir_ / "x.lua", "T.X", "A/B/x", "ctx:deduct(1, { message = 'm' })\nerror('boom')");
  write_rule(
      dir_ / "y.lua", "T.Y", "A/B/y",
      "local cal = ctx.calendar\nlocal n = cal:working_days_between(date('2023-09-25'), date('2023-10-20'))");
  const auto set =
      jx::audit::load_rule_set(dir_.string(), *schema_, jx::Lang::en, {}, (dir_ / "no-calendars").string());
  EXPECT_EQ(set->calendar, nullptr);
  jx::audit::DepartmentChecker checker(set);
  ASSERT_TRUE(checker.load_errors().empty());
  const auto doc = std::make_shared<const jx::data::Document>(department({}));
  const jx::scoring::Scorecard card = checker.check(doc, nullptr, 2023);
  EXPECT_FALSE(card.complete);
  const std::string at = fs::path(dir_).lexically_normal().string();

  ASSERT_EQ(card.rows[2].findings.size(), 1u);
  const jx::Finding& x = card.findings[card.rows[2].findings[0]];
  EXPECT_EQ(x.kind, jx::Finding::Kind::engine_error);
  EXPECT_EQ(x.rule_id, "T.X");
  EXPECT_EQ(x.indicator, "A/B/x");
  EXPECT_EQ(x.message, at + "/x.lua:4: boom");
  EXPECT_EQ(x.rule_source, at + "/x.lua:4");
  EXPECT_EQ(x.points.to_string(), "60");
  EXPECT_EQ(card.rows[2].score.to_string(), "0");
  EXPECT_TRUE(card.rows[2].failed);

  ASSERT_EQ(card.rows[3].findings.size(), 1u);
  const jx::Finding& y = card.findings[card.rows[3].findings[0]];
  EXPECT_EQ(y.kind, jx::Finding::Kind::engine_error);
  EXPECT_EQ(y.rule_id, "T.Y");
  EXPECT_EQ(y.message,
            at + "/y.lua:4: this rule counts with ctx.calendar, which is nil: the rule set's manifest "
                 "names no calendar (calendar = \"cn-mainland\")");
  EXPECT_EQ(y.points.to_string(), "40");
}

}  // namespace
