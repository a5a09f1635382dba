-- bench/six-rules/procurement/contract_filing.lua with columnar reads and the
-- calendar's bulk count.
return {
  id = "BENCH.CONTRACT_FILING",
  indicator = "采购管理/合同备案时效性",
  title = "合同备案时效性",
  check = function(dept, ctx)
    local limit = ctx.params.contract_filing_working_days
    local list = dept.procurements
    local signed, filed = list:column("contract_signed"), list:column("contract_filed")
    local used = ctx.calendar:working_days_between_columns(signed, filed)
    for i = 1, used.n do
      if used[i] ~= nil and used[i] > limit then
        ctx:deduct(ctx.weight, {
          subject = list[i].id,
          message = ("合同备案逾期：%s 签订，%s 备案，为签订后第 %d 个工作日（限 %d 个工作日）"):format(
            tostring(signed[i]), tostring(filed[i]), used[i], limit),
          evidence = { contract_signed = signed[i], contract_filed = filed[i], working_days = used[i] },
        })
      end
    end
  end,
}
