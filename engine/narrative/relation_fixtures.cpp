// jxaudit test and lint for a folder of narrative relations (rules/narrative):
// fixtures beside each relation (RELATION.test.json: report lines and the exact
// findings expected), run through the same reading, extraction and sandbox as
// `jxaudit narrative`; and the checks lint makes on the folder.
#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "narrative/detail.hpp"
#include "narrative/narrative.hpp"

namespace jx::narrative {

namespace {

namespace fs = std::filesystem;

// The relations built into engine/narrative and engine/audit: a Lua relation may not take their names.
const std::set<std::string>& builtin_relations() {
  static const std::set<std::string> names = {"score_within_weight", "score_is_weight_minus_deduction",
                                              "parts_of_total",      "share_of_total",
                                              "listed_items_total",  "rate_from_amounts",
                                              "adjustment_rate",     "count_of_listed",
                                              "report_vs_data",      "report_vs_checked",
                                              "report_weight"};
  return names;
}

struct ExpectedFinding {
  std::string id;
  std::string severity;
  std::string message;  // "" : not compared
};

struct Case {
  std::string name;
  std::string report;  // the lines, each ending in '\n'
  std::vector<ExpectedFinding> findings;
};

struct Fixture {
  std::string relation;
  std::vector<Case> cases;
};

std::string fixture_path(const std::string& lua_file) {
  return fs::path(lua_file).replace_extension(".test.json").string();
}

// Throws NarrativeError naming the file and what is wrong.
Fixture load_fixture(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string json = text.str();
  rapidjson::Document doc;
  doc.Parse(json.c_str(), json.size());
  if (doc.HasParseError()) {
    throw NarrativeError(fmt::format("{}: not JSON at byte {}: {}", path, doc.GetErrorOffset(),
                                     rapidjson::GetParseError_En(doc.GetParseError())));
  }
  auto fail = [&](const std::string& what) { throw NarrativeError(path + ": " + what); };
  if (!doc.IsObject() || !doc.HasMember("relation") || !doc["relation"].IsString())
    fail("expected an object with \"relation\" (the relation's id) and \"cases\"");
  if (!doc.HasMember("cases") || !doc["cases"].IsArray() || doc["cases"].Empty())
    fail("expected \"cases\": a non-empty array");
  Fixture fixture;
  fixture.relation = doc["relation"].GetString();
  std::size_t number = 0;
  for (const auto& c : doc["cases"].GetArray()) {
    ++number;
    const std::string where = fmt::format("case {}", number);
    if (!c.IsObject() || !c.HasMember("name") || !c["name"].IsString())
      fail(where + ": expected an object with \"name\", \"report\" and \"findings\"");
    Case one;
    one.name = c["name"].GetString();
    if (!c.HasMember("report") || !c["report"].IsArray())
      fail(where + " (" + one.name + "): \"report\" must be an array of lines");
    for (const auto& line : c["report"].GetArray()) {
      if (!line.IsString()) fail(where + " (" + one.name + "): every line of \"report\" must be a string");
      one.report += std::string(line.GetString(), line.GetStringLength()) + "\n";
    }
    if (!c.HasMember("findings") || !c["findings"].IsArray())
      fail(where + " (" + one.name + "): \"findings\" must be an array (empty: the relation stays silent)");
    for (const auto& f : c["findings"].GetArray()) {
      if (!f.IsObject() || !f.HasMember("id") || !f["id"].IsString() || !f.HasMember("severity") ||
          !f["severity"].IsString())
        fail(where + " (" + one.name + "): a finding needs \"id\" and \"severity\" (确定, 疑似 or 提示)");
      ExpectedFinding e{f["id"].GetString(), f["severity"].GetString(), ""};
      if (f.HasMember("message")) {
        if (!f["message"].IsString()) fail(where + " (" + one.name + "): \"message\" must be a string");
        e.message = f["message"].GetString();
      }
      one.findings.push_back(std::move(e));
    }
    fixture.cases.push_back(std::move(one));
  }
  return fixture;
}

std::string describe(const std::string& id, const std::string& severity, const std::string& message) {
  return fmt::format("{} {}{}", severity, id, message.empty() ? "" : "  — " + message);
}

}  // namespace

bool is_relations_folder(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec) || fs::exists(fs::path(dir) / "manifest.toml", ec)) return false;
  return !relation_files(dir).empty();
}

