/* Progress (issue 16): a schedule from a status date, and remaining work.
 *
 * The calendar is January and February 2026 with weekends and one
 * holiday, Thursday 22 January, so that "the first working day after the
 * status date" has to skip something. Dates worked by hand: the status
 * date is Wednesday 21 January unless a test says otherwise. */
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

static ukwd_calendar *
january(int with_holiday)
{
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *cal = NULL;

	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, day("2026-01-01"),
	                                                 day("2026-02-28")),
	                 0);
	if (with_holiday)
		assert_int_equal(ukwd_calendar_builder_add_holiday(
		                     b, day("2026-01-22"), "Closure"),
		                 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	return cal;
}

static size_t
task(ukwd_plan *plan, const char *id, int32_t duration)
{
	size_t index = 0;

	assert_int_equal(
	    ukwd_plan_add_task(&index, plan, id, id, duration, NULL), 0);
	return index;
}

static void
fs(ukwd_plan *plan, size_t from, size_t to)
{
	assert_int_equal(ukwd_plan_add_link(NULL, plan, from, to, UKWD_LINK_FS,
	                                    0, NULL, NULL),
	                 0);
}

static void
set(ukwd_plan *plan, size_t t, ukwd_constraint_type type, const char *date)
{
	assert_int_equal(
	    ukwd_plan_set_constraint(plan, t, type, day(date), NULL), 0);
}

static int
schedule_at(ukwd_schedule **out, const ukwd_plan *plan,
            const ukwd_calendar *cal, const char *status, ukwd_diag *diag)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;

	if (status) {
		options.has_status_date = 1;
		options.status_date = day(status);
	}
	return ukwd_schedule_new(out, plan, cal, day("2026-01-05"), &options,
	                         diag);
}

static void
expect(const ukwd_schedule *sched, size_t t, const char *start,
       const char *finish)
{
	ukwd_scheduled_task row;

	assert_int_equal(ukwd_schedule_task(&row, sched, t), 0);
	assert_date(row.early_start, start);
	assert_date(row.early_finish, finish);
}

/* The plan of the header: A done, B in progress, C after B, D free. */
struct example {
	ukwd_plan *plan;
	size_t a, b, c, d;
};

static void
example_build(struct example *x)
{
	assert_int_equal(ukwd_plan_new(&x->plan), 0);
	x->a = task(x->plan, "A", 5);
	x->b = task(x->plan, "B", 10);
	x->c = task(x->plan, "C", 2);
	x->d = task(x->plan, "D", 4);
	fs(x->plan, x->a, x->b);
	fs(x->plan, x->b, x->c);
	set(x->plan, x->a, UKWD_CONSTRAINT_ACTUAL_START, "2026-01-05");
	set(x->plan, x->a, UKWD_CONSTRAINT_ACTUAL_FINISH, "2026-01-09");
	set(x->plan, x->b, UKWD_CONSTRAINT_ACTUAL_START, "2026-01-12");
}

static void
test_status__remaining_counts_after_the_status_date(void **state)
{
	ukwd_calendar *cal = january(1);
	struct example x;
	ukwd_schedule *sched = NULL;
	ukwd_date status = 0;
	int32_t remaining = -1;

	(void)state;
	example_build(&x);
	assert_int_equal(ukwd_plan_set_remaining(x.plan, x.b, 3, NULL), 0);
	assert_int_equal(ukwd_plan_task_remaining(&remaining, x.plan, x.b), 0);
	assert_int_equal(remaining, 3);
	assert_int_equal(schedule_at(&sched, x.plan, cal, "2026-01-21", NULL),
	                 0);
	/* A keeps its actual dates. B: three working days after Wed 21,
	 * skipping the closure on Thu 22: Fri 23, Mon 26, Tue 27. */
	expect(sched, x.a, "2026-01-05", "2026-01-09");
	expect(sched, x.b, "2026-01-12", "2026-01-27");
	expect(sched, x.c, "2026-01-28", "2026-01-29");
	/* D has no predecessor: the project start (5 Jan) would put it in
	 * the past; work not done starts on Fri 23. */
	expect(sched, x.d, "2026-01-23", "2026-01-28");
	assert_int_equal(ukwd_schedule_status_date(&status, sched), 0);
	assert_int_equal(status, day("2026-01-21"));
	ukwd_schedule_free(sched);
	ukwd_plan_free(x.plan);
	ukwd_calendar_free(cal);
}

