-- Hostile rule: table.insert and table.remove at the front of a long list
return {
  id = "HOSTILE.INSERT_FRONT_BOMB",
  indicator = "测试/恶意规则",
  title = "table.insert and table.remove at the front of a long list",
  check = function(dept, ctx)
    local t = {} for i = 1, 100000 do t[i] = i end
    while true do table.insert(t, 1, 0) table.remove(t, 1) end
  end,
}
