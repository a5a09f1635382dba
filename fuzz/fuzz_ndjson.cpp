// Fuzzes NDJSON on stdin as `jxaudit check -` reads it: the CLI's own splitter
// (engine/cli/inputs.cpp, collect_inputs with "-", std::cin pointed at the
// fuzzer's bytes) and each department line through the loader, as
// check_support.cpp loads it. Every non-blank line is one department named
// "<stdin>:LINE" in increasing order; each gives a document or diagnostics.
// Kept small on purpose: when the stdin reader becomes a streaming queue, only
// the call to the splitter changes.
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/inputs.hpp"
#include "data/department.hpp"
#include "support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static const jx::data::Schema schema =
      jx::data::Schema::load(JX_SOURCE_DIR "/schemas/department.schema.json");
  std::istringstream in(std::string(reinterpret_cast<const char*>(bytes), size));
  std::streambuf* saved = std::cin.rdbuf(in.rdbuf());
  std::cin.clear();
  const std::vector<jx::cli::DepartmentInput> inputs = jx::cli::collect_inputs({"-"});
  std::cin.rdbuf(saved);
  std::cin.clear();
  long last = 0;
  for (const jx::cli::DepartmentInput& input : inputs) {
    if (!input.from_stdin || input.name.rfind("<stdin>:", 0) != 0)
      jx::fuzz::fail("a stdin line misnamed: " + input.name);
    const long line = std::stol(input.name.substr(8));
    if (line <= last) jx::fuzz::fail("stdin lines out of order: " + input.name);
    last = line;
    if (input.text.find('\n') != std::string::npos) jx::fuzz::fail("a line break inside " + input.name);
    if (input.text.find_first_not_of(" \t\r") == std::string::npos)
      jx::fuzz::fail("a blank line kept: " + input.name);
    jx::data::LoadOptions options;
    options.lang = jx::Lang::en;
    const jx::data::LoadResult loaded =
        jx::data::load_department_text(schema, input.text, input.name, ".", options);
    if (!loaded.document && loaded.diagnostics.empty())
      jx::fuzz::fail("no document and no diagnostic: " + input.name);
    for (const jx::Diagnostic& d : loaded.diagnostics) {
      if (d.to_string(jx::Lang::en).find(input.name) == std::string::npos)
        jx::fuzz::fail("a diagnostic that does not name its line: " + d.to_string(jx::Lang::en));
    }
  }
  return 0;
}
