/* ukwd_schedule_explain() against a reference.
 *
 * The library builds each sentence by copying its pieces (it is called
 * once per task by the JSON renderer, so it must be fast). This file keeps
 * the straightforward version, snprintf over the public API, and compares
 * the two byte for byte, the whole buffer included, over random networks
 * and calendars: every link type with lags of both signs and none, every
 * constraint type (on working days and not), the project deadline,
 * milestones at the start and at the end of a day, both directions, and
 * every buffer size from 0 to one past the sentence (truncation), plus
 * the error returns. A count of what was seen checks that every case was
 * reached. */
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
/* The reference: the sentence as one snprintf, from the public API. */

static const char *
ref_name(const ukwd_plan *plan, size_t task)
{
	const char *name = ukwd_plan_task_name(plan, task);

	return *name ? name : ukwd_plan_task_id(plan, task);
}

static int
ref_explain(char *buf, size_t size, size_t *length, const ukwd_schedule *sched,
            size_t task, ukwd_schedule_side side)
{
	static const char *const early_event[] = {"finishes", "starts",
	                                          "finishes", "starts"};
	static const char *const late_event[] = {"must start", "must start",
	                                         "must finish", "must finish"};
	static const char *const early_zero[] = {"after", "when", "when",
	                                         "before"};
	static const char *const late_zero[] = {"before", "when", "when",
	                                        "after"};
	char bound[UKWD_DATE_STRLEN], given[UKWD_DATE_STRLEN], amount[48];
	const char *verb, *what = "", *quote = "", *name = "", *tail = "",
	                  *event = "", *note = "", *day = "";
	ukwd_schedule_direction direction = UKWD_SCHEDULE_FORWARD;
	ukwd_scheduled_task st;
	ukwd_driver d;
	int early = side == UKWD_SCHEDULE_EARLY, by = 0, n, rc;
	int actual;

	if (length)
		*length = 0;
	if (!buf && size)
		return UKWD_EINVAL;
	rc = ukwd_schedule_driver(&d, sched, task, side);
	if (rc)
		return rc;
	assert_int_equal(ukwd_schedule_task(&st, sched, task), 0);
	assert_int_equal(ukwd_schedule_anchor(&direction, NULL, sched), 0);
	ukwd_date_format(bound, sizeof(bound), d.bound_date);
	ukwd_date_format(given, sizeof(given), d.date);
	amount[0] = '\0';
	actual = d.kind == UKWD_DRIVER_CONSTRAINT &&
	         (d.constraint == UKWD_CONSTRAINT_ACTUAL_START ||
	          d.constraint == UKWD_CONSTRAINT_ACTUAL_FINISH);
	if (early || actual ||
	    (d.kind == UKWD_DRIVER_CONSTRAINT &&
	     (d.constraint == UKWD_CONSTRAINT_MUST_START_ON ||
	      d.constraint == UKWD_CONSTRAINT_MUST_FINISH_ON)))
		verb = d.bounds_finish ? "finishes" : "starts";
	else {
		verb = d.bounds_finish ? "finishes by" : "starts by";
		by = 1;
	}
	switch (d.kind) {
	case UKWD_DRIVER_PROJECT_START:
		what = direction == UKWD_SCHEDULE_FORWARD
		           ? "the project start"
		           : "the project start, the earliest late start";
		break;
	case UKWD_DRIVER_PROJECT_FINISH:
		what = direction == UKWD_SCHEDULE_BACKWARD
		           ? "the project finish"
		           : "the project finish, the latest early finish";
		break;
	case UKWD_DRIVER_PROJECT_DEADLINE:
		what = "the project deadline ";
		event = given;
		if (strcmp(given, bound) != 0)
			note = " (not a working day)";
		break;
	case UKWD_DRIVER_STATUS_DATE:
		what = "work not done starts after the status date ";
		event = given;
		break;
	case UKWD_DRIVER_CONSTRAINT:
		what = ukwd_constraint_type_name(d.constraint);
		if (actual) {
			verb = d.bounds_finish ? "finished" : "started";
			if (strcmp(given, bound) != 0) {
				tail = " ";
				event = given;
			}
		} else {
			tail = " ";
			event = given;
		}
		if (strcmp(given, bound) != 0)
			note = " (not a working day)";
		break;
	case UKWD_DRIVER_LINK: {
		long lag = d.lag < 0 ? -(long)d.lag : (long)d.lag;
		const char *const *zero = early ? early_zero : late_zero;

		if (d.lag == 0)
			snprintf(amount, sizeof(amount), "%s", zero[d.type]);
		else
			snprintf(amount, sizeof(amount), "%ld working day%s %s",
			         lag, lag == 1 ? "" : "s",
			         (d.lag > 0) == early ? "after" : "before");
		what = amount;
		quote = " '";
		name = ref_name(ukwd_schedule_plan(sched), d.task);
		tail = "' ";
		event = early ? early_event[d.type] : late_event[d.type];
		break;
	}
	}
	if (early ? st.early_start_index == st.early_end_index
	          : st.late_start_index == st.late_end_index) {
		ukwd_milestone_day md =
		    early ? st.early_milestone_day : st.late_milestone_day;

		verb = actual ? "fell on" : by ? "falls by" : "falls on";
		day = md == UKWD_MILESTONE_AT_FINISH ? " (end of day)"
		                                     : " (start of day)";
	}
	if (d.kind == UKWD_DRIVER_LINK) {
		char tag[24];

		if (d.lag)
			snprintf(tag, sizeof(tag), " (%s%+ld)",
			         ukwd_link_type_name(d.type), (long)d.lag);
		else
			snprintf(tag, sizeof(tag), " (%s)",
			         ukwd_link_type_name(d.type));
		n = snprintf(buf, size, "%s %s%s: %s%s%s%s%s%s", verb, bound,
		             day, what, quote, name, tail, event, tag);
	} else {
		n = snprintf(buf, size, "%s %s%s: %s%s%s%s", verb, bound, day,
		             what, tail, event, note);
	}
	if (n < 0)
		return UKWD_ERROR;
	if (length)
		*length = (size_t)n;
	if ((size_t)n >= size) {
		if (size)
			buf[0] = '\0';
		return UKWD_EBUFS;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* What the random networks reached. */

enum seen {
	SEEN_PROJECT_START,
	SEEN_PROJECT_FINISH,
	SEEN_DEADLINE,
	SEEN_DEADLINE_NOT_WORKING,
	SEEN_LINK_TYPE,                     /* + the type: 4 */
	SEEN_LAG_ZERO = SEEN_LINK_TYPE + 4, /* early and late */
	SEEN_LAG_POSITIVE = SEEN_LAG_ZERO + 2,
	SEEN_LAG_NEGATIVE = SEEN_LAG_POSITIVE + 2,
	SEEN_LAG_ONE = SEEN_LAG_NEGATIVE + 2, /* "1 working day" */
	SEEN_CONSTRAINT = SEEN_LAG_ONE + 1,   /* + the type: 7 */
	SEEN_NOT_WORKING = SEEN_CONSTRAINT + UKWD_CONSTRAINT_TYPE_COUNT,
	SEEN_ACTUAL_SAME,    /* an actual date as given */
	SEEN_ACTUAL_DIFFERS, /* an actual date rolled */
	SEEN_MILESTONE_AT_START,
	SEEN_MILESTONE_AT_FINISH,
	SEEN_BY,
	SEEN_NAMELESS,
	SEEN_TRUNCATED,
	SEEN_COUNT
};

static void
note_seen(unsigned long *seen, const ukwd_schedule *sched, size_t task,
          ukwd_schedule_side side, const char *sentence)
{
	int early = side == UKWD_SCHEDULE_EARLY;
	ukwd_scheduled_task st;
	ukwd_driver d;

	assert_int_equal(ukwd_schedule_driver(&d, sched, task, side), 0);
	assert_int_equal(ukwd_schedule_task(&st, sched, task), 0);
	switch (d.kind) {
	case UKWD_DRIVER_PROJECT_START:
		seen[SEEN_PROJECT_START]++;
		break;
	case UKWD_DRIVER_PROJECT_FINISH:
		seen[SEEN_PROJECT_FINISH]++;
		break;
	case UKWD_DRIVER_PROJECT_DEADLINE:
		seen[SEEN_DEADLINE]++;
		if (d.date != d.bound_date)
			seen[SEEN_DEADLINE_NOT_WORKING]++;
		break;
	case UKWD_DRIVER_STATUS_DATE:
		fail_msg("a status-date driver in a schedule made without one");
		break;
	case UKWD_DRIVER_LINK:
		seen[SEEN_LINK_TYPE + d.type]++;
		if (d.lag == 0)
			seen[SEEN_LAG_ZERO + early]++;
		else if (d.lag > 0)
			seen[SEEN_LAG_POSITIVE + early]++;
		else
			seen[SEEN_LAG_NEGATIVE + early]++;
		if (d.lag == 1 || d.lag == -1)
			seen[SEEN_LAG_ONE]++;
		if (!*ukwd_plan_task_name(ukwd_schedule_plan(sched), d.task))
			seen[SEEN_NAMELESS]++;
		break;
	case UKWD_DRIVER_CONSTRAINT:
		seen[SEEN_CONSTRAINT + d.constraint]++;
		if (d.date != d.bound_date)
			seen[SEEN_NOT_WORKING]++;
		if (d.constraint == UKWD_CONSTRAINT_ACTUAL_START ||
		    d.constraint == UKWD_CONSTRAINT_ACTUAL_FINISH)
			seen[d.date == d.bound_date ? SEEN_ACTUAL_SAME
			                            : SEEN_ACTUAL_DIFFERS]++;
		break;
	}
	if (early ? st.early_start_index == st.early_end_index
	          : st.late_start_index == st.late_end_index)
		seen[(early ? st.early_milestone_day : st.late_milestone_day) ==
		             UKWD_MILESTONE_AT_FINISH
		         ? SEEN_MILESTONE_AT_FINISH
		         : SEEN_MILESTONE_AT_START]++;
	if (strstr(sentence, " by "))
		seen[SEEN_BY]++;
}

/* ------------------------------------------------------------------ */
/* Random networks */

static ukwd_calendar *
random_calendar(struct test_rng *r, ukwd_date first, ukwd_date last)
{
	ukwd_calendar_builder *b = NULL;
	ukwd_calendar *cal = NULL;
	int holidays = (int)test_rng_between(r, 0, 60);

	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, first, last), 0);
	if (rng_percent(r, 30))
		/* A six-day week: Sunday only (bit 0 is Monday). */
		assert_int_equal(ukwd_calendar_builder_set_weekend(b, 1u << 6),
		                 0);
	for (int i = 0; i < holidays; i++)
		assert_int_equal(
		    ukwd_calendar_builder_add_holiday(
		        b, (ukwd_date)test_rng_between(r, first, last),
		        "closed"),
		    0);
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	return cal;
}

