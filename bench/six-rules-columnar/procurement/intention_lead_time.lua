-- bench/six-rules/procurement/intention_lead_time.lua with columnar reads.
return {
  id = "BENCH.INTENTION_LEAD_TIME",
  indicator = "采购管理/采购意向公开时限",
  title = "采购意向公开时限",
  check = function(dept, ctx)
    local lead = ctx.params.intention_lead_days
    local list = dept.procurements
    local scope, reason = list:column("intention_scope"), list:column("exemption_reason")
    local published, started = list:column("intention_published"), list:column("procurement_started")
    for i = 1, #list do
      if not (scope[i] == "exempt" and reason[i] ~= nil) and published[i] ~= nil and started[i] ~= nil then
        local days = started[i] - published[i]
        if days < lead then
          ctx:deduct(ctx.weight, {
            subject = list[i].id,
            message = ("采购意向公开不及时：%s 公开，%s 开始采购，提前 %d 日（应至少 %d 日）"):format(
              tostring(published[i]), tostring(started[i]), days, lead),
            evidence = { intention_published = published[i], procurement_started = started[i], days = days },
          })
        end
      end
    end
  end,
}
