#include "cli/lint_source.hpp"

#include <fmt/format.h>

#include <map>
#include <regex>
#include <sstream>

#include "rules/suggest.hpp"

namespace jx::cli {

using rules::closest;
using rules::join;
namespace {

// A Lua line with comments removed and, unless `keep_strings`, string literals
// blanked, so that the checks look at code only. Long strings and comments
// that span lines are tracked through `in_long`.
std::string code_only(const std::string& line, bool& in_long, bool keep_strings) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (in_long) {
      if (line.compare(i, 2, "]]") == 0) {
        in_long = false;
        ++i;
      }
      continue;
    }
    if (line.compare(i, 4, "--[[") == 0 || line.compare(i, 2, "[[") == 0) {
      in_long = true;
      i += line.compare(i, 4, "--[[") == 0 ? 3 : 1;
      continue;
    }
    if (line.compare(i, 2, "--") == 0) break;
    if (line[i] == '"' || line[i] == '\'') {
      const char q = line[i];
      const std::size_t start = i;
      for (++i; i < line.size() && line[i] != q; ++i) {
        if (line[i] == '\\') ++i;
      }
      out += keep_strings ? line.substr(start, i - start + 1) : "\"\"";
      continue;
    }
    out += line[i];
  }
  return out;
}

std::vector<std::string> split(const std::string& dotted) {
  std::vector<std::string> parts;
  std::istringstream in(dotted);
  std::string part;
  while (std::getline(in, part, '.')) parts.push_back(part);
  return parts;
}

std::vector<std::string> property_names(const data::SchemaNode& node) {
  std::vector<std::string> names;
  for (const auto& p : node.properties) names.push_back(p.name);
  return names;
}

std::vector<std::string> param_names(const data::Value& params) {
  std::vector<std::string> names;
  if (params.kind() == data::Value::Kind::object) {
    for (const auto& m : params.as_object()) names.push_back(m.key);
  }
  return names;
}

class Scanner {
 public:
  Scanner(const std::string& path, const SourceScan& scan, std::vector<LintProblem>& problems)
      : path_(path), scan_(scan), problems_(problems) {
    if (scan.is_rule && scan.department != nullptr) {
      bound_["dept"] = scan.department;
      collect_items(*scan.department);
    }
  }

  void line(int n, const std::string& code, const std::string& with_strings) {
    n_ = n;
    exactness(code);
    bindings(code);
    if (scan_.department != nullptr && scan_.is_rule) fields(code);
    if (scan_.params != nullptr) params(code, with_strings);
    if (scan_.is_rule) rounding(code);
  }

 private:
  [[nodiscard]] bool zh() const { return scan_.lang == Lang::zh; }
  void report(std::string message) {
    problems_.push_back({fmt::format("{}:{}", path_, n_), std::move(message)});
  }

  void exactness(const std::string& code) {
    static const std::regex float_literal(R"((^|[^\w.])((\d+\.\d*|\.\d+)([eE][+-]?\d+)?)\b)");
    // a.b == 1, x:f() ~= 0, 0 == t.y: a field or call compared with a number literal.
    static const std::regex eq_number(
        R"(([\w\]\)]+[.:][\w.:()\[\]]*[\w\)\]])\s*(==|~=)\s*-?\d|\d\s*(==|~=)\s*[\w]+[.:])");
    std::smatch m;
    if (std::regex_search(code, m, float_literal)) {
      const std::string literal = m[2];
      report(zh() ? fmt::format("浮点数字面量 {0}：二进制浮点数不能精确表示金额，请写 dec(\"{0}\")", literal)
                  : fmt::format(
                        "float literal {0}: binary floating point is not exact on money; write dec(\"{0}\")",
                        literal));
    }
    if (std::regex_search(code, eq_number)) {
      report(
          zh() ? "用 == 或 ~= 与数字比较：dec 永远不等于 Lua 数字；请用 d:eq(x) 或 dec.cmp(a, b)"
               : "== or ~= against a number: a dec never equals a Lua number; use d:eq(x) or dec.cmp(a, b)");
    }
  }

