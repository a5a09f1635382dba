-- Contracts signed within `contract_signing_days` calendar days of the award notice.
return {
  id = "BENCH.CONTRACT_SIGNING",
  indicator = "采购管理/合同签订时效性",
  title = "合同签订时效性",
  check = function(dept, ctx)
    local limit = ctx.params.contract_signing_days
    for _, p in ipairs(dept.procurements) do
      local awarded, signed = p.award_notice, p.contract_signed
      if awarded ~= nil and signed ~= nil then
        local days = signed - awarded
        if days > limit then
          ctx:deduct(ctx.weight, {
            subject = p.id,
            message = ("合同签订逾期：%s 发出中标通知书，%s 签订合同，用时 %d 日（限 %d 日）"):format(
              tostring(awarded), tostring(signed), days, limit),
            evidence = { award_notice = awarded, contract_signed = signed, days = days },
          })
        end
      end
    end
  end,
}
