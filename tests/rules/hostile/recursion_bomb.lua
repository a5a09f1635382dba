-- Hostile rule: unbounded recursion
return {
  id = "HOSTILE.RECURSION_BOMB",
  indicator = "测试/恶意规则",
  title = "unbounded recursion",
  check = function(dept, ctx)
    local function f(n) return f(n + 1) + 1 end
    f(1)
  end,
}