  // The schema node a dotted path reaches from a bound name, nullptr when the
  // path leaves what the schema describes (lists, open objects) or is unknown.
  const data::SchemaNode* resolve(const std::string& dotted, bool report_unknown) {
    const auto parts = split(dotted);
    auto it = bound_.find(parts[0]);
    std::size_t first = 1;
    const data::SchemaNode* node = nullptr;
    if (it != bound_.end()) {
      node = it->second;
    } else if (any_item_.count(parts[0]) > 0 && parts.size() > 1) {
      // An item of a list whose origin lint cannot follow (a lib function's
      // result): its field must be a field of some list item of the schema.
      node = item_with(parts[1]);
      if (node == nullptr) {
        if (report_unknown) unknown_field(parts[0], parts[1], all_items_);
        return nullptr;
      }
    } else {
      return nullptr;
    }
    std::string walked = parts[0];
    for (std::size_t i = first; i < parts.size(); ++i) {
      if (node->items != nullptr) return nullptr;  // a list: #, ipairs, [i]
      if (const data::SchemaNode* child = node->property(parts[i])) {
        node = child;
      } else if (node->additional != nullptr) {
        node = node->additional;
      } else if (node->properties.empty()) {
        return nullptr;
      } else {
        if (report_unknown) unknown_field(walked, parts[i], *node);
        return nullptr;
      }
      walked += "." + parts[i];
    }
    return node;
  }

  void unknown_field(const std::string& walked, const std::string& field, const data::SchemaNode& node) {
    const auto near = closest(field, property_names(node));
    if (zh()) {
      report(fmt::format("{}.{}：部门数据结构中没有字段“{}”{}", walked, field, field,
                         near.empty() ? "" : "；是否要写：" + join(near, "、") + "？"));
    } else {
      report(fmt::format("{}.{}: the department schema has no field \"{}\" here{}", walked, field, field,
                         near.empty() ? "" : "; did you mean " + join(near, ", ") + "?"));
    }
  }

  void bindings(const std::string& code) {
    static const std::regex local_path(R"(local\s+(\w+)\s*=\s*(\w+(?:\.\w+)+)(\s+or\s*\{\s*\})?\s*$)");
    static const std::regex loop(
        R"(for\s+\w+\s*,\s*(\w+)\s+in\s+ipairs\(\s*(\w+(?:\.\w+)*)\s*(?:or\s*\{\s*\}\s*)?\))");
    // local list = proc.list(dept, ctx): a list from the department, of a kind lint cannot tell.
    static const std::regex data_call(R"(local\s+(\w+)\s*=\s*[\w.]+[.:]\w+\(\s*dept\b)");
    static const std::regex any_local(R"(local\s+(\w+)\s*=)");
    static const std::regex params_alias(R"(local\s+(\w+)\s*=\s*ctx\.params\s*$)");
    static const std::regex check_fn(R"(check\s*=\s*function\s*\(\s*(\w+))");
    std::smatch m;
    if (std::regex_search(code, m, check_fn) && scan_.department != nullptr && scan_.is_rule) {
      bound_[m[1]] = scan_.department;
    }
    if (std::regex_search(code, m, params_alias)) params_aliases_.insert(m[1]);
    if (std::regex_search(code, m, data_call)) {
      data_lists_.insert(m[1]);
    } else if (std::regex_search(code, m, any_local)) {
      // `local p = …` rebinds p: what it held before no longer applies.
      data_lists_.erase(m[1]);
      bound_.erase(m[1]);
      any_item_.erase(m[1]);
    }
    if (std::regex_search(code, m, local_path)) {
      const data::SchemaNode* node = resolve(m[2], false);
      if (node != nullptr) {
        bound_[m[1]] = node;
      } else {
        bound_.erase(m[1]);
      }
    } else if (std::regex_search(code, m, loop)) {
      const data::SchemaNode* node = resolve(m[2], false);
      if (node == nullptr && bound_.count(m[2]) > 0) node = bound_[m[2]];
      bound_.erase(m[1]);
      any_item_.erase(m[1]);
      if (node != nullptr && node->items != nullptr) {
        bound_[m[1]] = node->items;
      } else if (node == nullptr && data_lists_.count(m[2]) > 0) {
        any_item_.insert(m[1]);
      }
    }
  }

  void fields(const std::string& code) {
    static const std::regex access(R"((^|[^\w.:])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+))");
    for (auto it = std::sregex_iterator(code.begin(), code.end(), access); it != std::sregex_iterator();
         ++it) {
      (void)resolve((*it)[2], true);
    }
  }

