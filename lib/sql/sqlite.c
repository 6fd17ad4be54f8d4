/*
 * The SQLite loadable extension libukwd_sqlite (issue 18): libukwd's
 * working-day functions as SQL functions over ISO date text, and the
 * table-valued function ukwd_holidays. Above every module: it uses only
 * <ukwd.h>.
 *
 * Calendars are built once per connection and division set, on first use,
 * and kept in the functions' shared user data until the connection closes.
 * A calendar of 1971 to 2100 is built first (about 1 ms); a query that
 * needs a later year rebuilds it for 1971 to 9999 (about 35 ms), once.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <ukwd.h>

#define FIRST_LAST_YEAR 2100
/* Division sets are non-empty subsets of UKWD_UK_ALL (3 bits). */
#define DIVISION_SETS   8

struct cached_calendar {
	ukwd_calendar *cal;
	int last_year;
};

/* Shared by every function of one connection; freed when the last one is
 * unregistered (the connection closes). */
struct ext {
	int refs;
	struct cached_calendar cals[DIVISION_SETS];
};

static void
ext_unref(void *p)
{
	struct ext *ext = p;

	if (--ext->refs > 0)
		return;
	for (int i = 0; i < DIVISION_SETS; i++)
		ukwd_calendar_free(ext->cals[i].cal);
	sqlite3_free(ext);
}

/* The calendar of `divisions` for 1971 to at least `last_year`. */
static int
ext_calendar(const ukwd_calendar **out, struct ext *ext, unsigned int divisions,
             int last_year)
{
	struct cached_calendar *c = &ext->cals[divisions & UKWD_UK_ALL];
	ukwd_calendar *cal;
	int rc;

	if (last_year > UKWD_UK_LAST_YEAR)
		last_year = UKWD_UK_LAST_YEAR;
	if (c->cal && c->last_year >= last_year) {
		*out = c->cal;
		return 0;
	}
	last_year =
	    last_year <= FIRST_LAST_YEAR ? FIRST_LAST_YEAR : UKWD_UK_LAST_YEAR;
	rc = ukwd_calendar_new_uk(&cal, divisions, UKWD_UK_FIRST_YEAR,
	                          last_year);
	if (rc < 0)
		return rc;
	ukwd_calendar_free(c->cal);
	c->cal = cal;
	c->last_year = last_year;
	*out = cal;
	return 0;
}

static int
is_whole(const struct ext *ext, unsigned int divisions)
{
	return ext->cals[divisions & UKWD_UK_ALL].last_year >=
	       UKWD_UK_LAST_YEAR;
}

/* An argument, named for messages: "argument 2 (n)". */
struct arg {
	const char *func;
	int index; /* 0-based */
	const char *name;
};

