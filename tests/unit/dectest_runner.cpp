// Runs the General Decimal Arithmetic testcases (tests/data/dectest/*.decTest)
// against jx::Decimal.
//
// Semantics: operands are built exactly with Decimal::parse (never rounded),
// the exact result comes from our operators, and then the test's precision and
// rounding mode are applied to that exact result with round_significant (for
// divide, to the exact quotient, which may be a fraction). The result is
// formatted as the specification's to-scientific-string and compared exactly;
// the conditions Inexact and Rounded are derived and compared too.
//
// Cases that cannot apply to an arbitrary-precision finite decimal with
// bounded exponents and no signed zero are skipped by category (see Skip
// below and docs/decimal.md, "Conformance (decTest)"). Everything else must pass.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "source_dir.hpp"
#include "values/decimal.hpp"

namespace {

using jx::Decimal;
using jx::DecimalError;
using jx::RoundingMode;

// ---------------------------------------------------------------------------
// Skip categories

enum class Skip {
  unsupported_operation,
  null_or_encoded_operand,
  nan,
  infinity,
  exponent_limits,
  negative_zero,
  operand_beyond_bounds,
  result_beyond_bounds,
};
constexpr std::size_t skip_count = 8;

struct SkipInfo {
  const char* name;
  const char* reason;
};

constexpr std::array<SkipInfo, skip_count> skip_info{{
    {"unsupported-op", "an operation jx::Decimal does not provide (power)"},
    {"null/encoded",
     "'#' null operand, '#hex' DPD bit pattern or '32#'/'64#'/'128#' concrete-format operand"},
    {"NaN", "a NaN or sNaN operand or result: jx::Decimal has no NaN"},
    {"Infinity", "an infinite operand or result: jx::Decimal has no infinity"},
    {"exponent-limits",
     "Overflow, Underflow, Subnormal or Clamped, or a quantize exponent outside Emax/Etiny: these "
     "depend on the context's Emax/Emin, and jx::Decimal has no such context (only a +-10000 bound "
     "that raises an error)"},
    {"negative-zero", "the expected result is a negative zero: jx::Decimal has no signed zero"},
    {"operand-bounds",
     "an operand beyond our bounds (more than 1000 digits or |exponent| > 10000): parse throws"},
    {"result-bounds", "the exact result is beyond our bounds (more than 1000 digits or |exponent| > 10000)"},
}};

// ---------------------------------------------------------------------------
// Counts, kept for the summary table printed at the end of the run.

struct FileCounts {
  std::string file;
  int passed = 0;
  int failed = 0;
  std::array<int, skip_count> skipped{};
  std::vector<std::string> failures;  // "id: ... expected ... got ..."

  [[nodiscard]] int skipped_total() const {
    int total = 0;
    for (int n : skipped) total += n;
    return total;
  }
  [[nodiscard]] int total() const { return passed + failed + skipped_total(); }
};

std::vector<FileCounts>& all_counts() {
  static std::vector<FileCounts> counts;
  return counts;
}

void print_table(std::ostream& out, const std::vector<FileCounts>& rows, bool with_reasons) {
  constexpr int name_width = 18;
  constexpr int col = 9;
  out << "\ndecTest conformance of jx::Decimal\n";
  out << std::left << std::setw(name_width) << "file" << std::right << std::setw(col) << "tests"
      << std::setw(col) << "passed" << std::setw(col) << "failed" << std::setw(col) << "skipped";
  for (const auto& info : skip_info) out << "  " << info.name;
  out << '\n';
  FileCounts sum;
  sum.file = "total";
  const auto print_row = [&](const FileCounts& c) {
    out << std::left << std::setw(name_width) << c.file << std::right << std::setw(col) << c.total()
        << std::setw(col) << c.passed << std::setw(col) << c.failed << std::setw(col) << c.skipped_total();
    for (std::size_t k = 0; k < skip_count; ++k) {
      out << "  " << std::setw(static_cast<int>(std::string_view(skip_info[k].name).size())) << c.skipped[k];
    }
    out << '\n';
  };
  for (const auto& c : rows) {
    print_row(c);
    sum.passed += c.passed;
    sum.failed += c.failed;
    for (std::size_t k = 0; k < skip_count; ++k) sum.skipped[k] += c.skipped[k];
  }
  if (rows.size() > 1) print_row(sum);
  if (with_reasons) {
    out << "skip categories:\n";
    for (const auto& info : skip_info) out << "  " << info.name << ": " << info.reason << '\n';
  }
  out << std::flush;
}

// Prints the table of every file that ran, once, after all tests.
class SummaryEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    if (!all_counts().empty()) print_table(std::cout, all_counts(), true);
  }
};
[[maybe_unused]] ::testing::Environment* const summary_environment =
    ::testing::AddGlobalTestEnvironment(new SummaryEnvironment);

