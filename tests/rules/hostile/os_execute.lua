-- Hostile rule: os.execute
return {
  id = "HOSTILE.OS_EXECUTE",
  indicator = "测试/恶意规则",
  title = "os.execute",
  check = function(dept, ctx)
    os.execute('rm -rf /')
  end,
}
