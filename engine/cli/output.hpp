// Writing results: to stdout, or to a file atomically (a temporary file in the
// same directory, renamed over the target when complete), so that a report is
// never left half-written.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "lang/lang.hpp"

namespace jx::cli {

// Refuses to write `output` (the value of `option`, -o or --summary) over one
// of the inputs: the same file by device and inode, however it is named (a
// symbolic link, a file found in a directory given as input), or the file
// stdin reads when `reads_stdin`. Writing it would replace the input with the
// report. Throws std::runtime_error with the message in `lang`; does nothing
// for "" or "-" (stdout) or an output that does not exist yet.
void refuse_output_over_input(const std::string& output, const std::string& option,
                              const std::vector<std::string>& inputs, bool reads_stdin, Lang lang);

class Output {
 public:
  // path "" or "-": stdout. Throws std::runtime_error when the file cannot be created.
  // `lang`: the language of its errors.
  explicit Output(const std::string& path, Lang lang = Lang::zh);
  ~Output();  // removes the temporary file unless commit() succeeded
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(const std::string& text);
  // Flushes and renames into place; throws std::runtime_error on failure (disk
  // full, a closed pipe, a file-size limit), for stdout as for a file.
  void commit();
  [[nodiscard]] bool is_terminal() const;

 private:
  std::string path_;
  Lang lang_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
  bool failed_ = false;
  int write_errno_ = 0;   // errno of the first failed write, for the message
  int signal_slot_ = -1;  // temp_files.hpp: removed if a signal ends the process
};

}  // namespace jx::cli
