-- Hostile rule: a pattern that backtracks exponentially
return {
  id = "HOSTILE.PATTERN_BOMB",
  indicator = "测试/恶意规则",
  title = "a pattern that backtracks exponentially",
  check = function(dept, ctx)
    local s = string.rep('a', 40)
    local found = s:find(string.rep('a*', 30) .. 'b')
    ctx:note({ message = tostring(found) })
  end,
}
