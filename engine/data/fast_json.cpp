// One-pass JSON → typed Value for valid departments (see fast_json.hpp).
// simdjson's stage 1 validates UTF-8, finds every token and rejects raw control
// characters in strings; its On-Demand iterator checks the structure (commas,
// colons, brackets). Scalars are read from their raw token text here: numbers
// are checked against the JSON grammar before Decimal::parse sees them, and
// strings are unescaped by hand, because simdjson 3.0 lets a lone UTF-16
// surrogate escape through. Every check mirrors one of Converter's; where the
// Converter would report anything, this gives up instead.
#include "data/fast_json.hpp"

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "data/convert.hpp"
#include "values/date.hpp"

namespace jx::data::detail {
namespace {

namespace ondemand = simdjson::ondemand;

[[noreturn]] void give_up() { fast_give_up(); }

// The exact path stops at 100 levels; far below that, nothing is unusual.
constexpr unsigned max_depth = 64;
// Duplicate keys outside the schema's properties are found by a linear scan;
// an object with more members than this is left to the exact path.
constexpr std::size_t max_scanned_members = 256;

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A scalar token runs to the next structural character; drop the whitespace before it.
std::string_view trimmed(std::string_view token) {
  while (!token.empty() && is_json_space(token.back())) token.remove_suffix(1);
  return token;
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)? — JSON's number grammar without an exponent. An
// exponent, or a number long enough for RapidJSON to call it too big, goes to
// the exact path, which has the messages for both.
bool plain_json_number(std::string_view t) {
  constexpr std::size_t longest = 100;
  if (t.empty() || t.size() > longest) return false;
  std::size_t i = t[0] == '-' ? 1 : 0;
  if (i == t.size() || !is_digit(t[i])) return false;
  if (t[i] == '0') {
    ++i;
  } else {
    while (i < t.size() && is_digit(t[i])) ++i;
  }
  if (i == t.size()) return true;
  if (t[i] != '.') return false;
  const std::size_t fraction = ++i;
  while (i < t.size() && is_digit(t[i])) ++i;
  return i > fraction && i == t.size();
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits at `at`, or -1.
long hex4(std::string_view raw, std::size_t at) {
  if (at + 4 > raw.size()) return -1;
  long value = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const int digit = hex_value(raw[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The text of a string token's content (between its quotes), escapes resolved
// as RapidJSON resolves them. A surrogate escape that is not a proper pair
// gives up: RapidJSON 1.1 rejects a lone high one and passes a lone low one
// through as invalid UTF-8, and neither is worth copying.
std::string unescape(std::string_view raw) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t backslash = raw.find('\\', at);
    if (backslash == std::string_view::npos) {
      if (at == 0) return std::string(raw);
      out.append(raw.substr(at));
      return out;
    }
    if (at == 0) out.reserve(raw.size());
    out.append(raw.substr(at, backslash - at));
    if (backslash + 1 >= raw.size()) give_up();
    const char escape = raw[backslash + 1];
    at = backslash + 2;
    switch (escape) {
      case '"':
      case '\\':
      case '/': out += escape; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        const long high = hex4(raw, at);
        if (high < 0 || (high >= 0xDC00 && high <= 0xDFFF)) give_up();
        at += 4;
        if (high < 0xD800 || high > 0xDBFF) {
          append_utf8(out, static_cast<unsigned long>(high));
          break;
        }
        if (at + 6 > raw.size() || raw[at] != '\\' || raw[at + 1] != 'u') give_up();
        const long low = hex4(raw, at + 2);
        if (low < 0xDC00 || low > 0xDFFF) give_up();
        at += 6;
        append_utf8(out, ((static_cast<unsigned long>(high) - 0xD800) << 10) +
                             (static_cast<unsigned long>(low) - 0xDC00) + 0x10000);
        break;
      }
      default: give_up();
    }
  }
}

// Byte offsets → line:column exactly as LineIndex gives them, for offsets that
// only grow (the order a pre-order walk meets values in): one forward scan of
// the text in all, with no table of line starts.
class ForwardLocator {
 public:
  ForwardLocator(std::string_view text, std::size_t start, std::uint32_t file)
      : text_(text), at_(start), file_(file) {}

  SourcePos locate(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < at_) give_up();  // never for a pre-order walk; the exact path knows every case
    std::size_t i = at_;
    while (i < offset) {
      i = skip_within_line(i, offset);
      i = step_block(i, offset);
    }
    at_ = offset;
    return SourcePos{file_, line_, column_};
  }

 private:
  // Byte by byte through at most one block: the one that holds a line break,
  // or the tail before `offset`. Returns where it stopped.
  std::size_t step_bytes(std::size_t i, std::size_t offset) {
    for (const std::size_t stop = std::min(offset, i + block); i < stop; ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column_;
      }
    }
    return i;
  }

#if defined(__SSE2__)
  static constexpr std::size_t block = 16;

