// `jxaudit validate INPUT...`: loads and validates departments (files,
// directories of *.json, "-" for NDJSON on stdin, as `check` takes them), prints
// every diagnostic (as text, or one JSON document described by
// schemas/validation.schema.json), and exits 0 (all valid) or 2.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>

#include <spdlog/spdlog.h>
#include <unistd.h>

#include "cli/check_support.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/record_reader.hpp"
#include "data/department.hpp"
#include "report/json_writer.hpp"

namespace jx::cli {
namespace {

using Json = report::json::Writer;
using report::json::field;

// One file's entry of the JSON document: its status, counts and diagnostics
// (the fields of the findings report's diagnostics, schemas/findings.schema.json).
void file_json(Json& w, const std::string& file, const data::LoadResult& result) {
  std::size_t errors = 0;
  for (const Diagnostic& d : result.diagnostics) errors += d.severity == Diagnostic::Severity::error ? 1 : 0;
  w.StartObject();
  field(w, "file", file);
  field(w, "status", result.ok() ? "valid" : "invalid");
  w.Key("errors");
  w.Uint64(errors);
  w.Key("warnings");
  w.Uint64(result.diagnostics.size() - errors);
  w.Key("diagnostics");
  w.StartArray();
  for (const Diagnostic& d : result.diagnostics) report::json::diagnostic(w, d);
  w.EndArray();
  w.EndObject();
}

// A file is loaded without its SHA-256, which validate does not report; a stdin
// record (or one refused for its size) goes the way `check` loads it.
data::LoadResult load(const data::Schema& schema, const DepartmentInput& input,
                      const data::LoadOptions& options) {
  if (!input.from_stdin && input.refused_size == 0) return data::load_department(schema, input.name, options);
  return load_input(schema, input, options).loaded;
}

}  // namespace

Command add_validate_command(CLI::App& app, const GlobalOptions& global) {
  struct Options {
    std::vector<std::string> files;
    std::vector<std::string> tables;
    std::string format = "text";
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd =
      app.add_subcommand("validate", tr(global.lang(), "读取并校验部门数据文件，列出每个错误",
                                        "Load and validate department data files; print every error"));
  cmd->add_option("files", options->files,
                  tr(global.lang(),
                     "部门数据：文件、目录（其下每个 *.json），或 -（从标准输入读 NDJSON，每行一个部门）",
                     "Department data: files, directories (every *.json below them), or - (NDJSON on stdin, "
                     "one department per line)"))
      ->required();
  cmd->add_option(
         "--table", options->tables,
         tr(global.lang(), "长列表的 CSV 表，写作 名称=路径（procurements、projects、targets、monthly）",
            "A CSV table for the long lists, as NAME=PATH (procurements, projects, targets, monthly)"))
      ->allow_extra_args(false);  // one NAME=PATH per --table: what follows is the data
  cmd->add_option("--format", options->format,
                  tr(global.lang(),
                     "text：列出每个问题，再每个文件一行；json：一个文档（schemas/validation.schema.json）",
                     "text: every problem, then one line per file; json: one document "
                     "(schemas/validation.schema.json)"))
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  return {cmd, [options, &global]() {
            const Lang lang = global.lang();
            data::LoadOptions load_options = global.load_options();
            if (!parse_tables(options->tables, load_options.tables, global.lang())) return exit_bad_input;
            // The same inputs as `check`, in the same order: the files sorted, then
            // the stdin records as they come, read one at a time (memory as for files).
            InputList listed;
            try {
              listed = list_inputs(options->files, lang);
            } catch (const std::exception& e) {
              spdlog::error("{}", e.what());
              return exit_bad_input;
            }
            if (listed.files.empty() && !listed.read_stdin) {
              spdlog::error("{}", no_departments_given(listed, lang));
              return exit_bad_input;
            }
            if (const std::string note = workbooks_not_read(listed, lang); !note.empty())
              spdlog::warn("{}", note);
            if (const std::string why = load_options.tables.empty() ? "" : table_refusal(listed, lang);
                !why.empty()) {
              spdlog::error("{}", why);
              return exit_bad_input;
            }
            const data::Schema schema = data::Schema::load(department_schema_path(global));
            // Calls `each` with every department in order; false when stdin cannot be read.
            const auto for_each_input = [&](const auto& each) {
              for (const std::string& file : listed.files) each(DepartmentInput{file, "", false, 0});
              if (!listed.read_stdin) return true;
              try {
                RecordReader reader(STDIN_FILENO, load_options.max_input_size);
                DepartmentInput record;
                for (bool first = true; reader.next(record); first = false) {
                  if (first) refuse_pretty_printed_stdin(record, lang);
                  each(record);
                }
              } catch (const std::exception& e) {
                spdlog::error("{}", e.what());
                return false;
              }
              return true;
            };
            bool all_ok = true;
            std::size_t count = 0;
            bool read_ok = true;
            if (options->format == "json") {
              rapidjson::StringBuffer buffer;
              Json w(buffer);
              w.StartObject();
              field(w, "format", "jxaudit.validation/1");
              w.Key("files");
              w.StartArray();
              read_ok = for_each_input([&](const DepartmentInput& input) {
                const data::LoadResult result = load(schema, input, load_options);
                all_ok = all_ok && result.ok();
                ++count;
                file_json(w, input.name, result);
              });
              w.EndArray();
              w.Key("valid");
              w.Bool(all_ok);
              w.EndObject();
              if (count > 0) std::cout << std::string_view(buffer.GetString(), buffer.GetSize()) << '\n';
            } else {
              read_ok = for_each_input([&](const DepartmentInput& input) {
                const data::LoadResult result = load(schema, input, load_options);
                ++count;
                std::size_t errors = 0;
                std::size_t warnings = 0;
                for (const Diagnostic& d : result.diagnostics) {
                  std::cout << d.to_string(lang) << '\n';
                  (d.severity == Diagnostic::Severity::error ? errors : warnings)++;
                }
                const bool ok = result.ok();
                all_ok = all_ok && ok;
                if (lang == Lang::zh) {
                  std::cout << fmt::format("{}：{}（{} 个错误，{} 个警告）\n", input.name,
                                           ok ? "有效" : "无效", errors, warnings);
                } else {
                  std::cout << fmt::format("{}: {} ({} error{}, {} warning{})\n", input.name,
                                           ok ? "valid" : "invalid", errors, errors == 1 ? "" : "s", warnings,
                                           warnings == 1 ? "" : "s");
                }
              });
            }
            if (!read_ok) return exit_bad_input;
            if (count == 0) {
              spdlog::error("{}", stdin_was_empty(lang));  // "-" gave no record
              return exit_bad_input;
            }
            return all_ok ? exit_ok : exit_bad_input;
          }};
}

}  // namespace jx::cli
