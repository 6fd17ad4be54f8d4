/*
 * Tests of the SQLite extension libukwd_sqlite (issue 18), through
 * SQLite's C API, TAP output. One program, three suites:
 *
 *   test-sqlite agree MODULE UKWD-CAL   1 M random is/add/count queries
 *                                       answered identically to
 *                                       `ukwd-cal --batch`; roll against
 *                                       the library; ukwd_holidays against
 *                                       `ukwd-cal holidays --format csv`
 *   test-sqlite hostile MODULE          hostile arguments: errors naming
 *                                       the argument, or NULL for NULL
 *   test-sqlite fuzz MODULE             random arguments of every type
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>
#include <ukwd.h>

static int tap_count, tap_failed;

static void ok(int cond, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d - ", cond ? "ok" : "not ok", ++tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
}

static sqlite3 *
open_db(const char *module)
{
	sqlite3 *db;
	char *err = NULL;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
		printf("Bail out! sqlite3_open failed\n");
		exit(1);
	}
	sqlite3_enable_load_extension(db, 1);
	if (sqlite3_load_extension(db, module, NULL, &err) != SQLITE_OK) {
		printf("Bail out! load_extension(%s): %s\n", module,
		       err ? err : "?");
		exit(1);
	}
	return db;
}

/* xorshift64*: a fixed seed, the same queries every run. */
static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1du;
}

static int
rng_between(int lo, int hi)
{
	return lo + (int)(rng() % (uint64_t)(hi - lo + 1));
}

/* A random date: mostly 1971-2100, some anywhere to 9999, some at the
 * calendar's edges. */
static ukwd_date
random_date(void)
{
	ukwd_date first, last, d;
	int kind = rng_between(0, 99);

	ukwd_date_from_ymd(&first, 1971, 1, 1);
	ukwd_date_from_ymd(&last, 9999, 12, 31);
	if (kind < 80) {
		ukwd_date_from_ymd(&d, 1971, 1, 1);
		return d + rng_between(0, 130 * 366);
	}
	if (kind < 90)
		return first + rng_between(0, last - first);
	if (kind < 95)
		return first + rng_between(0, 40);
	return last - rng_between(0, 40);
}

static int32_t
random_n(void)
{
	int kind = rng_between(0, 99);

	if (kind < 70)
		return rng_between(-600, 600);
	if (kind < 80)
		return rng_between(-5, 5);
	if (kind < 95)
		return rng_between(-2100000, 2100000);
	return kind & 1 ? INT32_MAX - rng_between(0, 5)
	                : INT32_MIN + rng_between(0, 5);
}

enum cmd { IS, ADD, COUNT };

/* One group of queries: the same lines through ukwd-cal --batch and
 * through SQL; returns how many differed. */
