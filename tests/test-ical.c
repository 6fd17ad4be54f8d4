/* Official data in and out: iCalendar and GOV.UK JSON import, iCalendar
 * export (ukwd/ical.h).
 *
 * Data: $UKWD_TEST_DATA (tests/data) holds GOV.UK's
 * england-and-wales_2012-2017.ics and bank-holidays_2012-2015.json; the
 * tests read them with their own small readers and check the library's
 * import day by day against them. $UKWD_TEST_INVALID (tests/invalid) holds
 * the corpus of broken files, each with the error it must give (see
 * tests/invalid/README); every corpus file is a test case of its own. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <ukwd.h>

#include "test-util.h"

/* The ’ of GOV.UK's titles, U+2019, in UTF-8. */
#define APOS "\xE2\x80\x99"

/* ------------------------------------------------------------------ */
/* Dates */

/* "YYYYMMDD" as an iCalendar DATE value. */
static ukwd_date
parse_basic_date(const char *text)
{
	int y, m, d;

	if (sscanf(text, "%4d%2d%2d", &y, &m, &d) != 3)
		fail_msg("not a YYYYMMDD date: %.20s", text);
	return ymd(y, m, d);
}

/* ------------------------------------------------------------------ */
/* Text buffers, files */

struct text {
	char *data;
	size_t size, cap;
};

static void
text_append(struct text *t, const char *s, size_t n)
{
	if (t->cap - t->size < n + 1) {
		size_t cap = (t->cap + n + 1) * 2;
		char *grown = realloc(t->data, cap);

		if (!grown)
			fail_msg("out of memory");
		t->data = grown;
		t->cap = cap;
	}
	memcpy(t->data + t->size, s, n);
	t->size += n;
	t->data[t->size] = '\0';
}

static void
text_free(struct text *t)
{
	free(t->data);
	memset(t, 0, sizeof(*t));
}

/* 0, or an errno value. The text is NUL-terminated (beyond its size). */
static int
read_file(const char *path, struct text *t)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t got;

	memset(t, 0, sizeof(*t));
	if (!f)
		return errno ? errno : EIO;
	text_append(t, "", 0);
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		text_append(t, chunk, got);
	if (ferror(f)) {
		fclose(f);
		text_free(t);
		return EIO;
	}
	fclose(f);
	return 0;
}

static void
read_data_file(const char *name, struct text *t)
{
	const char *dir = getenv("UKWD_TEST_DATA");
	char path[4096];
	int err;

	if (!dir || !*dir)
		fail_msg("UKWD_TEST_DATA is not set: set it to the directory "
		         "holding %s (tests/data; meson test sets it)",
		         name);
	if (snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    (int)sizeof(path))
		fail_msg("UKWD_TEST_DATA path too long: %s", dir);
	err = read_file(path, t);
	if (err)
		fail_msg("cannot read %s (from UKWD_TEST_DATA): %s", path,
		         strerror(err));
}

/* ------------------------------------------------------------------ */
/* Sinks */

struct sink {
	struct text out;
	int calls;
	int stop_at; /* return non-zero on this call (1-based); 0: never */
};

static int
sink_write(const char *buf, size_t len, void *payload)
{
	struct sink *s = payload;

	s->calls++;
	if (s->stop_at && s->calls >= s->stop_at)
		return 1;
	text_append(&s->out, buf, len);
	return 0;
}

/* Export [from, to] into s->out; returns the export's code. */
static int
export_to(struct sink *s, const ukwd_calendar *cal, ukwd_date from,
          ukwd_date to)
{
	memset(s, 0, sizeof(*s));
	text_append(&s->out, "", 0);
	return ukwd_ical_export(cal, from, to, sink_write, s);
}

/* ------------------------------------------------------------------ */
/* Builders and calendars */

static ukwd_calendar_builder *
plain_builder(ukwd_date first, ukwd_date last)
{
	ukwd_calendar_builder *b = NULL;

	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, first, last), 0);
	return b;
}

static ukwd_calendar_builder *
uk_builder(unsigned int divisions, int first_year, int last_year)
{
	ukwd_calendar_builder *b = NULL;

	assert_int_equal(
	    ukwd_calendar_builder_new_uk(&b, divisions, first_year, last_year),
	    0);
	return b;
}

static ukwd_calendar *
uk_calendar(unsigned int divisions, int first_year, int last_year)
{
	ukwd_calendar *cal = NULL;

	assert_int_equal(
	    ukwd_calendar_new_uk(&cal, divisions, first_year, last_year), 0);
	return cal;
}

static ukwd_calendar *
build(const ukwd_calendar_builder *b)
{
	ukwd_calendar *cal = NULL;
	ukwd_diag diag;
	int rc = ukwd_calendar_build(&cal, b, &diag);

	if (rc)
		fail_msg("ukwd_calendar_build: %s: %s", ukwd_err_name(rc),
		         diag.message);
	return cal;
}

static int
is_working(const ukwd_calendar *cal, ukwd_date d)
{
	char buf[32];
	int rc = ukwd_workday_is_working(cal, d);

	if (rc != 0 && rc != 1)
		fail_msg("ukwd_workday_is_working(%s): %s", show_date(d, buf),
		         ukwd_err_name(rc));
	return rc;
}

static int
is_weekend(const ukwd_calendar *cal, ukwd_date d)
{
	return (ukwd_calendar_weekend(cal) >> (ukwd_date_weekday(d) - 1)) & 1;
}

static int
same_name(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

#define PRINTABLE(name) ((name) ? (name) : "(no holiday)")

/* Years whose provenance to compare: none, or every year of the range. */
enum { IGNORE_PROVENANCE = 0, SAME_PROVENANCE = 1 };

/* Two calendars agree on [from, to]: every day's is-working and holiday
 * name and, if asked, every year's provenance. */
static void
assert_same_days(const ukwd_calendar *want, const ukwd_calendar *got,
                 ukwd_date from, ukwd_date to, int provenance, const char *what)
{
	char buf[32];

	for (ukwd_date d = from; d <= to; d++) {
		const char *a = ukwd_calendar_holiday_name(want, d);
		const char *b = ukwd_calendar_holiday_name(got, d);

		if (is_working(want, d) != is_working(got, d))
			fail_msg("%s: %s is %s, expected %s", what,
			         show_date(d, buf),
			         is_working(got, d) ? "working" : "non-working",
			         is_working(want, d) ? "working"
			                             : "non-working");
		if (!same_name(a, b))
			fail_msg("%s: %s is named \"%s\", expected \"%s\"",
			         what, show_date(d, buf), PRINTABLE(b),
			         PRINTABLE(a));
	}
	if (provenance == SAME_PROVENANCE) {
		for (int y = year_of(from); y <= year_of(to); y++) {
			ukwd_date jan1 = ymd(y, 1, 1);
			ukwd_date at = jan1 < from ? from : jan1;

			if (ukwd_calendar_provenance(want, at) !=
			    ukwd_calendar_provenance(got, at))
				fail_msg("%s: provenance of %d is %d, "
				         "expected %d",
				         what, y,
				         ukwd_calendar_provenance(got, at),
				         ukwd_calendar_provenance(want, at));
		}
	}
}

/* Two calendars are the same: range, weekend, days, names, provenance. */
static void
assert_same_calendar(const ukwd_calendar *want, const ukwd_calendar *got,
                     int provenance, const char *what)
{
	ukwd_date wf, wl, gf, gl;

	ukwd_calendar_range(want, &wf, &wl);
	ukwd_calendar_range(got, &gf, &gl);
	if (wf != gf || wl != gl)
		fail_msg("%s: the range changed", what);
	if (ukwd_calendar_weekend(want) != ukwd_calendar_weekend(got))
		fail_msg("%s: the weekend changed", what);
	assert_same_days(want, got, wf, wl, provenance, what);
}

static void
assert_same_provenance(const ukwd_calendar *want, const ukwd_calendar *got,
                       int first_year, int last_year)
{
	for (int y = first_year; y <= last_year; y++) {
		ukwd_date jan1 = ymd(y, 1, 1);

		if (ukwd_calendar_provenance(want, jan1) !=
		    ukwd_calendar_provenance(got, jan1))
			fail_msg("provenance of %d is %d, expected %d", y,
			         ukwd_calendar_provenance(got, jan1),
			         ukwd_calendar_provenance(want, jan1));
	}
}

static void
assert_provenance(const ukwd_calendar *cal, int first_year, int last_year,
                  int want)
{
	for (int y = first_year; y <= last_year; y++) {
		int got = ukwd_calendar_provenance(cal, ymd(y, 1, 1));

		if (got != want)
			fail_msg("provenance of %d is %d, expected %d", y, got,
			         want);
	}
}

static int
count_one(ukwd_date d, const char *name, void *payload)
{
	(void)d;
	(void)name;
	++*(int *)payload;
	return 0;
}

static int
count_holidays_in(const ukwd_calendar *cal, ukwd_date from, ukwd_date to)
{
	int n = 0;

	assert_int_equal(
	    ukwd_calendar_foreach_holiday(cal, from, to, count_one, &n), 0);
	return n;
}

static int
count_holidays(const ukwd_calendar *cal)
{
	ukwd_date first, last;

	ukwd_calendar_range(cal, &first, &last);
	return count_holidays_in(cal, first, last);
}

struct day {
	int y, m, d;
	const char *name;
};

/* The calendar's holidays are exactly `days` (those in its range), each
 * with its name, and every other day is working unless it is weekend. */
static void
assert_holidays_exactly(const ukwd_calendar *cal, const struct day *days,
                        size_t n)
{
	ukwd_date first, last;
	int expected = 0;
	char buf[32];

	ukwd_calendar_range(cal, &first, &last);
	for (ukwd_date d = first; d <= last; d++) {
		const char *want = NULL, *got;

		for (size_t i = 0; i < n; i++)
			if (ymd(days[i].y, days[i].m, days[i].d) == d)
				want = days[i].name;
		got = ukwd_calendar_holiday_name(cal, d);
		if (!same_name(want, got))
			fail_msg("%s is named \"%s\", expected \"%s\"",
			         show_date(d, buf), PRINTABLE(got),
			         PRINTABLE(want));
		if (is_working(cal, d) != (!want && !is_weekend(cal, d)))
			fail_msg("%s: wrong working-day status",
			         show_date(d, buf));
		expected += want != NULL;
	}
	assert_int_equal(count_holidays(cal), expected);
}

/* ------------------------------------------------------------------ */
/* iCalendar text for the tests */

#define ICS_HEAD                                                               \
	"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"                                   \
	"PRODID:-//libukwd tests//test-ical//EN\r\n"
#define ICS_TAIL "END:VCALENDAR\r\n"
#define ICS_EVENT(uid, props)                                                  \
	"BEGIN:VEVENT\r\nUID:" uid "@test\r\n" props "END:VEVENT\r\n"
/* A one-day event: date YYYYMMDD and its name. */
#define ICS_DAY(date, summary)                                                 \
	ICS_EVENT(date,                                                        \
	          "DTSTART;VALUE=DATE:" date "\r\nSUMMARY:" summary "\r\n")
/* A calendar of one event made of the given properties. */
#define ICS_ONE(props)                                                         \
	ICS_HEAD ICS_EVENT("one", props)                                       \
	ICS_TAIL

static int
import_text(ukwd_calendar_builder *b, const char *text, unsigned int flags,
            ukwd_diag *diag)
{
	return ukwd_ical_import(b, text, strlen(text), flags, diag);
}

static void
import_ok(ukwd_calendar_builder *b, const char *text, unsigned int flags)
{
	ukwd_diag diag;
	int rc = import_text(b, text, flags, &diag);

	if (rc)
		fail_msg("ukwd_ical_import: %s at line %d: %s",
		         ukwd_err_name(rc), diag.line, diag.message);
}

/* Import one iCalendar text into a plain builder over [first, last]. */
static ukwd_calendar *
plain_import(const char *text, ukwd_date first, ukwd_date last)
{
	ukwd_calendar_builder *b = plain_builder(first, last);
	ukwd_calendar *cal;

	import_ok(b, text, 0);
	cal = build(b);
	ukwd_calendar_builder_free(b);
	return cal;
}

/* England and Wales in 2030 as an official file might give it: no Spring
 * bank holiday on 27 May, an extra day on 17 June, Early May renamed. */
/* clang-format off */
static const char ew_2030_a[] =
	ICS_HEAD
	ICS_DAY("20300101", "New Year's Day")
	ICS_DAY("20300419", "Good Friday")
	ICS_DAY("20300422", "Easter Monday")
	ICS_DAY("20300506", "Early May bank holiday (from the file)")
	ICS_DAY("20300617", "Extra day")
	ICS_DAY("20300826", "Summer bank holiday")
	ICS_DAY("20301225", "Christmas Day")
	ICS_DAY("20301226", "Boxing Day")
	ICS_TAIL;
/* clang-format on */

static const struct day ew_2030_a_days[] = {
    {2030, 1, 1, "New Year's Day"},
    {2030, 4, 19, "Good Friday"},
    {2030, 4, 22, "Easter Monday"},
    {2030, 5, 6, "Early May bank holiday (from the file)"},
    {2030, 6, 17, "Extra day"},
    {2030, 8, 26, "Summer bank holiday"},
    {2030, 12, 25, "Christmas Day"},
    {2030, 12, 26, "Boxing Day"},
};
#define NDAYS(a) (sizeof(a) / sizeof((a)[0]))

/* A newer file for 2030: Spring is back, the extra day moved to 18 June. */
/* clang-format off */
static const char ew_2030_b[] =
	ICS_HEAD
	ICS_DAY("20300101", "New Year's Day")
	ICS_DAY("20300419", "Good Friday")
	ICS_DAY("20300422", "Easter Monday")
	ICS_DAY("20300506", "Early May bank holiday")
	ICS_DAY("20300527", "Spring bank holiday")
	ICS_DAY("20300618", "Moved extra day")
	ICS_DAY("20300826", "Summer bank holiday")
	ICS_DAY("20301225", "Christmas Day")
	ICS_DAY("20301226", "Boxing Day")
	ICS_TAIL;
/* clang-format on */

static const char company_2030[] =
    ICS_HEAD ICS_DAY("20300801", "Company day") ICS_TAIL;

static ukwd_holiday_file
holiday_file(const char *name, const char *text, unsigned int division)
{
	ukwd_holiday_file f;

	f.name = name;
	f.data = text;
	f.size = strlen(text);
	f.division = division;
	return f;
}

static ukwd_calendar *
uk_files(unsigned int divisions, int first_year, int last_year,
         const ukwd_holiday_file *files, size_t count)
{
	ukwd_calendar *cal = NULL;
	ukwd_diag diag;
	int rc = ukwd_calendar_new_uk_files(&cal, divisions, first_year,
	                                    last_year, files, count, &diag);

	if (rc)
		fail_msg("ukwd_calendar_new_uk_files: %s: %s: %s",
		         ukwd_err_name(rc), diag.source, diag.message);
	assert_non_null(cal);
	return cal;
}

/* ------------------------------------------------------------------ */
/* GOV.UK's files, read without the library */

/* Expected holidays over a range: a name per day (NULL: none), pointing
 * into `pool`. */
struct expected {
	ukwd_date first, last;
	const char **name;
	char *pool[512];
	int npool;
	int events;
};

static void
expected_init(struct expected *e, ukwd_date first, ukwd_date last)
{
	memset(e, 0, sizeof(*e));
	e->first = first;
	e->last = last;
	e->name = calloc((size_t)(last - first + 1), sizeof(*e->name));
	assert_non_null(e->name);
}

static void
expected_free(struct expected *e)
{
	for (int i = 0; i < e->npool; i++)
		free(e->pool[i]);
	free(e->name);
	memset(e, 0, sizeof(*e));
}

static void
expected_add(struct expected *e, ukwd_date d, const char *name, size_t len)
{
	char *copy = malloc(len + 1);

	assert_non_null(copy);
	assert_true(e->npool < (int)NDAYS(e->pool));
	memcpy(copy, name, len);
	copy[len] = '\0';
	e->pool[e->npool++] = copy;
	if (d >= e->first && d <= e->last)
		e->name[d - e->first] = copy;
	e->events++;
}

/* GOV.UK's england-and-wales .ics: unfolded CRLF lines, one-day and
 * multi-day events, SUMMARY without escapes. */
static void
expected_from_govuk_ics(struct expected *e, const struct text *t)
{
	const char *line = t->data, *end = t->data + t->size;
	ukwd_date start = 0, stop = 0;
	const char *summary = NULL;
	size_t summary_len = 0;
	int in_event = 0;

	while (line < end) {
		const char *eol = strstr(line, "\r\n");
		size_t len;

		if (!eol)
			fail_msg("GOV.UK .ics: a line without CRLF");
		len = (size_t)(eol - line);
		if (line[0] == ' ' || line[0] == '\t')
			fail_msg("GOV.UK .ics: folded lines are not expected");
		if (len == 12 && memcmp(line, "BEGIN:VEVENT", 12) == 0) {
			in_event = 1;
			start = stop = 0;
			summary = NULL;
		} else if (in_event &&
		           strncmp(line, "DTSTART;VALUE=DATE:", 19) == 0) {
			start = parse_basic_date(line + 19);
		} else if (in_event &&
		           strncmp(line, "DTEND;VALUE=DATE:", 17) == 0) {
			stop = parse_basic_date(line + 17);
		} else if (in_event && strncmp(line, "SUMMARY:", 8) == 0) {
			summary = line + 8;
			summary_len = len - 8;
			if (memchr(summary, '\\', summary_len))
				fail_msg("GOV.UK .ics: escapes not expected");
		} else if (len == 10 && memcmp(line, "END:VEVENT", 10) == 0) {
			assert_true(in_event && start && summary);
			if (!stop)
				stop = start + 1;
			assert_true(stop > start);
			for (ukwd_date d = start; d < stop; d++)
				expected_add(e, d, summary, summary_len);
			in_event = 0;
		}
		line = eol + 2;
	}
}

static void
put_utf8(struct text *t, unsigned long c)
{
	char b[3];

	if (c < 0x80) {
		b[0] = (char)c;
		text_append(t, b, 1);
	} else if (c < 0x800) {
		b[0] = (char)(0xC0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3F));
		text_append(t, b, 2);
	} else {
		if (c >= 0xD800 && c <= 0xDFFF)
			fail_msg("JSON: surrogates not expected");
		b[0] = (char)(0xE0 | (c >> 12));
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		text_append(t, b, 3);
	}
}

/* The JSON string at `p` (its opening quote) into `out`; returns the
 * character after the closing quote. */
