// JSON text to RawNode through RapidJSON's SAX reader: numbers keep their
// text (kParseNumbersAsStringsFlag), encoding is validated, parsing is
// iterative, and every value records where it starts.
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <fmt/format.h>
#include <utf8proc.h>

#include <optional>
#include <unordered_map>
#include <utility>

#include "data/raw.hpp"

namespace jx::data::detail {
namespace {

constexpr std::size_t max_depth = 100;  // far deeper than any department file; guards hostile input

class Builder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Builder> {
 public:
  Builder(const rapidjson::MemoryStream& stream, std::string_view text, std::size_t base,
          const LineIndex& lines, std::uint32_t file, Lang lang, RawNode& root,
          std::vector<Diagnostic>& diagnostics, std::string_view file_name)
      : stream_(stream),
        text_(text),
        base_(base),
        lines_(lines),
        file_(file),
        lang_(lang),
        root_(root),
        diagnostics_(diagnostics),
        file_name_(file_name) {}

  bool Null() { return scalar(RawNode::Kind::null, {}, false); }
  bool Bool(bool b) { return scalar(RawNode::Kind::boolean, {}, b); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    return scalar(RawNode::Kind::number, std::string(s, n), false);
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    return scalar(RawNode::Kind::string, std::string(s, n), false);
  }
  // With kParseNumbersAsStringsFlag every number arrives through RawNumber;
  // the base class's binary-number callbacks are never reached.

  bool StartObject() { return open(RawNode::Kind::object); }
  bool StartArray() { return open(RawNode::Kind::array); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  bool Key(const char* s, rapidjson::SizeType n, bool) {
    const std::size_t start = value_start();
    last_end_ = stream_.Tell();
    if (discarding_ > 0) return true;
    std::string key(s, n);
    // A hash per open object: a linear scan made an object of 100,000 keys take minutes.
    if (const auto first_at = keys_seen_.back().find(key); first_at != keys_seen_.back().end()) {
      const SourcePos first = first_at->second;
      const SourcePos here = locate(start);
      diagnostics_.push_back(Diagnostic{
          Diagnostic::Severity::error, std::string(file_name_), here.line, here.column, pointer_to(key),
          tr(lang_,
             fmt::format("重复的字段名 \"{}\"（首次出现在第 {} 行第 {} 列）", key, first.line, first.column),
             fmt::format("duplicate key \"{}\" (first at line {}, column {})", key, first.line,
                         first.column))});
      discard_next_ = true;
      return true;
    }
    pending_key_ = std::move(key);
    pending_key_pos_ = locate(start);
    return true;
  }

  [[nodiscard]] bool too_deep() const { return too_deep_; }

  // Where the next value starts: past whitespace and the ',' or ':' before it.
  // After a syntax error inside a string, that is where the string opened.
  [[nodiscard]] std::size_t value_start() const {
    std::size_t i = last_end_;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
      ++i;
    }
    return i;
  }

 private:
  SourcePos locate(std::size_t offset) const { return lines_.locate(base_ + offset, file_); }

  // The JSON pointer of member `key` of the innermost open object.
  std::string pointer_to(const std::string& key) const {
    std::string out;
    auto append = [&out](std::string_view token) { out += "/" + escape_pointer_token(token); };
    for (std::size_t level = 1; level < stack_.size(); ++level) {
      const RawNode& parent = *stack_[level - 1];
      if (parent.kind == RawNode::Kind::object) {
        append(parent.keys.back());
      } else {
        append(std::to_string(parent.children.size() - 1));
      }
    }
    append(key);
    return out;
  }

  RawNode* place(RawNode::Kind kind, std::size_t start) {
    RawNode* node = nullptr;
    if (stack_.empty()) {
      node = &root_;
    } else {
      RawNode& parent = *stack_.back();
      if (parent.kind == RawNode::Kind::object) {
        keys_seen_.back().emplace(pending_key_, pending_key_pos_);
        parent.keys.push_back(std::move(pending_key_));
      }
      node = &parent.children.emplace_back();
    }
    node->kind = kind;
    node->pos = locate(start);
    return node;
  }

