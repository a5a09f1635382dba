#include "cli/fixtures.hpp"

#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <filesystem>
#include <stdexcept>

#include "data/department.hpp"

namespace jx::cli {
namespace {

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

void write(rapidjson::Writer<rapidjson::StringBuffer>& w, const Value& v) {
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

Decimal decimal_of(const std::string& path, const Value& v) {
  if (v.kind() == Value::Kind::decimal) return v.as_decimal();
  if (v.kind() == Value::Kind::string) {
    if (auto d = Decimal::try_parse(v.as_string())) return *d;
  }
  throw std::runtime_error(fmt::format("{}: expected a decimal such as \"0.5\"", where(path, v)));
}

}  // namespace

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

Fixture load_fixture(const std::string& path) {
  const Value root = load_json(path);
  Fixture fixture;
  fixture.path = path;
  fixture.rule_id = need(path, root, "rule", Value::Kind::string).as_string();
  const std::string base_rel = need(path, root, "base", Value::Kind::string).as_string();
  const std::string base_path =
      (std::filesystem::path(path).parent_path() / base_rel).lexically_normal().string();
  const Value base = load_json(base_path);
  for (const Value& c : need(path, root, "cases", Value::Kind::array).as_array()) {
    FixtureCase fc;
    fc.name = need(path, c, "name", Value::Kind::string).as_string();
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