static int
agree_group(sqlite3 *db, const char *ukwd_cal, enum cmd cmd,
            const char *division, int queries, int *errors)
{
	static const char *names[] = {"is", "add", "count"};
	static const char *sql[] = {"SELECT ukwd_is_working(?1, ?3)",
	                            "SELECT ukwd_add(?1, ?2, ?3)",
	                            "SELECT ukwd_count(?1, ?2, ?3)"};
	char path[] = "/tmp/ukwd-sql-agree-XXXXXX";
	char command[1024], line[128], expected[128], got[128];
	int fd = mkstemp(path), differ = 0;
	ukwd_date *a = malloc((size_t)queries * sizeof *a);
	int32_t *b = malloc((size_t)queries * sizeof *b);
	FILE *in, *out;
	sqlite3_stmt *stmt;

	if (fd < 0 || !a || !b) {
		printf("Bail out! no temporary file or memory\n");
		exit(1);
	}
	in = fdopen(fd, "w");
	for (int i = 0; i < queries; i++) {
		char date[UKWD_DATE_STRLEN], other[UKWD_DATE_STRLEN];

		a[i] = random_date();
		ukwd_date_format(date, sizeof date, a[i]);
		if (cmd == IS) {
			fprintf(in, "%s\n", date);
		} else if (cmd == ADD) {
			b[i] = random_n();
			fprintf(in, "%s %" PRId32 "\n", date, b[i]);
		} else {
			b[i] = rng_between(0, 3) ? a[i] + rng_between(-800, 800)
			                         : random_date();
			if (ukwd_date_format(other, sizeof other, b[i]) < 0 ||
			    other[0] == '0' || strncmp(other, "1970", 4) == 0 ||
			    strlen(other) != 10)
				b[i] = a[i];
			ukwd_date_format(other, sizeof other, b[i]);
			fprintf(in, "%s %s\n", date, other);
		}
	}
	fclose(in);
	snprintf(command, sizeof command,
	         "'%s' --division %s --batch %s < %s 2>/dev/null", ukwd_cal,
	         division, names[cmd], path);
	out = popen(command, "r");
	sqlite3_prepare_v2(db, sql[cmd], -1, &stmt, NULL);
	sqlite3_bind_text(stmt, 3, division, -1, SQLITE_STATIC);
	for (int i = 0; i < queries; i++) {
		char date[UKWD_DATE_STRLEN], other[UKWD_DATE_STRLEN];
		int rc;

		if (!fgets(line, sizeof line, out)) {
			differ += queries - i;
			break;
		}
		line[strcspn(line, "\n")] = '\0';
		snprintf(expected, sizeof expected, "%s", line);
		ukwd_date_format(date, sizeof date, a[i]);
		sqlite3_bind_text(stmt, 1, date, -1, SQLITE_TRANSIENT);
		if (cmd == ADD) {
			sqlite3_bind_int64(stmt, 2, b[i]);
		} else if (cmd == COUNT) {
			ukwd_date_format(other, sizeof other, b[i]);
			sqlite3_bind_text(stmt, 2, other, -1, SQLITE_TRANSIENT);
		}
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			snprintf(got, sizeof got, "%s",
			         (const char *)sqlite3_column_text(stmt, 0));
		} else {
			got[0] = '\0'; /* ukwd-cal prints an empty line */
			++*errors;
		}
		sqlite3_reset(stmt);
		if (strcmp(got, expected) != 0) {
			if (differ < 5)
				printf("# %s --division %s: line %d: ukwd-cal "
				       "'%s', SQL '%s' (%s)\n",
				       names[cmd], division, i + 1, expected,
				       got, sqlite3_errmsg(db));
			differ++;
		}
	}
	if (fgets(line, sizeof line, out))
		differ++;
	pclose(out);
	sqlite3_finalize(stmt);
	unlink(path);
	free(a);
	free(b);
	return differ;
}

static const char *divisions[] = {"sec", "england-and-wales", "scotland",
                                  "northern-ireland", "uk"};

