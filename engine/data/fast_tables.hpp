// The fast path's CSV tables (issue 7): each table read and typed by
// fast_csv.hpp, then its rows attached to the typed JSON tree where the exact
// path's Assembler (loader.cpp) attaches them: the same parents, the same
// order, the array last among its parent's members at the header's position.
// Gives up (FastPathGiveUp) wherever the Assembler or the Converter would
// report anything: a row that goes nowhere, a list given both in the JSON
// and in a table, an array too long for its schema, …. Internal to engine/data.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/schema.hpp"
#include "data/value.hpp"

namespace jx::data::detail {

struct FastTableSource {
  std::string name;                 // the table's name in the schema's "x-csv"
  const SchemaNode* row = nullptr;  // the schema of one row
  std::string parent_key;           // the column naming a row's parent, or empty
  std::string_view text;            // the file's content
  std::uint32_t file = 0;           // its index in Document::files
};

// Whether `node` or a node below it takes rows from a table that `loaded`
// says is there: both paths walk only those parts of the schema. Memoized in
// `memo`; a node met again while its own answer is pending (a recursive
// schema) counts as leading to one, which only costs a walk that finds nothing.
bool leads_to_table(const SchemaNode& node, const std::function<bool(const std::string& table)>& loaded,
                    std::unordered_map<const SchemaNode*, bool>& memo);

// Reads every table and attaches its rows to `root` (typed by `root_schema`).
void attach_tables_fast(const SchemaNode& root_schema, Value& root,
                        const std::vector<FastTableSource>& sources);

}  // namespace jx::data::detail
