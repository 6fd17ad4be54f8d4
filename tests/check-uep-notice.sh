#!/bin/sh
# The User Entry Process plan is a decision tool: the day it says to give
# the UEPT notice (and to request the Privacy Assessment) must be the same
# in every export and must be the day ukwd-notice accepts, with the next
# working day too late. Planned backward to the domestic small supplier
# mandate, 2017-11-25, for the Import Supplier and Other User roles.
# usage: check-uep-notice.sh BINDIR
set -u
bindir=$1
plan="$bindir/ukwd-plan"
notice="$bindir/ukwd-notice"
cal="$bindir/ukwd-cal"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}
args="--deadline 2017-11-25 --roles import-supplier,other-user"
# shellcheck disable=SC2086
"$plan" $args --format csv >"$tmp/plan.csv" &&
	"$plan" $args --format json >"$tmp/plan.json" &&
	"$plan" $args --format ics >"$tmp/plan.ics" || {
	echo "ukwd-plan failed"
	exit 1
}

# The n-th ISO date on a task's CSV row (1 early start, 2 early finish,
# 3 late start, 4 late finish).
csv_date() {
	grep "^$1," "$tmp/plan.csv" | grep -o '[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]' |
		sed -n "$2p"
}
json_late_start() {
	grep "\"id\": \"$1\"" "$tmp/plan.json" |
		sed -n 's/.*"late_start": "\([0-9-]*\)".*/\1/p'
}
ics_start() {
	uid=$(echo "$1" | tr / _)
	awk -v uid="$uid" '
		{ sub(/\r$/, "") }
		/^BEGIN:VEVENT/ { inside = 0 }
		/^UID:/ && index($0, "-" uid "@") { inside = 1 }
		inside && /^DTSTART;VALUE=DATE:/ { print substr($0, 20); exit }
	' "$tmp/plan.ics" | sed 's/\(....\)\(..\)\(..\)/\1-\2-\3/'
}

# One milestone: the same day in CSV (late start: the plan is backward),
# JSON and iCalendar; RULE accepts it for EVENT and refuses the next
# working day.
check_milestone() {
	milestone=$1 event_task=$2 rule=$3
	before=$failed
	day=$(csv_date "$milestone" 3)
	event=$(csv_date "$event_task" 3)
	[ -n "$day" ] && [ -n "$event" ] || {
		fail "$milestone or $event_task not in the CSV"
		return
	}
	[ "$(json_late_start "$milestone")" = "$day" ] ||
		fail "$milestone: JSON $(json_late_start "$milestone"), CSV $day"
	[ "$(ics_start "$milestone")" = "$day" ] ||
		fail "$milestone: iCalendar $(ics_start "$milestone"), CSV $day"
	"$notice" --rule "$rule" --given "$day" --event "$event" >/dev/null ||
		fail "$milestone: ukwd-notice --rule $rule refuses $day for $event"
	next=$("$cal" next "$day")
	if "$notice" --rule "$rule" --given "$next" --event "$event" >/dev/null; then
		fail "$milestone: the next working day $next is accepted too"
	fi
	[ "$failed" = "$before" ] &&
		echo "$milestone: $day (event $event), the same in CSV, JSON and iCalendar"
}

check_milestone uept-give-notice/import-supplier \
	uept-execution/import-supplier uept-notice
check_milestone uept-give-notice/other-user uept-execution/other-user \
	uept-notice
check_milestone privacy-request privacy-fieldwork privacy-booking

# The exit: notification to confirmed completion is 5 + 1 + 2 working days.
notified=$(csv_date uept-exit-notified/import-supplier 3)
confirmed=$(csv_date uept-exit-confirm/import-supplier 4)
span=$("$cal" count "$("$cal" next "$notified")" "$("$cal" next "$confirmed")")
[ "$span" = 8 ] ||
	fail "exit: $span working days from notification ($notified) to confirmation ($confirmed)"
echo "exit: notified $notified, confirmed $confirmed: $span working days"

echo "$failed failed"
[ "$failed" -eq 0 ]
