/* The edges of the date range.
 *
 * Calendars over the whole range libukwd accepts, 0001-01-01 to
 * 9999-12-31, with a five-day week and holidays at both ends and across
 * the range, with a one-day week (sparse working days) and with no weekend
 * at all. Each is checked day by day against a plain array of working
 * days kept by this file, and add, count and roll are checked at both ends
 * against a reference that walks day by day: n = 0, +-1, +-2, +-(2^31-1),
 * INT32_MIN, and the largest n that still answers. Then the memory such a
 * calendar takes, from the layout documented in ukwd/calendar.h and from
 * the process's peak resident set. Last, schedules whose dates would
 * leave the calendar's range must fail with UKWD_ERANGE and a diag naming
 * the task. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include <ukwd.h>

#include "test-util.h"

#define NDAYS ((int64_t)UKWD_DATE_MAX - UKWD_DATE_MIN + 1) /* 3652059 */

/* ------------------------------------------------------------------ */
/* Helpers */

/* ISO weekday without the library: 1970-01-01 (0) was a Thursday. */
static int
weekday_of(int64_t d)
{
	return (int)(((d + 3) % 7 + 7) % 7) + 1;
}

/* A calendar over the whole range and the same calendar as one byte a
 * day, index d - UKWD_DATE_MIN. */
struct full {
	ukwd_calendar *cal;
	unsigned char *working;
	int64_t total;
	size_t nholidays, name_bytes;
};

static int
ref_working(const struct full *f, int64_t d)
{
	return f->working[d - UKWD_DATE_MIN];
}

static int
in_range(int64_t d)
{
	return d >= UKWD_DATE_MIN && d <= UKWD_DATE_MAX;
}

/* ukwd_workday_add() by walking day by day. */
static int
ref_add(int64_t *out, const struct full *f, int64_t from, int64_t n)
{
	int step = n > 0 ? 1 : -1;
	int64_t left = n > 0 ? n : -n;

	if (!in_range(from))
		return UKWD_ERANGE;
	if (n == 0) {
		if (!ref_working(f, from))
			return UKWD_EINVAL;
		*out = from;
		return 0;
	}
	if (left > f->total) /* there are not that many working days */
		return UKWD_ERANGE;
	for (int64_t d = from + step; in_range(d); d += step) {
		if (ref_working(f, d) && --left == 0) {
			*out = d;
			return 0;
		}
	}
	return UKWD_ERANGE;
}

/* ukwd_workday_count() by walking day by day. */
static int
ref_count(int64_t *out, const struct full *f, int64_t from, int64_t to)
{
	int64_t lo = from < to ? from : to, hi = from < to ? to : from, n = 0;

	if (from < UKWD_DATE_MIN || from > (int64_t)UKWD_DATE_MAX + 1 ||
	    to < UKWD_DATE_MIN || to > (int64_t)UKWD_DATE_MAX + 1)
		return UKWD_ERANGE;
	for (int64_t d = lo; d < hi; d++)
		n += ref_working(f, d);
	*out = from <= to ? n : -n;
	return 0;
}

static void
full_free(struct full *f)
{
	ukwd_calendar_free(f->cal);
	free(f->working);
	memset(f, 0, sizeof(*f));
}

/* Build over 0001-01-01..9999-12-31 with this weekend and holidays, and
 * the byte-a-day reference beside it. */
static void
full_build(struct full *f, unsigned int weekend, const ukwd_date *holidays,
           size_t nholidays, const char *name)
{
	ukwd_calendar_builder *b = NULL;
	ukwd_diag diag;
	ukwd_date first, last;

	memset(f, 0, sizeof(*f));
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_weekend(b, weekend), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN, UKWD_DATE_MAX),
	    0);
	f->working = malloc((size_t)NDAYS);
	assert_non_null(f->working);
	for (int64_t d = UKWD_DATE_MIN; d <= UKWD_DATE_MAX; d++)
		f->working[d - UKWD_DATE_MIN] =
		    !(weekend & (1u << (weekday_of(d) - 1)));
	for (size_t i = 0; i < nholidays; i++) {
		assert_int_equal(
		    ukwd_calendar_builder_add_holiday(b, holidays[i], name), 0);
		f->working[holidays[i] - UKWD_DATE_MIN] = 0;
	}
	f->nholidays = nholidays;
	f->name_bytes = nholidays * (strlen(name) + 1);
	for (int64_t i = 0; i < NDAYS; i++)
		f->total += f->working[i];
	assert_int_equal(ukwd_calendar_build(&f->cal, b, &diag), 0);
	ukwd_calendar_builder_free(b);
	ukwd_calendar_range(f->cal, &first, &last);
	assert_int_equal(first, UKWD_DATE_MIN);
	assert_int_equal(last, UKWD_DATE_MAX);
}

