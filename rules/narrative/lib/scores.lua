-- Finding the report's stated scores, and comparing stated figures as intervals.
-- Shared by the narrative relations of this folder (docs/narrative.md).
-- 自评报告中的得分查找与区间比较。

local M = {}

-- The level-one indicators and their weights (Guangzhou, ../shared/domain.md).
M.level_one = { { name = "履职效能", weight = dec(50) }, { name = "管理效率", weight = dec(50) } }

local function has(label, word) return label:find(word, 1, true) ~= nil end

local function is_score_label(label) return label:find("得分$") ~= nil or label:find("得$") ~= nil end

-- The report's total: the first 分 figure labelled 自评… that is neither a
-- level-one score nor the full mark (自评总分 100 分).
function M.total(report)
  for _, f in ipairs(report.facts) do
    local l = f.label
    if f.unit == "分" and not f.approximate and has(l, "自评")
        and not (has(l, "总分") or has(l, "分值") or has(l, "满分") or has(l, "指标")) then
      local level_one = false
      for _, indicator in ipairs(M.level_one) do level_one = level_one or has(l, indicator.name) end
      if not level_one then return f end
    end
  end
  return nil
end

-- The first stated score of a level-one indicator: "履职效能得分 49.93 分",
-- "…管理效率指标自评得分为 47.5".
function M.level_one_score(report, name)
  for _, f in ipairs(report.facts) do
    local l = f.label
    if f.unit == "分" and not f.approximate and has(l, name) and not has(l, "分值") and not has(l, "总分")
        and (is_score_label(l) or l:find("自评$") ~= nil) then
      return f
    end
  end
  return nil
end

-- Whether [a_lo, a_hi) and [b_lo, b_hi) share a value (all upper ends open).
function M.meet(a_lo, a_hi, b_lo, b_hi)
  return dec.max(a_lo, b_lo) < dec.min(a_hi, b_hi)
end

M.is_score_label = is_score_label
return M