static void
test_status__default_remaining_is_what_the_duration_leaves(void **state)
{
	ukwd_calendar *cal = january(0);
	struct example x;
	ukwd_schedule *sched = NULL;

	(void)state;
	example_build(&x);
	/* B started Mon 12: Mon 12 to Wed 21 is 8 working days of its 10,
	 * so 2 are left: Thu 22, Fri 23. */
	assert_int_equal(schedule_at(&sched, x.plan, cal, "2026-01-21", NULL),
	                 0);
	expect(sched, x.b, "2026-01-12", "2026-01-23");
	expect(sched, x.c, "2026-01-26", "2026-01-27");
	expect(sched, x.d, "2026-01-22", "2026-01-27");
	ukwd_schedule_free(sched);
	/* Its duration used up and not finished: it ends on the status
	 * date, never before it. */
	assert_int_equal(ukwd_plan_set_duration(x.plan, x.b, 3, NULL), 0);
	assert_int_equal(schedule_at(&sched, x.plan, cal, "2026-01-21", NULL),
	                 0);
	expect(sched, x.b, "2026-01-12", "2026-01-21");
	expect(sched, x.c, "2026-01-22", "2026-01-23");
	ukwd_schedule_free(sched);
	/* 0 remaining given: the same. */
	assert_int_equal(ukwd_plan_set_duration(x.plan, x.b, 10, NULL), 0);
	assert_int_equal(ukwd_plan_set_remaining(x.plan, x.b, 0, NULL), 0);
	assert_int_equal(schedule_at(&sched, x.plan, cal, "2026-01-21", NULL),
	                 0);
	expect(sched, x.b, "2026-01-12", "2026-01-21");
	ukwd_schedule_free(sched);
	ukwd_plan_free(x.plan);
	ukwd_calendar_free(cal);
}

static void
test_status__on_a_weekend(void **state)
{
	ukwd_calendar *cal = january(0);
	struct example x;
	ukwd_schedule *sched = NULL;

	(void)state;
	example_build(&x);
	assert_int_equal(ukwd_plan_set_remaining(x.plan, x.b, 1, NULL), 0);
	/* Saturday 24: work resumes on Monday 26. */
	assert_int_equal(schedule_at(&sched, x.plan, cal, "2026-01-24", NULL),
	                 0);
	expect(sched, x.b, "2026-01-12", "2026-01-26");
	expect(sched, x.d, "2026-01-26", "2026-01-29");
	ukwd_schedule_free(sched);
	ukwd_plan_free(x.plan);
	ukwd_calendar_free(cal);
}

static void
test_status__explains_the_status_date(void **state)
{
	ukwd_calendar *cal = january(1);
	struct example x;
	ukwd_schedule *sched = NULL;
	ukwd_driver driver;
	char text[512];

	(void)state;
	example_build(&x);
	assert_int_equal(schedule_at(&sched, x.plan, cal, "2026-01-21", NULL),
	                 0);
	assert_int_equal(
	    ukwd_schedule_driver(&driver, sched, x.d, UKWD_SCHEDULE_EARLY), 0);
	assert_int_equal(driver.kind, UKWD_DRIVER_STATUS_DATE);
	assert_int_equal(driver.date, day("2026-01-21"));
	assert_int_equal(driver.bound_date, day("2026-01-23"));
	assert_int_equal(ukwd_schedule_explain(text, sizeof(text), NULL, sched,
	                                       x.d, UKWD_SCHEDULE_EARLY),
	                 0);
	assert_non_null(strstr(
	    text, "work not done starts after the status date 2026-01-21"));
	/* A start-no-earlier-than on the same day wins the tie: the task's
	 * own date is the better reason. */
	set(x.plan, x.d, UKWD_CONSTRAINT_START_NO_EARLIER_THAN, "2026-01-23");
	ukwd_schedule_free(sched);
	assert_int_equal(schedule_at(&sched, x.plan, cal, "2026-01-21", NULL),
	                 0);
	assert_int_equal(
	    ukwd_schedule_driver(&driver, sched, x.d, UKWD_SCHEDULE_EARLY), 0);
	assert_int_equal(driver.kind, UKWD_DRIVER_CONSTRAINT);
	assert_int_equal(driver.constraint,
	                 UKWD_CONSTRAINT_START_NO_EARLIER_THAN);
	ukwd_schedule_free(sched);
	ukwd_plan_free(x.plan);
	ukwd_calendar_free(cal);
}

