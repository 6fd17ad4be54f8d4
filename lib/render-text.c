/* Schedules as a text Gantt chart, for a terminal: a label column, one
 * column a day or a run of weeks, and a key. Lines are built in a
 * growing buffer and written cleaned (render-private.h). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "render-private.h"
#include "ukwd/workday.h"

struct glyphs {
	const char *bar, *proposed, *slack, *milestone, *shade, *today, *cut,
	    *holiday;
};

static const struct glyphs unicode_glyphs = {
    "\xe2\x96\x88", "\xe2\x96\x92", "\xe2\x94\x80", "\xe2\x97\x86",
    "\xe2\x96\x91", "\xe2\x94\x82", "\xe2\x80\xa6", "\xe2\x96\x9a"};
static const struct glyphs ascii_glyphs = {"#", "/", "-", "*",
                                           ":", "|", "~", "H"};

/* A growing line, trimmed of trailing spaces when written. */
struct line {
	char *text;
	size_t len, capacity;
};

static int
line_put(struct line *l, const char *text, size_t len)
{
	if (l->len + len + 1 > l->capacity) {
		size_t capacity = (l->len + len + 1) * 2;
		char *grown = ukwd__realloc(l->text, capacity);

		if (!grown)
			return UKWD_ENOMEM;
		l->text = grown;
		l->capacity = capacity;
	}
	memcpy(l->text + l->len, text, len);
	l->len += len;
	return 0;
}

static int
line_puts(struct line *l, const char *text)
{
	return line_put(l, text, strlen(text));
}

static void
line_emit(struct ukwd__out *o, struct line *l)
{
	while (l->len && l->text[l->len - 1] == ' ')
		l->len--;
	/* Only names can bring a control character or a bad byte. */
	ukwd__put_clean(o, l->text, l->len);
	ukwd__out_put(o, "\n", 1);
	l->len = 0;
}

/* Exactly `width` characters of `text`: padded, or cut with `cut`. */
static int
line_column(struct line *l, const char *text, size_t width, const char *cut)
{
	size_t have = ukwd__utf8_width(text);
	int rc = 0;

	if (have <= width) {
		rc = line_puts(l, text);
		for (; rc == 0 && have < width; have++)
			rc = line_put(l, " ", 1);
		return rc;
	}
	rc = line_put(l, text, ukwd__utf8_prefix(text, width - 1));
	return rc ? rc : line_puts(l, cut);
}

/* What a column shows, worked out once. */
struct text_chart {
	const ukwd_calendar *cal;
	ukwd_date origin;   /* the first day of column 0 */
	int32_t per_column; /* calendar days a column */
	size_t columns;
	ukwd_date first, last; /* the days drawn */
};

static ukwd_date
column_first(const struct text_chart *c, size_t column)
{
	return c->origin + (ukwd_date)column * c->per_column;
}

static size_t
column_of(const struct text_chart *c, ukwd_date d)
{
	return (size_t)((d - c->origin) / c->per_column);
}

/* Whether any day of the column in [from, to] is a working day. */
static int
column_has_working(const struct text_chart *c, size_t column, ukwd_date from,
                   ukwd_date to)
{
	ukwd_date d = column_first(c, column), end = d + c->per_column - 1;

	if (d < from)
		d = from;
	if (end > to)
		end = to;
	for (; d <= end; d++)
		if (ukwd_workday_is_working(c->cal, d) == 1)
			return 1;
	return 0;
}

/* Shaded: a non-working day (day scale: 2 for a holiday, 1 for a
 * weekend day), or a week with a non-working weekday (2: a holiday). */
static int
column_shaded(const struct text_chart *c, size_t column)
{
	ukwd_date d = column_first(c, column);
	unsigned int weekend = ukwd_calendar_weekend(c->cal);

	if (c->per_column == 1)
		return ukwd_workday_is_working(c->cal, d) == 1         ? 0
		       : ukwd_calendar_holiday_name(c->cal, d) != NULL ? 2
		                                                       : 1;
	for (ukwd_date end = d + c->per_column; d < end; d++)
		if (!(weekend >> (ukwd_date_weekday(d) - 1) & 1u) &&
		    ukwd_workday_is_working(c->cal, d) != 1)
			return 2;
	return 0;
}

