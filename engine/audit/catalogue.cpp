// The catalogue of rule sets: rules/<jurisdiction>/<fiscal year>, each loaded
// once (a failure too: the same error for every department that needs it).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "audit/audit.hpp"

namespace jx::audit {

namespace fs = std::filesystem;

namespace {

// "gz/2023" for rules_root/gz/2023: the name a report cites, the same wherever
// jxaudit and its rules are installed; a set elsewhere keeps its path.
std::string short_name(const std::string& dir, const std::string& rules_root) {
  std::error_code ec;
  const fs::path set = fs::weakly_canonical(dir, ec);
  const fs::path root = fs::weakly_canonical(rules_root, ec);
  if (ec || root.empty()) return dir;
  const fs::path rel = set.lexically_relative(root);
  if (rel.empty() || rel == "." || *rel.begin() == "..") return dir;
  return rel.generic_string();
}

}  // namespace

Catalogue::Catalogue(std::string rules_root, data::Schema manifest_schema, Lang lang,
                     rules::FindingsBudget budget)
    : rules_root_(std::move(rules_root)),
      manifest_schema_(std::move(manifest_schema)),
      lang_(lang),
      budget_(budget) {}

std::shared_ptr<const LoadedRuleSet> Catalogue::get(const std::string& dir) {
  // Paths in reports are relative to the working directory when they can be,
  // so that a report is the same bytes wherever the checkout lives.
  const std::string shown = fs::proximate(dir).lexically_normal().string();
  std::lock_guard lock(mutex_);
  if (auto it = sets_.find(shown); it != sets_.end()) return it->second;
  if (auto it = errors_.find(shown); it != errors_.end()) throw std::runtime_error(it->second);
  try {
    auto set = load_rule_set(shown, manifest_schema_, lang_, budget_, rules_root_ + "/calendars");
    set->id = short_name(shown, rules_root_);
    sets_[shown] = set;
    return set;
  } catch (const std::exception& e) {
    errors_[shown] = e.what();
    throw;
  }
}

std::shared_ptr<const LoadedRuleSet> Catalogue::for_year(const std::string& explicit_dir, int fiscal_year) {
  if (!explicit_dir.empty()) return get(explicit_dir);
  const std::string y = fiscal_year != 0 ? std::to_string(fiscal_year) : "";
  std::vector<std::string> matches;
  std::error_code ec;
  for (const auto& jurisdiction : fs::directory_iterator(rules_root_, ec)) {
    const fs::path candidate = jurisdiction.path() / y;
    if (!y.empty() && fs::exists(candidate / "manifest.toml")) matches.push_back(candidate.string());
  }
  std::sort(matches.begin(), matches.end());
  if (matches.size() == 1) return get(matches.front());
  if (matches.empty()) {
    throw std::runtime_error(fmt::format("no rule set for fiscal year {} under {}; name one with --ruleset",
                                         y.empty() ? "?" : y, rules_root_));
  }
  std::string list;
  for (const auto& m : matches) list += (list.empty() ? "" : ", ") + m;
  throw std::runtime_error(
      fmt::format("several rule sets apply to fiscal year {} ({}); name one with --ruleset", y, list));
}

}  // namespace jx::audit
