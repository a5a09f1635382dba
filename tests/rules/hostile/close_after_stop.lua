-- Hostile rule: a to-be-closed variable whose __close would loop after the stop
return {
  id = "HOSTILE.CLOSE_AFTER_STOP",
  indicator = "测试/恶意规则",
  title = "a to-be-closed variable whose __close would loop after the stop",
  check = function(dept, ctx)
    local guard <close> = setmetatable({}, { __close = function() while true do end end })
    while true do end
  end,
}
