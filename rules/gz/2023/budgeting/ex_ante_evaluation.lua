-- 新增预算项目事前绩效评估 (ex-ante evaluation of new projects) — 3 points.
--
-- Formula: every new project (is_new = true, 新增预算项目) needs an ex-ante
-- performance evaluation (事前绩效评估) before it enters the budget. Each new project
-- without one (ex_ante_evaluation = false) loses weight ÷ number of new projects
-- (rounded half up to 0.01; deductions stop at the weight). Projects that are not
-- new need nothing. No new project at all: full marks.
--
-- Missing data: a new project whose ex_ante_evaluation is absent → missing evidence
-- for that project (the rule set's policy decides the points); no projects list at
-- all → missing evidence (projects). is_new absent counts as not new.

local evidence = require("evidence")

return {
  id = "MGMT.BUDGET.EX_ANTE",
  indicator = "管理效率/预算编制/新增预算项目事前绩效评估",
  title = "新增预算项目事前绩效评估",
  basis = "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：各部门各单位要结合预算评审、"
    .. "项目审批等，对新出台重大政策、项目开展事前绩效评估，评估结果作为申请预算的必备要件",
  ---@param dept Department
  ---@param ctx Ctx
  check = function(dept, ctx)
    if dept.projects == nil then
      ctx:missing("projects", { subject = "", message = "未提供预算项目清单，无法核对新增项目事前绩效评估",
        message_en = "no list of budget projects given: ex-ante evaluation of new projects cannot be checked" })
      return
    end
    local new = {}
    for _, p in ipairs(dept.projects) do
      if p.is_new then new[#new + 1] = p end
    end
    if #new == 0 then return end

    local each = evidence.share(ctx, ctx.weight, #new)
    local pool = evidence.pool(ctx)
    for _, p in ipairs(new) do
      if p.ex_ante_evaluation == nil then
        ctx:missing(("projects[%s].ex_ante_evaluation"):format(p.id), {
          subject = p.id,
          message = ("新增项目“%s”未提供是否开展事前绩效评估的佐证"):format(p.name),
          message_en = ("new project “%s”: no evidence of whether an ex-ante evaluation was made"):format(p.name),
        })
      elseif not p.ex_ante_evaluation then
        pool.deduct(each, {
          subject = p.id,
          message = ("新增项目“%s”未开展事前绩效评估（新增项目 %d 个，每个 %s 分）"):format(p.name, #new, tostring(each)),
          message_en = ("new project “%s” had no ex-ante performance evaluation (%d new projects, %s points each)"):format(
            p.name, #new, tostring(each)),
          evidence = { is_new = true, ex_ante_evaluation = false },
          at = p,
        })
      end
    end
  end,
}
