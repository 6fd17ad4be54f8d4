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
    "  add DATE N         the N-th working day after DATE (before, if N < 0);\n"
    "                     DATE itself never counts\n"
    "  count FROM TO      working days in [FROM, TO): FROM counts, TO does "
    "not\n"
    "  next DATE          the first working day after DATE\n"
    "  prev DATE          the last working day before DATE\n"
    "  roll DATE --convention following|preceding|modified-following|\n"
    "                     modified-preceding\n"
    "  holidays [--from YEAR] [--to YEAR] [--format text|csv]\n"
    "                     bank holidays on weekdays (default: this year)\n"
    "  month YYYY-MM      a month grid; * marks a bank holiday\n"
    "\n"
    "Options:\n"
    "  --division NAME    england-and-wales, scotland, northern-ireland, gb,\n"
    "                     uk or sec (default sec: the SEC Working Day, a\n"
    "                     working day in both England and Wales and Scotland)\n"
    "  --batch            for is, add and count: one query per line on stdin\n"
    "                     (DATE, DATE N or FROM TO), one answer per line\n"
    "  --help             this text\n"
    "\n"
    "Dates are YYYY-MM-DD, from 1971-01-01 to 9999-12-31. Years after 2027 "
    "are\n"
    "projected by rule; answers that depend on them say so on stderr.\n"
    "Exit status: 0 success, 1 a false `is` or a failed batch line, 2 bad\n"
    "usage or an answer outside the calendar.\n";

struct options {
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

/* One query: is, add or count, from up to two words. Writes the answer
 * (without newline) into `answer`, or an error into `error`. Returns 0,
 * 1 for a false `is`, or -1 on error. */
static int
query(const ukwd_calendar *cal, const char *command, const char *word1,
      const char *word2, char *answer, size_t asize, char *error, size_t esize)
{
	ukwd_date d, result;
	int32_t n;
	int rc;

	if (parse_date(&d, word1, error, esize))
		return -1;
	if (strcmp(command, "is") == 0) {
		rc = ukwd_workday_is_working(cal, d);
		if (rc < 0) {
			range_message(error, esize, word1);
			return -1;
		}
		cli_note_projected(cal, d);
		snprintf(answer, asize, "%d", rc);
		return rc ? 0 : 1;
	}
	if (strcmp(command, "count") == 0) {
		ukwd_date to;

		if (parse_date(&to, word2, error, esize))
			return -1;
		if (ukwd_workday_count(&n, cal, d, to)) {
			range_message(error, esize, "a date");
			return -1;
		}
		cli_note_projected(cal, d > to ? d : to - 1);
		snprintf(answer, asize, "%d", (int)n);
		return 0;
	}
	/* add, next, prev */
	if (strcmp(command, "add") == 0) {
		if (cli_parse_int32(&n, word2)) {
			snprintf(error, esize,
			         "N '%.40s' is not a whole number of working "
			         "days",
			         word2);
			return -1;
		}
	} else {
		n = strcmp(command, "next") == 0 ? 1 : -1;
	}
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
		return -1;
	}
	cli_note_projected(cal, d > result ? d : result);
	ukwd_date_format(answer, asize, result);
	return 0;
}