static void arg_error(sqlite3_context *ctx, struct arg a, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
arg_error(sqlite3_context *ctx, struct arg a, const char *fmt, ...)
{
	char msg[512];
	int len = snprintf(msg, sizeof msg, "%s: argument %d (%s): ", a.func,
	                   a.index + 1, a.name);
	va_list ap;

	if (len < 0 || (size_t)len >= sizeof msg)
		len = 0;
	va_start(ap, fmt);
	vsnprintf(msg + len, sizeof msg - (size_t)len, fmt, ap);
	va_end(ap);
	sqlite3_result_error(ctx, msg, -1);
}

static const char *
type_name(int type)
{
	switch (type) {
	case SQLITE_INTEGER:
		return "an integer";
	case SQLITE_FLOAT:
		return "a real";
	case SQLITE_BLOB:
		return "a blob";
	case SQLITE_TEXT:
		return "text";
	default:
		return "NULL";
	}
}

/* Text of argument `a`, or an error for any other type. */
static const char *
arg_text(sqlite3_context *ctx, sqlite3_value **argv, struct arg a,
         const char *expected)
{
	sqlite3_value *v = argv[a.index];
	int type = sqlite3_value_type(v);
	char what[128];

	if (type != SQLITE_TEXT) {
		snprintf(what, sizeof what, "%s, not %s", expected,
		         type_name(type));
		arg_error(ctx, a, "expected %s", what);
		return NULL;
	}
	return (const char *)sqlite3_value_text(v);
}

/* A text argument quoted for a message, cut short when long. */
static void
quote(char *buf, size_t size, const char *text)
{
	size_t len = strlen(text);

	if (len > 40)
		snprintf(buf, size, "'%.40s...'", text);
	else
		snprintf(buf, size, "'%s'", text);
}

static int
arg_date(ukwd_date *out, sqlite3_context *ctx, sqlite3_value **argv,
         struct arg a)
{
	const char *text = arg_text(ctx, argv, a, "a date 'YYYY-MM-DD'");
	ukwd_diag diag;
	char q[64], what[320];
	int year, month, day;

	if (!text)
		return -1;
	if (ukwd_date_parse(out, text, &diag) < 0) {
		quote(q, sizeof q, text);
		snprintf(what, sizeof what, "%s is not a date (%s)", q,
		         diag.message);
		arg_error(ctx, a, "%s", what);
		return -1;
	}
	ukwd_date_to_ymd(*out, &year, &month, &day);
	if (year < UKWD_UK_FIRST_YEAR || year > UKWD_UK_LAST_YEAR) {
		snprintf(what, sizeof what,
		         "%s is outside the calendar (1971-01-01 to "
		         "9999-12-31)",
		         text);
		arg_error(ctx, a, "%s", what);
		return -1;
	}
	return 0;
}

static int
arg_division(unsigned int *out, sqlite3_context *ctx, int argc,
             sqlite3_value **argv, struct arg a)
{
	const char *text;
	ukwd_diag diag;

	if (argc <= a.index) {
		*out = UKWD_UK_SEC;
		return 0;
	}
	text = arg_text(ctx, argv, a, "a division name such as 'sec'");
	if (!text)
		return -1;
	if (ukwd_uk_division_parse(out, text, &diag) < 0) {
		arg_error(ctx, a, "%s", diag.message);
		return -1;
	}
	return 0;
}

/* SQL's rule: any NULL argument gives NULL. */
static int
any_null(int argc, sqlite3_value **argv)
{
	for (int i = 0; i < argc; i++)
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			return 1;
	return 0;
}

static void
result_date(sqlite3_context *ctx, ukwd_date d)
{
	char buf[UKWD_DATE_STRLEN];

	if (ukwd_date_format(buf, sizeof buf, d) < 0) {
		sqlite3_result_error(ctx, "libukwd: date out of range", -1);
		return;
	}
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* An error of the library's about the answer, not an argument. */
static void
result_failure(sqlite3_context *ctx, const char *func, int rc)
{
	char msg[256];

	if (rc == UKWD_ERANGE)
		snprintf(msg, sizeof msg,
		         "%s: the answer is outside the calendar (1971-01-01 "
		         "to 9999-12-31)",
		         func);
	else if (rc == UKWD_ENOMEM) {
		sqlite3_result_error_nomem(ctx);
		return;
	} else
		snprintf(msg, sizeof msg, "%s: %s", func, ukwd_strerror(rc));
	sqlite3_result_error(ctx, msg, -1);
}

/* The year of a date, for the calendar a query needs. */
static int
year_of(ukwd_date d)
{
	int year, month, day;

	ukwd_date_to_ymd(d, &year, &month, &day);
	return year;
}

static void
fn_is_working(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct ext *ext = sqlite3_user_data(ctx);
	const char *f = "ukwd_is_working";
	const ukwd_calendar *cal;
	unsigned int divisions;
	ukwd_date d;
	bool working;
	int rc;

	if (any_null(argc, argv))
		return;
	if (arg_date(&d, ctx, argv, (struct arg){f, 0, "date"}) < 0 ||
	    arg_division(&divisions, ctx, argc, argv,
	                 (struct arg){f, 1, "division"}) < 0)
		return;
	rc = ext_calendar(&cal, ext, divisions, year_of(d));
	if (rc == 0)
		rc = ukwd_workday_check(&working, cal, d);
	if (rc < 0) {
		result_failure(ctx, f, rc);
		return;
	}
	sqlite3_result_int(ctx, working ? 1 : 0);
}

static void
fn_add(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct ext *ext = sqlite3_user_data(ctx);
	const char *f = "ukwd_add";
	const ukwd_calendar *cal;
	unsigned int divisions;
	ukwd_date d, answer;
	sqlite3_int64 n;
	char what[160];
	int rc, last;

	if (any_null(argc, argv))
		return;
	if (arg_date(&d, ctx, argv, (struct arg){f, 0, "date"}) < 0)
		return;
	if (sqlite3_value_type(argv[1]) != SQLITE_INTEGER) {
		snprintf(what, sizeof what, "not an integer (%s)",
		         type_name(sqlite3_value_type(argv[1])));
		arg_error(ctx, (struct arg){f, 1, "n"}, "%s", what);
		return;
	}
	n = sqlite3_value_int64(argv[1]);
	if (n < INT32_MIN || n > INT32_MAX) {
		snprintf(what, sizeof what,
		         "%lld is out of range (-2147483648 to 2147483647)",
		         (long long)n);
		arg_error(ctx, (struct arg){f, 1, "n"}, "%s", what);
		return;
	}
	if (arg_division(&divisions, ctx, argc, argv,
	                 (struct arg){f, 2, "division"}) < 0)
		return;
	/* About 250 working days a year, and never fewer than 200. */
	last = year_of(d) + (n > 0 ? (int)(n / 200) + 1 : 0);
	rc = ext_calendar(&cal, ext, divisions, last);
	if (rc == 0)
		rc = ukwd_workday_add(&answer, cal, d, (int32_t)n);
	if (rc == UKWD_ERANGE && !is_whole(ext, divisions)) {
		rc = ext_calendar(&cal, ext, divisions, UKWD_UK_LAST_YEAR);
		if (rc == 0)
			rc = ukwd_workday_add(&answer, cal, d, (int32_t)n);
	}
	if (rc == UKWD_EINVAL && n == 0) {
		snprintf(what, sizeof what,
		         "%.10s is not a working day, so adding 0 has no "
		         "answer; use ukwd_roll",
		         (const char *)sqlite3_value_text(argv[0]));
		arg_error(ctx, (struct arg){f, 0, "date"}, "%s", what);
		return;
	}
	if (rc < 0) {
		result_failure(ctx, f, rc);
		return;
	}
	result_date(ctx, answer);
}

static void
fn_count(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct ext *ext = sqlite3_user_data(ctx);
	const char *f = "ukwd_count";
	const ukwd_calendar *cal;
	unsigned int divisions;
	ukwd_date from, to;
	int32_t count;
	int rc, last;

	if (any_null(argc, argv))
		return;
	if (arg_date(&from, ctx, argv, (struct arg){f, 0, "from"}) < 0 ||
	    arg_date(&to, ctx, argv, (struct arg){f, 1, "to"}) < 0 ||
	    arg_division(&divisions, ctx, argc, argv,
	                 (struct arg){f, 2, "division"}) < 0)
		return;
	last = year_of(from > to ? from : to);
	rc = ext_calendar(&cal, ext, divisions, last);
	if (rc == 0)
		rc = ukwd_workday_count(&count, cal, from, to);
	if (rc < 0) {
		result_failure(ctx, f, rc);
		return;
	}
	sqlite3_result_int(ctx, count);
}

static const struct {
	const char *name;
	ukwd_roll convention;
} conventions[] = {
    {"following", UKWD_ROLL_FOLLOWING},
    {"preceding", UKWD_ROLL_PRECEDING},
    {"modified-following", UKWD_ROLL_MODIFIED_FOLLOWING},
    {"modified-preceding", UKWD_ROLL_MODIFIED_PRECEDING},
};

static void
fn_roll(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct ext *ext = sqlite3_user_data(ctx);
	const char *f = "ukwd_roll";
	const ukwd_calendar *cal;
	unsigned int divisions;
	ukwd_date d, answer;
	const char *name;
	char q[64];
	size_t c;
	int rc;

	if (any_null(argc, argv))
		return;
	if (arg_date(&d, ctx, argv, (struct arg){f, 0, "date"}) < 0)
		return;
	name = arg_text(ctx, argv, (struct arg){f, 1, "convention"},
	                "a convention name");
	if (!name)
		return;
	for (c = 0; c < sizeof conventions / sizeof *conventions; c++)
		if (sqlite3_stricmp(name, conventions[c].name) == 0)
			break;
	if (c == sizeof conventions / sizeof *conventions) {
		quote(q, sizeof q, name);
		arg_error(ctx, (struct arg){f, 1, "convention"},
		          "unknown convention %s; expected following, "
		          "preceding, modified-following or modified-preceding",
		          q);
		return;
	}
	if (arg_division(&divisions, ctx, argc, argv,
	                 (struct arg){f, 2, "division"}) < 0)
		return;
	rc = ext_calendar(&cal, ext, divisions, year_of(d) + 1);
	if (rc == 0)
		rc = ukwd_workday_roll(&answer, cal, d,
		                       conventions[c].convention);
	if (rc == UKWD_ERANGE && !is_whole(ext, divisions)) {
		rc = ext_calendar(&cal, ext, divisions, UKWD_UK_LAST_YEAR);
		if (rc == 0)
			rc = ukwd_workday_roll(&answer, cal, d,
			                       conventions[c].convention);
	}
	if (rc < 0) {
		result_failure(ctx, f, rc);
		return;
	}
	result_date(ctx, answer);
}

/* JSON text, growing in sqlite3_str. */
static void
json_string(sqlite3_str *s, const char *text)
{
	sqlite3_str_appendchar(s, 1, '"');
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\')
			sqlite3_str_appendf(s, "\\%c", *p);
		else if (*p < 0x20)
			sqlite3_str_appendf(s, "\\u%04x", *p);
		else
			sqlite3_str_appendchar(s, 1, (char)*p);
	}
	sqlite3_str_appendchar(s, 1, '"');
}

static void
json_date(sqlite3_str *s, const char *key, ukwd_date d)
{
	char buf[UKWD_DATE_STRLEN];

	if (ukwd_date_format(buf, sizeof buf, d) < 0)
		sqlite3_str_appendf(s, ",\"%s\":null", key);
	else
		sqlite3_str_appendf(s, ",\"%s\":\"%s\"", key, buf);
}

/* "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD HH:MM" (SQLite's own
 * datetime() separator). */
static int
arg_date_time(ukwd_date *d, int *minutes, sqlite3_context *ctx,
              sqlite3_value **argv, struct arg a)
{
	const char *text =
	    arg_text(ctx, argv, a, "a date 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM'");
	char buf[32], q[64], what[320];
	ukwd_diag diag;
	int year, month, day;

	if (!text)
		return -1;
	if (strlen(text) < sizeof buf) {
		strcpy(buf, text);
		if (buf[0] && strlen(buf) > 10 && buf[10] == ' ')
			buf[10] = 'T';
	} else {
		buf[0] = '\0'; /* too long to be either form */
	}
	if (ukwd_date_time_parse(d, minutes, buf, &diag) < 0) {
		quote(q, sizeof q, text);
		snprintf(what, sizeof what,
		         "%s is not a date or date and time (%s)", q,
		         buf[0] ? diag.message : "too long");
		arg_error(ctx, a, "%s", what);
		return -1;
	}
	ukwd_date_to_ymd(*d, &year, &month, &day);
	if (year < UKWD_UK_FIRST_YEAR || year > UKWD_UK_LAST_YEAR) {
		snprintf(what, sizeof what,
		         "%.10s is outside the calendar (1971-01-01 to "
		         "9999-12-31)",
		         text);
		arg_error(ctx, a, "%s", what);
		return -1;
	}
	return 0;
}

static const char *
unit_name(ukwd_notice_unit unit)
{
	return unit == UKWD_UNIT_WORKING_DAYS ? "working days"
	                                      : "calendar days";
}

static void
fn_notice_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct ext *ext = sqlite3_user_data(ctx);
	const char *f = "ukwd_notice_check";
	ukwd_notice_rule rule = UKWD_NOTICE_RULE_INIT;
	ukwd_notice_result result;
	const ukwd_calendar *cal;
	const char *id, *cutoff;
	ukwd_date given, event;
	int minutes, event_minutes, rc;
	ukwd_diag diag;
	sqlite3_str *s;
	char q[64];

	if (any_null(argc, argv))
		return;
	id = arg_text(ctx, argv, (struct arg){f, 0, "rule"},
	              "a rule id such as 'uept-notice'");
	if (!id)
		return;
	if (ukwd_notice_rule_get(&rule, id) < 0) {
		quote(q, sizeof q, id);
		arg_error(ctx, (struct arg){f, 0, "rule"},
		          "unknown rule %s (ukwd-notice --list-rules lists "
		          "them)",
		          q);
		return;
	}
	if (arg_date_time(&given, &minutes, ctx, argv,
	                  (struct arg){f, 1, "given"}) < 0 ||
	    arg_date_time(&event, &event_minutes, ctx, argv,
	                  (struct arg){f, 2, "event"}) < 0)
		return;
	if (event_minutes != UKWD_NO_TIME) {
		arg_error(ctx, (struct arg){f, 2, "event"}, "%s",
		          "a date 'YYYY-MM-DD' without a time of day");
		return;
	}
	if (argc > 3) {
		cutoff = arg_text(ctx, argv, (struct arg){f, 3, "cutoff"},
		                  "a time 'HH:MM'");
		if (!cutoff)
			return;
		if (ukwd_time_parse(&rule.cutoff_minutes, cutoff, &diag) < 0) {
			quote(q, sizeof q, cutoff);
			arg_error(ctx, (struct arg){f, 3, "cutoff"},
			          "%s is not a time 'HH:MM'", q);
			return;
		}
	}
	/* The notice rules are the SEC's: the SEC calendar. Their periods
	 * run at most a year or so past either date. */
	rc = ext_calendar(&cal, ext, UKWD_UK_SEC,
	                  year_of(given > event ? given : event) + 2);
	if (rc == 0)
		rc = ukwd_notice_check(&result, cal, &rule, given, minutes,
		                       event, &diag);
	if (rc == UKWD_ERANGE && !is_whole(ext, UKWD_UK_SEC)) {
		rc = ext_calendar(&cal, ext, UKWD_UK_SEC, UKWD_UK_LAST_YEAR);
		if (rc == 0)
			rc = ukwd_notice_check(&result, cal, &rule, given,
			                       minutes, event, &diag);
	}
	if (rc < 0) {
		result_failure(ctx, f, rc);
		return;
	}
	s = sqlite3_str_new(sqlite3_context_db_handle(ctx));
	sqlite3_str_appendall(s, "{\"rule\":");
	json_string(s, id);
	sqlite3_str_appendf(s, ",\"compliant\":%s",
	                    result.compliant ? "true" : "false");
	json_date(s, "deemed_received", result.deemed_received);
	sqlite3_str_appendf(s, ",\"given\":%d,\"unit\":\"%s\",\"shortfall\":%d",
	                    (int)result.given, unit_name(result.counted_unit),
	                    (int)result.shortfall);
	json_date(s, "deadline", result.deadline);
	json_date(s, "earliest_event", result.earliest_event);
	json_date(s, "earliest_working_event", result.earliest_working_event);
	sqlite3_str_appendf(s, ",\"event_not_working\":%s,\"explanation\":",
	                    result.event_not_working ? "true" : "false");
	json_string(s, result.explanation);
	sqlite3_str_appendchar(s, 1, '}');
	rc = sqlite3_str_errcode(s);
	if (rc != SQLITE_OK) {
		sqlite3_free(sqlite3_str_finish(s));
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	sqlite3_result_text(ctx, sqlite3_str_finish(s), -1, sqlite3_free);
}

/* ukwd_holidays(from, to [, division]): an eponymous table-valued
 * function, one row per bank holiday on a weekday and division, from and
 * to both inclusive, ordered by date and division as `ukwd-cal holidays
 * --format csv` prints them. */

enum { COL_DATE, COL_DIVISION, COL_NAME, COL_FROM, COL_TO, COL_DIV_ARG };

struct holiday_row {
	ukwd_date date;
	int division;     /* index into division_order */
	const char *name; /* borrowed from the cached calendar */
};

static const unsigned int division_order[] = {
    UKWD_UK_ENGLAND_WALES, UKWD_UK_SCOTLAND, UKWD_UK_NORTHERN_IRELAND};

struct holidays_vtab {
	sqlite3_vtab base;
	struct ext *ext;
};

struct holidays_cursor {
	sqlite3_vtab_cursor base;
	struct holiday_row *rows;
	size_t count, capacity, at;
	int division; /* the division being collected */
	int failed;
};

static int
holidays_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                 sqlite3_vtab **out, char **err)
{
	struct holidays_vtab *vtab;
	int rc;

	(void)argc;
	(void)argv;
	(void)err;
	rc = sqlite3_declare_vtab(db, "CREATE TABLE x(date TEXT, division "
	                              "TEXT, name TEXT, \"from\" HIDDEN, "
	                              "\"to\" HIDDEN, div HIDDEN)");
	if (rc != SQLITE_OK)
		return rc;
	vtab = sqlite3_malloc(sizeof *vtab);
	if (!vtab)
		return SQLITE_NOMEM;
	memset(vtab, 0, sizeof *vtab);
	vtab->ext = aux;
	sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
	*out = &vtab->base;
	return SQLITE_OK;
}

