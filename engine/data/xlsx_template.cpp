// Layout (docs/data-format.md, "Excel workbook"): 填写说明, 基本信息, one sheet
// per table in the schema's order, and a hidden 选项 sheet holding the lists
// the enumerations' data validation points at (an inline list is capped at 255
// characters, too few for 采购方式).
#include "data/xlsx_template.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "data/xlsx_book.hpp"
#include "data/xlsx_department.hpp"

namespace jx::data {

namespace {

// A list of the schema that comes from a table (x-csv), and where it is in the document.
struct TableSpec {
  std::string name;                 // "procurements"
  std::string sheet;                // "采购"
  const SchemaNode* row = nullptr;  // an item
  std::vector<std::string> path;    // from the root to the list; "*" for each item of a list on the way
  std::string parent_key, parent_field;
};

void collect_tables(const SchemaNode& node, std::vector<std::string>& path, std::vector<TableSpec>& out) {
  for (const auto& p : node.properties) {
    path.push_back(p.name);
    const SchemaNode& s = *p.schema;
    if (s.csv && s.items != nullptr) {
      out.push_back({s.csv->table, s.csv->sheet.empty() ? s.title : s.csv->sheet, s.items, path,
                     s.csv->parent_key, s.csv->parent_field});
    }
    if (s.items != nullptr) {
      path.push_back("*");
      collect_tables(*s.items, path, out);
      path.pop_back();
    }
    collect_tables(s, path, out);
    path.pop_back();
  }
}

bool is_list_of_text(const SchemaNode& s) {
  return s.items != nullptr && !s.allows(SchemaNode::string) && s.items->allows(SchemaNode::string) &&
         s.items->properties.empty();
}

bool is_boolean(const SchemaNode& s) {
  return s.allows(SchemaNode::boolean) && !s.allows(SchemaNode::string);
}
bool is_integer(const SchemaNode& s) {
  return s.allows(SchemaNode::integer) && !s.allows(SchemaNode::string) &&
         s.format != SchemaNode::Format::decimal;
}

// What to write in a cell of this field, for the 说明 column and the input message.
std::string hint(const SchemaNode& s, Lang lang) {
  if (s.format == SchemaNode::Format::date)
    return tr(lang, "日期（如 2023-01-05）", "a date (e.g. 2023-01-05)");
  if (s.format == SchemaNode::Format::decimal) {
    const bool nonneg = s.minimum && s.minimum->sign() >= 0;
    return tr(
        lang, nonneg ? "数值，不可为负，不用千位分隔符" : "数值，不用千位分隔符",
        nonneg ? "a number, not negative, no thousands separators" : "a number, no thousands separators");
  }
  if (is_integer(s)) return tr(lang, "整数", "a whole number");
  if (is_boolean(s)) return tr(lang, "是 或 否", "是 (yes) or 否 (no)");
  if (!s.enum_values.empty()) {
    std::string options;
    for (const auto& e : s.enum_values) options += (options.empty() ? "" : " / ") + e;
    return tr(lang, "以下之一：", "one of: ") + options;
  }
  if (s.items != nullptr && !is_list_of_text(s)) {
    return tr(lang, "没有则填“无”；有则填下面各行（第二项起把 /0/ 改为 /1/、/2/ … 并复制行）",
              "write 无 for none; otherwise fill the rows below (copy them with /1/, /2/ … for more items)");
  }
  if (is_list_of_text(s)) {
    return tr(lang, "一个单元格内多项用分号 ; 分隔；没有则填“无”",
              "several items in one cell separated by ; — write 无 for none");
  }
  return tr(lang, "文本", "text");
}

std::string describe(const SchemaNode& s, bool required, Lang lang) {
  std::string out = hint(s, lang);
  if (required) out = tr(lang, "必填。", "Required. ") + out;
  if (!s.description.empty()) out += tr(lang, "。", ". ") + s.description;
  return out;
}

class TemplateWriter {
 public:
  TemplateWriter(const Schema& schema, const TemplateOptions& options)
      : schema_(schema), options_(options), lang_(options.lang), book_("部门整体支出绩效自评数据") {
    lxw_workbook* wb = book_.get();
    header_ = workbook_add_format(wb);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_border(header_, LXW_BORDER_THIN);
    required_ = workbook_add_format(wb);
    format_set_bold(required_);
    format_set_bg_color(required_, 0xFCE4D6);
    format_set_border(required_, LXW_BORDER_THIN);
    date_ = workbook_add_format(wb);
    format_set_num_format(date_, "yyyy-mm-dd");
    text_ = workbook_add_format(wb);
    format_set_num_format(text_, "@");
    title_ = workbook_add_format(wb);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    bold_ = workbook_add_format(wb);
    format_set_bold(bold_);
  }

