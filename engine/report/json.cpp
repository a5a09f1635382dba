// The JSON report (schemas/findings.schema.json): one document per department,
// on one line so that a batch is NDJSON. Decimals are strings, exactly as
// computed; the engine version and the hashes of input and rule set make a
// report reproducible.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "report/json_writer.hpp"
#include "report/report.hpp"
#include "report/writer.hpp"

namespace jx::report {

using audit::Audit;
using audit::Difference;
using audit::SelfCheck;
using audit::Verdict;
void json::diagnostic(json::Writer& w, const Diagnostic& d) {
  w.StartObject();
  json::field(w, "severity", severity_name(d.severity));
  json::field(w, "file", d.file);
  w.Key("line");
  w.Uint(d.line);
  w.Key("column");
  w.Uint(d.column);
  if (!d.sheet.empty()) json::field(w, "sheet", d.sheet);  // a workbook's cell: 采购!F12 is line 12, column 6
  json::field(w, "pointer", d.pointer);
  json::field(w, "message", d.message);
  w.EndObject();
}

namespace {

using Json = json::Writer;
using json::field;
using json::str;

void key(Json& w, const char* k) { w.Key(k); }
// Scores and points as format_points writes them: two decimals when exact, else every digit.
void dec(Json& w, const char* k, const Decimal& d) { field(w, k, format_points(d)); }

void diagnostics(Json& w, const Audit& audit) {
  key(w, "diagnostics");
  w.StartArray();
  for (const Diagnostic& d : audit.diagnostics) json::diagnostic(w, d);
  w.EndArray();
}

// check --report: the self-evaluation report beside the data; absent without --report.
void report_check(Json& w, const Audit& audit) {
  if (!audit.report) return;
  key(w, "report");
  const audit::ReportCheck& r = *audit.report;
  w.StartObject();
  field(w, "file", r.file);
  field(w, "status", r.error.empty() ? "checked" : "error");
  field(w, "error", r.error);
  key(w, "facts");
  w.Uint64(r.facts);
  key(w, "warnings");
  w.StartArray();
  for (const std::string& s : r.warnings) str(w, s);
  w.EndArray();
  key(w, "rule_errors");
  w.StartArray();
  for (const std::string& s : r.rule_errors) str(w, s);
  w.EndArray();
  key(w, "findings");
  w.StartArray();
  for (const audit::ReportFinding& f : r.findings) {
    w.StartObject();
    field(w, "id", f.id);
    field(w, "relation", f.relation);
    field(w, "severity", audit::severity_name(f.severity, Lang::en));
    field(w, "severity_zh", audit::severity_name(f.severity, Lang::zh));
    field(w, "message_zh", f.message_zh);
    field(w, "message_en", f.message_en);
    field(w, "where_zh", f.where_zh);
    field(w, "where_en", f.where_en);
    field(w, "quote", f.quote);
    key(w, "figures");
    w.StartArray();
    for (const audit::ReportFigure& g : f.figures) {
      w.StartObject();
      field(w, "role", g.role);
      field(w, "text", g.text);
      field(w, "where", g.where);
      key(w, "in_report");
      w.Bool(g.in_report);
      w.EndObject();
    }
    w.EndArray();
    key(w, "waived");
    w.Bool(f.waived);
    field(w, "waiver_reason", f.waiver_reason);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void department(Json& w, const Audit& audit) {
  key(w, "department");
  w.StartObject();
  field(w, "code", audit.header.code);
  field(w, "name", audit.header.name);
  if (audit.header.fiscal_year != 0) {
    key(w, "fiscal_year");
    w.Int(audit.header.fiscal_year);
  }
  field(w, "money_unit", audit.header.money_unit);
  w.EndObject();
}

}  // namespace

std::string render_json(const Audit& audit) {
  rapidjson::StringBuffer buffer;
  Json w(buffer);
  w.StartObject();
  field(w, "format", "jxaudit.findings/1");
  field(w, "engine_version", audit.stamp.engine_version);
  key(w, "input");
  w.StartObject();
  field(w, "file", audit.file);
  field(w, "sha256", audit.stamp.input_sha256);
  w.EndObject();
  field(w, "status", audit.checked() ? "checked" : "not_checked");
  if (!audit.checked()) {
    // Invalid data is never scored: no rule set, no scores, only where the data is wrong.
    department(w, audit);
    key(w, "verdict");
    w.StartObject();
    field(w, "kind", verdict_kind_name(audit.verdict.kind));
    field(w, "text_zh", verdict(audit, Lang::zh));
    field(w, "text_en", verdict(audit, Lang::en));
    w.EndObject();
    diagnostics(w, audit);
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
  }
  const auto& card = audit.card;
  const auto& indicators = audit.rules().indicators();
  key(w, "ruleset");
  w.StartObject();
  field(w, "id", audit.ruleset_id());
  field(w, "name", audit.rules().name());
  field(w, "sha256", audit.stamp.ruleset_sha256);
  w.EndObject();
  department(w, audit);
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
    if (!f.message_en.empty()) field(w, "message_en", f.message_en);
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
  for (const auto& c : audit.self_checks) {
    w.StartObject();
    field(w, "relation", c.relation);
    field(w, "indicator", c.indicator);
    field(w, "message_zh", c.message_zh);
    field(w, "message_en", c.message_en);
    key(w, "sources");
    w.StartArray();
    for (const std::string& at : c.sources) str(w, at);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  // The same verdict as every other format, and each self score that differs.
  key(w, "verdict");
  w.StartObject();
  field(w, "kind", verdict_kind_name(audit.verdict.kind));
  field(w, "text_zh", verdict(audit, Lang::zh));
  field(w, "text_en", verdict(audit, Lang::en));
  key(w, "differences");
  w.StartArray();
  for (const Difference& d : audit.verdict.differences) {
    w.StartObject();
    field(w, "indicator", d.indicator);
    dec(w, "score", d.checked);
    dec(w, "self_score", d.self);
    field(w, "source", d.source);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  key(w, "engine_errors");
  w.StartArray();
  for (const auto& e : audit.engine_errors) str(w, e);
  w.EndArray();
  report_check(w, audit);
  diagnostics(w, audit);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

namespace {

class JsonWriter final : public detail::BatchWriter {
 public:
  using BatchWriter::BatchWriter;
  [[nodiscard]] std::string render(const Audit& audit) const override { return render_json(audit); }
  void department(const Audit& audit, const std::string& rendered, const Sink& write) override {
    write(rendered.empty() ? render(audit) : rendered);
    count(audit);
  }
  void finish(const Sink& write) override {
    if (summary_at_end()) render_summary_json(rows_, failed_, write);
  }
};

}  // namespace

std::unique_ptr<Writer> detail::make_json_writer(const WriteOptions& options) {
  return std::make_unique<JsonWriter>(options);
}

}  // namespace jx::report
