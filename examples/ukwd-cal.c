/*
 * ukwd-cal: a UK working-day calculator for people and scripts.
 *
 * Uses only <ukwd.h>. Run `ukwd-cal --help` for the commands.
 */
#include <errno.h>
#include <stddef.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <ukwd.h>

#include "cli.h"

#define PROGRAM    "ukwd-cal"
#define ERROR_SIZE 320

static const char usage[] =
    "usage: ukwd-cal [--division NAME] COMMAND ARGS...\n"
    "\n"
    "Commands (answers on stdout, one per line):\n"
    "  is DATE            1 if DATE is a working day, else 0 (exit 1)\n"
    "  add DATE N         the N-th working day after DATE (before, if N < 0;\n"
    "                     +N is N); DATE itself never counts\n"
    "  count FROM TO      working days in [FROM, TO): FROM counts, TO does "
    "not\n"
    "  next DATE          the first working day after DATE\n"
    "  prev DATE          the last working day before DATE\n"
    "  roll DATE --convention following|preceding|modified-following|\n"
    "                     modified-preceding\n"
    "  holidays [--from YEAR] [--to YEAR] [--format text|csv]\n"
    "                     bank holidays on weekdays (default: this year)\n"
    "  month YYYY-MM      a month grid; * marks a bank holiday\n"
    "  export-ics [--from YEAR] [--to YEAR] [--output FILE]\n"
    "                     the holidays as iCalendar (RFC 5545), an all-day\n"
    "                     event each; DTSTAMP is when the file was made\n"
    "                     (SOURCE_DATE_EPOCH's time when it is set)\n"
    "\n"
    "Options:\n"
    "  --division NAME    england-and-wales, scotland, northern-ireland, gb,\n"
    "                     uk or sec (default sec; see Working days below),\n"
    "                     in any case; england and wales both mean\n"
    "                     england-and-wales, ni northern-ireland\n"
    "  --holidays FILE    GOV.UK data or extra days off (repeatable, oldest\n"
    "                     first). Its content says which, never its name:\n"
    "                     GOV.UK's bank-holidays.json, or a .ics with\n"
    "                     GOV.UK's PRODID, is official data (the truth for\n"
    "                     the years it covers, for the division it names\n"
    "                     or whose days it holds); any other .ics adds days\n"
    "                     off to every division\n"
    "  --official DIVISION=FILE\n"
    "                     FILE (.ics) is DIVISION's official data, whatever\n"
    "                     made it\n"
    "  --batch            for is, add and count: one query per line on stdin\n"
    "                     (DATE, DATE N or FROM TO), one answer per line\n"
    "  --convention NAME  for roll (see above)\n"
    "  --format FORMAT    for holidays: text (default) or csv\n"
    "  --from YEAR, --to YEAR\n"
    "                     for holidays and export-ics: the years, 1971 to\n"
    "                     9999 (one given: that year alone)\n"
    "  --output FILE      for export-ics: write FILE (replaced only when\n"
    "                     all is written) instead of stdout\n"
    "  --help             this text\n"
    "  --version          the program's and libukwd's version\n"
    "  --list-names KIND  the names shell completion offers, one a line:\n"
    "                     options, commands, divisions, conventions or\n"
    "                     formats\n"
    "\n"
    "Dates are YYYY-MM-DD, from 1971-01-01 to 9999-12-31. Years after 2027 "
    "are\n"
    "projected by rule; answers that depend on them say so on stderr.\n"
    "Exit status: 0 success, 1 a false `is` or a failed batch line, 2 bad\n"
    "usage or an answer outside the calendar.\n"
    "\n"
    "Working days: sec is gb, so a bank holiday in England and Wales or in\n"
    "Scotland is not a working day: libukwd's PROPOSED reading of the SEC\n"
    "Working Day, not the Code's words. The union has fewer working days, so\n"
    "a Party gives notice earlier (the cautious reading for its notices) and\n"
    "the DCC gets more calendar time for its own 'within N working days'\n"
    "duties (the lenient reading for those). For a Party's notice, uk (a\n"
    "bank holiday anywhere in the UK, as in the FOI Act 2000, s.10) is the\n"
    "strictest reading.\n";

