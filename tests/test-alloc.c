/* Allocation failures: the k-th allocation fails, for every k, through
 * every public function that allocates.
 *
 * Linked against libukwd-alloc-testing (lib/meson.build), the library's
 * sources built with UKWD_ALLOC_TESTING: lib/util.c counts allocations and
 * makes the ukwd__alloc_fail_at-th one return NULL. Each scenario is run
 * once without failures (the reference: its result and the number n of
 * allocations it makes), then once for each k = 1..n with the k-th
 * allocation failing. Each failing run must return UKWD_ENOMEM (or the
 * scenario's other clean error), leave its input objects exactly as they
 * were and its out-parameters untouched, and free every block it took
 * (ukwd__alloc_live; libical's and jansson's own blocks are left to ASan
 * and valgrind). Then the same call, retried without a failure, must give
 * exactly the reference result: a failure leaves no hidden damage behind.
 *
 * Objects are compared by what the public API shows of them: calendars
 * (and builders, built) by range, weekend, provenance, holidays and
 * working-day counts; plans by every getter; schedules by every task's
 * dates, drivers, critical paths and negative float. */
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

#include "internal.h"
#include "plan-private.h"

/* ------------------------------------------------------------------ */
/* Text buffers */

struct buf {
	char *text;
	size_t len, cap;
};

static void
buf_add(struct buf *b, const char *data, size_t len)
{
	if (b->len + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (b->len + len + 1 > cap)
			cap *= 2;
		b->text = realloc(b->text, cap);
		assert_non_null(b->text);
		b->cap = cap;
	}
	memcpy(b->text + b->len, data, len);
	b->len += len;
	b->text[b->len] = '\0';
}

static void buf_printf(struct buf *b, const char *fmt, ...) UKWD__PRINTF(2, 3);

static void
buf_printf(struct buf *b, const char *fmt, ...)
{
	char *line;
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert_true(len >= 0);
	line = malloc((size_t)len + 1);
	assert_non_null(line);
	va_start(ap, fmt);
	vsnprintf(line, (size_t)len + 1, fmt, ap);
	va_end(ap);
	buf_add(b, line, (size_t)len);
	free(line);
}

static void
buf_reset(struct buf *b)
{
	free(b->text);
	memset(b, 0, sizeof(*b));
}

static int
buf_sink(const char *data, size_t len, void *payload)
{
	buf_add(payload, data, len);
	return 0;
}

static const char *
buf_text(const struct buf *b)
{
	return b->text ? b->text : "";
}

/* A file from $UKWD_TEST_DATA, read whole. */
static void
read_data_file(struct buf *out, const char *name)
{
	const char *dir = getenv("UKWD_TEST_DATA");
	char path[4096];
	char chunk[4096];
	size_t got;
	FILE *fp;

	assert_non_null(dir);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "rb");
	if (!fp)
		fail_msg("cannot open %s", path);
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(out, chunk, got);
	fclose(fp);
}

/* ------------------------------------------------------------------ */
/* Texts */

/* A string longer than a plan's arena block (64 KiB). */
static const char *
long_text(void)
{
	static char text[70000];

	if (!text[0]) {
		memset(text, 'x', sizeof(text) - 1);
		memcpy(text, "PROPOSED: ", 10);
	}
	return text;
}

/* ------------------------------------------------------------------ */
/* What the public API shows of each object */

static int
dump_holiday(ukwd_date d, const char *name, void *payload)
{
	char day[32];

	buf_printf(payload, "  holiday %s '%s'\n", show_date(d, day), name);
	return 0;
}

static void
dump_calendar(struct buf *out, const char *label, const ukwd_calendar *cal)
{
	ukwd_date first, last, d;
	int32_t working = 0;
	char a[32], b[32];
	int year, last_year;

	if (!cal) {
		buf_printf(out, "%s: none\n", label);
		return;
	}
	ukwd_calendar_range(cal, &first, &last);
	assert_int_equal(
	    ukwd_workday_count_inclusive(&working, cal, first, last), 0);
	buf_printf(out, "%s: %s..%s weekend 0x%x working %ld\n", label,
	           show_date(first, a), show_date(last, b),
	           ukwd_calendar_weekend(cal), (long)working);
	ukwd_date_to_ymd(first, &year, NULL, NULL);
	ukwd_date_to_ymd(last, &last_year, NULL, NULL);
	for (; year <= last_year; year++) {
		d = ymd(year, 7, 1);
		if (d < first)
			d = first;
		if (d > last)
			d = last;
		buf_printf(out, "  provenance %d: %d\n", year,
		           ukwd_calendar_provenance(cal, d));
	}
	assert_int_equal(
	    ukwd_calendar_foreach_holiday(cal, first, last, dump_holiday, out),
	    0);
}

static void
dump_builder(struct buf *out, const char *label, const ukwd_calendar_builder *b)
{
	ukwd_calendar *cal = NULL;
	int rc;

	if (!b) {
		buf_printf(out, "%s: none\n", label);
		return;
	}
	rc = ukwd_calendar_build(&cal, b, NULL);
	if (rc != 0) {
		buf_printf(out, "%s: does not build (%s)\n", label,
		           ukwd_err_name(rc));
		return;
	}
	dump_calendar(out, label, cal);
	ukwd_calendar_free(cal);
}

static void
dump_plan(struct buf *out, const char *label, const ukwd_plan *plan)
{
	static const char *const probes[] = {"new", "extra", "t0", "t200"};
	size_t ntasks, nlinks, i, found;
	ukwd_date date;
	char day[32];
	int32_t o, m, p;
	int type;

	if (!plan) {
		buf_printf(out, "%s: none\n", label);
		return;
	}
	ntasks = ukwd_plan_task_count(plan);
	nlinks = ukwd_plan_link_count(plan);
	buf_printf(out, "%s: %zu tasks, %zu links\n", label, ntasks, nlinks);
	if (ukwd_plan_deadline(&date, plan) == 0)
		buf_printf(out, "  deadline %s\n", show_date(date, day));
	for (i = 0; i < ntasks; i++) {
		const char *id = ukwd_plan_task_id(plan, i);
		const ukwd_source *source = ukwd_plan_task_source(plan, i);

		assert_non_null(id);
		buf_printf(out, "  task %zu '%s' '%s' %ld source ", i, id,
		           ukwd_plan_task_name(plan, i),
		           (long)ukwd_plan_task_duration(plan, i));
		if (source)
			buf_printf(out, "%s '%s' '%s'\n",
			           ukwd_source_tag_name(source->tag),
			           source->citation, source->reference);
		else
			buf_printf(out, "none\n");
		assert_int_equal(ukwd_plan_find(&found, plan, id), 0);
		assert_int_equal(found, i);
		if (ukwd_plan_task_estimate(&o, &m, &p, plan, i) == 0)
			buf_printf(out, "    estimate %ld %ld %ld\n", (long)o,
			           (long)m, (long)p);
		for (type = 0; type < UKWD_CONSTRAINT_TYPE_COUNT; type++)
			if (ukwd_plan_task_constraint(
			        &date, plan, i, (ukwd_constraint_type)type) ==
			    0)
				buf_printf(out, "    %s %s\n",
				           ukwd_constraint_type_name(
				               (ukwd_constraint_type)type),
				           show_date(date, day));
	}
	for (i = 0; i < nlinks; i++) {
		ukwd_plan_link_info link;

		assert_int_equal(ukwd_plan_link(&link, plan, i), 0);
		buf_printf(out, "  link %zu: %zu -> %zu %s%+ld source %s\n", i,
		           link.predecessor, link.successor,
		           ukwd_link_type_name(link.type), (long)link.lag,
		           link.source ? link.source : "none");
	}
	for (i = 0; i < sizeof(probes) / sizeof(probes[0]); i++)
		if (ukwd_plan_find(&found, plan, probes[i]) == 0)
			buf_printf(out, "  find %s: %zu\n", probes[i], found);
	{
		size_t length = 0;

		buf_printf(out, "  cycle: %s, length %zu\n",
		           ukwd_err_name(ukwd_plan_find_cycle(NULL, 0, &length,
		                                              plan, NULL)),
		           length);
	}
}