static int
run_agree(const char *module, const char *ukwd_cal)
{
	sqlite3 *db = open_db(module);
	/* 5 divisions x 3 commands x 66,667 = 1,000,005 queries. */
	const int per_group = 66667;
	int total = 0;

	for (int cmd = IS; cmd <= COUNT; cmd++)
		for (size_t d = 0; d < sizeof divisions / sizeof *divisions;
		     d++) {
			int errors = 0,
			    differ =
			        agree_group(db, ukwd_cal, (enum cmd)cmd,
			                    divisions[d], per_group, &errors);

			total += per_group;
			ok(differ == 0 && (cmd == IS || errors > 0),
			   "%s, division %s: %d queries as ukwd-cal --batch "
			   "answers them (%d differ; %d errors on both sides)",
			   cmd == IS    ? "ukwd_is_working"
			   : cmd == ADD ? "ukwd_add"
			                : "ukwd_count",
			   divisions[d], per_group, differ, errors);
		}
	printf("# %d queries in all\n", total);

	/* Roll: against the library itself, 20,000 per division. */
	for (size_t d = 0; d < sizeof divisions / sizeof *divisions; d++) {
		static const char *conv[] = {"following", "preceding",
		                             "modified-following",
		                             "modified-preceding"};
		unsigned int bits;
		ukwd_calendar *cal;
		sqlite3_stmt *stmt;
		int differ = 0;

		ukwd_uk_division_parse(&bits, divisions[d], NULL);
		ukwd_calendar_new_uk(&cal, bits, 1971, 9999);
		sqlite3_prepare_v2(db, "SELECT ukwd_roll(?1, ?2, ?3)", -1,
		                   &stmt, NULL);
		sqlite3_bind_text(stmt, 3, divisions[d], -1, SQLITE_STATIC);
		for (int i = 0; i < 20000; i++) {
			ukwd_date date = random_date(), answer;
			int c = rng_between(0, 3), rc;
			char text[UKWD_DATE_STRLEN], want[UKWD_DATE_STRLEN];
			const char *got;

			ukwd_date_format(text, sizeof text, date);
			rc =
			    ukwd_workday_roll(&answer, cal, date, (ukwd_roll)c);
			if (rc == 0)
				ukwd_date_format(want, sizeof want, answer);
			sqlite3_bind_text(stmt, 1, text, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(stmt, 2, conv[c], -1, SQLITE_STATIC);
			if (sqlite3_step(stmt) == SQLITE_ROW) {
				got =
				    (const char *)sqlite3_column_text(stmt, 0);
				differ += rc != 0 || strcmp(got, want) != 0;
			} else {
				differ += rc == 0;
			}
			sqlite3_reset(stmt);
		}
		sqlite3_finalize(stmt);
		ukwd_calendar_free(cal);
		ok(differ == 0,
		   "ukwd_roll, division %s: 20000 random dates and "
		   "conventions as ukwd_workday_roll answers them (%d differ)",
		   divisions[d], differ);
	}

	/* ukwd_holidays against ukwd-cal holidays --format csv. */
	for (size_t d = 0; d < sizeof divisions / sizeof *divisions; d++) {
		static const int spans[][2] = {
		    {1971, 1975}, {2020, 2027}, {2095, 2105}, {9990, 9999}};

		for (size_t s = 0; s < sizeof spans / sizeof *spans; s++) {
			char command[1024], line[512], got[512];
			sqlite3_stmt *stmt;
			FILE *out;
			int rows = 0, differ = 0;

			snprintf(command, sizeof command,
			         "'%s' --division %s holidays --from %d --to "
			         "%d --format csv 2>/dev/null",
			         ukwd_cal, divisions[d], spans[s][0],
			         spans[s][1]);
			out = popen(command, "r");
			if (!fgets(line, sizeof line, out)) /* header */
				differ++;
			sqlite3_prepare_v2(
			    db,
			    "SELECT date || ',' || division || ',' || name "
			    "FROM ukwd_holidays(printf('%04d-01-01', ?1), "
			    "printf('%04d-12-31', ?2), ?3)",
			    -1, &stmt, NULL);
			sqlite3_bind_int(stmt, 1, spans[s][0]);
			sqlite3_bind_int(stmt, 2, spans[s][1]);
			sqlite3_bind_text(stmt, 3, divisions[d], -1,
			                  SQLITE_STATIC);
			while (sqlite3_step(stmt) == SQLITE_ROW) {
				snprintf(
				    got, sizeof got, "%s",
				    (const char *)sqlite3_column_text(stmt, 0));
				rows++;
				if (!fgets(line, sizeof line, out)) {
					differ++;
					continue;
				}
				line[strcspn(line, "\n")] = '\0';
				if (strcmp(line, got) != 0) {
					if (differ < 3)
						printf("# '%s' vs '%s'\n", line,
						       got);
					differ++;
				}
			}
			if (fgets(line, sizeof line, out))
				differ++;
			sqlite3_finalize(stmt);
			pclose(out);
			ok(differ == 0 && rows > 0,
			   "ukwd_holidays, division %s, %d-%d: the %d rows of "
			   "ukwd-cal holidays --format csv",
			   divisions[d], spans[s][0], spans[s][1], rows);
		}
	}
	sqlite3_close(db);
	return 0;
}

/* One SQL expression: "error: <message>", "NULL" or its value as text. */
static void
eval(sqlite3 *db, const char *expr, char *buf, size_t size)
{
	char sql[1024];
	sqlite3_stmt *stmt;
	int rc;

	snprintf(sql, sizeof sql, "SELECT %s", expr);
	rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK) {
		snprintf(buf, size, "error: %s", sqlite3_errmsg(db));
		return;
	}
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW)
		snprintf(buf, size, "error: %s", sqlite3_errmsg(db));
	else if (sqlite3_column_type(stmt, 0) == SQLITE_NULL)
		snprintf(buf, size, "NULL");
	else
		snprintf(buf, size, "%s",
		         (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
}

static int
run_hostile(const char *module)
{
	static const struct {
		const char *expr, *expected; /* expected: a prefix */
	} cases[] = {
	    /* answers */
	    {"ukwd_is_working('2024-12-25')", "0"},
	    {"ukwd_is_working('2024-12-24')", "1"},
	    {"ukwd_is_working('2024-08-05', 'scotland')", "0"},
	    {"ukwd_is_working('2024-08-05', 'SEC')", "0"},
	    {"ukwd_is_working('2024-08-05', 'England')", "1"},
	    {"ukwd_add('2023-06-02', 1, 'england-and-wales')", "2023-06-05"},
	    {"ukwd_add('2023-06-03', 1, 'england-and-wales')", "2023-06-05"},
	    {"ukwd_add('2024-01-03', 0)", "2024-01-03"},
	    {"ukwd_count('2024-01-01', '2025-01-01')", "251"},
	    {"ukwd_count('2025-01-01', '2024-01-01')", "-251"},
	    {"ukwd_count('9999-12-31', '9999-12-31')", "0"},
	    {"ukwd_roll('2024-12-25', 'following')", "2024-12-27"},
	    {"ukwd_roll('2024-12-25', 'PRECEDING')", "2024-12-24"},
	    {"ukwd_add('9000-06-01', 1)", "9000-06-02"},
	    {"(SELECT count(*) FROM ukwd_holidays('2024-01-01', "
	     "'2024-12-31', 'ni'))",
	     "10"},
	    {"(SELECT count(*) FROM ukwd_holidays('2024-12-31', "
	     "'2024-01-01'))",
	     "0"},
	    {"json_extract(ukwd_notice_check('uept-notice', '2024-01-02', "
	     "'2024-05-01'), '$.compliant')",
	     "1"},
	    {"json_extract(ukwd_notice_check('uept-notice', '2024-04-01', "
	     "'2024-05-01'), '$.shortfall') > 0",
	     "1"},
	    {"json_extract(ukwd_notice_check('uept-notice', "
	     "'2024-02-02T17:30', '2024-05-01', '17:00'), "
	     "'$.deemed_received')",
	     "2024-02-05"},
	    {"json_valid(ukwd_notice_check('readmission-bar', '2023-06-03', "
	     "'2024-06-01'))",
	     "1"},
	    /* NULL in, NULL out */
	    {"ukwd_is_working(NULL)", "NULL"},
	    {"ukwd_is_working('2024-01-01', NULL)", "NULL"},
	    {"ukwd_add(NULL, 1)", "NULL"},
	    {"ukwd_add('2024-01-01', NULL)", "NULL"},
	    {"ukwd_count('2024-01-01', NULL)", "NULL"},
	    {"ukwd_roll('2024-01-01', NULL)", "NULL"},
	    {"ukwd_notice_check('uept-notice', NULL, '2024-01-01')", "NULL"},
	    {"(SELECT count(*) FROM ukwd_holidays(NULL, '2024-12-31'))", "0"},
	    /* errors naming the argument */
	    {"ukwd_add('2024-01-01', 4294967296)",
	     "error: ukwd_add: argument 2 (n): 4294967296 is out of range"},
	    {"ukwd_add('2024-01-01', -9223372036854775808)",
	     "error: ukwd_add: argument 2 (n): -9223372036854775808 is out"},
	    {"ukwd_add('2024-01-01', 2147483647)",
	     "error: ukwd_add: the answer is outside the calendar"},
	    {"ukwd_add('2024-01-01', -2147483648)",
	     "error: ukwd_add: the answer is outside the calendar"},
	    {"ukwd_add('9999-12-31', 1)",
	     "error: ukwd_add: the answer is outside the calendar"},
	    {"ukwd_add('1971-01-01', -1)",
	     "error: ukwd_add: the answer is outside the calendar"},
	    {"ukwd_add('2024-01-01', 1.5)",
	     "error: ukwd_add: argument 2 (n): not an integer (a real)"},
	    {"ukwd_add('2024-01-01', '5')",
	     "error: ukwd_add: argument 2 (n): not an integer (text)"},
	    {"ukwd_add('2024-01-01', x'05')",
	     "error: ukwd_add: argument 2 (n): not an integer (a blob)"},
	    {"ukwd_add('2024-12-25', 0)",
	     "error: ukwd_add: argument 1 (date): 2024-12-25 is not a working "
	     "day"},
	    {"ukwd_add('', 1)",
	     "error: ukwd_add: argument 1 (date): '' is not a date"},
	    {"ukwd_add(20240101, 1)",
	     "error: ukwd_add: argument 1 (date): expected a date "
	     "'YYYY-MM-DD', not an integer"},
	    {"ukwd_add('1970-12-31', 1)",
	     "error: ukwd_add: argument 1 (date): 1970-12-31 is outside the "
	     "calendar"},
	    {"ukwd_add('0001-01-01', 1)",
	     "error: ukwd_add: argument 1 (date): 0001-01-01 is outside"},
	    {"ukwd_add('2023-02-29', 1)",
	     "error: ukwd_add: argument 1 (date): '2023-02-29' is not a date"},
	    {"ukwd_add('2024-01-01 ', 1)",
	     "error: ukwd_add: argument 1 (date): '2024-01-01 ' is not"},
	    {"ukwd_add('2024-01-01', 1, 'mars')",
	     "error: ukwd_add: argument 3 (division): unknown division"},
	    {"ukwd_add('2024-01-01', 1, '')",
	     "error: ukwd_add: argument 3 (division):"},
	    {"ukwd_is_working(x'00')",
	     "error: ukwd_is_working: argument 1 (date): expected a date "
	     "'YYYY-MM-DD', not a blob"},
	    {"ukwd_is_working('2024-01-01', 7)",
	     "error: ukwd_is_working: argument 2 (division): expected a "
	     "division name"},
	    {"ukwd_count('2024-01-01', 'tomorrow')",
	     "error: ukwd_count: argument 2 (to): 'tomorrow' is not a date"},
	    {"ukwd_count('2024-01-01', '10000-01-01')",
	     "error: ukwd_count: argument 2 (to):"},
	    {"ukwd_roll('2024-01-01', 'nearest')",
	     "error: ukwd_roll: argument 2 (convention): unknown convention "
	     "'nearest'"},
	    {"ukwd_roll('2024-01-01', '')",
	     "error: ukwd_roll: argument 2 (convention): unknown convention"},
	    {"ukwd_roll('1971-01-01', 'preceding')",
	     "error: ukwd_roll: the answer is outside the calendar"},
	    {"ukwd_notice_check('no-such-rule', '2024-01-01', '2024-02-01')",
	     "error: ukwd_notice_check: argument 1 (rule): unknown rule "
	     "'no-such-rule'"},
	    {"ukwd_notice_check('uept-notice', '2024-01-01 25:00', "
	     "'2024-02-01')",
	     "error: ukwd_notice_check: argument 2 (given):"},
	    {"ukwd_notice_check('uept-notice', '2024-01-01', "
	     "'2024-02-01T10:00')",
	     "error: ukwd_notice_check: argument 3 (event): a date"},
	    {"ukwd_notice_check('uept-notice', '2024-01-01', '2024-02-01', "
	     "'5pm')",
	     "error: ukwd_notice_check: argument 4 (cutoff): '5pm' is not a "
	     "time"},
	    {"ukwd_notice_check('uept-notice', '1971-01-01', '1971-01-02')",
	     "error: ukwd_notice_check: the answer is outside the calendar"},
	    {"(SELECT count(*) FROM ukwd_holidays)",
	     "error: ukwd_holidays: arguments 1 (from) and 2 (to) are "
	     "required"},
	    {"(SELECT count(*) FROM ukwd_holidays('2024-01-01', 5))",
	     "error: ukwd_holidays: argument 2 (to): expected a date"},
	    {"(SELECT count(*) FROM ukwd_holidays('2024-01-01', "
	     "'2024-12-31', 'atlantis'))",
	     "error: ukwd_holidays: argument 3 (division): unknown division"},
	    {"(SELECT count(*) FROM ukwd_holidays('1900-01-01', "
	     "'2024-12-31'))",
	     "error: ukwd_holidays: argument 1 (from): 1900-01-01 is outside"},
	    {"ukwd_add()", "error: wrong number of arguments"},
	    {"ukwd_add('2024-01-01', 1, 'sec', 4)",
	     "error: wrong number of arguments"},
	};
	sqlite3 *db = open_db(module);
	char got[1024];
	char long_text[4000];

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		eval(db, cases[i].expr, got, sizeof got);
		ok(strncmp(got, cases[i].expected, strlen(cases[i].expected)) ==
		       0,
		   "%s gives %s%s", cases[i].expr, cases[i].expected,
		   strcmp(got, cases[i].expected) ? "..." : "");
		if (strncmp(got, cases[i].expected,
		            strlen(cases[i].expected)) != 0)
			printf("# got: %s\n", got);
	}
	/* A long text argument is quoted short. */
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	{
		sqlite3_stmt *stmt;
		const char *msg;

		sqlite3_prepare_v2(db, "SELECT ukwd_is_working(?)", -1, &stmt,
		                   NULL);
		sqlite3_bind_text(stmt, 1, long_text, -1, SQLITE_STATIC);
		ok(sqlite3_step(stmt) == SQLITE_ERROR,
		   "a 3999-byte date is an error");
		msg = sqlite3_errmsg(db);
		ok(strlen(msg) < 400 && strstr(msg, "argument 1 (date)"),
		   "and its message quotes it short (%zu bytes)", strlen(msg));
		sqlite3_finalize(stmt);
	}
	/* The functions are registered as deterministic: SQLite accepts
	 * them in an index and a generated column. */
	eval(db,
	     "1; CREATE TABLE t(d TEXT, w AS (ukwd_is_working(d))); "
	     "CREATE INDEX t_next ON t(ukwd_add(d, 1))",
	     got, sizeof got);
	ok(sqlite3_exec(db,
	                "CREATE TABLE t(d TEXT, w AS (ukwd_is_working(d)));"
	                "CREATE INDEX t_next ON t(ukwd_add(d, 1));"
	                "INSERT INTO t VALUES ('2024-12-24'), ('2024-12-25');",
	                NULL, NULL, NULL) == SQLITE_OK,
	   "ukwd_is_working in a generated column and ukwd_add in an index");
	eval(db, "(SELECT group_concat(w) FROM t)", got, sizeof got);
	ok(strcmp(got, "1,0") == 0, "the generated column reads 1,0 (%s)", got);
	sqlite3_close(db);
	return 0;
}

