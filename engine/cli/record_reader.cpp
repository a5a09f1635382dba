#include "cli/record_reader.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace jx::cli {

namespace {
constexpr std::size_t block_size = 1 << 20;
}

RecordReader::RecordReader(int fd, std::uint64_t max_record_size)
    : fd_(fd), max_record_size_(max_record_size), block_(block_size) {}

bool RecordReader::fill() {
  if (eof_) return false;
  begin_ = 0;
  end_ = 0;
  while (true) {
    const ssize_t n = ::read(fd_, block_.data(), block_.size());
    if (n > 0) {
      end_ = static_cast<std::size_t>(n);
      return true;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    if (errno != EINTR) throw std::runtime_error(std::string("<stdin>: ") + std::strerror(errno));
  }
}

bool RecordReader::next(DepartmentInput& record) {
  while (true) {
    std::string line;
    std::uint64_t size = 0;
    bool too_large = false;
    bool seen = false;  // a byte or the newline of this line
    while (begin_ < end_ || fill()) {
      seen = true;
      const char* start = block_.data() + begin_;
      const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
      const std::size_t n = newline != nullptr ? static_cast<std::size_t>(newline - start) : end_ - begin_;
      size += n;
      if (!too_large && size > max_record_size_) {
        // Skipped to its end without keeping it: memory stays bounded.
        too_large = true;
        std::string().swap(line);
      }
      if (!too_large) line.append(start, n);
      begin_ += n;
      if (newline != nullptr) {
        ++begin_;
        break;
      }
    }
    if (!seen) return false;
    ++line_;
    if (!too_large && line.find_first_not_of(" \t\r") == std::string::npos) continue;
    record.name = "<stdin>:" + std::to_string(line_);
    record.text = std::move(line);
    record.from_stdin = true;
    record.refused_size = too_large ? size : 0;
    return true;
  }
}

}  // namespace jx::cli
