// The batch summary's rows leave memory for a temporary file once there are
// many (issue 7: memory bounded by the largest department, not by the number
// of departments). Read back, they must be exactly the rows added, in order.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "report/summary_rows.hpp"

namespace {

using jx::Decimal;
using jx::report::SummaryRow;
using jx::report::SummaryRows;

SummaryRow row(int i) {
  SummaryRow r;
  r.file = "dept/" + std::to_string(i) + ".json";
  r.code = "C" + std::to_string(i);
  r.name = "广州市第" + std::to_string(i) + "局";
  r.total = Decimal::parse(std::to_string(90 + i % 10) + ".0" + std::to_string(i % 10));
  if (i % 3 != 0) r.self_total = Decimal::parse("98.5");
  r.grade = i % 2 == 0 ? "优" : "良";
  r.complete = i % 7 != 0;
  r.findings = static_cast<std::size_t>(i % 5);
  return r;
}

// Every field as text that shows the exact value and its scale.
std::string describe(const SummaryRow& r) {
  return r.file + "|" + r.code + "|" + r.name + "|" + r.total.to_string() + "|" +
         (r.self_total ? r.self_total->to_string() : "-") + "|" + r.grade + "|" + (r.complete ? "1" : "0") +
         "|" + std::to_string(r.findings);
}

std::vector<std::string> read_back(const SummaryRows& rows) {
  std::vector<std::string> out;
  rows.for_each([&out](const SummaryRow& r) { out.push_back(describe(r)); });
  return out;
}

TEST(SummaryRows, ManyRowsSpillToATemporaryFileAndComeBackExactlyInOrder) {
  SummaryRows rows(1024);  // a small limit: about ten rows in memory
  std::vector<std::string> expected;
  for (int i = 0; i < 5000; ++i) {
    rows.add(row(i));
    expected.push_back(describe(row(i)));
  }
  EXPECT_TRUE(rows.spilled());
  EXPECT_EQ(rows.size(), 5000U);
  EXPECT_EQ(read_back(rows), expected);
  EXPECT_EQ(read_back(rows), expected);  // the text summary reads twice
  rows.add(row(5000));                   // adding after reading appends, still in order
  expected.push_back(describe(row(5000)));
  EXPECT_EQ(read_back(rows), expected);
  EXPECT_EQ(expected[7], "dept/7.json|C7|广州市第7局|97.07|98.5|良|0|2");
}

TEST(SummaryRows, AFewRowsStayInMemory) {
  SummaryRows rows;
  rows.add(row(1));
  rows.add(row(3));
  EXPECT_FALSE(rows.spilled());
  EXPECT_EQ(read_back(rows), (std::vector<std::string>{"dept/1.json|C1|广州市第1局|91.01|98.5|良|1|1",
                                                       "dept/3.json|C3|广州市第3局|93.03|-|良|1|3"}));
}

TEST(SummaryRows, AFractionAndTrailingZerosSurviveTheRoundTrip) {
  SummaryRows rows(1);  // everything goes to the file
  SummaryRow r = row(2);
  r.total = Decimal(200) / Decimal(3);  // 66.666…, never rounded
  r.self_total = Decimal::parse("-0.500");
  rows.add(r);
  EXPECT_TRUE(rows.spilled());
  rows.for_each([&r](const SummaryRow& back) {
    EXPECT_TRUE(back.total.is_fraction());
    EXPECT_EQ(back.total, r.total);
    EXPECT_EQ(back.total * Decimal(3), Decimal(200));
    EXPECT_EQ(back.self_total->to_string(), "-0.500");
  });
}

TEST(SummaryRows, WithoutAWritableTemporaryDirectoryRowsStayInMemory) {
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old != nullptr ? old : "";
  setenv("TMPDIR", "/nonexistent/jxaudit-test", 1);
  SummaryRows rows(64);
  std::vector<std::string> expected;
  for (int i = 0; i < 100; ++i) {
    rows.add(row(i));
    expected.push_back(describe(row(i)));
  }
  if (old != nullptr) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  EXPECT_FALSE(rows.spilled());
  EXPECT_EQ(read_back(rows), expected);
}

}  // namespace
