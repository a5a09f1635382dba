// Schema-driven conversion of a RawNode tree into typed Values: the schema
// decides each field's type, numbers become exact Decimals from their text,
// dates become Dates, and every mismatch becomes a diagnostic with a JSON
// pointer. Unknown fields are kept and warned about.
#include "data/convert.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace jx::data::detail {
namespace {

// Text quoted in a message: at most 40 bytes (cut at a character boundary), and
// control characters escaped so that a diagnostic stays on one line.
std::string shorten(const std::string& text) {
  constexpr std::size_t shown = 40;
  std::size_t cut = text.size();
  if (cut > shown) {
    cut = shown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string out;
  for (std::size_t i = 0; i < cut; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  if (cut < text.size()) out += "…";
  return out;
}

bool looks_like_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
}

}  // namespace

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<bool> csv_boolean(std::string_view text) {
  static constexpr std::string_view yes[] = {"true", "TRUE", "True", "是", "1"};
  static constexpr std::string_view no[] = {"false", "FALSE", "False", "否", "0"};
  if (std::find(std::begin(yes), std::end(yes), text) != std::end(yes)) return true;
  if (std::find(std::begin(no), std::end(no), text) != std::end(no)) return false;
  return std::nullopt;
}

std::size_t character_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Converter::Converter(const std::vector<std::string>& files, Lang lang, std::vector<Diagnostic>& diagnostics)
    : files_(files), lang_(lang), diagnostics_(diagnostics) {}

void Converter::report(Diagnostic::Severity severity, const SourcePos& pos, const std::string& pointer,
                       std::string message) {
  diagnostics_.push_back(Diagnostic{severity, pos.file < files_.size() ? files_[pos.file] : std::string(),
                                    pos.line, pos.column, pointer.empty() ? "/" : pointer,
                                    std::move(message)});
}

std::string Converter::expected(const SchemaNode& s) const {
  if (s.types == SchemaNode::string && s.format == SchemaNode::Format::none && s.const_value) {
    return "\"" + *s.const_value + "\"";
  }
  std::vector<std::string> parts;
  auto add = [&](const char* zh, const char* en) { parts.push_back(tr(lang_, zh, en)); };
  if (s.allows(SchemaNode::number) || s.format == SchemaNode::Format::decimal) {
    add("十进制数（如 1234.50）", "a decimal number (e.g. 1234.50)");
  } else if (s.allows(SchemaNode::integer)) {
    add("整数", "an integer");
  }
  if (s.format == SchemaNode::Format::date) {
    add("日期 YYYY-MM-DD", "a date YYYY-MM-DD");
  } else if (s.allows(SchemaNode::string) && s.format != SchemaNode::Format::decimal) {
    add("字符串", "a string");
  }
  if (s.allows(SchemaNode::boolean)) add("布尔值 true 或 false", "true or false");
  if (s.allows(SchemaNode::object)) add("对象 {…}", "an object {…}");
  if (s.allows(SchemaNode::array)) add("数组 […]", "an array […]");
  if (s.types & SchemaNode::null) add("空值 null", "null");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += tr(lang_, "或", " or ");
    out += parts[i];
  }
  return out;
}

std::string Converter::found(const RawNode& raw) const {
  switch (raw.kind) {
    case RawNode::Kind::null: return tr(lang_, "空值 null", "null");
    case RawNode::Kind::boolean:
      return std::string(tr(lang_, "布尔值 ", "")) + (raw.boolean ? "true" : "false");
    case RawNode::Kind::number: return tr(lang_, "数字 ", "the number ") + shorten(raw.text);
    case RawNode::Kind::string:
      return std::string(tr(lang_, "字符串 ", "the string ")) + "\"" + shorten(raw.text) + "\"";
    case RawNode::Kind::array: return tr(lang_, "数组", "an array");
    case RawNode::Kind::object: return tr(lang_, "对象", "an object");
  }
  return "?";
}

