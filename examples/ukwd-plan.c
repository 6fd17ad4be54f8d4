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

/* Where the table and the library's renderers write: standard output, or
 * the temporary file behind --output while it is written. */
static FILE *out_file;

static const char usage[] =
    "usage: ukwd-plan [UEP OPTIONS] [--start DATE] [--deadline DATE] "
    "[OPTIONS]\n"
    "       ukwd-plan --tasks FILE (--start DATE [--finish DATE] | "
    "--finish DATE)\n"
    "                 [OPTIONS]\n"
    "\n"
    "Without --tasks, plans the SEC User Entry Process: the stages a Party\n"
    "goes through to become a DCC User, each with its indicative duration\n"
    "and where that figure comes from (SOURCED, CHECKLIST: SECAS's SEC\n"
    "Checklist for Small Suppliers v1.3, PROPOSED: libukwd's own default,\n"
    "not an SEC rule, or USER: yours). With no options at all it plans a\n"
    "domestic small supplier in the Import Supplier role starting the next\n"
    "working day, with the days to give UEPT notice and to request a\n"
    "Privacy Assessment as milestones.\n"
    "\n"
    "User Entry Process options:\n"
    "  --party NAME      domestic-small-supplier (default; DCC User by\n"
    "                    2017-11-25), non-domestic-small-supplier (by\n"
    "                    2018-08-31) or other (no mandate); a plan that\n"
    "                    finishes after the mandate says so\n"
    "  --roles LIST      User Roles, comma-separated: import-supplier\n"
    "                    (default), export-supplier, gas-supplier,\n"
    "                    electricity-distributor, gas-transporter,\n"
    "                    registered-supplier-agent, other-user\n"
    "  --credit-cover    the Party's Credit Cover Requirement exceeds the\n"
    "                    Credit Cover Threshold: add the Credit Cover stage\n"
    "  --set STAGE=DAYS  a stage's duration in working days (repeatable);\n"
    "                    STAGE/ROLE sets one role's copy; shown as USER\n"
    "                    (set by you), with a warning when it departs from\n"
    "                    a CHECKLIST or SOURCED figure\n"
    "  --stagger         test the roles one after another, not side by side\n"
    "  --deadline DATE   schedule backward so the Party is a DCC User by DATE\n"
    "                    (2017-11-25 was the domestic small supplier "
    "mandate);\n"
    "                    with --start, schedule forward and say whether the\n"
    "                    plan meets DATE and by how many working days\n"
    "\n"
    "Schedule risk (Monte Carlo over three-point estimates):\n"
    "  --risk N          run N iterations (1 to 16777216); the User Entry\n"
    "                    Process then takes every stage's range (all but\n"
    "                    FUSA fieldwork's 3-10 PROPOSED) and its branches\n"
    "                    (SREPT and UEPT re-tests, a follow-up security\n"
    "                    assessment: PROPOSED); table and text add the\n"
    "                    P50/P80/P95 finish and criticality of each task;\n"
    "                    json, csv, svg and html give the risk's results\n"
    "                    (S-curve, histogram, tornado); a --deadline, else\n"
    "                    the mandate, gets its probability of being met;\n"
    "                    backward, the latest start for 50, 80 and 95 %\n"
    "  --seed S          the generator's seed, 0 to 2^64-1 (default 0):\n"
    "                    the same seed gives the same output\n"
    "  --distribution D  triangular (default) or pert\n"
    "  --threads T       threads, 1 to 256 (default 1); same results\n"
    "\n";

/* The rest of --help (a string literal has at most 4095 characters in
 * C11). */
static const char usage_options[] =
    "Options:\n"
    "  --tasks FILE      a plan as CSV ('-' for standard input); see below\n"
    "  --start DATE      schedule forward from DATE (rolled forward to a\n"
    "                    working day); default for the User Entry Process:\n"
    "                    the next working day after today\n"
    "  --finish DATE     schedule backward to DATE (rolled back to a working\n"
    "                    day): the latest dates that still finish by then\n"
    "                    (--deadline is the same); with --start, a deadline\n"
    "                    the forward plan is checked against\n"
    "  --division NAME   england-and-wales, scotland, northern-ireland, gb,\n"
    "                    uk or sec (default sec: libukwd's PROPOSED reading\n"
    "                    of the SEC Working Day, a working day in both\n"
    "                    England and Wales and Scotland; no public source\n"
    "                    quotes the Code's definition; uk is the strictest\n"
    "                    reading for a Party's notice); any case, and\n"
    "                    england or wales (england-and-wales), ni\n"
    "  --holidays FILE   official data or extra days off (repeatable), and\n"
    "  --official DIVISION=FILE  as for ukwd-cal\n"
    "  --format FORMAT   table (default): the dates as a table;\n"
    "                    text (or gantt): a Gantt chart for a terminal;\n"
    "                    svg; html (the chart and a sortable table in one\n"
    "                    file); mermaid; csv; json; ics (an all-day event a\n"
    "                    task) or ics-todo (a to-do a task, due on its last\n"
    "                    day); ics's DTSTAMP is when the file was made\n"
    "                    (SOURCE_DATE_EPOCH's time when it is set)\n"
    "  --output FILE     write to FILE (replaced only when all is written)\n"
    "  --width N         text: columns, 40 to 10000 (default 100)\n"
    "  --ascii           text: plain ASCII, no block characters\n"
    "  --scale SCALE     text, svg: auto (default), day, week or month\n"
    "  --today DATE      mark DATE on the chart and flag dates before it as\n"
    "                    past (User Entry Process: default today)\n"
    "  --title TEXT      svg, html, mermaid: the chart's title (default:\n"
    "                    what was planned); the subtitle gives the day the\n"
    "                    chart was made: SOURCE_DATE_EPOCH's if set, else\n"
    "                    today\n"
    "  --explain         after the table, say what fixed each task's dates\n"
    "  --status-date DATE  the plan's progress is as of the end of DATE:\n"
    "                    tasks with an actual finish keep their dates, one\n"
    "                    with an actual start and none runs for its\n"
    "                    remaining working days (CSV column remaining) after\n"
    "                    DATE, all other work starts after DATE\n"
    "  --baseline FILE   a schedule saved with --format json: table and text\n"
    "                    then say how far each task and the finish slipped\n"
    "                    in working days and which tasks moved the finish;\n"
    "                    csv and json carry the same figures; svg and html\n"
    "                    draw each task's baseline as a thin bar under its\n"
    "                    bar, its slip in the tooltip and the finish\n"
    "                    variance in the subtitle (html: slip columns);\n"
    "                    mermaid adds each finish slip to the task's name;\n"
    "                    ics and ics-todo end each DESCRIPTION with the\n"
    "                    task's slip and give the calendar a DESCRIPTION\n"
    "                    with the finish variance (with --risk: table\n"
    "                    and text only)\n"
    "  --help            this text\n"
    "  --version         the program's and libukwd's version\n"
    "  --list-names KIND the names shell completion offers, one a line:\n"
    "                    options, divisions, formats, scales, parties,\n"
    "                    roles or stages\n";

