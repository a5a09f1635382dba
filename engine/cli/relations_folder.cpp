// jxaudit test and lint on a folder of narrative relations (relations_folder.hpp).
#include "cli/relations_folder.hpp"

#include <fmt/format.h>

#include <iostream>

#include "narrative/narrative.hpp"

namespace jx::cli {

int test_relations_folder(const std::string& dir, const std::string& only, const GlobalOptions& global) {
  const narrative::RelationTestCounts counts =
      narrative::test_relations(dir, only, global.lang(), [](const std::string& line) { std::cout << line; });
  return counts.failed == 0 ? exit_ok : exit_findings;
}

int lint_relations_folder(const std::string& dir, const GlobalOptions& global) {
  const bool zh = global.lang() == Lang::zh;
  const std::vector<std::string> problems = narrative::lint_relations(dir, global.lang());
  for (const std::string& p : problems) std::cout << p << '\n';
  const std::size_t relations = narrative::relation_files(dir).size();
  std::cout << (zh ? fmt::format("lint：{} 个关系，{} 个问题\n", relations, problems.size())
                   : fmt::format("lint: {} relation{}, {} problem{}\n", relations, relations == 1 ? "" : "s",
                                 problems.size(), problems.size() == 1 ? "" : "s"));
  return problems.empty() ? exit_ok : exit_findings;
}

}  // namespace jx::cli
