-- Hostile rule: one VM instruction comparing two long strings, in a loop
return {
  id = "HOSTILE.LONG_STRING_COMPARE",
  indicator = "测试/恶意规则",
  title = "one VM instruction comparing two long strings, in a loop",
  check = function(dept, ctx)
    local a = string.rep("a", 1 << 20)
    local b = a:sub(1)
    while a == b do end
  end,
}
