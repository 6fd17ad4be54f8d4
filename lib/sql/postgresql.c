/*
 * The PostgreSQL extension ukwd (issue 18): libukwd's working-day functions
 * over the date type and over ISO date text. Above every module: it uses
 * only <ukwd.h>.
 *
 * Each backend builds a division's calendar once, on first use (1971 to
 * 2100 first, 1971 to 9999 when a later year is asked for), and keeps it
 * for its life: backends are single-threaded processes and the calendars
 * are immutable, so the functions are PARALLEL SAFE. Each call site keeps
 * its last division argument parsed in fn_extra, so a query over many rows
 * parses 'sec' once, not once a row.
 *
 * Bad input is an ERROR that names the function and the argument, with an
 * SQLSTATE of class 22 (data exception); STRICT in the SQL script gives
 * NULL for NULL.
 */
#include <postgres.h>

#include <fmgr.h>
#include <funcapi.h>
#include <mb/pg_wchar.h>
#include <utils/builtins.h>
#include <utils/date.h>
#include <utils/timestamp.h>
#include <datatype/timestamp.h>

#include <ukwd.h>

PG_MODULE_MAGIC;

/* PostgreSQL counts days from 2000-01-01, libukwd from 1970-01-01. */
#define EPOCH_SHIFT     (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE)
#define FIRST_LAST_YEAR 2100
#define CALENDAR_RANGE  "(1971-01-01 to 9999-12-31)"
/* Longer text is no date, time, division, convention or rule id. */
#define SHORT_TEXT      64

static struct {
	ukwd_calendar *cal;
	int last_year;
} cals[8];

/* An argument, named for messages: "ukwd_add: argument 2 (n): ...". */
struct arg {
	const char *func;
	int index; /* 0-based */
	const char *name;
};

static void arg_error(int sqlstate, struct arg a, const char *fmt, ...)
    __attribute__((format(printf, 3, 4))) pg_attribute_noreturn();

static void
arg_error(int sqlstate, struct arg a, const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	ereport(ERROR,
	        (errcode(sqlstate), errmsg("%s: argument %d (%s): %s", a.func,
	                                   a.index + 1, a.name, what)));
	pg_unreachable();
}

static int
year_of(ukwd_date d)
{
	int year, month, day;

	ukwd_date_to_ymd(d, &year, &month, &day);
	return year;
}

static const ukwd_calendar *
calendar(const char *func, unsigned int divisions, int last_year)
{
	unsigned int i = divisions & UKWD_UK_ALL;
	ukwd_calendar *cal;
	int rc;

	if (last_year > UKWD_UK_LAST_YEAR)
		last_year = UKWD_UK_LAST_YEAR;
	if (cals[i].cal && cals[i].last_year >= last_year)
		return cals[i].cal;
	last_year =
	    last_year <= FIRST_LAST_YEAR ? FIRST_LAST_YEAR : UKWD_UK_LAST_YEAR;
	rc = ukwd_calendar_new_uk(&cal, divisions, UKWD_UK_FIRST_YEAR,
	                          last_year);
	if (rc < 0)
		ereport(ERROR,
		        (errcode(rc == UKWD_ENOMEM ? ERRCODE_OUT_OF_MEMORY
		                                   : ERRCODE_INTERNAL_ERROR),
		         errmsg("%s: building the calendar: %s", func,
		                ukwd_strerror(rc))));
	ukwd_calendar_free(cals[i].cal);
	cals[i].cal = cal;
	cals[i].last_year = last_year;
	return cal;
}

static bool
is_whole(unsigned int divisions)
{
	return cals[divisions & UKWD_UK_ALL].last_year >= UKWD_UK_LAST_YEAR;
}

/* A text argument, copied into `buf` (NUL-terminated) when it is short,
 * and quoted for messages into `quoted`, cut short on a character
 * boundary. Returns false when it is too long to be what it should. */
static bool
arg_short_text(char *buf, char *quoted, size_t quoted_size,
               FunctionCallInfo fcinfo, int index)
{
	text *value = PG_GETARG_TEXT_PP(index);
	const char *data = VARDATA_ANY(value);
	int len = (int)VARSIZE_ANY_EXHDR(value);
	int shown = pg_mbcliplen(data, len, 40);

	snprintf(quoted, quoted_size, "'%.*s%s'", shown, data,
	         shown < len ? "..." : "");
	if (len >= SHORT_TEXT)
		return false;
	memcpy(buf, data, (size_t)len);
	buf[len] = '\0';
	return true;
}

