-- 结转结余率 (carryover rate) — 2 points.
--
-- Formula: 结转结余率 = (year-end carryover + year-end surplus) / the year's spending
-- (本年结转结余资金总额 / 本年支出完成数). At or below params.carryover_rate_full it
-- earns the whole weight; at or above params.carryover_rate_zero it earns 0; in
-- between the score falls in a straight line, rounded half up to 0.01. The loss is
-- one deduction.
--
-- Missing data: year-end carryover or surplus absent → missing evidence. Spending 0:
-- with nothing carried over the rate is 0 (full marks), otherwise the rate is
-- unbounded and the leaf scores 0.

local money = require("money")

return {
  id = "MGMT.EXEC.CARRYOVER",
  indicator = "管理效率/预算执行/结转结余率",
  title = "结转结余率",
  basis = "结转结余率 = 本年结转结余资金总额 / 本年支出完成数；《国务院办公厅关于进一步做好盘活财政存量资金工作的通知》"
    .. "（国办发〔2014〕70号）要求控制结转结余规模；达标阈值为本规则集参数",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local b = dept.budget
    if b.carryover_end == nil or b.surplus_end == nil then
      local field = b.carryover_end == nil and "budget.carryover_end" or "budget.surplus_end"
      ctx:missing(field, { subject = "", message = "未提供年末结转、结余资金数，无法计算结转结余率",
        message_en = "no year-end carryover and surplus given: the carryover rate cannot be computed" })
      return
    end
    local held = b.carryover_end + b.surplus_end
    if held:is_zero() then return end

    local full_at = money.param(ctx, "carryover_rate_full")
    local zero_at = money.param(ctx, "carryover_rate_zero")
    local score, shown, shown_en
    if b.spent:is_zero() then
      score, shown, shown_en = dec(0), "（本年支出为 0）", "(no spending this year)"
    else
      local rate = held / b.spent
      score, shown = ctx:round(money.linear_score(ctx.weight, rate, full_at, zero_at)), rate:percent(2)
      shown_en = shown
    end
    if score < ctx.weight then
      ctx:deduct(ctx.weight - score, {
        subject = "",
        message = ("结转结余率 %s（年末结转 %s + 结余 %s，本年支出 %s），高于 %s（达 %s 不得分），得 %s 分"):format(
          shown, money.show(dept, b.carryover_end), money.show(dept, b.surplus_end), money.show(dept, b.spent),
          full_at:percent(0), zero_at:percent(0), tostring(score)),
        message_en = ("carryover rate %s (year-end carryover %s + surplus %s, spending %s), above %s (no points at %s): "
          .. "scores %s"):format(shown_en, money.show_en(dept, b.carryover_end), money.show_en(dept, b.surplus_end),
          money.show_en(dept, b.spent), full_at:percent(0), zero_at:percent(0), tostring(score)),
        evidence = { carryover_end = b.carryover_end, surplus_end = b.surplus_end, spent = b.spent },
        at = b,
      })
    end
  end,
}