enum command {
	CMD_IS,
	CMD_ADD,
	CMD_COUNT,
	CMD_NEXT,
	CMD_PREV,
	CMD_ROLL,
	CMD_MONTH,
	CMD_HOLIDAYS,
	CMD_EXPORT_ICS,
};

/* The command words: how many arguments each takes (-1: none, and
 * "unexpected argument" if given), their shape for the usage message,
 * and whether --batch may read them from stdin instead. */
static const struct {
	const char *name;
	enum command command;
	int nargs;
	const char *shape;
	int batch;
} commands[] = {
    {"is", CMD_IS, 1, "DATE", 1},
    {"add", CMD_ADD, 2, "DATE N", 1},
    {"count", CMD_COUNT, 2, "FROM TO", 1},
    {"next", CMD_NEXT, 1, "DATE", 0},
    {"prev", CMD_PREV, 1, "DATE", 0},
    {"roll", CMD_ROLL, 1, "DATE --convention CONVENTION", 0},
    {"month", CMD_MONTH, 1, "YYYY-MM", 0},
    {"holidays", CMD_HOLIDAYS, -1, NULL, 0},
    {"export-ics", CMD_EXPORT_ICS, -1, NULL, 0},
};

/* One query of is, add, count, next or prev, parsed: the date, and the
 * second date of count or the N of add (1 for next, -1 for prev). */
struct query {
	ukwd_date date, to;
	int32_t n;
};

struct options {
	/* As given, by parse_options(). */
	const char *command;
	const char *args[2];
	int nargs;
	unsigned int divisions;
	const char *division_name;
	const char *convention;
	const char *format;
	const char *from_year, *to_year;
	const char *output;
	int batch;
	struct cli_holidays holidays;
	/* What they mean, by check_options(). */
	enum command cmd;
	struct query query; /* is, add, count, next, prev without --batch */
	ukwd_date date;     /* roll */
	ukwd_roll roll;     /* roll */
	ukwd_date month;    /* month: its first day */
	int first_year, last_year; /* holidays, export-ics; 0: this year */
	int csv;                   /* holidays */
};

/* Parse a date argument; on failure write "what" and return non-zero. */
static int
parse_date(ukwd_date *out, const char *text, char *error, size_t size)
{
	ukwd_diag diag;
	int rc = ukwd_date_parse(out, text, &diag);

	if (rc)
		snprintf(error, size, "'%.40s' is not a date (column %d: %s)",
		         text, diag.column, diag.message);
	return rc;
}

static void
range_message(char *error, size_t size, const char *what)
{
	snprintf(error, size,
	         "%s is outside the calendar (1971-01-01 to 9999-12-31)", what);
}

/* The words of one query (is DATE, add DATE N, count FROM TO, next DATE,
 * prev DATE), parsed; 0, or -1 with a message in `error`. */
static int
parse_query(struct query *q, enum command cmd, const char *word1,
            const char *word2, char *error, size_t esize)
{
	q->to = 0;
	q->n = 0;
	if (parse_date(&q->date, word1, error, esize))
		return -1;
	if (cmd == CMD_COUNT)
		return parse_date(&q->to, word2, error, esize) ? -1 : 0;
	if (cmd == CMD_ADD) {
		if (cli_parse_int32(&q->n, word2)) {
			snprintf(error, esize,
			         "N '%.40s' is not a whole number of working "
			         "days",
			         word2);
			return -1;
		}
	} else if (cmd != CMD_IS) {
		q->n = cmd == CMD_NEXT ? 1 : -1;
	}
	return 0;
}

/* One parsed query, answered: writes the answer (without newline) into
 * `answer`, or an error into `error`; `word1` is the date as given, for
 * messages. Returns 0, 1 for a false `is`, -1 on error, or
 * ANSWER_OUTSIDE when a date or the answer is outside `cal` (the caller
 * may ask again over the whole range). */
#define ANSWER_OUTSIDE (-2)