static void
test_status__without_one_nothing_moves(void **state)
{
	ukwd_calendar *cal = january(1);
	struct example x;
	ukwd_schedule *sched = NULL;
	ukwd_diag diag;

	(void)state;
	example_build(&x);
	assert_int_equal(schedule_at(&sched, x.plan, cal, NULL, NULL), 0);
	expect(sched, x.b, "2026-01-12", "2026-01-26");
	expect(sched, x.d, "2026-01-05", "2026-01-08");
	assert_int_equal(ukwd_schedule_status_date(&(ukwd_date){0}, sched),
	                 UKWD_ENOTFOUND);
	ukwd_schedule_free(sched);
	sched = NULL;
	/* Remaining work with no status date is refused, not ignored. */
	assert_int_equal(ukwd_plan_set_remaining(x.plan, x.b, 3, NULL), 0);
	assert_int_equal(schedule_at(&sched, x.plan, cal, NULL, &diag),
	                 UKWD_EINVAL);
	assert_null(sched);
	assert_non_null(strstr(diag.message, "task 'B'"));
	assert_non_null(strstr(diag.message, "no status date"));
	assert_int_equal(ukwd_plan_clear_remaining(x.plan, x.b), 0);
	assert_int_equal(ukwd_plan_task_remaining(&(int32_t){0}, x.plan, x.b),
	                 UKWD_ENOTFOUND);
	assert_int_equal(schedule_at(&sched, x.plan, cal, NULL, NULL), 0);
	ukwd_schedule_free(sched);
	ukwd_plan_free(x.plan);
	ukwd_calendar_free(cal);
}

/* A caller compiled against version 1 of the options has no status date
 * members: whatever follows its struct is never read. */
static void
test_status__version_1_options_have_none(void **state)
{
	ukwd_calendar *cal = january(1);
	struct example x;
	ukwd_schedule *sched = NULL;
	ukwd_schedule_options options;

	(void)state;
	example_build(&x);
	memset(&options, 0xff, sizeof(options));
	options.version = 1;
	options.direction = UKWD_SCHEDULE_FORWARD;
	assert_int_equal(ukwd_schedule_new(&sched, x.plan, cal,
	                                   day("2026-01-05"), &options, NULL),
	                 0);
	assert_int_equal(ukwd_schedule_status_date(&(ukwd_date){0}, sched),
	                 UKWD_ENOTFOUND);
	expect(sched, x.d, "2026-01-05", "2026-01-08");
	ukwd_schedule_free(sched);
	/* And _options_init of version 1 writes only those members. */
	memset(&options, 0x5a, sizeof(options));
	assert_int_equal(ukwd_schedule_options_init(&options, 1), 0);
	assert_int_equal(options.version, 1);
	assert_int_equal(options.direction, UKWD_SCHEDULE_FORWARD);
	{
		ukwd_schedule_options same;

		memset(&same, 0x5a, sizeof(same));
		assert_memory_equal(
		    (const char *)&options +
		        offsetof(ukwd_schedule_options, has_status_date),
		    (const char *)&same +
		        offsetof(ukwd_schedule_options, has_status_date),
		    sizeof(options) -
		        offsetof(ukwd_schedule_options, has_status_date));
	}
	assert_int_equal(
	    ukwd_schedule_options_init(&options, UKWD_SCHEDULE_OPTIONS_VERSION),
	    0);
	assert_int_equal(options.has_status_date, 0);
	ukwd_plan_free(x.plan);
	ukwd_calendar_free(cal);
}

