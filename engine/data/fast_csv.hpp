// The fast path's CSV table (issue 7): a strict RFC 4180 reader that types each
// cell by the row schema at once, as the exact path (csv_reader.cpp → Converter)
// would, with the same source positions. It handles the plain CSV a
// spreadsheet writes (LF or CRLF, optional BOM, quoted cells); on anything
// the exact path would report, or that libcsv treats in a way not copied here
// (blank lines, spaces around a cell, a CR inside a quoted cell, …), it gives
// up by throwing FastPathGiveUp. Internal to engine/data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/schema.hpp"
#include "data/value.hpp"

namespace jx::data::detail {

struct FastTable {
  std::uint32_t header_line = 0;
  std::vector<Value> rows;  // typed objects; required fields not yet checked
  // Each row's parent-key cell as written (nullopt: empty), when the table has one.
  std::vector<std::optional<std::string>> parent_keys;
};

// `text` is the file's content (file index `file`), `row` the schema of one row
// (x-csv's items), `parent_key` the column naming a row's parent or empty.
FastTable read_csv_typed(std::string_view text, const SchemaNode& row, const std::string& parent_key,
                         std::uint32_t file);

}  // namespace jx::data::detail
