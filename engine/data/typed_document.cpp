// A tree parsed by another stage's reader, typed by the schema (typed_document.hpp).
#include "data/typed_document.hpp"

#include <memory>

#include "data/convert.hpp"

namespace jx::data {

LoadResult typed_document(const Schema& schema, const std::string& path, const RawNode* root,
                          std::vector<Diagnostic> diagnostics, Lang lang) {
  LoadResult result;
  result.diagnostics = std::move(diagnostics);
  if (root == nullptr) return result;
  auto doc = std::make_shared<Document>();
  doc->files.push_back(path);
  detail::Converter converter(doc->files, lang, result.diagnostics);
  doc->root = converter.convert(*root, &schema.root(), "");
  sort_diagnostics(result.diagnostics);
  result.document = std::move(doc);
  return result;
}

}  // namespace jx::data
