-- rules/narrative/level_one_within_weight.lua
-- A level-one score stated in the report (履职效能得分 49.93 分) cannot exceed
-- its weight: 50 each in the Guangzhou indicator system (../shared/domain.md).
-- 确定 when even the lowest value the stated figure can stand for (its interval's
-- lo: 49.93 stands for [49.925, 49.94)) is above the weight.
local weights = { ["履职效能"] = dec(50), ["管理效率"] = dec(50) }

return {
  id = "level_one_within_weight",
  indicator = "自评报告",
  title = "一级指标得分不超过其分值",
  check = function(report, ctx)
    for _, f in ipairs(report.facts) do
      if f.unit == "分" and not f.approximate and (f.label:find("得分$") or f.label:find("得$")) then
        for name, weight in pairs(weights) do
          if f.label:find(name, 1, true) and not f.label:find("分值", 1, true) and f.lo > weight then
            ctx:note({
              subject = "确定",
              message = ("%s得分 %s 分超过其分值 %s 分"):format(name, f.text, weight:tostring()),
              evidence = { ["得分"] = f.index },
            })
          end
        end
      end
    end
  end,
}
