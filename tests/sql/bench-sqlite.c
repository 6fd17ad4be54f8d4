/*
 * Benchmark (issue 18): SELECT sum(ukwd_count(a, b)) over ROWS rows
 * (default 10 M) against the pure-SQL ways of counting working days, in
 * SQLite, and the ratio. The CPU time (user + sys, getrusage) of each
 * query alone, best of RUNS; the three sums must agree.
 *
 *   bench-sqlite MODULE [ROWS [RUNS]]
 *
 * The rows: 100,000 pairs (a, b), a a random day of 2000-2030 and b 0 to
 * 90 days later (SLA clocks), each read ROWS / 100,000 times through a
 * cross join. The pure-SQL ways, written as well as we can:
 * - holiday table: weekdays in [a, b) by arithmetic on julianday() and
 *   strftime('%w'), minus the holidays in [a, b) counted by a range scan
 *   of an indexed table of the weekday holidays (WITHOUT ROWID);
 * - rank table: a table of every day with the number of working days
 *   before it (a "business day number"), so a count is two primary-key
 *   look-ups and a subtraction.
 * The tables are filled from the extension itself (setup, not timed).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <sqlite3.h>
#include <ukwd.h>

#define PAIRS 100000

static double
cpu_seconds(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static void
exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "bench-sqlite: %s\n  in: %s\n", err, sql);
		exit(1);
	}
}

/* The query's single integer, and the best CPU time of `runs`. */
static sqlite3_int64
timed(sqlite3 *db, const char *sql, int runs, double *best)
{
	sqlite3_int64 value = 0;

	*best = 1e30;
	for (int r = 0; r < runs; r++) {
		sqlite3_stmt *stmt;
		double start = cpu_seconds(), spent;

		if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK ||
		    sqlite3_step(stmt) != SQLITE_ROW) {
			fprintf(stderr, "bench-sqlite: %s\n  in: %s\n",
			        sqlite3_errmsg(db), sql);
			exit(1);
		}
		value = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
		spent = cpu_seconds() - start;
		if (spent < *best)
			*best = spent;
	}
	return value;
}

int
main(int argc, char **argv)
{
	long rows = argc > 2 ? atol(argv[2]) : 10000000L;
	int runs = argc > 3 ? atoi(argv[3]) : 3;
	uint64_t state = 0x2545f4914f6cdd1du;
	sqlite3 *db;
	sqlite3_stmt *insert;
	char *err = NULL, sql[256];
	double t_ukwd, t_holiday, t_rank;
	sqlite3_int64 s_ukwd, s_holiday, s_rank;
	ukwd_date base;

	if (argc < 2 || rows < PAIRS || runs < 1) {
		fprintf(stderr, "usage: bench-sqlite MODULE [ROWS [RUNS]] "
		                "(ROWS at least 100000)\n");
		return 2;
	}
	sqlite3_open(":memory:", &db);
	sqlite3_enable_load_extension(db, 1);
	if (sqlite3_load_extension(db, argv[1], NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "bench-sqlite: %s\n", err);
		return 1;
	}
	exec(db, "CREATE TABLE t(a TEXT, b TEXT); BEGIN");
	sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?, ?)", -1, &insert,
	                   NULL);
	ukwd_date_from_ymd(&base, 2000, 1, 1);
	for (int i = 0; i < PAIRS; i++) {
		char a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN];
		ukwd_date d;

		state ^= state >> 12;
		state ^= state << 25;
		state ^= state >> 27;
		d = base + (ukwd_date)((state >> 20) % (31 * 365));
		ukwd_date_format(a, sizeof a, d);
		ukwd_date_format(b, sizeof b,
		                 d + (ukwd_date)(state >> 50) % 91);
		sqlite3_bind_text(insert, 1, a, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(insert, 2, b, -1, SQLITE_TRANSIENT);
		sqlite3_step(insert);
		sqlite3_reset(insert);
	}
	sqlite3_finalize(insert);
	snprintf(sql, sizeof sql,
	         "CREATE TABLE k(i INTEGER PRIMARY KEY);"
	         "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
	         "FROM r WHERE i < %ld) INSERT INTO k SELECT i FROM r",
	         rows / PAIRS);
	exec(db, sql);
	exec(db, "CREATE TABLE h(d TEXT PRIMARY KEY) WITHOUT ROWID;"
	         "INSERT OR IGNORE INTO h SELECT date FROM "
	         "ukwd_holidays('1999-01-01', '2032-12-31', 'sec');"
	         "CREATE TABLE cal(d TEXT PRIMARY KEY, r INTEGER) WITHOUT "
	         "ROWID;"
	         "WITH RECURSIVE days(d) AS (SELECT '1999-01-01' UNION ALL "
	         "SELECT date(d, '+1 day') FROM days WHERE d < '2032-12-31') "
	         "INSERT INTO cal SELECT d, ukwd_count('1999-01-01', d) FROM "
	         "days;"
	         "COMMIT");

	s_ukwd =
	    timed(db, "SELECT sum(ukwd_count(a, b)) FROM t, k", runs, &t_ukwd);
	s_holiday = timed(
	    db,
	    "SELECT sum(n / 7 * 5 + max(0, min(w + n % 7, 5) - w) + "
	    "max(0, w + n % 7 - 7) - "
	    "(SELECT count(*) FROM h WHERE h.d >= a AND h.d < b)) "
	    "FROM (SELECT a, b, CAST(julianday(b) - julianday(a) AS INTEGER) "
	    "AS n, (CAST(strftime('%w', a) AS INTEGER) + 6) % 7 AS w "
	    "FROM t, k)",
	    runs, &t_holiday);
	s_rank = timed(db,
	               "SELECT sum((SELECT r FROM cal WHERE cal.d = b) - "
	               "(SELECT r FROM cal WHERE cal.d = a)) FROM t, k",
	               runs, &t_rank);
	sqlite3_close(db);

	printf("SQLite %s, %ld rows, CPU seconds (user+sys), best of %d:\n",
	       sqlite3_libversion(), rows / PAIRS * PAIRS, runs);
	printf("  sum(ukwd_count(a, b))              %8.3f s  %6.1f ns/row "
	       " sum %lld\n",
	       t_ukwd, t_ukwd * 1e9 / (double)rows, (long long)s_ukwd);
	printf("  holiday table + weekday arithmetic %8.3f s  %6.1f ns/row "
	       " sum %lld  (%.1fx ukwd's time)\n",
	       t_holiday, t_holiday * 1e9 / (double)rows, (long long)s_holiday,
	       t_holiday / t_ukwd);
	printf("  rank table, two key look-ups       %8.3f s  %6.1f ns/row "
	       " sum %lld  (%.1fx ukwd's time)\n",
	       t_rank, t_rank * 1e9 / (double)rows, (long long)s_rank,
	       t_rank / t_ukwd);
	if (s_ukwd != s_holiday || s_ukwd != s_rank) {
		printf("the sums differ\n");
		return 1;
	}
	return 0;
}
