#!/usr/bin/env python3
"""Writes the workbooks of tests/unit/data_xlsx_test.cpp and tests/e2e (run it
after changing a case, then update the tests). Every .xlsx here is made by
xlsx.py (Python's zipfile). old.xls and encrypted.xlsx are not real files from
Excel: each is an OLE compound-file signature (D0 CF 11 E0 …) followed by the
UTF-16 stream name such a file holds ("Workbook" / "EncryptedPackage"), which is
all the reader looks at to tell them apart. (LibreOffice headless could not load
any file on the build machine, so no third-party workbook is committed yet.)

  sample.xlsx        samples/gz-2023-dangan-csv as a workbook: must score as the JSON sample
  cells.xlsx         one cell of every kind the reader knows
  bad-cells.xlsx     a small department with one bad cell of each kind
  aliases.xlsx       headers by alias (合同签订时间), 无 for empty lists, amounts shown with 0.00
  corrupt-*.xlsx, empty.xlsx, mapping-*.xlsx: every other malformed workbook, one fault each
  not-a-workbook.xlsx, old.xls, encrypted.xlsx, no-workbook-part.xlsx: unreadable files
"""
import csv
import datetime
import json
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)
import xlsx  # noqa: E402

SCHEMA = json.load(open(os.path.join(ROOT, "schemas", "department.schema.json"), encoding="utf-8"))


def resolve(node):
    title = node.get("title")
    while "$ref" in node:
        node = SCHEMA["$defs"][node["$ref"].split("/")[-1]]
    return node, title or node.get("title")


def columns(*path):
    """name → (title, kind) of a table's row, kind one of number/boolean/date/text."""
    node = SCHEMA
    for p in path:
        node, _ = resolve(node)
        node = node["properties"][p] if p != "*" else node["items"]
    node, _ = resolve(node)
    row, _ = resolve(node["items"])
    out = {}
    for name, prop in row["properties"].items():
        p, title = resolve(prop)
        t = p.get("type")
        kind = ("date" if p.get("format") == "date" else
                "number" if p.get("format") == "decimal" or t == "integer" else
                "boolean" if t == "boolean" else "text")
        out[name] = (title, kind)
    return out


def serial(iso):
    return (datetime.date.fromisoformat(iso) - datetime.date(1899, 12, 30)).days


def cell(text, kind):
    if text == "":
        return None
    if kind == "number":
        return ("n", text)
    if kind == "boolean":
        return ("b", text == "true")
    if kind == "date":
        return ("date", serial(text))
    return text


def table_sheet(csv_path, cols, by_title=True):
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = [cols[h][0] if by_title else h for h in rows[0]]
    return [header] + [[cell(v, cols[h][1]) for h, v in zip(rows[0], r)] for r in rows[1:]]


def key_values(doc, skip):
    """The 基本信息 sheet: one row per scalar, by JSON pointer."""
    rows = [["字段", "名称", "值"]]

    def walk(value, pointer):
        if pointer in skip:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, pointer + "/" + k.replace("~", "~0").replace("/", "~1"))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{pointer}/{i}")
        elif isinstance(value, bool):
            rows.append([pointer, None, ("b", value)])
        elif isinstance(value, (int, float)):
            rows.append([pointer, None, ("n", repr(value))])
        else:
            rows.append([pointer, None, ("inline", value) if len(rows) % 2 else value])

    walk(doc, "")
    return rows


