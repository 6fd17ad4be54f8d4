/* The SEC User Entry Process: the catalogue, its plan scheduled by hand on
 * the SEC calendar (Great Britain), and EUI-64 User IDs. */
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

static ukwd_scheduled_task
task(const ukwd_schedule *s, const ukwd_plan *plan, const char *id)
{
	ukwd_scheduled_task t;
	size_t index;

	if (ukwd_plan_find(&index, plan, id) != 0)
		fail_msg("no task '%s' in the plan", id);
	assert_int_equal(ukwd_schedule_task(&t, s, index), 0);
	return t;
}

static void
test_catalogue__every_figure_has_a_tag_and_a_citation(void **state)
{
	size_t proposed = 0;

	(void)state;
	assert_int_equal(ukwd_uep_stage_count(), 29);
	for (size_t i = 0; i < ukwd_uep_stage_count(); i++) {
		const ukwd_uep_stage *s = ukwd_uep_stage_at(i);

		assert_non_null(s->id);
		assert_non_null(s->title);
		assert_non_null(s->reference);
		assert_non_null(s->citation);
		assert_ptr_equal(ukwd_uep_stage_find(s->id), s);
		assert_true(s->optimistic <= s->duration &&
		            s->duration <= s->pessimistic);
		assert_int_not_equal(s->source, UKWD_SOURCE_USER);
		proposed += s->source == UKWD_SOURCE_PROPOSED;
	}
	assert_null(ukwd_uep_stage_at(ukwd_uep_stage_count()));
	assert_null(ukwd_uep_stage_find("no-such-stage"));
	/* Most durations are ours; the sourced ones are few. */
	assert_in_range(proposed, 16, 24);
	for (size_t i = 0; i < ukwd_uep_dependency_count(); i++) {
		const ukwd_uep_dependency *d = ukwd_uep_dependency_at(i);

		assert_non_null(ukwd_uep_stage_find(d->predecessor));
		assert_non_null(ukwd_uep_stage_find(d->successor));
		assert_non_null(d->citation);
	}
	assert_null(ukwd_uep_dependency_at(ukwd_uep_dependency_count()));
}

/* Citations say only what their source says (issue 12, point 7). */
static void
test_catalogue__citations_say_only_what_their_source_says(void **state)
{
	static const char *const exit_steps[] = {
	    "uept-exit-receipt", "uept-exit-review", "uept-exit-confirm"};
	const ukwd_uep_stage *s;

	(void)state;
	/* The 60 days: the checklist, and the sections it names. */
	s = ukwd_uep_stage_find("uept-notice");
	assert_int_equal(s->duration, 60);
	assert_int_equal(s->source, UKWD_SOURCE_CHECKLIST);
	assert_string_equal(s->reference, "H1, Appendix R");
	/* The exit clocks: the checklist's note 3, which names no section. */
	for (size_t i = 0; i < 3; i++) {
		s = ukwd_uep_stage_find(exit_steps[i]);
		assert_int_equal(s->source, UKWD_SOURCE_CHECKLIST);
		assert_string_equal(s->reference, "");
		assert_non_null(strstr(s->citation, "note 3"));
	}
	/* H14 only beside the page that names it. */
	for (size_t i = 0; i < ukwd_uep_stage_count(); i++) {
		s = ukwd_uep_stage_at(i);
		if (strstr(s->reference, "H14"))
			assert_non_null(strstr(s->citation,
			                       "glossary/additional-sr-tests"));
	}
	/* No page cited for a figure it does not give: the security
	 * booking lead mirrors the privacy page's 12 weeks, and cites it. */
	s = ukwd_uep_stage_find("fusa-booking");
	assert_int_equal(s->source, UKWD_SOURCE_PROPOSED);
	assert_null(strstr(s->citation, "sec/security-assessments"));
	assert_non_null(strstr(s->citation, "privacy-assessment-process"));
	/* The sourced figures. */
	assert_int_equal(ukwd_uep_stage_find("uept-exit-receipt")->duration, 2);
	assert_int_equal(ukwd_uep_stage_find("uept-exit-review")->duration, 5);
	assert_int_equal(ukwd_uep_stage_find("uept-exit-confirm")->duration, 2);
	assert_int_equal(ukwd_uep_stage_find("uept-eqgr")->source,
	                 UKWD_SOURCE_PROPOSED);
	assert_int_equal(ukwd_uep_stage_find("uept-exit-notified")->source,
	                 UKWD_SOURCE_PROPOSED);
	s = ukwd_uep_stage_find("fusa-fieldwork");
	assert_int_equal(s->optimistic, 3);
	assert_int_equal(s->pessimistic, 10);
	assert_int_equal(s->source, UKWD_SOURCE_SOURCED);
	/* The privacy booking lead is stated in weeks, and sourced. */
	s = ukwd_uep_stage_find("privacy-booking");
	assert_int_equal(s->stated_amount, 12);
	assert_int_equal(s->stated_unit, UKWD_UNIT_WEEKS);
	assert_int_equal(s->source, UKWD_SOURCE_SOURCED);
	assert_int_equal(s->roles, UKWD_ROLE_OTHER_USER);
	assert_true(ukwd_uep_stage_find("credit-cover")->credit_cover_only);
	/* Note 1's monthly review is said where Credit Cover is shown. */
	s = ukwd_uep_stage_find("credit-cover");
	assert_non_null(strstr(s->title, "reviewed monthly"));
	assert_non_null(strstr(s->citation, "note 1"));
}

/* The stages the checklist names: DCC Gateway (note 2), Authorised
 * Subscriber after SREPT, Self-Service Interface access in UEPT, and the
 * checklist's "Privacy Audit" as an alias. */