static void
dump_schedule(struct buf *out, const char *label, const ukwd_schedule *sched)
{
	ukwd_date start, finish;
	int32_t working = 0;
	size_t i, j, count, ntasks;
	const size_t *tasks;
	char a[32], b[32], c[32], d[32];
	char why[512];

	if (!sched) {
		buf_printf(out, "%s: none\n", label);
		return;
	}
	assert_int_equal(ukwd_schedule_span(&start, &finish, &working, sched),
	                 0);
	ntasks = ukwd_schedule_task_count(sched);
	buf_printf(out, "%s: %s..%s, %ld working days, %zu tasks\n", label,
	           show_date(start, a), show_date(finish, b), (long)working,
	           ntasks);
	for (i = 0; i < ntasks; i++) {
		ukwd_scheduled_task t;

		assert_int_equal(ukwd_schedule_task(&t, sched, i), 0);
		buf_printf(out,
		           "  %zu: %s %s %s %s [%ld %ld) [%ld %ld) d%ld tf%ld "
		           "ff%ld%s\n",
		           i, show_date(t.early_start, a),
		           show_date(t.early_finish, b),
		           show_date(t.late_start, c),
		           show_date(t.late_finish, d),
		           (long)t.early_start_index, (long)t.early_end_index,
		           (long)t.late_start_index, (long)t.late_end_index,
		           (long)t.duration, (long)t.total_float,
		           (long)t.free_float, t.critical ? " critical" : "");
		assert_int_equal(ukwd_schedule_explain(why, sizeof(why), NULL,
		                                       sched, i,
		                                       UKWD_SCHEDULE_EARLY),
		                 0);
		buf_printf(out, "    %s\n", why);
		assert_int_equal(ukwd_schedule_explain(why, sizeof(why), NULL,
		                                       sched, i,
		                                       UKWD_SCHEDULE_LATE),
		                 0);
		buf_printf(out, "    %s\n", why);
	}
	for (i = 0; i < ukwd_schedule_critical_path_count(sched); i++) {
		assert_int_equal(
		    ukwd_schedule_critical_path(&tasks, &count, sched, i), 0);
		buf_printf(out, "  path %zu:", i);
		for (j = 0; j < count; j++)
			buf_printf(out, " %zu", tasks[j]);
		buf_printf(out, "\n");
	}
	assert_int_equal(ukwd_schedule_negative_float(&tasks, &count, sched),
	                 0);
	buf_printf(out, "  negative float:");
	for (j = 0; j < count; j++)
		buf_printf(out, " %zu", tasks[j]);
	buf_printf(out, "\n");
}

/* ------------------------------------------------------------------ */
/* Scenarios */

/* Everything a scenario may use. Inputs are made by its setup; outputs
 * are written by the call under test. */
struct fx {
	int param;
	/* inputs */
	ukwd_calendar_builder *b;
	ukwd_calendar *cal, *cal2;
	ukwd_plan *plan;
	ukwd_schedule *sched;
	struct buf data;
	/* outputs */
	ukwd_calendar_builder *b_out;
	ukwd_calendar *cal_out;
	ukwd_plan *plan_out;
	ukwd_schedule *sched_out;
	struct buf sink;
	size_t index_out;
	ukwd_notice_result notice;
};

struct scenario {
	const char *name;
	void (*setup)(struct fx *f);
	int (*run)(struct fx *f);
	/* The call's result without failures: 0, or an error the scenario
	 * expects (ukwd_plan_find_cycle() on a cycle). */
	int ok_rc;
};

static void
fx_free(struct fx *f)
{
	ukwd_schedule_free(f->sched_out);
	ukwd_plan_free(f->plan_out);
	ukwd_calendar_free(f->cal_out);
	ukwd_calendar_builder_free(f->b_out);
	ukwd_schedule_free(f->sched);
	ukwd_plan_free(f->plan);
	ukwd_calendar_free(f->cal2);
	ukwd_calendar_free(f->cal);
	ukwd_calendar_builder_free(f->b);
	buf_reset(&f->data);
	buf_reset(&f->sink);
	memset(f, 0, sizeof(*f));
}

static void
dump_inputs(struct buf *out, const struct fx *f)
{
	dump_builder(out, "builder", f->b);
	dump_calendar(out, "calendar", f->cal);
	dump_calendar(out, "calendar 2", f->cal2);
	dump_plan(out, "plan", f->plan);
	dump_schedule(out, "schedule", f->sched);
}

static void
dump_outputs(struct buf *out, const struct fx *f)
{
	char day[32];

	dump_builder(out, "out builder", f->b_out);
	dump_calendar(out, "out calendar", f->cal_out);
	dump_plan(out, "out plan", f->plan_out);
	dump_schedule(out, "out schedule", f->sched_out);
	buf_printf(out, "out index %zu\n", f->index_out);
	buf_printf(out, "notice %d %s %ld %d %ld %s ", f->notice.compliant,
	           show_date(f->notice.deemed_received, day),
	           (long)f->notice.given, (int)f->notice.counted_unit,
	           (long)f->notice.shortfall,
	           show_date(f->notice.deadline, day));
	buf_printf(out, "%s %s\n", show_date(f->notice.earliest_event, day),
	           f->notice.explanation);
	buf_printf(out, "sink %zu bytes:\n", f->sink.len);
	buf_add(out, buf_text(&f->sink), f->sink.len);
}

/* Fail with the first line where two dumps differ. */
static void
check_same(const char *expected, const char *actual, const char *what,
           const char *scenario, int param, long k)
{
	size_t line = 1, i = 0, start = 0;

	if (strcmp(expected, actual) == 0)
		return;
	while (expected[i] && expected[i] == actual[i]) {
		if (expected[i] == '\n') {
			line++;
			start = i + 1;
		}
		i++;
	}
	fail_msg("%s (param %d), allocation %ld failed: %s differs at line "
	         "%zu:\n  expected: %.200s\n  actual:   %.200s",
	         scenario, param, k, what, line, expected + start,
	         actual + start);
}

static long scenario_points_total;
/* What the last run_scenario() saw: failures the call got round, and
 * failures after which the sink had been written to. */
static long last_absorbed, last_partial;
static int quiet;

/* Run one scenario for every k; returns the number of failure points. */
static long
run_scenario(const struct scenario *s, int param)
{
	struct buf reference = {0}, before = {0}, after = {0};
	struct fx f = {0};
	long live0 = ukwd__alloc_live;
	long n, k, partial = 0, absorbed = 0;
	int rc;

	/* The reference: no failure. */
	f.param = param;
	ukwd__alloc_fail_at = 0;
	s->setup(&f);
	ukwd__alloc_count = 0;
	rc = s->run(&f);
	n = ukwd__alloc_count;
	if (rc != s->ok_rc)
		fail_msg("%s (param %d): %s without failures", s->name, param,
		         ukwd_err_name(rc));
	dump_inputs(&reference, &f);
	dump_outputs(&reference, &f);
	fx_free(&f);
	if (ukwd__alloc_live != live0)
		fail_msg("%s (param %d): %ld blocks leaked without failures",
		         s->name, param, ukwd__alloc_live - live0);

	/* k = n + 1 too: no failure happens, and the call must work. */
	for (k = 1; k <= n + 1; k++) {
		f.param = param;
		s->setup(&f);
		buf_reset(&before);
		dump_inputs(&before, &f);

		ukwd__alloc_count = 0;
		ukwd__alloc_fail_at = k;
		rc = s->run(&f);
		ukwd__alloc_fail_at = 0;

		if (ukwd__alloc_count < k || rc == s->ok_rc) {
			/* No failure happened, or the call got round it: the
			 * result must be the reference. */
			if (ukwd__alloc_count >= k)
				absorbed++;
			if (rc != s->ok_rc)
				fail_msg("%s (param %d), k %ld: %s", s->name,
				         param, k, ukwd_err_name(rc));
			buf_reset(&after);
			dump_inputs(&after, &f);
			dump_outputs(&after, &f);
			check_same(reference.text, after.text, "the result",
			           s->name, param, k);
		} else {
			if (rc != UKWD_ENOMEM)
				fail_msg("%s (param %d): allocation %ld of %ld "
				         "failed and it returned %s, not "
				         "UKWD_ENOMEM",
				         s->name, param, k, n,
				         ukwd_err_name(rc));
			if (f.b_out || f.cal_out || f.plan_out || f.sched_out)
				fail_msg("%s (param %d): allocation %ld failed "
				         "and an out-parameter was set",
				         s->name, param, k);
			if (f.sink.len)
				partial++;
			buf_reset(&after);
			dump_inputs(&after, &f);
			check_same(before.text, after.text, "an input object",
			           s->name, param, k);

			/* Retried without a failure, the call gives exactly
			 * the reference. */
			buf_reset(&f.sink);
			rc = s->run(&f);
			if (rc != s->ok_rc)
				fail_msg(
				    "%s (param %d): retry after allocation "
				    "%ld failed: %s",
				    s->name, param, k, ukwd_err_name(rc));
			buf_reset(&after);
			dump_inputs(&after, &f);
			dump_outputs(&after, &f);
			check_same(reference.text, after.text,
			           "the retried result", s->name, param, k);
		}
		fx_free(&f);
		if (ukwd__alloc_live != live0)
			fail_msg("%s (param %d): allocation %ld failed and %ld "
			         "blocks leaked",
			         s->name, param, k, ukwd__alloc_live - live0);
	}
	buf_reset(&reference);
	buf_reset(&before);
	buf_reset(&after);
	scenario_points_total += n;
	last_absorbed = absorbed;
	last_partial = partial;
	if (!quiet)
		print_message("# %s: %ld failure points, %ld got round%s\n",
		              s->name, n, absorbed,
		              partial ? ", partial output on some" : "");
	return n;
}

