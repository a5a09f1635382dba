#include "data/xml.hpp"

#include <climits>

namespace jx::data {

namespace {

void ignore_libxml2_message(void* /*context*/, const char* /*format*/, ...) {}

}  // namespace

xmlDocPtr read_xml(std::string_view bytes, const char* name, int options) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
  // libxml2 keeps the handler per thread: set it on the thread that parses.
  xmlSetGenericErrorFunc(nullptr, ignore_libxml2_message);
  return xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name, nullptr, options);
}

}  // namespace jx::data
