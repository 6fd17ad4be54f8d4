/* ukwd_render_uep(): the SEC User Entry Process's report, which ukwd-plan
 * printed itself before it moved into the library (issue 14.6). The
 * expected lines are ukwd-plan's for the same plans (the golden files
 * under tests/golden/ukwd-plan/uep-*), over the SEC calendar. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <ukwd.h>

#include "test-util.h"

static const char sec_label[] = "SEC working days (PROPOSED reading: England "
                                "and Wales and Scotland)";

struct fixture {
	ukwd_calendar *cal;
	ukwd_plan *plan;
	ukwd_schedule *sched;
	ukwd_uep_options uep;
	ukwd_uep_override overrides[2];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	ukwd_uep_options defaults = UKWD_UEP_OPTIONS_INIT;

	assert_non_null(f);
	assert_int_equal(ukwd_calendar_new_sec(&f->cal, 2016, 2019), 0);
	f->uep = defaults;
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

/* The plan of f->uep, scheduled as ukwd-plan schedules it. */
static void
plan_and_schedule(struct fixture *f, ukwd_schedule_direction direction,
                  ukwd_date date)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;

	options.direction = direction;
	assert_int_equal(ukwd_uep_build_plan(&f->plan, &f->uep, NULL), 0);
	assert_int_equal(
	    ukwd_uep_schedule(&f->sched, f->plan, f->cal, date, &options, NULL),
	    0);
}

/* A sink into a growing NUL-terminated buffer; fails on call `stop_at`
 * when that is positive. */
struct buffer {
	char *text;
	size_t len;
	int calls, stop_at;
};

static int
buffer_sink(const char *buf, size_t len, void *payload)
{
	struct buffer *b = payload;
	char *grown;

	if (++b->calls == b->stop_at)
		return -1;
	grown = realloc(b->text, b->len + len + 1);
	assert_non_null(grown);
	b->text = grown;
	memcpy(b->text + b->len, buf, len);
	b->len += len;
	b->text[b->len] = '\0';
	return 0;
}

/* The report of f's schedule with a calendar label (and options). */
static char *
report(struct fixture *f, ukwd_render_options *options)
{
	ukwd_render_options defaults = UKWD_RENDER_OPTIONS_INIT;
	struct buffer out = {NULL, 0, 0, 0};

	if (!options)
		options = &defaults;
	if (!options->calendar)
		options->calendar = sec_label;
	assert_int_equal(
	    ukwd_render_uep(f->sched, &f->uep, options, buffer_sink, &out), 0);
	assert_non_null(out.text);
	return out.text;
}

static void
assert_contains(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("expected to find:\n%s\nin:\n%s", part, text);
}

static void
assert_starts_with(const char *text, const char *head)
{
	if (strncmp(text, head, strlen(head)) != 0)
		fail_msg("expected a start of:\n%s\nin:\n%.300s", head, text);
}

