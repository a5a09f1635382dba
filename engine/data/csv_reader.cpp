// CSV table to RawNode through libcsv (RFC 4180, strict quoting). The first
// row is the header; each later row becomes an object keyed by it, with cells
// kept as text for the schema to type. Empty unquoted cells are absent fields.
//
// Positions are line:column where the line is the line of the file on which a
// cell starts (the Excel row, unless a cell above holds a line break) and the
// column is the cell's number in its row (1 = Excel column A). libcsv is fed one
// line at a time so that every cell knows the line it started on.
#include <csv.h>

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "data/encoding.hpp"
#include "data/raw.hpp"

namespace jx::data::detail {
namespace {

struct Cell {
  std::optional<std::string> text;  // nullopt: an empty unquoted cell
  std::uint32_t line = 0;
};

struct Table {
  std::vector<std::vector<Cell>> rows;
  std::vector<Cell> current;
  std::uint32_t line = 0;        // the line being fed to libcsv
  std::uint32_t next_start = 0;  // the line the next cell starts on; 0 between rows
};

void on_field(void* text, std::size_t length, void* data) {
  auto& table = *static_cast<Table*>(data);
  Cell cell;
  if (text != nullptr) cell.text.emplace(static_cast<const char*>(text), length);
  cell.line = table.next_start != 0 ? table.next_start : table.line;
  table.current.push_back(std::move(cell));
  // The next cell starts right after the delimiter that ended this one.
  table.next_start = table.line;
}

void on_row(int, void* data) {
  auto& table = *static_cast<Table*>(data);
  table.rows.push_back(std::move(table.current));
  table.current.clear();
  table.next_start = 0;
}

// libcsv skips lines of only spaces and tabs, as it skips empty lines.
bool blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

bool parse_csv(std::string_view text, std::string_view file_name, std::uint32_t file, Lang lang, RawNode& out,
               std::vector<Diagnostic>& diagnostics) {
  auto error_at = [&](std::uint32_t line, std::size_t column, std::string message) {
    diagnostics.push_back(Diagnostic{Diagnostic::Severity::error, std::string(file_name), line,
                                     static_cast<std::uint32_t>(column), "", std::move(message)});
    return false;
  };
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // Excel's BOM
  // Not UTF-8 but GB18030 (GBK): what Excel's plain "CSV" is on a Chinese
  // Windows. Read, with a warning, since a guessed encoding deserves a look.
  // Lines and cells stay where they were, so positions are unchanged.
  std::optional<std::string> converted;
  if (!valid_utf8(text)) converted = gb18030_to_utf8(text);
  if (converted) {
    text = *converted;
    diagnostics.push_back(Diagnostic{
        Diagnostic::Severity::warning, std::string(file_name), 0, 0, "",
        tr(lang,
           "该 CSV 不是 UTF-8 编码，已按 GB18030（GBK）编码读取；请核对其中文字，或在 Excel 中另存为“CSV "
           "UTF-8”",
           "the CSV is not UTF-8; it was read as GB18030 (GBK): check its text, or save it as \"CSV UTF-8\" "
           "in Excel")});
  }

  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL) != 0) {
    return error_at(0, 0, "csv_init failed");
  }
  Table table;
  bool parsed = true;
  std::size_t start = 0;
  while (start < text.size() && parsed) {
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
    const std::string_view line = text.substr(start, end - start);
    ++table.line;
    if (table.next_start == 0 && !blank(line)) table.next_start = table.line;
    parsed = csv_parse(&parser, line.data(), line.size(), on_field, on_row, &table) == line.size();
    start = end;
  }
  const bool finished = parsed && csv_fini(&parser, on_field, on_row, &table) == 0;
  csv_free(&parser);
  if (!finished) {
    // The cell being read when libcsv gave up: its line and its number in the row.
    const std::uint32_t line = table.next_start != 0 ? table.next_start : table.line;
    const std::size_t column = table.current.size() + 1;
    if (!parsed) {
      return error_at(
          line, column,
          tr(lang, "CSV 格式错误：未加引号的单元格中有双引号，或右引号后还有字符（RFC 4180）",
             "malformed CSV: a '\"' inside an unquoted cell, or text after a closing quote (RFC 4180)"));
    }
    return error_at(line, column,
                    tr(lang, "CSV 格式错误：该单元格以双引号开始，但直到文件末尾都没有对应的右引号",
                       "malformed CSV: this cell opens a quote that is never closed"));
  }

  // Encoding is checked per cell, so that the message can say which cell; one
  // such error is enough (a GBK file would have one in every Chinese cell).
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (row[c].text && !valid_utf8(*row[c].text)) {
        return error_at(
            row[c].line, c + 1,
            tr(lang,
               "既不是有效的 UTF-8 文本，也不是 GB18030（GBK）：CSV 应以 UTF-8 编码保存（Excel 中选择“CSV "
               "UTF-8”）",
               "neither valid UTF-8 nor GB18030 (GBK): save the CSV as UTF-8 (in Excel: \"CSV UTF-8\")"));
      }
    }
  }

  if (table.rows.empty()) {
    return error_at(1, 1,
                    tr(lang, "CSV 文件为空：第一行应为表头（字段名）",
                       "empty CSV file: the first row must be a header of field names"));
  }
  const auto& header = table.rows.front();
  std::vector<std::string> names;
  bool ok = true;
  for (std::size_t c = 0; c < header.size(); ++c) {
    const auto& name = header[c].text;
    if (!name || name->empty()) {
      ok = error_at(header[c].line, c + 1,
                    tr(lang, fmt::format("表头第 {} 列没有字段名", c + 1),
                       fmt::format("header column {} has no field name", c + 1)));
    } else if (std::find(names.begin(), names.end(), *name) != names.end()) {
      ok = error_at(header[c].line, c + 1,
                    tr(lang, fmt::format("表头中字段名 \"{}\" 重复", *name),
                       fmt::format("field name \"{}\" appears twice in the header", *name)));
    }
    names.push_back(name.value_or(""));
  }

  out.kind = RawNode::Kind::array;
  out.pos = {file, header.front().line, 1};
  out.keys = names;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const auto& cells = table.rows[r];
    const std::uint32_t line = cells.front().line;
    if (cells.size() != names.size()) {
      ok = error_at(line, 1,
                    tr(lang, fmt::format("该行有 {} 个单元格，表头有 {} 个", cells.size(), names.size()),
                       fmt::format("the row has {} {}; the header has {}", cells.size(),
                                   cells.size() == 1 ? "cell" : "cells", names.size())));
      continue;
    }
    RawNode& object = out.children.emplace_back();
    object.kind = RawNode::Kind::object;
    object.from_csv = true;
    object.header_line = header.front().line;
    object.pos = {file, line, 1};
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (!cells[c].text) continue;  // empty cell: the field is absent
      object.keys.push_back(names[c]);
      RawNode& cell = object.children.emplace_back();
      cell.kind = RawNode::Kind::string;
      cell.from_csv = true;
      cell.text = *cells[c].text;
      cell.pos = {file, cells[c].line, static_cast<std::uint32_t>(c + 1)};
    }
  }
  return ok;
}

}  // namespace jx::data::detail
