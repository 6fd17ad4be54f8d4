/* Helpers shared by the cmocka tests; include after <cmocka.h> and
 * <ukwd.h>. */
#ifndef UKWD_TEST_UTIL_H
#define UKWD_TEST_UTIL_H

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

	assert_int_equal(ukwd_date_parse(&d, text, NULL), 0);
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

#endif
