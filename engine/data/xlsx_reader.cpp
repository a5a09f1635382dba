// The parts read: xl/workbook.xml (sheet names, order, hidden state),
// xl/_rels/workbook.xml.rels (each sheet's part), xl/sharedStrings.xml,
// xl/styles.xml (which cell styles are dates) and each xl/worksheets/*.xml.
#include "data/xlsx_reader.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "data/raw.hpp"
#include "data/xml.hpp"
#include "values/date.hpp"

namespace jx::data::detail {

using jx::cell_reference;

namespace {

// A part larger than this is refused rather than inflated (a zip bomb).
constexpr zip_uint64_t max_part = 256u * 1024u * 1024u;

const char* name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool is(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(name_of(n), name) == 0;
}

// The text of a node that holds exactly one text node (a plain attribute value,
// <v>1.5</v>): read in place, as most cells of a sheet are, instead of copied
// by libxml2 and again into the string; nullptr for anything else.
const char* single_text(const xmlNode* first_child) {
  if (first_child == nullptr || first_child->next != nullptr || first_child->type != XML_TEXT_NODE)
    return nullptr;
  return reinterpret_cast<const char*>(first_child->content);
}

std::string attribute(const xmlNode* n, const char* name, const char* ns = nullptr) {
  if (ns == nullptr) {
    if (const xmlAttr* a = xmlHasProp(n, reinterpret_cast<const xmlChar*>(name));
        a != nullptr && a->type == XML_ATTRIBUTE_NODE) {
      if (const char* text = single_text(a->children)) return text;
    }
  }
  xmlChar* v = ns == nullptr ? xmlGetProp(n, reinterpret_cast<const xmlChar*>(name))
                             : xmlGetNsProp(n, reinterpret_cast<const xmlChar*>(name),
                                            reinterpret_cast<const xmlChar*>(ns));
  if (v == nullptr) return {};
  std::string out = reinterpret_cast<const char*>(v);
  xmlFree(v);
  return out;
}

std::string content(const xmlNode* n) {
  if (n->type == XML_ELEMENT_NODE) {
    if (const char* text = single_text(n->children)) return text;
  }
  xmlChar* v = xmlNodeGetContent(n);
  if (v == nullptr) return {};
  std::string out = reinterpret_cast<const char*>(v);
  xmlFree(v);
  return out;
}

const xmlNode* child(const xmlNode* n, const char* name) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next)
    if (is(c, name)) return c;
  return nullptr;
}

constexpr const char* relationships_ns =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct CellStyle {
  bool date = false;
  std::uint8_t decimals = 0;  // the number format's fixed decimal places
};

using XmlDoc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

class Archive {
 public:
  Archive(const std::string& path, Lang lang) : path_(path), lang_(lang) {}

  [[noreturn]] void fail(const std::string& zh, const std::string& en) const {
    throw XlsxError(tr(lang_, zh, en));
  }

