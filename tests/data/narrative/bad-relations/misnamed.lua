-- Its id is not its file's name, and it has no fixture (jxaudit lint reports both).
return {
  id = "score_within_weight",
  indicator = "自评报告",
  title = "与内置关系同名",
  check = function(_, _) end,
}
