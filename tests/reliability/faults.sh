#!/usr/bin/env bash
# Fault injection (docs/reliability.md): each case breaks one thing and
# asserts the exact, clear outcome: message, exit code, and that nothing
# half-written is left behind.
#   faults.sh JXAUDIT SOURCE_DIR WORK_DIR CASE
# Exit 77 (ctest SKIP_RETURN_CODE) when a case cannot be set up here.
set -euo pipefail
JX=$1
cd "$2"
WORK=$3
case_name=$4
. tests/reliability/lib.sh
rm -rf "$WORK"
mkdir -p "$WORK"
out=$WORK/stdout
err=$WORK/stderr
sample=samples/gz-2023-dangan.json

case $case_name in
  output-not-a-directory)
    # /dev/full is a character device: no file can be created "in" it.
    run 2 "$out" "$err" -- "$JX" --lang en check -o /dev/full/report.txt "$sample"
    exact_text "$err" "jxaudit: error: /dev/full/report.txt: cannot create the output file: Not a directory" "stderr"
    [[ ! -s $out ]] || fail "a report went to stdout"
    ;;

  output-missing-directory)
    run 2 "$out" "$err" -- "$JX" --lang en check -o "$WORK/no-such-dir/report.txt" "$sample"
    exact_text "$err" "jxaudit: error: $WORK/no-such-dir/report.txt: cannot create the output file: No such file or directory" "stderr"
    ;;

  output-permission-denied)
    # A directory without write permission. root ignores permissions, so as
    # root jxaudit runs as nobody (setpriv), if nobody can run it from here.
    mkdir -p "$WORK/locked"
    chmod 0555 "$WORK/locked"
    as=()
    if [[ $(id -u) -eq 0 ]]; then
      as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
      "${as[@]}" "$JX" --version >/dev/null 2>&1 || { echo "skipped: nobody cannot run $JX here"; exit 77; }
      "${as[@]}" test -r "$sample" || { echo "skipped: nobody cannot read the samples here"; exit 77; }
    fi
    run 2 "$out" "$err" -- "${as[@]}" "$JX" --lang en check -o "$WORK/locked/report.txt" "$sample"
    exact_text "$err" "jxaudit: error: $WORK/locked/report.txt: cannot create the output file: Permission denied" "stderr"
    no_files_in "$WORK/locked"
    ;;

  output-disk-full)
    # A full disk, simulated with a file-size limit: write() fails with EFBIG
    # once the report passes 8 KiB (SIGXFSZ ignored, so the write returns the
    # error instead of killing the process). The batch report is far longer.
    mkdir -p "$WORK/out"
    run 2 "$out" "$err" -- bash -c 'trap "" XFSZ; ulimit -f 8; exec "$@"' limit \
      "$JX" --lang en check --format json -o "$WORK/out/report.json" samples/flawed
    exact_text "$err" "jxaudit: error: $WORK/out/report.json: cannot write the output file: File too large" "stderr"
    no_files_in "$WORK/out"
    # An existing report is left as it was, not truncated.
    echo "previous report" >"$WORK/out/report.json"
    run 2 "$out" "$err" -- bash -c 'trap "" XFSZ; ulimit -f 8; exec "$@"' limit \
      "$JX" check --format json -o "$WORK/out/report.json" samples/flawed
    exact_text "$WORK/out/report.json" "previous report" "the previous report after a failed write"
    [[ $(find "$WORK/out" -mindepth 1 | wc -l) -eq 1 ]] || fail "a temporary file was left behind"
    ;;

  output-file-mode)
    # A report written through a temporary file gets the mode a plain write
    # would give it (0666 less the umask), and an existing report keeps its own.
    mkdir -p "$WORK/out"
    run 0 "$out" "$err" -- bash -c 'umask 022; exec "$@"' umask "$JX" check -o "$WORK/out/new.txt" "$sample"
    [[ $(stat -c %a "$WORK/out/new.txt") == 644 ]] || fail "new report has mode $(stat -c %a "$WORK/out/new.txt"), expected 644"
    echo old >"$WORK/out/kept.txt"
    chmod 0640 "$WORK/out/kept.txt"
    run 0 "$out" "$err" -- "$JX" --lang en check -o "$WORK/out/kept.txt" "$sample"
    [[ $(stat -c %a "$WORK/out/kept.txt") == 640 ]] || fail "replaced report has mode $(stat -c %a "$WORK/out/kept.txt"), expected 640"
    contains "$WORK/out/kept.txt" "Checked total" "the replaced report"
    ;;

  input-truncated-json)
    # The file ends mid-way, inside an object: a syntax error at the end, with line:column.
    size=$(wc -c <"$sample")
    head -c $((size / 2)) "$sample" >"$WORK/truncated.json"
    lines=$(wc -l <"$WORK/truncated.json")
    run 2 "$out" "$err" -- "$JX" --lang en validate "$WORK/truncated.json"
    contains "$out" "$WORK/truncated.json:$((lines + 1)):" "validate names the end of the file"
    contains "$out" ": error: " "validate reports an error"
    run 2 "$out" "$err" -- "$JX" --lang en check "$WORK/truncated.json"
    contains "$err" "$WORK/truncated.json:$((lines + 1)):" "check names the end of the file"
    ;;

  input-truncated-csv)
    # A CSV table cut in the middle of a row.
    cp -R samples/gz-2023-dangan-csv "$WORK/dept"
    table=$WORK/dept/procurements.csv
    size=$(wc -c <"$table")
    head -c $((size / 2)) samples/gz-2023-dangan-csv/procurements.csv >"$table"
    run 2 "$out" "$err" -- "$JX" --lang en validate "$WORK/dept/department.json"
    contains "$out" "$table:" "validate names the table"
    contains "$out" ": error: " "validate reports an error"
    ;;

  ruleset-missing-rule)
    # A leaf without its rule file: the leaf scores 0 as an engine error, the
    # check is incomplete (exit 3) and the report's first line says so.
    copy_rules
    rm "$WORK/rules/gz/2023/disclosure/budget_disclosure.lua"
    run 3 "$out" "$err" -- "$JX" --lang en check --color never --ruleset "$WORK/rules/gz/2023" "$sample"
    first_line "$out" "! INCOMPLETE CHECK: a rule could not run; the scores below are not final." "first line"
    contains "$out" "Management efficiency/Disclosure/Budget and final-account disclosure · rule error, 2.00 points off" "the leaf without a rule is named"
    contains "$out" "no rule for this indicator: scored 0 (check incomplete)" "the finding says why"
    contains "$out" "Checked total: 96.92" "the leaf's 2 points are gone from the total (98.92)"
    contains "$out" "Verdict: check incomplete: no verdict" "no verdict on an incomplete check"
    ;;

  calendar-missing)
    copy_rules
    rm "$WORK/rules/calendars/cn-mainland.toml"
    run 2 "$out" "$err" -- "$JX" --lang en check --ruleset "$WORK/rules/gz/2023" "$sample"
    # The manifest names the calendar (calendar = "cn-mainland"); the error names that key.
    exact_text "$err" "jxaudit: error: $sample: $(shown "$WORK/rules/gz/2023/manifest.toml"):14:12: manifest key \`calendar\`: no calendar named \"cn-mainland\" ($(shown "$WORK/rules/calendars/cn-mainland.toml") does not exist); write calendar = \"cn-mainland\" to name a calendar in a calendars/ folder" "stderr"
    ;;

  calendar-unreadable)
    # The calendar path names a directory: it opens, but cannot be read.
    copy_rules
    rm "$WORK/rules/calendars/cn-mainland.toml"
    mkdir "$WORK/rules/calendars/cn-mainland.toml"
    run 2 "$out" "$err" -- "$JX" --lang en check --ruleset "$WORK/rules/gz/2023" "$sample"
    exact_text "$err" "jxaudit: error: $sample: $(shown "$WORK/rules/calendars/cn-mainland.toml"): cannot read the calendar file: Is a directory" "stderr"
    ;;

  lua-out-of-memory)
    # One rule allocates until the Lua state's memory budget stops it, in the
    # middle of its check: that rule is an engine error naming file:line, the
    # check is incomplete (exit 3), and every other rule still runs.
    copy_rules
    rule=$WORK/rules/gz/2023/procurement/contract_filing.lua
    sed -i 's/^  check = function(dept, ctx)$/  check = function(dept, ctx)\n    local hog = {}\n    for i = 1, 1e9 do hog[i] = string.rep("x", 4096) .. i end/' "$rule"
    grep -q 'local hog' "$rule" || fail "could not plant the allocating loop in $rule"
    run 3 "$out" "$err" -- "$JX" --lang en check --format json --ruleset "$WORK/rules/gz/2023" "$sample"
    contains "$out" '"kind":"engine_error"' "an engine_error finding"
    contains "$out" "memory budget exceeded" "the finding says why"
    contains "$out" "contract_filing.lua:" "the finding names the rule file and line"
    matches "$out" '"path":"履职效能/部门整体绩效目标/部门预算资金支出率","leaf":true,"weight":"10(\.00)?","score":"9\.99"' \
      "the other rules still ran"
    contains "$out" '"complete":false' "the scorecard is marked incomplete"
    ;;

  stdout-disk-full)
    # stdout is a full disk (/dev/full: every write fails with ENOSPC). The
    # report cannot be written, so the command fails with a message: a cut
    # report must never end in exit 0. Both the buffered report writer (check)
    # and commands printing through std::cout (validate) are covered.
    run 2 "$out" "$err" -- bash -c 'exec "$@" >/dev/full' full "$JX" --lang en check --format json samples/flawed
    contains "$err" "cannot write to stdout: No space left on device" "check on a full stdout"
    run 2 "$out" "$err" -- bash -c 'exec "$@" >/dev/full' full "$JX" --lang en validate "$sample"
    contains "$err" "cannot write to stdout: No space left on device" "validate on a full stdout"
    ;;

  signal-removes-temp)
    # A report is written to a hidden temporary file beside its target; a
    # signal that ends jxaudit must not leave that file behind. The batch is
    # made long enough (the same departments many times over, read from
    # stdin) that the signal arrives while the report is still being written.
    mkdir -p "$WORK/out"
    line=$(tr -d '\n' <"$sample")
    for i in $(seq 1 4000); do printf '%s\n' "$line"; done >"$WORK/batch.ndjson"
    for sig in INT TERM HUP; do
      "$JX" check --format json -j 1 -o "$WORK/out/report.json" - <"$WORK/batch.ndjson" >"$out" 2>"$err" &
      pid=$!
      for _ in $(seq 1 200); do
        [[ -n $(find "$WORK/out" -name '.report.json.*' -print -quit) ]] && break
        sleep 0.05
      done
      [[ -n $(find "$WORK/out" -name '.report.json.*' -print -quit) ]] || fail "$sig: no temporary file appeared"
      kill -s "$sig" "$pid"
      code=0
      wait "$pid" || code=$?
      [[ $code -ne 0 ]] || fail "$sig: jxaudit finished before the signal; make the batch longer"
      no_files_in "$WORK/out"
    done
    ;;

  csv-formula-injection)
    # A department named like a spreadsheet formula must reach Excel as text.
    sed '0,/"name": *"[^"]*"/s//"name": "=HYPERLINK(\\"http:\/\/example.com\\",\\"x\\")"/' "$sample" >"$WORK/formula.json"
    grep -q 'HYPERLINK' "$WORK/formula.json" || fail "could not plant the formula name"
    run 0 "$out" "$err" -- "$JX" check --format csv "$WORK/formula.json"
    contains "$out" ",\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\"," "the name is neutralised"
    if grep -q ',=HYPERLINK' "$out"; then fail "a cell starts with ="; fi
    ;;

  input-not-regular)
    # Only regular files are read. A FIFO would block the batch forever, a
    # symlink loop aborted it: each is now one department that could not be
    # read, named with the reason, while the other departments are checked.
    mkdir -p "$WORK/batch"
    cp "$sample" "$WORK/batch/a.json"
    mkfifo "$WORK/batch/b-fifo.json"
    ln -s c-loop.json "$WORK/batch/c-loop.json"
    cp "$sample" "$WORK/batch/d.json"
    run 2 "$out" "$err" -- timeout 60 "$JX" --lang en check --format csv "$WORK/batch"
    contains "$err" "$WORK/batch/b-fifo.json: cannot read the file: it is a FIFO (named pipe), not a regular file" "the FIFO in a directory"
    contains "$err" "$WORK/batch/c-loop.json: cannot read the file: a symbolic link loop (the link leads back to itself)" "the loop in a directory"
    contains "$out" "$WORK/batch/a.json,GZ-004," "the department before the FIFO is checked"
    contains "$out" "$WORK/batch/d.json,GZ-004," "the department after the loop is checked"
    # Named directly, in Chinese.
    run 2 "$out" "$err" -- timeout 60 "$JX" check "$WORK/batch/b-fifo.json"
    contains "$err" "jxaudit: 错误: $WORK/batch/b-fifo.json：无法读取文件：这是一个命名管道（FIFO），不是普通文件" "the FIFO named directly"
    run 2 "$out" "$err" -- timeout 60 "$JX" check "$WORK/batch/c-loop.json"
    contains "$err" "符号链接循环" "the loop named directly"
    ;;

  output-is-input)
    # -o naming an input is refused before anything is read or written, by
    # device and inode: the file itself, a symlink to it, the file found in a
    # directory given as input, and the file stdin reads. The input is untouched.
    mkdir -p "$WORK/in"
    cp "$sample" "$WORK/in/dept.json"
    ln -s dept.json "$WORK/in/link.json"
    before=$(sha256sum <"$WORK/in/dept.json")
    run 2 "$out" "$err" -- "$JX" check -o "$WORK/in/dept.json" "$WORK/in/dept.json"
    exact_text "$err" "jxaudit: 错误: $WORK/in/dept.json：-o 指定的输出文件就是输入 $WORK/in/dept.json，不会覆盖它；请另选一个输出文件" "the file (Chinese)"
    run 2 "$out" "$err" -- "$JX" --lang en check -o "$WORK/in/link.json" "$WORK/in/dept.json"
    exact_text "$err" "jxaudit: error: $WORK/in/link.json: the output file of -o is the input $WORK/in/dept.json; it is not overwritten: choose another output file" "a symlink to it"
    run 2 "$out" "$err" -- "$JX" --lang en check --format csv -o "$WORK/in/dept.json" "$WORK/in"
    contains "$err" "the output file of -o is the input $WORK/in/dept.json;" "a directory containing it"
    run 2 "$out" "$err" -- "$JX" --lang en check --summary "$WORK/in/dept.json" "$sample" "$WORK/in"
    contains "$err" "the output file of --summary is the input $WORK/in/dept.json;" "--summary"
    run 2 "$out" "$err" -- "$JX" --lang en check --format json -o "$WORK/in/dept.json" - <"$WORK/in/dept.json"
    contains "$err" "the output file of -o is the input stdin (-);" "stdin"
    run 2 "$out" "$err" -- "$JX" --lang en narrative -o "$WORK/in/dept.json" "$WORK/in/dept.json"
    contains "$err" "the output file of -o is the input $WORK/in/dept.json;" "narrative"
    # A CSV table a department names is an input too, known once it is loaded:
    # the report is never renamed over it.
    cp -R samples/gz-2023-dangan-csv "$WORK/csv"
    table_before=$(sha256sum <"$WORK/csv/procurements.csv")
    run 2 "$out" "$err" -- "$JX" --lang en check -o "$WORK/csv/procurements.csv" "$WORK/csv/department.json"
    exact_text "$err" "jxaudit: error: $WORK/csv/procurements.csv: the output file of -o is the input $WORK/csv/procurements.csv; it is not overwritten: choose another output file" "a CSV table"
    [[ $(sha256sum <"$WORK/csv/procurements.csv") == "$table_before" ]] || fail "the CSV table was changed"
    [[ -z $(find "$WORK/csv" -name '.*' -print) ]] || fail "a temporary file was left beside the table"
    [[ $(sha256sum <"$WORK/in/dept.json") == "$before" ]] || fail "the input was changed"
    [[ -L $WORK/in/link.json ]] || fail "the symlink was replaced"
    [[ -z $(find "$WORK/in" -name '.*' -print) ]] || fail "a temporary file was left"
    ;;

  xml-encoding-error-is-quiet)
    # An XML part that declares one encoding and holds bytes of another: libxml2
    # reports the conversion failure through its own handler, straight to
    # stderr, even when told not to ("encoding error : input conversion
    # failed…", in English whatever --lang says). Only jxaudit's message may
    # reach the user.
    python3 - "$WORK" <<'PY'
