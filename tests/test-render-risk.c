/* Risk output (ukwd/risk.h, "Risk output"): every format labels each
 * PROPOSED range and branch, carries the figures the library computed,
 * is the same for any thread count, escapes names, and reports sink
 * failures and bad arguments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <ukwd.h>

struct buffer {
	char *text;
	size_t len;
	int fail_after; /* calls before the sink fails; -1 never */
};

static int
sink(const char *buf, size_t len, void *payload)
{
	struct buffer *b = payload;
	char *grown;

	if (b->fail_after == 0)
		return -1;
	if (b->fail_after > 0)
		b->fail_after--;
	grown = realloc(b->text, b->len + len + 1);
	assert_non_null(grown);
	b->text = grown;
	memcpy(b->text + b->len, buf, len);
	b->len += len;
	b->text[b->len] = '\0';
	return 0;
}

static char *
render(const ukwd_risk *r, const ukwd_schedule *s, ukwd_risk_format f)
{
	struct buffer b = {NULL, 0, -1};

	assert_int_equal(ukwd_risk_render(r, s, f, NULL, sink, &b), 0);
	assert_non_null(b.text);
	return b.text;
}

static size_t
count(const char *text, const char *what)
{
	size_t n = 0;

	for (const char *p = strstr(text, what); p; p = strstr(p + 1, what))
		n++;
	return n;
}

struct fixture {
	ukwd_calendar *cal;
	ukwd_plan *plan;
	ukwd_schedule *sched;
	ukwd_risk_branch branches[16];
	size_t nbranch;
};

static void
uep_fixture(struct fixture *f, int backward)
{
	ukwd_uep_options uo = UKWD_UEP_OPTIONS_INIT;
	ukwd_schedule_options so = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_date date;
	ukwd_diag diag;

	assert_int_equal(ukwd_calendar_new_uk(&f->cal, UKWD_UK_GB, 2010, 2030),
	                 0);
	uo.ranges = UKWD_UEP_RANGES_ALL;
	uo.roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_OTHER_USER;
	assert_int_equal(ukwd_uep_build_plan(&f->plan, &uo, &diag), 0);
	if (backward) {
		so.direction = UKWD_SCHEDULE_BACKWARD;
		ukwd_date_from_ymd(&date, 2017, 11, 25);
	} else {
		ukwd_date_from_ymd(&date, 2017, 1, 9);
	}
	assert_int_equal(
	    ukwd_uep_schedule(&f->sched, f->plan, f->cal, date, &so, &diag), 0);
	assert_int_equal(
	    ukwd_uep_risk_branches(f->branches, 16, &f->nbranch, f->plan), 0);
}

static void
fixture_free(struct fixture *f)
{
	ukwd_schedule_free(f->sched);
	ukwd_plan_free(f->plan);
	ukwd_calendar_free(f->cal);
}

static ukwd_risk *
risk_of(const struct fixture *f, unsigned int threads, int deadline)
{
	ukwd_risk_options o = UKWD_RISK_OPTIONS_INIT;
	ukwd_risk *r = NULL;
	ukwd_diag diag;

	o.iterations = 3000;
	o.seed = 16;
	o.threads = threads;
	o.branches = f->branches;
	o.branch_count = f->nbranch;
	if (deadline) {
		o.has_deadline = 1;
		ukwd_date_from_ymd(&o.deadline, 2017, 9, 15);
	}
	if (ukwd_risk_new(&r, f->sched, &o, &diag))
		fail_msg("risk: %s", diag.message);
	return r;
}

/* The estimated tasks whose source is PROPOSED. */
static size_t
proposed_ranges(const ukwd_plan *plan)
{
	size_t n = 0;

	for (size_t t = 0; t < ukwd_plan_task_count(plan); t++) {
		const ukwd_source *s = ukwd_plan_task_source(plan, t);

		if (ukwd_plan_task_estimate(NULL, NULL, NULL, plan, t) == 0 &&
		    s && s->tag == UKWD_SOURCE_PROPOSED)
			n++;
	}
	return n;
}

