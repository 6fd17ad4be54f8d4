/* Progress in the drawn outputs (issue 16): SVG and HTML draw each
 * task's baseline as a thin bar under its bar, Mermaid adds the finish
 * slip to each task's name.
 *
 * The calendar is January and February 2026, weekends only. The plan:
 * A (5 days) then B (10) then C (2) then milestone M (dated the day C
 * finishes); the baseline is its schedule from Monday 5 January with no
 * progress: A 5-9, B 12-23, C 26-27, M on 27 January. Then, as of
 * Wednesday 21 January, A is done (5-9), B started on the 12th and has 3
 * working days left (22, 23, 26: finish +1), C runs 27-28 (+1), M is on
 * the 28th (+1), and a new task E (1 day, no links) starts on the 22nd. The
 * chart starts on the 5th at day scale, 20 pixels a day, after a label column
 * of 280 pixels; no holiday, so the rows start 44 pixels down and are 24 high.
 */
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

static size_t
task(ukwd_plan *plan, const char *id, const char *name, int32_t duration)
{
	size_t index = 0;

	assert_int_equal(
	    ukwd_plan_add_task(&index, plan, id, name, duration, NULL), 0);
	return index;
}

static void
fs(ukwd_plan *plan, size_t from, size_t to)
{
	assert_int_equal(ukwd_plan_add_link(NULL, plan, from, to, UKWD_LINK_FS,
	                                    0, NULL, NULL),
	                 0);
}

/* The header's example: the schedules, the baseline and the comparison. */
struct example {
	ukwd_calendar *cal;
	ukwd_plan *plan;
	ukwd_schedule *now;
	ukwd_baseline *baseline;
	ukwd_progress *progress;
};

static void
example_build(struct example *x)
{
	ukwd_calendar_builder *b = NULL;
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_schedule *before = NULL;
	size_t a, bt, c, m;

	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, day("2026-01-01"),
	                                                 day("2026-02-28")),
	                 0);
	assert_int_equal(ukwd_calendar_build(&x->cal, b, NULL), 0);
	ukwd_calendar_builder_free(b);
	assert_int_equal(ukwd_plan_new(&x->plan), 0);
	a = task(x->plan, "A", "Design", 5);
	bt = task(x->plan, "B", "Build", 10);
	c = task(x->plan, "C", "Test", 2);
	m = task(x->plan, "M", "Handover", 0);
	fs(x->plan, a, bt);
	fs(x->plan, bt, c);
	fs(x->plan, c, m);
	assert_int_equal(ukwd_schedule_new(&before, x->plan, x->cal,
	                                   day("2026-01-05"), NULL, NULL),
	                 0);
	assert_int_equal(ukwd_baseline_from_schedule(&x->baseline, before), 0);
	ukwd_schedule_free(before);
	assert_int_equal(ukwd_plan_set_constraint(x->plan, a,
	                                          UKWD_CONSTRAINT_ACTUAL_START,
	                                          day("2026-01-05"), NULL),
	                 0);
	assert_int_equal(ukwd_plan_set_constraint(x->plan, a,
	                                          UKWD_CONSTRAINT_ACTUAL_FINISH,
	                                          day("2026-01-09"), NULL),
	                 0);
	assert_int_equal(ukwd_plan_set_constraint(x->plan, bt,
	                                          UKWD_CONSTRAINT_ACTUAL_START,
	                                          day("2026-01-12"), NULL),
	                 0);
	assert_int_equal(ukwd_plan_set_remaining(x->plan, bt, 3, NULL), 0);
	task(x->plan, "E", "Extra", 1);
	options.has_status_date = 1;
	options.status_date = day("2026-01-21");
	assert_int_equal(ukwd_schedule_new(&x->now, x->plan, x->cal,
	                                   day("2026-01-05"), &options, NULL),
	                 0);
	assert_int_equal(
	    ukwd_progress_new(&x->progress, x->now, x->baseline, NULL), 0);
}

static void
example_free(struct example *x)
{
	ukwd_progress_free(x->progress);
	ukwd_schedule_free(x->now);
	ukwd_baseline_free(x->baseline);
	ukwd_plan_free(x->plan);
	ukwd_calendar_free(x->cal);
}

typedef int (*renderer)(const ukwd_schedule *, const ukwd_render_options *,
                        ukwd_sink, void *);

