// Micro-benchmarks of jx::Decimal next to double and Boost's cpp_dec_float_50.
//
// Binary floating point appears here only as a yardstick: the money path of
// jxaudit never uses it (docs/performance.md, "Decimal micro-benchmarks").
#include <benchmark/benchmark.h>

#include <array>
#include <boost/multiprecision/cpp_dec_float.hpp>
#include <cmath>
#include <cstdlib>
#include <string>

#include "values/decimal.hpp"

namespace {

using Float50 = boost::multiprecision::cpp_dec_float_50;

// Realistic money texts: amounts with two decimals, a rate, an integer count.
constexpr std::array<const char*, 8> texts = {
    "1234567.89", "0.9985", "250000.00", "37.50", "98765.43", "0.0125", "1000000", "4321.09",
};
// Pairs of operands (amount, amount or rate) for the arithmetic benchmarks.
constexpr std::array<const char*, 8> left = {
    "1234567.89", "250000.00", "98765.43", "4321.09", "37.50", "1000000.00", "5432.10", "77777.77",
};
constexpr std::array<const char*, 8> right = {
    "0.9985", "12.34", "3.00", "7", "0.0125", "365", "1.06", "0.333",
};
constexpr std::size_t n = texts.size();

template <typename T, typename Parse>
std::array<T, n> values(const std::array<const char*, n>& source, Parse parse) {
  std::array<T, n> out{};
  for (std::size_t i = 0; i < n; ++i) out[i] = parse(source[i]);
  return out;
}

jx::Decimal parse_decimal(const char* s) { return jx::Decimal::parse(s); }
double parse_double(const char* s) { return std::strtod(s, nullptr); }
Float50 parse_float50(const char* s) { return Float50(s); }

// ---------------------------------------------------------------------------
// parse

void BM_Parse_Decimal(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(jx::Decimal::parse(texts[i++ % n]));
  }
}
void BM_Parse_Double(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(std::strtod(texts[i++ % n], nullptr));
  }
}
void BM_Parse_CppDecFloat50(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Float50(texts[i++ % n]));
  }
}

// ---------------------------------------------------------------------------
// add, multiply, divide

template <typename T, typename Parse, typename Op>
void binary(benchmark::State& state, Parse parse, Op op) {
  const auto a = values<T>(left, parse);
  const auto b = values<T>(right, parse);
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % n;
    benchmark::DoNotOptimize(op(a[k], b[k]));
  }
}

void BM_Add_Decimal(benchmark::State& s) {
  binary<jx::Decimal>(s, parse_decimal, [](const auto& x, const auto& y) { return x + y; });
}
void BM_Add_Double(benchmark::State& s) {
  binary<double>(s, parse_double, [](double x, double y) { return x + y; });
}
void BM_Add_CppDecFloat50(benchmark::State& s) {
  binary<Float50>(s, parse_float50, [](const auto& x, const auto& y) { return Float50(x + y); });
}

void BM_Multiply_Decimal(benchmark::State& s) {
  binary<jx::Decimal>(s, parse_decimal, [](const auto& x, const auto& y) { return x * y; });
}
void BM_Multiply_Double(benchmark::State& s) {
  binary<double>(s, parse_double, [](double x, double y) { return x * y; });
}
void BM_Multiply_CppDecFloat50(benchmark::State& s) {
  binary<Float50>(s, parse_float50, [](const auto& x, const auto& y) { return Float50(x * y); });
}

// Exact division: most of these quotients do not terminate and stay fractions.
void BM_Divide_Decimal(benchmark::State& s) {
  binary<jx::Decimal>(s, parse_decimal, [](const auto& x, const auto& y) { return x / y; });
}
// Division rounded to 2 decimals in one step, as a rule would write it.
void BM_DivideRound2_Decimal(benchmark::State& s) {
  binary<jx::Decimal>(s, parse_decimal,
                      [](const auto& x, const auto& y) { return x.div(y, 2, jx::RoundingMode::half_up); });
}
void BM_Divide_Double(benchmark::State& s) {
  binary<double>(s, parse_double, [](double x, double y) { return x / y; });
}
void BM_Divide_CppDecFloat50(benchmark::State& s) {
  binary<Float50>(s, parse_float50, [](const auto& x, const auto& y) { return Float50(x / y); });
}

// ---------------------------------------------------------------------------
// round half_up to 2 decimals, of products (4–8 decimals) like amount × rate

template <typename T, typename Parse, typename Round>
void round2(benchmark::State& state, Parse parse, Round round) {
  const auto a = values<T>(left, parse);
  const auto b = values<T>(right, parse);
  std::array<T, n> products{};
  for (std::size_t k = 0; k < n; ++k) products[k] = a[k] * b[k];
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(round(products[i++ % n]));
  }
}

void BM_Round2_Decimal(benchmark::State& s) {
  round2<jx::Decimal>(s, parse_decimal, [](const auto& x) { return x.round(2, jx::RoundingMode::half_up); });
}
void BM_Round2_Double(benchmark::State& s) {
  round2<double>(s, parse_double, [](double x) { return std::round(x * 100) / 100; });
}
void BM_Round2_CppDecFloat50(benchmark::State& s) {
  // cpp_dec_float has no decimal quantize: scale, round half away from zero, scale back.
  round2<Float50>(s, parse_float50,
                  [](const auto& x) { return Float50(boost::multiprecision::round(x * 100) / 100); });
}

BENCHMARK(BM_Parse_Decimal);
BENCHMARK(BM_Parse_Double);
BENCHMARK(BM_Parse_CppDecFloat50);
BENCHMARK(BM_Add_Decimal);
BENCHMARK(BM_Add_Double);
BENCHMARK(BM_Add_CppDecFloat50);
BENCHMARK(BM_Multiply_Decimal);
BENCHMARK(BM_Multiply_Double);
BENCHMARK(BM_Multiply_CppDecFloat50);
BENCHMARK(BM_Divide_Decimal);
BENCHMARK(BM_DivideRound2_Decimal);
BENCHMARK(BM_Divide_Double);
BENCHMARK(BM_Divide_CppDecFloat50);
BENCHMARK(BM_Round2_Decimal);
BENCHMARK(BM_Round2_Double);
BENCHMARK(BM_Round2_CppDecFloat50);

}  // namespace

BENCHMARK_MAIN();
