// Text (Chinese or English) and JSON renderings of checked reports.
#include <fmt/format.h>

#include "narrative/narrative.hpp"

namespace jx::narrative {

namespace {

struct Counts {
  std::size_t certain = 0, suspected = 0, hint = 0, waived = 0;
};

Counts count(const std::vector<Finding>& findings) {
  Counts c;
  for (const Finding& f : findings) {
    if (f.waived) {
      ++c.waived;
    } else if (f.severity == Severity::certain) {
      ++c.certain;
    } else if (f.severity == Severity::suspected) {
      ++c.suspected;
    } else {
      ++c.hint;
    }
  }
  return c;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string json_position(const Position& p) {
  std::string out = "{\"file\":" + json_string(p.file);
  if (p.page > 0) out += fmt::format(",\"page\":{}", p.page);
  out += fmt::format(",\"{}\":{}}}", p.paragraph ? "paragraph" : "line", p.line);
  return out;
}

// Where a figure stands, without the file (the finding's heading names it).
std::string where(const Position& p, Lang lang) { return p.place(lang); }

}  // namespace

std::string render_text(const std::vector<Result>& results, Lang lang) {
  const bool zh = lang == Lang::zh;
  std::string out;
  for (const Result& r : results) {
    if (!r.error.empty()) {
      out += fmt::format("{}{}\n\n", zh ? "未检查：" : "not checked: ", r.error);
      continue;
    }
    const Counts c = count(r.findings);
    if (zh) {
      out += fmt::format("{}：{} 个数字事实，发现 确定 {} · 疑似 {} · 提示 {} · 已豁免 {}\n", r.document.file,
                         r.extraction.facts.size(), c.certain, c.suspected, c.hint, c.waived);
    } else {
      out +=
          fmt::format("{}: {} figures; findings: {} certain · {} suspected · {} hints · {} waived\n",
                      r.document.file, r.extraction.facts.size(), c.certain, c.suspected, c.hint, c.waived);
    }
    for (const std::string& w : r.document.warnings) out += (zh ? "  警告：" : "  warning: ") + w + "\n";
    for (const std::string& e : r.rule_errors) {
      out += (zh ? "  规则运行失败（检查不完整）：" : "  a relation failed (the check is incomplete): ") + e +
             "\n";
    }
    for (const Finding& f : r.findings) {
      out += fmt::format("\n[{}{}] {}\n", severity_name(f.severity, lang),
                         f.waived ? (zh ? "，已豁免" : ", waived") : "", f.message(lang));
      out += fmt::format("  {}{}\n", zh ? "位置：" : "at: ", f.position.to_string(lang));
      out += fmt::format("  {}{}{}\n", zh ? "原文：“" : "quote: \"", f.quote, zh ? "”" : "\"");
      std::string figures;
      for (const Evidence& e : f.evidence) {
        const Fact& fact = r.extraction.facts[e.fact];
        if (!figures.empty()) figures += zh ? "；" : "; ";
        figures += zh ? fmt::format("{} {}（{}）", e.role, fact.quote, where(fact.position, lang))
                      : fmt::format("{} {} ({})", role_name(e.role, Lang::en), fact.quote,
                                    where(fact.position, lang));
      }
      out += fmt::format("  {}{}\n", zh ? "数字：" : "figures: ", figures);
      if (f.waived) out += fmt::format("  {}{}\n", zh ? "豁免理由：" : "waiver: ", f.waiver_reason);
      out += fmt::format("  {}{}\n", zh ? "编号：" : "id: ", f.id);
    }
    out += "\n";
  }
  return out;
}

std::string render_json(const std::vector<Result>& results, Lang lang) {
  std::string out = "{\"format\":\"jxaudit.narrative/1\",\"reports\":[";
  Counts total;
  for (std::size_t ri = 0; ri < results.size(); ++ri) {
    const Result& r = results[ri];
    const Counts c = count(r.findings);
    total.certain += c.certain;
    total.suspected += c.suspected;
    total.hint += c.hint;
    total.waived += c.waived;
    if (ri > 0) out += ",";
    if (!r.error.empty()) {
      out += "{\"file\":" + json_string(r.document.file) +
             ",\"status\":\"error\",\"error\":" + json_string(r.error) + "}";
      continue;
    }
    out += "{\"file\":" + json_string(r.document.file) + ",\"status\":\"checked\",\"warnings\":[";
    for (std::size_t i = 0; i < r.document.warnings.size(); ++i) {
      out += (i > 0 ? "," : "") + json_string(r.document.warnings[i]);
    }
    out += "],\"rule_errors\":[";
    for (std::size_t i = 0; i < r.rule_errors.size(); ++i)
      out += (i > 0 ? "," : "") + json_string(r.rule_errors[i]);
    out += "],\"findings\":[";
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
      const Finding& f = r.findings[i];
      if (i > 0) out += ",";
      out += "{\"id\":" + json_string(f.id) + ",\"relation\":" + json_string(f.relation) +
             ",\"severity\":" + json_string(severity_name(f.severity, Lang::en)) +
             ",\"severity_zh\":" + json_string(severity_name(f.severity, Lang::zh)) +
             ",\"message\":" + json_string(f.message(lang)) + ",\"position\":" + json_position(f.position) +
             ",\"quote\":" + json_string(f.quote) + ",\"evidence\":[";
      for (std::size_t k = 0; k < f.evidence.size(); ++k) {
        out += fmt::format("{}{{\"role\":{},\"fact\":{}}}", k > 0 ? "," : "", json_string(f.evidence[k].role),
                           f.evidence[k].fact);
      }
      out += fmt::format("],\"waived\":{}", f.waived ? "true" : "false");
      if (f.waived) out += ",\"waiver_reason\":" + json_string(f.waiver_reason);
      out += "}";
    }
    out += "],\"facts\":[";
    for (std::size_t i = 0; i < r.extraction.facts.size(); ++i) {
      const Fact& fact = r.extraction.facts[i];
      if (i > 0) out += ",";
      out += fmt::format(
          "{{\"number\":{},\"decimals\":{},\"unit\":{},\"label\":{},\"quote\":{},\"position\":{}{}{}{}}}",
          json_string(fact.number), fact.decimals, json_string(fact.unit), json_string(fact.label),
          json_string(fact.quote), json_position(fact.position), fact.exact ? ",\"exact\":true" : "",
          fact.approximate ? ",\"approximate\":true" : "", fact.unit_implied ? ",\"unit_implied\":true" : "");
    }
    out += fmt::format(
        "],\"summary\":{{\"facts\":{},\"certain\":{},\"suspected\":{},\"hint\":{},\"waived\":{}}}}}",
        r.extraction.facts.size(), c.certain, c.suspected, c.hint, c.waived);
  }
  out += fmt::format(
      "],\"summary\":{{\"reports\":{},\"certain\":{},\"suspected\":{},\"hint\":{},\"waived\":{}}}}}\n",
      results.size(), total.certain, total.suspected, total.hint, total.waived);
  return out;
}

namespace {

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (const char c : s) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

}  // namespace

std::string render_csv(const std::vector<Result>& results, Lang lang) {
  const bool zh = lang == Lang::zh;
  // A byte-order mark, so that Excel opens the UTF-8 file as UTF-8 (as check's CSV).
  std::string out = "\xEF\xBB\xBF";
  out += zh ? "文件,状态,编号,关系,程度,说明,页,行或段,原文,数字,已豁免,豁免理由\r\n"
            : "file,status,id,relation,severity,message,page,line or paragraph,quote,figures,waived,waiver "
              "reason\r\n";
  for (const Result& r : results) {
    if (!r.error.empty()) {
      out += csv_field(r.document.file) + "," + (zh ? "未检查" : "not checked") + ",,,," +
             csv_field(r.error) + ",,,,,,\r\n";
      continue;
    }
    for (const Finding& f : r.findings) {
      std::string figures;
      for (const Evidence& e : f.evidence) {
        if (!figures.empty()) figures += "; ";
        figures += (zh ? e.role : role_name(e.role, Lang::en)) + "=" + r.extraction.facts[e.fact].number +
                   r.extraction.facts[e.fact].unit;
      }
      out += csv_field(r.document.file) + "," + (zh ? "已检查" : "checked") + "," + csv_field(f.id) + "," +
             f.relation + "," + severity_name(f.severity, lang) + "," + csv_field(f.message(lang)) + "," +
             (f.position.page > 0 ? std::to_string(f.position.page) : "") + "," +
             (f.position.paragraph ? "¶" : "") + std::to_string(f.position.line) + "," + csv_field(f.quote) +
             "," + csv_field(figures) + "," + (f.waived ? (zh ? "是" : "yes") : "") + "," +
             csv_field(f.waiver_reason) + "\r\n";
    }
  }
  return out;
}

}  // namespace jx::narrative