static void
test_catalogue__the_stages_the_checklist_names(void **state)
{
	(void)state;
	assert_non_null(
	    strstr(ukwd_uep_stage_find("dcc-gateway")->citation, "note 2"));
	assert_non_null(ukwd_uep_stage_find("authorised-subscriber"));
	assert_non_null(strstr(ukwd_uep_stage_find("uept-execution")->title,
	                       "Self-Service Interface"));
	assert_non_null(strstr(ukwd_uep_stage_find("uept-notice")->title,
	                       "Self-Service Interface"));
	assert_non_null(strstr(ukwd_uep_stage_find("privacy-booking")->title,
	                       "Privacy Audit"));
	assert_ptr_equal(ukwd_uep_stage_find("privacy-audit-booking"),
	                 ukwd_uep_stage_find("privacy-booking"));
	assert_ptr_equal(ukwd_uep_stage_find("privacy-audit-fieldwork"),
	                 ukwd_uep_stage_find("privacy-fieldwork"));
	assert_null(ukwd_uep_stage_find("privacy-audit-"));
	assert_null(ukwd_uep_stage_find("privacy-audit-nothing"));
}

/* Is there a link predecessor -> successor of this type? */
static int
linked(const ukwd_plan *plan, const char *from, const char *to,
       ukwd_link_type type)
{
	size_t a, b;

	if (ukwd_plan_find(&a, plan, from) || ukwd_plan_find(&b, plan, to))
		return 0;
	for (size_t i = 0; i < ukwd_plan_link_count(plan); i++) {
		ukwd_plan_link_info link;

		assert_int_equal(ukwd_plan_link(&link, plan, i), 0);
		if (link.predecessor == a && link.successor == b &&
		    link.type == type)
			return 1;
	}
	return 0;
}

/* Checklist note 3: receipt (2) and review (5) both run from the
 * notification; the meeting follows the review; confirmation (2) the
 * meeting. Notification to confirmation: 5 + 1 + 2 working days. */
static void
test_exit__both_clocks_run_from_the_notification(void **state)
{
	ukwd_plan *plan;
	ukwd_schedule *s;
	ukwd_scheduled_task notified, confirm;
	int32_t span;

	(void)state;
	assert_int_equal(ukwd_uep_build_plan(&plan, NULL, NULL), 0);
	assert_true(linked(plan, "uept-execution/import-supplier",
	                   "uept-exit-notified/import-supplier", UKWD_LINK_FS));
	assert_true(linked(plan, "uept-exit-notified/import-supplier",
	                   "uept-exit-receipt/import-supplier", UKWD_LINK_FS));
	assert_true(linked(plan, "uept-exit-notified/import-supplier",
	                   "uept-exit-review/import-supplier", UKWD_LINK_FS));
	assert_false(linked(plan, "uept-exit-receipt/import-supplier",
	                    "uept-exit-review/import-supplier", UKWD_LINK_FS));
	assert_true(linked(plan, "uept-exit-review/import-supplier",
	                   "uept-eqgr/import-supplier", UKWD_LINK_FS));
	assert_true(linked(plan, "uept-eqgr/import-supplier",
	                   "uept-exit-confirm/import-supplier", UKWD_LINK_FS));
	assert_int_equal(
	    ukwd_uep_schedule(&s, plan, sec, day("2017-01-03"), NULL, NULL), 0);
	notified = task(s, plan, "uept-exit-notified/import-supplier");
	confirm = task(s, plan, "uept-exit-confirm/import-supplier");
	assert_int_equal(notified.duration, 0);
	/* Working days after the notification up to the confirmation. */
	assert_int_equal(ukwd_workday_count(&span, sec,
	                                    notified.early_finish + 1,
	                                    confirm.early_finish + 1),
	                 0);
	assert_int_equal(span, 8);
	ukwd_schedule_free(s);
	ukwd_plan_free(plan);
}

/* Forward from Tuesday 3 January 2017, a Scottish bank holiday (2 and 3
 * January), so work starts on Wednesday 4 January. */
static void
test_plan__forward_from_january_2017(void **state)
{
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_plan *plan;
	ukwd_schedule *s;
	ukwd_scheduled_task t;
	ukwd_date start, finish;

	(void)state;
	options.credit_cover = 1;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	/* 13 shared stages with Credit Cover, 11 for the one role. */
	assert_int_equal(ukwd_plan_task_count(plan), 24);
	assert_int_equal(
	    ukwd_uep_schedule(&s, plan, sec, day("2017-01-03"), NULL, NULL), 0);
	/* 10 working days: 4-6, 9-13, 16-17 January. */
	t = task(s, plan, "id-allocation");
	assert_date(t.early_start, "2017-01-04");
	assert_date(t.early_finish, "2017-01-17");
	/* The notice is given at the end of User ID allocation's last day,
	 * and the 60 working days run from 18 January: 10 in January, 20
	 * in February, 23 in March, 7 in April (3-7, 10, 11). */
	assert_date(
	    task(s, plan, "uept-give-notice/import-supplier").early_start,
	    "2017-01-17");
	t = task(s, plan, "uept-notice/import-supplier");
	assert_date(t.early_start, "2017-01-18");
	assert_date(t.early_finish, "2017-04-11");
	/* Readiness ends with the notice period (FF). */
	t = task(s, plan, "uept-readiness/import-supplier");
	assert_date(t.early_finish, "2017-04-11");
	/* 30 working days from 12 April, skipping Good Friday and Easter
	 * Monday (14 and 17 April) and Early May (1 May). */
	t = task(s, plan, "uept-execution/import-supplier");
	assert_date(t.early_start, "2017-04-12");
	assert_date(t.early_finish, "2017-05-26");
	/* Notified at the end of testing, Friday 26 May; Spring bank
	 * holiday 29 May; receipt 30-31 May beside the review 30 May - 5
	 * June; meeting 6 June; confirmation 7-8 June. */
	assert_date(
	    task(s, plan, "uept-exit-notified/import-supplier").early_start,
	    "2017-05-26");
	t = task(s, plan, "uept-exit-receipt/import-supplier");
	assert_date(t.early_start, "2017-05-30");
	assert_date(t.early_finish, "2017-05-31");
	t = task(s, plan, "uept-exit-review/import-supplier");
	assert_date(t.early_start, "2017-05-30");
	assert_date(t.early_finish, "2017-06-05");
	assert_date(task(s, plan, "uept-eqgr/import-supplier").early_start,
	            "2017-06-06");
	assert_date(
	    task(s, plan, "uept-exit-confirm/import-supplier").early_finish,
	    "2017-06-08");
	/* The security assessment ends later, on 12 June: booking to 11
	 * April, fieldwork 12-27 April, report to 12 May, response to 26
	 * May, assurance 30 May - 12 June. */
	assert_date(task(s, plan, "fusa-assurance").early_finish, "2017-06-12");
	/* Evidence: 14 working days in June from the 13th, 5 in July to
	 * the 7th, and Monday 10 July; the DCC User milestones are dated
	 * on its last day. */
	t = task(s, plan, "uep-evidence/import-supplier");
	assert_date(t.early_start, "2017-06-13");
	assert_date(t.early_finish, "2017-07-10");
	assert_date(task(s, plan, "dcc-user/import-supplier").early_start,
	            "2017-07-10");
	t = task(s, plan, "uep-complete");
	assert_date(t.early_start, "2017-07-10");
	assert_int_equal(t.duration, 0);
	assert_int_equal(ukwd_schedule_span(&start, &finish, NULL, s), 0);
	assert_date(start, "2017-01-04");
	assert_date(finish, "2017-07-10");
	/* Credit Cover has all the float there is. */
	t = task(s, plan, "credit-cover");
	assert_int_equal(t.total_float, 100);
	assert_false(t.critical);
	ukwd_schedule_free(s);
	ukwd_plan_free(plan);
}