  bool scalar(RawNode::Kind kind, std::string text, bool b) {
    const std::size_t start = value_start();
    last_end_ = stream_.Tell();
    if (discarding_ > 0) return true;
    if (discard_next_) {
      discard_next_ = false;
      return true;
    }
    RawNode* node = place(kind, start);
    node->text = std::move(text);
    node->boolean = b;
    return true;
  }

  bool open(RawNode::Kind kind) {
    // The iterative reader calls StartObject/StartArray (and the End events)
    // before it takes the bracket, so the stream is at the bracket itself.
    const std::size_t start = stream_.Tell();
    last_end_ = start + 1;
    if (discarding_ > 0 || discard_next_) {
      discard_next_ = false;
      ++discarding_;
      return true;
    }
    if (stack_.size() >= max_depth) {
      const SourcePos here = locate(start);
      diagnostics_.push_back(Diagnostic{Diagnostic::Severity::error, std::string(file_name_), here.line,
                                        here.column, "",
                                        tr(lang_, fmt::format("嵌套超过 {} 层", max_depth),
                                           fmt::format("nesting deeper than {} levels", max_depth))});
      too_deep_ = true;
      return false;  // stops the parse: the rest of the file cannot be trusted to be reasonable
    }
    stack_.push_back(place(kind, start));
    keys_seen_.emplace_back();
    return true;
  }

  bool close() {
    last_end_ = stream_.Tell() + 1;
    if (discarding_ > 0) {
      --discarding_;
      return true;
    }
    stack_.pop_back();
    keys_seen_.pop_back();
    return true;
  }

  const rapidjson::MemoryStream& stream_;
  std::string_view text_;
  std::size_t base_;
  const LineIndex& lines_;
  std::uint32_t file_;
  Lang lang_;
  RawNode& root_;
  std::vector<Diagnostic>& diagnostics_;
  std::string_view file_name_;
  std::vector<RawNode*> stack_;
  std::vector<std::unordered_map<std::string, SourcePos>> keys_seen_;  // per open container: key → where
  std::string pending_key_;
  SourcePos pending_key_pos_;
  std::size_t last_end_ = 0;
  std::size_t discarding_ = 0;  // nesting depth inside a duplicate key's value
  bool discard_next_ = false;
  bool too_deep_ = false;
};

std::string syntax_message(rapidjson::ParseErrorCode code, Lang lang) {
  using namespace rapidjson;
  switch (code) {
    case kParseErrorDocumentEmpty:
      return tr(lang, "文件为空：应为一个 JSON 对象", "the file is empty: expected a JSON object");
    case kParseErrorDocumentRootNotSingular:
      return tr(lang, "JSON 文档结束后还有多余内容", "unexpected text after the end of the JSON document");
    case kParseErrorValueInvalid:
      return tr(lang, "无效的值：应为对象、数组、字符串、数字、true、false 或 null",
                "invalid value: expected an object, array, string, number, true, false or null");
    case kParseErrorObjectMissName:
      return tr(lang, "应为用双引号括起的字段名", "expected a field name in double quotes");
    case kParseErrorObjectMissColon:
      return tr(lang, "字段名后应为冒号 ':'", "expected ':' after the field name");
    case kParseErrorObjectMissCommaOrCurlyBracket: return tr(lang, "应为 ',' 或 '}'", "expected ',' or '}'");
    case kParseErrorArrayMissCommaOrSquareBracket: return tr(lang, "应为 ',' 或 ']'", "expected ',' or ']'");
    case kParseErrorStringUnicodeEscapeInvalidHex:
      return tr(lang, "无效的转义：\\u 后应为四位十六进制数字",
                "invalid escape: \\u must be followed by four hexadecimal digits");
    case kParseErrorStringUnicodeSurrogateInvalid:
      return tr(lang, "无效的转义：UTF-16 代理项不成对",
                "invalid escape: a UTF-16 surrogate without its pair");
    case kParseErrorStringEscapeInvalid:
      return tr(lang, "字符串中的转义序列无效", "invalid escape sequence in a string");
    case kParseErrorStringMissQuotationMark:
      return tr(lang, "字符串没有结束的双引号：直到文件末尾都没有右引号",
                "unterminated string: no closing '\"' before the end of the file");
    case kParseErrorStringInvalidEncoding:
      return tr(lang, "字符串不是有效的 UTF-8：文件应以 UTF-8 编码保存，不支持 GBK",
                "invalid UTF-8 in a string: save the file as UTF-8 (GBK is not supported)");
    case kParseErrorNumberTooBig:
      return tr(lang, "数字过大：超过 308 位，或指数大于 308",
                "number too large: more than 308 digits, or an exponent above 308");
    case kParseErrorNumberMissFraction:
      return tr(lang, "小数点后应有数字", "expected digits after the decimal point");
    case kParseErrorNumberMissExponent:
      return tr(lang, "指数部分应有数字", "expected digits in the exponent");
    default: return std::string(tr(lang, "JSON 语法错误：", "JSON syntax error: ")) + GetParseError_En(code);
  }
}

// The UTF-8 character at `offset`, or nullopt when the bytes there are not UTF-8.
std::optional<std::pair<char32_t, std::string_view>> char_at(std::string_view text, std::size_t offset) {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + offset),
                                  static_cast<utf8proc_ssize_t>(text.size() - offset), &cp);
  if (n <= 0) return std::nullopt;
  return std::pair{static_cast<char32_t>(cp), text.substr(offset, static_cast<std::size_t>(n))};
}

