// The `dec` type: jx::Decimal as a Lua userdata. Exact + − * / (a quotient that
// does not terminate stays an exact fraction), comparisons, rounding by named
// mode, and a loud error whenever a Lua float tries to mix in.
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <new>
#include <optional>
#include <string>

#include "sandbox/runtime.hpp"
#include "sandbox/stack_guard.hpp"
#include "sandbox/trampoline.hpp"

namespace jx::sandbox::detail {

namespace {

struct DecBox {
  Decimal value;
  Origin origin;
  std::size_t external = 0;  // heap bytes of `value` charged to the memory budget
  std::uint64_t size = 1;    // work_size(value), cached
};

// How much work arithmetic on a value costs, in 64-bit limbs: its digits, plus
// the digits an exponent adds when two operands are aligned (1e9999 + 1e-9999
// builds a 20000-digit number). One limb for everyday money.
std::uint64_t work_size(const Decimal& d) {
  auto limbs = [](const Decimal::Int& i) { return static_cast<std::uint64_t>(i.backend().size()); };
  if (d.is_fraction()) return limbs(d.numerator()) + limbs(d.denominator());
  return limbs(d.coefficient()) +
         static_cast<std::uint64_t>(d.exponent() < 0 ? -d.exponent() : d.exponent()) / 19;
}

// Decimal arithmetic runs in C++, unseen by the instruction hook, and one
// division of two 1000-digit numbers takes a third of a millisecond: charge it
// to the budget, in units of roughly one VM instruction's time (~10 ns), so a
// loop of huge decimals stops at the budget like any other loop.
enum class Work { linear, product, quotient };
void charge(lua_State* L, Work work, std::uint64_t a, std::uint64_t b = 1) {
  std::uint64_t units = 0;
  switch (work) {
    case Work::linear: units = 4 * (a + b); break;
    case Work::product: units = 4 * a * b; break;
    case Work::quotient: units = 16 * (a + b) * (a + b); break;
  }
  if (units > 256) charge_instructions(L, units);  // everyday amounts cost nothing extra
}

// Heap a Decimal holds outside Lua's allocator (big coefficients, fractions):
// charged to the memory budget so that a million huge decs cannot hide from it.
std::size_t external_bytes(const Decimal& d) {
  constexpr std::size_t inline_limbs = 2;  // cpp_int keeps small values in place
  auto limbs = [](const Decimal::Int& i) { return static_cast<std::size_t>(i.backend().size()); };
  if (d.is_fraction()) return 64 + 8 * (limbs(d.numerator()) + limbs(d.denominator()));
  const std::size_t n = limbs(d.coefficient());
  return n > inline_limbs ? 8 * n : 0;
}

DecBox* to_box(lua_State* L, int index) {
  const void* mt = metatable_of(L, index);
  if (mt == nullptr) return nullptr;
  const Metatables& mts = runtime(L).mt;
  if (mt != mts.dec && mt != mts.dec_inline) return nullptr;
  return static_cast<DecBox*>(lua_touserdata(L, index));
}

// Whether destroying `d` would free anything: a fraction, or a coefficient
// whose limbs live on the heap rather than inside the cpp_int itself.
bool owns_heap(const Decimal& d) {
  if (d.is_fraction()) return true;
  const Decimal::Int& c = d.coefficient();
  const auto limbs = reinterpret_cast<std::uintptr_t>(c.backend().limbs());
  const auto self = reinterpret_cast<std::uintptr_t>(&c);
  return limbs < self || limbs >= self + sizeof c;
}

std::uint64_t size_of(lua_State* L, int index) {
  const DecBox* box = to_box(L, index);
  return box != nullptr ? box->size : 1;
}

// The digits a rounding scale adds, in limbs.
std::uint64_t scale_size(lua_Integer scale) {
  return static_cast<std::uint64_t>(scale < 0 ? -scale : scale) / 19 + 1;
}

// A binary operand: a dec (borrowed) or an integer (converted).
class Operand {
 public:
  Operand(lua_State* L, int index, const char* context) {
    if (const DecBox* box = to_box(L, index)) {
      ptr_ = &box->value;
      size_ = box->size;
    } else if (lua_isinteger(L, index) != 0) {
      ptr_ = &own_.emplace(static_cast<std::int64_t>(lua_tointeger(L, index)));
    } else if (lua_type(L, index) == LUA_TNUMBER) {
      float_error(L, index, context);
    } else {
      raise_error(L, "attempt to use a %s value %s (a dec mixes with decs and integers only)",
                  type_name(L, index), context);
    }
  }
  Operand(const Operand&) = delete;  // ptr_ may point into own_
  Operand& operator=(const Operand&) = delete;
  [[nodiscard]] const Decimal& get() const { return *ptr_; }
  [[nodiscard]] std::uint64_t size() const { return size_; }

