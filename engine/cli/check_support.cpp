#include "cli/check_support.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <utility>

#include "cli/hash.hpp"
#include "cli/version.hpp"

namespace jx::cli {

namespace fs = std::filesystem;

bool parse_tables(const std::vector<std::string>& args, std::map<std::string, std::string>& tables) {
  for (const std::string& t : args) {
    const auto eq = t.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == t.size()) {
      spdlog::error("--table expects NAME=PATH, got \"{}\"", t);
      return false;
    }
    tables[t.substr(0, eq)] = t.substr(eq + 1);
  }
  return true;
}

RuleSetCache::RuleSetCache(const GlobalOptions& global)
    : global_(global), manifest_schema_(data::Schema::load(home_dir() + "/schemas/ruleset.schema.json")) {}

std::shared_ptr<const LoadedRuleSet> RuleSetCache::get(const std::string& dir) {
  // Paths in reports are relative to the working directory when they can be,
  // so that a report is the same bytes wherever the checkout lives.
  const std::string shown = fs::proximate(dir).lexically_normal().string();
  std::lock_guard lock(mutex_);
  if (auto it = sets_.find(shown); it != sets_.end()) return it->second;
  if (auto it = errors_.find(shown); it != errors_.end()) throw std::runtime_error(it->second);
  try {
    auto set = load_rule_set(shown, manifest_schema_, global_.lang());
    sets_[shown] = set;
    return set;
  } catch (const std::exception& e) {
    errors_[shown] = e.what();
    throw;
  }
}

std::shared_ptr<const LoadedRuleSet> RuleSetCache::for_department(const std::string& explicit_dir,
                                                                  const data::Document& dept) {
  if (!explicit_dir.empty()) return get(explicit_dir);
  const data::Value* year = dept.root.find("fiscal_year");
  const std::string y =
      year != nullptr && year->kind() == data::Value::Kind::decimal ? year->as_decimal().to_string() : "";
  std::vector<std::string> matches;
  std::error_code ec;
  for (const auto& jurisdiction : fs::directory_iterator(home_dir() + "/rules", ec)) {
    const fs::path candidate = jurisdiction.path() / y;
    if (!y.empty() && fs::exists(candidate / "manifest.toml")) matches.push_back(candidate.string());
  }
  std::sort(matches.begin(), matches.end());
  if (matches.size() == 1) return get(matches.front());
  if (matches.empty()) {
    throw std::runtime_error(
        fmt::format("no rule set for fiscal year {} under {}/rules; name one with --ruleset",
                    y.empty() ? "?" : y, home_dir()));
  }
  std::string list;
  for (const auto& m : matches) list += (list.empty() ? "" : ", ") + m;
  throw std::runtime_error(
      fmt::format("several rule sets apply to fiscal year {} ({}); name one with --ruleset", y, list));
}

LoadedInput load_input(const data::Schema& schema, const DepartmentInput& input, data::LoadOptions options) {
  LoadedInput result;
  if (input.from_stdin) {
    // Hash the line itself.
    result.loaded = data::load_department_text(schema, input.text, input.name, ".", options);
    result.sha256 = sha256_of_text(input.text);
    return result;
  }
  FilesDigest digest;
  options.on_read = [&digest](std::string_view bytes) { digest.add(bytes); };
  result.loaded = data::load_department(schema, input.name, options);
  result.sha256 = digest.hex();
  return result;
}

namespace {

// The department's header (code, name, fiscal year, money unit), read once,
// and only where the data has the right type: a department that is not
// checked may have errors anywhere.
void read_header(const data::Value& root, report::DepartmentReport& r) {
  auto text = [](const data::Value* v) {
    return v != nullptr && v->kind() == data::Value::Kind::string ? v->as_string() : std::string();
  };
  if (const data::Value* d = root.find("department")) {
    r.code = text(d->find("code"));
    r.name = text(d->find("name"));
  }
  r.money_unit = text(root.find("money_unit"));
  if (const data::Value* year = root.find("fiscal_year");
      year != nullptr && year->kind() == data::Value::Kind::decimal && year->as_decimal().is_integer() &&
      year->as_decimal() >= Decimal(1900) && year->as_decimal() <= Decimal(9999)) {
    r.fiscal_year = std::stoi(year->as_decimal().to_string());
  }
}

}  // namespace

