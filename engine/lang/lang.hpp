// The language users read: Chinese (zh) by default, English with --lang en.
// One owner for the concept: every stage that speaks to a user takes a jx::Lang
// and picks its words with jx::tr, so a message has its two translations side
// by side where it is written.
#pragma once

#include <string>
#include <utility>

namespace jx {

enum class Lang { zh, en };

// The Chinese or the English text of one message.
[[nodiscard]] constexpr const char* tr(Lang lang, const char* zh, const char* en) {
  return lang == Lang::zh ? zh : en;
}
// The same for messages built at run time (fmt::format), taken and returned by value.
[[nodiscard]] inline std::string tr(Lang lang, std::string zh, std::string en) {
  return lang == Lang::zh ? std::move(zh) : std::move(en);
}

// A money unit as data and reports write it (元, 万元, 亿元) in the reader's
// language: "yuan", "10k yuan", "100m yuan" in English; any other unit as written.
[[nodiscard]] inline std::string money_unit(const std::string& unit, Lang lang) {
  if (lang == Lang::zh) return unit;
  if (unit == "元") return "yuan";
  if (unit == "万元") return "10k yuan";
  if (unit == "亿元") return "100m yuan";
  return unit;
}

}  // namespace jx
