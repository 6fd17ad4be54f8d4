/* The SEC User Entry Process: the catalogue, its plan scheduled by hand on
 * the SEC calendar (Great Britain), and EUI-64 User IDs. */
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
	assert_int_equal(ukwd_uep_stage_count(), 23);
	for (size_t i = 0; i < ukwd_uep_stage_count(); i++) {
		const ukwd_uep_stage *s = ukwd_uep_stage_at(i);

		assert_non_null(s->id);
		assert_non_null(s->title);
		assert_non_null(s->reference);
		assert_non_null(s->citation);
		assert_ptr_equal(ukwd_uep_stage_find(s->id), s);
		assert_true(s->optimistic <= s->duration &&
		            s->duration <= s->pessimistic);
		proposed += s->source == UKWD_SOURCE_PROPOSED;
	}
	assert_null(ukwd_uep_stage_at(ukwd_uep_stage_count()));
	assert_null(ukwd_uep_stage_find("no-such-stage"));
	/* Most durations are ours; the sourced ones are few. */
	assert_in_range(proposed, 12, 20);
	for (size_t i = 0; i < ukwd_uep_dependency_count(); i++) {
		const ukwd_uep_dependency *d = ukwd_uep_dependency_at(i);

		assert_non_null(ukwd_uep_stage_find(d->predecessor));
		assert_non_null(ukwd_uep_stage_find(d->successor));
		assert_non_null(d->citation);
	}
	assert_null(ukwd_uep_dependency_at(ukwd_uep_dependency_count()));
}

static void
test_catalogue__the_sourced_figures(void **state)
{
	const ukwd_uep_stage *s;

	(void)state;
	s = ukwd_uep_stage_find("uept-notice");
	assert_int_equal(s->duration, 60);
	assert_int_equal(s->source, UKWD_SOURCE_CHECKLIST);
	assert_string_equal(s->reference, "H14");
	assert_int_equal(ukwd_uep_stage_find("uept-exit-receipt")->duration, 2);
	assert_int_equal(ukwd_uep_stage_find("uept-exit-review")->duration, 5);
	assert_int_equal(ukwd_uep_stage_find("uept-exit-confirm")->duration, 2);
	assert_int_equal(ukwd_uep_stage_find("uept-exit-confirm")->source,
	                 UKWD_SOURCE_CHECKLIST);
	assert_int_equal(ukwd_uep_stage_find("uept-eqgr")->source,
	                 UKWD_SOURCE_PROPOSED);
	s = ukwd_uep_stage_find("fusa-fieldwork");
	assert_int_equal(s->optimistic, 3);
	assert_int_equal(s->pessimistic, 10);
	assert_int_equal(s->source, UKWD_SOURCE_SOURCED);
	/* The privacy booking lead is stated in weeks; its working-day
	 * stand-in is ours. */
	s = ukwd_uep_stage_find("privacy-booking");
	assert_int_equal(s->stated_amount, 12);
	assert_int_equal(s->stated_unit, UKWD_UNIT_WEEKS);
	assert_int_equal(s->source, UKWD_SOURCE_PROPOSED);
	assert_int_equal(s->roles, UKWD_ROLE_OTHER_USER);
	assert_true(ukwd_uep_stage_find("credit-cover")->credit_cover_only);
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
	assert_int_equal(ukwd_plan_task_count(plan), 19); /* no privacy */
	assert_int_equal(
	    ukwd_schedule_new(&s, plan, sec, day("2017-01-03"), NULL, NULL), 0);
	/* 10 working days: 4-6, 9-13, 16-17 January. */
	t = task(s, plan, "id-allocation");
	assert_date(t.early_start, "2017-01-04");
	assert_date(t.early_finish, "2017-01-17");
	/* 60 working days from 18 January: 10 in January, 20 in February,
	 * 23 in March, 7 in April (3-7, 10, 11). */
	t = task(s, plan, "uept-notice/import-supplier");
	assert_date(t.early_start, "2017-01-18");
	assert_date(t.early_finish, "2017-04-11");
	assert_true(t.critical);
	/* Readiness ends with the notice period (FF). */
	t = task(s, plan, "uept-readiness/import-supplier");
	assert_date(t.early_finish, "2017-04-11");
	/* 30 working days from 12 April, skipping Good Friday and Easter
	 * Monday (14 and 17 April) and Early May (1 May). */
	t = task(s, plan, "uept-execution/import-supplier");
	assert_date(t.early_start, "2017-04-12");
	assert_date(t.early_finish, "2017-05-26");
	/* Spring bank holiday 29 May; then 2, 5, 1 and 2 working days. */
	assert_date(
	    task(s, plan, "uept-exit-receipt/import-supplier").early_start,
	    "2017-05-30");
	assert_date(
	    task(s, plan, "uept-exit-review/import-supplier").early_finish,
	    "2017-06-07");
	assert_date(task(s, plan, "uept-eqgr/import-supplier").early_start,
	            "2017-06-08");
	assert_date(
	    task(s, plan, "uept-exit-confirm/import-supplier").early_finish,
	    "2017-06-12");
	/* Evidence: 14 working days in June from the 13th, 5 in July to
	 * the 7th, and Monday 10 July. */
	t = task(s, plan, "uep-evidence");
	assert_date(t.early_start, "2017-06-13");
	assert_date(t.early_finish, "2017-07-10");
	t = task(s, plan, "uep-complete");
	assert_date(t.early_start, "2017-07-11");
	assert_int_equal(t.duration, 0);
	assert_int_equal(ukwd_schedule_span(&start, &finish, NULL, s), 0);
	assert_date(start, "2017-01-04");
	assert_date(finish, "2017-07-11");
	/* Credit Cover has all the float there is. */
	t = task(s, plan, "credit-cover");
	assert_int_equal(t.total_float, 100);
	assert_false(t.critical);
	ukwd_schedule_free(s);
	ukwd_plan_free(plan);
}

