// Reading a plain-text report: UTF-8 as is; GB18030 (a superset of GBK and
// GB2312, what Chinese Windows saves as "ANSI") converted with glibc's iconv and
// a warning, since a converted file is worth a second look.
#include <errno.h>
#include <iconv.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "narrative/detail.hpp"
#include "narrative/narrative.hpp"

namespace jx::narrative {

namespace {

// Converts GB18030 bytes to UTF-8; false when the bytes are not valid GB18030.
bool gb18030_to_utf8(const std::string& in, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.assign(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());  // iconv's signature; it does not write the input
  std::size_t src_left = in.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  bool ok = true;
  while (src_left > 0) {
    if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        const std::size_t used = static_cast<std::size_t>(dst - out.data());
        out.resize(out.size() * 2);
        dst = out.data() + used;
        dst_left = out.size() - used;
        continue;
      }
      ok = false;  // EILSEQ or EINVAL: not GB18030
      break;
    }
  }
  out.resize(static_cast<std::size_t>(dst - out.data()));
  iconv_close(cd);
  return ok;
}

}  // namespace

Document read_text(const std::string& file, std::string bytes, Lang lang) {
  const bool zh = lang == Lang::zh;
  Document document;
  document.file = file;
  if (bytes.empty())
    throw NarrativeError(zh ? file + "：文件为空，没有可检查的文字" : file + ": the file is empty");
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);  // UTF-8 byte order mark
  if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0) {
    throw NarrativeError(zh ? file + "：UTF-16 编码的文本不受支持，请另存为 UTF-8"
                            : file + ": UTF-16 text is not supported; save it as UTF-8");
  }
  if (bytes.find('\0') != std::string::npos) {
    throw NarrativeError(
        zh ? file + "：不是文本文件（含有 NUL 字节）；报告应为 .txt、.docx 或 .pdf"
           : file + ": not a text file (it contains NUL bytes); a report is .txt, .docx or .pdf");
  }
  if (!detail::valid_utf8(bytes)) {
    std::string converted;
    if (!gb18030_to_utf8(bytes, converted)) {
      const std::size_t at = detail::first_invalid_utf8(bytes);
      throw NarrativeError(
          zh ? file + "：第 " + std::to_string(at) + " 字节起既不是 UTF-8 也不是 GB18030/GBK 编码"
             : file + ": from byte " + std::to_string(at) + " the text is neither UTF-8 nor GB18030/GBK");
    }
    document.warnings.push_back(zh ? file + "：文本不是 UTF-8，已按 GB18030/GBK 编码转换"
                                   : file + ": the text is not UTF-8; converted from GB18030/GBK");
    bytes = std::move(converted);
  }
  std::uint32_t number = 0;
  std::size_t start = 0;
  while (start <= bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::string text = bytes.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    ++number;
    // A form feed is a page break in pdftotext's output; it is not part of the text.
    for (char& c : text) {
      if (c == '\f') c = ' ';
    }
    if (!(end == bytes.size() && text.empty()))
      document.lines.push_back({{file, 0, number, false}, std::move(text)});
    start = end + 1;
  }
  if (detail::blank(document)) {
    throw NarrativeError(zh ? file + "：文件中只有空白，没有可检查的文字"
                            : file + ": the file holds only white space");
  }
  return document;
}

Document read_report(const std::string& path, Lang lang) {
  const std::string ext = detail::lower_extension(path);
  if (ext == ".docx") return read_docx(path, lang);
  if (ext == ".pdf") return read_pdf(path, lang);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw NarrativeError(lang == Lang::zh ? path + "：无法打开文件" : path + ": cannot open the file");
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return read_text(path, bytes.str(), lang);
}

}  // namespace jx::narrative
