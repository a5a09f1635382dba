// The department (and ctx.params) as a read-only view over the immutable data
// tree: nothing is copied into Lua tables. Objects index by field name, lists
// by position; decimals arrive as decs and dates as dates that remember where
// in the data they were read, so findings can cite it.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "values/edit_distance.hpp"
#include "sandbox/runtime.hpp"
#include "sandbox/stack_guard.hpp"
#include "sandbox/trampoline.hpp"

namespace jx::sandbox::detail {

namespace {

struct ViewBox {
  const data::Value* value;
  const data::SchemaNode* schema;  // may be null: no typo detection then
  std::uint32_t generation;        // the run it belongs to
  ViewKind kind;
};

const char* what(ViewKind kind) {
  return kind == ViewKind::params ? "the rule set's params" : "department data";
}

// The view at `index`. Leaves the view's metatable on the stack, above the
// arguments: every caller returns its results from the top of the stack, so
// the extra value is harmless, and not popping it saves a call on every read.
const ViewBox& check_view(lua_State* L, int index) {
  const Runtime& rt = runtime(L);
  if (lua_getmetatable(L, index) == 0 || lua_topointer(L, -1) != rt.mt.view)
    raise_error(L, "expected department data, got %s", type_name(L, index));
  const auto& box = *static_cast<const ViewBox*>(lua_touserdata(L, index));
  if (box.generation != rt.generation || rt.run == nullptr) {
    raise_error(L, "%s can only be used during the rule run that read it", what(box.kind));
  }
  return box;
}

const data::SchemaNode* child_schema(const data::SchemaNode* schema, std::string_view key) {
  if (schema == nullptr) return nullptr;
  if (const data::SchemaNode* p = schema->property(key)) return p;
  return schema->additional;
}

// "no field 'contract_signd' in 采购项目 (did you mean 'contract_signed'?)"
[[noreturn]] void unknown_field(lua_State* L, const data::SchemaNode& schema, std::string_view key) {
  std::string best;
  std::size_t best_distance = 3;  // suggest only close names
  for (const auto& p : schema.properties) {
    const std::size_t d = data::edit_distance(key, p.name);
    if (d < best_distance) {
      best_distance = d;
      best = p.name;
    }
  }
  const std::string where = schema.title.empty() ? std::string("this object") : schema.title;
  const std::string message =
      best.empty() ? fmt::format("no field '{}' in {} (the data schema does not declare it)", key, where)
                   : fmt::format("no field '{}' in {} (did you mean '{}'?)", key, where, best);
  raise_message(L, message.c_str());
}

[[noreturn]] void unknown_param(lua_State* L, const data::Value& params, std::string_view key) {
  std::string names;
  std::size_t listed = 0;
  for (const auto& m : params.as_object()) {
    if (listed++ == 12) {
      names += ", …";
      break;
    }
    names += (names.empty() ? "" : ", ") + m.key;
  }
  const std::string message = fmt::format(
      "no parameter '{}' in the rule set's params (it has: {}); for an optional one use ctx:param(\"{}\", "
      "default)",
      key, names.empty() ? "none" : names, key);
  raise_message(L, message.c_str());
}

// The member `key` of an object. Records of one list usually share one field
// order, so the position where a key was last found is tried first: Lua
// interns short strings, so `text` identifies the key for the hint table.
const data::Value::Member* find_member(Runtime& rt, const data::Value::Object& members, const char* text,
                                       std::string_view key) {
  auto& hint = rt.field_hints[(reinterpret_cast<std::uintptr_t>(text) >> 4) % rt.field_hints.size()];
  if (hint < members.size() && members[hint].key == key) return &members[hint];
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members[i].key == key) {
      hint = static_cast<std::uint32_t>(i);
      return &members[i];
    }
  }
  return nullptr;
}

