/* iCalendar import and export. The only file that includes libical. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ukwd/ical.h"
#include "ukwd/workday.h"
#include "ukwd/version.h"
#include "days.h"
#include "internal.h"

/* Needs no libical: it only looks at the first bytes. */
ukwd_holidays_format
ukwd_holidays_detect(const char *data, size_t size)
{
	static const char begin[] = "BEGIN:VCALENDAR";
	size_t at = 0;

	if (!data)
		return UKWD_HOLIDAYS_UNKNOWN;
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		at = 3;
	while (at < size && (data[at] == ' ' || data[at] == '\t' ||
	                     data[at] == '\r' || data[at] == '\n'))
		at++;
	if (at < size && data[at] == '{')
		return UKWD_HOLIDAYS_GOVUK_JSON;
	if (size - at >= sizeof(begin) - 1) {
		for (size_t i = 0; i < sizeof(begin) - 1; i++) {
			char c = data[at + i];

			if (c >= 'a' && c <= 'z')
				c = (char)(c - 'a' + 'A');
			if (c != begin[i])
				return UKWD_HOLIDAYS_UNKNOWN;
		}
		return UKWD_HOLIDAYS_ICAL;
	}
	return UKWD_HOLIDAYS_UNKNOWN;
}

/* The members of each version of ukwd_ical_export_options. */
static const size_t export_options_sizes[UKWD_ICAL_EXPORT_OPTIONS_VERSION] = {
    sizeof(ukwd_ical_export_options)};

int
ukwd_ical_export_options_init(ukwd_ical_export_options *options,
                              unsigned int version)
{
	static const ukwd_ical_export_options defaults =
	    UKWD_ICAL_EXPORT_OPTIONS_INIT;

	if (!options || version == 0)
		return UKWD_EINVAL;
	return ukwd__versioned_export(options, version, &defaults,
	                              export_options_sizes,
	                              UKWD_ICAL_EXPORT_OPTIONS_VERSION);
}

#if UKWD_HAVE_LIBICAL

#include <libical/ical.h>

/* The text, NUL-terminated for libical, and the lines on which each
 * component begins and ends, so that errors can name a line (libical does
 * not track them). Components are numbered in document order, which is
 * the order of a pre-order walk of libical's tree. */
struct ics_text {
	char *buf;
	size_t size;
	size_t *line_start; /* byte offset of each line */
	int nlines;
	int *begin_line, *end_line; /* per component, in document order */
	int ncomponents;
};

static void
ics_text_free(struct ics_text *text)
{
	ukwd__free(text->buf);
	ukwd__free(text->line_start);
	ukwd__free(text->begin_line);
	ukwd__free(text->end_line);
}

static int
starts_with_nocase(const char *text, const char *prefix)
{
	for (; *prefix; text++, prefix++) {
		char c = *text;

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c != *prefix)
			return 0;
	}
	return 1;
}

static int
ics_text_index(struct ics_text *text, const char *data, size_t size)
{
	int lines = 1;

	memset(text, 0, sizeof(*text));
	/* A UTF-8 byte order mark is not part of the first line. */
	if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		size -= 3;
	}
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	text->buf = ukwd__malloc(size + 1);
	text->line_start = ukwd__malloc((size_t)lines * sizeof(size_t));
	text->begin_line = ukwd__malloc((size_t)lines * sizeof(int));
	text->end_line = ukwd__malloc((size_t)lines * sizeof(int));
	if (!text->buf || !text->line_start || !text->begin_line ||
	    !text->end_line) {
		ics_text_free(text);
		return UKWD_ENOMEM;
	}
	memcpy(text->buf, data, size);
	text->buf[size] = '\0';
	text->size = size;
	text->line_start[0] = 0;
	text->nlines = 1;
	for (size_t i = 0; i < size; i++)
		if (data[i] == '\n')
			text->line_start[text->nlines++] = i + 1;
	return 0;
}

