/*
 * ukwd-plan: the SEC User Entry Process, or any plan, scheduled in UK
 * working days.
 *
 * Uses only <ukwd.h>. With no plan file it plans the User Entry Process
 * (a Party becoming a DCC User) from libukwd's stage catalogue; with
 * --tasks FILE it reads a plan (tasks, durations in working days,
 * predecessors) from CSV. It schedules forward from a start date or
 * backward to a finish date over a UK bank-holiday calendar, and prints
 * each task's early and late dates, float and the critical path. Run
 * `ukwd-plan --help` for the options.
 *
 * main() is three steps, so that other jobs and formats slot in: build a
 * plan (load_plan), schedule it (make_schedule), render it (render).
 */
#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ukwd.h>

#include "cli.h"

#define PROGRAM "ukwd-plan"

/* Table columns are cut to these widths (in characters). */
#define ID_WIDTH_MAX   20
#define NAME_WIDTH_MAX 40

static const char usage[] =
    "usage: ukwd-plan [UEP OPTIONS] [--start DATE | --deadline DATE] "
    "[OPTIONS]\n"
    "       ukwd-plan --tasks FILE (--start DATE | --finish DATE) [OPTIONS]\n"
    "\n"
    "Without --tasks, plans the SEC User Entry Process: the stages a Party\n"
    "goes through to become a DCC User, each with its indicative duration\n"
    "and where that figure comes from (SOURCED, CHECKLIST: SECAS's SEC\n"
    "Checklist for Small Suppliers v1.3, or PROPOSED: libukwd's own default,\n"
    "not an SEC rule). With no options at all it plans a domestic small\n"
    "supplier in the Import Supplier role starting the next working day.\n"
    "\n"
    "User Entry Process options:\n"
    "  --party NAME      domestic-small-supplier (default),\n"
    "                    non-domestic-small-supplier or other\n"
    "  --roles LIST      User Roles, comma-separated: import-supplier\n"
    "                    (default), export-supplier, gas-supplier,\n"
    "                    electricity-distributor, gas-transporter,\n"
    "                    registered-supplier-agent, other-user\n"
    "  --credit-cover    the Party's Credit Cover Requirement exceeds the\n"
    "                    Credit Cover Threshold: add the Credit Cover stage\n"
    "  --set STAGE=DAYS  a stage's duration in working days (repeatable);\n"
    "                    shown as PROPOSED, set by you\n"
    "  --deadline DATE   schedule backward so the Party is a DCC User by DATE\n"
    "                    (2017-11-25 was the domestic small supplier mandate)\n"
    "\n"
    "Options:\n"
    "  --tasks FILE      a plan as CSV ('-' for standard input); see below\n"
    "  --start DATE      schedule forward from DATE (rolled forward to a\n"
    "                    working day); default for the User Entry Process:\n"
    "                    the next working day after today\n"
    "  --finish DATE     schedule backward to DATE (rolled back to a working\n"
    "                    day): the latest dates that still finish by then\n"
    "                    (--deadline is the same)\n"
    "  --division NAME   england-and-wales, scotland, northern-ireland, gb,\n"
    "                    uk or sec (default sec: the SEC Working Day, a\n"
    "                    working day in both England and Wales and Scotland)\n"
    "  --holidays FILE   official data or extra days off (repeatable), as\n"
    "                    for ukwd-cal\n"
    "  --format FORMAT   text (default; also 'table'), csv or json\n"
    "  --explain         after the table, say what fixed each task's dates\n"
    "  --help            this text\n"
    "\n"
    "The CSV has a header line with the columns id, name, duration and\n"
    "predecessors, in any order, and optionally deadline,\n"
    "start_no_earlier_than, finish_no_later_than, must_start_on,\n"
    "must_finish_on, actual_start, actual_finish (YYYY-MM-DD), optimistic,\n"
    "most_likely, pessimistic and source. Durations are whole working days\n"
    "(0 is a milestone). Predecessors are separated by ';', each\n"
    "ID[:FS|SS|FF|SF][+N|-N] with a lag of N working days; Microsoft\n"
    "Project's 2FS+3 works too. Quote a field containing commas: \"a, b\".\n"
    "\n"
    "A task starts on its first working day and finishes on its last; FS with\n"
    "no lag starts the next task the working day after. Float is in working\n"
    "days; a task with none is critical (*), and one that cannot meet a date\n"
    "has negative float (!).\n"
    "Today is read from the clock, or from UKWD_TODAY=YYYY-MM-DD if set.\n"
    "Exit status: 0 success (even when a date cannot be met), 2 bad usage,\n"
    "a bad plan or a date outside the calendar (1971-01-01 to 9999-12-31).\n";

