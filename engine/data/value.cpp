#include "data/value.hpp"

#include <string>

#include "data/diagnostic.hpp"

namespace jx::data {

const Value* Value::find(std::string_view key) const {
  if (kind() != Kind::object) return nullptr;
  for (const Member& m : as_object()) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

const Value* Value::find_path(std::string_view dotted) const {
  const Value* v = this;
  while (v != nullptr && !dotted.empty()) {
    const auto dot = dotted.find('.');
    v = v->find(dotted.substr(0, dot));
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  return v;
}

std::string Document::where(SourcePos pos) const {
  if (pos.line == 0 || pos.file >= files.size()) return {};
  const std::string& file = files[pos.file];
  if (pos.file < sheets.size() && !sheets[pos.file].empty()) {
    const std::string& sheet = sheets[pos.file];
    // files[i] is "book.xlsx:sheet"; the sheet is cited Excel's way, after a '!'.
    const std::string book =
        file.ends_with(":" + sheet) ? file.substr(0, file.size() - sheet.size() - 1) : file;
    const std::string line = std::to_string(pos.line);
    return book + ":" + sheet + "!" +
           (pos.column == 0 ? line + ":" + line : cell_reference(pos.line, pos.column));
  }
  if (pos.column == 0) return file + ":" + std::to_string(pos.line);
  return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

std::string_view kind_name(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::null: return "null";
    case Value::Kind::boolean: return "boolean";
    case Value::Kind::decimal: return "decimal";
    case Value::Kind::date: return "date";
    case Value::Kind::string: return "string";
    case Value::Kind::array: return "array";
    case Value::Kind::object: return "object";
  }
  return "?";
}

}  // namespace jx::data
