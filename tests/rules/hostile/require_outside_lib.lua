-- Hostile rule: require of a path outside lib/
return {
  id = "HOSTILE.REQUIRE_OUTSIDE_LIB",
  indicator = "测试/恶意规则",
  title = "require of a path outside lib/",
  check = function(dept, ctx)
    local secret = require('../secret')
    ctx:note({ message = secret.secret })
  end,
}