static ukwd_date
check_range(ukwd_date d, struct arg a, const char *shown)
{
	int year = d >= UKWD_DATE_MIN && d <= UKWD_DATE_MAX ? year_of(d) : 0;

	if (year < UKWD_UK_FIRST_YEAR || year > UKWD_UK_LAST_YEAR)
		arg_error(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE, a,
		          "%s is outside the calendar " CALENDAR_RANGE, shown);
	return d;
}

/* Argument `a` as a date: of the date type, or ISO text 'YYYY-MM-DD'
 * (strictly: not PostgreSQL's date input, which also reads 'today'). */
static ukwd_date
arg_date(FunctionCallInfo fcinfo, struct arg a, bool is_text)
{
	char buf[SHORT_TEXT], quoted[SHORT_TEXT + 8];
	ukwd_diag diag;
	DateADT value;
	ukwd_date d;

	if (is_text) {
		if (!arg_short_text(buf, quoted, sizeof quoted, fcinfo,
		                    a.index))
			arg_error(ERRCODE_INVALID_DATETIME_FORMAT, a,
			          "%s is not a date 'YYYY-MM-DD' (too long)",
			          quoted);
		if (ukwd_date_parse(&d, buf, &diag) < 0)
			arg_error(ERRCODE_INVALID_DATETIME_FORMAT, a,
			          "%s is not a date (%s)", quoted,
			          diag.message);
		return check_range(d, a, buf);
	}
	value = PG_GETARG_DATEADT(a.index);
	if (DATE_NOT_FINITE(value))
		arg_error(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE, a,
		          "%s is outside the calendar " CALENDAR_RANGE,
		          DATE_IS_NOBEGIN(value) ? "-infinity" : "infinity");
	d = (ukwd_date)value + EPOCH_SHIFT;
	if (d < UKWD_DATE_MIN || d > UKWD_DATE_MAX)
		arg_error(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE, a,
		          "%s is outside the calendar " CALENDAR_RANGE,
		          DatumGetCString(DirectFunctionCall1(
		              date_out, DateADTGetDatum(value))));
	if (ukwd_date_format(buf, sizeof buf, d) < 0)
		buf[0] = '\0';
	return check_range(d, a, buf);
}

/* The last division argument of this call site, parsed. */
struct division_cache {
	int len;
	char name[SHORT_TEXT];
	unsigned int divisions;
};

static unsigned int
arg_division(FunctionCallInfo fcinfo, struct arg a)
{
	struct division_cache *cache = fcinfo->flinfo->fn_extra;
	char buf[SHORT_TEXT], quoted[SHORT_TEXT + 8];
	unsigned int divisions;
	ukwd_diag diag;
	text *value;

	if (PG_NARGS() <= a.index)
		return UKWD_UK_SEC;
	value = PG_GETARG_TEXT_PP(a.index);
	if (cache && cache->len == (int)VARSIZE_ANY_EXHDR(value) &&
	    memcmp(cache->name, VARDATA_ANY(value), (size_t)cache->len) == 0)
		return cache->divisions;
	if (!arg_short_text(buf, quoted, sizeof quoted, fcinfo, a.index))
		arg_error(ERRCODE_INVALID_PARAMETER_VALUE, a,
		          "unknown division %s", quoted);
	if (ukwd_uk_division_parse(&divisions, buf, &diag) < 0)
		arg_error(ERRCODE_INVALID_PARAMETER_VALUE, a, "%s",
		          diag.message);
	if (!cache) {
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
		                               sizeof *cache);
		fcinfo->flinfo->fn_extra = cache;
	}
	cache->len = (int)strlen(buf);
	memcpy(cache->name, buf, (size_t)cache->len);
	cache->divisions = divisions;
	return divisions;
}

static void failure(const char *func, int rc) pg_attribute_noreturn();