  void params(const std::string& code, const std::string& with_strings) {
    static const std::regex ctx_params(R"(\bctx\.params\.([A-Za-z_]\w*))");
    static const std::regex alias_use(R"((^|[^\w.])([A-Za-z_]\w*)\.([A-Za-z_]\w*))");
    static const std::regex helper(R"re(\bparam\(\s*ctx\s*,\s*"([A-Za-z_]\w*)"\s*\))re");
    std::set<std::string> names;
    for (auto it = std::sregex_iterator(code.begin(), code.end(), ctx_params); it != std::sregex_iterator();
         ++it)
      names.insert((*it)[1]);
    for (auto it = std::sregex_iterator(code.begin(), code.end(), alias_use); it != std::sregex_iterator();
         ++it) {
      if (params_aliases_.count((*it)[2]) > 0) names.insert((*it)[3]);
    }
    for (auto it = std::sregex_iterator(with_strings.begin(), with_strings.end(), helper);
         it != std::sregex_iterator(); ++it)
      names.insert((*it)[1]);
    for (const std::string& name : names) {
      if (scan_.params->find(name) != nullptr) continue;
      const auto near = closest(name, param_names(*scan_.params));
      report(zh() ? fmt::format("参数“{}”不在规则集清单的 [params] 中{}", name,
                                near.empty() ? "" : "；是否要写：" + join(near, "、") + "？")
                  : fmt::format("parameter \"{}\" is not in the rule set's [params]{}", name,
                                near.empty() ? "" : "; did you mean " + join(near, ", ") + "?"));
    }
  }

  // ctx:deduct(ctx.weight / 3, …): a quotient has as many decimals as it likes
  // (2/3 never ends); points must be rounded to the leaf's scale first.
  void rounding(const std::string& code) {
    static const std::regex call(R"((ctx:deduct|ctx:score|\.deduct)\(([^,]*))");
    std::smatch m;
    if (std::regex_search(code, m, call)) {
      const std::string amount = m[2];
      if (amount.find('/') != std::string::npos && amount.find("round") == std::string::npos) {
        report(
            zh()
                ? fmt::format(
                      "分值 {} 含除法但未舍入：小数位可能多于该指标的位数（scale），请先用 ctx:round(…) 舍入",
                      amount)
                : fmt::format("points {} divide but are not rounded: they may have more decimals than the "
                              "leaf's scale; round them first with ctx:round(…)",
                              amount));
      }
    }
  }

  // The item schemas of every list in the department schema, and one node
  // holding all their fields (for "did you mean").
  void collect_items(const data::SchemaNode& node) {
    if (node.items != nullptr && !node.items->properties.empty()) {
      items_.push_back(node.items);
      for (const auto& p : node.items->properties) all_items_.properties.push_back(p);
    }
    for (const auto& p : node.properties) collect_items(*p.schema);
    if (node.items != nullptr) collect_items(*node.items);
  }
  const data::SchemaNode* item_with(const std::string& field) const {
    for (const data::SchemaNode* item : items_) {
      if (item->property(field) != nullptr) return item;
    }
    return nullptr;
  }

  const std::string& path_;
  const SourceScan& scan_;
  std::vector<LintProblem>& problems_;
  int n_ = 0;
  std::map<std::string, const data::SchemaNode*> bound_;  // variable → the data it holds
  std::set<std::string> params_aliases_;                  // local params = ctx.params
  std::set<std::string> any_item_;                        // loop variables over lists lint cannot follow
  std::set<std::string> data_lists_;                      // locals holding such lists
  std::vector<const data::SchemaNode*> items_;
  data::SchemaNode all_items_;
};

}  // namespace

void scan_source(const std::string& path, const std::string& text, const SourceScan& scan,
                 std::vector<LintProblem>& problems) {
  Scanner scanner(path, scan, problems);
  std::istringstream in(text);
  std::string line;
  bool in_long = false;
  for (int n = 1; std::getline(in, line); ++n) {
    bool in_long_kept = in_long;
    const std::string code = code_only(line, in_long, false);
    const std::string with_strings = code_only(line, in_long_kept, true);
    scanner.line(n, code, with_strings);
  }
}

int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  if (at == std::string::npos) return 1;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace jx::cli
