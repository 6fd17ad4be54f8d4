/* Reading a plan from CSV: RFC 4180 records, a header naming the columns,
 * one task per record; predecessors are resolved once every task is
 * known, then the whole plan is checked for cycles. Any error names the
 * line (and column) and leaves the caller with no plan. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#include <emmintrin.h>
#endif

#include "ukwd/plan.h"
#include "plan-private.h"
#include "internal.h"
#include "suggest.h"

/* Text quoted in messages is cut to this many bytes. */
#define QUOTE 40

enum column {
	COL_ID,
	COL_NAME,
	COL_DURATION,
	COL_PREDECESSORS,
	COL_DEADLINE,
	COL_START_NO_EARLIER_THAN,
	COL_FINISH_NO_LATER_THAN,
	COL_MUST_START_ON,
	COL_MUST_FINISH_ON,
	COL_ACTUAL_START,
	COL_ACTUAL_FINISH,
	COL_OPTIMISTIC,
	COL_MOST_LIKELY,
	COL_PESSIMISTIC,
	COL_SOURCE,
	COL_CITATION,
	COL_REFERENCE,
	COL_COUNT
};

/* Required columns come first. */
#define REQUIRED_COLUMNS 4

static const char *const column_names[COL_COUNT] = {
    "id",
    "name",
    "duration",
    "predecessors",
    "deadline",
    "start_no_earlier_than",
    "finish_no_later_than",
    "must_start_on",
    "must_finish_on",
    "actual_start",
    "actual_finish",
    "optimistic",
    "most_likely",
    "pessimistic",
    "source",
    "citation",
    "reference",
};

/* The date columns and the constraint each sets. */
static const struct {
	enum column column;
	ukwd_constraint_type type;
} date_columns[] = {
    {COL_DEADLINE, UKWD_CONSTRAINT_DEADLINE},
    {COL_START_NO_EARLIER_THAN, UKWD_CONSTRAINT_START_NO_EARLIER_THAN},
    {COL_FINISH_NO_LATER_THAN, UKWD_CONSTRAINT_FINISH_NO_LATER_THAN},
    {COL_MUST_START_ON, UKWD_CONSTRAINT_MUST_START_ON},
    {COL_MUST_FINISH_ON, UKWD_CONSTRAINT_MUST_FINISH_ON},
    {COL_ACTUAL_START, UKWD_CONSTRAINT_ACTUAL_START},
    {COL_ACTUAL_FINISH, UKWD_CONSTRAINT_ACTUAL_FINISH},
};

struct field {
	size_t offset; /* into csv.text */
	int line, column;
	int quoted;
	const char *raw; /* unquoted: where the field starts in the data */
};

struct csv {
	const char *p, *end;
	const char *line_start;
	int line;
	char *text; /* the record's fields, unquoted, each NUL-terminated */
	size_t text_len, text_capacity;
	struct field *fields;
	size_t nfields, field_capacity;
	/* A record stops being read after this many fields (0: no limit),
	 * so that a line of commas costs no more than the header allows;
	 * truncated says there was more. */
	size_t max_fields;
	int truncated;
	ukwd_diag *diag;
	const char *source_name;
};

/* Recently defined ids, for predecessors: a direct-mapped cache of the id
 * and task index + 1 by a hash of the id. Predecessors are mostly defined
 * a little before the tasks that name them; this saves a probe of the
 * plan's whole id index (a cache miss, in a big plan) for most of them,
 * and holding the id itself saves reading the task to compare it. At 1 MB
 * it stays in a core's cache and holds a window of some thousands of
 * tasks with few collisions. */
#define RECENT_IDS 65536

struct recent_id {
	const char *id;
	size_t task; /* index + 1, 0 for none */
};

/* What an id contains that a predecessor's link type or lag contains
 * too. A predecessor with such a part is looked up whole only if some id
 * has it: a lookup that must fail is a wasted cache miss. */
#define ID_HAS_COLON 1u /* ':' */
#define ID_HAS_SIGN  2u /* '+' or '-' */
#define ID_HAS_TYPE  4u /* ends in FS, SS, FF or SF */

/* What phase 2 needs to know about each task's predecessors. */
struct pending {
	struct recent_id *recent; /* RECENT_IDS */
	unsigned int id_shape;    /* what the ids contain: ID_HAS_* */
	/* Each task's predecessors field: an unquoted one where it is in
	 * the data (offset | IN_DATA), up to the byte that ended it; a
	 * quoted one copied into text, NUL-terminated. Lines and columns
	 * are not kept: an error finds its place by reading again. */
	const char *data, *data_end;
	int id_field, predecessors_field; /* the columns' positions */
	char *text;
	size_t len, capacity;
	size_t *offset; /* per task */
	size_t capacity_tasks;
	char *field; /* the field being split, NUL-terminated */
	size_t field_capacity;
};

#define IN_DATA ((size_t)1 << (sizeof(size_t) * 8 - 1))

static int csv_error(struct csv *csv, int code, int line, int column,
                     const char *fmt, ...) UKWD__PRINTF(5, 6);

static int
csv_error(struct csv *csv, int code, int line, int column, const char *fmt, ...)
{
	char message[UKWD_DIAG_MESSAGE_SIZE];
	va_list ap;

	if (!csv->diag)
		return code;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	ukwd__diag_set(csv->diag, code, line, column, "%s", message);
	if (csv->source_name)
		snprintf(csv->diag->source, sizeof(csv->diag->source), "%s",
		         csv->source_name);
	return code;
}

/* Bytes that end an unquoted field: ',', CR, LF and NUL. */
static const unsigned char field_end[256] = {
    [','] = 1, ['\n'] = 1, ['\r'] = 1, ['\0'] = 1};

static int
put_char(struct csv *csv, char c)
{
	if (csv->text_len == csv->text_capacity &&
	    ukwd__grow((void **)&csv->text, &csv->text_capacity,
	               csv->text_len + 1, 1, 64))
		return UKWD_ENOMEM;
	csv->text[csv->text_len++] = c;
	return 0;
}

