#include "cli/fixture_accept.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace jx::cli {

namespace fs = std::filesystem;

ActualResult actual_result(const Decimal& score, const std::vector<Finding>& findings) {
  ActualResult r;
  r.score = score;
  for (const Finding& f : findings)
    r.findings.push_back(ExpectedFinding{kind_name(f.kind), f.subject, f.points});
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