static int
answer_query(const ukwd_calendar *cal, enum command cmd, const struct query *q,
             const char *word1, char *answer, size_t asize, char *error,
             size_t esize)
{
	ukwd_date d = q->date, result;
	int32_t n;
	int rc;

	if (cmd == CMD_IS) {
		rc = ukwd_workday_is_working(cal, d);
		if (rc < 0) {
			range_message(error, esize, word1);
			return ANSWER_OUTSIDE;
		}
		cli_note_projected(cal, d);
		snprintf(answer, asize, "%d", rc);
		return rc ? 0 : 1;
	}
	if (cmd == CMD_COUNT) {
		ukwd_date to = q->to;

		if (ukwd_workday_count(&n, cal, d, to)) {
			range_message(error, esize, "a date");
			return ANSWER_OUTSIDE;
		}
		cli_note_projected(cal, d > to ? d : to - 1);
		snprintf(answer, asize, "%d", (int)n);
		return 0;
	}
	/* add, next, prev */
	n = q->n;
	rc = ukwd_workday_add(&result, cal, d, n);
	if (rc == UKWD_EINVAL) {
		snprintf(error, esize,
		         "%s is not a working day, so adding 0 has no "
		         "answer; use roll",
		         word1);
		return -1;
	}
	if (rc) {
		range_message(error, esize, n == 0 ? word1 : "the answer");
		return ANSWER_OUTSIDE;
	}
	cli_note_projected(cal, d > result ? d : result);
	ukwd_date_format(answer, asize, result);
	return 0;
}

/* The last year a query needs (the calendar starts in 1971): its dates'
 * years, and for add and next enough years after the date for n working
 * days (about 250 a year, more than 200 in any UK year), and one more.
 * A guess only: an answer outside them is asked again over the whole
 * range. */
static int
query_last_year(enum command cmd, const struct query *q)
{
	int year = cli_year(q->date), to;

	if (cmd == CMD_COUNT) {
		to = cli_year(q->to);
		return to > year ? to : year;
	}
	if ((cmd == CMD_ADD || cmd == CMD_NEXT) && q->n > 0)
		return q->n / 200 > UKWD_UK_LAST_YEAR - year
		           ? UKWD_UK_LAST_YEAR
		           : year + q->n / 200 + 1;
	return year;
}

/* Answer one query over `window`, asking again over the whole range when
 * it is outside the years built; as answer_query() (ANSWER_OUTSIDE only
 * when the whole range does not hold it), or 2 when the calendar cannot
 * be rebuilt. */
static int
answer_in_window(struct cli_calendar_window *window, enum command cmd,
                 const struct query *q, const char *word1, char *answer,
                 size_t asize, char *error, size_t esize)
{
	for (;;) {
		int rc = answer_query(window->cal, cmd, q, word1, answer, asize,
		                      error, esize);

		if (rc != ANSWER_OUTSIDE)
			return rc;
		rc = cli_calendar_widen(window);
		if (rc == 1)
			return ANSWER_OUTSIDE;
		if (rc)
			return 2;
	}
}

/* --batch: one answer line on `out` for each line of `in` (an empty line
 * where a line fails, said on stderr with its number). The calendar is
 * built, unless it is already, for the first query's years and widened
 * when a later one needs it. 0, 1 when a line failed, 2 when `in` cannot
 * be read or the calendar built. */