/* Every day of the range, and one on each side, against the reference. */
static void
check_every_day(const struct full *f)
{
	size_t n = (size_t)NDAYS + 2;
	ukwd_date *dates = malloc(n * sizeof(*dates));
	unsigned char *out = malloc(n);
	int *status = malloc(n * sizeof(*status));
	int32_t count = -1;
	size_t wrong = 0;

	assert_non_null(dates);
	assert_non_null(out);
	assert_non_null(status);
	for (size_t i = 0; i < n; i++)
		dates[i] = UKWD_DATE_MIN - 1 + (ukwd_date)i;
	assert_int_equal(
	    ukwd_workday_is_working_batch(out, status, f->cal, dates, n),
	    UKWD_ERANGE);
	assert_int_equal(status[0], UKWD_ERANGE);
	assert_int_equal(status[n - 1], UKWD_ERANGE);
	for (size_t i = 1; i + 1 < n; i++)
		wrong += status[i] != 0 || out[i] != ref_working(f, dates[i]);
	assert_int_equal(wrong, 0);
	/* A sample one at a time, the ends included. */
	for (int64_t d = UKWD_DATE_MIN; d <= UKWD_DATE_MAX; d += 997)
		assert_int_equal(ukwd_workday_is_working(f->cal, (ukwd_date)d),
		                 ref_working(f, d));
	assert_int_equal(ukwd_workday_is_working(f->cal, UKWD_DATE_MAX),
	                 ref_working(f, UKWD_DATE_MAX));
	assert_int_equal(ukwd_workday_is_working(f->cal, UKWD_DATE_MIN - 1),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_is_working(f->cal, UKWD_DATE_MAX + 1),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_count(&count, f->cal, UKWD_DATE_MIN,
	                                    UKWD_DATE_MAX + 1),
	                 0);
	assert_int_equal(count, f->total);
	free(dates);
	free(out);
	free(status);
}

/* add at the ends, for the n people get wrong, against the walk. */
static void
check_add_at_the_ends(const struct full *f)
{
	const int64_t total = f->total;
	const int64_t ns[] = {0,          1,
	                      -1,         2,
	                      -2,         3,
	                      -3,         INT32_MAX,
	                      -INT32_MAX, INT32_MIN,
	                      total,      -total,
	                      total - 1,  -(total - 1),
	                      total + 1,  -(total + 1)};
	const int64_t froms[] = {UKWD_DATE_MIN,     UKWD_DATE_MIN + 1,
	                         UKWD_DATE_MIN + 2, UKWD_DATE_MIN + 3,
	                         UKWD_DATE_MAX - 3, UKWD_DATE_MAX - 2,
	                         UKWD_DATE_MAX - 1, UKWD_DATE_MAX,
	                         UKWD_DATE_MIN - 1, UKWD_DATE_MAX + 1};
	size_t nfrom = sizeof(froms) / sizeof(froms[0]);
	size_t nn = sizeof(ns) / sizeof(ns[0]);
	ukwd_date bfrom[16 * 10], bout[16 * 10];
	int32_t bn[16 * 10];
	int bstatus[16 * 10], answered = 0, erange = 0, batch_rc, first_rc = 0;
	size_t k = 0;

	for (size_t i = 0; i < nfrom; i++) {
		for (size_t j = 0; j < nn; j++, k++) {
			const ukwd_date sentinel = 12345;
			ukwd_date got = sentinel;
			int64_t want = sentinel;
			int rc, want_rc;

			bfrom[k] = (ukwd_date)froms[i];
			bn[k] = (int32_t)ns[j];
			want_rc = ref_add(&want, f, froms[i], ns[j]);
			rc = ukwd_workday_add(&got, f->cal, bfrom[k], bn[k]);
			if (rc != want_rc || got != want)
				fail_msg("add(%lld, %lld): got %d (%s), want "
				         "%lld (%s)",
				         (long long)froms[i], (long long)ns[j],
				         (int)got, ukwd_err_name(rc),
				         (long long)want,
				         ukwd_err_name(want_rc));
			answered += rc == 0;
			erange += rc == UKWD_ERANGE;
		}
	}
	/* Both kinds of answer happen, or the list above tests nothing. */
	assert_true(answered > 20);
	assert_true(erange > 20);
	/* The batch gives the same answers; a failed element keeps its
	 * from; the batch returns the first element's error. */
	batch_rc = ukwd_workday_add_batch(bout, bstatus, f->cal, bfrom, bn, k);
	for (size_t i = 0; i < k; i++) {
		ukwd_date one = bfrom[i];
		int rc = ukwd_workday_add(&one, f->cal, bfrom[i], bn[i]);

		if (first_rc == 0)
			first_rc = rc;
		assert_int_equal(bstatus[i], rc);
		assert_int_equal(bout[i], rc ? bfrom[i] : one);
	}
	assert_int_equal(batch_rc, first_rc);
	assert_true(first_rc != 0);
}

/* count and count_inclusive at the ends. */
static void
check_count_at_the_ends(const struct full *f)
{
	const int64_t lo = UKWD_DATE_MIN, hi = (int64_t)UKWD_DATE_MAX + 1;
	const int64_t points[] = {lo - 1, lo,     lo + 1, lo + 2, lo + 9,
	                          hi - 9, hi - 2, hi - 1, hi,     hi + 1};
	size_t np = sizeof(points) / sizeof(points[0]);
	int32_t got;

	for (size_t i = 0; i < np; i++) {
		for (size_t j = 0; j < np; j++) {
			int64_t want = -7;
			int want_rc = ref_count(&want, f, points[i], points[j]);
			int rc;

			got = -7;
			rc = ukwd_workday_count(&got, f->cal,
			                        (ukwd_date)points[i],
			                        (ukwd_date)points[j]);
			if (rc != want_rc || got != want)
				fail_msg("count(%lld, %lld): got %d (%s), want "
				         "%lld (%s)",
				         (long long)points[i],
				         (long long)points[j], (int)got,
				         ukwd_err_name(rc), (long long)want,
				         ukwd_err_name(want_rc));
		}
	}
	assert_int_equal(ukwd_workday_count_inclusive(
	                     &got, f->cal, UKWD_DATE_MIN, UKWD_DATE_MAX),
	                 0);
	assert_int_equal(got, f->total);
	assert_int_equal(ukwd_workday_count_inclusive(
	                     &got, f->cal, UKWD_DATE_MAX, UKWD_DATE_MAX + 1),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_count_inclusive(
	                     &got, f->cal, UKWD_DATE_MIN - 1, UKWD_DATE_MIN),
	                 UKWD_ERANGE);
}