  void open() {
    std::ifstream in(path_, std::ios::binary);
    if (!in) fail("无法打开文件", "cannot open the file");
    char head[8] = {};
    in.read(head, 8);
    const auto got = in.gcount();
    if (got == 0) fail("文件为空，不是 Excel 工作簿", "the file is empty, not an Excel workbook");
    if (got == 8 && std::memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
      // An OLE compound file: an encrypted .xlsx (its package inside an
      // "EncryptionInfo"/"EncryptedPackage" pair) or an Excel 97-2003 .xls.
      in.seekg(0);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      const std::string encrypted("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
      if (bytes.find(encrypted) != std::string::npos) {
        fail("工作簿已加密（设有打开密码），无法读取：请取消密码后另存为 .xlsx",
             "the workbook is encrypted (it has an open password) and cannot be read: remove the password "
             "and save it as .xlsx");
      }
      fail(
          "这是旧版 Excel 97-2003 工作簿（.xls），不能读取：请在 Excel 或 WPS 中另存为 .xlsx",
          "this is an Excel 97-2003 workbook (.xls), which cannot be read: save it as .xlsx in Excel or WPS");
    }
    if (got < 4 || std::memcmp(head, "PK\3\4", 4) != 0) {
      fail("不是 Excel 工作簿（.xlsx 是 zip 压缩包，此文件不是）：请另存为 .xlsx",
           "not an Excel workbook (an .xlsx is a zip archive; this file is not one): save it as .xlsx");
    }
    int error = 0;
    zip_ = zip_open(path_.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (zip_ == nullptr) {
      fail(
          "工作簿已损坏（zip 压缩包被截断或内容不一致）：请在 Excel 中打开后另存为 .xlsx",
          "the workbook is corrupt (the zip archive is truncated or inconsistent): open it in Excel and save "
          "it as .xlsx again");
    }
  }

  ~Archive() {
    if (zip_ != nullptr) zip_discard(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  [[nodiscard]] bool has(const std::string& part) const {
    return zip_name_locate(zip_, part.c_str(), 0) >= 0;
  }

  // The part parsed as XML; nullopt-like null when `optional` and absent.
  XmlDoc xml(const std::string& part, bool optional = false) const {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(zip_, part.c_str(), 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
      if (optional) return {nullptr, &xmlFreeDoc};
      fail("工作簿已损坏（缺少 " + part + "）", "the workbook is corrupt (it has no " + part + ")");
    }
    if (stat.size > max_part) {
      fail(part + " 解压后超过 256 MB，拒绝读取", part + " inflates to more than 256 MB; refused");
    }
    std::string bytes(static_cast<std::size_t>(stat.size), '\0');
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen(zip_, part.c_str(), 0), &zip_fclose);
    const zip_int64_t got = file ? zip_fread(file.get(), bytes.data(), bytes.size()) : -1;
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
      fail("工作簿已损坏（" + part + " 无法解压）",
           "the workbook is corrupt (" + part + " cannot be inflated)");
    }
    // No network, no DTD (so no entities): the XML cannot reach out or blow up.
    XmlRead read = read_xml(bytes, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                       XML_PARSE_HUGE | XML_PARSE_COMPACT);
    if (read.has_doctype) {
      fail(
          "工作簿已损坏（" + part + " 含有文档类型声明 <!DOCTYPE>，Office 文件中不会有；为安全起见拒绝读取）",
          "the workbook is corrupt (" + part +
              " has a document type declaration <!DOCTYPE>, which Office files never have; refused for "
              "safety)");
    }
    if (!read.doc) {
      const std::string line = read.line > 0 ? std::to_string(read.line) : "?";
      fail("工作簿已损坏（" + part + " 第 " + line + " 行不是有效的 XML）",
           "the workbook is corrupt (" + part + " is not valid XML at line " + line + ")");
    }
    XmlDoc doc = std::move(read.doc);
    return doc;
  }

 private:
  std::string path_;
  Lang lang_;
  zip_t* zip_ = nullptr;
};

// Built-in number formats that are dates (ECMA-376 §18.8.30, and the CJK
// ones Excel uses in a Chinese locale).
bool builtin_date_format(long id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// A custom format is a date when it has a d, m or y outside quotes,
// brackets ([Red], [$-804]) and escapes; a pure time (h:mm) is not a date.
bool custom_date_format(const std::string& code) {
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
      continue;
    }
    if (c == '[') ++bracket;
    if (c == ']' && bracket > 0) --bracket;
    if (bracket > 0) continue;
    if (c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 'm' || c == 'M') return true;
    if (c == ';') break;  // the positive section decides
  }
  return false;
}

// The decimal places a number format always shows ("0.00", "#,##0.00",
// built-in 2 and 4): 0 when it shows a varying number (General, "0.##"), and
// for percentages and exponents, whose shown digits are not the stored ones.
std::uint8_t fixed_decimals(const std::string& code) {
  bool quoted = false;
  std::uint8_t zeros = 0;
  bool after_point = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
      continue;
    }
    if (c == ';') break;  // the positive section decides
    if (c == '%' || c == 'E' || c == 'e' || c == '/') return 0;
    if (c == '.') {
      after_point = true;
      continue;
    }
    if (after_point) {
      if (c == '0' && zeros < 30) {
        ++zeros;
        continue;
      }
      after_point = false;
    }
  }
  return zeros;
}

