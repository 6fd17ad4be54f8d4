/*
 * ukwd-plan: critical-path schedules in UK working days.
 *
 * Uses only <ukwd.h>. Reads a plan (tasks, durations in working days,
 * predecessors) from CSV, schedules it forward from a start date or
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

#include <ukwd.h>

#define PROGRAM "ukwd-plan"

/* Table columns are cut to these widths (in characters). */
#define ID_WIDTH_MAX   20
#define NAME_WIDTH_MAX 40

static const char usage[] =
    "usage: ukwd-plan --tasks FILE (--start DATE | --finish DATE) "
    "[OPTIONS]\n"
    "\n"
    "Schedule a plan in UK working days: each task's early and late start\n"
    "and finish, its float, and the critical path.\n"
    "\n"
    "  --tasks FILE      the plan as CSV ('-' for standard input); see "
    "below\n"
    "  --start DATE      schedule forward from DATE (rolled forward to a\n"
    "                    working day)\n"
    "  --finish DATE     schedule backward to DATE (rolled back to a "
    "working\n"
    "                    day): the latest dates that still finish by "
    "then\n"
    "  --division NAME   england-and-wales, scotland, northern-ireland, "
    "gb,\n"
    "                    uk or sec (default sec: the SEC Working Day, a\n"
    "                    working day in both England and Wales and "
    "Scotland)\n"
    "  --format FORMAT   table (default) or csv\n"
    "  --explain         after the table, say what fixed each task's "
    "dates\n"
    "  --help            this text\n"
    "\n"
    "The CSV has a header line with the columns id, name, duration and\n"
    "predecessors, in any order, and optionally deadline,\n"
    "start_no_earlier_than, finish_no_later_than, must_start_on,\n"
    "must_finish_on, actual_start, actual_finish (YYYY-MM-DD), optimistic,\n"
    "most_likely, pessimistic and source. Durations are whole working "
    "days\n"
    "(0 is a milestone). Predecessors are separated by ';', each\n"
    "ID[:FS|SS|FF|SF][+N|-N] with a lag of N working days; Microsoft\n"
    "Project's 2FS+3 works too. Quote a field containing commas: \"a, "
    "b\".\n"
    "\n"
    "A task starts on its first working day and finishes on its last; FS "
    "with\n"
    "no lag starts the next task the working day after. Float is in "
    "working\n"
    "days; a task with none is critical (*), and one that cannot meet a "
    "date\n"
    "has negative float (!).\n"
    "Exit status: 0 success (even when a date cannot be met), 2 bad "
    "usage,\n"
    "a bad plan or a date outside the calendar (1971-01-01 to "
    "9999-12-31).\n";

struct options {
	const char *tasks;
	const char *start, *finish;
	const char *division_name;
	const char *format;
	int explain;
	unsigned int divisions;
};

static int usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Report bad usage in one line (and where to read more); exit status 2. */
static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, PROGRAM ": ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '" PROGRAM " --help'.\n");
	return 2;
}