/* The row of a task: the line that starts with its mark and id. */
static const char *
row_of(const char *text, const char *id)
{
	size_t len = strlen(id);

	for (const char *line = text; line && *line;
	     line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (strncmp(line + 2, id, len) == 0 && line[2 + len] == ' ')
			return line;
	fail_msg("no row for %s", id);
	return NULL;
}

/* The row's last field: the source tag. */
static void
assert_row_tag(const char *row, const char *tag)
{
	const char *end = strchr(row, '\n');
	size_t len = strlen(tag);

	assert_non_null(end);
	assert_true((size_t)(end - row) > len + 2);
	if (memcmp(end - len - 2, "  ", 2) != 0 ||
	    memcmp(end - len, tag, len) != 0)
		fail_msg("expected tag %s in row: %.*s", tag, (int)(end - row),
		         row);
}

/* The report's first lines for the default plan from 2017-01-03. */
static const char expected_forward_head[] =
    "SEC User Entry Process: domestic-small-supplier, role import-supplier\n"
    "Scheduled forward from 2017-01-03 over SEC working days (PROPOSED "
    "reading: England and Wales and Scotland): 2017-01-04 to 2017-07-10, "
    "130 working days\n"
    "\n"
    "  STAGE                               WHAT                             "
    "             START       FINISH      DAYS  FLOAT  SOURCE\n"
    "* id-allocation                       User ID allocation: EUI-64 range "
    "from SECAS   2017-01-04  2017-01-17    10      0  PROPOSED\n";

static void
test_uep__forward_report_is_ukwd_plans(void **state)
{
	struct fixture *f = *state;
	char *text;

	plan_and_schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 1, 3));
	text = report(f, NULL);
	/* ukwd-plan --start 2017-01-03: tests/golden/ukwd-plan/uep-text */
	assert_starts_with(text, expected_forward_head);
	/* A name cut at 44 characters, a CHECKLIST, a SOURCED figure. */
	assert_contains(text, "\n  dcc-gateway                         DCC "
	                      "Gateway connection: in place and workin\xe2\x80"
	                      "\xa6  2017-01-18  2017-02-14    20     19  "
	                      "PROPOSED\n");
	assert_contains(text, "\n  uept-notice/import-supplier         UEPT: "
	                      "notice period before testing (with Se\xe2\x80"
	                      "\xa6  2017-01-18  2017-04-11    60      2  "
	                      "CHECKLIST\n");
	assert_contains(text, "\n* fusa-fieldwork                      User "
	                      "Security Assessment: fieldwork           "
	                      "2017-04-12  2017-04-27    10      0  SOURCED\n");
	assert_contains(
	    text,
	    "\n\nDCC User (import-supplier): 2017-07-10\n"
	    "Mandate: a domestic small supplier had to be a DCC User by "
	    "2017-11-25: met, 97 working days to spare.\n"
	    "Give UEPT notice (import-supplier): 2017-01-17, the latest "
	    "compliant day\n"
	    "  60 clear working days before testing starts on 2017-04-12 "
	    "(CHECKLIST: the plan's uept-notice/import-supplier).\n"
	    "\n"
	    "* critical: no float.\n"
	    "SOURCE: CHECKLIST is SECAS's SEC Checklist for Small Suppliers "
	    "v1.3\n(December 2017); SOURCED figures cite a public page "
	    "(--format csv shows it).\n"
	    "PROPOSED durations are libukwd's own defaults: no public source "
	    "gives one.\nThey are not SEC rules; set your own with --set "
	    "STAGE=DAYS.\n");
	/* It ends there: no today, no USER figure, no explanations. */
	assert_string_equal(strstr(text, "PROPOSED durations are"),
	                    "PROPOSED durations are libukwd's own defaults: no "
	                    "public source gives one.\nThey are not SEC rules; "
	                    "set your own with --set STAGE=DAYS.\n");
	assert_null(strstr(text, "already past"));
	assert_null(strstr(text, "Deadline"));
	free(text);
}

/* Every row's tag is its stage's in the catalogue (ukwd_uep_stage_find),
 * and every task of the plan has a row with its dates. */
static void
test_uep__each_row_has_its_dates_and_the_catalogues_tag(void **state)
{
	struct fixture *f = *state;
	size_t n;
	char *text;

	f->uep.roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_OTHER_USER;
	f->uep.credit_cover = 1;
	plan_and_schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 1, 3));
	text = report(f, NULL);
	n = ukwd_plan_task_count(f->plan);
	assert_true(n > 25);
	for (size_t t = 0; t < n; t++) {
		const char *id = ukwd_plan_task_id(f->plan, t);
		const char *row = row_of(text, id);
		char stage[64], dates[32], start[UKWD_DATE_STRLEN],
		    finish[UKWD_DATE_STRLEN];
		const ukwd_uep_stage *catalogue;
		ukwd_scheduled_task task;

		snprintf(stage, sizeof(stage), "%.*s", (int)strcspn(id, "/"),
		         id);
		catalogue = ukwd_uep_stage_find(stage);
		assert_non_null(catalogue);
		assert_row_tag(row, ukwd_source_tag_name(catalogue->source));
		assert_int_equal(ukwd_schedule_task(&task, f->sched, t), 0);
		ukwd_date_format(start, sizeof(start), task.early_start);
		ukwd_date_format(finish, sizeof(finish), task.early_finish);
		snprintf(dates, sizeof(dates), "  %s  %s  ", start, finish);
		assert_non_null(strstr(row, dates));
		assert_true(strstr(row, dates) < strchr(row, '\n'));
	}
	assert_row_tag(row_of(text, "uept-notice/other-user"), "CHECKLIST");
	assert_row_tag(row_of(text, "privacy-request"), "SOURCED");
	assert_row_tag(row_of(text, "credit-cover"), "PROPOSED");
	assert_starts_with(text, "SEC User Entry Process: "
	                         "domestic-small-supplier, roles "
	                         "import-supplier,other-user, with Credit "
	                         "Cover\nScheduled forward from 2017-01-03 ");
	assert_contains(text, "\nDCC User (import-supplier): ");
	assert_contains(text, "\nDCC User (other-user): ");
	assert_contains(text, "\nDCC User in every role: ");
	assert_contains(text, "\nGive UEPT notice (other-user): ");
	assert_contains(text, "\nRequest the Privacy Assessment (Privacy "
	                      "Audit): 2017-01-17\n  at least 12 weeks before "
	                      "the assessment on 2017-04-11 (SOURCED).\n");
	free(text);
}