/* Backward from the domestic small supplier mandate, Saturday 25 November
 * 2017, rolled back to Friday 24 November: the DCC User milestone is on
 * Friday 24 November and evidence may use that whole day. */
static void
test_plan__backward_from_the_domestic_mandate(void **state)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_notice_result notice;
	ukwd_plan *plan;
	ukwd_schedule *s;
	ukwd_scheduled_task t;
	ukwd_date mandate, testing_starts, next;

	(void)state;
	assert_int_equal(
	    ukwd_uep_mandate_date(&mandate, UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER),
	    0);
	assert_date(mandate, "2017-11-25");
	options.direction = UKWD_SCHEDULE_BACKWARD;
	assert_int_equal(ukwd_uep_build_plan(&plan, NULL, NULL), 0);
	assert_int_equal(
	    ukwd_uep_schedule(&s, plan, sec, mandate, &options, NULL), 0);
	assert_date(task(s, plan, "uep-complete").late_start, "2017-11-24");
	assert_date(task(s, plan, "dcc-user/import-supplier").late_start,
	            "2017-11-24");
	/* 20 working days back from Friday 24 November: 18 in November,
	 * then 30 and 31 October. */
	t = task(s, plan, "uep-evidence/import-supplier");
	assert_date(t.late_start, "2017-10-30");
	assert_date(t.late_finish, "2017-11-24");
	/* The security assessment is critical: 40 working days back from
	 * 27 October to 4 September, then 60 of booking from 8 June. */
	t = task(s, plan, "fusa-booking");
	assert_date(t.late_start, "2017-06-08");
	assert_date(t.late_finish, "2017-09-01");
	assert_true(t.critical);
	t = task(s, plan, "id-allocation");
	assert_date(t.late_start, "2017-05-24");
	assert_date(t.late_finish, "2017-06-07");
	/* The UEPT exit: confirmation 26-27 October, meeting 25 October,
	 * review 18-24 October, so notification at the end of 17 October
	 * and testing 6 September - 17 October. */
	assert_date(
	    task(s, plan, "uept-exit-confirm/import-supplier").late_finish,
	    "2017-10-27");
	assert_date(
	    task(s, plan, "uept-exit-review/import-supplier").late_start,
	    "2017-10-18");
	assert_date(
	    task(s, plan, "uept-exit-notified/import-supplier").late_start,
	    "2017-10-17");
	t = task(s, plan, "uept-execution/import-supplier");
	assert_date(t.late_start, "2017-09-06");
	assert_date(t.late_finish, "2017-10-17");
	testing_starts = t.late_start;
	t = task(s, plan, "uept-notice/import-supplier");
	assert_date(t.late_start, "2017-06-12");
	assert_date(t.late_finish, "2017-09-05");
	/* The give-notice milestone is the latest compliant notice day: 60
	 * clear working days before testing starts, and the next working
	 * day is too late. */
	t = task(s, plan, "uept-give-notice/import-supplier");
	assert_date(t.late_start, "2017-06-09");
	assert_int_equal(ukwd_notice_check(
	                     &notice, sec, ukwd_notice_rule_find("uept-notice"),
	                     t.late_start, UKWD_NO_TIME, testing_starts, NULL),
	                 0);
	assert_true(notice.compliant);
	assert_int_equal(notice.deadline, t.late_start);
	assert_int_equal(ukwd_workday_next(&next, sec, t.late_start), 0);
	assert_int_equal(ukwd_notice_check(
	                     &notice, sec, ukwd_notice_rule_find("uept-notice"),
	                     next, UKWD_NO_TIME, testing_starts, NULL),
	                 0);
	assert_false(notice.compliant);
	ukwd_schedule_free(s);
	ukwd_plan_free(plan);
}

/* The privacy request milestone: the latest day at least 12 weeks before
 * the assessment (calendar weeks, not working days). */
static void
test_plan__privacy_request_is_twelve_weeks_before_the_assessment(void **state)
{
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_schedule_options backward = UKWD_SCHEDULE_OPTIONS_INIT;
	const ukwd_notice_rule *rule = ukwd_notice_rule_find("privacy-booking");
	ukwd_notice_result notice;
	ukwd_plan *plan;
	ukwd_schedule *s;
	ukwd_scheduled_task request, fieldwork;
	ukwd_date next;

	(void)state;
	options.roles = UKWD_ROLE_OTHER_USER;
	backward.direction = UKWD_SCHEDULE_BACKWARD;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	assert_int_equal(ukwd_uep_schedule(&s, plan, sec, day("2017-11-25"),
	                                   &backward, NULL),
	                 0);
	request = task(s, plan, "privacy-request");
	fieldwork = task(s, plan, "privacy-fieldwork");
	/* Assessment Monday 11 September; 84 days before: Monday 19 June. */
	assert_date(fieldwork.late_start, "2017-09-11");
	assert_date(request.late_start, "2017-06-19");
	assert_int_equal(ukwd_notice_check(&notice, sec, rule,
	                                   request.late_start, UKWD_NO_TIME,
	                                   fieldwork.late_start, NULL),
	                 0);
	assert_true(notice.compliant);
	assert_int_equal(ukwd_workday_next(&next, sec, request.late_start), 0);
	assert_int_equal(ukwd_notice_check(&notice, sec, rule, next,
	                                   UKWD_NO_TIME, fieldwork.late_start,
	                                   NULL),
	                 0);
	assert_false(notice.compliant);
	ukwd_schedule_free(s);
	/* Forward: the assessment on the first working day 12 weeks after
	 * the request, whatever holidays lie between (Easter 2017 here). */
	assert_int_equal(
	    ukwd_uep_schedule(&s, plan, sec, day("2017-01-03"), NULL, NULL), 0);
	request = task(s, plan, "privacy-request");
	fieldwork = task(s, plan, "privacy-fieldwork");
	assert_date(request.early_start, "2017-01-17");
	assert_date(fieldwork.early_start, "2017-04-11");
	assert_int_equal(ukwd_notice_check(&notice, sec, rule,
	                                   request.early_start, UKWD_NO_TIME,
	                                   fieldwork.early_start, NULL),
	                 0);
	assert_true(notice.compliant);
	ukwd_schedule_free(s);
	ukwd_plan_free(plan);
}

