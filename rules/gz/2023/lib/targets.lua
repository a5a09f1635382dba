-- Scoring of performance targets (绩效指标), shared by the output-target rule
-- (产出指标完成情况) and the benefit-target rule (效益指标完成情况): the two
-- leaves differ only in which targets they score. The formula is described at
-- the top of performance/output_targets.lua.

local M = {}

local DIRECTION = { [">="] = "不低于", ["<="] = "不高于", ["="] = "等于" }
local DIRECTION_EN = { [">="] = "at least", ["<="] = "at most", ["="] = "exactly" }

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

-- Scores the targets of `kind` ("output" or "benefit"), named `what` in messages
-- (`what_en` in English ones).
function M.score(dept, ctx, kind, what, what_en)
  local KIND, WHAT, WHAT_EN = kind, what, what_en
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
    ctx:missing("projects[].targets", { subject = "", message = ("未设置%s，无法评价完成情况"):format(WHAT),
      message_en = ("no %s set: completion cannot be assessed"):format(WHAT_EN) })
    return
  end

  if not weights:is_zero() and not weights:eq(ctx.weight) then
    ctx:note({ subject = "", message = ("%s分值合计 %s，不等于本指标分值 %s，按各指标分值占比折算"):format(WHAT,
      tostring(weights), tostring(ctx.weight)),
      message_en = ("the %s' weights add up to %s, not the indicator's weight %s: each is scaled by its share"):format(
        WHAT_EN, tostring(weights), tostring(ctx.weight)),
      evidence = { target_weights = weights } })
  end
  for _, item in ipairs(targets) do
    local t, p = item.target, item.project
    local share
    if weights:is_zero() then
      share = ctx.weight / #targets
    else
      share = ctx.weight * t.weight / weights
    end
    local loss, message, message_en
    if t.actual == nil then
      loss = share
      message = ("%s“%s”未填报实际完成值（目标%s %s）"):format(WHAT, t.name, DIRECTION[t.direction],
        show(t.planned, t.unit))
      message_en = ("%s “%s”: no actual value given (target %s %s)"):format(WHAT_EN, t.name,
        DIRECTION_EN[t.direction], show(t.planned, t.unit))
    else
      local ratio = completion(t)
      if ratio < 1 then
        loss = share * (1 - ratio)
        message = ("%s“%s”未完成：目标%s %s，实际 %s，完成比例 %s"):format(WHAT, t.name,
          DIRECTION[t.direction], show(t.planned, t.unit), show(t.actual, t.unit), ratio:percent(2))
        message_en = ("%s “%s” not met: target %s %s, actual %s, completion %s"):format(WHAT_EN, t.name,
          DIRECTION_EN[t.direction], show(t.planned, t.unit), show(t.actual, t.unit), ratio:percent(2))
      end
    end
    if loss ~= nil then
      if p.cross_year then
        message = message .. ("（跨年度项目“%s”，按本年度目标计分）"):format(p.name)
        message_en = message_en .. (" (multi-year project “%s”: scored against this year's target)"):format(p.name)
      end
      -- Rounded shares may add up to a little more than the weight: scoring
      -- keeps the leaf within it (扣完为止), not this loop.
      local points = ctx:round(loss)
      local info = {
        subject = t.id,
        message = message .. ("，扣 %s 分"):format(tostring(points)),
        message_en = message_en .. ("; %s points deducted"):format(tostring(points)),
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
end

return M
