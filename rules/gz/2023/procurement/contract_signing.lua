-- 采购合同签订时效性 (contracts signed in time), weight 3.
--
-- Formula: score = weight × (procurements whose contract was signed within
-- `contract_signing_days` (30) calendar days of the award notice ÷ procurements
-- with an award notice), rounded as the manifest says (half up to 0.01).
-- On time: contract_signed − award_notice ≤ 30 (exactly 30 is on time; a contract
-- dated before its award notice is not late). Each late contract is listed as a
-- note, then one score finding gives the share.
-- Procurements without an award notice (协议供货, 定点采购 … or not yet awarded)
-- are not counted. No procurement with an award notice → full marks with a note.
-- Missing data: procurements absent → missing evidence; an award notice without a
-- contract_signed date → missing evidence (the self-evaluation is written after the
-- year ends, so every 30-day window has closed and the date should be known).
local proc = require("procurement")

return {
  id = "MGMT.PROC.CONTRACT_SIGNING",
  indicator = "管理效率/采购管理/采购合同签订时效性",
  title = "采购合同签订时效性",
  basis = "《政府采购法》第四十六条：采购人与中标、成交供应商应当在中标、成交通知书发出之日起三十日内签订政府采购合同",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local list = proc.list(dept, ctx)
    if list == nil then
      return
    end
    -- The evidence pass reads each field once and keeps the dates (see
    -- contract_filing.lua); the check runs over the kept dates.
    local notice_on, signed_on, awarded = {}, {}, {}
    for i, p in ipairs(list) do
      local notice = p.award_notice
      if notice ~= nil then
        local signed = p.contract_signed
        if signed == nil then
          ctx:missing(proc.path(i, "contract_signed"), {
            subject = p.id,
            message = ("采购项目“%s”已于 %s 发出中标/成交通知书，但未填报合同签订日期"):format(
              p.name, tostring(notice)),
            message_en = ("procurement “%s”: award notice sent on %s but no contract signing date given"):format(
              p.name, tostring(notice)),
            at = p,
          })
          return
        end
        local n = #awarded + 1
        notice_on[n], signed_on[n], awarded[n] = notice, signed, p
      end
    end

    local limit = ctx.params.contract_signing_days
    local total, on_time = #awarded, 0
    for n, p in ipairs(awarded) do
      local days = signed_on[n] - notice_on[n]
      if days <= limit then
        on_time = on_time + 1
      else
        ctx:note({
          subject = p.id,
          message = ("合同签订逾期：%s 发出中标/成交通知书，%s 签订合同，相隔 %d 日（限 %s 日）"):format(
            tostring(notice_on[n]), tostring(signed_on[n]), days, limit),
          message_en = ("contract signed late: award notice %s, contract signed %s, %d days apart (limit %s days)"):format(
            tostring(notice_on[n]), tostring(signed_on[n]), days, limit),
          evidence = { award_notice = notice_on[n], contract_signed = signed_on[n], days = days },
          at = p,
        })
      end
    end

    if total == 0 then
      ctx:note({ subject = "", message = "本年度无发出中标/成交通知书的采购项目，本指标不扣分",
        message_en = "no award notice sent this year: nothing to deduct" })
      return
    end
    if on_time < total then
      local share = dec(on_time) / total
      local score = ctx:round(ctx.weight * share)
      ctx:score(score, {
        subject = "",
        message = ("按时签订合同 %d 项，共 %d 项，按时率 %s，得分 %s × %d / %d = %s"):format(
          on_time, total, share:percent(2), tostring(ctx.weight), on_time, total, tostring(score)),
        message_en = ("%d of %d contracts signed in time, %s: score %s × %d / %d = %s"):format(
          on_time, total, share:percent(2), tostring(ctx.weight), on_time, total, tostring(score)),
        evidence = { on_time = on_time, total = total, share = share:percent(2) },
      })
    end
  end,
}
