/* Reading a plan from CSV: RFC 4180 records, a header naming the columns,
 * one task per record; predecessors are resolved once every task is
 * known, then the whole plan is checked for cycles. Any error names the
 * line (and column) and leaves the caller with no plan. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* SSE2 (every x86-64) finds the bytes that matter sixteen at a time;
 * elsewhere, and near the end of the data, a byte at a time. Defining
 * UKWD_CSV_PORTABLE leaves it out (the tests compare the two). */
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__)) &&          \
    !defined(UKWD_CSV_PORTABLE)
#define CSV_SSE2 1
#include <emmintrin.h>
#else
#define CSV_SSE2 0
#endif

/* For the few small functions that run for every field or predecessor. */
#if defined(__GNUC__) || defined(__clang__)
#define HOT static inline __attribute__((always_inline))
#else
#define HOT static inline
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
	COL_REMAINING,
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
    "remaining",
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

/* Recently defined ids, for predecessors: a direct-mapped cache of task
 * index + 1 (0 for none) by a hash of the id, with the id's first eight
 * bytes (zero after its end) and the hash's upper half to compare.
 * Predecessors are mostly defined a little before the tasks that name
 * them; this saves a probe of the plan's whole id index (a cache miss, in
 * a big plan) for most of them, and an id of up to seven bytes is
 * compared without reading the task. The entries of recent tasks are the
 * only ones in use, so they stay in a core's cache. Its hash is not
 * keyed: ids made to collide here only miss, and a miss costs what a
 * lookup in the keyed index does. */
#define RECENT_IDS 65536

struct recent_id {
	uint64_t head; /* the id's first 8 bytes, zero after its end */
	uint32_t task; /* index + 1, 0 for none */
	uint32_t tag;  /* the hash's upper half */
};

/* An id as the recent ids see it. */
struct id_key {
	uint64_t head, hash;
};

/* What an id contains that a predecessor's link type or lag contains
 * too. A predecessor with such a part is looked up whole only if some id
 * has it: a lookup that must fail is a wasted cache miss. */
#define ID_HAS_COLON 1u /* ':' */
#define ID_HAS_SIGN  2u /* '+' or '-' */
#define ID_HAS_TYPE  4u /* ends in FS, SS, FF or SF */

/* A field of a record read in place: where it starts in the data and its
 * length, blanks around it left out. */
struct span {
	const char *start;
	size_t len;
};

/* Where a record starts: the reader's position, line and line start. */
struct place {
	const char *p, *line_start;
	int line;
};

/* Predecessors are read into links as their record is read, while every
 * predecessor is a task already read and is read the same way whatever
 * comes later in the file. From the first task for which that is not so
 * (a predecessor defined later, or unknown, or one whose reading depends
 * on ids not read yet), the links are read once every task is known,
 * reading those records again: `deferred` and where its record starts. */
/* How many records ahead fast_task() hashes ids, and how many it keeps:
 * the slot of a new id in the index of a million ids is a wait on memory
 * that a few records' work hides. */
#define LOOK_AHEAD 4
#define SEEN_IDS   16

struct pending {
	struct recent_id *recent; /* RECENT_IDS */
	unsigned int id_shape;    /* what the ids read so far contain */
	const char *data, *data_end;
	int id_field, predecessors_field; /* the columns' positions */
	int name_field, duration_field;
	size_t ncolumns;
	const int *where;
	int optional[COL_COUNT]; /* the optional columns' positions */
	int noptional;
	int deferred;
	size_t deferred_task;
	struct place deferred_at;
	/* The first record after the header, to read every link again if
	 * one was read by splitting a token at ':' or a sign (split) and a
	 * later id turns out to contain one. */
	struct place records_at;
	int split;
	char *field; /* a predecessor being read the slow way */
	size_t field_capacity;
	/* Ids fast_task() saw ahead (LOOK_AHEAD records ahead of the one
	 * it reads), each with its hash in the plan's id index
	 * (ukwd__plan_id_hash()), by where it is in the data; ahead is
	 * the start of the first record not looked at yet. */
	struct seen_id {
		const char *id;
		size_t len;
		uint32_t hash;
	} seen[SEEN_IDS];
	const char *ahead;
};

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
#if CSV_SSE2
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
	ukwd__free(pend->field);
	pend->recent = NULL;
	pend->field = NULL;
}

HOT int
type_of(const char *text, size_t len, ukwd_link_type *type)
{
	/* The two letters in lower case (only 'A'..'Z' and 'a'..'z' give
	 * these letters so), as a number. */
	unsigned int pair;

	if (len != 2)
		return 0;
	pair = ((unsigned char)text[0] | 0x20u) << 8 |
	       ((unsigned char)text[1] | 0x20u);
	switch (pair) {
	case 'f' << 8 | 's':
		*type = UKWD_LINK_FS;
		return 1;
	case 's' << 8 | 's':
		*type = UKWD_LINK_SS;
		return 1;
	case 'f' << 8 | 'f':
		*type = UKWD_LINK_FF;
		return 1;
	case 's' << 8 | 'f':
		*type = UKWD_LINK_SF;
		return 1;
	default:
		return 0;
	}
}