/* Run a scenario for params first..last; returns the failure points. */
static long
run_scenario_params(const struct scenario *s, int first, int last)
{
	long total = 0, least = -1, most = 0, absorbed = 0, partial = 0;
	int param;

	quiet = 1;
	for (param = first; param <= last; param++) {
		long n = run_scenario(s, param);

		total += n;
		least = least < 0 || n < least ? n : least;
		most = n > most ? n : most;
		absorbed += last_absorbed;
		partial += last_partial;
	}
	quiet = 0;
	print_message("# %s: %d cases, %ld failure points (%ld..%ld a "
	              "case), %ld got round%s\n",
	              s->name, last - first + 1, total, least, most, absorbed,
	              partial ? ", partial output on some" : "");
	return total;
}

/* ------------------------------------------------------------------ */
/* Calendars */

static const char extra_days_ics[] = "BEGIN:VCALENDAR\r\n"
                                     "VERSION:2.0\r\n"
                                     "PRODID:-//test//alloc//EN\r\n"
                                     "BEGIN:VEVENT\r\n"
                                     "DTSTART;VALUE=DATE:20121224\r\n"
                                     "RRULE:FREQ=YEARLY\r\n"
                                     "SUMMARY:Christmas Eve shutdown\r\n"
                                     "UID:shutdown@test\r\n"
                                     "END:VEVENT\r\n"
                                     "BEGIN:VEVENT\r\n"
                                     "DTSTART;VALUE=DATE:20130805\r\n"
                                     "DTEND;VALUE=DATE:20130810\r\n"
                                     "SUMMARY:Summer week\r\n"
                                     "UID:summer@test\r\n"
                                     "END:VEVENT\r\n"
                                     "BEGIN:VEVENT\r\n"
                                     "DTSTART;VALUE=DATE:20140102\r\n"
                                     "DURATION:P2D\r\n"
                                     "SUMMARY:New Year\r\n"
                                     "UID:newyear@test\r\n"
                                     "END:VEVENT\r\n"
                                     "END:VCALENDAR\r\n";

static void
setup_nothing(struct fx *f)
{
	(void)f;
}

static int
run_builder_new(struct fx *f)
{
	return ukwd_calendar_builder_new(&f->b_out);
}

static void
make_builder(struct fx *f, int first_year, int last_year, int holidays)
{
	int i;

	assert_int_equal(ukwd_calendar_builder_new(&f->b), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_range(f->b, ymd(first_year, 1, 1),
	                                    ymd(last_year, 12, 31)),
	    0);
	assert_int_equal(
	    ukwd_calendar_builder_set_provenance(
	        f->b, first_year, first_year + 1, UKWD_PROVENANCE_OFFICIAL),
	    0);
	for (i = 0; i < holidays; i++) {
		char name[32];

		snprintf(name, sizeof(name), "day %d", i);
		assert_int_equal(ukwd_calendar_builder_add_holiday(
		                     f->b, ymd(first_year, 1, 1) + 2 * i,
		                     i % 3 ? name : NULL),
		                 0);
	}
}

/* param: the holidays already in the builder (0..64 crosses the first
 * growths); odd params replace the name of an existing day instead. */
static void
setup_add_holiday(struct fx *f)
{
	make_builder(f, 2020, 2021, f->param);
}

static int
run_add_holiday(struct fx *f)
{
	ukwd_date d = ymd(2020, 1, 1) + 2 * f->param;

	if (f->param % 2 == 1)
		d = ymd(2020, 1, 1) + 2 * (f->param / 2);
	return ukwd_calendar_builder_add_holiday(f->b, d, "A new name");
}

static void
setup_build(struct fx *f)
{
	make_builder(f, 2000 + f->param, 2030, 40);
	assert_int_equal(ukwd_calendar_builder_set_weekend(
	                     f->b, UKWD_WEEKDAY_BIT(UKWD_SUNDAY)),
	                 0);
}

static int
run_build(struct fx *f)
{
	ukwd_diag diag;

	return ukwd_calendar_build(&f->cal_out, f->b, &diag);
}

static void
setup_two_calendars(struct fx *f)
{
	assert_int_equal(
	    ukwd_calendar_new_uk(&f->cal, UKWD_UK_ENGLAND_WALES, 2020, 2025),
	    0);
	assert_int_equal(
	    ukwd_calendar_new_uk(&f->cal2, UKWD_UK_SCOTLAND, 2021, 2026), 0);
	if (f->param) {
		/* Add a calendar with names on the same days as cal's, to
		 * join names. */
		ukwd_calendar_builder *b = NULL;

		ukwd_calendar_free(f->cal2);
		f->cal2 = NULL;
		assert_int_equal(ukwd_calendar_builder_new_from(&b, f->cal), 0);
		assert_int_equal(ukwd_calendar_builder_add_holiday(
		                     b, ymd(2021, 12, 27), "Staff day"),
		                 0);
		assert_int_equal(ukwd_calendar_builder_add_holiday(
		                     b, ymd(2022, 3, 1), "St David"),
		                 0);
		assert_int_equal(ukwd_calendar_build(&f->cal2, b, NULL), 0);
		ukwd_calendar_builder_free(b);
	}
}

static int
run_union(struct fx *f)
{
	return ukwd_calendar_union(&f->cal_out, f->cal, f->cal2);
}

static int
run_intersection(struct fx *f)
{
	return ukwd_calendar_intersection(&f->cal_out, f->cal, f->cal2);
}

static int
run_builder_new_from(struct fx *f)
{
	return ukwd_calendar_builder_new_from(&f->b_out, f->cal);
}

static const unsigned int division_sets[] = {
    UKWD_UK_ENGLAND_WALES, UKWD_UK_SCOTLAND, UKWD_UK_NORTHERN_IRELAND,
    UKWD_UK_GB, UKWD_UK_ALL};
#define NDIVISION_SETS ((int)(sizeof(division_sets) / sizeof(division_sets[0])))

static int
run_new_uk(struct fx *f)
{
	return ukwd_calendar_new_uk(&f->cal_out, division_sets[f->param], 2019,
	                            2024);
}

static int
run_new_sec(struct fx *f)
{
	return ukwd_calendar_new_sec(&f->cal_out, 2016, 2018);
}

static int
run_builder_new_uk(struct fx *f)
{
	return ukwd_calendar_builder_new_uk(&f->b_out, division_sets[f->param],
	                                    2019, 2024);
}

/* param 0: GOV.UK's england-and-wales.ics as official data; 1: the extra
 * days, with a recurrence. */
static void
setup_ical_import(struct fx *f)
{
	assert_int_equal(ukwd_calendar_builder_new_uk(
	                     &f->b, UKWD_UK_ENGLAND_WALES, 2011, 2018),
	                 0);
	if (f->param == 0)
		read_data_file(&f->data, "england-and-wales_2012-2017.ics");
	else
		buf_add(&f->data, extra_days_ics, strlen(extra_days_ics));
}

