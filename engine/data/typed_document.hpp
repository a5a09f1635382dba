// A document that another stage's reader parsed itself (the rule-set
// manifest's TOML, read in engine/rules), typed and validated against a schema
// by the same machinery as department data: exact decimals from each number's
// source text, JSON pointers and line:column in diagnostics. The reader hands
// over the untyped tree (RawNode: every number's text, every value's position).
#pragma once

#include <string>
#include <vector>

#include "data/department.hpp"
#include "data/raw.hpp"

namespace jx::data {

using RawNode = detail::RawNode;

// Types `root` (parsed from `path`, file index 0 of its positions) against
// `schema`. `diagnostics`: what the reader already found (kept, sorted with
// the conversion's own). No document when `root` is null: the reader failed.
LoadResult typed_document(const Schema& schema, const std::string& path, const RawNode* root,
                          std::vector<Diagnostic> diagnostics, Lang lang);

}  // namespace jx::data