Value Converter::mismatch(const RawNode& raw, const SchemaNode& schema, const std::string& pointer) {
  report(Diagnostic::Severity::error, raw.pos, pointer,
         tr(lang_, fmt::format("应为{}，实际为{}", expected(schema), found(raw)),
            fmt::format("expected {}, found {}", expected(schema), found(raw))));
  return Value(nullptr, raw.pos);
}

Value Converter::convert(const RawNode& raw, const SchemaNode* schema, const std::string& pointer) {
  if (schema == nullptr) return convert_untyped(raw, pointer);
  const SchemaNode& s = *schema;
  switch (raw.kind) {
    case RawNode::Kind::null:
      if (s.types == 0 || (s.types & SchemaNode::null) != 0) return Value(nullptr, raw.pos);
      return mismatch(raw, s, pointer);
    case RawNode::Kind::boolean:
      if (!s.allows(SchemaNode::boolean)) return mismatch(raw, s, pointer);
      return Value(raw.boolean, raw.pos);
    case RawNode::Kind::number:
      if (!s.allows(SchemaNode::number) && !s.allows(SchemaNode::integer)) return mismatch(raw, s, pointer);
      return decimal(raw, s, pointer);
    case RawNode::Kind::string: return string(raw, s, pointer);
    case RawNode::Kind::array:
      if (!s.allows(SchemaNode::array)) return mismatch(raw, s, pointer);
      return array(raw, s, pointer);
    case RawNode::Kind::object:
      if (!s.allows(SchemaNode::object)) return mismatch(raw, s, pointer);
      return object(raw, s, pointer);
  }
  return Value(nullptr, raw.pos);
}

Value Converter::decimal(const RawNode& raw, const SchemaNode& s, const std::string& pointer) {
  Decimal d;
  try {
    d = Decimal::parse(raw.text);
  } catch (const DecimalError& e) {
    if (e.kind() == DecimalError::Kind::syntax) return mismatch(raw, s, pointer);
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_,
              fmt::format("数值超出范围（最多 {} 位有效数字，指数不超过 ±{}）：{}", Decimal::max_digits,
                          Decimal::max_exponent, shorten(raw.text)),
              fmt::format("number out of range (at most {} digits, exponent within ±{}): {}",
                          Decimal::max_digits, Decimal::max_exponent, shorten(raw.text))));
    return Value(nullptr, raw.pos);
  }
  if (!s.allows(SchemaNode::number) && s.allows(SchemaNode::integer) && !d.is_integer()) {
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("应为整数，实际为{}", found(raw)),
              fmt::format("expected an integer, found {}", found(raw))));
    return Value(nullptr, raw.pos);
  }
  bool in_range = true;
  if (s.minimum && d < *s.minimum) {
    in_range = false;
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("数值 {} 小于最小值 {}", shorten(raw.text), s.minimum->to_string()),
              fmt::format("{} is below the minimum {}", shorten(raw.text), s.minimum->to_string())));
  }
  if (s.maximum && d > *s.maximum) {
    in_range = false;
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("数值 {} 大于最大值 {}", shorten(raw.text), s.maximum->to_string()),
              fmt::format("{} is above the maximum {}", shorten(raw.text), s.maximum->to_string())));
  }
  // A "decimal" field's pattern holds for the text however it was written —
  // JSON number, string or CSV cell: an exponent (4.37998869E7) is how a
  // spreadsheet shows a number it has already rounded.
  if (in_range && s.has_pattern() && s.format == SchemaNode::Format::decimal && !s.matches_pattern(raw.text)) {
    report(
        Diagnostic::Severity::error, raw.pos, pointer,
        tr(lang_, fmt::format("应为普通写法的十进制数（如 1234.50，不用科学计数法），实际为{}", found(raw)),
           fmt::format("expected a decimal number in plain digits, no exponent (e.g. 1234.50), found {}",
                       found(raw))));
    return Value(nullptr, raw.pos);
  }
  return Value(std::move(d), raw.pos);
}