/* A task name: none (the id is shown), plain, with printf directives
 * and quotes, or long enough to pass any small buffer. */
static void
random_name(struct test_rng *r, char *name, size_t size, size_t task)
{
	switch (test_rng_between(r, 0, 4)) {
	case 0:
		name[0] = '\0';
		break;
	case 1:
		snprintf(name, size, "Task %zu", task);
		break;
	case 2:
		snprintf(name, size, "%%s %%d %%n 'quoted' \"%zu\" 100%%",
		         task);
		break;
	case 3: {
		size_t len =
		    (size_t)test_rng_between(r, 200, (int64_t)size - 1);

		for (size_t i = 0; i < len; i++)
			name[i] = (char)('a' + (i + task) % 26);
		name[len] = '\0';
		break;
	}
	default:
		/* UTF-8 and a tab: copied as they are. */
		snprintf(name, size, "Caf\xc3\xa9\t%zu", task);
		break;
	}
}

static void
random_constraints(struct test_rng *r, ukwd_plan *plan, size_t task,
                   int32_t duration, ukwd_date first, ukwd_date last)
{
	int count = (int)test_rng_between(r, 0, 2);

	for (int i = 0; i < count; i++) {
		ukwd_constraint_type type =
		    (ukwd_constraint_type)test_rng_between(
		        r, 0, UKWD_CONSTRAINT_TYPE_COUNT - 1);
		ukwd_date date = (ukwd_date)test_rng_between(r, first, last);
		int rc;

		if (type == UKWD_CONSTRAINT_ACTUAL_FINISH && duration == 0) {
			/* A milestone's actual days must agree. */
			ukwd_date start;

			if (ukwd_plan_task_constraint(
			        &start, plan, task,
			        UKWD_CONSTRAINT_ACTUAL_START) == 0)
				date = start;
		}
		rc = ukwd_plan_set_constraint(plan, task, type, date, NULL);
		/* Refused: must-start-on with must-finish-on, an actual
		 * finish before the start. */
		assert_true(rc == 0 || rc == UKWD_EINVAL);
	}
}

