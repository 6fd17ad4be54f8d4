/* What the renderers share (render-private.h): the output sink, digits
 * and dates written in place, UTF-8 cleaning and width, table cells, the
 * options check, the warnings and the explanations. The renderers are one
 * file a family: render-text.c, render-xml.c (SVG and HTML),
 * render-data.c (CSV, JSON, Mermaid), render-table.c and render-uep.c. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "render-private.h"
#include "ukwd/workday.h"

/* ------------------------------------------------------------------ */
/* The writer */

/* CSV and JSON of a large plan run to hundreds of megabytes: a block this
 * size keeps the sink's calls few and lets a stdio sink write it
 * straight through rather than copy it. */
#define OUT_BLOCK (1u << 16)

void
ukwd__out_init(struct ukwd__out *o, ukwd_sink write, void *payload)
{
	o->write = write;
	o->payload = payload;
	o->rc = 0;
	o->len = 0;
	o->buf = o->small;
	o->capacity = sizeof(o->small);
}

void
ukwd__out_flush(struct ukwd__out *o)
{
	if (o->rc == 0 && o->len && o->write(o->buf, o->len, o->payload))
		o->rc = UKWD_EUSER;
	o->len = 0;
}

void
ukwd__out_grow(struct ukwd__out *o)
{
	char *block = ukwd__malloc(OUT_BLOCK);

	if (!block)
		return;
	memcpy(block, o->buf, o->len);
	o->buf = block;
	o->capacity = OUT_BLOCK;
}

void
ukwd__out_release(struct ukwd__out *o)
{
	if (o->buf != o->small)
		ukwd__free(o->buf);
	o->buf = o->small;
	o->capacity = sizeof(o->small);
	o->len = 0;
}

void
ukwd__out_puts(struct ukwd__out *o, const char *text)
{
	ukwd__out_put(o, text, strlen(text));
}

void
ukwd__out_printf(struct ukwd__out *o, const char *fmt, ...)
{
	char small[256], *text = small;
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (len < 0) {
		o->rc = o->rc ? o->rc : UKWD_EINVAL;
		return;
	}
	if ((size_t)len >= sizeof(small)) {
		text = ukwd__malloc((size_t)len + 1);
		if (!text) {
			o->rc = o->rc ? o->rc : UKWD_ENOMEM;
			return;
		}
		va_start(ap, fmt);
		vsnprintf(text, (size_t)len + 1, fmt, ap);
		va_end(ap);
	}
	ukwd__out_put(o, text, (size_t)len);
	if (text != small)
		ukwd__free(text);
}

int
ukwd__out_finish(struct ukwd__out *o)
{
	ukwd__out_flush(o);
	return o->rc;
}

const char ukwd__two_digits[200] = "00010203040506070809"
                                   "10111213141516171819"
                                   "20212223242526272829"
                                   "30313233343536373839"
                                   "40414243444546474849"
                                   "50515253545556575859"
                                   "60616263646566676869"
                                   "70717273747576777879"
                                   "80818283848586878889"
                                   "90919293949596979899";

/* ------------------------------------------------------------------ */
/* Dates */

char *
ukwd__put_digits_date(char *p, struct ukwd__month_text *month, ukwd_date d)
{
	int32_t day;

	if (d < month->first || d >= month->end) {
		int y, m, dd;

		if (!ukwd__date_in_range(d)) {
			*p++ = '?';
			return p;
		}
		ukwd__civil_from_days(d, &y, &m, &dd);
		month->first = d - (dd - 1);
		month->end = month->first + ukwd__days_in_month(y, m);
		month->text[0] = (char)('0' + y / 1000);
		month->text[1] = (char)('0' + y / 100 % 10);
		month->text[2] = (char)('0' + y / 10 % 10);
		month->text[3] = (char)('0' + y % 10);
		month->text[4] = '-';
		month->text[5] = (char)('0' + m / 10);
		month->text[6] = (char)('0' + m % 10);
		month->text[7] = '-';
	}
	day = d - month->first + 1;
	memcpy(p, month->text, 8);
	p[8] = (char)('0' + day / 10);
	p[9] = (char)('0' + day % 10);
	return p + 10;
}

