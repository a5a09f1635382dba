-- bench/six-rules/procurement/contract_signing.lua with columnar reads.
return {
  id = "BENCH.CONTRACT_SIGNING",
  indicator = "采购管理/合同签订时效性",
  title = "合同签订时效性",
  check = function(dept, ctx)
    local limit = ctx.params.contract_signing_days
    local list = dept.procurements
    local awarded, signed = list:column("award_notice"), list:column("contract_signed")
    for i = 1, #list do
      if awarded[i] ~= nil and signed[i] ~= nil then
        local days = signed[i] - awarded[i]
        if days > limit then
          ctx:deduct(ctx.weight, {
            subject = list[i].id,
            message = ("合同签订逾期：%s 发出中标通知书，%s 签订合同，用时 %d 日（限 %d 日）"):format(
              tostring(awarded[i]), tostring(signed[i]), days, limit),
            evidence = { award_notice = awarded[i], contract_signed = signed[i], days = days },
          })
        end
      end
    end
  end,
}
