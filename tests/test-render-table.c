/* ukwd_render_table(): ukwd-plan's default table, from the library, and
 * ukwd_render_explanations(), its "Why:" section alone. The expected
 * texts are what ukwd-plan printed for the same plan before the table
 * moved into the library (issue 14.6), byte for byte. */
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

/* Two critical paths, a name longer than the TASK column, one with a tab
 * and an ill-formed byte, an id longer than the ID column, a milestone
 * without a name. */
static const char plan_csv[] = "id,name,duration,predecessors\n"
                               "brief,Agree the brief,3,\n"
                               "build,A very long task name that goes on and "
                               "on beyond forty characters,5,brief\n"
                               "content,Tab\x09"
                               "here \xff"
                               ",2,brief\n"
                               "the-launch-milestone-id,,0,build;content\n";

/* ukwd-plan --tasks PLAN --division england-and-wales --start 2017-06-01
 *   --deadline 2017-06-05 --explain */
static const char expected_forward[] =
    "Project: 2017-06-01 to 2017-06-12, 8 working days (scheduled forward from "
    "2017-06-01)\n"
    "\n"
    "  ID                    TASK                                      DAYS  "
    "START       FINISH      LATE START  LATE FINISH  FLOAT  FREE\n"
    "! brief                 Agree the brief                              3  "
    "2017-06-01  2017-06-05  2017-05-24  2017-05-26      -5    -5\n"
    "! build                 A very long task name that goes on and \xe2"
    "\x80"
    "\xa6"
    "     5  2017-06-06  2017-06-12  2017-05-30  2017-06-05      -5    -5\n"
    "! content               Tab\xef"
    "\xbf"
    "\xbd"
    "here \xef"
    "\xbf"
    "\xbd"
    "                                   2  2017-06-06  2017-06-07  2017-06-02  "
    "2017-06-05      -2    -2\n"
    "! the-launch-mileston\xe2"
    "\x80"
    "\xa6"
    "  the-launch-milestone-id                      0  2017-06-12  2017-06-12  "
    "2017-06-05  2017-06-05      -5    -5\n"
    "\n"
    "Deadline 2017-06-05: NOT met, missed by 5 working days.\n"
    "\n"
    "* critical: no float.  ! negative float: a date cannot be met.\n"
    "Critical path 1: brief -> build -> the-launch-milestone-id\n"
    "Critical path 2: brief -> content -> the-launch-milestone-id\n"
    "Negative float: brief (-5), build (-5), content (-2), "
    "the-launch-milestone-id (-5)\n"
    "\n"
    "Why:\n"
    "  brief                 starts 2017-06-01: the project start\n"
    "                        finishes by 2017-05-26: before 'A very long task "
    "name that goes on and on beyond forty characters' must start (FS)\n"
    "  build                 starts 2017-06-06: after 'Agree the brief' "
    "finishes (FS)\n"
    "                        finishes by 2017-06-05: before "
    "'the-launch-milestone-id' must start (FS)\n"
    "  content               starts 2017-06-06: after 'Agree the brief' "
    "finishes (FS)\n"
    "                        finishes by 2017-06-05: before "
    "'the-launch-milestone-id' must start (FS)\n"
    "  the-launch-mileston\xe2"
    "\x80"
    "\xa6"
    "  falls on 2017-06-12 (end of day): after 'A very long task name that "
    "goes on and on beyond forty characters' finishes (FS)\n"
    "                        falls by 2017-06-05 (end of day): the project "
    "deadline 2017-06-05\n";

/* ukwd-plan --tasks PLAN --division england-and-wales --finish 2017-06-30 */
static const char expected_backward[] =
    "Project: 2017-06-21 to 2017-06-30, 8 working days (scheduled backward to "
    "2017-06-30)\n"
    "\n"
    "  ID                    TASK                                      DAYS  "
    "START       FINISH      LATE START  LATE FINISH  FLOAT  FREE\n"
    "* brief                 Agree the brief                              3  "
    "2017-06-21  2017-06-23  2017-06-21  2017-06-23       0     0\n"
    "* build                 A very long task name that goes on and \xe2"
    "\x80"
    "\xa6"
    "     5  2017-06-26  2017-06-30  2017-06-26  2017-06-30       0     0\n"
    "  content               Tab\xef"
    "\xbf"
    "\xbd"
    "here \xef"
    "\xbf"
    "\xbd"
    "                                   2  2017-06-26  2017-06-27  2017-06-29  "
    "2017-06-30       3     3\n"
    "* the-launch-mileston\xe2"
    "\x80"
    "\xa6"
    "  the-launch-milestone-id                      0  2017-06-30  2017-06-30  "
    "2017-06-30  2017-06-30       0     0\n"
    "\n"
    "* critical: no float.\n"
    "Critical path: brief -> build -> the-launch-milestone-id\n";

