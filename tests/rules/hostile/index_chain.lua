-- Hostile rule: a long __index chain
return {
  id = "HOSTILE.INDEX_CHAIN",
  indicator = "测试/恶意规则",
  title = "a long __index chain",
  check = function(dept, ctx)
    local t = {} for i = 1, 3000 do t = setmetatable({}, { __index = t }) end
    return t.missing
  end,
}