static int
line_of_offset(const struct ics_text *text, size_t offset)
{
	int lo = 0, hi = text->nlines - 1;

	while (lo < hi) {
		int mid = lo + (hi - lo + 1) / 2;

		if (text->line_start[mid] <= offset)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo + 1;
}

static int
is_blank_line(const char *line)
{
	while (*line == ' ' || *line == '\t' || *line == '\r')
		line++;
	return *line == '\n' || *line == '\0';
}

/* libical's reader is quadratic in the length of a physical line (an
 * 8 MB line took 6 s): refuse long ones before it sees them. Folded
 * lines (RFC 5545 3.1) are read in linear time, so a long value only has
 * to be folded. */
static int
ics_check_line_length(const struct ics_text *text, ukwd_diag *diag)
{
	for (int l = 0; l < text->nlines; l++) {
		size_t end = l + 1 < text->nlines ? text->line_start[l + 1] - 1
		                                  : text->size;
		size_t len = end - text->line_start[l];

		if (len > 0 && text->buf[text->line_start[l] + len - 1] == '\r')
			len--;
		if (len > UKWD_ICAL_MAX_LINE)
			return ukwd__diag_set(
			    diag, UKWD_EPARSE, l + 1, 0,
			    "line of %zu bytes, longer than %d: fold it "
			    "(RFC 5545 3.1)",
			    len, UKWD_ICAL_MAX_LINE);
	}
	return 0;
}

/* Check that BEGIN and END lines pair up inside one VCALENDAR after
 * another, and record where each component begins and ends, before
 * libical sees the text: libical prints to stderr on a stray END and
 * says nothing useful about where nesting went wrong. */
#define ICS_MAX_DEPTH 16

static int
ics_check_nesting(struct ics_text *text, ukwd_diag *diag)
{
	char open[ICS_MAX_DEPTH][32];
	int open_index[ICS_MAX_DEPTH], depth = 0;

	for (int l = 0; l < text->nlines; l++) {
		const char *line = text->buf + text->line_start[l];
		int is_begin = starts_with_nocase(line, "BEGIN");
		char name[32];
		size_t len = 0;

		/* libical takes any line named BEGIN or END, parameters or
		 * not, as a component boundary. */
		if (!is_begin && !starts_with_nocase(line, "END")) {
			if (depth == 0 && !is_blank_line(line))
				return ukwd__diag_set(
				    diag, UKWD_EPARSE, l + 1, 1,
				    "text outside BEGIN:VCALENDAR ... "
				    "END:VCALENDAR");
			continue;
		}
		line += is_begin ? 5 : 3;
		if (*line == ';')
			return ukwd__diag_set(diag, UKWD_EPARSE, l + 1, 1,
			                      "%s takes no parameters",
			                      is_begin ? "BEGIN" : "END");
		if (*line != ':') {
			if (depth == 0)
				return ukwd__diag_set(
				    diag, UKWD_EPARSE, l + 1, 1,
				    "text outside BEGIN:VCALENDAR ... "
				    "END:VCALENDAR");
			continue;
		}
		line++;
		while (line[len] && line[len] != '\r' && line[len] != '\n' &&
		       len < sizeof(name) - 1) {
			char c = line[len];

			name[len++] =
			    (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
		}
		name[len] = '\0';
		if (is_begin) {
			if (depth == 0 && strcmp(name, "VCALENDAR") != 0)
				return ukwd__diag_set(
				    diag, UKWD_EPARSE, l + 1, 1,
				    "BEGIN:%s outside a VCALENDAR", name);
			if (depth == ICS_MAX_DEPTH)
				return ukwd__diag_set(
				    diag, UKWD_EPARSE, l + 1, 1,
				    "components nested too deeply");
			memcpy(open[depth], name, len + 1);
			text->begin_line[text->ncomponents] = l + 1;
			text->end_line[text->ncomponents] = text->nlines;
			open_index[depth++] = text->ncomponents++;
		} else if (depth == 0) {
			return ukwd__diag_set(diag, UKWD_EPARSE, l + 1, 1,
			                      "END:%s without a BEGIN", name);
		} else if (strcmp(open[depth - 1], name) != 0) {
			return ukwd__diag_set(
			    diag, UKWD_EPARSE, l + 1, 1,
			    "END:%s, but BEGIN:%s at line %d is still open",
			    name, open[depth - 1],
			    text->begin_line[open_index[depth - 1]]);
		} else {
			text->end_line[open_index[--depth]] = l + 1;
		}
	}
	if (depth)
		return ukwd__diag_set(
		    diag, UKWD_EPARSE, text->nlines, 0,
		    "truncated: BEGIN:%s at line %d has no END",
		    open[depth - 1], text->begin_line[open_index[depth - 1]]);
	if (text->ncomponents == 0)
		return ukwd__diag_set(diag, UKWD_EPARSE, 1, 1,
		                      "no BEGIN:VCALENDAR");
	return 0;
}

/* The first line in [from, to] holding `needle` (a property name at the
 * start of the line when `at_start`), or `from` when none does. */
static int
find_line(const struct ics_text *text, int from, int to, const char *needle,
          int at_start)
{
	size_t len = needle ? strlen(needle) : 0;

	if (!len)
		return from;
	for (int l = from; l >= 1 && l <= to && l <= text->nlines; l++) {
		const char *line = text->buf + text->line_start[l - 1];
		const char *end = strchr(line, '\n');

		if (at_start) {
			if (starts_with_nocase(line, needle) &&
			    (line[len] == ':' || line[len] == ';'))
				return l;
			continue;
		}
		for (const char *at = line; *at && (!end || at < end); at++)
			if (strncmp(at, needle, len) == 0)
				return l;
	}
	return from;
}

struct span {
	int begin, end; /* lines */
};

static int
ics_error(ukwd_diag *diag, int line, const char *message)
{
	return ukwd__diag_set(diag, UKWD_EPARSE, line, 0, "%s", message);
}

/* Report the first X-LIC-ERROR libical inserted in `comp`, if any. */
static int
report_lic_error(const struct ics_text *text, icalcomponent *comp,
                 struct span span, ukwd_diag *diag)
{
	icalproperty *p =
	    icalcomponent_get_first_property(comp, ICAL_XLICERROR_PROPERTY);
	const char *message, *offending, *property;
	int line;

	if (!p)
		return 0;
	message = icalproperty_get_xlicerror(p);
	if (!message)
		message = "malformed property";
	/* libical ends most messages with the text it rejected... */
	offending = strrchr(message, ':');
	offending = offending ? offending + 1 : NULL;
	while (offending && *offending == ' ')
		offending++;
	line = find_line(text, span.begin, span.end, offending, 0);
	/* ...and names the property in others ("No value for SUMMARY
	 * property"). */
	property = strstr(message, " property");
	if (line == span.begin && property) {
		const char *word = property;
		char name[32];

		while (word > message && word[-1] != ' ')
			word--;
		if ((size_t)(property - word) < sizeof(name)) {
			memcpy(name, word, (size_t)(property - word));
			name[property - word] = '\0';
			line = find_line(text, span.begin, span.end, name, 1);
		}
	}
	return ics_error(diag, line, message);
}

static int
to_date(ukwd_date *out, struct icaltimetype t)
{
	return ukwd_date_from_ymd(out, t.year, t.month, t.day);
}

static struct icaltimetype
date_value(ukwd_date d)
{
	struct icaltimetype t = icaltime_null_date();

	ukwd_date_to_ymd(d, &t.year, &t.month, &t.day);
	return t;
}

/* The first and last second a DTSTAMP can say: 0001-01-01T00:00:00Z and
 * 9999-12-31T23:59:59Z, in seconds since 1970-01-01T00:00:00Z. */
#define STAMP_MIN ((int64_t)UKWD_DATE_MIN * 86400)
#define STAMP_MAX ((int64_t)UKWD_DATE_MAX * 86400 + 86399)

static icalproperty *date_property(icalproperty_kind kind, ukwd_date d);

/* DTSTAMP: `made` (seconds since 1970-01-01T00:00:00Z, in range) as a
 * UTC DATE-TIME, formatted here for the reason date_property() gives. */
static icalproperty *
stamp_property(int64_t made)
{
	int64_t day = made >= 0 ? made / 86400 : -((-made + 86399) / 86400);
	int64_t second = made - day * 86400;
	icalproperty *prop =
	    date_property(ICAL_DTSTAMP_PROPERTY, (ukwd_date)day);
	icalvalue *value;
	char text[32];
	int y = 0, m = 0, d = 0;

	if (!prop)
		return NULL;
	ukwd_date_to_ymd((ukwd_date)day, &y, &m, &d);
	snprintf(text, sizeof(text), "%04d%02d%02dT%02d%02d%02dZ", y, m, d,
	         (int)(second / 3600), (int)(second / 60 % 60),
	         (int)(second % 60));
	value = icalvalue_new_x(text);
	if (!value) {
		icalproperty_free(prop);
		return NULL;
	}
	icalproperty_set_value(prop, value);
	return prop;
}

/* A date property (DTSTART, DTEND, DUE: `;VALUE=DATE:YYYYMMDD`) or a
 * DTSTAMP at 00:00:00Z of a date. libical 3.0 writes every DATE-TIME
 * after the year 3000 and every DATE after 3000-12-31 as 00000000, so
 * the value is formatted here and handed to libical as text; the VALUE
 * parameter keeps the property's type (and is not written for
 * DTSTAMP's default DATE-TIME). */
static icalproperty *
date_property(icalproperty_kind kind, ukwd_date d)
{
	icalproperty *prop = icalproperty_new(kind);
	icalparameter *param;
	icalvalue *value;
	char text[32];
	int y = 0, m = 0, day = 0;

	if (!prop)
		return NULL;
	ukwd_date_to_ymd(d, &y, &m, &day);
	snprintf(text, sizeof(text),
	         kind == ICAL_DTSTAMP_PROPERTY ? "%04d%02d%02dT000000Z"
	                                       : "%04d%02d%02d",
	         y, m, day);
	value = icalvalue_new_x(text);
	param = icalparameter_new_value(kind == ICAL_DTSTAMP_PROPERTY
	                                    ? ICAL_VALUE_DATETIME
	                                    : ICAL_VALUE_DATE);
	if (!value || !param) {
		if (value)
			icalvalue_free(value);
		if (param)
			icalparameter_free(param);
		icalproperty_free(prop);
		return NULL;
	}
	icalproperty_set_value(prop, value);
	icalproperty_add_parameter(prop, param);
	return prop;
}

/* The exclusive end of an all-day component whose last day is `last`:
 * DTEND the next day, or DURATION:P1D... when that day is past
 * 9999-12-31, which no four-digit year can write (RFC 5545 3.6.1: a
 * date DTSTART with a DURATION in days). */
static icalproperty *
end_property(ukwd_date first, ukwd_date last)
{
	struct icaldurationtype length = icaldurationtype_null_duration();

	if (last < UKWD_DATE_MAX)
		return date_property(ICAL_DTEND_PROPERTY, last + 1);
	length.days = (unsigned int)(last - first + 1);
	return icalproperty_new_duration(length);
}

/* Add `prop` to `comp`; UKWD_ENOMEM when it could not be made. */
static int
add_property(icalcomponent *comp, icalproperty *prop)
{
	if (!prop)
		return UKWD_ENOMEM;
	icalcomponent_add_property(comp, prop);
	return 0;
}

/* A growing list of instance start dates: dates only, sorted and
 * searched for EXDATEs, before their days (with the event's one name)
 * become runs of the named-days list. */
struct instances {
	ukwd_date *day;
	size_t count, capacity;
};

static int
instances_add(struct instances *list, ukwd_date d)
{
	if (ukwd__grow((void **)&list->day, &list->capacity, list->count + 1,
	               sizeof(*list->day), 16))
		return UKWD_ENOMEM;
	list->day[list->count++] = d;
	return 0;
}

/* The work one import may do, whatever the file holds
 * (UKWD_ICAL_MAX_DAYS): recurrence steps and days made. */
struct ics_budget {
	long long steps, days;
};

/* Refuse what a calendar of whole days has no use for: a rule finer than
 * a day, or one that picks hours, minutes or seconds (each date would
 * come back many times, at a cost of seconds). */
static const char *
rule_finer_than_a_day(const struct icalrecurrencetype *rule)
{
	switch (rule->freq) {
	case ICAL_SECONDLY_RECURRENCE:
		return "FREQ=SECONDLY";
	case ICAL_MINUTELY_RECURRENCE:
		return "FREQ=MINUTELY";
	case ICAL_HOURLY_RECURRENCE:
		return "FREQ=HOURLY";
	default:
		break;
	}
	if (rule->by_hour[0] != ICAL_RECURRENCE_ARRAY_MAX)
		return "BYHOUR";
	if (rule->by_minute[0] != ICAL_RECURRENCE_ARRAY_MAX)
		return "BYMINUTE";
	if (rule->by_second[0] != ICAL_RECURRENCE_ARRAY_MAX)
		return "BYSECOND";
	return NULL;
}

static int
compare_dates(const void *a, const void *b)
{
	ukwd_date x = *(const ukwd_date *)a, y = *(const ukwd_date *)b;

	return (x > y) - (x < y);
}

/* ------------------------------------------------------------------ */
/* Recurrence rules libukwd expands itself.
 *
 * libical 3.0's iterator stops after 2582 (and will not start a rule
 * after it), so the rules a calendar of days off is written with are
 * expanded here over the whole range 0001..9999: FREQ=DAILY, WEEKLY,
 * MONTHLY or YEARLY with INTERVAL, COUNT or UNTIL, BYMONTH, BYMONTHDAY,
 * and BYDAY (with an ordinal inside a month for MONTHLY, or for YEARLY
 * with BYMONTH). Other rules go to libical, which is refused past 2582
 * rather than allowed to stop there quietly. */

#define LIBICAL_FIRST_YEAR 1753
#define LIBICAL_LAST_YEAR  2582

struct simple_rule {
	icalrecurrencetype_frequency freq;
	int interval;
	long long count;          /* 0: none */
	ukwd_date until;          /* UKWD_DATE_MAX: none */
	unsigned int months;      /* bit m for BYMONTH m; 0: none */
	signed char monthday[32]; /* BYMONTHDAY, -31..31 */
	int nmonthdays;
	struct {
		int weekday; /* ISO 1 (Monday) .. 7 */
		int nth;     /* 0: every one; n: n-th; -n: n-th from last */
	} day[64];
	int ndays;
	int week_start; /* ISO weekday */
};

static int
year_of_date(ukwd_date d)
{
	int year = 0;

	ukwd_date_to_ymd(d, &year, NULL, NULL);
	return year;
}

static int
iso_weekday(icalrecurrencetype_weekday w)
{
	/* libical: Sunday 1 .. Saturday 7 */
	return w == ICAL_SUNDAY_WEEKDAY ? 7 : (int)w - 1;
}

/* 1 and `*out` filled when libukwd expands `rule` itself. */
static int
simple_rule_from(struct simple_rule *out, const struct icalrecurrencetype *r)
{
	memset(out, 0, sizeof(*out));
	if (r->freq != ICAL_DAILY_RECURRENCE &&
	    r->freq != ICAL_WEEKLY_RECURRENCE &&
	    r->freq != ICAL_MONTHLY_RECURRENCE &&
	    r->freq != ICAL_YEARLY_RECURRENCE)
		return 0;
	if (r->by_year_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
	    r->by_week_no[0] != ICAL_RECURRENCE_ARRAY_MAX ||
	    r->by_set_pos[0] != ICAL_RECURRENCE_ARRAY_MAX)
		return 0;
	out->freq = r->freq;
	out->interval = r->interval > 0 ? r->interval : 1;
	out->count = r->count > 0 ? r->count : 0;
	out->until = UKWD_DATE_MAX;
	if (!icaltime_is_null_time(r->until) &&
	    ukwd_date_from_ymd(&out->until, r->until.year, r->until.month,
	                       r->until.day))
		return 0;
	out->week_start =
	    r->week_start == ICAL_NO_WEEKDAY ? 1 : iso_weekday(r->week_start);
	for (int i = 0; i < ICAL_BY_MONTH_SIZE &&
	                r->by_month[i] != ICAL_RECURRENCE_ARRAY_MAX;
	     i++) {
		if (r->by_month[i] < 1 || r->by_month[i] > 12)
			return 0;
		out->months |= 1u << r->by_month[i];
	}
	for (int i = 0; i < ICAL_BY_MONTHDAY_SIZE &&
	                r->by_month_day[i] != ICAL_RECURRENCE_ARRAY_MAX;
	     i++) {
		int v = r->by_month_day[i];

		if (v == 0 || v < -31 || v > 31 ||
		    out->nmonthdays == (int)sizeof(out->monthday))
			return 0;
		out->monthday[out->nmonthdays++] = (signed char)v;
	}
	for (int i = 0;
	     i < ICAL_BY_DAY_SIZE && r->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX;
	     i++) {
		icalrecurrencetype_weekday w =
		    icalrecurrencetype_day_day_of_week(r->by_day[i]);
		int nth = icalrecurrencetype_day_position(r->by_day[i]);

		if (w == ICAL_NO_WEEKDAY || nth < -5 || nth > 5 ||
		    out->ndays == (int)(sizeof(out->day) / sizeof(out->day[0])))
			return 0;
		out->day[out->ndays].weekday = iso_weekday(w);
		out->day[out->ndays++].nth = nth;
	}
	switch (out->freq) {
	case ICAL_DAILY_RECURRENCE:
	case ICAL_WEEKLY_RECURRENCE:
		/* BYDAY, BYMONTH and (DAILY) BYMONTHDAY only limit; an ordinal
		 * has no meaning (refused in expand_rule) */
		for (int i = 0; i < out->ndays; i++)
			if (out->day[i].nth)
				return 0;
		return out->freq == ICAL_DAILY_RECURRENCE ||
		       out->nmonthdays == 0;
	case ICAL_YEARLY_RECURRENCE:
		/* BYDAY or BYMONTHDAY over a whole year (its n-th Monday,
		 * the 1st of each month, which libical 3.0 reads as of
		 * DTSTART's month only) is libical's */
		return (out->ndays == 0 && out->nmonthdays == 0) ||
		       out->months != 0;
	default:
		return 1;
	}
}

/* Does day `d` of a month (`dim` days, `weekday` ISO) match BYMONTHDAY
 * and BYDAY (when given)? */
static int
month_day_matches(const struct simple_rule *r, int d, int dim, int weekday)
{
	int ok = r->nmonthdays == 0;

	for (int i = 0; i < r->nmonthdays && !ok; i++)
		ok = r->monthday[i] > 0 ? r->monthday[i] == d
		                        : dim + 1 + r->monthday[i] == d;
	if (!ok)
		return 0;
	ok = r->ndays == 0;
	for (int i = 0; i < r->ndays && !ok; i++) {
		int nth = r->day[i].nth;

		if (r->day[i].weekday != weekday)
			continue;
		ok = nth == 0 || (nth > 0 && (d - 1) / 7 + 1 == nth) ||
		     (nth < 0 && (dim - d) / 7 + 1 == -nth);
	}
	return ok;
}

struct rule_walk {
	struct instances *list;
	struct ics_budget *budget;
	ukwd_date start, stop; /* DTSTART; the last day to look at */
	long long emitted;
	int done;
};

/* One candidate day, in increasing order: 1 to stop the walk. */
static int
rule_emit(struct rule_walk *w, const struct simple_rule *r, ukwd_date d,
          int *rc)
{
	/* A DTSTART that the rule does not give is not an instance either,
	 * as libical has it (RFC 5545 leaves it undefined). */
	if (d < w->start)
		return 0;
	if (d > w->stop || (r->count && w->emitted >= r->count)) {
		w->done = 1;
		return 1;
	}
	w->emitted++;
	*rc = instances_add(w->list, d);
	return *rc != 0;
}

/* The candidates of one month of a MONTHLY or YEARLY rule. */
static int
rule_month(struct rule_walk *w, const struct simple_rule *r, int year,
           int month, int start_day, int *rc)
{
	int dim = ukwd__days_in_month(year, month);
	ukwd_date first = ukwd__days_from_civil(year, month, 1);
	int weekday = ukwd_date_weekday(first);

	if (r->months && !(r->months & (1u << month)))
		return 0;
	if (r->nmonthdays == 0 && r->ndays == 0)
		return start_day <= dim &&
		       rule_emit(w, r, first + start_day - 1, rc);
	for (int d = 1; d <= dim; d++)
		if (month_day_matches(r, d, dim, (weekday + d - 2) % 7 + 1) &&
		    rule_emit(w, r, first + d - 1, rc))
			return 1;
	return 0;
}

/* FREQ=DAILY from the period holding `from`. */
static int
simple_daily(struct rule_walk *w, const struct simple_rule *r, ukwd_date from)
{
	long long period = (from - w->start) / r->interval;
	int rc = 0;

	for (ukwd_date day = w->start + (ukwd_date)(period * r->interval);
	     !w->done && rc == 0 && day <= w->stop; day += r->interval) {
		int dy, dm, dd;

		if (--w->budget->steps < 0)
			return UKWD_ERANGE;
		/* Every day of a rule without BY parts (the civil date
		 * was half the cost of a daily rule over the whole range) */
		if (!r->months && !r->ndays && !r->nmonthdays) {
			rule_emit(w, r, day, &rc);
			continue;
		}
		ukwd_date_to_ymd(day, &dy, &dm, &dd);
		if (r->months && !(r->months & (1u << dm)))
			continue;
		if ((r->ndays || r->nmonthdays) &&
		    !month_day_matches(r, dd, ukwd__days_in_month(dy, dm),
		                       ukwd_date_weekday(day)))
			continue;
		rule_emit(w, r, day, &rc);
	}
	return rc;
}

/* FREQ=WEEKLY from the period holding `from`: weeks begin on WKST. */
static int
simple_weekly(struct rule_walk *w, const struct simple_rule *r, ukwd_date from)
{
	int start_weekday = ukwd_date_weekday(w->start);
	ukwd_date week = w->start - ((start_weekday - r->week_start + 7) % 7);
	long long period = (from - week) / 7 / r->interval;
	int rc = 0;

	for (week += (ukwd_date)(period * 7 * r->interval);
	     !w->done && rc == 0 && week <= w->stop; week += 7 * r->interval) {
		if (--w->budget->steps < 0)
			return UKWD_ERANGE;
		for (int i = 0; i < 7 && !w->done && rc == 0; i++) {
			ukwd_date day = week + i;
			int wd = ukwd_date_weekday(day), dm, hit = 0;

			if (day < UKWD_DATE_MIN || day > UKWD_DATE_MAX)
				continue;
			for (int k = 0; k < r->ndays; k++)
				hit |= r->day[k].weekday == wd;
			if (r->ndays ? !hit : wd != start_weekday)
				continue;
			ukwd_date_to_ymd(day, NULL, &dm, NULL);
			if (r->months && !(r->months & (1u << dm)))
				continue;
			rule_emit(w, r, day, &rc);
		}
	}
	return rc;
}

/* FREQ=MONTHLY from the period holding `from`. */
static int
simple_monthly(struct rule_walk *w, const struct simple_rule *r, ukwd_date from)
{
	int y, m, d, fy, fm, rc = 0;
	long long index, period;

	ukwd_date_to_ymd(w->start, &y, &m, &d);
	ukwd_date_to_ymd(from, &fy, &fm, NULL);
	index = (long long)y * 12 + (m - 1);
	period = ((long long)fy * 12 + (fm - 1) - index) / r->interval;
	for (index += period * r->interval;
	     !w->done && rc == 0 && index <= 9999LL * 12 + 11;
	     index += r->interval) {
		if (--w->budget->steps < 0)
			return UKWD_ERANGE;
		if (rule_month(w, r, (int)(index / 12), (int)(index % 12) + 1,
		               d, &rc))
			break;
		if (ukwd__days_from_civil((int)(index / 12),
		                          (int)(index % 12) + 1, 1) > w->stop)
			break;
	}
	return rc;
}

/* FREQ=YEARLY from the period holding `from`. */
static int
simple_yearly(struct rule_walk *w, const struct simple_rule *r, ukwd_date from)
{
	int y, m, d, fy, rc = 0;
	long long period;

	ukwd_date_to_ymd(w->start, &y, &m, &d);
	ukwd_date_to_ymd(from, &fy, NULL, NULL);
	period = (fy - y) / r->interval;
	for (long long year = y + period * r->interval;
	     !w->done && rc == 0 && year <= 9999; year += r->interval) {
		int stop = 0;

		if (--w->budget->steps < 0)
			return UKWD_ERANGE;
		if (ukwd__days_from_civil((int)year, 1, 1) > w->stop)
			break;
		for (int month = 1; month <= 12 && !stop; month++) {
			struct simple_rule one = *r;

			/* No BY part: DTSTART's month and day. BYMONTH: those
			 * months, on DTSTART's day or on the days BYMONTHDAY
			 * and BYDAY give. */
			if (!r->months && month != m)
				continue;
			one.months = r->months;
			stop = rule_month(w, &one, (int)year, month, d, &rc);
		}
		if (stop)
			break;
	}
	return rc;
}

/* Expand a simple rule: each instance from DTSTART up to `stop` (the
 * range's end or UNTIL) or COUNT. Without COUNT the walk starts at
 * the period holding `from` (the first day that can reach the range). */
static int
expand_simple(struct instances *list, const struct simple_rule *r,
              ukwd_date start, ukwd_date from, ukwd_date range_last,
              struct ics_budget *budget)
{
	struct rule_walk w = {list, budget, start, range_last, 0, 0};

	if (r->until < w.stop)
		w.stop = r->until;
	if (start > w.stop)
		return 0;
	if (r->count)
		from = start;
	if (from < start)
		from = start;
	switch (r->freq) {
	case ICAL_DAILY_RECURRENCE:
		return simple_daily(&w, r, from);
	case ICAL_WEEKLY_RECURRENCE:
		return simple_weekly(&w, r, from);
	case ICAL_MONTHLY_RECURRENCE:
		return simple_monthly(&w, r, from);
	case ICAL_YEARLY_RECURRENCE:
	default:
		return simple_yearly(&w, r, from);
	}
}

/* The line of the event's first RRULE, for messages. */
static int
rrule_line(const struct ics_text *text, struct span span)
{
	return find_line(text, span.begin, span.end, "RRULE", 1);
}

static int
steps_error(ukwd_diag *diag, int line)
{
	return ukwd__diag_set(diag, UKWD_ERANGE, line, 0,
	                      "the file's recurrences take more than %d steps "
	                      "(UKWD_ICAL_MAX_DAYS)",
	                      UKWD_ICAL_MAX_DAYS);
}

/* libical's iterator for a rule libukwd does not expand itself, started
 * at `skip_to` when the rule allows it. */
static int
libical_iterator(icalrecur_iterator **out, const struct ics_text *text,
                 struct span span, struct icalrecurrencetype rule,
                 struct icaltimetype start_time, ukwd_date start,
                 ukwd_date skip_to, ukwd_diag *diag)
{
	icalrecur_iterator *it;

	/* libical counts leap years and weekdays as the Julian calendar
	 * before 1753, where libukwd's dates are proleptic Gregorian. */
	if (start < ukwd__days_from_civil(LIBICAL_FIRST_YEAR, 1, 1))
		return ukwd__diag_set(
		    diag, UKWD_ERANGE, rrule_line(text, span), 0,
		    "RRULE of a form libical expands starts before %d, where "
		    "libical's calendar is Julian (libukwd itself expands "
		    "FREQ=DAILY, WEEKLY, MONTHLY and YEARLY with BYMONTH, "
		    "BYMONTHDAY and BYDAY)",
		    LIBICAL_FIRST_YEAR);
	it = icalrecur_iterator_new(rule, start_time);
	if (!it && start > ukwd__days_from_civil(LIBICAL_LAST_YEAR, 12, 31))
		return ukwd__diag_set(
		    diag, UKWD_ERANGE, rrule_line(text, span), 0,
		    "RRULE starts after %d, beyond libical's reach for a rule "
		    "of this form (libukwd itself expands FREQ=DAILY, WEEKLY, "
		    "MONTHLY and YEARLY with BYMONTH, BYMONTHDAY and BYDAY)",
		    LIBICAL_LAST_YEAR);
	if (!it)
		return ics_error(diag, rrule_line(text, span),
		                 "RRULE that libical cannot read");
	/* Skip to the range when the rule allows it (not with COUNT, which
	 * counts from DTSTART). */
	if (rule.count == 0 && start < skip_to)
		(void)icalrecur_iterator_set_start(it, date_value(skip_to));
	*out = it;
	return 0;
}

/* The iterator's days up to `range_last` into `list`; *ended when libical
 * ran out, *produced how many it gave (repeats included). */
static int
libical_walk(struct instances *list, icalrecur_iterator *it,
             ukwd_date range_last, struct ics_budget *budget,
             long long *produced, int *ended, const struct ics_text *text,
             struct span span, ukwd_diag *diag)
{
	ukwd_date last_seen = UKWD_DATE_MIN - 1;

	for (;;) {
		struct icaltimetype t = icalrecur_iterator_next(it);
		ukwd_date d;
		int rc;

		if (icaltime_is_null_time(t)) {
			*ended = 1;
			return 0;
		}
		if (to_date(&d, t))
			return ukwd__diag_set(
			    diag, UKWD_ERANGE, rrule_line(text, span), 0,
			    "RRULE: libical gave %04d-%02d-%02d, not a date",
			    t.year, t.month, t.day);
		if (d > range_last)
			return 0;
		++*produced;
		if (--budget->steps < 0)
			return steps_error(diag, rrule_line(text, span));
		if (d == last_seen)
			continue;
		last_seen = d;
		rc = instances_add(list, d);
		if (rc)
			return rc;
	}
}

/* A rule libukwd does not expand itself: libical's iterator, which stops
 * after 2582. */
static int
expand_libical(struct instances *list, const struct ics_text *text,
               struct span span, struct icalrecurrencetype rule,
               struct icaltimetype start_time, ukwd_date start, ukwd_date from,
               ukwd_date range_last, struct ics_budget *budget, ukwd_diag *diag)
{
	icalrecur_iterator *it = NULL;
	ukwd_date until = UKWD_DATE_MAX;
	ukwd_date libical_last =
	    ukwd__days_from_civil(LIBICAL_LAST_YEAR, 12, 31);
	long long produced = 0;
	int rc, ended = 0;

	if (!icaltime_is_null_time(rule.until) &&
	    ukwd_date_from_ymd(&until, rule.until.year, rule.until.month,
	                       rule.until.day))
		until = UKWD_DATE_MAX;
	rc = libical_iterator(&it, text, span, rule, start_time, start, from,
	                      diag);
	if (rc)
		return rc;
	rc = libical_walk(list, it, range_last, budget, &produced, &ended, text,
	                  span, diag);
	icalrecur_iterator_free(it);
	/* libical ran out: at the end of the rule (its COUNT reached, its
	 * UNTIL before 2583), or at its own limit, which must not pass for
	 * the rule's end. */
	if (rc == 0 && ended && range_last > libical_last &&
	    (rule.count > 0 ? produced < rule.count : until > libical_last))
		rc = ukwd__diag_set(
		    diag, UKWD_ERANGE, rrule_line(text, span), 0,
		    "RRULE of a form libical expands only to %d, and the "
		    "calendar runs to %d (libukwd itself expands FREQ=DAILY, "
		    "WEEKLY, MONTHLY and YEARLY with BYMONTH, BYMONTHDAY and "
		    "BYDAY)",
		    LIBICAL_LAST_YEAR, year_of_date(range_last));
	return rc;
}

/* ------------------------------------------------------------------ */
/* BYSETPOS that no period can meet.
 *
 * libical 3.0 looks for a rule's first instance inside
 * icalrecur_iterator_new, period after period, up to 2582: a BYSETPOS
 * past the size of every period's set (FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,
 * FR;BYSETPOS=41, or =24, as no month has 24 weekdays) costs 1.3 s of CPU
 * for each such RRULE and gives no day. The largest set a period can
 * hold is worked out here first, and such a rule is refused. */

/* The days of one month (`dim` days, its 1st on ISO weekday
 * `first_weekday`) that a simple rule's BYMONTHDAY and BYDAY keep; with
 * neither, DTSTART's day of the month. */
static int
month_set_size(const struct simple_rule *r, int dim, int first_weekday,
               int start_day)
{
	int n = 0;

	if (r->nmonthdays == 0 && r->ndays == 0)
		return start_day <= dim;
	for (int d = 1; d <= dim; d++)
		n += month_day_matches(r, d, dim,
		                       (first_weekday + d - 2) % 7 + 1);
	return n;
}

/* The largest set of one period of a rule of a form libukwd expands
 * (BYSETPOS aside), exactly: a month's set depends only on its length
 * and the weekday of its 1st, a year's on being leap and the weekday of
 * 1 January, and the 400-year Gregorian cycle holds every combination. */
static int
simple_period_max(const struct simple_rule *r, int start_month, int start_day)
{
	static const int month_days[13] = {0,  31, 28, 31, 30, 31, 30,
	                                   31, 31, 30, 31, 30, 31};
	unsigned int weekdays = 0;
	int best = 0;

	switch (r->freq) {
	case ICAL_DAILY_RECURRENCE:
		/* One day, if BYMONTH, BYMONTHDAY and BYDAY ever agree. */
		if (r->nmonthdays == 0 && r->ndays == 0)
			return 1;
		for (int m = 1; m <= 12 && !best; m++)
			for (int leap = 0; leap <= (m == 2) && !best; leap++)
				for (int w = 1; w <= 7 && !best; w++)
					best = (!r->months ||
					        (r->months & (1u << m))) &&
					       month_set_size(
					           r, month_days[m] + leap, w,
					           1) > 0;
		return best;
	case ICAL_WEEKLY_RECURRENCE:
		/* Every month holds a whole week, whatever WKST is. */
		for (int k = 0; k < r->ndays; k++)
			weekdays |= 1u << r->day[k].weekday;
		return r->ndays ? __builtin_popcount(weekdays) : 1;
	case ICAL_MONTHLY_RECURRENCE:
		for (int m = 1; m <= 12; m++) {
			if (r->months && !(r->months & (1u << m)))
				continue;
			for (int leap = 0; leap <= (m == 2); leap++)
				for (int w = 1; w <= 7; w++) {
					int n = month_set_size(
					    r, month_days[m] + leap, w,
					    start_day);

					best = n > best ? n : best;
				}
		}
		return best;
	default:
		for (int leap = 0; leap <= 1; leap++)
			for (int w = 1; w <= 7; w++) {
				int n = 0, first = w;

				for (int m = 1; m <= 12; m++) {
					int dim =
					    month_days[m] + (m == 2 && leap);

					if (r->months
					        ? (r->months & (1u << m)) != 0
					        : m == start_month)
						n += month_set_size(
						    r, dim, first, start_day);
					first = (first - 1 + dim) % 7 + 1;
				}
				best = n > best ? n : best;
			}
		return best;
	}
}

static int
by_count(const short *values, int size)
{
	int n = 0;

	while (n < size && values[n] != ICAL_RECURRENCE_ARRAY_MAX)
		n++;
	return n;
}

/* An upper bound of a period's set for any other rule: the period's
 * length, and what each BY part can let through in it. */
static int
period_bound(const struct icalrecurrencetype *r)
{
	int yearly = r->freq == ICAL_YEARLY_RECURRENCE;
	int months = by_count(r->by_month, ICAL_BY_MONTH_SIZE);
	int n, bound;

	switch (r->freq) {
	case ICAL_DAILY_RECURRENCE:
		bound = 1;
		break;
	case ICAL_WEEKLY_RECURRENCE:
		bound = 7;
		break;
	case ICAL_MONTHLY_RECURRENCE:
		bound = 31;
		break;
	default:
		bound = 366;
		break;
	}
	if (yearly && months > 0 && 31 * months < bound)
		bound = 31 * months;
	n = by_count(r->by_year_day, ICAL_BY_YEARDAY_SIZE);
	if (n > 0 && n < bound)
		bound = n;
	n = by_count(r->by_week_no, ICAL_BY_WEEKNO_SIZE);
	if (n > 0 && 7 * n < bound)
		bound = 7 * n;
	n = by_count(r->by_month_day, ICAL_BY_MONTHDAY_SIZE);
	if (n > 0 && n * (yearly ? (months ? months : 12) : 1) < bound)
		bound = n * (yearly ? (months ? months : 12) : 1);
	n = 0;
	for (int i = 0;
	     i < ICAL_BY_DAY_SIZE && r->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX;
	     i++) {
		/* An ordinal day is one a month (or a year); a plain one
		 * comes up to 53 times a year, 5 a month, once a week. */
		if (icalrecurrencetype_day_position(r->by_day[i]) != 0)
			n += yearly ? 12 : 1;
		else
			n += yearly                               ? 53
			     : r->freq == ICAL_MONTHLY_RECURRENCE ? 5
			                                          : 1;
	}
	if (n > 0 && n < bound)
		bound = n;
	return bound;
}

static const char *
freq_name(icalrecurrencetype_frequency freq)
{
	switch (freq) {
	case ICAL_DAILY_RECURRENCE:
		return "DAILY";
	case ICAL_WEEKLY_RECURRENCE:
		return "WEEKLY";
	case ICAL_MONTHLY_RECURRENCE:
		return "MONTHLY";
	default:
		return "YEARLY";
	}
}

/* Refuse a BYDAY list whose every day has an ordinal no month (or year)
 * holds: FREQ=MONTHLY;BYDAY=6MO matches nothing, and libical 3.0 looks
 * for it up to 2582 inside icalrecur_iterator_new, 0.7 s of CPU for each
 * such RRULE (found by fuzz-ics: 0.9 s for a 582-byte file). */
static int
check_byday_ordinals(const struct ics_text *text, struct span span,
                     const struct icalrecurrencetype *rule, ukwd_diag *diag)
{
	int most = rule->freq == ICAL_YEARLY_RECURRENCE &&
	                   rule->by_month[0] == ICAL_RECURRENCE_ARRAY_MAX
	               ? 53
	               : 5;
	int nth = 0, last = -1;

	for (int i = 0; i < ICAL_BY_DAY_SIZE &&
	                rule->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX;
	     i++) {
		nth = icalrecurrencetype_day_position(rule->by_day[i]);
		if (nth >= -most && nth <= most)
			return 0;
		last = i;
	}
	if (last < 0)
		return 0; /* no BYDAY */
	return ukwd__diag_set(
	    diag, UKWD_EPARSE, rrule_line(text, span), 0,
	    "RRULE: BYDAY=%d%s picks no day: a %s holds at "
	    "most %d of each weekday",
	    nth,
	    icalrecur_weekday_to_string(
	        icalrecurrencetype_day_day_of_week(rule->by_day[last])),
	    most == 5 ? "month" : "year", most);
}

/* Refuse a BYSETPOS none of whose values any period can meet (a list
 * with one that can is fine: RFC 5545 lets a position miss a period), and
 * one libical would not apply. */
static int
check_set_pos(const struct ics_text *text, struct span span,
              const struct icalrecurrencetype *rule, ukwd_date start,
              ukwd_diag *diag)
{
	struct icalrecurrencetype plain = *rule;
	struct simple_rule simple;
	int nearest = 0, most, month = 1, day = 1, met = 0;
	uint32_t firsts = 0, lasts = 0; /* bit n-1: BYSETPOS n, -n */

	if (rule->by_set_pos[0] == ICAL_RECURRENCE_ARRAY_MAX)
		return 0;
	plain.by_set_pos[0] = ICAL_RECURRENCE_ARRAY_MAX;
	ukwd_date_to_ymd(start, NULL, &month, &day);
	most = simple_rule_from(&simple, &plain)
	           ? simple_period_max(&simple, month, day)
	           : period_bound(rule);
	for (int i = 0; i < ICAL_BY_SETPOS_SIZE &&
	                rule->by_set_pos[i] != ICAL_RECURRENCE_ARRAY_MAX;
	     i++) {
		int v = rule->by_set_pos[i];

		if (v > 0 && v <= 32)
			firsts |= 1u << (v - 1);
		if (v < 0 && v >= -32)
			lasts |= 1u << (-v - 1);
		if ((v < 0 ? -v : v) <= most)
			met = 1;
		if (nearest == 0 || (v < 0 ? -v : v) < abs(nearest))
			nearest = v;
	}
	/* libical 3.0 ignores BYSETPOS with FREQ=WEEKLY and DAILY and
	 * gives every day of the period: refused unless it keeps them all
	 * anyway (1 to the most a period holds, or -1 to minus that). */
	if (met && (rule->freq == ICAL_WEEKLY_RECURRENCE ||
	            rule->freq == ICAL_DAILY_RECURRENCE)) {
		uint32_t all = most >= 32 ? UINT32_MAX : (1u << most) - 1;

		if ((firsts & all) != all && (lasts & all) != all)
			return ukwd__diag_set(
			    diag, UKWD_EPARSE, rrule_line(text, span), 0,
			    "RRULE: BYSETPOS with FREQ=%s that keeps only some "
			    "days of a period is not supported (libical 3.0 "
			    "would give every day)",
			    freq_name(rule->freq));
	}
	if (met)
		return 0;
	return ukwd__diag_set(
	    diag, UKWD_EPARSE, rrule_line(text, span), 0,
	    "RRULE: BYSETPOS=%d picks no day: a FREQ=%s period of this rule "
	    "holds at most %d day%s",
	    nearest, freq_name(rule->freq), most, most == 1 ? "" : "s");
}

/* One RRULE's instances from `start` to `range_last`. */
static int
expand_rule(struct instances *list, const struct ics_text *text,
            struct span span, icalproperty *p, struct icaltimetype start_time,
            ukwd_date start, int32_t length, ukwd_date range_first,
            ukwd_date range_last, struct ics_budget *budget, ukwd_diag *diag)
{
	struct icalrecurrencetype rule = icalproperty_get_rrule(p);
	const char *finer = rule_finer_than_a_day(&rule);
	struct simple_rule simple;
	int rc;

	if (rule.freq == ICAL_NO_RECURRENCE)
		return ics_error(diag, rrule_line(text, span),
		                 "RRULE has no FREQ");
	if (finer)
		return ukwd__diag_set(
		    diag, UKWD_EPARSE, rrule_line(text, span), 0,
		    "RRULE with %s: a rule finer than a day is refused (days "
		    "off repeat daily at most)",
		    finer);
	/* RFC 5545 3.3.10: BYDAY MUST NOT take an ordinal unless FREQ is
	 * MONTHLY or YEARLY; libical 3.0 then matches no day, walking every
	 * day to 2582 (0.4 s of CPU for each such RRULE). */
	if (rule.freq != ICAL_MONTHLY_RECURRENCE &&
	    rule.freq != ICAL_YEARLY_RECURRENCE)
		for (int i = 0; i < ICAL_BY_DAY_SIZE &&
		                rule.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX;
		     i++)
			if (icalrecurrencetype_day_position(rule.by_day[i]))
				return ukwd__diag_set(
				    diag, UKWD_EPARSE, rrule_line(text, span),
				    0,
				    "RRULE: BYDAY with an ordinal (such as "
				    "-1MO) needs FREQ=MONTHLY or YEARLY "
				    "(RFC 5545), not FREQ=%s",
				    freq_name(rule.freq));
	rc = check_byday_ordinals(text, span, &rule, diag);
	if (rc)
		return rc;
	rc = check_set_pos(text, span, &rule, start, diag);
	if (rc)
		return rc;
	/* No instance can reach the range (COUNT counts from DTSTART too);
	 * libical would still look for the first one, 60 ms and more. */
	if (start > range_last)
		return 0;
	if (!simple_rule_from(&simple, &rule))
		return expand_libical(list, text, span, rule, start_time, start,
		                      range_first - length, range_last, budget,
		                      diag);
	rc = expand_simple(list, &simple, start, range_first - length,
	                   range_last, budget);
	if (rc == UKWD_ERANGE)
		rc = steps_error(diag, rrule_line(text, span));
	return rc;
}

/* A VEVENT's DTSTART, and its length in days from DTEND or DURATION (one
 * day when it has neither). */
static int
event_dates(struct icaltimetype *start_time, ukwd_date *start, int32_t *length,
            const struct ics_text *text, icalcomponent *event, struct span span,
            ukwd_diag *diag)
{
	icalproperty *p;
	ukwd_date end;

	p = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
	if (!p)
		return ics_error(diag, span.begin, "VEVENT has no DTSTART");
	*start_time = icalproperty_get_dtstart(p);
	if (!start_time->is_date)
		return ics_error(
		    diag, find_line(text, span.begin, span.end, "DTSTART", 1),
		    "DTSTART is not a date (expected "
		    "DTSTART;VALUE=DATE:YYYYMMDD)");
	if (to_date(start, *start_time))
		return ics_error(
		    diag, find_line(text, span.begin, span.end, "DTSTART", 1),
		    "DTSTART is not a valid date (YYYYMMDD, years 0001 to "
		    "9999)");
	end = *start + 1;
	p = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY);
	if (p) {
		struct icaltimetype t = icalproperty_get_dtend(p);

		if (!t.is_date || to_date(&end, t))
			return ics_error(
			    diag,
			    find_line(text, span.begin, span.end, "DTEND", 1),
			    "DTEND is not a date (expected "
			    "DTEND;VALUE=DATE:YYYYMMDD)");
	} else if ((p = icalcomponent_get_first_property(
	                event, ICAL_DURATION_PROPERTY))) {
		struct icaldurationtype span_of = icalproperty_get_duration(p);
		long long days = (long long)span_of.weeks * 7 + span_of.days;

		if (span_of.is_neg || span_of.hours || span_of.minutes ||
		    span_of.seconds || days > UKWD_DATE_MAX + 1 - *start)
			return ics_error(diag,
			                 find_line(text, span.begin, span.end,
			                           "DURATION", 1),
			                 "DURATION of an all-day event must be "
			                 "whole days or weeks");
		end = *start + (ukwd_date)days;
	}
	if (end <= *start)
		return ics_error(
		    diag,
		    find_line(text, span.begin, span.end,
		              p ? icalproperty_get_property_name(p) : "DTEND",
		              1),
		    "the event ends before it starts (DTEND or "
		    "DURATION)");
	*length = end - *start;
	return 0;
}

/* The instances' first days: DTSTART, or each RRULE's; and each RDATE. */
static int
event_instances(struct instances *list, const struct ics_text *text,
                icalcomponent *event, struct span span,
                struct icaltimetype start_time, ukwd_date start, int32_t length,
                ukwd_date range_first, ukwd_date range_last,
                struct ics_budget *budget, ukwd_diag *diag)
{
	icalproperty *p;
	int rc = 0, recurs = 0;

	for (p = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
	     p && rc == 0;
	     p = icalcomponent_get_next_property(event, ICAL_RRULE_PROPERTY)) {
		recurs = 1;
		rc = expand_rule(list, text, span, p, start_time, start, length,
		                 range_first, range_last, budget, diag);
	}
	if (rc == 0 && !recurs)
		rc = instances_add(list, start);
	for (p = icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY);
	     p && rc == 0;
	     p = icalcomponent_get_next_property(event, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype when = icalproperty_get_rdate(p);
		struct icaltimetype t = icaltime_is_null_time(when.time)
		                            ? when.period.start
		                            : when.time;
		ukwd_date d;

		if (!t.is_date || to_date(&d, t))
			rc = ics_error(
			    diag,
			    find_line(text, span.begin, span.end, "RDATE", 1),
			    "RDATE is not a date");
		else
			rc = instances_add(list, d);
	}
	return rc;
}

/* Mark each instance an EXDATE names as excluded (a day before
 * UKWD_DATE_MIN). */
static int
exclude_exdates(struct instances *list, const struct ics_text *text,
                icalcomponent *event, struct span span, ukwd_diag *diag)
{
	struct instances excluded = {NULL, 0, 0};
	icalproperty *p;
	int rc = 0;

	for (p = icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY);
	     p && rc == 0;
	     p = icalcomponent_get_next_property(event, ICAL_EXDATE_PROPERTY)) {
		ukwd_date d;

		if (to_date(&d, icalproperty_get_exdate(p)))
			rc = ics_error(
			    diag,
			    find_line(text, span.begin, span.end, "EXDATE", 1),
			    "EXDATE is not a date");
		else
			rc = instances_add(&excluded, d);
	}
	/* Sorted, so that many EXDATEs over many instances stay cheap. */
	if (rc == 0 && excluded.count) {
		qsort(excluded.day, excluded.count, sizeof(*excluded.day),
		      compare_dates);
		for (size_t i = 0; i < list->count; i++)
			if (bsearch(&list->day[i], excluded.day, excluded.count,
			            sizeof(*excluded.day), compare_dates))
				list->day[i] = UKWD_DATE_MIN - 1;
	}
	ukwd__free(excluded.day);
	return rc;
}

