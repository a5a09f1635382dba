-- Spending rate = spent / adjusted budget, scored weight × min(1, rate); and
-- 序时进度: the cumulative spending at the end of each listed month must reach
-- month/12 of the adjusted budget, each month behind costing a fixed deduction.
return {
  id = "BENCH.SPENDING_RATE",
  indicator = "预算执行/部门预算资金支出率",
  title = "部门预算资金支出率",
  check = function(dept, ctx)
    local budget = dept.budget
    local adjusted = budget.adjusted
    if adjusted:is_zero() then return end
    local rate = budget.spent / adjusted
    local score = ctx:round(ctx.weight * dec.min(dec(1), rate))
    local lost = ctx.weight - score
    if lost > 0 then
      ctx:deduct(lost, {
        subject = "",
        message = ("部门预算资金支出率 %s，得 %s 分"):format(rate:percent(2), tostring(score)),
        evidence = { spent = budget.spent, adjusted = adjusted },
      })
    end
    local per_month = dec(ctx.params.schedule_deduction_per_month)
    local listed = {}
    for _, month in ipairs(ctx.params.schedule_months) do listed[month] = true end
    for _, m in ipairs(budget.monthly or {}) do
      local month = m.month:to_int()
      local due = adjusted * month / 12
      if listed[month] and m.cumulative_spent < due and lost + per_month <= ctx.weight then
        lost = lost + per_month
        ctx:deduct(per_month, {
          subject = ("%d 月"):format(month),
          message = ("%d 月末累计支出 %s，未达序时进度 %s"):format(month, tostring(m.cumulative_spent),
            tostring(due:round(2, "half_up"))),
          evidence = { cumulative_spent = m.cumulative_spent, month = month },
        })
      end
    end
  end,
}