static void
failure(const char *func, int rc)
{
	if (rc == UKWD_ERANGE)
		ereport(ERROR, (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
		                errmsg("%s: the answer is outside the "
		                       "calendar " CALENDAR_RANGE,
		                       func)));
	ereport(ERROR,
	        (errcode(rc == UKWD_ENOMEM ? ERRCODE_OUT_OF_MEMORY
	                                   : ERRCODE_INVALID_PARAMETER_VALUE),
	         errmsg("%s: %s", func, ukwd_strerror(rc))));
	pg_unreachable();
}

/* libukwd's text is UTF-8 (holiday names have a right single quote);
 * the database's encoding may be another. */
static char *
server_text(const char *utf8)
{
	return pg_any_to_server(utf8, (int)strlen(utf8), PG_UTF8);
}

static Datum
date_datum(ukwd_date d)
{
	return DateADTGetDatum((DateADT)(d - EPOCH_SHIFT));
}

static Datum
date_text_datum(ukwd_date d)
{
	char buf[UKWD_DATE_STRLEN];

	if (ukwd_date_format(buf, sizeof buf, d) < 0)
		failure("ukwd", UKWD_ERANGE);
	return CStringGetTextDatum(buf);
}

static Datum
is_working(FunctionCallInfo fcinfo, bool is_text)
{
	const char *f = "ukwd_is_working";
	ukwd_date d = arg_date(fcinfo, (struct arg){f, 0, "date"}, is_text);
	unsigned int divisions =
	    arg_division(fcinfo, (struct arg){f, 1, "division"});
	bool working;
	int rc =
	    ukwd_workday_check(&working, calendar(f, divisions, year_of(d)), d);

	if (rc < 0)
		failure(f, rc);
	PG_RETURN_BOOL(working);
}

static Datum
add(FunctionCallInfo fcinfo, bool is_text)
{
	const char *f = "ukwd_add";
	ukwd_date d = arg_date(fcinfo, (struct arg){f, 0, "date"}, is_text);
	int32 n = PG_GETARG_INT32(1);
	unsigned int divisions =
	    arg_division(fcinfo, (struct arg){f, 2, "division"});
	/* About 250 working days a year, and never fewer than 200. */
	int last = year_of(d) + (n > 0 ? n / 200 + 1 : 0);
	ukwd_date answer;
	char shown[UKWD_DATE_STRLEN];
	int rc = ukwd_workday_add(&answer, calendar(f, divisions, last), d, n);

	if (rc == UKWD_ERANGE && !is_whole(divisions))
		rc = ukwd_workday_add(
		    &answer, calendar(f, divisions, UKWD_UK_LAST_YEAR), d, n);
	if (rc == UKWD_EINVAL && n == 0) {
		ukwd_date_format(shown, sizeof shown, d);
		arg_error(ERRCODE_INVALID_PARAMETER_VALUE,
		          (struct arg){f, 0, "date"},
		          "%s is not a working day, so adding 0 has no answer; "
		          "use ukwd_roll",
		          shown);
	}
	if (rc < 0)
		failure(f, rc);
	return is_text ? date_text_datum(answer) : date_datum(answer);
}