 private:
  const Decimal* ptr_ = nullptr;
  std::optional<Decimal> own_;  // only for an integer operand: most operands are decs
  std::uint64_t size_ = 1;
};

// Both operands of a binary metamethod, with their work charged. Any
// arithmetic on an unrounded fraction reduces one with a gcd: quotient work.
struct Operands {
  Operands(lua_State* L, const char* context, Work work) : a(L, 1, context), b(L, 2, context) {
    const bool fraction = a.get().is_fraction() || b.get().is_fraction();
    charge(L, fraction ? Work::quotient : work, a.size(), b.size());
  }
  Operand a;
  Operand b;
};

int dec_add(lua_State* L) {
  const Operands o(L, "in decimal arithmetic", Work::linear);
  push_dec(L, o.a.get() + o.b.get());
  return 1;
}
int dec_sub(lua_State* L) {
  const Operands o(L, "in decimal arithmetic", Work::linear);
  push_dec(L, o.a.get() - o.b.get());
  return 1;
}
int dec_mul(lua_State* L) {
  const Operands o(L, "in decimal arithmetic", Work::product);
  push_dec(L, o.a.get() * o.b.get());
  return 1;
}
int dec_div(lua_State* L) {
  const Operands o(L, "in decimal arithmetic", Work::quotient);
  push_dec(L, o.a.get() / o.b.get());
  return 1;
}
int dec_unm(lua_State* L) {
  const Operand a(L, 1, "in decimal arithmetic");
  push_dec(L, -a.get());
  return 1;
}

// Lua calls __eq only when both sides are userdata: a dec and a date are unequal.
int dec_eq(lua_State* L) {
  const DecBox* a = to_box(L, 1);
  const DecBox* b = to_box(L, 2);
  if (a != nullptr && b != nullptr) charge(L, Work::linear, a->size, b->size);
  lua_pushboolean(L, a != nullptr && b != nullptr && a->value == b->value);
  return 1;
}
int dec_lt(lua_State* L) {
  const Operands o(L, "in a comparison", Work::linear);
  lua_pushboolean(L, o.a.get() < o.b.get());
  return 1;
}
int dec_le(lua_State* L) {
  const Operands o(L, "in a comparison", Work::linear);
  lua_pushboolean(L, o.a.get() <= o.b.get());
  return 1;
}

int dec_tostring(lua_State* L) {
  charge(L, Work::quotient, size_of(L, 1));  // a fraction is divided out to 34 digits
  const std::string text = check_decimal(L, 1, "tostring").to_string();
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

// One side of `..`: text as Lua would show it; nil, booleans and tables are
// an error, as in Lua's own concatenation.
void push_text(lua_State* L, int index) {
  if (const DecBox* box = to_box(L, index)) {
    charge(L, Work::quotient, box->size);
    const std::string text = box->value.to_string();
    lua_pushlstring(L, text.data(), text.size());
  } else if (lua_type(L, index) == LUA_TSTRING || lua_type(L, index) == LUA_TNUMBER ||
             to_date(L, index) != nullptr) {
    luaL_tolstring(L, index, nullptr);
  } else {
    raise_error(L, "attempt to concatenate a %s value", type_name(L, index));
  }
}
int dec_concat(lua_State* L) {
  push_text(L, 1);
  push_text(L, 2);
  lua_concat(L, 2);
  return 1;
}

int dec_gc(lua_State* L) {
  auto* box = static_cast<DecBox*>(lua_touserdata(L, 1));
  runtime(L).external_bytes -= box->external;
  box->~DecBox();
  return 0;
}

// dec(x) through the library's __call: [library, x]
int dec_call(lua_State* L) {
  if (to_box(L, 2) != nullptr) {
    lua_settop(L, 2);  // decs are immutable: dec(d) is d
    return 1;
  }
  switch (lua_type(L, 2)) {
    case LUA_TSTRING: {
      std::size_t size = 0;
      const char* text = lua_tolstring(L, 2, &size);
      charge(L, Work::linear, size / 16);
      push_dec(L, Decimal::parse(std::string_view(text, size)));
      return 1;
    }
    case LUA_TNUMBER:
      if (lua_isinteger(L, 2) == 0) float_error(L, 2, "in dec()");
      push_dec(L, Decimal(static_cast<std::int64_t>(lua_tointeger(L, 2))));
      return 1;
    default: return raise_error(L, "dec() needs a string or an integer, got %s", type_name(L, 2));
  }
}

int dec_round(lua_State* L) {
  const Decimal d = check_decimal(L, 1, "round");
  const Runtime& rt = runtime(L);
  const int default_scale = rt.run != nullptr ? rt.run->input->scale : 2;
  const auto scale = lua_isnoneornil(L, 2) ? default_scale : check_integer(L, 2, "the scale of round");
  if (scale < -Decimal::max_exponent || scale > Decimal::max_exponent) {
    return raise_error(L, "round: scale %I is out of range", static_cast<lua_Integer>(scale));
  }
  charge(L, Work::quotient, size_of(L, 1), scale_size(scale));
  push_dec(L, d.round(static_cast<int>(scale), check_rounding(L, 3)));
  return 1;
}

int dec_div_method(lua_State* L) {
  const Decimal d = check_decimal(L, 1, "div");
  const Operand divisor(L, 2, "as the divisor of div");
  const auto scale = check_integer(L, 3, "the scale of div");
  if (scale < -Decimal::max_exponent || scale > Decimal::max_exponent) {
    return raise_error(L, "div: scale %I is out of range", static_cast<lua_Integer>(scale));
  }
  charge(L, Work::quotient, size_of(L, 1), divisor.size() + scale_size(scale));
  push_dec(L, d.div(divisor.get(), static_cast<int>(scale), check_rounding(L, 4)));
  return 1;
}

int dec_percent(lua_State* L) {
  const Decimal d = check_decimal(L, 1, "percent");
  const auto scale = lua_isnoneornil(L, 2) ? 2 : check_integer(L, 2, "the scale of percent");
  if (scale < 0 || scale > 100) return raise_error(L, "percent: scale %I is out of range 0..100", scale);
  const RoundingMode mode = lua_isnoneornil(L, 3) ? RoundingMode::half_up : check_rounding(L, 3);
  charge(L, Work::quotient, size_of(L, 1), scale_size(scale));
  const std::string text = d.percent(static_cast<int>(scale), mode);
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

int dec_abs(lua_State* L) {
  push_dec(L, check_decimal(L, 1, "abs").abs());
  return 1;
}
int dec_is_zero(lua_State* L) {
  lua_pushboolean(L, check_decimal(L, 1, "is_zero").is_zero());
  return 1;
}
int dec_is_integer(lua_State* L) {
  lua_pushboolean(L, check_decimal(L, 1, "is_integer").is_integer());
  return 1;
}
int dec_sign(lua_State* L) {
  lua_pushinteger(L, check_decimal(L, 1, "sign").sign());
  return 1;
}
int dec_to_int(lua_State* L) {
  lua_pushinteger(L, check_integer(L, 1, "to_int"));
  return 1;
}
int dec_eq_method(lua_State* L) {
  const Operands o(L, "in eq", Work::linear);
  lua_pushboolean(L, o.a.get() == o.b.get());
  return 1;
}
int dec_cmp(lua_State* L) {
  const Operands o(L, "in dec.cmp", Work::linear);
  const auto order = o.a.get() <=> o.b.get();
  lua_pushinteger(L, order < 0 ? -1 : (order > 0 ? 1 : 0));
  return 1;
}
int dec_is(lua_State* L) {
  lua_pushboolean(L, to_box(L, 1) != nullptr);
  return 1;
}

// dec.min(a, b, …) / dec.max(a, b, …): returns the winning argument as a dec.
template <bool Max>
int dec_extreme(lua_State* L) {
  const int n = lua_gettop(L);
  if (n == 0) return raise_error(L, "dec.%s needs at least one value", Max ? "max" : "min");
  int best = 1;
  for (int i = 2; i <= n; ++i) {
    charge(L, Work::linear, size_of(L, i), size_of(L, best));
    const bool better = Max ? Operand(L, i, "in dec.max").get() > Operand(L, best, "in dec.max").get()
                            : Operand(L, i, "in dec.min").get() < Operand(L, best, "in dec.min").get();
    if (better) best = i;
  }
  if (n == 1) (void)Operand(L, 1, Max ? "in dec.max" : "in dec.min");
  if (to_box(L, best) != nullptr) {
    lua_pushvalue(L, best);
  } else {
    push_dec(L, Decimal(static_cast<std::int64_t>(lua_tointeger(L, best))));
  }
  return 1;
}

const luaL_Reg metamethods[] = {
    {"__add", trampoline<dec_add>},
    {"__sub", trampoline<dec_sub>},
    {"__mul", trampoline<dec_mul>},
    {"__div", trampoline<dec_div>},
    {"__unm", trampoline<dec_unm>},
    {"__eq", trampoline<dec_eq>},
    {"__lt", trampoline<dec_lt>},
    {"__le", trampoline<dec_le>},
    {"__tostring", trampoline<dec_tostring>},
    {"__concat", trampoline<dec_concat>},
    {"__gc", trampoline<dec_gc>},
    {nullptr, nullptr},
};

const luaL_Reg methods[] = {
    {"round", trampoline<dec_round>},
    {"div", trampoline<dec_div_method>},
    {"percent", trampoline<dec_percent>},
    {"abs", trampoline<dec_abs>},
    {"is_zero", trampoline<dec_is_zero>},
    {"is_integer", trampoline<dec_is_integer>},
    {"sign", trampoline<dec_sign>},
    {"to_int", trampoline<dec_to_int>},
    {"eq", trampoline<dec_eq_method>},
    {"tostring", trampoline<dec_tostring>},
    {"cmp", trampoline<dec_cmp>},
    {"min", trampoline<dec_extreme<false>>},
    {"max", trampoline<dec_extreme<true>>},
    {"is", trampoline<dec_is>},
    {nullptr, nullptr},
};

}  // namespace

namespace {

template <typename D>
void push_new_dec(lua_State* L, D&& value, Origin origin) {
  JX_STACK_GUARD(L, 1);
  Runtime& rt = runtime(L);
  const std::size_t external = external_bytes(value);
  const std::uint64_t size = work_size(value);
  // Construct in place only once the block exists; the metatable (and with it
  // __gc) is attached after, and attaching it cannot fail.
  void* block = lua_newuserdatauv(L, sizeof(DecBox), 0);
  const auto* box = new (block) DecBox{std::forward<D>(value), origin, external, size};
  // A dec that owns no heap needs no finalizer, and a finalizer costs the
  // collector several times what the dec itself costs (most decs: money).
  lua_rawgeti(L, LUA_REGISTRYINDEX, owns_heap(box->value) ? rt.mt.dec_ref : rt.mt.dec_inline_ref);
  lua_setmetatable(L, -2);
  rt.external_bytes += external;
}

}  // namespace

void push_dec(lua_State* L, Decimal&& value, Origin origin) { push_new_dec(L, std::move(value), origin); }
void push_dec(lua_State* L, const Decimal& value, Origin origin) { push_new_dec(L, value, origin); }

const Decimal* to_dec(lua_State* L, int index, Origin* origin) {
  const DecBox* box = to_box(L, index);
  if (box == nullptr) return nullptr;
  if (origin != nullptr) *origin = box->origin;
  return &box->value;
}

[[noreturn]] void float_error(lua_State* L, int index, const char* context) {
  char text[64];
  std::snprintf(text, sizeof text, LUA_NUMBER_FMT, static_cast<double>(lua_tonumber(L, index)));
  raise_error(L, "cannot use the float %s %s: use dec('%s') instead of %s", text, context, text, text);
  std::terminate();
}

Decimal check_decimal(lua_State* L, int index, const char* what) {
  if (const DecBox* box = to_box(L, index)) return box->value;
  if (lua_isinteger(L, index) != 0) return Decimal(static_cast<std::int64_t>(lua_tointeger(L, index)));
  if (lua_type(L, index) == LUA_TNUMBER) float_error(L, index, (std::string("as ") + what).c_str());
  raise_error(L, "%s: expected a dec or an integer, got %s", what, type_name(L, index));
  std::terminate();
}

lua_Integer check_integer(lua_State* L, int index, const char* what) {
  if (lua_isinteger(L, index) != 0) return lua_tointeger(L, index);
  if (const DecBox* box = to_box(L, index)) {
    const Decimal& d = box->value;
    if (d.is_integer()) {
      const Decimal::Int i = d.round(0, RoundingMode::down).coefficient();
      if (i >= std::numeric_limits<std::int64_t>::min() && i <= std::numeric_limits<std::int64_t>::max()) {
        return static_cast<lua_Integer>(i.convert_to<std::int64_t>());
      }
    }
    const std::string text = d.to_string();
    raise_error(L, "%s must be an integer, got the dec %s", what, text.c_str());
  }
  if (lua_type(L, index) == LUA_TNUMBER) float_error(L, index, (std::string("as ") + what).c_str());
  raise_error(L, "%s must be an integer, got %s", what, type_name(L, index));
  std::terminate();
}

RoundingMode check_rounding(lua_State* L, int index) {
  if (lua_isnoneornil(L, index)) {
    const Runtime& rt = runtime(L);
    return rt.run != nullptr ? rt.run->input->rounding : RoundingMode::half_up;
  }
  if (lua_type(L, index) != LUA_TSTRING) {
    raise_error(L, "a rounding mode is a name such as \"half_up\", got %s", type_name(L, index));
  }
  std::size_t size = 0;
  const char* name = lua_tolstring(L, index, &size);
  return parse_rounding_mode(std::string_view(name, size));
}

void open_dec(lua_State* L, Runtime& rt) {
  JX_STACK_GUARD(L, 1);
  new_metatable(L, "dec", metamethods, methods, &rt.mt.dec, &rt.mt.dec_ref);  // [methods]
  // The same metatable without __gc, for decs whose Decimal owns no heap.
  lua_createtable(L, 0, 16);                         // [methods, inline mt]
  lua_rawgeti(L, LUA_REGISTRYINDEX, rt.mt.dec_ref);  // [methods, inline mt, mt]
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {  // [methods, inline mt, mt, key, value]
    lua_pushvalue(L, -2);
    lua_insert(L, -2);  // [methods, inline mt, mt, key, key, value]
    lua_rawset(L, -5);
  }
  lua_pop(L, 1);  // [methods, inline mt]
  lua_pushnil(L);
  lua_setfield(L, -2, "__gc");
  rt.mt.dec_inline = lua_topointer(L, -1);
  rt.mt.dec_inline_ref = luaL_ref(L, LUA_REGISTRYINDEX);  // [methods]
  make_read_only(L, "dec", trampoline<dec_call>);         // [dec library]
}

}  // namespace jx::sandbox::detail
