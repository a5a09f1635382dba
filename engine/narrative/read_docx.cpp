// Reading a Word report (.docx): the zip archive through libzip, the main part
// word/document.xml through libxml2. Every w:p in document order is one line,
// table cells' paragraphs included; w:t gives its text, w:tab a tab, w:br a space
// (a soft break inside a sentence). A table row is one line, its cells joined by
// a tab, so that a label and its figure in the next cell stay together; it is
// numbered by its first paragraph. Deleted revisions (w:delText) are not read.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include "data/xml.hpp"
#include "narrative/detail.hpp"
#include "narrative/narrative.hpp"

namespace jx::narrative {

namespace {

// A main part larger than this is refused rather than inflated (a zip bomb).
constexpr zip_uint64_t max_document_xml = 256u * 1024u * 1024u;

constexpr const char* word_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

bool is_word(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), word_ns) == 0 &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

void paragraph_text(const xmlNode* node, std::string& out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (is_word(child, "t")) {
      if (xmlChar* content = xmlNodeGetContent(child)) {
        out += reinterpret_cast<const char*>(content);
        xmlFree(content);
      }
    } else if (is_word(child, "tab")) {
      out += '\t';
    } else if (is_word(child, "br") || is_word(child, "cr")) {
      out += ' ';
    } else if (is_word(child, "p")) {
      continue;  // a paragraph inside a text box inside this one: read on its own by the walk
    } else {
      paragraph_text(child, out);
    }
  }
}

// The paragraphs of a table row, cells joined by a tab (a label in one cell, its
// figure in the next, read as one line); paragraphs within a cell by a space.
void row_text(const xmlNode* node, std::string& out, std::uint32_t& paragraphs, bool& first_cell) {
  for (const xmlNode* child = node; child != nullptr; child = child->next) {
    if (is_word(child, "tc")) {
      if (!first_cell) out += '\t';
      first_cell = false;
      bool first_paragraph = true;
      for (const xmlNode* p = child->children; p != nullptr; p = p->next) {
        if (!is_word(p, "p")) continue;
        if (!first_paragraph) out += ' ';
        first_paragraph = false;
        paragraph_text(p, out);
        ++paragraphs;
      }
      continue;
    }
    if (child->children != nullptr) row_text(child->children, out, paragraphs, first_cell);
  }
}

void walk(const xmlNode* node, Document& document, std::uint32_t& number) {
  for (const xmlNode* child = node; child != nullptr; child = child->next) {
    if (is_word(child, "tr")) {
      // One line per row, numbered by its first paragraph.
      std::string text;
      std::uint32_t paragraphs = 0;
      bool first_cell = true;
      row_text(child->children, text, paragraphs, first_cell);
      document.lines.push_back({{document.file, 0, number + 1, true}, std::move(text)});
      number += std::max<std::uint32_t>(paragraphs, 1);
      continue;
    }
    if (is_word(child, "p")) {
      std::string text;
      paragraph_text(child, text);
      ++number;
      document.lines.push_back({{document.file, 0, number, true}, std::move(text)});
    }
    if (child->children != nullptr) walk(child->children, document, number);
  }
}

// A zip archive's first bytes: "PK\3\4". libzip says "not a zip archive" also for a
// truncated one (its directory is at the end); these bytes tell the two apart.
bool starts_like_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[4] = {};
  in.read(head, 4);
  return in.gcount() == 4 && std::memcmp(head, "PK\3\4", 4) == 0;
}

}  // namespace

Document read_docx(const std::string& path, Lang lang) {
  const bool zh = lang == Lang::zh;
  Document document;
  document.file = path;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw NarrativeError(zh ? path + "：无法打开文件" : path + ": cannot open the file");
  if (size == 0)
    throw NarrativeError(zh ? path + "：文件为空，没有可检查的文字" : path + ": the file is empty");
  int error = 0;
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive(
      zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error), &zip_discard);
  if (!archive) {
    if (error == ZIP_ER_NOENT || error == ZIP_ER_OPEN || error == ZIP_ER_READ) {
      throw NarrativeError(zh ? path + "：无法打开文件" : path + ": cannot open the file");
    }
    if (error == ZIP_ER_NOZIP && !starts_like_zip(path)) {
      throw NarrativeError(zh ? path + "：不是 Word 文档（.docx 应为 zip 压缩包，此文件不是）"
                              : path +
                                    ": not a Word document (a .docx is a zip archive; this file is not one)");
    }
    if (error == ZIP_ER_NOZIP || error == ZIP_ER_INCONS) {
      throw NarrativeError(
          zh ? path + "：Word 文档已损坏（zip 压缩包被截断或内容不一致）"
             : path + ": the Word document is corrupt (the zip archive is truncated or inconsistent)");
    }
    zip_error_t ze;
    zip_error_init_with_code(&ze, error);
    const std::string what = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    throw NarrativeError(
        zh ? path + "：Word 文档已损坏（zip 压缩包无法读取：" + what + "）"
           : path + ": the Word document is corrupt (the zip archive cannot be read: " + what + ")");
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive.get(), "word/document.xml", 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    throw NarrativeError(zh ? path + "：不是 Word 文档（压缩包中没有 word/document.xml）"
                            : path + ": not a Word document (the archive has no word/document.xml)");
  }
  if (stat.size > max_document_xml) {
    throw NarrativeError(zh ? path + "：word/document.xml 解压后超过 256 MB，拒绝读取"
                            : path + ": word/document.xml inflates to more than 256 MB; refused");
  }
  std::string xml(static_cast<std::size_t>(stat.size), '\0');
  {
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> part(zip_fopen(archive.get(), "word/document.xml", 0),
                                                            &zip_fclose);
    const zip_int64_t got = part ? zip_fread(part.get(), xml.data(), xml.size()) : -1;
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
      throw NarrativeError(zh ? path + "：Word 文档已损坏（word/document.xml 无法解压）"
                              : path +
                                    ": the Word document is corrupt (word/document.xml cannot be inflated)");
    }
  }
  // No network, no DTD (so no entities): the XML cannot reach out or blow up.
  data::XmlRead read = data::read_xml(xml, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (read.has_doctype) {
    throw NarrativeError(
        zh ? path +
                 "：Word 文档已损坏（word/document.xml 含有文档类型声明 <!DOCTYPE>，Word "
                 "文件中不会有；为安全起见拒绝读取）"
           : path +
                 ": the Word document is corrupt (word/document.xml has a document type declaration "
                 "<!DOCTYPE>, which Word files never have; refused for safety)");
  }
  if (!read.doc) {
    const std::string where = read.line > 0 ? std::to_string(read.line) : "?";
    throw NarrativeError(
        zh ? path + "：Word 文档已损坏（word/document.xml 第 " + where + " 行不是有效的 XML）"
           : path + ": the Word document is corrupt (word/document.xml is not valid XML at line " + where +
                 ")");
  }
  const std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc = std::move(read.doc);
  std::uint32_t number = 0;
  walk(xmlDocGetRootElement(doc.get()), document, number);
  if (detail::blank(document)) {
    throw NarrativeError(zh ? path + "：Word 文档中没有文字" : path + ": the Word document holds no text");
  }
  return document;
}

}  // namespace jx::narrative