  static unsigned bit_count(unsigned mask16) {
    static constexpr auto byte_counts = [] {
      std::array<std::uint8_t, 256> counts{};
      for (unsigned b = 0; b < 256; ++b) counts[b] = static_cast<std::uint8_t>(std::popcount(b));
      return counts;
    }();
    return byte_counts[mask16 & 0xFF] + byte_counts[mask16 >> 8];
  }

  // step_bytes for one block in SSE2 registers, when sixteen bytes can be read.
  std::size_t step_block(std::size_t i, std::size_t offset) {
    if (i + block > text_.size()) return step_bytes(i, offset);
    const std::size_t n = std::min(block, offset - i);
    const unsigned wanted = (1U << n) - 1;
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + i));
    const auto newlines =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')))) & wanted;
    unsigned leads =
        ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(bytes, _mm_set1_epi8(-64)))) & wanted;
    if (newlines != 0) {
      line_ += bit_count(newlines);
      const unsigned last = 31U - static_cast<unsigned>(__builtin_clz(newlines));
      leads &= ~((2U << last) - 1);  // only what follows the last line break
      column_ = 1;
    }
    column_ += bit_count(leads);
    return i + n;
  }

  // Moves from `i` towards `offset` a block at a time while the blocks hold no
  // line break (SSE2: every x86-64 has it), adding to the column the bytes that
  // start a character: all but UTF-8 continuation bytes 0x80–0xBF, which are
  // the signed bytes below -64. Returns where it stopped.
  std::size_t skip_within_line(std::size_t i, std::size_t offset) {
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i first_lead = _mm_set1_epi8(-64);
    const __m128i one = _mm_set1_epi8(1);
    __m128i continuations = _mm_setzero_si128();  // two 64-bit counts
    const std::size_t start = i;
    while (i + block <= offset) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + i));
      if (_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, newline)) != 0) break;
      const __m128i is_continuation = _mm_and_si128(_mm_cmplt_epi8(bytes, first_lead), one);
      continuations = _mm_add_epi64(continuations, _mm_sad_epu8(is_continuation, _mm_setzero_si128()));
      i += block;
    }
    const auto skipped =
        static_cast<std::uint64_t>(_mm_cvtsi128_si64(continuations)) +
        static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(continuations, continuations)));
    column_ += static_cast<std::uint32_t>(i - start - skipped);
    return i;
  }
#else
  static constexpr std::size_t block = 8;

  std::size_t step_block(std::size_t i, std::size_t offset) { return step_bytes(i, offset); }

  // As above, eight bytes at a time in a 64-bit word.
  std::size_t skip_within_line(std::size_t i, std::size_t offset) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    while (i + block <= offset) {
      std::uint64_t word = 0;
      std::memcpy(&word, text_.data() + i, block);
      const std::uint64_t newline = word ^ (ones * '\n');
      if (((newline - ones) & ~newline & (ones * 0x80)) != 0) break;  // some byte is '\n'
      const std::uint64_t continuation = (word >> 7) & ~(word >> 6) & ones;
      // The byte sum of `continuation` lands in the top byte (a popcount of 0/1 bytes).
      column_ += static_cast<std::uint32_t>(block - ((continuation * ones) >> 56));
      i += block;
    }
    return i;
  }
#endif

  std::string_view text_;
  std::size_t at_;
  std::uint32_t file_;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
};

Decimal parse_decimal(std::string_view text) {
  try {
    return Decimal::parse(text);
  } catch (const DecimalError&) {
    give_up();
  }
}

class TypedBuilder {
 public:
  TypedBuilder(const char* json, std::size_t base, ForwardLocator& locator, bool tables_allowed)
      : json_(json), base_(base), locator_(locator), tables_allowed_(tables_allowed) {}

  Value root(ondemand::document& doc, const SchemaNode& schema) {
    ondemand::value value;
    // A scalar document cannot be a value in On-Demand; a department is an object anyway.
    if (doc.get_value().get(value) != simdjson::SUCCESS) give_up();
    return build(value, &schema, 0, 0, true);
  }

 private:
  SourcePos locate(const char* at) { return locator_.locate(base_ + static_cast<std::size_t>(at - json_)); }