/* A booking lead the caller set is theirs: ukwd_uep_schedule() does not
 * fit it to 12 weeks. */
static void
test_plan__a_user_booking_lead_is_kept(void **state)
{
	ukwd_uep_override set[] = {{"privacy-booking", 30}};
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_plan *plan;
	ukwd_schedule *s;

	(void)state;
	options.roles = UKWD_ROLE_OTHER_USER;
	options.overrides = set;
	options.override_count = 1;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	assert_int_equal(
	    ukwd_uep_schedule(&s, plan, sec, day("2017-01-03"), NULL, NULL), 0);
	assert_int_equal(task(s, plan, "privacy-booking").duration, 30);
	ukwd_schedule_free(s);
	ukwd_plan_free(plan);
}

static void
test_plan__other_user_adds_privacy_and_its_own_uept(void **state)
{
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_plan *plan;
	ukwd_schedule *s;
	ukwd_scheduled_task t;
	size_t index;

	(void)state;
	options.roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_OTHER_USER;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	/* 12 shared stages without Credit Cover, 5 privacy ones, and 11
	 * per role twice. */
	assert_int_equal(ukwd_plan_task_count(plan), 39);
	assert_int_equal(ukwd_plan_find(&index, plan, "privacy-booking"), 0);
	assert_int_equal(ukwd_plan_find(&index, plan, "uept-notice/other-user"),
	                 0);
	assert_non_null(
	    strstr(ukwd_plan_task_name(plan, index), "(other-user)"));
	/* Privacy is the Other User's alone: its assurance leads to that
	 * role's evidence, not the Import Supplier's. */
	assert_true(linked(plan, "privacy-assurance", "uep-evidence/other-user",
	                   UKWD_LINK_FS));
	assert_false(linked(plan, "privacy-assurance",
	                    "uep-evidence/import-supplier", UKWD_LINK_FS));
	assert_true(linked(plan, "dcc-user/import-supplier", "uep-complete",
	                   UKWD_LINK_FS));
	assert_true(
	    linked(plan, "dcc-user/other-user", "uep-complete", UKWD_LINK_FS));
	assert_int_equal(
	    ukwd_uep_schedule(&s, plan, sec, day("2017-01-03"), NULL, NULL), 0);
	/* Booking 59 working days (12 weeks from 17 January to 11 April),
	 * fieldwork 11-19 April, report to 11 May, assurance to 2 June:
	 * six working days before the security assessment's 12 June. */
	t = task(s, plan, "privacy-booking");
	assert_int_equal(t.duration, 59);
	t = task(s, plan, "privacy-assurance");
	assert_date(t.early_finish, "2017-06-02");
	assert_int_equal(t.total_float, 6);
	assert_date(task(s, plan, "uep-complete").early_start, "2017-07-10");
	ukwd_schedule_free(s);
	ukwd_plan_free(plan);
	/* Without the Other User role there is no privacy stage. */
	options.roles = UKWD_ROLE_GAS_SUPPLIER;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	assert_int_equal(ukwd_plan_find(&index, plan, "privacy-booking"),
	                 UKWD_ENOTFOUND);
	assert_int_equal(
	    ukwd_plan_find(&index, plan, "uept-notice/gas-supplier"), 0);
	ukwd_plan_free(plan);
}

/* H1.12: each role completes on its own; --stagger tests them one after
 * another. */
static void
test_plan__roles_complete_one_by_one_and_stagger(void **state)
{
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_plan *plan;
	ukwd_schedule *s;
	ukwd_scheduled_task gas, import;

	(void)state;
	options.roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_GAS_SUPPLIER;
	options.stagger = 1;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	assert_true(linked(plan, "uept-execution/import-supplier",
	                   "uept-execution/gas-supplier", UKWD_LINK_FS));
	assert_int_equal(
	    ukwd_uep_schedule(&s, plan, sec, day("2017-01-03"), NULL, NULL), 0);
	import = task(s, plan, "uept-execution/import-supplier");
	gas = task(s, plan, "uept-execution/gas-supplier");
	assert_true(gas.early_start > import.early_finish);
	/* Each role's DCC User milestone: the gas role's comes later. */
	assert_true(task(s, plan, "dcc-user/gas-supplier").early_start >
	            task(s, plan, "dcc-user/import-supplier").early_start);
	assert_int_equal(task(s, plan, "uep-complete").early_start,
	                 task(s, plan, "dcc-user/gas-supplier").early_start);
	ukwd_schedule_free(s);
	ukwd_plan_free(plan);
	/* Side by side by default. */
	options.stagger = 0;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	assert_false(linked(plan, "uept-execution/import-supplier",
	                    "uept-execution/gas-supplier", UKWD_LINK_FS));
	ukwd_plan_free(plan);
}

/* Version 1 of the options has no `stagger`: such a caller's struct is
 * read as version 1 and tested side by side. */
