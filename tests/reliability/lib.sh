# Helpers shared by the reliability tests (sourced, not run).
# Each test script runs from the source tree (report paths are relative to it)
# with JX set to the jxaudit binary and WORK to a scratch directory of its own.

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# run EXPECTED_EXIT OUT ERR -- command...: runs it, keeps stdout and stderr in
# files, and fails unless the exit code is EXPECTED_EXIT.
run() {
  local expected=$1 out=$2 err=$3
  shift 4
  local code=0
  "$@" >"$out" 2>"$err" || code=$?
  if [[ $code -ne $expected ]]; then
    echo "--- stdout:" >&2
    head -c 4000 "$out" >&2
    echo "--- stderr:" >&2
    head -c 4000 "$err" >&2
    fail "exit code $code, expected $expected: $*"
  fi
}

# same_bytes A B WHAT: fails with a diff excerpt unless A and B are identical.
same_bytes() {
  if ! cmp -s "$1" "$2"; then
    diff "$1" "$2" | head -20 >&2
    fail "$3: $1 and $2 differ"
  fi
}

# exact_text FILE EXPECTED WHAT: the whole file is EXPECTED (plus a final newline).
exact_text() {
  local actual
  actual=$(cat "$1")
  if [[ "$actual" != "$2" ]]; then
    printf -- '--- expected:\n%s\n--- actual:\n%s\n' "$2" "$actual" >&2
    fail "$3"
  fi
}

# first_line FILE EXPECTED WHAT
first_line() {
  local actual
  actual=$(head -n 1 "$1")
  if [[ "$actual" != "$2" ]]; then
    printf -- '--- expected first line:\n%s\n--- actual:\n%s\n' "$2" "$actual" >&2
    fail "$3"
  fi
}

# contains FILE TEXT WHAT: TEXT (a fixed string) occurs in FILE.
contains() {
  grep -qF -- "$2" "$1" || { head -c 4000 "$1" >&2; fail "$3: missing \"$2\""; }
}

# matches FILE REGEX WHAT: an extended regular expression matches in FILE.
matches() {
  grep -qE -- "$2" "$1" || { head -c 4000 "$1" >&2; fail "$3: nothing matches /$2/"; }
}

# no_files_in DIR: DIR is empty (no report, no temporary file left in it).
no_files_in() {
  local left
  left=$(find "$1" -mindepth 1 -print)
  [[ -z "$left" ]] || fail "files left behind in $1: $left"
}

# A path as jxaudit shows it in reports and messages: relative to the
# working directory (the source tree).
shown() {
  realpath -m --relative-to=. "$1"
}

# A copy of the shipped rules/ tree (rule sets and calendars keep their
# relative paths) in WORK/rules, for tests that break one piece of it.
copy_rules() {
  rm -rf "$WORK/rules"
  cp -R rules "$WORK/rules"
}
