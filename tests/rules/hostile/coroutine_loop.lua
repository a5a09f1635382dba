-- Hostile rule: a coroutine that loops forever
return {
  id = "HOSTILE.COROUTINE_LOOP",
  indicator = "测试/恶意规则",
  title = "a coroutine that loops forever",
  check = function(dept, ctx)
    local co = coroutine.wrap(function()
      while true do coroutine.yield() end
    end)
    while true do co() end
  end,
}
