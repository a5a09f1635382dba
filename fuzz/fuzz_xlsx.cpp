// Fuzzes the Excel path of the department loader (engine/data/xlsx_reader and
// xlsx_department): the fuzzer's bytes are the workbook's parts, each a line
// with its name in the archive and then its XML, parts separated by a line
// "=====" (fuzz/corpus/xlsx holds the test workbooks in that form); they are
// zipped here, with default workbook relationships (rId1 → sheet1.xml …) when
// no xl/_rels/workbook.xml.rels is given. An input that starts "PK" is
// written as the whole .xlsx instead. The reader gives cells in row, then
// column order; the loader gives a document or diagnostics that name the file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "data/department.hpp"
#include "data/xlsx_reader.hpp"
#include "support.hpp"
#include "zip_parts.hpp"

namespace {

constexpr const char* relationships = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  using jx::data::detail::XlsxCell;
  static const std::string path = jx::fuzz::scratch_dir() + "/book.xlsx";
  const std::string_view input(reinterpret_cast<const char*>(bytes), size);
  if (input.starts_with("PK")) {
    jx::fuzz::write_file(path, input);
  } else {
    std::vector<jx::fuzz::Part> zip;
    bool rels = false;
    for (const std::string& part : jx::fuzz::split_parts(input, "=====")) {
      const std::size_t newline = part.find('\n');
      std::string name = part.substr(0, newline);
      if (name.empty() || name.size() > 200) continue;
      rels = rels || name == "xl/_rels/workbook.xml.rels";
      zip.emplace_back(std::move(name), newline == std::string::npos ? "" : part.substr(newline + 1));
    }
    if (!rels) zip.emplace_back("xl/_rels/workbook.xml.rels", relationships);
    jx::fuzz::write_zip(path, zip);
  }
  jx::data::detail::Workbook book;
  try {
    book = jx::data::detail::read_xlsx(path, jx::Lang::en);
  } catch (const jx::data::detail::XlsxError& e) {
    if (std::string_view(e.what()).empty()) jx::fuzz::fail("an empty XlsxError");
  }
  for (const auto& sheet : book.sheets) {
    const XlsxCell* previous = nullptr;
    for (const XlsxCell& cell : sheet.cells) {
      if (cell.row == 0 || cell.column == 0) jx::fuzz::fail("a cell at row or column 0");
      if (previous != nullptr &&
          (cell.row < previous->row || (cell.row == previous->row && cell.column <= previous->column)))
        jx::fuzz::fail("cells out of order or twice in " + sheet.name);
      previous = &cell;
    }
  }
  // The same workbook through the department loader.
  static const jx::data::Schema schema =
      jx::data::Schema::load(JX_SOURCE_DIR "/schemas/department.schema.json");
  jx::data::LoadOptions options;
  options.lang = jx::Lang::en;
  const jx::data::LoadResult loaded = jx::data::load_department(schema, path, options);
  if (!loaded.document && loaded.diagnostics.empty()) jx::fuzz::fail("no document and no diagnostic");
  for (const jx::Diagnostic& d : loaded.diagnostics) {
    if (d.to_string(jx::Lang::en).empty()) jx::fuzz::fail("empty diagnostic");
  }
  return 0;
}
