/* iCalendar import and export. The only file that includes libical. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ukwd/ical.h"
#include "ukwd/version.h"
#include "import.h"
#include "internal.h"

#if UKWD_HAVE_LIBICAL

#include <libical/ical.h>

/* The text, NUL-terminated for libical, and where each line starts so
 * that errors can name a line (libical does not track them). */
struct ics_text {
	char *buf;
	size_t size;
	size_t *line_start; /* byte offset of each line */
	int nlines;
	int *event_line; /* line of each BEGIN:VEVENT, in order */
	int nevents;
};

static void
ics_text_free(struct ics_text *text)
{
	ukwd__free(text->buf);
	ukwd__free(text->line_start);
	ukwd__free(text->event_line);
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
	int lines = 1, events = 0;

	memset(text, 0, sizeof(*text));
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	text->buf = ukwd__malloc(size + 1);
	text->line_start = ukwd__malloc((size_t)lines * sizeof(size_t));
	text->event_line = ukwd__malloc((size_t)lines * sizeof(int));
	if (!text->buf || !text->line_start || !text->event_line) {
		ics_text_free(text);
		return UKWD_ENOMEM;
	}
	memcpy(text->buf, data, size);
	text->buf[size] = '\0';
	text->size = size;
	text->line_start[0] = 0;
	text->nlines = 1;
	for (size_t i = 0; i < size; i++)
		if (data[i] == '\n' && i + 1 <= size)
			text->line_start[text->nlines++] = i + 1;
	for (int l = 0; l < text->nlines; l++)
		if (starts_with_nocase(text->buf + text->line_start[l],
		                       "BEGIN:VEVENT"))
			text->event_line[events++] = l + 1;
	text->nevents = events;
	return 0;
}

/* Check that BEGIN and END lines pair up, before libical sees the text:
 * libical prints a warning to stderr on a stray END, and says nothing
 * useful about where nesting went wrong. */
#define ICS_MAX_DEPTH 16