static int
text_header(struct ukwd__out *o, struct line *l, const struct text_chart *c,
            size_t indent)
{
	size_t next_free = 0;
	int rc = 0, pending = 0;

	for (size_t i = 0; rc == 0 && i < indent; i++)
		rc = line_put(l, " ", 1);
	/* Each month's label at its first column, or as soon after as
	 * there is room, while still in that month. */
	for (size_t col = 0; rc == 0 && col < c->columns;) {
		static const char *const months[] = {
		    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
		    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
		int y0, m0, d0, y1 = 0, m1 = 0, d1;
		char label[16];
		size_t len;

		ukwd_date_to_ymd(column_first(c, col), &y0, &m0, &d0);
		if (col > 0)
			ukwd_date_to_ymd(column_first(c, col - 1), &y1, &m1,
			                 &d1);
		/* Columns of several weeks: years only. */
		if (col == 0 || y0 != y1 || (m0 != m1 && c->per_column < 28))
			pending = 1;
		if (c->per_column >= 28)
			snprintf(label, sizeof(label), "%04d", y0);
		else if (c->per_column == 1)
			snprintf(label, sizeof(label), "%04d-%02d", y0, m0);
		else if (col == 0 || m0 == 1)
			snprintf(label, sizeof(label), "%s %04d",
			         months[m0 - 1], y0);
		else
			snprintf(label, sizeof(label), "%s", months[m0 - 1]);
		len = strlen(label);
		if (pending && col >= next_free && col + len <= c->columns) {
			rc = line_puts(l, label);
			col += len;
			next_free = col + 1;
			pending = 0;
			continue;
		}
		rc = line_put(l, " ", 1);
		col++;
	}
	if (rc)
		return rc;
	line_emit(o, l);
	if (c->per_column != 1)
		return 0;
	for (size_t i = 0; rc == 0 && i < indent; i++)
		rc = line_put(l, " ", 1);
	for (size_t col = 0; rc == 0 && col < c->columns; col++)
		rc = line_put(
		    l, &"MTWTFSS"[ukwd_date_weekday(column_first(c, col)) - 1],
		    1);
	if (rc == 0)
		line_emit(o, l);
	return rc;
}

/* What the text steps share. */
struct text_writer {
	struct ukwd__out o;
	struct line l;
	const ukwd_schedule *sched;
	const ukwd_plan *plan;
	const ukwd_render_options *opts; /* width set */
	const struct glyphs *g;
	struct text_chart c;
	size_t label_width, indent;
	int show_today;
	/* What the rows drew, for the key. */
	int any_proposed, any_user, any_negative, any_critical, any_milestone;
	int any_bar, any_slack, any_shade, any_holiday;
};

/* The label column's width (the longest name, within limits) and the
 * chart's columns: days when they fit the width, else weeks or runs of
 * weeks from a Monday. */
static int
text_layout(struct text_writer *w)
{
	struct text_chart *c = &w->c;
	size_t n = ukwd_schedule_task_count(w->sched), area, span_days;
	size_t width = (size_t)w->opts->width;
	int rc;

	c->cal = ukwd_schedule_calendar(w->sched);
	rc = ukwd__render_range(&c->first, &c->last, w->sched, 1);
	if (rc)
		return rc;
	w->label_width = 4;
	for (size_t t = 0; t < n; t++) {
		size_t name = ukwd__utf8_width(ukwd__render_name(w->plan, t));

		if (name > w->label_width)
			w->label_width = name;
	}
	if (w->label_width > 30)
		w->label_width = 30;
	/* At least 20 columns of chart. */
	if (width < w->label_width + 3 + 20)
		w->label_width = width - 3 - 20;
	w->indent = w->label_width + 3;
	area = width - w->indent;
	span_days = (size_t)(c->last - c->first) + 1;
	if (w->opts->scale != UKWD_RENDER_SCALE_WEEK && span_days <= area) {
		c->origin = c->first;
		c->per_column = 1;
	} else {
		size_t weeks;

		c->origin = c->first - (ukwd_date_weekday(c->first) - 1);
		weeks = ((size_t)(c->last - c->origin) + 7) / 7;
		c->per_column = 7 * (int32_t)((weeks + area - 1) / area);
	}
	c->columns = (size_t)(c->last - c->origin) / (size_t)c->per_column + 1;
	w->show_today = w->opts->today != UKWD_RENDER_NO_DATE &&
	                w->opts->today >= c->origin &&
	                w->opts->today <= c->last;
	return 0;
}

/* What a task's row shows in a column: its bar or milestone, then its
 * float, then today's line, then shading. */
static const char *
text_glyph(const struct text_writer *w, const ukwd_scheduled_task *row,
           size_t col, int proposed)
{
	const struct text_chart *c = &w->c;
	const struct glyphs *g = w->g;
	ukwd_date from = column_first(c, col);
	ukwd_date to = from + c->per_column - 1;
	ukwd_date drawn_end =
	    row->duration ? row->early_finish : row->early_start;

	if (row->duration == 0 && col == column_of(c, row->early_start))
		return g->milestone;
	if (row->duration > 0 && from <= row->early_finish &&
	    to >= row->early_start &&
	    column_has_working(c, col, row->early_start, row->early_finish))
		return proposed ? g->proposed : g->bar;
	if (row->total_float > 0 && to > drawn_end &&
	    from <= row->late_finish &&
	    column_has_working(c, col, drawn_end + 1, row->late_finish))
		return g->slack;
	if (w->show_today && w->opts->today >= from && w->opts->today <= to)
		return g->today;
	switch (column_shaded(c, col)) {
	case 2:
		return g->holiday;
	case 1:
		return g->shade;
	default:
		return " ";
	}
}

static int
text_row(struct text_writer *w, size_t t)
{
	ukwd_scheduled_task row;
	int proposed = ukwd__render_is_proposed(w->plan, t);
	int rc = ukwd_schedule_task(&row, w->sched, t);

	if (rc)
		return rc;
	w->any_proposed |= proposed;
	w->any_user |= strcmp(ukwd__render_tag(w->plan, t), "USER") == 0;
	w->any_negative |= row.total_float < 0;
	w->any_critical |= row.critical;
	w->any_milestone |= row.duration == 0;
	rc = line_puts(&w->l, row.total_float < 0 ? "! "
	                      : row.critical      ? "* "
	                                          : "  ");
	if (rc == 0)
		rc = line_column(&w->l, ukwd__render_name(w->plan, t),
		                 w->label_width, w->g->cut);
	if (rc == 0)
		rc = line_put(&w->l, " ", 1);
	for (size_t col = 0; rc == 0 && col < w->c.columns; col++) {
		const char *glyph = text_glyph(w, &row, col, proposed);

		w->any_bar |= glyph == w->g->bar;
		w->any_slack |= glyph == w->g->slack;
		w->any_shade |= glyph == w->g->shade;
		w->any_holiday |= glyph == w->g->holiday;
		rc = line_puts(&w->l, glyph);
	}
	if (rc == 0)
		line_emit(&w->o, &w->l);
	return rc;
}

/* The line under the chart: the days it spans and what a column is. */
static void
text_span(struct text_writer *w)
{
	char a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN], scale[64];
	int32_t per_column = w->c.per_column;

	ukwd__format_date(a, w->c.first);
	ukwd__format_date(b, w->c.last);
	if (per_column == 1)
		snprintf(scale, sizeof(scale), "a column is a day.");
	else if (per_column == 7)
		snprintf(scale, sizeof(scale),
		         "a column is a week, Monday to Sunday.");
	else
		snprintf(scale, sizeof(scale),
		         "a column is %ld weeks from a Monday.",
		         (long)(per_column / 7));
	ukwd__out_printf(
	    &w->o, "\n%s to %s;%s%s\n", a, b,
	    (size_t)w->opts->width < 24 + strlen(scale) ? "\n" : " ", scale);
}

