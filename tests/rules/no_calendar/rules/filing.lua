-- Counts working days without asking whether the set has a calendar.
return {
  id = "TEST.FILING",
  indicator = "采购管理/合同备案时效性",
  title = "合同备案时效性",
  check = function(dept, ctx)
    local calendar = ctx.calendar
    for _, p in ipairs(dept.procurements) do
      if p.contract_signed and p.contract_filed then
        local used = calendar:working_days_between(p.contract_signed, p.contract_filed)
        if used > 7 then
          ctx:deduct(ctx.weight, { subject = p.id, message = "逾期" })
          return
        end
      end
    end
  end,
}