void
ukwd__date_table_init(struct ukwd__date_table *table,
                      const ukwd_schedule *sched)
{
	struct ukwd__month_text month = UKWD__NO_MONTH;
	ukwd_date first, last;

	table->first = 0;
	table->count = 0;
	table->text = NULL;
	if (ukwd_schedule_span(&first, &last, NULL, sched) || last < first ||
	    (size_t)(last - first) + 1 > 4 * ukwd_schedule_task_count(sched))
		return;
	table->first = first;
	table->text =
	    ukwd__malloc(((size_t)(last - first) + 1) * sizeof(*table->text));
	if (!table->text)
		return; /* only slower */
	table->count = (size_t)(last - first) + 1;
	for (size_t i = 0; i < table->count; i++)
		ukwd__put_digits_date(table->text[i], &month,
		                      first + (ukwd_date)i);
}

void
ukwd__format_date(char buf[UKWD_DATE_STRLEN], ukwd_date d)
{
	if (ukwd_date_format(buf, UKWD_DATE_STRLEN, d))
		snprintf(buf, UKWD_DATE_STRLEN, "?");
}

/* ------------------------------------------------------------------ */
/* UTF-8 */

size_t
ukwd__utf8_next(const char *text, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)text;
	unsigned char c = p[0];
	size_t need = c < 0x80             ? 1
	              : (c & 0xE0) == 0xC0 ? 2
	              : (c & 0xF0) == 0xE0 ? 3
	              : (c & 0xF8) == 0xF0 ? 4
	                                   : 0;
	uint32_t value = need == 1   ? c
	                 : need == 2 ? c & 0x1Fu
	                 : need == 3 ? c & 0x0Fu
	                             : c & 0x07u;

	if (need == 0 || need > len)
		return 0;
	for (size_t k = 1; k < need; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return 0;
		value = value << 6 | (p[k] & 0x3Fu);
	}
	if (need > 1 &&
	    (value < (need == 2   ? 0x80u
	              : need == 3 ? 0x800u
	                          : 0x10000u) ||
	     value > 0x10FFFFu || (value >= 0xD800u && value <= 0xDFFFu) ||
	     value == 0xFFFEu || value == 0xFFFFu))
		return 0;
	*cp = value;
	return need;
}

const unsigned char ukwd__plain_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 7, 7, 1, 7, 7, 7, 7, 7, 7, 7, 7, 7, 5, 7, 7, 7,
    7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
    7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 3, 7, 7, 7,
    7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
    7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

void
ukwd__put_clean(struct ukwd__out *o, const char *text, size_t len)
{
	size_t run = 0, i = ukwd__plain_prefix(text, len, UKWD__PLAIN_CLEAN);

	while (i < len) {
		uint32_t cp = 0;
		size_t n = ukwd__utf8_next(text + i, len - i, &cp);

		if (n && !ukwd__is_control(cp)) {
			i += n;
			continue;
		}
		ukwd__out_put(o, text + run, i - run);
		ukwd__out_put(o, UKWD__REPLACEMENT, 3);
		i += n ? n : 1;
		run = i;
	}
	ukwd__out_put(o, text + run, len - run);
}

size_t
ukwd__utf8_width(const char *text)
{
	size_t width = 0, len = strlen(text);

	for (size_t i = 0; i < len; width++) {
		uint32_t cp;
		size_t n = ukwd__utf8_next(text + i, len - i, &cp);

		i += n ? n : 1;
	}
	return width;
}

size_t
ukwd__utf8_prefix(const char *text, size_t chars)
{
	size_t i = 0, len = strlen(text);

	for (; chars > 0 && i < len; chars--) {
		uint32_t cp;
		size_t n = ukwd__utf8_next(text + i, len - i, &cp);

		i += n ? n : 1;
	}
	return i;
}

