/* Notice periods: known answers worked by hand on the SEC calendar (Great
 * Britain: England and Wales with Scotland), at every rule's boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <ukwd.h>

#include "test-util.h"

static ukwd_calendar *sec;

static int
setup(void **state)
{
	(void)state;
	return ukwd_calendar_new_sec(&sec, 1971, 2100);
}

static int
teardown(void **state)
{
	(void)state;
	ukwd_calendar_free(sec);
	return 0;
}

static ukwd_notice_result
check(const ukwd_notice_rule *rule, const char *given, int minutes,
      const char *event)
{
	ukwd_notice_result r;
	ukwd_diag diag;

	assert_non_null(rule);
	assert_int_equal(ukwd_notice_check(&r, sec, rule, day(given), minutes,
	                                   day(event), &diag),
	                 0);
	return r;
}

/* 2017-06-07 (Wed) to 2017-08-31 (Thu) holds 60 working days in Great
 * Britain: 18 in June, 21 in July, 23 weekdays in August less Scotland's
 * Summer bank holiday (7 August) and England's (28 August). */
static void
test_uept_notice__last_compliant_day_and_first_late_day(void **state)
{
	const ukwd_notice_rule *rule = ukwd_notice_rule_find("uept-notice");
	ukwd_notice_result r;

	(void)state;
	r = check(rule, "2017-06-06", UKWD_NO_TIME, "2017-09-01");
	assert_true(r.compliant);
	assert_int_equal(r.given, 60);
	assert_int_equal(r.shortfall, 0);
	assert_date(r.deadline, "2017-06-06");
	assert_int_equal(r.counted_unit, UKWD_UNIT_WORKING_DAYS);

	r = check(rule, "2017-06-07", UKWD_NO_TIME, "2017-09-01");
	assert_false(r.compliant);
	assert_int_equal(r.given, 59);
	assert_int_equal(r.shortfall, 1);
	assert_date(r.deadline, "2017-06-06");
	assert_non_null(strstr(r.explanation, "NOT compliant"));
	assert_non_null(strstr(r.explanation, "2017-06-06"));

	/* The earliest event a 2017-06-06 notice allows: the day after the
	 * 60th working day after it. */
	r = check(rule, "2017-06-06", UKWD_NO_TIME, "2017-09-01");
	assert_date(r.earliest_event, "2017-09-01");
}

static void
test_uept_notice__counting_the_event_day_allows_one_day_later(void **state)
{
	ukwd_notice_rule rule = *ukwd_notice_rule_find("uept-notice");
	ukwd_notice_result r;

	(void)state;
	rule.counting = UKWD_COUNT_EVENT_DAY;
	r = check(&rule, "2017-06-07", UKWD_NO_TIME, "2017-09-01");
	assert_true(r.compliant);
	assert_int_equal(r.given, 60);
	assert_date(r.deadline, "2017-06-07");
	r = check(&rule, "2017-06-08", UKWD_NO_TIME, "2017-09-01");
	assert_false(r.compliant);
	assert_date(r.earliest_event, "2017-09-04"); /* a Monday */
}

static void
test_deemed_receipt__after_the_cutoff_is_the_next_working_day(void **state)
{
	ukwd_notice_rule rule = *ukwd_notice_rule_find("uept-notice");
	ukwd_notice_result r;

	(void)state;
	assert_int_equal(ukwd_time_parse(&rule.cutoff_minutes, "17:00", NULL),
	                 0);
	r = check(&rule, "2017-06-06", 17 * 60, "2017-09-01"); /* on time */
	assert_true(r.compliant);
	assert_date(r.deemed_received, "2017-06-06");
	r = check(&rule, "2017-06-06", 17 * 60 + 1, "2017-09-01");
	assert_false(r.compliant);
	assert_date(r.deemed_received, "2017-06-07");
	assert_int_equal(r.shortfall, 1);
	assert_non_null(strstr(r.explanation, "after the cut-off"));
	/* Friday evening: deemed received on Monday. */
	r = check(&rule, "2017-06-02", 18 * 60, "2017-09-01");
	assert_date(r.deemed_received, "2017-06-05");
	/* Without a time of day the cut-off does not apply. */
	r = check(&rule, "2017-06-06", UKWD_NO_TIME, "2017-09-01");
	assert_true(r.compliant);
}

