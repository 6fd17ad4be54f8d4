/* Calendars: builders, holidays and their names, provenance, union and
 * intersection. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <ukwd.h>

#include "test-util.h"

/* ------------------------------------------------------------------ */
/* Helpers */

static ukwd_calendar_builder *
new_builder(void)
{
	ukwd_calendar_builder *b = NULL;

	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_non_null(b);
	return b;
}

static ukwd_calendar *
build_ok(const ukwd_calendar_builder *b)
{
	ukwd_calendar *cal = NULL;
	ukwd_diag diag;

	assert_int_equal(ukwd_calendar_build(&cal, b, &diag), 0);
	assert_non_null(cal);
	assert_int_equal(diag.code, 0);
	assert_string_equal(diag.message, "");
	return cal;
}

/* The holidays a walk visits, in the order it visits them. */
struct visit {
	ukwd_date date;
	char *name;
};

struct visits {
	size_t count, capacity;
	size_t stop_at; /* return non-zero on this visit (1-based); 0: never */
	int stop_value;
	struct visit *v;
};

static char *
copy_string(const char *text)
{
	size_t len = strlen(text) + 1;
	char *copy = malloc(len);

	assert_non_null(copy);
	memcpy(copy, text, len);
	return copy;
}

static int
collect(ukwd_date d, const char *name, void *payload)
{
	struct visits *visits = payload;

	assert_non_null(name);
	if (visits->count == visits->capacity) {
		visits->capacity = visits->capacity ? visits->capacity * 2 : 16;
		visits->v =
		    realloc(visits->v, visits->capacity * sizeof(*visits->v));
		assert_non_null(visits->v);
	}
	visits->v[visits->count].date = d;
	visits->v[visits->count].name = copy_string(name);
	visits->count++;
	return visits->count == visits->stop_at ? visits->stop_value : 0;
}

static void
visits_free(struct visits *visits)
{
	for (size_t i = 0; i < visits->count; i++)
		free(visits->v[i].name);
	free(visits->v);
	memset(visits, 0, sizeof(*visits));
}

/* Every holiday of the calendar, in the order foreach_holiday gives. */
static void
all_holidays(const ukwd_calendar *cal, struct visits *out)
{
	memset(out, 0, sizeof(*out));
	assert_int_equal(ukwd_calendar_foreach_holiday(
	                     cal, UKWD_DATE_MIN, UKWD_DATE_MAX, collect, out),
	                 0);
}

static int
names_equal(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Same range, weekend, holidays with names, provenance and working days
 * on every day of the range (and the same refusals just outside it). */
static void
assert_calendars_equal(const ukwd_calendar *a, const ukwd_calendar *b)
{
	ukwd_date first_a, last_a, first_b, last_b;
	struct visits ha, hb;

	ukwd_calendar_range(a, &first_a, &last_a);
	ukwd_calendar_range(b, &first_b, &last_b);
	assert_int_equal(first_a, first_b);
	assert_int_equal(last_a, last_b);
	assert_int_equal(ukwd_calendar_weekend(a), ukwd_calendar_weekend(b));
	all_holidays(a, &ha);
	all_holidays(b, &hb);
	assert_int_equal(ha.count, hb.count);
	for (size_t i = 0; i < ha.count; i++) {
		assert_int_equal(ha.v[i].date, hb.v[i].date);
		assert_string_equal(ha.v[i].name, hb.v[i].name);
	}
	visits_free(&ha);
	visits_free(&hb);
	for (ukwd_date d = first_a - 1; d <= last_a + 1; d++) {
		assert_int_equal(ukwd_workday_is_working(a, d),
		                 ukwd_workday_is_working(b, d));
		assert_int_equal(ukwd_calendar_provenance(a, d),
		                 ukwd_calendar_provenance(b, d));
		assert_true(names_equal(ukwd_calendar_holiday_name(a, d),
		                        ukwd_calendar_holiday_name(b, d)));
	}
}

/* A plain Saturday-Sunday calendar over [first, last]. */
static ukwd_calendar *
plain_calendar(ukwd_date first, ukwd_date last, unsigned int weekend)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;

	assert_int_equal(ukwd_calendar_builder_set_weekend(b, weekend), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, first, last), 0);
	cal = build_ok(b);
	ukwd_calendar_builder_free(b);
	return cal;
}

/* ------------------------------------------------------------------ */
/* Builder defaults and the weekend */

static void
test_builder__defaults_to_a_saturday_sunday_weekend_and_no_holidays(
    void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;
	struct visits h;
	/* Monday 5 June 2023 to Sunday 11 June */
	ukwd_date monday = ymd(2023, 6, 5);

	(void)state;
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, monday - 7, monday + 13), 0);
	cal = build_ok(b);
	assert_int_equal(ukwd_calendar_weekend(cal), 0x60);
	assert_int_equal(ukwd_calendar_weekend(cal), UKWD_WEEKEND_SAT_SUN);
	for (int i = 0; i < 7; i++) {
		assert_int_equal(ukwd_workday_is_working(cal, monday + i),
		                 i < 5);
		assert_null(ukwd_calendar_holiday_name(cal, monday + i));
		assert_int_equal(ukwd_calendar_provenance(cal, monday + i),
		                 UKWD_PROVENANCE_NONE);
	}
	all_holidays(cal, &h);
	assert_int_equal(h.count, 0);
	visits_free(&h);
	assert_int_equal(ukwd_calendar_builder_new(NULL), UKWD_EINVAL);
	/* freeing NULL is a no-op */
	ukwd_calendar_builder_free(NULL);
	ukwd_calendar_free(NULL);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_set_weekend__accepts_every_mask_below_0x7f(void **state)
{
	/* Monday 5 June 2023 */
	ukwd_date monday = ymd(2023, 6, 5);

	(void)state;
	for (unsigned int mask = 0; mask < 0x7F; mask++) {
		ukwd_calendar *cal = plain_calendar(monday, monday + 20, mask);

		assert_int_equal(ukwd_calendar_weekend(cal), mask);
		for (int i = 0; i <= 20; i++)
			assert_int_equal(
			    ukwd_workday_is_working(cal, monday + i),
			    !((mask >> (i % 7)) & 1));
		ukwd_calendar_free(cal);
	}
}

