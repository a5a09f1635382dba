-- Hostile rule: plain finds of a long near-miss needle (quadratic in stock Lua)
return {
  id = "HOSTILE.FIND_PLAIN_BOMB",
  indicator = "测试/恶意规则",
  title = "a plain find with a long near-miss needle",
  check = function(dept, ctx)
    local hay = string.rep('a', 1000000)
    local needle = string.rep('a', 500000) .. 'b'
    for _ = 1, 1000 do
      ctx:note({ message = tostring(hay:find(needle, 1, true)) })
    end
  end,
}
