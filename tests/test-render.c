/* Renderers and the iCalendar schedule export.
 *
 * One hand-made plan over England and Wales in spring 2023 has every link
 * type, a lead, a milestone, a PROPOSED duration, a name full of markup
 * characters and two bank holidays inside it (1 and 8 May 2023). Each
 * test renders it into memory and checks what a reader relies on; the
 * byte-for-byte output of every format is pinned by the ukwd-plan golden
 * files. With libical the ICS is parsed back and compared with the
 * schedule. */
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

#if HAVE_LIBICAL
#include <libical/ical.h>
#endif
#if HAVE_JANSSON
#include <jansson.h>
#endif

/* ------------------------------------------------------------------ */
/* Fixtures */

struct fixture {
	ukwd_calendar *cal;
	ukwd_plan *plan;
	ukwd_schedule *sched;
};

static size_t
add_task(ukwd_plan *plan, const char *id, const char *name, int32_t days)
{
	size_t index = 0;

	assert_int_equal(ukwd_plan_add_task(&index, plan, id, name, days, NULL),
	                 0);
	return index;
}

static void
add_link(ukwd_plan *plan, size_t pred, size_t succ, ukwd_link_type type,
         int32_t lag)
{
	assert_int_equal(
	    ukwd_plan_add_link(NULL, plan, pred, succ, type, lag, NULL, NULL),
	    0);
}

/* The plan of examples/data/website.csv, with a source or two. */
static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	size_t brief, design, build, content, review, launch, hosting;

	assert_non_null(f);
	assert_int_equal(
	    ukwd_calendar_new_uk(&f->cal, UKWD_UK_ENGLAND_WALES, 2022, 2024),
	    0);
	assert_int_equal(ukwd_plan_new(&f->plan), 0);
	brief = add_task(f->plan, "brief", "Agree the brief", 3);
	design = add_task(f->plan, "design", "Design: copy & <layout>", 5);
	build = add_task(f->plan, "build", "Build the site", 10);
	content = add_task(f->plan, "content", "Write \"final\" 'content'", 8);
	review = add_task(f->plan, "review", "Review", 2);
	launch = add_task(f->plan, "launch", "Go live", 0);
	hosting = add_task(f->plan, "hosting/old", "", 15);
	add_link(f->plan, brief, design, UKWD_LINK_FS, 0);
	add_link(f->plan, design, build, UKWD_LINK_SS, 2);
	add_link(f->plan, brief, content, UKWD_LINK_FS, -1);
	add_link(f->plan, build, review, UKWD_LINK_FF, 0);
	add_link(f->plan, content, review, UKWD_LINK_FS, 0);
	add_link(f->plan, review, launch, UKWD_LINK_FS, 1);
	add_link(f->plan, launch, hosting, UKWD_LINK_SF, 0);
	{
		const ukwd_source guess = {UKWD_SOURCE_PROPOSED, "our guess",
		                           "H14"},
		                  contract = {UKWD_SOURCE_SOURCED,
		                              "the contract", NULL};

		assert_int_equal(
		    ukwd_plan_set_task_source(f->plan, build, &guess), 0);
		assert_int_equal(
		    ukwd_plan_set_task_source(f->plan, brief, &contract), 0);
	}
	assert_int_equal(ukwd_schedule_new(&f->sched, f->plan, f->cal,
	                                   ymd(2023, 4, 24), NULL, NULL),
	                 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	ukwd_schedule_free(f->sched);
	ukwd_plan_free(f->plan);
	ukwd_calendar_free(f->cal);
	free(f);
	return 0;
}

/* A sink into a growing NUL-terminated buffer. */
struct buffer {
	char *text;
	size_t len;
	int calls, stop_at; /* stop_at > 0: fail on that call */
};

static int
buffer_sink(const char *buf, size_t len, void *payload)
{
	struct buffer *b = payload;

	b->calls++;
	if (b->stop_at && b->calls >= b->stop_at)
		return 1;
	b->text = realloc(b->text, b->len + len + 1);
	assert_non_null(b->text);
	memcpy(b->text + b->len, buf, len);
	b->len += len;
	b->text[b->len] = '\0';
	return 0;
}

typedef int (*renderer)(const ukwd_schedule *, const ukwd_render_options *,
                        ukwd_sink, void *);

static int
ical_renderer(const ukwd_schedule *sched, const ukwd_render_options *options,
              ukwd_sink write, void *payload)
{
	(void)options;
	return ukwd_ical_export_schedule(sched, 0, write, payload);
}

static const struct {
	const char *name;
	renderer render;
} renderers[] = {
    {"text", ukwd_render_text}, {"mermaid", ukwd_render_mermaid},
    {"csv", ukwd_render_csv},   {"json", ukwd_render_json},
    {"svg", ukwd_render_svg},   {"html", ukwd_render_html},
#if HAVE_LIBICAL
    {"ics", ical_renderer},
#endif
};
#define NRENDERERS (sizeof(renderers) / sizeof(*renderers))

static char *
render(renderer fn, const ukwd_schedule *sched,
       const ukwd_render_options *options)
{
	struct buffer b = {NULL, 0, 0, 0};

	assert_int_equal(fn(sched, options, buffer_sink, &b), 0);
	assert_non_null(b.text);
	return b.text;
}

/* The line of `text` that starts with `prefix`, or NULL. */
static const char *
line_starting(const char *text, const char *prefix)
{
	for (const char *line = text; line && *line;) {
		const char *next = strchr(line, '\n');

		if (strncmp(line, prefix, strlen(prefix)) == 0)
			return line;
		line = next ? next + 1 : NULL;
	}
	return NULL;
}

static size_t
count(const char *text, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(text, needle); p;
	     p = strstr(p + strlen(needle), needle))
		n++;
	return n;
}

/* ------------------------------------------------------------------ */
/* All renderers */

static void
test_all__same_schedule_same_bytes(void **state)
{
	struct fixture *f = *state;

	for (size_t r = 0; r < NRENDERERS; r++) {
		char *one = render(renderers[r].render, f->sched, NULL);
		char *two = render(renderers[r].render, f->sched, NULL);

		assert_string_equal(one, two);
		free(one);
		free(two);
	}
}

static void
test_all__a_sink_that_stops_gives_euser_and_is_not_called_again(void **state)
{
	struct fixture *f = *state;

	for (size_t r = 0; r < NRENDERERS; r++) {
		struct buffer all = {NULL, 0, 0, 0};

		assert_int_equal(
		    renderers[r].render(f->sched, NULL, buffer_sink, &all), 0);
		free(all.text);
		assert_in_range(all.calls, 1, 1000);
		for (int stop = 1; stop <= all.calls; stop++) {
			struct buffer b = {NULL, 0, 0, stop};

			assert_int_equal(renderers[r].render(f->sched, NULL,
			                                     buffer_sink, &b),
			                 UKWD_EUSER);
			assert_int_equal(b.calls, stop);
			free(b.text);
		}
	}
}

static void
test_all__null_arguments_and_bad_options_are_einval(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options bad = UKWD_RENDER_OPTIONS_INIT;
	struct buffer b = {NULL, 0, 0, 0};

	bad.version = 99;
	for (size_t r = 0; r < NRENDERERS; r++) {
		assert_int_equal(
		    renderers[r].render(NULL, NULL, buffer_sink, &b),
		    UKWD_EINVAL);
		assert_int_equal(renderers[r].render(f->sched, NULL, NULL, &b),
		                 UKWD_EINVAL);
		if (renderers[r].render != ical_renderer)
			assert_int_equal(renderers[r].render(f->sched, &bad,
			                                     buffer_sink, &b),
			                 UKWD_EINVAL);
	}
	assert_int_equal(b.calls, 0);
#if HAVE_LIBICAL
	assert_int_equal(
	    ukwd_ical_export_schedule(f->sched, 0x80u, buffer_sink, &b),
	    UKWD_EINVAL);
#endif
}