import sys, zipfile
work = sys.argv[1]
bad = b'<?xml version="1.0" encoding="ISO-2022-JP"?>'
with zipfile.ZipFile("samples/gz-2023-dangan.xlsx") as zin, zipfile.ZipFile(work + "/book.xlsx", "w") as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "xl/worksheets/sheet2.xml":
            data = bad + data.split(b"?>", 1)[1].replace(b"<sheetData>", b"<sheetData><!-- \xe8\xa1\xa8\xe6 -->", 1)
        zout.writestr(item, data)
with zipfile.ZipFile(work + "/report.docx", "w") as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", bad + b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               b'<w:body><w:p><w:r><w:t>\xe8\xa1\xa8\xe6</w:t></w:r></w:p></w:body></w:document>')
PY
    run 2 "$out" "$err" -- "$JX" validate "$WORK/book.xlsx"
    exact_text "$out" "$WORK/book.xlsx: 错误: 工作簿已损坏（xl/worksheets/sheet2.xml 第 2 行不是有效的 XML）
$WORK/book.xlsx：无效（1 个错误，0 个警告）" "validate of the workbook"
    exact_text "$err" "" "stderr of validate"
    run 2 "$out" "$err" -- "$JX" narrative "$WORK/report.docx"
    exact_text "$err" "jxaudit: 错误: $WORK/report.docx：Word 文档已损坏（word/document.xml 第 1 行不是有效的 XML）" "stderr of narrative"
    ;;

  xml-doctype-refused)
    # A part with a document type declaration: its entities could turn a 30 KB
    # workbook into gigabytes (nested entities, "billion laughs"), or put text
    # into a cell that no cell holds. Office files never have one: refused
    # before any declaration is read, in the user's language.
    python3 - "$WORK" <<'PY'
