// Loading a rule set: manifest.toml (validated against schemas/ruleset.schema.json),
// the chain of sets it extends, the indicator tree, and the rule files.
#include "rules/ruleset.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "rules/manifest_reader.hpp"

namespace jx::rules {

std::string shown_path(const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path near = std::filesystem::proximate(path, ec).lexically_normal();
  if (ec || near.empty() || *near.begin() == "..")
    return std::filesystem::absolute(path, ec).lexically_normal().string();
  return near.string();
}

namespace fs = std::filesystem;
using data::Value;

namespace {

std::string where(const data::Document& doc, const Value& v) {
  return fmt::format("{}:{}:{}", doc.files.at(v.pos().file), v.pos().line, v.pos().column);
}

int to_int(const Decimal& d) { return std::stoi(d.to_string()); }

Rounding rounding_from(const Value& v, Rounding base) {
  if (const Value* scale = v.find("scale")) base.scale = to_int(scale->as_decimal());
  if (const Value* mode = v.find("mode")) base.mode = parse_rounding_mode(mode->as_string());
  return base;
}

// Objects merge member by member (the child's value wins); anything else is replaced.
Value merge(const Value& base, const Value& over) {
  if (base.kind() != Value::Kind::object || over.kind() != Value::Kind::object) return over;
  Value::Object members = base.as_object();
  for (const auto& m : over.as_object()) {
    auto it = std::find_if(members.begin(), members.end(), [&](const auto& x) { return x.key == m.key; });
    if (it == members.end()) {
      members.push_back(m);
    } else {
      it->value = merge(it->value, m.value);
    }
  }
  return Value(std::move(members), over.pos());
}

// One [[indicators]] entry as declared, after extends has been applied.
struct Declaration {
  std::string path;
  std::string name_en;
  std::optional<Decimal> weight;
  std::optional<Rounding> rounding;
  std::string at;
  std::optional<MissingEvidencePolicy> missing_evidence;
  bool all_or_nothing = false;
};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

}  // namespace

class RuleSetBuilder {
 public:
  RuleSetBuilder(const data::Schema& schema, Lang lang) : schema_(schema), lang_(lang) {}

  RuleSet build(const std::string& dir) {
    RuleSet set;
    set.dir_ = fs::path(dir).lexically_normal().string();
    apply(set, set.dir_, 0);
    build_tree(set);
    if (!errors_.empty()) {
      std::string all;
      for (const auto& e : errors_) all += (all.empty() ? "" : "\n") + e;
      throw RuleSetError(all);
    }
    return set;
  }

 private:
  void error(std::string message) { errors_.push_back(std::move(message)); }

  // Applies the manifest in `dir` on top of what its `extends` chain gave.
  void apply(RuleSet& set, const std::string& dir, int depth) {
    if (depth > 16) {
      error(fmt::format("{}: extends nests deeper than 16 sets", dir));
      return;
    }
    std::error_code ec;
    const std::string canonical = fs::weakly_canonical(dir, ec).string();
    if (!visiting_.insert(canonical).second) {
      error(fmt::format("{}: extends forms a cycle", dir));
      return;
    }
    const std::string manifest = (fs::path(dir) / "manifest.toml").string();
    if (!fs::exists(manifest)) {
      error(fmt::format("{}: no manifest.toml in the rule-set directory", dir));
      return;
    }
    const data::LoadResult loaded = read_manifest(schema_, manifest, lang_);
    for (const Diagnostic& d : loaded.diagnostics) {
      if (d.severity == Diagnostic::Severity::error) error(d.to_string(lang_));
    }
    if (!loaded.ok()) return;
    const data::Document& doc = *loaded.document;
    const Value& root = doc.root;

    if (const Value* extends = root.find("extends")) {
      apply(set, (fs::path(dir) / extends->as_string()).lexically_normal().string(), depth + 1);
    }
    set.chain_.insert(set.chain_.begin(), dir);
    set.source_files_.push_back(manifest);

    set.name_ = root.find("name")->as_string();
    const Value* name_en = root.find("name_en");
    set.name_en_ = name_en != nullptr ? name_en->as_string() : std::string();
    set.jurisdiction_ = root.find("jurisdiction")->as_string();
    set.fiscal_years_.clear();
    for (const Value& y : root.find("fiscal_years")->as_array())
      set.fiscal_years_.push_back(to_int(y.as_decimal()));
    if (const Value* calendar = root.find("calendar")) apply_calendar(set, doc, dir, *calendar);
    if (const Value* rounding = root.find("rounding"))
      set.rounding_ = rounding_from(*rounding, set.rounding_);
    if (const Value* missing = root.find("missing_evidence")) apply_missing(set, doc, *missing);
    if (const Value* budgets = root.find("budgets")) {
      if (const Value* n = budgets->find("findings_per_rule"))
        set.findings_budget_.findings_per_rule = static_cast<std::size_t>(to_int(n->as_decimal()));
      if (const Value* n = budgets->find("finding_bytes_per_rule"))
        set.findings_budget_.finding_bytes_per_rule = static_cast<std::size_t>(to_int(n->as_decimal()));
    }
    if (const Value* grades = root.find("grades")) apply_grades(set, doc, *grades);
    if (const Value* params = root.find("params")) {
      set.params_ = set.params_.kind() == Value::Kind::object ? merge(set.params_, *params) : *params;
    }
    if (const Value* indicators = root.find("indicators")) apply_indicators(doc, *indicators);
    apply_rule_files(set, dir, root);
  }