static void
test_set_weekend__rejects_all_seven_days_and_higher_bits_leaving_the_builder_unchanged(
    void **state)
{
	static const unsigned int bad[] = {0x7F,  0x80,  0xFF,
	                                   0x100, 0x160, UINT_MAX};
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 6, 1),
	                                                 ymd(2023, 6, 30)),
	                 0);
	/* a Friday-Saturday weekend first */
	assert_int_equal(ukwd_calendar_builder_set_weekend(b, 0x30), 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(ukwd_calendar_builder_set_weekend(b, bad[i]),
		                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_builder_set_weekend(NULL, 0x60),
	                 UKWD_EINVAL);
	cal = build_ok(b);
	assert_int_equal(ukwd_calendar_weekend(cal), 0x30);
	/* Friday 9 June is off, Sunday 11 June works */
	assert_int_equal(ukwd_workday_is_working(cal, ymd(2023, 6, 9)), 0);
	assert_int_equal(ukwd_workday_is_working(cal, ymd(2023, 6, 11)), 1);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_set_weekend__zero_makes_every_day_a_working_day(void **state)
{
	ukwd_calendar *cal;
	int32_t count = 0;

	(void)state;
	cal = plain_calendar(ymd(2023, 1, 1), ymd(2023, 12, 31), 0);
	assert_int_equal(ukwd_calendar_weekend(cal), 0);
	assert_int_equal(
	    ukwd_workday_count(&count, cal, ymd(2023, 1, 1), ymd(2024, 1, 1)),
	    0);
	assert_int_equal(count, 365);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* The range */

static void
test_set_range__rejects_bad_ranges_leaving_the_builder_unchanged(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal = NULL;
	ukwd_date first = ymd(2023, 6, 1), last = ymd(2023, 6, 30);
	ukwd_date got_first, got_last;
	ukwd_diag diag;

	(void)state;
	/* a failed set_range on a fresh builder leaves it without a range */
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN - 1, last),
	    UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_build(&cal, b, &diag), UKWD_EINVAL);
	assert_null(cal);

	assert_int_equal(ukwd_calendar_builder_set_range(b, first, last), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN - 1, last),
	    UKWD_ERANGE);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, first, UKWD_DATE_MAX + 1),
	    UKWD_ERANGE);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, INT32_MIN, INT32_MAX),
	    UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_builder_set_range(b, UKWD_DATE_MAX + 1,
	                                                 UKWD_DATE_MAX + 5),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_builder_set_range(b, last, first),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_builder_set_range(b, first, first - 1),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_builder_set_range(NULL, first, last),
	                 UKWD_EINVAL);
	cal = build_ok(b);
	ukwd_calendar_range(cal, &got_first, &got_last);
	assert_int_equal(got_first, first);
	assert_int_equal(got_last, last);
	/* either output may be NULL */
	ukwd_calendar_range(cal, NULL, &got_last);
	ukwd_calendar_range(cal, &got_first, NULL);
	assert_int_equal(got_last, last);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_set_range__accepts_the_whole_date_range_and_a_single_day(void **state)
{
	ukwd_calendar *cal;
	ukwd_date first, last;

	(void)state;
	cal =
	    plain_calendar(UKWD_DATE_MIN, UKWD_DATE_MAX, UKWD_WEEKEND_SAT_SUN);
	ukwd_calendar_range(cal, &first, &last);
	assert_int_equal(first, UKWD_DATE_MIN);
	assert_int_equal(last, UKWD_DATE_MAX);
	ukwd_calendar_free(cal);
	/* Wednesday 7 June 2023 alone */
	cal = plain_calendar(ymd(2023, 6, 7), ymd(2023, 6, 7),
	                     UKWD_WEEKEND_SAT_SUN);
	ukwd_calendar_range(cal, &first, &last);
	assert_int_equal(first, ymd(2023, 6, 7));
	assert_int_equal(last, ymd(2023, 6, 7));
	assert_int_equal(ukwd_workday_is_working(cal, first), 1);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* Holidays */

static void
test_add_holiday__replaces_the_name_of_an_existing_holiday(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;
	ukwd_date d = ymd(2023, 5, 8);
	struct visits h;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 1, 1),
	                                                 ymd(2023, 12, 31)),
	                 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, d, "Coronation"),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(
	        b, d, "Bank holiday for the coronation of King Charles III"),
	    0);
	cal = build_ok(b);
	assert_string_equal(
	    ukwd_calendar_holiday_name(cal, d),
	    "Bank holiday for the coronation of King Charles III");
	all_holidays(cal, &h);
	assert_int_equal(h.count, 1);
	visits_free(&h);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_add_holiday__copies_the_name(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;
	char name[32] = "Early May bank holiday";

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 1, 1),
	                                                 ymd(2023, 12, 31)),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 5, 1), name), 0);
	memset(name, 'x', sizeof(name) - 1);
	cal = build_ok(b);
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2023, 5, 1)),
	                    "Early May bank holiday");
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_add_holiday__null_and_empty_names_are_unnamed_holidays(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;
	struct visits h;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 1, 1),
	                                                 ymd(2023, 12, 31)),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 5, 1), NULL), 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 5, 2), ""), 0);
	/* a named holiday renamed to nothing */
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 5, 3), "x"), 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 5, 3), NULL), 0);
	cal = build_ok(b);
	for (int day = 1; day <= 3; day++) {
		const char *name =
		    ukwd_calendar_holiday_name(cal, ymd(2023, 5, day));

		assert_non_null(name);
		assert_string_equal(name, "");
		assert_int_equal(
		    ukwd_workday_is_working(cal, ymd(2023, 5, day)), 0);
	}
	all_holidays(cal, &h);
	assert_int_equal(h.count, 3);
	for (size_t i = 0; i < h.count; i++)
		assert_string_equal(h.v[i].name, "");
	visits_free(&h);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_add_holiday__rejects_dates_outside_0001_to_9999(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;
	struct visits h;

	(void)state;
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN, UKWD_DATE_MAX),
	    0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, UKWD_DATE_MIN - 1, "before"),
	    UKWD_ERANGE);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, UKWD_DATE_MAX + 1, "after"),
	    UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, INT32_MIN, "x"),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_builder_add_holiday(NULL, 0, "x"),
	                 UKWD_EINVAL);
	/* both ends themselves are fine */
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, UKWD_DATE_MIN, "first"), 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, UKWD_DATE_MAX, "last"), 0);
	cal = build_ok(b);
	all_holidays(cal, &h);
	assert_int_equal(h.count, 2);
	assert_int_equal(h.v[0].date, UKWD_DATE_MIN);
	assert_string_equal(h.v[0].name, "first");
	assert_int_equal(h.v[1].date, UKWD_DATE_MAX);
	assert_string_equal(h.v[1].name, "last");
	visits_free(&h);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_remove_holiday__makes_a_holiday_an_ordinary_day_again(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;
	/* Monday 1 May and Saturday 6 May 2023 */
	ukwd_date monday = ymd(2023, 5, 1), saturday = ymd(2023, 5, 6);

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 1, 1),
	                                                 ymd(2023, 12, 31)),
	                 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, monday, "May"),
	                 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, saturday, "Sat"),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 5, 29), "Spring"),
	    0);
	cal = build_ok(b);
	assert_int_equal(ukwd_workday_is_working(cal, monday), 0);
	assert_string_equal(ukwd_calendar_holiday_name(cal, saturday), "Sat");
	ukwd_calendar_free(cal);

	assert_int_equal(ukwd_calendar_builder_remove_holiday(b, monday), 0);
	assert_int_equal(ukwd_calendar_builder_remove_holiday(b, saturday), 0);
	cal = build_ok(b);
	assert_int_equal(ukwd_workday_is_working(cal, monday), 1);
	assert_null(ukwd_calendar_holiday_name(cal, monday));
	/* a weekend day stays a weekend day */
	assert_int_equal(ukwd_workday_is_working(cal, saturday), 0);
	assert_null(ukwd_calendar_holiday_name(cal, saturday));
	/* the other holiday is untouched */
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2023, 5, 29)),
	                    "Spring");
	ukwd_calendar_free(cal);

	/* and it can be added back */
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, monday, "Again"),
	                 0);
	cal = build_ok(b);
	assert_string_equal(ukwd_calendar_holiday_name(cal, monday), "Again");
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_remove_holiday__not_found_changes_nothing(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *before, *after;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 1, 1),
	                                                 ymd(2023, 12, 31)),
	                 0);
	/* nothing to remove in an empty builder */
	assert_int_equal(
	    ukwd_calendar_builder_remove_holiday(b, ymd(2023, 5, 1)),
	    UKWD_ENOTFOUND);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 5, 1), "May"), 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 5, 29), "Spring"),
	    0);
	before = build_ok(b);
	/* an ordinary day, a weekend day, a day before, between and after
	 * the holidays, a date outside the library's range */
	assert_int_equal(
	    ukwd_calendar_builder_remove_holiday(b, ymd(2023, 5, 2)),
	    UKWD_ENOTFOUND);
	assert_int_equal(
	    ukwd_calendar_builder_remove_holiday(b, ymd(2023, 5, 6)),
	    UKWD_ENOTFOUND);
	assert_int_equal(
	    ukwd_calendar_builder_remove_holiday(b, ymd(2023, 4, 30)),
	    UKWD_ENOTFOUND);
	assert_int_equal(
	    ukwd_calendar_builder_remove_holiday(b, ymd(2023, 6, 1)),
	    UKWD_ENOTFOUND);
	assert_int_equal(ukwd_calendar_builder_remove_holiday(b, INT32_MAX),
	                 UKWD_ENOTFOUND);
	assert_int_equal(
	    ukwd_calendar_builder_remove_holiday(NULL, ymd(2023, 5, 1)),
	    UKWD_EINVAL);
	after = build_ok(b);
	assert_calendars_equal(before, after);
	ukwd_calendar_free(before);
	ukwd_calendar_free(after);
	ukwd_calendar_builder_free(b);
}

/* ------------------------------------------------------------------ */
/* Building */