/* Random adds and counts across the whole range against prefix sums. */
static void
check_random_queries(const struct full *f)
{
	int32_t *prefix = malloc(((size_t)NDAYS + 1) * sizeof(*prefix));
	int32_t *nth = malloc((size_t)f->total * sizeof(*nth));
	uint64_t state = 20260101;

	assert_non_null(prefix);
	assert_non_null(nth);
	prefix[0] = 0;
	for (int64_t i = 0, r = 0; i < NDAYS; i++) {
		if (f->working[i])
			nth[r++] = (int32_t)i;
		prefix[i + 1] = prefix[i] + f->working[i];
	}
	for (int q = 0; q < 20000; q++) {
		int64_t a, b, n, target, want;
		ukwd_date got;
		int32_t count;

		state =
		    state * UINT64_C(6364136223846793005) + 1442695040888963407;
		a = (int64_t)((state >> 11) % (uint64_t)NDAYS);
		state =
		    state * UINT64_C(6364136223846793005) + 1442695040888963407;
		b = (int64_t)((state >> 11) % (uint64_t)(NDAYS + 1));
		state =
		    state * UINT64_C(6364136223846793005) + 1442695040888963407;
		n = (int64_t)((state >> 11) % (uint64_t)(2 * f->total + 1)) -
		    f->total;
		assert_int_equal(
		    ukwd_workday_count(&count, f->cal,
		                       (ukwd_date)(UKWD_DATE_MIN + a),
		                       (ukwd_date)(UKWD_DATE_MIN + b)),
		    0);
		assert_int_equal(count, prefix[b] - prefix[a]);
		/* The n-th working day after a (n > 0) or before it. */
		target = n > 0 ? prefix[a + 1] + n - 1 : prefix[a] + n;
		if (n == 0) {
			want = f->working[a] ? a : -1;
		} else if (target < 0 || target >= f->total) {
			want = -2;
		} else {
			want = nth[target];
		}
		got = 7;
		switch (ukwd_workday_add(
		    &got, f->cal, (ukwd_date)(UKWD_DATE_MIN + a), (int32_t)n)) {
		case 0:
			assert_int_equal(got - UKWD_DATE_MIN, want);
			break;
		case UKWD_EINVAL:
			assert_int_equal(want, -1);
			break;
		case UKWD_ERANGE:
			assert_int_equal(want, -2);
			break;
		default:
			fail();
		}
	}
	free(prefix);
	free(nth);
}

/* The roll conventions at the two ends. */
static void
check_roll_at_the_ends(const struct full *f)
{
	const ukwd_date ends[] = {UKWD_DATE_MIN, UKWD_DATE_MIN + 1,
	                          UKWD_DATE_MAX - 1, UKWD_DATE_MAX};

	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		for (int conv = 0; conv < 4; conv++) {
			ukwd_date d = ends[i], got = 99, want;
			int64_t fwd = 0, back = 0;
			int rf, rb, want_rc, rc;

			rf = ref_working(f, d) ? (fwd = d, 0)
			                       : ref_add(&fwd, f, d, 1);
			rb = ref_working(f, d) ? (back = d, 0)
			                       : ref_add(&back, f, d, -1);
			/* Modified: stay in d's month, else go the other way
			 * (the range ends at a month's end on both sides). */
			if (conv == UKWD_ROLL_FOLLOWING ||
			    (conv == UKWD_ROLL_MODIFIED_FOLLOWING && rf == 0 &&
			     same_month(fwd, d))) {
				want_rc = rf;
				want = (ukwd_date)fwd;
			} else if (conv == UKWD_ROLL_MODIFIED_FOLLOWING ||
			           conv == UKWD_ROLL_PRECEDING ||
			           (rb == 0 && same_month(back, d))) {
				want_rc = rb;
				want = (ukwd_date)back;
			} else {
				want_rc = rf;
				want = (ukwd_date)fwd;
			}
			rc =
			    ukwd_workday_roll(&got, f->cal, d, (ukwd_roll)conv);
			assert_int_equal(rc, want_rc);
			if (rc == 0)
				assert_int_equal(got, want);
			else
				assert_int_equal(got, 99);
		}
	}
	/* Outside the range there is nothing to roll. */
	for (int conv = 0; conv < 4; conv++) {
		ukwd_date got;

		assert_int_equal(ukwd_workday_roll(&got, f->cal,
		                                   UKWD_DATE_MIN - 1,
		                                   (ukwd_roll)conv),
		                 UKWD_ERANGE);
		assert_int_equal(ukwd_workday_roll(&got, f->cal,
		                                   UKWD_DATE_MAX + 1,
		                                   (ukwd_roll)conv),
		                 UKWD_ERANGE);
	}
}