/* Each instance's days, clipped to the range, as one span: the cost is
 * per instance, not per day. */
static int
add_instance_days(struct ukwd__days *imp, const struct instances *list,
                  int32_t length, const char *name, struct span span,
                  ukwd_date range_first, ukwd_date range_last,
                  struct ics_budget *budget, ukwd_diag *diag)
{
	int rc = 0;

	for (size_t i = 0; i < list->count && rc == 0; i++) {
		ukwd_date first = list->day[i], last = first + (length - 1);

		if (first < UKWD_DATE_MIN)
			continue; /* excluded */
		if (first < range_first)
			first = range_first;
		if (last > range_last)
			last = range_last;
		if (first > last)
			continue;
		budget->days -= (long long)last - first + 1;
		if (budget->days < 0)
			return ukwd__diag_set(
			    diag, UKWD_ERANGE, span.begin, 0,
			    "the file makes more than %d days "
			    "off (UKWD_ICAL_MAX_DAYS)",
			    UKWD_ICAL_MAX_DAYS);
		rc = ukwd__days_add_range(imp, first, last, name);
	}
	return rc;
}

/* One VEVENT: its days, with recurrences, into `imp`. The instances are
 * DTSTART, or each RRULE's; and each RDATE; less every EXDATE (RFC 5545
 * 3.8.5.1). */
