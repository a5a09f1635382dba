-- Hostile rule: gsub over a long string with a backtracking pattern
return {
  id = "HOSTILE.GSUB_BOMB",
  indicator = "测试/恶意规则",
  title = "gsub over a long string with a backtracking pattern",
  check = function(dept, ctx)
    local s = string.rep('a', 100000)
    local r = s:gsub('a-a-a-a-b', 'x')
    ctx:note({ message = #r })
  end,
}