static ukwd_plan *
random_plan(struct test_rng *r, size_t ntasks, ukwd_date first, ukwd_date last)
{
	static char name[320];
	ukwd_plan *plan = NULL;

	assert_int_equal(ukwd_plan_new(&plan), 0);
	for (size_t t = 0; t < ntasks; t++) {
		char id[32];
		int32_t duration = rng_percent(r, 25)
		                       ? 0
		                       : (int32_t)test_rng_between(r, 1, 12);
		size_t index = 0;

		snprintf(id, sizeof(id), "t%zu", t);
		random_name(r, name, sizeof(name), t);
		assert_int_equal(
		    ukwd_plan_add_task(&index, plan, id, name, duration, NULL),
		    0);
		if (rng_percent(r, 25))
			random_constraints(r, plan, t, duration, first, last);
		/* Links from earlier tasks only: no cycles. */
		for (int k = t ? (int)test_rng_between(r, 0, 3) : 0; k > 0;
		     k--) {
			size_t pred =
			    (size_t)test_rng_between(r, 0, (int64_t)t - 1);
			ukwd_link_type type =
			    (ukwd_link_type)test_rng_between(r, 0, 3);
			int32_t lag = rng_percent(r, 40)
			                  ? 0
			                  : (int32_t)test_rng_between(r, -6, 6);
			int rc = ukwd_plan_add_link(NULL, plan, pred, t, type,
			                            lag, NULL, NULL);

			assert_true(rc == 0 || rc == UKWD_EINVAL);
		}
	}
	if (rng_percent(r, 40))
		assert_int_equal(ukwd_plan_set_deadline(
		                     plan, (ukwd_date)test_rng_between(
		                               r, first + 200, last - 200)),
		                 0);
	return plan;
}