/* --risk: the table gains each stage's P50/P80/P95 finish and its
 * criticality, between FLOAT and SOURCE, with the risk's own figures. */
static void
test_uep__risk_adds_percentile_and_criticality_columns(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	ukwd_risk_options ro = UKWD_RISK_OPTIONS_INIT;
	ukwd_risk_branch branches[16];
	ukwd_risk *risk = NULL;
	size_t nbranch = 0, n;
	char *text;

	f->uep.ranges = UKWD_UEP_RANGES_ALL;
	plan_and_schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 1, 3));
	assert_int_equal(
	    ukwd_uep_risk_branches(branches, 16, &nbranch, f->plan), 0);
	assert_true(nbranch > 0);
	ro.iterations = 500;
	ro.seed = 3;
	ro.branches = branches;
	ro.branch_count = nbranch;
	assert_int_equal(ukwd_risk_new(&risk, f->sched, &ro, NULL), 0);
	options.risk = risk;
	text = report(f, &options);
	assert_contains(text, "DAYS  FLOAT  P50 FINISH  P80 FINISH  "
	                      "P95 FINISH  CRITICAL  SOURCE\n");
	assert_contains(text, "\nof 500 iterations (schedule risk); CRITICAL");
	n = ukwd_plan_task_count(f->plan);
	for (size_t t = 0; t < n; t++) {
		const char *row = row_of(text, ukwd_plan_task_id(f->plan, t));
		char cells[64], d[3][UKWD_DATE_STRLEN];
		ukwd_risk_task_result r;

		assert_int_equal(ukwd_risk_task(&r, risk, t), 0);
		ukwd_date_format(d[0], sizeof(d[0]), r.finish.p50);
		ukwd_date_format(d[1], sizeof(d[1]), r.finish.p80);
		ukwd_date_format(d[2], sizeof(d[2]), r.finish.p95);
		snprintf(cells, sizeof(cells), "  %s  %s  %s  ", d[0], d[1],
		         d[2]);
		assert_non_null(strstr(row, cells));
		assert_true(strstr(row, cells) < strchr(row, '\n'));
		assert_row_tag(row,
		               ukwd_source_tag_name(
		                   ukwd_plan_task_source(f->plan, t)->tag));
	}
	free(text);
	ukwd_risk_free(risk);
}

static void
test_uep__backward_shows_late_dates_and_says_so(void **state)
{
	struct fixture *f = *state;
	ukwd_scheduled_task gateway;
	size_t task;
	char start[UKWD_DATE_STRLEN], *text;

	plan_and_schedule(f, UKWD_SCHEDULE_BACKWARD, ymd(2017, 11, 25));
	text = report(f, NULL);
	/* tests/golden/ukwd-plan/uep-backward-domestic-mandate */
	assert_contains(text, "\nScheduled backward to 2017-11-25 over SEC "
	                      "working days (PROPOSED reading: England and "
	                      "Wales and Scotland): ");
	assert_contains(text, "WHAT                                          "
	                      "LATE START  LATE END    DAYS  FLOAT  SOURCE\n");
	/* A task with float is shown at its late dates. */
	assert_int_equal(ukwd_plan_find(&task, f->plan, "dcc-gateway"), 0);
	assert_int_equal(ukwd_schedule_task(&gateway, f->sched, task), 0);
	assert_true(gateway.total_float > 0);
	ukwd_date_format(start, sizeof(start), gateway.late_start);
	assert_non_null(strstr(row_of(text, "dcc-gateway"), start));
	assert_contains(text, "\nMandate: a domestic small supplier had to be "
	                      "a DCC User by 2017-11-25: met, 0 working days "
	                      "to spare.\n");
	free(text);
}