/* ID_HAS_TYPE if text (of length len) ends in FS, SS, FF or SF. */
HOT unsigned int
type_suffix(const char *text, size_t len)
{
	ukwd_link_type type;

	return len > 2 && text[len - 1] >= 'A' && text[len - 1] <= 'Z' &&
	               text[len - 2] >= 'A' && text[len - 2] <= 'Z' &&
	               type_of(text + len - 2, 2, &type)
	           ? ID_HAS_TYPE
	           : 0;
}

/* One pass: this runs for every id; limit as for tail_word(). */
HOT unsigned int
id_shape(const char *text, size_t len, const char *limit)
{
	unsigned int shape = 0;
	size_t i = 0;

#if CSV_SSE2
	for (; i + 16 <= len || (i < len && limit - (text + i) >= 16);
	     i += 16) {
		__m128i v =
		    _mm_loadu_si128((const __m128i *)(const void *)(text + i));
		unsigned int in =
		    len - i >= 16 ? 0xFFFFu : (1u << (len - i)) - 1;
		unsigned int colon = (unsigned int)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(':')));
		unsigned int sign = (unsigned int)_mm_movemask_epi8(
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('+')),
		                 _mm_cmpeq_epi8(v, _mm_set1_epi8('-'))));

		if (colon & in)
			shape |= ID_HAS_COLON;
		if (sign & in)
			shape |= ID_HAS_SIGN;
	}
#else
	(void)limit;