struct fixture {
	ukwd_calendar *cal;
	ukwd_plan *plan;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	assert_int_equal(
	    ukwd_calendar_new_uk(&f->cal, UKWD_UK_ENGLAND_WALES, 2016, 2018),
	    0);
	assert_int_equal(ukwd_plan_read_csv(&f->plan, plan_csv,
	                                    sizeof(plan_csv) - 1, "plan.csv",
	                                    NULL),
	                 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	ukwd_plan_free(f->plan);
	ukwd_calendar_free(f->cal);
	free(f);
	return 0;
}

/* A sink into a growing NUL-terminated buffer; fails on call `stop_at`
 * when that is positive. */
struct buffer {
	char *text;
	size_t len;
	int calls, stop_at;
};

static int
buffer_sink(const char *buf, size_t len, void *payload)
{
	struct buffer *b = payload;
	char *grown;

	if (++b->calls == b->stop_at)
		return -1;
	grown = realloc(b->text, b->len + len + 1);
	assert_non_null(grown);
	b->text = grown;
	memcpy(b->text + b->len, buf, len);
	b->len += len;
	b->text[b->len] = '\0';
	return 0;
}

static ukwd_schedule *
schedule(struct fixture *f, ukwd_schedule_direction direction, ukwd_date date)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_schedule *sched = NULL;

	options.direction = direction;
	assert_int_equal(
	    ukwd_schedule_new(&sched, f->plan, f->cal, date, &options, NULL),
	    0);
	return sched;
}

static void
test_table__forward_with_deadline_and_explanations_is_ukwd_plans(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	ukwd_render_target deadline = {0, "deadline"};
	struct buffer out = {NULL, 0, 0, 0};
	ukwd_schedule *sched;

	deadline.date = ymd(2017, 6, 5);
	assert_int_equal(ukwd_plan_set_deadline(f->plan, deadline.date), 0);
	sched = schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 6, 1));
	options.targets = &deadline;
	options.target_count = 1;
	options.flags = UKWD_RENDER_EXPLAIN;
	assert_int_equal(ukwd_render_table(sched, &options, buffer_sink, &out),
	                 0);
	assert_string_equal(out.text, expected_forward);
	free(out.text);
	ukwd_schedule_free(sched);
}

static void
test_table__backward_says_backward_to_its_own_date(void **state)
{
	struct fixture *f = *state;
	struct buffer out = {NULL, 0, 0, 0};
	ukwd_schedule *sched =
	    schedule(f, UKWD_SCHEDULE_BACKWARD, ymd(2017, 6, 30));

	assert_int_equal(ukwd_render_table(sched, NULL, buffer_sink, &out), 0);
	assert_string_equal(out.text, expected_backward);
	free(out.text);
	ukwd_schedule_free(sched);
}

static void
test_table__a_target_without_label_is_a_target_met(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	ukwd_render_target target = {0, NULL};
	struct buffer out = {NULL, 0, 0, 0};
	ukwd_schedule *sched =
	    schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 6, 1));

	target.date = ymd(2017, 6, 14); /* two working days after the end */
	options.targets = &target;
	options.target_count = 1;
	assert_int_equal(ukwd_render_table(sched, &options, buffer_sink, &out),
	                 0);
	assert_non_null(strstr(out.text, "\n\nTarget 2017-06-14: met, 2 "
	                                 "working days to spare.\n\n* "
	                                 "critical"));
	assert_null(strstr(out.text, "Why:"));
	free(out.text);
	ukwd_schedule_free(sched);
}

