-- 采购内控制度建设 (internal procurement controls in place), weight 1.
--
-- Formula: full marks when internal_controls.procurement_rules says the rules are
-- adopted (done true) and lists no problems. done false → the whole weight.
-- Each problem listed in issues (e.g. 制度未覆盖采购需求管理) costs
-- `procurement_issue_deduction` points, until the weight is used up.
-- Missing data: internal_controls or its procurement_rules absent → missing
-- evidence (the 2023 policy scores the leaf 0); done true without a document
-- name is accepted (the document is supporting detail, not the evidence itself).
local proc = require("procurement")

return {
  id = "MGMT.PROC.INTERNAL_CONTROLS",
  indicator = "管理效率/采购管理/采购内控制度建设",
  title = "采购内控制度建设",
  basis = "《财政部关于加强政府采购活动内部控制管理的指导意见》（财库〔2016〕99号）：采购人应当建立健全政府采购内部控制制度",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    local controls = dept.internal_controls
    local rules = controls and controls.procurement_rules
    if rules == nil then
      ctx:missing("internal_controls.procurement_rules", {
        subject = "",
        message = "未提供政府采购内部控制制度的佐证（internal_controls.procurement_rules）",
        message_en = "no evidence of internal procurement controls given (internal_controls.procurement_rules)",
      })
      return
    end
    if not rules.done then
      ctx:deduct(ctx.weight, {
        subject = "",
        message = "未建立政府采购内部控制制度" .. (rules.note and ("（备注：" .. rules.note .. "）") or ""),
        message_en = "no internal procurement controls established" .. (rules.note and (" (note: " .. rules.note .. ")") or ""),
        evidence = { done = "false" },
        at = rules,
      })
      return
    end
    local each = ctx.params.procurement_issue_deduction
    local pool = proc.pool(ctx)
    for _, issue in ipairs(rules.issues or {}) do
      pool.deduct(each, {
        subject = "",
        message = "政府采购内部控制制度存在问题：" .. issue,
        message_en = "the internal procurement controls have a problem: " .. issue,
        evidence = { document = rules.document, issue = issue },
        at = rules,
      })
    end
  end,
}
