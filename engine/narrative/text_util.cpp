// UTF-8 helpers and small string tests for engine/narrative.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "narrative/detail.hpp"

namespace jx::narrative::detail {

namespace {

// Length of the valid UTF-8 sequence at `at`, or 0 when it is not one.
std::size_t sequence_length(std::string_view b, std::size_t at) {
  const auto c = static_cast<unsigned char>(b[at]);
  std::size_t n = 0;
  char32_t min = 0;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (at + n > b.size()) return 0;
  char32_t value = c & (0x7F >> n);
  for (std::size_t i = 1; i < n; ++i) {
    const auto d = static_cast<unsigned char>(b[at + i]);
    if ((d & 0xC0) != 0x80) return 0;
    value = (value << 6) | (d & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view bytes) {
  std::size_t at = 0;
  while (at < bytes.size()) {
    const std::size_t n = sequence_length(bytes, at);
    if (n == 0) return at;
    at += n;
  }
  return bytes.size();
}

bool valid_utf8(std::string_view bytes) { return first_invalid_utf8(bytes) == bytes.size(); }

char32_t decode(std::string_view text, std::size_t at, std::size_t& length) {
  const auto c = static_cast<unsigned char>(text[at]);
  length = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  if (at + length > text.size()) {
    length = 1;
    return c;
  }
  char32_t value = length == 1 ? c : c & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i)
    value = (value << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  return value;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool is_cjk(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2010 && c <= 0x2027);
}

bool blank(const Document& document) {
  return std::all_of(document.lines.begin(), document.lines.end(), [](const Line& line) {
    return std::all_of(line.text.begin(), line.text.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
  });
}

std::string lower_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace jx::narrative::detail
