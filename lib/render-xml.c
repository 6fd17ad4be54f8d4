/* Schedules as SVG and as HTML: the HTML page holds the same SVG chart
 * and a sortable table, so both share the XML writer. Geometry is in
 * whole pixels, so that output is the same everywhere. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "render-private.h"
#include "ukwd/progress.h"
#include "ukwd/workday.h"

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
#define SVG_LABEL_WIDTH   280
#define SVG_ROW           24
#define SVG_AXIS          44 /* month and day labels above the rows */
#define SVG_RIGHT         140
#define SVG_LEGEND_ROW    24
#define SVG_WARNING       20 /* a warning line above the chart */
#define SVG_LABEL_CHARS   40 /* of a task name, at 12 px */
#define SVG_GAP           6  /* at least this between two labels on a line */
/* Holidays' names: a line each under the axis, at most this many. */
#define SVG_HOLIDAY_LINE  14
#define SVG_HOLIDAY_LINES 4

/* Text's width in pixels, estimated without the font: 2/3 em a
 * character, more than DejaVu Sans or Liberation Sans take on average,
 * so that labels placed apart by it do not overlap. */
static long
text_width(const char *text, int font_px)
{
	return (long)ukwd__utf8_width(text) * font_px * 2 / 3 + 1;
}

/* What the legend can show: an item each for what the chart draws. */
enum svg_key {
	KEY_WORKING,
	KEY_CRITICAL,
	KEY_PROPOSED,
	KEY_FLOAT,
	KEY_MILESTONE,
	KEY_BASELINE,
	KEY_WEEKEND,
	KEY_HOLIDAY,
	KEY_LINK,
	KEY_TODAY,
	KEY_COUNT
};

static const char *const key_names[KEY_COUNT] = {
    "working",  "critical", "proposed", "float", "milestone",
    "baseline", "weekend",  "holiday",  "link",  "today"};

/* A named non-working day in the chart, and a run of them with nothing
 * but non-working days between (Good Friday to Easter Monday): one label
 * under the axis, on the first of its lines with room. */
struct svg_holiday {
	ukwd_date date;
	const char *name; /* the calendar's */
};

struct svg_run {
	size_t begin, end; /* holidays [begin, end) */
	long x;
	int line; /* -1: no room; the shading still names it */
};

struct svg_chart {
	const ukwd_schedule *sched;
	const ukwd_plan *plan;
	const ukwd_calendar *cal;
	const ukwd_progress *progress; /* NULL: no baseline drawn */
	ukwd_date first, last;
	int scale;    /* day, week or month */
	long per_day; /* pixels */
	long width, height, chart_bottom;
	long header; /* where the rows start: the axis and the holidays */
	long top;    /* the standalone SVG's heading, above the axis */
	size_t n, warnings;
	ukwd_date today;   /* UKWD_RENDER_NO_DATE when not drawn */
	unsigned int used; /* the legend's keys, a bit each */
	int tags;          /* 1 PROPOSED bars, 2 USER bars */
	int holiday_lines; /* lines of holidays' names */
	struct svg_holiday *holidays;
	struct svg_run *runs;
	size_t nholidays, nruns, capacity;
};

static long
svg_x(const struct svg_chart *c, ukwd_date d)
{
	return SVG_LABEL_WIDTH + (long)(d - c->first) * c->per_day;
}

static long
svg_row_mid(const struct svg_chart *c, size_t task)
{
	return c->header + (long)task * SVG_ROW + SVG_ROW / 2;
}

static const char *const month_names[] = {"Jan", "Feb", "Mar", "Apr",
                                          "May", "Jun", "Jul", "Aug",
                                          "Sep", "Oct", "Nov", "Dec"};
static const char *const weekday_names[] = {"Monday",   "Tuesday", "Wednesday",
                                            "Thursday", "Friday",  "Saturday",
                                            "Sunday"};

/* The non-working days, shaded, each with its name as a tooltip:
 * holidays apart from weekends. */
static void
svg_nonworking(struct ukwd__out *o, const struct svg_chart *c)
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
		                 "height=\"%ld\" class=\"%s\"><title>%s: ",
		                 svg_x(c, d), SVG_AXIS, c->per_day,
		                 c->chart_bottom - SVG_AXIS,
		                 name ? "holiday" : "weekend", text);
		if (name && *name)
			put_xml_str(o, name);
		else if (name)
			ukwd__out_puts(o, "holiday");
		else
			ukwd__out_puts(o,
			               weekday_names[ukwd_date_weekday(d) - 1]);
		ukwd__out_puts(o, "</title></rect>\n");
	}
	ukwd__out_puts(o, "</g>\n");
}

/* A holiday's name as its label shows it. */
static const char *
holiday_name(const struct svg_holiday *h)
{
	return *h->name ? h->name : "holiday";
}

/* Does the name of holiday k repeat one before it in its run: start
 * with it ("Boxing Day (substitute day)" after "Boxing Day"), or stand
 * within it (a union calendar's "A; B" before "A")? */
static int
repeats_name(const struct svg_chart *c, const struct svg_run *run, size_t k)
{
	const char *name = holiday_name(&c->holidays[k]);

	for (size_t j = run->begin; j < k; j++) {
		const char *before = holiday_name(&c->holidays[j]);

		if (strncmp(name, before, strlen(before)) == 0 ||
		    strstr(before, name))
			return 1;
	}
	return 0;
}

/* A run's label: its holidays' names, ", " between, each once (a name
 * that repeats one before it is left to the tooltip); written when o is
 * not NULL. Returns its estimated width at 10 px. */
static long
svg_run_label(struct ukwd__out *o, const struct svg_chart *c,
              const struct svg_run *run)
{
	long width = 0;

	for (size_t k = run->begin; k < run->end; k++) {
		const char *name = holiday_name(&c->holidays[k]);

		if (repeats_name(c, run, k))
			continue;
		if (k > run->begin) {
			width += text_width(", ", 10) - 1;
			if (o)
				ukwd__out_puts(o, ", ");
		}
		width += text_width(name, 10) - 1;
		if (o)
			put_xml_str(o, name);
	}
	return width + 1;
}

/* The holidays' names under the axis, each run at its first day, with
 * every date and name as its tooltip. */
