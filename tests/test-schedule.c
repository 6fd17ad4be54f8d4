/* Critical-path schedules: what the API does, beyond the dates.
 *
 * The small networks worked by hand, one per link type, lag, constraint,
 * milestone rule and direction, are data: tests/schedule/CASE/ (plan,
 * anchor date and the expected dates, floats, critical marks, spans and
 * critical paths), run by test-schedule-cases.c. This file keeps what
 * needs C: explanations and drivers as data, milestone positions in the
 * index space, cycles, errors and calendar range, a chain of a million
 * tasks, and the property test. The property test schedules random
 * networks over random calendars and compares every date, float and
 * explanation with a slow reference kept by this file: it numbers
 * working days with a day-by-day loop and relaxes every link inequality
 * until nothing changes. */
#include <limits.h>
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

/* ------------------------------------------------------------------ */
/* A small deterministic PRNG (splitmix64). */

static int
rng_percent(struct test_rng *r, int percent)
{
	return test_rng_between(r, 0, 99) < percent;
}

/* ------------------------------------------------------------------ */
/* Dates and calendars */

static ukwd_date
iso(const char *text)
{
	ukwd_date d = 0;

	assert_int_equal(ukwd_date_parse(&d, text, NULL), 0);
	return d;
}

static ukwd_calendar *
calendar_with(const char *first, const char *last, const char *const *days)
{
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *cal = NULL;

	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, iso(first), iso(last)), 0);
	for (; days && *days; days++)
		assert_int_equal(
		    ukwd_calendar_builder_add_holiday(b, iso(*days), *days), 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	return cal;
}

/* England and Wales in 2023, typed in from GOV.UK's list. In May: Monday
 * 1 (Early May), Monday 8 (the Coronation) and Monday 29 (Spring). */
static ukwd_calendar *
england_2023(void)
{
	static const char *const days[] = {
	    "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01",
	    "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
	    "2023-12-26", NULL};

	return calendar_with("2023-01-01", "2023-12-31", days);
}

/* England and Wales in 2017: Summer bank holiday Monday 28 August. */
static ukwd_calendar *
england_2017(void)
{
	static const char *const days[] = {
	    "2017-01-02", "2017-04-14", "2017-04-17",
	    "2017-05-01", "2017-05-29", "2017-08-28",
	    "2017-12-25", "2017-12-26", NULL};

	return calendar_with("2017-01-01", "2017-12-31", days);
}

/* ------------------------------------------------------------------ */
/* Building plans and checking schedules */

static size_t
add(ukwd_plan *plan, const char *id, const char *name, int32_t duration)
{
	size_t index = 0;
	ukwd_diag diag;
	int rc = ukwd_plan_add_task(&index, plan, id, name, duration, &diag);

	if (rc)
		fail_msg("add_task %s: %s", id, diag.message);
	return index;
}

static void
link(ukwd_plan *plan, size_t predecessor, size_t successor, ukwd_link_type type,
     int32_t lag)
{
	ukwd_diag diag;

	if (ukwd_plan_add_link(NULL, plan, predecessor, successor, type, lag,
	                       NULL, &diag))
		fail_msg("add_link: %s", diag.message);
}

static void
constrain(ukwd_plan *plan, size_t task, ukwd_constraint_type type,
          const char *date)
{
	ukwd_diag diag;

	if (ukwd_plan_set_constraint(plan, task, type, iso(date), &diag))
		fail_msg("set_constraint: %s", diag.message);
}

static ukwd_schedule *
schedule(const ukwd_plan *plan, const ukwd_calendar *cal, const char *date,
         ukwd_schedule_direction direction)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_schedule *sched = NULL;
	ukwd_diag diag;

	options.direction = direction;
	if (ukwd_schedule_new(&sched, plan, cal, iso(date), &options, &diag))
		fail_msg("schedule_new: %s", diag.message);
	return sched;
}

static ukwd_schedule *
forward(const ukwd_plan *plan, const ukwd_calendar *cal, const char *start)
{
	return schedule(plan, cal, start, UKWD_SCHEDULE_FORWARD);
}

static ukwd_schedule *
backward(const ukwd_plan *plan, const ukwd_calendar *cal, const char *finish)
{
	return schedule(plan, cal, finish, UKWD_SCHEDULE_BACKWARD);
}

static ukwd_schedule *
forward_at(const ukwd_plan *plan, const ukwd_calendar *cal, ukwd_date start)
{
	ukwd_schedule *sched = NULL;
	ukwd_diag diag;

	if (ukwd_schedule_new(&sched, plan, cal, start, NULL, &diag))
		fail_msg("schedule_new: %s", diag.message);
	return sched;
}

static const char *
show(ukwd_date d, char buf[UKWD_DATE_STRLEN])
{
	if (ukwd_date_format(buf, UKWD_DATE_STRLEN, d))
		snprintf(buf, UKWD_DATE_STRLEN, "(bad)");
	return buf;
}

#define EXPECT_EXPLAIN(sched, task, side, text)                                \
	expect_explain(sched, task, side, text, __LINE__)

static void
expect_explain(const ukwd_schedule *sched, size_t task, ukwd_schedule_side side,
               const char *text, int line)
{
	char buf[256];
	size_t len = 0;

	assert_int_equal(
	    ukwd_schedule_explain(buf, sizeof(buf), &len, sched, task, side),
	    0);
	assert_int_equal(len, strlen(buf));
	if (strcmp(buf, text) != 0)
		fail_msg("line %d: explanation\n   got \"%s\"\n  want \"%s\"",
		         line, buf, text);
}

static void
expect_span(const ukwd_schedule *sched, const char *start, const char *finish,
            int32_t days)
{
	ukwd_date first, last;
	int32_t n;
	char b1[UKWD_DATE_STRLEN], b2[UKWD_DATE_STRLEN];

	assert_int_equal(ukwd_schedule_span(&first, &last, &n, sched), 0);
	assert_string_equal(show(first, b1), start);
	assert_string_equal(show(last, b2), finish);
	assert_int_equal(n, days);
}

/* ------------------------------------------------------------------ */
/* Explanations and drivers */

