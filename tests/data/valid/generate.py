#!/usr/bin/env python3
"""Writes the valid-but-odd inputs of tests/unit/data_valid_test.cpp: files that
look unusual (a BOM, CRLF, numbers as strings, Excel-style CSV) yet must load
exactly. The bytes matter (BOM, CR), hence a script rather than hand editing;
the expected values live in the test."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, text, bom=False, crlf=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    os.makedirs(os.path.dirname(os.path.join(HERE, name)), exist_ok=True)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# A UTF-8 BOM, as Notepad writes one; the first value is right after it.
write("bom.json", """{"schema_version": "1",
  "fiscal_year": 2023,
  "money_unit": "万元",
  "department": {"code": "GZ-T02", "name": "广州市测试局", "level": "市级"},
  "budget": {"adjusted": 1234.50, "spent": 1200}
}
""", bom=True)

# CRLF line ends, BOM and CRLF together, and a string holding an escaped CRLF.
write("crlf.json", """{
  "schema_version": "1",
  "fiscal_year": 2023,
  "money_unit": "元",
  "department": {"code": "GZ-T03", "name": "测试局", "level": "区级"},
  "notes": ["第一行\\r\\n第二行"],
  "budget": {
    "adjusted": 10606.10,
    "spent": 10590.2
  }
}
""", bom=True, crlf=True)

# Numbers written as strings where the schema says format "decimal", including
# trailing zeros, zero, a long fraction and an amount beyond any binary double.
write("numbers-as-strings.json", """{
  "schema_version": "1",
  "fiscal_year": 2023,
  "money_unit": "元",
  "department": {"code": "GZ-T04", "name": "测试局", "level": "市级"},
  "budget": {
    "initial": "0",
    "adjusted": "1234.50",
    "spent": "1234.500",
    "income": "12345678901234567890.12",
    "carryover_end": 0.10,
    "surplus_end": "0.000000000000000000000000000001"
  },
  "self_evaluation": {"total": "89.75", "evaluated_on": "2024-02-29", "scores": {"产出/数量": "9.5"}}
}
""")

# Fields the schema does not know: warnings, and the values stay in the tree.
write("unknown-field.json", """{
  "schema_version": "1",
  "fiscal_year": 2023,
  "money_unit": "万元",
  "department": {"code": "GZ-T05", "name": "测试局", "level": "市级", "联系人": "张三"},
  "budget": {"adjusted": 100, "spent": 99.5},
  "reviewer": {"name": "李四", "checked": true, "amount": 12.30, "dates": ["2023-01-05"]}
}
""")

# Excel-style CSV tables: a BOM, CRLF, quoted cells with commas, doubled quotes
# and line breaks, an empty line, every table, columns in any order.
write("excel-csv/department.json", """{
  "schema_version": "1",
  "fiscal_year": 2023,
  "money_unit": "万元",
  "department": {"code": "GZ-T06", "name": "测试局", "level": "市级"},
  "tables": {"procurements": "procurements.csv", "projects": "projects.csv",
             "targets": "targets.csv", "monthly": "monthly.csv"},
  "budget": {"adjusted": 1000.00, "spent": 990.50}
}
""")
# Records end in CRLF; a line break inside a cell is a bare LF, as Excel writes it.
write("excel-csv/procurements.csv",
      "id,name,category,method,budget,intention_scope,intention_published,contract_signed,sme_suitable,"
      "compliance_issues,note\r\n"
      'CG-01,"档案数字化服务（一期, 二期）",services,public_tender,300.00,in_scope,2023-01-10,2023-04-10,'
      'TRUE,,"供应商称""已按期完成""\n见验收报告"\r\n'
      "\r\n"
      'CG-02,办公设备,goods,inquiry,12.5,exempt,,2023-06-12,false,"合同未公告;验收资料不全",\r\n',
      bom=True)
write("excel-csv/projects.csv",
      "id,name,level,is_new,budget,spent\r\n"
      "P01,运行经费,一级,false,500.00,498.00\r\n"
      "P02,\"信息化建设\n（含等保测评）\",一级,true,400,380.5\r\n", bom=True)
write("excel-csv/targets.csv",
      "project_id,id,kind,name,planned,actual,unit,direction,weight\n"
      "P02,T2,benefit,系统可用率,99.9,99.95,%,>=,10\n"
      "P01,T1,output,档案数字化,490,493,万页,>=,10.0\n")
write("excel-csv/monthly.csv", "month,cumulative_spent\n1,80.00\n12,990.50\n")