#endif
	for (; i < len; i++) {
		char c = text[i];

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
	size_t len = strlen(text);

	return (id_shape(text, len, text + len) & ~pend->id_shape) == 0;
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

/* The word of the n < 8 bytes at p, zero above them; limit is how far
 * the memory from p may be read (a whole word where that is no further
 * than limit). The same bytes give the same word wherever they are. */
HOT uint64_t
tail_word(const char *p, size_t n, const char *limit)
{
	uint64_t word = 0;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (limit - p >= 8) {
		memcpy(&word, p, 8);
		return n ? word & (~UINT64_C(0) >> (64 - 8 * n)) : 0;
	}
#else
	(void)limit;
#endif
	memcpy(&word, p, n);
	return word;
}

/* The recent ids' key of an id of len bytes (limit as for tail_word()).
 * Any hash does here (see RECENT_IDS). */
HOT void
id_key(struct id_key *key, const char *id, size_t len, const char *limit)
{
	const uint64_t k = UINT64_C(0x9e3779b97f4a7c15);
	uint64_t h = (uint64_t)len * k, word;
	size_t n = len;

	if (n < 8) {
		key->head = tail_word(id, n, limit);
		h = (h ^ key->head) * k;
	} else {
		memcpy(&key->head, id, 8);
		for (; n >= 8; id += 8, n -= 8) {
			memcpy(&word, id, 8);
			h = (h ^ word) * k;
		}
		if (n)
			h = (h ^ tail_word(id, n, limit)) * k;
	}
	h ^= h >> 32;
	h *= UINT64_C(0xd6e8feb86659fd93);
	h ^= h >> 32;
	key->hash = h;
}

HOT struct recent_id *
recent_entry(struct pending *pend, const struct id_key *key)
{
	return &pend->recent[key->hash & (RECENT_IDS - 1)];
}

/* Task `task` has the id: later predecessors find it here. */
static void
recent_put(struct pending *pend, const struct id_key *key, size_t task)
{
	struct recent_id *r = recent_entry(pend, key);

	r->head = key->head;
	r->task = (uint32_t)(task + 1);
	r->tag = (uint32_t)(key->hash >> 32);
}

/* ukwd__plan_find_len() for an id of len bytes (not NUL-terminated, no
 * NUL in it), trying the recent ids first. */
HOT int
find_id_len(size_t *index, const ukwd_plan *plan, struct pending *pend,
            const char *id, size_t len, const char *limit)
{
	struct id_key key;
	struct recent_id *r;

	id_key(&key, id, len, limit);
	r = recent_entry(pend, &key);
	if (r->task && r->tag == (uint32_t)(key.hash >> 32) &&
	    r->head == key.head) {
		/* Equal heads of ids shorter than 8 bytes are equal ids; a
		 * longer one is compared on from its ninth byte. */
		const char *known = plan->tasks[r->task - 1].id;
		size_t i = 8;

		if (len < 8) {
			*index = r->task - 1;
			return 0;
		}
		while (i < len && known[i] == id[i])
			i++;
		if (i == len && known[len] == '\0') {
			*index = r->task - 1;
			return 0;
		}
	}
	if (ukwd__plan_find_len(index, plan, id, len) != 0)
		return UKWD_ENOTFOUND;
	r->head = key.head;
	r->task = (uint32_t)(*index + 1);
	r->tag = (uint32_t)(key.hash >> 32);
	return 0;
}

/* ukwd_plan_find(), trying the recent ids first. */
static int
find_id(size_t *index, const ukwd_plan *plan, struct pending *pend,
        const char *id)
{
	size_t len = strlen(id);

	return find_id_len(index, plan, pend, id, len, id + len);
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

/* Task `task` (not added) has the id of len bytes that task `first` has
 * already. */
static int
duplicate_error(struct csv *csv, const struct pending *pend, size_t task,
                size_t first, const char *id, size_t len)
{
	int line = 0, column = 0, record_line, first_line = 0, first_column;

	if (locate_field(&record_line, &line, &column, pend->data,
	                 pend->data_end, task, pend->id_field) ||
	    locate_field(&first_line, &record_line, &first_column, pend->data,
	                 pend->data_end, first, pend->id_field))
		return csv_error(csv, UKWD_ENOMEM, 0, 0, "out of memory");
	return csv_error(csv, UKWD_EPARSE, line, column,
	                 "duplicate id '%.*s' (first on line %d)",
	                 len < QUOTE ? (int)len : QUOTE, id, first_line);
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

/* The common predecessor, read where it is: `ID`, `ID:TT`, `ID:TT+N`,
 * `ID+N` (N up to 7 digits, no blanks anywhere), when the ids contain no
 * ':' or sign, so that the id ends at the first of them (at id_len).
 * Gives the same link as read_predecessor() would; returns 1 when it
 * added it, 0 when the token must go the slow way (which also says what
 * is wrong). */
HOT int
fast_predecessor(ukwd_plan *plan, struct pending *pend, size_t task,
                 size_t first_link, const char *token, size_t len,
                 size_t id_len, const char *limit)
{
	ukwd_link_type type = UKWD_LINK_FS;
	const char *p = token + id_len, *end = token + len;
	int32_t lag = 0;
	size_t pred;

	if (id_len == len) {
		/* No ':' or sign: the whole token, unless it may be
		 * Microsoft Project's 2FS and some id is not. */
		if ((type_suffix(token, len) & ~pend->id_shape) != 0 ||
		    find_id_len(&pred, plan, pend, token, len, limit) != 0)
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
		if (find_id_len(&pred, plan, pend, token, id_len, limit) != 0)
			return 0;
		pend->split = 1;
	}
	return ukwd__plan_append_link(plan, first_link, (uint32_t)pred,
	                              (uint32_t)task, type, lag) == 0;
}

/* How resolve_field() sees a byte of a predecessors field: where a token
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

/* Where a predecessors field is: from p, up to a TOKEN_STOP byte other
 * than ';' in cls, before end; limit as for tail_word(). */
struct field_at {
	const char *p, *end, *limit;
	const unsigned char *cls;
};

/* A token from p: returns where it stops (a TOKEN_STOP byte of cls, or
 * end), with *id_len where its first TOKEN_IDEND byte is (SIZE_MAX for
 * none) and *blank non-zero if it holds a blank. */
static const char *
scan_token(const char *p, const char *end, const unsigned char *cls,
           size_t *id_len, unsigned int *blank)
{
	const char *token = p;

	*id_len = SIZE_MAX;
	*blank = 0;
#if CSV_SSE2
	/* In the data (where end is the data's end) sixteen at a time. */
	if (cls == token_class_data) {
		const __m128i semicolon = _mm_set1_epi8(';'),
		              comma = _mm_set1_epi8(','),
		              lf = _mm_set1_epi8('\n'),
		              cr = _mm_set1_epi8('\r'),
		              nul = _mm_setzero_si128(),
		              colon = _mm_set1_epi8(':'),
		              plus = _mm_set1_epi8('+'),
		              minus = _mm_set1_epi8('-'),
		              space = _mm_set1_epi8(' '),
		              tab = _mm_set1_epi8('\t');

		for (; end - p >= 16; p += 16) {
			__m128i v =
			    _mm_loadu_si128((const __m128i *)(const void *)p);
			unsigned int stop =
			    (unsigned int)_mm_movemask_epi8(_mm_or_si128(
			        _mm_or_si128(_mm_cmpeq_epi8(v, semicolon),
			                     _mm_cmpeq_epi8(v, comma)),
			        _mm_or_si128(
			            _mm_or_si128(_mm_cmpeq_epi8(v, lf),
			                         _mm_cmpeq_epi8(v, cr)),
			            _mm_cmpeq_epi8(v, nul))));
			unsigned int idend = (unsigned int)_mm_movemask_epi8(
			    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, colon),
			                              _mm_cmpeq_epi8(v, plus)),
			                 _mm_cmpeq_epi8(v, minus)));
			unsigned int blanks = (unsigned int)_mm_movemask_epi8(
			    _mm_or_si128(_mm_cmpeq_epi8(v, space),
			                 _mm_cmpeq_epi8(v, tab)));
			/* The bytes before the first stop, if any. */
			unsigned int before =
			    stop ? (stop & -stop) - 1 : 0xFFFFu;

			idend &= before;
			if (idend && *id_len == SIZE_MAX)
				*id_len = (size_t)(p - token) +
				          (size_t)__builtin_ctz(idend);
			*blank |= blanks & before;
			if (stop)
				return p + __builtin_ctz(stop);
		}
	}
#endif
	for (; p < end; p++) {
		unsigned int k = cls[(unsigned char)*p];

		if (k) {
			if (k & TOKEN_STOP)
				break;
			if ((k & TOKEN_IDEND) && *id_len == SIZE_MAX)
				*id_len = (size_t)(p - token);
			*blank |= k & TOKEN_BLANK;
		}
	}
	return p;
}