  std::string write() {
    std::vector<std::string> path;
    collect_tables(schema_.root(), path, tables_);
    instructions_ = book_.sheet(tr(lang_, "填写说明", "填写说明 (instructions)"));
    key_values_ = book_.sheet(detail::header_sheet_name);
    for (const TableSpec& t : tables_) table_sheets_.push_back(book_.sheet(t.sheet));
    options_sheet_ = book_.sheet(options_sheet_name);
    worksheet_hide(options_sheet_);
    write_key_values();
    for (std::size_t i = 0; i < tables_.size(); ++i) write_table(tables_[i], table_sheets_[i]);
    write_instructions();
    worksheet_activate(options_.fill != nullptr ? key_values_ : instructions_);
    return book_.finish();
  }

 private:
  struct KeyValue {
    std::string pointer;
    std::string name;
    const SchemaNode* schema = nullptr;
    const Value* value = nullptr;
    bool required = false;
    bool none = false;  // an empty list: written "无"
  };

  // ---- 基本信息 ----

  void walk(const SchemaNode& s, const Value* v, const std::string& pointer, const std::string& name,
            bool required) {
    if (s.csv || pointer == "/tables") return;  // a table has its own sheet; table paths are for CSV
    const bool object = !s.properties.empty() || s.additional != nullptr;
    if (object) {
      // The department's own order first (a filled template reads back in the same order), then the rest.
      std::vector<std::string> keys;
      if (v != nullptr && v->kind() == Value::Kind::object)
        for (const auto& m : v->as_object()) keys.push_back(m.key);
      for (const auto& p : s.properties)
        if (std::find(keys.begin(), keys.end(), p.name) == keys.end()) keys.push_back(p.name);
      if (s.additional != nullptr && s.properties.empty()) {
        // A map keyed by indicator path (自评得分): one row per indicator of the rule set.
        for (const auto& path : options_.indicators)
          if (std::find(keys.begin(), keys.end(), path) == keys.end()) keys.push_back(path);
      }
      for (const std::string& key : keys) {
        const SchemaNode* child = s.property(key);
        if (child == nullptr) child = s.additional;
        if (child == nullptr) continue;
        const Value* cv = v != nullptr ? v->find(key) : nullptr;
        std::string token = key;
        for (std::size_t at = 0; (at = token.find_first_of("~/", at)) != std::string::npos; at += 2)
          token.replace(at, 1, token[at] == '~' ? "~0" : "~1");
        // Required where its parent is: evidence's 是否已完成 only once the evidence is given.
        const bool req = (pointer.empty() || required) &&
                         std::find(s.required.begin(), s.required.end(), key) != s.required.end();
        const std::string title = s.property(key) != nullptr && !child->title.empty() ? child->title : key;
        walk(*child, cv, pointer + "/" + token, name.empty() ? title : name + " / " + title, req);
      }
      return;
    }
    if (s.items != nullptr && !is_list_of_text(s)) {
      // A list of objects outside the tables (资产处置): its items numbered from 0.
      const bool has = v != nullptr && v->kind() == Value::Kind::array;
      if (has && v->as_array().empty()) {
        rows_.push_back({pointer, name, &s, nullptr, required, true});
        return;
      }
      if (!has && options_.fill == nullptr) rows_.push_back({pointer, name, &s, nullptr, required, false});
      const std::size_t n = has ? v->as_array().size() : 1;
      for (std::size_t i = 0; i < n; ++i) {
        walk(*s.items, has ? &v->as_array()[i] : nullptr, pointer + "/" + std::to_string(i),
             fmt::format("{} {}", name, i + 1), false);
      }
      return;
    }
    const bool none = v != nullptr && v->kind() == Value::Kind::array && v->as_array().empty();
    if (v != nullptr && v->kind() == Value::Kind::array && s.items != nullptr) {
      // A list of text is one cell with ';' between the items, unless an item
      // holds a ';' itself (a sentence of 说明): then one numbered row per item.
      const auto& list = v->as_array();
      const bool has_separator = std::any_of(list.begin(), list.end(), [](const Value& item) {
        return item.kind() == Value::Kind::string && item.as_string().find(';') != std::string::npos;
      });
      if (has_separator) {
        for (std::size_t i = 0; i < list.size(); ++i)
          rows_.push_back({pointer + "/" + std::to_string(i), fmt::format("{} {}", name, i + 1), s.items,
                           &list[i], false, false});
        return;
      }
    }
    rows_.push_back({pointer, name, &s, none ? nullptr : v, required, none});
  }

