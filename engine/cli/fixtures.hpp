// Rule fixtures (<rule>.test.json beside each rule): a base department, and
// cases that patch it (JSON Merge Patch, RFC 7396) and state the expected
// leaf score and findings. Loaded as plain JSON values, patched, and turned
// back into department JSON that the real schema validates.
//
// Dates can be written relative to the fiscal year of the rule set under test,
// so that a fixture inherited by next year's set tests next year's data:
// "FY" (the year, a number: "fiscal_year": "FY"), "FY+1", "FY-1" (offsets of
// one digit), "FY-04-17", "FY+1-01-08" (dates), "FY-05" (a month, e.g. a
// finding's subject). They are replaced in the base, the patches and the
// expected subjects before anything else reads them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/value.hpp"
#include "values/decimal.hpp"

namespace jx::cli {

struct ExpectedFinding {
  std::string kind;
  std::string subject;
  Decimal points;
};

struct FixtureCase {
  std::string name;
  bool has_score = false;       // the case states a score
  std::string department_json;  // base with the patch applied
  std::optional<Decimal> score;
  std::vector<ExpectedFinding> findings;
};

struct Fixture {
  std::string path;
  std::string rule_id;
  std::vector<FixtureCase> cases;
};

// Throws std::runtime_error with file:line:column for a malformed fixture.
// `fiscal_year`: the year "FY" stands for (0: relative dates are left as text).
Fixture load_fixture(const std::string& path, int fiscal_year = 0);

// "FY+1-01-08" with fiscal_year 2025 → "2026-01-08"; nullopt when `text` is not
// a relative date. `as_number` is set for "FY" and "FY±N" (a year, not a date).
std::optional<std::string> resolve_fiscal_year(const std::string& text, int fiscal_year, bool* as_number);

// What a case produced, for `jxaudit test --accept`.
struct ActualResult {
  Decimal score;
  std::vector<ExpectedFinding> findings;
};

// Writes the fixture at `from` to `to` (creating folders), with the expectations
// of the cases in `accepted` (by index) replaced by what the rule produced; the
// fixture's "base" is rewritten relative to `to`. Everything else is kept.
void write_accepted_fixture(const std::string& from, const std::string& to,
                            const std::map<std::size_t, ActualResult>& accepted);

// A department file moved to fiscal year `to_year`: "fiscal_year" set, and
// every date string (YYYY-MM-DD) and month (YYYY-MM) moved the same number of
// years (29 February becomes 28 February); the year in department.code and
// department.name follows. Returns the JSON text, pretty-printed; `notes`
// learns each date that could not keep its day.
std::string department_for_year(const std::string& path, int to_year, std::vector<std::string>& notes);

// A value as pretty JSON (two-space indent), decimals exactly as read.
std::string to_pretty_json(const data::Value& value);

// JSON text of a value tree (decimals as numbers, exactly; dates as strings).
std::string to_json(const data::Value& value);
// RFC 7396: objects merge member by member, null removes, anything else replaces.
data::Value merge_patch(const data::Value& target, const data::Value& patch);

}  // namespace jx::cli
