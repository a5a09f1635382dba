-- Hostile rule: findings with long messages
return {
  id = "HOSTILE.NOTE_BYTES_FLOOD",
  indicator = "测试/恶意规则",
  title = "findings with long messages",
  check = function(dept, ctx)
    local long = string.rep("长", 3000)
    while true do ctx:note({ message = long }) end
  end,
}
