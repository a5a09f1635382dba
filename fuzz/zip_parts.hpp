// Writes a zip archive of named parts (libzip, stored or deflated as libzip
// chooses) for the targets whose reader opens an Office file: the fuzzer's
// bytes become the XML inside, so libFuzzer mutates the parts the readers
// parse instead of a zip whose checksums every mutation would break.
#pragma once

#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "support.hpp"

namespace jx::fuzz {

using Part = std::pair<std::string, std::string>;  // name in the archive, bytes

inline void write_zip(const std::string& path, const std::vector<Part>& parts) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    std::fprintf(stderr, "zip_open %s failed: %d\n", path.c_str(), error);
    std::abort();
  }
  for (const auto& [name, bytes] : parts) {
    // libzip copies nothing: the buffer must live until zip_close, and `parts` does.
    // A name libzip refuses (not UTF-8, twice): the part is left out, as a writer would.
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (source == nullptr) continue;
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_GUESS);
    if (index < 0) {
      zip_source_free(source);
      continue;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) {
    std::fprintf(stderr, "zip_close %s: %s\n", path.c_str(), zip_strerror(archive));
    zip_discard(archive);
    std::abort();
  }
}

// Splits `bytes` at each line that is exactly `separator` (the seeds use it
// to keep several parts in one input).
inline std::vector<std::string> split_parts(std::string_view bytes, std::string_view separator) {
  std::vector<std::string> parts;
  const std::string marker = "\n" + std::string(separator) + "\n";
  std::size_t start = 0;
  while (true) {
    const std::size_t at = bytes.find(marker, start);
    if (at == std::string_view::npos) {
      parts.emplace_back(bytes.substr(start));
      return parts;
    }
    parts.emplace_back(bytes.substr(start, at - start));
    start = at + marker.size();
  }
}

}  // namespace jx::fuzz
