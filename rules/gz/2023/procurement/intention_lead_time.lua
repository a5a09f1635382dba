-- 采购意向公开时限 (procurement intention published in time), weight 1.5.
--
-- Formula: full marks when every procurement that must publish an intention
-- published it at least `intention_lead_days` (30) calendar days before the
-- procurement started (采购公告 date): procurement_started − intention_published ≥ 30.
-- Exactly 30 days is on time. Otherwise 0 — the first late one takes the whole
-- weight, further ones are listed as notes.
-- Exemptions as in 采购意向公开合规性: "exempt" with a reason is skipped.
-- A procurement with no intention at all counts as late here too: otherwise a
-- department that never publishes would lose less than one that publishes late.
-- Missing data: no procurements list → missing evidence; an empty list → full marks
-- with a note; an intention but no procurement_started while a later step (award
-- notice, contract) is recorded → missing evidence for that date; no
-- procurement_started and no later step → not started yet, not judged.
local proc = require("procurement")

return {
  id = "MGMT.PROC.INTENTION_LEAD_TIME",
  indicator = "管理效率/采购管理/采购意向公开时限",
  title = "采购意向公开时限",
  basis = "《财政部关于开展政府采购意向公开工作的通知》（财库〔2020〕10号）：采购意向公开时间原则上不得晚于采购活动开始前30日",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local list = proc.list(dept, ctx)
    if list == nil then
      return
    end
    if #list == 0 then
      ctx:note({ subject = "", message = "本年度无政府采购项目，本指标不扣分",
        message_en = "no government procurement this year: nothing to deduct" })
      return
    end
    local lead = ctx.params.intention_lead_days

    -- Evidence first: a start date we need but do not have makes the leaf
    -- unjudgeable. The pass reads each field once and keeps what the check
    -- needs (see contract_filing.lua).
    local entry, remark_of, remark_en_of, published_on, started_on = {}, {}, {}, {}, {}
    for i, p in ipairs(list) do
      local needed, remark, remark_en = proc.needs_intention(p)
      if needed then
        local published, started = p.intention_published, p.procurement_started
        if published ~= nil and started == nil and (p.award_notice ~= nil or p.contract_signed ~= nil) then
          ctx:missing(proc.path(i, "procurement_started"), {
            subject = p.id,
            message = ("采购项目“%s”已发出中标/成交通知书或签订合同，但未填报采购活动开始日期（采购公告日期），无法核查意向公开时限"):format(p.name),
            message_en = ("procurement “%s”: award notice sent or contract signed, but no procurement start date "
              .. "(announcement date) given, so the intention's lead time cannot be checked"):format(p.name),
            at = p,
          })
          return
        end
        local n = #entry + 1
        entry[n], remark_of[n], remark_en_of[n], published_on[n], started_on[n] = p, remark, remark_en, published, started
      end
    end

    local pool = proc.pool(ctx) -- all or nothing: the first late one takes the whole weight
    for n, p in ipairs(entry) do
      local remark, published, started = remark_of[n], published_on[n], started_on[n]
      local suffix = remark and ("（" .. remark .. "）") or ""
      local suffix_en = remark_en_of[n] and (" (" .. remark_en_of[n] .. ")") or ""
      if published == nil then
        pool.deduct(ctx.weight, {
          subject = p.id,
          message = ("采购项目“%s”未公开采购意向，不满足采购活动开始前 %s 日公开的要求%s"):format(p.name, lead, suffix),
          message_en = ("procurement “%s” published no intention, against the rule of %s days before the procurement "
            .. "starts%s"):format(p.name, lead, suffix_en),
          evidence = { intention_scope = p.intention_scope, procurement_started = started },
          at = p,
        })
      elseif started ~= nil then
        local days = started - published
        if days < lead then
          local gap = days >= 0 and ("仅提前 %d 日"):format(days) or ("采购开始后 %d 日才公开"):format(-days)
          local gap_en = days >= 0 and ("only %d days ahead"):format(days)
            or ("published %d days after the procurement started"):format(-days)
          pool.deduct(ctx.weight, {
            subject = p.id,
            message = ("采购意向公开不及时：%s 公开意向，%s 开始采购，%s（应至少提前 %s 日）%s"):format(
              tostring(published), tostring(started), gap, lead, suffix),
            message_en = ("procurement intention published late: intention %s, procurement started %s, %s (at least %s "
              .. "days ahead required)%s"):format(tostring(published), tostring(started), gap_en, lead, suffix_en),
            evidence = {
              intention_published = published,
              procurement_started = started,
              days = days,
            },
            at = p,
          })
        end
      end
    end
  end,
}
