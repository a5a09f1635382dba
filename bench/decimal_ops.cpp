// A fixed, repeatable mix of the jx::Decimal operations the money path uses,
// for instruction counts under callgrind (docs/performance.md, "Decimal fast
// path"): unlike bench_decimal.cpp, the work does not depend on timing, so
// two builds can be compared instruction for instruction.
//
//   valgrind --tool=callgrind build/perf/bench/jx_bench_decimal_ops 100000
//
// Prints a checksum so that the work cannot be optimized away, and so that two
// builds can be seen to compute the same results.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "values/decimal.hpp"

int main(int argc, char** argv) {
  const long rounds = argc > 1 ? std::atol(argv[1]) : 100000;
  // Amounts as a department's data states them (元 and 万元), rates, weights.
  static constexpr std::array<const char*, 8> amounts = {"1234567.89", "250000.00", "37.50", "98765.43",
                                                         "5000000",    "10606.10",  "0.35",  "43799886.90"};
  static constexpr std::array<const char*, 4> rates = {"0.9985", "0.30", "1.06", "0.0125"};
  std::size_t checksum = 0;
  jx::Decimal total;
  for (long r = 0; r < rounds; ++r) {
    const std::size_t i = static_cast<std::size_t>(r) % amounts.size();
    const jx::Decimal a = jx::Decimal::parse(amounts[i]);                         // load: parse
    const jx::Decimal b = jx::Decimal::parse(amounts[(i + 3) % amounts.size()]);  // load: parse
    const jx::Decimal rate = jx::Decimal::parse(rates[i % rates.size()]);
    total += a;                                 // sums of amounts
    const jx::Decimal diff = a - b;             // differences
    if (a < b) ++checksum;                      // comparisons (thresholds, dates' money)
    if (a <= jx::Decimal(2000000)) ++checksum;  // with an integer
    const jx::Decimal product = a * rate;       // weight × rate, amount × ratio
    const jx::Decimal rounded = product.round(2, jx::RoundingMode::half_up);
    const jx::Decimal floor = product.round(2, jx::RoundingMode::down);
    if (rounded == floor) ++checksum;
    checksum += rounded.to_string().size() + diff.is_zero();
    if (r % 16 == 0) {  // now and then: an exact quotient and a percentage
      const jx::Decimal share = a / b;
      checksum += share.percent(2).size();
    }
  }
  std::printf("rounds %ld checksum %zu total %s\n", rounds, checksum, total.to_string().c_str());
  return 0;
}
