// The batch summary in every format: one row per department.
#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "report/report.hpp"

namespace jx::report {
namespace {

const char* tr(Lang lang, const char* zh, const char* en) { return lang == Lang::zh ? zh : en; }

std::string gap_of(const SummaryRow& r) { return r.self_total ? format_points(r.total - *r.self_total) : ""; }

std::string pad(const std::string& s, std::size_t width, bool left) {
  const std::size_t w = display_width(s);
  if (w >= width) return s;
  return left ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

SummaryRow summarize(const DepartmentReport& report) {
  SummaryRow row{report.file, report.code, report.name, report.card.total, report.card.self_total,
                 report.card.grade, report.card.complete, 0};
  for (const Finding& f : report.card.findings) row.findings += f.kind == Finding::Kind::note ? 0 : 1;
  return row;
}

std::string render_summary_text(const std::vector<SummaryRow>& rows, const std::vector<std::string>& failed,
                                const TextOptions& options) {
  const Lang lang = options.lang;
  std::vector<std::vector<std::string>> table{{tr(lang, "部门", "Department"), tr(lang, "核定", "Checked"),
                                               tr(lang, "自评", "Self"), tr(lang, "差异", "Gap"),
                                               tr(lang, "等级", "Grade"), tr(lang, "发现", "Findings"),
                                               tr(lang, "文件", "File")}};
  for (const SummaryRow& r : rows) {
    table.push_back({r.name, format_points(r.total) + (r.complete ? "" : " *"),
                     r.self_total ? format_points(*r.self_total) : "", r.self_total ? format_gap(r.total - *r.self_total) : "",
                     r.grade, std::to_string(r.findings), r.file});
  }
  std::vector<std::size_t> widths(table.front().size());
  for (const auto& row : table) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  std::string out;
  for (const auto& row : table) {
    std::string line = pad(row[0], widths[0], false);
    for (std::size_t c = 1; c < row.size(); ++c) line += "  " + pad(row[c], widths[c], c <= 3 || c == 5);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  for (const auto& f : failed) out += std::string(tr(lang, "未能检查（数据有误）：", "not checked (bad input): ")) + f + "\n";
  return out;
}

std::string render_summary_json(const std::vector<SummaryRow>& rows, const std::vector<std::string>& failed) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto field = [&](const char* k, const std::string& v) {
    w.Key(k);
    w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
  };
  w.StartObject();
  field("format", "jxaudit.summary/1");
  w.Key("departments");
  w.StartArray();
  for (const SummaryRow& r : rows) {
    w.StartObject();
    field("file", r.file);
    field("code", r.code);
    field("name", r.name);
    field("total", format_points(r.total));
    if (r.self_total) {
      field("self_total", format_points(*r.self_total));
      field("gap", gap_of(r));
    }
    field("grade", r.grade);
    w.Key("complete");
    w.Bool(r.complete);
    w.Key("findings");
    w.Uint64(r.findings);
    w.EndObject();
  }
  w.EndArray();
  w.Key("not_checked");
  w.StartArray();
  for (const auto& f : failed) w.String(f.data(), static_cast<rapidjson::SizeType>(f.size()));
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string render_summary_csv(const std::vector<SummaryRow>& rows, const std::vector<std::string>& failed, Lang lang) {
  std::string out = lang == Lang::zh ? "部门代码,部门,核定总分,自评总分,差异,等级,完整,发现数,文件\r\n"
                                     : "department_code,department,total,self_total,gap,grade,complete,findings,file\r\n";
  for (const SummaryRow& r : rows) {
    out += fmt::format("{},{},{},{},{},{},{},{},{}\r\n", csv_cell(r.code), csv_cell(r.name), format_points(r.total),
                       r.self_total ? format_points(*r.self_total) : "", gap_of(r), csv_cell(r.grade),
                       r.complete ? "true" : "false", r.findings, csv_cell(r.file));
  }
  for (const auto& f : failed) out += fmt::format(",,,,,,false,,{}\r\n", csv_cell(f));
  return out;
}

}  // namespace jx::report
