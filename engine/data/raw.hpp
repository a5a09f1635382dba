// The first stage of loading: JSON text or CSV rows turned into an untyped
// tree that keeps every number's text and every value's byte offset. The
// schema-driven conversion (convert.hpp) turns it into typed Values.
// Internal to engine/data, except RawNode: readers of other stages hand their
// trees over as RawNode (typed_document.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "data/diagnostic.hpp"
#include "data/value.hpp"

namespace jx::data::detail {

struct RawNode {
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  bool from_csv = false;          // a CSV row or cell: text whose type the schema decides
  std::uint32_t header_line = 0;  // a CSV row: the line of its table's header
  std::string text;               // string value, or the number exactly as written
  std::vector<std::string> keys;  // object member names, parallel to children; a CSV table's header
  std::vector<RawNode> children;  // array items or object member values
  SourcePos pos;

  [[nodiscard]] const RawNode* member(std::string_view key) const;
  [[nodiscard]] RawNode* member(std::string_view key);
};

// Maps byte offsets of a text to 1-based line and character (code point) column.
// Offsets asked in increasing order (as a parser asks them) cost O(1) each on
// average, so a minified file of one very long line is not quadratic. One
// LineIndex serves one parse: it is not for concurrent use.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  [[nodiscard]] SourcePos locate(std::size_t offset, std::uint32_t file) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  // The last position located, where the next search may continue from.
  mutable std::size_t last_offset_ = 0;
  mutable std::size_t last_line_ = 1;
  mutable std::uint32_t last_column_ = 1;
};

// Parses JSON `text` (the contents of `file_name`, file index `file`). On a
// syntax error, appends one diagnostic and returns false.
bool parse_json(std::string_view text, std::string_view file_name, std::uint32_t file, Lang lang,
                RawNode& out, std::vector<Diagnostic>& diagnostics);

// Parses a CSV table (UTF-8, optional BOM, RFC 4180) into an array of objects
// keyed by the header row; cells keep their text. False on a fatal error.
bool parse_csv(std::string_view text, std::string_view file_name, std::uint32_t file, Lang lang, RawNode& out,
               std::vector<Diagnostic>& diagnostics);

// A member name as a JSON pointer token: '~' → "~0", '/' → "~1" (RFC 6901).
std::string escape_pointer_token(std::string_view key);

}  // namespace jx::data::detail
