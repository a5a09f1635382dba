// manifest.toml to data's untyped tree through toml++ (manifest_reader.hpp).
// Numbers keep their exact source text: toml++ parses floats into binary
// doubles, which we never use — the text is cut out of the source by the
// node's source region instead.
#include "rules/manifest_reader.hpp"

#include <toml++/toml.h>

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "data/typed_document.hpp"
#include "lang/lang.hpp"

namespace jx::rules {

using data::RawNode;
using data::SourcePos;

namespace {

// Maps toml++'s (line, code-point column) positions back to the source text.
class SourceText {
 public:
  explicit SourceText(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts_.push_back(i + 1);
    }
  }
  [[nodiscard]] std::size_t offset(const toml::source_position& p) const {
    if (p.line == 0 || p.line > starts_.size()) return text_.size();
    std::size_t i = starts_[p.line - 1];
    for (toml::source_index column = 1; column < p.column && i < text_.size(); ++column) {
      ++i;  // past one code point: its lead byte and any continuation bytes
      while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
  }
  [[nodiscard]] std::string_view slice(const toml::source_region& r) const {
    const std::size_t b = offset(r.begin);
    const std::size_t e = std::max(b, offset(r.end));
    return text_.substr(b, e - b);
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

class Builder {
 public:
  Builder(const SourceText& source, std::uint32_t file, Lang lang, std::string_view name,
          std::vector<Diagnostic>& diagnostics)
      : source_(source), file_(file), lang_(lang), name_(name), diagnostics_(diagnostics) {}

  void build(const toml::node& node, RawNode& out) {
    out.pos = SourcePos{file_, node.source().begin.line, node.source().begin.column};
    if (const auto* table = node.as_table()) {
      out.kind = RawNode::Kind::object;
      // toml++ keeps keys sorted; source order is what authors expect to see back.
      std::vector<std::pair<std::string, const toml::node*>> members;
      for (const auto& [key, value] : *table) members.emplace_back(std::string(key.str()), &value);
      std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
        const auto& pa = a.second->source().begin;
        const auto& pb = b.second->source().begin;
        return std::tie(pa.line, pa.column) < std::tie(pb.line, pb.column);
      });
      for (const auto& [key, value] : members) {
        out.keys.push_back(key);
        build(*value, out.children.emplace_back());
      }
    } else if (const auto* array = node.as_array()) {
      out.kind = RawNode::Kind::array;
      for (const auto& item : *array) build(item, out.children.emplace_back());
    } else if (const auto* text = node.as_string()) {
      out.kind = RawNode::Kind::string;
      out.text = text->get();
    } else if (const auto* flag = node.as_boolean()) {
      out.kind = RawNode::Kind::boolean;
      out.boolean = flag->get();
    } else if (const auto* integer = node.as_integer()) {
      out.kind = RawNode::Kind::number;
      out.text = std::to_string(integer->get());  // exact: also covers 0x…, 0o…, 0b… and 1_000
    } else if (node.is_floating_point()) {
      number_text(node, out);
    } else if (const auto* date = node.as_date()) {
      out.kind = RawNode::Kind::string;
      out.text = fmt::format("{:04}-{:02}-{:02}", date->get().year, date->get().month, date->get().day);
    } else {
      out.kind = RawNode::Kind::string;  // times and date-times: kept as written
      out.text = std::string(source_.slice(node.source()));
    }
  }

 private:
  void number_text(const toml::node& node, RawNode& out) {
    std::string text;
    for (char c : source_.slice(node.source())) {
      if (c != '_') text += c;
    }
    if (text.find("inf") != std::string::npos || text.find("nan") != std::string::npos) {
      diagnostics_.push_back(Diagnostic{Diagnostic::Severity::error, std::string(name_), out.pos.line,
                                        out.pos.column, "",
                                        tr(lang_, "不允许 inf 或 nan", "inf and nan are not allowed")});
    }
    out.kind = RawNode::Kind::number;
    out.text = std::move(text);
  }

  const SourceText& source_;
  std::uint32_t file_;
  Lang lang_;
  std::string_view name_;
  std::vector<Diagnostic>& diagnostics_;
};

// Parses the manifest's text; on a syntax error, one diagnostic and false.
bool parse_toml(std::string_view text, std::string_view file_name, std::uint32_t file, Lang lang,
                RawNode& out, std::vector<Diagnostic>& diagnostics) {
  try {
    const toml::table table = toml::parse(text, file_name);
    const SourceText source(text);
    Builder(source, file, lang, file_name, diagnostics).build(table, out);
    out.pos = SourcePos{file, 1, 1};
    return true;
  } catch (const toml::parse_error& e) {
    diagnostics.push_back(Diagnostic{
        Diagnostic::Severity::error, std::string(file_name), e.source().begin.line, e.source().begin.column,
        "", tr(lang, "TOML 语法错误：", "TOML syntax error: ") + std::string(e.description())});
    return false;
  }
}

}  // namespace

data::LoadResult read_manifest(const data::Schema& schema, const std::string& path, Lang lang) {
  std::vector<Diagnostic> diagnostics;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.push_back(Diagnostic{Diagnostic::Severity::error, path, 0, 0, "",
                                     tr(lang, "无法读取文件", "cannot read the file")});
    return data::typed_document(schema, path, nullptr, std::move(diagnostics), lang);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  RawNode raw;
  const bool parsed = parse_toml(text, path, 0, lang, raw, diagnostics);
  return data::typed_document(schema, path, parsed ? &raw : nullptr, std::move(diagnostics), lang);
}

}  // namespace jx::rules
