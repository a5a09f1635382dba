-- Contracts filed within `contract_filing_working_days` working days of signing,
-- on the official calendar (weekends, statutory holidays, 调休 working weekends).
return {
  id = "BENCH.CONTRACT_FILING",
  indicator = "采购管理/合同备案时效性",
  title = "合同备案时效性",
  check = function(dept, ctx)
    local limit = ctx.params.contract_filing_working_days
    local calendar = ctx.calendar
    for _, p in ipairs(dept.procurements) do
      local signed, filed = p.contract_signed, p.contract_filed
      if signed ~= nil and filed ~= nil then
        local used = calendar:working_days_between(signed, filed)
        if used > limit then
          ctx:deduct(ctx.weight, {
            subject = p.id,
            message = ("合同备案逾期：%s 签订，%s 备案，为签订后第 %d 个工作日（限 %d 个工作日）"):format(
              tostring(signed), tostring(filed), used, limit),
            evidence = { contract_signed = signed, contract_filed = filed, working_days = used },
          })
        end
      end
    end
  end,
}
