-- 资产盘点情况 (asset inventory) — 1 point.
--
-- Formula (yes/no leaf): assets.inventory shows the annual physical inventory
-- (资产清查盘点) was carried out: done with no issue → full marks; done = false →
-- the whole weight; each issue found (盘亏、账实不符 …) deducts
-- params.evidence_issue_points, until the weight is used up.
--
-- Missing data: assets or assets.inventory absent → missing evidence.

local evidence = require("evidence")

return evidence.yes_no({
  id = "MGMT.ASSETS.INVENTORY",
  indicator = "管理效率/资产管理/资产盘点情况",
  title = "资产盘点情况",
  basis = "《行政事业性国有资产管理条例》（国务院令第738号）：各部门及其所属单位应当定期清查盘点资产，"
    .. "做到账账相符、账实相符",
  field = "assets.inventory",
  what = "资产盘点",
  not_done = "未开展年度资产清查盘点",
  what_en = "asset inventory",
  not_done_en = "no annual asset inventory carried out",
})
