// Internal to engine/audit: the report's stated figures against the department's
// data and the checked scorecard (check --report), as narrative findings that
// the report check then completes, waives and converts (report_check.cpp).
#pragma once

#include <vector>

#include "audit/audit.hpp"
#include "narrative/narrative.hpp"

namespace jx::audit {

// Each stated amount, rate, score, weight and total that disagrees: relations
// report_vs_data, report_vs_checked and report_weight, all 确定.
std::vector<narrative::Finding> compare_with_data(const narrative::Result& report, const Audit& audit,
                                                  const data::Document& department);

}  // namespace jx::audit
