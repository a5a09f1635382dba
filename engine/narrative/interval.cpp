// Interval arithmetic on stated figures (XBRL Calculations 1.1 semantics, as
// Arelle implements it): exact decimals only, ends open or closed as the
// rounding rules make them.
#include "narrative/detail.hpp"

namespace jx::narrative {

bool stands_for(const Fact& fact, const Decimal& value) {
  const detail::Interval i = detail::interval_in_base_unit(fact);
  const bool above_lo = i.lo_open ? i.lo < value : i.lo <= value;
  const bool below_hi = i.hi_open ? value < i.hi : value <= i.hi;
  return above_lo && below_hi;
}

Decimal unit_factor(const std::string& unit) { return detail::base_factor(unit); }

}  // namespace jx::narrative

namespace jx::narrative::detail {

Decimal base_factor(const std::string& unit) {
  if (unit == "万元") return Decimal(10000);
  if (unit == "亿元") return Decimal(100000000);
  return Decimal(1);
}

Interval interval_of(const Fact& fact) {
  if (fact.exact) return {fact.value, fact.value, false, false};
  const Decimal unit(Decimal::Int(1), -fact.decimals);  // 10^-decimals
  const Decimal half = unit / Decimal(2);
  // half-up: [v − u/2, v + u/2); truncation: [v, v + u); together [v − u/2, v + u).
  return {fact.value - half, fact.value + unit, false, true};
}

Interval interval_in_base_unit(const Fact& fact) {
  Interval i = interval_of(fact);
  const Decimal f = base_factor(fact.unit);
  i.lo *= f;
  i.hi *= f;
  return i;
}

Interval operator+(const Interval& a, const Interval& b) {
  return {a.lo + b.lo, a.hi + b.hi, a.lo_open || b.lo_open, a.hi_open || b.hi_open};
}

Interval operator-(const Interval& a, const Interval& b) {
  return {a.lo - b.hi, a.hi - b.lo, a.lo_open || b.hi_open, a.hi_open || b.lo_open};
}

std::optional<Interval> percent_of(const Interval& part, const Interval& whole) {
  if (whole.lo.sign() <= 0) return std::nullopt;
  const Decimal hundred(100);
  // p / w rises with p; for a fixed p it falls with w when p ≥ 0 and rises when p < 0.
  const bool lo_positive = part.lo.sign() >= 0;
  const bool hi_positive = part.hi.sign() >= 0;
  return Interval{hundred * part.lo / (lo_positive ? whole.hi : whole.lo),
                  hundred * part.hi / (hi_positive ? whole.lo : whole.hi),
                  part.lo_open || (lo_positive ? whole.hi_open : whole.lo_open),
                  part.hi_open || (hi_positive ? whole.lo_open : whole.hi_open)};
}

bool meet(const Interval& a, const Interval& b) {
  // The intersection's lower end is the larger lo, its upper end the smaller hi.
  const auto lo_cmp = a.lo <=> b.lo;
  const Decimal& lo = lo_cmp > 0 ? a.lo : b.lo;
  const bool lo_open = lo_cmp > 0 ? a.lo_open : lo_cmp < 0 ? b.lo_open : (a.lo_open || b.lo_open);
  const auto hi_cmp = a.hi <=> b.hi;
  const Decimal& hi = hi_cmp < 0 ? a.hi : b.hi;
  const bool hi_open = hi_cmp < 0 ? a.hi_open : hi_cmp > 0 ? b.hi_open : (a.hi_open || b.hi_open);
  if (lo < hi) return true;
  return lo == hi && !lo_open && !hi_open;
}

namespace {
std::string show(const Decimal& d) {
  // A quotient that does not terminate is shown to 4 decimals, rounded outwards by the caller's bracket.
  return d.is_fraction() ? d.round(4, RoundingMode::half_even).to_string() + "…" : d.normalized().to_string();
}
}  // namespace

std::string to_string(const Interval& i) {
  return std::string(i.lo_open ? "(" : "[") + show(i.lo) + ", " + show(i.hi) + (i.hi_open ? ")" : "]");
}

}  // namespace jx::narrative::detail
