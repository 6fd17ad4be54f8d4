/* Calendars and schedules shared read-only between threads.
 *
 * One GB (SEC) calendar for 1971-2100 and two schedules of the User Entry
 * Process (forward and backward) are built once and then only read. Each
 * of 8 threads has its own list of jobs, drawn from a seeded generator:
 * working-day queries (add, count, roll, is-working and their batch
 * forms), calendar reads, schedule reads (tasks, drivers, explanations,
 * critical paths) and rendering (text, JSON, SVG) into the thread's own
 * sink. Every job folds its answers, error codes included, into a 64-bit
 * FNV-1a hash. The hashes are first computed on one thread; then the 8
 * threads start together, run their lists several times, and every hash
 * must equal the single-threaded one.
 *
 * CI also runs this test under ThreadSanitizer (clang -fsanitize=thread),
 * which fails it on any data race inside libukwd. */
#include <pthread.h>
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

#define NTHREADS 8
#define JOBS     24 /* per thread */
#define ROUNDS   3  /* times each thread runs its list */
#define QUERIES  64 /* per working-day job */
#define BATCH    256

enum job_kind {
	JOB_WORKDAY,
	JOB_BATCH,
	JOB_CALENDAR,
	JOB_SCHEDULE,
	JOB_RENDER_TEXT,
	JOB_RENDER_JSON,
	JOB_RENDER_SVG,
	JOB_KINDS
};

static const char *const kind_names[JOB_KINDS] = {
    "workday",     "batch",       "calendar",  "schedule",
    "render text", "render json", "render svg"};

struct job {
	enum job_kind kind;
	uint64_t seed;
};

/* The shared, immutable objects. */
static ukwd_calendar *cal;
static ukwd_plan *plan;
static ukwd_schedule *sched[2]; /* forward, backward */
static ukwd_date cal_first, cal_last;

/* A thread's work, its expected hashes and what it found. */
struct worker {
	int index;
	struct job jobs[JOBS];
	uint64_t expected[JOBS];
	uint64_t got[JOBS];
	int mismatches, first_bad_job, first_bad_round;
	size_t render_bytes;
	pthread_t thread;
	pthread_barrier_t *barrier;
};

/* ------------------------------------------------------------------ */
/* Hashing and a deterministic generator */

#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME  UINT64_C(0x100000001b3)

static uint64_t
hash_bytes(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= FNV_PRIME;
	}
	return h;
}

static uint64_t
hash_int(uint64_t h, int64_t v)
{
	return hash_bytes(h, &v, sizeof(v));
}

/* Mostly inside the calendar, sometimes just outside (UKWD_ERANGE). */
static ukwd_date
random_date(struct test_rng *state)
{
	return (int32_t)test_rng_between(state, cal_first - 10, cal_last + 10);
}

static int32_t
random_n(struct test_rng *state)
{
	switch (test_rng_next(state) % 8) {
	case 0:
		return (int32_t)test_rng_between(state, -40000, 40000);
	case 1:
		return (test_rng_next(state) & 1) ? INT32_MAX : INT32_MIN;
	default:
		return (int32_t)test_rng_between(state, -300, 300);
	}
}

/* ------------------------------------------------------------------ */
/* Jobs */

static uint64_t
job_workday(uint64_t seed)
{
	uint64_t h = FNV_OFFSET;
	struct test_rng state = {seed};

	for (int q = 0; q < QUERIES; q++) {
		ukwd_date d = random_date(&state), e = random_date(&state);
		ukwd_date out = -1;
		int32_t n = random_n(&state), count = -1;
		int rc;

		h = hash_int(h, ukwd_workday_is_working(cal, d));
		rc = ukwd_workday_add(&out, cal, d, n);
		h = hash_int(hash_int(h, rc), out);
		rc = ukwd_workday_count(&count, cal, d, e);
		h = hash_int(hash_int(h, rc), count);
		rc = ukwd_workday_count_inclusive(&count, cal, d, e);
		h = hash_int(hash_int(h, rc), count);
		for (int conv = 0; conv < 4; conv++) {
			rc = ukwd_workday_roll(&out, cal, d, (ukwd_roll)conv);
			h = hash_int(hash_int(h, rc), out);
		}
		rc = ukwd_workday_next(&out, cal, d);
		h = hash_int(hash_int(h, rc), out);
		rc = ukwd_workday_prev(&out, cal, d);
		h = hash_int(hash_int(h, rc), out);
	}
	return h;
}

