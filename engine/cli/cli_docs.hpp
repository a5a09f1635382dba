// Shell completion (bash, zsh) and the man page, generated from the CLI11
// definition itself, so that they list exactly the commands and options the
// binary accepts: the build runs the hidden commands `jxaudit completion
// bash|zsh` and `jxaudit manpage` (engine/cli/CMakeLists.txt) and
// cmake --install ships what they print.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace jx::cli {

std::string bash_completion(const CLI::App& app);
std::string zsh_completion(const CLI::App& app);
// roff for man(1): every command, its arguments and options, the exit codes.
std::string man_page(const CLI::App& app, const std::string& version);

// The hidden commands `completion SHELL` and `manpage`; they print for `app`
// as it stands when they run (every command registered).
std::vector<Command> add_doc_commands(CLI::App& app);

}  // namespace jx::cli