/* After the options (a third string: C99 promises only 4095 bytes in
 * one). */
static const char usage_notes[] =
    "\n"
    "The CSV has a header line with the columns id, name, duration and\n"
    "predecessors, in any order, and optionally deadline,\n"
    "start_no_earlier_than, finish_no_later_than, must_start_on,\n"
    "must_finish_on, actual_start, actual_finish (YYYY-MM-DD), optimistic,\n"
    "most_likely, pessimistic, remaining (working days left after\n"
    "--status-date) and source. Durations are whole working days\n"
    "(0 is a milestone). Predecessors are separated by ';', each\n"
    "ID[:FS|SS|FF|SF][+N|-N] with a lag of N working days; Microsoft\n"
    "Project's 2FS+3 works too. Quote a field containing commas: \"a, b\".\n"
    "\n"
    "A task starts on its first working day and finishes on its last; FS with\n"
    "no lag starts the next task the working day after. Float is in working\n"
    "days; a task with none is critical (*), and one that cannot meet a date\n"
    "has negative float (!).\n"
    "A milestone that follows a task's finish is dated on that task's last\n"
    "day (as Microsoft Project shows it); one that a start drives, on its\n"
    "own day.\n"
    "Today is read from the clock, or from UKWD_TODAY=YYYY-MM-DD if set.\n"
    "Exit status: 0 success (even when a date cannot be met), 2 bad usage,\n"
    "a bad plan or a date outside the calendar (1971-01-01 to 9999-12-31).\n";

/* The --format names, in the order of enum format, and then "gantt", an
 * alias of "text". */
static const char *const format_names[] = {"table",    "text", "svg",  "html",
                                           "mermaid",  "csv",  "json", "ics",
                                           "ics-todo", "gantt"};
#define FORMAT_NAMES 9 /* without the alias */

/* The --distribution names, in the order of ukwd_risk_distribution. */
static const char *const distribution_names[] = {"triangular", "pert"};

/* The --scale names, in the order of ukwd_render_scale. */
static const char *const scale_names[] = {"auto", "day", "week", "month"};

enum format {
	FORMAT_TABLE,
	FORMAT_TEXT,
	FORMAT_SVG,
	FORMAT_HTML,
	FORMAT_MERMAID,
	FORMAT_CSV,
	FORMAT_JSON,
	FORMAT_ICS,
	FORMAT_ICS_TODO,
};

/* The options: their text as given (parse_options), and what
 * check_options makes of it. Nothing after check_options parses text. */
