// CSV cells as Excel and WPS read them: quoting, and formula injection neutralised.
#include <gtest/gtest.h>

#include "report/csv_cell.hpp"

using jx::report::csv_cell;

TEST(CsvCellTest, PlainTextIsWrittenAsIs) {
  EXPECT_EQ(csv_cell("贵州省档案馆"), "贵州省档案馆");
  EXPECT_EQ(csv_cell(""), "");
}

TEST(CsvCellTest, QuotesSeparatorsQuotesAndLineBreaks) {
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell("two\nlines"), "\"two\nlines\"");
}

TEST(CsvCellTest, FormulaStartsAreNeutralisedWithAnApostrophe) {
  EXPECT_EQ(csv_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");  // quoted: it has '"'
  EXPECT_EQ(csv_cell("=1+1"), "'=1+1");
  EXPECT_EQ(csv_cell("+SUM(A1)"), "'+SUM(A1)");
  EXPECT_EQ(csv_cell("-2+3"), "'-2+3");
  EXPECT_EQ(csv_cell("@cmd"), "'@cmd");
  EXPECT_EQ(csv_cell("\tx"), "'\tx");
  EXPECT_EQ(csv_cell("\rx"), "\"'\rx\"");
}

TEST(CsvCellTest, PlainNumbersStayNumbers) {
  EXPECT_EQ(csv_cell("-0.50"), "-0.50");
  EXPECT_EQ(csv_cell("+3"), "+3");
  EXPECT_EQ(csv_cell("12.5"), "12.5");
  EXPECT_EQ(csv_cell("-"), "'-");
  EXPECT_EQ(csv_cell("-1.2.3"), "'-1.2.3");
}