static const char *
json_string(const char *p, struct text *out)
{
	memset(out, 0, sizeof(*out));
	text_append(out, "", 0);
	if (*p != '"')
		fail_msg("JSON: expected a string at %.20s", p);
	for (p++; *p != '"'; p++) {
		if (!*p)
			fail_msg("JSON: unterminated string");
		if (*p != '\\') {
			text_append(out, p, 1);
			continue;
		}
		switch (*++p) {
		case 'u': {
			char hex[5] = {0};

			memcpy(hex, p + 1, 4);
			put_utf8(out, strtoul(hex, NULL, 16));
			p += 4;
			break;
		}
		case 'n':
			text_append(out, "\n", 1);
			break;
		case 't':
			text_append(out, "\t", 1);
			break;
		case '"':
		case '\\':
		case '/':
			text_append(out, p, 1);
			break;
		default:
			fail_msg("JSON: escape \\%c not expected", *p);
		}
	}
	return p + 1;
}

static const char *const division_keys[3] = {"england-and-wales", "scotland",
                                             "northern-ireland"};

/* GOV.UK's bank-holidays.json, one division: each event's date and its
 * name as the web page shows it, "Title (notes in lower case)". The feed
 * writes every event as {"title":..,"date":..,"notes":..,"bunting":..}. */
static void
expected_from_govuk_json(struct expected *e, const struct text *t, int division)
{
	char key[64];
	const char *from, *to = t->data + t->size, *at;

	snprintf(key, sizeof(key), "\"%s\":{", division_keys[division]);
	from = strstr(t->data, key);
	assert_non_null(from);
	for (int k = 0; k < 3; k++) {
		char other[64];
		const char *next;

		snprintf(other, sizeof(other), "\"%s\":{", division_keys[k]);
		next = strstr(t->data, other);
		if (next && next > from && next < to)
			to = next;
	}
	for (at = strstr(from, "{\"title\":"); at && at < to;
	     at = strstr(at, "{\"title\":")) {
		struct text title, date, notes, name = {0};
		ukwd_date d;

		at = json_string(at + 9, &title);
		if (strncmp(at, ",\"date\":", 8) != 0)
			fail_msg("JSON: unexpected layout at %.30s", at);
		at = json_string(at + 8, &date);
		if (strncmp(at, ",\"notes\":", 9) != 0)
			fail_msg("JSON: unexpected layout at %.30s", at);
		at = json_string(at + 9, &notes);
		assert_int_equal(ukwd_date_parse(&d, date.data, NULL), 0);
		text_append(&name, title.data, title.size);
		if (notes.size) {
			text_append(&name, " (", 2);
			for (size_t i = 0; i < notes.size; i++) {
				char c = notes.data[i];

				if (c >= 'A' && c <= 'Z')
					c = (char)(c - 'A' + 'a');
				text_append(&name, &c, 1);
			}
			text_append(&name, ")", 1);
		}
		expected_add(e, d, name.data, name.size);
		text_free(&title);
		text_free(&date);
		text_free(&notes);
		text_free(&name);
	}
}

/* The calendar's days over the expected range are the expected ones. */
static void
assert_matches_expected(const ukwd_calendar *cal, const struct expected *e,
                        const char *what)
{
	char buf[32];

	for (ukwd_date d = e->first; d <= e->last; d++) {
		const char *want = e->name[d - e->first];
		const char *got = ukwd_calendar_holiday_name(cal, d);

		if (!same_name(want, got))
			fail_msg("%s: %s is named \"%s\", expected \"%s\"",
			         what, show_date(d, buf), PRINTABLE(got),
			         PRINTABLE(want));
		if (is_working(cal, d) != (!want && !is_weekend(cal, d)))
			fail_msg("%s: %s: wrong working-day status", what,
			         show_date(d, buf));
	}
}

/* ------------------------------------------------------------------ */
/* Capturing stderr: the library must never print. */

struct capture {
	FILE *file;
	int saved;
};

static void
capture_begin(struct capture *c)
{
	fflush(stderr);
	c->file = tmpfile();
	assert_non_null(c->file);
	c->saved = dup(2);
	assert_true(c->saved >= 0);
	assert_true(dup2(fileno(c->file), 2) >= 0);
}

/* Restores stderr; returns what was written to it (caller frees). */
static char *
capture_end(struct capture *c)
{
	struct text t = {0};
	char chunk[512];
	size_t got;

	fflush(stderr);
	dup2(c->saved, 2);
	close(c->saved);
	rewind(c->file);
	text_append(&t, "", 0);
	while ((got = fread(chunk, 1, sizeof(chunk), c->file)) > 0)
		text_append(&t, chunk, got);
	fclose(c->file);
	return t.data;
}

/* ------------------------------------------------------------------ */
/* The corpus of broken files (tests/invalid) */

#define MAX_CORPUS 256

struct corpus_case {
	char path[1200]; /* the file */
	char name[300];  /* "ics/truncated.ics": the test's name */
	int is_json;
};

static struct corpus_case corpus[MAX_CORPUS];
static size_t ncorpus;
static char corpus_problem[512]; /* why the corpus could not be listed */

struct expectation {
	int code;
	int line;   /* -1: not checked */
	int column; /* -1: not checked */
	char source[UKWD_DIAG_SOURCE_SIZE];
	char message[UKWD_DIAG_MESSAGE_SIZE];
};

static int
code_from_name(const char *name)
{
	for (int code = 0; code >= -64; code--)
		if (strcmp(ukwd_err_name(code), name) == 0)
			return code;
	fail_msg("unknown error code name \"%s\"", name);
	return 1;
}

/* Read FILE.error (format: tests/invalid/README). */
static void
read_expectation(const struct corpus_case *c, struct expectation *e)
{
	char path[1300], code[64], source[UKWD_DIAG_SOURCE_SIZE], position[32],
	    *nl;
	struct text t;
	int err, used = 0;

	memset(e, 0, sizeof(*e));
	e->line = e->column = -1;
	snprintf(path, sizeof(path), "%s.error", c->path);
	err = read_file(path, &t);
	if (err)
		fail_msg("%s: cannot read its expected result %s: %s", c->name,
		         path, strerror(err));
	nl = strchr(t.data, '\n');
	if (nl)
		*nl = '\0';
	if (!c->is_json) {
		if (sscanf(t.data, "%63s %d %n", code, &e->line, &used) < 2 ||
		    t.data[used])
			fail_msg("%s: malformed %s: \"%s\" (expected "
			         "\"CODE LINE\")",
			         c->name, path, t.data);
	} else {
		if (sscanf(t.data, "%63s %63s %31s %n", code, source, position,
		           &used) < 3 ||
		    !t.data[used])
			fail_msg("%s: malformed %s: \"%s\" (expected "
			         "\"CODE SOURCE POSITION MESSAGE\")",
			         c->name, path, t.data);
		if (strcmp(source, "-") != 0)
			snprintf(e->source, sizeof(e->source), "%s", source);
		if (strcmp(position, "-") != 0 &&
		    sscanf(position, "%d:%d", &e->line, &e->column) < 1)
			fail_msg("%s: malformed POSITION \"%s\" in %s", c->name,
			         position, path);
		snprintf(e->message, sizeof(e->message), "%s", t.data + used);
	}
	e->code = code_from_name(code);
	text_free(&t);
}

static void
check_diag(const struct corpus_case *c, const struct expectation *e, int rc,
           const ukwd_diag *diag, int check_message, const char *how)
{
	if (rc != e->code)
		fail_msg("%s (%s): got %s (line %d: %s), expected %s", c->name,
		         how, ukwd_err_name(rc), diag->line, diag->message,
		         ukwd_err_name(e->code));
	if (diag->code != rc)
		fail_msg("%s (%s): diag.code is %s", c->name, how,
		         ukwd_err_name(diag->code));
	if (e->line >= 0 && diag->line != e->line)
		fail_msg("%s (%s): diag.line is %d, expected %d (%s)", c->name,
		         how, diag->line, e->line, diag->message);
	if (e->column >= 0 && diag->column != e->column)
		fail_msg("%s (%s): diag.column is %d, expected %d", c->name,
		         how, diag->column, e->column);
	if (check_message && c->is_json && !strstr(diag->message, e->message))
		fail_msg("%s (%s): diag.message \"%s\" does not contain "
		         "\"%s\"",
		         c->name, how, diag->message, e->message);
	if (diag->message[0] == '\0')
		fail_msg("%s (%s): empty diag.message", c->name, how);
}

static void
test_corpus_file(void **state)
{
	const struct corpus_case *c = *state;
	static const unsigned int flag_sets[] = {0, UKWD_IMPORT_OFFICIAL};
	struct expectation e;
	struct text t;
	int err;

	read_expectation(c, &e);
	err = read_file(c->path, &t);
	if (err)
		fail_msg("cannot read %s: %s", c->path, strerror(err));

	for (size_t i = 0; i < NDAYS(flag_sets); i++) {
		const char *how = flag_sets[i] ? "UKWD_IMPORT_OFFICIAL" : "0";
		ukwd_calendar_builder *b =
		    uk_builder(UKWD_UK_ENGLAND_WALES, 2020, 2026);
		ukwd_calendar *before = build(b), *after;
		struct capture cap;
		ukwd_diag diag;
		char *printed;
		int rc;

		capture_begin(&cap);
		rc = c->is_json ? ukwd_govuk_json_import(b, t.data, t.size,
		                                         UKWD_UK_ALL,
		                                         flag_sets[i], &diag)
		                : ukwd_ical_import(b, t.data, t.size,
		                                   flag_sets[i], &diag);
		printed = capture_end(&cap);
		check_diag(c, &e, rc, &diag, 1, how);
		if (c->is_json && strcmp(diag.source, e.source) != 0)
			fail_msg("%s (%s): diag.source is \"%s\", expected "
			         "\"%s\"",
			         c->name, how, diag.source, e.source);
		if (printed[0])
			fail_msg("%s (%s): the library printed to stderr: %s",
			         c->name, how, printed);
		free(printed);
		after = build(b);
		assert_same_calendar(before, after, SAME_PROVENANCE, c->name);
		ukwd_calendar_free(before);
		ukwd_calendar_free(after);
		ukwd_calendar_builder_free(b);
	}

	/* Through ukwd_calendar_new_uk_files: the file is named. A JSON
	 * file that lacks a division (the message is the division's name) is
	 * asked for that division alone: one that holds some divisions of a
	 * set refines them (issue 15). */
	{
		ukwd_holiday_file f = {c->name, t.data, t.size,
		                       c->is_json ? 0 : UKWD_UK_ENGLAND_WALES};
		ukwd_calendar *cal = NULL;
		struct capture cap;
		ukwd_diag diag;
		char *printed;
		unsigned int asked = UKWD_UK_ALL, missing;
		int rc;

		if (c->is_json &&
		    ukwd_uk_division_parse(&missing, e.message, NULL) == 0 &&
		    ukwd_uk_division_name(missing))
			asked = missing;
		capture_begin(&cap);
		rc = ukwd_calendar_new_uk_files(&cal, asked, 2020, 2026, &f, 1,
		                                &diag);
		printed = capture_end(&cap);
		/* A file that is not even detected as JSON gets "neither
		 * GOV.UK JSON nor iCalendar" rather than the importer's
		 * message. */
		check_diag(c, &e, rc, &diag,
		           ukwd_holidays_detect(t.data, t.size) ==
		               UKWD_HOLIDAYS_GOVUK_JSON,
		           "ukwd_calendar_new_uk_files");
		if (strcmp(diag.source, c->name) != 0)
			fail_msg("%s (ukwd_calendar_new_uk_files): "
			         "diag.source is \"%s\", expected the file's "
			         "name",
			         c->name, diag.source);
		if (printed[0])
			fail_msg("%s (ukwd_calendar_new_uk_files): the library "
			         "printed to stderr: %s",
			         c->name, printed);
		free(printed);
		assert_null(cal);
	}
	text_free(&t);
}

static int
compare_cases(const void *a, const void *b)
{
	return strcmp(((const struct corpus_case *)a)->name,
	              ((const struct corpus_case *)b)->name);
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* List tests/invalid/{ics,json}; a problem is kept for the test below. */
static void
list_corpus(void)
{
	const char *dir = getenv("UKWD_TEST_INVALID");
	static const char *const kinds[2] = {"ics", "json"};

	if (!dir || !*dir) {
		snprintf(corpus_problem, sizeof(corpus_problem),
		         "UKWD_TEST_INVALID is not set: set it to the corpus "
		         "directory (tests/invalid; meson test sets it)");
		return;
	}
	for (int k = 0; k < 2; k++) {
		char path[900], suffix[8];
		DIR *d;
		struct dirent *entry;

		if (snprintf(path, sizeof(path), "%s/%s", dir, kinds[k]) >=
		    (int)sizeof(path)) {
			snprintf(corpus_problem, sizeof(corpus_problem),
			         "UKWD_TEST_INVALID path too long");
			return;
		}
		snprintf(suffix, sizeof(suffix), ".%s", kinds[k]);
		d = opendir(path);
		if (!d) {
			snprintf(corpus_problem, sizeof(corpus_problem),
			         "cannot open %.300s (from UKWD_TEST_INVALID): "
			         "%s",
			         path, strerror(errno));
			return;
		}
		while ((entry = readdir(d))) {
			struct corpus_case *c;

			if (entry->d_name[0] == '.' ||
			    !ends_with(entry->d_name, suffix))
				continue;
			if (ncorpus == MAX_CORPUS) {
				snprintf(corpus_problem, sizeof(corpus_problem),
				         "more than %d corpus files",
				         MAX_CORPUS);
				break;
			}
			c = &corpus[ncorpus++];
			if (snprintf(c->path, sizeof(c->path), "%s/%s", path,
			             entry->d_name) >= (int)sizeof(c->path) ||
			    snprintf(c->name, sizeof(c->name), "%s/%s",
			             kinds[k],
			             entry->d_name) >= (int)sizeof(c->name)) {
				snprintf(corpus_problem, sizeof(corpus_problem),
				         "corpus path too long: %.200s",
				         entry->d_name);
				break;
			}
			c->is_json = k == 1;
		}
		closedir(d);
	}
	qsort(corpus, ncorpus, sizeof(corpus[0]), compare_cases);
}

static void
test_corpus__is_there_with_at_least_20_files(void **state)
{
	size_t ics = 0, json = 0;

	(void)state;
	if (corpus_problem[0])
		fail_msg("%s", corpus_problem);
	for (size_t i = 0; i < ncorpus; i++) {
		if (corpus[i].is_json)
			json++;
		else
			ics++;
	}
	if (ics + json < 20 || ics < 10 || json < 10)
		fail_msg("the corpus has %zu .ics and %zu .json files; the "
		         "issue asks for at least 20 in all",
		         ics, json);
}

/* ------------------------------------------------------------------ */
/* Round trip: export, then import into a fresh builder */

static void
round_trip(unsigned int divisions, const char *what)
{
	ukwd_calendar *original = uk_calendar(divisions, 1971, 2100), *copy;
	ukwd_calendar_builder *b;
	ukwd_date first = ymd(1971, 1, 1), last = ymd(2100, 12, 31);
	struct sink one, two;

	assert_int_equal(export_to(&one, original, first, last), 0);
	assert_int_equal(export_to(&two, original, first, last), 0);
	if (one.out.size != two.out.size ||
	    memcmp(one.out.data, two.out.data, one.out.size) != 0)
		fail_msg("%s: two exports of one calendar differ", what);

	assert_int_equal(ukwd_calendar_builder_new(&b), 0);
	assert_int_equal(
	    ukwd_calendar_builder_set_weekend(b, UKWD_WEEKEND_SAT_SUN), 0);
	assert_int_equal(ukwd_calendar_builder_set_range(b, first, last), 0);
	import_ok(b, one.out.data, 0);
	copy = build(b);
	assert_same_calendar(original, copy, IGNORE_PROVENANCE, what);
	assert_int_equal(count_holidays(copy), count_holidays(original));

	text_free(&one.out);
	text_free(&two.out);
	ukwd_calendar_free(copy);
	ukwd_calendar_builder_free(b);
	ukwd_calendar_free(original);
}

static void
test_round_trip__england_and_wales_1971_2100(void **state)
{
	(void)state;
	round_trip(UKWD_UK_ENGLAND_WALES, "England and Wales");
}

static void
test_round_trip__scotland_1971_2100(void **state)
{
	(void)state;
	round_trip(UKWD_UK_SCOTLAND, "Scotland");
}

static void
test_round_trip__northern_ireland_1971_2100(void **state)
{
	(void)state;
	round_trip(UKWD_UK_NORTHERN_IRELAND, "Northern Ireland");
}

/* The union joins names with "; ", which iCalendar must escape. */
static void
test_round_trip__whole_uk_with_joined_names_1971_2100(void **state)
{
	(void)state;
	round_trip(UKWD_UK_ALL, "UK");
}

/* Names with iCalendar's special characters (escaped), a newline, and a
 * long UTF-8 name that must be folded. */
static void
test_round_trip__names_with_special_characters(void **state)
{
	static const char long_name[] =
	    "A very long name for a day off" APOS "s sake, well over "
	    "seventy-five octets, " APOS APOS APOS APOS APOS APOS APOS APOS
	    " with curly apostrophes";
	ukwd_calendar_builder *b =
	    plain_builder(ymd(2023, 1, 1), ymd(2023, 12, 31));
	ukwd_calendar *original, *copy;
	struct sink s;

	(void)state;
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 6, 1),
	                                      "Comma, semicolon; back\\slash"),
	    0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 6, 2), long_name),
	    0);
	assert_int_equal(ukwd_calendar_builder_add_holiday(b, ymd(2023, 6, 5),
	                                                   "Line\nbreak"),
	                 0);
	original = build(b);
	ukwd_calendar_builder_free(b);

	assert_int_equal(
	    export_to(&s, original, ymd(2023, 1, 1), ymd(2023, 12, 31)), 0);
	b = plain_builder(ymd(2023, 1, 1), ymd(2023, 12, 31));
	import_ok(b, s.out.data, 0);
	copy = build(b);
	assert_same_calendar(original, copy, IGNORE_PROVENANCE,
	                     "special names");
	text_free(&s.out);
	ukwd_calendar_free(copy);
	ukwd_calendar_free(original);
	ukwd_calendar_builder_free(b);
}

/* A holiday without a name ("" from ukwd_calendar_holiday_name()) must
 * come back as one: the export must not write what the importer rejects
 * (libical drops an empty "SUMMARY:" with an X-LIC-ERROR). */
static void
test_round_trip__an_unnamed_holiday(void **state)
{
	ukwd_calendar_builder *b =
	    plain_builder(ymd(2023, 1, 1), ymd(2023, 12, 31));
	ukwd_calendar *original, *copy;
	ukwd_diag diag;
	struct sink s;
	int rc;

	(void)state;
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 6, 6), NULL), 0);
	original = build(b);
	ukwd_calendar_builder_free(b);
	assert_string_equal(
	    ukwd_calendar_holiday_name(original, ymd(2023, 6, 6)), "");

	assert_int_equal(
	    export_to(&s, original, ymd(2023, 1, 1), ymd(2023, 12, 31)), 0);
	b = plain_builder(ymd(2023, 1, 1), ymd(2023, 12, 31));
	rc = import_text(b, s.out.data, 0, &diag);
	if (rc)
		fail_msg("re-importing the export of an unnamed holiday: %s at "
		         "line %d: %s",
		         ukwd_err_name(rc), diag.line, diag.message);
	copy = build(b);
	assert_same_calendar(original, copy, IGNORE_PROVENANCE,
	                     "unnamed holiday");
	text_free(&s.out);
	ukwd_calendar_free(copy);
	ukwd_calendar_free(original);
	ukwd_calendar_builder_free(b);
}

