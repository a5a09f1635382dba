// NDJSON records from a file descriptor (stdin), one department per line,
// read in large blocks with read(2) and split with memchr: no iostream (a
// getline on a stream synchronised with stdio costs half a second per 64 MB)
// and never more than one record held beyond the block being split. Blank
// lines are skipped but counted, so that "<stdin>:N" names line N.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/inputs.hpp"

namespace jx::cli {

class RecordReader {
 public:
  // `max_record_size`: a longer line is not kept (DepartmentInput::refused_size).
  RecordReader(int fd, std::uint64_t max_record_size);

  // The next record, or false at the end of the input. Throws
  // std::runtime_error when the descriptor cannot be read.
  bool next(DepartmentInput& record);

 private:
  bool fill();  // reads the next block; false at end of input

  int fd_;
  std::uint64_t max_record_size_;
  std::vector<char> block_;
  std::size_t begin_ = 0;  // unread part of block_: [begin_, end_)
  std::size_t end_ = 0;
  bool eof_ = false;
  std::size_t line_ = 0;
};

}  // namespace jx::cli
