// ctx, the second argument of check(dept, ctx): the leaf's weight, the rule
// set's params and calendar, the default rounding, and the four ways a rule
// reports — ctx:deduct, ctx:score, ctx:note, ctx:missing — each becoming a
// jx::Finding with its subject, evidence, source positions and points.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "sandbox/runtime.hpp"
#include "sandbox/stack_guard.hpp"
#include "sandbox/trampoline.hpp"

namespace jx::sandbox::detail {

namespace {

struct CtxBox {
  std::uint32_t generation;  // the run it belongs to
};
// The ctx userdata's user values: the run's weight, params and calendar, once read.
constexpr int kWeightSlot = 1;
constexpr int kParamsSlot = 2;
constexpr int kCalendarSlot = 3;
constexpr int kSlots = 3;

RunState& check_ctx(lua_State* L, const char* method) {
  const Runtime& rt = runtime(L);
  if (!has_metatable(L, 1, rt.mt.ctx)) {
    raise_error(L, "ctx:%s must be called with a colon, as ctx:%s(...) (the first argument was %s, not ctx)",
                method, method, type_name(L, 1));
  }
  const auto* box = static_cast<const CtxBox*>(lua_touserdata(L, 1));
  if (box->generation != rt.generation || rt.run == nullptr) {
    raise_error(L, "ctx can only be used during the rule run that received it");
  }
  return *rt.run;
}

std::string text_of(lua_State* L, int index) {
  std::size_t size = 0;
  const char* s = lua_tolstring(L, index, &size);
  return {s, size};
}

// An evidence value or a subject as exact text; `origin` learns where in the
// department it was read, when it was.
std::string exact_text(lua_State* L, int index, const char* context, std::string* source) {
  Origin origin;
  if (const Decimal* d = to_dec(L, index, &origin)) {
    if (source != nullptr && source->empty()) *source = data_source(L, index);
    return d->to_string();
  }
  if (const Date* d = to_date(L, index, &origin)) {
    if (source != nullptr && source->empty()) *source = data_source(L, index);
    return d->to_string();
  }
  switch (lua_type(L, index)) {
    case LUA_TSTRING: return text_of(L, index);
    case LUA_TBOOLEAN: return lua_toboolean(L, index) != 0 ? "true" : "false";
    case LUA_TNUMBER:
      if (lua_isinteger(L, index) == 0) float_error(L, index, context);
      return std::to_string(lua_tointeger(L, index));
    default:
      raise_error(L, "%s must be a dec, date, string, integer or boolean, got %s", context,
                  type_name(L, index));
      return {};
  }
}

struct Info {
  bool present = false;
  std::string subject;
  std::string message;
  bool has_message = false;
  std::vector<Evidence> evidence;
  std::string at_source;        // from `at`
  std::string subject_source;   // from a subject read from the data
  std::string evidence_source;  // from the first evidence value (by key) read from the data
};

void read_evidence(lua_State* L, int table, const char* method, Info& info) {
  JX_STACK_GUARD(L, 0);
  std::vector<std::pair<Evidence, std::string>> items;
  lua_pushnil(L);
  while (lua_next(L, table) != 0) {  // [key, value]; raw: no rule code runs here
    if (lua_type(L, -2) != LUA_TSTRING) {
      raise_error(L, "ctx:%s: evidence keys must be names (strings), got %s", method, type_name(L, -2));
    }
    std::string key = text_of(L, -2);
    if (has_metatable(L, -1, runtime(L).mt.view)) {
      raise_error(
          L,
          "ctx:%s: evidence '%s' is a department object or list; cite one of its fields, or pass it as `at`",
          method, key.c_str());
    }
    const std::string context = fmt::format("as evidence '{}'", key);
    std::string source;
    std::string value = exact_text(L, -1, context.c_str(), &source);
    items.push_back({Evidence{std::move(key), std::move(value)}, std::move(source)});
    lua_pop(L, 1);
  }
  std::sort(items.begin(), items.end(),
            [](const auto& a, const auto& b) { return a.first.key < b.first.key; });
  for (auto& [evidence, source] : items) {
    if (info.evidence_source.empty()) info.evidence_source = source;
    info.evidence.push_back(std::move(evidence));
  }
}

// info = { subject = …, message = …, evidence = { … }, at = <department data> }
Info read_info(lua_State* L, int index, const char* method, bool required) {
  JX_STACK_GUARD(L, 0);
  Info info;
  if (lua_isnoneornil(L, index)) {
    if (required) {
      raise_error(L, "ctx:%s needs an info table: { message = \"…\", subject = …, evidence = { … } }",
                  method);
    }
    return info;
  }
  if (lua_type(L, index) != LUA_TTABLE) {
    raise_error(L, "ctx:%s: info must be a table { message = \"…\", … }, got %s", method,
                type_name(L, index));
  }
  info.present = true;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {  // [key, value]
    const std::string key = lua_type(L, -2) == LUA_TSTRING ? text_of(L, -2) : std::string();
    if (key == "message") {
      if (lua_type(L, -1) != LUA_TSTRING) {
        raise_error(L, "ctx:%s: message must be a string, got %s", method, type_name(L, -1));
      }
      info.message = text_of(L, -1);
      info.has_message = true;
    } else if (key == "subject") {
      if (has_metatable(L, -1, runtime(L).mt.view)) {
        raise_error(L, "ctx:%s: subject is a department object or list; give its id (subject = p.id, at = p)",
                    method);
      }
      info.subject = exact_text(L, -1, "as the subject", &info.subject_source);
    } else if (key == "evidence") {
      if (lua_type(L, -1) != LUA_TTABLE) {
        raise_error(L, "ctx:%s: evidence must be a table { name = value, … }, got %s", method,
                    type_name(L, -1));
      }
      read_evidence(L, lua_gettop(L), method, info);
    } else if (key == "at") {
      info.at_source = data_source(L, -1);
      if (info.at_source.empty()) {
        raise_error(L, "ctx:%s: `at` must be department data (e.g. at = p), got %s", method,
                    type_name(L, -1));
      }
    } else {
      raise_error(L, "ctx:%s: unknown info field '%s' (expected message, subject, evidence, at)", method,
                  luaL_tolstring(L, -2, nullptr));
    }
    lua_pop(L, 1);
  }
  if (required && (!info.has_message || info.message.empty())) {
    raise_error(L, "ctx:%s: info needs a message explaining the finding", method);
  }
  return info;
}

// "file:line" of the rule file's own line that led to the report, even when a
// lib helper made the ctx call (a line of lib/evidence.lua says little about
// which rule found what); the rule file alone when it is not on the stack.
std::string rule_location(lua_State* L, const std::string& path) {
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar) != 0; ++level) {
    if (lua_getinfo(L, "Sl", &ar) != 0 && ar.currentline > 0 && ar.source[0] == '@' &&
        path == ar.source + 1) {
      return path + ":" + std::to_string(ar.currentline);
    }
  }
  // The rule's file is not on the stack when its check function was written
  // in a lib (evidence.yes_no: the whole rule file is data). Citing the lib's
  // line would blame the shared helper; the finding belongs to the rule file.
  return path;
}