static void
test_deemed_receipt__a_non_working_day_is_the_next_working_day(void **state)
{
	const ukwd_notice_rule *rule = ukwd_notice_rule_find("uept-notice");
	ukwd_notice_result r;

	(void)state;
	r = check(rule, "2017-06-03", UKWD_NO_TIME, "2017-09-01"); /* Sat */
	assert_date(r.deemed_received, "2017-06-05");
	assert_int_equal(r.given, 61);
	assert_non_null(strstr(r.explanation, "non-working day"));
	/* Boxing Day 2023 (Tue) then 27 December. */
	r = check(ukwd_notice_rule_find("uept-exit-receipt"), "2023-12-26",
	          UKWD_NO_TIME, "2023-12-29");
	assert_date(r.deemed_received, "2023-12-27");
	assert_date(r.deadline, "2023-12-29");
	assert_true(r.compliant);
}

static void
test_within__across_christmas(void **state)
{
	const ukwd_notice_rule *rule =
	    ukwd_notice_rule_find("uept-exit-receipt");
	ukwd_notice_result r;

	(void)state;
	/* Friday 22 December 2023; Christmas and Boxing Day follow. */
	r = check(rule, "2023-12-22", UKWD_NO_TIME, "2023-12-28");
	assert_true(r.compliant);
	assert_int_equal(r.given, 2);
	assert_date(r.deadline, "2023-12-28");
	r = check(rule, "2023-12-22", UKWD_NO_TIME, "2023-12-29");
	assert_false(r.compliant);
	assert_int_equal(r.shortfall, 1);
	assert_int_equal(r.given, 3);
	/* An action before the trigger complies and took no time. */
	r = check(rule, "2023-12-22", UKWD_NO_TIME, "2023-12-21");
	assert_true(r.compliant);
	assert_int_equal(r.given, 0);
}

static void
test_within__across_easter_depends_on_the_division(void **state)
{
	const ukwd_notice_rule *rule =
	    ukwd_notice_rule_find("uept-exit-review");
	ukwd_calendar *scotland;
	ukwd_notice_result r;

	(void)state;
	/* Wednesday 27 March 2024: Good Friday 29 March; Easter Monday 1
	 * April is a holiday in England, not in Scotland. */
	r = check(rule, "2024-03-27", UKWD_NO_TIME, "2024-04-05");
	assert_true(r.compliant);
	assert_date(r.deadline, "2024-04-05");
	r = check(rule, "2024-03-27", UKWD_NO_TIME, "2024-04-08");
	assert_false(r.compliant);
	assert_int_equal(r.shortfall, 1);
	assert_int_equal(
	    ukwd_calendar_new_uk(&scotland, UKWD_UK_SCOTLAND, 2024, 2024), 0);
	assert_int_equal(ukwd_notice_check(&r, scotland, rule,
	                                   day("2024-03-27"), UKWD_NO_TIME,
	                                   day("2024-04-05"), NULL),
	                 0);
	assert_false(r.compliant);
	assert_date(r.deadline, "2024-04-04");
	ukwd_calendar_free(scotland);
}

static void
test_exit_rules__two_five_and_two_working_days(void **state)
{
	ukwd_notice_result r;

	(void)state;
	r = check(ukwd_notice_rule_find("uept-exit-confirm"), "2023-05-05",
	          UKWD_NO_TIME, "2023-05-10");
	/* Friday 5 May 2023; Monday 8 May is the Coronation holiday. */
	assert_true(r.compliant);
	assert_date(r.deadline, "2023-05-10");
	r = check(ukwd_notice_rule_find("uept-exit-confirm"), "2023-05-05",
	          UKWD_NO_TIME, "2023-05-11");
	assert_false(r.compliant);
	r = check(ukwd_notice_rule_find("privacy-change-outcome"), "2023-05-05",
	          UKWD_NO_TIME, "2023-05-19");
	assert_true(r.compliant);
	assert_date(r.deadline, "2023-05-22");
}

static void
test_weeks__stay_calendar_weeks(void **state)
{
	const ukwd_notice_rule *rule = ukwd_notice_rule_find("privacy-booking");
	ukwd_notice_result r;

	(void)state;
	assert_int_equal(rule->unit, UKWD_UNIT_WEEKS);
	assert_int_equal(rule->amount, 12);
	/* Wednesday 4 January 2023 + 84 days = Wednesday 29 March. */
	r = check(rule, "2023-01-04", UKWD_NO_TIME, "2023-03-29");
	assert_true(r.compliant);
	assert_int_equal(r.counted_unit, UKWD_UNIT_CALENDAR_DAYS);
	assert_int_equal(r.given, 84);
	r = check(rule, "2023-01-04", UKWD_NO_TIME, "2023-03-28");
	assert_false(r.compliant);
	assert_int_equal(r.shortfall, 1);
	assert_date(r.earliest_event, "2023-03-29");
	/* 2 and 3 January 2023 are bank holidays in Scotland: a request on 2
	 * January is deemed received on the 4th. */
	r = check(rule, "2023-01-02", UKWD_NO_TIME, "2023-03-28");
	assert_date(r.deemed_received, "2023-01-04");
	assert_false(r.compliant);
	/* The latest request for 29 March: 4 January itself. */
	r = check(rule, "2023-01-05", UKWD_NO_TIME, "2023-03-29");
	assert_date(r.deadline, "2023-01-04");
}

