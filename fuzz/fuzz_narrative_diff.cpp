// Differential: the same report as a .txt and as a .docx (one Word paragraph per
// line, written here with libzip) must give the same facts: number, unit, label,
// stated precision, flags, quote and clause, and the line of the .txt as the
// paragraph of the .docx. Every line is ended with "。" in both, because a Word
// paragraph always ends its sentence and a text line does not. Characters XML
// cannot carry (C0 controls other than tab) and the byte-order mark (dropped
// from the start of a .txt only) are removed first, so both files hold the
// same text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "narrative_checks.hpp"
#include "zip_parts.hpp"

namespace {

std::string xml_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string describe(const jx::narrative::Fact& f) {
  return f.number + "|" + f.unit + "|" + f.label + "|" + std::to_string(f.decimals) + "|" +
         (f.exact ? "e" : "") + (f.approximate ? "a" : "") + (f.unit_implied ? "i" : "") + "|" + f.quote +
         "|" + f.context + "|" + std::to_string(f.position.line);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  using namespace jx::narrative;
  namespace nd = jx::narrative::detail;
  static const std::string txt_path = jx::fuzz::scratch_dir() + "/same.txt";
  static const std::string docx_path = jx::fuzz::scratch_dir() + "/same.docx";
  const std::string_view input(reinterpret_cast<const char*>(bytes), size);
  if (!nd::valid_utf8(input)) return 0;
  std::string clean;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const auto c = static_cast<unsigned char>(input[i]);
    if (c < 0x20 && c != '\n' && c != '\t') continue;
    if (input.substr(i, 3) == "\xEF\xBB\xBF") {  // U+FEFF
      i += 2;
      continue;
    }
    if (input.substr(i, 3) == "\xEF\xBF\xBE" || input.substr(i, 3) == "\xEF\xBF\xBF") {  // not XML characters
      i += 2;
      continue;
    }
    clean += static_cast<char>(c);
  }
  std::string text;
  std::string body;
  std::size_t start = 0;
  while (start <= clean.size()) {
    std::size_t end = clean.find('\n', start);
    if (end == std::string::npos) end = clean.size();
    const std::string line = clean.substr(start, end - start) + "。";
    text += line + "\n";
    body += "<w:p><w:r><w:t xml:space=\"preserve\">" + xml_escape(line) + "</w:t></w:r></w:p>";
    start = end + 1;
  }
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
      body + "</w:body></w:document>";
  jx::fuzz::write_zip(docx_path, {{"word/document.xml", xml}});
  Document as_text;
  Document as_docx;
  bool text_error = false;
  bool docx_error = false;
  try {
    as_text = read_text(txt_path, text, jx::Lang::en);
  } catch (const NarrativeError&) {
    text_error = true;
  }
  try {
    as_docx = read_docx(docx_path, jx::Lang::en);
  } catch (const NarrativeError&) {
    docx_error = true;
  }
  if (text_error != docx_error)
    jx::fuzz::fail(text_error ? "only the .txt was refused" : "only the .docx was refused");
  if (text_error) return 0;
  const Result from_text = jx::fuzz::check_document(std::move(as_text));
  const Result from_docx = jx::fuzz::check_document(std::move(as_docx));
  const auto& a = from_text.extraction.facts;
  const auto& b = from_docx.extraction.facts;
  for (std::size_t i = 0; i < a.size() || i < b.size(); ++i) {
    const std::string left = i < a.size() ? describe(a[i]) : "(none)";
    const std::string right = i < b.size() ? describe(b[i]) : "(none)";
    if (left != right) jx::fuzz::fail("fact " + std::to_string(i) + ": .txt " + left + " but .docx " + right);
  }
  if (from_text.findings.size() != from_docx.findings.size()) jx::fuzz::fail("different findings");
  for (std::size_t i = 0; i < from_text.findings.size(); ++i) {
    // Messages may name lines or paragraphs, so the relation, severity and figures are compared.
    const Finding& t = from_text.findings[i];
    const Finding& d = from_docx.findings[i];
    bool same =
        t.relation == d.relation && t.severity == d.severity && t.evidence.size() == d.evidence.size();
    for (std::size_t k = 0; same && k < t.evidence.size(); ++k)
      same = t.evidence[k].fact == d.evidence[k].fact && t.evidence[k].role == d.evidence[k].role;
    if (!same)
      jx::fuzz::fail("finding " + std::to_string(i) + " differs: " + t.message_en + " / " + d.message_en);
  }
  return 0;
}