struct options {
	const char *tasks;
	const char *start, *finish, *finish_option;
	const char *division_name;
	const char *format;
	const char *party_name, *roles_name;
	int explain, credit_cover;
	unsigned int divisions;
	/* The User Entry Process's options, --set overrides among them. */
	ukwd_uep_options uep;
	ukwd_uep_override *overrides;
	struct cli_holidays holidays;
	char default_start[UKWD_DATE_STRLEN];
};

/* --set STAGE=DAYS. */
static int
add_override(struct options *opt, const char *text)
{
	const char *equals = strchr(text, '=');
	ukwd_uep_override *grown;
	char *stage;
	int32_t days;

	if (!equals || equals == text || cli_parse_int32(&days, equals + 1) ||
	    days < 0)
		return cli_usage_error("--set '%s': expected STAGE=DAYS, a "
		                       "whole number of working days",
		                       text);
	stage = malloc((size_t)(equals - text) + 1);
	grown = realloc(opt->overrides,
	                (opt->uep.override_count + 1) * sizeof(*grown));
	if (!stage || !grown) {
		free(stage);
		if (grown)
			opt->overrides = grown;
		fprintf(stderr, PROGRAM ": out of memory\n");
		return 2;
	}
	memcpy(stage, text, (size_t)(equals - text));
	stage[equals - text] = '\0';
	opt->overrides = grown;
	opt->overrides[opt->uep.override_count].stage_id = stage;
	opt->overrides[opt->uep.override_count++].duration = days;
	opt->uep.overrides = opt->overrides;
	return 0;
}

static void
free_options(struct options *opt)
{
	for (size_t i = 0; i < opt->uep.override_count; i++)
		free((char *)(uintptr_t)opt->overrides[i].stage_id);
	free(opt->overrides);
	cli_holidays_free(&opt->holidays);
}

/* The list of valid names, for "unknown stage" messages. */
static void
list_stages(void)
{
	fprintf(stderr, PROGRAM ": the stages are:");
	for (size_t i = 0; i < ukwd_uep_stage_count(); i++)
		fprintf(stderr, " %s", ukwd_uep_stage_at(i)->id);
	fputc('\n', stderr);
}

