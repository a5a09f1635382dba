-- Hostile rule: string.upper on a long string, again and again
return {
  id = "HOSTILE.UPPER_BOMB",
  indicator = "测试/恶意规则",
  title = "string.upper on a long string, again and again",
  check = function(dept, ctx)
    local s = string.rep("a", 1 << 20)
    while true do local _ = s:upper() end
  end,
}
