// CSV table to RawNode through libcsv (RFC 4180, strict quoting). The first
// row is the header; each later row becomes an object keyed by it, with cells
// kept as text for the schema to type. Empty unquoted cells are absent fields.
#include <csv.h>
#include <utf8proc.h>

#include <fmt/format.h>

#include "data/raw.hpp"

namespace jx::data::detail {
namespace {

struct Table {
  std::vector<std::vector<std::optional<std::string>>> rows;
  std::vector<std::optional<std::string>> current;
};

void on_field(void* text, std::size_t length, void* data) {
  auto& table = *static_cast<Table*>(data);
  if (text == nullptr) {
    table.current.emplace_back(std::nullopt);
  } else {
    table.current.emplace_back(std::string(static_cast<const char*>(text), length));
  }
}

void on_row(int, void* data) {
  auto& table = *static_cast<Table*>(data);
  table.rows.push_back(std::move(table.current));
  table.current.clear();
}

// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                    static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) return i;
    i += static_cast<std::size_t>(n);
  }
  return std::string_view::npos;
}

}  // namespace

bool parse_csv(std::string_view text, std::string_view file_name, std::uint32_t file, Lang lang, RawNode& out,
               std::vector<Diagnostic>& diagnostics) {
  const LineIndex lines(text);
  auto error_at = [&](SourcePos pos, std::string message) {
    diagnostics.push_back(Diagnostic{Diagnostic::Severity::error, std::string(file_name), pos.line,
                                     pos.column, "", std::move(message)});
    return false;
  };
  std::size_t base = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") base = 3;  // Excel's BOM
  if (const auto bad = invalid_utf8_at(text.substr(base)); bad != std::string_view::npos) {
    return error_at(lines.locate(base + bad, file), tr(lang, "不是有效的 UTF-8 文本（CSV 应以 UTF-8 保存）",
                                                       "invalid UTF-8 (save the CSV as UTF-8)"));
  }

  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0) {
    return error_at({file, 0, 0}, "csv_init failed");
  }
  Table table;
  const std::string_view body = text.substr(base);
  const std::size_t used = csv_parse(&parser, body.data(), body.size(), on_field, on_row, &table);
  int status = used == body.size() ? csv_fini(&parser, on_field, on_row, &table) : -1;
  if (status != 0) {
    const std::size_t offset = base + std::min(used, body.size());
    csv_free(&parser);
    return error_at(lines.locate(offset, file),
                    tr(lang, "CSV 格式错误：引号不匹配或引号后有多余字符（RFC 4180）",
                       "malformed CSV: unbalanced quotes or text after a closing quote (RFC 4180)"));
  }
  csv_free(&parser);

  if (table.rows.empty()) {
    return error_at({file, 1, 1}, tr(lang, "CSV 文件为空：第一行应为表头（字段名）",
                                     "empty CSV file: the first row must be a header of field names"));
  }
  const auto& header = table.rows.front();
  std::vector<std::string> names;
  bool ok = true;
  for (std::size_t c = 0; c < header.size(); ++c) {
    const SourcePos pos{file, 1, static_cast<std::uint32_t>(c + 1)};
    if (!header[c] || header[c]->empty()) {
      ok = error_at(pos, tr(lang, fmt::format("表头第 {} 列没有字段名", c + 1),
                            fmt::format("header column {} has no field name", c + 1)));
    } else if (std::find(names.begin(), names.end(), *header[c]) != names.end()) {
      ok = error_at(pos, tr(lang, fmt::format("表头中字段名 \"{}\" 重复", *header[c]),
                            fmt::format("field name \"{}\" appears twice in the header", *header[c])));
    }
    names.push_back(header[c].value_or(""));
  }

  out.kind = RawNode::Kind::array;
  out.pos = {file, 1, 1};
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const auto& cells = table.rows[r];
    const auto row = static_cast<std::uint32_t>(r + 1);
    if (cells.size() != names.size()) {
      ok = error_at(
          {file, row, 1},
          tr(lang, fmt::format("第 {} 行有 {} 个字段，表头有 {} 个", row, cells.size(), names.size()),
             fmt::format("row {} has {} fields; the header has {}", row, cells.size(), names.size())));
      continue;
    }
    RawNode& object = out.children.emplace_back();
    object.kind = RawNode::Kind::object;
    object.from_csv = true;
    object.pos = {file, row, 1};
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (!cells[c]) continue;  // empty cell: the field is absent
      object.keys.push_back(names[c]);
      RawNode& cell = object.children.emplace_back();
      cell.kind = RawNode::Kind::string;
      cell.from_csv = true;
      cell.text = *cells[c];
      cell.pos = {file, row, static_cast<std::uint32_t>(c + 1)};
    }
  }
  return ok;
}

}  // namespace jx::data::detail