static int
run_batch(const ukwd_calendar *cal, const char *command)
{
	char *line = NULL, answer[32], error[ERROR_SIZE];
	size_t capacity = 0;
	ssize_t len;
	long lineno = 0;
	int failed = 0, words_needed = strcmp(command, "is") == 0 ? 1 : 2;

	while ((len = getline(&line, &capacity, stdin)) != -1) {
		char *word[3] = {NULL, NULL, NULL}, *save = NULL;
		int nwords = 0, rc;

		lineno++;
		for (char *w = strtok_r(line, " \t\r\n", &save); w;
		     w = strtok_r(NULL, " \t\r\n", &save))
			word[nwords < 3 ? nwords++ : 2] = w;
		if (nwords != words_needed) {
			fprintf(stderr,
			        PROGRAM ": line %ld: expected %s, got %d "
			                "word%s\n",
			        lineno,
			        words_needed == 1             ? "DATE"
			        : strcmp(command, "add") == 0 ? "DATE N"
			                                      : "FROM TO",
			        nwords, nwords == 1 ? "" : "s");
			fputs("\n", stdout);
			failed = 1;
			continue;
		}
		rc = query(cal, command, word[0], word[1], answer,
		           sizeof(answer), error, sizeof(error));
		if (rc < 0) {
			fprintf(stderr, PROGRAM ": line %ld: %s\n", lineno,
			        error);
			fputs("\n", stdout);
			failed = 1;
			continue;
		}
		fputs(answer, stdout);
		fputc('\n', stdout);
	}
	free(line);
	if (ferror(stdin)) {
		fprintf(stderr, PROGRAM ": reading standard input: %s\n",
		        strerror(errno));
		return 2;
	}
	return failed;
}

static int
parse_year(int *out, const char *text, const char *option)
{
	int32_t year;

	if (cli_parse_int32(&year, text) || year < UKWD_UK_FIRST_YEAR ||
	    year > UKWD_UK_LAST_YEAR) {
		fprintf(stderr,
		        PROGRAM ": %s '%s' is not a year from 1971 to 9999\n",
		        option, text);
		return 2;
	}
	*out = (int)year;
	return 0;
}

/* --from and --to, each defaulting to the other, both to this year. */
static int
year_span(const struct options *opt, int *from_year, int *to_year)
{
	time_t now = time(NULL);
	struct tm today;

	localtime_r(&now, &today);
	*from_year = *to_year = today.tm_year + 1900;
	if (opt->from_year && parse_year(from_year, opt->from_year, "--from"))
		return 2;
	if (opt->to_year && parse_year(to_year, opt->to_year, "--to"))
		return 2;
	if (opt->from_year && !opt->to_year)
		*to_year = *from_year;
	if (opt->to_year && !opt->from_year)
		*from_year = *to_year;
	if (*to_year < *from_year) {
		fprintf(stderr, PROGRAM ": --to %d is before --from %d\n",
		        *to_year, *from_year);
		return 2;
	}
	return 0;
}