static void
test_build__without_a_range_is_einval_with_a_diag_message(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal = NULL;
	ukwd_diag diag;

	(void)state;
	memset(&diag, 0, sizeof(diag));
	assert_int_equal(ukwd_calendar_build(&cal, b, &diag), UKWD_EINVAL);
	assert_null(cal);
	assert_int_equal(diag.code, UKWD_EINVAL);
	assert_true(strlen(diag.message) > 0);
	assert_non_null(strstr(diag.message, "range"));
	/* the diag is optional */
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), UKWD_EINVAL);
	assert_null(cal);
	/* NULL arguments */
	assert_int_equal(ukwd_calendar_build(NULL, b, &diag), UKWD_EINVAL);
	assert_int_equal(diag.code, UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_build(&cal, NULL, NULL), UKWD_EINVAL);
	assert_null(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_build__of_a_range_with_no_working_day_is_einval(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal = NULL;
	ukwd_diag diag;
	/* Saturday 3 and Sunday 4 June 2023 */
	ukwd_date saturday = ymd(2023, 6, 3);

	(void)state;
	/* a weekend alone */
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, saturday, saturday + 1), 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, &diag), UKWD_EINVAL);
	assert_null(cal);
	assert_int_equal(diag.code, UKWD_EINVAL);
	assert_true(strlen(diag.message) > 0);
	/* a weekend and a holiday Monday */
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, saturday, saturday + 2), 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, saturday + 2, "x"), 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, &diag), UKWD_EINVAL);
	assert_null(cal);
	/* a Monday-to-Saturday weekend over Monday to Saturday */
	assert_int_equal(ukwd_calendar_builder_set_weekend(b, 0x3F), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, saturday - 5, saturday), 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, &diag), UKWD_EINVAL);
	assert_null(cal);
	/* one more day, a Sunday, and it builds */
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, saturday - 5, saturday + 1), 0);
	cal = build_ok(b);
	assert_int_equal(ukwd_workday_is_working(cal, saturday + 1), 1);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_build__clears_the_diag_on_success(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal = NULL;
	ukwd_diag diag;

	(void)state;
	memset(&diag, 'x', sizeof(diag));
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 1, 1),
	                                                 ymd(2023, 1, 31)),
	                 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, &diag), 0);
	assert_int_equal(diag.code, 0);
	assert_string_equal(diag.message, "");
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_build__leaves_out_holidays_outside_the_range(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;
	struct visits h;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 1, 1),
	                                                 ymd(2023, 12, 31)),
	                 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2022, 12, 26),
	                                                   "Boxing Day 2022"),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 1, 2), "New Year"),
	    0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 12, 31), "Last day"),
	    0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2024, 1, 1),
	                                                   "New Year 2024"),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, UKWD_DATE_MIN, "far before"),
	    0);
	cal = build_ok(b);
	all_holidays(cal, &h);
	assert_int_equal(h.count, 2);
	assert_int_equal(h.v[0].date, ymd(2023, 1, 2));
	assert_int_equal(h.v[1].date, ymd(2023, 12, 31));
	visits_free(&h);
	assert_null(ukwd_calendar_holiday_name(cal, ymd(2022, 12, 26)));
	assert_null(ukwd_calendar_holiday_name(cal, ymd(2024, 1, 1)));
	assert_null(ukwd_calendar_holiday_name(cal, UKWD_DATE_MIN));
	ukwd_calendar_free(cal);

	/* they are kept in the builder: widen the range and they appear */
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2022, 12, 1),
	                                                 ymd(2024, 1, 31)),
	                 0);
	cal = build_ok(b);
	all_holidays(cal, &h);
	assert_int_equal(h.count, 4);
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2022, 12, 26)),
	                    "Boxing Day 2022");
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2024, 1, 1)),
	                    "New Year 2024");
	assert_int_equal(ukwd_workday_is_working(cal, ymd(2024, 1, 1)), 0);
	visits_free(&h);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_build__twice_gives_equal_calendars_and_leaves_the_builder_unchanged(
    void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *first, *second, *third;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_weekend(b, 0x41), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2022, 11, 15),
	                                                 ymd(2024, 2, 10)),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 5, 1), "Early May"),
	    0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 5, 2), NULL), 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2023, 2023, UKWD_PROVENANCE_OFFICIAL),
	                 0);
	first = build_ok(b);
	second = build_ok(b);
	assert_calendars_equal(first, second);

	/* changing the builder afterwards does not change what was built */
	assert_int_equal(ukwd_calendar_builder_set_weekend(b, 0x60), 0);
	assert_int_equal(
	    ukwd_calendar_builder_remove_holiday(b, ymd(2023, 5, 1)), 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2023, 2023, UKWD_PROVENANCE_PROJECTED),
	                 0);
	third = build_ok(b);
	assert_calendars_equal(first, second);
	assert_int_equal(ukwd_calendar_weekend(first), 0x41);
	assert_string_equal(ukwd_calendar_holiday_name(first, ymd(2023, 5, 1)),
	                    "Early May");
	assert_int_equal(ukwd_calendar_provenance(first, ymd(2023, 5, 1)),
	                 UKWD_PROVENANCE_OFFICIAL);
	assert_int_equal(ukwd_calendar_weekend(third), 0x60);
	assert_null(ukwd_calendar_holiday_name(third, ymd(2023, 5, 1)));
	assert_int_equal(ukwd_calendar_provenance(third, ymd(2023, 5, 1)),
	                 UKWD_PROVENANCE_PROJECTED);
	ukwd_calendar_free(first);
	ukwd_calendar_free(second);
	ukwd_calendar_free(third);
	ukwd_calendar_builder_free(b);
}

/* ------------------------------------------------------------------ */
/* Holiday names and enumeration */

static void
test_holiday_name__is_null_for_weekend_days_and_ordinary_days(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2022, 12, 1),
	                                                 ymd(2022, 12, 31)),
	                 0);
	/* Christmas Day 2022 fell on a Sunday and keeps its name; the
	 * substitute day is a holiday of its own */
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2022, 12, 25),
	                                                   "Christmas Day"),
	                 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2022, 12, 26),
	                                                   "Boxing Day"),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2022, 12, 27),
	                                      "Christmas Day (substitute day)"),
	    0);
	cal = build_ok(b);
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2022, 12, 25)),
	                    "Christmas Day");
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2022, 12, 27)),
	                    "Christmas Day (substitute day)");
	/* Saturday 24th: a plain weekend day; Wednesday 28th: ordinary */
	assert_null(ukwd_calendar_holiday_name(cal, ymd(2022, 12, 24)));
	assert_int_equal(ukwd_workday_is_working(cal, ymd(2022, 12, 24)), 0);
	assert_null(ukwd_calendar_holiday_name(cal, ymd(2022, 12, 28)));
	/* outside the range, and no calendar */
	assert_null(ukwd_calendar_holiday_name(cal, ymd(2023, 1, 2)));
	assert_null(ukwd_calendar_holiday_name(cal, ymd(2022, 11, 30)));
	assert_null(ukwd_calendar_holiday_name(NULL, ymd(2022, 12, 25)));
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

/* A calendar for the walks: 2023 with these holidays, added out of
 * order, Saturday 14 and Sunday 15 January named. */
static ukwd_calendar *
walk_calendar(void)
{
	static const struct {
		int m, d;
		const char *name;
	} days[] = {
	    {12, 25, "Christmas Day"}, {1, 2, "New Year"},  {5, 1, "Early May"},
	    {1, 15, "Sunday"},         {1, 14, "Saturday"}, {12, 31, "Last"},
	    {1, 1, "First"},           {8, 28, "Summer"},
	};
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;

	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 1, 1),
	                                                 ymd(2023, 12, 31)),
	                 0);
	for (size_t i = 0; i < sizeof(days) / sizeof(days[0]); i++)
		assert_int_equal(
		    ukwd_calendar_builder_add_holiday(
		        b, ymd(2023, days[i].m, days[i].d), days[i].name),
		    0);
	/* outside the range: never visited */
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2022, 12, 26), "Out"), 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2024, 1, 1), "Out"), 0);
	cal = build_ok(b);
	ukwd_calendar_builder_free(b);
	return cal;
}

static void
test_foreach_holiday__visits_in_date_order(void **state)
{
	ukwd_calendar *cal = walk_calendar();
	struct visits h;

	(void)state;
	memset(&h, 0, sizeof(h));
	assert_int_equal(ukwd_calendar_foreach_holiday(cal, ymd(2023, 1, 1),
	                                               ymd(2023, 12, 31),
	                                               collect, &h),
	                 0);
	assert_int_equal(h.count, 8);
	assert_int_equal(h.v[0].date, ymd(2023, 1, 1));
	assert_string_equal(h.v[0].name, "First");
	assert_int_equal(h.v[1].date, ymd(2023, 1, 2));
	assert_int_equal(h.v[2].date, ymd(2023, 1, 14));
	assert_string_equal(h.v[2].name, "Saturday");
	assert_int_equal(h.v[3].date, ymd(2023, 1, 15));
	assert_int_equal(h.v[4].date, ymd(2023, 5, 1));
	assert_int_equal(h.v[5].date, ymd(2023, 8, 28));
	assert_int_equal(h.v[6].date, ymd(2023, 12, 25));
	assert_int_equal(h.v[7].date, ymd(2023, 12, 31));
	assert_string_equal(h.v[7].name, "Last");
	for (size_t i = 0; i < h.count; i++)
		assert_string_equal(
		    h.v[i].name, ukwd_calendar_holiday_name(cal, h.v[i].date));
	visits_free(&h);
	ukwd_calendar_free(cal);
}