static int
parse_options(struct options *opt, int argc, char **argv)
{
	static const ukwd_uep_options uep_defaults = UKWD_UEP_OPTIONS_INIT;
	static const struct {
		const char *name;
		size_t offset;
	} valued[] = {
	    {"--tasks", offsetof(struct options, tasks)},
	    {"--start", offsetof(struct options, start)},
	    {"--finish", offsetof(struct options, finish)},
	    {"--deadline", offsetof(struct options, finish)},
	    {"--division", offsetof(struct options, division_name)},
	    {"--format", offsetof(struct options, format)},
	    {"--party", offsetof(struct options, party_name)},
	    {"--roles", offsetof(struct options, roles_name)},
	    {"--holidays", SIZE_MAX},
	    {"--set", SIZE_MAX - 1},
	};

	memset(opt, 0, sizeof(*opt));
	opt->uep = uep_defaults;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		int known = 0;

		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			fputs(usage, stdout);
			exit(0);
		}
		if (strcmp(arg, "--explain") == 0) {
			opt->explain = 1;
			continue;
		}
		if (strcmp(arg, "--credit-cover") == 0) {
			opt->credit_cover = 1;
			continue;
		}
		for (size_t v = 0; v < sizeof(valued) / sizeof(*valued); v++) {
			size_t len = strlen(valued[v].name);
			const char *value;

			if (strncmp(arg, valued[v].name, len) != 0 ||
			    (arg[len] != '\0' && arg[len] != '='))
				continue;
			value = cli_option_value(argc, argv, &i, arg, len);
			if (!value || !*value)
				return cli_usage_error(
				    "option %s needs a value", valued[v].name);
			if (valued[v].offset == SIZE_MAX) {
				if (cli_holidays_add(&opt->holidays, value))
					return 2;
			} else if (valued[v].offset == SIZE_MAX - 1) {
				if (add_override(opt, value))
					return 2;
			} else {
				*(const char **)((char *)opt +
				                 valued[v].offset) = value;
				if (valued[v].offset ==
				    offsetof(struct options, finish))
					opt->finish_option = valued[v].name;
			}
			known = 1;
			break;
		}
		if (known)
			continue;
		if (arg[0] == '-' && arg[1] != '\0')
			return cli_usage_error("unknown option '%s'", arg);
		return cli_usage_error("unexpected argument '%s'", arg);
	}
	if (opt->tasks && !opt->start && !opt->finish)
		return cli_usage_error("missing --start DATE or --finish DATE: "
		                       "when the plan starts, or must finish");
	if (opt->start && opt->finish)
		return cli_usage_error("give --start or %s, not both",
		                       opt->finish_option);
	if (opt->tasks && (opt->party_name || opt->roles_name ||
	                   opt->credit_cover || opt->uep.override_count))
		return cli_usage_error("--party, --roles, --credit-cover and "
		                       "--set plan the User Entry Process; "
		                       "they do not go with --tasks");
	if (opt->format && strcmp(opt->format, "table") != 0 &&
	    strcmp(opt->format, "text") != 0 &&
	    strcmp(opt->format, "csv") != 0 && strcmp(opt->format, "json") != 0)
		return cli_usage_error(
		    "--format '%s': expected text, table, csv or json",
		    opt->format);
	opt->divisions = UKWD_UK_SEC;
	if (opt->division_name) {
		ukwd_diag diag;

		if (ukwd_uk_division_parse(&opt->divisions, opt->division_name,
		                           &diag))
			return cli_usage_error("--division: %s", diag.message);
	}
	if (opt->party_name) {
		ukwd_diag diag;

		if (ukwd_uep_party_parse(&opt->uep.party, opt->party_name,
		                         &diag))
			return cli_usage_error("--party: %s", diag.message);
	}
	if (opt->roles_name) {
		ukwd_diag diag;

		if (ukwd_uep_roles_parse(&opt->uep.roles, opt->roles_name,
		                         &diag)) {
			fprintf(stderr, PROGRAM ": --roles: %s\n",
			        diag.message);
			fprintf(stderr, PROGRAM ": the roles are:");
			for (unsigned int r = 1; r <= UKWD_ROLE_ALL; r <<= 1)
				fprintf(stderr, " %s", ukwd_uep_role_name(r));
			fputc('\n', stderr);
			return 2;
		}
	}
	opt->uep.credit_cover = opt->credit_cover;
	for (size_t k = 0; k < opt->uep.override_count; k++)
		if (!ukwd_uep_stage_find(opt->overrides[k].stage_id)) {
			fprintf(stderr, PROGRAM ": --set: no stage '%s'\n",
			        opt->overrides[k].stage_id);
			list_stages();
			return 2;
		}
	return 0;
}

/* Step 1: the plan. Bad input says FILE:LINE: what. */
static int
load_plan(ukwd_plan **plan, const struct options *opt)
{
	const char *name = !opt->tasks                    ? ""
	                   : strcmp(opt->tasks, "-") == 0 ? "(stdin)"
	                                                  : opt->tasks;
	ukwd_diag diag;
	char *data = NULL;
	size_t size = 0;
	int rc;

	if (!opt->tasks) {
		if (ukwd_uep_build_plan(plan, &opt->uep, &diag) == 0)
			return 0;
		fprintf(stderr, PROGRAM ": %s\n", diag.message);
		return 2;
	}
	if (cli_read_file("--tasks", opt->tasks, &data, &size))
		return 2;
	rc = ukwd_plan_read_csv(plan, data, size, name, &diag);
	free(data);
	if (rc == 0)
		return 0;
	if (diag.line > 0)
		fprintf(stderr, "%s:%d: %s\n", name, diag.line, diag.message);
	else
		fprintf(stderr, "%s: %s\n", name, diag.message);
	return 2;
}

static int
parse_date(ukwd_date *out, const char *text, const char *option)
{
	ukwd_diag diag;

	if (ukwd_date_parse(out, text, &diag) == 0)
		return 0;
	fprintf(stderr, PROGRAM ": %s '%.40s' is not a date (column %d: %s)\n",
	        option, text, diag.column, diag.message);
	return 2;
}

/* Today: UKWD_TODAY when set (for tests and reproducible output), else
 * the local clock. */
static int
today(ukwd_date *out)
{
	const char *fixed = getenv("UKWD_TODAY");
	time_t now = time(NULL);
	struct tm local;

	if (fixed && *fixed)
		return parse_date(out, fixed, "UKWD_TODAY");
	localtime_r(&now, &local);
	return ukwd_date_from_ymd(out, local.tm_year + 1900, local.tm_mon + 1,
	                          local.tm_mday)
	           ? 2
	           : 0;
}

