// Loading one department. The fast path (fast_json.hpp, fast_tables.hpp) takes
// a valid JSON file and the CSV tables it names in one pass; everything else,
// and anything the fast path gives up on, takes the exact path: JSON file →
// RawNode, CSV tables attached where the schema's "x-csv" allows, then
// schema-driven conversion to a typed Document with every diagnostic.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "data/convert.hpp"
#include "data/department.hpp"
#include "data/fast_json.hpp"
#include "data/fast_tables.hpp"
#include "data/load_paths.hpp"
#include "data/raw.hpp"
#include "data/xlsx_department.hpp"
#include "data/xlsx_reader.hpp"

namespace jx::data {

using detail::escape_pointer_token;
using detail::RawNode;

namespace {

// Why a file could not be read, in the user's language. (std::strerror is
// neither translated nor thread-safe.)
std::string read_error(int error, Lang lang) {
  switch (error) {
    case ENOENT: return tr(lang, "文件不存在", "no such file");
    case EACCES: return tr(lang, "没有读取权限", "permission denied");
    case EISDIR: return tr(lang, "这是一个目录，不是文件", "it is a directory, not a file");
    case ELOOP:
      return tr(lang, "符号链接循环（链接最终指向自身）",
                "a symbolic link loop (the link leads back to itself)");
    default: return std::generic_category().message(error);
  }
}

// What a path is when it is not a regular file, for the message.
std::string not_regular(mode_t mode, Lang lang) {
  if (S_ISFIFO(mode))
    return tr(lang, "这是一个命名管道（FIFO），不是普通文件",
              "it is a FIFO (named pipe), not a regular file");
  if (S_ISSOCK(mode)) return tr(lang, "这是一个套接字，不是普通文件", "it is a socket, not a regular file");
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return tr(lang, "这是一个设备，不是普通文件", "it is a device, not a regular file");
  return tr(lang, "不是普通文件", "not a regular file");
}

// Closes a descriptor on every path out of read_file.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Only a regular file is read: a FIFO would block the batch forever and a
// device never ends. O_NONBLOCK keeps open() itself from waiting for a FIFO's
// writer. The size limit is checked before anything is read.
std::optional<std::string> read_file(const std::string& path, Lang lang, std::uint64_t max_size,
                                     std::string& error) {
  const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) {
    error = read_error(errno, lang);
    return std::nullopt;
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) {
    error = read_error(errno, lang);
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode)) {
    error = read_error(EISDIR, lang);
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    error = not_regular(info.st_mode, lang);
    return std::nullopt;
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > max_size) {
    error =
        tr(lang, fmt::format("文件有 {} 字节，超过输入大小上限 {} 字节（--max-input-size）", size, max_size),
           fmt::format("the file has {} bytes, more than the input size limit of {} bytes (--max-input-size)",
                       size, max_size));
    return std::nullopt;
  }
  std::string text;
  text.reserve(static_cast<std::size_t>(size) + detail::json_padding);
  text.resize(static_cast<std::size_t>(size));
  std::size_t length = 0;
  // One read of the size for a file that stays as it is; a file that grows
  // meanwhile is read on to its end, within the limit.
  for (;;) {
    if (length == text.size()) {
      if (text.size() >= max_size) break;
      text.resize(std::min<std::uint64_t>(max_size, text.size() + 65536));
    }
    const ssize_t got = ::read(file.fd, text.data() + length, text.size() - length);
    if (got < 0) {
      if (errno == EINTR) continue;
      error = tr(lang, "读取出错：", "read error: ") + read_error(errno, lang);
      return std::nullopt;
    }
    if (got == 0) break;
    length += static_cast<std::size_t>(got);
  }
  text.resize(length);
  // Zeroed room after the end, so that the fast JSON path reads the text in place.
  text.resize(length + detail::json_padding);
  text.resize(length);
  return text;
}

// A table that an "x-csv" of the schema names, and where its rows go.
struct TableInfo {
  std::string parent_key;           // the column linking a row to its parent ("project_id"), or empty
  std::string where;                // e.g. "/budget/monthly", "/projects/*/targets"
  const SchemaNode* row = nullptr;  // the schema of one row
};

