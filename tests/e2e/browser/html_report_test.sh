#!/usr/bin/env bash
# Browser tests of the HTML report (issue 6): the report opened in headless
# Chromium (Debian's chromium package, installed by scripts/install-deps) as a
# reader would open it, from a file, with nothing fetched from the network.
#   html_report_test.sh JXAUDIT SOURCE_DIR WORK_DIR CASE
# CASE:
#   console-check  the control: a page broken on purpose must trip the console
#                  check, so that a Chromium whose log format changed fails
#                  here instead of letting every other case pass unseen
#   report         samples/gz-2023-dangan.json: no console messages, both charts,
#                  one entry per finding, the total, and a PNG of the page
#   batch          five departments: the summary, and sorting by clicking headers
# Exit 77 (ctest SKIP_RETURN_CODE) only when chromium is not installed.
#
# How "loaded without console errors" is checked: Chromium started with
# --enable-logging=stderr --v=0 writes every console message of the page to
# stderr as "[…:INFO:CONSOLE:<line>] "<message>", source: <url> (<line>)"
# (older versions: "CONSOLE(<line>)"). That covers uncaught exceptions, failed
# loads and content-security-policy violations (the report forbids every fetch,
# so anything it tried to load from the network would show up here) as well as
# console.error/log. The report itself never writes to the console, so the
# check is strict: no console message at all. Two more signals back it up:
# the report's script marks <html data-script="ready"> as its last statement
# (so it ran to the end), and the console-check case proves the grep still
# recognises this Chromium's console lines.
#
# With JX_UPDATE_SCREENSHOT=1 the report case also copies its PNG to
# docs/img/report.png.
set -euo pipefail
JX=$1
cd "$2"
WORK=$3
case_name=$4
here=tests/e2e/browser

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chromium ]]; then
  echo "SKIP: chromium is not installed (scripts/install-deps installs it: see scripts/packages.txt)"
  exit 77
fi

rm -rf "$WORK"
mkdir -p "$WORK/home"

# chromium_run NAME URL FLAGS...: runs headless Chromium on URL with a fresh
# profile; its stdout goes to WORK/NAME.out and its log to WORK/NAME.log.
chromium_run() {
  local name=$1 url=$2
  shift 2
  local profile
  profile=$(mktemp -d "$WORK/profile.XXXXXX")
  local status=0
  HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_CACHE_HOME=$WORK/home/.cache \
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@" "$url" \
    >"$WORK/$name.out" 2>"$WORK/$name.log" || status=$?
  rm -rf "$profile"
  [[ $status -eq 0 ]] || fail "chromium exited with status $status on $url (log: $WORK/$name.log)"
}

# The page's console messages in a chromium log, one per line.
console_messages() { grep -E ':CONSOLE[:(]' "$1" || true; }

no_console_messages() {
  local messages
  messages=$(console_messages "$WORK/$1.log")
  [[ -z $messages ]] || fail "the page wrote to the console (${1}):
$messages"
}

# count FILE PATTERN: the number of (non-overlapping) matches of a fixed string.
count() { grep -o -F -- "$2" "$1" | wc -l | tr -d ' '; }

expect_count() {  # FILE PATTERN EXPECTED WHAT
  local n
  n=$(count "$1" "$2")
  [[ $n -eq $3 ]] || fail "$4: expected $3, found $n (pattern '$2' in $1)"
}

# jxaudit, asserting its exit status.
report() {  # EXPECTED_EXIT OUTPUT ARGS...
  local want=$1 out=$2
  shift 2
  local status=0
  "$JX" "$@" >"$out" 2>"$WORK/jxaudit.err" || status=$?
  [[ $status -eq $want ]] || fail "jxaudit $* exited $status, expected $want: $(cat "$WORK/jxaudit.err")"
}

url_of() { echo "file://$(realpath "$1")"; }

case $case_name in
  console-check)
    chromium_run broken "$(url_of "$here/broken.html")" --dump-dom
    messages=$(console_messages "$WORK/broken.log")
    grep -q 'Uncaught ReferenceError: notDefinedAnywhere' <<<"$messages" ||
      fail "the uncaught exception of broken.html is not among the console messages:
$messages
(log: $WORK/broken.log)"
    grep -q 'Content Security Policy' <<<"$messages" ||
      fail "the blocked image fetch of broken.html is not among the console messages:
$messages"
    grep -q 'explicit console error' <<<"$messages" || fail "console.error of broken.html was not seen"
    grep -q 'This page fails on purpose' "$WORK/broken.out" || fail "--dump-dom printed no DOM"
    echo "console check recognises $(wc -l <<<"$messages" | tr -d ' ') console messages of broken.html"
    ;;

  report)
    sample=samples/gz-2023-dangan.json
    html=$WORK/report.html
    report 0 "$html" check --format html "$sample"
    report 0 "$WORK/report.json" check --format json "$sample"
    findings=$(count "$WORK/report.json" '"rule_id":')
    leaves=$(count "$WORK/report.json" '"leaf":true')
    [[ $findings -eq 4 ]] || fail "the JSON report of $sample has $findings findings, expected 4"
    grep -q -F '"total":"98.92"' "$WORK/report.json" || fail "the JSON report's total is not 98.92"

    # (a) + (b): the DOM after load (scripts run), and the console while loading.
    chromium_run dom "$(url_of "$html")" --dump-dom
    no_console_messages dom
    dom=$WORK/dom.out
    grep -q -F '<html lang="zh-CN" data-script="ready">' "$dom" ||
      fail "the report's script did not run to its end (no data-script=\"ready\" on <html>)"
    expect_count "$dom" '<svg id="score-chart-1" ' 1 "score-against-weight chart"
    expect_count "$dom" '<svg id="spending-chart-1" ' 1 "monthly spending chart"
    expect_count "$dom" '<g class="bar">' "$leaves" "bars of the score chart (one per leaf indicator)"
    points=$(grep -o '<polyline class="spent" points="[^"]*"' "$dom" | grep -o '[0-9.]*,[0-9.]*' | wc -l)
    [[ $points -eq 12 ]] || fail "the spending line has $points points, expected 12 months"
    expect_count "$dom" '<line class="schedule" ' 2 "序时进度 line (and its legend)"
    expect_count "$dom" '<li class="finding ' "$findings" "finding entries"
    expect_count "$dom" '<dl class="evidence"' 4 "evidence lists"
    expect_count "$dom" '<div class="stat total"><span class="label">核定总分</span><span class="value">98.92</span>' 1 \
      "the checked total 98.92"
    grep -q -F 'MGMT.PROC.CONTRACT_FILING' "$dom" || fail "the contract-filing finding's rule is missing"
    grep -q -F 'samples/gz-2023-dangan.json:462:5' "$dom" || fail "the contract-filing finding's data source is missing"

    # (c): the page rendered to PNG.
    png=$WORK/report.png
    chromium_run screenshot "$(url_of "$html")" --screenshot="$png" --window-size=1280,3000
    no_console_messages screenshot
    [[ -f $png ]] || fail "no screenshot was written"
    signature=$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')
    [[ $signature == 89504e470d0a1a0a ]] || fail "the screenshot is not a PNG (signature $signature)"
    size=$(stat -c %s "$png")
    [[ $size -gt 100000 ]] || fail "the screenshot is only $size bytes: the page did not render"
    # IHDR: width and height, big-endian, at bytes 16..23.
    dims=$(od -An -tu1 -j16 -N8 "$png" | tr -s ' ' | sed 's/^ //')
    read -r w1 w2 w3 w4 h1 h2 h3 h4 <<<"$dims"
    width=$(((w1 << 24) | (w2 << 16) | (w3 << 8) | w4))
    height=$(((h1 << 24) | (h2 << 16) | (h3 << 8) | h4))
    [[ $width -eq 1280 && $height -eq 3000 ]] || fail "the screenshot is ${width}x${height}, expected 1280x3000"
    if [[ ${JX_UPDATE_SCREENSHOT:-} == 1 ]]; then
      mkdir -p docs/img
      cp "$png" docs/img/report.png
      echo "updated docs/img/report.png"
    fi
    echo "report: $findings findings, $leaves leaf bars, 12 months, total 98.92; screenshot ${width}x${height}, $size bytes"
    ;;

  batch)
    # Sorted by path, the page numbers them: 1 flawed/09 (68.00, gap −32.00,
    # 14 findings), 2 flawed/13 (100.00, +0.50, 0), 3 档案馆 (98.92, 0.00, 4),
    # 4 党史研究室 (97.90, +0.99, 4), 5 机关工委 (96.90, 0.00, 4).
    html=$WORK/batch.html
    report 0 "$html" check --format html samples/gz-2023-jiguan-gongwei.json samples/gz-2023-dangshi.json \
      samples/gz-2023-dangan.json samples/flawed/13-self-evaluation-inconsistent.json \
      samples/flawed/09-evidence-missing.json
    chromium_run dom "$(url_of "$html")" --dump-dom
    no_console_messages dom
    dom=$WORK/dom.out
    grep -q -F 'data-script="ready"' "$dom" || fail "the report's script did not run to its end"
    expect_count "$dom" '<section class="summary" id="summary"' 1 "summary section"
    expect_count "$dom" '<tr data-order="' 5 "summary rows"
    for n in 1 2 3 4 5; do
      expect_count "$dom" "<a href=\"#dept-$n\">" 1 "link to department $n"
      expect_count "$dom" "<section class=\"department\" id=\"dept-$n\"" 1 "section of department $n"
      expect_count "$dom" "<svg id=\"score-chart-$n\" " 1 "score chart of department $n"
      expect_count "$dom" "<svg id=\"spending-chart-$n\" " 1 "spending chart of department $n"
    done

    # Sorting: a copy of the page with sort_probe.js injected clicks the headers.
    awk -v probe="$here/sort_probe.js" '
      /<\/body>/ { printf "<script>\n"; while ((getline line < probe) > 0) print line; printf "</script>\n" }
      { print }' "$html" >"$WORK/probe.html"
    chromium_run probe "$(url_of "$WORK/probe.html")" --dump-dom
    no_console_messages probe
    got=$(grep -o '<html [^>]*' "$WORK/probe.out" | grep -o 'data-sort-probe="[^"]*"' || true)
    want='data-sort-probe="gap-asc=1,3,5,2,4 gap-desc=4,2,3,5,1 checked-asc=1,5,4,3,2 checked-desc=2,3,4,5,1'
    want+=' findings-asc=2,3,4,5,1 department-asc=3,1,2,4,5"'
    [[ $got == "$want" ]] || fail "sorting the summary:
  got  $got
  want $want"
    echo "batch: 5 departments, summary sorts by gap, checked score, findings and department"
    ;;

  *)
    fail "unknown case $case_name"
    ;;
esac
