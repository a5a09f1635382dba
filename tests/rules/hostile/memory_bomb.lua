-- Hostile rule: a table that grows until memory runs out
return {
  id = "HOSTILE.MEMORY_BOMB",
  indicator = "测试/恶意规则",
  title = "a table that grows until memory runs out",
  check = function(dept, ctx)
    local t = {}
    for i = 1, math.maxinteger do
      t[i] = { i, ('x'):rep(65536) .. i }
    end
  end,
}
