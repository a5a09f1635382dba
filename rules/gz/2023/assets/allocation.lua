-- 资产配置合规性 (asset allocation compliance) — 2 points.
--
-- Formula (yes/no leaf): assets.allocation shows assets were bought within the
-- allocation standards and the budget (按配置标准和预算配置资产): done with no issue →
-- full marks; done = false → the whole weight; each issue found (e.g. 超标准配置)
-- deducts params.evidence_issue_points, until the weight is used up.
--
-- Missing data: assets or assets.allocation absent → missing evidence.

local evidence = require("evidence")

return evidence.yes_no({
  id = "MGMT.ASSETS.ALLOCATION",
  indicator = "管理效率/资产管理/资产配置合规性",
  title = "资产配置合规性",
  basis = "《行政事业性国有资产管理条例》（国务院令第738号）：资产配置应当符合规定的配置标准，"
    .. "纳入预算管理，不得超标准配置资产",
  field = "assets.allocation",
  what = "资产配置",
  not_done = "资产未按配置标准和预算配置（资产配置合规性未达要求）",
  what_en = "asset allocation",
  not_done_en = "assets are not allocated within the standards and the budget (asset allocation compliance not met)",
})
