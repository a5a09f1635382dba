// The table of output formats. A new format: its writer in a file of its own,
// and a row here.
#include "report/formats.hpp"

#include <array>

#include "report/writer.hpp"

namespace jx::report {

namespace detail {

void BatchWriter::count(const audit::Audit& audit) {
  if (audit.checked()) {
    rows_.add(summarize(audit));
  } else {
    failed_.push_back(audit.file);
  }
}

}  // namespace detail

namespace {

constexpr std::array<Format, 5> table{{
    {"text", "txt", "the scorecard table and the findings (Chinese; English with --lang en)",
     detail::make_text_writer},
    {"json", "json", "one document per department (schemas/findings.schema.json), NDJSON for a batch",
     detail::make_json_writer},
    {"csv", "csv", "one row per finding, UTF-8 with BOM for Excel", detail::make_csv_writer},
    {"html", "html", "one self-contained page with charts", detail::make_html_writer},
    {"xlsx", "xlsx", "an Excel workbook: scorecard, findings (worst first), self-checks, batch summary",
     detail::make_xlsx_writer},
}};

}  // namespace

std::span<const Format> formats() { return table; }

const Format* find_format(std::string_view name) {
  for (const Format& f : table) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace jx::report
