#!/usr/bin/env python3
"""Makes seed004.docx and seed004.pdf from seed004.txt (run from this folder).

seed004.txt is the text of a published PDF: lines wrapped at the page width, a
blank line after each, page numbers ("— 12 —"). A Word report has paragraphs, so
the lines are first joined back into paragraphs (a paragraph ends at a line that
ends with 。 or ： or is shorter than a full line) and written as HTML, one <p>
per paragraph. Then third-party writers make the files the test reads:
  pandoc 2.17 (Debian 12)            HTML → seed004.docx
  LibreOffice 7.4 headless (Debian 12, fonts-noto-cjk)  seed004.docx → seed004.pdf
Needs: apt-get install pandoc libreoffice-writer-nogui fonts-noto-cjk
"""
import html
import os
import re
import subprocess

FULL_LINE = 26  # characters; seed 004's lines hold 28 to 31

lines = [l.strip() for l in open("seed004.txt", encoding="utf-8").read().split("\n")]
paragraphs, current = [], ""
for line in lines:
    if not line or re.fullmatch(r"[—\-\s\d]+", line):
        continue
    current += line
    if line.endswith(("。", "：")) or len(line) < FULL_LINE:
        paragraphs.append(current)
        current = ""
if current:
    paragraphs.append(current)
with open("seed004.html", "w", encoding="utf-8") as out:
    out.write('<html><head><meta charset="utf-8"><title>2023年度广州市档案馆部门整体支出绩效自评报告</title></head><body>\n')
    for p in paragraphs:
        out.write("<p>" + html.escape(p) + "</p>\n")
    out.write("</body></html>\n")
subprocess.run(["pandoc", "-f", "html", "-t", "docx", "-o", "seed004.docx", "seed004.html"], check=True)
subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "seed004.docx"], check=True)
os.remove("seed004.html")
