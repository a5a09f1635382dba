-- Hostile rule: pcall around a runaway loop
return {
  id = "HOSTILE.PCALL_SWALLOW",
  indicator = "测试/恶意规则",
  title = "pcall around a runaway loop",
  check = function(dept, ctx)
    while true do
      pcall(function() while true do end end)
    end
  end,
}