struct options {
	const char *tasks;
	const char *start, *finish, *finish_option;
	const char *division_name;
	const char *format_name, *output;
	const char *width_text, *today_text, *scale_name;
	const char *party_name, *roles_name;
	const char *title; /* --title: the chart's */
	const char *risk_text, *seed_text, *distribution_name, *threads_text;
	const char *status_text, *baseline_path; /* --status-date, --baseline */
	int explain, credit_cover, ascii, stagger;
	/* What check_options makes of the text. */
	const char *tasks_label; /* in messages: the file, or "(stdin)" */
	enum format format;
	int64_t made; /* ics: DTSTAMP, cli_made() */
	int width;
	ukwd_date today_date;
	ukwd_render_scale scale;
	unsigned int divisions;
	/* --status-date */
	int has_status;
	ukwd_date status_date;
	/* --risk: iterations (0: no risk), and its options */
	uint32_t risk;
	ukwd_risk_options risk_options;
	/* --start, or --finish/--deadline when `backward`; `fixed_today`
	 * (UKWD_TODAY) when it is set. With both --start and --deadline the
	 * schedule runs forward and `deadline` is checked. */
	int backward, has_project_date, has_fixed_today, has_deadline;
	ukwd_date project_date, fixed_today, deadline, today;
	/* The party's mandate, when it has one. */
	int has_mandate;
	ukwd_date mandate;
	/* The roles as shown: the catalogue's names, comma-separated. */
	char roles_text[256];
	int role_count;
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

/* "--set: no stage 'ID'; the stages are: ..." on one line; returns 2. */
static int
no_such_stage(const char *id)
{
	size_t len = 1;
	char *list, *to;
	int rc;

	for (size_t i = 0; i < ukwd_uep_stage_count(); i++)
		len += 1 + strlen(ukwd_uep_stage_at(i)->id);
	list = malloc(len);
	if (!list)
		return cli_error("out of memory");
	to = list;
	for (size_t i = 0; i < ukwd_uep_stage_count(); i++)
		to += sprintf(to, " %s", ukwd_uep_stage_at(i)->id);
	*to = '\0';
	rc = 0;
	if (ukwd_uep_stage_count() <= 64) {
		const char *ids[64];

		for (size_t i = 0; i < ukwd_uep_stage_count(); i++)
			ids[i] = ukwd_uep_stage_at(i)->id;
		rc = cli_suggest_error(id, ids, ukwd_uep_stage_count(),
		                       "--set: no stage '%s'", id);
	}
	if (rc == 0)
		rc = cli_error("--set: no stage '%s'; the stages are:%s", id,
		               list);
	free(list);
	return rc;
}

/* A date option's value, or UKWD_TODAY's. */
static int
parse_date(ukwd_date *out, const char *text, const char *option)
{
	ukwd_diag diag;

	if (ukwd_date_parse(out, text, &diag) == 0)
		return 0;
	return cli_error("%s '%.40s' is not a date (column %d: %s)", option,
	                 text, diag.column, diag.message);
}

/* --set STAGE=DAYS, and --finish or --deadline (which one, for
 * messages). */
static int
plan_custom(void *options, const struct cli_option *option, const char *value)
{
	struct options *opt = options;

	if (strcmp(option->name, "--set") == 0)
		return add_override(opt, value);
	opt->finish = value;
	opt->finish_option = option->name;
	return 0;
}

static void
put_names(const char *const *names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		puts(names[i]);
}

/* --list-names KIND for the bash completion. */
static int
plan_list_names(const char *kind)
{
	if (strcmp(kind, "formats") == 0) {
		put_names(format_names, FORMAT_NAMES + 1);
	} else if (strcmp(kind, "scales") == 0) {
		put_names(scale_names, 4);
	} else if (strcmp(kind, "parties") == 0) {
		for (int p = 0; p < 3; p++)
			puts(ukwd_uep_party_name((ukwd_party_type)p));
	} else if (strcmp(kind, "roles") == 0) {
		for (unsigned int r = 1; r <= UKWD_ROLE_ALL; r <<= 1)
			puts(ukwd_uep_role_name(r));
	} else if (strcmp(kind, "distributions") == 0) {
		put_names(distribution_names, 2);
	} else if (strcmp(kind, "stages") == 0) {
		for (size_t i = 0; i < ukwd_uep_stage_count(); i++)
			puts(ukwd_uep_stage_at(i)->id);
	} else {
		return -1;
	}
	return 0;
}

/* ukwd-plan takes no operands. */
static int
plan_operand(void *options, const char *arg)
{
	(void)options;
	return cli_usage_error("unexpected argument '%s'", arg);
}

static int
parse_options(struct options *opt, int argc, char **argv)
{
	static const ukwd_uep_options uep_defaults = UKWD_UEP_OPTIONS_INIT;
	static const struct cli_option table[] = {
	    {"--tasks", CLI_VALUE, offsetof(struct options, tasks)},
	    {"--start", CLI_VALUE, offsetof(struct options, start)},
	    {"--finish", CLI_CUSTOM, 0},
	    {"--deadline", CLI_CUSTOM, 0},
	    {"--division", CLI_VALUE, offsetof(struct options, division_name)},
	    {"--format", CLI_VALUE, offsetof(struct options, format_name)},
	    {"--output", CLI_VALUE, offsetof(struct options, output)},
	    {"--width", CLI_VALUE, offsetof(struct options, width_text)},
	    {"--today", CLI_VALUE, offsetof(struct options, today_text)},
	    {"--scale", CLI_VALUE, offsetof(struct options, scale_name)},
	    {"--party", CLI_VALUE, offsetof(struct options, party_name)},
	    {"--roles", CLI_VALUE, offsetof(struct options, roles_name)},
	    {"--title", CLI_VALUE, offsetof(struct options, title)},
	    {"--holidays", CLI_HOLIDAYS, 0},
	    {"--official", CLI_OFFICIAL, 0},
	    {"--set", CLI_CUSTOM, 0},
	    {"--explain", CLI_FLAG, offsetof(struct options, explain)},
	    {"--ascii", CLI_FLAG, offsetof(struct options, ascii)},
	    {"--credit-cover", CLI_FLAG,
	     offsetof(struct options, credit_cover)},
	    {"--stagger", CLI_FLAG, offsetof(struct options, stagger)},
	    {"--risk", CLI_VALUE, offsetof(struct options, risk_text)},
	    {"--seed", CLI_VALUE, offsetof(struct options, seed_text)},
	    {"--distribution", CLI_VALUE,
	     offsetof(struct options, distribution_name)},
	    {"--threads", CLI_VALUE, offsetof(struct options, threads_text)},
	    {"--status-date", CLI_VALUE, offsetof(struct options, status_text)},
	    {"--baseline", CLI_VALUE, offsetof(struct options, baseline_path)},
	};
	static const char *const kinds[] = {
	    "formats", "scales",        "parties", "roles",
	    "stages",  "distributions", NULL};
	static const struct cli_parser parser = {
	    .options = table,
	    .count = sizeof(table) / sizeof(*table),
	    .holidays_offset = offsetof(struct options, holidays),
	    .nonempty_values = 1,
	    .custom = plan_custom,
	    .operand = plan_operand,
	    .list_names = plan_list_names,
	    .name_kinds = kinds,
	};

	memset(opt, 0, sizeof(*opt));
	opt->uep = uep_defaults;
	return cli_parse(&parser, opt, argc, argv);
}

/* --risk, --seed, --distribution and --threads; 0 or 2. */
static int
check_risk_options(struct options *opt)
{
	static const ukwd_risk_options defaults = UKWD_RISK_OPTIONS_INIT;
	int32_t n;

	opt->risk_options = defaults;
	if (!opt->risk_text) {
		const char *alone = opt->seed_text           ? "--seed"
		                    : opt->distribution_name ? "--distribution"
		                    : opt->threads_text      ? "--threads"
		                                             : NULL;

		if (alone)
			return cli_usage_error("%s goes with --risk N", alone);
		return 0;
	}
	if (cli_parse_int32(&n, opt->risk_text) || n < 1 ||
	    (uint32_t)n > UKWD_RISK_MAX_ITERATIONS)
		return cli_usage_error("--risk '%s': expected a number of "
		                       "iterations, 1 to %lu",
		                       opt->risk_text,
		                       (unsigned long)UKWD_RISK_MAX_ITERATIONS);
	opt->risk = (uint32_t)n;
	opt->risk_options.iterations = opt->risk;
	if (opt->seed_text) {
		char *end;

		errno = 0;
		opt->risk_options.seed = strtoull(opt->seed_text, &end, 10);
		if (errno || *end || opt->seed_text[0] < '0' ||
		    opt->seed_text[0] > '9')
			return cli_usage_error("--seed '%s': expected a whole "
			                       "number, 0 to "
			                       "18446744073709551615",
			                       opt->seed_text);
	}
	if (opt->distribution_name) {
		size_t d = 0;

		while (d < 2 &&
		       strcmp(opt->distribution_name, distribution_names[d]))
			d++;
		if (d == 2 && cli_suggest_error(
		                  opt->distribution_name, distribution_names, 2,
		                  "--distribution: unknown distribution "
		                  "'%s'",
		                  opt->distribution_name))
			return 2;
		if (d == 2)
			return cli_usage_error("--distribution '%s': expected "
			                       "triangular or pert",
			                       opt->distribution_name);
		opt->risk_options.distribution = (ukwd_risk_distribution)d;
	}
	if (opt->threads_text) {
		if (cli_parse_int32(&n, opt->threads_text) || n < 1 ||
		    (uint32_t)n > UKWD_RISK_MAX_THREADS)
			return cli_usage_error("--threads '%s': expected 1 to "
			                       "%u",
			                       opt->threads_text,
			                       UKWD_RISK_MAX_THREADS);
		opt->risk_options.threads = (unsigned int)n;
	}
	if (opt->format == FORMAT_MERMAID || opt->format == FORMAT_ICS ||
	    opt->format == FORMAT_ICS_TODO)
		return cli_usage_error("--risk goes with --format table, "
		                       "text, json, csv, svg or html, not %s",
		                       format_names[opt->format]);
	/* The User Entry Process with every stage's range. */
	opt->uep.ranges = UKWD_UEP_RANGES_ALL;
	return 0;
}

/* --status-date and --baseline; 0 or 2. */
static int
check_progress_options(struct options *opt)
{
	if (opt->status_text) {
		if (ukwd_date_parse(&opt->status_date, opt->status_text, NULL))
			return cli_usage_error(
			    "--status-date '%s' is not a date "
			    "(YYYY-MM-DD)",
			    opt->status_text);
		opt->has_status = 1;
	}
	/* Every format shows a baseline; with --risk, table and text show
	 * the plan's (and its comparison) before the risk's, the other
	 * formats only the risk's results, which have no baseline. */
	if (opt->baseline_path && opt->risk &&
	    !(opt->format == FORMAT_TABLE || opt->format == FORMAT_TEXT))
		return cli_usage_error(
		    "--baseline with --risk goes with --format table or text "
		    "(the risk's %s results do not show a baseline)",
		    format_names[opt->format]);
	return 0;
}

/* What the options' text means: conflicts between options, and every
 * value made into what the later steps use (names into enums and bit
 * sets, numbers, dates, UKWD_TODAY). Reads no file and writes nothing
 * but one line on stderr when an option is wrong; returns 0 or 2. */
static int
check_options(struct options *opt)
{
	if (opt->tasks && !opt->start && !opt->finish)
		return cli_usage_error("missing --start DATE or --finish DATE: "
		                       "when the plan starts, or must finish");
	if (opt->tasks &&
	    (opt->party_name || opt->roles_name || opt->credit_cover ||
	     opt->uep.override_count || opt->stagger))
		return cli_usage_error(
		    "--party, --roles, --credit-cover, "
		    "--stagger and --set plan the User Entry "
		    "Process; they do not go with --tasks");
	opt->tasks_label = !opt->tasks                    ? ""
	                   : strcmp(opt->tasks, "-") == 0 ? "(stdin)"
	                                                  : opt->tasks;
	opt->format = FORMAT_TABLE;
	if (opt->format_name) {
		size_t f = 0;

		while (f < FORMAT_NAMES &&
		       strcmp(opt->format_name, format_names[f]) != 0)
			f++;
		if (f == FORMAT_NAMES && strcmp(opt->format_name, "gantt") == 0)
			f = FORMAT_TEXT;
		if (f == FORMAT_NAMES &&
		    cli_suggest_error(
		        opt->format_name, format_names, FORMAT_NAMES + 1,
		        "--format: unknown format '%s'", opt->format_name))
			return 2;
		if (f == FORMAT_NAMES)
			return cli_usage_error(
			    "--format '%s': expected table, text, svg, html, "
			    "mermaid, csv, json, ics or ics-todo",
			    opt->format_name);
		opt->format = (enum format)f;
	}
	/* iCalendar's DTSTAMP: when the file is made. */
	if ((opt->format == FORMAT_ICS || opt->format == FORMAT_ICS_TODO) &&
	    cli_made(&opt->made))
		return 2;
	if (opt->explain && opt->format != FORMAT_TABLE)
		return cli_usage_error("--explain goes with the table; csv, "
		                       "json, html and ics carry the "
		                       "explanations themselves");
	if (opt->width_text && (cli_parse_int32(&opt->width, opt->width_text) ||
	                        opt->width < 40 || opt->width > 10000))
		return cli_usage_error("--width '%s': expected a number of "
		                       "columns from 40 to 10000",
		                       opt->width_text);
	opt->today_date = UKWD_RENDER_NO_DATE;
	if (opt->today_text &&
	    ukwd_date_parse(&opt->today_date, opt->today_text, NULL))
		return cli_usage_error(
		    "--today '%s' is not a date (YYYY-MM-DD)", opt->today_text);
	if (opt->scale_name) {
		size_t k = 0;

		while (k < 4 && strcmp(opt->scale_name, scale_names[k]) != 0)
			k++;
		if (k == 4 && cli_suggest_error(opt->scale_name, scale_names, 4,
		                                "--scale: unknown scale '%s'",
		                                opt->scale_name))
			return 2;
		if (k == 4)
			return cli_usage_error(
			    "--scale '%s': expected auto, day, week or month",
			    opt->scale_name);
		opt->scale = (ukwd_render_scale)k;
	}
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
		                         &diag)) {
			const char *parties[3];

			for (int p = 0; p < 3; p++)
				parties[p] =
				    ukwd_uep_party_name((ukwd_party_type)p);
			if (cli_suggest_error(opt->party_name, parties, 3,
			                      "--party: unknown party '%s'",
			                      opt->party_name))
				return 2;
			return cli_usage_error("--party: %s", diag.message);
		}
	}
	if (opt->roles_name) {
		ukwd_diag diag;

		if (ukwd_uep_roles_parse(&opt->uep.roles, opt->roles_name,
		                         &diag)) {
			const char *bad = opt->roles_name, *roles[16];
			char list[256] = "", role[64];
			size_t count = 0;

			/* The role the message names starts at its column. */
			if (diag.column > 0 &&
			    (size_t)diag.column <= strlen(bad))
				bad += diag.column - 1;
			snprintf(role, sizeof(role), "%.*s",
			         (int)strcspn(bad, ","), bad);
			for (unsigned int r = 1;
			     r <= UKWD_ROLE_ALL && count < 16; r <<= 1)
				roles[count++] = ukwd_uep_role_name(r);
			if (role[0] && cli_suggest_error(
			                   role, roles, count,
			                   "--roles: unknown role '%s'", role))
				return 2;

			for (unsigned int r = 1; r <= UKWD_ROLE_ALL; r <<= 1) {
				strcat(list, " ");
				strcat(list, ukwd_uep_role_name(r));
			}
			return cli_error("--roles: %s; the roles are:%s",
			                 diag.message, list);
		}
	}
	/* The roles as the table's heading names them: each once, in the
	 * catalogue's order. */
	opt->role_count = 0;
	opt->roles_text[0] = '\0';
	for (unsigned int r = 1; r <= UKWD_ROLE_ALL; r <<= 1)
		if (opt->uep.roles & r) {
			if (opt->role_count++)
				strcat(opt->roles_text, ",");
			strcat(opt->roles_text, ukwd_uep_role_name(r));
		}
	opt->uep.credit_cover = opt->credit_cover;
	opt->uep.stagger = opt->stagger;
	if (check_risk_options(opt) || check_progress_options(opt))
		return 2;
	if (!opt->tasks) {
		ukwd_plan *trial = NULL;
		ukwd_diag diag;
		int rc = ukwd_uep_build_plan(&trial, &opt->uep, &diag);

		ukwd_plan_free(trial);
		for (size_t k = 0; rc && k < opt->uep.override_count; k++) {
			const char *id = opt->overrides[k].stage_id;
			size_t len = strcspn(id, "/");
			char stage[128];

			snprintf(stage, sizeof(stage), "%.*s",
			         (int)(len < 127 ? len : 127), id);
			if (!ukwd_uep_stage_find(stage))
				return no_such_stage(stage);
		}
		if (rc)
			return cli_error("%s", diag.message);
		opt->has_mandate =
		    ukwd_uep_mandate_date(&opt->mandate, opt->uep.party) == 0;
	}
	/* The date the schedule runs from or to; without one, the User
	 * Entry Process starts after today, which UKWD_TODAY may fix. With
	 * both, it runs forward and the finish date is a deadline. */
	opt->backward = opt->finish != NULL && opt->start == NULL;
	if (opt->finish || opt->start) {
		if (parse_date(&opt->project_date,
		               opt->start ? opt->start : opt->finish,
		               opt->start ? "--start" : opt->finish_option))
			return 2;
		opt->has_project_date = 1;
	}
	if (opt->start && opt->finish) {
		if (parse_date(&opt->deadline, opt->finish, opt->finish_option))
			return 2;
		if (opt->deadline < opt->project_date)
			return cli_usage_error("%s %s is before --start %s",
			                       opt->finish_option, opt->finish,
			                       opt->start);
		opt->has_deadline = 1;
	}
	{
		const char *fixed = getenv("UKWD_TODAY");

		if (fixed && *fixed) {
			if (parse_date(&opt->fixed_today, fixed, "UKWD_TODAY"))
				return 2;
			opt->has_fixed_today = 1;
		}
	}
	return 0;
}