static void
test_options__version_1_and_the_default_credit_cover(void **state)
{
	struct options_v1 {
		unsigned int version;
		ukwd_party_type party;
		unsigned int roles;
		int credit_cover;
		const ukwd_uep_override *overrides;
		size_t override_count;
	};
	ukwd_uep_options defaults = UKWD_UEP_OPTIONS_INIT;
	struct options_v1 *v1 = calloc(1, sizeof(*v1));
	ukwd_plan *plan;
	size_t index;

	(void)state;
	/* uep.h says Credit Cover is off by default, and so does INIT. */
	assert_int_equal(defaults.credit_cover, 0);
	assert_int_equal(defaults.stagger, 0);
	assert_non_null(v1);
	assert_int_equal(sizeof(*v1), offsetof(ukwd_uep_options, stagger));
	v1->version = 1;
	v1->party = UKWD_PARTY_OTHER;
	v1->roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_GAS_SUPPLIER;
	assert_int_equal(ukwd_uep_build_plan(
	                     &plan, (const ukwd_uep_options *)(void *)v1, NULL),
	                 0);
	assert_false(linked(plan, "uept-execution/import-supplier",
	                    "uept-execution/gas-supplier", UKWD_LINK_FS));
	assert_int_equal(ukwd_plan_find(&index, plan, "credit-cover"),
	                 UKWD_ENOTFOUND);
	ukwd_plan_free(plan);
	v1->version = 4;
	assert_int_equal(ukwd_uep_build_plan(
	                     &plan, (const ukwd_uep_options *)(void *)v1, NULL),
	                 UKWD_EINVAL);
	/* _init() of version 1 writes version 1's members only (the block
	 * is exactly that size: ASan and valgrind see a write past it). */
	assert_int_equal(
	    ukwd_uep_options_init((ukwd_uep_options *)(void *)v1, 1), 0);
	assert_int_equal(v1->version, 1);
	assert_int_equal(v1->party, UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER);
	assert_int_equal(v1->roles, UKWD_ROLE_IMPORT_SUPPLIER);
	assert_int_equal(
	    ukwd_uep_options_init((ukwd_uep_options *)(void *)v1, 0),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_uep_options_init((ukwd_uep_options *)(void *)v1, 4),
	    UKWD_EINVAL);
	free(v1);
}

/* A small supplier cannot take the network operators' roles. */
static void
test_options__roles_a_small_supplier_cannot_take(void **state)
{
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_plan *plan;
	ukwd_diag diag;

	(void)state;
	options.roles =
	    UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_ELECTRICITY_DISTRIBUTOR;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, &diag),
	                 UKWD_EINVAL);
	assert_non_null(strstr(diag.message, "electricity-distributor"));
	assert_non_null(strstr(diag.message, "domestic small supplier"));
	options.party = UKWD_PARTY_NON_DOMESTIC_SMALL_SUPPLIER;
	options.roles = UKWD_ROLE_GAS_TRANSPORTER;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, &diag),
	                 UKWD_EINVAL);
	assert_non_null(strstr(diag.message, "gas-transporter"));
	options.party = UKWD_PARTY_OTHER;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, &diag), 0);
	ukwd_plan_free(plan);
}

static void
test_plan__credit_cover_off_and_overrides(void **state)
{
	ukwd_uep_override overrides[] = {{"fusa-fieldwork", 3},
	                                 {"uept-execution", 40},
	                                 {"uept-execution/other-user", 25}};
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_plan *plan;
	ukwd_diag diag;
	size_t index;
	int32_t low, likely, high;
	const ukwd_source *source;

	(void)state;
	options.overrides = overrides; /* and the default, no Credit Cover */
	options.override_count = 3;
	options.roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_OTHER_USER;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	assert_int_equal(ukwd_plan_find(&index, plan, "credit-cover"),
	                 UKWD_ENOTFOUND);
	assert_int_equal(ukwd_plan_find(&index, plan, "fusa-fieldwork"), 0);
	assert_int_equal(ukwd_plan_task_duration(plan, index), 3);
	/* A figure the user set is USER, never PROPOSED. */
	source = ukwd_plan_task_source(plan, index);
	assert_non_null(source);
	assert_int_equal(source->tag, UKWD_SOURCE_USER);
	assert_non_null(strstr(source->citation,
	                       "3 working days set by the user; the "
	                       "catalogue has 10 (SOURCED: "));
	/* The tag is the struct's, not text in the citation. */
	assert_null(strstr(source->citation, "USER"));
	/* One role's copy, and the rest. */
	assert_int_equal(
	    ukwd_plan_find(&index, plan, "uept-execution/import-supplier"), 0);
	assert_int_equal(ukwd_plan_task_duration(plan, index), 40);
	assert_int_equal(
	    ukwd_plan_find(&index, plan, "uept-execution/other-user"), 0);
	assert_int_equal(ukwd_plan_task_duration(plan, index), 25);
	ukwd_plan_free(plan);

	/* Unchanged, the FUSA fieldwork keeps its sourced range. */
	assert_int_equal(ukwd_uep_build_plan(&plan, NULL, NULL), 0);
	assert_int_equal(ukwd_plan_find(&index, plan, "fusa-fieldwork"), 0);
	assert_int_equal(
	    ukwd_plan_task_estimate(&low, &likely, &high, plan, index), 0);
	assert_int_equal(low, 3);
	assert_int_equal(high, 10);
	source = ukwd_plan_task_source(plan, index);
	assert_int_equal(source->tag, UKWD_SOURCE_SOURCED);
	assert_non_null(strstr(source->citation, "3 to 10 working days"));
	ukwd_plan_free(plan);

	/* The checklist's name for privacy stages works in overrides. */
	overrides[0].stage_id = "privacy-audit-fieldwork";
	options.override_count = 1;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	assert_int_equal(ukwd_plan_find(&index, plan, "privacy-fieldwork"), 0);
	assert_int_equal(ukwd_plan_task_duration(plan, index), 3);
	ukwd_plan_free(plan);

	overrides[0].stage_id = "fusa-fieldwerk";
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, &diag),
	                 UKWD_ENOTFOUND);
	assert_non_null(strstr(diag.message, "fusa-fieldwerk"));
	overrides[0].stage_id = "uept-execution/other-usr";
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, &diag),
	                 UKWD_ENOTFOUND);
	assert_non_null(strstr(diag.message, "other-usr"));
	overrides[0].stage_id = "fusa-fieldwork/other-user";
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, &diag),
	                 UKWD_EINVAL);
	overrides[0].stage_id = "fusa-fieldwork";
	overrides[0].duration = -1;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL),
	                 UKWD_EINVAL);
	options.override_count = 0;
	options.roles = 0;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL),
	                 UKWD_EINVAL);
	options.roles = 0x80;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_uep_build_plan(NULL, NULL, NULL), UKWD_EINVAL);
}