/* Step 2: the schedule. The User Entry Process starts, unless told
 * otherwise, on the next working day after today. */
static int
make_schedule(ukwd_schedule **sched, const ukwd_plan *plan,
              const ukwd_calendar *cal, struct options *opt)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_diag diag;
	ukwd_date date;

	if (opt->finish) {
		options.direction = UKWD_SCHEDULE_BACKWARD;
		if (parse_date(&date, opt->finish, opt->finish_option))
			return 2;
	} else if (opt->start) {
		if (parse_date(&date, opt->start, "--start"))
			return 2;
	} else {
		if (today(&date))
			return 2;
		if (ukwd_workday_next(&date, cal, date)) {
			fprintf(stderr, PROGRAM ": today is outside the "
			                        "calendar\n");
			return 2;
		}
		ukwd_date_format(opt->default_start, sizeof(opt->default_start),
		                 date);
		opt->start = opt->default_start;
	}
	if (ukwd_schedule_new(sched, plan, cal, date, &options, &diag)) {
		fprintf(stderr, PROGRAM ": %s\n", diag.message);
		return 2;
	}
	return 0;
}

/* Characters in UTF-8 text (bytes that do not continue a sequence). */
static size_t
text_width(const char *text)
{
	size_t width = 0;

	for (; *text; text++)
		width += ((unsigned char)*text & 0xC0) != 0x80;
	return width;
}

/* Print text in exactly `width` characters: padded, or cut with "…". */
static void
put_column(const char *text, size_t width)
{
	size_t have = text_width(text);

	if (have <= width) {
		fputs(text, stdout);
		for (; have < width; have++)
			putchar(' ');
		return;
	}
	for (size_t chars = 0; *text; text++) {
		if (((unsigned char)*text & 0xC0) != 0x80 &&
		    ++chars > width - 1)
			break;
		putchar(*text);
	}
	fputs("…", stdout);
}

static const char *
display_name(const ukwd_plan *plan, size_t task)
{
	const char *name = ukwd_plan_task_name(plan, task);

	return *name ? name : ukwd_plan_task_id(plan, task);
}

static void
format_date(char *buf, ukwd_date d)
{
	if (ukwd_date_format(buf, UKWD_DATE_STRLEN, d))
		snprintf(buf, UKWD_DATE_STRLEN, "?");
}

/* A User Entry Process task's source is "TAG: citation; SEC reference":
 * split it into the source ("TAG: citation") and the reference. */
static void
split_source(const char *source, char *tag_citation, size_t size,
             const char **reference)
{
	const char *sec = source ? strstr(source, "; SEC ") : NULL;
	size_t len =
	    source ? (sec ? (size_t)(sec - source) : strlen(source)) : 0;

	if (len >= size)
		len = size - 1;
	if (source)
		memcpy(tag_citation, source, len);
	tag_citation[len] = '\0';
	*reference = sec ? sec + 6 : "";
}

/* The tag alone: "PROPOSED", "CHECKLIST", "SOURCED" or "". */
static const char *
source_tag(const char *source)
{
	static const char *const tags[] = {"PROPOSED", "CHECKLIST", "SOURCED"};

	for (size_t i = 0; source && i < 3; i++)
		if (strncmp(source, tags[i], strlen(tags[i])) == 0)
			return tags[i];
	return "";
}

static int
render_csv(const ukwd_schedule *sched, int with_sources)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	size_t n = ukwd_schedule_task_count(sched);

	printf("id,name,duration,early_start,early_finish,late_start,"
	       "late_finish,total_float,free_float,critical%s\n",
	       with_sources ? ",source,reference" : "");
	for (size_t t = 0; t < n; t++) {
		ukwd_scheduled_task row;
		char es[UKWD_DATE_STRLEN], ef[UKWD_DATE_STRLEN],
		    ls[UKWD_DATE_STRLEN], lf[UKWD_DATE_STRLEN];

		if (ukwd_schedule_task(&row, sched, t))
			return 2;
		format_date(es, row.early_start);
		format_date(ef, row.early_finish);
		format_date(ls, row.late_start);
		format_date(lf, row.late_finish);
		cli_put_csv(stdout, ukwd_plan_task_id(plan, t));
		putchar(',');
		cli_put_csv(stdout, ukwd_plan_task_name(plan, t));
		printf(",%ld,%s,%s,%s,%s,%ld,%ld,%s", (long)row.duration, es,
		       ef, ls, lf, (long)row.total_float, (long)row.free_float,
		       row.critical ? "yes" : "no");
		if (with_sources) {
			char source[512];
			const char *reference;

			split_source(ukwd_plan_task_source(plan, t), source,
			             sizeof(source), &reference);
			putchar(',');
			cli_put_csv(stdout, source);
			putchar(',');
			cli_put_csv(stdout, reference);
		}
		putchar('\n');
	}
	return 0;
}

