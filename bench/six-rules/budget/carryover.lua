-- Carryover rate = (carryover + surplus at year end) / spent: full marks at or
-- below `carryover_rate_full`, none at or above `carryover_rate_zero`, a
-- straight line between.
return {
  id = "BENCH.CARRYOVER",
  indicator = "预算执行/结转结余率",
  title = "结转结余率",
  check = function(dept, ctx)
    local b = dept.budget
    if b.carryover_end == nil or b.surplus_end == nil or b.spent:is_zero() then return end
    local rate = (b.carryover_end + b.surplus_end) / b.spent
    local full, zero = dec(ctx.params.carryover_rate_full), dec(ctx.params.carryover_rate_zero)
    local score
    if rate <= full then
      score = ctx.weight
    elseif rate >= zero then
      score = dec(0)
    else
      score = ctx:round(ctx.weight * (zero - rate) / (zero - full))
    end
    if score < ctx.weight then
      ctx:deduct(ctx.weight - score, {
        subject = "",
        message = ("结转结余率 %s，得 %s 分"):format(rate:percent(2), tostring(score)),
        evidence = { carryover_end = b.carryover_end, surplus_end = b.surplus_end, spent = b.spent },
      })
    end
  end,
}