static void
test_foreach_holiday__clips_to_the_window_and_the_range(void **state)
{
	ukwd_calendar *cal = walk_calendar();
	struct visits h;

	(void)state;
	/* both ends of the window count */
	memset(&h, 0, sizeof(h));
	assert_int_equal(ukwd_calendar_foreach_holiday(cal, ymd(2023, 1, 2),
	                                               ymd(2023, 5, 1), collect,
	                                               &h),
	                 0);
	assert_int_equal(h.count, 4);
	assert_int_equal(h.v[0].date, ymd(2023, 1, 2));
	assert_int_equal(h.v[3].date, ymd(2023, 5, 1));
	visits_free(&h);
	/* a window between holidays, and a single day that is one */
	assert_int_equal(ukwd_calendar_foreach_holiday(cal, ymd(2023, 1, 3),
	                                               ymd(2023, 1, 13),
	                                               collect, &h),
	                 0);
	assert_int_equal(h.count, 0);
	assert_int_equal(ukwd_calendar_foreach_holiday(cal, ymd(2023, 8, 28),
	                                               ymd(2023, 8, 28),
	                                               collect, &h),
	                 0);
	assert_int_equal(h.count, 1);
	assert_string_equal(h.v[0].name, "Summer");
	visits_free(&h);
	/* a window wider than the range: only the range's holidays */
	assert_int_equal(ukwd_calendar_foreach_holiday(cal, ymd(2020, 1, 1),
	                                               ymd(2026, 1, 1), collect,
	                                               &h),
	                 0);
	assert_int_equal(h.count, 8);
	assert_int_equal(h.v[0].date, ymd(2023, 1, 1));
	assert_int_equal(h.v[7].date, ymd(2023, 12, 31));
	visits_free(&h);
	/* a window entirely outside the range */
	assert_int_equal(ukwd_calendar_foreach_holiday(cal, ymd(2024, 1, 1),
	                                               ymd(2024, 12, 31),
	                                               collect, &h),
	                 0);
	assert_int_equal(h.count, 0);
	assert_int_equal(ukwd_calendar_foreach_holiday(cal, INT32_MIN,
	                                               INT32_MAX, collect, &h),
	                 0);
	assert_int_equal(h.count, 8);
	visits_free(&h);
	ukwd_calendar_free(cal);
}

static void
test_foreach_holiday__stops_early_with_euser(void **state)
{
	ukwd_calendar *cal = walk_calendar();
	struct visits h;

	(void)state;
	for (size_t stop = 1; stop <= 8; stop++) {
		memset(&h, 0, sizeof(h));
		h.stop_at = stop;
		h.stop_value = stop % 2 ? 1 : -1;
		assert_int_equal(
		    ukwd_calendar_foreach_holiday(cal, UKWD_DATE_MIN,
		                                  UKWD_DATE_MAX, collect, &h),
		    UKWD_EUSER);
		assert_int_equal(h.count, stop);
		visits_free(&h);
	}
	ukwd_calendar_free(cal);
}

static void
test_foreach_holiday__rejects_null_and_a_reversed_window(void **state)
{
	ukwd_calendar *cal = walk_calendar();
	struct visits h;

	(void)state;
	memset(&h, 0, sizeof(h));
	assert_int_equal(ukwd_calendar_foreach_holiday(NULL, ymd(2023, 1, 1),
	                                               ymd(2023, 12, 31),
	                                               collect, &h),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_foreach_holiday(
	                     cal, ymd(2023, 1, 1), ymd(2023, 12, 31), NULL, &h),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_foreach_holiday(cal, ymd(2023, 12, 31),
	                                               ymd(2023, 1, 1), collect,
	                                               &h),
	                 UKWD_EINVAL);
	assert_int_equal(h.count, 0);
	visits_free(&h);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* Provenance */

static void
test_provenance__is_recorded_per_year(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;
	ukwd_date first = ymd(2019, 6, 1), last = ymd(2024, 6, 30);

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_range(b, first, last), 0);
	/* wider than the range, then overwritten in part */
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2000, 2022, UKWD_PROVENANCE_OFFICIAL),
	                 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2022, 2023, UKWD_PROVENANCE_PROJECTED),
	                 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2020, 2020, UKWD_PROVENANCE_NONE),
	                 0);
	cal = build_ok(b);
	for (ukwd_date d = first; d <= last; d++) {
		int year = year_of(d);
		int want = year == 2020   ? UKWD_PROVENANCE_NONE
		           : year <= 2021 ? UKWD_PROVENANCE_OFFICIAL
		           : year <= 2023 ? UKWD_PROVENANCE_PROJECTED
		                          : UKWD_PROVENANCE_NONE;

		assert_int_equal(ukwd_calendar_provenance(cal, d), want);
	}
	assert_int_equal(ukwd_calendar_provenance(cal, first - 1), UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_provenance(cal, last + 1), UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_provenance(cal, INT32_MIN), UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_provenance(NULL, first), UKWD_EINVAL);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_provenance__rejects_bad_years_and_values_leaving_the_builder_unchanged(
    void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;
	ukwd_date first = ymd(2022, 1, 1), last = ymd(2024, 12, 31);

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_range(b, first, last), 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2022, 2024, UKWD_PROVENANCE_OFFICIAL),
	                 0);
	/* years outside 1..9999 */
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 0, 2023, UKWD_PROVENANCE_PROJECTED),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2023, 10000, UKWD_PROVENANCE_PROJECTED),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, INT_MIN, INT_MAX, UKWD_PROVENANCE_PROJECTED),
	                 UKWD_ERANGE);
	/* last before first */
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2024, 2023, UKWD_PROVENANCE_PROJECTED),
	                 UKWD_EINVAL);
	/* not a provenance */
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2023, 2023, (ukwd_provenance)3),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2023, 2023, (ukwd_provenance)-1),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2023, 2023, (ukwd_provenance)255),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     NULL, 2023, 2023, UKWD_PROVENANCE_PROJECTED),
	                 UKWD_EINVAL);
	/* both ends of the year range are fine */
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 1, 1, UKWD_PROVENANCE_PROJECTED),
	                 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 9999, 9999, UKWD_PROVENANCE_PROJECTED),
	                 0);
	cal = build_ok(b);
	for (ukwd_date d = first; d <= last; d++)
		assert_int_equal(ukwd_calendar_provenance(cal, d),
		                 UKWD_PROVENANCE_OFFICIAL);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_provenance__covers_the_first_and_last_years(void **state)
{
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal;

	(void)state;
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN, UKWD_DATE_MAX),
	    0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 1, 1, UKWD_PROVENANCE_OFFICIAL),
	                 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 9999, 9999, UKWD_PROVENANCE_PROJECTED),
	                 0);
	cal = build_ok(b);
	assert_int_equal(ukwd_calendar_provenance(cal, UKWD_DATE_MIN),
	                 UKWD_PROVENANCE_OFFICIAL);
	assert_int_equal(ukwd_calendar_provenance(cal, ymd(1, 12, 31)),
	                 UKWD_PROVENANCE_OFFICIAL);
	assert_int_equal(ukwd_calendar_provenance(cal, ymd(2, 1, 1)),
	                 UKWD_PROVENANCE_NONE);
	assert_int_equal(ukwd_calendar_provenance(cal, ymd(9998, 12, 31)),
	                 UKWD_PROVENANCE_NONE);
	assert_int_equal(ukwd_calendar_provenance(cal, ymd(9999, 1, 1)),
	                 UKWD_PROVENANCE_PROJECTED);
	assert_int_equal(ukwd_calendar_provenance(cal, UKWD_DATE_MAX),
	                 UKWD_PROVENANCE_PROJECTED);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

/* ------------------------------------------------------------------ */
/* builder_new_from */

static void
test_builder_new_from__rebuilds_an_identical_calendar(void **state)
{
	ukwd_calendar_builder *b = new_builder(), *copy = NULL;
	ukwd_calendar *original, *rebuilt, *changed;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_set_weekend(b, 0x30), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2021, 3, 17),
	                                                 ymd(2024, 9, 2)),
	                 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2021, 3, 17),
	                                                   "St Patrick's Day"),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2022, 7, 12), NULL), 0);
	/* a Friday (weekend here) holiday, and one on the last day */
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2023, 6, 2),
	                                                   "On a weekend"),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2024, 9, 2), "Last"), 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2030, 1, 1),
	                                                   "Out of range"),
	                 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2021, 2022, UKWD_PROVENANCE_OFFICIAL),
	                 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2024, 2024, UKWD_PROVENANCE_PROJECTED),
	                 0);
	original = build_ok(b);
	ukwd_calendar_builder_free(b);

	assert_int_equal(ukwd_calendar_builder_new_from(&copy, original), 0);
	assert_non_null(copy);
	rebuilt = build_ok(copy);
	assert_calendars_equal(original, rebuilt);
	assert_string_equal(
	    ukwd_calendar_holiday_name(rebuilt, ymd(2022, 7, 12)), "");

	/* the copy is a builder of its own: changing it leaves the
	 * original alone */
	assert_int_equal(
	    ukwd_calendar_builder_remove_holiday(copy, ymd(2021, 3, 17)), 0);
	assert_int_equal(ukwd_calendar_builder_set_weekend(copy, 0x60), 0);
	changed = build_ok(copy);
	assert_string_equal(
	    ukwd_calendar_holiday_name(original, ymd(2021, 3, 17)),
	    "St Patrick's Day");
	assert_null(ukwd_calendar_holiday_name(changed, ymd(2021, 3, 17)));
	assert_int_equal(ukwd_calendar_weekend(original), 0x30);
	assert_calendars_equal(original, rebuilt);

	assert_int_equal(ukwd_calendar_builder_new_from(NULL, original),
	                 UKWD_EINVAL);
	{
		ukwd_calendar_builder *none = NULL;

		assert_int_equal(ukwd_calendar_builder_new_from(&none, NULL),
		                 UKWD_EINVAL);
		assert_null(none);
	}
	ukwd_calendar_free(original);
	ukwd_calendar_free(rebuilt);
	ukwd_calendar_free(changed);
	ukwd_calendar_builder_free(copy);
}

