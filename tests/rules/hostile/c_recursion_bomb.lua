-- Hostile rule: recursion through a metamethod (C stack)
return {
  id = "HOSTILE.C_RECURSION_BOMB",
  indicator = "测试/恶意规则",
  title = "recursion through a metamethod (C stack)",
  check = function(dept, ctx)
    local t = setmetatable({}, { __index = function(t, k) return t[k] end })
    return t.x
  end,
}