import sys, zipfile
work = sys.argv[1]
ents = b'<!ENTITY l0 "lol">' + b"".join(
    b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10))
with zipfile.ZipFile("samples/gz-2023-dangan.xlsx") as zin, zipfile.ZipFile(work + "/book.xlsx", "w") as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "xl/sharedStrings.xml":
            decl, rest = data.split(b"?>", 1)
            data = decl + b"?><!DOCTYPE sst [" + ents + b"]>" + rest.replace(b"<t>", b"<t>&l9;", 1)
        zout.writestr(item, data)
with zipfile.ZipFile(work + "/report.docx", "w") as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "XX">]>'
               b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               b'<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
PY
    run 2 "$out" "$err" -- "$JX" validate "$WORK/book.xlsx"
    exact_text "$out" "$WORK/book.xlsx: 错误: 工作簿已损坏（xl/sharedStrings.xml 含有文档类型声明 <!DOCTYPE>，Office 文件中不会有；为安全起见拒绝读取）
$WORK/book.xlsx：无效（1 个错误，0 个警告）" "validate of the workbook"
    exact_text "$err" "" "stderr of validate"
    run 2 "$out" "$err" -- "$JX" --lang en narrative "$WORK/report.docx"
    exact_text "$err" "jxaudit: error: $WORK/report.docx: the Word document is corrupt (word/document.xml has a document type declaration <!DOCTYPE>, which Word files never have; refused for safety)" "stderr of narrative"
    ;;

  validate-directory-and-stdin)
    # validate takes what check takes: a directory (every *.json below it,
    # sorted) and "-" (NDJSON on stdin, each record named by its line).
    mkdir -p "$WORK/dir/sub"
    cp tests/e2e/bad-input/ok.json "$WORK/dir/"
    cp tests/e2e/bad-input/date-slashes.json "$WORK/dir/sub/"
    run 2 "$out" "$err" -- "$JX" --lang en validate "$WORK/dir"
    exact_text "$out" "$WORK/dir/ok.json: valid (0 errors, 0 warnings)