// The ASCII punctuation a Chinese input method's full-width character stands for.
char ascii_for(char32_t cp) {
  switch (cp) {
    case U'：': return ':';
    case U'，': return ',';
    case U'“':
    case U'”':
    case U'＂': return '"';
    case U'｛': return '{';
    case U'｝': return '}';
    case U'［': return '[';
    case U'］': return ']';
    default: return 0;
  }
}

struct SyntaxError {
  std::size_t offset;  // into the text after any BOM
  std::string message;
};

// RapidJSON's error code says what the parser expected; the text at the error
// usually says what the author did (a comment, a trailing comma, a full-width
// colon, a Windows path). Name that, where it can be told.
SyntaxError describe(rapidjson::ParseErrorCode code, std::string_view body, std::size_t offset,
                     std::size_t value_start, Lang lang) {
  using namespace rapidjson;
  const bool at_end = offset >= body.size();
  const auto c = at_end ? '\0' : body[offset];
  const auto uc = static_cast<unsigned char>(c);
  switch (code) {
    case kParseErrorDocumentEmpty:
      // RapidJSON says "empty" also when the text starts with something that
      // begins no value ("}," alone, a line of a pretty-printed file on stdin).
      if (const std::size_t at = body.find_first_not_of(" \t\r\n"); at != std::string_view::npos) {
        return {at, tr(lang, "应为一个 JSON 对象（以 { 开始），这里却不是一个值的开头",
                       "expected a JSON object (starting with {); this does not begin a value")};
      }
      return {0, syntax_message(code, lang)};
    case kParseErrorStringMissQuotationMark: return {value_start, syntax_message(code, lang)};
    case kParseErrorStringEscapeInvalid:
      // RapidJSON reports a raw control character in a string as a bad escape.
      if (c == '\n' || c == '\r') {
        return {value_start, tr(lang, "字符串没有结束的双引号：行尾前缺少右引号（字符串内的换行应写作 \\n）",
                                "unterminated string: the line ends before the closing '\"' (write a line "
                                "break inside a string as \\n)")};
      }
      if (c == '\t') {
        return {offset, tr(lang, "字符串中不能直接包含制表符，应写作 \\t",
                           "a tab character inside a string must be written as \\t")};
      }
      if (uc < 0x20) {
        return {offset,
                tr(lang, fmt::format("字符串中不能直接包含控制字符 U+{:04X}，应写作 \\u{:04x}", uc, uc),
                   fmt::format("control character U+{:04X} inside a string must be written as \\u{:04x}", uc,
                               uc))};
      }
      if (c == '\\' && offset + 1 < body.size()) {
        const auto next = char_at(body, offset + 1);
        const std::string escape = "\\" + std::string(next ? next->second : body.substr(offset + 1, 1));
        return {offset,
                tr(lang,
                   fmt::format("字符串中的转义 \"{}\" 无效：反斜杠应写作 \\\\（如 \"D:\\\\报告\"）", escape),
                   fmt::format("invalid escape \"{}\" in a string: write a backslash as \\\\ (e.g. "
                               "\"D:\\\\reports\")",
                               escape))};
      }
      return {offset, syntax_message(code, lang)};
    case kParseErrorStringInvalidEncoding:
    case kParseErrorStringUnicodeEscapeInvalidHex:
    case kParseErrorStringUnicodeSurrogateInvalid:
    case kParseErrorNumberTooBig:
    case kParseErrorNumberMissFraction:
    case kParseErrorNumberMissExponent:
    case kParseErrorTermination: return {offset, syntax_message(code, lang)};
    default: break;
  }
  if (at_end) return {offset, syntax_message(code, lang)};
  const std::string_view rest = body.substr(offset);
  if (rest.starts_with("//") || rest.starts_with("/*")) {
    return {offset, tr(lang, "JSON 中不能有注释（// 或 /* */）；说明性文字请写在 \"notes\" 中",
                       "comments (// or /* */) are not allowed in JSON; put remarks in \"notes\"")};
  }
  if (c == '\'') {
    return {offset, tr(lang, "字符串和字段名应使用双引号 \"…\"，不能用单引号",
                       "strings and field names must be in double quotes \"…\", not single quotes")};
  }
  if (rest.starts_with("NaN") || rest.starts_with("Infinity")) {
    return {offset, tr(lang, "JSON 中没有 NaN 或 Infinity：数值必须是有限的数",
                       "NaN and Infinity are not numbers in JSON")};
  }
  if (uc >= 0x80) {
    const auto ch = char_at(body, offset);
    if (!ch) {
      return {offset, tr(lang, fmt::format("无效的 UTF-8 字节 0x{:02X}：文件应以 UTF-8 编码保存", uc),
                         fmt::format("invalid UTF-8 byte 0x{:02X}: save the file as UTF-8", uc))};
    }
    const auto cp = static_cast<unsigned>(ch->first);
    if (const char ascii = ascii_for(ch->first)) {
      return {offset, tr(lang,
                         fmt::format("全角字符 '{}'（U+{:04X}）不能用作 JSON 标点，应改为半角 '{}'",
                                     ch->second, cp, ascii),
                         fmt::format("full-width '{}' (U+{:04X}) is not JSON punctuation: use '{}'",
                                     ch->second, cp, ascii))};
    }
    return {offset,
            tr(lang, fmt::format("字符串外出现字符 '{}'（U+{:04X}）：文字应放在双引号中", ch->second, cp),
               fmt::format("unexpected '{}' (U+{:04X}) outside a string: text must be in double quotes",
                           ch->second, cp))};
  }
  if ((c == '}' || c == ']') && offset > 0) {
    const std::size_t before = body.find_last_not_of(" \t\r\n", offset - 1);
    if (before != std::string_view::npos && body[before] == ',') {
      return {before,
              tr(lang, fmt::format("多余的逗号：'{}' 前的最后一项后面不能有逗号", c),
                 fmt::format("trailing comma: no ',' is allowed after the last item before '{}'", c))};
    }
  }
  if (code == kParseErrorValueInvalid && (c == ',' || c == '}' || c == ']')) {
    return {offset,
            tr(lang, fmt::format("'{}' 前缺少值", c), fmt::format("a value is missing before '{}'", c))};
  }
  if (c >= '0' && c <= '9' && offset > 0 && body[offset - 1] == '0' &&
      (offset < 2 || !((body[offset - 2] >= '0' && body[offset - 2] <= '9') || body[offset - 2] == '.'))) {
    const std::size_t start = offset >= 2 && body[offset - 2] == '-' ? offset - 2 : offset - 1;
    const std::size_t end = body.find_first_not_of("0123456789.eE+-", offset);
    const std::string_view number = body.substr(start, end == std::string_view::npos ? end : end - start);
    return {start, tr(lang, fmt::format("数字 {} 不能以 0 开头", number),
                      fmt::format("a number must not start with a leading zero: {}", number))};
  }
  return {offset, syntax_message(code, lang)};
}

}  // namespace

