// The data-entry workbook a department's finance staff fill in (`jxaudit
// template`), made from the department schema so that it always matches what
// the loader reads (xlsx_department.hpp): an instructions sheet, 基本信息 (one
// field per row: JSON pointer, Chinese name, value, what to write) and one sheet
// per "x-csv" table with the fields' Chinese titles as headers (a required
// column marked *), data validation from each field's type, frozen headers.
// Given a department, it writes the same workbook filled in (samples/*.xlsx).
#pragma once

#include <string>
#include <vector>

#include "data/diagnostic.hpp"
#include "data/schema.hpp"
#include "data/value.hpp"

namespace jx::data {

struct TemplateOptions {
  int fiscal_year = 0;  // written in 基本信息 (a filled template takes the department's)
  Lang lang = Lang::zh;
  // The rule set's indicator paths: one self-evaluation score row each.
  std::vector<std::string> indicators;
  // A department to fill in, or null for an empty template.
  const Document* fill = nullptr;
  // A department whose first item of each table is shown as the example row
  // on the instructions sheet (never on a data sheet, where it would be read).
  const Document* example = nullptr;
};

// The workbook's bytes (deterministic); throws std::runtime_error if
// libxlsxwriter fails.
std::string write_template(const Schema& schema, const TemplateOptions& options);

// The sheet a template gives the key/value fields, and its hidden list of options.
inline constexpr const char* options_sheet_name = "选项";

}  // namespace jx::data