  // `closer`: the bracket that may end the container the value is in ('}' or
  // ']'; 0 for the root).
  Value build(ondemand::value& value, const SchemaNode* s, unsigned depth, char closer,
              bool is_root = false) {
    const std::string_view token = value.raw_json_token();
    if (token.empty()) give_up();
    const SourcePos pos = locate(token.data());
    switch (token[0]) {
      case '{':
        if (s != nullptr && !s->allows(SchemaNode::object)) give_up();
        return object(value, s, pos, depth, is_root);
      case '[':
        if (s != nullptr && !s->allows(SchemaNode::array)) give_up();
        return array(value, s, pos, depth);
      default: break;
    }
    // A scalar is read from its token and never consumed through On-Demand,
    // which then skips it leniently: `"a": "1": 2` would pass as two members.
    // The token runs to the next structural character, which must end the value.
    const char next = token.data()[token.size()];  // within the padding at worst
    if (next != ',' && (next != closer || closer == 0)) give_up();
    switch (token[0]) {
      case '"': return string(token, s, pos);
      case 't':
      case 'f': {
        const std::string_view atom = trimmed(token);
        if (atom != "true" && atom != "false") give_up();
        if (s != nullptr && !s->allows(SchemaNode::boolean)) give_up();
        return Value(atom[0] == 't', pos);
      }
      case 'n':
        if (trimmed(token) != "null") give_up();
        if (s != nullptr && s->types != 0 && (s->types & SchemaNode::null) == 0) give_up();
        return Value(nullptr, pos);
      default: {
        const std::string_view number = trimmed(token);
        if (!plain_json_number(number)) give_up();
        if (s == nullptr) return Value(parse_decimal(number), pos);
        if (!s->allows(SchemaNode::number) && !s->allows(SchemaNode::integer)) give_up();
        return typed_decimal(number, *s, pos);
      }
    }
  }

  // The content of a string token, unescaped; the token has its closing quote
  // last but for whitespace (stage 1 found where the string ends).
  static std::string string_text(std::string_view token) {
    const std::string_view quoted = trimmed(token);
    if (quoted.size() < 2 || quoted.back() != '"') give_up();
    return unescape(quoted.substr(1, quoted.size() - 2));
  }

  // A JSON string: its content unescaped, typed as text.
  static Value string(std::string_view token, const SchemaNode* schema, SourcePos pos) {
    return typed_text(string_text(token), schema, pos);
  }

  Value array(ondemand::value& value, const SchemaNode* s, SourcePos pos, unsigned depth) {
    if (depth >= max_depth) give_up();
    ondemand::array items_in;
    if (value.get_array().get(items_in) != simdjson::SUCCESS) give_up();
    const SchemaNode* item_schema = s != nullptr ? s->items : nullptr;
    Value::Array items;
    for (auto element : items_in) {
      ondemand::value item;
      if (std::move(element).get(item) != simdjson::SUCCESS) give_up();
      items.push_back(build(item, item_schema, depth + 1, ']'));
    }
    if (s != nullptr) {
      if (s->min_items && items.size() < *s->min_items) give_up();
      if (s->max_items && items.size() > *s->max_items) give_up();
    }
    return Value(std::move(items), pos);
  }

  // A member's key: from after its opening quote to the quote before the
  // ':' that precedes its value (On-Demand has checked that ':').
  static std::string key_text(const ondemand::raw_json_string& key, const char* value_start) {
    const char* begin = key.raw();
    const char* end = value_start;
    while (end > begin && is_json_space(end[-1])) --end;
    if (end == begin || end[-1] != ':') give_up();
    --end;
    while (end > begin && is_json_space(end[-1])) --end;
    if (end == begin || end[-1] != '"') give_up();
    --end;
    return unescape(std::string_view(begin, static_cast<std::size_t>(end - begin)));
  }

  // Index of property `key` of `s`, or npos; members usually come in the
  // schema's order, so the one after the last match is tried first.
  static std::size_t property_index(const SchemaNode& s, std::string_view key, std::size_t hint) {
    const auto& properties = s.properties;
    if (hint < properties.size() && properties[hint].name == key) return hint;
    for (std::size_t i = 0; i < properties.size(); ++i) {
      if (properties[i].name == key) return i;
    }
    return std::string::npos;
  }

  static bool has_member(const Value::Object& members, std::string_view key) {
    return std::any_of(members.begin(), members.end(), [&](const Value::Member& m) { return m.key == key; });
  }