/* Every PROPOSED range and branch is labelled so, in every format, next
 * to its figures. */
static void
test_labels__every_proposed_range_in_every_format(void **state)
{
	struct fixture f;
	ukwd_risk *r;
	size_t ranges, sourced = 0;
	char *out, line[256];

	(void)state;
	uep_fixture(&f, 0);
	r = risk_of(&f, 1, 1);
	ranges = proposed_ranges(f.plan);
	assert_true(ranges >= 15);
	assert_int_equal(f.nbranch, 4);
	/* text: one line a range, "ID O-M-P PROPOSED: citation" */
	out = render(r, f.sched, UKWD_RISK_FORMAT_TEXT);
	for (size_t t = 0; t < ukwd_plan_task_count(f.plan); t++) {
		int32_t o, m, p;
		const ukwd_source *s = ukwd_plan_task_source(f.plan, t);

		if (ukwd_plan_task_estimate(&o, &m, &p, f.plan, t))
			continue;
		snprintf(line, sizeof(line),
		         "  %s %d-%d-%d %s: ", ukwd_plan_task_id(f.plan, t),
		         (int)o, (int)m, (int)p, ukwd_source_tag_name(s->tag));
		if (!strstr(out, line))
			fail_msg("text: no '%s'", line);
		sourced += s->tag == UKWD_SOURCE_SOURCED;
	}
	assert_int_equal(sourced, 1); /* FUSA fieldwork */
	assert_int_equal(count(out, "    PROPOSED: "), f.nbranch);
	free(out);
	/* JSON: a tag for each range and branch */
	out = render(r, f.sched, UKWD_RISK_FORMAT_JSON);
	assert_int_equal(count(out, "\"tag\": \"PROPOSED\""),
	                 ranges + f.nbranch);
	assert_int_equal(count(out, "\"tag\": \"SOURCED\""), 1);
	free(out);
	/* CSV: the tag column of task and branch rows */
	out = render(r, f.sched, UKWD_RISK_FORMAT_CSV);
	assert_int_equal(count(out, ",PROPOSED,\""), ranges + f.nbranch);
	free(out);
	/* HTML: a row classed PROPOSED for each */
	out = render(r, f.sched, UKWD_RISK_FORMAT_HTML);
	assert_int_equal(count(out, "<tr class=\"PROPOSED\">"),
	                 ranges + f.nbranch);
	free(out);
	/* SVG: the tornado's bars say their tag in the text beside them;
	 * a PROPOSED range is drawn apart there and in the plan's bars */
	out = render(r, f.sched, UKWD_RISK_FORMAT_SVG);
	assert_int_equal(count(out, "<rect class=\"tp\""),
	                 count(out, " PROPOSED</text>") + ranges);
	assert_true(count(out, " PROPOSED</text>") >= 5);
	assert_int_equal(count(out, "working days (PROPOSED); taken in "),
	                 f.nbranch);
	/* the plan's bars, each task's P80 finish beside its bar */
	assert_int_equal(count(out, "class=\"p80 small\">P80 "),
	                 ukwd_risk_task_count(r));
	for (size_t t = 0; t < ukwd_risk_task_count(r); t++) {
		ukwd_risk_task_result tr;
		char p80[UKWD_DATE_STRLEN];

		assert_int_equal(ukwd_risk_task(&tr, r, t), 0);
		ukwd_date_format(p80, sizeof(p80), tr.finish.p80);
		snprintf(line, sizeof(line), "class=\"p80 small\">P80 %s<",
		         p80);
		assert_non_null(strstr(out, line));
	}
	free(out);
	ukwd_risk_free(r);
	fixture_free(&f);
}

/* The figures are the library's: percentiles, the deadline's chance,
 * criticality, branch shares. */
