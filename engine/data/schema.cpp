#include "data/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "data/raw.hpp"

namespace jx::data {

using detail::RawNode;

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// [0-9]+ from `i`; returns the position after the digits (i when there are none).
std::size_t digits_from(std::string_view text, std::size_t i) {
  while (i < text.size() && is_digit(text[i])) ++i;
  return i;
}

// ^[0-9]+(\.[0-9]+)?$ after an optional sign (when `sign`).
bool plain_decimal(std::string_view text, bool sign) {
  std::size_t i = sign && !text.empty() && text[0] == '-' ? 1 : 0;
  const std::size_t int_end = digits_from(text, i);
  if (int_end == i) return false;
  if (int_end == text.size()) return true;
  if (text[int_end] != '.') return false;
  const std::size_t frac_end = digits_from(text, int_end + 1);
  return frac_end > int_end + 1 && frac_end == text.size();
}

bool unsigned_plain_decimal(std::string_view text) { return plain_decimal(text, false); }
bool signed_plain_decimal(std::string_view text) { return plain_decimal(text, true); }

// ^[0-9]{4}-[0-9]{2}-[0-9]{2}$
bool iso_date_shape(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return false;
  }
  return true;
}

// ^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$: a number as a
// rule-set manifest may write it (points, weights).
bool decimal_literal_shape(std::string_view text) {
  std::size_t i = !text.empty() && (text[0] == '+' || text[0] == '-') ? 1 : 0;
  const std::size_t int_end = digits_from(text, i);
  std::size_t end = int_end;
  if (end < text.size() && text[end] == '.') {
    end = digits_from(text, end + 1);
    if (int_end == i && end == int_end + 1) return false;  // "." alone
  } else if (int_end == i) {
    return false;
  }
  if (end < text.size() && (text[end] == 'e' || text[end] == 'E')) {
    std::size_t e = end + 1;
    if (e < text.size() && (text[e] == '+' || text[e] == '-')) ++e;
    end = digits_from(text, e);
    if (end == e) return false;
  }
  return end == text.size();
}

// The hand-written matcher for a pattern text, or null (std::regex then).
SchemaNode::PatternMatcher matcher_for(std::string_view pattern) {
  if (pattern == "^[0-9]+(\\.[0-9]+)?$" || pattern == "^[0-9]+([.][0-9]+)?$") return unsigned_plain_decimal;
  if (pattern == "^-?[0-9]+(\\.[0-9]+)?$" || pattern == "^-?[0-9]+([.][0-9]+)?$") return signed_plain_decimal;
  if (pattern == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$") return iso_date_shape;
  if (pattern == "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$") return decimal_literal_shape;
  return nullptr;
}

}  // namespace

bool SchemaNode::matches_pattern(const std::string& text) const {
  if (pattern_matcher != nullptr) return pattern_matcher(text);
  return !pattern || std::regex_search(text, *pattern);
}

const SchemaNode* SchemaNode::property(std::string_view name) const {
  for (const Property& p : properties) {
    if (p.name == name) return p.schema;
  }
  return nullptr;
}

class SchemaCompiler {
 public:
  SchemaCompiler(Schema& schema, const RawNode& document, std::string name)
      : schema_(schema), document_(document), name_(std::move(name)) {}

  const SchemaNode* compile(const RawNode& raw) {
    if (raw.kind != RawNode::Kind::object) fail(raw, "a schema must be an object");
    if (const RawNode* ref = raw.member("$ref")) {
      SchemaNode node = *resolve(*ref);
      if (const RawNode* title = raw.member("title")) node.title = text(*title);
      if (const RawNode* description = raw.member("description")) node.description = text(*description);
      if (const RawNode* aliases = raw.member("x-aliases")) node.aliases = names(*aliases, "x-aliases");
      for (const auto& key : raw.keys) {
        if (key != "$ref" && key != "title" && key != "description" && key != "x-aliases") {
          fail(raw, fmt::format("\"{}\" beside \"$ref\" is not supported", key));
        }
      }
      return &schema_.nodes_.emplace_back(std::move(node));
    }
    SchemaNode node;
    for (std::size_t i = 0; i < raw.keys.size(); ++i) keyword(node, raw.keys[i], raw.children[i]);
    for (const std::string& name : node.required) {
      const auto it = std::find_if(node.properties.begin(), node.properties.end(),
                                   [&](const SchemaNode::Property& p) { return p.name == name; });
      node.required_properties.push_back(it == node.properties.end()
                                             ? std::string::npos
                                             : static_cast<std::size_t>(it - node.properties.begin()));
    }
    return &schema_.nodes_.emplace_back(std::move(node));
  }