static int
import_event(struct ukwd__days *imp, const struct ics_text *text,
             icalcomponent *event, struct span span, ukwd_date range_first,
             ukwd_date range_last, struct ics_budget *budget, ukwd_diag *diag)
{
	struct icaltimetype start_time;
	struct instances list = {NULL, 0, 0};
	ukwd_date start;
	int32_t length = 0;
	int rc =
	    event_dates(&start_time, &start, &length, text, event, span, diag);

	if (rc)
		return rc;
	rc = event_instances(&list, text, event, span, start_time, start,
	                     length, range_first, range_last, budget, diag);
	if (rc == 0)
		rc = exclude_exdates(&list, text, event, span, diag);
	if (rc == 0)
		rc = add_instance_days(imp, &list, length,
		                       icalcomponent_get_summary(event), span,
		                       range_first, range_last, budget, diag);
	ukwd__free(list.day);
	return rc;
}

/* Walk the components in document order: report libical's errors, and
 * import each VEVENT. */
static int
import_tree(struct ukwd__days *imp, const struct ics_text *text,
            icalcomponent *root, ukwd_date range_first, ukwd_date range_last,
            struct ics_budget *budget, ukwd_diag *diag)
{
	icalcomponent *stack[ICS_MAX_DEPTH + 1];
	int depth = 0, index = 0, rc = 0;
	icalcomponent *comp;

