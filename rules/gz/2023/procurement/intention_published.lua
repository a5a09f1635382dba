-- 采购意向公开合规性 (procurement intention published), weight 0.5.
--
-- Formula: full marks when every procurement that must publish an intention
-- (intention_scope "in_scope") did publish one; otherwise 0 — the first one
-- without an intention takes the whole weight, any further ones are listed as notes.
-- Exemptions: intention_scope "exempt" with an exemption_reason (协议供货, 定点采购,
-- 批量集中采购 …) needs no intention; "exempt" without a reason is treated as in scope.
-- Missing data: no procurements list at all → missing evidence (the leaf scores 0
-- under the 2023 policy); an empty list → full marks with a note. An absent
-- intention_published means "not published" (schema), so it is a deduction, not
-- missing evidence. Whether it was published in time is 采购意向公开时限's job.
local proc = require("procurement")

return {
  id = "MGMT.PROC.INTENTION_PUBLISHED",
  indicator = "管理效率/采购管理/采购意向公开合规性",
  title = "采购意向公开合规性",
  basis = "《财政部关于开展政府采购意向公开工作的通知》（财库〔2020〕10号）：采购单位应当公开采购意向",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local list = proc.list(dept, ctx)
    if list == nil then
      return
    end
    if #list == 0 then
      ctx:note({ subject = "", message = "本年度无政府采购项目，本指标不扣分",
        message_en = "no government procurement this year: nothing to deduct" })
      return
    end
    local pool = proc.pool(ctx)
    for _, p in ipairs(list) do
      local needed, remark, remark_en = proc.needs_intention(p)
      if needed and p.intention_published == nil then
        local message = ("采购项目“%s”应公开采购意向但未公开"):format(p.name)
        local message_en = ("procurement “%s” should have published its intention but did not"):format(p.name)
        if remark then
          message = message .. "（" .. remark .. "）"
          message_en = message_en .. " (" .. remark_en .. ")"
        end
        pool.deduct(ctx.weight, { -- all or nothing: the first takes the whole weight
          subject = p.id,
          message = message,
          message_en = message_en,
          evidence = { intention_scope = p.intention_scope, method = p.method },
          at = p,
        })
      end
    end
  end,
}