static void
check_all(const struct full *f)
{
	check_every_day(f);
	check_add_at_the_ends(f);
	check_count_at_the_ends(f);
	check_random_queries(f);
	check_roll_at_the_ends(f);
}

/* ------------------------------------------------------------------ */
/* Full-range calendars */

/* The range's ends, weekdays by the proleptic Gregorian calendar. */
static void
test_range__the_ends_are_what_the_header_says(void **state)
{
	(void)state;
	assert_int_equal(ymd(1, 1, 1), UKWD_DATE_MIN);
	assert_int_equal(ymd(9999, 12, 31), UKWD_DATE_MAX);
	assert_int_equal(NDAYS, 3652059);
	assert_int_equal(weekday_of(UKWD_DATE_MIN), UKWD_MONDAY);
	assert_int_equal(weekday_of(UKWD_DATE_MAX), UKWD_FRIDAY);
	assert_int_equal(ukwd_date_weekday(UKWD_DATE_MIN), UKWD_MONDAY);
	assert_int_equal(ukwd_date_weekday(UKWD_DATE_MAX), UKWD_FRIDAY);
}

/* Saturday and Sunday off; holidays on the first two and the last two
 * days, 25 December every year and a few between. */
static void
test_range__five_day_week_with_holidays(void **state)
{
	ukwd_date *holidays = malloc((9999 + 8) * sizeof(*holidays));
	size_t n = 0;
	struct full f;
	ukwd_date d;
	int32_t count;

	(void)state;
	assert_non_null(holidays);
	holidays[n++] = ymd(1, 1, 1); /* Monday */
	holidays[n++] = ymd(1, 1, 2); /* Tuesday */
	holidays[n++] = ymd(1, 1, 5); /* Friday */
	for (int year = 1; year <= 9999; year++)
		holidays[n++] = ymd(year, 12, 25);
	holidays[n++] = ymd(1971, 1, 1);
	holidays[n++] = ymd(5000, 6, 16);
	holidays[n++] = ymd(9999, 12, 30); /* Thursday */
	holidays[n++] = ymd(9999, 12, 31); /* Friday */
	full_build(&f, UKWD_WEEKEND_SAT_SUN, holidays, n, "Holiday");
	free(holidays);

	/* The small reference, worked by hand: 0001-01-03 (Wednesday) is
	 * the first working day, 0001-01-04 the second, then 01-08 (the
	 * 5th is a holiday, the 6th and 7th a weekend). 9999-12-29
	 * (Wednesday) is the last, 12-28 and 12-27 before it; 9999-12-25 is
	 * a Saturday. */
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MIN, 1), 0);
	assert_int_equal(d, ymd(1, 1, 3));
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MIN, 2), 0);
	assert_int_equal(d, ymd(1, 1, 4));
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MIN, 3), 0);
	assert_int_equal(d, ymd(1, 1, 8));
	d = 42;
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MIN, -1),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_add(&d, f.cal, ymd(1, 1, 4), -2),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MIN, INT32_MIN),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MIN, INT32_MAX),
	                 UKWD_ERANGE);
	assert_int_equal(d, 42);
	assert_int_equal(ukwd_workday_add(&d, f.cal, ymd(1, 1, 4), -1), 0);
	assert_int_equal(d, ymd(1, 1, 3));
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MAX, -1), 0);
	assert_int_equal(d, ymd(9999, 12, 29));
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MAX, -2), 0);
	assert_int_equal(d, ymd(9999, 12, 28));
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MAX, -3), 0);
	assert_int_equal(d, ymd(9999, 12, 27));
	d = 42;
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MAX, 1),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_add(&d, f.cal, ymd(9999, 12, 28), 2),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MAX, INT32_MIN),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MAX, -INT32_MAX),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MAX, 0),
	                 UKWD_EINVAL);
	assert_int_equal(d, 42);
	/* From the first working day to the last and back. */
	assert_int_equal(
	    ukwd_workday_add(&d, f.cal, ymd(1, 1, 3), (int32_t)f.total - 1), 0);
	assert_int_equal(d, ymd(9999, 12, 29));
	assert_int_equal(ukwd_workday_add(&d, f.cal, ymd(9999, 12, 29),
	                                  -(int32_t)(f.total - 1)),
	                 0);
	assert_int_equal(d, ymd(1, 1, 3));
	assert_int_equal(
	    ukwd_workday_count(&count, f.cal, UKWD_DATE_MIN, ymd(1, 1, 9)), 0);
	assert_int_equal(count, 3);
	assert_int_equal(ukwd_workday_count(&count, f.cal, ymd(9999, 12, 25),
	                                    UKWD_DATE_MAX + 1),
	                 0);
	assert_int_equal(count, 3);
	assert_string_equal(ukwd_calendar_holiday_name(f.cal, UKWD_DATE_MAX),
	                    "Holiday");
	assert_string_equal(ukwd_calendar_holiday_name(f.cal, UKWD_DATE_MIN),
	                    "Holiday");
	assert_int_equal(ukwd_calendar_provenance(f.cal, UKWD_DATE_MAX), 0);
	check_all(&f);
	full_free(&f);
}