 private:
  [[noreturn]] void fail(const RawNode& at, const std::string& message) const {
    throw SchemaError(fmt::format("{}:{}:{}: schema error: {}", name_, at.pos.line, at.pos.column, message));
  }
  std::string text(const RawNode& raw) const {
    if (raw.kind != RawNode::Kind::string) fail(raw, "expected a string");
    return raw.text;
  }
  std::vector<std::string> names(const RawNode& raw, std::string_view keyword) const {
    if (raw.kind != RawNode::Kind::array)
      fail(raw, fmt::format("\"{}\" must be an array of strings", keyword));
    std::vector<std::string> out;
    for (const RawNode& n : raw.children) out.push_back(text(n));
    return out;
  }
  Decimal number(const RawNode& raw) const {
    if (raw.kind != RawNode::Kind::number) fail(raw, "expected a number");
    return Decimal::parse(raw.text);
  }
  std::size_t count(const RawNode& raw) const {
    const Decimal d = number(raw);
    if (!d.is_integer() || d.sign() < 0 || d > Decimal(1'000'000'000))
      fail(raw, "expected a non-negative integer");
    return static_cast<std::size_t>(std::stoull(d.to_string()));
  }

  const SchemaNode* resolve(const RawNode& ref) {
    const std::string target = text(ref);
    constexpr std::string_view prefix = "#/$defs/";
    if (target.rfind(prefix, 0) != 0) fail(ref, "only \"#/$defs/Name\" references are supported");
    const std::string def = target.substr(prefix.size());
    if (auto it = compiled_defs_.find(def); it != compiled_defs_.end()) return it->second;
    const RawNode* defs = document_.member("$defs");
    const RawNode* body = defs != nullptr ? defs->member(def) : nullptr;
    if (body == nullptr) fail(ref, fmt::format("no definition \"{}\" in $defs", def));
    if (!in_progress_.insert(def).second) fail(ref, fmt::format("definition \"{}\" refers to itself", def));
    const SchemaNode* node = compile(*body);
    in_progress_.erase(def);
    compiled_defs_[def] = node;
    return node;
  }

  void keyword(SchemaNode& node, const std::string& key, const RawNode& value) {
    if (key == "$schema" || key == "$id" || key == "$comment" || key == "examples") return;
    if (key == "$defs") return;  // compiled on first reference
    if (key == "title") {
      node.title = text(value);
    } else if (key == "description") {
      node.description = text(value);
    } else if (key == "x-aliases") {
      node.aliases = names(value, "x-aliases");
    } else if (key == "type") {
      if (value.kind == RawNode::Kind::array) {
        for (const RawNode& t : value.children) node.types |= type_bit(t);
      } else {
        node.types |= type_bit(value);
      }
    } else if (key == "format") {
      const std::string f = text(value);
      if (f == "date") {
        node.format = SchemaNode::Format::date;
      } else if (f == "decimal") {
        node.format = SchemaNode::Format::decimal;
      } else {
        fail(value, fmt::format("unsupported format \"{}\" (supported: date, decimal)", f));
      }
    } else if (key == "properties") {
      if (value.kind != RawNode::Kind::object) fail(value, "\"properties\" must be an object");
      for (std::size_t i = 0; i < value.keys.size(); ++i) {
        node.properties.push_back({value.keys[i], compile(value.children[i])});
      }
    } else if (key == "required") {
      if (value.kind != RawNode::Kind::array) fail(value, "\"required\" must be an array of names");
      for (const RawNode& r : value.children) node.required.push_back(text(r));
    } else if (key == "additionalProperties") {
      if (value.kind == RawNode::Kind::boolean) {
        node.additional_allowed = value.boolean;
      } else {
        node.additional = compile(value);
      }
    } else if (key == "items") {
      node.items = compile(value);
    } else if (key == "enum") {
      if (value.kind != RawNode::Kind::array) fail(value, "\"enum\" must be an array of strings");
      for (const RawNode& e : value.children) node.enum_values.push_back(text(e));
    } else if (key == "const") {
      node.const_value = text(value);
    } else if (key == "minimum") {
      node.minimum = number(value);
    } else if (key == "maximum") {
      node.maximum = number(value);
    } else if (key == "minItems") {
      node.min_items = count(value);
    } else if (key == "maxItems") {
      node.max_items = count(value);
    } else if (key == "minLength") {
      node.min_length = count(value);
    } else if (key == "maxLength") {
      node.max_length = count(value);
    } else if (key == "pattern") {
      node.pattern_text = text(value);
      // A pattern with a hand-written matcher is not compiled: std::regex took
      // about 20 M instructions at every start for patterns never run
      // (docs/performance.md, issue 18).
      node.pattern_matcher = matcher_for(node.pattern_text);
      try {
        if (node.pattern_matcher == nullptr) node.pattern.emplace(node.pattern_text, std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        fail(value, fmt::format("bad pattern: {}", e.what()));
      }
    } else if (key == "x-csv") {
      SchemaNode::CsvSource csv;
      if (value.kind != RawNode::Kind::object) fail(value, "\"x-csv\" must be an object");
      for (std::size_t i = 0; i < value.keys.size(); ++i) {
        const std::string& k = value.keys[i];
        const std::string v = text(value.children[i]);
        if (k == "table") {
          csv.table = v;
        } else if (k == "parent_key") {
          csv.parent_key = v;
        } else if (k == "parent_field") {
          csv.parent_field = v;
        } else if (k == "sheet") {
          csv.sheet = v;
        } else if (k == "list_separator") {
          csv.list_separator = v;
        } else {
          fail(value.children[i], fmt::format("unknown x-csv key \"{}\"", k));
        }
      }
      if (csv.table.empty()) fail(value, "x-csv needs a \"table\"");
      node.csv = std::move(csv);
    } else {
      fail(value, fmt::format("unsupported keyword \"{}\"", key));
    }
  }

  unsigned type_bit(const RawNode& t) const {
    static const std::map<std::string, unsigned, std::less<>> bits{
        {"null", SchemaNode::null},       {"boolean", SchemaNode::boolean}, {"number", SchemaNode::number},
        {"integer", SchemaNode::integer}, {"string", SchemaNode::string},   {"array", SchemaNode::array},
        {"object", SchemaNode::object}};
    const auto it = bits.find(text(t));
    if (it == bits.end()) fail(t, fmt::format("unknown type \"{}\"", t.text));
    return it->second;
  }

  Schema& schema_;
  const RawNode& document_;
  std::string name_;
  std::map<std::string, const SchemaNode*> compiled_defs_;
  std::set<std::string> in_progress_;
};

Schema Schema::from_text(std::string_view text, const std::string& name) {
  RawNode raw;
  std::vector<Diagnostic> diagnostics;
  if (!detail::parse_json(text, name, 0, Lang::en, raw, diagnostics) || !diagnostics.empty()) {
    throw SchemaError(diagnostics.empty() ? name + ": schema is not valid JSON"
                                          : diagnostics.front().to_string(Lang::en));
  }
  Schema schema;
  SchemaCompiler compiler(schema, raw, name);
  schema.root_ = compiler.compile(raw);
  return schema;
}

std::map<std::string, std::string> Schema::field_titles() const {
  std::map<std::string, std::string> titles;
  std::set<std::string> ambiguous;
  for (const SchemaNode& node : nodes_) {
    for (const SchemaNode::Property& p : node.properties) {
      if (p.schema == nullptr || p.schema->title.empty() || ambiguous.contains(p.name)) continue;
      const auto [it, added] = titles.emplace(p.name, p.schema->title);
      if (!added && it->second != p.schema->title) {
        ambiguous.insert(p.name);
        titles.erase(it);
      }
    }
  }
  return titles;
}

Schema Schema::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SchemaError(path + ": cannot open the schema file");
  std::ostringstream text;
  text << in.rdbuf();
  return from_text(text.str(), path);
}

}  // namespace jx::data
