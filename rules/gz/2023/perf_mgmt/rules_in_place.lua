-- 绩效管理制度建设 (performance-management rules in place) — 5 points.
--
-- Formula (yes/no leaf): performance_management.rules shows the department adopted
-- its own budget performance-management rules (预算绩效管理制度/办法印发): done with
-- no issue → full marks; done = false → the whole weight; each issue found deducts
-- params.evidence_issue_points, until the weight is used up.
--
-- Missing data: performance_management or its rules absent → missing evidence.

local evidence = require("evidence")

return evidence.yes_no({
  id = "MGMT.PERF.RULES",
  indicator = "管理效率/绩效管理/绩效管理制度建设",
  title = "绩效管理制度建设",
  basis = "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：各部门各单位是预算绩效管理的"
    .. "责任主体，应健全预算绩效管理制度",
  field = "performance_management.rules",
  what = "预算绩效管理制度",
  not_done = "未建立（印发）本部门预算绩效管理制度",
  what_en = "budget performance management rules",
  not_done_en = "no budget performance management rules of the department established (issued)",
})
