// The rows of a batch summary, kept out of memory: a province-wide check must
// not grow with the number of departments (issue 7), so rows are packed into a
// small buffer that spills to an anonymous temporary file once it is full, and
// are read back, in order, as often as a renderer needs (the text summary reads
// them twice: column widths, then lines).
#pragma once

#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "report/report.hpp"

namespace jx::report {

class SummaryRows {
 public:
  // Rows are kept in memory until they take `memory_limit` bytes (packed).
  explicit SummaryRows(std::size_t memory_limit = 256 * 1024);
  ~SummaryRows();
  SummaryRows(const SummaryRows&) = delete;
  SummaryRows& operator=(const SummaryRows&) = delete;

  void add(const SummaryRow& row);
  [[nodiscard]] std::size_t size() const { return count_; }
  [[nodiscard]] bool empty() const { return count_ == 0; }
  // True once rows have gone to the temporary file (for tests).
  [[nodiscard]] bool spilled() const { return file_ != nullptr; }
  // Calls `visit` with every row in the order added. Throws std::runtime_error
  // when the temporary file cannot be read back.
  void for_each(const std::function<void(const SummaryRow&)>& visit) const;

 private:
  void spill();

  std::size_t memory_limit_;
  std::size_t count_ = 0;
  std::string buffer_;         // packed rows not yet in the file
  std::FILE* file_ = nullptr;  // the rows before them, once spilled
  bool memory_only_ = false;   // no temporary file could be made: keep everything in memory
};

}  // namespace jx::report
