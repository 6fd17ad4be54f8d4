#!/bin/sh
# The README's console examples must stay true: run every "$ command" line
# of each ```console block (with the built front-ends first on PATH) and
# compare its output with the lines that follow it in the README. Commands
# run in an empty directory where build/examples is BINDIR and tests is the
# source tree's, so both "ukwd-cal ..." and "build/examples/ukwd-cal ..."
# and paths such as tests/data/... work as written.
#
# Before that it checks the Quick start's two commands (issue 15): the
# first sets up and builds build/ and runs build/examples/ukwd-plan; the
# test command (the block after "<!-- test-command") sets up a directory
# of its own with -Dwerror=true and tests that same directory, so that
# either may run first, or again, without one configuring the other's
# directory. With --packages CI-SCRIPT instead of BINDIR it checks only
# that, and that every package CI-SCRIPT's apt-get line installs is named
# in the README (the Quick start installs it, or the README says what
# needs it).
# usage: check-readme.sh README BINDIR
#        check-readme.sh README --packages CI-SCRIPT
set -u
readme=$1
bindir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

problems=0
problem() {
	echo "README Quick start: $*"
	problems=$((problems + 1))
}
# The first ```sh block of the Quick start, and the test command.
quick=$(awk '/^## Quick start/ {q = 1; next} q && /^## / {exit}
	q && /^```sh/ {inside = 1; next} inside && /^```/ {exit} inside {print}' "$readme")
test_command=$(awk '/<!-- test-command/ {found = 1; next}
	found && /^```/ {if (inside) exit; inside = 1; next}
	inside {print}' "$readme")
case $quick in
*"meson setup build "*"meson compile -C build "*build/examples/ukwd-plan*) ;;
*) problem "the first command must set up and build build/ and run build/examples/ukwd-plan: $quick" ;;
esac
test_dir=$(printf '%s\n' "$test_command" | sed -n 's/.*meson setup \([^ ]*\) .*/\1/p')
case $test_dir in
"" | build) problem "the test command must set up a build directory of its own: $test_command" ;;
esac
case $test_command in
*"meson setup $test_dir "*-Dwerror=true*"meson test -C $test_dir "*) ;;
*) problem "the test command must set up $test_dir with -Dwerror=true and test it: $test_command" ;;
esac
if [ "$(printf '%s\n' "$test_command" | wc -l)" -ne 1 ]; then
	problem "the test command must be one line"
fi

if [ "$bindir" = --packages ]; then
	# Every package CI installs is named in the README.
	packages=$(sed -n '/apt-get install/,/>\/dev\/null/p' "$3" | tr ' \t\\' '\n\n\n' |
		grep -E '^[a-z0-9][a-z0-9.+-]+$' | grep -vxE 'apt-get|install' | sort -u)
	[ -n "$packages" ] || problem "no apt-get line found in $3"
	for package in $packages; do
		pattern=$(printf '%s' "$package" | sed 's/[.+]/\\&/g')
		if ! grep -qE "(^|[ \`])$pattern([ \`,.;:)]|\$)" "$readme"; then
			echo "README: $3 installs $package, which the README never names"
			problems=$((problems + 1))
		fi
	done
	echo "README Quick start and packages: $problems problems"
	[ "$problems" -eq 0 ]
	exit
fi
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
[ "$total" -gt 0 ] && [ "$failed" -eq 0 ] && [ "$problems" -eq 0 ]
