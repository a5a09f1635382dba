// The first difference between two loaded trees, for the differential fuzz
// targets (fuzz_json_fast, fuzz_csv_fast): kind, position, value, member order.
#pragma once

#include <string>

#include "data/value.hpp"

namespace jx::fuzz {

using jx::data::Value;

inline std::string where(const Value& v) {
  return std::to_string(v.pos().file) + ":" + std::to_string(v.pos().line) + ":" +
         std::to_string(v.pos().column);
}

// The first difference between two trees, or "" when they are equal.
inline std::string difference(const Value& a, const Value& b, const std::string& path) {
  if (a.kind() != b.kind()) return path + ": kind";
  if (where(a) != where(b)) return path + ": position " + where(a) + " vs " + where(b);
  switch (a.kind()) {
    case Value::Kind::null: return "";
    case Value::Kind::boolean: return a.as_bool() == b.as_bool() ? "" : path + ": boolean";
    case Value::Kind::decimal: {
      const jx::Decimal& x = a.as_decimal();
      const jx::Decimal& y = b.as_decimal();
      if (x.is_fraction() || y.is_fraction() || x.to_string() != y.to_string() ||
          x.exponent() != y.exponent())
        return path + ": decimal " + x.to_string() + " vs " + y.to_string();
      return "";
    }
    case Value::Kind::date: return a.as_date() == b.as_date() ? "" : path + ": date";
    case Value::Kind::string: return a.as_string() == b.as_string() ? "" : path + ": string";
    case Value::Kind::array: {
      const auto& x = a.as_array();
      const auto& y = b.as_array();
      if (x.size() != y.size()) return path + ": item count";
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (auto d = difference(x[i], y[i], path + "/" + std::to_string(i)); !d.empty()) return d;
      }
      return "";
    }
    case Value::Kind::object: {
      const auto& x = a.as_object();
      const auto& y = b.as_object();
      if (x.size() != y.size()) return path + ": member count";
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i].key != y[i].key) return path + ": member key " + std::to_string(i);
        if (auto d = difference(x[i].value, y[i].value, path + "/" + x[i].key); !d.empty()) return d;
      }
      return "";
    }
  }
  return path + ": ?";
}

}  // namespace jx::fuzz
