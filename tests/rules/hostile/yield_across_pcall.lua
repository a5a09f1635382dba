-- Hostile rule: a coroutine yielding across pcall, resumed for ever
return {
  id = "HOSTILE.YIELD_ACROSS_PCALL",
  indicator = "测试/恶意规则",
  title = "a coroutine yielding across pcall, resumed for ever",
  check = function(dept, ctx)
    local co = coroutine.wrap(function() while true do pcall(coroutine.yield) end end)
    while true do co() end
  end,
}