/* Wednesdays only: 64 working days span 448 days, so every select
 * sample is sparse (see lib/calendar-private.h). */
static void
test_range__one_day_week(void **state)
{
	const ukwd_date holidays[] = {ymd(1, 1, 3), ymd(2000, 3, 1),
	                              ymd(9999, 12, 29)};
	struct full f;
	ukwd_date d;

	(void)state;
	full_build(&f, 0x7Fu & ~UKWD_WEEKDAY_BIT(UKWD_WEDNESDAY), holidays, 3,
	           "");
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MIN, 1), 0);
	assert_int_equal(d, ymd(1, 1, 10));
	assert_int_equal(ukwd_workday_add(&d, f.cal, UKWD_DATE_MAX, -1), 0);
	assert_int_equal(d, ymd(9999, 12, 22));
	check_all(&f);
	full_free(&f);
}

/* Every day a working day: the largest calendar. */
static void
test_range__no_weekend(void **state)
{
	struct full f;
	ukwd_date d;

	(void)state;
	full_build(&f, 0, NULL, 0, "");
	assert_int_equal(f.total, NDAYS);
	assert_int_equal(
	    ukwd_workday_add(&d, f.cal, UKWD_DATE_MIN, (int32_t)NDAYS - 1), 0);
	assert_int_equal(d, UKWD_DATE_MAX);
	assert_int_equal(
	    ukwd_workday_add(&d, f.cal, UKWD_DATE_MIN, (int32_t)NDAYS),
	    UKWD_ERANGE);
	assert_int_equal(
	    ukwd_workday_add(&d, f.cal, UKWD_DATE_MAX, -(int32_t)NDAYS + 1), 0);
	assert_int_equal(d, UKWD_DATE_MIN);
	check_all(&f);
	full_free(&f);
}

/* A builder refuses dates outside the range; a union of two full-range
 * calendars is full-range too. */
static void
test_range__builder_and_union_at_the_edges(void **state)
{
	ukwd_calendar_builder *b;
	ukwd_calendar *a = NULL, *c = NULL, *u = NULL;
	ukwd_date first, last;
	int32_t count;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN - 1,
	                                                 UKWD_DATE_MAX),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN,
	                                                 UKWD_DATE_MAX + 1),
	                 UKWD_ERANGE);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, INT32_MIN, INT32_MAX),
	    UKWD_ERANGE);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, UKWD_DATE_MAX + 1, "x"),
	    UKWD_ERANGE);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, UKWD_DATE_MIN - 1, "x"),
	    UKWD_ERANGE);
	assert_int_equal(ukwd_calendar_builder_set_provenance(
	                     b, 1, 9999, UKWD_PROVENANCE_PROJECTED),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN, UKWD_DATE_MAX),
	    0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, UKWD_DATE_MAX, "Last"), 0);
	assert_int_equal(ukwd_calendar_build(&a, b, NULL), 0);
	assert_int_equal(ukwd_calendar_builder_set_weekend(b, 0), 0);
	assert_int_equal(ukwd_calendar_builder_remove_holiday(b, UKWD_DATE_MAX),
	                 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, UKWD_DATE_MIN, "First"), 0);
	assert_int_equal(ukwd_calendar_build(&c, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	assert_int_equal(ukwd_calendar_union(&u, a, c), 0);
	ukwd_calendar_range(u, &first, &last);
	assert_int_equal(first, UKWD_DATE_MIN);
	assert_int_equal(last, UKWD_DATE_MAX);
	assert_int_equal(ukwd_calendar_provenance(u, UKWD_DATE_MAX),
	                 UKWD_PROVENANCE_PROJECTED);
	assert_string_equal(ukwd_calendar_holiday_name(u, UKWD_DATE_MIN),
	                    "First");
	assert_string_equal(ukwd_calendar_holiday_name(u, UKWD_DATE_MAX),
	                    "Last");
	/* a: Mon-Fri but 9999-12-31; c: every day but 0001-01-01. */
	assert_int_equal(
	    ukwd_workday_count(&count, u, UKWD_DATE_MIN, UKWD_DATE_MAX + 1), 0);
	assert_int_equal(count, 2608615 - 2);
	assert_int_equal(
	    ukwd_workday_count(&count, a, UKWD_DATE_MIN, UKWD_DATE_MAX + 1), 0);
	assert_int_equal(count, 2608615 - 1);
	ukwd_calendar_free(a);
	ukwd_calendar_free(c);
	ukwd_calendar_free(u);
}

/* ------------------------------------------------------------------ */
/* Memory */

/* What ukwd/calendar.h says a calendar keeps, in bytes: one bit a day
 * (in 64-day words, plus a spare word) and a 4-byte rank per word; one
 * byte a working day and a 4-byte select sample per 64 of them; one byte
 * a year; 8 bytes a holiday and its name. */
static size_t
documented_bytes(int64_t days, int64_t working, int64_t years, size_t holidays,
                 size_t name_bytes)
{
	size_t words = (size_t)((days + 63) / 64) + 1;

	return words * 8 + words * 4 + (size_t)working +
	       (size_t)((working + 63) / 64) * 4 + (size_t)years +
	       holidays * 8 + 1 + name_bytes;
}

static long
max_rss_kb(void)
{
	struct rusage usage;

	if (getrusage(RUSAGE_SELF, &usage))
		return -1;
	return usage.ru_maxrss; /* kilobytes on Linux */
}

/* Build a full-range five-day-week calendar in a fresh child process and
 * report how much its peak resident set grew, in kB. */
static long
rss_growth_kb(unsigned int weekend)
{
	int fds[2];
	long growth = -1;
	pid_t pid;
	int status;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		ukwd_calendar_builder *b = NULL;
		ukwd_calendar *cal = NULL;
		long before, after;

		close(fds[0]);
		if (ukwd_calendar_builder_new(&b) ||
		    ukwd_calendar_builder_set_weekend(b, weekend) ||
		    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN,
		                                    UKWD_DATE_MAX))
			_exit(1);
		before = max_rss_kb();
		if (ukwd_calendar_build(&cal, b, NULL))
			_exit(1);
		after = max_rss_kb();
		growth = after - before;
		if (write(fds[1], &growth, sizeof(growth)) !=
		    (ssize_t)sizeof(growth))
			_exit(1);
		ukwd_calendar_free(cal);
		ukwd_calendar_builder_free(b);
		_exit(0);
	}
	close(fds[1]);
	assert_int_equal(read(fds[0], &growth, sizeof(growth)),
	                 (ssize_t)sizeof(growth));
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return growth;
}

