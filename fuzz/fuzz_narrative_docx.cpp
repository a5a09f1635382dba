// Fuzzes reading a Word report (.docx) with fact extraction: the fuzzer's bytes
// are word/document.xml inside a zip the harness writes (libzip), so libxml2 and
// the paragraph and table walk see every mutation. An input that starts "PK" is
// written as the whole .docx instead (a corrupt or truncated archive). Errors
// are NarrativeErrors naming the file; what is read keeps narrative_checks.hpp.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "narrative_checks.hpp"
#include "zip_parts.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static const std::string path = jx::fuzz::scratch_dir() + "/report.docx";
  const std::string_view input(reinterpret_cast<const char*>(bytes), size);
  if (input.starts_with("PK")) {
    jx::fuzz::write_file(path, input);
  } else {
    jx::fuzz::write_zip(path, {{"word/document.xml", std::string(input)}});
  }
  jx::narrative::Document document;
  try {
    document = jx::narrative::read_docx(path, jx::Lang::en);
  } catch (const jx::narrative::NarrativeError& e) {
    if (std::string(e.what()).rfind(path, 0) != 0)
      jx::fuzz::fail("an error without the file: " + std::string(e.what()));
    return 0;
  }
  for (const auto& line : document.lines) {
    if (!line.position.paragraph || line.position.line == 0)
      jx::fuzz::fail("a docx line not counted in paragraphs");
  }
  jx::fuzz::check_document(std::move(document));
  return 0;
}