/* The latest day to give each role's UEPT notice: 60 clear working days
 * before its testing starts (early dates forward, late dates backward). */
static void
print_uept_notices(const ukwd_schedule *sched, const ukwd_calendar *cal,
                   const struct options *opt)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	const ukwd_notice_rule *rule = ukwd_notice_rule_find("uept-notice");

	for (unsigned int role = 1; role <= UKWD_ROLE_ALL; role <<= 1) {
		char id[64], testing[UKWD_DATE_STRLEN],
		    latest[UKWD_DATE_STRLEN];
		ukwd_scheduled_task row;
		ukwd_notice_result notice;
		ukwd_date starts;
		size_t task;

		if (!(opt->uep.roles & role))
			continue;
		snprintf(id, sizeof(id), "uept-execution/%s",
		         ukwd_uep_role_name(role));
		if (ukwd_plan_find(&task, plan, id) ||
		    ukwd_schedule_task(&row, sched, task))
			continue;
		starts = opt->finish ? row.late_start : row.early_start;
		if (ukwd_notice_check(&notice, cal, rule, starts, UKWD_NO_TIME,
		                      starts, NULL))
			continue;
		format_date(testing, starts);
		format_date(latest, notice.deadline);
		printf(
		    "Latest day to give UEPT notice (%s): %s\n"
		    "  %d clear working days before testing %s on %s (SEC %s; "
		    "%s: %s).\n",
		    ukwd_uep_role_name(role), latest, (int)rule->amount,
		    opt->finish ? "must start, at the latest," : "starts",
		    testing, rule->reference, ukwd_source_name(rule->source),
		    rule->citation);
	}
}

/* The User Entry Process as a text plan: a row per stage. */
static int
render_uep_text(const ukwd_schedule *sched, const ukwd_calendar *cal,
                const struct options *opt)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	size_t n = ukwd_schedule_task_count(sched);
	char first_text[UKWD_DATE_STRLEN], last_text[UKWD_DATE_STRLEN];
	ukwd_date first, last;
	int32_t days;
	int proposed = 0, negative = 0;

	ukwd_schedule_span(&first, &last, &days, sched);
	format_date(first_text, first);
	format_date(last_text, last);
	printf("SEC User Entry Process: %s, role%s %s%s\n",
	       ukwd_uep_party_name(opt->uep.party),
	       opt->roles_name && strchr(opt->roles_name, ',') ? "s" : "",
	       opt->roles_name ? opt->roles_name : "import-supplier",
	       opt->uep.credit_cover ? ", with Credit Cover" : "");
	printf("Scheduled %s %s over %s working days: %s to %s, %ld working "
	       "days\n\n",
	       opt->finish ? "backward to" : "forward from",
	       opt->finish ? opt->finish : opt->start,
	       opt->division_name ? opt->division_name : "SEC (GB)", first_text,
	       last_text, (long)days);
	printf("  %-34s  %-44s  %-10s  %-10s  %4s  %5s  %s\n", "STAGE", "WHAT",
	       opt->finish ? "LATE START" : "START",
	       opt->finish ? "LATE END" : "FINISH", "DAYS", "FLOAT", "SOURCE");
	for (size_t t = 0; t < n; t++) {
		ukwd_scheduled_task row;
		char start[UKWD_DATE_STRLEN], finish[UKWD_DATE_STRLEN];
		const char *tag = source_tag(ukwd_plan_task_source(plan, t));

		if (ukwd_schedule_task(&row, sched, t))
			return 2;
		format_date(start,
		            opt->finish ? row.late_start : row.early_start);
		format_date(finish,
		            opt->finish ? row.late_finish : row.early_finish);
		proposed |= strcmp(tag, "PROPOSED") == 0;
		negative |= row.total_float < 0;
		printf("%c ", row.total_float < 0 ? '!'
		              : row.critical      ? '*'
		                                  : ' ');
		put_column(ukwd_plan_task_id(plan, t), 34);
		printf("  ");
		put_column(display_name(plan, t), 44);
		printf("  %s  %s  %4ld  %5ld  %s\n", start, finish,
		       (long)row.duration, (long)row.total_float, tag);
	}
	printf("\nDCC User: %s\n", last_text);
	print_uept_notices(sched, cal, opt);
	printf("\n* critical: no float.%s\n",
	       negative ? "  ! negative float: the date cannot be met." : "");
	printf("SOURCE: CHECKLIST is SECAS's SEC Checklist for Small "
	       "Suppliers v1.3\n(December 2017); SOURCED figures cite a "
	       "public page (--format csv shows it).\n");
	if (proposed)
		printf("PROPOSED durations are libukwd's own defaults: no "
		       "public source gives one.\nThey are not SEC rules; set "
		       "your own with --set STAGE=DAYS.\n");
	return 0;
}

