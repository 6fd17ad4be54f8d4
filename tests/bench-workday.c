/*
 * Benchmark: working-day queries over a 1971-2100 calendar with about nine
 * holidays a year. Run with `meson test -C build --benchmark --verbose`.
 *
 * Prints ns per query for count, add (|n| <= 500 and |n| <= 20,000),
 * is-working, their batch variants and calendar build, and compares count
 * and add with a day-by-day reference loop on a subset.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ukwd.h>

#include "test-util.h"

#ifndef BENCH_LINKAGE
#define BENCH_LINKAGE "unknown linkage"
#endif

#define QUERIES           10000000
#define REFERENCE_QUERIES 20000
#define BUILDS            2000

static struct test_rng rng = {0x2017112520180831u};

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static ukwd_date
ymd(int y, int m, int d)
{
	ukwd_date out = 0;

	ukwd_date_from_ymd(&out, y, m, d);
	return out;
}

/* First Monday on or after d. */
static ukwd_date
monday_on_or_after(ukwd_date d)
{
	return d + (8 - ukwd_date_weekday(d)) % 7;
}

static ukwd_calendar_builder *
make_builder(void)
{
	ukwd_calendar_builder *b;

	if (ukwd_calendar_builder_new(&b))
		exit(2);
	ukwd_calendar_builder_set_range(b, ymd(1971, 1, 1), ymd(2100, 12, 31));
	for (int y = 1971; y <= 2100; y++) {
		ukwd_date easter;

		ukwd_easter_sunday(&easter, y);
		ukwd_calendar_builder_add_holiday(b, ymd(y, 1, 1), "New Year");
		ukwd_calendar_builder_add_holiday(b, easter - 2, "Good Friday");
		ukwd_calendar_builder_add_holiday(b, easter + 1,
		                                  "Easter Monday");
		ukwd_calendar_builder_add_holiday(
		    b, monday_on_or_after(ymd(y, 5, 1)), "Early May");
		ukwd_calendar_builder_add_holiday(
		    b, monday_on_or_after(ymd(y, 5, 25)), "Spring");
		ukwd_calendar_builder_add_holiday(
		    b, monday_on_or_after(ymd(y, 8, 25)), "Summer");
		ukwd_calendar_builder_add_holiday(b, ymd(y, 12, 25),
		                                  "Christmas");
		ukwd_calendar_builder_add_holiday(b, ymd(y, 12, 26), "Boxing");
		ukwd_calendar_builder_add_holiday(
		    b, ymd(y, 1, 1) + (int32_t)test_rng_between(&rng, 0, 364),
		    "One-off");
	}
	return b;
}

/* The obvious loops, for comparison. */
static int32_t
reference_count(const ukwd_calendar *cal, ukwd_date from, ukwd_date to)
{
	int32_t n = 0;

	for (ukwd_date d = from < to ? from : to; d < (from < to ? to : from);
	     d++)
		n += ukwd_workday_is_working(cal, d);
	return from <= to ? n : -n;
}

static ukwd_date
reference_add(const ukwd_calendar *cal, ukwd_date from, int32_t n)
{
	int step = n > 0 ? 1 : -1;
	ukwd_date d = from;

	for (int32_t left = n > 0 ? n : -n; left > 0;) {
		int w;

		d += step;
		w = ukwd_workday_is_working(cal, d);

		if (w < 0)
			return 0; /* left the range */
		left -= w;
	}
	return d;
}

static void
report(const char *what, double ns, long queries, double reference_ns)
{
	if (reference_ns > 0)
		printf("%-40s %8.2f ns/query   reference %9.1f ns/query "
		       "(%.0fx faster)\n",
		       what, ns / (double)queries, reference_ns,
		       reference_ns / (ns / (double)queries));
	else
		printf("%-40s %8.2f ns/query\n", what, ns / (double)queries);
}