report::DepartmentReport make_report(DepartmentChecker& checker,
                                     const std::shared_ptr<const data::Document>& dept,
                                     const data::Schema& schema, const DepartmentInput& input,
                                     const std::string& input_sha256) {
  report::DepartmentReport r;
  r.file = input.name;
  read_header(dept->root, r);
  r.rules = &checker.rule_set().rules;
  r.card = checker.check(dept, &schema);
  r.input_sha256 = input_sha256;
  r.ruleset_sha256 = checker.rule_set().sha256;
  r.engine_errors = checker.load_errors();
  r.department = dept;
  return r;
}

report::DepartmentReport not_checked_report(const DepartmentInput& input, const data::LoadResult& loaded,
                                            const std::string& input_sha256) {
  report::DepartmentReport r;
  r.status = report::DepartmentReport::Status::not_checked;
  r.file = input.name;
  if (loaded.document) read_header(loaded.document->root, r);
  r.input_sha256 = input_sha256;
  r.diagnostics = loaded.diagnostics;
  return r;
}

ReportWriter::ReportWriter(std::string format, Lang lang, bool color, Output& out)
    : format_(std::move(format)), lang_(lang), color_(color), out_(out) {
  if (format_ == "csv") out_.write(report::csv_header(lang_));
}

std::string render_department(const std::string& format, Lang lang, bool color,
                              const report::DepartmentReport& report) {
  if (format == "json") return report::render_json(report, engine_version);
  if (format == "csv") return report::render_csv_rows(report, lang);
  return report::render_text(report, report::TextOptions{lang, color});
}

void ReportWriter::department(const report::DepartmentReport& report, const std::string& rendered) {
  if (format_ == "html") {
    const report::HtmlOptions html{lang_, engine_version};
    // Checked departments are numbered apart from those not checked: the
    // summary's rows link to #dept-N.
    std::string section = report::render_html_department(
        report, report.checked() ? rows_.size() + 1 : failed_.size() + 1, html);
    if (count_ == 0) {
      html_first_ = std::move(section);
      html_first_title_ = report::html_department_title(report, lang_);
    } else {
      if (count_ == 1) out_.write(report::html_page_start("", html) + std::exchange(html_first_, {}));
      out_.write(section);
    }
  } else {
    if (format_ == "text" && count_ > 0) out_.write("\n" + std::string(72, '=') + "\n\n");
    out_.write(rendered.empty() ? render_department(format_, lang_, color_, report) : rendered);
  }
  ++count_;
  if (report.checked()) {
    rows_.add(report::summarize(report));
  } else {
    failed_.push_back(report.file);
  }
}

void ReportWriter::finish() {
  const report::Sink write = [this](const std::string& piece) { out_.write(piece); };
  if (format_ == "html") {
    const report::HtmlOptions html{lang_, engine_version};
    if (count_ <= 1) {
      out_.write(report::html_page_start(count_ == 1 && failed_.empty() ? html_first_title_ : "", html) +
                 html_first_);
    }
    report::html_page_end(rows_, failed_, html, write);
    return;
  }
  if (rows_.size() + failed_.size() < 2) return;
  if (format_ == "json") {
    report::render_summary_json(rows_, failed_, write);
  } else if (format_ == "csv") {
    out_.write("\r\n");
    report::render_summary_csv(rows_, failed_, lang_, write);
  } else {
    out_.write("\n" + std::string(72, '=') + "\n" + (lang_ == Lang::zh ? "汇总\n" : "Summary\n"));
    report::render_summary_text(rows_, failed_, report::TextOptions{lang_, color_}, write);
  }
}

}  // namespace jx::cli
