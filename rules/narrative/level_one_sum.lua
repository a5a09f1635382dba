-- rules/narrative/level_one_sum.lua
-- The level-one scores add up to the total self-score: 履职效能 + 管理效率 = 自评得分.
-- The sum of intervals is the interval of the sum (49.93 + 48.99 stands for
-- [97.83 + …]); 确定 when it cannot meet the total's.
local scores = require("scores")

return {
  id = "level_one_sum",
  indicator = "自评报告",
  title = "一级指标得分之和等于自评总分",
  check = function(report, ctx)
    local total = scores.total(report)
    if total == nil then return end
    local lo, hi, sum = dec(0), dec(0), dec(0)
    local terms, evidence = {}, { ["总分"] = total.index }
    for _, indicator in ipairs(scores.level_one) do
      local f = scores.level_one_score(report, indicator.name)
      if f == nil then return end  -- a level-one score not stated: nothing to establish
      lo, hi, sum = lo + f.lo, hi + f.hi, sum + f.number
      terms[#terms + 1] = ("%s %s"):format(indicator.name, f.text)
      evidence[indicator.name] = f.index
    end
    if scores.meet(lo, hi, total.lo, total.hi) then return end
    ctx:note({
      subject = "确定",
      message = ("一级指标得分之和 %s = %s，与自评总分 %s 分不符"):format(
        table.concat(terms, " + "), sum:tostring(), total.text),
      message_en = ("the first-level scores add up to %s = %s, not the stated total of %s points"):format(
        table.concat(terms, " + "), sum:tostring(), total.text),
      evidence = evidence,
    })
  end,
}
