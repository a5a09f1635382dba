// JSON text to RawNode through RapidJSON's SAX reader: numbers keep their
// text (kParseNumbersAsStringsFlag), encoding is validated, parsing is
// iterative, and every value records where it starts.
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <fmt/format.h>

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
    RawNode& object = *stack_.back();
    std::string key(s, n);
    for (std::size_t i = 0; i < object.keys.size(); ++i) {
      if (object.keys[i] == key) {
        const SourcePos first = object.children[i].pos;
        const SourcePos here = locate(start);
        diagnostics_.push_back(Diagnostic{Diagnostic::Severity::error, std::string(file_name_), here.line,
                                          here.column, "",
                                          tr(lang_,
                                             fmt::format("重复的字段名 \"{}\"（首次出现在第 {} 行第 {} 列）",
                                                         key, first.line, first.column),
                                             fmt::format("duplicate key \"{}\" (first at line {}, column {})",
                                                         key, first.line, first.column))});
        discard_next_ = true;
        return true;
      }
    }
    pending_key_ = std::move(key);
    return true;
  }

  [[nodiscard]] bool too_deep() const { return too_deep_; }

 private:
  // Where the next value starts: past whitespace and the ',' or ':' before it.
  std::size_t value_start() const {
    std::size_t i = last_end_;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
      ++i;
    }
    return i;
  }
  SourcePos locate(std::size_t offset) const { return lines_.locate(base_ + offset, file_); }

  RawNode* place(RawNode::Kind kind, std::size_t start) {
    RawNode* node = nullptr;
    if (stack_.empty()) {
      node = &root_;
    } else {
      RawNode& parent = *stack_.back();
      if (parent.kind == RawNode::Kind::object) parent.keys.push_back(std::move(pending_key_));
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
    return true;
  }

  bool close() {
    last_end_ = stream_.Tell() + 1;
    if (discarding_ > 0) {
      --discarding_;
      return true;
    }
    stack_.pop_back();
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
  std::string pending_key_;
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
    case kParseErrorStringUnicodeSurrogateInvalid:
    case kParseErrorStringEscapeInvalid:
      return tr(lang, "字符串中的转义序列无效", "invalid escape sequence in a string");
    case kParseErrorStringMissQuotationMark:
      return tr(lang, "字符串没有结束的双引号", "unterminated string: expected a closing '\"'");
    case kParseErrorStringInvalidEncoding:
      return tr(lang, "字符串不是有效的 UTF-8", "invalid UTF-8 in a string");
    case kParseErrorNumberTooBig: return tr(lang, "数字过大", "number too large");
    case kParseErrorNumberMissFraction:
      return tr(lang, "小数点后应有数字", "expected digits after the decimal point");
    case kParseErrorNumberMissExponent:
      return tr(lang, "指数部分应有数字", "expected digits in the exponent");
    default: return tr(lang, "JSON 语法错误：", "JSON syntax error: ") + GetParseError_En(code);
  }
}

}  // namespace

const RawNode* RawNode::member(std::string_view key) const {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return &children[i];
  }
  return nullptr;
}

RawNode* RawNode::member(std::string_view key) {
  return const_cast<RawNode*>(static_cast<const RawNode&>(*this).member(key));
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SourcePos LineIndex::locate(std::size_t offset, std::uint32_t file) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
  const std::size_t start = line_starts_[line - 1];
  std::uint32_t column = 1;
  for (std::size_t i = start; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes; a BOM is not a column.
    const auto c = static_cast<unsigned char>(text_[i]);
    if ((c & 0xC0) != 0x80) ++column;
  }
  if (line == 1 && text_.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3) --column;
  return SourcePos{file, static_cast<std::uint32_t>(line), column};
}

bool parse_json(std::string_view text, std::string_view file_name, std::uint32_t file, Lang lang,
                RawNode& out, std::vector<Diagnostic>& diagnostics) {
  const LineIndex lines(text);
  std::size_t base = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") base = 3;  // a BOM, as Windows editors write one
  const std::string_view body = text.substr(base);
  rapidjson::MemoryStream stream(body.data(), body.size());
  Builder builder(stream, body, base, lines, file, lang, out, diagnostics, file_name);
  rapidjson::Reader reader;
  constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                             rapidjson::kParseNumbersAsStringsFlag;
  const rapidjson::ParseResult result = reader.Parse<flags>(stream, builder);
  if (result.IsError() && !builder.too_deep()) {
    const SourcePos here = lines.locate(base + result.Offset(), file);
    diagnostics.push_back(Diagnostic{Diagnostic::Severity::error, std::string(file_name), here.line,
                                     here.column, "", syntax_message(result.Code(), lang)});
  }
  return !result.IsError();
}

}  // namespace jx::data::detail
