-- 公用经费控制率 (public-funds control) — 2 points.
--
-- Formula: 公用经费控制率 = public funds actually spent / public funds budget
-- (公用经费实际支出数 / 公用经费预算数). At or below params.public_funds_rate_full
-- (100%: spending within the budget) it earns the whole weight; at or above
-- params.public_funds_rate_zero it earns 0; in between the score falls in a straight
-- line, rounded half up to 0.01. The loss is one deduction.
--
-- Missing data: public_funds absent → missing evidence. Budget 0: nothing spent is
-- full marks, anything spent is an unbounded overrun and scores 0.

local money = require("money")

return {
  id = "MGMT.COSTS.PUBLIC_FUNDS",
  indicator = "管理效率/运行成本/公用经费控制率",
  title = "公用经费控制率",
  basis = "公用经费控制率 = 公用经费实际支出数 / 公用经费预算数，不超预算得满分；《党政机关厉行节约反对浪费条例》："
    .. "严格控制一般性支出；超支扣分阈值为本规则集参数",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local pf = dept.public_funds
    if pf == nil then
      ctx:missing("public_funds", { subject = "", message = "未提供公用经费预算数和实际支出数",
        message_en = "no public-funds budget and spending given" })
      return
    end
    if pf.actual:is_zero() then return end

    local full_at = money.param(ctx, "public_funds_rate_full")
    local zero_at = money.param(ctx, "public_funds_rate_zero")
    local score, shown, shown_en
    if pf.budget:is_zero() then
      score, shown, shown_en = dec(0), "（预算为 0）", "(the budget is 0)"
    else
      local rate = pf.actual / pf.budget
      score, shown = ctx:round(money.linear_score(ctx.weight, rate, full_at, zero_at)), rate:percent(2)
      shown_en = shown
    end
    if score < ctx.weight then
      ctx:deduct(ctx.weight - score, {
        subject = "",
        message = ("公用经费控制率 %s（实际支出 %s / 预算 %s），超过 %s（达 %s 不得分），得 %s 分"):format(
          shown, money.show(dept, pf.actual), money.show(dept, pf.budget), full_at:percent(0), zero_at:percent(0),
          tostring(score)),
        message_en = ("public-funds control rate %s (spent %s / budget %s), above %s (no points at %s): scores %s"):format(
          shown_en, money.show_en(dept, pf.actual), money.show_en(dept, pf.budget), full_at:percent(0),
          zero_at:percent(0), tostring(score)),
        evidence = { budget = pf.budget, actual = pf.actual },
        at = pf,
      })
    end
  end,
}