static void
test_uep__today_marks_the_days_already_past(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	char *text;

	plan_and_schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 1, 3));
	options.today = ymd(2017, 3, 1);
	text = report(f, &options);
	/* tests/golden/ukwd-plan/uep-text-ascii-narrow, whose chart says 7 of
	 * 23 tasks are dated before 2017-03-01 too. */
	assert_contains(text, "\nDCC User (import-supplier): 2017-07-10\n");
	assert_contains(text, "\nGive UEPT notice (import-supplier): "
	                      "2017-01-17, the latest compliant day (already "
	                      "past)\n");
	assert_contains(text, "\n7 of 23 stages start before today: their "
	                      "dates are past.\n\n* critical");
	free(text);
}

/* The party, the plan's deadline, stagger and USER figures. */
static void
test_uep__deadline_stagger_and_user_figures(void **state)
{
	struct fixture *f = *state;
	char *text;

	f->uep.party = UKWD_PARTY_OTHER;
	f->uep.roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_OTHER_USER;
	f->uep.stagger = 1;
	f->overrides[0].stage_id = "privacy-booking";
	f->overrides[0].duration = 70;
	f->uep.overrides = f->overrides;
	f->uep.override_count = 1;
	assert_int_equal(ukwd_uep_build_plan(&f->plan, &f->uep, NULL), 0);
	assert_int_equal(ukwd_plan_set_deadline(f->plan, ymd(2017, 6, 1)), 0);
	assert_int_equal(ukwd_uep_schedule(&f->sched, f->plan, f->cal,
	                                   ymd(2017, 1, 3), NULL, NULL),
	                 0);
	text = report(f, NULL);
	assert_starts_with(text, "SEC User Entry Process: other, roles "
	                         "import-supplier,other-user, roles tested one "
	                         "after another\nScheduled forward from ");
	assert_row_tag(row_of(text, "privacy-booking"), "USER");
	assert_contains(text, "\n  70 working days before the assessment on "
	                      "2017-04-28 (USER: the plan's privacy-booking; "
	                      "the source says at least 12 weeks).\n");
	/* No mandate for "other"; the plan's deadline is missed. */
	assert_null(strstr(text, "Mandate"));
	assert_contains(text, "\nDeadline 2017-06-01: NOT met, missed by ");
	assert_contains(text, "\n! uep-complete ");
	assert_contains(text, "\n* critical: no float.  ! negative float: the "
	                      "date cannot be met.\n");
	assert_contains(text, "\nUSER durations are the ones you set with "
	                      "--set; they are not SEC rules.\n");
	free(text);
}

static void
test_uep__explain_adds_the_why_section(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	struct buffer why = {NULL, 0, 0, 0};
	char *plain, *text;
	size_t len;

	plan_and_schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 1, 3));
	plain = report(f, NULL);
	options.flags = UKWD_RENDER_EXPLAIN;
	text = report(f, &options);
	assert_int_equal(
	    ukwd_render_explanations(f->sched, NULL, buffer_sink, &why), 0);
	len = strlen(plain);
	assert_int_equal(strlen(text), len + 1 + why.len);
	assert_memory_equal(text, plain, len);
	assert_true(text[len] == '\n');
	assert_string_equal(text + len + 1, why.text);
	assert_memory_equal(why.text, "Why:\n", 5);
	free(why.text);
	free(plain);
	free(text);
}

/* Version 1 of ukwd_uep_options has no stagger: it is not read. */
static void
test_uep__version_1_options_are_read_as_version_1(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	struct buffer out = {NULL, 0, 0, 0};
	static const char expected[] =
	    "SEC User Entry Process: domestic-small-supplier, roles "
	    "import-supplier,gas-supplier\n"
	    "Scheduled forward from 2017-01-03: 2017-01-04 to ";

	f->uep.roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_GAS_SUPPLIER;
	plan_and_schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 1, 3));
	f->uep.version = 1;
	f->uep.stagger = 1;
	options.version = 1; /* no calendar either */
	assert_int_equal(
	    ukwd_render_uep(f->sched, &f->uep, &options, buffer_sink, &out), 0);
	assert_non_null(out.text);
	assert_starts_with(out.text, expected);
	free(out.text);
}