Value Converter::string(const RawNode& raw, const SchemaNode& s, const std::string& pointer) {
  const bool numeric = s.allows(SchemaNode::number) || s.allows(SchemaNode::integer);
  // A numeric string ("1234.50") is a number where the schema says format "decimal";
  // a CSV cell is whatever type the schema gives its column.
  if (numeric &&
      (s.format == SchemaNode::Format::decimal || (raw.from_csv && !s.allows(SchemaNode::string)))) {
    return decimal(raw, s, pointer);
  }
  if (raw.from_csv && s.allows(SchemaNode::boolean) && !s.allows(SchemaNode::string)) {
    if (const std::optional<bool> b = csv_boolean(raw.text)) return Value(*b, raw.pos);
    return mismatch(raw, s, pointer);
  }
  if (raw.from_csv && s.allows(SchemaNode::array) && !s.allows(SchemaNode::string))
    return csv_list(raw, s, pointer);
  if (!s.allows(SchemaNode::string)) return mismatch(raw, s, pointer);
  if (s.format == SchemaNode::Format::date) {
    if (const auto date = Date::parse(raw.text)) return Value(*date, raw.pos);
    if (looks_like_date(raw.text)) {
      report(Diagnostic::Severity::error, raw.pos, pointer,
             tr(lang_, fmt::format("日期 \"{}\" 不存在", raw.text),
                fmt::format("no such date: \"{}\"", raw.text)));
      return Value(nullptr, raw.pos);
    }
    return mismatch(raw, s, pointer);
  }
  if (!s.enum_values.empty() &&
      std::find(s.enum_values.begin(), s.enum_values.end(), raw.text) == s.enum_values.end()) {
    std::string options;
    for (const auto& e : s.enum_values) options += (options.empty() ? "" : tr(lang_, "、", ", ")) + e;
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("应为以下之一：{}；实际为 \"{}\"", options, shorten(raw.text)),
              fmt::format("expected one of: {}; found \"{}\"", options, shorten(raw.text))));
  }
  if (s.const_value && raw.text != *s.const_value) {
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("应为 \"{}\"，实际为 \"{}\"", *s.const_value, shorten(raw.text)),
              fmt::format("expected \"{}\", found \"{}\"", *s.const_value, shorten(raw.text))));
  }
  const std::size_t length = character_count(raw.text);
  if (s.min_length && length < *s.min_length) {
    report(Diagnostic::Severity::error, raw.pos, pointer,
           length == 0 && *s.min_length == 1
               ? tr(lang_, "不能为空字符串", "must not be an empty string")
               : tr(lang_, fmt::format("应至少 {} 个字符，实际为 {} 个", *s.min_length, length),
                    fmt::format("expected at least {} characters, found {}", *s.min_length, length)));
  }
  if (s.max_length && length > *s.max_length) {
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("应至多 {} 个字符，实际为 {} 个", *s.max_length, length),
              fmt::format("expected at most {} characters, found {}", *s.max_length, length)));
  }
  if (s.has_pattern() && !s.matches_pattern(raw.text)) {
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("\"{}\" 不符合格式 {}", shorten(raw.text), s.pattern_text),
              fmt::format("\"{}\" does not match the pattern {}", shorten(raw.text), s.pattern_text)));
  }
  return Value(raw.text, raw.pos);
}

Value Converter::csv_list(const RawNode& raw, const SchemaNode& s, const std::string& pointer) {
  const std::string separator = s.csv ? s.csv->list_separator : ";";
  Value::Array items;
  std::size_t start = 0;
  while (start <= raw.text.size()) {
    const auto end = raw.text.find(separator, start);
    RawNode piece;
    piece.kind = RawNode::Kind::string;
    piece.from_csv = true;
    piece.pos = raw.pos;
    piece.text = raw.text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    items.push_back(convert(piece, s.items, pointer + "/" + std::to_string(items.size())));
    if (end == std::string::npos) break;
    start = end + separator.size();
  }
  return Value(std::move(items), raw.pos);
}

