/* What the renderers share (render.c): the buffered output sink, digits
 * and dates written in place, UTF-8 cleaning and width, table cells, the
 * options check, and the warnings and explanations every format shows.
 * The renderers themselves are one file a family: render-text.c,
 * render-xml.c (SVG and HTML), render-data.c (CSV, JSON, Mermaid),
 * render-table.c (the table) and render-uep.c (the User Entry Process's
 * report). */
#ifndef UKWD_RENDER_PRIVATE_H
#define UKWD_RENDER_PRIVATE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "ukwd/render.h"

/* ------------------------------------------------------------------ */
/* The output sink: a buffered writer that remembers the first failure,
 * so the drawing code reads straight through and checks once at the end
 * (ukwd__out_finish). */

struct ukwd__out {
	ukwd_sink write;
	void *payload;
	int rc;
	size_t len, capacity;
	char *buf; /* small, or a 64 KiB block from ukwd__out_grow() */
	char small[4096];
};

/* The most ukwd__out_room() can be asked for. */
#define UKWD__OUT_ROOM 256

void ukwd__out_init(struct ukwd__out *o, ukwd_sink write, void *payload);
/* Pass the buffered bytes to the sink (dropped after a failure). */
void ukwd__out_flush(struct ukwd__out *o);
/* Use a large block, for output of any size; ukwd__out_release() frees
 * it. Without the memory it keeps the small buffer, which only writes
 * slower. */
void ukwd__out_grow(struct ukwd__out *o);
void ukwd__out_release(struct ukwd__out *o);
void ukwd__out_puts(struct ukwd__out *o, const char *text);
void ukwd__out_printf(struct ukwd__out *o, const char *fmt, ...)
    UKWD__PRINTF(2, 3);
/* Flush; the first failure (UKWD_EUSER from the sink, UKWD_ENOMEM) or 0. */
int ukwd__out_finish(struct ukwd__out *o);

/* Inline: the rows of a plan of a million tasks call these for every
 * field. */
static inline void
ukwd__out_put(struct ukwd__out *o, const char *text, size_t len)
{
	if (o->rc)
		return;
	if (len > o->capacity - o->len) {
		ukwd__out_flush(o);
		if (len > o->capacity) {
			if (o->rc == 0 && o->write(text, len, o->payload))
				o->rc = UKWD_EUSER;
			return;
		}
	}
	memcpy(o->buf + o->len, text, len);
	o->len += len;
}

/* A string literal. */
#define UKWD__OUT_LIT(o, literal)                                              \
	ukwd__out_put((o), (literal), sizeof(literal) - 1)

/* Room for n <= UKWD__OUT_ROOM more bytes at the end of the buffer, to be
 * written in place and then counted by ukwd__out_done(). After a failure
 * the bytes are dropped at the next flush, as ukwd__out_put() drops
 * them. */
static inline char *
ukwd__out_room(struct ukwd__out *o, size_t n)
{
	if (n > o->capacity - o->len)
		ukwd__out_flush(o);
	return o->buf + o->len;
}

static inline void
ukwd__out_done(struct ukwd__out *o, const char *end)
{
	o->len = (size_t)(end - o->buf);
}

/* ------------------------------------------------------------------ */
/* Digits and dates written in place, for ukwd__out_room(): no printf on
 * the rows of a plan of a million tasks. Each returns the end of what it
 * wrote. */

static inline char *
ukwd__put_text(char *p, const char *text, size_t len)
{
	memcpy(p, text, len);
	return p + len;
}

#define UKWD__PUT_LIT(p, literal)                                              \
	ukwd__put_text((p), (literal), sizeof(literal) - 1)

/* "00" to "99". */
extern const char ukwd__two_digits[200];