/* ------------------------------------------------------------------ */
/* Export format */

/* The value of property `prop` ("DTSTART;VALUE=DATE:") in one VEVENT
 * block (unfolded lines), or NULL. */
static const char *
event_value(const char *event, const char *end, const char *prop)
{
	size_t n = strlen(prop);

	for (const char *line = event; line && line < end;) {
		if (strncmp(line, prop, n) == 0)
			return line + n;
		line = strstr(line, "\r\n");
		if (line)
			line += 2;
	}
	return NULL;
}

static void
test_export__format_crlf_prodid_value_date_and_exclusive_dtend(void **state)
{
	ukwd_calendar_builder *b =
	    uk_builder(UKWD_UK_ENGLAND_WALES, 2020, 2024);
	ukwd_calendar *cal;
	char prodid[128], uid_seen[64][80];
	const char *p, *text;
	struct sink s;
	int events = 0;

	(void)state;
	/* A named Sunday on 31 December: DTEND crosses the year; 28
	 * February 2024: DTEND is the leap day. */
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2023, 12, 31), "Hogmanay"),
	    0);
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2024, 2, 28), "Leap eve"),
	    0);
	cal = build(b);
	ukwd_calendar_builder_free(b);
	assert_int_equal(export_to(&s, cal, ymd(2023, 1, 1), ymd(2024, 12, 31)),
	                 0);
	text = s.out.data;

	assert_int_equal(strncmp(text, "BEGIN:VCALENDAR\r\n", 17), 0);
	assert_true(ends_with(text, "\r\nEND:VCALENDAR\r\n"));
	for (size_t i = 0; i < s.out.size; i++) {
		if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
			fail_msg("a bare LF at byte %zu", i);
		if (text[i] == '\r' && text[i + 1] != '\n')
			fail_msg("a bare CR at byte %zu", i);
	}
	snprintf(prodid, sizeof(prodid),
	         "\r\nPRODID:-//libukwd//ukwd %s//EN\r\n", ukwd_version());
	if (!strstr(text, prodid))
		fail_msg("no \"%s\" in the export", prodid + 2);
	assert_non_null(strstr(text, "\r\nVERSION:2.0\r\n"));

	for (p = strstr(text, "BEGIN:VEVENT\r\n"); p;
	     p = strstr(p, "BEGIN:VEVENT\r\n")) {
		const char *end = strstr(p, "END:VEVENT\r\n");
		const char *start_v, *end_v, *uid;
		ukwd_date start, stop;
		char buf[32];
		size_t uid_len;

		assert_non_null(end);
		start_v = event_value(p, end, "DTSTART;VALUE=DATE:");
		end_v = event_value(p, end, "DTEND;VALUE=DATE:");
		uid = event_value(p, end, "UID:");
		if (!start_v || !end_v || !uid)
			fail_msg("an event without DTSTART;VALUE=DATE, "
			         "DTEND;VALUE=DATE or UID: %.200s",
			         p);
		start = parse_basic_date(start_v);
		stop = parse_basic_date(end_v);
		if (stop != start + 1)
			fail_msg("%s: DTEND is not the next day",
			         show_date(start, buf));
		if (!ukwd_calendar_holiday_name(cal, start))
			fail_msg("%s is exported but is not a holiday",
			         show_date(start, buf));
		uid_len = (size_t)(strstr(uid, "\r\n") - uid);
		assert_true(uid_len > 0 && uid_len < sizeof(uid_seen[0]));
		assert_true(events < (int)NDAYS(uid_seen));
		for (int i = 0; i < events; i++)
			if (strlen(uid_seen[i]) == uid_len &&
			    memcmp(uid_seen[i], uid, uid_len) == 0)
				fail_msg("UID %s used twice", uid_seen[i]);
		memcpy(uid_seen[events], uid, uid_len);
		uid_seen[events][uid_len] = '\0';
		events++;
		p = end;
	}
	/* Every holiday in range, weekend ones included (New Year's Day
	 * 2023 was a Sunday); no plain weekend day. */
	assert_int_equal(
	    events, count_holidays_in(cal, ymd(2023, 1, 1), ymd(2024, 12, 31)));
	assert_true(events >= 18);
	{
		const char *hogmanay =
		    strstr(text, "DTSTART;VALUE=DATE:20231231");
		const char *leap = strstr(text, "DTSTART;VALUE=DATE:20240228");

		assert_non_null(hogmanay);
		assert_non_null(leap);
		assert_non_null(strstr(hogmanay, "DTEND;VALUE=DATE:20240101"));
		assert_non_null(strstr(leap, "DTEND;VALUE=DATE:20240229"));
	}
	text_free(&s.out);
	ukwd_calendar_free(cal);
}

/* Same calendar, same bytes; and an event's text (its UID included) does
 * not depend on which other events are exported with it. */
static void
test_export__is_deterministic_and_uids_are_stable(void **state)
{
	ukwd_calendar *cal = uk_calendar(UKWD_UK_ALL, 2020, 2026);
	ukwd_calendar *again = uk_calendar(UKWD_UK_ALL, 2020, 2026);
	struct sink big, big2, small;
	const char *p;
	int events = 0;

	(void)state;
	assert_int_equal(
	    export_to(&big, cal, ymd(2020, 1, 1), ymd(2026, 12, 31)), 0);
	assert_int_equal(
	    export_to(&big2, again, ymd(2020, 1, 1), ymd(2026, 12, 31)), 0);
	assert_int_equal(big.out.size, big2.out.size);
	assert_memory_equal(big.out.data, big2.out.data, big.out.size);

	assert_int_equal(
	    export_to(&small, cal, ymd(2023, 3, 1), ymd(2023, 12, 31)), 0);
	for (p = strstr(small.out.data, "BEGIN:VEVENT"); p;
	     p = strstr(p + 1, "BEGIN:VEVENT")) {
		const char *end = strstr(p, "END:VEVENT\r\n");
		char block[1024];
		size_t len;

		assert_non_null(end);
		len = (size_t)(end - p) + 12;
		assert_true(len < sizeof(block));
		memcpy(block, p, len);
		block[len] = '\0';
		if (!strstr(big.out.data, block))
			fail_msg("the event differs between exports of "
			         "different ranges:\n%s",
			         block);
		events++;
	}
	assert_true(events > 5);
	/* Clipped to the calendar's range: same as exporting the range. */
	{
		struct sink wide;

		assert_int_equal(
		    export_to(&wide, cal, ymd(1990, 1, 1), ymd(2090, 12, 31)),
		    0);
		assert_int_equal(wide.out.size, big.out.size);
		assert_memory_equal(wide.out.data, big.out.data, big.out.size);
		text_free(&wide.out);
	}
	text_free(&big.out);
	text_free(&big2.out);
	text_free(&small.out);
	ukwd_calendar_free(cal);
	ukwd_calendar_free(again);
}

static void
test_export__a_sink_that_stops_gives_euser_and_is_not_called_again(void **state)
{
	ukwd_calendar *cal = uk_calendar(UKWD_UK_ENGLAND_WALES, 2023, 2023);
	ukwd_date first = ymd(2023, 1, 1), last = ymd(2023, 12, 31);
	struct sink s;
	int calls;

	(void)state;
	assert_int_equal(export_to(&s, cal, first, last), 0);
	calls = s.calls;
	text_free(&s.out);
	assert_true(calls >= 3); /* head, events, tail */
	for (int stop = 1; stop <= calls; stop++) {
		memset(&s, 0, sizeof(s));
		s.stop_at = stop;
		if (ukwd_ical_export(cal, first, last, sink_write, &s) !=
		    UKWD_EUSER)
			fail_msg("stopping at call %d of %d did not give "
			         "UKWD_EUSER",
			         stop, calls);
		if (s.calls != stop)
			fail_msg("the sink was called %d times after stopping "
			         "at call %d",
			         s.calls, stop);
		text_free(&s.out);
	}
	ukwd_calendar_free(cal);
}

static void
test_export__argument_errors(void **state)
{
	ukwd_calendar *cal = uk_calendar(UKWD_UK_ENGLAND_WALES, 2023, 2023);
	struct sink s = {0};

	(void)state;
	assert_int_equal(ukwd_ical_export(NULL, ymd(2023, 1, 1),
	                                  ymd(2023, 12, 31), sink_write, &s),
	                 UKWD_EINVAL);
	assert_int_equal(
	    ukwd_ical_export(cal, ymd(2023, 1, 1), ymd(2023, 12, 31), NULL, &s),
	    UKWD_EINVAL);
	assert_int_equal(ukwd_ical_export(cal, ymd(2023, 6, 2), ymd(2023, 6, 1),
	                                  sink_write, &s),
	                 UKWD_EINVAL);
	assert_int_equal(s.calls, 0);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* GOV.UK's files */

static void
test_govuk_ics__england_and_wales_2012_2017_imports_exactly(void **state)
{
	ukwd_date first = ymd(2012, 1, 1), last = ymd(2017, 12, 31);
	ukwd_calendar_builder *b = plain_builder(first, last);
	ukwd_calendar *cal;
	struct expected e;
	struct text t;

	(void)state;
	read_data_file("england-and-wales_2012-2017.ics", &t);
	expected_init(&e, first, last);
	expected_from_govuk_ics(&e, &t);
	assert_int_equal(e.events, 49);
	assert_non_null(e.name[ymd(2012, 6, 5) - first]);
	assert_string_equal(e.name[ymd(2012, 6, 5) - first],
	                    "Queen" APOS "s Diamond Jubilee");

	assert_int_equal(ukwd_ical_import(b, t.data, t.size, 0, NULL), 0);
	cal = build(b);
	assert_matches_expected(cal, &e, "england-and-wales.ics");
	assert_int_equal(count_holidays(cal), e.events);
	assert_provenance(cal, 2012, 2017, UKWD_PROVENANCE_NONE);

	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
	expected_free(&e);
	text_free(&t);
}

static void
test_govuk_ics__official_makes_the_years_it_covers_official(void **state)
{
	ukwd_date first = ymd(2010, 1, 1), last = ymd(2019, 12, 31);
	ukwd_calendar_builder *b = plain_builder(first, last);
	ukwd_calendar *cal;
	struct expected e;
	struct text t;

	(void)state;
	read_data_file("england-and-wales_2012-2017.ics", &t);
	expected_init(&e, first, last);
	expected_from_govuk_ics(&e, &t);
	assert_int_equal(
	    ukwd_ical_import(b, t.data, t.size, UKWD_IMPORT_OFFICIAL, NULL), 0);
	cal = build(b);
	assert_matches_expected(cal, &e, "england-and-wales.ics, official");
	assert_provenance(cal, 2010, 2011, UKWD_PROVENANCE_NONE);
	assert_provenance(cal, 2012, 2017, UKWD_PROVENANCE_OFFICIAL);
	assert_provenance(cal, 2018, 2019, UKWD_PROVENANCE_NONE);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
	expected_free(&e);
	text_free(&t);
}

/* GOV.UK's file agrees with libukwd's rules: merged as official data into
 * the built-in calendar it changes no day, only names, and leaves later
 * (projected) years alone. */
static void
test_govuk_ics__official_merge_into_the_uk_calendar_changes_no_day(void **state)
{
	ukwd_calendar_builder *b =
	    uk_builder(UKWD_UK_ENGLAND_WALES, 2010, 2030);
	ukwd_calendar *rules = uk_calendar(UKWD_UK_ENGLAND_WALES, 2010, 2030);
	ukwd_calendar *cal;
	ukwd_date first = ymd(2010, 1, 1), last = ymd(2030, 12, 31);
	struct expected e;
	struct text t;
	char buf[32];

	(void)state;
	read_data_file("england-and-wales_2012-2017.ics", &t);
	expected_init(&e, first, last);
	expected_from_govuk_ics(&e, &t);
	assert_int_equal(
	    ukwd_ical_import(b, t.data, t.size, UKWD_IMPORT_OFFICIAL, NULL), 0);
	cal = build(b);
	for (ukwd_date d = first; d <= last; d++) {
		if (is_working(cal, d) != is_working(rules, d))
			fail_msg("%s changed", show_date(d, buf));
		if (e.name[d - first] &&
		    !same_name(e.name[d - first],
		               ukwd_calendar_holiday_name(cal, d)))
			fail_msg("%s is not named as in the file",
			         show_date(d, buf));
		if (year_of(d) < 2012 || year_of(d) > 2017)
			if (!same_name(ukwd_calendar_holiday_name(rules, d),
			               ukwd_calendar_holiday_name(cal, d)))
				fail_msg("%s outside the file was renamed",
				         show_date(d, buf));
	}
	assert_same_provenance(rules, cal, 2010, 2030);
	assert_provenance(cal, 2012, 2017, UKWD_PROVENANCE_OFFICIAL);
	assert_provenance(cal, 2028, 2030, UKWD_PROVENANCE_PROJECTED);
	ukwd_calendar_free(cal);
	ukwd_calendar_free(rules);
	ukwd_calendar_builder_free(b);
	expected_free(&e);
	text_free(&t);
}

static void
govuk_json_set(const struct text *t, unsigned int divisions)
{
	ukwd_date first = ymd(2012, 1, 1), last = ymd(2015, 12, 31);
	ukwd_calendar_builder *b = plain_builder(first, last);
	ukwd_calendar *cal;
	struct expected e[3];
	static const int counts[3] = {33, 37, 41};
	char buf[32];
	int total = 0;

	for (int k = 0; k < 3; k++) {
		expected_init(&e[k], first, last);
		expected_from_govuk_json(&e[k], t, k);
		assert_int_equal(e[k].events, counts[k]);
	}
	assert_int_equal(
	    ukwd_govuk_json_import(b, t->data, t->size, divisions, 0, NULL), 0);
	cal = build(b);
	for (ukwd_date d = first; d <= last; d++) {
		const char *got = ukwd_calendar_holiday_name(cal, d);
		int want = 0, named = 0;

		for (int k = 0; k < 3; k++) {
			const char *n = e[k].name[d - first];

			if (!(divisions & (1u << k)) || !n)
				continue;
			want = 1;
			named |= same_name(n, got);
		}
		if (want && !named)
			fail_msg("divisions 0x%x: %s is named \"%s\"",
			         divisions, show_date(d, buf), PRINTABLE(got));
		if (!want && got)
			fail_msg("divisions 0x%x: %s is a holiday \"%s\"",
			         divisions, show_date(d, buf), got);
		if (is_working(cal, d) != (!want && !is_weekend(cal, d)))
			fail_msg("divisions 0x%x: %s: wrong status", divisions,
			         show_date(d, buf));
		total += want;
	}
	assert_int_equal(count_holidays(cal), total);
	for (int k = 0; k < 3; k++)
		expected_free(&e[k]);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_govuk_json__each_division_and_chosen_sets_import_exactly(void **state)
{
	struct text t;

	(void)state;
	read_data_file("bank-holidays_2012-2015.json", &t);
	govuk_json_set(&t, UKWD_UK_ENGLAND_WALES);
	govuk_json_set(&t, UKWD_UK_SCOTLAND);
	govuk_json_set(&t, UKWD_UK_NORTHERN_IRELAND);
	govuk_json_set(&t, UKWD_UK_SCOTLAND | UKWD_UK_NORTHERN_IRELAND);
	govuk_json_set(&t, UKWD_UK_ALL);
	text_free(&t);
}

static void
test_govuk_json__names_are_title_and_lower_case_notes(void **state)
{
	ukwd_calendar_builder *b =
	    plain_builder(ymd(2012, 1, 1), ymd(2015, 12, 31));
	ukwd_calendar *cal;
	struct text t;

	(void)state;
	read_data_file("bank-holidays_2012-2015.json", &t);
	assert_int_equal(ukwd_govuk_json_import(b, t.data, t.size,
	                                        UKWD_UK_ENGLAND_WALES, 0, NULL),
	                 0);
	cal = build(b);
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2012, 1, 2)),
	                    "New Year" APOS "s Day (substitute day)");
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2012, 6, 5)),
	                    "Queen" APOS
	                    "s Diamond Jubilee (extra bank holiday)");
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2012, 4, 6)),
	                    "Good Friday");
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
	text_free(&t);
}

static void
test_govuk_json__official_makes_the_years_it_covers_official(void **state)
{
	ukwd_calendar_builder *b =
	    plain_builder(ymd(2010, 1, 1), ymd(2017, 12, 31));
	ukwd_calendar *cal;
	struct text t;

	(void)state;
	read_data_file("bank-holidays_2012-2015.json", &t);
	assert_int_equal(ukwd_govuk_json_import(b, t.data, t.size, UKWD_UK_ALL,
	                                        UKWD_IMPORT_OFFICIAL, NULL),
	                 0);
	cal = build(b);
	assert_provenance(cal, 2010, 2011, UKWD_PROVENANCE_NONE);
	assert_provenance(cal, 2012, 2015, UKWD_PROVENANCE_OFFICIAL);
	assert_provenance(cal, 2016, 2017, UKWD_PROVENANCE_NONE);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
	text_free(&t);
}

/* ------------------------------------------------------------------ */
/* Official merge semantics */

static void
test_official__a_2030_file_is_the_truth_for_2030_only(void **state)
{
	ukwd_calendar_builder *b =
	    uk_builder(UKWD_UK_ENGLAND_WALES, 2028, 2032);
	ukwd_calendar *before = build(b), *after;
	ukwd_date first = ymd(2030, 1, 1), last = ymd(2030, 12, 31);
	char buf[32];

	(void)state;
	/* What the rules say, so that the file's changes show. */
	assert_string_equal(
	    ukwd_calendar_holiday_name(before, ymd(2030, 5, 27)),
	    "Spring bank holiday");
	assert_int_equal(is_working(before, ymd(2030, 6, 17)), 1);
	assert_provenance(before, 2028, 2032, UKWD_PROVENANCE_PROJECTED);

	import_ok(b, ew_2030_a, UKWD_IMPORT_OFFICIAL);
	after = build(b);
	for (ukwd_date d = first; d <= last; d++) {
		const char *want = NULL, *got;

		for (size_t i = 0; i < NDAYS(ew_2030_a_days); i++) {
			const struct day *x = &ew_2030_a_days[i];

			if (ymd(x->y, x->m, x->d) == d)
				want = x->name;
		}
		got = ukwd_calendar_holiday_name(after, d);
		if (is_weekend(after, d)) {
			if (is_working(after, d))
				fail_msg("weekend day %s became working",
				         show_date(d, buf));
			continue;
		}
		if (!same_name(want, got))
			fail_msg("%s is named \"%s\", expected \"%s\"",
			         show_date(d, buf), PRINTABLE(got),
			         PRINTABLE(want));
		if (is_working(after, d) != !want)
			fail_msg("%s: wrong status", show_date(d, buf));
	}
	assert_int_equal(is_working(after, ymd(2030, 5, 27)), 1);
	assert_int_equal(is_working(after, ymd(2030, 6, 17)), 0);
	assert_provenance(after, 2030, 2030, UKWD_PROVENANCE_OFFICIAL);
	assert_provenance(after, 2028, 2029, UKWD_PROVENANCE_PROJECTED);
	assert_provenance(after, 2031, 2032, UKWD_PROVENANCE_PROJECTED);
	assert_same_days(before, after, ymd(2028, 1, 1), ymd(2029, 12, 31),
	                 SAME_PROVENANCE, "2028-2029");
	assert_same_days(before, after, ymd(2031, 1, 1), ymd(2032, 12, 31),
	                 SAME_PROVENANCE, "2031-2032");
	ukwd_calendar_free(before);
	ukwd_calendar_free(after);
	ukwd_calendar_builder_free(b);
}