void
ukwd__put_cell(struct ukwd__out *o, const char *text, size_t width)
{
	size_t have = ukwd__utf8_width(text);

	if (have <= width) {
		ukwd__put_clean(o, text, strlen(text));
		for (; have < width; have++)
			UKWD__OUT_LIT(o, " ");
		return;
	}
	ukwd__put_clean(o, text, ukwd__utf8_prefix(text, width - 1));
	UKWD__OUT_LIT(o, "\xe2\x80\xa6");
}

/* ------------------------------------------------------------------ */
/* The schedule as every renderer sees it */

/* The members of each version of ukwd_render_options. */
static const size_t options_sizes[UKWD_RENDER_OPTIONS_VERSION] = {
    offsetof(ukwd_render_options, targets), offsetof(ukwd_render_options, made),
    offsetof(ukwd_render_options, progress),
    offsetof(ukwd_render_options, risk), sizeof(ukwd_render_options)};

int
ukwd_render_options_init(ukwd_render_options *options, unsigned int version)
{
	static const ukwd_render_options defaults = UKWD_RENDER_OPTIONS_INIT;

	if (!options || version == 0)
		return UKWD_EINVAL;
	return ukwd__versioned_export(options, version, &defaults,
	                              options_sizes,
	                              UKWD_RENDER_OPTIONS_VERSION);
}

int
ukwd__render_get_options(ukwd_render_options *opts,
                         const ukwd_render_options *given,
                         const ukwd_schedule *sched, ukwd_sink write)
{
	static const ukwd_render_options defaults = UKWD_RENDER_OPTIONS_INIT;

	if (!sched || !write)
		return UKWD_EINVAL;
	*opts = defaults;
	/* Copy only the members the caller's version has. */
	if (given &&
	    ukwd__versioned_copy(opts, &defaults, sizeof(*opts), given,
	                         options_sizes, UKWD_RENDER_OPTIONS_VERSION))
		return UKWD_EINVAL;
	if ((opts->target_count && !opts->targets) ||
	    (opts->key_date_count && !opts->key_dates))
		return UKWD_EINVAL;
	if (opts->progress && ukwd_progress_schedule(opts->progress) != sched)
		return UKWD_EINVAL;
	if (opts->risk &&
	    ukwd_risk_task_count(opts->risk) != ukwd_schedule_task_count(sched))
		return UKWD_EINVAL;
	if (opts->width < 0 || (unsigned)opts->scale > UKWD_RENDER_SCALE_MONTH)
		return UKWD_EINVAL;
	/* Fails when the plan changed after it was scheduled. */
	return ukwd_schedule_span(NULL, NULL, NULL, sched);
}

const char *
ukwd__render_name(const ukwd_plan *plan, size_t task)
{
	const char *name = ukwd_plan_task_name(plan, task);

	return name && *name ? name : ukwd_plan_task_id(plan, task);
}

const char *
ukwd__render_tag(const ukwd_plan *plan, size_t task)
{
	const ukwd_source *source = ukwd_plan_task_source(plan, task);

	return source ? ukwd_source_tag_name(source->tag) : "";
}

int
ukwd__render_is_proposed(const ukwd_plan *plan, size_t task)
{
	const ukwd_source *source = ukwd_plan_task_source(plan, task);

	return source && (source->tag == UKWD_SOURCE_PROPOSED ||
	                  source->tag == UKWD_SOURCE_USER);
}

void
ukwd__render_put_source(struct ukwd__out *o, const ukwd_source *source,
                        int with_reference,
                        void (*put)(struct ukwd__out *, const char *, size_t))
{
	if (!source)
		return;
	ukwd__out_puts(o, ukwd_source_tag_name(source->tag));
	if (*source->citation) {
		ukwd__out_puts(o, ": ");
		put(o, source->citation, strlen(source->citation));
	}
	if (with_reference && *source->reference) {
		ukwd__out_puts(o, "; SEC ");
		put(o, source->reference, strlen(source->reference));
	}
}

