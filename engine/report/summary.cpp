// The batch summary in every format: one row per department.
#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>

#include "lang/lang.hpp"
#include "report/csv_cell.hpp"
#include "report/report.hpp"
#include "report/summary_rows.hpp"

namespace jx::report {

using audit::Audit;
using audit::Difference;
using audit::SelfCheck;
using audit::Verdict;
namespace {

std::string gap_of(const SummaryRow& r) { return r.self_total ? format_points(r.total - *r.self_total) : ""; }

}  // namespace

SummaryRow summarize(const Audit& audit, Lang lang) {
  SummaryRow row{audit.file,
                 audit.header.code,
                 audit.header.name,
                 audit.card.total,
                 audit.card.self_total,
                 lang == Lang::en && !audit.card.grade_en.empty() ? audit.card.grade_en : audit.card.grade,
                 audit.card.complete,
                 0,
                 audit.verdict.kind};
  for (const Finding& f : audit.card.findings) row.findings += f.kind == Finding::Kind::note ? 0 : 1;
  return row;
}

void render_summary_text(const SummaryRows& rows, const std::vector<std::string>& failed,
                         const TextOptions& options, const Sink& write) {
  const Lang lang = options.lang;
  using Cells = std::array<std::string, 8>;
  const Cells header{tr(lang, "部门", "Department"), tr(lang, "核定", "Checked"), tr(lang, "自评", "Self"),
                     tr(lang, "差异", "Gap"),        tr(lang, "等级", "Grade"),   tr(lang, "结论", "Verdict"),
                     tr(lang, "发现", "Findings"),   tr(lang, "文件", "File")};
  auto cells = [lang](const SummaryRow& r) {
    return Cells{r.name,
                 format_points(r.total) + (r.complete ? "" : " *"),
                 r.self_total ? format_points(*r.self_total) : "",
                 r.self_total ? format_gap(r.total - *r.self_total) : "",
                 r.grade,
                 verdict_label(r.verdict, lang),
                 std::to_string(r.findings),
                 r.file};
  };
  // Two passes over the rows (they may be on disk): column widths, then lines.
  std::array<std::size_t, 8> widths{};
  auto measure = [&widths](const Cells& row) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  };
  auto line = [&widths, &write](const Cells& row) {
    std::string out = pad_to_width(row[0], widths[0], false);
    for (std::size_t c = 1; c < row.size(); ++c)
      out += "  " + pad_to_width(row[c], widths[c], c <= 3 || c == 6);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    write(out + "\n");
  };
  measure(header);
  rows.for_each([&](const SummaryRow& r) { measure(cells(r)); });
  line(header);
  rows.for_each([&](const SummaryRow& r) { line(cells(r)); });
  for (const auto& f : failed)
    write(std::string(tr(lang, "未能检查（数据有误）：", "not checked (bad input): ")) + f + "\n");
}

void render_summary_json(const SummaryRows& rows, const std::vector<std::string>& failed, const Sink& write) {
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
  rows.for_each([&](const SummaryRow& r) {
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
    field("verdict", verdict_kind_name(r.verdict));
    w.Key("complete");
    w.Bool(r.complete);
    w.Key("findings");
    w.Uint64(r.findings);
    w.EndObject();
    // One department at a time: the buffer never holds the whole batch.
    write(std::string(buffer.GetString(), buffer.GetSize()));
    buffer.Clear();
  });
  w.EndArray();
  w.Key("not_checked");
  w.StartArray();
  for (const auto& f : failed) w.String(f.data(), static_cast<rapidjson::SizeType>(f.size()));
  w.EndArray();
  w.EndObject();
  write(std::string(buffer.GetString(), buffer.GetSize()) + "\n");
}

void render_summary_csv(const SummaryRows& rows, const std::vector<std::string>& failed, Lang lang,
                        const Sink& write) {
  write(lang == Lang::zh
            ? "部门代码,部门,核定总分,自评总分,差异,等级,结论,完整,发现数,文件\r\n"
            : "department_code,department,total,self_total,gap,grade,verdict,complete,findings,file\r\n");
  rows.for_each([&](const SummaryRow& r) {
    write(fmt::format("{},{},{},{},{},{},{},{},{},{}\r\n", csv_cell(r.code), csv_cell(r.name),
                      format_points(r.total), r.self_total ? format_points(*r.self_total) : "", gap_of(r),
                      csv_cell(r.grade), verdict_label(r.verdict, lang),
                      r.complete ? tr(lang, "是", "true") : tr(lang, "否", "false"), r.findings,
                      csv_cell(r.file)));
  });
  for (const auto& f : failed) {
    write(fmt::format(",,,,,,{},{},,{}\r\n", verdict_label(audit::Verdict::Kind::not_checked, lang),
                      tr(lang, "否", "false"), csv_cell(f)));
  }
}

}  // namespace jx::report
