-- 部门预算资金支出率 (budget spending rate) — 10 points.
--
-- Formula, two parts:
--   1. rate = spent / adjusted budget (全年支出数 / 调整后预算数);
--      score = weight × min(1, rate), rounded as the manifest says (half up to 0.01):
--      seed 004, 99.85% → 10 × 0.998500… = 9.985 → 9.99. The loss is one deduction.
--   2. 序时进度: for each month listed in params.schedule_months, cumulative spending
--      at the end of that month must reach month/12 of the adjusted budget; each month
--      below it deducts params.schedule_deduction_per_month. December is not in the
--      2023 list: the year-end shortfall is what part 1 already scores.
-- The score never goes below 0: scoring keeps the leaf within its weight.
--
-- Missing data: adjusted budget 0 → the rate cannot be computed: missing evidence
-- (budget.adjusted) for the whole leaf. No monthly figures at all → part 1 is
-- scored as usual and only part 2 is missing evidence (budget.monthly), with at
-- most per-month deduction × listed months at stake (points_at_stake); a listed
-- month without a figure → missing evidence for that month, one month's
-- deduction at stake.
-- Spending above the budget is capped at 100% (no bonus).

local money = require("money")
local evidence = require("evidence")

return {
  id = "PERF.SPENDING_RATE",
  indicator = "履职效能/部门整体绩效目标/部门预算资金支出率",
  title = "部门预算资金支出率",
  basis = "部门预算资金支出率 = 全年支出数 / 调整后预算数（广州市部门整体支出绩效自评共性指标，seed 004：99.85% 得 9.99 分）；"
    .. "各月累计支出应达序时进度（月份/12），见《中华人民共和国预算法》关于按预算执行的规定",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local budget = dept.budget
    local pool = evidence.pool(ctx)

    if budget.adjusted:is_zero() then
      ctx:missing("budget.adjusted", { subject = "", message = "调整后预算数为 0，无法计算部门预算资金支出率",
        message_en = "the adjusted budget is 0: the budget spending rate cannot be computed" })
      return
    end
    local rate = budget.spent / budget.adjusted
    local score = ctx:round(ctx.weight * dec.min(dec(1), rate))
    if score < ctx.weight then
      pool.deduct(ctx.weight - score, {
        subject = "",
        message = ("部门预算资金支出率 %s（支出 %s / 调整后预算 %s），未达 100%%，得 %s 分"):format(
          rate:percent(2), money.show(dept, budget.spent), money.show(dept, budget.adjusted), tostring(score)),
        message_en = ("budget spending rate %s (spent %s / adjusted budget %s), below 100%%: scores %s"):format(
          rate:percent(2), money.show_en(dept, budget.spent), money.show_en(dept, budget.adjusted), tostring(score)),
        evidence = { spent = budget.spent, adjusted = budget.adjusted, rate = rate:round(4, "half_up") },
        at = budget,
      })
    end

    -- 序时进度: the part of the leaf that needs the monthly curve puts at most
    -- one deduction per listed month at stake; without the curve only that part
    -- is missing evidence (points_at_stake), the rate above is scored as it is.
    local per_month = money.param(ctx, "schedule_deduction_per_month")
    if budget.monthly == nil then
      local stake = per_month * #ctx.params.schedule_months
      ctx:missing("budget.monthly", {
        subject = "",
        message = ("未提供月度累计支出，无法核对序时进度（该部分至多 %s 分按佐证缺失处理，支出率部分照常计分）"):format(
          tostring(stake)),
        message_en = ("no monthly cumulative spending given: the spending schedule cannot be checked (at most %s "
          .. "points of it follow the missing-evidence policy; the spending rate is scored as usual)"):format(
          tostring(stake)),
        evidence = { points_at_stake = stake },
      })
      return
    end
    local by_month = {}
    for _, m in ipairs(budget.monthly) do by_month[money.int(m.month)] = m end
    for _, listed in ipairs(ctx.params.schedule_months) do
      local month = money.int(listed)
      local subject = ("%d-%02d"):format(ctx.fiscal_year, month)
      local m = by_month[month]
      if m == nil then
        ctx:missing(("budget.monthly[month=%d]"):format(month), {
          subject = subject,
          message = ("未提供 %d 月末累计支出，无法核对该月序时进度（该月至多 %s 分按佐证缺失处理）"):format(month,
            tostring(per_month)),
          message_en = ("no cumulative spending given for the end of month %d: the month's schedule cannot be "
            .. "checked (at most %s points follow the missing-evidence policy)"):format(month, tostring(per_month)),
          evidence = { points_at_stake = per_month },
        })
      else
        local due = budget.adjusted * month / 12
        if m.cumulative_spent < due then
          pool.deduct(per_month, {
            subject = subject,
            message = ("%d 月末累计支出 %s，低于序时进度 %s（调整后预算 × %d/12，完成 %s），扣 %s 分"):format(
              month, money.show(dept, m.cumulative_spent), money.show(dept, due:round(2, "half_up")), month,
              (m.cumulative_spent / due):percent(2), tostring(per_month)),
            message_en = ("cumulative spending at the end of month %d is %s, below the schedule %s (adjusted "
              .. "budget × %d/12, %s reached): %s points deducted"):format(
              month, money.show_en(dept, m.cumulative_spent), money.show_en(dept, due:round(2, "half_up")), month,
              (m.cumulative_spent / due):percent(2), tostring(per_month)),
            evidence = { cumulative_spent = m.cumulative_spent, schedule = due:round(2, "half_up"), month = month },
            at = m,
          })
        end
      end
    end
  end,
}