/* Backward from the domestic small supplier mandate, Saturday 25 November
 * 2017, rolled back to Friday 24 November. */
static void
test_plan__backward_from_the_domestic_mandate(void **state)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_notice_result notice;
	ukwd_plan *plan;
	ukwd_schedule *s;
	ukwd_scheduled_task t;
	ukwd_date mandate, testing_starts;

	(void)state;
	assert_int_equal(
	    ukwd_uep_mandate_date(&mandate, UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER),
	    0);
	assert_date(mandate, "2017-11-25");
	options.direction = UKWD_SCHEDULE_BACKWARD;
	assert_int_equal(ukwd_uep_build_plan(&plan, NULL, NULL), 0);
	assert_int_equal(
	    ukwd_schedule_new(&s, plan, sec, mandate, &options, NULL), 0);
	assert_date(task(s, plan, "uep-complete").late_start, "2017-11-24");
	/* 20 working days back from Thursday 23 November: 17 in November,
	 * then 27, 30 and 31 October. */
	t = task(s, plan, "uep-evidence");
	assert_date(t.late_start, "2017-10-27");
	assert_date(t.late_finish, "2017-11-23");
	assert_date(
	    task(s, plan, "uept-exit-confirm/import-supplier").late_finish,
	    "2017-10-26");
	/* 30 working days back from 12 October: 9 in October, 20 in
	 * September from the 4th, and Friday 1 September. */
	t = task(s, plan, "uept-execution/import-supplier");
	assert_date(t.late_start, "2017-09-01");
	assert_date(t.late_finish, "2017-10-12");
	testing_starts = t.late_start;
	t = task(s, plan, "uept-notice/import-supplier");
	assert_date(t.late_start, "2017-06-07");
	assert_date(t.late_finish, "2017-08-31");
	/* The notice itself must be received the working day before its
	 * period: 60 clear working days before testing starts. */
	assert_int_equal(ukwd_notice_check(&notice, sec,
	                                   ukwd_notice_rule_find("uept-notice"),
	                                   day("2017-06-06"), UKWD_NO_TIME,
	                                   testing_starts, NULL),
	                 0);
	assert_true(notice.compliant);
	assert_date(notice.deadline, "2017-06-06");
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
	assert_int_equal(ukwd_plan_task_count(plan), 29); /* no credit */
	assert_int_equal(ukwd_plan_find(&index, plan, "privacy-booking"), 0);
	assert_int_equal(ukwd_plan_find(&index, plan, "uept-notice/other-user"),
	                 0);
	assert_string_equal(ukwd_plan_task_name(plan, index),
	                    "UEPT: notice period (notice to the DCC before "
	                    "testing) (other-user)");
	assert_int_equal(
	    ukwd_schedule_new(&s, plan, sec, day("2017-01-03"), NULL, NULL), 0);
	/* 60 + 5 + 15 + 15 working days against FUSA's 60 + 40: five
	 * working days of float. */
	t = task(s, plan, "privacy-assurance");
	assert_int_equal(t.total_float, 5);
	assert_date(t.early_finish, "2017-06-05");
	assert_date(task(s, plan, "uep-complete").early_start, "2017-07-11");
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