/* Counted first, then written two at a time from the end. */
static inline char *
ukwd__put_digits_long(char *p, long value)
{
	unsigned long magnitude =
	    value < 0 ? 0ul - (unsigned long)value : (unsigned long)value;
	size_t n = 1;
	char *q;

	if (value < 0)
		*p++ = '-';
	for (unsigned long bound = 10; n < 20 && magnitude >= bound;
	     bound *= 10)
		n++;
	q = p + n;
	while (magnitude >= 100) {
		q -= 2;
		memcpy(q, ukwd__two_digits + 2 * (magnitude % 100), 2);
		magnitude /= 100;
	}
	if (magnitude >= 10) {
		q -= 2;
		memcpy(q, ukwd__two_digits + 2 * magnitude, 2);
	} else {
		*--q = (char)('0' + magnitude);
	}
	return p + n;
}

/* The month of the last date ukwd__put_digits_date() wrote: the rows of
 * a plan mostly fall in the month of the row before, and then only the
 * day is worked out. */
struct ukwd__month_text {
	ukwd_date first, end; /* [first, end): the month's days */
	char text[8];         /* "YYYY-MM-" */
};

/* No month yet: [1, 0) holds no date. An initializer. */
#define UKWD__NO_MONTH                                                         \
	{                                                                      \
		1, 0,                                                          \
		{                                                              \
			0                                                      \
		}                                                              \
	}

/* YYYY-MM-DD as ukwd_date_format() writes it (10 bytes), or "?" for a
 * date it cannot (as ukwd__format_date()). */
char *ukwd__put_digits_date(char *p, struct ukwd__month_text *month,
                            ukwd_date d);

/* The text of every day a large schedule spans, written once: a row's
 * dates are then copies. Only where there are more rows than days to
 * write (days <= 4 per task); without it, or outside it, dates are
 * written by ukwd__put_digits_date(). The caller frees text with
 * ukwd__free(). */
struct ukwd__date_table {
	ukwd_date first;
	size_t count;
	char (*text)[10];
};

void ukwd__date_table_init(struct ukwd__date_table *table,
                           const ukwd_schedule *sched);

static inline char *
ukwd__put_table_date(char *p, const struct ukwd__date_table *table,
                     struct ukwd__month_text *month, ukwd_date d)
{
	if (d >= table->first && (size_t)(d - table->first) < table->count) {
		memcpy(p, table->text[d - table->first], 10);
		return p + 10;
	}
	return ukwd__put_digits_date(p, month, d);
}

/* YYYY-MM-DD, or "?" for a date outside the supported range. */
void ukwd__format_date(char buf[UKWD_DATE_STRLEN], ukwd_date d);

/* ------------------------------------------------------------------ */
/* UTF-8 */

/* The length of the well-formed UTF-8 sequence at text[0..len) (1 to 4),
 * with its code point in *cp; 0 for a byte that starts none (a stray
 * continuation byte, an overlong form, a surrogate, beyond U+10FFFF, a
 * sequence cut short), which the renderers show as U+FFFD. U+FFFE and
 * U+FFFF count as ill-formed too, since XML 1.0 cannot hold them. */
size_t ukwd__utf8_next(const char *text, size_t len, uint32_t *cp);

/* C0 controls, DEL and C1 controls: what a terminal may act on. */
static inline int
ukwd__is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

#define UKWD__REPLACEMENT "\xef\xbf\xbd" /* U+FFFD, 3 bytes */

/* For each byte, the writers that pass it through unchanged: printable
 * ASCII for ukwd__put_clean(), less ',' and '"' for CSV, less '"' and
 * '\\' for JSON. Every other byte (NUL, controls, DEL, all of UTF-8's
 * multi-byte sequences) takes the careful path. */
enum { UKWD__PLAIN_CLEAN = 1, UKWD__PLAIN_CSV = 2, UKWD__PLAIN_JSON = 4 };

extern const unsigned char ukwd__plain_byte[256];

/* The bytes at the start of text that a writer passes through unchanged
 * (kind: UKWD__PLAIN_*). Most names are nothing else, and are then
 * copied whole. The scan stops at a NUL too, so that len may be SIZE_MAX
 * for a string. */
static inline size_t
ukwd__plain_prefix(const char *text, size_t len, unsigned kind)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0;

	while (i < len && (ukwd__plain_byte[p[i]] & kind))
		i++;
	return i;
}

