-- A relation that never ends: the sandbox's instruction budget stops it, the
-- report says the check is incomplete, and jxaudit exits 3.
return {
  id = "endless",
  indicator = "自评报告",
  title = "永不结束",
  check = function(report, ctx)
    local n = 0
    while true do n = n + #report.facts end
  end,
}
