// Internal to engine/report: the bookkeeping every Writer shares (the summary
// rows of the checked departments, the files of those not checked), and the
// writer of each format, made by its row of formats.cpp.
#pragma once

#include <vector>

#include "report/formats.hpp"
#include "report/summary_rows.hpp"

namespace jx::report::detail {

class BatchWriter : public Writer {
 public:
  explicit BatchWriter(WriteOptions options) : options_(std::move(options)) {}

 protected:
  // Counts the department in the summary (checked) or the not-checked list.
  void count(const audit::Audit& audit);
  [[nodiscard]] std::size_t departments() const { return rows_.size() + failed_.size(); }
  // Whether finish() ends the report with the batch summary (two or more
  // departments, and no --summary FILE to take it).
  [[nodiscard]] bool summary_at_end() const { return !options_.summary_elsewhere && departments() >= 2; }

 public:
  void summary(SummaryFormat format, const Sink& write) const override;

 protected:
  WriteOptions options_;
  SummaryRows rows_;  // packed; on disk beyond a few thousand departments
  std::vector<std::string> failed_;
};

std::unique_ptr<Writer> make_text_writer(const WriteOptions& options);
std::unique_ptr<Writer> make_json_writer(const WriteOptions& options);
std::unique_ptr<Writer> make_csv_writer(const WriteOptions& options);
std::unique_ptr<Writer> make_html_writer(const WriteOptions& options);

}  // namespace jx::report::detail