/* Whether any byte of the eight in x is one a JSON string cannot hold
 * as it is: below 0x20, 0x7F or above, '"' or '\\'. Each test is exact
 * for the word as a whole (not for which byte). */
static inline uint64_t
ukwd__json_unsafe8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, highs = ones << 7;
	uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\'),
	         del = x ^ (ones * 0x7F);

	return (((x - ones * 0x20) & ~x) | x | ((quote - ones) & ~quote) |
	        ((backslash - ones) & ~backslash) | ((del - ones) & ~del)) &
	       highs;
}

/* Whether all len bytes of text are ones JSON holds as they are
 * (UKWD__PLAIN_JSON), read eight at a time, and never beyond text +
 * len. */
static inline int
ukwd__json_plain(const char *text, size_t len)
{
	uint64_t unsafe = 0, x;

	if (len >= 8) {
		size_t i = 0;

		for (; i + 8 <= len; i += 8) {
			memcpy(&x, text + i, 8);
			unsafe |= ukwd__json_unsafe8(x);
		}
		if (i < len) {
			memcpy(&x, text + len - 8, 8);
			unsafe |= ukwd__json_unsafe8(x);
		}
		return unsafe == 0;
	}
	if (len >= 4) {
		uint32_t head, tail;

		memcpy(&head, text, 4);
		memcpy(&tail, text + len - 4, 4);
		return ukwd__json_unsafe8((uint64_t)head << 32 | tail) == 0;
	}
	for (size_t i = 0; i < len; i++)
		if (!(ukwd__plain_byte[(unsigned char)text[i]] &
		      UKWD__PLAIN_JSON))
			return 0;
	return 1;
}

/* memcpy() of a short text, eight bytes at a time (the last eight
 * overlapping), without a call for the few bytes of an id or a name. */
static inline char *
ukwd__put_short(char *p, const char *text, size_t len)
{
	uint64_t x;
	uint32_t y;

	if (len > 32) {
		memcpy(p, text, len);
	} else if (len >= 8) {
		for (size_t i = 0; i + 8 < len; i += 8) {
			memcpy(&x, text + i, 8);
			memcpy(p + i, &x, 8);
		}
		memcpy(&x, text + len - 8, 8);
		memcpy(p + len - 8, &x, 8);
	} else if (len >= 4) {
		memcpy(&y, text, 4);
		memcpy(p, &y, 4);
		memcpy(&y, text + len - 4, 4);
		memcpy(p + len - 4, &y, 4);
	} else {
		for (size_t i = 0; i < len; i++)
			p[i] = text[i];
	}
	return p + len;
}

/* Text for a terminal, a CSV field or Mermaid: each ill-formed byte and
 * each control character (newline and tab included) becomes U+FFFD, so
 * that a name can neither break a line or a record nor reach a terminal
 * as an escape sequence (render.h: "Names in output"). */
void ukwd__put_clean(struct ukwd__out *o, const char *text, size_t len);

/* Characters in UTF-8 text, as the renderers show it: each ill-formed
 * byte counts as the one U+FFFD it becomes. */
size_t ukwd__utf8_width(const char *text);

/* The bytes of the first `chars` characters of text, counted as by
 * ukwd__utf8_width(). */
size_t ukwd__utf8_prefix(const char *text, size_t chars);

/* A column of a table for a terminal: text cleaned (ukwd__put_clean) in
 * exactly `width` characters, padded with spaces or cut with "…". */
void ukwd__put_cell(struct ukwd__out *o, const char *text, size_t width);

/* ------------------------------------------------------------------ */
/* The schedule as every renderer sees it */

/* The caller's options over the defaults (only the members its version
 * has), checked; UKWD_EINVAL for bad ones or a NULL schedule or sink,
 * and the schedule's error when its plan changed after it was
 * scheduled. */
int ukwd__render_get_options(ukwd_render_options *opts,
                             const ukwd_render_options *given,
                             const ukwd_schedule *sched, ukwd_sink write);

/* A task's name, or its id when it has none. */
const char *ukwd__render_name(const ukwd_plan *plan, size_t task);