static uint64_t
job_batch(uint64_t seed)
{
	ukwd_date from[BATCH], to[BATCH], dates[BATCH];
	int32_t n[BATCH], counts[BATCH];
	unsigned char working[BATCH];
	int status[BATCH];
	uint64_t h = FNV_OFFSET;
	struct test_rng state = {seed};
	int rc;

	for (size_t i = 0; i < BATCH; i++) {
		from[i] = random_date(&state);
		to[i] = random_date(&state);
		n[i] = random_n(&state);
	}
	rc = ukwd_workday_is_working_batch(working, status, cal, from, BATCH);
	h = hash_int(h, rc);
	h = hash_bytes(h, working, sizeof(working));
	h = hash_bytes(h, status, sizeof(status));
	rc = ukwd_workday_add_batch(dates, status, cal, from, n, BATCH);
	h = hash_int(h, rc);
	h = hash_bytes(h, dates, sizeof(dates));
	h = hash_bytes(h, status, sizeof(status));
	rc = ukwd_workday_count_batch(counts, status, cal, from, to, BATCH);
	h = hash_int(h, rc);
	h = hash_bytes(h, counts, sizeof(counts));
	h = hash_bytes(h, status, sizeof(status));
	return h;
}

static int
hash_holiday(ukwd_date d, const char *name, void *payload)
{
	uint64_t *h = payload;

	*h = hash_int(*h, d);
	*h = hash_bytes(*h, name, strlen(name) + 1);
	return 0;
}

static uint64_t
job_calendar(uint64_t seed)
{
	uint64_t h = FNV_OFFSET;
	struct test_rng state = {seed};
	ukwd_date first, last, from, to;

	ukwd_calendar_range(cal, &first, &last);
	h = hash_int(hash_int(h, first), last);
	h = hash_int(h, (int64_t)ukwd_calendar_weekend(cal));
	for (int q = 0; q < QUERIES; q++) {
		ukwd_date d = random_date(&state);
		const char *name = ukwd_calendar_holiday_name(cal, d);

		h = hash_int(h, ukwd_calendar_provenance(cal, d));
		h = name ? hash_bytes(h, name, strlen(name) + 1)
		         : hash_int(h, -1);
	}
	from = (int32_t)test_rng_between(&state, cal_first, cal_last);
	to = from + (int32_t)test_rng_between(&state, 0, 3 * 366);
	{
		uint64_t walked = h;
		int rc = ukwd_calendar_foreach_holiday(cal, from, to,
		                                       hash_holiday, &walked);

		h = hash_int(walked, rc);
	}
	return h;
}

static uint64_t
job_schedule(uint64_t seed)
{
	uint64_t h = FNV_OFFSET;
	struct test_rng state = {seed};
	const ukwd_schedule *s = sched[test_rng_next(&state) & 1];
	size_t ntasks = ukwd_schedule_task_count(s), npaths, count;
	ukwd_date start = 0, finish = 0;
	int32_t days = 0;
	const size_t *tasks;
	char text[512];
	int rc;

	rc = ukwd_schedule_span(&start, &finish, &days, s);
	h = hash_int(hash_int(hash_int(hash_int(h, rc), start), finish), days);
	for (size_t k = 0; k < ntasks + 1; k++) {
		/* One index past the end: UKWD_ENOTFOUND. */
		size_t t = (size_t)(test_rng_next(&state) % (ntasks + 1));
		ukwd_scheduled_task st;
		ukwd_driver drv;
		size_t length = 0;

		memset(&st, 0, sizeof(st));
		rc = ukwd_schedule_task(&st, s, t);
		h = hash_int(h, rc);
		h = hash_bytes(h, &st, sizeof(st));
		for (int side = 0; side < 2; side++) {
			memset(&drv, 0, sizeof(drv));
			rc = ukwd_schedule_driver(&drv, s, t,
			                          (ukwd_schedule_side)side);
			h = hash_int(h, rc);
			h = hash_int(h, drv.kind);
			h = hash_int(h, (int64_t)drv.task);
			h = hash_int(h, drv.bound_date);
			text[0] = '\0';
			rc = ukwd_schedule_explain(text, sizeof(text), &length,
			                           s, t,
			                           (ukwd_schedule_side)side);
			h = hash_int(hash_int(h, rc), (int64_t)length);
			h = hash_bytes(h, text, strlen(text));
		}
	}
	npaths = ukwd_schedule_critical_path_count(s);
	h = hash_int(h, (int64_t)npaths);
	for (size_t p = 0; p < npaths; p++) {
		rc = ukwd_schedule_critical_path(&tasks, &count, s, p);
		h = hash_int(hash_int(h, rc), (int64_t)count);
		h = hash_bytes(h, tasks, count * sizeof(*tasks));
	}
	rc = ukwd_schedule_negative_float(&tasks, &count, s);
	h = hash_int(hash_int(h, rc), (int64_t)count);
	return h;
}

