// Comparing two rule sets on the same departments (`check --compare-rulesets A B
// DATA…`, say this year's set and last year's): per department, how the score
// of every indicator and every finding moves from A to B; across departments,
// how many moved and by how much. Built from two finished audits of each
// department, rendered as text, JSON (NDJSON: a line per department, then the
// summary) or CSV (one table: a row per department and indicator, then the
// summary rows). Pure functions of their input.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.hpp"
#include "report/report.hpp"

namespace jx::report {

// One indicator's score under A and B (absent from a set: nullopt).
struct IndicatorMove {
  std::string path;   // "管理效率/采购管理/合同备案时效性"
  std::string label;  // its name in the report's language
  std::size_t depth = 0;
  std::optional<Decimal> a;
  std::optional<Decimal> b;
};

// A finding only one set reports, or whose points differ.
struct FindingMove {
  enum class Change { added, removed, points };  // only in B, only in A, both with other points
  Change change = Change::added;
  std::string indicator;
  std::string rule_id;
  std::string subject;
  std::string message;  // B's, or A's when removed
  std::optional<Decimal> a_points;
  std::optional<Decimal> b_points;
};

struct Comparison {
  std::string file;
  std::string code;
  std::string name;
  std::string a_set, b_set;    // short names: "gz/2023"
  std::string a_name, b_name;  // the sets' names in the report's language
  Decimal a_total, b_total;
  std::string a_grade, b_grade;           // in the report's language
  bool complete = true;                   // both checks complete
  std::vector<IndicatorMove> indicators;  // B's order, then those only A has
  std::vector<FindingMove> findings;      // added and changed (B's order), then removed
};

Comparison compare(const audit::Audit& a, const audit::Audit& b, Lang lang);

// What moved across a batch: totals, and per indicator how many departments
// changed and the sums of its scores under A and B.
class ComparisonSummary {
 public:
  void add(const Comparison& c);
  void not_checked(const std::string& file) { not_checked_.push_back(file); }

  struct Indicator {
    std::string path;
    std::string label;
    std::size_t depth = 0;
    std::size_t changed = 0;              // departments whose score of it differs (or only one set has it)
    std::optional<Decimal> a_sum, b_sum;  // over the departments; nullopt: the set lacks it
  };
  struct Department {
    std::string file, code, name;
    Decimal a_total, b_total;
    bool complete = true;
  };
  [[nodiscard]] const std::vector<Department>& departments() const { return departments_; }
  [[nodiscard]] const std::vector<Indicator>& indicators() const { return indicators_; }
  [[nodiscard]] const std::vector<std::string>& not_checked_files() const { return not_checked_; }
  [[nodiscard]] std::size_t changed_totals() const;
  [[nodiscard]] const std::string& a_set() const { return a_set_; }
  [[nodiscard]] const std::string& b_set() const { return b_set_; }

 private:
  std::string a_set_, b_set_;
  std::vector<Department> departments_;  // a few strings and two decimals each
  std::vector<Indicator> indicators_;
  std::map<std::string, std::size_t> index_;  // path → indicators_
  std::vector<std::string> not_checked_;
};

std::string render_compare_text(const Comparison& c, Lang lang);
std::string render_compare_summary_text(const ComparisonSummary& s, Lang lang);
// One line each (NDJSON): "jxaudit.compare/1" and "jxaudit.compare-summary/1".
std::string render_compare_json(const Comparison& c);
std::string render_compare_summary_json(const ComparisonSummary& s);
// The header (with the BOM Excel needs), a department's rows, the summary's rows.
std::string compare_csv_header(const std::string& a_set, const std::string& b_set, Lang lang);
std::string render_compare_csv(const Comparison& c, Lang lang);
std::string render_compare_summary_csv(const ComparisonSummary& s, Lang lang);

}  // namespace jx::report
