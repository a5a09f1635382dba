-- Hostile rule: a string doubled until memory runs out
return {
  id = "HOSTILE.STRING_DOUBLING_BOMB",
  indicator = "测试/恶意规则",
  title = "a string doubled until memory runs out",
  check = function(dept, ctx)
    local s = 'x'
    while true do
      s = s .. s
    end
  end,
}
