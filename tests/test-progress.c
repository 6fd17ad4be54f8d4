/* Progress (issue 16): a schedule from a status date, remaining work, and
 * a schedule against a baseline (ukwd/progress.h).
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

/* A task in progress: its start is its actual start, its finish the work
 * left after the status date, and neither moves for a successor that
 * must start sooner (as an actual finish would not): the float goes
 * negative instead. Both sides say so. */
static void
test_status__a_task_in_progress_says_why_it_finishes_then(void **state)
{
	ukwd_calendar *cal = january(1);
	struct example x;
	ukwd_schedule *sched = NULL;
	ukwd_scheduled_task row;
	ukwd_driver driver;
	char text[512];

	(void)state;
	example_build(&x);
	assert_int_equal(ukwd_plan_set_remaining(x.plan, x.b, 3, NULL), 0);
	assert_int_equal(schedule_at(&sched, x.plan, cal, "2026-01-21", NULL),
	                 0);
	assert_int_equal(
	    ukwd_schedule_driver(&driver, sched, x.b, UKWD_SCHEDULE_EARLY), 0);
	assert_int_equal(driver.kind, UKWD_DRIVER_CONSTRAINT);
	assert_int_equal(driver.constraint, UKWD_CONSTRAINT_ACTUAL_START);
	assert_int_equal(
	    ukwd_schedule_driver(&driver, sched, x.b, UKWD_SCHEDULE_LATE), 0);
	assert_int_equal(driver.kind, UKWD_DRIVER_STATUS_DATE);
	assert_int_equal(driver.bounds_finish, 1);
	assert_int_equal(driver.date, day("2026-01-21"));
	assert_int_equal(driver.bound_date, day("2026-01-27"));
	assert_int_equal(ukwd_schedule_explain(text, sizeof(text), NULL, sched,
	                                       x.b, UKWD_SCHEDULE_LATE),
	                 0);
	assert_string_equal(text, "finishes 2026-01-27: in progress, its work "
	                          "left runs on after the status date "
	                          "2026-01-21");
	assert_int_equal(ukwd_schedule_explain(text, sizeof(text), NULL, sched,
	                                       x.b, UKWD_SCHEDULE_EARLY),
	                 0);
	assert_string_equal(text, "started 2026-01-12: actual start");
	ukwd_schedule_free(sched);

	/* C must finish on Tue 27, B's own last day: B's dates stay, its
	 * float is -2 (C's two days cannot fit before). */
	set(x.plan, x.c, UKWD_CONSTRAINT_MUST_FINISH_ON, "2026-01-27");
	assert_int_equal(schedule_at(&sched, x.plan, cal, "2026-01-21", NULL),
	                 0);
	expect(sched, x.b, "2026-01-12", "2026-01-27");
	assert_int_equal(ukwd_schedule_task(&row, sched, x.b), 0);
	assert_int_equal(row.late_finish, day("2026-01-27"));
	assert_int_equal(
	    ukwd_schedule_driver(&driver, sched, x.b, UKWD_SCHEDULE_LATE), 0);
	assert_int_equal(driver.kind, UKWD_DRIVER_STATUS_DATE);
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

/* Risk runs from the status date (issue 16): with no estimates every
 * iteration is the schedule. B started 12 January and has spent 8 of its
 * 10 days by Wednesday 21: Thursday 22 and Friday 23 are left; C follows
 * on Monday 26 and Tuesday 27; D starts after the status date, on
 * Thursday 22; A keeps its actual finish. */
static void
test_status__risk_runs_from_it(void **state)
{
	ukwd_calendar *cal = january(0);
	struct example x;
	ukwd_schedule *sched = NULL;
	ukwd_risk *risk = NULL;
	ukwd_risk_options options = UKWD_RISK_OPTIONS_INIT;
	ukwd_risk_outcome finish;
	ukwd_diag diag;
	static const char *const want[] = {"2026-01-09", "2026-01-23",
	                                   "2026-01-27", "2026-01-27"};

	(void)state;
	example_build(&x);
	assert_int_equal(schedule_at(&sched, x.plan, cal, "2026-01-21", NULL),
	                 0);
	options.iterations = 10;
	assert_int_equal(ukwd_risk_new(&risk, sched, &options, &diag), 0);
	for (size_t t = 0; t < 4; t++) {
		ukwd_risk_task_result r;
		ukwd_scheduled_task row;

		assert_int_equal(ukwd_risk_task(&r, risk, t), 0);
		assert_int_equal(ukwd_schedule_task(&row, sched, t), 0);
		assert_date(r.finish.min, want[t]);
		assert_date(r.finish.max, want[t]);
		assert_int_equal(row.early_finish, r.finish.min);
	}
	assert_int_equal(ukwd_risk_finish(&finish, risk), 0);
	assert_date(finish.p95, "2026-01-27");
	ukwd_risk_free(risk);
	ukwd_schedule_free(sched);
	ukwd_plan_free(x.plan);
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

/* ------------------------------------------------------------------ */
/* Baselines */

struct text {
	char *data;
	size_t len;
};

static int
text_sink(const char *buf, size_t len, void *payload)
{
	struct text *t = payload;
	char *grown = realloc(t->data, t->len + len + 1);

	if (!grown)
		return -1;
	memcpy(grown + t->len, buf, len);
	t->data = grown;
	t->len += len;
	t->data[t->len] = '\0';
	return 0;
}

static struct text
json_of(const ukwd_schedule *sched)
{
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	struct text t = {NULL, 0};

	assert_int_equal(ukwd_render_json(sched, &options, text_sink, &t), 0);
	return t;
}

static ukwd_baseline *
baseline_of(const char *json)
{
	ukwd_baseline *b = NULL;
	ukwd_diag diag;

	if (ukwd_baseline_read_json(&b, json, strlen(json), "b.json", &diag))
		fail_msg("baseline: %d:%d: %s", diag.line, diag.column,
		         diag.message);
	return b;
}

static void
expect_slip(const ukwd_progress *p, size_t t, int32_t start, int32_t finish,
            int32_t added)
{
	ukwd_task_slip s;

	assert_int_equal(ukwd_progress_task(&s, p, t), 0);
	assert_int_equal(s.in_baseline, 1);
	assert_int_equal(s.start_slip, start);
	assert_int_equal(s.finish_slip, finish);
	assert_int_equal(s.added, added);
}

/* A schedule against its own JSON: nothing moved, the dates read back. */
static void
test_baseline__round_trip(void **state)
{
	ukwd_calendar *cal = january(1);
	struct example x;
	ukwd_schedule *sched = NULL;
	ukwd_baseline *read, *mem = NULL;
	ukwd_progress *p = NULL;
	struct text json;
	const size_t *movers;
	size_t count = 99;
	ukwd_date start, finish, span_start, span_finish;
	int32_t variance = 99;

	(void)state;
	example_build(&x);
	assert_int_equal(schedule_at(&sched, x.plan, cal, NULL, NULL), 0);
	json = json_of(sched);
	read = baseline_of(json.data);
	assert_int_equal(ukwd_baseline_from_schedule(&mem, sched), 0);
	assert_int_equal(ukwd_baseline_task_count(read), 4);
	assert_int_equal(ukwd_baseline_task_count(mem), 4);
	assert_int_equal(ukwd_baseline_span(&start, &finish, read), 0);
	assert_int_equal(
	    ukwd_schedule_span(&span_start, &span_finish, NULL, sched), 0);
	assert_int_equal(start, span_start);
	assert_int_equal(finish, span_finish);
	for (int k = 0; k < 2; k++) {
		assert_int_equal(
		    ukwd_progress_new(&p, sched, k ? mem : read, NULL), 0);
		for (size_t t = 0; t < 4; t++) {
			ukwd_task_slip s;
			ukwd_scheduled_task row;

			assert_int_equal(ukwd_progress_task(&s, p, t), 0);
			assert_int_equal(ukwd_schedule_task(&row, sched, t), 0);
			assert_int_equal(s.in_baseline, 1);
			assert_int_equal(s.baseline_start, row.early_start);
			assert_int_equal(s.baseline_finish, row.early_finish);
			assert_int_equal(s.start_slip, 0);
			assert_int_equal(s.finish_slip, 0);
			assert_int_equal(s.added, 0);
		}
		assert_int_equal(
		    ukwd_progress_finish_variance(&variance, NULL, p), 0);
		assert_int_equal(variance, 0);
		assert_int_equal(
		    ukwd_progress_finish_movers(&movers, &count, p), 0);
		assert_int_equal(count, 0);
		assert_int_equal(ukwd_progress_removed_count(p), 0);
		ukwd_progress_free(p);
		p = NULL;
	}
	free(json.data);
	ukwd_baseline_free(read);
	ukwd_baseline_free(mem);
	ukwd_schedule_free(sched);
	ukwd_plan_free(x.plan);
	ukwd_calendar_free(cal);
}

/* The plan as first scheduled, then as of 21 January with B behind. */
static void
test_baseline__slips_and_what_moved_the_finish(void **state)
{
	ukwd_calendar *cal = january(0);
	struct example x;
	ukwd_schedule *before = NULL, *now = NULL;
	ukwd_baseline *b;
	ukwd_progress *p = NULL;
	struct text json;
	const size_t *movers;
	size_t count = 0;
	int32_t variance = 0;
	ukwd_date baseline_finish = 0;

	(void)state;
	example_build(&x);
	/* Baseline: A 5-9 Jan, B 12-23, C 26-27, D 5-8. */
	assert_int_equal(schedule_at(&before, x.plan, cal, NULL, NULL), 0);
	json = json_of(before);
	ukwd_schedule_free(before);
	b = baseline_of(json.data);
	/* Now B has 3 days left after Wed 21: Thu 22 to Mon 26; C 27-28; D
	 * cannot start before Thu 22. */
	assert_int_equal(ukwd_plan_set_remaining(x.plan, x.b, 3, NULL), 0);
	assert_int_equal(schedule_at(&now, x.plan, cal, "2026-01-21", NULL), 0);
	assert_int_equal(ukwd_progress_new(&p, now, b, NULL), 0);
	expect_slip(p, x.a, 0, 0, 0);
	expect_slip(p, x.b, 0, 1, 1);
	expect_slip(p, x.c, 1, 1, 0);
	/* 5 Jan to 22 Jan: 13 working days; not critical, so it added
	 * nothing to the finish. */
	expect_slip(p, x.d, 13, 13, 0);
	assert_int_equal(
	    ukwd_progress_finish_variance(&variance, &baseline_finish, p), 0);
	assert_int_equal(variance, 1);
	assert_date(baseline_finish, "2026-01-27");
	assert_int_equal(ukwd_progress_finish_movers(&movers, &count, p), 0);
	assert_int_equal(count, 1);
	assert_int_equal(movers[0], x.b);
	ukwd_progress_free(p);
	ukwd_schedule_free(now);
	ukwd_baseline_free(b);
	free(json.data);
	ukwd_plan_free(x.plan);
	ukwd_calendar_free(cal);
}

/* A task added since the baseline adds its span; one the plan no longer
 * has is listed by id. */
static void
test_baseline__new_and_removed_tasks(void **state)
{
	static const char json[] =
	    "{\"tasks\": [\n"
	    " {\"id\": \"A\", \"early_start\": \"2026-01-05\", "
	    "\"early_finish\": \"2026-01-09\"},\n"
	    " {\"id\": \"Gone\", \"early_start\": \"2026-01-05\", "
	    "\"early_finish\": \"2026-01-05\", \"extra\": [1, {\"x\": null}]}"
	    "],\n"
	    " \"format_version\": 1, \"future_member\": {\"a\": [true]}}";
	ukwd_calendar *cal = january(0);
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched = NULL;
	ukwd_baseline *b = baseline_of(json);
	ukwd_progress *p = NULL;
	ukwd_task_slip s;
	const size_t *movers;
	size_t count = 0, a, e;
	int32_t variance;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	a = task(plan, "A", 5);
	e = task(plan, "E", 3);
	fs(plan, a, e);
	assert_int_equal(schedule_at(&sched, plan, cal, NULL, NULL), 0);
	assert_int_equal(ukwd_progress_new(&p, sched, b, NULL), 0);
	assert_int_equal(ukwd_progress_task(&s, p, e), 0);
	assert_int_equal(s.in_baseline, 0);
	assert_int_equal(s.added, 3);
	assert_int_equal(s.finish_slip, 0);
	assert_int_equal(ukwd_progress_finish_movers(&movers, &count, p), 0);
	assert_int_equal(count, 1);
	assert_int_equal(movers[0], e);
	assert_int_equal(ukwd_progress_removed_count(p), 1);
	assert_string_equal(ukwd_progress_removed_id(p, 0), "Gone");
	assert_null(ukwd_progress_removed_id(p, 1));
	/* No "project" in the file: no variance to give. */
	assert_int_equal(ukwd_progress_finish_variance(&variance, NULL, p),
	                 UKWD_ENOTFOUND);
	assert_int_equal(ukwd_progress_task(&s, p, 2), UKWD_ENOTFOUND);
	ukwd_progress_free(p);
	ukwd_schedule_free(sched);
	ukwd_baseline_free(b);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

static void
expect_bad(const char *json, int code, int line, const char *words)
{
	ukwd_baseline *b = NULL;
	ukwd_diag diag;

	assert_int_equal(
	    ukwd_baseline_read_json(&b, json, strlen(json), "b.json", &diag),
	    code);
	assert_null(b);
	assert_string_equal(diag.source, "b.json");
	if (line)
		assert_int_equal(diag.line, line);
	if (!strstr(diag.message, words))
		fail_msg("'%s' lacks '%s'", diag.message, words);
}

static void
test_baseline__refusals(void **state)
{
	char deep[2048];
	size_t n = 0;

	(void)state;
	expect_bad("", UKWD_EPARSE, 1, "empty");
	expect_bad("[1]", UKWD_EPARSE, 1, "not a JSON object");
	expect_bad("{\"format_version\": 1,\n \"tasks\": [}", UKWD_EPARSE, 2,
	           "not JSON");
	expect_bad("{\"format_version\": 2, \"tasks\": []}", UKWD_EPARSE, 1,
	           "format_version must be 1");
	expect_bad("{\"format_version\": 1}", UKWD_EPARSE, 1, "no 'tasks'");
	expect_bad("{\"tasks\": []}", UKWD_EPARSE, 1, "no 'format_version'");
	expect_bad("{\"format_version\": 1, \"tasks\": [\n"
	           "{\"early_start\": \"2026-01-05\", \"early_finish\": "
	           "\"2026-01-05\"}]}",
	           UKWD_EPARSE, 2, "task 1 of 'tasks' has no 'id'");
	expect_bad("{\"format_version\": 1, \"tasks\": [{\"id\": \"A\", "
	           "\"early_start\": \"2026-13-05\", \"early_finish\": "
	           "\"2026-01-05\"}]}",
	           UKWD_EPARSE, 1, "'early_start'");
	expect_bad("{\"format_version\": 1, \"tasks\": [{\"id\": \"A\", "
	           "\"early_start\": \"2026-01-06\", \"early_finish\": "
	           "\"2026-01-05\"}]}",
	           UKWD_EPARSE, 1, "finishes before it starts");
	expect_bad("{\"format_version\": 1, \"tasks\": []} x", UKWD_EPARSE, 1,
	           "not JSON");
	expect_bad("{\"format_version\": 1, \"tasks\": [], \"tasks\": []}",
	           UKWD_EPARSE, 1, "twice");
	expect_bad("{\"format_version\": 1, \"tasks\": [{\"id\": 7}]}",
	           UKWD_EPARSE, 1, "'id' must be a string");
	/* Nesting in a member that is skipped stops at a limit. */
	n += (size_t)snprintf(deep, sizeof(deep),
	                      "{\"format_version\": 1, \"tasks\": [], \"x\": ");
	while (n < 1500)
		deep[n++] = '[';
	deep[n] = '\0';
	expect_bad(deep, UKWD_EPARSE, 1, "nested deeper");
	assert_int_equal(ukwd_baseline_read_json(NULL, "{}", 2, NULL, NULL),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_progress_new(NULL, NULL, NULL, NULL),
	                 UKWD_EINVAL);
}

/* A baseline with one of the plan's ids twice, or a date the calendar
 * does not hold, cannot be compared. */
static void
test_baseline__compare_refusals(void **state)
{
	static const char twice[] =
	    "{\"format_version\": 1, \"tasks\": ["
	    "{\"id\": \"A\", \"early_start\": \"2026-01-05\", "
	    "\"early_finish\": \"2026-01-09\"},"
	    "{\"id\": \"A\", \"early_start\": \"2026-01-05\", "
	    "\"early_finish\": \"2026-01-09\"}]}";
	static const char outside[] =
	    "{\"format_version\": 1, \"tasks\": ["
	    "{\"id\": \"A\", \"early_start\": \"2025-12-01\", "
	    "\"early_finish\": \"2026-01-09\"}]}";
	ukwd_calendar *cal = january(0);
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched = NULL;
	ukwd_baseline *b;
	ukwd_progress *p = NULL;
	ukwd_diag diag;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	task(plan, "A", 5);
	assert_int_equal(schedule_at(&sched, plan, cal, NULL, NULL), 0);
	b = baseline_of(twice);
	assert_int_equal(ukwd_progress_new(&p, sched, b, &diag), UKWD_EINVAL);
	assert_null(p);
	assert_non_null(strstr(diag.message, "task 'A' twice"));
	ukwd_baseline_free(b);
	b = baseline_of(outside);
	assert_int_equal(ukwd_progress_new(&p, sched, b, &diag), UKWD_ERANGE);
	assert_null(p);
	assert_non_null(strstr(diag.message, "2025-12-01"));
	ukwd_baseline_free(b);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* JSON and CSV with ukwd_render_options.progress. */
static void
test_baseline__rendered(void **state)
{
	ukwd_calendar *cal = january(0);
	struct example x;
	ukwd_schedule *before = NULL, *now = NULL;
	ukwd_baseline *b, *again;
	ukwd_progress *p = NULL, *other = NULL;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	struct text json, out = {NULL, 0}, csv = {NULL, 0};

	(void)state;
	example_build(&x);
	assert_int_equal(schedule_at(&before, x.plan, cal, NULL, NULL), 0);
	json = json_of(before);
	b = baseline_of(json.data);
	assert_int_equal(ukwd_plan_set_remaining(x.plan, x.b, 3, NULL), 0);
	ukwd_schedule_free(before);
	assert_int_equal(schedule_at(&now, x.plan, cal, "2026-01-21", NULL), 0);
	assert_int_equal(ukwd_progress_new(&p, now, b, NULL), 0);
	options.progress = p;
	assert_int_equal(ukwd_render_json(now, &options, text_sink, &out), 0);
	assert_non_null(strstr(out.data, "\"status_date\": \"2026-01-21\""));
	assert_non_null(strstr(out.data,
	                       "\"baseline\": {\"start\": \"2026-01-12\", "
	                       "\"finish\": \"2026-01-23\", \"start_slip\": 0, "
	                       "\"finish_slip\": 1, \"added\": 1}"));
	assert_non_null(strstr(out.data,
	                       "\"progress\": {\"baseline_finish\": "
	                       "\"2026-01-27\", \"finish_variance\": 1, "
	                       "\"moved_finish\": [\"B\"], \"removed\": []}"));
	/* Still a schedule the next status can take as its baseline. */
	again = baseline_of(out.data);
	assert_int_equal(ukwd_baseline_task_count(again), 4);
	ukwd_baseline_free(again);
	assert_int_equal(ukwd_render_csv(now, &options, text_sink, &csv), 0);
	assert_non_null(strstr(csv.data, ",critical,baseline_start,"
	                                 "baseline_finish,start_slip,"
	                                 "finish_slip,moved_finish\n"));
	assert_non_null(strstr(csv.data, ",2026-01-12,2026-01-23,0,1,1\n"));
	assert_non_null(strstr(csv.data, ",2026-01-05,2026-01-08,13,13,0\n"));
	/* The text for a terminal. */
	{
		struct text text = {NULL, 0};

		assert_int_equal(
		    ukwd_render_progress(now, &options, text_sink, &text), 0);
		assert_non_null(strstr(text.data,
		                       "Against the baseline: finish "
		                       "2026-01-28, 1 working day later than "
		                       "the baseline's 2026-01-27.\n"
		                       "Status date: 2026-01-21.\n"
		                       "Moved the finish: B (+1).\n"));
		assert_non_null(strstr(text.data, "1 other task on its "
		                                  "baseline dates.\n"));
		free(text.data);
		options.progress = NULL;
		assert_int_equal(
		    ukwd_render_progress(now, &options, text_sink, &text),
		    UKWD_EINVAL);
		options.progress = p;
	}
	/* A comparison of another schedule is refused. */
	assert_int_equal(schedule_at(&before, x.plan, cal, "2026-01-21", NULL),
	                 0);
	assert_int_equal(ukwd_progress_new(&other, before, b, NULL), 0);
	options.progress = other;
	assert_int_equal(ukwd_render_json(now, &options, text_sink, &out),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_render_csv(now, &options, text_sink, &out),
	                 UKWD_EINVAL);
	ukwd_progress_free(other);
	ukwd_schedule_free(before);
	free(out.data);
	free(csv.data);
	free(json.data);
	ukwd_progress_free(p);
	ukwd_schedule_free(now);
	ukwd_baseline_free(b);
	ukwd_plan_free(x.plan);
	ukwd_calendar_free(cal);
}

/* iCalendar with a baseline: each task's DESCRIPTION ends with its slip,
 * the calendar has the finish variance; without one, the bytes of
 * ukwd_ical_export_schedule(). */
static void
unfold(struct text *t)
{
	size_t to = 0;

	for (size_t i = 0; i < t->len; i++) {
		if (t->data[i] == '\r' && i + 2 < t->len &&
		    t->data[i + 1] == '\n' && t->data[i + 2] == ' ') {
			i += 2;
			continue;
		}
		t->data[to++] = t->data[i];
	}
	t->len = to;
	t->data[to] = '\0';
}

static void
test_baseline__icalendar(void **state)
{
	ukwd_calendar *cal = january(0);
	struct example x;
	ukwd_schedule *before = NULL, *now = NULL;
	ukwd_baseline *b;
	ukwd_progress *p = NULL;
	ukwd_ical_export_options options = UKWD_ICAL_EXPORT_OPTIONS_INIT;
	struct text json, ics = {NULL, 0}, plain = {NULL, 0}, same = {NULL, 0};
	size_t e;

	(void)state;
	if (!ukwd_has_feature(UKWD_FEATURE_ICAL))
		skip();
	example_build(&x);
	assert_int_equal(schedule_at(&before, x.plan, cal, NULL, NULL), 0);
	json = json_of(before);
	ukwd_schedule_free(before);
	b = baseline_of(json.data);
	e = task(x.plan, "E", 2);
	fs(x.plan, x.c, e);
	assert_int_equal(ukwd_plan_set_remaining(x.plan, x.b, 3, NULL), 0);
	assert_int_equal(schedule_at(&now, x.plan, cal, "2026-01-21", NULL), 0);
	assert_int_equal(ukwd_progress_new(&p, now, b, NULL), 0);
	/* No options: the same bytes as the plain export. */
	assert_int_equal(
	    ukwd_ical_export_schedule_with(now, NULL, text_sink, &same), 0);
	assert_int_equal(ukwd_ical_export_schedule(now, 0, text_sink, &plain),
	                 0);
	assert_int_equal(same.len, plain.len);
	assert_memory_equal(same.data, plain.data, plain.len);
	options.progress = p;
	assert_int_equal(
	    ukwd_ical_export_schedule_with(now, &options, text_sink, &ics), 0);
	unfold(&ics);
	assert_non_null(strstr(ics.data,
	                       "Against the baseline: start +0\\, finish +1 "
	                       "working days (baseline 2026-01-12 to "
	                       "2026-01-23)\\; added 1 working day to the "
	                       "finish."));
	assert_non_null(strstr(ics.data, "New since the baseline."));
	assert_non_null(strstr(ics.data,
	                       "DESCRIPTION:Against the baseline: finish "
	                       "2026-01-30\\, +3 working days against the "
	                       "baseline's 2026-01-27. Moved the finish: B "
	                       "(+1)\\, E (+2)."));
	/* The calendar's DESCRIPTION comes before the first event. */
	assert_true(strstr(ics.data, "DESCRIPTION:Against") <
	            strstr(ics.data, "BEGIN:VEVENT"));
	/* Another schedule's comparison, or a bad version: refused. */
	assert_int_equal(schedule_at(&before, x.plan, cal, "2026-01-21", NULL),
	                 0);
	assert_int_equal(
	    ukwd_ical_export_schedule_with(before, &options, text_sink, &same),
	    UKWD_EINVAL);
	options.version = 99;
	assert_int_equal(
	    ukwd_ical_export_schedule_with(now, &options, text_sink, &same),
	    UKWD_EINVAL);
	ukwd_schedule_free(before);
	free(json.data);
	free(ics.data);
	free(plain.data);
	free(same.data);
	ukwd_progress_free(p);
	ukwd_schedule_free(now);
	ukwd_baseline_free(b);
	ukwd_plan_free(x.plan);
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
	    cmocka_unit_test(
	        test_status__a_task_in_progress_says_why_it_finishes_then),
	    cmocka_unit_test(test_status__without_one_nothing_moves),
	    cmocka_unit_test(test_status__version_1_options_have_none),
	    cmocka_unit_test(test_status__refusals),
	    cmocka_unit_test(test_status__csv),
	    cmocka_unit_test(test_status__backward),
	    cmocka_unit_test(test_status__risk_runs_from_it),
	    cmocka_unit_test(test_baseline__round_trip),
	    cmocka_unit_test(test_baseline__slips_and_what_moved_the_finish),
	    cmocka_unit_test(test_baseline__new_and_removed_tasks),
	    cmocka_unit_test(test_baseline__refusals),
	    cmocka_unit_test(test_baseline__compare_refusals),
	    cmocka_unit_test(test_baseline__rendered),
	    cmocka_unit_test(test_baseline__icalendar),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
