/* Working-day arithmetic: is-working, add, count, roll, batches.
 *
 * The property test checks the library's O(1) bitmap answers against a
 * reference model kept by this file: its own weekday formula, its own
 * holiday flags, a working-day flag per day and a prefix count built by a
 * day-by-day loop. Small steps and short spans are walked day by day; long
 * ones use the prefix array, which is still built without the library. */
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

/* Values a failing call must leave in its out-parameter. */
#define UNTOUCHED_DATE  ((ukwd_date)-123456789)
#define UNTOUCHED_COUNT ((int32_t)-987654321)

/* The property test: calendars, and queries on each; 1,000,000 in all. */
#define PROPERTY_CALENDARS       200
#define PROPERTY_QUERIES_PER_CAL 5000
/* Steps and spans up to this size are checked by walking day by day. */
#define REFERENCE_WALK           64

static const ukwd_roll all_conventions[] = {
    UKWD_ROLL_FOLLOWING, UKWD_ROLL_PRECEDING, UKWD_ROLL_MODIFIED_FOLLOWING,
    UKWD_ROLL_MODIFIED_PRECEDING};
#define CONVENTIONS (sizeof(all_conventions) / sizeof(all_conventions[0]))

/* ------------------------------------------------------------------ */
/* Dates */

/* ISO weekday, 1 = Monday .. 7 = Sunday, without the library:
 * 1970-01-01 (serial 0) was a Thursday. */
static int
reference_weekday(ukwd_date d)
{
	int64_t k = ((int64_t)d + 3) % 7;

	if (k < 0)
		k += 7;
	return (int)k + 1;
}

/* ------------------------------------------------------------------ */
/* The reference model: what the calendar should be, kept day by day. */

struct model {
	ukwd_date first, last; /* range, both inclusive */
	unsigned int weekend;  /* bit 0 Monday .. bit 6 Sunday */
	int32_t ndays;
	unsigned char *holiday; /* holiday[i]: first + i is a holiday */
	unsigned char *working; /* working[i]: first + i is a working day */
	int32_t *prefix; /* prefix[i]: working days in [first, first+i) */
	int32_t total;   /* working days in the range */
};

static void
model_init(struct model *m, ukwd_date first, ukwd_date last,
           unsigned int weekend)
{
	memset(m, 0, sizeof(*m));
	m->first = first;
	m->last = last;
	m->weekend = weekend;
	m->ndays = last - first + 1;
	m->holiday = calloc((size_t)m->ndays, 1);
	m->working = calloc((size_t)m->ndays, 1);
	m->prefix = calloc((size_t)m->ndays + 1, sizeof(*m->prefix));
	assert_non_null(m->holiday);
	assert_non_null(m->working);
	assert_non_null(m->prefix);
}

static void
model_free(struct model *m)
{
	free(m->holiday);
	free(m->working);
	free(m->prefix);
	memset(m, 0, sizeof(*m));
}

static int
model_in_range(const struct model *m, ukwd_date d)
{
	return d >= m->first && d <= m->last;
}

static void
model_add_holiday(struct model *m, ukwd_date d)
{
	if (model_in_range(m, d))
		m->holiday[d - m->first] = 1;
}

/* The day loop that everything else in the model rests on. */
static void
model_finish(struct model *m)
{
	int32_t total = 0;

	for (int32_t i = 0; i < m->ndays; i++) {
		int wd = reference_weekday(m->first + i);
		int weekend = (m->weekend >> (wd - 1)) & 1;

		m->working[i] = (unsigned char)(!weekend && !m->holiday[i]);
		m->prefix[i] = total;
		total += m->working[i];
	}
	m->prefix[m->ndays] = total;
	m->total = total;
}

static int
model_is_working(const struct model *m, ukwd_date d)
{
	return m->working[d - m->first];
}

/* The date of working day number k (0-based, k < total): a binary search
 * for the day whose prefix steps from k to k + 1. */
static ukwd_date
model_nth_working(const struct model *m, int64_t k)
{
	int32_t lo = 0, hi = m->ndays - 1;

	while (lo < hi) {
		int32_t mid = lo + (hi - lo) / 2;

		if (m->prefix[mid + 1] > k)
			hi = mid;
		else
			lo = mid + 1;
	}
	return m->first + lo;
}

/* What ukwd_workday_add() must answer, from the model. */
static int
model_add(const struct model *m, ukwd_date from, int32_t n, ukwd_date *out)
{
	int64_t k;
	int32_t off;

	if (!model_in_range(m, from))
		return UKWD_ERANGE;
	if (n == 0) {
		if (!model_is_working(m, from))
			return UKWD_EINVAL;
		*out = from;
		return 0;
	}
	if (n >= -REFERENCE_WALK && n <= REFERENCE_WALK) {
		/* Step day by day, counting working days strictly after (or
		 * before) from. */
		int step = n > 0 ? 1 : -1, left = n > 0 ? n : -n;
		ukwd_date d = from;

		while (left > 0) {
			d += step;
			if (!model_in_range(m, d))
				return UKWD_ERANGE;
			left -= model_is_working(m, d);
		}
		*out = d;
		return 0;
	}
	off = from - m->first;
	/* n > 0: working days up to and including from, then n more. n < 0:
	 * working days strictly before from, then |n| back. */
	if (n > 0)
		k = (int64_t)m->prefix[off + 1] + n - 1;
	else
		k = (int64_t)m->prefix[off] + n;
	if (k < 0 || k >= m->total)
		return UKWD_ERANGE;
	*out = model_nth_working(m, k);
	return 0;
}

/* What ukwd_workday_count() must answer. */
static int
model_count(const struct model *m, ukwd_date from, ukwd_date to, int32_t *out)
{
	int64_t span = (int64_t)to - from;

	if (from < m->first || from > m->last + 1 || to < m->first ||
	    to > m->last + 1)
		return UKWD_ERANGE;
	if (span >= -REFERENCE_WALK && span <= REFERENCE_WALK) {
		ukwd_date lo = span >= 0 ? from : to,
		          hi = span >= 0 ? to : from;
		int32_t c = 0;

		for (ukwd_date d = lo; d < hi; d++)
			c += model_is_working(m, d);
		*out = span >= 0 ? c : -c;
		return 0;
	}
	*out = m->prefix[to - m->first] - m->prefix[from - m->first];
	return 0;
}

/* What ukwd_workday_count_inclusive() must answer. */
static int
model_count_inclusive(const struct model *m, ukwd_date first, ukwd_date last,
                      int32_t *out)
{
	if (!model_in_range(m, first) || !model_in_range(m, last))
		return UKWD_ERANGE;
	if (last < first) {
		*out = 0;
		return 0;
	}
	return model_count(m, first, last + 1, out);
}

/* The first working day on or after d (d in range). */
static int
model_following(const struct model *m, ukwd_date d, ukwd_date *out)
{
	int32_t k = m->prefix[d - m->first];

	if (k >= m->total)
		return UKWD_ERANGE;
	*out = model_nth_working(m, k);
	return 0;
}

/* The last working day on or before d (d in range). */
static int
model_preceding(const struct model *m, ukwd_date d, ukwd_date *out)
{
	int32_t k = m->prefix[d - m->first + 1];

	if (k == 0)
		return UKWD_ERANGE;
	*out = model_nth_working(m, k - 1);
	return 0;
}

/* The roll conventions by their definitions. A modified convention that
 * finds no following (preceding) working day in the range still knows the
 * answer when the range runs to the end (from the start) of d's month:
 * whatever that day is, it is in another month. Otherwise it might be in
 * d's month, past the range, and the answer is unknown: UKWD_ERANGE. */
static int
model_roll(const struct model *m, ukwd_date d, ukwd_roll convention,
           ukwd_date *out)
{
	ukwd_date rolled;
	int rc;

	if (!model_in_range(m, d))
		return UKWD_ERANGE;
	if (model_is_working(m, d)) {
		*out = d;
		return 0;
	}
	switch (convention) {
	case UKWD_ROLL_FOLLOWING:
		return model_following(m, d, out);
	case UKWD_ROLL_PRECEDING:
		return model_preceding(m, d, out);
	case UKWD_ROLL_MODIFIED_FOLLOWING:
		rc = model_following(m, d, &rolled);
		if (rc == 0 && same_month(d, rolled)) {
			*out = rolled;
			return 0;
		}
		if (rc != 0 && same_month(d, m->last + 1))
			return UKWD_ERANGE;
		return model_preceding(m, d, out);
	case UKWD_ROLL_MODIFIED_PRECEDING:
		rc = model_preceding(m, d, &rolled);
		if (rc == 0 && same_month(d, rolled)) {
			*out = rolled;
			return 0;
		}
		if (rc != 0 && same_month(d, m->first - 1))
			return UKWD_ERANGE;
		return model_following(m, d, out);
	}
	return UKWD_EINVAL;
}

