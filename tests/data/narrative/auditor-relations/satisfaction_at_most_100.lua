-- An auditor's own relation, dropped into a folder without rebuilding jxaudit:
-- a satisfaction rate (满意度) cannot be above 100%.
return {
  id = "satisfaction_at_most_100",
  indicator = "自评报告",
  title = "满意度不超过 100%",
  check = function(report, ctx)
    for _, f in ipairs(report.facts) do
      if f.unit == "%" and f.label:find("满意度", 1, true) and f.lo > dec(100) then
        ctx:note({
          subject = "确定",
          message = ("满意度 %s%% 超过 100%%"):format(f.text),
          evidence = { ["满意度"] = f.index },
        })
      end
    end
  end,
}
