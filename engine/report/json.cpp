// The JSON report (schemas/findings.schema.json): one document per department,
// on one line so that a batch is NDJSON. Decimals are strings, exactly as
// computed; the engine version and the hashes of input and rule set make a
// report reproducible.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "report/report.hpp"

namespace jx::report {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void key(Writer& w, const char* k) { w.Key(k); }
void str(Writer& w, const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
void field(Writer& w, const char* k, const std::string& v) {
  key(w, k);
  str(w, v);
}
// Scores and points as format_points writes them: two decimals when exact, else every digit.
void dec(Writer& w, const char* k, const Decimal& d) { field(w, k, format_points(d)); }

void diagnostics(Writer& w, const DepartmentReport& report) {
  key(w, "diagnostics");
  w.StartArray();
  for (const Diagnostic& d : report.diagnostics) {
    w.StartObject();
    field(w, "severity", severity_name(d.severity));
    field(w, "file", d.file);
    key(w, "line");
    w.Uint(d.line);
    key(w, "column");
    w.Uint(d.column);
    field(w, "pointer", d.pointer);
    field(w, "message", d.message);
    w.EndObject();
  }
  w.EndArray();
}

void department(Writer& w, const DepartmentReport& report) {
  key(w, "department");
  w.StartObject();
  field(w, "code", report.code);
  field(w, "name", report.name);
  if (report.fiscal_year != 0) {
    key(w, "fiscal_year");
    w.Int(report.fiscal_year);
  }
  field(w, "money_unit", report.money_unit);
  w.EndObject();
}

}  // namespace

std::string render_json(const DepartmentReport& report, const std::string& engine_version) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  field(w, "format", "jxaudit.findings/1");
  field(w, "engine_version", engine_version);
  key(w, "input");
  w.StartObject();
  field(w, "file", report.file);
  field(w, "sha256", report.input_sha256);
  w.EndObject();
  field(w, "status", report.checked() ? "checked" : "not_checked");
  if (!report.checked()) {
    // Invalid data is never scored: no rule set, no scores, only where the data is wrong.
    department(w, report);
    diagnostics(w, report);
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
  }
  const auto& card = report.card;
  const auto& indicators = report.rules->indicators();
  key(w, "ruleset");
  w.StartObject();
  field(w, "dir", report.rules->dir());
  field(w, "name", report.rules->name());
  field(w, "sha256", report.ruleset_sha256);
  w.EndObject();
  department(w, report);
  key(w, "complete");
  w.Bool(card.complete);
  dec(w, "total", card.total);
  field(w, "grade", card.grade);
  if (card.self_total) {
    dec(w, "self_total", *card.self_total);
    dec(w, "gap", card.total - *card.self_total);
  }
  if (card.self_grade) field(w, "self_grade", *card.self_grade);

  key(w, "indicators");
  w.StartArray();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const auto& row = card.rows[i];
    w.StartObject();
    field(w, "path", indicators[i].path);
    key(w, "leaf");
    w.Bool(indicators[i].is_leaf());
    dec(w, "weight", row.weight);
    dec(w, "score", row.score);
    dec(w, "deducted", row.deducted);
    if (row.self_score) {
      dec(w, "self_score", *row.self_score);
      dec(w, "gap", row.score - *row.self_score);
    }
    key(w, "failed");
    w.Bool(row.failed);
    key(w, "findings");
    w.StartArray();
    for (std::size_t f : row.findings) w.Uint64(f);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();

  key(w, "findings");
  w.StartArray();
  for (const Finding& f : card.findings) {
    w.StartObject();
    field(w, "rule_id", f.rule_id);
    field(w, "indicator", f.indicator);
    field(w, "kind", kind_name(f.kind));
    field(w, "subject", f.subject);
    field(w, "message", f.message);
    dec(w, "points", f.points);
    if (f.score) dec(w, "score", *f.score);
    key(w, "evidence");
    w.StartObject();
    for (const Evidence& e : f.evidence) field(w, e.key.c_str(), e.value);
    w.EndObject();
    field(w, "rule_source", f.rule_source);
    field(w, "data_source", f.data_source);
    w.EndObject();
  }
  w.EndArray();

  key(w, "self_checks");
  w.StartArray();
  for (const auto& c : card.self_checks) {
    w.StartObject();
    field(w, "indicator", c.indicator);
    field(w, "message_zh", c.message_zh);
    field(w, "message_en", c.message_en);
    w.EndObject();
  }
  w.EndArray();
  key(w, "engine_errors");
  w.StartArray();
  for (const auto& e : report.engine_errors) str(w, e);
  w.EndArray();
  diagnostics(w, report);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace jx::report
