// Fuzzes reading a report as text (.txt: UTF-8, or GB18030/GBK detected and
// converted) with fact extraction, the built-in relations and the three
// renderers. A file that cannot be read is a NarrativeError naming the file,
// never a crash; one that is read keeps every invariant of narrative_checks.hpp.
#include <cstddef>
#include <cstdint>
#include <string>

#include "narrative_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(bytes), size);
  jx::narrative::Document document;
  try {
    document = jx::narrative::read_text("fuzz.txt", std::move(text), jx::Lang::en);
  } catch (const jx::narrative::NarrativeError& e) {
    if (std::string(e.what()).rfind("fuzz.txt", 0) != 0)
      jx::fuzz::fail("an error without the file: " + std::string(e.what()));
    return 0;
  }
  for (const auto& line : document.lines) {
    if (!jx::narrative::detail::valid_utf8(line.text)) jx::fuzz::fail("a line read is not UTF-8");
  }
  jx::fuzz::check_document(std::move(document));
  return 0;
}
