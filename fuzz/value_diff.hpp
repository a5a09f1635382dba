// The first difference between two loaded trees (kind, position, value, member
// order), for the differential fuzz targets (fuzz_json_fast, fuzz_csv_fast)
// and the fast-path unit test (tests/unit/data_fast_path_test.cpp).
#pragma once

#include <string>

#include "data/department.hpp"
#include "data/value.hpp"

namespace jx::fuzz {

using jx::data::Value;

inline std::string where(const Value& v) {
  return std::to_string(v.pos().file) + ":" + std::to_string(v.pos().line) + ":" +
         std::to_string(v.pos().column);
}

// The first difference between two trees, or "" when they are equal.
inline std::string difference(const Value& a, const Value& b, const std::string& path) {
  if (a.kind() != b.kind()) {
    return path + ": kind " + std::string(kind_name(a.kind())) + " vs " + std::string(kind_name(b.kind()));
  }
  if (where(a) != where(b)) return path + ": position " + where(a) + " vs " + where(b);
  switch (a.kind()) {
    case Value::Kind::null: return "";
    case Value::Kind::boolean: return a.as_bool() == b.as_bool() ? "" : path + ": boolean";
    case Value::Kind::decimal: {
      const jx::Decimal& x = a.as_decimal();
      const jx::Decimal& y = b.as_decimal();
      // Equal text and exponent: the same value written with the same scale.
      if (x.is_fraction() || y.is_fraction() || x.to_string() != y.to_string() ||
          x.exponent() != y.exponent()) {
        return path + ": decimal " + x.to_string() + " vs " + y.to_string();
      }
      return "";
    }
    case Value::Kind::date: return a.as_date() == b.as_date() ? "" : path + ": date";
    case Value::Kind::string:
      return a.as_string() == b.as_string()
                 ? ""
                 : path + ": string \"" + a.as_string() + "\" vs \"" + b.as_string() + "\"";
    case Value::Kind::array: {
      const auto& x = a.as_array();
      const auto& y = b.as_array();
      if (x.size() != y.size())
        return path + ": " + std::to_string(x.size()) + " vs " + std::to_string(y.size()) + " items";
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (auto d = difference(x[i], y[i], path + "/" + std::to_string(i)); !d.empty()) return d;
      }
      return "";
    }
    case Value::Kind::object: {
      const auto& x = a.as_object();
      const auto& y = b.as_object();
      if (x.size() != y.size())
        return path + ": " + std::to_string(x.size()) + " vs " + std::to_string(y.size()) + " members";
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i].key != y[i].key)
          return path + ": member " + std::to_string(i) + " \"" + x[i].key + "\" vs \"" + y[i].key + "\"";
        if (auto d = difference(x[i].value, y[i].value, path + "/" + x[i].key); !d.empty()) return d;
      }
      return "";
    }
  }
  return path + ": ?";
}

// What is wrong when the fast path accepted an input: "" when the exact path
// gives the same files and tree and no diagnostic at all.
inline std::string fast_path_problem(const jx::data::LoadResult& fast, const jx::data::LoadResult& exact) {
  if (!fast.document || !fast.diagnostics.empty()) return "the fast path accepted without a clean document";
  if (!exact.document) return "the fast path accepted what the exact path cannot parse";
  if (!exact.diagnostics.empty()) {
    return "the fast path accepted what the exact path reports: " +
           exact.diagnostics.front().to_string(jx::Lang::en);
  }
  if (fast.document->files != exact.document->files) return "different file lists";
  if (const std::string d = difference(fast.document->root, exact.document->root, ""); !d.empty()) {
    return "fast and exact documents differ at " + d;
  }
  return "";
}

}  // namespace jx::fuzz
