#!/usr/bin/env python3
"""Fills the template `jxaudit template` writes with a department's JSON, the
way a third-party program would: Python's openpyxl (Debian python3-openpyxl)
opens the template and saves it, so the workbook is openpyxl's, not ours.

  openpyxl_fill.py TEMPLATE.xlsx DEPARTMENT.json SCHEMA.json OUT.xlsx

Like a person at a spreadsheet: amounts go in as numbers (a double, as Excel
stores them) with a format showing their decimals (10606.10 → 10606.1 shown as
0.00), dates as date cells, yes/no as TRUE/FALSE, a list of text as one cell
with ';', an empty list as 无. Fields the template has no row for (a second
资产处置) are added at the end of 基本信息.

tests/data/xlsx/openpyxl-dangshi.xlsx was made with:
  jxaudit template --year 2023 -o /tmp/t.xlsx
  python3 tests/data/xlsx/openpyxl_fill.py /tmp/t.xlsx samples/gz-2023-dangshi.json \
      schemas/department.schema.json tests/data/xlsx/openpyxl-dangshi.xlsx
"""
import datetime
import decimal
import json
import re
import sys

import openpyxl

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def resolve(schema, node):
    title = node.get("title")
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    return node, title or node.get("title")


def tables(schema):
    """table name → (sheet, path to the list, row schema), from each x-csv."""
    out = {}

    def walk(node, path):
        node, _ = resolve(schema, node)
        for name, prop in node.get("properties", {}).items():
            p, _ = resolve(schema, prop)
            if "x-csv" in p:
                row, _ = resolve(schema, p["items"])
                out[p["x-csv"]["table"]] = (p["x-csv"]["sheet"], path + [name], row, p["x-csv"])
            if "items" in p:
                walk(p["items"], path + [name, "*"])
            walk(p, path + [name])

    walk(schema, [])
    return out


def put(cell, value):
    if isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int):
        cell.value = value
        cell.number_format = "0"
    elif isinstance(value, decimal.Decimal):
        text = str(value)
        cell.value = float(value)  # what a spreadsheet stores
        cell.number_format = "0." + "0" * (len(text) - text.index(".") - 1) if "." in text else "0"
    elif isinstance(value, str) and DATE.match(value):
        cell.value = datetime.date.fromisoformat(value)
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, list):
        cell.value = ";".join(value) if value else "无"
    else:
        cell.value = value


def leaves(value, pointer, skip, out):
    """JSON pointer → value for everything outside the tables."""
    if pointer in skip:
        return
    if isinstance(value, dict):
        for k, v in value.items():
            leaves(v, pointer + "/" + k.replace("~", "~0").replace("/", "~1"), skip, out)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, v in enumerate(value):
            leaves(v, f"{pointer}/{i}", skip, out)
    else:
        out[pointer] = value


def main(template, department, schema_path, output):
    schema = json.load(open(schema_path, encoding="utf-8"))
    doc = json.load(open(department, encoding="utf-8"), parse_float=decimal.Decimal)
    specs = tables(schema)
    book = openpyxl.load_workbook(template)

    skip = {"/tables"} | {"/" + "/".join(path) for _, path, _, _ in specs.values() if "*" not in path}
    values = {}
    leaves(doc, "", skip, values)
    sheet = book["基本信息"]
    seen = set()
    for row in sheet.iter_rows(min_row=2):
        pointer = row[0].value
        if pointer in values:
            put(row[2], values[pointer])
            seen.add(pointer)
    for pointer, value in values.items():
        if pointer not in seen:
            r = sheet.max_row + 1
            sheet.cell(row=r, column=1, value=pointer)
            put(sheet.cell(row=r, column=3), value)

    for table, (sheet_name, path, row_schema, csv) in specs.items():
        titles = {}
        for name, prop in row_schema["properties"].items():
            _, title = resolve(schema, prop)
            titles[title] = name
        ws = book[sheet_name]
        columns = {c.column: titles[c.value.lstrip("*")] for c in ws[1] if c.value}
        rows = []

        def gather(node, depth, parent):
            if depth == len(path):
                for item in node or []:
                    rows.append((item, parent))
                return
            if path[depth] == "*":
                for item in node or []:
                    gather(item, depth + 1, item)
            elif isinstance(node, dict) and path[depth] in node:
                gather(node[path[depth]], depth + 1, parent)

        gather(doc, 0, None)
        for r, (item, parent) in enumerate(rows, 2):
            for column, field in columns.items():
                value = item.get(field)
                if value is None and field == csv.get("parent_key") and parent is not None:
                    value = parent[csv["parent_field"]]
                if value is None or value == []:
                    continue
                put(ws.cell(row=r, column=column), value)
    book.save(output)


if __name__ == "__main__":
    main(*sys.argv[1:])