/* Build the calendar the model describes, plus holidays outside its range
 * (which the calendar must ignore). NULL if the build fails (*rc says
 * why). */
static ukwd_calendar *
build_model(const struct model *m, const ukwd_date *outside, size_t noutside,
            int *rc)
{
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *cal = NULL;

	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_weekend(b, m->weekend), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, m->first, m->last),
	                 0);
	for (int32_t i = 0; i < m->ndays; i++)
		if (m->holiday[i])
			assert_int_equal(ukwd_calendar_builder_add_holiday(
			                     b, m->first + i, NULL),
			                 0);
	for (size_t i = 0; i < noutside; i++)
		assert_int_equal(
		    ukwd_calendar_builder_add_holiday(b, outside[i], "out"), 0);
	*rc = ukwd_calendar_build(&cal, b, NULL);
	ukwd_calendar_builder_free(b);
	return cal;
}

static ukwd_calendar *
build_model_ok(const struct model *m)
{
	int rc;
	ukwd_calendar *cal = build_model(m, NULL, 0, &rc);

	assert_int_equal(rc, 0);
	assert_non_null(cal);
	return cal;
}

/* ------------------------------------------------------------------ */
/* Checking one query against the model. */

static void
mismatch(const struct model *m, const char *what, ukwd_date from, ukwd_date to,
         int32_t n, long long got, long long want, int line)
{
	char b1[32], b2[32], b3[32], b4[32];

	fail_msg("line %d: %s: got %lld, want %lld\n"
	         "  calendar %s..%s weekend 0x%02x (%ld working days)\n"
	         "  from %s, to %s, n %ld",
	         line, what, got, want, show_date(m->first, b1),
	         show_date(m->last, b2), m->weekend, (long)m->total,
	         show_date(from, b3), show_date(to, b4), (long)n);
}

#define EXPECT_EQ(what, got, want)                                             \
	do {                                                                   \
		long long got_ = (long long)(got);                             \
		long long want_ = (long long)(want);                           \
		if (got_ != want_)                                             \
			mismatch(m, what, from, to, n, got_, want_, __LINE__); \
	} while (0)

/* Compare a date-returning call with the model: code, and either the date
 * or an untouched out-parameter. */
#define EXPECT_DATE_RESULT(what, rc, got, want_rc, want)                       \
	do {                                                                   \
		EXPECT_EQ(what " (code)", rc, want_rc);                        \
		EXPECT_EQ(what " (date)", got,                                 \
		          (want_rc) == 0 ? (want) : UNTOUCHED_DATE);           \
	} while (0)

/* Everything the library says about (from, to, n) against the model,
 * and the identities that tie add, count and roll together. */
static void
check_query(const ukwd_calendar *cal, const struct model *m, ukwd_date from,
            ukwd_date to, int32_t n)
{
	ukwd_date got, want = 0, back, want_back = 0;
	int32_t count, want_count = 0, check;
	int rc, want_rc;

	/* is_working */
	want_rc =
	    model_in_range(m, from) ? model_is_working(m, from) : UKWD_ERANGE;
	EXPECT_EQ("is_working(from)", ukwd_workday_is_working(cal, from),
	          want_rc);

	/* count, both directions */
	count = UNTOUCHED_COUNT;
	rc = ukwd_workday_count(&count, cal, from, to);
	want_rc = model_count(m, from, to, &want_count);
	EXPECT_EQ("count(from, to) (code)", rc, want_rc);
	EXPECT_EQ("count(from, to)", count,
	          want_rc == 0 ? want_count : UNTOUCHED_COUNT);
	if (rc == 0) {
		check = UNTOUCHED_COUNT;
		EXPECT_EQ("count(to, from) (code)",
		          ukwd_workday_count(&check, cal, to, from), 0);
		EXPECT_EQ("count(to, from) = -count(from, to)", check, -count);
	}

	/* count_inclusive */
	count = UNTOUCHED_COUNT;
	rc = ukwd_workday_count_inclusive(&count, cal, from, to);
	want_rc = model_count_inclusive(m, from, to, &want_count);
	EXPECT_EQ("count_inclusive(from, to) (code)", rc, want_rc);
	EXPECT_EQ("count_inclusive(from, to)", count,
	          want_rc == 0 ? want_count : UNTOUCHED_COUNT);

	/* add */
	got = UNTOUCHED_DATE;
	rc = ukwd_workday_add(&got, cal, from, n);
	want_rc = model_add(m, from, n, &want);
	EXPECT_DATE_RESULT("add(from, n)", rc, got, want_rc, want);

	/* add and count are inverses */
	if (rc == 0 && n != 0) {
		EXPECT_EQ("is_working(add(from, n))",
		          ukwd_workday_is_working(cal, got), 1);
		count = UNTOUCHED_COUNT;
		if (n > 0) {
			/* n working days in (from, answer] */
			EXPECT_EQ(
			    "count(from + 1, add + 1) (code)",
			    ukwd_workday_count(&count, cal, from + 1, got + 1),
			    0);
			EXPECT_EQ("count(from + 1, add(from, n) + 1)", count,
			          n);
			if (model_is_working(m, from)) {
				EXPECT_EQ(
				    "count(w, add(w, n)) (code)",
				    ukwd_workday_count(&count, cal, from, got),
				    0);
				EXPECT_EQ("count(w, add(w, n))", count, n);
			}
			/* n back from the answer is the last working day on
			 * or before from */
			want_rc = model_preceding(m, from, &want_back);
		} else {
			/* |n| working days in [answer, from) */
			EXPECT_EQ("count(add, from) (code)",
			          ukwd_workday_count(&count, cal, got, from),
			          0);
			EXPECT_EQ("count(add(from, n), from)", count, -n);
			want_rc = model_following(m, from, &want_back);
		}
		back = UNTOUCHED_DATE;
		rc = ukwd_workday_add(&back, cal, got, -n);
		EXPECT_DATE_RESULT("add(add(from, n), -n)", rc, back, want_rc,
		                   want_back);
		if (model_is_working(m, from))
			EXPECT_EQ("add(add(w, n), -n) = w", back, from);
	}

	/* next and prev */
	got = UNTOUCHED_DATE;
	rc = ukwd_workday_next(&got, cal, from);
	want_rc = model_add(m, from, 1, &want);
	EXPECT_DATE_RESULT("next(from)", rc, got, want_rc, want);
	got = UNTOUCHED_DATE;
	rc = ukwd_workday_prev(&got, cal, from);
	want_rc = model_add(m, from, -1, &want);
	EXPECT_DATE_RESULT("prev(from)", rc, got, want_rc, want);

	/* the roll conventions */
	for (size_t c = 0; c < CONVENTIONS; c++) {
		got = UNTOUCHED_DATE;
		rc = ukwd_workday_roll(&got, cal, from, all_conventions[c]);
		want_rc = model_roll(m, from, all_conventions[c], &want);
		switch (all_conventions[c]) {
		case UKWD_ROLL_FOLLOWING:
			EXPECT_DATE_RESULT("roll following", rc, got, want_rc,
			                   want);
			break;
		case UKWD_ROLL_PRECEDING:
			EXPECT_DATE_RESULT("roll preceding", rc, got, want_rc,
			                   want);
			break;
		case UKWD_ROLL_MODIFIED_FOLLOWING:
			EXPECT_DATE_RESULT("roll modified following", rc, got,
			                   want_rc, want);
			break;
		case UKWD_ROLL_MODIFIED_PRECEDING:
			EXPECT_DATE_RESULT("roll modified preceding", rc, got,
			                   want_rc, want);
			break;
		}
	}
}

/* Every pair (from, to) from one day before the range to two after it:
 * count(from, to), and add(from, to - from), so that for each from every
 * add that fits, and the first few that do not, are checked. For small
 * calendars only: quadratic in the range. */
static void
check_exhaustively(const ukwd_calendar *cal, const struct model *m)
{
	ukwd_date first, last;

	ukwd_calendar_range(cal, &first, &last);
	assert_int_equal(first, m->first);
	assert_int_equal(last, m->last);
	assert_int_equal(ukwd_calendar_weekend(cal), m->weekend);
	for (ukwd_date from = m->first - 1; from <= m->last + 2; from++) {
		for (ukwd_date to = m->first - 1; to <= m->last + 2; to++)
			check_query(cal, m, from, to, to - from);
	}
}

/* ------------------------------------------------------------------ */
/* Random calendars and queries. */

static unsigned int
random_weekend(struct test_rng *r)
{
	switch (test_rng_below(r, 5)) {
	case 0:
	case 1:
		return UKWD_WEEKEND_SAT_SUN;
	case 2:
		return 0;
	default:
		return (unsigned int)test_rng_below(r, 0x7F); /* never 0x7F */
	}
}

/* A random model: weekend, range placed anywhere in 0001..9999 (often
 * touching either end), holidays at a random density and in runs, and a
 * few holidays outside the range for the builder only. */
