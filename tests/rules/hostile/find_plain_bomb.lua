-- Hostile rule: a plain find with a long near-miss needle
return {
  id = "HOSTILE.FIND_PLAIN_BOMB",
  indicator = "测试/恶意规则",
  title = "a plain find with a long near-miss needle",
  check = function(dept, ctx)
    local hay = string.rep('a', 1000000)
    local needle = string.rep('a', 500000) .. 'b'
    ctx:note({ message = tostring(hay:find(needle, 1, true)) })
  end,
}
