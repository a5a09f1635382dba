-- Hostile rule: string-to-number conversions of a long string
return {
  id = "HOSTILE.TONUMBER_BOMB",
  indicator = "测试/恶意规则",
  title = "string-to-number conversions of a long string",
  check = function(dept, ctx)
    local s = string.rep("1", 1 << 20)
    while true do local _ = tonumber(s) end
  end,
}