static void
svg_holiday_names(struct ukwd__out *o, const struct svg_chart *c)
{
	char text[UKWD_DATE_STRLEN];

	if (c->nruns == 0)
		return;
	ukwd__out_puts(o, "<g class=\"holiday-names\">\n");
	for (size_t r = 0; r < c->nruns && o->rc == 0; r++) {
		const struct svg_run *run = &c->runs[r];

		if (run->line < 0)
			continue;
		ukwd__out_printf(o,
		                 "<text x=\"%ld\" y=\"%ld\" "
		                 "class=\"holiday-name\"><title>",
		                 run->x,
		                 (long)SVG_AXIS + 11 +
		                     (long)run->line * SVG_HOLIDAY_LINE);
		for (size_t k = run->begin; k < run->end; k++) {
			ukwd__format_date(text, c->holidays[k].date);
			ukwd__out_printf(
			    o, "%s%s: ", k > run->begin ? "; " : "", text);
			put_xml_str(o, holiday_name(&c->holidays[k]));
		}
		ukwd__out_puts(o, "</title>");
		svg_run_label(o, c, run);
		ukwd__out_puts(o, "</text>\n");
	}
	ukwd__out_puts(o, "</g>\n");
}

/* Month lines and labels, day or week ticks, the holidays' names and
 * today's line. A label is left out where it would overlap the one
 * before: the first month's when the next month starts too soon after
 * the chart does, and at narrow scales every other one. */
static void
svg_grid(struct ukwd__out *o, const struct svg_chart *c)
{
	char text[UKWD_DATE_STRLEN];
	long month_free = 0, day_free = 0;

	svg_nonworking(o, c);
	ukwd__out_puts(o, "<g class=\"grid\">\n");
	for (ukwd_date d = c->first; d <= c->last + 1 && o->rc == 0; d++) {
		int y, m, day, wd = ukwd_date_weekday(d);
		long x = svg_x(c, d);

		ukwd_date_to_ymd(d, &y, &m, &day);
		if (day == 1 || d == c->first) {
			char label[16];
			long width;

			ukwd__out_printf(o,
			                 "<line x1=\"%ld\" y1=\"4\" x2=\"%ld\" "
			                 "y2=\"%ld\" class=\"month\"/>\n",
			                 x, x, c->chart_bottom);
			/* The year with January and the first label. */
			if (month_free == 0 || m == 1)
				snprintf(label, sizeof(label), "%s %04d",
				         month_names[m - 1], y);
			else
				snprintf(label, sizeof(label), "%s",
				         month_names[m - 1]);
			width = text_width(label, 12);
			/* The first month, when it is cut short: only if its
			 * label ends before the next month's line. */
			if (d == c->first && day != 1) {
				ukwd_date next;

				if (ukwd_date_from_ymd(
				        &next, m == 12 ? y + 1 : y,
				        m == 12 ? 1 : m + 1, 1) == 0 &&
				    next <= c->last &&
				    x + 3 + width + SVG_GAP > svg_x(c, next))
					width = -1;
			}
			if (d <= c->last && width >= 0 && x + 3 >= month_free) {
				ukwd__out_printf(o,
				                 "<text x=\"%ld\" y=\"16\" "
				                 "class=\"month\">%s</text>\n",
				                 x + 3, label);
				month_free = x + 3 + width + SVG_GAP;
			}
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
		     (c->scale == UKWD_RENDER_SCALE_WEEK && wd == 1)) &&
		    x + 2 >= day_free) {
			ukwd__out_printf(o,
			                 "<text x=\"%ld\" y=\"36\" "
			                 "class=\"day\">%d</text>\n",
			                 x + 2, day);
			day_free = x + 2 + (day < 10 ? 1 : 2) * 9 * 2 / 3 + 1 +
			           SVG_GAP / 2;
		}
	}
	ukwd__out_puts(o, "</g>\n");
	svg_holiday_names(o, c);
	if (c->today != UKWD_RENDER_NO_DATE) {
		long x = svg_x(c, c->today) + c->per_day / 2;

		ukwd__format_date(text, c->today);
		ukwd__out_printf(
		    o,
		    "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" "
		    "class=\"today\"><title>today, %s</title></line>\n",
		    x, c->header - 4, x, c->chart_bottom, text);
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

/* A slip in working days as the text shows it: "+3", "0", "-2". */
static void
format_slip(char buf[16], int32_t days)
{
	snprintf(buf, 16, days > 0 ? "+%ld" : "%ld", (long)days);
}

/* The task against the baseline, for its tooltip: its start and finish
 * slip and the baseline's dates, or that it is new. */
static void
put_slip_title(struct ukwd__out *o, const ukwd_progress *progress, size_t t)
{
	char a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN], s1[16], s2[16];
	ukwd_task_slip slip;

	if (ukwd_progress_task(&slip, progress, t) != 0)
		return;
	if (!slip.in_baseline) {
		ukwd__out_puts(o, "\nNew since the baseline");
		return;
	}
	ukwd__format_date(a, slip.baseline_start);
	ukwd__format_date(b, slip.baseline_finish);
	format_slip(s1, slip.start_slip);
	format_slip(s2, slip.finish_slip);
	ukwd__out_printf(
	    o,
	    "\nStart %s, finish %s working day%s against the "
	    "baseline (%s to %s)",
	    s1, s2, slip.finish_slip == 1 || slip.finish_slip == -1 ? "" : "s",
	    a, b);
}

/* A task's group, its tooltip (name, dates, float, and the source: its
 * tag, then the citation and the reference each on a line of its own)
 * and its label, clipped to the label column; a label cut short, or
 * long enough to be clipped, has the whole name as its own tooltip. */
static void
svg_task_title(struct ukwd__out *o, const struct svg_chart *c, size_t t,
               const ukwd_scheduled_task *row)
{
	const ukwd_source *source = ukwd_plan_task_source(c->plan, t);
	const char *name = ukwd__render_name(c->plan, t);
	char es[UKWD_DATE_STRLEN], ef[UKWD_DATE_STRLEN];

	ukwd__format_date(es, row->early_start);
	ukwd__format_date(ef, row->early_finish);
	ukwd__out_printf(o, "<g class=\"task%s\" id=\"task-%zu\"><title>",
	                 row->critical ? " critical" : "", t + 1);
	put_xml_str(o, name);
	if (row->duration == 0)
		ukwd__out_printf(o, ": milestone on %s", es);
	else
		ukwd__out_printf(o, ": %s to %s, %ld working day%s", es, ef,
		                 (long)row->duration,
		                 row->duration == 1 ? "" : "s");
	ukwd__out_printf(o, ", total float %ld", (long)row->total_float);
	if (c->progress)
		put_slip_title(o, c->progress, t);
	if (source) {
		ukwd__out_printf(o, "\nSource: %s",
		                 ukwd_source_tag_name(source->tag));
		if (source->citation && *source->citation) {
			ukwd__out_puts(o, "\n");
			put_xml_str(o, source->citation);
		}
		if (source->reference && *source->reference) {
			ukwd__out_puts(o, "\nSEC ");
			put_xml_str(o, source->reference);
		}
	}
	ukwd__out_puts(o, "</title>\n");
	ukwd__out_printf(o,
	                 "<text x=\"%d\" y=\"%ld\" class=\"label\" "
	                 "clip-path=\"url(#ukwd-labels)\">",
	                 6, svg_row_mid(c, t) + 4);
	if (ukwd__utf8_width(name) > SVG_LABEL_CHARS ||
	    6 + text_width(name, 12) > SVG_LABEL_WIDTH - SVG_GAP) {
		ukwd__out_puts(o, "<title>");
		put_xml_str(o, name);
		ukwd__out_puts(o, "</title>");
	}
	put_xml_cut(o, name, SVG_LABEL_CHARS);
	ukwd__out_puts(o, "</text>\n");
}