  void write_key_values() {
    walk(schema_.root(), options_.fill != nullptr ? &options_.fill->root : nullptr, "", "", false);
    lxw_worksheet* ws = key_values_;
    const std::vector<std::string> heads = {"字段", "名称", "值", tr(lang_, "说明", "说明 (notes)")};
    for (std::size_t c = 0; c < heads.size(); ++c)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), heads[c].c_str(),
                             c == 2 ? required_ : header_);
    worksheet_set_column(ws, 0, 0, 42, nullptr);
    worksheet_set_column(ws, 1, 1, 40, nullptr);
    worksheet_set_column(ws, 2, 2, 24, nullptr);
    worksheet_set_column(ws, 3, 3, 80, nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t r = 1;
    for (const KeyValue& kv : rows_) {
      worksheet_write_string(ws, r, 0, kv.pointer.c_str(), nullptr);
      const std::string name = (kv.required ? "*" : "") + kv.name;
      worksheet_write_string(ws, r, 1, name.c_str(), nullptr);
      const std::string note = describe(*kv.schema, kv.required, lang_);
      worksheet_write_string(ws, r, 3, note.c_str(), nullptr);
      if (kv.none) {
        worksheet_write_string(ws, r, 2, "无", nullptr);
      } else if (kv.value != nullptr) {
        write_value(ws, r, 2, *kv.value, true);
      } else if (options_.fill == nullptr) {
        prefill(ws, r, kv.pointer);
      }
      validate(ws, r, r, 2, *kv.schema, kv.name);
      ++r;
    }
  }

  // What an empty template already knows: the format version and the year.
  void prefill(lxw_worksheet* ws, lxw_row_t r, const std::string& pointer) {
    if (pointer == "/schema_version") worksheet_write_string(ws, r, 2, "1", text_);
    if (pointer == "/fiscal_year" && options_.fiscal_year != 0)
      worksheet_write_number(ws, r, 2, options_.fiscal_year, integer_format());
  }

  // ---- a table sheet ----

  std::vector<std::pair<std::string, const SchemaNode*>> columns(const TableSpec& t) const {
    std::vector<std::pair<std::string, const SchemaNode*>> out;
    for (const auto& p : t.row->properties)
      if (!p.schema->csv) out.emplace_back(p.name, p.schema);  // a nested table has its own sheet
    return out;
  }

  bool required(const TableSpec& t, const std::string& field) const {
    return field == t.parent_key ||
           std::find(t.row->required.begin(), t.row->required.end(), field) != t.row->required.end();
  }

  std::string header(const TableSpec& t, const std::string& field, const SchemaNode& s) const {
    return (required(t, field) ? "*" : "") + (s.title.empty() ? field : s.title);
  }

  // The items of the table in `doc`, each with the parent's key (targets: the project's id).
  void items(const Value& node, const TableSpec& t, std::size_t depth, const Value* parent,
             std::vector<std::pair<const Value*, const Value*>>& out) const {
    if (depth == t.path.size()) {
      if (node.kind() != Value::Kind::array) return;
      for (const Value& item : node.as_array()) out.emplace_back(&item, parent);
      return;
    }
    if (t.path[depth] == "*") {
      if (node.kind() != Value::Kind::array) return;
      for (const Value& item : node.as_array()) items(item, t, depth + 1, &item, out);
      return;
    }
    if (const Value* child = node.find(t.path[depth])) items(*child, t, depth + 1, parent, out);
  }

  void write_row(lxw_worksheet* ws, lxw_row_t r, const TableSpec& t, const Value& item, const Value* parent) {
    const auto cols = columns(t);
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const Value* v = item.find(cols[c].first);
      if (v == nullptr && cols[c].first == t.parent_key && parent != nullptr)
        v = parent->find(t.parent_field);
      if (v == nullptr) continue;
      write_value(ws, r, static_cast<lxw_col_t>(c), *v);
    }
  }

