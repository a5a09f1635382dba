// Fuzzes jx::Decimal against a slow exact model (decimal_reference.hpp, on
// Boost's cpp_rational): parsing, + − × ÷, negation, abs, the three kinds of
// rounding in all eight modes, comparison, hashing, text, percent and
// Decimal::fitted. Every result is checked for its exact value and, for plain
// results, the exponent the definition of "fits" gives it (docs/decimal.md,
// Bounds); every DecimalError for its kind and for being warranted. Any
// mismatch traps.
//
// Input (text, so seeds can be written by hand): up to three operand lines,
// then a "program" whose bytes pick operations and their arguments:
//   1.5\n-2/3 is not a number\n1e-3\n<program bytes>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "values/decimal.hpp"
#include "decimal_reference.hpp"
#include "support.hpp"

namespace {

using jx::Decimal;
using jx::DecimalError;
using jx::RoundingMode;
namespace ref = jx::fuzz::ref;
using ref::BigInt;
using ref::Rational;

constexpr std::size_t max_digits = Decimal::max_digits;
constexpr std::int64_t max_exponent = Decimal::max_exponent;
constexpr std::size_t max_slots = 8;
constexpr std::size_t max_ops = 32;
constexpr std::size_t max_line = 1200;
constexpr std::size_t max_model_bits = 40'000;  // one + − × ÷ on values near 10^±6000

struct Slot {
  Decimal value;
  Rational exact;  // what the model says the value is
};

std::string show(const Decimal& d) {
  if (d.is_fraction()) return d.numerator().str() + "/" + d.denominator().str();
  return d.coefficient().str() + "E" + std::to_string(d.exponent());
}

std::string show(const Rational& q) { return q.str(); }

// Describes the operation under test; called only when something broke, since
// printing a 10000-digit operand is slower than the operation itself.
using Describe = std::function<std::string()>;

[[noreturn]] void mismatch(const std::string& what) { jx::fuzz::fail(what); }

Rational exact_of(const Decimal& d) {
  if (d.is_fraction()) return Rational(BigInt(d.numerator()), BigInt(d.denominator()));
  return ref::value_of(BigInt(d.coefficient()), d.exponent());
}

// The representation invariants every value must keep.
void check_shape(const Decimal& d, const Describe& op) {
  if (d.is_fraction()) {
    const BigInt n(d.numerator());
    const BigInt den(d.denominator());
    if (den <= 1) mismatch(op() + ": fraction with denominator " + den.str());
    if (boost::multiprecision::gcd(n, den) != 1)
      mismatch(op() + ": fraction not in lowest terms: " + show(d));
    if (!ref::non_terminating(Rational(n, den)))
      mismatch(op() + ": terminating value kept as a fraction: " + show(d));
    if (ref::digits(n) > max_digits || ref::digits(den) > max_digits)
      mismatch(op() + ": fraction beyond the digit bound");
    return;
  }
  if (ref::digits(BigInt(d.coefficient())) > max_digits)
    mismatch(op() + ": coefficient beyond the digit bound");
  if (d.exponent() > max_exponent || d.exponent() < -max_exponent)
    mismatch(op() + ": exponent beyond the bound");
}

void check_value(const Decimal& got, const Rational& expected, const Describe& op) {
  check_shape(got, op);
  if (exact_of(got) != expected) mismatch(op() + ": got " + show(got) + ", expected " + show(expected));
}

// Whether a fraction (a non-terminating value) is within the fraction bound.
bool fraction_fits(const Rational& q) {
  return ref::digits(boost::multiprecision::numerator(q)) <= max_digits &&
         ref::digits(boost::multiprecision::denominator(q)) <= max_digits;
}

// Checks a plain result against where the definition of "fits" puts it.
void check_placed(const Decimal& got, const ref::Placed& placed, const Describe& op) {
  if (got.is_fraction() || BigInt(got.coefficient()) != placed.coefficient ||
      got.exponent() != placed.exponent) {
    mismatch(op() + ": got " + show(got) + ", expected " + placed.coefficient.str() + "E" +
             std::to_string(placed.exponent));
  }
}

std::int64_t exponent_or_zero(const Decimal& d) { return d.is_fraction() ? 0 : d.exponent(); }

// Reads the program bytes; past the end, zeros.
class Program {
 public:
  explicit Program(std::string_view bytes) : bytes_(bytes) {}
  [[nodiscard]] bool done() const { return at_ >= bytes_.size(); }
  std::uint8_t next() { return at_ < bytes_.size() ? static_cast<std::uint8_t>(bytes_[at_++]) : 0; }
  RoundingMode mode() { return static_cast<RoundingMode>(next() % 8); }
  // Mostly small scales, sometimes just past the exponent bound.
  int scale() {
    const auto b = static_cast<std::int8_t>(next());
    if (b == -128) return -static_cast<int>(max_exponent) - 1;
    if (b == 127) return static_cast<int>(max_exponent) + 1;
    return b;
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

void expect_kind(const DecimalError& e, DecimalError::Kind kind, const Describe& op) {
  if (e.kind() != kind) mismatch(op() + ": DecimalError of another kind: " + e.what());
  if (std::strlen(e.what()) == 0) mismatch(op() + ": empty error message");
}

// Parses an operand and checks it against the model grammar and value.
void parse_operand(std::string_view text, std::vector<Slot>& slots) {
  const std::optional<ref::Text> model = ref::parse(text);
  // The written exponent is the ideal one.
  std::optional<ref::Placed> placed;
  if (model) placed = ref::fit(model->coefficient, model->exponent, model->exponent);
  const Describe op = [&] { return "parse \"" + std::string(text.substr(0, 60)) + "\""; };
  try {
    const Decimal d = Decimal::parse(text);
    if (!model) mismatch(op() + ": accepted text the grammar rejects");
    if (!placed) mismatch(op() + ": accepted a number beyond the bounds");
    check_shape(d, op);
    check_placed(d, *placed, op);
    // Round trip through the canonical text keeps the value and the scale.
    const std::string s = d.to_string();
    if (s != ref::format(placed->coefficient, placed->exponent)) mismatch(op() + ": to_string gave " + s);
    // Reading it back gives the value, with the scale the text shows (plain
    // text of 1e9999 has 10000 digits: more than parse takes, by design).
    if (ref::digits(placed->coefficient) + static_cast<std::size_t>(std::max(d.exponent(), 0)) <=
        max_digits) {
      const Decimal back = Decimal::parse(s);
      if (back != d || back.exponent() != std::min(d.exponent(), 0)) {
        mismatch(op() + ": \"" + s + "\" reads back as " + show(back));
      }
    }
    slots.push_back(Slot{d, exact_of(d)});
  } catch (const DecimalError& e) {
    if (e.kind() == DecimalError::Kind::syntax) {
      if (model) mismatch(op() + ": rejected text the grammar accepts: " + e.what());
      if (Decimal::try_parse(text)) mismatch(op() + ": try_parse accepted what parse rejected");
      return;
    }
    expect_kind(e, DecimalError::Kind::out_of_range, op);
    if (!model) mismatch(op() + ": out_of_range for text the grammar rejects");
    if (placed) mismatch(op() + ": out_of_range for a number that fits: " + e.what());
  }
}

// + − × ÷ with the model's value, exponent and error.
void arithmetic(int kind, const Slot& a, const Slot& b, std::vector<Slot>& out) {
  static const char* const names[] = {"add", "sub", "mul", "div"};
  const Describe op = [&] {
    return std::string(names[kind]) + "(" + show(a.value) + ", " + show(b.value) + ")";
  };
  if (kind == 3 && b.exact == 0) {
    try {
      (void)(a.value / b.value);
      mismatch(op() + ": no error for division by zero");
    } catch (const DecimalError& e) {
      expect_kind(e, DecimalError::Kind::division_by_zero, op);
    }
    return;
  }
  Rational expected;
  switch (kind) {
    case 0: expected = a.exact + b.exact; break;
    case 1: expected = a.exact - b.exact; break;
    case 2: expected = a.exact * b.exact; break;
    default: expected = a.exact / b.exact; break;
  }
  // The ideal exponent (a fraction counts as 0): the specification's exponent
  // for + − × of plain decimals, the ideal one for a quotient.
  const std::int64_t ea = exponent_or_zero(a.value);
  const std::int64_t eb = exponent_or_zero(b.value);
  const std::int64_t ideal = kind == 3 ? ea - eb : kind == 2 ? ea + eb : std::min(ea, eb);
  const bool fraction = ref::non_terminating(expected);
  std::optional<ref::Placed> placed;
  if (!fraction) placed = ref::fit(expected, ideal);
  const bool fits = fraction ? fraction_fits(expected) : placed.has_value();
  try {
    Decimal got;
    switch (kind) {
      case 0: got = a.value + b.value; break;
      case 1: got = a.value - b.value; break;
      case 2: got = a.value * b.value; break;
      default: got = a.value / b.value; break;
    }
    if (!fits) mismatch(op() + ": no out_of_range for " + show(expected));
    check_value(got, expected, op);
    if (!fraction) check_placed(got, *placed, op);
    out.push_back(Slot{got, expected});
  } catch (const DecimalError& e) {
    expect_kind(e, DecimalError::Kind::out_of_range, op);
    if (fits) mismatch(op() + ": out_of_range for a value that fits: " + e.what());
  }
}

// round(scale, mode): exactly `scale` decimals.
void round_scale(const Slot& a, int scale, RoundingMode mode, std::vector<Slot>& out) {
  const Describe op = [&] {
    return "round(" + show(a.value) + ", " + std::to_string(scale) + ", " +
           std::string(jx::rounding_mode_name(mode)) + ")";
  };
  const bool bad_scale = scale > max_exponent || scale < -max_exponent;
  std::optional<ref::Placed> placed;  // −scale is the ideal exponent
  if (!bad_scale)
    placed = ref::fit(ref::round(a.exact / ref::value_of(BigInt(1), -scale), mode), -scale, -scale);
  try {
    const Decimal got = a.value.round(scale, mode);
    if (!placed) mismatch(op() + ": no out_of_range");
    check_shape(got, op);
    check_placed(got, *placed, op);
    out.push_back(Slot{got, ref::value_of(placed->coefficient, placed->exponent)});
  } catch (const DecimalError& e) {
    expect_kind(e, DecimalError::Kind::out_of_range, op);
    if (placed) mismatch(op() + ": out_of_range: " + e.what());
  }
}

// round_significant(digits, mode): the specification's precision.
void round_digits(const Slot& a, int digits, RoundingMode mode, std::vector<Slot>& out) {
  const Describe op = [&] {
    return "round_significant(" + show(a.value) + ", " + std::to_string(digits) + ", " +
           std::string(jx::rounding_mode_name(mode)) + ")";
  };
  if (digits < 1) {
    try {
      (void)a.value.round_significant(digits, mode);
      mismatch(op() + ": no bad_argument");
    } catch (const DecimalError& e) {
      expect_kind(e, DecimalError::Kind::bad_argument, op);
    }
    return;
  }
  // The model's answer: unchanged when it already has few enough digits.
  bool unchanged = a.exact == 0;
  if (!a.value.is_fraction() &&
      ref::digits(BigInt(a.value.coefficient())) <= static_cast<std::size_t>(digits)) {
    unchanged = true;
  }
  std::optional<ref::Placed> placed;  // the last kept digit's exponent is the ideal one
  if (!unchanged) {
    std::int64_t target = ref::adjusted_exponent(a.exact) - digits + 1;
    BigInt c = ref::round(a.exact / ref::value_of(BigInt(1), target), mode);
    if (ref::digits(c) > static_cast<std::size_t>(digits)) {  // a carry: 9.99 → 10.0
      c /= 10;
      ++target;
    }
    placed = ref::fit(c, target, target);
  }
  try {
    const Decimal got = a.value.round_significant(digits, mode);
    if (!unchanged && !placed) mismatch(op() + ": no out_of_range");
    check_shape(got, op);
    if (unchanged) {
      if (a.value.is_fraction()) {  // a zero fraction cannot exist; a zero plain stays as it is
        mismatch(op() + ": fraction treated as unchanged");
      }
      if (got.is_fraction() || got.coefficient() != a.value.coefficient() ||
          got.exponent() != a.value.exponent()) {
        mismatch(op() + ": changed a value that had few enough digits: " + show(got));
      }
    } else {
      check_placed(got, *placed, op);
    }
    out.push_back(Slot{got, exact_of(got)});
  } catch (const DecimalError& e) {
    expect_kind(e, DecimalError::Kind::out_of_range, op);
    if (unchanged || placed) mismatch(op() + ": out_of_range: " + e.what());
  }
}

// x.div(y, scale, mode): the exact quotient rounded once.
void divide_rounded(const Slot& a, const Slot& b, int scale, RoundingMode mode, std::vector<Slot>& out) {
  const Describe op = [&] {
    return "div(" + show(a.value) + ", " + show(b.value) + ", " + std::to_string(scale) + ", " +
           std::string(jx::rounding_mode_name(mode)) + ")";
  };
  const bool bad_scale = scale > max_exponent || scale < -max_exponent;
  std::optional<ref::Placed> placed;  // −scale is the ideal exponent
  if (b.exact != 0 && !bad_scale) {
    placed = ref::fit(ref::round(a.exact / b.exact / ref::value_of(BigInt(1), -scale), mode), -scale, -scale);
  }
  try {
    const Decimal got = a.value.div(b.value, scale, mode);
    if (b.exact == 0) mismatch(op() + ": no error for division by zero");
    if (!placed) mismatch(op() + ": no out_of_range");
    check_shape(got, op);
    check_placed(got, *placed, op);
    out.push_back(Slot{got, ref::value_of(placed->coefficient, placed->exponent)});
  } catch (const DecimalError& e) {
    if (b.exact == 0) {
      expect_kind(e, DecimalError::Kind::division_by_zero, op);
      return;
    }
    expect_kind(e, DecimalError::Kind::out_of_range, op);
    if (placed) mismatch(op() + ": out_of_range: " + e.what());
  }
}

void compare(const Slot& a, const Slot& b) {
  const Describe op = [&] { return "compare(" + show(a.value) + ", " + show(b.value) + ")"; };
  const auto got = a.value <=> b.value;
  const auto expected = a.exact < b.exact   ? std::strong_ordering::less
                        : a.exact > b.exact ? std::strong_ordering::greater
                                            : std::strong_ordering::equal;
  if (got != expected) mismatch(op() + ": wrong order");
  if ((a.value == b.value) != (a.exact == b.exact)) mismatch(op() + ": wrong ==");
  if (a.exact == b.exact && a.value.hash() != b.value.hash())
    mismatch(op() + ": equal values hash differently");
  const int sign = a.exact < 0 ? -1 : a.exact > 0 ? 1 : 0;
  if (a.value.sign() != sign || a.value.is_zero() != (sign == 0)) mismatch(op() + ": wrong sign");
  if (a.value.is_integer() != (boost::multiprecision::denominator(a.exact) == 1))
    mismatch(op() + ": wrong is_integer");
}

void text(const Slot& a) {
  const Describe op = [&] { return "to_string(" + show(a.value) + ")"; };
  const std::string s = a.value.to_string();
  if (a.value.is_fraction()) {
    const std::string ellipsis = "…";
    if (s.size() <= ellipsis.size() ||
        s.compare(s.size() - ellipsis.size(), ellipsis.size(), ellipsis) != 0) {
      mismatch(op() + ": a fraction without an ellipsis: " + s);
    }
    // 34 significant digits, truncated.
    const std::int64_t target = ref::adjusted_exponent(a.exact) - Decimal::fraction_display_digits + 1;
    const BigInt c = ref::round(a.exact / ref::value_of(BigInt(1), target), RoundingMode::down);
    if (s.substr(0, s.size() - ellipsis.size()) != ref::format(c, target)) mismatch(op() + ": gave " + s);
    return;
  }
  if (s != ref::format(BigInt(a.value.coefficient()), a.value.exponent())) mismatch(op() + ": gave " + s);
  const std::optional<ref::Text> back = ref::parse(s);
  if (!back || ref::value_of(back->coefficient, back->exponent) != a.exact)
    mismatch(op() + ": does not read back");
}

void normalize(const Slot& a, std::vector<Slot>& out) {
  const Describe op = [&] { return "normalized(" + show(a.value) + ")"; };
  const Decimal n = a.value.normalized();
  check_value(n, a.exact, op);
  if (!n.is_fraction()) {
    // Every trailing zero dropped, as far as the exponent bound allows.
    if (a.exact == 0 ? n.exponent() != 0 : false) mismatch(op() + ": gave " + show(n));
    if (a.exact != 0) check_placed(n, *ref::fit(a.exact, max_exponent), op);
  }
  if (a.value.numerator() != Decimal::Int(boost::multiprecision::numerator(a.exact)) ||
      a.value.denominator() != Decimal::Int(boost::multiprecision::denominator(a.exact))) {
    mismatch(op() + ": numerator/denominator not the value's lowest terms");
  }
  out.push_back(Slot{n, a.exact});
}

void percent(const Slot& a, int scale, RoundingMode mode) {
  const Describe op = [&] { return "percent(" + show(a.value) + ", " + std::to_string(scale) + ")"; };
  // value × 100 (ideal exponent: the value's, 0 for a fraction), then round(scale).
  const Rational hundredfold = a.exact * 100;
  const bool product_fits = ref::non_terminating(hundredfold)
                                ? fraction_fits(hundredfold)
                                : ref::fit(hundredfold, exponent_or_zero(a.value)).has_value();
  const std::optional<ref::Placed> placed =
      ref::fit(ref::round(hundredfold / ref::value_of(BigInt(1), -scale), mode), -scale, -scale);
  const bool fits = product_fits && placed.has_value();
  try {
    const std::string got = a.value.percent(scale, mode);
    if (!fits) mismatch(op() + ": no out_of_range");
    if (got != ref::format(placed->coefficient, placed->exponent) + "%") mismatch(op() + ": gave " + got);
  } catch (const DecimalError& e) {
    expect_kind(e, DecimalError::Kind::out_of_range, op);
    if (fits) mismatch(op() + ": " + e.what());
  }
}

// Decimal::fitted on a plain value's coefficient with a shifted exponent and
// an ideal exponent anywhere in ±8192, against the definition.
void fitted(const Slot& a, Program& p, std::vector<Slot>& out) {
  if (a.value.is_fraction()) return;
  const std::int64_t exponent = std::int64_t{a.value.exponent()} + p.scale();
  const std::int64_t ideal =
      std::int64_t{a.value.exponent()} + std::int64_t{static_cast<std::int8_t>(p.next())} * 64;
  const Describe op = [&] {
    return "fitted(" + show(a.value) + ", " + std::to_string(exponent) + ", " + std::to_string(ideal) + ")";
  };
  const BigInt c(a.value.coefficient());
  const std::optional<ref::Placed> placed = ref::fit(c, exponent, ideal);
  try {
    const Decimal got = Decimal::fitted(a.value.coefficient(), exponent, ideal);
    if (!placed) mismatch(op() + ": no out_of_range");
    check_shape(got, op);
    check_placed(got, *placed, op);
    out.push_back(Slot{got, ref::value_of(placed->coefficient, placed->exponent)});
  } catch (const DecimalError& e) {
    expect_kind(e, DecimalError::Kind::out_of_range, op);
    if (placed) mismatch(op() + ": " + e.what());
  }
}

void from_integer(Program& p, std::vector<Slot>& out) {
  std::uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) bits = (bits << 8) | p.next();
  std::int64_t v = 0;
  std::memcpy(&v, &bits, sizeof v);
  const Decimal d(v);
  if (d.is_fraction() || d.exponent() != 0 || d.to_string() != std::to_string(v)) {
    mismatch("Decimal(" + std::to_string(v) + ") gave " + show(d));
  }
  out.push_back(Slot{d, Rational(v)});
}

std::size_t model_bits(const Slot& s) {
  const BigInt n = boost::multiprecision::abs(boost::multiprecision::numerator(s.exact));
  const BigInt d = boost::multiprecision::denominator(s.exact);
  return (n == 0 ? 1 : boost::multiprecision::msb(n) + 1) + boost::multiprecision::msb(d) + 1;
}

void keep(std::vector<Slot>& slots, std::vector<Slot>& fresh) {
  for (Slot& s : fresh) {
    if (slots.size() == max_slots) slots.erase(slots.begin());
    slots.push_back(std::move(s));
  }
  fresh.clear();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(bytes), size);
  std::vector<Slot> slots;
  for (int line = 0; line < 3 && !input.empty(); ++line) {
    const std::size_t nl = input.find('\n');
    const std::string_view operand = input.substr(0, nl);
    input = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);
    if (operand.size() <= max_line) parse_operand(operand, slots);
  }
  if (slots.empty()) return 0;