/* ------------------------------------------------------------------ */
/* Comparing */

#define BUFFER 1024

/* One call both ways, the buffers filled alike beforehand. */
static void
compare_call(size_t size, const ukwd_schedule *sched, size_t task,
             ukwd_schedule_side side, int with_buffer, int with_length)
{
	static char got[BUFFER + 1], want[BUFFER + 1];
	size_t got_len = 12345, want_len = 12345;
	int got_rc, want_rc;

	memset(got, 0xA5, sizeof(got));
	memset(want, 0xA5, sizeof(want));
	got_rc = ukwd_schedule_explain(with_buffer ? got : NULL, size,
	                               with_length ? &got_len : NULL, sched,
	                               task, side);
	want_rc =
	    ref_explain(with_buffer ? want : NULL, size,
	                with_length ? &want_len : NULL, sched, task, side);
	assert_int_equal(got_rc, want_rc);
	assert_int_equal(got_len, want_len);
	if (memcmp(got, want, sizeof(got)) != 0) {
		print_error("task %zu, side %d, size %zu:\n got: %.*s\nwant: "
		            "%.*s\n",
		            task, (int)side, size, (int)strnlen(got, BUFFER),
		            got, (int)strnlen(want, BUFFER), want);
		fail();
	}
}

/* Every size from 0 to one past the sentence, and the error returns. */
static void
compare_task(unsigned long *seen, const ukwd_schedule *sched, size_t task,
             ukwd_schedule_side side)
{
	char full[BUFFER];
	size_t len = 0;

	assert_int_equal(
	    ref_explain(full, sizeof(full), &len, sched, task, side), 0);
	note_seen(seen, sched, task, side, full);
	for (size_t size = 0; size <= len + 1; size++)
		compare_call(size, sched, task, side, 1, 1);
	compare_call(BUFFER, sched, task, side, 1, 1);
	compare_call(BUFFER, sched, task, side, 1, 0);
	compare_call(0, sched, task, side, 0, 1);
	compare_call(7, sched, task, side, 0, 1);
	compare_call(len, sched, task, side, 1, 0);
	if (len > 0)
		seen[SEEN_TRUNCATED]++;
}