def sample():
    src = os.path.join(ROOT, "samples", "gz-2023-dangan-csv")
    # The numbers as written in the JSON (json.load would give 10606.1 for 10606.10).
    doc = json.load(open(os.path.join(src, "department.json"), encoding="utf-8"), parse_float=str)
    doc.pop("tables")

    class Num(str):
        pass
    sheets = [("填写说明", [["本工作簿由 tests/data/xlsx/generate.py 从 samples/gz-2023-dangan-csv 生成"]])]
    kv = key_values(doc, set())
    # Numbers came as str (parse_float=str) and int: mark decimals as numbers.
    for row in kv[1:]:
        v = row[2]
        if isinstance(v, str) and v.replace(".", "", 1).isdigit():
            row[2] = ("n", v)
        elif isinstance(v, tuple) and v[0] == "inline" and v[1].replace(".", "", 1).isdigit():
            row[2] = ("n", v[1])
    sheets.append(("基本信息", kv))
    sheets.append(("采购", table_sheet(os.path.join(src, "procurements.csv"), columns("procurements"))))
    sheets.append(("预算项目", table_sheet(os.path.join(src, "projects.csv"), columns("projects"))))
    sheets.append(("绩效目标", table_sheet(os.path.join(src, "targets.csv"), columns("projects", "*", "targets"))))
    sheets.append(("monthly", table_sheet(os.path.join(src, "monthly.csv"), columns("budget", "monthly"), False)))
    sheets.append(("选项", [["goods"], ["services"], ["works"]]))  # a hidden list for data validation
    xlsx.write(os.path.join(HERE, "sample.xlsx"), sheets, hidden={"选项"})


def cells():
    rows = [
        ["shared", ("inline", "inline"), ("n", "1234.5"), ("n", "1.5E-3"), ("date", 44931), ("date", 59)],
        [("date", 61), ("f", "SUM(C1:C1)", "1234.5"), ("f", "NOW()", None), ("fs", "A1&B1", "sharedinline"),
         ("b", True), ("e", "#DIV/0!")],
        [],  # a blank row
        ["merged", None, None, None, None, ("date", 60)],
        [None, None],
    ]
    xlsx.write(os.path.join(HERE, "cells.xlsx"), [("一", rows), ("隐藏", [["h"]])], hidden={"隐藏"},
               merges={"一": ["A4:B5"]})


def bad_cells():
    kv = [["字段", "名称", "值"], ["/schema_version", "数据格式版本", "1"], ["/fiscal_year", "评价年度", ("n", "2023")],
          ["/money_unit", "金额单位", "万元"], ["/department/code", None, "GZ-T01"],
          ["/department/name", None, "测试局"], ["/department/level", None, "市级"],
          ["/budget/adjusted", None, ("f", "B1*2", None)], ["/budget/spent", None, ("n", "990.5")]]
    cols = columns("procurements")
    header = [cols[n][0] for n in ("id", "name", "category", "method", "budget", "intention_scope",
                                   "intention_published", "contract_signed")]
    procurements = [
        header,
        ["CG-1", "办公设备", "goods", "inquiry", ("e", "#VALUE!"), "in_scope", "2023/1/5", ("date", 44931)],
        [],
        ["CG-2", "物业服务", "services", "public_tender", ("n", "300"), "in_scope", "2023年2月30日", "x"],
        ["CG-3", "档案服务", "service", "public_tender", ("n", "1E+2"), "in_scope", None, ("date", 60)],
    ]
    xlsx.write(os.path.join(HERE, "bad-cells.xlsx"), [("基本信息", kv), ("采购", procurements)])


def unreadable():
    with open(os.path.join(HERE, "not-a-workbook.xlsx"), "w", encoding="utf-8") as f:
        f.write("id,name\nCG-1,办公设备\n")
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    with open(os.path.join(HERE, "old.xls"), "wb") as f:
        f.write(ole + "Workbook".encode("utf-16-le") + bytes(64))
    with open(os.path.join(HERE, "encrypted.xlsx"), "wb") as f:
        f.write(ole + "EncryptionInfo".encode("utf-16-le") + bytes(16) + "EncryptedPackage".encode("utf-16-le") +
                bytes(64))
    with zipfile.ZipFile(os.path.join(HERE, "no-workbook-part.xlsx"), "w") as z:
        z.writestr(zipfile.ZipInfo("word/document.xml", xlsx.FIXED), "<w:document/>")