/* Random arguments of every type through every function: no crash, and
 * each call gives an answer of the right type, NULL exactly when an
 * argument is NULL, or an error that names the function. */
/* Half the time a plausible value for the argument's role (d date, n
 * count, v division, c convention, r rule, t time), so that answers are
 * reached as well as errors. */
static int
plausible_value(sqlite3_stmt *stmt, int index, char role, char *scratch,
                size_t size)
{
	static const char *names[][5] = {
	    {"sec", "scotland", "NI", "England", "uk"},
	    {"following", "preceding", "modified-following",
	     "MODIFIED-PRECEDING", "following"},
	    {"uept-notice", "privacy-booking", "readmission-bar",
	     "uept-exit-review", "privacy-change-outcome"},
	    {"00:00", "17:00", "23:59", "09:30", "12:00"}};
	ukwd_date d;

	switch (role) {
	case 'd':
		ukwd_date_from_ymd(&d, 1971, 1, 1);
		d += rng_between(0, 2932896);
		ukwd_date_format(scratch, size, d);
		if (rng_between(0, 3) == 0)
			strcat(scratch,
			       rng_between(0, 1) ? " 17:01" : "T08:00");
		sqlite3_bind_text(stmt, index, scratch, -1, SQLITE_TRANSIENT);
		return 0;
	case 'n':
		sqlite3_bind_int64(stmt, index, random_n());
		return 0;
	default:
		sqlite3_bind_text(stmt, index,
		                  names[role == 'v'   ? 0
		                        : role == 'c' ? 1
		                        : role == 'r' ? 2
		                                      : 3][rng_between(0, 4)],
		                  -1, SQLITE_STATIC);
		return 0;
	}
}

