#include "cli/fixture_accept.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <regex>

namespace jx::cli {

namespace fs = std::filesystem;

namespace {

// "2025-05" with fiscal year 2025 → "FY-05"; "2026-01-08" → "FY+1-01-08" (the
// forms fixtures.hpp reads); anything else, or a year more than 9 away, as is.
std::string relative_subject(const std::string& subject, int fiscal_year) {
  static const std::regex date(R"(^(\d{4})(-\d{2}(-\d{2})?)$)");
  std::smatch m;
  if (fiscal_year == 0 || !std::regex_match(subject, m, date)) return subject;
  const int offset = std::stoi(m[1].str()) - fiscal_year;
  if (offset < -9 || offset > 9) return subject;
  return "FY" + (offset == 0 ? std::string() : fmt::format("{:+d}", offset)) + m[2].str();
}

}  // namespace

ActualResult actual_result(const Decimal& score, const std::vector<Finding>& findings, int fiscal_year) {
  ActualResult r;
  r.score = score;
  for (const Finding& f : findings)
    r.findings.push_back(
        ExpectedFinding{kind_name(f.kind), relative_subject(f.subject, fiscal_year), f.points});
  return r;
}

std::size_t accept_all(const rules::RuleSet& set, const AcceptedCases& accepts) {
  std::size_t count = 0;
  for (const auto& [fixture, cases] : accepts) {
    // The fixture's path inside the set that holds it, then the same path here.
    std::string target = fixture;
    for (const std::string& dir : set.chain()) {
      const fs::path rel = fs::path(fixture).lexically_relative(dir);
      if (!rel.empty() && *rel.begin() != "..") {
        target = (fs::path(set.dir()) / rel).lexically_normal().string();
        break;
      }
    }
    write_accepted_fixture(fixture, target, cases);
    count += cases.size();
    std::cout << fmt::format("accepted {} case{} into {}{}\n", cases.size(), cases.size() == 1 ? "" : "s",
                             target, target == fixture ? "" : fmt::format(" (a copy of {})", fixture));
  }
  return count;
}

}  // namespace jx::cli