void collect_tables(const SchemaNode& node, const std::string& where,
                    std::map<std::string, TableInfo>& tables, std::set<const SchemaNode*>& seen) {
  if (!seen.insert(&node).second) return;
  if (node.csv) tables.emplace(node.csv->table, TableInfo{node.csv->parent_key, where, node.items});
  for (const auto& property : node.properties) {
    collect_tables(*property.schema, where + "/" + escape_pointer_token(property.name), tables, seen);
  }
  if (node.items != nullptr) collect_tables(*node.items, where + "/*", tables, seen);
}

struct TableSource {
  std::string path;
  SourcePos named_at;      // where the JSON named it, for diagnostics
  bool from_json = false;  // named in the file's "tables" (not on the command line)
  RawNode rows;
  std::vector<bool> used;
  bool loaded = false;
  const TableInfo* info = nullptr;  // what the schema says about it; null when it does not know it
  std::optional<std::unordered_map<std::string, std::vector<std::size_t>>> by_parent;  // parent key → rows
};

class Assembler {
 public:
  Assembler(const Schema& schema, Document& doc, const LoadOptions& options,
            std::vector<Diagnostic>& diagnostics, const detail::TableTexts* already_read)
      : schema_(schema),
        doc_(doc),
        lang_(options.lang),
        max_input_size_(options.max_input_size),
        on_read_(options.on_read),
        diagnostics_(diagnostics),
        already_read_(already_read) {
    std::set<const SchemaNode*> seen;
    collect_tables(schema.root(), "", known_, seen);
  }

  std::map<std::string, TableSource> tables;

  void error(const SourcePos& pos, std::string pointer, std::string message) {
    diagnostics_.push_back(Diagnostic{Diagnostic::Severity::error, doc_.files.at(pos.file), pos.line,
                                      pos.column, std::move(pointer), std::move(message)});
  }

  // A table already read (a workbook's sheet), as if from a CSV file.
  void add_read_table(const std::string& name, RawNode rows) {
    TableSource& table = tables[name];
    table.info = &known_.at(name);
    table.named_at = rows.pos;
    table.used.assign(rows.children.size(), false);
    table.rows = std::move(rows);
    table.loaded = true;
  }

  // Reads the CSV of every named table that the schema knows; warns about the others.
  void load_tables() {
    for (auto& [name, table] : tables) {
      if (table.loaded) continue;  // read from a workbook
      const auto known = known_.find(name);
      if (known == known_.end()) {
        warn_unknown_table(name, table);
        continue;
      }
      table.info = &known->second;
      std::string why;
      std::optional<std::string> text;
      if (already_read_ != nullptr) {
        if (const auto read = already_read_->find(table.path); read != already_read_->end())
          text = read->second;
      }
      if (!text) text = read_file(table.path, lang_, max_input_size_, why);
      if (!text) {
        error(table.named_at, "/tables/" + escape_pointer_token(name),
              tr(lang_, fmt::format("无法读取 CSV 表 {}：{}", table.path, why),
                 fmt::format("cannot read CSV table {}: {}", table.path, why)));
        continue;
      }
      const auto file = static_cast<std::uint32_t>(doc_.files.size());
      doc_.files.push_back(table.path);
      if (on_read_) on_read_(*text);
      table.loaded = detail::parse_csv(*text, table.path, file, lang_, table.rows, diagnostics_) &&
                     has_a_known_column(table);
      table.used.assign(table.rows.children.size(), false);
    }
  }