int32_t
ukwd__render_target_late(const ukwd_schedule *sched, ukwd_date target)
{
	ukwd_date finish;
	int32_t late = 0;

	ukwd_schedule_span(NULL, &finish, NULL, sched);
	if (finish <= target ||
	    ukwd_workday_count(&late, ukwd_schedule_calendar(sched), target + 1,
	                       finish + 1))
		return 0;
	return late > 0 ? late : 1;
}

int
ukwd__render_is_backward(const ukwd_schedule *sched)
{
	ukwd_schedule_direction direction = UKWD_SCHEDULE_FORWARD;

	ukwd_schedule_anchor(&direction, NULL, sched);
	return direction == UKWD_SCHEDULE_BACKWARD;
}

void
ukwd__render_put_verdict(struct ukwd__out *o, const ukwd_calendar *cal,
                         ukwd_date target, ukwd_date finish)
{
	char date[UKWD_DATE_STRLEN];
	int32_t days = 0;
	int met = finish <= target;

	ukwd__format_date(date, target);
	if (met)
		ukwd_workday_count(&days, cal, finish + 1, target + 1);
	else
		ukwd_workday_count(&days, cal, target + 1, finish + 1);
	ukwd__out_printf(o,
	                 met ? " %s: met, %ld working day%s to spare.\n"
	                     : " %s: NOT met, missed by %ld working day%s.\n",
	                 date, (long)days, days == 1 ? "" : "s");
}

size_t
ukwd__render_count_past(const ukwd_schedule *sched,
                        const ukwd_render_options *opts)
{
	size_t n = ukwd_schedule_task_count(sched), past = 0;
	int backward = ukwd__render_is_backward(sched);

	if (opts->today == UKWD_RENDER_NO_DATE)
		return 0;
	for (size_t t = 0; t < n; t++) {
		ukwd_scheduled_task row;

		if (ukwd_schedule_task(&row, sched, t) == 0 &&
		    ukwd__render_shown_start(&row, backward) < opts->today)
			past++;
	}
	return past;
}

size_t
ukwd__render_warning_count(const ukwd_schedule *sched,
                           const ukwd_render_options *opts)
{
	size_t lines = ukwd__render_count_past(sched, opts) > 0;

	for (size_t i = 0; i < opts->target_count; i++)
		lines +=
		    ukwd__render_target_late(sched, opts->targets[i].date) > 0;
	return lines;
}

void
ukwd__render_warning_line(char buf[UKWD__WARNING_SIZE],
                          const ukwd_schedule *sched,
                          const ukwd_render_options *opts, size_t k)
{
	char finish_text[UKWD_DATE_STRLEN], date_text[UKWD_DATE_STRLEN];
	ukwd_date finish;
	size_t past;

	ukwd_schedule_span(NULL, &finish, NULL, sched);
	ukwd__format_date(finish_text, finish);
	for (size_t i = 0; i < opts->target_count; i++) {
		const ukwd_render_target *target = &opts->targets[i];
		int32_t late = ukwd__render_target_late(sched, target->date);

		if (late == 0 || k-- > 0)
			continue;
		ukwd__format_date(date_text, target->date);
		snprintf(buf, UKWD__WARNING_SIZE,
		         "Misses the %.120s (%s): finishes %s, %ld working "
		         "day%s late",
		         target->label ? target->label : "target", date_text,
		         finish_text, (long)late, late == 1 ? "" : "s");
		return;
	}
	past = ukwd__render_count_past(sched, opts);
	ukwd__format_date(date_text, opts->today);
	snprintf(buf, UKWD__WARNING_SIZE,
	         "%zu of %zu task%s %s dated before today (%s): those dates "
	         "are past",
	         past, ukwd_schedule_task_count(sched),
	         ukwd_schedule_task_count(sched) == 1 ? "" : "s",
	         past == 1 ? "is" : "are", date_text);
}

