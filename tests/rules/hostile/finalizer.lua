-- Hostile rule: a __gc finalizer that would run later, unbudgeted
return {
  id = "HOSTILE.FINALIZER",
  indicator = "测试/恶意规则",
  title = "a __gc finalizer that would run later, unbudgeted",
  check = function(dept, ctx)
    setmetatable({}, { __gc = function() while true do end end })
  end,
}