// [view, key] -> [value]
int view_index(lua_State* L) {
  const ViewBox& view = check_view(L, 1);
  const data::Value& value = *view.value;
  if (value.kind() == data::Value::Kind::object) {
    if (lua_type(L, 2) != LUA_TSTRING) {
      return raise_error(
          L, "%s: an object was indexed with %s; it has named fields (use a field name, or pairs)",
          what(view.kind), luaL_tolstring(L, 2, nullptr));
    }
    std::size_t size = 0;
    const char* text = lua_tolstring(L, 2, &size);
    const std::string_view key(text, size);
    if (const data::Value::Member* m = find_member(runtime(L), value.as_object(), text, key)) {
      const bool container =
          m->value.kind() == data::Value::Kind::object || m->value.kind() == data::Value::Kind::array;
      push_value(L, m->value, container ? child_schema(view.schema, key) : nullptr, view.kind);
      return 1;
    }
    if (view.kind == ViewKind::params) unknown_param(L, value, key);
    if (view.schema != nullptr && !view.schema->additional_allowed && view.schema->property(key) == nullptr) {
      unknown_field(L, *view.schema, key);
    }
    lua_pushnil(L);  // an optional field the data leaves out
    return 1;
  }
  // A list: positions 1 … #list; anything past the end is nil, as in a Lua table.
  lua_Integer i = 0;
  if (lua_isinteger(L, 2) != 0) {
    i = lua_tointeger(L, 2);
  } else {
    int is_number = 0;
    i = lua_tointegerx(L, 2, &is_number);
    if (is_number == 0 || lua_type(L, 2) != LUA_TNUMBER) {
      return raise_error(L, "%s: a list was indexed with '%s'; a list is indexed by position 1, 2, …",
                         what(view.kind), luaL_tolstring(L, 2, nullptr));
    }
  }
  const auto& items = value.as_array();
  if (i >= 1 && static_cast<std::size_t>(i) <= items.size()) {
    push_value(L, items[static_cast<std::size_t>(i - 1)],
               view.schema != nullptr ? view.schema->items : nullptr, view.kind);
  } else {
    lua_pushnil(L);
  }
  return 1;
}

int view_newindex(lua_State* L) {
  const ViewBox& view = check_view(L, 1);
  return raise_error(L, view.kind == ViewKind::params ? "the rule set's params are read-only"
                                                      : "department data is read-only");
}

int view_len(lua_State* L) {
  const ViewBox& view = check_view(L, 1);
  if (view.value->kind() != data::Value::Kind::array) {
    return raise_error(L, "%s: # applies to a list; this is an object with named fields", what(view.kind));
  }
  lua_pushinteger(L, static_cast<lua_Integer>(view.value->as_array().size()));
  return 1;
}

// The iterator pairs() returns: [view, control] -> [key, value]; upvalue 1 is the next position.
int view_next(lua_State* L) {
  const ViewBox& view = check_view(L, 1);
  const lua_Integer i = lua_tointeger(L, lua_upvalueindex(1));
  const data::Value& value = *view.value;
  if (value.kind() == data::Value::Kind::object) {
    const auto& members = value.as_object();
    if (static_cast<std::size_t>(i) >= members.size()) return 0;
    const auto& m = members[static_cast<std::size_t>(i)];
    lua_pushlstring(L, m.key.data(), m.key.size());
    push_value(L, m.value, child_schema(view.schema, m.key), view.kind);
  } else {
    const auto& items = value.as_array();
    if (static_cast<std::size_t>(i) >= items.size()) return 0;
    lua_pushinteger(L, i + 1);
    push_value(L, items[static_cast<std::size_t>(i)], view.schema != nullptr ? view.schema->items : nullptr,
               view.kind);
  }
  lua_pushinteger(L, i + 1);
  lua_replace(L, lua_upvalueindex(1));
  return 2;
}

// pairs(view): members in source order (objects) or positions (lists), deterministic.
int view_pairs(lua_State* L) {
  (void)check_view(L, 1);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, trampoline<view_next>, 1);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

int view_eq(lua_State* L) {
  const Runtime& rt = runtime(L);
  const bool both = has_metatable(L, 1, rt.mt.view) && has_metatable(L, 2, rt.mt.view);
  lua_pushboolean(L, both && static_cast<const ViewBox*>(lua_touserdata(L, 1))->value ==
                                 static_cast<const ViewBox*>(lua_touserdata(L, 2))->value);
  return 1;
}

int view_tostring(lua_State* L) {
  const ViewBox& view = check_view(L, 1);
  const std::string title =
      view.schema != nullptr && !view.schema->title.empty() ? " " + view.schema->title : "";
  if (view.value->kind() == data::Value::Kind::array) {
    lua_pushfstring(L, "data list%s (%I items)", title.c_str(),
                    static_cast<lua_Integer>(view.value->as_array().size()));
  } else {
    lua_pushfstring(L, "data object%s", title.c_str());
  }
  return 1;
}

