-- bench/six-rules/procurement/sme_share.lua with columnar reads.
return {
  id = "BENCH.SME_SHARE",
  indicator = "采购管理/采购政策效能",
  title = "采购政策效能",
  check = function(dept, ctx)
    local list = dept.procurements
    local suitable, reserved_of, budget_of =
      list:column("sme_suitable"), list:column("sme_reserved"), list:column("budget")
    local budget, reserved = dec(0), dec(0)
    for i = 1, #list do
      if suitable[i] and reserved_of[i] ~= nil then
        budget = budget + budget_of[i]
        reserved = reserved + reserved_of[i]
      end
    end
    if budget:is_zero() then return end
    local due = budget * dec(ctx.params.sme_reserve_ratio)
    if reserved < due then
      local score = ctx:round(ctx.weight * reserved / due)
      ctx:deduct(ctx.weight - score, {
        subject = "",
        message = ("预留中小企业份额 %s，低于 %s（应预留 %s）"):format(
          (reserved / budget):percent(2), dec(ctx.params.sme_reserve_ratio):percent(0), tostring(due)),
        evidence = { sme_reserved = reserved, budget = budget },
      })
    end
  end,
}
