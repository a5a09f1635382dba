// Rule fixtures (<rule>.test.json beside each rule): a base department, and
// cases that patch it (JSON Merge Patch, RFC 7396) and state the expected
// leaf score and findings. Loaded as plain JSON values, patched, and turned
// back into department JSON that the real schema validates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "data/value.hpp"
#include "decimal/decimal.hpp"

namespace jx::cli {

struct ExpectedFinding {
  std::string kind;
  std::string subject;
  Decimal points;
};

struct FixtureCase {
  std::string name;
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
Fixture load_fixture(const std::string& path);

// JSON text of a value tree (decimals as numbers, exactly; dates as strings).
std::string to_json(const data::Value& value);
// RFC 7396: objects merge member by member, null removes, anything else replaces.
data::Value merge_patch(const data::Value& target, const data::Value& patch);

}  // namespace jx::cli