// The iterator ipairs returns: [t, i] -> [i + 1, t[i + 1]], or [nil] at the
// end, exactly as Lua's own. A department list of this run hands out its items
// directly, without the metamethod call a read through t[i + 1] costs;
// anything else is read through t[i + 1], metamethods (and their errors) and all.
int list_inext(lua_State* L) {
  const lua_Integer i = static_cast<lua_Integer>(static_cast<lua_Unsigned>(luaL_checkinteger(L, 2)) + 1u);
  lua_pushinteger(L, i);
  const Runtime& rt = runtime(L);
  if (metatable_of(L, 1) == rt.mt.view) {
    const auto& view = *static_cast<const ViewBox*>(lua_touserdata(L, 1));
    if (view.value->kind() == data::Value::Kind::array && view.generation == rt.generation &&
        rt.run != nullptr) {
      const auto& items = view.value->as_array();
      if (i < 1 || static_cast<std::size_t>(i) > items.size()) {
        lua_pushnil(L);
        return 1;
      }
      push_value(L, items[static_cast<std::size_t>(i - 1)],
                 view.schema != nullptr ? view.schema->items : nullptr, view.kind);
      return 2;
    }
  }
  return lua_geti(L, 1, i) == LUA_TNIL ? 1 : 2;
}

const luaL_Reg metamethods[] = {
    {"__index", trampoline<view_index>},
    {"__newindex", trampoline<view_newindex>},
    {"__len", trampoline<view_len>},
    {"__pairs", trampoline<view_pairs>},
    {"__eq", trampoline<view_eq>},
    {"__tostring", trampoline<view_tostring>},
    {nullptr, nullptr},
};

}  // namespace

void push_value(lua_State* L, const data::Value& value, const data::SchemaNode* schema, ViewKind kind) {
  JX_STACK_GUARD(L, 1);
  Runtime& rt = runtime(L);
  const Origin origin{value.pos(), kind == ViewKind::department ? rt.generation : 0};
  switch (value.kind()) {
    case data::Value::Kind::null: lua_pushnil(L); return;
    case data::Value::Kind::boolean: lua_pushboolean(L, value.as_bool() ? 1 : 0); return;
    case data::Value::Kind::decimal: push_dec(L, value.as_decimal(), origin); return;
    case data::Value::Kind::date: push_date(L, value.as_date(), origin); return;
    case data::Value::Kind::string: {
      const std::string& s = value.as_string();
      lua_pushlstring(L, s.data(), s.size());
      return;
    }
    case data::Value::Kind::array:
    case data::Value::Kind::object: {
      auto* box = static_cast<ViewBox*>(lua_newuserdatauv(L, sizeof(ViewBox), 0));
      *box = ViewBox{&value, schema, rt.generation, kind};
      lua_rawgeti(L, LUA_REGISTRYINDEX, rt.mt.view_ref);
      lua_setmetatable(L, -2);
      return;
    }
  }
}

int list_ipairs(lua_State* L) {
  luaL_checkany(L, 1);
  lua_pushcfunction(L, trampoline<list_inext>);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 0);
  return 3;
}

std::string data_source(lua_State* L, int index) {
  JX_STACK_GUARD(L, 0);
  const Runtime& rt = runtime(L);
  if (rt.run == nullptr || !rt.run->input->department) return {};
  data::SourcePos pos;
  bool known = false;
  Origin origin;
  if (has_metatable(L, index, rt.mt.view)) {
    const auto& box = *static_cast<const ViewBox*>(lua_touserdata(L, index));
    known = box.kind == ViewKind::department && box.generation == rt.generation;
    pos = box.value->pos();
  } else if (to_dec(L, index, &origin) != nullptr || to_date(L, index, &origin) != nullptr) {
    known = origin.generation == rt.generation;
    pos = origin.pos;
  }
  const auto& files = rt.run->input->department->files;
  if (!known || pos.line == 0 || pos.file >= files.size()) return {};
  if (pos.column == 0) return fmt::format("{}:{}", files[pos.file], pos.line);
  return fmt::format("{}:{}:{}", files[pos.file], pos.line, pos.column);
}

void open_view(lua_State* L, Runtime& rt) {
  JX_STACK_GUARD(L, 0);
  new_metatable(L, "data", metamethods, nullptr, &rt.mt.view, &rt.mt.view_ref);
}

}  // namespace jx::sandbox::detail