/* ------------------------------------------------------------------ */
/* Union and intersection */

/* The name a combined calendar gives a day named "a" in one input and
 * "b" in the other (either NULL if that input does not name it). */
static void
expected_name(char *buf, size_t size, const char *a, const char *b)
{
	if (!a && !b)
		buf[0] = '\0';
	else if (!b || !*b || (a && strcmp(a, b) == 0))
		snprintf(buf, size, "%s", a ? a : "");
	else if (!a || !*a)
		snprintf(buf, size, "%s", b);
	else
		snprintf(buf, size, "%s; %s", a, b);
}

/* Check union (is_union) or intersection c of a and b on every day of
 * the overlap against the definitions. */
static void
check_combination(const ukwd_calendar *c, const ukwd_calendar *a,
                  const ukwd_calendar *b, int is_union)
{
	ukwd_date first_a, last_a, first_b, last_b, first, last;
	struct visits h;
	size_t named = 0;

	ukwd_calendar_range(a, &first_a, &last_a);
	ukwd_calendar_range(b, &first_b, &last_b);
	ukwd_calendar_range(c, &first, &last);
	assert_int_equal(first, first_a > first_b ? first_a : first_b);
	assert_int_equal(last, last_a < last_b ? last_a : last_b);
	assert_int_equal(
	    ukwd_calendar_weekend(c),
	    is_union ? ukwd_calendar_weekend(a) | ukwd_calendar_weekend(b)
	             : ukwd_calendar_weekend(a) & ukwd_calendar_weekend(b));
	all_holidays(c, &h);
	for (ukwd_date d = first; d <= last; d++) {
		int wa = ukwd_workday_is_working(a, d);
		int wb = ukwd_workday_is_working(b, d);
		int pa = ukwd_calendar_provenance(a, d);
		int pb = ukwd_calendar_provenance(b, d);
		const char *na = ukwd_calendar_holiday_name(a, d);
		const char *nb = ukwd_calendar_holiday_name(b, d);
		const char *got = ukwd_calendar_holiday_name(c, d);
		int want_named;
		char want[256];

		assert_true(wa == 0 || wa == 1);
		assert_true(wb == 0 || wb == 1);
		assert_int_equal(ukwd_workday_is_working(c, d),
		                 is_union ? (wa && wb) : (wa || wb));
		assert_int_equal(ukwd_calendar_provenance(c, d),
		                 pa > pb ? pa : pb);
		/* a union names every day either input names; an
		 * intersection only those that are off in both */
		want_named = (na || nb) && (is_union || (!wa && !wb));
		if (!want_named) {
			if (got)
				fail_msg("day %ld named \"%s\", want no name",
				         (long)d, got);
			continue;
		}
		expected_name(want, sizeof(want), na, nb);
		if (!got || strcmp(got, want) != 0)
			fail_msg("day %ld named \"%s\", want \"%s\"", (long)d,
			         got ? got : "(null)", want);
		assert_true(named < h.count);
		assert_int_equal(h.v[named].date, d);
		assert_string_equal(h.v[named].name, want);
		named++;
	}
	assert_int_equal(named, h.count);
	visits_free(&h);
}

/* Two calendars like England and Scotland in 2023 (names made distinct
 * where the test needs them to differ). */
static void
two_divisions(ukwd_calendar **england, ukwd_calendar **scotland)
{
	ukwd_calendar_builder *b = new_builder();

	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 1, 1),
	                                                 ymd(2024, 6, 30)),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(
	        b, ymd(2023, 1, 2), "New Year's Day (substitute day)"),
	    0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2023, 4, 10),
	                                                   "Easter Monday"),
	                 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(
	                     b, ymd(2023, 8, 28), "Summer bank holiday"),
	                 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2023, 12, 26),
	                                                   "Boxing Day"),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 6, 5), NULL), 0);
	/* a Saturday holiday in England only */
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2023, 6, 10),
	                                                   "England Saturday"),
	                 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2023, 2023, UKWD_PROVENANCE_OFFICIAL),
	                 0);
	*england = build_ok(b);
	ukwd_calendar_builder_free(b);

	b = new_builder();
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2022, 7, 1),
	                                                 ymd(2024, 3, 31)),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(
	        b, ymd(2023, 1, 2), "New Year's Day (substitute day)"),
	    0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 1, 3),
	                                      "2nd January (substitute day)"),
	    0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(
	                     b, ymd(2023, 8, 7), "Summer bank holiday"),
	                 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2023, 11, 30),
	                                                   "St Andrew's Day"),
	                 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2023, 12, 26),
	                                                   "St Stephen's Day"),
	                 0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2023, 6, 5),
	                                                   "Named in Scotland"),
	                 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2022, 2023, UKWD_PROVENANCE_PROJECTED),
	                 0);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 2024, 2024, UKWD_PROVENANCE_OFFICIAL),
	                 0);
	*scotland = build_ok(b);
	ukwd_calendar_builder_free(b);
}

static void
test_union__is_off_when_either_is_off_with_names_joined(void **state)
{
	ukwd_calendar *england, *scotland, *u = NULL, *reversed = NULL;
	ukwd_date first, last;

	(void)state;
	two_divisions(&england, &scotland);
	assert_int_equal(ukwd_calendar_union(&u, england, scotland), 0);
	ukwd_calendar_range(u, &first, &last);
	assert_int_equal(first, ymd(2023, 1, 1));
	assert_int_equal(last, ymd(2024, 3, 31));
	assert_int_equal(ukwd_calendar_weekend(u), 0x60);
	/* the same name once; different names joined in argument order */
	assert_string_equal(ukwd_calendar_holiday_name(u, ymd(2023, 1, 2)),
	                    "New Year's Day (substitute day)");
	assert_string_equal(ukwd_calendar_holiday_name(u, ymd(2023, 12, 26)),
	                    "Boxing Day; St Stephen's Day");
	/* unnamed in one, named in the other: the name */
	assert_string_equal(ukwd_calendar_holiday_name(u, ymd(2023, 6, 5)),
	                    "Named in Scotland");
	/* one side only */
	assert_string_equal(ukwd_calendar_holiday_name(u, ymd(2023, 1, 3)),
	                    "2nd January (substitute day)");
	assert_string_equal(ukwd_calendar_holiday_name(u, ymd(2023, 8, 28)),
	                    "Summer bank holiday");
	assert_string_equal(ukwd_calendar_holiday_name(u, ymd(2023, 8, 7)),
	                    "Summer bank holiday");
	assert_string_equal(ukwd_calendar_holiday_name(u, ymd(2023, 6, 10)),
	                    "England Saturday");
	assert_int_equal(ukwd_workday_is_working(u, ymd(2023, 11, 30)), 0);
	assert_int_equal(ukwd_workday_is_working(u, ymd(2023, 4, 10)), 0);
	assert_int_equal(ukwd_workday_is_working(u, ymd(2023, 4, 11)), 1);
	/* provenance: the less certain of the two, year by year */
	assert_int_equal(ukwd_calendar_provenance(u, ymd(2023, 5, 1)),
	                 UKWD_PROVENANCE_PROJECTED);
	assert_int_equal(ukwd_calendar_provenance(u, ymd(2024, 2, 1)),
	                 UKWD_PROVENANCE_OFFICIAL);
	check_combination(u, england, scotland, 1);

	assert_int_equal(ukwd_calendar_union(&reversed, scotland, england), 0);
	assert_string_equal(
	    ukwd_calendar_holiday_name(reversed, ymd(2023, 12, 26)),
	    "St Stephen's Day; Boxing Day");
	check_combination(reversed, scotland, england, 1);
	ukwd_calendar_free(u);
	ukwd_calendar_free(reversed);
	ukwd_calendar_free(england);
	ukwd_calendar_free(scotland);
}