/* A task of some days: one rectangle (of class cls) a run of working
 * days, and a thin line across the non-working days between runs. */
static void
svg_task_bars(struct ukwd__out *o, const struct svg_chart *c, long mid,
              const ukwd_scheduled_task *row, const char *cls)
{
	long top = mid - SVG_ROW / 2 + 5;
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

/* The task's baseline as a thin bar under its current one, from the
 * baseline's early start to its early finish; a milestone's as a small
 * diamond on the baseline's day. None for a task new since the
 * baseline. */
static void
svg_baseline(struct ukwd__out *o, const struct svg_chart *c, long mid, size_t t,
             const ukwd_scheduled_task *row)
{
	ukwd_task_slip slip;
	long x;

	if (ukwd_progress_task(&slip, c->progress, t) != 0 || !slip.in_baseline)
		return;
	x = svg_x(c, slip.baseline_start);
	if (row->duration == 0) {
		ukwd__out_printf(o,
		                 "<path d=\"M%ld %ldl3 3l-3 3l-3 -3z\" "
		                 "class=\"baseline\"/>\n",
		                 x + c->per_day / 2, mid + SVG_ROW / 2 - 6);
		return;
	}
	ukwd__out_printf(o,
	                 "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"3\" "
	                 "class=\"baseline\"/>\n",
	                 x, mid + SVG_ROW / 2 - 4,
	                 slip.baseline_finish >= slip.baseline_start
	                     ? svg_x(c, slip.baseline_finish + 1) - x
	                     : 2);
}

/* The note after the bar: the finish slip, or "new". */
static void
svg_slip_note(struct ukwd__out *o, const struct svg_chart *c, size_t t,
              int after)
{
	ukwd_task_slip slip;
	char text[16];

	if (ukwd_progress_task(&slip, c->progress, t) != 0)
		return;
	if (!slip.in_baseline) {
		ukwd__out_printf(o, "%snew", after ? ", " : "");
		return;
	}
	if (slip.finish_slip == 0)
		return;
	format_slip(text, slip.finish_slip);
	ukwd__out_printf(o, "%sfinish %s", after ? ", " : "", text);
}

static int
svg_task(struct ukwd__out *o, const struct svg_chart *c, size_t t,
         const ukwd_scheduled_task *row)
{
	int proposed = ukwd__render_is_proposed(c->plan, t);
	long mid = svg_row_mid(c, t);
	const char *cls = row->critical
	                      ? (proposed ? "bar crit proposed" : "bar crit")
	                  : proposed ? "bar proposed"
	                             : "bar";

	svg_task_title(o, c, t, row);
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
	if (c->progress)
		svg_baseline(o, c, mid, t, row);
	if (row->duration == 0)
		ukwd__out_printf(o,
		                 "<path d=\"M%ld %ldl7 7l-7 7l-7 -7z\" "
		                 "class=\"milestone%s\"/>\n",
		                 svg_point(c, row, 0), mid - 7,
		                 row->critical ? " crit" : "");
	else
		svg_task_bars(o, c, mid, row, cls);
	ukwd__out_printf(o, "<text x=\"%ld\" y=\"%ld\" class=\"note\">",
	                 svg_point(c, row, 1) + (row->duration ? 4 : 10),
	                 mid + 4);
	if (row->duration)
		ukwd__out_printf(o, "%ld d", (long)row->duration);
	if (proposed)
		ukwd__out_printf(o, "%s%s", row->duration ? " " : "",
		                 ukwd__render_tag(c->plan, t));
	if (c->progress)
		svg_slip_note(o, c, t, row->duration || proposed);
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
		y1 = svg_row_mid(c, link.predecessor);
		y2 = svg_row_mid(c, link.successor);
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

/* A legend item's text. */
static const char *
svg_key_text(const struct svg_chart *c, int key)
{
	switch (key) {
	case KEY_WORKING:
		return "working days";
	case KEY_CRITICAL:
		return "critical (no float)";
	case KEY_PROPOSED:
		return c->tags == 1   ? "PROPOSED duration (libukwd's default, "
		                        "not sourced)"
		       : c->tags == 2 ? "USER duration (yours, not sourced)"
		                      : "PROPOSED or USER duration (not "
		                        "sourced)";
	case KEY_FLOAT:
		return "total float";
	case KEY_MILESTONE:
		return "milestone";
	case KEY_BASELINE:
		return "baseline";
	case KEY_WEEKEND:
		return "non-working day";
	case KEY_HOLIDAY:
		return "holiday (named under the dates)";
	case KEY_LINK:
		return "dependency";
	default:
		return "today";
	}
}

/* The width of a legend item: its sample, its text and a gap. */
static long
svg_key_width(const struct svg_chart *c, int key)
{
	return 24 + text_width(svg_key_text(c, key), 12) + 2 * SVG_GAP;
}

/* The legend's rows, items flowing left to right within the chart's
 * width. Drawn when o is not NULL; returns the number of rows. */
static int
svg_legend_rows(struct ukwd__out *o, const struct svg_chart *c)
{
	long x = 6;
	int row = 0;

	for (int key = 0; key < KEY_COUNT; key++) {
		long y, width;

		if (!(c->used >> key & 1u))
			continue;
		width = svg_key_width(c, key);
		if (x > 6 && x + width > c->width - 6) {
			x = 6;
			row++;
		}
		y = (long)row * SVG_LEGEND_ROW;
		if (o) {
			ukwd__out_printf(o, "<g class=\"key\" data-key=\"%s\">",
			                 key_names[key]);
			switch (key) {
			case KEY_WORKING:
			case KEY_CRITICAL:
			case KEY_PROPOSED:
				ukwd__out_printf(
				    o,
				    "<rect x=\"%ld\" y=\"%ld\" width=\"18\" "
				    "height=\"14\" class=\"%s\"/>",
				    x, y,
				    key == KEY_WORKING    ? "bar"
				    : key == KEY_CRITICAL ? "bar crit"
				                          : "bar proposed");
				break;
			case KEY_FLOAT:
				ukwd__out_printf(o,
				                 "<rect x=\"%ld\" y=\"%ld\" "
				                 "width=\"18\" height=\"4\" "
				                 "class=\"float\"/>",
				                 x, y + 5);
				break;
			case KEY_MILESTONE:
				ukwd__out_printf(
				    o,
				    "<path d=\"M%ld %ldl7 7l-7 7l-7 "
				    "-7z\" class=\"milestone\"/>",
				    x + 9, y);
				break;
			case KEY_BASELINE:
				ukwd__out_printf(o,
				                 "<rect x=\"%ld\" y=\"%ld\" "
				                 "width=\"18\" height=\"3\" "
				                 "class=\"baseline\"/>",
				                 x, y + 6);
				break;
			case KEY_WEEKEND:
			case KEY_HOLIDAY:
				ukwd__out_printf(
				    o,
				    "<rect x=\"%ld\" y=\"%ld\" width=\"18\" "
				    "height=\"14\" class=\"%s\"/>",
				    x, y,
				    key == KEY_WEEKEND ? "weekend" : "holiday");
				break;
			case KEY_LINK:
				ukwd__out_printf(o,
				                 "<path d=\"M%ld %ldh18\" "
				                 "class=\"link\"/>",
				                 x, y + 7);
				break;
			default:
				ukwd__out_printf(o,
				                 "<line x1=\"%ld\" y1=\"%ld\" "
				                 "x2=\"%ld\" y2=\"%ld\" "
				                 "class=\"today\"/>",
				                 x + 9, y, x + 9, y + 14);
				break;
			}
			ukwd__out_printf(o,
			                 "<text x=\"%ld\" y=\"%ld\">%s</text>"
			                 "</g>\n",
			                 x + 24, y + 12, svg_key_text(c, key));
		}
		x += width;
	}
	return row + 1;
}

static void
svg_legend(struct ukwd__out *o, const struct svg_chart *c)
{
	ukwd__out_printf(
	    o, "<g class=\"legend\" transform=\"translate(0 %ld)\">\n",
	    c->chart_bottom + 20);
	svg_legend_rows(o, c);
	ukwd__out_puts(o, "</g>\n");
}

static const char svg_style[] =
    "<style>\n"
    "text { font-family: sans-serif; font-size: 12px; fill: #222; }\n"
    "text.title { font-size: 18px; font-weight: bold; }\n"
    "text.subtitle { fill: #444; }\n"
    "text.key-date { font-weight: bold; }\n"
    "text.day { font-size: 9px; fill: #666; }\n"
    "text.note { font-size: 10px; fill: #555; }\n"
    "text.holiday-name { font-size: 10px; fill: #8c3c00; }\n"
    "text.warning { font-size: 13px; font-weight: bold; fill: #b00; }\n"
    ".nonworking rect, rect.weekend { fill: #e8e8e8; }\n"
    ".nonworking rect.holiday, rect.holiday { fill: #fdd0a2; }\n"
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
    "<path d=\"M0 0L8 4L0 8z\" fill=\"#666\"/></marker>\n";

/* ------------------------------------------------------------------ */
/* The heading: title, subtitle, key dates */

#define SUBTITLE_SIZE 640

static int
count_holiday(ukwd_date d, const char *name, void *payload)
{
	(void)d;
	(void)name;
	++*(size_t *)payload;
	return 0;
}

/* The subtitle's lines: a third with a baseline. */
static int
subtitle_lines(const ukwd_render_options *opts)
{
	return opts->progress ? 3 : 2;
}

/* The subtitle's line against the baseline: the finish variance and the
 * baseline's finish, and the status date when the schedule has one. */
static void
progress_line(char buf[SUBTITLE_SIZE], const ukwd_schedule *sched,
              const ukwd_progress *progress)
{
	char a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN], v[16];
	ukwd_date finish, status;
	int32_t variance;
	size_t len;

	ukwd_schedule_span(NULL, &finish, NULL, sched);
	ukwd__format_date(a, finish);
	if (ukwd_progress_finish_variance(&variance, &finish, progress) == 0) {
		ukwd__format_date(b, finish);
		format_slip(v, variance);
		len = (size_t)snprintf(
		    buf, SUBTITLE_SIZE,
		    "Finish %s: %s working day%s against the "
		    "baseline's %s",
		    a, v, variance == 1 || variance == -1 ? "" : "s", b);
	} else {
		len = (size_t)snprintf(buf, SUBTITLE_SIZE,
		                       "Finish %s: the baseline has no finish "
		                       "to compare with",
		                       a);
	}
	if (ukwd_schedule_status_date(&status, sched) == 0) {
		ukwd__format_date(b, status);
		snprintf(buf + len, SUBTITLE_SIZE - len, "; status date %s.",
		         b);
	} else {
		snprintf(buf + len, SUBTITLE_SIZE - len, ".");
	}
}

/* Line 0 of the subtitle: what was planned, which way and its span;
 * line 1: the calendar and the day the chart was made. Caller text
 * (the calendar) is written as it is: escape it on output. */
static void
subtitle_line(char buf[SUBTITLE_SIZE], const ukwd_schedule *sched,
              const ukwd_render_options *opts, int line)
{
	char anchor_text[UKWD_DATE_STRLEN], a[UKWD_DATE_STRLEN],
	    b[UKWD_DATE_STRLEN];
	ukwd_schedule_direction direction = UKWD_SCHEDULE_FORWARD;
	ukwd_date anchor = 0, first = 0, last = 0;
	int32_t days = 0;
	size_t n = ukwd_schedule_task_count(sched);

	if (line == 2) {
		progress_line(buf, sched, opts->progress);
		return;
	}
	if (line == 0) {
		ukwd_schedule_anchor(&direction, &anchor, sched);
		ukwd_schedule_span(&first, &last, &days, sched);
		ukwd__format_date(anchor_text, anchor);
		ukwd__format_date(a, first);
		ukwd__format_date(b, last);
		snprintf(buf, SUBTITLE_SIZE,
		         "%zu task%s scheduled %s %s: %s to %s, %ld working "
		         "day%s",
		         n, n == 1 ? "" : "s",
		         direction == UKWD_SCHEDULE_BACKWARD ? "backward to"
		                                             : "forward from",
		         anchor_text, a, b, (long)days, days == 1 ? "" : "s");
		return;
	}
	if (opts->calendar && *opts->calendar) {
		snprintf(buf, SUBTITLE_SIZE, "Calendar: %.500s.",
		         opts->calendar);
	} else {
		const ukwd_calendar *cal = ukwd_schedule_calendar(sched);
		unsigned int weekend = ukwd_calendar_weekend(cal);
		size_t len, holidays = 0;

		ukwd__render_range(&first, &last, sched, 1);
		ukwd_calendar_foreach_holiday(cal, first, last, count_holiday,
		                              &holidays);
		len = (size_t)snprintf(buf, SUBTITLE_SIZE, "Calendar: weekend");
		for (int wd = 1, any = 0; wd <= 7; wd++)
			if (weekend >> (wd - 1) & 1u)
				len += (size_t)snprintf(
				    buf + len, SUBTITLE_SIZE - len, "%s %.3s",
				    any++ ? "," : "", weekday_names[wd - 1]);
		snprintf(buf + len, SUBTITLE_SIZE - len,
		         "%s; %zu holiday%s in the span.",
		         weekend ? "" : " none", holidays,
		         holidays == 1 ? "" : "s");
	}
	if (opts->made != UKWD_RENDER_NO_DATE) {
		size_t len = strlen(buf);

		ukwd__format_date(a, opts->made);
		snprintf(buf + len, SUBTITLE_SIZE - len, " Made on %s.", a);
	}
}

/* A key date's line: "LABEL: YYYY-MM-DD". */
static void
put_key_date(struct ukwd__out *o, const ukwd_render_key_date *key)
{
	char text[UKWD_DATE_STRLEN];

	ukwd__format_date(text, key->date);
	put_xml_str(o, key->label ? key->label : "key date");
	ukwd__out_printf(o, ": %s", text);
}

/* The standalone SVG's heading: the title, the subtitle's two lines,
 * the key dates and the warnings, a line each. Drawn when o is not NULL;
 * returns its height and sets *widest to its widest line's estimated
 * width. */
static long
svg_heading(struct ukwd__out *o, const struct svg_chart *c,
            const ukwd_render_options *opts, long *widest)
{
	const char *title = opts->title ? opts->title : "Schedule";
	char line[SUBTITLE_SIZE];
	long y = 24, width;

	if (o) {
		ukwd__out_puts(o, "<text x=\"6\" y=\"24\" class=\"title\">");
		put_xml_str(o, title);
		ukwd__out_puts(o, "</text>\n");
	}
	/* Bold: a tenth wider. */
	*widest = 6 + text_width(title, 18) * 11 / 10;
	for (int k = 0; k < subtitle_lines(opts); k++) {
		subtitle_line(line, c->sched, opts, k);
		y += k == 0 ? 20 : 16;
		width = 6 + text_width(line, 12);
		*widest = width > *widest ? width : *widest;
		if (o) {
			ukwd__out_printf(o,
			                 "<text x=\"6\" y=\"%ld\" "
			                 "class=\"subtitle\">",
			                 y);
			put_xml_str(o, line);
			ukwd__out_puts(o, "</text>\n");
		}
	}
	for (size_t k = 0; k < opts->key_date_count; k++) {
		const ukwd_render_key_date *key = &opts->key_dates[k];

		y += k == 0 ? 20 : 16;
		width =
		    6 + (text_width(key->label ? key->label : "key date", 12) +
		         text_width(": 2000-01-01", 12)) *
		            11 / 10;
		*widest = width > *widest ? width : *widest;
		if (o) {
			ukwd__out_printf(o,
			                 "<text x=\"6\" y=\"%ld\" "
			                 "class=\"key-date\">",
			                 y);
			put_key_date(o, key);
			ukwd__out_puts(o, "</text>\n");
		}
	}
	for (size_t k = 0; k < c->warnings; k++) {
		char warning[UKWD__WARNING_SIZE];

		ukwd__render_warning_line(warning, c->sched, opts, k);
		y += SVG_WARNING + (k == 0 ? 4 : 0);
		width = 6 + (text_width(warning, 13) + 20) * 11 / 10;
		*widest = width > *widest ? width : *widest;
		if (o) {
			ukwd__out_printf(o,
			                 "<text class=\"warning\" x=\"6\" "
			                 "y=\"%ld\">",
			                 y);
			put_xml_str(o, "\u26a0 ");
			put_xml_str(o, warning);
			ukwd__out_puts(o, "</text>\n");
		}
	}
	return y + 14;
}

/* ------------------------------------------------------------------ */
/* Layout */

static int
collect_holiday(ukwd_date d, const char *name, void *payload)
{
	struct svg_chart *c = payload;

	if (c->nholidays == c->capacity) {
		size_t capacity = c->capacity ? c->capacity * 2 : 16;
		struct svg_holiday *grown =
		    ukwd__realloc(c->holidays, capacity * sizeof(*grown));

		if (!grown)
			return 1;
		c->holidays = grown;
		c->capacity = capacity;
	}
	c->holidays[c->nholidays].date = d;
	c->holidays[c->nholidays++].name = name ? name : "";
	return 0;
}

/* Is every day in (from, to) a non-working day? */
static int
all_off_between(const ukwd_calendar *cal, ukwd_date from, ukwd_date to)
{
	for (ukwd_date d = from + 1; d < to; d++)
		if (ukwd_workday_is_working(cal, d) == 1)
			return 0;
	return 1;
}

/* The holidays in the chart, in runs, each run's label on the first
 * line under the axis with room for it (none past SVG_HOLIDAY_LINES:
 * the shading still names the day). Whether the chart shows a weekend
 * day too. */
static int
svg_holidays(struct svg_chart *c)
{
	long line_free[SVG_HOLIDAY_LINES] = {0};
	ukwd_date d;
	int rc;

	rc = ukwd_calendar_foreach_holiday(c->cal, c->first, c->last,
	                                   collect_holiday, c);
	if (rc == UKWD_EUSER)
		return UKWD_ENOMEM;
	if (rc && rc != UKWD_EINVAL)
		return rc;
	for (d = c->first; d <= c->last; d++)
		if (ukwd_workday_is_working(c->cal, d) != 1 &&
		    !ukwd_calendar_holiday_name(c->cal, d)) {
			c->used |= 1u << KEY_WEEKEND;
			break;
		}
	if (c->nholidays == 0)
		return 0;
	c->used |= 1u << KEY_HOLIDAY;
	c->runs = ukwd__malloc(c->nholidays * sizeof(*c->runs));
	if (!c->runs)
		return UKWD_ENOMEM;
	for (size_t k = 0; k < c->nholidays; k++) {
		struct svg_run *run;

		if (c->nruns > 0 &&
		    all_off_between(c->cal, c->holidays[k - 1].date,
		                    c->holidays[k].date)) {
			c->runs[c->nruns - 1].end = k + 1;
			continue;
		}
		run = &c->runs[c->nruns++];
		run->begin = k;
		run->end = k + 1;
	}
	for (size_t r = 0; r < c->nruns; r++) {
		struct svg_run *run = &c->runs[r];
		long width = svg_run_label(NULL, c, run);

		run->x = svg_x(c, c->holidays[run->begin].date) + 2;
		if (run->x + width > c->width - 4)
			run->x = c->width - 4 - width;
		if (run->x < SVG_LABEL_WIDTH)
			run->x = SVG_LABEL_WIDTH;
		run->line = -1;
		for (int k = 0; k < SVG_HOLIDAY_LINES; k++)
			if (run->x >= line_free[k]) {
				run->line = k;
				line_free[k] = run->x + width + SVG_GAP;
				if (k + 1 > c->holiday_lines)
					c->holiday_lines = k + 1;
				break;
			}
	}
	return 0;
}

/* Which of the legend's keys the tasks and links draw. */
static int
svg_used(struct svg_chart *c)
{
	for (size_t t = 0; t < c->n; t++) {
		ukwd_scheduled_task row;
		int rc = ukwd_schedule_task(&row, c->sched, t);
		int proposed = ukwd__render_is_proposed(c->plan, t);

		if (rc)
			return rc;
		if (row.critical)
			c->used |= 1u << KEY_CRITICAL;
		if (row.total_float > 0)
			c->used |= 1u << KEY_FLOAT;
		if (row.duration == 0) {
			c->used |= 1u << KEY_MILESTONE;
		} else if (proposed) {
			c->used |= 1u << KEY_PROPOSED;
			c->tags |=
			    strcmp(ukwd__render_tag(c->plan, t), "USER") == 0
			        ? 2
			        : 1;
		} else if (!row.critical) {
			c->used |= 1u << KEY_WORKING;
		}
		if (c->progress) {
			ukwd_task_slip slip;

			if (ukwd_progress_task(&slip, c->progress, t) == 0 &&
			    slip.in_baseline)
				c->used |= 1u << KEY_BASELINE;
		}
	}
	if (ukwd_plan_link_count(c->plan) > 0)
		c->used |= 1u << KEY_LINK;
	if (c->today != UKWD_RENDER_NO_DATE)
		c->used |= 1u << KEY_TODAY;
	return 0;
}

static void
svg_chart_free(struct svg_chart *c)
{
	ukwd__free(c->holidays);
	ukwd__free(c->runs);
}

/* The days the chart spans: the schedule's, early and late dates, and
 * with a baseline its tasks' baseline dates too. */
static int
chart_range(ukwd_date *first, ukwd_date *last, const ukwd_schedule *sched,
            const ukwd_progress *progress)
{
	size_t n = ukwd_schedule_task_count(sched);
	int rc = ukwd__render_range(first, last, sched, 1);

	for (size_t t = 0; rc == 0 && progress && t < n; t++) {
		ukwd_task_slip slip;

		rc = ukwd_progress_task(&slip, progress, t);
		if (rc || !slip.in_baseline)
			continue;
		if (slip.baseline_start < *first)
			*first = slip.baseline_start;
		if (slip.baseline_finish > *last)
			*last = slip.baseline_finish;
	}
	return rc;
}

/* The chart's extent, scale and size in pixels, and what it shows.
 * UKWD_EINVAL past UKWD_RENDER_MAX_DAYS days (500 years: useless). The
 * standalone SVG has its heading above the chart; in HTML the page has
 * it. */
static int
svg_layout(struct svg_chart *c, const ukwd_schedule *sched,
           const ukwd_render_options *opts, int standalone)
{
	long days, widest;
	int rc;

	c->sched = sched;
	c->plan = ukwd_schedule_plan(sched);
	c->cal = ukwd_schedule_calendar(sched);
	c->n = ukwd_schedule_task_count(sched);
	c->progress = opts->progress;
	rc = chart_range(&c->first, &c->last, sched, c->progress);
	if (rc)
		return rc;
	days = (long)(c->last - c->first) + 1;
	if (days > UKWD_RENDER_MAX_DAYS)
		return UKWD_EINVAL;
	c->scale = opts->scale;
	if (c->scale == UKWD_RENDER_SCALE_AUTO)
		c->scale = days <= 62    ? UKWD_RENDER_SCALE_DAY
		           : days <= 400 ? UKWD_RENDER_SCALE_WEEK
		                         : UKWD_RENDER_SCALE_MONTH;
	/* Whole weeks, from a Monday, at week scale. */
	if (c->scale == UKWD_RENDER_SCALE_WEEK) {
		c->first -= ukwd_date_weekday(c->first) - 1;
		c->last += 7 - ukwd_date_weekday(c->last);
		days = (long)(c->last - c->first) + 1;
	}
	c->per_day = c->scale == UKWD_RENDER_SCALE_DAY    ? 20
	             : c->scale == UKWD_RENDER_SCALE_WEEK ? 5
	                                                  : 2;
	if (opts->width > 0) {
		long room = opts->width - SVG_LABEL_WIDTH - SVG_RIGHT;

		c->per_day = room / days > 0 ? room / days : 1;
	}
	c->width = SVG_LABEL_WIDTH + days * c->per_day + SVG_RIGHT;
	if (c->width < 760)
		c->width = 760;
	c->today = opts->today != UKWD_RENDER_NO_DATE &&
	                   opts->today >= c->first && opts->today <= c->last
	               ? opts->today
	               : UKWD_RENDER_NO_DATE;
	/* In HTML the page states the warnings above the chart. */
	c->warnings = standalone ? ukwd__render_warning_count(sched, opts) : 0;
	if (standalone) {
		c->top = svg_heading(NULL, c, opts, &widest);
		if (widest + 6 > c->width)
			c->width = widest + 6;
	}
	rc = svg_used(c);
	if (rc == 0)
		rc = svg_holidays(c);
	if (rc)
		return rc;
	c->header = SVG_AXIS + (long)c->holiday_lines * SVG_HOLIDAY_LINE +
	            (c->holiday_lines ? 4 : 0);
	c->chart_bottom = c->header + (long)c->n * SVG_ROW;
	c->height = c->top + c->chart_bottom + 20 +
	            (long)svg_legend_rows(NULL, c) * SVG_LEGEND_ROW;
	return 0;
}

/* The svg element, its title, style and definitions, and the heading
 * (standalone), above the chart, which moves down to make room. */
static void
svg_open(struct ukwd__out *o, const struct svg_chart *c,
         const ukwd_render_options *opts)
{
	long widest;

	ukwd__out_printf(
	    o,
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%ld\" height=\"%ld\" viewBox=\"0 0 %ld %ld\" "
	    "role=\"img\">\n<title>",
	    c->width, c->height, c->width, c->height);
	put_xml_str(o, opts->title ? opts->title : "Schedule");
	ukwd__out_puts(o, "</title>\n");
	ukwd__out_puts(o, svg_style);
	if (c->progress)
		ukwd__out_puts(o, "<style>\n.baseline { fill: #555; }\n"
		                  "</style>\n");
	/* Task names stop short of the chart. */
	ukwd__out_printf(o,
	                 "<clipPath id=\"ukwd-labels\"><rect x=\"0\" y=\"0\" "
	                 "width=\"%d\" height=\"%ld\"/></clipPath>\n</defs>\n",
	                 SVG_LABEL_WIDTH - SVG_GAP, c->height);
	if (c->top) {
		svg_heading(o, c, opts, &widest);
		ukwd__out_printf(o,
		                 "<g class=\"chart\" transform=\"translate(0 "
		                 "%ld)\">\n",
		                 c->top);
	}
}

static int
svg_write(struct ukwd__out *o, const ukwd_schedule *sched,
          const ukwd_render_options *opts, int standalone)
{
	struct svg_chart c = {0};
	int rc = svg_layout(&c, sched, opts, standalone);

	if (rc == 0) {
		svg_open(o, &c, opts);
		svg_grid(o, &c);
	}
	for (size_t t = 0; rc == 0 && t < c.n && o->rc == 0; t++) {
		ukwd_scheduled_task row;

		rc = ukwd_schedule_task(&row, sched, t);
		if (rc == 0)
			rc = svg_task(o, &c, t, &row);
	}
	if (rc == 0)
		rc = svg_links(o, &c);
	if (rc == 0) {
		svg_legend(o, &c);
		if (c.top)
			ukwd__out_puts(o, "</g>\n");
		ukwd__out_puts(o, "</svg>\n");
	}
	svg_chart_free(&c);
	return rc ? rc : o->rc;
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
    "td.date { white-space: nowrap; }\n"
    "p.subtitle { color: #444; margin: -0.5em 0 0.5em 0; }\n"
    "ul.key-dates { margin: 0 0 0.5em 0; padding-left: 1.2em; }\n"
    "ul.key-dates time { font-weight: bold; }\n"
    "td .tag { display: block; font-weight: bold; font-style: normal; }\n"
    "td .reference { display: block; color: #555; }\n"
    "td .citation { overflow-wrap: anywhere; }\n"
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

/* UKWD_EINVAL when the chart of ukwd_render_svg() or ukwd_render_html()
 * would span more than UKWD_RENDER_MAX_DAYS days: checked before a byte
 * is written. */
static int
check_drawable(const ukwd_schedule *sched, const ukwd_progress *progress)
{
	ukwd_date first, last;
	int rc = chart_range(&first, &last, sched, progress);

	if (rc)
		return rc;
	return (long)(last - first) + 1 > UKWD_RENDER_MAX_DAYS ? UKWD_EINVAL
	                                                       : 0;
}

static const struct {
	const char *name, *type;
} html_columns[] = {
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

/* With a baseline, the slips' columns follow this one (Finish). */
#define HTML_FINISH_COLUMN 5

/* What the HTML steps share. */
struct html_writer {
	struct ukwd__out o;
	const ukwd_schedule *sched;
	const ukwd_plan *plan;
	const ukwd_render_options *opts;
	int backward;
	struct ukwd__sentence why;
};

/* The head, the page's title, subtitle and key dates, and the
 * warnings. */
static void
html_open(struct html_writer *w, const char *title)
{
	size_t warnings = ukwd__render_warning_count(w->sched, w->opts);
	char line[SUBTITLE_SIZE];

	ukwd__out_puts(
	    &w->o, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/"
	           "xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	           "<title>");
	put_xml_str(&w->o, title);
	ukwd__out_puts(&w->o, "</title>\n");
	ukwd__out_puts(&w->o, html_head);
	ukwd__out_puts(&w->o, "</head>\n<body>\n<h1>");
	put_xml_str(&w->o, title);
	ukwd__out_puts(&w->o, "</h1>\n<p class=\"subtitle\">");
	for (int k = 0; k < subtitle_lines(w->opts); k++) {
		subtitle_line(line, w->sched, w->opts, k);
		put_xml_str(&w->o, line);
		ukwd__out_puts(&w->o, k == 0 ? ".<br/>\n"
		                      : k + 1 < subtitle_lines(w->opts)
		                          ? "<br/>\n"
		                          : "</p>\n");
	}
	if (w->opts->key_date_count)
		ukwd__out_puts(&w->o, "<ul class=\"key-dates\">\n");
	for (size_t k = 0; k < w->opts->key_date_count; k++) {
		const ukwd_render_key_date *key = &w->opts->key_dates[k];
		char text[UKWD_DATE_STRLEN];

		ukwd__format_date(text, key->date);
		ukwd__out_puts(&w->o, "<li>");
		put_xml_str(&w->o, key->label ? key->label : "key date");
		ukwd__out_printf(&w->o,
		                 ": <time datetime=\"%s\">%s</time></li>\n",
		                 text, text);
	}
	if (w->opts->key_date_count)
		ukwd__out_puts(&w->o, "</ul>\n");
	for (size_t k = 0; k < warnings; k++) {
		char warning[UKWD__WARNING_SIZE];

		ukwd__render_warning_line(warning, w->sched, w->opts, k);
		ukwd__out_puts(&w->o, "<p class=\"warning\" role=\"alert\">");
		put_xml_str(&w->o, warning);
		ukwd__out_puts(&w->o, "</p>\n");
	}
}

/* A row's class attribute: critical, past (shown starting before
 * today), both or none. */
static const char *
html_row_class(const struct html_writer *w, const ukwd_scheduled_task *row)
{
	int past = w->opts->today != UKWD_RENDER_NO_DATE &&
	           ukwd__render_shown_start(row, w->backward) < w->opts->today;

	if (row->critical)
		return past ? " class=\"critical past\""
		            : " class=\"critical\"";
	return past ? " class=\"past\"" : "";
}

/* What a tag says, for its tooltip. */
static const char *
tag_meaning(ukwd_source_tag tag)
{
	switch (tag) {
	case UKWD_SOURCE_PROPOSED:
		return "libukwd's own default: no public source gives this "
		       "figure";
	case UKWD_SOURCE_CHECKLIST:
		return "from SECAS's SEC Checklist for Small Suppliers";
	case UKWD_SOURCE_SOURCED:
		return "from the public source cited";
	case UKWD_SOURCE_USER:
		return "set by the user";
	default:
		return "";
	}
}

/* A Source cell: the tag on a line of its own (what it means as its
 * tooltip), then the citation in its own words, then the reference. */
static void
html_source(struct ukwd__out *o, const ukwd_source *source)
{
	if (!source)
		return;
	ukwd__out_printf(o, "<span class=\"tag\" title=\"%s\">%s</span>",
	                 tag_meaning(source->tag),
	                 ukwd_source_tag_name(source->tag));
	if (source->citation && *source->citation) {
		ukwd__out_puts(o, "<span class=\"citation\">");
		put_xml_str(o, source->citation);
		ukwd__out_puts(o, "</span>");
	}
	if (source->reference && *source->reference) {
		ukwd__out_puts(o, "<span class=\"reference\">SEC ");
		put_xml_str(o, source->reference);
		ukwd__out_puts(o, "</span>");
	}
}

/* A row's start and finish slip, in working days; "new" for a task new
 * since the baseline, which sorts after every slip. */
static void
html_slips(struct ukwd__out *o, const ukwd_progress *progress, size_t t)
{
	char s1[16], s2[16];
	ukwd_task_slip slip;

	if (ukwd_progress_task(&slip, progress, t) != 0 || !slip.in_baseline) {
		ukwd__out_puts(o, "<td class=\"num slip\" data-key=\"1e9\">new"
		                  "</td><td class=\"num slip\" "
		                  "data-key=\"1e9\">new</td>");
		return;
	}
	format_slip(s1, slip.start_slip);
	format_slip(s2, slip.finish_slip);
	ukwd__out_printf(o,
	                 "<td class=\"num slip\" data-key=\"%ld\">%s</td>"
	                 "<td class=\"num slip\" data-key=\"%ld\">%s</td>",
	                 (long)slip.start_slip, s1, (long)slip.finish_slip, s2);
}

static int
html_row(struct html_writer *w, size_t t)
{
	ukwd_scheduled_task row;
	char es[UKWD_DATE_STRLEN], ef[UKWD_DATE_STRLEN], ls[UKWD_DATE_STRLEN],
	    lf[UKWD_DATE_STRLEN];
	const ukwd_source *source = ukwd_plan_task_source(w->plan, t);
	const char *tag = ukwd__render_tag(w->plan, t);
	int rc = ukwd_schedule_task(&row, w->sched, t);

	if (rc)
		return rc;
	ukwd__format_date(es, row.early_start);
	ukwd__format_date(ef, row.early_finish);
	ukwd__format_date(ls, row.late_start);
	ukwd__format_date(lf, row.late_finish);
	ukwd__out_printf(&w->o,
	                 "<tr data-index=\"%zu\"%s><td class=\"num\">%zu</td>",
	                 t, html_row_class(w, &row), t + 1);
	html_cell(&w->o, NULL, ukwd_plan_task_id(w->plan, t));
	html_cell(&w->o, "name", ukwd__render_name(w->plan, t));
	ukwd__out_printf(&w->o,
	                 "<td class=\"num\">%ld</td><td class=\"date\">%s</td>"
	                 "<td class=\"date\">%s</td>",
	                 (long)row.duration, es, ef);
	if (w->opts->progress)
		html_slips(&w->o, w->opts->progress, t);
	ukwd__out_printf(&w->o,
	                 "<td class=\"date\">%s</td>"
	                 "<td class=\"date\">%s</td><td class=\"num\">%ld</td>"
	                 "<td class=\"num\">%ld</td><td>%s</td>",
	                 ls, lf, (long)row.total_float, (long)row.free_float,
	                 row.total_float < 0 ? "negative float"
	                 : row.critical      ? "yes"
	                                     : "no");
	if (*tag)
		ukwd__out_printf(&w->o, "<td class=\"%s\">", tag);
	else
		ukwd__out_puts(&w->o, "<td>");
	html_source(&w->o, source);
	ukwd__out_puts(&w->o, "</td>");
	for (int side = 0; side < 2; side++) {
		rc = ukwd__render_explain(&w->why, w->sched, t,
		                          (ukwd_schedule_side)side);
		if (rc)
			return rc;
		html_cell(&w->o, NULL, w->why.text);
	}
	ukwd__out_puts(&w->o, "</tr>\n");
	return 0;
}

static int
html_write(struct html_writer *w)
{
	size_t n = ukwd_schedule_task_count(w->sched);
	int rc;

	html_open(w, w->opts->title ? w->opts->title : "Schedule");
	ukwd__out_puts(&w->o, "<figure>\n");
	rc = svg_write(&w->o, w->sched, w->opts, 0);
	if (rc)
		return rc;
	ukwd__out_puts(&w->o,
	               "</figure>\n<table id=\"ukwd-tasks\">\n<thead><tr>");
	for (size_t k = 0; k < sizeof(html_columns) / sizeof(*html_columns);
	     k++) {
		ukwd__out_printf(&w->o, "<th data-type=\"%s\">%s</th>",
		                 html_columns[k].type, html_columns[k].name);
		if (k == HTML_FINISH_COLUMN && w->opts->progress)
			ukwd__out_puts(
			    &w->o, "<th data-type=\"number\">Start slip</th>"
			           "<th data-type=\"number\">Finish slip</th>");
	}
	ukwd__out_puts(&w->o, "</tr></thead>\n<tbody>\n");
	for (size_t t = 0; rc == 0 && t < n && w->o.rc == 0; t++)
		rc = html_row(w, t);
	if (rc)
		return rc;
	ukwd__out_puts(&w->o, "</tbody>\n</table>\n");
	ukwd__out_puts(&w->o, html_script);
	ukwd__out_puts(&w->o, "</body>\n</html>\n");
	return ukwd__out_finish(&w->o);
}

int
ukwd_render_html(const ukwd_schedule *sched, const ukwd_render_options *options,
                 ukwd_sink write, void *payload)
{
	struct html_writer w = {.sched = sched, .why = {NULL, 0}};
	ukwd_render_options opts;
	int rc = ukwd__render_get_options(&opts, options, sched, write);

	if (rc == 0)
		rc = check_drawable(sched, opts.progress);
	if (rc)
		return rc;
	w.plan = ukwd_schedule_plan(sched);
	w.opts = &opts;
	w.backward = ukwd__render_is_backward(sched);
	ukwd__out_init(&w.o, write, payload);
	ukwd__out_grow(&w.o);
	rc = html_write(&w);
	ukwd__out_release(&w.o);
	ukwd__free(w.why.text);
	return rc ? rc : w.o.rc;
}