static int
put_bytes(struct csv *csv, const char *bytes, size_t len)
{
	if (len == 0)
		return 0;
	if (csv->text_capacity - csv->text_len < len &&
	    ukwd__grow((void **)&csv->text, &csv->text_capacity,
	               csv->text_len + len, 1, 64))
		return UKWD_ENOMEM;
	memcpy(csv->text + csv->text_len, bytes, len);
	csv->text_len += len;
	return 0;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Step over a line break at p (LF, CRLF or a lone CR). */
static void
newline(struct csv *csv)
{
	if (*csv->p == '\r' && csv->p + 1 < csv->end && csv->p[1] == '\n')
		csv->p++;
	csv->p++;
	csv->line++;
	csv->line_start = csv->p;
}

static int
nul_error(struct csv *csv)
{
	return csv_error(csv, UKWD_EPARSE, csv->line,
	                 (int)(csv->p - csv->line_start) + 1,
	                 "NUL byte in the input");
}

/* A quoted field, from its opening quote. */
static int
read_quoted(struct csv *csv)
{
	int open_line = csv->line,
	    open_column = (int)(csv->p - csv->line_start) + 1;

	csv->p++;
	for (;;) {
		const char *run = csv->p;

		while (csv->p < csv->end && *csv->p != '"' && *csv->p != '\n' &&
		       *csv->p != '\r' && *csv->p != '\0')
			csv->p++;
		if (put_bytes(csv, run, (size_t)(csv->p - run)))
			return UKWD_ENOMEM;
		if (csv->p == csv->end)
			return csv_error(csv, UKWD_EPARSE, open_line,
			                 open_column,
			                 "quoted field is never closed");
		if (*csv->p == '\0')
			return nul_error(csv);
		if (*csv->p == '"') {
			if (csv->p + 1 < csv->end && csv->p[1] == '"') {
				if (put_char(csv, '"'))
					return UKWD_ENOMEM;
				csv->p += 2;
				continue;
			}
			csv->p++;
			break;
		}
		/* A line break inside the quotes is part of the field. */
		{
			const char *brk = csv->p;

			newline(csv);
			if (put_bytes(csv, brk, (size_t)(csv->p - brk)))
				return UKWD_ENOMEM;
		}
	}
	while (csv->p < csv->end && is_blank(*csv->p))
		csv->p++;
	if (csv->p < csv->end && *csv->p != ',' && *csv->p != '\n' &&
	    *csv->p != '\r')
		return csv_error(csv, UKWD_EPARSE, csv->line,
		                 (int)(csv->p - csv->line_start) + 1,
		                 "text after a closing quote (a quote inside a "
		                 "quoted field is written \"\")");
	return 0;
}

/* The first byte from p on that ends an unquoted field, or end: sixteen
 * bytes at a time where SSE2 is there (every x86-64), one at a time for
 * the rest. */
static const char *
scan_field_end(const char *p, const char *end)
{
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
	const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'),
	              cr = _mm_set1_epi8('\r'), nul = _mm_setzero_si128();

	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i hit =
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma),
		                              _mm_cmpeq_epi8(v, lf)),
		                 _mm_or_si128(_mm_cmpeq_epi8(v, cr),
		                              _mm_cmpeq_epi8(v, nul)));
		unsigned int bits = (unsigned int)_mm_movemask_epi8(hit);

		if (bits)
			return p + __builtin_ctz(bits);
		p += 16;
	}
#endif
	while (p < end && !field_end[(unsigned char)*p])
		p++;
	return p;
}

static int
read_unquoted(struct csv *csv)
{
	const char *start = csv->p, *p, *end = csv->end;
	size_t len;

	p = scan_field_end(start, end);
	csv->p = p;
	if (csv->p < csv->end && *csv->p == '\0')
		return nul_error(csv);
	len = (size_t)(csv->p - start);
	while (len && is_blank(start[len - 1]))
		len--;
	return put_bytes(csv, start, len) ? UKWD_ENOMEM : 0;
}

/* Read one record into csv->fields. Returns 1, 0 at the end of the input,
 * or a negative code. Blank lines are skipped. */
static int
read_record(struct csv *csv, int *record_line)
{
	for (;;) {
		int rc;

		if (csv->p >= csv->end)
			return 0;
		csv->nfields = 0;
		csv->text_len = 0;
		csv->truncated = 0;
		*record_line = csv->line;
		for (;;) {
			struct field *f;

			while (csv->p < csv->end && is_blank(*csv->p))
				csv->p++;
			if (csv->nfields == csv->field_capacity &&
			    ukwd__grow((void **)&csv->fields,
			               &csv->field_capacity, csv->nfields + 1,
			               sizeof(*csv->fields), 64))
				return UKWD_ENOMEM;
			f = &csv->fields[csv->nfields++];
			f->offset = csv->text_len;
			f->line = csv->line;
			f->column = (int)(csv->p - csv->line_start) + 1;
			f->quoted = csv->p < csv->end && *csv->p == '"';
			f->raw = csv->p;
			if (f->quoted)
				rc = read_quoted(csv);
			else
				rc = read_unquoted(csv);
			if (rc == 0 && put_char(csv, '\0'))
				rc = UKWD_ENOMEM;
			if (rc)
				return rc == UKWD_ENOMEM
				           ? csv_error(csv, rc, 0, 0,
				                       "out of memory")
				           : rc;
			if (csv->p < csv->end && *csv->p == ',') {
				if (csv->nfields == csv->max_fields) {
					csv->truncated = 1;
					return 1;
				}
				csv->p++;
				continue;
			}
			if (csv->p < csv->end)
				newline(csv);
			break;
		}
		if (csv->nfields == 1 && !csv->fields[0].quoted &&
		    csv->text[0] == '\0')
			continue; /* a blank line */
		return 1;
	}
}

static const char *
field_text(const struct csv *csv, size_t i)
{
	return csv->text + csv->fields[i].offset;
}

