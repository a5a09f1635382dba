-- Hostile rule: an infinite loop
return {
  id = "HOSTILE.INFINITE_LOOP",
  indicator = "测试/恶意规则",
  title = "an infinite loop",
  check = function(dept, ctx)
    while true do end
  end,
}
