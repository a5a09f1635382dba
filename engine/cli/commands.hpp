// The subcommands of jxaudit. Each registers its options on the CLI11 app and
// returns the function that runs it once the arguments are parsed.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "data/department.hpp"
#include "data/diagnostic.hpp"
#include "rules/ruleset.hpp"

namespace jx::cli {

// Exit codes (docs/cli.md).
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_bad_input = 2;
inline constexpr int exit_incomplete = 3;

// Options shared by every subcommand.
struct GlobalOptions {
  std::string lang_name = "zh";
  std::string schema_path;  // department schema; defaults to the one shipped with jxaudit
  rules::FindingsBudget
      findings_budget;  // --max-findings, --max-finding-bytes: over the manifest's [budgets]
  std::uint64_t max_input_size = data::default_max_input_size;  // bytes per file read

  [[nodiscard]] Lang lang() const { return lang_name == "en" ? Lang::en : Lang::zh; }
  // How every command loads department data: the language and the size limit.
  [[nodiscard]] data::LoadOptions load_options() const {
    data::LoadOptions options;
    options.lang = lang();
    options.max_input_size = max_input_size;
    return options;
  }
};

// A registered subcommand: its CLI11 app (parsed() tells whether it was chosen)
// and the function that runs it, returning the exit code.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command add_validate_command(CLI::App& app, const GlobalOptions& global);
Command add_check_command(CLI::App& app, const GlobalOptions& global);
Command add_test_command(CLI::App& app, const GlobalOptions& global);
Command add_lint_command(CLI::App& app, const GlobalOptions& global);
Command add_rules_command(CLI::App& app, const GlobalOptions& global);
Command add_explain_command(CLI::App& app, const GlobalOptions& global);
Command add_narrative_command(CLI::App& app, const GlobalOptions& global);
Command add_template_command(CLI::App& app, const GlobalOptions& global);

// Where jxaudit finds what it ships with (schemas/, rules/): JXAUDIT_HOME, or
// the source tree it was built from.
std::string home_dir();

// The shipped department schema, unless --schema names another.
std::string department_schema_path(const GlobalOptions& global);

}  // namespace jx::cli
