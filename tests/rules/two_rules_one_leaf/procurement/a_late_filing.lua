-- A second rule on 合同备案时效性: the original is procurement/contract_filing.lua.
return {
  id = "TEST.SECOND_FILING_RULE",
  indicator = "管理效率/采购管理/合同备案时效性",
  title = "合同备案（重复）",
  check = function(_, ctx)
    ctx:deduct(ctx.weight, { message = "always late" })
  end,
}
