#include "cli/check_support.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <utility>

#include "audit/digest.hpp"
#include "cli/version.hpp"

namespace jx::cli {

namespace fs = std::filesystem;

bool parse_tables(const std::vector<std::string>& args, std::map<std::string, std::string>& tables) {
  for (const std::string& t : args) {
    const auto eq = t.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == t.size()) {
      spdlog::error("--table expects NAME=PATH, got \"{}\"", t);
      return false;
    }
    tables[t.substr(0, eq)] = t.substr(eq + 1);
  }
  return true;
}

RuleSetCache::RuleSetCache(const GlobalOptions& global)
    : audit::Catalogue(home_dir() + "/rules", data::Schema::load(home_dir() + "/schemas/ruleset.schema.json"),
                       global.lang(), global.findings_budget) {}

LoadedInput load_input(const data::Schema& schema, const DepartmentInput& input, data::LoadOptions options) {
  LoadedInput result;
  if (input.refused_size != 0) {
    // A line longer than --max-input-size: never held, refused like a file.
    const bool zh = options.lang == Lang::zh;
    result.loaded.diagnostics.push_back(Diagnostic{
        Diagnostic::Severity::error, input.name, 0, 0, "",
        zh ? fmt::format("无法读取记录：这一行有 {} 字节，超过输入大小上限 {} 字节（--max-input-size）",
                         input.refused_size, options.max_input_size)
           : fmt::format(
                 "cannot read the record: the line has {} bytes, more than the input size limit of {} "
                 "bytes (--max-input-size)",
                 input.refused_size, options.max_input_size)});
    result.sha256 = audit::sha256_of_text("");
    return result;
  }
  if (input.from_stdin) {
    // Hash the line itself.
    result.loaded = data::load_department_text(schema, input.text, input.name, ".", options);
    result.sha256 = audit::sha256_of_text(input.text);
    return result;
  }
  audit::FilesDigest digest;
  options.on_read = [&digest](std::string_view bytes) { digest.add(bytes); };
  result.loaded = data::load_department(schema, input.name, options);
  result.sha256 = digest.hex();
  return result;
}

}  // namespace jx::cli