static size_t
field_len(const struct csv *csv, size_t i)
{
	size_t end =
	    i + 1 < csv->nfields ? csv->fields[i + 1].offset : csv->text_len;

	return end - csv->fields[i].offset - 1;
}

static int
same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char ca = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;

		if (ca != *b)
			return 0;
	}
	return *a == *b;
}

static int
read_header(struct csv *csv, int *where)
{
	int record_line, rc = read_record(csv, &record_line);

	if (rc < 0)
		return rc;
	if (rc == 0)
		return csv_error(csv, UKWD_EPARSE, 1, 0,
		                 "no header: expected a first line such as "
		                 "id,name,duration,predecessors");
	for (int c = 0; c < COL_COUNT; c++)
		where[c] = -1;
	for (size_t i = 0; i < csv->nfields; i++) {
		const char *name = field_text(csv, i);
		const struct field *f = &csv->fields[i];
		int c;

		for (c = 0; c < COL_COUNT; c++)
			if (same_name(name, column_names[c]))
				break;
		if (c == COL_COUNT && !*name)
			return csv_error(csv, UKWD_EPARSE, f->line, f->column,
			                 "empty column name");
		if (c == COL_COUNT) {
			struct ukwd__suggest near;
			const char *best;

			ukwd__suggest_init(&near, name, strlen(name));
			for (c = 0; c < COL_COUNT; c++)
				ukwd__suggest_name(&near, column_names[c]);
			best = ukwd__suggest_best(&near);
			return csv_error(csv, UKWD_EPARSE, f->line, f->column,
			                 "unknown column '%.*s'%s%s%s", QUOTE,
			                 name, best ? "; did you mean '" : "",
			                 best ? best : "", best ? "'?" : "");
		}
		if (where[c] >= 0)
			return csv_error(csv, UKWD_EPARSE, f->line, f->column,
			                 "column '%s' appears twice",
			                 column_names[c]);
		where[c] = (int)i;
	}
	for (int c = 0; c < REQUIRED_COLUMNS; c++)
		if (where[c] < 0)
			return csv_error(
			    csv, UKWD_EPARSE, record_line, 0,
			    "missing column '%s' (the header needs "
			    "id, name, duration and predecessors)",
			    column_names[c]);
	if ((where[COL_OPTIMISTIC] >= 0) != (where[COL_MOST_LIKELY] >= 0) ||
	    (where[COL_OPTIMISTIC] >= 0) != (where[COL_PESSIMISTIC] >= 0))
		return csv_error(csv, UKWD_EPARSE, record_line, 0,
		                 "columns optimistic, most_likely and "
		                 "pessimistic go together: give all three or "
		                 "none");
	return 0;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Is unit (of length len) one of the words in list? */
static int
unit_in(const char *unit, size_t len, const char *const *list)
{
	for (; *list; list++) {
		size_t i;

		if (strlen(*list) != len)
			continue;
		for (i = 0; i < len && lower((unsigned char)unit[i]) ==
		                           (unsigned char)(*list)[i];
		     i++)
			;
		if (i == len)
			return 1;
	}
	return 0;
}

/* A whole number of working days: digits, optionally signed, optionally
 * followed by a day unit. On failure writes why into `why`, to follow
 * the quoted text ("'2w' is in weeks, ..."). */
static int
parse_days(int32_t *out, const char *text, int allow_sign, char *why,
           size_t why_size)
{
	static const char *const days[] = {
	    "",     "d",     "day",          "days", "wd",
	    "wday", "wdays", "working days", NULL};
	static const char *const calendar_units[] = {
	    "w",     "wk",     "wks",    "week",  "weeks", "mo",  "mon",
	    "mons",  "month",  "months", "y",     "yr",    "yrs", "year",
	    "years", "ed",     "eday",   "edays", "ew",    "ewk", "ewks",
	    "eweek", "eweeks", "emo",    "emon",  "emons", NULL};
	const char *p = text, *unit;
	int negative = 0, digits = 0;
	int64_t value = 0;
	size_t unit_len;

	/* Most are a few digits and nothing else. */
	for (; *p >= '0' && *p <= '9' && digits < 7; p++, digits++)
		value = value * 10 + (*p - '0');
	if (digits && !*p && value <= UKWD_PLAN_MAX_WORKING_DAYS) {
		*out = (int32_t)value;
		return 0;
	}
	p = text;
	digits = 0;
	value = 0;
	while (is_blank(*p))
		p++;
	if (allow_sign && (*p == '+' || *p == '-')) {
		negative = *p == '-';
		p++;
		while (is_blank(*p))
			p++;
	}
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		if (value <= UKWD_PLAN_MAX_WORKING_DAYS)
			value = value * 10 + (*p - '0');
	while (is_blank(*p))
		p++;
	unit = p;
	unit_len = strlen(unit);
	while (unit_len && is_blank(unit[unit_len - 1]))
		unit_len--;
	if (unit_len && unit[unit_len - 1] == '?')
		unit_len--; /* Microsoft Project's "estimated" mark */
	if (!digits || *p == '.' || *p == ',' ||
	    !unit_in(unit, unit_len, days)) {
		if (digits && unit_in(unit, unit_len, calendar_units))
			snprintf(
			    why, why_size,
			    "is in weeks, months or elapsed days, which are "
			    "calendar units: give working days");
		else
			snprintf(why, why_size,
			         "is not a whole number of working days");
		return UKWD_EPARSE;
	}
	if (value > UKWD_PLAN_MAX_WORKING_DAYS) {
		snprintf(why, why_size, "is more than %d working days",
		         UKWD_PLAN_MAX_WORKING_DAYS);
		return UKWD_ERANGE;
	}
	*out = (int32_t)(negative ? -value : value);
	return 0;
}

static int
pending_add(struct pending *pend, size_t task, const char *text,
            size_t text_len, const struct field *f)
{
	if (task >= pend->capacity_tasks) {
		size_t capacity =
		    pend->capacity_tasks ? pend->capacity_tasks * 2 : 64;
		size_t *offset =
		    ukwd__realloc(pend->offset, capacity * sizeof(*offset));

		if (!offset)
			return UKWD_ENOMEM;
		pend->offset = offset;
		pend->capacity_tasks = capacity;
	}
	if (!f->quoted) {
		pend->offset[task] = (size_t)(f->raw - pend->data) | IN_DATA;
		return 0;
	}
	if (ukwd__grow((void **)&pend->text, &pend->capacity,
	               pend->len + text_len + 1, 1, 64))
		return UKWD_ENOMEM;
	memcpy(pend->text + pend->len, text, text_len + 1);
	pend->offset[task] = pend->len;
	pend->len += text_len + 1;
	return 0;
}

/* Room for ntasks in the per-task array. */
static int
pending_reserve(struct pending *pend, size_t ntasks)
{
	size_t *offset;

	if (ntasks > pend->capacity_tasks) {
		offset = ukwd__realloc(pend->offset, ntasks * sizeof(*offset));
		if (!offset)
			return UKWD_ENOMEM;
		pend->offset = offset;
		pend->capacity_tasks = ntasks;
	}
	return 0;
}

/* How many records the data may hold, for sizing: lines of at least
 * MIN_RECORD bytes (the shortest task, "a,,0,", is five). Quoted line
 * breaks make it an over-estimate, which costs only address space. */
#define MIN_RECORD 5

static size_t
count_records(const char *p, const char *end)
{
	size_t n = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (!nl)
			nl = end;
		n += nl - p >= MIN_RECORD;
		p = nl + 1;
	}
	return n;
}

