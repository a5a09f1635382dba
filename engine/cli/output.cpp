#include "cli/output.hpp"

#include "cli/temp_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace jx::cli {

namespace {
bool same_file(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}
}  // namespace

void refuse_output_over_input(const std::string& output, const std::string& option,
                              const std::vector<std::string>& inputs, bool reads_stdin, Lang lang) {
  struct stat target {};
  if (output.empty() || output == "-" || ::stat(output.c_str(), &target) != 0) return;
  auto refuse = [&](const std::string& input) {
    throw std::runtime_error(fmt::format(
        fmt::runtime(tr(lang, "{0}：{1} 指定的输出文件就是输入 {2}，不会覆盖它；请另选一个输出文件",
                        "{0}: the output file of {1} is the input {2}; it is not overwritten: choose another "
                        "output file")),
        output, option, input));
  };
  struct stat in {};
  if (reads_stdin && ::fstat(STDIN_FILENO, &in) == 0 && same_file(in, target))
    refuse(tr(lang, "标准输入（-）", "stdin (-)"));
  for (const std::string& input : inputs) {
    if (::stat(input.c_str(), &in) == 0 && same_file(in, target)) refuse(input);
  }
}

Output::Output(const std::string& path) : path_(path == "-" ? "" : path) {
  if (path_.empty()) {
    file_ = stdout;
    return;
  }
  const std::filesystem::path target(path_);
  std::string pattern = (target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path()) /
                        ("." + target.filename().string() + ".XXXXXX");
  const int fd = mkstemp(pattern.data());
  install_temp_file_cleanup();
  if (fd < 0) throw std::runtime_error(path_ + ": cannot create the output file: " + std::strerror(errno));
  temp_path_ = pattern;
  signal_slot_ = remove_on_signal(temp_path_.c_str());
  // mkstemp creates the file 0600: give the report the mode of the one it
  // replaces, or else the mode a plain write would give it (0666 less the
  // umask). umask can only be read by setting it; outputs are opened before
  // any worker thread starts. Best effort: a file system without modes keeps its own.
  struct stat existing {};
  mode_t mode = 0;
  if (::stat(path_.c_str(), &existing) == 0) {
    mode = existing.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  (void)::fchmod(fd, mode);
  file_ = fdopen(fd, "wb");
  if (file_ == nullptr) {
    ::close(fd);
    std::remove(temp_path_.c_str());
    throw std::runtime_error(path_ + ": cannot open the output file: " + std::strerror(errno));
  }
}

Output::~Output() {
  if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  if (!temp_path_.empty() && !committed_) std::remove(temp_path_.c_str());
  forget_on_signal(signal_slot_);
}

void Output::write(const std::string& text) {
  if (failed_ || text.empty()) return;
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
    failed_ = true;
    write_errno_ = errno;
  }
}

void Output::commit() {
  if (file_ == stdout) {
    // A write that failed earlier (stdout on a full disk, say) must fail the
    // command too, not only the last flush.
    const int flushed = std::fflush(stdout);
    const int error = write_errno_ != 0 ? write_errno_ : errno;
    if (failed_ || flushed != 0 || std::ferror(stdout) != 0)
      throw std::runtime_error(std::string("cannot write to stdout: ") +
                               std::strerror(error != 0 ? error : EIO));
    return;
  }
  const int flushed = std::fflush(file_);
  const int synced = flushed == 0 ? fsync(fileno(file_)) : -1;
  const int error = write_errno_ != 0 ? write_errno_ : errno;
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (failed_ || flushed != 0 || synced != 0 || closed != 0) {
    throw std::runtime_error(path_ +
                             ": cannot write the output file: " + std::strerror(error != 0 ? error : EIO));
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    throw std::runtime_error(path_ + ": cannot move the output into place: " + std::strerror(errno));
  }
  committed_ = true;
}

bool Output::is_terminal() const { return file_ == stdout && isatty(STDOUT_FILENO) != 0; }

}  // namespace jx::cli
