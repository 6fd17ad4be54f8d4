/* Notice periods: known answers worked by hand on the SEC calendar (Great
 * Britain: England and Wales with Scotland), at every rule's boundary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
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
	ukwd_notice_rule seven_months = UKWD_NOTICE_RULE_INIT;

	seven_months.amount = 7;
	seven_months.unit = UKWD_UNIT_MONTHS;
	seven_months.counting = UKWD_COUNT_EVENT_DAY;
	/* 31 July 2023 + 7 months = 29 February 2024. */
	r = check(&seven_months, "2023-07-31", UKWD_NO_TIME, "2024-02-29");
	assert_true(r.compliant);
	assert_date(r.earliest_event, "2024-02-29");
	assert_date(r.deadline, "2023-07-31");
	r = check(&seven_months, "2023-07-31", UKWD_NO_TIME, "2024-02-28");
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
		assert_int_equal(rule->version, UKWD_NOTICE_RULE_VERSION);
		assert_int_not_equal(rule->source, UKWD_SOURCE_PROPOSED);
		assert_int_not_equal(rule->source, UKWD_SOURCE_USER);
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
	assert_string_equal(ukwd_source_tag_name(UKWD_SOURCE_PROPOSED),
	                    "PROPOSED");
	assert_string_equal(ukwd_source_tag_name(UKWD_SOURCE_CHECKLIST),
	                    "CHECKLIST");
	assert_string_equal(ukwd_source_tag_name(UKWD_SOURCE_SOURCED),
	                    "SOURCED");
	assert_string_equal(ukwd_source_tag_name((ukwd_source_tag)9),
	                    "UNKNOWN");
}

static void
test_source_name__user_is_a_figure_the_caller_chose(void **state)
{
	(void)state;
	assert_int_equal(UKWD_SOURCE_USER, 3);
	assert_string_equal(ukwd_source_tag_name(UKWD_SOURCE_USER), "USER");
	assert_string_equal(ukwd_source_tag_name((ukwd_source_tag)4),
	                    "UNKNOWN");
}

/* Every catalogue rule says no more than its source: the checklist gives
 * the UEPT figures (with H1 and Appendix R for the notice, no section for
 * the exit figures in its note 3); H14 is named only by a glossary page
 * that gives no figure; B1.2(b) comes from an unofficial copy of the Code;
 * the CTSD submission binds the DCC, not a Party. */
static void
test_catalogue__citations_say_only_what_their_source_says(void **state)
{
	static const char *const exit_rules[] = {
	    "uept-exit-receipt", "uept-exit-review", "uept-exit-confirm"};
	static const char checklist[] =
	    "SECAS, SEC Checklist for Small Suppliers v1.3 (December 2017)";
	const ukwd_notice_rule *rule;

	(void)state;
	for (size_t i = 0; i < ukwd_notice_rule_count(); i++) {
		rule = ukwd_notice_rule_at(i);
		if (rule->source == UKWD_SOURCE_CHECKLIST &&
		    strncmp(rule->citation, checklist, strlen(checklist)) != 0)
			fail_msg("%s: a CHECKLIST rule cites '%s'", rule->id,
			         rule->citation);
		if ((rule->reference && strstr(rule->reference, "H14")) ||
		    strstr(rule->citation, "H14") || strstr(rule->title, "H14"))
			fail_msg("%s: cites H14", rule->id);
		if (strstr(rule->citation, "studylib") &&
		    !strstr(rule->citation, "unofficial copy"))
			fail_msg("%s: an unofficial copy not said to be one",
			         rule->id);
	}
	rule = ukwd_notice_rule_find("uept-notice");
	assert_string_equal(rule->reference, "H1, Appendix R");
	assert_int_equal(rule->source, UKWD_SOURCE_CHECKLIST);
	assert_string_equal(rule->citation, "SECAS, SEC Checklist for Small "
	                                    "Suppliers v1.3 (December 2017)");
	for (size_t i = 0; i < sizeof(exit_rules) / sizeof(*exit_rules); i++) {
		rule = ukwd_notice_rule_find(exit_rules[i]);
		assert_non_null(rule);
		assert_null(rule->reference);
		assert_int_equal(rule->source, UKWD_SOURCE_CHECKLIST);
		assert_string_equal(rule->citation,
		                    "SECAS, SEC Checklist for Small Suppliers "
		                    "v1.3 (December 2017), note 3");
		assert_memory_equal(rule->title, "DCC ", 4);
	}
	/* The privacy-change page gives a Section I1 process for the outcome
	 * only. */
	assert_string_equal(
	    ukwd_notice_rule_find("privacy-change-outcome")->reference, "I1");
	assert_null(
	    ukwd_notice_rule_find("privacy-change-decision")->reference);
	assert_null(
	    ukwd_notice_rule_find("privacy-change-assessment")->reference);
	rule = ukwd_notice_rule_find("readmission-bar");
	assert_string_equal(rule->reference, "B1.2(b)");
	assert_int_equal(rule->receipt, UKWD_RECEIPT_AS_GIVEN);
	assert_non_null(strstr(rule->citation, "unofficial copy of the Code"));
	assert_non_null(strstr(rule->title, "application"));
	for (size_t i = 0; i < ukwd_notice_rule_count(); i++)
		if (ukwd_notice_rule_at(i) != rule)
			assert_int_equal(ukwd_notice_rule_at(i)->receipt,
			                 UKWD_RECEIPT_DEEMED);
	assert_null(ukwd_notice_rule_find("ctsd-submission"));
}