	/* Several VCALENDARs come back under one XROOT. */
	comp = icalcomponent_isa(root) == ICAL_XROOT_COMPONENT
	           ? icalcomponent_get_first_component(root, ICAL_ANY_COMPONENT)
	           : root;
	if (comp != root)
		stack[depth++] = root;
	while (comp && rc == 0) {
		struct span span = {1, text->nlines};
		icalcomponent *child;

		if (index < text->ncomponents) {
			span.begin = text->begin_line[index];
			span.end = text->end_line[index];
		}
		index++;
		rc = report_lic_error(text, comp, span, diag);
		if (rc == 0 && icalcomponent_isa(comp) == ICAL_VEVENT_COMPONENT)
			rc = import_event(imp, text, comp, span, range_first,
			                  range_last, budget, diag);
		/* Next in pre-order: the first child, else the next sibling
		 * of this or an enclosing component. */
		child = depth < ICS_MAX_DEPTH
		            ? icalcomponent_get_first_component(
		                  comp, ICAL_ANY_COMPONENT)
		            : NULL;
		if (child) {
			stack[depth++] = comp;
			comp = child;
			continue;
		}
		comp = NULL;
		while (depth > 0 && !comp)
			comp = icalcomponent_get_next_component(
			    stack[--depth], ICAL_ANY_COMPONENT);
		if (comp)
			depth++;
	}
	if (rc == 0 && icalcomponent_count_errors(root) > 0)
		rc =
		    ics_error(diag, 1, "libical reported a malformed property");
	return rc;
}

