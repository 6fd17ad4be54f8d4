/*
 * Benchmark (issue 13, item 4): importing a GOV.UK bank-holidays.json of
 * many events. Run with `meson test -C build --benchmark govuk-json
 * --verbose`.
 *
 * The file has GOV.UK's shape: {"england-and-wales":{"division":..,
 * "events":[{"title":..,"date":..,"notes":..,"bunting":..},..]},
 * "scotland":{..},"northern-ireland":{..}}, with repeated titles (one with
 * a \u escape), notes on some events and one event every third day from
 * 0001-01-01. It is generated with 100,000 and 1,000,000 events in
 * england-and-wales, in ascending and in descending date order, and
 * imported (ukwd_govuk_json_import, UKWD_UK_ENGLAND_WALES) into a builder
 * for 0001-9999, which is then built.
 *
 * Each case runs in a child process of its own; the child reports the
 * seconds of the import and of import + build (generating the text is
 * not counted), the parent its peak resident memory (wait4()), beside
 * the size of the file.
 *
 * Target: 1,000,000 events in either order imported and built in at most
 * 1 s. The exit status is 1 if a 1,000,000-event case misses it.
 */
#define _DEFAULT_SOURCE /* wait4() */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <ukwd.h>

#define TARGET_SECONDS 1.0
#define TARGET_EVENTS  1000000

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The process's CPU seconds (user + system): on a busy machine the wall
 * time also counts other processes' turns. */
static double
cpu_seconds(void)
{
	struct rusage usage;

	getrusage(RUSAGE_SELF, &usage);
	return (double)usage.ru_utime.tv_sec + (double)usage.ru_stime.tv_sec +
	       ((double)usage.ru_utime.tv_usec +
	        (double)usage.ru_stime.tv_usec) /
	           1e6;
}

static const char *const titles[] = {
    "New Year\\u2019s Day",   "Good Friday",         "Easter Monday",
    "Early May bank holiday", "Spring bank holiday", "Summer bank holiday",
    "Christmas Day",          "Boxing Day",
};

/* The file, with `events` events in england-and-wales. */
static char *
govuk_json(size_t events, int descending, size_t *len)
{
	static const char tail[] =
	    "]},\"scotland\":{\"division\":\"scotland\",\"events\":[{\"title\":"
	    "\"St Andrew\\u2019s Day\",\"date\":\"2015-11-30\",\"notes\":\"\","
	    "\"bunting\":true}]},\"northern-ireland\":{\"division\":"
	    "\"northern-ireland\",\"events\":[{\"title\":\"Battle of the "
	    "Boyne (Orangemen\\u2019s Day)\",\"date\":\"2015-07-13\",\"notes\":"
	    "\"Substitute day\",\"bunting\":false}]}}\n";
	size_t cap = 128 + events * 120 + sizeof(tail), at;
	char *text = malloc(cap);

	if (!text)
		return NULL;
	at = (size_t)snprintf(text, cap,
	                      "{\"england-and-wales\":{\"division\":"
	                      "\"england-and-wales\",\"events\":[");
	for (size_t i = 0; i < events; i++) {
		size_t k = descending ? events - 1 - i : i;
		char date[UKWD_DATE_STRLEN];

		ukwd_date_format(date, sizeof(date),
		                 (ukwd_date)(UKWD_DATE_MIN + 3 * (ukwd_date)k));
		at += (size_t)snprintf(
		    text + at, cap - at,
		    "%s{\"title\":\"%s\",\"date\":\"%s\",\"notes\":\"%s\","
		    "\"bunting\":%s}",
		    i ? "," : "", titles[k % 8], date,
		    k % 5 == 0 ? "Substitute day" : "",
		    k % 3 ? "true" : "false");
	}
	memcpy(text + at, tail, sizeof(tail));
	*len = at + sizeof(tail) - 1;
	return text;
}

/* In the child: import and build; writes the times to `fd`: import,
 * import + build, and the CPU seconds of import + build. */
