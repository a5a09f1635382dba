-- rules/narrative/level_one_within_weight.lua
-- A level-one score stated in the report (履职效能得分 49.93 分) cannot exceed
-- its weight (scores.level_one: 50 each in the Guangzhou indicator system).
-- 确定 when even the lowest value the stated figure can stand for (its interval's
-- lo: 49.93 stands for [49.925, 49.94)) is above the weight.
local scores = require("scores")

return {
  id = "level_one_within_weight",
  indicator = "自评报告",
  title = "一级指标得分不超过其分值",
  check = function(report, ctx)
    for _, f in ipairs(report.facts) do
      if f.unit == "分" and not f.approximate and scores.is_score_label(f.label)
          and not f.label:find("分值", 1, true) then
        for _, indicator in ipairs(scores.level_one) do
          if f.label:find(indicator.name, 1, true) and f.lo > indicator.weight then
            ctx:note({
              subject = "确定",
              message = ("%s得分 %s 分超过其分值 %s 分"):format(indicator.name, f.text, indicator.weight:tostring()),
              message_en = ("the score of %s, %s points, exceeds its weight of %s points"):format(indicator.name,
                f.text, indicator.weight:tostring()),
              evidence = { ["得分"] = f.index },
            })
          end
        end
      end
    end
  end,
}
