-- Hostile rule: check returns a value instead of reporting
return {
  id = "HOSTILE.RETURNS_GARBAGE",
  indicator = "测试/恶意规则",
  title = "check returns a value instead of reporting",
  check = function(dept, ctx)
    return { points = 100 }
  end,
}