/* Valgrind and the sanitizers keep shadow memory beside the heap: the
 * resident set then says little about the calendar. */
static int
under_a_memory_checker(void)
{
	const char *preload = getenv("LD_PRELOAD");

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
	return 1;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) ||     \
    __has_feature(memory_sanitizer)
	return 1;
#endif
#endif
	return preload && strstr(preload, "vgpreload") != NULL;
}

static void
test_range__memory_of_a_full_range_calendar(void **state)
{
	/* 0001-9999: 3652059 days, 521722 weeks and 5 days (Monday to
	 * Friday, 0001-01-01 being a Monday): 2608615 of them Monday to
	 * Friday. */
	size_t five = documented_bytes(NDAYS, 2608615, 9999, 0, 0);
	size_t seven = documented_bytes(NDAYS, NDAYS, 9999, 0, 0);
	size_t sec = documented_bytes(47482, 33916, 130, 0, 0);
	long growth;

	(void)state;
	print_message("# documented layout: %zu bytes for 0001-9999 with a "
	              "five-day week, %zu with no weekend; %zu for "
	              "1971-2100 before holidays\n",
	              five, seven, sec);
	/* calendar.h: "about 43 KB for 1971-2100 and 3.4 MB for 0001-9999
	 * with a five-day week". */
	assert_in_range(sec, 40000, 46000);
	assert_in_range(five, 3400000, 3500000);
	if (under_a_memory_checker()) {
		print_message("# resident set not measured under a memory "
		              "checker\n");
		return;
	}
	growth = rss_growth_kb(UKWD_WEEKEND_SAT_SUN);
	print_message("# peak resident set grew by %ld kB building it\n",
	              growth);
	/* Every byte of the layout is written while building, so it is all
	 * resident; and the build keeps nothing else of that size. */
	assert_in_range(growth * 1024, five * 9 / 10, five * 12 / 10 + 262144);
	growth = rss_growth_kb(0);
	print_message("# and by %ld kB with no weekend\n", growth);
	assert_in_range(growth * 1024, seven * 9 / 10,
	                seven * 12 / 10 + 262144);
}

/* ------------------------------------------------------------------ */
/* Schedules that would leave the calendar */

static size_t
add_task(ukwd_plan *plan, const char *id, int32_t days)
{
	size_t index = 0;

	assert_int_equal(ukwd_plan_add_task(&index, plan, id, NULL, days, NULL),
	                 0);
	return index;
}

static void
add_link(ukwd_plan *plan, size_t pred, size_t succ, ukwd_link_type type,
         int32_t lag)
{
	assert_int_equal(
	    ukwd_plan_add_link(NULL, plan, pred, succ, type, lag, NULL, NULL),
	    0);
}

/* Schedule and expect UKWD_ERANGE with a diag that names the task and
 * says this. */
static void
assert_range_error(const ukwd_plan *plan, const ukwd_calendar *cal,
                   ukwd_date date, ukwd_schedule_direction direction,
                   const char *task, const char *says)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_schedule *s = NULL;
	ukwd_diag diag;
	char named[80];

	options.direction = direction;
	assert_int_equal(
	    ukwd_schedule_new(&s, plan, cal, date, &options, &diag),
	    UKWD_ERANGE);
	assert_null(s);
	assert_int_equal(diag.code, UKWD_ERANGE);
	snprintf(named, sizeof(named), "task '%s'", task);
	if (!strstr(diag.message, named) || !strstr(diag.message, says))
		fail_msg("diag \"%s\" should name %s and say \"%s\"",
		         diag.message, named, says);
}

static ukwd_schedule *
schedule_ok(const ukwd_plan *plan, const ukwd_calendar *cal, ukwd_date date,
            ukwd_schedule_direction direction)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_schedule *s = NULL;
	ukwd_diag diag;

	options.direction = direction;
	if (ukwd_schedule_new(&s, plan, cal, date, &options, &diag))
		fail_msg("schedule failed: %s", diag.message);
	return s;
}

/* A plan of "setup" (5 days) and "long" (d days), one finish to start
 * after the other: "long" last, or first. */
