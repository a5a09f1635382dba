// Reading an Excel workbook (.xlsx, Office Open XML): the zip archive through
// libzip, its parts through libxml2. A worksheet becomes its non-empty cells,
// each as the text the department loader types by the schema: a number cell's
// stored text as written (never through a double), a date-formatted serial as
// an ISO date, a formula by its cached value. Internal to engine/data.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "data/diagnostic.hpp"

namespace jx::data::detail {

// A workbook that cannot be read (not a zip, an .xls, encrypted, corrupt); the
// message (without the file's name) is in the user's language and says what
// to do ("请另存为 .xlsx").
class XlsxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct XlsxCell {
  std::uint32_t row = 0;     // 1-based (Excel's row number)
  std::uint32_t column = 0;  // 1-based (1 = A)
  std::string text;          // as the loader reads it; see kind
  enum class Kind : std::uint8_t {
    text,      // a string, shared or inline, or a formula's string result
    number,    // the stored decimal text, e.g. "1234.5" or "1E-3"
    date,      // a date-formatted serial turned into "yyyy-mm-dd"
    boolean,   // "true" / "false"
    error,     // an error value, e.g. "#DIV/0!"
    no_value,  // a formula with no cached value (never calculated)
  };
  Kind kind = Kind::text;
  bool formula = false;  // the value is a formula's cached result
  // A number's format shows this many decimals ("0.00": 2): 10606.1 is read
  // as the 10606.10 the cell shows (zeros added, never a digit rounded away).
  std::uint8_t shown_decimals = 0;
};

struct XlsxSheet {
  std::string name;
  bool hidden = false;
  std::vector<XlsxCell> cells;  // by row, then column; merged ranges filled with their top-left value
};

struct Workbook {
  std::vector<XlsxSheet> sheets;  // in the workbook's order
};

// Reads the workbook at `path`; throws XlsxError.
Workbook read_xlsx(const std::string& path, Lang lang);

// The date of an Excel serial day number (1900 date system): 1 = 1900-01-01,
// 60 = the 1900-02-29 Excel believes in (Lotus's leap-year bug) and rejects
// here, 61 = 1900-03-01. Empty for 60 and for serials outside 1..9999-12-31.
std::string excel_serial_date(long serial);

}  // namespace jx::data::detail