/* --set on a figure a source gives: one line each on stderr. */
static void
warn_overrides(const struct options *opt)
{
	for (size_t k = 0; k < opt->uep.override_count; k++) {
		const ukwd_uep_override *set = &opt->overrides[k];
		const char *id = set->stage_id;
		size_t len = strcspn(id, "/");
		const ukwd_uep_stage *stage;
		char name[128];

		snprintf(name, sizeof(name), "%.*s",
		         (int)(len < 127 ? len : 127), id);
		stage = ukwd_uep_stage_find(name);
		if (!stage || stage->source == UKWD_SOURCE_PROPOSED ||
		    set->duration == stage->duration)
			continue;
		fprintf(stderr,
		        PROGRAM ": warning: --set %s=%ld departs from the %s "
		                "figure of %ld %s (%s); the plan shows it as "
		                "USER\n",
		        id, (long)set->duration,
		        ukwd_source_tag_name(stage->source),
		        (long)stage->stated_amount,
		        stage->stated_unit == UKWD_UNIT_WEEKS ? "weeks"
		                                              : "working days",
		        stage->citation);
	}
}

/* Step 1: the plan. Bad input says FILE:LINE: what. */
static int
load_plan(ukwd_plan **plan, const struct options *opt)
{
	const char *name = opt->tasks_label;
	ukwd_diag diag;
	const char *data = NULL;
	size_t size = 0;
	int rc;

	if (!opt->tasks) {
		if (ukwd_uep_build_plan(plan, &opt->uep, &diag) != 0) {
			fprintf(stderr, PROGRAM ": %s\n", diag.message);
			return 2;
		}
		warn_overrides(opt);
		return 0;
	}
	if (cli_map_file("--tasks", opt->tasks, &data, &size))
		return 2;
	rc = ukwd_plan_read_csv(plan, data, size, name, &diag);
	cli_unmap_file(data, size);
	if (rc == 0)
		return 0;
	if (diag.line > 0)
		return cli_error("%s:%d: %s", name, diag.line, diag.message);
	return cli_error("%s: %s", name, diag.message);
}

