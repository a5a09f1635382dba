-- Hostile rule: io.open
return {
  id = "HOSTILE.IO_OPEN",
  indicator = "测试/恶意规则",
  title = "io.open",
  check = function(dept, ctx)
    local f = io.open('/etc/passwd')
    ctx:note({ message = f:read('a') })
  end,
}
