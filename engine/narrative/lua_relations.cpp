// Relations written in Lua: every *.lua file of a relations folder (shipped:
// rules/narrative/) runs in the rule sandbox (engine/sandbox: allow-listed
// globals, CPU and memory budgets, exact decs) as check(report, ctx), so an
// auditor adds a relation by dropping a file there, without rebuilding.
// `report` is a read-only tree: report.facts[i] (number as a dec, its interval
// lo/hi, unit, label, quote, line, page …) and report.sentences[i]. A relation
// reports with ctx:note{ subject = "确定" | "疑似" | "提示", message = …,
// evidence = { 角色 = fact.index, … } }. docs/narrative.md describes it.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "data/value.hpp"
#include "narrative/detail.hpp"
#include "sandbox/sandbox.hpp"

namespace jx::narrative {

namespace {

using data::Value;

Value str(std::string s) { return Value(std::move(s), {}); }
Value num(std::int64_t n) { return Value(Decimal(n), {}); }
Value dec(Decimal d) { return Value(std::move(d), {}); }
Value boolean(bool b) { return Value(b, {}); }

Value::Member member(std::string key, Value value) { return Value::Member{std::move(key), std::move(value)}; }

Value fact_value(const Fact& f, std::size_t index) {
  const detail::Interval i = detail::interval_of(f);
  Value::Object o;
  o.push_back(member("index", num(static_cast<std::int64_t>(index + 1))));
  o.push_back(member("number", dec(f.value)));
  o.push_back(member("text", str(f.number)));
  o.push_back(member("decimals", num(f.decimals)));
  o.push_back(member("lo", dec(i.lo)));
  o.push_back(member("hi", dec(i.hi)));
  o.push_back(member("hi_open", boolean(i.hi_open)));
  o.push_back(member("factor", dec(detail::base_factor(f.unit))));
  o.push_back(member("unit", str(f.unit)));
  o.push_back(member("label", str(f.label)));
  o.push_back(member("quote", str(f.quote)));
  o.push_back(member("exact", boolean(f.exact)));
  o.push_back(member("approximate", boolean(f.approximate)));
  o.push_back(member("sentence", num(static_cast<std::int64_t>(f.sentence + 1))));
  o.push_back(member("page", num(f.position.page)));
  o.push_back(member("line", num(f.position.line)));
  return Value(std::move(o), {});
}

std::shared_ptr<const data::Document> report_tree(const Extraction& x, const std::string& file) {
  Value::Array facts;
  for (std::size_t i = 0; i < x.facts.size(); ++i) facts.push_back(fact_value(x.facts[i], i));
  Value::Array sentences;
  for (const Sentence& s : x.sentences) {
    Value::Object o;
    o.push_back(member("text", str(s.text)));
    o.push_back(member("quote", str(s.quote)));
    o.push_back(member("enumerator", str(s.enumerator)));
    o.push_back(member("page", num(s.position.page)));
    o.push_back(member("line", num(s.position.line)));
    sentences.push_back(Value(std::move(o), {}));
  }
  Value::Object root;
  root.push_back(member("file", str(file)));
  root.push_back(member("facts", Value(std::move(facts), {})));
  root.push_back(member("sentences", Value(std::move(sentences), {})));
  auto doc = std::make_shared<data::Document>();
  doc->files.push_back(file);
  doc->root = Value(std::move(root), {});
  return doc;
}

std::optional<Severity> severity_of(const std::string& name) {
  if (name == "确定" || name == "certain") return Severity::certain;
  if (name == "疑似" || name == "suspected") return Severity::suspected;
  if (name == "提示" || name == "hint") return Severity::hint;
  return std::nullopt;
}

}  // namespace

std::vector<std::string> relation_files(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".lua") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

namespace {

// Runs the relation `file` (loaded into `engine`) on `tree` and adds its findings to `result`.
void run_relation(sandbox::Engine& engine, const std::string& file,
                  const std::shared_ptr<const data::Document>& tree, Result& result, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::size_t rule = 0;
  try {
    rule = engine.load({file, text.str()});
  } catch (const sandbox::RuleLoadError& e) {
    throw NarrativeError(e.what());
  }
  sandbox::RuleInput input;
  input.department = tree;
  const sandbox::RuleOutcome outcome = engine.run(rule, input);
  for (const jx::Finding& f : outcome.findings) {
    const std::optional<Severity> severity = severity_of(f.subject);
    if (!severity) {
      result.rule_errors.push_back(
          engine.info(rule).source_path + ": " +
          (zh ? "发现的 subject 应为 确定、疑似 或 提示，而不是“" + f.subject + "”"
              : "a finding's subject must be 确定, 疑似 or 提示, not \"" + f.subject + "\""));
      continue;
    }
    Finding finding;
    finding.relation = f.rule_id;
    finding.severity = *severity;
    finding.message_zh = f.message;
    finding.message_en = f.message_en.empty() ? f.message : f.message_en;
    for (const jx::Evidence& e : f.evidence) {
      std::size_t index = 0;
      const auto [ptr, ec] = std::from_chars(e.value.data(), e.value.data() + e.value.size(), index);
      if (ec != std::errc() || ptr != e.value.data() + e.value.size() || index == 0 ||
          index > result.extraction.facts.size()) {
        continue;  // not a fact's index: kept out of the figures
      }
      finding.evidence.push_back({e.key, index - 1});
    }
    if (finding.evidence.empty()) {
      result.rule_errors.push_back(
          engine.info(rule).source_path + ": " +
          (zh ? "发现须在 evidence 中至少引用一个数字（fact.index）"
              : "a finding must cite at least one figure (fact.index) in its evidence"));
      continue;
    }
    std::sort(finding.evidence.begin(), finding.evidence.end(),
              [](const Evidence& a, const Evidence& b) { return a.fact < b.fact; });
    result.findings.push_back(std::move(finding));
  }
  // A relation that failed (a Lua error, a budget): what it found before a
  // findings budget stopped it stands, and its failure is listed after.
  if (outcome.failure) result.rule_errors.push_back(outcome.failure->message);  // "file:line: what happened"
}

// A report has hundreds of figures, not a department's millions of rows: a tenth
// of check's instruction budget is ample and stops a runaway relation sooner.
sandbox::Limits relation_limits() {
  sandbox::Limits limits;
  limits.instructions_per_rule = 10'000'000;
  return limits;
}

}  // namespace

void run_lua_relations(const std::string& dir, Result& result, Lang lang) {
  const bool zh = lang == Lang::zh;
  if (!std::filesystem::is_directory(dir)) {
    throw NarrativeError(zh ? dir + "：关系规则目录不存在" : dir + ": the relations folder does not exist");
  }
  sandbox::Engine engine(relation_limits(), {dir + "/lib"});
  const auto tree = report_tree(result.extraction, result.document.file);
  for (const std::string& file : relation_files(dir)) run_relation(engine, file, tree, result, lang);
}

void run_lua_relation(const std::string& dir, const std::string& file, Result& result, Lang lang) {
  sandbox::Engine engine(relation_limits(), {dir + "/lib"});
  run_relation(engine, file, report_tree(result.extraction, result.document.file), result, lang);
  detail::complete_findings(result.extraction, result.findings);
}

std::string relation_id(const std::string& dir, const std::string& file) {
  sandbox::Engine engine(relation_limits(), {dir + "/lib"});
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return engine.info(engine.load({file, text.str()})).id;
  } catch (const sandbox::RuleLoadError& e) {
    throw NarrativeError(e.what());
  }
}

}  // namespace jx::narrative
