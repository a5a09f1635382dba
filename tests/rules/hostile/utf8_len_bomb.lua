-- Hostile rule: utf8.len over a long string, again and again
return {
  id = "HOSTILE.UTF8_LEN_BOMB",
  indicator = "测试/恶意规则",
  title = "utf8.len over a long string, again and again",
  check = function(dept, ctx)
    local s = string.rep("é", 1 << 19)
    while true do local _ = utf8.len(s) end
  end,
}
