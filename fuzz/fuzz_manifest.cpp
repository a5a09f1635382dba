// Fuzzes the rule-set manifest loader: the bytes become manifest.toml in a
// scratch directory, read by rules::read_manifest against
// schemas/ruleset.schema.json and then by RuleSet::load (indicator tree,
// weights, rounding, grades, `extends`). A bad manifest must be a
// RuleSetError naming file:line:column, never a crash or another exception.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "rules/manifest_reader.hpp"
#include "rules/ruleset.hpp"
#include "support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  static const jx::data::Schema schema = jx::data::Schema::load(JX_SOURCE_DIR "/schemas/ruleset.schema.json");
  static const std::string dir = jx::fuzz::scratch_dir() + "/set";
  static const std::string manifest = [] {
    std::filesystem::create_directories(dir);
    return dir + "/manifest.toml";
  }();
  jx::fuzz::write_file(manifest, std::string_view(reinterpret_cast<const char*>(bytes), size));

  const jx::data::LoadResult doc = jx::rules::read_manifest(schema, manifest, jx::Lang::en);
  if (!doc.document && doc.diagnostics.empty()) jx::fuzz::fail("no document and no diagnostic");

  try {
    const jx::rules::RuleSet set = jx::rules::RuleSet::load(dir, schema, jx::Lang::en);
    // A loaded set is consistent: first-level weights add up to 100, each
    // parent's weight is the sum of its children's.
    jx::Decimal total;
    for (const jx::rules::Indicator& ind : set.indicators()) {
      if (!ind.parent) total += ind.weight;
      if (ind.is_leaf()) continue;
      jx::Decimal sum;
      for (std::size_t c : ind.children) sum += set.indicators().at(c).weight;
      if (sum != ind.weight) jx::fuzz::fail("children of " + ind.path + " do not add up to its weight");
    }
    if (total != jx::Decimal(100)) jx::fuzz::fail("first-level weights add up to " + total.to_string());
    if (!doc.ok()) jx::fuzz::fail("RuleSet::load accepted a manifest read_manifest rejected");
  } catch (const jx::rules::RuleSetError& e) {
    if (std::string_view(e.what()).empty()) jx::fuzz::fail("empty RuleSetError");
  }
  return 0;
}
