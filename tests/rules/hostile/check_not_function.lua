-- Hostile rule: check is not a function.
return {
  id = "HOSTILE.CHECK_NOT_FUNCTION",
  indicator = "测试/恶意规则",
  title = "check is a string",
  check = "os.execute('rm -rf /')",
}