/* Today: UKWD_TODAY when set (for tests and reproducible output; read
 * by check_options), else the local clock. */
static int
today(ukwd_date *out, const struct options *opt)
{
	time_t now = time(NULL);
	struct tm local;

	if (opt->has_fixed_today) {
		*out = opt->fixed_today;
		return 0;
	}
	localtime_r(&now, &local);
	return ukwd_date_from_ymd(out, local.tm_year + 1900, local.tm_mon + 1,
	                          local.tm_mday)
	           ? 2
	           : 0;
}

/* What make_schedule() returns, with nothing said, when the calendar's
 * years are too few for the schedule: build them all and ask again. */
#define SCHEDULE_OUTSIDE 3

/* The calendar a plan needs. The User Entry Process (about half a year)
 * needs only the years of the dates it is given or reads (today, --start,
 * --finish, --deadline, --today, the mandate) and a few past them; an
 * answer outside them is asked again over the whole range. A --tasks
 * plan gets the whole range. */
static int
plan_calendar(struct cli_calendar_window *window, struct options *opt)
{
	ukwd_date dates[5];
	size_t count = 0;
	int last;

	if (opt->tasks || today(&opt->today, opt))
		return cli_calendar_window(window, &opt->holidays,
		                           opt->divisions, UKWD_UK_LAST_YEAR);
	dates[count++] = opt->today;
	if (opt->has_project_date)
		dates[count++] = opt->project_date;
	if (opt->has_deadline)
		dates[count++] = opt->deadline;
	if (opt->has_mandate)
		dates[count++] = opt->mandate;
	if (opt->today_date != UKWD_RENDER_NO_DATE)
		dates[count++] = opt->today_date;
	last = cli_year(dates[0]);
	for (size_t i = 1; i < count; i++)
		if (cli_year(dates[i]) > last)
			last = cli_year(dates[i]);
	return cli_calendar_window(window, &opt->holidays, opt->divisions,
	                           last + 3);
}

/* Step 2: the schedule. The User Entry Process starts, unless told
 * otherwise, on the next working day after today. With `narrow` (the
 * calendar holds only some years), SCHEDULE_OUTSIDE when a date falls
 * outside them. */
