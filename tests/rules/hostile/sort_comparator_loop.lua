-- Hostile rule: a sort comparator that loops
return {
  id = "HOSTILE.SORT_COMPARATOR_LOOP",
  indicator = "测试/恶意规则",
  title = "a sort comparator that loops",
  check = function(dept, ctx)
    table.sort({ 3, 2, 1 }, function(a, b) while true do end end)
  end,
}