static void
test_uep__bad_arguments_and_a_failing_sink_are_errors(void **state)
{
	struct fixture *f = *state;
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;
	ukwd_uep_options uep = UKWD_UEP_OPTIONS_INIT;
	struct buffer out = {NULL, 0, 0, 1};
	ukwd_plan *other = NULL;
	ukwd_schedule *other_sched = NULL;
	static const char csv[] = "id,name,duration,predecessors\n"
	                          "a,A,3,\nuep-complete,,0,a\n";

	plan_and_schedule(f, UKWD_SCHEDULE_FORWARD, ymd(2017, 1, 3));
	assert_int_equal(ukwd_render_uep(NULL, NULL, NULL, buffer_sink, &out),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_render_uep(f->sched, NULL, NULL, NULL, &out),
	                 UKWD_EINVAL);
	options.version = 0;
	assert_int_equal(
	    ukwd_render_uep(f->sched, NULL, &options, buffer_sink, &out),
	    UKWD_EINVAL);
	options.version = UKWD_RENDER_OPTIONS_VERSION + 1;
	assert_int_equal(
	    ukwd_render_uep(f->sched, NULL, &options, buffer_sink, &out),
	    UKWD_EINVAL);
	uep.version = 0;
	assert_int_equal(
	    ukwd_render_uep(f->sched, &uep, NULL, buffer_sink, &out),
	    UKWD_EINVAL);
	uep.version = UKWD_UEP_OPTIONS_VERSION + 1;
	assert_int_equal(
	    ukwd_render_uep(f->sched, &uep, NULL, buffer_sink, &out),
	    UKWD_EINVAL);
	uep.version = UKWD_UEP_OPTIONS_VERSION;
	uep.party = (ukwd_party_type)7;
	assert_int_equal(
	    ukwd_render_uep(f->sched, &uep, NULL, buffer_sink, &out),
	    UKWD_EINVAL);
	uep.party = UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER;
	uep.roles = 0;
	assert_int_equal(
	    ukwd_render_uep(f->sched, &uep, NULL, buffer_sink, &out),
	    UKWD_EINVAL);
	uep.roles = 0x80u;
	assert_int_equal(
	    ukwd_render_uep(f->sched, &uep, NULL, buffer_sink, &out),
	    UKWD_EINVAL);
	/* A role the plan was not built with. */
	uep.roles = UKWD_ROLE_IMPORT_SUPPLIER | UKWD_ROLE_EXPORT_SUPPLIER;
	assert_int_equal(
	    ukwd_render_uep(f->sched, &uep, NULL, buffer_sink, &out),
	    UKWD_EINVAL);
	/* A plan that is not the User Entry Process's. */
	assert_int_equal(
	    ukwd_plan_read_csv(&other, csv, sizeof(csv) - 1, "plan.csv", NULL),
	    0);
	assert_int_equal(ukwd_schedule_new(&other_sched, other, f->cal,
	                                   ymd(2017, 1, 3), NULL, NULL),
	                 0);
	assert_int_equal(
	    ukwd_render_uep(other_sched, NULL, NULL, buffer_sink, &out),
	    UKWD_EINVAL);
	assert_int_equal(out.calls, 0);
	/* The sink's failure; and the defaults (NULL) are this plan's. */
	assert_int_equal(
	    ukwd_render_uep(f->sched, NULL, NULL, buffer_sink, &out),
	    UKWD_EUSER);
	assert_int_equal(out.calls, 1);
	out.stop_at = 0;
	assert_int_equal(
	    ukwd_render_uep(f->sched, NULL, NULL, buffer_sink, &out), 0);
	assert_non_null(strstr(out.text, "\nDCC User (import-supplier): "));
	/* A plan changed after it was scheduled: refused, nothing written. */
	out.calls = 0;
	assert_int_equal(ukwd_plan_set_duration(f->plan, 0, 4, NULL), 0);
	assert_int_equal(
	    ukwd_render_uep(f->sched, NULL, NULL, buffer_sink, &out),
	    UKWD_EINVAL);
	assert_int_equal(out.calls, 0);
	free(out.text);
	ukwd_schedule_free(other_sched);
	ukwd_plan_free(other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
	        test_uep__forward_report_is_ukwd_plans, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_uep__each_row_has_its_dates_and_the_catalogues_tag, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_uep__risk_adds_percentile_and_criticality_columns, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_uep__backward_shows_late_dates_and_says_so, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_uep__today_marks_the_days_already_past, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_uep__deadline_stagger_and_user_figures, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_uep__explain_adds_the_why_section, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_uep__version_1_options_are_read_as_version_1, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_uep__bad_arguments_and_a_failing_sink_are_errors, setup,
	        teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
