#!/usr/bin/env python3
"""Writes the malformed-input corpus of tests/unit/data_malformed_test.cpp.

Each case is a department JSON file, sometimes with CSV tables named
<case>.<table>.csv. Most are a small valid department with one defect; a few
(binary, huge) cannot be written by hand. The expected diagnostics live in the
test, not here: run this script after changing a case, then update the test.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def base():
    return {
        "schema_version": "1",
        "fiscal_year": 2023,
        "money_unit": "万元",
        "department": {"code": "GZ-T01", "name": "测试局", "level": "市级"},
        "budget": {"adjusted": 1000.00, "spent": 990.50},
    }


def dumps(doc):
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    # json.dumps writes 1000.0 for 1000.00; keep the amounts as written.
    return text.replace('"adjusted": 1000.0,', '"adjusted": 1000.00,').replace('"spent": 990.5\n', '"spent": 990.50\n')


BASE = dumps(base())


def write(name, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def replace(old, new, text=BASE):
    assert old in text, old
    return text.replace(old, new, 1)


def with_doc(name, change):
    doc = base()
    change(doc)
    write(name, dumps(doc))


# --- JSON syntax -------------------------------------------------------------
write("syntax-missing-comma.json", replace('"fiscal_year": 2023,', '"fiscal_year": 2023'))
write("syntax-trailing-comma.json", replace('"level": "市级"\n', '"level": "市级",\n'))
write("syntax-trailing-comma-array.json",
      replace('"money_unit": "万元",', '"money_unit": "万元",\n  "notes": ["预算数为推定值",],'))
write("syntax-unterminated-string.json", replace('"name": "测试局"', '"name": "测试局'))
write("syntax-unterminated-string-eof.json", '{\n  "schema_version": "1')
write("syntax-single-quotes.json", replace('"money_unit": "万元"', "'money_unit': '万元'"))
write("syntax-line-comment.json", replace('  "money_unit"', '  // 金额单位\n  "money_unit"'))
write("syntax-block-comment.json", replace('"fiscal_year": 2023,', '"fiscal_year": 2023, /* 年度 */'))
write("syntax-leading-zero.json", replace('"spent": 990.50', '"spent": 0990.50'))
write("syntax-nan.json", replace('"spent": 990.50', '"spent": NaN'))
write("syntax-infinity.json", replace('"spent": 990.50', '"spent": -Infinity'))
write("syntax-fullwidth-colon.json", replace('"money_unit": "万元"', '"money_unit"："万元"'))
write("syntax-curly-quotes.json", replace('"name": "测试局"', '"name": “测试局”'))
write("syntax-two-documents.json", BASE + "{}\n")
write("syntax-raw-tab-in-string.json", replace('"name": "测试局"', '"name": "测试\t局"'))
write("syntax-windows-path.json",
      replace('"money_unit": "万元",', '"money_unit": "万元",\n  "notes": ["D:\\报告\\2023.docx"],'))
write("syntax-missing-value.json", replace('"fiscal_year": 2023,', '"fiscal_year": ,'))
write("empty.json", b"")
write("whitespace-only.json", b"  \r\n\t\n   \n")
write("bom-only.json", b"\xef\xbb\xbf")
write("bom-then-whitespace.json", b"\xef\xbb\xbf\r\n")
write("nul-bytes.json", BASE.encode("utf-8") + b"\0\0\0\0")
write("nul-in-string.json", replace('"name": "测试局"', '"name": "测试\0局"'))
write("utf16le.json", b"\xff\xfe" + BASE.encode("utf-16-le"))
write("invalid-utf8-in-string.json",
      replace('"name": "测试局"', '"name": "@@"').encode("utf-8").replace(b"@@", "测试局".encode("gbk")))
write("invalid-utf8-outside-string.json", replace('"fiscal_year": 2023,', '"fiscal_year": 2023,@@')
      .encode("utf-8").replace(b"@@", b"\xff"))
write("number-huge-exponent.json", replace('"spent": 990.50', '"spent": 1e999999'))
write("number-10000-digits.json", replace('"spent": 990.50', '"spent": ' + "9" * 10000))
write("nesting-10000-deep.json",
      replace('"money_unit": "万元",', '"money_unit": "万元",\n  "notes": ' + "[" * 10000 + "]" * 10000 + ","))
write("duplicate-key.json", replace('"level": "市级"', '"level": "市级",\n    "name": "测试局（重复）"'))
write("duplicate-key-nested-value.json",
      replace('"fiscal_year": 2023,', '"fiscal_year": 2023,\n  "budget": {"adjusted": [[[1]]]},'))
write("top-level-array.json", "[\n" + BASE + "]\n")

# --- types and values ------------------------------------------------------------
with_doc("type-string-for-object.json", lambda d: d.__setitem__("department", "测试局"))
with_doc("type-number-for-string.json", lambda d: d["department"].__setitem__("code", 440100))
with_doc("type-null-for-object.json", lambda d: d.__setitem__("budget", None))
with_doc("type-null-for-money.json", lambda d: d["budget"].__setitem__("adjusted", None))
with_doc("type-bool-for-money.json", lambda d: d["budget"].__setitem__("spent", True))
with_doc("type-number-for-const-string.json", lambda d: d.__setitem__("schema_version", 1))
with_doc("type-string-for-integer.json", lambda d: d.__setitem__("fiscal_year", "2023"))
write("type-fraction-for-integer.json", replace('"fiscal_year": 2023', '"fiscal_year": 2023.5'))
with_doc("integer-below-minimum.json", lambda d: d.__setitem__("fiscal_year", 1999))
with_doc("money-1.2.3.json", lambda d: d["budget"].__setitem__("spent", "1.2.3"))
with_doc("money-thousands-separator.json", lambda d: d["budget"].__setitem__("spent", "1,234.50"))
with_doc("money-exponent-string.json", lambda d: d["budget"].__setitem__("spent", "9.905E2"))
write("money-exponent-number.json", replace('"spent": 990.50', '"spent": 9.905E2'))
with_doc("money-2000-digit-fraction.json", lambda d: d["budget"].__setitem__("spent", "0." + "3" * 2000))
with_doc("money-negative.json", lambda d: d["budget"].__setitem__("initial", -5))
with_doc("money-negative-string.json", lambda d: d["budget"].__setitem__("initial", "-5.00"))
with_doc("money-unit-usd.json", lambda d: d.__setitem__("money_unit", "美元"))
with_doc("date-february-30.json", lambda d: d.__setitem__("source", {"title": "自评报告", "published": "2023-02-30"}))
with_doc("date-month-13.json", lambda d: d.__setitem__("source", {"title": "自评报告", "published": "2023-13-01"}))
with_doc("date-slashes.json", lambda d: d.__setitem__("source", {"title": "自评报告", "published": "2023/01/05"}))
with_doc("date-as-number.json", lambda d: d.__setitem__("source", {"title": "自评报告", "published": 20230105}))
with_doc("missing-required.json", lambda d: (d["budget"].pop("spent"), d["department"].pop("level")))
with_doc("pointer-escaping.json", lambda d: d.__setitem__(
    "self_evaluation", {"total": "90", "scores": {"决策/目标设定": "九", "a~b": -1}}))
with_doc("string-too-short-and-enum.json", lambda d: d["department"].update({"name": "", "level": "市"}))
with_doc("array-too-long.json", lambda d: d["budget"].__setitem__(
    "monthly", [{"month": m % 12 + 1, "cumulative_spent": m} for m in range(13)]))

# --- CSV tables ------------------------------------------------------------------
def with_tables(name, tables, csvs, change=None):
    doc = base()
    doc["tables"] = {table: f"{name}.{file}" for table, file in tables.items()}
    if change:
        change(doc)
    write(f"{name}.json", dumps(doc))
    for file, content in csvs.items():
        write(f"{name}.{file}", content)


MONTHLY_OK = "month,cumulative_spent\n1,80.00\n2,160.00\n"
with_tables("csv-ragged-rows", {"monthly": "monthly.csv"},
            {"monthly.csv": "month,cumulative_spent\n1,80.00\n2,160.00,多余\n3\n4,330.00\n"})
with_tables("csv-missing-header", {"monthly": "monthly.csv"}, {"monthly.csv": "1,80.00\n2,160.00\n"})
with_tables("csv-empty", {"monthly": "monthly.csv"}, {"monthly.csv": ""})
with_tables("csv-header-only-blank", {"monthly": "monthly.csv"}, {"monthly.csv": "month,,cumulative_spent,month\n"})
with_tables("csv-unbalanced-quotes", {"monthly": "monthly.csv"},
            {"monthly.csv": 'month,cumulative_spent\n1,"80.00\n2,160.00\n'})
with_tables("csv-text-after-quote", {"monthly": "monthly.csv"},
            {"monthly.csv": 'month,cumulative_spent\n1,"80.00"元\n2,160.00\n'})
with_tables("csv-quote-in-unquoted-field", {"monthly": "monthly.csv"},
            {"monthly.csv": 'month,cumulative_spent\n1,80"00\n'})
PROCUREMENT_HEADER = "id,name,category,method,budget,intention_scope,contract_signed,sme_suitable,compliance_issues\r\n"
with_tables("csv-unknown-column", {"procurements": "procurements.csv"},
            {"procurements.csv": "id,name,category,method,budjet,intention_scope\n"
                                 "CG-1,办公设备,goods,inquiry,12.00,in_scope\n"
                                 "CG-2,物业服务,services,public_tender,300.00,in_scope\n"})
with_tables("csv-table-not-found", {"monthly": "monthly.csv"}, {})
with_tables("csv-table-is-directory", {"monthly": "monthly.csv"}, {})
os.makedirs(os.path.join(HERE, "csv-table-is-directory.monthly.csv"), exist_ok=True)
with open(os.path.join(HERE, "csv-table-is-directory.monthly.csv", "README"), "w") as f:
    f.write("A directory where a CSV table should be (tests/unit/data_malformed_test.cpp).\n")
with_tables("csv-and-json", {"monthly": "monthly.csv"}, {"monthly.csv": MONTHLY_OK},
            lambda d: d["budget"].__setitem__("monthly", [{"month": 1, "cumulative_spent": 80}]))
with_tables("csv-orphan-target", {"projects": "projects.csv", "targets": "targets.csv"},
            {"projects.csv": "id,name,level,budget,spent\nP01,运行经费,一级,500.00,498.00\n",
             "targets.csv": "project_id,id,kind,name,planned,actual,unit,direction,weight\n"
                            "P01,T1,output,档案数字化,490,493,万页,>=,10\n"
                            "P99,T2,output,展览场次,2,2,次,>=,10\n"
                            ",T3,benefit,满意度,90,96.5,%,>=,20\n"})
with_tables("csv-targets-without-projects", {"targets": "targets.csv"},
            {"targets.csv": "project_id,id,kind,name,planned,actual,unit,direction,weight\n"
                            "P01,T1,output,档案数字化,490,493,万页,>=,10\n"})
GBK_ROWS = "id,name,level,budget,spent\r\nP01,运行经费,一级,500.00,498.00\r\n"
# GBK alone is read (with a warning; tests/unit/data_loader_test.cpp); a byte
# that is neither UTF-8 nor GB18030 (0xFF starts no character of either) is not.
with_tables("csv-not-gb18030", {"projects": "projects.csv"},
            {"projects.csv": GBK_ROWS.encode("gbk") + b"P02,\xff\xff,\xd2\xbb\xbc\xb6,1.00,1.00\r\n"})
with_tables("csv-bad-cells", {"procurements": "procurements.csv"},
            {"procurements.csv": "\ufeff" + PROCUREMENT_HEADER +
             'CG-1,"办公设备\r\n（含打印机）",goods,inquiry,"1,234.50",in_scope,2023/3/1,Y,\r\n'
             'CG-2,物业服务,services,public_tender,-300.00,in_scope,2023-02-29,是,"迟延备案;"\r\n'
             '\r\n'
             'CG-3,"档案""数字化""服务",service,public_tender,300.00,in_scope,,,\r\n'})
with_tables("csv-unknown-table", {"contracts": "contracts.csv"}, {"contracts.csv": "id\n1\n"},
            lambda d: d["budget"].__setitem__("spent", "x"))

# Tables given on the command line (LoadOptions::tables): one missing, one unknown.
write("option-tables.json", BASE)

# A header-less CSV whose first cells are not numbers (ids, names).
with_tables("csv-missing-header-ids", {"procurements": "procurements.csv"},
            {"procurements.csv": "CG-1,办公设备,goods,inquiry,12.00,in_scope\n"
                                 "CG-2,物业服务,services,public_tender,300.00,in_scope\n"})

# A table whose place in the data is missing: budget.monthly without a budget.
with_tables("csv-table-without-parent-object", {"monthly": "monthly.csv"}, {"monthly.csv": MONTHLY_OK},
            lambda d: d.pop("budget"))
