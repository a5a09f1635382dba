#include "data/xlsx_department.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <set>

namespace jx::data::detail {

namespace {

std::string trim(std::string s) {
  auto blank = [](std::string_view t) {
    return t.starts_with(" ") || t.starts_with("\t") || t.starts_with("　");
  };
  while (blank(s)) s.erase(0, s.starts_with("　") ? 3 : 1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.pop_back();
  while (s.ends_with("　")) s.resize(s.size() - 3);
  return s;
}

// A header's text without a required-column mark ("*采购项目名称", "采购项目名称＊").
std::string header_text(std::string s) {
  s = trim(std::move(s));
  for (const std::string mark : {"*", "＊"}) {
    if (s.starts_with(mark)) s = trim(s.substr(mark.size()));
    if (s.ends_with(mark)) s = trim(s.substr(0, s.size() - mark.size()));
  }
  return s;
}

// The field whose title or one of whose aliases ("x-aliases": 合同签订时间 for
// 合同签订日期, as a budget system exports it) is `text`; "" if none.
std::string titled(const SchemaNode& row, const std::string& text) {
  for (const auto& p : row.properties)
    if (p.schema->title == text) return p.name;
  for (const auto& p : row.properties)
    if (std::find(p.schema->aliases.begin(), p.schema->aliases.end(), text) != p.schema->aliases.end())
      return p.name;
  return {};
}

// The field a header names: the field's name, its title or an alias, or
// "title（name）" / "title(name)".
std::string match_column(const SchemaNode& row, const std::string& raw_header) {
  const std::string header = header_text(raw_header);
  if (row.property(header) != nullptr) return header;
  if (std::string name = titled(row, header); !name.empty()) return name;
  for (const auto& [open, close] : {std::pair{"（", "）"}, std::pair{"(", ")"}}) {
    const auto at = header.find(open);
    if (at == std::string::npos || !header.ends_with(close)) continue;
    const std::string inner = trim(
        header.substr(at + std::strlen(open), header.size() - at - std::strlen(open) - std::strlen(close)));
    if (row.property(inner) != nullptr) return inner;
    if (std::string name = titled(row, trim(header.substr(0, at))); !name.empty()) return name;
  }
  return header;  // unknown: kept, and reported as an unknown column
}

struct Table {
  std::string name;
  const SchemaNode* row = nullptr;
  std::set<std::string> sheet_names;
};

void collect(const SchemaNode& node, std::vector<Table>& tables, std::set<const SchemaNode*>& seen) {
  if (!seen.insert(&node).second) return;
  if (node.csv && node.items != nullptr) {
    Table t{node.csv->table, node.items, {node.csv->table}};
    if (!node.csv->sheet.empty()) t.sheet_names.insert(node.csv->sheet);
    if (!node.title.empty()) t.sheet_names.insert(node.title);
    tables.push_back(std::move(t));
  }
  for (const auto& p : node.properties) collect(*p.schema, tables, seen);
  if (node.items != nullptr) collect(*node.items, tables, seen);
}

class Mapper {
 public:
  Mapper(const std::string& path, std::vector<std::string>& files, Lang lang,
         std::vector<Diagnostic>& diagnostics, WorkbookTables& out)
      : path_(path), files_(files), lang_(lang), diagnostics_(diagnostics), out_(out) {}

  void message(Diagnostic::Severity severity, const std::string& sheet, std::uint32_t row,
               std::uint32_t column, std::string zh, std::string en) {
    Diagnostic d{severity, path_, row, column, "", tr(lang_, std::move(zh), std::move(en))};
    d.sheet = sheet;
    diagnostics_.push_back(std::move(d));
  }

  std::uint32_t add_file(const XlsxSheet& sheet) {
    const auto index = static_cast<std::uint32_t>(files_.size());
    files_.push_back(path_ + ":" + sheet.name);
    out_.sheets[index].name = sheet.name;
    return index;
  }

  // The cell's text as the Converter reads it, by the schema of its field
  // (null: unknown); nullopt when the cell gives no value (reported).
  std::optional<std::string> value(const XlsxCell& cell, const SchemaNode* field, const std::string& sheet) {
    switch (cell.kind) {
      case XlsxCell::Kind::number:
        return shown_decimal(excel_precision(plain_decimal(cell.text)), cell.shown_decimals);
      case XlsxCell::Kind::error:
        message(Diagnostic::Severity::error, sheet, cell.row, cell.column,
                fmt::format("单元格是错误值 {}{}", cell.text, cell.formula ? "（公式的计算结果）" : ""),
                fmt::format("the cell holds the error value {}{}", cell.text,
                            cell.formula ? " (a formula's result)" : ""));
        return std::nullopt;
      case XlsxCell::Kind::no_value:
        message(
            Diagnostic::Severity::error, sheet, cell.row, cell.column,
            "公式没有保存计算结果：请在 Excel 或 WPS 中打开该工作簿、重新计算并保存后再检查",
            "the formula has no saved result: open the workbook in Excel or WPS, recalculate and save it, "
            "then check again");
        return std::nullopt;
      case XlsxCell::Kind::text: {
        if (field != nullptr && field->format == SchemaNode::Format::date) return iso_date(trim(cell.text));
        return cell.text;
      }
      default: return cell.text;
    }
  }

  void table_sheet(const XlsxSheet& sheet, const Table& table) {
    const std::uint32_t file = add_file(sheet);
    auto& headers = out_.sheets[file].headers;
    RawNode rows;
    rows.kind = RawNode::Kind::array;
    std::map<std::uint32_t, std::string> fields;  // column → field name
    std::uint32_t header_row = 0;
    RawNode* object = nullptr;
    std::uint32_t object_row = 0;
    for (const XlsxCell& cell : sheet.cells) {
      if (header_row == 0) header_row = cell.row;  // the first row with a cell
      if (cell.row == header_row) {
        const std::string name = match_column(*table.row, cell.text);
        if (name.empty()) continue;
        if (std::any_of(fields.begin(), fields.end(), [&](const auto& f) { return f.second == name; })) {
          message(Diagnostic::Severity::error, sheet.name, cell.row, cell.column,
                  fmt::format("表头中字段 \"{}\" 重复（“{}”）", name, cell.text),
                  fmt::format("the field \"{}\" appears twice in the header (\"{}\")", name, cell.text));
          continue;
        }
        fields[cell.column] = name;
        headers[cell.column] = header_text(cell.text);
        continue;
      }
      const auto field = fields.find(cell.column);
      if (field == fields.end()) continue;  // a cell under no header: a note beside the table
      const SchemaNode* schema = table.row->property(field->second);
      std::optional<std::string> text = value(cell, schema, sheet.name);
      if (!text || text->empty()) continue;
      const bool none = schema != nullptr && schema->allows(SchemaNode::array) &&
                        !schema->allows(SchemaNode::string) && trim(*text) == "无";
      if (object_row != cell.row) {
        object = &rows.children.emplace_back();
        object->kind = RawNode::Kind::object;
        object->from_csv = true;
        object->header_line = header_row;
        object->pos = {file, cell.row, 0};  // the whole row (采购!2:2)
        object_row = cell.row;
      }
      object->keys.push_back(field->second);
      RawNode& node = object->children.emplace_back();
      node.pos = {file, cell.row, cell.column};
      if (none) {  // 无: an empty list, as in 基本信息
        node.kind = RawNode::Kind::array;
        continue;
      }
      node.kind = RawNode::Kind::string;
      node.from_csv = true;
      node.text = std::move(*text);
    }
    rows.pos = {file, header_row == 0 ? 1 : header_row, 1};
    rows.keys.clear();
    for (const auto& [column, name] : fields) rows.keys.push_back(name);
    // A first row that names no field of the table (the data starts at row 1, a
    // title above the header, another system's names): one error, not a
    // warning per unknown column and an error per row.
    const bool known = std::any_of(fields.begin(), fields.end(),
                                   [&](const auto& f) { return table.row->property(f.second) != nullptr; });
    if (!known) {
      message(Diagnostic::Severity::error, sheet.name, header_row == 0 ? 1 : header_row, 1,
              fmt::format("工作表“{}”第一行没有该表的列名（如“{}”）：第一行应为表头", sheet.name,
                          table.row->properties.empty() ? "" : table.row->properties.front().schema->title),
              fmt::format("the first row of sheet \"{}\" names no column of this table (such as \"{}\"): it "
                          "must be the header",
                          sheet.name,
                          table.row->properties.empty() ? "" : table.row->properties.front().schema->title));
      return;
    }
    out_.tables[table.name] = std::move(rows);
  }

  // 基本信息: a header row with 字段 (a JSON pointer, or its segments joined by
  // '.') and 值; other columns (名称, 说明) are for people.
  void header_sheet(const XlsxSheet& sheet, const Schema& schema) {
    const std::uint32_t file = add_file(sheet);
    out_.root.kind = RawNode::Kind::object;
    out_.root.pos = {file, 1, 1};
    std::uint32_t header_row = 0, key_column = 0, value_column = 0;
    std::map<std::uint32_t, const XlsxCell*> keys;  // row → its key cell
    for (const XlsxCell& cell : sheet.cells) {
      if (header_row == 0) header_row = cell.row;
      if (cell.row == header_row) {
        const std::string h = header_text(cell.text);
        if (h == "字段" || h == "field") key_column = cell.column;
        if (h == "值" || h == "value") value_column = cell.column;
        continue;
      }
      if (cell.column == key_column) keys[cell.row] = &cell;
      if (cell.column != value_column || key_column == 0) continue;
      const auto key = keys.find(cell.row);
      if (key == keys.end()) {
        message(Diagnostic::Severity::error, sheet.name, cell.row, cell.column,
                "该行有值但没有字段名（“字段”列为空）",
                "the row has a value but no field name (the \"field\" column is empty)");
        continue;
      }
      put(*key->second, cell, schema, file, sheet.name);
    }
    if (key_column == 0 || value_column == 0) {
      message(Diagnostic::Severity::error, sheet.name, header_row == 0 ? 1 : header_row, 1,
              fmt::format("工作表“{}”的第一行应为表头“字段”“名称”“值”", sheet.name),
              fmt::format(
                  "the first row of sheet \"{}\" must be the header 字段 (field), 名称 (name), 值 (value)",
                  sheet.name));
    }
  }

 private:
  // Sets the value at the key's pointer, creating the objects and arrays on the way.
  void put(const XlsxCell& key, const XlsxCell& cell, const Schema& schema, std::uint32_t file,
           const std::string& sheet) {
    std::vector<std::string> segments;
    std::string k = trim(key.text);
    const char separator = k.starts_with('/') ? '/' : '.';
    if (separator == '/') k.erase(0, 1);
    for (std::size_t start = 0;;) {
      const auto end = k.find(separator, start);
      std::string segment = k.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (separator == '/') {
        for (std::size_t at; (at = segment.find("~1")) != std::string::npos;) segment.replace(at, 2, "/");
        for (std::size_t at; (at = segment.find("~0")) != std::string::npos;) segment.replace(at, 2, "~");
      }
      segments.push_back(std::move(segment));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    RawNode* node = &out_.root;
    RawNode* parent = nullptr;
    bool added = false;
    const SchemaNode* s = &schema.root();
    const SourcePos pos{file, cell.row, cell.column};
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const std::string& segment = segments[i];
      const bool last = i + 1 == segments.size();
      const SchemaNode* child_schema = nullptr;
      if (node->kind == RawNode::Kind::array) {
        char* end = nullptr;
        const unsigned long index = std::strtoul(segment.c_str(), &end, 10);
        if (segment.empty() || *end != '\0' || index > node->children.size()) {
          message(
              Diagnostic::Severity::error, sheet, key.row, key.column,
              fmt::format("字段 \"{}\" 中的序号 \"{}\" 无效：应为 0 到 {} 的整数（列表项依次编号）", key.text,
                          segment, node->children.size()),
              fmt::format("the index \"{}\" in the field \"{}\" is not valid: expected a whole number from 0 "
                          "to {} (list items numbered in turn)",
                          segment, key.text, node->children.size()));
          return;
        }
        child_schema = s != nullptr ? s->items : nullptr;
        added = index == node->children.size();
        if (added) node->children.emplace_back().pos = pos;
        parent = node;
        node = &node->children[index];
      } else {
        child_schema = s != nullptr ? s->property(segment) : nullptr;
        if (s != nullptr && child_schema == nullptr && s->additional != nullptr) child_schema = s->additional;
        RawNode* existing = node->member(segment);
        if (existing != nullptr && last) {
          message(Diagnostic::Severity::error, sheet, key.row, key.column,
                  fmt::format("字段 \"{}\" 出现了两次", key.text),
                  fmt::format("the field \"{}\" is given twice", key.text));
          return;
        }
        added = existing == nullptr;
        if (added) {
          node->keys.push_back(segment);
          existing = &node->children.emplace_back();
          existing->pos = pos;
        }
        parent = node;
        node = existing;
      }
      s = child_schema;
      if (last) {
        std::optional<std::string> text = value(cell, s, sheet);
        if (!text) {  // reported: the field is left out, not made null
          if (added && parent->kind == RawNode::Kind::object) parent->keys.pop_back();
          if (added) parent->children.pop_back();
          return;
        }
        node->pos = pos;
        // An empty list has no items to number: "无" (or "[]") says so, as
        // `"income_remittances": []` does in JSON (none, which is not "not stated").
        const std::string written = trim(*text);
        if (s != nullptr && s->allows(SchemaNode::array) && !s->allows(SchemaNode::string) &&
            (written == "无" || written == "[]")) {
          node->kind = RawNode::Kind::array;
          return;
        }
        node->kind = RawNode::Kind::string;
        node->from_csv = true;
        node->text = std::move(*text);
      } else if (node->kind == RawNode::Kind::null) {
        const bool array = s != nullptr && s->items != nullptr && !s->allows(SchemaNode::object);
        node->kind = array ? RawNode::Kind::array : RawNode::Kind::object;
      }
    }
  }

  const std::string& path_;
  std::vector<std::string>& files_;
  Lang lang_;
  std::vector<Diagnostic>& diagnostics_;
  WorkbookTables& out_;
};

}  // namespace

WorkbookTables workbook_to_raw(const Workbook& workbook, const Schema& schema, const std::string& path,
                               std::vector<std::string>& files, Lang lang,
                               std::vector<Diagnostic>& diagnostics) {
  WorkbookTables out;
  std::vector<Table> tables;
  std::set<const SchemaNode*> seen;
  collect(schema.root(), tables, seen);
  Mapper mapper(path, files, lang, diagnostics, out);
  bool header_seen = false;
  for (const XlsxSheet& sheet : workbook.sheets) {
    const std::string name = trim(sheet.name);
    if (name == header_sheet_name) {
      header_seen = true;
      mapper.header_sheet(sheet, schema);
      continue;
    }
    const auto table = std::find_if(tables.begin(), tables.end(),
                                    [&](const Table& t) { return t.sheet_names.count(name) > 0; });
    if (table == tables.end()) continue;  // 填写说明, a lookup list, a chart: not data
    if (out.tables.count(table->name) > 0) {
      mapper.message(Diagnostic::Severity::error, sheet.name, 0, 0,
                     fmt::format("表 {} 已由另一个工作表提供；工作表“{}”未读取", table->name, sheet.name),
                     fmt::format("the table {} is already given by another sheet; sheet \"{}\" was not read",
                                 table->name, sheet.name));
      continue;
    }
    if (sheet.hidden) {
      mapper.message(Diagnostic::Severity::warning, sheet.name, 0, 0,
                     fmt::format("工作表“{}”是隐藏的，但仍作为数据读取", sheet.name),
                     fmt::format("sheet \"{}\" is hidden, but is read as data all the same", sheet.name));
    }
    mapper.table_sheet(sheet, *table);
  }
  if (!header_seen) {
    mapper.message(
        Diagnostic::Severity::error, "", 0, 0,
        fmt::format(
            "工作簿中没有“{}”工作表（部门、年度、预算等基本数据）：请使用 jxaudit template 生成的模板",
            header_sheet_name),
        fmt::format("the workbook has no sheet \"{}\" (department, year, budget): use the template "
                    "that jxaudit template writes",
                    header_sheet_name));
    out.root.kind = RawNode::Kind::object;
  }
  return out;
}

std::string plain_decimal(const std::string& text) {
  const auto e = text.find_first_of("Ee");
  if (e == std::string::npos) return text;
  std::string mantissa = text.substr(0, e);
  const long exponent = std::strtol(text.c_str() + e + 1, nullptr, 10);
  if (exponent > 400 || exponent < -400) return text;  // left for the Converter to refuse
  const bool negative = mantissa.starts_with('-');
  if (negative) mantissa.erase(0, 1);
  auto dot = mantissa.find('.');
  std::string digits = mantissa;
  long point = static_cast<long>(mantissa.size());
  if (dot != std::string::npos) {
    digits.erase(dot, 1);
    point = static_cast<long>(dot);
  }
  point += exponent;
  if (point <= 0) {
    digits.insert(0, static_cast<std::size_t>(-point) + 1, '0');
    point = 1;
  }
  while (static_cast<long>(digits.size()) < point) digits += '0';
  std::string out = digits.substr(0, static_cast<std::size_t>(point));
  if (static_cast<std::size_t>(point) < digits.size())
    out += "." + digits.substr(static_cast<std::size_t>(point));
  while (out.size() > 1 && out[0] == '0' && out[1] != '.') out.erase(0, 1);
  return (negative ? "-" : "") + out;
}

std::string excel_precision(const std::string& text) {
  std::size_t digits = 0;
  bool leading = true;
  for (char c : text) {
    if (c == '-' || c == '.') continue;
    if (c < '0' || c > '9') return text;  // not a plain decimal: the Converter says so
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  if (digits <= 15) return text;
  const auto exact = Decimal::try_parse(text);
  if (!exact) return text;
  return exact->round_significant(15, RoundingMode::half_even).normalized().to_string();
}

std::string shown_decimal(std::string text, std::size_t decimals) {
  if (decimals == 0 || text.find_first_not_of("-0123456789.") != std::string::npos) return text;
  auto dot = text.find('.');
  if (dot == std::string::npos) {
    dot = text.size();
    text += '.';
  }
  const std::size_t has = text.size() - dot - 1;
  if (has < decimals) text.append(decimals - has, '0');
  return text;
}

std::string iso_date(const std::string& text) {
  unsigned y = 0, m = 0, d = 0;
  int used = 0;
  const bool matched = (std::sscanf(text.c_str(), "%4u/%2u/%2u%n", &y, &m, &d, &used) == 3 &&
                        used == static_cast<int>(text.size())) ||
                       (std::sscanf(text.c_str(), "%4u-%2u-%2u%n", &y, &m, &d, &used) == 3 &&
                        used == static_cast<int>(text.size())) ||
                       (std::sscanf(text.c_str(), "%4u年%2u月%2u日%n", &y, &m, &d, &used) == 3 &&
                        used == static_cast<int>(text.size()));
  if (!matched || y < 1000) return text;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

}  // namespace jx::data::detail