/* The key's items, as many a line as fit the width. */
static void
text_key(struct text_writer *w)
{
	const struct glyphs *g = w->g;
	char items[10][64], a[UKWD_DATE_STRLEN];
	size_t nitems = 0, used = 0;

	if (w->any_bar)
		snprintf(items[nitems++], sizeof(*items), "%s working days",
		         g->bar);
	if (w->any_slack)
		snprintf(items[nitems++], sizeof(*items), "%s float", g->slack);
	if (w->any_proposed)
		snprintf(items[nitems++], sizeof(*items), "%s %s duration",
		         g->proposed,
		         w->any_user ? "PROPOSED or USER" : "PROPOSED");
	if (w->any_milestone)
		snprintf(items[nitems++], sizeof(*items), "%s milestone",
		         g->milestone);
	if (w->any_shade)
		snprintf(items[nitems++], sizeof(*items), "%s non-working day",
		         g->shade);
	if (w->any_holiday)
		snprintf(items[nitems++], sizeof(*items), "%s %s", g->holiday,
		         w->c.per_column == 1 ? "holiday (named below)"
		                              : "a week with a holiday "
		                                "(named below)");
	if (w->show_today) {
		ukwd__format_date(a, w->opts->today);
		snprintf(items[nitems++], sizeof(*items), "%s today (%s)",
		         g->today, a);
	}
	if (w->any_critical)
		snprintf(items[nitems++], sizeof(*items),
		         "* critical: no float");
	if (w->any_negative)
		snprintf(items[nitems++], sizeof(*items), "! negative float");
	for (size_t k = 0; k < nitems; k++) {
		size_t width = ukwd__utf8_width(items[k]);

		if (used && used + 2 + width > (size_t)w->opts->width) {
			ukwd__out_puts(&w->o, "\n");
			used = 0;
		}
		if (used) {
			ukwd__out_puts(&w->o, "  ");
			used += 2;
		}
		ukwd__out_puts(&w->o, items[k]);
		used += width;
	}
	ukwd__out_puts(&w->o, "\n");
}