  // calendar = "cn-mainland" names a file calendars/cn-mainland.toml in the
  // nearest calendars/ folder above the set, so a set copied elsewhere under a
  // rules/ folder keeps its calendar (and with none above, the one jxaudit
  // ships: calendar_path stays empty); a value with a '/' or ending in .toml is
  // a path relative to the manifest. Either way, where the key was written is
  // kept for the message when the file is not found.
  static void apply_calendar(RuleSet& set, const data::Document& doc, const std::string& dir,
                             const Value& v) {
    const std::string& text = v.as_string();
    set.calendar_key_at_ = where(doc, v);
    set.calendar_name_.clear();
    const bool is_path = text.find('/') != std::string::npos || fs::path(text).extension() == ".toml";
    if (is_path) {
      set.calendar_path_ = (fs::path(dir) / text).lexically_normal().string();
      return;
    }
    set.calendar_name_ = text;
    set.calendar_path_.clear();
    std::error_code ec;
    // The nearest calendars/ folder decides: a name it lacks is an error (the
    // loader names the key), not a quiet fall back to another folder's file.
    for (fs::path at = fs::absolute(dir, ec).lexically_normal(); !at.empty(); at = at.parent_path()) {
      if (fs::is_directory(at / "calendars", ec)) {
        set.calendar_path_ = shown_path(at / "calendars" / (text + ".toml"));
        return;
      }
      if (at == at.parent_path()) break;
    }
  }

  void apply_missing(RuleSet& set, const data::Document& doc, const Value& v) {
    if (auto policy = missing_policy(doc, v)) set.missing_ = *policy;
  }

  // A [missing_evidence] table, the set's or a leaf's own.
  std::optional<MissingEvidencePolicy> missing_policy(const data::Document& doc, const Value& v) {
    const std::string& policy = v.find("policy")->as_string();
    const Value* points = v.find("points");
    if (policy == "deduct_weight")
      return MissingEvidencePolicy{MissingEvidencePolicy::Kind::deduct_weight, Decimal()};
    if (policy == "review") return MissingEvidencePolicy{MissingEvidencePolicy::Kind::review, Decimal()};
    if (points == nullptr) {
      error(fmt::format("{}: /missing_evidence: policy \"deduct\" needs \"points\"", where(doc, v)));
      return std::nullopt;
    }
    return MissingEvidencePolicy{MissingEvidencePolicy::Kind::deduct, points->as_decimal()};
  }

  void apply_grades(RuleSet& set, const data::Document& doc, const Value& v) {
    set.grades_.clear();
    for (const Value& g : v.as_array()) {
      GradeBand band{g.find("name")->as_string(), "", g.find("min")->as_decimal()};
      if (const Value* en = g.find("name_en")) band.name_en = en->as_string();
      if (!set.grades_.empty() && !(band.min < set.grades_.back().min)) {
        error(fmt::format("{}: /grades: bands must go from the highest minimum down", where(doc, g)));
      }
      set.grades_.push_back(std::move(band));
    }
  }

