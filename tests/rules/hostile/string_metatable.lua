-- Hostile rule: reaching into the string metatable
return {
  id = "HOSTILE.STRING_METATABLE",
  indicator = "测试/恶意规则",
  title = "reaching into the string metatable",
  check = function(dept, ctx)
    getmetatable('').__index.rep = nil
  end,
}