static int
run_ical_import(struct fx *f)
{
	ukwd_diag diag;

	return ukwd_ical_import(f->b, f->data.text, f->data.len,
	                        f->param == 0 ? UKWD_IMPORT_OFFICIAL : 0,
	                        &diag);
}

/* param 0: every division, official; 1: Scotland only, as extra days. */
static void
setup_json_import(struct fx *f)
{
	assert_int_equal(
	    ukwd_calendar_builder_new_uk(&f->b, UKWD_UK_ALL, 2011, 2016), 0);
	read_data_file(&f->data, "bank-holidays_2012-2015.json");
}

static int
run_json_import(struct fx *f)
{
	ukwd_diag diag;

	return ukwd_govuk_json_import(
	    f->b, f->data.text, f->data.len,
	    f->param == 0 ? UKWD_UK_ALL : UKWD_UK_SCOTLAND,
	    f->param == 0 ? UKWD_IMPORT_OFFICIAL : 0, &diag);
}

/* Small official files (GOV.UK's own are imported above): every k
 * applies them all again, and valgrind is slow. */
static const char small_json[] =
    "{\"england-and-wales\": {\"division\": \"england-and-wales\", "
    "\"events\": [{\"title\": \"New Year's Day\", \"date\": \"2012-01-02\", "
    "\"notes\": \"Substitute day\", \"bunting\": true}, {\"title\": "
    "\"Queen's Diamond Jubilee\", \"date\": \"2012-06-05\", \"notes\": \"\", "
    "\"bunting\": true}]}, \"scotland\": {\"division\": \"scotland\", "
    "\"events\": [{\"title\": \"2nd January\", \"date\": \"2012-01-03\", "
    "\"notes\": \"Substitute day\", \"bunting\": true}, {\"title\": "
    "\"Queen's Diamond Jubilee\", \"date\": \"2012-06-05\", \"notes\": \"\", "
    "\"bunting\": true}]}, \"northern-ireland\": {\"division\": "
    "\"northern-ireland\", \"events\": [{\"title\": \"St Patrick's Day\", "
    "\"date\": \"2012-03-19\", \"notes\": \"Substitute day\", \"bunting\": "
    "true}]}}";

static const char small_ics[] = "BEGIN:VCALENDAR\r\n"
                                "VERSION:2.0\r\n"
                                "PRODID:-//test//alloc//EN\r\n"
                                "BEGIN:VEVENT\r\n"
                                "DTSTART;VALUE=DATE:20130101\r\n"
                                "DTEND;VALUE=DATE:20130102\r\n"
                                "SUMMARY:New Year's Day\r\n"
                                "UID:ny2013@test\r\n"
                                "END:VEVENT\r\n"
                                "BEGIN:VEVENT\r\n"
                                "DTSTART;VALUE=DATE:20130506\r\n"
                                "DTEND;VALUE=DATE:20130507\r\n"
                                "SUMMARY:Early May bank holiday\r\n"
                                "UID:may2013@test\r\n"
                                "END:VEVENT\r\n"
                                "END:VCALENDAR\r\n";

static int
run_new_uk_files(struct fx *f)
{
	ukwd_holiday_file files[3] = {
	    {"bank-holidays.json", small_json, strlen(small_json), 0},
	    {"england-and-wales.ics", small_ics, strlen(small_ics),
	     UKWD_UK_ENGLAND_WALES},
	    {"shutdown.ics", extra_days_ics, strlen(extra_days_ics), 0},
	};
	ukwd_diag diag;

	return ukwd_calendar_new_uk_files(&f->cal_out,
	                                  f->param ? UKWD_UK_ALL : UKWD_UK_GB,
	                                  2012, 2013, files, 3, &diag);
}

static void
setup_ical_export(struct fx *f)
{
	assert_int_equal(ukwd_calendar_new_uk(&f->cal, UKWD_UK_ALL, 2020, 2022),
	                 0);
}

static int
run_ical_export(struct fx *f)
{
	return ukwd_ical_export(f->cal, ymd(2020, 1, 1), ymd(2022, 12, 31),
	                        buf_sink, &f->sink);
}

static void
test_calendar_builder_new(void **state)
{
	static const struct scenario s = {"ukwd_calendar_builder_new",
	                                  setup_nothing, run_builder_new, 0};

	(void)state;
	assert_true(run_scenario(&s, 0) > 0);
}

static void
test_calendar_builder_add_holiday(void **state)
{
	static const struct scenario s = {"ukwd_calendar_builder_add_holiday",
	                                  setup_add_holiday, run_add_holiday,
	                                  0};

	(void)state;
	assert_true(run_scenario_params(&s, 0, 66) > 0);
}

static void
test_calendar_build(void **state)
{
	static const struct scenario s = {"ukwd_calendar_build", setup_build,
	                                  run_build, 0};

	(void)state;
	assert_true(run_scenario_params(&s, 0, 1) > 0);
}

static void
test_calendar_union_and_intersection(void **state)
{
	static const struct scenario u = {"ukwd_calendar_union",
	                                  setup_two_calendars, run_union, 0};
	static const struct scenario i = {"ukwd_calendar_intersection",
	                                  setup_two_calendars, run_intersection,
	                                  0};

	(void)state;
	assert_true(run_scenario_params(&u, 0, 1) > 0);
	assert_true(run_scenario_params(&i, 0, 1) > 0);
}

static void
test_calendar_builder_new_from(void **state)
{
	static const struct scenario s = {"ukwd_calendar_builder_new_from",
	                                  setup_two_calendars,
	                                  run_builder_new_from, 0};

	(void)state;
	assert_true(run_scenario_params(&s, 0, 1) > 0);
}

static void
test_calendar_new_uk(void **state)
{
	static const struct scenario s = {"ukwd_calendar_new_uk", setup_nothing,
	                                  run_new_uk, 0};
	static const struct scenario sec = {"ukwd_calendar_new_sec",
	                                    setup_nothing, run_new_sec, 0};
	static const struct scenario b = {"ukwd_calendar_builder_new_uk",
	                                  setup_nothing, run_builder_new_uk, 0};

	(void)state;
	assert_true(run_scenario_params(&s, 0, NDIVISION_SETS - 1) > 0);
	assert_true(run_scenario(&sec, 0) > 0);
	assert_true(run_scenario_params(&b, 0, NDIVISION_SETS - 1) > 0);
}

static void
test_ical_import(void **state)
{
	static const struct scenario s = {"ukwd_ical_import", setup_ical_import,
	                                  run_ical_import, 0};

	(void)state;
	if (!ukwd_has_feature(UKWD_FEATURE_ICAL))
		skip();
	assert_true(run_scenario_params(&s, 0, 1) > 0);
}

static void
test_govuk_json_import(void **state)
{
	static const struct scenario s = {
	    "ukwd_govuk_json_import", setup_json_import, run_json_import, 0};

	(void)state;
	if (!ukwd_has_feature(UKWD_FEATURE_JSON))
		skip();
	assert_true(run_scenario_params(&s, 0, 1) > 0);
}

static void
test_calendar_new_uk_files(void **state)
{
	static const struct scenario s = {"ukwd_calendar_new_uk_files",
	                                  setup_nothing, run_new_uk_files, 0};

	(void)state;
	if (!ukwd_has_feature(UKWD_FEATURE_ICAL) ||
	    !ukwd_has_feature(UKWD_FEATURE_JSON))
		skip();
	assert_true(run_scenario_params(&s, 0, 1) > 0);
}

static void
test_ical_export(void **state)
{
	static const struct scenario s = {"ukwd_ical_export", setup_ical_export,
	                                  run_ical_export, 0};

	(void)state;
	if (!ukwd_has_feature(UKWD_FEATURE_ICAL))
		skip();
	run_scenario(&s, 0);
}

/* ------------------------------------------------------------------ */
/* Plans */

/* A plan of n tasks t0..t(n-1) in a chain, every third with a source,
 * every fifth with an estimate, every seventh with a constraint. */