/* A sink of the thread's own: hashes the bytes as they come. */
struct sink {
	uint64_t hash;
	size_t bytes;
	int svg_closed; /* saw "</svg>" */
};

static int
hash_sink(const char *buf, size_t len, void *payload)
{
	struct sink *sink = payload;

	sink->hash = hash_bytes(sink->hash, buf, len);
	sink->bytes += len;
	return 0;
}

static uint64_t
job_render(enum job_kind kind, uint64_t seed, size_t *bytes)
{
	struct test_rng state = {seed};
	int which = (int)(test_rng_next(&state) & 1);
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	struct sink sink = {FNV_OFFSET, 0, 0};
	int rc;

	options.ascii = (int)(test_rng_next(&state) & 1);
	options.width = (int32_t)test_rng_between(&state, 60, 160);
	options.today = (int32_t)test_rng_between(&state, 17000, 17600);
	options.flags = UKWD_RENDER_SOURCES;
	options.title = "User Entry Process";
	switch (kind) {
	case JOB_RENDER_TEXT:
		rc = ukwd_render_text(sched[which], &options, hash_sink, &sink);
		break;
	case JOB_RENDER_JSON:
		rc = ukwd_render_json(sched[which], &options, hash_sink, &sink);
		break;
	default:
		options.width = 0;
		rc = ukwd_render_svg(sched[which], &options, hash_sink, &sink);
		break;
	}
	*bytes += sink.bytes;
	return hash_int(hash_int(sink.hash, rc), (int64_t)sink.bytes);
}

static uint64_t
run_job(const struct job *job, size_t *render_bytes)
{
	switch (job->kind) {
	case JOB_WORKDAY:
		return job_workday(job->seed);
	case JOB_BATCH:
		return job_batch(job->seed);
	case JOB_CALENDAR:
		return job_calendar(job->seed);
	case JOB_SCHEDULE:
		return job_schedule(job->seed);
	default:
		return job_render(job->kind, job->seed, render_bytes);
	}
}

/* Each thread's list: every kind at least twice, the rest random, in a
 * shuffled order, so that threads run different code at the same time. */
