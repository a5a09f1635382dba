-- Hostile rule: string.rep asked for a terabyte
return {
  id = "HOSTILE.STRING_REP_BOMB",
  indicator = "测试/恶意规则",
  title = "string.rep asked for a terabyte",
  check = function(dept, ctx)
    local s = string.rep('x', 1 << 40)
    ctx:note({ message = #s })
  end,
}
