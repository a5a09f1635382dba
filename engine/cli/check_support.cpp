#include "cli/check_support.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <utility>

#include "audit/digest.hpp"
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
    : audit::Catalogue(home_dir() + "/rules", data::Schema::load(home_dir() + "/schemas/ruleset.schema.json"),
                       global.lang()) {}

LoadedInput load_input(const data::Schema& schema, const DepartmentInput& input, data::LoadOptions options) {
  LoadedInput result;
  if (input.from_stdin) {
    // Hash the line itself.
    result.loaded = data::load_department_text(schema, input.text, input.name, ".", options);
    result.sha256 = audit::sha256_of_text(input.text);
    return result;
  }
  audit::FilesDigest digest;
  options.on_read = [&digest](std::string_view bytes) { digest.add(bytes); };
  result.loaded = data::load_department(schema, input.name, options);
  result.sha256 = digest.hex();
  return result;
}

ReportWriter::ReportWriter(std::string format, Lang lang, bool color, Output& out)
    : format_(std::move(format)), lang_(lang), color_(color), out_(out) {
  if (format_ == "csv") out_.write(report::csv_header(lang_));
}

std::string render_department(const std::string& format, Lang lang, bool color, const audit::Audit& audit) {
  if (format == "json") return report::render_json(audit);
  if (format == "csv") return report::render_csv_rows(audit, lang);
  return report::render_text(audit, report::TextOptions{lang, color});
}

void ReportWriter::department(const audit::Audit& audit, const std::string& rendered) {
  if (format_ == "html") {
    const report::HtmlOptions html{lang_, engine_version};
    // Checked departments are numbered apart from those not checked: the
    // summary's rows link to #dept-N.
    std::string section =
        report::render_html_department(audit, audit.checked() ? rows_.size() + 1 : failed_.size() + 1, html);
    if (count_ == 0) {
      html_first_ = std::move(section);
      html_first_title_ = report::html_department_title(audit, lang_);
    } else {
      if (count_ == 1) out_.write(report::html_page_start("", html) + std::exchange(html_first_, {}));
      out_.write(section);
    }
  } else {
    if (format_ == "text" && count_ > 0) out_.write("\n" + std::string(72, '=') + "\n\n");
    out_.write(rendered.empty() ? render_department(format_, lang_, color_, audit) : rendered);
  }
  ++count_;
  if (audit.checked()) {
    rows_.add(report::summarize(audit));
  } else {
    failed_.push_back(audit.file);
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
