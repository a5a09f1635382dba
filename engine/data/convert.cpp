// Schema-driven conversion of a RawNode tree into typed Values: the schema
// decides each field's type, numbers become exact Decimals from their text,
// dates become Dates, and every mismatch becomes a diagnostic with a JSON
// pointer. Unknown fields are kept and warned about.
#include "data/convert.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace jx::data::detail {
namespace {

std::string shorten(const std::string& text) {
  constexpr std::size_t shown = 40;
  if (text.size() <= shown) return text;
  // Cut at a UTF-8 character boundary.
  std::size_t cut = shown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

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

bool looks_like_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
}

}  // namespace

Converter::Converter(const std::vector<std::string>& files, Lang lang, std::vector<Diagnostic>& diagnostics)
    : files_(files), lang_(lang), diagnostics_(diagnostics) {}

void Converter::report(Diagnostic::Severity severity, const SourcePos& pos, const std::string& pointer,
                       std::string message) {
  diagnostics_.push_back(Diagnostic{severity, pos.file < files_.size() ? files_[pos.file] : std::string(),
                                    pos.line, pos.column, pointer.empty() ? "/" : pointer,
                                    std::move(message)});
}

std::string Converter::expected(const SchemaNode& s) const {
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
  if (s.allows(SchemaNode::boolean)) add("true 或 false", "true or false");
  if (s.allows(SchemaNode::object)) add("对象 {…}", "an object {…}");
  if (s.allows(SchemaNode::array)) add("数组 […]", "an array […]");
  if (s.types & SchemaNode::null) add("null", "null");
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += tr(lang_, "或", " or ");
    out += parts[i];
  }
  return out;
}

std::string Converter::found(const RawNode& raw) const {
  switch (raw.kind) {
    case RawNode::Kind::null: return "null";
    case RawNode::Kind::boolean: return raw.boolean ? "true" : "false";
    case RawNode::Kind::number: return tr(lang_, "数字 ", "the number ") + shorten(raw.text);
    case RawNode::Kind::string: return tr(lang_, "字符串 ", "the string ") + "\"" + shorten(raw.text) + "\"";
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
           tr(lang_, fmt::format("应为整数，实际为 {}", raw.text),
              fmt::format("expected an integer, found {}", raw.text)));
    return Value(nullptr, raw.pos);
  }
  if (s.minimum && d < *s.minimum) {
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("数值 {} 小于最小值 {}", raw.text, s.minimum->to_string()),
              fmt::format("{} is below the minimum {}", raw.text, s.minimum->to_string())));
  }
  if (s.maximum && d > *s.maximum) {
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("数值 {} 大于最大值 {}", raw.text, s.maximum->to_string()),
              fmt::format("{} is above the maximum {}", raw.text, s.maximum->to_string())));
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
    static const std::vector<std::string> yes{"true", "TRUE", "True", "是", "1"};
    static const std::vector<std::string> no{"false", "FALSE", "False", "否", "0"};
    if (std::find(yes.begin(), yes.end(), raw.text) != yes.end()) return Value(true, raw.pos);
    if (std::find(no.begin(), no.end(), raw.text) != no.end()) return Value(false, raw.pos);
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
    for (const auto& e : s.enum_values) options += (options.empty() ? "" : ", ") + e;
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("应为以下之一：{}；实际为 \"{}\"", options, shorten(raw.text)),
              fmt::format("expected one of: {}; found \"{}\"", options, shorten(raw.text))));
  }
  if (s.const_value && raw.text != *s.const_value) {
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("应为 \"{}\"，实际为 \"{}\"", *s.const_value, shorten(raw.text)),
              fmt::format("expected \"{}\", found \"{}\"", *s.const_value, shorten(raw.text))));
  }
  const std::size_t length =
      static_cast<std::size_t>(std::count_if(raw.text.begin(), raw.text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }));
  if ((s.min_length && length < *s.min_length) || (s.max_length && length > *s.max_length)) {
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("字符串长度 {} 不在允许范围内", length),
              fmt::format("string length {} is outside the allowed range", length)));
  }
  if (s.pattern && !std::regex_search(raw.text, *s.pattern)) {
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
  if ((s.min_items && n < *s.min_items) || (s.max_items && n > *s.max_items)) {
    const std::string range = fmt::format("{}..{}", s.min_items.value_or(0),
                                          s.max_items ? std::to_string(*s.max_items) : std::string("∞"));
    report(Diagnostic::Severity::error, raw.pos, pointer,
           tr(lang_, fmt::format("数组有 {} 项，应为 {} 项", n, range),
              fmt::format("the array has {} items; expected {}", n, range)));
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
    if (child == nullptr && !s.properties.empty() && !s.additional_allowed) {
      report(Diagnostic::Severity::warning, raw.children[i].pos, child_pointer,
             tr(lang_, fmt::format("未知字段 \"{}\"（schema 中没有；已保留）", key),
                fmt::format("unknown field \"{}\" (not in the schema; kept)", key)));
    }
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