static Datum
count(FunctionCallInfo fcinfo, bool is_text)
{
	const char *f = "ukwd_count";
	ukwd_date from = arg_date(fcinfo, (struct arg){f, 0, "from"}, is_text);
	ukwd_date to = arg_date(fcinfo, (struct arg){f, 1, "to"}, is_text);
	unsigned int divisions =
	    arg_division(fcinfo, (struct arg){f, 2, "division"});
	int32_t n;
	int rc = ukwd_workday_count(
	    &n, calendar(f, divisions, year_of(from > to ? from : to)), from,
	    to);

	if (rc < 0)
		failure(f, rc);
	PG_RETURN_INT32(n);
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

static Datum
roll(FunctionCallInfo fcinfo, bool is_text)
{
	const char *f = "ukwd_roll";
	const struct arg conv_arg = {f, 1, "convention"};
	ukwd_date d = arg_date(fcinfo, (struct arg){f, 0, "date"}, is_text);
	char name[SHORT_TEXT], quoted[SHORT_TEXT + 8];
	unsigned int divisions;
	ukwd_date answer;
	size_t c = lengthof(conventions);
	int rc;

	if (arg_short_text(name, quoted, sizeof quoted, fcinfo, 1))
		for (c = 0; c < lengthof(conventions); c++)
			if (pg_strcasecmp(name, conventions[c].name) == 0)
				break;
	if (c == lengthof(conventions))
		arg_error(ERRCODE_INVALID_PARAMETER_VALUE, conv_arg,
		          "unknown convention %s; expected following, "
		          "preceding, modified-following or modified-preceding",
		          quoted);
	divisions = arg_division(fcinfo, (struct arg){f, 2, "division"});
	rc = ukwd_workday_roll(&answer, calendar(f, divisions, year_of(d) + 1),
	                       d, conventions[c].convention);
	if (rc == UKWD_ERANGE && !is_whole(divisions))
		rc = ukwd_workday_roll(
		    &answer, calendar(f, divisions, UKWD_UK_LAST_YEAR), d,
		    conventions[c].convention);
	if (rc < 0)
		failure(f, rc);
	return is_text ? date_text_datum(answer) : date_datum(answer);
}

/* ukwd_notice_check(rule, given, event [, cutoff]) -> jsonb, the fields
 * of the SQLite extension's JSON. `given` is a date, a timestamp (its time
 * of day meets the cut-off) or text 'YYYY-MM-DD', 'YYYY-MM-DDTHH:MM' or
 * 'YYYY-MM-DD HH:MM'; `event` a date or 'YYYY-MM-DD'; `cutoff` 'HH:MM'. */
enum given_kind { GIVEN_DATE, GIVEN_TIMESTAMP, GIVEN_TEXT };

static void
json_string(StringInfo s, const char *text)
{
	appendStringInfoChar(s, '"');
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\')
			appendStringInfo(s, "\\%c", *p);
		else if (*p < 0x20)
			appendStringInfo(s, "\\u%04x", *p);
		else
			appendStringInfoChar(s, (char)*p);
	}
	appendStringInfoChar(s, '"');
}

static void
json_date(StringInfo s, const char *key, ukwd_date d)
{
	char buf[UKWD_DATE_STRLEN];

	if (ukwd_date_format(buf, sizeof buf, d) < 0)
		appendStringInfo(s, ",\"%s\":null", key);
	else
		appendStringInfo(s, ",\"%s\":\"%s\"", key, buf);
}

/* A timestamp without time zone: its day, and its time of day in whole
 * minutes, a part minute rounded up (a notice at 17:00:30 is after a
 * 17:00 cut-off) and 23:59 at most. */
static ukwd_date
arg_timestamp(int *minutes, FunctionCallInfo fcinfo, struct arg a)
{
	Timestamp ts = PG_GETARG_TIMESTAMP(a.index);
	int64 day, usec;
	char buf[UKWD_DATE_STRLEN];

	if (TIMESTAMP_NOT_FINITE(ts))
		arg_error(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE, a,
		          "%s is outside the calendar " CALENDAR_RANGE,
		          TIMESTAMP_IS_NOBEGIN(ts) ? "-infinity" : "infinity");
	day = ts / USECS_PER_DAY;
	usec = ts % USECS_PER_DAY;
	if (usec < 0) {
		day--;
		usec += USECS_PER_DAY;
	}
	*minutes = (int)((usec + USECS_PER_MINUTE - 1) / USECS_PER_MINUTE);
	if (*minutes > 23 * 60 + 59)
		*minutes = 23 * 60 + 59;
	day += EPOCH_SHIFT;
	if (day < UKWD_DATE_MIN || day > UKWD_DATE_MAX ||
	    ukwd_date_format(buf, sizeof buf, (ukwd_date)day) < 0)
		arg_error(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE, a,
		          "%s is outside the calendar " CALENDAR_RANGE,
		          DatumGetCString(DirectFunctionCall1(
		              timestamp_out, TimestampGetDatum(ts))));
	return check_range((ukwd_date)day, a, buf);
}

static ukwd_date
arg_date_time_text(int *minutes, FunctionCallInfo fcinfo, struct arg a)
{
	char buf[SHORT_TEXT], quoted[SHORT_TEXT + 8];
	ukwd_diag diag;
	ukwd_date d;

	if (!arg_short_text(buf, quoted, sizeof quoted, fcinfo, a.index))
		arg_error(ERRCODE_INVALID_DATETIME_FORMAT, a,
		          "%s is not a date or date and time (too long)",
		          quoted);
	/* 'YYYY-MM-DD HH:MM', as timestamp text prints, reads as 'T'. */
	if (strlen(buf) > 10 && buf[10] == ' ')
		buf[10] = 'T';
	if (ukwd_date_time_parse(&d, minutes, buf, &diag) < 0)
		arg_error(ERRCODE_INVALID_DATETIME_FORMAT, a,
		          "%s is not a date or date and time (%s)", quoted,
		          diag.message);
	buf[10] = '\0';
	return check_range(d, a, buf);
}