  void write_table(const TableSpec& t, lxw_worksheet* ws) {
    const auto cols = columns(t);
    constexpr lxw_row_t last_row = 9999;  // validation reaches this far
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const std::string head = header(t, cols[c].first, *cols[c].second);
      worksheet_write_string(ws, 0, col, head.c_str(), required(t, cols[c].first) ? required_ : header_);
      const SchemaNode& s = *cols[c].second;
      lxw_format* column_format =
          s.format == SchemaNode::Format::date                                          ? date_
          : (s.format == SchemaNode::Format::decimal || is_integer(s) || is_boolean(s)) ? nullptr
                                                                                        : text_;
      worksheet_set_column(ws, col, col, std::clamp(static_cast<double>(head.size()) / 1.5 + 4, 10.0, 40.0),
                           column_format);
      validate(ws, 1, last_row, col, s, s.title);
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (options_.fill == nullptr) return;
    std::vector<std::pair<const Value*, const Value*>> rows;
    items(options_.fill->root, t, 0, nullptr, rows);
    lxw_row_t r = 1;
    for (const auto& [item, parent] : rows) write_row(ws, r++, t, *item, parent);
  }

  // ---- cells ----

  lxw_format* integer_format() { return book_.number_format("0"); }

  // `none_for_empty`: an empty list is written 无 (in 基本信息, where an empty
  // cell would mean "not stated"); in a table an empty list cell is left empty.
  void write_value(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Value& v, bool none_for_empty = false) {
    switch (v.kind()) {
      case Value::Kind::decimal: {
        book_.write_decimal(ws, r, c, v.as_decimal().to_string(), text_);
        return;
      }
      case Value::Kind::date: {
        const Date d = v.as_date();
        lxw_datetime when{d.year(), static_cast<int>(d.month()), static_cast<int>(d.day()), 0, 0, 0};
        worksheet_write_datetime(ws, r, c, &when, date_);
        return;
      }
      case Value::Kind::boolean: worksheet_write_string(ws, r, c, v.as_bool() ? "是" : "否", nullptr); return;
      case Value::Kind::string: worksheet_write_string(ws, r, c, v.as_string().c_str(), text_); return;
      case Value::Kind::array: {
        std::string joined;
        for (const Value& item : v.as_array())
          if (item.kind() == Value::Kind::string) joined += (joined.empty() ? "" : ";") + item.as_string();
        if (!v.as_array().empty())
          worksheet_write_string(ws, r, c, joined.c_str(), text_);
        else if (none_for_empty)
          worksheet_write_string(ws, r, c, "无", text_);
        return;
      }
      default: return;
    }
  }

  // ---- data validation ----