static void
make_plan(struct fx *f, int ntasks, int chain)
{
	int i;

	assert_int_equal(ukwd_plan_new(&f->plan), 0);
	for (i = 0; i < ntasks; i++) {
		char id[32], name[32];

		snprintf(id, sizeof(id), "t%d", i);
		snprintf(name, sizeof(name), "Task %d", i);
		assert_int_equal(ukwd_plan_add_task(NULL, f->plan, id,
		                                    i % 4 ? name : NULL, i % 6,
		                                    NULL),
		                 0);
		if (i % 3 == 1)
			assert_int_equal(
			    ukwd_plan_set_task_source(
			        f->plan, (size_t)i,
			        &(ukwd_source){UKWD_SOURCE_PROPOSED, "x",
			                       NULL}),
			    0);
		if (i % 5 == 2)
			assert_int_equal(ukwd_plan_set_estimate(
			                     f->plan, (size_t)i, 1, 2, 9, NULL),
			                 0);
		if (i % 7 == 3)
			assert_int_equal(
			    ukwd_plan_set_constraint(
			        f->plan, (size_t)i,
			        UKWD_CONSTRAINT_START_NO_EARLIER_THAN,
			        ymd(2023, 5, 2), NULL),
			    0);
		if (chain && i > 0)
			assert_int_equal(ukwd_plan_add_link(
			                     NULL, f->plan, (size_t)(i - 1),
			                     (size_t)i, UKWD_LINK_FS, i % 3 - 1,
			                     i % 2 ? "SEC H14" : NULL, NULL),
			                 0);
	}
}

static int
run_plan_new(struct fx *f)
{
	return ukwd_plan_new(&f->plan_out);
}

/* param: the tasks already in the plan. */
static void
setup_add_task(struct fx *f)
{
	make_plan(f, f->param, 0);
}

static int
run_add_task(struct fx *f)
{
	ukwd_diag diag;

	return ukwd_plan_add_task(&f->index_out, f->plan, "new", "A new task",
	                          3, &diag);
}

/* param: the links already in the plan (a chain), then one more. */
static void
setup_add_link(struct fx *f)
{
	make_plan(f, f->param + 2, 0);
	for (int i = 0; i < f->param; i++)
		assert_int_equal(ukwd_plan_add_link(
		                     NULL, f->plan, (size_t)i, (size_t)i + 1,
		                     UKWD_LINK_FS, 0, i % 2 ? "a" : NULL, NULL),
		                 0);
}

static int
run_add_link(struct fx *f)
{
	ukwd_diag diag;

	return ukwd_plan_add_link(&f->index_out, f->plan, (size_t)f->param,
	                          (size_t)f->param + 1, UKWD_LINK_SS, -2,
	                          "SEC H14.14", &diag);
}

/* param: the predecessors the last task already has (a fan-in; more than
 * 32 makes a hash of its links). */
static void
setup_fan_in(struct fx *f)
{
	make_plan(f, f->param + 2, 0);
	for (int i = 0; i < f->param; i++)
		assert_int_equal(ukwd_plan_add_link(NULL, f->plan, (size_t)i,
		                                    (size_t)f->param + 1,
		                                    UKWD_LINK_FS, 0, NULL,
		                                    NULL),
		                 0);
}

static int
run_fan_in(struct fx *f)
{
	return ukwd_plan_add_link(
	    &f->index_out, f->plan, (size_t)f->param, (size_t)f->param + 1,
	    UKWD_LINK_FF, 1, f->param % 10 == 9 ? long_text() : NULL, NULL);
}

/* param: a constraint type on task 3 (which has one already) and on task 4
 * (which has nothing): type = param / 2, task 3 + param % 2. */
static void
setup_constraint(struct fx *f)
{
	make_plan(f, 6, 1);
}

static int
run_constraint(struct fx *f)
{
	ukwd_diag diag;

	return ukwd_plan_set_constraint(f->plan, 3 + (size_t)(f->param % 2),
	                                (ukwd_constraint_type)(f->param / 2),
	                                ymd(2023, 5, 10), &diag);
}

/* param: 0..5, the task (1 and 4 have a source already); 6: clear; 7, 8:
 * a source longer than an arena block on task 4, then 0. */
static int
run_task_source(struct fx *f)
{
	if (f->param == 6)
		return ukwd_plan_set_task_source(f->plan, 1, NULL);
	if (f->param >= 7)
		return ukwd_plan_set_task_source(
		    f->plan, f->param == 7 ? 4 : 0,
		    &(ukwd_source){UKWD_SOURCE_PROPOSED, long_text(),
		                   long_text()});
	return ukwd_plan_set_task_source(
	    f->plan, (size_t)f->param,
	    &(ukwd_source){UKWD_SOURCE_CHECKLIST, "the new source", "G3"});
}

/* param: the tasks of 40 that have a source (an extra record) before the
 * call on task 39 (the extras grow after 16). */
static void
setup_extras(struct fx *f)
{
	int i;

	assert_int_equal(ukwd_plan_new(&f->plan), 0);
	for (i = 0; i < 40; i++) {
		char id[32];

		snprintf(id, sizeof(id), "t%d", i);
		assert_int_equal(
		    ukwd_plan_add_task(NULL, f->plan, id, NULL, 2, NULL), 0);
	}
	for (i = 0; i < f->param; i++)
		assert_int_equal(
		    ukwd_plan_set_task_source(
		        f->plan, (size_t)i,
		        &(ukwd_source){UKWD_SOURCE_SOURCED, "s", NULL}),
		    0);
}

static int
run_extra_source(struct fx *f)
{
	return ukwd_plan_set_task_source(
	    f->plan, 39, &(ukwd_source){UKWD_SOURCE_SOURCED, "last", NULL});
}

static int
run_extra_estimate(struct fx *f)
{
	return ukwd_plan_set_estimate(f->plan, 39, 1, 2, 3, NULL);
}

static int
run_extra_constraint(struct fx *f)
{
	return ukwd_plan_set_constraint(
	    f->plan, 39, UKWD_CONSTRAINT_MUST_FINISH_ON, ymd(2023, 6, 1), NULL);
}

/* param 0: a name longer than an arena block; 1: an id that long. */
static int
run_add_task_long(struct fx *f)
{
	return ukwd_plan_add_task(&f->index_out, f->plan,
	                          f->param ? long_text() + 10 : "new",
	                          f->param ? NULL : long_text(), 1, NULL);
}

/* param: the task (2 has an estimate already). */
static int
run_estimate(struct fx *f)
{
	return ukwd_plan_set_estimate(f->plan, (size_t)f->param, 2, 4, 8, NULL);
}

/* A plan as CSV: every column, quoted fields, links of every type
 * defined before and after their successors, and param * 40 more tasks
 * to grow the arrays; param 4: a cycle; 5: a source longer than a plan's
 * arena block. */
static void
setup_read_csv(struct fx *f)
{
	static const char head[] =
	    "\xEF\xBB\xBFid,name,duration,predecessors,deadline,"
	    "start_no_earlier_than,finish_no_later_than,must_start_on,"
	    "must_finish_on,actual_start,actual_finish,optimistic,"
	    "most_likely,pessimistic,source,citation,reference\r\n"
	    "a,\"Agree, \"\"the\"\" brief\",3d,,,2023-05-02,,,,,,2,3,5,"
	    "PROPOSED,x,H1\r\n"
	    "b,\"Design\r\nover two lines\",5 days,a:FS+1;c:SS-1,2023-06-30,,,,"
	    ",,,,,,,,\r\n"
	    "c,Build,10,a,,,2023-07-31,,,,,,,,SOURCED,y,\n"
	    "\n"
	    "d,Review,2,b:FF;c:FS+3 days,,,,,,2023-05-15,2023-05-16,,,,,,\n"
	    "e,Done,0,d:SF,,,,,2023-08-01,,,,,,,,\n";
	int i;

	buf_add(&f->data, head, strlen(head));
	if (f->param == 4) {
		static const char cycle[] =
		    "y1,Y1,1,y3,,,,,,,,,,,,,\ny2,Y2,1,y1,,,,,,,,,,,,,\n"
		    "y3,Y3,1,y2,,,,,,,,,,,,,\n";

		buf_add(&f->data, cycle, strlen(cycle));
		return;
	}
	if (f->param == 5) {
		/* A quoted source longer than a plan's arena block. */
		static const char row[] = "z,Z,1,e,,,,,,,,,,,PROPOSED,\"";

		buf_add(&f->data, row, strlen(row));
		buf_add(&f->data, long_text(), strlen(long_text()));
		buf_add(&f->data, "\",\n", 3);
		return;
	}
	for (i = 0; i < f->param * 40; i++) {
		char line[128];

		snprintf(line, sizeof(line),
		         "x%d,Extra %d,%d,%s,,,,,,,,,,,,,\n", i, i, i % 4,
		         i ? "e" : "d");
		buf_add(&f->data, line, strlen(line));
	}
}

