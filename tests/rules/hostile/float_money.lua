-- Hostile rule: money computed with a Lua float
return {
  id = "HOSTILE.FLOAT_MONEY",
  indicator = "测试/恶意规则",
  title = "money computed with a Lua float",
  check = function(dept, ctx)
    ctx:deduct(ctx.weight * 0.5, { message = 'half off' })
  end,
}
