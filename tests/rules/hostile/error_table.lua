-- Hostile rule: error() with a table value
return {
  id = "HOSTILE.ERROR_TABLE",
  indicator = "测试/恶意规则",
  title = "error() with a table value",
  check = function(dept, ctx)
    error({ code = 42, message = 'not a string' })
  end,
}