static void
test_official__without_the_flag_a_file_only_adds_days(void **state)
{
	ukwd_calendar_builder *b =
	    uk_builder(UKWD_UK_ENGLAND_WALES, 2028, 2032);
	ukwd_calendar *before = build(b), *after;
	char buf[32];

	(void)state;
	import_ok(b, ew_2030_a, 0);
	after = build(b);
	for (ukwd_date d = ymd(2028, 1, 1); d <= ymd(2032, 12, 31); d++) {
		int added = d == ymd(2030, 6, 17);

		if (is_working(after, d) != (is_working(before, d) && !added))
			fail_msg("%s: wrong status", show_date(d, buf));
	}
	assert_string_equal(ukwd_calendar_holiday_name(after, ymd(2030, 6, 17)),
	                    "Extra day");
	assert_string_equal(ukwd_calendar_holiday_name(after, ymd(2030, 5, 27)),
	                    "Spring bank holiday");
	/* A name in the file replaces the builder's. */
	assert_string_equal(ukwd_calendar_holiday_name(after, ymd(2030, 5, 6)),
	                    "Early May bank holiday (from the file)");
	assert_provenance(after, 2028, 2032, UKWD_PROVENANCE_PROJECTED);
	ukwd_calendar_free(before);
	ukwd_calendar_free(after);
	ukwd_calendar_builder_free(b);
}

/* ------------------------------------------------------------------ */
/* ukwd_calendar_new_uk_files */

static void
test_files__the_newer_official_file_wins(void **state)
{
	ukwd_holiday_file files[2];
	ukwd_calendar *cal;

	(void)state;
	files[0] = holiday_file("a.ics", ew_2030_a, UKWD_UK_ENGLAND_WALES);
	files[1] = holiday_file("b.ics", ew_2030_b, UKWD_UK_ENGLAND_WALES);
	cal = uk_files(UKWD_UK_ENGLAND_WALES, 2029, 2031, files, 2);
	assert_int_equal(is_working(cal, ymd(2030, 6, 17)), 1);
	assert_int_equal(is_working(cal, ymd(2030, 6, 18)), 0);
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2030, 6, 18)),
	                    "Moved extra day");
	assert_int_equal(is_working(cal, ymd(2030, 5, 27)), 0);
	assert_provenance(cal, 2030, 2030, UKWD_PROVENANCE_OFFICIAL);
	assert_provenance(cal, 2029, 2029, UKWD_PROVENANCE_PROJECTED);
	assert_provenance(cal, 2031, 2031, UKWD_PROVENANCE_PROJECTED);
	ukwd_calendar_free(cal);

	/* The other order: the other file wins. */
	files[0] = holiday_file("b.ics", ew_2030_b, UKWD_UK_ENGLAND_WALES);
	files[1] = holiday_file("a.ics", ew_2030_a, UKWD_UK_ENGLAND_WALES);
	cal = uk_files(UKWD_UK_ENGLAND_WALES, 2029, 2031, files, 2);
	assert_int_equal(is_working(cal, ymd(2030, 6, 17)), 0);
	assert_int_equal(is_working(cal, ymd(2030, 6, 18)), 1);
	assert_int_equal(is_working(cal, ymd(2030, 5, 27)), 1);
	assert_string_equal(ukwd_calendar_holiday_name(cal, ymd(2030, 5, 6)),
	                    "Early May bank holiday (from the file)");
	ukwd_calendar_free(cal);
}

static void
test_files__an_ics_of_division_0_adds_days_to_every_division(void **state)
{
	static const unsigned int divisions[] = {
	    UKWD_UK_ENGLAND_WALES, UKWD_UK_SCOTLAND, UKWD_UK_NORTHERN_IRELAND,
	    UKWD_UK_ALL};
	ukwd_holiday_file f = holiday_file("company.ics", company_2030, 0);
	ukwd_date day = ymd(2030, 8, 1);

	(void)state;
	for (size_t i = 0; i < NDAYS(divisions); i++) {
		ukwd_calendar *rules = uk_calendar(divisions[i], 2029, 2031);
		ukwd_calendar *cal = uk_files(divisions[i], 2029, 2031, &f, 1);

		assert_int_equal(is_working(rules, day), 1);
		assert_int_equal(is_working(cal, day), 0);
		assert_string_equal(ukwd_calendar_holiday_name(cal, day),
		                    "Company day");
		/* Everything else, provenance included: extra days do not
		 * make a year official. */
		assert_same_days(rules, cal, ymd(2029, 1, 1), day - 1,
		                 SAME_PROVENANCE, "before the company day");
		assert_same_days(rules, cal, day + 1, ymd(2031, 12, 31),
		                 SAME_PROVENANCE, "after the company day");
		ukwd_calendar_free(rules);
		ukwd_calendar_free(cal);
	}
}

static void
test_files__json_then_ics_then_extra_days(void **state)
{
	static const char json[] =
	    "{\"england-and-wales\":{\"division\":\"england-and-wales\","
	    "\"events\":[{\"title\":\"New Year's Day\",\"date\":\"2030-01-01\","
	    "\"notes\":\"\",\"bunting\":true},{\"title\":\"JSON day\","
	    "\"date\":\"2030-06-17\",\"notes\":\"Extra bank holiday\","
	    "\"bunting\":true}]},\n"
	    "\"scotland\":{\"division\":\"scotland\",\"events\":["
	    "{\"title\":\"New Year's Day\",\"date\":\"2030-01-01\","
	    "\"notes\":\"\",\"bunting\":true},{\"title\":\"2nd January\","
	    "\"date\":\"2030-01-02\",\"notes\":\"\",\"bunting\":true},"
	    "{\"title\":\"St Andrew's Day\",\"date\":\"2030-12-02\","
	    "\"notes\":\"Substitute day\",\"bunting\":true}]},\n"
	    "\"northern-ireland\":{\"division\":\"northern-ireland\","
	    "\"events\":[{\"title\":\"New Year's Day\",\"date\":\"2030-01-01\","
	    "\"notes\":\"\",\"bunting\":true},{\"title\":\"St Patrick's Day\","
	    "\"date\":\"2030-03-18\",\"notes\":\"Substitute day\","
	    "\"bunting\":true}]}}\n";
	/* clang-format off */
	static const char ew_ics[] =
		ICS_HEAD
		ICS_DAY("20300101", "New Year's Day")
		ICS_DAY("20300618", "ICS day")
		ICS_TAIL;
	/* clang-format on */
	static const struct day want[] = {
	    {2030, 1, 1, "New Year's Day"},
	    {2030, 1, 2, "2nd January"},
	    {2030, 3, 18, "St Patrick's Day (substitute day)"},
	    {2030, 6, 18, "ICS day"},
	    {2030, 8, 1, "Company day"},
	    {2030, 12, 2, "St Andrew's Day (substitute day)"},
	};
	ukwd_holiday_file files[3];
	ukwd_calendar *rules = uk_calendar(UKWD_UK_ALL, 2029, 2031), *cal;
	char buf[32];

	(void)state;
	files[0] = holiday_file("bank-holidays.json", json, 0);
	files[1] = holiday_file("england-and-wales.ics", ew_ics,
	                        UKWD_UK_ENGLAND_WALES);
	files[2] = holiday_file("company.ics", company_2030, 0);
	cal = uk_files(UKWD_UK_ALL, 2029, 2031, files, 3);
	for (ukwd_date d = ymd(2030, 1, 1); d <= ymd(2030, 12, 31); d++) {
		const char *name = NULL;

		if (is_weekend(cal, d)) {
			assert_int_equal(is_working(cal, d), 0);
			continue;
		}
		for (size_t i = 0; i < NDAYS(want); i++)
			if (ymd(want[i].y, want[i].m, want[i].d) == d)
				name = want[i].name;
		if (!same_name(name, ukwd_calendar_holiday_name(cal, d)))
			fail_msg("%s is named \"%s\", expected \"%s\"",
			         show_date(d, buf),
			         PRINTABLE(ukwd_calendar_holiday_name(cal, d)),
			         PRINTABLE(name));
		if (is_working(cal, d) != !name)
			fail_msg("%s: wrong status", show_date(d, buf));
	}
	assert_provenance(cal, 2030, 2030, UKWD_PROVENANCE_OFFICIAL);
	assert_same_days(rules, cal, ymd(2029, 1, 1), ymd(2029, 12, 31),
	                 SAME_PROVENANCE, "2029");
	assert_same_days(rules, cal, ymd(2031, 1, 1), ymd(2031, 12, 31),
	                 SAME_PROVENANCE, "2031");
	ukwd_calendar_free(cal);
	ukwd_calendar_free(rules);
}

/* Great Britain with only England and Wales's official file: Scotland's
 * days stay (2 January, its Spring and Summer, St Andrew's), and 2030 is
 * as certain as Scotland's projection, not official. */
static void
test_files__gb_union_keeps_scotland_days_with_an_ew_file_only(void **state)
{
	ukwd_holiday_file f = holiday_file("england-and-wales.ics", ew_2030_a,
	                                   UKWD_UK_ENGLAND_WALES);
	ukwd_calendar *scotland = uk_calendar(UKWD_UK_SCOTLAND, 2029, 2031);
	ukwd_calendar *gb = uk_calendar(UKWD_UK_GB, 2029, 2031);
	ukwd_calendar *cal = uk_files(UKWD_UK_GB, 2029, 2031, &f, 1), *only;
	char buf[32];

	(void)state;
	for (ukwd_date d = ymd(2030, 1, 1); d <= ymd(2030, 12, 31); d++) {
		int in_file = 0;

		for (size_t i = 0; i < NDAYS(ew_2030_a_days); i++) {
			const struct day *x = &ew_2030_a_days[i];

			in_file |= ymd(x->y, x->m, x->d) == d;
		}
		if (is_working(cal, d) != (is_working(scotland, d) && !in_file))
			fail_msg("%s: wrong status", show_date(d, buf));
	}
	assert_int_equal(is_working(cal, ymd(2030, 1, 2)), 0);
	assert_int_equal(is_working(cal, ymd(2030, 5, 27)), 0); /* Scotland */
	assert_int_equal(is_working(cal, ymd(2030, 8, 5)), 0);
	assert_int_equal(is_working(cal, ymd(2030, 12, 2)), 0);
	assert_int_equal(is_working(cal, ymd(2030, 6, 17)), 0); /* file */
	assert_provenance(cal, 2030, 2030, UKWD_PROVENANCE_PROJECTED);
	assert_same_days(gb, cal, ymd(2029, 1, 1), ymd(2029, 12, 31),
	                 SAME_PROVENANCE, "2029");
	assert_same_days(gb, cal, ymd(2031, 1, 1), ymd(2031, 12, 31),
	                 SAME_PROVENANCE, "2031");

	/* A division file is not applied to another division. */
	only = uk_files(UKWD_UK_SCOTLAND, 2029, 2031, &f, 1);
	assert_same_calendar(scotland, only, SAME_PROVENANCE,
	                     "Scotland with an England and Wales file");
	ukwd_calendar_free(only);
	ukwd_calendar_free(cal);
	ukwd_calendar_free(gb);
	ukwd_calendar_free(scotland);
}

static void
test_files__argument_errors(void **state)
{
	ukwd_holiday_file f =
	    holiday_file("a.ics", ew_2030_a, UKWD_UK_ENGLAND_WALES);
	ukwd_holiday_file junk = holiday_file("junk.txt", "hello\n", 0);
	ukwd_calendar *sentinel = (ukwd_calendar *)&f, *cal = sentinel;
	ukwd_diag diag;

	(void)state;
	assert_int_equal(ukwd_calendar_new_uk_files(NULL, UKWD_UK_ALL, 2029,
	                                            2031, &f, 1, &diag),
	                 UKWD_EINVAL);
	assert_int_equal(diag.code, UKWD_EINVAL);
	assert_int_equal(ukwd_calendar_new_uk_files(&cal, UKWD_UK_ALL, 2029,
	                                            2031, NULL, 1, &diag),
	                 UKWD_EINVAL);
	assert_ptr_equal(cal, sentinel);
	assert_int_equal(ukwd_calendar_new_uk_files(&cal, UKWD_UK_ALL, 1970,
	                                            2031, &f, 1, &diag),
	                 UKWD_ERANGE);
	assert_ptr_equal(cal, sentinel);
	assert_int_equal(ukwd_calendar_new_uk_files(&cal, UKWD_UK_ALL, 2031,
	                                            2029, &f, 1, &diag),
	                 UKWD_EINVAL);
	assert_ptr_equal(cal, sentinel);
	/* Neither JSON nor iCalendar. */
	assert_int_equal(ukwd_calendar_new_uk_files(&cal, UKWD_UK_ALL, 2029,
	                                            2031, &junk, 1, &diag),
	                 UKWD_EPARSE);
	assert_string_equal(diag.source, "junk.txt");
	assert_ptr_equal(cal, sentinel);
	/* No file: the plain UK calendar. */
	{
		ukwd_calendar *rules = uk_calendar(UKWD_UK_ALL, 2029, 2031);

		cal = NULL;
		assert_int_equal(ukwd_calendar_new_uk_files(&cal, UKWD_UK_ALL,
		                                            2029, 2031, NULL, 0,
		                                            &diag),
		                 0);
		assert_non_null(cal);
		assert_same_calendar(rules, cal, SAME_PROVENANCE, "no file");
		ukwd_calendar_free(cal);
		ukwd_calendar_free(rules);
	}
}

/* "divisions: UKWD_UK_* bits, not 0"; errors "as ukwd_calendar_new_uk()",
 * which gives UKWD_EINVAL for no division or an unknown bit. */
static void
test_files__no_division_or_an_unknown_bit_is_einval(void **state)
{
	ukwd_holiday_file f =
	    holiday_file("a.ics", ew_2030_a, UKWD_UK_ENGLAND_WALES);
	static const unsigned int bad[] = {0, 0x8u, UKWD_UK_ALL | 0x8u};
	ukwd_calendar *sentinel = (ukwd_calendar *)&f;

	(void)state;
	for (size_t i = 0; i < NDAYS(bad); i++) {
		ukwd_calendar *cal = sentinel;
		ukwd_diag diag;
		int rc;

		assert_int_equal(ukwd_calendar_new_uk(&cal, bad[i], 2029, 2031),
		                 UKWD_EINVAL);
		rc = ukwd_calendar_new_uk_files(&cal, bad[i], 2029, 2031, &f, 1,
		                                &diag);
		if (rc != UKWD_EINVAL)
			fail_msg(
			    "divisions 0x%x with a file: %s (calendar %s), "
			    "expected UKWD_EINVAL",
			    bad[i], ukwd_err_name(rc),
			    cal == sentinel ? "untouched"
			    : cal           ? "made"
			                    : "NULL");
		assert_ptr_equal(cal, sentinel);
	}
}

/* ------------------------------------------------------------------ */
/* Recurrence and multi-day events */

static void
test_recurrence__yearly_24_december_over_the_range(void **state)
{
	static const char text[] =
	    ICS_ONE("DTSTART;VALUE=DATE:20001224\r\nRRULE:FREQ=YEARLY\r\n"
	            "SUMMARY:Closed\r\n");
	struct day want[11];
	ukwd_calendar *cal;

	(void)state;
	for (int i = 0; i < 11; i++)
		want[i] = (struct day){2010 + i, 12, 24, "Closed"};
	cal = plain_import(text, ymd(2010, 1, 1), ymd(2020, 12, 31));
	assert_holidays_exactly(cal, want, 11);
	ukwd_calendar_free(cal);

	/* A range starting just after one 24 December and ending just
	 * before another: 2011 to 2019 only. */
	cal = plain_import(text, ymd(2010, 12, 25), ymd(2020, 12, 23));
	assert_holidays_exactly(cal, want + 1, 9);
	ukwd_calendar_free(cal);

	/* A range before DTSTART: nothing. */
	cal = plain_import(text, ymd(1990, 1, 1), ymd(2000, 12, 23));
	assert_int_equal(count_holidays(cal), 0);
	ukwd_calendar_free(cal);
}

static void
test_recurrence__exdate_removes_and_rdate_adds(void **state)
{
	static const char text[] =
	    ICS_ONE("DTSTART;VALUE=DATE:20001224\r\nRRULE:FREQ=YEARLY\r\n"
	            "EXDATE;VALUE=DATE:20151224\r\n"
	            "RDATE;VALUE=DATE:20160601\r\nSUMMARY:Closed\r\n");
	static const struct day want[] = {
	    {2013, 12, 24, "Closed"}, {2014, 12, 24, "Closed"},
	    {2016, 6, 1, "Closed"},   {2016, 12, 24, "Closed"},
	    {2017, 12, 24, "Closed"},
	};
	ukwd_calendar *cal;

	(void)state;
	cal = plain_import(text, ymd(2013, 1, 1), ymd(2017, 12, 31));
	assert_holidays_exactly(cal, want, NDAYS(want));
	ukwd_calendar_free(cal);
}

/* RFC 5545 3.8.5.1: EXDATE takes dates out of the recurrence set, which
 * is DTSTART, the RRULE's dates and the RDATEs. */
static void
test_recurrence__exdate_also_removes_an_rdate(void **state)
{
	static const char text[] =
	    ICS_ONE("DTSTART;VALUE=DATE:20160101\r\n"
	            "RDATE;VALUE=DATE:20160301\r\n"
	            "RDATE;VALUE=DATE:20160302\r\n"
	            "EXDATE;VALUE=DATE:20160301\r\nSUMMARY:Closed\r\n");
	static const struct day want[] = {{2016, 1, 1, "Closed"},
	                                  {2016, 3, 2, "Closed"}};
	ukwd_calendar *cal;

	(void)state;
	cal = plain_import(text, ymd(2016, 1, 1), ymd(2016, 12, 31));
	assert_holidays_exactly(cal, want, NDAYS(want));
	ukwd_calendar_free(cal);
}

