/*
 * The PostgreSQL extension ukwd (issue 18): libukwd's working-day functions
 * over the date type. Above every module: it uses only <ukwd.h>.
 *
 * Each backend builds a division's calendar once, on first use (1971 to
 * 2100 first, 1971 to 9999 when a later year is asked for), and keeps it
 * for its life: backends are single-threaded processes and the calendars
 * are immutable, so the functions are PARALLEL SAFE.
 */
#include <postgres.h>

#include <fmgr.h>
#include <funcapi.h>
#include <utils/builtins.h>
#include <utils/date.h>
#include <datatype/timestamp.h>

#include <ukwd.h>

PG_MODULE_MAGIC;

/* PostgreSQL counts days from 2000-01-01, libukwd from 1970-01-01. */
#define EPOCH_SHIFT     (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE)
#define FIRST_LAST_YEAR 2100

static struct {
	ukwd_calendar *cal;
	int last_year;
} cals[8];

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
		ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY),
		                errmsg("%s: building the calendar: %s", func,
		                       ukwd_strerror(rc))));
	ukwd_calendar_free(cals[i].cal);
	cals[i].cal = cal;
	cals[i].last_year = last_year;
	return cal;
}

static ukwd_date
arg_date(FunctionCallInfo fcinfo, const char *func, int index, const char *name)
{
	DateADT value = PG_GETARG_DATEADT(index);
	ukwd_date d;
	int year;

	if (DATE_NOT_FINITE(value))
		ereport(
		    ERROR,
		    (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
		     errmsg("%s: argument %d (%s): an infinite date is "
		            "outside the calendar (1971-01-01 to 9999-12-31)",
		            func, index + 1, name)));
	d = (ukwd_date)value + EPOCH_SHIFT;
	year = d >= -719162 && d <= 2932896 ? year_of(d) : 0;
	if (year < UKWD_UK_FIRST_YEAR || year > UKWD_UK_LAST_YEAR)
		ereport(ERROR,
		        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
		         errmsg("%s: argument %d (%s): %s is outside the "
		                "calendar (1971-01-01 to 9999-12-31)",
		                func, index + 1, name,
		                DatumGetCString(DirectFunctionCall1(
		                    date_out, DateADTGetDatum(value))))));
	return d;
}

static unsigned int
arg_division(FunctionCallInfo fcinfo, const char *func, int index)
{
	unsigned int divisions;
	ukwd_diag diag;
	char *name;

	if (PG_NARGS() <= index)
		return UKWD_UK_SEC;
	name = text_to_cstring(PG_GETARG_TEXT_PP(index));
	if (ukwd_uk_division_parse(&divisions, name, &diag) < 0)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
		                errmsg("%s: argument %d (division): %s", func,
		                       index + 1, diag.message)));
	pfree(name);
	return divisions;
}

static void
failure(const char *func, int rc)
{
	if (rc == UKWD_ERANGE)
		ereport(ERROR, (errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
		                errmsg("%s: the answer is outside the calendar "
		                       "(1971-01-01 to 9999-12-31)",
		                       func)));
	ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
	                errmsg("%s: %s", func, ukwd_strerror(rc))));
}

static Datum
date_datum(ukwd_date d)
{
	return DateADTGetDatum((DateADT)(d - EPOCH_SHIFT));
}

PG_FUNCTION_INFO_V1(ukwd_pg_is_working);
Datum
ukwd_pg_is_working(PG_FUNCTION_ARGS)
{
	const char *f = "ukwd_is_working";
	ukwd_date d = arg_date(fcinfo, f, 0, "date");
	unsigned int divisions = arg_division(fcinfo, f, 1);
	bool working;
	int rc =
	    ukwd_workday_check(&working, calendar(f, divisions, year_of(d)), d);

	if (rc < 0)
		failure(f, rc);
	PG_RETURN_BOOL(working);
}

PG_FUNCTION_INFO_V1(ukwd_pg_add);
Datum
ukwd_pg_add(PG_FUNCTION_ARGS)
{
	const char *f = "ukwd_add";
	ukwd_date d = arg_date(fcinfo, f, 0, "date"), answer;
	int32 n = PG_GETARG_INT32(1);
	unsigned int divisions = arg_division(fcinfo, f, 2);
	int last = year_of(d) + (n > 0 ? n / 200 + 1 : 0);
	int rc = ukwd_workday_add(&answer, calendar(f, divisions, last), d, n);

	if (rc == UKWD_ERANGE && last < UKWD_UK_LAST_YEAR)
		rc = ukwd_workday_add(
		    &answer, calendar(f, divisions, UKWD_UK_LAST_YEAR), d, n);
	if (rc == UKWD_EINVAL && n == 0)
		ereport(ERROR,
		        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
		         errmsg("ukwd_add: argument 1 (date): %s is not a "
		                "working day, so adding 0 has no answer; use "
		                "ukwd_roll",
		                DatumGetCString(DirectFunctionCall1(
		                    date_out, PG_GETARG_DATUM(0))))));
	if (rc < 0)
		failure(f, rc);
	return date_datum(answer);
}