static void
test_plan__credit_cover_off_and_overrides(void **state)
{
	ukwd_uep_override overrides[] = {{"fusa-fieldwork", 3},
	                                 {"uept-execution", 40}};
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_plan *plan;
	ukwd_diag diag;
	size_t index;
	int32_t low, likely, high;

	(void)state;
	options.overrides = overrides; /* and the default, no Credit Cover */
	options.override_count = 2;
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	assert_int_equal(ukwd_plan_task_count(plan), 18);
	assert_int_equal(ukwd_plan_find(&index, plan, "credit-cover"),
	                 UKWD_ENOTFOUND);
	assert_int_equal(ukwd_plan_find(&index, plan, "fusa-fieldwork"), 0);
	assert_int_equal(ukwd_plan_task_duration(plan, index), 3);
	assert_non_null(strstr(ukwd_plan_task_source(plan, index),
	                       "PROPOSED: duration set by the caller"));
	assert_int_equal(
	    ukwd_plan_find(&index, plan, "uept-execution/import-supplier"), 0);
	assert_int_equal(ukwd_plan_task_duration(plan, index), 40);
	ukwd_plan_free(plan);

	/* Unchanged, the FUSA fieldwork keeps its sourced range. */
	assert_int_equal(ukwd_uep_build_plan(&plan, NULL, NULL), 0);
	assert_int_equal(ukwd_plan_find(&index, plan, "fusa-fieldwork"), 0);
	assert_int_equal(
	    ukwd_plan_task_estimate(&low, &likely, &high, plan, index), 0);
	assert_int_equal(low, 3);
	assert_int_equal(high, 10);
	assert_non_null(strstr(ukwd_plan_task_source(plan, index),
	                       "SOURCED: 3 to 10 working days"));
	ukwd_plan_free(plan);

	overrides[0].stage_id = "fusa-fieldwerk";
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, &diag),
	                 UKWD_ENOTFOUND);
	assert_non_null(strstr(diag.message, "fusa-fieldwerk"));
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
	assert_int_equal(ukwd_uep_build_plan(&plan, &options, NULL), 0);
	for (size_t i = 0; i < ukwd_plan_task_count(plan); i++) {
		const char *source = ukwd_plan_task_source(plan, i);

		assert_non_null(source);
		assert_true(strncmp(source, "PROPOSED: ", 10) == 0 ||
		            strncmp(source, "CHECKLIST: ", 11) == 0 ||
		            strncmp(source, "SOURCED: ", 9) == 0);
		assert_non_null(strstr(source, "; SEC "));
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_catalogue__every_figure_has_a_tag_and_a_citation),
	    cmocka_unit_test(test_catalogue__the_sourced_figures),
	    cmocka_unit_test(test_plan__forward_from_january_2017),
	    cmocka_unit_test(test_plan__backward_from_the_domestic_mandate),
	    cmocka_unit_test(
	        test_plan__other_user_adds_privacy_and_its_own_uept),
	    cmocka_unit_test(test_plan__credit_cover_off_and_overrides),
	    cmocka_unit_test(
	        test_plan__every_task_and_link_carries_its_source_tag),
	    cmocka_unit_test(test_names__roles_and_parties),
	    cmocka_unit_test(test_eui64__parses_every_accepted_form),
	    cmocka_unit_test(
	        test_eui64__rejects_malformed_text_naming_the_position),
	    cmocka_unit_test(test_eui64__range_and_null_checks),
	};

	return cmocka_run_group_tests_name("uep", tests, setup, teardown);
}