static void
test_calendar_days__clear_days_and_the_latest_working_day(void **state)
{
	ukwd_notice_rule rule = UKWD_NOTICE_RULE_INIT;
	ukwd_notice_result r;

	(void)state;
	rule.amount = 10;
	rule.unit = UKWD_UNIT_CALENDAR_DAYS;
	/* 10 clear days before Friday 12 May 2023: received by 1 May, a
	 * bank holiday, so in practice by Friday 28 April. */
	r = check(&rule, "2023-04-28", UKWD_NO_TIME, "2023-05-12");
	assert_true(r.compliant);
	assert_int_equal(r.given, 13);
	assert_date(r.deadline, "2023-04-28");
	r = check(&rule, "2023-05-02", UKWD_NO_TIME, "2023-05-12");
	assert_false(r.compliant);
	assert_int_equal(r.given, 9);
	assert_int_equal(r.shortfall, 1);
	assert_date(r.earliest_event, "2023-05-13");
}

static void
test_months__same_day_or_the_months_last_day(void **state)
{
	ukwd_notice_result r;

	(void)state;
	/* 31 July 2023 + 7 months = 29 February 2024. */
	r = check(ukwd_notice_rule_find("ctsd-submission"), "2023-07-31",
	          UKWD_NO_TIME, "2024-02-29");
	assert_true(r.compliant);
	assert_date(r.earliest_event, "2024-02-29");
	assert_date(r.deadline, "2023-07-31");
	r = check(ukwd_notice_rule_find("ctsd-submission"), "2023-07-31",
	          UKWD_NO_TIME, "2024-02-28");
	assert_false(r.compliant);
	/* Readmission: more than 12 months after expulsion. */
	r = check(ukwd_notice_rule_find("readmission-bar"), "2023-03-15",
	          UKWD_NO_TIME, "2024-03-15");
	assert_false(r.compliant);
	assert_date(r.earliest_event, "2024-03-16");
	r = check(ukwd_notice_rule_find("readmission-bar"), "2023-03-15",
	          UKWD_NO_TIME, "2024-03-16");
	assert_true(r.compliant);
}

