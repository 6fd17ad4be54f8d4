/*
 * quickstart: the core of libukwd in one page.
 *
 * Builds a calendar for 2023 with a Saturday-Sunday weekend and England and
 * Wales's 2023 bank holidays typed in by hand (including the one-off bank
 * holiday for the Coronation on Monday 8 May 2023), then adds, counts and
 * rolls working days.
 *
 *   quickstart                 the worked example below
 *   quickstart DATE N          add N working days to DATE (YYYY-MM-DD)
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include <ukwd.h>

static const struct {
	const char *date, *name;
} holidays_2023[] = {
    {"2023-01-02", "New Year’s Day (substitute day)"},
    {"2023-04-07", "Good Friday"},
    {"2023-04-10", "Easter Monday"},
    {"2023-05-01", "Early May bank holiday"},
    {"2023-05-08", "Bank holiday for the coronation of King Charles III"},
    {"2023-05-29", "Spring bank holiday"},
    {"2023-08-28", "Summer bank holiday"},
    {"2023-12-25", "Christmas Day"},
    {"2023-12-26", "Boxing Day"},
};

static int
fail(const char *what, int rc)
{
	fprintf(stderr, "quickstart: %s: %s\n", what, ukwd_strerror(rc));
	return 2;
}

static int
build_calendar(ukwd_calendar **out)
{
	ukwd_calendar_builder *builder;
	ukwd_date first, last, d;
	ukwd_diag diag;
	int rc;

	rc = ukwd_calendar_builder_new(&builder);
	if (rc)
		return rc;
	ukwd_date_from_ymd(&first, 2023, 1, 1);
	ukwd_date_from_ymd(&last, 2023, 12, 31);
	rc = ukwd_calendar_builder_set_range(builder, first, last);
	for (size_t i = 0;
	     rc == 0 && i < sizeof(holidays_2023) / sizeof(holidays_2023[0]);
	     i++) {
		rc = ukwd_date_parse(&d, holidays_2023[i].date, NULL);
		if (rc == 0)
			rc = ukwd_calendar_builder_add_holiday(
			    builder, d, holidays_2023[i].name);
	}
	if (rc == 0)
		rc = ukwd_calendar_build(out, builder, &diag);
	ukwd_calendar_builder_free(builder);
	return rc;
}

int
main(int argc, char **argv)
{
	ukwd_calendar *cal;
	ukwd_date from, answer, rolled;
	char text[UKWD_DATE_STRLEN], text2[UKWD_DATE_STRLEN];
	ukwd_diag diag;
	int32_t n = 3, count;
	int rc;

	if (argc != 1 && argc != 3) {
		fprintf(stderr, "usage: quickstart [DATE N]\n");
		return 2;
	}
	rc = build_calendar(&cal);
	if (rc)
		return fail("building the calendar", rc);
	if (argc == 3) {
		char *end;
		long value;

		rc = ukwd_date_parse(&from, argv[1], &diag);
		if (rc) {
			fprintf(stderr,
			        "quickstart: DATE '%s', column %d: %s\n",
			        argv[1], diag.column, diag.message);
			ukwd_calendar_free(cal);
			return 2;
		}
		errno = 0;
		value = strtol(argv[2], &end, 10);
		if (errno || *end || end == argv[2] || value < INT32_MIN ||
		    value > INT32_MAX) {
			fprintf(stderr,
			        "quickstart: N '%s' is not a whole "
			        "number of working days\n",
			        argv[2]);
			ukwd_calendar_free(cal);
			return 2;
		}
		n = (int32_t)value;
		rc = ukwd_workday_add(&answer, cal, from, n);
		if (rc == 0)
			rc = ukwd_date_format(text, sizeof(text), answer);
		ukwd_calendar_free(cal);
		if (rc)
			return fail("adding working days (this example "
			            "knows 2023 only)",
			            rc);
		printf("%s\n", text);
		return 0;
	}

	/* Every call below returns 0 on these inputs; a real program checks
	 * each one, as the DATE N branch above does. */
	rc = ukwd_date_parse(&from, "2023-05-05", NULL);
	if (rc == 0)
		rc = ukwd_workday_add(&answer, cal, from, n);
	if (rc == 0)
		rc = ukwd_workday_count(&count, cal, from, answer);
	if (rc == 0)
		rc = ukwd_date_format(text, sizeof(text), answer);
	if (rc)
		return fail("the worked example", rc);
	printf("libukwd %s\n", ukwd_version());
	printf("3 working days after Friday 2023-05-05: %s\n", text);
	printf("  (Monday 2023-05-08 is not one: %s)\n",
	       ukwd_calendar_holiday_name(cal, from + 3));
	printf("working days in [2023-05-05, %s): %d\n", text, (int)count);
	rc = ukwd_date_parse(&from, "2023-09-30", NULL);
	if (rc == 0)
		rc = ukwd_workday_roll(&rolled, cal, from,
		                       UKWD_ROLL_MODIFIED_FOLLOWING);
	if (rc == 0)
		rc = ukwd_date_format(text2, sizeof(text2), rolled);
	if (rc)
		return fail("the worked example", rc);
	printf("Saturday 2023-09-30 rolled modified-following: %s\n", text2);
	ukwd_calendar_free(cal);
	return 0;
}