static int
run_batch_window(struct cli_calendar_window *window, enum command cmd, FILE *in,
                 FILE *out)
{
	char *line = NULL, answer[32], error[ERROR_SIZE];
	size_t capacity = 0;
	ssize_t len;
	long lineno = 0;
	int failed = 0, words_needed = cmd == CMD_IS ? 1 : 2;

	while ((len = getline(&line, &capacity, in)) != -1) {
		char *word[2] = {NULL, NULL}, *save = NULL;
		long nwords = 0;
		struct query q;
		int rc;

		lineno++;
		if (memchr(line, '\0', (size_t)len)) {
			/* A NUL would end the line early: refuse it whole. */
			cli_error("line %ld: a NUL byte in the line", lineno);
			fputs("\n", out);
			failed = 1;
			continue;
		}
		/* Count every word, so that the message says how many. */
		for (char *w = strtok_r(line, " \t\r\n", &save); w;
		     w = strtok_r(NULL, " \t\r\n", &save))
			if (nwords++ < 2)
				word[nwords - 1] = w;
		if (nwords != words_needed) {
			cli_error("line %ld: expected %s, got %ld word%s",
			          lineno,
			          words_needed == 1 ? "DATE"
			          : cmd == CMD_ADD  ? "DATE N"
			                            : "FROM TO",
			          nwords, nwords == 1 ? "" : "s");
			fputs("\n", out);
			failed = 1;
			continue;
		}
		rc = parse_query(&q, cmd, word[0], word[1], error,
		                 sizeof(error));
		if (rc == 0 && !window->cal &&
		    cli_calendar_window(window, window->holidays,
		                        window->divisions,
		                        query_last_year(cmd, &q)))
			rc = 2;
		if (rc == 0)
			rc = answer_in_window(window, cmd, &q, word[0], answer,
			                      sizeof(answer), error,
			                      sizeof(error));
		if (rc == 2) {
			failed = 2;
			break;
		}
		if (rc < 0) {
			cli_error("line %ld: %s", lineno, error);
			fputs("\n", out);
			failed = 1;
			continue;
		}
		fputs(answer, out);
		fputc('\n', out);
	}
	free(line);
	if (ferror(in))
		return cli_error("reading standard input: %s", strerror(errno));
	return failed;
}

/* --batch over a calendar of the whole range, built already. */
static int
run_batch(const ukwd_calendar *cal, enum command cmd, FILE *in, FILE *out)
{
	/* Whole: run_batch_window() never rebuilds or frees it. */
	struct cli_calendar_window whole = {NULL, 0, UKWD_UK_LAST_YEAR,
	                                    (ukwd_calendar *)(uintptr_t)cal};

	return run_batch_window(&whole, cmd, in, out);
}

static int
parse_year(int *out, const char *text, const char *option)
{
	int32_t year;

	if (cli_parse_int32(&year, text) || year < UKWD_UK_FIRST_YEAR ||
	    year > UKWD_UK_LAST_YEAR) {
		cli_error("%s '%s' is not a year from 1971 to 9999", option,
		          text);
		return 2;
	}
	*out = (int)year;
	return 0;
}

/* --from and --to, each defaulting to the other; both unset (0) when
 * neither is given, for year_span() to make this year. */
static int
check_years(struct options *opt)
{
	opt->first_year = opt->last_year = 0;
	if (opt->from_year &&
	    parse_year(&opt->first_year, opt->from_year, "--from"))
		return 2;
	if (opt->to_year && parse_year(&opt->last_year, opt->to_year, "--to"))
		return 2;
	if (opt->from_year && !opt->to_year)
		opt->last_year = opt->first_year;
	if (opt->to_year && !opt->from_year)
		opt->first_year = opt->last_year;
	if (opt->last_year < opt->first_year) {
		cli_error("--to %d is before --from %d", opt->last_year,
		          opt->first_year);
		return 2;
	}
	return 0;
}

/* The years checked by check_years(), or this year for both. */
static void
year_span(const struct options *opt, int *from_year, int *to_year)
{
	time_t now;
	struct tm today;

	*from_year = opt->first_year;
	*to_year = opt->last_year;
	if (*from_year)
		return;
	now = time(NULL);
	localtime_r(&now, &today);
	*from_year = *to_year = today.tm_year + 1900;
}

