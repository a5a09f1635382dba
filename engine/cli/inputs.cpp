#include "cli/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace jx::cli {

std::vector<DepartmentInput> collect_inputs(const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::vector<DepartmentInput> from_stdin;
  bool stdin_read = false;
  for (const std::string& arg : args) {
    if (arg == "-") {
      if (stdin_read) continue;
      stdin_read = true;
      std::string line;
      for (std::size_t n = 1; std::getline(std::cin, line); ++n) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        from_stdin.push_back({"<stdin>:" + std::to_string(n), line, true});
      }
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      for (auto it = fs::recursive_directory_iterator(arg, ec);
           !ec && it != fs::recursive_directory_iterator(); ++it) {
        if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path().string());
      }
    } else if (fs::exists(arg, ec)) {
      files.push_back(arg);
    } else {
      throw std::runtime_error(arg + ": no such file or directory");
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  std::vector<DepartmentInput> out;
  out.reserve(files.size() + from_stdin.size());
  for (std::string& f : files) out.push_back({std::move(f), "", false});
  for (DepartmentInput& d : from_stdin) out.push_back(std::move(d));
  return out;
}

}  // namespace jx::cli