  // The hidden sheet's column holding these options; its range as a formula.
  std::string option_list(const std::vector<std::string>& values) {
    auto [it, added] = option_lists_.try_emplace(values, "");
    if (added) {
      const auto col = static_cast<lxw_col_t>(option_lists_.size() - 1);
      for (std::size_t i = 0; i < values.size(); ++i)
        worksheet_write_string(options_sheet_, static_cast<lxw_row_t>(i), col, values[i].c_str(), nullptr);
      std::string letters;
      for (unsigned n = col + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), char('A' + (n - 1) % 26));
      it->second = fmt::format("='{}'!${}$1:${}${}", options_sheet_name, letters, letters, values.size());
    }
    return it->second;
  }

  void validate(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last, lxw_col_t col, const SchemaNode& s,
                const std::string& title) {
    lxw_data_validation v{};
    std::string formula;
    if (!s.enum_values.empty() || is_boolean(s)) {
      formula = option_list(is_boolean(s) ? std::vector<std::string>{"是", "否"} : s.enum_values);
      v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      v.value_formula = formula.data();
      v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    } else if (s.format == SchemaNode::Format::date) {
      v.validate = LXW_VALIDATION_TYPE_DATE;
      v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      v.minimum_datetime = {1900, 1, 1, 0, 0, 0};
      v.maximum_datetime = {9999, 12, 31, 0, 0, 0};
      v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    } else if (s.format == SchemaNode::Format::decimal || is_integer(s)) {
      v.validate = is_integer(s) ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
      v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      v.minimum_number = s.minimum ? std::strtod(s.minimum->to_string().c_str(), nullptr) : -1e15;
      v.maximum_number = s.maximum ? std::strtod(s.maximum->to_string().c_str(), nullptr) : 1e15;
      v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    } else {
      v.validate = LXW_VALIDATION_TYPE_ANY;
    }
    const std::string input_title = first_characters(title, 30);
    const std::string message = first_characters(hint(s, lang_), 80);
    v.input_title = const_cast<char*>(input_title.c_str());
    v.input_message = const_cast<char*>(message.c_str());
    if (v.validate != LXW_VALIDATION_TYPE_ANY) v.error_message = const_cast<char*>(message.c_str());
    check_lxw(worksheet_data_validation_range(ws, first, col, last, col, &v), "data validation");
  }

  // ---- 填写说明 ----

  void write_instructions() {
    lxw_worksheet* ws = instructions_;
    worksheet_set_column(ws, 0, 0, 28, nullptr);
    worksheet_set_column(ws, 1, 40, 18, nullptr);
    lxw_row_t r = 0;
    const std::string heading =
        options_.fiscal_year != 0
            ? tr(lang_, fmt::format("部门整体支出绩效自评数据（{} 年度）", options_.fiscal_year),
                 fmt::format("Department performance self-evaluation data ({})", options_.fiscal_year))
            : tr(lang_, "部门整体支出绩效自评数据", "Department performance self-evaluation data");
    worksheet_write_string(ws, r++, 0, heading.c_str(), title_);
    const std::vector<std::string> lines = {
        tr(lang_, "本工作簿由 jxaudit template 生成。填好后检查：jxaudit check 本文件.xlsx",
           "Made by jxaudit template. When filled in, check it: jxaudit check this-file.xlsx"),
        tr(lang_, "“基本信息”：每行一个字段，只填“值”列；不要修改“字段”列。名称前带 * 的为必填。",
           "基本信息: one field per row; fill in only the 值 (value) column and leave 字段 (field) as it is. "
           "A name marked * is required."),
        tr(lang_,
           "其他工作表（月度支出、项目、绩效目标、采购）：第一行是表头，每行一条记录；带 * 的列必填；"
           "空单元格表示没有该项。列的顺序可以调整，表头文字不要改。",
           "The other sheets (monthly spending, projects, targets, procurements): the first row is the "
           "header, one record per row; columns marked * are required; an empty cell means not given. "
           "Columns may be moved; keep the header texts."),
        tr(lang_,
           "金额：全部使用“金额单位”（元或万元），不用千位分隔符；显示两位小数的金额按显示的位数读取。",
           "Amounts: all in the money unit (元 or 万元), no thousands separators; a number shown with two "
           "decimals is read with them."),
        tr(lang_, "日期：日期单元格，或 2023-01-05、2023/1/5、2023年1月5日。是/否：填“是”或“否”。",
           "Dates: a date cell, or 2023-01-05, 2023/1/5, 2023年1月5日. Yes/no: 是 or 否."),
        tr(lang_,
           "列表（如“发现的问题”）：一个单元格内用分号 ; 分隔；没有则填“无”（与不填不同：不填表示未提供）。",
           "Lists (such as 发现的问题, issues): one cell, items separated by ; — write 无 for none (which "
           "differs from leaving it empty: not stated)."),
        tr(lang_, "下面是各表的示例行（只作示范，不会被读取）。",
           "Below: an example row for each table (shown only; never read)."),
    };
    for (const std::string& line : lines) worksheet_write_string(ws, r++, 0, line.c_str(), nullptr);
    for (const TableSpec& t : tables_) {
      ++r;
      const std::string caption =
          tr(lang_, fmt::format("示例：{}", t.sheet), fmt::format("Example: {}", t.sheet));
      worksheet_write_string(ws, r++, 0, caption.c_str(), bold_);
      const auto cols = columns(t);
      for (std::size_t c = 0; c < cols.size(); ++c) {
        const std::string head = header(t, cols[c].first, *cols[c].second);
        worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), head.c_str(),
                               required(t, cols[c].first) ? required_ : header_);
      }
      ++r;
      std::vector<std::pair<const Value*, const Value*>> rows;
      if (options_.example != nullptr) items(options_.example->root, t, 0, nullptr, rows);
      if (!rows.empty()) {
        write_row(ws, r, t, *rows.front().first, rows.front().second);
      } else {
        for (std::size_t c = 0; c < cols.size(); ++c) {
          const std::string h = hint(*cols[c].second, lang_);
          worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), h.c_str(), nullptr);
        }
      }
      ++r;
    }
  }

  const Schema& schema_;
  const TemplateOptions& options_;
  Lang lang_;
  XlsxBook book_;
  std::vector<TableSpec> tables_;
  std::vector<KeyValue> rows_;
  lxw_worksheet* instructions_ = nullptr;
  lxw_worksheet* key_values_ = nullptr;
  lxw_worksheet* options_sheet_ = nullptr;
  std::vector<lxw_worksheet*> table_sheets_;
  lxw_format *header_, *required_, *date_, *text_, *title_, *bold_;
  std::map<std::vector<std::string>, std::string> option_lists_;
};

}  // namespace

std::string write_template(const Schema& schema, const TemplateOptions& options) {
  return TemplateWriter(schema, options).write();
}

}  // namespace jx::data