static int
make_schedule(ukwd_schedule **sched, ukwd_plan *plan, const ukwd_calendar *cal,
              struct options *opt, int narrow)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_diag diag;
	ukwd_date date;
	int rc;

	if (opt->backward)
		options.direction = UKWD_SCHEDULE_BACKWARD;
	options.has_status_date = opt->has_status;
	options.status_date = opt->status_date;
	if (today(&opt->today, opt))
		return 2;
	if (opt->has_deadline && ukwd_plan_set_deadline(plan, opt->deadline)) {
		fprintf(stderr, PROGRAM ": %s: cannot set the deadline\n",
		        opt->finish_option);
		return 2;
	}
	if (opt->has_project_date)
		date = opt->project_date;
	else {
		date = opt->today;
		if (ukwd_workday_next(&date, cal, date)) {
			if (narrow)
				return SCHEDULE_OUTSIDE;
			fprintf(stderr, PROGRAM ": today is outside the "
			                        "calendar\n");
			return 2;
		}
		ukwd_date_format(opt->default_start, sizeof(opt->default_start),
		                 date);
		opt->start = opt->default_start;
		opt->project_date = date;
		opt->has_project_date = 1;
	}
	rc = opt->tasks
	         ? ukwd_schedule_new(sched, plan, cal, date, &options, &diag)
	         : ukwd_uep_schedule(sched, plan, cal, date, &options, &diag);
	if (rc == UKWD_ERANGE && narrow)
		return SCHEDULE_OUTSIDE;
	if (rc && diag.line > 0 && opt->tasks)
		return cli_error("%s:%d: %s", opt->tasks_label, diag.line,
		                 diag.message);
	if (rc) {
		fprintf(stderr, PROGRAM ": %s\n", diag.message);
		return 2;
	}
	return 0;
}

/* The dates a User Entry Process plan is read by: early forward, late
 * backward. */
static ukwd_date
shown_start(const ukwd_scheduled_task *row, const struct options *opt)
{
	return opt->backward ? row->late_start : row->early_start;
}

/* A task of the plan by id ("STAGE" or "STAGE/ROLE"); 0 if found. */
static int
find_row(ukwd_scheduled_task *row, size_t *index, const ukwd_schedule *sched,
         const char *stage, unsigned int role)
{
	char id[96];
	size_t task;

	snprintf(id, sizeof(id), "%s%s%s", stage, role ? "/" : "",
	         role ? ukwd_uep_role_name(role) : "");
	if (ukwd_plan_find(&task, ukwd_schedule_plan(sched), id) ||
	    ukwd_schedule_task(row, sched, task))
		return -1;
	if (index)
		*index = task;
	return 0;
}

/* Writes to the library's sink go to a stdio stream. */
static int
file_sink(const char *buf, size_t len, void *payload)
{
	return fwrite(buf, 1, len, payload) == len ? 0 : -1;
}

struct render_job {
	const ukwd_schedule *sched;
	const struct options *opt;
	const ukwd_risk *risk;         /* --risk: the results, else NULL */
	const ukwd_progress *progress; /* --baseline, else NULL */
};

/* What a chart's header says besides the dates: the title (--title,
 * else what was planned; no colon, which Mermaid's title would show as
 * '꞉'), the calendar, the day it was made, and for the User Entry
 * Process the days a reader looks for first. */
struct chart_header {
	char title[384];
	char calendar[160];
	ukwd_render_key_date keys[2 * 7 + 2];
	char labels[2 * 7 + 2][96];
};

/* The day the chart was made: SOURCE_DATE_EPOCH's (UTC) when it is set,
 * as for reproducible builds, else today. */
static ukwd_date
made_day(const struct options *opt)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long seconds;

	if (epoch && *epoch) {
		errno = 0;
		seconds = strtoll(epoch, &end, 10);
		if (errno == 0 && *end == '\0' && seconds >= 0 &&
		    seconds / 86400 <= UKWD_DATE_MAX)
			return (ukwd_date)(seconds / 86400);
	}
	return opt->today;
}

static void
chart_key(struct chart_header *h, size_t *count, ukwd_date d, const char *what,
          unsigned int role)
{
	snprintf(h->labels[*count], sizeof(h->labels[*count]), "%s%s%s%s", what,
	         role ? " (" : "", role ? ukwd_uep_role_name(role) : "",
	         role ? ")" : "");
	h->keys[*count].date = d;
	h->keys[*count].label = h->labels[*count];
	++*count;
}

static void
chart_header(struct chart_header *h, ukwd_render_options *options,
             const ukwd_schedule *sched, const struct options *opt)
{
	const char *base = opt->tasks ? strrchr(opt->tasks_label, '/') : NULL;
	ukwd_scheduled_task row;
	size_t count = 0;

	if (opt->title)
		snprintf(h->title, sizeof(h->title), "%s", opt->title);
	else if (opt->tasks)
		snprintf(h->title, sizeof(h->title), "Plan from %s",
		         base ? base + 1 : opt->tasks_label);
	else {
		int len = snprintf(h->title, sizeof(h->title),
		                   "SEC User Entry Process (%s",
		                   ukwd_uep_party_name(opt->uep.party));

		/* domestic-small-supplier: domestic small supplier */
		for (char *p = h->title; len > 0 && p < h->title + len; p++)
			if (*p == '-')
				*p = ' ';
		snprintf(h->title + len, sizeof(h->title) - (size_t)len,
		         ", role%s %s)", opt->role_count > 1 ? "s" : "",
		         opt->roles_text);
	}
	options->title = h->title;
	snprintf(h->calendar, sizeof(h->calendar), "%s%s",
	         opt->division_name ? opt->division_name
	                            : "SEC working days (PROPOSED reading: "
	                              "England and Wales and Scotland)",
	         opt->holidays.count ? ", with the --holidays files" : "");
	options->calendar = h->calendar;
	options->made = made_day(opt);
	if (opt->tasks)
		return;
	for (unsigned int role = 1; role <= UKWD_ROLE_ALL; role <<= 1)
		if ((opt->uep.roles & role) &&
		    find_row(&row, NULL, sched, "dcc-user", role) == 0)
			chart_key(h, &count, shown_start(&row, opt), "DCC User",
			          role);
	if (opt->role_count > 1 &&
	    find_row(&row, NULL, sched, "uep-complete", 0) == 0)
		chart_key(h, &count, shown_start(&row, opt),
		          "DCC User in every role", 0);
	for (unsigned int role = 1; role <= UKWD_ROLE_ALL; role <<= 1)
		if ((opt->uep.roles & role) &&
		    find_row(&row, NULL, sched, "uept-give-notice", role) == 0)
			chart_key(h, &count, shown_start(&row, opt),
			          "Give UEPT notice", role);
	if (find_row(&row, NULL, sched, "privacy-request", 0) == 0)
		chart_key(h, &count, shown_start(&row, opt),
		          "Request the Privacy Assessment", 0);
	options->key_dates = h->keys;
	options->key_date_count = count;
}

static int render_schedule(const struct render_job *job,
                           ukwd_render_options *options);

/* --risk: table and text give the plan, its table with each task's
 * P50/P80/P95 finish and criticality, then the risk's text (the finish's
 * distribution, the deadline's chance, a task a row with its
 * sensitivity and range, the branches); the other formats give the
 * risk's results. */