#define RESOLVE_DONE  1
#define RESOLVE_LATER 0

/* Split task's predecessors field at ';', skipping blanks and empty
 * pieces, and add a link for each piece. While reading (final 0), a piece
 * that cannot be read for sure yet stops it: RESOLVE_LATER, with some of
 * the task's links perhaps added (the caller takes them back). Once every
 * task is known (final 1), a piece that the fast way cannot read goes the
 * slow way, which says what is wrong: RESOLVE_DONE or an error, placed. */
static int
resolve_field(struct csv *csv, ukwd_plan *plan, struct pending *pend,
              size_t task, const struct field_at *at, int final)
{
	const unsigned char *cls = at->cls;
	const char *p = at->p, *end = at->end;
	size_t first_link = plan->nlinks;

	for (;;) {
		const char *token;
		size_t id_len, len, trimmed;
		unsigned int blank;

		while (p < end && (cls[(unsigned char)*p] & TOKEN_BLANK))
			p++;
		token = p;
		p = scan_token(p, end, cls, &id_len, &blank);
		len = trimmed = (size_t)(p - token);
		if (blank) {
			/* Blanks at the end are left out, as the slow way
			 * does; any other goes the slow way. */
			while (trimmed && is_blank(token[trimmed - 1]))
				trimmed--;
			for (size_t i = 0; i < trimmed && blank; i++)
				blank = !is_blank(token[i]);
			blank = !blank;
		}
		if (id_len > trimmed)
			id_len = trimmed;
		if (len && (blank || !fast_predecessor(
		                         plan, pend, task, first_link, token,
		                         trimmed, id_len, at->limit))) {
			size_t pred;

			if (final) {
				int rc = slow_predecessor(csv, plan, pend, task,
				                          token, len);

				if (rc)
					return place_error(csv, pend, task, rc);
			} else if (find_id_len(&pred, plan, pend, token,
			                       trimmed, at->limit) != 0 ||
			           ukwd__plan_append_link(
			               plan, first_link, (uint32_t)pred,
			               (uint32_t)task, UKWD_LINK_FS, 0) != 0) {
				/* A token that is an id is a finish-to-start
				 * link to it, however else it might read;
				 * anything else waits for every id. */
				return RESOLVE_LATER;
			}
		}
		if (p == end || *p != ';')
			return RESOLVE_DONE;
		p++;
	}
}

/* Put off reading the links from task `task` on (its record starts at
 * `record`), taking back those of its links already added. */
static void
links_later_from(ukwd_plan *plan, struct pending *pend, size_t task,
                 size_t first_link, const struct place *record)
{
	plan->nlinks = first_link;
	pend->deferred = 1;
	pend->deferred_task = task;
	pend->deferred_at = *record;
}

/* The links of task `task`, just read from the record at `record`, while
 * the links are read in the same pass; else nothing (they are read
 * later). */
static void
links_now(struct csv *csv, ukwd_plan *plan, struct pending *pend, size_t task,
          const struct field_at *at, const struct place *record)
{
	size_t first_link = plan->nlinks;

	if (pend->deferred ||
	    resolve_field(csv, plan, pend, task, at, 0) == RESOLVE_DONE)
		return;
	links_later_from(plan, pend, task, first_link, record);
}

/* resolve_field() while reading, for a predecessors field of len < 64
 * bytes in the data, blanks around it left out: where its ';', ':',
 * signs and blanks are is found for the whole field at once. Returns
 * RESOLVE_DONE or RESOLVE_LATER, as resolve_field() does. */
