-- Hostile rule: a plain error whose message handler loops
return {
  id = "HOSTILE.XPCALL_ERROR_HANDLER_LOOP",
  indicator = "测试/恶意规则",
  title = "a plain error whose message handler loops",
  check = function(dept, ctx)
    xpcall(function() error("x") end, function(m) while true do end end)
  end,
}
