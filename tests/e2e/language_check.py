#!/usr/bin/env python3
"""One language throughout (issue 14 part 5): every sample in samples/, in every
report format, in both languages, and `narrative` on the narrative test reports.

A Chinese report fails on an English word, an English report on a Chinese
character, except for what is not the report's own words:
  - data: text that occurs in the input files as written (department, project
    and target names, issues, notes, enum values such as "goods", money units);
  - identifiers: rule ids (MGMT.PROC.CONTRACT_FILING), file paths and
    positions, snake_case names (a JSON pointer, an evidence key in English);
  - ALLOWED_WORDS below: names of formats, programs and standards that Chinese
    text writes in Latin letters too.
JSON is the machine format and carries both languages side by side: there the
fields named *_zh must hold no English word and the fields named *_en no
Chinese character; its keys are identifiers.

Usage: language_check.py JXAUDIT SOURCE_DIR [SCRATCH_DIR]   (exit 1 on a leak; SCRATCH_DIR
holds a department made for a year without a rule set)
"""
import html
import json
import pathlib
import re
import subprocess
import sys
import zipfile

# Latin words a Chinese report may contain: format and program names, the
# "--lang en" of the help line, units of the standards cited.
ALLOWED_WORDS = {
    "jxaudit",  # the program
    "json", "csv", "html", "xlsx", "ndjson", "utf", "bom", "excel", "wps", "lua", "toml", "pdf", "docx", "txt",
    "lang", "en", "zh",  # "--lang en" in the text format's description
    "mib", "kib",  # sizes
}

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# Identifiers and positions: a token with a digit, '_', '.', '/', ':', '@',
# '=' or '-' inside, or in capitals (a rule id, a JSON pointer, a path).
TOKEN = re.compile(r"[^\s，。；：、（）“”‘’《》【】,;()<>\"']+")


def is_identifier(token):
    if token.startswith("-"):
        return True  # an option: --fail-on
    core = token.strip("-–—·*!?")
    if not core:
        return True
    if re.search(r"[0-9_./:@=#~$%\[\]{}]", core) or core.startswith("-"):
        return True
    letters = re.sub(r"[^A-Za-z]", "", core)
    return letters.isupper() and len(letters) > 1


def input_text(paths):
    """Every input file's text, joined: data is what occurs in it."""
    text = []
    for path in paths:
        p = pathlib.Path(path)
        files = [p] + (sorted(p.parent.glob("*.csv")) if p.suffix == ".json" else [])
        for f in files:
            if f.suffix == ".xlsx":
                with zipfile.ZipFile(f) as z:
                    text += [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")]
            else:
                raw = f.read_bytes()
                try:
                    text.append(raw.decode("utf-8"))
                except UnicodeDecodeError:
                    text.append(raw.decode("gb18030", "replace"))
    return "\n".join(text)


def visible_html(page):
    page = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<[^>]*>", " ", page)
    return html.unescape(page)


def xlsx_text(data):
    import io
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [z.read(n).decode("utf-8") for n in z.namelist()
                 if n.startswith("xl/") and n.endswith(".xml") and ("sharedStrings" in n or "/worksheets/" in n)]
    return html.unescape(" ".join(re.sub(r"(?s)<[^>]*>", " ", p) for p in parts))


def json_strings(node, want_suffix, out):
    """The values of fields whose names end in want_suffix ("_zh" or "_en")."""
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, str) and k.endswith(want_suffix):
                out.append(v)
            else:
                json_strings(v, want_suffix, out)
    elif isinstance(node, list):
        for v in node:
            json_strings(v, want_suffix, out)


# What a user types, as --help shows it: the commands and their positionals.
COMMAND_WORDS = {"check", "validate", "test", "lint", "rules", "explain", "narrative", "template", "diff", "new", "data", "files",
                 "ruleset", "rule", "reports", "sets", "dir", "text", "list",
                 "procurements", "projects", "targets", "monthly"}  # --table NAME=PATH