static int
run_case(size_t events, int descending, int fd)
{
	ukwd_calendar_builder *b;
	ukwd_calendar *cal;
	ukwd_diag diag;
	double times[3], start, cpu_start;
	size_t len;
	char *text = govuk_json(events, descending, &len);
	int rc;

	if (!text || ukwd_calendar_builder_new(&b) ||
	    ukwd_calendar_builder_set_range(b, UKWD_DATE_MIN, UKWD_DATE_MAX))
		return 1;
	start = now();
	cpu_start = cpu_seconds();
	rc = ukwd_govuk_json_import(b, text, len, UKWD_UK_ENGLAND_WALES, 0,
	                            &diag);
	times[0] = now() - start;
	free(text);
	if (rc) {
		fprintf(stderr, "import: %s (line %d)\n", diag.message,
		        diag.line);
		return 1;
	}
	rc = ukwd_calendar_build(&cal, b, &diag);
	times[1] = now() - start;
	times[2] = cpu_seconds() - cpu_start;
	ukwd_calendar_builder_free(b);
	if (rc) {
		fprintf(stderr, "build: %s\n", diag.message);
		return 1;
	}
	ukwd_calendar_free(cal);
	if (write(fd, times, sizeof(times)) != (ssize_t)sizeof(times))
		return 1;
	return 0;
}

/* Runs one case in a child; returns 1 if a 1 M case missed the target. */
static int
run(size_t events, int descending)
{
	double times[3] = {0, 0, 0};
	struct rusage usage;
	int pipefd[2], status = 0;
	size_t len = 0;
	char *text = govuk_json(events, descending, &len);
	pid_t pid;

	free(text);
	if (pipe(pipefd))
		return 1;
	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		close(pipefd[0]);
		_exit(run_case(events, descending, pipefd[1]));
	}
	close(pipefd[1]);
	if (read(pipefd[0], times, sizeof(times)) != (ssize_t)sizeof(times))
		times[0] = -1;
	close(pipefd[0]);
	if (wait4(pid, &status, 0, &usage) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || times[0] < 0) {
		printf("%9zu events %-10s  FAILED (status %d)\n", events,
		       descending ? "descending" : "ascending", status);
		return 1;
	}
	printf(
	    "%9zu events %-10s  file %6.1f MB  import %7.3f s  "
	    "import+build %7.3f s (CPU %6.3f s)  peak %7.1f MB%s\n",
	    events, descending ? "descending" : "ascending", (double)len / 1e6,
	    times[0], times[1], times[2], (double)usage.ru_maxrss / 1024.0,
	    events >= TARGET_EVENTS
	        ? (times[1] <= TARGET_SECONDS ? "  goal met" : "  goal MISSED")
	        : "");
	fflush(stdout);
	return events >= TARGET_EVENTS && times[1] > TARGET_SECONDS;
}

int
main(int argc, char **argv)
{
	size_t sizes[2] = {100000, TARGET_EVENTS};
	int missed = 0;

	/* A first argument replaces the larger size (e.g. to measure code
	 * too slow for 1 M). */
	if (argc > 1)
		sizes[1] = (size_t)strtoul(argv[1], NULL, 10);
	if (!ukwd_has_feature(UKWD_FEATURE_JSON)) {
		printf("built without GOV.UK JSON support: skipped\n");
		return 77;
	}
	printf("GOV.UK JSON import (goal: %d events in either order, "
	       "import + build <= %.1f s; peak = the child's maximum "
	       "resident set, file text included)\n",
	       TARGET_EVENTS, TARGET_SECONDS);
	for (size_t s = 0; s < 2; s++)
		for (int descending = 0; descending <= 1; descending++)
			missed |= run(sizes[s], descending);
	printf("goal (1 M events <= %.1f s, either order): %s\n",
	       TARGET_SECONDS, missed ? "MISSED" : "met");
	return missed;
}