static int
links_in_place(ukwd_plan *plan, struct pending *pend, size_t task,
               const char *field, size_t len, const char *limit)
{
	uint64_t semicolon = 0, idend = 0, blank = 0, in;
	size_t from = 0, first_link = plan->nlinks;

#if CSV_SSE2
	if ((size_t)(limit - field) >= (len + 15) / 16 * 16) {
		for (size_t at = 0; at < len; at += 16) {
			__m128i v = _mm_loadu_si128(
			    (const __m128i *)(const void *)(field + at));

			semicolon |= (uint64_t)(unsigned int)_mm_movemask_epi8(
			                 _mm_cmpeq_epi8(v, _mm_set1_epi8(';')))
			             << at;
			idend |=
			    (uint64_t)(unsigned int)_mm_movemask_epi8(
			        _mm_or_si128(
			            _mm_or_si128(
			                _mm_cmpeq_epi8(v, _mm_set1_epi8(':')),
			                _mm_cmpeq_epi8(v, _mm_set1_epi8('+'))),
			            _mm_cmpeq_epi8(v, _mm_set1_epi8('-'))))
			    << at;
			blank |=
			    (uint64_t)(unsigned int)_mm_movemask_epi8(
			        _mm_or_si128(
			            _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
			            _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))))
			    << at;
		}
	} else
#endif
	{
		for (size_t at = 0; at < len; at++) {
			unsigned int k =
			    token_class_data[(unsigned char)field[at]];

			semicolon |= (uint64_t)((k & TOKEN_STOP) != 0) << at;
			idend |= (uint64_t)((k & TOKEN_IDEND) != 0) << at;
			blank |= (uint64_t)((k & TOKEN_BLANK) != 0) << at;
		}
	}
	/* Inside the field only ';' stops a token; one more at its end. */
	in = ((uint64_t)1 << len) - 1;
	semicolon = (semicolon & in) | (uint64_t)1 << len;
	idend &= in;
	blank &= in;
	for (;;) {
		size_t to = (size_t)__builtin_ctzll(semicolon), trimmed = to;
		uint64_t token;

		while (from < to && (blank >> from & 1))
			from++;
		token = ((uint64_t)1 << to) - ((uint64_t)1 << from);
		if (blank & token) {
			/* Blanks at the end are left out, as the slow way
			 * does; a token with any other goes the slow way. */
			while (trimmed > from && (blank >> (trimmed - 1) & 1))
				trimmed--;
			token =
			    ((uint64_t)1 << trimmed) - ((uint64_t)1 << from);
		}
		if (from < trimmed) {
			uint64_t ends = idend & token;
			size_t id_len =
			           ends ? (size_t)__builtin_ctzll(ends) - from
			                : trimmed - from,
			       pred;

			if (((blank & token) ||
			     !fast_predecessor(plan, pend, task, first_link,
			                       field + from, trimmed - from,
			                       id_len, limit)) &&
			    (find_id_len(&pred, plan, pend, field + from,
			                 trimmed - from, limit) != 0 ||
			     ukwd__plan_append_link(
			         plan, first_link, (uint32_t)pred,
			         (uint32_t)task, UKWD_LINK_FS, 0) != 0))
				return RESOLVE_LATER;
		}
		if (to == len)
			return RESOLVE_DONE;
		semicolon &= semicolon - 1;
		from = to + 1;
	}
}

/* Bytes that matter to split_simple(): 1 ends a field, 2 a record, 3
 * makes the record one for read_record(). */
static const unsigned char record_class[256] = {
    [','] = 1, ['\n'] = 2, ['\r'] = 2, ['\0'] = 3, ['"'] = 3};

/* A field from start to stop, blanks around it left out. */
HOT void
span_set(struct span *span, const char *start, const char *stop)
{
	/* One test for the common case of no blank at either end. */
	if (start < stop &&
	    ((unsigned char)*start <= ' ' || (unsigned char)stop[-1] <= ' ')) {
		while (start < stop && is_blank(*start))
			start++;
		while (stop > start && is_blank(stop[-1]))
			stop--;
	}
	span->start = start;
	span->len = (size_t)(stop - start);
}

/* A record with no quote or NUL in it and ncolumns fields, split in
 * place: returns where the record ends (its line break or the end of the
 * data), or NULL for any other record (which read_record() reads, and
 * which has an error to report or quotes to undo). */
static const char *
split_simple(const char *p, const char *end, size_t ncolumns, struct span *span)
{
	const char *start = p;
	size_t n = 0;

#if CSV_SSE2
	const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'),
	              cr = _mm_set1_epi8('\r'), nul = _mm_setzero_si128(),
	              quote = _mm_set1_epi8('"');

	for (; end - p >= 16; p += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned int commas =
		    (unsigned int)_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma));
		unsigned int stops = (unsigned int)_mm_movemask_epi8(
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lf),
		                              _mm_cmpeq_epi8(v, cr)),
		                 _mm_or_si128(_mm_cmpeq_epi8(v, nul),
		                              _mm_cmpeq_epi8(v, quote))));

		if (stops)
			commas &= (stops & -stops) - 1;
		for (; commas; commas &= commas - 1) {
			const char *at = p + __builtin_ctz(commas);

			if (n + 1 == ncolumns)
				return NULL;
			span_set(&span[n++], start, at);
			start = at + 1;
		}
		if (stops) {
			p += __builtin_ctz(stops);
			if (record_class[(unsigned char)*p] == 3 ||
			    n + 1 != ncolumns)
				return NULL;
			span_set(&span[n], start, p);
			return p;
		}
	}
