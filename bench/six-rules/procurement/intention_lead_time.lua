-- Intentions published at least `intention_lead_days` calendar days before the
-- procurement started; exempt procurements with a reason are skipped. The first
-- late one takes the weight (all or nothing); the others are listed too.
return {
  id = "BENCH.INTENTION_LEAD_TIME",
  indicator = "采购管理/采购意向公开时限",
  title = "采购意向公开时限",
  check = function(dept, ctx)
    local lead = ctx.params.intention_lead_days
    for _, p in ipairs(dept.procurements) do
      if not (p.intention_scope == "exempt" and p.exemption_reason ~= nil) then
        local published, started = p.intention_published, p.procurement_started
        if published ~= nil and started ~= nil then
          local days = started - published
          if days < lead then
            ctx:deduct(ctx.weight, {
              subject = p.id,
              message = ("采购意向公开不及时：%s 公开，%s 开始采购，提前 %d 日（应至少 %d 日）"):format(
                tostring(published), tostring(started), days, lead),
              evidence = { intention_published = published, procurement_started = started, days = days },
            })
          end
        end
      end
    end
  end,
}