RelationTestCounts test_relations(const std::string& dir, const std::string& only, Lang lang,
                                  const std::function<void(const std::string&)>& out) {
  RelationTestCounts counts;
  std::vector<std::string> without;
  for (const std::string& file : relation_files(dir)) {
    std::string id;
    try {
      id = relation_id(dir, file);
    } catch (const NarrativeError& e) {
      out(fmt::format("error: {}\n", e.what()));
      ++counts.failed;
      continue;
    }
    if (!only.empty() && id != only) continue;
    const std::string path = fixture_path(file);
    if (!fs::exists(path)) {
      without.push_back(fmt::format("{} ({})", id, file));
      continue;
    }
    Fixture fixture;
    try {
      fixture = load_fixture(path);
    } catch (const NarrativeError& e) {
      out(fmt::format("FAIL {}\n", e.what()));
      ++counts.failed;
      continue;
    }
    if (fixture.relation != id) {
      out(fmt::format("FAIL {}: names relation \"{}\", but {} is \"{}\"\n", path, fixture.relation, file,
                      id));
      ++counts.failed;
      continue;
    }
    for (const Case& c : fixture.cases) {
      const std::string name = fmt::format("{} › {}", path, c.name);
      std::vector<std::string> problems;
      Result result;
      try {
        result.document = read_text("report.txt", c.report, lang);
        result.extraction = extract(result.document);
        run_lua_relation(dir, file, result, lang);
      } catch (const NarrativeError& e) {
        problems.push_back(e.what());
      }
      for (const std::string& e : result.rule_errors) problems.push_back("relation error: " + e);
      bool same = problems.empty() && result.findings.size() == c.findings.size();
      for (std::size_t i = 0; same && i < c.findings.size(); ++i) {
        const Finding& a = result.findings[i];
        const ExpectedFinding& e = c.findings[i];
        same = a.id == e.id &&
               (e.severity == severity_name(a.severity, Lang::zh) ||
                e.severity == severity_name(a.severity, Lang::en)) &&
               (e.message.empty() || e.message == a.message_zh);
      }
      if (problems.empty() && !same) {
        std::string text = "findings differ:\n      expected:";
        for (const ExpectedFinding& e : c.findings)
          text += "\n        " + describe(e.id, e.severity, e.message);
        if (c.findings.empty()) text += " (none)";
        text += "\n      actual:";
        for (const Finding& a : result.findings)
          text += "\n        " + describe(a.id, severity_name(a.severity, Lang::zh), a.message_zh);
        if (result.findings.empty()) text += " (none)";
        problems.push_back(text);
      }
      if (problems.empty()) {
        ++counts.passed;
        continue;
      }
      ++counts.failed;
      out("FAIL " + name + "\n");
      for (const std::string& p : problems) out("    " + p + "\n");
    }
  }
  if (!without.empty()) {
    out("relations without fixtures:\n");
    for (const std::string& r : without) out("    " + r + "\n");
  }
  out(fmt::format("{} passed, {} failed\n", counts.passed, counts.failed));
  return counts;
}

std::vector<std::string> lint_relations(const std::string& dir, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::vector<std::string> problems;
  std::map<std::string, std::string> seen;  // id → file
  for (const std::string& file : relation_files(dir)) {
    std::string id;
    try {
      id = relation_id(dir, file);
    } catch (const NarrativeError& e) {
      problems.push_back(e.what());
      continue;
    }
    const std::string stem = fs::path(file).stem().string();
    if (id != stem) {
      problems.push_back(
          zh ? fmt::format("{}：关系的 id “{}” 应与文件名 “{}” 相同（发现编号由 id 构成）", file, id, stem)
             : fmt::format("{}: the relation's id \"{}\" should be its file's name \"{}\" "
                           "(finding ids are made from it)",
                           file, id, stem));
    }
    if (builtin_relations().count(id) > 0) {
      problems.push_back(zh ? fmt::format("{}：id “{}” 与内置关系同名", file, id)
                            : fmt::format("{}: the id \"{}\" is a built-in relation's", file, id));
    }
    if (const auto [it, inserted] = seen.emplace(id, file); !inserted) {
      problems.push_back(zh ? fmt::format("{}：id “{}” 已由 {} 使用", file, id, it->second)
                            : fmt::format("{}: the id \"{}\" is already used by {}", file, id, it->second));
    }
    const std::string fixture = fixture_path(file);
    if (!fs::exists(fixture)) {
      problems.push_back(zh ? fmt::format("{}：没有测试用例（{}）", file, fixture)
                            : fmt::format("{}: no fixture ({})", file, fixture));
      continue;
    }
    try {
      const Fixture f = load_fixture(fixture);
      if (f.relation != id) {
        problems.push_back(
            zh ? fmt::format("{}：测试用例所指关系 “{}” 不是 “{}”", fixture, f.relation, id)
               : fmt::format("{}: names relation \"{}\", not \"{}\"", fixture, f.relation, id));
      }
    } catch (const NarrativeError& e) {
      problems.push_back(e.what());
    }
  }
  return problems;
}

}  // namespace jx::narrative