static void
expect_refused(const ukwd_plan *plan, const ukwd_calendar *cal,
               const char *status, int code, const char *words1,
               const char *words2)
{
	ukwd_schedule *sched = NULL;
	ukwd_diag diag;

	assert_int_equal(schedule_at(&sched, plan, cal, status, &diag), code);
	assert_null(sched);
	if (!strstr(diag.message, words1) || !strstr(diag.message, words2))
		fail_msg("message '%s' lacks '%s' or '%s'", diag.message,
		         words1, words2);
}

static void
test_status__refusals(void **state)
{
	ukwd_calendar *cal = january(1);
	struct example x;

	(void)state;
	example_build(&x);
	/* An actual date after the status date. */
	expect_refused(x.plan, cal, "2026-01-11", UKWD_EINVAL,
	               "task 'B': actual start 2026-01-12",
	               "after the status date 2026-01-11");
	expect_refused(x.plan, cal, "2026-01-08", UKWD_EINVAL,
	               "task 'A': actual finish 2026-01-09",
	               "after the status date 2026-01-08");
	/* The status date outside the calendar. */
	expect_refused(x.plan, cal, "2026-03-02", UKWD_ERANGE, "status date",
	               "outside the calendar");
	/* Remaining work on a task that is not in progress. */
	assert_int_equal(ukwd_plan_set_remaining(x.plan, x.d, 2, NULL), 0);
	expect_refused(x.plan, cal, "2026-01-21", UKWD_EINVAL, "task 'D'",
	               "has not started");
	assert_int_equal(ukwd_plan_clear_remaining(x.plan, x.d), 0);
	assert_int_equal(ukwd_plan_set_remaining(x.plan, x.a, 2, NULL), 0);
	expect_refused(x.plan, cal, "2026-01-21", UKWD_EINVAL, "task 'A'",
	               "has finished");
	assert_int_equal(ukwd_plan_clear_remaining(x.plan, x.a), 0);
	/* A task not started that must start before the status date. */
	set(x.plan, x.d, UKWD_CONSTRAINT_MUST_START_ON, "2026-01-19");
	expect_refused(x.plan, cal, "2026-01-21", UKWD_EINVAL,
	               "task 'D': must start on 2026-01-19", "has not started");
	/* After it is fine, and it is kept. */
	set(x.plan, x.d, UKWD_CONSTRAINT_MUST_START_ON, "2026-02-02");
	{
		ukwd_schedule *sched = NULL;

		assert_int_equal(
		    schedule_at(&sched, x.plan, cal, "2026-01-21", NULL), 0);
		expect(sched, x.d, "2026-02-02", "2026-02-05");
		ukwd_schedule_free(sched);
	}
	/* Out of range values for remaining work. */
	assert_int_equal(ukwd_plan_set_remaining(x.plan, x.b, -1, NULL),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_plan_set_remaining(
	                     x.plan, x.b, UKWD_PLAN_MAX_WORKING_DAYS + 1, NULL),
	                 UKWD_ERANGE);
	assert_int_equal(ukwd_plan_set_remaining(x.plan, 99, 1, NULL),
	                 UKWD_ENOTFOUND);
	assert_int_equal(ukwd_plan_set_remaining(NULL, 0, 1, NULL),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_plan_task_remaining(NULL, x.plan, 0),
	                 UKWD_EINVAL);
	ukwd_plan_free(x.plan);
	ukwd_calendar_free(cal);
}

/* From CSV: the `remaining` column, and errors that name the record's
 * line. */