static void
test_plan__every_task_and_link_carries_its_source_tag(void **state)
{
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_plan *plan;

	(void)state;
	options.roles = UKWD_ROLE_ALL;
	options.party = UKWD_PARTY_OTHER;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	for (size_t i = 0; i < ukwd_plan_task_count(plan); i++) {
		const ukwd_source *source = ukwd_plan_task_source(plan, i);
		const ukwd_uep_stage *stage;
		char id[128];

		assert_non_null(source);
		snprintf(id, sizeof(id), "%.*s",
		         (int)strcspn(ukwd_plan_task_id(plan, i), "/"),
		         ukwd_plan_task_id(plan, i));
		stage = ukwd_uep_stage_find(id);
		assert_non_null(stage);
		/* The stage's own tag, citation and reference, unparsed. */
		assert_int_equal(source->tag, stage->source);
		assert_string_equal(source->citation, stage->citation);
		assert_string_equal(source->reference,
		                    stage->reference ? stage->reference : "");
		assert_null(strstr(source->citation, "; SEC "));
	}
	for (size_t i = 0; i < ukwd_plan_link_count(plan); i++) {
		ukwd_plan_link_info link;

		assert_int_equal(ukwd_plan_link(&link, plan, i), 0);
		assert_non_null(link.source);
		assert_true(strncmp(link.source, "PROPOSED: ", 10) == 0 ||
		            strncmp(link.source, "CHECKLIST: ", 11) == 0 ||
		            strncmp(link.source, "SOURCED: ", 9) == 0);
	}
	ukwd_plan_free(plan);
}

static void
test_names__roles_and_parties(void **state)
{
	unsigned int roles = 0;
	ukwd_party_type party;
	ukwd_date d;
	ukwd_diag diag;

	(void)state;
	assert_int_equal(
	    ukwd_uep_roles_parse(&roles, "import-supplier,other-user", NULL),
	    0);
	assert_int_equal(roles,
	                 UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_OTHER_USER);
	assert_int_equal(
	    ukwd_uep_roles_parse(&roles, "import-supplier,otheruser", &diag),
	    UKWD_ENOTFOUND);
	assert_int_equal(diag.column, 17);
	assert_non_null(strstr(diag.message, "otheruser"));
	assert_int_equal(ukwd_uep_roles_parse(&roles, "", NULL),
	                 UKWD_ENOTFOUND);
	assert_int_equal(ukwd_uep_roles_parse(&roles, "gas-supplier,", NULL),
	                 UKWD_ENOTFOUND);
	assert_int_equal(roles,
	                 UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_OTHER_USER);
	for (unsigned int bit = 1; bit < 0x80; bit <<= 1) {
		unsigned int back = 0;

		assert_int_equal(
		    ukwd_uep_roles_parse(&back, ukwd_uep_role_name(bit), NULL),
		    0);
		assert_int_equal(back, bit);
	}
	assert_null(ukwd_uep_role_name(3));
	assert_null(ukwd_uep_role_name(0x80));
	assert_int_equal(
	    ukwd_uep_party_parse(&party, "non-domestic-small-supplier", NULL),
	    0);
	assert_int_equal(party, UKWD_PARTY_NON_DOMESTIC_SMALL_SUPPLIER);
	assert_int_equal(ukwd_uep_mandate_date(&d, party), 0);
	assert_date(d, "2018-08-31");
	assert_int_equal(ukwd_uep_mandate_date(&d, UKWD_PARTY_OTHER),
	                 UKWD_ENOTFOUND);
	assert_int_equal(ukwd_uep_party_parse(&party, "big-supplier", &diag),
	                 UKWD_ENOTFOUND);
	assert_string_equal(ukwd_uep_party_name(UKWD_PARTY_OTHER), "other");
	assert_null(ukwd_uep_party_name((ukwd_party_type)3));
}

static void
test_eui64__parses_every_accepted_form(void **state)
{
	static const char *const forms[] = {
	    "90-B3-D5-1F-30-01-00-00", "90-b3-d5-1f-30-01-00-00",
	    "90:B3:D5:1F:30:01:00:00", "90B3D51F30010000", "90b3d51f30010000"};
	char text[UKWD_EUI64_STRLEN];

	(void)state;
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		ukwd_eui64 id;

		assert_int_equal(ukwd_eui64_parse(&id, forms[i], NULL), 0);
		assert_int_equal(id.octet[0], 0x90);
		assert_int_equal(id.octet[3], 0x1F);
		assert_int_equal(id.octet[7], 0x00);
		assert_int_equal(ukwd_eui64_format(text, sizeof(text), id), 0);
		assert_string_equal(text, "90-B3-D5-1F-30-01-00-00");
	}
}

static void
expect_eui64_error(const char *text, int column)
{
	ukwd_eui64 id = {{1, 2, 3, 4, 5, 6, 7, 8}};
	ukwd_diag diag;

	assert_int_equal(ukwd_eui64_parse(&id, text, &diag), UKWD_EPARSE);
	if (diag.column != column)
		fail_msg("'%s': column %d, expected %d (%s)", text, diag.column,
		         column, diag.message);
	assert_int_equal(id.octet[0], 1); /* unchanged */
}

static void
test_eui64__rejects_malformed_text_naming_the_position(void **state)
{
	char text[4];
	ukwd_eui64 id = {{0}};

	(void)state;
	expect_eui64_error("90-B3-D5-1F-30-01-00-0G", 23);
	expect_eui64_error("90-B3-D5-1F-30-01-00", 21);
	expect_eui64_error("90-B3:D5-1F-30-01-00-00", 6);
	expect_eui64_error("90B3D51F3001000", 16);
	expect_eui64_error("90-B3-D5-1F-30-01-00-00x", 24);
	expect_eui64_error("90B3D51F300100001", 17);
	expect_eui64_error("", 1);
	expect_eui64_error(" 90B3D51F30010000", 1);
	expect_eui64_error("90 B3 D5 1F 30 01 00 00", 3);
	assert_int_equal(ukwd_eui64_parse(NULL, "90B3D51F30010000", NULL),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_eui64_parse(&id, NULL, NULL), UKWD_EINVAL);
	assert_int_equal(ukwd_eui64_format(text, sizeof(text), id), UKWD_EBUFS);
	assert_string_equal(text, "");
	assert_int_equal(ukwd_eui64_format(NULL, 24, id), UKWD_EINVAL);
}