static void
test_recurrence__count_and_until_limit_a_multi_day_rule(void **state)
{
	static const char count[] = ICS_ONE(
	    "DTSTART;VALUE=DATE:20110704\r\nDTEND;VALUE=DATE:20110706\r\n"
	    "RRULE:FREQ=YEARLY;COUNT=3\r\nSUMMARY:Summer\r\n");
	static const char until[] =
	    ICS_ONE("DTSTART;VALUE=DATE:20111224\r\n"
	            "RRULE:FREQ=YEARLY;UNTIL=20131224\r\nSUMMARY:Eve\r\n");
	static const struct day want_count[] = {
	    {2011, 7, 4, "Summer"}, {2011, 7, 5, "Summer"},
	    {2012, 7, 4, "Summer"}, {2012, 7, 5, "Summer"},
	    {2013, 7, 4, "Summer"}, {2013, 7, 5, "Summer"},
	};
	static const struct day want_until[] = {{2011, 12, 24, "Eve"},
	                                        {2012, 12, 24, "Eve"},
	                                        {2013, 12, 24, "Eve"}};
	ukwd_calendar *cal;

	(void)state;
	cal = plain_import(count, ymd(2010, 1, 1), ymd(2020, 12, 31));
	assert_holidays_exactly(cal, want_count, NDAYS(want_count));
	ukwd_calendar_free(cal);
	cal = plain_import(until, ymd(2010, 1, 1), ymd(2020, 12, 31));
	assert_holidays_exactly(cal, want_until, NDAYS(want_until));
	ukwd_calendar_free(cal);
}

static void
test_events__dtend_duration_or_neither(void **state)
{
	/* clang-format off */
	static const char text[] =
		ICS_HEAD
		ICS_EVENT("three", "DTSTART;VALUE=DATE:20150302\r\n"
		                   "DTEND;VALUE=DATE:20150305\r\n"
		                   "SUMMARY:Three\r\n")
		ICS_EVENT("two", "DTSTART;VALUE=DATE:20150406\r\n"
		                 "DURATION:P2D\r\n"
		                 "SUMMARY:Two\r\n")
		ICS_EVENT("week", "DTSTART;VALUE=DATE:20150504\r\n"
		                  "DURATION:P1W\r\n"
		                  "SUMMARY:Week\r\n")
		ICS_EVENT("one", "DTSTART;VALUE=DATE:20150601\r\n"
		                 "SUMMARY:One\r\n")
		ICS_TAIL;
	/* clang-format on */
	static const struct day want[] = {
	    {2015, 3, 2, "Three"}, {2015, 3, 3, "Three"}, {2015, 3, 4, "Three"},
	    {2015, 4, 6, "Two"},   {2015, 4, 7, "Two"},   {2015, 5, 4, "Week"},
	    {2015, 5, 5, "Week"},  {2015, 5, 6, "Week"},  {2015, 5, 7, "Week"},
	    {2015, 5, 8, "Week"},  {2015, 5, 9, "Week"},  {2015, 5, 10, "Week"},
	    {2015, 6, 1, "One"},
	};
	ukwd_calendar *cal;

	(void)state;
	cal = plain_import(text, ymd(2015, 1, 1), ymd(2015, 12, 31));
	assert_holidays_exactly(cal, want, NDAYS(want));
	ukwd_calendar_free(cal);
}

/* An iCalendar stream may hold several VCALENDAR objects: import them
 * all, or refuse the text; never take the first and drop the rest. */