static void
test_status__csv(void **state)
{
	static const char csv[] =
	    "id,name,duration,predecessors,actual_start,actual_finish,"
	    "remaining\n"
	    "A,Design,5,,2026-01-05,2026-01-09,\n"
	    "B,Build,10,A,2026-01-12,,3\n"
	    "C,Test,2,B,,,\n";
	static const char late[] =
	    "id,name,duration,predecessors,actual_start,remaining\n"
	    "A,Design,5,,2026-01-05,\n"
	    "\n"
	    "B,Build,10,A,2026-01-26,\n";
	static const char bad[] =
	    "id,name,duration,predecessors,actual_start,remaining\n"
	    "A,Design,5,,2026-01-05,2 weeks\n";
	ukwd_calendar *cal = january(1);
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched = NULL;
	ukwd_diag diag;
	int32_t remaining = 0;

	(void)state;
	assert_int_equal(
	    ukwd_plan_read_csv(&plan, csv, sizeof(csv) - 1, "p.csv", NULL), 0);
	assert_int_equal(ukwd_plan_task_remaining(&remaining, plan, 1), 0);
	assert_int_equal(remaining, 3);
	assert_int_equal(ukwd_plan_task_remaining(&remaining, plan, 0),
	                 UKWD_ENOTFOUND);
	assert_int_equal(schedule_at(&sched, plan, cal, "2026-01-21", NULL), 0);
	expect(sched, 1, "2026-01-12", "2026-01-27");
	expect(sched, 2, "2026-01-28", "2026-01-29");
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);

	plan = NULL;
	assert_int_equal(
	    ukwd_plan_read_csv(&plan, late, sizeof(late) - 1, "p.csv", NULL),
	    0);
	assert_int_equal(schedule_at(&sched, plan, cal, "2026-01-21", &diag),
	                 UKWD_EINVAL);
	assert_int_equal(diag.line, 4);
	assert_non_null(strstr(diag.message, "task 'B': actual start "
	                                     "2026-01-26 is after the status "
	                                     "date 2026-01-21"));
	ukwd_plan_free(plan);

	plan = NULL;
	assert_int_equal(
	    ukwd_plan_read_csv(&plan, bad, sizeof(bad) - 1, "p.csv", &diag),
	    UKWD_EPARSE);
	assert_null(plan);
	assert_int_equal(diag.line, 2);
	assert_int_equal(diag.column, 24); /* the field's first byte */
	assert_non_null(strstr(diag.message, "remaining '2 weeks'"));
	ukwd_calendar_free(cal);
}

/* Backward: late dates come from the finish; early ones still cannot be
 * before the status date, so a plan that is behind shows negative
 * float instead of work in the past. */
static void
test_status__backward(void **state)
{
	ukwd_calendar *cal = january(0);
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched = NULL;
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_scheduled_task row;
	size_t a;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	a = task(plan, "A", 5);
	options.direction = UKWD_SCHEDULE_BACKWARD;
	options.has_status_date = 1;
	options.status_date = day("2026-01-21");
	/* Due Friday 23: it should have started Monday 19. */
	assert_int_equal(ukwd_schedule_new(&sched, plan, cal, day("2026-01-23"),
	                                   &options, NULL),
	                 0);
	assert_int_equal(ukwd_schedule_task(&row, sched, a), 0);
	assert_date(row.late_start, "2026-01-19");
	assert_date(row.early_start, "2026-01-22");
	assert_date(row.early_finish, "2026-01-28");
	assert_int_equal(row.total_float, -3);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_status__remaining_counts_after_the_status_date),
	    cmocka_unit_test(
	        test_status__default_remaining_is_what_the_duration_leaves),
	    cmocka_unit_test(test_status__on_a_weekend),
	    cmocka_unit_test(test_status__explains_the_status_date),
	    cmocka_unit_test(test_status__without_one_nothing_moves),
	    cmocka_unit_test(test_status__version_1_options_have_none),
	    cmocka_unit_test(test_status__refusals),
	    cmocka_unit_test(test_status__csv),
	    cmocka_unit_test(test_status__backward),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
