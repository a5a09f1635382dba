#include "cli/coverage_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace jx::cli {
namespace {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string file_line(const std::string& path, const std::string& text, const sandbox::Coverage& coverage,
                      Lang lang) {
  const std::set<int> code = sandbox::executable_lines(text, path);
  std::set<int> ran;
  if (auto it = coverage.lines.find(path); it != coverage.lines.end()) ran = it->second;
  std::set<int> never;
  std::set_difference(code.begin(), code.end(), ran.begin(), ran.end(), std::inserter(never, never.end()));
  const std::size_t hit = code.size() - never.size();
  if (code.empty())
    return fmt::format(fmt::runtime(tr(lang, "    {}：没有自己的函数（在加载时运行）\n",
                                       "    {}: no function of its own (it runs when it loads)\n")),
                       path);
  if (never.empty())
    return fmt::format(fmt::runtime(tr(lang, "    {}：全部 {} 行都运行过\n", "    {}: all {} lines ran\n")),
                       path, code.size());
  return fmt::format(fmt::runtime(tr(lang, "    {0}：{1} 行中运行过 {3} 行；从未运行：{2}\n",
                                     "    {0}: {3} of {1} lines ran; never: {2}\n")),
                     path, code.size(), line_ranges(never), hit);
}

}  // namespace

std::string line_ranges(const std::set<int>& lines) {
  std::string out;
  for (auto it = lines.begin(); it != lines.end();) {
    const int first = *it;
    int last = first;
    while (++it != lines.end() && *it == last + 1) last = *it;
    out += (out.empty() ? "" : ", ") +
           (first == last ? std::to_string(first) : fmt::format("{}-{}", first, last));
  }
  return out;
}

std::string never_ran_report(const audit::LoadedRuleSet& set, const sandbox::Coverage& coverage,
                             const std::string& only_rule_file, Lang lang) {
  std::string out;
  for (const rules::RuleFile& f : set.rules.rule_files()) {
    if (!only_rule_file.empty() && f.path != only_rule_file) continue;
    out += file_line(f.path, set.sources.at(f.path), coverage, lang);
  }
  // lib modules: a child's lib/x.lua hides the parent's (require finds it first).
  std::set<std::string> seen;
  for (const std::string& dir : set.rules.lib_dirs()) {
    std::vector<std::string> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         ++it) {
      if (it->is_regular_file() && it->path().extension() == ".lua") files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& path : files) {
      const std::string module = fs::relative(path, dir).generic_string();
      if (!seen.insert(module).second) continue;
      const std::string shown = (fs::path(dir) / module).string();  // as require names it
      if (!only_rule_file.empty() && coverage.lines.count(shown) == 0) continue;
      out += file_line(shown, read_file(path), coverage, lang);
    }
  }
  return out;
}

}  // namespace jx::cli
