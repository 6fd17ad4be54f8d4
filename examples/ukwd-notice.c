/*
 * ukwd-notice: check a notice period, or list the SEC rules.
 *
 *   ukwd-notice --rule uept-notice --given 2017-06-01 --event 2017-09-01
 *
 * Uses only <ukwd.h>. Run `ukwd-notice --help` for the options.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ukwd.h>

#include "cli.h"

#define PROGRAM "ukwd-notice"

static const char usage[] =
    "usage: ukwd-notice --rule ID --given DATE[THH:MM] --event DATE [options]\n"
    "       ukwd-notice --days N [--unit U] [--within] --given ... --event "
    "...\n"
    "       ukwd-notice --batch [options] < rule,given,event lines\n"
    "       ukwd-notice --list-rules\n"
    "\n"
    "Checks that a notice given on --given meets a rule for an event on\n"
    "--event (or, for a 'within' rule, that the action on --event came in\n"
    "time after the trigger on --given), and prints whether it complies,\n"
    "the period given, the shortfall, the latest compliant notice day and\n"
    "the earliest compliant event (a working day).\n"
    "\n"
    "Options:\n"
    "  --rule ID          a rule from --list-rules (e.g. uept-notice)\n"
    "  --given DATE[THH:MM]\n"
    "                     when the notice was received (or the trigger of\n"
    "                     a 'within' rule): YYYY-MM-DD, with a time of day\n"
    "                     after a T or a space: 2023-01-02T17:30 or\n"
    "                     '2023-01-02 17:30'\n"
    "  --event DATE       the event's day (or the action's, for 'within')\n"
    "  --days N           an ad-hoc rule of N units instead of --rule\n"
    "  --unit U           working (default), calendar, weeks or months\n"
    "  --within           ad-hoc rule: action within N units of --given\n"
    "  --count-event-day  ad-hoc rule: the event day counts\n"
    "  --cutoff HH:MM     a notice received after this time counts as\n"
    "                     received the next working day\n"
    "  --division NAME    england-and-wales, scotland, northern-ireland, gb,\n"
    "                     uk or sec (default sec; see Working days below),\n"
    "                     in any case; england and wales both mean\n"
    "                     england-and-wales, ni northern-ireland\n"
    "  --holidays FILE    official data or extra days off (repeatable), and\n"
    "  --official DIVISION=FILE  as for ukwd-cal\n"
    "  --batch            read CSV rule,given,event lines from stdin and\n"
    "                     write one result row per line: compliant yes/no,\n"
    "                     deemed receipt, period given and its unit,\n"
    "                     shortfall, deadline (the latest notice day, or for\n"
    "                     a 'within' rule the last day for the action) and\n"
    "                     the earliest compliant event (a working day);\n"
    "                     warnings on stderr with the line number\n"
    "  --list-rules       the SEC rules with their sources\n"
    "  --help             this text\n"
    "  --version          the program's and libukwd's version\n"
    "  --list-names KIND  the names shell completion offers, one a line:\n"
    "                     options, divisions, rules or units\n"
    "\n"
    "A notice received on a non-working day, or after the cut-off, is deemed\n"
    "received the next working day (readmission-bar takes its expulsion date\n"
    "as given). N working days' notice means N whole working days strictly\n"
    "between receipt and the event. Weeks and months stay calendar units.\n"
    "An event on a non-working day is checked as given, with a warning.\n"
    "\n"
    "Working days: sec is gb, so a bank holiday in England and Wales or in\n"
    "Scotland is not a working day: libukwd's PROPOSED reading of the SEC\n"
    "Working Day, not the Code's words. The union has fewer working days, so\n"
    "a Party gives notice earlier (the cautious reading for its notices) and\n"
    "the DCC gets more calendar time for its own 'within N working days'\n"
    "duties (the lenient reading for those). For a Party's notice, uk (a\n"
    "bank holiday anywhere in the UK, as in the FOI Act 2000, s.10) is the\n"
    "strictest reading.\n"
    "\n"
    "Exit status: 0 compliant, 1 not compliant (or a failed batch line),\n"
    "2 error.\n";

struct options {
	const char *rule_id, *given, *event, *days, *unit, *cutoff, *division;
	int within, count_event_day, batch, list_rules;
	struct cli_holidays holidays;
	/* What check_options() makes of the text above. */
	unsigned int divisions;
	ukwd_notice_rule rule; /* one notice: the rule */
	int cutoff_minutes;    /* --batch: the cut-off, or -1 */
	ukwd_date given_date;  /* one notice: receipt day ... */
	int given_minutes;     /* ... and time, or -1 */
	ukwd_date event_date;  /* one notice: the event */
};