static void
test_eui64__range_and_null_checks(void **state)
{
	ukwd_eui64 first, last, id,
	    zero = {{0}}, ones = {{255, 255, 255, 255, 255, 255, 255, 255}};

	(void)state;
	assert_int_equal(
	    ukwd_eui64_parse(&first, "90-B3-D5-1F-30-01-00-00", NULL), 0);
	assert_int_equal(
	    ukwd_eui64_parse(&last, "90-B3-D5-1F-30-01-FF-FF", NULL), 0);
	assert_int_equal(ukwd_eui64_parse(&id, "90-B3-D5-1F-30-01-12-34", NULL),
	                 0);
	assert_true(ukwd_eui64_in_range(id, first, last));
	assert_true(ukwd_eui64_in_range(first, first, last));
	assert_true(ukwd_eui64_in_range(last, first, last));
	assert_int_equal(ukwd_eui64_parse(&id, "90-B3-D5-1F-30-02-00-00", NULL),
	                 0);
	assert_false(ukwd_eui64_in_range(id, first, last));
	assert_false(ukwd_eui64_in_range(first, last, first));
	assert_true(ukwd_eui64_is_null(zero));
	assert_true(ukwd_eui64_is_null(ones));
	assert_false(ukwd_eui64_is_null(id));
}

/* Ranges (issue 16): fieldwork's 3-10 is the one SOURCED spread; every
 * other spread is PROPOSED and says why; a stage with no spread has its
 * own tag and says why not; the most likely value is the duration. */
static void
test_ranges__sourced_only_for_fieldwork_and_each_says_why(void **state)
{
	size_t spread = 0;

	(void)state;
	for (size_t i = 0; i < ukwd_uep_stage_count(); i++) {
		const ukwd_uep_stage *s = ukwd_uep_stage_at(i);

		assert_true(s->optimistic <= s->most_likely &&
		            s->most_likely <= s->pessimistic);
		assert_int_equal(s->most_likely, s->duration);
		assert_non_null(s->range_citation);
		assert_true(strlen(s->range_citation) > 10);
		if (s->optimistic == s->pessimistic) {
			assert_int_equal(s->range_source, s->source);
			continue;
		}
		spread++;
		if (strcmp(s->id, "fusa-fieldwork") == 0) {
			assert_int_equal(s->range_source, UKWD_SOURCE_SOURCED);
			assert_int_equal(s->optimistic, 3);
			assert_int_equal(s->pessimistic, 10);
			assert_non_null(strstr(s->range_citation,
			                       "what-is-a-full-user-security-"
			                       "assessment-fusa"));
			/* its most likely value is ours, and says so */
			assert_non_null(strstr(s->range_citation, "PROPOSED"));
		} else {
			assert_int_equal(s->range_source, UKWD_SOURCE_PROPOSED);
			assert_int_equal(s->source, UKWD_SOURCE_PROPOSED);
		}
	}
	/* every stage with a PROPOSED duration and a length has a spread */
	assert_int_equal(spread, 19);
}

/* The default plan stays as it was: only fieldwork has an estimate. With
 * every range, each PROPOSED duration has one, its citation names the
 * range and its tag; a duration the user set has none. */
static void
test_ranges__all_only_when_asked(void **state)
{
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_uep_override set = {"uept-execution", 45};
	ukwd_plan *plan;
	int32_t o, m, p;
	size_t with = 0;

	(void)state;
	options.roles = UKWD_ROLE_ALL & ~(UKWD_ROLE_ELECTRICITY_DISTRIBUTOR |
	                                  UKWD_ROLE_GAS_TRANSPORTER);
	options.credit_cover = 1;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	for (size_t t = 0; t < ukwd_plan_task_count(plan); t++)
		if (ukwd_plan_task_estimate(&o, &m, &p, plan, t) == 0) {
			assert_string_equal(ukwd_plan_task_id(plan, t),
			                    "fusa-fieldwork");
			assert_int_equal(o, 3);
			assert_int_equal(m, 10);
			assert_int_equal(p, 10);
			with++;
		}
	assert_int_equal(with, 1);
	ukwd_plan_free(plan);

	options.ranges = UKWD_UEP_RANGES_ALL;
	options.overrides = &set;
	options.override_count = 1;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	with = 0;
	for (size_t t = 0; t < ukwd_plan_task_count(plan); t++) {
		const ukwd_source *src = ukwd_plan_task_source(plan, t);
		const char *id = ukwd_plan_task_id(plan, t);
		const ukwd_uep_stage *stage;
		char base[64];

		snprintf(base, sizeof(base), "%.*s", (int)strcspn(id, "/"), id);
		stage = ukwd_uep_stage_find(base);
		assert_non_null(stage);
		if (ukwd_plan_task_estimate(&o, &m, &p, plan, t)) {
			assert_true(stage->optimistic == stage->pessimistic ||
			            src->tag == UKWD_SOURCE_USER);
			continue;
		}
		with++;
		assert_int_equal(o, stage->optimistic);
		assert_int_equal(m, stage->most_likely);
		assert_int_equal(p, stage->pessimistic);
		assert_non_null(strstr(src->citation, "; range "));
		assert_non_null(strstr(
		    src->citation, stage->range_source == UKWD_SOURCE_SOURCED
		                       ? "working days (SOURCED): "
		                       : "working days (PROPOSED): "));
		assert_non_null(strstr(src->citation, stage->range_citation));
	}
	/* 19 stages with a spread: 15 shared, and readiness, EQGR and
	 * evidence once per role (5 roles); not the user's uept-execution */
	assert_int_equal(with, 15 + 3 * 5);
	ukwd_plan_free(plan);
	options.ranges = (ukwd_uep_ranges)2;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL),
	                 UKWD_EINVAL);
}

