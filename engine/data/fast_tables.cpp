// CSV rows attached to the typed tree (see fast_tables.hpp). The walk is the
// Assembler's (loader.cpp), over typed Values instead of RawNodes.
#include "data/fast_tables.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "data/fast_csv.hpp"
#include "data/fast_json.hpp"

namespace jx::data::detail {
namespace {

struct LoadedTable {
  const FastTableSource* source = nullptr;
  FastTable table;
  std::vector<bool> used;
  std::optional<std::unordered_map<std::string_view, std::vector<std::size_t>>> by_parent;
};

Value* member(Value& object, std::string_view key) {
  Value::Object* members = object.building_object();
  if (members == nullptr) return nullptr;
  const auto it =
      std::find_if(members->begin(), members->end(), [&](const Value::Member& m) { return m.key == key; });
  return it == members->end() ? nullptr : &it->value;
}

class Attacher {
 public:
  explicit Attacher(const std::vector<FastTableSource>& sources) {
    for (const FastTableSource& source : sources) {
      if (source.row == nullptr) fast_give_up();
      LoadedTable& loaded = tables_[source.name];
      loaded.source = &source;
      loaded.table = read_csv_typed(source.text, *source.row, source.parent_key, source.file);
      loaded.used.assign(loaded.table.rows.size(), false);
    }
  }

  // Assembler::attach.
  void attach(const SchemaNode& schema, Value& value) {
    if (!leads_to_table(schema)) return;
    if (value.kind() == Value::Kind::object) {
      for (const auto& property : schema.properties) {
        const SchemaNode& ps = *property.schema;
        if (ps.csv) fill(ps, value, property.name);
        if (Value* child = member(value, property.name)) attach(ps, *child);
      }
    } else if (Value::Array* items = value.building_array(); items != nullptr && schema.items != nullptr) {
      for (Value& item : *items) attach(*schema.items, item);
    }
  }

  // Assembler::report_leftovers has nothing to say.
  void check_every_row_used() const {
    for (const auto& [name, loaded] : tables_) {
      if (std::find(loaded.used.begin(), loaded.used.end(), false) != loaded.used.end()) fast_give_up();
    }
  }

 private:
  // Assembler::fill_from_table, then what the Converter checks of the array.
  void fill(const SchemaNode& ps, Value& parent, const std::string& field) {
    const SchemaNode::CsvSource& csv = *ps.csv;
    const auto it = tables_.find(csv.table);
    if (it == tables_.end()) return;
    LoadedTable& loaded = it->second;
    // Rows typed and keyed as this node says, or left to the exact path.
    if (ps.items != loaded.source->row || csv.parent_key != loaded.source->parent_key) fast_give_up();
    Value::Array items;
    auto take = [&](std::size_t i) {
      // A row taken twice (a parent key shared by two parents) would need a copy of the moved row.
      if (loaded.used[i]) fast_give_up();
      loaded.used[i] = true;
      items.push_back(std::move(loaded.table.rows[i]));
    };
    if (csv.parent_key.empty()) {
      for (std::size_t i = 0; i < loaded.table.rows.size(); ++i) take(i);
    } else {
      const Value* key = member(parent, csv.parent_field);
      if (key == nullptr) return;  // a parent without its key field: reported by validation
      if (key->kind() != Value::Kind::string) fast_give_up();
      if (!loaded.by_parent) {
        loaded.by_parent.emplace();
        for (std::size_t i = 0; i < loaded.table.parent_keys.size(); ++i) {
          if (const auto& k = loaded.table.parent_keys[i]) (*loaded.by_parent)[*k].push_back(i);
        }
      }
      if (const auto rows = loaded.by_parent->find(key->as_string()); rows != loaded.by_parent->end()) {
        for (const std::size_t i : rows->second) take(i);
      }
    }
    if (member(parent, field) != nullptr) {
      if (items.empty() && !csv.parent_key.empty()) return;  // no rows for this parent: no conflict
      fast_give_up();                                        // given both in the JSON and in the table
    }
    if (!ps.allows(SchemaNode::array)) fast_give_up();
    if (ps.min_items && items.size() < *ps.min_items) fast_give_up();
    if (ps.max_items && items.size() > *ps.max_items) fast_give_up();
    const SourcePos pos{loaded.source->file, loaded.table.header_line, 1};
    parent.building_object()->push_back(Value::Member{field, Value(std::move(items), pos)});
  }

  // Every table named is loaded (or the fast path has given up).
  bool leads_to_table(const SchemaNode& node) {
    return detail::leads_to_table(
        node, [this](const std::string& table) { return tables_.contains(table); }, leads_);
  }

  std::map<std::string, LoadedTable> tables_;
  std::unordered_map<const SchemaNode*, bool> leads_;
};

}  // namespace

bool leads_to_table(const SchemaNode& node, const std::function<bool(const std::string& table)>& loaded,
                    std::unordered_map<const SchemaNode*, bool>& memo) {
  if (const auto it = memo.find(&node); it != memo.end()) return it->second;
  memo[&node] = true;
  bool result = node.csv && loaded(node.csv->table);
  for (const auto& property : node.properties)
    result = leads_to_table(*property.schema, loaded, memo) || result;
  if (node.items != nullptr) result = leads_to_table(*node.items, loaded, memo) || result;
  memo[&node] = result;
  return result;
}

void attach_tables_fast(const SchemaNode& root_schema, Value& root,
                        const std::vector<FastTableSource>& sources) {
  Attacher attacher(sources);
  attacher.attach(root_schema, root);
  attacher.check_every_row_used();
}

}  // namespace jx::data::detail
