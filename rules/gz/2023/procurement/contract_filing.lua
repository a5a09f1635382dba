-- 合同备案时效性 (contracts filed in time), weight 1.
--
-- Formula: all or nothing, as seed 004 (市档案馆 2023: 合同备案存在逾期 → 0 / 1).
-- A contract is filed in time when it is filed within `contract_filing_working_days`
-- (7) working days of signing, counted on the official calendar from the day after
-- signing (weekends and statutory holidays skipped, 调休 working weekends counted):
-- the 7th working day is on time, the 8th is late. The first late contract takes
-- the whole weight; further late ones are listed as notes. A filing dated before
-- signing is not late.
-- Missing data: procurements absent → missing evidence; a signed contract without
-- contract_filed → missing evidence (the 2023 policy scores the leaf 0); an empty
-- list or no signed contract → full marks with a note.
local proc = require("procurement")

return {
  id = "MGMT.PROC.CONTRACT_FILING",
  indicator = "管理效率/采购管理/合同备案时效性",
  title = "合同备案时效性",
  basis = "《政府采购法》第四十七条：政府采购项目的采购合同自签订之日起七个工作日内，采购人应当将合同副本报同级政府采购监督管理部门和有关部门备案",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local list = proc.list(dept, ctx)
    if list == nil then
      return
    end
    -- The evidence pass reads each field once and keeps the dates: a missing
    -- filing date stops the rule before any deduction, as it must, and the
    -- check below runs over the kept dates instead of reading the list again.
    local signed_on, filed_on, contract = {}, {}, {}
    for i, p in ipairs(list) do
      local signed = p.contract_signed
      if signed ~= nil then
        local filed = p.contract_filed
        if filed == nil then
          ctx:missing(proc.path(i, "contract_filed"), {
            subject = p.id,
            message = ("采购项目“%s”已于 %s 签订合同，但未填报合同备案日期"):format(p.name, tostring(signed)),
            message_en = ("procurement “%s”: contract signed on %s but no filing date given"):format(p.name,
              tostring(signed)),
            at = p,
          })
          return
        end
        local n = #contract + 1
        signed_on[n], filed_on[n], contract[n] = signed, filed, p
      end
    end
    if #contract == 0 then
      ctx:note({ subject = "", message = "本年度无已签订合同的采购项目，本指标不扣分",
        message_en = "no procurement contract signed this year: nothing to deduct" })
      return
    end

    local limit = ctx.params.contract_filing_working_days
    local calendar = ctx.calendar
    local pool = proc.pool(ctx) -- all or nothing: the first late one takes the whole weight
    for n, p in ipairs(contract) do
      local used = calendar:working_days_between(signed_on[n], filed_on[n])
      if used > limit then
        pool.deduct(ctx.weight, {
          subject = p.id,
          message = ("合同备案逾期：%s 签订，%s 备案，为签订后第 %d 个工作日（限 %s 个工作日）"):format(
            tostring(signed_on[n]), tostring(filed_on[n]), used, limit),
          message_en = ("contract filed late: signed %s, filed %s, working day %d after signing (limit %s working "
            .. "days)"):format(tostring(signed_on[n]), tostring(filed_on[n]), used, limit),
          evidence = { contract_signed = signed_on[n], contract_filed = filed_on[n], working_days = used },
          at = p,
        })
      end
    end
  end,
}