static int
render_risk(const struct render_job *job, ukwd_render_options *options)
{
	const struct options *opt = job->opt;
	ukwd_risk_render_options ro = UKWD_RISK_RENDER_OPTIONS_INIT;
	static const ukwd_risk_format formats[] = {
	    [FORMAT_TABLE] = UKWD_RISK_FORMAT_TEXT,
	    [FORMAT_TEXT] = UKWD_RISK_FORMAT_TEXT,
	    [FORMAT_SVG] = UKWD_RISK_FORMAT_SVG,
	    [FORMAT_HTML] = UKWD_RISK_FORMAT_HTML,
	    [FORMAT_CSV] = UKWD_RISK_FORMAT_CSV,
	    [FORMAT_JSON] = UKWD_RISK_FORMAT_JSON,
	};
	char title[400];
	int rc = 0;

	snprintf(title, sizeof(title), "Schedule risk: %s", options->title);
	ro.title = title;
	ro.ascii = opt->ascii;
	if (opt->format == FORMAT_TABLE || opt->format == FORMAT_TEXT) {
		struct render_job plain = *job;

		plain.risk = NULL;
		options->risk = job->risk;
		rc = render_schedule(&plain, options);
		if (rc)
			return rc;
		fputc('\n', out_file);
	}
	rc = ukwd_risk_render(job->risk, job->sched, formats[opt->format], &ro,
	                      file_sink, out_file);
	if (rc == UKWD_EUSER)
		return 2;
	if (rc) {
		fprintf(stderr, PROGRAM ": --risk: %s\n", ukwd_strerror(rc));
		return 2;
	}
	return 0;
}

/* The chosen format, written to `out_file`. */
static int
render_format(const struct render_job *job)
{
	ukwd_render_options options = UKWD_RENDER_OPTIONS_INIT;

	return render_schedule(job, &options);
}

/* The plan's own output (and, for --risk, the risk's). */
static int
render_schedule(const struct render_job *job, ukwd_render_options *given)
{
	const struct options *opt = job->opt;
	ukwd_render_options options = *given;
	ukwd_render_target targets[2];
	size_t ntargets = 0;
	struct chart_header header;
	int rc;

	options.width = opt->width;
	options.ascii = opt->ascii;
	options.today = opt->today_date;
	/* The User Entry Process flags dates before today as past. */
	if (!opt->tasks && options.today == UKWD_RENDER_NO_DATE)
		options.today = opt->today;
	if (opt->has_mandate) {
		targets[ntargets].date = opt->mandate;
		targets[ntargets++].label =
		    opt->uep.party == UKWD_PARTY_DOMESTIC_SMALL_SUPPLIER
		        ? "domestic small supplier mandate"
		        : "non-domestic small supplier mandate";
	}
	if (opt->has_deadline) {
		targets[ntargets].date = opt->deadline;
		targets[ntargets++].label = "deadline";
	}
	options.targets = targets;
	options.target_count = ntargets;
	options.scale = opt->scale;
	if (!opt->tasks)
		options.flags |= UKWD_RENDER_SOURCES;
	chart_header(&header, &options, job->sched, opt);
	if (opt->explain)
		options.flags |= UKWD_RENDER_EXPLAIN;
	if (job->risk)
		return render_risk(job, &options);
	options.progress = job->progress;
	switch (opt->format) {
	case FORMAT_TABLE:
		if (opt->tasks) {
			rc = ukwd_render_table(job->sched, &options, file_sink,
			                       out_file);
			break;
		}
		/* The User Entry Process's table is its report (as in text
		 * below), then (--explain) what fixed each stage's dates. */
		rc = ukwd_render_uep(job->sched, &opt->uep, &options, file_sink,
		                     out_file);
		break;
	case FORMAT_CSV:
		rc = ukwd_render_csv(job->sched, &options, file_sink, out_file);
		break;
	case FORMAT_JSON:
		rc =
		    ukwd_render_json(job->sched, &options, file_sink, out_file);
		break;
	case FORMAT_SVG:
		rc = ukwd_render_svg(job->sched, &options, file_sink, out_file);
		break;
	case FORMAT_HTML:
		rc =
		    ukwd_render_html(job->sched, &options, file_sink, out_file);
		break;
	case FORMAT_ICS:
	case FORMAT_ICS_TODO: {
		ukwd_ical_export_options ics = UKWD_ICAL_EXPORT_OPTIONS_INIT;

		ics.flags = opt->format == FORMAT_ICS_TODO ? UKWD_ICAL_TODO : 0;
		ics.has_made = 1;
		ics.made = opt->made;
		ics.progress = job->progress;
		rc = ukwd_ical_export_schedule_with(job->sched, &ics, file_sink,
		                                    out_file);
		break;
	}
	case FORMAT_MERMAID:
		rc = ukwd_render_mermaid(job->sched, &options, file_sink,
		                         out_file);
		break;
	case FORMAT_TEXT:
	default:
		/* The User Entry Process's text is its plan (a row per stage
		 * with dates, float and source) and then the chart. */
		rc = 0;
		if (!opt->tasks) {
			rc = ukwd_render_uep(job->sched, &opt->uep, &options,
			                     file_sink, out_file);
			fputc('\n', out_file);
		}
		if (rc == 0)
			rc = ukwd_render_text(job->sched, &options, file_sink,
			                      out_file);
		break;
	}
	/* --baseline: table and text say how far the plan moved. */
	if (rc == 0 && job->progress &&
	    (opt->format == FORMAT_TABLE || opt->format == FORMAT_TEXT)) {
		fputc('\n', out_file);
		rc = ukwd_render_progress(job->sched, &options, file_sink,
		                          out_file);
	}
	if (rc == UKWD_EUSER)
		return 2; /* the stream's error is reported by the caller */
	if (rc) {
		fprintf(stderr, PROGRAM ": --format %s: %s\n",
		        format_names[opt->format], ukwd_strerror(rc));
		return 2;
	}
	return 0;
}

/* For cli_write_file(): the output to a temporary file. */
static int
produce(FILE *out, void *payload)
{
	FILE *saved = out_file;
	int rc;

	out_file = out;
	rc = render_format(payload);
	out_file = saved;
	/* A write that failed (the library then says UKWD_EUSER) is
	 * reported here, with the reason. */
	if (fflush(out) != 0 || ferror(out)) {
		fprintf(stderr, PROGRAM ": --output: %s\n", strerror(errno));
		rc = 2;
	}
	return rc;
}

/* SVG and HTML draw at most UKWD_RENDER_MAX_DAYS days (render.h): the days
 * from the first to the last date of any task, early or late. Say so
 * before anything is written; 0, or 2 after the message. */
