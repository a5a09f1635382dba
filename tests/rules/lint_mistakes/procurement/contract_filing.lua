-- A copy of the filing rule with one mistake per marked line, for lint's tests.
return {
  id = "MGMT.PROC.CONTRACT_FILING",
  indicator = "管理效率/采购管理/合同备案时效性",
  title = "合同备案时效性（有错误的副本）",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    for _, p in ipairs(dept.procurements) do
      if p.contract_sign ~= nil and p.contract_filed ~= nil then -- misspelt field
        local limit = ctx.params.contract_filing_workdays -- misspelt parameter
        if ctx.calendar:working_days_between(p.contract_signed, p.contract_filed) > limit then
          ctx:deduct(ctx.weight / 3, { subject = p.id, message = "late" }) -- points not rounded
          return
        end
      end
    end
    local share = ctx.weight * 0.25 -- float literal
    return share
  end,
}