static void
random_model(struct test_rng *r, struct model *m, ukwd_date *outside,
             size_t *noutside)
{
	static const unsigned int permille[] = {0, 0, 5, 50, 300, 900, 990};
	unsigned int weekend = random_weekend(r);
	uint64_t kind = test_rng_below(r, 100);
	int64_t length, first;
	unsigned int density;
	uint64_t runs;

	if (kind < 10)
		length = test_rng_between(r, 1, 70);
	else if (kind < 35)
		length = test_rng_between(r, 71, 1000);
	else
		length = test_rng_between(r, 1001, 30 * 366);
	kind = test_rng_below(r, 100);
	if (kind < 8)
		first = UKWD_DATE_MIN;
	else if (kind < 16)
		first = UKWD_DATE_MAX - length + 1;
	else
		first = test_rng_between(r, UKWD_DATE_MIN,
		                         UKWD_DATE_MAX - length + 1);
	model_init(m, (ukwd_date)first, (ukwd_date)(first + length - 1),
	           weekend);

	density =
	    permille[test_rng_below(r, sizeof(permille) / sizeof(*permille))];
	if (density)
		for (int32_t i = 0; i < m->ndays; i++)
			if (test_rng_below(r, 1000) < density)
				m->holiday[i] = 1;
	runs = test_rng_below(r, 6);
	for (uint64_t k = 0; k < runs; k++) {
		int64_t start = test_rng_between(r, 0, m->ndays - 1);
		int64_t run = test_rng_between(r, 1, 400);

		for (int64_t i = start; i < start + run && i < m->ndays; i++)
			m->holiday[i] = 1;
	}

	*noutside = 0;
	for (int k = 0; k < 3; k++) {
		if (m->first > UKWD_DATE_MIN)
			outside[(*noutside)++] = (ukwd_date)test_rng_between(
			    r, UKWD_DATE_MIN, m->first - 1);
		if (m->last < UKWD_DATE_MAX)
			outside[(*noutside)++] = (ukwd_date)test_rng_between(
			    r, m->last + 1, UKWD_DATE_MAX);
	}
	model_finish(m);
}

/* A date for a query: usually in the range, sometimes at or just past
 * either end, sometimes anywhere at all. */
static ukwd_date
random_date(struct test_rng *r, const struct model *m)
{
	uint64_t kind = test_rng_below(r, 100);

	if (kind < 3)
		return m->first - 1;
	if (kind < 6)
		return m->last + 1;
	if (kind < 8)
		return m->last + 2;
	if (kind < 11)
		return m->first;
	if (kind < 14)
		return m->last;
	if (kind < 16)
		return (ukwd_date)test_rng_between(r, UKWD_DATE_MIN - 10,
		                                   UKWD_DATE_MAX + 10);
	return (ukwd_date)test_rng_between(r, m->first, m->last);
}

static int32_t
random_n(struct test_rng *r, const struct model *m, ukwd_date from)
{
	uint64_t kind = test_rng_below(r, 100);
	int64_t span = m->total;

	if (kind < 5)
		return 0;
	if (kind < 40)
		return (int32_t)test_rng_between(r, -10, 10);
	if (kind < 60)
		return (int32_t)test_rng_between(r, -300, 300);
	if (kind < 82)
		return (int32_t)test_rng_between(r, -span - 1, span + 1);
	if (kind < 88) {
		/* certainly beyond the range */
		int64_t n = span + test_rng_between(r, 1, 100000);

		return (int32_t)(test_rng_below(r, 2) ? n : -n);
	}
	if (kind < 92) {
		static const int32_t extreme[] = {INT32_MAX, INT32_MIN,
		                                  INT32_MAX - 1, INT32_MIN + 1};

		return extreme[test_rng_below(r, 4)];
	}
	if (model_in_range(m, from)) {
		/* exactly to the first or last working day, or one past */
		int32_t off = from - m->first;
		int32_t to_last = m->total - m->prefix[off + 1];
		int32_t to_first = -m->prefix[off];

		switch (test_rng_below(r, 4)) {
		case 0:
			return to_last;
		case 1:
			return to_last + 1;
		case 2:
			return to_first;
		default:
			return to_first - 1;
		}
	}
	return (int32_t)test_rng_between(r, -span, span);
}

static void
test_property__add_count_and_roll_agree_with_a_day_by_day_reference(
    void **state)
{
	struct test_rng r = {UINT64_C(0x756B77642D776B64)}; /* fixed seed */
	long queries = 0, failed_builds = 0;

	(void)state;
	for (int c = 0; c < PROPERTY_CALENDARS; c++) {
		struct model m;
		ukwd_date outside[6];
		size_t noutside;
		ukwd_calendar *cal;
		int rc;

		random_model(&r, &m, outside, &noutside);
		cal = build_model(&m, outside, noutside, &rc);
		if (m.total == 0) {
			/* No working day: the build must refuse, and we
			 * try another calendar. */
			assert_int_equal(rc, UKWD_EINVAL);
			assert_null(cal);
			model_free(&m);
			failed_builds++;
			c--;
			continue;
		}
		assert_int_equal(rc, 0);
		assert_non_null(cal);
		for (int q = 0; q < PROPERTY_QUERIES_PER_CAL; q++) {
			ukwd_date from = random_date(&r, &m);
			ukwd_date to;
			int32_t n = random_n(&r, &m, from);

			if (test_rng_below(&r, 2))
				to = random_date(&r, &m);
			else
				to = from + (ukwd_date)test_rng_between(
				                &r, -2 * REFERENCE_WALK,
				                2 * REFERENCE_WALK);
			check_query(cal, &m, from, to, n);
			queries++;
		}
		ukwd_calendar_free(cal);
		model_free(&m);
	}
	assert_int_equal(queries, 1000000L);
	/* The seed is fixed; this many calendars came out with no working
	 * day (and were checked to fail). It only changes with the test. */
	print_message("# property: %ld queries, %ld calendars with no working "
	              "day refused\n",
	              queries, failed_builds);
}

/* ------------------------------------------------------------------ */
/* Known answers: England and Wales, December 2022 to January 2024, with
 * the bank holidays typed in from GOV.UK. */

static const struct {
	int year, month, day;
	const char *name;
} england_holidays[] = {
    {2022, 12, 26, "Boxing Day"},
    {2022, 12, 27, "Christmas Day (substitute day)"},
    {2023, 1, 2, "New Year's Day (substitute day)"},
    {2023, 4, 7, "Good Friday"},
    {2023, 4, 10, "Easter Monday"},
    {2023, 5, 1, "Early May bank holiday"},
    {2023, 5, 8, "Bank holiday for the coronation of King Charles III"},
    {2023, 5, 29, "Spring bank holiday"},
    {2023, 8, 28, "Summer bank holiday"},
    {2023, 12, 25, "Christmas Day"},
    {2023, 12, 26, "Boxing Day"},
    {2024, 1, 1, "New Year's Day"},
};

static ukwd_calendar *
england_2023(void)
{
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *cal = NULL;

	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2022, 12, 1),
	                                                 ymd(2024, 1, 31)),
	                 0);
	for (size_t i = 0;
	     i < sizeof(england_holidays) / sizeof(england_holidays[0]); i++)
		assert_int_equal(
		    ukwd_calendar_builder_add_holiday(
		        b,
		        ymd(england_holidays[i].year, england_holidays[i].month,
		            england_holidays[i].day),
		        england_holidays[i].name),
		    0);
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	return cal;
}

static ukwd_date
add_ok(const ukwd_calendar *cal, ukwd_date from, int32_t n)
{
	ukwd_date out = UNTOUCHED_DATE;

	assert_int_equal(ukwd_workday_add(&out, cal, from, n), 0);
	return out;
}

static int32_t
count_ok(const ukwd_calendar *cal, ukwd_date from, ukwd_date to)
{
	int32_t out = UNTOUCHED_COUNT;

	assert_int_equal(ukwd_workday_count(&out, cal, from, to), 0);
	return out;
}

static ukwd_date
roll_ok(const ukwd_calendar *cal, ukwd_date d, ukwd_roll convention)
{
	ukwd_date out = UNTOUCHED_DATE;

	assert_int_equal(ukwd_workday_roll(&out, cal, d, convention), 0);
	return out;
}

