#!/bin/sh
# Print a plan CSV for ukwd-plan: a chain of N one-day tasks, each the
# finish-to-start successor of the one before (issue 13, item 7: the
# iCalendar export of such a chain was O(tasks x links)).
#
#   tests/gen-ical-chain.sh 40000 > chain.csv
#   time ukwd-plan --tasks chain.csv --start 2026-01-05 --format ics >/dev/null
#
# A million one-day tasks end in the 5800s, inside the 1971-9999 calendar.
set -eu
n=${1:?usage: gen-ical-chain.sh N}
awk -v n="$n" 'BEGIN {
	print "id,name,duration,predecessors"
	print "t0,Task 0,1,"
	for (i = 1; i < n; i++)
		printf "t%d,Task %d,1,t%d\n", i, i, i - 1
}'
