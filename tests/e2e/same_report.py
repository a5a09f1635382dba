#!/usr/bin/env python3
"""A workbook gives the same report as the department's JSON (issue 16, "done when"):

  same_report.py JXAUDIT DEPARTMENT.json WORKBOOK.xlsx [more jxaudit arguments]

`jxaudit check --format json` of both must be equal apart from the input's
name and hash and the data positions (line:column in the JSON, sheet!cell in
the workbook); each position the JSON report gives, the workbook's gives too,
as book.xlsx:sheet!F12 (or sheet!12:12 for a whole row).
"""
import json
import re
import subprocess
import sys

CELL = re.compile(r"^.+\.xlsx:[^!]+!([A-Z]{1,3}[0-9]+|([0-9]+):\2)$")


def report(jxaudit, path, extra):
    p = subprocess.run([jxaudit] + extra + ["check", "--format", "json", path], capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit(f"{path}: exit {p.returncode}\n{p.stderr.decode()}")
    return json.loads(p.stdout), p.returncode


def positions(doc, workbook, problems):
    """Blanks every data position, checking the workbook's are sheet!cell."""
    def blank(obj, key):
        value = obj.get(key)
        if isinstance(value, list):
            for v in value:
                if workbook and v and not CELL.match(v):
                    problems.append(f"not a sheet!cell position: {v}")
            obj[key] = [bool(v) for v in value]
        else:
            if workbook and value and not CELL.match(value):
                problems.append(f"not a sheet!cell position: {value}")
            obj[key] = bool(value)
    doc.pop("input")
    for f in doc.get("findings", []):
        blank(f, "data_source")
    for c in doc.get("self_checks", []):
        blank(c, "sources")
    for d in doc.get("verdict", {}).get("differences", []):
        blank(d, "source")
    return doc


def main():
    jxaudit, department, workbook = sys.argv[1:4]
    extra = sys.argv[4:]
    problems = []
    a, exit_a = report(jxaudit, department, extra)
    b, exit_b = report(jxaudit, workbook, extra)
    cited = sum(1 for f in b.get("findings", []) if f["data_source"])
    a, b = positions(a, False, problems), positions(b, True, problems)
    if exit_a != exit_b:
        problems.append(f"exit {exit_a} vs {exit_b}")
    if a != b:
        for key in a:
            if a[key] != b.get(key):
                problems.append(f"{key} differs:\n  {json.dumps(a[key], ensure_ascii=False)[:600]}\n  "
                                f"{json.dumps(b.get(key), ensure_ascii=False)[:600]}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"same report: total {b.get('total')}, {len(b.get('findings', []))} findings "
          f"({cited} citing a cell)")


main()