static int
holidays_disconnect(sqlite3_vtab *vtab)
{
	sqlite3_free(vtab);
	return SQLITE_OK;
}

/* idxNum bit i: argument i (from, to, division) is bound. */
static int
holidays_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info)
{
	int where[3] = {-1, -1, -1}, argv_index = 1, mask = 0;

	(void)vtab;
	for (int i = 0; i < info->nConstraint; i++) {
		const struct sqlite3_index_constraint *c =
		    &info->aConstraint[i];
		int arg = c->iColumn - COL_FROM;

		if (arg < 0 || arg > 2 || c->op != SQLITE_INDEX_CONSTRAINT_EQ)
			continue;
		if (!c->usable)
			return SQLITE_CONSTRAINT;
		where[arg] = i;
	}
	for (int arg = 0; arg < 3; arg++) {
		if (where[arg] < 0)
			continue;
		info->aConstraintUsage[where[arg]].argvIndex = argv_index++;
		info->aConstraintUsage[where[arg]].omit = 1;
		mask |= 1 << arg;
	}
	info->idxNum = mask;
	info->estimatedCost = (mask & 3) == 3 ? 100.0 : 1e12;
	info->estimatedRows = 100;
	if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == COL_DATE &&
	    !info->aOrderBy[0].desc)
		info->orderByConsumed = 1;
	return SQLITE_OK;
}