static void
test_intersection__is_off_only_when_both_are_off(void **state)
{
	ukwd_calendar *england, *scotland, *i = NULL;
	ukwd_date first, last;

	(void)state;
	two_divisions(&england, &scotland);
	assert_int_equal(ukwd_calendar_intersection(&i, england, scotland), 0);
	ukwd_calendar_range(i, &first, &last);
	assert_int_equal(first, ymd(2023, 1, 1));
	assert_int_equal(last, ymd(2024, 3, 31));
	assert_int_equal(ukwd_calendar_weekend(i), 0x60);
	/* off in both */
	assert_int_equal(ukwd_workday_is_working(i, ymd(2023, 1, 2)), 0);
	assert_string_equal(ukwd_calendar_holiday_name(i, ymd(2023, 1, 2)),
	                    "New Year's Day (substitute day)");
	assert_string_equal(ukwd_calendar_holiday_name(i, ymd(2023, 12, 26)),
	                    "Boxing Day; St Stephen's Day");
	/* a Saturday holiday in one: off in both, keeps its name */
	assert_string_equal(ukwd_calendar_holiday_name(i, ymd(2023, 6, 10)),
	                    "England Saturday");
	/* off in one only: a working day, not a holiday */
	assert_int_equal(ukwd_workday_is_working(i, ymd(2023, 1, 3)), 1);
	assert_null(ukwd_calendar_holiday_name(i, ymd(2023, 1, 3)));
	assert_int_equal(ukwd_workday_is_working(i, ymd(2023, 8, 28)), 1);
	assert_null(ukwd_calendar_holiday_name(i, ymd(2023, 8, 28)));
	assert_int_equal(ukwd_workday_is_working(i, ymd(2023, 11, 30)), 1);
	assert_int_equal(ukwd_calendar_provenance(i, ymd(2023, 5, 1)),
	                 UKWD_PROVENANCE_PROJECTED);
	check_combination(i, england, scotland, 0);
	ukwd_calendar_free(i);
	ukwd_calendar_free(england);
	ukwd_calendar_free(scotland);
}

static void
test_combine__weekends_are_the_union_and_the_intersection(void **state)
{
	/* Friday-Saturday and Saturday-Sunday */
	ukwd_calendar *a =
	    plain_calendar(ymd(2023, 1, 1), ymd(2023, 3, 31), 0x30);
	ukwd_calendar *b =
	    plain_calendar(ymd(2023, 2, 1), ymd(2023, 6, 30), 0x60);
	ukwd_calendar *u = NULL, *i = NULL;

	(void)state;
	assert_int_equal(ukwd_calendar_union(&u, a, b), 0);
	assert_int_equal(ukwd_calendar_intersection(&i, a, b), 0);
	assert_int_equal(ukwd_calendar_weekend(u), 0x70);
	assert_int_equal(ukwd_calendar_weekend(i), 0x20);
	/* Friday 3 February: off in a; Sunday 5 February: off in b */
	assert_int_equal(ukwd_workday_is_working(u, ymd(2023, 2, 3)), 0);
	assert_int_equal(ukwd_workday_is_working(u, ymd(2023, 2, 5)), 0);
	assert_int_equal(ukwd_workday_is_working(i, ymd(2023, 2, 3)), 1);
	assert_int_equal(ukwd_workday_is_working(i, ymd(2023, 2, 5)), 1);
	assert_int_equal(ukwd_workday_is_working(i, ymd(2023, 2, 4)), 0);
	check_combination(u, a, b, 1);
	check_combination(i, a, b, 0);
	ukwd_calendar_free(u);
	ukwd_calendar_free(i);
	ukwd_calendar_free(a);
	ukwd_calendar_free(b);
}

static void
test_combine__ranges_that_do_not_overlap_are_erange(void **state)
{
	ukwd_calendar *a = plain_calendar(ymd(2023, 1, 1), ymd(2023, 6, 30),
	                                  UKWD_WEEKEND_SAT_SUN);
	/* starts the day after a ends */
	ukwd_calendar *b = plain_calendar(ymd(2023, 7, 1), ymd(2023, 12, 31),
	                                  UKWD_WEEKEND_SAT_SUN);
	ukwd_calendar *far = plain_calendar(ymd(2030, 1, 1), ymd(2030, 12, 31),
	                                    UKWD_WEEKEND_SAT_SUN);
	/* overlaps a on Friday 30 June only */
	ukwd_calendar *touch = plain_calendar(
	    ymd(2023, 6, 30), ymd(2023, 12, 31), UKWD_WEEKEND_SAT_SUN);
	ukwd_calendar *out = NULL;
	ukwd_date first, last;

	(void)state;
	assert_int_equal(ukwd_calendar_union(&out, a, b), UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_union(&out, b, a), UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_intersection(&out, a, b), UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_union(&out, a, far), UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_intersection(&out, far, a), UKWD_ERANGE);
	assert_null(out);

	assert_int_equal(ukwd_calendar_union(&out, a, touch), 0);
	ukwd_calendar_range(out, &first, &last);
	assert_int_equal(first, ymd(2023, 6, 30));
	assert_int_equal(last, ymd(2023, 6, 30));
	ukwd_calendar_free(out);
	out = NULL;
	assert_int_equal(ukwd_calendar_intersection(&out, touch, a), 0);
	ukwd_calendar_range(out, &first, &last);
	assert_int_equal(first, ymd(2023, 6, 30));
	assert_int_equal(last, ymd(2023, 6, 30));
	ukwd_calendar_free(out);
	ukwd_calendar_free(a);
	ukwd_calendar_free(b);
	ukwd_calendar_free(far);
	ukwd_calendar_free(touch);
}

static void
test_combine__rejects_null_and_a_result_with_no_working_day(void **state)
{
	/* Monday-Friday weekend and Saturday-Sunday weekend */
	ukwd_calendar *a =
	    plain_calendar(ymd(2023, 1, 1), ymd(2023, 3, 31), 0x1F);
	ukwd_calendar *b =
	    plain_calendar(ymd(2023, 1, 1), ymd(2023, 3, 31), 0x60);
	/* overlapping b on Saturday 1 April and Sunday 2 April only */
	ukwd_calendar *c =
	    plain_calendar(ymd(2023, 3, 25), ymd(2023, 4, 2), 0x60);
	ukwd_calendar *d =
	    plain_calendar(ymd(2023, 4, 1), ymd(2023, 4, 30), 0x60);
	ukwd_calendar *out = NULL;

	(void)state;
	assert_int_equal(ukwd_calendar_union(&out, a, b), UKWD_EINVAL);
	assert_null(out);
	/* the intersection of the two works every day */
	assert_int_equal(ukwd_calendar_intersection(&out, a, b), 0);
	assert_int_equal(ukwd_calendar_weekend(out), 0);
	check_combination(out, a, b, 0);
	ukwd_calendar_free(out);
	out = NULL;
	/* an overlap that is a weekend in both */
	assert_int_equal(ukwd_calendar_intersection(&out, c, d), UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_union(&out, c, d), UKWD_EINVAL);
	assert_null(out);

	assert_int_equal(ukwd_calendar_union(NULL, a, b), UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_union(&out, NULL, b), UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_union(&out, a, NULL), UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_intersection(NULL, a, b), UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_intersection(&out, NULL, b),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_intersection(&out, a, NULL),
	                 UKWD_EINVAL);
	assert_null(out);
	ukwd_calendar_free(a);
	ukwd_calendar_free(b);
	ukwd_calendar_free(c);
	ukwd_calendar_free(d);
}

/* A random calendar over a few years: weekend, holidays with names drawn
 * from a small set (so equal and different names both happen, and some
 * unnamed), provenance year by year. */
static ukwd_calendar *
random_calendar(struct test_rng *r, ukwd_date base)
{
	static const char *const names[] = {NULL, "", "Alpha", "Beta", "Gamma"};
	ukwd_calendar_builder *b = new_builder();
	ukwd_calendar *cal = NULL;
	ukwd_date first = base + (ukwd_date)test_rng_between(r, 0, 400);
	ukwd_date last = first + (ukwd_date)test_rng_between(r, 300, 1500);
	int64_t nholidays = test_rng_between(r, 0, 200);
	int rc;

	if (test_rng_between(r, 0, 1))
		assert_int_equal(
		    ukwd_calendar_builder_set_weekend(
		        b, (unsigned int)test_rng_between(r, 0, 0x7E)),
		    0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, first, last), 0);
	for (int64_t k = 0; k < nholidays; k++)
		assert_int_equal(ukwd_calendar_builder_add_holiday(
		                     b,
		                     first + (ukwd_date)test_rng_between(
		                                 r, -30, last - first + 30),
		                     names[test_rng_between(r, 0, 4)]),
		                 0);
	for (int y = year_of(first); y <= year_of(last); y++)
		assert_int_equal(
		    ukwd_calendar_builder_set_provenance(
		        b, y, y, (ukwd_provenance)test_rng_between(r, 0, 2)),
		    0);
	rc = ukwd_calendar_build(&cal, b, NULL);
	ukwd_calendar_builder_free(b);
	return rc == 0 ? cal : NULL;
}