#endif
	for (; p < end; p++) {
		unsigned int k = record_class[(unsigned char)*p];

		if (k == 1) {
			if (n + 1 == ncolumns)
				return NULL;
			span_set(&span[n++], start, p);
			start = p + 1;
		} else if (k == 3) {
			return NULL;
		} else if (k == 2) {
			break;
		}
	}
	if (n + 1 != ncolumns)
		return NULL;
	span_set(&span[n], start, p);
	return p;
}

/* Where an id at this place in the data is kept in pending.seen. */
HOT size_t
seen_at(const char *id)
{
	return ((uintptr_t)id * UINT64_C(0x9e3779b97f4a7c15) >> 40) &
	       (SEEN_IDS - 1);
}

/* Append task for the record read (or not: a duplicate id), its id in
 * the recent ids, and reports what went wrong. */
static int
add_task(struct csv *csv, ukwd_plan *plan, struct pending *pend, const char *id,
         size_t id_len, const char *limit, const char *name, size_t name_len,
         int32_t duration, int record_line)
{
	size_t first = 0, task = plan->ntasks;
	struct id_key key;
	const struct seen_id *seen = &pend->seen[seen_at(id)];
	uint32_t hash = id == seen->id && id_len == seen->len
	                    ? seen->hash
	                    : ukwd__plan_id_hash(plan, id, id_len);
	int rc = ukwd__plan_append_task_hashed(plan, id, id_len, hash, name,
	                                       name_len, duration, &first);

	if (rc == UKWD_ERANGE)
		return csv_error(csv, rc, record_line, 0,
		                 "too many tasks (at most %zu)",
		                 (size_t)UKWD__PLAN_MAX_TASKS);
	/* The id is taken: an error ahead of any later in the record. */
	if (rc == UKWD_EINVAL)
		return duplicate_error(csv, pend, task, first, id, id_len);
	if (rc)
		return csv_error(csv, rc, record_line, 0, "out of memory");
	pend->id_shape |= id_shape(id, id_len, limit);
	id_key(&key, id, id_len, limit);
	recent_put(pend, &key, task);
	return 0;
}

/* Hash the id that starts the record at p (when the id is the first
 * column), and prefetch its slot in the plan's id index, to be there when
 * that record's task is added; returns the start of the record after it.
 * An id this does not see as add_task() will (blanks around it, quotes,
 * longer than a short look, a line break inside a quoted field before it)
 * is simply hashed again there: add_task() takes a hash only for the same
 * bytes at the same place. */
static const char *
look_at(const ukwd_plan *plan, struct pending *pend, const char *p,
        const char *end)
{
	const char *id = p, *comma, *line_end;
	struct seen_id *seen;

	comma =
	    memchr(id, ',', (size_t)(end - id) < 64 ? (size_t)(end - id) : 64);
	if (comma && comma > id && (unsigned char)*id > ' ' &&
	    (unsigned char)comma[-1] > ' ' &&
	    !memchr(id, '"', (size_t)(comma - id))) {
		seen = &pend->seen[seen_at(id)];
		seen->id = id;
		seen->len = (size_t)(comma - id);
		seen->hash = ukwd__plan_id_hash(plan, id, seen->len);
		ukwd__plan_prefetch_id(plan, seen->hash);
	}
	line_end = memchr(comma ? comma : id, '\n',
	                  (size_t)(end - (comma ? comma : id)));
	return line_end ? line_end + 1 : end;
}

/* Keep the ids of the LOOK_AHEAD records after the one ending at p
 * hashed ahead (see look_at()). */
static void
look_ahead(const ukwd_plan *plan, struct pending *pend, const char *p,
           const char *end)
{
	if (p < end && *p == '\r')
		p++;
	if (p < end && *p == '\n')
		p++;
	if (pend->ahead > p) {
		pend->ahead = look_at(plan, pend, pend->ahead, end);
		return;
	}
	/* The first record, or the look ahead fell behind (a record read
	 * the slow way): start again from here. */
	pend->ahead = p;
	for (int k = 0; k < LOOK_AHEAD && pend->ahead < end; k++)
		pend->ahead = look_at(plan, pend, pend->ahead, end);
}

/* Read the record at csv->p as a task when it is the common kind: every
 * field unquoted, as many as the header has, an id, a duration of plain
 * digits and the optional columns empty. Returns 1 when it did (it has
 * added the task and moved on), 0 when read_record() and read_task() must
 * read it (nothing has changed), or an error. */