static int
run_holidays(const struct options *opt)
{
	static const unsigned int order[3] = {
	    UKWD_UK_ENGLAND_WALES, UKWD_UK_SCOTLAND, UKWD_UK_NORTHERN_IRELAND};
	ukwd_calendar *cal[3] = {NULL, NULL, NULL};
	int from_year, to_year, rc = 0;
	ukwd_date first, last;

	year_span(opt, &from_year, &to_year);
	for (int i = 0; i < 3 && rc == 0; i++)
		if (opt->divisions & order[i])
			rc = cli_calendar(&cal[i], &opt->holidays, order[i],
			                  from_year, to_year);
	if (rc)
		goto out;
	ukwd_date_from_ymd(&first, from_year, 1, 1);
	ukwd_date_from_ymd(&last, to_year, 12, 31);
	if (opt->csv)
		puts("date,division,name");
	for (ukwd_date d = first; d <= last; d++) {
		char text[UKWD_DATE_STRLEN];

		if (ukwd_date_weekday(d) >= UKWD_SATURDAY)
			continue;
		for (int i = 0; i < 3; i++) {
			const char *name;

			if (!cal[i] || ukwd_workday_is_working(cal[i], d))
				continue;
			name = ukwd_calendar_holiday_name(cal[i], d);
			ukwd_date_format(text, sizeof(text), d);
			if (opt->csv) {
				printf("%s,%s,", text,
				       ukwd_uk_division_name(order[i]));
				cli_put_csv(stdout, name ? name : "");
				putchar('\n');
			} else {
				static const char *const days[] = {
				    "Mon", "Tue", "Wed", "Thu", "Fri"};

				printf("%s %s  %-18s ", text,
				       days[ukwd_date_weekday(d) - 1],
				       ukwd_uk_division_name(order[i]));
				if (name)
					cli_put_clean(stdout, name,
					              strlen(name));
				putchar('\n');
			}
		}
	}
	for (int i = 0; i < 3; i++)
		if (cal[i]) {
			cli_note_projected(cal[i], last);
			break;
		}
out:
	for (int i = 0; i < 3; i++)
		ukwd_calendar_free(cal[i]);
	return rc;
}

static void
print_trimmed(char *line)
{
	size_t len = strlen(line);

	while (len && line[len - 1] == ' ')
		line[--len] = '\0';
	puts(line);
}

/* The month argument "YYYY-MM": its first day; 0, or 2 after a message. */
static int
parse_month(ukwd_date *first, const char *text)
{
	char padded[16];

	/* Reuse the strict date parser on "YYYY-MM-01". */
	if (strlen(text) != 7 ||
	    snprintf(padded, sizeof(padded), "%s-01", text) != 10 ||
	    ukwd_date_parse(first, padded, NULL) != 0)
		return cli_usage_error("month '%s': expected YYYY-MM", text);
	return 0;
}

/* The month grid of the month starting on `first`, given as `text`. */
static int
run_month(const ukwd_calendar *cal, ukwd_date first, const char *text)
{
	static const char *const months[] = {"January", "February", "March",
	                                     "April",   "May",      "June",
	                                     "July",    "August",   "September",
	                                     "October", "November", "December"};
	char title[32], day_text[UKWD_DATE_STRLEN], line[64];
	ukwd_date d;
	int year, month, weekday, used;

	ukwd_date_to_ymd(first, &year, &month, NULL);
	if (ukwd_workday_is_working(cal, first) < 0)
		return cli_usage_error("month '%s' is outside the calendar "
		                       "(1971-01 to 9999-12)",
		                       text);
	snprintf(title, sizeof(title), "%s %d", months[month - 1], year);
	printf("%*s\n", (int)(14 + strlen(title) / 2), title);
	puts(" Mo  Tu  We  Th  Fr  Sa  Su");
	/* One week per line, four columns a day; a bank holiday gets a '*'
	 * after its number. */
	weekday = ukwd_date_weekday(first);
	used = snprintf(line, sizeof(line), "%.*s", (weekday - 1) * 4,
	                "                            ");
	for (d = first;; d++) {
		int m, dd;

		ukwd_date_to_ymd(d, NULL, &m, &dd);
		if (m != month)
			break;
		used += snprintf(line + used, sizeof(line) - (size_t)used,
		                 "%3d%c", dd,
		                 ukwd_workday_is_working(cal, d) == 0 &&
		                         ukwd_calendar_holiday_name(cal, d) &&
		                         ukwd_date_weekday(d) < UKWD_SATURDAY
		                     ? '*'
		                     : ' ');
		if (ukwd_date_weekday(d) == UKWD_SUNDAY) {
			print_trimmed(line);
			used = 0;
		}
	}
	if (used)
		print_trimmed(line);
	for (d = first; d < first + 31; d++) {
		const char *name = ukwd_calendar_holiday_name(cal, d);
		int m;

		ukwd_date_to_ymd(d, NULL, &m, NULL);
		if (m != month)
			break;
		if (!name || ukwd_date_weekday(d) >= UKWD_SATURDAY)
			continue;
		ukwd_date_format(day_text, sizeof(day_text), d);
		printf("* %s ", day_text);
		cli_put_clean(stdout, name, strlen(name));
		putchar('\n');
	}
	cli_note_projected(cal, first);
	return 0;
}