def english_leaks(text, data):
    text = re.sub(r"\{[^{}]*\}", " ", text)  # --help's choices, {never,note,…}: values the user types
    leaks = set()
    for token in TOKEN.findall(text):
        if is_identifier(token) or token in data:
            continue
        for word in WORD.findall(token):
            if len(word) == 1 or word.lower() in ALLOWED_WORDS or word in COMMAND_WORDS or word in data:
                continue
            leaks.add(token)
    return leaks


def chinese_leaks(text, data):
    joined = re.sub(r"\s+", "", data)  # a report's sentence may be wrapped across lines
    return {run for run in HAN.findall(text) if run not in data and run not in joined}


def main():
    jxaudit, source = sys.argv[1], pathlib.Path(sys.argv[2])
    help_text = subprocess.run([jxaudit, "--lang", "en", "check", "--help"], capture_output=True, text=True,
                               cwd=source).stdout
    formats = [f for f in ("text", "json", "csv", "html", "xlsx") if re.search(rf"\b{f} \(\.", help_text)]
    samples = sorted(str(p.relative_to(source)) for p in (source / "samples").rglob("*")
                     if p.suffix in (".json", ".xlsx") and not (p.suffix == ".json" and p.parent.name.endswith("-csv")
                                                                 and p.name != "department.json"))
    runs = [(["check", "--color", "never", "--format", f, s], [s], f) for s in samples for f in formats]
    reports = sorted(str(p.relative_to(source)) for p in (source / "tests/data/narrative").glob("*.txt"))
    runs += [(["narrative", "--format", f, r], [r], f) for r in reports for f in ("text", "json", "csv")]
    # Errors, on stderr: a file that does not exist; a fiscal year without a rule set
    # (a copy of a sample made for 2021, in the build tree); a bad --table.
    scratch = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else None
    if scratch is not None:
        scratch.mkdir(parents=True, exist_ok=True)
        dept = json.loads((source / "samples/gz-2023-dangan.json").read_text(encoding="utf-8"))
        dept["fiscal_year"] = 2021
        year_2021 = scratch / "fiscal-year-2021.json"
        year_2021.write_text(json.dumps(dept, ensure_ascii=False), encoding="utf-8")
        runs.append((["check", str(year_2021)], [str(year_2021)], "error"))
    runs.append((["check", "no-such-department.json"], [], "error"))
    runs.append((["check", "--table", "procurements", "samples/gz-2023-dangan.json"], [], "error"))
    # --help of every command.
    for command in ([], ["check"], ["validate"], ["test"], ["lint"], ["rules"], ["explain"], ["narrative"], ["template"]):
        runs.append((command + ["--help"], [], "help"))

    failures = []
    for args, inputs, fmt in runs:
        data = input_text([source / i for i in inputs])
        for lang in ("zh", "en"):
            done = subprocess.run([jxaudit, "--lang", lang] + args, capture_output=True, cwd=source)
            if done.returncode not in (0, 1, 3) and fmt not in ("help", "error"):
                failures.append(f"{lang} {' '.join(args)}: exit {done.returncode}: {done.stderr.decode()[:300]}")
                continue
            if fmt == "error" and (done.returncode != 2 or not done.stderr):
                failures.append(f"{lang} {' '.join(args)}: expected exit 2 and a message, got {done.returncode}")
            if fmt == "json":
                texts = []
                for line in done.stdout.decode().splitlines():
                    json_strings(json.loads(line), "_" + lang, texts)
                text = "\n".join(texts)
            elif fmt == "xlsx":
                text = xlsx_text(done.stdout)
            else:
                text = done.stdout.decode("utf-8-sig")
                if fmt == "html":
                    text = visible_html(text)
            text += "\n" + done.stderr.decode()
            leaks = english_leaks(text, data) if lang == "zh" else chinese_leaks(text, data)
            if leaks:
                failures.append(f"{lang} {' '.join(args)}: " + ", ".join(sorted(leaks)[:12]))
    for f in failures:
        print(f)
    print(f"{len(runs) * 2} outputs read, {len(failures)} with words of the other language")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