static void
test_all__a_plan_changed_after_scheduling_is_einval(void **state)
{
	struct fixture *f = *state;
	struct buffer b = {NULL, 0, 0, 0};

	add_task(f->plan, "late", "Added later", 1);
	for (size_t r = 0; r < NRENDERERS; r++)
		assert_int_equal(
		    renderers[r].render(f->sched, NULL, buffer_sink, &b),
		    UKWD_EINVAL);
	assert_int_equal(b.calls, 0);
}

/* One name table, read and written: every tag's name parses back to
 * it (in any case), and nothing else parses. */
static void
test_source_tag__names_parse_back_and_nothing_else_does(void **state)
{
	static const char *const not_tags[] = {
	    "",          "PROPOSED:", "PROPOSED: x", "PROPOSE",
	    "PROPOSEDX", "SEC H14",   "UNKNOWN",     " USER"};
	ukwd_source_tag tag = UKWD_SOURCE_SOURCED;

	(void)state;
	for (int t = 0; t < UKWD_SOURCE_TAG_COUNT; t++) {
		const char *name = ukwd_source_tag_name((ukwd_source_tag)t);
		char lower[16];
		size_t i;

		assert_int_equal(
		    ukwd_source_tag_parse(&tag, name, strlen(name)), 0);
		assert_int_equal(tag, t);
		for (i = 0; name[i] && i + 1 < sizeof(lower); i++)
			lower[i] = (char)(name[i] - 'A' + 'a');
		lower[i] = '\0';
		tag = UKWD_SOURCE_SOURCED;
		assert_int_equal(ukwd_source_tag_parse(&tag, lower, i), 0);
		assert_int_equal(tag, t);
	}
	assert_string_equal(ukwd_source_tag_name(UKWD_SOURCE_PROPOSED),
	                    "PROPOSED");
	assert_string_equal(ukwd_source_tag_name(UKWD_SOURCE_USER), "USER");
	assert_string_equal(
	    ukwd_source_tag_name((ukwd_source_tag)UKWD_SOURCE_TAG_COUNT),
	    "UNKNOWN");
	tag = UKWD_SOURCE_USER;
	for (size_t i = 0; i < sizeof(not_tags) / sizeof(*not_tags); i++)
		assert_int_equal(ukwd_source_tag_parse(&tag, not_tags[i],
		                                       strlen(not_tags[i])),
		                 UKWD_EPARSE);
	/* The length given is the text: "USER" within "USERS". */
	assert_int_equal(ukwd_source_tag_parse(&tag, "USERS", 4), 0);
	assert_int_equal(tag, UKWD_SOURCE_USER);
	assert_int_equal(ukwd_source_tag_parse(NULL, "USER", 4), UKWD_EINVAL);
	assert_int_equal(ukwd_source_tag_parse(&tag, NULL, 0), UKWD_EINVAL);
}

/* A source read from the plan CSV's three columns comes out of the
 * schedule CSV's three columns as it went in, and JSON gives its tag,
 * "TAG: citation" and reference: no member is parsed out of another. */
static void
test_source__round_trips_through_plan_csv_and_json(void **state)
{
	static const char plan_csv[] =
	    "id,name,duration,predecessors,source,citation,reference\n"
	    "a,A,2,,sourced,\"SEC H14; \"\"quoted\"\", with a comma\",H14.5\n"
	    "b,B,3,a,USER,,\n"
	    "c,C,1,b,,,\n"
	    "d,D,1,c,Proposed,\"PROPOSED: not a tag; SEC G1\",\n";
	struct fixture *f = *state;
	ukwd_render_options opts = UKWD_RENDER_OPTIONS_INIT;
	ukwd_schedule *sched = NULL;
	ukwd_plan *plan = NULL;
	const ukwd_source *source;
	ukwd_diag diag;
	char *text;

	if (ukwd_plan_read_csv(&plan, plan_csv, strlen(plan_csv), NULL, &diag))
		fail_msg("read_csv: %d:%d: %s", diag.line, diag.column,
		         diag.message);
	source = ukwd_plan_task_source(plan, 3);
	assert_int_equal(source->tag, UKWD_SOURCE_PROPOSED);
	assert_string_equal(source->citation, "PROPOSED: not a tag; SEC G1");
	assert_string_equal(source->reference, "");
	assert_int_equal(ukwd_schedule_new(&sched, plan, f->cal,
	                                   ymd(2023, 4, 24), NULL, NULL),
	                 0);
	opts.flags = UKWD_RENDER_SOURCES;
	text = render(ukwd_render_csv, sched, &opts);
	assert_non_null(strstr(text, ",critical,source,citation,reference\n"));
	assert_non_null(strstr(
	    text,
	    ",SOURCED,\"SEC H14; \"\"quoted\"\", with a comma\",H14.5\n"));
	assert_non_null(strstr(text, ",USER,,\n"));
	assert_non_null(strstr(text, ",yes,,,\n"));
	assert_non_null(
	    strstr(text, ",PROPOSED,PROPOSED: not a tag; SEC G1,\n"));
	free(text);
	text = render(ukwd_render_json, sched, NULL);
	assert_non_null(strstr(
	    text, "\"source_tag\": \"SOURCED\", \"source\": \"SOURCED: SEC "
	          "H14; \\\"quoted\\\", with a comma\", \"reference\": "
	          "\"H14.5\""));
	assert_non_null(strstr(text, "\"source_tag\": \"USER\", \"source\": "
	                             "\"USER\", \"reference\": \"\""));
	assert_non_null(strstr(text, "\"source_tag\": \"\", \"source\": "
	                             "\"\", \"reference\": \"\""));
	assert_non_null(strstr(text,
	                       "\"source_tag\": \"PROPOSED\", \"source\": "
	                       "\"PROPOSED: PROPOSED: not a tag; SEC G1\", "
	                       "\"reference\": \"\""));
	free(text);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
}

/* ------------------------------------------------------------------ */
/* CSV and JSON */

static void
test_csv__ten_columns_quoted_and_sources_split_on_request(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options opts = UKWD_RENDER_OPTIONS_INIT;
	char *csv = render(ukwd_render_csv, f->sched, NULL);

	assert_non_null(line_starting(
	    csv, "id,name,duration,early_start,early_finish,late_start,"
	         "late_finish,total_float,free_float,critical\n"));
	assert_non_null(line_starting(
	    csv, "brief,Agree the brief,3,2023-04-24,2023-04-26,2023-04-24,"
	         "2023-04-26,0,0,yes\n"));
	/* SS+2 from 27 April skips the weekend and 1 May. */
	assert_non_null(line_starting(
	    csv, "build,Build the site,10,2023-05-02,2023-05-16,"));
	assert_non_null(line_starting(
	    csv, "content,\"Write \"\"final\"\" 'content'\",8,2023-04-26,"));
	/* Go live: FS+1 after Review's last day, 16 May: at the end of 17
	 * May (milestones that a finish drives print on the day it ends). */
	assert_non_null(line_starting(csv, "launch,Go live,0,2023-05-17,"
	                                   "2023-05-17,"));
	free(csv);
	opts.flags = UKWD_RENDER_SOURCES;
	csv = render(ukwd_render_csv, f->sched, &opts);
	assert_non_null(strstr(csv, ",critical,source,citation,reference\n"));
	assert_non_null(strstr(csv, ",yes,PROPOSED,our guess,H14\n"));
	assert_non_null(strstr(csv, ",yes,SOURCED,the contract,\n"));
	free(csv);
}

static void
test_json__format_version_fields_and_escapes(void **state)
{
	struct fixture *f = *state;
	char *json = render(ukwd_render_json, f->sched, NULL);

	assert_non_null(strstr(json, "\"format_version\": 1,"));
	assert_non_null(strstr(json,
	                       "\"project\": {\"start\": \"2023-04-24\", "
	                       "\"finish\": \"2023-05-17\", "
	                       "\"working_days\": 16, \"direction\": "
	                       "\"forward\", \"date\": \"2023-04-24\"},"));
	assert_non_null(strstr(json, "\"name\": \"Write \\\"final\\\" "
	                             "'content'\""));
	assert_non_null(strstr(json, "\"source_tag\": \"PROPOSED\", "
	                             "\"source\": \"PROPOSED: our guess\", "
	                             "\"reference\": \"H14\""));
	assert_non_null(strstr(json, "\"why_start\": \"starts 2023-05-02: 2 "
	                             "working days after"));
	assert_non_null(strstr(json, "\"critical_paths\": [["));
	assert_int_equal(count(json, "\"early_start\""), 7);
	/* The links, the working-day indices, and negative float. */
	assert_non_null(strstr(json, "\"links\": [\n    {\"predecessor\": "
	                             "\"brief\""));
	assert_non_null(strstr(json, "\"type\": \"SS\", \"lag\": 2"));
	assert_int_equal(count(json, "\"early_start_index\": "), 7);
	assert_int_equal(count(json, "\"constraints\": ["), 7);
	assert_non_null(strstr(json, "\"negative_float\": ["));
	free(json);
}

