// Reading a published report (.pdf): the text of each page through poppler's C++
// API, in reading order (poppler's physical layout keeps a table row on one line).
// An encrypted PDF that needs a password and a PDF without a text layer (a scan)
// are refused with a message saying so.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <filesystem>
#include <memory>
#include <string_view>
#include <system_error>

#include "narrative/detail.hpp"
#include "narrative/narrative.hpp"

namespace jx::narrative {

namespace {

// poppler writes its own complaints to stderr; ours are clearer and go through the CLI.
void quiet(const std::string&, void*) {}

}  // namespace

namespace detail {

void add_page_text(Document& document, std::uint32_t page, std::string_view text) {
  std::uint32_t number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    for (char& c : line) {
      if (c == '\f') c = ' ';
    }
    ++number;
    if (!(end == text.size() && line.empty())) {
      document.lines.push_back({{document.file, page, number, false}, std::move(line)});
    }
    start = end + 1;
  }
}

}  // namespace detail

Document read_pdf(const std::string& path, Lang lang) {
  const bool zh = lang == Lang::zh;
  poppler::set_debug_error_function(&quiet, nullptr);
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw NarrativeError(zh ? path + "：无法打开文件" : path + ": cannot open the file");
  if (size == 0)
    throw NarrativeError(zh ? path + "：文件为空，没有可检查的文字" : path + ": the file is empty");
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_file(path));
  if (!pdf) {
    throw NarrativeError(zh ? path + "：不是 PDF 文件，或 PDF 已损坏"
                            : path + ": not a PDF, or the PDF is corrupt");
  }
  if (pdf->is_locked()) {
    throw NarrativeError(zh ? path + "：PDF 已加密，需要密码才能读取文字；请提供未加密的版本"
                            : path +
                                  ": the PDF is encrypted and needs a password to read its text; "
                                  "give an unencrypted copy");
  }
  Document document;
  document.file = path;
  const int pages = pdf->pages();
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(pdf->create_page(p));
    if (!page) continue;
    const poppler::byte_array utf8 = page->text(page->page_rect(), poppler::page::physical_layout).to_utf8();
    detail::add_page_text(document, static_cast<std::uint32_t>(p + 1),
                          std::string_view(utf8.data(), utf8.size()));
  }
  if (detail::blank(document)) {
    throw NarrativeError(zh ? path + "：PDF 中没有文字层（可能是扫描件），无法检查"
                            : path + ": the PDF has no text layer (a scan?); nothing to check");
  }
  return document;
}

}  // namespace jx::narrative
