-- 数据质量 (asset data quality) — 2 points.
--
-- Formula (yes/no leaf): assets.data_quality shows the asset records match the books
-- and the goods (账账相符、账实相符、资产卡片完整): done with no issue → full marks;
-- done = false → the whole weight; each issue found deducts
-- params.evidence_issue_points, until the weight is used up.
--
-- Missing data: assets or assets.data_quality absent → missing evidence.

local evidence = require("evidence")

return evidence.yes_no({
  id = "MGMT.ASSETS.DATA_QUALITY",
  indicator = "管理效率/资产管理/数据质量",
  title = "数据质量",
  basis = "《行政事业性国有资产管理条例》（国务院令第738号）：资产信息应当真实、准确、完整，"
    .. "资产卡片与财务账、实物相符",
  field = "assets.data_quality",
  what = "资产数据核对",
  not_done = "未核对资产数据（资产卡片与财务账、实物未核对相符）",
  what_en = "asset data reconciliation",
  not_done_en = "asset data not reconciled (asset cards not checked against the accounts and the assets)",
})