static int
run_read_csv(struct fx *f)
{
	ukwd_diag diag;

	return ukwd_plan_read_csv(&f->plan_out, f->data.text, f->data.len,
	                          "plan.csv", &diag);
}

/* param 0: no cycle; 1: a cycle. */
static void
setup_find_cycle(struct fx *f)
{
	make_plan(f, 40, 1);
	if (f->param)
		assert_int_equal(ukwd_plan_add_link(NULL, f->plan, 30, 10,
		                                    UKWD_LINK_FS, 0, NULL,
		                                    NULL),
		                 0);
}

static int
run_find_cycle(struct fx *f)
{
	size_t tasks[64];
	size_t length = 0;
	ukwd_diag diag;
	int rc = ukwd_plan_find_cycle(tasks, 64, &length, f->plan, &diag);

	f->index_out = length;
	return rc;
}

static void
test_plan_new(void **state)
{
	static const struct scenario s = {"ukwd_plan_new", setup_nothing,
	                                  run_plan_new, 0};

	(void)state;
	assert_true(run_scenario(&s, 0) > 0);
}

static void
test_plan_add_task(void **state)
{
	static const struct scenario s = {"ukwd_plan_add_task", setup_add_task,
	                                  run_add_task, 0};

	(void)state;
	static const struct scenario l = {"ukwd_plan_add_task long strings",
	                                  setup_add_task, run_add_task_long, 0};

	assert_true(run_scenario_params(&s, 0, 140) > 0);
	assert_true(run_scenario_params(&l, 0, 1) > 0);
}

static void
test_plan_add_link(void **state)
{
	static const struct scenario s = {"ukwd_plan_add_link", setup_add_link,
	                                  run_add_link, 0};
	static const struct scenario fan = {"ukwd_plan_add_link fan-in",
	                                    setup_fan_in, run_fan_in, 0};

	(void)state;
	assert_true(run_scenario_params(&s, 0, 140) > 0);
	assert_true(run_scenario_params(&fan, 0, 70) > 0);
}

static void
test_plan_set_constraint(void **state)
{
	static const struct scenario s = {"ukwd_plan_set_constraint",
	                                  setup_constraint, run_constraint, 0};

	(void)state;
	run_scenario_params(&s, 0, 2 * UKWD_CONSTRAINT_TYPE_COUNT - 1);
}

static void
test_plan_set_task_source_and_estimate(void **state)
{
	static const struct scenario s = {"ukwd_plan_set_task_source",
	                                  setup_constraint, run_task_source, 0};
	static const struct scenario e = {"ukwd_plan_set_estimate",
	                                  setup_constraint, run_estimate, 0};

	(void)state;
	static const struct scenario xs = {"ukwd_plan_set_task_source extras",
	                                   setup_extras, run_extra_source, 0};
	static const struct scenario xe = {"ukwd_plan_set_estimate extras",
	                                   setup_extras, run_extra_estimate, 0};
	static const struct scenario xc = {"ukwd_plan_set_constraint extras",
	                                   setup_extras, run_extra_constraint,
	                                   0};

	run_scenario_params(&s, 0, 8);
	run_scenario_params(&e, 0, 5);
	assert_true(run_scenario_params(&xs, 0, 20) > 0);
	assert_true(run_scenario_params(&xe, 0, 20) > 0);
	assert_true(run_scenario_params(&xc, 0, 20) > 0);
}

static void
test_plan_read_csv(void **state)
{
	static const struct scenario s = {"ukwd_plan_read_csv", setup_read_csv,
	                                  run_read_csv, 0};

	static const struct scenario cycle = {"ukwd_plan_read_csv with a cycle",
	                                      setup_read_csv, run_read_csv,
	                                      UKWD_ECYCLE};

	(void)state;
	assert_true(run_scenario_params(&s, 0, 3) > 0);
	assert_true(run_scenario(&cycle, 4) > 0);
	assert_true(run_scenario(&s, 5) > 0);
}

/* Allocations made reading `before` followed by `commas` commas. */
static long
csv_allocations(const char *before, size_t commas)
{
	size_t len = strlen(before);
	char *text = malloc(len + commas + 2);
	ukwd_plan *plan = NULL;
	ukwd_diag diag;

	assert_non_null(text);
	memcpy(text, before, len);
	memset(text + len, ',', commas);
	text[len + commas] = '\n';
	ukwd__alloc_fail_at = 0;
	ukwd__alloc_count = 0;
	assert_int_equal(
	    ukwd_plan_read_csv(&plan, text, len + commas + 1, NULL, &diag),
	    UKWD_EPARSE);
	assert_null(plan);
	free(text);
	return ukwd__alloc_count;
}

/* A record of a million commas costs the reader no more than one of a
 * field too many (issue 13, item 8: it once grew its field array to the
 * whole record first, 27 times the file). */
static void
test_plan_read_csv__a_line_of_commas_costs_what_one_field_more_does(
    void **state)
{
	static const char before[] = "id,name,duration,predecessors\na,A,1";

	(void)state;
	assert_int_equal(csv_allocations(before, 1000000),
	                 csv_allocations(before, 4));
	assert_int_equal(ukwd__alloc_live, 0);
}

/* The plan's id hash is SipHash-2-4: the reference implementation's
 * vectors (key 00..0f, message 00..n-1), checked here because this test
 * links the library's internals. */
static void
test_siphash__matches_the_reference_vectors(void **state)
{
	static const struct {
		size_t len;
		uint64_t hash;
	} vectors[] = {
	    {0, UINT64_C(0x726fdb47dd0e0e31)},
	    {1, UINT64_C(0x74f839c593dc67fd)},
	    {7, UINT64_C(0xab0200f58b01d137)},
	    {8, UINT64_C(0x93f5f5799a932462)},
	    {15, UINT64_C(0xa129ca6149be45e5)},
	    {63, UINT64_C(0x958a324ceb064572)},
	};
	const uint64_t key[2] = {UINT64_C(0x0706050403020100),
	                         UINT64_C(0x0f0e0d0c0b0a0908)};
	unsigned char message[64];

	(void)state;
	for (size_t i = 0; i < sizeof(message); i++)
		message[i] = (unsigned char)i;
	for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++)
		assert_true(ukwd__siphash(key, message, vectors[i].len) ==
		            vectors[i].hash);
}

static void
test_plan_find_cycle(void **state)
{
	static const struct scenario none = {
	    "ukwd_plan_find_cycle", setup_find_cycle, run_find_cycle, 0};
	static const struct scenario cycle = {"ukwd_plan_find_cycle on a cycle",
	                                      setup_find_cycle, run_find_cycle,
	                                      UKWD_ECYCLE};

	(void)state;
	assert_true(run_scenario(&none, 0) > 0);
	assert_true(run_scenario(&cycle, 1) > 0);
}

/* ------------------------------------------------------------------ */
/* Schedules and renderers */

/* A plan over England and Wales in spring 2023 with every link type, a
 * lead, a milestone, sources, an estimate, constraints, a deadline and a
 * task that cannot meet its date; param 1 adds its tasks in reverse
 * dependency order (the schedule then sorts them itself). */
