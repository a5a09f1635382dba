// One pass over a CSV table: cells found and typed at once (see fast_csv.hpp).
// Every check mirrors one of csv_reader.cpp's or Converter's for a CSV cell;
// where those would report anything, this gives up instead. Whatever libcsv
// would read differently from a plain RFC 4180 reading (it trims spaces and
// tabs around unquoted cells, skips blank lines, ends a row at a lone CR) is
// not copied: it gives up.
#include "data/fast_csv.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <deque>

#include "data/convert.hpp"
#include "data/fast_json.hpp"

namespace jx::data::detail {
namespace {

struct Cell {
  std::string_view text;
  bool present = false;  // false: an empty unquoted cell, which is an absent field
  std::uint32_t line = 0;
};

// Splits the text into rows of cells, one row per call.
class Rows {
 public:
  explicit Rows(std::string_view text) : text_(text) {}

  // The next row's cells into `cells`; false at the end of the text.
  bool next(std::vector<Cell>& cells) {
    cells.clear();
    if (at_ == text_.size()) return false;
    if (text_[at_] == '\n' || text_[at_] == '\r') fast_give_up();  // a blank line: libcsv skips it
    while (true) {
      Cell& cell = cells.emplace_back();
      cell.line = line_;
      if (at_ < text_.size() && text_[at_] == '"') {
        quoted(cell);
      } else {
        unquoted(cell);
      }
      if (at_ == text_.size()) return true;
      const char c = text_[at_];
      if (c == ',') {
        ++at_;
        continue;
      }
      if (c == '\r') {
        if (at_ + 1 == text_.size() || text_[at_ + 1] != '\n')
          fast_give_up();  // a lone CR ends a row in libcsv
        ++at_;
      }
      if (text_[at_] != '\n') fast_give_up();  // text after a closing quote
      ++at_;
      ++line_;
      return true;
    }
  }

 private:
  void unquoted(Cell& cell) {
    const std::size_t start = at_;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == ',' || c == '\n' || c == '\r') break;
      if (c == '"') fast_give_up();  // a quote inside an unquoted cell: an error in strict libcsv
      ++at_;
    }
    cell.text = text_.substr(start, at_ - start);
    cell.present = !cell.text.empty();
    // libcsv trims spaces and tabs around an unquoted cell.
    if (cell.present && (is_blank(cell.text.front()) || is_blank(cell.text.back()))) fast_give_up();
  }

  void quoted(Cell& cell) {
    ++at_;  // the opening quote
    std::size_t segment = at_;
    std::string* unescaped = nullptr;  // only for a cell with a doubled quote
    while (true) {
      if (at_ == text_.size()) fast_give_up();  // a quote never closed
      const char c = text_[at_];
      if (c == '"') {
        if (at_ + 1 < text_.size() && text_[at_ + 1] == '"') {
          if (unescaped == nullptr) unescaped = &owned_.emplace_back();
          unescaped->append(text_.substr(segment, at_ + 1 - segment));
          at_ += 2;
          segment = at_;
          continue;
        }
        break;
      }
      if (c == '\r') fast_give_up();  // kept or not by libcsv: not worth knowing
      if (c == '\n') ++line_;
      ++at_;
    }
    if (unescaped != nullptr) {
      unescaped->append(text_.substr(segment, at_ - segment));
      cell.text = *unescaped;
    } else {
      cell.text = text_.substr(segment, at_ - segment);
    }
    cell.present = true;
    ++at_;  // the closing quote
  }

  static bool is_blank(char c) { return c == ' ' || c == '\t'; }

  std::string_view text_;
  std::size_t at_ = 0;
  std::uint32_t line_ = 1;
  std::deque<std::string> owned_;  // stable: cells point into it
};