/* The schedule says what it is (issue 14): its direction and anchor date
 * come from ukwd_schedule_anchor(), in every format, and no option can
 * make a renderer say otherwise. A backward schedule shows late dates. */
static void
test_json__direction_and_date_are_the_schedule_s_own(void **state)
{
	struct fixture *f = *state;
	ukwd_schedule_options backward = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_render_options opts = UKWD_RENDER_OPTIONS_INIT;
	ukwd_schedule *sched;
	ukwd_scheduled_task row;
	char *json, expect[96];

	json = render(ukwd_render_json, f->sched, NULL);
	assert_non_null(strstr(json, "\"direction\": \"forward\", \"date\": "
	                             "\"2023-04-24\"}"));
	free(json);
	backward.direction = UKWD_SCHEDULE_BACKWARD;
	assert_int_equal(ukwd_schedule_new(&sched, f->plan, f->cal,
	                                   day("2023-06-30"), &backward, NULL),
	                 0);
	/* Every option at a value of its own: still the schedule's. */
	opts.today = day("2023-05-02");
	opts.flags = UKWD_RENDER_SOURCES;
	opts.scale = UKWD_RENDER_SCALE_WEEK;
	opts.width = 120;
	json = render(ukwd_render_json, sched, &opts);
	assert_non_null(strstr(json, "\"direction\": \"backward\", "
	                             "\"date\": \"2023-06-30\"}"));
	assert_null(strstr(json, "\"forward\""));
	/* "past" follows the late dates of a backward schedule. */
	assert_int_equal(ukwd_schedule_task(&row, sched, 0), 0);
	snprintf(expect, sizeof(expect), "\"past\": %s",
	         row.late_start < day("2023-05-02") ? "true" : "false");
	assert_non_null(strstr(json, expect));
	free(json);
	ukwd_schedule_free(sched);
}

/* ------------------------------------------------------------------ */
/* Mermaid */

static void
test_mermaid__excludes_tags_sections_and_escapes(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options opts = UKWD_RENDER_OPTIONS_INIT;
	char *text;

	opts.title = "Web: site";
	text = render(ukwd_render_mermaid, f->sched, &opts);
	assert_true(strncmp(text, "gantt\n", 6) == 0);
	assert_non_null(
	    line_starting(text, "    title Web\xea\x9e\x89 site\n"));
	assert_non_null(line_starting(text, "    dateFormat YYYY-MM-DD\n"));
	assert_non_null(line_starting(
	    text, "    excludes weekends, 2023-05-01, 2023-05-08\n"));
	/* "Design: ..." opens a section "Design". */
	assert_non_null(line_starting(text, "    section Design\n"));
	assert_non_null(line_starting(
	    text, "    copy & <layout> :crit, t2, 2023-04-27, 5d\n"));
	assert_non_null(line_starting(
	    text,
	    "    Build the site (PROPOSED) :crit, t3, 2023-05-02, 10d\n"));
	assert_non_null(line_starting(
	    text, "    Go live :crit, milestone, t6, 2023-05-17, 0d\n"));
	/* Hosting ends (SF) when Go live falls, at the end of 17 May, the
	 * project's last day: critical. */
	assert_non_null(line_starting(
	    text, "    hosting/old :crit, t7, 2023-04-25, 15d\n"));
	assert_int_equal(count(text, "section "), 3);
	free(text);
}

/* ------------------------------------------------------------------ */
/* Text */

static size_t
utf8_chars(const char *line, size_t bytes)
{
	size_t n = 0;

	for (size_t i = 0; i < bytes; i++)
		n += ((unsigned char)line[i] & 0xC0) != 0x80;
	return n;
}

static void
assert_lines_fit(const char *text, size_t width)
{
	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');

		assert_non_null(end);
		assert_in_range(utf8_chars(line, (size_t)(end - line)), 0,
		                width);
		line = end + 1;
	}
}

static void
test_text__day_scale_bars_holidays_milestone_today_in_ascii(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options opts = UKWD_RENDER_OPTIONS_INIT;
	const char *row;
	char *text;

	opts.ascii = 1;
	opts.today = ymd(2023, 5, 10);
	text = render(ukwd_render_text, f->sched, &opts);
	assert_lines_fit(text, 100);
	/* Label column: 2 + 23 (the longest name) + 1; 24 April is
	 * column 0. */
	row = line_starting(text, "* Agree the brief");
	assert_non_null(row);
	assert_memory_equal(row + 26, "###  ::", 7);
	row = line_starting(text, "* Build the site");
	assert_non_null(row);
	/* 1 May is a bank holiday inside nothing (H, weekends ':'); the
	 * PROPOSED bar is hatched from 2 May; 8 May is marked inside it. */
	assert_memory_equal(row + 26 + 5, "::H////::H////", 14);
	row = line_starting(text, "* Go live");
	assert_non_null(row);
	assert_int_equal(row[26 + 23], '*');
	assert_int_equal(strcspn(row + 26, "*"), 23);
	/* Today, 10 May (column 16), where no bar is. */
	row = line_starting(text, "* Review");
	assert_int_equal(row[26 + 16], '|');
	/* Write content has 3 days of float after it. */
	row = line_starting(text, "  Write \"final\"");
	assert_non_null(row);
	assert_memory_equal(row + 26 + 15, "#---", 4);
	assert_non_null(strstr(text, "a column is a day."));
	assert_non_null(strstr(text, "/ PROPOSED duration"));
	assert_non_null(strstr(text, "| today (2023-05-10)"));
	assert_non_null(strstr(text, "H holiday (named below)"));
	assert_non_null(strstr(text, "\nHolidays: 2023-05-01 Early May bank "
	                             "holiday; 2023-05-08 Bank holiday for "));
	assert_non_null(strstr(text, " Charles III.\n"));
	assert_null(strstr(text, "\xe2")); /* ASCII only */
	free(text);
}

static void
test_text__unicode_week_scale_and_width(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options opts = UKWD_RENDER_OPTIONS_INIT;
	char *text;

	opts.scale = UKWD_RENDER_SCALE_WEEK;
	opts.width = 40;
	text = render(ukwd_render_text, f->sched, &opts);
	assert_lines_fit(text, 40);
	assert_non_null(strstr(text, "\xe2\x97\x86")); /* ◆ */
	assert_non_null(strstr(text, "\xe2\x96\x88")); /* █ */
	assert_non_null(strstr(text, "a column is a week, Monday to Sunday"));
	free(text);
	opts.scale = UKWD_RENDER_SCALE_MONTH;
	{
		struct buffer b = {NULL, 0, 0, 0};

		assert_int_equal(
		    ukwd_render_text(f->sched, &opts, buffer_sink, &b),
		    UKWD_EINVAL);
		opts.scale = UKWD_RENDER_SCALE_DAY;
		opts.width = 39;
		assert_int_equal(
		    ukwd_render_text(f->sched, &opts, buffer_sink, &b),
		    UKWD_EINVAL);
		assert_int_equal(b.calls, 0);
	}
}

/* ------------------------------------------------------------------ */
/* SVG and HTML */

