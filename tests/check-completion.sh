#!/bin/bash
# The bash completion (completion/ukwd) run as bash runs it: source it,
# set COMP_WORDS and COMP_CWORD as bash would for a command line, call the
# function and compare COMPREPLY with what is expected. The names come
# from the tools (--list-names), so this also checks that the tools list
# them and that every division offered is one the tools accept.
# usage: check-completion.sh SRCROOT EXAMPLES_BUILD_DIR
set -u
root=$1
PATH=$(cd "$2" && pwd):$PATH
cd "$root" || exit 1
# shellcheck source=completion/ukwd
. completion/ukwd || exit 1
failed=0
total=0

# expect "EXPECTED REPLIES (space-separated, sorted)" WORD... ; the last
# WORD is the one being completed ('' for a new word). bash splits at
# '=', so "--division=sc" is given as --division = sc.
expect()
{
	local want=$1 got
	shift
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_ukwd "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" \
		"${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
	got=${got% }
	total=$((total + 1))
	if [ "$got" != "$want" ]; then
		echo "'$*': got '$got', expected '$want'"
		failed=$((failed + 1))
	fi
}

# Commands and options.
expect "add" ukwd-cal a
expect "export-ics" ukwd-cal ex
expect "--division" ukwd-cal --div
expect "--official --output" ukwd-cal --o
expect "--version" ukwd-plan --vers
expect "--list-names --list-rules" ukwd-notice --list
expect "" ukwd-cal is 2023-01-03 ""
expect "count" ukwd-cal --division gb co
expect "count" ukwd-cal --division = gb co
expect "count" ukwd-cal --batch co
# Values of options, from the tools.
expect "scotland sec" ukwd-cal --division s
expect "scotland" ukwd-plan --division = sc
expect "england england-and-wales" ukwd-notice --division eng
expect "modified-following modified-preceding" \
	ukwd-cal roll 2023-01-01 --convention mod
expect "csv" ukwd-cal holidays --format c
expect "gantt" ukwd-plan --format g
expect "ics ics-todo" ukwd-plan --format ics
expect "month" ukwd-plan --scale mo
expect "non-domestic-small-supplier" ukwd-plan --party non
expect "gas-supplier gas-transporter" ukwd-plan --roles gas-
expect "import-supplier,gas-supplier import-supplier,gas-transporter" \
	ukwd-plan --roles import-supplier,gas-
expect "privacy-booking=" ukwd-plan --set privacy-boo
expect "" ukwd-plan --set privacy-booking = ""
expect "uept-notice" ukwd-notice --rule uept-not
expect "weeks working" ukwd-notice --unit w
expect "scotland=" ukwd-cal --official sc
expect "tests/data/cli/company-shutdown.ics" \
	ukwd-cal --official scotland = tests/data/cli/company-sh
expect "examples/data/website.csv" ukwd-plan --tasks examples/data/webs
expect "" ukwd-notice --given 2023
expect "stages" ukwd-plan --list-names st

# Every division offered is one the tools accept.
for tool in ukwd-cal ukwd-plan ukwd-notice; do
	names=$("$tool" --list-names divisions)
	[ -n "$names" ] || { echo "$tool lists no divisions"; failed=$((failed + 1)); }
	for division in $names; do
		total=$((total + 1))
		ukwd-cal --division "$division" is 2023-01-03 >/dev/null 2>&1
		if [ $? -gt 1 ]; then
			echo "$tool offers division '$division', which ukwd-cal refuses"
			failed=$((failed + 1))
		fi
	done
done

echo "$((total - failed)) of $total completions as expected"
[ "$failed" -eq 0 ]