static void
test_figures__as_the_library_gives_them(void **state)
{
	struct fixture f;
	ukwd_risk *r;
	ukwd_risk_outcome fin;
	ukwd_risk_task_result tr;
	ukwd_risk_branch_result br;
	double p;
	char *out, want[160], d50[11], d80[11];

	(void)state;
	uep_fixture(&f, 0);
	r = risk_of(&f, 1, 1);
	assert_int_equal(ukwd_risk_finish(&fin, r), 0);
	assert_int_equal(ukwd_risk_deadline(NULL, &p, r), 0);
	ukwd_date_format(d50, sizeof(d50), fin.p50);
	ukwd_date_format(d80, sizeof(d80), fin.p80);
	out = render(r, f.sched, UKWD_RISK_FORMAT_JSON);
	snprintf(want, sizeof(want), "\"p50\": \"%s\", \"p80\": \"%s\"", d50,
	         d80);
	assert_non_null(strstr(out, want));
	snprintf(want, sizeof(want), "\"probability\": %.6f}", p);
	assert_non_null(strstr(out, want));
	assert_int_equal(ukwd_risk_task(&tr, r, 0), 0);
	snprintf(want, sizeof(want),
	         "\"criticality\": %.6f, \"sensitivity\": "
	         "%.6f",
	         tr.criticality, tr.sensitivity);
	assert_non_null(strstr(out, want));
	assert_int_equal(ukwd_risk_branch_get(&br, r, 0), 0);
	snprintf(want, sizeof(want), "\"taken\": %.6f", br.taken);
	assert_non_null(strstr(out, want));
	{
		const uint32_t *counts;
		size_t len;

		assert_int_equal(ukwd_risk_histogram(&counts, &len, NULL, r,
		                                     UKWD_RISK_PROJECT_FINISH),
		                 0);
		assert_int_equal(count(out, "\"cumulative\": "), len);
		snprintf(want, sizeof(want), "\"count\": %lu, ",
		         (unsigned long)counts[len / 2]);
		assert_non_null(strstr(out, want));
	}
	free(out);
	out = render(r, f.sched, UKWD_RISK_FORMAT_TEXT);
	snprintf(want, sizeof(want), "P50 %s, P80 %s", d50, d80);
	assert_non_null(strstr(out, want));
	assert_true(p > 0.01 && p < 0.99);
	snprintf(want, sizeof(want), ": %.1f %% chance of meeting it", p * 100);
	assert_non_null(strstr(out, want));
	free(out);
	ukwd_risk_free(r);
	fixture_free(&f);
}

/* CSV: a header and rows of 23 fields each, CRLF ends. */
static void
test_csv__every_row_has_every_field(void **state)
{
	struct fixture f;
	ukwd_risk *r;
	char *out;
	size_t rows = 0;
	int quoted = 0, fields = 1;

	(void)state;
	uep_fixture(&f, 1);
	r = risk_of(&f, 1, 0);
	out = render(r, f.sched, UKWD_RISK_FORMAT_CSV);
	for (const char *p = out; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == ',')
			fields++;
		else if (!quoted && *p == '\n') {
			assert_true(p > out && p[-1] == '\r');
			assert_int_equal(fields, 23);
			fields = 1;
			rows++;
		}
	}
	assert_false(quoted);
	assert_int_equal(count(out, "\r\nlatest_start,"), 3);
	assert_int_equal(count(out, "\r\ntask,"), ukwd_risk_task_count(r));
	assert_int_equal(count(out, "\r\nbranch,"), f.nbranch);
	assert_true(rows > 40);
	free(out);
	ukwd_risk_free(r);
	fixture_free(&f);
}

/* The output depends on the results only: 1 and 8 threads give the same
 * bytes in every format. */
static void
test_threads__same_bytes_for_1_and_8(void **state)
{
	struct fixture f;
	ukwd_risk *one, *eight;

	(void)state;
	for (int backward = 0; backward < 2; backward++) {
		uep_fixture(&f, backward);
		one = risk_of(&f, 1, !backward);
		eight = risk_of(&f, 8, !backward);
		for (int k = 0; k <= UKWD_RISK_FORMAT_HTML; k++) {
			char *a = render(one, f.sched, (ukwd_risk_format)k),
			     *b = render(eight, f.sched, (ukwd_risk_format)k);

			assert_string_equal(a, b);
			free(a);
			free(b);
		}
		ukwd_risk_free(one);
		ukwd_risk_free(eight);
		fixture_free(&f);
	}
}

