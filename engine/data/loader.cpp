// Loading one department: JSON file → RawNode, CSV tables attached where the
// schema's "x-csv" allows, then schema-driven conversion to a typed Document.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "data/convert.hpp"
#include "data/department.hpp"
#include "data/raw.hpp"

namespace jx::data {

using detail::RawNode;
using detail::tr;

namespace {

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return text.str();
}

struct TableSource {
  std::string path;
  SourcePos named_at;  // where the JSON named it, for diagnostics
  RawNode rows;
  std::vector<bool> used;
  bool loaded = false;
  bool referenced = false;
};

class Assembler {
 public:
  Assembler(Document& doc, Lang lang, std::vector<Diagnostic>& diagnostics)
      : doc_(doc), lang_(lang), diagnostics_(diagnostics) {}

  std::map<std::string, TableSource> tables;

  void error(const SourcePos& pos, std::string pointer, std::string message) {
    diagnostics_.push_back(Diagnostic{Diagnostic::Severity::error, doc_.files.at(pos.file), pos.line,
                                      pos.column, std::move(pointer), std::move(message)});
  }

  // Reads the CSV of every named table.
  void load_tables() {
    for (auto& [name, table] : tables) {
      std::string why;
      const auto text = read_file(table.path, why);
      if (!text) {
        error(table.named_at, "/tables/" + name,
              tr(lang_, fmt::format("无法读取 CSV 表 {}：{}", table.path, why),
                 fmt::format("cannot read CSV table {}: {}", table.path, why)));
        continue;
      }
      const auto file = static_cast<std::uint32_t>(doc_.files.size());
      doc_.files.push_back(table.path);
      table.loaded = detail::parse_csv(*text, table.path, file, lang_, table.rows, diagnostics_);
      table.used.assign(table.rows.children.size(), false);
    }
  }

  // Walks schema and data together, filling arrays that come from CSV tables.
  void attach(const SchemaNode& schema, RawNode& raw, const std::string& pointer) {
    if (raw.kind == RawNode::Kind::object) {
      for (const auto& property : schema.properties) {
        const SchemaNode& ps = *property.schema;
        const std::string child_pointer = pointer + "/" + property.name;
        if (ps.csv) fill_from_table(*ps.csv, raw, property.name, child_pointer);
        if (RawNode* child = raw.member(property.name)) attach(ps, *child, child_pointer);
      }
    } else if (raw.kind == RawNode::Kind::array && schema.items != nullptr) {
      for (std::size_t i = 0; i < raw.children.size(); ++i) {
        attach(*schema.items, raw.children[i], pointer + "/" + std::to_string(i));
      }
    }
  }

  // Rows a nested table had that matched no parent, and tables nothing used.
  void report_leftovers() {
    for (auto& [name, table] : tables) {
      if (!table.loaded) continue;
      if (!table.referenced) {
        diagnostics_.push_back(
            Diagnostic{Diagnostic::Severity::warning, doc_.files.at(table.named_at.file), table.named_at.line,
                       table.named_at.column, "/tables/" + name,
                       tr(lang_, fmt::format("schema 中没有名为 \"{}\" 的表；该 CSV 未使用", name),
                          fmt::format("the schema has no table \"{}\"; the CSV was not used", name))});
        continue;
      }
      for (std::size_t i = 0; i < table.used.size(); ++i) {
        if (table.used[i]) continue;
        const RawNode& row = table.rows.children[i];
        diagnostics_.push_back(Diagnostic{Diagnostic::Severity::error, doc_.files.at(row.pos.file),
                                          row.pos.line, 0, "",
                                          tr(lang_, "该行的上级关联字段找不到对应的记录",
                                             "this row's parent key matches no parent record")});
      }
    }
  }

 private:
  void fill_from_table(const SchemaNode::CsvSource& csv, RawNode& parent, const std::string& field,
                       const std::string& pointer) {
    auto it = tables.find(csv.table);
    if (it == tables.end()) return;
    TableSource& table = it->second;
    table.referenced = true;
    if (!table.loaded) return;
    if (const RawNode* existing = parent.member(field)) {
      error(existing->pos, pointer,
            tr(lang_, fmt::format("\"{}\" 同时出现在 JSON 和 CSV 表 {} 中；只能在一处提供", field, csv.table),
               fmt::format("\"{}\" is given both in the JSON and in the CSV table {}; give it in one place",
                           field, csv.table)));
      return;
    }
    std::string parent_value;
    if (!csv.parent_key.empty()) {
      const RawNode* key = parent.member(csv.parent_field);
      if (key == nullptr) return;  // a parent without its key field: reported by validation
      parent_value = key->text;
    }
    RawNode array;
    array.kind = RawNode::Kind::array;
    array.pos = table.rows.pos;
    for (std::size_t i = 0; i < table.rows.children.size(); ++i) {
      const RawNode& row = table.rows.children[i];
      if (!csv.parent_key.empty()) {
        const RawNode* key = row.member(csv.parent_key);
        if (key == nullptr || key->text != parent_value) continue;
      }
      table.used[i] = true;
      array.children.push_back(row);
    }
    parent.keys.push_back(field);
    parent.children.push_back(std::move(array));
  }

  Document& doc_;
  Lang lang_;
  std::vector<Diagnostic>& diagnostics_;
};

}  // namespace

bool LoadResult::ok() const {
  if (!document) return false;
  return std::none_of(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; });
}

LoadResult load_department_text(const Schema& schema, std::string_view text, const std::string& name,
                                const std::string& base_dir, const LoadOptions& options) {
  LoadResult result;
  auto doc = std::make_shared<Document>();
  doc->files.push_back(name);
  RawNode raw;
  if (!detail::parse_json(text, name, 0, options.lang, raw, result.diagnostics)) {
    sort_diagnostics(result.diagnostics);
    return result;
  }

  Assembler assembler(*doc, options.lang, result.diagnostics);
  if (const RawNode* named = raw.member("tables"); named != nullptr && named->kind == RawNode::Kind::object) {
    for (std::size_t i = 0; i < named->keys.size(); ++i) {
      if (named->children[i].kind != RawNode::Kind::string) continue;  // the schema reports the type
      const std::filesystem::path path = std::filesystem::path(base_dir) / named->children[i].text;
      assembler.tables[named->keys[i]] =
          TableSource{path.string(), named->children[i].pos, {}, {}, false, false};
    }
  }
  for (const auto& [table, path] : options.tables) {
    assembler.tables[table] = TableSource{path, raw.pos, {}, {}, false, false};
  }
  assembler.load_tables();
  assembler.attach(schema.root(), raw, "");
  assembler.report_leftovers();

  detail::Converter converter(doc->files, options.lang, result.diagnostics);
  doc->root = converter.convert(raw, &schema.root(), "");
  sort_diagnostics(result.diagnostics);
  result.document = std::move(doc);
  return result;
}

LoadResult load_department(const Schema& schema, const std::string& path, const LoadOptions& options) {
  std::string why;
  const auto text = read_file(path, why);
  if (!text) {
    LoadResult result;
    result.diagnostics.push_back(
        Diagnostic{Diagnostic::Severity::error, path, 0, 0, "",
                   tr(options.lang, "无法读取文件：" + why, "cannot read the file: " + why)});
    return result;
  }
  const std::string base_dir = std::filesystem::path(path).parent_path().string();
  return load_department_text(schema, *text, path, base_dir, options);
}

}  // namespace jx::data