def small_department(extra=()):
    return [["字段", "名称", "值"], ["/schema_version", "数据格式版本", "1"], ["/fiscal_year", "评价年度", ("n", "2023")],
            ["/money_unit", "金额单位", "万元"], ["/department/code", None, "GZ-T01"],
            ["/department/name", None, "测试局"], ["/department/level", None, "市级"],
            ["/budget/spent", None, ("n", "990.5")]] + list(extra)


def aliases():
    kv = small_department([["/budget/adjusted", None, ("n2", "10606.1")],
                           ["/assets/income_remittances", "资产收益上缴", "无"],
                           ["/financial_compliance/done", None, ("b", True)],
                           ["/financial_compliance/issues", None, " 无 "]])
    procurements = [
        ["*采购项目编号", "采购项目名称", "采购品目类别", "采购方式", "采购预算", "采购意向公开范围", "合同签订时间",
         "中标（成交）供应商", "合规问题"],
        ["CG-1", "办公设备", "goods", "inquiry", ("n2", "300"), "in_scope", ("date", 45000), "某公司", "无"],
        ["CG-2", "物业服务", "services", "public_tender", ("n2", "120.125"), "in_scope", None, None,
         "未按规定公告;文档归档不规范"],
    ]
    xlsx.write(os.path.join(HERE, "aliases.xlsx"), [("基本信息", kv), ("采购", procurements)])


def malformed():
    kv = small_department([["/budget/adjusted", None, ("n", "1000")]])
    procurements = [["采购项目编号", "采购项目名称"], ["CG-1", "办公设备"]]
    good = [("基本信息", kv), ("采购", procurements)]
    NS = xlsx.NS
    # A sheet part that is not XML (a tag left open).
    xlsx.write(os.path.join(HERE, "corrupt-xml.xlsx"), good,
               parts_override={"xl/worksheets/sheet2.xml": f'<worksheet {NS}><sheetData><row r="1">'})
    # The workbook names a sheet whose part the relationships do not give.
    xlsx.write(os.path.join(HERE, "corrupt-no-sheet-part.xlsx"), good,
               parts_override={"xl/_rels/workbook.xml.rels":
                               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'})
    # A cell reference that is no cell, and a shared string that does not exist.
    xlsx.write(os.path.join(HERE, "corrupt-reference.xlsx"), good,
               parts_override={"xl/worksheets/sheet2.xml":
                               f'<worksheet {NS}><sheetData><row r="1"><c r="1A" t="inlineStr"><is><t>x</t></is>'
                               '</c></row></sheetData></worksheet>'})
    xlsx.write(os.path.join(HERE, "corrupt-shared-string.xlsx"), good,
               parts_override={"xl/worksheets/sheet2.xml":
                               f'<worksheet {NS}><sheetData><row r="1"><c r="B1" t="s"><v>99</v></c></row>'
                               '</sheetData></worksheet>'})
    # The first half of a good workbook: a truncated download.
    whole = open(os.path.join(HERE, "sample.xlsx"), "rb").read()
    with open(os.path.join(HERE, "corrupt-truncated.xlsx"), "wb") as f:
        f.write(whole[:len(whole) // 2])
    open(os.path.join(HERE, "empty.xlsx"), "wb").close()
    # Readable workbooks that do not map: no 基本信息; a table sheet whose first row
    # names no column; a field twice in a header; one table in two sheets.
    xlsx.write(os.path.join(HERE, "mapping-no-header-sheet.xlsx"), [("采购", procurements)])
    xlsx.write(os.path.join(HERE, "mapping-bad-header.xlsx"),
               [("基本信息", kv), ("采购", [["编号", "名称"], ["CG-1", "办公设备"]])])
    xlsx.write(os.path.join(HERE, "mapping-duplicate-column.xlsx"),
               [("基本信息", kv), ("采购", [["采购项目编号", "id", "采购项目名称"], ["CG-1", "CG-1", "办公设备"]])])
    xlsx.write(os.path.join(HERE, "mapping-table-twice.xlsx"),
               [("基本信息", kv), ("采购", procurements), ("政府采购项目", procurements)])


sample()
cells()
bad_cells()
aliases()
unreadable()
malformed()
