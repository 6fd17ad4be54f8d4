/* Dates: civil <-> serial, ISO 8601 text, weekdays, Easter. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <ukwd.h>

#include "test-util.h"

static void
test_serial__epoch_and_limits_are_fixed_points(void **state)
{
	(void)state;
	assert_int_equal(ymd(1970, 1, 1), 0);
	assert_int_equal(ymd(1969, 12, 31), -1);
	assert_int_equal(ymd(2000, 3, 1), 11017);
	assert_int_equal(ymd(1, 1, 1), UKWD_DATE_MIN);
	assert_int_equal(ymd(9999, 12, 31), UKWD_DATE_MAX);
}

/* Walk every day of 0001..9999 by incrementing a civil date by hand and
 * check the library agrees in both directions, and on the weekday. */
static void
test_serial__every_day_round_trips_and_advances_by_one(void **state)
{
	static const int length[12] = {31, 28, 31, 30, 31, 30,
	                               31, 31, 30, 31, 30, 31};
	int year = 1, month = 1, day = 1;
	int expected_weekday = UKWD_MONDAY; /* 0001-01-01 was a Monday */

	(void)state;
	for (ukwd_date d = UKWD_DATE_MIN; d <= UKWD_DATE_MAX; d++) {
		int y, m, dd, leap, days;
		ukwd_date back;

		ukwd_date_to_ymd(d, &y, &m, &dd);
		if (y != year || m != month || dd != day)
			fail_msg("serial %d gave %04d-%02d-%02d, expected "
			         "%04d-%02d-%02d",
			         (int)d, y, m, dd, year, month, day);
		if (ukwd_date_from_ymd(&back, y, m, dd) != 0 || back != d)
			fail_msg("%04d-%02d-%02d did not map back to %d", y, m,
			         dd, (int)d);
		if (ukwd_date_weekday(d) != expected_weekday)
			fail_msg("weekday of %04d-%02d-%02d", y, m, dd);
		expected_weekday = expected_weekday % 7 + 1;
		leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
		days = length[month - 1] + (month == 2 && leap);
		if (++day > days) {
			day = 1;
			if (++month > 12) {
				month = 1;
				year++;
			}
		}
	}
	assert_int_equal(year, 10000);
}

static void
test_weekday__known_days(void **state)
{
	(void)state;
	assert_int_equal(ukwd_date_weekday(ymd(1970, 1, 1)), UKWD_THURSDAY);
	assert_int_equal(ukwd_date_weekday(ymd(2023, 5, 8)), UKWD_MONDAY);
	assert_int_equal(ukwd_date_weekday(ymd(2017, 11, 25)), UKWD_SATURDAY);
	assert_int_equal(ukwd_date_weekday(ymd(2018, 8, 31)), UKWD_FRIDAY);
	assert_int_equal(ukwd_date_weekday(ymd(1752, 9, 14)), UKWD_THURSDAY);
	/* Defined for any int32_t, without overflow. */
	assert_in_range(ukwd_date_weekday(INT32_MIN), 1, 7);
	assert_in_range(ukwd_date_weekday(INT32_MAX), 1, 7);
}

static void
test_from_ymd__rejects_days_that_do_not_exist(void **state)
{
	ukwd_date d = 42;

	(void)state;
	assert_int_equal(ukwd_date_from_ymd(&d, 2023, 2, 29), UKWD_EINVAL);
	assert_int_equal(ukwd_date_from_ymd(&d, 1900, 2, 29), UKWD_EINVAL);
	assert_int_equal(ukwd_date_from_ymd(&d, 2023, 13, 1), UKWD_EINVAL);
	assert_int_equal(ukwd_date_from_ymd(&d, 2023, 0, 1), UKWD_EINVAL);
	assert_int_equal(ukwd_date_from_ymd(&d, 2023, 4, 31), UKWD_EINVAL);
	assert_int_equal(ukwd_date_from_ymd(&d, 2023, 4, 0), UKWD_EINVAL);
	assert_int_equal(ukwd_date_from_ymd(&d, 0, 1, 1), UKWD_ERANGE);
	assert_int_equal(ukwd_date_from_ymd(&d, 10000, 1, 1), UKWD_ERANGE);
	assert_int_equal(ukwd_date_from_ymd(&d, INT_MIN, 1, 1), UKWD_ERANGE);
	assert_int_equal(ukwd_date_from_ymd(NULL, 2023, 1, 1), UKWD_EINVAL);
	assert_int_equal(d, 42); /* unchanged on failure */
	assert_int_equal(ukwd_date_from_ymd(&d, 2024, 2, 29), 0);
	assert_int_equal(ukwd_date_from_ymd(&d, 2000, 2, 29), 0);
}

