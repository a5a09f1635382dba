// Regression tests for what the fuzzers (fuzz/, docs/reliability.md) found,
// and a replay of every saved input under tests/data/regressions/TARGET/
// through the fuzz harness TARGET, so that each finding stays fixed in every
// build (the harnesses are compiled into this test with the normal compiler).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "../unit/source_dir.hpp"
#include "data/schema.hpp"
#include "rules/ruleset.hpp"
#include "sandbox/sandbox.hpp"
#include "values/decimal.hpp"

extern "C" int jx_fuzz_decimal(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_json(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_csv(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_manifest(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_json_fast(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_csv_fast(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_xlsx(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_ndjson(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_narrative_text(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_narrative_docx(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_narrative_pdf_text(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_narrative_diff(const std::uint8_t* data, std::size_t size);
extern "C" int jx_fuzz_sandbox(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;
using jx::Decimal;

// --- fuzz_decimal: the ideal exponent of an exact quotient --------------------
// A terminating quotient moves towards its ideal exponent (dividend's minus
// divisor's); padding towards an ideal exponent below −10000 used to push a
// representable result out of range and throw.

TEST(DecimalRegression, QuotientStopsPaddingAtTheExponentBound) {
  const Decimal q = Decimal::parse("10e-5001") / Decimal::parse("1e5000");  // ideal exponent −10001
  EXPECT_EQ(q.coefficient(), 1);
  EXPECT_EQ(q.exponent(), -10000);
  EXPECT_EQ(q, Decimal::parse("1e-10000"));
}

TEST(DecimalRegression, ZeroQuotientTakesTheNearestExponentInRange) {
  const Decimal q = Decimal::parse("0e-5000") / Decimal::parse("1e5001");  // ideal exponent −10001
  EXPECT_TRUE(q.is_zero());
  EXPECT_EQ(q.exponent(), -10000);
  const Decimal p = Decimal::parse("0e5000") / Decimal::parse("1e-5001");  // ideal exponent +10001
  EXPECT_TRUE(p.is_zero());
  EXPECT_EQ(p.exponent(), 10000);
}

TEST(DecimalRegression, QuotientBeyondTheBoundStillThrows) {
  try {
    (void)(Decimal::parse("1e-5001") / Decimal::parse("1e5000"));  // 1E-10001: not representable
    FAIL() << "no error";
  } catch (const jx::DecimalError& e) {
    EXPECT_EQ(e.kind(), jx::DecimalError::Kind::out_of_range);
    EXPECT_STREQ(e.what(), "exponent out of range (beyond ±10000)");
  }
}

// --- fuzz_decimal: a quotient whose ideal exponent needs too many digits -------
// Issue 19: 15×10^400 E-56 divided by the fraction 1/(1125×10^686) is
// 1.6875E+1034. Kept at its ideal exponent (−56) it would need 1091 digits,
// and the quotient threw "result has more than 1000 digits"; written as
// 1.5E345 the same dividend divided fine. A result that cannot keep its ideal
// exponent takes the nearest one that fits, whichever way the dividend is written.

TEST(DecimalRegression, QuotientTakesTheNearestExponentThatFitsWhateverTheDividendsScale) {
  const Decimal divisor = Decimal(1) / Decimal::parse("1125" + std::string(686, '0'));
  const Decimal written_long = Decimal::parse("15" + std::string(400, '0') + "E-56") / divisor;
  const Decimal written_short = Decimal::parse("1.5E345") / divisor;
  EXPECT_EQ(written_long, Decimal::parse("1.6875E+1034"));
  EXPECT_EQ(written_short, Decimal::parse("1.6875E+1034"));
  EXPECT_EQ(written_long.exponent(), 35);  // the nearest to −56 that 1000 digits allow
  EXPECT_EQ(written_short.exponent(), 344);
  EXPECT_EQ(written_long.to_string(), "16875" + std::string(1030, '0'));
  EXPECT_EQ(written_short.to_string(), written_long.to_string());
}

// --- fuzz_manifest: weights whose sum leaves the decimal bounds ---------------
// 1e9999 and 1e-9999 each pass the schema, but their sum needs 19999 digits:
// RuleSet::load let the DecimalError escape ("sum has more than 1000 digits",
// with no file or line) instead of a RuleSetError naming the manifest line.

TEST(ManifestRegression, WeightsBeyondTheDecimalBoundsAreARuleSetError) {
  const fs::path dir = fs::temp_directory_path() / ("jx-regression-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(
      fs::path(jx::test::source_dir()) / "tests/data/regressions/manifest/weights-beyond-decimal-bounds.toml",
      dir / "manifest.toml", fs::copy_options::overwrite_existing);
  const jx::data::Schema schema =
      jx::data::Schema::load(jx::test::source_path("/schemas/ruleset.schema.json"));
  try {
    (void)jx::rules::RuleSet::load(dir.string(), schema, jx::Lang::en);
    ADD_FAILURE() << "no error";
  } catch (const jx::rules::RuleSetError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        (dir / "manifest.toml").string() +
            ":5:1: the weights under \"a\" cannot be added up: number has more than 1000 significant digits");
  }
  fs::remove_all(dir);
}

// --- fuzz_sandbox: string.rep of an empty string ---------------------------------
// string.rep("", n) is "" for every n, but Lua's str_rep still loops n times
// (copying nothing), inside one C call where the time budget is never looked
// at: a generated rule with string.rep(…, 1e9) of an empty string ran 14 s of
// CPU under a 250 ms budget, and math.maxinteger copies would never end.

TEST(SandboxRegression, RepOfAnEmptyStringReturnsAtOnce) {
  jx::sandbox::Limits limits;
  limits.milliseconds_per_rule = 250;
  jx::sandbox::Engine engine(limits, {});
  const std::size_t rule = engine.load({"rules/test/rep.lua",
                                        "return { id = \"REP\", indicator = \"测试/指标\", title = \"rep\",\n"
                                        "check = function(dept, ctx)\n"
                                        "  local a = string.rep(\"\", 10000000000)\n"
                                        "  local b = (\"\"):rep(math.maxinteger, \"\")\n"
                                        "  ctx:note({ message = (\"%d %d\"):format(#a, #b) })\n"
                                        "end }\n"});
  auto department = std::make_shared<jx::data::Document>();
  department->root = jx::data::Value(jx::data::Value::Object{}, {});
  jx::sandbox::RuleInput input;
  input.department = department;
  const auto start = std::chrono::steady_clock::now();
  const jx::sandbox::RuleOutcome outcome = engine.run(rule, input);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(outcome.failed());
  ASSERT_EQ(outcome.findings.size(), 1u);
  EXPECT_EQ(outcome.findings[0].message, "0 0");
  EXPECT_LT(elapsed, std::chrono::milliseconds(250));
}

// --- replay of saved fuzz inputs ------------------------------------------------

using Harness = int (*)(const std::uint8_t*, std::size_t);

std::vector<fs::path> inputs_of(const std::string& target) {
  std::vector<fs::path> files;
  const fs::path dir = fs::path(jx::test::source_dir()) / "tests/data/regressions" / target;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void replay(const std::string& target, Harness harness, std::size_t at_least) {
  const std::vector<fs::path> files = inputs_of(target);
  EXPECT_GE(files.size(), at_least) << "tests/data/regressions/" << target;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A broken invariant traps inside the harness: the test fails loudly.
    EXPECT_EQ(harness(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
  }
}

TEST(FuzzReplay, Decimal) { replay("decimal", jx_fuzz_decimal, 3); }
TEST(FuzzReplay, Json) { replay("json", jx_fuzz_json, 0); }
TEST(FuzzReplay, Csv) { replay("csv", jx_fuzz_csv, 0); }
TEST(FuzzReplay, Manifest) { replay("manifest", jx_fuzz_manifest, 1); }
TEST(FuzzReplay, JsonFast) { replay("json_fast", jx_fuzz_json_fast, 0); }
TEST(FuzzReplay, CsvFast) { replay("csv_fast", jx_fuzz_csv_fast, 0); }
TEST(FuzzReplay, Xlsx) { replay("xlsx", jx_fuzz_xlsx, 0); }
TEST(FuzzReplay, Ndjson) { replay("ndjson", jx_fuzz_ndjson, 0); }
TEST(FuzzReplay, NarrativeText) { replay("narrative_text", jx_fuzz_narrative_text, 0); }
TEST(FuzzReplay, NarrativeDocx) { replay("narrative_docx", jx_fuzz_narrative_docx, 0); }
TEST(FuzzReplay, NarrativePdfText) { replay("narrative_pdf_text", jx_fuzz_narrative_pdf_text, 0); }
TEST(FuzzReplay, NarrativeDiff) { replay("narrative_diff", jx_fuzz_narrative_diff, 0); }
TEST(FuzzReplay, Sandbox) { replay("sandbox", jx_fuzz_sandbox, 1); }

// The seeds of the loader targets, as fuzz/run links them (docs/reliability.md),
// through both differential harnesses: every sample and test document must load
// the same way on the fast and the exact path.
std::vector<fs::path> files_under(const std::string& dir, const std::string& extension) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(jx::test::source_dir()) / dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void replay_files(const std::vector<fs::path>& files, Harness harness) {
  EXPECT_FALSE(files.empty());
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(harness(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
  }
}

TEST(FuzzReplay, JsonFastSeeds) {
  for (const char* dir : {"samples", "tests/data/malformed", "tests/data/valid"}) {
    replay_files(files_under(dir, ".json"), jx_fuzz_json_fast);
  }
}

TEST(FuzzReplay, CsvFastSeeds) {
  for (const char* dir : {"samples", "tests/data/malformed", "tests/data/valid"}) {
    replay_files(files_under(dir, ".csv"), jx_fuzz_csv_fast);
  }
}

// The seeds of the targets this wave added (fuzz/corpus/TARGET and the test
// files fuzz/run links as seeds), through their harnesses: every seed keeps
// every invariant, so the targets start from inputs that pass.
TEST(FuzzReplay, NewTargetSeeds) {
  replay_files(files_under("fuzz/corpus/xlsx", ".parts"), jx_fuzz_xlsx);
  replay_files(files_under("tests/data/xlsx", ".xlsx"), jx_fuzz_xlsx);
  replay_files(files_under("fuzz/corpus/ndjson", ".ndjson"), jx_fuzz_ndjson);
  replay_files(files_under("tests/data/narrative", ".txt"), jx_fuzz_narrative_text);
  replay_files(files_under("tests/data/narrative", ".txt"), jx_fuzz_narrative_pdf_text);
  replay_files(files_under("fuzz/corpus/narrative_pdf_text", ".txt"), jx_fuzz_narrative_pdf_text);
  replay_files(files_under("fuzz/corpus/narrative_docx", ".xml"), jx_fuzz_narrative_docx);
  replay_files(files_under("tests/data/narrative", ".docx"), jx_fuzz_narrative_docx);
  replay_files(files_under("tests/data/narrative", ".txt"), jx_fuzz_narrative_diff);
  std::vector<fs::path> sandbox_seeds;
  for (const auto& entry : fs::directory_iterator(fs::path(JX_SOURCE_DIR) / "fuzz/corpus/sandbox"))
    sandbox_seeds.push_back(entry.path());
  std::sort(sandbox_seeds.begin(), sandbox_seeds.end());
  replay_files(sandbox_seeds, jx_fuzz_sandbox);
}

// The decimal seeds are hand-written checks of their own (fuzz/corpus/decimal).
TEST(FuzzReplay, DecimalSeeds) {
  for (const auto& entry : fs::directory_iterator(fs::path(jx::test::source_dir()) / "fuzz/corpus/decimal")) {
    SCOPED_TRACE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(jx_fuzz_decimal(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
  }
}

}  // namespace
