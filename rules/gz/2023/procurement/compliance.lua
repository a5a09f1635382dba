-- 采购活动合规性 (procurement compliance), weight 2.
--
-- Formula: each problem costs `procurement_issue_deduction` (1) point, until the
-- weight is used up (later problems are listed as notes). Problems, in this order:
--   1. the department's own compliance review (procurement_compliance) was not
--      carried out (done false) → the whole weight at once;
--   2. each item of procurement_compliance.issues (e.g. 文档归档不规范);
--   3. per procurement, in the order of the data: each item of compliance_issues,
--      then a contract published more than `contract_publication_working_days` (2)
--      working days after signing (合同公告, counted on the official calendar from
--      the day after signing; a publication dated before signing is not late).
-- Seeds 000 and the 市直机关工委 sample: one problem found → 1 point.
-- Missing data: procurement_compliance absent → missing evidence (the 2023 policy
-- scores the leaf 0); procurements absent → missing evidence; a signed contract
-- without contract_published → missing evidence for that date (whether and when
-- it was published cannot be checked). compliance_issues absent = none (schema).
local proc = require("procurement")

return {
  id = "MGMT.PROC.COMPLIANCE",
  indicator = "管理效率/采购管理/采购活动合规性",
  title = "采购活动合规性",
  basis = "《政府采购法》及《政府采购法实施条例》第五十条：采购人应当自政府采购合同签订之日起2个工作日内，将政府采购合同在指定媒体上公告",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local review = dept.procurement_compliance
    if review == nil then
      ctx:missing("procurement_compliance", {
        subject = "",
        message = "未提供政府采购活动合规性检查的佐证（procurement_compliance）",
        message_en = "no evidence of a compliance review of government procurement given (procurement_compliance)",
      })
      return
    end
    local list = proc.list(dept, ctx)
    if list == nil then
      return
    end
    -- The evidence pass reads each field once and keeps what the checks below
    -- need (see contract_filing.lua): the procurement, its issues and dates.
    local entry, issues_of, signed_on, published_on = {}, {}, {}, {}
    for i, p in ipairs(list) do
      local signed = p.contract_signed
      local published = nil
      if signed ~= nil then
        published = p.contract_published
        if published == nil then
          ctx:missing(proc.path(i, "contract_published"), {
            subject = p.id,
            message = ("采购项目“%s”已于 %s 签订合同，但未填报合同公告日期，无法核查合同公告时限"):format(
              p.name, tostring(signed)),
            message_en = ("procurement “%s”: contract signed on %s but no publication date given, so the publication "
              .. "deadline cannot be checked"):format(p.name, tostring(signed)),
            at = p,
          })
          return
        end
      end
      local issues = p.compliance_issues
      if issues ~= nil or signed ~= nil then
        local n = #entry + 1
        entry[n], issues_of[n], signed_on[n], published_on[n] = p, issues, signed, published
      end
    end

    local limit = ctx.params.contract_publication_working_days
    local each = ctx.params.procurement_issue_deduction
    local pool = proc.pool(ctx)

    if not review.done then
      pool.deduct(ctx.weight, {
        subject = "",
        message = "未开展政府采购活动合规性检查（自查）" .. (review.note and ("（备注：" .. review.note .. "）") or ""),
        message_en = "no compliance review (self-review) of government procurement carried out"
          .. (review.note and (" (note: " .. review.note .. ")") or ""),
        evidence = { done = "false" },
        at = review,
      })
    end
    for _, issue in ipairs(review.issues or {}) do
      pool.deduct(each, {
        subject = "",
        message = "政府采购合规检查发现问题：" .. issue,
        message_en = "the procurement compliance review found a problem: " .. issue,
        evidence = { document = review.document, issue = issue },
        at = review,
      })
    end

    local calendar = ctx.calendar
    for n, p in ipairs(entry) do
      local issues = issues_of[n]
      if issues ~= nil then
        for _, issue in ipairs(issues) do
          pool.deduct(each, {
            subject = p.id,
            message = ("采购项目“%s”存在合规问题：%s"):format(p.name, issue),
            message_en = ("procurement “%s” has a compliance problem: %s"):format(p.name, issue),
            evidence = { issue = issue },
            at = p,
          })
        end
      end
      local signed = signed_on[n]
      if signed ~= nil then
        local used = calendar:working_days_between(signed, published_on[n])
        if used > limit then
          pool.deduct(each, {
            subject = p.id,
            message = ("合同公告逾期：%s 签订，%s 公告，为签订后第 %d 个工作日（限 %s 个工作日）"):format(
              tostring(signed), tostring(published_on[n]), used, limit),
            message_en = ("contract published late: signed %s, published %s, working day %d after signing (limit %s "
              .. "working days)"):format(tostring(signed), tostring(published_on[n]), used, limit),
            evidence = {
              contract_signed = signed,
              contract_published = published_on[n],
              working_days = used,
            },
            at = p,
          })
        end
      end
    end
  end,
}