static void
test_events__a_second_vcalendar_is_not_silently_dropped(void **state)
{
	/* clang-format off */
	static const char text[] =
		ICS_HEAD ICS_DAY("20230601", "First") ICS_TAIL
		ICS_HEAD ICS_DAY("20230602", "Second") ICS_TAIL;
	/* clang-format on */
	ukwd_calendar_builder *b =
	    plain_builder(ymd(2023, 1, 1), ymd(2023, 12, 31));
	ukwd_calendar *cal;
	ukwd_diag diag;

	(void)state;
	/* Documented in ukwd_ical_import(): every VCALENDAR of the text is
	 * imported. */
	assert_int_equal(import_text(b, text, 0, &diag), 0);
	cal = build(b);
	assert_string_equal(
	    PRINTABLE(ukwd_calendar_holiday_name(cal, ymd(2023, 6, 1))),
	    "First");
	assert_string_equal(
	    PRINTABLE(ukwd_calendar_holiday_name(cal, ymd(2023, 6, 2))),
	    "Second");
	assert_int_equal(count_holidays(cal), 2);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

static void
test_events__a_multi_day_event_is_clipped_to_the_range(void **state)
{
	/* clang-format off */
	static const char text[] =
		ICS_HEAD
		ICS_EVENT("start", "DTSTART;VALUE=DATE:20091230\r\n"
		                   "DTEND;VALUE=DATE:20100103\r\n"
		                   "SUMMARY:Start\r\n")
		ICS_EVENT("end", "DTSTART;VALUE=DATE:20101230\r\n"
		                 "DTEND;VALUE=DATE:20110103\r\n"
		                 "SUMMARY:End\r\n")
		ICS_EVENT("out", "DTSTART;VALUE=DATE:20120101\r\n"
		                 "SUMMARY:Out\r\n")
		ICS_TAIL;
	/* clang-format on */
	static const struct day want[] = {
	    {2010, 1, 1, "Start"},
	    {2010, 1, 2, "Start"},
	    {2010, 12, 30, "End"},
	    {2010, 12, 31, "End"},
	};
	ukwd_calendar *cal;

	(void)state;
	cal = plain_import(text, ymd(2010, 1, 1), ymd(2010, 12, 31));
	assert_holidays_exactly(cal, want, NDAYS(want));
	ukwd_calendar_free(cal);
}

/* FREQ=DAILY from the first day: one instance per day, within budget; it
 * makes every day a holiday, so the build has no working day. */
static void
test_recurrence__daily_over_1971_2100_closes_every_day(void **state)
{
	static const char text[] =
	    ICS_ONE("DTSTART;VALUE=DATE:19710101\r\nRRULE:FREQ=DAILY\r\n"
	            "SUMMARY:Closed\r\n");
	ukwd_date first = ymd(1971, 1, 1), last = ymd(2100, 12, 31);
	ukwd_calendar_builder *b = plain_builder(first, last);
	ukwd_calendar *cal = NULL;
	ukwd_diag diag;
	int32_t working = -1;

	(void)state;
	import_ok(b, text, 0);
	assert_int_equal(ukwd_calendar_build(&cal, b, &diag), UKWD_EINVAL);
	assert_null(cal);
	assert_non_null(strstr(diag.message, "no working day"));
	/* Open one Thursday: it is then the only working day. */
	assert_int_equal(
	    ukwd_calendar_builder_remove_holiday(b, ymd(2000, 6, 1)), 0);
	cal = build(b);
	assert_int_equal(
	    ukwd_workday_count_inclusive(&working, cal, first, last), 0);
	assert_int_equal(working, 1);
	assert_int_equal(count_holidays(cal), last - first);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

/* A rule finer than a day (HOURLY on a date) would repeat each date 24
 * times at a cost of seconds: refused, naming the RRULE, builder
 * unchanged. */
static void
test_recurrence__an_hourly_rule_is_refused_and_changes_nothing(void **state)
{
	/* clang-format off */
	static const char text[] =
		ICS_HEAD
		ICS_DAY("20100601", "Kept")
		ICS_EVENT("hourly", "DTSTART;VALUE=DATE:20100101\r\n"
		                    "RRULE:FREQ=HOURLY\r\n"
		                    "SUMMARY:Hourly\r\n")
		ICS_TAIL;
	/* clang-format on */
	ukwd_calendar_builder *b =
	    uk_builder(UKWD_UK_ENGLAND_WALES, 2010, 2020);
	ukwd_calendar *before = build(b), *after;
	ukwd_diag diag;

	(void)state;
	assert_int_equal(import_text(b, text, 0, &diag), UKWD_EPARSE);
	assert_int_equal(diag.code, UKWD_EPARSE);
	assert_int_equal(diag.line, 12); /* the RRULE */
	assert_non_null(strstr(diag.message, "FREQ=HOURLY"));
	after = build(b);
	assert_same_calendar(before, after, SAME_PROVENANCE, "after ERANGE");
	ukwd_calendar_free(before);
	ukwd_calendar_free(after);
	ukwd_calendar_builder_free(b);
}

/* Every Friday since 1971, into a calendar for 2023: 52 days, far fewer
 * than the range holds, so not UKWD_ERANGE however old the rule is. */
static void
test_recurrence__a_weekly_rule_from_long_before_the_range_is_fine(void **state)
{
	static const char text[] =
	    ICS_ONE("DTSTART;VALUE=DATE:19710101\r\n"
	            "RRULE:FREQ=WEEKLY;BYDAY=FR\r\nSUMMARY:Friday\r\n");
	ukwd_calendar_builder *b =
	    plain_builder(ymd(2023, 1, 1), ymd(2023, 12, 31));
	ukwd_calendar *cal;
	ukwd_diag diag;
	int rc;

	(void)state;
	rc = import_text(b, text, 0, &diag);
	if (rc)
		fail_msg("%s at line %d: %s", ukwd_err_name(rc), diag.line,
		         diag.message);
	cal = build(b);
	assert_int_equal(count_holidays(cal), 52);
	assert_int_equal(is_working(cal, ymd(2023, 6, 2)), 0);
	assert_int_equal(is_working(cal, ymd(2023, 6, 1)), 1);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

/* ------------------------------------------------------------------ */
/* Detection */

#define DETECT(s) ukwd_holidays_detect((s), strlen(s))

static void
test_detect__formats(void **state)
{
	static const char bom_ics[] = "\xEF\xBB\xBF"
	                              "BEGIN:VCALENDAR\r\n";
	static const char bom_json[] = "\xEF\xBB\xBF \r\n\t{}";

	(void)state;
	assert_int_equal(DETECT("{\"scotland\":{}}"), UKWD_HOLIDAYS_GOVUK_JSON);
	assert_int_equal(DETECT("  \n{}"), UKWD_HOLIDAYS_GOVUK_JSON);
	assert_int_equal(ukwd_holidays_detect(bom_json, strlen(bom_json)),
	                 UKWD_HOLIDAYS_GOVUK_JSON);
	assert_int_equal(DETECT("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
	                 UKWD_HOLIDAYS_ICAL);
	assert_int_equal(ukwd_holidays_detect(bom_ics, strlen(bom_ics)),
	                 UKWD_HOLIDAYS_ICAL);
	assert_int_equal(DETECT("begin:vcalendar\n"), UKWD_HOLIDAYS_ICAL);
	assert_int_equal(DETECT("\r\n BEGIN:VCALENDAR"), UKWD_HOLIDAYS_ICAL);
	assert_int_equal(ukwd_holidays_detect("", 0), UKWD_HOLIDAYS_UNKNOWN);
	assert_int_equal(ukwd_holidays_detect("\xEF\xBB\xBF", 3),
	                 UKWD_HOLIDAYS_UNKNOWN);
	assert_int_equal(DETECT("   \r\n"), UKWD_HOLIDAYS_UNKNOWN);
	assert_int_equal(DETECT("hello, world"), UKWD_HOLIDAYS_UNKNOWN);
	assert_int_equal(DETECT("[{}]"), UKWD_HOLIDAYS_UNKNOWN);
	assert_int_equal(DETECT("BEGIN:VEVENT\r\n"), UKWD_HOLIDAYS_UNKNOWN);
	assert_int_equal(DETECT("X-BEGIN:VCALENDAR"), UKWD_HOLIDAYS_UNKNOWN);
	/* Only `size` bytes count: a prefix is not enough. */
	assert_int_equal(ukwd_holidays_detect("BEGIN:VCALENDAR", 10),
	                 UKWD_HOLIDAYS_UNKNOWN);
	assert_int_equal(ukwd_holidays_detect("   {", 3),
	                 UKWD_HOLIDAYS_UNKNOWN);
	assert_int_equal(ukwd_holidays_detect(NULL, 0), UKWD_HOLIDAYS_UNKNOWN);
}

/* The importers take what detection accepts: a UTF-8 byte order mark,
 * lower case (iCalendar names are case-insensitive), bare LF lines. */
static void
import_one_day(const char *text, const char *name)
{
	const struct day want = {2023, 6, 1, name};
	ukwd_calendar *cal =
	    plain_import(text, ymd(2023, 1, 1), ymd(2023, 12, 31));

	assert_holidays_exactly(cal, &want, 1);
	ukwd_calendar_free(cal);
}

static void
test_detect__an_ics_with_a_byte_order_mark_imports(void **state)
{
	(void)state;
	import_one_day("\xEF\xBB\xBF" ICS_HEAD ICS_DAY("20230601", "With a BOM")
	                   ICS_TAIL,
	               "With a BOM");
}

static void
test_detect__a_lower_case_ics_imports(void **state)
{
	(void)state;
	import_one_day(
	    "begin:vcalendar\r\nversion:2.0\r\nprodid:-//x//y//EN\r\n"
	    "begin:vevent\r\nuid:lower@test\r\n"
	    "dtstart;value=date:20230601\r\nsummary:Lower case\r\n"
	    "end:vevent\r\nend:vcalendar\r\n",
	    "Lower case");
}

static void
test_detect__an_ics_with_bare_lf_lines_imports(void **state)
{
	(void)state;
	import_one_day("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//y//EN\n"
	               "BEGIN:VEVENT\nUID:lf@test\n"
	               "DTSTART;VALUE=DATE:20230601\nSUMMARY:Bare LF\n"
	               "END:VEVENT\nEND:VCALENDAR\n",
	               "Bare LF");
}

/* ------------------------------------------------------------------ */
/* Arguments, features, diag */

static void
test_arguments__errors_are_einval_and_change_nothing(void **state)
{
	static const char text[] = ICS_HEAD ICS_DAY("20230601", "Day") ICS_TAIL;
	static const char json[] =
	    "{\"scotland\":{\"division\":\"scotland\",\"events\":[]}}";
	ukwd_calendar_builder *b =
	    uk_builder(UKWD_UK_ENGLAND_WALES, 2023, 2023);
	ukwd_calendar_builder *no_range = NULL;
	ukwd_calendar *before = build(b), *after;
	size_t n = strlen(text), nj = strlen(json);
	ukwd_diag diag;

	(void)state;
	assert_int_equal(ukwd_calendar_builder_new(&no_range), 0);

	assert_int_equal(ukwd_ical_import(NULL, text, n, 0, &diag),
	                 UKWD_EINVAL);
	assert_int_equal(diag.code, UKWD_EINVAL);
	assert_int_equal(ukwd_ical_import(b, NULL, n, 0, &diag), UKWD_EINVAL);
	assert_int_equal(ukwd_ical_import(b, text, n, 0x2u, &diag),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_ical_import(b, text, n, 0x80000000u, NULL),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_ical_import(no_range, text, n, 0, &diag),
	                 UKWD_EINVAL);
	assert_int_equal(diag.code, UKWD_EINVAL);

	assert_int_equal(
	    ukwd_govuk_json_import(NULL, json, nj, UKWD_UK_SCOTLAND, 0, &diag),
	    UKWD_EINVAL);
	assert_int_equal(
	    ukwd_govuk_json_import(b, NULL, nj, UKWD_UK_SCOTLAND, 0, &diag),
	    UKWD_EINVAL);
	assert_int_equal(ukwd_govuk_json_import(b, json, nj, 0, 0, &diag),
	                 UKWD_EINVAL);
	assert_int_equal(ukwd_govuk_json_import(b, json, nj, 0x8u, 0, &diag),
	                 UKWD_EINVAL);
	assert_int_equal(
	    ukwd_govuk_json_import(b, json, nj, UKWD_UK_SCOTLAND, 0x2u, &diag),
	    UKWD_EINVAL);
	assert_int_equal(ukwd_govuk_json_import(no_range, json, nj,
	                                        UKWD_UK_SCOTLAND, 0, &diag),
	                 UKWD_EINVAL);
	assert_int_equal(diag.code, UKWD_EINVAL);

	after = build(b);
	assert_same_calendar(before, after, SAME_PROVENANCE, "after EINVAL");
	ukwd_calendar_free(before);
	ukwd_calendar_free(after);
	ukwd_calendar_builder_free(b);
	ukwd_calendar_builder_free(no_range);
}

static void
test_arguments__success_clears_the_diag(void **state)
{
	static const char text[] = ICS_HEAD ICS_DAY("20230601", "Day") ICS_TAIL;
	static const char json[] =
	    "{\"scotland\":{\"division\":\"scotland\",\"events\":[]}}";
	ukwd_calendar_builder *b =
	    plain_builder(ymd(2023, 1, 1), ymd(2023, 12, 31));
	ukwd_diag diag;

	(void)state;
	memset(&diag, 'x', sizeof(diag));
	assert_int_equal(import_text(b, text, 0, &diag), 0);
	assert_int_equal(diag.code, 0);
	assert_int_equal(diag.line, 0);
	assert_string_equal(diag.source, "");
	assert_string_equal(diag.message, "");
	memset(&diag, 'x', sizeof(diag));
	assert_int_equal(ukwd_govuk_json_import(b, json, strlen(json),
	                                        UKWD_UK_SCOTLAND, 0, &diag),
	                 0);
	assert_int_equal(diag.code, 0);
	assert_string_equal(diag.source, "");
	assert_string_equal(diag.message, "");
	ukwd_calendar_builder_free(b);
}

static void
test_features__ical_and_json_are_built_in(void **state)
{
	(void)state;
	assert_int_equal(ukwd_has_feature(UKWD_FEATURE_ICAL), 1);
	assert_int_equal(ukwd_has_feature(UKWD_FEATURE_JSON), 1);
	assert_int_equal(ukwd_has_feature((ukwd_feature)0), 0);
	assert_int_equal(ukwd_has_feature((ukwd_feature)1000), 0);
}

/* ------------------------------------------------------------------ */
/* Issue 13: the whole calendar range, bounded work, clean text */

/* Every date the calendar holds is written as itself: libical 3.0 writes
 * dates after 3000 as 00000000. The last day of 9999 has no next day to
 * be a DTEND, so it must still come back as one day. */
static void
test_round_trip__dates_in_1971_3000_3001_and_9999(void **state)
{
	static const struct day days[] = {
	    {1971, 6, 1, "Early"},   {3000, 12, 31, "Last of 3000"},
	    {3001, 1, 2, "In 3001"}, {9999, 12, 30, "Next to last"},
	    {9999, 12, 31, "Last"},
	};
	static const char *const want_text[] = {
	    "DTSTART;VALUE=DATE:19710601", "DTSTART;VALUE=DATE:30001231",
	    "DTEND;VALUE=DATE:30010101",   "DTSTART;VALUE=DATE:30010102",
	    "DTEND;VALUE=DATE:30010103",   "DTSTAMP:30010102T000000Z",
	    "DTSTART;VALUE=DATE:99991231", "DTSTAMP:99991231T000000Z",
	};
	ukwd_date first = ymd(1971, 1, 1), last = ymd(9999, 12, 31);
	ukwd_calendar_builder *b = plain_builder(first, last);
	ukwd_calendar *original, *copy;
	struct sink s;

	(void)state;
	for (size_t i = 0; i < NDAYS(days); i++)
		assert_int_equal(
		    ukwd_calendar_builder_add_holiday(
		        b, ymd(days[i].y, days[i].m, days[i].d), days[i].name),
		    0);
	original = build(b);
	ukwd_calendar_builder_free(b);
	assert_int_equal(export_to(&s, original, first, last), 0);
	if (strstr(s.out.data, "00000000"))
		fail_msg("a date written as 00000000:\n%s", s.out.data);
	for (size_t i = 0; i < sizeof(want_text) / sizeof(want_text[0]); i++)
		if (!strstr(s.out.data, want_text[i]))
			fail_msg("no \"%s\" in:\n%s", want_text[i], s.out.data);
	b = plain_builder(first, last);
	import_ok(b, s.out.data, 0);
	copy = build(b);
	assert_int_equal(count_holidays(copy), (int)NDAYS(days));
	assert_same_days(original, copy, ymd(1971, 1, 1), ymd(1971, 12, 31),
	                 IGNORE_PROVENANCE, "1971");
	assert_same_days(original, copy, ymd(3000, 1, 1), ymd(3001, 12, 31),
	                 IGNORE_PROVENANCE, "3000 and 3001");
	assert_same_days(original, copy, ymd(9999, 1, 1), last,
	                 IGNORE_PROVENANCE, "9999");
	text_free(&s.out);
	ukwd_calendar_free(copy);
	ukwd_calendar_free(original);
	ukwd_calendar_builder_free(b);
}

/* The issue's command: Scotland's holidays of 3001 and of 9999, out and
 * back in, into a builder of the same weekend. */
static void
test_round_trip__scotland_in_3001_and_9999(void **state)
{
	static const int years[] = {1971, 3000, 3001, 9999};

	(void)state;
	for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
		ukwd_calendar *original =
		    uk_calendar(UKWD_UK_SCOTLAND, years[i], years[i]);
		ukwd_date first = ymd(years[i], 1, 1),
		          last = ymd(years[i], 12, 31);
		ukwd_calendar_builder *b = plain_builder(first, last);
		ukwd_calendar *copy;
		struct sink s;

		assert_int_equal(export_to(&s, original, first, last), 0);
		if (strstr(s.out.data, "00000000"))
			fail_msg("%d: a date written as 00000000", years[i]);
		import_ok(b, s.out.data, 0);
		copy = build(b);
		assert_same_calendar(original, copy, IGNORE_PROVENANCE,
		                     "Scotland");
		if (count_holidays(copy) < 6)
			fail_msg("%d: %d holidays", years[i],
			         count_holidays(copy));
		text_free(&s.out);
		ukwd_calendar_free(copy);
		ukwd_calendar_free(original);
		ukwd_calendar_builder_free(b);
	}
}

/* A plan in 9999 exported as events and as to-dos: the task ending on
 * 9999-12-31 ends with DURATION (no DTEND can be written), and the
 * events come back in as the days they cover. */
static void
test_export_schedule__a_task_in_9999_round_trips(void **state)
{
	ukwd_date first = ymd(9999, 1, 1), last = ymd(9999, 12, 31);
	ukwd_calendar_builder *b = plain_builder(first, last);
	ukwd_calendar *cal = build(b), *copy;
	ukwd_schedule *sched = NULL;
	ukwd_plan *plan = NULL;
	size_t a, m;
	struct sink s;
	ukwd_diag diag;

	(void)state;
	ukwd_calendar_builder_free(b);
	assert_int_equal(ukwd_plan_new(&plan), 0);
	assert_int_equal(ukwd_plan_add_task(&m, plan, "m", "Start", 0, NULL),
	                 0);
	assert_int_equal(ukwd_plan_add_task(&a, plan, "a", "Last", 10, NULL),
	                 0);
	assert_int_equal(
	    ukwd_plan_add_link(NULL, plan, m, a, UKWD_LINK_FS, 0, NULL, NULL),
	    0);
	assert_int_equal(ukwd_schedule_new(&sched, plan, cal, ymd(9999, 12, 20),
	                                   NULL, &diag),
	                 0);
	memset(&s, 0, sizeof(s));
	text_append(&s.out, "", 0);
	assert_int_equal(ukwd_ical_export_schedule(sched, 0, sink_write, &s),
	                 0);
	if (strstr(s.out.data, "00000000") ||
	    !strstr(s.out.data, "DTSTAMP:99991220T000000Z") ||
	    !strstr(s.out.data, "DTSTART;VALUE=DATE:99991220") ||
	    !strstr(s.out.data, "DTEND;VALUE=DATE:99991221") ||
	    !strstr(s.out.data, "DURATION:P12D"))
		fail_msg("wrong dates in:\n%s", s.out.data);
	b = plain_builder(first, last);
	import_ok(b, s.out.data, 0);
	copy = build(b);
	for (ukwd_date d = first; d <= last; d++)
		if ((ukwd_calendar_holiday_name(copy, d) != NULL) !=
		    (d >= ymd(9999, 12, 20)))
			fail_msg("re-imported: day %ld wrong", (long)d);
	ukwd_calendar_free(copy);
	ukwd_calendar_builder_free(b);
	text_free(&s.out);

	memset(&s, 0, sizeof(s));
	text_append(&s.out, "", 0);
	assert_int_equal(
	    ukwd_ical_export_schedule(sched, UKWD_ICAL_TODO, sink_write, &s),
	    0);
	if (strstr(s.out.data, "00000000") ||
	    !strstr(s.out.data, "DUE;VALUE=DATE:99991231") ||
	    !strstr(s.out.data, "DTSTART;VALUE=DATE:99991220"))
		fail_msg("wrong to-do dates in:\n%s", s.out.data);
	text_free(&s.out);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* Each task's RELATED-TO lines are the links into it, in plan order,
 * whatever order the links were added in (the export indexes the links
 * by successor once instead of scanning every link for every task). */
static void
test_export_schedule__relations_follow_their_successor(void **state)
{
	static const char *const ids[] = {"a", "b", "c", "d"};
	/* predecessor, successor, in the order they are added */
	static const int links[][2] = {{0, 2}, {1, 3}, {0, 1}, {1, 2}, {2, 3}};
	/* the RELATED-TO lines each task must have, in order */
	static const char *const want[4] = {
	    "",
	    "RELATED-TO;RELTYPE=FINISHTOSTART:ukwd-*-a@libukwd\n",
	    "RELATED-TO;RELTYPE=FINISHTOSTART:ukwd-*-a@libukwd\n"
	    "RELATED-TO;RELTYPE=FINISHTOSTART:ukwd-*-b@libukwd\n",
	    "RELATED-TO;RELTYPE=FINISHTOSTART:ukwd-*-b@libukwd\n"
	    "RELATED-TO;RELTYPE=FINISHTOSTART:ukwd-*-c@libukwd\n",
	};
	ukwd_calendar *cal = uk_calendar(UKWD_UK_ENGLAND_WALES, 2026, 2026);
	ukwd_schedule *sched = NULL;
	ukwd_plan *plan = NULL;
	const char *at;
	struct sink s;

	(void)state;
	assert_int_equal(ukwd_plan_new(&plan), 0);
	for (size_t t = 0; t < 4; t++)
		assert_int_equal(
		    ukwd_plan_add_task(NULL, plan, ids[t], NULL, 2, NULL), 0);
	for (size_t k = 0; k < NDAYS(links); k++)
		assert_int_equal(ukwd_plan_add_link(NULL, plan, links[k][0],
		                                    links[k][1], UKWD_LINK_FS,
		                                    0, NULL, NULL),
		                 0);
	assert_int_equal(
	    ukwd_schedule_new(&sched, plan, cal, ymd(2026, 3, 2), NULL, NULL),
	    0);
	memset(&s, 0, sizeof(s));
	text_append(&s.out, "", 0);
	assert_int_equal(ukwd_ical_export_schedule(sched, 0, sink_write, &s),
	                 0);
	at = s.out.data;
	for (size_t t = 0; t < 4; t++) {
		const char *begin = strstr(at, "BEGIN:VEVENT\r\n");
		const char *end =
		    begin ? strstr(begin, "END:VEVENT\r\n") : NULL;
		char got[512] = "";
		size_t len = 0;

		if (!end)
			fail_msg("task %s: no VEVENT in:\n%s", ids[t],
			         s.out.data);
		/* The RELATED-TO lines, the hash masked as "*". */
		for (const char *line = begin; line < end;
		     line = strstr(line, "\r\n") + 2) {
			const char *eol = strstr(line, "\r\n");
			const char *hash = strstr(line, "ukwd-");

			if (strncmp(line, "RELATED-TO", 10) != 0)
				continue;
			assert_true(hash && hash < eol && hash + 14 < eol);
			len += (size_t)snprintf(
			    got + len, sizeof(got) - len, "%.*s*%.*s\n",
			    (int)(hash + 5 - line), line,
			    (int)(eol - (hash + 13)), hash + 13);
		}
		if (strcmp(got, want[t]) != 0)
			fail_msg("task %s: RELATED-TO lines\n%s\nexpected\n%s",
			         ids[t], got, want[t]);
		at = end;
	}
	text_free(&s.out);
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* An event whose SUMMARY is `n` bytes of 'x', folded every 70 bytes or
 * on one physical line. The SUMMARY is line 7. */
static char *
long_summary_ics(size_t n, int fold)
{
	static const char head[] = ICS_HEAD "BEGIN:VEVENT\r\nUID:long@test\r\n"
	                                    "DTSTART;VALUE=DATE:20230601\r\n"
	                                    "SUMMARY:";
	static const char tail[] = "\r\nEND:VEVENT\r\n" ICS_TAIL;
	char *text = malloc(sizeof(head) + n + n / 70 * 3 + sizeof(tail));
	size_t len = sizeof(head) - 1;

	assert_non_null(text);
	memcpy(text, head, len);
	for (size_t i = 0; i < n; i++) {
		text[len++] = 'x';
		if (fold && i % 70 == 69 && i + 1 < n) {
			memcpy(text + len, "\r\n ", 3);
			len += 3;
		}
	}
	memcpy(text + len, tail, sizeof(tail));
	return text;
}

/* libical reads one long physical line in quadratic time: a line longer
 * than UKWD_ICAL_MAX_LINE is refused, naming it, before libical sees it;
 * a line of exactly the limit, and a long folded value, are read. */
static void
test_import__a_line_longer_than_the_limit_is_refused(void **state)
{
	const size_t prefix = strlen("SUMMARY:");
	ukwd_calendar_builder *b =
	    plain_builder(ymd(2023, 1, 1), ymd(2023, 12, 31));
	ukwd_calendar *cal;
	ukwd_diag diag;
	char *text;

	(void)state;
	text = long_summary_ics(UKWD_ICAL_MAX_LINE + 1 - prefix, 0);
	assert_int_equal(import_text(b, text, 0, &diag), UKWD_EPARSE);
	assert_int_equal(diag.line, 7);
	assert_non_null(strstr(diag.message, "65536"));
	free(text);
	/* 8 MB on one line, as the adversarial run sent it. */
	text = long_summary_ics((size_t)8 << 20, 0);
	assert_int_equal(import_text(b, text, 0, &diag), UKWD_EPARSE);
	assert_int_equal(diag.line, 7);
	free(text);
	cal = build(b);
	assert_int_equal(count_holidays(cal), 0);
	ukwd_calendar_free(cal);

	text = long_summary_ics(UKWD_ICAL_MAX_LINE - prefix, 0);
	import_ok(b, text, 0);
	free(text);
	cal = build(b);
	assert_int_equal(
	    strlen(ukwd_calendar_holiday_name(cal, ymd(2023, 6, 1))),
	    UKWD_ICAL_MAX_LINE - prefix);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);

	/* The same 8 MB folded is read. */
	b = plain_builder(ymd(2023, 1, 1), ymd(2023, 12, 31));
	text = long_summary_ics((size_t)8 << 20, 1);
	import_ok(b, text, 0);
	free(text);
	cal = build(b);
	assert_int_equal(
	    strlen(ukwd_calendar_holiday_name(cal, ymd(2023, 6, 1))),
	    (size_t)8 << 20);
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

/* Every rule finer than a day, and every BYHOUR, BYMINUTE or BYSECOND,
 * is refused at once (each cost 33 s in a 216-byte file), naming the
 * line of the RRULE. */
static void
test_recurrence__rules_finer_than_a_day_are_refused_at_once(void **state)
{
	static const char *const rules[] = {
	    "FREQ=SECONDLY",          "FREQ=MINUTELY",
	    "FREQ=HOURLY;INTERVAL=1", "FREQ=DAILY;BYHOUR=1,2,3",
	    "FREQ=DAILY;BYMINUTE=5",  "FREQ=YEARLY;BYSECOND=1,2",
	};
	ukwd_calendar_builder *b =
	    plain_builder(ymd(1971, 1, 1), ymd(9999, 12, 31));

	(void)state;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		char text[512];
		ukwd_diag diag;

		snprintf(text, sizeof(text),
		         ICS_HEAD "BEGIN:VEVENT\r\nUID:x@test\r\n"
		                  "DTSTART;VALUE=DATE:19710101\r\n"
		                  "RRULE:%s\r\nSUMMARY:Fine\r\n"
		                  "END:VEVENT\r\n" ICS_TAIL,
		         rules[i]);
		assert_int_equal(import_text(b, text, 0, &diag), UKWD_EPARSE);
		assert_int_equal(diag.line, 7);
		assert_non_null(strstr(diag.message, "finer than a day"));
	}
	ukwd_calendar_builder_free(b);
}

/* The whole file's work is bounded, not each rule's: a whole-range event
 * that repeats daily would make 3.6 M x 3.6 M days; many daily events
 * each within budget add up past UKWD_ICAL_MAX_DAYS. Both are ERANGE,
 * and the builder is unchanged. */
static void
test_import__the_whole_file_is_bounded_by_max_days(void **state)
{
	static const char quadratic[] =
	    ICS_ONE("DTSTART;VALUE=DATE:19710101\r\n"
	            "DTEND;VALUE=DATE:25001231\r\n"
	            "RRULE:FREQ=DAILY\r\nSUMMARY:Everything\r\n");
	struct text many = {NULL, 0, 0};
	ukwd_calendar_builder *b =
	    plain_builder(ymd(1971, 1, 1), ymd(2500, 12, 31));
	ukwd_calendar *cal;
	ukwd_diag diag;

	(void)state;
	assert_int_equal(import_text(b, quadratic, 0, &diag), UKWD_ERANGE);
	assert_non_null(strstr(diag.message, "UKWD_ICAL_MAX_DAYS"));
	/* 40 events, each closing every day 1971-2500 (193,000 days):
	 * 7.7 M days in all. */
	text_append(&many, ICS_HEAD, strlen(ICS_HEAD));
	for (int i = 0; i < 40; i++) {
		char event[256];
		int n = snprintf(event, sizeof(event),
		                 "BEGIN:VEVENT\r\nUID:%d@test\r\n"
		                 "DTSTART;VALUE=DATE:19710101\r\n"
		                 "DTEND;VALUE=DATE:25010101\r\n"
		                 "SUMMARY:Closed\r\nEND:VEVENT\r\n",
		                 i);

		text_append(&many, event, (size_t)n);
	}
	text_append(&many, ICS_TAIL, strlen(ICS_TAIL));
	assert_int_equal(import_text(b, many.data, 0, &diag), UKWD_ERANGE);
	assert_non_null(strstr(diag.message, "UKWD_ICAL_MAX_DAYS"));
	cal = build(b);
	assert_int_equal(count_holidays(cal), 0);
	ukwd_calendar_free(cal);
	text_free(&many);
	ukwd_calendar_builder_free(b);
}

/* Many EXDATEs over a daily rule cost no more than the rule. */
static void
test_recurrence__many_exdates_are_each_applied(void **state)
{
	struct text t = {NULL, 0, 0};
	static const char head[] = ICS_HEAD "BEGIN:VEVENT\r\nUID:x@test\r\n"
	                                    "DTSTART;VALUE=DATE:20000101\r\n"
	                                    "RRULE:FREQ=DAILY\r\n"
	                                    "SUMMARY:Closed\r\n";
	ukwd_date first = ymd(2000, 1, 1), last = ymd(2099, 12, 31);
	ukwd_calendar_builder *b = plain_builder(first, last);
	ukwd_calendar *cal;
	int open = 0;

	(void)state;
	text_append(&t, head, strlen(head));
	/* Every other day open: 18,262 EXDATEs. */
	for (ukwd_date d = first; d <= last; d += 2) {
		char line[64];
		int y, m, day, n;

		ukwd_date_to_ymd(d, &y, &m, &day);
		n = snprintf(line, sizeof(line),
		             "EXDATE;VALUE=DATE:%04d%02d%02d\r\n", y, m, day);
		text_append(&t, line, (size_t)n);
	}
	text_append(&t, "END:VEVENT\r\n" ICS_TAIL,
	            strlen("END:VEVENT\r\n" ICS_TAIL));
	import_ok(b, t.data, 0);
	cal = build(b);
	for (ukwd_date d = first; d <= last; d++)
		open += ukwd_calendar_holiday_name(cal, d) == NULL;
	assert_int_equal(open, (last - first) / 2 + 1);
	ukwd_calendar_free(cal);
	text_free(&t);
	ukwd_calendar_builder_free(b);
}

/* The years an official file covers are the years that have its days: a
 * GOV.UK JSON or an .ics with days in 2012 and 2030 only must not wipe
 * the bank holidays of 2013-2029, nor make those years official. */
static void
check_gap_years_kept(const ukwd_calendar *before, const ukwd_calendar *after,
                     const char *what)
{
	assert_same_days(before, after, ymd(2013, 1, 1), ymd(2029, 12, 31),
	                 SAME_PROVENANCE, what);
	assert_same_days(before, after, ymd(2031, 1, 1), ymd(2035, 12, 31),
	                 SAME_PROVENANCE, what);
	if (is_working(after, ymd(2020, 12, 25)) ||
	    is_working(after, ymd(2025, 12, 25)))
		fail_msg("%s: Christmas between the file's years is working",
		         what);
	/* The file's own years: official, and their weekday holidays are
	 * the file's only (Boxing Day and Early May are working). */
	assert_provenance(after, 2012, 2012, UKWD_PROVENANCE_OFFICIAL);
	assert_provenance(after, 2030, 2030, UKWD_PROVENANCE_OFFICIAL);
	assert_int_equal(is_working(after, ymd(2012, 12, 26)), 1);
	assert_int_equal(is_working(after, ymd(2030, 12, 26)), 1);
	assert_int_equal(is_working(after, ymd(2030, 5, 6)), 1);
	assert_int_equal(is_working(after, ymd(2012, 12, 25)), 0);
	assert_string_equal(
	    ukwd_calendar_holiday_name(after, ymd(2030, 12, 25)),
	    "Christmas Day");
}

static void
test_official__a_file_with_days_in_2012_and_2030_only_covers_those_years(
    void **state)
{
	static const char json[] =
	    "{\"england-and-wales\": {\"division\": \"england-and-wales\", "
	    "\"events\": ["
	    "{\"title\": \"Christmas Day\", \"date\": \"2012-12-25\", "
	    "\"notes\": \"\", \"bunting\": true},"
	    "{\"title\": \"Christmas Day\", \"date\": \"2030-12-25\", "
	    "\"notes\": \"\", \"bunting\": true}]}}";
	/* clang-format off */
	static const char ics[] =
		ICS_HEAD
		ICS_DAY("20121225", "Christmas Day")
		ICS_DAY("20301225", "Christmas Day")
		ICS_TAIL;
	/* clang-format on */
	ukwd_calendar_builder *b =
	    uk_builder(UKWD_UK_ENGLAND_WALES, 2010, 2035);
	ukwd_calendar *before = build(b), *after;
	ukwd_holiday_file file = {"ew.json", json, sizeof(json) - 1, 0};
	ukwd_diag diag;

	(void)state;
	assert_int_equal(ukwd_govuk_json_import(b, json, sizeof(json) - 1,
	                                        UKWD_UK_ENGLAND_WALES,
	                                        UKWD_IMPORT_OFFICIAL, &diag),
	                 0);
	after = build(b);
	check_gap_years_kept(before, after, "GOV.UK JSON");
	ukwd_calendar_free(after);
	ukwd_calendar_builder_free(b);

	b = uk_builder(UKWD_UK_ENGLAND_WALES, 2010, 2035);
	import_ok(b, ics, UKWD_IMPORT_OFFICIAL);
	after = build(b);
	check_gap_years_kept(before, after, "official .ics");
	ukwd_calendar_free(after);
	ukwd_calendar_builder_free(b);

	assert_int_equal(ukwd_calendar_new_uk_files(&after,
	                                            UKWD_UK_ENGLAND_WALES, 2010,
	                                            2035, &file, 1, &diag),
	                 0);
	check_gap_years_kept(before, after, "ukwd_calendar_new_uk_files");
	ukwd_calendar_free(after);
	ukwd_calendar_free(before);
}

/* iCalendar text must be well-formed UTF-8 with no control character
 * but CR LF line ends (and a tab): what a terminal or a strict reader
 * would choke on. */
static void
assert_clean_ics(const char *text, const char *what)
{
	const unsigned char *p = (const unsigned char *)text;

	for (size_t i = 0; p[i];) {
		unsigned char c = p[i];
		size_t n = c < 0x80                 ? 1
		           : c >= 0xC2 && c <= 0xDF ? 2
		           : c >= 0xE0 && c <= 0xEF ? 3
		           : c >= 0xF0 && c <= 0xF4 ? 4
		                                    : 0;

		if (n == 0)
			fail_msg("%s: byte 0x%02X at %zu is not UTF-8", what, c,
			         i);
		for (size_t k = 1; k < n; k++)
			if ((p[i + k] & 0xC0) != 0x80)
				fail_msg("%s: bad UTF-8 at %zu", what, i);
		if (n == 2 && c == 0xC2 && p[i + 1] < 0xA0)
			fail_msg("%s: C1 control at %zu", what, i);
		if ((c == 0xED && p[i + 1] >= 0xA0) ||
		    (c == 0xE0 && p[i + 1] < 0xA0) ||
		    (c == 0xF0 && p[i + 1] < 0x90) ||
		    (c == 0xF4 && p[i + 1] >= 0x90))
			fail_msg("%s: surrogate or overlong at %zu", what, i);
		if (c == 0x7F || (c < 0x20 && c != '\t' &&
		                  !(c == '\r' && p[i + 1] == '\n') &&
		                  !(c == '\n' && i > 0 && p[i - 1] == '\r')))
			fail_msg("%s: control character 0x%02X at %zu", what, c,
			         i);
		i += n;
	}
}

#define FFFD "\xEF\xBF\xBD"
/* A name with an escape sequence, C0 and C1 controls, a bare CR, bytes
 * that are not UTF-8 (a stray 0xFF, an overlong NUL, a lone
 * continuation byte, a surrogate), a tab and a newline. */
static const char hostile_name[] = "Evil\x1B[31m\x01\r\xFF\xC0\x80\xBF"
                                   "\xED\xA0\x80\xC2\x9B name\tTab\nLine";
static const char hostile_clean[] =
    "Evil" FFFD "[31m" FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD FFFD
    " name\tTab\nLine";

/* SUMMARY and DESCRIPTION never carry raw control characters or invalid
 * UTF-8 (issue 13, item 12): each becomes U+FFFD, the document parses,
 * and a hostile name comes back as its cleaned form. */
static void
test_export__hostile_names_are_clean_text(void **state)
{
	ukwd_date first = ymd(2026, 1, 1), last = ymd(2026, 12, 31);
	ukwd_calendar_builder *b = plain_builder(first, last);
	ukwd_calendar *cal, *copy;
	ukwd_schedule *sched = NULL;
	ukwd_plan *plan = NULL;
	size_t task;
	struct sink s;

	(void)state;
	assert_int_equal(
	    ukwd_calendar_builder_add_holiday(b, ymd(2026, 6, 1), hostile_name),
	    0);
	cal = build(b);
	ukwd_calendar_builder_free(b);
	assert_int_equal(export_to(&s, cal, first, last), 0);
	assert_clean_ics(s.out.data, "calendar export");
	b = plain_builder(first, last);
	import_ok(b, s.out.data, 0);
	copy = build(b);
	assert_string_equal(ukwd_calendar_holiday_name(copy, ymd(2026, 6, 1)),
	                    hostile_clean);
	ukwd_calendar_free(copy);
	ukwd_calendar_builder_free(b);
	text_free(&s.out);

	/* A plan whose task name and source are hostile, as events and as
	 * to-dos. */
	assert_int_equal(ukwd_plan_new(&plan), 0);
	assert_int_equal(
	    ukwd_plan_add_task(&task, plan, "evil", hostile_name, 3, NULL), 0);
	{
		ukwd_source hostile = {UKWD_SOURCE_CHECKLIST, hostile_name,
		                       hostile_name};

		assert_int_equal(
		    ukwd_plan_set_task_source(plan, task, &hostile), 0);
	}
	assert_int_equal(
	    ukwd_schedule_new(&sched, plan, cal, ymd(2026, 3, 2), NULL, NULL),
	    0);
	for (unsigned int flags = 0; flags <= UKWD_ICAL_TODO; flags++) {
		memset(&s, 0, sizeof(s));
		text_append(&s.out, "", 0);
		assert_int_equal(
		    ukwd_ical_export_schedule(sched, flags, sink_write, &s), 0);
		assert_clean_ics(s.out.data, "schedule export");
		if (!strstr(s.out.data, "SUMMARY:Evil" FFFD "[31m"))
			fail_msg("no cleaned SUMMARY in:\n%s", s.out.data);
		if (!strstr(s.out.data, "Source: CHECKLIST: Evil" FFFD "[31m"))
			fail_msg("no cleaned source in:\n%s", s.out.data);
		if (flags == 0) {
			b = plain_builder(first, last);
			import_ok(b, s.out.data, 0);
			copy = build(b);
			assert_string_equal(
			    ukwd_calendar_holiday_name(copy, ymd(2026, 3, 2)),
			    hostile_clean);
			ukwd_calendar_free(copy);
			ukwd_calendar_builder_free(b);
		}
		text_free(&s.out);
	}
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */
/* Recurrence over the whole range (issue 13, item 2): libical 3.0 stops
 * after 2582; libukwd expands the common rules itself and refuses the
 * others past 2582 with a message. */

/* An iCalendar text of one event: DTSTART (YYYYMMDD) and an RRULE. */
static void
rule_ics(char *buf, size_t size, const char *dtstart, const char *rrule)
{
	snprintf(buf, size,
	         ICS_HEAD "BEGIN:VEVENT\r\nUID:rule@test\r\n"
	                  "DTSTART;VALUE=DATE:%s\r\nRRULE:%s\r\n"
	                  "SUMMARY:Rule\r\nEND:VEVENT\r\n" ICS_TAIL,
	         dtstart, rrule);
}

static void
test_recurrence__yearly_24_december_holds_to_9999(void **state)
{
	char text[512];
	ukwd_calendar *cal;
	int named = 0;

	(void)state;
	rule_ics(text, sizeof(text), "19711224", "FREQ=YEARLY");
	cal = plain_import(text, ymd(1971, 1, 1), ymd(9999, 12, 31));
	for (int y = 1971; y <= 9999; y++)
		named +=
		    ukwd_calendar_holiday_name(cal, ymd(y, 12, 24)) != NULL;
	assert_int_equal(named, 9999 - 1971 + 1);
	assert_int_equal(count_holidays(cal), 9999 - 1971 + 1);
	assert_int_equal(is_working(cal, ymd(2583, 12, 24)), 0);
	ukwd_calendar_free(cal);
}

static void
test_recurrence__daily_and_huge_count_run_to_9999(void **state)
{
	static const char *const rules[] = {"FREQ=DAILY",
	                                    "FREQ=DAILY;COUNT=2147483647",
	                                    "FREQ=DAILY;UNTIL=99991231"};
	/* From a few days before the rule, so that the calendar has a
	 * working day. */
	ukwd_date first = ymd(2500, 1, 1), last = ymd(9999, 12, 31);

	(void)state;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		char text[512];
		ukwd_calendar *cal;

		rule_ics(text, sizeof(text), "25000101", rules[i]);
		cal = plain_import(text, first - 7, last);
		if (count_holidays(cal) != last - first + 1)
			fail_msg("%s: %d days, expected %ld", rules[i],
			         count_holidays(cal), (long)(last - first + 1));
		ukwd_calendar_free(cal);
	}
}

/* Rules that start after 2582 are expanded, not refused. */
static void
test_recurrence__rules_starting_after_2582_expand(void **state)
{
	char text[512];
	ukwd_calendar *cal;

	(void)state;
	rule_ics(text, sizeof(text), "30000601", "FREQ=YEARLY");
	cal = plain_import(text, ymd(2990, 1, 1), ymd(9999, 12, 31));
	assert_int_equal(count_holidays(cal), 9999 - 3000 + 1);
	assert_non_null(ukwd_calendar_holiday_name(cal, ymd(9999, 6, 1)));
	assert_null(ukwd_calendar_holiday_name(cal, ymd(2999, 6, 1)));
	ukwd_calendar_free(cal);

	/* The last Monday of May, every year from 5000: 5000 to 9999. */
	rule_ics(text, sizeof(text), "50000526",
	         "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO");
	cal = plain_import(text, ymd(5000, 1, 1), ymd(9999, 12, 31));
	assert_int_equal(count_holidays(cal), 5000);
	assert_non_null(ukwd_calendar_holiday_name(cal, ymd(9999, 5, 31)));
	ukwd_calendar_free(cal);
}

/* A rule libukwd leaves to libical is expanded where the calendar ends
 * by 2582, and refused, naming the line and saying why, past it. */
static void
test_recurrence__rules_libical_cannot_finish_are_refused(void **state)
{
	static const char *const rules[] = {
	    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
	    "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSETPOS=366",
	    "FREQ=YEARLY;BYYEARDAY=100",
	    "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		ukwd_calendar_builder *b =
		    plain_builder(ymd(2000, 1, 1), ymd(3000, 12, 31));
		ukwd_calendar *cal;
		char text[512];
		ukwd_diag diag;
		int rc;

		rule_ics(text, sizeof(text), "20000101", rules[i]);
		rc = import_text(b, text, 0, &diag);
		if (rc != UKWD_ERANGE && rc != UKWD_EPARSE)
			fail_msg("%s: %s, expected a refusal", rules[i],
			         ukwd_err_name(rc));
		assert_int_equal(diag.line, 7);
		if (rc == UKWD_ERANGE && !strstr(diag.message, "2582"))
			fail_msg("%s: \"%s\" does not say why", rules[i],
			         diag.message);
		cal = build(b);
		assert_int_equal(count_holidays(cal), 0);
		ukwd_calendar_free(cal);
		ukwd_calendar_builder_free(b);
	}
	/* Within libical's reach the first one works: 12 last weekdays a
	 * year. */
	{
		char text[512];
		ukwd_calendar *cal;

		rule_ics(text, sizeof(text), "20000131", rules[0]);
		cal = plain_import(text, ymd(2000, 1, 1), ymd(2001, 12, 31));
		assert_int_equal(count_holidays(cal), 24);
		ukwd_calendar_free(cal);
	}
}

/* A BYSETPOS that no period of its rule can meet gives no day, and cost
 * libical 3.0 1.3-2.2 s of CPU for each such RRULE (its iterator looks
 * for a first instance period after period up to 2582): it is refused at
 * once, naming the line and the most a period can hold. A list with one
 * value a period can meet, and a position that only some periods meet,
 * still work. A FREQ=WEEKLY BYSETPOS that drops days of a week, which
 * libical 3.0 ignores, is refused too. */
static void
test_recurrence__a_bysetpos_no_period_can_meet_is_refused(void **state)
{
	static const struct {
		const char *rule, *message;
	} refused[] = {
	    /* the adversarial run's finding: no month has 41 weekdays */
	    {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=41",
	     "RRULE: BYSETPOS=41 picks no day: a FREQ=MONTHLY period of this "
	     "rule holds at most 23 days"},
	    /* nor 24: the bound is the rule's, not the month's 31 */
	    {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-24",
	     "BYSETPOS=-24 picks no day: a FREQ=MONTHLY period of this rule "
	     "holds at most 23 days"},
	    {"FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=1,2,3,4,5,6,7;BYSETPOS=2",
	     "holds at most 1 day"},
	    {"FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30;BYSETPOS=1",
	     "holds at most 0 days"},
	    {"FREQ=DAILY;BYSETPOS=2,-3", "BYSETPOS=2 picks no day: a "
	                                 "FREQ=DAILY period of this rule "
	                                 "holds at most 1 day"},
	    {"FREQ=WEEKLY;BYDAY=SA,SU;BYSETPOS=3", "holds at most 2 days"},
	    /* libical 3.0 ignores BYSETPOS with FREQ=WEEKLY: it gave every
	     * Saturday and Sunday for this one, not the Sundays */
	    {"FREQ=WEEKLY;BYDAY=SA,SU;BYSETPOS=2",
	     "RRULE: BYSETPOS with FREQ=WEEKLY that keeps only some days of a "
	     "period is not supported"},
	    {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1,28;BYSETPOS=3",
	     "FREQ=YEARLY period of this rule holds at most 2 days"},
	    {"FREQ=YEARLY;BYYEARDAY=1,2;BYSETPOS=3", "holds at most 2 days"},
	    {"FREQ=YEARLY;BYWEEKNO=20;BYSETPOS=-8", "holds at most 7 days"},
	    {"FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSETPOS=367",
	     "holds at most 366 days"},
	};
	static const struct {
		const char *rule;
		int days; /* in 2000-2010 */
	} kept[] = {
	    /* months with 23 weekdays: 2000-2010 has 34 of them (counted with
	     * Python's calendar module) */
	    {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=23", 34},
	    {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", 132},
	    {"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,41", 132},
	    {"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1,28;BYSETPOS=2", 3},
	    /* every day of each week kept: 573 weekends (Python) */
	    {"FREQ=WEEKLY;BYDAY=SA,SU;BYSETPOS=1,2", 1146},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		ukwd_calendar_builder *b =
		    plain_builder(ymd(2000, 1, 1), ymd(2010, 12, 31));
		ukwd_calendar *cal;
		char text[512];
		ukwd_diag diag;
		int rc;

		rule_ics(text, sizeof(text), "20000103", refused[i].rule);
		rc = import_text(b, text, 0, &diag);
		if (rc != UKWD_EPARSE)
			fail_msg("%s: %s (%s), expected UKWD_EPARSE",
			         refused[i].rule, ukwd_err_name(rc),
			         diag.message);
		assert_int_equal(diag.code, UKWD_EPARSE);
		assert_int_equal(diag.line, 7);
		if (!strstr(diag.message, refused[i].message))
			fail_msg("%s: \"%s\" does not say \"%s\"",
			         refused[i].rule, diag.message,
			         refused[i].message);
		cal = build(b);
		assert_int_equal(count_holidays(cal), 0);
		ukwd_calendar_free(cal);
		ukwd_calendar_builder_free(b);
	}
	for (size_t i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
		ukwd_calendar *cal;
		char text[512];

		rule_ics(text, sizeof(text), "20000103", kept[i].rule);
		cal = plain_import(text, ymd(2000, 1, 1), ymd(2010, 12, 31));
		if (count_holidays(cal) != kept[i].days)
			fail_msg("%s: %d days, expected %d", kept[i].rule,
			         count_holidays(cal), kept[i].days);
		ukwd_calendar_free(cal);
	}
}

/* RFC 5545 lets BYDAY take an ordinal only with FREQ=MONTHLY or YEARLY;
 * libical 3.0 matched no day for FREQ=DAILY;BYDAY=-1MO and walked every
 * day to 2582 first (0.4 s of CPU for each such RRULE). Refused now,
 * naming the line. */
static void
test_recurrence__an_ordinal_byday_needs_monthly_or_yearly(void **state)
{
	static const char *const rules[] = {
	    "FREQ=DAILY;BYMONTH=2;BYDAY=-1MO",
	    "FREQ=DAILY;BYDAY=1MO",
	    "FREQ=WEEKLY;BYDAY=MO,2TU",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		ukwd_calendar_builder *b =
		    plain_builder(ymd(2000, 1, 1), ymd(2010, 12, 31));
		char text[512];
		ukwd_diag diag;

		rule_ics(text, sizeof(text), "20000103", rules[i]);
		assert_int_equal(import_text(b, text, 0, &diag), UKWD_EPARSE);
		assert_int_equal(diag.line, 7);
		if (!strstr(diag.message, "BYDAY with an ordinal") ||
		    !strstr(diag.message,
		            i < 2 ? "not FREQ=DAILY" : "not FREQ=WEEKLY"))
			fail_msg("%s: \"%s\"", rules[i], diag.message);
		ukwd_calendar_builder_free(b);
	}
}

/* No month has a 6th Monday: FREQ=MONTHLY;BYDAY=6MO matched nothing and
 * cost libical 0.7 s of CPU for each such RRULE (fuzz-ics found a 582-byte
 * file taking 0.9 s). Refused when no day of the list can be met; a list
 * with one that can still works. */
static void
test_recurrence__a_byday_ordinal_no_month_holds_is_refused(void **state)
{
	static const struct {
		const char *rule, *message;
	} refused[] = {
	    {"FREQ=MONTHLY;COUNT=5;BYDAY=6MO",
	     "RRULE: BYDAY=6MO picks no day: a month holds at most 5 of each "
	     "weekday"},
	    {"FREQ=MONTHLY;BYDAY=-6MO,7FR", "BYDAY=7FR picks no day"},
	    {"FREQ=YEARLY;BYMONTH=3;BYDAY=6MO", "a month holds at most 5"},
	};
	char text[512];
	ukwd_calendar *cal;

	(void)state;
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		ukwd_calendar_builder *b =
		    plain_builder(ymd(2000, 1, 1), ymd(2030, 12, 31));
		ukwd_diag diag;

		rule_ics(text, sizeof(text), "20040101", refused[i].rule);
		assert_int_equal(import_text(b, text, 0, &diag), UKWD_EPARSE);
		assert_int_equal(diag.line, 7);
		if (!strstr(diag.message, refused[i].message))
			fail_msg("%s: \"%s\" does not say \"%s\"",
			         refused[i].rule, diag.message,
			         refused[i].message);
		ukwd_calendar_builder_free(b);
	}
	/* the first Tuesday of each month, 2004-2005: 24 */
	rule_ics(text, sizeof(text), "20040101",
	         "FREQ=MONTHLY;BYDAY=6MO,1TU;UNTIL=20051231");
	cal = plain_import(text, ymd(2000, 1, 1), ymd(2030, 12, 31));
	assert_int_equal(count_holidays(cal), 24);
	assert_non_null(ukwd_calendar_holiday_name(cal, ymd(2004, 1, 6)));
	ukwd_calendar_free(cal);
}

/* FREQ=DAILY with BYMONTHDAY (a limit) is libukwd's own now: libical
 * walked every day to 2582 for one that never matches (0.4 s) and could
 * not start before 1753. */
static void
test_recurrence__daily_bymonthday_is_expanded_over_the_whole_range(void **state)
{
	char text[512];
	ukwd_calendar *cal;

	(void)state;
	rule_ics(text, sizeof(text), "00010101",
	         "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29");
	cal = plain_import(text, ymd(1, 1, 1), ymd(9999, 12, 31));
	/* 2424 leap years in 0001-9999 (Python's calendar.isleap) */
	assert_int_equal(count_holidays(cal), 2424);
	assert_non_null(ukwd_calendar_holiday_name(cal, ymd(9996, 2, 29)));
	ukwd_calendar_free(cal);
	rule_ics(text, sizeof(text), "00010101",
	         "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30");
	cal = plain_import(text, ymd(1, 1, 1), ymd(9999, 12, 31));
	assert_int_equal(count_holidays(cal), 0);
	ukwd_calendar_free(cal);
	/* A day counted from the month's end, as RFC 5545 has it (libical
	 * 3.0 gave no day for FREQ=DAILY;BYMONTHDAY=-1): 132 month ends. */
	rule_ics(text, sizeof(text), "20000101", "FREQ=DAILY;BYMONTHDAY=-1");
	cal = plain_import(text, ymd(2000, 1, 1), ymd(2010, 12, 31));
	assert_int_equal(count_holidays(cal), 132);
	assert_non_null(ukwd_calendar_holiday_name(cal, ymd(2008, 2, 29)));
	ukwd_calendar_free(cal);
	/* A rule that starts after the range gives nothing, at once. */
	rule_ics(text, sizeof(text), "25000101",
	         "FREQ=YEARLY;BYYEARDAY=2;COUNT=21474");
	cal = plain_import(text, ymd(2000, 1, 1), ymd(2010, 12, 31));
	assert_int_equal(count_holidays(cal), 0);
	ukwd_calendar_free(cal);
}

struct holiday_list {
	ukwd_date day[131072];
	int count;
};

static int
list_one(ukwd_date d, const char *name, void *payload)
{
	struct holiday_list *list = payload;

	(void)name;
	if (list->count == 131072)
		return 1;
	list->day[list->count++] = d;
	return 0;
}

/* The same holidays (dates), for calendars with few of them. */
static void
assert_same_holidays(const ukwd_calendar *want, const ukwd_calendar *got,
                     const char *what)
{
	static struct holiday_list a, b;
	ukwd_date first, last;
	char buf[32], buf2[32];

	ukwd_calendar_range(want, &first, &last);
	a.count = b.count = 0;
	assert_int_equal(
	    ukwd_calendar_foreach_holiday(want, first, last, list_one, &a), 0);
	assert_int_equal(
	    ukwd_calendar_foreach_holiday(got, first, last, list_one, &b), 0);
	for (int i = 0; i < a.count || i < b.count; i++)
		if (i >= a.count || i >= b.count || a.day[i] != b.day[i])
			fail_msg(
			    "%s: holiday %d is %s, expected %s", what, i,
			    i < b.count ? show_date(b.day[i], buf) : "none",
			    i < a.count ? show_date(a.day[i], buf2) : "none");
}

/* libukwd's own expansion agrees with libical's iterator, day for day,
 * wherever libical reaches (to 2582): every rule form libukwd takes
 * over, from several DTSTARTs, with INTERVAL, COUNT and UNTIL. The test
 * has no libical of its own: the same rule with BYSETPOS=1,...,12 (which
 * keeps every instance of a period of at most 12, as each of these has)
 * is one libukwd leaves to libical. */
static void
test_recurrence__own_expansion_agrees_with_libical_to_2582(void **state)
{
	static const char *const rules[] = {
	    "FREQ=YEARLY",
	    "FREQ=YEARLY;INTERVAL=3",
	    "FREQ=YEARLY;BYMONTH=1,7",
	    "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24,31",
	    "FREQ=YEARLY;BYMONTHDAY=1",
	    "FREQ=YEARLY;BYMONTHDAY=-1;COUNT=40",
	    "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO",
	    "FREQ=YEARLY;BYMONTH=5;BYDAY=1MO",
	    "FREQ=YEARLY;BYMONTH=8;BYDAY=MO",
	    "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;UNTIL=25001231",
	    "FREQ=MONTHLY",
	    "FREQ=MONTHLY;INTERVAL=5",
	    "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR",
	    "FREQ=MONTHLY;BYDAY=2TU,-2WE",
	    "FREQ=MONTHLY;BYMONTHDAY=31",
	    "FREQ=MONTHLY;BYMONTH=2,3;BYMONTHDAY=-3",
	    "FREQ=WEEKLY",
	    "FREQ=WEEKLY;BYDAY=FR",
	    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU",
	    "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SA;WKST=SU",
	    "FREQ=WEEKLY;BYMONTH=12;COUNT=100",
	    "FREQ=DAILY;INTERVAL=10",
	    "FREQ=DAILY;BYDAY=SA,SU;BYMONTH=6",
	    "FREQ=DAILY;COUNT=1000",
	    "FREQ=DAILY;INTERVAL=7;UNTIL=24991231",
	    "FREQ=DAILY;BYMONTHDAY=1,15",
	    "FREQ=DAILY;INTERVAL=3;BYMONTH=2,3;BYMONTHDAY=13,28;BYDAY=FR,SA",
	};
	static const char *const starts[] = {"24520229", "24610531"};
	ukwd_date first = ymd(2450, 1, 1), last = ymd(2582, 12, 31);

	(void)state;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		for (size_t j = 0; j < sizeof(starts) / sizeof(starts[0]);
		     j++) {
			ukwd_calendar *own, *libical;
			char text[512], rule[256];

			rule_ics(text, sizeof(text), starts[j], rules[i]);
			own = plain_import(text, first, last);
			snprintf(rule, sizeof(rule),
			         "%s;BYSETPOS=1,2,3,4,5,6,7,8,9,10,11,12",
			         rules[i]);
			rule_ics(text, sizeof(text), starts[j], rule);
			libical = plain_import(text, first, last);
			if (count_holidays(own) != count_holidays(libical))
				fail_msg("%s from %s: %d days, libical %d",
				         rules[i], starts[j],
				         count_holidays(own),
				         count_holidays(libical));
			assert_same_holidays(libical, own, rules[i]);
			ukwd_calendar_free(own);
			ukwd_calendar_free(libical);
		}
	}
}

/* libical counts years before 1753 as Julian (0100-02-29 exists there):
 * a rule left to libical that starts before 1753 is refused, not cut
 * short at the first date libukwd's proleptic Gregorian calendar lacks
 * (it used to stop quietly at 0100-02-28). */
static void
test_recurrence__libical_rules_before_1753_are_refused(void **state)
{
	ukwd_calendar_builder *b =
	    plain_builder(ymd(1, 1, 1), ymd(300, 12, 31));
	ukwd_calendar *cal;
	char text[512];
	ukwd_diag diag;

	(void)state;
	rule_ics(text, sizeof(text), "00010101", "FREQ=DAILY;BYSETPOS=1");
	assert_int_equal(import_text(b, text, 0, &diag), UKWD_ERANGE);
	assert_int_equal(diag.line, 7);
	assert_non_null(strstr(diag.message, "1753"));
	/* libukwd's own rules run through those years exactly. */
	rule_ics(text, sizeof(text), "00010101",
	         "FREQ=YEARLY;BYMONTH=2;"
	         "BYMONTHDAY=-1");
	import_ok(b, text, 0);
	cal = build(b);
	assert_int_equal(count_holidays(cal), 300);
	assert_non_null(ukwd_calendar_holiday_name(cal, ymd(100, 2, 28)));
	assert_non_null(ukwd_calendar_holiday_name(cal, ymd(104, 2, 29)));
	ukwd_calendar_free(cal);
	ukwd_calendar_builder_free(b);
}

/* Every DTSTAMP line of `text` reads `expected`; how many there are. */
static size_t
dtstamps_read(const char *text, const char *expected)
{
	size_t n = 0;

	for (const char *at = strstr(text, "\nDTSTAMP:"); at;
	     at = strstr(at + 1, "\nDTSTAMP:")) {
		size_t len = strcspn(at + 1, "\r\n");

		if (len != strlen(expected) ||
		    strncmp(at + 1, expected, len) != 0)
			fail_msg("%.*s, expected %s", (int)len, at + 1,
			         expected);
		n++;
	}
	return n;
}

/* RFC 5545: DTSTAMP is when the file was made; the caller says when
 * (the library reads no clock), to the second, in UTC. */
static void
test_export__stamped_dtstamp_is_the_time_given(void **state)
{
	static const struct {
		int64_t made;
		const char *line;
	} stamps[] = {
	    {1700000000, "DTSTAMP:20231114T221320Z"},
	    {0, "DTSTAMP:19700101T000000Z"},
	    {-1, "DTSTAMP:19691231T235959Z"},
	    {INT64_C(-62135596800), "DTSTAMP:00010101T000000Z"},
	    {INT64_C(253402300799), "DTSTAMP:99991231T235959Z"},
	};
	static const int64_t out_of_range[] = {
	    INT64_C(-62135596801), INT64_C(253402300800), INT64_MIN, INT64_MAX};
	ukwd_calendar *cal = NULL;
	ukwd_plan *plan = NULL;
	ukwd_schedule *sched = NULL;
	ukwd_diag diag;
	size_t a = 0, b = 0;
	struct sink s;

	(void)state;
	assert_int_equal(
	    ukwd_calendar_new_uk(&cal, UKWD_UK_ENGLAND_WALES, 2023, 2023), 0);
	assert_int_equal(ukwd_plan_new(&plan), 0);
	assert_int_equal(ukwd_plan_add_task(&a, plan, "a", "A", 3, NULL), 0);
	assert_int_equal(ukwd_plan_add_task(&b, plan, "b", "B", 2, NULL), 0);
	assert_int_equal(
	    ukwd_plan_add_link(NULL, plan, a, b, UKWD_LINK_FS, 0, NULL, NULL),
	    0);
	assert_int_equal(
	    ukwd_schedule_new(&sched, plan, cal, ymd(2023, 5, 2), NULL, &diag),
	    0);
	for (size_t i = 0; i < sizeof(stamps) / sizeof(stamps[0]); i++) {
		memset(&s, 0, sizeof(s));
		text_append(&s.out, "", 0);
		assert_int_equal(ukwd_ical_export_stamped(
		                     cal, ymd(2023, 1, 1), ymd(2023, 12, 31),
		                     stamps[i].made, sink_write, &s),
		                 0);
		/* England and Wales, 2023: 9 bank holidays, and New Year's
		 * Day on its Sunday beside its substitute. */
		assert_int_equal(dtstamps_read(s.out.data, stamps[i].line), 10);
		text_free(&s.out);
		for (unsigned int flags = 0; flags <= UKWD_ICAL_TODO; flags++) {
			memset(&s, 0, sizeof(s));
			text_append(&s.out, "", 0);
			assert_int_equal(
			    ukwd_ical_export_schedule_stamped(
			        sched, flags, stamps[i].made, sink_write, &s),
			    0);
			assert_int_equal(
			    dtstamps_read(s.out.data, stamps[i].line), 2);
			text_free(&s.out);
		}
	}
	for (size_t i = 0; i < sizeof(out_of_range) / sizeof(out_of_range[0]);
	     i++) {
		memset(&s, 0, sizeof(s));
		assert_int_equal(ukwd_ical_export_stamped(
		                     cal, ymd(2023, 1, 1), ymd(2023, 12, 31),
		                     out_of_range[i], sink_write, &s),
		                 UKWD_EINVAL);
		assert_int_equal(ukwd_ical_export_schedule_stamped(
		                     sched, 0, out_of_range[i], sink_write, &s),
		                 UKWD_EINVAL);
		assert_int_equal(s.calls, 0);
	}
	ukwd_schedule_free(sched);
	ukwd_plan_free(plan);
	ukwd_calendar_free(cal);
}

/* ------------------------------------------------------------------ */

#define TEST(f) cmocka_unit_test(f)

static const struct CMUnitTest fixed_tests[] = {
    TEST(test_corpus__is_there_with_at_least_20_files),
    TEST(test_round_trip__england_and_wales_1971_2100),
    TEST(test_round_trip__scotland_1971_2100),
    TEST(test_round_trip__northern_ireland_1971_2100),
    TEST(test_round_trip__whole_uk_with_joined_names_1971_2100),
    TEST(test_round_trip__names_with_special_characters),
    TEST(test_round_trip__an_unnamed_holiday),
    TEST(test_export__format_crlf_prodid_value_date_and_exclusive_dtend),
    TEST(test_export__is_deterministic_and_uids_are_stable),
    TEST(test_export__a_sink_that_stops_gives_euser_and_is_not_called_again),
    TEST(test_export__argument_errors),
    TEST(test_export__stamped_dtstamp_is_the_time_given),
    TEST(test_govuk_ics__england_and_wales_2012_2017_imports_exactly),
    TEST(test_govuk_ics__official_makes_the_years_it_covers_official),
    TEST(test_govuk_ics__official_merge_into_the_uk_calendar_changes_no_day),
    TEST(test_govuk_json__each_division_and_chosen_sets_import_exactly),
    TEST(test_govuk_json__names_are_title_and_lower_case_notes),
    TEST(test_govuk_json__official_makes_the_years_it_covers_official),
    TEST(test_official__a_2030_file_is_the_truth_for_2030_only),
    TEST(test_official__without_the_flag_a_file_only_adds_days),
    TEST(test_files__the_newer_official_file_wins),
    TEST(test_files__an_ics_of_division_0_adds_days_to_every_division),
    TEST(test_files__json_then_ics_then_extra_days),
    TEST(test_files__gb_union_keeps_scotland_days_with_an_ew_file_only),
    TEST(test_files__argument_errors),
    TEST(test_files__no_division_or_an_unknown_bit_is_einval),
    TEST(test_recurrence__yearly_24_december_over_the_range),
    TEST(test_recurrence__exdate_removes_and_rdate_adds),
    TEST(test_recurrence__exdate_also_removes_an_rdate),
    TEST(test_recurrence__count_and_until_limit_a_multi_day_rule),
    TEST(test_events__dtend_duration_or_neither),
    TEST(test_events__a_multi_day_event_is_clipped_to_the_range),
    TEST(test_events__a_second_vcalendar_is_not_silently_dropped),
    TEST(test_recurrence__daily_over_1971_2100_closes_every_day),
    TEST(test_recurrence__an_hourly_rule_is_refused_and_changes_nothing),
    TEST(test_recurrence__a_weekly_rule_from_long_before_the_range_is_fine),
    TEST(test_detect__formats),
    TEST(test_detect__an_ics_with_a_byte_order_mark_imports),
    TEST(test_detect__a_lower_case_ics_imports),
    TEST(test_detect__an_ics_with_bare_lf_lines_imports),
    TEST(test_arguments__errors_are_einval_and_change_nothing),
    TEST(test_arguments__success_clears_the_diag),
    TEST(test_features__ical_and_json_are_built_in),
    TEST(test_round_trip__dates_in_1971_3000_3001_and_9999),
    TEST(test_round_trip__scotland_in_3001_and_9999),
    TEST(test_export_schedule__a_task_in_9999_round_trips),
    TEST(test_export_schedule__relations_follow_their_successor),
    TEST(test_import__a_line_longer_than_the_limit_is_refused),
    TEST(test_recurrence__rules_finer_than_a_day_are_refused_at_once),
    TEST(test_import__the_whole_file_is_bounded_by_max_days),
    TEST(test_recurrence__many_exdates_are_each_applied),
    TEST(
        test_official__a_file_with_days_in_2012_and_2030_only_covers_those_years),
    TEST(test_export__hostile_names_are_clean_text),
    TEST(test_recurrence__yearly_24_december_holds_to_9999),
    TEST(test_recurrence__daily_and_huge_count_run_to_9999),
    TEST(test_recurrence__rules_starting_after_2582_expand),
    TEST(test_recurrence__rules_libical_cannot_finish_are_refused),
    TEST(test_recurrence__a_bysetpos_no_period_can_meet_is_refused),
    TEST(test_recurrence__an_ordinal_byday_needs_monthly_or_yearly),
    TEST(test_recurrence__daily_bymonthday_is_expanded_over_the_whole_range),
    TEST(test_recurrence__a_byday_ordinal_no_month_holds_is_refused),
    TEST(test_recurrence__own_expansion_agrees_with_libical_to_2582),
    TEST(test_recurrence__libical_rules_before_1753_are_refused),
};

int
main(void)
{
	size_t nfixed = sizeof(fixed_tests) / sizeof(fixed_tests[0]);
	struct CMUnitTest *tests;
	int failed;

	list_corpus();
	tests = calloc(nfixed + ncorpus, sizeof(*tests));
	if (!tests) {
		fprintf(stderr, "out of memory\n");
		return 1;
	}
	memcpy(tests, fixed_tests, sizeof(fixed_tests));
	for (size_t i = 0; i < ncorpus; i++) {
		tests[nfixed + i].name = corpus[i].name;
		tests[nfixed + i].test_func = test_corpus_file;
		tests[nfixed + i].initial_state = &corpus[i];
	}
	failed = _cmocka_run_group_tests("ical", tests, nfixed + ncorpus, NULL,
	                                 NULL);
	free(tests);
	return failed;
}