/* The --convention names, in parse_convention()'s order, and the
 * holidays --format names. */
static const char *const convention_names[4] = {
    "following", "preceding", "modified-following", "modified-preceding"};
static const char *const format_names[2] = {"text", "csv"};

static void
put_names(const char *const *names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		puts(names[i]);
}

/* --list-names KIND for the bash completion. */
static int
cal_list_names(const char *kind)
{
	if (strcmp(kind, "commands") == 0) {
		for (size_t c = 0; c < sizeof(commands) / sizeof(*commands);
		     c++)
			puts(commands[c].name);
	} else if (strcmp(kind, "conventions") == 0) {
		put_names(convention_names, 4);
	} else if (strcmp(kind, "formats") == 0) {
		put_names(format_names, 2);
	} else {
		return -1;
	}
	return 0;
}

/* The command word, then at most two arguments. */
static int
cal_operand(void *options, const char *arg)
{
	struct options *opt = options;

	if (!opt->command)
		opt->command = arg;
	else if (opt->nargs < 2)
		opt->args[opt->nargs++] = arg;
	else
		return cli_usage_error("unexpected argument '%s'", arg);
	return 0;
}

/* Collect the options and arguments as given (their meaning is for
 * check_options()): 0, CLI_HELP, or 2 after a one-line message. */
static int
parse_options(struct options *opt, int argc, char **argv)
{
	static const struct cli_option table[] = {
	    {"--division", CLI_VALUE, offsetof(struct options, division_name)},
	    {"--convention", CLI_VALUE, offsetof(struct options, convention)},
	    {"--format", CLI_VALUE, offsetof(struct options, format)},
	    {"--from", CLI_VALUE, offsetof(struct options, from_year)},
	    {"--to", CLI_VALUE, offsetof(struct options, to_year)},
	    {"--output", CLI_VALUE, offsetof(struct options, output)},
	    {"--holidays", CLI_HOLIDAYS, 0},
	    {"--official", CLI_OFFICIAL, 0},
	    {"--batch", CLI_FLAG, offsetof(struct options, batch)},
	};
	static const char *const kinds[] = {"commands", "conventions",
	                                    "formats", NULL};
	static const struct cli_parser parser = {
	    .options = table,
	    .count = sizeof(table) / sizeof(*table),
	    .holidays_offset = offsetof(struct options, holidays),
	    .negative_operands = 1, /* add DATE -5 */
	    .operand = cal_operand,
	    .list_names = cal_list_names,
	    .name_kinds = kinds,
	};
	int rc;

	memset(opt, 0, sizeof(*opt));
	rc = cli_parse(&parser, opt, argc, argv);
	if (rc == 0 && !opt->command)
		return cli_usage_error("%s", "no command given");
	return rc;
}

static ukwd_roll
parse_convention(const char *text, int *ok)
{
	static const ukwd_roll rolls[4] = {
	    UKWD_ROLL_FOLLOWING, UKWD_ROLL_PRECEDING,
	    UKWD_ROLL_MODIFIED_FOLLOWING, UKWD_ROLL_MODIFIED_PRECEDING};

	for (size_t i = 0; i < 4; i++)
		if (text && strcmp(text, convention_names[i]) == 0) {
			*ok = 1;
			return rolls[i];
		}
	*ok = 0;
	return UKWD_ROLL_FOLLOWING;
}

/* What the command line means: the command and its arguments, checked and
 * parsed into `opt` for run(), which reads no argument text again. Pure:
 * no files, no stdin, no calendar, nothing on stdout; 0, or 2 after a
 * one-line message on stderr. (A date outside the calendar is found by
 * run(), which has the calendar.) */
