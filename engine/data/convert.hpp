// Internal to engine/data: RawNode + schema → typed Value, with diagnostics.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/raw.hpp"
#include "data/schema.hpp"
#include "data/value.hpp"

namespace jx::data::detail {

// A CSV cell of a boolean column: true / false / 是 / 否 … (nullopt: not a boolean).
std::optional<bool> csv_boolean(std::string_view text);
// The length of UTF-8 text in characters (code points), as minLength and
// maxLength count it.
std::size_t character_count(std::string_view text);

class Converter {
 public:
  Converter(const std::vector<std::string>& files, Lang lang, std::vector<Diagnostic>& diagnostics);
  // Converts `raw` as `schema` says (nullptr: no schema, keep what is there).
  Value convert(const RawNode& raw, const SchemaNode* schema, const std::string& pointer);

 private:
  Value convert_untyped(const RawNode& raw, const std::string& pointer);
  Value decimal(const RawNode& raw, const SchemaNode& s, const std::string& pointer);
  Value string(const RawNode& raw, const SchemaNode& s, const std::string& pointer);
  Value csv_list(const RawNode& raw, const SchemaNode& s, const std::string& pointer);
  Value array(const RawNode& raw, const SchemaNode& s, const std::string& pointer);
  Value object(const RawNode& raw, const SchemaNode& s, const std::string& pointer);
  void unknown_field(const RawNode& object, std::size_t index, const std::string& pointer);
  Value mismatch(const RawNode& raw, const SchemaNode& s, const std::string& pointer);
  void report(Diagnostic::Severity severity, const SourcePos& pos, const std::string& pointer,
              std::string message);
  [[nodiscard]] std::string expected(const SchemaNode& s) const;
  [[nodiscard]] std::string found(const RawNode& raw) const;

  const std::vector<std::string>& files_;
  Lang lang_;
  std::vector<Diagnostic>& diagnostics_;
  std::set<std::pair<std::uint32_t, std::string>>
      unknown_columns_;  // CSV (file, column) already warned about
};

}  // namespace jx::data::detail