static void
test_add__skips_a_holiday_on_monday(void **state)
{
	ukwd_calendar *cal = england_2023();

	(void)state;
	/* Friday 28 April + 1: Monday 1 May is the Early May bank holiday */
	assert_int_equal(add_ok(cal, ymd(2023, 4, 28), 1), ymd(2023, 5, 2));
	/* Friday 5 May + 1: Monday 8 May is the coronation bank holiday */
	assert_int_equal(add_ok(cal, ymd(2023, 5, 5), 1), ymd(2023, 5, 9));
	/* Friday 25 August + 2: Monday 28 August is a holiday */
	assert_int_equal(add_ok(cal, ymd(2023, 8, 25), 2), ymd(2023, 8, 30));
	/* Thursday 6 April + 1: Good Friday and Easter Monday */
	assert_int_equal(add_ok(cal, ymd(2023, 4, 6), 1), ymd(2023, 4, 11));
	/* backwards over Easter */
	assert_int_equal(add_ok(cal, ymd(2023, 4, 11), -1), ymd(2023, 4, 6));
	assert_int_equal(add_ok(cal, ymd(2023, 4, 11), -2), ymd(2023, 4, 5));
	/* over Christmas and New Year */
	assert_int_equal(add_ok(cal, ymd(2023, 12, 22), 1), ymd(2023, 12, 27));
	assert_int_equal(add_ok(cal, ymd(2023, 12, 29), 1), ymd(2024, 1, 2));
	assert_int_equal(add_ok(cal, ymd(2022, 12, 23), 1), ymd(2022, 12, 28));
	ukwd_calendar_free(cal);
}

static void
test_add__from_a_non_working_day_does_not_count_it(void **state)
{
	ukwd_calendar *cal = england_2023();

	(void)state;
	/* the header's example: Friday and Saturday + 1 are both Monday */
	assert_int_equal(add_ok(cal, ymd(2023, 6, 2), 1), ymd(2023, 6, 5));
	assert_int_equal(add_ok(cal, ymd(2023, 6, 3), 1), ymd(2023, 6, 5));
	assert_int_equal(add_ok(cal, ymd(2023, 6, 4), 1), ymd(2023, 6, 5));
	assert_int_equal(add_ok(cal, ymd(2023, 6, 4), 5), ymd(2023, 6, 9));
	assert_int_equal(add_ok(cal, ymd(2023, 6, 3), -1), ymd(2023, 6, 2));
	/* from a holiday: Easter Monday + 1 is Tuesday, - 1 is Thursday */
	assert_int_equal(add_ok(cal, ymd(2023, 4, 10), 1), ymd(2023, 4, 11));
	assert_int_equal(add_ok(cal, ymd(2023, 4, 10), -1), ymd(2023, 4, 6));
	assert_int_equal(add_ok(cal, ymd(2023, 4, 7), -1), ymd(2023, 4, 6));
	ukwd_calendar_free(cal);
}

static void
test_add__zero_on_a_working_day_returns_it(void **state)
{
	ukwd_calendar *cal = england_2023();

	(void)state;
	assert_int_equal(add_ok(cal, ymd(2023, 6, 7), 0), ymd(2023, 6, 7));
	assert_int_equal(add_ok(cal, ymd(2023, 5, 2), 0), ymd(2023, 5, 2));
	ukwd_calendar_free(cal);
}

static void
test_add__zero_on_a_weekend_or_holiday_is_einval(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_date out = UNTOUCHED_DATE;

	(void)state;
	assert_int_equal(ukwd_workday_add(&out, cal, ymd(2023, 6, 3), 0),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_workday_add(&out, cal, ymd(2023, 6, 4), 0),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_workday_add(&out, cal, ymd(2023, 12, 25), 0),
	                 UKWD_EINVAL);
	assert_int_equal(out, UNTOUCHED_DATE);
	ukwd_calendar_free(cal);
}

static void
test_add__many_working_days_crosses_the_year(void **state)
{
	ukwd_calendar *cal = england_2023();

	(void)state;
	/* 251 working days in 2023: from 31 December 2022 the 251st is the
	 * last working day of 2023, Friday 29 December. */
	assert_int_equal(add_ok(cal, ymd(2022, 12, 31), 251),
	                 ymd(2023, 12, 29));
	assert_int_equal(add_ok(cal, ymd(2022, 12, 31), 252), ymd(2024, 1, 2));
	assert_int_equal(add_ok(cal, ymd(2024, 1, 1), -251), ymd(2023, 1, 3));
	ukwd_calendar_free(cal);
}

static void
test_count__is_half_open(void **state)
{
	ukwd_calendar *cal = england_2023();

	(void)state;
	/* Monday 5 June to Monday 12 June: the first Monday counts, the
	 * second does not */
	assert_int_equal(count_ok(cal, ymd(2023, 6, 5), ymd(2023, 6, 12)), 5);
	assert_int_equal(count_ok(cal, ymd(2023, 6, 5), ymd(2023, 6, 6)), 1);
	assert_int_equal(count_ok(cal, ymd(2023, 6, 5), ymd(2023, 6, 5)), 0);
	/* May 2023: 23 weekdays, three of them bank holidays */
	assert_int_equal(count_ok(cal, ymd(2023, 5, 1), ymd(2023, 6, 1)), 20);
	/* Christmas week: only Wednesday to Friday work */
	assert_int_equal(count_ok(cal, ymd(2023, 12, 25), ymd(2023, 12, 31)),
	                 3);
	ukwd_calendar_free(cal);
}

static void
test_count__is_negative_when_to_is_before_from(void **state)
{
	ukwd_calendar *cal = england_2023();

	(void)state;
	assert_int_equal(count_ok(cal, ymd(2023, 6, 12), ymd(2023, 6, 5)), -5);
	assert_int_equal(count_ok(cal, ymd(2023, 6, 1), ymd(2023, 5, 1)), -20);
	ukwd_calendar_free(cal);
}

static void
test_count__gives_251_working_days_in_2023_in_england(void **state)
{
	ukwd_calendar *cal = england_2023();

	(void)state;
	assert_int_equal(count_ok(cal, ymd(2023, 1, 1), ymd(2024, 1, 1)), 251);
	ukwd_calendar_free(cal);
}

static void
test_count_inclusive__counts_both_ends(void **state)
{
	ukwd_calendar *cal = england_2023();
	int32_t out = UNTOUCHED_COUNT;

	(void)state;
	assert_int_equal(ukwd_workday_count_inclusive(
	                     &out, cal, ymd(2023, 6, 5), ymd(2023, 6, 12)),
	                 0);
	assert_int_equal(out, 6);
	assert_int_equal(ukwd_workday_count_inclusive(
	                     &out, cal, ymd(2023, 6, 5), ymd(2023, 6, 5)),
	                 0);
	assert_int_equal(out, 1);
	assert_int_equal(ukwd_workday_count_inclusive(
	                     &out, cal, ymd(2023, 6, 3), ymd(2023, 6, 4)),
	                 0);
	assert_int_equal(out, 0);
	/* last before first is 0, not negative */
	out = UNTOUCHED_COUNT;
	assert_int_equal(ukwd_workday_count_inclusive(
	                     &out, cal, ymd(2023, 6, 12), ymd(2023, 6, 5)),
	                 0);
	assert_int_equal(out, 0);
	/* the whole calendar, up to its last day */
	assert_int_equal(ukwd_workday_count_inclusive(
	                     &out, cal, ymd(2023, 1, 1), ymd(2023, 12, 31)),
	                 0);
	assert_int_equal(out, 251);
	ukwd_calendar_free(cal);
}

static void
test_next_and_prev__skip_a_bank_holiday_weekend(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_date out = UNTOUCHED_DATE;

	(void)state;
	assert_int_equal(ukwd_workday_next(&out, cal, ymd(2023, 8, 25)), 0);
	assert_int_equal(out, ymd(2023, 8, 29));
	assert_int_equal(ukwd_workday_prev(&out, cal, ymd(2023, 8, 29)), 0);
	assert_int_equal(out, ymd(2023, 8, 25));
	/* from the holiday itself */
	assert_int_equal(ukwd_workday_next(&out, cal, ymd(2023, 8, 28)), 0);
	assert_int_equal(out, ymd(2023, 8, 29));
	assert_int_equal(ukwd_workday_prev(&out, cal, ymd(2023, 8, 28)), 0);
	assert_int_equal(out, ymd(2023, 8, 25));
	/* an ordinary Wednesday */
	assert_int_equal(ukwd_workday_next(&out, cal, ymd(2023, 6, 7)), 0);
	assert_int_equal(out, ymd(2023, 6, 8));
	assert_int_equal(ukwd_workday_prev(&out, cal, ymd(2023, 6, 7)), 0);
	assert_int_equal(out, ymd(2023, 6, 6));
	ukwd_calendar_free(cal);
}