/* The sentence of the issue, over England and Wales 2017. */
static void
test_explain__sixty_working_days_after_the_uept_notice(void **state)
{
	ukwd_calendar *cal = england_2017();
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched;
	ukwd_driver driver;
	size_t notice, testing;
	char small[16];
	size_t len = 0;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	notice = add(plan, "notice", "UEPT notice", 1);
	testing = add(plan, "testing", "UEPT testing", 20);
	constrain(plan, notice, UKWD_CONSTRAINT_MUST_START_ON, "2017-06-08");
	link(plan, notice, testing, UKWD_LINK_FS, 60);
	/* Clear working days after Thu 8 June: 16 in June (9, 12-16, 19-23,
	 * 26-30), 21 in July, 22 in August (Mon 28 is a bank holiday) and
	 * Fri 1 September: 60. Testing starts Mon 4 September. */
	sched = forward(plan, cal, "2017-06-01");
	EXPECT_EXPLAIN(sched, testing, UKWD_SCHEDULE_EARLY,
	               "starts 2017-09-04: 60 working days after 'UEPT "
	               "notice' finishes (FS+60)");
	EXPECT_EXPLAIN(sched, notice, UKWD_SCHEDULE_EARLY,
	               "starts 2017-06-08: must start on 2017-06-08");
	assert_int_equal(
	    ukwd_schedule_driver(&driver, sched, testing, UKWD_SCHEDULE_EARLY),
	    0);
	assert_int_equal(driver.kind, UKWD_DRIVER_LINK);
	assert_int_equal(driver.task, notice);
	assert_int_equal(driver.link, 0);
	assert_int_equal(driver.type, UKWD_LINK_FS);
	assert_int_equal(driver.lag, 60);
	assert_int_equal(driver.bounds_finish, 0);
	assert_int_equal(driver.bound_date, iso("2017-09-04"));
	assert_int_equal(
	    ukwd_schedule_driver(&driver, sched, notice, UKWD_SCHEDULE_LATE),
	    0);
	assert_int_equal(driver.kind, UKWD_DRIVER_CONSTRAINT);
	assert_int_equal(driver.constraint, UKWD_CONSTRAINT_MUST_START_ON);
	assert_int_equal(driver.task, (size_t)-1);
	assert_int_equal(driver.date, iso("2017-06-08"));
	/* Too small a buffer: UKWD_EBUFS, an empty string and the length
	 * needed. */
	assert_int_equal(ukwd_schedule_explain(small, sizeof(small), &len,
	                                       sched, testing,
	                                       UKWD_SCHEDULE_EARLY),
	                 UKWD_EBUFS);
	assert_string_equal(small, "");
	assert_int_equal(len, strlen("starts 2017-09-04: 60 working days "
	                             "after 'UEPT notice' finishes (FS+60)"));
	assert_int_equal(ukwd_schedule_explain(NULL, 0, &len, sched, testing,
	                                       UKWD_SCHEDULE_EARLY),
	                 UKWD_EBUFS);
	assert_int_equal(ukwd_schedule_explain(small, sizeof(small), NULL,
	                                       sched, 99, UKWD_SCHEDULE_EARLY),
	                 UKWD_ENOTFOUND);
	assert_int_equal(ukwd_schedule_explain(small, sizeof(small), NULL,
	                                       sched, testing,
	                                       (ukwd_schedule_side)7),
	                 UKWD_EINVAL);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* The network of tests/schedule/milestone-after-a-task-prints-on-its-
 * last-day (which has its dates, milestone days and sentences), read in
 * the index space and through ukwd_schedule_driver(). */
static void
test_milestone__after_a_task_sits_at_its_successors_start_position(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched;
	ukwd_scheduled_task row;
	ukwd_driver driver;
	size_t a, m, b, done;
	int32_t position;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	a = add(plan, "a", "Survey", 3);
	m = add(plan, "m", "Survey done", 0);
	b = add(plan, "b", "Report", 2);
	done = add(plan, "done", "Report sent", 0);
	link(plan, a, m, UKWD_LINK_FS, 0);
	link(plan, m, b, UKWD_LINK_FS, 0);
	link(plan, b, done, UKWD_LINK_FS, 0);
	/* a: Wed 3 - Fri 5 May. The milestone sits between Friday and the
	 * next working day, Tue 9 (Mon 8 is the Coronation), and prints at
	 * the end of Friday, early and late; b starts Tue 9, Tue 9 - Wed 10;
	 * the closing milestone prints at the end of Wed 10, the project's
	 * last day. */
	sched = forward(plan, cal, "2023-05-03");
	/* The positions are the index space's: m's is b's start. */
	assert_int_equal(ukwd_schedule_task(&row, sched, b), 0);
	position = row.early_start_index;
	assert_int_equal(ukwd_schedule_task(&row, sched, m), 0);
	assert_int_equal(row.early_start_index, position);
	assert_int_equal(row.early_end_index, position);
	assert_int_equal(row.late_start_index, position);
	assert_int_equal(
	    ukwd_schedule_driver(&driver, sched, m, UKWD_SCHEDULE_EARLY), 0);
	assert_int_equal(driver.kind, UKWD_DRIVER_LINK);
	assert_int_equal(driver.task, a);
	assert_int_equal(driver.bound_date, iso("2023-05-05"));
	assert_int_equal(
	    ukwd_schedule_driver(&driver, sched, m, UKWD_SCHEDULE_LATE), 0);
	assert_int_equal(driver.task, b);
	assert_int_equal(driver.bound_date, iso("2023-05-05"));
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* The sentences of the issue, over England and Wales 2017. */
static void
test_explain__a_milestone_says_which_end_of_its_day(void **state)
{
	ukwd_calendar *cal = england_2017();
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched;
	size_t kickoff, alloc, ids, dcc, user;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	kickoff = add(plan, "kickoff", "Kick-off", 0);
	alloc = add(plan, "alloc", "User ID allocation", 4);
	ids = add(plan, "ids", "User IDs allocated", 0);
	dcc = add(plan, "dcc", "DCC testing", 20);
	user = add(plan, "user", "DCC User", 0);
	link(plan, kickoff, alloc, UKWD_LINK_FS, 0);
	link(plan, alloc, ids, UKWD_LINK_FS, 0);
	link(plan, ids, dcc, UKWD_LINK_FS, 0);
	link(plan, dcc, user, UKWD_LINK_FS, 0);
	/* Forward from Thu 1 June: allocation Thu 1, Fri 2, Mon 5, Tue 6;
	 * testing from Wed 7 for 20 working days, to Tue 4 July. */
	sched = forward(plan, cal, "2017-06-01");
	EXPECT_EXPLAIN(sched, kickoff, UKWD_SCHEDULE_EARLY,
	               "falls on 2017-06-01 (start of day): the project start");
	EXPECT_EXPLAIN(sched, ids, UKWD_SCHEDULE_EARLY,
	               "falls on 2017-06-06 (end of day): after 'User ID "
	               "allocation' finishes (FS)");
	EXPECT_EXPLAIN(sched, user, UKWD_SCHEDULE_LATE,
	               "falls by 2017-07-04 (end of day): the project finish, "
	               "the latest early finish");
	/* Non-milestones read as before. */
	EXPECT_EXPLAIN(sched, dcc, UKWD_SCHEDULE_EARLY,
	               "starts 2017-06-07: after 'User IDs allocated' "
	               "finishes (FS)");
	ukwd_schedule_free(sched);
	/* Backward to Saturday 25 November: testing Mon 30 October - Fri 24
	 * November, allocation Tue 24 - Fri 27 October. */
	sched = backward(plan, cal, "2017-11-25");
	EXPECT_EXPLAIN(sched, user, UKWD_SCHEDULE_LATE,
	               "falls by 2017-11-24 (end of day): the project finish");
	EXPECT_EXPLAIN(sched, ids, UKWD_SCHEDULE_LATE,
	               "falls by 2017-10-27 (end of day): before 'DCC "
	               "testing' must start (FS)");
	EXPECT_EXPLAIN(sched, kickoff, UKWD_SCHEDULE_EARLY,
	               "falls on 2017-10-24 (start of day): the project start, "
	               "the earliest late start");
	EXPECT_EXPLAIN(sched, dcc, UKWD_SCHEDULE_LATE,
	               "finishes by 2017-11-24: before 'DCC User' must start "
	               "(FS)");
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* Cycles */

/* Expected "cycle: ..." for a cycle through ids `order` (already in the
 * order the library must give: dependency order from the lowest index). */
static void
cycle_message(char *buf, size_t size, const char *const *ids, size_t n)
{
	size_t used = (size_t)snprintf(buf, size, "cycle: ");

	for (size_t i = 0; i <= n; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
		                         i ? " -> " : "", ids[i % n]);
}

static void
test_cycle__of_length_one_is_refused_when_added(void **state)
{
	ukwd_plan *plan = NULL;
	ukwd_diag diag;
	size_t a;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	a = add(plan, "a", NULL, 1);
	assert_int_equal(
	    ukwd_plan_add_link(NULL, plan, a, a, UKWD_LINK_SS, 0, NULL, &diag),
	    UKWD_ECYCLE);
	assert_int_equal(diag.code, UKWD_ECYCLE);
	assert_string_equal(diag.message, "cycle: a -> a (a task cannot "
	                                  "depend on itself)");
	assert_int_equal(ukwd_plan_link_count(plan), 0);
	ukwd_plan_free(plan);
}

static void
test_cycle__of_every_length_is_reported_with_its_ids_in_order(void **state)
{
	ukwd_calendar *cal = england_2023();
	struct test_rng r = {20230508};

	(void)state;
	for (size_t len = 2; len <= 12; len++) {
		for (int round = 0; round < 20; round++) {
			ukwd_plan *plan = NULL;
			ukwd_schedule *sched = NULL;
			ukwd_diag diag;
			size_t n = len + (size_t)test_rng_between(&r, 0, 20);
			size_t members[12], order[12], found[12], found_len = 0;
			const char *ids[12];
			char names[40][8], want[UKWD_DIAG_MESSAGE_SIZE];
			unsigned char in_cycle[40] = {0};
			size_t lowest = 0;

			assert_int_equal(ukwd_plan_new(&plan), 0);
			for (size_t t = 0; t < n; t++) {
				snprintf(names[t], sizeof(names[t]), "t%zu", t);
				add(plan, names[t], NULL,
				    (int32_t)test_rng_between(&r, 0, 3));
			}
			/* Distinct members, in cycle order. */
			for (size_t k = 0; k < len; k++) {
				size_t t;

				do
					t = (size_t)test_rng_between(
					    &r, 0, (int64_t)n - 1);
				while (in_cycle[t]);
				in_cycle[t] = 1;
				members[k] = t;
			}
			for (size_t k = 0; k < len; k++)
				link(plan, members[k], members[(k + 1) % len],
				     (ukwd_link_type)test_rng_between(&r, 0, 3),
				     (int32_t)test_rng_between(&r, -2, 2));
			/* Links among the other tasks, lower to higher index,
			 * and from cycle members to later non-members: none
			 * can close another cycle. */
			for (size_t a = 0; a < n; a++)
				for (size_t b = a + 1; b < n; b++)
					if (!in_cycle[b] && rng_percent(&r, 20))
						link(plan, a, b, UKWD_LINK_FS,
						     0);
			for (size_t k = 1; k < len; k++)
				if (members[k] < members[lowest])
					lowest = k;
			for (size_t k = 0; k < len; k++) {
				order[k] = members[(lowest + k) % len];
				ids[k] = names[order[k]];
			}
			cycle_message(want, sizeof(want), ids, len);
			assert_int_equal(ukwd_schedule_new(&sched, plan, cal,
			                                   iso("2023-05-02"),
			                                   NULL, &diag),
			                 UKWD_ECYCLE);
			assert_null(sched);
			assert_string_equal(diag.message, want);
			assert_int_equal(ukwd_plan_find_cycle(found, 12,
			                                      &found_len, plan,
			                                      &diag),
			                 UKWD_ECYCLE);
			assert_int_equal(found_len, len);
			for (size_t k = 0; k < len; k++)
				assert_int_equal(found[k], order[k]);
			ukwd_plan_free(plan);
		}
	}
	ukwd_calendar_free(cal);
}

static void
test_cycle__a_long_one_is_shortened_in_the_message(void **state)
{
	ukwd_plan *plan = NULL;
	ukwd_diag diag;
	size_t len = 0, first[3];
	const size_t n = 1000;
	char id[16];

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	for (size_t t = 0; t < n; t++) {
		snprintf(id, sizeof(id), "step-%zu", t);
		add(plan, id, NULL, 1);
	}
	for (size_t t = 0; t < n; t++)
		link(plan, t, (t + 1) % n, UKWD_LINK_FS, 0);
	assert_int_equal(ukwd_plan_find_cycle(first, 3, &len, plan, &diag),
	                 UKWD_ECYCLE);
	assert_int_equal(len, n);
	assert_int_equal(first[0], 0);
	assert_int_equal(first[1], 1);
	assert_int_equal(first[2], 2);
	assert_true(strncmp(diag.message, "cycle: step-0 -> step-1 -> ", 27) ==
	            0);
	assert_non_null(strstr(diag.message, " -> ... -> step-0"));
	assert_true(strlen(diag.message) < UKWD_DIAG_MESSAGE_SIZE);
	/* No cycle: 0, and length 0. */
	ukwd_plan_free(plan);
	assert_int_equal(ukwd_plan_new(&plan), 0);
	add(plan, "a", NULL, 1);
	assert_int_equal(ukwd_plan_find_cycle(NULL, 0, &len, plan, &diag), 0);
	assert_int_equal(len, 0);
	ukwd_plan_free(plan);
}

/* ------------------------------------------------------------------ */
/* Errors and edges */

static void
test_range__a_schedule_leaving_the_calendar_is_erange_naming_the_task(
    void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched = NULL;
	ukwd_diag diag;
	size_t a, b;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	a = add(plan, "prep", NULL, 100);
	b = add(plan, "long", NULL, 200);
	link(plan, a, b, UKWD_LINK_FS, 0);
	/* 300 working days from May run past the end of 2023. */
	assert_int_equal(ukwd_schedule_new(&sched, plan, cal, iso("2023-05-02"),
	                                   NULL, &diag),
	                 UKWD_ERANGE);
	assert_null(sched);
	assert_string_equal(diag.message,
	                    "task 'long': its early finish would be after "
	                    "2023-12-29, the calendar's last working day");
	/* Backward from February: before the first working day, Tue 3
	 * January (Mon 2 is the New Year substitute). */
	{
		ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;

		options.direction = UKWD_SCHEDULE_BACKWARD;
		assert_int_equal(ukwd_schedule_new(&sched, plan, cal,
		                                   iso("2023-02-01"), &options,
		                                   &diag),
		                 UKWD_ERANGE);
		assert_string_equal(diag.message,
		                    "task 'long': its late start would be "
		                    "before 2023-01-03, the calendar's first "
		                    "working day");
	}
	/* A start outside the calendar, and a constraint outside it. */
	assert_int_equal(ukwd_schedule_new(&sched, plan, cal, iso("2022-12-30"),
	                                   NULL, &diag),
	                 UKWD_ERANGE);
	assert_string_equal(diag.message,
	                    "the project start 2022-12-30 is outside the "
	                    "calendar (2023-01-01 to 2023-12-31)");
	ukwd_plan_free(plan);
	assert_int_equal(ukwd_plan_new(&plan), 0);
	a = add(plan, "a", NULL, 1);
	constrain(plan, a, UKWD_CONSTRAINT_FINISH_NO_LATER_THAN, "2024-01-05");
	assert_int_equal(ukwd_schedule_new(&sched, plan, cal, iso("2023-05-02"),
	                                   NULL, &diag),
	                 UKWD_ERANGE);
	assert_string_equal(diag.message,
	                    "task 'a': finish no later than 2024-01-05 is "
	                    "outside the calendar (2023-01-01 to 2023-12-31)");
	/* Starting on the last day, with no working day after it. */
	assert_int_equal(ukwd_schedule_new(&sched, plan, cal, iso("2023-12-30"),
	                                   NULL, &diag),
	                 UKWD_ERANGE);
	assert_string_equal(diag.message,
	                    "the calendar has no working day on or after the "
	                    "project start 2023-12-30");
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

static void
test_errors__null_arguments_bad_options_and_a_changed_plan(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched = NULL;
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_scheduled_task row;
	ukwd_driver driver;
	const size_t *tasks;
	size_t count;
	ukwd_date d;
	ukwd_diag diag;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	add(plan, "a", NULL, 1);
	assert_int_equal(
	    ukwd_schedule_new(NULL, plan, cal, iso("2023-05-02"), NULL, &diag),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_schedule_new(&sched, NULL, cal, iso("2023-05-02"), NULL, NULL),
	    UKWD_EINVAL);
	assert_int_equal(ukwd_schedule_new(&sched, plan, NULL,
	                                   iso("2023-05-02"), NULL, NULL),
	                 UKWD_EINVAL);
	options.version = 99;
	assert_int_equal(ukwd_schedule_new(&sched, plan, cal, iso("2023-05-02"),
	                                   &options, &diag),
	                 UKWD_EINVAL);
	options.version = 0;
	assert_int_equal(ukwd_schedule_new(&sched, plan, cal, iso("2023-05-02"),
	                                   &options, &diag),
	                 UKWD_EINVAL);
	/* _init() fills the defaults of the version asked for. */
	options.direction = UKWD_SCHEDULE_BACKWARD;
	assert_int_equal(ukwd_schedule_options_init(&options, 0), UKWD_EINVAL);
	assert_int_equal(ukwd_schedule_options_init(&options, 99), UKWD_EINVAL);
	assert_int_equal(ukwd_schedule_options_init(NULL, 1), UKWD_EINVAL);
	assert_int_equal(options.direction, UKWD_SCHEDULE_BACKWARD);
	assert_int_equal(
	    ukwd_schedule_options_init(&options, UKWD_SCHEDULE_OPTIONS_VERSION),
	    0);
	assert_int_equal(options.version, UKWD_SCHEDULE_OPTIONS_VERSION);
	assert_int_equal(options.direction, UKWD_SCHEDULE_FORWARD);
	options.direction = (ukwd_schedule_direction)2;
	assert_int_equal(ukwd_schedule_new(&sched, plan, cal, iso("2023-05-02"),
	                                   &options, &diag),
	                 UKWD_EINVAL);
	assert_null(sched);
	sched = forward(plan, cal, "2023-05-02");
	assert_int_equal(ukwd_schedule_task_count(sched), 1);
	assert_ptr_equal(ukwd_schedule_plan(sched), plan);
	assert_ptr_equal(ukwd_schedule_calendar(sched), cal);
	assert_int_equal(ukwd_schedule_task(&row, sched, 1), UKWD_ENOTFOUND);
	assert_int_equal(ukwd_schedule_task(NULL, sched, 0), UKWD_EINVAL);
	assert_int_equal(
	    ukwd_schedule_driver(&driver, sched, 0, (ukwd_schedule_side)3),
	    UKWD_EINVAL);
	assert_int_equal(ukwd_schedule_task_count(NULL), 0);
	assert_int_equal(ukwd_schedule_critical_path_count(NULL), 0);
	assert_null(ukwd_schedule_plan(NULL));
	assert_null(ukwd_schedule_calendar(NULL));
	assert_int_equal(ukwd_schedule_span(NULL, NULL, NULL, NULL),
	                 UKWD_EINVAL);
	/* The plan changes under the schedule: every checked call says so. */
	add(plan, "b", NULL, 1);
	assert_int_equal(ukwd_schedule_task(&row, sched, 0), UKWD_EINVAL);
	assert_int_equal(ukwd_schedule_span(&d, NULL, NULL, sched),
	                 UKWD_EINVAL);
	assert_int_equal(
	    ukwd_schedule_driver(&driver, sched, 0, UKWD_SCHEDULE_EARLY),
	    UKWD_EINVAL);
	assert_int_equal(ukwd_schedule_negative_float(&tasks, &count, sched),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_schedule_critical_path(&tasks, &count, sched, 0),
	                 UKWD_EINVAL);
	ukwd_schedule_free(sched);
	ukwd_schedule_free(NULL);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

static void
test_edge__an_empty_plan_starts_and_finishes_on_the_project_date(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched;
	const size_t *tasks;
	size_t count;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	sched = forward(plan, cal, "2023-05-06");
	expect_span(sched, "2023-05-09", "2023-05-09", 0);
	assert_int_equal(ukwd_schedule_critical_path_count(sched), 0);
	assert_int_equal(ukwd_schedule_negative_float(&tasks, &count, sched),
	                 0);
	assert_int_equal(count, 0);
	ukwd_schedule_free(sched);
	sched = backward(plan, cal, "2023-05-07");
	expect_span(sched, "2023-05-05", "2023-05-05", 0);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* A chain of a million tasks: nothing recursive, nothing quadratic. */
static void
test_chain__a_million_tasks_schedule_without_overflowing_the_stack(void **state)
{
	const size_t n = 1000000;
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *cal = NULL;
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched;
	ukwd_scheduled_task row;
	const size_t *path;
	size_t count;
	char id[16];

	(void)state;
	/* Monday to Friday from 0001 to 9999: 2,608,000-odd working days. */
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN, UKWD_DATE_MAX),
	    0);
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	assert_int_equal(ukwd_plan_new(&plan), 0);
	for (size_t t = 0; t < n; t++) {
		snprintf(id, sizeof(id), "t%zu", t);
		assert_int_equal(
		    ukwd_plan_add_task(NULL, plan, id, NULL, 1, NULL), 0);
		if (t)
			assert_int_equal(ukwd_plan_add_link(NULL, plan, t - 1,
			                                    t, UKWD_LINK_FS, 0,
			                                    NULL, NULL),
			                 0);
	}
	/* Monday 2001-01-01; one working day each: the last task is the
	 * 1,000,000th working day from it, 200,000 weeks on, a Friday. */
	sched = forward(plan, cal, "2001-01-01");
	assert_int_equal(ukwd_schedule_task(&row, sched, n - 1), 0);
	assert_int_equal(row.early_start, ymd(2001, 1, 1) + 7 * 200000 - 3);
	assert_int_equal(row.total_float, 0);
	assert_int_equal(ukwd_schedule_critical_path_count(sched), 1);
	assert_int_equal(ukwd_schedule_critical_path(&path, &count, sched, 0),
	                 0);
	assert_int_equal(count, n);
	assert_int_equal(path[n - 1], n - 1);
	ukwd_schedule_free(sched);
	/* Backward to that last day: the first task starts on 2001-01-01. */
	{
		char last[UKWD_DATE_STRLEN];

		show(ymd(2001, 1, 1) + 7 * 200000 - 3, last);
		sched = backward(plan, cal, last);
	}
	assert_int_equal(ukwd_schedule_task(&row, sched, 0), 0);
	assert_int_equal(row.late_start, ymd(2001, 1, 1));
	assert_int_equal(row.early_start, ymd(2001, 1, 1));
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* The property test: random networks against a slow reference. */

#define MAX_TASKS 28
#define MAX_LINKS 160

struct ref_link {
	size_t p, x;
	ukwd_link_type type;
	int32_t lag;
};

struct ref_task {
	int32_t duration;
	int has[UKWD_CONSTRAINT_TYPE_COUNT];
	ukwd_date date[UKWD_CONSTRAINT_TYPE_COUNT];
	/* computed */
	int64_t span, fixed_s, fixed_e;
	int fixed;
	int64_t es, ee, ls, le, tf, ff;
	/* a milestone driven by a finish, early and late */
	int ek, lk;
};

struct ref {
	/* calendar, day by day */
	ukwd_date first, last;
	int32_t ndays, total;
	unsigned char *working;
	int32_t *before;   /* before[i]: working days in [first, first + i) */
	ukwd_date *number; /* number[k]: the date of working day k */
	/* plan */
	size_t n, m;
	struct ref_task t[MAX_TASKS];
	struct ref_link l[MAX_LINKS];
	int has_deadline;
	ukwd_date deadline;
};

static int32_t
ref_on_or_after(const struct ref *r, ukwd_date d)
{
	return r->before[d - r->first];
}

static int32_t
ref_on_or_before(const struct ref *r, ukwd_date d)
{
	return r->before[d - r->first + 1] - 1;
}

static int
ref_has(const struct ref_task *t, ukwd_constraint_type type)
{
	return t->has[type];
}

static void
ref_fix(const struct ref *r, struct ref_task *t)
{
	int64_t d = t->duration;

	t->fixed = 1;
	t->span = d;
	if (ref_has(t, UKWD_CONSTRAINT_ACTUAL_START)) {
		t->fixed_s =
		    ref_on_or_after(r, t->date[UKWD_CONSTRAINT_ACTUAL_START]);
		t->fixed_e = t->fixed_s + d;
		if (d > 0 && ref_has(t, UKWD_CONSTRAINT_ACTUAL_FINISH)) {
			int64_t e =
			    ref_on_or_before(
			        r, t->date[UKWD_CONSTRAINT_ACTUAL_FINISH]) +
			    1;

			t->fixed_e = e > t->fixed_s ? e : t->fixed_s;
		}
	} else if (ref_has(t, UKWD_CONSTRAINT_ACTUAL_FINISH) ||
	           ref_has(t, UKWD_CONSTRAINT_MUST_FINISH_ON)) {
		ukwd_date date = ref_has(t, UKWD_CONSTRAINT_ACTUAL_FINISH)
		                     ? t->date[UKWD_CONSTRAINT_ACTUAL_FINISH]
		                     : t->date[UKWD_CONSTRAINT_MUST_FINISH_ON];

		t->fixed_e = ref_on_or_before(r, date) + 1;
		t->fixed_s = t->fixed_e - d;
	} else if (ref_has(t, UKWD_CONSTRAINT_MUST_START_ON)) {
		t->fixed_s =
		    ref_on_or_after(r, t->date[UKWD_CONSTRAINT_MUST_START_ON]);
		t->fixed_e = t->fixed_s + d;
	} else {
		t->fixed = 0;
	}
	if (t->fixed)
		t->span = t->fixed_e - t->fixed_s;
}

/* Relax every link until no early start moves. */
static void
ref_forward(struct ref *r, int64_t start)
{
	int changed = 1;

	for (size_t i = 0; i < r->n; i++) {
		struct ref_task *t = &r->t[i];

		t->es = t->fixed ? t->fixed_s : start;
		if (!t->fixed &&
		    ref_has(t, UKWD_CONSTRAINT_START_NO_EARLIER_THAN)) {
			int64_t v = ref_on_or_after(
			    r, t->date[UKWD_CONSTRAINT_START_NO_EARLIER_THAN]);

			if (v > t->es)
				t->es = v;
		}
	}
	while (changed) {
		changed = 0;
		for (size_t k = 0; k < r->m; k++) {
			const struct ref_link *l = &r->l[k];
			const struct ref_task *p = &r->t[l->p];
			struct ref_task *x = &r->t[l->x];
			int64_t v;

			if (x->fixed)
				continue;
			switch (l->type) {
			case UKWD_LINK_FS:
				v = p->es + p->span + l->lag;
				break;
			case UKWD_LINK_SS:
				v = p->es + l->lag;
				break;
			case UKWD_LINK_FF:
				v = p->es + p->span + l->lag - x->span;
				break;
			default:
				v = p->es + l->lag - x->span;
				break;
			}
			if (v > x->es) {
				x->es = v;
				changed = 1;
			}
		}
	}
	for (size_t i = 0; i < r->n; i++)
		r->t[i].ee = r->t[i].es + r->t[i].span;
}

/* Relax every link until no late finish moves. finish: the index of the
 * project's last day. */
static void
ref_backward(struct ref *r, int64_t finish)
{
	int changed = 1;

	for (size_t i = 0; i < r->n; i++) {
		struct ref_task *t = &r->t[i];
		/* A finish-type date D: e <= D + 1 for every task. */
		int shift = 1;

		if (t->fixed) {
			t->le = t->fixed_e;
			continue;
		}
		t->le = finish + shift;
		if (r->has_deadline &&
		    ref_on_or_before(r, r->deadline) + shift < t->le)
			t->le = ref_on_or_before(r, r->deadline) + shift;
		for (int k = 0; k < 2; k++) {
			ukwd_constraint_type type =
			    k ? UKWD_CONSTRAINT_DEADLINE
			      : UKWD_CONSTRAINT_FINISH_NO_LATER_THAN;
			int64_t v;

			if (!ref_has(t, type))
				continue;
			v = ref_on_or_before(r, t->date[type]) + shift;
			if (v < t->le)
				t->le = v;
		}
	}
	while (changed) {
		changed = 0;
		for (size_t k = 0; k < r->m; k++) {
			const struct ref_link *l = &r->l[k];
			struct ref_task *p = &r->t[l->p];
			const struct ref_task *x = &r->t[l->x];
			int64_t v;

			if (p->fixed)
				continue;
			switch (l->type) {
			case UKWD_LINK_FS:
				v = x->le - x->span - l->lag;
				break;
			case UKWD_LINK_SS:
				v = x->le - x->span - l->lag + p->span;
				break;
			case UKWD_LINK_FF:
				v = x->le - l->lag;
				break;
			default:
				v = x->le - l->lag + p->span;
				break;
			}
			if (v < p->le) {
				p->le = v;
				changed = 1;
			}
		}
	}
	for (size_t i = 0; i < r->n; i++)
		r->t[i].ls = r->t[i].le - r->t[i].span;
}

/* The days a task prints on: a milestone driven by a finish (at_finish)
 * on the day before its position. */
static int64_t
ref_first(int64_t s, int64_t e, int at_finish)
{
	return e == s && at_finish ? s - 1 : s;
}

static int64_t
ref_last(int64_t s, int64_t e, int at_finish)
{
	return e > s ? e - 1 : at_finish ? s - 1 : s;
}

static int
ref_in_range(const struct ref *r, int64_t s, int64_t e, int at_finish)
{
	return ref_first(s, e, at_finish) >= 0 &&
	       ref_last(s, e, at_finish) < r->total;
}

/* The constraint that fixes a task, early or late, as ref_fix() reads
 * them. */
static ukwd_constraint_type
ref_fixing(const struct ref_task *t, int late)
{
	if (ref_has(t, UKWD_CONSTRAINT_ACTUAL_START))
		return late && t->duration > 0 &&
		               ref_has(t, UKWD_CONSTRAINT_ACTUAL_FINISH)
		           ? UKWD_CONSTRAINT_ACTUAL_FINISH
		           : UKWD_CONSTRAINT_ACTUAL_START;
	if (ref_has(t, UKWD_CONSTRAINT_ACTUAL_FINISH))
		return UKWD_CONSTRAINT_ACTUAL_FINISH;
	if (ref_has(t, UKWD_CONSTRAINT_MUST_FINISH_ON))
		return UKWD_CONSTRAINT_MUST_FINISH_ON;
	return UKWD_CONSTRAINT_MUST_START_ON;
}

static int
ref_constraint_at_finish(ukwd_constraint_type type)
{
	return type == UKWD_CONSTRAINT_FINISH_NO_LATER_THAN ||
	       type == UKWD_CONSTRAINT_MUST_FINISH_ON ||
	       type == UKWD_CONSTRAINT_DEADLINE ||
	       type == UKWD_CONSTRAINT_ACTUAL_FINISH;
}

/* A milestone late at the calendar's first working day is at its start:
 * no working day comes before it. */
static void
ref_first_day_starts(struct ref *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->t[i].span == 0 && r->t[i].ls == 0)
			r->t[i].lk = 0;
}

/* Does a link put a milestone at a finish: one from (early) or to (late)
 * another milestone as that one is, else FS and FF. */
static int
ref_link_at_finish(const struct ref *r, const struct ref_link *l, int late)
{
	const struct ref_task *o = &r->t[late ? l->x : l->p];

	if (o->span == 0)
		return late ? o->lk : o->ek;
	return l->type == UKWD_LINK_FS || l->type == UKWD_LINK_FF;
}

/* The bound a link puts on its successor's start (early) or on its
 * predecessor's end (late). */
static int64_t
ref_link_bound(const struct ref *r, const struct ref_link *l, int late)
{
	const struct ref_task *p = &r->t[l->p], *x = &r->t[l->x];

	if (!late)
		return (l->type == UKWD_LINK_FS || l->type == UKWD_LINK_FF
		            ? p->ee
		            : p->es) +
		       l->lag -
		       (l->type == UKWD_LINK_FF || l->type == UKWD_LINK_SF
		            ? x->span
		            : 0);
	return (l->type == UKWD_LINK_FS || l->type == UKWD_LINK_SS ? x->ls
	                                                           : x->le) -
	       l->lag +
	       (l->type == UKWD_LINK_SS || l->type == UKWD_LINK_SF ? p->span
	                                                           : 0);
}

/* Early kinds: a free milestone is at a start when any of its bounds
 * that reaches its position is a start (the start of a day comes after
 * the end of the day before), else at a finish; a fixed one as its
 * constraint. Late kinds: at a finish when any bound reaching its
 * position is a finish. Repeated until nothing changes. */
static void
ref_kinds(struct ref *r, int late, int64_t bound)
{
	for (size_t round = 0; round <= r->n; round++) {
		for (size_t i = 0; i < r->n; i++) {
			struct ref_task *t = &r->t[i];
			int64_t at = late ? t->le : t->es;
			int start = 0, finish = 0,
			    *kind = late ? &t->lk : &t->ek;

			if (t->span > 0) {
				*kind = 0;
				continue;
			}
			if (t->fixed) {
				*kind = ref_constraint_at_finish(
				    ref_fixing(t, late));
				continue;
			}
			if (!late) {
				start |= bound == at;
				start |=
				    ref_has(
				        t,
				        UKWD_CONSTRAINT_START_NO_EARLIER_THAN) &&
				    ref_on_or_after(
				        r,
				        t->date
				            [UKWD_CONSTRAINT_START_NO_EARLIER_THAN]) ==
				        at;
			} else {
				finish |= bound + 1 == at;
				finish |=
				    r->has_deadline &&
				    ref_on_or_before(r, r->deadline) + 1 == at;
				for (int k = 0; k < 2; k++) {
					ukwd_constraint_type type =
					    k ? UKWD_CONSTRAINT_DEADLINE
					      : UKWD_CONSTRAINT_FINISH_NO_LATER_THAN;

					finish |=
					    ref_has(t, type) &&
					    ref_on_or_before(r, t->date[type]) +
					            1 ==
					        at;
				}
			}
			for (size_t k = 0; k < r->m; k++) {
				const struct ref_link *l = &r->l[k];

				if ((late ? l->p : l->x) != i ||
				    ref_link_bound(r, l, late) != at)
					continue;
				if (ref_link_at_finish(r, l, late))
					finish = 1;
				else
					start = 1;
			}
			*kind = late ? finish : !start;
		}
	}
}

/* The whole schedule: 0 or UKWD_ERANGE. */
static int
ref_schedule(struct ref *r, ukwd_date date, ukwd_schedule_direction dir,
             int64_t *finish_out)
{
	int64_t finish;

	for (size_t i = 0; i < r->n; i++)
		ref_fix(r, &r->t[i]);
	if (dir == UKWD_SCHEDULE_FORWARD) {
		int64_t start = ref_on_or_after(r, date);

		ref_forward(r, start);
		ref_kinds(r, 0, start);
		for (size_t i = 0; i < r->n; i++)
			if (!ref_in_range(r, r->t[i].es, r->t[i].ee,
			                  r->t[i].ek))
				return UKWD_ERANGE;
		finish = start;
		for (size_t i = 0; i < r->n; i++) {
			const struct ref_task *t = &r->t[i];

			if (i == 0 || ref_last(t->es, t->ee, t->ek) > finish)
				finish = ref_last(t->es, t->ee, t->ek);
		}
		ref_backward(r, finish);
		ref_kinds(r, 1, finish);
		ref_first_day_starts(r);
		for (size_t i = 0; i < r->n; i++)
			if (!ref_in_range(r, r->t[i].ls, r->t[i].le,
			                  r->t[i].lk))
				return UKWD_ERANGE;
	} else {
		int64_t start;

		finish = ref_on_or_before(r, date);
		ref_backward(r, finish);
		ref_kinds(r, 1, finish);
		ref_first_day_starts(r);
		for (size_t i = 0; i < r->n; i++)
			if (!ref_in_range(r, r->t[i].ls, r->t[i].le,
			                  r->t[i].lk))
				return UKWD_ERANGE;
		start = finish;
		for (size_t i = 0; i < r->n; i++)
			if (r->t[i].ls < start)
				start = r->t[i].ls;
		ref_forward(r, start);
		ref_kinds(r, 0, start);
		for (size_t i = 0; i < r->n; i++)
			if (!ref_in_range(r, r->t[i].es, r->t[i].ee,
			                  r->t[i].ek))
				return UKWD_ERANGE;
	}
	/* A milestone with no float prints on its early day both ways. */
	for (size_t i = 0; i < r->n; i++) {
		struct ref_task *t = &r->t[i];

		if (t->span == 0 && t->ls == t->es)
			t->lk = t->ek;
	}
	/* Floats, against the early schedule's last day: a task may end, a
	 * milestone fall at the end of it. */
	finish = INT64_MIN;
	for (size_t i = 0; i < r->n; i++) {
		const struct ref_task *t = &r->t[i];

		if (ref_last(t->es, t->ee, t->ek) > finish)
			finish = ref_last(t->es, t->ee, t->ek);
	}
	for (size_t i = 0; i < r->n; i++) {
		struct ref_task *t = &r->t[i];

		t->tf = t->ls - t->es;
		t->ff = finish + 1 - t->ee;
	}
	for (size_t k = 0; k < r->m; k++) {
		const struct ref_link *l = &r->l[k];
		struct ref_task *p = &r->t[l->p];
		const struct ref_task *x = &r->t[l->x];
		int64_t slack;

		switch (l->type) {
		case UKWD_LINK_FS:
			slack = x->es - p->ee - l->lag;
			break;
		case UKWD_LINK_SS:
			slack = x->es - p->es - l->lag;
			break;
		case UKWD_LINK_FF:
			slack = x->ee - p->ee - l->lag;
			break;
		default:
			slack = x->ee - p->es - l->lag;
			break;
		}
		if (slack < p->ff)
			p->ff = slack;
	}
	for (size_t i = 0; i < r->n; i++)
		if (r->t[i].ff > r->t[i].tf)
			r->t[i].ff = r->t[i].tf;
	*finish_out = finish;
	return 0;
}

static ukwd_date
ref_day(const struct ref *r, int64_t k)
{
	return r->number[k];
}

/* A random calendar over 2020-2022, kept day by day in r. */
static ukwd_calendar *
ref_calendar(struct ref *r, struct test_rng *rng)
{
	static const unsigned int weekends[] = {0x60, 0x40, 0x30, 0x00, 0x61};
	unsigned int weekend = weekends[test_rng_between(
	    rng, 0, sizeof(weekends) / sizeof(*weekends) - 1)];
	int holiday_percent = (int)test_rng_between(rng, 0, 12);
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *cal = NULL;
	int32_t k = 0;

	r->first = ymd(2020, 1, 1);
	r->last = ymd(2022, 12, 31);
	r->ndays = r->last - r->first + 1;
	r->working = calloc((size_t)r->ndays, 1);
	r->before = calloc((size_t)r->ndays + 1, sizeof(*r->before));
	r->number = calloc((size_t)r->ndays, sizeof(*r->number));
	assert_non_null(r->working);
	assert_non_null(r->before);
	assert_non_null(r->number);
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_weekend(b, weekend), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, r->first, r->last),
	                 0);
	for (int32_t i = 0; i < r->ndays; i++) {
		/* 1970-01-01 was a Thursday: ISO weekday by hand. */
		int wd = (int)(((int64_t)(r->first + i) % 7 + 7 + 3) % 7) + 1;
		int off = (weekend >> (wd - 1)) & 1u;

		if (!off && rng_percent(rng, holiday_percent)) {
			assert_int_equal(ukwd_calendar_builder_add_holiday(
			                     b, r->first + i, "off"),
			                 0);
			off = 1;
		}
		r->working[i] = (unsigned char)!off;
		r->before[i] = k;
		if (!off)
			r->number[k++] = r->first + i;
	}
	r->before[r->ndays] = k;
	r->total = k;
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	return cal;
}

/* A random date in the middle year. */
static ukwd_date
ref_date(struct test_rng *rng)
{
	return ymd(2021, 1, 1) + (ukwd_date)test_rng_between(rng, 0, 364);
}

static void
ref_plan(struct ref *r, ukwd_plan *plan, struct test_rng *rng)
{
	size_t rank[MAX_TASKS];
	/* One network in ten has long tasks, so that some schedules run
	 * out of the calendar's three years. */
	int32_t longest = rng_percent(rng, 10) ? 150 : 6;

	r->n = (size_t)test_rng_between(rng, 1, MAX_TASKS);
	r->m = 0;
	r->has_deadline = 0;
	/* A random topological order, so that task order is not it. */
	for (size_t i = 0; i < r->n; i++)
		rank[i] = i;
	for (size_t i = r->n; i > 1; i--) {
		size_t j = (size_t)test_rng_between(rng, 0, (int64_t)i - 1),
		       keep = rank[i - 1];

		rank[i - 1] = rank[j];
		rank[j] = keep;
	}
	for (size_t i = 0; i < r->n; i++) {
		struct ref_task *t = &r->t[i];
		char id[8];

		memset(t, 0, sizeof(*t));
		t->duration = rng_percent(rng, 25)
		                  ? 0
		                  : (int32_t)test_rng_between(rng, 1, longest);
		snprintf(id, sizeof(id), "t%zu", i);
		add(plan, id, NULL, t->duration);
		/* At most one fixing constraint kind, a few bounds. */
		switch (test_rng_between(rng, 0, 30)) {
		case 0:
			t->has[UKWD_CONSTRAINT_MUST_START_ON] = 1;
			break;
		case 1:
			t->has[UKWD_CONSTRAINT_MUST_FINISH_ON] = 1;
			break;
		case 2:
			t->has[UKWD_CONSTRAINT_ACTUAL_START] = 1;
			t->has[UKWD_CONSTRAINT_ACTUAL_FINISH] =
			    rng_percent(rng, 50);
			break;
		case 3:
			t->has[UKWD_CONSTRAINT_ACTUAL_FINISH] = 1;
			break;
		default:
			break;
		}
		t->has[UKWD_CONSTRAINT_START_NO_EARLIER_THAN] =
		    rng_percent(rng, 10);
		t->has[UKWD_CONSTRAINT_FINISH_NO_LATER_THAN] =
		    rng_percent(rng, 8);
		t->has[UKWD_CONSTRAINT_DEADLINE] = rng_percent(rng, 8);
		for (int c = 0; c < UKWD_CONSTRAINT_TYPE_COUNT; c++) {
			if (!t->has[c])
				continue;
			t->date[c] = ref_date(rng);
			if (c == UKWD_CONSTRAINT_ACTUAL_FINISH &&
			    t->has[UKWD_CONSTRAINT_ACTUAL_START]) {
				t->date[c] =
				    t->duration
				        ? t->date[UKWD_CONSTRAINT_ACTUAL_START] +
				              (ukwd_date)test_rng_between(rng,
				                                          0, 12)
				        : t->date[UKWD_CONSTRAINT_ACTUAL_START];
			}
			assert_int_equal(ukwd_plan_set_constraint(
			                     plan, i, (ukwd_constraint_type)c,
			                     t->date[c], NULL),
			                 0);
		}
	}
	for (size_t a = 0; a < r->n; a++)
		for (size_t b = 0; b < r->n; b++) {
			struct ref_link *l;

			if (rank[a] >= rank[b] || r->m == MAX_LINKS ||
			    !rng_percent(rng, 18))
				continue;
			l = &r->l[r->m++];
			l->p = a;
			l->x = b;
			l->type = (ukwd_link_type)test_rng_between(rng, 0, 3);
			l->lag = (int32_t)test_rng_between(rng, -4, 6);
			link(plan, a, b, l->type, l->lag);
		}
	if (rng_percent(rng, 15)) {
		r->has_deadline = 1;
		r->deadline = ref_date(rng);
		assert_int_equal(ukwd_plan_set_deadline(plan, r->deadline), 0);
	}
}

#define PROPERTY_EQ(what, got, want)                                           \
	do {                                                                   \
		long long got_ = (long long)(got), want_ = (long long)(want);  \
		if (got_ != want_)                                             \
			fail_msg("case %d, task %zu: %s: got %lld, want %lld", \
			         round, i, what, got_, want_);                 \
	} while (0)

/* The order the schedule takes tasks in, as lib/plan.c makes it: the
 * plan's when every link runs forward, else Kahn's algorithm scanning
 * tasks by index, taking a task that becomes ready at once when the scan
 * has passed it (following each task's links in the order added). */
static void
ref_order(const struct ref *r, size_t *order)
{
	size_t indegree[MAX_TASKS] = {0}, out = 0;
	int forward = 1;

	for (size_t k = 0; k < r->m; k++) {
		forward &= r->l[k].p < r->l[k].x;
		indegree[r->l[k].x]++;
	}
	for (size_t scan = 0; scan < r->n; scan++) {
		size_t next = out;

		if (forward) {
			order[scan] = scan;
			continue;
		}
		if (indegree[scan] == 0)
			order[out++] = scan;
		while (next < out) {
			size_t t = order[next++];

			for (size_t k = 0; k < r->m; k++)
				if (r->l[k].p == t &&
				    --indegree[r->l[k].x] == 0 &&
				    r->l[k].x <= scan)
					order[out++] = r->l[k].x;
		}
	}
}

/* Both ends critical, and no float of its own. */
static int
ref_critical_link(const struct ref *r, const struct ref_link *l)
{
	const struct ref_task *p = &r->t[l->p], *x = &r->t[l->x];
	int64_t from =
	    (l->type == UKWD_LINK_FS || l->type == UKWD_LINK_FF ? p->ee
	                                                        : p->es) +
	    l->lag;
	int64_t to =
	    l->type == UKWD_LINK_FS || l->type == UKWD_LINK_SS ? x->ls : x->le;

	return p->tf <= 0 && x->tf <= 0 && to - from <= 0;
}

/* The critical paths as schedule.h defines them, path by path, with a
 * search of every path for the open one ending at a predecessor. */
struct ref_paths {
	size_t n;
	size_t len[MAX_TASKS];
	int open[MAX_TASKS];
	size_t task[MAX_TASKS][MAX_TASKS + 2];
};

static void
ref_paths(const struct ref *r, struct ref_paths *paths)
{
	size_t order[MAX_TASKS];

	ref_order(r, order);
	paths->n = 0;
	for (size_t k = 0; k < r->n; k++) {
		size_t x = order[k], extended = SIZE_MAX, first = SIZE_MAX;

		if (r->t[x].tf > 0)
			continue;
		for (size_t l = 0; l < r->m; l++) {
			if (r->l[l].x != x || !ref_critical_link(r, &r->l[l]))
				continue;
			if (first == SIZE_MAX)
				first = r->l[l].p;
			for (size_t q = 0; q < paths->n; q++) {
				if (!paths->open[q] ||
				    paths->task[q][paths->len[q] - 1] !=
				        r->l[l].p)
					continue;
				paths->task[q][paths->len[q]++] = x;
				if (extended == SIZE_MAX)
					extended = q; /* x carries it on */
				else
					paths->open[q] = 0; /* a join */
				break;
			}
		}
		if (extended == SIZE_MAX) {
			size_t q = paths->n++;

			paths->len[q] = 0;
			paths->open[q] = 1;
			if (first != SIZE_MAX)
				paths->task[q][paths->len[q]++] = first;
			paths->task[q][paths->len[q]++] = x;
		}
	}
}

/* The schedule's paths are the reference's; and, checked on their own:
 * each is a chain of critical links, every critical task is on one, and
 * they hold at most two entries per path more than the critical tasks. */
static void
check_paths(const ukwd_schedule *sched, const struct ref *r, int round)
{
	struct ref_paths want;
	size_t i = 0, entries = 0, ncritical = 0, npaths;
	int on_path[MAX_TASKS] = {0};

	ref_paths(r, &want);
	npaths = ukwd_schedule_critical_path_count(sched);
	PROPERTY_EQ("critical paths", npaths, want.n);
	for (size_t p = 0; p < npaths; p++) {
		const size_t *tasks;
		size_t count;

		assert_int_equal(
		    ukwd_schedule_critical_path(&tasks, &count, sched, p), 0);
		assert_true(count > 0);
		PROPERTY_EQ("path length", count, want.len[p]);
		for (size_t k = 0; k < count; k++) {
			int linked = 0;

			i = tasks[k];
			PROPERTY_EQ("path task", i, want.task[p][k]);
			PROPERTY_EQ("critical on a path", r->t[i].tf <= 0, 1);
			on_path[i] = 1;
			entries++;
			for (size_t l = 0; k > 0 && l < r->m; l++)
				linked |= r->l[l].p == tasks[k - 1] &&
				          r->l[l].x == i &&
				          ref_critical_link(r, &r->l[l]);
			if (k > 0)
				PROPERTY_EQ("linked to the one before", linked,
				            1);
		}
	}
	for (i = 0; i < r->n; i++) {
		ncritical += r->t[i].tf <= 0;
		if (r->t[i].tf <= 0)
			PROPERTY_EQ("critical task on a path", on_path[i], 1);
	}
	if (entries > ncritical + 2 * npaths)
		fail_msg("case %d: %zu path entries for %zu critical tasks "
		         "and %zu paths",
		         round, entries, ncritical, npaths);
}

/* The driver's bound, recomputed from the schedule, is the date it
 * claims to fix. */
static void
check_driver(const ukwd_schedule *sched, const struct ref *r, size_t i,
             ukwd_schedule_side side, int64_t start, int64_t finish, int round,
             int *seen)
{
	const struct ref_task *t = &r->t[i];
	int early = side == UKWD_SCHEDULE_EARLY;
	int64_t s = early ? t->es : t->ls, e = early ? t->ee : t->le;
	int64_t fixed = 0, want;
	ukwd_driver d;

	assert_int_equal(ukwd_schedule_driver(&d, sched, i, side), 0);
	seen[d.kind == UKWD_DRIVER_CONSTRAINT ? 5 + (int)d.constraint
	                                      : (int)d.kind]++;
	want = d.bounds_finish ? e : s;
	PROPERTY_EQ("driver bound date", d.bound_date,
	            ref_day(r, d.bounds_finish || s == e
	                           ? ref_last(s, e, early ? t->ek : t->lk)
	                           : s));
	switch (d.kind) {
	case UKWD_DRIVER_LINK: {
		const struct ref_link *l = &r->l[d.link];
		const struct ref_task *o = &r->t[early ? l->p : l->x];

		PROPERTY_EQ("driver task", d.task, early ? l->p : l->x);
		PROPERTY_EQ("driver type", d.type, l->type);
		PROPERTY_EQ("driver lag", d.lag, l->lag);
		if (early)
			fixed =
			    (l->type == UKWD_LINK_FS || l->type == UKWD_LINK_FF
			         ? o->ee
			         : o->es) +
			    l->lag;
		else
			fixed =
			    (l->type == UKWD_LINK_FS || l->type == UKWD_LINK_SS
			         ? o->ls
			         : o->le) -
			    l->lag;
		break;
	}
	case UKWD_DRIVER_PROJECT_START:
		fixed = start;
		break;
	case UKWD_DRIVER_PROJECT_FINISH:
		fixed = finish + 1;
		break;
	case UKWD_DRIVER_PROJECT_DEADLINE:
		fixed = ref_on_or_before(r, r->deadline) + 1;
		break;
	case UKWD_DRIVER_STATUS_DATE:
		fail_msg("a status-date driver in a schedule made without one");
		break;
	case UKWD_DRIVER_CONSTRAINT:
		assert_true(t->has[d.constraint]);
		PROPERTY_EQ("driver date", d.date, t->date[d.constraint]);
		fixed = want; /* checked by the dates themselves */
		break;
	}
	PROPERTY_EQ(early ? "early driver value" : "late driver value", fixed,
	            want);
	/* A milestone's kind is its driver's: the tie rule picked it;
	 * except late, where a milestone with no float (or one passing on
	 * the kind of such a milestone) prints on its early day, and one at
	 * the calendar's first working day at its start. */
	if (t->span == 0 && (early || (t->ls != t->es && t->ls != 0 &&
	                               !(d.kind == UKWD_DRIVER_LINK &&
	                                 r->t[r->l[d.link].x].span == 0)))) {
		int at_finish;

		switch (d.kind) {
		case UKWD_DRIVER_LINK:
			at_finish =
			    ref_link_at_finish(r, &r->l[d.link], !early);
			break;
		case UKWD_DRIVER_PROJECT_START:
			at_finish = 0;
			break;
		case UKWD_DRIVER_PROJECT_FINISH:
		case UKWD_DRIVER_PROJECT_DEADLINE:
			at_finish = 1;
			break;
		default:
			at_finish = ref_constraint_at_finish(d.constraint);
			break;
		}
		PROPERTY_EQ("driver's milestone kind", at_finish,
		            early ? t->ek : t->lk);
	}
}

/* The same network twice: links added as ref_plan adds them (by
 * predecessor), and grouped by successor, as the CSV reader adds them,
 * which the scheduler reads in place instead of copying (issue 13,
 * speed). Every date, float and driver must agree. */
static void
test_property__links_grouped_by_successor_schedule_as_a_copy_does(void **state)
{
	struct test_rng rng = {UINT64_C(0x6E0C5C3ED)};
	int compared = 0;

	(void)state;
	for (int round = 0; round < 400; round++) {
		struct ref r;
		ukwd_calendar *cal;
		ukwd_plan *plan = NULL, *grouped = NULL;
		ukwd_schedule *sched = NULL, *sched2 = NULL;
		ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
		ukwd_date date;
		int rc, rc2;
		size_t i = 0;

		memset(&r, 0, sizeof(r));
		cal = ref_calendar(&r, &rng);
		assert_int_equal(ukwd_plan_new(&plan), 0);
		ref_plan(&r, plan, &rng);
		assert_int_equal(ukwd_plan_new(&grouped), 0);
		for (i = 0; i < r.n; i++) {
			char id[16];

			snprintf(id, sizeof(id), "g%zu", i);
			assert_int_equal(
			    ukwd_plan_add_task(NULL, grouped, id, NULL,
			                       r.t[i].duration, NULL),
			    0);
			for (int c = 0; c < UKWD_CONSTRAINT_TYPE_COUNT; c++)
				if (r.t[i].has[c])
					assert_int_equal(
					    ukwd_plan_set_constraint(
					        grouped, i,
					        (ukwd_constraint_type)c,
					        r.t[i].date[c], NULL),
					    0);
		}
		for (size_t x = 0; x < r.n; x++)
			for (size_t k = 0; k < r.m; k++)
				if (r.l[k].x == x)
					link(grouped, r.l[k].p, x, r.l[k].type,
					     r.l[k].lag);
		if (r.has_deadline)
			assert_int_equal(
			    ukwd_plan_set_deadline(grouped, r.deadline), 0);
		options.direction = rng_percent(&rng, 50)
		                        ? UKWD_SCHEDULE_BACKWARD
		                        : UKWD_SCHEDULE_FORWARD;
		date = ref_date(&rng);
		rc = ukwd_schedule_new(&sched, plan, cal, date, &options, NULL);
		rc2 = ukwd_schedule_new(&sched2, grouped, cal, date, &options,
		                        NULL);
		PROPERTY_EQ("return code", rc2, rc);
		for (i = 0; rc == 0 && i < r.n; i++) {
			ukwd_scheduled_task a, b;

			assert_int_equal(ukwd_schedule_task(&a, sched, i), 0);
			assert_int_equal(ukwd_schedule_task(&b, sched2, i), 0);
			PROPERTY_EQ("early start", b.early_start_index,
			            a.early_start_index);
			PROPERTY_EQ("early end", b.early_end_index,
			            a.early_end_index);
			PROPERTY_EQ("late start", b.late_start_index,
			            a.late_start_index);
			PROPERTY_EQ("late end", b.late_end_index,
			            a.late_end_index);
			PROPERTY_EQ("total float", b.total_float,
			            a.total_float);
			PROPERTY_EQ("free float", b.free_float, a.free_float);
			PROPERTY_EQ("early milestone day",
			            b.early_milestone_day,
			            a.early_milestone_day);
			PROPERTY_EQ("late milestone day", b.late_milestone_day,
			            a.late_milestone_day);
			for (int side = 0; side < 2; side++) {
				ukwd_driver da, db;

				assert_int_equal(ukwd_schedule_driver(
				                     &da, sched, i,
				                     (ukwd_schedule_side)side),
				                 0);
				assert_int_equal(ukwd_schedule_driver(
				                     &db, sched2, i,
				                     (ukwd_schedule_side)side),
				                 0);
				PROPERTY_EQ("driver kind", db.kind, da.kind);
				PROPERTY_EQ("driver task", db.task, da.task);
				PROPERTY_EQ("driver type", db.type, da.type);
				PROPERTY_EQ("driver lag", db.lag, da.lag);
				PROPERTY_EQ("driver date", db.bound_date,
				            da.bound_date);
			}
		}
		compared += rc == 0;
		ukwd_schedule_free(sched);
		ukwd_schedule_free(sched2);
		ukwd_plan_free(plan);
		ukwd_plan_free(grouped);
		ukwd_calendar_free(cal);
		free(r.working);
		free(r.before);
		free(r.number);
	}
	assert_true(compared > 100);
}

static void
test_property__random_networks_agree_with_a_relaxation_reference(void **state)
{
	struct test_rng rng = {UINT64_C(0x5EC0DE2017)};
	int cases = 0, ranges = 0, negative = 0;
	/* Drivers seen: the kinds, then each constraint type. */
	int seen[5 + UKWD_CONSTRAINT_TYPE_COUNT] = {0};

	(void)state;
	for (int round = 0; round < 3000; round++) {
		struct ref r;
		ukwd_calendar *cal;
		ukwd_plan *plan = NULL;
		ukwd_schedule *sched = NULL;
		ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
		ukwd_date date;
		int64_t finish = 0, start;
		int want_rc, rc;
		size_t i = 0;

		memset(&r, 0, sizeof(r));
		cal = ref_calendar(&r, &rng);
		assert_int_equal(ukwd_plan_new(&plan), 0);
		ref_plan(&r, plan, &rng);
		options.direction = rng_percent(&rng, 50)
		                        ? UKWD_SCHEDULE_BACKWARD
		                        : UKWD_SCHEDULE_FORWARD;
		date = ref_date(&rng);
		/* Avoid a project date with no working day on its side. */
		if (r.total == 0)
			goto next;
		want_rc = ref_schedule(&r, date, options.direction, &finish);
		rc = ukwd_schedule_new(&sched, plan, cal, date, &options, NULL);
		PROPERTY_EQ("return code", rc, want_rc);
		if (rc) {
			ranges++;
			goto next;
		}
		cases++;
		start = options.direction == UKWD_SCHEDULE_FORWARD
		            ? ref_on_or_after(&r, date)
		            : INT64_MAX;
		if (options.direction == UKWD_SCHEDULE_BACKWARD) {
			start = ref_on_or_before(&r, date);
			for (i = 0; i < r.n; i++)
				if (r.t[i].ls < start)
					start = r.t[i].ls;
		}
		for (i = 0; i < r.n; i++) {
			const struct ref_task *t = &r.t[i];
			ukwd_scheduled_task row;

			assert_int_equal(ukwd_schedule_task(&row, sched, i), 0);
			PROPERTY_EQ("early start", row.early_start_index,
			            t->es);
			PROPERTY_EQ("early end", row.early_end_index, t->ee);
			PROPERTY_EQ("late start", row.late_start_index, t->ls);
			PROPERTY_EQ("late end", row.late_end_index, t->le);
			PROPERTY_EQ(
			    "early start date", row.early_start,
			    ref_day(&r, ref_first(t->es, t->ee, t->ek)));
			PROPERTY_EQ("early finish date", row.early_finish,
			            ref_day(&r, ref_last(t->es, t->ee, t->ek)));
			PROPERTY_EQ(
			    "late start date", row.late_start,
			    ref_day(&r, ref_first(t->ls, t->le, t->lk)));
			PROPERTY_EQ("late finish date", row.late_finish,
			            ref_day(&r, ref_last(t->ls, t->le, t->lk)));
			PROPERTY_EQ("early milestone day",
			            row.early_milestone_day,
			            t->ek ? UKWD_MILESTONE_AT_FINISH
			                  : UKWD_MILESTONE_AT_START);
			PROPERTY_EQ("late milestone day",
			            row.late_milestone_day,
			            t->lk ? UKWD_MILESTONE_AT_FINISH
			                  : UKWD_MILESTONE_AT_START);
			PROPERTY_EQ("total float", row.total_float, t->tf);
			PROPERTY_EQ("free float", row.free_float, t->ff);
			PROPERTY_EQ("critical", row.critical, t->tf <= 0);
			negative += t->tf < 0;
			check_driver(sched, &r, i, UKWD_SCHEDULE_EARLY, start,
			             finish, round, seen);
			check_driver(sched, &r, i, UKWD_SCHEDULE_LATE, start,
			             options.direction == UKWD_SCHEDULE_FORWARD
			                 ? finish
			                 : ref_on_or_before(&r, date),
			             round, seen);
		}
		check_paths(sched, &r, round);
	next:
		ukwd_schedule_free(sched);
		ukwd_plan_free(plan);
		ukwd_calendar_free(cal);
		free(r.working);
		free(r.before);
		free(r.number);
	}
	/* Most cases schedule; some leave the calendar, on purpose; and
	 * every kind of bound has decided some date. */
	assert_true(cases > 2000);
	assert_true(ranges > 20);
	assert_true(negative > 100);
	for (int k = 0; k < 5 + UKWD_CONSTRAINT_TYPE_COUNT; k++)
		if (k != UKWD_DRIVER_CONSTRAINT && seen[k] < 10)
			fail_msg("driver %d decided only %d dates", k, seen[k]);
}

/* Networks made to tie: short equal durations and plain links, so that
 * critical paths branch and join often. */
static void
test_critical__paths_of_random_networks_are_chains_of_critical_links(
    void **state)
{
	struct test_rng rng = {UINT64_C(0xC417C417)};
	int branched = 0;

	(void)state;
	for (int round = 0; round < 400; round++) {
		struct ref r;
		ukwd_calendar *cal;
		ukwd_plan *plan = NULL;
		ukwd_schedule *sched = NULL;
		size_t rank[MAX_TASKS], entries = 0;
		int64_t finish;
		ukwd_date date;

		memset(&r, 0, sizeof(r));
		cal = ref_calendar(&r, &rng);
		assert_int_equal(ukwd_plan_new(&plan), 0);
		r.n = (size_t)test_rng_between(&rng, 2, MAX_TASKS);
		for (size_t i = 0; i < r.n; i++) {
			char id[8];

			rank[i] = i;
			r.t[i].duration = (int32_t)test_rng_between(&rng, 0, 2);
			snprintf(id, sizeof(id), "t%zu", i);
			add(plan, id, NULL, r.t[i].duration);
		}
		/* Half the plans out of dependency order. */
		for (size_t i = r.n; i > 1 && rng_percent(&rng, 50); i--) {
			size_t j = (size_t)test_rng_between(&rng, 0,
			                                    (int64_t)i - 1),
			       keep = rank[i - 1];

			rank[i - 1] = rank[j];
			rank[j] = keep;
		}
		for (size_t a = 0; a < r.n; a++)
			for (size_t b = 0; b < r.n; b++) {
				struct ref_link *l;

				if (rank[a] >= rank[b] || r.m == MAX_LINKS ||
				    !rng_percent(&rng, 25))
					continue;
				l = &r.l[r.m++];
				l->p = a;
				l->x = b;
				l->type = rng_percent(&rng, 80) ? UKWD_LINK_FS
				                                : UKWD_LINK_SS;
				l->lag = 0;
				link(plan, a, b, l->type, 0);
			}
		date = ref_date(&rng);
		if (r.total > 0 && ref_schedule(&r, date, UKWD_SCHEDULE_FORWARD,
		                                &finish) == 0) {
			sched = forward_at(plan, cal, date);
			check_paths(sched, &r, round);
			for (size_t p = 0;
			     p < ukwd_schedule_critical_path_count(sched);
			     p++) {
				const size_t *tasks;
				size_t count;

				assert_int_equal(ukwd_schedule_critical_path(
				                     &tasks, &count, sched, p),
				                 0);
				entries += count;
			}
			for (size_t i = 0; i < r.n; i++)
				entries -= r.t[i].tf <= 0;
			branched += entries > 0;
		}
		ukwd_schedule_free(sched);
		ukwd_plan_free(plan);
		ukwd_calendar_free(cal);
		free(r.working);
		free(r.before);
		free(r.number);
	}
	/* Many networks branch or join somewhere on a critical path. */
	assert_true(branched > 100);
}

/* ukwd_schedule_anchor(): the direction and the date as given, and
 * EINVAL for NULL or a plan changed since. */
static void
test_anchor__says_the_direction_and_the_date_as_given(void **state)
{
	ukwd_calendar *cal = england_2023();
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched;
	ukwd_schedule_direction direction;
	ukwd_date date;
	size_t a;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	a = add(plan, "a", "Work", 2);
	/* Forward from a Saturday: the date as given, not rolled. */
	sched = forward(plan, cal, "2023-05-06");
	assert_int_equal(ukwd_schedule_anchor(&direction, &date, sched), 0);
	assert_int_equal(direction, UKWD_SCHEDULE_FORWARD);
	assert_int_equal(date, iso("2023-05-06"));
	assert_int_equal(ukwd_schedule_anchor(NULL, NULL, sched), 0);
	ukwd_schedule_free(sched);
	sched = backward(plan, cal, "2023-05-07");
	assert_int_equal(ukwd_schedule_anchor(&direction, &date, sched), 0);
	assert_int_equal(direction, UKWD_SCHEDULE_BACKWARD);
	assert_int_equal(date, iso("2023-05-07"));
	assert_int_equal(ukwd_plan_set_duration(plan, a, 3, NULL), 0);
	assert_int_equal(ukwd_schedule_anchor(&direction, &date, sched),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_schedule_anchor(&direction, &date, NULL),
	                 UKWD_EINVAL);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_anchor__says_the_direction_and_the_date_as_given),
	    cmocka_unit_test(
	        test_explain__sixty_working_days_after_the_uept_notice),
	    cmocka_unit_test(
	        test_milestone__after_a_task_sits_at_its_successors_start_position),
	    cmocka_unit_test(
	        test_explain__a_milestone_says_which_end_of_its_day),
	    cmocka_unit_test(test_cycle__of_length_one_is_refused_when_added),
	    cmocka_unit_test(
	        test_cycle__of_every_length_is_reported_with_its_ids_in_order),
	    cmocka_unit_test(
	        test_cycle__a_long_one_is_shortened_in_the_message),
	    cmocka_unit_test(
	        test_range__a_schedule_leaving_the_calendar_is_erange_naming_the_task),
	    cmocka_unit_test(
	        test_errors__null_arguments_bad_options_and_a_changed_plan),
	    cmocka_unit_test(
	        test_edge__an_empty_plan_starts_and_finishes_on_the_project_date),
	    cmocka_unit_test(
	        test_chain__a_million_tasks_schedule_without_overflowing_the_stack),
	    cmocka_unit_test(
	        test_property__random_networks_agree_with_a_relaxation_reference),
	    cmocka_unit_test(
	        test_property__links_grouped_by_successor_schedule_as_a_copy_does),
	    cmocka_unit_test(
	        test_critical__paths_of_random_networks_are_chains_of_critical_links),
	};

	return cmocka_run_group_tests_name("schedule", tests, NULL, NULL);
}
