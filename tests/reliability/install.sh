#!/usr/bin/env bash
# An installed copy works on its own (docs/cli.md, "Installing"): cmake --install
# into a scratch prefix at a long path, then the installed binary checks an
# installed sample from an unrelated working directory, finding its rule sets,
# calendars and schemas under PREFIX/share/jxaudit and nowhere else.
#   install.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
BUILD=$1
cd "$2"
WORK=$3
. tests/reliability/lib.sh
rm -rf "$WORK"
prefix=$WORK/an-unusual-prefix-with-spaces\ and-中文-目录/$(printf 'deep%.0s/' {1..12})opt
mkdir -p "$prefix" "$WORK/elsewhere"
cmake --install "$BUILD" --prefix "$prefix" >"$WORK/install.log"
[[ -x "$prefix/bin/jxaudit" ]] || fail "no bin/jxaudit under the prefix"
[[ -f "$prefix/share/jxaudit/rules/gz/2023/manifest.toml" ]] || fail "the rule sets are not installed"
[[ -f "$prefix/share/jxaudit/schemas/department.schema.json" ]] || fail "the schemas are not installed"
# The completions and the man page the build generated from the CLI's definition.
contains "$prefix/share/bash-completion/completions/jxaudit" "complete -o filenames -o bashdefault -F _jxaudit jxaudit" "the bash completion"
first_line "$prefix/share/zsh/vendor-completions/_jxaudit" "#compdef jxaudit" "the zsh completion"
contains "$prefix/share/man/man1/jxaudit.1" ".SS jxaudit check" "the man page"
out=$WORK/stdout
err=$WORK/stderr
cd "$WORK/elsewhere"
unset JXAUDIT_HOME
run 0 "$out" "$err" -- "$prefix/bin/jxaudit" --lang en check --color never "$prefix/share/jxaudit/samples/gz-2023-dangan.json"
contains "$out" "Checked total: 98.92" "the installed copy scores the sample"
contains "$out" "share/jxaudit/rules/gz/2023" "the installed rule set was used"
[[ ! -s $err ]] || { cat "$err" >&2; fail "stderr is not empty"; }
echo "ok: install"