static int
check_drawable(const ukwd_schedule *sched, const struct options *opt)
{
	ukwd_date first, last;
	long days;

	if (opt->format != FORMAT_SVG && opt->format != FORMAT_HTML)
		return 0;
	if (ukwd_schedule_span(&first, &last, NULL, sched))
		return 0; /* the renderer says what is wrong */
	for (size_t t = 0; t < ukwd_schedule_task_count(sched); t++) {
		ukwd_scheduled_task row;

		if (ukwd_schedule_task(&row, sched, t))
			return 0;
		first = row.early_start < first ? row.early_start : first;
		first = row.late_start < first ? row.late_start : first;
		last = row.early_finish > last ? row.early_finish : last;
		last = row.late_finish > last ? row.late_finish : last;
	}
	days = (long)(last - first) + 1;
	if (days <= UKWD_RENDER_MAX_DAYS)
		return 0;
	return cli_error("--format %s: the plan spans %ld days, more than the "
	                 "%d (about 547 years) a chart draws: past some 500 "
	                 "years a drawing is of no use; use --format text, "
	                 "csv or json",
	                 format_names[opt->format], days, UKWD_RENDER_MAX_DAYS);
}

/* --risk: the Monte Carlo, with the User Entry Process's branches; a
 * forward plan with no --deadline is measured against the mandate. */
static int
run_risk(ukwd_risk **risk, const ukwd_schedule *sched,
         const struct options *opt)
{
	ukwd_risk_options options = opt->risk_options;
	ukwd_risk_branch *branches = NULL;
	size_t count = 0;
	ukwd_diag diag;
	int rc;

	if (!opt->tasks) {
		const ukwd_plan *plan = ukwd_schedule_plan(sched);

		ukwd_uep_risk_branches(NULL, 0, &count, plan);
		branches = calloc(count ? count : 1, sizeof(*branches));
		if (!branches)
			return cli_error("out of memory");
		ukwd_uep_risk_branches(branches, count, &count, plan);
		options.branches = branches;
		options.branch_count = count;
	}
	if (!opt->backward && !opt->has_deadline && opt->has_mandate) {
		options.has_deadline = 1;
		options.deadline = opt->mandate;
	}
	rc = ukwd_risk_new(risk, sched, &options, &diag);
	free(branches);
	if (rc)
		return cli_error("--risk: %s", diag.message);
	return 0;
}

/* --baseline: the file read and the schedule set against it. Bad input
 * says FILE:LINE:COLUMN: what. */
static int
compare_baseline(ukwd_baseline **baseline, ukwd_progress **progress,
                 const ukwd_schedule *sched, const struct options *opt)
{
	const char *name = opt->baseline_path;
	const char *data = NULL;
	size_t size = 0;
	ukwd_diag diag;
	int rc;

	if (cli_map_file("--baseline", name, &data, &size))
		return 2;
	rc = ukwd_baseline_read_json(baseline, data, size, name, &diag);
	cli_unmap_file(data, size);
	if (rc && diag.line > 0)
		return cli_error("--baseline %s:%d:%d: %s", name, diag.line,
		                 diag.column, diag.message);
	if (rc)
		return cli_error("--baseline %s: %s", name, diag.message);
	if (ukwd_progress_new(progress, sched, *baseline, &diag))
		return cli_error("--baseline %s: %s", name, diag.message);
	return 0;
}

/* Step 3: the output, and notes on stderr. */
static int
render(const ukwd_schedule *sched, const ukwd_calendar *cal,
       const struct options *opt)
{
	struct render_job job = {sched, opt, NULL, NULL};
	ukwd_risk *risk = NULL;
	ukwd_baseline *baseline = NULL;
	ukwd_progress *progress = NULL;
	int rc;
	ukwd_date first, last;
	const size_t *negative;
	size_t nnegative;

	rc = opt->risk ? 0 : check_drawable(sched, opt);
	if (rc == 0 && opt->risk)
		rc = run_risk(&risk, sched, opt);
	if (rc == 0 && opt->baseline_path)
		rc = compare_baseline(&baseline, &progress, sched, opt);
	if (rc)
		return rc;
	job.risk = risk;
	job.progress = progress;
	rc = opt->output ? cli_write_file(opt->output, produce, &job)
	                 : render_format(&job);
	ukwd_risk_free(risk);
	ukwd_progress_free(progress);
	ukwd_baseline_free(baseline);
	if (rc)
		return rc;
	ukwd_schedule_negative_float(&negative, &nnegative, sched);
	if (opt->format != FORMAT_TABLE && nnegative)
		fprintf(stderr,
		        PROGRAM ": note: %zu task%s negative float: a "
		                "constraint or deadline cannot be met\n",
		        nnegative, nnegative == 1 ? " has" : "s have");
	ukwd_schedule_span(&first, &last, NULL, sched);
	if (opt->backward && opt->project_date > last)
		last = opt->project_date;
	cli_note_projected(cal, last);
	return 0;
}

int
main(int argc, char **argv)
{
	static char out_buffer[1 << 16];
	struct options opt;
	ukwd_plan *plan = NULL;
	struct cli_calendar_window window = {NULL, 0, 0, NULL};
	ukwd_schedule *sched = NULL;
	int rc;

	cli_program = PROGRAM;
	out_file = stdout;
	rc = parse_options(&opt, argc, argv);
	if (rc == 0)
		rc = check_options(&opt);
	if (rc == CLI_HELP || rc == CLI_VERSION || rc == CLI_LISTED) {
		if (rc == CLI_HELP) {
			fputs(usage, stdout);
			fputs(usage_options, stdout);
			fputs(usage_notes, stdout);
		} else if (rc == CLI_VERSION) {
			cli_print_version();
		}
		free_options(&opt);
		return fflush(stdout) != 0 || ferror(stdout) ? 2 : 0;
	}
	if (rc) {
		free_options(&opt);
		return rc;
	}
	setvbuf(stdout, out_buffer, _IOFBF, sizeof(out_buffer));
	rc = cli_holidays_load(&opt.holidays);
	if (rc == 0)
		rc = load_plan(&plan, &opt);
	if (rc == 0)
		rc = plan_calendar(&window, &opt);
	if (rc == 0)
		rc = make_schedule(&sched, plan, window.cal, &opt,
		                   window.last_year != UKWD_UK_LAST_YEAR);
	if (rc == SCHEDULE_OUTSIDE) {
		rc = cli_calendar_widen(&window);
		if (rc == 0)
			rc = make_schedule(&sched, plan, window.cal, &opt, 0);
	}
	if (rc == 0)
		rc = render(sched, window.cal, &opt);
	ukwd_schedule_free(sched);
	cli_calendar_window_free(&window);
	ukwd_plan_free(plan);
	free_options(&opt);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, PROGRAM ": writing standard output: %s\n",
		        strerror(errno));
		return 2;
	}
	return rc;
}
