/*
 * Benchmark (issue 13, items 3 and 4): building calendars from many
 * holidays. Run with `meson test -C build --benchmark --verbose`.
 *
 * Each case runs in a child process of its own; the parent prints its
 * wall time and its peak resident memory (wait4()):
 *   - 1,000,000 holidays added with ukwd_calendar_builder_add_holiday in
 *     ascending and in descending date order, then built;
 *   - the same through the import path: a generated GOV.UK JSON file of
 *     1,000,000 events in each order (ukwd_govuk_json_import), built;
 *   - a generated iCalendar file of one all-day event from 1971 to 9999
 *     with a 300-byte title (ukwd_ical_import), built;
 *   - an iCalendar event of 29 years repeating weekly from 1972, into a
 *     calendar of 1971-1982: 574 instances, each over most of the rest of
 *     the range, so that a day is named up to 574 times (1.16 million days
 *     in all for 4,018).
 *
 * A first argument sets another count (at most 1,200,000), e.g. to measure
 * the code before this benchmark at a size it can finish.
 *
 * Target: 1,000,000 holidays in either order in at most 1 s. The exit
 * status is 1 if a builder or JSON case misses it (the iCalendar case is
 * reported, not judged: its expansion lives in lib/ical.c). The CPU time
 * (user + system) of each child is printed too: on a loaded machine it
 * is the steadier figure.
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

/* How many holidays; the first argument may change it. */
static size_t HOLIDAYS = 1000000;
#define TARGET_SECONDS 1.0

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
new_builder(ukwd_calendar_builder **b)
{
	if (ukwd_calendar_builder_new(b))
		return 1;
	return ukwd_calendar_builder_set_range(*b, UKWD_DATE_MIN,
	                                       UKWD_DATE_MAX) != 0;
}

static int
build_and_free(ukwd_calendar_builder *b)
{
	ukwd_calendar *cal;
	ukwd_diag diag;
	int rc = ukwd_calendar_build(&cal, b, &diag);

	ukwd_calendar_builder_free(b);
	if (rc) {
		fprintf(stderr, "build: %s\n", diag.message);
		return 1;
	}
	ukwd_calendar_free(cal);
	return 0;
}

/* Holiday i: every third day from 0001-01-01, ascending or descending. */
static ukwd_date
holiday(size_t i, int descending)
{
	size_t k = descending ? HOLIDAYS - 1 - i : i;

	return (ukwd_date)(UKWD_DATE_MIN + 3 * (ukwd_date)k);
}

static int
case_builder(int descending)
{
	ukwd_calendar_builder *b;

	if (new_builder(&b))
		return 1;
	for (size_t i = 0; i < HOLIDAYS; i++)
		if (ukwd_calendar_builder_add_holiday(b, holiday(i, descending),
		                                      "Holiday")) {
			ukwd_calendar_builder_free(b);
			return 1;
		}
	return build_and_free(b);
}

static char *
govuk_json(int descending, size_t *len)
{
	static const char head[] = "{\"england-and-wales\":{\"division\":"
	                           "\"england-and-wales\",\"events\":[";
	size_t cap = sizeof(head) + (size_t)HOLIDAYS * 96 + 8, at;
	char *text = malloc(cap);

	if (!text)
		return NULL;
	memcpy(text, head, sizeof(head) - 1);
	at = sizeof(head) - 1;
	for (size_t i = 0; i < HOLIDAYS; i++) {
		char date[UKWD_DATE_STRLEN];

		ukwd_date_format(date, sizeof(date), holiday(i, descending));
		at +=
		    (size_t)snprintf(text + at, cap - at,
		                     "%s{\"title\":\"Holiday\",\"date\":\"%s\","
		                     "\"notes\":\"\",\"bunting\":true}",
		                     i ? "," : "", date);
	}
	at += (size_t)snprintf(text + at, cap - at, "]}}");
	*len = at;
	return text;
}

static int
case_json(int descending, double *input_seconds)
{
	ukwd_calendar_builder *b;
	ukwd_diag diag;
	double start = now();
	size_t len;
	char *text = govuk_json(descending, &len);
	int rc;

	*input_seconds = now() - start;
	if (!text || new_builder(&b))
		return 1;
	rc = ukwd_govuk_json_import(b, text, len, UKWD_UK_ENGLAND_WALES, 0,
	                            &diag);
	free(text);
	if (rc) {
		fprintf(stderr, "import: %s\n", diag.message);
		ukwd_calendar_builder_free(b);
		return 1;
	}
	return build_and_free(b);
}

