// jx::narrative — checks the self-evaluation report itself (自评报告): reads a
// report (.txt, .docx, .pdf) into lines with positions, joins them into
// sentences, extracts every stated figure as a fact (exact decimal text, stated
// precision, unit, label, position, quote) and checks the relations between the
// facts with interval semantics: a stated value stands for every value that
// rounds (half-up) or truncates to it, and a relation is inconsistent only when
// those intervals cannot meet. Uses engine/values (Decimal), libzip + libxml2 (.docx),
// poppler-cpp (.pdf) and glibc's iconv (GB18030 text). Knows nothing of the
// department data or the scorecard; the CLI renders what it returns.
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "lang/lang.hpp"
#include "values/decimal.hpp"

namespace jx::narrative {

// The one exception type of the library: a report that cannot be read.
// The message is already in the user's language and names the file.
class NarrativeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where a piece of text comes from. Text files count lines (1-based, blank lines
// included); PDFs count pages and the lines poppler gives within a page; Word
// documents count paragraphs (table cells' paragraphs included, in document order).
struct Position {
  std::string file;
  std::uint32_t page = 0;  // 1-based; 0 when the format has no pages (.txt, .docx)
  std::uint32_t line = 0;  // 1-based line (.txt, .pdf) or paragraph (.docx)
  bool paragraph = false;  // true when `line` counts paragraphs

  // "report.pdf 第 3 页第 12 行" / "report.pdf page 3 line 12", "… 第 41 段" / "… paragraph 41".
  [[nodiscard]] std::string to_string(Lang lang) const;
  // The same without the file (where a heading names it): "第 3 页第 12 行" / "page 3 line 12".
  [[nodiscard]] std::string place(Lang lang) const;
  // The position without the file, the same in every language: "88", "p3:12", "¶41".
  [[nodiscard]] std::string key() const;
};

// One line (or Word paragraph) of the report as read.
struct Line {
  Position position;
  std::string text;  // UTF-8, without the line break
};

struct Document {
  std::string file;
  std::vector<Line> lines;
  std::vector<std::string> warnings;  // e.g. "converted from GB18030"
};

// Reads a report by its extension (.txt, .docx, .pdf; anything else as text).
// Throws NarrativeError for an unreadable, empty, corrupt or encrypted file.
Document read_report(const std::string& path, Lang lang);
// Each format on its own (tests; the bytes of a text file already in memory).
Document read_text(const std::string& file, std::string bytes, Lang lang);
Document read_docx(const std::string& path, Lang lang);
Document read_pdf(const std::string& path, Lang lang);

// A stated figure.
struct Fact {
  std::string number;        // the number normalized to ASCII, e.g. "43799886.90", "6" for 六
  Decimal value;             // exact value of `number`
  int decimals = 0;          // stated precision: digits after the point
  bool exact = false;        // a Chinese numeral or a count: no rounding behind it
  bool approximate = false;  // 约, 近, 超过, 余, 多, 以上 …: relations ignore it
  std::string unit;  // 元 万元 亿元 % 分 个 项 人 …; 分 also when implied by "得分为 47.5"
  bool unit_implied = false;
  std::string label;    // the words before it in its clause, e.g. "项目支出", "采购政策效能分值"
  std::string quote;    // the figure exactly as written, e.g. "９．９９ 分"
  std::string context;  // its clause exactly as written, label and figure: "项目支出 4726.02万元"
  Position position;
  std::size_t sentence = 0;  // index into Extraction::sentences
  std::size_t begin = 0;     // byte range of number+unit in the sentence's text
  std::size_t end = 0;
};

// A sentence as the checks see it: lines joined (a figure broken across lines or
// pages stays whole), full-width digits and signs made ASCII, Markdown ** removed.
struct Sentence {
  std::string text;          // normalized
  std::string quote;         // the same span of the report exactly as written, line breaks removed
  Position position;         // where it starts
  bool starts_item = false;  // begins with an enumerator: 一、 （一） 1． （1） …
  std::string enumerator;    // that enumerator's style: "一、", "（一）", "1．", "（1）"
};

struct Extraction {
  std::vector<Sentence> sentences;
  std::vector<Fact> facts;  // in reading order
};

Extraction extract(const Document& document);

// Whether `value` is one the stated figure may stand for: rounded half-up or
// truncated to it at its stated precision, or equal for an exact figure
// (docs/narrative.md, "Interval semantics"). A money figure's `value` is in
// yuan (元); any other in the figure's own unit.
bool stands_for(const Fact& fact, const Decimal& value);
// A unit's size in yuan: 10000 for 万元, 100000000 for 亿元, else 1.
Decimal unit_factor(const std::string& unit);

enum class Severity { certain, suspected, hint };  // 确定, 疑似, 提示
[[nodiscard]] std::string severity_name(Severity severity, Lang lang);
// A figure's role (Evidence::role, Finding::Compared::role: "得分", "所述", …) in
// the reader's language; a role the list does not know is shown as written.
[[nodiscard]] std::string role_name(const std::string& role, Lang lang);

// One figure a finding rests on.
struct Evidence {
  std::string role;  // e.g. "得分", "分值", "合计", "明细"
  std::size_t fact;  // index into Extraction::facts
};

struct Finding {
  std::string relation;  // e.g. "score_within_weight"
  std::string id;        // stable across runs: relation@position key, e.g. "score_within_weight@171"
  Severity severity = Severity::hint;
  std::string message_zh;
  std::string message_en;
  Position position;  // of the first figure
  std::string quote;  // the sentence(s) it rests on, exactly as written
  std::vector<Evidence> evidence;
  // Values from outside the report it was compared with (check --report): the
  // department's data or the checked scorecard, e.g. {"数据", "4741.92万元", "dept.json:14:17"}.
  struct Compared {
    std::string role;
    std::string text;
    std::string source;
  };
  std::vector<Compared> compared;
  bool waived = false;
  std::string waiver_reason;

  [[nodiscard]] const std::string& message(Lang lang) const {
    return lang == Lang::en ? message_en : message_zh;
  }
};

// Checks every shipped relation; findings in reading order of their position.
std::vector<Finding> check(const Extraction& extraction);

// Waivers: one per line, "ID<TAB or spaces>reason"; '#' starts a comment.
// Marks matching findings as waived (they stay in the list). Throws NarrativeError
// on a malformed line (file:line named). Returns the waiver ids that matched nothing.
std::vector<std::string> apply_waivers(const std::string& waiver_file, std::vector<Finding>& findings,
                                       Lang lang);

// Everything about one report, ready to render.
struct Result {
  std::string error;  // not empty: the report could not be read (and nothing below is set but document.file)
  Document document;
  Extraction extraction;
  std::vector<Finding> findings;
  std::vector<std::string>
      rule_errors;  // Lua relations that failed (file:line: message): the check is incomplete
};

// Runs every *.lua relation in `dir` (rules/narrative/ ships some) in the rule
// sandbox on the report's figures and adds their findings. A relation that does
// not load throws NarrativeError; one that fails at run time is a rule_error.
void run_lua_relations(const std::string& dir, Result& result, Lang lang);

// The *.lua files of a relations folder, sorted (lib/ is not one of them).
std::vector<std::string> relation_files(const std::string& dir);
// Runs the one relation `file` of `dir` on the report (jxaudit test): its
// findings, completed (ids, quotes), are added to result.findings.
void run_lua_relation(const std::string& dir, const std::string& file, Result& result, Lang lang);
// The id the relation file returns; throws NarrativeError when it does not load.
std::string relation_id(const std::string& dir, const std::string& file);

// jxaudit test and lint on a relations folder (rules/narrative), which has
// no manifest: each RELATION.lua may have RELATION.test.json beside it, whose
// cases give a report's lines and the exact findings the relation makes on
// them (docs/narrative.md, "Testing a relation"). Output lines are written to
// `out` as they come; returns the number of failures.
struct RelationTestCounts {
  std::size_t passed = 0;
  std::size_t failed = 0;
};
RelationTestCounts test_relations(const std::string& dir, const std::string& only, Lang lang,
                                  const std::function<void(const std::string&)>& out);
// Lint: every relation compiles, returns an id that is its file's name, unique
// and not a built-in relation's, and has a fixture that names it. Returns the problems.
std::vector<std::string> lint_relations(const std::string& dir, Lang lang);
// True for a folder of narrative relations: *.lua files and no manifest.toml.
bool is_relations_folder(const std::string& dir);

// Reads, extracts and checks one report: the C++ relations, then the Lua ones
// of `relations_dir` unless it is empty.
Result check_report(const std::string& path, Lang lang, const std::string& relations_dir = "");

// check_report, then the waivers of `waiver_file` (when "", REPORT.waivers next
// to the report if there is one); a waiver that matches no finding becomes a
// warning. Never throws: a report that cannot be read comes back with `error`.
// `more`, when given, adds findings of the caller's (relation, severity,
// messages, evidence, compared) before the waivers are applied, so they can be waived too.
Result check_report_file(const std::string& path, Lang lang, const std::string& relations_dir,
                         const std::string& waiver_file,
                         const std::function<std::vector<Finding>(const Result&)>& more = {});

// Renderers. Text is for people (Chinese or English); JSON carries every fact; CSV
// is one row per finding for a spreadsheet.
std::string render_text(const std::vector<Result>& results, Lang lang);
std::string render_json(const std::vector<Result>& results, Lang lang);
// One row per finding (and per report that could not be read), UTF-8 with a BOM, CRLF.
std::string render_csv(const std::vector<Result>& results, Lang lang);

}  // namespace jx::narrative
