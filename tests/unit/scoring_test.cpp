// Scoring: leaf scores from findings, fail-closed on rule errors, capping that
// keeps weight − score equal to the sum of the points, the missing-evidence
// policy, subtotals, grades, and the self scores set beside the checked ones.
// (The self-evaluation's own arithmetic is the audit's: audit_test.cpp.)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "rules/ruleset.hpp"
#include "scoring/scorecard.hpp"
#include "source_dir.hpp"

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
        jx::data::Schema::load(jx::test::source_path("/schemas/ruleset.schema.json")));
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
  const auto card = jx::scoring::score(*rules_, leaves, {}, nullptr);
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
  const auto card = jx::scoring::score(*rules_, leaves, {}, nullptr);
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
  const auto card = jx::scoring::score(*rules_, leaves, {}, nullptr);
  ASSERT_EQ(card.rows[1].findings.size(), 1u);
  EXPECT_EQ(card.findings[card.rows[1].findings[0]].kind, Finding::Kind::engine_error);
  EXPECT_EQ(card.rows[1].score.to_string(), "0");
  EXPECT_FALSE(card.complete);
}

TEST_F(ScoringTest, PointsBeyondTheWeightAreCappedAndTheExcessRecorded) {
  std::map<std::size_t, std::vector<Finding>> leaves;
  leaves[1] = {};
  leaves[2] = {finding(Finding::Kind::deduction, "30"), finding(Finding::Kind::deduction, "25")};
  const auto card = jx::scoring::score(*rules_, leaves, {}, nullptr);
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

TEST_F(ScoringTest, TheSelfScoresAreSetBesideTheCheckedOnes) {
  using jx::data::Value;
  const jx::data::SourcePos at{};
  Value::Object scores{{"A/x", Value(Decimal::parse("61"), at)}, {"A", Value(Decimal::parse("100"), at)}};
  Value::Object self{{"total", Value(Decimal::parse("100"), at)},
                     {"grade", Value(std::string("差"), at)},
                     {"scores", Value(std::move(scores), at)}};
  const Value self_evaluation(std::move(self), at);
  std::map<std::size_t, std::vector<Finding>> leaves{{1, {}}, {2, {}}};
  const auto card = jx::scoring::score(*rules_, leaves, {}, &self_evaluation);
  ASSERT_TRUE(card.self_total.has_value());
  EXPECT_EQ(card.self_total->to_string(), "100");
  EXPECT_EQ(card.self_grade.value_or(""), "差");
  EXPECT_EQ(card.rows[1].self_score.value_or(Decimal()).to_string(), "61");
  EXPECT_EQ(card.rows[0].self_score.value_or(Decimal()).to_string(), "100");
  EXPECT_FALSE(card.rows[2].self_score.has_value());
}

TEST_F(ScoringTest, ALeafWhoseRuleDidNotLoadFailsClosedWithTheReason) {
  std::map<std::size_t, std::vector<Finding>> leaves{{2, {}}};
  const std::map<std::size_t, std::string> failed{{1, "rules/x.lua:3: syntax error"}};
  const auto card = jx::scoring::score(*rules_, leaves, failed, nullptr);
  ASSERT_EQ(card.rows[1].findings.size(), 1u);
  const Finding& f = card.findings[card.rows[1].findings[0]];
  EXPECT_EQ(f.kind, Finding::Kind::engine_error);
  EXPECT_EQ(f.message, "rules/x.lua:3: syntax error");
  EXPECT_EQ(f.points.to_string(), "60");
  EXPECT_FALSE(card.complete);
}

// The missing-evidence policy is applied here, not in the sandbox: a rule's
// ctx:missing arrives with 0 points.
class MissingEvidenceTest : public ScoringTest {
 protected:
  void load(const char* policy) {
    std::ofstream(dir_ / "manifest.toml", std::ios::app) << policy;
    rules_ =
        std::make_unique<jx::rules::RuleSet>(jx::rules::RuleSet::load(dir_.string(), *schema_, jx::Lang::en));
  }
  jx::scoring::Scorecard missing_twice() {
    Finding f = finding(Finding::Kind::missing_evidence, "0");
    f.message = "缺少佐证：assets.inventory";
    std::map<std::size_t, std::vector<Finding>> leaves{{1, {f, f}}, {2, {}}};
    return jx::scoring::score(*rules_, leaves, {}, nullptr);
  }
};

TEST_F(MissingEvidenceTest, DeductWeightTakesTheWholeLeafOnceAndCapsTheRest) {
  load("[missing_evidence]\npolicy = \"deduct_weight\"\n");
  const auto card = missing_twice();
  EXPECT_EQ(card.findings[0].points.to_string(), "60");
  EXPECT_EQ(card.findings[1].points.to_string(), "0");
  ASSERT_EQ(card.findings[1].evidence.size(), 1u);
  EXPECT_EQ(card.findings[1].evidence[0].key, "uncapped_points");
  EXPECT_EQ(card.findings[1].evidence[0].value, "60");
  EXPECT_EQ(card.findings[0].message, "缺少佐证：assets.inventory");
  EXPECT_EQ(card.rows[1].score.to_string(), "0");
}

TEST_F(MissingEvidenceTest, DeductTakesThePolicysPoints) {
  load("[missing_evidence]\npolicy = \"deduct\"\npoints = 2\n");
  const auto card = missing_twice();
  EXPECT_EQ(card.findings[0].points.to_string(), "2");
  EXPECT_EQ(card.findings[1].points.to_string(), "2");
  EXPECT_EQ(card.rows[1].score.to_string(), "56");
}

TEST_F(MissingEvidenceTest, ReviewCostsNothingAndSaysSo) {
  load("[missing_evidence]\npolicy = \"review\"\n");
  const auto card = missing_twice();
  EXPECT_EQ(card.findings[0].points.to_string(), "0");
  EXPECT_EQ(card.findings[0].message,
            "缺少佐证：assets.inventory（已标记待复核，未扣分 / flagged for review）");
  EXPECT_EQ(card.rows[1].score.to_string(), "60");
}

// A leaf's own policy and all-or-nothing, from its [[indicators]] entry.
class LeafPolicyTest : public ScoringTest {
 protected:
  void SetUp() override {
    ScoringTest::SetUp();
    std::ofstream(dir_ / "manifest.toml") << R"(schema_version = "1"
jurisdiction = "t"
name = "test"
fiscal_years = [2023]
[missing_evidence]
policy = "deduct_weight"
[[grades]]
name = "差"
min = 0
[[indicators]]
path = "A"
weight = 100
[[indicators]]
path = "A/x"
weight = 60
missing_evidence = { policy = "review" }
[[indicators]]
path = "A/y"
weight = 40
all_or_nothing = true
)";
    rules_ =
        std::make_unique<jx::rules::RuleSet>(jx::rules::RuleSet::load(dir_.string(), *schema_, jx::Lang::en));
  }
};