// Converter::string for a CSV cell (raw.from_csv): the schema decides its type.
Value typed_cell(std::string_view text, const SchemaNode* schema, SourcePos pos) {
  if (schema == nullptr) return Value(std::string(text), pos);
  const SchemaNode& s = *schema;
  const bool numeric = s.allows(SchemaNode::number) || s.allows(SchemaNode::integer);
  if (numeric && (s.format == SchemaNode::Format::decimal || !s.allows(SchemaNode::string))) {
    return typed_decimal(text, s, pos);
  }
  if (s.allows(SchemaNode::boolean) && !s.allows(SchemaNode::string)) {
    const std::optional<bool> b = csv_boolean(text);
    if (!b) fast_give_up();
    return Value(*b, pos);
  }
  if (s.allows(SchemaNode::array) && !s.allows(SchemaNode::string)) {
    // Converter::csv_list: the pieces between separators, each a cell of the item type.
    const std::string_view separator = s.csv ? std::string_view(s.csv->list_separator) : ";";
    if (separator.empty()) fast_give_up();
    Value::Array items;
    std::size_t start = 0;
    while (true) {
      const std::size_t end = text.find(separator, start);
      items.push_back(typed_cell(text.substr(start, end == std::string_view::npos ? text.npos : end - start),
                                 s.items, pos));
      if (end == std::string_view::npos) break;
      start = end + separator.size();
    }
    return Value(std::move(items), pos);
  }
  return typed_text(std::string(text), &s, pos);
}

}  // namespace

FastTable read_csv_typed(std::string_view text, const SchemaNode& row, const std::string& parent_key,
                         std::uint32_t file) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // Excel's BOM
  // Invalid UTF-8 is an error in the cell that holds it; a NUL is left to libcsv.
  if (text.empty() || std::memchr(text.data(), 0, text.size()) != nullptr ||
      !simdjson::validate_utf8(text.data(), text.size()))
    fast_give_up();
  if (!row.allows(SchemaNode::object)) fast_give_up();

  Rows rows(text);
  std::vector<Cell> cells;
  if (!rows.next(cells)) fast_give_up();
  FastTable table;
  table.header_line = cells.front().line;

  // The header: named, unique columns, at least one the schema knows.
  const std::size_t width = cells.size();
  std::vector<std::string> names;
  std::vector<const SchemaNode*> column_schema;
  std::vector<bool> unknown;
  bool any_known = row.properties.empty();
  std::size_t parent_column = width;
  for (std::size_t c = 0; c < width; ++c) {
    if (!cells[c].present || cells[c].text.empty()) fast_give_up();
    std::string name(cells[c].text);
    if (std::find(names.begin(), names.end(), name) != names.end()) fast_give_up();
    const SchemaNode* property = row.property(name);
    any_known = any_known || property != nullptr;
    const SchemaNode* schema = property != nullptr ? property : row.additional;
    column_schema.push_back(schema);
    // Reported once per column on the exact path, and only if a cell has a value.
    unknown.push_back(schema == nullptr && !row.properties.empty() && !row.additional_allowed);
    if (name == parent_key) parent_column = c;
    names.push_back(std::move(name));
  }
  if (!any_known) fast_give_up();
  // The columns of the required fields; a required field filled from another
  // table (only after this) is not worth the bookkeeping.
  std::vector<std::size_t> required;
  for (const std::string& name : row.required) {
    const SchemaNode* property = row.property(name);
    if (property != nullptr && property->csv) fast_give_up();
    const auto it = std::find(names.begin(), names.end(), name);
    required.push_back(static_cast<std::size_t>(it - names.begin()));  // width: never present
  }

  while (rows.next(cells)) {
    if (cells.size() != width) fast_give_up();
    for (const std::size_t c : required) {
      if (c == width || !cells[c].present) fast_give_up();
    }
    Value::Object members;
    members.reserve(width);
    for (std::size_t c = 0; c < width; ++c) {
      if (!cells[c].present) continue;
      if (unknown[c]) fast_give_up();
      const SourcePos pos{file, cells[c].line, static_cast<std::uint32_t>(c + 1)};
      members.push_back(Value::Member{names[c], typed_cell(cells[c].text, column_schema[c], pos)});
    }
    if (!parent_key.empty()) {
      if (parent_column < width && cells[parent_column].present) {
        table.parent_keys.emplace_back(std::string(cells[parent_column].text));
      } else {
        table.parent_keys.emplace_back();
      }
    }
    table.rows.emplace_back(std::move(members), SourcePos{file, cells.front().line, 1});
  }
  return table;
}

}  // namespace jx::data::detail
