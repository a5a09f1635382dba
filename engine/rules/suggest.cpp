#include "rules/suggest.hpp"

#include "values/edit_distance.hpp"

#include <algorithm>
#include <cctype>

namespace jx::rules {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

std::vector<std::string> closest(const std::string& word, const std::vector<std::string>& candidates,
                                 std::size_t max) {
  const std::string w = lower(word);
  const std::size_t limit = std::max<std::size_t>(2, w.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const std::string& c : candidates) {
    const std::string l = lower(c);
    if (l == w) continue;
    std::size_t d = data::edit_distance(w, l);
    // Dotted ids: the word may be their tail ("CONTRACT_FILNG" for MGMT.PROC.CONTRACT_FILING).
    for (auto dot = l.find('.'); dot != std::string::npos; dot = l.find('.', dot + 1)) {
      d = std::min(d, data::edit_distance(w, l.substr(dot + 1)));
    }
    if (w.size() >= 4 && l.find(w) != std::string::npos) d = std::min<std::size_t>(d, 1);
    if (d <= limit) scored.emplace_back(d, c);
  }
  std::stable_sort(scored.begin(), scored.end());
  scored.erase(std::unique(scored.begin(), scored.end()), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, c] : scored) {
    if (out.size() == max) break;
    out.push_back(c);
  }
  return out;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

}  // namespace jx::rules
