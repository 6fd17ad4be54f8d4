#!/bin/sh
# --output FILE writes exactly what standard output would get, through a
# temporary file and a rename: for each golden case named, run it again
# with --output into a fresh directory and compare the file with the
# case's stdout; standard output must stay empty and no temporary file
# may be left behind. An existing file is replaced, not appended to.
# usage: check-output-file.sh PROGRAM CASES SRCROOT CASE...
set -u
prog=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cases=$(cd "$2" && pwd)
root=$3
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
checked=0
for name in "$@"; do
	checked=$((checked + 1))
	dir=$cases/$name
	out=$tmp/$name.out
	echo "stale content that must go" >"$out"
	set --
	while IFS= read -r arg || [ -n "$arg" ]; do
		set -- "$@" "$arg"
	done <"$dir/args"
	(
		cd "$root" || exit 125
		# The case's environment, as check-cli.sh sets it.
		if [ -f "$dir/env" ]; then
			while IFS= read -r setting || [ -n "$setting" ]; do
				export "${setting?}"
			done <"$dir/env"
		fi
		exec "$prog" "$@" --output "$out"
	) >"$tmp/stdout" 2>"$tmp/stderr"
	status=$?
	if [ "$status" != 0 ] || [ -s "$tmp/stdout" ] || ! cmp -s "$out" "$dir/stdout"; then
		echo "$name: --output gave status $status or a different file"
		head -5 "$tmp/stderr"
		failed=$((failed + 1))
	fi
	if ls "$tmp" | grep -q '\.tmp-'; then
		echo "$name: a temporary file was left behind"
		failed=$((failed + 1))
	fi
done
echo "$checked cases checked, $failed failed"
[ "$failed" -eq 0 ]