static int
random_value(sqlite3_stmt *stmt, int index, char role, char *scratch,
             size_t size)
{
	static const char *texts[] = {"2024-01-01",
	                              "2024-12-25",
	                              "1971-01-01",
	                              "9999-12-31",
	                              "1970-12-31",
	                              "0000-01-01",
	                              "2024-02-30",
	                              "",
	                              "sec",
	                              "SCOTLAND",
	                              "ni",
	                              "uk",
	                              "gb",
	                              "following",
	                              "modified-preceding",
	                              "uept-notice",
	                              "privacy-booking",
	                              "readmission-bar",
	                              "17:00",
	                              "23:59",
	                              "24:00",
	                              "2024-01-01T09:00",
	                              "2024-01-01 17:01",
	                              "-1",
	                              "\xff\xfe",
	                              "2024-01-01\n",
	                              "'; DROP TABLE x; --"};
	int kind = rng_between(0, 19);

	if (kind >= 10)
		return plausible_value(stmt, index, role, scratch, size);
	switch (kind) {
	case 0:
		sqlite3_bind_null(stmt, index);
		break;
	case 1:
		sqlite3_bind_int64(stmt, index, (sqlite3_int64)rng());
		break;
	case 2:
		sqlite3_bind_int64(stmt, index, rng_between(-3000, 3000));
		break;
	case 3:
		sqlite3_bind_double(stmt, index,
		                    (double)rng_between(-100, 100) / 3.0);
		break;
	case 4:
		sqlite3_bind_blob(stmt, index, "2024-01-01", 10, SQLITE_STATIC);
		break;
	case 5: { /* random bytes */
		size_t len = (size_t)rng_between(0, (int)size - 1);

		for (size_t i = 0; i < len; i++)
			scratch[i] = (char)rng_between(1, 255);
		scratch[len] = '\0';
		sqlite3_bind_text(stmt, index, scratch, -1, SQLITE_TRANSIENT);
		break;
	}
	case 6: { /* a random valid-looking date */
		ukwd_date d;

		ukwd_date_from_ymd(&d, 1, 1, 1);
		d += rng_between(0, 3652058);
		ukwd_date_format(scratch, size, d);
		sqlite3_bind_text(stmt, index, scratch, -1, SQLITE_TRANSIENT);
		break;
	}
	default:
		sqlite3_bind_text(stmt, index,
		                  texts[rng() % (sizeof texts / sizeof *texts)],
		                  -1, SQLITE_STATIC);
		break;
	}
	return kind == 0;
}