static void
pending_free(struct pending *pend)
{
	ukwd__free(pend->recent);
	ukwd__free(pend->text);
	ukwd__free(pend->offset);
	ukwd__free(pend->field);
	memset(pend, 0, sizeof(*pend));
}

static int
type_of(const char *text, size_t len, ukwd_link_type *type)
{
	static const char *const names[] = {"fs", "ss", "ff", "sf"};

	if (len != 2)
		return 0;
	for (int k = 0; k < 4; k++)
		if (lower((unsigned char)text[0]) == names[k][0] &&
		    lower((unsigned char)text[1]) == names[k][1]) {
			*type = (ukwd_link_type)k;
			return 1;
		}
	return 0;
}

/* ID_HAS_TYPE if text (of length len) ends in FS, SS, FF or SF. */
static unsigned int
type_suffix(const char *text, size_t len)
{
	ukwd_link_type type;

	return len > 2 && text[len - 1] >= 'A' && text[len - 1] <= 'Z' &&
	               text[len - 2] >= 'A' && text[len - 2] <= 'Z' &&
	               type_of(text + len - 2, 2, &type)
	           ? ID_HAS_TYPE
	           : 0;
}

/* One pass: this runs for every id. */
static unsigned int
id_shape(const char *text)
{
	size_t len = 0;
	unsigned int shape = 0;

	for (; text[len]; len++) {
		char c = text[len];

		if (c == ':')
			shape |= ID_HAS_COLON;
		else if (c == '+' || c == '-')
			shape |= ID_HAS_SIGN;
	}
	return shape | type_suffix(text, len);
}

/* Could this be an id of the file, as far as its shape goes? */
static int
could_be_id(const struct pending *pend, const char *text)
{
	return (id_shape(text) & ~pend->id_shape) == 0;
}

/* An optional column's text; "" when the header has no such column. */
static const char *
optional_text(struct csv *csv, const int *where, enum column column)
{
	return where[column] >= 0 ? field_text(csv, (size_t)where[column]) : "";
}

/* The columns `source` (a tag alone; empty for none), `citation` and
 * `reference`. */
static int
read_source(struct csv *csv, ukwd_plan *plan, size_t task, const int *where)
{
	const char *tag = optional_text(csv, where, COL_SOURCE);
	ukwd_source source = {UKWD_SOURCE_PROPOSED,
	                      optional_text(csv, where, COL_CITATION),
	                      optional_text(csv, where, COL_REFERENCE)};
	const struct field *f;

	if (!*tag && !*source.citation && !*source.reference)
		return 0;
	if (!*tag) {
		enum column column =
		    *source.citation ? COL_CITATION : COL_REFERENCE;

		f = &csv->fields[where[column]];
		return csv_error(
		    csv, UKWD_EPARSE, f->line, f->column,
		    "%s without a source: give the column 'source' "
		    "a tag (PROPOSED, CHECKLIST, SOURCED or USER)",
		    column_names[column]);
	}
	f = &csv->fields[where[COL_SOURCE]];
	if (ukwd_source_tag_parse(&source.tag, tag,
	                          field_len(csv, (size_t)where[COL_SOURCE])))
		return csv_error(
		    csv, UKWD_EPARSE, f->line, f->column,
		    "source '%.*s' is not a tag: give PROPOSED, "
		    "CHECKLIST, SOURCED or USER, or leave it empty",
		    QUOTE, tag);
	if (ukwd_plan_set_task_source(plan, task, &source))
		return csv_error(csv, UKWD_ENOMEM, 0, 0, "out of memory");
	return 0;
}