/* B1.2(b): an applicant expelled in the 12 months preceding the date of
 * its application cannot be admitted. An expulsion on Saturday 18 March
 * 2023 counts from that Saturday, not from Monday 20 March. */
static void
test_readmission_bar__a_saturday_expulsion_counts_from_that_saturday(
    void **state)
{
	const ukwd_notice_rule *rule = ukwd_notice_rule_find("readmission-bar");
	ukwd_notice_result r;

	(void)state;
	r = check(rule, "2023-03-18", UKWD_NO_TIME, "2024-03-19");
	assert_true(r.compliant);
	assert_date(r.deemed_received, "2023-03-18");
	assert_date(r.earliest_event, "2024-03-19");
	assert_date(r.earliest_working_event, "2024-03-19");
	/* The latest expulsion that allows this application: the Saturday
	 * itself, not rolled back to the Friday. */
	assert_date(r.deadline, "2023-03-18");
	assert_null(strstr(r.explanation, "deemed"));
	/* Monday 18 March 2024: the expulsion is in the 12 months before. */
	r = check(rule, "2023-03-18", UKWD_NO_TIME, "2024-03-18");
	assert_false(r.compliant);
	assert_int_equal(r.shortfall, 1);
	/* A cut-off does not move a date of fact either. */
	{
		ukwd_notice_rule late = *rule;

		late.cutoff_minutes = 17 * 60;
		r = check(&late, "2023-03-17", 23 * 60, "2024-03-18");
		assert_date(r.deemed_received, "2023-03-17");
		assert_true(r.compliant);
	}
}

/* Two clear working days before Wednesday 7 June 2023: with deemed
 * receipt the latest notice day is Friday 2 June; a date counted as given
 * can be as late as Sunday 4 June (Monday and Tuesday lie between). */
static void
test_receipt_as_given__the_latest_day_may_be_a_non_working_day(void **state)
{
	ukwd_notice_rule rule = UKWD_NOTICE_RULE_INIT;
	ukwd_notice_result r;

	(void)state;
	rule.amount = 2;
	r = check(&rule, "2023-06-04", UKWD_NO_TIME, "2023-06-07");
	assert_false(r.compliant);
	assert_date(r.deemed_received, "2023-06-05");
	assert_date(r.deadline, "2023-06-02");
	rule.receipt = UKWD_RECEIPT_AS_GIVEN;
	r = check(&rule, "2023-06-04", UKWD_NO_TIME, "2023-06-07");
	assert_true(r.compliant);
	assert_int_equal(r.given, 2);
	assert_date(r.deemed_received, "2023-06-04");
	assert_date(r.deadline, "2023-06-04");
	assert_date(r.earliest_event, "2023-06-07");
	r = check(&rule, "2023-06-05", UKWD_NO_TIME, "2023-06-07");
	assert_false(r.compliant);
	/* Within 2 working days of Saturday 3 June: Monday and Tuesday. */
	rule.direction = UKWD_NOTICE_WITHIN;
	r = check(&rule, "2023-06-03", UKWD_NO_TIME, "2023-06-06");
	assert_true(r.compliant);
	assert_date(r.deadline, "2023-06-06");
}