/* The rules not covered above, at their boundaries, worked by hand. */
static void
test_remaining_rules__last_compliant_and_first_late_day(void **state)
{
	static const struct {
		const char *rule, *given, *last_ok, *first_late;
	} cases[] = {
	    /* 10 working days after Wednesday 20 December 2023: 21, 22,
	     * 27, 28, 29 December; 1 and 2 January are holidays in
	     * Scotland; 3, 4, 5, 8, 9 January. */
	    {"privacy-change-decision", "2023-12-20", "2024-01-09",
	     "2024-01-10"},
	    /* 10 working days after Friday 5 May 2023 (Coronation on the
	     * 8th): 9-12, 15-19 and 22 May. */
	    {"privacy-change-outcome", "2023-05-05", "2023-05-22",
	     "2023-05-23"},
	    /* 4 weeks after Wednesday 27 March 2024. */
	    {"privacy-change-assessment", "2024-03-27", "2024-04-24",
	     "2024-04-25"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const ukwd_notice_rule *rule =
		    ukwd_notice_rule_find(cases[i].rule);
		ukwd_notice_result r;

		r = check(rule, cases[i].given, UKWD_NO_TIME, cases[i].last_ok);
		if (!r.compliant)
			fail_msg("%s: %s should comply", cases[i].rule,
			         cases[i].last_ok);
		assert_date(r.deadline, cases[i].last_ok);
		r = check(rule, cases[i].given, UKWD_NO_TIME,
		          cases[i].first_late);
		if (r.compliant)
			fail_msg("%s: %s should be late", cases[i].rule,
			         cases[i].first_late);
	}
}

/* Four weeks' notice before a start, given on Christmas Day 2023: deemed
 * received on Wednesday 27 December, so the start can be on 24 January
 * 2024 and not the 23rd. */
static void
test_privacy_reschedule__across_christmas(void **state)
{
	const ukwd_notice_rule *rule =
	    ukwd_notice_rule_find("privacy-reschedule");
	ukwd_notice_result r;

	(void)state;
	r = check(rule, "2023-12-25", UKWD_NO_TIME, "2024-01-24");
	assert_true(r.compliant);
	assert_date(r.deemed_received, "2023-12-27");
	r = check(rule, "2023-12-25", UKWD_NO_TIME, "2024-01-23");
	assert_false(r.compliant);
	assert_int_equal(r.shortfall, 1);
	/* The latest day to give notice for 23 January: Tuesday 26
	 * December is Boxing Day, so Friday 22 December. */
	assert_date(r.deadline, "2023-12-22");
}

static void
test_catalogue__every_rule_has_an_id_a_source_and_a_citation(void **state)
{
	static const char *const expected[] = {"uept-notice",
	                                       "uept-exit-receipt",
	                                       "uept-exit-review",
	                                       "uept-exit-confirm",
	                                       "privacy-booking",
	                                       "privacy-reschedule",
	                                       "privacy-change-outcome",
	                                       "privacy-change-decision",
	                                       "privacy-change-assessment",
	                                       "ctsd-submission",
	                                       "readmission-bar"};
	size_t n = ukwd_notice_rule_count();

	(void)state;
	assert_int_equal(n, sizeof(expected) / sizeof(expected[0]));
	for (size_t i = 0; i < n; i++) {
		const ukwd_notice_rule *rule = ukwd_notice_rule_at(i);

		assert_string_equal(rule->id, expected[i]);
		assert_ptr_equal(ukwd_notice_rule_find(expected[i]), rule);
		assert_non_null(rule->title);
		assert_non_null(rule->citation);
		assert_non_null(rule->reference);
		assert_int_not_equal(rule->source, UKWD_SOURCE_PROPOSED);
	}
	assert_null(ukwd_notice_rule_at(n));
	assert_null(ukwd_notice_rule_find("no-such-rule"));
	assert_null(ukwd_notice_rule_find(NULL));
	assert_int_equal(ukwd_notice_rule_find("uept-notice")->amount, 60);
	assert_int_equal(ukwd_notice_rule_find("uept-notice")->source,
	                 UKWD_SOURCE_CHECKLIST);
	assert_int_equal(ukwd_notice_rule_find("uept-exit-review")->amount, 5);
	assert_int_equal(
	    ukwd_notice_rule_find("privacy-change-outcome")->amount, 10);
	assert_string_equal(ukwd_source_name(UKWD_SOURCE_PROPOSED), "PROPOSED");
	assert_string_equal(ukwd_source_name(UKWD_SOURCE_CHECKLIST),
	                    "CHECKLIST");
	assert_string_equal(ukwd_source_name(UKWD_SOURCE_SOURCED), "SOURCED");
	assert_string_equal(ukwd_source_name((ukwd_source)9), "UNKNOWN");
}

static void
test_errors__bad_rules_times_and_dates(void **state)
{
	ukwd_notice_rule rule = *ukwd_notice_rule_find("uept-notice");
	ukwd_notice_result r;
	ukwd_diag diag;

	(void)state;
	memset(&r, 0x5a, sizeof(r));
	assert_int_equal(ukwd_notice_check(NULL, sec, &rule, day("2017-06-06"),
	                                   UKWD_NO_TIME, day("2017-09-01"),
	                                   NULL),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_notice_check(&r, NULL, &rule, day("2017-06-06"),
	                                   UKWD_NO_TIME, day("2017-09-01"),
	                                   NULL),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_notice_check(&r, sec, &rule, day("2017-06-06"),
	                                   1440, day("2017-09-01"), &diag),
	                 UKWD_EINVAL);
	assert_int_equal(diag.code, UKWD_EINVAL);
	rule.cutoff_minutes = 1440;
	assert_int_equal(ukwd_notice_check(&r, sec, &rule, day("2017-06-06"),
	                                   UKWD_NO_TIME, day("2017-09-01"),
	                                   NULL),
	                 UKWD_EINVAL);
	rule.cutoff_minutes = UKWD_NO_CUTOFF;
	rule.amount = -1;
	assert_int_equal(ukwd_notice_check(&r, sec, &rule, day("2017-06-06"),
	                                   UKWD_NO_TIME, day("2017-09-01"),
	                                   NULL),
	                 UKWD_EINVAL);
	rule.amount = 60;
	rule.unit = (ukwd_notice_unit)7;
	assert_int_equal(ukwd_notice_check(&r, sec, &rule, day("2017-06-06"),
	                                   UKWD_NO_TIME, day("2017-09-01"),
	                                   NULL),
	                 UKWD_EINVAL);
	rule.unit = UKWD_UNIT_WORKING_DAYS;
	assert_int_equal(ukwd_notice_check(&r, sec, &rule, day("1970-06-06"),
	                                   UKWD_NO_TIME, day("2017-09-01"),
	                                   &diag),
	                 UKWD_ERANGE);
	/* The latest notice day for an event in early 1971 is before the
	 * calendar starts. */
	assert_int_equal(ukwd_notice_check(&r, sec, &rule, day("1971-01-04"),
	                                   UKWD_NO_TIME, day("1971-02-01"),
	                                   &diag),
	                 UKWD_ERANGE);
	assert_int_equal(diag.code, UKWD_ERANGE);
	/* Nothing was written on failure. */
	assert_int_equal(r.compliant, 0x5a5a5a5a);
}

static void
test_time_parse__hh_mm_only(void **state)
{
	int minutes = -5;
	ukwd_date d;
	ukwd_diag diag;

	(void)state;
	assert_int_equal(ukwd_time_parse(&minutes, "17:00", NULL), 0);
	assert_int_equal(minutes, 1020);
	assert_int_equal(ukwd_time_parse(&minutes, "00:00", NULL), 0);
	assert_int_equal(minutes, 0);
	assert_int_equal(ukwd_time_parse(&minutes, "23:59", NULL), 0);
	assert_int_equal(minutes, 1439);
	assert_int_equal(ukwd_time_parse(&minutes, "24:00", &diag),
	                 UKWD_EPARSE);
	assert_int_equal(ukwd_time_parse(&minutes, "12:60", &diag),
	                 UKWD_EPARSE);
	assert_int_equal(diag.column, 4);
	assert_int_equal(ukwd_time_parse(&minutes, "7:00", NULL), UKWD_EPARSE);
	assert_int_equal(ukwd_time_parse(&minutes, "17:00:00", NULL),
	                 UKWD_EPARSE);
	assert_int_equal(ukwd_time_parse(&minutes, "", NULL), UKWD_EPARSE);
	assert_int_equal(ukwd_time_parse(NULL, "17:00", NULL), UKWD_EINVAL);
	assert_int_equal(minutes, 1439);

	assert_int_equal(
	    ukwd_date_time_parse(&d, &minutes, "2017-06-01T17:30", NULL), 0);
	assert_int_equal(d, day("2017-06-01"));
	assert_int_equal(minutes, 1050);
	assert_int_equal(ukwd_date_time_parse(&d, &minutes, "2017-06-02", NULL),
	                 0);
	assert_int_equal(minutes, -1);
	assert_int_equal(d, day("2017-06-02"));
	assert_int_equal(
	    ukwd_date_time_parse(&d, &minutes, "2017-06-01 17:30", &diag),
	    UKWD_EPARSE);
	assert_int_equal(diag.column, 11);
	assert_int_equal(
	    ukwd_date_time_parse(&d, &minutes, "2017-06-01T", &diag),
	    UKWD_EPARSE);
	assert_int_equal(
	    ukwd_date_time_parse(&d, &minutes, "2017-06-01T25:00", &diag),
	    UKWD_EPARSE);
	assert_int_equal(diag.column, 12);
	assert_int_equal(
	    ukwd_date_time_parse(&d, &minutes, "2017-02-30T10:00", &diag),
	    UKWD_EPARSE);
	assert_int_equal(d, day("2017-06-02"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_uept_notice__last_compliant_day_and_first_late_day),
	    cmocka_unit_test(
	        test_uept_notice__counting_the_event_day_allows_one_day_later),
	    cmocka_unit_test(
	        test_deemed_receipt__after_the_cutoff_is_the_next_working_day),
	    cmocka_unit_test(
	        test_deemed_receipt__a_non_working_day_is_the_next_working_day),
	    cmocka_unit_test(test_within__across_christmas),
	    cmocka_unit_test(
	        test_within__across_easter_depends_on_the_division),
	    cmocka_unit_test(test_exit_rules__two_five_and_two_working_days),
	    cmocka_unit_test(test_weeks__stay_calendar_weeks),
	    cmocka_unit_test(
	        test_calendar_days__clear_days_and_the_latest_working_day),
	    cmocka_unit_test(test_months__same_day_or_the_months_last_day),
	    cmocka_unit_test(
	        test_remaining_rules__last_compliant_and_first_late_day),
	    cmocka_unit_test(test_privacy_reschedule__across_christmas),
	    cmocka_unit_test(
	        test_catalogue__every_rule_has_an_id_a_source_and_a_citation),
	    cmocka_unit_test(test_errors__bad_rules_times_and_dates),
	    cmocka_unit_test(test_time_parse__hh_mm_only),
	};

	return cmocka_run_group_tests_name("notice", tests, setup, teardown);
}