/* A date written "YYYY-MM-DD". */
static void
test_roll__each_convention_at_month_ends(void **state)
{
	/* The day, then its roll following, preceding, modified following
	 * and modified preceding. */
	static const struct {
		const char *day, *want[4];
	} cases[] = {
	    /* clang-format off */
		/* Saturday 30 September: the next working day is in October */
		{"2023-09-30", {"2023-10-02", "2023-09-29", "2023-09-29", "2023-09-29"}},
		/* Sunday 30 April: Monday 1 May is a holiday too */
		{"2023-04-30", {"2023-05-02", "2023-04-28", "2023-04-28", "2023-04-28"}},
		/* Saturday 1 July: the last working day is in June */
		{"2023-07-01", {"2023-07-03", "2023-06-30", "2023-07-03", "2023-07-03"}},
		/* Sunday 1 January: Monday 2 January is a holiday */
		{"2023-01-01", {"2023-01-03", "2022-12-30", "2023-01-03", "2023-01-03"}},
		/* Sunday 31 December: 1 January 2024 is a holiday */
		{"2023-12-31", {"2024-01-02", "2023-12-29", "2023-12-29", "2023-12-29"}},
		/* Monday 1 May, a holiday on the first of the month */
		{"2023-05-01", {"2023-05-02", "2023-04-28", "2023-05-02", "2023-05-02"}},
		/* Monday 28 August, late in the month but not at its end */
		{"2023-08-28", {"2023-08-29", "2023-08-25", "2023-08-29", "2023-08-25"}},
		/* Easter Sunday, mid-month: modified is plain */
		{"2023-04-09", {"2023-04-11", "2023-04-06", "2023-04-11", "2023-04-06"}},
	    /* clang-format on */
	};
	ukwd_calendar *cal = england_2023();

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ukwd_date d = day(cases[i].day);

		for (size_t c = 0; c < CONVENTIONS; c++) {
			ukwd_date want = day(cases[i].want[c]);
			ukwd_date got = roll_ok(cal, d, all_conventions[c]);

			if (got != want)
				fail_msg("roll %s by convention %d: got %ld, "
				         "want %s",
				         cases[i].day, (int)all_conventions[c],
				         (long)got, cases[i].want[c]);
		}
	}
	ukwd_calendar_free(cal);
}

/* A range from Saturday 1 July to Saturday 30 September 2023. Modified
 * preceding from 1 July: the preceding working day, whatever it is, is in
 * June, so the answer is the following one, Monday 3 July, inside the
 * range. Likewise modified following from 30 September is Friday 29. */
static void
test_roll__modified_conventions_answer_at_a_range_edge_on_a_month_edge(
    void **state)
{
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *cal = NULL;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 7, 1),
	                                                 ymd(2023, 9, 30)),
	                 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	assert_int_equal(
	    roll_ok(cal, ymd(2023, 7, 1), UKWD_ROLL_MODIFIED_PRECEDING),
	    ymd(2023, 7, 3));
	assert_int_equal(
	    roll_ok(cal, ymd(2023, 9, 30), UKWD_ROLL_MODIFIED_FOLLOWING),
	    ymd(2023, 9, 29));
	ukwd_calendar_free(cal);
}

static void
test_roll__leaves_a_working_day_where_it_is(void **state)
{
	ukwd_calendar *cal = england_2023();

	(void)state;
	/* Friday 30 June and Monday 3 July, at month ends */
	for (size_t c = 0; c < CONVENTIONS; c++) {
		assert_int_equal(
		    roll_ok(cal, ymd(2023, 6, 30), all_conventions[c]),
		    ymd(2023, 6, 30));
		assert_int_equal(
		    roll_ok(cal, ymd(2023, 7, 3), all_conventions[c]),
		    ymd(2023, 7, 3));
	}
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* Error paths */

static void
test_errors__null_arguments_are_einval(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_date d = ymd(2023, 6, 7), out = UNTOUCHED_DATE;
	int32_t count = UNTOUCHED_COUNT;

	(void)state;
	assert_int_equal(ukwd_workday_is_working(NULL, d), UKWD_EINVAL);
	assert_int_equal(ukwd_workday_add(NULL, cal, d, 1), UKWD_EINVAL);
	assert_int_equal(ukwd_workday_add(&out, NULL, d, 1), UKWD_EINVAL);
	assert_int_equal(ukwd_workday_count(NULL, cal, d, d + 7), UKWD_EINVAL);
	assert_int_equal(ukwd_workday_count(&count, NULL, d, d + 7),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_workday_count_inclusive(NULL, cal, d, d + 7),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_workday_count_inclusive(&count, NULL, d, d + 7),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_workday_roll(NULL, cal, d, UKWD_ROLL_FOLLOWING),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_workday_roll(&out, NULL, d, UKWD_ROLL_FOLLOWING),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_workday_next(NULL, cal, d), UKWD_EINVAL);
	assert_int_equal(ukwd_workday_next(&out, NULL, d), UKWD_EINVAL);
	assert_int_equal(ukwd_workday_prev(NULL, cal, d), UKWD_EINVAL);
	assert_int_equal(ukwd_workday_prev(&out, NULL, d), UKWD_EINVAL);
	assert_int_equal(out, UNTOUCHED_DATE);
	assert_int_equal(count, UNTOUCHED_COUNT);
	ukwd_calendar_free(cal);
}

/* ukwd_workday_check keeps the answer and the error apart: every date of
 * the range answers as ukwd_workday_is_working does, and an error leaves
 * the out-parameter as it was (so it cannot read as "working"). */
static void
test_check__answer_and_error_kept_apart(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_date first, last;
	bool working = true;

	(void)state;
	ukwd_calendar_range(cal, &first, &last);
	for (ukwd_date d = first; d <= last; d++) {
		bool answer = !working;

		assert_int_equal(ukwd_workday_check(&answer, cal, d), 0);
		assert_int_equal(answer, ukwd_workday_is_working(cal, d) == 1);
		working = answer;
	}
	/* Christmas Day 2023 (a Monday) and the Friday before. */
	assert_int_equal(ukwd_workday_check(&working, cal, ymd(2023, 12, 25)),
	                 0);
	assert_false(working);
	assert_int_equal(ukwd_workday_check(&working, cal, ymd(2023, 12, 22)),
	                 0);
	assert_true(working);
	working = false;
	assert_int_equal(ukwd_workday_check(&working, cal, last + 1),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_check(&working, cal, INT32_MIN),
	                 UKWD_ERANGE);
	assert_false(working);
	assert_int_equal(ukwd_workday_check(&working, NULL, first),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_workday_check(NULL, cal, first), UKWD_EINVAL);
	assert_false(working);
	ukwd_calendar_free(cal);
}

static void
test_errors__dates_outside_the_range_are_erange(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_date first, last, out = UNTOUCHED_DATE;
	int32_t count = UNTOUCHED_COUNT;

	(void)state;
	ukwd_calendar_range(cal, &first, &last);
	assert_int_equal(first, ymd(2022, 12, 1));
	assert_int_equal(last, ymd(2024, 1, 31));
	{
		const ukwd_date bad[] = {
		    first - 1,     last + 1,      first - 400, last + 400,
		    UKWD_DATE_MIN, UKWD_DATE_MAX, INT32_MIN,   INT32_MAX};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			ukwd_date d = bad[i];

			assert_int_equal(ukwd_workday_is_working(cal, d),
			                 UKWD_ERANGE);
			assert_int_equal(ukwd_workday_add(&out, cal, d, 1),
			                 UKWD_ERANGE);
			assert_int_equal(ukwd_workday_add(&out, cal, d, -1),
			                 UKWD_ERANGE);
			assert_int_equal(ukwd_workday_add(&out, cal, d, 0),
			                 UKWD_ERANGE);
			assert_int_equal(ukwd_workday_next(&out, cal, d),
			                 UKWD_ERANGE);
			assert_int_equal(ukwd_workday_prev(&out, cal, d),
			                 UKWD_ERANGE);
			for (size_t c = 0; c < CONVENTIONS; c++)
				assert_int_equal(
				    ukwd_workday_roll(&out, cal, d,
				                      all_conventions[c]),
				    UKWD_ERANGE);
			assert_int_equal(ukwd_workday_count_inclusive(
			                     &count, cal, d, first + 10),
			                 UKWD_ERANGE);
			assert_int_equal(ukwd_workday_count_inclusive(
			                     &count, cal, first + 10, d),
			                 UKWD_ERANGE);
			if (d != last + 1) {
				assert_int_equal(
				    ukwd_workday_count(&count, cal, d, first),
				    UKWD_ERANGE);
				assert_int_equal(
				    ukwd_workday_count(&count, cal, first, d),
				    UKWD_ERANGE);
			}
		}
	}
	assert_int_equal(out, UNTOUCHED_DATE);
	assert_int_equal(count, UNTOUCHED_COUNT);
	ukwd_calendar_free(cal);
}

/* A calendar that starts and ends on non-working days, so the answer can
 * leave the range while the input is inside it. */