  Value object(ondemand::value& value, const SchemaNode* s, SourcePos pos, unsigned depth, bool is_root) {
    if (depth >= max_depth) give_up();
    ondemand::object fields;
    if (value.get_object().get(fields) != simdjson::SUCCESS) give_up();
    Value::Object members;
    if (s != nullptr) members.reserve(s->properties.size());
    std::uint64_t seen = 0;  // properties 0..63 met so far; later ones are found by a scan
    std::size_t hint = 0;
    for (auto field_result : fields) {
      ondemand::field field;
      if (std::move(field_result).get(field) != simdjson::SUCCESS) give_up();
      ondemand::value& member = field.value();
      const std::string_view token = member.raw_json_token();
      std::string key = key_text(field.key(), token.data());
      // The CSV tables named here are attached by the caller, if it can.
      if (is_root && !tables_allowed_ && key == "tables") give_up();
      const std::size_t index = s != nullptr ? property_index(*s, key, hint) : std::string::npos;
      if (index < 64) {
        if ((seen & (std::uint64_t{1} << index)) != 0) give_up();  // a duplicate key
        seen |= std::uint64_t{1} << index;
      } else {
        if (members.size() > max_scanned_members || has_member(members, key)) give_up();
      }
      const SchemaNode* child = nullptr;
      if (index != std::string::npos) {
        child = s->properties[index].schema;
        hint = index + 1;
      } else if (s != nullptr) {
        child = s->additional;
        // An unknown field is a warning on the exact path.
        if (child == nullptr && !s->properties.empty() && !s->additional_allowed) give_up();
      }
      members.push_back(Value::Member{std::move(key), build(member, child, depth + 1, '}')});
    }
    if (s != nullptr) {
      for (std::size_t i = 0; i < s->required.size(); ++i) {
        const std::size_t index = s->required_properties[i];
        const bool present =
            index < 64 ? (seen & (std::uint64_t{1} << index)) != 0 : has_member(members, s->required[i]);
        if (!present) give_up();
      }
    }
    return Value(std::move(members), pos);
  }

  const char* json_;
  std::size_t base_;
  ForwardLocator& locator_;
  bool tables_allowed_;
};

}  // namespace

void fast_give_up() { throw FastPathGiveUp{}; }

Value typed_decimal(std::string_view text, const SchemaNode& s, SourcePos pos) {
  Decimal d = parse_decimal(text);
  if (!s.allows(SchemaNode::number) && s.allows(SchemaNode::integer) && !d.is_integer()) give_up();
  if (s.minimum && d < *s.minimum) give_up();
  if (s.maximum && d > *s.maximum) give_up();
  if (s.has_pattern() && s.format == SchemaNode::Format::decimal && !s.matches_pattern(std::string(text)))
    give_up();
  return Value(std::move(d), pos);
}

Value typed_text(std::string text, const SchemaNode* schema, SourcePos pos) {
  if (schema == nullptr) return Value(std::move(text), pos);
  const SchemaNode& s = *schema;
  const bool numeric = s.allows(SchemaNode::number) || s.allows(SchemaNode::integer);
  if (numeric && s.format == SchemaNode::Format::decimal) return typed_decimal(text, s, pos);
  if (!s.allows(SchemaNode::string)) give_up();
  if (s.format == SchemaNode::Format::date) {
    const auto date = Date::parse(text);
    if (!date) give_up();
    return Value(*date, pos);
  }
  if (!s.enum_values.empty() &&
      std::find(s.enum_values.begin(), s.enum_values.end(), text) == s.enum_values.end())
    give_up();
  if (s.const_value && text != *s.const_value) give_up();
  if (s.min_length || s.max_length) {
    const std::size_t length = character_count(text);
    if (s.min_length && length < *s.min_length) give_up();
    if (s.max_length && length > *s.max_length) give_up();
  }
  if (s.has_pattern() && !s.matches_pattern(text)) give_up();
  return Value(std::move(text), pos);
}

std::optional<Value> parse_json_typed(std::string_view text, const SchemaNode& schema, std::uint32_t file,
                                      bool padded, bool tables_allowed) {
  static_assert(json_padding == simdjson::SIMDJSON_PADDING);
  // A NUL byte, UTF-16 or an empty file: the exact path has the words for each.
  if (text.find('\0') != std::string_view::npos) return std::nullopt;
  const std::size_t base = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const std::string_view body = text.substr(base);
  // One parser per thread, and one buffer for text without padding: both keep
  // their capacity from file to file.
  thread_local ondemand::parser parser;
  thread_local std::string copy;
  const char* json = body.data();
  if (!padded) {
    copy.resize(body.size() + json_padding);
    std::memcpy(copy.data(), body.data(), body.size());
    std::memset(copy.data() + body.size(), 0, json_padding);
    json = copy.data();
  }
  try {
    ondemand::document doc;
    if (parser.iterate(json, body.size(), body.size() + json_padding).get(doc) != simdjson::SUCCESS)
      return std::nullopt;
    ForwardLocator locator(text, base, file);
    TypedBuilder builder(json, base, locator, tables_allowed);
    Value root = builder.root(doc, schema);
    // Past the root value there must be nothing: current_location() is out of
    // bounds exactly at the end of the document.
    const char* trailing = nullptr;
    if (doc.current_location().get(trailing) != simdjson::OUT_OF_BOUNDS) return std::nullopt;
    return root;
  } catch (const FastPathGiveUp&) {
    return std::nullopt;
  }
}

}  // namespace jx::data::detail
