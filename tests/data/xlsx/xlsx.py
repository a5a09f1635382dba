"""A minimal .xlsx writer for tests (Python's zipfile, XML by hand-built strings
escaped with xml.sax.saxutils): enough of Office Open XML to exercise every
branch of engine/data/xlsx_reader.cpp. Not used by jxaudit itself.

A sheet is a list of rows; a row is a list of cells (None = no cell). A cell is
  "text"                     a shared string
  ("inline", "text")         an inline string
  ("n", "1234.5")            a number, its stored text as given
  ("n2", "10606.1")          a number shown with two decimals (numFmtId 2, "0.00")
  ("date", 44931)            a number with date style (numFmtId 14)
  ("f", "SUM(A1:A2)", value) a formula with a cached number (value None: no cached value)
  ("fs", "A1&B1", "text")    a formula with a cached string
  ("b", True)                a boolean
  ("e", "#DIV/0!")           an error value
"""
import zipfile
from xml.sax.saxutils import escape, quoteattr

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
FIXED = (2023, 1, 1, 0, 0, 0)  # fixed member times: the same bytes on every run


def column(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def write(path, sheets, hidden=(), merges=None, parts_override=None):
    """sheets: list of (name, rows); hidden: names of hidden sheets; merges: name → ["A2:A4", …];
    parts_override: part name → its text instead (None: the part left out), to make a corrupt workbook."""
    merges = merges or {}
    strings, index = [], {}

    def shared(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    parts = {}
    for i, (name, rows) in enumerate(sheets, 1):
        xml = []
        for r, row in enumerate(rows, 1):
            cells = []
            for c, cell in enumerate(row, 1):
                if cell is None:
                    continue
                ref = f'{column(c)}{r}'
                if isinstance(cell, str):
                    cells.append(f'<c r="{ref}" t="s"><v>{shared(cell)}</v></c>')
                    continue
                kind = cell[0]
                if kind == "inline":
                    cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(cell[1])}</t></is></c>')
                elif kind == "n":
                    cells.append(f'<c r="{ref}"><v>{cell[1]}</v></c>')
                elif kind == "n2":
                    cells.append(f'<c r="{ref}" s="2"><v>{cell[1]}</v></c>')
                elif kind == "date":
                    cells.append(f'<c r="{ref}" s="1"><v>{cell[1]}</v></c>')
                elif kind == "f":
                    value = "" if cell[2] is None else f'<v>{cell[2]}</v>'
                    cells.append(f'<c r="{ref}"><f>{escape(cell[1])}</f>{value}</c>')
                elif kind == "fs":
                    cells.append(f'<c r="{ref}" t="str"><f>{escape(cell[1])}</f><v>{escape(cell[2])}</v></c>')
                elif kind == "b":
                    cells.append(f'<c r="{ref}" t="b"><v>{1 if cell[1] else 0}</v></c>')
                elif kind == "e":
                    cells.append(f'<c r="{ref}" t="e"><v>{escape(cell[1])}</v></c>')
            if cells:
                xml.append(f'<row r="{r}">{"".join(cells)}</row>')
        merged = ""
        if name in merges:
            merged = f'<mergeCells count="{len(merges[name])}">' + "".join(
                f'<mergeCell ref="{m}"/>' for m in merges[name]) + '</mergeCells>'
        parts[f'xl/worksheets/sheet{i}.xml'] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}>'
            f'<sheetData>{"".join(xml)}</sheetData>{merged}</worksheet>')
    state = ' state="hidden"'
    sheet_list = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{i}"{state if name in hidden else ""} r:id="rId{i}"/>'
        for i, (name, _) in enumerate(sheets, 1))
    parts['xl/workbook.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                f'<workbook {NS} {RNS}><sheets>{sheet_list}</sheets></workbook>')
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1))
    n = len(sheets)
    rels += (f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
             f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
    parts['xl/_rels/workbook.xml.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
    parts['xl/sharedStrings.xml'] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst {NS} count="{len(strings)}">' +
        "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + '</sst>')
    parts['xl/styles.xml'] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet {NS}>'
        '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>')
    parts['[Content_Types].xml'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(1, len(sheets) + 1)) +
        '</Types>')
    parts['_rels/.rels'] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')
    for name, text in (parts_override or {}).items():
        if text is None:
            parts.pop(name, None)
        else:
            parts[name] = text
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name])