std::uint8_t builtin_fixed_decimals(long id) {
  return id == 2 || id == 4 || id == 39 || id == 40 || id == 43 || id == 44 ? 2 : 0;
}

// Each cell style index (c/@s): a date, or how many decimals its number format shows.
std::vector<CellStyle> cell_styles(const Archive& archive) {
  std::vector<CellStyle> out;
  XmlDoc doc = archive.xml("xl/styles.xml", true);
  if (!doc) return out;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  std::map<long, CellStyle> custom;
  if (const xmlNode* formats = child(root, "numFmts")) {
    for (const xmlNode* f = formats->children; f != nullptr; f = f->next) {
      if (!is(f, "numFmt")) continue;
      const std::string code = attribute(f, "formatCode");
      const bool date = custom_date_format(code);
      custom[std::strtol(attribute(f, "numFmtId").c_str(), nullptr, 10)] = {
          date, date ? std::uint8_t{0} : fixed_decimals(code)};
    }
  }
  if (const xmlNode* xfs = child(root, "cellXfs")) {
    for (const xmlNode* xf = xfs->children; xf != nullptr; xf = xf->next) {
      if (!is(xf, "xf")) continue;
      const long id = std::strtol(attribute(xf, "numFmtId").c_str(), nullptr, 10);
      const auto c = custom.find(id);
      out.push_back(c != custom.end() ? c->second
                                      : CellStyle{builtin_date_format(id), builtin_fixed_decimals(id)});
    }
  }
  return out;
}

// A shared or inline string: its t, or its runs' t (rich text), without the
// phonetic runs (rPh) East Asian Excel adds.
std::string string_item(const xmlNode* si) {
  std::string out;
  for (const xmlNode* c = si->children; c != nullptr; c = c->next) {
    if (is(c, "t")) out += content(c);
    if (is(c, "r")) {
      if (const xmlNode* t = child(c, "t")) out += content(t);
    }
  }
  return out;
}

std::vector<std::string> shared_strings(const Archive& archive) {
  std::vector<std::string> out;
  XmlDoc doc = archive.xml("xl/sharedStrings.xml", true);
  if (!doc) return out;
  for (const xmlNode* si = xmlDocGetRootElement(doc.get())->children; si != nullptr; si = si->next)
    if (is(si, "si")) out.push_back(string_item(si));
  return out;
}

// "F12" → row 12, column 6; false when it is not a cell reference.
bool parse_reference(std::string_view ref, std::uint32_t& row, std::uint32_t& column) {
  std::size_t i = 0;
  column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
    column = column * 26 + (ref[i++] - 'A' + 1);
  if (column == 0 || i == ref.size()) return false;
  const auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  return ec == std::errc() && end == ref.data() + ref.size() && row > 0;
}

