#!/usr/bin/env python3
"""--format xlsx has the same content as --format json (issue 16, deliver 4/6).

  xlsx_report.py JXAUDIT XLSX_DUMP WORKDIR [--lang en] DATA...

Runs `jxaudit check` on DATA as JSON and as a workbook, reads the workbook back
with the project's own reader (tests/tools/xlsx_dump.cpp over
engine/data/xlsx_reader) and checks every sheet cell by cell against the JSON
report: 评分表 (each indicator, then the total), 发现 (every finding and data
problem, worst first), 自评核对 (verdict, differences, failed self-checks) and,
for two or more departments, 汇总 (the verdict in the last column). The same
run twice, and under another time zone, gives the same bytes.
"""
import csv
import io
import json
import tomllib
import os
import subprocess
import sys
from decimal import Decimal


def run(cmd, env=None):
    p = subprocess.run(cmd, capture_output=True, env=env)
    if p.returncode not in (0, 1, 2):
        sys.exit(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr.decode()}")
    return p.stdout


def column_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def read_back(dump, path):
    """sheet → list of rows (lists of text), as the project's reader reads them."""
    sheets = {}
    for line in run([dump, path]).decode().splitlines():
        parts = line.split("\t")
        if parts[1] == "hidden":
            continue
        sheet, ref, _kind, text = parts
        text = text.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\")
        letters = ref.rstrip("0123456789")
        row, col = int(ref[len(letters):]), column_number(letters)
        grid = sheets.setdefault(sheet, {})
        grid[(row, col)] = text
    out = {}
    for sheet, grid in sheets.items():
        rows = max(r for r, _ in grid)
        cols = max(c for _, c in grid)
        out[sheet] = [[grid.get((r, c), "") for c in range(1, cols + 1)] for r in range(1, rows + 1)]
    return out


def pad(row, n):
    return row + [""] * (n - len(row))