/* A version-1 rule ends before `receipt`, so the check must not read it:
 * such a rule is deemed received. Versions 0 and above the current one are
 * refused. */
static void
test_rule_version__1_is_deemed_receipt_0_and_3_are_refused(void **state)
{
	ukwd_notice_rule rule = *ukwd_notice_rule_find("readmission-bar");
	ukwd_notice_result r;
	ukwd_diag diag;

	(void)state;
	rule.version = 1;
	r = check(&rule, "2023-03-18", UKWD_NO_TIME, "2024-03-19");
	assert_date(r.deemed_received, "2023-03-20");
	assert_false(r.compliant);
	assert_date(r.earliest_event, "2024-03-21");
	rule.version = 0;
	assert_int_equal(ukwd_notice_check(&r, sec, &rule, day("2023-03-18"),
	                                   UKWD_NO_TIME, day("2024-03-19"),
	                                   &diag),
	                 UKWD_EINVAL);
	assert_int_equal(diag.code, UKWD_EINVAL);
	rule.version = UKWD_NOTICE_RULE_VERSION + 1;
	assert_int_equal(ukwd_notice_check(&r, sec, &rule, day("2023-03-18"),
	                                   UKWD_NO_TIME, day("2024-03-19"),
	                                   NULL),
	                 UKWD_EINVAL);
	rule.version = UKWD_NOTICE_RULE_VERSION;
	rule.receipt = (ukwd_notice_receipt)2;
	assert_int_equal(ukwd_notice_check(&r, sec, &rule, day("2023-03-18"),
	                                   UKWD_NO_TIME, day("2024-03-19"),
	                                   NULL),
	                 UKWD_EINVAL);
	/* A version-1 rule with a bad value beyond its end is still fine. */
	rule.version = 1;
	assert_int_equal(ukwd_notice_check(&r, sec, &rule, day("2023-03-18"),
	                                   UKWD_NO_TIME, day("2024-03-19"),
	                                   NULL),
	                 0);
	assert_int_equal(UKWD_NOTICE_RULE_VERSION, 2);
	{
		ukwd_notice_rule init = UKWD_NOTICE_RULE_INIT;

		assert_int_equal(init.version, 2);
		assert_int_equal(init.receipt, UKWD_RECEIPT_DEEMED);
	}
}

/* Notice deemed received Wednesday 7 June 2017: the 60th working day
 * after it is Friday 1 September, so the earliest event is Saturday 2
 * September and the earliest working one Monday 4 September. From
 * Thursday 1 June the 60th is Friday 25 August: Saturday 26 August, and
 * Monday 28 August is England's Summer bank holiday, so Tuesday 29. */
