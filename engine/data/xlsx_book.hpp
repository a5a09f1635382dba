// A workbook written with libxlsxwriter and returned as bytes, for the
// data-entry template (xlsx_template.hpp) and the xlsx report (engine/report).
// libxlsxwriter 1.1 writes only to a named file, so the book goes to a private
// temporary file that is read back and removed. The document's times are fixed
// (2000-01-01): the same content always gives the same bytes.
#pragma once

#include <xlsxwriter.h>

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace jx::data {

class XlsxBook {
 public:
  // Throws std::runtime_error when no temporary file can be made.
  explicit XlsxBook(std::string_view title);
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  [[nodiscard]] lxw_workbook* get() const { return book_; }
  // A sheet; throws std::runtime_error on a name libxlsxwriter refuses.
  lxw_worksheet* sheet(const std::string& name);
  // Writes the workbook and returns its bytes; throws std::runtime_error on failure.
  std::string finish();

  // An exact decimal ("10606.10") as a number cell shown with its own decimal
  // places, so that the project's reader gets the same text back; as text when
  // Excel's double cannot hold it exactly (more than 15 significant digits).
  // `text_format`: the format of the text cell in that case.
  void write_decimal(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text,
                     lxw_format* text_format = nullptr);
  // The format showing numbers as `code` ("0.00"), made once.
  lxw_format* number_format(const std::string& code);

 private:
  std::string path_;
  std::string title_;
  lxw_workbook* book_ = nullptr;
  std::map<std::string, lxw_format*> number_formats_;
};

// Whether the exact decimal `text` survives as an Excel number (a double):
// at most 15 significant digits (what Excel keeps) and its 16-digit text (how
// libxlsxwriter writes it) is the same number; `number` is then that double.
bool fits_excel_number(const std::string& text, double& number);

// Throws std::runtime_error naming `what` when libxlsxwriter reports an error.
void check_lxw(lxw_error error, std::string_view what);

// At most `n` characters (code points) of UTF-8 `text`: Excel caps a data
// validation's messages at 255 characters and its title at 32.
std::string first_characters(std::string_view text, std::size_t n);

}  // namespace jx::data
