-- Hostile rule: a runaway loop whose message handler loops too
return {
  id = "HOSTILE.XPCALL_HANDLER_LOOP",
  indicator = "测试/恶意规则",
  title = "a runaway loop whose message handler loops too",
  check = function(dept, ctx)
    xpcall(function() while true do end end, function(m) while true do end end)
  end,
}
