// The small-value fast path of jx::Decimal (internal to engine/values): money
// amounts, rates and scores have coefficients that fit in 64 bits, so the hot
// operations try machine integers first, with overflow checks, and fall back to
// Boost's cpp_int whenever a value or an intermediate result does not fit.
// Results are the same values either way; only the arithmetic differs.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "values/decimal.hpp"

namespace jx::detail {

// 10^0 … 10^18, every power of ten an int64 holds.
inline constexpr std::array<std::int64_t, 19> small_pow10 = {
    1LL,
    10LL,
    100LL,
    1'000LL,
    10'000LL,
    100'000LL,
    1'000'000LL,
    10'000'000LL,
    100'000'000LL,
    1'000'000'000LL,
    10'000'000'000LL,
    100'000'000'000LL,
    1'000'000'000'000LL,
    10'000'000'000'000LL,
    100'000'000'000'000LL,
    1'000'000'000'000'000LL,
    10'000'000'000'000'000LL,
    100'000'000'000'000'000LL,
    1'000'000'000'000'000'000LL,
};
inline constexpr std::uint32_t small_pow10_max = 18;

// `value` as an int64 when |value| ≤ 2^63 − 1 (one limb, top bit clear).
inline bool to_small(const Decimal::Int& value, std::int64_t& out) {
  const auto& backend = value.backend();
  using Limb = std::remove_cv_t<std::remove_reference_t<decltype(*backend.limbs())>>;
  if constexpr (sizeof(Limb) != sizeof(std::uint64_t)) {
    return false;  // a limb narrower than 64 bits: always the general path
  } else {
    if (backend.size() != 1) return false;
    const Limb limb = *backend.limbs();
    if (limb > static_cast<Limb>(std::numeric_limits<std::int64_t>::max())) return false;
    out = backend.sign() ? -static_cast<std::int64_t>(limb) : static_cast<std::int64_t>(limb);
    return true;
  }
}

// |value| without overflow (also for INT64_MIN).
inline std::uint64_t magnitude(std::int64_t value) {
  return value < 0 ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
}

// Decimal digits of v (1 for zero): the bit length gives floor(log10) or one
// more (1233 / 4096 is just above log10 2), one comparison corrects it.
inline std::uint32_t small_digit_count(std::uint64_t v) {
  static constexpr std::array<std::uint64_t, 20> powers = {
      1ULL,
      10ULL,
      100ULL,
      1'000ULL,
      10'000ULL,
      100'000ULL,
      1'000'000ULL,
      10'000'000ULL,
      100'000'000ULL,
      1'000'000'000ULL,
      10'000'000'000ULL,
      100'000'000'000ULL,
      1'000'000'000'000ULL,
      10'000'000'000'000ULL,
      100'000'000'000'000ULL,
      1'000'000'000'000'000ULL,
      10'000'000'000'000'000ULL,
      100'000'000'000'000'000ULL,
      1'000'000'000'000'000'000ULL,
      10'000'000'000'000'000'000ULL,
  };
  const std::uint64_t w = v | 1U;  // 0 has one digit, like 1
  const auto bits = static_cast<std::uint32_t>(64 - __builtin_clzll(w));
  const std::uint32_t estimate = bits * 1233 >> 12;  // floor(log10 w) or floor(log10 w) + 1
  return estimate - (w < powers[estimate] ? 1U : 0U) + 1;
}

// Whether `value` may have more than Decimal::max_digits digits: only then is
// counting them worth it (64 bits per limb hold at most 19.3 digits).
inline bool may_exceed_max_digits(const Decimal::Int& value) {
  return static_cast<std::size_t>(value.backend().size()) * 64 * 30103 / 100000 + 1 > Decimal::max_digits;
}

// value × 10^shift in `out`, false on overflow or a shift beyond 18.
inline bool small_scale(std::int64_t value, std::int64_t shift, std::int64_t& out) {
  if (shift < 0 || shift > small_pow10_max) return false;
  return !__builtin_mul_overflow(value, small_pow10[static_cast<std::size_t>(shift)], &out);
}

}  // namespace jx::detail
