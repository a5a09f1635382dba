-- 资产管理合规性 (asset management compliance) — 2 points.
--
-- Formula (yes/no leaf): assets.management_compliance shows use, lending, renting
-- and disposal went through the required approvals (使用、出租出借、处置按规定审批):
-- done with no issue → full marks; done = false → the whole weight. Each issue
-- found, and each disposal in assets.disposals that was not approved
-- (approved = false), deducts params.evidence_issue_points, until the weight is
-- used up.
--
-- Missing data: assets or assets.management_compliance absent → missing evidence
-- (unapproved disposals are still reported).

local money = require("money")
local evidence = require("evidence")

return {
  id = "MGMT.ASSETS.COMPLIANCE",
  indicator = "管理效率/资产管理/资产管理合规性",
  title = "资产管理合规性",
  basis = "《行政事业性国有资产管理条例》（国务院令第738号）：资产出租、出借、处置应当按照规定权限履行审批程序",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local assets = dept.assets or {}
    local pool = evidence.check(ctx, assets.management_compliance, {
      field = "assets.management_compliance",
      what = "资产管理检查",
      not_done = "资产使用、出租出借、处置未按规定审批（资产管理合规性未达要求）",
      what_en = "asset management review",
      not_done_en = "asset use, lending and disposal not approved as required (asset management compliance not met)",
    })
    if assets.management_compliance ~= nil and pool == nil then return end -- done = false: the whole weight is gone
    pool = pool or evidence.pool(ctx)
    local each = money.param(ctx, "evidence_issue_points")
    for _, d in ipairs(assets.disposals or {}) do
      if not d.approved then
        pool.deduct(each, {
          subject = d.description, -- disposals have no id of their own
          message = ("资产处置“%s”未按规定审批，扣 %s 分"):format(d.description, tostring(each)),
          message_en = ("asset disposal “%s” not approved as required: %s points deducted"):format(d.description,
            tostring(each)),
          evidence = { approved = false, date = d.date, original_value = d.original_value },
          at = d,
        })
      end
    end
  end,
}
