// `jxaudit rules list`: every rule set under the rules root (the shipped
// rules/) and under each --rules DIR, by its short name relative to the root
// it was found in (gz/2023, as reports cite it), with its fiscal years, name,
// and how many leaf indicators and rule files it has. A set that does not load
// is named with its error and the others are still listed (exit 2).
#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/rules_list.hpp"
#include "report/report.hpp"
#include "rules/ruleset.hpp"

namespace jx::cli {
namespace {

namespace fs = std::filesystem;

struct Listed {
  std::string id;   // "gz/2023"
  std::string dir;  // as a user would type it: relative to the working directory when it can be
  std::optional<rules::RuleSet> set;
  std::string error;
};

// The directories holding a manifest.toml under `root` (the root itself
// included), not looking inside a set: its tests/ and lib/ hold no sets.
std::vector<fs::path> set_dirs(const fs::path& root) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (fs::is_regular_file(root / "manifest.toml", ec)) return {root};
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory(ec) || it->path().filename().string().starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (fs::is_regular_file(it->path() / "manifest.toml", ec)) {
      out.push_back(it->path());
      it.disable_recursion_pending();
    } else if (it.depth() >= 2) {
      it.disable_recursion_pending();  // <jurisdiction>/<year> is as deep as sets lie
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string years_text(const std::vector<int>& years) {
  std::string out;
  for (int y : years) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out;
}

std::size_t leaves(const rules::RuleSet& set) {
  return static_cast<std::size_t>(std::count_if(set.indicators().begin(), set.indicators().end(),
                                                [](const rules::Indicator& i) { return i.is_leaf(); }));
}

void write_json(const std::vector<Listed>& listed) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  const auto field = [&w](const char* k, const std::string& v) {
    w.Key(k);
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  };
  w.StartObject();
  field("format", "jxaudit.rulesets/1");
  w.Key("rule_sets");
  w.StartArray();
  for (const Listed& l : listed) {
    w.StartObject();
    field("id", l.id);
    field("dir", l.dir);
    if (l.set) {
      field("jurisdiction", l.set->jurisdiction());
      w.Key("fiscal_years");
      w.StartArray();
      for (int y : l.set->fiscal_years()) w.Int(y);
      w.EndArray();
      field("name", l.set->name());
      if (!l.set->name_en().empty()) field("name_en", l.set->name_en());
      w.Key("leaves");
      w.Uint64(leaves(*l.set));
      w.Key("rules");
      w.Uint64(l.set->rule_files().size());
    } else {
      field("error", l.error);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::cout << std::string_view(buffer.GetString(), buffer.GetSize()) << '\n';
}

void write_text(const std::vector<Listed>& listed, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::vector<std::vector<std::string>> rows{{zh ? "规则集" : "Rule set", zh ? "年度" : "Years",
                                              zh ? "末级指标" : "Leaves", zh ? "规则" : "Rules",
                                              zh ? "名称" : "Name", zh ? "目录" : "Directory"}};
  for (const Listed& l : listed) {
    if (!l.set) continue;
    const std::string name = !zh && !l.set->name_en().empty() ? l.set->name_en() : l.set->name();
    rows.push_back({l.id, years_text(l.set->fiscal_years()), std::to_string(leaves(*l.set)),
                    std::to_string(l.set->rule_files().size()), name, l.dir});
  }
  std::vector<std::size_t> widths(rows.front().size());
  for (const auto& r : rows) {
    for (std::size_t c = 0; c < r.size(); ++c) widths[c] = std::max(widths[c], report::display_width(r[c]));
  }
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t c = 0; c < r.size(); ++c) {
      const std::string pad(widths[c] - report::display_width(r[c]), ' ');
      // The counts to the right, the rest to the left.
      line += (c > 0 ? "  " : "") + (c == 2 || c == 3 ? pad + r[c] : r[c] + pad);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::cout << line << '\n';
  }
}

}  // namespace

int run_rules_list(const std::vector<std::string>& extra_roots, const std::string& format,
                   const GlobalOptions& global) {
  const Lang lang = global.lang();
  const data::Schema schema = data::Schema::load(home_dir() + "/schemas/ruleset.schema.json");
  std::vector<std::string> roots{home_dir() + "/rules"};
  roots.insert(roots.end(), extra_roots.begin(), extra_roots.end());
  std::vector<Listed> listed;
  int code = exit_ok;
  for (const std::string& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      std::cerr << (lang == Lang::zh ? fmt::format("jxaudit: {}：不是目录\n", root)
                                     : fmt::format("jxaudit: {}: not a directory\n", root));
      code = exit_bad_input;
      continue;
    }
    for (const fs::path& dir : set_dirs(root)) {
      Listed l;
      const fs::path rel = dir.lexically_relative(root);
      l.dir = fs::proximate(dir, ec).lexically_normal().string();
      // A set named as the root itself has no path below it: its directory name.
      l.id = rel.empty() || rel == "." ? dir.filename().string() : rel.generic_string();
      try {
        l.set = rules::RuleSet::load(l.dir, schema, lang);
      } catch (const rules::RuleSetError& e) {
        l.error = e.what();
        std::cerr << "jxaudit: " << e.what() << '\n';
        code = exit_bad_input;
      }
      listed.push_back(std::move(l));
    }
  }
  if (format == "json") {
    write_json(listed);
  } else {
    write_text(listed, lang);
  }
  return code;
}

}  // namespace jx::cli