// An Excel number as written in the cell's <v>: "1234.5", "-3", "1E-3".
bool excel_number(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = s[0] == '-' ? 1 : 0;
  bool digits = false;
  for (; i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'); ++i) digits = digits || s[i] != '.';
  if (i < s.size() && (s[i] == 'E' || s[i] == 'e')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i == s.size()) return false;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  return digits && i == s.size();
}

struct SheetContext {
  const std::vector<std::string>& strings;
  const std::vector<CellStyle>& styles;
  const Archive& archive;
  const std::string& sheet;
  Lang lang;
};

XlsxCell read_cell(const xmlNode* c, std::uint32_t row, std::uint32_t column, const SheetContext& ctx) {
  XlsxCell cell;
  cell.row = row;
  cell.column = column;
  const std::string type = attribute(c, "t");
  const xmlNode* v = child(c, "v");
  cell.formula = child(c, "f") != nullptr;
  if (type == "inlineStr") {
    if (const xmlNode* is_node = child(c, "is")) cell.text = string_item(is_node);
    return cell;
  }
  if (v == nullptr) {
    cell.kind = cell.formula ? XlsxCell::Kind::no_value : XlsxCell::Kind::text;
    return cell;
  }
  const std::string value = content(v);
  if (type == "s") {
    const auto index = std::strtoul(value.c_str(), nullptr, 10);
    if (index >= ctx.strings.size()) {
      ctx.archive.fail(
          "工作簿已损坏（" + ctx.sheet + "!" + cell_reference(row, column) + " 引用了不存在的共享字符串）",
          "the workbook is corrupt (" + ctx.sheet + "!" + cell_reference(row, column) +
              " refers to a shared string that does not exist)");
    }
    cell.text = ctx.strings[index];
  } else if (type == "str") {
    cell.text = value;
  } else if (type == "b") {
    cell.kind = XlsxCell::Kind::boolean;
    cell.text = value == "1" ? "true" : "false";
  } else if (type == "e") {
    cell.kind = XlsxCell::Kind::error;
    cell.text = value;
  } else if (type == "d") {  // an ISO 8601 date cell (Strict, rare): its date part
    cell.kind = XlsxCell::Kind::date;
    cell.text = value.substr(0, 10);
  } else {
    cell.kind = XlsxCell::Kind::number;
    cell.text = value;
    const auto style = std::strtoul(attribute(c, "s").c_str(), nullptr, 10);
    if (style < ctx.styles.size()) cell.shown_decimals = ctx.styles[style].decimals;
    if (style < ctx.styles.size() && ctx.styles[style].date && excel_number(value)) {
      // A date: the whole days of the serial (a time of day is dropped).
      const std::string days = value.substr(0, value.find_first_of(".Ee"));
      const long serial = std::strtol(days.c_str(), nullptr, 10);
      if (value.find_first_of("Ee") == std::string::npos) {
        if (std::string date = excel_serial_date(serial); !date.empty()) {
          cell.kind = XlsxCell::Kind::date;
          cell.text = std::move(date);
        }
      }
    }
  }
  return cell;
}

XlsxSheet read_sheet(const std::string& name, bool hidden, const std::string& part, const SheetContext& ctx) {
  XlsxSheet sheet;
  sheet.name = name;
  sheet.hidden = hidden;
  XmlDoc doc = ctx.archive.xml(part);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  std::map<std::pair<std::uint32_t, std::uint32_t>, XlsxCell> cells;
  if (const xmlNode* data = child(root, "sheetData")) {
    std::uint32_t row_number = 0;
    for (const xmlNode* r = data->children; r != nullptr; r = r->next) {
      if (!is(r, "row")) continue;
      const std::string rn = attribute(r, "r");
      row_number =
          rn.empty() ? row_number + 1 : static_cast<std::uint32_t>(std::strtoul(rn.c_str(), nullptr, 10));
      std::uint32_t column = 0;
      for (const xmlNode* c = r->children; c != nullptr; c = c->next) {
        if (!is(c, "c")) continue;
        const std::string ref = attribute(c, "r");
        std::uint32_t row = row_number;
        if (ref.empty()) {
          ++column;
        } else if (!parse_reference(ref, row, column)) {
          ctx.archive.fail(
              "工作簿已损坏（工作表 " + name + " 中单元格引用 \"" + ref + "\" 无效）",
              "the workbook is corrupt (bad cell reference \"" + ref + "\" in sheet " + name + ")");
        }
        XlsxCell cell = read_cell(c, row, column, ctx);
        if (cell.kind == XlsxCell::Kind::text && cell.text.empty() && !cell.formula) continue;  // styled only
        cells.insert_or_assign({row, column}, std::move(cell));
      }
    }
  }
  // A merged range shows its top-left value in every cell it covers: a project
  // name merged down over its target rows belongs to each of them.
  if (const xmlNode* merges = child(root, "mergeCells")) {
    for (const xmlNode* m = merges->children; m != nullptr; m = m->next) {
      if (!is(m, "mergeCell")) continue;
      const std::string ref = attribute(m, "ref");
      const auto colon = ref.find(':');
      std::uint32_t r1 = 0, c1 = 0, r2 = 0, c2 = 0;
      if (colon == std::string::npos || !parse_reference(ref.substr(0, colon), r1, c1) ||
          !parse_reference(ref.substr(colon + 1), r2, c2))
        continue;
      const auto top_left = cells.find({r1, c1});
      if (top_left == cells.end()) continue;
      const XlsxCell value = top_left->second;
      for (std::uint32_t r = r1; r <= r2 && r - r1 < 100000; ++r) {
        for (std::uint32_t c = c1; c <= c2 && c - c1 < 1000; ++c) {
          XlsxCell copy = value;
          copy.row = r;
          copy.column = c;
          cells.emplace(std::pair{r, c}, std::move(copy));
        }
      }
    }
  }
  sheet.cells.reserve(cells.size());
  for (auto& [at, cell] : cells) sheet.cells.push_back(std::move(cell));
  return sheet;
}

}  // namespace