static void
test_earliest_working_event__rolls_forward_to_a_working_day(void **state)
{
	const ukwd_notice_rule *rule = ukwd_notice_rule_find("uept-notice");
	ukwd_notice_result r;

	(void)state;
	r = check(rule, "2017-06-07", UKWD_NO_TIME, "2017-09-04");
	assert_date(r.earliest_event, "2017-09-02");
	assert_date(r.earliest_working_event, "2017-09-04");
	assert_true(r.compliant);
	r = check(rule, "2017-06-01", UKWD_NO_TIME, "2017-09-01");
	assert_date(r.earliest_event, "2017-08-26");
	assert_date(r.earliest_working_event, "2017-08-29");
	/* Already a working day: unchanged. */
	r = check(rule, "2017-06-06", UKWD_NO_TIME, "2017-09-01");
	assert_date(r.earliest_event, "2017-09-01");
	assert_date(r.earliest_working_event, "2017-09-01");
	/* Weeks: 12 weeks after Saturday 7 January 2023 deemed Monday 9
	 * January is Monday 3 April, a working day; 4 weeks' notice given
	 * Monday 27 March 2023 allows Monday 24 April. */
	r = check(ukwd_notice_rule_find("privacy-reschedule"), "2023-03-25",
	          UKWD_NO_TIME, "2023-04-24");
	assert_date(r.earliest_event, "2023-04-24");
	assert_date(r.earliest_working_event, "2023-04-24");
	/* Calendar days: 10 clear days after Wednesday 3 May 2023 is
	 * Sunday 14 May, so Monday 15 May. */
	{
		ukwd_notice_rule days = UKWD_NOTICE_RULE_INIT;

		days.amount = 10;
		days.unit = UKWD_UNIT_CALENDAR_DAYS;
		r = check(&days, "2023-05-03", UKWD_NO_TIME, "2023-05-12");
		assert_date(r.earliest_event, "2023-05-14");
		assert_date(r.earliest_working_event, "2023-05-15");
	}
	/* Within rules: equal to the deadline. */
	r = check(ukwd_notice_rule_find("uept-exit-receipt"), "2023-12-22",
	          UKWD_NO_TIME, "2023-12-28");
	assert_date(r.earliest_working_event, "2023-12-28");
	r = check(ukwd_notice_rule_find("privacy-change-assessment"),
	          "2024-03-27", UKWD_NO_TIME, "2024-04-24");
	assert_int_equal(r.earliest_working_event, r.deadline);
	assert_date(r.deadline, "2024-04-24");
}

static void
test_event_not_working__flagged_and_explained(void **state)
{
	const ukwd_notice_rule *rule = ukwd_notice_rule_find("uept-notice");
	ukwd_notice_result r;

	(void)state;
	/* Saturday 2 September 2017. */
	r = check(rule, "2017-06-06", UKWD_NO_TIME, "2017-09-02");
	assert_int_equal(r.event_not_working, 1);
	assert_true(r.compliant);
	assert_int_equal(r.given, 61);
	assert_non_null(
	    strstr(r.explanation, "before 2017-09-02 (not a working day)"));
	r = check(rule, "2017-06-06", UKWD_NO_TIME, "2017-09-01");
	assert_int_equal(r.event_not_working, 0);
	assert_null(strstr(r.explanation, "not a working day"));
	/* Bank holidays count: Monday 28 August 2017 in England. */
	r = check(rule, "2017-05-30", UKWD_NO_TIME, "2017-08-28");
	assert_int_equal(r.event_not_working, 1);
	/* Within: the action day. Christmas Day 2023. */
	r = check(ukwd_notice_rule_find("uept-exit-receipt"), "2023-12-22",
	          UKWD_NO_TIME, "2023-12-25");
	assert_int_equal(r.event_not_working, 1);
	assert_true(r.compliant);
	assert_non_null(
	    strstr(r.explanation, "2023-12-25 (not a working day)"));
	/* Weeks. */
	r = check(ukwd_notice_rule_find("privacy-booking"), "2023-01-04",
	          UKWD_NO_TIME, "2023-04-01");
	assert_int_equal(r.event_not_working, 1);
	assert_non_null(strstr(r.explanation, "not a working day"));
}

/* The longest sentence (a cut-off, a period in months, an event on a
 * Saturday, five-digit counts) fits the result's buffer whole. */
