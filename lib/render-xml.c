/* Schedules as SVG and as HTML: the HTML page holds the same SVG chart
 * and a sortable table, so both share the XML writer. Geometry is in
 * whole pixels, so that output is the same everywhere. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "render-private.h"
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

/* The non-working days, shaded, each with its name as a tooltip. */
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
	ukwd__out_puts(o, "</g>\n");
}

/* Month lines and labels, day or week ticks, and today's line. */
static void
svg_grid(struct ukwd__out *o, const struct svg_chart *c, ukwd_date today)
{
	char text[UKWD_DATE_STRLEN];

	svg_nonworking(o, c);
	ukwd__out_puts(o, "<g class=\"grid\">\n");
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

/* A task's group, its tooltip (name, dates, float, source) and its
 * label. */
static void
svg_task_title(struct ukwd__out *o, const struct svg_chart *c, size_t t,
               const ukwd_scheduled_task *row)
{
	const ukwd_source *source = ukwd_plan_task_source(c->plan, t);
	char es[UKWD_DATE_STRLEN], ef[UKWD_DATE_STRLEN];

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
		ukwd__render_put_source(o, source, 1, put_xml);
	}
	ukwd__out_puts(o, "</title>\n");
	ukwd__out_printf(o, "<text x=\"%d\" y=\"%ld\" class=\"label\">", 6,
	                 svg_row_mid(t) + 4);
	put_xml_cut(o, ukwd__render_name(c->plan, t), SVG_LABEL_CHARS);
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

static int
svg_task(struct ukwd__out *o, const struct svg_chart *c, size_t t,
         const ukwd_scheduled_task *row)
{
	int proposed = ukwd__render_is_proposed(c->plan, t);
	long mid = svg_row_mid(t);
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

/* The chart's extent, scale and size in pixels. UKWD_EINVAL past
 * UKWD_RENDER_MAX_DAYS days (500 years: useless). */
static int
svg_layout(struct svg_chart *c, const ukwd_schedule *sched,
           const ukwd_render_options *opts)
{
	long days;
	int rc;

	c->sched = sched;
	c->plan = ukwd_schedule_plan(sched);
	c->cal = ukwd_schedule_calendar(sched);
	c->n = ukwd_schedule_task_count(sched);
	rc = ukwd__render_range(&c->first, &c->last, sched, 1);
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
	c->chart_bottom = SVG_HEADER + (long)c->n * SVG_ROW;
	c->height = c->chart_bottom + SVG_LEGEND;
	return 0;
}

/* The svg element, its title and style, and the warnings above the
 * chart, which moves down to make room for them. */
static void
svg_open(struct ukwd__out *o, const struct svg_chart *c,
         const ukwd_render_options *opts, size_t warnings)
{
	long height = c->height + (long)warnings * SVG_WARNING;

	ukwd__out_printf(
	    o,
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	    "width=\"%ld\" height=\"%ld\" viewBox=\"0 0 %ld %ld\" "
	    "role=\"img\">\n<title>",
	    c->width, height, c->width, height);
	put_xml_str(o, opts->title ? opts->title : "Schedule");
	ukwd__out_puts(o, "</title>\n");
	ukwd__out_puts(o, svg_style);
	for (size_t k = 0; k < warnings; k++) {
		char warning[UKWD__WARNING_SIZE];

		ukwd__render_warning_line(warning, c->sched, opts, k);
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
}

static int
svg_write(struct ukwd__out *o, const ukwd_schedule *sched,
          const ukwd_render_options *opts, int with_warnings)
{
	struct svg_chart c;
	size_t warnings;
	int rc = svg_layout(&c, sched, opts);

	if (rc)
		return rc;
	/* In HTML the page states the warnings above the chart. */
	warnings = with_warnings ? ukwd__render_warning_count(sched, opts) : 0;
	svg_open(o, &c, opts, warnings);
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

/* What the HTML steps share. */
struct html_writer {
	struct ukwd__out o;
	const ukwd_schedule *sched;
	const ukwd_plan *plan;
	const ukwd_render_options *opts;
	int backward;
	struct ukwd__sentence why;
};

/* The head, the page's title and the warnings. */
static void
html_open(struct html_writer *w, const char *title)
{
	size_t warnings = ukwd__render_warning_count(w->sched, w->opts);

	ukwd__out_puts(
	    &w->o, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/"
	           "xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	           "<title>");
	put_xml_str(&w->o, title);
	ukwd__out_puts(&w->o, "</title>\n");
	ukwd__out_puts(&w->o, html_head);
	ukwd__out_puts(&w->o, "</head>\n<body>\n<h1>");
	put_xml_str(&w->o, title);
	ukwd__out_puts(&w->o, "</h1>\n");
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
	                 "<td class=\"num\">%ld</td><td>%s</td><td>%s</td>"
	                 "<td>%s</td><td>%s</td><td class=\"num\">%ld</td>"
	                 "<td class=\"num\">%ld</td><td>%s</td>",
	                 (long)row.duration, es, ef, ls, lf,
	                 (long)row.total_float, (long)row.free_float,
	                 row.total_float < 0 ? "negative float"
	                 : row.critical      ? "yes"
	                                     : "no");
	if (*tag)
		ukwd__out_printf(&w->o, "<td class=\"%s\">", tag);
	else
		ukwd__out_puts(&w->o, "<td>");
	ukwd__render_put_source(&w->o, source, 1, put_xml);
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
	     k++)
		ukwd__out_printf(&w->o, "<th data-type=\"%s\">%s</th>",
		                 html_columns[k].type, html_columns[k].name);
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
		rc = check_drawable(sched);
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