  Program p(input);
  std::vector<Slot> fresh;
  // The model's cpp_rational arithmetic on values near the bounds (10^±10000)
  // takes most of a second per operation under the sanitizers: a budget of
  // operand bits per input keeps every input well under libFuzzer's timeout
  // while small values still run the whole program.
  std::size_t budget = max_model_bits;
  for (std::size_t step = 0; step < max_ops && !p.done(); ++step) {
    const std::uint8_t code = p.next();
    const Slot a = slots[p.next() % slots.size()];
    const Slot b = slots[p.next() % slots.size()];
    const unsigned kind = code % 16;
    const bool binary = kind <= 3 || kind == 8 || kind == 9 || kind == 14;
    const std::size_t cost = model_bits(a) + (binary ? model_bits(b) : 0);
    if (cost > budget) break;
    budget -= cost;
    switch (kind) {
      case 0:
      case 1:
      case 2:
      case 3: arithmetic(static_cast<int>(kind), a, b, fresh); break;
      case 4:
        check_value(-a.value, -a.exact, [&] { return "neg(" + show(a.value) + ")"; });
        fresh.push_back(Slot{-a.value, -a.exact});
        break;
      case 5:
        check_value(a.value.abs(), boost::multiprecision::abs(a.exact),
                    [&] { return "abs(" + show(a.value) + ")"; });
        break;
      case 6: {
        const int scale = p.scale();
        round_scale(a, scale, p.mode(), fresh);
        break;
      }
      case 7: {
        const int digits = static_cast<int>(p.next() % 48);
        round_digits(a, digits, p.mode(), fresh);
        break;
      }
      case 8: {
        const int scale = p.scale();
        divide_rounded(a, b, scale, p.mode(), fresh);
        break;
      }
      case 9: compare(a, b); break;
      case 10: text(a); break;
      case 11: normalize(a, fresh); break;
      case 12: {
        const int scale = static_cast<int>(p.next() % 12);
        percent(a, scale, p.mode());
        break;
      }
      case 13: from_integer(p, fresh); break;
      case 14: compare(b, a); break;
      default: fitted(a, p, fresh); break;
    }
    keep(slots, fresh);
  }
  return 0;
}
