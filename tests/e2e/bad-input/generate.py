#!/usr/bin/env python3
"""Writes the bad-input corpus of the end-to-end tests (tests/e2e/e2e.cmake).

Each case is the mistake a finance officer makes when typing or exporting a
department's data, made in a small valid department (ok.json): `jxaudit check`
must refuse to score every one of them (exit 2, no scorecard) and say where the
mistake is, and go on with the other departments of a batch. The expected
output lives in tests/e2e/golden/bad-input.*: run this script after changing a
case, then regenerate those golden files and review the diff.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

BASE = """{
  "schema_version": "1",
  "fiscal_year": 2023,
  "money_unit": "万元",
  "department": { "code": "GZ-T01", "name": "测试局", "level": "市级" },
  "budget": {
    "adjusted": 1000.00,
    "spent": 990.50
  },
  "procurements": [
    {
      "id": "CG-01",
      "name": "档案数字化服务",
      "category": "services",
      "method": "public_tender",
      "budget": 100.00,
      "intention_scope": "in_scope",
      "intention_published": "2023-01-10",
      "procurement_started": "2023-03-01",
      "award_notice": "2023-09-20",
      "contract_signed": "2023-09-25",
      "contract_filed": "2023-10-20",
      "sme_suitable": true,
      "sme_reserved": 100.00
    }
  ],
  "self_evaluation": { "total": 90 }
}
"""


def write(name, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def case(name, old, new, text=BASE):
    assert text.count(old) == 1, old
    write(name, text.replace(old, new))


write("ok.json", BASE)
case("date-september-31.json", '"contract_signed": "2023-09-25"', '"contract_signed": "2023-09-31"')
case("date-slashes.json", '"contract_filed": "2023-10-20"', '"contract_filed": "2023/10/20"')
case("date-chinese.json", '"contract_filed": "2023-10-20"', '"contract_filed": "2023年10月20日"')
case("date-february-29.json", '"procurement_started": "2023-03-01"', '"procurement_started": "2023-02-29"')
case("date-excel-serial.json", '"contract_filed": "2023-10-20"', '"contract_filed": 45219')
case("boolean-chinese-yes.json", '"sme_suitable": true', '"sme_suitable": "是"')
case("money-negative-budget.json", '"adjusted": 1000.00', '"adjusted": -1000.00')
case("duplicate-key.json", '"spent": 990.50', '"spent": 990.50,\n    "spent": 995.00')
case("money-unit-wan.json", '"money_unit": "万元"', '"money_unit": "万"')
case("money-empty-string.json", '"spent": 990.50', '"spent": ""')
case("money-thousands-separator.json", '"spent": 990.50', '"spent": "10,590.20"')
case("money-with-unit.json", '"spent": 990.50', '"spent": "10590.2万"')
# An Excel export saved as "CSV" (GBK) instead of "CSV UTF-8": once read as if
# there were no procurements (every procurement indicator scored in full). Now
# read as GB18030 with a warning (issue 16), so its row is seen, and the row's
# missing intention_scope keeps the department from being scored.
procurements_at = BASE.index('  "procurements"')
self_at = BASE.index('  "self_evaluation"')
write("csv-gbk.json", BASE[:procurements_at] + '  "tables": { "procurements": "csv-gbk.procurements.csv" },\n' +
      BASE[self_at:])
write("csv-gbk.procurements.csv",
      "id,name,category,method,budget,sme_suitable,sme_reserved\r\nCG-01,档案数字化服务,services,public_tender,100.00,true,100.00\r\n"
      .encode("gbk"))
