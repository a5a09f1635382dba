// The audit's checks of a self-evaluation: scores within their weights, sums
// at every level (through subtotals the report does not state), the total and
// its grade, stated rates at their precision, and the verdict they lead to.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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