static ukwd_plan *
two_task_plan(int32_t d, int long_first)
{
	ukwd_plan *plan = NULL;
	size_t setup, lng;

	assert_int_equal(ukwd_plan_new(&plan), 0);
	setup = add_task(plan, "setup", 5);
	lng = add_task(plan, "long", d);
	if (long_first)
		add_link(plan, lng, setup, UKWD_LINK_FS, 0);
	else
		add_link(plan, setup, lng, UKWD_LINK_FS, 0);
	return plan;
}

/* Forward near the end and backward near the start of a calendar: the
 * longest task that fits ends on the last (starts on the first) working
 * day; one day more is UKWD_ERANGE naming it. */
static void
check_schedule_edges(const ukwd_calendar *cal, ukwd_date start,
                     ukwd_date finish)
{
	ukwd_date first, last, last_working, first_working;
	ukwd_scheduled_task st;
	ukwd_schedule *s;
	ukwd_plan *plan;
	int32_t left, before;

	ukwd_calendar_range(cal, &first, &last);
	assert_int_equal(
	    ukwd_workday_roll(&last_working, cal, last, UKWD_ROLL_PRECEDING),
	    0);
	assert_int_equal(
	    ukwd_workday_roll(&first_working, cal, first, UKWD_ROLL_FOLLOWING),
	    0);
	/* Forward: working days from start to the end, 5 for setup. */
	assert_int_equal(ukwd_workday_count(&left, cal, start, last + 1), 0);
	plan = two_task_plan(left - 5, 0);
	s = schedule_ok(plan, cal, start, UKWD_SCHEDULE_FORWARD);
	assert_int_equal(ukwd_schedule_task(&st, s, 1), 0);
	assert_int_equal(st.early_finish, last_working);
	ukwd_schedule_free(s);
	ukwd_plan_free(plan);
	plan = two_task_plan(left - 4, 0);
	assert_range_error(plan, cal, start, UKWD_SCHEDULE_FORWARD, "long",
	                   "early finish would be after");
	ukwd_plan_free(plan);
	plan = two_task_plan(UKWD_PLAN_MAX_WORKING_DAYS, 0);
	assert_range_error(plan, cal, start, UKWD_SCHEDULE_FORWARD, "long",
	                   "early finish would be after");
	ukwd_plan_free(plan);

	/* Backward: "long" then "setup" up to finish. */
	assert_int_equal(ukwd_workday_count(&before, cal, first, finish + 1),
	                 0);
	plan = two_task_plan(before - 5, 1);
	s = schedule_ok(plan, cal, finish, UKWD_SCHEDULE_BACKWARD);
	assert_int_equal(ukwd_schedule_task(&st, s, 1), 0);
	assert_int_equal(st.late_start, first_working);
	assert_int_equal(st.early_start, first_working);
	ukwd_schedule_free(s);
	ukwd_plan_free(plan);
	plan = two_task_plan(before - 4, 1);
	assert_range_error(plan, cal, finish, UKWD_SCHEDULE_BACKWARD, "long",
	                   "late start would be before");
	ukwd_plan_free(plan);
	plan = two_task_plan(UKWD_PLAN_MAX_WORKING_DAYS, 1);
	assert_range_error(plan, cal, finish, UKWD_SCHEDULE_BACKWARD, "long",
	                   "late start would be before");
	ukwd_plan_free(plan);
}

static void
test_range__schedules_at_the_ends_of_a_full_range_calendar(void **state)
{
	ukwd_calendar_builder *b;
	ukwd_calendar *cal = NULL;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN, UKWD_DATE_MAX),
	    0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, UKWD_DATE_MAX, NULL), 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	check_schedule_edges(cal, ymd(9999, 6, 1), ymd(1, 6, 30));
	ukwd_calendar_free(cal);
}

/* The UK calendar runs from 1971 to 9999. */
static void
test_range__schedules_at_the_ends_of_the_uk_calendar(void **state)
{
	ukwd_calendar *cal = NULL;

	(void)state;
	assert_int_equal(ukwd_calendar_new_sec(&cal, 1971, 9999), 0);
	check_schedule_edges(cal, ymd(9999, 6, 1), ymd(1971, 3, 1));
	ukwd_calendar_free(cal);
}

/* Links that push a date off either end, a constraint dated outside the
 * calendar, and the User Entry Process too close to either end. */