static int
ics_check_nesting(const struct ics_text *text, ukwd_diag *diag)
{
	char open[ICS_MAX_DEPTH][32];
	int open_line[ICS_MAX_DEPTH], depth = 0;

	for (int l = 0; l < text->nlines; l++) {
		const char *line = text->buf + text->line_start[l];
		int is_begin = starts_with_nocase(line, "BEGIN");
		char name[32];
		size_t len = 0;

		/* libical takes any line named BEGIN or END, parameters or
		 * not, as a component boundary. */
		if (!is_begin && !starts_with_nocase(line, "END"))
			continue;
		line += is_begin ? 5 : 3;
		if (*line == ';')
			return ukwd__diag_set(diag, UKWD_EPARSE, l + 1, 1,
			                      "%s takes no parameters",
			                      is_begin ? "BEGIN" : "END");
		if (*line != ':')
			continue;
		line++;
		while (line[len] && line[len] != '\r' && line[len] != '\n' &&
		       len < sizeof(name) - 1) {
			char c = line[len];

			name[len++] =
			    (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
		}
		name[len] = '\0';
		if (is_begin) {
			if (depth == ICS_MAX_DEPTH)
				return ukwd__diag_set(diag, UKWD_EPARSE, l + 1,
				                      1,
				                      "components nested too "
				                      "deeply");
			memcpy(open[depth], name, len + 1);
			open_line[depth++] = l + 1;
		} else if (depth == 0) {
			return ukwd__diag_set(diag, UKWD_EPARSE, l + 1, 1,
			                      "END:%s without a BEGIN", name);
		} else if (strcmp(open[depth - 1], name) != 0) {
			return ukwd__diag_set(diag, UKWD_EPARSE, l + 1, 1,
			                      "END:%s, but BEGIN:%s at line %d "
			                      "is still open",
			                      name, open[depth - 1],
			                      open_line[depth - 1]);
		} else if (--depth == 0 && strcmp(name, "VCALENDAR") != 0) {
			return ukwd__diag_set(diag, UKWD_EPARSE, l + 1, 1,
			                      "%s outside a VCALENDAR", name);
		}
	}
	if (depth)
		return ukwd__diag_set(diag, UKWD_EPARSE, text->nlines, 0,
		                      "truncated: BEGIN:%s at line %d has no "
		                      "END",
		                      open[depth - 1], open_line[depth - 1]);
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

/* The first line at or after `from_line` that contains `needle`, or
 * `from_line` itself if none does. */
static int
find_line(const struct ics_text *text, int from_line, const char *needle)
{
	const char *at;

	if (!needle || !*needle || from_line < 1)
		return from_line < 1 ? 1 : from_line;
	at = strstr(text->buf + text->line_start[from_line - 1], needle);
	return at ? line_of_offset(text, (size_t)(at - text->buf)) : from_line;
}

static int
ics_error(ukwd_diag *diag, int line, const char *message)
{
	return ukwd__diag_set(diag, UKWD_EPARSE, line, 0, "%s", message);
}

/* Report the first X-LIC-ERROR libical inserted in `comp`, if any. */
static int
report_lic_error(const struct ics_text *text, icalcomponent *comp,
                 int from_line, ukwd_diag *diag)
{
	icalproperty *p =
	    icalcomponent_get_first_property(comp, ICAL_XLICERROR_PROPERTY);
	const char *message, *offending;

	if (!p)
		return 0;
	message = icalproperty_get_xlicerror(p);
	if (!message)
		message = "malformed property";
	/* libical ends its messages with the text it rejected. */
	offending = strrchr(message, ':');
	offending = offending ? offending + 1 : NULL;
	while (offending && *offending == ' ')
		offending++;
	return ics_error(diag, find_line(text, from_line, offending), message);
}

static int
to_date(ukwd_date *out, struct icaltimetype t)
{
	return ukwd_date_from_ymd(out, t.year, t.month, t.day);
}

/* One VEVENT: its days, with recurrences, into `imp`. */
static int
import_event(struct ukwd__import *imp, const struct ics_text *text,
             icalcomponent *event, int line, ukwd_date range_first,
             ukwd_date range_last, ukwd_diag *diag)
{
	icalproperty *p;
	struct icaltimetype start_time;
	ukwd_date start, end, *instance = NULL;
	const char *name = icalcomponent_get_summary(event);
	size_t ninstances = 0, capacity = 0;
	int32_t length;
	int rc = 0, recurs = 0;

	p = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
	if (!p)
		return ics_error(diag, line, "VEVENT has no DTSTART");
	start_time = icalproperty_get_dtstart(p);
	if (!start_time.is_date)
		return ics_error(diag, find_line(text, line, "DTSTART"),
		                 "DTSTART is not a date (expected "
		                 "DTSTART;VALUE=DATE:YYYYMMDD)");
	if (to_date(&start, start_time))
		return ics_error(diag, find_line(text, line, "DTSTART"),
		                 "DTSTART is not a valid date (YYYYMMDD, years "
		                 "0001 to 9999)");
	end = start + 1;
	p = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY);
	if (p) {
		struct icaltimetype t = icalproperty_get_dtend(p);

		if (!t.is_date || to_date(&end, t))
			return ics_error(diag, find_line(text, line, "DTEND"),
			                 "DTEND is not a date (expected "
			                 "DTEND;VALUE=DATE:YYYYMMDD)");
	} else if ((p = icalcomponent_get_first_property(
	                event, ICAL_DURATION_PROPERTY))) {
		struct icaldurationtype span = icalproperty_get_duration(p);
		long long days = (long long)span.weeks * 7 + span.days;

		if (span.is_neg || span.hours || span.minutes || span.seconds ||
		    days > UKWD_DATE_MAX - start)
			return ics_error(diag,
			                 find_line(text, line, "DURATION"),
			                 "DURATION of an all-day event must be "
			                 "whole days or weeks");
		end = start + (ukwd_date)days;
	}
	if (end <= start)
		return ics_error(diag, find_line(text, line, "DTEND"),
		                 "DTEND is not after DTSTART");
	length = end - start;

	/* The instances: DTSTART, each RRULE's and RDATE's, less EXDATEs. */
	for (p = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY);
	     p && rc == 0;
	     p = icalcomponent_get_next_property(event, ICAL_RRULE_PROPERTY)) {
		struct icalrecurrencetype rule = icalproperty_get_rrule(p);
		icalrecur_iterator *it;
		/* A rule finer than a day repeats dates; bound the walk. */
		long long budget = 4LL * (range_last - range_first + 1) + 1000;

		recurs = 1;
		if (rule.freq == ICAL_NO_RECURRENCE)
			return ics_error(diag, find_line(text, line, "RRULE"),
			                 "RRULE has no FREQ");
		it = icalrecur_iterator_new(rule, start_time);
		if (!it)
			return ics_error(diag, find_line(text, line, "RRULE"),
			                 "RRULE that libical cannot read");
		for (;;) {
			struct icaltimetype t = icalrecur_iterator_next(it);
			ukwd_date d;

			if (icaltime_is_null_time(t) || to_date(&d, t) ||
			    d > range_last)
				break;
			if (--budget < 0) {
				rc = UKWD_ERANGE;
				ukwd__diag_set(
				    diag, rc, find_line(text, line, "RRULE"), 0,
				    "RRULE makes more instances "
				    "than the calendar has days");
				break;
			}
			if (ninstances && instance[ninstances - 1] == d)
				continue;
			if (ninstances == capacity) {
				size_t grown_capacity =
				    capacity ? capacity * 2 : 64;
				ukwd_date *grown = ukwd__realloc(
				    instance, grown_capacity * sizeof(*grown));

				if (!grown) {
					rc = UKWD_ENOMEM;
					break;
				}
				instance = grown;
				capacity = grown_capacity;
			}
			instance[ninstances++] = d;
		}
		icalrecur_iterator_free(it);
	}
	if (rc) {
		ukwd__free(instance);
		return rc;
	}
	if (!recurs) {
		instance = ukwd__malloc(sizeof(*instance));
		if (!instance)
			return UKWD_ENOMEM;
		instance[ninstances++] = start;
	}
	for (p = icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY);
	     p && rc == 0;
	     p = icalcomponent_get_next_property(event, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype when = icalproperty_get_rdate(p);
		struct icaltimetype t = icaltime_is_null_time(when.time)
		                            ? when.period.start
		                            : when.time;
		ukwd_date d;

		if (!t.is_date || to_date(&d, t)) {
			rc = ics_error(diag, find_line(text, line, "RDATE"),
			               "RDATE is not a date");
			break;
		}
		for (ukwd_date k = d; k < d + length && rc == 0; k++)
			rc = ukwd__import_add(imp, k, name);
	}
	for (size_t i = 0; i < ninstances && rc == 0; i++) {
		int excluded = 0;

		for (p = icalcomponent_get_first_property(event,
		                                          ICAL_EXDATE_PROPERTY);
		     p; p = icalcomponent_get_next_property(
		            event, ICAL_EXDATE_PROPERTY)) {
			ukwd_date d;

			if (to_date(&d, icalproperty_get_exdate(p)) == 0 &&
			    d == instance[i])
				excluded = 1;
		}
		if (excluded || instance[i] + length - 1 < range_first)
			continue;
		for (ukwd_date k = instance[i];
		     k < instance[i] + length && k <= range_last && rc == 0;
		     k++)
			rc = ukwd__import_add(imp, k, name);
	}
	ukwd__free(instance);
	return rc;
}

