// Parsing an XML part of an Office file (a workbook's, a Word document's) with
// libxml2: no document type declaration (so no entity can be declared, let
// alone expanded a billion times), no network, and nothing of libxml2's own on
// stderr. The reader that calls it says what is wrong, in the user's language.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string_view>

namespace jx::data {

struct XmlRead {
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc{nullptr, &xmlFreeDoc};  // null when refused
  // The part has a <!DOCTYPE …>: Office Open XML forbids one (ECMA-376 Part 2,
  // the package's XML may not use DTDs), and its entity declarations are how a
  // 30 KB part becomes gigabytes. Refused before any declaration is read.
  bool has_doctype = false;
  int line = 0;  // where the XML stops being well formed (0: unknown), when not has_doctype
};

// Parses `bytes` with `options` (XML_PARSE_*) on this thread. libxml2's generic
// error handler is silenced first: XML_PARSE_NOERROR does not cover encoding
// errors, which libxml2 would print in English ("encoding error : input
// conversion failed…") whatever the user's language.
XmlRead read_xml(std::string_view bytes, int options);

}  // namespace jx::data