/* The holidays the key's holiday mark stands for, by date and name,
 * word by word within the width (a word too long for a line is cut);
 * the first few dozen only (a plan of centuries lists "and N more"). */
#define TEXT_HOLIDAYS_MAX 24

struct text_holidays {
	struct text_writer *w;
	size_t total, count, used;
};

/* Characters in text[0..len), as ukwd__utf8_width() counts them. */
static size_t
span_width(const char *text, size_t len)
{
	size_t width = 0;

	for (size_t i = 0; i < len; width++) {
		uint32_t cp;
		size_t n = ukwd__utf8_next(text + i, len - i, &cp);

		i += n ? n : 1;
	}
	return width;
}

/* " word" and its punctuation, on a new line (indented by one more
 * space) when it would pass the width. */
static void
text_word(struct text_holidays *h, const char *word, size_t len,
          const char *punctuation)
{
	struct text_writer *w = h->w;
	size_t width = (size_t)w->opts->width;
	size_t have = span_width(word, len) + strlen(punctuation);

	if (h->used + 1 + have > width) {
		ukwd__out_puts(&w->o, "\n ");
		h->used = 1;
	}
	ukwd__out_puts(&w->o, " ");
	h->used++;
	if (h->used + have > width) {
		size_t keep = width - h->used - 1, bytes = 0;

		for (size_t k = 0; k < keep && bytes < len; k++) {
			uint32_t cp;
			size_t n =
			    ukwd__utf8_next(word + bytes, len - bytes, &cp);

			bytes += n ? n : 1;
		}
		ukwd__put_clean(&w->o, word, bytes);
		ukwd__out_puts(&w->o, w->g->cut);
		h->used += keep + 1;
		return;
	}
	ukwd__put_clean(&w->o, word, len);
	ukwd__out_puts(&w->o, punctuation);
	h->used += have;
}