static const char *
unit_name(ukwd_notice_unit unit)
{
	return unit == UKWD_UNIT_WORKING_DAYS ? "working days"
	                                      : "calendar days";
}

static Datum
notice_check(FunctionCallInfo fcinfo, enum given_kind kind)
{
	const char *f = "ukwd_notice_check";
	const struct arg rule_arg = {f, 0, "rule"}, given_arg = {f, 1, "given"},
	                 cutoff_arg = {f, 3, "cutoff"};
	ukwd_notice_rule rule = UKWD_NOTICE_RULE_INIT;
	char id[SHORT_TEXT], cutoff[SHORT_TEXT], quoted[SHORT_TEXT + 8];
	ukwd_notice_result result;
	int minutes = UKWD_NO_TIME, rc;
	ukwd_date given, event;
	ukwd_diag diag;
	StringInfoData s;

	if (!arg_short_text(id, quoted, sizeof quoted, fcinfo, 0) ||
	    ukwd_notice_rule_get(&rule, id) < 0)
		arg_error(ERRCODE_INVALID_PARAMETER_VALUE, rule_arg,
		          "unknown rule %s (ukwd-notice --list-rules lists "
		          "them)",
		          quoted);
	if (kind == GIVEN_TIMESTAMP)
		given = arg_timestamp(&minutes, fcinfo, given_arg);
	else if (kind == GIVEN_TEXT)
		given = arg_date_time_text(&minutes, fcinfo, given_arg);
	else
		given = arg_date(fcinfo, given_arg, false);
	event =
	    arg_date(fcinfo, (struct arg){f, 2, "event"}, kind == GIVEN_TEXT);
	if (PG_NARGS() > 3) {
		if (!arg_short_text(cutoff, quoted, sizeof quoted, fcinfo, 3) ||
		    ukwd_time_parse(&rule.cutoff_minutes, cutoff, &diag) < 0)
			arg_error(ERRCODE_INVALID_DATETIME_FORMAT, cutoff_arg,
			          "%s is not a time 'HH:MM'", quoted);
	}
	/* The notice rules are the SEC's: the SEC calendar. Their periods
	 * run at most a year or so past either date. */
	rc = ukwd_notice_check(
	    &result,
	    calendar(f, UKWD_UK_SEC,
	             year_of(given > event ? given : event) + 2),
	    &rule, given, minutes, event, &diag);
	if (rc == UKWD_ERANGE && !is_whole(UKWD_UK_SEC))
		rc = ukwd_notice_check(
		    &result, calendar(f, UKWD_UK_SEC, UKWD_UK_LAST_YEAR), &rule,
		    given, minutes, event, &diag);
	if (rc < 0)
		failure(f, rc);
	initStringInfo(&s);
	appendStringInfoString(&s, "{\"rule\":");
	json_string(&s, id);
	appendStringInfo(&s, ",\"compliant\":%s",
	                 result.compliant ? "true" : "false");
	json_date(&s, "deemed_received", result.deemed_received);
	appendStringInfo(&s, ",\"given\":%d,\"unit\":\"%s\",\"shortfall\":%d",
	                 (int)result.given, unit_name(result.counted_unit),
	                 (int)result.shortfall);
	json_date(&s, "deadline", result.deadline);
	json_date(&s, "earliest_event", result.earliest_event);
	json_date(&s, "earliest_working_event", result.earliest_working_event);
	appendStringInfo(&s, ",\"event_not_working\":%s,\"explanation\":",
	                 result.event_not_working ? "true" : "false");
	json_string(&s, result.explanation);
	appendStringInfoChar(&s, '}');
	return DirectFunctionCall1(jsonb_in,
	                           CStringGetDatum(server_text(s.data)));
}

/* ukwd_holidays(from, to [, division]): the bank holidays on weekdays in
 * [from, to], one row per date and division, ordered by date then
 * division, as `ukwd-cal holidays --format csv` lists them. */