$WORK/dir/sub/date-slashes.json:22:25: error: /procurements/0/contract_filed: expected a date YYYY-MM-DD, found the string \"2023/10/20\"
$WORK/dir/sub/date-slashes.json: invalid (1 error, 0 warnings)" "validate DIR"
    tr -d '\n' <tests/e2e/bad-input/ok.json >"$WORK/records.ndjson"
    printf '\n{"schema_version": "1",\n' >>"$WORK/records.ndjson"
    run 2 "$out" "$err" -- "$JX" validate - <"$WORK/records.ndjson"
    exact_text "$out" "<stdin>:1：有效（0 个错误，0 个警告）
<stdin>:2:1:24: 错误: 应为用双引号括起的字段名
<stdin>:2：无效（1 个错误，0 个警告）" "validate -"
    run 2 "$out" "$err" -- "$JX" validate "$WORK/dir/sub/none"
    exact_text "$err" "jxaudit: 错误: $WORK/dir/sub/none：没有这个文件或目录" "a missing input"
    # A directory of workbooks only: they are read when named, and the message says so.
    mkdir -p "$WORK/books"
    cp samples/gz-2023-dangan.xlsx "$WORK/books/"
    run 2 "$out" "$err" -- "$JX" validate "$WORK/books"
    exact_text "$err" "jxaudit: 错误: 没有给出部门数据：目录 $WORK/books 中没有 *.json 文件（有 1 个 .xlsx 工作簿：工作簿须在命令行上逐个列出）" "a directory of workbooks"
    # Beside JSON files, the workbooks left out are named in a warning.
    cp samples/gz-2023-dangan.xlsx "$WORK/dir/"
    run 2 "$out" "$err" -- "$JX" --lang en validate "$WORK/dir"
    exact_text "$err" "jxaudit: warning: 1 .xlsx workbook in the directories given was not read (a directory gives its *.json files; name each workbook on the command line)" "workbooks left out"
    # --table: one NAME=PATH per --table (what follows is data), and one department file only.
    table=procurements=samples/gz-2023-dangan-csv/procurements.csv
    run 2 "$out" "$err" -- "$JX" --lang en validate --table "$table" samples/gz-2023-dangan.json samples/gz-2023-dangshi.json
    exact_text "$err" "jxaudit: error: --table applies to a single department file; 2 were given" "--table before two files"
    run 2 "$out" "$err" -- "$JX" --lang en check --table "$table" - <"$WORK/records.ndjson"
    exact_text "$err" "jxaudit: error: --table applies to a single department file, not to records on stdin (-)" "--table with stdin"
    # A pretty-printed file sent to "-": one clear refusal, not one error per line.
    run 2 "$out" "$err" -- "$JX" --lang en check - <samples/gz-2023-dangan.json
    exact_text "$err" "jxaudit: error: <stdin>:1: stdin is not NDJSON: its first line is \"{\" alone, like a pretty-printed JSON file, while - reads one department per line. Name the file as an argument (jxaudit check file.json), or write each department on one line" "pretty-printed JSON on stdin"
    [[ ! -s $out ]] || fail "a report was written for a pretty-printed file on stdin"
    # A line that begins no value is not "empty".
    printf '  },\n' >"$WORK/brace.ndjson"
    run 2 "$out" "$err" -- "$JX" --lang en validate - <"$WORK/brace.ndjson"
    exact_text "$out" "<stdin>:1:1:3: error: expected a JSON object (starting with {); this does not begin a value