/* Names reach no format raw: markup, quotes, a newline and a stray byte. */
static void
test_escaping__names_in_every_format(void **state)
{
	ukwd_calendar *cal;
	ukwd_plan *plan;
	ukwd_schedule *s;
	ukwd_risk *r;
	ukwd_risk_options o = UKWD_RISK_OPTIONS_INIT;
	ukwd_risk_render_options ro = UKWD_RISK_RENDER_OPTIONS_INIT;
	ukwd_date start;
	struct buffer b = {NULL, 0, -1};
	char *out;

	(void)state;
	assert_int_equal(ukwd_calendar_new_uk(&cal, UKWD_UK_GB, 2020, 2030), 0);
	assert_int_equal(ukwd_plan_new(&plan), 0);
	assert_int_equal(
	    ukwd_plan_add_task(NULL, plan, "a", "<b>&\"q\"\n\xff'x'", 5, NULL),
	    0);
	assert_int_equal(ukwd_plan_set_estimate(plan, 0, 2, 5, 9, NULL), 0);
	ukwd_date_from_ymd(&start, 2025, 1, 6);
	assert_int_equal(ukwd_schedule_new(&s, plan, cal, start, NULL, NULL),
	                 0);
	o.iterations = 200;
	assert_int_equal(ukwd_risk_new(&r, s, &o, NULL), 0);
	out = render(r, s, UKWD_RISK_FORMAT_SVG);
	assert_null(strstr(out, "<b>"));
	assert_non_null(strstr(out, "&lt;b&gt;&amp;&quot;q&quot;"
	                            "\xEF\xBF\xBD\xEF\xBF\xBD&#39;x&#39;"));
	free(out);
	out = render(r, s, UKWD_RISK_FORMAT_HTML);
	assert_null(strstr(out, "<b>"));
	free(out);
	out = render(r, s, UKWD_RISK_FORMAT_JSON);
	assert_non_null(strstr(out, "\"name\": \"<b>&\\\"q\\\""
	                            "\xEF\xBF\xBD\xEF\xBF\xBD'x'\""));
	free(out);
	out = render(r, s, UKWD_RISK_FORMAT_CSV);
	assert_non_null(strstr(out, ",\"<b>&\"\"q\"\""));
	free(out);
	out = render(r, s, UKWD_RISK_FORMAT_TEXT);
	assert_null(strchr(strstr(out, "<b>"), '\xff'));
	assert_non_null(strstr(out, "(no source)"));
	free(out);
	/* a title, escaped too */
	ro.title = "Risk <&>";
	assert_int_equal(
	    ukwd_risk_render(r, s, UKWD_RISK_FORMAT_SVG, &ro, sink, &b), 0);
	assert_non_null(strstr(b.text, "<title>Risk &lt;&amp;&gt;</title>"));
	free(b.text);
	ukwd_risk_free(r);
	ukwd_schedule_free(s);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* Errors: NULLs, an unknown format or options, a schedule of another
 * plan, a sink that fails. */
static void
test_errors__arguments_and_a_failing_sink(void **state)
{
	struct fixture f;
	ukwd_risk *r;
	ukwd_risk_render_options ro = UKWD_RISK_RENDER_OPTIONS_INIT;
	struct buffer b = {NULL, 0, 0};
	ukwd_plan *other;
	ukwd_schedule *os;
	ukwd_date start;

	(void)state;
	uep_fixture(&f, 0);
	r = risk_of(&f, 1, 0);
	assert_int_equal(ukwd_risk_render(NULL, f.sched, UKWD_RISK_FORMAT_TEXT,
	                                  NULL, sink, &b),
	                 UKWD_EINVAL);
	assert_int_equal(
	    ukwd_risk_render(r, NULL, UKWD_RISK_FORMAT_TEXT, NULL, sink, &b),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_risk_render(r, f.sched, UKWD_RISK_FORMAT_TEXT, NULL, NULL, &b),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_risk_render(r, f.sched, (ukwd_risk_format)5, NULL, sink, &b),
	    UKWD_EINVAL);
	assert_null(ukwd_risk_format_name((ukwd_risk_format)5));
	assert_string_equal(ukwd_risk_format_name(UKWD_RISK_FORMAT_HTML),
	                    "html");
	ro.tornado = 0;
	assert_int_equal(
	    ukwd_risk_render(r, f.sched, UKWD_RISK_FORMAT_SVG, &ro, sink, &b),
	    UKWD_EINVAL);
	ro.tornado = 10;
	ro.version = 2;
	assert_int_equal(
	    ukwd_risk_render(r, f.sched, UKWD_RISK_FORMAT_SVG, &ro, sink, &b),
	    UKWD_EINVAL);
	/* a schedule of a plan with another task count */
	assert_int_equal(ukwd_plan_new(&other), 0);
	assert_int_equal(ukwd_plan_add_task(NULL, other, "x", NULL, 3, NULL),
	                 0);
	ukwd_date_from_ymd(&start, 2017, 1, 9);
	assert_int_equal(
	    ukwd_schedule_new(&os, other, f.cal, start, NULL, NULL), 0);
	assert_int_equal(
	    ukwd_risk_render(r, os, UKWD_RISK_FORMAT_TEXT, NULL, sink, &b),
	    UKWD_EINVAL);
	ukwd_schedule_free(os);
	ukwd_plan_free(other);
	/* the sink fails at once, and later */
	b.fail_after = 0;
	for (int k = 0; k <= UKWD_RISK_FORMAT_HTML; k++)
		assert_int_equal(ukwd_risk_render(r, f.sched,
		                                  (ukwd_risk_format)k, NULL,
		                                  sink, &b),
		                 UKWD_EUSER);
	free(b.text);
	ukwd_risk_free(r);
	fixture_free(&f);
}

/* Backward, every iteration finishes on the deadline, so text and HTML
 * give the iterations' latest starts (earliest, mean, latest) instead of
 * a finish line of one date; forward keeps the finish percentiles. */
static void
test_backward__latest_starts_not_a_constant_finish(void **state)
{
	struct fixture f;
	ukwd_risk *r;
	const uint32_t *counts;
	size_t len;
	ukwd_date first, d;
	double sum = 0;
	char *out, want[200], lo[11], mean[11], hi[11];

	(void)state;
	uep_fixture(&f, 1);
	r = risk_of(&f, 1, 0);
	/* the expected days, from the histogram's definition */
	assert_int_equal(ukwd_risk_histogram(&counts, &len, &first, r,
	                                     UKWD_RISK_PROJECT_START),
	                 0);
	assert_true(len > 1);
	assert_true(counts[0] > 0 && counts[len - 1] > 0);
	for (size_t j = 0; j < len; j++)
		sum += (double)j * counts[j];
	ukwd_date_format(lo, sizeof(lo), first);
	assert_int_equal(ukwd_workday_add(&d, f.cal, first, (int32_t)len - 1),
	                 0);
	ukwd_date_format(hi, sizeof(hi), d);
	assert_int_equal(
	    ukwd_workday_add(&d, f.cal, first,
	                     (int32_t)(sum / ukwd_risk_iterations(r) + 0.5)),
	    0);
	ukwd_date_format(mean, sizeof(mean), d);
	assert_string_not_equal(lo, hi);
	snprintf(want, sizeof(want),
	         "Latest start that finishes by 2017-11-25, one per "
	         "iteration: earliest %s, mean %s, latest %s",
	         lo, mean, hi);
	out = render(r, f.sched, UKWD_RISK_FORMAT_TEXT);
	assert_non_null(strstr(out, want));
	assert_null(strstr(out, "Finish: P10"));
	assert_non_null(strstr(out, "To finish by 2017-11-25: start by "));
	free(out);
	out = render(r, f.sched, UKWD_RISK_FORMAT_HTML);
	assert_non_null(strstr(out, want));
	assert_null(strstr(out, "<th>Finish</th>"));
	free(out);
	out = render(r, f.sched, UKWD_RISK_FORMAT_JSON);
	snprintf(want, sizeof(want),
	         "\"earliest\": \"%s\", \"mean\": \"%s\", \"latest\": "
	         "\"%s\"}",
	         lo, mean, hi);
	assert_non_null(strstr(out, want));
	free(out);
	out = render(r, f.sched, UKWD_RISK_FORMAT_CSV);
	snprintf(want, sizeof(want), ",,,,,,%s,%s,%s,0.80,", mean, lo, hi);
	assert_non_null(strstr(out, want));
	free(out);
	ukwd_risk_free(r);
	fixture_free(&f);

	uep_fixture(&f, 0);
	r = risk_of(&f, 1, 1);
	out = render(r, f.sched, UKWD_RISK_FORMAT_TEXT);
	assert_non_null(strstr(out, "Finish: P10 "));
	assert_null(strstr(out, "Latest start"));
	free(out);
	out = render(r, f.sched, UKWD_RISK_FORMAT_HTML);
	assert_non_null(strstr(out, "<th>Finish</th>"));
	assert_null(strstr(out, "Latest start"));
	free(out);
	ukwd_risk_free(r);
	fixture_free(&f);
}

/* A backward plan whose durations cannot vary: every iteration starts
 * on the planned day, so earliest, mean and latest are that day. */
static void
test_backward__fixed_estimates_one_start(void **state)
{
	ukwd_calendar *cal;
	ukwd_plan *plan;
	ukwd_schedule *sched;
	ukwd_schedule_options so = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_risk_options ro = UKWD_RISK_OPTIONS_INIT;
	ukwd_risk *r = NULL;
	ukwd_date fri;
	size_t a, b;
	char *out;

	(void)state;
	assert_int_equal(ukwd_calendar_new_uk(&cal, UKWD_UK_GB, 2010, 2030), 0);
	assert_int_equal(ukwd_plan_new(&plan), 0);
	assert_int_equal(ukwd_plan_add_task(&a, plan, "a", NULL, 3, NULL), 0);
	assert_int_equal(ukwd_plan_set_estimate(plan, a, 3, 3, 3, NULL), 0);
	assert_int_equal(ukwd_plan_add_task(&b, plan, "b", NULL, 2, NULL), 0);
	assert_int_equal(
	    ukwd_plan_add_link(NULL, plan, a, b, UKWD_LINK_FS, 0, NULL, NULL),
	    0);
	so.direction = UKWD_SCHEDULE_BACKWARD;
	/* Friday 24 November 2017: b is 23-24, a 20-22 */
	ukwd_date_from_ymd(&fri, 2017, 11, 24);
	assert_int_equal(ukwd_schedule_new(&sched, plan, cal, fri, &so, NULL),
	                 0);
	ro.iterations = 200;
	assert_int_equal(ukwd_risk_new(&r, sched, &ro, NULL), 0);
	out = render(r, sched, UKWD_RISK_FORMAT_TEXT);
	assert_non_null(strstr(out, "Planned (single dates): start 2017-11-20, "
	                            "finish 2017-11-24\n"
	                            "Latest start that finishes by 2017-11-24, "
	                            "one per iteration: earliest 2017-11-20, "
	                            "mean 2017-11-20, latest 2017-11-20\n"
	                            "To finish by 2017-11-24: start by "
	                            "2017-11-20 for a 50 % chance, 2017-11-20 "
	                            "for 80 %, 2017-11-20 for 95 %\n"));
	free(out);
	ukwd_risk_free(r);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_labels__every_proposed_range_in_every_format),
	    cmocka_unit_test(test_figures__as_the_library_gives_them),
	    cmocka_unit_test(test_csv__every_row_has_every_field),
	    cmocka_unit_test(test_threads__same_bytes_for_1_and_8),
	    cmocka_unit_test(test_escaping__names_in_every_format),
	    cmocka_unit_test(test_errors__arguments_and_a_failing_sink),
	    cmocka_unit_test(
	        test_backward__latest_starts_not_a_constant_finish),
	    cmocka_unit_test(test_backward__fixed_estimates_one_start),
	};

	return cmocka_run_group_tests_name("render-risk", tests, NULL, NULL);
}
