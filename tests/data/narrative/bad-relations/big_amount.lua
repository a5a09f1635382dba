-- A relation with a fixture that expects the wrong thing (jxaudit test must fail it).
return {
  id = "big_amount",
  indicator = "自评报告",
  title = "金额超过一亿元",
  check = function(report, ctx)
    for _, f in ipairs(report.facts) do
      if f.factor:eq(dec(10000)) and f.lo > dec(10000) then
        ctx:note({ subject = "提示", message = ("%s 万元超过一亿元"):format(f.text), evidence = { ["金额"] = f.index } })
      end
    end
  end,
}