void add_finding(lua_State* L, RunState& run, Finding::Kind kind, Info info, Decimal points) {
  Finding f;
  f.kind = kind;
  f.rule_id = run.rule->id;
  f.indicator = run.rule->indicator;
  f.subject = std::move(info.subject);
  f.message = std::move(info.message);
  f.evidence = std::move(info.evidence);
  f.points = std::move(points);
  f.data_source = !info.at_source.empty()        ? std::move(info.at_source)
                  : !info.subject_source.empty() ? std::move(info.subject_source)
                                                 : std::move(info.evidence_source);
  f.rule_source = rule_location(L, run.rule->source_path);
  // Findings live outside the Lua state's memory budget: their own budgets
  // keep a rule from filling the host's memory (or a report) with them.
  std::size_t bytes = f.subject.size() + f.message.size();
  for (const Evidence& e : f.evidence) bytes += e.key.size() + e.value.size();
  const Limits& limits = runtime(L).limits;
  if (run.findings.size() >= limits.findings_per_rule) stop_rule(L, Stop::findings, f.rule_source.c_str());
  if (bytes > limits.finding_bytes_per_rule - std::min(run.finding_bytes, limits.finding_bytes_per_rule))
    stop_rule(L, Stop::finding_bytes, f.rule_source.c_str());
  run.finding_bytes += bytes;
  run.findings.push_back(std::move(f));
}

