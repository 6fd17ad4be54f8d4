#!/bin/bash
# Front-ends given hostile arguments and input: each must exit with the
# expected status (2 for bad usage, with a one-line message; 1 where a
# batch line is bad), never crash or hang, and never leave an output file
# or a temporary file behind.
# usage: check-hostile.sh BINDIR
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/out"
huge=99999999999999999999
bad_utf8=$'\xff\xfe\xc3'
# A 10 MB line.
head -c 10485760 /dev/zero | tr '\0' 'x' >"$tmp/long-line"
printf '\n' >>"$tmp/long-line"
{ printf 'id,name,duration,predecessors\n'; cat "$tmp/long-line"; } >"$tmp/long.csv"

passed=0
failed=0
# check NAME EXPECTED-STATUSES STDIN COMMAND...
check() {
	local name=$1 expected=$2 input=$3 status
	shift 3
	if [ "$input" = closed ]; then
		timeout 60 "$@" >"$tmp/stdout" 2>"$tmp/stderr" <&-
	else
		timeout 60 "$@" >"$tmp/stdout" 2>"$tmp/stderr" <"$input"
	fi
	status=$?
	if ! printf '%s\n' $expected | grep -qx "$status"; then
		echo "FAIL $name: exit status $status, expected $expected"
		head -c 300 "$tmp/stderr"
		failed=$((failed + 1))
	elif [ ! -s "$tmp/stderr" ]; then
		echo "FAIL $name: nothing on stderr"
		failed=$((failed + 1))
	elif [ "$status" = 2 ] && [ "$(wc -l <"$tmp/stderr")" -ne 1 ]; then
		echo "FAIL $name: the message is not one line:"
		head -c 300 "$tmp/stderr"
		failed=$((failed + 1))
	elif [ -n "$(ls -A "$tmp/out")" ]; then
		echo "FAIL $name: left files behind: $(ls -A "$tmp/out")"
		rm -f "$tmp"/out/*
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
}

cal="$bin/ukwd-cal"
notice="$bin/ukwd-notice"
plan="$bin/ukwd-plan"
check cal-huge-number 2 /dev/null "$cal" add 2023-01-01 "$huge"
check cal-empty-date 2 /dev/null "$cal" is ""
check cal-invalid-utf8 2 /dev/null "$cal" is "$bad_utf8"
check cal-invalid-utf8-option 2 /dev/null "$cal" "--$bad_utf8"
check cal-empty-division 2 /dev/null "$cal" --division "" is 2023-01-01
check cal-huge-year 2 /dev/null "$cal" holidays --from "$huge"
check cal-directory-holidays 2 /dev/null "$cal" --holidays "$tmp" is 2023-01-01
check cal-endless-holidays 2 /dev/null "$cal" --holidays /dev/zero is 2023-01-01
check cal-newline-in-argument 2 /dev/null "$cal" $'--bo\ngus'
check notice-newline-in-rule 2 /dev/null "$notice" --rule $'a\nb' --given 2023-01-02 --event 2023-02-01
check cal-long-line-holidays 2 /dev/null "$cal" --holidays "$tmp/long-line" is 2023-01-01
check cal-unwritable-output 2 /dev/null "$cal" export-ics --from 2026 --output "$tmp/out/missing/x.ics"
check cal-output-is-a-directory 2 /dev/null "$cal" export-ics --from 2026 --output "$tmp/out"
check cal-batch-long-line "1" "$tmp/long-line" "$cal" --batch is
check cal-batch-stdin-closed "2" closed "$cal" --batch is
check notice-huge-days 2 /dev/null "$notice" --days "$huge" --given 2023-01-02 --event 2023-02-01
check notice-empty-given 2 /dev/null "$notice" --rule uept-notice --given "" --event 2023-02-01
check notice-invalid-utf8-rule 2 /dev/null "$notice" --rule "$bad_utf8" --given 2023-01-02 --event 2023-02-01
check notice-directory-holidays 2 /dev/null "$notice" --holidays "$tmp" --rule uept-notice --given 2023-01-02 --event 2023-02-01
check notice-batch-long-line 1 "$tmp/long-line" "$notice" --batch
check plan-directory-tasks 2 /dev/null "$plan" --tasks "$tmp" --start 2023-01-03
check plan-long-line-tasks 2 /dev/null "$plan" --tasks "$tmp/long.csv" --start 2023-01-03
check plan-huge-set 2 /dev/null "$plan" --set "fusa-fieldwork=$huge"
check plan-empty-start 2 /dev/null "$plan" --start ""
check plan-invalid-utf8-roles 2 /dev/null "$plan" --roles "$bad_utf8"
check plan-huge-width 2 /dev/null "$plan" --start 2017-01-03 --format text --width "$huge"
check plan-unwritable-output 2 /dev/null "$plan" --start 2017-01-03 --format svg --output "$tmp/out/missing/plan.svg"
check plan-stdin-closed 2 closed "$plan" --tasks - --start 2023-01-03

# Task names with invalid UTF-8 and control characters (a tab, a newline,
# ESC sequences, a C1 CSI, DEL), in every format of ukwd-plan: each output
# is valid UTF-8 with no control character but the line ends (SVG and
# HTML: XML white space), and parses where a parser is at hand (render.h,
# "Names in output").
printf 'id,name,duration,predecessors\n%s\n%s\n%s\n%s\n' \
	$'a,"Bad \xff\xfe byte",1,' $'b,"Tab\there; #x: y",2,a' \
	$'c,"Esc \x1b[31mred\x1b[0m, C1 \xc2\x9b and DEL \x7f",1,b' \
	$'d,"New\nline \xe2\x82",0,c' >"$tmp/hostile.csv"
for format in table text csv json mermaid svg html; do
	name=plan-hostile-names-$format
	if ! "$plan" --tasks "$tmp/hostile.csv" --start 2026-01-05 \
		--format "$format" >"$tmp/stdout" 2>"$tmp/stderr"; then
		echo "FAIL $name: exit status $?"
		failed=$((failed + 1))
		continue
	fi
	allowed='\n'
	case $format in svg | html) allowed='\n\t\r' ;; esac
	problem=
	if ! iconv -f UTF-8 -t UTF-8 "$tmp/stdout" >/dev/null 2>&1; then
		problem="not valid UTF-8"
	elif LC_ALL=C tr -d "$allowed" <"$tmp/stdout" | LC_ALL=C grep -q '[[:cntrl:]]'; then
		problem="a control character"
	elif LC_ALL=C grep -q $'\xc2[\x80-\x9f]' "$tmp/stdout"; then
		problem="a C1 control character"
	fi
	case $format in
	csv)
		[ "$(wc -l <"$tmp/stdout")" -eq 5 ] || problem="not 5 CSV records" ;;
	json)
		if command -v python3 >/dev/null &&
			! python3 -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' \
				"$tmp/stdout" 2>"$tmp/stderr"; then
			problem="invalid JSON: $(tail -1 "$tmp/stderr")"
		fi ;;
	svg)
		if command -v xmllint >/dev/null &&
			! xmllint --noout "$tmp/stdout" 2>"$tmp/stderr"; then
			problem="invalid XML: $(head -1 "$tmp/stderr")"
		fi ;;
	html)
		if command -v xmllint >/dev/null &&
			! xmllint --html --noout "$tmp/stdout" 2>"$tmp/stderr"; then
			problem="invalid HTML: $(head -1 "$tmp/stderr")"
		fi ;;
	esac
	if [ -n "$problem" ]; then
		echo "FAIL $name: $problem"
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
