/* What the renderers share (render-private.h): the output sink, digits
 * and dates written in place, UTF-8 cleaning and width, the options
 * check, the warnings and the explanations. The renderers are one file a
 * family: render-text.c, render-xml.c (SVG and HTML), render-data.c
 * (CSV, JSON, Mermaid). */
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

/* ------------------------------------------------------------------ */
/* The schedule as every renderer sees it */

int
ukwd__render_get_options(ukwd_render_options *opts,
                         const ukwd_render_options *given,
                         const ukwd_schedule *sched, ukwd_sink write)
{
	static const ukwd_render_options defaults = UKWD_RENDER_OPTIONS_INIT;

	if (!sched || !write)
		return UKWD_EINVAL;
	*opts = defaults;
	if (given) {
		/* Copy only the members the caller's version has. */
		if (given->version < 1 ||
		    given->version > UKWD_RENDER_OPTIONS_VERSION)
			return UKWD_EINVAL;
		memcpy(opts, given,
		       given->version == 1
		           ? offsetof(ukwd_render_options, targets)
		           : sizeof(*opts));
	}
	if (opts->target_count && !opts->targets)
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
ukwd_render_source_tag(const char *source)
{
	static const char *const tags[] = {"PROPOSED", "CHECKLIST", "SOURCED",
	                                   "USER"};

	for (size_t i = 0; source && i < sizeof(tags) / sizeof(*tags); i++)
		if (strncmp(source, tags[i], strlen(tags[i])) == 0)
			return tags[i];
	return "";
}

int
ukwd__render_is_proposed(const ukwd_plan *plan, size_t task)
{
	const char *tag =
	    ukwd_render_source_tag(ukwd_plan_task_source(plan, task));

	return strcmp(tag, "PROPOSED") == 0 || strcmp(tag, "USER") == 0;
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

/* The tasks shown starting before today; 0 without a today. */
static size_t
count_past(const ukwd_schedule *sched, const ukwd_render_options *opts)
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
	size_t lines = count_past(sched, opts) > 0;

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
	past = count_past(sched, opts);
	ukwd__format_date(date_text, opts->today);
	snprintf(buf, UKWD__WARNING_SIZE,
	         "%zu of %zu task%s %s dated before today (%s): those dates "
	         "are past",
	         past, ukwd_schedule_task_count(sched),
	         ukwd_schedule_task_count(sched) == 1 ? "" : "s",
	         past == 1 ? "is" : "are", date_text);
}

size_t
ukwd__render_split_source(const char *source, const char **reference)
{
	const char *sec = source ? strstr(source, "; SEC ") : NULL;

	*reference = sec ? sec + 6 : "";
	if (!source)
		return 0;
	return sec ? (size_t)(sec - source) : strlen(source);
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

/* UKWD_EINVAL when the chart of ukwd_render_svg() or ukwd_render_html()
 * would span more than UKWD_RENDER_MAX_DAYS days: checked before a byte
 * is written. */
static int
check_drawable(const ukwd_schedule *sched)
{
	ukwd_date first, last;
	int rc = ukwd__render_range(&first, &last, sched, 1);

	if (rc)
		return rc;
	return (long)(last - first) + 1 > UKWD_RENDER_MAX_DAYS ? UKWD_EINVAL
	                                                       : 0;
}

/* ------------------------------------------------------------------ */
/* SVG and HTML */

/* Text as XML character data or attribute value: markup characters
 * escaped, and what XML 1.0 cannot hold (control characters, invalid
 * UTF-8) replaced by U+FFFD, so the document always parses; C1 controls
 * too, as everywhere (tab, newline and return are XML white space). */
static void
put_xml(struct ukwd__out *o, const char *text, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t c = 0;
		size_t need = ukwd__utf8_next(text + i, len - i, &c);

		if (!need) {
			ukwd__out_put(o, UKWD__REPLACEMENT, 3);
			i++;
			continue;
		}
		if (c == '&')
			ukwd__out_puts(o, "&amp;");
		else if (c == '<')
			ukwd__out_puts(o, "&lt;");
		else if (c == '>')
			ukwd__out_puts(o, "&gt;");
		else if (c == '"')
			ukwd__out_puts(o, "&quot;");
		else if (c == '\'')
			ukwd__out_puts(o, "&apos;");
		else if (ukwd__is_control(c) && c != '\t' && c != '\n' &&
		         c != '\r')
			ukwd__out_put(o, UKWD__REPLACEMENT, 3);
		else
			ukwd__out_put(o, text + i, need);
		i += need;
	}
}

static void
put_xml_str(struct ukwd__out *o, const char *text)
{
	if (text)
		put_xml(o, text, strlen(text));
}

/* At most `chars` characters of text, the last of them "…" when cut. */
static void
put_xml_cut(struct ukwd__out *o, const char *text, size_t chars)
{
	if (ukwd__utf8_width(text) <= chars) {
		put_xml_str(o, text);
		return;
	}
	put_xml(o, text, ukwd__utf8_prefix(text, chars - 1));
	ukwd__out_puts(o, "\xe2\x80\xa6");
}

/* Geometry in whole pixels, so that output is the same everywhere. */
#define SVG_LABEL_WIDTH 280
#define SVG_ROW         24
#define SVG_HEADER      44
#define SVG_RIGHT       140
#define SVG_LEGEND      64
#define SVG_WARNING     20 /* a warning line above the chart */
#define SVG_LABEL_CHARS 40 /* of a task name, at 12 px */

struct svg_chart {
	const ukwd_schedule *sched;
	const ukwd_plan *plan;
	const ukwd_calendar *cal;
	ukwd_date first, last;
	int scale;    /* day, week or month */
	long per_day; /* pixels */
	long width, height, chart_bottom;
	size_t n;
};

static long
svg_x(const struct svg_chart *c, ukwd_date d)
{
	return SVG_LABEL_WIDTH + (long)(d - c->first) * c->per_day;
}

static long
svg_row_mid(size_t task)
{
	return SVG_HEADER + (long)task * SVG_ROW + SVG_ROW / 2;
}

static const char *const month_names[] = {"Jan", "Feb", "Mar", "Apr",
                                          "May", "Jun", "Jul", "Aug",
                                          "Sep", "Oct", "Nov", "Dec"};
static const char *const weekday_names[] = {"Monday",   "Tuesday", "Wednesday",
                                            "Thursday", "Friday",  "Saturday",
                                            "Sunday"};

static void
svg_grid(struct ukwd__out *o, const struct svg_chart *c, ukwd_date today)
{
	char text[UKWD_DATE_STRLEN];

	ukwd__out_puts(o, "<g class=\"nonworking\">\n");
	for (ukwd_date d = c->first; d <= c->last && o->rc == 0; d++) {
		const char *name;

		if (ukwd_workday_is_working(c->cal, d) == 1)
			continue;
		name = ukwd_calendar_holiday_name(c->cal, d);
		ukwd__format_date(text, d);
		ukwd__out_printf(o,
		                 "<rect x=\"%ld\" y=\"%d\" width=\"%ld\" "
		                 "height=\"%ld\"><title>%s: ",
		                 svg_x(c, d), SVG_HEADER, c->per_day,
		                 c->chart_bottom - SVG_HEADER, text);
		if (name && *name)
			put_xml_str(o, name);
		else if (name)
			ukwd__out_puts(o, "holiday");
		else
			ukwd__out_puts(o,
			               weekday_names[ukwd_date_weekday(d) - 1]);
		ukwd__out_puts(o, "</title></rect>\n");
	}
	ukwd__out_puts(o, "</g>\n<g class=\"grid\">\n");
	for (ukwd_date d = c->first; d <= c->last + 1 && o->rc == 0; d++) {
		int y, m, day, wd = ukwd_date_weekday(d);
		long x = svg_x(c, d);

		ukwd_date_to_ymd(d, &y, &m, &day);
		if (day == 1 || d == c->first) {
			ukwd__out_printf(o,
			                 "<line x1=\"%ld\" y1=\"4\" x2=\"%ld\" "
			                 "y2=\"%ld\" class=\"month\"/>\n",
			                 x, x, c->chart_bottom);
			if (d <= c->last)
				ukwd__out_printf(o,
				                 "<text x=\"%ld\" y=\"16\">%s "
				                 "%04d</text>\n",
				                 x + 3, month_names[m - 1], y);
		} else if ((c->scale == UKWD_RENDER_SCALE_DAY ||
		            (c->scale == UKWD_RENDER_SCALE_WEEK && wd == 1)) &&
		           d <= c->last) {
			ukwd__out_printf(
			    o,
			    "<line x1=\"%ld\" y1=\"24\" x2=\"%ld\" "
			    "y2=\"%ld\" class=\"tick\"/>\n",
			    x, x, c->chart_bottom);
		}
		if (d <= c->last &&
		    (c->scale == UKWD_RENDER_SCALE_DAY ||
		     (c->scale == UKWD_RENDER_SCALE_WEEK && wd == 1)))
			ukwd__out_printf(o,
			                 "<text x=\"%ld\" y=\"36\" "
			                 "class=\"day\">%d</text>\n",
			                 x + 2, day);
	}
	ukwd__out_puts(o, "</g>\n");
	if (today != UKWD_RENDER_NO_DATE && today >= c->first &&
	    today <= c->last) {
		long x = svg_x(c, today) + c->per_day / 2;

		ukwd__format_date(text, today);
		ukwd__out_printf(
		    o,
		    "<line x1=\"%ld\" y1=\"%d\" x2=\"%ld\" y2=\"%ld\" "
		    "class=\"today\"><title>today, %s</title></line>\n",
		    x, SVG_HEADER - 4, x, c->chart_bottom, text);
	}
}

/* The x of a task's start (its first day's left edge) or end (its last
 * day's right edge); a milestone's diamond centre for both. */
static long
svg_point(const struct svg_chart *c, const ukwd_scheduled_task *row, int end)
{
	if (row->duration == 0)
		return svg_x(c, row->early_start) + c->per_day / 2;
	return end ? svg_x(c, row->early_finish + 1)
	           : svg_x(c, row->early_start);
}

static int
svg_task(struct ukwd__out *o, const struct svg_chart *c, size_t t,
         const ukwd_scheduled_task *row)
{
	const char *source = ukwd_plan_task_source(c->plan, t);
	const char *tag = ukwd_render_source_tag(source);
	int proposed = ukwd__render_is_proposed(c->plan, t);
	long mid = svg_row_mid(t), top = mid - SVG_ROW / 2 + 5;
	char es[UKWD_DATE_STRLEN], ef[UKWD_DATE_STRLEN];
	const char *cls = row->critical
	                      ? (proposed ? "bar crit proposed" : "bar crit")
	                  : proposed ? "bar proposed"
	                             : "bar";

	ukwd__format_date(es, row->early_start);
	ukwd__format_date(ef, row->early_finish);
	ukwd__out_printf(o, "<g class=\"task%s\" id=\"task-%zu\"><title>",
	                 row->critical ? " critical" : "", t + 1);
	put_xml_str(o, ukwd__render_name(c->plan, t));
	if (row->duration == 0)
		ukwd__out_printf(o, ": milestone on %s", es);
	else
		ukwd__out_printf(o, ": %s to %s, %ld working day%s", es, ef,
		                 (long)row->duration,
		                 row->duration == 1 ? "" : "s");
	ukwd__out_printf(o, ", total float %ld", (long)row->total_float);
	if (source) {
		ukwd__out_puts(o, "; ");
		put_xml_str(o, source);
	}
	ukwd__out_puts(o, "</title>\n");
	ukwd__out_printf(o, "<text x=\"%d\" y=\"%ld\" class=\"label\">", 6,
	                 mid + 4);
	put_xml_cut(o, ukwd__render_name(c->plan, t), SVG_LABEL_CHARS);
	ukwd__out_puts(o, "</text>\n");
	if (row->total_float > 0) {
		ukwd_date from = row->duration ? row->early_finish + 1
		                               : row->early_start + 1;

		ukwd__out_printf(o,
		                 "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" "
		                 "height=\"4\" class=\"float\"/>\n",
		                 svg_x(c, from), mid - 2,
		                 svg_x(c, row->late_finish + 1) -
		                     svg_x(c, from));
	}
	if (row->duration == 0) {
		long x = svg_point(c, row, 0);

		ukwd__out_printf(o,
		                 "<path d=\"M%ld %ldl7 7l-7 7l-7 -7z\" "
		                 "class=\"milestone%s\"/>\n",
		                 x, mid - 7, row->critical ? " crit" : "");
	} else {
		/* One rectangle a run of working days; a thin line across the
		 * non-working days between runs. */
		ukwd_date run = UKWD_RENDER_NO_DATE;

		ukwd__out_printf(o,
		                 "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" "
		                 "height=\"2\" class=\"join\"/>\n",
		                 svg_x(c, row->early_start), mid - 1,
		                 svg_x(c, row->early_finish + 1) -
		                     svg_x(c, row->early_start));
		for (ukwd_date d = row->early_start;
		     d <= row->early_finish + 1 && o->rc == 0; d++) {
			int working = d <= row->early_finish &&
			              ukwd_workday_is_working(c->cal, d) == 1;

			if (working && run == UKWD_RENDER_NO_DATE)
				run = d;
			if (!working && run != UKWD_RENDER_NO_DATE) {
				ukwd__out_printf(o,
				                 "<rect x=\"%ld\" y=\"%ld\" "
				                 "width=\"%ld\" height=\"%d\" "
				                 "class=\"%s\"/>\n",
				                 svg_x(c, run), top,
				                 svg_x(c, d) - svg_x(c, run),
				                 SVG_ROW - 10, cls);
				run = UKWD_RENDER_NO_DATE;
			}
		}
	}
	ukwd__out_printf(o, "<text x=\"%ld\" y=\"%ld\" class=\"note\">",
	                 svg_point(c, row, 1) + (row->duration ? 4 : 10),
	                 mid + 4);
	if (row->duration)
		ukwd__out_printf(o, "%ld d", (long)row->duration);
	if (proposed)
		ukwd__out_printf(o, "%s%s", row->duration ? " " : "", tag);
	ukwd__out_puts(o, "</text>\n</g>\n");
	return o->rc;
}

static int
svg_links(struct ukwd__out *o, const struct svg_chart *c)
{
	size_t nlinks = ukwd_plan_link_count(c->plan);

	ukwd__out_puts(o, "<g class=\"links\">\n");
	for (size_t k = 0; k < nlinks && o->rc == 0; k++) {
		ukwd_plan_link_info link;
		ukwd_scheduled_task pred, succ;
		long x1, y1, x2, y2;
		int rc = ukwd_plan_link(&link, c->plan, k);

		if (rc == 0)
			rc = ukwd_schedule_task(&pred, c->sched,
			                        link.predecessor);
		if (rc == 0)
			rc =
			    ukwd_schedule_task(&succ, c->sched, link.successor);
		if (rc)
			return rc;
		/* From the predecessor's finish (FS, FF) or start (SS, SF)
		 * to the successor's start (FS, SS) or finish (FF, SF). */
		x1 = svg_point(c, &pred,
		               link.type == UKWD_LINK_FS ||
		                   link.type == UKWD_LINK_FF);
		x2 = svg_point(c, &succ,
		               link.type == UKWD_LINK_FF ||
		                   link.type == UKWD_LINK_SF);
		y1 = svg_row_mid(link.predecessor);
		y2 = svg_row_mid(link.successor);
		y2 += y2 > y1 ? -6 : 6;
		ukwd__out_printf(
		    o,
		    "<path d=\"M%ld %ldH%ldV%ldH%ld\" class=\"link\">"
		    "<title>",
		    x1, y1, x1 + 5, y2, x2);
		put_xml_str(o, ukwd_plan_task_id(c->plan, link.predecessor));
		ukwd__out_printf(o, " %s", ukwd_link_type_name(link.type));
		if (link.lag)
			ukwd__out_printf(o, "%+ld", (long)link.lag);
		ukwd__out_puts(o, " ");
		put_xml_str(o, ukwd_plan_task_id(c->plan, link.successor));
		ukwd__out_puts(o, "</title></path>\n");
	}
	ukwd__out_puts(o, "</g>\n");
	return o->rc;
}

static void
svg_legend(struct ukwd__out *o, const struct svg_chart *c, int today)
{
	long y = c->chart_bottom + 20, x = 6;
	static const struct {
		const char *cls, *text;
		int width;
	} items[] = {
	    {"bar", "working days", 120},
	    {"bar crit", "critical (no float)", 150},
	    {"bar proposed", "PROPOSED or USER duration (not sourced)", 280},
	    {"float", "total float", 110},
	};

	ukwd__out_printf(
	    o, "<g class=\"legend\" transform=\"translate(0 %ld)\">\n", y);
	for (size_t i = 0; i < sizeof(items) / sizeof(*items); i++) {
		ukwd__out_printf(
		    o,
		    "<rect x=\"%ld\" y=\"%d\" width=\"18\" height=\"%d\" "
		    "class=\"%s\"/><text x=\"%ld\" y=\"12\">%s</text>\n",
		    x, items[i].cls[0] == 'f' ? 5 : 0,
		    items[i].cls[0] == 'f' ? 4 : 14, items[i].cls, x + 24,
		    items[i].text);
		x += items[i].width;
	}
	ukwd__out_printf(
	    o,
	    "<path d=\"M%ld 0l7 7l-7 7l-7 -7z\" class=\"milestone\"/>"
	    "<text x=\"%ld\" y=\"12\">milestone</text>\n",
	    x + 7, x + 20);
	x = 6;
	ukwd__out_printf(o,
	                 "<rect x=\"%ld\" y=\"24\" width=\"18\" height=\"14\" "
	                 "class=\"nonworking\"/><text x=\"%ld\" y=\"36\">"
	                 "non-working day</text>\n",
	                 x, x + 24);
	x += 150;
	ukwd__out_printf(
	    o,
	    "<path d=\"M%ld 31h22\" class=\"link\"/><text x=\"%ld\" "
	    "y=\"36\">dependency</text>\n",
	    x, x + 30);
	x += 120;
	if (today)
		ukwd__out_printf(
		    o,
		    "<line x1=\"%ld\" y1=\"24\" x2=\"%ld\" y2=\"38\" "
		    "class=\"today\"/><text x=\"%ld\" y=\"36\">"
		    "today</text>\n",
		    x + 8, x + 8, x + 16);
	ukwd__out_puts(o, "</g>\n");
}

static const char svg_style[] =
    "<style>\n"
    "text { font-family: sans-serif; font-size: 12px; fill: #222; }\n"
    "text.day { font-size: 9px; fill: #666; }\n"
    "text.note { font-size: 10px; fill: #555; }\n"
    "text.warning { font-size: 13px; font-weight: bold; fill: #b00; }\n"
    ".nonworking rect, rect.nonworking { fill: #e8e8e8; }\n"
    "line.month { stroke: #999; }\n"
    "line.tick { stroke: #eee; }\n"
    "line.today { stroke: #e6550d; stroke-width: 2; "
    "stroke-dasharray: 4 2; }\n"
    ".bar { fill: #3182bd; }\n"
    ".bar.crit { fill: #d62728; }\n"
    ".bar.proposed { fill: url(#ukwd-hatch); }\n"
    ".bar.crit.proposed { fill: url(#ukwd-hatch-crit); }\n"
    ".join { fill: #999; }\n"
    ".float { fill: #bbb; }\n"
    ".milestone { fill: #333; }\n"
    ".milestone.crit { fill: #d62728; }\n"
    ".link { fill: none; stroke: #666; marker-end: url(#ukwd-arrow); }\n"
    "</style>\n"
    "<defs>\n"
    "<pattern id=\"ukwd-hatch\" patternUnits=\"userSpaceOnUse\" "
    "width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
    "<rect width=\"6\" height=\"6\" fill=\"#c6dbef\"/>"
    "<rect width=\"3\" height=\"6\" fill=\"#3182bd\"/></pattern>\n"
    "<pattern id=\"ukwd-hatch-crit\" patternUnits=\"userSpaceOnUse\" "
    "width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
    "<rect width=\"6\" height=\"6\" fill=\"#f4c2c2\"/>"
    "<rect width=\"3\" height=\"6\" fill=\"#d62728\"/></pattern>\n"
    "<marker id=\"ukwd-arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" "
    "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">"
    "<path d=\"M0 0L8 4L0 8z\" fill=\"#666\"/></marker>\n"
    "</defs>\n";

static int
svg_write(struct ukwd__out *o, const ukwd_schedule *sched,
          const ukwd_render_options *opts, int with_warnings)
{
	struct svg_chart c;
	const char *title = opts->title ? opts->title : "Schedule";
	size_t warnings;
	long days;
	int rc;

	c.sched = sched;
	c.plan = ukwd_schedule_plan(sched);
	c.cal = ukwd_schedule_calendar(sched);
	c.n = ukwd_schedule_task_count(sched);
	rc = ukwd__render_range(&c.first, &c.last, sched, 1);
	if (rc)
		return rc;
	days = (long)(c.last - c.first) + 1;
	if (days > UKWD_RENDER_MAX_DAYS) /* past 500 years: useless */
		return UKWD_EINVAL;
	c.scale = opts->scale;
	if (c.scale == UKWD_RENDER_SCALE_AUTO)
		c.scale = days <= 62    ? UKWD_RENDER_SCALE_DAY
		          : days <= 400 ? UKWD_RENDER_SCALE_WEEK
		                        : UKWD_RENDER_SCALE_MONTH;
	/* Whole weeks, from a Monday, at week scale. */
	if (c.scale == UKWD_RENDER_SCALE_WEEK) {
		c.first -= ukwd_date_weekday(c.first) - 1;
		c.last += 7 - ukwd_date_weekday(c.last);
		days = (long)(c.last - c.first) + 1;
	}
	c.per_day = c.scale == UKWD_RENDER_SCALE_DAY    ? 20
	            : c.scale == UKWD_RENDER_SCALE_WEEK ? 5
	                                                : 2;
	if (opts->width > 0) {
		long room = opts->width - SVG_LABEL_WIDTH - SVG_RIGHT;

		c.per_day = room / days > 0 ? room / days : 1;
	}
	c.width = SVG_LABEL_WIDTH + days * c.per_day + SVG_RIGHT;
	if (c.width < 760)
		c.width = 760;
	c.chart_bottom = SVG_HEADER + (long)c.n * SVG_ROW;
	c.height = c.chart_bottom + SVG_LEGEND;
	/* In HTML the page states the warnings above the chart. */
	warnings = with_warnings ? ukwd__render_warning_count(sched, opts) : 0;
	ukwd__out_printf(
	    o,
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%ld\" height=\"%ld\" viewBox=\"0 0 %ld %ld\" "
	    "role=\"img\">\n<title>",
	    c.width, c.height + (long)warnings * SVG_WARNING, c.width,
	    c.height + (long)warnings * SVG_WARNING);
	put_xml_str(o, title);
	ukwd__out_puts(o, "</title>\n");
	ukwd__out_puts(o, svg_style);
	/* Warnings above the chart, which moves down to make room. */
	for (size_t k = 0; k < warnings; k++) {
		char warning[UKWD__WARNING_SIZE];

		ukwd__render_warning_line(warning, sched, opts, k);
		ukwd__out_printf(o,
		                 "<text class=\"warning\" x=\"6\" y=\"%ld\">",
		                 (long)k * SVG_WARNING + 16);
		put_xml_str(o, "\u26a0 ");
		put_xml_str(o, warning);
		ukwd__out_puts(o, "</text>\n");
	}
	if (warnings)
		ukwd__out_printf(o, "<g transform=\"translate(0 %ld)\">\n",
		                 (long)warnings * SVG_WARNING);
	svg_grid(o, &c, opts->today);
	for (size_t t = 0; t < c.n && o->rc == 0; t++) {
		ukwd_scheduled_task row;

		rc = ukwd_schedule_task(&row, sched, t);
		if (rc == 0)
			rc = svg_task(o, &c, t, &row);
		if (rc)
			return rc;
	}
	rc = svg_links(o, &c);
	if (rc)
		return rc;
	svg_legend(o, &c,
	           opts->today != UKWD_RENDER_NO_DATE &&
	               opts->today >= c.first && opts->today <= c.last);
	if (warnings)
		ukwd__out_puts(o, "</g>\n");
	ukwd__out_puts(o, "</svg>\n");
	return o->rc;
}

int
ukwd_render_svg(const ukwd_schedule *sched, const ukwd_render_options *options,
                ukwd_sink write, void *payload)
{
	ukwd_render_options opts;
	struct ukwd__out o;
	int rc = ukwd__render_get_options(&opts, options, sched, write);

	if (rc)
		return rc;
	ukwd__out_init(&o, write, payload);
	ukwd__out_grow(&o);
	ukwd__out_puts(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	rc = svg_write(&o, sched, &opts, 1);
	if (rc == 0)
		rc = ukwd__out_finish(&o);
	ukwd__out_release(&o);
	return rc;
}

static const char html_head[] =
    "<style>\n"
    "body { font-family: sans-serif; margin: 1em; color: #222; }\n"
    "figure { margin: 0 0 1em 0; overflow-x: auto; }\n"
    "table { border-collapse: collapse; font-size: 13px; }\n"
    "th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; "
    "vertical-align: top; }\n"
    "th { background: #f2f2f2; cursor: pointer; user-select: none; }\n"
    "th[aria-sort=ascending]::after { content: \" \\25B2\"; }\n"
    "th[aria-sort=descending]::after { content: \" \\25BC\"; }\n"
    "td.num { text-align: right; }\n"
    "tr.critical td.name { font-weight: bold; color: #b00; }\n"
    "td.PROPOSED, td.USER { background: #eef4fb; font-style: italic; }\n"
    "p.warning { color: #b00; font-weight: bold; border: 2px solid #b00; "
    "padding: 4px 8px; }\n"
    "tr.past td { color: #777; }\n"
    "</style>\n";

/* Sorts the table by the clicked header: numbers by data-key, text by
 * its content; ties keep plan order. No '<' or '&', so it is valid XML
 * character data as well as HTML. */
static const char html_script[] =
    "<script>\n"
    "(function () {\n"
    "  var table = document.getElementById('ukwd-tasks');\n"
    "  var heads = table.tHead.rows[0].cells;\n"
    "  Array.prototype.forEach.call(heads, function (th, col) {\n"
    "    th.addEventListener('click', function () {\n"
    "      var up = th.getAttribute('aria-sort') !== 'ascending';\n"
    "      Array.prototype.forEach.call(heads, function (h) {\n"
    "        h.removeAttribute('aria-sort');\n"
    "      });\n"
    "      th.setAttribute('aria-sort', up ? 'ascending' : "
    "'descending');\n"
    "      var body = table.tBodies[0];\n"
    "      var rows = Array.prototype.slice.call(body.rows);\n"
    "      var numeric = th.getAttribute('data-type') === 'number';\n"
    "      function key(row) {\n"
    "        var cell = row.cells[col];\n"
    "        return cell.getAttribute('data-key') || cell.textContent;\n"
    "      }\n"
    "      rows.sort(function (a, b) {\n"
    "        var x = key(a), y = key(b);\n"
    "        var order = numeric ? Number(x) - Number(y)\n"
    "                            : String(x).localeCompare(String(y));\n"
    "        if (order === 0)\n"
    "          return Number(a.getAttribute('data-index')) -\n"
    "                 Number(b.getAttribute('data-index'));\n"
    "        return up ? order : -order;\n"
    "      });\n"
    "      rows.forEach(function (row) { body.appendChild(row); });\n"
    "    });\n"
    "  });\n"
    "})();\n"
    "</script>\n";

static void
html_cell(struct ukwd__out *o, const char *cls, const char *text)
{
	if (cls)
		ukwd__out_printf(o, "<td class=\"%s\">", cls);
	else
		ukwd__out_puts(o, "<td>");
	put_xml_str(o, text);
	ukwd__out_puts(o, "</td>");
}

int
ukwd_render_html(const ukwd_schedule *sched, const ukwd_render_options *options,
                 ukwd_sink write, void *payload)
{
	static const struct {
		const char *name, *type;
	} columns[] = {
	    {"#", "number"},
	    {"ID", "text"},
	    {"Task", "text"},
	    {"Days", "number"},
	    {"Start", "text"},
	    {"Finish", "text"},
	    {"Late start", "text"},
	    {"Late finish", "text"},
	    {"Total float", "number"},
	    {"Free float", "number"},
	    {"Critical", "text"},
	    {"Source", "text"},
	    {"Why this start", "text"},
	    {"Why this finish", "text"},
	};
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	struct ukwd__sentence why = {NULL, 0};
	ukwd_render_options opts;
	const char *title;
	struct ukwd__out o;
	size_t n;
	int rc = ukwd__render_get_options(&opts, options, sched, write);
	int backward = ukwd__render_is_backward(sched);

	if (rc == 0)
		rc = check_drawable(sched);
	if (rc)
		return rc;
	title = opts.title ? opts.title : "Schedule";
	n = ukwd_schedule_task_count(sched);
	ukwd__out_init(&o, write, payload);
	ukwd__out_grow(&o);
	ukwd__out_puts(
	    &o, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/"
	        "xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	        "<title>");
	put_xml_str(&o, title);
	ukwd__out_puts(&o, "</title>\n");
	ukwd__out_puts(&o, html_head);
	ukwd__out_puts(&o, "</head>\n<body>\n<h1>");
	put_xml_str(&o, title);
	ukwd__out_puts(&o, "</h1>\n");
	for (size_t k = 0; k < ukwd__render_warning_count(sched, &opts); k++) {
		char warning[UKWD__WARNING_SIZE];

		ukwd__render_warning_line(warning, sched, &opts, k);
		ukwd__out_puts(&o, "<p class=\"warning\" role=\"alert\">");
		put_xml_str(&o, warning);
		ukwd__out_puts(&o, "</p>\n");
	}
	ukwd__out_puts(&o, "<figure>\n");
	rc = svg_write(&o, sched, &opts, 0);
	if (rc)
		goto done;
	ukwd__out_puts(&o, "</figure>\n<table id=\"ukwd-tasks\">\n<thead><tr>");
	for (size_t k = 0; k < sizeof(columns) / sizeof(*columns); k++)
		ukwd__out_printf(&o, "<th data-type=\"%s\">%s</th>",
		                 columns[k].type, columns[k].name);
	ukwd__out_puts(&o, "</tr></thead>\n<tbody>\n");
	for (size_t t = 0; t < n && o.rc == 0; t++) {
		ukwd_scheduled_task row;
		char es[UKWD_DATE_STRLEN], ef[UKWD_DATE_STRLEN],
		    ls[UKWD_DATE_STRLEN], lf[UKWD_DATE_STRLEN];
		const char *source = ukwd_plan_task_source(plan, t);

		rc = ukwd_schedule_task(&row, sched, t);
		if (rc)
			goto done;
		ukwd__format_date(es, row.early_start);
		ukwd__format_date(ef, row.early_finish);
		ukwd__format_date(ls, row.late_start);
		ukwd__format_date(lf, row.late_finish);
		ukwd__out_printf(
		    &o, "<tr data-index=\"%zu\"%s><td class=\"num\">%zu</td>",
		    t,
		    row.critical && opts.today != UKWD_RENDER_NO_DATE &&
		            ukwd__render_shown_start(&row, backward) <
		                opts.today
		        ? " class=\"critical past\""
		    : row.critical ? " class=\"critical\""
		    : opts.today != UKWD_RENDER_NO_DATE &&
		            ukwd__render_shown_start(&row, backward) <
		                opts.today
		        ? " class=\"past\""
		        : "",
		    t + 1);
		html_cell(&o, NULL, ukwd_plan_task_id(plan, t));
		html_cell(&o, "name", ukwd__render_name(plan, t));
		ukwd__out_printf(
		    &o,
		    "<td class=\"num\">%ld</td><td>%s</td><td>%s</td>"
		    "<td>%s</td><td>%s</td><td class=\"num\">%ld</td>"
		    "<td class=\"num\">%ld</td><td>%s</td>",
		    (long)row.duration, es, ef, ls, lf, (long)row.total_float,
		    (long)row.free_float,
		    row.total_float < 0 ? "negative float"
		    : row.critical      ? "yes"
		                        : "no");
		html_cell(&o,
		          *ukwd_render_source_tag(source)
		              ? ukwd_render_source_tag(source)
		              : NULL,
		          source ? source : "");
		for (int side = 0; side < 2; side++) {
			rc = ukwd__render_explain(&why, sched, t,
			                          (ukwd_schedule_side)side);
			if (rc)
				goto done;
			html_cell(&o, NULL, why.text);
		}
		ukwd__out_puts(&o, "</tr>\n");
	}
	ukwd__out_puts(&o, "</tbody>\n</table>\n");
	ukwd__out_puts(&o, html_script);
	ukwd__out_puts(&o, "</body>\n</html>\n");
	rc = ukwd__out_finish(&o);
done:
	ukwd__out_release(&o);
	ukwd__free(why.text);
	return rc ? rc : o.rc;
}