static int
fast_task(struct csv *csv, ukwd_plan *plan, struct pending *pend)
{
	struct span span[COL_COUNT];
	const char *record_end;
	const struct span *id, *duration, *predecessors;
	struct place record;
	int32_t days = 0;
	size_t task;
	int rc;

	record_end = split_simple(csv->p, csv->end, pend->ncolumns, span);
	if (!record_end)
		return 0;
	if (pend->id_field == 0)
		look_ahead(plan, pend, record_end, csv->end);
	id = &span[pend->id_field];
	duration = &span[pend->duration_field];
	if (id->len == 0 || duration->len == 0 || duration->len > 7)
		return 0;
	for (size_t i = 0; i < duration->len; i++) {
		char c = duration->start[i];

		if (c < '0' || c > '9')
			return 0;
		days = days * 10 + (c - '0');
	}
	if (days > UKWD_PLAN_MAX_WORKING_DAYS)
		return 0;
	for (int k = 0; k < pend->noptional; k++)
		if (span[pend->optional[k]].len)
			return 0;
	task = plan->ntasks;
	rc = add_task(csv, plan, pend, id->start, id->len, csv->end,
	              span[pend->name_field].start, span[pend->name_field].len,
	              days, csv->line);
	if (rc)
		return rc;
	record.p = csv->p;
	record.line = csv->line;
	record.line_start = csv->line_start;
	csv->p = record_end;
	if (record_end < csv->end)
		newline(csv);
	if (pend->deferred)
		return 1;
	predecessors = &span[pend->predecessors_field];
	if (predecessors->len < 64) {
		size_t first_link = plan->nlinks;

		if (links_in_place(plan, pend, task, predecessors->start,
		                   predecessors->len,
		                   csv->end) == RESOLVE_LATER)
			links_later_from(plan, pend, task, first_link, &record);
	} else {
		struct field_at at;

		at.p = predecessors->start;
		at.end = at.limit = csv->end;
		at.cls = token_class_data;
		links_now(csv, plan, pend, task, &at, &record);
	}
	return 1;
}

/* Where read_record() left field i of its record. */
static void
field_at(struct field_at *at, const struct csv *csv, size_t i)
{
	const struct field *f = &csv->fields[i];

	if (f->quoted) {
		at->p = field_text(csv, i);
		at->end = at->limit = csv->text + csv->text_len;
		at->cls = token_class_text;
	} else {
		at->p = f->raw;
		at->end = at->limit = csv->end;
		at->cls = token_class_data;
	}
}

/* One record: a task and its dates, estimate and source. record: the
 * reader's state before read_record() read it. */