static void
test_svg__escapes_hatches_holidays_milestone_and_arrows(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options opts = UKWD_RENDER_OPTIONS_INIT;
	char *svg;

	opts.title = "A & B";
	opts.today = ymd(2023, 5, 10);
	svg = render(ukwd_render_svg, f->sched, &opts);
	assert_true(
	    strncmp(svg,
	            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	            "<svg xmlns=\"http://www.w3.org/2000/svg\"",
	            strlen("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                   "<svg xmlns=\"http://www.w3.org/2000/svg\"")) == 0);
	assert_non_null(strstr(svg, "<title>A &amp; B</title>"));
	assert_non_null(strstr(svg, "Design: copy &amp; &lt;layout&gt;"));
	assert_non_null(strstr(svg, "Write &quot;final&quot; &apos;content"));
	assert_null(strstr(svg, "<layout>"));
	assert_null(strstr(svg, "'content'"));
	assert_non_null(strstr(svg, "<pattern id=\"ukwd-hatch\""));
	assert_int_equal(count(svg, "class=\"bar crit proposed\""), 3);
	assert_non_null(
	    strstr(svg, "<title>2023-05-08: Bank holiday for the coronation "
	                "of King Charles III</title>"));
	assert_non_null(strstr(svg, "<title>2023-04-29: Saturday</title>"));
	assert_int_equal(count(svg, "class=\"milestone crit\""), 1);
	assert_int_equal(count(svg, "class=\"link\"><title>"), 7);
	assert_non_null(strstr(svg, "<title>design SS+2 build</title>"));
	assert_non_null(strstr(svg, "<title>brief FS-1 content</title>"));
	assert_non_null(strstr(svg, "class=\"today\"><title>today, "
	                            "2023-05-10</title>"));
	assert_non_null(strstr(svg, "class=\"legend\""));
	assert_true(strcmp(svg + strlen(svg) - 7, "</svg>\n") == 0);
	free(svg);
}

static void
test_svg__invalid_utf8_and_control_characters_become_fffd(void **state)
{
	struct fixture *f = *state;
	ukwd_plan *plan;
	ukwd_schedule *sched;
	char *svg;

	assert_int_equal(ukwd_plan_new(&plan), 0);
	add_task(plan, "x", "bad \xff\xc3 and \x01 \xed\xa0\x80 ok \xc3\xa9",
	         1);
	assert_int_equal(ukwd_schedule_new(&sched, plan, f->cal,
	                                   ymd(2023, 1, 3), NULL, NULL),
	                 0);
	svg = render(ukwd_render_svg, sched, NULL);
	assert_non_null(strstr(svg, ">bad \xef\xbf\xbd\xef\xbf\xbd and "
	                            "\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd"
	                            "\xef\xbf\xbd ok \xc3\xa9<"));
	free(svg);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
}

static void
test_html__one_file_with_the_svg_a_sortable_table_and_no_network(void **state)
{
	struct fixture *f = *state;
	char *html = render(ukwd_render_html, f->sched, NULL);

	assert_true(strncmp(html, "<!DOCTYPE html>\n", 16) == 0);
	assert_int_equal(count(html, "<svg "), 1);
	assert_null(strstr(html, "<?xml"));
	assert_non_null(strstr(html, "<table id=\"ukwd-tasks\">"));
	assert_int_equal(count(html, "<tr data-index="), 7);
	assert_non_null(strstr(html, "<th data-type=\"number\">Total float"));
	assert_non_null(strstr(html, "addEventListener('click'"));
	/* The tag, then the citation in its own words, then the
	 * reference: never "PROPOSED: our guess". */
	assert_non_null(strstr(html,
	                       ">PROPOSED</span><span class=\"citation\">"
	                       "our guess</span><span class=\"reference\">"
	                       "SEC H14</span></td>"));
	assert_null(strstr(html, "PROPOSED: our guess"));
	assert_non_null(strstr(html, "<td>starts 2023-05-02: 2 working days "
	                             "after &apos;Design: copy &amp; "));
	/* Nothing fetched: no src, no href, no URL but the namespaces. */
	assert_null(strstr(html, "src="));
	assert_null(strstr(html, "href"));
	assert_int_equal(count(html, "http"), 2);
	free(html);
}

/* ------------------------------------------------------------------ */
/* iCalendar */

#if HAVE_LIBICAL
static void
test_ics__text_form_dates_relations_and_gaps(void **state)
{
	struct fixture *f = *state;
	struct buffer b = {NULL, 0, 0, 0};

	assert_int_equal(
	    ukwd_ical_export_schedule(f->sched, 0, buffer_sink, &b), 0);
	assert_true(strncmp(b.text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30) ==
	            0);
	assert_int_equal(count(b.text, "BEGIN:VEVENT"), 7);
	assert_int_equal(count(b.text, "\r\n"), count(b.text, "\n"));
	/* Build: 2 to 16 May; DTEND exclusive. */
	assert_non_null(strstr(b.text, "DTSTART;VALUE=DATE:20230502\r\n"
	                               "DTEND;VALUE=DATE:20230517\r\n"));
	assert_non_null(strstr(b.text, "SUMMARY:Build the site (PROPOSED)"));
	/* The milestone is its one day. */
	assert_non_null(strstr(b.text, "DTSTART;VALUE=DATE:20230517\r\n"
	                               "DTEND;VALUE=DATE:20230518\r\n"));
	/* SS+2 from 27 April reaches 2 May: 5 calendar days. */
	assert_non_null(strstr(b.text, "RELATED-TO;RELTYPE=STARTTOSTART;"
	                               "GAP=P5D;X-UKWD-LAG=2:"));
	/* FS-1 from brief (next working day 27 April) is 26 April. */
	assert_non_null(strstr(b.text, "RELATED-TO;RELTYPE=FINISHTOSTART;"
	                               "GAP=-P1D;X-UKWD-LAG=-1:"));
	assert_non_null(strstr(b.text, "RELTYPE=FINISHTOFINISH"));
	assert_non_null(strstr(b.text, "RELTYPE=STARTTOFINISH"));
	assert_non_null(strstr(b.text, "UID:ukwd-"));
	assert_non_null(strstr(b.text, "-hosting_old@libukwd\r\n"));
	assert_true(strcmp(b.text + b.len - 15, "END:VCALENDAR\r\n") == 0);
	free(b.text);
}

static void
test_ics__todo_has_due_on_the_last_day(void **state)
{
	struct fixture *f = *state;
	struct buffer b = {NULL, 0, 0, 0};

	assert_int_equal(ukwd_ical_export_schedule(f->sched, UKWD_ICAL_TODO,
	                                           buffer_sink, &b),
	                 0);
	assert_int_equal(count(b.text, "BEGIN:VTODO"), 7);
	assert_int_equal(count(b.text, "BEGIN:VEVENT"), 0);
	assert_non_null(strstr(b.text, "DTSTART;VALUE=DATE:20230502\r\n"
	                               "DUE;VALUE=DATE:20230516\r\n"));
	/* A milestone has a DUE and no DTSTART. */
	assert_non_null(strstr(b.text, "Z\r\nDUE;VALUE=DATE:20230517\r\n"));
	free(b.text);
}

static void
test_ics__libical_reads_back_the_same_tasks_dates_and_relations(void **state)
{
	static const char *const reltypes[] = {
	    "FINISHTOSTART", "STARTTOSTART", "FINISHTOFINISH", "STARTTOFINISH"};
	struct fixture *f = *state;
	struct buffer b = {NULL, 0, 0, 0};
	icalcomponent *root, *event;
	size_t task = 0, relations = 0;

	assert_int_equal(
	    ukwd_ical_export_schedule(f->sched, 0, buffer_sink, &b), 0);
	root = icalparser_parse_string(b.text);
	assert_non_null(root);
	assert_int_equal(icalcomponent_count_errors(root), 0);
	for (event =
	         icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
	     event; event = icalcomponent_get_next_component(
	                root, ICAL_VEVENT_COMPONENT),
	    task++) {
		ukwd_scheduled_task row;
		struct icaltimetype start = icalcomponent_get_dtstart(event);
		struct icaltimetype end = icalcomponent_get_dtend(event);
		const char *summary = icalcomponent_get_summary(event);
		icalproperty *rel;

		assert_int_equal(ukwd_schedule_task(&row, f->sched, task), 0);
		assert_true(start.is_date);
		assert_int_equal(ymd(start.year, start.month, start.day),
		                 row.early_start);
		assert_int_equal(ymd(end.year, end.month, end.day),
		                 row.duration ? row.early_finish + 1
		                              : row.early_start + 1);
		assert_non_null(summary);
		assert_non_null(
		    strstr(summary, ukwd_plan_task_name(f->plan, task)));
		for (rel = icalcomponent_get_first_property(
		         event, ICAL_RELATEDTO_PROPERTY);
		     rel; rel = icalcomponent_get_next_property(
		              event, ICAL_RELATEDTO_PROPERTY)) {
			ukwd_plan_link_info link;
			icalparameter *type = icalproperty_get_first_parameter(
			    rel, ICAL_RELTYPE_PARAMETER);
			char uid_prefix[64];

			/* Links are written in plan order, each on its
			 * successor. */
			for (;; relations++) {
				assert_int_equal(
				    ukwd_plan_link(&link, f->plan, relations),
				    0);
				if (link.successor == task)
					break;
			}
			assert_non_null(type);
			assert_non_null(
			    strstr(icalparameter_as_ical_string(type),
			           reltypes[link.type]));
			snprintf(uid_prefix, sizeof(uid_prefix), "-%s@libukwd",
			         ukwd_plan_task_id(f->plan, link.predecessor));
			assert_non_null(strstr(icalproperty_get_relatedto(rel),
			                       uid_prefix));
			relations++;
		}
	}
	assert_int_equal(task, 7);
	assert_int_equal(relations, 7);
	icalcomponent_free(root);
	free(b.text);
}
#endif