int
ukwd_ical_import(ukwd_calendar_builder *b, const char *data, size_t size,
                 unsigned int flags, ukwd_diag *diag)
{
	struct ics_text text;
	struct ukwd__days imp = {0};
	struct ics_budget budget;
	icalcomponent *root;
	ukwd_date range_first, range_last;
	const char *nul;
	int rc;

	ukwd__diag_clear(diag);
	if (!b || !data || (flags & ~UKWD_IMPORT_OFFICIAL))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "no builder or data, or unknown flags");
	if (ukwd__builder_range(b, &range_first, &range_last))
		return ukwd__diag_set(diag, UKWD_EINVAL, 0, 0,
		                      "set the builder's range before "
		                      "importing");
	if (ukwd_holidays_detect(data, size) != UKWD_HOLIDAYS_ICAL)
		return ukwd__diag_set(diag, UKWD_EPARSE, 1, 1,
		                      "not iCalendar: expected "
		                      "BEGIN:VCALENDAR");
	rc = ics_text_index(&text, data, size);
	if (rc)
		return rc;
	nul = memchr(text.buf, '\0', text.size);
	rc = nul ? ics_error(diag,
	                     line_of_offset(&text, (size_t)(nul - text.buf)),
	                     "NUL byte in the text")
	         : ics_check_line_length(&text, diag);
	if (rc == 0)
		rc = ics_check_nesting(&text, diag);
	if (rc) {
		ics_text_free(&text);
		return rc;
	}
	root = icalparser_parse_string(text.buf);
	if (!root) {
		rc =
		    ics_error(diag, text.nlines,
		              "not complete iCalendar: truncated, or BEGIN and "
		              "END do not match");
		ics_text_free(&text);
		return rc;
	}
	budget.steps = budget.days = UKWD_ICAL_MAX_DAYS;
	rc = import_tree(&imp, &text, root, range_first, range_last, &budget,
	                 diag);
	if (rc == 0)
		rc = ukwd__days_apply(b, &imp, flags);
	ukwd__days_free(&imp);
	icalcomponent_free(root);
	ics_text_free(&text);
	if (rc && diag && diag->code == 0)
		ukwd__diag_set(diag, rc, 0, 0, "%s", ukwd_strerror(rc));
	return rc;
}

/* Text that grows, for DESCRIPTION. */
struct text_buf {
	char *text;
	size_t len, capacity;
	int rc;
};

static void text_add(struct text_buf *t, const char *fmt, ...)
    UKWD__PRINTF(2, 3);

static void
text_add(struct text_buf *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (t->rc)
		return;
	va_start(ap, fmt);
	n = vsnprintf(t->text ? t->text + t->len : NULL,
	              t->text ? t->capacity - t->len : 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		t->rc = UKWD_EINVAL;
		return;
	}
	if (!t->text || t->len + (size_t)n >= t->capacity) {
		size_t capacity = (t->len + (size_t)n + 1) * 2;
		char *grown = ukwd__realloc(t->text, capacity);

		if (!grown) {
			t->rc = UKWD_ENOMEM;
			return;
		}
		t->text = grown;
		t->capacity = capacity;
		va_start(ap, fmt);
		vsnprintf(t->text + t->len, t->capacity - t->len, fmt, ap);
		va_end(ap);
	}
	t->len += (size_t)n;
}

/* A code point's UTF-8 sequence at text[0..len): its length (1 to 4), or
 * 0 for a byte that starts no well-formed sequence (a stray continuation
 * byte, an overlong form, a surrogate, past U+10FFFF, cut short). */
static size_t
utf8_sequence(const unsigned char *text, size_t len, uint32_t *cp)
{
	unsigned char lead = text[0];
	size_t need = lead < 0x80                    ? 1
	              : lead >= 0xC2 && lead <= 0xDF ? 2
	              : (lead & 0xF0) == 0xE0        ? 3
	              : lead >= 0xF0 && lead <= 0xF4 ? 4
	                                             : 0;
	uint32_t value = lead & (need == 1 ? 0x7Fu : 0x7Fu >> need);

	if (need == 0 || need > len)
		return 0;
	for (size_t k = 1; k < need; k++) {
		if ((text[k] & 0xC0) != 0x80)
			return 0;
		value = value << 6 | (text[k] & 0x3Fu);
	}
	if ((need == 3 &&
	     (value < 0x800u || (value >= 0xD800u && value <= 0xDFFFu))) ||
	    (need == 4 && (value < 0x10000u || value > 0x10FFFFu)))
		return 0;
	*cp = value;
	return need;
}

/* Append `text` to `t` as iCalendar TEXT may hold it: each byte of
 * ill-formed UTF-8 and each control character (C0, DEL, C1) becomes
 * U+FFFD, except a newline (libical writes it as the escape \n) and a
 * tab (RFC 5545 TEXT allows it). A name then cannot break the document
 * or reach a terminal as an escape sequence. */
static void
text_add_clean(struct text_buf *t, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t len = strlen(text), run = 0, i = 0;

	while (i < len && t->rc == 0) {
		uint32_t cp = 0;
		size_t n = utf8_sequence(p + i, len - i, &cp);

		if (n &&
		    (cp == '\n' || cp == '\t' ||
		     (cp >= 0x20 && cp != 0x7F && (cp < 0x80 || cp > 0x9F)))) {
			i += n;
			continue;
		}
		text_add(t, "%.*s\xEF\xBF\xBD", (int)(i - run), text + run);
		i += n ? n : 1;
		run = i;
	}
	text_add(t, "%s", text + run);
}

/* FNV-1a: a stable, portable hash for UIDs. */
static uint32_t
name_hash(const char *name)
{
	uint32_t h = 2166136261u;

	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return h;
}

struct export_state {
	ukwd_sink write;
	void *payload;
	int rc;
	struct text_buf name; /* the holiday's name, cleaned */
	int stamped;          /* DTSTAMP: `made`, else each event's day */
	int64_t made;
	const char *cleaned; /* the name `name` holds, if any */
};

static int
export_one(ukwd_date d, const char *name, void *payload)
{
	struct export_state *state = payload;
	icalcomponent *event = icalcomponent_new_vevent();
	char uid[64], *text;
	int y, m, day, rc;

	if (!event) {
		state->rc = UKWD_ENOMEM;
		return 1;
	}
	ukwd_date_to_ymd(d, &y, &m, &day);
	snprintf(uid, sizeof(uid), "%04d%02d%02d-%08x@libukwd", y, m, day,
	         (unsigned)name_hash(name));
	rc = add_property(event, icalproperty_new_uid(uid));
	if (rc == 0)
		rc = add_property(
		    event, state->stamped
		               ? stamp_property(state->made)
		               : date_property(ICAL_DTSTAMP_PROPERTY, d));
	if (rc == 0)
		rc = add_property(event,
		                  date_property(ICAL_DTSTART_PROPERTY, d));
	if (rc == 0)
		rc = add_property(event, end_property(d, d));
	/* libical rejects an empty SUMMARY on the way back in */
	if (rc == 0 && *name) {
		/* A calendar holds each name once: clean it once a run. */
		if (name != state->cleaned) {
			state->name.len = 0;
			text_add_clean(&state->name, name);
			state->cleaned = state->name.rc ? NULL : name;
		}
		rc = state->name.rc;
		if (rc == 0)
			rc = add_property(
			    event, icalproperty_new_summary(state->name.text));
	}
	text = rc ? NULL : icalcomponent_as_ical_string_r(event);
	icalcomponent_free(event);
	if (!text) {
		state->rc = UKWD_ENOMEM;
		return 1;
	}
	if (state->write(text, strlen(text), state->payload))
		state->rc = UKWD_EUSER;
	icalmemory_free_buffer(text);
	return state->rc != 0;
}

