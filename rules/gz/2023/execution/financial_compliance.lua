-- 财务管理合规性 (financial compliance) — 2 points.
--
-- Formula (yes/no leaf): financial_compliance shows the finances were checked
-- (财务自查、审计): done with no issue → full marks; done = false (never checked) →
-- the whole weight; each issue found (e.g. 项目验收过程审核管理不到位) deducts
-- params.evidence_issue_points, until the weight is used up.
--
-- Missing data: financial_compliance absent → missing evidence (the rule set's
-- policy decides the points).

local evidence = require("evidence")

return evidence.yes_no({
  id = "MGMT.EXEC.FINANCIAL_COMPLIANCE",
  indicator = "管理效率/预算执行/财务管理合规性",
  title = "财务管理合规性",
  basis = "《中华人民共和国会计法》《行政事业单位内部控制规范（试行）》（财会〔2012〕21号）：资金使用和财务管理符合"
    .. "国家财经法规和财务管理制度；检查、审计发现的问题逐项扣分",
  field = "financial_compliance",
  what = "财务管理检查",
  not_done = "未开展财务管理合规性检查（财务自查/审计）",
  what_en = "financial management review",
  not_done_en = "no financial management compliance review (self-review or audit) carried out",
})