def main():
    jxaudit, dump, workdir = sys.argv[1:4]
    args = sys.argv[4:]
    lang = []
    if args[:2] == ["--lang", "en"]:
        lang, args = args[:2], args[2:]
    en = bool(lang)
    os.makedirs(workdir, exist_ok=True)
    docs = [json.loads(line) for line in run([jxaudit] + lang + ["check", "--format", "json"] + args).splitlines()]
    docs = [d for d in docs if d.get("format") == "jxaudit.findings/1"]
    # The finding rows hold the CSV report's cells (kinds and evidence labels in
    # the report's language); indicator paths and grades are named as the rule
    # set's manifest names them in English.
    csv_rows = list(csv.reader(io.StringIO(
        run([jxaudit] + lang + ["check", "--format", "csv"] + args).decode("utf-8").lstrip("\ufeff"))))[1:]
    kind_words = {"verdict", "self_check", "结论", "自评核对"}
    csv_findings = [r for r in csv_rows if r[6] not in kind_words]
    manifests = {}

    def manifest_names(d):
        rid = d.get("ruleset", {}).get("id", "")
        if rid not in manifests:
            with open(os.path.join("rules", rid, "manifest.toml"), "rb") as f:
                m = tomllib.load(f)
            manifests[rid] = ({i["path"]: i.get("name_en", "") for i in m.get("indicators", [])},
                              {g["name"]: g.get("name_en", g["name"]) for g in m.get("grades", [])})
        return manifests[rid]

    def path_l(d, path):
        if not en or not path:
            return path
        by_path = manifest_names(d)[0]
        parts = path.split("/")
        if "/".join(parts) not in by_path:
            return path
        return "/".join(by_path.get("/".join(parts[:i + 1])) or parts[i] for i in range(len(parts)))

    def grade_l(d, grade):
        return manifest_names(d)[1].get(grade, grade) if en and grade else grade
    book = os.path.join(workdir, "report.xlsx")
    run([jxaudit] + lang + ["check", "--format", "xlsx", "-o", book] + args)
    again = os.path.join(workdir, "again.xlsx")
    env = dict(os.environ, TZ="Asia/Shanghai")
    run([jxaudit] + lang + ["check", "--format", "xlsx", "-o", again] + args, env)
    problems = []
    if open(book, "rb").read() != open(again, "rb").read():
        problems.append("two runs (TZ differs) gave different bytes")
    sheets = read_back(dump, book)
    names = ["Summary", "Scorecard", "Findings", "Self-checks"] if en else ["汇总", "评分表", "发现", "自评核对"]
    batch = len(docs) >= 2
    expected_sheets = names if batch else names[1:]
    if list(sheets) != expected_sheets:
        problems.append(f"sheets {list(sheets)}, expected {expected_sheets}")

    def compare(sheet, expected):
        rows = sheets.get(sheet, [])[1:]
        width = max([len(r) for r in rows + expected] + [0])
        got = [pad(r, width) for r in rows]
        want = [pad(r, width) for r in expected]
        if got != want:
            for i, (g, w) in enumerate(zip(got, want)):
                if g != w:
                    problems.append(f"{sheet} row {i + 2}: got {g}\n    expected {w}")
                    break
            if len(got) != len(want):
                problems.append(f"{sheet}: {len(got)} rows, expected {len(want)}")

    scorecard, findings, checks, summary = [], [], [], []
    for d in docs:
        who = [d["input"]["file"], d["department"]["code"], d["department"]["name"]]
        verdict = d["verdict"]["text_en" if en else "text_zh"]
        checked = d["status"] == "checked"
        total = d.get("total", "") if checked else ""
        for diag in d["diagnostics"]:
            at = diag["file"]
            if "sheet" in diag:  # a workbook's cell, as Excel names it: 采购!F12, a whole row 采购!2:2
                at += ":" + diag["sheet"]
                if diag["line"]:
                    at += "!" + (f"{column_letters(diag['column'])}{diag['line']}" if diag["column"]
                                 else f"{diag['line']}:{diag['line']}")
            elif diag["line"]:
                at += f":{diag['line']}" + (f":{diag['column']}" if diag["column"] else "")
        counted = sum(1 for f in d.get("findings", []) if f["kind"] != "note")
        summary.append(who + [total, d.get("self_total", ""), d.get("gap", ""), grade_l(d, d.get("grade", "")),
                              str(counted) if checked else "", verdict])
        checks.append(who + ["verdict" if en else "结论", "", "", "", verdict, ""])
        if not checked:
            continue
        for ind in d["indicators"]:
            scorecard.append(who + [path_l(d, ind["path"]), ("yes" if en else "是") if ind["leaf"] else "", ind["weight"],
                                    ind.get("self_score", ""), ind["score"], ind.get("gap", ""), ind["deducted"]])
        weight = sum(Decimal(i["weight"]) for i in d["indicators"] if "/" not in i["path"])
        scorecard.append(who + ["total" if en else "总分", grade_l(d, d["grade"]), f"{weight:.2f}", d.get("self_total", ""),
                                d["total"], d.get("gap", ""), ""])
        for diff in d["verdict"]["differences"]:
            checks.append(who + ["difference" if en else "差异", path_l(d, diff["indicator"]), diff["score"], diff["self_score"], "",
                                 diff["source"]])
        for c in d["self_checks"]:
            checks.append(who + [c["relation"], path_l(d, c["indicator"]), "", "", c["message_en" if en else "message_zh"],
                                 "; ".join(c["sources"])])
    for r in csv_findings:
        findings.append((0 if r[6] in ("data_error", "数据错误") else 1, Decimal(r[8] or "0"), len(findings), r))
    findings.sort(key=lambda f: (f[0], -f[1], f[2]))
    compare(names[1], scorecard)
    compare(names[2], [f[3] for f in findings])
    compare(names[3], checks)
    if batch:
        compare(names[0], summary)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"{len(docs)} departments: the workbook reads back as the JSON report "
          f"({len(scorecard)} scorecard rows, {len(findings)} findings, {len(checks)} checks)")


main()
