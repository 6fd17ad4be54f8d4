#!/bin/sh
# The front-ends build a calendar from 1971 to the years a command needs
# and ask again over 1971-9999 when an answer falls outside them
# (examples/cli.h, cli_calendar_window()). Every answer, message, note and
# exit status must be what the whole calendar gives: each case runs twice,
# once as usual and once with UKWD_FULL_CALENDAR=1, and both must match
# byte for byte. The cases sit at the edges: answers in the years after
# the window, at 1971 and 9999, out of range, across projected years,
# batches whose later lines leave the first line's years, and User Entry
# Process plans that run past the years their dates name.
# usage: check-fe2-window.sh EXAMPLES_DIR
set -u
dir=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
total=0
export UKWD_TODAY=2026-03-02

# same PROGRAM ARGS...: standard input from $tmp/in
same() {
	total=$((total + 1))
	(unset UKWD_FULL_CALENDAR; exec "$dir/$@") <"$tmp/in" \
		>"$tmp/out.w" 2>"$tmp/err.w"
	echo $? >>"$tmp/out.w"
	UKWD_FULL_CALENDAR=1 "$dir/$@" <"$tmp/in" >"$tmp/out.f" 2>"$tmp/err.f"
	echo $? >>"$tmp/out.f"
	if ! cmp -s "$tmp/out.w" "$tmp/out.f" ||
		! cmp -s "$tmp/err.w" "$tmp/err.f"; then
		echo "differs from the whole calendar: $*"
		diff "$tmp/out.f" "$tmp/out.w" | head -5
		diff "$tmp/err.f" "$tmp/err.w" | head -5
		failed=$((failed + 1))
	fi
}

: >"$tmp/in"
for d in 1971-01-01 1971-01-04 2026-12-28 2027-12-27 2028-01-03 \
	9999-12-31 9999-12-30 1970-12-31 0001-01-01; do
	same ukwd-cal is "$d"
	same ukwd-cal next "$d"
	same ukwd-cal prev "$d"
	for c in following preceding modified-following modified-preceding; do
		same ukwd-cal roll "$d" --convention "$c"
	done
	for n in 0 1 5 199 200 201 250 251 260 500 5000 100000 1999999 \
		2087000 2147483647 -1 -5 -250 -100000 -2147483647 -2147483648; do
		same ukwd-cal add "$d" "$n"
	done
	for to in 1971-01-01 2026-12-24 2027-01-01 2028-01-01 9999-12-31 \
		1970-01-01; do
		same ukwd-cal count "$d" "$to"
	done
done
for division in england-and-wales scotland northern-ireland uk; do
	same ukwd-cal --division "$division" add 2026-12-24 5
	same ukwd-cal --division "$division" add 2027-12-24 3
	same ukwd-cal --division "$division" count 2026-01-01 2030-01-01
	same ukwd-cal --division "$division" month 2027-12
done
same ukwd-cal month 1971-01
same ukwd-cal month 9999-12
same ukwd-cal month 1970-12

# Batches: the first line sets the years, later lines leave them.
printf '2026-12-28\n2031-06-01\n1971-01-01\n9999-12-31\n1960-01-01\n' \
	>"$tmp/in"
same ukwd-cal --batch is
printf '2026-12-24 5\n2026-12-24 600\n2026-12-24 -12000\nx 1\n2026-12-24 3\n' \
	>"$tmp/in"
same ukwd-cal --batch add
printf '2026-01-01 2026-12-31\n2026-01-01 2040-01-01\n2026-01-01 10000-01-01\n' \
	>"$tmp/in"
same ukwd-cal --batch count
: >"$tmp/in"

# The User Entry Process: from today, from and to dates near the ends,
# stages long enough to run past the years the dates name.
same ukwd-plan
for format in text table csv json svg html mermaid ics; do
	same ukwd-plan --format "$format"
done
same ukwd-plan --start 2026-12-31 --format json
same ukwd-plan --deadline 2026-03-01 --format csv
same ukwd-plan --deadline 1971-06-01
same ukwd-plan --start 1971-01-01 --format csv
same ukwd-plan --start 9999-06-01 --format csv
same ukwd-plan --start 9998-01-01 --format json
same ukwd-plan --set id-allocation=1500 --format csv
same ukwd-plan --set id-allocation=1500 --format json
same ukwd-plan --set id-allocation=2000000 --format csv
same ukwd-plan --start 2026-03-02 --deadline 2027-01-04 --format text
same ukwd-plan --today 2040-01-01 --format svg
same ukwd-plan --party non-domestic-small-supplier --division scotland --format text

echo "$((total - failed)) of $total cases as the whole calendar answers them"
[ "$failed" -eq 0 ]
