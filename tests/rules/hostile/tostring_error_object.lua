-- Hostile rule: an error object whose __tostring loops
return {
  id = "HOSTILE.TOSTRING_ERROR_OBJECT",
  indicator = "测试/恶意规则",
  title = "an error object whose __tostring loops",
  check = function(dept, ctx)
    error(setmetatable({}, { __tostring = function() while true do end end }))
  end,
}