int
ukwd__render_range(ukwd_date *first, ukwd_date *last,
                   const ukwd_schedule *sched, int with_late)
{
	size_t n = ukwd_schedule_task_count(sched);
	int rc = ukwd_schedule_span(first, last, NULL, sched);

	for (size_t t = 0; rc == 0 && t < n; t++) {
		ukwd_scheduled_task row;

		rc = ukwd_schedule_task(&row, sched, t);
		if (rc)
			break;
		if (row.early_start < *first)
			*first = row.early_start;
		if (row.early_finish > *last)
			*last = row.early_finish;
		if (with_late && row.late_start < *first)
			*first = row.late_start;
		if (with_late && row.late_finish > *last)
			*last = row.late_finish;
	}
	return rc;
}

int
ukwd__render_explain(struct ukwd__sentence *s, const ukwd_schedule *sched,
                     size_t task, ukwd_schedule_side side)
{
	size_t len = 0;
	int rc;

	if (!s->text) {
		s->capacity = 256;
		s->text = ukwd__malloc(s->capacity);
		if (!s->text)
			return UKWD_ENOMEM;
	}
	rc = ukwd_schedule_explain(s->text, s->capacity, &len, sched, task,
	                           side);
	if (rc == UKWD_EBUFS) {
		char *bigger = ukwd__realloc(s->text, len + 1);

		if (!bigger)
			return UKWD_ENOMEM;
		s->text = bigger;
		s->capacity = len + 1;
		rc = ukwd_schedule_explain(s->text, s->capacity, &len, sched,
		                           task, side);
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* Schedule risk in the tables */

size_t
ukwd__render_pct_text(char buf[16], double share)
{
	long tenths = lround(share * 1000.0);

	if (share < 1.0 && tenths >= 1000)
		return (size_t)snprintf(buf, 16, "> 99.9 %%");
	if (share > 0.0 && tenths <= 0)
		return (size_t)snprintf(buf, 16, "< 0.1 %%");
	return (size_t)snprintf(buf, 16, "%ld.%ld %%", tenths / 10,
	                        tenths % 10);
}

void
ukwd__render_risk_heading(struct ukwd__out *o)
{
	UKWD__OUT_LIT(o, "  P50 FINISH  P80 FINISH  P95 FINISH  CRITICAL");
}

int
ukwd__render_risk_cells(struct ukwd__out *o, const ukwd_risk *risk, size_t task)
{
	char p50[UKWD_DATE_STRLEN], p80[UKWD_DATE_STRLEN],
	    p95[UKWD_DATE_STRLEN], pct[16];
	ukwd_risk_task_result r;
	size_t len;
	int rc = ukwd_risk_task(&r, risk, task);

	if (rc)
		return rc;
	ukwd__format_date(p50, r.finish.p50);
	ukwd__format_date(p80, r.finish.p80);
	ukwd__format_date(p95, r.finish.p95);
	len = ukwd__render_pct_text(pct, r.criticality);
	/* the per cent right-aligned under CRITICAL */
	ukwd__out_printf(o, "  %s  %s  %s  %*s", p50, p80, p95,
	                 (int)(len < 8 ? 8 - len : 0), "");
	ukwd__out_put(o, pct, len);
	return 0;
}

void
ukwd__render_risk_note(struct ukwd__out *o, const ukwd_risk *risk)
{
	uint32_t n = ukwd_risk_iterations(risk);

	ukwd__out_printf(o,
	                 "P50/P80/P95 FINISH: the day by which the task had "
	                 "finished in 50, 80 and 95 %%\nof %lu iteration%s "
	                 "(schedule risk); CRITICAL: the share of them in "
	                 "which it was\ncritical.\n",
	                 (unsigned long)n, n == 1 ? "" : "s");
}
