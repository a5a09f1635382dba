// Positions, waivers and the one-call check of a report.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "narrative/detail.hpp"
#include "narrative/narrative.hpp"

namespace jx::narrative {

std::string Position::to_string(Lang lang) const { return file + " " + place(lang); }

std::string Position::place(Lang lang) const {
  if (lang == Lang::zh) {
    if (page > 0) return fmt::format("第 {} 页第 {} 行", page, line);
    return fmt::format("第 {} {}", line, paragraph ? "段" : "行");
  }
  if (page > 0) return fmt::format("page {} line {}", page, line);
  return fmt::format("{} {}", paragraph ? "paragraph" : "line", line);
}

std::string Position::key() const {
  if (page > 0) return fmt::format("p{}:{}", page, line);
  return fmt::format("{}{}", paragraph ? "¶" : "", line);
}

std::vector<std::string> apply_waivers(const std::string& waiver_file, std::vector<Finding>& findings,
                                       Lang lang) {
  const bool zh = lang == Lang::zh;
  std::ifstream in(waiver_file, std::ios::binary);
  if (!in)
    throw NarrativeError(zh ? waiver_file + "：无法打开豁免文件"
                            : waiver_file + ": cannot open the waiver file");
  std::map<std::string, std::string> waivers;
  std::map<std::string, std::uint32_t> first_line;
  std::string line;
  std::uint32_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    const std::size_t id_end = line.find_first_of(" \t", start);
    const std::string id =
        line.substr(start, id_end == std::string::npos ? std::string::npos : id_end - start);
    const std::size_t reason_start =
        id_end == std::string::npos ? std::string::npos : line.find_first_not_of(" \t", id_end);
    if (reason_start == std::string::npos || !detail::valid_utf8(line)) {
      throw NarrativeError(
          zh ? fmt::format("{}:{}：豁免须写明理由：“编号 理由”（编号如 score_within_weight@171）",
                           waiver_file, number)
             : fmt::format("{}:{}: a waiver needs a reason: \"ID reason\" (an ID such as "
                           "score_within_weight@171)",
                           waiver_file, number));
    }
    if (waivers.count(id) != 0) {
      throw NarrativeError(
          zh ? fmt::format("{}:{}：编号 {} 已在第 {} 行豁免过", waiver_file, number, id, first_line[id])
             : fmt::format("{}:{}: {} is already waived on line {}", waiver_file, number, id,
                           first_line[id]));
    }
    waivers[id] = line.substr(reason_start);
    first_line[id] = number;
  }
  std::vector<std::string> unmatched;
  for (const auto& [id, reason] : waivers) {
    bool matched = false;
    for (Finding& finding : findings) {
      if (finding.id != id) continue;
      finding.waived = true;
      finding.waiver_reason = reason;
      matched = true;
    }
    if (!matched) unmatched.push_back(id);
  }
  return unmatched;
}

Result check_report(const std::string& path, Lang lang, const std::string& relations_dir) {
  Result result;
  result.document = read_report(path, lang);
  result.extraction = extract(result.document);
  result.findings = check(result.extraction);
  if (!relations_dir.empty()) {
    run_lua_relations(relations_dir, result, lang);
    detail::complete_findings(result.extraction, result.findings);
  }
  return result;
}

Result check_report_file(const std::string& path, Lang lang, const std::string& relations_dir,
                         const std::string& waiver_file,
                         const std::function<std::vector<Finding>(const Result&)>& more) {
  const bool zh = lang == Lang::zh;
  Result result;
  try {
    result = check_report(path, lang, relations_dir);
    if (more) {
      std::vector<Finding> added = more(result);
      for (Finding& f : added) {
        if (!f.evidence.empty()) result.findings.push_back(std::move(f));
      }
      detail::complete_findings(result.extraction, result.findings);
    }
    std::string waivers = waiver_file;
    if (waivers.empty() && std::filesystem::exists(path + ".waivers")) waivers = path + ".waivers";
    if (!waivers.empty()) {
      for (const std::string& id : apply_waivers(waivers, result.findings, lang)) {
        result.document.warnings.push_back(
            zh ? fmt::format("{}：豁免 {} 没有对应的发现（报告已改动？）", waivers, id)
               : fmt::format("{}: the waiver {} matches no finding (has the report changed?)", waivers, id));
      }
    }
  } catch (const std::exception& e) {
    // NarrativeError: the report cannot be read; anything else is reported the same
    // way, so that one report never takes the rest of a batch down.
    result = Result{};
    result.error = e.what();
    result.document.file = path;
  }
  return result;
}

}  // namespace jx::narrative