#define FUZZ_CALLS 20000

static int
run_fuzz(const char *module)
{
	static const struct {
		const char *name;
		int args;
		const char *roles;
	} fns[] = {
	    {"ukwd_is_working", 1, "d"},     {"ukwd_is_working", 2, "dv"},
	    {"ukwd_add", 2, "dn"},           {"ukwd_add", 3, "dnv"},
	    {"ukwd_count", 2, "dd"},         {"ukwd_count", 3, "ddv"},
	    {"ukwd_roll", 2, "dc"},          {"ukwd_roll", 3, "dcv"},
	    {"ukwd_notice_check", 3, "rdd"}, {"ukwd_notice_check", 4, "rddt"}};
	sqlite3 *db = open_db(module);
	char scratch[64];

	for (size_t f = 0; f < sizeof fns / sizeof *fns; f++) {
		char sql[128];
		sqlite3_stmt *stmt;
		int bad = 0, answers = 0, errors = 0, nulls = 0;

		snprintf(sql, sizeof sql, "SELECT %s(?%s%s%s)", fns[f].name,
		         fns[f].args > 1 ? ", ?" : "",
		         fns[f].args > 2 ? ", ?" : "",
		         fns[f].args > 3 ? ", ?" : "");
		sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
		for (int i = 0; i < FUZZ_CALLS; i++) {
			int has_null = 0, rc;

			for (int a = 1; a <= fns[f].args; a++)
				has_null |=
				    random_value(stmt, a, fns[f].roles[a - 1],
				                 scratch, sizeof scratch);
			rc = sqlite3_step(stmt);
			if (rc == SQLITE_ROW && (sqlite3_column_type(stmt, 0) ==
			                         SQLITE_NULL) == has_null) {
				if (has_null)
					nulls++;
				else
					answers++;
			} else if (!has_null && rc == SQLITE_ERROR &&
			           strncmp(sqlite3_errmsg(db), fns[f].name,
			                   strlen(fns[f].name)) == 0) {
				errors++;
			} else {
				if (bad < 3)
					printf("# %s: rc %d: %s\n", sql, rc,
					       sqlite3_errmsg(db));
				bad++;
			}
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
		}
		sqlite3_finalize(stmt);
		ok(bad == 0 && answers > 0 && errors > 0 && nulls > 0,
		   "%s with %d random arguments: %d calls, %d answers, "
		   "%d NULLs for NULL arguments, %d errors naming the "
		   "function, %d otherwise",
		   fns[f].name, fns[f].args, FUZZ_CALLS, answers, nulls, errors,
		   bad);
	}
	sqlite3_close(db);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "agree") == 0)
		run_agree(argv[2], argv[3]);
	else if (argc == 3 && strcmp(argv[1], "hostile") == 0)
		run_hostile(argv[2]);
	else if (argc == 3 && strcmp(argv[1], "fuzz") == 0)
		run_fuzz(argv[2]);
	else {
		fprintf(stderr, "usage: test-sqlite agree MODULE UKWD-CAL | "
		                "hostile MODULE | fuzz MODULE\n");
		return 2;
	}
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}