static void
test_to_ymd__accepts_null_outputs(void **state)
{
	int month = 0;

	(void)state;
	ukwd_date_to_ymd(ymd(2017, 11, 25), NULL, &month, NULL);
	assert_int_equal(month, 11);
}

static void
test_parse__reads_strict_iso_dates(void **state)
{
	ukwd_date d;
	ukwd_diag diag;

	(void)state;
	assert_int_equal(ukwd_date_parse(&d, "2017-11-25", &diag), 0);
	assert_int_equal(d, ymd(2017, 11, 25));
	assert_int_equal(diag.code, 0);
	assert_string_equal(diag.message, "");
	assert_int_equal(ukwd_date_parse(&d, "0001-01-01", NULL), 0);
	assert_int_equal(d, UKWD_DATE_MIN);
	assert_int_equal(ukwd_date_parse(&d, "9999-12-31", NULL), 0);
	assert_int_equal(d, UKWD_DATE_MAX);
	assert_int_equal(ukwd_date_parse(&d, "2024-02-29", NULL), 0);
	assert_int_equal(d, ymd(2024, 2, 29));
}

static void
expect_parse_error(const char *text, int code, int column,
                   const char *message_part)
{
	ukwd_date d = 1234;
	ukwd_diag diag;

	assert_int_equal(ukwd_date_parse(&d, text, &diag), code);
	assert_int_equal(diag.code, code);
	assert_int_equal(diag.column, column);
	if (!strstr(diag.message, message_part))
		fail_msg("'%s': message '%s' lacks '%s'", text, diag.message,
		         message_part);
	assert_int_equal(d, 1234);
	/* Without a diag the code is the same. */
	assert_int_equal(ukwd_date_parse(&d, text, NULL), code);
}

static void
test_parse__names_what_is_wrong_and_where(void **state)
{
	(void)state;
	expect_parse_error("2023-02-29", UKWD_EPARSE, 9, "day 29");
	expect_parse_error("2023-13-01", UKWD_EPARSE, 6, "month 13");
	expect_parse_error("2023-00-10", UKWD_EPARSE, 6, "month 00");
	expect_parse_error("2023-04-31", UKWD_EPARSE, 9, "day 31");
	expect_parse_error("2023-1-01", UKWD_EPARSE, 7, "month");
	expect_parse_error("2023-01-01x", UKWD_EPARSE, 11, "after the date");
	expect_parse_error("2023-01-01 ", UKWD_EPARSE, 11, "after the date");
	expect_parse_error("", UKWD_EPARSE, 1, "empty");
	expect_parse_error("23-01-01", UKWD_EPARSE, 3, "year");
	expect_parse_error("2023/01/01", UKWD_EPARSE, 5, "'-'");
	expect_parse_error("2023-01", UKWD_EPARSE, 8, "ends early");
	expect_parse_error("2023-01-1", UKWD_EPARSE, 10, "day");
	expect_parse_error(" 2023-01-01", UKWD_EPARSE, 1, "year");
	expect_parse_error("+2023-01-01", UKWD_EPARSE, 1, "year");
	expect_parse_error("0000-01-01", UKWD_ERANGE, 1, "0000");
	expect_parse_error("20230101", UKWD_EPARSE, 5, "'-'");
}

static void
test_parse__rejects_null(void **state)
{
	ukwd_date d = 7;
	ukwd_diag diag;

	(void)state;
	assert_int_equal(ukwd_date_parse(&d, NULL, &diag), UKWD_EINVAL);
	assert_int_equal(diag.code, UKWD_EINVAL);
	assert_int_equal(ukwd_date_parse(NULL, "2023-01-01", NULL),
	                 UKWD_EINVAL);
	assert_int_equal(d, 7);
}