static int
holidays_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out)
{
	struct holidays_cursor *cur = sqlite3_malloc(sizeof *cur);

	(void)vtab;
	if (!cur)
		return SQLITE_NOMEM;
	memset(cur, 0, sizeof *cur);
	*out = &cur->base;
	return SQLITE_OK;
}

static int
holidays_close(sqlite3_vtab_cursor *base)
{
	struct holidays_cursor *cur = (struct holidays_cursor *)base;

	sqlite3_free(cur->rows);
	sqlite3_free(cur);
	return SQLITE_OK;
}

static int
collect_holiday(ukwd_date d, const char *name, void *payload)
{
	struct holidays_cursor *cur = payload;

	if (ukwd_date_weekday(d) >= UKWD_SATURDAY)
		return 0;
	if (cur->count == cur->capacity) {
		size_t capacity = cur->capacity ? 2 * cur->capacity : 64;
		struct holiday_row *rows =
		    sqlite3_realloc64(cur->rows, capacity * sizeof *rows);

		if (!rows) {
			cur->failed = 1;
			return 1;
		}
		cur->rows = rows;
		cur->capacity = capacity;
	}
	cur->rows[cur->count++] = (struct holiday_row){d, cur->division, name};
	return 0;
}

static int
compare_rows(const void *pa, const void *pb)
{
	const struct holiday_row *a = pa, *b = pb;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return a->division - b->division;
}

