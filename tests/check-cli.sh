#!/bin/sh
# Golden tests for a front-end: each directory under CASES is one case.
#   args    the arguments, one per line
#   stdin   optional standard input (default: empty)
#   stdout  the expected standard output, byte for byte
#   stderr  optional: the expected standard error, byte for byte
#   status  the expected exit status
#   env     optional: VAR=value lines set for the program
# usage: check-cli.sh PROGRAM CASES SRCROOT
# Commands run in SRCROOT, so arguments name files as tests/data/....
# SOURCE_DATE_EPOCH is 1700000000 (2023-11-14T22:13:20Z) unless a case's
# env sets it, so that a file's "made" time (iCalendar's DTSTAMP) is the
# same in every run.
# With UKWD_REGENERATE=1 the expected files are rewritten from the
# program's output instead (review the diff before committing).
#
# usage: check-cli.sh --help-lists PROGRAM VERSION [KIND...]
# Checks that --help and the parser agree: every option the parser
# accepts (PROGRAM --list-names options, read from its table) appears in
# --help, and every --option --help names is accepted; every name of each
# KIND (PROGRAM --list-names KIND: commands, formats, ...) appears in
# --help as a word; and --version prints "PROGRAM (libukwd) VERSION".
set -u
if [ "${1:-}" = --help-lists ]; then
	prog=$2
	version=$3
	shift 3
	name=$(basename "$prog")
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	failed=0
	"$prog" --help >"$tmp/help" || { echo "$name --help failed"; exit 1; }
	"$prog" --list-names options | sort -u >"$tmp/accepted" ||
		{ echo "$name --list-names options failed"; exit 1; }
	grep -oE -- '--[a-z]([a-z-]*[a-z])?' "$tmp/help" | sort -u >"$tmp/named"
	[ -s "$tmp/accepted" ] || { echo "$name: no options listed"; exit 1; }
	for option in $(comm -23 "$tmp/accepted" "$tmp/named"); do
		echo "$name: $option is accepted but --help does not name it"
		failed=1
	done
	for option in $(comm -13 "$tmp/accepted" "$tmp/named"); do
		echo "$name: --help names $option, which the parser refuses"
		failed=1
	done
	for kind in "$@"; do
		"$prog" --list-names "$kind" >"$tmp/names" ||
			{ echo "$name --list-names $kind failed"; failed=1; continue; }
		[ -s "$tmp/names" ] || { echo "$name: no $kind listed"; failed=1; }
		while IFS= read -r word; do
			grep -q -e "\(^\|[^a-z-]\)$word\($\|[^a-z-]\)" "$tmp/help" ||
				{ echo "$name: --help does not name $kind '$word'"; failed=1; }
		done <"$tmp/names"
	done
	got=$("$prog" --version)
	if [ "$got" != "$name (libukwd) $version" ]; then
		echo "$name --version: '$got', expected '$name (libukwd) $version'"
		failed=1
	fi
	[ $failed = 0 ] && echo "$name: --help, --list-names and --version agree"
	exit $failed
fi
export SOURCE_DATE_EPOCH=1700000000
prog=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cases=$(cd "$2" && pwd)
root=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
total=0
for dir in "$cases"/*/; do
	dir=${dir%/}
	name=$(basename "$dir")
	total=$((total + 1))
	set --
	while IFS= read -r arg || [ -n "$arg" ]; do
		set -- "$@" "$arg"
	done <"$dir/args"
	input=/dev/null
	[ -f "$dir/stdin" ] && input="$dir/stdin"
	(
		cd "$root" || exit 125
		if [ -f "$dir/env" ]; then
			while IFS= read -r setting || [ -n "$setting" ]; do
				export "${setting?}"
			done <"$dir/env"
		fi
		exec "$prog" "$@"
	) <"$input" >"$tmp/stdout" 2>"$tmp/stderr"
	status=$?
	if [ "${UKWD_REGENERATE:-}" = 1 ]; then
		cp "$tmp/stdout" "$dir/stdout"
		echo "$status" >"$dir/status"
		if [ -s "$tmp/stderr" ]; then cp "$tmp/stderr" "$dir/stderr"; else rm -f "$dir/stderr"; fi
		continue
	fi
	ok=1
	if ! cmp -s "$tmp/stdout" "$dir/stdout"; then
		echo "$name: stdout differs:"
		diff -u "$dir/stdout" "$tmp/stdout" | head -20
		ok=0
	fi
	if [ -f "$dir/stderr" ]; then
		if ! cmp -s "$tmp/stderr" "$dir/stderr"; then
			echo "$name: stderr differs:"
			diff -u "$dir/stderr" "$tmp/stderr" | head -20
			ok=0
		fi
	elif [ -s "$tmp/stderr" ]; then
		echo "$name: unexpected stderr:"
		head -5 "$tmp/stderr"
		ok=0
	fi
	if [ "$status" != "$(cat "$dir/status")" ]; then
		echo "$name: exit status $status, expected $(cat "$dir/status")"
		ok=0
	fi
	[ $ok = 1 ] || failed=$((failed + 1))
done
echo "$((total - failed)) of $total cases passed"
[ "$failed" -eq 0 ]