static int
read_task(struct csv *csv, ukwd_plan *plan, struct pending *pend,
          int record_line, const struct place *record)
{
	const int *where = pend->where;
	size_t ncolumns = pend->ncolumns;
	const struct field *fid;
	const char *id, *text;
	char why[UKWD_DIAG_MESSAGE_SIZE];
	ukwd_diag inner;
	struct field_at at;
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
	task = plan->ntasks;
	rc = add_task(
	    csv, plan, pend, id, field_len(csv, (size_t)where[COL_ID]),
	    csv->text + csv->text_len, field_text(csv, (size_t)where[COL_NAME]),
	    field_len(csv, (size_t)where[COL_NAME]), duration, record_line);
	if (rc)
		return rc;
	field_at(&at, csv, (size_t)where[COL_PREDECESSORS]);
	links_now(csv, plan, pend, task, &at, record);
	for (size_t i = 0; i < sizeof(date_columns) / sizeof(*date_columns);
	     i++) {
		int col = where[date_columns[i].column];
		const struct field *f;
		ukwd_date date;

		if (col < 0 || !*(text = field_text(csv, (size_t)col)))
			continue;
		f = &csv->fields[col];
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
	if (where[COL_REMAINING] >= 0 &&
	    *(text = field_text(csv, (size_t)where[COL_REMAINING]))) {
		const struct field *f = &csv->fields[where[COL_REMAINING]];
		int32_t remaining;

		rc = parse_days(&remaining, text, 0, why, sizeof(why));
		if (rc)
			return csv_error(csv, rc, f->line, f->column,
			                 "remaining '%.*s' %s", QUOTE, text,
			                 why);
		rc = ukwd_plan_set_remaining(plan, task, remaining, &inner);
		if (rc)
			return csv_error(
			    csv, rc == UKWD_EINVAL ? UKWD_EPARSE : rc, f->line,
			    f->column, "%s", inner.message);
	}
	if (where[COL_OPTIMISTIC] >= 0) {
		int given = 0;

		for (int k = 0; k < 3; k++) {
			int col = where[COL_OPTIMISTIC + k];
			const struct field *f = &csv->fields[col];

			text = field_text(csv, (size_t)col);
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
	/* Where a schedule's error about the task's dates points. */
	ukwd__plan_set_task_line(plan, task, record_line);
	return read_source(csv, plan, task, where);
}

/* Once every task is known: the links of the tasks whose links were not
 * read with their records, reading those records again. */
static int
links_later(struct csv *csv, ukwd_plan *plan, struct pending *pend)
{
	struct span span[COL_COUNT];
	struct csv again;
	int rc = 0, record_line;

	memset(&again, 0, sizeof(again));
	again.p = pend->deferred_at.p;
	again.line = pend->deferred_at.line;
	again.line_start = pend->deferred_at.line_start;
	again.end = pend->data_end;
	again.max_fields = pend->ncolumns + 1;
	for (size_t task = pend->deferred_task; task < plan->ntasks; task++) {
		const char *id = plan->tasks[task].id, *record_end;
		size_t len = strlen(id);
		struct field_at at;

		struct id_key key;

		id_key(&key, id, len, id + len);
		recent_put(pend, &key, task);
		record_end =
		    split_simple(again.p, again.end, pend->ncolumns, span);
		if (record_end) {
			at.p = span[pend->predecessors_field].start;
			at.end = at.limit = again.end;
			at.cls = token_class_data;
			again.p = record_end;
			if (again.p < again.end)
				newline(&again);
		} else {
			/* The record was read before: only memory can fail
			 * now. */
			rc = read_record(&again, &record_line);
			if (rc != 1) {
				rc = csv_error(csv, UKWD_ENOMEM, 0, 0,
				               "out of memory");
				break;
			}
			field_at(&at, &again, (size_t)pend->predecessors_field);
		}
		rc = resolve_field(csv, plan, pend, task, &at, 1);
		if (rc < 0)
			break;
		rc = 0;
	}
	ukwd__free(again.text);
	ukwd__free(again.fields);
	return rc;
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
	pend.where = where;
	rc = ukwd_plan_new(&plan);
	pend.recent = ukwd__calloc(RECENT_IDS, sizeof(*pend.recent));
	if (rc == 0 && !pend.recent)
		rc = UKWD_ENOMEM;
	if (rc) {
		rc = csv_error(&csv, rc, 0, 0, "out of memory");
		goto out;
	}
	ukwd__plan_defer_link_index(plan);
	/* A header names each known column at most once: one field more is
	 * already an error, which read_header() reports. */
	csv.max_fields = COL_COUNT + 1;
	rc = read_header(&csv, where);
	if (rc)
		goto out;
	pend.ncolumns = csv.nfields;
	pend.id_field = where[COL_ID];
	pend.predecessors_field = where[COL_PREDECESSORS];
	pend.name_field = where[COL_NAME];
	pend.duration_field = where[COL_DURATION];
	for (int c = COL_DEADLINE; c < COL_COUNT; c++)
		if (where[c] >= 0)
			pend.optional[pend.noptional++] = where[c];
	pend.records_at.p = csv.p;
	pend.records_at.line = csv.line;
	pend.records_at.line_start = csv.line_start;
	csv.max_fields = pend.ncolumns + 1;
	{
		/* Size the plan from the data (hints: a failure here is not
		 * an error): the tasks and their index, and two links a task
		 * (they grow past it as they come, and what is reserved but
		 * not used is not touched). */
		size_t records = count_records(csv.p, csv.end);

		(void)ukwd__plan_reserve(plan, records,
		                         records > SIZE_MAX / 2 ? SIZE_MAX
		                                                : records * 2);
	}
	for (;;) {
		struct place record;

		rc = fast_task(&csv, plan, &pend);
		if (rc == 1)
			continue;
		if (rc < 0)
			break;
		record.p = csv.p;
		record.line = csv.line;
		record.line_start = csv.line_start;
		rc = read_record(&csv, &record_line);
		if (rc <= 0)
			break;
		rc = read_task(&csv, plan, &pend, record_line, &record);
		if (rc)
			break;
	}
	if (rc)
		goto out;
	if (pend.split && (pend.id_shape & (ID_HAS_COLON | ID_HAS_SIGN))) {
		/* A token split at ':' or a sign might have been an id read
		 * later: read every link again. */
		plan->nlinks = 0;
		pend.deferred = 1;
		pend.deferred_task = 0;
		pend.deferred_at = pend.records_at;
	}
	if (pend.deferred) {
		rc = links_later(&csv, plan, &pend);
		/* The links are made: the cycle check can have the memory of
		 * the reading. Links read with their records all point back
		 * to a task read before, so only these can close a cycle. */
		pending_free(&pend);
		ukwd__free(csv.text);
		ukwd__free(csv.fields);
		csv.text = NULL;
		csv.fields = NULL;
		if (rc == 0)
			rc = check_cycles(&csv, plan, data, data + size,
			                  where[COL_PREDECESSORS]);
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