static void
test_table__bad_arguments_and_a_failing_sink_are_errors(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	struct buffer out = {NULL, 0, 0, 1};
	ukwd_schedule *sched =
	    schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 6, 1));

	assert_int_equal(ukwd_render_table(NULL, NULL, buffer_sink, &out),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_render_table(sched, NULL, NULL, &out),
	                 UKWD_EINVAL);
	options.version = 0;
	assert_int_equal(ukwd_render_table(sched, &options, buffer_sink, &out),
	                 UKWD_EINVAL);
	options.version = UKWD_RENDER_OPTIONS_VERSION;
	options.target_count = 1; /* and no targets */
	assert_int_equal(ukwd_render_table(sched, &options, buffer_sink, &out),
	                 UKWD_EINVAL);
	assert_int_equal(out.calls, 0);
	assert_int_equal(ukwd_render_table(sched, NULL, buffer_sink, &out),
	                 UKWD_EUSER);
	free(out.text);
	ukwd_schedule_free(sched);
}

/* The risk's four cells at the end of the row of task `id` (found from
 * `table` on): P50, P80 and P95 as dates, and CRITICAL as its 8
 * right-aligned characters. */
static void
risk_cells(const char *table, const char *id, char cells[4][16])
{
	const char *row = strstr(table, id), *end;

	assert_non_null(row);
	end = strchr(row, '\n');
	assert_non_null(end);
	assert_true(end - row > 3 * 12 + 10);
	for (int k = 0; k < 3; k++) {
		memcpy(cells[k], end - (3 - k) * 12 - 10 + 2, 10);
		cells[k][10] = '\0';
	}
	memcpy(cells[3], end - 8, 8);
	cells[3][8] = '\0';
}

static void
test_table__risk_adds_p50_p80_p95_and_criticality_columns(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	ukwd_risk_options ro = UKWD_RISK_OPTIONS_INIT;
	struct buffer out = {NULL, 0, 0, 0}, v4 = {NULL, 0, 0, 0};
	static const char *const ids[] = {"brief ", "build ", "content ",
	                                  "the-launch-mileston"};
	ukwd_schedule *sched, *other;
	ukwd_plan *two;
	ukwd_risk *risk = NULL, *small = NULL;

	assert_int_equal(ukwd_plan_set_estimate(f->plan, 0, 2, 3, 9, NULL), 0);
	assert_int_equal(ukwd_plan_set_estimate(f->plan, 1, 4, 5, 12, NULL), 0);
	assert_int_equal(ukwd_plan_set_estimate(f->plan, 2, 1, 2, 20, NULL), 0);
	sched = schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 6, 1));
	ro.iterations = 3000;
	ro.seed = 11;
	assert_int_equal(ukwd_risk_new(&risk, sched, &ro, NULL), 0);
	options.risk = risk;
	assert_int_equal(ukwd_render_table(sched, &options, buffer_sink, &out),
	                 0);
	assert_non_null(strstr(out.text, "FLOAT  FREE  P50 FINISH  P80 FINISH  "
	                                 "P95 FINISH  CRITICAL\n"));
	assert_non_null(strstr(out.text, "of 3000 iterations (schedule risk)"));
	for (size_t t = 0; t < 4; t++) {
		char cells[4][16], want[UKWD_DATE_STRLEN], pct[16];
		ukwd_risk_task_result r;
		const ukwd_date *days[3] = {&r.finish.p50, &r.finish.p80,
		                            &r.finish.p95};

		assert_int_equal(ukwd_risk_task(&r, risk, t), 0);
		risk_cells(strstr(out.text, "LATE FINISH"), ids[t], cells);
		for (int k = 0; k < 3; k++) {
			assert_int_equal(
			    ukwd_date_format(want, sizeof(want), *days[k]), 0);
			assert_string_equal(cells[k], want);
		}
		/* per cent with one decimal, never rounded to 0.0 or 100.0
		 * when it is not exactly that */
		if (r.criticality > 0.0 && r.criticality < 0.0005)
			snprintf(pct, sizeof(pct), "< 0.1 %%");
		else if (r.criticality < 1.0 && r.criticality >= 0.9995)
			snprintf(pct, sizeof(pct), "> 99.9 %%");
		else
			snprintf(pct, sizeof(pct), "%.1f %%",
			         r.criticality * 100.0);
		assert_string_equal(cells[3] + strspn(cells[3], " "), pct);
	}
	/* content's range reaches 20 days: it is not always critical */
	{
		ukwd_risk_task_result r;

		assert_int_equal(ukwd_risk_task(&r, risk, 2), 0);
		assert_true(r.criticality > 0.0 && r.criticality < 1.0);
	}

	/* A version 4 caller has no risk member: the table it had. */
	options.version = 4;
	assert_int_equal(ukwd_render_table(sched, &options, buffer_sink, &v4),
	                 0);
	assert_null(strstr(v4.text, "P50"));
	assert_int_equal(strncmp(v4.text, out.text, 80), 0);

	/* A risk of another plan (its task count) is refused. */
	assert_int_equal(ukwd_plan_new(&two), 0);
	assert_int_equal(ukwd_plan_add_task(NULL, two, "x", "X", 2, NULL), 0);
	assert_int_equal(
	    ukwd_schedule_new(&other, two, f->cal, ymd(2017, 6, 1), NULL, NULL),
	    0);
	ro.iterations = 10;
	assert_int_equal(ukwd_risk_new(&small, other, &ro, NULL), 0);
	options.version = UKWD_RENDER_OPTIONS_VERSION;
	options.risk = small;
	free(v4.text);
	v4.text = NULL;
	v4.len = 0;
	assert_int_equal(ukwd_render_table(sched, &options, buffer_sink, &v4),
	                 UKWD_EINVAL);
	assert_null(v4.text);

	ukwd_risk_free(small);
	ukwd_schedule_free(other);
	ukwd_plan_free(two);
	ukwd_risk_free(risk);
	free(out.text);
	ukwd_schedule_free(sched);
}

