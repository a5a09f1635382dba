-- 固定资产利用率 (fixed-asset utilisation) — 2 points.
--
-- Formula: 固定资产利用率 = original value of the fixed assets in use / original value
-- of all fixed assets (在用固定资产原值 / 固定资产原值总额). At or above
-- params.fixed_asset_utilization_full it earns the whole weight; at or below
-- params.fixed_asset_utilization_zero it earns 0; in between the score falls in a
-- straight line, rounded half up to 0.01. The loss is one deduction.
--
-- Missing data: assets.fixed_asset_utilization absent → missing evidence. No fixed
-- assets at all (original value 0): nothing can lie idle, full marks.

local money = require("money")

return {
  id = "MGMT.ASSETS.UTILIZATION",
  indicator = "管理效率/资产管理/固定资产利用率",
  title = "固定资产利用率",
  basis = "固定资产利用率 = 在用固定资产原值 / 固定资产原值总额；《行政事业性国有资产管理条例》（国务院令第738号）："
    .. "提高资产使用效益，盘活闲置资产；达标阈值为本规则集参数",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local assets = dept.assets or {}
    local u = assets.fixed_asset_utilization
    if u == nil then
      ctx:missing("assets.fixed_asset_utilization", { subject = "", message = "未提供固定资产利用情况",
        message_en = "no fixed-asset utilisation given" })
      return
    end
    if u.original_value:is_zero() then return end

    local full_at = money.param(ctx, "fixed_asset_utilization_full")
    local zero_at = money.param(ctx, "fixed_asset_utilization_zero")
    local rate = u.in_use_value / u.original_value
    local score = ctx:round(money.linear_score(ctx.weight, rate, full_at, zero_at))
    if score < ctx.weight then
      ctx:deduct(ctx.weight - score, {
        subject = "",
        message = ("固定资产利用率 %s（在用 %s / 原值 %s），低于 %s（不高于 %s 不得分），得 %s 分"):format(
          rate:percent(2), money.show(dept, u.in_use_value), money.show(dept, u.original_value),
          full_at:percent(0), zero_at:percent(0), tostring(score)),
        message_en = ("fixed-asset utilisation %s (in use %s / original value %s), below %s (no points at or below %s): "
          .. "scores %s"):format(rate:percent(2), money.show_en(dept, u.in_use_value),
          money.show_en(dept, u.original_value), full_at:percent(0), zero_at:percent(0), tostring(score)),
        evidence = { in_use_value = u.in_use_value, original_value = u.original_value, idle_value = u.idle_value },
        at = u,
      })
    end
  end,
}
