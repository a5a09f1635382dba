// Logging set-up for the command line: spdlog to stderr only, so that stdout
// carries results and nothing else.
#pragma once

#include <string>
#include <vector>

#include "lang/lang.hpp"

namespace jx::cli {

// The accepted --log-level names, most verbose first.
const std::vector<std::string>& log_level_names();
// Installs the stderr logger at `level` (one of log_level_names()); each line
// reads "jxaudit: 错误: …", or "jxaudit: error: …" in English.
void init_logging(const std::string& level, Lang lang);

}  // namespace jx::cli