std::string excel_serial_date(long serial) {
  // Serial 60 is 1900-02-29, a day that never was (Excel keeps Lotus 1-2-3's
  // leap-year bug); from 61 on, serials count from 1899-12-30.
  if (serial < 1 || serial == 60 || serial > 2958465) return {};  // 2958465 = 9999-12-31
  const std::chrono::sys_days base = std::chrono::year{1899} / std::chrono::December / 30;
  const long offset = serial < 60 ? serial + 1 : serial;
  return Date(base + std::chrono::days{offset}).to_string();
}

Workbook read_xlsx(const std::string& path, Lang lang) {
  Archive archive(path, lang);
  archive.open();
  if (!archive.has("xl/workbook.xml")) {
    archive.fail("不是 Excel 工作簿（压缩包中没有 xl/workbook.xml）：请另存为 .xlsx",
                 "not an Excel workbook (the archive has no xl/workbook.xml): save it as .xlsx");
  }
  std::map<std::string, std::string> targets;  // relationship id → part
  if (XmlDoc rels = archive.xml("xl/_rels/workbook.xml.rels", true)) {
    for (const xmlNode* r = xmlDocGetRootElement(rels.get())->children; r != nullptr; r = r->next) {
      if (!is(r, "Relationship")) continue;
      std::string target = attribute(r, "Target");
      target = target.starts_with('/') ? target.substr(1) : "xl/" + target;
      targets[attribute(r, "Id")] = target;
    }
  }
  const std::vector<std::string> strings = shared_strings(archive);
  const std::vector<CellStyle> styles = cell_styles(archive);
  XmlDoc book = archive.xml("xl/workbook.xml");
  Workbook workbook;
  const xmlNode* sheets = child(xmlDocGetRootElement(book.get()), "sheets");
  for (const xmlNode* s = sheets != nullptr ? sheets->children : nullptr; s != nullptr; s = s->next) {
    if (!is(s, "sheet")) continue;
    const std::string name = attribute(s, "name");
    const std::string id = attribute(s, "id", relationships_ns);
    const auto target = targets.find(id);
    if (target == targets.end()) {
      archive.fail("工作簿已损坏（工作表 " + name + " 的内容找不到）",
                   "the workbook is corrupt (the content of sheet " + name + " is missing)");
    }
    if (target->second.find("worksheets/") == std::string::npos) continue;  // a chart sheet
    const std::string state = attribute(s, "state");
    const SheetContext ctx{strings, styles, archive, name, lang};
    workbook.sheets.push_back(read_sheet(name, !state.empty() && state != "visible", target->second, ctx));
  }
  return workbook;
}

}  // namespace jx::data::detail
