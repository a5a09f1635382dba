-- Asks first: without a calendar it says so and deducts nothing.
return {
  id = "TEST.SIGNING",
  indicator = "采购管理/合同签订",
  title = "合同签订",
  check = function(_, ctx)
    if not ctx.calendar then
      ctx:note({ message = "规则集未指定日历：不按工作日核查" })
      return
    end
  end,
}
