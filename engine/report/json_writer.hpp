// JSON written with RapidJSON the way every jxaudit JSON output writes it: the
// findings report (json.cpp), the rule-set comparison (compare.cpp) and
// `validate --format json` (cli/validate_command.cpp). One owner for a
// diagnostic's JSON fields, so that every document names a position alike.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

#include "data/diagnostic.hpp"

namespace jx::report::json {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

inline void str(Writer& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
inline void field(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  str(w, value);
}

// {severity, file, line, column, [sheet,] pointer, message}: schemas/findings.schema.json's
// diagnostics, the same in schemas/validation.schema.json (json.cpp).
void diagnostic(Writer& w, const Diagnostic& d);

}  // namespace jx::report::json