/* JSON string. */
static void
put_json(const char *text)
{
	putchar('"');
	for (; text && *text; text++) {
		unsigned char c = (unsigned char)*text;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

/* The schedule as JSON: {"format_version": 1, "project": {...},
 * "tasks": [...], "critical_paths": [[ids]]}; tasks carry every schedule
 * field, the source and the two explanations. */
static int
render_json(const ukwd_schedule *sched, const struct options *opt)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	size_t n = ukwd_schedule_task_count(sched), npaths;
	char a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN], why[2][512];
	ukwd_date first, last;
	int32_t days;

	ukwd_schedule_span(&first, &last, &days, sched);
	format_date(a, first);
	format_date(b, last);
	printf("{\n  \"format_version\": 1,\n  \"project\": {\"start\": "
	       "\"%s\", \"finish\": \"%s\", \"working_days\": %ld, "
	       "\"direction\": \"%s\", \"date\": \"%s\"},\n  \"tasks\": [",
	       a, b, (long)days, opt->finish ? "backward" : "forward",
	       opt->finish ? opt->finish : opt->start);
	for (size_t t = 0; t < n; t++) {
		ukwd_scheduled_task row;
		char source[512], es[UKWD_DATE_STRLEN], ef[UKWD_DATE_STRLEN],
		    ls[UKWD_DATE_STRLEN], lf[UKWD_DATE_STRLEN];
		const char *reference;
		size_t len;

		if (ukwd_schedule_task(&row, sched, t))
			return 2;
		for (int side = 0; side < 2; side++)
			if (ukwd_schedule_explain(why[side], sizeof(why[side]),
			                          &len, sched, t,
			                          (ukwd_schedule_side)side))
				why[side][0] = '\0';
		split_source(ukwd_plan_task_source(plan, t), source,
		             sizeof(source), &reference);
		format_date(es, row.early_start);
		format_date(ef, row.early_finish);
		format_date(ls, row.late_start);
		format_date(lf, row.late_finish);
		printf("%s\n    {\"id\": ", t ? "," : "");
		put_json(ukwd_plan_task_id(plan, t));
		printf(", \"name\": ");
		put_json(ukwd_plan_task_name(plan, t));
		printf(
		    ", \"duration\": %ld, \"early_start\": \"%s\", "
		    "\"early_finish\": \"%s\", \"late_start\": \"%s\", "
		    "\"late_finish\": \"%s\", \"total_float\": %ld, "
		    "\"free_float\": %ld, \"critical\": %s, \"source_tag\": ",
		    (long)row.duration, es, ef, ls, lf, (long)row.total_float,
		    (long)row.free_float, row.critical ? "true" : "false");
		put_json(source_tag(source));
		printf(", \"source\": ");
		put_json(source);
		printf(", \"reference\": ");
		put_json(reference);
		printf(", \"why_start\": ");
		put_json(why[0]);
		printf(", \"why_finish\": ");
		put_json(why[1]);
		putchar('}');
	}
	printf("\n  ],\n  \"critical_paths\": [");
	npaths = ukwd_schedule_critical_path_count(sched);
	for (size_t p = 0; p < npaths; p++) {
		const size_t *tasks;
		size_t count;

		ukwd_schedule_critical_path(&tasks, &count, sched, p);
		printf("%s[", p ? ", " : "");
		for (size_t i = 0; i < count; i++) {
			if (i)
				printf(", ");
			put_json(ukwd_plan_task_id(plan, tasks[i]));
		}
		putchar(']');
	}
	printf("]\n}\n");
	return 0;
}

/* "a -> b -> c" when each task links to the next, else "a, b, c". */
static void
print_path(const ukwd_schedule *sched, const size_t *tasks, size_t count,
           unsigned char *linked)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	int chain = 1;

	for (size_t i = 0; i + 1 < count; i++)
		chain &= linked[tasks[i + 1]];
	for (size_t i = 0; i < count; i++) {
		if (i)
			fputs(chain ? " -> " : ", ", stdout);
		fputs(ukwd_plan_task_id(plan, tasks[i]), stdout);
	}
	putchar('\n');
}