static int
holidays_filter(sqlite3_vtab_cursor *base, int idx_num, const char *idx_str,
                int argc, sqlite3_value **argv)
{
	struct holidays_cursor *cur = (struct holidays_cursor *)base;
	struct holidays_vtab *vtab = (struct holidays_vtab *)base->pVtab;
	const char *f = "ukwd_holidays";
	sqlite3_value *args[3] = {NULL, NULL, NULL};
	unsigned int divisions = UKWD_UK_SEC;
	const char *name[3] = {"from", "to", "division"};
	const char *text;
	ukwd_date dates[2];
	ukwd_diag diag;
	char q[64];
	int a = 0, rc;

	(void)idx_str;
	(void)argc;
	cur->count = cur->at = 0;
	cur->failed = 0;
	for (int i = 0; i < 3; i++)
		if (idx_num & (1 << i))
			args[i] = argv[a++];
	sqlite3_free(base->pVtab->zErrMsg);
	base->pVtab->zErrMsg = NULL;
	if (!args[0] || !args[1]) {
		base->pVtab->zErrMsg = sqlite3_mprintf(
		    "%s: arguments 1 (from) and 2 (to) are required: "
		    "ukwd_holidays('2024-01-01', '2024-12-31')",
		    f);
		return SQLITE_ERROR;
	}
	for (int i = 0; i < 3; i++)
		if (args[i] && sqlite3_value_type(args[i]) == SQLITE_NULL)
			return SQLITE_OK; /* NULL in, no rows out */
	for (int i = 0; i < 2; i++) {
		int year, month, day;

		if (sqlite3_value_type(args[i]) != SQLITE_TEXT) {
			base->pVtab->zErrMsg = sqlite3_mprintf(
			    "%s: argument %d (%s): expected a date "
			    "'YYYY-MM-DD', not %s",
			    f, i + 1, name[i],
			    type_name(sqlite3_value_type(args[i])));
			return SQLITE_ERROR;
		}
		text = (const char *)sqlite3_value_text(args[i]);
		if (ukwd_date_parse(&dates[i], text, &diag) < 0) {
			quote(q, sizeof q, text);
			base->pVtab->zErrMsg = sqlite3_mprintf(
			    "%s: argument %d (%s): %s is not a date (%s)", f,
			    i + 1, name[i], q, diag.message);
			return SQLITE_ERROR;
		}
		ukwd_date_to_ymd(dates[i], &year, &month, &day);
		if (year < UKWD_UK_FIRST_YEAR || year > UKWD_UK_LAST_YEAR) {
			base->pVtab->zErrMsg = sqlite3_mprintf(
			    "%s: argument %d (%s): %s is outside the calendar "
			    "(1971-01-01 to 9999-12-31)",
			    f, i + 1, name[i], text);
			return SQLITE_ERROR;
		}
	}
	if (args[2]) {
		if (sqlite3_value_type(args[2]) != SQLITE_TEXT) {
			base->pVtab->zErrMsg = sqlite3_mprintf(
			    "%s: argument 3 (division): expected a division "
			    "name such as 'sec', not %s",
			    f, type_name(sqlite3_value_type(args[2])));
			return SQLITE_ERROR;
		}
		text = (const char *)sqlite3_value_text(args[2]);
		if (ukwd_uk_division_parse(&divisions, text, &diag) < 0) {
			base->pVtab->zErrMsg = sqlite3_mprintf(
			    "%s: argument 3 (division): %s", f, diag.message);
			return SQLITE_ERROR;
		}
	}
	if (dates[1] < dates[0])
		return SQLITE_OK;
	for (int i = 0; i < 3; i++) {
		const ukwd_calendar *cal;

		if (!(divisions & division_order[i]))
			continue;
		rc = ext_calendar(&cal, vtab->ext, division_order[i],
		                  year_of(dates[1]));
		if (rc < 0)
			return rc == UKWD_ENOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
		cur->division = i;
		rc = ukwd_calendar_foreach_holiday(cal, dates[0], dates[1],
		                                   collect_holiday, cur);
		if (cur->failed)
			return SQLITE_NOMEM;
		if (rc < 0) {
			base->pVtab->zErrMsg =
			    sqlite3_mprintf("%s: %s", f, ukwd_strerror(rc));
			return SQLITE_ERROR;
		}
	}
	qsort(cur->rows, cur->count, sizeof *cur->rows, compare_rows);
	return SQLITE_OK;
}

