-- Hostile rule: require of an absolute path
return {
  id = "HOSTILE.REQUIRE_ABSOLUTE",
  indicator = "测试/恶意规则",
  title = "require of an absolute path",
  check = function(dept, ctx)
    local secret = require('/etc/passwd')
  end,
}
