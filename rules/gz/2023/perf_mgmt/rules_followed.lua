-- 绩效管理制度执行 (performance-management rules followed) — 7 points.
--
-- Formula: three parts of the performance-management cycle, each worth the points
-- the manifest gives (params.perf_execution_*_points, which must add up to the
-- leaf's weight):
--   target_setting 绩效目标申报  — targets declared for the projects; a coverage
--                                 below 100% (items_covered / items_total) loses
--                                 part × (1 − coverage), rounded half up to 0.01;
--   monitoring     绩效运行监控  — mid-year / annual monitoring carried out;
--   evaluation     绩效评价开展  — self-evaluation / evaluations carried out.
-- Each part: done = false → the part's points; each issue found deducts
-- params.evidence_issue_points within the part's points.
--
-- Missing data: a part's evidence absent → missing evidence for that part (the rule
-- set's policy decides the points; under "deduct_weight" the leaf scores 0).

local money = require("money")
local evidence = require("evidence")

local PARTS = {
  { key = "target_setting", what = "绩效目标申报", not_done = "未按要求申报项目绩效目标",
    coverage = "绩效目标申报覆盖率", what_en = "performance target setting",
    not_done_en = "project performance targets not set as required", coverage_en = "performance target coverage" },
  { key = "monitoring", what = "绩效运行监控", not_done = "未开展绩效运行监控", what_en = "performance monitoring",
    not_done_en = "no performance monitoring carried out" },
  { key = "evaluation", what = "绩效评价", not_done = "未开展绩效自评/绩效评价", what_en = "performance evaluation",
    not_done_en = "no performance self-evaluation or evaluation carried out" },
}

return {
  id = "MGMT.PERF.RULES_FOLLOWED",
  indicator = "管理效率/绩效管理/绩效管理制度执行",
  title = "绩效管理制度执行",
  basis = "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：绩效目标管理、绩效运行监控、"
    .. "绩效评价全过程实施；《项目支出绩效评价管理办法》（财预〔2020〕10号）：单位自评全覆盖",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local points, sum = {}, dec(0)
    for _, part in ipairs(PARTS) do
      points[part.key] = money.param(ctx, "perf_execution_" .. part.key .. "_points")
      sum = sum + points[part.key]
    end
    if not sum:eq(ctx.weight) then
      error(("params perf_execution_*_points add up to %s, not the indicator's weight %s"):format(
        tostring(sum), tostring(ctx.weight)))
    end

    local pm = dept.performance_management or {}
    for _, part in ipairs(PARTS) do
      local opts = {
        field = "performance_management." .. part.key,
        subject = part.key,
        what = part.what,
        not_done = ("%s（本项 %s 分）"):format(part.not_done, tostring(points[part.key])),
        coverage = part.coverage,
        what_en = part.what_en,
        not_done_en = ("%s (this part: %s points)"):format(part.not_done_en, tostring(points[part.key])),
        coverage_en = part.coverage_en,
        points = points[part.key],
      }
      if part.coverage then
        evidence.check_coverage(ctx, pm[part.key], opts)
      else
        evidence.check(ctx, pm[part.key], opts)
      end
    end
  end,
}