static int
check_options(struct options *opt)
{
	const char *cmd = opt->command;
	char error[ERROR_SIZE];
	size_t c;
	int rc, ok;

	opt->divisions = UKWD_UK_SEC;
	if (opt->division_name) {
		ukwd_diag diag;

		if (ukwd_uk_division_parse(&opt->divisions, opt->division_name,
		                           &diag))
			return cli_usage_error("--division: %s", diag.message);
	}
	for (c = 0; c < sizeof(commands) / sizeof(*commands); c++)
		if (strcmp(cmd, commands[c].name) == 0)
			break;
	if (opt->batch &&
	    (c == sizeof(commands) / sizeof(*commands) || !commands[c].batch))
		return cli_usage_error(
		    "--batch works with is, add and count, not "
		    "'%s'",
		    cmd);
	if (c == sizeof(commands) / sizeof(*commands)) {
		const char *names[sizeof(commands) / sizeof(*commands)];

		for (size_t k = 0; k < sizeof(commands) / sizeof(*commands);
		     k++)
			names[k] = commands[k].name;
		if (cli_suggest_error(cmd, names, c, "unknown command '%s'",
		                      cmd))
			return 2;
		return cli_usage_error("unknown command '%s'", cmd);
	}
	opt->cmd = commands[c].command;
	if (commands[c].nargs < 0) {
		/* holidays, export-ics */
		if (opt->nargs)
			return cli_usage_error("unexpected argument '%s'",
			                       opt->args[0]);
		rc = check_years(opt);
		if (rc || opt->cmd != CMD_HOLIDAYS)
			return rc;
		if (opt->format && strcmp(opt->format, "text") != 0 &&
		    strcmp(opt->format, "csv") != 0) {
			if (cli_suggest_error(opt->format, format_names, 2,
			                      "--format: unknown format '%s'",
			                      opt->format))
				return 2;
			return cli_usage_error(
			    "--format '%s': expected text or csv", opt->format);
		}
		opt->csv = opt->format && strcmp(opt->format, "csv") == 0;
		return 0;
	}
	if (opt->batch) {
		if (opt->nargs)
			return cli_usage_error(
			    "--batch reads its queries from "
			    "stdin; unexpected argument '%s'",
			    opt->args[0]);
		return 0;
	}
	if (opt->nargs != commands[c].nargs)
		return cli_error("usage: " PROGRAM " %s %s", cmd,
		                 commands[c].shape);
	switch (opt->cmd) {
	case CMD_MONTH:
		return parse_month(&opt->month, opt->args[0]);
	case CMD_ROLL:
		opt->roll = parse_convention(opt->convention, &ok);
		if (!ok && opt->convention &&
		    cli_suggest_error(opt->convention, convention_names, 4,
		                      "--convention: unknown convention '%s'",
		                      opt->convention))
			return 2;
		if (!ok)
			return cli_usage_error(
			    "--convention '%s': expected following, "
			    "preceding, modified-following or "
			    "modified-preceding",
			    opt->convention ? opt->convention : "");
		if (parse_date(&opt->date, opt->args[0], error, sizeof(error)))
			return cli_error("%s", error);
		return 0;
	default:
		if (parse_query(&opt->query, opt->cmd, opt->args[0],
		                opt->args[1], error, sizeof(error)))
			return cli_error("%s: %s", cmd, error);
		return 0;
	}
}

/* export-ics: the calendar's holidays over whole years as iCalendar, to
 * stdout or to --output through a temporary file renamed into place. */
struct export_job {
	const ukwd_calendar *cal;
	ukwd_date first, last;
	int64_t made; /* DTSTAMP: cli_made() */
};

static int
file_sink(const char *buf, size_t len, void *payload)
{
	return fwrite(buf, 1, len, payload) == len ? 0 : -1;
}

static int
write_export(FILE *out, void *payload)
{
	const struct export_job *job = payload;
	int rc = ukwd_ical_export_stamped(job->cal, job->first, job->last,
	                                  job->made, file_sink, out);

	if (rc)
		fprintf(stderr, PROGRAM ": export-ics: %s\n",
		        rc == UKWD_EUSER ? strerror(errno) : ukwd_strerror(rc));
	return rc;
}

