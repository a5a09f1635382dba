// Differential fuzzing of the two JSON loading paths (engine/data/load_paths.hpp):
// whenever the fast path accepts the bytes, the exact path must give the same
// Document (every value, member order, decimal text and exponent, source
// position) and no diagnostic at all. Seeds are the department samples, so
// most inputs are near-valid departments, where the fast path has work to do.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "data/load_paths.hpp"
#include "support.hpp"

namespace {

using jx::data::Value;

std::string where(const Value& v) {
  return std::to_string(v.pos().file) + ":" + std::to_string(v.pos().line) + ":" +
         std::to_string(v.pos().column);
}

// The first difference between two trees, or "" when they are equal.
std::string difference(const Value& a, const Value& b, const std::string& path) {
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static const jx::data::Schema schema =
      jx::data::Schema::load(JX_SOURCE_DIR "/schemas/department.schema.json");
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  const jx::data::LoadOptions options;
  const auto fast = jx::data::detail::load_fast(schema, text, "fuzz.json", options);
  if (!fast) return 0;
  const jx::data::LoadResult exact =
      jx::data::detail::load_exact(schema, text, "fuzz.json", jx::fuzz::scratch_dir(), options);
  if (!fast->document || !fast->diagnostics.empty())
    jx::fuzz::fail("the fast path accepted without a clean document");
  if (!exact.document) jx::fuzz::fail("the fast path accepted what the exact path cannot parse");
  if (!exact.diagnostics.empty()) {
    jx::fuzz::fail("the fast path accepted what the exact path reports: " +
                   exact.diagnostics.front().to_string(jx::Lang::en));
  }
  if (fast->document->files != exact.document->files) jx::fuzz::fail("different file lists");
  if (const std::string d = difference(fast->document->root, exact.document->root, ""); !d.empty()) {
    jx::fuzz::fail("fast and exact documents differ at " + d);
  }
  return 0;
}
