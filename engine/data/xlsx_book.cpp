#include "data/xlsx_book.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "values/decimal.hpp"

namespace jx::data {

namespace {

// 2000-01-01T00:00:00Z: a fixed creation time, so that the bytes depend only on the content.
constexpr time_t fixed_time = 946684800;

}  // namespace

void check_lxw(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(fmt::format("{}: {}", what, lxw_strerror(error)));
}

std::string first_characters(std::string_view text, std::size_t n) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == n)
      return std::string(text.substr(0, i));
  }
  return std::string(text);
}

XlsxBook::XlsxBook(std::string_view title) : title_(title) {
  std::string pattern = (std::filesystem::temp_directory_path() / "jxaudit-XXXXXX.xlsx").string();
  const int fd = mkstemps(pattern.data(), 5);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
  ::close(fd);
  path_ = pattern;
  book_ = workbook_new(path_.c_str());
  if (book_ == nullptr) {
    std::filesystem::remove(path_);
    throw std::runtime_error("cannot start the workbook");
  }
  lxw_doc_properties properties{};
  properties.title = title_.data();
  properties.author = const_cast<char*>("jxaudit");
  properties.created = fixed_time;
  check_lxw(workbook_set_properties(book_, &properties), "workbook properties");
}

XlsxBook::~XlsxBook() {
  if (book_ != nullptr) workbook_close(book_);  // frees it; the file is removed below
  std::error_code ignored;
  if (!path_.empty()) std::filesystem::remove(path_, ignored);
}

lxw_worksheet* XlsxBook::sheet(const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
  if (sheet == nullptr) throw std::runtime_error(fmt::format("cannot add the sheet \"{}\"", name));
  return sheet;
}

std::string XlsxBook::finish() {
  lxw_workbook* book = book_;
  book_ = nullptr;
  check_lxw(workbook_close(book), "writing the workbook");
  std::ifstream in(path_, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw std::runtime_error("cannot read the workbook back");
  return bytes;
}

bool fits_excel_number(const std::string& text, double& number) {
  std::size_t digits = 0;
  bool leading = true;
  for (char c : text) {
    if (c < '0' || c > '9') {
      if (c != '-' && c != '.') return false;  // "1/3", "0.333…": not a plain decimal
      continue;
    }
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  if (digits > 15 || text.empty()) return false;
  const auto exact = Decimal::try_parse(text);
  if (!exact) return false;
  number = std::strtod(text.c_str(), nullptr);
  char written[64];
  std::snprintf(written, sizeof written, "%.16G", number);
  const auto back = Decimal::try_parse(written);
  return back && *back == *exact;
}

lxw_format* XlsxBook::number_format(const std::string& code) {
  auto [it, added] = number_formats_.try_emplace(code, nullptr);
  if (added) {
    it->second = workbook_add_format(book_);
    format_set_num_format(it->second, code.c_str());
  }
  return it->second;
}

void XlsxBook::write_decimal(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text,
                             lxw_format* text_format) {
  double number = 0;
  if (!fits_excel_number(text, number)) {
    worksheet_write_string(sheet, row, col, text.c_str(), text_format);
    return;
  }
  const auto dot = text.find('.');
  const std::string code = dot == std::string::npos ? "0" : "0." + std::string(text.size() - dot - 1, '0');
  worksheet_write_number(sheet, row, col, number, number_format(code));
}

}  // namespace jx::data