/* Take an option's value from "--opt=value" or the next argument. */
static const char *
option_value(int argc, char **argv, int *i, const char *arg, size_t len)
{
	if (arg[len] == '=')
		return arg + len + 1;
	if (arg[len] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int
parse_options(struct options *opt, int argc, char **argv)
{
	static const struct {
		const char *name;
		size_t offset;
	} valued[] = {
	    {"--tasks", offsetof(struct options, tasks)},
	    {"--start", offsetof(struct options, start)},
	    {"--finish", offsetof(struct options, finish)},
	    {"--division", offsetof(struct options, division_name)},
	    {"--format", offsetof(struct options, format)},
	};

	memset(opt, 0, sizeof(*opt));
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
		for (size_t v = 0; v < sizeof(valued) / sizeof(*valued); v++) {
			size_t len = strlen(valued[v].name);
			const char *value;

			if (strncmp(arg, valued[v].name, len) != 0 ||
			    (arg[len] != '\0' && arg[len] != '='))
				continue;
			value = option_value(argc, argv, &i, arg, len);
			if (!value || !*value)
				return usage_error("option %s needs a value",
				                   valued[v].name);
			*(const char **)((char *)opt + valued[v].offset) =
			    value;
			known = 1;
			break;
		}
		if (known)
			continue;
		if (arg[0] == '-' && arg[1] != '\0')
			return usage_error("unknown option '%s'", arg);
		return usage_error("unexpected argument '%s'", arg);
	}
	if (!opt->tasks)
		return usage_error(
		    "missing --tasks FILE: the plan to schedule");
	if (!opt->start && !opt->finish)
		return usage_error("missing --start DATE or --finish DATE: "
		                   "when the plan starts, or must finish");
	if (opt->start && opt->finish)
		return usage_error("give --start or --finish, not both");
	if (opt->format && strcmp(opt->format, "table") != 0 &&
	    strcmp(opt->format, "csv") != 0)
		return usage_error("--format '%s': expected table or csv",
		                   opt->format);
	opt->divisions = UKWD_UK_SEC;
	if (opt->division_name) {
		ukwd_diag diag;

		if (ukwd_uk_division_parse(&opt->divisions, opt->division_name,
		                           &diag))
			return usage_error("--division: %s", diag.message);
	}
	return 0;
}

/* Read a whole file, or standard input for "-". */
static int
read_file(char **data, size_t *size, const char *path)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t len = 0, capacity = 0;
	char *buf = NULL;

	if (!f)
		return errno ? errno : EIO;
	for (;;) {
		size_t got;

		if (len == capacity) {
			size_t grown = capacity ? capacity * 2 : 65536;
			char *bigger = realloc(buf, grown);

			if (!bigger) {
				free(buf);
				if (f != stdin)
					fclose(f);
				return ENOMEM;
			}
			buf = bigger;
			capacity = grown;
		}
		got = fread(buf + len, 1, capacity - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int err = errno ? errno : EIO;

		free(buf);
		if (f != stdin)
			fclose(f);
		return err;
	}
	if (f != stdin)
		fclose(f);
	*data = buf;
	*size = len;
	return 0;
}

/* Step 1: the plan. Bad input says FILE:LINE: what. */
static int
load_plan(ukwd_plan **plan, const struct options *opt)
{
	const char *name =
	    strcmp(opt->tasks, "-") == 0 ? "(stdin)" : opt->tasks;
	ukwd_diag diag;
	char *data = NULL;
	size_t size = 0;
	int rc = read_file(&data, &size, opt->tasks);

	if (rc) {
		fprintf(stderr, PROGRAM ": cannot read %s: %s\n", name,
		        strerror(rc));
		return 2;
	}
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

/* Step 2: the schedule. */
static int
make_schedule(ukwd_schedule **sched, const ukwd_plan *plan,
              const ukwd_calendar *cal, const struct options *opt)
{
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_diag diag;
	ukwd_date date;

	if (opt->finish) {
		options.direction = UKWD_SCHEDULE_BACKWARD;
		if (parse_date(&date, opt->finish, "--finish"))
			return 2;
	} else if (parse_date(&date, opt->start, "--start")) {
		return 2;
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

/* Quote a CSV field when RFC 4180 needs it. */
static void
put_csv(const char *field)
{
	if (!strpbrk(field, ",\"\r\n")) {
		fputs(field, stdout);
		return;
	}
	putchar('"');
	for (; *field; field++) {
		if (*field == '"')
			putchar('"');
		putchar(*field);
	}
	putchar('"');
}

static void
format_date(char *buf, ukwd_date d)
{
	if (ukwd_date_format(buf, UKWD_DATE_STRLEN, d))
		snprintf(buf, UKWD_DATE_STRLEN, "?");
}

static int
render_csv(const ukwd_schedule *sched)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	size_t n = ukwd_schedule_task_count(sched);

	puts("id,name,duration,early_start,early_finish,late_start,"
	     "late_finish,total_float,free_float,critical");
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
		put_csv(ukwd_plan_task_id(plan, t));
		putchar(',');
		put_csv(ukwd_plan_task_name(plan, t));
		printf(",%ld,%s,%s,%s,%s,%ld,%ld,%s\n", (long)row.duration, es,
		       ef, ls, lf, (long)row.total_float, (long)row.free_float,
		       row.critical ? "yes" : "no");
	}
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
	int rc, csv = opt->format && strcmp(opt->format, "csv") == 0;
	ukwd_date first, last;
	const size_t *negative;
	size_t nnegative;

	if (csv) {
		rc = render_csv(sched);
	} else {
		rc = render_table(sched, opt);
		if (rc == 0 && opt->explain)
			rc = render_explanations(sched);
	}
	if (rc)
		return rc;
	ukwd_schedule_negative_float(&negative, &nnegative, sched);
	if (csv && nnegative)
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
	if (ukwd_calendar_provenance(cal, last) == UKWD_PROVENANCE_PROJECTED)
		fprintf(stderr,
		        PROGRAM ": note: dates after %d are projected by rule; "
		                "a bank holiday proclaimed later is not in "
		                "them\n",
		        UKWD_UK_LAST_OFFICIAL_YEAR);
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

	rc = parse_options(&opt, argc, argv);
	if (rc)
		return rc;
	setvbuf(stdout, out_buffer, _IOFBF, sizeof(out_buffer));
	rc = load_plan(&plan, &opt);
	if (rc == 0 &&
	    ukwd_calendar_new_uk(&cal, opt.divisions, UKWD_UK_FIRST_YEAR,
	                         UKWD_UK_LAST_YEAR) != 0) {
		fprintf(stderr, PROGRAM ": building the calendar failed\n");
		rc = 2;
	}
	if (rc == 0)
		rc = make_schedule(&sched, plan, cal, &opt);
	if (rc == 0)
		rc = render(sched, cal, &opt);
	ukwd_schedule_free(sched);
	ukwd_calendar_free(cal);
	ukwd_plan_free(plan);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, PROGRAM ": writing standard output: %s\n",
		        strerror(errno));
		return 2;
	}
	return rc;
}