Value Converter::array(const RawNode& raw, const SchemaNode& s, const std::string& pointer) {
  const std::size_t n = raw.children.size();
  if (s.min_items && n < *s.min_items) {
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("数组应至少有 {} 项，实际为 {} 项", *s.min_items, n),
              fmt::format("expected at least {} items, found {}", *s.min_items, n)));
  }
  if (s.max_items && n > *s.max_items) {
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("数组应至多有 {} 项，实际为 {} 项", *s.max_items, n),
              fmt::format("expected at most {} items, found {}", *s.max_items, n)));
  }
  Value::Array items;
  items.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    items.push_back(convert(raw.children[i], s.items, pointer + "/" + std::to_string(i)));
  }
  return Value(std::move(items), raw.pos);
}

Value Converter::object(const RawNode& raw, const SchemaNode& s, const std::string& pointer) {
  Value::Object members;
  members.reserve(raw.children.size());
  for (std::size_t i = 0; i < raw.children.size(); ++i) {
    const std::string& key = raw.keys[i];
    const std::string child_pointer = pointer + "/" + escape_pointer_token(key);
    const SchemaNode* child = s.property(key);
    if (child == nullptr && s.additional != nullptr) child = s.additional;
    if (child == nullptr && !s.properties.empty() && !s.additional_allowed)
      unknown_field(raw, i, child_pointer);
    members.push_back(Value::Member{key, convert(raw.children[i], child, child_pointer)});
  }
  for (const std::string& name : s.required) {
    if (raw.member(name) == nullptr) {
      report(Diagnostic::Severity::error, raw.pos, pointer + "/" + escape_pointer_token(name),
             tr(lang_, fmt::format("缺少必填字段 \"{}\"", name),
                fmt::format("missing required field \"{}\"", name)));
    }
  }
  return Value(std::move(members), raw.pos);
}

void Converter::unknown_field(const RawNode& object, std::size_t index, const std::string& pointer) {
  const std::string& key = object.keys[index];
  const SourcePos& pos = object.children[index].pos;
  if (!object.from_csv) {
    report(Diagnostic::Severity::warning, pos, pointer,
           tr(lang_, fmt::format("未知字段 \"{}\"（schema 中没有；已保留）", key),
              fmt::format("unknown field \"{}\" (not in the schema; kept)", key)));
    return;
  }
  // A CSV column: once, at its header cell, not once per row.
  if (!unknown_columns_.emplace(pos.file, key).second) return;
  report(Diagnostic::Severity::warning, SourcePos{pos.file, object.header_line, pos.column}, pointer,
         tr(lang_, fmt::format("未知列 \"{}\"（schema 中没有该字段；已保留）", key),
            fmt::format("unknown column \"{}\" (no such field in the schema; kept)", key)));
}

Value Converter::convert_untyped(const RawNode& raw, const std::string& pointer) {
  switch (raw.kind) {
    case RawNode::Kind::null: return Value(nullptr, raw.pos);
    case RawNode::Kind::boolean: return Value(raw.boolean, raw.pos);
    case RawNode::Kind::number: {
      static const SchemaNode any_number = [] {
        SchemaNode n;
        n.types = SchemaNode::number;
        return n;
      }();
      return decimal(raw, any_number, pointer);
    }
    case RawNode::Kind::string: return Value(raw.text, raw.pos);
    case RawNode::Kind::array: {
      Value::Array items;
      for (std::size_t i = 0; i < raw.children.size(); ++i) {
        items.push_back(convert_untyped(raw.children[i], pointer + "/" + std::to_string(i)));
      }
      return Value(std::move(items), raw.pos);
    }
    case RawNode::Kind::object: {
      Value::Object members;
      for (std::size_t i = 0; i < raw.children.size(); ++i) {
        members.push_back(Value::Member{
            raw.keys[i],
            convert_untyped(raw.children[i], pointer + "/" + escape_pointer_token(raw.keys[i]))});
      }
      return Value(std::move(members), raw.pos);
    }
  }
  return Value(nullptr, raw.pos);
}

}  // namespace jx::data::detail
