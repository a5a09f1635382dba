-- Hostile rule: endless tail calls (no stack growth)
return {
  id = "HOSTILE.TAIL_CALL_LOOP",
  indicator = "测试/恶意规则",
  title = "endless tail calls (no stack growth)",
  check = function(dept, ctx)
    local function f() return f() end
    return f()
  end,
}
