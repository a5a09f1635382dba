// The fast path of loading (issue 7): a valid JSON department, parsed with
// simdjson and typed by the schema in one pass, without the untyped RawNode
// tree. It accepts only what the exact path (json_reader → Converter) would
// accept without a single diagnostic, and builds the same Values with the same
// source positions; on anything else it gives up, and the exact path runs from
// the start. Internal to engine/data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "data/schema.hpp"
#include "data/value.hpp"

namespace jx::data::detail {

// Zeroed bytes a caller may leave readable after the end of `text` (simdjson's
// SIMDJSON_PADDING) so that the fast path reads the text in place; without
// them it copies the text first.
inline constexpr std::size_t json_padding = 64;

// The typed tree of JSON `text` (file index `file`) under `schema`, or nullopt
// when the fast path gives up: a syntax error, any schema violation or warning,
// a root member "tables" unless `tables_allowed` (the caller then attaches the
// tables), or input it does not handle (an exponent, a lone surrogate escape,
// very deep nesting, …). Never partial, never throws for bad input.
std::optional<Value> parse_json_typed(std::string_view text, const SchemaNode& schema, std::uint32_t file,
                                      bool padded = false, bool tables_allowed = false);

// Thrown inside the fast path to abandon it; whoever starts it catches it.
struct FastPathGiveUp {};
[[noreturn]] void fast_give_up();

// Converter::decimal for `text` under `s`, giving up where it would report.
Value typed_decimal(std::string_view text, const SchemaNode& s, SourcePos pos);
// Converter::string for text that is text whatever the schema says (a JSON
// string; a CSV cell once its CSV-only types are ruled out), giving up where
// it would report; `schema` nullptr: untyped.
Value typed_text(std::string text, const SchemaNode* schema, SourcePos pos);

}  // namespace jx::data::detail
