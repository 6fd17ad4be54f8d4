#!/bin/bash
# Benchmark 'postgresql' (issue 18): SELECT sum(ukwd_count(a, b)) over ROWS
# rows (default 10 M) against the pure-SQL ways of counting working days,
# in a PostgreSQL 15 server started for the run (tests/postgresql/
# cluster.sh), with the ratios and the parallel workers each query used.
#
#   bench-sql-postgresql.sh BUILD_ROOT SOURCE_ROOT [ROWS [RUNS]]
#
# The rows: a table t(a date, b date) of ROWS rows, a a random day of
# 2000-2030 and b 0 to 90 days later (SLA clocks), as the SQLite benchmark
# draws them. The pure-SQL ways, written as well as we can:
# - holiday table: weekdays in [a, b) by arithmetic on b - a and a's ISO
#   weekday, minus the holidays in [a, b) counted by an index-only range
#   scan of an indexed table of the weekday holidays;
# - rank table: a table of every day with the number of working days
#   before it (a "business day number"), so a count is two look-ups (the
#   planner hashes the 12,000-row table) and a subtraction.
# The tables are filled from the extension itself (setup, not timed).
#
# Each query runs alone in a fresh session with the server's defaults for
# parallel query (max_parallel_workers_per_gather = 2, so a leader and up
# to 2 workers). CPU: user + system time of the session's backend and its
# workers (the postmaster's waited-for children, /proc; autovacuum off),
# best of RUNS; wall: the same run's. Workers: "Workers Launched" of an
# EXPLAIN ANALYZE run of the query. The three sums must agree.
set -u
build_root=$1 source_root=$2 rows=${3:-10000000} runs=${4:-1}
. "$source_root/tests/postgresql/cluster.sh"
cluster_start "$build_root" "$source_root" "autovacuum=off" \
	"max_parallel_workers_per_gather=2" "shared_buffers='256MB'" \
	"max_wal_size='4GB'"

sql() {
	"$CLUSTER_PSQL" -X -q -At -v ON_ERROR_STOP=1 "$@"
}
now() {
	date +%s.%N
}
calc() {
	awk "BEGIN { print $* }"
}

echo "setting up $rows rows..."
sql <<SQL || exit 1
CREATE EXTENSION ukwd;
\o /dev/null
SELECT setseed(0.5);
\o
CREATE TABLE t AS
SELECT a, a + floor(random() * 91)::int AS b
FROM (SELECT date '2000-01-01' + floor(random() * 31 * 365)::int AS a
	FROM generate_series(1, $rows)) s;
CREATE TABLE h (d date PRIMARY KEY);
INSERT INTO h SELECT DISTINCT date FROM ukwd_holidays(date '1999-01-01', date '2032-12-31', 'sec');
CREATE TABLE cal (d date PRIMARY KEY, r int);
INSERT INTO cal SELECT d, ukwd_count(date '1999-01-01', d::date)
FROM generate_series(date '1999-01-01', date '2032-12-31', interval '1 day') d;
VACUUM ANALYZE t;
VACUUM ANALYZE h;
VACUUM ANALYZE cal;
SQL

queries=(
	"SELECT sum(ukwd_count(a, b)) FROM t"
	"SELECT sum((b - a) / 7 * 5 + greatest(0, least(w + (b - a) % 7, 5) - w) + greatest(0, w + (b - a) % 7 - 7) - (SELECT count(*) FROM h WHERE h.d >= a AND h.d < b)) FROM (SELECT a, b, extract(isodow FROM a)::int - 1 AS w FROM t) s"
	"SELECT sum(cb.r - ca.r) FROM t JOIN cal ca ON ca.d = t.a JOIN cal cb ON cb.d = t.b"
)
labels=("sum(ukwd_count(a, b))" "holiday table + weekday arithmetic" "rank table, two look-ups")

# Wait until the postmaster has waited for the session's processes.
settle_cpu() {
	local before=$1 cpu i
	for i in 1 2 3 4 5 6 7 8 9 10; do
		sleep 0.2
		cpu=$(cluster_children_cpu)
		[ "$cpu" != "$before" ] && break
	done
	cluster_children_cpu
}

declare -a best_cpu best_wall sums workers
for q in 0 1 2; do
	best_cpu[q]=""
	for run in $(seq "$runs"); do
		cpu0=$(settle_cpu x)
		t0=$(now)
		sum=$(sql -c "${queries[q]}") || exit 1
		t1=$(now)
		cpu1=$(settle_cpu "$cpu0")
		cpu=$(calc "$cpu1 - $cpu0")
		wall=$(calc "$t1 - $t0")
		if [ -z "${best_cpu[q]}" ] || [ "$(calc "$cpu < ${best_cpu[q]}")" = 1 ]; then
			best_cpu[q]=$cpu
			best_wall[q]=$wall
		fi
		sums[q]=$sum
	done
	workers[q]=$(sql -c "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${queries[q]}" |
		grep -o '"Workers Launched": [0-9]*' | awk '{s += $3} END {print s + 0}')
done

version=$(sql -c "SHOW server_version")
echo "PostgreSQL $version, $rows rows, best of $runs; CPU = user + sys of the backend and its workers:"
for q in 0 1 2; do
	ratio=""
	[ "$q" = 0 ] || ratio=$(printf "  (%.1fx ukwd's CPU, %.1fx its wall)" \
		"$(calc "${best_cpu[q]} / ${best_cpu[0]}")" \
		"$(calc "${best_wall[q]} / ${best_wall[0]}")")
	printf "  %-36s CPU %7.2f s  %6.1f ns/row  wall %7.2f s  workers %s  sum %s%s\n" \
		"${labels[q]}" "${best_cpu[q]}" \
		"$(calc "${best_cpu[q]} * 1000000000 / $rows")" \
		"${best_wall[q]}" "${workers[q]}" "${sums[q]}" "$ratio"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
if [ "${sums[0]}" != "${sums[1]}" ] || [ "${sums[0]}" != "${sums[2]}" ]; then
	echo "the sums differ"
	exit 1
fi
