-- Hostile rule: a coroutine whose runaway loop is resumed and ignored
return {
  id = "HOSTILE.COROUTINE_SWALLOW",
  indicator = "测试/恶意规则",
  title = "a coroutine whose runaway loop is resumed and ignored",
  check = function(dept, ctx)
    local co = coroutine.create(function() while true do end end)
    local ok = coroutine.resume(co)
    ctx:note({ message = 'survived: ' .. tostring(ok) })
  end,
}