static void
setup_schedule_inputs(struct fx *f)
{
	static const char *const ids[] = {"brief",   "design", "build",
	                                  "content", "review", "launch",
	                                  "hosting"};
	size_t t[7];
	char long_name[400];
	int i;

	/* Longer than the renderers' line buffer and any explanation's. */
	memset(long_name, 'r', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	memcpy(long_name, "Review: ", 8);
	assert_int_equal(
	    ukwd_calendar_new_uk(&f->cal, UKWD_UK_ENGLAND_WALES, 2022, 2024),
	    0);
	assert_int_equal(ukwd_plan_new(&f->plan), 0);
	for (i = 0; i < 7; i++) {
		int j = f->param ? 6 - i : i;

		assert_int_equal(ukwd_plan_add_task(&t[j], f->plan, ids[j],
		                                    j == 1   ? "Design: <&>"
		                                    : j == 4 ? long_name
		                                             : NULL,
		                                    j == 5 ? 0 : 2 + j, NULL),
		                 0);
	}
	assert_int_equal(ukwd_plan_add_link(NULL, f->plan, t[0], t[1],
	                                    UKWD_LINK_FS, 0, NULL, NULL),
	                 0);
	assert_int_equal(ukwd_plan_add_link(NULL, f->plan, t[1], t[2],
	                                    UKWD_LINK_SS, 2, "SEC H14", NULL),
	                 0);
	assert_int_equal(ukwd_plan_add_link(NULL, f->plan, t[0], t[3],
	                                    UKWD_LINK_FS, -1, NULL, NULL),
	                 0);
	assert_int_equal(ukwd_plan_add_link(NULL, f->plan, t[2], t[4],
	                                    UKWD_LINK_FF, 0, NULL, NULL),
	                 0);
	assert_int_equal(ukwd_plan_add_link(NULL, f->plan, t[3], t[4],
	                                    UKWD_LINK_FS, 0, NULL, NULL),
	                 0);
	assert_int_equal(ukwd_plan_add_link(NULL, f->plan, t[4], t[5],
	                                    UKWD_LINK_FS, 1, NULL, NULL),
	                 0);
	assert_int_equal(ukwd_plan_add_link(NULL, f->plan, t[5], t[6],
	                                    UKWD_LINK_SF, 0, NULL, NULL),
	                 0);
	assert_int_equal(
	    ukwd_plan_set_task_source(
	        f->plan, t[2],
	        &(ukwd_source){UKWD_SOURCE_PROPOSED, "our guess", "H14"}),
	    0);
	assert_int_equal(
	    ukwd_plan_set_task_source(
	        f->plan, t[0],
	        &(ukwd_source){UKWD_SOURCE_SOURCED, "the contract", NULL}),
	    0);
	assert_int_equal(ukwd_plan_set_estimate(f->plan, t[2], 8, 10, 15, NULL),
	                 0);
	assert_int_equal(
	    ukwd_plan_set_constraint(f->plan, t[3],
	                             UKWD_CONSTRAINT_FINISH_NO_LATER_THAN,
	                             ymd(2023, 5, 1), NULL),
	    0);
	assert_int_equal(ukwd_plan_set_constraint(f->plan, t[6],
	                                          UKWD_CONSTRAINT_DEADLINE,
	                                          ymd(2023, 5, 20), NULL),
	                 0);
	assert_int_equal(ukwd_plan_set_deadline(f->plan, ymd(2023, 6, 30)), 0);
}

static void
setup_schedule(struct fx *f)
{
	setup_schedule_inputs(f);
	assert_int_equal(ukwd_schedule_new(&f->sched, f->plan, f->cal,
	                                   ymd(2023, 4, 24), NULL, NULL),
	                 0);
}

static int
run_schedule_new(struct fx *f)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_diag diag;

	if (f->param >= 2)
		options.direction = UKWD_SCHEDULE_BACKWARD;
	return ukwd_schedule_new(&f->sched_out, f->plan, f->cal,
	                         f->param >= 2 ? ymd(2023, 6, 30)
	                                       : ymd(2023, 4, 24),
	                         &options, &diag);
}

static void
setup_schedule_new(struct fx *f)
{
	int direction = f->param;

	f->param %= 2;
	setup_schedule_inputs(f);
	f->param = direction;
}

/* A large UEP plan for the renderers too. */
static void
setup_uep_schedule(struct fx *f)
{
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_schedule_options backward = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_date mandate;

	options.roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_OTHER_USER;
	options.credit_cover = 1;
	backward.direction = UKWD_SCHEDULE_BACKWARD;
	assert_int_equal(ukwd_calendar_new_sec(&f->cal, 2016, 2018), 0);
	assert_int_equal(ukwd_uep_build_plan(&f->plan, &options, NULL), 0);
	assert_int_equal(
	    ukwd_uep_mandate_date(&mandate, UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER),
	    0);
	assert_int_equal(ukwd_schedule_new(&f->sched, f->plan, f->cal, mandate,
	                                   &backward, NULL),
	                 0);
}

/* param 0: defaults (NULL options); 1: every role, Credit Cover and
 * overrides. */
static int
run_uep_build_plan(struct fx *f)
{
	static const ukwd_uep_override overrides[] = {{"uept-notice", 70},
	                                              {"fusa-fieldwork", 4}};
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_diag diag;

	if (f->param == 0)
		return ukwd_uep_build_plan(&f->plan_out, NULL, &diag);
	/* Every role: a Party that is not a small supplier. */
	options.party = UKWD_PARTY_OTHER;
	options.roles = UKWD_ROLE_ALL;
	options.credit_cover = 1;
	options.stagger = 1;
	options.overrides = overrides;
	options.override_count = 2;
	return ukwd_uep_build_plan(&f->plan_out, &options, &diag);
}

typedef int (*renderer)(const ukwd_schedule *, const ukwd_render_options *,
                        ukwd_sink, void *);

static const struct {
	const char *name;
	renderer render;
} renderers[] = {
    {"ukwd_render_text", ukwd_render_text},
    {"ukwd_render_mermaid", ukwd_render_mermaid},
    {"ukwd_render_svg", ukwd_render_svg},
    {"ukwd_render_html", ukwd_render_html},
    {"ukwd_render_csv", ukwd_render_csv},
    {"ukwd_render_json", ukwd_render_json},
};
#define NRENDERERS ((int)(sizeof(renderers) / sizeof(renderers[0])))

/* The renderer under test, and whether it gets options (1) or NULL. */
static int render_index, render_with_options;

static int
run_render(struct fx *f)
{
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;

	options.today = ymd(2023, 5, 3);
	options.title = "Plan <&> \"title\"";
	options.flags = UKWD_RENDER_SOURCES;
	options.ascii = f->param % 2;
	return renderers[render_index].render(
	    f->sched, render_with_options ? &options : NULL, buf_sink,
	    &f->sink);
}

static int
run_ical_export_schedule(struct fx *f)
{
	return ukwd_ical_export_schedule(
	    f->sched, f->param ? UKWD_ICAL_TODO : 0, buf_sink, &f->sink);
}

/* ukwd_risk_new() over the UEP plan with every range and its branches
 * (param 0: forward; 1: backward), then its JSON and the UEP table with
 * the risk's columns into the sink. A failure anywhere frees the risk;
 * the retry must give the same bytes. One thread: the failure injection
 * counts allocations without locks (threads are test-threads' and
 * TSan's). */
static void
setup_risk(struct fx *f)
{
	ukwd_uep_options options = UKWD_UEP_OPTIONS_INIT;
	ukwd_schedule_options so = UKWD_SCHEDULE_OPTIONS_INIT;

	options.ranges = UKWD_UEP_RANGES_ALL;
	assert_int_equal(ukwd_calendar_new_sec(&f->cal, 2016, 2018), 0);
	assert_int_equal(ukwd_uep_build_plan(&f->plan, &options, NULL), 0);
	if (f->param == 1)
		so.direction = UKWD_SCHEDULE_BACKWARD;
	assert_int_equal(ukwd_schedule_new(&f->sched, f->plan, f->cal,
	                                   f->param == 1 ? ymd(2017, 11, 24)
	                                                 : ymd(2016, 6, 1),
	                                   &so, NULL),
	                 0);
}

static int
run_risk(struct fx *f)
{
	ukwd_risk_options options = UKWD_RISK_OPTIONS_INIT;
	ukwd_render_options ro = UKWD_RENDER_OPTIONS_INIT;
	ukwd_uep_options uep = UKWD_UEP_OPTIONS_INIT;
	ukwd_risk_branch branches[16];
	size_t nbranches = 0;
	ukwd_risk *risk = NULL;
	ukwd_diag diag;
	int rc;

	assert_int_equal(
	    ukwd_uep_risk_branches(branches, 16, &nbranches, f->plan), 0);
	options.iterations = 300;
	options.seed = 5;
	options.threads = 1;
	options.branches = branches;
	options.branch_count = nbranches;
	rc = ukwd_risk_new(&risk, f->sched, &options, &diag);
	if (rc)
		return rc;
	rc = ukwd_risk_render(risk, f->sched, UKWD_RISK_FORMAT_JSON, NULL,
	                      buf_sink, &f->sink);
	ro.risk = risk;
	uep.ranges = UKWD_UEP_RANGES_ALL;
	if (rc == 0)
		rc = ukwd_render_uep(f->sched, &uep, &ro, buf_sink, &f->sink);
	ukwd_risk_free(risk);
	return rc;
}

