#include "cli/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace jx::cli {
namespace {

// Every *.json below `dir` that is not a directory. Entries that cannot be
// read are listed all the same (a symlink loop, a FIFO, a directory without
// permission), so that loading reports each by name while the batch goes on;
// symbolic links to directories are not followed (no loops).
void list_directory(const std::filesystem::path& dir, std::vector<std::string>& files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    files.push_back(dir.string());
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      files.push_back(dir.string());
      return;
    }
    std::error_code type_error;
    const bool is_link = it->is_symlink(type_error);
    if (!is_link && it->is_directory(type_error)) {
      list_directory(it->path(), files);
    } else if (it->path().extension() == ".json" && !it->is_directory(type_error)) {
      files.push_back(it->path().string());
    }
  }
}

}  // namespace

std::vector<DepartmentInput> collect_inputs(const std::vector<std::string>& args, Lang lang) {
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
      list_directory(arg, files);
    } else if (fs::exists(fs::symlink_status(arg, ec))) {
      // Whatever it is (a file, a symlink loop, a FIFO), the loader reads it
      // or says why not, as one department of the batch.
      files.push_back(arg);
    } else {
      throw std::runtime_error(arg + tr(lang, "：没有这个文件或目录", ": no such file or directory"));
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
