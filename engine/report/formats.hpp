// Public header of engine/report's output formats, as a table: each row names
// a format, the extension of its files and the writer that renders audits in
// it. A new format is one file (its Writer) and one row in formats.cpp; the CLI
// lists its --format choices from this table.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "report/report.hpp"

namespace jx::report {

struct WriteOptions {
  Lang lang = Lang::zh;
  bool color = false;  // text only
  std::string engine_version;
  // --summary FILE: the batch summary goes to a file of its own (Writer::summary),
  // and the text and JSON reports no longer end with it.
  bool summary_elsewhere = false;
};

// The formats a batch summary can be written in on its own (--summary FILE).
enum class SummaryFormat { text, json, csv };

// Writes a stream of audits in one format, in input order, then the batch summary.
class Writer {
 public:
  virtual ~Writer() = default;
  // One department's part: a pure function of the audit, so workers call it in
  // parallel. "" for a format whose parts depend on their order (html numbers
  // its sections as they come): department() then renders.
  [[nodiscard]] virtual std::string render(const audit::Audit& audit) const = 0;
  // Writes the next department; `rendered` is render()'s result or "".
  virtual void department(const audit::Audit& audit, const std::string& rendered, const Sink& write) = 0;
  // Writes what ends the output: the summary of a batch.
  virtual void finish(const Sink& write) = 0;
  // The batch summary alone (one row per department, also for a single one),
  // after finish(): for --summary FILE. CSV: one table with its header and a
  // BOM, sortable in Excel. Throws std::logic_error for a writer without one.
  virtual void summary(SummaryFormat format, const Sink& write) const;
};

struct Format {
  std::string_view name;         // the --format value: "text"
  std::string_view extension;    // of a file in this format: "txt"
  std::string_view description;  // one line for --help
  std::unique_ptr<Writer> (*make)(const WriteOptions& options);
};

// Every format, in the order --help lists them.
std::span<const Format> formats();
// The format called `name`, or nullptr.
const Format* find_format(std::string_view name);

}  // namespace jx::report