static void
test_explanation__the_longest_sentence_fits(void **state)
{
	ukwd_notice_rule rule = UKWD_NOTICE_RULE_INIT;
	ukwd_notice_result r;
	size_t length;

	(void)state;
	rule.amount = 1500;
	rule.unit = UKWD_UNIT_MONTHS;
	rule.cutoff_minutes = 17 * 60;
	/* Received Wednesday 6 January 1971 at 18:00, deemed the 7th; 1500
	 * months on is Saturday 7 January 2096. */
	r = check(&rule, "1971-01-06", 18 * 60, "2096-01-07");
	assert_false(r.compliant);
	assert_int_equal(r.event_not_working, 1);
	length = strlen(r.explanation);
	if (length + 1 >= sizeof(r.explanation) ||
	    strcmp(r.explanation + length - 13, "is 1971-01-06") != 0)
		fail_msg("cut short (%zu bytes): %s", length, r.explanation);
	assert_non_null(strstr(r.explanation, "after the cut-off"));
	assert_non_null(strstr(r.explanation, "(not a working day)"));
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

/* One rule at one pair of dates: a clean UKWD_ERANGE, UKWD_EINVAL for a
 * negative amount, or an answer consistent with itself; a failure leaves
 * the result untouched. */
static void
check_edge(const ukwd_calendar *cal, const ukwd_notice_rule *rule,
           ukwd_date given, ukwd_date event)
{
	ukwd_notice_result r, untouched;
	ukwd_diag diag;
	int rc;

	memset(&r, 0x5a, sizeof(r));
	untouched = r;
	rc =
	    ukwd_notice_check(&r, cal, rule, given, UKWD_NO_TIME, event, &diag);
	if (rule->amount < 0) {
		assert_int_equal(rc, UKWD_EINVAL);
	} else if (rule->amount > UKWD_DATE_MAX - UKWD_DATE_MIN) {
		/* No period that long fits between 0001 and 9999. */
		assert_int_equal(rc, UKWD_ERANGE);
	} else if (rc == 0) {
		assert_true(r.given >= 0);
		assert_true(r.shortfall >= 0);
		assert_int_equal(r.compliant, r.shortfall == 0);
		assert_true(r.deadline >= UKWD_DATE_MIN &&
		            r.deadline <= UKWD_DATE_MAX);
		return;
	} else {
		assert_int_equal(rc, UKWD_ERANGE);
	}
	assert_int_equal(diag.code, rc);
	assert_memory_equal(&r, &untouched, sizeof(r));
}

/* Every unit, direction, counting and receipt at the amounts' and the
 * calendar's edges (issue 13, item 10): amount 2^31-1 once overflowed at
 * -(n + 1). */
static void
test_edges__int32_extremes_and_the_first_and_last_day_are_clean(void **state)
{
	static const int32_t amounts[] = {
	    INT32_MAX, INT32_MAX - 1, 3652058,  3652059, 1, 0,
	    -1,        -INT32_MAX,    INT32_MIN};
	const ukwd_date edges[] = {UKWD_DATE_MIN, UKWD_DATE_MIN + 1,
	                           UKWD_DATE_MAX - 1, UKWD_DATE_MAX};
	const size_t namounts = sizeof(amounts) / sizeof(amounts[0]);
	ukwd_calendar_builder *b;
	ukwd_calendar *whole;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN, UKWD_DATE_MAX),
	    0);
	assert_int_equal(ukwd_calendar_build(&whole, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	/* amount x unit (4) x direction (2) x counting (2) x receipt (2) x
	 * given (4) x event (4), as one index. */
	for (size_t i = 0; i < namounts * 4 * 2 * 2 * 2 * 16; i++) {
		ukwd_notice_rule rule = *ukwd_notice_rule_find("uept-notice");
		size_t rest = i;

		rule.amount = amounts[rest % namounts];
		rest /= namounts;
		rule.unit = (ukwd_notice_unit)(rest % 4);
		rest /= 4;
		rule.direction = (ukwd_notice_direction)(rest % 2);
		rest /= 2;
		rule.counting = (ukwd_notice_counting)(rest % 2);
		rest /= 2;
		rule.receipt = (ukwd_notice_receipt)(rest % 2);
		rest /= 2;
		check_edge(whole, &rule, edges[rest % 4], edges[rest / 4]);
	}
	ukwd_calendar_free(whole);
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

/* A program built against version 1 of ukwd_notice_rule (which ended at
 * `citation`) runs against this library, whose rule has grown: its struct
 * sits at the very end of a block of exactly its size (malloc, not
 * cmocka's guarded test_malloc), so a read or write of a member it does
 * not have is caught by ASan and valgrind (both run this test in CI). */
struct rule_v1 {
	unsigned int version;
	const char *id;
	const char *title;
	int32_t amount;
	ukwd_notice_unit unit;
	ukwd_notice_direction direction;
	ukwd_notice_counting counting;
	int cutoff_minutes;
	ukwd_source_tag source;
	const char *reference;
	const char *citation;
};

static void
test_rule_version__a_version_1_caller_is_read_and_written_to_its_size(
    void **state)
{
	struct rule_v1 *old = malloc(sizeof(*old));
	ukwd_notice_rule *as_rule = (ukwd_notice_rule *)(void *)old;
	ukwd_notice_result r;
	ukwd_diag diag;

	(void)state;
	assert_non_null(old);
	assert_int_equal(offsetof(ukwd_notice_rule, receipt), sizeof(*old));
	/* _init() of version 1 writes the defaults of version 1 only. */
	assert_int_equal(ukwd_notice_rule_init(as_rule, 1), 0);
	assert_int_equal(old->version, 1);
	assert_int_equal(old->amount, 0);
	assert_int_equal(old->source, UKWD_SOURCE_PROPOSED);
	/* _get() fills the caller's version, not the catalogue's. */
	assert_int_equal(ukwd_notice_rule_get(as_rule, "uept-notice"), 0);
	assert_int_equal(old->version, 1);
	assert_int_equal(old->amount, 60);
	assert_string_equal(old->id, "uept-notice");
	assert_int_equal(old->source, UKWD_SOURCE_CHECKLIST);
	/* And the check reads only those members: the last compliant day
	 * for testing on 2023-09-01 (60 clear working days, deemed). */
	assert_int_equal(ukwd_notice_check(&r, sec, as_rule, ymd(2023, 6, 6),
	                                   UKWD_NO_TIME, ymd(2023, 9, 1),
	                                   &diag),
	                 0);
	assert_true(r.compliant);
	assert_int_equal(ukwd_notice_check(&r, sec, as_rule, ymd(2023, 6, 7),
	                                   UKWD_NO_TIME, ymd(2023, 9, 1),
	                                   &diag),
	                 0);
	assert_false(r.compliant);
	/* Versions the library does not know: refused, nothing written. */
	old->amount = 7;
	assert_int_equal(ukwd_notice_rule_init(as_rule, 0), UKWD_EINVAL);
	assert_int_equal(ukwd_notice_rule_init(as_rule, 99), UKWD_EINVAL);
	old->version = 99;
	assert_int_equal(ukwd_notice_rule_get(as_rule, "uept-notice"),
	                 UKWD_EINVAL);
	assert_int_equal(old->amount, 7);
	old->version = 1;
	assert_int_equal(ukwd_notice_rule_get(as_rule, "no-such-rule"),
	                 UKWD_ENOTFOUND);
	assert_int_equal(ukwd_notice_rule_get(NULL, "uept-notice"),
	                 UKWD_EINVAL);
	assert_int_equal(old->amount, 7);
	free(old);
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
	    cmocka_unit_test(
	        test_source_name__user_is_a_figure_the_caller_chose),
	    cmocka_unit_test(
	        test_catalogue__citations_say_only_what_their_source_says),
	    cmocka_unit_test(
	        test_readmission_bar__a_saturday_expulsion_counts_from_that_saturday),
	    cmocka_unit_test(
	        test_receipt_as_given__the_latest_day_may_be_a_non_working_day),
	    cmocka_unit_test(
	        test_rule_version__1_is_deemed_receipt_0_and_3_are_refused),
	    cmocka_unit_test(
	        test_earliest_working_event__rolls_forward_to_a_working_day),
	    cmocka_unit_test(test_event_not_working__flagged_and_explained),
	    cmocka_unit_test(test_explanation__the_longest_sentence_fits),
	    cmocka_unit_test(test_errors__bad_rules_times_and_dates),
	    cmocka_unit_test(test_time_parse__hh_mm_only),
	    cmocka_unit_test(
	        test_rule_version__a_version_1_caller_is_read_and_written_to_its_size),
	    cmocka_unit_test(
	        test_edges__int32_extremes_and_the_first_and_last_day_are_clean),
	};

	return cmocka_run_group_tests_name("notice", tests, setup, teardown);
}