PG_FUNCTION_INFO_V1(ukwd_pg_count);
Datum
ukwd_pg_count(PG_FUNCTION_ARGS)
{
	const char *f = "ukwd_count";
	ukwd_date from = arg_date(fcinfo, f, 0, "from");
	ukwd_date to = arg_date(fcinfo, f, 1, "to");
	unsigned int divisions = arg_division(fcinfo, f, 2);
	int32_t count;
	int rc = ukwd_workday_count(
	    &count, calendar(f, divisions, year_of(from > to ? from : to)),
	    from, to);

	if (rc < 0)
		failure(f, rc);
	PG_RETURN_INT32(count);
}

PG_FUNCTION_INFO_V1(ukwd_pg_roll);
Datum
ukwd_pg_roll(PG_FUNCTION_ARGS)
{
	static const char *names[] = {"following", "preceding",
	                              "modified-following",
	                              "modified-preceding"};
	const char *f = "ukwd_roll";
	ukwd_date d = arg_date(fcinfo, f, 0, "date"), answer;
	char *name = text_to_cstring(PG_GETARG_TEXT_PP(1));
	unsigned int divisions;
	int c, rc;

	for (c = 0; c < 4; c++)
		if (pg_strcasecmp(name, names[c]) == 0)
			break;
	if (c == 4)
		ereport(ERROR,
		        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
		         errmsg("ukwd_roll: argument 2 (convention): unknown "
		                "convention '%s'; expected following, "
		                "preceding, modified-following or "
		                "modified-preceding",
		                name)));
	divisions = arg_division(fcinfo, f, 2);
	rc = ukwd_workday_roll(&answer, calendar(f, divisions, year_of(d) + 1),
	                       d, (ukwd_roll)c);
	if (rc == UKWD_ERANGE)
		rc = ukwd_workday_roll(
		    &answer, calendar(f, divisions, UKWD_UK_LAST_YEAR), d,
		    (ukwd_roll)c);
	if (rc < 0)
		failure(f, rc);
	return date_datum(answer);
}

/* ukwd_holidays(from, to [, division]): the bank holidays on weekdays in
 * [from, to], one row per date and division, ordered by date then
 * division, as `ukwd-cal holidays --format csv` lists them. */
static const unsigned int division_order[] = {
    UKWD_UK_ENGLAND_WALES, UKWD_UK_SCOTLAND, UKWD_UK_NORTHERN_IRELAND};

struct holiday_rows {
	ReturnSetInfo *rsinfo;
	int division;
	ukwd_date from, to;
	/* one pass per division; rows merged by the ORDER BY in SQL */
};

static int
emit_holiday(ukwd_date d, const char *name, void *payload)
{
	struct holiday_rows *rows = payload;
	Datum values[3];
	bool nulls[3] = {false, false, false};

	if (ukwd_date_weekday(d) >= UKWD_SATURDAY)
		return 0;
	values[0] = date_datum(d);
	values[1] = CStringGetTextDatum(
	    ukwd_uk_division_name(division_order[rows->division]));
	values[2] = CStringGetTextDatum(name);
	tuplestore_putvalues(rows->rsinfo->setResult, rows->rsinfo->setDesc,
	                     values, nulls);
	return 0;
}

PG_FUNCTION_INFO_V1(ukwd_pg_holidays);
Datum
ukwd_pg_holidays(PG_FUNCTION_ARGS)
{
	const char *f = "ukwd_holidays";
	ukwd_date from = arg_date(fcinfo, f, 0, "from");
	ukwd_date to = arg_date(fcinfo, f, 1, "to");
	unsigned int divisions = arg_division(fcinfo, f, 2);
	struct holiday_rows rows;

	InitMaterializedSRF(fcinfo, 0);
	rows.rsinfo = (ReturnSetInfo *)fcinfo->resultinfo;
	rows.from = from;
	rows.to = to;
	if (to < from)
		return (Datum)0;
	/* Date order across divisions: walk the days of the union and ask
	 * each division for its name. */
	for (ukwd_date d = from; d <= to; d++) {
		for (int i = 0; i < 3; i++) {
			const char *name;

			if (!(divisions & division_order[i]))
				continue;
			name = ukwd_calendar_holiday_name(
			    calendar(f, division_order[i], year_of(to)), d);
			if (!name)
				continue;
			rows.division = i;
			emit_holiday(d, name, &rows);
		}
	}
	return (Datum)0;
}
