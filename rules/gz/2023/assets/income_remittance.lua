-- 资产收益上缴的及时性 (asset income remitted in time) — 1 point.
--
-- Formula: each income from state assets (出租、出借、处置收入) in
-- assets.income_remittances must be remitted to the treasury in full by its due
-- date. An item remitted after its due date, remitted short (remitted_amount <
-- amount), or not remitted although due within the fiscal year, loses
-- weight ÷ number of items (rounded half up to 0.01; deductions stop at the weight).
-- An item not yet remitted whose due date falls after the fiscal year is not late.
-- No asset income this year (an empty list): full marks.
--
-- Missing data: assets.income_remittances absent → missing evidence (the data
-- format distinguishes "empty" = no income from "absent" = not stated).
-- remitted_amount absent on a remitted item counts as remitted in full.

local money = require("money")
local evidence = require("evidence")

return {
  id = "MGMT.ASSETS.INCOME_REMITTANCE",
  indicator = "管理效率/资产管理/资产收益上缴的及时性",
  title = "资产收益上缴的及时性",
  basis = "《行政事业性国有资产管理条例》（国务院令第738号）：行政单位国有资产出租、出借和处置等收入，"
    .. "应当按照政府非税收入和国库集中收缴制度的有关规定及时足额上缴国库",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local assets = dept.assets or {}
    local items = assets.income_remittances
    if items == nil then
      ctx:missing("assets.income_remittances", { subject = "", message = "未提供资产收益上缴情况",
        message_en = "no remittance of asset income given" })
      return
    end
    if #items == 0 then return end

    local each = evidence.share(ctx, ctx.weight, #items)
    local pool = evidence.pool(ctx)
    for _, r in ipairs(items) do
      local problem, problem_en
      if r.remitted_date == nil then
        if r.due_date:year() <= ctx.fiscal_year then
          problem = ("应于 %s 前上缴，至年末未上缴"):format(tostring(r.due_date))
          problem_en = ("due by %s, not remitted by the year's end"):format(tostring(r.due_date))
        end
      elseif r.remitted_date > r.due_date then
        problem = ("应于 %s 前上缴，%s 才上缴（逾期 %d 日）"):format(tostring(r.due_date), tostring(r.remitted_date),
          r.remitted_date - r.due_date)
        problem_en = ("due by %s, remitted only on %s (%d days late)"):format(tostring(r.due_date),
          tostring(r.remitted_date), r.remitted_date - r.due_date)
      elseif r.remitted_amount ~= nil and r.remitted_amount < r.amount then
        problem = ("应缴 %s，仅上缴 %s"):format(money.show(dept, r.amount), money.show(dept, r.remitted_amount))
        problem_en = ("%s due, only %s remitted"):format(money.show_en(dept, r.amount),
          money.show_en(dept, r.remitted_amount))
      end
      if problem then
        pool.deduct(each, {
          subject = r.id,
          message = ("资产收益“%s”%s，扣 %s 分"):format(r.description, problem, tostring(each)),
          message_en = ("asset income “%s”: %s; %s points deducted"):format(r.description, problem_en, tostring(each)),
          evidence = { amount = r.amount, due_date = r.due_date, remitted_date = r.remitted_date,
                       remitted_amount = r.remitted_amount },
          at = r,
        })
      end
    end
  end,
}
