// Fuzzes NDJSON on stdin as `jxaudit check -` reads it: the CLI's own record
// splitter (engine/cli/record_reader.cpp, RecordReader on a descriptor of the
// fuzzer's bytes, with a record limit of 4 KiB so that refused records are
// exercised too) and each department line through the loader, as
// check_support.cpp loads it. Every non-blank line is one department named
// "<stdin>:LINE" in increasing order; each gives a document or diagnostics.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "cli/inputs.hpp"
#include "cli/record_reader.hpp"
#include "data/department.hpp"
#include "support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static const jx::data::Schema schema =
      jx::data::Schema::load(JX_SOURCE_DIR "/schemas/department.schema.json");
  static const std::string path = jx::fuzz::scratch_dir() + "/stdin.ndjson";
  jx::fuzz::write_file(path, std::string_view(reinterpret_cast<const char*>(bytes), size));
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) jx::fuzz::fail("cannot open the scratch file");
  constexpr std::uint64_t max_record = 4096;
  std::vector<jx::cli::DepartmentInput> inputs;
  jx::cli::RecordReader reader(fd, max_record);
  for (jx::cli::DepartmentInput record; reader.next(record); record = {}) inputs.push_back(std::move(record));
  ::close(fd);
  long last = 0;
  for (const jx::cli::DepartmentInput& input : inputs) {
    if (!input.from_stdin || input.name.rfind("<stdin>:", 0) != 0)
      jx::fuzz::fail("a stdin line misnamed: " + input.name);
    const long line = std::stol(input.name.substr(8));
    if (line <= last) jx::fuzz::fail("stdin lines out of order: " + input.name);
    last = line;
    if (input.text.find('\n') != std::string::npos) jx::fuzz::fail("a line break inside " + input.name);
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