static int
holidays_next(sqlite3_vtab_cursor *base)
{
	((struct holidays_cursor *)base)->at++;
	return SQLITE_OK;
}

static int
holidays_eof(sqlite3_vtab_cursor *base)
{
	struct holidays_cursor *cur = (struct holidays_cursor *)base;

	return cur->at >= cur->count;
}

static int
holidays_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int col)
{
	struct holidays_cursor *cur = (struct holidays_cursor *)base;
	const struct holiday_row *row = &cur->rows[cur->at];

	switch (col) {
	case COL_DATE:
		result_date(ctx, row->date);
		break;
	case COL_DIVISION:
		sqlite3_result_text(
		    ctx, ukwd_uk_division_name(division_order[row->division]),
		    -1, SQLITE_STATIC);
		break;
	case COL_NAME:
		sqlite3_result_text(ctx, row->name, -1, SQLITE_TRANSIENT);
		break;
	default:
		sqlite3_result_null(ctx);
		break;
	}
	return SQLITE_OK;
}

static int
holidays_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid)
{
	*rowid = (sqlite3_int64)((struct holidays_cursor *)base)->at + 1;
	return SQLITE_OK;
}

static const sqlite3_module holidays_module = {
    .iVersion = 0,
    .xConnect = holidays_connect,
    .xBestIndex = holidays_best_index,
    .xDisconnect = holidays_disconnect,
    .xOpen = holidays_open,
    .xClose = holidays_close,
    .xFilter = holidays_filter,
    .xNext = holidays_next,
    .xEof = holidays_eof,
    .xColumn = holidays_column,
    .xRowid = holidays_rowid,
};

