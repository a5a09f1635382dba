// The table of output formats. A new format: its writer in a file of its own,
// and a row here.
#include "report/formats.hpp"

#include <array>
#include <stdexcept>

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

void BatchWriter::summary(SummaryFormat format, const Sink& write) const {
  switch (format) {
    case SummaryFormat::text:
      render_summary_text(rows_, failed_, TextOptions{options_.lang, false}, write);
      return;
    case SummaryFormat::json: render_summary_json(rows_, failed_, write); return;
    case SummaryFormat::csv:
      write("\xEF\xBB\xBF");  // the BOM Excel needs to read UTF-8
      render_summary_csv(rows_, failed_, options_.lang, write);
      return;
  }
}

}  // namespace detail

void Writer::summary(SummaryFormat /*format*/, const Sink& /*write*/) const {
  throw std::logic_error("this report format keeps no batch summary");
}

namespace {

constexpr std::array<Format, 4> table{{
    {"text", "txt", "the scorecard table and the findings (Chinese; English with --lang en)",
     detail::make_text_writer},
    {"json", "json", "one document per department (schemas/findings.schema.json), NDJSON for a batch",
     detail::make_json_writer},
    {"csv", "csv", "one row per finding, UTF-8 with BOM for Excel", detail::make_csv_writer},
    {"html", "html", "one self-contained page with charts", detail::make_html_writer},
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