static struct text
render(renderer fn, const struct example *x, const ukwd_progress *progress)
{
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	struct text t = {NULL, 0};

	options.progress = progress;
	assert_int_equal(fn(x->now, &options, text_sink, &t), 0);
	return t;
}

static void
expect_in(const struct text *t, const char *needle)
{
	if (!strstr(t->data, needle))
		fail_msg("not in the output: %s", needle);
}

/* B's baseline (12-23 January) is a bar at x 280 + 7 * 20 = 420, 12 days
 * wide (240), 3 high, 4 pixels above the foot of row 1 (44 + 24 + 24 -
 * 4 = 88); M's a small diamond in the middle of the 27th's column
 * (280 + 22 * 20 + 10 = 730) from 6 pixels above the foot of row 3
 * (44 + 4 * 24 - 6 = 134); E, new, has none. */
static void
test_svg__baseline_bars(void **state)
{
	struct example x;
	struct text svg;
	const char *e;

	(void)state;
	example_build(&x);
	svg = render(ukwd_render_svg, &x, x.progress);
	expect_in(&svg, "<rect x=\"420\" y=\"88\" width=\"240\" height=\"3\" "
	                "class=\"baseline\"/>");
	expect_in(&svg, "<rect x=\"280\" y=\"64\" width=\"100\" height=\"3\" "
	                "class=\"baseline\"/>");
	expect_in(&svg, "<path d=\"M730 134l3 3l-3 3l-3 -3z\" "
	                "class=\"baseline\"/>");
	e = strstr(svg.data, "id=\"task-5\"");
	assert_non_null(e);
	assert_null(strstr(e, "class=\"baseline\"/>\n</g>"));
	assert_null(strstr(strstr(e, "<title>"), "against the baseline ("));
	expect_in(&svg, "Start 0, finish +1 working day against the baseline "
	                "(2026-01-12 to 2026-01-23)");
	expect_in(&svg, "Start +1, finish +1 working day against the baseline "
	                "(2026-01-26 to 2026-01-27)");
	expect_in(&svg, "Extra: 2026-01-22 to 2026-01-22, 1 working day, "
	                "total float 4\nNew since the baseline");
	expect_in(&svg, "Finish 2026-01-28: +1 working day against the "
	                "baseline&apos;s 2026-01-27; status date 2026-01-21.");
	expect_in(&svg, "data-key=\"baseline\"");
	expect_in(&svg, ">11 d, finish +1</text>");
	free(svg.data);
	example_free(&x);
}

/* The chart starts early enough for the baseline: with A's dates
 * dropped from the plan's schedule by a later start, the baseline's
 * 5 January is still the first day drawn. */
static void
test_svg__range_holds_the_baseline(void **state)
{
	struct example x;
	ukwd_schedule *later = NULL;
	ukwd_progress *p = NULL;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	struct text with = {NULL, 0}, without = {NULL, 0};

	(void)state;
	example_build(&x);
	assert_int_equal(ukwd_plan_clear_remaining(x.plan, 1), 0);
	assert_int_equal(
	    ukwd_plan_clear_constraint(x.plan, 0, UKWD_CONSTRAINT_ACTUAL_START),
	    0);
	assert_int_equal(ukwd_plan_clear_constraint(
	                     x.plan, 0, UKWD_CONSTRAINT_ACTUAL_FINISH),
	                 0);
	assert_int_equal(
	    ukwd_plan_clear_constraint(x.plan, 1, UKWD_CONSTRAINT_ACTUAL_START),
	    0);
	assert_int_equal(ukwd_schedule_new(&later, x.plan, x.cal,
	                                   day("2026-01-19"), NULL, NULL),
	                 0);
	assert_int_equal(ukwd_progress_new(&p, later, x.baseline, NULL), 0);
	assert_int_equal(ukwd_render_svg(later, &options, text_sink, &without),
	                 0);
	options.progress = p;
	assert_int_equal(ukwd_render_svg(later, &options, text_sink, &with), 0);
	/* A: baseline 5-9 January at the chart's left edge, 5 days wide;
	 * today's A (19-23) two weeks, 280 pixels, to the right. */
	expect_in(&with, "<rect x=\"280\" y=\"64\" width=\"100\" height=\"3\" "
	                 "class=\"baseline\"/>");
	expect_in(&with, "<rect x=\"560\" y=\"49\" width=\"100\" "
	                 "height=\"14\"");
	expect_in(&without, "<rect x=\"280\" y=\"49\" width=\"100\" "
	                    "height=\"14\"");
	free(with.data);
	free(without.data);
	ukwd_progress_free(p);
	ukwd_schedule_free(later);
	example_free(&x);
}