/* linked[t] = 1 when t's predecessor on its critical path links to it. */
static unsigned char *
path_links(const ukwd_schedule *sched)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	size_t n = ukwd_plan_task_count(plan), npaths;
	size_t *before = malloc((n ? n : 1) * sizeof(*before));
	unsigned char *linked = calloc(n ? n : 1, 1);

	if (!before || !linked) {
		free(before);
		free(linked);
		return NULL;
	}
	for (size_t t = 0; t < n; t++)
		before[t] = (size_t)-1;
	npaths = ukwd_schedule_critical_path_count(sched);
	for (size_t p = 0; p < npaths; p++) {
		const size_t *tasks;
		size_t count;

		ukwd_schedule_critical_path(&tasks, &count, sched, p);
		for (size_t i = 1; i < count; i++)
			before[tasks[i]] = tasks[i - 1];
	}
	for (size_t l = 0; l < ukwd_plan_link_count(plan); l++) {
		ukwd_plan_link_info link;

		ukwd_plan_link(&link, plan, l);
		if (before[link.successor] == link.predecessor)
			linked[link.successor] = 1;
	}
	free(before);
	return linked;
}

static int
render_table(const ukwd_schedule *sched, const struct options *opt)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	size_t n = ukwd_schedule_task_count(sched), id_width = 2,
	       name_width = 4, npaths, nnegative;
	const size_t *negative;
	char start[UKWD_DATE_STRLEN], finish[UKWD_DATE_STRLEN];
	unsigned char *linked;
	ukwd_date first, last;
	int32_t days;

	for (size_t t = 0; t < n; t++) {
		size_t w = text_width(ukwd_plan_task_id(plan, t));

		if (w > id_width)
			id_width = w;
		w = text_width(display_name(plan, t));
		if (w > name_width)
			name_width = w;
	}
	if (id_width > ID_WIDTH_MAX)
		id_width = ID_WIDTH_MAX;
	if (name_width > NAME_WIDTH_MAX)
		name_width = NAME_WIDTH_MAX;
	ukwd_schedule_span(&first, &last, &days, sched);
	format_date(start, first);
	format_date(finish, last);
	printf("Project: %s to %s, %ld working day%s (scheduled %s %s)\n\n",
	       start, finish, (long)days, days == 1 ? "" : "s",
	       opt->finish ? "backward to" : "forward from",
	       opt->finish ? opt->finish : opt->start);
	printf("  ");
	put_column("ID", id_width);
	printf("  ");
	put_column("TASK", name_width);
	puts("  DAYS  START       FINISH      LATE START  LATE FINISH  FLOAT "
	     " FREE");
	for (size_t t = 0; t < n; t++) {
		ukwd_scheduled_task row;
		char es[UKWD_DATE_STRLEN], ef[UKWD_DATE_STRLEN],
		    ls[UKWD_DATE_STRLEN], lf[UKWD_DATE_STRLEN];

		if (ukwd_schedule_task(&row, sched, t))
			return 2;
		format_date(es, row.early_start);
		format_date(ef, row.early_finish);
		format_date(ls, row.late_start);
		format_date(lf, row.late_finish);
		printf("%c ", row.total_float < 0 ? '!'
		              : row.critical      ? '*'
		                                  : ' ');
		put_column(ukwd_plan_task_id(plan, t), id_width);
		printf("  ");
		put_column(display_name(plan, t), name_width);
		printf("  %4ld  %s  %s  %s  %s   %5ld %5ld\n",
		       (long)row.duration, es, ef, ls, lf,
		       (long)row.total_float, (long)row.free_float);
	}
	ukwd_schedule_negative_float(&negative, &nnegative, sched);
	printf("\n* critical: no float.%s\n",
	       nnegative ? "  ! negative float: a date cannot be met." : "");
	npaths = ukwd_schedule_critical_path_count(sched);
	linked = path_links(sched);
	if (!linked) {
		fprintf(stderr, PROGRAM ": out of memory\n");
		return 2;
	}
	for (size_t p = 0; p < npaths; p++) {
		const size_t *tasks;
		size_t count;

		ukwd_schedule_critical_path(&tasks, &count, sched, p);
		if (npaths == 1)
			printf("Critical path: ");
		else
			printf("Critical path %zu: ", p + 1);
		print_path(sched, tasks, count, linked);
	}
	free(linked);
	if (nnegative) {
		printf("Negative float: ");
		for (size_t i = 0; i < nnegative; i++) {
			ukwd_scheduled_task row;

			ukwd_schedule_task(&row, sched, negative[i]);
			printf("%s%s (%ld)", i ? ", " : "",
			       ukwd_plan_task_id(plan, negative[i]),
			       (long)row.total_float);
		}
		printf("\n");
	}
	return 0;
}