static void
test_combine__random_pairs_agree_with_the_definitions_day_by_day(void **state)
{
	struct test_rng r = {UINT64_C(0x636F6D62696E65)};
	ukwd_date base = ymd(2001, 1, 1);
	int checked = 0;

	(void)state;
	for (int pair = 0; pair < 60; pair++) {
		ukwd_calendar *a = random_calendar(&r, base);
		ukwd_calendar *b = random_calendar(&r, base);
		ukwd_calendar *u = NULL, *i = NULL;
		int rc_u, rc_i;

		if (!a || !b) {
			ukwd_calendar_free(a);
			ukwd_calendar_free(b);
			continue;
		}
		rc_u = ukwd_calendar_union(&u, a, b);
		rc_i = ukwd_calendar_intersection(&i, a, b);
		/* the random ranges always overlap; only a result without
		 * a working day may fail */
		if (rc_u == 0)
			check_combination(u, a, b, 1);
		else
			assert_int_equal(rc_u, UKWD_EINVAL);
		if (rc_i == 0)
			check_combination(i, a, b, 0);
		else
			assert_int_equal(rc_i, UKWD_EINVAL);
		checked += (rc_u == 0) + (rc_i == 0);
		ukwd_calendar_free(u);
		ukwd_calendar_free(i);
		ukwd_calendar_free(a);
		ukwd_calendar_free(b);
	}
	assert_true(checked >= 100);
}

/* Holidays added in any order, a date added again replacing its name and
 * removals between adds, against a day-by-day reference (issue 13, item
 * 4: the builder now sorts and merges once instead of inserting in
 * place). */
static void
test_builder__any_order_later_names_win_against_a_reference(void **state)
{
	enum { SPAN = 4000, ADDS = 20000 };
	static char names[SPAN][12];
	static char want[SPAN][12];
	ukwd_date first = ymd(2000, 1, 1);
	ukwd_calendar_builder *b;
	ukwd_calendar *cal;
	unsigned int seed = 12345;

	(void)state;
	memset(want, 0, sizeof(want));
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_weekend(b, 0), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, first, first + SPAN - 1), 0);
	for (int i = 0; i < ADDS; i++) {
		int at;

		seed = seed * 1103515245u + 12345u;
		at = (int)((seed >> 8) % SPAN);
		if (i % 997 == 996 && want[at][0]) {
			/* A removal in the middle of the adds. */
			assert_int_equal(
			    ukwd_calendar_builder_remove_holiday(b, first + at),
			    0);
			want[at][0] = '\0';
			continue;
		}
		snprintf(names[at], sizeof(names[at]), "h%d", i % 50);
		assert_int_equal(
		    ukwd_calendar_builder_add_holiday(b, first + at, names[at]),
		    0);
		memcpy(want[at], names[at], sizeof(want[at]));
	}
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	for (int at = 0; at < SPAN; at++) {
		const char *got = ukwd_calendar_holiday_name(cal, first + at);

		if (want[at][0]) {
			assert_non_null(got);
			assert_string_equal(got, want[at]);
			assert_int_equal(
			    ukwd_workday_is_working(cal, first + at), 0);
		} else {
			assert_null(got);
			assert_int_equal(
			    ukwd_workday_is_working(cal, first + at), 1);
		}
	}
	ukwd_calendar_free(cal);
	/* The builder answers the same after a build, and built twice. */
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	for (int at = 0; at < SPAN; at++)
		assert_int_equal(ukwd_calendar_holiday_name(cal, first + at) !=
		                     NULL,
		                 want[at][0] != '\0');
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

/* Compare every day of [first, first + span) of cal with want[] (NULL:
 * no holiday; "" an unnamed one). */
static void
assert_days_named(const ukwd_calendar *cal, ukwd_date first, int span,
                  const char *const *want)
{
	for (int at = 0; at < span; at++) {
		const char *got = ukwd_calendar_holiday_name(cal, first + at);

		if (want[at]) {
			assert_non_null(got);
			assert_string_equal(got, want[at]);
		} else {
			assert_null(got);
		}
	}
}

/* The shapes the builder's sort takes whole (issue 13, second pass):
 * runs of falling dates, batches added in order one after another, days
 * outside the range among them and dates added again, on top of days
 * already sorted; against a day-by-day reference, built before and
 * after more adds. */
static void
test_builder__falling_runs_and_batches_against_a_reference(void **state)
{
	enum { SPAN = 600, OUTSIDE = 200, ROUNDS = 40 };
	static const char *const names[] = {"", "a", "b", "c", "d"};
	static const char *want[SPAN];
	ukwd_date first = ymd(2010, 1, 1);
	struct test_rng rng = {77};

	(void)state;
	for (int round = 0; round < ROUNDS; round++) {
		ukwd_calendar_builder *b = new_builder();
		ukwd_calendar *cal;
		int batches = (int)test_rng_between(&rng, 1, 12);

		memset(want, 0, sizeof(want));
		assert_int_equal(ukwd_calendar_builder_set_weekend(b, 0), 0);
		assert_int_equal(
		    ukwd_calendar_builder_set_range(b, first, first + SPAN - 1),
		    0);
		for (int batch = 0; batch < batches; batch++) {
			/* A run from `start`, rising or falling by `step`,
			 * reaching outside the range at either end. */
			int start = (int)test_rng_between(&rng, -OUTSIDE,
			                                  SPAN + OUTSIDE - 1);
			int length = (int)test_rng_between(&rng, 1, 150);
			int step = (int)test_rng_between(&rng, 1, 3) *
			           (test_rng_between(&rng, 0, 1) ? 1 : -1);
			const char *name = names[test_rng_below(&rng, 5)];

			for (int i = 0, at = start; i < length;
			     i++, at += step) {
				assert_int_equal(
				    ukwd_calendar_builder_add_holiday(
				        b, first + at, name),
				    0);
				if (at >= 0 && at < SPAN)
					want[at] = name;
			}
			/* Now and then a removal: the days so far get sorted,
			 * and what follows is added on top of them. */
			if (test_rng_between(&rng, 0, 3) == 0) {
				int at = (int)test_rng_below(&rng, SPAN);

				assert_int_equal(
				    ukwd_calendar_builder_remove_holiday(
				        b, first + at),
				    want[at] ? 0 : UKWD_ENOTFOUND);
				want[at] = NULL;
			}
			if (batch == batches / 2) {
				cal = build_ok(b);
				assert_days_named(cal, first, SPAN, want);
				ukwd_calendar_free(cal);
			}
		}
		cal = build_ok(b);
		assert_days_named(cal, first, SPAN, want);
		ukwd_calendar_free(cal);
		ukwd_calendar_builder_free(b);
	}
}

/* Events that overlap, come in any order and repeat (RDATE), imported on
 * top of days the builder has (issue 13, second pass: the importer hands
 * the builder each day once, the latest event's name): the same calendar
 * as adding every day of every event in file order, one at a time. The
 * range starts EARLY days before any event, so that it keeps a working
 * day. */
