// Internal: joining a document's lines into sentences that map back to the source.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "narrative/narrative.hpp"

namespace jx::narrative::detail {

// The bytes of a line one normalized byte came from.
struct SourceSpan {
  std::size_t line = 0;  // index into Document::lines
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct BuiltSentence {
  std::string text;             // normalized
  std::vector<SourceSpan> map;  // one per byte of text
  std::size_t first_line = 0;
  std::string enumerator;  // style of the enumerator it starts with, or ""
};

std::vector<BuiltSentence> build_sentences(const Document& document);
std::string enumerator_style(std::u32string_view line);
// The report's own text behind text[begin, end): each line's bytes, lines joined without breaks.
std::string source_text(const Document& document, const std::vector<SourceSpan>& map, std::size_t begin,
                        std::size_t end);

}  // namespace jx::narrative::detail