static void
test_explain_matches_reference(void **state)
{
	static const char *const names[SEEN_COUNT] = {
	    [SEEN_PROJECT_START] = "project start",
	    [SEEN_PROJECT_FINISH] = "project finish",
	    [SEEN_DEADLINE] = "deadline",
	    [SEEN_DEADLINE_NOT_WORKING] = "deadline not a working day",
	    [SEEN_LINK_TYPE] = "FS",
	    [SEEN_LINK_TYPE + 1] = "SS",
	    [SEEN_LINK_TYPE + 2] = "FF",
	    [SEEN_LINK_TYPE + 3] = "SF",
	    [SEEN_LAG_ZERO] = "late lag 0",
	    [SEEN_LAG_ZERO + 1] = "early lag 0",
	    [SEEN_LAG_POSITIVE] = "late lag > 0",
	    [SEEN_LAG_POSITIVE + 1] = "early lag > 0",
	    [SEEN_LAG_NEGATIVE] = "late lag < 0",
	    [SEEN_LAG_NEGATIVE + 1] = "early lag < 0",
	    [SEEN_LAG_ONE] = "lag of 1",
	    [SEEN_CONSTRAINT] = "start no earlier than",
	    [SEEN_CONSTRAINT + 1] = "finish no later than",
	    [SEEN_CONSTRAINT + 2] = "must start on",
	    [SEEN_CONSTRAINT + 3] = "must finish on",
	    [SEEN_CONSTRAINT + 4] = "task deadline",
	    [SEEN_CONSTRAINT + 5] = "actual start",
	    [SEEN_CONSTRAINT + 6] = "actual finish",
	    [SEEN_NOT_WORKING] = "constraint not a working day",
	    [SEEN_ACTUAL_SAME] = "actual date a working day",
	    [SEEN_ACTUAL_DIFFERS] = "actual date not a working day",
	    [SEEN_MILESTONE_AT_START] = "milestone at start of day",
	    [SEEN_MILESTONE_AT_FINISH] = "milestone at end of day",
	    [SEEN_BY] = "\"by\"",
	    [SEEN_NAMELESS] = "a task named by id",
	    [SEEN_TRUNCATED] = "truncation",
	};
	unsigned long seen[SEEN_COUNT] = {0};
	struct test_rng r = {20261202};
	ukwd_date first = ymd(2020, 1, 1), last = ymd(2029, 12, 31);
	int scheduled = 0;

	(void)state;
	for (int round = 0; round < 160; round++) {
		ukwd_calendar *cal = random_calendar(&r, first, last);
		size_t ntasks = (size_t)test_rng_between(&r, 1, 40);
		ukwd_plan *plan =
		    random_plan(&r, ntasks, first + 400, last - 400);
		ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
		ukwd_schedule *sched = NULL;
		ukwd_date date =
		    (ukwd_date)test_rng_between(&r, first + 500, last - 500);

		if (round % 2)
			options.direction = UKWD_SCHEDULE_BACKWARD;
		if (ukwd_schedule_new(&sched, plan, cal, date, &options,
		                      NULL) == 0) {
			scheduled++;
			for (size_t t = 0; t < ntasks; t++) {
				compare_task(seen, sched, t,
				             UKWD_SCHEDULE_EARLY);
				compare_task(seen, sched, t,
				             UKWD_SCHEDULE_LATE);
			}
			/* The error returns. */
			compare_call(BUFFER, sched, ntasks, UKWD_SCHEDULE_EARLY,
			             1, 1);
			compare_call(BUFFER, sched, 0, (ukwd_schedule_side)7, 1,
			             1);
			compare_call(BUFFER, sched, 0, UKWD_SCHEDULE_LATE, 0,
			             1);
			compare_call(BUFFER, NULL, 0, UKWD_SCHEDULE_LATE, 1, 1);
			ukwd_schedule_free(sched);
		}
		ukwd_plan_free(plan);
		ukwd_calendar_free(cal);
	}
	print_message("# %d of 160 networks scheduled\n", scheduled);
	assert_true(scheduled >= 100);
	for (int k = 0; k < SEEN_COUNT; k++) {
		print_message("# %s: %lu\n", names[k], seen[k]);
		if (!seen[k])
			fail_msg("never reached: %s", names[k]);
	}
}

/* A changed plan: both refuse the schedule made before. */
static void
test_explain_changed_plan(void **state)
{
	ukwd_calendar *cal = NULL;
	ukwd_calendar_builder *b = NULL;
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched = NULL;
	char buf[64] = "unchanged";
	size_t len = 99;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, ymd(2023, 1, 1),
	                                                 ymd(2023, 12, 31)),
	                 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	assert_int_equal(ukwd_plan_new(&plan), 0);
	assert_int_equal(ukwd_plan_add_task(NULL, plan, "a", "A", 3, NULL), 0);
	assert_int_equal(
	    ukwd_schedule_new(&sched, plan, cal, ymd(2023, 3, 1), NULL, NULL),
	    0);
	assert_int_equal(ukwd_schedule_explain(buf, sizeof(buf), &len, sched, 0,
	                                       UKWD_SCHEDULE_EARLY),
	                 0);
	assert_string_equal(buf, "starts 2023-03-01: the project start");
	assert_int_equal(len, strlen(buf));
	assert_int_equal(ukwd_plan_set_duration(plan, 0, 4, NULL), 0);
	assert_int_equal(ukwd_schedule_explain(buf, sizeof(buf), &len, sched, 0,
	                                       UKWD_SCHEDULE_EARLY),
	                 UKWD_EINVAL);
	assert_int_equal(len, 0);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_explain_matches_reference),
	    cmocka_unit_test(test_explain_changed_plan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
