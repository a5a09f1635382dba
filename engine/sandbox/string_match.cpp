// string.find, string.match, string.gmatch and string.gsub for rules, written
// to the Lua 5.4 manual (§6.4.1, "Patterns") with one difference: every step of
// the backtracking matcher, and every byte a plain find compares, is charged to
// the rule's instruction budget. Lua's own matcher runs in C, unseen by the
// count hook, and a pattern such as ("a*"):rep(30) .. "b" or a long plain
// needle can keep it busy for hours; here it stops at the budget like any loop.
#include <cstring>
#include <string_view>

#include "sandbox/runtime.hpp"
#include "sandbox/trampoline.hpp"

namespace jx::sandbox::detail {

namespace {

constexpr char escape = '%';
constexpr const char* specials = "^$*+?.([%-";
constexpr int max_captures = 32;  // LUA_MAXCAPTURES of the Lua build
constexpr int max_depth = 200;    // nested match() calls, as Lua's MAXCCALLS
constexpr std::uint64_t charge_every = 1024;
constexpr std::ptrdiff_t cap_unfinished = -1;
constexpr std::ptrdiff_t cap_position = -2;

struct MatchState {
  const char* src_init;
  const char* src_end;
  const char* p_end;
  lua_State* L;
  int depth;  // remaining nesting
  int level;  // captures so far
  std::uint64_t steps;
  struct {
    const char* init;
    std::ptrdiff_t len;
  } capture[max_captures];
};

void step(MatchState& ms, std::uint64_t n = 1) {
  ms.steps += n;
  if (ms.steps >= charge_every) {
    const std::uint64_t steps = ms.steps;
    ms.steps = 0;
    charge_instructions(ms.L, steps);
  }
}

unsigned char uchar(char c) { return static_cast<unsigned char>(c); }

// The character classes of the C locale, spelled out so that no locale can change them.
bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(int c) { return is_lower(c) || is_upper(c); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_cntrl(int c) { return c < 32 || c == 127; }
bool is_graph(int c) { return c > 32 && c < 127; }
bool is_punct(int c) { return is_graph(c) && !is_alpha(c) && !is_digit(c); }
bool is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int to_lower(int c) { return is_upper(c) ? c - 'A' + 'a' : c; }

bool match_class(int c, int cl) {
  bool result = false;
  switch (to_lower(cl)) {
    case 'a': result = is_alpha(c); break;
    case 'c': result = is_cntrl(c); break;
    case 'd': result = is_digit(c); break;
    case 'g': result = is_graph(c); break;
    case 'l': result = is_lower(c); break;
    case 'p': result = is_punct(c); break;
    case 's': result = is_space(c); break;
    case 'u': result = is_upper(c); break;
    case 'w': result = is_alpha(c) || is_digit(c); break;
    case 'x': result = is_xdigit(c); break;
    default: return cl == c;
  }
  return is_upper(cl) ? !result : result;
}

// The end of the single-character class starting at p.
const char* class_end(MatchState& ms, const char* p) {
  switch (*p++) {
    case escape:
      if (p == ms.p_end) raise_error(ms.L, "malformed pattern (ends with '%%')");
      return p + 1;
    case '[':
      if (*p == '^') ++p;
      do {  // the first character after '[' (or '[^') is never the closing ']'
        if (p == ms.p_end) raise_error(ms.L, "malformed pattern (missing ']')");
        if (*(p++) == escape && p < ms.p_end) ++p;
      } while (*p != ']');
      return p + 1;
    default: return p;
  }
}

// p points at '[', ec at the closing ']'.
bool match_bracket_class(int c, const char* p, const char* ec) {
  bool match = true;
  if (*(p + 1) == '^') {
    match = false;
    ++p;
  }
  while (++p < ec) {
    if (*p == escape) {
      ++p;
      if (match_class(c, uchar(*p))) return match;
    } else if (*(p + 1) == '-' && p + 2 < ec) {
      p += 2;
      if (uchar(*(p - 2)) <= c && c <= uchar(*p)) return match;
    } else if (uchar(*p) == c) {
      return match;
    }
  }
  return !match;
}

bool single_match(MatchState& ms, const char* s, const char* p, const char* ep) {
  if (s >= ms.src_end) return false;
  const int c = uchar(*s);
  switch (*p) {
    case '.': return true;
    case escape: return match_class(c, uchar(*(p + 1)));
    case '[': return match_bracket_class(c, p, ep - 1);
    default: return uchar(*p) == c;
  }
}

const char* match(MatchState& ms, const char* s, const char* p);

const char* match_balance(MatchState& ms, const char* s, const char* p) {
  if (p >= ms.p_end - 1) raise_error(ms.L, "malformed pattern (missing arguments to '%%b')");
  if (s >= ms.src_end || *s != *p) return nullptr;
  const char b = *p;
  const char e = *(p + 1);
  int open = 1;
  while (++s < ms.src_end) {
    step(ms);
    if (*s == e) {
      if (--open == 0) return s + 1;
    } else if (*s == b) {
      ++open;
    }
  }
  return nullptr;
}

const char* max_expand(MatchState& ms, const char* s, const char* p, const char* ep) {
  std::ptrdiff_t i = 0;
  while (single_match(ms, s + i, p, ep)) {
    step(ms);
    ++i;
  }
  while (i >= 0) {  // try the longest repetition first
    if (const char* result = match(ms, s + i, ep + 1)) return result;
    --i;
  }
  return nullptr;
}

const char* min_expand(MatchState& ms, const char* s, const char* p, const char* ep) {
  for (;;) {
    if (const char* result = match(ms, s, ep + 1)) return result;
    if (!single_match(ms, s, p, ep)) return nullptr;
    ++s;  // one more repetition
  }
}

const char* start_capture(MatchState& ms, const char* s, const char* p, std::ptrdiff_t what) {
  if (ms.level >= max_captures) raise_error(ms.L, "too many captures");
  ms.capture[ms.level].init = s;
  ms.capture[ms.level].len = what;
  ++ms.level;
  const char* result = match(ms, s, p);
  if (result == nullptr) --ms.level;  // undo
  return result;
}

int capture_to_close(MatchState& ms) {
  int level = ms.level;
  for (--level; level >= 0; --level) {
    if (ms.capture[level].len == cap_unfinished) return level;
  }
  return raise_error(ms.L, "invalid pattern capture");
}

const char* end_capture(MatchState& ms, const char* s, const char* p) {
  const int l = capture_to_close(ms);
  ms.capture[l].len = s - ms.capture[l].init;
  const char* result = match(ms, s, p);
  if (result == nullptr) ms.capture[l].len = cap_unfinished;  // undo
  return result;
}

int check_capture(MatchState& ms, int l) {
  l -= '1';
  if (l < 0 || l >= ms.level || ms.capture[l].len == cap_unfinished) {
    return raise_error(ms.L, "invalid capture index %%%d", l + 1);
  }
  return l;
}

const char* match_capture(MatchState& ms, const char* s, int l) {
  l = check_capture(ms, l);
  const auto len = static_cast<std::size_t>(ms.capture[l].len);
  step(ms, len / 8);
  if (static_cast<std::size_t>(ms.src_end - s) >= len && std::memcmp(ms.capture[l].init, s, len) == 0) {
    return s + len;
  }
  return nullptr;
}

const char* match(MatchState& ms, const char* s, const char* p) {
  if (ms.depth-- == 0) raise_error(ms.L, "pattern too complex");
  for (;;) {
    step(ms);
    if (p == ms.p_end) break;  // the whole pattern matched
    bool simple = false;       // a single character class, with or without a quantifier
    switch (*p) {
      case '(':
        s = *(p + 1) == ')' ? start_capture(ms, s, p + 2, cap_position)
                            : start_capture(ms, s, p + 1, cap_unfinished);
        break;
      case ')': s = end_capture(ms, s, p + 1); break;
      case '$':
        if (p + 1 != ms.p_end) {
          simple = true;  // '$' not at the end is an ordinary character
          break;
        }
        s = s == ms.src_end ? s : nullptr;
        break;
      case escape:
        switch (*(p + 1)) {
          case 'b':
            s = match_balance(ms, s, p + 2);
            if (s != nullptr) {
              p += 4;
              continue;
            }
            break;
          case 'f': {
            p += 2;
            if (*p != '[') raise_error(ms.L, "missing '[' after '%%f' in pattern");
            const char* ep = class_end(ms, p);
            const int previous = s == ms.src_init ? '\0' : uchar(*(s - 1));
            const int current = s < ms.src_end ? uchar(*s) : '\0';
            if (!match_bracket_class(previous, p, ep - 1) && match_bracket_class(current, p, ep - 1)) {
              p = ep;
              continue;
            }
            s = nullptr;
            break;
          }
          case '0':
          case '1':
          case '2':
          case '3':
          case '4':
          case '5':
          case '6':
          case '7':
          case '8':
          case '9':
            s = match_capture(ms, s, uchar(*(p + 1)));
            if (s != nullptr) {
              p += 2;
              continue;
            }
            break;
          default: simple = true; break;
        }
        break;
      default: simple = true; break;
    }
    if (!simple) break;
    const char* ep = class_end(ms, p);
    if (!single_match(ms, s, p, ep)) {
      if (*ep == '*' || *ep == '?' || *ep == '-') {  // these accept no match
        p = ep + 1;
        continue;
      }
      s = nullptr;
      break;
    }
    switch (*ep) {
      case '?': {
        const char* result = match(ms, s + 1, ep + 1);
        if (result != nullptr) {
          s = result;
          break;
        }
        p = ep + 1;
        continue;
      }
      case '+': s = max_expand(ms, s + 1, p, ep); break;
      case '*': s = max_expand(ms, s, p, ep); break;
      case '-': s = min_expand(ms, s, p, ep); break;
      default:
        ++s;
        p = ep;
        continue;
    }
    break;
  }
  ++ms.depth;
  return s;
}

void prepare(MatchState& ms, lua_State* L, const char* s, std::size_t ls, const char* p, std::size_t lp) {
  ms.L = L;
  ms.src_init = s;
  ms.src_end = s + ls;
  ms.p_end = p + lp;
  ms.steps = 0;
}

void restart(MatchState& ms) {
  ms.level = 0;
  ms.depth = max_depth;
}

// The text or position of capture i; i == 0 with no captures is the whole match.
void push_capture(MatchState& ms, int i, const char* s, const char* e) {
  if (i >= ms.level) {
    if (i != 0) raise_error(ms.L, "invalid capture index %%%d", i + 1);
    lua_pushlstring(ms.L, s, static_cast<std::size_t>(e - s));
    return;
  }
  const std::ptrdiff_t len = ms.capture[i].len;
  if (len == cap_unfinished) raise_error(ms.L, "unfinished capture");
  if (len == cap_position) {
    lua_pushinteger(ms.L, ms.capture[i].init - ms.src_init + 1);
  } else {
    lua_pushlstring(ms.L, ms.capture[i].init, static_cast<std::size_t>(len));
  }
}

int push_captures(MatchState& ms, const char* s, const char* e) {
  const int n = ms.level == 0 && s != nullptr ? 1 : ms.level;
  luaL_checkstack(ms.L, n, "too many captures");
  for (int i = 0; i < n; ++i) push_capture(ms, i, s, e);
  return n;
}

// A start position: 1-based, negative from the end, clipped to 1.
std::size_t start_position(lua_Integer pos, std::size_t len) {
  if (pos > 0) return static_cast<std::size_t>(pos);
  if (pos == 0) return 1;
  if (pos < -static_cast<lua_Integer>(len)) return 1;
  return len + static_cast<std::size_t>(pos) + 1;
}

bool no_specials(const char* p, std::size_t l) {
  std::size_t upto = 0;
  do {  // the pattern may contain embedded zeros
    if (std::strpbrk(p + upto, specials) != nullptr) return false;
    upto += std::strlen(p + upto) + 1;
  } while (upto <= l);
  return true;
}

// Plain search in linear time (Knuth–Morris–Pratt), charged to the budget;
// the failure table is Lua memory, so it counts against the memory budget too.
const char* find_plain(MatchState& ms, const char* s, std::size_t ls, const char* p, std::size_t lp) {
  if (lp == 0) return s;
  if (lp > ls) return nullptr;
  if (lp == 1) {
    step(ms, ls / 16);
    return static_cast<const char*>(std::memchr(s, *p, ls));
  }
  auto* fail = static_cast<std::size_t*>(lua_newuserdatauv(ms.L, lp * sizeof(std::size_t), 0));
  fail[0] = 0;
  for (std::size_t i = 1, k = 0; i < lp; ++i) {
    while (k > 0 && p[i] != p[k]) {
      k = fail[k - 1];
      step(ms);
    }
    if (p[i] == p[k]) ++k;
    fail[i] = k;
    step(ms);
  }
  const char* found = nullptr;
  for (std::size_t i = 0, k = 0; i < ls; ++i) {
    while (k > 0 && s[i] != p[k]) {
      k = fail[k - 1];
      step(ms);
    }
    if (s[i] == p[k]) ++k;
    step(ms);
    if (k == lp) {
      found = s + i + 1 - lp;
      break;
    }
  }
  lua_pop(ms.L, 1);
  return found;
}

int find_aux(lua_State* L, bool find) {
  std::size_t ls = 0;
  std::size_t lp = 0;
  const char* s = luaL_checklstring(L, 1, &ls);
  const char* p = luaL_checklstring(L, 2, &lp);
  const std::size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
  if (init > ls) {
    luaL_pushfail(L);
    return 1;
  }
  MatchState ms;
  prepare(ms, L, s, ls, p, lp);
  if (find && (lua_toboolean(L, 4) != 0 || no_specials(p, lp))) {
    if (const char* found = find_plain(ms, s + init, ls - init, p, lp)) {
      lua_pushinteger(L, found - s + 1);
      lua_pushinteger(L, static_cast<lua_Integer>(found - s + static_cast<std::ptrdiff_t>(lp)));
      return 2;
    }
  } else {
    const char* s1 = s + init;
    const bool anchor = *p == '^';
    if (anchor) {
      ++p;
      --lp;
    }
    prepare(ms, L, s, ls, p, lp);
    do {
      restart(ms);
      if (const char* e = match(ms, s1, p)) {
        if (find) {
          lua_pushinteger(L, s1 - s + 1);
          lua_pushinteger(L, e - s);
          return push_captures(ms, nullptr, nullptr) + 2;
        }
        return push_captures(ms, s1, e);
      }
    } while (s1++ < ms.src_end && !anchor);
  }
  luaL_pushfail(L);
  return 1;
}

int str_find(lua_State* L) { return find_aux(L, true); }
int str_match(lua_State* L) { return find_aux(L, false); }

struct GmatchState {
  const char* src;
  const char* p;
  const char* lastmatch;
  MatchState ms;
};

// upvalues: the subject, the pattern (kept alive), the state
int gmatch_next(lua_State* L) {
  auto* gm = static_cast<GmatchState*>(lua_touserdata(L, lua_upvalueindex(3)));
  gm->ms.L = L;
  for (const char* src = gm->src; src <= gm->ms.src_end; ++src) {
    restart(gm->ms);
    const char* e = match(gm->ms, src, gm->p);
    if (e != nullptr && e != gm->lastmatch) {
      gm->src = gm->lastmatch = e;
      return push_captures(gm->ms, src, e);
    }
  }
  return 0;
}

int str_gmatch(lua_State* L) {
  std::size_t ls = 0;
  std::size_t lp = 0;
  const char* s = luaL_checklstring(L, 1, &ls);
  const char* p = luaL_checklstring(L, 2, &lp);
  std::size_t init = start_position(luaL_optinteger(L, 3, 1), ls) - 1;
  lua_settop(L, 2);
  auto* gm = static_cast<GmatchState*>(lua_newuserdatauv(L, sizeof(GmatchState), 0));
  if (init > ls) init = ls + 1;  // start after the end: no match
  prepare(gm->ms, L, s, ls, p, lp);
  gm->src = s + init;
  gm->p = p;
  gm->lastmatch = nullptr;
  lua_pushcclosure(L, trampoline<gmatch_next>, 3);
  return 1;
}

void add_string(MatchState& ms, luaL_Buffer& b, const char* s, const char* e) {
  std::size_t l = 0;
  const char* news = lua_tolstring(ms.L, 3, &l);
  const char* p = nullptr;
  while ((p = static_cast<const char*>(std::memchr(news, escape, l))) != nullptr) {
    luaL_addlstring(&b, news, static_cast<std::size_t>(p - news));
    ++p;  // skip the escape
    if (*p == escape) {
      luaL_addchar(&b, *p);
    } else if (*p == '0') {
      luaL_addlstring(&b, s, static_cast<std::size_t>(e - s));
    } else if (is_digit(uchar(*p))) {
      push_capture(ms, *p - '1', s, e);
      luaL_tolstring(ms.L, -1, nullptr);  // a position capture becomes its text
      lua_remove(ms.L, -2);
      luaL_addvalue(&b);
    } else {
      raise_error(ms.L, "invalid use of '%c' in replacement string", escape);
    }
    l -= static_cast<std::size_t>(p + 1 - news);
    news = p + 1;
  }
  luaL_addlstring(&b, news, l);
}

// Adds the replacement of one match; false when the original is kept.
bool add_value(MatchState& ms, luaL_Buffer& b, const char* s, const char* e, int type) {
  lua_State* L = ms.L;
  switch (type) {
    case LUA_TFUNCTION: {
      lua_pushvalue(L, 3);
      const int n = push_captures(ms, s, e);
      lua_call(L, n, 1);
      break;
    }
    case LUA_TTABLE:
      push_capture(ms, 0, s, e);
      lua_gettable(L, 3);
      break;
    default: add_string(ms, b, s, e); return true;
  }
  if (lua_toboolean(L, -1) == 0) {  // nil or false: keep the original text
    lua_pop(L, 1);
    luaL_addlstring(&b, s, static_cast<std::size_t>(e - s));
    return false;
  }
  if (lua_isstring(L, -1) == 0)
    return raise_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1)) != 0;
  luaL_addvalue(&b);
  return true;
}

int str_gsub(lua_State* L) {
  std::size_t srcl = 0;
  std::size_t lp = 0;
  const char* src = luaL_checklstring(L, 1, &srcl);
  const char* p = luaL_checklstring(L, 2, &lp);
  const char* lastmatch = nullptr;
  const int type = lua_type(L, 3);
  const lua_Integer max_n = luaL_optinteger(L, 4, static_cast<lua_Integer>(srcl) + 1);
  const bool anchor = *p == '^';
  lua_Integer n = 0;
  bool changed = false;
  luaL_argexpected(L,
                   type == LUA_TNUMBER || type == LUA_TSTRING || type == LUA_TFUNCTION || type == LUA_TTABLE,
                   3, "string/function/table");
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  if (anchor) {
    ++p;
    --lp;
  }
  MatchState ms;
  prepare(ms, L, src, srcl, p, lp);
  while (n < max_n) {
    restart(ms);
    const char* e = match(ms, src, p);
    if (e != nullptr && e != lastmatch) {
      ++n;
      changed = add_value(ms, b, src, e, type) || changed;
      src = lastmatch = e;
    } else if (src < ms.src_end) {
      luaL_addchar(&b, *src++);
    } else {
      break;
    }
    if (anchor) break;
  }
  if (!changed) {
    lua_pushvalue(L, 1);
  } else {
    luaL_addlstring(&b, src, static_cast<std::size_t>(ms.src_end - src));
    luaL_pushresult(&b);
  }
  lua_pushinteger(L, n);
  return 2;
}

}  // namespace

void open_string_match(lua_State* L, int string_table) {
  const luaL_Reg functions[] = {
      {"find", trampoline<str_find>},
      {"match", trampoline<str_match>},
      {"gmatch", trampoline<str_gmatch>},
      {"gsub", trampoline<str_gsub>},
      {nullptr, nullptr},
  };
  lua_pushvalue(L, string_table);
  luaL_setfuncs(L, functions, 0);
  lua_pop(L, 1);
}

}  // namespace jx::sandbox::detail
