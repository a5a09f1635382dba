-- Hostile rule: creating a global
return {
  id = "HOSTILE.CREATE_GLOBAL",
  indicator = "测试/恶意规则",
  title = "creating a global",
  check = function(dept, ctx)
    leaked = 'from one rule to the next'
  end,
}
