-- Hostile rule: rawset on the department data
return {
  id = "HOSTILE.RAWSET_DATA",
  indicator = "测试/恶意规则",
  title = "rawset on the department data",
  check = function(dept, ctx)
    rawset(dept.budget, 'spent', 0)
  end,
}
