-- Hostile rule: string.dump
return {
  id = "HOSTILE.STRING_DUMP",
  indicator = "测试/恶意规则",
  title = "string.dump",
  check = function(dept, ctx)
    local bytes = string.dump(function() end)
  end,
}