int
ukwd_ical_import(ukwd_calendar_builder *b, const char *data, size_t size,
                 unsigned int flags, ukwd_diag *diag)
{
	struct ics_text text;
	struct ukwd__import imp = {0};
	icalcomponent *root, *cal, *event;
	ukwd_date range_first, range_last;
	const char *nul;
	int rc, nevent = 0;

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
	nul = memchr(data, '\0', size);
	if (nul) {
		rc =
		    ics_error(diag, line_of_offset(&text, (size_t)(nul - data)),
		              "NUL byte in the text");
		ics_text_free(&text);
		return rc;
	}
	rc = ics_check_nesting(&text, diag);
	if (rc) {
		ics_text_free(&text);
		return rc;
	}
	root = icalparser_parse_string(text.buf);
	if (!root) {
		rc = ics_error(diag, text.nlines,
		               "not complete iCalendar: truncated, or "
		               "BEGIN and END do not match");
		ics_text_free(&text);
		return rc;
	}
	cal = icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT
	          ? root
	          : icalcomponent_get_first_component(root,
	                                              ICAL_VCALENDAR_COMPONENT);
	if (!cal) {
		rc = ics_error(diag, 1, "no VCALENDAR in the text");
		goto out;
	}
	/* libical drops a malformed property and leaves an X-LIC-ERROR in
	 * its place: every one is an error here. */
	rc = report_lic_error(&text, cal, 1, diag);
	for (icalcomponent *sub =
	         icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT);
	     sub && rc == 0;
	     sub = icalcomponent_get_next_component(cal, ICAL_ANY_COMPONENT)) {
		if (icalcomponent_isa(sub) == ICAL_VEVENT_COMPONENT)
			nevent++;
		rc = report_lic_error(&text, sub,
		                      icalcomponent_isa(sub) ==
		                                  ICAL_VEVENT_COMPONENT &&
		                              nevent <= text.nevents
		                          ? text.event_line[nevent - 1]
		                          : 1,
		                      diag);
	}
	if (rc == 0 && icalcomponent_count_errors(root) > 0)
		rc =
		    ics_error(diag, 1, "libical reported a malformed property");
	nevent = 0;
	for (event =
	         icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     event && rc == 0; event = icalcomponent_get_next_component(
	                           cal, ICAL_VEVENT_COMPONENT)) {
		int line = nevent < text.nevents ? text.event_line[nevent] : 1;

		nevent++;
		rc = import_event(&imp, &text, event, line, range_first,
		                  range_last, diag);
	}
	if (rc == 0)
		rc = ukwd__import_apply(b, &imp, flags);