<stdin>:1: invalid (1 error, 0 warnings)" "a line that begins no value"
    ;;

  stdin-record-too-large)
    # A stdin line over --max-input-size is refused by its line number, without
    # being held; the records around it are checked.
    size=$(tr -d '\n' <"$sample" | wc -c)
    { tr -d '\n' <"$sample"; echo; printf '{"x":"%s"}\n' "$(head -c 30000 /dev/zero | tr '\0' a)"; tr -d '\n' <"$sample"; echo; } >"$WORK/batch.ndjson"
    run 2 "$out" "$err" -- "$JX" --lang en --max-input-size "$size" check --format csv - <"$WORK/batch.ndjson"
    exact_text "$err" "jxaudit: error: <stdin>:2: cannot read the record: the line has 30008 bytes, more than the input size limit of $size bytes (--max-input-size)" "stderr"
    [[ $(grep -c '^<stdin>:[13],GZ-' "$out") -gt 2 ]] || fail "the records around it were not checked"
    ;;

  stdin-memory-bounded)
    # NDJSON on stdin is streamed through a bounded queue: 1,000 records of
    # 124 KB each (124 MB) need about the memory of one, not of the batch.
    if [[ -n ${JX_SANITIZED:-} ]]; then
      echo "skipped: resident memory means nothing under ASan" >&2
      exit 77
    fi
    [[ -x /usr/bin/time ]] || exit 77
    pad=$(head -c 100000 /dev/zero | tr '\0' a)
    line=$(tr -d '\n' <"$sample" | sed "s/^{/{\"padding\":\"$pad\",/")  # an unknown field: a warning
    printf '%s\n' "$line" >"$WORK/one.ndjson"
    for i in $(seq 1 1000); do printf '%s\n' "$line"; done >"$WORK/batch.ndjson"
    rss() {  # peak resident KiB of a check of NDJSON file $1
      /usr/bin/time -f '%M' -o "$WORK/rss" "$JX" check --format json --jobs 1 - <"$1" >"$out" 2>"$err" || true
      tail -n 1 "$WORK/rss"
    }
    one=$(rss "$WORK/one.ndjson")
    [[ $(grep -c '"complete":true,"total":"98.92","grade"' "$out") -eq 1 ]] || fail "one record was not checked"
    many=$(rss "$WORK/batch.ndjson")
    [[ $(grep -c '"complete":true,"total":"98.92","grade"' "$out") -eq 1000 ]] || fail "the 1,000 records were not all checked"
    echo "peak RSS: one record $one KiB, 1,000 records $many KiB"
    ((many < one + 30 * 1024)) || fail "memory grows with the batch on stdin: $one KiB for one record, $many KiB for 1,000 (124 MB)"
    # validate reads stdin one record at a time too.
    vrss() {
      /usr/bin/time -f '%M' -o "$WORK/rss" "$JX" validate - <"$1" >"$out" 2>"$err" || true
      tail -n 1 "$WORK/rss"
    }
    one=$(vrss "$WORK/one.ndjson")
    many=$(vrss "$WORK/batch.ndjson")
    [[ $(grep -c '：有效（0 个错误，1 个警告）$' "$out") -eq 1000 ]] || fail "validate did not read the 1,000 records"
    echo "validate, peak RSS: one record $one KiB, 1,000 records $many KiB"
    ((many < one + 30 * 1024)) || fail "validate's memory grows with the batch on stdin: $one KiB for one record, $many KiB for 1,000"
    ;;

  input-too-large)
    # The size limit is checked before reading: nothing of the file is read.
    run 2 "$out" "$err" -- "$JX" --lang en --max-input-size 1000 validate "$sample"
    size=$(wc -c <"$sample")
    contains "$out" "cannot read the file: the file has $size bytes, more than the input size limit of 1000 bytes (--max-input-size)" "validate"
    run 0 "$out" "$err" -- "$JX" --lang en --max-input-size $((size + 1)) validate "$sample"
    ;;

  *)
    fail "unknown case $case_name"
    ;;
esac
echo "ok: $case_name"
