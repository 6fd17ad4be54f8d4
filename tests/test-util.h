/* Helpers shared by the tests and benchmarks; include after <ukwd.h> and,
 * in a cmocka test, after <cmocka.h>. The helpers that assert are defined
 * only when cmocka's macros are: the benchmarks do not use cmocka and get
 * the generator and the date helpers alone. */
#ifndef UKWD_TEST_UTIL_H
#define UKWD_TEST_UTIL_H

#include <stdint.h>
#include <stdio.h>

/* A fixed-seed generator (splitmix64): small, the same on every platform,
 * independent of libc rand(). Seed it with {value}. */
struct test_rng {
	uint64_t state;
};

static inline uint64_t
test_rng_next(struct test_rng *r)
{
	uint64_t z = (r->state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* A number in [0, bound), or 0 when bound is 0. */
static inline uint64_t
test_rng_below(struct test_rng *r, uint64_t bound)
{
	return bound ? test_rng_next(r) % bound : 0;
}

/* A number in [lo, hi], both included; lo <= hi. */
static inline int64_t
test_rng_between(struct test_rng *r, int64_t lo, int64_t hi)
{
	return lo + (int64_t)test_rng_below(r, (uint64_t)(hi - lo) + 1);
}

/* The year of a date in 0001..9999. */
static inline int
year_of(ukwd_date d)
{
	int year = 0;

	ukwd_date_to_ymd(d, &year, NULL, NULL);
	return year;
}

/* Whether two dates are in the same month of the same year. */
static inline int
same_month(ukwd_date a, ukwd_date b)
{
	int ya, ma, yb, mb;

	ukwd_date_to_ymd(a, &ya, &ma, NULL);
	ukwd_date_to_ymd(b, &yb, &mb, NULL);
	return ya == yb && ma == mb;
}

/* "YYYY-MM-DD" in `buf`, or the serial number for a date outside
 * 0001..9999, for messages. */
static inline const char *
show_date(ukwd_date d, char buf[32])
{
	if (ukwd_date_format(buf, 32, d) != 0)
		snprintf(buf, 32, "serial %ld", (long)d);
	return buf;
}

/* The id hash of lib/plan.c before issue 13: FNV-1a, then a mixer. Ids
 * that collide under it are the crafted input of issue 13, item 9. */
static inline uint32_t
test_old_id_hash(const char *id)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * UINT64_C(0x100000001b3);
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	return (uint32_t)(h >> 32);
}

#ifdef cmocka_unit_test
/* The date of a civil (year, month, day) that must exist. */
static inline ukwd_date
ymd(int year, int month, int day)
{
	ukwd_date d = 0;

	assert_int_equal(ukwd_date_from_ymd(&d, year, month, day), 0);
	return d;
}

/* The date of "YYYY-MM-DD" text that must parse. */
static inline ukwd_date
day(const char *text)
{
	ukwd_date d = 0;
	ukwd_diag diag;

	if (ukwd_date_parse(&d, text, &diag) != 0)
		fail_msg("bad date '%s': %s", text, diag.message);
	return d;
}

/* Fail unless a date formats as `expected`. */
static inline void
assert_date(ukwd_date got, const char *expected)
{
	char text[UKWD_DATE_STRLEN];

	assert_int_equal(ukwd_date_format(text, sizeof(text), got), 0);
	assert_string_equal(text, expected);
}

#endif /* cmocka_unit_test */

#endif