/* ukwd_ical_export() (stamped 0) and ukwd_ical_export_stamped(). */
static int
export_calendar(const ukwd_calendar *cal, ukwd_date from, ukwd_date to,
                int stamped, int64_t made, ukwd_sink write, void *payload)
{
	static const char head[] =
	    "BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    "PRODID:-//libukwd//ukwd " UKWD_VERSION_STRING "//EN\r\n"
	    "CALSCALE:GREGORIAN\r\n";
	static const char tail[] = "END:VCALENDAR\r\n";
	struct export_state state = {write,   payload, 0,   {NULL, 0, 0, 0},
	                             stamped, made,    NULL};
	int rc;

	if (!cal || !write || to < from ||
	    (stamped && (made < STAMP_MIN || made > STAMP_MAX)))
		return UKWD_EINVAL;
	if (write(head, sizeof(head) - 1, payload))
		return UKWD_EUSER;
	rc = ukwd_calendar_foreach_holiday(cal, from, to, export_one, &state);
	ukwd__free(state.name.text);
	if (rc == UKWD_EUSER && state.rc)
		return state.rc;
	if (rc)
		return rc;
	if (write(tail, sizeof(tail) - 1, payload))
		return UKWD_EUSER;
	return 0;
}

int
ukwd_ical_export(const ukwd_calendar *cal, ukwd_date from, ukwd_date to,
                 ukwd_sink write, void *payload)
{
	return export_calendar(cal, from, to, 0, 0, write, payload);
}

int
ukwd_ical_export_stamped(const ukwd_calendar *cal, ukwd_date from, ukwd_date to,
                         int64_t made, ukwd_sink write, void *payload)
{
	return export_calendar(cal, from, to, 1, made, write, payload);
}

/* ------------------------------------------------------------------ */
/* Schedules */

/* A task's UID: stable across reschedules, made from its id alone. */
static void
task_uid(char *buf, size_t size, const char *id)
{
	size_t len;

	snprintf(buf, size, "ukwd-%08x-", (unsigned)name_hash(id));
	len = strlen(buf);
	for (; *id && len + sizeof("@libukwd") < size; id++) {
		char c = *id;

		buf[len++] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		                     (c >= '0' && c <= '9') || c == '.' ||
		                     c == '_' || c == '-'
		                 ? c
		                 : '_';
	}
	snprintf(buf + len, size - len, "@libukwd");
}

/* A task's dates as the schedule is read: early dates forward, late
 * dates backward (put in the early_* members). */
static int
shown_task(ukwd_scheduled_task *row, const ukwd_schedule *sched, size_t task)
{
	ukwd_schedule_direction direction = UKWD_SCHEDULE_FORWARD;
	int rc = ukwd_schedule_task(row, sched, task);

	if (rc == 0)
		rc = ukwd_schedule_anchor(&direction, NULL, sched);
	if (rc == 0 && direction == UKWD_SCHEDULE_BACKWARD) {
		row->early_start = row->late_start;
		row->early_finish = row->late_finish;
		row->early_start_index = row->late_start_index;
		row->early_end_index = row->late_end_index;
		row->early_milestone_day = row->late_milestone_day;
	}
	return rc;
}

/* The working day at a task's position: index e (the day after its last
 * day) or index s (its first). A milestone is at one position: its own
 * day when a start drives it, the working day after its day when it
 * falls at the end of that day. */
static ukwd_date
link_anchor(const ukwd_calendar *cal, const ukwd_scheduled_task *row,
            int from_finish)
{
	ukwd_date d = row->early_start;
	int after = row->duration > 0
	                ? from_finish
	                : row->early_milestone_day == UKWD_MILESTONE_AT_FINISH;

	if (after && ukwd_workday_add(&d, cal, row->early_finish, 1))
		d = row->early_finish + 1;
	return d;
}

/* The links into each task, in plan order: built once per export, so
 * that writing every task's RELATED-TO is linear in tasks + links. */
struct links_in {
	size_t *first; /* first[t]..first[t + 1]: task t's slice of `link` */
	size_t *link;  /* link indices, grouped by successor */
};

static void
links_in_free(struct links_in *in)
{
	ukwd__free(in->first);
	ukwd__free(in->link);
}

static int
links_in_build(struct links_in *in, const ukwd_plan *plan, size_t ntasks)
{
	size_t nlinks = ukwd_plan_link_count(plan);
	int rc = 0;

	in->first = ukwd__calloc(ntasks + 2, sizeof(*in->first));
	in->link = ukwd__calloc(nlinks ? nlinks : 1, sizeof(*in->link));
	if (!in->first || !in->link) {
		links_in_free(in);
		return UKWD_ENOMEM;
	}
	/* Count into first[t + 2], sum into first[t + 1], then place each
	 * link at first[t + 1]++: afterwards first[t] starts task t. */
	for (size_t k = 0; k < nlinks && rc == 0; k++) {
		ukwd_plan_link_info link;

		rc = ukwd_plan_link(&link, plan, k);
		if (rc == 0 && link.successor >= ntasks)
			rc = UKWD_EINVAL;
		if (rc == 0)
			in->first[link.successor + 2]++;
	}
	for (size_t t = 2; t < ntasks + 2; t++)
		in->first[t] += in->first[t - 1];
	for (size_t k = 0; k < nlinks && rc == 0; k++) {
		ukwd_plan_link_info link;

		rc = ukwd_plan_link(&link, plan, k);
		if (rc == 0)
			in->link[in->first[link.successor + 1]++] = k;
	}
	if (rc)
		links_in_free(in);
	return rc;
}

static int
add_relations(icalcomponent *comp, const ukwd_schedule *sched, size_t task,
              const struct links_in *in)
{
	static const char *const reltypes[] = {
	    "RELTYPE=FINISHTOSTART", "RELTYPE=STARTTOSTART",
	    "RELTYPE=FINISHTOFINISH", "RELTYPE=STARTTOFINISH"};
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	const ukwd_calendar *cal = ukwd_schedule_calendar(sched);

	/* Plan order of links, so the output is stable. */
	for (size_t i = in->first[task]; i < in->first[task + 1]; i++) {
		ukwd_plan_link_info link;
		ukwd_scheduled_task pred;
		icalproperty *prop;
		icalparameter *param;
		char uid[128];
		int rc = ukwd_plan_link(&link, plan, in->link[i]);

		if (rc)
			return rc;
		rc = shown_task(&pred, sched, link.predecessor);
		if (rc)
			return rc;
		task_uid(uid, sizeof(uid),
		         ukwd_plan_task_id(plan, link.predecessor));
		prop = icalproperty_new_relatedto(uid);
		param =
		    icalparameter_new_from_string(reltypes[(int)link.type & 3]);
		if (!prop || !param) {
			if (prop)
				icalproperty_free(prop);
			if (param)
				icalparameter_free(param);
			return UKWD_ENOMEM;
		}
		icalproperty_add_parameter(prop, param);
		if (link.lag != 0) {
			ukwd_date from =
			    link_anchor(cal, &pred,
			                link.type == UKWD_LINK_FS ||
			                    link.type == UKWD_LINK_FF);
			ukwd_date to = from;
			char value[32];

			if (ukwd_workday_add(&to, cal, from, link.lag))
				to = from + link.lag;
			snprintf(value, sizeof(value), "%sP%ldD",
			         to < from ? "-" : "",
			         (long)(to < from ? from - to : to - from));
			param = icalparameter_new(ICAL_IANA_PARAMETER);
			if (param) {
				icalparameter_set_iana_name(param, "GAP");
				icalparameter_set_iana_value(param, value);
				icalproperty_add_parameter(prop, param);
			}
			snprintf(value, sizeof(value), "%ld", (long)link.lag);
			param = icalparameter_new_x(value);
			if (param) {
				icalparameter_set_xname(param, "X-UKWD-LAG");
				icalproperty_add_parameter(prop, param);
			}
		}
		icalcomponent_add_property(comp, prop);
	}
	return 0;
}

/* UID, DTSTAMP and the task's dates: DTSTART and DTEND for an event; DUE,
 * and DTSTART when the task has length, for a to-do. */
static int
add_task_dates(icalcomponent *comp, const char *uid,
               const ukwd_scheduled_task *row, unsigned int flags,
               int64_t stamp)
{
	int rc = add_property(comp, icalproperty_new_uid(uid));

	if (rc == 0)
		rc = add_property(comp, stamp_property(stamp));
	if (rc == 0 && !(flags & UKWD_ICAL_TODO)) {
		rc = add_property(comp, date_property(ICAL_DTSTART_PROPERTY,
		                                      row->early_start));
		if (rc == 0)
			rc = add_property(comp,
			                  end_property(row->early_start,
			                               row->duration
			                                   ? row->early_finish
			                                   : row->early_start));
	} else if (rc == 0) {
		if (row->early_finish > row->early_start)
			rc = add_property(comp,
			                  date_property(ICAL_DTSTART_PROPERTY,
			                                row->early_start));
		if (rc == 0)
			rc = add_property(comp,
			                  date_property(ICAL_DUE_PROPERTY,
			                                row->early_finish));
	}
	return rc;
}

/* SUMMARY: the name, marked when the task is PROPOSED or USER. */
static int
add_task_summary(icalcomponent *comp, struct text_buf *desc, const char *name,
                 const char *tag)
{
	desc->len = 0;
	text_add_clean(desc, name);
	text_add(desc, "%s",
	         strcmp(tag, "PROPOSED") == 0 ? " (PROPOSED)"
	         : strcmp(tag, "USER") == 0   ? " (USER)"
	                                      : "");
	if (desc->rc)
		return desc->rc;
	icalcomponent_add_property(comp, icalproperty_new_summary(desc->text));
	return 0;
}

/* A task against the baseline, a line of its DESCRIPTION. */
static void
add_task_slip(struct text_buf *desc, const ukwd_progress *progress, size_t task)
{
	char a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN];
	ukwd_task_slip slip;

	if (ukwd_progress_task(&slip, progress, task) != 0)
		return;
	if (!slip.in_baseline) {
		text_add(desc, "\nNew since the baseline.");
		return;
	}
	ukwd_date_format(a, sizeof(a), slip.baseline_start);
	ukwd_date_format(b, sizeof(b), slip.baseline_finish);
	text_add(desc,
	         "\nAgainst the baseline: start %+ld, finish %+ld working "
	         "days (baseline %s to %s)",
	         (long)slip.start_slip, (long)slip.finish_slip, a, b);
	if (slip.added)
		text_add(desc, "; added %ld working day%s to the finish",
		         (long)slip.added, slip.added == 1 ? "" : "s");
	text_add(desc, ".");
}

/* DESCRIPTION: length, floats, source and why the task sits where it
 * does on each side; with a baseline, how far the task moved. */