static int
run_holidays(const struct options *opt)
{
	static const unsigned int order[3] = {
	    UKWD_UK_ENGLAND_WALES, UKWD_UK_SCOTLAND, UKWD_UK_NORTHERN_IRELAND};
	ukwd_calendar *cal[3] = {NULL, NULL, NULL};
	int from_year, to_year, csv, rc;
	ukwd_date first, last;

	rc = year_span(opt, &from_year, &to_year);
	if (rc)
		return rc;
	if (opt->format && strcmp(opt->format, "text") != 0 &&
	    strcmp(opt->format, "csv") != 0)
		return cli_usage_error("--format '%s': expected text or csv",
		                       opt->format);
	csv = opt->format && strcmp(opt->format, "csv") == 0;
	for (int i = 0; i < 3 && rc == 0; i++)
		if (opt->divisions & order[i])
			rc = cli_calendar(&cal[i], &opt->holidays, order[i],
			                  from_year, to_year);
	if (rc)
		goto out;
	ukwd_date_from_ymd(&first, from_year, 1, 1);
	ukwd_date_from_ymd(&last, to_year, 12, 31);
	if (csv)
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
			if (csv) {
				printf("%s,%s,", text,
				       ukwd_uk_division_name(order[i]));
				cli_put_csv(stdout, name ? name : "");
				putchar('\n');
			} else {
				static const char *const days[] = {
				    "Mon", "Tue", "Wed", "Thu", "Fri"};

				printf("%s %s  %-18s %s\n", text,
				       days[ukwd_date_weekday(d) - 1],
				       ukwd_uk_division_name(order[i]),
				       name ? name : "");
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

static int
run_month(const ukwd_calendar *cal, const char *text)
{
	static const char *const months[] = {"January", "February", "March",
	                                     "April",   "May",      "June",
	                                     "July",    "August",   "September",
	                                     "October", "November", "December"};
	char title[32], day_text[UKWD_DATE_STRLEN], padded[16], line[64];
	ukwd_date first, d;
	int year, month, weekday, used;

	/* Reuse the strict date parser on "YYYY-MM-01". */
	if (strlen(text) != 7 ||
	    snprintf(padded, sizeof(padded), "%s-01", text) != 10 ||
	    ukwd_date_parse(&first, padded, NULL) != 0)
		return cli_usage_error("month '%s': expected YYYY-MM", text);
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
		printf("* %s %s\n", day_text, name);
	}
	cli_note_projected(cal, first);
	return 0;
}

static int
parse_options(struct options *opt, int argc, char **argv)
{
	static const struct cli_option valued[] = {
	    {"--division", offsetof(struct options, division_name)},
	    {"--convention", offsetof(struct options, convention)},
	    {"--format", offsetof(struct options, format)},
	    {"--from", offsetof(struct options, from_year)},
	    {"--to", offsetof(struct options, to_year)},
	    {"--output", offsetof(struct options, output)},
	    {"--holidays", CLI_OPTION_HOLIDAYS},
	};

	memset(opt, 0, sizeof(*opt));
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const struct cli_option *option;
		const char *value;
		int status;

		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
			return CLI_HELP;
		if (strcmp(arg, "--batch") == 0) {
			opt->batch = 1;
			continue;
		}
		option =
		    cli_match_option(valued, sizeof(valued) / sizeof(*valued),
		                     argc, argv, &i, &value, &status);
		if (status)
			return status;
		if (option) {
			if (cli_store_option(opt, option, value,
			                     &opt->holidays))
				return 2;
			continue;
		}
		if (arg[0] == '-' && arg[1] != '\0' &&
		    !(arg[1] >= '0' && arg[1] <= '9'))
			return cli_usage_error("unknown option '%s'", arg);
		if (!opt->command)
			opt->command = arg;
		else if (opt->nargs < 2)
			opt->args[opt->nargs++] = arg;
		else
			return cli_usage_error("unexpected argument '%s'", arg);
	}
	if (!opt->command)
		return cli_usage_error("%s", "no command given");
	opt->divisions = UKWD_UK_SEC;
	if (opt->division_name) {
		ukwd_diag diag;

		if (ukwd_uk_division_parse(&opt->divisions, opt->division_name,
		                           &diag))
			return cli_usage_error("--division: %s", diag.message);
	}
	return 0;
}

static int
expect_args(const struct options *opt, int count, const char *shape)
{
	if (opt->nargs == count)
		return 0;
	fprintf(stderr, PROGRAM ": usage: " PROGRAM " %s %s\n", opt->command,
	        shape);
	return 2;
}