static void
test_html__slip_columns(void **state)
{
	struct example x;
	struct text html;

	(void)state;
	example_build(&x);
	html = render(ukwd_render_html, &x, x.progress);
	expect_in(&html, "<th data-type=\"text\">Finish</th>"
	                 "<th data-type=\"number\">Start slip</th>"
	                 "<th data-type=\"number\">Finish slip</th>"
	                 "<th data-type=\"text\">Late start</th>");
	/* B: start 0, finish +1. */
	expect_in(&html, "<td class=\"date\">2026-01-26</td>"
	                 "<td class=\"num slip\" data-key=\"0\">0</td>"
	                 "<td class=\"num slip\" data-key=\"1\">+1</td>");
	expect_in(&html, ">new</td>");
	expect_in(&html, "class=\"baseline\"/>");
	expect_in(&html, "Finish 2026-01-28: +1 working day against the "
	                 "baseline&apos;s 2026-01-27; status date "
	                 "2026-01-21.</p>");
	free(html.data);
	example_free(&x);
}

static void
test_mermaid__slips(void **state)
{
	struct example x;
	struct text md;

	(void)state;
	example_build(&x);
	md = render(ukwd_render_mermaid, &x, x.progress);
	expect_in(&md, "gantt\n    %% finish variance: +1 working day "
	               "against the baseline\n");
	expect_in(&md, "    Design (0) :crit, t1, 2026-01-05, 5d\n");
	expect_in(&md, "    Build (+1) :crit, t2, 2026-01-12, 11d\n");
	expect_in(&md, "    Handover (+1) :crit, milestone, t4, "
	               "2026-01-28, 0d\n");
	expect_in(&md, "    Extra (new) :t5, 2026-01-22, 1d\n");
	free(md.data);
	example_free(&x);
}

/* Without a comparison nothing of the baseline is drawn or said. */
static void
test_without_progress__nothing(void **state)
{
	renderer fns[] = {ukwd_render_svg, ukwd_render_html,
	                  ukwd_render_mermaid};
	struct example x;

	(void)state;
	example_build(&x);
	for (size_t k = 0; k < sizeof(fns) / sizeof(*fns); k++) {
		struct text t = render(fns[k], &x, NULL);

		assert_null(strstr(t.data, "baseline"));
		assert_null(strstr(t.data, "slip"));
		assert_null(strstr(t.data, "(+1)"));
		free(t.data);
	}
	example_free(&x);
}

/* A comparison of another schedule is refused before a byte is written. */
static void
test_other_schedule__einval(void **state)
{
	renderer fns[] = {ukwd_render_svg, ukwd_render_html,
	                  ukwd_render_mermaid};
	struct example x;
	ukwd_schedule *other = NULL;
	ukwd_progress *p = NULL;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	ukwd_schedule_options status = UKWD_SCHEDULE_OPTIONS_INIT;

	(void)state;
	example_build(&x);
	status.has_status_date = 1;
	status.status_date = day("2026-01-21");
	/* The same plan, scheduled again: another schedule. */
	assert_int_equal(ukwd_schedule_new(&other, x.plan, x.cal,
	                                   day("2026-01-05"), &status, NULL),
	                 0);
	assert_int_equal(ukwd_progress_new(&p, other, x.baseline, NULL), 0);
	options.progress = p;
	for (size_t k = 0; k < sizeof(fns) / sizeof(*fns); k++) {
		struct text t = {NULL, 0};

		assert_int_equal(fns[k](x.now, &options, text_sink, &t),
		                 UKWD_EINVAL);
		assert_int_equal(t.len, 0);
	}
	ukwd_progress_free(p);
	ukwd_schedule_free(other);
	example_free(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_svg__baseline_bars),
	    cmocka_unit_test(test_svg__range_holds_the_baseline),
	    cmocka_unit_test(test_html__slip_columns),
	    cmocka_unit_test(test_mermaid__slips),
	    cmocka_unit_test(test_without_progress__nothing),
	    cmocka_unit_test(test_other_schedule__einval),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