  // Walks schema and data together, filling arrays that come from CSV tables.
  // Only the parts of the schema that lead to a loaded table are walked: with
  // no table (a JSON-only file) nothing is, and no procurement is ever visited.
  void attach(const SchemaNode& schema, RawNode& raw, const std::string& pointer) {
    if (!leads_to_table(schema)) return;
    if (raw.kind == RawNode::Kind::object) {
      for (const auto& property : schema.properties) {
        const SchemaNode& ps = *property.schema;
        const std::string child_pointer = pointer + "/" + escape_pointer_token(property.name);
        if (ps.csv) fill_from_table(*ps.csv, raw, property.name, child_pointer);
        if (RawNode* child = raw.member(property.name)) attach(ps, *child, child_pointer);
      }
    } else if (raw.kind == RawNode::Kind::array && schema.items != nullptr) {
      for (std::size_t i = 0; i < raw.children.size(); ++i) {
        attach(*schema.items, raw.children[i], pointer + "/" + std::to_string(i));
      }
    }
  }

  // Rows that went nowhere: an error, never a silent drop.
  void report_leftovers() {
    for (auto& [name, table] : tables) {
      if (!table.loaded) continue;
      const std::string& key = table.info->parent_key;
      if (key.empty()) {
        if (std::find(table.used.begin(), table.used.end(), false) == table.used.end()) continue;
        error(
            table.named_at, "/tables/" + escape_pointer_token(name),
            tr(lang_,
               fmt::format("CSV 表 \"{}\"（对应 {}）未载入：其所属的上级对象不存在", name, table.info->where),
               fmt::format(
                   "the CSV table \"{}\" (for {}) was not loaded: the object it belongs in is missing", name,
                   table.info->where)));
        continue;
      }
      for (std::size_t i = 0; i < table.used.size(); ++i) {
        if (table.used[i]) continue;
        const RawNode& row = table.rows.children[i];
        if (const RawNode* cell = row.member(key)) {
          error(
              cell->pos, "",
              tr(lang_, fmt::format("{} \"{}\" 找不到对应的上级记录；该行未载入", key, cell->text),
                 fmt::format("{} \"{}\" matches no parent record; the row was not loaded", key, cell->text)));
        } else {
          error(row.pos, "",
                tr(lang_, fmt::format("该行没有 {}，无法确定上级记录；该行未载入", key),
                   fmt::format("the row has no {}, so it belongs to no parent record; the row was not loaded",
                               key)));
        }
      }
    }
  }

 private:
  // A header none of whose names the rows' schema knows is most likely a data
  // row where the header should be; loading it would only bury that under a
  // "missing field" error for every row.
  bool has_a_known_column(const TableSource& table) {
    const SchemaNode* row = table.info->row;
    if (row == nullptr || row->properties.empty()) return true;
    const auto& names = table.rows.keys;
    if (std::any_of(names.begin(), names.end(), [&](const std::string& n) { return row->property(n); })) {
      return true;
    }
    const std::string comma = tr(lang_, "、", ", ");
    std::string first;
    for (std::size_t i = 0; i < names.size() && i < 3; ++i) {
      first += (i > 0 ? comma : "") + "\"" + names[i] + "\"";
    }
    if (names.size() > 3) first += comma + "…";
    const SourcePos header = table.rows.pos;
    diagnostics_.push_back(Diagnostic{
        Diagnostic::Severity::error, doc_.files.at(header.file), header.line, header.column, "",
        tr(lang_, fmt::format("第一行（{}）中没有该表的字段名：第一行应为表头（是否缺少表头行？）", first),
           fmt::format("the first row ({}) has no field name of this table: it must be the header "
                       "(is the header missing?)",
                       first))});
    return false;
  }

  void warn_unknown_table(const std::string& name, const TableSource& table) {
    // A name in the file's "tables" that its schema does not allow is reported
    // by validation already (unknown field); say it once.
    const SchemaNode* named = schema_.root().property("tables");
    if (table.from_json && named != nullptr && !named->additional_allowed && named->property(name) == nullptr)
      return;
    diagnostics_.push_back(
        Diagnostic{Diagnostic::Severity::warning, doc_.files.at(table.named_at.file), table.named_at.line,
                   table.named_at.column, "/tables/" + escape_pointer_token(name),
                   tr(lang_, fmt::format("schema 中没有名为 \"{}\" 的表；未读取该 CSV", name),
                      fmt::format("the schema has no table \"{}\"; the CSV was not read", name))});
  }