static ukwd_roll
parse_convention(const char *text, int *ok)
{
	static const struct {
		const char *name;
		ukwd_roll roll;
	} names[] = {
	    {"following", UKWD_ROLL_FOLLOWING},
	    {"preceding", UKWD_ROLL_PRECEDING},
	    {"modified-following", UKWD_ROLL_MODIFIED_FOLLOWING},
	    {"modified-preceding", UKWD_ROLL_MODIFIED_PRECEDING},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (text && strcmp(text, names[i].name) == 0) {
			*ok = 1;
			return names[i].roll;
		}
	*ok = 0;
	return UKWD_ROLL_FOLLOWING;
}

/* export-ics: the calendar's holidays over whole years as iCalendar, to
 * stdout or to --output through a temporary file renamed into place. */
struct export_job {
	const ukwd_calendar *cal;
	ukwd_date first, last;
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
	int rc =
	    ukwd_ical_export(job->cal, job->first, job->last, file_sink, out);

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

	rc = year_span(opt, &from_year, &to_year);
	if (rc == 0)
		rc = cli_calendar(&cal, &opt->holidays, opt->divisions,
		                  from_year, to_year);
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

static int
run(struct options *opt)
{
	ukwd_calendar *cal = NULL;
	char answer[32], error[ERROR_SIZE];
	const char *cmd = opt->command;
	int rc;

	if (opt->batch && strcmp(cmd, "is") != 0 && strcmp(cmd, "add") != 0 &&
	    strcmp(cmd, "count") != 0)
		return cli_usage_error(
		    "--batch works with is, add and count, not "
		    "'%s'",
		    cmd);
	if (strcmp(cmd, "holidays") == 0 || strcmp(cmd, "export-ics") == 0) {
		if (opt->nargs)
			return cli_usage_error("unexpected argument '%s'",
			                       opt->args[0]);
		return cmd[0] == 'h' ? run_holidays(opt) : run_export(opt);
	}
	if (strcmp(cmd, "is") && strcmp(cmd, "add") && strcmp(cmd, "count") &&
	    strcmp(cmd, "next") && strcmp(cmd, "prev") && strcmp(cmd, "roll") &&
	    strcmp(cmd, "month"))
		return cli_usage_error("unknown command '%s'", cmd);
	rc = cli_calendar(&cal, &opt->holidays, opt->divisions,
	                  UKWD_UK_FIRST_YEAR, UKWD_UK_LAST_YEAR);
	if (rc)
		return rc;
	if (opt->batch) {
		if (opt->nargs)
			rc = cli_usage_error("--batch reads its queries from "
			                     "stdin; unexpected argument '%s'",
			                     opt->args[0]);
		else
			rc = run_batch(cal, cmd);
	} else if (strcmp(cmd, "month") == 0) {
		rc = expect_args(opt, 1, "YYYY-MM");
		if (rc == 0)
			rc = run_month(cal, opt->args[0]);
	} else if (strcmp(cmd, "roll") == 0) {
		int ok;
		ukwd_roll roll = parse_convention(opt->convention, &ok);
		ukwd_date d, result;

		rc = expect_args(opt, 1, "DATE --convention CONVENTION");
		if (rc == 0 && !ok)
			rc = cli_usage_error(
			    "--convention '%s': expected following, "
			    "preceding, modified-following or "
			    "modified-preceding",
			    opt->convention ? opt->convention : "");
		if (rc == 0 &&
		    parse_date(&d, opt->args[0], error, sizeof(error))) {
			fprintf(stderr, PROGRAM ": %s\n", error);
			rc = 2;
		}
		if (rc == 0 && ukwd_workday_roll(&result, cal, d, roll)) {
			range_message(error, sizeof(error), opt->args[0]);
			fprintf(stderr, PROGRAM ": %s\n", error);
			rc = 2;
		}
		if (rc == 0) {
			cli_note_projected(cal, d > result ? d : result);
			ukwd_date_format(answer, sizeof(answer), result);
			puts(answer);
		}
	} else {
		int two = strcmp(cmd, "add") == 0 || strcmp(cmd, "count") == 0;

		rc = expect_args(opt, two ? 2 : 1,
		                 strcmp(cmd, "add") == 0     ? "DATE N"
		                 : strcmp(cmd, "count") == 0 ? "FROM TO"
		                                             : "DATE");
		if (rc == 0) {
			rc = query(cal, cmd, opt->args[0], opt->args[1], answer,
			           sizeof(answer), error, sizeof(error));
			if (rc < 0) {
				fprintf(stderr, PROGRAM ": %s: %s\n", cmd,
				        error);
				rc = 2;
			} else {
				puts(answer);
			}
		}
	}
	ukwd_calendar_free(cal);
	return rc;
}

int
main(int argc, char **argv)
{
	struct options opt;
	int rc;

	cli_program = PROGRAM;
	rc = parse_options(&opt, argc, argv);
	if (rc == CLI_HELP) {
		fputs(usage, stdout);
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