static int
case_ical_long_event(void)
{
	char title[301], text[1024];
	ukwd_calendar_builder *b;
	ukwd_date first;
	ukwd_diag diag;
	int rc;

	memset(title, 'T', 300);
	title[300] = '\0';
	snprintf(
	    text, sizeof(text),
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"
	    "BEGIN:VEVENT\r\nUID:long@bench\r\nDTSTAMP:20240101T000000Z\r\n"
	    "DTSTART;VALUE=DATE:19710101\r\nDTEND;VALUE=DATE:99991231\r\n"
	    "SUMMARY:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	    title);
	if (ukwd_date_from_ymd(&first, 1971, 1, 1) ||
	    ukwd_calendar_builder_new(&b) ||
	    ukwd_calendar_builder_set_range(b, first, UKWD_DATE_MAX))
		return 1;
	rc = ukwd_ical_import(b, text, strlen(text), 0, &diag);
	if (rc) {
		fprintf(stderr, "import: %s\n", diag.message);
		ukwd_calendar_builder_free(b);
		return 1;
	}
	return build_and_free(b);
}

static int
case_ical_repeating_long_event(void)
{
	static const char text[] =
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"
	    "BEGIN:VEVENT\r\nUID:weekly@bench\r\nDTSTAMP:20240101T000000Z\r\n"
	    "DTSTART;VALUE=DATE:19720101\r\nDTEND;VALUE=DATE:20010101\r\n"
	    "RRULE:FREQ=WEEKLY\r\nSUMMARY:Closed\r\nEND:VEVENT\r\n"
	    "END:VCALENDAR\r\n";
	ukwd_calendar_builder *b;
	ukwd_date first, last;
	ukwd_diag diag;
	int rc;

	if (ukwd_date_from_ymd(&first, 1971, 1, 1) ||
	    ukwd_date_from_ymd(&last, 1982, 12, 31) ||
	    ukwd_calendar_builder_new(&b) ||
	    ukwd_calendar_builder_set_range(b, first, last))
		return 1;
	rc = ukwd_ical_import(b, text, sizeof(text) - 1, 0, &diag);
	if (rc) {
		fprintf(stderr, "import: %s\n", diag.message);
		ukwd_calendar_builder_free(b);
		return 1;
	}
	return build_and_free(b);
}

/* Run one case in a child; 1 if it failed or missed the target. */
static int
run(const char *what, int which, int judged)
{
	struct rusage usage;
	double start = now(), seconds, input = 0;
	int status, fds[2];
	pid_t pid;

	if (pipe(fds))
		return 1;
	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		int rc;

		close(fds[0]);
		switch (which) {
		case 0:
		case 1:
			rc = case_builder(which);
			break;
		case 2:
		case 3:
			rc = case_json(which - 2, &input);
			break;
		case 4:
			rc = case_ical_long_event();
			break;
		default:
			rc = case_ical_repeating_long_event();
			break;
		}
		if (write(fds[1], &input, sizeof(input)) != sizeof(input))
			rc = 1;
		_exit(rc);
	}
	close(fds[1]);
	if (read(fds[0], &input, sizeof(input)) != sizeof(input))
		input = 0;
	close(fds[0]);
	if (wait4(pid, &status, 0, &usage) != pid)
		return 1;
	seconds = now() - start - input;
	printf("%-48s %8.3f s %8.3f s CPU %8.1f MB peak%s\n", what, seconds,
	       (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
	           (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) /
	               1e6,
	       (double)usage.ru_maxrss / 1024.0,
	       !WIFEXITED(status) || WEXITSTATUS(status) ? "  FAILED" : "");
	fflush(stdout);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return 1;
	return judged && seconds > TARGET_SECONDS;
}

int
main(int argc, char **argv)
{
	int missed = 0;

	if (argc > 1)
		HOLIDAYS = strtoul(argv[1], NULL, 10);
	if (HOLIDAYS == 0 || HOLIDAYS > 1200000)
		HOLIDAYS = 1000000;
	printf("# target: %zu holidays in either order in <= %.1f s "
	       "(generating the JSON text is not counted)\n",
	       HOLIDAYS, TARGET_SECONDS);
	missed |= run("builder, holidays ascending", 0, 1);
	missed |= run("builder, holidays descending", 1, 1);
	missed |= run("GOV.UK JSON import, events ascending", 2, 1);
	missed |= run("GOV.UK JSON import, events descending", 3, 1);
	missed |= run("iCalendar, one event 1971-9999, 300-byte title", 4, 0);
	missed |= run("iCalendar, 29-year event weekly, into 1971-1982", 5, 0);
	return missed;
}
