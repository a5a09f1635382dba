// jx::Finding — what a rule reports about a department, independent of Lua:
// which rule and indicator, about what (subject), why (message, evidence),
// and how many points it costs. The scoring stage adds findings up per leaf.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "values/decimal.hpp"

namespace jx {

struct Evidence {
  std::string key;    // e.g. "signed"
  std::string value;  // exact text: decimals in plain form, dates as YYYY-MM-DD
};

struct Finding {
  enum class Kind {
    deduction,         // ctx:deduct — points taken off the leaf (扣分)
    score,             // ctx:score — the rule set the leaf's score; points = weight − score
    note,              // ctx:note — worth knowing, no points
    missing_evidence,  // ctx:missing — evidence absent; points per the rule set's policy
    engine_error,      // the rule failed: the department's check is incomplete
  };
  Kind kind = Kind::note;
  std::string rule_id;    // "MGMT.PROC.CONTRACT_FILING"
  std::string indicator;  // "管理效率/采购管理/合同备案时效性"
  std::string subject;    // which procurement, month, project or target; empty: the whole department
  std::string message;
  std::vector<Evidence> evidence;  // sorted by key, so output is deterministic
  Decimal points;                  // points deducted (≥ 0); 0 for notes
  std::optional<Decimal> score;    // for Kind::score: the score the rule set
  std::string data_source;         // "file:line:column" of the data the finding cites, when known
  std::string rule_source;         // "rules/gz/2023/procurement/contract_filing.lua:12"
};

// Stable names for output formats: "deduction", "score", "note", "missing_evidence", "engine_error".
const char* kind_name(Finding::Kind kind);

}  // namespace jx