static void
test_import__overlapping_events_later_names_win_against_a_reference(
    void **state)
{
	enum { SPAN = 400, EARLY = 150, ROUNDS = 60, TEXT = 16384 };
	static const char *const names[] = {"", "A", "B", "C"};
	static const char *want[SPAN];
	static char text[TEXT];
	ukwd_date first = ymd(2020, 1, 1), last = first + SPAN - 1;
	struct test_rng rng = {2024};

	(void)state;
	for (int round = 0; round < ROUNDS; round++) {
		/* Shape 0: anywhere; 1: apart, in date order; 2: apart,
		 * newest first. */
		int shape = round % 3;
		int events = (int)test_rng_between(&rng, 1, 25);
		ukwd_calendar_builder *b = new_builder(), *ref = new_builder();
		ukwd_calendar *got, *expected;
		ukwd_diag diag;
		int len = snprintf(text, TEXT,
		                   "BEGIN:VCALENDAR\r\nVERSION:2.0"
		                   "\r\nPRODID:-//test//EN\r\n");

		memset(want, 0, sizeof(want));
		assert_int_equal(ukwd_calendar_builder_set_weekend(b, 0), 0);
		assert_int_equal(ukwd_calendar_builder_set_weekend(ref, 0), 0);
		assert_int_equal(
		    ukwd_calendar_builder_set_range(b, first - EARLY, last), 0);
		assert_int_equal(
		    ukwd_calendar_builder_set_range(ref, first - EARLY, last),
		    0);
		/* Days the builders hold already, in any order. */
		for (int i = (int)test_rng_between(&rng, 0, 30); i > 0; i--) {
			int at = (int)test_rng_below(&rng, SPAN);

			assert_int_equal(ukwd_calendar_builder_add_holiday(
			                     b, first + at, "before"),
			                 0);
			assert_int_equal(ukwd_calendar_builder_add_holiday(
			                     ref, first + at, "before"),
			                 0);
			want[at] = "before";
		}
		for (int e = 0; e < events; e++) {
			const char *name = names[test_rng_below(&rng, 4)];
			int starts[4], nstarts = 1, length;

			if (shape == 0) {
				length = (int)test_rng_between(&rng, 1, 90);
				starts[0] = (int)test_rng_between(&rng, -100,
				                                  SPAN + 20);
				nstarts += (int)test_rng_between(&rng, 0, 3);
				for (int i = 1; i < nstarts; i++)
					starts[i] = (int)test_rng_between(
					    &rng, -100, SPAN + 20);
			} else {
				int slot = shape == 1 ? e : events - 1 - e;

				length = (int)test_rng_between(&rng, 1, 10);
				starts[0] = slot * (SPAN / events) +
				            (int)test_rng_between(&rng, 0, 3);
				if (starts[0] + length >
				    (slot + 1) * (SPAN / events))
					length = 1;
			}
			len += snprintf(text + len, (size_t)(TEXT - len),
			                "BEGIN:VEVENT\r\nUID:%d@test\r\n"
			                "DTSTAMP:20240101T000000Z\r\n",
			                e);
			for (int i = 0; i < nstarts; i++) {
				int y, m, d;

				ukwd_date_to_ymd(first + starts[i], &y, &m, &d);
				len +=
				    snprintf(text + len, (size_t)(TEXT - len),
				             "%s;VALUE=DATE:%04d%02d%02d\r\n",
				             i ? "RDATE" : "DTSTART", y, m, d);
			}
			{
				int y, m, d;

				ukwd_date_to_ymd(first + starts[0] + length, &y,
				                 &m, &d);
				len += snprintf(
				    text + len, (size_t)(TEXT - len),
				    "DTEND;VALUE=DATE:%04d%02d%02d\r\n", y, m,
				    d);
			}
			if (*name)
				len +=
				    snprintf(text + len, (size_t)(TEXT - len),
				             "SUMMARY:%s\r\n", name);
			len += snprintf(text + len, (size_t)(TEXT - len),
			                "END:VEVENT\r\n");
			assert_true(len < TEXT - 200);
			for (int i = 0; i < nstarts; i++)
				for (int at = starts[i];
				     at < starts[i] + length; at++) {
					if (at >= SPAN)
						continue;
					assert_int_equal(
					    ukwd_calendar_builder_add_holiday(
					        ref, first + at, name),
					    0);
					if (at >= 0)
						want[at] = name;
				}
		}
		len += snprintf(text + len, (size_t)(TEXT - len),
		                "END:VCALENDAR\r\n");
		assert_int_equal(
		    ukwd_ical_import(b, text, (size_t)len, 0, &diag), 0);
		got = build_ok(b);
		expected = build_ok(ref);
		assert_days_named(got, first, SPAN, want);
		assert_days_named(expected, first, SPAN, want);
		for (ukwd_date d = first - EARLY; d < first; d++) {
			const char *a = ukwd_calendar_holiday_name(got, d);
			const char *z = ukwd_calendar_holiday_name(expected, d);

			assert_true(a ? z && strcmp(a, z) == 0 : !z);
		}
		ukwd_calendar_free(got);
		ukwd_calendar_free(expected);
		ukwd_calendar_builder_free(b);
		ukwd_calendar_builder_free(ref);
	}
}

/* One event over 1971-9999 with a 300-byte title (issue 13, item 3): the
 * calendar holds the title once, shared by every day, and two such events
 * in one file are more days than one import may hold. */
static void
test_import__a_whole_range_event_shares_one_name_and_a_cap_holds(void **state)
{
	static const char head[] =
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";
	static const char event[] =
	    "BEGIN:VEVENT\r\nUID:%d@test\r\nDTSTAMP:20240101T000000Z\r\n"
	    "DTSTART;VALUE=DATE:19710101\r\nDTEND;VALUE=DATE:99991231\r\n"
	    "SUMMARY:%s\r\nEND:VEVENT\r\n";
	char title[301], text[2048];
	ukwd_calendar_builder *b;
	ukwd_calendar *cal;
	ukwd_diag diag;
	int len;

	(void)state;
	memset(title, 'T', 300);
	title[300] = '\0';
	len = snprintf(text, sizeof(text), "%s", head);
	len +=
	    snprintf(text + len, sizeof(text) - (size_t)len, event, 1, title);
	len += snprintf(text + len, sizeof(text) - (size_t)len,
	                "END:VCALENDAR\r\n");
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, ymd(1971, 1, 1), UKWD_DATE_MAX),
	    0);
	assert_int_equal(ukwd_ical_import(b, text, (size_t)len, 0, &diag), 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, &diag), 0);
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(1971, 1, 1)),
	                    title);
	/* The same bytes, not a copy per day. */
	assert_ptr_equal(ukwd_calendar_holiday_name(cal, ymd(1971, 1, 1)),
	                 ukwd_calendar_holiday_name(cal, ymd(9999, 12, 30)));
	assert_ptr_equal(ukwd_calendar_holiday_name(cal, ymd(1971, 1, 1)),
	                 ukwd_calendar_holiday_name(cal, ymd(5000, 6, 15)));
	ukwd_calendar_free(cal);

	/* Two of them: about 5.8 million days, over the cap of 4 million. */
	len = snprintf(text, sizeof(text), "%s", head);
	for (int i = 1; i <= 2; i++)
		len += snprintf(text + len, sizeof(text) - (size_t)len, event,
		                i, title);
	len += snprintf(text + len, sizeof(text) - (size_t)len,
	                "END:VCALENDAR\r\n");
	assert_int_equal(ukwd_ical_import(b, text, (size_t)len, 0, &diag),
	                 UKWD_ERANGE);
	/* The builder is as the first import left it. */
	assert_int_equal(ukwd_calendar_build(&cal, b, &diag), 0);
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2000, 1, 3)),
	                    title);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_builder__defaults_to_a_saturday_sunday_weekend_and_no_holidays),
	    cmocka_unit_test(test_set_weekend__accepts_every_mask_below_0x7f),
	    cmocka_unit_test(
	        test_set_weekend__rejects_all_seven_days_and_higher_bits_leaving_the_builder_unchanged),
	    cmocka_unit_test(
	        test_set_weekend__zero_makes_every_day_a_working_day),
	    cmocka_unit_test(
	        test_set_range__rejects_bad_ranges_leaving_the_builder_unchanged),
	    cmocka_unit_test(
	        test_set_range__accepts_the_whole_date_range_and_a_single_day),
	    cmocka_unit_test(
	        test_add_holiday__replaces_the_name_of_an_existing_holiday),
	    cmocka_unit_test(test_add_holiday__copies_the_name),
	    cmocka_unit_test(
	        test_add_holiday__null_and_empty_names_are_unnamed_holidays),
	    cmocka_unit_test(
	        test_add_holiday__rejects_dates_outside_0001_to_9999),
	    cmocka_unit_test(
	        test_remove_holiday__makes_a_holiday_an_ordinary_day_again),
	    cmocka_unit_test(test_remove_holiday__not_found_changes_nothing),
	    cmocka_unit_test(
	        test_build__without_a_range_is_einval_with_a_diag_message),
	    cmocka_unit_test(
	        test_build__of_a_range_with_no_working_day_is_einval),
	    cmocka_unit_test(test_build__clears_the_diag_on_success),
	    cmocka_unit_test(test_build__leaves_out_holidays_outside_the_range),
	    cmocka_unit_test(
	        test_build__twice_gives_equal_calendars_and_leaves_the_builder_unchanged),
	    cmocka_unit_test(
	        test_holiday_name__is_null_for_weekend_days_and_ordinary_days),
	    cmocka_unit_test(test_foreach_holiday__visits_in_date_order),
	    cmocka_unit_test(
	        test_foreach_holiday__clips_to_the_window_and_the_range),
	    cmocka_unit_test(test_foreach_holiday__stops_early_with_euser),
	    cmocka_unit_test(
	        test_foreach_holiday__rejects_null_and_a_reversed_window),
	    cmocka_unit_test(test_provenance__is_recorded_per_year),
	    cmocka_unit_test(
	        test_provenance__rejects_bad_years_and_values_leaving_the_builder_unchanged),
	    cmocka_unit_test(test_provenance__covers_the_first_and_last_years),
	    cmocka_unit_test(
	        test_builder_new_from__rebuilds_an_identical_calendar),
	    cmocka_unit_test(
	        test_union__is_off_when_either_is_off_with_names_joined),
	    cmocka_unit_test(test_intersection__is_off_only_when_both_are_off),
	    cmocka_unit_test(
	        test_combine__weekends_are_the_union_and_the_intersection),
	    cmocka_unit_test(
	        test_combine__ranges_that_do_not_overlap_are_erange),
	    cmocka_unit_test(
	        test_combine__rejects_null_and_a_result_with_no_working_day),
	    cmocka_unit_test(
	        test_combine__random_pairs_agree_with_the_definitions_day_by_day),
	    cmocka_unit_test(
	        test_builder__any_order_later_names_win_against_a_reference),
	    cmocka_unit_test(
	        test_builder__falling_runs_and_batches_against_a_reference),
	    cmocka_unit_test(
	        test_import__overlapping_events_later_names_win_against_a_reference),
	    cmocka_unit_test(
	        test_import__a_whole_range_event_shares_one_name_and_a_cap_holds),
	};

	return cmocka_run_group_tests_name("calendar", tests, NULL, NULL);
}