static int
run_export(const struct options *opt)
{
	struct export_job job;
	ukwd_calendar *cal;
	int from_year, to_year, rc;

	if (cli_made(&job.made))
		return 2;
	year_span(opt, &from_year, &to_year);
	rc = cli_calendar(&cal, &opt->holidays, opt->divisions, from_year,
	                  to_year);
	if (rc)
		return rc;
	job.cal = cal;
	ukwd_date_from_ymd(&job.first, from_year, 1, 1);
	ukwd_date_from_ymd(&job.last, to_year, 12, 31);
	if (opt->output)
		rc = cli_write_file(opt->output, write_export, &job);
	else
		rc = write_export(stdout, &job) ? 2 : 0;
	if (rc == 0)
		cli_note_projected(cal, job.last);
	ukwd_calendar_free(cal);
	return rc;
}

/* The command, from the options check_options() has parsed. The
 * calendar holds the years the command's dates need (see
 * cli_calendar_window()). */
static int
run(const struct options *opt)
{
	struct cli_calendar_window window = {&opt->holidays, opt->divisions, 0,
	                                     NULL};
	const ukwd_calendar *cal;
	char answer[32], error[ERROR_SIZE];
	int rc = 0, last;

	if (opt->cmd == CMD_HOLIDAYS)
		return run_holidays(opt);
	if (opt->cmd == CMD_EXPORT_ICS)
		return run_export(opt);
	if (opt->batch) {
		/* With files the calendar is whole and built before any line
		 * is read (their errors come first); without, for the first
		 * query's years. */
		if (opt->holidays.count) {
			rc = cli_calendar_window(&window, &opt->holidays,
			                         opt->divisions, 0);
			if (rc == 0)
				rc = run_batch(window.cal, opt->cmd, stdin,
				               stdout);
		} else {
			rc = run_batch_window(&window, opt->cmd, stdin, stdout);
		}
		cli_calendar_window_free(&window);
		return rc;
	}
	if (opt->cmd == CMD_MONTH)
		last = cli_year(opt->month);
	else if (opt->cmd == CMD_ROLL)
		last = cli_year(opt->date) + 1;
	else
		last = query_last_year(opt->cmd, &opt->query);
	rc = cli_calendar_window(&window, &opt->holidays, opt->divisions, last);
	if (rc)
		return rc;
	cal = window.cal;
	if (opt->cmd == CMD_MONTH) {
		rc = run_month(cal, opt->month, opt->args[0]);
	} else if (opt->cmd == CMD_ROLL) {
		ukwd_date result;

		while ((rc = ukwd_workday_roll(&result, window.cal, opt->date,
		                               opt->roll)) != 0 &&
		       (rc = cli_calendar_widen(&window)) == 0)
			;
		cal = window.cal;
		if (rc == 2) {
			/* the message is out */
		} else if (rc) {
			range_message(error, sizeof(error), opt->args[0]);
			rc = cli_error("%s", error);
		} else {
			cli_note_projected(cal, opt->date > result ? opt->date
			                                           : result);
			ukwd_date_format(answer, sizeof(answer), result);
			puts(answer);
		}
	} else {
		rc = answer_in_window(&window, opt->cmd, &opt->query,
		                      opt->args[0], answer, sizeof(answer),
		                      error, sizeof(error));
		if (rc < 0) {
			rc = cli_error("%s: %s", opt->command, error);
		} else if (rc != 2) {
			puts(answer);
		}
	}
	cli_calendar_window_free(&window);
	return rc;
}

int
main(int argc, char **argv)
{
	struct options opt;
	int rc;

	cli_program = PROGRAM;
	rc = parse_options(&opt, argc, argv);
	if (rc == 0)
		rc = check_options(&opt);
	if (rc == CLI_HELP) {
		fputs(usage, stdout);
		rc = 0;
	} else if (rc == CLI_VERSION) {
		cli_print_version();
		rc = 0;
	} else if (rc == CLI_LISTED) {
		rc = 0;
	} else if (rc == 0) {
		rc = cli_holidays_load(&opt.holidays);
		if (rc == 0)
			rc = run(&opt);
	}
	cli_holidays_free(&opt.holidays);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, PROGRAM ": writing standard output: %s\n",
		        strerror(errno));
		return 2;
	}
	return rc;
}