/* ------------------------------------------------------------------ */
/* Targets, today and the USER tag (issue 12) */

/* The fixture's plan finishes on 2023-05-26 (see the goldens); a target
 * two working days before it is missed by 2. */
/* The heading: the title, what was planned, which way and its span, the
 * calendar, the day the chart was made and the key dates; the holidays
 * named under the axis and shaded apart; the legend only what is drawn.
 */
static void
test_svg_html__heading_holidays_and_legend(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	const ukwd_render_key_date keys[] = {{ymd(2023, 5, 17), "Go live"}};
	char *text;

	options.title = "Website";
	options.made = ymd(2023, 4, 20);
	options.calendar = "England & Wales";
	options.key_dates = keys;
	options.key_date_count = 1;
	text = render(ukwd_render_svg, f->sched, &options);
	assert_non_null(strstr(text, "class=\"title\">Website</text>"));
	assert_non_null(strstr(text, "class=\"subtitle\">7 tasks scheduled "
	                             "forward from 2023-04-24: 2023-04-24 to "
	                             "2023-05-17, 16 working days</text>"));
	assert_non_null(strstr(text, "Calendar: England &amp; Wales. Made on "
	                             "2023-04-20.</text>"));
	assert_non_null(
	    strstr(text, "class=\"key-date\">Go live: 2023-05-17</text>"));
	assert_int_equal(count(text, "class=\"holiday\"><title>"), 2);
	assert_non_null(strstr(text, "class=\"holiday-name\">"));
	assert_non_null(strstr(text, ">Early May bank holiday</text>"));
	assert_non_null(strstr(text, "data-key=\"holiday\""));
	/* Nothing is PROPOSED but the three bars the fixture tags so. */
	assert_non_null(strstr(text, "data-key=\"proposed\""));
	assert_null(strstr(text, "data-key=\"today\""));
	free(text);
	text = render(ukwd_render_html, f->sched, &options);
	assert_non_null(strstr(text, "<h1>Website</h1>\n<p class=\"subtitle\">"
	                             "7 tasks scheduled forward from "));
	assert_non_null(strstr(text, "<li>Go live: <time datetime=\"2023-05-17"
	                             "\">2023-05-17</time></li>"));
	/* In HTML the page has the heading, the chart does not. */
	assert_null(strstr(text, "class=\"title\""));
	assert_non_null(strstr(text, "<td class=\"date\">2023-04-24</td>"));
	free(text);
	/* Without a calendar or made day: the calendar as it is, no day. */
	options.calendar = NULL;
	options.made = UKWD_RENDER_NO_DATE;
	text = render(ukwd_render_svg, f->sched, &options);
	assert_non_null(strstr(text, "Calendar: weekend Sat, Sun; 2 holidays "
	                             "in the span.</text>"));
	assert_null(strstr(text, "Made on"));
	free(text);
	/* Key dates given without an array are refused. */
	options.key_dates = NULL;
	{
		struct buffer b = {NULL, 0, 0, 0};

		assert_int_equal(
		    ukwd_render_svg(f->sched, &options, buffer_sink, &b),
		    UKWD_EINVAL);
	}
}

static void
test_targets__json_says_met_or_late_and_charts_warn(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	ukwd_render_target targets[2];
	ukwd_date finish;
	char *text;

	assert_int_equal(ukwd_schedule_span(NULL, &finish, NULL, f->sched), 0);
	targets[0].date = finish;
	targets[0].label = "mandate";
	assert_int_equal(ukwd_workday_add(&targets[1].date, f->cal, finish, -2),
	                 0);
	targets[1].label = "deadline";
	options.targets = targets;
	options.target_count = 2;
	text = render(ukwd_render_json, f->sched, &options);
	assert_non_null(
	    strstr(text, "\"targets\": [{\"label\": \"mandate\", "));
	assert_non_null(
	    strstr(text, "\"met\": true, \"working_days_late\": 0}"));
	assert_non_null(strstr(text, "{\"label\": \"deadline\", \"date\": \""));
	assert_non_null(
	    strstr(text, "\"met\": false, \"working_days_late\": 2}"));
	free(text);
	/* Only the missed one is a warning, in every chart. */
	text = render(ukwd_render_text, f->sched, &options);
	assert_non_null(strstr(text, "Warning: Misses the deadline ("));
	assert_non_null(strstr(text, "2 working days late."));
	assert_null(strstr(text, "Misses the mandate"));
	free(text);
	text = render(ukwd_render_svg, f->sched, &options);
	assert_int_equal(count(text, "<text class=\"warning\""), 1);
	assert_non_null(strstr(text, "Misses the deadline"));
	free(text);
	text = render(ukwd_render_html, f->sched, &options);
	assert_int_equal(count(text, "<p class=\"warning\" role=\"alert\">"),
	                 1);
	free(text);
	/* Without targets: an empty list and no warning. */
	options.target_count = 0;
	text = render(ukwd_render_json, f->sched, &options);
	assert_non_null(strstr(text, "\"targets\": []"));
	free(text);
	text = render(ukwd_render_svg, f->sched, &options);
	assert_null(strstr(text, "class=\"warning\""));
	free(text);
	/* Targets given without an array are refused. */
	options.target_count = 1;
	options.targets = NULL;
	{
		struct buffer b = {NULL, 0, 0, 0};

		assert_int_equal(
		    ukwd_render_json(f->sched, &options, buffer_sink, &b),
		    UKWD_EINVAL);
	}
}

static void
test_today__json_marks_past_tasks_and_charts_count_them(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	ukwd_scheduled_task row;
	char *text;

	/* Today is the early start of task 3 (content): tasks starting
	 * before it are past. */
	assert_int_equal(ukwd_schedule_task(&row, f->sched, 3), 0);
	options.today = row.early_start;
	text = render(ukwd_render_json, f->sched, &options);
	assert_int_equal(count(text, "\"past\": "), 7);
	assert_true(count(text, "\"past\": true") >= 1);
	assert_true(count(text, "\"past\": false") >= 1);
	free(text);
	text = render(ukwd_render_html, f->sched, &options);
	assert_non_null(strstr(text, "dated before today"));
	free(text);
	/* No today, no "past" members. */
	text = render(ukwd_render_json, f->sched, NULL);
	assert_null(strstr(text, "\"past\""));
	free(text);
}

/* A caller built against version 1 of the options has no targets: the
 * renderer must not read past its struct. */
/* JSON says which day a milestone is dated on, and only for milestones:
 * Go live follows Review's finish (FS+1), so a finish drives it. */
