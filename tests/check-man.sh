#!/bin/sh
# The manual pages: mandoc -Tlint finds nothing at WARNING level or above,
# each front-end's page names exactly the options its --help names, and the
# C example of libukwd(3), compiled by the build from the page's text,
# prints the date the page says it prints.
# usage: check-man.sh MANDIR EXAMPLES_DIR MAN_EXAMPLE_PROGRAM
# Exit 77 (skipped) without mandoc(1): Debian's package mandoc.
set -u
man=$1
examples=$2
example=$3
command -v mandoc >/dev/null 2>&1 || { echo "mandoc not installed: skipped"; exit 77; }
failed=0
fail() {
	echo "FAIL: $*"
	failed=1
}

for page in "$man"/*.[0-9]; do
	out=$(mandoc -Tlint -W warning "$page" 2>&1) || fail "mandoc -Tlint $(basename "$page"):
$out"
done

# Long options as --help prints them and as the page marks them (Fl -name).
for tool in ukwd-cal ukwd-notice ukwd-plan; do
	page="$man/$tool.1"
	help=$("$examples/$tool" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
	documented=$(grep -o 'Fl -[a-z][a-z-]*' "$page" | sed 's/^Fl /-/' | sort -u)
	missing=$(printf '%s\n' "$help" | grep -vxF -e "$documented" || true)
	extra=$(printf '%s\n' "$documented" | grep -vxF -e "$help" || true)
	[ -z "$missing" ] || fail "$tool: in --help, not in $tool.1:" $missing
	[ -z "$extra" ] || fail "$tool: in $tool.1, not in --help:" $extra
done

expected=$(sed -n 's/^It prints \([0-9-]*\).*/\1/p' "$man/libukwd.3")
got=$("$example") || fail "libukwd(3) example exited $?"
[ -n "$expected" ] || fail "libukwd.3: no 'It prints DATE' line"
[ "$got" = "$expected" ] || fail "libukwd(3) example printed '$got', the page says '$expected'"

[ $failed = 0 ] && echo "manual pages: lint clean, options match --help, example prints $got"
exit $failed
