-- Money and rate helpers shared by the rules of this set: reading decimal
-- parameters, converting amounts to 万元 (the unit of every money threshold in
-- the manifest), printing amounts with their unit, and the "full marks up to a
-- threshold, linear loss beyond it" score several indicators use.
-- 金额与比率工具：参数取值、金额换算为万元、带单位输出、线性计分。

local M = {}

-- A parameter from the manifest's [params] as an exact decimal. The manifest
-- writes fractions as strings ("0.05") so no binary float ever touches them;
-- integers may be plain TOML integers. A missing parameter is an error that names
-- it (the rule set is incomplete), never a silent default.
function M.param(ctx, name)
  local v = ctx.params[name]
  if v == nil then
    error(("manifest [params] has no \"%s\""):format(name), 2)
  end
  if type(v) == "string" or type(v) == "number" then
    return dec(v) -- dec() refuses a binary float with a clear error
  end
  return v -- already a dec
end

-- A number from the data or a parameter as a dec (integers may arrive as Lua
-- integers, decimals as dec).
function M.num(x)
  if type(x) == "number" then return dec(x) end
  return x
end

-- A whole number from the data or a parameter (a month, a count) as a Lua integer.
function M.int(x)
  if type(x) == "number" then return x end
  return x:to_int()
end

-- An amount in the data's money_unit, converted to 万元 (exact: 1 万元 = 10000 元).
function M.to_wan(dept, amount)
  if dept.money_unit == "万元" then return amount end
  return amount / 10000
end

-- An amount in 万元 converted to the data's money_unit (for comparing with data).
function M.from_wan(dept, amount_wan)
  if dept.money_unit == "万元" then return amount_wan end
  return amount_wan * 10000
end

-- "5000000.00 元" / "10590.2 万元": an amount as the data states it, with its unit.
function M.show(dept, amount)
  return ("%s %s"):format(tostring(amount), dept.money_unit)
end

-- The same in English reports: "10590.2 10k yuan" (元 → yuan, 万元 → 10k yuan).
local UNIT_EN = { ["元"] = "yuan", ["万元"] = "10k yuan" }
function M.unit_en(dept)
  return UNIT_EN[dept.money_unit] or dept.money_unit
end
function M.show_en(dept, amount)
  return ("%s %s"):format(tostring(amount), M.unit_en(dept))
end

-- Linear score between two thresholds. `rate` at or better than `full_at` earns
-- the whole weight, at or worse than `zero_at` earns 0, in between the weight
-- falls in a straight line. Works both ways: for a rate that should stay low
-- (结转结余率: full_at 0.10 < zero_at 0.30) and one that should be high
-- (固定资产利用率: full_at 0.90 > zero_at 0.60). Exact; the caller rounds.
function M.linear_score(weight, rate, full_at, zero_at)
  if full_at:eq(zero_at) then
    error("linear_score: full_at and zero_at are equal", 2)
  end
  local lower_is_better = full_at < zero_at
  if lower_is_better then
    if rate <= full_at then return weight end
    if rate >= zero_at then return weight * 0 end
  else
    if rate >= full_at then return weight end
    if rate <= zero_at then return weight * 0 end
  end
  return weight * (zero_at - rate) / (zero_at - full_at)
end

return M