  void fill_from_table(const SchemaNode::CsvSource& csv, RawNode& parent, const std::string& field,
                       const std::string& pointer) {
    auto it = tables.find(csv.table);
    if (it == tables.end()) return;
    TableSource& table = it->second;
    if (!table.loaded) return;
    std::string parent_value;
    if (!csv.parent_key.empty()) {
      const RawNode* key = parent.member(csv.parent_field);
      if (key == nullptr) return;  // a parent without its key field: reported by validation
      parent_value = key->text;
    }
    RawNode array;
    array.kind = RawNode::Kind::array;
    array.pos = table.rows.pos;
    auto take = [&](std::size_t i) {
      table.used[i] = true;  // reported below if it cannot go here either
      array.children.push_back(table.rows.children[i]);
    };
    if (csv.parent_key.empty()) {
      for (std::size_t i = 0; i < table.rows.children.size(); ++i) take(i);
    } else {
      if (!table.by_parent) {
        // Rows by parent key, built once: matching each parent by a scan of
        // every row would be quadratic in a large department.
        table.by_parent.emplace();
        for (std::size_t i = 0; i < table.rows.children.size(); ++i) {
          if (const RawNode* key = table.rows.children[i].member(csv.parent_key)) {
            (*table.by_parent)[key->text].push_back(i);
          }
        }
      }
      if (const auto rows = table.by_parent->find(parent_value); rows != table.by_parent->end()) {
        for (const std::size_t i : rows->second) take(i);
      }
    }
    if (const RawNode* existing = parent.member(field)) {
      if (array.children.empty() && !csv.parent_key.empty()) return;  // no rows for this parent: no conflict
      error(existing->pos, pointer,
            tr(lang_, fmt::format("\"{}\" 同时出现在 JSON 和 CSV 表 {} 中；只能在一处提供", field, csv.table),
               fmt::format("\"{}\" is given both in the JSON and in the CSV table {}; give it in one place",
                           field, csv.table)));
      return;
    }
    parent.keys.push_back(field);
    parent.children.push_back(std::move(array));
  }

  bool leads_to_table(const SchemaNode& node) {
    return detail::leads_to_table(
        node,
        [this](const std::string& name) {
          const auto it = tables.find(name);
          return it != tables.end() && it->second.loaded;
        },
        leads_);
  }

  const Schema& schema_;
  std::unordered_map<const SchemaNode*, bool> leads_;
  std::map<std::string, TableInfo> known_;
  Document& doc_;
  Lang lang_;
  std::uint64_t max_input_size_;
  const std::function<void(std::string_view)>& on_read_;
  std::vector<Diagnostic>& diagnostics_;
  const detail::TableTexts* already_read_;
};

}  // namespace

bool LoadResult::ok() const {
  if (!document) return false;
  return std::none_of(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; });
}