  void apply_indicators(const data::Document& doc, const Value& list) {
    for (const Value& item : list.as_array()) {
      const std::string& path = item.find("path")->as_string();
      const std::string at = where(doc, item);
      const bool remove = item.find("remove") != nullptr && item.find("remove")->as_bool();
      auto it = std::find_if(declarations_.begin(), declarations_.end(),
                             [&](const auto& d) { return d.path == path; });
      if (remove) {
        if (it == declarations_.end()) {
          error(fmt::format("{}: cannot remove \"{}\": no such inherited indicator", at, path));
          continue;
        }
        // The indicator and everything under it.
        std::erase_if(declarations_, [&](const Declaration& d) {
          return d.path == path || d.path.rfind(path + "/", 0) == 0;
        });
        continue;
      }
      if (it == declarations_.end()) {
        declarations_.push_back(Declaration{path, "", std::nullopt, std::nullopt, at, std::nullopt, false});
        it = std::prev(declarations_.end());
      } else if (it->at.substr(0, it->at.find(':')) == at.substr(0, at.find(':'))) {
        error(fmt::format("{}: indicator \"{}\" is declared twice (also at {})", at, path, it->at));
        continue;
      }
      if (const Value* w = item.find("weight")) it->weight = w->as_decimal();
      if (const Value* r = item.find("rounding"))
        it->rounding = rounding_from(*r, it->rounding.value_or(Rounding{}));
      if (const Value* en = item.find("name_en")) it->name_en = en->as_string();
      if (const Value* m = item.find("missing_evidence")) it->missing_evidence = missing_policy(doc, *m);
      if (const Value* a = item.find("all_or_nothing")) it->all_or_nothing = a->as_bool();
      it->at = at;
    }
  }

  void apply_rule_files(RuleSet& set, const std::string& dir, const Value& root) {
    if (const Value* removed = root.find("remove_rules")) {
      for (const Value& r : removed->as_array()) {
        const auto before = set.rule_files_.size();
        std::erase_if(set.rule_files_, [&](const RuleFile& f) { return f.relative == r.as_string(); });
        if (set.rule_files_.size() == before) {
          error(fmt::format("{}: /remove_rules: no inherited rule file \"{}\"", where_value(dir, r),
                            r.as_string()));
        }
      }
    }
    std::vector<RuleFile> found;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         ++it) {
      const fs::path rel = fs::relative(it->path(), dir);
      if (it->is_directory() && rel.string() == "lib") {
        set.lib_dirs_.insert(set.lib_dirs_.begin(), it->path().lexically_normal().string());
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && it->path().extension() == ".lua") {
        found.push_back(RuleFile{(fs::path(dir) / rel).lexically_normal().string(), rel.generic_string()});
      }
    }
    if (ec) error(fmt::format("{}: cannot list the rule files: {}", dir, ec.message()));
    for (RuleFile& f : found) {
      set.source_files_.push_back(f.path);
      auto same = std::find_if(set.rule_files_.begin(), set.rule_files_.end(),
                               [&](const RuleFile& g) { return g.relative == f.relative; });
      if (same != set.rule_files_.end()) {
        *same = std::move(f);  // this year's file replaces the inherited one
      } else {
        set.rule_files_.push_back(std::move(f));
      }
    }
    std::sort(set.rule_files_.begin(), set.rule_files_.end(),
              [](const RuleFile& a, const RuleFile& b) { return a.relative < b.relative; });
  }

  static std::string where_value(const std::string& dir, const Value& v) {
    return fmt::format("{}/manifest.toml:{}:{}", dir, v.pos().line, v.pos().column);
  }

