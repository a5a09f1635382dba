// Public header of engine/rules: a rule set loaded from its directory
// (manifest.toml + Lua rule files), following `extends` to the sets it builds
// on. It holds the indicator tree with weights (checked to add up), the
// parameters, rounding, grade bands, missing-evidence policy, calendar path and
// the rule files. It runs no Lua: the sandbox compiles the files.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "data/diagnostic.hpp"
#include "data/schema.hpp"
#include "data/value.hpp"
#include "lang/lang.hpp"
#include "values/decimal.hpp"

namespace jx::rules {

// Every problem of a rule set, one per line, each with file:line:column.
// A path as reports and listings show it: relative to the working directory
// when it lies under it (the same bytes wherever a checkout lives), else
// absolute (an installed /usr/share/jxaudit/rules/gz/2023 reads better than
// ../../usr/share/…).
std::string shown_path(const std::filesystem::path& path);

class RuleSetError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Rounding {
  int scale = 2;
  RoundingMode mode = RoundingMode::half_up;
};

struct MissingEvidencePolicy {
  enum class Kind { deduct_weight, deduct, review };
  Kind kind = Kind::review;
  Decimal points;  // for Kind::deduct
};

struct Indicator {
  std::string path;                  // "管理效率/采购管理/合同备案时效性"
  std::string name;                  // the last segment: "合同备案时效性"
  std::string name_en;               // English label, when the manifest gives one
  std::size_t depth = 0;             // 0 for a first-level indicator (一级指标)
  Decimal weight;                    // 分值
  std::optional<Rounding> rounding;  // this indicator's own, if set
  // A leaf's own missing-evidence policy ([[indicators]] missing_evidence), else the set's.
  std::optional<MissingEvidencePolicy> missing_evidence;
  // 全有或全无: any points found take the whole weight (seed 004: 合同备案时效性).
  bool all_or_nothing = false;
  std::optional<std::size_t> parent;
  std::vector<std::size_t> children;
  std::string defined_at;  // "manifest.toml:12:1"

  [[nodiscard]] bool is_leaf() const { return children.empty(); }
};

struct GradeBand {
  std::string name;  // "优"
  std::string name_en;
  Decimal min;
};

// [budgets] of the manifest: the findings a rule run may report (unset: the
// sandbox's defaults). An extending set overrides what it names.
struct FindingsBudget {
  std::optional<std::size_t> findings_per_rule;
  std::optional<std::size_t> finding_bytes_per_rule;
};

struct RuleFile {
  std::string path;      // as shown to users, e.g. "rules/gz/2023/procurement/contract_filing.lua"
  std::string relative;  // relative to its set's directory: "procurement/contract_filing.lua"
};

class RuleSet {
 public:
  // Loads `dir`/manifest.toml against the manifest schema; throws RuleSetError.
  static RuleSet load(const std::string& dir, const data::Schema& manifest_schema, Lang lang);

  [[nodiscard]] const std::string& dir() const { return dir_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::string& name_en() const { return name_en_; }
  [[nodiscard]] const std::string& jurisdiction() const { return jurisdiction_; }
  [[nodiscard]] const std::vector<int>& fiscal_years() const { return fiscal_years_; }
  // This set's directory and those it extends, nearest first.
  [[nodiscard]] const std::vector<std::string>& chain() const { return chain_; }

  // Depth-first, in the manifest's order: each parent before its children.
  [[nodiscard]] const std::vector<Indicator>& indicators() const { return indicators_; }
  [[nodiscard]] std::optional<std::size_t> find_indicator(std::string_view path) const;
  // An indicator's path in the reader's language: in English each level's
  // name_en where the manifest gives one ("Management efficiency/Procurement/…");
  // a path that names no indicator of the set is returned as written.
  [[nodiscard]] std::string indicator_path(const std::string& path, Lang lang) const;
  // The leaf's own rounding, else its nearest ancestor's, else the set's default.
  [[nodiscard]] Rounding rounding_for(std::size_t indicator) const;
  [[nodiscard]] const Rounding& default_rounding() const { return rounding_; }

  // The merged parameters (an object Value): ctx.params in rules.
  [[nodiscard]] const data::Value& params() const { return params_; }
  // The calendar file (which may not exist); empty when the manifest names a
  // calendar (calendar_name) and no calendars/ folder lies above the set.
  [[nodiscard]] const std::string& calendar_path() const { return calendar_path_; }
  [[nodiscard]] const std::string& calendar_name() const { return calendar_name_; }
  // "rules/gz/2023/manifest.toml:11:12": where `calendar` was written.
  [[nodiscard]] const std::string& calendar_key_at() const { return calendar_key_at_; }
  [[nodiscard]] const std::vector<GradeBand>& grades() const { return grades_; }
  // The band a total falls in (bands from the best down; the last one catches all).
  [[nodiscard]] const GradeBand* grade_for(const Decimal& total) const;
  [[nodiscard]] const MissingEvidencePolicy& missing_evidence() const { return missing_; }
  [[nodiscard]] const FindingsBudget& findings_budget() const { return findings_budget_; }

  [[nodiscard]] const std::vector<RuleFile>& rule_files() const { return rule_files_; }
  // lib/ folders for `require`, this set's first.
  [[nodiscard]] const std::vector<std::string>& lib_dirs() const { return lib_dirs_; }
  // Every file the set is made of (manifests, rules, libs, calendar), for hashing.
  [[nodiscard]] const std::vector<std::string>& source_files() const { return source_files_; }

 private:
  friend class RuleSetBuilder;
  std::string dir_, name_, name_en_, jurisdiction_, calendar_path_, calendar_name_, calendar_key_at_;
  std::vector<int> fiscal_years_;
  std::vector<std::string> chain_;
  std::vector<Indicator> indicators_;
  Rounding rounding_;
  data::Value params_;
  std::vector<GradeBand> grades_;
  MissingEvidencePolicy missing_;
  FindingsBudget findings_budget_;
  std::vector<RuleFile> rule_files_;
  std::vector<std::string> lib_dirs_;
  std::vector<std::string> source_files_;
};

}  // namespace jx::rules