/* One record: a task and its dates, estimate and source. */
static int
read_task(struct csv *csv, ukwd_plan *plan, struct pending *pend,
          const int *where, size_t ncolumns, int record_line)
{
	const struct field *fid;
	const char *id, *text;
	char why[UKWD_DIAG_MESSAGE_SIZE];
	ukwd_diag inner;
	size_t task;
	int32_t duration, estimate[3] = {0, 0, 0};
	int rc;

	if (csv->truncated)
		return csv_error(
		    csv, UKWD_EPARSE, record_line, 0,
		    "more than %zu fields where the header has %zu",
		    csv->nfields, ncolumns);
	if (csv->nfields != ncolumns)
		return csv_error(csv, UKWD_EPARSE, record_line, 0,
		                 "%zu field%s where the header has %zu",
		                 csv->nfields, csv->nfields == 1 ? "" : "s",
		                 ncolumns);
	fid = &csv->fields[where[COL_ID]];
	id = field_text(csv, (size_t)where[COL_ID]);
	if (!*id)
		return csv_error(csv, UKWD_EPARSE, fid->line, fid->column,
		                 "empty id");
	text = field_text(csv, (size_t)where[COL_DURATION]);
	rc = parse_days(&duration, text, 0, why, sizeof(why));
	if (rc) {
		const struct field *f = &csv->fields[where[COL_DURATION]];

		return csv_error(csv, rc, f->line, f->column,
		                 "duration '%.*s' %s", QUOTE, text, why);
	}
	/* The id enters the plan's index later, all ids at once
	 * (ukwd_plan_read_csv); a duplicate is reported then, ahead of any
	 * error after this point. */
	task = plan->ntasks;
	rc = ukwd__plan_append_task(
	    plan, id, field_len(csv, (size_t)where[COL_ID]),
	    field_text(csv, (size_t)where[COL_NAME]),
	    field_len(csv, (size_t)where[COL_NAME]), duration);
	if (rc == UKWD_ERANGE)
		return csv_error(csv, rc, record_line, 0,
		                 "too many tasks (at most %zu)",
		                 (size_t)UKWD__PLAN_MAX_TASKS);
	if (rc)
		return csv_error(csv, rc, record_line, 0, "out of memory");
	pend->id_shape |= id_shape(id);
	rc = pending_add(pend, task,
	                 field_text(csv, (size_t)where[COL_PREDECESSORS]),
	                 field_len(csv, (size_t)where[COL_PREDECESSORS]),
	                 &csv->fields[where[COL_PREDECESSORS]]);
	if (rc)
		return csv_error(csv, rc, 0, 0, "out of memory");
	for (size_t i = 0; i < sizeof(date_columns) / sizeof(*date_columns);
	     i++) {
		int at = where[date_columns[i].column];
		const struct field *f;
		ukwd_date date;

		if (at < 0 || !*(text = field_text(csv, (size_t)at)))
			continue;
		f = &csv->fields[at];
		rc = ukwd_date_parse(&date, text, &inner);
		if (rc)
			return csv_error(
			    csv, rc == UKWD_ERANGE ? rc : UKWD_EPARSE, f->line,
			    f->column, "%s '%.*s' is not a date: %s",
			    column_names[date_columns[i].column], QUOTE, text,
			    inner.message);
		rc = ukwd_plan_set_constraint(plan, task, date_columns[i].type,
		                              date, &inner);
		if (rc)
			return csv_error(
			    csv, rc == UKWD_EINVAL ? UKWD_EPARSE : rc, f->line,
			    f->column, "%s", inner.message);
	}
	if (where[COL_OPTIMISTIC] >= 0) {
		int given = 0;

		for (int k = 0; k < 3; k++) {
			int at = where[COL_OPTIMISTIC + k];
			const struct field *f = &csv->fields[at];

			text = field_text(csv, (size_t)at);
			if (!*text)
				continue;
			given++;
			rc =
			    parse_days(&estimate[k], text, 0, why, sizeof(why));
			if (rc)
				return csv_error(
				    csv, rc, f->line, f->column, "%s '%.*s' %s",
				    column_names[COL_OPTIMISTIC + k], QUOTE,
				    text, why);
		}
		if (given && given < 3)
			return csv_error(csv, UKWD_EPARSE, record_line, 0,
			                 "give optimistic, most_likely and "
			                 "pessimistic together, or none");
		if (given) {
			rc = ukwd_plan_set_estimate(plan, task, estimate[0],
			                            estimate[1], estimate[2],
			                            &inner);
			if (rc)
				return csv_error(
				    csv, rc == UKWD_EINVAL ? UKWD_EPARSE : rc,
				    record_line, 0, "%s", inner.message);
		}
	}
	return read_source(csv, plan, task, where);
}

static char *
trim(char *text)
{
	size_t len;

	while (is_blank(*text))
		text++;
	len = strlen(text);
	while (len && is_blank(text[len - 1]))
		text[--len] = '\0';
	return text;
}

static uint32_t
recent_slot(const char *id)
{
	uint32_t h = 2166136261u;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return (h ^ h >> 15) & (RECENT_IDS - 1);
}

/* ukwd_plan_find(), trying the recent ids first. */
static int
find_id(size_t *index, const ukwd_plan *plan, struct pending *pend,
        const char *id)
{
	struct recent_id *r = &pend->recent[recent_slot(id)];

	if (r->task) {
		/* strcmp, inline: ids are short and this runs for most
		 * predecessors. */
		const char *a = r->id, *b = id;

		while (*a && *a == *b)
			a++, b++;
		if (*a == *b) {
			*index = r->task - 1;
			return 0;
		}
	}
	if (ukwd_plan_find(index, plan, id) != 0)
		return UKWD_ENOTFOUND;
	r->id = plan->tasks[*index].id;
	r->task = *index + 1;
	return 0;
}

/* Where task `task`'s record starts and where its field `field_index`
 * is: the data is read again up to that record (task k is the k-th
 * record after the header), which costs nothing until there is an error
 * to report. Returns 0 or UKWD_ENOMEM. */
