#include "findings/finding.hpp"

namespace jx {

const char* kind_name(Finding::Kind kind) {
  switch (kind) {
    case Finding::Kind::deduction: return "deduction";
    case Finding::Kind::score: return "score";
    case Finding::Kind::note: return "note";
    case Finding::Kind::missing_evidence: return "missing_evidence";
    case Finding::Kind::engine_error: return "engine_error";
  }
  return "?";
}

}  // namespace jx
