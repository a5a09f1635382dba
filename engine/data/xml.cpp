#include "data/xml.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <climits>

namespace jx::data {

namespace {

void ignore_libxml2_message(void* /*context*/, const char* /*format*/, ...) {}

// SAX: <!DOCTYPE name …> seen, before its internal subset is parsed.
void refuse_doctype(void* context, const xmlChar* /*name*/, const xmlChar* /*external_id*/,
                    const xmlChar* /*system_id*/) {
  auto* parser = static_cast<xmlParserCtxtPtr>(context);
  static_cast<XmlRead*>(parser->_private)->has_doctype = true;
  xmlStopParser(parser);
}

}  // namespace

XmlRead read_xml(std::string_view bytes, int options) {
  XmlRead out;
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return out;
  // libxml2 keeps the handler per thread: set it on the thread that parses.
  xmlSetGenericErrorFunc(nullptr, ignore_libxml2_message);
  std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> parser(
      xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size())), &xmlFreeParserCtxt);
  if (!parser) return out;
  xmlCtxtUseOptions(parser.get(), options);
  parser->sax->internalSubset = refuse_doctype;  // the context owns its copy of the SAX handler
  parser->_private = &out;
  xmlParseDocument(parser.get());
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(parser->myDoc, &xmlFreeDoc);
  parser->myDoc = nullptr;
  if (out.has_doctype) return out;
  if (parser->wellFormed == 0 || !doc) {
    out.line = parser->lastError.line;
    return out;
  }
  out.doc = std::move(doc);
  return out;
}

}  // namespace jx::data