static void
test_json__milestones_say_which_day_they_are_dated_on(void **state)
{
	struct fixture *f = *state;
	char *text = render(ukwd_render_json, f->sched, NULL);

	assert_int_equal(count(text, "\"milestone_day\""), 1);
	assert_non_null(strstr(text, "\"why_finish\": "));
	assert_non_null(strstr(text, "\"milestone_day\": {\"early\": "
	                             "\"finish\", \"late\": \"finish\"}"));
	assert_non_null(strstr(text, "falls on 2023-05-17 (end of day): 1 "
	                             "working day after 'Review' finishes "
	                             "(FS+1)"));
	free(text);
}

static void
test_options__version_1_callers_are_read_as_version_1(void **state)
{
	/* The layout of version 1, allocated to its exact size so that
	 * AddressSanitizer catches a read past it. */
	struct options_v1 {
		unsigned int version;
		int width, ascii;
		ukwd_date today;
		ukwd_render_scale scale;
		unsigned int flags;
		const char *title;
	};
	struct fixture *f = *state;
	struct options_v1 *v1 = calloc(1, sizeof(*v1));
	char *text;

	assert_non_null(v1);
	assert_int_equal(sizeof(*v1), offsetof(ukwd_render_options, targets));
	v1->version = 1;
	v1->today = UKWD_RENDER_NO_DATE;
	text = render(ukwd_render_json, f->sched,
	              (const ukwd_render_options *)(void *)v1);
	assert_non_null(strstr(text, "\"targets\": []"));
	free(text);
	/* _init() of version 1 writes version 1's members only: the block
	 * ends there, so ASan and valgrind see a write past it. */
	v1->width = 77;
	assert_int_equal(
	    ukwd_render_options_init((ukwd_render_options *)(void *)v1, 1), 0);
	assert_int_equal(v1->version, 1);
	assert_int_equal(v1->width, 0);
	assert_int_equal(v1->today, UKWD_RENDER_NO_DATE);
	assert_int_equal(
	    ukwd_render_options_init((ukwd_render_options *)(void *)v1, 0),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_render_options_init((ukwd_render_options *)(void *)v1,
	                             UKWD_RENDER_OPTIONS_VERSION + 1),
	    UKWD_EINVAL);
	assert_int_equal(ukwd_render_options_init(NULL, 1), UKWD_EINVAL);
	free(v1);
}

static void
test_source_tag__user_is_drawn_like_proposed(void **state)
{
	struct fixture *f = *state;
	char *text;

	(void)f;
	{
		const ukwd_source mine = {UKWD_SOURCE_USER, "mine", NULL};

		assert_int_equal(ukwd_plan_set_task_source(f->plan, 0, &mine),
		                 0);
	}
	ukwd_schedule_free(f->sched);
	assert_int_equal(ukwd_schedule_new(&f->sched, f->plan, f->cal,
	                                   day("2023-04-24"), NULL, NULL),
	                 0);
	text = render(ukwd_render_text, f->sched, NULL);
	assert_non_null(strstr(text, "PROPOSED or USER duration"));
	free(text);
	text = render(ukwd_render_json, f->sched, NULL);
	assert_non_null(strstr(text, "\"source_tag\": \"USER\""));
	free(text);
	/* Labelled USER, never PROPOSED. */
	text = render(ukwd_render_mermaid, f->sched, NULL);
	assert_non_null(strstr(text, "Agree the brief (USER) :"));
	assert_null(strstr(text, "Agree the brief (PROPOSED)"));
	free(text);
	text = render(ukwd_render_svg, f->sched, NULL);
	assert_non_null(strstr(text, "3 d USER</text>"));
	free(text);
}

/* ------------------------------------------------------------------ */
/* Hostile names: one rule for every format (render.h, "Names in
 * output") */

/* Whether text is well-formed UTF-8 (no overlong forms, surrogates or
 * code points past U+10FFFF). */