// ---------------------------------------------------------------------------
// Lines and tokens

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Splits a line into tokens: blanks separate, '...' and "..." quote (a doubled
// quote inside stands for one), and an unquoted token starting with "--" ends the line.
std::vector<std::string> tokenize(std::string_view line) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  const std::size_t n = line.size();
  while (true) {
    while (i < n && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= n) break;
    if (line[i] == '\'' || line[i] == '"') {
      const char quote = line[i++];
      std::string token;
      while (i < n) {
        if (line[i] == quote) {
          if (i + 1 < n && line[i + 1] == quote) {
            token += quote;
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        token += line[i++];
      }
      tokens.push_back(std::move(token));
      continue;
    }
    if (line.substr(i, 2) == "--") break;
    const std::size_t begin = i;
    while (i < n && line[i] != ' ' && line[i] != '\t') ++i;
    tokens.emplace_back(line.substr(begin, i - begin));
  }
  return tokens;
}

struct Context {
  int precision = 9;
  RoundingMode mode = RoundingMode::half_up;
  std::int64_t emax = 999;
  std::int64_t emin = -999;
};

struct TestCase {
  std::string id;
  std::string operation;  // lower case
  std::vector<std::string> operands;
  std::string expected;
  std::set<std::string> conditions;  // lower case
  std::string line;
};

// ---------------------------------------------------------------------------
// to-scientific-string of a plain decimal

std::string to_sci_string(const Decimal& d) {
  const Decimal::Int& c = d.coefficient();
  const std::int64_t e = d.exponent();
  const std::string digits = boost::multiprecision::abs(c).str();
  const auto n = static_cast<std::int64_t>(digits.size());
  std::string out = c < 0 ? "-" : "";
  const std::int64_t adjusted = e + n - 1;
  if (e <= 0 && adjusted >= -6) {
    if (e == 0) return out + digits;
    const std::int64_t scale = -e;
    if (n > scale) {
      out.append(digits, 0, static_cast<std::size_t>(n - scale));
      out += '.';
      out.append(digits, static_cast<std::size_t>(n - scale), std::string::npos);
    } else {
      out += "0.";
      out.append(static_cast<std::size_t>(scale - n), '0');
      out += digits;
    }
    return out;
  }
  out += digits[0];
  if (n > 1) {
    out += '.';
    out.append(digits, 1, std::string::npos);
  }
  out += adjusted >= 0 ? "E+" : "E-";
  out += std::to_string(adjusted >= 0 ? adjusted : -adjusted);
  return out;
}

// ---------------------------------------------------------------------------
// One test case

bool is_nan_token(const std::string& t) { return lower(t).find("nan") != std::string::npos; }
bool is_inf_token(const std::string& t) { return lower(t).find("inf") != std::string::npos; }

bool is_negative_zero(const std::string& t) {
  if (t.empty() || t[0] != '-') return false;
  const auto d = Decimal::try_parse(t);
  return d && d->is_zero();
}

std::string join_conditions(const std::set<std::string>& conditions) {
  std::string out;
  for (const auto& c : conditions) {
    if (!out.empty()) out += ' ';
    out += c;
  }
  return out;
}

struct Outcome {
  enum class Kind { pass, fail, skip } kind = Kind::pass;
  Skip skip = Skip::unsupported_operation;
  std::string actual;  // for failures
};

Outcome pass() { return {}; }
Outcome skip(Skip why) { return {Outcome::Kind::skip, why, {}}; }
Outcome fail(std::string actual) {
  return {Outcome::Kind::fail, Skip::unsupported_operation, std::move(actual)};
}

struct Computed {
  Decimal result;
  std::set<std::string> conditions;
};

// Applies the context's precision and rounding mode to an exact result.
Computed round_to_context(const Decimal& exact, const Context& ctx) {
  Computed out;
  out.result = exact.round_significant(ctx.precision, ctx.mode);
  if (exact.is_fraction()) {
    out.conditions = {"inexact", "rounded"};
    return out;
  }
  if (jx::detail::digit_count(exact.coefficient()) > static_cast<std::size_t>(ctx.precision)) {
    out.conditions.insert("rounded");
  }
  if (out.result != exact) out.conditions.insert("inexact");
  return out;
}

Outcome compare_result(const TestCase& t, const std::string& actual,
                       const std::set<std::string>& conditions) {
  if (actual == t.expected && conditions == t.conditions) return pass();
  return fail(actual + (conditions.empty() ? "" : " " + join_conditions(conditions)));
}

Outcome run_quantize(const TestCase& t, const Context& ctx, const Decimal& a, const Decimal& b) {
  const std::int64_t target = b.exponent();
  const bool expect_invalid =
      t.expected == "NaN" && t.conditions == std::set<std::string>{"invalid_operation"};
  // The coefficient of the result, if it would have more digits than the
  // precision, makes the operation invalid. Decide that before rounding, so
  // that a huge rescale is never attempted.
  bool invalid = false;
  std::optional<Decimal> result;
  if (!a.is_zero() && target <= a.exponent()) {
    const auto digits =
        static_cast<std::int64_t>(jx::detail::digit_count(a.coefficient())) + (a.exponent() - target);
    invalid = digits > ctx.precision;
  }
  if (!invalid) {
    result = a.round(static_cast<int>(-target), ctx.mode);
    invalid = jx::detail::digit_count(result->coefficient()) > static_cast<std::size_t>(ctx.precision);
  }
  if (invalid)
    return expect_invalid ? pass() : fail("NaN Invalid_operation (coefficient longer than precision)");
  if (expect_invalid) {
    // Not invalid by length: the specification's other reason is the context's
    // exponent range, which we do not model.
    const std::int64_t etiny = ctx.emin - (ctx.precision - 1);
    const bool beyond_emax =
        target > ctx.emax ||
        (!result->is_zero() &&
         target + static_cast<std::int64_t>(jx::detail::digit_count(result->coefficient())) - 1 > ctx.emax);
    if (beyond_emax || target < etiny) return skip(Skip::exponent_limits);
  }
  std::set<std::string> conditions;
  if (!a.is_zero() && target > a.exponent()) conditions.insert("rounded");
  if (*result != a) conditions.insert("inexact");
  return compare_result(t, to_sci_string(*result), conditions);
}

Outcome run_case(const TestCase& t, const Context& ctx) {
  static const std::set<std::string> supported = {"add",     "subtract", "multiply", "divide", "quantize",
                                                  "compare", "abs",      "minus",    "plus",   "apply"};
  if (supported.count(t.operation) == 0) return skip(Skip::unsupported_operation);
  const auto any_token = [&](auto predicate) {
    return std::any_of(t.operands.begin(), t.operands.end(), predicate) || predicate(t.expected);
  };
  if (any_token([](const std::string& s) { return s.find('#') != std::string::npos; })) {
    return skip(Skip::null_or_encoded_operand);
  }
  if (std::any_of(t.operands.begin(), t.operands.end(), is_nan_token)) return skip(Skip::nan);
  if (std::any_of(t.operands.begin(), t.operands.end(), is_inf_token)) return skip(Skip::infinity);
  for (const char* c : {"overflow", "underflow", "subnormal", "clamped"}) {
    if (t.conditions.count(c) != 0) return skip(Skip::exponent_limits);
  }

  std::vector<Decimal> operands;
  for (const auto& text : t.operands) {
    try {
      operands.push_back(Decimal::parse(text));
    } catch (const DecimalError& e) {
      if (e.kind() == DecimalError::Kind::out_of_range) return skip(Skip::operand_beyond_bounds);
      return fail(std::string("parse threw: ") + e.what());
    }
  }
  const std::size_t arity =
      (t.operation == "abs" || t.operation == "minus" || t.operation == "plus" || t.operation == "apply") ? 1
                                                                                                          : 2;
  if (operands.size() != arity) return fail("malformed test line: wrong number of operands");

  // Division by zero: the specification gives ±Infinity with Division_by_zero,
  // or NaN with Division_undefined for 0/0; we throw instead.
  if (t.operation == "divide" && operands[1].is_zero()) {
    const bool expected_error =
        (is_inf_token(t.expected) && t.conditions == std::set<std::string>{"division_by_zero"}) ||
        (t.expected == "NaN" && t.conditions == std::set<std::string>{"division_undefined"});
    try {
      const Decimal q = operands[0] / operands[1];
      return fail("no exception; got " + to_sci_string(q.round_significant(ctx.precision, ctx.mode)));
    } catch (const DecimalError& e) {
      if (e.kind() == DecimalError::Kind::division_by_zero && expected_error) return pass();
      return fail(std::string("threw: ") + e.what());
    }
  }

  if (t.operation != "quantize") {
    if (is_nan_token(t.expected)) return skip(Skip::nan);
    if (is_inf_token(t.expected)) return skip(Skip::infinity);
  }
  if (is_negative_zero(t.expected)) return skip(Skip::negative_zero);

  try {
    const Decimal& a = operands[0];
    if (t.operation == "quantize") return run_quantize(t, ctx, a, operands[1]);
    if (t.operation == "compare") {
      const auto order = a <=> operands[1];
      const char* text = order < 0 ? "-1" : order > 0 ? "1" : "0";
      return compare_result(t, text, {});
    }
    Decimal exact;
    if (t.operation == "add") {
      exact = a + operands[1];
    } else if (t.operation == "subtract") {
      exact = a - operands[1];
    } else if (t.operation == "multiply") {
      exact = a * operands[1];
    } else if (t.operation == "divide") {
      exact = a / operands[1];
    } else if (t.operation == "abs") {
      exact = a.abs();
    } else if (t.operation == "minus") {
      exact = -a;
    } else {  // plus, and apply (the operand under the context, as toSci)
      exact = a;
    }
    const Computed c = round_to_context(exact, ctx);
    return compare_result(t, to_sci_string(c.result), c.conditions);
  } catch (const DecimalError& e) {
    if (e.kind() == DecimalError::Kind::out_of_range) return skip(Skip::result_beyond_bounds);
    return fail(std::string("threw: ") + e.what());
  } catch (const std::exception& e) {
    return fail(std::string("threw std::exception: ") + e.what());
  }
}

// ---------------------------------------------------------------------------
// One file

std::string data_path(const std::string& name) {
  return jx::test::source_path("/tests/data") + "/dectest/" + name + ".decTest";
}

FileCounts run_file(const std::string& name) {
  FileCounts counts;
  counts.file = name + ".decTest";
  std::ifstream in(data_path(name), std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot open " << data_path(name);
    return counts;
  }
  Context ctx;  // reset at the start of every file
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::vector<std::string> tokens = tokenize(line);
    if (tokens.empty()) continue;

    // Directive "keyword: value".
    if (tokens[0].back() == ':' && tokens.size() == 2) {
      const std::string keyword = lower(tokens[0].substr(0, tokens[0].size() - 1));
      const std::string& value = tokens[1];
      if (keyword == "precision") {
        ctx.precision = std::stoi(value);
      } else if (keyword == "rounding") {
        ctx.mode = jx::parse_rounding_mode(value);
      } else if (keyword == "maxexponent") {
        ctx.emax = std::stoll(value);
      } else if (keyword == "minexponent") {
        ctx.emin = std::stoll(value);
      } else if (keyword == "clamp" && value != "0") {
        ADD_FAILURE() << counts.file << ":" << line_number << ": clamp: " << value << " is not handled";
      } else if (keyword == "dectest") {
        ADD_FAILURE() << counts.file << ":" << line_number << ": dectest: includes are not handled";
      }
      continue;
    }

    // Test "id operation operands -> result conditions".
    const auto arrow = std::find(tokens.begin(), tokens.end(), "->");
    if (tokens.size() < 4 || arrow == tokens.end() || arrow == tokens.end() - 1 ||
        arrow - tokens.begin() < 2) {
      ADD_FAILURE() << counts.file << ":" << line_number << ": cannot read: " << line;
      continue;
    }
    TestCase t;
    t.id = tokens[0];
    t.operation = lower(tokens[1]);
    t.operands.assign(tokens.begin() + 2, arrow);
    t.expected = *(arrow + 1);
    for (auto it = arrow + 2; it != tokens.end(); ++it) t.conditions.insert(lower(*it));
    t.line = line;

    const Outcome o = run_case(t, ctx);
    switch (o.kind) {
      case Outcome::Kind::pass: ++counts.passed; break;
      case Outcome::Kind::skip: ++counts.skipped[static_cast<std::size_t>(o.skip)]; break;
      case Outcome::Kind::fail: {
        ++counts.failed;
        std::ostringstream why;
        why << t.id << " (precision " << ctx.precision << ", " << jx::rounding_mode_name(ctx.mode)
            << "): " << line << "\n      expected: " << t.expected
            << (t.conditions.empty() ? "" : " " + join_conditions(t.conditions))
            << "\n      actual:   " << o.actual;
        counts.failures.push_back(why.str());
        break;
      }
    }
  }
  return counts;
}

// The number of test lines in each file (from the README of the shared copy),
// so that a line the reader silently dropped shows up as a failure.
const std::map<std::string, int>& expected_test_counts() {
  static const std::map<std::string, int> counts = {
      {"add", 2100},      {"subtract", 681}, {"multiply", 521}, {"divide", 631}, {"quantize", 775},
      {"rounding", 1030}, {"compare", 639},  {"abs", 89},       {"minus", 113},  {"plus", 122},
  };
  return counts;
}

class DecTestFile : public ::testing::TestWithParam<std::string> {};

TEST_P(DecTestFile, EveryApplicableCasePasses) {
  const std::string& name = GetParam();
  FileCounts counts = run_file(name);
  all_counts().push_back(counts);
  print_table(std::cout, {counts}, false);

  EXPECT_EQ(counts.total(), expected_test_counts().at(name)) << "test lines read from " << counts.file;
  EXPECT_EQ(counts.failed, 0) << counts.file << ": " << counts.failed << " failing case(s)";
  constexpr std::size_t shown = 40;
  std::ostringstream list;
  for (std::size_t i = 0; i < counts.failures.size() && i < shown; ++i)
    list << "  " << counts.failures[i] << '\n';
  if (counts.failures.size() > shown) list << "  … and " << counts.failures.size() - shown << " more\n";
  if (!counts.failures.empty()) ADD_FAILURE() << "failing cases of " << counts.file << ":\n" << list.str();
}

INSTANTIATE_TEST_SUITE_P(DecTest, DecTestFile,
                         ::testing::Values("add", "subtract", "multiply", "divide", "quantize", "compare",
                                           "rounding", "abs", "minus", "plus"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

// The runner's own formatting, checked against the specification's examples.
TEST(DecTestRunner, ToScientificStringFollowsTheSpecification) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"123", "123"},           {"-123", "-123"},       {"1.23E+3", "1.23E+3"},
      {"123E+3", "1.23E+5"},    {"12.3E-9", "1.23E-8"}, {"-123E-12", "-1.23E-10"},
      {"123E-8", "0.00000123"}, {"123E-10", "1.23E-8"}, {"0", "0"},
      {"0.00", "0.00"},         {"0E+2", "0E+2"},       {"0E-7", "0E-7"},
      {"5E-6", "0.000005"},     {"50E-7", "0.0000050"}, {"5E-7", "5E-7"},
      {"1E+1", "1E+1"},
  };
  for (const auto& [text, sci] : cases) EXPECT_EQ(to_sci_string(Decimal::parse(text)), sci) << text;
}

TEST(DecTestRunner, TokenizerHandlesQuotesAndComments) {
  EXPECT_EQ(tokenize("absx001 abs '1'      -> '1'"),
            (std::vector<std::string>{"absx001", "abs", "1", "->", "1"}));
  EXPECT_EQ(tokenize("x add \"1E\"\"1\" '' -> 0 -- comment"),
            (std::vector<std::string>{"x", "add", "1E\"1", "", "->", "0"}));
  EXPECT_EQ(tokenize("precision:   5           -- for easier visual inspection"),
            (std::vector<std::string>{"precision:", "5"}));
  EXPECT_EQ(tokenize("x toSci '--1' -> NaN"), (std::vector<std::string>{"x", "toSci", "--1", "->", "NaN"}));
  EXPECT_TRUE(tokenize("  -- symmetry:").empty());
}

}  // namespace
