/* Schedules of small networks kept as data (tests/schedule/README).
 *
 * Every directory under the cases directory (the first argument; meson
 * passes tests/schedule) is one case: its plan.csv is read with
 * ukwd_plan_read_csv(), scheduled over the calendar and from the date its
 * settings name, and every task's dates, floats and critical mark are
 * compared with its expected.csv. A case is one cmocka test named after
 * its directory; a mismatch names the case, the task and the field, and
 * every mismatch of the case is listed, not only the first. A missing or
 * malformed file fails its case with the file and line at fault.
 *
 * The first tests check the driver itself on cases held in strings: a
 * wrong value, a missing task, a missing file and a malformed line must
 * each make a case fail, with a message saying where. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* opendir, stat */
#endif

#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include <ukwd.h>

/* The cases directory, from the command line. */
static const char *cases_dir;

/* ------------------------------------------------------------------ */
/* What went wrong in a case: one line per problem. */

struct report {
	char text[8192];
	size_t used;
	int problems;
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
complain(struct report *r, const char *format, ...)
{
	va_list ap;
	int n;

	r->problems++;
	if (r->used + 1 >= sizeof(r->text))
		return;
	va_start(ap, format);
	n = vsnprintf(r->text + r->used, sizeof(r->text) - r->used, format, ap);
	va_end(ap);
	if (n < 0)
		return;
	r->used += (size_t)n;
	if (r->used >= sizeof(r->text) - 1) {
		r->used = sizeof(r->text) - 1;
		return;
	}
	r->text[r->used++] = '\n';
	r->text[r->used] = '\0';
}

/* ------------------------------------------------------------------ */
/* Files */

/* The whole file, NUL-terminated, in *text (the caller frees it), and
 * its size; 0, or an errno value. */
static int
read_file(char **text, size_t *size, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t used = 0, capacity = 0, got;

	*text = NULL;
	*size = 0;
	if (!f)
		return errno ? errno : EIO;
	do {
		if (capacity - used < 4096) {
			char *bigger = realloc(data, capacity + 8192);

			if (!bigger) {
				free(data);
				fclose(f);
				return ENOMEM;
			}
			data = bigger;
			capacity += 8192;
		}
		got = fread(data + used, 1, capacity - used - 1, f);
		used += got;
	} while (got > 0);
	if (ferror(f)) {
		free(data);
		fclose(f);
		return EIO;
	}
	fclose(f);
	data[used] = '\0';
	*text = data;
	*size = used;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Settings and calendars: "key = value" lines, '#' comments. */

/* The next line of *pos (NUL-terminated, trimmed, in place), or NULL at
 * the end; *line counts from 1. */
static char *
next_line(char **pos, int *line)
{
	char *start = *pos, *end;

	if (!*start)
		return NULL;
	end = start + strcspn(start, "\n");
	*pos = *end ? end + 1 : end;
	*end = '\0';
	(*line)++;
	while (end > start &&
	       (end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	while (*start == ' ' || *start == '\t')
		start++;
	return start;
}

/* Split "key = value" at the '=' into two trimmed strings; 0, or -1 when
 * there is no '=' or no key. */
static int
split_setting(char *text, char **key, char **value)
{
	char *eq = strchr(text, '='), *end;

	if (!eq || eq == text)
		return -1;
	*eq = '\0';
	end = eq;
	while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	*key = text;
	*value = eq + 1;
	while (**value == ' ' || **value == '\t')
		(*value)++;
	return **key ? 0 : -1;
}

/* A date "YYYY-MM-DD" at the start of text, followed by the end or a
 * blank; *rest after it and its blanks. 0 or -1. */
static int
leading_date(ukwd_date *d, const char *text, const char **rest)
{
	char buf[UKWD_DATE_STRLEN];
	size_t len = strcspn(text, " \t");

	if (len != UKWD_DATE_STRLEN - 1)
		return -1;
	memcpy(buf, text, len);
	buf[len] = '\0';
	if (ukwd_date_parse(d, buf, NULL) != 0)
		return -1;
	text += len;
	while (*text == ' ' || *text == '\t')
		text++;
	if (rest)
		*rest = text;
	return 0;
}

#define MAX_PATHS 16

struct settings {
	char calendar[64];
	int have_direction, have_date, have_deadline, have_span;
	ukwd_schedule_direction direction;
	ukwd_date date, deadline;
	ukwd_date span_start, span_finish;
	int32_t span_days;
	/* Each "path" line, the ids separated by blanks. */
	size_t paths;
	char *path[MAX_PATHS];
};

/* Read a settings file; 0, or -1 after complaining. `text` is changed. */
static int
read_settings(struct settings *s, struct report *r, char *text)
{
	char *pos = text, *line_text, *key, *value;
	int line = 0, bad = 0;

	memset(s, 0, sizeof(*s));
	while ((line_text = next_line(&pos, &line))) {
		const char *rest;

		if (!*line_text || *line_text == '#')
			continue;
		if (split_setting(line_text, &key, &value) != 0) {
			complain(r, "settings line %d: not 'key = value'",
			         line);
			bad = 1;
		} else if (strcmp(key, "calendar") == 0) {
			if (*s->calendar || !*value ||
			    strlen(value) >= sizeof(s->calendar) ||
			    strpbrk(value, "/\\ \t")) {
				complain(r,
				         "settings line %d: calendar: one "
				         "name (of a NAME.calendar file "
				         "beside the cases), given once",
				         line);
				bad = 1;
			} else {
				strcpy(s->calendar, value);
			}
		} else if (strcmp(key, "direction") == 0) {
			if (s->have_direction || (strcmp(value, "forward") &&
			                          strcmp(value, "backward"))) {
				complain(r,
				         "settings line %d: direction: "
				         "'forward' or 'backward', given once",
				         line);
				bad = 1;
			}
			s->have_direction = 1;
			s->direction = strcmp(value, "backward") == 0
			                   ? UKWD_SCHEDULE_BACKWARD
			                   : UKWD_SCHEDULE_FORWARD;
		} else if (strcmp(key, "date") == 0) {
			if (s->have_date ||
			    leading_date(&s->date, value, &rest) || *rest) {
				complain(r,
				         "settings line %d: date: one date, "
				         "YYYY-MM-DD, given once",
				         line);
				bad = 1;
			}
			s->have_date = 1;
		} else if (strcmp(key, "deadline") == 0) {
			if (s->have_deadline ||
			    leading_date(&s->deadline, value, &rest) || *rest) {
				complain(
				    r,
				    "settings line %d: deadline: one date, "
				    "YYYY-MM-DD, given once",
				    line);
				bad = 1;
			}
			s->have_deadline = 1;
		} else if (strcmp(key, "span") == 0) {
			const char *after;
			char *end;
			long days;

			if (s->have_span ||
			    leading_date(&s->span_start, value, &rest) ||
			    leading_date(&s->span_finish, rest, &after) ||
			    (errno = 0, days = strtol(after, &end, 10),
			     end == after || *end || errno || days < 0 ||
			         days > INT32_MAX)) {
				complain(r,
				         "settings line %d: span: START "
				         "FINISH WORKING_DAYS, given once",
				         line);
				bad = 1;
			} else {
				s->span_days = (int32_t)days;
			}
			s->have_span = 1;
		} else if (strcmp(key, "path") == 0) {
			if (!*value || s->paths == MAX_PATHS) {
				complain(r,
				         "settings line %d: path: task ids "
				         "separated by blanks (at most %d "
				         "paths)",
				         line, MAX_PATHS);
				bad = 1;
			} else {
				s->path[s->paths++] = value;
			}
		} else {
			complain(r,
			         "settings line %d: unknown key '%s' (known: "
			         "calendar, direction, date, deadline, span, "
			         "path)",
			         line, key);
			bad = 1;
		}
	}
	if (!*s->calendar || !s->have_direction || !s->have_date) {
		complain(r, "settings: calendar, direction and date are "
		            "required");
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* Build the calendar NAME.calendar of the cases directory; 0, or -1
 * after complaining. */
static int
read_calendar(ukwd_calendar **cal, struct report *r, const char *name)
{
	char path[1024], *text = NULL, *pos, *line_text, *key, *value;
	size_t size;
	ukwd_calendar_builder *b = NULL;
	ukwd_date first = 0, last = 0, day;
	ukwd_diag diag;
	int line = 0, bad = 0, err, have_first = 0, have_last = 0, ranged = 0;

	*cal = NULL;
	snprintf(path, sizeof(path), "%s/%s.calendar", cases_dir, name);
	err = read_file(&text, &size, path);
	if (err) {
		complain(r, "cannot read the calendar %s: %s", path,
		         strerror(err));
		return -1;
	}
	if (ukwd_calendar_builder_new(&b) != 0) {
		free(text);
		complain(r, "out of memory");
		return -1;
	}
	pos = text;
	while (!bad && (line_text = next_line(&pos, &line))) {
		const char *rest;

		if (!*line_text || *line_text == '#')
			continue;
		if (split_setting(line_text, &key, &value) != 0 ||
		    leading_date(&day, value, &rest) != 0) {
			bad = 1;
		} else if (strcmp(key, "first") == 0 && !have_first && !*rest) {
			first = day;
			have_first = 1;
		} else if (strcmp(key, "last") == 0 && !have_last && !*rest) {
			last = day;
			have_last = 1;
		} else if (strcmp(key, "holiday") == 0 && ranged) {
			bad = ukwd_calendar_builder_add_holiday(
			          b, day, *rest ? rest : value) != 0;
		} else {
			bad = 1;
		}
		if (!bad && have_first && have_last && !ranged) {
			bad = ukwd_calendar_builder_set_range(b, first, last) !=
			      0;
			ranged = 1;
		}
		if (bad)
			complain(r,
			         "%s.calendar line %d: want 'first = DATE', "
			         "'last = DATE', then 'holiday = DATE NAME' "
			         "lines, each date in the range",
			         name, line);
	}
	free(text);
	if (!bad && !ranged) {
		complain(r, "%s.calendar: no 'first' and 'last' range", name);
		bad = 1;
	}
	if (!bad && ukwd_calendar_build(cal, b, &diag) != 0) {
		complain(r, "%s.calendar: %s", name, diag.message);
		bad = 1;
	}
	ukwd_calendar_builder_free(b);
	return bad ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* expected.csv: RFC 4180 as plan.csv, one record a task. */

enum column {
	COL_ID,
	COL_EARLY_START,
	COL_EARLY_FINISH,
	COL_LATE_START,
	COL_LATE_FINISH,
	COL_TOTAL_FLOAT,
	COL_FREE_FLOAT,
	COL_CRITICAL,
	/* Optional: an empty cell is not checked. */
	COL_DURATION,
	COL_MILESTONE_EARLY,
	COL_MILESTONE_LATE,
	COL_EXPLAIN_EARLY,
	COL_EXPLAIN_LATE,
	COLUMN_COUNT
};

#define REQUIRED_COLUMNS COL_DURATION

static const char *const column_names[COLUMN_COUNT] = {
    "id",          "early_start",     "early_finish",   "late_start",
    "late_finish", "total_float",     "free_float",     "critical",
    "duration",    "milestone_early", "milestone_late", "explain_early",
    "explain_late"};

/* A record's fields, NUL-terminated, in one buffer. */
struct record {
	char *text;
	size_t used, capacity;
	size_t start[COLUMN_COUNT + 1];
	size_t fields;
	int line;
	int overflow; /* more fields than any header may have */
};

static int
record_put(struct record *rec, char c)
{
	if (rec->used == rec->capacity) {
		size_t capacity = rec->capacity ? 2 * rec->capacity : 256;
		char *bigger = realloc(rec->text, capacity);

		if (!bigger)
			return -1;
		rec->text = bigger;
		rec->capacity = capacity;
	}
	rec->text[rec->used++] = c;
	return 0;
}

static const char *
field(const struct record *rec, size_t k)
{
	return rec->text + rec->start[k];
}

/* The next non-blank record from *pos into rec: 1, 0 at the end, -1
 * after complaining. *line counts lines from 1. Unquoted fields are
 * trimmed of blanks. */
static int
next_record(struct record *rec, struct report *r, const char **pos, int *line)
{
	const char *p = *pos;

	for (;;) {
		int quoted = 0, any = 0;
		size_t field_start, trim_to;

		rec->used = 0;
		rec->fields = 0;
		rec->overflow = 0;
		if (!*p)
			return 0;
		rec->line = ++*line;
		for (;;) {
			field_start = rec->used;
			quoted = 0;
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p == '"') {
				quoted = 1;
				p++;
				for (;;) {
					if (!*p) {
						complain(r,
						         "expected.csv line "
						         "%d: unterminated "
						         "quote",
						         rec->line);
						return -1;
					}
					if (*p == '"' && p[1] == '"')
						p++;
					else if (*p == '"')
						break;
					if (*p == '\n')
						++*line;
					if (record_put(rec, *p++))
						return -1;
				}
				p++;
				while (*p == ' ' || *p == '\t')
					p++;
				if (*p && *p != ',' && *p != '\n' &&
				    *p != '\r') {
					complain(r,
					         "expected.csv line %d: text "
					         "after a closing quote",
					         *line);
					return -1;
				}
			} else {
				while (*p && *p != ',' && *p != '\n' &&
				       *p != '\r')
					if (record_put(rec, *p++))
						return -1;
			}
			trim_to = rec->used;
			while (!quoted && trim_to > field_start &&
			       (rec->text[trim_to - 1] == ' ' ||
			        rec->text[trim_to - 1] == '\t'))
				trim_to--;
			rec->used = trim_to;
			if (quoted || rec->used > field_start)
				any = 1;
			if (record_put(rec, '\0'))
				return -1;
			if (rec->fields < COLUMN_COUNT)
				rec->start[rec->fields++] = field_start;
			else
				rec->overflow = 1;
			if (*p != ',')
				break;
			p++;
		}
		if (*p == '\r')
			p++;
		if (*p == '\n')
			p++;
		if (any || rec->fields > 1) {
			*pos = p;
			return 1;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Comparing */

static const char *
show(ukwd_date d, char buf[UKWD_DATE_STRLEN])
{
	if (ukwd_date_format(buf, UKWD_DATE_STRLEN, d) != 0)
		snprintf(buf, UKWD_DATE_STRLEN, "(bad)");
	return buf;
}

static int
parse_int(int32_t *out, const char *text)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (end == text || *end || errno || v < INT32_MIN || v > INT32_MAX)
		return -1;
	*out = (int32_t)v;
	return 0;
}

/* Check one expected.csv record against task `t`; the cells are known to
 * be well formed. */
static void
compare_task(struct report *r, const ukwd_schedule *sched, size_t t,
             const struct record *rec, const int *where)
{
	static const char *const day_names[2] = {"start", "end"};
	static const char *const sides[2] = {"early", "late"};
	const char *id = field(rec, (size_t)where[COL_ID]);
	ukwd_scheduled_task row;
	char got[UKWD_DATE_STRLEN];
	int32_t value;

	if (ukwd_schedule_task(&row, sched, t) != 0) {
		complain(r, "task '%s': ukwd_schedule_task() failed", id);
		return;
	}
	for (int k = 0; k < 4; k++) {
		const ukwd_date d[4] = {row.early_start, row.early_finish,
		                        row.late_start, row.late_finish};
		const char *cell =
		    field(rec, (size_t)where[COL_EARLY_START + k]);

		if (strcmp(show(d[k], got), cell) != 0)
			complain(r, "task '%s', %s: got %s, want %s", id,
			         column_names[COL_EARLY_START + k], got, cell);
	}
	parse_int(&value, field(rec, (size_t)where[COL_TOTAL_FLOAT]));
	if (row.total_float != value)
		complain(r, "task '%s', total_float: got %d, want %d", id,
		         (int)row.total_float, (int)value);
	parse_int(&value, field(rec, (size_t)where[COL_FREE_FLOAT]));
	if (row.free_float != value)
		complain(r, "task '%s', free_float: got %d, want %d", id,
		         (int)row.free_float, (int)value);
	if (strcmp(row.critical ? "yes" : "no",
	           field(rec, (size_t)where[COL_CRITICAL])) != 0)
		complain(r, "task '%s', critical: got %s, want %s", id,
		         row.critical ? "yes" : "no",
		         field(rec, (size_t)where[COL_CRITICAL]));
	if (where[COL_DURATION] >= 0 &&
	    *field(rec, (size_t)where[COL_DURATION])) {
		parse_int(&value, field(rec, (size_t)where[COL_DURATION]));
		if (row.duration != value)
			complain(r, "task '%s', duration: got %d, want %d", id,
			         (int)row.duration, (int)value);
	}
	for (int side = 0; side < 2; side++) {
		ukwd_milestone_day day =
		    side ? row.late_milestone_day : row.early_milestone_day;
		int col = where[COL_MILESTONE_EARLY + side];
		const char *cell = col >= 0 ? field(rec, (size_t)col) : "";

		if (*cell && strcmp(day_names[day != UKWD_MILESTONE_AT_START],
		                    cell) != 0)
			complain(r, "task '%s', milestone_%s: got %s, want %s",
			         id, sides[side],
			         day_names[day != UKWD_MILESTONE_AT_START],
			         cell);
	}
	for (int side = 0; side < 2; side++) {
		int col = where[COL_EXPLAIN_EARLY + side];
		const char *cell = col >= 0 ? field(rec, (size_t)col) : "";
		char buf[512];

		if (!*cell)
			continue;
		if (ukwd_schedule_explain(buf, sizeof(buf), NULL, sched, t,
		                          side ? UKWD_SCHEDULE_LATE
		                               : UKWD_SCHEDULE_EARLY) != 0)
			complain(r,
			         "task '%s', explain_%s: "
			         "ukwd_schedule_explain() failed",
			         id, sides[side]);
		else if (strcmp(buf, cell) != 0)
			complain(r,
			         "task '%s', explain_%s:\n   got \"%s\"\n"
			         "  want \"%s\"",
			         id, sides[side], buf, cell);
	}
}

/* Whether a record's cells are well formed; complains about each that
 * is not. */
static int
check_cells(struct report *r, const struct record *rec, const int *where)
{
	int bad = 0;
	int32_t value, total_float = 0;
	ukwd_date d;

	for (int c = COL_EARLY_START; c <= COL_LATE_FINISH; c++) {
		const char *cell = field(rec, (size_t)where[c]);
		const char *rest;

		if (leading_date(&d, cell, &rest) || *rest) {
			complain(r,
			         "expected.csv line %d: %s: '%s' is not "
			         "a date, YYYY-MM-DD",
			         rec->line, column_names[c], cell);
			bad = 1;
		}
	}
	for (int c = COL_TOTAL_FLOAT; c <= COL_FREE_FLOAT; c++)
		if (parse_int(&value, field(rec, (size_t)where[c]))) {
			complain(r,
			         "expected.csv line %d: %s: '%s' is not a "
			         "whole number of working days",
			         rec->line, column_names[c],
			         field(rec, (size_t)where[c]));
			bad = 1;
		} else if (c == COL_TOTAL_FLOAT) {
			total_float = value;
		}
	{
		const char *cell = field(rec, (size_t)where[COL_CRITICAL]);

		if (strcmp(cell, "yes") && strcmp(cell, "no")) {
			complain(r,
			         "expected.csv line %d: critical: '%s' is "
			         "not 'yes' or 'no'",
			         rec->line, cell);
			bad = 1;
		} else if (!bad &&
		           (strcmp(cell, "yes") == 0) != (total_float <= 0)) {
			/* ukwd/schedule.h: critical when total float <= 0. */
			complain(r,
			         "expected.csv line %d: critical: '%s' with "
			         "total_float %d (critical means total float "
			         "0 or less)",
			         rec->line, cell, (int)total_float);
			bad = 1;
		}
	}
	if (where[COL_DURATION] >= 0 &&
	    *field(rec, (size_t)where[COL_DURATION]) &&
	    parse_int(&value, field(rec, (size_t)where[COL_DURATION]))) {
		complain(r, "expected.csv line %d: duration: not a number",
		         rec->line);
		bad = 1;
	}
	for (int c = COL_MILESTONE_EARLY; c <= COL_MILESTONE_LATE; c++) {
		const char *cell =
		    where[c] >= 0 ? field(rec, (size_t)where[c]) : "";

		if (*cell && strcmp(cell, "start") && strcmp(cell, "end")) {
			complain(r,
			         "expected.csv line %d: %s: '%s' is not "
			         "'start', 'end' or empty",
			         rec->line, column_names[c], cell);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

/* The header: where[c] is column c's field, or -1. 0 or -1. */
static int
read_header(struct report *r, const struct record *rec, int *where)
{
	int bad = 0;

	for (int c = 0; c < COLUMN_COUNT; c++)
		where[c] = -1;
	if (rec->overflow) {
		complain(r, "expected.csv line %d: more than %d columns",
		         rec->line, COLUMN_COUNT);
		return -1;
	}
	for (size_t k = 0; k < rec->fields; k++) {
		int c = 0;

		while (c < COLUMN_COUNT &&
		       strcmp(column_names[c], field(rec, k)))
			c++;
		if (c == COLUMN_COUNT || where[c] >= 0) {
			complain(r, "expected.csv line %d: column '%s' is %s",
			         rec->line, field(rec, k),
			         c == COLUMN_COUNT ? "unknown" : "repeated");
			bad = 1;
		} else {
			where[c] = (int)k;
		}
	}
	for (int c = 0; c < REQUIRED_COLUMNS; c++)
		if (where[c] < 0) {
			complain(r, "expected.csv: missing column '%s'",
			         column_names[c]);
			bad = 1;
		}
	return bad ? -1 : 0;
}

/* Compare the schedule with expected.csv: every task of the plan once. */
static void
compare_expected(struct report *r, const ukwd_schedule *sched,
                 const char *expected)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	size_t n = ukwd_plan_task_count(plan);
	struct record rec = {0};
	int where[COLUMN_COUNT], line = 0, rc;
	int *seen = calloc(n + 1, sizeof(*seen));
	const char *pos = expected;
	size_t header_fields;

	if (!seen) {
		complain(r, "out of memory");
		return;
	}
	rc = next_record(&rec, r, &pos, &line);
	if (rc == 0)
		complain(r, "expected.csv: empty, not even a header");
	if (rc <= 0 || read_header(r, &rec, where) != 0)
		goto done;
	header_fields = rec.fields;
	while ((rc = next_record(&rec, r, &pos, &line)) == 1) {
		size_t t;

		if (rec.overflow || rec.fields != header_fields) {
			complain(r,
			         "expected.csv line %d: %zu fields, the header "
			         "has %zu",
			         rec.line, rec.fields, header_fields);
			continue;
		}
		if (ukwd_plan_find(&t, plan,
		                   field(&rec, (size_t)where[COL_ID]))) {
			complain(r,
			         "expected.csv line %d: no task '%s' in "
			         "plan.csv",
			         rec.line, field(&rec, (size_t)where[COL_ID]));
			continue;
		}
		if (seen[t]) {
			complain(r,
			         "expected.csv line %d: task '%s' again "
			         "(first on line %d)",
			         rec.line, field(&rec, (size_t)where[COL_ID]),
			         seen[t]);
			continue;
		}
		seen[t] = rec.line;
		if (check_cells(r, &rec, where) != 0)
			continue;
		compare_task(r, sched, t, &rec, where);
	}
	for (size_t t = 0; rc == 0 && t < n; t++)
		if (!seen[t])
			complain(r, "task '%s' is not in expected.csv",
			         ukwd_plan_task_id(plan, t));
done:
	free(rec.text);
	free(seen);
}

/* ukwd_schedule_negative_float(): the tasks with negative total float, in
 * plan order, as ukwd_schedule_task() gives it (compared above). */
static void
compare_negative_float(struct report *r, const ukwd_schedule *sched)
{
	const size_t *tasks = NULL;
	size_t count = 0, k = 0;
	size_t n = ukwd_schedule_task_count(sched);

	if (ukwd_schedule_negative_float(&tasks, &count, sched) != 0) {
		complain(r, "ukwd_schedule_negative_float() failed");
		return;
	}
	for (size_t t = 0; t < n; t++) {
		ukwd_scheduled_task row;

		if (ukwd_schedule_task(&row, sched, t) != 0 ||
		    row.total_float >= 0)
			continue;
		if (k >= count || tasks[k] != t) {
			complain(
			    r,
			    "negative float: task '%s' is not listed "
			    "in its place",
			    ukwd_plan_task_id(ukwd_schedule_plan(sched), t));
			return;
		}
		k++;
	}
	if (k != count)
		complain(r, "negative float: %zu tasks listed, %zu have it",
		         count, k);
}

/* The span and the critical paths the settings give. */
static void
compare_settings(struct report *r, const ukwd_schedule *sched,
                 const struct settings *s)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	char got[2][UKWD_DATE_STRLEN], want[2][UKWD_DATE_STRLEN];

	if (s->have_span) {
		ukwd_date first = 0, last = 0;
		int32_t days = 0;

		if (ukwd_schedule_span(&first, &last, &days, sched) != 0)
			complain(r, "span: ukwd_schedule_span() failed");
		else if (first != s->span_start || last != s->span_finish ||
		         days != s->span_days)
			complain(r, "span: got %s %s %d, want %s %s %d",
			         show(first, got[0]), show(last, got[1]),
			         (int)days, show(s->span_start, want[0]),
			         show(s->span_finish, want[1]),
			         (int)s->span_days);
	}
	if (s->paths && ukwd_schedule_critical_path_count(sched) != s->paths)
		complain(r, "critical paths: got %zu, want %zu",
		         ukwd_schedule_critical_path_count(sched), s->paths);
	for (size_t p = 0; p < s->paths; p++) {
		const size_t *tasks = NULL;
		size_t count = 0, k = 0;
		const char *ids = s->path[p];
		char text[1024];
		size_t used = 0;

		if (ukwd_schedule_critical_path(&tasks, &count, sched, p) != 0)
			count = 0;
		text[0] = '\0';
		for (size_t i = 0; i < count && used < sizeof(text); i++)
			used += (size_t)snprintf(
			    text + used, sizeof(text) - used, "%s%s",
			    i ? " " : "", ukwd_plan_task_id(plan, tasks[i]));
		/* Compare id by id, blanks between them. */
		while (*ids) {
			size_t len = strcspn(ids, " \t");
			const char *id = k < count
			                     ? ukwd_plan_task_id(plan, tasks[k])
			                     : NULL;

			if (!id || strlen(id) != len || memcmp(id, ids, len))
				break;
			k++;
			ids += len;
			while (*ids == ' ' || *ids == '\t')
				ids++;
		}
		if (*ids || k != count)
			complain(r,
			         "critical path %zu: got \"%s\", want \"%s\"",
			         p + 1, text, s->path[p]);
	}
}

/* ------------------------------------------------------------------ */
/* One case */

struct case_texts {
	char *settings; /* changed as it is read */
	const char *plan;
	size_t plan_size;
	const char *expected;
};

/* Run one case given as text (settings is changed). The problems go to
 * r: none when the schedule is as expected. */
static void
check_texts(struct report *r, const struct case_texts *c)
{
	struct settings s;
	ukwd_calendar *cal = NULL;
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched = NULL;
	ukwd_schedule_options options = UKWD_SCHEDULE_OPTIONS_INIT;
	ukwd_diag diag;

	if (read_settings(&s, r, c->settings) != 0 ||
	    read_calendar(&cal, r, s.calendar) != 0)
		goto done;
	if (ukwd_plan_read_csv(&plan, c->plan, c->plan_size, "plan.csv",
	                       &diag) != 0) {
		complain(r, "plan.csv line %d column %d: %s", diag.line,
		         diag.column, diag.message);
		goto done;
	}
	if (s.have_deadline && ukwd_plan_set_deadline(plan, s.deadline) != 0) {
		complain(r, "settings: the deadline is refused");
		goto done;
	}
	options.direction = s.direction;
	if (ukwd_schedule_new(&sched, plan, cal, s.date, &options, &diag) !=
	    0) {
		complain(r, "ukwd_schedule_new(): %s", diag.message);
		goto done;
	}
	compare_expected(r, sched, c->expected);
	compare_negative_float(r, sched);
	compare_settings(r, sched, &s);
done:
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* Read the case directory `name` and run it. */
static void
check_case(struct report *r, const char *name)
{
	static const char *const files[3] = {"settings", "plan.csv",
	                                     "expected.csv"};
	char *text[3] = {NULL, NULL, NULL};
	size_t size[3] = {0, 0, 0};
	int missing = 0;

	for (int f = 0; f < 3; f++) {
		char path[1024];
		int err;

		snprintf(path, sizeof(path), "%s/%s/%s", cases_dir, name,
		         files[f]);
		err = read_file(&text[f], &size[f], path);
		if (err) {
			complain(r, "cannot read %s: %s", path, strerror(err));
			missing = 1;
		}
	}
	if (!missing) {
		struct case_texts c = {text[0], text[1], size[1], text[2]};

		check_texts(r, &c);
	}
	for (int f = 0; f < 3; f++)
		free(text[f]);
}

static void
test_case(void **state)
{
	const char *name = *state;
	struct report r = {.used = 0, .problems = 0};

	r.text[0] = '\0';
	check_case(&r, name);
	if (r.problems)
		fail_msg("schedule case '%s' (%s/%s): %d problem%s:\n%s", name,
		         cases_dir, name, r.problems,
		         r.problems == 1 ? "" : "s", r.text);
}

/* ------------------------------------------------------------------ */
/* The driver fails when it should */

/* Run a case held in strings; its report in r. */
static void
run_strings(struct report *r, const char *settings, const char *plan,
            const char *expected)
{
	char *copy = strdup(settings);
	struct case_texts c;

	assert_non_null(copy);
	c.settings = copy;
	c.plan = plan;
	c.plan_size = strlen(plan);
	c.expected = expected;
	memset(r, 0, sizeof(*r));
	check_texts(r, &c);
	free(copy);
}

static const char good_settings[] = "# two tasks\n"
                                    "calendar = england-2023\n"
                                    "direction = forward\n"
                                    "date = 2023-05-03\n"
                                    "span = 2023-05-03 2023-05-10 5\n"
                                    "path = a b\n";
static const char good_plan[] = "id,name,duration,predecessors\n"
                                "a,Survey,3,\n"
                                "b,Report,2,a\n";
/* As test_fs__successor_starts_the_working_day_after_the_predecessor_
 * finishes had it: b starts Tue 9 May, after the Coronation. */
static const char good_expected[] =
    "id,early_start,early_finish,late_start,late_finish,total_float,"
    "free_float,critical,explain_early\n"
    "a,2023-05-03,2023-05-05,2023-05-03,2023-05-05,0,0,yes,\n"
    "b,2023-05-09,2023-05-10,2023-05-09,2023-05-10,0,0,yes,"
    "starts 2023-05-09: after 'Survey' finishes (FS)\n";

static void
expect_problem(const struct report *r, const char *text)
{
	if (!r->problems || !strstr(r->text, text))
		fail_msg("want a problem saying \"%s\"; got %d:\n%s", text,
		         r->problems, r->text);
}

static void
test_driver__passes_a_right_case(void **state)
{
	struct report r;

	(void)state;
	run_strings(&r, good_settings, good_plan, good_expected);
	if (r.problems)
		fail_msg("%s", r.text);
}

static void
test_driver__names_the_task_and_field_of_a_wrong_value(void **state)
{
	struct report r;
	char wrong[sizeof(good_expected)];
	char *at;

	(void)state;
	/* b's late finish one day later than it is. */
	memcpy(wrong, good_expected, sizeof(wrong));
	at = strstr(wrong, "b,2023-05-09,2023-05-10,2023-05-09,2023-05-10");
	assert_non_null(at);
	at[strlen("b,2023-05-09,2023-05-10,2023-05-09,2023-05-1")] = '1';
	run_strings(&r, good_settings, good_plan, wrong);
	assert_int_equal(r.problems, 1);
	expect_problem(
	    &r, "task 'b', late_finish: got 2023-05-10, want 2023-05-11");
	/* A wrong float, critical mark and sentence: each is named. */
	run_strings(&r, good_settings, good_plan,
	            "id,early_start,early_finish,late_start,late_finish,"
	            "total_float,free_float,critical,explain_early\n"
	            "a,2023-05-03,2023-05-05,2023-05-03,2023-05-05,1,0,no,\n"
	            "b,2023-05-09,2023-05-10,2023-05-09,2023-05-10,0,0,yes,"
	            "starts 2023-05-09: after 'Survey' ends (FS)\n");
	expect_problem(&r, "task 'a', total_float: got 0, want 1");
	expect_problem(&r, "task 'a', critical: got yes, want no");
	expect_problem(&r, "task 'b', explain_early:");
	assert_int_equal(r.problems, 3);
}

static void
test_driver__refuses_a_case_that_leaves_out_a_task(void **state)
{
	struct report r;

	(void)state;
	run_strings(&r, good_settings, good_plan,
	            "id,early_start,early_finish,late_start,late_finish,"
	            "total_float,free_float,critical\n"
	            "a,2023-05-03,2023-05-05,2023-05-03,2023-05-05,0,0,yes\n");
	expect_problem(&r, "task 'b' is not in expected.csv");
	run_strings(&r, good_settings, good_plan,
	            "id,early_start,early_finish,late_start,late_finish,"
	            "total_float,free_float,critical\n"
	            "a,2023-05-03,2023-05-05,2023-05-03,2023-05-05,0,0,yes\n"
	            "c,2023-05-03,2023-05-05,2023-05-03,2023-05-05,0,0,yes\n");
	expect_problem(&r, "expected.csv line 3: no task 'c' in plan.csv");
}

static void
test_driver__refuses_malformed_files_saying_where(void **state)
{
	struct report r;

	(void)state;
	run_strings(&r, "calendar = england-2023\ndirection = sideways\n",
	            good_plan, good_expected);
	expect_problem(&r, "settings line 2: direction:");
	expect_problem(&r, "calendar, direction and date are required");
	run_strings(&r,
	            "calendar = england-2023\ndirection = forward\n"
	            "date = 2023-05-03\nstart = 2023-05-03\n",
	            good_plan, good_expected);
	expect_problem(&r, "settings line 4: unknown key 'start'");
	run_strings(&r,
	            "calendar = no-such\ndirection = forward\n"
	            "date = 2023-05-03\n",
	            good_plan, good_expected);
	expect_problem(&r, "no-such.calendar");
	run_strings(&r, good_settings, "id,name,duration,predecessors\na,,x,\n",
	            good_expected);
	expect_problem(&r, "plan.csv line 2");
	run_strings(&r, good_settings, good_plan,
	            "id,early_start,early_finish,late_start,late_finish,"
	            "total_float,free_float\n");
	expect_problem(&r, "expected.csv: missing column 'critical'");
	run_strings(&r, good_settings, good_plan,
	            "id,early_start,early_finish,late_start,late_finish,"
	            "total_float,free_float,critical\n"
	            "a,2023-05-03,2023-05-05,2023-05-03,2023-05-05,0,0,yes\n"
	            "b,2023-05-09,2023-05-10,2023-05-09,10 May,0,0,yes\n");
	expect_problem(&r, "expected.csv line 3: late_finish: '10 May' is "
	                   "not a date");
	run_strings(&r, good_settings, good_plan,
	            "id,early_start,early_finish,late_start,late_finish,"
	            "total_float,free_float,critical\n"
	            "a,2023-05-03,2023-05-05,2023-05-03,2023-05-05,0,0,no\n"
	            "b,2023-05-09,2023-05-10,2023-05-09,2023-05-10,0,0\n");
	expect_problem(&r, "expected.csv line 2: critical: 'no' with "
	                   "total_float 0");
	expect_problem(&r, "expected.csv line 3: 7 fields, the header has 8");
}

static void
test_driver__refuses_a_case_with_a_missing_file(void **state)
{
	struct report r;

	(void)state;
	memset(&r, 0, sizeof(r));
	check_case(&r, "no-such-case");
	expect_problem(&r, "no-such-case/settings");
	expect_problem(&r, "no-such-case/plan.csv");
	expect_problem(&r, "no-such-case/expected.csv");
}

static void
test_driver__checks_the_span_and_the_critical_paths(void **state)
{
	struct report r;
	char settings[sizeof(good_settings)];

	(void)state;
	/* The span one day short, and no paths. */
	memcpy(settings, good_settings, sizeof(settings));
	memcpy(strstr(settings, "10 5"), "09", 2);
	*strstr(settings, "path = a b") = '\0';
	run_strings(&r, settings, good_plan, good_expected);
	expect_problem(&r, "span: got 2023-05-03 2023-05-10 5, want "
	                   "2023-05-03 2023-05-09 5");
	run_strings(&r,
	            "calendar = england-2023\ndirection = forward\n"
	            "date = 2023-05-03\npath = a\npath = b\n",
	            good_plan, good_expected);
	expect_problem(&r, "critical paths: got 1, want 2");
	expect_problem(&r, "critical path 1: got \"a b\", want \"a\"");
}

/* ------------------------------------------------------------------ */

#define MAX_CASES 512
static char *case_names[MAX_CASES];
static size_t case_count;
static char list_problem[512];

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every directory of the cases directory, sorted. */
static void
list_cases(void)
{
	DIR *d;
	struct dirent *entry;

	if (!cases_dir) {
		snprintf(list_problem, sizeof(list_problem),
		         "usage: test-schedule-cases DIR (tests/schedule; "
		         "meson test passes it)");
		return;
	}
	d = opendir(cases_dir);
	if (!d) {
		snprintf(list_problem, sizeof(list_problem),
		         "cannot open the cases directory %.300s: %s",
		         cases_dir, strerror(errno));
		return;
	}
	while ((entry = readdir(d))) {
		char path[1024];
		struct stat st;

		if (entry->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", cases_dir, entry->d_name);
		if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
			continue;
		if (case_count == MAX_CASES) {
			snprintf(list_problem, sizeof(list_problem),
			         "more than %d cases", MAX_CASES);
			break;
		}
		case_names[case_count] = strdup(entry->d_name);
		if (!case_names[case_count]) {
			snprintf(list_problem, sizeof(list_problem),
			         "out of memory");
			break;
		}
		case_count++;
	}
	closedir(d);
	qsort(case_names, case_count, sizeof(case_names[0]), compare_names);
}

/* The cases are there: a wrong directory must not pass with none. */
static void
test_cases__are_there(void **state)
{
	(void)state;
	if (*list_problem)
		fail_msg("%s", list_problem);
	if (case_count < 30)
		fail_msg("only %zu cases in %s", case_count, cases_dir);
}

int
main(int argc, char **argv)
{
	static const struct CMUnitTest driver_tests[] = {
	    cmocka_unit_test(test_cases__are_there),
	    cmocka_unit_test(test_driver__passes_a_right_case),
	    cmocka_unit_test(
	        test_driver__names_the_task_and_field_of_a_wrong_value),
	    cmocka_unit_test(
	        test_driver__refuses_a_case_that_leaves_out_a_task),
	    cmocka_unit_test(test_driver__refuses_malformed_files_saying_where),
	    cmocka_unit_test(test_driver__refuses_a_case_with_a_missing_file),
	    cmocka_unit_test(
	        test_driver__checks_the_span_and_the_critical_paths),
	};
	const size_t fixed = sizeof(driver_tests) / sizeof(driver_tests[0]);
	struct CMUnitTest *tests;
	int failed;

	cases_dir = argc > 1 ? argv[1] : NULL;
	list_cases();
	tests = calloc(fixed + case_count, sizeof(*tests));
	if (!tests) {
		fprintf(stderr, "out of memory\n");
		return 1;
	}
	memcpy(tests, driver_tests, sizeof(driver_tests));
	for (size_t k = 0; k < case_count; k++) {
		tests[fixed + k].name = case_names[k];
		tests[fixed + k].test_func = test_case;
		tests[fixed + k].initial_state = case_names[k];
	}
	failed = _cmocka_run_group_tests("schedule-cases", tests,
	                                 fixed + case_count, NULL, NULL);
	free(tests);
	for (size_t k = 0; k < case_count; k++)
		free(case_names[k]);
	return failed;
}
