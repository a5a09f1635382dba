// `jxaudit template --year 2023 -o 自评数据.xlsx`: the data-entry workbook a
// department fills in (data/xlsx_template.hpp), with a self-score row for each
// indicator of that year's rule set. `--fill DEPT.json` writes the department
// into it instead (how samples/*.xlsx are made).
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>

#include "cli/check_support.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "data/xlsx_template.hpp"

namespace jx::cli {

namespace {

struct Options {
  int year = 0;
  std::string output;
  std::string fill;
  std::string ruleset;
};

int run_template(const Options& options, const GlobalOptions& global) {
  const Lang lang = global.lang();
  const data::Schema schema = data::Schema::load(department_schema_path(global));
  data::TemplateOptions t;
  t.lang = lang;
  t.fiscal_year = options.year;
  data::LoadResult filled;
  if (!options.fill.empty()) {
    filled = data::load_department(schema, options.fill, global.load_options());
    for (const Diagnostic& d : filled.diagnostics) spdlog::error("{}", d.to_string(lang));
    if (!filled.ok()) return exit_bad_input;
    t.fill = filled.document.get();
    if (const data::Value* year = t.fill->root.find("fiscal_year"))
      t.fiscal_year = std::stoi(year->as_decimal().to_string());
  }
  if (t.fiscal_year == 0) {
    spdlog::error(lang == Lang::zh ? "请用 --year 指定年度（如 --year 2023）"
                                   : "give the year with --year (e.g. --year 2023)");
    return exit_bad_input;
  }
  // The year's rule set names the indicators a self-evaluation scores.
  RuleSetCache catalogue(global);
  try {
    const auto set = catalogue.for_year(options.ruleset, t.fiscal_year);
    for (const auto& indicator : set->rules.indicators()) t.indicators.push_back(indicator.path);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return exit_bad_input;
  }
  // The example rows come from a shipped sample department.
  const data::LoadResult example =
      data::load_department(schema, home_dir() + "/samples/gz-2023-dangan.json", global.load_options());
  if (example.ok()) t.example = example.document.get();
  if (options.output.empty() || options.output == "-") {
    if (isatty(STDOUT_FILENO) != 0) {
      spdlog::error(lang == Lang::zh ? "工作簿是二进制文件：请用 -o 文件名.xlsx 指定输出文件"
                                     : "a workbook is a binary file: name the output with -o FILE.xlsx");
      return exit_bad_input;
    }
  }
  Output out(options.output);
  out.write(data::write_template(schema, t));
  out.commit();
  return exit_ok;
}

}  // namespace

Command add_template_command(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  const Lang lang = global.lang();
  CLI::App* cmd = app.add_subcommand(
      "template",
      tr(lang, "生成部门填写的 Excel 工作簿（.xlsx）：每张表一个工作表，带数据验证",
         "Write the Excel workbook (.xlsx) a department fills in: one sheet per table, with validation"));
  cmd->add_option("--year", options->year,
                  tr(lang, "年度（决定规则集的指标）", "Fiscal year (selects the rule set's indicators)"))
      ->check(CLI::Range(2000, 2100).description(tr(lang, "整数，2000 至 2100", "INT in [2000 - 2100]")));
  cmd->add_option("-o,--output", options->output,
                  tr(lang, "要写入的工作簿（.xlsx）", "The workbook to write (.xlsx)"));
  cmd->add_option("--fill", options->fill,
                  tr(lang, "用这个部门的数据（JSON 或工作簿）填好模板",
                     "Fill the template with this department's data (JSON or a workbook)"))
      ->check(CLI::ExistingFile);
  cmd->add_option("--ruleset", options->ruleset,
                  tr(lang, "规则集目录（默认：该年度随附的规则集）",
                     "Rule set directory (default: the year's shipped set)"));
  return {cmd, [options, &global]() { return run_template(*options, global); }};
}

}  // namespace jx::cli