static int
count_holiday(ukwd_date d, const char *name, void *payload)
{
	(void)d;
	(void)name;
	++*(size_t *)payload;
	return 0;
}

static int
text_holiday(ukwd_date d, const char *name, void *payload)
{
	struct text_holidays *h = payload;
	char date[UKWD_DATE_STRLEN];
	const char *end;
	size_t len;

	if (h->count++ >= TEXT_HOLIDAYS_MAX)
		return 1;
	if (!name || !*name)
		name = "holiday";
	end = h->count == h->total           ? "."
	      : h->count < TEXT_HOLIDAYS_MAX ? ";"
	                                     : "; and";
	ukwd__format_date(date, d);
	text_word(h, date, strlen(date), "");
	len = strlen(name);
	while (len && name[len - 1] == ' ')
		len--;
	if (len == 0) {
		name = "holiday";
		len = strlen(name);
	}
	for (size_t i = 0; i < len;) {
		size_t word = strcspn(name + i, " ");

		if (word)
			text_word(h, name + i, word,
			          i + word >= len ? end : "");
		i += word + 1;
	}
	return 0;
}

static void
text_holidays(struct text_writer *w)
{
	struct text_holidays h = {w, 0, 0, 9};
	char more[64];

	if (!w->any_holiday ||
	    ukwd_calendar_foreach_holiday(w->c.cal, w->c.origin, w->c.last,
	                                  count_holiday, &h.total) ||
	    h.total == 0)
		return;
	ukwd__out_puts(&w->o, "Holidays:");
	ukwd_calendar_foreach_holiday(w->c.cal, w->c.origin, w->c.last,
	                              text_holiday, &h);
	if (h.total > TEXT_HOLIDAYS_MAX) {
		snprintf(more, sizeof(more), "%zu",
		         h.total - TEXT_HOLIDAYS_MAX);
		text_word(&h, more, strlen(more), " more.");
	}
	ukwd__out_puts(&w->o, "\n");
}

static void
text_warnings(struct text_writer *w)
{
	size_t count = ukwd__render_warning_count(w->sched, w->opts);

	for (size_t k = 0; k < count; k++) {
		char warning[UKWD__WARNING_SIZE];

		ukwd__render_warning_line(warning, w->sched, w->opts, k);
		ukwd__out_puts(&w->o, "Warning: ");
		ukwd__put_clean(&w->o, warning, strlen(warning));
		ukwd__out_puts(&w->o, ".\n");
	}
}

int
ukwd_render_text(const ukwd_schedule *sched, const ukwd_render_options *options,
                 ukwd_sink write, void *payload)
{
	struct text_writer w = {.sched = sched, .l = {NULL, 0, 0}};
	ukwd_render_options opts;
	size_t n;
	int rc = ukwd__render_get_options(&opts, options, sched, write);

	if (rc)
		return rc;
	if (opts.width == 0)
		opts.width = 100;
	if (opts.width < 40 || opts.width > 10000 ||
	    opts.scale == UKWD_RENDER_SCALE_MONTH)
		return UKWD_EINVAL;
	w.plan = ukwd_schedule_plan(sched);
	w.opts = &opts;
	w.g = opts.ascii ? &ascii_glyphs : &unicode_glyphs;
	rc = text_layout(&w);
	if (rc)
		return rc;
	n = ukwd_schedule_task_count(sched);
	ukwd__out_init(&w.o, write, payload);
	rc = text_header(&w.o, &w.l, &w.c, w.indent);
	for (size_t t = 0; rc == 0 && t < n && w.o.rc == 0; t++)
		rc = text_row(&w, t);
	if (rc == 0) {
		text_span(&w);
		text_key(&w);
		text_holidays(&w);
		text_warnings(&w);
	}
	ukwd__free(w.l.text);
	if (rc)
		return rc;
	return ukwd__out_finish(&w.o);
}