TEST_F(LeafPolicyTest, ALeafsOwnMissingEvidencePolicyOverridesTheSets) {
  std::map<std::size_t, std::vector<Finding>> leaves{{1, {finding(Finding::Kind::missing_evidence, "0")}},
                                                     {2, {finding(Finding::Kind::missing_evidence, "0")}}};
  const auto card = jx::scoring::score(*rules_, leaves, {}, nullptr);
  EXPECT_EQ(card.rows[1].score.to_string(), "60");  // review: flagged, no points
  EXPECT_EQ(card.rows[2].score.to_string(), "0");   // the set's deduct_weight
}

TEST_F(LeafPolicyTest, OnAnAllOrNothingLeafAnyPointsTakeTheWholeWeight) {
  std::map<std::size_t, std::vector<Finding>> leaves{
      {1, {}}, {2, {finding(Finding::Kind::deduction, "0.5"), finding(Finding::Kind::deduction, "1")}}};
  const auto card = jx::scoring::score(*rules_, leaves, {}, nullptr);
  EXPECT_EQ(card.rows[2].score.to_string(), "0");
  EXPECT_EQ(card.findings[0].points.to_string(), "40");
  ASSERT_EQ(card.findings[0].evidence.size(), 1u);
  EXPECT_EQ(card.findings[0].evidence[0].key, "all_or_nothing_from");
  EXPECT_EQ(card.findings[0].evidence[0].value, "0.5");
  EXPECT_EQ(card.findings[1].points.to_string(), "0");  // nothing left: capped
}

}  // namespace
