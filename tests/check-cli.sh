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
# With UKWD_REGENERATE=1 the expected files are rewritten from the
# program's output instead (review the diff before committing).
set -u
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
