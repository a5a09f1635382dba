-- Hostile rule: table.move over 2^63 empty slots
return {
  id = "HOSTILE.TABLE_MOVE_BOMB",
  indicator = "测试/恶意规则",
  title = "table.move over 2^63 empty slots",
  check = function(dept, ctx)
    table.move({}, 1, math.maxinteger, 2)
  end,
}
