-- Hostile rule: string.format('%s') of a table whose __tostring loops
return {
  id = "HOSTILE.FORMAT_TOSTRING",
  indicator = "测试/恶意规则",
  title = "string.format('%s') of a table whose __tostring loops",
  check = function(dept, ctx)
    local t = setmetatable({}, { __tostring = function() while true do end end })
    return string.format("%s", t)
  end,
}
