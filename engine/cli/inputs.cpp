#include "cli/inputs.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "cli/record_reader.hpp"

namespace jx::cli {
namespace {

// Every *.json below `dir` that is not a directory. Entries that cannot be
// read are listed all the same (a symlink loop, a FIFO, a directory without
// permission), so that loading reports each by name while the batch goes on;
// symbolic links to directories are not followed (no loops).
void list_directory(const std::filesystem::path& dir, std::vector<std::string>& files,
                    std::size_t& workbooks) {
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
      list_directory(it->path(), files, workbooks);
    } else if (it->path().extension() == ".json" && !it->is_directory(type_error)) {
      files.push_back(it->path().string());
    } else if (it->path().extension() == ".xlsx") {
      ++workbooks;
    }
  }
}

}  // namespace

InputList list_inputs(const std::vector<std::string>& args, Lang lang) {
  namespace fs = std::filesystem;
  InputList list;
  for (const std::string& arg : args) {
    if (arg == "-") {
      list.read_stdin = true;
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      const std::size_t before = list.files.size();
      list_directory(arg, list.files, list.workbooks_in_directories);
      if (list.files.size() == before) list.directories_without_json.push_back(arg);
    } else if (fs::exists(fs::symlink_status(arg, ec))) {
      // Whatever it is (a file, a symlink loop, a FIFO), the loader reads it
      // or says why not, as one department of the batch.
      list.files.push_back(arg);
    } else {
      throw std::runtime_error(arg + tr(lang, "：没有这个文件或目录", ": no such file or directory"));
    }
  }
  std::sort(list.files.begin(), list.files.end());
  list.files.erase(std::unique(list.files.begin(), list.files.end()), list.files.end());
  return list;
}

std::string no_departments_given(const InputList& listed, Lang lang) {
  if (!listed.directories_without_json.empty()) {
    std::string dirs;
    for (const std::string& d : listed.directories_without_json)
      dirs += (dirs.empty() ? "" : tr(lang, "、", ", ")) + d;
    std::string message = tr(lang, fmt::format("没有给出部门数据：目录 {} 中没有 *.json 文件", dirs),
                             fmt::format("no department data given: no *.json file in {}", dirs));
    if (listed.workbooks_in_directories > 0) {
      message +=
          tr(lang,
             fmt::format("（有 {} 个 .xlsx 工作簿：工作簿须在命令行上逐个列出）",
                         listed.workbooks_in_directories),
             fmt::format(" ({} .xlsx workbook{} there: name each workbook on the command line)",
                         listed.workbooks_in_directories, listed.workbooks_in_directories == 1 ? "" : "s"));
    }
    return message;
  }
  return tr(lang, "没有给出部门数据（文件、目录，或用 - 从标准输入读 NDJSON）",
            "no department data given (files, directories or - for NDJSON on stdin)");
}

std::string stdin_was_empty(Lang lang) {
  return tr(lang, "没有给出部门数据（标准输入是空的）", "no department data given (stdin is empty)");
}

std::string workbooks_not_read(const InputList& listed, Lang lang) {
  if (listed.workbooks_in_directories == 0 || listed.files.empty()) return "";
  return tr(
      lang,
      fmt::format("目录中的 {} 个 .xlsx 工作簿没有读取（目录中只读 *.json；工作簿须在命令行上逐个列出）",
                  listed.workbooks_in_directories),
      fmt::format("{} .xlsx workbook{} in the directories given {} not read (a directory gives its *.json "
                  "files; name each workbook on the command line)",
                  listed.workbooks_in_directories, listed.workbooks_in_directories == 1 ? "" : "s",
                  listed.workbooks_in_directories == 1 ? "was" : "were"));
}

std::string table_refusal(const InputList& listed, Lang lang) {
  if (listed.read_stdin) {
    return tr(lang, "--table 只用于单个部门文件，不能用于标准输入（-）的记录",
              "--table applies to a single department file, not to records on stdin (-)");
  }
  if (listed.files.size() <= 1) return "";
  return tr(lang, fmt::format("--table 只用于单个部门文件，却给出了 {} 个", listed.files.size()),
            fmt::format("--table applies to a single department file; {} were given", listed.files.size()));
}

void refuse_pretty_printed_stdin(const DepartmentInput& first_record, Lang lang) {
  const std::string& text = first_record.text;
  const std::size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos || text[begin] != '{' ||
      text.find_first_not_of(" \t\r", begin + 1) != std::string::npos)
    return;
  throw std::runtime_error(
      first_record.name +
      tr(lang,
         "：标准输入不是 NDJSON：第一行只有“{”，像是分成多行排版的 JSON 文件，而 - 每行读一个部门。"
         "请把文件名作为参数给出（jxaudit check 文件.json），或把每个部门写成一行",
         ": stdin is not NDJSON: its first line is \"{\" alone, like a pretty-printed JSON file, while "
         "- reads one department per line. Name the file as an argument (jxaudit check file.json), or "
         "write each department on one line"));
}

std::vector<DepartmentInput> collect_inputs(const std::vector<std::string>& args, Lang lang,
                                            std::uint64_t max_record_size) {
  InputList list = list_inputs(args, lang);
  std::vector<DepartmentInput> out;
  out.reserve(list.files.size());
  for (std::string& f : list.files) out.push_back({std::move(f), "", false, 0});
  if (list.read_stdin) {
    RecordReader reader(STDIN_FILENO, max_record_size);
    DepartmentInput record;
    while (reader.next(record)) out.push_back(std::move(record));
  }
  return out;
}

}  // namespace jx::cli