/* What fixed each task's dates, two sentences a task. */
static int
render_explanations(const ukwd_schedule *sched)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	size_t n = ukwd_schedule_task_count(sched), width = 2;
	size_t capacity = 256;
	char *sentence = malloc(capacity);

	if (!sentence)
		return 2;
	for (size_t t = 0; t < n; t++) {
		size_t w = text_width(ukwd_plan_task_id(plan, t));

		if (w > width)
			width = w;
	}
	if (width > ID_WIDTH_MAX)
		width = ID_WIDTH_MAX;
	puts("\nWhy:");
	for (size_t t = 0; t < n; t++) {
		for (int side = 0; side < 2; side++) {
			size_t len;
			int rc = ukwd_schedule_explain(
			    sentence, capacity, &len, sched, t,
			    (ukwd_schedule_side)side);

			if (rc == UKWD_EBUFS) {
				char *bigger = realloc(sentence, len + 1);

				if (!bigger) {
					free(sentence);
					return 2;
				}
				sentence = bigger;
				capacity = len + 1;
				rc = ukwd_schedule_explain(
				    sentence, capacity, &len, sched, t,
				    (ukwd_schedule_side)side);
			}
			if (rc) {
				free(sentence);
				return 2;
			}
			printf("  ");
			put_column(side ? "" : ukwd_plan_task_id(plan, t),
			           width);
			printf("  %s\n", sentence);
		}
	}
	free(sentence);
	return 0;
}

/* Step 3: the output, and notes on stderr. */
static int
render(const ukwd_schedule *sched, const ukwd_calendar *cal,
       const struct options *opt)
{
	const char *format = opt->format ? opt->format : "text";
	int rc, uep = !opt->tasks;
	ukwd_date first, last;
	const size_t *negative;
	size_t nnegative;

	if (strcmp(format, "csv") == 0) {
		rc = render_csv(sched, uep);
	} else if (strcmp(format, "json") == 0) {
		rc = render_json(sched, opt);
	} else {
		rc = uep ? render_uep_text(sched, cal, opt)
		         : render_table(sched, opt);
		if (rc == 0 && opt->explain)
			rc = render_explanations(sched);
	}
	if (rc)
		return rc;
	ukwd_schedule_negative_float(&negative, &nnegative, sched);
	if (strcmp(format, "csv") == 0 && nnegative)
		fprintf(stderr,
		        PROGRAM ": note: %zu task%s negative float: a "
		                "constraint or deadline cannot be met\n",
		        nnegative, nnegative == 1 ? " has" : "s have");
	ukwd_schedule_span(&first, &last, NULL, sched);
	if (opt->finish) {
		ukwd_date given;

		if (ukwd_date_parse(&given, opt->finish, NULL) == 0 &&
		    given > last)
			last = given;
	}
	cli_note_projected(cal, last);
	return 0;
}

int
main(int argc, char **argv)
{
	static char out_buffer[1 << 16];
	struct options opt;
	ukwd_plan *plan = NULL;
	ukwd_calendar *cal = NULL;
	ukwd_schedule *sched = NULL;
	int rc;

	cli_program = PROGRAM;
	rc = parse_options(&opt, argc, argv);
	if (rc) {
		free_options(&opt);
		return rc;
	}
	setvbuf(stdout, out_buffer, _IOFBF, sizeof(out_buffer));
	rc = load_plan(&plan, &opt);
	if (rc == 0)
		rc = cli_calendar(&cal, &opt.holidays, opt.divisions,
		                  UKWD_UK_FIRST_YEAR, UKWD_UK_LAST_YEAR);
	if (rc == 0)
		rc = make_schedule(&sched, plan, cal, &opt);
	if (rc == 0)
		rc = render(sched, cal, &opt);
	ukwd_schedule_free(sched);
	ukwd_calendar_free(cal);
	ukwd_plan_free(plan);
	free_options(&opt);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, PROGRAM ": writing standard output: %s\n",
		        strerror(errno));
		return 2;
	}
	return rc;
}
