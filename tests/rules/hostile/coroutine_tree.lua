-- Hostile rule: many short coroutines, each under the hook's interval
return {
  id = "HOSTILE.COROUTINE_TREE",
  indicator = "测试/恶意规则",
  title = "many short coroutines, each under the hook's interval",
  check = function(dept, ctx)
    while true do coroutine.wrap(function() local x = 0 for i = 1, 50 do x = x + i end end)() end
  end,
}
