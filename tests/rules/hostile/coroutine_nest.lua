-- Hostile rule: coroutines nested until the C stack overflows
return {
  id = "HOSTILE.COROUTINE_NEST",
  indicator = "测试/恶意规则",
  title = "coroutines nested until the C stack overflows",
  check = function(dept, ctx)
    local function nest() return coroutine.wrap(nest)() end
    nest()
  end,
}
