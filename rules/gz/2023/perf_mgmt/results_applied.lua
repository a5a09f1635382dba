-- 绩效结果应用 (evaluation results applied) — 3 points.
--
-- Formula (yes/no leaf): performance_management.results_applied shows evaluation
-- results were used (评价结果与预算安排挂钩、问题整改): done with no issue → full
-- marks; done = false → the whole weight; each issue found deducts
-- params.evidence_issue_points, until the weight is used up.
--
-- Missing data: performance_management or its results_applied absent → missing
-- evidence.

local evidence = require("evidence")

return evidence.yes_no({
  id = "MGMT.PERF.RESULTS_APPLIED",
  indicator = "管理效率/绩效管理/绩效结果应用",
  title = "绩效结果应用",
  basis = "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：健全绩效评价结果反馈制度和"
    .. "绩效问题整改责任制，加强绩效评价结果应用，将评价结果与预算安排和政策调整挂钩",
  field = "performance_management.results_applied",
  what = "绩效评价结果应用",
  not_done = "未将绩效评价结果应用于预算安排或问题整改",
  what_en = "use of performance evaluation results",
  not_done_en = "performance evaluation results not used in budgeting or in correcting problems",
})
