/*
 * Benchmark: ukwd_render_csv and ukwd_render_json of a 1,000,000-task
 * network with about three predecessors each (3,000,000 links: a random
 * DAG over the 2,000 tasks before each task, fixed seed, as
 * tests/gen-core-plan.py writes it), scheduled forward over the GB
 * calendar 1971-9999. Run with
 * `meson test -C build --benchmark --verbose render`.
 *
 * The plan is built through the plan API and scheduled once, untimed.
 * Each renderer then writes to a sink that only counts the bytes, best of
 * three, with the options ukwd-plan --tasks FILE --start DATE gives it; the
 * benchmark prints wall-clock and CPU seconds for each, and MB/s of CPU
 * time (steadier than the wall clock on a busy machine). One task in 1,000 has
 * a name that needs quoting or escaping (a comma, a quote, a newline, a
 * non-ASCII letter, an ill-formed byte) and one in 100 a source, so the
 * slow paths are in the figures too, in the proportion real plans have
 * them or more.
 *
 * A last, untimed pass of each renderer hashes its output (FNV-1a, 64
 * bits) and prints the hash: the same hash before and after a change to
 * the renderers means the same bytes.
 *
 * An optional first argument sets the number of tasks.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ukwd.h>

#include "test-util.h"

#define REPEATS 3
#define WINDOW  2000

static struct test_rng rng;

static double
seconds(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
fail(const char *what, const ukwd_diag *diag)
{
	fprintf(stderr, "bench-render-rows: %s: %s\n", what,
	        diag ? diag->message : "failed");
	exit(2);
}

static ukwd_plan *
plan_build(size_t n)
{
	static const char *const odd_names[] = {
	    "Review, then sign", "The \"final\" check", "Two\nlines",
	    "Caf\xc3\xa9 opening", "Bad \xff byte"};
	ukwd_plan *plan = NULL;
	ukwd_diag diag;

	rng.state = 0x2024010120240101u;
	if (ukwd_plan_new(&plan))
		fail("ukwd_plan_new", NULL);
	for (size_t t = 0; t < n; t++) {
		char id[32], name[64];
		uint32_t window = t < WINDOW ? (uint32_t)t : WINDOW;
		size_t preds[3];
		int npreds = 0;

		snprintf(id, sizeof(id), "t%zu", t);
		if (t % 1000 == 999)
			snprintf(name, sizeof(name), "%s %zu",
			         odd_names[t / 1000 % 5], t);
		else
			snprintf(name, sizeof(name), "Task %zu", t);
		if (ukwd_plan_add_task(
		        NULL, plan, id, name,
		        (int32_t)(1 + (uint32_t)test_rng_below(&rng, 10)),
		        &diag))
			fail("ukwd_plan_add_task", &diag);
		if (t % 100 == 7 &&
		    ukwd_plan_set_task_source(
		        plan, t,
		        &(ukwd_source){UKWD_SOURCE_PROPOSED, "our estimate",
		                       "H14.5"}))
			fail("ukwd_plan_set_task_source", NULL);
		for (int k = 0; window && k < 3; k++) {
			size_t pred =
			    t - 1 - (uint32_t)test_rng_below(&rng, window);
			int dup = 0;

			for (int j = 0; j < npreds; j++)
				dup |= preds[j] == pred;
			if (dup)
				continue;
			preds[npreds++] = pred;
			if (ukwd_plan_add_link(NULL, plan, pred, t,
			                       UKWD_LINK_FS, 0, NULL, &diag))
				fail("ukwd_plan_add_link", &diag);
		}
	}
	return plan;
}

struct counter {
	uint64_t bytes;
	uint64_t hash; /* FNV-1a when hashing */
	int hashing;
};

static int
count_sink(const char *buf, size_t len, void *payload)
{
	struct counter *c = payload;

	c->bytes += len;
	if (c->hashing)
		for (size_t i = 0; i < len; i++)
			c->hash =
			    (c->hash ^ (unsigned char)buf[i]) * 0x100000001b3u;
	return 0;
}

typedef int (*renderer)(const ukwd_schedule *, const ukwd_render_options *,
                        ukwd_sink, void *);

static void
run(const char *label, renderer render, const ukwd_schedule *sched,
    const ukwd_render_options *options)
{
	double best = 1e9, best_cpu = 1e9;
	struct counter c = {0, 0xcbf29ce484222325u, 0};

	for (int rep = 0; rep < REPEATS; rep++) {
		double t0, c0, t1, c1;

		c.bytes = 0;
		t0 = seconds(CLOCK_MONOTONIC);
		c0 = seconds(CLOCK_PROCESS_CPUTIME_ID);
		if (render(sched, options, count_sink, &c))
			fail(label, NULL);
		c1 = seconds(CLOCK_PROCESS_CPUTIME_ID);
		t1 = seconds(CLOCK_MONOTONIC);
		if (t1 - t0 < best)
			best = t1 - t0;
		if (c1 - c0 < best_cpu)
			best_cpu = c1 - c0;
	}
	c.hashing = 1;
	c.bytes = 0;
	if (render(sched, options, count_sink, &c))
		fail(label, NULL);
	printf("%-5s %8.1f MB in %6.3f s (CPU %6.3f s): %7.1f MB/s of CPU "
	       "(fnv1a %016llx)\n",
	       label, (double)c.bytes / 1e6, best, best_cpu,
	       (double)c.bytes / 1e6 / best_cpu, (unsigned long long)c.hash);
}

int
main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 1000000;
	ukwd_schedule_options sopts = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	ukwd_calendar *cal = NULL;
	ukwd_schedule *sched = NULL;
	ukwd_plan *plan;
	ukwd_diag diag;
	ukwd_date start;

	if (n == 0)
		n = 1;
	if (ukwd_calendar_new_uk(&cal, UKWD_UK_GB, 1971, 9999))
		fail("calendar", NULL);
	plan = plan_build(n);
	ukwd_date_from_ymd(&start, 2000, 1, 3);
	if (ukwd_schedule_new(&sched, plan, cal, start, &sopts, &diag))
		fail("ukwd_schedule_new", &diag);
	printf("%zu tasks, %zu links; best of %d, to a sink that counts "
	       "bytes\n",
	       ukwd_plan_task_count(plan), ukwd_plan_link_count(plan), REPEATS);
	run("csv", ukwd_render_csv, sched, &options);
	run("json", ukwd_render_json, sched, &options);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
	return 0;
}
