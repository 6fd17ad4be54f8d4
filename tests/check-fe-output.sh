#!/bin/sh
# --output FILE and the file it replaces (issue 13, item 11):
#   - a symbolic link is written through: the link stays, its target
#     gets the output;
#   - a replaced file keeps its mode (0600 stays 0600), a new one gets
#     0666 less the umask;
#   - SIGINT, SIGTERM and SIGHUP while the output is written leave no
#     FILE.tmp-XXXXXX behind;
#   - a 250-character file name works (the temporary name fits NAME_MAX).
# usage: check-fe-output.sh EXAMPLES-BUILD-DIR
set -u
bin=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}
export_ics() {
	"$bin/ukwd-cal" export-ics --from 2026 --to 2026 --division scotland \
		--output "$1" 2>"$tmp/stderr"
}
no_temporary() {
	if ls -a "$tmp/$1" | grep -q '\.tmp-'; then
		fail "$2: a temporary file was left behind: $(ls -a "$tmp/$1" | grep '\.tmp-')"
	fi
}
"$bin/ukwd-cal" export-ics --from 2026 --to 2026 --division scotland >"$tmp/expected"

# A symbolic link, to a file in another directory.
mkdir "$tmp/link" "$tmp/real"
echo old >"$tmp/real/calendar.ics"
ln -s ../real/calendar.ics "$tmp/link/calendar.ics"
if ! export_ics "$tmp/link/calendar.ics"; then
	fail "symlink: status $? $(cat "$tmp/stderr")"
elif [ ! -L "$tmp/link/calendar.ics" ]; then
	fail "symlink: the link was replaced by a plain file"
elif ! cmp -s "$tmp/real/calendar.ics" "$tmp/expected"; then
	fail "symlink: the link's target did not get the output"
fi
no_temporary link symlink
no_temporary real symlink
# A dangling link is refused, and left as it was.
ln -s ../real/missing/x.ics "$tmp/link/dangling.ics"
if export_ics "$tmp/link/dangling.ics"; then
	fail "dangling symlink: accepted"
elif [ ! -L "$tmp/link/dangling.ics" ]; then
	fail "dangling symlink: the link was replaced"
fi

# Modes: a 0600 file stays 0600; a new file follows the umask.
mkdir "$tmp/mode"
echo old >"$tmp/mode/private.ics"
chmod 600 "$tmp/mode/private.ics"
export_ics "$tmp/mode/private.ics" || fail "mode: status $?"
mode=$(stat -c %a "$tmp/mode/private.ics")
[ "$mode" = 600 ] || fail "mode: a 0600 file became $mode"
echo old >"$tmp/mode/shared.ics"
chmod 664 "$tmp/mode/shared.ics"
export_ics "$tmp/mode/shared.ics" || fail "mode: status $?"
mode=$(stat -c %a "$tmp/mode/shared.ics")
[ "$mode" = 664 ] || fail "mode: a 0664 file became $mode"
(umask 027 && export_ics "$tmp/mode/new.ics") || fail "mode: status $?"
mode=$(stat -c %a "$tmp/mode/new.ics")
[ "$mode" = 640 ] || fail "mode: a new file under umask 027 got $mode, not 640"
no_temporary mode mode

# A 250-character name: valid, and the temporary name must fit too.
mkdir "$tmp/long"
long=$(printf '%0250d' 0 | tr 0 a)
if ! export_ics "$tmp/long/$long"; then
	fail "250-character name: $(cat "$tmp/stderr")"
elif ! cmp -s "$tmp/long/$long" "$tmp/expected"; then
	fail "250-character name: wrong content"
fi
no_temporary long "250-character name"

# Signals while the output is written: a plan large enough (generated
# here) that rendering it takes a while; each signal is sent once the
# temporary file exists.
awk 'BEGIN { print "id,name,duration,predecessors";
	for (i = 0; i < 200000; i++)
		printf "t%d,Task %d,1,%s\n", i, i, i ? "t" (i - 1) : "" }' \
	>"$tmp/plan.csv"
for sig in INT TERM HUP; do
	mkdir "$tmp/$sig"
	env --default-signal="$sig" "$bin/ukwd-plan" --tasks "$tmp/plan.csv" \
		--start 2026-01-05 --format json --output "$tmp/$sig/plan.json" \
		2>/dev/null &
	pid=$!
	seen=0
	tries=0
	while [ "$tries" -lt 3000 ] && kill -0 "$pid" 2>/dev/null; do
		if ls -a "$tmp/$sig" | grep -q '\.tmp-'; then
			seen=1
			break
		fi
		sleep 0.01
		tries=$((tries + 1))
	done
	kill -s "$sig" "$pid" 2>/dev/null
	wait "$pid"
	status=$?
	if [ "$seen" = 0 ]; then
		echo "SKIP: SIG$sig: the temporary file was never seen (status $status)"
		continue
	fi
	[ "$status" -gt 128 ] || fail "SIG$sig: status $status, not killed by the signal"
	no_temporary "$sig" "SIG$sig"
	[ -e "$tmp/$sig/plan.json" ] && fail "SIG$sig: a partial output was renamed into place"
done

echo "$failed failed"
[ "$failed" -eq 0 ]