/* Branches: re-tests for SREPT and each role's UEPT, a follow-up
 * assessment after Deferred; PROPOSED, each citing why it exists. */
static void
test_branches__retests_and_follow_up_for_every_copy(void **state)
{
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_risk_branch out[8];
	size_t count = 99, uept = 0;
	ukwd_plan *plan;

	(void)state;
	assert_int_equal(ukwd_uep_branch_count(), 3);
	for (size_t k = 0; k < ukwd_uep_branch_count(); k++) {
		const ukwd_uep_branch *b = ukwd_uep_branch_at(k);

		assert_non_null(ukwd_uep_stage_find(b->stage));
		assert_int_equal(b->source, UKWD_SOURCE_PROPOSED);
		assert_true(b->probability > 0 && b->probability < 1);
		assert_true(b->duration > 0);
		assert_true(b->max_cycles >= 1);
		assert_non_null(strstr(b->citation, "no source gives"));
	}
	assert_null(ukwd_uep_branch_at(3));
	assert_non_null(strstr(ukwd_uep_branch_at(0)->citation, "note 2"));
	assert_non_null(strstr(ukwd_uep_branch_at(2)->citation, "Deferred"));
	options.roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_OTHER_USER;
	options.ranges = UKWD_UEP_RANGES_ALL;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	assert_int_equal(ukwd_uep_risk_branches(NULL, 0, &count, plan),
	                 UKWD_EBUFS);
	assert_int_equal(count, 4);
	assert_int_equal(ukwd_uep_risk_branches(out, 2, &count, plan),
	                 UKWD_EBUFS);
	assert_int_equal(ukwd_uep_risk_branches(out, 8, &count, plan), 0);
	assert_int_equal(count, 4);
	for (size_t k = 0; k < count; k++) {
		const char *task = ukwd_plan_task_id(plan, out[k].task);

		assert_int_equal(out[k].source.tag, UKWD_SOURCE_PROPOSED);
		if (strcmp(out[k].id, "uept-retest") == 0) {
			assert_non_null(strstr(task, "uept-execution/"));
			uept++;
		}
		if (strcmp(out[k].id, "srept-retest") == 0)
			assert_string_equal(task, "srept-tests");
		if (strcmp(out[k].id, "fusa-follow-up") == 0)
			assert_string_equal(task, "fusa-assurance");
	}
	assert_int_equal(uept, 2);
	assert_int_equal(ukwd_uep_risk_branches(out, 8, NULL, plan),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_uep_risk_branches(NULL, 8, &count, plan),
	                 UKWD_EINVAL);
	ukwd_plan_free(plan);
}

/* The whole chain: a plan with every range and its branches runs; the
 * branches make the P80 later than without them (they only add work). */
static void
test_branches__make_the_uep_risk_later(void **state)
{
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_risk_options ro = UKWD_RISK_OPTIONS_INIT;
	ukwd_risk_branch out[8];
	ukwd_calendar *gb;
	ukwd_schedule *sched;
	ukwd_plan *plan;
	ukwd_risk *without, *with;
	ukwd_risk_outcome a, b;
	ukwd_date start;
	size_t count;
	ukwd_diag diag;

	(void)state;
	assert_int_equal(ukwd_calendar_new_uk(&gb, UKWD_UK_GB, 2015, 2030), 0);
	ukwd_date_from_ymd(&start, 2017, 1, 9);
	options.ranges = UKWD_UEP_RANGES_ALL;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	assert_int_equal(
	    ukwd_uep_schedule(&sched, plan, gb, start, NULL, &diag), 0);
	assert_int_equal(ukwd_uep_risk_branches(out, 8, &count, plan), 0);
	ro.iterations = 4000;
	ro.seed = 9;
	assert_int_equal(ukwd_risk_new(&without, sched, &ro, &diag), 0);
	ro.branches = out;
	ro.branch_count = count;
	assert_int_equal(ukwd_risk_new(&with, sched, &ro, &diag), 0);
	assert_int_equal(ukwd_risk_finish(&a, without), 0);
	assert_int_equal(ukwd_risk_finish(&b, with), 0);
	assert_true(b.p80 > a.p80);
	assert_true(b.mean_index > a.mean_index);
	ukwd_risk_free(without);
	ukwd_risk_free(with);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(gb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_catalogue__every_figure_has_a_tag_and_a_citation),
	    cmocka_unit_test(
	        test_catalogue__citations_say_only_what_their_source_says),
	    cmocka_unit_test(test_catalogue__the_stages_the_checklist_names),
	    cmocka_unit_test(test_exit__both_clocks_run_from_the_notification),
	    cmocka_unit_test(test_plan__forward_from_january_2017),
	    cmocka_unit_test(test_plan__backward_from_the_domestic_mandate),
	    cmocka_unit_test(
	        test_plan__privacy_request_is_twelve_weeks_before_the_assessment),
	    cmocka_unit_test(test_plan__a_user_booking_lead_is_kept),
	    cmocka_unit_test(
	        test_plan__other_user_adds_privacy_and_its_own_uept),
	    cmocka_unit_test(test_plan__roles_complete_one_by_one_and_stagger),
	    cmocka_unit_test(
	        test_options__version_1_and_the_default_credit_cover),
	    cmocka_unit_test(test_options__roles_a_small_supplier_cannot_take),
	    cmocka_unit_test(test_plan__credit_cover_off_and_overrides),
	    cmocka_unit_test(
	        test_plan__every_task_and_link_carries_its_source_tag),
	    cmocka_unit_test(test_names__roles_and_parties),
	    cmocka_unit_test(
	        test_ranges__sourced_only_for_fieldwork_and_each_says_why),
	    cmocka_unit_test(test_ranges__all_only_when_asked),
	    cmocka_unit_test(
	        test_branches__retests_and_follow_up_for_every_copy),
	    cmocka_unit_test(test_branches__make_the_uep_risk_later),
	    cmocka_unit_test(test_eui64__parses_every_accepted_form),
	    cmocka_unit_test(
	        test_eui64__rejects_malformed_text_naming_the_position),
	    cmocka_unit_test(test_eui64__range_and_null_checks),
	};

	return cmocka_run_group_tests_name("uep", tests, setup, teardown);
}
