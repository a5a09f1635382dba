-- Hostile rule: table.insert on a table whose __len lies
return {
  id = "HOSTILE.LEN_BOMB",
  indicator = "测试/恶意规则",
  title = "table.insert on a table whose __len lies",
  check = function(dept, ctx)
    local t = setmetatable({}, { __len = function() return math.maxinteger end })
    table.insert(t, 1, 'x')
  end,
}
