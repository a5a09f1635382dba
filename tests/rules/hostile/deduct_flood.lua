-- Hostile rule: findings without end
return {
  id = "HOSTILE.DEDUCT_FLOOD",
  indicator = "测试/恶意规则",
  title = "findings without end",
  check = function(dept, ctx)
    while true do ctx:deduct(0, { message = "x" }) end
  end,
}