static void
test_errors__an_answer_outside_the_range_is_erange(void **state)
{
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *cal = NULL;
	/* Saturday 3 June to Sunday 18 June 2023, holiday Monday 5 June */
	ukwd_date first = ymd(2023, 6, 3), last = ymd(2023, 6, 18);
	ukwd_date out = UNTOUCHED_DATE;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, first, last), 0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 6, 5), "x"), 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	ukwd_calendar_builder_free(b);

	/* 9 working days: 6-9 June and 12-16 June */
	assert_int_equal(count_ok(cal, first, last + 1), 9);
	assert_int_equal(add_ok(cal, first, 9), ymd(2023, 6, 16));
	assert_int_equal(ukwd_workday_add(&out, cal, first, 10), UKWD_ERANGE);
	assert_int_equal(ukwd_workday_add(&out, cal, ymd(2023, 6, 16), 1),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_next(&out, cal, ymd(2023, 6, 16)),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_next(&out, cal, last), UKWD_ERANGE);
	assert_int_equal(add_ok(cal, last, -9), ymd(2023, 6, 6));
	assert_int_equal(ukwd_workday_add(&out, cal, last, -10), UKWD_ERANGE);
	assert_int_equal(ukwd_workday_prev(&out, cal, ymd(2023, 6, 6)),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_prev(&out, cal, first), UKWD_ERANGE);
	/* rolls that would leave the range */
	assert_int_equal(
	    ukwd_workday_roll(&out, cal, first, UKWD_ROLL_PRECEDING),
	    UKWD_ERANGE);
	assert_int_equal(
	    ukwd_workday_roll(&out, cal, ymd(2023, 6, 5), UKWD_ROLL_PRECEDING),
	    UKWD_ERANGE);
	assert_int_equal(
	    ukwd_workday_roll(&out, cal, last, UKWD_ROLL_FOLLOWING),
	    UKWD_ERANGE);
	assert_int_equal(out, UNTOUCHED_DATE);
	/* ... but the ones that stay inside it answer */
	assert_int_equal(roll_ok(cal, first, UKWD_ROLL_FOLLOWING),
	                 ymd(2023, 6, 6));
	assert_int_equal(roll_ok(cal, last, UKWD_ROLL_PRECEDING),
	                 ymd(2023, 6, 16));
	assert_int_equal(roll_ok(cal, first, UKWD_ROLL_MODIFIED_FOLLOWING),
	                 ymd(2023, 6, 6));
	/* modified preceding from Saturday 3 June is Friday 2 June (same
	 * month), which is before the range */
	out = UNTOUCHED_DATE;
	assert_int_equal(
	    ukwd_workday_roll(&out, cal, first, UKWD_ROLL_MODIFIED_PRECEDING),
	    UKWD_ERANGE);
	/* modified following from Sunday 18 June: Monday 19 June */
	assert_int_equal(
	    ukwd_workday_roll(&out, cal, last, UKWD_ROLL_MODIFIED_FOLLOWING),
	    UKWD_ERANGE);
	assert_int_equal(out, UNTOUCHED_DATE);
	ukwd_calendar_free(cal);
}

static void
test_add__int32_extremes_are_erange_not_overflow(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *whole = NULL;
	const int32_t extreme[] = {INT32_MAX, INT32_MIN, INT32_MAX - 1,
	                           INT32_MIN + 1};
	ukwd_date out = UNTOUCHED_DATE;

	(void)state;
	/* every day of the date range a working day: as many working days
	 * as a calendar can have */
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_weekend(b, 0), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN, UKWD_DATE_MAX),
	    0);
	assert_int_equal(ukwd_calendar_build(&whole, b, NULL), 0);
	ukwd_calendar_builder_free(b);

	for (size_t i = 0; i < sizeof(extreme) / sizeof(extreme[0]); i++) {
		const ukwd_date from[] = {ymd(2022, 12, 1), ymd(2023, 6, 3),
		                          ymd(2023, 6, 7), ymd(2024, 1, 31)};
		const ukwd_date whole_from[] = {UKWD_DATE_MIN, 0,
		                                UKWD_DATE_MAX};

		for (size_t j = 0; j < sizeof(from) / sizeof(from[0]); j++)
			assert_int_equal(
			    ukwd_workday_add(&out, cal, from[j], extreme[i]),
			    UKWD_ERANGE);
		for (size_t j = 0;
		     j < sizeof(whole_from) / sizeof(whole_from[0]); j++)
			assert_int_equal(ukwd_workday_add(&out, whole,
			                                  whole_from[j],
			                                  extreme[i]),
			                 UKWD_ERANGE);
	}
	assert_int_equal(out, UNTOUCHED_DATE);
	/* the largest n that fits does */
	assert_int_equal(
	    add_ok(whole, UKWD_DATE_MIN, UKWD_DATE_MAX - UKWD_DATE_MIN),
	    UKWD_DATE_MAX);
	assert_int_equal(
	    add_ok(whole, UKWD_DATE_MAX, UKWD_DATE_MIN - UKWD_DATE_MAX),
	    UKWD_DATE_MIN);
	assert_int_equal(ukwd_workday_add(&out, whole, UKWD_DATE_MIN,
	                                  UKWD_DATE_MAX - UKWD_DATE_MIN + 1),
	                 UKWD_ERANGE);
	ukwd_calendar_free(whole);
	ukwd_calendar_free(cal);
}

static void
test_count__accepts_last_plus_one_and_rejects_last_plus_two(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_date first, last;
	int32_t count = UNTOUCHED_COUNT;

	(void)state;
	ukwd_calendar_range(cal, &first, &last);
	/* January 2024: 23 weekdays less New Year's Day */
	assert_int_equal(count_ok(cal, ymd(2024, 1, 1), last + 1), 22);
	assert_int_equal(count_ok(cal, last + 1, ymd(2024, 1, 1)), -22);
	assert_int_equal(count_ok(cal, last + 1, last + 1), 0);
	assert_int_equal(count_ok(cal, first, first), 0);
	assert_int_equal(ukwd_workday_count(&count, cal, first, last + 2),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_count(&count, cal, last + 2, first),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_count(&count, cal, first - 1, first),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_count(&count, cal, first, first - 1),
	                 UKWD_ERANGE);
	/* inclusive: last + 1 is past the range */
	assert_int_equal(
	    ukwd_workday_count_inclusive(&count, cal, first, last + 1),
	    UKWD_ERANGE);
	assert_int_equal(count, UNTOUCHED_COUNT);
	ukwd_calendar_free(cal);
}

