-- The yes/no pattern of the management indicators (制度建设、合规性、公开、盘点 …):
-- an evidence object {done, date, document, issues} gives full marks; no object
-- at all is missing evidence (the rule set's [missing_evidence] policy decides
-- the points); done = false or issues found are named deductions. Also a "pool"
-- of the points a part of a leaf puts at stake (the leaf's own cap is scoring's).
-- 是/否类管理指标的佐证判断。

local money = require("money")

local M = {}

-- The points one part of a leaf puts at stake. For the whole leaf (points nil
-- or the weight) pool.deduct(points, info) reports the deduction as found: the
-- scoring stage keeps the leaf within its weight (扣完为止) and records any
-- excess as evidence `uncapped_points`. A part smaller than the leaf (the
-- 3 + 2 + 2 of 绩效管理制度执行, one disclosure's share) is a formula of its own:
-- it loses at most its points, and a problem beyond them is a note.
function M.pool(ctx, points)
  local whole = points == nil or points >= ctx.weight
  local left = points or ctx.weight
  local pool = {}
  function pool.deduct(p, info)
    if not whole then
      if p > left then p = left end
      if p <= 0 then
        info.message = info.message .. "（该部分分值已扣完，不再扣分）"
        if info.message_en then
          info.message_en = info.message_en .. " (this part's points are used up: nothing more is deducted)"
        end
        ctx:note(info)
        return
      end
    end
    left = left - p
    ctx:deduct(p, info)
  end
  function pool.left() return left end
  return pool
end

-- `points` shared out over `n` items, rounded as the leaf rounds
-- (e.g. 3 points over 7 new projects: 0.43 each, the pool caps the last).
function M.share(ctx, points, n)
  return ctx:round(points / n)
end

-- Checks one evidence object. opts:
--   field    data path for a missing-evidence finding, e.g. "assets.inventory"
--   what     what the evidence is about, e.g. "年度资产盘点"
--   not_done message when done = false, e.g. "未开展年度资产盘点"
--   what_en, not_done_en  the same in English (--lang en), e.g. "annual asset inventory"
--   points   points at stake (default: the leaf's weight)
--   subject  finding subject (default "", department-wide)
-- Absent → ctx:missing. done = false → the points at stake. Each issue →
-- params.evidence_issue_points, within the points at stake.
-- Returns the pool for further deductions on the same points (nil when absent
-- or not done, i.e. nothing more to check).
function M.check(ctx, ev, opts)
  local subject = opts.subject or ""
  local points = opts.points or ctx.weight
  if ev == nil then
    ctx:missing(opts.field, {
      subject = subject,
      message = ("未提供佐证：%s（%s）"):format(opts.what, opts.field),
      message_en = opts.what_en and ("no evidence given: %s (%s)"):format(opts.what_en, opts.field),
    })
    return nil
  end
  local pool = M.pool(ctx, points)
  if not ev.done then
    pool.deduct(points, {
      subject = subject,
      message = opts.not_done,
      message_en = opts.not_done_en,
      evidence = { done = false, document = ev.document, note = ev.note },
      at = ev,
    })
    return nil
  end
  M.issues(ctx, pool, ev, opts)
  return pool
end

-- Each issue listed in ev.issues deducts params.evidence_issue_points from `pool`.
function M.issues(ctx, pool, ev, opts)
  if ev.issues == nil then return end
  local each = money.param(ctx, "evidence_issue_points")
  for i, issue in ipairs(ev.issues) do
    pool.deduct(each, {
      subject = opts.subject or "",
      message = ("%s发现问题（第 %d 项，扣 %s 分）：%s"):format(opts.what, i, tostring(each), issue),
      message_en = opts.what_en
        and ("%s: problem found (no. %d, %s points deducted): %s"):format(opts.what_en, i, tostring(each), issue),
      evidence = { issue = issue, document = ev.document }, -- every evidence-like object has document
      at = ev,
    })
  end
end

-- Like check(), for evidence with a coverage count (items_covered of items_total,
-- e.g. 绩效目标公开覆盖率): after done, a coverage below 100% loses
-- points × (1 − coverage), rounded as the leaf rounds. opts.coverage names the
-- rate, e.g. "绩效目标公开覆盖率" (opts.coverage_en in English). items_total absent or 0: no coverage check.
function M.check_coverage(ctx, ev, opts)
  local subject = opts.subject or ""
  local points = opts.points or ctx.weight
  if ev == nil then
    return M.check(ctx, ev, opts)
  end
  local pool = M.pool(ctx, points)
  if not ev.done then
    pool.deduct(points, {
      subject = subject,
      message = ("%s（覆盖 %s/%s）"):format(opts.not_done, tostring(ev.items_covered or 0), tostring(ev.items_total or 0)),
      message_en = opts.not_done_en and ("%s (covered %s/%s)"):format(opts.not_done_en,
        tostring(ev.items_covered or 0), tostring(ev.items_total or 0)),
      evidence = { done = false, items_covered = ev.items_covered, items_total = ev.items_total },
      at = ev,
    })
    return nil
  end
  local total, covered = ev.items_total, ev.items_covered
  if total ~= nil and total > 0 and covered ~= nil and covered < total then
    local coverage = money.num(covered) / total
    pool.deduct(ctx:round(points * (1 - coverage)), {
      subject = subject,
      message = ("%s %s（%s/%s），未达 100%%"):format(opts.coverage, coverage:percent(2), tostring(covered),
        tostring(total)),
      message_en = opts.coverage_en and ("%s %s (%s/%s), below 100%%"):format(opts.coverage_en,
        coverage:percent(2), tostring(covered), tostring(total)),
      evidence = { items_covered = covered, items_total = total },
      at = ev,
    })
  end
  M.issues(ctx, pool, ev, opts)
  return pool
end

-- A yes/no leaf as data: the whole rule file is `return evidence.yes_no({ … })`.
-- spec: id, indicator, title, basis (as in any rule), and
--   field    where the evidence object lies, from the department's root, e.g. "assets.inventory"
--   what     what the evidence is about, e.g. "资产盘点"
--   not_done message when done = false
--   what_en, not_done_en  the same in English (optional)
-- Its check reads the field (absent anywhere along the path → missing evidence)
-- and applies M.check, so the six 是/否 leaves share one written-once pattern.
-- (spec.what_en and spec.not_done_en, optional strings, are left out of the annotation for its length.)
---@param spec { id: string, indicator: string, title: string, basis: string?, field: string, what: string, not_done: string }
---@return Rule
function M.yes_no(spec)
  local path = {}
  for key in spec.field:gmatch("[^.]+") do
    path[#path + 1] = key
  end
  return {
    id = spec.id,
    indicator = spec.indicator,
    title = spec.title,
    basis = spec.basis,
    ---@param dept Department
    ---@param ctx Ctx
    check = function(dept, ctx)
      local ev = dept
      for _, key in ipairs(path) do
        ev = ev[key]
        if ev == nil then
          break
        end
      end
      M.check(ctx, ev, { field = spec.field, what = spec.what, not_done = spec.not_done, what_en = spec.what_en,
                         not_done_en = spec.not_done_en })
    end,
  }
end

return M
