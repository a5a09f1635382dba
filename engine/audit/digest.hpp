// SHA-256 of files, so that a report names exactly which input and which rule
// set produced it (OpenSSL's EVP interface).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace jx::audit {

// The digest of a sequence of file contents, each preceded by its length so
// that file boundaries count. Fed as the files are read (LoadOptions::on_read),
// so a department's files are never read twice just to be hashed.
class FilesDigest {
 public:
  FilesDigest();
  ~FilesDigest();
  FilesDigest(const FilesDigest&) = delete;
  FilesDigest& operator=(const FilesDigest&) = delete;

  void add(std::string_view content);
  // Lower-case hex; call once, after the last add.
  [[nodiscard]] std::string hex();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

// Hex SHA-256 over the files' contents in the given order (as FilesDigest).
// Unreadable files hash as empty.
std::string sha256_of_files(const std::vector<std::string>& paths);
// The same for one text in memory (a department read from stdin).
std::string sha256_of_text(const std::string& text);

}  // namespace jx::audit
