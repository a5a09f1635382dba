-- 效益指标完成情况 (benefit targets met) — 20 points.
--
-- Formula: the benefit targets (kind "benefit") of every project share the leaf's
-- weight in proportion to their own weights (which normally add up to 20). Each
-- target earns its share × its completion ratio, capped at 1:
--   ">=" 不低于 (e.g. satisfaction %): actual / planned   — met when actual ≥ planned
--   "<=" 不高于 (e.g. cost):            planned / actual   — met when actual ≤ planned
--   "="  等于:                         smaller / larger   — met when equal
-- A missed target loses share × (1 − ratio), rounded as the manifest says (half up
-- to 0.01), in a deduction naming the target. The ratio is 0 where it cannot be a
-- fraction: a missed "<=" whose planned value is ≤ 0 (e.g. "≤ 0 起 accidents",
-- actual 1), a missed ">=" whose planned or actual is ≤ 0, a missed "=" with a value
-- ≤ 0. A met target never divides, so "≤ 0, actual 0" is simply met.
-- Cross-year projects (跨年度项目) are scored against this year's planned value the
-- same way (seed 004: a cross-year project's timeliness target 75% met, weight 0.24,
-- loses 0.06 → 19.94); the finding says the project is cross-year.
--
-- Missing data: no benefit target at all → missing evidence (projects[].targets);
-- a target without an actual value → loses its whole share (not reported = not met).
-- If the targets' weights add up to 0, they share the leaf's weight equally; if they
-- add up to something other than the leaf's weight, a note says so and the shares
-- are scaled to it.
-- The scoring is lib/targets.lua, shared with the output-target rule (kind "output").

local targets = require("targets")

return {
  id = "PERF.TARGETS.BENEFIT",
  indicator = "履职效能/部门整体绩效目标/效益指标完成情况",
  title = "效益指标完成情况",
  basis = "《项目支出绩效评价管理办法》（财预〔2020〕10号）绩效自评：正向指标按 实际值/指标值×分值、"
    .. "反向指标按 指标值/实际值×分值 计分，完成即得满分；部门整体绩效目标效益指标按各指标分值合计 20 分",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    targets.score(dept, ctx, "benefit", "效益指标", "benefit target")
  end,
}
