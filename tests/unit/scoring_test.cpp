// Scoring: leaf scores from findings, fail-closed on rule errors, capping that
// keeps weight − score equal to the sum of the points, subtotals, grades, and
// the self-evaluation's own arithmetic.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "rules/ruleset.hpp"
#include "scoring/scorecard.hpp"

namespace {

namespace fs = std::filesystem;
using jx::Decimal;
using jx::Finding;

class ScoringTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("jx-scoring-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
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
path = "A/x"
weight = 60
[[indicators]]
path = "A/y"
weight = 40
)";
    schema_ = std::make_unique<jx::data::Schema>(
        jx::data::Schema::load(JX_SOURCE_DIR "/schemas/ruleset.schema.json"));
    rules_ =
        std::make_unique<jx::rules::RuleSet>(jx::rules::RuleSet::load(dir_.string(), *schema_, jx::Lang::en));
  }
  void TearDown() override { fs::remove_all(dir_); }

  static Finding finding(Finding::Kind kind, const char* points) {
    Finding f;
    f.kind = kind;
    f.points = Decimal::parse(points);
    return f;
  }

  fs::path dir_;
  std::unique_ptr<jx::data::Schema> schema_;
  std::unique_ptr<jx::rules::RuleSet> rules_;
};

TEST_F(ScoringTest, DeductionsComeOffTheWeightAndAddUp) {
  // indicators: 0 = A, 1 = A/x, 2 = A/y
  std::map<std::size_t, std::vector<Finding>> leaves;
  leaves[1] = {finding(Finding::Kind::deduction, "1.5"), finding(Finding::Kind::note, "0")};
  leaves[2] = {};
  const auto card = jx::scoring::score(*rules_, leaves, nullptr);
  EXPECT_EQ(card.rows[1].score.to_string(), "58.5");
  EXPECT_EQ(card.rows[1].deducted.to_string(), "1.5");
  EXPECT_EQ(card.rows[2].score.to_string(), "40");
  EXPECT_EQ(card.rows[0].score.to_string(), "98.5");
  EXPECT_EQ(card.total.to_string(), "98.5");
  EXPECT_EQ(card.grade, "优");
  EXPECT_TRUE(card.complete);
  EXPECT_EQ(card.findings.size(), 2u);
}

TEST_F(ScoringTest, ARuleThatFailedScoresItsLeafZeroAndMarksTheCheckIncomplete) {
  std::map<std::size_t, std::vector<Finding>> leaves;
  leaves[1] = {finding(Finding::Kind::deduction, "10"), finding(Finding::Kind::engine_error, "0")};
  leaves[2] = {};
  const auto card = jx::scoring::score(*rules_, leaves, nullptr);
  EXPECT_EQ(card.rows[1].score.to_string(), "0");
  EXPECT_TRUE(card.rows[1].failed);
  EXPECT_TRUE(card.rows[0].failed);
  EXPECT_FALSE(card.complete);
  EXPECT_EQ(card.findings[1].points.to_string(),
            "50");  // the rest of the weight, so the points still reconcile
  EXPECT_EQ(card.total.to_string(), "40");
  EXPECT_EQ(card.grade, "差");
}

TEST_F(ScoringTest, ALeafWithoutARuleFailsClosed) {
  std::map<std::size_t, std::vector<Finding>> leaves;
  leaves[2] = {};
  const auto card = jx::scoring::score(*rules_, leaves, nullptr);
  ASSERT_EQ(card.rows[1].findings.size(), 1u);
  EXPECT_EQ(card.findings[card.rows[1].findings[0]].kind, Finding::Kind::engine_error);
  EXPECT_EQ(card.rows[1].score.to_string(), "0");
  EXPECT_FALSE(card.complete);
}

TEST_F(ScoringTest, PointsBeyondTheWeightAreCappedAndTheExcessRecorded) {
  std::map<std::size_t, std::vector<Finding>> leaves;
  leaves[1] = {};
  leaves[2] = {finding(Finding::Kind::deduction, "30"), finding(Finding::Kind::deduction, "25")};
  const auto card = jx::scoring::score(*rules_, leaves, nullptr);
  EXPECT_EQ(card.rows[2].score.to_string(), "0");
  EXPECT_EQ(card.findings[1].points.to_string(), "10");
  ASSERT_EQ(card.findings[1].evidence.size(), 1u);
  EXPECT_EQ(card.findings[1].evidence[0].key, "uncapped_points");
  EXPECT_EQ(card.findings[1].evidence[0].value, "25");
  // weight − score = Σ points, for every leaf.
  for (std::size_t i : {1u, 2u}) {
    Decimal sum;
    for (std::size_t f : card.rows[i].findings) sum += card.findings[f].points;
    EXPECT_EQ(card.rows[i].weight - card.rows[i].score, sum);
  }
}

TEST_F(ScoringTest, TheSelfEvaluationIsComparedAndItsArithmeticChecked) {
  const auto doc = std::make_shared<jx::data::Document>();
  using jx::data::Value;
  const jx::data::SourcePos at{};
  Value::Object scores{{"A/x", Value(Decimal::parse("61"), at)},
                       {"A/y", Value(Decimal::parse("40"), at)},
                       {"A", Value(Decimal::parse("100"), at)}};
  Value::Object self{{"total", Value(Decimal::parse("100"), at)},
                     {"grade", Value(std::string("差"), at)},
                     {"scores", Value(std::move(scores), at)}};
  const Value self_evaluation(std::move(self), at);
  std::map<std::size_t, std::vector<Finding>> leaves{{1, {}}, {2, {}}};
  const auto card = jx::scoring::score(*rules_, leaves, &self_evaluation);
  ASSERT_TRUE(card.self_total.has_value());
  EXPECT_EQ(card.self_total->to_string(), "100");
  ASSERT_EQ(card.self_checks.size(), 3u);
  EXPECT_EQ(card.self_checks[0].message_en, "the self scores below add up to 101, not the reported 100");
  EXPECT_EQ(card.self_checks[0].indicator, "A");
  EXPECT_EQ(card.self_checks[1].message_en, "self score 61 exceeds the weight 60");
  EXPECT_EQ(card.self_checks[1].indicator, "A/x");
  EXPECT_EQ(card.self_checks[2].message_en,
            "the self-reported grade \"差\" does not match the band of the total 100 (\"优\")");
}

}  // namespace