  // Builds the tree from the declarations: ancestors that were not declared
  // are created, weights of parents are derived or checked, roots add to 100.
  void build_tree(RuleSet& set) {
    std::vector<Indicator>& out = set.indicators_;
    std::map<std::string, std::size_t> index;
    std::vector<std::size_t> roots;
    // Insert in declaration order, ancestors first.
    std::vector<Indicator> nodes;
    for (const Declaration& d : declarations_) {
      const auto parts = split_path(d.path);
      std::string prefix;
      std::optional<std::size_t> parent;
      for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].empty()) {
          error(fmt::format("{}: indicator path \"{}\" has an empty segment", d.at, d.path));
          break;
        }
        prefix += (i == 0 ? "" : "/") + parts[i];
        auto it = index.find(prefix);
        if (it == index.end()) {
          Indicator node;
          node.path = prefix;
          node.name = parts[i];
          node.depth = i;
          node.parent = parent;
          node.defined_at = d.at;
          it = index.emplace(prefix, nodes.size()).first;
          if (parent) {
            nodes[*parent].children.push_back(nodes.size());
          } else {
            roots.push_back(nodes.size());
          }
          nodes.push_back(std::move(node));
        }
        parent = it->second;
      }
      if (!parent || nodes[*parent].path != d.path) continue;
      Indicator& node = nodes[*parent];
      node.defined_at = d.at;
      node.name_en = d.name_en;
      node.rounding = d.rounding;
      node.missing_evidence = d.missing_evidence;
      node.all_or_nothing = d.all_or_nothing;
      if (d.weight) node.weight = *d.weight;
      declared_weight_.insert({d.path, d.weight.has_value()});
    }
    // Weights bottom-up: a leaf must have one; a parent's is the sum of its children.
    std::function<Decimal(std::size_t)> settle = [&](std::size_t i) -> Decimal {
      Indicator& node = nodes[i];
      const bool declared = declared_weight_.count(node.path) > 0 && declared_weight_[node.path];
      if (node.children.empty()) {
        if (!declared)
          error(fmt::format("{}: leaf indicator \"{}\" has no weight", node.defined_at, node.path));
        if (node.weight.sign() < 0)
          error(fmt::format("{}: indicator \"{}\" has a negative weight", node.defined_at, node.path));
        return node.weight;
      }
      Decimal sum;
      for (std::size_t c : node.children) {
        const Decimal weight = settle(c);
        if (!add_weight(sum, weight, node.defined_at, fmt::format("the weights under \"{}\"", node.path))) {
          return node.weight;
        }
      }
      if (declared && sum != node.weight) {
        error(fmt::format("{}: the weights under \"{}\" add up to {}, but its weight is {}", node.defined_at,
                          node.path, sum.to_string(), node.weight.to_string()));
      }
      if (!declared) node.weight = sum;
      return node.weight;
    };
    Decimal total;
    for (std::size_t r : roots) {
      const Decimal weight = settle(r);
      if (!weights_overflowed_) add_weight(total, weight, nodes[r].defined_at, "the first-level weights");
    }
    if (!weights_overflowed_ && !nodes.empty() && total != Decimal(100)) {
      error(fmt::format("{}: the first-level indicators add up to {}, not 100",
                        set.chain_.empty() ? set.dir_ : set.chain_.front() + "/manifest.toml",
                        total.to_string()));
    }
    if (nodes.empty()) error(fmt::format("{}/manifest.toml: no indicators", set.dir_));
    // Depth-first order, each parent before its children, siblings in declaration order.
    std::vector<std::size_t> new_index(nodes.size());
    std::function<void(std::size_t)> visit = [&](std::size_t i) {
      new_index[i] = out.size();
      out.push_back(nodes[i]);
      for (std::size_t c : nodes[i].children) visit(c);
    };
    for (std::size_t r : roots) visit(r);
    for (Indicator& node : out) {
      if (node.parent) node.parent = new_index[*node.parent];
      for (std::size_t& c : node.children) c = new_index[c];
    }
    if (!set.calendar_path_.empty()) set.source_files_.push_back(set.calendar_path_);
  }

  // sum += weight, or an error naming the manifest line when the sum leaves
  // the decimal bounds (weights such as 1e9999 and 1e-9999 pass the schema).
  bool add_weight(Decimal& sum, const Decimal& weight, const std::string& at, const std::string& what) {
    try {
      sum += weight;
      return true;
    } catch (const DecimalError& e) {
      error(fmt::format("{}: {} cannot be added up: {}", at, what, e.what()));
      weights_overflowed_ = true;  // sums above it are meaningless: no second error about them
      return false;
    }
  }

  const data::Schema& schema_;
  Lang lang_;
  std::vector<std::string> errors_;
  std::set<std::string> visiting_;
  std::vector<Declaration> declarations_;
  std::map<std::string, bool> declared_weight_;
  bool weights_overflowed_ = false;
};

RuleSet RuleSet::load(const std::string& dir, const data::Schema& manifest_schema, Lang lang) {
  return RuleSetBuilder(manifest_schema, lang).build(dir);
}

std::optional<std::size_t> RuleSet::find_indicator(std::string_view path) const {
  for (std::size_t i = 0; i < indicators_.size(); ++i) {
    if (indicators_[i].path == path) return i;
  }
  return std::nullopt;
}

std::string RuleSet::indicator_path(const std::string& path, Lang lang) const {
  if (lang == Lang::zh || path.empty()) return path;
  const auto found = find_indicator(path);
  if (!found) return path;
  std::string out;
  for (std::optional<std::size_t> at = found; at; at = indicators_[*at].parent) {
    const Indicator& level = indicators_[*at];
    out = (level.name_en.empty() ? level.name : level.name_en) + (out.empty() ? "" : "/" + out);
  }
  return out;
}

Rounding RuleSet::rounding_for(std::size_t indicator) const {
  std::optional<std::size_t> at = indicator;
  while (at) {
    if (indicators_[*at].rounding) return *indicators_[*at].rounding;
    at = indicators_[*at].parent;
  }
  return rounding_;
}

const GradeBand* RuleSet::grade_for(const Decimal& total) const {
  for (const GradeBand& band : grades_) {
    if (total >= band.min) return &band;
  }
  return grades_.empty() ? nullptr : &grades_.back();
}

}  // namespace jx::rules
