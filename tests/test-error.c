/* Error codes: the one table behind the enum, strerror and err_name. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <ukwd.h>

static void
test_err_name__names_every_code_in_the_table(void **state)
{
	(void)state;
#define CHECK_NAME(name, value, text)                                          \
	assert_string_equal(ukwd_err_name(value), "UKWD_" #name);              \
	assert_string_equal(ukwd_strerror(value), text);
	UKWD_ERRNO_MAP(CHECK_NAME)
#undef CHECK_NAME
}

static void
test_err_name__codes_are_stable(void **state)
{
	(void)state;
	/* Published values: never renumbered. */
	assert_int_equal(UKWD_OK, 0);
	assert_int_equal(UKWD_ERROR, -1);
	assert_int_equal(UKWD_EINVAL, -2);
	assert_int_equal(UKWD_ENOMEM, -3);
	assert_int_equal(UKWD_ERANGE, -4);
	assert_int_equal(UKWD_ENOTFOUND, -5);
	assert_int_equal(UKWD_EPARSE, -6);
	assert_int_equal(UKWD_ECYCLE, -7);
	assert_int_equal(UKWD_EBUFS, -8);
	assert_int_equal(UKWD_ENOTSUPPORTED, -9);
	assert_int_equal(UKWD_EUSER, -10);
	assert_string_equal(ukwd_strerror(UKWD_ERANGE),
	                    "date or number out of range");
}

static void
test_strerror__unknown_codes_get_a_generic_text(void **state)
{
	(void)state;
	assert_string_equal(ukwd_strerror(-999), "unknown error");
	assert_string_equal(ukwd_strerror(5), "unknown error");
	assert_string_equal(ukwd_err_name(-999), "UKWD_UNKNOWN");
}

static void
test_version__matches_the_headers(void **state)
{
	char expected[32];

	(void)state;
	snprintf(expected, sizeof(expected), "%d.%d.%d", UKWD_VERSION_MAJOR,
	         UKWD_VERSION_MINOR, UKWD_VERSION_PATCH);
	assert_string_equal(ukwd_version(), expected);
	assert_string_equal(ukwd_version(), UKWD_VERSION_STRING);
	assert_true(UKWD_VERSION_CHECK(0, 1, 0));
	assert_false(UKWD_VERSION_CHECK(UKWD_VERSION_MAJOR + 1, 0, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_err_name__names_every_code_in_the_table),
	    cmocka_unit_test(test_err_name__codes_are_stable),
	    cmocka_unit_test(test_strerror__unknown_codes_get_a_generic_text),
	    cmocka_unit_test(test_version__matches_the_headers),
	};

	return cmocka_run_group_tests_name("error", tests, NULL, NULL);
}