/* The --unit names, in make_rule()'s order. */
static const char *const unit_names[4] = {"working", "calendar", "weeks",
                                          "months"};

/* --list-names KIND for the bash completion. */
static int
notice_list_names(const char *kind)
{
	if (strcmp(kind, "rules") == 0) {
		for (size_t i = 0; i < ukwd_notice_rule_count(); i++)
			puts(ukwd_notice_rule_at(i)->id);
	} else if (strcmp(kind, "units") == 0) {
		for (size_t i = 0; i < 4; i++)
			puts(unit_names[i]);
	} else {
		return -1;
	}
	return 0;
}

/* The rule the catalogue has that is closest to an unknown `id`, or
 * NULL. */
static const char *
closest_rule(const char *id)
{
	const char *ids[64];
	size_t n = ukwd_notice_rule_count();

	if (n > sizeof(ids) / sizeof(*ids))
		n = sizeof(ids) / sizeof(*ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = ukwd_notice_rule_at(i)->id;
	return cli_closest(id, ids, n);
}

/* ukwd-notice takes no operands. */
static int
notice_operand(void *options, const char *arg)
{
	(void)options;
	return cli_usage_error("unknown %s '%s'",
	                       arg[0] == '-' ? "option" : "argument", arg);
}

static int
parse_options(struct options *opt, int argc, char **argv)
{
	static const struct cli_option table[] = {
	    {"--rule", CLI_VALUE, offsetof(struct options, rule_id)},
	    {"--given", CLI_VALUE, offsetof(struct options, given)},
	    {"--event", CLI_VALUE, offsetof(struct options, event)},
	    {"--days", CLI_VALUE, offsetof(struct options, days)},
	    {"--unit", CLI_VALUE, offsetof(struct options, unit)},
	    {"--cutoff", CLI_VALUE, offsetof(struct options, cutoff)},
	    {"--division", CLI_VALUE, offsetof(struct options, division)},
	    {"--holidays", CLI_HOLIDAYS, 0},
	    {"--official", CLI_OFFICIAL, 0},
	    {"--within", CLI_FLAG, offsetof(struct options, within)},
	    {"--count-event-day", CLI_FLAG,
	     offsetof(struct options, count_event_day)},
	    {"--batch", CLI_FLAG, offsetof(struct options, batch)},
	    {"--list-rules", CLI_FLAG, offsetof(struct options, list_rules)},
	};
	static const char *const kinds[] = {"rules", "units", NULL};
	static const struct cli_parser parser = {
	    .options = table,
	    .count = sizeof(table) / sizeof(*table),
	    .holidays_offset = offsetof(struct options, holidays),
	    .operand = notice_operand,
	    .list_names = notice_list_names,
	    .name_kinds = kinds,
	};

	memset(opt, 0, sizeof(*opt));
	return cli_parse(&parser, opt, argc, argv);
}

/* The rule: from the catalogue, or ad hoc from --days/--unit/--within. */
static int
make_rule(ukwd_notice_rule *rule, const struct options *opt,
          const char *rule_id)
{
	static const ukwd_notice_unit units[4] = {
	    UKWD_UNIT_WORKING_DAYS, UKWD_UNIT_CALENDAR_DAYS, UKWD_UNIT_WEEKS,
	    UKWD_UNIT_MONTHS};
	ukwd_notice_rule adhoc = UKWD_NOTICE_RULE_INIT;

	if (rule_id && opt->days)
		return cli_usage_error("give --rule or --days, not both");
	if (rule_id) {
		const ukwd_notice_rule *found = ukwd_notice_rule_find(rule_id);

		if (!found && closest_rule(rule_id))
			return cli_usage_error(
			    "unknown rule '%s'; did you mean "
			    "'%s'?",
			    rule_id, closest_rule(rule_id));
		if (!found) {
			char known[1024] = "";
			size_t used = 0;

			for (size_t i = 0; i < ukwd_notice_rule_count() &&
			                   used < sizeof(known);
			     i++)
				used += (size_t)snprintf(
				    known + used, sizeof(known) - used, " %s",
				    ukwd_notice_rule_at(i)->id);
			return cli_error("unknown rule '%s'; the rules are:%s",
			                 rule_id, known);
		}
		*rule = *found;
	} else if (opt->days) {
		if (cli_parse_int32(&adhoc.amount, opt->days) ||
		    adhoc.amount < 0)
			return cli_usage_error("--days '%s' is not a whole "
			                       "number, 0 or more",
			                       opt->days);
		if (opt->unit) {
			size_t u = 0;

			while (u < 4 && strcmp(opt->unit, unit_names[u]) != 0)
				u++;
			if (u == 4 &&
			    cli_suggest_error(opt->unit, unit_names, 4,
			                      "--unit: unknown unit '%s'",
			                      opt->unit))
				return 2;
			if (u == 4)
				return cli_usage_error(
				    "--unit '%s': expected working, calendar, "
				    "weeks or months",
				    opt->unit);
			adhoc.unit = units[u];
		}
		adhoc.id = "ad-hoc";
		adhoc.direction =
		    opt->within ? UKWD_NOTICE_WITHIN : UKWD_NOTICE_BEFORE;
		adhoc.counting = opt->count_event_day ? UKWD_COUNT_EVENT_DAY
		                                      : UKWD_COUNT_CLEAR;
		*rule = adhoc;
	} else {
		return cli_usage_error("give --rule ID or --days N");
	}
	if ((opt->within || opt->count_event_day || opt->unit) && rule_id)
		return cli_usage_error("--unit, --within and --count-event-day "
		                       "go with --days, not --rule");
	if (opt->cutoff) {
		ukwd_diag diag;

		if (ukwd_time_parse(&rule->cutoff_minutes, opt->cutoff, &diag))
			return cli_usage_error("--cutoff '%s': %s", opt->cutoff,
			                       diag.message);
	}
	return 0;
}

static const char *
unit_words(ukwd_notice_unit unit)
{
	switch (unit) {
	case UKWD_UNIT_WORKING_DAYS:
		return "working days";
	case UKWD_UNIT_CALENDAR_DAYS:
		return "calendar days";
	case UKWD_UNIT_WEEKS:
		return "weeks";
	case UKWD_UNIT_MONTHS:
	default:
		return "months";
	}
}

static int
list_rules(void)
{
	for (size_t i = 0; i < ukwd_notice_rule_count(); i++) {
		const ukwd_notice_rule *r = ukwd_notice_rule_at(i);

		printf("%-26s %3d %-13s %-6s %-14s %-9s %s\n", r->id,
		       (int)r->amount, unit_words(r->unit),
		       r->direction == UKWD_NOTICE_BEFORE ? "before" : "within",
		       r->reference ? r->reference : "-",
		       ukwd_source_tag_name(r->source), r->title);
		printf("%-26s source: %s\n", "", r->citation);
	}
	return 0;
}

/* Read a notice's receipt (a date, with an optional time) and its event;
 * on bad text fill `error` and return -1. */
static int
parse_notice(ukwd_date *given_date, int *given_minutes, ukwd_date *event_date,
             const char *given, const char *event, char *error, size_t size)
{
	const char *text = given;
	ukwd_diag diag;
	char spaced[64];

	/* "DATE HH:MM" is read as "DATE" T "HH:MM". */
	if (strlen(given) > 10 && strlen(given) < sizeof(spaced) &&
	    given[10] == ' ') {
		memcpy(spaced, given, strlen(given) + 1);
		spaced[10] = 'T';
		text = spaced;
	}
	if (ukwd_date_time_parse(given_date, given_minutes, text, &diag)) {
		snprintf(error, size, "given '%.40s': %s", given, diag.message);
		return -1;
	}
	if (ukwd_date_parse(event_date, event, &diag)) {
		snprintf(error, size, "event '%.40s': %s", event, diag.message);
		return -1;
	}
	return 0;
}

/* Check one notice; on failure fill `error` and return -1. */
static int
check_one(ukwd_notice_result *result, const ukwd_calendar *cal,
          const ukwd_notice_rule *rule, ukwd_date given_date, int given_minutes,
          ukwd_date event_date, char *error, size_t size)
{
	ukwd_diag diag;

	if (ukwd_notice_check(result, cal, rule, given_date, given_minutes,
	                      event_date, &diag)) {
		snprintf(error, size, "%s", diag.message);
		return -1;
	}
	cli_note_projected(
	    cal, event_date > result->deadline ? event_date : result->deadline);
	return 0;
}

static void
print_result(const ukwd_notice_rule *rule, const ukwd_notice_result *r,
             ukwd_date event)
{
	char deemed[UKWD_DATE_STRLEN], deadline[UKWD_DATE_STRLEN],
	    earliest[UKWD_DATE_STRLEN], earliest_working[UKWD_DATE_STRLEN],
	    event_day[UKWD_DATE_STRLEN];
	const char *counted = r->counted_unit == UKWD_UNIT_WORKING_DAYS
	                          ? "working days"
	                          : "calendar days";

	ukwd_date_format(deemed, sizeof(deemed), r->deemed_received);
	ukwd_date_format(deadline, sizeof(deadline), r->deadline);
	ukwd_date_format(earliest, sizeof(earliest), r->earliest_event);
	ukwd_date_format(earliest_working, sizeof(earliest_working),
	                 r->earliest_working_event);
	ukwd_date_format(event_day, sizeof(event_day), event);
	printf("%s\n", r->compliant ? "compliant" : "not compliant");
	printf("rule: %s, %s%d %s%s%s%s; %s%s%s\n", rule->id ? rule->id : "-",
	       rule->direction == UKWD_NOTICE_BEFORE ? "" : "within ",
	       (int)rule->amount, unit_words(rule->unit),
	       rule->direction == UKWD_NOTICE_BEFORE ? " before" : "",
	       rule->reference ? ", SEC " : "",
	       rule->reference ? rule->reference : "",
	       ukwd_source_tag_name(rule->source), rule->citation ? ": " : "",
	       rule->citation ? rule->citation : "");
	printf("deemed received: %s\n", deemed);
	printf("%s given: %d\n", counted, (int)r->given);
	printf("shortfall: %d %s\n", (int)r->shortfall, counted);
	if (rule->direction == UKWD_NOTICE_BEFORE) {
		printf("latest compliant notice: %s\n", deadline);
		/* Scripts read this prefix: the day is a working day. */
		printf("earliest compliant event: %s", earliest_working);
		if (r->earliest_working_event != r->earliest_event)
			printf(" (%s is not a working day)", earliest);
		putchar('\n');
	} else {
		printf("deadline: %s\n", deadline);
	}
	printf("%s\n", r->explanation);
	if (r->event_not_working)
		printf("warning: the event day %s is not a working day\n",
		       event_day);
}

/* Split a CSV line into at most `max` fields, in place: RFC 4180, so a
 * field may be quoted ("a,b", "say ""x""") as this program's own output
 * quotes it. The number of fields (max + 1 when there are more), or -1
 * for a quote that does not end its field. */
static int
split_fields(char *line, char **field, int max)
{
	int n = 0;
	char *at = line;

	line[strcspn(line, "\r\n")] = '\0';
	for (;;) {
		char *to = at;

		if (n == max)
			return n + 1; /* too many */
		field[n++] = at;
		if (*at == '"') {
			for (char *from = at + 1;; from++) {
				if (*from == '\0')
					return -1; /* unterminated */
				if (*from == '"' && from[1] == '"') {
					*to++ = '"';
					from++;
				} else if (*from == '"') {
					at = from + 1;
					break;
				} else {
					*to++ = *from;
				}
			}
			if (*at != ',' && *at != '\0')
				return -1; /* text after the closing quote */
		} else {
			at += strcspn(at, ",");
			to = at;
		}
		if (*at == '\0') {
			*to = '\0';
			return n;
		}
		*to = '\0';
		at++;
	}
}

/* The rule, given and event fields of a batch row, quoted as CSV needs. */
static void
put_fields(FILE *out, char **field, int n)
{
	for (int i = 0; i < 3; i++) {
		if (i > 0)
			putc(',', out);
		if (i < n)
			cli_put_csv(out, field[i]);
	}
}

/* --batch: one result row on `out` for each rule,given,event line of `in`
 * (a first line starting "rule," is a header). 0 when every notice
 * complies, 1 when one does not or a line is bad (said on stderr with its
 * line number), 2 when `in` cannot be read. */
static int
run_batch(const ukwd_calendar *cal, const struct options *opt, FILE *in,
          FILE *out)
{
	char *line = NULL, error[256];
	size_t capacity = 0;
	ssize_t length;
	long lineno = 0;
	int status = 0;

	fputs("rule,given,event,compliant,deemed_received,given_count,"
	      "given_unit,shortfall,deadline,earliest_event\n",
	      out);
	while ((length = getline(&line, &capacity, in)) != -1) {
		char *field[3] = {NULL, NULL, NULL};
		const ukwd_notice_rule *found;
		ukwd_notice_rule rule;
		ukwd_notice_result r;
		ukwd_date given_date, event_date;
		int n, given_minutes;
		char deemed[UKWD_DATE_STRLEN], deadline[UKWD_DATE_STRLEN],
		    earliest[UKWD_DATE_STRLEN];

		lineno++;
		/* A NUL would end the line early: refuse it whole. */
		n = memchr(line, '\0', (size_t)length)
		        ? -2
		        : split_fields(line, field, 3);
		if (lineno == 1 && n >= 1 && strcmp(field[0], "rule") == 0)
			continue; /* a header line */
		found = n == 3 ? ukwd_notice_rule_find(field[0]) : NULL;
		error[0] = '\0';
		if (n == -2)
			snprintf(error, sizeof(error),
			         "a NUL byte in the line");
		else if (n == -1)
			snprintf(error, sizeof(error),
			         "a quoted field does not end with its quote");
		else if (n != 3)
			snprintf(error, sizeof(error),
			         "expected rule,given,event");
		else if (!found && closest_rule(field[0]))
			snprintf(error, sizeof(error),
			         "unknown rule '%.60s'; did you mean '%s'?",
			         field[0], closest_rule(field[0]));
		else if (!found)
			snprintf(error, sizeof(error), "unknown rule '%.60s'",
			         field[0]);
		else if (parse_notice(&given_date, &given_minutes, &event_date,
		                      field[1], field[2], error,
		                      sizeof(error)) == 0) {
			rule = *found;
			if (opt->cutoff_minutes >= 0)
				rule.cutoff_minutes = opt->cutoff_minutes;
			check_one(&r, cal, &rule, given_date, given_minutes,
			          event_date, error, sizeof(error));
		}
		if (error[0]) {
			cli_error("line %ld: %s", lineno, error);
			status = 1;
			put_fields(out, field, n == 3 ? 3 : 0);
			fputs(",,,,,,,\n", out);
			continue;
		}
		if (!r.compliant)
			status = 1;
		ukwd_date_format(deemed, sizeof(deemed), r.deemed_received);
		ukwd_date_format(deadline, sizeof(deadline), r.deadline);
		ukwd_date_format(earliest, sizeof(earliest),
		                 r.earliest_working_event);
		if (r.event_not_working) {
			char event_day[UKWD_DATE_STRLEN];

			ukwd_date_format(event_day, sizeof(event_day),
			                 event_date);
			cli_error("line %ld: warning: the event day %s is not "
			          "a working day",
			          lineno, event_day);
		}
		put_fields(out, field, 3);
		fprintf(out, ",%s,%s,%d,%s,%d,%s,%s\n",
		        r.compliant ? "yes" : "no", deemed, (int)r.given,
		        r.counted_unit == UKWD_UNIT_WORKING_DAYS ? "working"
		                                                 : "calendar",
		        (int)r.shortfall, deadline,
		        rule.direction == UKWD_NOTICE_BEFORE ? earliest : "");
	}
	if (ferror(in)) {
		cli_error("reading standard input: %s", strerror(errno));
		status = 2;
	}
	free(line);
	return status;
}

/* Turn the options' text into the values run() uses: no I/O. 0, or 2
 * after a one-line message. */
static int
check_options(struct options *opt)
{
	char error[256];
	int rc;

	opt->divisions = UKWD_UK_SEC;
	opt->cutoff_minutes = -1;
	if (opt->list_rules)
		return 0;
	if (opt->division) {
		ukwd_diag diag;

		if (ukwd_uk_division_parse(&opt->divisions, opt->division,
		                           &diag))
			return cli_usage_error("--division: %s", diag.message);
	}
	if (opt->batch) {
		if (opt->rule_id || opt->days || opt->given || opt->event)
			return cli_usage_error(
			    "--batch reads rule,given,event "
			    "from stdin; drop --rule, --days, "
			    "--given and --event");
		if (opt->cutoff &&
		    ukwd_time_parse(&opt->cutoff_minutes, opt->cutoff, NULL))
			return cli_usage_error("--cutoff '%s': expected HH:MM",
			                       opt->cutoff);
		return 0;
	}
	rc = make_rule(&opt->rule, opt, opt->rule_id);
	if (rc)
		return rc;
	if (!opt->given || !opt->event)
		return cli_usage_error("give --given DATE and --event DATE");
	if (parse_notice(&opt->given_date, &opt->given_minutes,
	                 &opt->event_date, opt->given, opt->event, error,
	                 sizeof(error)))
		return cli_error("%s", error);
	return 0;
}

static int
run(const struct options *opt)
{
	ukwd_calendar *cal = NULL;
	ukwd_notice_result result;
	char error[256];
	int rc;

	if (opt->list_rules)
		return list_rules();
	rc = cli_calendar(&cal, &opt->holidays, opt->divisions,
	                  UKWD_UK_FIRST_YEAR, UKWD_UK_LAST_YEAR);
	if (rc)
		return rc;
	if (opt->batch) {
		rc = run_batch(cal, opt, stdin, stdout);
	} else if (check_one(&result, cal, &opt->rule, opt->given_date,
	                     opt->given_minutes, opt->event_date, error,
	                     sizeof(error))) {
		rc = cli_error("%s", error);
	} else {
		print_result(&opt->rule, &result, opt->event_date);
		rc = result.compliant ? 0 : 1;
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
	} else if (rc == CLI_VERSION) {
		cli_print_version();
		rc = 0;
	} else if (rc == CLI_LISTED) {
		rc = 0;
	} else if (rc == 0) {
		rc = check_options(&opt);
		if (rc == 0)
			rc = cli_holidays_load(&opt.holidays);
		if (rc == 0)
			rc = run(&opt);
	}
	cli_holidays_free(&opt.holidays);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: writing standard output: %s\n", PROGRAM,
		        strerror(errno));
		return 2;
	}
	return rc;
}