static void
make_jobs(struct worker *w)
{
	struct test_rng state = {UINT64_C(0x756b7764) + (uint64_t)w->index};

	for (int j = 0; j < JOBS; j++) {
		w->jobs[j].kind =
		    j < 2 * JOB_KINDS
		        ? (enum job_kind)(j % JOB_KINDS)
		        : (enum job_kind)(test_rng_next(&state) % JOB_KINDS);
		w->jobs[j].seed = test_rng_next(&state);
	}
	for (int j = JOBS - 1; j > 0; j--) {
		int k = (int)(test_rng_next(&state) % (uint64_t)(j + 1));
		struct job tmp = w->jobs[j];

		w->jobs[j] = w->jobs[k];
		w->jobs[k] = tmp;
	}
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;

	pthread_barrier_wait(w->barrier);
	for (int round = 0; round < ROUNDS; round++) {
		for (int j = 0; j < JOBS; j++) {
			w->got[j] = run_job(&w->jobs[j], &w->render_bytes);
			if (w->got[j] != w->expected[j] &&
			    w->mismatches++ == 0) {
				w->first_bad_job = j;
				w->first_bad_round = round;
			}
		}
	}
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Fixtures and tests */

static int
setup(void **state)
{
	ukwd_uep_options uep = UKWD_UEP_OPTIONS_INIT;
	ukwd_schedule_options backward = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_date start, mandate;

	(void)state;
	/* Two roles and Credit Cover: per-role copies, more links. */
	uep.roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_GAS_SUPPLIER;
	uep.credit_cover = 1;
	if (ukwd_calendar_new_sec(&cal, 1971, 2100) ||
	    ukwd_uep_build_plan(&plan, &uep, NULL) ||
	    ukwd_date_from_ymd(&start, 2017, 1, 3) ||
	    ukwd_uep_mandate_date(&mandate, UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER))
		return -1;
	backward.direction = UKWD_SCHEDULE_BACKWARD;
	if (ukwd_schedule_new(&sched[0], plan, cal, start, NULL, NULL) ||
	    ukwd_schedule_new(&sched[1], plan, cal, mandate, &backward, NULL))
		return -1;
	ukwd_calendar_range(cal, &cal_first, &cal_last);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	ukwd_schedule_free(sched[0]);
	ukwd_schedule_free(sched[1]);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
	return 0;
}

/* The reference run: on this thread, twice, the same; the jobs really
 * look at their inputs (different seeds give different hashes) and the
 * renderers write something. */
static void
test_threads__reference_is_deterministic(void **state)
{
	static struct worker workers[NTHREADS];
	size_t bytes = 0;

	(void)state;
	assert_true(ukwd_schedule_task_count(sched[0]) > 10);
	for (int i = 0; i < NTHREADS; i++) {
		workers[i].index = i;
		make_jobs(&workers[i]);
		for (int j = 0; j < JOBS; j++) {
			size_t before = bytes;

			workers[i].expected[j] =
			    run_job(&workers[i].jobs[j], &bytes);
			assert_int_equal(run_job(&workers[i].jobs[j], &bytes),
			                 workers[i].expected[j]);
			if (workers[i].jobs[j].kind >= JOB_RENDER_TEXT)
				assert_true(bytes - before > 2 * 1000);
		}
	}
	for (int k = 0; k < JOB_KINDS; k++) {
		struct job a = {(enum job_kind)k, 1}, b = {(enum job_kind)k, 2};

		assert_true(run_job(&a, &bytes) != run_job(&b, &bytes));
	}
}

static void
test_threads__eight_threads_match_single_threaded(void **state)
{
	static struct worker workers[NTHREADS];
	pthread_barrier_t barrier;
	size_t bytes = 0;
	int bad = 0;

	(void)state;
	/* Single-threaded first: no other thread is running yet. */
	for (int i = 0; i < NTHREADS; i++) {
		workers[i].index = i;
		make_jobs(&workers[i]);
		for (int j = 0; j < JOBS; j++)
			workers[i].expected[j] =
			    run_job(&workers[i].jobs[j], &bytes);
		workers[i].barrier = &barrier;
	}
	assert_int_equal(pthread_barrier_init(&barrier, NULL, NTHREADS), 0);
	for (int i = 0; i < NTHREADS; i++)
		assert_int_equal(pthread_create(&workers[i].thread, NULL,
		                                worker_main, &workers[i]),
		                 0);
	for (int i = 0; i < NTHREADS; i++)
		assert_int_equal(pthread_join(workers[i].thread, NULL), 0);
	pthread_barrier_destroy(&barrier);
	for (int i = 0; i < NTHREADS; i++) {
		struct worker *w = &workers[i];

		if (w->mismatches == 0)
			continue;
		bad++;
		fprintf(stderr,
		        "# thread %d: %d wrong answers, first in round %d, job "
		        "%d (%s)\n",
		        i, w->mismatches, w->first_bad_round, w->first_bad_job,
		        kind_names[w->jobs[w->first_bad_job].kind]);
	}
	assert_int_equal(bad, 0);
	for (int i = 0; i < NTHREADS; i++)
		assert_true(workers[i].render_bytes > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_threads__reference_is_deterministic),
	    cmocka_unit_test(test_threads__eight_threads_match_single_threaded),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