static int
valid_utf8(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;

	for (size_t i = 0; i < len;) {
		unsigned char c = p[i];
		size_t need = c < 0x80                 ? 1
		              : c >= 0xC2 && c <= 0xDF ? 2
		              : (c & 0xF0) == 0xE0     ? 3
		              : c >= 0xF0 && c <= 0xF4 ? 4
		                                       : 0;
		uint32_t cp = c & (need == 2   ? 0x1Fu
		                   : need == 3 ? 0x0Fu
		                               : 0x07u);

		if (!need || i + need > len)
			return 0;
		for (size_t k = 1; k < need; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i + k] & 0x3Fu);
		}
		if ((need == 3 &&
		     (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		    (need == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
			return 0;
		i += need;
	}
	return 1;
}

/* A control character (C0 but `allowed`, DEL, C1) anywhere in text. */
static int
has_control(const char *text, const char *allowed)
{
	const unsigned char *p = (const unsigned char *)text;

	for (size_t i = 0; p[i]; i++) {
		if ((p[i] < 0x20 && !strchr(allowed, p[i])) || p[i] == 0x7F)
			return 1;
		if (p[i] == 0xC2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F)
			return 1;
	}
	return 0;
}

/* RFC 4180 records: each must have `fields` fields; their number. */
static size_t
csv_records(const char *text, size_t fields)
{
	size_t records = 0, seen = 1;
	int quoted = 0;

	for (const char *p = text; *p; p++) {
		if (quoted) {
			if (*p == '"' && p[1] == '"')
				p++;
			else if (*p == '"')
				quoted = 0;
		} else if (*p == '"') {
			quoted = 1;
		} else if (*p == ',') {
			seen++;
		} else if (*p == '\n') {
			assert_int_equal(seen, fields);
			records++;
			seen = 1;
		}
	}
	assert_false(quoted);
	return records;
}

static void
test_hostile_names__every_format_writes_valid_text_without_controls(
    void **state)
{
	static const char *const names[] = {
	    "Bad \xff\xfe byte",
	    "Tab\there",
	    "New\nline, \"quoted\"",
	    "Esc \x1b[31mred\x1b[0m",
	    /* One name: split so that "c" does not join the \x9b escape. */
	    ("C1 \xc2\x9b"
	     "csi and DEL \x7f"),
	    "Cut \xe2\x82",
	    "Overlong \xc0\xaf; #x: y",
	};
	ukwd_plan *plan;
	ukwd_schedule *sched;
	size_t prev = 0;
	struct fixture *f = *state;

	assert_int_equal(ukwd_plan_new(&plan), 0);
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		char id[16];
		size_t t;

		snprintf(id, sizeof(id), "t%zu\x01", i);
		t = add_task(plan, id, names[i], (int32_t)(i % 3));
		if (i)
			add_link(plan, prev, t, UKWD_LINK_FS, 0);
		prev = t;
	}
	assert_int_equal(ukwd_schedule_new(&sched, plan, f->cal,
	                                   ymd(2023, 4, 24), NULL, NULL),
	                 0);
	for (size_t r = 0; r < NRENDERERS; r++) {
		char *text;

		if (strcmp(renderers[r].name, "ics") == 0)
			continue; /* lib/ical.c: its own rule and tests */
		text = render(renderers[r].render, sched, NULL);
		if (!valid_utf8(text, strlen(text)))
			fail_msg("%s: not valid UTF-8", renderers[r].name);
		if (strcmp(renderers[r].name, "svg") == 0 ||
		    strcmp(renderers[r].name, "html") == 0) {
			/* XML white space is allowed; markup must be too. */
			if (has_control(text, "\t\n\r"))
				fail_msg("%s: a control character",
				         renderers[r].name);
		} else if (has_control(text, "\n")) {
			fail_msg("%s: a control character", renderers[r].name);
		}
		if (strcmp(renderers[r].name, "csv") == 0)
			assert_int_equal(csv_records(text, 10),
			                 1 + sizeof(names) / sizeof(*names));
		if (strcmp(renderers[r].name, "mermaid") == 0) {
			/* one line a task, each a whole statement */
			assert_int_equal(count(text, " :"),
			                 sizeof(names) / sizeof(*names));
			assert_non_null(
			    strstr(text, "Esc \xef\xbf\xbd[31mred"));
		}
		if (strcmp(renderers[r].name, "text") == 0)
			assert_non_null(strstr(text, "Tab\xef\xbf\xbdhere"));
		if (strcmp(renderers[r].name, "json") == 0) {
#if HAVE_JANSSON
			json_error_t error;
			json_t *doc =
			    json_loads(text, JSON_REJECT_DUPLICATES, &error);

			if (!doc)
				fail_msg("json: %s at line %d", error.text,
				         error.line);
			json_decref(doc);
#endif
			assert_non_null(strstr(text, "\"Tab\\u0009here\""));
			assert_non_null(strstr(text, "Esc \\u001b[31mred"));
			assert_non_null(
			    strstr(text, "C1 \\u009bcsi and DEL \\u007f"));
			assert_non_null(
			    strstr(text, "Bad \xef\xbf\xbd\xef\xbf\xbd byte"));
			assert_non_null(strstr(text, "\"t0\\u0001\""));
		}
		free(text);
	}
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
}

/* Two tasks, the second held `days` - 1 calendar days after the first
 * starts on 2000-01-03 (a Monday): a chart of `days` days. */
static ukwd_schedule *
span_schedule(ukwd_calendar **cal, ukwd_plan **plan, long days)
{
	ukwd_schedule *sched = NULL;
	ukwd_date first = ymd(2000, 1, 3), last = first + (ukwd_date)days - 1;
	size_t early, late;

	/* Both ends are working days: the last is a Monday too. */
	assert_int_equal(ukwd_date_weekday(last), UKWD_MONDAY);
	assert_int_equal(ukwd_calendar_new_uk(cal, UKWD_UK_ENGLAND_WALES, 2000,
	                                      2000 + (int)(days / 365) + 2),
	                 0);
	assert_int_equal(ukwd_plan_new(plan), 0);
	early = add_task(*plan, "early", "The first", 1);
	late = add_task(*plan, "late", "The last", 1);
	assert_int_equal(
	    ukwd_plan_set_constraint(
	        *plan, late, UKWD_CONSTRAINT_START_NO_EARLIER_THAN, last, NULL),
	    0);
	(void)early;
	assert_int_equal(
	    ukwd_schedule_new(&sched, *plan, *cal, first, NULL, NULL), 0);
	return sched;
}

static void
test_svg_html__a_span_over_the_limit_is_einval_before_a_byte(void **state)
{
	/* 199,998 days (a multiple of 7, plus 1) draws; 200,005 does not. */
	static const long spans[] = {UKWD_RENDER_MAX_DAYS - 2,
	                             UKWD_RENDER_MAX_DAYS + 5};

	(void)state;
	for (size_t s = 0; s < 2; s++) {
		ukwd_calendar *cal;
		ukwd_plan *plan;
		ukwd_schedule *sched = span_schedule(&cal, &plan, spans[s]);
		renderer charts[] = {ukwd_render_svg, ukwd_render_html};

		for (size_t r = 0; r < 2; r++) {
			struct buffer b = {NULL, 0, 0, 0};
			int rc = charts[r](sched, NULL, buffer_sink, &b);

			if (spans[s] <= UKWD_RENDER_MAX_DAYS) {
				assert_int_equal(rc, 0);
				assert_non_null(b.text);
			} else {
				assert_int_equal(rc, UKWD_EINVAL);
				assert_int_equal(b.calls, 0);
			}
			free(b.text);
		}
		ukwd_schedule_free(sched);
		ukwd_plan_free(plan);
		ukwd_calendar_free(cal);
	}
}

/* ------------------------------------------------------------------ */
/* Large plans: CSV and JSON rows written without printf (issue 13) */

#define LARGE_TASKS 3000

/* A chain of LARGE_TASKS tasks over some 20 years of GB working days:
 * milestones, leads and lags, SS links, a deadline it misses (negative
 * float), estimates and constraints, and names that are long (past any
 * small buffer), quoted or escaped. */
static void
large_plan(ukwd_calendar **cal, ukwd_plan **plan, ukwd_schedule **sched)
{
	char long_name[400];

	memset(long_name, 'x', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	assert_int_equal(ukwd_calendar_new_uk(cal, UKWD_UK_GB, 1990, 2040), 0);
	assert_int_equal(ukwd_plan_new(plan), 0);
	for (size_t i = 0; i < LARGE_TASKS; i++) {
		char id[32], name[512];
		size_t t;

		snprintf(id, sizeof(id), "task-%zu", i);
		switch (i % 7) {
		case 3:
			snprintf(name, sizeof(name), "%s %zu", long_name, i);
			break;
		case 4:
			snprintf(name, sizeof(name), "Sign, then \"file\" %zu",
			         i);
			break;
		case 5:
			snprintf(name, sizeof(name), "Caf\xc3\xa9 \\ %zu", i);
			break;
		default:
			snprintf(name, sizeof(name), "Task %zu", i);
		}
		t = add_task(*plan, id, name, (int32_t)(i % 5));
		if (i)
			add_link(*plan, t - 1, t, UKWD_LINK_FS,
			         (int32_t)(i % 5) - 2);
		if (i >= 3)
			add_link(*plan, t - 3, t, UKWD_LINK_SS,
			         (int32_t)(i % 4));
		if (i % 10 == 1)
			assert_int_equal(ukwd_plan_set_estimate(
			                     *plan, t, 0, (int32_t)(i % 5),
			                     40 + (int32_t)(i % 100), NULL),
			                 0);
		if (i % 97 == 2)
			assert_int_equal(
			    ukwd_plan_set_constraint(
			        *plan, t, UKWD_CONSTRAINT_FINISH_NO_LATER_THAN,
			        ymd(2035, 1, 1), NULL),
			    0);
	}
	assert_int_equal(ukwd_plan_set_deadline(*plan, ymd(2019, 12, 31)), 0);
	assert_int_equal(
	    ukwd_schedule_new(sched, *plan, *cal, ymd(2000, 1, 3), NULL, NULL),
	    0);
}

static void
large_plan_free(ukwd_calendar *cal, ukwd_plan *plan, ukwd_schedule *sched)
{
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* A sink that records the size of each piece. */
struct pieces {
	size_t total, smallest, last;
	int calls;
};

static int
pieces_sink(const char *buf, size_t len, void *payload)
{
	struct pieces *p = payload;

	(void)buf;
	if (p->calls++ && p->last < p->smallest)
		p->smallest = p->last; /* every piece but the last */
	p->last = len;
	p->total += len;
	return 0;
}

static void
test_csv_json__a_large_plan_reaches_the_sink_in_blocks_of_64_kib(void **state)
{
	renderer fns[] = {ukwd_render_csv, ukwd_render_json};
	ukwd_calendar *cal;
	ukwd_plan *plan;
	ukwd_schedule *sched;

	(void)state;
	large_plan(&cal, &plan, &sched);
	for (size_t r = 0; r < 2; r++) {
		struct pieces p = {0, SIZE_MAX, 0, 0};

		assert_int_equal(fns[r](sched, NULL, pieces_sink, &p), 0);
		/* Hundreds of kilobytes, in few calls: a block is only sent
		 * when the next row would not fit in it. */
		assert_true(p.total > 4 * 65536);
		assert_true(p.calls > 1);
		assert_true(p.smallest >= 65536 - 1024);
		assert_true(p.last <= 65536);
	}
	large_plan_free(cal, plan, sched);
}

/* Text appended to a buffer that doubles, byte by byte. */
struct text {
	char *text;
	size_t len, capacity;
};

static void
append(struct text *t, const char *bytes, size_t len)
{
	if (t->len + len + 1 > t->capacity) {
		t->capacity = (t->len + len + 1) * 2;
		t->text = realloc(t->text, t->capacity);
		assert_non_null(t->text);
	}
	memcpy(t->text + t->len, bytes, len);
	t->len += len;
	t->text[t->len] = '\0';
}

/* A CSV field as RFC 4180 writes it; the plan's names need no cleaning. */
static void
reference_csv_field(struct text *b, const char *field)
{
	int quote = strchr(field, ',') || strchr(field, '"');

	if (quote)
		append(b, "\"", 1);
	for (const char *c = field; *c; c++) {
		append(b, c, 1);
		if (*c == '"')
			append(b, c, 1);
	}
	if (quote)
		append(b, "\"", 1);
}

static void
test_csv__large_plan_rows_equal_a_printf_reference(void **state)
{
	struct text want = {NULL, 0, 0};
	ukwd_calendar *cal;
	ukwd_plan *plan;
	ukwd_schedule *sched;
	char *got;
	int negative = 0, long_names = 0;

	(void)state;
	large_plan(&cal, &plan, &sched);
	got = render(ukwd_render_csv, sched, NULL);
	append(&want,
	       "id,name,duration,early_start,early_finish,late_start,"
	       "late_finish,total_float,free_float,critical\n",
	       strlen("id,name,duration,early_start,early_finish,late_"
	              "start,late_finish,total_float,free_float,"
	              "critical\n"));
	for (size_t t = 0; t < LARGE_TASKS; t++) {
		ukwd_scheduled_task row;
		char d[4][UKWD_DATE_STRLEN], line[256];

		assert_int_equal(ukwd_schedule_task(&row, sched, t), 0);
		assert_int_equal(
		    ukwd_date_format(d[0], sizeof(d[0]), row.early_start), 0);
		assert_int_equal(
		    ukwd_date_format(d[1], sizeof(d[1]), row.early_finish), 0);
		assert_int_equal(
		    ukwd_date_format(d[2], sizeof(d[2]), row.late_start), 0);
		assert_int_equal(
		    ukwd_date_format(d[3], sizeof(d[3]), row.late_finish), 0);
		negative += row.total_float < 0;
		long_names += strlen(ukwd_plan_task_name(plan, t)) > 300;
		reference_csv_field(&want, ukwd_plan_task_id(plan, t));
		append(&want, ",", 1);
		reference_csv_field(&want, ukwd_plan_task_name(plan, t));
		snprintf(line, sizeof(line), ",%ld,%s,%s,%s,%s,%ld,%ld,%s\n",
		         (long)row.duration, d[0], d[1], d[2], d[3],
		         (long)row.total_float, (long)row.free_float,
		         row.critical ? "yes" : "no");
		append(&want, line, strlen(line));
	}
	/* The plan has what it is meant to. */
	assert_true(negative > 0);
	assert_true(long_names > 0);
	assert_string_equal(got, want.text);
	free(got);
	free(want.text);
	large_plan_free(cal, plan, sched);
}

#if HAVE_JANSSON
static void
assert_json_date(json_t *object, const char *key, ukwd_date expected)
{
	assert_date(day(json_string_value(json_object_get(object, key))),
	            json_string_value(json_object_get(object, key)));
	assert_int_equal(day(json_string_value(json_object_get(object, key))),
	                 expected);
}

static void
test_json__large_plan_reads_back_as_the_schedule(void **state)
{
	ukwd_calendar *cal;
	ukwd_plan *plan;
	ukwd_schedule *sched;
	json_error_t error;
	json_t *root, *tasks, *links;
	char *text;

	(void)state;
	large_plan(&cal, &plan, &sched);
	text = render(ukwd_render_json, sched, NULL);
	root = json_loads(text, 0, &error);
	if (!root)
		fail_msg("JSON: %s at line %d", error.text, error.line);
	tasks = json_object_get(root, "tasks");
	links = json_object_get(root, "links");
	assert_int_equal(json_array_size(tasks), LARGE_TASKS);
	assert_int_equal(json_array_size(links), ukwd_plan_link_count(plan));
	for (size_t t = 0; t < LARGE_TASKS; t++) {
		json_t *task = json_array_get(tasks, t);
		ukwd_scheduled_task row;
		int32_t low, likely, high;
		json_t *estimate = json_object_get(task, "estimate");
		ukwd_date bound;

		assert_int_equal(ukwd_schedule_task(&row, sched, t), 0);
		assert_string_equal(
		    json_string_value(json_object_get(task, "id")),
		    ukwd_plan_task_id(plan, t));
		assert_string_equal(
		    json_string_value(json_object_get(task, "name")),
		    ukwd_plan_task_name(plan, t));
		assert_int_equal(
		    json_integer_value(json_object_get(task, "duration")),
		    row.duration);
		assert_json_date(task, "early_start", row.early_start);
		assert_json_date(task, "early_finish", row.early_finish);
		assert_json_date(task, "late_start", row.late_start);
		assert_json_date(task, "late_finish", row.late_finish);
		assert_int_equal(
		    json_integer_value(json_object_get(task, "total_float")),
		    row.total_float);
		assert_int_equal(
		    json_integer_value(json_object_get(task, "free_float")),
		    row.free_float);
		assert_int_equal(
		    json_is_true(json_object_get(task, "critical")),
		    row.critical != 0);
		assert_int_equal(
		    json_integer_value(json_object_get(task, "late_end_index")),
		    row.late_end_index);
		if (ukwd_plan_task_estimate(&low, &likely, &high, plan, t) == 0)
			assert_int_equal(json_integer_value(json_object_get(
			                     estimate, "pessimistic")),
			                 high);
		else
			assert_null(estimate);
		assert_int_equal(
		    json_array_size(json_object_get(task, "constraints")),
		    ukwd_plan_task_constraint(
		        &bound, plan, t,
		        UKWD_CONSTRAINT_FINISH_NO_LATER_THAN) == 0);
	}
	for (size_t l = 0; l < json_array_size(links); l++) {
		json_t *link = json_array_get(links, l);
		ukwd_plan_link_info info;

		assert_int_equal(ukwd_plan_link(&info, plan, l), 0);
		assert_string_equal(
		    json_string_value(json_object_get(link, "predecessor")),
		    ukwd_plan_task_id(plan, info.predecessor));
		assert_string_equal(
		    json_string_value(json_object_get(link, "type")),
		    ukwd_link_type_name(info.type));
		assert_int_equal(
		    json_integer_value(json_object_get(link, "lag")), info.lag);
	}
	json_decref(root);
	free(text);
	large_plan_free(cal, plan, sched);
}
#endif

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	static const struct CMUnitTest tests[] =
	{ TEST(test_all__same_schedule_same_bytes),
	  TEST(test_all__a_sink_that_stops_gives_euser_and_is_not_called_again),
	  TEST(test_all__null_arguments_and_bad_options_are_einval),
	  TEST(test_all__a_plan_changed_after_scheduling_is_einval),
	  TEST(test_source_tag__names_parse_back_and_nothing_else_does),
	  TEST(test_source__round_trips_through_plan_csv_and_json),
	  TEST(test_csv__ten_columns_quoted_and_sources_split_on_request),
	  TEST(test_json__format_version_fields_and_escapes),
	  TEST(test_json__direction_and_date_are_the_schedule_s_own),
	  TEST(test_mermaid__excludes_tags_sections_and_escapes),
	  TEST(test_text__day_scale_bars_holidays_milestone_today_in_ascii),
	  TEST(test_text__unicode_week_scale_and_width),
	  TEST(test_svg__escapes_hatches_holidays_milestone_and_arrows),
	  TEST(test_svg__invalid_utf8_and_control_characters_become_fffd),
	  TEST(
	      test_html__one_file_with_the_svg_a_sortable_table_and_no_network),
	  TEST(test_svg_html__heading_holidays_and_legend),
	  TEST(test_targets__json_says_met_or_late_and_charts_warn),
	  TEST(test_today__json_marks_past_tasks_and_charts_count_them),
	  TEST(test_options__version_1_callers_are_read_as_version_1),
	  TEST(test_json__milestones_say_which_day_they_are_dated_on),
	  TEST(test_source_tag__user_is_drawn_like_proposed),
	  TEST(
	      test_hostile_names__every_format_writes_valid_text_without_controls),
	  TEST(test_svg_html__a_span_over_the_limit_is_einval_before_a_byte),
	  TEST(
	      test_csv_json__a_large_plan_reaches_the_sink_in_blocks_of_64_kib),
	  TEST(test_csv__large_plan_rows_equal_a_printf_reference),
#if HAVE_JANSSON
	  TEST(test_json__large_plan_reads_back_as_the_schedule),
#endif
#if HAVE_LIBICAL
	  TEST(test_ics__text_form_dates_relations_and_gaps),
	  TEST(test_ics__todo_has_due_on_the_last_day),
	  TEST(test_ics__libical_reads_back_the_same_tasks_dates_and_relations),
#endif
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
