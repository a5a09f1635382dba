// jx::data::Value — the loaded department as an immutable tree of typed values
// (object, array, string, bool, Decimal, date, null), each with the source
// position it came from. A Document is built once, never changed, and shared
// between threads by const reference.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "values/date.hpp"
#include "values/decimal.hpp"

namespace jx::data {

// Where a value came from: a file of the Document, and line:column, both
// 1-based (0: unknown). In JSON the column counts characters; in a CSV the line
// is the one the cell starts on (the Excel row, unless a cell above holds a line
// break) and the column is the cell's number in its row (1 = Excel column A).
struct SourcePos {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

class Value {
 public:
  enum class Kind : std::uint8_t { null, boolean, decimal, date, string, array, object };
  struct Member;
  using Array = std::vector<Value>;
  using Object = std::vector<Member>;  // in source order; keys are unique

  Value() = default;
  Value(std::nullptr_t, SourcePos pos);
  Value(bool b, SourcePos pos);
  Value(Decimal d, SourcePos pos);
  Value(Date d, SourcePos pos);
  Value(std::string s, SourcePos pos);
  Value(Array a, SourcePos pos);
  Value(Object o, SourcePos pos);

  [[nodiscard]] Kind kind() const { return static_cast<Kind>(data_.index()); }
  [[nodiscard]] bool is_null() const { return kind() == Kind::null; }
  [[nodiscard]] SourcePos pos() const { return pos_; }

  // Typed access; calling the wrong one is a programming error (std::bad_variant_access).
  [[nodiscard]] bool as_bool() const { return std::get<bool>(data_); }
  [[nodiscard]] const Decimal& as_decimal() const { return std::get<Decimal>(data_); }
  [[nodiscard]] Date as_date() const { return std::get<Date>(data_); }
  [[nodiscard]] const std::string& as_string() const { return std::get<std::string>(data_); }
  [[nodiscard]] const Array& as_array() const { return std::get<Array>(data_); }
  [[nodiscard]] const Object& as_object() const { return std::get<Object>(data_); }

  // The member `key` of an object, or nullptr (also when this is not an object).
  [[nodiscard]] const Value* find(std::string_view key) const;
  // Follows a path of member names separated by '.', e.g. "budget.adjusted".
  [[nodiscard]] const Value* find_path(std::string_view dotted) const;

  // For a loader still building the tree (the fast path attaches CSV rows to
  // the typed JSON): the members or items to change, or nullptr. Never once
  // the Document is loaded.
  [[nodiscard]] Object* building_object() { return std::get_if<Object>(&data_); }
  [[nodiscard]] Array* building_array() { return std::get_if<Array>(&data_); }

 private:
  std::variant<std::monostate, bool, Decimal, Date, std::string, Array, Object> data_;
  SourcePos pos_;
};

struct Value::Member {
  std::string key;
  Value value;
};

// Defined here, once Member is complete: clang instantiates the variant's
// destructor (so ~vector<Member>) where a constructor is defined, and rejects
// an incomplete Member inside the class (GCC accepts it).
inline Value::Value(std::nullptr_t, SourcePos pos) : pos_(pos) {}
inline Value::Value(bool b, SourcePos pos) : data_(b), pos_(pos) {}
inline Value::Value(Decimal d, SourcePos pos) : data_(std::move(d)), pos_(pos) {}
inline Value::Value(Date d, SourcePos pos) : data_(d), pos_(pos) {}
inline Value::Value(std::string s, SourcePos pos) : data_(std::move(s)), pos_(pos) {}
inline Value::Value(Array a, SourcePos pos) : data_(std::move(a)), pos_(pos) {}
inline Value::Value(Object o, SourcePos pos) : data_(std::move(o)), pos_(pos) {}

// One loaded department: the value tree and the files it came from.
struct Document {
  std::vector<std::string> files;  // SourcePos::file indexes this
  Value root;
};

// The name of a kind for messages ("object", "decimal", …).
std::string_view kind_name(Value::Kind kind);

}  // namespace jx::data
