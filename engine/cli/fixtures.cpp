#include "cli/fixtures.hpp"

#include <fmt/format.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

#include "data/department.hpp"

namespace jx::cli {
namespace {

namespace fs = std::filesystem;
using data::Value;

// Any JSON, untyped: numbers become exact decimals, strings stay strings.
const data::Schema& any_json() {
  static const data::Schema schema = data::Schema::from_text("{}", "<any JSON>");
  return schema;
}

Value load_json(const std::string& path) {
  data::LoadResult r = data::load_department(any_json(), path, data::LoadOptions{Lang::en, {}, {}});
  if (!r.ok()) {
    std::string all;
    for (const auto& d : r.diagnostics) all += (all.empty() ? "" : "\n") + d.to_string(Lang::en);
    throw std::runtime_error(all);
  }
  return r.document->root;
}

template <typename Writer>
void write(Writer& w, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::null: w.Null(); break;
    case Value::Kind::boolean: w.Bool(v.as_bool()); break;
    case Value::Kind::decimal: {
      const std::string text = v.as_decimal().to_string();
      w.RawValue(text.data(), text.size(), rapidjson::kNumberType);
      break;
    }
    case Value::Kind::date: {
      const std::string text = v.as_date().to_string();
      w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
      break;
    }
    case Value::Kind::string:
      w.String(v.as_string().data(), static_cast<rapidjson::SizeType>(v.as_string().size()));
      break;
    case Value::Kind::array:
      w.StartArray();
      for (const Value& item : v.as_array()) write(w, item);
      w.EndArray();
      break;
    case Value::Kind::object:
      w.StartObject();
      for (const auto& m : v.as_object()) {
        w.Key(m.key.data(), static_cast<rapidjson::SizeType>(m.key.size()));
        write(w, m.value);
      }
      w.EndObject();
      break;
  }
}

std::string where(const std::string& path, const Value& v) {
  return fmt::format("{}:{}:{}", path, v.pos().line, v.pos().column);
}

const Value& need(const std::string& path, const Value& object, const char* key, Value::Kind kind) {
  const Value* v = object.find(key);
  if (v == nullptr || v->kind() != kind) {
    throw std::runtime_error(
        fmt::format("{}: expected \"{}\" ({})", where(path, object), key, data::kind_name(kind)));
  }
  return *v;
}

// Every relative date in a value tree replaced (see fixtures.hpp).
Value resolve_tree(const Value& v, int fiscal_year) {
  switch (v.kind()) {
    case Value::Kind::string: {
      bool number = false;
      if (auto r = resolve_fiscal_year(v.as_string(), fiscal_year, &number)) {
        return number ? Value(*Decimal::try_parse(*r), v.pos()) : Value(*r, v.pos());
      }
      return v;
    }
    case Value::Kind::array: {
      Value::Array items;
      for (const Value& item : v.as_array()) items.push_back(resolve_tree(item, fiscal_year));
      return Value(std::move(items), v.pos());
    }
    case Value::Kind::object: {
      Value::Object members;
      for (const auto& m : v.as_object()) members.push_back({m.key, resolve_tree(m.value, fiscal_year)});
      return Value(std::move(members), v.pos());
    }
    default: return v;
  }
}

Value text_value(std::string s) { return Value(std::move(s), data::SourcePos{}); }

Value expectation(const ActualResult& actual, bool with_score) {
  Value::Object expect;
  if (with_score) expect.push_back({"score", text_value(actual.score.to_string())});
  Value::Array findings;
  for (const ExpectedFinding& f : actual.findings) {
    Value::Object finding;
    finding.push_back({"kind", text_value(f.kind)});
    finding.push_back({"subject", text_value(f.subject)});
    finding.push_back({"points", text_value(f.points.to_string())});
    findings.emplace_back(std::move(finding), data::SourcePos{});
  }
  expect.push_back({"findings", Value(std::move(findings), data::SourcePos{})});
  return Value(std::move(expect), data::SourcePos{});
}

// A date or month string moved `years` on, or nullopt when `text` is neither.
std::optional<std::string> shift_text(const std::string& text, int years, bool& clamped) {
  static const std::regex date(R"(^(\d{4})-(\d{2})(-(\d{2}))?$)");
  std::smatch m;
  if (!std::regex_match(text, m, date)) return std::nullopt;
  const int year = std::stoi(m[1]) + years;
  const unsigned month = static_cast<unsigned>(std::stoi(m[2]));
  if (month < 1 || month > 12) return std::nullopt;
  if (!m[3].matched) return fmt::format("{:04}-{:02}", year, month);
  unsigned day = static_cast<unsigned>(std::stoi(m[4]));
  if (!Date::parse(text)) return std::nullopt;
  if (month == 2 && day == 29 && !std::chrono::year{year}.is_leap()) {
    day = 28;
    clamped = true;
  }
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

Value shift_tree(const Value& v, int years, const std::string& where, std::vector<std::string>& notes) {
  switch (v.kind()) {
    case Value::Kind::string: {
      bool clamped = false;
      if (auto r = shift_text(v.as_string(), years, clamped)) {
        if (clamped) notes.push_back(fmt::format("{}: {} → {}", where, v.as_string(), *r));
        return Value(*r, v.pos());
      }
      return v;
    }
    case Value::Kind::array: {
      Value::Array items;
      for (std::size_t i = 0; i < v.as_array().size(); ++i)
        items.push_back(shift_tree(v.as_array()[i], years, fmt::format("{}/{}", where, i), notes));
      return Value(std::move(items), v.pos());
    }
    case Value::Kind::object: {
      Value::Object members;
      for (const auto& m : v.as_object()) {
        if (where.empty() && m.key == "fiscal_year" && m.value.kind() == Value::Kind::decimal) {
          members.push_back({m.key, Value(m.value.as_decimal() + Decimal(years), m.value.pos())});
        } else {
          members.push_back({m.key, shift_tree(m.value, years, where + "/" + m.key, notes)});
        }
      }
      return Value(std::move(members), v.pos());
    }
    default: return v;
  }
}

Decimal decimal_of(const std::string& path, const Value& v) {
  if (v.kind() == Value::Kind::decimal) return v.as_decimal();
  if (v.kind() == Value::Kind::string) {
    if (auto d = Decimal::try_parse(v.as_string())) return *d;
  }
  throw std::runtime_error(fmt::format("{}: expected a decimal such as \"0.5\"", where(path, v)));
}

}  // namespace

std::optional<std::string> resolve_fiscal_year(const std::string& text, int fiscal_year, bool* as_number) {
  if (fiscal_year == 0 || text.rfind("FY", 0) != 0) return std::nullopt;
  // Offsets have one digit, months two, so "FY-12" is December and "FY-1" last year.
  static const std::regex relative(R"(^FY([+-]\d)?(-\d{2}(-\d{2})?)?$)");
  std::smatch m;
  if (!std::regex_match(text, m, relative)) return std::nullopt;
  const int year = fiscal_year + (m[1].matched ? std::stoi(m[1]) : 0);
  if (as_number != nullptr) *as_number = !m[2].matched;
  return std::to_string(year) + m[2].str();
}

std::string to_pretty_json(const Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  write(w, value);
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

void write_accepted_fixture(const std::string& from, const std::string& to,
                            const std::map<std::size_t, ActualResult>& accepted) {
  const Value root = load_json(from);
  Value::Object members;
  for (const auto& m : root.as_object()) {
    if (m.key == "base" && m.value.kind() == Value::Kind::string) {
      // Absolute first: `from` and `to` may be given one relative and one absolute.
      const fs::path base =
          fs::absolute(fs::path(from).parent_path() / m.value.as_string()).lexically_normal();
      const fs::path to_dir = fs::absolute(fs::path(to).parent_path()).lexically_normal();
      members.push_back({m.key, text_value(base.lexically_relative(to_dir).generic_string())});
    } else if (m.key == "cases" && m.value.kind() == Value::Kind::array) {
      Value::Array cases;
      for (std::size_t i = 0; i < m.value.as_array().size(); ++i) {
        const Value& c = m.value.as_array()[i];
        auto it = accepted.find(i);
        if (it == accepted.end() || c.kind() != Value::Kind::object) {
          cases.push_back(c);
          continue;
        }
        const Value* old = c.find("expect");
        const bool with_score = old != nullptr && old->find("score") != nullptr;
        Value::Object fields;
        for (const auto& f : c.as_object()) {
          fields.push_back({f.key, f.key == "expect" ? expectation(it->second, with_score) : f.value});
        }
        cases.emplace_back(std::move(fields), c.pos());
      }
      members.push_back({m.key, Value(std::move(cases), m.value.pos())});
    } else {
      members.push_back(m);
    }
  }
  std::error_code ec;
  fs::create_directories(fs::path(to).parent_path(), ec);
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  out << to_pretty_json(Value(std::move(members), root.pos()));
  if (!out) throw std::runtime_error(fmt::format("{}: cannot write the fixture", to));
}

std::string department_for_year(const std::string& path, int to_year, std::vector<std::string>& notes) {
  const Value root = load_json(path);
  const Value* year = root.find("fiscal_year");
  if (year == nullptr || year->kind() != Value::Kind::decimal) {
    throw std::runtime_error(fmt::format("{}: expected \"fiscal_year\" (a number)", path));
  }
  const std::string from = year->as_decimal().to_string();
  const int years = to_year - std::stoi(from);
  Value shifted = shift_tree(root, years, "", notes);
  // The year in the department's code and name ("FLAW-00-2024", "…，2024）") follows.
  Value::Object members = shifted.as_object();
  for (auto& m : members) {
    if (m.key == "notes") {
      // The old notes speak of the old year's dates and weekdays.
      Value::Array notes_out;
      notes_out.push_back(text_value(fmt::format(
          "{} moved to fiscal year {} by `jxaudit rules new`: every date {} year{} later, amounts unchanged. "
          "Weekdays and holidays moved with them: check the deadlines against the {} calendar.",
          path, to_year, years, years == 1 ? "" : "s", to_year)));
      m.value = Value(std::move(notes_out), m.value.pos());
      continue;
    }
    if (m.key != "department" || m.value.kind() != Value::Kind::object) continue;
    Value::Object fields = m.value.as_object();
    for (auto& f : fields) {
      if ((f.key == "code" || f.key == "name") && f.value.kind() == Value::Kind::string) {
        std::string text = f.value.as_string();
        if (const auto at = text.rfind(from); at != std::string::npos)
          text.replace(at, from.size(), std::to_string(to_year));
        f.value = Value(std::move(text), f.value.pos());
      }
    }
    m.value = Value(std::move(fields), m.value.pos());
  }
  return to_pretty_json(Value(std::move(members), shifted.pos()));
}

std::string to_json(const Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  write(w, value);
  return std::string(buffer.GetString(), buffer.GetSize());
}

Value merge_patch(const Value& target, const Value& patch) {
  if (patch.kind() != Value::Kind::object) return patch;
  Value::Object members = target.kind() == Value::Kind::object ? target.as_object() : Value::Object{};
  for (const auto& m : patch.as_object()) {
    auto it = std::find_if(members.begin(), members.end(), [&](const auto& x) { return x.key == m.key; });
    if (m.value.is_null()) {
      if (it != members.end()) members.erase(it);
    } else if (it == members.end()) {
      members.push_back({m.key, merge_patch(Value(), m.value)});
    } else {
      it->value = merge_patch(it->value, m.value);
    }
  }
  return Value(std::move(members), patch.pos());
}

Fixture load_fixture(const std::string& path, int fiscal_year) {
  const Value root = resolve_tree(load_json(path), fiscal_year);
  Fixture fixture;
  fixture.path = path;
  fixture.rule_id = need(path, root, "rule", Value::Kind::string).as_string();
  const std::string base_rel = need(path, root, "base", Value::Kind::string).as_string();
  const std::string base_path = (fs::path(path).parent_path() / base_rel).lexically_normal().string();
  const Value base = resolve_tree(load_json(base_path), fiscal_year);
  for (const Value& c : need(path, root, "cases", Value::Kind::array).as_array()) {
    FixtureCase fc;
    fc.name = need(path, c, "name", Value::Kind::string).as_string();
    fc.has_score = need(path, c, "expect", Value::Kind::object).find("score") != nullptr;
    const Value* patch = c.find("patch");
    fc.department_json = to_json(patch != nullptr ? merge_patch(base, *patch) : base);
    const Value& expect = need(path, c, "expect", Value::Kind::object);
    if (const Value* score = expect.find("score")) fc.score = decimal_of(path, *score);
    for (const Value& f : need(path, expect, "findings", Value::Kind::array).as_array()) {
      ExpectedFinding e;
      e.kind = need(path, f, "kind", Value::Kind::string).as_string();
      if (const Value* s = f.find("subject"))
        e.subject = s->kind() == Value::Kind::string ? s->as_string() : "";
      if (const Value* p = f.find("points")) e.points = decimal_of(path, *p);
      fc.findings.push_back(std::move(e));
    }
    fixture.cases.push_back(std::move(fc));
  }
  return fixture;
}

}  // namespace jx::cli