static void
test_format__writes_iso_and_checks_the_buffer(void **state)
{
	char buf[UKWD_DATE_STRLEN];
	char small[UKWD_DATE_STRLEN - 1] = "x";

	(void)state;
	assert_int_equal(ukwd_date_format(buf, sizeof(buf), ymd(2018, 8, 31)),
	                 0);
	assert_string_equal(buf, "2018-08-31");
	assert_int_equal(ukwd_date_format(buf, sizeof(buf), UKWD_DATE_MIN), 0);
	assert_string_equal(buf, "0001-01-01");
	assert_int_equal(ukwd_date_format(small, sizeof(small), 0), UKWD_EBUFS);
	assert_string_equal(small, "");
	assert_int_equal(ukwd_date_format(buf, 0, 0), UKWD_EBUFS);
	assert_int_equal(ukwd_date_format(NULL, 11, 0), UKWD_EINVAL);
	assert_int_equal(ukwd_date_format(buf, sizeof(buf), UKWD_DATE_MIN - 1),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_date_format(buf, sizeof(buf), UKWD_DATE_MAX + 1),
	                 UKWD_ERANGE);
}

static void
test_format__parse_inverts_it_on_every_day(void **state)
{
	char buf[UKWD_DATE_STRLEN];

	(void)state;
	for (ukwd_date d = UKWD_DATE_MIN; d <= UKWD_DATE_MAX; d++) {
		ukwd_date back = 0;

		assert_int_equal(ukwd_date_format(buf, sizeof(buf), d), 0);
		if (ukwd_date_parse(&back, buf, NULL) != 0 || back != d)
			fail_msg("%s did not parse back to %d", buf, (int)d);
	}
}

static const struct {
	int year, month, day;
} easter_table[] = {
#include "easter-dates.inc"
};

static void
test_easter__matches_the_published_table_1900_to_2100(void **state)
{
	size_t rows = sizeof(easter_table) / sizeof(easter_table[0]);

	(void)state;
	assert_int_equal(rows, 201);
	for (size_t i = 0; i < rows; i++) {
		ukwd_date d;
		int y, m, dd;

		assert_int_equal(easter_table[i].year, 1900 + (int)i);
		assert_int_equal(ukwd_easter_sunday(&d, easter_table[i].year),
		                 0);
		ukwd_date_to_ymd(d, &y, &m, &dd);
		if (m != easter_table[i].month || dd != easter_table[i].day)
			fail_msg("Easter %d: got %02d-%02d, table %02d-%02d", y,
			         m, dd, easter_table[i].month,
			         easter_table[i].day);
	}
}

static void
test_easter__is_a_sunday_between_22_march_and_25_april(void **state)
{
	(void)state;
	for (int year = 1583; year <= 9999; year++) {
		ukwd_date d;
		int y, m, dd;

		assert_int_equal(ukwd_easter_sunday(&d, year), 0);
		ukwd_date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(y, year);
		assert_int_equal(ukwd_date_weekday(d), UKWD_SUNDAY);
		assert_true((m == 3 && dd >= 22) || (m == 4 && dd <= 25));
	}
}

static void
test_easter__rejects_years_outside_the_gregorian_range(void **state)
{
	ukwd_date d = 5;

	(void)state;
	assert_int_equal(ukwd_easter_sunday(&d, 1582), UKWD_ERANGE);
	assert_int_equal(ukwd_easter_sunday(&d, 10000), UKWD_ERANGE);
	assert_int_equal(ukwd_easter_sunday(&d, INT_MIN), UKWD_ERANGE);
	assert_int_equal(ukwd_easter_sunday(NULL, 2000), UKWD_EINVAL);
	assert_int_equal(d, 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_serial__epoch_and_limits_are_fixed_points),
	    cmocka_unit_test(
	        test_serial__every_day_round_trips_and_advances_by_one),
	    cmocka_unit_test(test_weekday__known_days),
	    cmocka_unit_test(test_from_ymd__rejects_days_that_do_not_exist),
	    cmocka_unit_test(test_to_ymd__accepts_null_outputs),
	    cmocka_unit_test(test_parse__reads_strict_iso_dates),
	    cmocka_unit_test(test_parse__names_what_is_wrong_and_where),
	    cmocka_unit_test(test_parse__rejects_null),
	    cmocka_unit_test(test_format__writes_iso_and_checks_the_buffer),
	    cmocka_unit_test(test_format__parse_inverts_it_on_every_day),
	    cmocka_unit_test(
	        test_easter__matches_the_published_table_1900_to_2100),
	    cmocka_unit_test(
	        test_easter__is_a_sunday_between_22_march_and_25_april),
	    cmocka_unit_test(
	        test_easter__rejects_years_outside_the_gregorian_range),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