static void
test_explanations__are_the_tables_why_section_alone(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	struct buffer out = {NULL, 0, 0, 0}, table = {NULL, 0, 0, 0};
	const char *why = strstr(expected_forward, "\n\nWhy:\n");
	ukwd_schedule *sched;

	assert_non_null(why);
	assert_int_equal(ukwd_plan_set_deadline(f->plan, ymd(2017, 6, 5)), 0);
	sched = schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 6, 1));
	/* Without options, and without UKWD_RENDER_EXPLAIN: the section as
	 * ukwd-plan printed it, from "Why:" to the end, cut ids and all. */
	assert_int_equal(
	    ukwd_render_explanations(sched, NULL, buffer_sink, &out), 0);
	assert_string_equal(out.text, why + 2);
	/* And as the table's own section, with the empty line before it. */
	options.flags = UKWD_RENDER_EXPLAIN;
	assert_int_equal(
	    ukwd_render_table(sched, &options, buffer_sink, &table), 0);
	assert_true(table.len > out.len);
	assert_string_equal(table.text + table.len - out.len, out.text);
	assert_memory_equal(table.text + table.len - out.len - 2, "\n\n", 2);
	free(table.text);
	free(out.text);
	ukwd_schedule_free(sched);
}

static void
test_explanations__bad_arguments_and_a_failing_sink_are_errors(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	struct buffer out = {NULL, 0, 0, 1};
	ukwd_schedule *sched =
	    schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 6, 1));

	assert_int_equal(
	    ukwd_render_explanations(NULL, NULL, buffer_sink, &out),
	    UKWD_EINVAL);
	assert_int_equal(ukwd_render_explanations(sched, NULL, NULL, &out),
	                 UKWD_EINVAL);
	options.version = 0;
	assert_int_equal(
	    ukwd_render_explanations(sched, &options, buffer_sink, &out),
	    UKWD_EINVAL);
	options.version = UKWD_RENDER_OPTIONS_VERSION;
	options.target_count = 1; /* and no targets */
	assert_int_equal(
	    ukwd_render_explanations(sched, &options, buffer_sink, &out),
	    UKWD_EINVAL);
	assert_int_equal(out.calls, 0);
	assert_int_equal(
	    ukwd_render_explanations(sched, NULL, buffer_sink, &out),
	    UKWD_EUSER);
	assert_int_equal(out.calls, 1);
	/* A plan changed after it was scheduled: refused, nothing written. */
	assert_int_equal(ukwd_plan_set_duration(f->plan, 0, 4, NULL), 0);
	out.stop_at = 0;
	assert_int_equal(
	    ukwd_render_explanations(sched, NULL, buffer_sink, &out),
	    UKWD_EINVAL);
	assert_int_equal(out.calls, 1);
	free(out.text);
	ukwd_schedule_free(sched);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
	        test_table__forward_with_deadline_and_explanations_is_ukwd_plans,
	        setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_table__backward_says_backward_to_its_own_date, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_table__a_target_without_label_is_a_target_met, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_table__bad_arguments_and_a_failing_sink_are_errors, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_table__risk_adds_p50_p80_p95_and_criticality_columns,
	        setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_explanations__are_the_tables_why_section_alone, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_explanations__bad_arguments_and_a_failing_sink_are_errors,
	        setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