static const unsigned int division_order[] = {
    UKWD_UK_ENGLAND_WALES, UKWD_UK_SCOTLAND, UKWD_UK_NORTHERN_IRELAND};

struct holiday_row {
	ukwd_date date;
	int division;     /* index into division_order */
	const char *name; /* borrowed from the cached calendar */
};

struct holiday_rows {
	struct holiday_row *rows;
	size_t count, capacity;
	int division;
};

static int
collect_holiday(ukwd_date d, const char *name, void *payload)
{
	struct holiday_rows *h = payload;

	if (ukwd_date_weekday(d) >= UKWD_SATURDAY)
		return 0;
	if (h->count == h->capacity) {
		h->capacity = h->capacity ? 2 * h->capacity : 64;
		h->rows = h->rows
		              ? repalloc(h->rows, h->capacity * sizeof *h->rows)
		              : palloc(h->capacity * sizeof *h->rows);
	}
	h->rows[h->count++] = (struct holiday_row){d, h->division, name};
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

static Datum
holidays(FunctionCallInfo fcinfo, bool is_text)
{
	const char *f = "ukwd_holidays";
	ukwd_date from = arg_date(fcinfo, (struct arg){f, 0, "from"}, is_text);
	ukwd_date to = arg_date(fcinfo, (struct arg){f, 1, "to"}, is_text);
	unsigned int divisions =
	    arg_division(fcinfo, (struct arg){f, 2, "division"});
	struct holiday_rows h = {NULL, 0, 0, 0};
	ReturnSetInfo *rsinfo;
	int rc;

	InitMaterializedSRF(fcinfo, 0);
	rsinfo = (ReturnSetInfo *)fcinfo->resultinfo;
	if (to < from)
		return (Datum)0;
	/* The cached calendars of the single divisions stay alive to the
	 * end: no other slot is rebuilt meanwhile. */
	for (int i = 0; i < (int)lengthof(division_order); i++) {
		if (!(divisions & division_order[i]))
			continue;
		h.division = i;
		rc = ukwd_calendar_foreach_holiday(
		    calendar(f, division_order[i], year_of(to)), from, to,
		    collect_holiday, &h);
		if (rc < 0)
			failure(f, rc);
	}
	if (h.count > 1)
		qsort(h.rows, h.count, sizeof *h.rows, compare_rows);
	for (size_t r = 0; r < h.count; r++) {
		Datum values[3];
		bool nulls[3] = {false, false, false};

		values[0] = is_text ? date_text_datum(h.rows[r].date)
		                    : date_datum(h.rows[r].date);
		values[1] = CStringGetTextDatum(
		    ukwd_uk_division_name(division_order[h.rows[r].division]));
		values[2] = CStringGetTextDatum(server_text(h.rows[r].name));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values,
		                     nulls);
	}
	return (Datum)0;
}

/* The SQL-callable entry points: one over date, one over text. */
#define ENTRY(name, call)                                                      \
	PG_FUNCTION_INFO_V1(name);                                             \
	Datum name(PG_FUNCTION_ARGS)                                           \
	{                                                                      \
		return call;                                                   \
	}

ENTRY(ukwd_pg_is_working, is_working(fcinfo, false))
ENTRY(ukwd_pg_is_working_text, is_working(fcinfo, true))
ENTRY(ukwd_pg_add, add(fcinfo, false))
ENTRY(ukwd_pg_add_text, add(fcinfo, true))
ENTRY(ukwd_pg_count, count(fcinfo, false))
ENTRY(ukwd_pg_count_text, count(fcinfo, true))
ENTRY(ukwd_pg_roll, roll(fcinfo, false))
ENTRY(ukwd_pg_roll_text, roll(fcinfo, true))
ENTRY(ukwd_pg_notice_check, notice_check(fcinfo, GIVEN_DATE))
ENTRY(ukwd_pg_notice_check_timestamp, notice_check(fcinfo, GIVEN_TIMESTAMP))
ENTRY(ukwd_pg_notice_check_text, notice_check(fcinfo, GIVEN_TEXT))
ENTRY(ukwd_pg_holidays, holidays(fcinfo, false))
ENTRY(ukwd_pg_holidays_text, holidays(fcinfo, true))
