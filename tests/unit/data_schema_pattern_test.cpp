// The schema's hand-written pattern matchers (engine/data/schema.cpp) against
// std::regex: a pattern with a matcher is never compiled (issue 18), so the
// matcher must answer exactly what ECMAScript regex_search would.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "data/schema.hpp"

namespace {

using jx::data::Schema;

const std::vector<std::string> kPatterns = {
    R"(^[0-9]+(\.[0-9]+)?$)",          R"(^[0-9]+([.][0-9]+)?$)",
    R"(^-?[0-9]+(\.[0-9]+)?$)",        R"(^-?[0-9]+([.][0-9]+)?$)",
    R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}$)", R"(^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$)",
};

const std::vector<std::string> kTexts = {
    "",           "0",        "7",          "12.5",     "-12.5",       "+12.5",      ".5",
    "-.5",        "5.",       "-5.",        ".",        "-",           "+",          "1e5",
    "1E+5",       "1.5e-3",   ".5E10",      "5.e1",     "1e",          "1e+",        "e5",
    "1.2.3",      "--1",      "1 ",         " 1",       "1\n",         "1,000",      "１２",
    "2023-01-05", "2023-1-5", "2023/01/05", "20230105", "2023-01-05 ", "abcd-ef-gh", "0000-00-00",
    "1.5E",       "0x10",     "1_000",      "-0",       "00.00",       "9.99999999", "-1e-1",
    "+.e1",
};

std::string json_escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

TEST(SchemaPattern, EveryHandWrittenMatcherAgreesWithStdRegex) {
  for (const std::string& pattern : kPatterns) {
    const Schema schema = Schema::from_text(
        R"({"type": "string", "pattern": ")" + json_escaped(pattern) + "\"}", "pattern-test");
    const auto& node = schema.root();
    ASSERT_NE(node.pattern_matcher, nullptr) << pattern;
    EXPECT_FALSE(node.pattern.has_value()) << pattern << ": compiled although a matcher answers";
    EXPECT_TRUE(node.has_pattern());
    const std::regex reference(pattern, std::regex::ECMAScript);
    for (const std::string& text : kTexts) {
      EXPECT_EQ(node.matches_pattern(text), std::regex_search(text, reference))
          << pattern << " on \"" << text << '"';
    }
  }
}

TEST(SchemaPattern, AnyOtherPatternIsCompiledAndSearched) {
  const Schema schema =
      Schema::from_text(R"({"type": "string", "pattern": "^[0-9a-f]{64}$"})", "pattern-test");
  const auto& node = schema.root();
  EXPECT_EQ(node.pattern_matcher, nullptr);
  ASSERT_TRUE(node.pattern.has_value());
  EXPECT_TRUE(node.matches_pattern(std::string(64, 'a')));
  EXPECT_FALSE(node.matches_pattern(std::string(63, 'a')));
}

TEST(SchemaPattern, ABadPatternIsStillRefusedWhenTheSchemaIsRead) {
  EXPECT_THROW((void)Schema::from_text(R"({"type": "string", "pattern": "([0-9]"})", "pattern-test"),
               jx::data::SchemaError);
}

}  // namespace