static int
locate_field(int *record_line, int *line, int *column, const char *data,
             const char *end, size_t task, int field_index)
{
	struct csv csv;
	int rc;
	size_t k = 0;

	memset(&csv, 0, sizeof(csv));
	csv.p = csv.line_start = data;
	csv.end = end;
	csv.line = 1;
	if (end - data >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		csv.p = csv.line_start = data + 3;
	while ((rc = read_record(&csv, record_line)) == 1 && k++ <= task)
		;
	if (rc == 1 && (size_t)field_index < csv.nfields) {
		*line = csv.fields[field_index].line;
		*column = csv.fields[field_index].column;
	}
	ukwd__free(csv.text);
	ukwd__free(csv.fields);
	return rc == 1 ? 0 : UKWD_ENOMEM;
}

/* Give the error just set for task's predecessors their place. */
static int
place_error(struct csv *csv, const struct pending *pend, size_t task, int rc)
{
	int record_line, line = 0, column = 0;

	if (!csv->diag)
		return rc;
	if (locate_field(&record_line, &line, &column, pend->data,
	                 pend->data_end, task, pend->predecessors_field))
		return csv_error(csv, UKWD_ENOMEM, 0, 0, "out of memory");
	csv->diag->line = line;
	csv->diag->column = column;
	return rc;
}

static int
duplicate_error(struct csv *csv, const ukwd_plan *plan,
                const struct pending *pend, size_t task)
{
	const char *id = plan->tasks[task].id;
	size_t first = 0;
	int line = 0, column = 0, record_line, first_line = 0, first_column;

	ukwd_plan_find(&first, plan, id);
	if (locate_field(&record_line, &line, &column, pend->data,
	                 pend->data_end, task, pend->id_field) ||
	    locate_field(&first_line, &record_line, &first_column, pend->data,
	                 pend->data_end, first, pend->id_field))
		return csv_error(csv, UKWD_ENOMEM, 0, 0, "out of memory");
	return csv_error(csv, UKWD_EPARSE, line, column,
	                 "duplicate id '%.*s' (first on line %d)", QUOTE, id,
	                 first_line);
}

/* Read one predecessor, `ID[:TYPE][+N|-N]` or `IDTYPE[+N|-N]`, and add
 * the link. token is trimmed and may be changed; len is its length and
 * shape its ID_HAS_COLON and ID_HAS_SIGN bits. */
static int
read_predecessor(struct csv *csv, ukwd_plan *plan, struct pending *pend,
                 size_t task, char *token, size_t token_len, unsigned int shape)
{
	/* Errors are placed by the caller (place_error). */
	int line = 0, column = 0;
	char why[UKWD_DIAG_MESSAGE_SIZE], *head = token, *sign = NULL, *colon;
	ukwd_link_type type = UKWD_LINK_FS;
	ukwd_diag inner;
	int32_t lag = 0;
	size_t pred, len;
	int rc;

	shape |= type_suffix(token, token_len);
	if ((shape & ~pend->id_shape) != 0 ||
	    find_id(&pred, plan, pend, token) != 0) {
		/* The lag: the last sign followed by a digit. */
		for (char *p = token + 1; *p; p++)
			if (*p == '+' || *p == '-') {
				const char *digit = p + 1;

				while (is_blank(*digit))
					digit++;
				if (*digit >= '0' && *digit <= '9')
					sign = p;
			}
		if (sign) {
			rc = parse_days(&lag, sign, 1, why, sizeof(why));
			if (rc)
				return csv_error(
				    csv, rc, line, column,
				    "predecessor '%.*s': lag '%.*s' %s", QUOTE,
				    token, QUOTE, sign, why);
			*sign = '\0';
			head = trim(token);
		}
		colon = strrchr(head, ':');
		if (could_be_id(pend, head) &&
		    find_id(&pred, plan, pend, head) == 0) {
			/* ID+N */
		} else if (colon) {
			char *type_text = trim(colon + 1);

			*colon = '\0';
			head = trim(head);
			if (!type_of(type_text, strlen(type_text), &type))
				return csv_error(csv, UKWD_EPARSE, line, column,
				                 "link type '%.*s' is not FS, "
				                 "SS, FF or SF",
				                 QUOTE, type_text);
			if (find_id(&pred, plan, pend, head) != 0)
				return csv_error(csv, UKWD_EPARSE, line, column,
				                 "unknown predecessor '%.*s'",
				                 QUOTE, head);
		} else {
			/* Microsoft Project's 2FS: the type in capitals
			 * straight after the id. */
			len = strlen(head);
			if (len > 2 && head[len - 1] >= 'A' &&
			    head[len - 1] <= 'Z' && head[len - 2] >= 'A' &&
			    head[len - 2] <= 'Z' &&
			    type_of(head + len - 2, 2, &type)) {
				char keep = head[len - 2];

				head[len - 2] = '\0';
				rc = find_id(&pred, plan, pend, trim(head));
				head[len - 2] = keep;
				if (rc != 0)
					type = UKWD_LINK_FS;
			} else {
				rc = UKWD_ENOTFOUND;
			}
			if (rc != 0)
				return csv_error(csv, UKWD_EPARSE, line, column,
				                 "unknown predecessor '%.*s'",
				                 QUOTE, head);
		}
	}
	rc = ukwd_plan_add_link(NULL, plan, pred, task, type, lag, NULL, NULL);
	if (rc && rc != UKWD_EINVAL)
		ukwd_plan_add_link(NULL, plan, pred, task, type, lag, NULL,
		                   &inner);
	if (rc == UKWD_EINVAL)
		return csv_error(csv, UKWD_EPARSE, line, column,
		                 "duplicate predecessor: '%.*s' is already an "
		                 "%s predecessor",
		                 QUOTE, plan->tasks[pred].id,
		                 ukwd_link_type_name(type));
	if (rc)
		return csv_error(csv, rc, line, column, "%s", inner.message);
	return 0;
}

/* The slow way for one predecessor token of len bytes: copied,
 * NUL-terminated and trimmed into pend->field, then read_predecessor(). */
static int
slow_predecessor(struct csv *csv, ukwd_plan *plan, struct pending *pend,
                 size_t task, const char *from, size_t len)
{
	unsigned int shape = 0;
	char *token;

	if (len >= pend->field_capacity &&
	    ukwd__grow((void **)&pend->field, &pend->field_capacity, len + 1, 1,
	               64))
		return csv_error(csv, UKWD_ENOMEM, 0, 0, "out of memory");
	memcpy(pend->field, from, len);
	pend->field[len] = '\0';
	token = pend->field;
	while (len && is_blank(token[len - 1]))
		token[--len] = '\0';
	for (size_t i = 0; i < len; i++) {
		if (token[i] == ':')
			shape |= ID_HAS_COLON;
		else if (token[i] == '+' || token[i] == '-')
			shape |= ID_HAS_SIGN;
	}
	return read_predecessor(csv, plan, pend, task, token, len, shape);
}

/* The recent-id cache by an id of len bytes and its hash (as
 * recent_slot() makes it); ukwd__plan_find_len() on a miss. */
static int
find_id_len(size_t *index, const ukwd_plan *plan, struct pending *pend,
            const char *id, size_t len, uint32_t h)
{
	struct recent_id *r = &pend->recent[(h ^ h >> 15) & (RECENT_IDS - 1)];

	if (r->task) {
		/* Inline, and stopping at the end of a shorter cached id. */
		size_t i = 0;

		while (i < len && r->id[i] == id[i])
			i++;
		if (i == len && r->id[len] == '\0') {
			*index = r->task - 1;
			return 0;
		}
	}
	if (ukwd__plan_find_len(index, plan, id, len) != 0)
		return UKWD_ENOTFOUND;
	r->id = plan->tasks[*index].id;
	r->task = *index + 1;
	return 0;
}

/* The common predecessor, read where it is: `ID`, `ID:TT`, `ID:TT+N`,
 * `ID+N` (N up to 7 digits, no blanks anywhere), when the ids contain no
 * ':' or sign, so that the id ends at the first of them. Gives the same
 * link as read_predecessor() would; returns 1 when it added it, 0 when
 * the token must go the slow way (which also says what is wrong). */
static int
fast_predecessor(ukwd_plan *plan, struct pending *pend, size_t task,
                 const char *token, size_t len, uint32_t h, size_t id_len,
                 uint32_t id_h)
{
	ukwd_link_type type = UKWD_LINK_FS;
	const char *p = token + id_len, *end = token + len;
	int32_t lag = 0;
	size_t pred;

	if (id_len == len) {
		/* No ':' or sign: the whole token, unless it may be
		 * Microsoft Project's 2FS and some id is not. */
		if ((type_suffix(token, len) & ~pend->id_shape) != 0 ||
		    find_id_len(&pred, plan, pend, token, len, h) != 0)
			return 0;
	} else {
		if (pend->id_shape & (ID_HAS_COLON | ID_HAS_SIGN) ||
		    id_len == 0)
			return 0;
		if (*p == ':') {
			if (end - p < 3 || !type_of(p + 1, 2, &type))
				return 0;
			p += 3;
		}
		if (p < end) {
			int negative = *p == '-', digits = 0;

			if (*p != '+' && *p != '-')
				return 0;
			for (p++; p < end && *p >= '0' && *p <= '9'; p++)
				lag = lag * 10 + (*p - '0'), digits++;
			if (p != end || digits == 0 || digits > 7 ||
			    lag > UKWD_PLAN_MAX_WORKING_DAYS)
				return 0;
			if (negative)
				lag = -lag;
		}
		if (find_id_len(&pred, plan, pend, token, id_len, id_h) != 0)
			return 0;
	}
	return ukwd__plan_append_link(plan, (uint32_t)pred, (uint32_t)task,
	                              type, lag) == 0;
}

/* How read_links() sees a byte of a predecessors field: where a token
 * stops (';', and the end of the field: in the data the bytes that end an
 * unquoted field, in a quoted field's copy its NUL), where an id that
 * holds no ':' or sign stops, and the blanks. */
#define TOKEN_STOP  1u
#define TOKEN_IDEND 2u
#define TOKEN_BLANK 4u

static const unsigned char token_class_data[256] = {
    [';'] = TOKEN_STOP,  [','] = TOKEN_STOP,  ['\n'] = TOKEN_STOP,
    ['\r'] = TOKEN_STOP, ['\0'] = TOKEN_STOP, [':'] = TOKEN_IDEND,
    ['+'] = TOKEN_IDEND, ['-'] = TOKEN_IDEND, [' '] = TOKEN_BLANK,
    ['\t'] = TOKEN_BLANK};
static const unsigned char token_class_text[256] = {
    [';'] = TOKEN_STOP,  ['\0'] = TOKEN_STOP, [':'] = TOKEN_IDEND,
    ['+'] = TOKEN_IDEND, ['-'] = TOKEN_IDEND, [' '] = TOKEN_BLANK,
    ['\t'] = TOKEN_BLANK};

static int
read_links(struct csv *csv, ukwd_plan *plan, struct pending *pend)
{
	/* Room for two links a task (a hint: the links grow past it as
	 * they come, and what is reserved but not used is not touched). */
	(void)ukwd__plan_reserve(
	    plan, plan->ntasks,
	    plan->ntasks > SIZE_MAX / 2 ? SIZE_MAX : plan->ntasks * 2);
	for (size_t task = 0; task < plan->ntasks; task++) {
		size_t offset = pend->offset[task];
		const unsigned char *cls;
		const char *p, *end;

		if (offset & IN_DATA) {
			p = pend->data + (offset & ~IN_DATA);
			end = pend->data_end;
			cls = token_class_data;
		} else {
			p = pend->text + offset;
			end = pend->text + pend->len;
			cls = token_class_text;
		}

		{
			struct recent_id *r =
			    &pend->recent[recent_slot(plan->tasks[task].id)];

			r->id = plan->tasks[task].id;
			r->task = task + 1;
		}
		/* Split at ';' up to the field's end, skipping blanks and
		 * empty pieces; each piece is hashed as it is scanned (the
		 * whole of it, and up to its first ':' or sign) and read in
		 * place when it is plain. */
		for (;;) {
			const char *token;
			uint32_t h = 2166136261u, id_h = 0;
			size_t id_len = SIZE_MAX;
			unsigned int blank = 0;
			int rc;

			while (p < end &&
			       (cls[(unsigned char)*p] & TOKEN_BLANK))
				p++;
			for (token = p; p < end; p++) {
				unsigned char c = (unsigned char)*p;
				unsigned int k = cls[c];

				if (k) {
					if (k & TOKEN_STOP)
						break;
					if ((k & TOKEN_IDEND) &&
					    id_len == SIZE_MAX) {
						id_len = (size_t)(p - token);
						id_h = h;
					}
					blank |= k & TOKEN_BLANK;
				}
				h = (h ^ c) * 16777619u;
			}
			if (id_len == SIZE_MAX)
				id_len = (size_t)(p - token);
			if (p > token &&
			    (blank || !fast_predecessor(plan, pend, task, token,
			                                (size_t)(p - token), h,
			                                id_len, id_h))) {
				rc = slow_predecessor(csv, plan, pend, task,
				                      token,
				                      (size_t)(p - token));
				if (rc)
					return place_error(csv, pend, task, rc);
			}
			if (p == end || *p != ';')
				break;
			p++;
		}
	}
	return 0;
}

/* Refuse a cycle, naming the line of its last task in the file. */
static int
check_cycles(struct csv *csv, const ukwd_plan *plan, const char *data,
             const char *data_end, int predecessors_field)
{
	int record_line, line = 0, column = 0;
	struct ukwd__graph g;
	const uint32_t *cycle = NULL;
	uint32_t *scratch, last;
	ukwd_diag inner;
	size_t len = 0, sorted;
	int rc;

	scratch = ukwd__malloc(plan->ntasks * sizeof(*scratch));
	if (!scratch)
		return csv_error(csv, UKWD_ENOMEM, 0, 0, "out of memory");
	/* The order alone tells whether there is a cycle; the edges (12
	 * bytes a link) are built only to name one. */
	rc = ukwd__graph_sort(&g, plan, scratch, &sorted);
	if (rc == 0 && sorted < plan->ntasks) {
		rc = ukwd__graph_edges(&g, plan);
		if (rc == 0) {
			len = ukwd__graph_cycle(&g, scratch, g.order + sorted);
			cycle = g.order + sorted;
			rc = ukwd__cycle_diag(&inner, plan, cycle, len);
		}
	}
	if (rc == UKWD_ECYCLE) {
		last = cycle[0];
		for (size_t i = 1; i < len; i++)
			if (cycle[i] > last)
				last = cycle[i];
		if (csv->diag &&
		    locate_field(&record_line, &line, &column, data, data_end,
		                 last, predecessors_field))
			rc = csv_error(csv, UKWD_ENOMEM, 0, 0, "out of memory");
		else
			rc = csv_error(csv, UKWD_ECYCLE, line, column, "%s",
			               inner.message);
	} else if (rc) {
		rc = csv_error(csv, rc, 0, 0, "out of memory");
	}
	ukwd__free(scratch);
	ukwd__graph_free(&g);
	return rc;
}

int
ukwd_plan_read_csv(ukwd_plan **out, const char *data, size_t size,
                   const char *source_name, ukwd_diag *diag)
{
	struct csv csv;
	struct pending pend;
	ukwd_plan *plan = NULL;
	int where[COL_COUNT], rc, record_line;
	size_t ncolumns;

	ukwd__diag_clear(diag);
	memset(&csv, 0, sizeof(csv));
	memset(&pend, 0, sizeof(pend));
	csv.diag = diag;
	csv.source_name = source_name;
	if (!out || (!data && size))
		return csv_error(&csv, UKWD_EINVAL, 0, 0,
		                 "no plan or data given (NULL)");
	if (!data)
		data = "";
	csv.p = csv.line_start = data;
	csv.end = data + size;
	csv.line = 1;
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		csv.p = csv.line_start = data + 3;
	pend.data = data;
	pend.data_end = data + size;
	rc = ukwd_plan_new(&plan);
	pend.recent = ukwd__calloc(RECENT_IDS, sizeof(*pend.recent));
	if (rc == 0 && !pend.recent)
		rc = UKWD_ENOMEM;
	if (rc) {
		rc = csv_error(&csv, rc, 0, 0, "out of memory");
		goto out;
	}
	/* A header names each known column at most once: one field more is
	 * already an error, which read_header() reports. */
	csv.max_fields = COL_COUNT + 1;
	rc = read_header(&csv, where);
	if (rc)
		goto out;
	ncolumns = csv.nfields;
	pend.id_field = where[COL_ID];
	pend.predecessors_field = where[COL_PREDECESSORS];
	csv.max_fields = ncolumns + 1;
	{
		/* Size the plan and the predecessors' text once, from the
		 * data (hints: a failure here is not an error). */
		size_t records = count_records(csv.p, csv.end);

		(void)ukwd__plan_reserve(plan, records, 0);
		(void)pending_reserve(&pend, records);
	}
	while ((rc = read_record(&csv, &record_line)) == 1) {
		rc = read_task(&csv, plan, &pend, where, ncolumns, record_line);
		if (rc)
			break;
	}
	/* A duplicate id among the tasks read comes before whatever stopped
	 * the reading: it is earlier in the file, or in the same record
	 * before the field that failed. */
	{
		size_t duplicate;
		int index_rc = ukwd__plan_index_ids(plan, 0, &duplicate);

		if (index_rc == UKWD_EINVAL)
			rc = duplicate_error(&csv, plan, &pend, duplicate);
		else if (index_rc && rc == 0)
			rc = csv_error(&csv, index_rc, 0, 0, "out of memory");
	}
	if (rc)
		goto out;
	if (rc == 0)
		rc = read_links(&csv, plan, &pend);
	if (rc == 0) {
		/* The predecessors are links now: their text can go before
		 * the cycle check takes its memory. */
		int predecessors_field = pend.predecessors_field;

		pending_free(&pend);
		if (rc == 0)
			rc = check_cycles(&csv, plan, data, data + size,
			                  predecessors_field);
	}
out:
	pending_free(&pend);
	ukwd__free(csv.text);
	ukwd__free(csv.fields);
	if (rc) {
		ukwd_plan_free(plan);
		return rc;
	}
	*out = plan;
	return 0;
}
