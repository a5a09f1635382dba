// SHA-256 of files, so that a report names exactly which input and which rule
// set produced it (OpenSSL's EVP interface).
#pragma once

#include <string>
#include <vector>

namespace jx::cli {

// Hex SHA-256 over the files' contents in the given order, each preceded by
// its length so that file boundaries count. Unreadable files hash as empty.
std::string sha256_of_files(const std::vector<std::string>& paths);
// The same for one text in memory (a department read from stdin).
std::string sha256_of_text(const std::string& text);

}  // namespace jx::cli
