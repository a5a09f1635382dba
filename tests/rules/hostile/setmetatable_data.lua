-- Hostile rule: setmetatable on the department data
return {
  id = "HOSTILE.SETMETATABLE_DATA",
  indicator = "测试/恶意规则",
  title = "setmetatable on the department data",
  check = function(dept, ctx)
    setmetatable(dept, { __index = function() return 0 end })
  end,
}