static void
test_range__links_and_constraints_off_the_uk_calendar(void **state)
{
	const int32_t max = UKWD_PLAN_MAX_WORKING_DAYS;
	ukwd_calendar *cal = NULL;
	ukwd_plan *plan;
	ukwd_schedule *s;
	ukwd_diag diag;
	size_t a, b, c;

	(void)state;
	assert_int_equal(ukwd_calendar_new_sec(&cal, 1971, 9999), 0);

	/* A lag past the end: "b" starts 4,000,000 working days after
	 * "a" finishes. */
	assert_int_equal(ukwd_plan_new(&plan), 0);
	a = add_task(plan, "a", 10);
	b = add_task(plan, "b", 10);
	add_link(plan, a, b, UKWD_LINK_FS, max);
	assert_range_error(plan, cal, ymd(2024, 1, 2), UKWD_SCHEDULE_FORWARD,
	                   "b", "early finish would be after");
	/* A chain of such lags never wraps round to a date that fits. */
	for (int i = 0; i < 1000; i++) {
		char id[16];

		snprintf(id, sizeof(id), "c%d", i);
		c = add_task(plan, id, max);
		add_link(plan, b, c, UKWD_LINK_FS, max);
		b = c;
	}
	assert_range_error(plan, cal, ymd(2024, 1, 2), UKWD_SCHEDULE_FORWARD,
	                   "b", "early finish would be after");
	ukwd_plan_free(plan);

	/* Backward, a lag pushes the predecessor before the start. */
	assert_int_equal(ukwd_plan_new(&plan), 0);
	a = add_task(plan, "a", 10);
	b = add_task(plan, "b", 10);
	add_link(plan, a, b, UKWD_LINK_SS, max);
	assert_range_error(plan, cal, ymd(2024, 1, 2), UKWD_SCHEDULE_BACKWARD,
	                   "a", "late start would be before");
	ukwd_plan_free(plan);

	/* A constraint dated outside the calendar names its task. */
	assert_int_equal(ukwd_plan_new(&plan), 0);
	a = add_task(plan, "a", 10);
	b = add_task(plan, "early-bird", 10);
	assert_int_equal(ukwd_plan_set_constraint(
	                     plan, b, UKWD_CONSTRAINT_START_NO_EARLIER_THAN,
	                     ymd(1970, 12, 31), NULL),
	                 0);
	assert_range_error(plan, cal, ymd(2024, 1, 2), UKWD_SCHEDULE_FORWARD,
	                   "early-bird", "1970-12-31 is outside the calendar");
	assert_int_equal(ukwd_plan_set_constraint(plan, b,
	                                          UKWD_CONSTRAINT_MUST_START_ON,
	                                          UKWD_DATE_MIN, NULL),
	                 0);
	assert_range_error(plan, cal, ymd(2024, 1, 2), UKWD_SCHEDULE_FORWARD,
	                   "early-bird", "0001-01-01 is outside the calendar");
	ukwd_plan_free(plan);

	/* The project date itself outside: UKWD_ERANGE, no task to name. */
	plan = two_task_plan(5, 0);
	s = NULL;
	assert_int_equal(
	    ukwd_schedule_new(&s, plan, cal, ymd(1970, 6, 1), NULL, &diag),
	    UKWD_ERANGE);
	assert_null(s);
	assert_non_null(strstr(diag.message, "project start 1970-06-01"));
	ukwd_plan_free(plan);

	ukwd_calendar_free(cal);
}

/* The User Entry Process takes 130 working days, about six months: from
 * 9999-09-01 it runs off the end, and backward from 1971-03-01 off the
 * start. */
static void
test_range__the_user_entry_process_near_the_ends(void **state)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_calendar *cal = NULL;
	ukwd_plan *plan = NULL;
	ukwd_schedule *s = NULL;
	ukwd_diag diag;
	size_t index;
	char id[64];
	const char *quote;

	(void)state;
	assert_int_equal(ukwd_calendar_new_sec(&cal, 1971, 9999), 0);
	assert_int_equal(ukwd_uep_build_plan(&plan, NULL, NULL), 0);
	/* Mid-range it schedules both ways. */
	s = schedule_ok(plan, cal, ymd(5000, 1, 4), UKWD_SCHEDULE_FORWARD);
	ukwd_schedule_free(s);
	s = schedule_ok(plan, cal, ymd(5000, 1, 4), UKWD_SCHEDULE_BACKWARD);
	ukwd_schedule_free(s);
	for (int backward = 0; backward < 2; backward++) {
		s = NULL;
		options.direction =
		    backward ? UKWD_SCHEDULE_BACKWARD : UKWD_SCHEDULE_FORWARD;
		assert_int_equal(ukwd_schedule_new(&s, plan, cal,
		                                   backward ? ymd(1971, 3, 1)
		                                            : ymd(9999, 9, 1),
		                                   &options, &diag),
		                 UKWD_ERANGE);
		assert_null(s);
		/* "task 'ID': its late start would be before ..." */
		assert_true(strncmp(diag.message, "task '", 6) == 0);
		quote = strchr(diag.message + 6, '\'');
		assert_non_null(quote);
		assert_true((size_t)(quote - diag.message - 6) < sizeof(id));
		memcpy(id, diag.message + 6,
		       (size_t)(quote - diag.message - 6));
		id[quote - diag.message - 6] = '\0';
		assert_int_equal(ukwd_plan_find(&index, plan, id), 0);
		assert_non_null(strstr(
		    diag.message, backward ? "late start would be before"
		                           : "early finish would be after"));
	}
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_range__the_ends_are_what_the_header_says),
	    cmocka_unit_test(test_range__memory_of_a_full_range_calendar),
	    cmocka_unit_test(test_range__five_day_week_with_holidays),
	    cmocka_unit_test(test_range__one_day_week),
	    cmocka_unit_test(test_range__no_weekend),
	    cmocka_unit_test(test_range__builder_and_union_at_the_edges),
	    cmocka_unit_test(
	        test_range__schedules_at_the_ends_of_a_full_range_calendar),
	    cmocka_unit_test(
	        test_range__schedules_at_the_ends_of_the_uk_calendar),
	    cmocka_unit_test(
	        test_range__links_and_constraints_off_the_uk_calendar),
	    cmocka_unit_test(test_range__the_user_entry_process_near_the_ends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
