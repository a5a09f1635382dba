-- 绩效信息公开情况 (performance-information disclosure) — 2 points.
--
-- Formula (yes/no leaf with coverage): disclosures.performance shows the performance
-- targets / self-evaluation results were published (绩效目标、绩效自评结果公开).
-- done → full marks, less weight × (1 − coverage) when fewer projects were
-- published than should be (公开覆盖率 = items_covered / items_total, rounded half up
-- to 0.01), less params.evidence_issue_points per issue found; done = false → the
-- whole weight.
--
-- Missing data: disclosures.performance absent → missing evidence. items_total
-- absent or 0 → no coverage check.

local evidence = require("evidence")

return {
  id = "MGMT.DISCLOSURE.PERFORMANCE",
  indicator = "管理效率/信息公开/绩效信息公开情况",
  title = "绩效信息公开情况",
  basis = "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：重要绩效目标、绩效评价结果"
    .. "与预决算草案同步报送、随同预决算公开",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local disclosures = dept.disclosures or {}
    evidence.check_coverage(ctx, disclosures.performance, {
      field = "disclosures.performance",
      what = "绩效信息公开",
      not_done = "未公开绩效目标及绩效自评结果",
      coverage = "绩效信息公开覆盖率",
      what_en = "performance information disclosure",
      not_done_en = "performance targets and self-evaluation results not published",
      coverage_en = "performance information disclosure coverage",
    })
  end,
}