/* A duration that is no published figure: ours (PROPOSED) or the
 * user's (USER); drawn apart from sourced ones. */
int ukwd__render_is_proposed(const ukwd_plan *plan, size_t task);

/* A task's tag name ("PROPOSED", ...), "" when it has no source. */
const char *ukwd__render_tag(const ukwd_plan *plan, size_t task);

/* A source as one line of text: its tag, ": " and its citation when it
 * has one, and with_reference, "; SEC " and its reference when it has
 * one (the User Entry Process's references are SEC sections). The
 * citation and reference go through put, which escapes them for the
 * format; nothing is written for a NULL source. */
void ukwd__render_put_source(struct ukwd__out *o, const ukwd_source *source,
                             int with_reference,
                             void (*put)(struct ukwd__out *, const char *,
                                         size_t));

/* The working days after a target up to and including the project's
 * finish: 0 when the target is met. */
int32_t ukwd__render_target_late(const ukwd_schedule *sched, ukwd_date target);

/* " DATE: met, N working days to spare.\n" or " DATE: NOT met, missed by
 * N working days.\n", after the caller's label: a target date against the
 * day that should meet it, N the working days between them in cal. */
void ukwd__render_put_verdict(struct ukwd__out *o, const ukwd_calendar *cal,
                              ukwd_date target, ukwd_date finish);

/* A share as per cent with one decimal, "83.2 %", in buf (NUL-ended);
 * never rounded to 100.0 or 0.0 when it is not exactly that: "> 99.9 %",
 * "< 0.1 %". Returns the length. */
size_t ukwd__render_pct_text(char buf[16], double share);

/* The risk's columns of a table (ukwd_render_options::risk): the
 * headings "  P50 FINISH  P80 FINISH  P95 FINISH  CRITICAL", and a task's
 * cells under them (the percent right-aligned). */
void ukwd__render_risk_heading(struct ukwd__out *o);
int ukwd__render_risk_cells(struct ukwd__out *o, const ukwd_risk *risk,
                            size_t task);
/* What those columns mean, a note under the table. */
void ukwd__render_risk_note(struct ukwd__out *o, const ukwd_risk *risk);

/* Is the schedule a backward one? It says so itself (issue 14: no
 * option can make a renderer contradict its schedule). */
int ukwd__render_is_backward(const ukwd_schedule *sched);

/* The day a task is shown starting: early dates forward, late ones
 * backward. */
static inline ukwd_date
ukwd__render_shown_start(const ukwd_scheduled_task *row, int backward)
{
	return backward ? row->late_start : row->early_start;
}

static inline ukwd_date
ukwd__render_shown_finish(const ukwd_scheduled_task *row, int backward)
{
	return backward ? row->late_finish : row->early_finish;
}

/* The tasks shown starting before opts->today; 0 without a today. */
size_t ukwd__render_count_past(const ukwd_schedule *sched,
                               const ukwd_render_options *opts);

/* The schedule's span, widened to every task's early dates, and to its
 * late ones too when with_late. */
int ukwd__render_range(ukwd_date *first, ukwd_date *last,
                       const ukwd_schedule *sched, int with_late);

/* The warnings every chart shows, one line each: targets missed, and
 * tasks dated in the past. Returns the number of lines; line k is
 * written into buf by ukwd__render_warning_line(). */
#define UKWD__WARNING_SIZE 256

size_t ukwd__render_warning_count(const ukwd_schedule *sched,
                                  const ukwd_render_options *opts);
void ukwd__render_warning_line(char buf[UKWD__WARNING_SIZE],
                               const ukwd_schedule *sched,
                               const ukwd_render_options *opts, size_t k);

/* An explanation (ukwd_schedule_explain), in a buffer grown as needed:
 * start from {NULL, 0}, free text with ukwd__free(). */
struct ukwd__sentence {
	char *text;
	size_t capacity;
};

int ukwd__render_explain(struct ukwd__sentence *s, const ukwd_schedule *sched,
                         size_t task, ukwd_schedule_side side);

#endif
