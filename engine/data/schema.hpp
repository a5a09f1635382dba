// The department schema (schemas/department.schema.json), compiled once from
// its JSON Schema text. It gives every field its type, so the data's shape
// changes by editing the schema file, never C++. A documented subset of JSON
// Schema 2020-12 is supported (docs/data-format.md); any other keyword is an
// error, so a schema never silently means less than it says.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "values/decimal.hpp"

namespace jx::data {

class SchemaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SchemaNode {
  enum Type : unsigned {
    null = 1,
    boolean = 2,
    number = 4,
    integer = 8,
    string = 16,
    array = 32,
    object = 64
  };
  enum class Format { none, date, decimal };
  struct Property {
    std::string name;
    const SchemaNode* schema;
  };
  // "x-csv": the array may come from a CSV table instead (docs/data-format.md).
  struct CsvSource {
    std::string table;
    std::string parent_key;    // column of the row that names its parent, e.g. "project_id"
    std::string parent_field;  // field of the parent it must equal, e.g. "id"
    std::string list_separator = ";";
    std::string sheet;  // its worksheet's name in a workbook (besides the array's title and the table's name)
  };

  std::string title;
  std::string description;  // for people: the template's instructions (data/xlsx_template.hpp)
  // "x-aliases": other header texts a workbook column may carry for this field,
  // e.g. 合同签订时间 for 合同签订日期 as a budget system exports it.
  std::vector<std::string> aliases;
  unsigned types = 0;  // 0: anything
  Format format = Format::none;
  std::vector<Property> properties;
  std::vector<std::string> required;
  // For each name in `required`, its index in `properties` (npos when it is
  // not one), so that the fast loader checks presence with a bit per property.
  std::vector<std::size_t> required_properties;
  bool additional_allowed = true;
  const SchemaNode* additional = nullptr;  // schema of extra members, when given
  const SchemaNode* items = nullptr;
  std::vector<std::string> enum_values;
  std::optional<std::string> const_value;
  std::optional<Decimal> minimum;
  std::optional<Decimal> maximum;
  std::optional<std::size_t> min_items, max_items, min_length, max_length;
  // A "pattern" is matched by hand when it is one of the department schema's own
  // (plain decimals, ISO dates): std::regex costs more per value than the rest of
  // loading it, and compiling it cost more than the rest of start-up. Any other
  // pattern is compiled into `pattern`.
  std::optional<std::regex> pattern;
  std::string pattern_text;
  using PatternMatcher = bool (*)(std::string_view);
  PatternMatcher pattern_matcher = nullptr;
  std::optional<CsvSource> csv;

  [[nodiscard]] bool allows(Type t) const { return types == 0 || (types & t) != 0; }
  [[nodiscard]] const SchemaNode* property(std::string_view name) const;
  // Whether `text` matches "pattern" (ECMAScript search, as JSON Schema says); true without one.
  [[nodiscard]] bool matches_pattern(const std::string& text) const;
  [[nodiscard]] bool has_pattern() const { return pattern_matcher != nullptr || pattern.has_value(); }
};

class Schema {
 public:
  // Each property name the schema gives one title wherever it appears, with
  // that title ("contract_signed" → "合同签订日期"): the labels of evidence keys
  // in Chinese reports. A name titled differently in different places is left
  // out, since its meaning depends on where it stands.
  [[nodiscard]] std::map<std::string, std::string> field_titles() const;

  // Compiles a schema file; throws SchemaError with file:line:column on a bad schema.
  static Schema load(const std::string& path);
  static Schema from_text(std::string_view text, const std::string& name);

  [[nodiscard]] const SchemaNode& root() const { return *root_; }

  Schema(Schema&&) = default;
  Schema& operator=(Schema&&) = default;

 private:
  Schema() = default;
  friend class SchemaCompiler;
  std::deque<SchemaNode> nodes_;  // stable addresses
  const SchemaNode* root_ = nullptr;
};

}  // namespace jx::data
