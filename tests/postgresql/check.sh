#!/bin/bash
# The 'postgresql' test suite (issue 18): a PostgreSQL 15 server started
# for the run with the ukwd extension of the build tree (cluster.sh), TAP
# output.
#
#   check.sh BUILD_ROOT SOURCE_ROOT UKWD_CAL [regress|agree|fuzz]...
#
#   regress  tests/postgresql/sql/*.sql through psql, each output compared
#            with expected/*.out (pg_regress's way: psql -X -a -q, diff)
#   agree    1,000,005 random is/add/count queries (5 divisions, date and
#            text forms) answered as `ukwd-cal --batch` answers them;
#            roll against a day-by-day walk; ukwd_holidays against
#            `ukwd-cal holidays --format csv`
#   fuzz     random and hostile arguments through every function: a value,
#            NULL exactly for NULL, or an ERROR of class 22; the server
#            never crashes
#
# Exit 77 (skipped) when pg_config, the server or a user to run it as is
# missing. Set CLUSTER_KEEP=1 to keep the temporary directory.
set -u
build_root=$1 source_root=$2 ukwd_cal=$3
shift 3
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(regress agree fuzz)
here=$source_root/tests/postgresql
. "$here/cluster.sh"

cluster_start "$build_root" "$source_root" \
	"max_parallel_workers_per_gather=2" "autovacuum=off" ${CHECK_SETTINGS:-}

tap_count=0 tap_failed=0
# agree and fuzz work in the database postgres, regress in its own.
"$CLUSTER_PSQL" -X -q -c "CREATE EXTENSION ukwd" >/dev/null || {
	echo "Bail out! CREATE EXTENSION ukwd failed"
	exit 1
}
ok() {
	local cond=$1
	shift
	tap_count=$((tap_count + 1))
	if [ "$cond" = 0 ]; then
		echo "ok $tap_count - $*"
	else
		echo "not ok $tap_count - $*"
		tap_failed=$((tap_failed + 1))
	fi
}
sql() {
	"$CLUSTER_PSQL" -X -q -At -v ON_ERROR_STOP=1 "$@"
}

run_regress() {
	local f name out
	mkdir -p "$CLUSTER_DIR/results"
	sql -c "CREATE DATABASE regression" || ok 1 "the database regression is made"
	for f in "$here"/sql/*.sql; do
		name=${f##*/}
		name=${name%.sql}
		out=$CLUSTER_DIR/results/$name.out
		"$CLUSTER_PSQL" -X -a -q -d regression <"$f" >"$out" 2>&1
		if diff -u "$here/expected/$name.out" "$out" >"$out.diff"; then
			ok 0 "regress $name: output as expected/$name.out"
		else
			sed 's/^/# /' "$out.diff" | head -60
			ok 1 "regress $name: output as expected/$name.out"
		fi
	done
}

. "$here/agree.sh"
. "$here/fuzz.sh"

for part in "${parts[@]}"; do
	case $part in
	regress) run_regress ;;
	agree) run_agree ;;
	fuzz) run_fuzz ;;
	*)
		echo "Bail out! unknown part $part"
		exit 1
		;;
	esac
done
[ ! -r /proc/self/stat ] ||
	echo "# the server's processes used $(cluster_children_cpu) s of CPU; this script $SECONDS s of wall time"
# Every backend ended well: no crash, no assertion.
if grep -E "terminated by signal|server process .* exited|PANIC" \
	"$CLUSTER_DIR/server.log" >/dev/null; then
	grep -E "terminated by signal|exited|PANIC" "$CLUSTER_DIR/server.log" |
		sed 's/^/# /' | head
	ok 1 "the server log shows no crashed backend"
else
	ok 0 "the server log shows no crashed backend"
fi
echo "1..$tap_count"
[ "$tap_failed" = 0 ]