/* The functions answer from the calendar built into this release of
 * libukwd, and from nothing else (no clock, no file, no setting): for one
 * release the same arguments always give the same answer, so they are
 * SQLITE_DETERMINISTIC and may appear in indexes and generated columns
 * (REINDEX after upgrading libukwd: a newly proclaimed bank holiday
 * changes answers). They have no side effects and reveal nothing of the
 * connection: SQLITE_INNOCUOUS. */
static const struct {
	const char *name;
	int min_args, max_args;
	void (*fn)(sqlite3_context *, int, sqlite3_value **);
} functions[] = {
    {"ukwd_is_working", 1, 2, fn_is_working},
    {"ukwd_add", 2, 3, fn_add},
    {"ukwd_count", 2, 3, fn_count},
    {"ukwd_roll", 2, 3, fn_roll},
    {"ukwd_notice_check", 3, 4, fn_notice_check},
};

#ifdef _WIN32
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
    int sqlite3_ukwdsqlite_init(sqlite3 *db, char **err,
                                const sqlite3_api_routines *api);

int
sqlite3_ukwdsqlite_init(sqlite3 *db, char **err,
                        const sqlite3_api_routines *api)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	struct ext *ext;
	int rc = SQLITE_OK;

	SQLITE_EXTENSION_INIT2(api);
	ext = sqlite3_malloc(sizeof *ext);
	if (!ext)
		return SQLITE_NOMEM;
	memset(ext, 0, sizeof *ext);
	ext->refs = 1; /* held until the registrations are done */
	for (size_t i = 0; i < sizeof functions / sizeof *functions; i++)
		for (int n = functions[i].min_args;
		     rc == SQLITE_OK && n <= functions[i].max_args; n++) {
			ext->refs++;
			rc = sqlite3_create_function_v2(
			    db, functions[i].name, n, flags, ext,
			    functions[i].fn, NULL, NULL, ext_unref);
		}
	if (rc == SQLITE_OK) {
		ext->refs++;
		rc = sqlite3_create_module_v2(db, "ukwd_holidays",
		                              &holidays_module, ext, ext_unref);
	}
	if (rc != SQLITE_OK && err)
		*err =
		    sqlite3_mprintf("libukwd_sqlite: %s", sqlite3_errstr(rc));
	ext_unref(ext);
	return rc;
}
