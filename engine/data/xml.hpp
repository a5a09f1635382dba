// Parsing an XML part (of a workbook, of a Word document) with libxml2, with
// nothing of libxml2's own reaching stderr: the reader that calls it reports
// what is wrong in the user's language.
#pragma once

#include <libxml/parser.h>

#include <string_view>

namespace jx::data {

// xmlReadMemory with `options`, after silencing libxml2's generic error
// handler on this thread: XML_PARSE_NOERROR does not cover encoding errors,
// which libxml2 prints ("encoding error : input conversion failed…") in
// English whatever the user's language. Null when the XML is not well formed:
// xmlGetLastError() says where.
xmlDocPtr read_xml(std::string_view bytes, const char* name, int options);

}  // namespace jx::data