// Points or a score: a dec or an integer, never a float.
Decimal check_amount(lua_State* L, int index, const char* method, const char* what) {
  if (lua_type(L, index) == LUA_TNUMBER && lua_isinteger(L, index) == 0) {
    float_error(L, index, fmt::format("as {} of ctx:{}", what, method).c_str());
  }
  if (to_dec(L, index) == nullptr && lua_isinteger(L, index) == 0) {
    raise_error(L, "ctx:%s: %s must be a dec or an integer, got %s", method, what, type_name(L, index));
  }
  return check_decimal(L, index, method);
}

// Points kept to the leaf's scale: 0.6666… would print as a long tail and
// never add up with the other leaves; the rule must say how it rounds.
void check_scale(lua_State* L, const RunState& run, const Decimal& amount, const char* method,
                 const char* what) {
  const int scale = run.input->scale;
  if (amount.round(scale, RoundingMode::down) != amount) {
    raise_error(L,
                "ctx:%s: %s %s has more decimals than the leaf's scale (%d); round it first, e.g. "
                "ctx:round(x) or x:round(%d, \"half_up\")",
                method, what, amount.to_string().c_str(), scale, scale);
  }
}

int ctx_deduct(lua_State* L) {
  RunState& run = check_ctx(L, "deduct");
  Decimal points = check_amount(L, 2, "deduct", "the points");
  check_scale(L, run, points, "deduct", "the points");
  const Decimal& weight = run.input->weight;
  if (points.sign() < 0) {
    return raise_error(L, "ctx:deduct: points must not be negative, got %s", points.to_string().c_str());
  }
  if (points > weight) {
    return raise_error(L, "ctx:deduct: %s points is more than the leaf's weight %s",
                       points.to_string().c_str(), weight.to_string().c_str());
  }
  add_finding(L, run, Finding::Kind::deduction, read_info(L, 3, "deduct", true), std::move(points));
  return 0;
}

int ctx_score(lua_State* L) {
  RunState& run = check_ctx(L, "score");
  const Decimal score = check_amount(L, 2, "score", "the score");
  check_scale(L, run, score, "score", "the score");
  const Decimal& weight = run.input->weight;
  if (score.sign() < 0 || score > weight) {
    return raise_error(L, "ctx:score: score %s is outside 0 … %s (the leaf's weight)",
                       score.to_string().c_str(), weight.to_string().c_str());
  }
  if (!run.score_at.empty()) {
    return raise_error(L, "ctx:score was already called in this run (at %s); a leaf has one score",
                       run.score_at.c_str());
  }
  Info info = read_info(L, 3, "score", true);
  run.score_at = rule_location(L, run.rule->source_path);
  add_finding(L, run, Finding::Kind::score, std::move(info), weight - score);
  run.findings.back().score = score;
  return 0;
}

int ctx_note(lua_State* L) {
  RunState& run = check_ctx(L, "note");
  add_finding(L, run, Finding::Kind::note, read_info(L, 2, "note", true), Decimal());
  return 0;
}

// ctx:missing(field_path, info): the evidence at field_path is absent; the rule
// set's policy, applied by scoring, says whether that costs points or only
// flags it for review.
int ctx_missing(lua_State* L) {
  RunState& run = check_ctx(L, "missing");
  if (lua_type(L, 2) != LUA_TSTRING || lua_rawlen(L, 2) == 0) {
    return raise_error(
        L, "ctx:missing: the first argument is the missing field's path, e.g. \"assets.inventory\"");
  }
  const std::string path = text_of(L, 2);
  Info info = read_info(L, 3, "missing", false);
  if (!info.has_message || info.message.empty()) info.message = "缺少佐证：" + path;
  info.evidence.push_back(Evidence{"missing_field", path});
  std::sort(info.evidence.begin(), info.evidence.end(),
            [](const auto& a, const auto& b) { return a.key < b.key; });
  // What it costs is the rule set's policy, applied by scoring (scoring::settle_leaf).
  add_finding(L, run, Finding::Kind::missing_evidence, std::move(info), Decimal());
  return 0;
}

int ctx_round(lua_State* L) {
  RunState& run = check_ctx(L, "round");
  push_dec(L, check_decimal(L, 2, "ctx:round").round(run.input->scale, run.input->rounding));
  return 1;
}

// ctx:param(name, default): an optional parameter of the rule set.
int ctx_param(lua_State* L) {
  RunState& run = check_ctx(L, "param");
  const std::string name = luaL_checkstring(L, 2);
  const data::Value* params = run.input->params;
  const data::Value* value = params != nullptr ? params->find(name) : nullptr;
  if (value != nullptr) {
    push_value(L, *value, nullptr, ViewKind::params);
  } else {
    lua_settop(L, 3);  // the default, or nil
  }
  return 1;
}

