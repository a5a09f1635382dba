-- Hostile rule: coroutine.yield straight out of check
return {
  id = "HOSTILE.YIELD_ACROSS_CHECK",
  indicator = "测试/恶意规则",
  title = "coroutine.yield straight out of check",
  check = function(dept, ctx)
    coroutine.yield('escape')
  end,
}