static void
test_roll__rejects_an_unknown_convention(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_date out = UNTOUCHED_DATE;

	(void)state;
	/* on a working day and a non-working day alike */
	assert_int_equal(
	    ukwd_workday_roll(&out, cal, ymd(2023, 6, 7), (ukwd_roll)4),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_workday_roll(&out, cal, ymd(2023, 6, 3), (ukwd_roll)4),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_workday_roll(&out, cal, ymd(2023, 6, 3), (ukwd_roll)-1),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_workday_roll(&out, cal, ymd(2023, 6, 3), (ukwd_roll)1000),
	    UKWD_EINVAL);
	assert_int_equal(out, UNTOUCHED_DATE);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* Batches */

#define BATCH 3000

static void
test_batch__equals_single_calls_over_random_arrays(void **state)
{
	struct test_rng r = {UINT64_C(0x6261746368)};
	ukwd_calendar *cal = england_2023();
	ukwd_date first, last;
	ukwd_date *dates = calloc(BATCH, sizeof(*dates));
	ukwd_date *to = calloc(BATCH, sizeof(*to));
	ukwd_date *added = calloc(BATCH, sizeof(*added));
	int32_t *n = calloc(BATCH, sizeof(*n));
	int32_t *counts = calloc(BATCH, sizeof(*counts));
	unsigned char *working = calloc(BATCH, 1);
	int *status = calloc(BATCH, sizeof(*status));

	(void)state;
	assert_non_null(dates);
	assert_non_null(to);
	assert_non_null(added);
	assert_non_null(n);
	assert_non_null(counts);
	assert_non_null(working);
	assert_non_null(status);
	ukwd_calendar_range(cal, &first, &last);
	for (int round = 0; round < 20; round++) {
		int first_is_working = 0, first_add = 0, first_count = 0;
		int with_status = round % 2 == 0;
		/* some rounds have no failing element at all: in range,
		 * n > 0, and far enough from the end for the answer to be */
		int64_t lo = round % 4 == 1 ? first : first - 20;
		int64_t hi = round % 4 == 1 ? last - 20 : last + 20;
		int rc;

		for (size_t i = 0; i < BATCH; i++) {
			dates[i] = (ukwd_date)test_rng_between(&r, lo, hi);
			to[i] = (ukwd_date)test_rng_between(&r, lo, hi + 1);
			n[i] = (int32_t)test_rng_between(&r, -300, 300);
			if (round % 4 == 1)
				n[i] = (int32_t)test_rng_between(&r, 1, 5);
		}
		memset(status, 0x55, BATCH * sizeof(*status));
		rc = ukwd_workday_is_working_batch(
		    working, with_status ? status : NULL, cal, dates, BATCH);
		for (size_t i = 0; i < BATCH; i++) {
			int single = ukwd_workday_is_working(cal, dates[i]);
			int code = single < 0 ? single : 0;

			assert_int_equal(working[i], single < 0 ? 0 : single);
			if (with_status)
				assert_int_equal(status[i], code);
			if (!first_is_working)
				first_is_working = code;
		}
		assert_int_equal(rc, first_is_working);

		memset(status, 0x55, BATCH * sizeof(*status));
		rc = ukwd_workday_add_batch(added, with_status ? status : NULL,
		                            cal, dates, n, BATCH);
		for (size_t i = 0; i < BATCH; i++) {
			ukwd_date single = dates[i];
			int code =
			    ukwd_workday_add(&single, cal, dates[i], n[i]);

			assert_int_equal(added[i], single);
			if (with_status)
				assert_int_equal(status[i], code);
			if (!first_add)
				first_add = code;
		}
		assert_int_equal(rc, first_add);

		memset(status, 0x55, BATCH * sizeof(*status));
		rc = ukwd_workday_count_batch(
		    counts, with_status ? status : NULL, cal, dates, to, BATCH);
		for (size_t i = 0; i < BATCH; i++) {
			int32_t single = 0;
			int code =
			    ukwd_workday_count(&single, cal, dates[i], to[i]);

			assert_int_equal(counts[i], single);
			if (with_status)
				assert_int_equal(status[i], code);
			if (!first_count)
				first_count = code;
		}
		assert_int_equal(rc, first_count);
		if (round % 4 == 1) {
			assert_int_equal(first_is_working, 0);
			assert_int_equal(first_add, 0);
			assert_int_equal(first_count, 0);
		}
	}
	free(dates);
	free(to);
	free(added);
	free(n);
	free(counts);
	free(working);
	free(status);
	ukwd_calendar_free(cal);
}

static void
test_batch__a_failing_element_sets_its_status_and_the_first_error_is_returned(
    void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_date first, last;
	unsigned char working[5];
	ukwd_date added[5];
	int32_t counts[5];
	int status[5];

	(void)state;
	ukwd_calendar_range(cal, &first, &last);
	{
		/* Wednesday, out of range, Saturday, out of range, Monday */
		const ukwd_date dates[5] = {ymd(2023, 6, 7), last + 1,
		                            ymd(2023, 6, 3), first - 1,
		                            ymd(2023, 6, 5)};
		const int32_t n[5] = {1, 1, 0, 1, -1};
		const ukwd_date to[5] = {ymd(2023, 6, 14), first, last + 2,
		                         first, ymd(2023, 6, 12)};

		memset(working, 7, sizeof(working));
		assert_int_equal(ukwd_workday_is_working_batch(working, status,
		                                               cal, dates, 5),
		                 UKWD_ERANGE);
		assert_int_equal(working[0], 1);
		assert_int_equal(working[1], 0);
		assert_int_equal(working[2], 0);
		assert_int_equal(working[3], 0);
		assert_int_equal(working[4], 1);
		assert_int_equal(status[0], 0);
		assert_int_equal(status[1], UKWD_ERANGE);
		assert_int_equal(status[2], 0);
		assert_int_equal(status[3], UKWD_ERANGE);
		assert_int_equal(status[4], 0);

		/* ERANGE at 1 comes before EINVAL (n = 0 on Saturday) at 2 */
		assert_int_equal(
		    ukwd_workday_add_batch(added, status, cal, dates, n, 5),
		    UKWD_ERANGE);
		assert_int_equal(added[0], ymd(2023, 6, 8));
		assert_int_equal(added[1], last + 1);
		assert_int_equal(added[2], ymd(2023, 6, 3));
		assert_int_equal(added[3], first - 1);
		assert_int_equal(added[4], ymd(2023, 6, 2));
		assert_int_equal(status[0], 0);
		assert_int_equal(status[1], UKWD_ERANGE);
		assert_int_equal(status[2], UKWD_EINVAL);
		assert_int_equal(status[3], UKWD_ERANGE);
		assert_int_equal(status[4], 0);

		/* with the Saturday first, EINVAL is the first error */
		{
			const ukwd_date dates2[3] = {ymd(2023, 6, 3), last + 1,
			                             ymd(2023, 6, 7)};
			const int32_t n2[3] = {0, 1, 0};

			assert_int_equal(ukwd_workday_add_batch(
			                     added, status, cal, dates2, n2, 3),
			                 UKWD_EINVAL);
			assert_int_equal(status[0], UKWD_EINVAL);
			assert_int_equal(status[1], UKWD_ERANGE);
			assert_int_equal(status[2], 0);
			assert_int_equal(added[2], ymd(2023, 6, 7));
			/* and without status the return is the same */
			assert_int_equal(ukwd_workday_add_batch(
			                     added, NULL, cal, dates2, n2, 3),
			                 UKWD_EINVAL);
		}

		memset(counts, 7, sizeof(counts));
		assert_int_equal(
		    ukwd_workday_count_batch(counts, status, cal, dates, to, 5),
		    UKWD_ERANGE);
		assert_int_equal(counts[0], 5);
		assert_int_equal(counts[1], -count_ok(cal, first, last + 1));
		assert_int_equal(counts[2], 0);
		assert_int_equal(counts[3], 0);
		assert_int_equal(counts[4], 5);
		assert_int_equal(status[0], 0);
		assert_int_equal(status[1], 0);
		assert_int_equal(status[2], UKWD_ERANGE);
		assert_int_equal(status[3], UKWD_ERANGE);
		assert_int_equal(status[4], 0);
	}
	ukwd_calendar_free(cal);
}

static void
test_batch__zero_count_with_null_pointers_is_ok(void **state)
{
	(void)state;
	assert_int_equal(
	    ukwd_workday_is_working_batch(NULL, NULL, NULL, NULL, 0), 0);
	assert_int_equal(
	    ukwd_workday_add_batch(NULL, NULL, NULL, NULL, NULL, 0), 0);
	assert_int_equal(
	    ukwd_workday_count_batch(NULL, NULL, NULL, NULL, NULL, 0), 0);
}

static void
test_batch__null_pointer_with_elements_is_einval(void **state)
{
	ukwd_calendar *cal = england_2023();
	const ukwd_date dates[2] = {ymd(2023, 6, 7), ymd(2023, 6, 8)};
	const int32_t n[2] = {1, 1};
	unsigned char working[2] = {9, 9};
	ukwd_date added[2] = {UNTOUCHED_DATE, UNTOUCHED_DATE};
	int32_t counts[2] = {UNTOUCHED_COUNT, UNTOUCHED_COUNT};
	int status[2] = {99, 99};

	(void)state;
	assert_int_equal(
	    ukwd_workday_is_working_batch(NULL, status, cal, dates, 2),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_workday_is_working_batch(working, status, NULL, dates, 2),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_workday_is_working_batch(working, status, cal, NULL, 2),
	    UKWD_EINVAL);

	assert_int_equal(ukwd_workday_add_batch(NULL, status, cal, dates, n, 2),
	                 UKWD_EINVAL);
	assert_int_equal(
	    ukwd_workday_add_batch(added, status, NULL, dates, n, 2),
	    UKWD_EINVAL);
	assert_int_equal(ukwd_workday_add_batch(added, status, cal, NULL, n, 2),
	                 UKWD_EINVAL);
	assert_int_equal(
	    ukwd_workday_add_batch(added, status, cal, dates, NULL, 2),
	    UKWD_EINVAL);

	assert_int_equal(
	    ukwd_workday_count_batch(NULL, status, cal, dates, dates, 2),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_workday_count_batch(counts, status, NULL, dates, dates, 2),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_workday_count_batch(counts, status, cal, NULL, dates, 2),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_workday_count_batch(counts, status, cal, dates, NULL, 2),
	    UKWD_EINVAL);

	/* nothing was written */
	assert_int_equal(working[0], 9);
	assert_int_equal(working[1], 9);
	assert_int_equal(added[0], UNTOUCHED_DATE);
	assert_int_equal(added[1], UNTOUCHED_DATE);
	assert_int_equal(counts[0], UNTOUCHED_COUNT);
	assert_int_equal(counts[1], UNTOUCHED_COUNT);
	assert_int_equal(status[0], 99);
	assert_int_equal(status[1], 99);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* Edges of the date range and of the bitmap's 64-day words */

static void
test_edge__calendar_starting_on_0001_01_01(void **state)
{
	struct model m;
	ukwd_calendar *cal;
	ukwd_date out = UNTOUCHED_DATE;
	int32_t count = UNTOUCHED_COUNT;

	(void)state;
	/* 0001-01-01 was a Monday (proleptic Gregorian) */
	model_init(&m, UKWD_DATE_MIN, ymd(1, 3, 31), UKWD_WEEKEND_SAT_SUN);
	model_add_holiday(&m, ymd(1, 1, 3));
	model_add_holiday(&m, ymd(1, 3, 6));
	model_finish(&m);
	cal = build_model_ok(&m);

	assert_int_equal(ukwd_workday_is_working(cal, UKWD_DATE_MIN), 1);
	assert_int_equal(ukwd_workday_is_working(cal, UKWD_DATE_MIN - 1),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_prev(&out, cal, UKWD_DATE_MIN),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_add(&out, cal, UKWD_DATE_MIN + 1, -1), 0);
	assert_int_equal(out, UKWD_DATE_MIN);
	assert_int_equal(add_ok(cal, UKWD_DATE_MIN, 2), ymd(1, 1, 4));
	/* Monday 1 to Monday 8 January, Wednesday 3rd a holiday */
	assert_int_equal(count_ok(cal, UKWD_DATE_MIN, ymd(1, 1, 8)), 4);
	assert_int_equal(count_ok(cal, UKWD_DATE_MIN, UKWD_DATE_MIN), 0);
	assert_int_equal(
	    ukwd_workday_count(&count, cal, UKWD_DATE_MIN - 1, UKWD_DATE_MIN),
	    UKWD_ERANGE);
	check_exhaustively(cal, &m);
	ukwd_calendar_free(cal);
	model_free(&m);
}

static void
test_edge__calendar_ending_on_9999_12_31(void **state)
{
	struct model m;
	ukwd_calendar *cal;
	ukwd_date out = UNTOUCHED_DATE;
	int32_t count = UNTOUCHED_COUNT;

	(void)state;
	/* 9999-12-31 is a Friday */
	model_init(&m, ymd(9999, 10, 1), UKWD_DATE_MAX, UKWD_WEEKEND_SAT_SUN);
	model_add_holiday(&m, ymd(9999, 12, 27));
	model_finish(&m);
	cal = build_model_ok(&m);

	assert_int_equal(ukwd_workday_is_working(cal, UKWD_DATE_MAX), 1);
	assert_int_equal(ukwd_workday_next(&out, cal, UKWD_DATE_MAX),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_workday_add(&out, cal, UKWD_DATE_MAX - 1, 1), 0);
	assert_int_equal(out, UKWD_DATE_MAX);
	/* Monday 27th is a holiday: Friday 24 + 1 is Tuesday 28 */
	assert_int_equal(add_ok(cal, ymd(9999, 12, 24), 1), ymd(9999, 12, 28));
	assert_int_equal(count_ok(cal, ymd(9999, 12, 27), UKWD_DATE_MAX + 1),
	                 4);
	assert_int_equal(ukwd_workday_count(&count, cal, ymd(9999, 12, 27),
	                                    UKWD_DATE_MAX + 2),
	                 UKWD_ERANGE);
	assert_int_equal(roll_ok(cal, UKWD_DATE_MAX, UKWD_ROLL_FOLLOWING),
	                 UKWD_DATE_MAX);
	check_exhaustively(cal, &m);
	ukwd_calendar_free(cal);
	model_free(&m);
}

/* Monday to Friday over all of 0001..9999, plus a few holidays: against
 * the model, at random points. */
static void
test_edge__calendar_covering_the_whole_date_range(void **state)
{
	struct test_rng r = {UINT64_C(0x77686F6C65)};
	struct model m;
	ukwd_calendar *cal;

	(void)state;
	model_init(&m, UKWD_DATE_MIN, UKWD_DATE_MAX, UKWD_WEEKEND_SAT_SUN);
	for (int k = 0; k < 20000; k++)
		model_add_holiday(&m, (ukwd_date)test_rng_between(
		                          &r, UKWD_DATE_MIN, UKWD_DATE_MAX));
	model_add_holiday(&m, UKWD_DATE_MIN);
	model_add_holiday(&m, UKWD_DATE_MAX);
	model_finish(&m);
	cal = build_model_ok(&m);

	assert_int_equal(count_ok(cal, UKWD_DATE_MIN, UKWD_DATE_MAX + 1),
	                 m.total);
	assert_int_equal(add_ok(cal, UKWD_DATE_MIN, m.total),
	                 model_nth_working(&m, m.total - 1));
	assert_int_equal(add_ok(cal, UKWD_DATE_MAX, -m.total),
	                 model_nth_working(&m, 0));
	for (int q = 0; q < 20000; q++) {
		ukwd_date from = random_date(&r, &m);
		ukwd_date to = random_date(&r, &m);

		check_query(cal, &m, from, to, random_n(&r, &m, from));
	}
	ukwd_calendar_free(cal);
	model_free(&m);
}

/* Ranges of 1, 63, 64 and 65 days (either side of one 64-day bitmap
 * word), starting on each weekday, with several weekends and holidays on
 * the word's edges, each checked exhaustively. */
static void
test_edge__ranges_of_1_63_64_65_days_agree_with_the_reference(void **state)
{
	static const int32_t lengths[] = {1, 2, 63, 64, 65, 127, 128, 129};
	static const unsigned int weekends[] = {0, UKWD_WEEKEND_SAT_SUN, 0x41,
	                                        0x3F};
	/* holiday offsets: none, word edges, first and last day */
	static const int32_t edge_offsets[] = {0, 62, 63, 64, 65, 127, 128};
	const ukwd_date monday = ymd(2023, 1, 2);
	long calendars = 0, refused = 0;

	(void)state;
	for (size_t l = 0; l < sizeof(lengths) / sizeof(lengths[0]); l++) {
		for (int start = 0; start < 7; start++) {
			for (size_t w = 0;
			     w < sizeof(weekends) / sizeof(weekends[0]); w++) {
				for (int holidays = 0; holidays < 3;
				     holidays++) {
					struct model m;
					ukwd_calendar *cal;
					int rc;

					if (lengths[l] > 65 &&
					    (start % 3 || holidays == 1))
						continue;
					model_init(&m, monday + start,
					           monday + start + lengths[l] -
					               1,
					           weekends[w]);
					if (holidays >= 1)
						for (size_t k = 0;
						     k <
						     sizeof(edge_offsets) /
						         sizeof(*edge_offsets);
						     k++)
							model_add_holiday(
							    &m, m.first +
							            edge_offsets
							                [k]);
					if (holidays == 2)
						model_add_holiday(&m, m.last);
					model_finish(&m);
					cal = build_model(&m, NULL, 0, &rc);
					if (m.total == 0) {
						assert_int_equal(rc,
						                 UKWD_EINVAL);
						assert_null(cal);
						refused++;
					} else {
						assert_int_equal(rc, 0);
						check_exhaustively(cal, &m);
						calendars++;
					}
					ukwd_calendar_free(cal);
					model_free(&m);
				}
			}
		}
	}
	/* 1-day calendars on weekend days, and ones whose only days are
	 * holidays, must have been refused */
	assert_true(refused > 0);
	assert_true(calendars > 100);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_property__add_count_and_roll_agree_with_a_day_by_day_reference),
	    cmocka_unit_test(test_add__skips_a_holiday_on_monday),
	    cmocka_unit_test(
	        test_add__from_a_non_working_day_does_not_count_it),
	    cmocka_unit_test(test_add__zero_on_a_working_day_returns_it),
	    cmocka_unit_test(test_add__zero_on_a_weekend_or_holiday_is_einval),
	    cmocka_unit_test(test_add__many_working_days_crosses_the_year),
	    cmocka_unit_test(test_count__is_half_open),
	    cmocka_unit_test(test_count__is_negative_when_to_is_before_from),
	    cmocka_unit_test(
	        test_count__gives_251_working_days_in_2023_in_england),
	    cmocka_unit_test(test_count_inclusive__counts_both_ends),
	    cmocka_unit_test(test_next_and_prev__skip_a_bank_holiday_weekend),
	    cmocka_unit_test(test_roll__each_convention_at_month_ends),
	    cmocka_unit_test(test_roll__leaves_a_working_day_where_it_is),
	    cmocka_unit_test(
	        test_roll__modified_conventions_answer_at_a_range_edge_on_a_month_edge),
	    cmocka_unit_test(test_errors__null_arguments_are_einval),
	    cmocka_unit_test(test_check__answer_and_error_kept_apart),
	    cmocka_unit_test(test_errors__dates_outside_the_range_are_erange),
	    cmocka_unit_test(
	        test_errors__an_answer_outside_the_range_is_erange),
	    cmocka_unit_test(test_add__int32_extremes_are_erange_not_overflow),
	    cmocka_unit_test(
	        test_count__accepts_last_plus_one_and_rejects_last_plus_two),
	    cmocka_unit_test(test_roll__rejects_an_unknown_convention),
	    cmocka_unit_test(
	        test_batch__equals_single_calls_over_random_arrays),
	    cmocka_unit_test(
	        test_batch__a_failing_element_sets_its_status_and_the_first_error_is_returned),
	    cmocka_unit_test(test_batch__zero_count_with_null_pointers_is_ok),
	    cmocka_unit_test(test_batch__null_pointer_with_elements_is_einval),
	    cmocka_unit_test(test_edge__calendar_starting_on_0001_01_01),
	    cmocka_unit_test(test_edge__calendar_ending_on_9999_12_31),
	    cmocka_unit_test(test_edge__calendar_covering_the_whole_date_range),
	    cmocka_unit_test(
	        test_edge__ranges_of_1_63_64_65_days_agree_with_the_reference),
	};

	return cmocka_run_group_tests_name("workday", tests, NULL, NULL);
}