int
main(void)
{
	ukwd_calendar_builder *b = make_builder();
	ukwd_calendar *cal = NULL;
	ukwd_date first = ymd(1971, 1, 1), last = ymd(2100, 12, 31);
	ukwd_date *from = malloc(QUERIES * sizeof(*from));
	ukwd_date *to = malloc(QUERIES * sizeof(*to));
	int32_t *n = malloc(QUERIES * sizeof(*n));
	int32_t *counts = malloc(QUERIES * sizeof(*counts));
	ukwd_date *dates = malloc(QUERIES * sizeof(*dates));
	unsigned char *flags = malloc(QUERIES);
	uint64_t checksum = 0;
	double t0, t, ref_count_ns, ref_add_ns;
	long failures = 0;

	if (!from || !to || !n || !counts || !dates || !flags)
		return 2;
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* Fault the pages in now, so no timing below pays for it. */
	memset(counts, 0, QUERIES * sizeof(*counts));
	memset(dates, 0, QUERIES * sizeof(*dates));
	memset(flags, 0, QUERIES);

	t0 = now_ns();
	for (int i = 0; i < BUILDS; i++) {
		ukwd_calendar_free(cal);
		if (ukwd_calendar_build(&cal, b, NULL))
			return 2;
	}
	t = now_ns() - t0;
	printf("libukwd %s, %s\n", ukwd_version(), BENCH_LINKAGE);
	printf("calendar 1971-2100, %d days\n", (int)(last - first + 1));
	printf("%-40s %8.1f us/build\n", "build", t / BUILDS / 1000.0);
	t0 = now_ns();
	for (int i = 0; i < BUILDS; i++) {
		ukwd_calendar *uk;

		if (ukwd_calendar_new_uk(&uk, UKWD_UK_GB, 1971, 2100))
			return 2;
		ukwd_calendar_free(uk);
	}
	t = now_ns() - t0;
	printf("%-40s %8.1f us/build\n", "UK calendar, GB 1971-2100 (rules)",
	       t / BUILDS / 1000.0);
	t0 = now_ns();
	for (int i = 0; i < 20; i++) {
		ukwd_calendar *uk;

		if (ukwd_calendar_new_uk(&uk, UKWD_UK_ALL, 1971, 9999))
			return 2;
		ukwd_calendar_free(uk);
	}
	t = now_ns() - t0;
	printf("%-40s %8.1f ms/build\n", "UK calendar, UK 1971-9999 (rules)",
	       t / 20 / 1e6);

	/* count: random spans across the whole range (both directions). */
	for (long i = 0; i < QUERIES; i++) {
		from[i] = (int32_t)test_rng_between(&rng, first, last + 1);
		to[i] = (int32_t)test_rng_between(&rng, first, last + 1);
	}
	t0 = now_ns();
	for (long i = 0; i < REFERENCE_QUERIES; i++)
		checksum += (uint64_t)reference_count(cal, from[i], to[i]);
	ref_count_ns = (now_ns() - t0) / REFERENCE_QUERIES;
	for (long i = 0; i < REFERENCE_QUERIES; i++) {
		int32_t c;

		ukwd_workday_count(&c, cal, from[i], to[i]);
		if (c != reference_count(cal, from[i], to[i]))
			failures++;
	}
	t0 = now_ns();
	for (long i = 0; i < QUERIES; i++) {
		int32_t c = 0;

		failures += ukwd_workday_count(&c, cal, from[i], to[i]) != 0;
		checksum += (uint64_t)c;
	}
	report("count, random spans", now_ns() - t0, QUERIES, ref_count_ns);
	t0 = now_ns();
	failures +=
	    ukwd_workday_count_batch(counts, NULL, cal, from, to, QUERIES) != 0;
	report("count_batch", now_ns() - t0, QUERIES, 0);
	for (long i = 0; i < QUERIES; i++)
		checksum += (uint64_t)counts[i];

	/* add, |n| <= 500, from dates far enough from the ends. */
	for (long i = 0; i < QUERIES; i++) {
		from[i] =
		    (int32_t)test_rng_between(&rng, first + 800, last - 800);
		n[i] = (int32_t)test_rng_between(&rng, -500, 500);
	}
	t0 = now_ns();
	for (long i = 0; i < REFERENCE_QUERIES; i++)
		checksum += (uint64_t)reference_add(cal, from[i], n[i]);
	ref_add_ns = (now_ns() - t0) / REFERENCE_QUERIES;
	for (long i = 0; i < REFERENCE_QUERIES; i++) {
		ukwd_date d;

		if (n[i] && (ukwd_workday_add(&d, cal, from[i], n[i]) ||
		             d != reference_add(cal, from[i], n[i])))
			failures++;
	}
	t0 = now_ns();
	for (long i = 0; i < QUERIES; i++) {
		ukwd_date d = 0;

		(void)ukwd_workday_add(&d, cal, from[i], n[i]);
		checksum += (uint64_t)d;
	}
	report("add, |n| <= 500", now_ns() - t0, QUERIES, ref_add_ns);
	t0 = now_ns();
	(void)ukwd_workday_add_batch(dates, NULL, cal, from, n, QUERIES);
	report("add_batch, |n| <= 500", now_ns() - t0, QUERIES, 0);
	for (long i = 0; i < QUERIES; i++)
		checksum += (uint64_t)dates[i];

	/* add, |n| <= 20,000. */
	/* 20,000 working days is about 28,000 calendar days, more than half
	 * the range: start far enough from the end the add goes towards
	 * (1.5 calendar days per working day is a safe bound) so that every
	 * answer is in range. */
	for (long i = 0; i < QUERIES; i++) {
		int32_t reach;

		n[i] = (int32_t)test_rng_between(&rng, 1, 20000);
		reach = n[i] + n[i] / 2;
		if (test_rng_next(&rng) & 1) {
			from[i] = (int32_t)test_rng_between(&rng, first,
			                                    last - reach);
		} else {
			from[i] = (int32_t)test_rng_between(&rng, first + reach,
			                                    last);
			n[i] = -n[i];
		}
	}
	t0 = now_ns();
	for (long i = 0; i < REFERENCE_QUERIES / 20; i++)
		checksum += (uint64_t)reference_add(cal, from[i], n[i]);
	ref_add_ns = (now_ns() - t0) / (REFERENCE_QUERIES / 20);
	for (long i = 0; i < REFERENCE_QUERIES / 20; i++) {
		ukwd_date d;

		if (ukwd_workday_add(&d, cal, from[i], n[i]) ||
		    d != reference_add(cal, from[i], n[i]))
			failures++;
	}
	t0 = now_ns();
	for (long i = 0; i < QUERIES; i++) {
		ukwd_date d = 0;

		failures += ukwd_workday_add(&d, cal, from[i], n[i]) != 0;
		checksum += (uint64_t)d;
	}
	report("add, |n| <= 20,000", now_ns() - t0, QUERIES, ref_add_ns);
	t0 = now_ns();
	failures +=
	    ukwd_workday_add_batch(dates, NULL, cal, from, n, QUERIES) != 0;
	report("add_batch, |n| <= 20,000", now_ns() - t0, QUERIES, 0);
	for (long i = 0; i < QUERIES; i++)
		checksum += (uint64_t)dates[i];

	/* is-working. */
	for (long i = 0; i < QUERIES; i++)
		dates[i] = (int32_t)test_rng_between(&rng, first, last);
	t0 = now_ns();
	for (long i = 0; i < QUERIES; i++)
		checksum += (uint64_t)ukwd_workday_is_working(cal, dates[i]);
	report("is_working", now_ns() - t0, QUERIES, 0);
	t0 = now_ns();
	failures += ukwd_workday_is_working_batch(flags, NULL, cal, dates,
	                                          QUERIES) != 0;
	report("is_working_batch", now_ns() - t0, QUERIES, 0);
	for (long i = 0; i < QUERIES; i++)
		checksum += flags[i];

	printf("checksum %llu, mismatches against the reference %ld\n",
	       (unsigned long long)checksum, failures);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
	free(from);
	free(to);
	free(n);
	free(counts);
	free(dates);
	free(flags);
	return failures ? 1 : 0;
}
