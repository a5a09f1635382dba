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
-- (The output-target rule, output_targets.lua, is the same with kind "output".)

local KIND, WHAT = "benefit", "效益指标"

local DIRECTION = { [">="] = "不低于", ["<="] = "不高于", ["="] = "等于" }

-- "75%" for a percentage, "493 万页" otherwise.
local function show(value, unit)
  if unit == "%" then return tostring(value) .. "%" end
  return tostring(value) .. " " .. unit
end

-- Completion ratio of one target, 0..1 (exact).
local function completion(t)
  local planned, actual = t.planned, t.actual
  if t.direction == ">=" then
    if actual >= planned then return dec(1) end
    if planned <= 0 or actual <= 0 then return dec(0) end
    return actual / planned
  elseif t.direction == "<=" then
    if actual <= planned then return dec(1) end
    if planned <= 0 then return dec(0) end
    return planned / actual
  else
    if actual:eq(planned) then return dec(1) end
    if planned <= 0 or actual <= 0 then return dec(0) end
    return dec.min(actual, planned) / dec.max(actual, planned)
  end
end

return {
  id = "PERF.TARGETS.BENEFIT",
  indicator = "履职效能/部门整体绩效目标/效益指标完成情况",
  title = "效益指标完成情况",
  basis = "《项目支出绩效评价管理办法》（财预〔2020〕10号）绩效自评：正向指标按 实际值/指标值×分值、"
    .. "反向指标按 指标值/实际值×分值 计分，完成即得满分；部门整体绩效目标效益指标按各指标分值合计 20 分",

  check = function(dept, ctx)
    local targets, weights = {}, dec(0)
    for _, p in ipairs(dept.projects or {}) do
      for _, t in ipairs(p.targets or {}) do
        if t.kind == KIND then
          targets[#targets + 1] = { target = t, project = p }
          weights = weights + t.weight
        end
      end
    end
    if #targets == 0 then
      ctx:missing("projects[].targets", { subject = "", message = ("未设置%s，无法评价完成情况"):format(WHAT) })
      return
    end

    if not weights:is_zero() and not weights:eq(ctx.weight) then
      ctx:note({ subject = "", message = ("%s分值合计 %s，不等于本指标分值 %s，按各指标分值占比折算"):format(WHAT,
        tostring(weights), tostring(ctx.weight)), evidence = { target_weights = weights } })
    end
    local left = ctx.weight
    for _, item in ipairs(targets) do
      local t, p = item.target, item.project
      local share
      if weights:is_zero() then
        share = ctx.weight / #targets
      else
        share = ctx.weight * t.weight / weights
      end
      local loss, message
      if t.actual == nil then
        loss = share
        message = ("%s“%s”未填报实际完成值（目标%s %s）"):format(WHAT, t.name, DIRECTION[t.direction],
          show(t.planned, t.unit))
      else
        local ratio = completion(t)
        if ratio < 1 then
          loss = share * (1 - ratio)
          message = ("%s“%s”未完成：目标%s %s，实际 %s，完成比例 %s"):format(WHAT, t.name,
            DIRECTION[t.direction], show(t.planned, t.unit), show(t.actual, t.unit), ratio:percent(2))
        end
      end
      if loss ~= nil then
        if p.cross_year then
          message = message .. ("（跨年度项目“%s”，按本年度目标计分）"):format(p.name)
        end
        local points = dec.min(ctx:round(loss), left)
        left = left - points
        local info = {
          subject = t.id,
          message = message .. ("，扣 %s 分"):format(tostring(points)),
          evidence = { project = p.id, planned = t.planned, actual = t.actual, direction = t.direction,
                       target_weight = t.weight, share = ctx:round(share) },
          at = t,
        }
        if points:is_zero() then
          ctx:note(info) -- the loss rounds to 0.00: reported, not deducted
        else
          ctx:deduct(points, info)
        end
      end
    end
  end,
}
