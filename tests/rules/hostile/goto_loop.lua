-- Hostile rule: a goto loop
return {
  id = "HOSTILE.GOTO_LOOP",
  indicator = "测试/恶意规则",
  title = "a goto loop",
  check = function(dept, ctx)
    ::again:: goto again
  end,
}
