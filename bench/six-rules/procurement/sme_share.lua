-- SME share: of the budgets of procurements suitable for SMEs, at least
-- `sme_reserve_ratio` reserved for them; the score is the weight times the
-- share reached (reserved / (ratio × budget), at most 1), rounded half up.
return {
  id = "BENCH.SME_SHARE",
  indicator = "采购管理/采购政策效能",
  title = "采购政策效能",
  check = function(dept, ctx)
    local budget, reserved = dec(0), dec(0)
    for _, p in ipairs(dept.procurements) do
      if p.sme_suitable and p.sme_reserved ~= nil then
        budget = budget + p.budget
        reserved = reserved + p.sme_reserved
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
