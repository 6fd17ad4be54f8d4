#!/bin/sh
# The README's console examples must stay true: run every "$ command" line
# of each ```console block (with the built front-ends first on PATH) and
# compare its output with the lines that follow it in the README. Commands
# run in an empty directory where build/examples is BINDIR and tests is the
# source tree's, so both "ukwd-cal ..." and "build/examples/ukwd-cal ..."
# and paths such as tests/data/... work as written.
# usage: check-readme.sh README BINDIR
set -u
readme=$1
bindir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk -v dir="$tmp" '
	/^```console/ { inside = 1; next }
	/^```/ { inside = 0; next }
	inside && /^\$ / {
		n++
		file = sprintf("%s/%03d", dir, n)
		print substr($0, 3) > (file ".cmd")
		printf "" > (file ".out")
		next
	}
	inside && n { print >> (sprintf("%s/%03d", dir, n) ".out") }
' "$readme"
bindir=$(cd "$bindir" && pwd)
PATH="$bindir:$PATH"
export PATH
mkdir "$tmp/root" "$tmp/root/build"
ln -s "$bindir" "$tmp/root/build/examples"
ln -s "$(cd "$(dirname "$readme")" && pwd)/tests" "$tmp/root/tests"
failed=0
total=0
for cmd in "$tmp"/*.cmd; do
	[ -e "$cmd" ] || break
	total=$((total + 1))
	expected=${cmd%.cmd}.out
	(cd "$tmp/root" && sh -c "$(cat "$cmd")") >"$tmp/got" 2>/dev/null
	if ! cmp -s "$tmp/got" "$expected"; then
		echo "README example differs: \$ $(cat "$cmd")"
		diff -u "$expected" "$tmp/got" | head -20
		failed=$((failed + 1))
	fi
done
echo "$((total - failed)) of $total README examples agree"
[ "$total" -gt 0 ] && [ "$failed" -eq 0 ]
