-- Hostile rule: assigning to the department data
return {
  id = "HOSTILE.WRITE_DATA",
  indicator = "测试/恶意规则",
  title = "assigning to the department data",
  check = function(dept, ctx)
    dept.budget.spent = dec(0)
  end,
}
