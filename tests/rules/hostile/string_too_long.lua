-- Hostile rule: a concatenation longer than any string may be
return {
  id = "HOSTILE.STRING_TOO_LONG",
  indicator = "测试/恶意规则",
  title = "a concatenation longer than any string may be",
  check = function(dept, ctx)
    local s = string.rep("a", 1 << 20)
    return s .. "b"
  end,
}
