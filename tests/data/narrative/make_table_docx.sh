#!/bin/sh
# Makes table.docx (run from this folder): a report whose figures stand in a Word
# table, label in one cell and figure in the next. pandoc 2.17 (Debian 12) HTML → docx.
set -e
cat > table.html <<'HTML'
<html><head><meta charset="utf-8"><title>表格中的数字</title></head><body>
<p>（四）部门整体收支情况</p>
<table>
<tr><td>支出合计</td><td>100 万元</td></tr>
<tr><td>其中：基本支出</td><td>60 万元</td></tr>
<tr><td>项目支出</td><td>40 万元</td></tr>
</table>
<p>采购政策效能分值 1 分，得分 9.99 分。</p>
<table>
<tr><td>部门整体支出绩效自评得分</td><td>97 分</td></tr>
<tr><td>履职效能得分</td><td>49.93 分</td></tr>
<tr><td>管理效率得分</td><td>48.99 分</td></tr>
</table>
</body></html>
HTML
pandoc -f html -t docx -o table.docx table.html
rm table.html