namespace detail {

namespace {

// collect_tables without the paths it builds for messages: the node of each
// table, the first met in the same walk. (A third of the fast path's time
// went to those paths.)
void find_table_nodes(const SchemaNode& node, std::unordered_map<std::string_view, const SchemaNode*>& tables,
                      std::unordered_set<const SchemaNode*>& seen) {
  if (!seen.insert(&node).second) return;
  if (node.csv) tables.emplace(node.csv->table, &node);
  for (const auto& property : node.properties) find_table_nodes(*property.schema, tables, seen);
  if (node.items != nullptr) find_table_nodes(*node.items, tables, seen);
}

// The tables the root's "tables" names, typed and attached to `root` by the
// fast path; false when it gives up. Files are read in the exact path's order
// (by table name), and none before every name is known to the schema.
bool attach_named_tables(const Schema& schema, Value& root, const std::string& base_dir, Document& doc,
                         TableTexts& texts, std::uint64_t max_size) {
  const Value* named = root.find("tables");
  if (named == nullptr) return true;
  if (named->kind() != Value::Kind::object) return false;
  std::map<std::string, std::string> paths;  // table → path, in the Assembler's order
  for (const Value::Member& table : named->as_object()) {
    if (table.value.kind() != Value::Kind::string) return false;
    paths[table.key] = (std::filesystem::path(base_dir) / table.value.as_string()).string();
  }
  std::unordered_map<std::string_view, const SchemaNode*> known;
  std::unordered_set<const SchemaNode*> seen;
  find_table_nodes(schema.root(), known, seen);
  std::vector<FastTableSource> sources;
  for (const auto& [name, path] : paths) {
    const auto node = known.find(name);
    if (node == known.end()) return false;  // a warning on the exact path
    sources.push_back(FastTableSource{name,
                                      node->second->items,
                                      node->second->csv->parent_key,
                                      {},
                                      static_cast<std::uint32_t>(doc.files.size() + sources.size())});
  }
  std::size_t i = 0;
  for (const auto& [name, path] : paths) {
    auto it = texts.find(path);
    if (it == texts.end()) {
      std::string why;
      std::optional<std::string> text = read_file(path, Lang::en, max_size, why);
      if (!text) return false;  // an error on the exact path
      it = texts.emplace(path, std::move(*text)).first;
    }
    sources[i++].text = it->second;
  }
  try {
    attach_tables_fast(schema.root(), root, sources);
  } catch (const FastPathGiveUp&) {
    return false;
  }
  for (const auto& [name, path] : paths) doc.files.push_back(path);
  return true;
}

}  // namespace

std::optional<LoadResult> load_fast(const Schema& schema, std::string_view text, const std::string& name,
                                    const std::string& base_dir, const LoadOptions& options, bool padded,
                                    TableTexts* read) {
  if (!options.tables.empty()) return std::nullopt;  // tables from the command line are the exact path's job
  std::optional<Value> root = parse_json_typed(text, schema.root(), 0, padded, true);
  if (!root) return std::nullopt;
  auto doc = std::make_shared<Document>();
  doc->files.push_back(name);
  TableTexts local;
  TableTexts& texts = read != nullptr ? *read : local;
  if (!attach_named_tables(schema, *root, base_dir, *doc, texts, options.max_input_size)) return std::nullopt;
  // Only now that the fast path holds, in Document::files order: on giving up,
  // the exact path reports each file it reads instead.
  if (options.on_read) {
    for (std::size_t f = 1; f < doc->files.size(); ++f) options.on_read(texts.at(doc->files[f]));
  }
  doc->root = std::move(*root);
  LoadResult result;
  result.document = std::move(doc);
  return result;
}

LoadResult load_exact(const Schema& schema, std::string_view text, const std::string& name,
                      const std::string& base_dir, const LoadOptions& options,
                      const TableTexts* already_read) {
  LoadResult result;
  auto doc = std::make_shared<Document>();
  doc->files.push_back(name);
  RawNode raw;
  if (!detail::parse_json(text, name, 0, options.lang, raw, result.diagnostics)) {
    sort_diagnostics(result.diagnostics);
    return result;
  }

  Assembler assembler(schema, *doc, options, result.diagnostics, already_read);
  if (const RawNode* named = raw.member("tables"); named != nullptr && named->kind == RawNode::Kind::object) {
    for (std::size_t i = 0; i < named->keys.size(); ++i) {
      if (named->children[i].kind != RawNode::Kind::string) continue;  // the schema reports the type
      const std::filesystem::path path = std::filesystem::path(base_dir) / named->children[i].text;
      TableSource& table = assembler.tables[named->keys[i]];
      table.path = path.string();
      table.named_at = named->children[i].pos;
      table.from_json = true;
    }
  }
  for (const auto& [table_name, table_path] : options.tables) {
    TableSource& table = assembler.tables[table_name] = TableSource{};
    table.path = table_path;
    table.named_at = raw.pos;
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

namespace {

// The fast path, else the exact one, which reuses the tables the fast path read.
// `padded`: the text has json_padding readable bytes after its end.
LoadResult load_either(const Schema& schema, std::string_view text, const std::string& name,
                       const std::string& base_dir, const LoadOptions& options, bool padded) {
  TableTexts tables_read;
  if (auto fast = load_fast(schema, text, name, base_dir, options, padded, &tables_read))
    return std::move(*fast);
  return load_exact(schema, text, name, base_dir, options, &tables_read);
}

}  // namespace

}  // namespace detail

LoadResult load_department_text(const Schema& schema, std::string_view text, const std::string& name,
                                const std::string& base_dir, const LoadOptions& options) {
  return detail::load_either(schema, text, name, base_dir, options, false);
}

namespace {

// A workbook by its first bytes (a zip, or an OLE file: .xls or encrypted) or its name.
bool is_workbook(const std::string& path, std::string_view bytes) {
  const std::string extension = std::filesystem::path(path).extension().string();
  return bytes.starts_with("PK\3\4") || bytes.starts_with("\xD0\xCF\x11\xE0") || extension == ".xlsx" ||
         extension == ".xlsm" || extension == ".xls";
}

// A workbook (docs/data-format.md, "Excel workbook"): its sheets mapped onto the
// same untyped tree as JSON and CSV give, then the same Assembler and Converter.
// Diagnostics in a sheet cite its cell (采购!F12) and the column's header.
LoadResult load_workbook(const Schema& schema, const std::string& path, const LoadOptions& options) {
  LoadResult result;
  detail::Workbook workbook;
  try {
    workbook = detail::read_xlsx(path, options.lang);
  } catch (const detail::XlsxError& e) {
    result.diagnostics.push_back(Diagnostic{Diagnostic::Severity::error, path, 0, 0, "", e.what()});
    return result;
  }
  auto doc = std::make_shared<Document>();
  doc->files.push_back(path);
  detail::WorkbookTables mapped =
      detail::workbook_to_raw(workbook, schema, path, doc->files, options.lang, result.diagnostics);
  Assembler assembler(schema, *doc, options, result.diagnostics, nullptr);
  for (auto& [name, rows] : mapped.tables) assembler.add_read_table(name, std::move(rows));
  for (const auto& [table_name, table_path] : options.tables) {
    TableSource& table = assembler.tables[table_name] = TableSource{};
    table.path = table_path;
    table.named_at = mapped.root.pos;
  }
  assembler.load_tables();
  assembler.attach(schema.root(), mapped.root, "");
  assembler.report_leftovers();
  detail::Converter converter(doc->files, options.lang, result.diagnostics);
  doc->root = converter.convert(mapped.root, &schema.root(), "");
  // A position in a sheet: the workbook's name, the sheet and the cell, and the column's header.
  for (Diagnostic& d : result.diagnostics) {
    for (const auto& [file, sheet] : mapped.sheets) {
      if (d.file == doc->files[file]) {
        d.file = path;
        d.sheet = sheet.name;
      }
      if (d.sheet != sheet.name || d.line == 0) continue;
      if (const auto header = sheet.headers.find(d.column); header != sheet.headers.end()) {
        d.message = tr(options.lang, fmt::format("“{}”列：{}", header->second, d.message),
                       fmt::format("column \"{}\": {}", header->second, d.message));
      }
      break;
    }
  }
  sort_diagnostics(result.diagnostics);
  result.document = std::move(doc);
  return result;
}

}  // namespace

LoadResult load_department(const Schema& schema, const std::string& path, const LoadOptions& options) {
  std::string why;
  const auto text = read_file(path, options.lang, options.max_input_size, why);
  if (!text) {
    LoadResult result;
    result.diagnostics.push_back(
        Diagnostic{Diagnostic::Severity::error, path, 0, 0, "",
                   tr(options.lang, "无法读取文件：" + why, "cannot read the file: " + why)});
    return result;
  }
  if (options.on_read) options.on_read(*text);
  if (is_workbook(path, *text)) return load_workbook(schema, path, options);
  const std::string base_dir = std::filesystem::path(path).parent_path().string();
  // read_file left the padding the fast path needs to read the text in place.
  return detail::load_either(schema, *text, path, base_dir, options, true);
}

}  // namespace jx::data