const RawNode* RawNode::member(std::string_view key) const {
  if (kind != Kind::object) return nullptr;  // a CSV table's keys are its header, not members
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return &children[i];
  }
  return nullptr;
}

RawNode* RawNode::member(std::string_view key) {
  return const_cast<RawNode*>(static_cast<const RawNode&>(*this).member(key));
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  if (text.starts_with("\xEF\xBB\xBF")) last_offset_ = 3;  // column 1 is after the BOM
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SourcePos LineIndex::locate(std::size_t offset, std::uint32_t file) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
  std::size_t from = line_starts_[line - 1];
  std::uint32_t column = 1;
  if (line == last_line_ && offset >= last_offset_) {
    from = last_offset_;
    column = last_column_;
  } else if (line == 1 && text_.starts_with("\xEF\xBB\xBF") && offset >= 3) {
    from = 3;  // a BOM is not a column
  }
  for (std::size_t i = from; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  last_offset_ = offset;
  last_line_ = line;
  last_column_ = column;
  return SourcePos{file, static_cast<std::uint32_t>(line), column};
}

bool parse_json(std::string_view text, std::string_view file_name, std::uint32_t file, Lang lang,
                RawNode& out, std::vector<Diagnostic>& diagnostics) {
  const LineIndex lines(text);
  auto fail = [&](std::size_t offset, std::string message) {
    const SourcePos here = lines.locate(offset, file);
    diagnostics.push_back(Diagnostic{Diagnostic::Severity::error, std::string(file_name), here.line,
                                     here.column, "", std::move(message)});
    return false;
  };
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    return fail(0, tr(lang, "文件是 UTF-16 编码（记事本的“Unicode”）：请另存为 UTF-8",
                      "the file is UTF-16 (Notepad's \"Unicode\"): save it as UTF-8"));
  }
  // RapidJSON's memory stream ends at a NUL byte: any later text would be ignored.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    return fail(nul, tr(lang, "文件中有 NUL 字节（\\0）：这不是 UTF-8 文本（是否为 UTF-16 或已损坏？）",
                        "a NUL byte (\\0): the file is not UTF-8 text (UTF-16, or damaged?)"));
  }
  std::size_t base = 0;
  if (text.starts_with("\xEF\xBB\xBF")) base = 3;  // a BOM, as Windows editors write one
  const std::string_view body = text.substr(base);
  rapidjson::MemoryStream stream(body.data(), body.size());
  Builder builder(stream, body, base, lines, file, lang, out, diagnostics, file_name);
  rapidjson::Reader reader;
  constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                             rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult result = reader.Parse<flags>(stream, builder);
  if (!result.IsError()) return true;
  if (builder.too_deep()) return false;  // already reported
  const SyntaxError error = describe(result.Code(), body, result.Offset(), builder.value_start(), lang);
  return fail(base + error.offset, error.message);
}

}  // namespace jx::data::detail