static void
test_risk_new(void **state)
{
	static const struct scenario s = {"ukwd_risk_new", setup_risk, run_risk,
	                                  0};

	(void)state;
	assert_true(run_scenario_params(&s, 0, 1) > 0);
}

/* A schedule against a baseline: the schedule's own JSON read back as
 * the baseline (ukwd_baseline_read_json), ukwd_progress_new, and the
 * comparison in the progress text, CSV, SVG and iCalendar into the sink
 * (param 0); the baseline taken from the schedule itself
 * (ukwd_baseline_from_schedule) and the JSON (param 1). */
static void
setup_progress(struct fx *f)
{
	setup_schedule(f);
	assert_int_equal(ukwd_render_json(f->sched, NULL, buf_sink, &f->data),
	                 0);
}

static int
run_progress(struct fx *f)
{
	ukwd_render_options ro = UKWD_RENDER_OPTIONS_INIT;
	ukwd_ical_export_options io = UKWD_ICAL_EXPORT_OPTIONS_INIT;
	ukwd_baseline *baseline = NULL;
	ukwd_progress *progress = NULL;
	ukwd_diag diag;
	int rc;

	rc = f->param == 0
	         ? ukwd_baseline_read_json(&baseline, f->data.text, f->data.len,
	                                   "baseline", &diag)
	         : ukwd_baseline_from_schedule(&baseline, f->sched);
	if (rc == 0)
		rc = ukwd_progress_new(&progress, f->sched, baseline, &diag);
	ro.progress = progress;
	io.progress = progress;
	io.has_made = 1;
	io.made = 1700000000;
	if (rc == 0 && f->param == 0) {
		rc = ukwd_render_progress(f->sched, &ro, buf_sink, &f->sink);
		if (rc == 0)
			rc = ukwd_render_csv(f->sched, &ro, buf_sink, &f->sink);
		if (rc == 0)
			rc = ukwd_render_svg(f->sched, &ro, buf_sink, &f->sink);
		if (rc == 0)
			rc = ukwd_ical_export_schedule_with(f->sched, &io,
			                                    buf_sink, &f->sink);
	} else if (rc == 0) {
		rc = ukwd_render_json(f->sched, &ro, buf_sink, &f->sink);
	}
	ukwd_progress_free(progress);
	ukwd_baseline_free(baseline);
	return rc;
}

static void
test_progress(void **state)
{
	static const struct scenario s = {"ukwd_progress_new", setup_progress,
	                                  run_progress, 0};

	(void)state;
	assert_true(run_scenario_params(&s, 0, 1) > 0);
}

static void
test_schedule_new(void **state)
{
	static const struct scenario s = {
	    "ukwd_schedule_new", setup_schedule_new, run_schedule_new, 0};

	(void)state;
	/* forward and backward, each in dependency order and not */
	assert_true(run_scenario_params(&s, 0, 3) > 0);
}

static void
test_uep_build_plan(void **state)
{
	static const struct scenario s = {"ukwd_uep_build_plan", setup_nothing,
	                                  run_uep_build_plan, 0};

	(void)state;
	assert_true(run_scenario_params(&s, 0, 1) > 0);
}

static void
test_renderers(void **state)
{
	(void)state;
	for (render_index = 0; render_index < NRENDERERS; render_index++) {
		struct scenario s = {renderers[render_index].name,
		                     setup_schedule, run_render, 0};
		struct scenario uep = {renderers[render_index].name,
		                       setup_uep_schedule, run_render, 0};

		render_with_options = 1;
		run_scenario_params(&s, 0, 1);
		run_scenario(&uep, 0);
		render_with_options = 0;
		run_scenario(&s, 0);
	}
}

static void
test_ical_export_schedule(void **state)
{
	static const struct scenario s = {"ukwd_ical_export_schedule",
	                                  setup_schedule,
	                                  run_ical_export_schedule, 0};

	(void)state;
	if (!ukwd_has_feature(UKWD_FEATURE_ICAL))
		skip();
	assert_true(run_scenario_params(&s, 0, 1) > 0);
}

/* ------------------------------------------------------------------ */
/* Notice checks: they need not allocate; with a failure armed at every
 * k they must still give the reference answer. */

static void
setup_notice(struct fx *f)
{
	assert_int_equal(ukwd_calendar_new_sec(&f->cal, 2016, 2019), 0);
}

static int
run_notice(struct fx *f)
{
	const ukwd_notice_rule *rule = ukwd_notice_rule_at((size_t)f->param);

	return ukwd_notice_check(&f->notice, f->cal, rule, ymd(2017, 5, 26),
	                         17 * 60 + 30, ymd(2017, 9, 4), NULL);
}

static void
test_notice_check(void **state)
{
	static const struct scenario s = {"ukwd_notice_check", setup_notice,
	                                  run_notice, 0};
	int rule;

	(void)state;
	for (rule = 0; rule < (int)ukwd_notice_rule_count(); rule++) {
		long k;

		/* run_scenario() covers k = 1 (n + 1 with n = 0); arm a
		 * failure at each of the next few allocations too. */
		run_scenario(&s, rule);
		for (k = 1; k <= 4; k++) {
			struct fx f = {0};
			ukwd_notice_result expected;

			f.param = rule;
			setup_notice(&f);
			assert_int_equal(run_notice(&f), 0);
			expected = f.notice;
			memset(&f.notice, 0, sizeof(f.notice));
			ukwd__alloc_count = 0;
			ukwd__alloc_fail_at = k;
			assert_int_equal(run_notice(&f), 0);
			ukwd__alloc_fail_at = 0;
			assert_int_equal(ukwd__alloc_count, 0);
			assert_memory_equal(&expected, &f.notice,
			                    sizeof(expected));
			fx_free(&f);
		}
	}
}

/* The group's teardown, not a test: every test runs alone as well
 * (UKWD_TEST_FILTER), and the total is of those that ran. */
static int
print_total(void **state)
{
	(void)state;
	print_message("# %ld failure points in all\n", scenario_points_total);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_calendar_builder_new),
	    cmocka_unit_test(test_calendar_builder_add_holiday),
	    cmocka_unit_test(test_calendar_build),
	    cmocka_unit_test(test_calendar_union_and_intersection),
	    cmocka_unit_test(test_calendar_builder_new_from),
	    cmocka_unit_test(test_calendar_new_uk),
	    cmocka_unit_test(test_ical_import),
	    cmocka_unit_test(test_govuk_json_import),
	    cmocka_unit_test(test_calendar_new_uk_files),
	    cmocka_unit_test(test_ical_export),
	    cmocka_unit_test(test_plan_new),
	    cmocka_unit_test(test_plan_add_task),
	    cmocka_unit_test(test_plan_add_link),
	    cmocka_unit_test(test_plan_set_constraint),
	    cmocka_unit_test(test_plan_set_task_source_and_estimate),
	    cmocka_unit_test(test_plan_read_csv),
	    cmocka_unit_test(
	        test_plan_read_csv__a_line_of_commas_costs_what_one_field_more_does),
	    cmocka_unit_test(test_plan_find_cycle),
	    cmocka_unit_test(test_siphash__matches_the_reference_vectors),
	    cmocka_unit_test(test_schedule_new),
	    cmocka_unit_test(test_risk_new),
	    cmocka_unit_test(test_progress),
	    cmocka_unit_test(test_uep_build_plan),
	    cmocka_unit_test(test_renderers),
	    cmocka_unit_test(test_ical_export_schedule),
	    cmocka_unit_test(test_notice_check),
	};

	/* e.g. UKWD_TEST_FILTER='test_plan_*' to run some of them */
	if (getenv("UKWD_TEST_FILTER"))
		cmocka_set_test_filter(getenv("UKWD_TEST_FILTER"));
	return cmocka_run_group_tests(tests, NULL, print_total);
}