// [ctx, key] -> [value]; upvalue 1: the methods table
int ctx_index(lua_State* L) {
  RunState& run = check_ctx(L, "index");
  if (lua_type(L, 2) == LUA_TSTRING) {
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
    lua_pop(L, 1);
    const std::string_view key = lua_tostring(L, 2);
    const RuleInput& in = *run.input;
    // weight, params and calendar stay the same for the whole run: the first
    // read makes each one and keeps it in a user value of this run's ctx, so a
    // rule reading ctx.calendar in a loop does not make a calendar per read.
    const int slot = key == "weight"     ? kWeightSlot
                     : key == "params"   ? kParamsSlot
                     : key == "calendar" ? kCalendarSlot
                                         : 0;
    if (slot != 0 && lua_getiuservalue(L, 1, slot) != LUA_TNIL) return 1;
    if (key == "weight") {
      push_dec(L, in.weight);
    } else if (key == "params") {
      if (in.params != nullptr) {
        push_value(L, *in.params, nullptr, ViewKind::params);
      } else {
        lua_pushnil(L);
      }
    } else if (key == "calendar") {
      if (in.calendar == nullptr) run.read_absent_calendar = true;  // for the message if the rule then fails
      push_calendar(L, in.calendar);
    } else if (key == "fiscal_year") {
      lua_pushinteger(L, in.fiscal_year);
    } else if (key == "rounding") {
      const std::string_view name = rounding_mode_name(in.rounding);
      lua_pushlstring(L, name.data(), name.size());
    } else if (key == "scale") {
      lua_pushinteger(L, in.scale);
    } else if (key == "rule_id") {
      lua_pushlstring(L, run.rule->id.data(), run.rule->id.size());
    } else {
      return raise_error(
          L,
          "ctx has no field '%s' (it has weight, params, calendar, fiscal_year, rounding, scale, "
          "rule_id, and deduct, score, note, missing, round, param)",
          lua_tostring(L, 2));
    }
    if (slot != 0) {
      lua_pushvalue(L, -1);
      lua_setiuservalue(L, 1, slot);
    }
    return 1;
  }
  return raise_error(L, "ctx was indexed with %s; its fields have names", type_name(L, 2));
}

int ctx_newindex(lua_State* L) {
  (void)check_ctx(L, "newindex");
  return raise_error(L, "ctx is read-only");
}

int ctx_tostring(lua_State* L) {
  RunState& run = check_ctx(L, "tostring");
  lua_pushfstring(L, "ctx of %s", run.rule->id.c_str());
  return 1;
}

const luaL_Reg metamethods[] = {
    {"__newindex", trampoline<ctx_newindex>},
    {"__tostring", trampoline<ctx_tostring>},
    {nullptr, nullptr},
};

const luaL_Reg methods[] = {
    {"deduct", trampoline<ctx_deduct>},
    {"score", trampoline<ctx_score>},
    {"note", trampoline<ctx_note>},
    {"missing", trampoline<ctx_missing>},
    {"round", trampoline<ctx_round>},
    {"param", trampoline<ctx_param>},
    {nullptr, nullptr},
};

}  // namespace

void push_ctx(lua_State* L) {
  JX_STACK_GUARD(L, 1);
  Runtime& rt = runtime(L);
  auto* box = static_cast<CtxBox*>(lua_newuserdatauv(L, sizeof(CtxBox), kSlots));
  box->generation = rt.generation;
  lua_rawgeti(L, LUA_REGISTRYINDEX, rt.mt.ctx_ref);
  lua_setmetatable(L, -2);
}

void open_ctx(lua_State* L, Runtime& rt) {
  JX_STACK_GUARD(L, 0);
  new_metatable(L, "ctx", metamethods, nullptr, &rt.mt.ctx, &rt.mt.ctx_ref);
  lua_rawgeti(L, LUA_REGISTRYINDEX, rt.mt.ctx_ref);  // [mt]
  luaL_newlib(L, methods);                           // [mt, methods]
  lua_pushcclosure(L, trampoline<ctx_index>, 1);     // [mt, index]
  lua_setfield(L, -2, "__index");                    // [mt]
  lua_pop(L, 1);
}

}  // namespace jx::sandbox::detail