out:
	ukwd__import_free(&imp);
	icalcomponent_free(root);
	ics_text_free(&text);
	if (rc && diag && diag->code == 0)
		ukwd__diag_set(diag, rc, 0, 0, "%s", ukwd_strerror(rc));
	return rc;
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

static struct icaltimetype
date_value(ukwd_date d)
{
	struct icaltimetype t = icaltime_null_date();

	ukwd_date_to_ymd(d, &t.year, &t.month, &t.day);
	return t;
}

struct export_state {
	ukwd_sink write;
	void *payload;
	int rc;
};

static int
export_one(ukwd_date d, const char *name, void *payload)
{
	struct export_state *state = payload;
	icalcomponent *event = icalcomponent_new_vevent();
	struct icaltimetype stamp = date_value(d);
	char uid[64], *text;
	int y, m, day;

	if (!event) {
		state->rc = UKWD_ENOMEM;
		return 1;
	}
	ukwd_date_to_ymd(d, &y, &m, &day);
	snprintf(uid, sizeof(uid), "%04d%02d%02d-%08x@libukwd", y, m, day,
	         (unsigned)name_hash(name));
	stamp.is_date = 0;
	stamp.hour = stamp.minute = stamp.second = 0;
	stamp = icaltime_set_timezone(&stamp, icaltimezone_get_utc_timezone());
	icalcomponent_add_property(event, icalproperty_new_uid(uid));
	icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
	icalcomponent_add_property(event,
	                           icalproperty_new_dtstart(date_value(d)));
	icalcomponent_add_property(event,
	                           icalproperty_new_dtend(date_value(d + 1)));
	icalcomponent_add_property(event, icalproperty_new_summary(name));
	text = icalcomponent_as_ical_string_r(event);
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

int
ukwd_ical_export(const ukwd_calendar *cal, ukwd_date from, ukwd_date to,
                 ukwd_sink write, void *payload)
{
	static const char head[] =
	    "BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    "PRODID:-//libukwd//ukwd " UKWD_VERSION_STRING "//EN\r\n"
	    "CALSCALE:GREGORIAN\r\n";
	static const char tail[] = "END:VCALENDAR\r\n";
	struct export_state state = {write, payload, 0};
	int rc;

	if (!cal || !write || to < from)
		return UKWD_EINVAL;
	if (write(head, sizeof(head) - 1, payload))
		return UKWD_EUSER;
	rc = ukwd_calendar_foreach_holiday(cal, from, to, export_one, &state);
	if (rc == UKWD_EUSER && state.rc)
		return state.rc;
	if (rc)
		return rc;
	if (write(tail, sizeof(tail) - 1, payload))
		return UKWD_EUSER;
	return 0;
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

#endif