static int
add_task_description(icalcomponent *comp, struct text_buf *desc,
                     const ukwd_schedule *sched, size_t task,
                     const ukwd_scheduled_task *row, const ukwd_source *source,
                     const ukwd_progress *progress)
{
	char why[2][512];
	size_t len;

	for (int side = 0; side < 2; side++)
		if (ukwd_schedule_explain(why[side], sizeof(why[side]), &len,
		                          sched, task,
		                          (ukwd_schedule_side)side))
			why[side][0] = '\0';
	desc->len = 0;
	if (row->duration)
		text_add(desc, "%ld working day%s", (long)row->duration,
		         row->duration == 1 ? "" : "s");
	else
		text_add(desc, "Milestone");
	text_add(desc, "; total float %ld, free float %ld working days%s.\n",
	         (long)row->total_float, (long)row->free_float,
	         row->critical ? "; critical" : "");
	if (source) {
		text_add(desc, "Source: %s", ukwd_source_tag_name(source->tag));
		if (*source->citation) {
			text_add(desc, ": ");
			text_add_clean(desc, source->citation);
		}
		if (*source->reference) {
			text_add(desc, "; SEC ");
			text_add_clean(desc, source->reference);
		}
		text_add(desc, "\n");
	}
	text_add_clean(desc, why[0]);
	text_add(desc, "\n");
	text_add_clean(desc, why[1]);
	if (progress)
		add_task_slip(desc, progress, task);
	if (desc->rc)
		return desc->rc;
	icalcomponent_add_property(comp,
	                           icalproperty_new_description(desc->text));
	return 0;
}

/* CATEGORIES: the source tag and CRITICAL, when either applies. A failure
 * is left in desc->rc. */
static void
add_task_categories(icalcomponent *comp, struct text_buf *desc, const char *tag,
                    const ukwd_scheduled_task *row)
{
	if (!*tag && !row->critical)
		return;
	desc->len = 0;
	text_add(desc, "%s%s%s", tag, *tag && row->critical ? "," : "",
	         row->critical ? "CRITICAL" : "");
	if (desc->rc == 0)
		icalcomponent_add_property(
		    comp, icalproperty_new_categories(desc->text));
}

static icalcomponent *
task_component(const ukwd_schedule *sched, size_t task,
               const ukwd_scheduled_task *row, unsigned int flags,
               int64_t stamp, const struct links_in *in, struct text_buf *desc,
               const ukwd_progress *progress, int *rc)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	const char *name = ukwd_plan_task_name(plan, task);
	const ukwd_source *source = ukwd_plan_task_source(plan, task);
	const char *tag = source ? ukwd_source_tag_name(source->tag) : "";
	icalcomponent *comp = flags & UKWD_ICAL_TODO
	                          ? icalcomponent_new_vtodo()
	                          : icalcomponent_new_vevent();
	char uid[128];

	*rc = UKWD_ENOMEM;
	if (!comp)
		return NULL;
	if (!name || !*name)
		name = ukwd_plan_task_id(plan, task);
	task_uid(uid, sizeof(uid), ukwd_plan_task_id(plan, task));
	*rc = add_task_dates(comp, uid, row, flags, stamp);
	if (*rc == 0)
		*rc = add_task_summary(comp, desc, name, tag);
	if (*rc == 0)
		*rc = add_task_description(comp, desc, sched, task, row, source,
		                           progress);
	if (*rc == 0) {
		add_task_categories(comp, desc, tag, row);
		*rc = add_relations(comp, sched, task, in);
	}
	if (*rc == 0)
		*rc = desc->rc;
	if (*rc) {
		icalcomponent_free(comp);
		return NULL;
	}
	return comp;
}

/* The calendar's own DESCRIPTION (RFC 7986) with a baseline: the finish
 * against the baseline's and the tasks that moved it. 0 or a failure. */
static int
write_progress(const ukwd_schedule *sched, const ukwd_progress *progress,
               struct text_buf *desc, ukwd_sink write, void *payload)
{
	const ukwd_plan *plan = ukwd_schedule_plan(sched);
	icalproperty *prop;
	const size_t *movers;
	size_t count = 0;
	ukwd_date finish, baseline_finish;
	int32_t variance;
	char *text;
	int rc = 0;

	desc->len = 0;
	text_add(desc, "Against the baseline:");
	if (ukwd_progress_finish_variance(&variance, &baseline_finish,
	                                  progress) == 0) {
		char a[UKWD_DATE_STRLEN], b[UKWD_DATE_STRLEN];

		ukwd_schedule_span(NULL, &finish, NULL, sched);
		ukwd_date_format(a, sizeof(a), finish);
		ukwd_date_format(b, sizeof(b), baseline_finish);
		text_add(desc,
		         " finish %s, %+ld working days against the baseline's "
		         "%s.",
		         a, (long)variance, b);
	}
	text_add(desc, " Moved the finish:");
	ukwd_progress_finish_movers(&movers, &count, progress);
	if (!count)
		text_add(desc, " none");
	for (size_t k = 0; k < count; k++) {
		ukwd_task_slip slip;

		ukwd_progress_task(&slip, progress, movers[k]);
		text_add(desc, k ? ", " : " ");
		text_add_clean(desc, ukwd_plan_task_id(plan, movers[k]));
		text_add(desc, " (+%ld)", (long)slip.added);
	}
	text_add(desc, ".");
	if (desc->rc)
		return desc->rc;
	prop = icalproperty_new_description(desc->text);
	if (!prop)
		return UKWD_ENOMEM;
	text = icalproperty_as_ical_string_r(prop);
	icalproperty_free(prop);
	if (!text)
		return UKWD_ENOMEM;
	if (write(text, strlen(text), payload))
		rc = UKWD_EUSER;
	icalmemory_free_buffer(text);
	return rc;
}

/* ukwd_ical_export_schedule() (stamped 0: the first day's midnight),
 * ukwd_ical_export_schedule_stamped() and _with(). */
static int
export_schedule(const ukwd_schedule *sched, unsigned int flags, int stamped,
                int64_t made, const ukwd_progress *progress, ukwd_sink write,
                void *payload)
{
	static const char head[] =
	    "BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    "PRODID:-//libukwd//ukwd " UKWD_VERSION_STRING "//EN\r\n"
	    "CALSCALE:GREGORIAN\r\n";
	static const char tail[] = "END:VCALENDAR\r\n";
	struct text_buf desc = {NULL, 0, 0, 0};
	struct links_in in = {NULL, NULL};
	ukwd_date first;
	size_t n;
	int rc;

	if (!sched || !write || (flags & ~UKWD_ICAL_TODO) ||
	    (stamped && (made < STAMP_MIN || made > STAMP_MAX)) ||
	    (progress && ukwd_progress_schedule(progress) != sched))
		return UKWD_EINVAL;
	rc = ukwd_schedule_span(&first, NULL, NULL, sched);
	if (rc)
		return rc;
	if (!stamped)
		made = (int64_t)first * 86400;
	n = ukwd_schedule_task_count(sched);
	rc = links_in_build(&in, ukwd_schedule_plan(sched), n);
	if (rc)
		return rc;
	if (write(head, sizeof(head) - 1, payload)) {
		links_in_free(&in);
		return UKWD_EUSER;
	}
	if (progress)
		rc = write_progress(sched, progress, &desc, write, payload);
	for (size_t t = 0; t < n && rc == 0; t++) {
		ukwd_scheduled_task row;
		icalcomponent *comp;
		char *text;

		rc = shown_task(&row, sched, t);
		if (rc)
			break;
		comp = task_component(sched, t, &row, flags, made, &in, &desc,
		                      progress, &rc);
		if (!comp)
			break;
		text = icalcomponent_as_ical_string_r(comp);
		icalcomponent_free(comp);
		if (!text) {
			rc = UKWD_ENOMEM;
			break;
		}
		if (write(text, strlen(text), payload))
			rc = UKWD_EUSER;
		icalmemory_free_buffer(text);
	}
	ukwd__free(desc.text);
	links_in_free(&in);
	if (rc)
		return rc;
	if (write(tail, sizeof(tail) - 1, payload))
		return UKWD_EUSER;
	return 0;
}

int
ukwd_ical_export_schedule(const ukwd_schedule *sched, unsigned int flags,
                          ukwd_sink write, void *payload)
{
	return export_schedule(sched, flags, 0, 0, NULL, write, payload);
}

int
ukwd_ical_export_schedule_stamped(const ukwd_schedule *sched,
                                  unsigned int flags, int64_t made,
                                  ukwd_sink write, void *payload)
{
	return export_schedule(sched, flags, 1, made, NULL, write, payload);
}

int
ukwd_ical_export_schedule_with(const ukwd_schedule *sched,
                               const ukwd_ical_export_options *options,
                               ukwd_sink write, void *payload)
{
	static const ukwd_ical_export_options defaults =
	    UKWD_ICAL_EXPORT_OPTIONS_INIT;
	ukwd_ical_export_options opts;

	if (ukwd__versioned_copy(
	        &opts, &defaults, sizeof(opts), options ? options : &defaults,
	        export_options_sizes, UKWD_ICAL_EXPORT_OPTIONS_VERSION) ||
	    (opts.has_made != 0 && opts.has_made != 1))
		return UKWD_EINVAL;
	return export_schedule(sched, opts.flags, opts.has_made, opts.made,
	                       opts.progress, write, payload);
}

#else /* !UKWD_HAVE_LIBICAL */

int
ukwd_ical_import(ukwd_calendar_builder *b, const char *data, size_t size,
                 unsigned int flags, ukwd_diag *diag)
{
	(void)b;
	(void)data;
	(void)size;
	(void)flags;
	ukwd__diag_clear(diag);
	return ukwd__diag_set(diag, UKWD_ENOTSUPPORTED, 0, 0,
	                      "libukwd was built without libical");
}

int
ukwd_ical_export(const ukwd_calendar *cal, ukwd_date from, ukwd_date to,
                 ukwd_sink write, void *payload)
{
	(void)cal;
	(void)from;
	(void)to;
	(void)write;
	(void)payload;
	return UKWD_ENOTSUPPORTED;
}

int
ukwd_ical_export_schedule(const ukwd_schedule *sched, unsigned int flags,
                          ukwd_sink write, void *payload)
{
	(void)sched;
	(void)flags;
	(void)write;
	(void)payload;
	return UKWD_ENOTSUPPORTED;
}

int
ukwd_ical_export_stamped(const ukwd_calendar *cal, ukwd_date from, ukwd_date to,
                         int64_t made, ukwd_sink write, void *payload)
{
	(void)made;
	return ukwd_ical_export(cal, from, to, write, payload);
}

int
ukwd_ical_export_schedule_stamped(const ukwd_schedule *sched,
                                  unsigned int flags, int64_t made,
                                  ukwd_sink write, void *payload)
{
	(void)made;
	return ukwd_ical_export_schedule(sched, flags, write, payload);
}

int
ukwd_ical_export_schedule_with(const ukwd_schedule *sched,
                               const ukwd_ical_export_options *options,
                               ukwd_sink write, void *payload)
{
	(void)options;
	return ukwd_ical_export_schedule(sched, 0, write, payload);
}

#endif
