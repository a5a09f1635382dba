// Fuzzes the step from a PDF's page text to facts: the fuzzer's bytes are the
// UTF-8 text poppler would give (pages separated by a form feed), turned into
// lines by the same function read_pdf uses, then joined into sentences across
// lines and pages, and checked. poppler itself is not fuzzed here: under the
// sanitizers it parses a PDF far too slowly for the search to reach our code
// (docs/reliability.md); tests/data/narrative/seed004.pdf goes through it in
// the unit tests.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "narrative_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  if (!jx::narrative::detail::valid_utf8(text)) return 0;  // poppler's to_utf8 never gives that
  jx::narrative::Document document;
  document.file = "fuzz.pdf";
  std::uint32_t page = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\f', start);
    if (end == std::string_view::npos) end = text.size();
    jx::narrative::detail::add_page_text(document, page++, text.substr(start, end - start));
    start = end + 1;
  }
  for (const auto& line : document.lines) {
    if (line.position.page == 0 || line.position.line == 0) jx::fuzz::fail("a PDF line without page or line");
    if (line.text.find('\n') != std::string::npos) jx::fuzz::fail("a line break inside a line");
  }
  jx::fuzz::check_document(std::move(document));
  return 0;
}
